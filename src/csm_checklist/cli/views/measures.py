"""Views of measures: what `done --measure` says, and the measures section
of a report (terminal and plain text with a sparkline, a Markdown KPI table,
JSON). Every word in English and Arabic is in the catalog, `views.measures.*`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from csm_checklist.cli.views.labels import label, words
from csm_checklist.rules.measures import number, signed, sparkline

if TYPE_CHECKING:
    from csm_checklist.duties.catalog import Item
    from csm_checklist.rules.measures import MeasureRow
    from csm_checklist.store.records import Event


WORDS = words("measures")


def word(key: str, lang: str) -> str:
    return WORDS.get(lang, WORDS["en"]).get(key, WORDS["en"][key])


def measures_line(item: Item, values: Sequence[tuple[str, float, str]], lang: str) -> str:
    """'Recorded: Complaints handled 132, Customer satisfaction 4.6/5'."""
    labels = {m.id: m.label.get(lang) for m in item.measures}
    parts = [f"{labels.get(mid, mid)} {number(value)}{unit}" for mid, value, unit in values]
    return f"{word('recorded', lang)}: " + label("list_sep", lang).join(parts)


def not_recorded_line(event: Event) -> str:
    """Why `done --measure` kept no number for a period already settled (a
    message: `echo` says it in the reader's language)."""
    from csm_checklist.messages import Msg

    return Msg("views.measures.not_recorded", item=event.item_id, day=event.for_date.isoformat())


def _target(row: MeasureRow, lang: str) -> str:
    m = row.measure
    if m.target is None:
        return ""
    met = row.on_target
    state = "" if met is None else f" ({word('met' if met else 'not_met', lang)})"
    return f"{number(m.target)}{m.unit}{state}"


def report_lines(
    rows: Sequence[MeasureRow], lang: str, *, spark: bool = True, width: int | None = None
) -> list[str]:
    """The measures section of a text report; the trend column is a sparkline
    of up to 12 periods (terminal and plain text alike). With `width`, fitted
    to a terminal that wide: the trend goes first, then the previous value and
    its change, before a measure's name is shortened."""
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
    everything = tuple(range(len(table[0])))
    layouts = [(everything, (0,)), ((0, 1, 2, 3, 4), (0,)), ((0, 1, 4), (0,))]
    return [word("heading", lang), *fitted_table(table, layouts, width, indent="  ")]


def fitted_table(
    table: Sequence[Sequence[str]],
    layouts: Sequence[tuple[Sequence[int], Sequence[int]]],
    width: int | None,
    indent: str = "",
) -> list[str]:
    """`table`'s rows as aligned lines; with a terminal `width`, the first of
    `layouts` (columns kept, columns to shorten) that fits it."""
    from csm_checklist.cli.views.common import align_columns, choose_layout, fit_columns

    if width is None:
        return [indent + line for line in align_columns(table)]
    chosen = choose_layout(table, layouts, width - len(indent), least=MEASURE_CELLS)
    if chosen is None:  # nothing fits: the narrowest layout, shortened as far as it goes
        last_keep, last_shrink = layouts[-1]
        chosen = list(last_keep), [list(last_keep).index(i) for i in last_shrink]
    keep, shrink = chosen
    rows = [[row[i] for i in keep] for row in table]
    return fit_columns(rows, width, shrink, indent=indent)


# A measure's name is shortened to no fewer cells than this ("Customer s…").
MEASURE_CELLS = 10


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
