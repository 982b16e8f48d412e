"""Views of measures: what `done --measure` says, and the measures section
of a report (terminal and plain text with a sparkline, a Markdown KPI table,
JSON). Every word in English and Arabic in WORDS below."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..measures import number, signed, sparkline

if TYPE_CHECKING:
    from ..catalog import Item
    from ..log import Event
    from ..measures import MeasureRow

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "heading": "Measures",
        "kpi": "Key figures",
        "measure": "measure",
        "value": "value",
        "previous": "previous",
        "change": "change",
        "target": "target",
        "trend": "trend",
        "met": "met",
        "not_met": "not met",
        "recorded": "Recorded",
        "item": "item",
        "period": "period",
        "none": "No measures recorded yet. Record them with a done, e.g. "
        "csm done monthly-report --measure complaints=132 --measure csat=4.6",
    },
    "ar": {
        "heading": "المقاييس",
        "kpi": "المؤشرات الرئيسية",
        "measure": "المقياس",
        "value": "القيمة",
        "previous": "السابقة",
        "change": "التغير",
        "target": "الهدف",
        "trend": "الاتجاه",
        "met": "تحقق",
        "not_met": "لم يتحقق",
        "recorded": "سُجّل",
        "item": "البند",
        "period": "الفترة",
        "none": "لم تُسجَّل مقاييس بعد. سجّلها مع الإنجاز، مثلًا: "
        "csm done monthly-report --measure complaints=132 --measure csat=4.6",
    },
}


def word(key: str, lang: str) -> str:
    return WORDS.get(lang, WORDS["en"]).get(key, WORDS["en"][key])


def measures_line(item: Item, values: Sequence[tuple[str, float, str]], lang: str) -> str:
    """'Recorded: Complaints handled 132, Customer satisfaction 4.6/5'."""
    labels = {m.id: m.label.get(lang) for m in item.measures}
    parts = [f"{labels.get(mid, mid)} {number(value)}{unit}" for mid, value, unit in values]
    return f"{word('recorded', lang)}: " + ", ".join(parts)


def not_recorded_line(event: Event) -> str:
    """Why `done --measure` kept no number for a period already settled."""
    return (
        "The measures were not recorded: that period was already settled. To record "
        f"them, undo it first: csm undo {event.item_id} --on {event.for_date.isoformat()}"
    )


def _target(row: MeasureRow, lang: str) -> str:
    m = row.measure
    if m.target is None:
        return ""
    met = row.on_target
    state = "" if met is None else f" ({word('met' if met else 'not_met', lang)})"
    return f"{number(m.target)}{m.unit}{state}"


def report_lines(rows: Sequence[MeasureRow], lang: str, *, spark: bool = True) -> list[str]:
    """The measures section of a text report; the trend column is a sparkline
    of up to 12 periods (terminal and plain text alike)."""
    from .common import align_columns

    if not rows:
        return []
    table = [
        [
            word("measure", lang),
            word("value", lang),
            word("previous", lang),
            word("change", lang),
            word("target", lang),
            *([word("trend", lang)] if spark else []),
        ]
    ]
    for row in rows:
        unit = row.measure.unit
        table.append(
            [
                row.measure.label.get(lang),
                number(row.value) + (unit if row.value is not None else ""),
                number(row.previous) + (unit if row.previous is not None else ""),
                signed(row.change),
                _target(row, lang),
                *([sparkline(row.history)] if spark else []),
            ]
        )
    return [word("heading", lang), *("  " + line for line in align_columns(table))]


def report_markdown(rows: Sequence[MeasureRow], lang: str) -> list[str]:
    """The KPI table of a Markdown report."""
    if not rows:
        return []
    lines = [
        f"## {word('kpi', lang)}",
        "",
        f"| {word('measure', lang)} | {word('value', lang)} | {word('previous', lang)} | "
        f"{word('change', lang)} | {word('target', lang)} |",
        "|---|---:|---:|---:|---|",
    ]
    for row in rows:
        unit = row.measure.unit
        lines.append(
            f"| {row.measure.label.get(lang)} | "
            f"{number(row.value)}{unit if row.value is not None else ''} | "
            f"{number(row.previous)}{unit if row.previous is not None else ''} | "
            f"{signed(row.change)} | {_target(row, lang)} |"
        )
    return [*lines, ""]


def report_json(rows: Sequence[MeasureRow]) -> list[dict[str, Any]]:
    return [
        {
            "item": row.item_id,
            "measure": row.measure.id,
            "label": {"en": row.measure.label.en, "ar": row.measure.label.ar},
            "unit": row.measure.unit,
            "value": row.value,
            "previous": row.previous,
            "change": row.change,
            "target": row.measure.target,
            "better": row.measure.better or None,
            "on_target": row.on_target,
            "history": list(row.history),
        }
        for row in rows
    ]
