"""The agenda, rule by rule: what `csm today` shows, yesterday's misses, the
progress per cadence, and which items `csm due --period` lists. November
2026 begins on a Sunday; every expected value is worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from csm_checklist.dates.schedule import CADENCES, Period, Recurrence
from csm_checklist.dates.schedule import WorkCalendar as Cal
from csm_checklist.rules.agenda import (
    Progress,
    _rrule_rank,
    build_agenda,
    status_of,
    window_entries,
)
from csm_checklist.rules.history import History

from fakes import FakeEvent, FakeItem, FakeLog, history_of, revision, rule_of

DAILY = FakeItem("monitor", Recurrence("daily"))
WEEKLY = FakeItem("review", Recurrence("weekly"))  # due Friday
MONTHLY = FakeItem("month-report", Recurrence("monthly"))  # due on the last workday
QUARTERLY = FakeItem("policy", Recurrence("quarterly"))
SUN_THU = Cal(week_start=6, workdays=frozenset({6, 0, 1, 2, 3}))
OCTOBER = date(2026, 10, 1)


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


def with_days_off(history: History, *days: date) -> History:
    return History(history.start, history.revisions, frozenset(days))


def statuses(entries) -> list[tuple[str, date, str]]:  # type: ignore[no-untyped-def]
    return [(e.item.id, e.period.start, e.status) for e in entries]


def test_a_period_ended_on_its_due_date_is_missed_the_day_after() -> None:
    period = Period(d(27), d(27))
    assert status_of(period, d(27), d(27), None, True) == "due"
    assert status_of(period, d(27), d(28), None, True) == "missed"


def test_an_entry_for_a_later_day_is_not_there_yet() -> None:
    history = history_of([WEEKLY], start=OCTOBER)
    log = FakeLog([FakeEvent("review", d(23), d(26))])
    (before,) = build_agenda(history, log, d(25)).entries
    assert (before.status, before.event) == ("upcoming", None)
    (after,) = build_agenda(history, log, d(26)).entries
    assert after.status == "done"
    assert after.event is not None


@pytest.mark.parametrize(
    ("day", "workday", "shown"),
    [
        # Wednesday 25: the daily duty, and the review logged that day.
        (d(25), True, ["monitor", "review"]),
        # Friday 27: the review is settled, logged on the 25th: the daily duty only.
        (d(27), True, ["monitor"]),
        # Saturday 28: no daily duty; the monthly report is not due until Monday.
        (d(28), False, []),
        # Monday 30: the daily duty and the monthly report due that day.
        (d(30), True, ["monitor", "month-report"]),
    ],
)
def test_what_today_shows(day: date, workday: bool, shown: list[str]) -> None:
    history = history_of([DAILY, WEEKLY, MONTHLY], start=OCTOBER)
    log = FakeLog([FakeEvent("review", d(23), d(25))])
    agenda = build_agenda(history, log, day)
    assert agenda.workday is workday
    assert [e.item.id for e in agenda.actionable()] == shown


def test_an_overdue_item_is_shown_and_open() -> None:
    history = history_of([DAILY, WEEKLY], start=OCTOBER)
    agenda = build_agenda(history, FakeLog(), d(28))  # Saturday: the review is overdue
    assert [e.item.id for e in agenda.actionable()] == ["review"]
    assert [(e.item.id, e.status, e.is_open) for e in agenda.open_entries()] == [
        ("review", "overdue", True)
    ]
    (daily,) = [e for e in agenda.entries if e.item.id == "monitor"]
    assert (daily.status, daily.is_open, daily.cadence) == ("off", False, "daily")


def test_a_day_off_is_not_a_workday_and_shows_no_daily_duty() -> None:
    history = with_days_off(history_of([DAILY], start=OCTOBER), d(25))
    agenda = build_agenda(history, FakeLog(), d(25))
    assert agenda.workday is False
    assert agenda.actionable() == []
    assert agenda.progress == {}


@pytest.mark.parametrize(
    ("day", "days_off", "cal", "missed"),
    [
        (d(30), (), Cal(), d(27)),  # Monday: Friday's
        (d(25), (), Cal(), d(24)),  # Wednesday: Tuesday's
        (d(30), (d(27),), Cal(), d(26)),  # Friday off: Thursday's
        (d(29), (), SUN_THU, d(26)),  # Sunday in a Sun-Thu team: Thursday's
    ],
)
def test_yesterdays_miss_of_a_daily_duty_is_the_last_workday(
    day: date, days_off: tuple[date, ...], cal: Cal, missed: date
) -> None:
    history = with_days_off(history_of([DAILY], cal, start=OCTOBER), *days_off)
    agenda = build_agenda(history, FakeLog(), day)
    assert statuses(agenda.missed) == [("monitor", missed, "missed")]


def test_a_miss_before_a_whole_week_off_is_still_found() -> None:
    # Days off 16-22 November: the last workday before Monday the 23rd is
    # Friday the 13th, eight days back, and its miss is still news.
    history = with_days_off(history_of([DAILY], start=OCTOBER), *(d(n) for n in range(16, 23)))
    agenda = build_agenda(history, FakeLog(), d(23))
    assert statuses(agenda.missed) == [("monitor", d(13), "missed")]


def test_no_miss_when_every_day_since_the_start_was_off() -> None:
    history = with_days_off(history_of([DAILY], start=d(16)), *(d(n) for n in range(16, 23)))
    assert build_agenda(history, FakeLog(), d(23)).missed == []


def test_last_periods_misses_in_cadence_then_due_order() -> None:
    history = history_of([MONTHLY, WEEKLY, DAILY], start=OCTOBER)
    log = FakeLog([FakeEvent("monitor", d(27), d(27), period_end=d(27))])
    agenda = build_agenda(history, log, d(2, 12))
    assert statuses(agenda.missed) == [
        ("monitor", d(1, 12), "missed"),
        ("review", d(23), "missed"),
        ("month-report", d(1), "missed"),
    ]
    agenda = build_agenda(history, log, d(30))
    # Friday 27 was done; the week of the 23rd and October's report were missed.
    assert statuses(agenda.missed) == [
        ("review", d(23), "missed"),
        ("month-report", d(1, 10), "missed"),
    ]
    assert statuses(agenda.entries) == [
        ("monitor", d(30), "due"),
        ("review", d(30), "upcoming"),
        ("month-report", d(1), "due"),
    ]


def test_only_some_items() -> None:
    history = history_of([DAILY, WEEKLY], start=OCTOBER)
    agenda = build_agenda(history, FakeLog(), d(30), only=["review"])
    assert statuses(agenda.entries) == [("review", d(30), "upcoming")]
    assert statuses(agenda.missed) == [("review", d(23), "missed")]


def test_an_rrule_that_has_not_begun_is_left_out() -> None:
    later = FakeItem("sync", Recurrence("rrule", None, "FREQ=WEEKLY", d(1, 12)))
    history = history_of([later, DAILY], start=OCTOBER)
    assert [e.item.id for e in build_agenda(history, FakeLog(), d(25)).entries] == ["monitor"]
    first = build_agenda(history, FakeLog(), d(1, 12))
    assert statuses(first.entries) == [("monitor", d(1, 12), "due"), ("sync", d(1, 12), "due")]
    # Nothing of the rrule before its first period: only Monday's daily duty.
    assert statuses(first.missed) == [("monitor", d(30), "missed")]


@pytest.mark.parametrize(
    ("logged", "progress"),
    [
        ([], {"daily": (0, 0, 1), "weekly": (0, 0, 1), "monthly": (0, 0, 1)}),
        (
            [("monitor", d(25), "done"), ("review", d(23), "skip")],
            {"daily": (1, 0, 1), "weekly": (0, 1, 1), "monthly": (0, 0, 1)},
        ),
    ],
)
def test_progress_per_cadence_in_cadence_order(
    logged: list[tuple[str, date, str]], progress: dict[str, tuple[int, int, int]]
) -> None:
    history = history_of([MONTHLY, WEEKLY, DAILY], start=OCTOBER)
    log = FakeLog([FakeEvent(i, start, d(25), kind=k) for i, start, k in logged])
    agenda = build_agenda(history, log, d(25))
    assert agenda.progress == {c: Progress(*p) for c, p in progress.items()}
    assert list(agenda.progress) == ["daily", "weekly", "monthly"]
    settled = {c: p.settled for c, p in agenda.progress.items()}
    assert settled == {c: p[0] + p[1] for c, p in progress.items()}


@pytest.mark.parametrize(
    ("rule", "cadence"),
    [
        ("FREQ=DAILY", "daily"),
        ("FREQ=DAILY;INTERVAL=6", "daily"),
        ("FREQ=DAILY;INTERVAL=7", "weekly"),
        ("FREQ=WEEKLY;BYDAY=MO,TH", "weekly"),
        ("FREQ=WEEKLY;INTERVAL=3", "weekly"),
        ("FREQ=WEEKLY;INTERVAL=4", "monthly"),
        ("freq=monthly", "monthly"),
        ("FREQ=MONTHLY;INTERVAL=2", "monthly"),
        ("FREQ=MONTHLY;INTERVAL=3", "quarterly"),
        ("FREQ=MONTHLY;INTERVAL=11", "quarterly"),
        ("FREQ=MONTHLY;INTERVAL=12", "annual"),
        ("FREQ=YEARLY", "annual"),
        ("INTERVAL=9", "weekly"),  # no frequency: days
        ("", "daily"),
    ],
)
def test_an_rrule_is_listed_with_the_cadence_it_is_closest_to(rule: str, cadence: str) -> None:
    assert _rrule_rank(rule) == CADENCES.index(cadence)


def test_due_for_a_month_lists_items_of_that_cadence_and_longer_ones_due_in_it() -> None:
    biweekly = FakeItem("sync", Recurrence("rrule", None, "FREQ=WEEKLY;INTERVAL=4", d(2)))
    history = history_of([DAILY, WEEKLY, MONTHLY, QUARTERLY, biweekly], start=OCTOBER)
    window, entries = window_entries(history, FakeLog(), "monthly", d(25))
    assert window == Period(d(1), d(30))
    # The quarter is due 31 December: not in November. Daily and weekly
    # items are shorter than a month. The rrule item every fourth Monday
    # falls twice in November: both occurrences are listed.
    assert [(e.item.id, e.due) for e in entries] == [
        ("month-report", d(30)),
        ("sync", d(2)),
        ("sync", d(30)),
    ]
    window, entries = window_entries(history, FakeLog(), "monthly", d(1, 12))
    assert [(e.item.id, e.due) for e in entries] == [
        ("month-report", d(31, 12)),
        ("policy", d(31, 12)),
        ("sync", d(28, 12)),  # every fourth Monday: 30 November, 28 December
    ]
    _, entries = window_entries(history, FakeLog(), "monthly", d(1, 12), only=["policy"])
    assert [e.item.id for e in entries] == ["policy"]


def test_due_for_a_week_lists_each_item_once_in_its_current_period() -> None:
    history = history_of([DAILY, WEEKLY, MONTHLY], start=OCTOBER)
    log = FakeLog([FakeEvent("review", d(23), d(24))])
    window, entries = window_entries(history, log, "weekly", d(25))
    assert window == Period(d(23), d(29))
    assert statuses(entries) == [("review", d(23), "done")]
    _, entries = window_entries(history, log, "weekly", d(30))
    assert statuses(entries) == [("review", d(30), "upcoming"), ("month-report", d(1), "due")]


def test_a_daily_duty_not_tracked_yet_is_not_shown_on_a_workday() -> None:
    history = history_of([rule_of(DAILY, since=d(30)), WEEKLY], start=OCTOBER)
    agenda = build_agenda(history, FakeLog(), d(27))  # Friday: the review is due
    assert [e.item.id for e in agenda.actionable()] == ["review"]
    assert agenda.progress == {"weekly": Progress(0, 0, 1)}


def test_progress_on_a_weekend_counts_the_longer_cadences() -> None:
    history = history_of([DAILY, WEEKLY, MONTHLY], start=OCTOBER)
    agenda = build_agenda(history, FakeLog([FakeEvent("review", d(23), d(27))]), d(28))
    assert agenda.progress == {"weekly": Progress(1, 0, 1), "monthly": Progress(0, 0, 1)}


def test_a_week_judged_by_the_rules_of_the_day_asked_about() -> None:
    # Due Friday 20; on Saturday 21 the review is tracked only from the 23rd:
    # as of Sunday that week is judged by Sunday's rules, so nothing was
    # expected of it, although it was due on Friday.
    history = history_of(
        [WEEKLY], start=OCTOBER, later=[revision(d(21), [rule_of(WEEKLY, since=d(23))])]
    )
    assert statuses(build_agenda(history, FakeLog(), d(20)).entries) == [("review", d(16), "due")]
    assert statuses(build_agenda(history, FakeLog(), d(22)).entries) == [("review", d(16), "off")]


class LogAsLogged(FakeLog):
    """A log that answers as it stood at a moment, as the SQLite log does."""

    def active_for(self, keys, *, as_logged=None):  # type: ignore[no-untyped-def]
        found = super().active_for(keys)
        return {k: e for k, e in found.items() if as_logged is None or e.logged_at <= as_logged}


def test_today_as_logged_at_a_moment_leaves_out_later_entries() -> None:
    history = history_of([DAILY, WEEKLY], start=OCTOBER)
    evening = datetime(2026, 11, 24, 18, tzinfo=timezone.utc)
    log = LogAsLogged(
        [
            FakeEvent("monitor", d(24), d(24), logged_at=evening, period_end=d(24)),
            FakeEvent("review", d(23), d(24), logged_at=evening),
        ]
    )
    morning = evening.replace(hour=9)
    then = build_agenda(history, log, d(25), as_logged=morning)
    assert statuses(then.missed) == [("monitor", d(24), "missed"), ("review", d(16), "missed")]
    assert statuses(then.entries) == [("monitor", d(25), "due"), ("review", d(23), "upcoming")]
    now = build_agenda(history, log, d(25), as_logged=evening)
    assert statuses(now.missed) == [("review", d(16), "missed")]
    assert statuses(now.entries) == [("monitor", d(25), "due"), ("review", d(23), "done")]
