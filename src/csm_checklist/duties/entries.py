"""Giving the areas and items of the checklist files their meaning: an entry
as written (`Definition`, each key with the file and line it came from)
becomes an `Area` or an `Item`, with its schedule and due rule checked.

checklists.py reads the files and merges them; this module makes the entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from csm_checklist.dates.schedule import (
    MONTH_NAMES,
    RRULE,
    WEEKDAY_NAMES,
    Cadence,
    DueRule,
    FirstWorkday,
    LastWorkday,
    OnDayOfMonth,
    OnMonthDay,
    OnWeekday,
    Recurrence,
    check_rrule,
    parse_month,
    parse_weekday,
)
from csm_checklist.duties.catalog import ALL_CADENCES, Area, Item, Text
from csm_checklist.duties.yamlfields import ChecklistFileError, Problems, did_you_mean, fail, then
from csm_checklist.errors import ChecklistError, reason_of
from csm_checklist.messages import Msg

# The keys that together say when an item recurs: an override that changes
# the cadence replaces all of them rather than mixing old and new.
SCHEDULE_KEYS = ("cadence", "due", "rrule", "start")


class Dependent(Exception):
    """A check that cannot run because a key it needs was itself wrong; that
    key's problem is already reported, and a second one would only mislead."""


class FieldValue(NamedTuple):
    """A value from a file, with where it was written."""

    value: Any
    source: Path
    line: int


@dataclass
class Definition:
    """One area or item as written in one file, its keys already type-checked."""

    kind: str  # "area" or "item"
    id: str
    fields: dict[str, FieldValue]
    source: Path
    line: int
    bad: frozenset[str] = frozenset()  # keys written wrong, already reported


def entry_who(kind: str, entry_id: str) -> Msg:
    """ "item 'x'" or "area 'x'", naming the entry an error is about."""
    return Msg(f"errors.who_{kind}", id=entry_id)


def cadence_of(fields: dict[str, FieldValue]) -> str | None:
    if "cadence" in fields:
        return str(fields["cadence"].value)
    if "rrule" in fields:
        return RRULE
    return None


def make_text(entry: Definition, key: str) -> Text | None:
    held = entry.fields.get(key)
    if held is None or held.value is None:
        return None
    texts: dict[str, str] = held.value
    text = Text(texts.get("en", ""), texts.get("ar", ""))
    if not (text.en or text.ar):
        raise fail(
            held.source,
            held.line,
            entry_who(entry.kind, entry.id),
            Msg(f"errors.text_empty_{key}"),
            Msg("errors.text_empty_hint", key=key),
        )
    return text


def require(entry: Definition, key: str, example: str) -> FieldValue:
    if key in entry.fields and entry.fields[key].value is not None:
        return entry.fields[key]
    if entry.bad:
        # With a key written wrong (an unreadable title, say) csm cannot tell
        # a new entry from an override; its "no `area:`" would likely mislead.
        raise Dependent(key)
    raise fail(
        entry.source,
        entry.line,
        entry_who(entry.kind, entry.id),
        Msg("errors.no_key", key=key),
        Msg(f"errors.new_needs_key_{entry.kind}", example=example),
    )


def make_area(entry: Definition) -> Area:
    require(entry, "title", '{en: "Crisis management", ar: "إدارة الأزمات"}')
    title = make_text(entry, "title")
    assert title is not None
    return Area(entry.id, title, make_text(entry, "details"), entry.source, entry.line)


def make_item(entry: Definition, areas: dict[str, Area | None], problems: Problems) -> Item | None:
    """The item of a merged entry, or None with every problem of its title,
    area and schedule added to `problems` (each checked on its own, so one
    mistake does not hide the next)."""
    who = entry_who("item", entry.id)
    before = len(problems)

    def item_title() -> Text | None:
        require(entry, "title", '{en: "Team meeting", ar: "اجتماعات الفريق"}')
        return make_text(entry, "title")

    def item_area() -> str:
        area = require(entry, "area", "area: team-management")
        if area.value not in areas:
            raise fail(
                area.source,
                area.line,
                who,
                Msg("errors.unknown_area", area=area.value),
                then(
                    did_you_mean(area.value, areas),
                    Msg("errors.unknown_area_hint", areas=", ".join(areas)),
                ),
            )
        return str(area.value)

    def item_recurrence() -> Recurrence:
        if any(key in entry.bad for key in SCHEDULE_KEYS) or (
            entry.bad and cadence_of(entry.fields) is None
        ):
            raise Dependent("schedule")
        return make_recurrence(entry, who)

    title = checked(problems, entry, item_title)
    details = checked(problems, entry, make_text, entry, "details")
    area_id = checked(problems, entry, item_area)
    recurrence = checked(problems, entry, item_recurrence)
    if len(problems) > before or entry.bad or None in (title, area_id, recurrence):
        return None
    assign = entry.fields.get("assign")
    rotate = entry.fields.get("rotate")
    if assign is not None and assign.value and rotate is not None and rotate.value:
        problems.append(
            fail(
                rotate.source,
                rotate.line,
                who,
                Msg("owners.assign_and_rotate"),
                Msg("owners.assign_and_rotate_hint"),
            )
        )
        return None
    owned = assign if assign is not None and assign.value else rotate
    due = entry.fields.get("due")
    tags = entry.fields.get("tags")
    enabled = entry.fields.get("enabled")
    return Item(
        id=entry.id,
        title=title,
        details=details,
        area=area_id,
        recurrence=recurrence,
        tags=tags.value if tags is not None else (),
        enabled=enabled.value if enabled is not None else True,
        source=entry.source,
        line=entry.line,
        due_spec=due.value if due is not None else None,
        since=since.value if (since := entry.fields.get("since")) is not None else None,
        measures=measures.value if (measures := entry.fields.get("measures")) else (),
        assign=assign.value if assign is not None else None,
        rotate=rotate.value if rotate is not None and rotate.value else (),
        owner_line=owned.line if owned is not None and owned.value else 0,
    )


