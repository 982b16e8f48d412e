"""Every settings-like file (config.yaml, days-off.yaml, the packs file) is
changed under one lock with a timeout that names its holder: real processes
at once lose nothing, and a stopped holder never makes a command wait forever."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clihelp import run
from faults import Files, csm_env, refused, run_process

# Each of these processes adds its ten days one command after another.
WORKER = """
import sys
from csm_checklist.cli.app import app
for day in sys.argv[1:]:
    try:
        app(["off", "add", day, "--reason", "leave " + day], prog_name="csm")
    except SystemExit as exit:
        assert not exit.code, (day, exit.code)
"""


def _days(worker: int) -> list[str]:
    return [f"2027-{worker + 1:02d}-{day + 1:02d}" for day in range(10)]


def test_eight_writers_of_ten_days_each_lose_none(config_dir: Path) -> None:
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, *_days(worker)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=csm_env(),
        )
        for worker in range(8)
    ]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    listed = json.loads(run("off", "list", "--json").stdout)
    assert sorted(entry["start"] for entry in listed) == sorted(
        day for worker in range(8) for day in _days(worker)
    )
    assert all(entry["reason"] == f"leave {entry['start']}" for entry in listed)


def test_off_add_beside_off_holidays_loses_nothing(config_dir: Path) -> None:
    holidays = subprocess.Popen(
        [sys.executable, "-m", "csm_checklist", "off", "holidays", "-c", "SA", "-y", "2026"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=csm_env(),
    )
    adder = subprocess.Popen(
        [sys.executable, "-c", WORKER, *_days(0)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=csm_env(),
    )
    for process in (holidays, adder):
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    listed = json.loads(run("off", "list", "--json").stdout)
    assert {e["start"] for e in listed} >= set(_days(0))
    assert any(e["source"] == "holidays:SA" for e in listed)


# A holder stopped with Ctrl-Z ------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from csm_checklist.locks import settings_lock
with settings_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(120)
"""


@pytest.fixture
def stopped_holder(config_dir: Path) -> Iterator[int]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(config_dir), "config", "set", "lang", "ar"],
        stdout=subprocess.PIPE,
        env=csm_env(),
    )
    assert holder.stdout is not None
    assert holder.stdout.readline() == b"held\n"
    os.kill(holder.pid, signal.SIGSTOP)
    try:
        yield holder.pid
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()


@pytest.mark.parametrize(
    "args",
    [
        ["off", "add", "2026-12-02"],
        ["off", "remove", "2026-12-02"],
        ["config", "set", "user", "Mona"],
        ["checklist", "enable", "role"],
    ],
)
def test_a_stopped_holder_is_named_and_nothing_waits_forever(
    args: list[str], stopped_holder: int, tmp_path: Path
) -> None:
    before = Files.of(tmp_path / "config", tmp_path / "data")
    result = run_process(*args, env=csm_env(CSM_LOCK_TIMEOUT="0.3"), timeout=60)
    refused(result, 1, f"pid {stopped_holder}", "changing the settings", f"kill {stopped_holder}")
    assert "config set lang ar" in result.stderr  # the holder's command
    assert Files.of(tmp_path / "config", tmp_path / "data") == before


def test_the_lock_is_free_again_once_its_holder_ends(stopped_holder: int) -> None:
    os.kill(stopped_holder, signal.SIGKILL)
    result = run_process("off", "add", "2026-12-02", env=csm_env(CSM_LOCK_TIMEOUT="30"))
    assert result.exit_code == 0, result.stderr


LOG_HOLDER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(120)
"""


def test_a_done_behind_a_stopped_log_writer_names_it_and_ends(tmp_path: Path) -> None:
    from clihelp import track_from

    track_from("2026-11-01")
    log = tmp_path / "data" / "log.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c", LOG_HOLDER, str(log)], stdout=subprocess.PIPE, env=csm_env()
    )
    assert holder.stdout is not None
    assert holder.stdout.readline() == b"held\n"
    os.kill(holder.pid, signal.SIGSTOP)
    try:
        result = run_process(
            "done", "monitor-accounts", "--on", "2026-11-02", env=csm_env(CSM_LOCK_TIMEOUT="0.5")
        )
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    refused(result, 1, "is held by another process", f"pid {holder.pid}", f"kill {holder.pid}")
