"""Period summaries: how each duty went over a week, month, quarter or year.

For every item, each of its periods that overlaps the report period gets one
outcome, judged as of the report's day:
- on_time: done on or before the due date (the date it was done for, as logged);
- late: done after the due date;
- skipped, missed (ended with nothing logged), or open (not ended yet).

Figures per item, cadence, area and overall: expected (every expected period),
done, on time, late, skipped, missed, open; completion is done / (expected -
skipped) and on-time is on time / done.

Only the events whose periods overlap the report window are read, through the
log's index. Events of items that were removed from the checklists, or whose
cadence changed since, still count, under the title and cadence they had when
they were logged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol

from .agenda import CADENCE_ORDER
from .schedule import (
    Period,
    WorkCalendar,
    calendar_period,
    due_date,
    is_day_off,
    is_expected,
    is_workday,
    periods_overlapping,
)

if TYPE_CHECKING:
    from .catalog import Item
    from .log import Event

OUTCOMES = ("on_time", "late", "skipped", "missed", "open")
REPORT_KINDS = ("weekly", "monthly", "quarterly", "annual")


class ReportSource(Protocol):
    """What a report needs from the event log."""

    def active_overlapping(self, first: date, last: date) -> list[Event]: ...

    def first_day(self) -> date | None: ...


@dataclass(frozen=True)
class Outcome:
    """One item in one of its periods, and how it went."""

    item_id: str
    title: str
    cadence: str
    area: str
    period: Period
    due: date
    outcome: str
    event: Event | None = None


@dataclass
class Tally:
    """The figures of one row of the report."""

    expected: int = 0
    done: int = 0
    on_time: int = 0
    late: int = 0
    skipped: int = 0
    missed: int = 0
    open: int = 0

    def add(self, outcome: str) -> None:
        self.expected += 1
        if outcome in ("on_time", "late"):
            self.done += 1
        setattr(self, outcome, getattr(self, outcome) + 1)

    @property
    def completion(self) -> float | None:
        """done / (expected - skipped), or None when nothing was expected."""
        base = self.expected - self.skipped
        return self.done / base if base else None

    @property
    def on_time_rate(self) -> float | None:
        """on time / done, or None when nothing was done."""
        return self.on_time / self.done if self.done else None


@dataclass(frozen=True)
class Streak:
    """A daily item's run of done workdays (a skip neither breaks nor extends it)."""

    item_id: str
    title: str
    current: int
    longest: int
    days: tuple[tuple[date, str], ...]  # each workday and day off of the window, to the report day


@dataclass(frozen=True)
class MissedRun:
    """Consecutive missed periods of one item (days off in between do not
    break a run of missed daily duties)."""

    item_id: str
    title: str
    cadence: str
    start: date
    end: date
    count: int
    due: date


@dataclass
class Report:
    """Everything `csm report` shows, for one window."""

    kind: str
    window: Period
    as_of: date
    outcomes: list[Outcome]
    items: dict[str, Tally] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    cadences: dict[str, Tally] = field(default_factory=dict)
    areas: dict[str, Tally] = field(default_factory=dict)
    total: Tally = field(default_factory=Tally)
    streaks: list[Streak] = field(default_factory=list)
    notes: list[Event] = field(default_factory=list)

    calendar: WorkCalendar = field(default_factory=WorkCalendar)

    @property
    def missed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.outcome == "missed"]

    def missed_runs(self) -> list[MissedRun]:
        """The missed periods, consecutive ones of an item merged, so a month of
        missed daily duties reads as one line, not twenty."""
        runs: list[MissedRun] = []
        open_run: dict[str, int] = {}
        for o in self.missed:
            index = open_run.get(o.item_id)
            if index is not None:
                run = runs[index]
                gap = (run.end + timedelta(days=1), o.period.start - timedelta(days=1))
                if not any(is_workday(day, self.calendar) for day in Period(*gap).days()):
                    runs[index] = MissedRun(
                        run.item_id,
                        run.title,
                        run.cadence,
                        run.start,
                        o.period.end,
                        run.count + 1,
                        run.due,
                    )
                    continue
            open_run[o.item_id] = len(runs)
            runs.append(
                MissedRun(o.item_id, o.title, o.cadence, o.period.start, o.period.end, 1, o.due)
            )
        # Keep an item's runs together, items in the order the report lists them.
        order = {item_id: n for n, item_id in enumerate(self.items)}
        return sorted(
            runs, key=lambda r: (_cadence_rank(r.cadence), order.get(r.item_id, 0), r.start)
        )


def report_window(kind: str, day: date, cal: WorkCalendar, previous: bool = False) -> Period:
    """The window of kind `kind` containing `day`, or the complete one before it."""
    window = calendar_period(day, kind, cal)
    if previous:
        window = calendar_period(window.start - timedelta(days=1), kind, cal)
    return window


