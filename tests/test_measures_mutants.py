"""The measures' rules, exactly and fast: reading `--measure` and its
refusals (message and hint, with their parameters), the example a hint
gives, how a window's periods combine, the rows a report shows, and the
sparkline and number forms. Every expected value is worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from csm_checklist.dates.schedule import Recurrence
from csm_checklist.duties.catalog import Item, Measure, Text
from csm_checklist.errors import BadInput
from csm_checklist.rules.measures import (
    MeasureRow,
    combine,
    example_value,
    number,
    parse_measure_options,
    period_rows,
    recorded,
    signed,
    sparkline,
)
from csm_checklist.store.measure_records import MeasureValue

COMPLAINTS = Measure("complaints", Text("Complaints", "الشكاوى"), combine="sum")
CSAT = Measure(
    "csat", Text("CSAT", "الرضا"), unit="/5", target=4.5, better="higher", combine="mean"
)
RATE = Measure("rate", Text("Rate", "النسبة"), unit="%")


def item(
    item_id: str = "figures",
    measures: tuple[Measure, ...] = (COMPLAINTS, CSAT, RATE),
    cadence: str = "monthly",
) -> Item:
    return Item(
        item_id,
        Text(item_id.title(), "أرقام"),
        None,
        "ops",
        Recurrence(cadence),  # type: ignore[arg-type]
        (),
        True,
        Path("figures.yaml"),
        1,
        measures=measures,
    )


FIGURES = item()


def refusal(items: list[Item], *texts: str) -> tuple[Any, ...]:
    with pytest.raises(BadInput) as caught:
        parse_measure_options(items, list(texts))
    message, hint = caught.value.message, caught.value.hint
    return message.id, message.params, hint.id, hint.params  # type: ignore[union-attr]


# Reading --measure ------------------------------------------------------------------


def test_no_measure_given_is_nothing_to_record_whatever_the_items() -> None:
    assert parse_measure_options([], []) == []
    assert parse_measure_options([FIGURES, FIGURES], []) == []


def test_values_are_read_in_the_order_given_with_their_units() -> None:
    assert parse_measure_options([FIGURES], [" csat = 4.6/5 ", "complaints=132", "rate=82 %"]) == [
        ("csat", 4.6, "/5"),
        ("complaints", 132.0, ""),
        ("rate", 82.0, "%"),
    ]
    # The unit may be left out; a value without a unit has none to strip.
    assert parse_measure_options([FIGURES], ["csat=4", "complaints=-3.5"]) == [
        ("csat", 4.0, "/5"),
        ("complaints", -3.5, ""),
    ]


@pytest.mark.parametrize("count", [0, 2])
def test_measures_are_for_one_item_only(count: int) -> None:
    assert refusal([FIGURES] * count, "csat=4") == (
        "errors.measure_one_item",
        {"count": count},
        "errors.measure_one_item_hint",
        {},
    )


def test_an_item_without_measures_takes_none() -> None:
    assert refusal([item("calls", ())], "csat=4") == (
        "errors.measure_none_declared",
        {"item": "calls"},
        "errors.measure_none_declared_hint",
        {},
    )


def test_a_text_without_an_equals_sign_is_not_a_pair() -> None:
    assert refusal([FIGURES], "csat") == (
        "errors.measure_not_pair",
        {"text": "csat"},
        "errors.measure_known",
        {"known": "complaints, csat, rate", "first": "csat", "value": "4.5"},
    )


def test_an_unknown_name_suggests_the_closest_else_the_first() -> None:
    assert refusal([FIGURES], " csta =4") == (
        "errors.measure_unknown",
        {"text": " csta =4", "item": "figures", "name": "csta"},
        "errors.measure_known",
        {"known": "complaints, csat, rate", "first": "csat", "value": "4.5"},
    )
    assert refusal([FIGURES], "rates=4")[3]["first"] == "rate"
    assert refusal([FIGURES], "speed=4")[2:] == (
        "errors.measure_known",
        {"known": "complaints, csat, rate", "first": "complaints", "value": "132"},
    )


def test_a_value_that_is_not_a_number_names_the_unit_when_there_is_one() -> None:
    assert refusal([FIGURES], "csat=good/5") == (
        "errors.measure_nan_unit",
        {"text": "csat=good/5", "value": "good", "unit": "/5"},
        "errors.measure_nan_unit_hint",
        {"name": "csat", "unit": "/5", "value": "4.5"},
    )
    # Nothing but the unit: the value shown is what was typed.
    assert refusal([FIGURES], "csat= /5")[1] == {"text": "csat= /5", "value": " /5", "unit": "/5"}
    assert refusal([FIGURES], "complaints=many") == (
        "errors.measure_nan",
        {"text": "complaints=many", "value": "many"},
        "errors.measure_nan_hint",
        {"name": "complaints", "value": "132"},
    )
    assert refusal([FIGURES], "complaints= ")[1] == {"text": "complaints= ", "value": " "}


def test_a_measure_given_twice_is_refused() -> None:
    assert refusal([FIGURES], "csat=4", "rate=80", "csat=5") == (
        "errors.measure_given_twice",
        {"name": "csat"},
        "errors.measure_given_twice_hint",
        {},
    )


@pytest.mark.parametrize(
    ("measure", "example"),
    [
        (Measure("m", Text("M", "م"), unit="%", target=97.5), "97.5"),
        (Measure("m", Text("M", "م"), unit="%"), "85"),
        (Measure("m", Text("M", "م"), unit="/5"), "4.5"),
        (Measure("m", Text("M", "م"), unit="/10"), "9"),
        (Measure("m", Text("M", "م"), unit="/3.3"), "3"),
        (Measure("m", Text("M", "م"), unit="/7"), "6.3"),
        (Measure("m", Text("M", "م"), unit="/x"), "4"),
        (Measure("m", Text("M", "م"), unit="/0"), "4"),
        (Measure("m", Text("M", "م"), unit="x/5"), "12"),
        (Measure("m", Text("M", "م"), combine="sum"), "132"),
        (Measure("m", Text("M", "م"), combine="mean"), "12"),
        (Measure("m", Text("M", "م")), "12"),
    ],
)
def test_the_example_value_fits_the_measure(measure: Measure, example: str) -> None:
    assert example_value(measure) == example


# Reading the log --------------------------------------------------------------------


def value(period_start: str, period_end: str, amount: float, **other: str) -> MeasureValue:
    start, end = date.fromisoformat(period_start), date.fromisoformat(period_end)
    return MeasureValue(
        "uuid",
        other.get("item_id", "figures"),
        other.get("measure_id", "complaints"),
        amount,
        "",
        start,
        end,
        end,
    )


class FakeLog:
    """A store that answers `measure_values` with fixed values."""

    def __init__(self, values: list[MeasureValue]) -> None:
        self.values = values
        self.calls: list[dict[str, Any]] = []

    def measure_values(self, **asked: Any) -> list[MeasureValue]:
        self.calls.append(asked)
        return self.values


AT = datetime(2026, 7, 1, 9, 0, tzinfo=timezone.utc)


def test_recorded_asks_the_store_with_every_bound() -> None:
    log = FakeLog([value("2026-01-01", "2026-01-31", 3)])
    got = recorded(
        log,  # type: ignore[arg-type]
        item_id="figures",
        since=date(2026, 1, 1),
        until=date(2026, 3, 31),
        as_logged=AT,
    )
    assert got == log.values
    assert log.calls == [
        {
            "item_id": "figures",
            "since": date(2026, 1, 1),
            "until": date(2026, 3, 31),
            "as_logged": AT,
        }
    ]
    recorded(log)  # type: ignore[arg-type]
    assert log.calls[1] == {"item_id": None, "since": None, "until": None, "as_logged": None}


def test_a_row_changes_and_meets_its_target() -> None:
    def row(measure: Measure, now: float | None, before: float | None) -> MeasureRow:
        return MeasureRow("figures", measure, now, before, ())

    assert row(COMPLAINTS, 10, 4).change == 6
    assert row(COMPLAINTS, None, 4).change is None
    assert row(COMPLAINTS, 10, None).change is None
    higher, lower = CSAT, CSAT._replace(better="lower")
    assert [row(higher, v, None).on_target for v in (4.4, 4.5, 4.6)] == [False, True, True]
    assert [row(lower, v, None).on_target for v in (4.4, 4.5, 4.6)] == [True, True, False]
    assert row(higher, None, 5).on_target is None
    assert row(CSAT._replace(target=None), 5, None).on_target is None
    assert row(CSAT._replace(better=""), 5, None).on_target is None
    assert row(COMPLAINTS, 1, None).periods == 1
    assert row(COMPLAINTS, 1, None).cadence == ""
    assert row(COMPLAINTS, 1, None).combined is False


def test_combine_sums_averages_or_keeps_the_last() -> None:
    assert combine([], "sum") is None
    assert combine([], "last") is None
    # fsum: ten tenths make exactly one, which a plain sum misses.
    assert combine([0.1] * 10, "sum") == 1.0
    assert combine([0.1] * 10, "mean") == 0.1
    assert combine([1.0, 2.0, 6.0], "mean") == 3.0
    assert combine([1.0, 2.0, 6.0], "last") == 6.0
    assert combine([1.0, 2.0, 6.0], "other") == 6.0
    assert combine([5.0], "sum") == 5.0


def test_no_item_with_measures_reads_nothing() -> None:
    log = FakeLog([])
    assert (
        period_rows(
            log, [item("calls", ())], date(2026, 1, 1), date(2026, 1, 31), date(2025, 12, 1)
        )
        == []
    )  # type: ignore[arg-type]
    assert log.calls == []


def test_a_quarter_combines_its_months_and_the_one_before() -> None:
    values = [
        # Out of order: rows follow the period's start.
        value("2026-03-01", "2026-03-31", 30),
        value("2026-01-01", "2026-01-31", 10),
        value("2025-12-01", "2025-12-31", 8),  # the quarter before, on its last day
        value("2025-10-01", "2025-10-31", 6),  # the quarter before, on its first end day
        value("2025-09-01", "2025-09-30", 1),  # before both windows
        value("2026-02-01", "2026-02-28", 20),
        value("2026-02-01", "2026-02-28", 25),  # recorded again: the latest counts
        value("2026-04-01", "2026-04-30", 99),  # ends after the window
        value("2026-01-01", "2026-01-31", 7, item_id="other"),
        value("2026-01-01", "2026-01-31", 4.0, measure_id="csat"),
        value("2026-03-01", "2026-03-31", 5.0, measure_id="csat"),
    ]
    log = FakeLog(values)
    rows = period_rows(
        log,  # type: ignore[arg-type]
        [FIGURES],
        date(2026, 1, 1),
        date(2026, 3, 31),
        date(2025, 10, 31),
        as_logged=AT,
        window_cadence="quarterly",
    )
    assert log.calls == [
        {"item_id": None, "since": None, "until": date(2026, 3, 31), "as_logged": AT}
    ]
    assert rows == [
        MeasureRow(
            "figures",
            COMPLAINTS,
            65.0,
            14.0,
            (1.0, 6.0, 8.0, 10.0, 25.0, 30.0),
            periods=3,
            cadence="monthly",
            combined=True,
        ),
        # csat (mean) had values; rate never had one and is left out.
        MeasureRow(
            "figures", CSAT, 4.5, None, (4.0, 5.0), periods=2, cadence="monthly", combined=True
        ),
    ]


def test_a_window_that_ends_on_the_first_day_counts_now_not_before() -> None:
    values = [value("2026-03-01", "2026-03-01", 3), value("2026-02-28", "2026-02-28", 2)]
    rows = period_rows(
        FakeLog(values),
        [item(cadence="daily")],
        date(2026, 3, 1),
        date(2026, 3, 1),
        date(2026, 2, 28),
    )  # type: ignore[arg-type]
    assert [(r.value, r.previous, r.periods, r.combined) for r in rows] == [(3.0, 2.0, 1, False)]


def test_a_measure_never_recorded_is_left_out_and_the_next_is_read() -> None:
    values = [value("2026-01-01", "2026-01-31", 3)]
    (row,) = period_rows(
        FakeLog(values),  # type: ignore[arg-type]
        [item(measures=(RATE, COMPLAINTS))],
        date(2026, 1, 1),
        date(2026, 1, 31),
        date(2025, 12, 1),
    )
    assert (row.measure, row.value) == (COMPLAINTS, 3.0)


def test_the_history_keeps_the_last_twelve_periods() -> None:
    values = [value(f"2025-{m:02}-01", f"2025-{m:02}-28", m) for m in range(1, 13)]
    values += [value(f"2026-{m:02}-01", f"2026-{m:02}-28", 100 + m) for m in (1, 2)]
    (row,) = period_rows(
        FakeLog(values), [FIGURES], date(2026, 2, 1), date(2026, 2, 28), date(2026, 1, 1)
    )  # type: ignore[arg-type]
    assert row.history == (3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 101, 102)
    assert (row.value, row.previous, row.periods) == (102, 101, 1)


@pytest.mark.parametrize(
    ("cadence", "window", "combined"),
    [
        ("monthly", "", False),
        ("monthly", "monthly", False),
        ("monthly", "weekly", False),
        ("monthly", "quarterly", True),
        ("weekly", "monthly", True),
        ("rrule", "weekly", True),
        ("rrule", "", False),
    ],
)
def test_a_window_is_combined_when_longer_than_the_items_period(
    cadence: str, window: str, combined: bool
) -> None:
    values = [value("2026-01-01", "2026-01-31", 3)]
    (row,) = period_rows(
        FakeLog(values),  # type: ignore[arg-type]
        [item(cadence=cadence)],
        date(2026, 1, 1),
        date(2026, 3, 31),
        date(2025, 10, 1),
        window_cadence=window,
    )
    assert (row.combined, row.cadence) == (combined, cadence)


# Forms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ([], ""),
        ([4.0, 4.0], "▄▄"),
        ([0.0, 3.0, 7.0], "▁▄█"),
        ([-7.0, 0.0], "▁█"),
        ([2.0, 1.0, 9.0], "▂▁█"),
    ],
)
def test_the_sparkline_runs_lowest_to_highest(values: list[float], line: str) -> None:
    assert sparkline(values) == line


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (None, "—"),
        (132.0, "132"),
        (10.0, "10"),
        (0.0, "0"),
        (4.6, "4.6"),
        (4.25, "4.25"),
        (4.256, "4.26"),
        (100.5, "100.5"),
        (-0.3, "-0.3"),
        (0.001, "0"),
        (-0.0, "0"),
    ],
)
def test_a_number_reads_as_people_write_it(amount: float | None, text: str) -> None:
    assert number(amount) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [(None, "—"), (0.0, "±0"), (2.0, "+2"), (-1.5, "−1.5"), (0.25, "+0.25")],
)
def test_a_change_carries_its_sign(amount: float | None, text: str) -> None:
    assert signed(amount) == text
