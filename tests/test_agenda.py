"""Statuses as of a date: the worked examples of the spec and the edge cases
around them, on hand-made items and a hand-made log."""

from __future__ import annotations

from datetime import date

import pytest

from csm_checklist.dates.schedule import (
    OnDayOfMonth,
    Period,
    Recurrence,
    WorkCalendar,
)
from csm_checklist.rules.agenda import build_agenda, status_of, window_entries

from fakes import FakeEvent, FakeItem, FakeLog, history_of

MON_FRI = WorkCalendar()
SUN_THU = WorkCalendar(week_start=6, workdays=frozenset({6, 0, 1, 2, 3}))


WEEKLY_REVIEW = FakeItem("weekly-review", Recurrence("weekly"))


def entry_for(agenda, item_id):  # type: ignore[no-untyped-def]
    (entry,) = [e for e in agenda.entries if e.item.id == item_id]
    return entry


# The worked examples of DESIGN §2, with the default settings.
@pytest.mark.parametrize(
    ("day", "status", "due"),
    [
        (date(2026, 11, 23), "upcoming", date(2026, 11, 27)),  # Mon: due Fri
        (date(2026, 11, 27), "due", date(2026, 11, 27)),  # Fri 27 -> due
        (date(2026, 11, 28), "overdue", date(2026, 11, 27)),  # Sat 28 -> overdue
        (date(2026, 11, 30), "upcoming", date(2026, 12, 4)),  # Mon 30 -> the new week
    ],
    ids=["mon-upcoming", "fri-due", "sat-overdue", "next-mon-upcoming"],
)
def test_weekly_review_worked_example(day: date, status: str, due: date) -> None:
    log = FakeLog([FakeEvent("other", date(2026, 11, 2), date(2026, 11, 2))])
    agenda = build_agenda(history_of([WEEKLY_REVIEW], MON_FRI), log, day)
    entry = entry_for(agenda, "weekly-review")
    assert (entry.status, entry.due) == (status, due)


def test_the_week_23_to_29_is_missed_on_monday_30() -> None:
    log = FakeLog([FakeEvent("other", date(2026, 11, 2), date(2026, 11, 2))])
    agenda = build_agenda(history_of([WEEKLY_REVIEW], MON_FRI), log, date(2026, 11, 30))
    assert [(m.item.id, m.period) for m in agenda.missed] == [
        ("weekly-review", Period(date(2026, 11, 23), date(2026, 11, 29)))
    ]


def test_sunday_week_sun_thu_due_thursday_and_overdue_on_friday() -> None:
    thursday = build_agenda(history_of([WEEKLY_REVIEW], SUN_THU), FakeLog(), date(2026, 11, 26))
    friday = build_agenda(history_of([WEEKLY_REVIEW], SUN_THU), FakeLog(), date(2026, 11, 27))
    assert entry_for(thursday, "weekly-review").due == date(2026, 11, 26)
    assert entry_for(thursday, "weekly-review").status == "due"
    assert entry_for(friday, "weekly-review").status == "overdue"


def test_monthly_due_31_in_february_2027_is_friday_26() -> None:
    item = FakeItem("monthly-report", Recurrence("monthly", OnDayOfMonth(31)))
    agenda = build_agenda(history_of([item], MON_FRI), FakeLog(), date(2027, 2, 1))
    assert entry_for(agenda, "monthly-report").due == date(2027, 2, 26)


def test_done_and_skipped_come_from_active_events() -> None:
    skip = FakeItem("team-meeting", Recurrence("weekly"))
    log = FakeLog(
        [
            FakeEvent("weekly-review", date(2026, 11, 23), date(2026, 11, 24)),
            FakeEvent("team-meeting", date(2026, 11, 23), date(2026, 11, 24), kind="skip"),
        ]
    )
    agenda = build_agenda(history_of([WEEKLY_REVIEW, skip], MON_FRI), log, date(2026, 11, 25))
    assert entry_for(agenda, "weekly-review").status == "done"
    assert entry_for(agenda, "team-meeting").status == "skipped"
    progress = agenda.progress["weekly"]
    assert (progress.done, progress.skipped, progress.total) == (1, 1, 2)


