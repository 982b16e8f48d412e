"""Views of the history: `csm history` (the revisions, in words) and
`csm show ITEM` (one item, its rules and its record)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from csm_checklist.cli.views.labels import counted, label
from csm_checklist.duties.wording import cadence_text, due_text

if TYPE_CHECKING:
    from csm_checklist.duties.catalog import Area, Item
    from csm_checklist.rules.agenda import Entry
    from csm_checklist.rules.history import Change, History, Revision
    from csm_checklist.rules.work import StartMove
    from csm_checklist.store.assignment_records import AssignmentRecord
    from csm_checklist.store.records import Event, StartRecord


def change_text(change: Change, lang: str) -> str:
    """One change in words: 'week_start: monday → sunday', 'added team-call'."""
    if change.what == "setting":
        before = change.before or label("none", lang)
        after = change.after or label("none", lang)
        if not change.before and change.what == "setting":
            return f"{change.key}: {after}"
        return f"{change.key}: {before} → {after}"
    if change.what == "added":
        return f"{label('added', lang)} {change.key}"
    if change.what == "removed":
        return f"{label('removed', lang)} {change.key}"
    if change.field == "enabled":
        return f"{change.key} {label('switched_' + change.after, lang)}"
    before = _value_text(change.field, change.before, lang) or label("none", lang)
    after = _value_text(change.field, change.after, lang) or label("none", lang)
    field = label(f"field_{change.field}", lang) if change.field in _FIELDS else change.field
    if change.field in ("assign", "rotate"):
        from csm_checklist.messages import t

        field = t(f"owners.field_{change.field}", lang)
    return f"{change.key}: {field} {before} → {after}"


_FIELDS = ("cadence", "due", "rrule", "start", "since", "area", "title")


def _value_text(field: str, value: str, lang: str) -> str:
    """A rule's value as the history keeps it ('weekday: thu', 'weekly'), in
    the reader's words: 'Thursday' / 'الخميس'. Dates, ids and custom rules
    stay as they are."""
    from csm_checklist.dates.schedule import WEEKDAY_NAMES
    from csm_checklist.duties.wording import month_text, weekday_text

    if field == "cadence" and value:
        return cadence_text(value, lang)
    if field != "due" or not value:
        return value
    if value in ("first-workday", "last-workday"):
        return label("due_first_workday" if value == "first-workday" else "due_last_workday", lang)
    parts = dict(part.split(": ", 1) for part in value.split(", ") if ": " in part)
    if parts.keys() == {"weekday"} and parts["weekday"] in WEEKDAY_NAMES:
        return weekday_text(WEEKDAY_NAMES.index(parts["weekday"]), lang)
    if parts.keys() == {"day"}:
        return label("due_day", lang).format(day=parts["day"])
    if parts.keys() == {"month", "day"} and parts["month"].isdigit():
        month = int(parts["month"])
        name = month_text(month, lang) if 1 <= month <= 12 else parts["month"]
        return label("due_month_day", lang).format(day=parts["day"], month=name, number=month)
    return value


def _change_json(change: Change) -> dict[str, str]:
    doc = {"what": change.what, "key": change.key}
    if change.field:
        doc["field"] = change.field
    if change.what in ("setting", "changed"):
        doc["before"] = change.before
        doc["after"] = change.after
    return doc


def history_json(
    history: History,
    revisions: Sequence[tuple[Revision, list[Change]]],
    starts: Sequence[StartRecord],
    assignments: Sequence[AssignmentRecord] = (),
) -> dict[str, Any]:
    doc = {
        "tracking_start": history.start.isoformat(),
        "starts": [
            {"start": s.start.isoformat(), "recorded_at": s.recorded_at.isoformat()} for s in starts
        ],
        "revisions": [
            {
                "effective": r.effective.isoformat(),
                "recorded_at": r.recorded_at.isoformat(),
                "changes": [_change_json(c) for c in found],
            }
            for r, found in revisions
        ],
    }
    if assignments:
        doc["assignments"] = [assignment_json(r) for r in assignments]
    return doc


def _summary(revision: Revision, found: list[Change], first: bool, lang: str) -> list[str]:
    if first:
        settings = label("list_sep", lang).join(
            change_text(c, lang) for c in found if c.what == "setting"
        )
        count = sum(1 for c in found if c.what == "added")
        return [label("first_revision", lang).format(count=count), settings]
    if not found:
        return [label("no_change", lang)]
    return [change_text(c, lang) for c in found]


def plain_history(
    history: History,
    revisions: Sequence[tuple[Revision, list[Change]]],
    starts: Sequence[StartRecord],
    lang: str,
    width: int | None = None,
    assignments: Sequence[AssignmentRecord] = (),
) -> str:
    """`csm history`; with `width`, laid out for a terminal that wide."""
    from csm_checklist.cli.views.common import cell_len, fit_line

    lines = [label("tracking_since", lang).format(day=history.start.isoformat())]
    for earlier, later in itertools.pairwise(starts):
        moved = {
            "moment": later.recorded_at.date().isoformat(),
            "before": earlier.start.isoformat(),
            "after": later.start.isoformat(),
        }
        line = "  " + label("start_moved", lang).format(**moved)
        if width is not None and cell_len(line) > width:
            # Three dates and no title: the sentence is said in fewer words.
            line = "  " + label("start_moved_short", lang).format(**moved)
        lines.append(line)
    lines += ["", label("revisions_heading", lang)]
    for index, (revision, found) in enumerate(revisions):
        texts = _summary(revision, found, index == 0, lang)
        lines.append(fit_line(f"  {revision.effective.isoformat()}  {texts[0]}", width))
        if width is not None and index == 0 and len(texts) > 1:
            texts = [texts[0], *_settings_lines(found, lang, width - cell_len(_UNDER))]
        lines += [fit_line(_UNDER + text, width) for text in texts[1:] if text]
    if assignments:
        from csm_checklist.messages import t

        lines += ["", t("owners.assignments_heading", lang)]
        for record in assignments:
            line = f"  {record.recorded_at.date().isoformat()}  {assignment_text(record, lang)}"
            lines.append(fit_line(line, width))
    return "\n".join(lines) + "\n"


_UNDER = " " * 14  # under the text after a revision's date


def _settings_lines(found: list[Change], lang: str, room: int) -> list[str]:
    """The settings of the first record, as many on a line as fit `room`."""
    texts = [change_text(c, lang) for c in found if c.what == "setting"]
    return packed(texts, label("list_sep", lang), room)


def packed(parts: Sequence[str], sep: str, room: int) -> list[str]:
    """`parts` joined by `sep`, as many on a line as fit `room` cells: a
    list of dates or settings goes on over lines rather than past the edge."""
    from csm_checklist.cli.views.common import cell_len

    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]}{sep}{part}" if lines else part
        if lines and cell_len(joined) <= room:
            lines[-1] = joined
        else:
            lines.append(part)
    return lines


def start_moved_text(move: StartMove, lang: str) -> str:
    """What `csm history start` says: the new start and what it changes."""
    if move.after == move.before:
        return label("start_kept", lang).format(after=move.after.isoformat())
    text = label("start_now", lang).format(
        after=move.after.isoformat(), before=move.before.isoformat()
    )
    difference = move.expected_after - move.expected_before
    if difference > 0:
        text += " " + counted("start_more", difference, lang)
    elif difference < 0:
        text += " " + counted("start_fewer", -difference, lang)
    else:
        text += " " + label("start_same", lang)
    return text


# `csm show` -----------------------------------------------------------------------


def _event_json(event: Event) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "for_date": event.for_date.isoformat(),
        "period_start": event.period_start.isoformat(),
        "period_end": event.period_end.isoformat(),
        "logged_at": event.logged_at.isoformat(),
        "by": event.by,
        "note": event.note,
        "title": event.title,
        "undone_at": event.undone_at.isoformat() if event.undone_at else None,
    }


class ShowData:
    """What `csm show ITEM` gathers, ready for either view."""

    def __init__(
        self,
        item: Item,
        area: Area | None,
        tracked_since: date | None,
        current: Entry | None,
        next_due: list[date],
        events: list[Event],
        revisions: list[tuple[Revision, list[Change]]],
        owners: ShowOwners | None = None,
    ) -> None:
        self.item = item
        self.area = area
        self.tracked_since = tracked_since
        self.current = current
        self.next_due = next_due
        self.events = events
        self.revisions = revisions
        self.owners = owners


class ShowOwners:
    """Who owns an item, for `csm show` (only when something was ever
    assigned): the current period's owner (None: the team's), the
    rotation in force, the owner of each next due date, and the item's
    `csm assign` changes."""

    def __init__(
        self,
        current: str | None,
        rotate: tuple[str, ...],
        next_owners: list[str | None],
        changes: list[AssignmentRecord],
    ) -> None:
        self.current = current
        self.rotate = rotate
        self.next_owners = next_owners
        self.changes = changes


def assignment_text(record: AssignmentRecord, lang: str) -> str:
    """A `csm assign` change in words, for `csm history` and `csm show`."""
    from csm_checklist.messages import t

    day = record.effective.isoformat()
    if not record.people:
        said = t("owners.assigned_nobody", lang, item=record.item_id, day=day)
    elif len(record.people) == 1:
        said = t(
            "owners.assigned_owner", lang, item=record.item_id, login=record.people[0], day=day
        )
    else:
        people = label("list_sep", lang).join(record.people)
        said = t("owners.assigned_rotation", lang, item=record.item_id, people=people, day=day)
    return t("owners.assigned_by", lang, said=said.rstrip("."), login=record.by)


def assignment_json(record: AssignmentRecord) -> dict[str, Any]:
    return {
        "item": record.item_id,
        "effective": record.effective.isoformat(),
        "people": list(record.people),
        "recorded_at": record.recorded_at.isoformat(),
        "by": record.by,
    }


def show_json(data: ShowData) -> dict[str, Any]:
    from csm_checklist.cli.views.measures import measure_json

    item = data.item
    current = data.current
    return {
        "id": item.id,
        "title": {"en": item.title.en, "ar": item.title.ar},
        "details": {"en": item.details.en, "ar": item.details.ar} if item.details else None,
        "area": {
            "id": item.area,
            "title": {"en": data.area.title.en, "ar": data.area.title.ar} if data.area else None,
        },
        "cadence": item.cadence,
        "rule": {"en": due_text(item.recurrence, "en"), "ar": due_text(item.recurrence, "ar")},
        "enabled": item.enabled,
        "tags": list(item.tags),
        "measures": [measure_json(m) for m in item.measures],
        "tracked_since": data.tracked_since.isoformat() if data.tracked_since else None,
        "current": None
        if current is None
        else {
            "period_start": current.period.start.isoformat(),
            "period_end": current.period.end.isoformat(),
            "due": current.due.isoformat(),
            "status": current.status,
        },
        "next_due": [d.isoformat() for d in data.next_due],
        "events": [_event_json(e) for e in data.events],
        "revisions": [
            {"effective": r.effective.isoformat(), "changes": [_change_json(c) for c in found]}
            for r, found in data.revisions
        ],
        **_owners_json(data.owners),
    }


def _owners_json(owners: ShowOwners | None) -> dict[str, Any]:
    if owners is None:
        return {}
    doc: dict[str, Any] = {"owner": owners.current}
    if owners.rotate:
        doc["rotate"] = list(owners.rotate)
    doc["next_owners"] = owners.next_owners
    doc["assignments"] = [assignment_json(r) for r in owners.changes]
    return doc


def plain_show(data: ShowData, lang: str, width: int | None = None) -> str:
    """`csm show ITEM`; with `width`, laid out for a terminal that wide."""
    from csm_checklist.cli.views.common import cell_len, fit_line, pad

    item = data.item
    other = "en" if lang == "ar" else "ar"
    lines = [fit_line(f"{item.id}  {item.title.get(lang)}", width)]
    if item.title.get(other) != item.title.get(lang):
        lines.append(fit_line(f"{' ' * cell_len(item.id)}  {item.title.get(other)}", width))
    if item.details is not None:
        lines.append(fit_line(f"  {item.details.get(lang)}", width))
    rows = _show_rows(data, lang)
    name_width = max(cell_len(name) for name, _, _ in rows)
    for name, parts, sep in rows:
        if width is None:
            lines.append(f"  {pad(name, name_width)}  {sep.join(parts)}")
            continue
        # Dates are never shortened: a value of several goes on over lines.
        room = width - name_width - 4
        values = [fit_line(value, room) for value in packed(parts, sep, room)]
        lines.append(f"  {pad(name, name_width)}  {values[0]}")
        lines += [f"  {' ' * name_width}  {value}" for value in values[1:]]
    lines += ["", label("last_events", lang)]
    if data.events:
        lines += [_event_line(e, lang, width) for e in data.events]
    else:
        lines.append("  " + label("no_events", lang))
    lines += ["", label("revisions_heading", lang)]
    for revision, found in data.revisions:
        for change in found:
            line = f"  {revision.effective.isoformat()}  {change_text(change, lang)}"
            lines.append(fit_line(line, width))
    if data.owners is not None and data.owners.changes:
        from csm_checklist.messages import t

        lines += ["", t("owners.assignments_heading", lang)]
        for record in data.owners.changes:
            line = f"  {record.recorded_at.date().isoformat()}  {assignment_text(record, lang)}"
            lines.append(fit_line(line, width))
    return "\n".join(lines) + "\n"


def _show_rows(data: ShowData, lang: str) -> list[tuple[str, list[str], str]]:
    """`csm show`'s named rows: each name, its value in parts, and what
    goes between them."""
    item = data.item
    sep = label("list_sep", lang)
    area = data.area.title.get(lang) if data.area else item.area
    rows = [
        (label("area", lang), [area], ""),
        (label("cadence", lang).lower(), [cadence_text(item.cadence, lang)], ""),
        (label("rule", lang), [due_text(item.recurrence, lang)], ""),
    ]
    if not item.enabled:
        rows.append((label("status", lang), [label("switched_off", lang)], ""))
    if item.tags:
        rows.append((label("tags", lang), list(item.tags), sep))
    if item.measures:
        from csm_checklist.cli.views.measures import measure_text

        taken = [measure_text(m, lang) for m in item.measures]
        rows.append((label("measures.row", lang), taken, " · "))
    tracked = data.tracked_since.isoformat() if data.tracked_since else label("not_tracked", lang)
    rows.append((label("tracked_since_short", lang), [tracked], ""))
    if data.current is not None:
        c = data.current
        span = c.period.start.isoformat()
        if c.period.end != c.period.start:
            span += f"..{c.period.end.isoformat()}"
        due = f"{label('due_on', lang)} {c.due.isoformat()}"
        rows.append((label("now", lang), [span, due, label(c.status, lang)], " · "))
    owners = data.owners
    if owners is not None:
        from csm_checklist.cli.views.agenda import owner_text
        from csm_checklist.messages import t

        rows.append((t("owners.owner_row", lang), [owner_text(owners.current, lang)], ""))
        if owners.rotate:
            rows.append((t("owners.rotation_row", lang), list(owners.rotate), sep))
    if data.next_due:
        dates = [d.isoformat() for d in data.next_due]
        if owners is not None:
            from csm_checklist.cli.views.agenda import owner_text

            dates = [
                f"{day} ({owner_text(who, lang)})"
                for day, who in zip(dates, owners.next_owners, strict=True)
            ]
        rows.append((label("next_due", lang), dates, sep))
    return rows


def _event_line(event: Event, lang: str, width: int | None) -> str:
    """One of the last entries; with `width`, its note shortened to fit."""
    from rich.text import Text

    from csm_checklist.cli.views.common import cell_len, fit_line, shorten

    state = label("done" if event.kind == "done" else "skipped", lang)
    head = f"  {event.for_date.isoformat()}  {state} {label('by', lang)} {event.by}"
    tail = f" ({label('undone', lang)})" if event.undone_at is not None else ""
    note = event.note or ""
    room = 0 if width is None else width - cell_len(head + tail) - len(' — ""')
    if width is not None and note and cell_len(note) > room:
        shortened = Text(note)
        shorten(shortened, max(room, 1))
        note = shortened.plain
    text = head + (f' — "{note}"' if note else "") + tail
    return fit_line(text, width)
