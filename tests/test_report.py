"""Reports on hand-built histories whose every figure is known in advance."""

from __future__ import annotations

from datetime import date

import pytest

from csm_checklist.dates.schedule import Period, Recurrence, WorkCalendar
from csm_checklist.rules.report import build_report, report_window

from fakes import FakeEvent, FakeItem, FakeLog, history_of, revision, rule_of

MON_FRI = WorkCalendar()
DAILY = FakeItem("monitor", Recurrence("daily"))
WEEKLY = FakeItem("review", Recurrence("weekly"))
MONTHLY = FakeItem("month-report", Recurrence("monthly"))
# Tracked since October, so every November period counts.
OCTOBER = date(2026, 10, 1)


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


def weekly(start: date, for_date: date, kind: str = "done") -> FakeEvent:
    return FakeEvent(
        "review", start, for_date, kind=kind, period_end=start.replace(day=start.day + 6)
    )


def daily(day: date, kind: str = "done", note: str = "") -> FakeEvent:
    return FakeEvent("monitor", day, day, kind=kind, note=note, period_end=day, cadence="daily")


NOVEMBER_HISTORY = [
    # review: on time on its due Friday, late on Saturday, skipped, then nothing.
    weekly(d(2), d(6)),
    weekly(d(9), d(14)),
    weekly(d(16), d(18), kind="skip"),
    # the monthly report, exactly on its due date (last workday: Mon 30).
    FakeEvent("month-report", d(1), d(30), period_end=d(30), cadence="monthly"),
    # monitor: 2, 3, 4 done, 5 skipped, 6 and 9 done, nothing 10-26, 27 and 30 done.
    *(daily(d(n)) for n in (2, 3, 4, 6, 9, 27)),
    daily(d(5), kind="skip"),
    daily(d(30), note="2 escalations"),
]


@pytest.fixture
def november():  # type: ignore[no-untyped-def]
    log = FakeLog(list(NOVEMBER_HISTORY))
    history = history_of([DAILY, WEEKLY, MONTHLY], MON_FRI, start=OCTOBER)
    return build_report(history, log, "monthly", d(1, 12), d(1, 12), previous=True)


def figures(tally):  # type: ignore[no-untyped-def]
    return (
        tally.expected,
        tally.done,
        tally.on_time,
        tally.late,
        tally.skipped,
        tally.missed,
        tally.due,
        tally.open,
    )


def test_window_is_the_previous_complete_month(november) -> None:  # type: ignore[no-untyped-def]
    assert november.window == Period(d(1), d(30))
    # A window that has ended is judged as of its last day.
    assert november.as_of == d(30)


def test_weeks_belong_to_the_month_of_their_due_date(november) -> None:  # type: ignore[no-untyped-def]
    # Fridays in November: 6 (on time), 13 (done Saturday 14: late), 20 (skipped),
    # 27 (missed). The weeks due Fri Oct 30 and Fri Dec 4 belong to those months.
    assert figures(november.items["review"]) == (4, 2, 1, 1, 1, 1, 0, 0)
    assert [(o.period.start, o.outcome) for o in november.outcomes if o.item_id == "review"] == [
        (d(2), "on_time"),
        (d(9), "late"),
        (d(16), "skipped"),
        (d(23), "missed"),
    ]
    tally = november.items["review"]
    assert tally.completion == pytest.approx(2 / 3)
    assert tally.on_time_rate == pytest.approx(1 / 2)


def test_daily_figures_count_workdays_only(november) -> None:  # type: ignore[no-untyped-def]
    # 21 workdays in November 2026: 7 done, 1 skipped, 13 missed.
    assert figures(november.items["monitor"]) == (21, 7, 7, 0, 1, 13, 0, 0)


def test_done_exactly_on_the_due_date_is_on_time(november) -> None:  # type: ignore[no-untyped-def]
    assert figures(november.items["month-report"]) == (1, 1, 1, 0, 0, 0, 0, 0)


def test_totals_and_cadences_add_up(november) -> None:  # type: ignore[no-untyped-def]
    assert figures(november.total) == (26, 10, 9, 1, 2, 14, 0, 0)
    assert list(november.cadences) == ["daily", "weekly", "monthly"]
    assert figures(november.areas["team"]) == figures(november.total)
    assert november.total.completion == pytest.approx(10 / 24)


def test_streaks_skip_weekends_and_skips_do_not_break_them(november) -> None:  # type: ignore[no-untyped-def]
    (streak,) = november.streaks
    # 2,3,4, (5 skipped), 6, 9 -> 5 in a row; 10 missed breaks it; 27, 30 -> 2.
    assert (streak.current, streak.longest) == (2, 5)
    assert len(streak.days) == 21
    assert streak.days[3] == (d(5), "skipped")