def test_daily_items_are_off_on_a_weekend_and_not_counted() -> None:
    daily = FakeItem("monitor-accounts", Recurrence("daily"))
    saturday = build_agenda(
        history_of([daily, WEEKLY_REVIEW], MON_FRI), FakeLog(), date(2026, 11, 28)
    )
    assert not saturday.workday
    assert entry_for(saturday, "monitor-accounts").status == "off"
    assert "daily" not in saturday.progress
    # On a non-workday only the non-daily items that need action are shown.
    assert [e.item.id for e in saturday.actionable()] == ["weekly-review"]


def test_today_shows_daily_items_on_a_workday_and_what_was_logged_that_day() -> None:
    daily = FakeItem("monitor-accounts", Recurrence("daily"))
    monthly = FakeItem("monthly-report", Recurrence("monthly"))
    log = FakeLog([FakeEvent("monthly-report", date(2026, 11, 1), date(2026, 11, 23))])
    agenda = build_agenda(
        history_of([daily, monthly, WEEKLY_REVIEW], MON_FRI), log, date(2026, 11, 23)
    )
    assert [(e.item.id, e.status) for e in agenda.actionable()] == [
        ("monitor-accounts", "due"),
        ("monthly-report", "done"),
    ]


def test_no_misses_before_the_tracking_start() -> None:
    # A manager starting today has not missed last week.
    start = date(2026, 11, 30)
    assert build_agenda(history_of([WEEKLY_REVIEW], start=start), FakeLog(), start).missed == []


def test_disabled_items_are_left_out() -> None:
    off = FakeItem("team-meeting", Recurrence("weekly"), enabled=False)
    agenda = build_agenda(history_of([off], MON_FRI), FakeLog(), date(2026, 11, 23))
    assert agenda.entries == []


@pytest.mark.parametrize(
    ("period_end", "due", "day", "logged", "expected", "status"),
    [
        (date(2026, 11, 29), date(2026, 11, 27), date(2026, 11, 27), None, True, "due"),
        (date(2026, 11, 29), date(2026, 11, 27), date(2026, 11, 26), None, True, "upcoming"),
        (date(2026, 11, 29), date(2026, 11, 27), date(2026, 11, 29), None, True, "overdue"),
        (date(2026, 11, 29), date(2026, 11, 27), date(2026, 11, 30), None, True, "missed"),
        (date(2026, 11, 29), date(2026, 11, 27), date(2026, 11, 30), "done", True, "done"),
        (date(2026, 11, 29), date(2026, 11, 27), date(2026, 11, 30), "skip", True, "skipped"),
        (date(2026, 11, 28), date(2026, 11, 28), date(2026, 11, 28), None, False, "off"),
    ],
)
def test_status_table(
    period_end: date, due: date, day: date, logged: str | None, expected: bool, status: str
) -> None:
    period = Period(date(2026, 11, 23), period_end)
    event = FakeEvent("x", period.start, day, kind=logged) if logged else None
    assert status_of(period, due, day, event, expected) == status  # type: ignore[arg-type]


def test_due_window_takes_longer_cadences_due_inside_it() -> None:
    monthly = FakeItem("monthly-report", Recurrence("monthly"))  # due Mon 2026-11-30
    quarterly = FakeItem("policy-review", Recurrence("quarterly"))  # due Thu 2026-12-31
    history = history_of([WEEKLY_REVIEW, monthly, quarterly], MON_FRI)
    window, entries = window_entries(history, FakeLog(), "weekly", date(2026, 11, 30))
    assert window == Period(date(2026, 11, 30), date(2026, 12, 6))
    assert [(e.item.id, e.status, e.due) for e in entries] == [
        ("weekly-review", "upcoming", date(2026, 12, 4)),
        ("monthly-report", "due", date(2026, 11, 30)),
    ]


def test_progress_counts_each_cadence() -> None:
    daily = FakeItem("monitor-accounts", Recurrence("daily"))
    log = FakeLog([FakeEvent("weekly-review", date(2026, 11, 23), date(2026, 11, 23))])
    agenda = build_agenda(history_of([daily, WEEKLY_REVIEW], MON_FRI), log, date(2026, 11, 24))
    progress = agenda.progress["weekly"]
    assert (progress.done, progress.skipped, progress.total) == (1, 0, 1)
    assert agenda.progress["daily"] == (0, 0, 1)
