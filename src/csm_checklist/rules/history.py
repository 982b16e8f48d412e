"""The rules in force on any date: the tracking start and the revisions.

A manager's reports about the past must not change because of something done
later. So csm records, in the log, what decides schedules — every item's
cadence, due rule, rrule, area, titles, `since` and enabled flag, and the
settings week_start, workdays, fiscal_year_start and timezone — as a
*revision* whenever it sees them differ from the latest one, effective from
that local date. Every date is then judged by the rules in force on it:

- The rules in force on a day are those of the latest revision effective on
  or before it (before the first revision, the first one's).
- A period is judged by the rules in force at its end (or at the as-of day,
  for a period still running then): its due date, whether it was expected,
  its title.
- Period bounds (cadence, rrule, week_start, fiscal_year_start) that change
  never reshape a period that has ended: the period in progress on the day
  of the change ends the day before the first boundary of the new rules, and
  the new rules hold from there. Periods still tile the calendar.
- An item is tracked from the later of the log's tracking start, the day csm
  first saw it enabled (an item of the first revision: the tracking start)
  and its `since:`. Its first expected period is the one containing that day
  if the period's due date is on or after it, else the next one. Switched off
  and on again, it is tracked again from the day it came back.

Everything here is pure: the log's rows and dates come in as arguments.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple or TypedDict field at each start of `csm today`.

import json
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from csm_checklist.dates.schedule import (
    WEEKDAY_NAMES,
    DueRule,
    FirstWorkday,
    LastWorkday,
    OnDayOfMonth,
    OnMonthDay,
    OnWeekday,
    Period,
    Recurrence,
    WorkCalendar,
    due_date,
    format_workdays,
    is_expected,
    parse_workdays,
    period_containing,
)
from csm_checklist.duties.catalog import Text

if TYPE_CHECKING:
    from csm_checklist.duties.catalog import Item
    from csm_checklist.store.records import Event, RevisionRecord, StartRecord

WEEK_START_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class ItemRule(NamedTuple):
    """One item as a revision records it: what decides its schedule and its
    titles. Views take `id`, `title`, `area` and `cadence` from it as from
    a catalog item."""

    id: str
    title: Text
    area: str
    recurrence: Recurrence
    enabled: bool = True
    since: date | None = None
    assign: str | None = None  # the checklist's `assign:` (see rules/owners.py)
    rotate: tuple[str, ...] = ()  # the checklist's `rotate:`

    @property
    def cadence(self) -> str:
        return self.recurrence.cadence


class Revision(NamedTuple):
    """The rules csm saw in force from `effective` on."""

    uuid: str
    effective: date
    recorded_at: datetime
    calendar: WorkCalendar
    timezone: str
    items: dict[str, ItemRule]  # every item csm knew, enabled or not, in catalog order
    text: str  # the canonical JSON the log holds


# The canonical form ------------------------------------------------------------


def _due_json(rule: DueRule | None) -> Any:
    if rule is None:
        return None
    if isinstance(rule, OnWeekday):
        return {"weekday": WEEKDAY_NAMES[rule.weekday]}
    if isinstance(rule, OnDayOfMonth):
        return {"day": rule.day}
    if isinstance(rule, FirstWorkday):
        return "first-workday"
    if isinstance(rule, LastWorkday):
        return "last-workday"
    return {"month": rule.month, "day": rule.day}


def _due_rule(value: Any) -> DueRule | None:
    if value is None:
        return None
    if value == "first-workday":
        return FirstWorkday()
    if value == "last-workday":
        return LastWorkday()
    if "weekday" in value:
        return OnWeekday(WEEKDAY_NAMES.index(value["weekday"]))
    if "month" in value:
        return OnMonthDay(int(value["month"]), int(value["day"]))
    return OnDayOfMonth(int(value["day"]))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _item_json(item: "Item | ItemRule") -> dict[str, Any]:
    rec = item.recurrence
    document: dict[str, Any] = {
        "id": item.id,
        "title": {"en": item.title.en, "ar": item.title.ar},
        "area": item.area,
        "cadence": rec.cadence,
        "due": _due_json(rec.due),
        "rrule": rec.rrule,
        "start": _iso(rec.start),
        "since": _iso(item.since),
        "enabled": item.enabled,
    }
    # Only when set: a checklist without owners keeps the very text (and so
    # the revisions) it had before owners existed.
    if item.assign:
        document["assign"] = item.assign
    if item.rotate:
        document["rotate"] = list(item.rotate)
    return document


def rules_text(items: "Iterable[Item | ItemRule]", calendar: WorkCalendar, timezone: str) -> str:
    """The canonical JSON of the rules: what a revision stores and compares."""
    document = {
        "settings": {
            "week_start": WEEK_START_NAMES[calendar.week_start],
            "workdays": format_workdays(calendar.workdays, calendar.week_start),
            "fiscal_year_start": calendar.fiscal_year_start,
            "timezone": timezone,
        },
        "items": [_item_json(item) for item in items],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _same_rules(first: str, second: str) -> bool:
    """Whether two canonical texts hold the same rules, whatever the items' order."""
    if first == second:
        return True
    a, b = json.loads(first), json.loads(second)
    return bool(a["settings"] == b["settings"] and _by_id(a) == _by_id(b))


