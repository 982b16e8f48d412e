"""The rules in force on any date: hand-built histories whose every period and
figure is worked out by hand, and the invariant that ended periods never move."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from csm_checklist.cli.views.report import report_json
from csm_checklist.dates.schedule import OnDayOfMonth, OnMonthDay, OnWeekday, Period, Recurrence
from csm_checklist.dates.schedule import WorkCalendar as Cal
from csm_checklist.rules.history import History
from csm_checklist.rules.report import build_report

from fakes import FakeEvent, FakeItem, FakeLog, history_of, revision, rule_of

MON = Cal()
SUN_THU = Cal(week_start=6, workdays=frozenset({6, 0, 1, 2, 3}))
WEEKLY = FakeItem("review", Recurrence("weekly"))  # due Friday, the last workday
DAILY = FakeItem("monitor", Recurrence("daily"))
OCTOBER = date(2026, 10, 1)


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


def periods(history: History, item_id: str, first: date, last: date) -> list[Period]:
    return list(history.timeline(item_id).periods_overlapping(first, last))


def report_doc(history: History, log: FakeLog, cadence: str, day: date, today: date) -> object:
    return report_json(build_report(history, log, cadence, day, today), {}, "en")


# Adding, disabling and changing items ---------------------------------------------


@pytest.mark.parametrize(
    ("added", "due", "expected_that_week"),
    [
        (d(11, 25), OnWeekday(3), True),  # added Wed, due Thu 26: this week counts
        (d(11, 25), OnWeekday(0), False),  # added Wed, due Mon 23: from next week
        (d(11, 26), OnWeekday(3), True),  # added on its due day: it counts
        (d(11, 23), None, True),  # added Mon, due Fri
    ],
)
def test_an_item_added_mid_week(
    added: date, due: OnWeekday | None, expected_that_week: bool
) -> None:
    new = FakeItem("escalations", Recurrence("weekly", due))
    history = history_of([DAILY], start=OCTOBER, later=[revision(added, [DAILY, new])])
    tl = history.timeline("escalations")
    week = Period(d(11, 23), d(11, 29))
    assert tl.period_containing(added) == week
    assert tl.expected(week, d(11, 30)) is expected_that_week
    assert tl.expected(Period(d(11, 30), d(12, 6)), d(12, 7)) is True
    assert tl.expected(Period(d(11, 16), d(11, 22)), d(12, 7)) is False  # before it existed


def test_adding_an_item_leaves_the_earlier_reports_as_they_were() -> None:
    log = FakeLog([FakeEvent("review", d(11, 2), d(11, 6), period_end=d(11, 8))])
    before = history_of([WEEKLY, DAILY], start=OCTOBER)
    new = FakeItem("escalations", Recurrence("weekly"))
    after = history_of(
        [WEEKLY, DAILY], start=OCTOBER, later=[revision(d(11, 22), [WEEKLY, DAILY, new])]
    )
    for cadence, day in (("monthly", d(10, 15)), ("weekly", d(11, 10)), ("weekly", d(11, 18))):
        assert report_doc(before, log, cadence, day, d(11, 25)) == report_doc(
            after, log, cadence, day, d(11, 25)
        ), (cadence, day)
    # November's report, as of the 25th, has the new duty from its first week.
    doc = report_json(build_report(after, log, "monthly", d(11, 25), d(11, 25)), {}, "en")
    assert [i["id"] for i in doc["items"]] == ["monitor", "review", "escalations"]


def test_an_item_disabled_mid_month_is_not_expected_that_week_nor_after() -> None:
    off = rule_of(WEEKLY, enabled=False)
    history = history_of([WEEKLY], start=OCTOBER, later=[revision(d(11, 18), [off])])
    report = build_report(history, FakeLog(), "monthly", d(11, 30), d(12, 1))
    # Fridays of November: 6 and 13 were expected (and missed); the week of the
    # 16th, when it was switched off on Wednesday 18, and later ones were not.
    assert [(o.period.start, o.outcome) for o in report.outcomes] == [
        (d(11, 2), "missed"),
        (d(11, 9), "missed"),
    ]


def test_an_item_switched_on_again_is_tracked_from_that_day() -> None:
    off, on = rule_of(WEEKLY, enabled=False), rule_of(WEEKLY)
    history = history_of(
        [WEEKLY], start=OCTOBER, later=[revision(d(11, 4), [off]), revision(d(11, 21), [on])]
    )
    tl = history.timeline("review")
    assert tl.tracked_from(d(11, 25)) == d(11, 21)
    report = build_report(history, FakeLog(), "monthly", d(11, 30), d(12, 1))
    # Off from Wed 4 (that week not expected); on again Sat 21: the week of the
    # 16th (due Fri 20) is not expected, the week of the 23rd is.
    assert [(o.period.start, o.outcome) for o in report.outcomes] == [(d(11, 23), "missed")]


def test_a_due_rule_changed_mid_quarter() -> None:
    quarterly = FakeItem("policy", Recurrence("quarterly", OnMonthDay(3, 15)))
    moved = FakeItem("policy", Recurrence("quarterly", OnMonthDay(2, 1)))
    history = history_of([quarterly], start=d(7, 1), later=[revision(d(11, 10), [moved])])
    tl = history.timeline("policy")
    # The quarter that ended before the change keeps its due date.
    assert tl.due(Period(d(7, 1), d(9, 30)), d(12, 1)) == d(9, 15)
    # The quarter in progress follows the new rule: 1 November, a Sunday, so
    # the workday before it.
    assert tl.due(Period(d(10, 1), d(12, 31)), d(11, 10)) == d(10, 30)
    # As of before the change, the same quarter was due on 15 December.
    assert tl.due(Period(d(10, 1), d(12, 31)), d(11, 9)) == d(12, 15)


def test_a_monthly_due_day_changed_keeps_last_month() -> None:
    monthly = FakeItem("report", Recurrence("monthly", OnDayOfMonth(5)))
    later = FakeItem("report", Recurrence("monthly", OnDayOfMonth(20)))
    history = history_of([monthly], start=OCTOBER, later=[revision(d(11, 10), [later])])
    tl = history.timeline("report")
    assert tl.due(Period(d(10, 1), d(10, 31)), d(12, 1)) == d(10, 5)
    assert tl.due(Period(d(11, 1), d(11, 30)), d(12, 1)) == d(11, 20)


# Changing period bounds ----------------------------------------------------------


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        # A Wednesday: the week of Monday 23 ends on Saturday 28, the day
        # before the first Sunday of the new rules.
        (
            d(11, 25),
            [(d(11, 16), d(11, 22)), (d(11, 23), d(11, 28)), (d(11, 29), d(12, 5))],
        ),
        # On a Sunday: the week of Monday 16 ends the day before (Saturday 21).
        (
            d(11, 22),
            [(d(11, 16), d(11, 21)), (d(11, 22), d(11, 28)), (d(11, 29), d(12, 5))],
        ),
    ],
)
def test_week_start_changed_mid_week(changed: date, expected: list[tuple[date, date]]) -> None:
    history = history_of([WEEKLY], MON, start=OCTOBER, later=[revision(changed, [WEEKLY], SUN_THU)])
    assert periods(history, "review", d(11, 16), d(12, 5)) == [Period(*p) for p in expected]
    # Weeks that ended before the change are untouched.
    assert periods(history, "review", d(11, 2), d(11, 15)) == [
        Period(d(11, 2), d(11, 8)),
        Period(d(11, 9), d(11, 15)),
    ]


def test_the_transition_week_is_due_under_the_new_rules() -> None:
    history = history_of(
        [WEEKLY], MON, start=OCTOBER, later=[revision(d(11, 25), [WEEKLY], SUN_THU)]
    )
    tl = history.timeline("review")
    # Mon 23 - Sat 28 under Sun-Thu workdays: its last workday is Thursday 26.
    assert tl.due(Period(d(11, 23), d(11, 28)), d(11, 25)) == d(11, 26)
    # The week before keeps its Friday.
    assert tl.due(Period(d(11, 16), d(11, 22)), d(11, 25)) == d(11, 20)


@pytest.mark.parametrize(
    ("before", "after", "cadence", "expected"),
    [
        # Fiscal year from January to July, changed 25 November 2026: the year
        # in progress runs on to 30 June 2027; quarters keep their bounds.
        (1, 7, "annual", [(d(1, 1), d(6, 30, 2027)), (d(7, 1, 2027), d(6, 30, 2028))]),
        (1, 7, "quarterly", [(d(10, 1), d(12, 31)), (d(1, 1, 2027), d(3, 31, 2027))]),
        # From January to April: the year runs to 31 March 2027.
        (1, 4, "annual", [(d(1, 1), d(3, 31, 2027)), (d(4, 1, 2027), d(3, 31, 2028))]),
        # From January to February: the quarter in progress runs to 31 January.
        (1, 2, "quarterly", [(d(10, 1), d(1, 31, 2027)), (d(2, 1, 2027), d(4, 30, 2027))]),
    ],
)
def test_fiscal_year_start_changed_mid_year(
    before: int, after: int, cadence: str, expected: list[tuple[date, date]]
) -> None:
    item = FakeItem("duty", Recurrence(cadence))  # type: ignore[arg-type]
    history = history_of(
        [item],
        Cal(fiscal_year_start=before),
        start=d(1, 1),
        later=[revision(d(11, 25), [item], Cal(fiscal_year_start=after))],
    )
    found = periods(history, "duty", d(11, 25), expected[-1][0])
    assert found == [Period(*p) for p in expected]


def test_a_cadence_changed_from_weekly_to_monthly() -> None:
    monthly = FakeItem("review", Recurrence("monthly"))
    history = history_of([WEEKLY], start=OCTOBER, later=[revision(d(11, 11), [monthly])])
    # The week in progress (Mon 9 - Sun 15) is cut where the first month of
    # the new rules begins: 1 December.
    assert periods(history, "review", d(11, 2), d(12, 31)) == [
        Period(d(11, 2), d(11, 8)),
        Period(d(11, 9), d(11, 30)),
        Period(d(12, 1), d(12, 31)),
    ]


def test_two_changes_within_one_period_chain() -> None:
    sat = Cal(week_start=5)
    history = history_of(
        [WEEKLY],
        MON,
        start=OCTOBER,
        later=[revision(d(11, 25), [WEEKLY], SUN_THU), revision(d(11, 26), [WEEKLY], sat)],
    )
    assert periods(history, "review", d(11, 23), d(12, 5)) == [
        Period(d(11, 23), d(11, 27)),
        Period(d(11, 28), d(12, 4)),
        Period(d(12, 5), d(12, 11)),
    ]


# The tracking start -----------------------------------------------------------------


def test_the_first_expected_period_contains_the_start_only_if_not_yet_due() -> None:
    # Tracking starts on Wednesday 25: the week's Friday is still ahead.
    history = history_of([WEEKLY, DAILY], start=d(11, 25))
    report = build_report(history, FakeLog(), "monthly", d(11, 30), d(12, 1))
    assert [(o.item_id, o.period.start) for o in report.outcomes] == [
        ("monitor", d(11, 25)),
        ("monitor", d(11, 26)),
        ("monitor", d(11, 27)),
        ("monitor", d(11, 30)),
        ("review", d(11, 23)),
    ]
    # Starting on Saturday 28, that week is not expected.
    later = history.with_start(d(11, 28))
    outcomes = build_report(later, FakeLog(), "monthly", d(11, 30), d(12, 1)).outcomes
    assert [(o.item_id, o.period.start) for o in outcomes] == [("monitor", d(11, 30))]


def test_since_moves_an_items_start_later_never_earlier() -> None:
    late = rule_of(WEEKLY, since=d(11, 12))
    early = rule_of(DAILY, since=d(1, 1))
    history = history_of([late, early], start=d(11, 2))
    assert history.timeline("review").tracked_from(d(11, 20)) == d(11, 12)
    assert history.timeline("monitor").tracked_from(d(11, 20)) == d(11, 2)


def test_a_daily_duty_logged_on_a_day_off_is_extra() -> None:
    history = history_of([DAILY], start=OCTOBER)
    saturday = FakeEvent("monitor", d(11, 7), d(11, 7), period_end=d(11, 7), cadence="daily")
    report = build_report(history, FakeLog([saturday]), "weekly", d(11, 7), d(11, 10))
    (extra,) = [o for o in report.outcomes if o.period.start == d(11, 7)]
    assert extra.outcome == "extra"
    assert report.total.extra == 1
    assert report.total.expected == 5  # Monday to Friday, all missed
    (streak,) = report.streaks
    assert [day for day, _ in streak.days] == [d(11, n) for n in (2, 3, 4, 5, 6)]


def test_as_of_counts_only_entries_for_days_up_to_it() -> None:
    history = history_of([WEEKLY], start=OCTOBER)
    late = FakeEvent("review", d(11, 23), d(11, 30), period_end=d(11, 29))  # bad data, still
    log = FakeLog([late])
    in_month = build_report(history, log, "monthly", d(11, 25), d(11, 25))
    (week,) = [o for o in in_month.outcomes if o.period.start == d(11, 23)]
    assert (week.outcome, week.event) == ("open", None)
    after = build_report(history, log, "monthly", d(11, 30), d(12, 1))
    (week,) = [o for o in after.outcomes if o.period.start == d(11, 23)]
    assert week.outcome == "late"


def test_until_leaves_out_later_revisions() -> None:
    sunday_weeks = revision(d(11, 25), [WEEKLY], SUN_THU)
    history = history_of([WEEKLY], MON, start=OCTOBER, later=[sunday_weeks])
    before = history.until(d(11, 24))
    assert before.timeline("review").period_containing(d(11, 24)) == Period(d(11, 23), d(11, 29))
    assert history.timeline("review").period_containing(d(11, 24)) == Period(d(11, 23), d(11, 28))
    assert before.until(d(1, 1, 2020)).revisions == before.revisions[:1]


def test_days_before_the_first_revision_follow_it() -> None:
    history = history_of([WEEKLY], SUN_THU, start=d(11, 25))
    moved = history.with_start(d(1, 1))
    assert moved.calendar_on(d(2, 1)) == SUN_THU
    assert moved.timeline("review").tracked_from(d(2, 1)) == d(1, 1)
    assert moved.timeline("review").period_containing(d(2, 4)) == Period(d(2, 1), d(2, 7))


def test_the_day_after_a_long_run_of_days() -> None:
    # Enumerating a year of daily periods after a change keeps every day.
    history = history_of([DAILY], MON, start=d(1, 1), later=[revision(d(6, 1), [DAILY], SUN_THU)])
    days = periods(history, "monitor", d(1, 1), d(12, 31))
    assert len(days) == 365
    assert all(b.start - a.end == timedelta(days=1) for a, b in itertools.pairwise(days))
