"""On time and late (DESIGN §7), counted by hand: an entry is on time when the
local date of the moment it was logged, in the configured time zone, is on
or before its period's due date, and late when after, whatever day it is
`--on`. November 2026 of a Mon-Fri team: the team meeting of the week of
Monday 16 is due on Thursday 19; monitoring is due every workday."""

from __future__ import annotations

import json
from typing import Any

from clihelp import run, run_on, track_from


def settle(*args: str, day: str, at: str) -> None:
    result = run_on(day, *args, at=at)
    assert result.exit_code == 0, result.stderr


def figures(item: str, on: str = "2026-11-19") -> dict[str, Any]:
    """The week's figures of `item`, read on 30 November."""
    result = run_on("2026-11-30", "report", "--period", "week", "--on", on, "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    found: dict[str, Any] = next(i for i in doc["items"] if i["id"] == item)
    return found


def on_time_late(item: str, on: str = "2026-11-19") -> tuple[int, int]:
    found = figures(item, on)
    return found["on_time"], found["late"]


def test_logged_the_same_day_is_on_time() -> None:
    track_from("2026-11-01")
    settle("done", "monitor-accounts", "--on", "2026-11-17", day="2026-11-17", at="09:00:00+00:00")
    assert on_time_late("monitor-accounts") == (1, 0)


def test_logged_the_next_morning_for_yesterday_is_late() -> None:
    track_from("2026-11-01")
    # Typed on Wednesday morning for Tuesday: the period is Tuesday's, due Tuesday.
    settle("done", "monitor-accounts", "--on", "2026-11-17", day="2026-11-18", at="08:00:00+00:00")
    # And Thursday's, typed on Thursday: on time.
    settle("done", "monitor-accounts", "--on", "2026-11-19", day="2026-11-19", at="08:00:00+00:00")
    assert on_time_late("monitor-accounts") == (1, 1)
    text = run_on("2026-11-30", "report", "--period", "week", "--on", "2026-11-19").stdout
    assert "  Monitor the accounts  |x+x#x|" in text


def test_yesterday_typed_today_is_late_in_markdown_too() -> None:
    track_from("2026-11-01")
    settle("done", "monitor-accounts", "--on", "2026-11-17", day="2026-11-18", at="08:00:00+00:00")
    md = run_on(
        "2026-11-30", "report", "--period", "week", "--on", "2026-11-19", "--format", "md"
    ).stdout
    assert "On time: 0% (0 of 1 done by the due date)" in md


def test_on_the_due_date_at_23_59_local_is_on_time() -> None:
    assert run("config", "set", "timezone", "Asia/Riyadh").exit_code == 0
    track_from("2026-11-01")
    # 23:59 on Thursday 19 in Riyadh is 20:59 UTC.
    settle("done", "team-meeting", "--on", "2026-11-16", day="2026-11-19", at="20:59:00+00:00")
    assert on_time_late("team-meeting") == (1, 0)


def test_a_minute_after_midnight_local_is_late() -> None:
    assert run("config", "set", "timezone", "Asia/Riyadh").exit_code == 0
    track_from("2026-11-01")
    # 00:01 on Friday 20 in Riyadh, still Thursday 19 (21:01) in UTC.
    settle("done", "team-meeting", "--on", "2026-11-19", day="2026-11-19", at="21:01:00+00:00")
    assert on_time_late("team-meeting") == (0, 1)


def test_the_same_moment_is_on_time_in_utc() -> None:
    assert run("config", "set", "timezone", "UTC").exit_code == 0
    track_from("2026-11-01")
    # 21:01 UTC on Thursday 19: the due date in UTC, Friday in Riyadh.
    settle("done", "team-meeting", "--on", "2026-11-19", day="2026-11-19", at="21:01:00+00:00")
    assert on_time_late("team-meeting") == (1, 0)


def test_the_time_zone_in_force_for_the_period_judges_it() -> None:
    # Logged while the setting was UTC: on time there. A later move to Riyadh
    # does not reach back into a week that ended before it.
    assert run_on("2026-11-02", "config", "set", "timezone", "UTC").exit_code == 0
    assert run_on("2026-11-02", "history", "start", "2026-11-01").exit_code == 0
    settle("done", "team-meeting", "--on", "2026-11-19", day="2026-11-19", at="21:01:00+00:00")
    assert run_on("2026-11-25", "config", "set", "timezone", "Asia/Riyadh").exit_code == 0
    assert run_on("2026-11-25", "list").exit_code == 0  # csm sees the new setting
    assert on_time_late("team-meeting") == (1, 0)


def test_with_no_time_zone_set_the_clock_that_logged_it_decides() -> None:
    # No `timezone` setting: the entry's own offset (the machine's then) decides.
    track_from("2026-11-01")
    result = run_on("2026-11-19", "done", "team-meeting", "--on", "2026-11-19", at="21:01:00+00:00")
    assert result.exit_code == 0
    assert on_time_late("team-meeting") == (1, 0)  # TZ=UTC in the tests