def judge(period: Period, due: date, as_of: date, event: Event | None, expected: bool) -> str:
    """The outcome of one period as of `as_of`; '' when it does not count."""
    if event is not None:
        if event.kind == "skip":
            return "skipped"
        return "on_time" if event.for_date <= due else "late"
    if not expected:
        return ""
    return "missed" if period.end < as_of else "open"


def build_report(
    items: Sequence[Item],
    source: ReportSource,
    kind: str,
    day: date,
    cal: WorkCalendar,
    *,
    lang: str = "en",
    previous: bool = False,
) -> Report:
    """The report of the `kind` window containing `day` (or the one before it)."""
    window = report_window(kind, day, cal, previous)
    events = source.active_overlapping(window.start, window.end)
    since = source.first_day()
    by_key = {(e.item_id, e.period_start): e for e in events}
    used: set[tuple[str, date]] = set()
    outcomes: list[Outcome] = []

    for item in items:
        if not item.enabled:
            continue
        rec = item.recurrence
        for period in periods_overlapping(window.start, window.end, rec, cal):
            if period.start > day:
                break  # the future has no outcome yet
            key = (item.id, period.start)
            event = by_key.get(key)
            tracked = since is not None and period.end >= since
            if event is None and not tracked:
                continue
            due = due_date(period, rec, cal)
            outcome = judge(period, due, day, event, is_expected(period, rec, cal))
            if not outcome:
                continue
            used.add(key)
            title = _title(item, event, lang)
            outcomes.append(
                Outcome(item.id, title, rec.cadence, item.area, period, due, outcome, event)
            )

    # Events of removed items, or of an older schedule of a changed item.
    areas = {item.id: item.area for item in items}
    for event in events:
        if (event.item_id, event.period_start) in used:
            continue
        period = Period(event.period_start, event.period_end)
        outcome = judge(period, period.end, day, event, True)
        outcomes.append(
            Outcome(
                event.item_id,
                event.title,
                event.cadence,
                areas.get(event.item_id, ""),
                period,
                period.end,
                outcome,
                event,
            )
        )

    outcomes.sort(key=lambda o: (_cadence_rank(o.cadence), o.period.start, o.item_id))
    report = Report(kind, window, day, outcomes, calendar=cal)
    _tally(report)
    report.streaks = _streaks(outcomes, window, day, cal)
    report.notes = sorted((e for e in events if e.note), key=lambda e: (e.for_date, e.item_id))
    return report


def _title(item: Item, event: Event | None, lang: str) -> str:
    """The item's title in the report's language, unless it was logged under a
    title it no longer has in either language: then it was renamed since, and
    the period reports under the old name."""
    if event is not None and event.title not in (item.title.en, item.title.ar):
        return event.title
    return item.title.get(lang)


def _cadence_rank(cadence: str) -> int:
    return CADENCE_ORDER.index(cadence) if cadence in CADENCE_ORDER else len(CADENCE_ORDER)


def _tally(report: Report) -> None:
    for outcome in report.outcomes:
        report.items.setdefault(outcome.item_id, Tally()).add(outcome.outcome)
        # The latest title as logged wins, so a renamed item keeps its old name
        # only for the periods logged under it.
        if outcome.event is not None or outcome.item_id not in report.titles:
            report.titles[outcome.item_id] = outcome.title
        report.cadences.setdefault(outcome.cadence, Tally()).add(outcome.outcome)
        report.areas.setdefault(outcome.area, Tally()).add(outcome.outcome)
        report.total.add(outcome.outcome)
    report.cadences = {c: report.cadences[c] for c in sorted(report.cadences, key=_cadence_rank)}


def _streaks(
    outcomes: Iterable[Outcome], window: Period, as_of: date, cal: WorkCalendar
) -> list[Streak]:
    days_of: dict[str, dict[date, str]] = {}
    titles: dict[str, str] = {}
    for outcome in outcomes:
        if outcome.cadence != "daily":
            continue
        days_of.setdefault(outcome.item_id, {})[outcome.period.start] = outcome.outcome
        titles.setdefault(outcome.item_id, outcome.title)
    streaks = []
    last = min(window.end, as_of)
    for item_id, by_day in days_of.items():
        run = longest = 0
        cells = []
        for day in window.days():
            if day > last:
                break
            if not is_workday(day, cal) and day not in by_day:
                if is_day_off(day, cal):
                    cells.append((day, "off"))  # shown, but neither keeps nor breaks a streak
                continue
            result = by_day.get(day, "")
            cells.append((day, result or "none"))
            if result in ("on_time", "late"):
                run += 1
                longest = max(longest, run)
            elif result in ("missed", ""):
                run = 0
            # skipped: the streak goes on; open (today, not yet done): not broken yet
        streaks.append(Streak(item_id, titles[item_id], run, longest, tuple(cells)))
    return streaks
