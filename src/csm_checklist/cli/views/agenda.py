"""Views of the agenda: `csm today` and `csm due`, as JSON, plain text or rich."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from csm_checklist.cli.views.common import (
    align_columns,
    bar_cells,
    fit_widths,
    hijri_note,
    one_line,
    pad,
    styled_columns,
    text_bar,
)
from csm_checklist.cli.views.labels import label
from csm_checklist.dates.schedule import Period
from csm_checklist.duties.wording import weekday_text
from csm_checklist.rules.agenda import Agenda, Entry, Progress

BAR_CELLS = 24


class Owned:
    """Who owns each entry, for views that name owners (rules/owners.py).

    `owner[(item_id, period_start)]`: a login, or None for the team's;
    `rotate[item_id]`: the rotation in force, when there is one; `me`: the
    login whose duties come first; `mine_only`: `csm today --mine`. (A
    plain class: a NamedTuple's annotations would be compiled at every
    start of `csm today`.)"""

    __slots__ = ("me", "mine_only", "owner", "rotate")

    def __init__(
        self,
        owner: Mapping[tuple[str, date], str | None],
        rotate: Mapping[str, tuple[str, ...]],
        me: str,
        mine_only: bool = False,
    ) -> None:
        self.owner = owner
        self.rotate = rotate
        self.me = me
        self.mine_only = mine_only

    def of(self, entry: Entry) -> str | None:
        return self.owner.get((entry.item.id, entry.period.start))

    def is_mine(self, entry: Entry) -> bool:
        return self.of(entry) == self.me


def owner_text(owner: str | None, lang: str) -> str:
    """The owner's login, or the word for the team's."""
    from csm_checklist.messages import t

    return one_line(owner) if owner else t("owners.team", lang)


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
    report counts it as late, since it is logged after the due date.
    """
    return f"csm {kind} {entry.item.id} --on {entry.period.end.isoformat()}"


def entry_json(entry: Entry, lang: str, owned: Owned | None = None) -> dict[str, Any]:
    """One item as §4's JSON: id, title, cadence, area, period, due, status,
    and who logged it when it is done or skipped; with owners, `owner` (a
    login, null for the team's) and `rotate` when a rotation is in force."""
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
    if owned is not None:
        doc["owner"] = owned.of(entry)
        rotation = owned.rotate.get(entry.item.id)
        if rotation:
            doc["rotate"] = list(rotation)
    return doc


def progress_json(progress: dict[str, Progress]) -> dict[str, dict[str, int]]:
    return {
        cadence: {"done": p.done, "skipped": p.skipped, "total": p.total}
        for cadence, p in progress.items()
    }


def agenda_json(
    agenda: Agenda, entries: Sequence[Entry], lang: str, owned: Owned | None = None
) -> dict[str, Any]:
    """The document `csm today --json` and `csm due --json` print; with
    owners, `me` too, and my entries first."""
    missed = []
    if owned is not None:
        entries = mine_first(entries, owned)
    for entry in mine_first(agenda.missed, owned) if owned is not None else agenda.missed:
        doc = entry_json(entry, lang, owned)
        doc["log_late"] = late_command(entry)
        doc["skip"] = late_command(entry, "skip")
        missed.append(doc)
    doc = {
        "date": agenda.day.isoformat(),
        "workday": agenda.workday,
        "items": [entry_json(entry, lang, owned) for entry in entries],
        "missed": missed,
        "progress": progress_json(agenda.progress),
    }
    if owned is not None:
        doc["me"] = owned.me
    return doc


def mine_first(entries: Sequence[Entry], owned: Owned) -> list[Entry]:
    """My entries, then the others (all of them unless `mine_only`)."""
    mine = [entry for entry in entries if owned.is_mine(entry)]
    if owned.mine_only:
        return mine
    return mine + [entry for entry in entries if not owned.is_mine(entry)]


def day_heading(
    day: date, workday: bool, lang: str, *, hijri: bool = False, day_off: str | None = None
) -> str:
    """'Monday 2026-11-23 · workday'; `day_off` (its reason, maybe '') marks a day off."""
    state = label("workday" if workday else "not_workday", lang)
    if day_off is not None:
        state = label("day_off", lang) + (f" ({day_off})" if day_off else "")
    weekday = weekday_text(day.weekday(), lang)
    return f"{weekday} {day.isoformat()}{hijri_note(day, lang, hijri)} · {state}"


def period_text(period: Period) -> str:
    if period.start == period.end:
        return period.start.isoformat()
    return f"{period.start.isoformat()}..{period.end.isoformat()}"


def _state(entry: Entry, lang: str) -> str:
    """'done 2026-11-23', 'due 2026-11-25', 'not expected'."""
    if entry.event is not None:
        return f"{label(entry.status, lang)} {entry.event.for_date.isoformat()}"
    if entry.status == "off":
        return label("off", lang)
    return f"{label(entry.status, lang)} {entry.due.isoformat()}"


