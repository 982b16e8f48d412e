"""`-o FILE` is checked against one list of csm's files (`Paths.owned_files`),
and the cleanup of stale temporaries removes only those csm itself made."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from clihelp import run
from faults import Files, refused, run_process, seed_log

COMMANDS = {
    "export": ["export", "--format", "csv"],
    "report": ["report", "--on", "2026-11-02", "--format", "md"],
    "calendar": ["calendar", "--from", "2026-11-02", "--months", "1"],
}

OWN: dict[str, Callable[[Path], Path]] = {
    "the packs file": lambda t: t / "config" / "packs",
    "days-off.yaml": lambda t: t / "config" / "days-off.yaml",
    "the settings lock": lambda t: t / "config" / ".config.yaml.lock",
    "the settings cache": lambda t: t / "cache" / "settings.json",
    "the key of temporaries": lambda t: t / "cache" / "partial-key",
}


def _all(tmp_path: Path) -> Files:
    return Files.of(tmp_path / "config", tmp_path / "data", tmp_path / "cache")


@pytest.fixture(autouse=True)
def history() -> None:
    assert run("checklist", "enable", "role").exit_code == 0
    assert run("off", "add", "2026-12-02", "--reason", "Eid").exit_code == 0
    seed_log()
    assert run("today", "--json").exit_code == 0  # fills the cache


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("own", sorted(OWN))
def test_every_file_csm_owns_is_refused_as_output(command: str, own: str, tmp_path: Path) -> None:
    target = OWN[own](tmp_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.write_bytes(b"")
    before = _all(tmp_path)
    refused(run(*COMMANDS[command], "-o", str(target)), 2, str(target), "csm")
    assert _all(tmp_path) == before
    assert run("today").exit_code == 0  # the role pack is still on, the days off still read


def test_the_list_names_the_packs_file_and_days_off() -> None:
    from csm_checklist.duties.config import resolve_paths

    paths = resolve_paths()
    owned = paths.owned_files()
    assert paths.packs_file in owned and paths.days_off_file in owned
    assert paths.config_dir / ".config.yaml.lock" in owned


def _dead_pid() -> int:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    return gone.pid


@pytest.mark.parametrize(
    "name",
    [
        ".out.csv.{pid}.0badf00d.csm-partial",  # the old form of csm's names
        ".out.csv.{pid}.0badf00d-0123456789abcdef.csm-partial",  # a seal csm never made
        ".notes.txt.{pid}.1-aaaaaaaaaaaaaaaa.csm-partial",
    ],
)
def test_a_users_file_that_only_looks_like_a_temporary_is_never_deleted(
    tmp_path: Path, name: str
) -> None:
    users = tmp_path / name.format(pid=_dead_pid())
    users.write_text("the user's own words")
    assert run("export", "-o", str(tmp_path / "out.csv")).exit_code == 0
    assert users.read_text() == "the user's own words"


def test_a_temporary_csm_made_for_another_target_is_removed(tmp_path: Path) -> None:
    from csm_checklist.atomic import partial_name, use_key_folder

    use_key_folder(Path(os.environ["CSM_CACHE_DIR"]))
    stale = partial_name(tmp_path / "other.md", _dead_pid())
    stale.write_text("half")
    assert run("export", "-o", str(tmp_path / "out.csv")).exit_code == 0
    assert not stale.exists()


def test_temporaries_sealed_with_another_key_are_left_alone(tmp_path: Path) -> None:
    from csm_checklist.atomic import partial_name, use_key_folder

    use_key_folder(tmp_path / "another-install")
    foreign = partial_name(tmp_path / "out.csv", _dead_pid())
    foreign.write_text("someone else's")
    assert run("export", "-o", str(tmp_path / "out.csv")).exit_code == 0
    assert foreign.exists()


def test_a_fifo_nobody_reads_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    before = _all(tmp_path)
    result = run_process("export", "-o", str(fifo), timeout=30)
    refused(result, 1, str(fifo), "nothing is reading")
    assert _all(tmp_path) == before


def test_a_fifo_with_a_reader_gets_the_export(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        for _ in range(200):  # until cat has the FIFO open
            result = run_process("export", "-o", str(fifo), timeout=30)
            if result.exit_code == 0:
                break
        assert result.exit_code == 0, result.stderr
        out, _err = reader.communicate(timeout=30)
    finally:
        reader.kill()
    assert out.startswith(b"uuid,")
