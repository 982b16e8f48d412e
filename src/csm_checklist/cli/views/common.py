"""Shared pieces of every view: the console, bars, and the plain/rich choice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console
    from rich.text import Text

BAR_WIDTH = 20


def cell_len(text: str) -> int:
    """The terminal cells `text` takes: its length when it is ASCII, which
    spares English plain output the import of rich; rich's measure of wide,
    combining and zero-width characters otherwise (Arabic, bidi marks)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len as measure

    return measure(text)


def terminal_console() -> Console:
    """A rich console for a person at a terminal; NO_COLOR is honoured by rich."""
    import os

    from csm_checklist.cli.views.safe import safe_console

    # Stored titles and notes may hold escape sequences: shown, never obeyed.
    console: Console = safe_console(
        highlight=False,
        force_terminal=True if os.environ.get("CSM_FORCE_TERMINAL") else None,
        soft_wrap=False,
    )
    return console


def bar_cells(done: int, total: int, width: int = BAR_WIDTH, skipped: int = 0) -> tuple[int, int]:
    """How many of `width` cells show done and how many skipped.

    A bar is full of done cells only when everything is done: 4 of 5 done
    never rounds up to a full bar, and a skipped item fills its own cells, so
    a period settled by skipping does not read as all done.
    """
    if total <= 0:
        return 0, 0
    done_cells = round(width * done / total)
    if done < total:
        done_cells = min(done_cells, width - 1)
    if done > 0:
        done_cells = max(done_cells, 1)
    if skipped <= 0:
        return done_cells, 0
    settled = min(done + skipped, total)
    settled_cells = round(width * settled / total)
    passed = max(settled_cells - done_cells, 1)  # something skipped always shows
    if settled < total:
        passed = min(passed, width - 1 - done_cells)
    return done_cells, min(passed, width - done_cells)


def text_bar(done: int, total: int, width: int = BAR_WIDTH, skipped: int = 0) -> str:
    """A bar of '#' (done), '=' (skipped) and '-' (open) for plain output:
    readable in any pipe or file."""
    filled, passed = bar_cells(done, total, width, skipped)
    return "[" + "#" * filled + "=" * passed + "-" * (width - filled - passed) + "]"


