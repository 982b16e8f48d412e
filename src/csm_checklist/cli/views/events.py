"""Views of logged events: what done, skip and undo say, and `csm log`.

Sentences are plain text in every case. The log is aligned plain text for
pipes and files and a rich table for a person at a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from csm_checklist.cli.views.labels import counted, label
from csm_checklist.messages import Msg, current

if TYPE_CHECKING:
    from csm_checklist.rules.agenda import Progress
    from csm_checklist.rules.work import ImportResult, UndoTarget
    from csm_checklist.store.records import Event, NoteChange


def period_words(cadence: str, start: date, end: date, lang: str = "en") -> str:
    """'week of 2026-11-23 to 2026-11-29'; a single day is just its date."""
    if start == end:
        return start.isoformat()
    key = f"period_{cadence}" if cadence in ("weekly", "monthly", "quarterly", "annual") else ""
    return label(key or "period_other", lang).format(start=start.isoformat(), end=end.isoformat())


def _period_message(cadence: str, start: date, end: date) -> str:
    """`period_words` as a message, to be said in the reader's language."""
    if start == end:
        return start.isoformat()
    key = f"period_{cadence}" if cadence in ("weekly", "monthly", "quarterly", "annual") else ""
    return Msg(f"views.{key or 'period_other'}", start=start.isoformat(), end=end.isoformat())


def event_period(event: Event, lang: str = "en") -> str:
    return period_words(event.cadence, event.period_start, event.period_end, lang)


def _named(event: Event) -> str:
    return f"{event.title} ({event.item_id})"


def logged_line(event: Event, lang: str = "en") -> str:
    """What done and skip say for an event they wrote."""
    return label(f"logged_{event.kind}", lang).format(
        named=_named(event), period=event_period(event, lang)
    )


def already_line(event: Event, existing: Event, lang: str = "en") -> str:
    """What done and skip say when the period was already settled."""
    period = event_period(event, lang)
    day = existing.for_date.isoformat()
    # The day it was logged for, unless the period is that day and says it.
    on = "" if period == day else label("already_on", lang).format(day=day)
    return label(f"already_{existing.kind}", lang).format(
        named=_named(event), period=period, on=on, by=existing.by
    )


def progress_line(cadence: str, progress: Progress, lang: str = "en", period: str = "") -> str:
    """'weekly: 2 of 4 done, 1 skipped': a cadence's period after logging;
    with `period` (when it is not today's), which one: 'daily, 2026-03-27:
    4 of 4 done'."""
    key = "progress_line_for" if period else "progress_line"
    text = label(key, lang).format(
        cadence=label(cadence, lang), period=period, done=progress.done, total=progress.total
    )
    if progress.skipped:
        text += label("progress_skipped", lang).format(skipped=progress.skipped)
    return text


def nothing_expected_line(event: Event, day: date, day_off: str | None, lang: str = "en") -> str:
    """'daily: nothing was expected on 2026-03-22 (day off: Eid al-Fitr);
    kept as extra, not counted.': what done and skip say instead of the
    progress when no item of the cadence was expected then."""
    cadence = label(event.cadence, lang)
    if event.cadence != "daily":
        return label("nothing_expected_period", lang).format(
            cadence=cadence, period=event_period(event, lang)
        )
    if day_off is not None:
        why = f"{label('day_off', lang)}: {day_off}" if day_off else label("day_off", lang)
    else:
        why = label("not_workday", lang)
    return label("nothing_expected_day", lang).format(cadence=cadence, day=day.isoformat(), why=why)


def moment_text(moment: datetime) -> str:
    """'2026-11-24 09:30+03:00': minutes are enough for a person."""
    return moment.isoformat(sep=" ", timespec="minutes")


