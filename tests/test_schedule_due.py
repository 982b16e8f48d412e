"""Due dates (DESIGN §2 "Due date") and the worked examples of §2, by hand.

Rules: by default the last workday of the period (daily: the day itself); a due
rule moves it; a day number past the month's end is clamped to it; a due date
on a non-workday moves back to the previous workday inside the same period
(and, where the period has no earlier workday, forward to the next one).

Calendars used below (Mon-first):
    November 2026   Sun 1, Mon 2 ... Sun 15 ... Mon 23 .. Sun 29, Mon 30
    February 2027   Mon 1 ... Fri 26, Sat 27, Sun 28      (28 days)
    February 2028   Tue 1 ... Mon 28, Tue 29              (29 days)
    2026: Jan 1 Thu, Feb 28 Sat, Mar 31 Tue, May 31 Sun, Jul 31 Fri, Aug 1 Sat,
          Oct 1 Thu, Oct 31 Sat, Nov 30 Mon, Dec 31 Thu
    2027: Jan 1 Fri, Jan 31 Sun, Mar 31 Wed, Jun 30 Wed
    2028: Jan 1 Sat, Jan 3 Mon
"""

from __future__ import annotations

from datetime import date

import pytest

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
    period_containing,
)

from fakes import previous_period

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
MON_FRI = frozenset({MON, TUE, WED, THU, FRI})
SUN_THU = frozenset({SUN, MON, TUE, WED, THU})
SAT_WED = frozenset({SAT, SUN, MON, TUE, WED})


def d(text: str) -> date:
    return date.fromisoformat(text)


def P(start: str, end: str) -> Period:
    return Period(d(start), d(end))


def cal(week_start: int = MON, workdays: frozenset[int] = MON_FRI, fy: int = 1) -> WorkCalendar:
    return WorkCalendar(week_start=week_start, workdays=workdays, fiscal_year_start=fy)


DEFAULTS = cal()


def case(
    cadence: str,
    rule: DueRule | None,
    calendar: WorkCalendar,
    on: str,
    period: str,
    due: str,
    name: str,
) -> object:
    """One row: on date `on`, the item's period is `period` ('start..end') and it is due `due`."""
    start, _, end = period.partition("..")
    return pytest.param(cadence, rule, calendar, d(on), P(start, end), d(due), id=name)


# -- the worked examples of DESIGN §2, verbatim ----------------------------------


def test_weekly_review_mon_2026_11_23_is_upcoming_due_fri_2026_11_27() -> None:
    """DESIGN §2, default settings (Mon–Fri, week starts Monday, calendar fiscal
    year), item "weekly review" with no due rule: "Mon 2026-11-23 → upcoming (due Fri
    2026-11-27); Fri 27 → due; Sat 28 → overdue; Mon 30 → the new week's item is
    upcoming, and the 23–29 period is missed."
    """
    rec = Recurrence("weekly")
    week = P("2026-11-23", "2026-11-29")
    for on in ("2026-11-23", "2026-11-27", "2026-11-28"):
        assert period_containing(d(on), rec, DEFAULTS) == week
    assert due_date(week, rec, DEFAULTS) == d("2026-11-27")
    # Mon 23 is before the due date (upcoming), Fri 27 is it (due), Sat 28 is after (overdue).
    assert d("2026-11-23") < d("2026-11-27") < d("2026-11-28")

    # Mon 30: a new week whose item is upcoming; the week before it has ended.
    new_week = period_containing(d("2026-11-30"), rec, DEFAULTS)
    assert new_week == P("2026-11-30", "2026-12-06")
    assert due_date(new_week, rec, DEFAULTS) == d("2026-12-04")
    assert previous_period(new_week, rec, DEFAULTS) == week


def test_week_start_sunday_sun_thu_due_thu_2026_11_26_fri_27_overdue() -> None:
    """DESIGN §2: "With `week_start: sunday`, `workdays: sun-thu`: due Thu
    2026-11-26; Fri 27 → overdue."
    """
    sunday_team = cal(SUN, SUN_THU)
    rec = Recurrence("weekly")
    week = period_containing(d("2026-11-23"), rec, sunday_team)
    assert week == P("2026-11-22", "2026-11-28")
    assert due_date(week, rec, sunday_team) == d("2026-11-26")
    # Fri 27 is in the same week, after its due date: overdue.
    assert period_containing(d("2026-11-27"), rec, sunday_team) == week


