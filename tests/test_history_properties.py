"""Properties of the history that must hold for any sequence of revisions:
periods tile the calendar, and a report of a period that has ended never
changes, whatever is done afterwards, except logging into that period."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from csm_checklist.cli.views.report import report_json
from csm_checklist.dates.schedule import CADENCES, OnWeekday, Recurrence, WorkCalendar
from csm_checklist.rules.history import History
from csm_checklist.rules.report import build_report

from fakes import FakeEvent, FakeItem, FakeLog, history_of, revision, rule_of

START = date(2026, 1, 1)
calendars = st.builds(
    WorkCalendar,
    week_start=st.integers(0, 6),
    workdays=st.frozensets(st.integers(0, 6), min_size=1),
    fiscal_year_start=st.integers(1, 12),
)
recurrences = st.one_of(
    st.sampled_from([Recurrence(c) for c in CADENCES]),  # type: ignore[arg-type]
    st.builds(lambda w: Recurrence("weekly", OnWeekday(w)), st.integers(0, 6)),
    st.sampled_from(
        [
            Recurrence("rrule", rrule="FREQ=WEEKLY;BYDAY=MO,TH"),
            Recurrence("rrule", rrule="FREQ=MONTHLY;BYMONTHDAY=15", start=date(2025, 1, 1)),
        ]
    ),
)
changes = st.lists(
    st.tuples(st.integers(1, 700), calendars, recurrences, st.booleans()), max_size=5
)


def build(first: WorkCalendar, first_rec: Recurrence, later: list) -> History:  # type: ignore[type-arg]
    item = FakeItem("duty", first_rec)
    revisions = []
    for offset, cal, rec, enabled in sorted(later, key=lambda c: c[0]):
        rule = rule_of(FakeItem("duty", rec), enabled=enabled)
        revisions.append(revision(START + timedelta(days=offset), [rule], cal))
    return history_of([item], first, start=START, later=revisions)


@settings(max_examples=150, deadline=None)
@given(
    calendars, recurrences, changes, st.sampled_from(["weekly", "monthly", "quarterly", "annual"])
)
def test_periods_tile_the_calendar_under_any_revisions(
    first: WorkCalendar,
    rec: Recurrence,
    later: list,
    window: str,  # type: ignore[type-arg]
) -> None:
    history = build(first, rec, later)
    for timeline in (history.timeline("duty"), history.window_timeline(window)):
        last = START + timedelta(days=800)
        found = list(timeline.periods_overlapping(START, last))
        for period in found:
            assert period.start <= period.end
            for day in (period.start, period.end):
                assert timeline.period_containing(day) == period
        for a, b in itertools.pairwise(found):
            if timeline.period_containing(a.end + timedelta(days=1)) is not None:
                assert b.start == a.end + timedelta(days=1)  # no gap, no overlap


ITEMS = [
    FakeItem("monitor", Recurrence("daily")),
    FakeItem("review", Recurrence("weekly")),
    FakeItem("report", Recurrence("monthly")),
    FakeItem("policy", Recurrence("quarterly")),
]


def _events(history: History, picks: list[tuple[int, int, bool]], first: date) -> list[FakeEvent]:
    """Events for the days `picks` name (days after `first`), in the periods
    the history cuts for them."""
    events = []
    for item_index, offset, skip in picks:
        item = ITEMS[item_index]
        day = first + timedelta(days=offset)
        period = history.timeline(item.id).period_containing(day)
        assert period is not None
        events.append(
            FakeEvent(
                item.id,
                period.start,
                day,
                kind="skip" if skip else "done",
                period_end=period.end,
                cadence=item.recurrence.cadence,
            )
        )
    return events


picks = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 120), st.booleans()), max_size=25)


@settings(max_examples=100, deadline=None)
@given(
    calendars,
    picks,
    picks,
    st.lists(st.tuples(st.integers(0, 120), calendars, st.booleans()), max_size=3),
    st.sampled_from(["weekly", "monthly", "quarterly"]),
    st.integers(0, 100),
)
def test_an_ended_report_never_changes_but_by_logging_into_it(
    cal: WorkCalendar,
    before: list,  # type: ignore[type-arg]
    after: list,  # type: ignore[type-arg]
    later_changes: list,  # type: ignore[type-arg]
    cadence: str,
    report_offset: int,
) -> None:
    base = history_of(ITEMS, cal, start=START)
    day = START + timedelta(days=report_offset)
    window = base.window_timeline(cadence).period_containing(day)
    assert window is not None
    today = window.end + timedelta(days=1)
    # What was logged by the end of the window, for days up to its end.
    log = FakeLog([e for e in _events(base, before, START) if e.for_date <= window.end])
    first = report_json(build_report(base, log, cadence, day, today), {}, "en")

    # Afterwards: the rules change (items switched off, settings changed),
    # work is logged for later days and undone in other periods.
    revisions = []
    for offset, new_cal, drop in sorted(later_changes, key=lambda c: c[0]):
        kept = [rule_of(i, enabled=not (drop and i.id == "review")) for i in ITEMS]
        revisions.append(revision(today + timedelta(days=offset), kept, new_cal))
    changed = history_of(ITEMS, cal, start=START, later=revisions)
    later = [e for e in _events(changed, after, today) if e.for_date >= today]
    outside = [e for e in log.events if e.period_end < window.start or e.period_start > window.end]
    kept = [e for e in log.events if e not in outside[:2]]  # two undone
    now = today + timedelta(days=200)
    second = report_json(
        build_report(changed, FakeLog([*kept, *later]), cadence, day, now), {}, "en"
    )
    assert second == first
