"""Period summaries: how each duty went over a week, month, quarter or year.

A report is a pure function of the log, the history of the rules, and the
as-of point, so nothing done later changes a report of a period that has
ended, except logging into that period:

- The window is the week, month, quarter or fiscal year containing the day
  asked for (or the one before it, with `previous`). A window that has ended
  is judged as of its last day; one still running, as of the day asked for.
- Only events for a day on or before the as-of day count, and (with
  `as_logged`) only those logged by that moment and not undone by then.
- Every period of an item belongs to the window that holds its due date.
  Each one due in the window (and begun by the as-of day) gets one outcome,
  judged by the rules in force at its end:
  on_time (logged on or before the due date: the local date of the moment
  it was logged, in the time zone of the rules that judge the period,
  whatever day it was logged for), late, skipped, missed (ended with
  nothing logged), due (due by the as-of day, not ended, nothing logged
  yet), open (not due yet), or extra (done or skipped in a period where
  nothing was expected: a daily duty on a day off).

Figures per item, cadence, area and overall: expected counts a period once its
due date is on or before the as-of day, or when it was settled earlier:
expected = done + skipped + missed + due. Completion is done / (expected -
skipped), on-time is on time / done. Open and extra periods are shown apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from csm_checklist.dates.schedule import CADENCES, Period, cadence_rank, is_day_off, is_workday
from csm_checklist.rules.scope import same_name

if TYPE_CHECKING:
    from csm_checklist.rules.history import History, Timeline
    from csm_checklist.store.records import Event

OUTCOMES = ("on_time", "late", "skipped", "missed", "due", "open", "extra")
REPORT_CADENCES = CADENCES[1:]  # a report covers a week, month, quarter or year


class ReportSource(Protocol):
    """What a report needs from the event log."""

    def active_overlapping(
        self, first: date, last: date, *, as_logged: datetime | None = None
    ) -> list[Event]: ...


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
    due: int = 0
    open: int = 0
    extra: int = 0

    def add(self, outcome: str) -> None:
        if outcome in ("on_time", "late"):
            self.done += 1
        if outcome not in ("open", "extra"):
            self.expected += 1
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
    days: tuple[tuple[date, str], ...]  # each expected day and day off of the window, to as-of


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

    cadence: str  # the window's: weekly, monthly, quarterly or annual
    window: Period
    as_of: date
    outcomes: list[Outcome]
    history: History
    by: str | None = None  # the person the report was narrowed to, as logged
    items: dict[str, Tally] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    cadences: dict[str, Tally] = field(default_factory=dict)
    areas: dict[str, Tally] = field(default_factory=dict)
    total: Tally = field(default_factory=Tally)
    streaks: list[Streak] = field(default_factory=list)
    notes: list[Event] = field(default_factory=list)

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
                gap = Period(run.end + timedelta(days=1), o.period.start - timedelta(days=1))
                if not any(is_workday(d, self.history.calendar_on(d)) for d in gap.days()):
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
            runs, key=lambda r: (cadence_rank(r.cadence), order.get(r.item_id, 0), r.start)
        )


def report_window(history: History, cadence: str, day: date, previous: bool = False) -> Period:
    """The window of `cadence` containing `day`, or the one before it, as the
    revisions of the settings cut it."""
    timeline = history.window_timeline(cadence)
    window = timeline.period_containing(day)
    assert window is not None
    if previous:
        before = timeline.period_containing(window.start - timedelta(days=1))
        assert before is not None
        window = before
    return window


def logged_day(moment: datetime, timezone: str) -> date:
    """The local date of `moment` in `timezone` (an IANA name); with no time
    zone configured, the date on the clock of the machine that logged it."""
    if not timezone:
        return moment.date()
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(timezone)).date()


def judge(
    period: Period,
    due: date,
    as_of: date,
    event: Event | None,
    expected: bool,
    final: bool,
    timezone: str = "",
) -> str:
    """The outcome of one period as of `as_of` (`final`: at the end of that
    day, as for a window that has ended); '' when it does not count. A done
    is on time when it was logged (its local date in `timezone`) on or before
    the due date, late when after, whatever day it was logged for."""
    if event is not None:
        if not expected:
            return "extra"
        if event.kind == "skip":
            return "skipped"
        return "on_time" if logged_day(event.logged_at, timezone) <= due else "late"
    if not expected:
        return ""
    if period.end < as_of or (final and period.end <= as_of):
        return "missed"
    return "due" if due <= as_of else "open"


def build_report(
    history: History,
    source: ReportSource,
    cadence: str,
    day: date,
    today: date,
    *,
    lang: str = "en",
    previous: bool = False,
    as_logged: datetime | None = None,
    only: Iterable[str] | None = None,
    by: str | None = None,
) -> Report:
    """The report of the `cadence` window containing `day` (or the one before
    it), as it stands on `today` (see the module docstring). `only` limits it
    to those item ids. With `by`, it covers what that person logged: the
    periods they settled (on time, late or skipped); a period a colleague
    settled is not theirs, and one nobody logged is no one's miss."""
    window = report_window(history, cadence, day, previous)
    final = window.end < today
    as_of = window.end if final else day
    view = history.until(as_of)
    events = [
        e
        for e in source.active_overlapping(window.start, window.end, as_logged=as_logged)
        if e.for_date <= as_of
    ]
    by_key = {(e.item_id, e.period_start): e for e in reversed(events)}  # the earliest wins
    wanted = set(only) if only is not None else None
    used: set[tuple[str, date]] = set()  # every period the rules cut, reported here or not
    outcomes: list[Outcome] = []

    for item_id in view.item_ids():
        if wanted is not None and item_id not in wanted:
            continue
        tl = view.timeline(item_id)
        for period in tl.periods_overlapping(window.start, window.end):
            if period.start > as_of:
                break  # the future has no outcome yet
            key = (item_id, period.start)
            used.add(key)
            due = tl.due(period, as_of)
            if due not in window:
                continue  # reported with the window that holds its due date
            event = by_key.get(key)
            if event is not None and tl.before_tracking(period, as_of):
                event = None  # logged before the item was tracked: counts for nothing
            expected = tl.expected(period, as_of, due)
            judged_on = tl.judge_day(period, as_of)
            zone = view.revision_on(judged_on).timezone
            outcome = judge(period, due, as_of, event, expected, final, zone)
            if not outcome:
                continue
            rule = tl.rule_at(judged_on)
            outcomes.append(
                Outcome(
                    item_id,
                    rule.title.get(lang),
                    rule.cadence,
                    rule.area,
                    period,
                    due,
                    outcome,
                    event,
                )
            )

    # Events of items csm has no rules for (logged by another csm and
    # imported), or kept under a period that the rules do not cut.
    for event in events:
        key = (event.item_id, event.period_start)
        if key in used or event.for_date not in window:
            continue
        if wanted is not None and event.item_id not in wanted:
            continue
        used.add(key)
        period = Period(event.period_start, event.period_end)
        outcomes.append(
            Outcome(
                event.item_id,
                event.title,
                event.cadence,
                "",
                period,
                period.end,
                judge(
                    period,
                    period.end,
                    as_of,
                    event,
                    True,
                    final,
                    view.revision_on(min(period.end, as_of)).timezone,
                ),
                event,
            )
        )

    if by is not None:
        outcomes = [o for o in outcomes if o.event is not None and same_name(o.event.by, by)]
        by = outcomes[0].event.by if outcomes and outcomes[0].event else by
    outcomes.sort(key=lambda o: (cadence_rank(o.cadence), o.period.start, o.item_id))
    report = Report(cadence, window, as_of, outcomes, view, by=by)
    _tally(report)
    report.streaks = _streaks(report.outcomes, window, view, as_of)
    # Notes name their items as the report does: by the title of the rules in
    # force, in the report's language (the logged title only for an item no
    # rule knows).
    report.notes = sorted(
        (o.event._replace(title=o.title) for o in outcomes if o.event is not None and o.event.note),
        key=lambda e: (e.for_date, e.item_id),
    )
    return report


