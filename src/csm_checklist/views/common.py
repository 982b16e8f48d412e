"""Shared pieces of every view: the console, bars, and the plain/rich choice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console
    from rich.text import Text

BAR_WIDTH = 20


def terminal_console() -> Console:
    """A rich console for a person at a terminal; NO_COLOR is honoured by rich."""
    import os

    from rich.console import Console

    return Console(
        highlight=False,
        force_terminal=True if os.environ.get("CSM_FORCE_TERMINAL") else None,
        soft_wrap=False,
    )


def text_bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """A bar made of '#' and '-' for plain output: readable in any pipe or file."""
    filled = round(width * done / total) if total else 0
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def align_columns(rows: Sequence[Sequence[str]], gap: str = "  ") -> list[str]:
    """Rows of cells padded into columns, for plain text without box drawing."""
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        gap.join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def styled_columns(
    rows: Sequence[Sequence[tuple[str, str]]],
    *,
    indent: str = "",
) -> list[Text]:
    """Rows of (text, style) cells padded into columns, as rich Text lines.

    Widths are terminal cells, so Arabic and wide characters line up.
    """
    from rich.cells import cell_len
    from rich.text import Text

    if not rows:
        return []
    count = len(rows[0])
    widths = [max(cell_len(row[i][0]) for row in rows) for i in range(count)]
    lines = []
    for row in rows:
        line = Text(indent)
        for i, (cell, style) in enumerate(row):
            line.append(cell, style=style or None)
            if i < count - 1:
                line.append(" " * (widths[i] - cell_len(cell) + 2))
        line.rstrip()
        lines.append(line)
    return lines


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def hijri_note(first: date, lang: str, on: bool, last: date | None = None) -> str:
    """' (1 Shawwal 1446 AH)' after a heading's date, or its window's span,
    when the `hijri` setting is on; '' otherwise (hijridate is not loaded)."""
    if not on:
        return ""
    from ..hijri import hijri_span

    text = hijri_span(first, last or first, lang)
    return f" ({text})" if text else ""
