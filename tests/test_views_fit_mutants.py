"""The building blocks every fitted view shares (`views/common.py`): which
layout is chosen, how columns are narrowed and shared, and how one line is
shortened. Exact values, so a wrong comparison or bound shows."""

from __future__ import annotations

import pytest

from csm_checklist.cli.views.common import (
    MIN_CELLS,
    TITLE_CELLS,
    cell_len,
    choose_layout,
    fit_columns,
    fit_line,
    fit_widths,
    pad,
    styled_columns,
)

ROWS = [
    ["monitor-accounts", "Monitor the social media accounts", "daily", "due"],
    ["team-meeting", "Team meeting", "weekly", "done"],
]
LAYOUTS = [((0, 1, 2, 3), (1,)), ((0, 1, 3), (1,))]


@pytest.mark.parametrize(
    ("room", "least", "layout"),
    [
        (65, TITLE_CELLS, ([0, 1, 2, 3], [1])),  # 16+33+6+4 and three gaps: all whole
        (64, TITLE_CELLS, ([0, 1, 3], [1])),  # the cadence goes; the title stays whole (57)
        (57, TITLE_CELLS, ([0, 1, 3], [1])),
        (56, TITLE_CELLS, ([0, 1, 2, 3], [1])),  # none whole: all four, title at 20+ (52)
        (52, TITLE_CELLS, ([0, 1, 2, 3], [1])),
        (51, TITLE_CELLS, ([0, 1, 3], [1])),  # the cadence goes before the title drops below 20
        (44, TITLE_CELLS, ([0, 1, 3], [1])),  # 16+20+4+4
        (43, TITLE_CELLS, None),
        (51, 8, ([0, 1, 2, 3], [1])),  # a lower floor keeps every column longer
        (43, 8, ([0, 1, 2, 3], [1])),
    ],
)
def test_choose_layout(room: int, least: int, layout: tuple[list[int], list[int]] | None) -> None:
    assert choose_layout(ROWS, LAYOUTS, room, least=least) == layout


def test_shrink_names_positions_among_the_kept_columns() -> None:
    assert choose_layout(ROWS, [((0, 3, 1), (1,))], 45) == ([0, 3, 1], [2])
    assert choose_layout(ROWS, [((0, 3, 1), (1,))], 43) is None


def test_a_cell_with_a_line_break_is_measured_on_one_line() -> None:
    rows = [["a", "x\ny"]]  # "x / y": 5 cells
    assert choose_layout(rows, [((0, 1), ())], 8) == ([0, 1], [])
    assert choose_layout(rows, [((0, 1), ())], 7) is None


@pytest.mark.parametrize(
    ("widths", "room", "shrink", "least", "share", "fitted"),
    [
        ([10, 10], 22, [0], 8, None, [10, 10]),
        ([10, 10], 21, [0], 8, None, [9, 10]),
        ([10, 10], 20, [0], 8, None, [8, 10]),
        ([10, 10], 19, [0], 8, None, None),
        ([10, 10], 18, [0, 1], 8, None, [8, 8]),
        ([20, 20], 30, [0, 1], 4, None, [8, 20]),
        ([20, 20], 30, [0, 1], 4, 12, [12, 16]),
        ([20, 20], 20, [0, 1], 4, 12, [6, 12]),  # both to 12 first, then the first gives
        ([20, 5], 20, [0, 1], 4, 12, [13, 5]),
        ([3, 10], 13, [0, 1], 8, None, [3, 8]),  # a column already narrower gives nothing
    ],
)
def test_fit_widths_table(
    widths: list[int], room: int, shrink: list[int], least: int, share: int | None,
    fitted: list[int] | None,
) -> None:  # fmt: skip
    assert fit_widths(widths, room, shrink, least, share) == fitted


def test_styled_columns_share_the_cut() -> None:
    rows = [[("a" * 20, ""), ("b" * 20, "")]]
    shared = styled_columns(rows, width=30, shrink=[0, 1], least=4, share=12)
    assert [line.plain for line in shared] == ["a" * 11 + "…  " + "b" * 15 + "…"]
    alone = styled_columns(rows, width=30, shrink=[0, 1], least=4)
    assert [line.plain for line in alone] == ["a" * 7 + "…  " + "b" * 20]


def test_styled_columns_without_room_keeps_its_widths() -> None:
    rows = [[("a" * 20, ""), ("b" * 20, "")]]
    assert [line.plain for line in styled_columns(rows, width=10, shrink=[0])] == [
        "a" * 20 + "  " + "b" * 20
    ]


def test_styled_columns_of_nothing() -> None:
    assert styled_columns([]) == []


@pytest.mark.parametrize(
    ("width", "lines"),
    [
        (None, ["  ab    c", "  abcd  ef"]),
        (10, ["  ab    c", "  abcd  ef"]),
        (9, ["  ab    c", "  abcd  ef"]),  # no room even at 8 cells: the widths stay
    ],
)
def test_fit_columns(width: int | None, lines: list[str]) -> None:
    assert fit_columns([["ab", "c"], ["abcd", "ef"]], width, [0], indent="  ") == lines


def test_fit_columns_shortens_only_with_a_width() -> None:
    rows = [["monitor-accounts", "Monitor the social media accounts"]]
    assert fit_columns(rows, None, [1]) == ["monitor-accounts  Monitor the social media accounts"]
    assert fit_columns(rows, 40, [1]) == ["monitor-accounts  Monitor the social me…"]
    assert cell_len(fit_columns(rows, 40, [1])[0]) == 40
    assert fit_columns(rows, 40, [1], indent="  ") == ["  monitor-accounts  Monitor the social…"]


@pytest.mark.parametrize(
    ("text", "width", "line"),
    [
        ("Monitor the accounts", None, "Monitor the accounts"),
        ("Monitor the accounts", 20, "Monitor the accounts"),
        ("Monitor the accounts", 19, "Monitor the accoun…"),
        ("Monitor the accounts", 1, "…"),
        ("مراقبة الحسابات", 15, "مراقبة الحسابات"),
        ("مراقبة الحسابات", 10, "مراقبة ال…"),
    ],
)
def test_fit_line(text: str, width: int | None, line: str) -> None:
    assert fit_line(text, width) == line


@pytest.mark.parametrize(
    ("text", "cells"),
    [("", 0), ("abc", 3), ("تُتابع", 5), ("\u2068x\u2069", 1), ("日本", 4)],
)
def test_cell_len(text: str, cells: int) -> None:
    assert cell_len(text) == cells


def test_pad_counts_cells() -> None:
    assert pad("تُتابع", 7) == "تُتابع  "
    assert pad("abc", 2) == "abc"
    assert MIN_CELLS == 8 and TITLE_CELLS == 20