def _by_id(document: dict[str, Any]) -> dict[str, Any]:
    return {item["id"]: item for item in document["items"]}


def _optional_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def parse_rules(text: str) -> tuple[WorkCalendar, str, dict[str, ItemRule]]:
    """The calendar, time zone and items of a canonical rules text.

    Raises ValueError (or KeyError/TypeError) when the text is not one csm wrote.
    """
    document = json.loads(text)
    settings = document["settings"]
    calendar = WorkCalendar(
        week_start=WEEK_START_NAMES.index(settings["week_start"]),
        workdays=parse_workdays(settings["workdays"]),
        fiscal_year_start=int(settings["fiscal_year_start"]),
    )
    items: dict[str, ItemRule] = {}
    for raw in document["items"]:
        rec = Recurrence(
            raw["cadence"], _due_rule(raw["due"]), raw["rrule"], _optional_day(raw["start"])
        )
        items[raw["id"]] = ItemRule(
            raw["id"],
            Text(raw["title"]["en"], raw["title"]["ar"]),
            raw["area"],
            rec,
            bool(raw["enabled"]),
            _optional_day(raw["since"]),
            str(raw["assign"]) if raw.get("assign") else None,
            tuple(str(name) for name in raw.get("rotate") or ()),
        )
    return calendar, str(settings.get("timezone", "")), items


def revision_from_record(record: "RevisionRecord") -> Revision:
    from csm_checklist.store.records import ROW_ERRORS, bad_row

    try:
        calendar, timezone, items = parse_rules(record.rules)
    except (*ROW_ERRORS, RecursionError) as exc:
        raise bad_row("revisions", record.uuid, exc) from None
    return Revision(
        record.uuid, record.effective, record.recorded_at, calendar, timezone, items, record.rules
    )


# The history -------------------------------------------------------------------