def _tally(report: Report) -> None:
    for outcome in report.outcomes:
        report.items.setdefault(outcome.item_id, Tally()).add(outcome.outcome)
        report.titles[outcome.item_id] = outcome.title  # the latest period's title
        report.cadences.setdefault(outcome.cadence, Tally()).add(outcome.outcome)
        report.areas.setdefault(outcome.area, Tally()).add(outcome.outcome)
        report.total.add(outcome.outcome)
    report.cadences = {c: report.cadences[c] for c in sorted(report.cadences, key=cadence_rank)}


def _streaks(
    outcomes: Sequence[Outcome], window: Period, history: History, as_of: date
) -> list[Streak]:
    """One graph cell per expected day of each daily item, up to the as-of day,
    and a cell marking each day off in the window while the item was tracked
    (it neither keeps nor breaks a streak), leave at the window's start or
    end included; weekends and extras add none."""
    days_of: dict[str, dict[date, str]] = {}
    titles: dict[str, str] = {}
    for outcome in outcomes:
        if outcome.cadence != "daily" or outcome.outcome == "extra":
            continue
        days_of.setdefault(outcome.item_id, {})[outcome.period.start] = outcome.outcome
        titles.setdefault(outcome.item_id, outcome.title)
    streaks = []
    known = set(history.item_ids())
    for item_id, by_day in days_of.items():
        run = longest = 0
        cells = []
        tl = history.timeline(item_id) if item_id in known else None
        first = window.start
        while first < min(by_day) and not _tracked(tl, first):
            first += timedelta(days=1)
        last = max(max(by_day), min(window.end, as_of))
        for day in Period(first, last).days():
            result = by_day.get(day)
            if result is None:
                inside = day <= max(by_day) or _tracked(tl, day)
                if inside and is_day_off(day, history.calendar_on(day)):
                    cells.append((day, "off"))
                continue
            cells.append((day, result))
            if result in ("on_time", "late"):
                run += 1
                longest = max(longest, run)
            elif result == "missed":
                run = 0
            # skipped: the streak goes on; due or open (today): not broken yet
        streaks.append(Streak(item_id, titles[item_id], run, longest, tuple(cells)))
    return streaks


def _tracked(tl: Timeline | None, day: date) -> bool:
    """Whether the item was tracked (and switched on) on `day`; never for
    an item the rules do not know (its entries were imported)."""
    if tl is None:
        return False
    start = tl.tracked_from(day)
    return start is not None and start <= day
