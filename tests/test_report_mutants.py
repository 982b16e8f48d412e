"""Reports, rule by rule: how one period is judged, how figures add up, which
events count, how missed periods are grouped and how streaks run. Every
expected figure is worked out by hand on November 2026 (the 1st a Sunday)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from csm_checklist.dates.schedule import Period, Recurrence
from csm_checklist.rules.report import Tally, build_report, judge, report_window

from fakes import FakeEvent, FakeItem, FakeLog, history_of, revision, rule_of

DAILY = FakeItem("monitor", Recurrence("daily"))
WEEKLY = FakeItem("review", Recurrence("weekly"))  # due Friday
MONTHLY = FakeItem("month-report", Recurrence("monthly"))  # due on the last workday
OCTOBER = date(2026, 10, 1)


def d(day: int, month: int = 11, year: int = 2026) -> date:
    return date(year, month, day)


def daily(day: date, kind: str = "done", *, by: str = "mona", note: str = "") -> FakeEvent:
    return FakeEvent(
        "monitor", day, day, kind=kind, by=by, note=note, period_end=day, cadence="daily"
    )


def weekly(start: date, for_date: date, kind: str = "done", *, by: str = "mona") -> FakeEvent:
    return FakeEvent("review", start, for_date, kind=kind, by=by, period_end=start + (d(8) - d(2)))


def rows(report) -> list[tuple[str, date, str]]:  # type: ignore[no-untyped-def]
    return [(o.item_id, o.period.start, o.outcome) for o in report.outcomes]


# One period -------------------------------------------------------------------------

WEEK = Period(d(16), d(22))  # due Friday 20


@pytest.mark.parametrize(
    ("event", "expected", "as_of", "final", "outcome"),
    [
        # Something logged.
        (weekly(d(16), d(20)), True, d(22), True, "on_time"),  # on the due date
        (weekly(d(16), d(19)), True, d(22), True, "on_time"),
        (weekly(d(16), d(21)), True, d(22), True, "late"),  # the day after
        (weekly(d(16), d(21), "skip"), True, d(22), True, "skipped"),
        (weekly(d(16), d(21)), False, d(22), True, "extra"),
        (weekly(d(16), d(21), "skip"), False, d(22), True, "extra"),
        # Nothing logged.
        (None, False, d(30), True, ""),
        (None, True, d(23), False, "missed"),  # ended before the as-of day
        (None, True, d(22), True, "missed"),  # its last day, and that day is over
        (None, True, d(22), False, "due"),  # its last day, still running
        (None, True, d(20), False, "due"),  # due today
        (None, True, d(20), True, "due"),  # final, but not ended
        (None, True, d(19), False, "open"),  # not due yet
    ],
)
def test_one_period_is_judged(
    event: FakeEvent | None, expected: bool, as_of: date, final: bool, outcome: str
) -> None:
    assert judge(WEEK, d(20), as_of, event, expected, final) == outcome  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("outcomes", "figures", "completion", "on_time_rate"),
    [
        ([], (0, 0, 0, 0, 0, 0, 0, 0, 0), None, None),
        (["on_time"], (1, 1, 1, 0, 0, 0, 0, 0, 0), 1.0, 1.0),
        (["late"], (1, 1, 0, 1, 0, 0, 0, 0, 0), 1.0, 0.0),
        (["skipped"], (1, 0, 0, 0, 1, 0, 0, 0, 0), None, None),
        (["missed"], (1, 0, 0, 0, 0, 1, 0, 0, 0), 0.0, None),
        (["due"], (1, 0, 0, 0, 0, 0, 1, 0, 0), 0.0, None),
        (["open"], (0, 0, 0, 0, 0, 0, 0, 1, 0), None, None),
        (["extra"], (0, 0, 0, 0, 0, 0, 0, 0, 1), None, None),
        # 3 done of 5 expected, one skipped: 3/4 complete; 2 of 3 on time.
        (
            ["on_time", "on_time", "late", "skipped", "missed", "open", "extra"],
            (5, 3, 2, 1, 1, 1, 0, 1, 1),
            0.75,
            2 / 3,
        ),
    ],
)
def test_figures_add_up(
    outcomes: list[str],
    figures: tuple[int, ...],
    completion: float | None,
    on_time_rate: float | None,
) -> None:
    tally = Tally()
    for outcome in outcomes:
        tally.add(outcome)
    t = tally
    assert (t.expected, t.done, t.on_time, t.late, t.skipped, t.missed, t.due, t.open, t.extra) == (
        figures
    )
    assert tally.completion == (pytest.approx(completion) if completion is not None else None)
    assert tally.on_time_rate == (pytest.approx(on_time_rate) if on_time_rate is not None else None)


# The window and the as-of day ----------------------------------------------------------


@pytest.mark.parametrize(
    ("cadence", "day", "previous", "window"),
    [
        ("weekly", d(18), False, Period(d(16), d(22))),
        ("weekly", d(18), True, Period(d(9), d(15))),
        ("weekly", d(16), True, Period(d(9), d(15))),  # from its first day
        ("monthly", d(1), True, Period(d(1, 10), d(31, 10))),
        ("quarterly", d(15), True, Period(d(1, 7), d(30, 9))),
        ("annual", d(15), True, Period(d(1, 1, 2025), d(31, 12, 2025))),
    ],
)
def test_the_window_asked_for(cadence: str, day: date, previous: bool, window: Period) -> None:
    assert report_window(history_of([]), cadence, day, previous) == window


def test_a_window_that_has_ended_is_judged_at_its_end() -> None:
    history = history_of([WEEKLY], start=OCTOBER)
    # Asked on Monday 23 about the week of the 16th: it ended, so its Friday is missed.
    ended = build_report(history, FakeLog(), "weekly", d(18), d(23))
    assert (ended.as_of, rows(ended)) == (d(22), [("review", d(16), "missed")])
    # Asked on Sunday 22, its last day, it is still running: due, not missed.
    running = build_report(history, FakeLog(), "weekly", d(18), d(22))
    assert (running.as_of, rows(running)) == (d(18), [("review", d(16), "open")])
    last_day = build_report(history, FakeLog(), "weekly", d(22), d(22))
    assert (last_day.as_of, rows(last_day)) == (d(22), [("review", d(16), "due")])


def test_only_entries_up_to_the_as_of_day_count() -> None:
    history = history_of([DAILY], start=OCTOBER)
    log = FakeLog([daily(d(17)), daily(d(18)), daily(d(19))])
    report = build_report(history, log, "weekly", d(18), d(18))
    assert rows(report) == [("monitor", d(16), "missed"), ("monitor", d(17), "on_time"),
                            ("monitor", d(18), "on_time")]  # fmt: skip
    assert report.total.expected == 3


def test_the_earliest_entry_for_a_period_wins() -> None:
    history = history_of([WEEKLY], start=OCTOBER)
    log = FakeLog([weekly(d(16), d(18)), weekly(d(16), d(21))])
    (outcome,) = build_report(history, log, "weekly", d(16), d(30)).outcomes
    assert (outcome.outcome, outcome.event.for_date) == ("on_time", d(18))  # type: ignore[union-attr]
    log = FakeLog([weekly(d(16), d(21)), weekly(d(16), d(18))])
    (outcome,) = build_report(history, log, "weekly", d(16), d(30)).outcomes
    assert (outcome.outcome, outcome.event.for_date) == ("late", d(21))  # type: ignore[union-attr]


def test_an_entry_logged_before_tracking_began_counts_for_nothing() -> None:
    history = history_of([WEEKLY], start=d(21))  # a Saturday: that week was not expected
    log = FakeLog([weekly(d(16), d(18))])
    report = build_report(history, log, "weekly", d(16), d(30))
    assert rows(report) == []
    assert report.notes == []


def test_periods_are_reported_with_the_window_holding_their_due_date() -> None:
    # The week of Monday 30 November is due Friday 4 December: December's.
    history = history_of([WEEKLY], start=OCTOBER)
    november = build_report(history, FakeLog(), "monthly", d(30), d(1, 12))
    assert [s for _, s, _ in rows(november)] == [d(2), d(9), d(16), d(23)]
    december = build_report(history, FakeLog(), "monthly", d(5, 12), d(5, 12))
    # As of Saturday 5 December that week still runs: due, not missed.
    assert rows(december)[0] == ("review", d(30), "due")


def test_periods_not_begun_by_the_as_of_day_are_left_out() -> None:
    history = history_of([DAILY, WEEKLY], start=OCTOBER)
    report = build_report(history, FakeLog(), "monthly", d(18), d(18))
    assert [s for i, s, _ in rows(report) if i == "monitor"][-1] == d(18)
    assert [(s, o) for i, s, o in rows(report) if i == "review"] == [
        (d(2), "missed"), (d(9), "missed"), (d(16), "open")]  # fmt: skip


# Narrowing the report -----------------------------------------------------------------


def test_only_some_items() -> None:
    gone = FakeEvent("old", d(16), d(17), period_end=d(22), title="Old duty")
    history = history_of([DAILY, WEEKLY], start=OCTOBER)
    other = FakeEvent("other", d(16), d(16), period_end=d(22), title="Other duty")
    log = FakeLog([other, gone, weekly(d(16), d(20))])
    report = build_report(history, log, "weekly", d(16), d(30), only=["review"])
    assert rows(report) == [("review", d(16), "on_time")]
    assert (report.titles, list(report.areas)) == ({"review": "review"}, ["team"])  # its rules'
    report = build_report(history, log, "weekly", d(16), d(30), only=["old"])
    assert rows(report) == [("old", d(16), "on_time")]


def test_by_one_person_counts_what_they_settled() -> None:
    history = history_of([DAILY, WEEKLY], start=OCTOBER)
    log = FakeLog(
        [daily(d(16), by="Omar"), daily(d(17), by="mona"), weekly(d(16), d(21), "skip", by="OMAR")]
    )
    report = build_report(history, log, "weekly", d(16), d(30), by=" omar")
    assert report.by == "Omar"  # as logged, the first time in the report
    assert rows(report) == [("monitor", d(16), "on_time"), ("review", d(16), "skipped")]
    assert report.total.expected == 2
    nobody = build_report(history, log, "weekly", d(16), d(30), by="Sara")
    assert (nobody.by, rows(nobody)) == ("Sara", [])
    (mona,) = build_report(history, log, "weekly", d(16), d(30), by="Mona").outcomes
    assert (mona.item_id, mona.period.start, mona.event.by) == ("monitor", d(17), "mona")  # type: ignore[union-attr]
    everyone = build_report(history, log, "weekly", d(16), d(30))
    assert everyone.by is None
    assert everyone.total.expected == 6


# Items csm has no rules for ---------------------------------------------------------------


def test_entries_of_unknown_items_report_under_what_was_logged() -> None:
    history = history_of([WEEKLY], start=OCTOBER)
    in_window = FakeEvent(
        "old", d(16), d(21), period_end=d(20), title="Old duty", cadence="monthly", note="late"
    )
    twice = FakeEvent("old", d(16), d(18), period_end=d(20), title="Old duty", cadence="monthly")
    outside = FakeEvent("older", d(9), d(14), period_end=d(15), title="Older")
    log = FakeLog([weekly(d(16), d(20)), in_window, twice, outside])
    report = build_report(history, log, "weekly", d(16), d(30))
    (old,) = [o for o in report.outcomes if o.item_id == "old"]
    assert (old.title, old.cadence, old.area) == ("Old duty", "monthly", "")
    assert (old.period, old.due, old.outcome) == (Period(d(16), d(20)), d(20), "late")
    assert "older" not in report.items
    assert [(e.item_id, e.note) for e in report.notes] == [("old", "late")]
    assert list(report.areas) == ["team", ""]
    # Sorted by cadence: the weekly duty before the old monthly one.
    assert [o.item_id for o in report.outcomes] == ["review", "old"]
    assert report.cadence == "weekly"


def test_an_entry_for_a_period_the_rules_cut_otherwise_is_not_counted_twice() -> None:
    history = history_of([WEEKLY], start=OCTOBER)
    odd = FakeEvent("review", d(18), d(18), period_end=d(22))  # a period starting Wednesday
    report = build_report(history, FakeLog([odd]), "weekly", d(16), d(30))
    assert rows(report) == [("review", d(16), "missed"), ("review", d(18), "on_time")]


# Order, titles and notes -----------------------------------------------------------------


def test_outcomes_sort_by_cadence_then_period_then_item() -> None:
    other = FakeItem("backup", Recurrence("daily"))
    history = history_of([WEEKLY, MONTHLY, DAILY, other], start=d(26))
    report = build_report(history, FakeLog(), "monthly", d(30), d(1, 12))
    assert rows(report) == [
        ("backup", d(26), "missed"),
        ("monitor", d(26), "missed"),
        ("backup", d(27), "missed"),
        ("monitor", d(27), "missed"),
        ("backup", d(30), "missed"),
        ("monitor", d(30), "missed"),
        ("review", d(23), "missed"),
        ("month-report", d(1), "missed"),
    ]
    assert list(report.cadences) == ["daily", "weekly", "monthly"]


def test_an_items_title_is_that_of_its_latest_period() -> None:
    renamed = rule_of(DAILY)._replace(title=rule_of(DAILY).title._replace(en="Watch queues"))
    history = history_of([DAILY], start=OCTOBER, later=[revision(d(18), [renamed])])
    report = build_report(history, FakeLog(), "weekly", d(16), d(30))
    assert report.titles["monitor"] == "Watch queues"
    assert [o.title for o in report.outcomes] == ["monitor", "monitor"] + ["Watch queues"] * 3
    (streak,) = report.streaks
    assert streak.title == "monitor"  # the graph keeps its first title


def test_titles_in_arabic() -> None:
    named = rule_of(DAILY)._replace(title=rule_of(DAILY).title._replace(ar="مراقبة"))
    history = history_of([named], start=OCTOBER)
    report = build_report(history, FakeLog(), "weekly", d(16), d(30), lang="ar")
    assert report.titles["monitor"] == "مراقبة"


def test_notes_in_date_then_item_order() -> None:
    history = history_of([DAILY, WEEKLY], start=OCTOBER)
    log = FakeLog(
        [
            daily(d(18), note="queue long"),
            FakeEvent("review", d(16), d(17), period_end=d(22), note="short"),
            daily(d(17), note="calm"),
            daily(d(16)),
        ]
    )
    report = build_report(history, log, "weekly", d(16), d(30))
    assert [(e.item_id, e.for_date, e.note) for e in report.notes] == [
        ("monitor", d(17), "calm"),
        ("review", d(17), "short"),
        ("monitor", d(18), "queue long"),
    ]


# Missed runs -------------------------------------------------------------------------------


def test_missed_runs_break_on_a_workday_and_hold_over_days_off() -> None:
    holiday = d(18)
    history = history_of([DAILY, WEEKLY], start=d(16))
    history = type(history)(history.start, history.revisions, frozenset({holiday}))
    # Missed 16, 17 (18 off), 19; done 20; missed 23, 24; done 25-27; missed 30.
    log = FakeLog([daily(d(20)), daily(d(25)), daily(d(26)), daily(d(27))])
    report = build_report(history, log, "monthly", d(30), d(1, 12))
    runs = [
        (r.item_id, r.title, r.cadence, r.start, r.end, r.count, r.due)
        for r in report.missed_runs()
    ]
    assert runs == [
        ("monitor", "monitor", "daily", d(16), d(19), 3, d(16)),
        ("monitor", "monitor", "daily", d(23), d(24), 2, d(23)),
        ("monitor", "monitor", "daily", d(30), d(30), 1, d(30)),
        ("review", "review", "weekly", d(16), d(29), 2, d(20)),
    ]


def test_missed_runs_list_items_in_report_order() -> None:
    history = history_of([MONTHLY, WEEKLY, DAILY], start=d(26))
    report = build_report(history, FakeLog(), "monthly", d(30), d(1, 12))
    assert [(r.item_id, r.start, r.count) for r in report.missed_runs()] == [
        ("monitor", d(26), 3),
        ("review", d(23), 1),
        ("month-report", d(1), 1),
    ]


# Streaks ------------------------------------------------------------------------------------


def test_a_streak_marks_days_off_and_leaves_weekends_and_extras_out() -> None:
    history = history_of([DAILY, WEEKLY], start=OCTOBER)
    history = type(history)(history.start, history.revisions, frozenset({d(18)}))
    log = FakeLog(
        [daily(d(n)) for n in (16, 17, 19, 20, 21, 23)] + [daily(d(24), "skip"), daily(d(25))]
    )
    report = build_report(history, log, "monthly", d(25), d(25))
    (streak,) = report.streaks  # the weekly duty has none
    assert streak.item_id == "monitor"
    assert [c for c in streak.days if c[0] >= d(16)] == [
        (d(16), "on_time"),
        (d(17), "on_time"),
        (d(18), "off"),
        (d(19), "on_time"),
        (d(20), "on_time"),
        (d(23), "on_time"),
        (d(24), "skipped"),
        (d(25), "on_time"),
    ]
    # 2-13 missed; the run since Monday 16: 16, 17, 19, 20, 23, 25 (the day
    # off and the skip neither break nor extend it; Saturday 21 is extra).
    assert (streak.current, streak.longest) == (6, 6)


def test_the_longest_streak_outlives_a_miss() -> None:
    history = history_of([DAILY], start=d(16))
    log = FakeLog([daily(d(n)) for n in (16, 17, 18, 20)] + [daily(d(23), "skip"), daily(d(24))])
    (streak,) = build_report(history, log, "weekly", d(23), d(30)).streaks
    (streak2,) = build_report(history, log, "weekly", d(16), d(30)).streaks
    assert (streak2.current, streak2.longest) == (1, 3)  # 16-18, then 19 missed, then 20
    assert (streak.current, streak.longest) == (0, 1)  # 23 skipped, 24 done, 25-27 missed


def test_a_late_day_keeps_a_streak_going() -> None:
    history = history_of([DAILY], start=d(16))
    late = FakeEvent("monitor", d(17), d(18), period_end=d(17), cadence="daily")
    log = FakeLog([daily(d(16)), late, daily(d(18))])
    (streak,) = build_report(history, log, "weekly", d(18), d(18)).streaks
    assert streak.days == ((d(16), "on_time"), (d(17), "late"), (d(18), "on_time"))
    assert (streak.current, streak.longest) == (3, 3)


def test_one_day_done_between_misses_splits_the_run() -> None:
    history = history_of([DAILY], start=d(16))
    report = build_report(history, FakeLog([daily(d(17))]), "weekly", d(16), d(23))
    assert [(r.start, r.end, r.count) for r in report.missed_runs()] == [
        (d(16), d(16), 1),
        (d(18), d(20), 3),
    ]


def test_missed_runs_of_one_cadence_follow_the_items_order() -> None:
    # a is listed first (its first period sorts first); b's runs come after
    # a's, although b missed a day earlier.
    a, b = FakeItem("a", Recurrence("daily")), FakeItem("b", Recurrence("daily"))
    history = history_of([a, b], start=d(16))
    log = FakeLog(
        [
            FakeEvent("a", d(16), d(16), period_end=d(16), cadence="daily"),
            FakeEvent("b", d(17), d(17), period_end=d(17), cadence="daily"),
            FakeEvent("a", d(18), d(18), period_end=d(18), cadence="daily"),
            FakeEvent("b", d(19), d(19), period_end=d(19), cadence="daily"),
            FakeEvent("a", d(20), d(20), period_end=d(20), cadence="daily"),
            FakeEvent("b", d(20), d(20), period_end=d(20), cadence="daily"),
        ]
    )
    report = build_report(history, log, "weekly", d(16), d(23))
    assert list(report.items) == ["a", "b"]
    assert [(r.item_id, r.start) for r in report.missed_runs()] == [
        ("a", d(17)),
        ("a", d(19)),
        ("b", d(16)),
        ("b", d(18)),
    ]


def test_an_item_switched_off_after_its_due_day_is_not_expected_that_week() -> None:
    # Judged by the rules at the period's end: switched off on Saturday 21,
    # the week due Friday 20 counts for nothing.
    history = history_of(
        [WEEKLY], start=OCTOBER, later=[revision(d(21), [rule_of(WEEKLY, enabled=False)])]
    )
    report = build_report(history, FakeLog(), "monthly", d(30), d(1, 12))
    assert rows(report) == [("review", d(2), "missed"), ("review", d(9), "missed")]


class LogAsLogged(FakeLog):
    """A log that answers as it stood at a moment, as the SQLite log does."""

    def active_overlapping(self, first, last, *, as_logged=None):  # type: ignore[no-untyped-def]
        found = super().active_overlapping(first, last)
        return [e for e in found if as_logged is None or e.logged_at <= as_logged]


def test_a_report_as_logged_at_a_moment_leaves_out_later_entries() -> None:
    history = history_of([WEEKLY], start=OCTOBER)
    logged = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)
    log = LogAsLogged([FakeEvent("review", d(16), d(20), logged_at=logged, period_end=d(22))])
    before = build_report(history, log, "weekly", d(16), d(30), as_logged=logged.replace(hour=8))
    after = build_report(history, log, "weekly", d(16), d(30), as_logged=logged)
    assert rows(before) == [("review", d(16), "missed")]
    assert rows(after) == [("review", d(16), "late")]  # logged the 25th, due the 20th


# On time and late: the day it was logged, in the time zone of the rules ------------


@pytest.mark.parametrize(
    ("logged", "zone", "outcome"),
    [
        # Friday 20 is the due date. 20:59 UTC is 23:59 in Riyadh: on time.
        (datetime(2026, 11, 20, 20, 59, tzinfo=timezone.utc), "Asia/Riyadh", "on_time"),
        # 21:00 UTC is midnight in Riyadh: Saturday there, late.
        (datetime(2026, 11, 20, 21, 0, tzinfo=timezone.utc), "Asia/Riyadh", "late"),
        (datetime(2026, 11, 20, 21, 0, tzinfo=timezone.utc), "UTC", "on_time"),
        (datetime(2026, 11, 20, 23, 59, tzinfo=timezone.utc), "", "on_time"),
        (datetime(2026, 11, 21, 0, 0, tzinfo=timezone.utc), "", "late"),
        # No time zone set: the offset it was logged with decides.
        (datetime.fromisoformat("2026-11-20T23:30:00-05:00"), "", "on_time"),
        (datetime.fromisoformat("2026-11-20T23:30:00-05:00"), "UTC", "late"),
    ],
)
def test_a_done_is_judged_by_the_local_day_it_was_logged(
    logged: datetime, zone: str, outcome: str
) -> None:
    # Logged for Monday 16, whatever day that is: --on picks the period only.
    event = FakeEvent("review", d(16), d(16), logged_at=logged, period_end=d(22))
    assert judge(WEEK, d(20), d(22), event, True, True, zone) == outcome  # type: ignore[arg-type]


def test_yesterday_logged_today_is_late() -> None:
    day = Period(d(17), d(17))
    event = FakeEvent(
        "monitor", d(17), d(17), logged_at=datetime(2026, 11, 18, 8, tzinfo=timezone.utc)
    )
    assert judge(day, d(17), d(18), event, True, True) == "late"  # type: ignore[arg-type]
