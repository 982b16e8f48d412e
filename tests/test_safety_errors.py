"""The errors of the system around csm, mapped in one place: one clear line,
the right exit code, and work already committed reported as committed."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from csm_checklist.store.sqlite import SqliteStore

from clihelp import run
from faults import csm_env, kept, refused, run_process, seed_log


def events(data_dir: Path) -> list[str]:
    with SqliteStore.open(data_dir / "log.sqlite3") as log:
        return sorted(event.item_id for event in log.events())


def test_a_broken_pipe_after_logging_reports_the_work_as_saved(data_dir: Path) -> None:
    # The reader is gone before csm writes a word: like `| head -1` at its worst.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "csm_checklist", "done", "monitor-accounts", "team-meeting"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=csm_env(),
        )
    finally:
        os.close(write_end)
    assert done.returncode == 1
    stderr = done.stderr.decode()
    assert stderr.startswith("Error: The output was cut short"), stderr
    assert "already saved" in stderr and "Traceback" not in stderr
    assert events(data_dir) == ["monitor-accounts", "team-meeting"]


def test_head_reading_one_line_is_quiet_and_complete(data_dir: Path) -> None:
    command = f'"{sys.executable}" -m csm_checklist done monitor-accounts team-meeting | head -1'
    done = subprocess.run(["bash", "-c", command], capture_output=True, env=csm_env())
    assert done.stdout.startswith(b"Done: Monitor the accounts")
    assert b"Traceback" not in done.stderr
    assert events(data_dir) == ["monitor-accounts", "team-meeting"]


def test_export_into_a_closed_pipe(tmp_path: Path) -> None:
    seed_log()
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "csm_checklist", "export"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=csm_env(),
        )
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert done.stderr.decode().startswith("Error: The output was cut short")


@pytest.mark.parametrize("command", [["log"], ["export"], ["done", "monitor-accounts"]])
def test_a_full_disk_on_stdout(command: list[str], tmp_path: Path, data_dir: Path) -> None:
    full = Path("/dev/full")
    if not full.exists() or not stat.S_ISCHR(full.stat().st_mode):
        pytest.skip("no /dev/full here")
    seed_log()
    before = events(data_dir)
    with full.open("wb") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "csm_checklist", *command],
            stdout=sink,
            stderr=subprocess.PIPE,
            env=csm_env(),
        )
    stderr = done.stderr.decode()
    assert done.returncode == 1, stderr
    assert stderr.startswith("Error: Cannot write the output: the disk is full."), stderr
    assert "Traceback" not in stderr
    assert stat.S_ISCHR(full.stat().st_mode)
    if command[0] == "done":
        assert "already saved" in stderr
        assert events(data_dir) == sorted([*before, "monitor-accounts"])
    else:
        assert events(data_dir) == before


@pytest.mark.skipif(
    "libfaketime" in os.environ.get("LD_PRELOAD", ""),
    reason="libfaketime, preloaded to run the suite on another day, opens a file in every "
    "child at the lowest free descriptor: the child's stdout is never closed",
)
def test_a_closed_stdout_does_nothing(tmp_path: Path) -> None:
    seed_log()
    before = kept(tmp_path)
    command = f'"{sys.executable}" -m csm_checklist done daily-engagement >&-'
    done = subprocess.run(["bash", "-c", command], capture_output=True, env=csm_env())
    assert done.returncode == 1
    assert done.stderr.decode().startswith("Error: Standard output is closed; csm did nothing.")
    assert kept(tmp_path) == before


@pytest.mark.parametrize(
    "environment",
    [{"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0"}],
)
@pytest.mark.parametrize("command", [["done", "monitor-accounts"], ["today"], ["log"]])
def test_a_non_utf8_locale_never_fails_after_logging(
    environment: dict[str, str], command: list[str], config_dir: Path, data_dir: Path
) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text("lang: ar\nuser: منى\n", encoding="utf-8")
    result = run_process(*command, env=csm_env(**environment))
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    if command[0] == "done":
        # Arabic the locale cannot show is written as escapes, never dropped.
        assert "\\u0645\\u0631\\u0627\\u0642\\u0628\\u0629" in result.stdout or (
            "مراقبة" in result.stdout
        )
        assert events(data_dir) == ["monitor-accounts"]


def test_json_stays_utf8_in_an_ascii_locale(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text("lang: ar\n", encoding="utf-8")
    result = run_process("today", "--json", env=csm_env(PYTHONIOENCODING="ascii"))
    assert result.exit_code == 0
    json.loads(result.stdout.replace("\\\\u", "\\u"))


BAD_ARGUMENTS = {
    "far future": (["today", "--on", "9999-12-31"], "outside the days csm works with"),
    "year one": (["today", "--on", "0001-01-01"], "outside the days csm works with"),
    "report far future": (["report", "--on", "9999-12-31"], "outside the days"),
    "report year one": (["report", "--on", "0001-01-01", "--period", "year"], "outside"),
    "log since year one": (["log", "--since", "0001-01-01"], "outside the days"),
    "done far future": (["done", "monitor-accounts", "--on", "9999-12-31"], "outside"),
    "due year one": (["due", "--on", "0001-01-01"], "outside the days"),
    "huge limit": (["log", "--limit", "99999999999999999999"], "out of range"),
    "not a date": (["today", "--on", "2026-02-30"], "is not a date"),
}


@pytest.mark.parametrize("case", sorted(BAD_ARGUMENTS))
def test_out_of_range_arguments(case: str, tmp_path: Path) -> None:
    seed_log()
    before = kept(tmp_path)
    args, phrase = BAD_ARGUMENTS[case]
    refused(run_process(*args), 2, phrase)
    assert kept(tmp_path) == before


@pytest.mark.parametrize(
    "args",
    [
        [b"done", b"monitor-accounts", b"--note", b"\xff"],
        [b"skip", b"team-meeting", b"--reason", b"caf\xe9"],
        [b"config", b"set", b"user", b"\xc3\x28"],
        [b"done", b"\xff\xfe"],
    ],
)
def test_bytes_that_are_not_utf8_in_arguments(args: list[bytes], tmp_path: Path) -> None:
    seed_log()
    before = kept(tmp_path)
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"csm_checklist", *args],
        capture_output=True,
        env=csm_env(),
    )
    assert done.returncode == 2
    assert done.stderr.decode().startswith("Error: The argument"), done.stderr
    assert b"is not UTF-8 text" in done.stderr
    assert kept(tmp_path) == before


def test_deeply_nested_json_import(tmp_path: Path) -> None:
    seed_log()
    before = kept(tmp_path)
    refused(run_process("import", "-", input=b'{"events": ' + b"[" * 200_000), 2, "nested")
    assert kept(tmp_path) == before


def test_a_config_folder_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    env = csm_env(CSM_CONFIG_DIR=str(blocker / "inner"))
    result = run_process("config", "set", "lang", "ar", env=env)
    refused(result, 2, "Cannot read the config file", "Not a directory")
    assert blocker.read_text() == "x"


def test_a_config_folder_that_cannot_be_written(config_dir: Path, tmp_path: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text("lang: en\n")
    before = kept(tmp_path)
    subprocess.run(["chattr", "+i", str(config_dir)], check=False)
    try:
        if os.access(config_dir, os.W_OK):
            pytest.skip("cannot make a folder read-only for root here")
        refused(run_process("config", "set", "lang", "ar"), 1, "Cannot write the config folder")
        assert run("config", "show").exit_code == 0
    finally:
        subprocess.run(["chattr", "-i", str(config_dir)], check=False)
    assert kept(tmp_path) == before
