"""rrule items (DESIGN §2 "Cadence" and "Period"), worked out by hand.

Each occurrence is a due date; its period runs from the day after the previous
occurrence through that occurrence; the first period starts at the item's
`start` (default 2024-01-01, a Monday).

Occurrences used below:
    FREQ=WEEKLY;INTERVAL=2 from Mon 2026-11-02:
        2026-11-02, 11-16, 11-30, 12-14, 12-28, 2027-01-11
    FREQ=WEEKLY;BYDAY=MO,TH from Mon 2026-11-02:
        Mon 2, Thu 5, Mon 9, Thu 12, Mon 16, Thu 19, Mon 23, Thu 26, Mon 30 (November 2026)
    FREQ=WEEKLY;INTERVAL=2 from the default 2024-01-01:
        2026-11-16 is 1050 = 75 * 14 days later, so 2026-11-16 and 2026-11-30 are occurrences
"""

from __future__ import annotations

from datetime import date

import pytest

from csm_checklist.dates.schedule import (
    Period,
    Recurrence,
    WorkCalendar,
    due_date,
    is_expected,
    parse_rrule,
    period_containing,
    periods_overlapping,
)

from fakes import next_period, previous_period

DEFAULTS = WorkCalendar()
SUN_THU = WorkCalendar(week_start=6, workdays=frozenset({6, 0, 1, 2, 3}))


def d(text: str) -> date:
    return date.fromisoformat(text)


def P(start: str, end: str) -> Period:
    return Period(d(start), d(end))


def rr(rule: str, start: str | None = None) -> Recurrence:
    return Recurrence("rrule", rrule=rule, start=d(start) if start else None)


EVERY_SECOND_WEEK = rr("FREQ=WEEKLY;INTERVAL=2", "2026-11-02")
TWICE_A_WEEK = rr("FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-02")

RRULE_CASES = [
    # every second week, explicit start on a Monday
    pytest.param(EVERY_SECOND_WEEK, "2026-11-02", P("2026-11-02", "2026-11-02"),
                 id="biweekly-start-day-is-first-occurrence"),
    pytest.param(EVERY_SECOND_WEEK, "2026-11-03", P("2026-11-03", "2026-11-16"),
                 id="biweekly-day-after-occurrence"),
    pytest.param(EVERY_SECOND_WEEK, "2026-11-09", P("2026-11-03", "2026-11-16"),
                 id="biweekly-off-week"),
    pytest.param(EVERY_SECOND_WEEK, "2026-11-16", P("2026-11-03", "2026-11-16"),
                 id="biweekly-on-occurrence"),
    pytest.param(EVERY_SECOND_WEEK, "2026-11-17", P("2026-11-17", "2026-11-30"),
                 id="biweekly-next-period"),
    pytest.param(EVERY_SECOND_WEEK, "2026-12-31", P("2026-12-29", "2027-01-11"),
                 id="biweekly-across-new-year"),
    # twice a week, Monday and Thursday
    pytest.param(TWICE_A_WEEK, "2026-11-02", P("2026-11-02", "2026-11-02"),
                 id="mo-th-start-monday"),
    pytest.param(TWICE_A_WEEK, "2026-11-03", P("2026-11-03", "2026-11-05"),
                 id="mo-th-tue-to-thu"),
    pytest.param(TWICE_A_WEEK, "2026-11-05", P("2026-11-03", "2026-11-05"),
                 id="mo-th-on-thursday"),
    pytest.param(TWICE_A_WEEK, "2026-11-06", P("2026-11-06", "2026-11-09"),
                 id="mo-th-fri-to-mon"),
    pytest.param(TWICE_A_WEEK, "2026-11-08", P("2026-11-06", "2026-11-09"),
                 id="mo-th-sunday"),
    pytest.param(TWICE_A_WEEK, "2026-11-26", P("2026-11-24", "2026-11-26"),
                 id="mo-th-tue-to-thu-late-november"),
    pytest.param(TWICE_A_WEEK, "2026-11-27", P("2026-11-27", "2026-11-30"),
                 id="mo-th-into-monday-30"),
    # a start that is not an occurrence: the first period still starts there
    pytest.param(rr("FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-04"), "2026-11-04",
                 P("2026-11-04", "2026-11-05"), id="mo-th-start-wednesday"),
    # default start 2024-01-01
    pytest.param(rr("FREQ=WEEKLY;INTERVAL=2"), "2026-11-23", P("2026-11-17", "2026-11-30"),
                 id="biweekly-default-start"),
    pytest.param(rr("FREQ=WEEKLY;INTERVAL=2"), "2024-01-01", P("2024-01-01", "2024-01-01"),
                 id="biweekly-default-start-first-day"),
    pytest.param(rr("FREQ=WEEKLY;INTERVAL=2"), "2024-01-10", P("2024-01-02", "2024-01-15"),
                 id="biweekly-default-start-second-period"),
    # monthly and yearly rules
    pytest.param(rr("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-01"), "2027-02-14",
                 P("2027-02-01", "2027-02-28"), id="monthly-last-day-feb-2027"),
    pytest.param(rr("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-01"), "2028-03-01",
                 P("2028-03-01", "2028-03-31"), id="monthly-last-day-after-leap-feb"),
    pytest.param(rr("FREQ=MONTHLY;BYMONTHDAY=15", "2026-01-01"), "2026-11-20",
                 P("2026-11-16", "2026-12-15"), id="monthly-15th"),
    pytest.param(rr("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2024-01-01"), "2026-11-20",
                 P("2024-03-01", "2028-02-29"), id="yearly-feb-29-only-leap-years"),
]  # fmt: skip


