"""Views of logged events: what done, skip and undo say, and `csm log`.

Sentences are plain text in every case. The log is aligned plain text for
pipes and files and a rich table for a person at a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from .labels import label

if TYPE_CHECKING:
    from ..agenda import Progress
    from ..log import Event, NoteChange
    from ..work import ImportResult, UndoTarget


def period_words(cadence: str, start: date, end: date, lang: str = "en") -> str:
    """'week of 2026-11-23 to 2026-11-29'; a single day is just its date."""
    if start == end:
        return start.isoformat()
    key = f"period_{cadence}" if cadence in ("weekly", "monthly", "quarterly", "annual") else ""
    return label(key or "period_other", lang).format(start=start.isoformat(), end=end.isoformat())


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
    return label(f"already_{existing.kind}", lang).format(
        named=_named(event),
        period=event_period(event, lang),
        day=existing.for_date.isoformat(),
        by=existing.by,
    )


def progress_line(cadence: str, progress: Progress, lang: str = "en") -> str:
    """'weekly: 2 of 4 done, 1 skipped': a cadence's period after logging."""
    text = label("progress_line", lang).format(
        cadence=label(cadence, lang), done=progress.done, total=progress.total
    )
    if progress.skipped:
        text += label("progress_skipped", lang).format(skipped=progress.skipped)
    return text


def moment_text(moment: datetime) -> str:
    """'2026-11-24 09:30+03:00': minutes are enough for a person."""
    return moment.isoformat(sep=" ", timespec="minutes")


def import_lines(result: ImportResult, dry_run: bool, lang: str = "en") -> list[str]:
    """What `csm import` says: the counts, then what the tracking start means."""
    ar = lang == "ar"
    verbs = ("سيُضاف", "أُضيف") if ar else ("Would add", "Added")
    verb = verbs[0] if dry_run else verbs[1]
    lines = [
        label("import_counts", lang).format(
            verb=verb,
            added=result.added,
            noun="event" if result.added == 1 else "events",
            present=result.present,
            were="was" if result.present == 1 else "were",
        )
    ]
    if result.adopted:
        why = label(f"import_why_{result.adopted}", lang)
        key = "import_would_adopt" if dry_run else "import_adopted"
        lines.append(label(key, lang).format(start=result.start.isoformat(), why=why))
    if result.before_start:
        count = result.before_start
        lines.append(
            label("import_before_start", lang).format(
                count=count,
                noun="event is" if count == 1 else "events are",
                start=result.start.isoformat(),
            )
        )
    if any(result.extra):
        runs, steps, measures = result.extra
        lines.append(
            label("import_extra", lang).format(verb=verb, runs=runs, steps=steps, measures=measures)
        )
    if result.rules_kept:
        lines.append(label("import_rules_kept", lang))
    return lines


def undo_scope(target: UndoTarget, day: date | None) -> str:
    """' for team-meeting in the week of ...': what an undo looked for."""
    where = f" for {target.item_id}" if target.item_id is not None else ""
    if target.period is not None:
        words = period_words(target.cadence or "", *target.period)
        return where + (
            f" on {words}" if target.period[0] == target.period[1] else f" in the {words}"
        )
    if day is not None:
        return where + (f" on {day.isoformat()}" if where else f" for {day.isoformat()}")
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
    """What `csm note` says."""
    what = f"{event.kind} of {_named(event)} for {event_period(event)}"
    if change is None:
        return f"Unchanged: the note of the {what} already reads {event.note!r}."
    return f"Note of the {what}: {change.new_note!r} (was {change.old_note!r})."


# `csm log` -------------------------------------------------------------------

HEADERS = ("for", "kind", "item", "title", "by", "logged", "id", "note")


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
    for event in events:
        kind = event.kind if event.active else f"{event.kind} (undone)"
        cells = (
            event.for_date.isoformat(),
            kind,
            event.item_id,
            _one_line(event.title),
            event.by,
            moment_text(event.logged_at),
            short_id(event.uuid),
            _one_line(event.note),
        )
        rows.append((event, "" if event.active else "undone", cells))
        for change in (changes or {}).get(event.uuid, []):
            was = _one_line(change.old_note) or "(none)"
            note = f"{_one_line(change.new_note) or '(none)'} (was: {was})"
            rows.append(
                (
                    event,
                    "note",
                    (
                        event.for_date.isoformat(),
                        "note",
                        event.item_id,
                        _one_line(event.title),
                        change.by,
                        moment_text(change.changed_at),
                        short_id(event.uuid),
                        note,
                    ),
                )
            )
    return rows


def more_line(more: int) -> str:
    """What `csm log` says under a list cut short by its limit."""
    return f"{more} more: use --limit 0 or --all to see all."


def plain_log(events: Sequence[Event], changes: dict[str, list[NoteChange]] | None = None) -> str:
    """Aligned columns under a header line: easy to read, grep and cut."""
    if not events:
        return "No events.\n"
    from .common import align_columns

    rows = [HEADERS, *(cells for _, _, cells in log_rows(events, changes))]
    return "\n".join(align_columns(rows)) + "\n"


def show_log(events: Sequence[Event], changes: dict[str, list[NoteChange]] | None = None) -> None:
    """The events for a terminal, one line each whatever its width; undone
    events are dimmed.

    Days, kinds, item ids and entry ids stay whole; the note, then the title,
    then the name give way with an ellipsis; on a narrow terminal the time
    logged, then the title, then the name are left out.
    """
    from rich.cells import cell_len
    from rich.text import Text

    from .common import fit_widths, styled_columns, terminal_console

    console = terminal_console()
    if not events:
        console.print("No events.")
        return
    logged = log_rows(events, changes)
    layouts = (
        (("for", "kind", "item", "title", "by", "logged", "id", "note"), ("note", "title", "by")),
        (("for", "kind", "item", "title", "by", "id", "note"), ("note", "title", "by")),
        (("for", "kind", "item", "by", "id", "note"), ("note", "by")),
        (("for", "kind", "item", "id", "note"), ("note",)),
    )
    for names, shrink in layouts:
        keep = [HEADERS.index(name) for name in names]
        table = [[HEADERS[i] for i in keep]] + [[row[i] for i in keep] for _, _, row in logged]
        widths = [max(cell_len(r[c]) for r in table) for c in range(len(keep))]
        order = [names.index(name) for name in shrink]
        if fit_widths(widths, console.width, order) is not None:
            break
    styles = []
    for event, row_style, _ in logged:
        if row_style == "note":
            styles.append("cyan")
        elif row_style == "undone":
            styles.append("dim strike")
        else:
            styles.append("" if event.kind == "done" else "yellow")
    rows = [[(HEADERS[i], "bold") for i in keep]]
    rows += [
        [(row[i], style) for i in keep] for (_, _, row), style in zip(logged, styles, strict=True)
    ]
    lines = styled_columns(rows, width=console.width, shrink=order)
    console.print(Text("\n").join(lines))
