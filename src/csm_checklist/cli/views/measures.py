"""Views of measures: what `done --measure` says, and the measures section
of a report (terminal and plain text with a sparkline, a Markdown KPI table,
JSON). Every word in English and Arabic is in the catalog, `views.measures.*`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from csm_checklist.cli.views.labels import counted, label, words
from csm_checklist.messages.views import MESSAGES as _VIEW_MESSAGES
from csm_checklist.rules.measures import number, signed, sparkline

if TYPE_CHECKING:
    from csm_checklist.duties.catalog import Item, Measure
    from csm_checklist.rules.measures import MeasureRow
    from csm_checklist.store.records import Event


WORDS = words("measures")
_FAMILIES = {key.removeprefix("views.") for key in _VIEW_MESSAGES}


def word(key: str, lang: str) -> str:
    return WORDS.get(lang, WORDS["en"]).get(key, WORDS["en"][key])


def measure_json(measure: Measure, lang: str | None = None) -> dict[str, Any]:
    """A measure an item takes, as `list --json` and `show --json` give it:
    its label in `lang`, or in both languages when `lang` is None."""
    return {
        "id": measure.id,
        "label": measure.label.get(lang)
        if lang is not None
        else {"en": measure.label.en, "ar": measure.label.ar},
        "unit": measure.unit,
        "target": measure.target,
        "better": measure.better or None,
        "combine": measure.combine,
    }


def measure_text(measure: Measure, lang: str) -> str:
    """'csat Customer satisfaction (/5, target 4.5/5, higher is better, periods
    averaged)': one measure an item takes, for `csm show`."""
    sep = label("list_sep", lang)
    details = [measure.unit] if measure.unit else []
    if measure.target is not None:
        details.append(f"{word('target', lang)} {number(measure.target)}{measure.unit}")
    if measure.better:
        details.append(word(f"better_{measure.better}", lang))
    details.append(word(f"combine_{measure.combine}", lang))
    return f"{measure.id} {measure.label.get(lang)} ({sep.join(details)})"


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


def with_figures(rows: Sequence[MeasureRow]) -> list[MeasureRow]:
    """The rows with a value in the period or the one before: a row of
    dashes says nothing."""
    return [row for row in rows if row.value is not None or row.previous is not None]


def how_combined(row: MeasureRow, lang: str) -> str:
    """'sum of 3 months': how a window longer than the item's period got its
    figure, and from how many periods ('' when the window is one period)."""
    if not row.combined or row.value is None:
        return ""
    cadence = row.cadence if f"periods_of.{row.cadence}.many" in _FAMILIES else "rrule"
    periods = counted(f"periods_of.{cadence}", row.periods, lang)
    return word(f"how_{row.measure.combine}", lang).format(periods=periods)


def figure(row: MeasureRow, lang: str) -> str:
    """The window's value with its unit, and how it was combined: '329 (sum of 2 months)'."""
    if row.value is None:
        return number(None)
    how = how_combined(row, lang)
    return number(row.value) + row.measure.unit + (f" ({how})" if how else "")


def _previous(row: MeasureRow) -> str:
    return number(row.previous) + (row.measure.unit if row.previous is not None else "")


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
    its change, before a measure's name is shortened. A measure with no
    value in this period or the one before is left out, and with it a section
    that would be empty."""
    rows = with_figures(rows)
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
        table.append(
            [
                row.measure.label.get(lang),
                figure(row, lang),
                _previous(row),
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
    """The KPI table of a Markdown report (measures with figures only)."""
    from csm_checklist.exchange.escapes import md_cell

    rows = with_figures(rows)
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
        lines.append(
            f"| {md_cell(row.measure.label.get(lang)).replace('<br>', ' ')} | "
            f"{md_cell(figure(row, lang))} | {_previous(row)} | "
            f"{signed(row.change)} | {_target(row, lang)} |"
        )
    return [*lines, ""]


def report_json(rows: Sequence[MeasureRow], lang: str = "en") -> list[dict[str, Any]]:
    """Each measure of a report; `combine` is how a longer window combines its
    periods, `periods` how many had a value in it, and `combined` says so in
    words of `lang` (null when the window is one of the item's periods)."""
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
            "combine": row.measure.combine,
            "periods": row.periods,
            "combined": how_combined(row, lang) or None,
            "on_target": row.on_target,
            "history": list(row.history),
        }
        for row in rows
    ]
