"""A month of work to report on: September 2026, for the HTML and PDF tests."""

from __future__ import annotations

from datetime import datetime, timezone

import time_machine

from clihelp import run, track_from

DAY = "2026-09-30"


def ok(*args: str) -> None:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)


def log_september() -> None:
    """Daily work with misses and a skip, weekly meetings (one late), notes,
    nine months of measures, and a crisis run closed a day later with a late
    step."""
    ok("config", "set", "user", "Mona")
    track_from("2025-09-01")
    workdays = [d for d in range(1, 31) if d not in (5, 6, 12, 13, 19, 20, 26, 27)]
    for day in workdays:
        if day in (8, 9):
            continue
        items = ["monitor-accounts", "resolve-issues"] + (["team-supervision"] if day > 10 else [])
        ok("done", *items, "--on", f"2026-09-{day:02d}")
    ok("skip", "monitor-accounts", "--on", "2026-09-08", "--reason", "outage")
    for day in ("2026-09-03", "2026-09-12", "2026-09-17"):  # the 12th: a Saturday, late
        ok("done", "team-meeting", "--on", day)
    ok("done", "performance-review", "--on", "2026-09-04", "--note", "All reviewed")
    month_ends = ("01-30", "02-27", "03-31", "04-30", "05-29", "06-30", "07-31", "08-31", "09-30")
    csats = (4.1, 4.3, 4.2, 4.4, 4.6, 4.5, 4.4, 4.7, 4.6)
    for n, (end, csat) in enumerate(zip(month_ends, csats, strict=True)):
        ok(
            "done",
            "monthly-report",
            "--on",
            f"2026-{end}",
            "--measure",
            f"csat={csat}",
            "--measure",
            f"complaints={137 - 3 * n}",
        )
    start = datetime(2026, 9, 15, 9, 0, tzinfo=timezone.utc)
    with time_machine.travel(start, tick=False):
        ok("run", "start", "crisis", "--name", "Hacked account")
    with time_machine.travel(start.replace(hour=9, minute=40), tick=False):
        ok("done", "crisis-2026-09-15/assess")
    with time_machine.travel(start.replace(day=16, hour=11), tick=False):
        ok("done", "crisis-2026-09-15/secure-accounts")
        ok("run", "close", "crisis-2026-09-15", "--force", "--note", "Account back; rest by hand")
