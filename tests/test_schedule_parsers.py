"""Parsing weekdays, months and workday sets (DESIGN §2 "Workdays", §5 settings)."""

from __future__ import annotations

from itertools import combinations

import pytest

from csm_checklist.dates.schedule import format_workdays, parse_month, parse_weekday, parse_workdays

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


# -- workdays ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("mon-fri", {MON, TUE, WED, THU, FRI}, id="mon-fri"),
        pytest.param("sun-thu", {SUN, MON, TUE, WED, THU}, id="sun-thu-wraps"),
        pytest.param("sat-wed", {SAT, SUN, MON, TUE, WED}, id="sat-wed-wraps"),
        pytest.param("fri-mon", {FRI, SAT, SUN, MON}, id="fri-mon-wraps"),
        pytest.param("mon,wed,fri", {MON, WED, FRI}, id="comma-list"),
        pytest.param("mon, wed , fri", {MON, WED, FRI}, id="comma-list-spaces"),
        pytest.param("Sun-Thu", {SUN, MON, TUE, WED, THU}, id="capitalised"),
        pytest.param("SUNDAY-THURSDAY", {SUN, MON, TUE, WED, THU}, id="full-names"),
        pytest.param("sun - thu", {SUN, MON, TUE, WED, THU}, id="range-with-spaces"),
        pytest.param("thu", {THU}, id="single-day"),
        pytest.param("wed-wed", {WED}, id="one-day-range"),
        pytest.param("mon-sun", set(range(7)), id="whole-week-mon-sun"),
        pytest.param("sun-sat", set(range(7)), id="whole-week-sun-sat"),
        pytest.param("sun-tue,thu", {SUN, MON, TUE, THU}, id="range-and-day"),
        pytest.param("mon,mon,tue", {MON, TUE}, id="duplicates"),
        pytest.param(["sun", "mon", "tue"], {SUN, MON, TUE}, id="list"),
        pytest.param(["sat-wed"], {SAT, SUN, MON, TUE, WED}, id="list-with-range"),
        pytest.param(("fri", "Saturday"), {FRI, SAT}, id="tuple"),
    ],
)
def test_parse_workdays(text: str | list[str], expected: set[int]) -> None:
    assert parse_workdays(text) == frozenset(expected)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param(",", id="only-comma"),
        pytest.param(" , ", id="blank-items"),
        pytest.param([], id="empty-list"),
        pytest.param("funday", id="not-a-day"),
        pytest.param("mon-", id="open-range-end"),
        pytest.param("-fri", id="open-range-start"),
        pytest.param("mon--fri", id="double-dash"),
        pytest.param("mon-funday", id="bad-range-end"),
        pytest.param("mon;tue", id="semicolon"),
        pytest.param("mo-fr", id="two-letter"),
        pytest.param("1-5", id="numbers"),
        pytest.param(["mon", "xyz"], id="list-with-junk"),
    ],
)
def test_parse_workdays_rejects_bad_input(text: str | list[str]) -> None:
    with pytest.raises(ValueError):
        parse_workdays(text)


@pytest.mark.parametrize(
    ("days", "week_start", "expected"),
    [
        pytest.param({MON, TUE, WED, THU, FRI}, MON, "mon-fri", id="mon-fri"),
        pytest.param({SUN, MON, TUE, WED, THU}, SUN, "sun-thu", id="sun-thu"),
        pytest.param({SUN, MON, TUE, WED, THU}, MON, "sun-thu", id="sun-thu-monday-week"),
        pytest.param({SAT, SUN, MON, TUE, WED}, SAT, "sat-wed", id="sat-wed"),
        pytest.param({MON, WED, FRI}, MON, "mon,wed,fri", id="gaps-comma-list"),
        pytest.param({SUN, MON, WED}, SUN, "sun,mon,wed", id="comma-list-sunday-week-order"),
        pytest.param({SUN, MON, WED}, MON, "mon,wed,sun", id="comma-list-monday-week-order"),
        pytest.param({THU}, MON, "thu", id="single-day"),
    ],
)
def test_format_workdays(days: set[int], week_start: int, expected: str) -> None:
    assert format_workdays(frozenset(days), week_start) == expected


ALL_WORKDAY_SETS = [
    frozenset(combo) for size in range(1, 8) for combo in combinations(range(7), size)
]


@pytest.mark.parametrize("week_start", range(7))
def test_format_workdays_round_trips_every_set(week_start: int) -> None:
    assert len(ALL_WORKDAY_SETS) == 127
    for days in ALL_WORKDAY_SETS:
        text = format_workdays(days, week_start)
        assert parse_workdays(text) == days, (sorted(days), text)


# -- weekdays and months -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon", MON),
        ("tue", TUE),
        ("wed", WED),
        ("thu", THU),
        ("fri", FRI),
        ("sat", SAT),
        ("sun", SUN),
        ("Monday", MON),
        ("TUESDAY", TUE),
        ("wednesday", WED),
        ("Thursday", THU),
        ("friday", FRI),
        ("saturday", SAT),
        ("Sunday", SUN),
        ("Thu", THU),
        (" sat ", SAT),
    ],
)
def test_parse_weekday(text: str, expected: int) -> None:
    assert parse_weekday(text) == expected


@pytest.mark.parametrize("text", ["", "th", "thurs", "funday", "7", "0", "monday,", "mon-fri"])
def test_parse_weekday_rejects_junk(text: str) -> None:
    with pytest.raises(ValueError):
        parse_weekday(text)


MONTHS = [
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("may", "may"),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
]


@pytest.mark.parametrize(
    ("number", "short", "full"),
    [pytest.param(i, short, full, id=short) for i, (short, full) in enumerate(MONTHS, 1)],
)
def test_parse_month_names_and_numbers(number: int, short: str, full: str) -> None:
    assert parse_month(short) == number
    assert parse_month(short.upper()) == number
    assert parse_month(full) == number
    assert parse_month(full.capitalize()) == number
    assert parse_month(number) == number
    assert parse_month(str(number)) == number


def test_parse_month_trims_spaces() -> None:
    assert parse_month(" nov ") == 11


@pytest.mark.parametrize(
    "value",
    [0, 13, -1, "0", "13", "-1", "", "novem", "sept.", "jan-feb", "month", True, False],
)
def test_parse_month_rejects_junk(value: str | int) -> None:
    with pytest.raises(ValueError):
        parse_month(value)