def import_lines(result: ImportResult, dry_run: bool, lang: str = "en") -> list[str]:
    """What `csm import` says: the counts, then what the tracking start means."""
    lines = [
        label("import_counts", lang).format(
            added=counted("import_would_add" if dry_run else "import_added", result.added, lang),
            present=counted("import_present", result.present, lang),
        )
    ]
    if result.adopted:
        why = label(f"import_why_{result.adopted}", lang)
        key = "import_would_adopt" if dry_run else "import_adopted"
        lines.append(label(key, lang).format(start=result.start.isoformat(), why=why))
    if result.before_start:
        count = result.before_start
        lines.append(counted("import_before_start", count, lang, start=result.start.isoformat()))
    runs, steps, measures, notes = result.extra
    if runs or steps or measures:
        key = "import_would_extra" if dry_run else "import_extra"
        lines.append(label(key, lang).format(runs=runs, steps=steps, measures=measures))
    if notes:
        key = "import_would_notes" if dry_run else "import_notes"
        lines.append(counted(key, notes, lang))
    if result.rules_kept:
        lines.append(label("import_rules_kept", lang))
    return lines


def undo_scope(target: UndoTarget, day: date | None) -> str:
    """' for team-meeting in the week of ...': what an undo looked for (a
    message, to be said in the reader's language)."""
    where: str = ""
    if target.item_id is not None:
        where = Msg("views.undo_scope.item", item=target.item_id)
    if target.period is not None:
        words = _period_message(target.cadence or "", *target.period)
        if target.period[0] == target.period[1]:
            return Msg("views.undo_scope.on", scope=where, day=words)
        return Msg("views.undo_scope.in", scope=where, period=words)
    if day is not None:
        if where:
            return Msg("views.undo_scope.on", scope=where, day=day.isoformat())
        return Msg("views.undo_scope.day", day=day.isoformat())
    return where


def undone_line(event: Event, lang: str = "en") -> str:
    """What undo says about the event it marked."""
    return label(f"undone_{event.kind}", lang).format(
        named=_named(event),
        period=event_period(event, lang),
        moment=moment_text(event.logged_at),
        by=event.by,
    )


def short_id(uuid: str) -> str:
    """The start of a uuid `csm log` shows and `csm note` takes."""
    return uuid[:8]


def note_line(event: Event, change: NoteChange | None) -> str:
    """What `csm note` says (a message, said in the reader's language)."""
    period = _period_message(event.cadence, event.period_start, event.period_end)
    what = Msg(f"views.note.what_{event.kind}", named=_named(event), period=period)
    if change is None:
        return Msg("views.note.unchanged", what=what, note=event.note)
    return Msg("views.note.changed", what=what, new=change.new_note, old=change.old_note)


# `csm log` -------------------------------------------------------------------

HEADERS = ("for", "kind", "item", "title", "by", "logged_by", "logged", "id", "note")


def _headers() -> tuple[str, ...]:
    """`HEADERS` as the reader reads them."""
    return tuple(label(f"log.{name}", current()) for name in HEADERS)


def shows_logged_by(events: Sequence[Event]) -> bool:
    """Whether the log needs its *logged by* column: when someone logged an
    entry for someone else (`--by`), or on the team's record, where the login
    that wrote an entry is not the name of who did it. A personal log whose
    entries were each logged by whoever did them shows *by* alone."""
    return any(event.logged_for_another for event in events)


def _without_logged_by(row: Sequence[str]) -> tuple[str, ...]:
    at = HEADERS.index("logged_by")
    return (*row[:at], *row[at + 1 :])


def _beside_by(names: tuple[str, ...], pair: tuple[str, str]) -> tuple[str, ...]:
    """`names` with "by" replaced by `pair` (by and logged by, in that order)."""
    return tuple(part for name in names for part in (pair if name == "by" else (name,)))


def _one_line(text: str) -> str:
    # A note may hold line breaks; one event stays on one line.
    return " / ".join(part for part in text.splitlines() if part.strip())


