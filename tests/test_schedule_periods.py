"""Periods of the standard cadences (DESIGN §2 "Period"), worked out by hand.

Every expected value below was read off a printed calendar, not computed by
the code under test. Weekdays: Monday 0 ... Sunday 6, as `date.weekday()`.

Reference weeks (Mon-first):
    November 2026: Mon 23 Tue 24 Wed 25 Thu 26 Fri 27 Sat 28 Sun 29, Mon 30
    ISO week 53 of 2026: Mon 2026-12-28 .. Sun 2027-01-03 (Fri 2027-01-01)
    ISO week 53 of 2020: Mon 2020-12-28 .. Sun 2021-01-03
"""

from __future__ import annotations

from datetime import date

import pytest

from csm_checklist.dates.schedule import (
    Period,
    Recurrence,
    WorkCalendar,
    calendar_period,
    is_expected,
    is_workday,
    period_containing,
    periods_overlapping,
)

from fakes import next_period, previous_period

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
MON_FRI = frozenset({MON, TUE, WED, THU, FRI})
SUN_THU = frozenset({SUN, MON, TUE, WED, THU})
SAT_WED = frozenset({SAT, SUN, MON, TUE, WED})


def d(text: str) -> date:
    return date.fromisoformat(text)


def P(start: str, end: str) -> Period:
    return Period(d(start), d(end))


def span(text: str) -> Period:
    """'2026-11-23..2026-11-29' -> that closed period."""
    start, _, end = text.partition("..")
    return P(start, end)


def cal(week_start: int = MON, workdays: frozenset[int] = MON_FRI, fy: int = 1) -> WorkCalendar:
    return WorkCalendar(week_start=week_start, workdays=workdays, fiscal_year_start=fy)


def case(cadence: str, calendar: WorkCalendar, on: str, period: str, name: str) -> object:
    return pytest.param(cadence, calendar, d(on), span(period), id=name)


# -- the period that contains a date -----------------------------------------

