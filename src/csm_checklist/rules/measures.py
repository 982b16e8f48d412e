"""Measures: the numbers a manager records with a done, such as the month's
complaints handled and customer satisfaction (`--measure csat=4.6`).

An item declares them in YAML (`measures:`); a value is stored beside its
event, keyed by the event's uuid, and counts only while the event does.
Reports show each measure per period beside the one before it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from csm_checklist.dates.schedule import cadence_rank
from csm_checklist.duties.catalog import Item, Measure
from csm_checklist.duties.measures import parse_number
from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg
from csm_checklist.store.measure_records import MeasureValue

if TYPE_CHECKING:
    from csm_checklist.store.interface import Store

# Reading --measure ----------------------------------------------------------------


def parse_measure_options(
    items: Sequence[Item], texts: Sequence[str]
) -> list[tuple[str, float, str]]:
    """The (measure id, value, unit) of each `--measure ID=VALUE` for the one
    item logged. A value may carry the declared unit after it (`4.6/5`,
    `82%`); anything else is BadInput, so nothing is logged."""
    if not texts:
        return []
    if len(items) != 1:
        raise BadInput(
            Msg("errors.measure_one_item", count=len(items)),
            hint=Msg("errors.measure_one_item_hint"),
        )
    item = items[0]
    declared = {m.id: m for m in item.measures}
    if not declared:
        raise BadInput(
            Msg("errors.measure_none_declared", item=item.id),
            hint=Msg("errors.measure_none_declared_hint"),
        )
    found: dict[str, tuple[str, float, str]] = {}
    for text in texts:
        name, sep, raw = text.partition("=")
        name = name.strip()
        measure = declared.get(name)
        if not sep or measure is None:
            known = ", ".join(declared)
            example = _closest(name, declared) or next(iter(declared.values()))
            raise BadInput(
                Msg("errors.measure_unknown", text=text, item=item.id, name=name)
                if sep
                else Msg("errors.measure_not_pair", text=text),
                hint=Msg(
                    "errors.measure_known",
                    known=known,
                    first=example.id,
                    value=example_value(example),
                ),
            )
        value_text = raw.strip()
        if measure.unit and value_text.endswith(measure.unit):
            value_text = value_text[: -len(measure.unit)].strip()
        value = parse_number(value_text)
        if value is None:
            shown = value_text or raw
            raise BadInput(
                Msg("errors.measure_nan_unit", text=text, value=shown, unit=measure.unit)
                if measure.unit
                else Msg("errors.measure_nan", text=text, value=shown),
                hint=Msg(
                    "errors.measure_nan_unit_hint",
                    name=name,
                    unit=measure.unit,
                    value=example_value(measure),
                )
                if measure.unit
                else Msg("errors.measure_nan_hint", name=name, value=example_value(measure)),
            )
        if name in found:
            raise BadInput(
                Msg("errors.measure_given_twice", name=name),
                hint=Msg("errors.measure_given_twice_hint"),
            )
        found[name] = (name, value, measure.unit)
    return list(found.values())


def _closest(name: str, declared: dict[str, Measure]) -> Measure | None:
    import difflib

    close = difflib.get_close_matches(name, list(declared), n=1, cutoff=0.6)
    return declared[close[0]] if close else None


def example_value(measure: Measure) -> str:
    """A value that reads right for `measure` in an example: its target when
    it has one (`csat=4.5`), else a count (`complaints=132`), with the unit
    of a score or a rate after it."""
    if measure.target is not None:
        return number(measure.target)
    if measure.unit == "%":
        return "85"
    if measure.unit.startswith("/"):
        top = parse_number(measure.unit[1:])
        return number(round(top * 0.9, 1)) if top else "4"
    return "132" if measure.combine == "sum" else "12"


# Reading the log -----------------------------------------------------------------


# One measure recorded with one active event, with its event's period.
Value = MeasureValue


def recorded(
    log: Store,
    *,
    item_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
    as_logged: datetime | None = None,
) -> list[Value]:
    """The measures recorded with active events, oldest period first;
    `since` and `until` bound the period's end and start. With `as_logged`,
    as the log stood then: events logged by then and not undone by then."""
    return log.measure_values(item_id=item_id, since=since, until=until, as_logged=as_logged)


# Per period -------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureRow:
    """One measure of one item in a report: this window's figure, the one
    before, and the recent history for a sparkline. A window longer than the
    item's period (a quarter of a monthly item) combines the values of the
    periods ending in it as the measure says (`combine`); `periods` is how
    many had a value, and `combined` whether the window holds more than one
    of the item's periods, so the figure says which it is."""

    item_id: str
    measure: Measure
    value: float | None
    previous: float | None
    history: tuple[float, ...]  # up to 12 values, oldest first, ending with this period's
    periods: int = 1  # the item's periods with a value in the window
    cadence: str = ""  # the item's cadence: what a period is
    combined: bool = False  # the window is longer than the item's period

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def on_target(self) -> bool | None:
        """Whether the value meets the target (None without a value, a target
        or a direction)."""
        m = self.measure
        if self.value is None or m.target is None or not m.better:
            return None
        return self.value >= m.target if m.better == "higher" else self.value <= m.target