class History:
    """The tracking start and the revisions of one log: the rules in force on
    any date. Built from the log's records; `until(day)` gives the history as
    it stood on `day`, which is what a judgement as of `day` uses."""

    def __init__(
        self, start: date, revisions: Sequence[Revision], days_off: frozenset[date] = frozenset()
    ) -> None:
        if not revisions:
            raise ValueError("a history needs at least one revision")
        if days_off:
            # Days off are facts about dates, not rules that change: every
            # revision's calendar holds all of them, past days included.
            revisions = [
                r._replace(calendar=r.calendar._replace(days_off=days_off)) for r in revisions
            ]
        self.days_off = days_off
        ordered = sorted(revisions, key=lambda r: (r.effective, r.recorded_at))
        # Several revisions on one day: the last one recorded holds for the day.
        latest: dict[date, Revision] = {}
        for revision in ordered:
            latest[revision.effective] = revision
        self.start = start
        self.revisions: list[Revision] = list(latest.values())
        self.recorded: list[Revision] = ordered  # every revision, for `csm history`
        self._effective = [r.effective for r in self.revisions]
        self._timelines: dict[str, Timeline] = {}

    @classmethod
    def from_records(
        cls,
        starts: "Sequence[StartRecord]",
        revisions: "Sequence[RevisionRecord]",
        fallback: date,
        days_off: frozenset[date] = frozenset(),
    ) -> "History":
        start = starts[-1].start if starts else fallback
        return cls(start, [revision_from_record(r) for r in revisions], days_off)

    def _index(self, day: date) -> int:
        return max(bisect_right(self._effective, day) - 1, 0)

    def revision_on(self, day: date) -> Revision:
        """The revision in force on `day` (the first one for days before it)."""
        return self.revisions[self._index(day)]

    def calendar_on(self, day: date) -> WorkCalendar:
        return self.revision_on(day).calendar

    @property
    def current(self) -> Revision:
        return self.revisions[-1]

    def until(self, day: date) -> "History":
        """The history as it stood on `day`: revisions recorded later are left out."""
        if self.revisions[-1].effective <= day:
            return self
        kept = [r for r in self.recorded if r.effective <= day] or self.revisions[:1]
        return History(self.start, kept, self.days_off)

    def with_start(self, start: date) -> "History":
        return History(start, self.recorded, self.days_off)

    def item_ids(self) -> list[str]:
        """Every item any revision knew: the current catalog order first, then
        items since removed, newest removal first."""
        ids: dict[str, None] = {}
        for revision in reversed(self.revisions):
            for item_id in revision.items:
                ids.setdefault(item_id, None)
        return list(ids)

    def title_in_force(self, item_id: str, day: date, lang: str) -> str | None:
        """The item's title in `lang` under the rules in force on `day` (the
        last known while it was absent, else the first known after); None for
        an item no revision knew."""
        index = self._index(day)
        for revision in (*reversed(self.revisions[: index + 1]), *self.revisions[index + 1 :]):
            rule = revision.items.get(item_id)
            if rule is not None:
                return rule.title.get(lang)
        return None

    def shown(self, events: Iterable["Event"], lang: str, today: date) -> list["Event"]:
        """`events` with the titles a view shows: the configured language's,
        from the rules that judge each event's period (its end, or `today`
        for a period still running). The logged title, kept for the audit
        trail, stays for an item no revision knew."""
        shown = []
        for event in events:
            day = min(event.period_end, today)
            title = self.title_in_force(event.item_id, day, lang)
            shown.append(event if title is None else event._replace(title=title))
        return shown

    def enabled_on(self, day: date) -> list[ItemRule]:
        """The items switched on in the rules in force on `day`, in catalog order."""
        return [item for item in self.revision_on(day).items.values() if item.enabled]

    def timeline(self, item_id: str) -> "Timeline":
        found = self._timelines.get(item_id)
        if found is None:
            found = self._timelines[item_id] = Timeline(self, item_id)
        return found

    def window_timeline(self, cadence: str) -> "Timeline":
        """The windows of a report or `due --period` of `cadence` (week, month,
        quarter, year), which follow the settings' revisions like any item."""
        key = f"\0window:{cadence}"
        found = self._timelines.get(key)
        if found is None:
            rule = ItemRule(key, Text(cadence, cadence), "", Recurrence(cadence))  # type: ignore[arg-type]
            found = self._timelines[key] = Timeline(self, key, fixed=rule)
        return found


class _Bounds(NamedTuple):
    """From `effective` on, periods are cut by this recurrence and calendar."""

    effective: date
    recurrence: Recurrence
    calendar: WorkCalendar


def _bounds_key(rec: Recurrence, cal: WorkCalendar) -> tuple[object, ...]:
    """What decides where an item's periods begin and end."""
    if rec.cadence == "weekly":
        return (rec.cadence, cal.week_start)
    if rec.cadence in ("quarterly", "annual"):
        return (rec.cadence, cal.fiscal_year_start)
    return (rec.cadence, rec.rrule, rec.start)


