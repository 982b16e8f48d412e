"""The consistency graph marks days off at the edges of the report's window
with `~`, as it does between workdays: leave that starts a month (or ends
it) is drawn, not dropped. The clock is moved with time-machine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

import time_machine

from clihelp import run, track_from


@contextmanager
def at(moment: str) -> Iterator[None]:
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


def _graph(report: str) -> list[str]:
    lines = report.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Consistency"))
    return [line for line in lines[start + 1 :] if "|" in line]


def test_leave_at_the_start_of_the_month_as_the_readme_shows_it() -> None:
    # The README's example: two weeks of leave from Monday 26 October, back
    # on Monday 9 November; the accounts monitored every day since, the
    # customers not engaged.
    with at("2026-10-01T08:00"):
        track_from("2026-10-01")
        ok("off", "add", "2026-10-26..2026-11-06", "--reason", "Annual leave")
    for day in ("09", "10", "11", "12", "13"):
        with at(f"2026-11-{day}T17:00"):
            ok("done", "monitor-accounts")
    with at("2026-11-13T17:30"):
        report = ok("report", "--period", "month", "--on", "2026-11-13")
        document = json.loads(
            ok("report", "--period", "month", "--on", "2026-11-13", "--format", "json")
        )
    graph = dict(line.split("|")[:2] for line in _graph(report))
    assert graph["  Engage customers      "] == "~~~~~xxxx."
    assert graph["  Monitor the accounts  "] == "~~~~~#####"
    assert "~ day off" in report
    streak = next(s for s in document["streaks"] if s["id"] == "monitor-accounts")
    assert streak["current"] == 5
    assert streak["days"][:2] == [
        {"date": "2026-11-02", "outcome": "off"},
        {"date": "2026-11-03", "outcome": "off"},
    ]


def test_leave_at_the_end_of_the_month() -> None:
    # Leave from Thursday 26 November to the month's end: the last days of
    # the graph are days off, up to the as-of day.
    with at("2026-11-01T08:00"):
        track_from("2026-11-01")
        ok("off", "add", "2026-11-26..2026-12-04", "--reason", "Annual leave")
    with at("2026-12-07T09:00"):
        whole = _graph(ok("report", "--period", "month", "--on", "2026-11-30"))
    with at("2026-11-27T09:00"):
        so_far = _graph(ok("report", "--period", "month", "--on", "2026-11-27"))
    # 2-25 November: 18 workdays missed, then Thu 26, Fri 27 and Mon 30 off.
    assert whole[0].split("|")[1] == "x" * 18 + "~~~"
    # As of Friday the 27th: nothing after it is drawn.
    assert so_far[0].split("|")[1] == "x" * 18 + "~~"


def test_no_mark_before_the_item_was_tracked() -> None:
    # Days off before the log began are not the item's: no cell.
    with at("2026-11-04T08:00"):
        ok("off", "add", "2026-11-02..2026-11-03", "--reason", "Closure")
        ok("today")
    with at("2026-11-06T17:00"):
        graph = _graph(ok("report", "--period", "month"))
    assert graph[0].split("|")[1] == "xx."
