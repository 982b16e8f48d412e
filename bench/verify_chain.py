"""How long `csm verify` takes to walk the hash chain of a big log, as a
manager runs it (whole processes), and how long an older log's chain takes to
build once (the migration).

It writes, in a temporary folder, a log as csm kept it before the chain:
N events (default 1,000,000) over 30 years, a note corrected on one in 50
and one in 100 undone; opens it once (the migration builds the chain, in log
order), then times `csm verify` and `csm verify --head` (the head of an early
report) over several runs and prints the median of each.

    python bench/verify_chain.py                 # a million events, 5 runs
    python bench/verify_chain.py --events 100000 --runs 3

The budget (docs/performance.md): `csm verify` of a million-event log within
60 s on the 2-core reference machine; the one-off build within 120 s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from csm_checklist.store.records import Event, event_row, utc_key
from csm_checklist.store.sqlite import SqliteStore
from csm_checklist.store.sqlite_events import INSERT_EVENT
from csm_checklist.store.sqlite_migrations import SCHEMA_VERSION, migrate

OFFSET = timezone(timedelta(hours=3))
START = date(1996, 11, 1)
NOTES = ["2 escalations", "تم الرد على جميع الاستفسارات", 'asked "why?" — escalated', ""]


def build(path: Path, count: int) -> None:
    """A log at the schema before the chain, `count` events in log order."""
    rng = random.Random(2026)
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, SCHEMA_VERSION - 1)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("BEGIN")
    per_day = max(1, count // (30 * 365))
    for n in range(count):
        day = START + timedelta(days=n // per_day)
        moment = datetime(day.year, day.month, day.day, 9, 0, tzinfo=OFFSET) + timedelta(
            seconds=n % per_day
        )
        event = Event(
            uuid=f"{rng.getrandbits(128):032x}",
            item_id=f"duty-{n % per_day}",
            title=f"Duty {n % per_day}",
            cadence="daily",
            kind="done" if n % 20 else "skip",
            period_start=day,
            period_end=day,
            for_date=day,
            logged_at=moment,
            by="Mona",
            note=NOTES[n % len(NOTES)],
            host="desk-1",
        )
        db.execute(INSERT_EVENT, (*event_row(event), utc_key(moment)))
        later = moment + timedelta(hours=2)
        if n % 50 == 0:
            db.execute(
                "INSERT INTO note_changes (event_uuid, old_note, new_note, changed_at, "
                "changed_at_utc, changed_by, host) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    event.uuid,
                    event.note,
                    "corrected",
                    later.isoformat(),
                    utc_key(later),
                    "Mona",
                    "",
                ),
            )
            db.execute("UPDATE events SET note = 'corrected' WHERE uuid = ?", (event.uuid,))
        if n % 100 == 1:
            db.execute(
                "UPDATE events SET undone_at = ? WHERE uuid = ?", (later.isoformat(), event.uuid)
            )
    db.execute("COMMIT")
    db.close()


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    began = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    spent = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stdout}")
    return spent, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each command")
    parser.add_argument("--keep", type=Path, help="build the log here and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="csm-verify-bench-"))
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    path = data / "log.sqlite3"
    try:
        began = time.perf_counter()
        build(path, args.events)
        print(f"wrote {args.events:,} events in {time.perf_counter() - began:.1f} s")
        began = time.perf_counter()
        with SqliteStore.open(path) as store:  # the migration builds the chain
            links, _head = store.chain_head()
        print(f"built the chain once: {links:,} links in {time.perf_counter() - began:.1f} s")
        early = (
            sqlite3.connect(path)
            .execute("SELECT hash FROM chain WHERE seq = ?", (max(1, links // 10),))
            .fetchone()[0]
        )
        csm = shutil.which("csm", path=str(Path(sys.executable).parent))
        command = [csm] if csm else [sys.executable, "-m", "csm_checklist"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("CSM_")}
        env |= {"CSM_DATA_DIR": str(data), "CSM_CONFIG_DIR": str(root / "config")}
        for label, extra in (
            ("verify", []),
            ("verify --head (an early report)", ["--head", early[:12]]),
        ):
            spent = []
            for _run in range(args.runs):
                seconds, said = timed([*command, "verify", *extra], env)
                spent.append(seconds)
            print(
                f"{label}: median {statistics.median(spent):.2f} s over {args.runs} runs "
                f"(min {min(spent):.2f}, max {max(spent):.2f}); {said.strip()[:90]}"
            )
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
