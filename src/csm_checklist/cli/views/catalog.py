"""Views of the catalog for `csm list`: JSON, plain aligned text, rich tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from csm_checklist.cli.views.labels import counted, label
from csm_checklist.duties.catalog import ALL_CADENCES, Catalog, Item
from csm_checklist.duties.wording import cadence_text, due_text

if TYPE_CHECKING:
    from rich.text import Text


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
    """`csm list --json`: every area, and the chosen items with their raw due
    rule and the measures each takes."""
    from csm_checklist.cli.views.measures import measure_json

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
                "measures": [measure_json(m, lang) for m in item.measures],
            }
            for item in items
        ],
    }


def _count_line(groups: Sequence[ListGroup], lang: str) -> str:
    total = sum(len(group.rows) for group in groups)
    return counted("list.count", total, lang)


def plain_list(groups: Sequence[ListGroup], lang: str) -> str:
    """Aligned plain text for pipes and files: no box drawing, no colour."""
    from csm_checklist.cli.views.common import cell_len, pad

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
    """`csm list` for a person at a terminal, fitted to its width."""
    from rich.text import Text

    from csm_checklist.cli.views.common import terminal_console

    console = terminal_console()
    console.print(Text("\n").join(list_lines(groups, lang, console.width)))


def list_lines(groups: Sequence[ListGroup], lang: str, width: int) -> list[Text]:
    """The groups as lines no wider than `width`, every group with the same
    column widths so that they line up like one list.

    Ids are never shortened; the cadence goes first (the due rule mostly
    says it), then titles, then due rules are shortened with "…".
    """
    from rich.text import Text

    from csm_checklist.cli.views.common import TITLE_CELLS, choose_layout, fit_line, styled_columns

    if not groups:
        return [Text(_word("nothing", lang))]
    rows = [[_word(key, lang) for key in ("id", "title", "cadence", "due")] + [""]]
    styles = ["bold"]
    for group in groups:
        if not group.rows:
            rows.append(["", _word("empty_area", lang), "", "", ""])
            styles.append("dim")
        for row in group.rows:
            off = "" if row.enabled else _word("disabled", lang)
            rows.append([row.id, row.title, row.cadence, row.due, off])
            styles.append("" if row.enabled else "dim")
    marker = (4,) if any(row[4] for row in rows) else ()
    layouts = (((0, 1, 2, 3, *marker), (1, 3)), ((0, 1, 3, *marker), (1, 3)))
    # The columns are indented by two cells (see below): they have the rest.
    room = width - 2
    keep, shrink = choose_layout(rows, layouts, room) or (list(layouts[-1][0]), [1, 2])
    cells = [
        [(row[i], "cyan" if i == 0 and style != "bold" else style) for i in keep]
        for row, style in zip(rows, styles, strict=True)
    ]
    # Indented like every other table: a line that starts with an Arabic
    # header would be laid out right to left by a terminal that detects
    # each line's direction.
    laid = styled_columns(cells, indent="  ", width=width, shrink=shrink, share=TITLE_CELLS)
    rule = Text("  " + "─" * (max(line.cell_len for line in laid) - 2))
    head, body = laid[0], iter(laid[1:])
    lines: list[Text] = []
    for group in groups:
        key = f" ({group.key})"
        heading = Text(fit_line(group.heading, max(width - len(key), 1)), style="bold")
        heading.append(key, style="bold dim")
        lines += [heading, head, rule]
        lines += [next(body) for _ in range(len(group.rows) or 1)]
        lines.append(Text())
    lines.append(Text(_count_line(groups, lang), style="dim"))
    return lines


def escape(text: str) -> str:
    """Text from a checklist file, shown as written even if it has [brackets]."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)
