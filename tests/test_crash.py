"""A `csm done` killed at any instant leaves a readable log that holds every
event whose command reported success.

Real processes are killed with SIGKILL (no clean-up of any kind runs) at
random moments: while Python starts, while the catalog loads, while the log
is created or written, and just after. Every run logs a new event (its own
item and day), so nothing is "already done".
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from clock import on_day
from csm_checklist.store.sqlite import SqliteStore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

RUNS = 60
ITEMS = ("monitor-accounts", "daily-engagement", "team-supervision", "resolve-issues")
SEED = 20261123


def _command(item: str) -> list[str]:
    return [sys.executable, "-m", "csm_checklist", "done", item]


def _on(env: dict[str, str], day: date) -> dict[str, str]:
    # Each run happens on its own day, so it logs a period of its own; the
    # log starts tracking on the day of the run that creates it.
    return on_day(env, f"{day.isoformat()} 12:00:00")


def test_killed_commands_leave_a_sound_log(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(sys.path),
        "CSM_CONFIG_DIR": str(tmp_path / "config"),
        "CSM_DATA_DIR": str(tmp_path / "data"),
    }
    rng = random.Random(SEED)

    # How long one command takes here, to aim the kills across its whole life.
    started = time.monotonic()
    warm_up = subprocess.run(
        _command("monitor-accounts"), env=_on(env, date(2023, 12, 31)), capture_output=True
    )
    typical = time.monotonic() - started
    assert warm_up.returncode == 0, warm_up.stderr
    (tmp_path / "data" / "log.sqlite3").unlink()  # start the runs with no log at all
    for leftover in (tmp_path / "data").glob("log.sqlite3-*"):
        leftover.unlink()

    succeeded: list[tuple[str, date]] = []
    killed = 0
    for run in range(RUNS):
        item, day = ITEMS[run % len(ITEMS)], date(2024, 1, 1) + timedelta(days=run)
        # Half the kills land anywhere, half near the end, where the log is written.
        low, high = (0.0, 1.0) if run % 2 else (0.6, 1.2)
        delay = rng.uniform(low * typical, high * typical)
        process = subprocess.Popen(
            _command(item), env=_on(env, day), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
        out, err = process.communicate(timeout=60)
        if process.returncode == 0:
            assert out.startswith(b"Done: "), out
            succeeded.append((item, day))
        else:
            # Killed, and never failing for any other reason: each run finds
            # the log its predecessors left usable.
            assert process.returncode == -signal.SIGKILL, err.decode()
            killed += 1

    print(f"{killed} killed, {len(succeeded)} succeeded; one run takes {typical:.2f} s")
    assert killed >= 10 and len(succeeded) >= 5, (killed, len(succeeded))

    path = tmp_path / "data" / "log.sqlite3"
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()
    with SqliteStore.open(path) as log:
        found = log.active_for(succeeded)
        assert sorted(found) == sorted(succeeded)
        assert log.count() <= RUNS
