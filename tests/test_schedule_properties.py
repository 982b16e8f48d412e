"""Property tests for the schedule: any date from 1990 to 2100, any week start,
any non-empty set of workdays, any fiscal year start, every cadence.

Besides the structural properties (one period per date, periods tile the
calendar, due dates inside their period), the periods and due dates are checked
against a small reference model written here straight from DESIGN §2. It walks
day by day instead of doing arithmetic, so it shares no shortcut with the code
under test.
"""

from __future__ import annotations

import calendar as stdlib_calendar
from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from csm_checklist.dates.schedule import (
    DueRule,
    FirstWorkday,
    LastWorkday,
    OnDayOfMonth,
    OnMonthDay,
    OnWeekday,
    Period,
    Recurrence,
    WorkCalendar,
    due_date,
    is_expected,
    is_workday,
    period_containing,
    periods_overlapping,
)

from fakes import next_period, previous_period

ONE_DAY = timedelta(days=1)
FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2100, 12, 31)

FAST = settings(max_examples=200, deadline=None)
PER_CADENCE = settings(max_examples=80, deadline=None)

# -- strategies ------------------------------------------------------------------

days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
calendars = st.builds(
    WorkCalendar,
    week_start=st.integers(0, 6),
    workdays=st.frozensets(st.integers(0, 6), min_size=1),
    fiscal_year_start=st.integers(1, 12),
)
# Month ends get extra weight: clamping is where the mistakes hide. Negative days
# stop at -28 so that they never reach before the 1st of any month.
month_days = st.integers(1, 31) | st.sampled_from([29, 30, 31, -1]) | st.integers(-28, -1)
generic_rules = st.sampled_from([None, FirstWorkday(), LastWorkday()])
RULES_BY_CADENCE: dict[str, st.SearchStrategy[DueRule | None]] = {
    "daily": st.none(),
    "weekly": generic_rules | st.builds(OnWeekday, st.integers(0, 6)),
    "monthly": generic_rules | st.builds(OnDayOfMonth, month_days),
    "quarterly": generic_rules | st.builds(OnMonthDay, st.integers(1, 3), month_days),
    "annual": generic_rules | st.builds(OnMonthDay, st.integers(1, 12), month_days),
}
CADENCES = sorted(RULES_BY_CADENCE)
# Each cadence gets its own run: drawn together, hypothesis would favour some.
each_cadence = pytest.mark.parametrize("cadence", CADENCES)


def recurrence(data: st.DataObject, cadence: str) -> Recurrence:
    rule = data.draw(RULES_BY_CADENCE[cadence], label="due")
    return Recurrence(cadence, rule)  # type: ignore[arg-type]


RRULES = [
    "FREQ=WEEKLY;INTERVAL=2",
    "FREQ=WEEKLY;BYDAY=MO,TH",
    "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=MONTHLY;BYMONTHDAY=15",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=MONTHLY;BYDAY=1MO",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
]
rrule_items = st.builds(
    Recurrence,
    cadence=st.just("rrule"),
    rrule=st.sampled_from(RRULES),
    start=st.dates(min_value=FIRST_DAY, max_value=date(2090, 12, 31)),
)

# -- the reference model -----------------------------------------------------------


def month_end(day: date) -> date:
    return day.replace(day=stdlib_calendar.monthrange(day.year, day.month)[1])


def ref_period(day: date, cadence: str, cal: WorkCalendar) -> Period:
    if cadence == "daily":
        return Period(day, day)
    if cadence == "weekly":
        start = day
        while start.weekday() != cal.week_start:
            start -= ONE_DAY
        return Period(start, start + timedelta(days=6))
    block = {"monthly": 1, "quarterly": 3, "annual": 12}[cadence]
    fiscal = 1 if cadence == "monthly" else cal.fiscal_year_start
    start = day.replace(day=1)
    while (start.month - fiscal) % block != 0:
        start = (start - ONE_DAY).replace(day=1)
    end = start
    for _ in range(block):
        end = month_end(end) + ONE_DAY
    return Period(start, end - ONE_DAY)


def months_in(period: Period) -> list[date]:
    """The first day of each month that the period covers, in order."""
    firsts: list[date] = []
    for day in period.days():
        if day.day == 1 or not firsts:
            firsts.append(day.replace(day=1))
    return firsts


def day_of_month(first: date, number: int) -> date:
    """Day `number` of the month starting at `first`; past the end clamps; negative from the end."""
    last = month_end(first)
    if number < 0:
        return last + timedelta(days=number + 1)
    return first.replace(day=min(number, last.day))