def align_columns(rows: Sequence[Sequence[str]], gap: str = "  ") -> list[str]:
    """Rows of cells padded into columns, for plain text without box drawing."""
    if not rows:
        return []
    rows = [[one_line(cell) for cell in row] for row in rows]
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        gap.join(pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal cells: str.ljust counts
    characters, and an Arabic letter with a mark, or a wide character, does
    not take one cell each."""
    return text + " " * (width - cell_len(text))


MIN_CELLS = 8  # the narrowest a shortened column gets


def fit_widths(
    widths: Sequence[int],
    room: int,
    shrink: Sequence[int],
    least: int = MIN_CELLS,
    share: int | None = None,
) -> list[int] | None:
    """Column widths that fit `room` cells with two-cell gaps, narrowing the
    columns in `shrink` in that order, each to `least` cells at the least;
    None when even that is too wide. With `share`, each first keeps `share`
    cells while a later one can still give, so that none is cut to nothing
    while another stays whole."""
    fitted = list(widths)
    excess = sum(fitted) + 2 * (len(fitted) - 1) - room
    floors = (least,) if share is None else (max(share, least), least)
    for floor in floors:
        for i in shrink:
            if excess <= 0:
                break
            give = min(excess, max(fitted[i] - floor, 0))
            fitted[i] -= give
            excess -= give
    return fitted if excess <= 0 else None


TITLE_CELLS = 20  # a title keeps this much while a column can still make room


def choose_layout(
    rows: Sequence[Sequence[str]],
    layouts: Sequence[tuple[Sequence[int], Sequence[int]]],
    room: int,
    least: int = TITLE_CELLS,
) -> tuple[list[int], list[int]] | None:
    """The first of `layouts` (columns kept, columns to shorten, by index
    into each row) whose columns fit `room` cells as they are, else the
    first that fits with its shortened columns at `least` cells or more:
    a less important column goes before a title is shortened. Returns the
    kept columns and, as positions among them, the ones to shorten; None
    when no layout fits."""
    for floor in (room, least):
        for keep, shrink in layouts:
            widths = [max(cell_len(one_line(row[i])) for row in rows) for i in keep]
            order = [list(keep).index(i) for i in shrink]
            if fit_widths(widths, room, order, floor) is not None:
                return list(keep), order
    return None


# Every character Python (and a terminal, or Unicode) takes as a line break.
_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def one_line(text: str) -> str:
    """A cell's text on one line: line breaks (CR, NEL, U+2028 and the rest
    included) become ' / ', so a note can never forge a row of its own."""
    if _BREAKS.isdisjoint(text):
        return text
    return " / ".join(part for part in text.splitlines() if part.strip())


def styled_columns(
    rows: Sequence[Sequence[tuple[str, str]]],
    *,
    indent: str = "",
    width: int | None = None,
    shrink: Sequence[int] = (),
    least: int = MIN_CELLS,
    share: int | None = None,
) -> list[Text]:
    """Rows of (text, style) cells padded into columns, as rich Text lines.

    Widths are terminal cells, so Arabic and wide characters line up. With
    `width`, no line is longer: the columns in `shrink` are narrowed and
    their text shortened with "…" (the others, such as ids, dates and
    numbers, never are); `share` as in `fit_widths`.
    """
    from rich.text import Text

    if not rows:
        return []
    rows = [[(one_line(cell), style) for cell, style in row] for row in rows]
    count = len(rows[0])
    # A last column empty in every row takes no room: its gap would only
    # shorten a title that fits.
    while count > 1 and not any(row[count - 1][0] for row in rows):
        count -= 1
    rows = [row[:count] for row in rows]
    shrink = [i for i in shrink if i < count]
    widths = [max(cell_len(row[i][0]) for row in rows) for i in range(count)]
    if width is not None:
        widths = fit_widths(widths, width - cell_len(indent), shrink, least, share) or widths
    lines = []
    for row in rows:
        line = Text(indent)
        for i, (cell, style) in enumerate(row):
            piece = Text(cell, style=style or "")
            if cell_len(cell) > widths[i]:
                shorten(piece, widths[i])
            line.append_text(piece)
            if i < count - 1:
                line.append(" " * (widths[i] - piece.cell_len + 2))
        line.rstrip()
        lines.append(line)
    return lines


def fit_columns(
    rows: Sequence[Sequence[str]], width: int | None, shrink: Sequence[int], indent: str = ""
) -> list[str]:
    """`align_columns` for a terminal `width` cells wide: the columns in
    `shrink` (titles, names) are shortened with "…"; without `width`
    (piped output) nothing is."""
    if width is None:
        return [indent + line for line in align_columns(rows)]
    cells = [[(cell, "") for cell in row] for row in rows]
    return [line.plain for line in styled_columns(cells, indent=indent, width=width, shrink=shrink)]


def shorten(text: Text, width: int) -> None:
    """`text` cut to `width` cells, "…" last; the "…" follows the last
    letter kept, never a space ("Manage the…", not "Manage the …")."""
    text.truncate(width, overflow="ellipsis")
    plain = text.plain
    if plain.endswith(" …"):
        kept = len(plain[:-1].rstrip())
        text.right_crop(len(plain) - kept)
        text.append("…")


def fit_line(text: str, width: int | None) -> str:
    """One line shortened with "…" to `width` cells (None: as it is)."""
    text = one_line(text)
    if width is None or cell_len(text) <= width:
        return text
    from rich.text import Text

    line = Text(text)
    shorten(line, width)
    return line.plain


# Where a heading may break: before a " · " part, a " → " end date or a
# "(" aside (a Hijri date, a day off's reason). Never inside a date.
_HEADING_BREAKS = (" · ", " → ", " (")


def heading_lines(text: str, width: int | None, indent: str = "") -> list[str]:
    """A heading on as many lines of at most `width` cells as it needs,
    broken only before a part (see `_HEADING_BREAKS`), so that no date, Hijri
    date or holiday's name is split; continuation lines start with `indent`.
    A part longer than a whole line is shortened with "…"."""
    if "\n" in text:  # each line of a heading of several
        return [line for part in text.split("\n") for line in heading_lines(part, width, indent)]
    if width is None or cell_len(text) <= width:
        return [text]
    pieces = [text]
    for mark in _HEADING_BREAKS:
        pieces = [
            piece
            for whole in pieces
            for index, part in enumerate(whole.split(mark))
            for piece in ([part] if index == 0 else [mark.lstrip() + part])
        ]
    lines: list[str] = []
    for piece in pieces:
        if lines and cell_len(f"{lines[-1]} {piece}") <= width:
            lines[-1] += f" {piece}"
        else:
            lines.append(fit_line(piece if not lines else indent + piece, width))
    return lines


def packed(
    parts: Sequence[str], width: int | None, indent: str, sep: str = "  ", first: str | None = None
) -> list[str]:
    """`parts` joined by `sep` on lines that start with `indent` (the first
    with `first`, when given) and are at most `width` cells wide; a part is
    never split (one longer than a line is shortened with "…")."""
    lines: list[str] = []
    for part in parts:
        if lines and (width is None or cell_len(lines[-1] + sep + part) <= width):
            lines[-1] += sep + part
        else:
            start = first if first is not None and not lines else indent
            lines.append(fit_line(start + part, width))
    return lines


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def hijri_note(first: date, lang: str, on: bool, last: date | None = None) -> str:
    """' (1 Shawwal 1446 AH)' after a heading's date, or its window's span,
    when the `hijri` setting is on; '' otherwise (hijridate is not loaded)."""
    if not on:
        return ""
    from csm_checklist.dates.hijri import hijri_span

    text = hijri_span(first, last or first, lang)
    return f" ({text})" if text else ""
