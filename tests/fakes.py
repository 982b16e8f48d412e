"""Hand-made items and logs, for testing the agenda and reports without files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone

from csm_checklist.dates.schedule import Period, Recurrence, WorkCalendar, period_containing
from csm_checklist.duties.catalog import Text
from csm_checklist.rules.history import History, ItemRule, Revision, rules_text


@dataclass(frozen=True)
class Title:
    en: str
    ar: str = ""

    def get(self, lang: str) -> str:
        return self.ar if lang == "ar" and self.ar else self.en


@dataclass(frozen=True)
class FakeItem:
    id: str
    recurrence: Recurrence
    enabled: bool = True
    area: str = "team"

    @property
    def title(self) -> Title:
        return Title(self.id.replace("-", " "))


@dataclass(frozen=True)
class FakeEvent:
    item_id: str
    period_start: date
    for_date: date
    kind: str = "done"
    by: str = "mona"
    note: str = ""
    # When it was logged: by default at noon (UTC) of the day it is for, as
    # a manager who logs the work the day it is done.
    logged_at: datetime = None  # type: ignore[assignment]
    period_end: date = date.max  # only the report's overlap query reads it
    title: str = ""
    cadence: str = "weekly"
    logged_by: str = ""  # as records.Event: "" when it was not kept

    @property
    def logged_for_another(self) -> bool:
        return bool(self.logged_by) and self.logged_by.casefold() != self.by.casefold()

    def _replace(self, **changes: object) -> FakeEvent:
        return replace(self, **changes)  # type: ignore[arg-type]

    def __post_init__(self) -> None:
        if self.logged_at is None:
            noon = datetime.combine(self.for_date, time(12), tzinfo=timezone.utc)
            object.__setattr__(self, "logged_at", noon)


@dataclass
class FakeLog:
    events: list[FakeEvent] = field(default_factory=list)

    def active_for(
        self, keys: Iterable[tuple[str, date]], *, as_logged: datetime | None = None
    ) -> dict[tuple[str, date], FakeEvent]:
        wanted = set(keys)
        return {
            (e.item_id, e.period_start): e
            for e in self.events
            if (e.item_id, e.period_start) in wanted
        }

    def active_overlapping(
        self, first: date, last: date, *, as_logged: datetime | None = None
    ) -> list[FakeEvent]:
        return [e for e in self.events if e.period_start <= last and e.period_end >= first]


def rule_of(item: FakeItem, *, enabled: bool | None = None, since: date | None = None) -> ItemRule:
    return ItemRule(
        item.id,
        Text(item.title.en, item.title.ar),
        item.area,
        item.recurrence,
        item.enabled if enabled is None else enabled,
        since,
    )


def revision(
    effective: date,
    items: Iterable[FakeItem | ItemRule],
    cal: WorkCalendar | None = None,
) -> Revision:
    """A revision holding `items` and `cal` from `effective` on."""
    cal = cal or WorkCalendar()
    rules = {i.id: i if isinstance(i, ItemRule) else rule_of(i) for i in items}
    recorded = datetime(effective.year, effective.month, effective.day, 8, tzinfo=timezone.utc)
    return Revision(
        f"rev-{effective}", effective, recorded, cal, "", rules, rules_text(rules.values(), cal, "")
    )


def history_of(
    items: Iterable[FakeItem | ItemRule],
    cal: WorkCalendar | None = None,
    *,
    start: date = date(2020, 1, 1),
    later: Iterable[Revision] = (),
) -> History:
    """A history that tracks `items` under `cal` from `start`, then `later` revisions."""
    return History(start, [revision(start, items, cal), *later])


def previous_period(period: Period, rec: Recurrence, cal: WorkCalendar) -> Period | None:
    """The period just before `period` (None before an rrule began)."""
    return period_containing(period.start - timedelta(days=1), rec, cal)


def next_period(period: Period, rec: Recurrence, cal: WorkCalendar) -> Period | None:
    """The period just after `period` (None after an rrule ended)."""
    return period_containing(period.end + timedelta(days=1), rec, cal)