def ref_nominal_due(period: Period, rec: Recurrence, cal: WorkCalendar) -> date:
    rule = rec.due
    workdays = [x for x in period.days() if x.weekday() in cal.workdays]
    if rule is None or isinstance(rule, LastWorkday):
        return workdays[-1]
    if isinstance(rule, FirstWorkday):
        return workdays[0]
    if isinstance(rule, OnWeekday):
        return next(x for x in period.days() if x.weekday() == rule.weekday)
    if isinstance(rule, OnDayOfMonth):
        return day_of_month(period.start, rule.day)
    assert isinstance(rule, OnMonthDay)
    if rec.cadence == "quarterly":
        return day_of_month(months_in(period)[rule.month - 1], rule.day)
    first = next(m for m in months_in(period) if m.month == rule.month)
    return day_of_month(first, rule.day)


def ref_due(period: Period, rec: Recurrence, cal: WorkCalendar) -> date:
    if rec.cadence == "daily":
        return period.start
    nominal = ref_nominal_due(period, rec, cal)
    if nominal.weekday() in cal.workdays:
        return nominal
    earlier = [x for x in period.days() if x < nominal and x.weekday() in cal.workdays]
    if earlier:
        return earlier[-1]
    later = [x for x in period.days() if x > nominal and x.weekday() in cal.workdays]
    return later[0]


def occurrences(rec: Recurrence, until: date) -> list[date]:
    """The rule's occurrences from its start through `until`, straight from dateutil."""
    assert rec.rrule is not None and rec.start is not None
    start = datetime(rec.start.year, rec.start.month, rec.start.day)
    rule = rrulestr(rec.rrule, dtstart=start)
    end = datetime(until.year, until.month, until.day)
    return [x.date() for x in rule.between(start, end, inc=True)]


def ref_rrule_period(day: date, rec: Recurrence, found: list[date] | None = None) -> Period | None:
    """The period holding `day`: from the day after the occurrence before it (or the
    start) through the first occurrence on or after it."""
    assert rec.start is not None
    if day < rec.start:
        return None
    if found is None:
        # Feb 29 every year comes at most eight years apart (1900 and 2100 are not leap).
        found = occurrences(rec, day + timedelta(days=9 * 366))
    after = [x for x in found if x >= day]
    if not after:
        return None
    before = [x for x in found if x < day]
    return Period(before[-1] + ONE_DAY if before else rec.start, after[0])


# -- standard cadences -----------------------------------------------------------------


@each_cadence
@PER_CADENCE
@given(day=days, cal=calendars, data=st.data())
def test_period_and_due_date_match_the_reference(
    cadence: str, day: date, cal: WorkCalendar, data: st.DataObject
) -> None:
    rec = recurrence(data, cadence)
    period = period_containing(day, rec, cal)
    assert period == ref_period(day, rec.cadence, cal)
    assert period is not None
    assert due_date(period, rec, cal) == ref_due(period, rec, cal)


@each_cadence
@PER_CADENCE
@given(day=days, cal=calendars, data=st.data())
def test_exactly_one_period_contains_a_date(
    cadence: str, day: date, cal: WorkCalendar, data: st.DataObject
) -> None:
    rec = recurrence(data, cadence)
    period = period_containing(day, rec, cal)
    assert period is not None
    assert period.start <= day <= period.end
    assert day in period
    for _ in range(3):
        other = data.draw(st.dates(min_value=period.start, max_value=period.end), label="x")
        assert period_containing(other, rec, cal) == period
    # ...and the days just outside belong to other periods.
    assert period_containing(period.start - ONE_DAY, rec, cal) != period
    assert period_containing(period.end + ONE_DAY, rec, cal) != period


@each_cadence
@PER_CADENCE
@given(day=days, cal=calendars, data=st.data())
def test_consecutive_periods_tile_the_calendar(
    cadence: str, day: date, cal: WorkCalendar, data: st.DataObject
) -> None:
    rec = recurrence(data, cadence)
    period = period_containing(day, rec, cal)
    assert period is not None
    after = next_period(period, rec, cal)
    before = previous_period(period, rec, cal)
    assert after is not None and before is not None
    assert after.start == period.end + ONE_DAY
    assert before.end == period.start - ONE_DAY
    assert after.start <= after.end and before.start <= before.end
    assert previous_period(after, rec, cal) == period
    assert next_period(before, rec, cal) == period