class Timeline:
    """One item through every revision: its periods, rules and tracking."""

    def __init__(self, history: History, item_id: str, fixed: ItemRule | None = None) -> None:
        self.history = history
        self.item_id = item_id
        self._rules: list[ItemRule | None] = [
            fixed if fixed is not None else r.items.get(item_id) for r in history.revisions
        ]
        known = next((rule for rule in self._rules if rule is not None), None)
        if known is None:
            raise KeyError(item_id)
        # Periods keep the last rule known while an item is absent, and the
        # first one known before it appeared.
        bounds: list[_Bounds] = []
        last = known
        for revision, rule in zip(history.revisions, self._rules, strict=True):
            last = rule or last
            if bounds and _bounds_key(last.recurrence, revision.calendar) == _bounds_key(
                bounds[-1].recurrence, bounds[-1].calendar
            ):
                continue
            effective = revision.effective if bounds else date.min
            bounds.append(_Bounds(effective, last.recurrence, revision.calendar))
        self._bounds = bounds
        self._transitions: dict[int, tuple[date | None, date]] = {}
        self._known = [self._last_known(i) for i in range(len(self._rules))]

    def _last_known(self, index: int) -> ItemRule:
        for rule in reversed(self._rules[: index + 1]):
            if rule is not None:
                return rule
        return next(rule for rule in self._rules if rule is not None)

    # Periods -------------------------------------------------------------------

    def period_containing(self, day: date) -> Period | None:
        """The period containing `day` under the rules in force then (see the
        module docstring for periods whose bounds changed)."""
        return self._period(day, len(self._bounds) - 1)

    def _period(self, day: date, upto: int) -> Period | None:
        k = upto
        while k >= 1:
            old_start, boundary = self._transition(k)
            if day >= boundary:
                return self._plain(day, k)
            if old_start is not None and day >= old_start:
                return Period(old_start, boundary - timedelta(days=1))
            k -= 1
        return self._plain(day, 0)

    def _plain(self, day: date, k: int) -> Period | None:
        b = self._bounds[k]
        try:
            return period_containing(day, b.recurrence, b.calendar)
        except (ValueError, OverflowError):  # past the ends of the calendar
            return None

    def _transition(self, k: int) -> tuple[date | None, date]:
        """(start of the period cut short, first day of the new rules) at bounds change k."""
        found = self._transitions.get(k)
        if found is not None:
            return found
        change = self._bounds[k].effective
        old = self._period(change, k - 1)
        new = self._plain(change, k)
        if new is None:
            boundary = old.end + timedelta(days=1) if old is not None else change
        else:
            boundary = change if new.start == change else new.end + timedelta(days=1)
        old_start = old.start if old is not None and old.start < boundary else None
        found = self._transitions[k] = (old_start, boundary)
        return found

    def periods_overlapping(self, first: date, last: date) -> Iterator[Period]:
        """Every period that shares at least one day with first..last, in order."""
        day = first
        while day <= last:
            period = self.period_containing(day)
            if period is None:
                # An rrule that has not begun yet, or has run out: look for its
                # first period, or for the first day of rules changed later.
                begin = self.rule_at(day).recurrence.start
                ahead = [
                    b for k in range(1, len(self._bounds)) if (b := self._transition(k)[1]) > day
                ]
                if begin is not None and begin > day:
                    ahead.append(begin)
                if not ahead:
                    return
                day = min(ahead)
                continue
            yield period
            day = period.end + timedelta(days=1)

    # Rules -----------------------------------------------------------------------

    def rule_at(self, day: date) -> ItemRule:
        """The item's rule in force on `day` (the last one known while absent)."""
        return self._known[self.history._index(day)]

    def tracked_from(self, day: date) -> date | None:
        """The day the item's tracking began, for the stretch of time that
        holds `day`; None when it is not tracked on `day`."""
        index = self.history._index(day)
        rule = self._rules[index]
        if rule is None or not rule.enabled:
            return None
        first = index
        while first > 0 and (earlier := self._rules[first - 1]) is not None and earlier.enabled:
            first -= 1
        seen = date.min if first == 0 else self.history.revisions[first].effective
        return max(self.history.start, seen, rule.since or date.min)

    def judge_day(self, period: Period, as_of: date) -> date:
        """The day whose rules judge `period` as of `as_of`: its end, or the
        as-of day for a period still running then."""
        return min(period.end, as_of)

    def due(self, period: Period, as_of: date) -> date:
        """The due date of `period` under the rules that judge it."""
        day = self.judge_day(period, as_of)
        rule = self.rule_at(day)
        return due_date(period, rule.recurrence, self.history.calendar_on(day))

    def before_tracking(self, period: Period, as_of: date) -> bool:
        """Whether `period` falls before the item was tracked (or while it was
        switched off): an entry logged there counts for nothing."""
        day = self.judge_day(period, as_of)
        start = self.tracked_from(day)
        return start is None or self.due(period, as_of) < start

    def expected(self, period: Period, as_of: date, due: date | None = None) -> bool:
        """Whether the item was expected in `period`: switched on under the
        rules that judge it, due on or after the day its tracking began, and
        (for daily items) on a workday. `due`, when the caller has it, saves
        working it out again."""
        day = self.judge_day(period, as_of)
        start = self.tracked_from(day)
        if start is None:
            return False
        rule = self.rule_at(day)
        cal = self.history.calendar_on(day)
        if (due if due is not None else due_date(period, rule.recurrence, cal)) < start:
            return False
        return is_expected(period, rule.recurrence, cal)


