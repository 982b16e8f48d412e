"""Measures: the numbers a manager records with a done, such as the month's
complaints handled and customer satisfaction (`--measure csat=4.6`).

An item declares them in YAML (`measures:`); a value is stored beside its
event, keyed by the event's uuid, and counts only while the event does.
Reports show each measure per period beside the one before it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from csm_checklist.dates.schedule import cadence_rank
from csm_checklist.duties.catalog import Item, Measure, Text
from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg
from csm_checklist.store.log import EventLog, utc_key

MEASURE_KEYS = ("id", "label", "unit", "target", "better", "combine")
BETTER = ("higher", "lower")
COMBINE = ("sum", "mean", "last")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_EXAMPLE = Msg("errors.measures_example")

# A problem found in a YAML node: (node, what is wrong, the fix) -> the error.
Fail = Callable[[Any, str, str], Exception]


# Reading the YAML ---------------------------------------------------------------


def parse_measures(node: Any, fail: Fail) -> tuple[Measure, ...]:
    """The measures of an item's `measures:` node; the first problem raised
    through `fail`, which names the file, line and item."""
    if node.id == "scalar" and node.tag.endswith(":null"):
        return ()
    if node.id != "sequence":
        raise fail(node, Msg("errors.measures_not_list"), _EXAMPLE)
    found: list[Measure] = []
    for child in node.value:
        measure = _parse_measure(child, fail)
        if any(m.id == measure.id for m in found):
            raise fail(child, Msg("errors.measure_twice", id=measure.id), Msg("errors.keep_one"))
        found.append(measure)
    return tuple(found)


def _parse_measure(node: Any, fail: Fail) -> Measure:
    if node.id != "mapping":
        raise fail(node, Msg("errors.measure_not_mapping"), _EXAMPLE)
    values: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in MEASURE_KEYS:
            raise fail(
                key_node,
                Msg("errors.measure_unknown_key", key=key),
                _then_list(
                    key, MEASURE_KEYS, Msg("errors.measure_keys", keys=", ".join(MEASURE_KEYS))
                ),
            )
        if key in values:
            raise fail(key_node, Msg("errors.measure_key_twice", key=key), Msg("errors.keep_one"))
        values[key] = value_node
    ident = values.get("id")
    if ident is None or ident.id != "scalar" or not _SLUG.match(str(ident.value)):
        raise fail(
            ident or node,
            Msg("errors.measure_no_id"),
            Msg("errors.measure_no_id_hint"),
        )
    label = _label(values.get("label"), node, fail)
    unit = ""
    if "unit" in values:
        unit_node = values["unit"]
        if unit_node.id != "scalar" or any(c.isdigit() and c != "/" for c in unit_node.value[:1]):
            raise fail(unit_node, Msg("errors.measure_unit"), Msg("errors.measure_unit_hint"))
        unit = str(unit_node.value).strip()
    target = None
    if "target" in values:
        target = _number(values["target"].value) if values["target"].id == "scalar" else None
        if target is None:
            raise fail(
                values["target"], Msg("errors.measure_target"), Msg("errors.measure_target_hint")
            )
    better = ""
    if "better" in values:
        better = str(values["better"].value).strip()
        if values["better"].id != "scalar" or better not in BETTER:
            raise fail(
                values["better"],
                Msg("errors.measure_better"),
                Msg("errors.measure_better_hint"),
            )
    combine = "last"
    if "combine" in values:
        node_ = values["combine"]
        combine = str(node_.value).strip() if node_.id == "scalar" else ""
        if combine not in COMBINE:
            raise fail(
                node_,
                Msg("errors.measure_combine", value=combine),
                _then_list(combine, COMBINE, Msg("errors.measure_combine_hint")),
            )
    return Measure(str(ident.value), label, unit, target, better, combine)


def _then_list(word: str, choices: Sequence[str], hint: str) -> str:
    """'Did you mean 'sum'? ' before `hint` when `word` is close to one of `choices`."""
    import difflib

    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    if not close:
        return hint
    return Msg("errors.then", first=Msg("errors.did_you_mean", word=close[0]), second=hint)


def _label(node: Any, parent: Any, fail: Fail) -> Text:
    if node is None or node.id != "mapping":
        raise fail(
            node or parent,
            Msg("errors.measure_label"),
            Msg("errors.measure_label_hint"),
        )
    texts: dict[str, str] = {}
    for key_node, value_node in node.value:
        lang = str(key_node.value)
        if lang not in ("en", "ar") or value_node.id != "scalar":
            raise fail(
                key_node, Msg("errors.measure_label_texts"), Msg("errors.measure_label_texts_hint")
            )
        texts[lang] = " ".join(str(value_node.value).split())
    return Text(texts.get("en", ""), texts.get("ar", ""))


def _number(text: Any) -> float | None:
    try:
        value = float(str(text).strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


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
        value = _number(value_text)
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
        top = _number(measure.unit[1:])
        return number(round(top * 0.9, 1)) if top else "4"
    return "132" if measure.combine == "sum" else "12"


# Reading the log -----------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """One measure recorded with one active event."""

    event_uuid: str
    item_id: str
    measure_id: str
    value: float
    unit: str
    period_start: date
    period_end: date
    for_date: date


def recorded(
    log: EventLog,
    *,
    item_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
    as_logged: datetime | None = None,
) -> list[Value]:
    """The measures recorded with active events, oldest period first;
    `since` and `until` bound the period's end and start. With `as_logged`,
    as the log stood then: events logged by then and not undone by then."""
    clauses = ["e.undone_at IS NULL"]
    params: list[object] = []
    if as_logged is not None:
        # Undone after that moment still counted then: checked below, as moments.
        clauses = ["e.logged_at_utc <= ?"]
        params.append(utc_key(as_logged))
    if item_id is not None:
        clauses.append("e.item_id = ?")
        params.append(item_id)
    if since is not None:
        clauses.append("e.period_end >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("e.period_start <= ?")
        params.append(until.isoformat())
    sql = (
        "SELECT m.event_uuid, e.item_id, m.measure_id, m.value, m.unit, e.period_start, "
        "e.period_end, e.for_date, e.undone_at FROM measures m "
        "JOIN events e ON e.uuid = m.event_uuid "
        f"WHERE {' AND '.join(clauses)} ORDER BY e.period_start, e.logged_at_utc, m.id"
    )
    with log.reading() as db:
        rows = db.execute(sql, params).fetchall()
    from csm_checklist.store.log import ROW_ERRORS, aware, bad_row

    found = []
    for u, i, m, v, unit, s, e, f, undone in rows:
        try:
            if isinstance(v, (str, bytes)) or not math.isfinite(float(v)):
                raise ValueError(f"value {v!r} is not a number")
            if undone is None or (as_logged is not None and aware(undone) > as_logged):
                found.append(
                    Value(
                        u,
                        i,
                        m,
                        float(v),
                        unit,
                        date.fromisoformat(s),
                        date.fromisoformat(e),
                        date.fromisoformat(f),
                    )
                )
        except ROW_ERRORS as exc:
            raise bad_row("measures", f"{u} {m}", exc) from None
    return found


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
    log: EventLog,
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
