"""Stored text made safe to show: the one place every view passes it through.

Titles, notes, reasons and names come from files and logs anyone may have
written. Sent raw to a terminal, an escape sequence in a note can clear the
screen, fake lines, retitle the window or write the clipboard; a carriage
return can hide what came before it; a bidi override can reverse what a line
seems to say. So every control character except the line break and the tab
is shown as a visible escape: ESC as `\\x1b`, CR as `\\r`, C1 characters as
`\\x9b`, bidi overrides and isolates as `\\u202e`. Printable text, Arabic
included, is untouched.

Plain output goes through `echo`, JSON through `json_text`, and the terminal
views through `SafeConsole`, which escapes the text rich lays out but not the
colour codes rich adds itself.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.segment import Segment

# C0 controls but \t and \n, DEL, C1 controls (NEL included), the bidi
# embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). Tables for
# str.translate, built on first use: cheaper than compiling a pattern.
_UNSAFE = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
_UNSAFE += [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
# The bidi marks (LRM, RLM, ALM) and the line and paragraph separators: no
# control of their own, but they reorder or break what a line seems to say.
_UNSAFE += [0x200E, 0x200F, 0x061C, 0x2028, 0x2029]
_TABLES: dict[str, dict[int, str]] = {}


def _escape(code: int) -> str:
    if code == 0x0D:
        return "\\r"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _table(kind: str) -> dict[int, str]:
    table = _TABLES.get(kind)
    if table is None:
        if kind == "text":
            table = {code: _escape(code) for code in _UNSAFE}
        else:  # JSON escapes C0 itself; the rest are written as JSON escapes
            table = {code: f"\\u{code:04x}" for code in _UNSAFE if code >= 0x7F}
        _TABLES[kind] = table
    return table


_FINDERS: dict[str, Any] = {}


def _has_unsafe(text: str, kind: str) -> bool:
    """Whether `text` holds a character `kind`'s table changes: a search in C
    is far cheaper than translating a long report that holds none."""
    finder = _FINDERS.get(kind)
    if finder is None:
        import re

        codes = [c for c in _UNSAFE if kind == "text" or c >= 0x7F]
        finder = _FINDERS[kind] = re.compile("[" + "".join(re.escape(chr(c)) for c in codes) + "]")
    return finder.search(text) is not None


def visible(text: str) -> str:
    """`text` with every control character but line break and tab made visible."""
    return text.translate(_table("text")) if _has_unsafe(text, "text") else text


def one_line(text: str) -> str:
    """`visible(text)` with line breaks and tabs escaped too: for one-line messages."""
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")


def json_text(document: object) -> str:
    """`document` as indented JSON, Arabic readable, no control character raw."""
    import json

    text = json.dumps(document, ensure_ascii=False, indent=2)
    return text.translate(_table("json")) if _has_unsafe(text, "json") else text


def echo(text: str, *, nl: bool = True, err: bool = False, columns: bool = True) -> None:
    """Write view text to stdout (stderr with `err`), every control character
    made visible, and a message said in the reader's language, its Arabic
    columns and sentences isolated (bidi.py): a terminal that lays out
    bidirectional text then keeps each column in place, and the dates and
    figures of an Arabic sentence in their order (2026-03-28, not
    28-03-2026). `columns=False` writes the text as it is."""
    from csm_checklist.messages import say

    stream = sys.stderr if err else sys.stdout
    text = visible(say(text))
    if columns and not text.isascii():  # only Arabic needs isolating
        from csm_checklist.cli.views.bidi import isolate_lines

        text = isolate_lines(text)
    stream.write(text + ("\n" if nl else ""))


def safe_console(**options: Any) -> Any:
    """A rich Console whose laid-out text is made visible before it is written."""
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            shown = [
                segment if segment.control else Segment(visible(segment.text), segment.style)
                for segment in buffer
            ]
            # The isolates go in after the escaping, which would show them.
            return super()._render_buffer(_isolated(shown))

    return SafeConsole(**options)


def _isolated(segments: list[Segment]) -> list[Segment]:
    """`segments` with each line's Arabic columns isolated (see bidi.py)."""
    from rich.segment import Segment

    from csm_checklist.cli.views.bidi import has_rtl

    if not any(not s.control and has_rtl(s.text) for s in segments):
        return segments
    done: list[Segment] = []
    line: list[Segment] = []
    for segment in segments:
        if segment.control:
            line.append(segment)
            continue
        for index, part in enumerate(segment.text.split("\n")):
            if index:
                done += [*_isolated_line(line), Segment("\n")]
                line = []
            if part:
                line.append(Segment(part, segment.style))
    return done + _isolated_line(line)


def _isolated_line(line: list[Segment]) -> list[Segment]:
    from rich.segment import Segment

    from csm_checklist.cli.views.bidi import marks

    placed = marks("".join(s.text for s in line if not s.control))
    if not placed:
        return line
    done: list[Segment] = []
    at = 0  # the offset of the next character in the line's text
    for segment in line:
        if segment.control:
            done.append(segment)
            continue
        text, start = segment.text, at
        at += len(text)
        for offset, mark in [m for m in placed if start <= m[0] < at]:
            if offset > start:
                done.append(Segment(text[: offset - start], segment.style))
                text, start = text[offset - start :], offset
            done.append(Segment(mark))
        if text:
            done.append(Segment(text, segment.style))
    done += [Segment(mark) for offset, mark in placed if offset >= at]
    return done