PERIOD_CASES = [
    # daily: the day itself, workday or not
    case("daily", cal(), "2026-11-27", "2026-11-27..2026-11-27", "daily-fri"),
    case("daily", cal(), "2026-11-28", "2026-11-28..2026-11-28", "daily-sat"),
    case("daily", cal(), "2026-12-31", "2026-12-31..2026-12-31", "daily-new-years-eve"),
    # weekly, week starts Monday
    case("weekly", cal(), "2026-11-23", "2026-11-23..2026-11-29", "weekly-mon-on-first-day"),
    case("weekly", cal(), "2026-11-26", "2026-11-23..2026-11-29", "weekly-mon-midweek"),
    case("weekly", cal(), "2026-11-29", "2026-11-23..2026-11-29", "weekly-mon-on-last-day"),
    case("weekly", cal(), "2026-11-30", "2026-11-30..2026-12-06", "weekly-mon-crosses-month"),
    # the week spanning the year boundary: ISO week 53 of 2026
    case("weekly", cal(), "2026-12-28", "2026-12-28..2027-01-03", "weekly-iso53-2026-mon"),
    case("weekly", cal(), "2026-12-31", "2026-12-28..2027-01-03", "weekly-iso53-2026-thu"),
    case("weekly", cal(), "2027-01-01", "2026-12-28..2027-01-03", "weekly-iso53-2026-new-year"),
    case("weekly", cal(), "2027-01-03", "2026-12-28..2027-01-03", "weekly-iso53-2026-sun"),
    case("weekly", cal(), "2027-01-04", "2027-01-04..2027-01-10", "weekly-after-iso53-2026"),
    # ISO week 53 of 2020
    case("weekly", cal(), "2020-12-31", "2020-12-28..2021-01-03", "weekly-iso53-2020-thu"),
    case("weekly", cal(), "2021-01-03", "2020-12-28..2021-01-03", "weekly-iso53-2020-sun"),
    # week starts Sunday
    case("weekly", cal(SUN), "2026-11-22", "2026-11-22..2026-11-28", "weekly-sun-on-sunday"),
    case("weekly", cal(SUN), "2026-11-23", "2026-11-22..2026-11-28", "weekly-sun-on-monday"),
    case("weekly", cal(SUN), "2026-11-28", "2026-11-22..2026-11-28", "weekly-sun-on-saturday"),
    case("weekly", cal(SUN), "2026-11-29", "2026-11-29..2026-12-05", "weekly-sun-next-sunday"),
    case("weekly", cal(SUN), "2027-01-01", "2026-12-27..2027-01-02", "weekly-sun-year-boundary"),
    # week starts Saturday
    case("weekly", cal(SAT), "2026-11-21", "2026-11-21..2026-11-27", "weekly-sat-on-saturday"),
    case("weekly", cal(SAT), "2026-11-23", "2026-11-21..2026-11-27", "weekly-sat-on-monday"),
    case("weekly", cal(SAT), "2026-11-27", "2026-11-21..2026-11-27", "weekly-sat-on-friday"),
    case("weekly", cal(SAT), "2026-11-28", "2026-11-28..2026-12-04", "weekly-sat-next-saturday"),
    case("weekly", cal(SAT), "2027-01-01", "2026-12-26..2027-01-01", "weekly-sat-year-boundary"),
    case("weekly", cal(SAT), "2027-01-02", "2027-01-02..2027-01-08", "weekly-sat-new-week-jan-2"),
    # every other week start, for Wed 2026-11-25
    case("weekly", cal(TUE), "2026-11-25", "2026-11-24..2026-11-30", "weekly-tue-start"),
    case("weekly", cal(WED), "2026-11-25", "2026-11-25..2026-12-01", "weekly-wed-start"),
    case("weekly", cal(THU), "2026-11-25", "2026-11-19..2026-11-25", "weekly-thu-start"),
    case("weekly", cal(FRI), "2026-11-25", "2026-11-20..2026-11-26", "weekly-fri-start"),
    # monthly
    case("monthly", cal(), "2026-11-23", "2026-11-01..2026-11-30", "monthly-nov-2026"),
    case("monthly", cal(), "2026-12-31", "2026-12-01..2026-12-31", "monthly-dec-31"),
    case("monthly", cal(), "2027-01-01", "2027-01-01..2027-01-31", "monthly-jan-1"),
    case("monthly", cal(), "2027-02-14", "2027-02-01..2027-02-28", "monthly-feb-common-year"),
    case("monthly", cal(), "2028-02-29", "2028-02-01..2028-02-29", "monthly-feb-leap-day"),
    case(
        "monthly", cal(fy=7), "2026-04-30", "2026-04-01..2026-04-30", "monthly-ignores-fiscal-year"
    ),
    # quarterly, calendar fiscal year
    case("quarterly", cal(), "2026-03-31", "2026-01-01..2026-03-31", "quarterly-fy1-q1-last-day"),
    case("quarterly", cal(), "2026-04-01", "2026-04-01..2026-06-30", "quarterly-fy1-q2-first-day"),
    case("quarterly", cal(), "2026-11-23", "2026-10-01..2026-12-31", "quarterly-fy1-q4"),
    case("quarterly", cal(), "2027-01-01", "2027-01-01..2027-03-31", "quarterly-fy1-new-year"),
    # quarterly, fiscal year from April: Apr-Jun, Jul-Sep, Oct-Dec, Jan-Mar
    case("quarterly", cal(fy=4), "2026-04-01", "2026-04-01..2026-06-30", "quarterly-fy4-q1"),
    case("quarterly", cal(fy=4), "2026-11-23", "2026-10-01..2026-12-31", "quarterly-fy4-q3"),
    case("quarterly", cal(fy=4), "2027-03-31", "2027-01-01..2027-03-31", "quarterly-fy4-q4"),
    # quarterly, fiscal year from July: Jul-Sep, Oct-Dec, Jan-Mar, Apr-Jun
    case("quarterly", cal(fy=7), "2026-07-01", "2026-07-01..2026-09-30", "quarterly-fy7-q1"),
    case("quarterly", cal(fy=7), "2027-02-14", "2027-01-01..2027-03-31", "quarterly-fy7-q3"),
    case("quarterly", cal(fy=7), "2027-06-30", "2027-04-01..2027-06-30", "quarterly-fy7-q4"),
    # quarters that cut across calendar quarters and years
    case("quarterly", cal(fy=2), "2026-11-23", "2026-11-01..2027-01-31", "quarterly-fy2-nov-jan"),
    case("quarterly", cal(fy=2), "2027-01-31", "2026-11-01..2027-01-31", "quarterly-fy2-jan-31"),
    case("quarterly", cal(fy=2), "2027-02-01", "2027-02-01..2027-04-30", "quarterly-fy2-feb-apr"),
    case("quarterly", cal(fy=11), "2026-10-31", "2026-08-01..2026-10-31", "quarterly-fy11-aug-oct"),
    case("quarterly", cal(fy=12), "2027-02-14", "2026-12-01..2027-02-28", "quarterly-fy12-dec-feb"),
    case("quarterly", cal(fy=12), "2028-02-29", "2027-12-01..2028-02-29", "quarterly-fy12-leap"),
    # annual: the fiscal year
    case("annual", cal(), "2026-11-23", "2026-01-01..2026-12-31", "annual-fy1"),
    case("annual", cal(), "2027-01-01", "2027-01-01..2027-12-31", "annual-fy1-new-year"),
    case("annual", cal(fy=4), "2026-11-23", "2026-04-01..2027-03-31", "annual-fy4"),
    case("annual", cal(fy=4), "2026-03-31", "2025-04-01..2026-03-31", "annual-fy4-last-day"),
    case("annual", cal(fy=4), "2026-04-01", "2026-04-01..2027-03-31", "annual-fy4-first-day"),
    case("annual", cal(fy=7), "2026-07-01", "2026-07-01..2027-06-30", "annual-fy7-first-day"),
    case("annual", cal(fy=7), "2026-11-23", "2026-07-01..2027-06-30", "annual-fy7-spans-two-years"),
    case("annual", cal(fy=7), "2027-03-31", "2026-07-01..2027-06-30", "annual-fy7-in-2027"),
    case("annual", cal(fy=7), "2027-06-30", "2026-07-01..2027-06-30", "annual-fy7-last-day"),
    case("annual", cal(fy=7), "2026-06-30", "2025-07-01..2026-06-30", "annual-fy7-previous-fy"),
    case("annual", cal(fy=7), "2027-07-01", "2027-07-01..2028-06-30", "annual-fy7-next-fy"),
    case("annual", cal(fy=12), "2026-11-30", "2025-12-01..2026-11-30", "annual-fy12-last-day"),
    case("annual", cal(fy=12), "2026-12-01", "2026-12-01..2027-11-30", "annual-fy12-first-day"),
]


