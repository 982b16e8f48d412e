"""Commands running at the same time wait for each other: no event is lost and
none fails with "database is locked", even on a log none of them has created."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from clock import on_day
from csm_checklist.store.sqlite import SqliteStore

pytestmark = pytest.mark.slow

WORKERS = 4
EVENTS_EACH = 25

# Each worker waits for the same start moment, then opens the log afresh for
# every event, as 25 separate commands would.
WORKER = textwrap.dedent(
    """
    import sys, time, uuid
    from datetime import date, datetime, timedelta, timezone
    from pathlib import Path
    from csm_checklist.store.records import Event
    from csm_checklist.store.sqlite import SqliteStore

    path, worker, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    start_at = float(sys.argv[4])
    while time.time() < start_at:
        time.sleep(0.001)
    for i in range(count):
        day = date(2024, 1, 1) + timedelta(days=i)
        event = Event(
            uuid=str(uuid.uuid4()), item_id=f"worker-{worker}", title="Load", cadence="daily",
            kind="done", period_start=day, period_end=day, for_date=day,
            logged_at=datetime.now(timezone.utc), by=f"w{worker}", note="", host="test",
        )
        with SqliteStore.open(path) as log:
            ((_, existing),) = log.record([event])
        assert existing is None, existing
    print("ok")
    """
)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


def test_workers_logging_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "data" / "log.sqlite3"  # not there yet: the first open races too
    start_at = time.time() + 1.0
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), str(n), str(EVENTS_EACH), str(start_at)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for n in range(WORKERS)
    ]
    outcomes = [worker.communicate(timeout=120) for worker in workers]
    for worker, (out, err) in zip(workers, outcomes, strict=True):
        assert "locked" not in err
        assert worker.returncode == 0, err
        assert out == "ok\n"
    with SqliteStore.open(path) as log:
        assert log.count() == WORKERS * EVENTS_EACH
        for n in range(WORKERS):
            assert len(list(log.events(item_id=f"worker-{n}"))) == EVENTS_EACH


def test_csm_done_commands_at_once(tmp_path: Path) -> None:
    env = on_day(
        {
            **_env(),
            "CSM_CONFIG_DIR": str(tmp_path / "config"),
            "CSM_DATA_DIR": str(tmp_path / "data"),
        },
        "2024-03-04 09:00:00",
    )
    items = [
        "monitor-accounts",
        "daily-engagement",
        "team-supervision",
        "resolve-issues",
        "team-meeting",
        "campaign-prep",
        "monthly-report",
        "policy-review",
    ]
    # All on one Monday, on a log none of them has created: each one races to
    # create it and to record its tracking start.
    commands = [[sys.executable, "-m", "csm_checklist", "done", item] for item in items]
    running = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for c in commands
    ]
    for process in running:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert out.startswith("Done: "), out
    with SqliteStore.open(tmp_path / "data" / "log.sqlite3") as log:
        assert log.count() == len(commands)
        assert [s.start for s in log.starts()] == [date(2024, 3, 4)]
        assert len(log.revisions()) == 1
