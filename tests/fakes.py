"""Hand-made items and logs, for testing the agenda and reports without files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from csm_checklist.schedule import Recurrence


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
    logged_at: datetime = datetime(2026, 11, 1, tzinfo=timezone.utc)
    period_end: date = date.max  # only the report's overlap query reads it
    title: str = ""
    cadence: str = "weekly"


@dataclass
class FakeLog:
    events: list[FakeEvent] = field(default_factory=list)

    def active_for(self, keys: Iterable[tuple[str, date]]) -> dict[tuple[str, date], FakeEvent]:
        wanted = set(keys)
        return {
            (e.item_id, e.period_start): e
            for e in self.events
            if (e.item_id, e.period_start) in wanted
        }

    def active_overlapping(self, first: date, last: date) -> list[FakeEvent]:
        return [e for e in self.events if e.period_start <= last and e.period_end >= first]

    def first_day(self) -> date | None:
        return min((e.for_date for e in self.events), default=None)
