"""The pieces every view is made of, exactly: stored text made safe to show,
bars, aligned and fitted columns, and the words around the data. Each case
is worked out by hand."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from rich.text import Text

from csm_checklist.cli.views import labels, safe
from csm_checklist.cli.views.common import (
    align_columns,
    bar_cells,
    fit_widths,
    hijri_note,
    one_line,
    percent,
    styled_columns,
    terminal_console,
    text_bar,
)
from csm_checklist.cli.views.labels import label

# safe ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def empty_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    """The escape tables and finders are built on first use: each test
    starts without them, so it checks how they are built, not a copy."""
    monkeypatch.setattr(safe, "_TABLES", {})
    monkeypatch.setattr(safe, "_FINDERS", {})


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\r", "\\r"),
        ("\x0c", "\\x0c"),
        ("\x0e", "\\x0e"),
        ("\x1f", "\\x1f"),
        ("\x08", "\\x08"),
        ("\x7f\x9f", "\\x7f\\x9f"),
        ("\xa0\xff é", "\xa0\xff é"),
        ("\u202a\u202e\u2066\u2069", "\\u202a\\u202e\\u2066\\u2069"),
        ("\u2029\u206a\u202f", "\\u2029\u206a\u202f"),
        ("\u200e\u200f\u061c\u2028", "\\u200e\\u200f\\u061c\\u2028"),
        ("\u200d\u200b\u061b\u2027", "\u200d\u200b\u061b\u2027"),
        ("line\nbreak\ttab", "line\nbreak\ttab"),
        ("plain", "plain"),
    ],
)
def test_visible_escapes_exactly_the_unsafe_characters(text: str, shown: str) -> None:
    assert safe.visible(text) == shown


def test_one_line_escapes_breaks_and_tabs_too() -> None:
    assert safe.one_line("a\nb\tc\x1b") == "a\\nb\\tc\\x1b"


@pytest.mark.parametrize(
    ("document", "text"),
    [
        ({"n": "é\x1b"}, '{\n  "n": "é\\u001b"\n}'),
        (
            ["\x7f", "\x85", "\u202e", "\u2069"],
            '[\n  "\\u007f",\n  "\\u0085",\n  "\\u202e",\n  "\\u2069"\n]',
        ),
        ("سلام", '"سلام"'),
    ],
)
def test_json_text(document: object, text: str) -> None:
    assert safe.json_text(document) == text


def test_the_escape_tables_differ_by_kind() -> None:
    assert safe.json_text("\x7f") == '"\\u007f"'
    assert safe.visible("\x7f") == "\\x7f"
    assert safe.json_text("\x9b") == '"\\u009b"'
    assert safe.visible("\x9b") == "\\x9b"
    assert safe.json_text("\x1f") == '"\\u001f"'


def test_each_kind_builds_its_table_and_finder_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Built on first use and kept: a long report is scanned in C, not
    # translated, and nothing is compiled again for the next text.
    compiled: list[str] = []
    compile_pattern = re.compile

    def counting(pattern: str, *args: int) -> re.Pattern[str]:
        compiled.append(pattern)
        return compile_pattern(pattern, *args)

    monkeypatch.setattr(re, "compile", counting)
    for _ in range(3):
        assert safe.visible("a\x1b") == "a\\x1b"
        assert safe.json_text("\x7f") == '"\\u007f"'
    assert len(compiled) == 2
    assert sorted(safe._TABLES) == sorted(safe._FINDERS) == ["json", "text"]
    assert safe._table("text") is safe._table("text")
    assert safe._table("json") is safe._table("json")


def test_plain_text_needs_no_translating() -> None:
    assert not safe._has_unsafe("Xplain text, عربي\n\t", "text")
    assert safe._has_unsafe("\x1b", "text")
    assert not safe._has_unsafe("\x1b", "json")  # JSON escapes C0 itself
    assert safe._has_unsafe("\x9b", "json")


def test_echo_writes_visible_text_where_it_is_asked(capsys: pytest.CaptureFixture[str]) -> None:
    safe.echo("out\x1b")
    safe.echo("err\r", err=True)
    safe.echo("no break", nl=False)
    captured = capsys.readouterr()
    assert captured.out == "out\\x1b\nno break"
    assert captured.err == "err\\r\n"


def test_the_safe_console_escapes_text_but_not_its_own_controls() -> None:
    out = io.StringIO()
    console = safe.safe_console(file=out, force_terminal=True, color_system=None, width=40)
    console.print(Text("a\x1b[2Jb"))
    console.bell()
    assert out.getvalue() == "a\\x1b[2Jb\n\x07"


# common -------------------------------------------------------------------------


def test_the_terminal_console(monkeypatch: pytest.MonkeyPatch) -> None:
    console = terminal_console()
    assert console._highlight is False
    assert console.soft_wrap is False
    assert console._force_terminal is None
    console.print("x\x1b")  # a safe console: shown, never obeyed
    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    assert terminal_console()._force_terminal is True
    assert terminal_console().is_terminal


def test_the_terminal_console_shows_stored_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    terminal_console().print("x\x1b")
    assert capsys.readouterr().out == "x\\x1b\n"


@pytest.mark.parametrize(
    ("done", "total", "width", "skipped", "cells"),
    [
        (0, 0, 20, 0, (0, 0)),
        (1, 1, 10, 0, (10, 0)),
        (5, 5, 10, 1, (10, 0)),
        (1, 0, 20, 0, (0, 0)),
        (3, -1, 20, 0, (0, 0)),
        (0, 5, 20, 0, (0, 0)),
        (1, 5, 20, 0, (4, 0)),
        (1, 100, 20, 0, (1, 0)),
        (99, 100, 20, 0, (19, 0)),
        (100, 100, 20, 0, (20, 0)),
        (4, 5, 10, 0, (8, 0)),
        (5, 5, 10, 0, (10, 0)),
        (2, 4, 10, 1, (5, 3)),
        (2, 4, 10, 2, (5, 5)),
        (0, 4, 10, 4, (0, 10)),
        (0, 100, 10, 1, (0, 1)),
        (98, 100, 10, 1, (9, 0)),
        (1, 3, 10, 1, (3, 4)),
        (1, 3, 10, 5, (3, 7)),
        (0, 3, 10, 2, (0, 7)),
        (0, 3, 9, 2, (0, 6)),
        (95, 100, 10, 4, (9, 0)),
        (0, 1000, 10, 999, (0, 9)),
    ],
)
def test_bar_cells(done: int, total: int, width: int, skipped: int, cells: tuple[int, int]) -> None:
    assert bar_cells(done, total, width, skipped) == cells


def test_bar_cells_default_width() -> None:
    assert bar_cells(1, 2) == (10, 0)
    assert bar_cells(1, 4, skipped=1) == (5, 5)


@pytest.mark.parametrize(
    ("args", "bar"),
    [
        ((1, 2), "[##########----------]"),
        ((1, 4, 8, 1), "[##==----]"),
        ((0, 0, 4), "[----]"),
        ((3, 3, 3), "[###]"),
    ],
)
def test_text_bar(args: tuple[int, ...], bar: str) -> None:
    assert text_bar(*args) == bar


def test_align_columns() -> None:
    with pytest.raises(ValueError):  # a row with a cell too many is a mistake, never cut
        align_columns([("a", "b"), ("c", "d", "e")])
    assert align_columns([]) == []
    assert align_columns([("a", "bb", ""), ("ccc", "d", "")]) == ["a    bb", "ccc  d"]
    assert align_columns([("a", "b"), ("cc", "d")], gap=" | ") == ["a  | b", "cc | d"]


@pytest.mark.parametrize(
    ("widths", "room", "shrink", "least", "fitted"),
    [
        ([10, 10], 22, [1], 8, [10, 10]),
        ([10, 10], 21, [1], 8, [10, 9]),
        ([10, 10], 20, [1, 0], 8, [10, 8]),
        ([10, 10], 18, [1, 0], 8, [8, 8]),
        ([10, 10], 17, [1, 0], 8, None),
        ([10, 10], 17, [1, 0], 3, [10, 5]),
        ([10, 5], 15, [1, 0], 8, [8, 5]),
        ([10, 5], 13, [1, 0], 8, None),
        ([10, 10, 10], 32, [], 8, None),
        ([10, 10, 10], 34, [], 8, [10, 10, 10]),
        ([12], 12, [0], 8, [12]),
        ([12], 9, [0], 8, [9]),
    ],
)
def test_fit_widths(
    widths: list[int], room: int, shrink: list[int], least: int, fitted: list[int] | None
) -> None:
    assert fit_widths(widths, room, shrink, least) == fitted


def test_fit_widths_default_least() -> None:
    assert fit_widths([20], 5, [0]) is None
    assert fit_widths([20], 8, [0]) == [8]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("one", "one"),
        ("a\nb", "a / b"),
        ("a\rb", "a / b"),
        ("a\r\nb\n \nc\n", "a / b / c"),
        ("two words\nnext", "two words / next"),
    ],
)
def test_one_line(text: str, line: str) -> None:
    assert one_line(text) == line


def markup(lines: list[Text]) -> list[str]:
    return [line.markup for line in lines]


def test_styled_columns_pads_by_cells_and_keeps_styles() -> None:
    rows = [
        [("id", "bold"), ("مهمة", ""), ("x", "dim")],
        [("longer", ""), ("t", "red"), ("", "")],
    ]
    assert styled_columns([]) == []
    assert markup(styled_columns(rows, indent="> ")) == [
        "> [bold]id[/bold]      مهمة  [dim]x[/dim]",
        "> longer  [red]t[/red]",
    ]


def test_styled_columns_shortens_the_columns_named_to_fit() -> None:
    rows = [[("identifier", ""), ("a long title here", ""), ("end", "")]]
    lines = styled_columns(rows, indent="  ", width=30, shrink=(1,), least=4)
    assert [line.plain for line in lines] == ["  identifier  a long tit…  end"]
    assert lines[0].cell_len == 30
    # Too narrow even then: the columns stay whole.
    lines = styled_columns(rows, indent="  ", width=20, shrink=(1,), least=4)
    assert [line.plain for line in lines] == ["  identifier  a long title here  end"]
    lines = styled_columns(rows, indent="  ", width=24, shrink=(1,), least=4)
    assert [line.plain for line in lines] == ["  identifier  a lo…  end"]
    lines = styled_columns(rows, indent="  ", width=24, shrink=(1,))
    assert [line.plain for line in lines] == ["  identifier  a long title here  end"]
    lines = styled_columns(rows, width=21, shrink=(1,))
    assert [line.plain for line in lines] == ["identifier  a long title here  end"]
    lines = styled_columns(rows, width=27, shrink=(1,))
    assert [line.plain for line in lines] == ["identifier  a long ti…  end"]


def test_styled_columns_puts_a_cell_on_one_line() -> None:
    lines = styled_columns([[("a\nb", ""), ("c", "")]])
    assert [line.plain for line in lines] == ["a / b  c"]


@pytest.mark.parametrize(
    ("part", "whole", "text"),
    [(1, 3, "33%"), (2, 3, "67%"), (0, 0, "-"), (5, 0, "-"), (3, 3, "100%"), (0, 4, "0%")],
)
def test_percent(part: int, whole: int, text: str) -> None:
    assert percent(part, whole) == text


def test_hijri_note() -> None:
    day = date(2026, 3, 20)
    assert hijri_note(day, "en", False) == ""
    assert hijri_note(day, "en", True) == " (1 Shawwal 1447 AH)"
    assert hijri_note(day, "ar", True) == " (1 شوال 1447 هـ)"
    assert (
        hijri_note(day, "en", True, date(2026, 3, 21)) == " (1 Shawwal 1447 AH → 2 Shawwal 1447 AH)"
    )


def test_hijri_note_is_empty_when_there_is_no_hijri_date(monkeypatch: pytest.MonkeyPatch) -> None:
    from csm_checklist.dates import hijri

    monkeypatch.setattr(hijri, "hijri_span", lambda first, last, lang: "")
    assert hijri_note(date(2026, 3, 20), "en", True) == ""


# labels -------------------------------------------------------------------------


def test_label_in_each_language_and_falls_back_to_english() -> None:
    assert label("done", "en") == "done"
    assert label("done", "ar") == "تم"
    assert label("done", "fr") == "done"
    assert label("list_sep", "ar") == "، "
    # The cadence names come from the wording catalog, without its prefix.
    assert label("weekly", "en") == "weekly"
    assert label("weekly", "ar") == "أسبوعي"
    with pytest.raises(KeyError):
        label("views.done", "en")
    with pytest.raises(KeyError):
        label("no-such-word", "ar")


def test_label_falls_back_to_english_for_an_empty_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(labels, "_TABLES", {})
    monkeypatch.setitem(labels.MESSAGES, "views.done", ("done", ""))
    monkeypatch.setitem(labels.WORDING, "wording.cadence.weekly", ("weekly", ""))
    assert label("done", "ar") == "done"
    assert label("weekly", "ar") == "weekly"
    assert label("skipped", "ar") == "تم تخطيه"
    # Each language's table is built once and kept.
    assert set(labels._TABLES) == {"ar"}
    monkeypatch.setitem(labels.MESSAGES, "views.done", ("done", "أُنجز"))
    assert label("done", "ar") == "done"


def test_the_safe_console_keeps_the_styles_it_escapes_within() -> None:
    out = io.StringIO()
    console = safe.safe_console(file=out, force_terminal=True, color_system="standard", width=40)
    console.print(Text("a\x1b", style="bold"))
    assert out.getvalue() == "\x1b[1ma\\x1b\x1b[0m\n"