def test_monthly_due_31_in_february_2027_is_due_2027_02_26() -> None:
    """DESIGN §2: "Monthly item `due: 31` in February 2027 → due 2027-02-26
    (clamped to 28, a Sunday in a Mon–Fri week, moved back to Friday)."
    """
    rec = Recurrence("monthly", OnDayOfMonth(31))
    february = period_containing(d("2027-02-10"), rec, DEFAULTS)
    assert february == P("2027-02-01", "2027-02-28")
    assert due_date(february, rec, DEFAULTS) == d("2027-02-26")


# -- every cadence and due rule ---------------------------------------------------

DUE_CASES = [
    # (cadence, due rule, calendar, a date, its period, the due date)
    # daily: the day itself, even on a non-workday
    case("daily", None, DEFAULTS, "2026-11-27",
         "2026-11-27..2026-11-27", "2026-11-27", "daily-fri"),
    case("daily", None, DEFAULTS, "2026-11-28",
         "2026-11-28..2026-11-28", "2026-11-28", "daily-sat-is-the-day-itself"),
    # weekly, default = last workday of the week
    case("weekly", None, DEFAULTS, "2026-11-25",
         "2026-11-23..2026-11-29", "2026-11-27", "weekly-default-fri"),
    case("weekly", None, cal(SUN, SUN_THU), "2026-11-25",
         "2026-11-22..2026-11-28", "2026-11-26", "weekly-default-sun-thu"),
    case("weekly", None, cal(SAT, SAT_WED), "2026-11-25",
         "2026-11-21..2026-11-27", "2026-11-25", "weekly-default-sat-wed"),
    case("weekly", None, cal(MON, SUN_THU), "2026-11-25",
         "2026-11-23..2026-11-29", "2026-11-29", "weekly-default-sun-thu-monday-week-ends-sunday"),
    case("weekly", LastWorkday(), cal(SAT, SUN_THU), "2026-11-25",
         "2026-11-21..2026-11-27", "2026-11-26", "weekly-last-workday-sat-start"),
    case("weekly", None, DEFAULTS, "2026-12-30",
         "2026-12-28..2027-01-03", "2027-01-01", "weekly-default-iso53-2026-due-new-years-day"),
    case("weekly", None, DEFAULTS, "2021-01-02",
         "2020-12-28..2021-01-03", "2021-01-01", "weekly-default-iso53-2020"),
    case("weekly", FirstWorkday(), cal(SUN), "2026-11-25",
         "2026-11-22..2026-11-28", "2026-11-23", "weekly-first-workday-sun-start-mon-fri"),
    # weekly `due: <weekday>`
    case("weekly", OnWeekday(THU), DEFAULTS, "2026-11-23",
         "2026-11-23..2026-11-29", "2026-11-26", "weekly-due-thu"),
    case("weekly", OnWeekday(MON), DEFAULTS, "2026-11-29",
         "2026-11-23..2026-11-29", "2026-11-23", "weekly-due-mon"),
    case("weekly", OnWeekday(SAT), DEFAULTS, "2026-11-23",
         "2026-11-23..2026-11-29", "2026-11-27", "weekly-due-sat-moves-back-to-fri"),
    case("weekly", OnWeekday(SUN), DEFAULTS, "2026-11-23",
         "2026-11-23..2026-11-29", "2026-11-27", "weekly-due-sun-moves-back-to-fri"),
    case("weekly", OnWeekday(THU), DEFAULTS, "2027-01-02",
         "2026-12-28..2027-01-03", "2026-12-31", "weekly-due-thu-iso53-2026"),
    case("weekly", OnWeekday(SAT), DEFAULTS, "2026-12-28",
         "2026-12-28..2027-01-03", "2027-01-01", "weekly-due-sat-iso53-back-into-2027-01-01"),
    case("weekly", OnWeekday(THU), cal(SUN, SUN_THU), "2026-11-28",
         "2026-11-22..2026-11-28", "2026-11-26", "weekly-due-thu-sun-thu"),
    case("weekly", OnWeekday(FRI), cal(SUN, SUN_THU), "2026-11-28",
         "2026-11-22..2026-11-28", "2026-11-26", "weekly-due-fri-sun-thu-back-to-thu"),
    case("weekly", OnWeekday(SAT), cal(SUN, SUN_THU), "2026-11-22",
         "2026-11-22..2026-11-28", "2026-11-26", "weekly-due-sat-sun-thu-back-to-thu"),
    case("weekly", OnWeekday(SUN), cal(SUN, SUN_THU), "2026-11-28",
         "2026-11-22..2026-11-28", "2026-11-22", "weekly-due-sun-sun-thu"),
    case("weekly", OnWeekday(THU), cal(SAT, SAT_WED), "2026-11-21",
         "2026-11-21..2026-11-27", "2026-11-25", "weekly-due-thu-sat-wed-back-to-wed"),
    case("weekly", OnWeekday(SAT), cal(SAT, SAT_WED), "2026-11-27",
         "2026-11-21..2026-11-27", "2026-11-21", "weekly-due-sat-sat-wed"),
    case("weekly", OnWeekday(TUE), cal(WED), "2026-11-20",
         "2026-11-18..2026-11-24", "2026-11-24", "weekly-wed-start-due-tue-is-last-day"),
    # no workday earlier in the period: forward to the next one in the period
    case("weekly", OnWeekday(SAT), cal(SAT, SUN_THU), "2026-11-25",
         "2026-11-21..2026-11-27", "2026-11-22", "weekly-due-sat-first-day-forward-to-sun"),
    case("weekly", OnWeekday(SUN), cal(SUN), "2026-11-25",
         "2026-11-22..2026-11-28", "2026-11-23", "weekly-due-sun-first-day-forward-to-mon"),
    # monthly, default = last workday of the month
    case("monthly", None, DEFAULTS, "2026-11-02",
         "2026-11-01..2026-11-30", "2026-11-30", "monthly-default-nov-ends-monday"),
    case("monthly", None, DEFAULTS, "2026-05-02",
         "2026-05-01..2026-05-31", "2026-05-29", "monthly-default-may-ends-sunday"),
    case("monthly", None, DEFAULTS, "2026-10-31",
         "2026-10-01..2026-10-31", "2026-10-30", "monthly-default-oct-ends-saturday"),
    case("monthly", None, DEFAULTS, "2027-02-01",
         "2027-02-01..2027-02-28", "2027-02-26", "monthly-default-feb-2027"),
    case("monthly", None, DEFAULTS, "2028-02-01",
         "2028-02-01..2028-02-29", "2028-02-29", "monthly-default-feb-2028-leap-day"),
    case("monthly", None, cal(SUN, SUN_THU), "2026-10-05",
         "2026-10-01..2026-10-31", "2026-10-29", "monthly-default-sun-thu-oct"),
    case("monthly", None, cal(SUN, SUN_THU), "2026-07-05",
         "2026-07-01..2026-07-31", "2026-07-30", "monthly-default-sun-thu-jul-ends-friday"),
    case("monthly", LastWorkday(), cal(SAT, SAT_WED), "2026-07-05",
         "2026-07-01..2026-07-31", "2026-07-29", "monthly-last-workday-sat-wed"),
    case("monthly", LastWorkday(), cal(SAT, SAT_WED), "2026-10-05",
         "2026-10-01..2026-10-31", "2026-10-31", "monthly-last-workday-sat-wed-sat"),
    # monthly `due: first-workday`
    case("monthly", FirstWorkday(), DEFAULTS, "2026-11-20",
         "2026-11-01..2026-11-30", "2026-11-02", "monthly-first-workday-nov"),
    case("monthly", FirstWorkday(), DEFAULTS, "2026-08-20",
         "2026-08-01..2026-08-31", "2026-08-03", "monthly-first-workday-aug-mon-fri"),
    case("monthly", FirstWorkday(), cal(SUN, SUN_THU), "2026-08-20",
         "2026-08-01..2026-08-31", "2026-08-02", "monthly-first-workday-aug-sun-thu"),
    case("monthly", FirstWorkday(), cal(SAT, SAT_WED), "2026-08-20",
         "2026-08-01..2026-08-31", "2026-08-01", "monthly-first-workday-aug-sat-wed"),
    # monthly `due: <day>`
    case("monthly", OnDayOfMonth(5), DEFAULTS, "2026-11-20",
         "2026-11-01..2026-11-30", "2026-11-05", "monthly-due-5"),
    case("monthly", OnDayOfMonth(15), DEFAULTS, "2026-11-20",
         "2026-11-01..2026-11-30", "2026-11-13", "monthly-due-15-sunday-back-to-fri"),
    case("monthly", OnDayOfMonth(-1), DEFAULTS, "2026-11-20",
         "2026-11-01..2026-11-30", "2026-11-30", "monthly-due-minus-1-last-day"),
    case("monthly", OnDayOfMonth(-2), DEFAULTS, "2026-11-20",
         "2026-11-01..2026-11-30", "2026-11-27", "monthly-due-minus-2-sunday-back-to-fri"),
    case("monthly", OnDayOfMonth(1), DEFAULTS, "2026-11-20",
         "2026-11-01..2026-11-30", "2026-11-02", "monthly-due-1-sunday-forward-to-mon"),
    case("monthly", OnDayOfMonth(1), cal(SUN, SUN_THU), "2026-08-20",
         "2026-08-01..2026-08-31", "2026-08-02", "monthly-due-1-sat-sun-thu-forward"),
    case("monthly", OnDayOfMonth(31), DEFAULTS, "2026-04-20",
         "2026-04-01..2026-04-30", "2026-04-30", "monthly-due-31-april-clamped-to-30"),
    # February: leap (2028) and common (2027) years
    case("monthly", OnDayOfMonth(29), DEFAULTS, "2027-02-10",
         "2027-02-01..2027-02-28", "2027-02-26", "monthly-due-29-feb-2027"),
    case("monthly", OnDayOfMonth(31), DEFAULTS, "2027-02-10",
         "2027-02-01..2027-02-28", "2027-02-26", "monthly-due-31-feb-2027"),
    case("monthly", OnDayOfMonth(-1), DEFAULTS, "2027-02-10",
         "2027-02-01..2027-02-28", "2027-02-26", "monthly-due-minus-1-feb-2027"),
    case("monthly", OnDayOfMonth(29), DEFAULTS, "2028-02-10",
         "2028-02-01..2028-02-29", "2028-02-29", "monthly-due-29-feb-2028"),
    case("monthly", OnDayOfMonth(31), DEFAULTS, "2028-02-10",
         "2028-02-01..2028-02-29", "2028-02-29", "monthly-due-31-feb-2028"),
    case("monthly", OnDayOfMonth(30), DEFAULTS, "2028-02-10",
         "2028-02-01..2028-02-29", "2028-02-29", "monthly-due-30-feb-2028"),
    case("monthly", OnDayOfMonth(-1), DEFAULTS, "2028-02-10",
         "2028-02-01..2028-02-29", "2028-02-29", "monthly-due-minus-1-feb-2028"),
    case("monthly", OnDayOfMonth(28), DEFAULTS, "2028-02-10",
         "2028-02-01..2028-02-29", "2028-02-28", "monthly-due-28-feb-2028"),
    case("monthly", OnDayOfMonth(31), cal(SUN, SUN_THU), "2027-02-10",
         "2027-02-01..2027-02-28", "2027-02-28", "monthly-due-31-feb-2027-sun-thu"),
    case("monthly", OnDayOfMonth(29), cal(SAT, SAT_WED), "2027-02-10",
         "2027-02-01..2027-02-28", "2027-02-28", "monthly-due-29-feb-2027-sat-wed"),
    case("monthly", OnDayOfMonth(26), cal(SAT, SAT_WED), "2027-02-10",
         "2027-02-01..2027-02-28", "2027-02-24", "monthly-due-26-sat-wed-back-to-wed"),
    case("monthly", OnDayOfMonth(-28), DEFAULTS, "2026-02-10",
         "2026-02-01..2026-02-28", "2026-02-02", "monthly-due-minus-28-feb-2026-is-sunday-1st"),
    # quarterly, default = last workday of the quarter
    case("quarterly", None, DEFAULTS, "2026-11-23",
         "2026-10-01..2026-12-31", "2026-12-31", "quarterly-default-fy1"),
    case("quarterly", None, cal(fy=2), "2026-11-23",
         "2026-11-01..2027-01-31", "2027-01-29", "quarterly-default-fy2-ends-sunday"),
    case("quarterly", FirstWorkday(), DEFAULTS, "2026-02-10",
         "2026-01-01..2026-03-31", "2026-01-01", "quarterly-first-workday"),
    # quarterly `due: {month: 1-3, day}`, month within the quarter
    case("quarterly", OnMonthDay(3, 15), DEFAULTS, "2026-11-23",
         "2026-10-01..2026-12-31", "2026-12-15", "quarterly-fy1-m3-d15"),
    case("quarterly", OnMonthDay(1, 15), DEFAULTS, "2026-11-23",
         "2026-10-01..2026-12-31", "2026-10-15", "quarterly-fy1-m1-d15"),
    case("quarterly", OnMonthDay(2, 31), DEFAULTS, "2026-11-23",
         "2026-10-01..2026-12-31", "2026-11-30", "quarterly-fy1-m2-d31-clamped-nov-30"),
    case("quarterly", OnMonthDay(3, -1), DEFAULTS, "2026-11-23",
         "2026-10-01..2026-12-31", "2026-12-31", "quarterly-fy1-m3-last-day"),
    case("quarterly", OnMonthDay(2, 31), DEFAULTS, "2027-01-10",
         "2027-01-01..2027-03-31", "2027-02-26", "quarterly-fy1-feb-31-clamped-back"),
    case("quarterly", OnMonthDay(2, 15), DEFAULTS, "2026-01-10",
         "2026-01-01..2026-03-31", "2026-02-13", "quarterly-feb-15-sunday-mon-fri"),
    case("quarterly", OnMonthDay(2, 15), cal(SUN, SUN_THU), "2026-01-10",
         "2026-01-01..2026-03-31", "2026-02-15", "quarterly-feb-15-sunday-sun-thu"),
    case("quarterly", OnMonthDay(3, 15), cal(fy=4), "2026-05-10",
         "2026-04-01..2026-06-30", "2026-06-15", "quarterly-fy4-q1-m3"),
    case("quarterly", OnMonthDay(3, 31), cal(fy=4), "2027-01-10",
         "2027-01-01..2027-03-31", "2027-03-31", "quarterly-fy4-q4-m3-d31"),
    case("quarterly", OnMonthDay(3, 15), cal(fy=7), "2026-08-10",
         "2026-07-01..2026-09-30", "2026-09-15", "quarterly-fy7-q1-m3"),
    case("quarterly", OnMonthDay(1, 1), cal(fy=7), "2027-03-10",
         "2027-01-01..2027-03-31", "2027-01-01", "quarterly-fy7-q3-m1-d1"),
    case("quarterly", OnMonthDay(3, 15), cal(fy=2), "2026-11-23",
         "2026-11-01..2027-01-31", "2027-01-15", "quarterly-fy2-m3-in-next-year"),
    case("quarterly", OnMonthDay(3, 31), cal(fy=2), "2026-11-23",
         "2026-11-01..2027-01-31", "2027-01-29", "quarterly-fy2-m3-d31-sunday-back"),
    case("quarterly", OnMonthDay(1, 1), cal(fy=2), "2026-11-23",
         "2026-11-01..2027-01-31", "2026-11-02", "quarterly-fy2-m1-d1-sunday-forward"),
    case("quarterly", OnMonthDay(3, 29), cal(fy=12), "2028-01-10",
         "2027-12-01..2028-02-29", "2028-02-29", "quarterly-fy12-leap-feb-29"),
    case("quarterly", OnMonthDay(3, 31), cal(fy=12), "2028-01-10",
         "2027-12-01..2028-02-29", "2028-02-29", "quarterly-fy12-leap-feb-31"),
    case("quarterly", OnMonthDay(3, 29), cal(fy=12), "2027-01-10",
         "2026-12-01..2027-02-28", "2027-02-26", "quarterly-fy12-common-feb-29"),
    # annual, default = last workday of the fiscal year
    case("annual", None, DEFAULTS, "2026-11-23",
         "2026-01-01..2026-12-31", "2026-12-31", "annual-default-fy1"),
    case("annual", None, cal(SUN, SUN_THU), "2027-11-23",
         "2027-01-01..2027-12-31", "2027-12-30", "annual-default-sun-thu-2027-ends-friday"),
    case("annual", None, cal(fy=7), "2026-11-23",
         "2026-07-01..2027-06-30", "2027-06-30", "annual-default-fy7"),
    case("annual", None, cal(fy=4), "2026-11-23",
         "2026-04-01..2027-03-31", "2027-03-31", "annual-default-fy4"),
    case("annual", FirstWorkday(), DEFAULTS, "2028-06-01",
         "2028-01-01..2028-12-31", "2028-01-03", "annual-first-workday-2028-starts-saturday"),
    case("annual", FirstWorkday(), cal(SAT, SAT_WED), "2028-06-01",
         "2028-01-01..2028-12-31", "2028-01-01", "annual-first-workday-sat-wed"),
    # annual `due: {month, day}`, calendar month
    case("annual", OnMonthDay(11, 30), DEFAULTS, "2026-02-01",
         "2026-01-01..2026-12-31", "2026-11-30", "annual-fy1-nov-30"),
    case("annual", OnMonthDay(3, 31), DEFAULTS, "2026-11-01",
         "2026-01-01..2026-12-31", "2026-03-31", "annual-fy1-mar-31"),
    case("annual", OnMonthDay(5, 31), DEFAULTS, "2026-11-01",
         "2026-01-01..2026-12-31", "2026-05-29", "annual-fy1-may-31-sunday-back"),
    case("annual", OnMonthDay(2, -1), DEFAULTS, "2026-11-01",
         "2026-01-01..2026-12-31", "2026-02-27", "annual-fy1-feb-last-saturday-back"),
    case("annual", OnMonthDay(1, 1), DEFAULTS, "2028-11-01",
         "2028-01-01..2028-12-31", "2028-01-03", "annual-fy1-jan-1-saturday-forward"),
    case("annual", OnMonthDay(3, 31), cal(fy=7), "2026-11-23",
         "2026-07-01..2027-06-30", "2027-03-31", "annual-fy7-mar-31-lands-in-2027"),
    case("annual", OnMonthDay(11, 30), cal(fy=7), "2027-03-01",
         "2026-07-01..2027-06-30", "2026-11-30", "annual-fy7-nov-30-lands-in-2026"),
    case("annual", OnMonthDay(7, 1), cal(fy=7), "2027-03-01",
         "2026-07-01..2027-06-30", "2026-07-01", "annual-fy7-jul-1-first-day"),
    case("annual", OnMonthDay(6, 30), cal(fy=7), "2026-07-01",
         "2026-07-01..2027-06-30", "2027-06-30", "annual-fy7-jun-30-last-day"),
    case("annual", OnMonthDay(2, 29), cal(fy=7), "2026-07-01",
         "2026-07-01..2027-06-30", "2027-02-26", "annual-fy7-feb-29-common-year"),
    case("annual", OnMonthDay(2, 29), cal(fy=7), "2027-07-01",
         "2027-07-01..2028-06-30", "2028-02-29", "annual-fy7-feb-29-leap-year"),
    case("annual", OnMonthDay(10, 31), cal(SUN, SUN_THU, fy=7), "2027-01-01",
         "2026-07-01..2027-06-30", "2026-10-29", "annual-fy7-sun-thu-oct-31-saturday"),
    case("annual", OnMonthDay(3, 31), cal(fy=4), "2026-11-23",
         "2026-04-01..2027-03-31", "2027-03-31", "annual-fy4-mar-31-last-day"),
    case("annual", OnMonthDay(4, 1), cal(fy=4), "2026-11-23",
         "2026-04-01..2027-03-31", "2026-04-01", "annual-fy4-apr-1"),
    case("annual", OnMonthDay(12, 31), cal(fy=4), "2026-11-23",
         "2026-04-01..2027-03-31", "2026-12-31", "annual-fy4-dec-31"),
    case("annual", OnMonthDay(1, 31), cal(fy=4), "2026-11-23",
         "2026-04-01..2027-03-31", "2027-01-29", "annual-fy4-jan-31-sunday-back"),
]  # fmt: skip


