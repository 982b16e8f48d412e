"""The last workday's misses, found however long the leave before today.

A manager misses a daily duty on the Friday before a stretch of leave; on
the first day back `csm today` must still say so, and a weekly duty missed
in the last week before two weeks of leave is the last period it was
expected in. The clock is moved with time-machine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

import time_machine

from clihelp import run


@contextmanager
def at(moment: str) -> Iterator[None]:
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


def _missed(day: str) -> dict[str, tuple[str, str]]:
    document = json.loads(ok("today", "--on", day, "--json"))
    return {m["id"]: (m["period_start"], m["period_end"]) for m in document["missed"]}


def _all_daily_done_but_monitoring(day: str) -> None:
    ok("done", "daily-engagement", "resolve-issues", "team-supervision", "--on", day)


def test_a_daily_miss_before_seven_days_of_leave_is_shown_on_the_first_day_back() -> None:
    # Mon-Fri. Tracking from Monday 2 November 2026; Friday the 13th the
    # accounts were not monitored; leave from Saturday 14 to Friday 20.
    with at("2026-11-02T08:00"):
        ok("today")
    with at("2026-11-13T17:00"):
        _all_daily_done_but_monitoring("2026-11-13")
        ok("off", "add", "2026-11-14..2026-11-20", "--reason", "Annual leave")
    with at("2026-11-23T08:30"):  # Monday, back at work
        text = ok("today")
        missed = _missed("2026-11-23")
    assert missed["monitor-accounts"] == ("2026-11-13", "2026-11-13")
    assert "daily-engagement" not in missed
    section = text[text.index("Missed last period") :].splitlines()
    assert section[1].split()[:2] == ["[?]", "monitor-accounts"]
    assert section[1].endswith("log it late: csm done monitor-accounts --on 2026-11-13")


def test_a_fortnight_of_leave_and_a_weekend_before_it() -> None:
    with at("2026-11-02T08:00"):
        ok("today")
        ok("off", "add", "2026-11-09..2026-11-20", "--reason", "Annual leave")
    with at("2026-11-06T17:00"):  # Friday before the leave: only the engagement done
        ok("done", "daily-engagement")
    with at("2026-11-23T08:30"):
        missed = _missed("2026-11-23")
    assert {item for item, span in missed.items() if span[0] == span[1]} == {
        "monitor-accounts",
        "resolve-issues",
        "team-supervision",
    }
    assert {span for item, span in missed.items() if item == "monitor-accounts"} == {
        ("2026-11-06", "2026-11-06")
    }
    # The weekly duties: the two weeks of leave expected nothing, so the
    # last week they were expected in, 2-8 November, is the one missed.
    weekly = {item: span for item, span in missed.items() if span[0] != span[1]}
    assert weekly == {
        "performance-review": ("2026-11-02", "2026-11-08"),
        "team-meeting": ("2026-11-02", "2026-11-08"),
        "feedback-analysis": ("2026-11-02", "2026-11-08"),
        "campaign-prep": ("2026-11-02", "2026-11-08"),
    }


def test_nothing_before_the_tracking_start_is_missed() -> None:
    # The log begins on a Monday after a week of leave that ends on Sunday:
    # nothing before the start is looked at, however far back the leave goes.
    with at("2026-11-16T08:00"):
        ok("off", "add", "2026-11-09..2026-11-13", "--reason", "Annual leave")
        assert _missed("2026-11-16") == {}
    with at("2026-11-17T08:00"):
        assert set(_missed("2026-11-17")) == {
            "monitor-accounts",
            "daily-engagement",
            "resolve-issues",
            "team-supervision",
        }
