"""Views of the agenda: `csm today` and `csm due`, as JSON, plain text or rich."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ..agenda import Agenda, Entry, Progress
from ..schedule import Period
from .common import align_columns, text_bar
from .labels import label

WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
}

# Marks that tell statuses apart without colour, in pipes and for colour-blind readers.
MARKS = {
    "done": "[x]",
    "skipped": "[-]",
    "due": "[ ]",
    "overdue": "[!]",
    "upcoming": "[.]",
    "missed": "[?]",
    "off": "   ",
}
STYLES = {
    "done": "green",
    "skipped": "dim",
    "due": "bold yellow",
    "overdue": "bold red",
    "upcoming": "cyan",
    "missed": "red",
    "off": "dim",
}


def late_command(entry: Entry, kind: str = "done") -> str:
    """The exact command that logs a missed period after the fact.

    It names the period's last day: the event lands in the right period, and a
    report counts it as late unless the period ends on its due date.
    """
    return f"csm {kind} {entry.item.id} --on {entry.period.end.isoformat()}"


def entry_json(entry: Entry, lang: str) -> dict[str, Any]:
    """One item as §4's JSON: id, title, cadence, area, period, due, status,
    and who logged it when it is done or skipped."""
    doc: dict[str, Any] = {
        "id": entry.item.id,
        "title": entry.item.title.get(lang),
        "cadence": entry.cadence,
        "area": entry.item.area,
        "period_start": entry.period.start.isoformat(),
        "period_end": entry.period.end.isoformat(),
        "due": entry.due.isoformat(),
        "status": entry.status,
    }
    if entry.event is not None:
        doc["logged_at"] = entry.event.logged_at.isoformat()
        doc["for_date"] = entry.event.for_date.isoformat()
        doc["by"] = entry.event.by
        doc["note"] = entry.event.note
    return doc


def progress_json(progress: dict[str, Progress]) -> dict[str, dict[str, int]]:
    return {
        cadence: {"done": p.done, "skipped": p.skipped, "total": p.total}
        for cadence, p in progress.items()
    }


def agenda_json(agenda: Agenda, entries: Sequence[Entry], lang: str) -> dict[str, Any]:
    """The document `csm today --json` and `csm due --json` print."""
    missed = []
    for entry in agenda.missed:
        doc = entry_json(entry, lang)
        doc["log_late"] = late_command(entry)
        doc["skip"] = late_command(entry, "skip")
        missed.append(doc)
    return {
        "date": agenda.day.isoformat(),
        "workday": agenda.workday,
        "items": [entry_json(entry, lang) for entry in entries],
        "missed": missed,
        "progress": progress_json(agenda.progress),
    }


def day_heading(day: date, workday: bool, lang: str) -> str:
    kind = label("workday" if workday else "not_workday", lang)
    return f"{WEEKDAYS.get(lang, WEEKDAYS['en'])[day.weekday()]} {day.isoformat()} · {kind}"


def period_text(period: Period) -> str:
    if period.start == period.end:
        return period.start.isoformat()
    return f"{period.start.isoformat()}..{period.end.isoformat()}"


def _when(entry: Entry, lang: str) -> str:
    event = entry.event
    if event is not None:
        text = f"{label(entry.status, lang)} {event.for_date.isoformat()} {label('by', lang)} "
        text += event.by
        if event.note:
            text += f' — "{event.note}"'
        return text
    if entry.status == "off":
        return label("off", lang)
    return f"{label(entry.status, lang)} {entry.due.isoformat()}"


def _rows(entries: Sequence[Entry], lang: str) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            entry.status,
            entry.item.id,
            entry.item.title.get(lang),
            label(entry.cadence, lang),
            _when(entry, lang),
        )
        for entry in entries
    ]


def _progress_lines(progress: dict[str, Progress], lang: str) -> list[str]:
    lines = []
    for cadence, p in progress.items():
        extra = f" ({p.skipped} {label('skipped', lang)})" if p.skipped else ""
        name = label(cadence, lang).ljust(10)
        lines.append(f"  {name} {text_bar(p.settled, p.total)} {p.done}/{p.total}{extra}")
    return lines


def _missed_lines(missed: Sequence[Entry], lang: str) -> list[str]:
    rows = [
        (
            MARKS["missed"],
            entry.item.id,
            entry.item.title.get(lang),
            period_text(entry.period),
            f"{label('log_late', lang)}: {late_command(entry)}",
        )
        for entry in missed
    ]
    if not rows:
        return []
    return ["  " + line for line in align_columns(rows)] + [_skip_hint(missed[0], lang)]


def _skip_hint(entry: Entry, lang: str) -> str:
    return f'  ({label("or_skip", lang)}: {late_command(entry, "skip")} --reason "...")'


def plain_agenda(
    agenda: Agenda, entries: Sequence[Entry], lang: str, heading: str | None = None
) -> str:
    """`csm today` for a pipe or a file: aligned text, no colour, no box drawing."""
    lines = [heading or day_heading(agenda.day, agenda.workday, lang), ""]
    if entries:
        rows = [(MARKS[r[0]], *r[1:]) for r in _rows(entries, lang)]
        lines += ["  " + line for line in align_columns(rows)]
    else:
        lines.append(label("nothing_due" if agenda.workday else "nothing_due_off", lang))
    if agenda.missed:
        lines += ["", label("missed_heading", lang), *_missed_lines(agenda.missed, lang)]
    if agenda.progress:
        lines += ["", label("progress_heading", lang), *_progress_lines(agenda.progress, lang)]
    return "\n".join(lines) + "\n"


def show_agenda(
    agenda: Agenda, entries: Sequence[Entry], lang: str, heading: str | None = None
) -> None:
    """`csm today` for a person at a terminal: a rich table and progress bars."""
    from rich.table import Table
    from rich.text import Text

    from .common import terminal_console

    console = terminal_console()
    console.print(Text(heading or day_heading(agenda.day, agenda.workday, lang), style="bold"))
    if entries:
        table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1))
        for status, item_id, title, cadence, when in _rows(entries, lang):
            style = STYLES[status]
            table.add_row(
                Text(MARKS[status], style=style),
                Text(item_id, style="bold"),
                Text(title),
                Text(cadence, style="dim"),
                Text(when, style=style),
            )
        console.print(table)
    else:
        key = "nothing_due" if agenda.workday else "nothing_due_off"
        console.print(Text(label(key, lang), style="green"))
    if agenda.missed:
        console.print()
        console.print(Text(label("missed_heading", lang), style="bold red"))
        table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1))
        for entry in agenda.missed:
            table.add_row(
                Text(entry.item.id, style="bold"),
                Text(entry.item.title.get(lang)),
                Text(period_text(entry.period), style="dim"),
                Text(late_command(entry), style="cyan"),
            )
        console.print(table)
        console.print(Text(_skip_hint(agenda.missed[0], lang), style="dim"))
    if agenda.progress:
        _show_progress(console, agenda.progress, lang)


def _show_progress(console: Any, progress: dict[str, Progress], lang: str) -> None:
    from rich.progress_bar import ProgressBar
    from rich.table import Table
    from rich.text import Text

    console.print()
    console.print(Text(label("progress_heading", lang), style="bold"))
    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1))
    for cadence, p in progress.items():
        extra = f" ({p.skipped} {label('skipped', lang)})" if p.skipped else ""
        table.add_row(
            label(cadence, lang),
            ProgressBar(total=max(p.total, 1), completed=p.settled, width=24),
            Text(f"{p.done}/{p.total}{extra}"),
        )
    console.print(table)