@pytest.mark.parametrize(("cadence", "rule", "calendar", "on", "period", "due"), DUE_CASES)
def test_due_date(
    cadence: str,
    rule: DueRule | None,
    calendar: WorkCalendar,
    on: date,
    period: Period,
    due: date,
) -> None:
    rec = Recurrence(cadence, rule)  # type: ignore[arg-type]
    assert period_containing(on, rec, calendar) == period
    assert due_date(period, rec, calendar) == due


@pytest.mark.parametrize(
    ("rule", "calendar"),
    [
        pytest.param(None, DEFAULTS, id="default"),
        pytest.param(LastWorkday(), DEFAULTS, id="last-workday"),
        pytest.param(None, cal(SUN, SUN_THU), id="default-sun-thu"),
    ],
)
def test_last_workday_rule_is_the_default(rule: DueRule | None, calendar: WorkCalendar) -> None:
    """Written out month by month for 2026: the last workday of each month."""
    mon_fri = {
        1: 30, 2: 27, 3: 31, 4: 30, 5: 29, 6: 30, 7: 31, 8: 31, 9: 30, 10: 30, 11: 30, 12: 31,
    }  # fmt: skip
    sun_thu = {
        1: 29, 2: 26, 3: 31, 4: 30, 5: 31, 6: 30, 7: 30, 8: 31, 9: 30, 10: 29, 11: 30, 12: 31,
    }  # fmt: skip
    expected = sun_thu if calendar.workdays == SUN_THU else mon_fri
    rec = Recurrence("monthly", rule)
    for month, day in expected.items():
        period = period_containing(date(2026, month, 1), rec, calendar)
        assert period is not None
        assert due_date(period, rec, calendar) == date(2026, month, day), month
