"""Benchmark csm the way a manager runs it: whole processes, not functions.

It builds, in temporary folders,
  (a) a realistic 10-year history of the built-in checklist (~15,000 events,
      with notes, skips, late entries and undone ones), and
  (b) a log of 1,000,000 events: the same history after 30 earlier years of
      archived items (a longer history, equally busy in the recent years);
then times each command at (a) and at (b), interleaved in every round with
its reference (the import floor, or a plain sqlite3 + csv script), and prints
the median of the measured runs after a warm-up (wall clock, and CPU time,
which moves less on a shared machine), peak memory, and the ratios against
the budgets (judged on wall clock; the CPU ratio beside each).

    python bench/run.py                  # the full run (a few minutes)
    python bench/run.py --runs 3 --big 100000   # a quick look
    python bench/run.py --open-runs 2 --measure-days 365   # with playbooks and measures

It needs csm installed in the running interpreter's environment. No timing is
asserted anywhere in the test suite: these figures are read by people.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from datetime import time as clock
from pathlib import Path

from csm_checklist.dates.schedule import (
    WorkCalendar,
    due_date,
    is_expected,
    periods_overlapping,
)
from csm_checklist.duties.checklists import load_catalog
from csm_checklist.store.measure_records import MeasureRecord
from csm_checklist.store.records import Event, StartRecord, new_uuid
from csm_checklist.store.sqlite import SqliteStore

HERE = Path(__file__).resolve().parent
FLOOR = "import typer, rich.console, rich.table, yaml, dateutil.rrule, platformdirs, sqlite3"
END = date(2026, 10, 30)  # the last day of the generated history (a Friday)
TODAY = date(2026, 11, 2)  # the day the commands look at (a Monday)
OFFSET = timezone(timedelta(hours=3))
NOTES = [
    "2 escalations",
    "تم الرد على جميع الاستفسارات",
    'Customer asked "why, again?" — escalated',
    "Boycott rumour, handled per crisis plan, قناة جديدة",
    "Inbox spike after the campaign, 300+ messages",
]
FREE_DAYS = 40  # recent workdays left undone for `csm done` to log


def _events_for_history(years: int, rng: random.Random) -> Iterator[Event]:
    catalog = load_catalog(None)
    cal = WorkCalendar()
    start = END.replace(year=END.year - years) + timedelta(days=1)
    host = socket.gethostname()
    free_from = END - timedelta(days=FREE_DAYS * 7 // 5 + 2)
    for item in catalog.enabled_items():
        rec = item.recurrence
        for period in periods_overlapping(start, END, rec, cal):
            if not is_expected(period, rec, cal) or period.end > END:
                continue
            if item.id == "monitor-accounts" and period.start >= free_from:
                continue
            roll = rng.random()
            if roll < 0.08:
                continue  # missed
            due = due_date(period, rec, cal)
            kind = "skip" if roll < 0.13 else "done"
            late = kind == "done" and roll > 0.9 and due < period.end
            for_date = min(due + timedelta(days=1), period.end) if late else due
            logged = datetime.combine(for_date, clock(16, rng.randrange(60)), OFFSET)
            note = rng.choice(NOTES) if rng.random() < 0.3 else ""

            event = Event(
                uuid=_uuid(rng),
                item_id=item.id,
                title=item.title.en,
                cadence=rec.cadence,
                kind=kind,  # type: ignore[arg-type]
                period_start=period.start,
                period_end=period.end,
                for_date=for_date,
                logged_at=logged,
                by="Mona",
                note=note,
                host=host,
            )
            if rng.random() < 0.12:  # a slip, undone at once and logged again
                undone = logged + timedelta(minutes=1)
                yield event._replace(uuid=_uuid(rng), undone_at=undone)
            yield event


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _archived_events(count: int, rng: random.Random) -> Iterator[Event]:
    """Events of items that no longer exist, from the years before history (a)
    begins: (b) is a much longer history, not a busier one, so every command
    should cost the same on it as on (a) if it reads through its indexes."""
    start = END.replace(year=END.year - 40)
    span = (END.replace(year=END.year - 10) - start).days
    host = socket.gethostname()
    for n in range(count):
        day = start + timedelta(days=rng.randrange(span))
        yield Event(
            uuid=_uuid(rng),
            item_id=f"archived-{n % 500}",
            title=f"Archived duty {n % 500}",
            cadence="daily",
            kind="done",
            period_start=day,
            period_end=day,
            for_date=day,
            logged_at=datetime.combine(day, clock(9), OFFSET),
            by="Team",
            note=NOTES[n % len(NOTES)] if n % 7 == 0 else "",
            host=host,
        )


def build_logs(root: Path, big: int) -> tuple[Path, Path, int, int]:
    """Write log (a) and log (b); return their data dirs and sizes."""
    rng = random.Random(2023)
    small_dir, big_dir = root / "data-a", root / "data-b"
    small_dir.mkdir()
    with SqliteStore.open(small_dir / "log.sqlite3") as log:
        log.merge(_events_for_history(10, rng))
        # Tracked since the first day of the history, as a log kept from then is.
        first = END.replace(year=END.year - 10) + timedelta(days=1)
        log.add_start(StartRecord(new_uuid(), first, datetime.now(timezone.utc)))
        small = log.count()
    big_dir.mkdir()
    shutil.copy(small_dir / "log.sqlite3", big_dir / "log.sqlite3")
    with SqliteStore.open(big_dir / "log.sqlite3") as log:
        log.merge(_archived_events(max(big - small, 0), rng))
        large = log.count()
    return small_dir, big_dir, small, large


def load_team(data: Path, dbname: str) -> str:
    """Copy log `data` into a new database on the PostgreSQL server the PG*
    variables name (set up by `csm team init`); return its name."""
    import psycopg

    from csm_checklist.store import pg_admin
    from csm_checklist.store.postgres import PostgresStore

    with psycopg.connect(autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{dbname}"')
    url = f"postgresql:///{dbname}"
    pg_admin.init(url)
    # Who did it is done_by on both; logged by is whoever copies it here.
    columns = (
        "uuid, item_id, title, cadence, kind, period_start, period_end, for_date, logged_at, "
        "done_by, note, undone_at, host, logged_at_utc"
    )
    # Read straight from the SQLite file: its tables are the same whatever
    # the Python class that opens it.
    source = sqlite3.connect(data / "log.sqlite3")
    try:
        with psycopg.connect(url) as conn:
            with (
                conn.cursor() as cursor,
                cursor.copy(f"COPY csm.events ({columns}) FROM STDIN") as copy,
            ):
                # A log merged from two machines can hold two active events for
                # one period; the team's record holds one: the later ones come
                # in undone, as `csm team join` brings them.
                undone = (
                    "CASE WHEN undone_at IS NULL AND row_number() OVER (PARTITION BY item_id, "
                    "period_start, undone_at IS NULL ORDER BY logged_at_utc, id) > 1 "
                    "THEN logged_at ELSE undone_at END"
                )
                chosen = columns.replace("logged_at_utc", "logged_at").replace("undone_at", undone)
                for row in source.execute(
                    f"SELECT {chosen} FROM events ORDER BY logged_at_utc, id"
                ):
                    logged = datetime.fromisoformat(row[8])
                    copy.write_row((*row[:-1], logged.astimezone(timezone.utc).isoformat()))
            conn.execute("ANALYZE csm.events")
        starts = [
            StartRecord(uuid, date.fromisoformat(start), datetime.fromisoformat(moment))
            for uuid, start, moment in source.execute(
                "SELECT uuid, start, recorded_at FROM tracking_starts ORDER BY recorded_at_utc, id"
            )
        ]
        revisions = [
            (uuid, date.fromisoformat(day), datetime.fromisoformat(moment), rules)
            for uuid, day, moment, rules in source.execute(
                "SELECT uuid, effective, recorded_at, rules FROM revisions "
                "ORDER BY effective, recorded_at_utc, id"
            )
        ]
    finally:
        source.close()
    from csm_checklist.store.records import RevisionRecord

    with PostgresStore.open(url) as team:
        for start in starts:
            team.add_start(start)
        for uuid, day, moment, rules in revisions:
            team.add_revision(RevisionRecord(uuid, day, moment, rules))
    return dbname


def topydo_peer(root: Path, python: str) -> list[str] | None:
    """The command of the peer case: topydo listing a todo.txt of the day's
    open duties, with 13,000 done items in its archive (done.txt), as
    topydo keeps them. None when topydo is not installed (`pip install
    ".[bench]"` brings it)."""
    script = Path(python).with_name("topydo")
    if not script.exists():
        print("topydo is not installed: the peer case is left out", file=sys.stderr)
        return None
    folder = root / "topydo"
    folder.mkdir()
    first = END.replace(year=END.year - 9)
    done = [
        f"x {first + timedelta(days=n // 4)} {first + timedelta(days=n // 4)} Duty {n % 19} +csm"
        for n in range(13_000)
    ]
    (folder / "done.txt").write_text("\n".join(done) + "\n", encoding="utf-8")
    open_items = [f"(A) {TODAY} Duty {n} +csm due:{TODAY}" for n in range(19)]
    (folder / "todo.txt").write_text("\n".join(open_items) + "\n", encoding="utf-8")
    (folder / "config").write_text("", encoding="utf-8")
    return [
        str(script),
        "-c",
        str(folder / "config"),
        "-t",
        str(folder / "todo.txt"),
        "-d",
        str(folder / "done.txt"),
        "ls",
    ]


def add_runs_and_measures(data: Path, open_runs: int, measure_days: int) -> None:
    """`open_runs` open crisis runs, and complaints and satisfaction recorded
    with every monthly report of the last `measure_days` days."""
    from csm_checklist.duties.playbooks import load_playbooks
    from csm_checklist.rules.runs import start_run

    catalog = load_catalog(None)
    playbooks = load_playbooks(list(catalog.files), list(catalog.areas))
    with SqliteStore.open(data / "log.sqlite3") as log:
        for n in range(open_runs):
            moment = datetime.combine(TODAY, clock(9 + n), tzinfo=OFFSET)
            start_run(log, playbooks["crisis"], moment, by="bench")
        since = END - timedelta(days=measure_days)
        events = log.events(item_id="monthly-report", since=since, newest_first=False)
        log.merge_measures(
            MeasureRecord(event.uuid, measure, value, unit)
            for event in list(events)
            for measure, value, unit in (("complaints", 130.0, ""), ("csat", 4.5, "/5"))
        )


def write_days_off(config: Path, count: int) -> None:
    """A year of days off around TODAY: one- to five-day entries, every ninth day."""
    from csm_checklist.dates.daysoff import DayOff, save_days_off

    path = config / "days-off.yaml"
    path.unlink(missing_ok=True)
    if count:
        first = TODAY - timedelta(days=9 * count // 2)
        entries = [
            DayOff(
                first + timedelta(days=9 * n),
                first + timedelta(days=9 * n + n % 5),
                f"Holiday {n}",
                "holidays:SA" if n % 2 else "",
            )
            for n in range(count)
        ]
        save_days_off(path, entries)


@dataclass
class Case:
    name: str
    argv: list[str]
    env: dict[str, str]
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system time of the process
    peaks: list[float] = field(default_factory=list)
    fresh_args: list[list[str]] | None = None  # a new tail per run (for `done`)


def run_once(case: Case, run: int) -> None:
    argv = case.argv + (case.fresh_args[run] if case.fresh_args else [])
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=case.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{case.name} failed: {' '.join(argv)}\n{err}")
    case.times.append(elapsed)
    case.cpu.append(usage.ru_utime + usage.ru_stime)
    case.peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
    # Flush what this process wrote, untimed: otherwise the next process to
    # fsync (csm done) pays for the exports' 150 MB as well as its own write.
    os.sync()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="measured runs per case (>= 7)")
    parser.add_argument("--warmup", type=int, default=2, help="unmeasured runs first")
    parser.add_argument("--big", type=int, default=1_000_000, help="events in log (b)")
    parser.add_argument("--keep", type=Path, help="build the logs here and keep them")
    parser.add_argument(
        "--days-off", type=int, default=0, help="entries in days-off.yaml (a year: 40)"
    )
    parser.add_argument(
        "--open-runs", type=int, default=0, help="open playbook runs in both logs (e.g. 2)"
    )
    parser.add_argument(
        "--measure-days",
        type=int,
        default=0,
        help="days back with measures on each monthly report (a year: 365)",
    )
    parser.add_argument(
        "--team",
        action="store_true",
        help="also time today --json on the team store: log (a) (and (b) with --team-big) "
        "copied to the PostgreSQL server of the PG* variables, over its Unix socket and "
        "over loopback TCP (scripts/pg-test-cluster run python bench/run.py --team)",
    )
    parser.add_argument("--team-big", action="store_true", help="with --team: log (b) too")
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="csm-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    print(f"building logs in {root} ...", flush=True)
    small_dir, big_dir, small, large = build_logs(root, args.big)
    if args.open_runs or args.measure_days:
        for data in (small_dir, big_dir):
            add_runs_and_measures(data, args.open_runs, args.measure_days)
    built = time.perf_counter() - began
    print(f"(a) {small:,} events, (b) {large:,} events, built in {built:.0f} s", flush=True)

    python = sys.executable
    csm = [python, "-m", "csm_checklist"]
    script = shutil.which("csm", path=str(Path(python).parent))
    if script:  # the console script is what users run
        csm = [script]
    config = root / "config"
    config.mkdir(exist_ok=True)
    write_days_off(config, args.days_off)
    # Bytecode as a user's install has it: the warm-up runs write any missing .pyc.
    base_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CSM_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    base_env |= {
        "CSM_CONFIG_DIR": str(config),
        "CSM_CACHE_DIR": str(root / "cache"),
        "NO_COLOR": "1",
        "COLUMNS": "120",
    }
    env_a = base_env | {"CSM_DATA_DIR": str(small_dir)}
    env_b = base_env | {"CSM_DATA_DIR": str(big_dir)}
    on = ["--on", TODAY.isoformat()]
    total = args.warmup + args.runs
    free = [END - timedelta(days=d) for d in range(FREE_DAYS * 7 // 5)]
    free = [d for d in free if d.weekday() < 5]
    needed = 2 * total
    if len(free) < needed:
        raise SystemExit(f"only {len(free)} free days for `csm done`; lower --runs")
    done_a = [["--on", d.isoformat()] for d in free[:total]]
    done_b = [["--on", d.isoformat()] for d in free[total:needed]]

    cases = [Case("floor", [python, "-c", FLOOR], base_env)]
    for label, env, done_days in (("a", env_a, done_a), ("b", env_b, done_b)):
        terminal = env | {"CSM_FORCE_TERMINAL": "1"}
        cases += [
            Case(f"today (terminal) @{label}", [*csm, "today", *on], terminal),
            Case(f"today --json @{label}", [*csm, "today", "--json", *on], env),
            Case(
                f"due --period quarter --json @{label}",
                [*csm, "due", "-p", "quarter", "--json", *on],
                env,
            ),
            Case(f"done @{label}", [*csm, "done", "monitor-accounts"], env, fresh_args=done_days),
            Case(
                f"report --period year @{label}",
                [*csm, "report", "--period", "year", "--format", "json", *on],
                env,
            ),
            # The page for senior management: the same report, drawn by Jinja2.
            Case(
                f"report --period year html @{label}",
                [
                    *csm,
                    "report",
                    "--period",
                    "year",
                    "--format",
                    "html",
                    *on,
                    "-o",
                    str(root / f"report-{label}.html"),
                ],
                env,
            ),
        ]
    team_budgets: list[tuple[str, str, float]] = []
    if args.team:
        logs = [("a", small_dir, env_a)] + ([("b", big_dir, env_b)] if args.team_big else [])
        socket_dir = os.environ.get("PGHOST", "")
        port = os.environ.get("PGPORT", "5432")
        # What psycopg's import alone costs a process, beside Python's start.
        cases.append(Case("python -c pass", [python, "-c", "pass"], base_env))
        cases.append(Case("python -c 'import psycopg'", [python, "-c", "import psycopg"], base_env))
        for label, data, env in logs:
            dbname = load_team(data, f"csm_bench_{label}")
            print(f"team store ({label}) loaded into {dbname}", flush=True)
            for how, host in (("socket", socket_dir), ("tcp", "127.0.0.1")):
                store = f"postgresql:///{dbname}?host={host}&port={port}"
                name = f"today --json @{label} team {how}"
                cases.append(Case(name, [*csm, "today", "--json", *on], env | {"CSM_STORE": store}))
                # The budget: the team store within 2x its SQLite time.
                team_budgets.append((name, f"today --json @{label}", 2.0))
            if label == "a":
                # The same record once a lead has published the checklists:
                # members follow the published set, cached by revision.
                published = load_team(data, "csm_bench_a_published")
                store = f"postgresql:///{published}?host={socket_dir}&port={port}"
                subprocess.run(
                    [*csm, "team", "publish"], env=env | {"CSM_STORE": store}, check=True
                )
                name = "today --json @a team socket published"
                cases.append(Case(name, [*csm, "today", "--json", *on], env | {"CSM_STORE": store}))
                team_budgets.append((name, "today --json @a team socket", 1.10))
    peer = topydo_peer(root, python)
    if peer is not None:
        cases.append(Case("topydo ls (peer)", peer, base_env))
    export_to = root / "export.csv"
    plain_to = root / "plain.csv"
    cases += [
        Case("export csv @b", [*csm, "export", "--format", "csv", "-o", str(export_to)], env_b),
        Case(
            "plain sqlite3+csv @b",
            [python, str(HERE / "plain_export.py"), str(big_dir / "log.sqlite3"), str(plain_to)],
            env_b,
        ),
    ]

    for run in range(total):
        for case in cases:
            run_once(case, run)
        print(f"round {run + 1}/{total}", end="\r", flush=True, file=sys.stderr)
    for case in cases:
        del case.times[: args.warmup], case.cpu[: args.warmup], case.peaks[: args.warmup]

    medians = {c.name: statistics.median(c.times) for c in cases}
    # CPU time moves less than wall time on a machine shared with other work.
    cpu = {c.name: statistics.median(c.cpu) for c in cases}
    peaks = {c.name: max(c.peaks) for c in cases}
    floor = medians["floor"]
    budgets = [
        # The morning command, held close to what it has cost since it stopped
        # importing typer and dataclasses (README: Performance).
        ("today (terminal) @a", "floor", 0.90),
        ("today --json @a", "floor", 0.60),
        ("done @a", "floor", 1.10),
        ("report --period year @a", "floor", 1.30),
        ("report --period year html @a", "floor", 1.30),  # the same report budget
        *(
            (f"{name} @b", f"{name} @a", 1.05)
            for name in (
                "today (terminal)",
                "today --json",
                "due --period quarter --json",
                "done",
                "report --period year",
                "report --period year html",
            )
        ),
        ("export csv @b", "plain sqlite3+csv @b", 1.20),
    ]
    budgets += team_budgets
    if peer is not None:
        # A peer a manager could use instead: a todo.txt tool listing what is
        # open, with its 13,000 done items archived as topydo does by default.
        budgets.append(("today --json @a", "topydo ls (peer)", 1.00))
    print()
    print(f"csm benchmark · {args.runs} measured runs after {args.warmup} warm-up, medians")
    print(f"python {sys.version.split()[0]} · {os.cpu_count()} cores", end=" · ")
    print(f"logs: (a) {small:,} events, (b) {large:,} events")
    print()
    head = f"{'case':38} {'median ms':>10} {'peak MiB':>9} {'× floor':>8}"
    print(f"{head} {'cpu ms':>8} {'× floor':>8}")
    for case in cases:
        name = case.name
        ms, ratio = 1000 * medians[name], medians[name] / floor
        cpu_ms, cpu_ratio = 1000 * cpu[name], cpu[name] / cpu["floor"]
        print(
            f"{name:38} {ms:10.1f} {peaks[name]:9.1f} {ratio:8.2f} {cpu_ms:8.1f} {cpu_ratio:8.2f}"
        )
    print()
    print(f"{'budget (ok: the wall-clock ratio)':58} {'ratio':>6} {'cpu':>6} {'limit':>6}  ok")
    failed = 0
    for name, reference, limit in budgets:
        ratio = medians[name] / medians[reference]
        cpu_ratio = cpu[name] / cpu[reference]
        ok = ratio <= limit
        failed += not ok
        verdict = "yes" if ok else "NO"
        pair = f"{ratio:6.2f} {cpu_ratio:6.2f}"
        print(f"{name + ' / ' + reference:58} {pair} {limit:6.2f}  {verdict}")
    memory_ok = peaks["export csv @b"] <= 64
    failed += not memory_ok
    peak = peaks["export csv @b"]
    verdict = "yes" if memory_ok else "NO"
    print(f"{'export csv @b peak memory (MiB)':58} {peak:6.1f} {'':6} {64:6.0f}  {verdict}")
    print()
    if args.team:
        # today reads the team store through libpq (store/pg_quick.py): what
        # psycopg's import would cost it, and what the server costs instead.
        psycopg_ms = 1000 * (medians["python -c 'import psycopg'"] - medians["python -c pass"])
        print(f"psycopg's import: {psycopg_ms:.0f} ms (today on the team store does without)")
        for name in medians:
            if " team " in name:
                sqlite = name.split(" team ")[0]
                rest = 1000 * (medians[name] - medians[sqlite])
                print(f"{name}: {rest:+.0f} ms beyond {sqlite}")
        print()
    print(f"total time {time.perf_counter() - began:.0f} s; {failed} budget(s) missed")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