def make_recurrence(entry: Definition, who: str) -> Recurrence:
    fields = entry.fields
    cadence_text = cadence_of(fields)
    if cadence_text is None:
        raise fail(
            entry.source,
            entry.line,
            who,
            Msg("errors.no_key", key="cadence"),
            Msg("errors.no_cadence_hint", cadences=", ".join(ALL_CADENCES)),
        )
    cadence: Cadence = cadence_text  # type: ignore[assignment]
    rrule = fields.get("rrule")
    start = fields.get("start")
    due = fields.get("due")
    if cadence != RRULE:
        for held, key in ((rrule, "rrule"), (start, "start")):
            if held is not None and held.value is not None:
                raise fail(
                    held.source,
                    held.line,
                    who,
                    Msg("errors.rrule_key_only", key=key, cadence=cadence),
                    Msg("errors.rrule_key_only_hint"),
                )
        rule = None
        if due is not None and due.value is not None:
            rule = _due_rule(cadence, due, who)
        return Recurrence(cadence, rule)
    if rrule is None:
        cadence_at = fields["cadence"]
        raise fail(
            cadence_at.source,
            cadence_at.line,
            who,
            Msg("errors.rrule_missing"),
            Msg("errors.rrule_missing_hint"),
        )
    if due is not None and due.value is not None:
        raise fail(
            due.source,
            due.line,
            who,
            Msg("errors.rrule_no_due"),
            Msg("errors.rrule_no_due_hint"),
        )
    first = start.value if start is not None else None
    try:
        check_rrule(rrule.value, first)
    except ValueError as exc:
        raise fail(
            rrule.source,
            rrule.line,
            who,
            Msg("errors.rrule_unusable", rule=rrule.value, reason=reason_of(exc)),
            Msg("errors.rrule_unusable_hint"),
        ) from None
    return Recurrence(RRULE, None, rrule.value, first)


# Due rules ---------------------------------------------------------------------

# The forms of due rule each cadence takes, as its hint says them.
_DUE_FORMS = ("weekly", "monthly", "quarterly", "annual")


def _due_rule(cadence: str, due: FieldValue, who: str) -> DueRule:
    """Turn a written due rule into a schedule type, or explain the forms the
    cadence takes."""
    raw = due.value

    def bad(problem: str, guess: str = "") -> ChecklistError:
        hint = (
            Msg(f"errors.due_forms_{cadence}")
            if cadence in _DUE_FORMS
            else Msg("errors.due_forms_none", cadence=cadence)
        )
        return fail(due.source, due.line, who, problem, then(guess, hint))

    if cadence == "daily":
        raise bad(Msg("errors.daily_no_due"))
    if isinstance(raw, str):
        key = raw.strip().lower()
        if key == "first-workday":
            return FirstWorkday()
        if key == "last-workday":
            return LastWorkday()
    if cadence == "weekly":
        if isinstance(raw, str):
            try:
                return OnWeekday(parse_weekday(raw))
            except ValueError:
                guess = did_you_mean(raw.strip().lower(), (*WEEKDAY_NAMES, "last-workday"))
                raise bad(Msg("errors.not_a_weekday", raw=raw), guess) from None
        raise bad(Msg("errors.not_a_due_rule", raw=repr(raw), cadence=cadence))
    if cadence == "monthly":
        day = _as_int(raw)
        if day is None:
            raise bad(Msg("errors.not_a_due_rule", raw=repr(raw), cadence=cadence))
        return OnDayOfMonth(_check_day(day, 31, Msg("errors.due_day_monthly"), bad))
    if not isinstance(raw, dict):
        raise bad(Msg("errors.not_a_due_rule", raw=repr(raw), cadence=cadence))
    unknown = [key for key in raw if key not in ("month", "day")]
    if unknown:
        guess = did_you_mean(unknown[0], ("month", "day"))
        raise bad(Msg("errors.due_unknown_key", key=unknown[0]), guess)
    if "month" not in raw or "day" not in raw:
        raise bad(Msg("errors.due_needs_month_day"))
    if cadence == "quarterly":
        month = _as_int(raw["month"])
        if month is None or not 1 <= month <= 3:
            raise bad(Msg("errors.due_not_quarter_month", month=repr(raw["month"])))
        limit = 31
    else:
        try:
            month = parse_month(raw["month"])
        except ValueError as exc:
            raise bad(reason_of(exc)) from None
        limit = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    day = _as_int(raw["day"])
    if day is None:
        raise bad(Msg("errors.due_day_not_number", day=repr(raw["day"])))
    where = (
        Msg("errors.due_day_quarterly")
        if cadence == "quarterly"
        else Msg("errors.due_day_month", month=MONTH_NAMES[month - 1].capitalize())
    )
    return OnMonthDay(month, _check_day(day, limit, where, bad))


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    return None


def _check_day(day: int, limit: int, what: Msg, bad: Any) -> int:
    if 1 <= day <= limit or -limit <= day <= -1:
        return day
    raise bad(Msg("errors.due_day_missing", day=day, what=what, limit=limit))


def checked(problems: Problems, entry: Definition, make: Any, *args: Any) -> Any:
    """`make(*args)`, or None with its problem added to `problems`."""
    try:
        return make(*args)
    except ChecklistFileError as exc:
        problems.append(exc)
    except Dependent:
        pass
    return None
