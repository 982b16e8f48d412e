"""Shared pieces of every view: the console, bars, and the plain/rich choice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

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


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"
