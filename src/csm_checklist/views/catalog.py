"""Views of the catalog for `csm list`: JSON, plain aligned text, rich tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..catalog import ALL_CADENCES, Catalog, Item
from ..wording import cadence_text, due_text
from .labels import counted, label


def _word(key: str, lang: str) -> str:
    return label(f"list.{key}", lang)


@dataclass(frozen=True)
class ListRow:
    """One item as `csm list` shows it, already in the reader's language."""

    id: str
    title: str
    cadence: str
    due: str
    enabled: bool


@dataclass(frozen=True)
class ListGroup:
    """A heading (an area or a cadence) and its rows."""

    key: str
    heading: str
    rows: list[ListRow]


def _row(item: Item, lang: str) -> ListRow:
    return ListRow(
        item.id,
        item.title.get(lang),
        cadence_text(item.cadence, lang),
        due_text(item.recurrence, lang),
        item.enabled,
    )


def _cadence_rank(item: Item) -> int:
    return ALL_CADENCES.index(item.cadence)


def group_items(
    catalog: Catalog, items: Sequence[Item], by: str, lang: str, *, keep_empty: bool
) -> list[ListGroup]:
    """Items grouped by area (in area order, shortest cadence first inside each)
    or by cadence (daily first). `keep_empty` keeps areas without items, so
    the whole list of responsibilities shows when nothing is filtered."""
    groups: list[ListGroup] = []
    if by == "cadence":
        for cadence in ALL_CADENCES:
            rows = [_row(item, lang) for item in items if item.cadence == cadence]
            if rows:
                heading = cadence_text(cadence, lang)
                groups.append(ListGroup(cadence, heading[:1].upper() + heading[1:], rows))
        return groups
    for area in catalog.areas.values():
        chosen = sorted((item for item in items if item.area == area.id), key=_cadence_rank)
        if chosen or keep_empty:
            rows = [_row(item, lang) for item in chosen]
            groups.append(ListGroup(area.id, area.title.get(lang), rows))
    return groups


def list_json(catalog: Catalog, items: Sequence[Item], lang: str) -> dict[str, Any]:
    """`csm list --json`: every area, and the chosen items with their raw due rule."""
    return {
        "areas": [
            {
                "id": area.id,
                "title": area.title.get(lang),
                "details": area.details.get(lang) if area.details else None,
            }
            for area in catalog.areas.values()
        ],
        "items": [
            {
                "id": item.id,
                "title": item.title.get(lang),
                "details": item.details.get(lang) if item.details else None,
                "area": item.area,
                "cadence": item.cadence,
                "due": item.due_spec,
                "due_text": due_text(item.recurrence, lang),
                "rrule": item.recurrence.rrule,
                "start": item.recurrence.start.isoformat() if item.recurrence.start else None,
                "tags": list(item.tags),
                "enabled": item.enabled,
            }
            for item in items
        ],
    }


def _count_line(groups: Sequence[ListGroup], lang: str) -> str:
    total = sum(len(group.rows) for group in groups)
    return counted("list.count", total, lang)


def plain_list(groups: Sequence[ListGroup], lang: str) -> str:
    """Aligned plain text for pipes and files: no box drawing, no colour."""
    from .common import cell_len, pad

    if not groups:
        return _word("nothing", lang) + "\n"
    rows = [row for group in groups for row in group.rows]
    id_width = max((cell_len(row.id) for row in rows), default=0)
    title_width = max((cell_len(row.title) for row in rows), default=0)
    cadence_width = max((cell_len(row.cadence) for row in rows), default=0)
    lines: list[str] = []
    for group in groups:
        if lines:
            lines.append("")
        lines.append(f"{group.heading} [{group.key}]")
        if not group.rows:
            lines.append("  " + _word("empty_area", lang))
        for row in group.rows:
            line = (
                f"  {pad(row.id, id_width)}  {pad(row.title, title_width)}  "
                f"{pad(row.cadence, cadence_width)}  {row.due}"
            )
            if not row.enabled:
                line += "  " + _word("disabled", lang)
            lines.append(line)
    lines.append("")
    lines.append(_count_line(groups, lang))
    return "\n".join(lines) + "\n"


def print_rich_list(groups: Sequence[ListGroup], lang: str) -> None:
    """One table per group for a person at a terminal, every table with the
    same column widths so the groups line up like one list."""
    from rich import box
    from rich.table import Table

    from .common import cell_len, terminal_console

    console = terminal_console()
    if not groups:
        console.print(_word("nothing", lang))
        return
    rows = [row for group in groups for row in group.rows]
    headers = [_word(key, lang) for key in ("id", "title", "cadence", "due")]
    disabled = " " + _word("disabled", lang)
    widths = [
        max([cell_len(headers[0]), *(cell_len(r.id) for r in rows)]),
        max(
            [cell_len(headers[1]), *(cell_len(r.title + disabled * (not r.enabled)) for r in rows)]
        ),
        max([cell_len(headers[2]), *(cell_len(r.cadence) for r in rows)]),
        max([cell_len(headers[3]), *(cell_len(r.due) for r in rows)]),
    ]
    for group in groups:
        table = Table(
            title=f"{escape(group.heading)} [dim]({group.key})[/dim]",
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
        )
        for header, width in zip(headers, widths, strict=True):
            table.add_column(header, min_width=width)
        table.columns[0].style = "cyan"
        if not group.rows:
            table.add_row("", f"[dim]{_word('empty_area', lang)}[/dim]", "", "")
        for row in group.rows:
            cells = [escape(row.id), escape(row.title), row.cadence, escape(row.due)]
            if row.enabled:
                table.add_row(*cells)
            else:
                cells[1] += escape(disabled)
                table.add_row(*(f"[dim]{cell}[/dim]" for cell in cells))
        console.print(table)
        console.print()
    console.print(f"[dim]{_count_line(groups, lang)}[/dim]")


def escape(text: str) -> str:
    """Text from a checklist file, shown as written even if it has [brackets]."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)
