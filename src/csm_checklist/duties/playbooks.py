"""Playbooks: checklists started by hand when something happens (a crisis,
a campaign), read from the `playbooks:` of the same files as the items.

Only the commands that use playbooks read them (`csm run`, and `csm today`
when a run is open), so the morning agenda never pays for them. A user file's
playbook whose id is a built-in one overrides it key by key (`steps:` as a
whole); `enabled: false` switches it off. Mistakes are reported like the
items' ones: file, line, playbook, and the fix (exit 2).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from csm_checklist.dates.within import Within, parse_within
from csm_checklist.duties.catalog import Text
from csm_checklist.duties.yamlfields import (
    ChecklistFileError,
    did_you_mean,
    fail,
    line_of,
    parse_text,
    scalar,
)
from csm_checklist.messages import Msg

PLAYBOOK_KEYS = ("id", "title", "details", "area", "steps", "enabled")
STEP_KEYS = ("id", "title", "within")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_WITHIN_HINT = Msg("errors.within_hint")


class Step(NamedTuple):
    id: str
    title: Text
    within: Within | None = None


class Playbook(NamedTuple):
    id: str
    title: Text
    details: Text | None
    area: str
    steps: tuple[Step, ...]
    enabled: bool
    source: Path
    line: int


@dataclass
class _Definition:
    id: str
    nodes: dict[str, Any]
    source: Path
    line: int
    sources: dict[str, Path] = field(default_factory=dict)


Problems = list[ChecklistFileError]


def load_playbooks(files: Sequence[Path], areas: Sequence[str]) -> dict[str, Playbook]:
    """Every playbook of `files` (built-ins first), enabled or not. Raises
    the first ChecklistFileError (carrying all of them) when any is wrong."""
    problems: Problems = []
    found = _load(files, areas, problems)
    if problems:
        first = problems[0]
        first.problems = list(problems)
        raise first
    return found


def check_playbooks(files: Sequence[Path], areas: Sequence[str]) -> list[ChecklistFileError]:
    """Every problem of the playbooks of `files` (for `csm checklist validate`)."""
    problems: Problems = []
    _load(files, areas, problems)
    return list(problems)


def _load(files: Sequence[Path], areas: Sequence[str], problems: Problems) -> dict[str, Playbook]:
    import yaml

    from csm_checklist.duties import yamlread
    from csm_checklist.reading import read_text

    merged: dict[str, _Definition] = {}
    for path in files:
        try:
            root: Any = yamlread.compose(read_text(path))
        except FileNotFoundError:
            continue  # the item loader reports a file it cannot read
        except (OSError, yaml.YAMLError, yamlread.YamlProblem):
            continue  # the item loader reports a file it cannot read
        if root is None or root.id != "mapping":
            continue
        for key_node, value_node in root.value:
            if key_node.value != "playbooks" or value_node.tag.endswith(":null"):
                continue
            if value_node.id != "sequence":
                problems.append(
                    fail(
                        path,
                        line_of(value_node),
                        None,
                        Msg("errors.playbooks_not_list"),
                        Msg("errors.playbooks_not_list_hint"),
                    )
                )
                continue
            seen: set[str] = set()
            for index, node in enumerate(value_node.value, start=1):
                try:
                    entry = _entry(path, index, node)
                except ChecklistFileError as exc:
                    problems.append(exc)
                    continue
                if entry.id in seen:
                    problems.append(
                        fail(
                            path,
                            entry.line,
                            Msg("errors.who_playbook", id=entry.id),
                            Msg("errors.playbook_duplicate"),
                            Msg("errors.playbook_duplicate_hint"),
                        )
                    )
                    continue
                seen.add(entry.id)
                previous = merged.get(entry.id)
                if previous is None:
                    merged[entry.id] = entry
                else:
                    previous.nodes.update(entry.nodes)
                    previous.sources.update(entry.sources)
                    previous.source, previous.line = entry.source, entry.line
    playbooks: dict[str, Playbook] = {}
    for entry in merged.values():
        try:
            playbooks[entry.id] = _build(entry, areas)
        except ChecklistFileError as exc:
            problems.append(exc)
    return playbooks


def _entry(path: Path, index: int, node: Any) -> _Definition:
    position = Msg("errors.position_playbook", index=index)
    if node.id != "mapping":
        raise fail(
            path,
            line_of(node),
            position,
            Msg("errors.playbook_not_mapping"),
            Msg("errors.playbook_not_mapping_hint"),
        )
    nodes: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in PLAYBOOK_KEYS:
            raise fail(
                path,
                line_of(key_node),
                position,
                Msg("errors.unknown_key", key=key),
                Msg(
                    "errors.then",
                    first=did_you_mean(key, PLAYBOOK_KEYS),
                    second=Msg("errors.keys_list", keys=", ".join(PLAYBOOK_KEYS)),
                ),
            )
        if key in nodes:
            raise fail(
                path,
                line_of(key_node),
                position,
                Msg("errors.key_twice", key=key),
                Msg("errors.keep_one_key"),
            )
        nodes[key] = value_node
    ident = nodes.pop("id", None)
    value = scalar(ident, path, position) if ident is not None and ident.id == "scalar" else None
    if not isinstance(value, str) or not _SLUG.match(value):
        raise fail(
            path,
            line_of(ident or node),
            position,
            Msg("errors.playbook_no_id"),
            Msg("errors.playbook_no_id_hint"),
        )
    return _Definition(value, nodes, path, line_of(node), {key: path for key in nodes})


def _build(entry: _Definition, areas: Sequence[str]) -> Playbook:
    who = Msg("errors.who_playbook", id=entry.id)

    def where(key: str) -> Path:
        return entry.sources.get(key, entry.source)

    if "title" not in entry.nodes:
        raise fail(
            entry.source,
            entry.line,
            who,
            Msg("errors.no_key", key="title"),
            Msg("errors.playbook_title_hint"),
        )
    title = parse_text(where("title"), who, "title", entry.nodes["title"])
    details_node = entry.nodes.get("details")
    details = None
    if details_node is not None and not details_node.tag.endswith(":null"):
        texts = parse_text(where("details"), who, "details", details_node)
        details = Text(texts.get("en", ""), texts.get("ar", ""))
    area_node = entry.nodes.get("area")
    area = str(area_node.value).strip() if area_node is not None else ""
    if area_node is None or area not in areas:
        raise fail(
            where("area") if area_node is not None else entry.source,
            line_of(area_node) if area_node is not None else entry.line,
            who,
            Msg("errors.unknown_area", area=area)
            if area_node is not None
            else Msg("errors.no_key", key="area"),
            Msg(
                "errors.then",
                first=did_you_mean(area, areas),
                second=Msg("errors.areas_list", areas=", ".join(areas)),
            ),
        )
    enabled = True
    if "enabled" in entry.nodes:
        flag = scalar(entry.nodes["enabled"], where("enabled"), who)
        if not isinstance(flag, bool):
            raise fail(
                where("enabled"),
                line_of(entry.nodes["enabled"]),
                who,
                Msg("errors.playbook_enabled"),
                Msg("errors.playbook_enabled_hint"),
            )
        enabled = flag
    steps = _steps(where("steps"), who, entry.nodes.get("steps"), entry.line)
    return Playbook(
        entry.id,
        Text(title.get("en", ""), title.get("ar", "")),
        details,
        area,
        steps,
        enabled,
        entry.source,
        entry.line,
    )


def _steps(path: Path, who: str, node: Any, line: int) -> tuple[Step, ...]:
    example = "`steps: [{id: assess, title: {en: Assess, ar: تقييم}, within: 2h}]`"
    if node is None or node.id != "sequence" or not node.value:
        raise fail(
            path,
            line_of(node) if node is not None else line,
            who,
            Msg("errors.playbook_no_steps"),
            Msg("errors.write_eg", example=example),
        )
    steps: list[Step] = []
    for child in node.value:
        if child.id != "mapping":
            raise fail(path, line_of(child), who, Msg("errors.step_not_mapping"), example)
        keys: dict[str, Any] = {}
        for key_node, value_node in child.value:
            key = str(key_node.value)
            if key not in STEP_KEYS:
                raise fail(
                    path,
                    line_of(key_node),
                    who,
                    Msg("errors.step_unknown_key", key=key),
                    Msg(
                        "errors.then",
                        first=did_you_mean(key, STEP_KEYS),
                        second=Msg("errors.step_keys", keys=", ".join(STEP_KEYS)),
                    ),
                )
            keys[key] = value_node
        ident = keys.get("id")
        step_id = str(ident.value) if ident is not None and ident.id == "scalar" else ""
        if not _SLUG.match(step_id):
            raise fail(
                path,
                line_of(ident or child),
                who,
                Msg("errors.step_no_id"),
                Msg("errors.step_no_id_hint"),
            )
        step_who = Msg("errors.who_step", who=who, id=step_id)
        if any(step.id == step_id for step in steps):
            raise fail(
                path,
                line_of(ident),
                step_who,
                Msg("errors.step_duplicate"),
                Msg("errors.rename_one"),
            )
        if "title" not in keys:
            raise fail(path, line_of(child), step_who, Msg("errors.no_key", key="title"), example)
        title = parse_text(path, step_who, "title", keys["title"])
        within = None
        if "within" in keys:
            raw = keys["within"]
            within = parse_within(str(raw.value)) if raw.id == "scalar" else None
            if within is None:
                raise fail(
                    path,
                    line_of(raw),
                    step_who,
                    Msg("errors.within_not_duration", value=raw.value)
                    if raw.id == "scalar"
                    else Msg("errors.within_must_be_duration"),
                    _WITHIN_HINT,
                )
        steps.append(Step(step_id, Text(title.get("en", ""), title.get("ar", "")), within))
    return tuple(steps)