def test_missed_list_and_notes(november) -> None:  # type: ignore[no-untyped-def]
    missed = [(o.item_id, o.period.start) for o in november.missed]
    assert ("review", d(23)) in missed
    assert len(missed) == 14
    assert [(e.item_id, e.note) for e in november.notes] == [("monitor", "2 escalations")]


def test_a_streak_survives_a_weekend_but_not_a_missed_workday() -> None:
    # Fri 6, Mon 9, Tue 10 done: a run of 3 over the weekend.
    history = history_of([DAILY], MON_FRI, start=OCTOBER)
    log = FakeLog([daily(d(n)) for n in (6, 9, 10)])
    report = build_report(history, log, "monthly", d(10), d(10))
    (streak,) = report.streaks
    assert (streak.current, streak.longest) == (3, 3)  # 2-5 were missed
    assert [day for day, _ in streak.days] == [d(n) for n in (2, 3, 4, 5, 6, 9, 10)]
    log = FakeLog([daily(d(n)) for n in (2, 3, 5, 6)])
    (streak,) = build_report(history, log, "weekly", d(7), d(7)).streaks
    assert (streak.current, streak.longest) == (2, 2)  # Wed 4 missed


def test_today_not_done_yet_does_not_break_the_current_streak() -> None:
    history = history_of([DAILY], MON_FRI, start=OCTOBER)
    log = FakeLog([daily(d(23)), daily(d(24))])
    report = build_report(history, log, "weekly", d(25), d(25))
    (streak,) = report.streaks
    assert streak.current == 2
    assert streak.days[-1] == (d(25), "due")
    # Due today and not done: expected, neither missed nor open.
    assert figures(report.total) == (3, 2, 2, 0, 0, 0, 1, 0)


def test_items_csm_has_no_rules_for_report_under_their_logged_title() -> None:
    gone = FakeEvent("old-duty", d(2), d(3), period_end=d(8), title="Old duty", cadence="weekly")
    report = build_report(history_of([], start=OCTOBER), FakeLog([gone]), "monthly", d(30), d(30))
    assert report.titles["old-duty"] == "Old duty"
    assert figures(report.items["old-duty"]) == (1, 1, 1, 0, 0, 0, 0, 0)


def test_titles_come_from_the_rules_in_force_for_each_period() -> None:
    renamed = rule_of(WEEKLY)._replace(title=rule_of(WEEKLY).title._replace(en="Team review"))
    history = history_of([WEEKLY], start=OCTOBER, later=[revision(d(20), [renamed])])
    log = FakeLog([FakeEvent("review", d(2), d(6), period_end=d(8), title="logged title")])
    early = build_report(history, log, "weekly", d(6), d(30))
    late = build_report(history, log, "weekly", d(25), d(30))
    assert early.titles["review"] == "review"
    assert late.titles["review"] == "Team review"


def test_nothing_before_the_tracking_start_counts() -> None:
    history = history_of([DAILY, WEEKLY], MON_FRI, start=d(30))
    report = build_report(history, FakeLog(), "monthly", d(30), d(30))
    assert [(o.item_id, o.period.start, o.outcome) for o in report.outcomes] == [
        ("monitor", d(30), "due")
    ]


@pytest.mark.parametrize(
    ("fiscal_start", "day", "cadence", "window"),
    [
        (4, d(15), "quarterly", Period(d(1, 10), d(31, 12))),
        (7, d(15), "quarterly", Period(d(1, 10), d(31, 12))),
        (7, d(15), "annual", Period(date(2026, 7, 1), date(2027, 6, 30))),
        (4, date(2027, 2, 1), "annual", Period(date(2026, 4, 1), date(2027, 3, 31))),
        (1, d(15), "annual", Period(date(2026, 1, 1), date(2026, 12, 31))),
    ],
)
def test_fiscal_windows(fiscal_start: int, day: date, cadence: str, window: Period) -> None:
    history = history_of([], WorkCalendar(fiscal_year_start=fiscal_start))
    assert report_window(history, cadence, day) == window


def test_a_fiscal_quarter_counts_monthly_items_per_month() -> None:
    history = history_of([MONTHLY], WorkCalendar(fiscal_year_start=4), start=OCTOBER)
    log = FakeLog([FakeEvent("month-report", d(1, 10), d(30, 10), period_end=d(31, 10))])
    january = date(2027, 1, 1)
    report = build_report(history, log, "quarterly", january, january, previous=True)
    assert report.window == Period(d(1, 10), d(31, 12))
    assert [(o.period.start.month, o.outcome) for o in report.outcomes] == [
        (10, "on_time"),
        (11, "missed"),
        (12, "missed"),
    ]


def test_missed_runs_merge_consecutive_misses_across_weekends(november) -> None:  # type: ignore[no-untyped-def]
    runs = [(r.item_id, r.start, r.end, r.count) for r in november.missed_runs()]
    assert runs == [
        ("monitor", d(10), d(26), 13),  # Tue 10 .. Thu 26: weekends do not break the run
        ("review", d(23), d(29), 1),
    ]
