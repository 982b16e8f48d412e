"""Lines laid out as a terminal that implements bidirectional text shows them.

GNOME Terminal (VTE) reorders each line with GNU FriBidi (VTE's
src/bidi.cc calls fribidi_get_par_embedding_levels_ex), in implicit mode
with a left-to-right base direction unless the program asks for
autodetection (VTE's src/modes.hh: BDSM set, VTE_BIDI_AUTO not). So these
helpers run the `fribidi` command (Debian's libfribidi-bin, installed by
.ci/run) over every line, with the base direction forced to LTR or detected
from the first strong character ("auto", FriBidi's weak LTR), and check
that the columns of each line come out left to right in the order they
were written.

VTE stores a zero-width character with the cell before it and drops one
written at column 0, so a mark that starts a line is dropped here too.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess

import pytest

ZERO_WIDTH = "\u200e\u200f\u2066\u2067\u2068\u2069"
_FIELD = re.compile(r"\S+(?: \S+)*")  # a column: text up to a gap of two spaces
# Ids, dates, times, numbers; a colon or stop after one is the sentence's.
_LATIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9:./_%-]*[A-Za-z0-9%])?")
BASES = {"ltr": "--ltr", "auto": "--wltr"}


def _fribidi() -> str:
    found = shutil.which("fribidi")
    if found is None:
        pytest.fail("GNU FriBidi (Debian's libfribidi-bin) is not installed; .ci/run installs it")
    return found


def visual_orders(lines: list[str], base: str) -> list[list[int]]:
    """For each line, the logical index of the character in each visual
    position, left to right, zero-width marks left out."""
    kept = [line.lstrip(ZERO_WIDTH) for line in lines]
    done = subprocess.run(
        [_fribidi(), BASES[base], "--nobreak", "--novisual", "--vtol"],
        input="".join(line + "\n" for line in kept),
        capture_output=True,
        text=True,
        check=True,
    )
    maps = done.stdout.splitlines()
    assert len(maps) == len(kept), done.stdout
    orders = []
    for line, shown, found in zip(lines, kept, maps, strict=True):
        assert len(found.split()) == len(shown), (shown, found)
        drop = len(line) - len(shown)  # the marks VTE dropped
        orders.append([int(i) + drop for i in found.split() if shown[int(i)] not in ZERO_WIDTH])
    return orders


def misplaced(lines: list[str], base: str) -> list[str]:
    """The lines whose columns, or whose Latin words, dates and numbers, a
    bidirectional terminal shows out of their written order."""
    wrong = []
    for line, order in zip(lines, visual_orders(lines, base), strict=True):
        where = {logical: visual for visual, logical in enumerate(order)}
        fields = [
            [where[i] for i in range(m.start(), m.end()) if i in where]
            for m in _FIELD.finditer(line)
        ]
        fields = [field for field in fields if field]
        in_order = all(max(a) < min(b) for a, b in itertools.pairwise(fields))
        words = [[where[i] for i in range(m.start(), m.end())] for m in _LATIN.finditer(line)]
        intact = all(word == list(range(word[0], word[0] + len(word))) for word in words)
        if not (in_order and intact):
            wrong.append(line)
    return wrong


def unmarked(text: str) -> str:
    """`text` without its directional marks: the words a reader sees."""
    return text.translate({ord(mark): None for mark in ZERO_WIDTH})