def _logged_by(entry: Entry, lang: str) -> str:
    """'by Mona — "2 escalations"' for a logged entry; '' otherwise."""
    event = entry.event
    if event is None:
        return ""
    text = f"{label('by', lang)} {one_line(event.by)}"
    if event.note:
        text += f' — "{one_line(event.note)}"'
    return text


def _when(entry: Entry, lang: str) -> str:
    return " ".join(part for part in (_state(entry, lang), _logged_by(entry, lang)) if part)


def _rows(entries: Sequence[Entry], lang: str, owned: Owned | None = None) -> list[tuple[str, ...]]:
    return [
        (
            entry.status,
            entry.item.id,
            entry.item.title.get(lang),
            label(entry.cadence, lang),
            *((owner_text(owned.of(entry), lang),) if owned is not None else ()),
            _when(entry, lang),
        )
        for entry in entries
    ]


def _fitted(rows: list[list[tuple[str, str]]], width: int) -> list[Any]:
    """The entry rows laid out for `width`: who logged it and the note give
    way first, then the title; below that the note column, then the cadence,
    are left out. Ids, statuses and dates are never shortened. A row of
    seven cells has its owner after the cadence, kept as long as the id."""
    layouts: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = (
        ((0, 1, 2, 3, 4, 5), (5, 2)),
        ((0, 1, 2, 3, 4), (2,)),
        ((0, 1, 2, 4), (2,)),
    )
    last: tuple[int, ...] = (0, 1, 4)
    if rows and len(rows[0]) == 7:
        layouts = (
            ((0, 1, 2, 3, 4, 5, 6), (6, 2)),
            ((0, 1, 2, 3, 4, 5), (2,)),
            ((0, 1, 2, 4, 5), (2,)),
        )
        last = (0, 1, 4, 5)
    for keep, shrink in layouts:
        chosen = [[row[i] for i in keep] for row in rows]
        order = tuple(keep.index(i) for i in shrink)
        if _fits(chosen, width, order):
            return styled_columns(chosen, indent="  ", width=width, shrink=order)
    return styled_columns([[row[i] for i in last] for row in rows], indent="  ")


def _fits(rows: Sequence[Sequence[tuple[str, str]]], width: int, shrink: Sequence[int]) -> bool:
    from csm_checklist.cli.views.common import cell_len

    widths = [max(cell_len(row[i][0]) for row in rows) for i in range(len(rows[0]))]
    return fit_widths(widths, width - 2, shrink) is not None


def _progress_lines(progress: dict[str, Progress], lang: str) -> list[str]:
    lines = []
    for cadence, p in progress.items():
        extra = label("skipped_count", lang).format(count=p.skipped) if p.skipped else ""
        name = pad(label(cadence, lang), 10)
        bar = text_bar(p.done, p.total, skipped=p.skipped)
        lines.append(f"  {name} {bar} {p.done}/{p.total}{extra}")
    return lines


def _missed_lines(missed: Sequence[Entry], lang: str, owned: Owned | None = None) -> list[str]:
    rows = [
        (
            MARKS["missed"],
            entry.item.id,
            entry.item.title.get(lang),
            period_text(entry.period),
            *((owner_text(owned.of(entry), lang),) if owned is not None else ()),
            f"{label('log_late', lang)}: {late_command(entry)}",
        )
        for entry in missed
    ]
    if not rows:
        return []
    return ["  " + line for line in align_columns(rows)] + [_skip_hint(missed[0], lang)]


def _skip_hint(entry: Entry, lang: str) -> str:
    return f'  ({label("or_skip", lang)}: {late_command(entry, "skip")} --reason "...")'


def _sections(
    entries: Sequence[Entry], owned: Owned | None, sections: bool
) -> list[tuple[str, list[Entry], Owned | None]]:
    """The blocks of entries a view prints: one block, unnamed, without
    owners; with `sections` (`csm today`), my duties, then the team's with
    their owners; otherwise (`csm due`) one block with an owner column."""
    if owned is None or not sections:
        return [("", list(entries), owned)]
    mine = [entry for entry in entries if owned.is_mine(entry)]
    blocks: list[tuple[str, list[Entry], Owned | None]] = [("owners.mine_heading", mine, None)]
    if not owned.mine_only:
        others = [entry for entry in entries if not owned.is_mine(entry)]
        blocks.append(("owners.team_heading", others, owned))
    return blocks


def plain_agenda(
    agenda: Agenda,
    entries: Sequence[Entry],
    lang: str,
    heading: str | None = None,
    owned: Owned | None = None,
    sections: bool = False,
) -> str:
    """`csm today` for a pipe or a file: aligned text, no colour, no box drawing."""
    from csm_checklist.messages import t

    lines = [heading or day_heading(agenda.day, agenda.workday, lang), ""]
    blocks = _sections(entries, owned, sections)
    for number, (title, block, block_owned) in enumerate(blocks):
        if title:
            lines += [""] * (number > 0) + [t(title, lang)]
        if block:
            rows = [(MARKS[r[0]], *r[1:]) for r in _rows(block, lang, block_owned)]
            lines += ["  " + line for line in align_columns(rows)]
        elif title:
            lines.append("  " + t(f"{title}_none", lang))
        else:
            lines.append(label("nothing_due" if agenda.workday else "nothing_due_off", lang))
    missed = agenda.missed if owned is None else mine_first(agenda.missed, owned)
    if missed:
        lines += ["", label("missed_heading", lang), *_missed_lines(missed, lang, owned)]
    if agenda.progress:
        lines += ["", label("progress_heading", lang), *_progress_lines(agenda.progress, lang)]
    return "\n".join(lines) + "\n"


