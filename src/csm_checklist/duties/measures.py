"""Measures as an item declares them in YAML (`measures:`): an id, a label
in English and Arabic, a unit, a target, which way is better and how the
values of several periods combine (`combine`: sum, mean or last).

What is recorded with a done, and how reports read it, is in rules/measures.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from csm_checklist.duties.catalog import Measure, Text
from csm_checklist.messages import Msg

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
        target = parse_number(values["target"].value) if values["target"].id == "scalar" else None
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


def parse_number(text: Any) -> float | None:
    try:
        value = float(str(text).strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None