@pytest.mark.parametrize(("rec", "on", "period"), RRULE_CASES)
def test_rrule_period_and_due_date(rec: Recurrence, on: str, period: Period) -> None:
    assert period_containing(d(on), rec, DEFAULTS) == period
    # Each occurrence is a due date: the period's last day.
    assert due_date(period, rec, DEFAULTS) == period.end
    assert is_expected(period, rec, DEFAULTS) is True


def test_rrule_periods_do_not_depend_on_the_work_calendar() -> None:
    for on in ("2026-11-03", "2026-11-27", "2026-12-31"):
        assert period_containing(d(on), TWICE_A_WEEK, SUN_THU) == period_containing(
            d(on), TWICE_A_WEEK, DEFAULTS
        )
    assert period_containing(d("2026-11-27"), TWICE_A_WEEK, SUN_THU) == P(
        "2026-11-27", "2026-11-30"
    )


@pytest.mark.parametrize(
    ("rec", "on"),
    [
        pytest.param(EVERY_SECOND_WEEK, "2026-11-01", id="explicit-start"),
        pytest.param(rr("FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-04"), "2026-11-03", id="start-wed"),
        pytest.param(rr("FREQ=WEEKLY;INTERVAL=2"), "2023-12-31", id="default-start"),
    ],
)
def test_no_period_before_the_recurrence_starts(rec: Recurrence, on: str) -> None:
    assert period_containing(d(on), rec, DEFAULTS) is None


def test_biweekly_neighbours() -> None:
    rec = EVERY_SECOND_WEEK
    second = P("2026-11-03", "2026-11-16")
    assert next_period(second, rec, DEFAULTS) == P("2026-11-17", "2026-11-30")
    assert previous_period(second, rec, DEFAULTS) == P("2026-11-02", "2026-11-02")
    assert previous_period(P("2026-11-02", "2026-11-02"), rec, DEFAULTS) is None


def test_twice_a_week_neighbours() -> None:
    rec = TWICE_A_WEEK
    assert next_period(P("2026-11-03", "2026-11-05"), rec, DEFAULTS) == P(
        "2026-11-06", "2026-11-09"
    )
    assert previous_period(P("2026-11-06", "2026-11-09"), rec, DEFAULTS) == P(
        "2026-11-03", "2026-11-05"
    )


def test_biweekly_periods_overlapping_a_range() -> None:
    got = list(periods_overlapping(d("2026-10-01"), d("2026-11-20"), EVERY_SECOND_WEEK, DEFAULTS))
    assert got == [
        P("2026-11-02", "2026-11-02"),
        P("2026-11-03", "2026-11-16"),
        P("2026-11-17", "2026-11-30"),
    ]


def test_twice_a_week_periods_overlapping_a_week() -> None:
    got = list(periods_overlapping(d("2026-11-23"), d("2026-11-29"), TWICE_A_WEEK, DEFAULTS))
    assert got == [
        P("2026-11-20", "2026-11-23"),
        P("2026-11-24", "2026-11-26"),
        P("2026-11-27", "2026-11-30"),
    ]


def test_rule_with_a_count_runs_out() -> None:
    rec = rr("FREQ=WEEKLY;COUNT=3", "2026-11-02")  # 11-02, 11-09, 11-16
    last = P("2026-11-10", "2026-11-16")
    assert period_containing(d("2026-11-12"), rec, DEFAULTS) == last
    assert period_containing(d("2026-11-17"), rec, DEFAULTS) is None
    assert next_period(last, rec, DEFAULTS) is None
    got = list(periods_overlapping(d("2026-11-01"), d("2026-12-31"), rec, DEFAULTS))
    assert got == [P("2026-11-02", "2026-11-02"), P("2026-11-03", "2026-11-09"), last]


def test_rule_with_until_runs_out() -> None:
    rec = rr("FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261110", "2026-11-02")  # 11-02, 11-05, 11-09
    assert period_containing(d("2026-11-09"), rec, DEFAULTS) == P("2026-11-06", "2026-11-09")
    assert period_containing(d("2026-11-10"), rec, DEFAULTS) is None


# -- parsing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("FREQ=WEEKLY;INTERVAL=2", id="every-second-week"),
        pytest.param("FREQ=WEEKLY;BYDAY=MO,TH", id="twice-a-week"),
        pytest.param("RRULE:FREQ=WEEKLY;BYDAY=MO,TH", id="with-rrule-prefix"),
        pytest.param("  FREQ=MONTHLY;BYMONTHDAY=-1  ", id="surrounding-spaces"),
    ],
)
def test_parse_rrule_accepts_rules(text: str) -> None:
    rule = parse_rrule(text, d("2026-11-02"))
    first = [x.date() for x in rule[:1]]
    assert first and first[0] >= d("2026-11-02")


def test_parse_rrule_anchors_on_start() -> None:
    rule = parse_rrule("FREQ=WEEKLY;INTERVAL=2", d("2026-11-02"))
    assert [x.date() for x in rule[:3]] == [d("2026-11-02"), d("2026-11-16"), d("2026-11-30")]
    default = parse_rrule("FREQ=WEEKLY;INTERVAL=2")
    assert [x.date() for x in default[:2]] == [d("2024-01-01"), d("2024-01-15")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("FREQ=FORTNIGHTLY", id="unknown-freq"),
        pytest.param("FREQ=WEEKLY;BYDAY=XX", id="unknown-day"),
        pytest.param("every monday", id="prose"),
        pytest.param("FREQ=WEEKLY;INTERVAL=two", id="bad-interval"),
        pytest.param("DTSTART:20260101T000000\nRRULE:FREQ=WEEKLY", id="dtstart-in-rule"),
    ],
)
def test_parse_rrule_rejects_bad_rules(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rrule(text, d("2026-11-02"))
