"""Arabic columns stay in their columns in terminals that lay out
bidirectional text: every view is rendered with Arabic titles, in a
terminal and piped, and each line is reordered with GNU FriBidi, the
implementation GNOME Terminal (VTE) uses, as bidi.py explains."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine

from bidi import ZERO_WIDTH, misplaced, unmarked
from clihelp import run

RUN = "crisis-2027-01-07"
VIEWS = [
    ("today", "--on", "2027-01-07"),
    ("due", "--on", "2027-01-07"),
    ("list",),
    ("show", "monitor-accounts"),
    ("log",),
    ("report", "--period", "month", "--on", "2027-01-07"),
    ("history",),
    ("run", "list"),
    ("run", "show", RUN),
]
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_ARABIC_AT_START = re.compile("^[\u0600-\u06ff]")


@contextmanager
def at(moment: str) -> Iterator[None]:
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


@pytest.fixture
def arabic_log(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\nlang: ar\n", encoding="utf-8")
    with at("2027-01-07T09:00"):
        assert run("history", "start", "2026-12-01").exit_code == 0
        note = "مكالمتان 2 مع العملاء يوم 2027-01-06"
        assert run("done", "monitor-accounts", "--on", "2027-01-06", "--note", note).exit_code == 0
        assert run("done", "daily-engagement", "--on", "2027-01-07").exit_code == 0
        assert run("run", "start", "crisis", "--name", "حساب مخترق").exit_code == 0
        assert run("done", f"{RUN}/assess").exit_code == 0


def _lines(view: tuple[str, ...], terminal: bool, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    if terminal:
        monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", "80")
    with at("2027-01-07T12:00"):
        result = run(*view)
    assert result.exit_code == 0, result.stderr
    return _ANSI.sub("", result.stdout).splitlines()


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "plain"])
@pytest.mark.parametrize("view", VIEWS, ids=[" ".join(v[:2]) for v in VIEWS])
def test_columns_keep_their_order_when_reordered(
    arabic_log: None, monkeypatch: pytest.MonkeyPatch, view: tuple[str, ...], terminal: bool
) -> None:
    lines = _lines(view, terminal, monkeypatch)
    assert any(re.search("[\u0600-\u06ff]", line) for line in lines)
    assert misplaced(lines, "ltr") == []
    # A terminal that detects each line's direction lays out a line that
    # begins with Arabic right to left: csm cannot say otherwise there,
    # since VTE drops a mark written at column 0. Every other line keeps
    # its columns left to right.
    rows = [line for line in lines if not _ARABIC_AT_START.match(line.lstrip(ZERO_WIDTH))]
    assert misplaced(rows, "auto") == []


@pytest.mark.parametrize("view", [VIEWS[0], VIEWS[2], VIEWS[7]], ids=["today", "list", "run list"])
def test_without_the_marks_the_columns_are_misplaced(
    arabic_log: None, monkeypatch: pytest.MonkeyPatch, view: tuple[str, ...]
) -> None:
    # The check above can fail: the same lines without their marks do.
    lines = _lines(view, True, monkeypatch)
    assert misplaced([unmarked(line) for line in lines], "ltr") != []


def test_the_date_after_an_arabic_title_is_shown_in_order() -> None:
    from csm_checklist.cli.views.bidi import isolate_line

    line = "  monitor-accounts  مراقبة الحسابات  تم 2027-01-07"
    assert misplaced([line], "ltr") == [line]
    assert isolate_line(line) == (
        "  monitor-accounts  \u2068مراقبة الحسابات\u2069  \u2068تم \u20662027-01-07\u2069\u2069"
    )
    assert misplaced([isolate_line(line)], "ltr") == []


def test_lines_without_arabic_and_json_are_untouched(
    arabic_log: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with at("2027-01-07T12:00"):
        for view in (("today", "--on", "2027-01-07", "--json"), ("run", "show", RUN, "--json")):
            text = run(*view).stdout
            assert not set(text) & set(ZERO_WIDTH)
            json.loads(text)
        run("config", "set", "lang", "en")
        assert not set(run("run", "list").stdout) & set(ZERO_WIDTH)


def test_marks_take_no_cell_and_stored_ones_stay_visible(
    arabic_log: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.cells import cell_len

    assert cell_len("\u2066\u2068\u2069") == 0
    with at("2027-01-07T12:00"):
        run("done", "team-supervision", "--on", "2027-01-07", "--note", "\u202eعكس\u2069")
    lines = _lines(("log",), True, monkeypatch)
    assert any("\\u202eعكس\\u2069" in line for line in lines)


def test_plain_columns_are_padded_by_cells() -> None:
    # "المعرّف" has a shadda: 7 characters, 6 cells. Padding by characters
    # put every column after it one cell to the left.
    from rich.cells import cell_len

    from csm_checklist.cli.views.common import align_columns

    lines = align_columns([["1", "المعرّف", "x"], ["2", "abcdef", "y"], ["3", "表格", "z"]])
    assert {cell_len(line[:-1]) for line in lines} == {11}
