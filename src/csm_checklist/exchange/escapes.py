"""Text that leaves csm for another program, made safe for where it goes.

- `shown`: control characters, bidi controls and line separators as visible
  escapes (`\\x1b`, `\\u202e`); line breaks and tabs stay. For Markdown, the
  iCalendar file, and CSV written to a terminal.
- `json_exact`: JSON text with the same characters as JSON escapes
  (`\\u001b`, `\\u202e`): the data stays exact, since any JSON reader turns
  them back, but nothing raw reaches a terminal or a pager.
- `md_cell`: a Markdown table cell: `shown`, then HTML, `|` and link
  brackets escaped, line breaks as `<br>`, so no cell can end the table,
  run HTML or make a `javascript:` link.
"""

from __future__ import annotations

import re

# C0 but tab and line break, DEL, C1, ALM, LRM, RLM, the line and paragraph
# separators, the bidi embeddings, overrides and isolates.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
# In JSON text the C0 controls are already escaped by the encoder.
_UNSAFE_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0D:
        return "\\r"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str) -> str:
    """`text` with every unsafe character written as a visible escape."""
    return _UNSAFE.sub(_visible, text)


def json_exact(text: str) -> str:
    """JSON `text` with unsafe characters as JSON escapes (same data)."""
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_MARKDOWN = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "[": "\\[", "]": "\\]", "\\": "\\\\"}
)


def md_cell(value: str | None) -> str:
    """`value` as the text of one Markdown table cell (see above)."""
    if not value:
        return ""
    # A line break (CR, CRLF, LF) would end the row.
    text = value.translate(_MARKDOWN).replace("\r\n", "\n").replace("\r", "\n")
    return shown(text).replace("\n", "<br>")