@each_cadence
@PER_CADENCE
@given(first=days, extra=st.integers(0, 400), cal=calendars, data=st.data())
def test_periods_overlapping_cover_the_range_exactly(
    cadence: str, first: date, extra: int, cal: WorkCalendar, data: st.DataObject
) -> None:
    rec = recurrence(data, cadence)
    last = first + timedelta(days=extra)
    got = list(periods_overlapping(first, last, rec, cal))
    assert got, "a non-empty range overlaps at least one period"
    assert got[0].start <= first <= got[0].end
    assert got[-1].start <= last <= got[-1].end
    for a, b in pairwise(got):
        assert b.start == a.end + ONE_DAY
    for p in got:
        assert p == ref_period(p.start, rec.cadence, cal)
    covered = sum(p.length for p in got)
    assert covered == (got[-1].end - got[0].start).days + 1


@each_cadence
@PER_CADENCE
@given(day=days, cal=calendars, data=st.data())
def test_due_date_is_a_workday_inside_its_period(
    cadence: str, day: date, cal: WorkCalendar, data: st.DataObject
) -> None:
    rec = recurrence(data, cadence)
    period = period_containing(day, rec, cal)
    assert period is not None
    due = due_date(period, rec, cal)
    assert period.start <= due <= period.end
    if rec.cadence == "daily":
        assert due == day
    elif any(x.weekday() in cal.workdays for x in period.days()):
        assert due.weekday() in cal.workdays


@FAST
@given(day=days, cal=calendars)
def test_daily_items_are_expected_exactly_on_workdays(day: date, cal: WorkCalendar) -> None:
    rec = Recurrence("daily")
    period = period_containing(day, rec, cal)
    assert period == Period(day, day)
    works = day.weekday() in cal.workdays
    assert is_workday(day, cal) is works
    assert is_expected(period, rec, cal) is works


@pytest.mark.parametrize("cadence", [c for c in CADENCES if c != "daily"])
@PER_CADENCE
@given(day=days, cal=calendars, data=st.data())
def test_longer_cadences_are_always_expected(
    cadence: str, day: date, cal: WorkCalendar, data: st.DataObject
) -> None:
    rec = recurrence(data, cadence)
    period = period_containing(day, rec, cal)
    assert period is not None
    assert is_expected(period, rec, cal) is True


# -- rrule items ---------------------------------------------------------------------


@FAST
@given(rec=rrule_items, offset=st.integers(-30, 3000), cal=calendars)
def test_rrule_period_matches_dateutil(rec: Recurrence, offset: int, cal: WorkCalendar) -> None:
    assert rec.start is not None
    day = rec.start + timedelta(days=offset)
    expected = ref_rrule_period(day, rec)
    period = period_containing(day, rec, cal)
    assert period == expected
    if period is not None:
        assert due_date(period, rec, cal) == period.end
        assert is_expected(period, rec, cal) is True


@FAST
@given(rec=rrule_items, offset=st.integers(0, 3000), cal=calendars, data=st.data())
def test_rrule_periods_tile_from_the_start(
    rec: Recurrence, offset: int, cal: WorkCalendar, data: st.DataObject
) -> None:
    assert rec.start is not None
    day = rec.start + timedelta(days=offset)
    period = period_containing(day, rec, cal)
    assert period is not None
    assert period.start <= day <= period.end
    other = data.draw(st.dates(min_value=period.start, max_value=period.end), label="x")
    assert period_containing(other, rec, cal) == period

    after = next_period(period, rec, cal)
    assert after is not None
    assert after.start == period.end + ONE_DAY
    assert previous_period(after, rec, cal) == period

    before = previous_period(period, rec, cal)
    if period.start == rec.start:
        assert before is None
    else:
        assert before is not None
        assert before.end == period.start - ONE_DAY
        assert next_period(before, rec, cal) == period


@FAST
@given(rec=rrule_items, offset=st.integers(-60, 2000), extra=st.integers(0, 200), cal=calendars)
def test_rrule_periods_overlapping_cover_the_range(
    rec: Recurrence, offset: int, extra: int, cal: WorkCalendar
) -> None:
    assert rec.start is not None
    first = rec.start + timedelta(days=offset)
    last = first + timedelta(days=extra)
    got = list(periods_overlapping(first, last, rec, cal))
    if last < rec.start:
        assert got == []
        return
    assert got
    assert got[0].start <= max(first, rec.start) <= got[0].end
    assert got[-1].start <= last <= got[-1].end
    for a, b in pairwise(got):
        assert b.start == a.end + ONE_DAY
    found = occurrences(rec, last + timedelta(days=9 * 366))
    for p in got:
        assert p == ref_rrule_period(p.end, rec, found)