def combine(values: Sequence[float], how: str) -> float | None:
    """The values of a window's periods, oldest first, as one figure: their
    sum, their mean, or the last of them; None when there are none."""
    if not values:
        return None
    if how == "sum":
        return math.fsum(values)
    if how == "mean":
        return math.fsum(values) / len(values)
    return values[-1]


def period_rows(
    log: Store,
    items: Sequence[Item],
    first: date,
    last: date,
    previous_first: date,
    *,
    as_logged: datetime | None = None,
    window_cadence: str = "",
) -> list[MeasureRow]:
    """Each declared measure of `items` for the window first..last: the values
    recorded for the item's periods that end in it, combined as the measure
    says (the latest recorded for each period), and the same for the window
    before (previous_first .. first - 1). A measure never recorded up to the
    window's end is left out, so a report without measures reads as before.
    `window_cadence` (weekly .. annual) tells whether the window is longer
    than an item's period."""
    wanted = [item for item in items if item.measures]
    if not wanted:
        return []
    values = recorded(log, until=last, as_logged=as_logged)
    rows = []
    for item in wanted:
        longer = bool(window_cadence) and (
            item.cadence == "rrule" or cadence_rank(window_cadence) > cadence_rank(item.cadence)
        )
        for measure in item.measures:
            # One value per period, the latest recorded.
            by_period: dict[date, tuple[date, float]] = {}
            for v in values:
                if v.item_id == item.id and v.measure_id == measure.id and v.period_end <= last:
                    by_period[v.period_start] = (v.period_end, v.value)
            ordered = [by_period[key] for key in sorted(by_period)]
            history = tuple(value for _, value in ordered)[-12:]
            if not history:
                continue
            now = [value for end, value in ordered if first <= end <= last]
            before = [value for end, value in ordered if previous_first <= end < first]
            rows.append(
                MeasureRow(
                    item.id,
                    measure,
                    combine(now, measure.combine),
                    combine(before, measure.combine),
                    history,
                    periods=len(now),
                    cadence=item.cadence,
                    combined=longer,
                )
            )
    return rows


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float]) -> str:
    """Values as a row of block characters, lowest to highest."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARKS[3] * len(values)
    scale = (len(SPARKS) - 1) / (high - low)
    return "".join(SPARKS[round((v - low) * scale)] for v in values)


def number(value: float | None) -> str:
    """A value as people write it: 132, 4.6, -0.3; an em dash when absent."""
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def signed(value: float | None) -> str:
    if value is None:
        return "—"
    text = number(abs(value))
    return "±0" if value == 0 else ("+" if value > 0 else "−") + text
