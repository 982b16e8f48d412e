"""Days off in the date math: worked by hand on real calendars, then as
properties over any set of days off."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csm_checklist.dates.schedule import (
    FirstWorkday,
    OnDayOfMonth,
    OnWeekday,
    Period,
    Recurrence,
    WorkCalendar,
    calendar_period,
    due_date,
    is_day_off,
    is_expected,
    is_workday,
)

SUN_THU = frozenset({6, 0, 1, 2, 3})
# Eid al-Fitr 2025 in Saudi Arabia: Sunday 30 March to Wednesday 2 April.
EID_2025 = frozenset(date(2025, 3, 30) + timedelta(days=n) for n in range(4))
RIYADH = WorkCalendar(week_start=6, workdays=SUN_THU, days_off=EID_2025)


def days(first: str, last: str) -> frozenset[date]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return frozenset(start + timedelta(days=n) for n in range((end - start).days + 1))


def test_a_day_off_is_not_a_workday_but_its_neighbours_are() -> None:
    assert not is_workday(date(2025, 3, 31), RIYADH)
    assert is_workday(date(2025, 4, 3), RIYADH)  # Thursday after Eid
    assert is_day_off(date(2025, 3, 31), RIYADH)
    # A day off on the weekend is just the weekend.
    friday = WorkCalendar(week_start=6, workdays=SUN_THU, days_off=frozenset({date(2025, 4, 4)}))
    assert not is_day_off(date(2025, 4, 4), friday)


@pytest.mark.parametrize(
    ("cal", "rec", "on", "due"),
    [
        # Monthly, last workday of March 2025 for Sun-Thu: Monday 31 March is
        # Eid; Fri 28 and Sat 29 are the weekend; so Thursday 27 March.
        (RIYADH, Recurrence("monthly"), date(2025, 3, 10), date(2025, 3, 27)),
        # Weekly due Monday, in the Eid week (Sun 30 Mar - Sat 5 Apr): Monday
        # is off, Sunday before it too, so it moves forward to Thursday 3 April.
        (RIYADH, Recurrence("weekly", OnWeekday(0)), date(2025, 4, 1), date(2025, 4, 3)),
        # Weekly due Thursday in that week: Thursday is a workday, unchanged.
        (RIYADH, Recurrence("weekly", OnWeekday(3)), date(2025, 4, 1), date(2025, 4, 3)),
        # Monthly on the 1st, April 2025: Tuesday 1 April is Eid, the period
        # has no workday before it, so forward to Thursday 3 April.
        (RIYADH, Recurrence("monthly", OnDayOfMonth(1)), date(2025, 4, 9), date(2025, 4, 3)),
        # First workday of April: the 3rd.
        (RIYADH, Recurrence("monthly", FirstWorkday()), date(2025, 4, 9), date(2025, 4, 3)),
        # A Mon-Fri team with a holiday on Friday 25 Dec 2026, a monthly item
        # due the 25th: back to Thursday the 24th.
        (
            WorkCalendar(days_off=frozenset({date(2026, 12, 25)})),
            Recurrence("monthly", OnDayOfMonth(25)),
            date(2026, 12, 1),
            date(2026, 12, 24),
        ),
    ],
)
def test_a_due_date_on_a_day_off_moves_to_a_workday(
    cal: WorkCalendar, rec: Recurrence, on: date, due: date
) -> None:
    period = calendar_period(on, rec.cadence, cal)
    assert due_date(period, rec, cal) == due


def test_daily_items_are_not_expected_on_a_day_off() -> None:
    daily = Recurrence("daily")
    assert not is_expected(Period(date(2025, 3, 31), date(2025, 3, 31)), daily, RIYADH)
    assert is_expected(Period(date(2025, 4, 3), date(2025, 4, 3)), daily, RIYADH)


def test_a_week_that_is_entirely_days_off_is_not_expected() -> None:
    # Eid al-Adha week of a Sun-Thu team: Sun 8 to Thu 12 June 2025 all off.
    cal = WorkCalendar(week_start=6, workdays=SUN_THU, days_off=days("2025-06-08", "2025-06-12"))
    weekly = Recurrence("weekly", OnWeekday(3))
    week = calendar_period(date(2025, 6, 10), "weekly", cal)
    assert week == Period(date(2025, 6, 8), date(2025, 6, 14))
    assert not is_expected(week, weekly, cal)
    # One workday left (Thursday back at work) and the week is expected again.
    cal = WorkCalendar(week_start=6, workdays=SUN_THU, days_off=days("2025-06-08", "2025-06-11"))
    assert is_expected(week, weekly, cal)
    assert due_date(week, weekly, cal) == date(2025, 6, 12)


def test_a_month_off_is_not_expected_but_the_next_month_is() -> None:
    leave = WorkCalendar(days_off=days("2026-08-01", "2026-08-31"))
    monthly = Recurrence("monthly")
    assert not is_expected(Period(date(2026, 8, 1), date(2026, 8, 31)), monthly, leave)
    assert is_expected(Period(date(2026, 9, 1), date(2026, 9, 30)), monthly, leave)


def test_an_rrule_period_is_expected_unless_every_day_of_it_is_off() -> None:
    # Every Saturday: the item names its own day, weekend or not; only a day
    # off moves it, back to the latest day of its period that is not off.
    sat = Recurrence("rrule", rrule="FREQ=WEEKLY;BYDAY=SA", start=date(2026, 1, 3))
    period = Period(date(2026, 1, 4), date(2026, 1, 10))
    assert due_date(period, sat, WorkCalendar()) == date(2026, 1, 10)
    cal = WorkCalendar(days_off=days("2026-01-09", "2026-01-10"))
    assert is_expected(period, sat, cal)
    assert due_date(period, sat, cal) == date(2026, 1, 8)
    all_off = WorkCalendar(days_off=days("2026-01-04", "2026-01-10"))
    assert not is_expected(period, sat, all_off)


calendars = st.builds(
    WorkCalendar,
    week_start=st.integers(0, 6),
    workdays=st.frozensets(st.integers(0, 6), min_size=1),
    fiscal_year_start=st.integers(1, 12),
    days_off=st.frozensets(st.dates(date(2026, 1, 1), date(2026, 12, 31)), max_size=60),
)
recurrences = st.sampled_from(
    [
        Recurrence("weekly"),
        Recurrence("weekly", OnWeekday(2)),
        Recurrence("monthly"),
        Recurrence("monthly", OnDayOfMonth(15)),
        Recurrence("monthly", FirstWorkday()),
        Recurrence("quarterly"),
        Recurrence("annual"),
    ]
)


@given(cal=calendars, rec=recurrences, day=st.dates(date(2026, 1, 1), date(2026, 12, 31)))
def test_an_expected_period_is_due_on_a_workday_inside_it(
    cal: WorkCalendar, rec: Recurrence, day: date
) -> None:
    period = calendar_period(day, rec.cadence, cal)
    expected = is_expected(period, rec, cal)
    assert expected == any(is_workday(d, cal) for d in period.days())
    if expected:
        due = due_date(period, rec, cal)
        assert due in period
        assert is_workday(due, cal)


@given(cal=calendars, rec=recurrences, day=st.dates(date(2026, 1, 1), date(2026, 12, 31)))
def test_days_off_outside_a_period_do_not_change_it(
    cal: WorkCalendar, rec: Recurrence, day: date
) -> None:
    period = calendar_period(day, rec.cadence, cal)
    outside = frozenset(d for d in cal.days_off if d not in period)
    without = WorkCalendar(
        cal.week_start, cal.workdays, cal.fiscal_year_start, cal.days_off - outside
    )
    assert due_date(period, rec, cal) == due_date(period, rec, without)
    assert is_expected(period, rec, cal) == is_expected(period, rec, without)


def test_a_calendar_with_days_off_is_hashable_and_equal_by_value() -> None:
    again = WorkCalendar(week_start=6, workdays=SUN_THU, days_off=frozenset(EID_2025))
    assert again == RIYADH
    assert hash(again) == hash(RIYADH)
    assert again != WorkCalendar(week_start=6, workdays=SUN_THU)


@given(
    cal=calendars,
    done_days=st.frozensets(st.dates(date(2026, 3, 1), date(2026, 3, 31)), max_size=20),
)
def test_days_off_never_add_a_miss_or_break_a_streak(
    cal: WorkCalendar, done_days: frozenset[date]
) -> None:
    """Whatever days are off, no period is expected (or missed) with them that
    is not without them, nothing logged is lost, and no daily streak is
    shorter. (A day off can move a due date into the next month, so the
    property holds period by period, not month by month.)"""
    from csm_checklist.rules.report import build_report

    from fakes import FakeEvent, FakeItem, FakeLog, history_of

    items = [
        FakeItem("daily", Recurrence("daily")),
        FakeItem("weekly", Recurrence("weekly", OnWeekday(3))),
        FakeItem("monthly", Recurrence("monthly")),
    ]
    log = FakeLog([FakeEvent("daily", d, d, cadence="daily", period_end=d) for d in done_days])
    plain = history_of(items, cal._replace(days_off=frozenset()), start=date(2025, 1, 1))
    off = type(plain)(plain.start, plain.recorded, cal.days_off)
    as_of = date(2026, 4, 2)
    for item in items:
        with_days_off, without_them = off.timeline(item.id), plain.timeline(item.id)
        for period in without_them.periods_overlapping(date(2026, 2, 1), date(2026, 4, 30)):
            if with_days_off.expected(period, as_of):
                assert without_them.expected(period, as_of), (item.id, period)
    without = build_report(plain, log, "monthly", as_of, as_of, previous=True)
    with_off = build_report(off, log, "monthly", as_of, as_of, previous=True)
    # Nothing logged is lost: work on a day off is shown as extra.
    assert with_off.total.done + with_off.total.extra == without.total.done + without.total.extra
    daily_missed = [o.period for o in with_off.missed if o.cadence == "daily"]
    assert set(daily_missed) <= {o.period for o in without.missed if o.cadence == "daily"}
    if done_days & cal.days_off:
        return  # work on a day off is extra: it never adds to a streak
    longest = {s.item_id: s.longest for s in with_off.streaks}
    for theirs in without.streaks:
        assert longest.get(theirs.item_id, 0) >= theirs.longest
