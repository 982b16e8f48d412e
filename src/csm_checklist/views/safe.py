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

import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.segment import Segment

# C0 controls but \t and \n, DEL, C1 controls, and the bidi embeddings,
# overrides and isolates (U+202A-U+202E, U+2066-U+2069).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# JSON escapes C0 itself; these are the rest, written as JSON escapes.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0D:
        return "\\r"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character but line break and tab made visible."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """`visible(text)` with line breaks and tabs escaped too: for one-line messages."""
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")


def json_text(document: object) -> str:
    """`document` as indented JSON, Arabic readable, no control character raw."""
    import json

    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def echo(text: str, *, nl: bool = True, err: bool = False) -> None:
    """Write view text to stdout (stderr with `err`), every control character
    made visible."""
    stream = sys.stderr if err else sys.stdout
    stream.write(visible(text) + ("\n" if nl else ""))


def safe_console(**options: Any) -> Any:
    """A rich Console whose laid-out text is made visible before it is written."""
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            return super()._render_buffer(
                segment if segment.control else Segment(visible(segment.text), segment.style)
                for segment in buffer
            )

    return SafeConsole(**options)
