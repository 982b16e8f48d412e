"""The one way csm reads a file it owns (reading.py): regular files only, a
size bound, strict decoding; and nothing csm writes that it cannot read back.

FIFOs are tried in real processes with a timeout: a regression must fail the
test, never hang the suite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clihelp import Result, run, track_from
from faults import Files, csm_env, kept, refused, run_process

OWNED: dict[str, Callable[[Path], Path]] = {
    "config.yaml": lambda t: t / "config" / "config.yaml",
    "days-off.yaml": lambda t: t / "config" / "days-off.yaml",
    "the packs file": lambda t: t / "config" / "packs",
    "a checklist file": lambda t: t / "config" / "checklists" / "mine.yaml",
    "the settings cache": lambda t: t / "cache" / "settings.json",
    "the catalog cache": lambda t: t / "cache" / "catalog.json",
}


def _all(tmp_path: Path) -> Files:
    return Files.of(tmp_path / "config", tmp_path / "data", tmp_path / "cache")


def _settled(tmp_path: Path) -> None:
    """The log with nothing left in its WAL, as a csm that has ended leaves
    it: a later reader's checkpoint must not count as a change."""
    import gc
    import sqlite3

    gc.collect()  # a connection a test's in-process run left open
    log = tmp_path / "data" / "log.sqlite3"
    if log.exists():
        db = sqlite3.connect(log)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()


def _place(path: Path, kind: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
@pytest.mark.parametrize("name", list(OWNED))
def test_a_file_csm_reads_that_is_not_a_regular_file_is_refused_at_once(
    tmp_path: Path, name: str, kind: str
) -> None:
    assert run("today").exit_code == 0  # the cache exists
    path = OWNED[name](tmp_path)
    _place(path, kind)
    _settled(tmp_path)
    before = _all(tmp_path)
    result = run_process("today", timeout=30)
    refused(result, 2, str(path), "not a regular file")
    assert _all(tmp_path) == before


def test_a_file_larger_than_csm_ever_reads_is_refused(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    with (config_dir / "config.yaml").open("wb") as big:
        big.truncate(17 * 1024 * 1024)  # sparse: no disk used
    refused(run("today"), 2, "config.yaml is larger than 16 MB")


def test_a_packs_file_that_is_not_utf8_names_its_line(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "packs").write_bytes(b"# packs\nrole\n\xff\xfe\n")
    refused(run("today"), 2, "packs, line 3: the file is not UTF-8 text")


def test_unknown_names_in_the_packs_file_are_refused_with_the_line(
    config_dir: Path, tmp_path: Path
) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "packs").write_text("# packs\nrole rôle\n")
    before = kept(tmp_path)
    refused(run("today"), 2, "packs, line 2: 'rôle' is not a pack")
    refused(run("checklist", "disable", "role"), 2, "is not a pack")
    assert kept(tmp_path) == before


def test_a_packs_file_overwritten_with_garbage_records_no_revision(
    config_dir: Path, tmp_path: Path
) -> None:
    assert run("checklist", "enable", "role").exit_code == 0
    track_from()
    (config_dir / "packs").write_text("PK\x03\x04 garbage, not a list of packs\n")
    before = kept(tmp_path)
    for args in (["today"], ["done", "monitor-accounts"], ["report"]):
        refused(run(*args), 2, str(config_dir / "packs"))
    assert kept(tmp_path) == before  # no revision without the role duties


def test_a_checklists_path_that_is_a_file_is_refused_even_when_cached(
    config_dir: Path,
) -> None:
    assert run("today").exit_code == 0
    (config_dir / "checklists").parent.mkdir(parents=True, exist_ok=True)
    (config_dir / "checklists").write_text("not a folder")
    refused(run("today"), 2, "checklists")


@pytest.mark.parametrize(
    "reason",
    [
        "Eid\x7fx",
        "C1 \x80 and \x9f",
        "next line \x85 here",
        "not a character \ufffe\uffff",
        "line\u2028and\u2029paragraph",
        "\x1b]52;c;aGk=\x07 ansi",
        'quotes " and \\ backslash',
        "عيد الفطر \u200f",
    ],
)
def test_any_reason_off_add_takes_reads_back_exactly(
    reason: str, config_dir: Path, tmp_path: Path
) -> None:
    assert run("off", "add", "2026-12-02", "--reason", reason).exit_code == 0
    listed = run("off", "list", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert json.loads(listed.stdout)[0]["reason"] == reason
    for args in (["today", "--on", "2026-12-02"], ["off", "list"], ["report"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
        assert "\x1b" not in result.stdout and "\x7f" not in result.stdout
    assert run("off", "remove", "2026-12-02").exit_code == 0


def test_import_refuses_a_device(tmp_path: Path) -> None:
    before = kept(tmp_path)
    refused(run_process("import", "/dev/zero", timeout=30), 2, "/dev/zero is a device")
    with open("/dev/zero", "rb") as zero:
        refused(run_process("import", "-", stdin=zero, timeout=30), 2, "standard input")
    assert kept(tmp_path) == before


@pytest.mark.skipif(
    "libfaketime" in os.environ.get("LD_PRELOAD", ""),
    reason="libfaketime, preloaded to run the suite on another day, opens a file in every "
    "child at the lowest free descriptor: the child's stdin is never closed",
)
def test_import_with_standard_input_closed_says_so(tmp_path: Path) -> None:
    before = kept(tmp_path)
    done = subprocess.run(
        ["sh", "-c", 'exec "$0" -m csm_checklist import - <&-', sys.executable],
        capture_output=True,
        env=csm_env(),
        timeout=30,
    )
    result = Result(done.returncode, done.stdout.decode(), done.stderr.decode())
    refused(result, 2, "Standard input is closed")
    assert kept(tmp_path) == before


def test_an_import_larger_than_the_bound_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csm_checklist import reading

    monkeypatch.setattr(reading, "MAX_IMPORT_BYTES", 64)
    source = tmp_path / "big.jsonl"
    source.write_text("\n" * 65)
    before = kept(tmp_path)
    refused(run("import", str(source)), 2, "big.jsonl is larger than")
    assert kept(tmp_path) == before


# Any bytes at all in a file csm reads: a result or exit 2, never a traceback.

FILES = ["config.yaml", "days-off.yaml", "packs", "checklists/mine.yaml"]
TEMPLATES = [
    b"",
    b"days_off:\n  - date: 2026-12-02\n    reason: x\n",
    b"items:\n  - {id: team-meeting, enabled: false}\n",
    b"lang: ar\nweek_start: sunday\n",
    b"role\n",
]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    which=st.sampled_from(FILES),
    head=st.sampled_from(TEMPLATES),
    tail=st.binary(max_size=60),
    cut=st.integers(min_value=0, max_value=80),
)
def test_any_bytes_in_a_file_csm_reads_give_a_result_or_exit_2(
    config_dir: Path, which: str, head: bytes, tail: bytes, cut: int
) -> None:
    for name in FILES:
        path = config_dir / name
        if path.exists():
            path.unlink()
    path = config_dir / which
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(head[:cut] + tail)
    result = run("today", "--on", "2026-12-02")  # raises on any unexpected exception
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: ")
        assert "Unexpected error" not in result.stderr


def test_a_cache_value_edited_by_hand_is_a_miss(tmp_path: Path) -> None:
    assert run("today").exit_code == 0
    cache = tmp_path / "cache" / "catalog.json"
    cache.write_text(cache.read_text().replace('"daily"', '"fortnightly"', 1))
    for args in (["today"], ["list"], ["report"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
    assert '"fortnightly"' not in cache.read_text()  # rebuilt by csm
