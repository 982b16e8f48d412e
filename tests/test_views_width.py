"""`csm list`, `show`, `history`, `run show` and the runs of `csm today`
fit the terminal at 60, 80, 100 and 120 columns, in English and Arabic:
titles, notes and names are shortened with "…", a less important column
goes first, and ids, dates and numbers are never cut; piped output is not
shortened. The layouts are checked against golden files (without the
directional marks, which tests/test_bidi_columns.py checks), and the
Arabic lines are reordered with FriBidi at every width.

Set CSM_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
change, then read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine
from rich.cells import cell_len

from bidi import ZERO_WIDTH, misplaced, unmarked
from clihelp import run

GOLDEN = Path(__file__).parent / "golden" / "width"
RUN = "crisis-2027-01-07"
VIEWS = {
    "list": ("list",),
    "show": ("show", "monitor-accounts"),
    "history": ("history",),
    "run-show": ("run", "show", RUN),
    "today-runs": ("today", "--on", "2027-01-07"),
}
NOTES = {
    "en": "two calls with customers about the outage of 2027-01-06",
    "ar": "مكالمتان 2 مع العملاء يوم 2027-01-06",
}
NAMES = {"en": "a hacked account, and a long name", "ar": "حساب مخترق"}
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_ARABIC_AT_START = re.compile("^[\u0600-\u06ff]")


@contextmanager
def at(moment: str) -> Iterator[None]:
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def _record(config_dir: Path, lang: str) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text(f"user: Mona\nlang: {lang}\n", encoding="utf-8")
    with at("2027-01-07T09:00"):
        assert run("history", "start", "2026-12-01").exit_code == 0
        done = ("done", "monitor-accounts", "--on", "2027-01-06", "--note", NOTES[lang])
        assert run(*done).exit_code == 0
        assert run("done", "daily-engagement", "--on", "2027-01-07").exit_code == 0
        assert run("run", "start", "crisis", "--name", NAMES[lang]).exit_code == 0
        assert run("done", f"{RUN}/assess").exit_code == 0


def _shown(view: str, monkeypatch: pytest.MonkeyPatch, columns: int | None) -> str:
    """What `view` prints in a terminal `columns` wide, or piped (None)."""
    if columns is not None:
        monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", str(columns or 60))
    with at("2027-01-07T12:00"):
        result = run(*VIEWS[view])
    assert result.exit_code == 0, result.stderr
    text = _ANSI.sub("", result.stdout)
    if view == "today-runs":
        # The runs come last, after a blank line; the agenda above has
        # tests of its own.
        text = text.rsplit("\n\n", 1)[-1]
    return text


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CSM_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("columns", [60, 80, 100, 120])
@pytest.mark.parametrize("view", list(VIEWS))
def test_views_fit_the_terminal(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch, view: str, columns: int, lang: str
) -> None:
    _record(config_dir, lang)
    text = _shown(view, monkeypatch, columns)
    check_golden(f"{view}.{lang}.{columns}.txt", unmarked(text))
    lines = text.splitlines()
    assert [line for line in lines if cell_len(line) > columns] == []
    if lang == "ar":
        assert misplaced(lines, "ltr") == []
        rows = [line for line in lines if not _ARABIC_AT_START.match(line.lstrip(ZERO_WIDTH))]
        assert misplaced(rows, "auto") == []


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("view", [v for v in VIEWS if v != "list"])
def test_piped_views_are_not_shortened(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch, view: str, lang: str
) -> None:
    # `list` has its own plain view for pipes, tested in test_list_cli.py.
    _record(config_dir, lang)
    text = unmarked(_shown(view, monkeypatch, None))
    check_golden(f"{view}.{lang}.piped.txt", text)
    assert "…" not in text


def test_a_column_goes_before_a_title_is_shortened() -> None:
    from csm_checklist.cli.views.common import choose_layout

    rows = [["1.", "step", "A title of thirty cells, about", "2h", "due 2027-01-07 13:00"]]
    layouts = (((0, 1, 2, 3, 4), (2,)), ((0, 1, 2, 4), (2,)), ((1, 2, 4), (2,)))
    assert choose_layout(rows, layouts, 66) == ([0, 1, 2, 3, 4], [2])
    assert choose_layout(rows, layouts, 64) == ([0, 1, 2, 4], [2])
    assert choose_layout(rows, layouts, 58) == ([1, 2, 4], [1])
    assert choose_layout(rows, layouts, 48) == ([1, 2, 4], [1])  # the title at 20 cells
    assert choose_layout(rows, layouts, 40) is None


def test_shortened_columns_share_the_cut() -> None:
    from csm_checklist.cli.views.common import fit_widths

    assert fit_widths([10, 30, 30], 60, (1, 2)) == [10, 16, 30]
    assert fit_widths([10, 30, 30], 60, (1, 2), share=20) == [10, 20, 26]
    assert fit_widths([10, 30, 30], 40, (1, 2), share=20) == [10, 8, 18]
