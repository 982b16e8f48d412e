"""Measures: the numbers a manager records with a done, such as the month's
complaints handled and customer satisfaction (`--measure csat=4.6`).

An item declares them in YAML (`measures:`); a value is stored beside its
event, keyed by the event's uuid, and counts only while the event does.
Reports show each measure per period beside the one before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

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
            raise BadInput(
                Msg("errors.measure_unknown", text=text, item=item.id, name=name)
                if sep
                else Msg("errors.measure_not_pair", text=text),
                hint=Msg("errors.measure_known", known=known, first=next(iter(declared))),
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
                hint=Msg("errors.measure_nan_unit_hint", name=name, unit=measure.unit)
                if measure.unit
                else Msg("errors.measure_nan_hint", name=name),
            )
        if name in found:
            raise BadInput(
                Msg("errors.measure_given_twice", name=name),
                hint=Msg("errors.measure_given_twice_hint"),
            )
        found[name] = (name, value, measure.unit)
    return list(found.values())


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
    """One measure of one item in a report: this period, the one before, and
    the recent history for a sparkline."""

    item_id: str
    measure: Measure
    value: float | None
    previous: float | None
    history: tuple[float, ...]  # up to 12 values, oldest first, ending with this period's

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


def period_rows(
    log: Store,
    items: Sequence[Item],
    first: date,
    last: date,
    previous_first: date,
    *,
    as_logged: datetime | None = None,
) -> list[MeasureRow]:
    """Each declared measure of `items` for the window first..last: the latest
    value recorded for a period that ends in it, and the same for the window
    before (previous_first .. first - 1). A measure never recorded up to the
    window's end is left out, so a report without measures reads as before."""
    wanted = [item for item in items if item.measures]
    if not wanted:
        return []
    values = recorded(log, until=last, as_logged=as_logged)
    rows = []
    for item in wanted:
        for measure in item.measures:
            mine = [v for v in values if v.item_id == item.id and v.measure_id == measure.id]
            now = [v.value for v in mine if first <= v.period_end <= last]
            before = [v.value for v in mine if previous_first <= v.period_end < first]
            # One value per period, the latest recorded; the sparkline's history.
            by_period: dict[date, float] = {}
            for v in mine:
                if v.period_end <= last:
                    by_period[v.period_start] = v.value
            history = tuple(by_period[key] for key in sorted(by_period))[-12:]
            if not history:
                continue
            rows.append(
                MeasureRow(
                    item.id,
                    measure,
                    now[-1] if now else None,
                    before[-1] if before else None,
                    history,
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
