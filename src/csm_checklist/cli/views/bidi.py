"""Arabic cells kept in their columns by terminals that lay out bidirectional text.

GNOME Terminal (VTE), Konsole and Apple Terminal reorder each line with the
Unicode Bidirectional Algorithm. A column of Arabic then pulls what follows
it into its right-to-left run: in "monitor  مراقبة  2027-01-07" the date
is shown before the title, as 07-01-2027. Each column that holds Arabic is
therefore wrapped in a first-strong isolate (FSI … PDI), which the rest of
the line sees as one neutral character; inside it, dates, times and numbers
are wrapped in a left-to-right isolate (LRI … PDI) so that 2027-01-07 keeps
its order in an Arabic sentence too. The marks take no cell, so the layout
does not change, and terminals without bidirectional support show the line
as before. Lines without Arabic are left alone.

A column is what the views write between gaps of two or more spaces, or
between the box-drawing characters of a table's rules and the blocks of a
bar.
"""

from __future__ import annotations

import re

FSI = "\u2068"  # first strong isolate: the column takes the direction of its own text
LRI = "\u2066"  # left-to-right isolate: a date or number inside Arabic text
PDI = "\u2069"  # pop directional isolate: the end of either

# Hebrew, Arabic, Syriac, Thaana, NKo and the Arabic presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Box drawing and the block elements of bars part columns as gaps do.
_COLUMN = re.compile("[^\\s\u2500-\u259f]+(?: [^\\s\u2500-\u259f]+)*")
# A date, time, count or percentage on its own, not the digits inside an id.
# A moment (2026-11-25T09:00) is one number too.
_NUMBER = re.compile(r"(?<![\w-])[0-9](?:[0-9:./%-]|T(?=[0-9]))*(?<![.:/-])(?!\w)")
_LATIN = re.compile("[A-Za-z]")
_OPENING = "([{«\"'"  # what may open a column before its first word


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def marks(line: str) -> list[tuple[int, str]]:
    """Where (character offsets, ascending) and which marks go into `line`.

    Only where they change what is shown: a column of Arabic is left alone
    when it is the line's last and only one and a Latin letter comes before
    it (then nothing can move, and it cannot set the direction of a line
    whose direction is detected); a number is isolated when it shares an
    isolated column with Arabic, or follows Arabic in its column.
    """
    if not has_rtl(line):
        return []
    columns = [c for c in _COLUMN.finditer(line) if has_rtl(c.group())]
    found: list[tuple[int, str]] = []
    for column in columns:
        text, start = column.group(), column.start()
        first = _RTL.search(text)
        assert first is not None
        alone = (
            len(columns) == 1
            and not line[column.end() :].strip()
            and _LATIN.search(line[: start + first.start()]) is not None
        )
        numbers = [n for n in _NUMBER.finditer(text) if not alone or n.start() > first.start()]
        pairs = [m for n in numbers for m in ((start + n.start(), LRI), (start + n.end(), PDI))]
        # A column that starts with a figure or a bar ("0/4 (تم تخطي 1)",
        # "4/6، متأخرة: 2", "[##--] 0/4 …") keeps it first, at the left under
        # its heading: it is laid out left to right, its Arabic as a run in it.
        opener = FSI if _RTL.match(text.lstrip(_OPENING)) else LRI
        found += pairs if alone else [(start, opener), *pairs, (column.end(), PDI)]
    return found


def isolate_line(line: str) -> str:
    """`line` with its Arabic columns isolated."""
    placed = marks(line)
    if not placed:
        return line
    pieces, last = [], 0
    for offset, mark in placed:
        pieces += [line[last:offset], mark]
        last = offset
    return "".join(pieces) + line[last:]


def isolate_lines(text: str) -> str:
    """Every line of `text` with its Arabic columns isolated."""
    if not has_rtl(text):
        return text
    return "\n".join(isolate_line(line) for line in text.split("\n"))