def show_agenda(
    agenda: Agenda,
    entries: Sequence[Entry],
    lang: str,
    heading: str | None = None,
    owned: Owned | None = None,
    sections: bool = False,
) -> None:
    """`csm today` for a person at a terminal: coloured columns and bars.

    The columns are laid out here rather than by rich's Table, whose layout
    pass cost the morning command more than everything else it draws.
    """
    from rich.text import Text

    from csm_checklist.cli.views.common import cell_len, heading_lines, terminal_console

    console = terminal_console()
    # A heading with a Hijri date or a holiday's name goes on over lines
    # between its parts, never inside a date.
    said = heading or day_heading(agenda.day, agenda.workday, lang)
    lines = [Text(line, style="bold") for line in heading_lines(said, console.width)]
    lines.append(Text())
    from csm_checklist.messages import t

    for number, (title, block, block_owned) in enumerate(_sections(entries, owned, sections)):
        if title:
            lines += [Text()] * (number > 0) + [Text(t(title, lang), style="bold")]
        if block:
            rows = [
                [
                    (MARKS[entry.status], STYLES[entry.status]),
                    (entry.item.id, "bold"),
                    (entry.item.title.get(lang), ""),
                    (label(entry.cadence, lang), "dim"),
                    *(
                        ((owner_text(block_owned.of(entry), lang), "magenta"),)
                        if block_owned is not None
                        else ()
                    ),
                    (_state(entry, lang), STYLES[entry.status]),
                    (_logged_by(entry, lang), STYLES[entry.status]),
                ]
                for entry in block
            ]
            lines += _fitted(rows, console.width)
        elif title:
            lines.append(Text("  " + t(f"{title}_none", lang), style="green"))
        else:
            key = "nothing_due" if agenda.workday else "nothing_due_off"
            lines.append(Text(label(key, lang), style="green"))
    if owned is not None:
        agenda = agenda._replace(missed=mine_first(agenda.missed, owned))
    if agenda.missed:
        heading_at = len(lines) + 1
        lines += [Text(), Text(label("missed_heading", lang), style="bold red")]
        rows = [
            [
                (MARKS["missed"], STYLES["missed"]),
                (entry.item.id, "bold"),
                (entry.item.title.get(lang), ""),
                (period_text(entry.period), "dim"),
                *(((owner_text(owned.of(entry), lang), "magenta"),) if owned is not None else ()),
                (f"{label('log_late', lang)}: {late_command(entry)}", "cyan"),
            ]
            for entry in agenda.missed
        ]
        if _fits(rows, console.width, shrink=(2,)):
            lines += styled_columns(rows, indent="  ", width=console.width, shrink=(2,))
        else:
            # Too narrow for the command beside its row: it goes under it,
            # whole, since it is there to be copied.
            heads = styled_columns(
                [row[:-1] for row in rows], indent="  ", width=console.width, shrink=(2,)
            )
            said = f"{label('log_late', lang)}: "
            if any(
                cell_len(f"       {said}{late_command(e)}") > console.width for e in agenda.missed
            ):
                # Each command whole on its line; the label goes in the heading.
                lines[heading_at].append(f" — {label('log_late', lang)}:")
                said = ""
            for head, entry in zip(heads, agenda.missed, strict=True):
                lines += [head, Text(f"       {said}{late_command(entry)}", style="cyan")]
        hint = _skip_hint(agenda.missed[0], lang)
        if cell_len(hint) > console.width:
            hint = f'  ({label("or_skip", lang)}: csm skip ID --on DATE --reason "...")'
        lines.append(Text(hint, style="dim"))
    if agenda.progress:
        lines += [Text(), Text(label("progress_heading", lang), style="bold")]
        width = max(cell_len(label(cadence, lang)) for cadence in agenda.progress)
        for cadence, p in agenda.progress.items():
            extra = label("skipped_count", lang).format(count=p.skipped) if p.skipped else ""
            filled, passed = bar_cells(p.done, p.total, BAR_CELLS, p.skipped)
            complete = p.total > 0 and p.done == p.total
            line = Text("  " + pad(label(cadence, lang), width) + " ")
            # Three glyphs, so the bar reads without colour too (NO_COLOR).
            line.append("█" * filled, style="green" if complete else "magenta")
            line.append("▒" * passed, style="yellow")
            line.append("░" * (BAR_CELLS - filled - passed), style="grey50")
            line.append(f" {p.done}/{p.total}{extra}")
            lines.append(line)
    console.print(Text("\n").join(lines))
