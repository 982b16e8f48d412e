"""The odd corners: signals, a full disk, a system time zone no clock has,
dates and numbers out of range, empty names. Each gives one clear line and
the right exit code, never a traceback, and changes nothing."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clihelp import run, track_from
from faults import Files, csm_env, kept, refused, run_process


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_during_done_ends_cleanly(signum: int, tmp_path: Path) -> None:
    track_from("2026-11-01")
    codes = set()
    for attempt in range(8):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "csm_checklist",
                "done",
                "monitor-accounts",
                "--on",
                "2026-11-02",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=csm_env(),
        )
        time.sleep(0.05 * attempt)  # a different moment of the run each time
        process.send_signal(signum)
        _out, err = process.communicate(timeout=60)
        # Python's own start, before any of csm runs, is beyond csm's reach:
        # there a signal ends it with -signum (a shell shows 128 + signum), or
        # with 1 and "Fatal Python error" while it imports its site module.
        assert b"csm_checklist" not in err and b"Unexpected" not in err, err
        started = b"Fatal Python error" not in err
        assert process.returncode in (0, 128 + signum, -signum) or not started, (
            process.returncode,
            err,
        )
        codes.add(process.returncode)
    assert codes & {128 + signum, -signum}
    assert run("log").exit_code == 0  # the log is sound after every one of them


def test_a_full_disk_is_named_even_when_sqlite_says_disk_io_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from csm_checklist.store import sqlite_files

    class Full:
        f_bavail = 0
        f_frsize = 4096

    monkeypatch.setattr(os, "statvfs", lambda path: Full())
    error = sqlite_files.translate(
        sqlite3.OperationalError("disk I/O error"), tmp_path / "log.sqlite3"
    )
    assert "full" in error.message.lower()


def test_a_system_time_zone_no_clock_has_is_refused(tmp_path: Path) -> None:
    before = kept(tmp_path)
    result = run_process("today", env=csm_env(TZ="UTC+99"))
    refused(result, 2, "TZ=UTC+99", "csm config set timezone")
    assert kept(tmp_path) == before


@pytest.mark.parametrize("within", ["99999999999999999999h", "3000000d", "90000 workdays"])
def test_a_step_limit_no_calendar_holds_fails_validation(within: str, config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        "playbooks:\n  - id: slow\n    area: problem-solving\n"
        '    title: {en: "Slow", ar: "بطيء"}\n'
        f'    steps:\n      - {{id: wait, title: {{en: "Wait", ar: "انتظر"}}, within: {within}}}\n',
        encoding="utf-8",
    )
    refused(run("checklist", "validate"), 2, "within")
    refused(run("run", "start", "slow"), 2, "within")
    assert (
        not (config_dir.parent / "data" / "log.sqlite3").exists()
        or run("run", "list").exit_code == 0
    )


@pytest.mark.parametrize(
    ("args", "code", "phrase"),
    [
        (["off", "add", "0001-01-01"], 2, "outside the days csm keeps"),
        (["off", "add", "9999-12-31"], 2, "outside the days csm keeps"),
        (["off", "list", "--year", "0"], 2, "--year 0"),
        (["off", "list", "--year", "99999999999"], 2, "--year 99999999999"),
        (["run", "show", ""], 2, "No run was named"),
        (["run", "show", "  "], 2, "No run was named"),
        (["history", "start", "2199-12-31"], 2, "DATE 2199-12-31 is in the future"),
        (["today", "--as-logged", "0001-01-01"], 2, "--as-logged '0001-01-01'"),
        (["today", "--as-logged", "9999-12-31"], 2, "--as-logged '9999-12-31'"),
        (["report", "--as-logged", "0001-01-01T00:00"], 2, "--as-logged"),
    ],
)
def test_out_of_range_values_name_their_option(
    args: list[str], code: int, phrase: str, tmp_path: Path
) -> None:
    track_from("2026-11-01")
    before = Files.of(tmp_path / "config", tmp_path / "data")
    refused(run(*args), code, phrase)
    assert Files.of(tmp_path / "config", tmp_path / "data") == before


def test_a_huge_limit_names_the_option() -> None:
    refused(run("log", "--limit", "99999999999999999999"), 2, "--limit 99999999999999999999")


def test_days_off_in_year_9999_are_refused_with_the_line(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "days-off.yaml").write_text("days_off:\n  - date: 9999-12-31\n")
    for args in (["today"], ["off", "list"], ["report"]):
        refused(run(*args), 2, "days-off.yaml, line 2: 9999-12-31 is outside the days")


@pytest.mark.parametrize("region", ["XX", "ZZ", "QQ"])
def test_a_region_that_is_no_country_is_refused(region: str, config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text(f"region: {region}\n")
    refused(run("today"), 2, "config.yaml, line 1", f"'{region}'")
    refused(run("config", "set", "region", region), 2, f"'{region}'")


def test_a_real_region_still_reads(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text("region: SA\n")
    assert run("today").exit_code == 0


def test_a_clock_past_2199_logs_nothing_that_could_not_be_restored(tmp_path: Path) -> None:
    import time_machine

    track_from("2026-11-01")
    before = Files.of(tmp_path / "config", tmp_path / "data")
    with time_machine.travel("2200-01-02 10:00:00+00:00", tick=False):
        refused(run("done", "monitor-accounts"), 2, "The system clock says 2200-01-02")
    assert Files.of(tmp_path / "config", tmp_path / "data") == before
