"""`csm off`: days off end to end, on the real log and the real days-off.yaml,
and what they do to today, due dates and reports. Dates are worked by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import time_machine

from clihelp import logged_on_the_day, run, track_from


@pytest.fixture(autouse=True)
def in_december() -> Any:
    """These pages are read in mid-December 2026, so November is over."""
    with time_machine.travel("2026-12-15 09:00:00+00:00", tick=False):
        yield


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


def report(on: str, period: str = "week") -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(
        ok("report", "--period", period, "--on", on, "--format", "json")
    )
    return doc


def missed_days(doc: dict[str, Any], item: str) -> list[str]:
    return [m["period_start"] for m in doc["missed"] if m["id"] == item]


def streak(doc: dict[str, Any], item: str) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in doc["streaks"] if s["id"] == item)
    return found


def days_off_file(config_dir: Path) -> Path:
    return config_dir / "days-off.yaml"


# Adding, listing, removing -----------------------------------------------------


def test_add_list_remove(config_dir: Path) -> None:
    assert ok("off", "add", "2026-07-01..2026-07-14", "--reason", "Annual leave") == (
        "Added 14 day(s) off: 2026-07-01..2026-07-14 (Annual leave).\n"
    )
    assert ok("off", "add", "2026-09-23", "-r", "اليوم الوطني") == (
        "Added 1 day(s) off: 2026-09-23 (اليوم الوطني).\n"
    )
    assert ok("off", "add", "2026-07-05") == "Nothing added: 2026-07-05 is already off.\n"
    # An Arabic reason is isolated, so that a bidi terminal keeps the columns.
    assert ok("off", "list") == (
        "2026-07-01..2026-07-14  14  Annual leave\n2026-09-23              1   \u2068اليوم الوطني\u2069\n"
    )
    assert ok("off", "remove", "2026-07-05..2026-07-06") == (
        "Removed 2 day(s) off: 2026-07-05..2026-07-06.\n"
    )
    assert json.loads(ok("off", "list", "--json", "--year", "2026")) == [
        {
            "start": "2026-07-01",
            "end": "2026-07-04",
            "days": 4,
            "reason": "Annual leave",
            "source": "",
        },
        {
            "start": "2026-07-07",
            "end": "2026-07-14",
            "days": 8,
            "reason": "Annual leave",
            "source": "",
        },
        {
            "start": "2026-09-23",
            "end": "2026-09-23",
            "days": 1,
            "reason": "اليوم الوطني",
            "source": "",
        },
    ]
    assert ok("off", "list", "--year", "2027") == (
        "No days off in 2027. Add some with `csm off add DATE --reason TEXT` or "
        "`csm off holidays --country CC`.\n"
    )
    text = days_off_file(config_dir).read_text(encoding="utf-8")
    assert '  - date: 2026-07-07..2026-07-14\n    reason: "Annual leave"\n' in text


def test_removing_a_day_that_is_not_off_is_not_met() -> None:
    result = run("off", "remove", "2026-07-05")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: No day off in 2026-07-05; nothing removed.\n"
        "Hint: `csm off list` shows the days off.\n"
    )


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ("2026-07-14..2026-07-01", "The range ends on 2026-07-01 before it starts on 2026-07-14."),
        ("2026-02-30", "'2026-02-30' is not a date (day is out of range for month)."),
        ("2026-02-28..2026-02-30", "'2026-02-30' is not a date (day is out of range for month)."),
        ("tomorrow", "'tomorrow' is not a date."),
    ],
)
def test_a_bad_range_is_refused_and_nothing_changes(
    dates: str, message: str, config_dir: Path
) -> None:
    ok("off", "add", "2026-07-01", "--reason", "Leave")
    before = days_off_file(config_dir).read_bytes()
    for command in ("add", "remove"):
        result = run("off", command, dates)
        assert result.exit_code == 2
        assert result.stderr == (
            f"Error: {message}\n"
            "Hint: Write one date or a range, e.g. 2026-07-01 or 2026-07-01..2026-07-14.\n"
        )
    assert days_off_file(config_dir).read_bytes() == before


def test_a_broken_file_is_reported_with_its_line_and_left_as_it_is(config_dir: Path) -> None:
    path = days_off_file(config_dir)
    path.parent.mkdir(parents=True)
    broken = "days_off:\n  - date: 2026-07-01\n    reason: Leave\n  - date: 2026-13-01\n"
    path.write_text(broken, encoding="utf-8")
    expected = (
        f"Error: {path}, line 4: '2026-13-01' is not a date (month must be in 1..12).\n"
        "Hint: Write YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD.\n"
    )
    for args in (
        ("off", "add", "2026-08-01"),
        ("off", "remove", "2026-07-01"),
        ("off", "list"),
        ("today", "--on", "2026-07-01"),
        ("report", "--on", "2026-07-01"),
    ):
        result = run(*args)
        assert (result.exit_code, result.stderr) == (2, expected), args
    assert path.read_text(encoding="utf-8") == broken


# What days off do to the rules --------------------------------------------------


def test_a_day_off_added_after_the_fact_clears_that_days_misses_and_keeps_the_streak() -> None:
    # Mon-Fri. Monitoring done Mon 2, Tue 3, Thu 5, Fri 6 November; Wed 4 missed.
    track_from("2026-11-01")
    for day in ("02", "03", "05", "06"):
        assert (
            logged_on_the_day("done", "monitor-accounts", "--on", f"2026-11-{day}").exit_code == 0
        )
    before = report("2026-11-08")
    assert missed_days(before, "monitor-accounts") == ["2026-11-04"]
    assert (
        streak(before, "monitor-accounts")["current"],
        streak(before, "monitor-accounts")["longest"],
    ) == (2, 2)

    ok("off", "add", "2026-11-04", "--reason", "Sick leave")
    after = report("2026-11-08")
    assert missed_days(after, "monitor-accounts") == []
    monitor = streak(after, "monitor-accounts")
    assert (monitor["current"], monitor["longest"]) == (
        4,
        4,
    )  # the day off neither breaks nor counts
    assert [d["outcome"] for d in monitor["days"]] == [
        "on_time",
        "on_time",
        "off",
        "on_time",
        "on_time",
    ]
    # Daily items not logged at all: 4 misses, not 5, and still one run.
    assert len(missed_days(after, "daily-engagement")) == 4
    assert after["cadences"]["daily"]["expected"] == before["cadences"]["daily"]["expected"] - 4
    text = ok("report", "--period", "week", "--on", "2026-11-08")
    assert "  Monitor the accounts  |##~##|  current 4 · longest 4\n" in text
    assert "(# on time  + late  - skipped  x missed  . not done yet  ~ day off)" in text
    assert "  daily-engagement    Engage customers       2026-11-02 → 2026-11-06  (4×)\n" in text


def test_streaks_run_across_a_public_holiday() -> None:
    # Sun-Thu team; Saudi National Day, Wednesday 23 September 2026, is off.
    ok("config", "set", "workdays", "sun-thu")
    ok("config", "set", "week_start", "sunday")
    ok("off", "add", "2026-09-23", "--reason", "National Day")
    track_from("2026-09-01")
    for day in ("20", "21", "22", "24"):
        ok("done", "monitor-accounts", "--on", f"2026-09-{day}")
    doc = report("2026-09-26")
    monitor = streak(doc, "monitor-accounts")
    assert (monitor["current"], monitor["longest"]) == (4, 4)
    assert missed_days(doc, "monitor-accounts") == []


def test_leave_across_a_month_end() -> None:
    # Two weeks of leave, Monday 26 October to Friday 6 November 2026 (Mon-Fri).
    track_from("2026-10-01")  # csm in use since October
    ok("off", "add", "2026-10-26..2026-11-06", "--reason", "Annual leave")
    # October's monthly duties are due on its last workday, Friday the 30th,
    # which is leave: they move back to Friday 23 October.
    october = json.loads(ok("due", "--period", "month", "--on", "2026-10-05", "--json"))
    assert {i["id"]: i["due"] for i in october["items"]}["monthly-report"] == "2026-10-23"
    # Both weeks of the leave are entirely off: no weekly item is expected,
    # so on the first Monday back no week of the leave is missed; the last
    # week they were expected in, 19-25 October, is the one looked at.
    back = json.loads(ok("today", "--on", "2026-11-09", "--json"))
    weekly = {m["period_start"] for m in back["missed"] if m["cadence"] == "weekly"}
    assert weekly == {"2026-10-19"}
    week = report("2026-11-04")
    # Nothing daily, nothing weekly; the month, quarter and year around it
    # are reported with the windows that hold their due dates.
    assert list(week["cadences"]) == []
    # In November's report, the leave's days are not counted for daily items.
    november = report("2026-11-30", "month")
    # November: 21 workdays, 5 of them leave; 4 daily items, none logged.
    daily = november["cadences"]["daily"]
    assert (daily["expected"], daily["missed"], daily["open"]) == (4 * 16, 4 * 16, 0)
    # On a day of leave, today says so and shows no daily item.
    text = ok("today", "--on", "2026-11-02")
    assert text.startswith("Monday 2026-11-02 · day off (Annual leave)\n")
    doc = json.loads(ok("today", "--on", "2026-11-02", "--json"))
    assert (doc["workday"], doc["day_off"]) == (False, "Annual leave")
    assert [i["id"] for i in doc["items"] if i["cadence"] == "daily"] == []
    # What the last workday before the leave missed is still news.
    assert {m["period_start"] for m in doc["missed"] if m["cadence"] == "daily"} == {"2026-10-23"}


def test_an_eid_week_in_riyadh(config_dir: Path) -> None:
    ok("config", "set", "region", "SA")
    ok("off", "holidays", "--year", "2025")
    track_from("2025-01-01")
    text = ok("today", "--on", "2025-03-31")
    assert text.startswith("Monday 2025-03-31 · day off (Eid al-Fitr Holiday)\n")
    # The weekly meeting is due on the last workday of the week: Thursday 3
    # April, the one workday Eid (30 March - 2 April) leaves in that week.
    week = json.loads(ok("due", "--period", "week", "--on", "2025-03-31", "--json"))
    assert {i["id"]: i["due"] for i in week["items"]}["team-meeting"] == "2025-04-03"
    assert {i["cadence"] for i in week["items"]} == {"weekly"}  # no daily item on Eid
    ok("config", "set", "hijri", "true")
    assert ok("today", "--on", "2025-03-30").startswith(
        "Sunday 2025-03-30 (1 Shawwal 1446 AH) · day off (Eid al-Fitr Holiday)\n"
    )