@pytest.mark.parametrize(("cadence", "calendar", "on", "expected"), PERIOD_CASES)
def test_period_containing_a_date(
    cadence: str, calendar: WorkCalendar, on: date, expected: Period
) -> None:
    assert calendar_period(on, cadence, calendar) == expected
    rec = Recurrence(cadence)  # type: ignore[arg-type]
    assert period_containing(on, rec, calendar) == expected


def test_unknown_cadence_is_refused() -> None:
    with pytest.raises(ValueError, match="fortnightly"):
        calendar_period(d("2026-11-23"), "fortnightly", cal())


def test_period_is_a_closed_range() -> None:
    week = P("2026-11-23", "2026-11-29")
    assert d("2026-11-23") in week
    assert d("2026-11-29") in week
    assert d("2026-11-22") not in week
    assert d("2026-11-30") not in week
    assert week.length == 7
    days = list(week.days())
    assert len(days) == 7
    assert days[0] == d("2026-11-23")
    assert days[-1] == d("2026-11-29")
    assert P("2028-02-01", "2028-02-29").length == 29


# -- neighbours ----------------------------------------------------------------

NEIGHBOUR_CASES = [
    # (cadence, calendar, period, previous, next)
    pytest.param(
        "daily", cal(), P("2027-01-01", "2027-01-01"),
        P("2026-12-31", "2026-12-31"), P("2027-01-02", "2027-01-02"), id="daily-new-year",
    ),
    pytest.param(
        "weekly", cal(), P("2026-12-28", "2027-01-03"),
        P("2026-12-21", "2026-12-27"), P("2027-01-04", "2027-01-10"), id="weekly-iso53-2026",
    ),
    pytest.param(
        "weekly", cal(SAT), P("2026-11-21", "2026-11-27"),
        P("2026-11-14", "2026-11-20"), P("2026-11-28", "2026-12-04"), id="weekly-sat-start",
    ),
    pytest.param(
        "monthly", cal(), P("2027-03-01", "2027-03-31"),
        P("2027-02-01", "2027-02-28"), P("2027-04-01", "2027-04-30"), id="monthly-after-short-feb",
    ),
    pytest.param(
        "monthly", cal(), P("2028-01-01", "2028-01-31"),
        P("2027-12-01", "2027-12-31"), P("2028-02-01", "2028-02-29"), id="monthly-leap-feb-next",
    ),
    pytest.param(
        "quarterly", cal(fy=7), P("2026-10-01", "2026-12-31"),
        P("2026-07-01", "2026-09-30"), P("2027-01-01", "2027-03-31"), id="quarterly-fy7",
    ),
    pytest.param(
        "quarterly", cal(fy=2), P("2026-11-01", "2027-01-31"),
        P("2026-08-01", "2026-10-31"), P("2027-02-01", "2027-04-30"), id="quarterly-fy2",
    ),
    pytest.param(
        "annual", cal(fy=7), P("2026-07-01", "2027-06-30"),
        P("2025-07-01", "2026-06-30"), P("2027-07-01", "2028-06-30"), id="annual-fy7",
    ),
    pytest.param(
        "annual", cal(), P("2026-01-01", "2026-12-31"),
        P("2025-01-01", "2025-12-31"), P("2027-01-01", "2027-12-31"), id="annual-fy1",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("cadence", "calendar", "period", "before", "after"), NEIGHBOUR_CASES)
def test_previous_and_next_period(
    cadence: str, calendar: WorkCalendar, period: Period, before: Period, after: Period
) -> None:
    rec = Recurrence(cadence)  # type: ignore[arg-type]
    assert previous_period(period, rec, calendar) == before
    assert next_period(period, rec, calendar) == after


OVERLAP_CASES = [
    pytest.param(
        "daily", cal(), "2026-11-27", "2026-11-30",
        [P("2026-11-27", "2026-11-27"), P("2026-11-28", "2026-11-28"),
         P("2026-11-29", "2026-11-29"), P("2026-11-30", "2026-11-30")],
        id="daily-four-days",
    ),
    pytest.param(
        "weekly", cal(), "2026-12-30", "2027-01-05",
        [P("2026-12-28", "2027-01-03"), P("2027-01-04", "2027-01-10")],
        id="weekly-across-new-year",
    ),
    pytest.param(
        "weekly", cal(SUN), "2026-11-22", "2026-11-28",
        [P("2026-11-22", "2026-11-28")],
        id="weekly-sun-exactly-one-week",
    ),
    pytest.param(
        "weekly", cal(), "2026-11-22", "2026-11-23",
        [P("2026-11-16", "2026-11-22"), P("2026-11-23", "2026-11-29")],
        id="weekly-two-days-two-weeks",
    ),
    pytest.param(
        "monthly", cal(), "2026-11-15", "2027-01-10",
        [P("2026-11-01", "2026-11-30"), P("2026-12-01", "2026-12-31"),
         P("2027-01-01", "2027-01-31")],
        id="monthly-three-months",
    ),
    pytest.param(
        "quarterly", cal(fy=4), "2026-03-15", "2026-04-01",
        [P("2026-01-01", "2026-03-31"), P("2026-04-01", "2026-06-30")],
        id="quarterly-fy4-boundary",
    ),
    pytest.param(
        "annual", cal(fy=7), "2026-06-30", "2026-07-01",
        [P("2025-07-01", "2026-06-30"), P("2026-07-01", "2027-06-30")],
        id="annual-fy7-boundary",
    ),
    pytest.param(
        "annual", cal(fy=7), "2026-11-23", "2026-11-23",
        [P("2026-07-01", "2027-06-30")],
        id="annual-single-day",
    ),
    pytest.param("monthly", cal(), "2026-12-01", "2026-11-30", [], id="empty-range"),
]  # fmt: skip


@pytest.mark.parametrize(("cadence", "calendar", "first", "last", "expected"), OVERLAP_CASES)
def test_periods_overlapping(
    cadence: str, calendar: WorkCalendar, first: str, last: str, expected: list[Period]
) -> None:
    rec = Recurrence(cadence)  # type: ignore[arg-type]
    assert list(periods_overlapping(d(first), d(last), rec, calendar)) == expected


# -- workdays and expectation ---------------------------------------------------

WORKDAY_CASES = [
    pytest.param(MON_FRI, "2026-11-27", True, id="mon-fri-friday"),
    pytest.param(MON_FRI, "2026-11-28", False, id="mon-fri-saturday"),
    pytest.param(MON_FRI, "2026-11-29", False, id="mon-fri-sunday"),
    pytest.param(SUN_THU, "2026-11-29", True, id="sun-thu-sunday"),
    pytest.param(SUN_THU, "2026-11-26", True, id="sun-thu-thursday"),
    pytest.param(SUN_THU, "2026-11-27", False, id="sun-thu-friday"),
    pytest.param(SUN_THU, "2026-11-28", False, id="sun-thu-saturday"),
    pytest.param(SAT_WED, "2026-11-28", True, id="sat-wed-saturday"),
    pytest.param(SAT_WED, "2026-11-25", True, id="sat-wed-wednesday"),
    pytest.param(SAT_WED, "2026-11-26", False, id="sat-wed-thursday"),
    pytest.param(SAT_WED, "2026-11-27", False, id="sat-wed-friday"),
]


@pytest.mark.parametrize(("workdays", "on", "expected"), WORKDAY_CASES)
def test_is_workday(workdays: frozenset[int], on: str, expected: bool) -> None:
    assert is_workday(d(on), cal(workdays=workdays)) is expected


@pytest.mark.parametrize(("workdays", "on", "expected"), WORKDAY_CASES)
def test_daily_items_are_expected_on_workdays_only(
    workdays: frozenset[int], on: str, expected: bool
) -> None:
    day = P(on, on)
    assert is_expected(day, Recurrence("daily"), cal(workdays=workdays)) is expected


@pytest.mark.parametrize("cadence", ["weekly", "monthly", "quarterly", "annual"])
def test_longer_cadences_are_expected_in_every_period(cadence: str) -> None:
    # Even a week in which the team works only on Wednesdays expects its weekly item.
    only_wednesday = cal(workdays=frozenset({WED}))
    period = calendar_period(d("2026-11-28"), cadence, only_wednesday)
    assert is_expected(period, Recurrence(cadence), only_wednesday) is True  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"week_start": 7}, id="week-start-7"),
        pytest.param({"week_start": -1}, id="week-start-negative"),
        pytest.param({"workdays": frozenset({7})}, id="workday-7"),
        pytest.param({"fiscal_year_start": 0}, id="fiscal-year-0"),
        pytest.param({"fiscal_year_start": 13}, id="fiscal-year-13"),
    ],
)
def test_work_calendar_refuses_impossible_settings(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        WorkCalendar(**kwargs)  # type: ignore[arg-type]


def test_work_calendar_defaults_are_mon_fri_monday_calendar_year() -> None:
    default = WorkCalendar()
    assert default.week_start == MON
    assert default.workdays == MON_FRI
    assert default.fiscal_year_start == 1


def test_month_lengths_are_the_calendar_modules() -> None:
    import calendar

    from csm_checklist.dates.schedule import _month_length

    for year in (1900, 1996, 2000, 2023, 2024, 2100, 2199, 9999):
        for month in range(1, 13):
            assert _month_length(year, month) == calendar.monthrange(year, month)[1]


def test_months_are_named_in_english_in_full_and_short() -> None:
    from csm_checklist.dates.schedule import parse_month

    assert [parse_month(name) for name in ("January", "sep", "SEPTEMBER", "may")] == [1, 9, 9, 5]