# What changed ----------------------------------------------------------------------


class Change(NamedTuple):
    """One difference between two revisions, for `csm history` and `csm show`.

    what: 'setting' (key: the setting), 'added', 'removed' or 'changed' (key:
    the item id; field: which of its rules changed). before/after are the
    values as text, '' where there is none.
    """

    what: str
    key: str
    field: str = ""
    before: str = ""
    after: str = ""


_ITEM_FIELDS = (
    "enabled",
    "cadence",
    "due",
    "rrule",
    "start",
    "since",
    "area",
    "title",
    "assign",
    "rotate",
)


def _field_text(item: dict[str, Any], name: str) -> str:
    value = item.get(name)
    if value is None:
        return ""
    if name == "title":
        return f"{value['en']} / {value['ar']}"
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def changes(before: Revision | None, after: Revision) -> list[Change]:
    """What `after` changed from `before` (everything, for the first revision)."""
    new = json.loads(after.text)
    if before is None:
        found = [
            Change("setting", key, "", "", str(value)) for key, value in new["settings"].items()
        ]
        return found + [Change("added", item["id"]) for item in new["items"]]
    old = json.loads(before.text)
    found = [
        Change("setting", key, "", str(old["settings"].get(key, "")), str(value))
        for key, value in new["settings"].items()
        if old["settings"].get(key) != value
    ]
    old_items, new_items = _by_id(old), _by_id(new)
    for item_id, item in new_items.items():
        earlier = old_items.get(item_id)
        if earlier is None:
            found.append(Change("added", item_id))
            continue
        for name in _ITEM_FIELDS:
            if earlier.get(name) != item.get(name):
                found.append(
                    Change(
                        "changed",
                        item_id,
                        name,
                        _field_text(earlier, name),
                        _field_text(item, name),
                    )
                )
    found += [Change("removed", item_id) for item_id in old_items if item_id not in new_items]
    return found


def revision_changes(history: History) -> list[tuple[Revision, list[Change]]]:
    """Every recorded revision with what it changed from the one before."""
    result: list[tuple[Revision, list[Change]]] = []
    before: Revision | None = None
    for revision in history.recorded:
        result.append((revision, changes(before, revision)))
        before = revision
    return result


# Recording what csm sees ---------------------------------------------------------


class Observed(NamedTuple):
    """The rules in force now, as csm sees them in the checklists and settings."""

    text: str
    calendar: WorkCalendar
    timezone: str
    items: dict[str, ItemRule]


def observe(items: "Iterable[Item]", calendar: WorkCalendar, timezone: str) -> Observed:
    """The rules the catalog and settings hold now."""
    rules = {
        item.id: ItemRule(
            item.id,
            item.title,
            item.area,
            item.recurrence,
            item.enabled,
            item.since,
            item.assign,
            item.rotate,
        )
        for item in items
    }
    return Observed(rules_text(rules.values(), calendar, timezone), calendar, timezone, rules)


def changed(observed: Observed, latest: "RevisionRecord | None") -> bool:
    """Whether the rules seen now differ from the latest revision recorded."""
    if latest is None:
        return True
    from csm_checklist.store.records import ROW_ERRORS, bad_row

    try:
        return not _same_rules(observed.text, latest.rules)
    except (*ROW_ERRORS, RecursionError) as exc:
        raise bad_row("revisions", latest.uuid, exc) from None


__all__ = [
    "Change",
    "History",
    "ItemRule",
    "Observed",
    "Revision",
    "Timeline",
    "changed",
    "changes",
    "observe",
    "parse_rules",
    "revision_changes",
    "rules_text",
]