def log_rows(
    events: Sequence[Event], changes: dict[str, list[NoteChange]] | None = None
) -> list[tuple[Event, str, tuple[str, ...]]]:
    """The cells of each event, in `HEADERS` order, with its event and its
    style ('' plain, 'undone', 'note'); with `changes`, each event's note
    corrections follow it, oldest first, as rows styled 'note'."""
    rows: list[tuple[Event, str, tuple[str, ...]]] = []
    lang = current()
    none = label("none", lang)
    for event in events:
        kind = label(f"log.kind_{event.kind}", lang)
        if not event.active:
            kind = label("log.undone", lang).format(kind=kind)
        cells = (
            event.for_date.isoformat(),
            kind,
            event.item_id,
            _one_line(event.title),
            event.by,
            event.logged_by,
            moment_text(event.logged_at),
            short_id(event.uuid),
            _one_line(event.note),
        )
        rows.append((event, "" if event.active else "undone", cells))
        for change in (changes or {}).get(event.uuid, []):
            was = _one_line(change.old_note) or none
            note = label("log.note_change", lang).format(
                new=_one_line(change.new_note) or none, was=was
            )
            rows.append(
                (
                    event,
                    "note",
                    (
                        event.for_date.isoformat(),
                        label("log.kind_note", lang),
                        event.item_id,
                        _one_line(event.title),
                        change.by,
                        "",
                        moment_text(change.changed_at),
                        short_id(event.uuid),
                        note,
                    ),
                )
            )
    return rows


def more_line(more: int) -> str:
    """What `csm log` says under a list cut short by its limit."""
    return Msg("views.log.more", count=more)


def plain_log(events: Sequence[Event], changes: dict[str, list[NoteChange]] | None = None) -> str:
    """Aligned columns under a header line: easy to read, grep and cut."""
    if not events:
        return label("log.none", current()) + "\n"
    from csm_checklist.cli.views.common import align_columns

    rows = [_headers(), *(cells for _, _, cells in log_rows(events, changes))]
    if not shows_logged_by(events):
        rows = [_without_logged_by(row) for row in rows]
    return "\n".join(align_columns(rows)) + "\n"


def show_log(events: Sequence[Event], changes: dict[str, list[NoteChange]] | None = None) -> None:
    """The events for a terminal, one line each whatever its width; undone
    events are dimmed.

    Days, kinds, item ids and entry ids stay whole; the note, then the title,
    then the name give way with an ellipsis; on a narrow terminal the time
    logged, then the title, then the name are left out.
    """
    from rich.text import Text

    from csm_checklist.cli.views.bidi import has_rtl
    from csm_checklist.cli.views.common import (
        cell_len,
        fit_widths,
        styled_columns,
        terminal_console,
    )

    console = terminal_console()
    if not events:
        console.print(label("log.none", current()))
        return
    logged = log_rows(events, changes)
    heads = _headers()
    # A header line that starts with Arabic would be laid out right to left
    # by a terminal that detects each line's direction (and VTE drops a mark
    # written at column 0): an Arabic table is indented, like the others.
    indent = "  " if has_rtl(heads[0]) else ""
    room = console.width - len(indent)
    layouts: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
        (("for", "kind", "item", "title", "by", "logged", "id", "note"), ("note", "title", "by")),
        (("for", "kind", "item", "title", "by", "id", "note"), ("note", "title", "by")),
        (("for", "kind", "item", "by", "id", "note"), ("note", "by")),
        (("for", "kind", "item", "id", "note"), ("note",)),
    ]
    if shows_logged_by(events):
        # Logged by goes beside by, gives way before it, and is left out with it.
        layouts = [
            (_beside_by(names, ("by", "logged_by")), _beside_by(shrink, ("logged_by", "by")))
            for names, shrink in layouts
        ]
    for names, shrink in layouts:
        keep = [HEADERS.index(name) for name in names]
        table = [[heads[i] for i in keep]] + [[row[i] for i in keep] for _, _, row in logged]
        widths = [max(cell_len(r[c]) for r in table) for c in range(len(keep))]
        order = [names.index(name) for name in shrink]
        if fit_widths(widths, room, order) is not None:
            break
    styles = []
    for event, row_style, _ in logged:
        if row_style == "note":
            styles.append("cyan")
        elif row_style == "undone":
            styles.append("dim strike")
        else:
            styles.append("" if event.kind == "done" else "yellow")
    rows = [[(heads[i], "bold") for i in keep]]
    rows += [
        [(row[i], style) for i in keep] for (_, _, row), style in zip(logged, styles, strict=True)
    ]
    lines = styled_columns(rows, indent=indent, width=console.width, shrink=order)
    console.print(Text("\n").join(lines))
