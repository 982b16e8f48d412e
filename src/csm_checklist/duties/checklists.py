"""Checklist YAML files -> a validated catalog of areas and items.

The built-in files (the 2023 checklist) load first, then the user's files in
`<config dir>/checklists/`. A user area or item whose id is a built-in one
overrides it key by key; new ids add new ones. Any mistake in any file stops
the whole load with one `ChecklistError` naming the file, the line, the id and
the fix: a half-loaded checklist would silently drop duties.

Line numbers come from YAML's node tree (`yaml.compose`), walked here by hand,
so the fast C parser can be used and every value keeps the line it was on.
`csm today` loads the catalog every morning, so this module stays lean: no
dateutil unless an rrule item exists, difflib only when there is an error.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from csm_checklist.dates.schedule import (
    PERIOD_KINDS,
)
from csm_checklist.duties import yamlread
from csm_checklist.duties.catalog import (
    ALL_CADENCES,
    Area,
    Catalog,
    Item,
    builtin_files,
    checklist_files,
)
from csm_checklist.duties.entries import (
    SCHEDULE_KEYS,
)
from csm_checklist.duties.entries import (
    Definition as _Definition,
)
from csm_checklist.duties.entries import (
    FieldValue as _Value,
)
from csm_checklist.duties.entries import (
    cadence_of as _cadence_of,
)
from csm_checklist.duties.entries import (
    checked as _checked,
)
from csm_checklist.duties.entries import (
    entry_who as _who,
)
from csm_checklist.duties.entries import (
    make_area as _make_area,
)
from csm_checklist.duties.entries import (
    make_item as _make_item,
)
from csm_checklist.duties.yamlfields import (
    ChecklistFileError,
    Problems,
)
from csm_checklist.duties.yamlfields import (
    describe as _describe,
)
from csm_checklist.duties.yamlfields import (
    did_you_mean as _did_you_mean,
)
from csm_checklist.duties.yamlfields import (
    fail as _fail,
)
from csm_checklist.duties.yamlfields import (
    line_of as _line,
)
from csm_checklist.duties.yamlfields import (
    pairs as _pairs,
)
from csm_checklist.duties.yamlfields import (
    parse_text as _parse_text,
)
from csm_checklist.duties.yamlfields import (
    plain as _plain,
)
from csm_checklist.duties.yamlfields import (
    scalar as _scalar,
)
from csm_checklist.duties.yamlfields import (
    then as _then,
)
from csm_checklist.errors import ChecklistError, NotMet
from csm_checklist.messages import Msg

# `playbooks:` is read by playbooks.py, only by the commands that use them.
TOP_KEYS = ("areas", "items", "playbooks")
AREA_KEYS = ("id", "title", "details")
ITEM_KEYS = (
    "id",
    "title",
    "details",
    "area",
    "cadence",
    "due",
    "rrule",
    "start",
    "since",
    "tags",
    "enabled",
    "measures",
    "assign",
    "rotate",
)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_FILE_SHAPE_HINT = Msg("errors.checklist_file_shape_hint")


# Loading ---------------------------------------------------------------------


def load_catalog(
    user_dir: Path | None, builtin: Path | None = None, packs: Sequence[Path] = ()
) -> Catalog:
    """Load the built-in checklists (and the files of the `packs` switched
    on), then the user's files in `user_dir`.

    Raises ChecklistError (exit 2) for the first problem found in any file;
    nothing is half-loaded.
    """
    base_files = [*builtin_files(builtin), *packs]
    user_files: list[Path] = []
    if user_dir is not None:
        if user_dir.exists() and not user_dir.is_dir():
            raise ChecklistError(
                Msg("errors.checklists_dir_is_file", path=user_dir),
                hint=Msg("errors.checklists_dir_is_file_hint"),
            )
        user_files = checklist_files(user_dir)
    problems: Problems = []
    base = _parse_files(base_files, problems)
    user = _parse_files(user_files, problems)
    catalog = _build(base, user, problems)
    if problems:
        raise _stopped(problems, [*base_files, *user_files])
    return catalog


def check_files(
    paths: Sequence[Path],
    builtin: Path | None = None,
    user_dir: Path | None = None,
    packs: Sequence[Path] = (),
) -> list[ChecklistError]:
    """Every problem of the given files (a folder stands for its *.yaml
    files), checked as they would load: after the built-ins and the user's
    own files in `user_dir`, so they may override the user's items too. A
    given file named like one of the user's own stands in its place. With no
    paths, every file csm loads is checked.

    Returns every problem found, by file and line; an empty list means they
    all load, together with the built-ins, the user's files and each other.
    """
    given: list[Path] = []
    for path in paths:
        given.extend(checklist_files(path) if path.is_dir() else [path])
    own = checklist_files(user_dir) if user_dir is not None and user_dir.is_dir() else []
    # A given file takes the place of the user's file of the same name, as
    # copying it into the folder would (it may be that file itself, or an
    # edited copy); other given files load after all of the user's.
    names = {path.name for path in given}
    own_names = {path.name for path in own}
    user_files = [path for path in own if path.name not in names]
    user_files += [path for path in given if path.name in own_names]
    user_files.sort(key=lambda p: p.name)
    user_files += [path for path in given if path.name not in own_names]
    problems: Problems = []
    base_files = [*builtin_files(builtin), *packs]
    base = _parse_files(base_files, problems)
    user = _parse_files(user_files, problems)
    catalog = _build(base, user, problems)
    from csm_checklist.duties.playbooks import check_playbooks

    problems.extend(check_playbooks([*base_files, *user_files], list(catalog.areas)))
    return list(_in_order(problems, [*base_files, *user_files]))


def _parse_files(paths: Sequence[Path], problems: Problems) -> list[_File]:
    """The files that could be read; a file that cannot be read at all (not
    found, not YAML, not a mapping) is one problem and is left out."""
    parsed = []
    for path in paths:
        try:
            parsed.append(_parse_file(path, problems))
        except ChecklistFileError as exc:
            problems.append(exc)
    return parsed


def _in_order(problems: Problems, files: Sequence[Path]) -> Problems:
    rank = {path: i for i, path in enumerate(files)}
    unique = list({(p.path, p.line, p.message): p for p in problems}.values())
    return sorted(unique, key=lambda p: (rank.get(p.path, len(rank)), p.line))


def _stopped(problems: Problems, files: Sequence[Path]) -> ChecklistFileError:
    """The first problem, carrying all of them."""
    ordered = _in_order(problems, files)
    first = ordered[0]
    first.problems = ordered
    return first


USER_COPY_HEADER = """\
# Your copy of csm's built-in checklist file {name}, made by `csm checklist init`.
#
# csm loads its built-in checklists first, then every *.yaml file in this
# folder. An area or item here whose id matches a built-in one overrides it:
# edit it here to change it, or set `enabled: false` to switch it off.
# Deleting it from this file brings back the built-in version unchanged.
# New ids add new items. After editing, run: csm checklist validate
#
"""


def copy_builtins(target: Path, *, force: bool = False) -> list[Path]:
    """Copy the built-in files into `target` with a header saying how user
    files override the built-ins; returns the files written.

    Without `force` nothing at all is written when any of them already exists
    (NotMet, exit 1): a manager's edits are never overwritten by accident.
    """
    from csm_checklist.atomic import write_text_atomically

    if target.exists() and not target.is_dir():
        raise NotMet(
            Msg("errors.init_target_is_file", path=target),
            hint=Msg("errors.init_target_is_file_hint"),
        )
    sources = builtin_files(None)
    existing = [target / src.name for src in sources if (target / src.name).exists()]
    if existing and not force:
        raise NotMet(
            Msg("errors.init_exists", path=existing[0])
            if len(existing) == 1
            else Msg("errors.init_exists_more", path=existing[0], more=len(existing) - 1),
            hint=Msg("errors.init_exists_hint"),
        )
    written = []
    for src in sources:
        text = USER_COPY_HEADER.format(name=src.name) + src.read_text(encoding="utf-8")
        write_text_atomically(target / src.name, text)
        written.append(target / src.name)
    return written


# Parsing one file ------------------------------------------------------------


@dataclass
class _File:
    path: Path
    areas: list[_Definition]
    items: list[_Definition]


def _parse_file(path: Path, problems: Problems) -> _File:
    """Parse one file. A problem of one entry or key is added to `problems`
    and the rest of the file is still read; a file that cannot be read as
    a checklist at all raises."""
    import yaml

    from csm_checklist.reading import read_bytes

    try:
        data = read_bytes(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ChecklistFileError(
            Msg("errors.checklist_unreadable", path=path, reason=reason),
            Msg("errors.checklist_unreadable_hint"),
            path,
            0,
        ) from None
    try:
        # utf-8-sig: a byte-order mark from a Windows editor is harmless.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _fail(
            path,
            line,
            None,
            Msg("errors.not_utf8"),
            Msg("errors.not_utf8_hint"),
        ) from None
    try:
        root: Any = yamlread.compose(text)
    except yamlread.YamlProblem as exc:
        raise _fail(
            path,
            exc.line or 1,
            None,
            exc.problem,
            Msg("errors.yaml_plain_values_hint"),
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(path, text, exc) from None
    except yaml.YAMLError as exc:
        raise ChecklistFileError(
            Msg("errors.yaml_invalid_file", path=path, reason=exc),
            Msg("errors.yaml_fix_syntax"),
            path,
            0,
        ) from None
    if root is None:
        raise _fail(path, 1, None, Msg("errors.file_empty"), _FILE_SHAPE_HINT)
    if root.id != "mapping":
        raise _fail(
            path,
            _line(root),
            None,
            Msg("errors.checklist_file_not_mapping", holds=_describe(root)),
            _FILE_SHAPE_HINT,
        )
    result = _File(path, [], [])
    seen: dict[str, int] = {}
    for key_node, value_node in _pairs(root, path, None, TOP_KEYS, problems):
        key = key_node.value
        if value_node.tag.endswith(":null") or key == "playbooks":
            continue  # `items:` with nothing under it yet; playbooks.py reads its own
        if value_node.id != "sequence":
            example = "- id: my-area" if key == "areas" else "- id: my-item"
            raise _fail(
                path,
                _line(value_node),
                None,
                Msg("errors.key_not_list", key=key, holds=_describe(value_node)),
                Msg("errors.key_not_list_hint", example=example),
            )
        kind = "area" if key == "areas" else "item"
        target = result.areas if kind == "area" else result.items
        for index, entry_node in enumerate(value_node.value, start=1):
            try:
                entry = _parse_definition(path, kind, index, entry_node, problems)
            except ChecklistFileError as exc:
                problems.append(exc)
                continue
            if entry.id in seen:
                problems.append(
                    _fail(
                        path,
                        entry.fields["id"].line,
                        _who(kind, entry.id),
                        Msg("errors.duplicate_id_in_file", line=seen[entry.id]),
                        Msg(f"errors.duplicate_id_in_file_hint_{kind}"),
                    )
                )
                continue
            seen[entry.id] = entry.fields["id"].line
            target.append(entry)
    return result


def _yaml_error(path: Path, text: str, exc: Any) -> ChecklistError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    problem = str(exc.problem or "")
    lines = text.splitlines()
    bad_line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    indent = bad_line[: len(bad_line) - len(bad_line.lstrip(" \t"))]
    if "\t" in indent or "\\t" in problem or "tab" in problem:
        return _fail(
            path,
            line,
            None,
            Msg("errors.yaml_tabs"),
            Msg("errors.yaml_tabs_hint"),
        )
    detail: str = problem or Msg("errors.syntax_error")
    context = exc.context_mark
    if exc.context and context is not None and context.line != getattr(mark, "line", None):
        # "did not find expected '}'" is found lines after the brace that was
        # never closed; the line where it opened is the one to fix.
        detail = Msg(
            "errors.yaml_context", problem=detail, context=exc.context, line=context.line + 1
        )
    return _fail(
        path,
        line,
        None,
        Msg("errors.yaml_invalid", detail=detail),
        Msg("errors.yaml_invalid_hint"),
    )


def _parse_definition(
    path: Path, kind: str, index: int, node: Any, problems: Problems
) -> _Definition:

    position = Msg(f"errors.position_{kind}", index=index)
    if node.id != "mapping":
        raise _fail(
            path,
            _line(node),
            position,
            Msg(f"errors.entry_not_mapping_{kind}", holds=_describe(node)),
            Msg(f"errors.entry_not_mapping_hint_{kind}"),
        )
    allowed = AREA_KEYS if kind == "area" else ITEM_KEYS
    # Find the id first, so that every later error can name the entry.
    entry_id: str | None = None
    for key_node, value_node in node.value:
        if key_node.id == "scalar" and key_node.value == "id":
            entry_id = _parse_id(path, position, value_node)
            break
    if entry_id is None:
        raise _fail(
            path,
            _line(node),
            position,
            Msg("errors.no_key", key="id"),
            Msg(f"errors.no_id_hint_{kind}"),
        )
    who = _who(kind, entry_id)
    fields: dict[str, _Value] = {}
    bad: set[str] = set()
    for key_node, value_node in _pairs(node, path, who, allowed, problems):
        key = key_node.value
        try:
            value = _parse_field(path, who, kind, key, value_node)
        except ChecklistFileError as exc:
            problems.append(exc)
            bad.add(key)
            continue
        fields[key] = _Value(value, path, _line(value_node))
    return _Definition(kind, entry_id, fields, path, _line(node), frozenset(bad))


def _parse_id(path: Path, position: str, node: Any) -> str:

    value = _scalar(node, path, position) if node.id == "scalar" else None
    if isinstance(value, str) and _SLUG.match(value):
        return value
    shown = repr(value) if node.id == "scalar" else _describe(node)
    suggestion = ""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
        if slug:
            suggestion = Msg("errors.such_as", slug=slug)
    raise _fail(
        path,
        _line(node),
        position,
        Msg("errors.id_not_slug", shown=shown),
        Msg("errors.id_not_slug_hint", suggestion=suggestion),
    )


def _parse_field(path: Path, who: str, kind: str, key: str, node: Any) -> Any:
    """Type-check one key's value; meaning that depends on other keys (the due
    rule against the cadence, the area against the loaded areas) waits until
    every file is merged."""

    line = _line(node)
    is_null = node.id == "scalar" and node.tag.endswith(":null")
    if key == "id":
        return node.value
    if key in ("title", "details"):
        if key == "details" and is_null:
            return None
        return _parse_text(path, who, key, node)
    if key in ("assign", "rotate"):
        if is_null:
            return None
        from csm_checklist.duties.people import parse_owners

        return parse_owners(
            key, node, lambda n, problem, hint: _fail(path, _line(n), who, problem, hint)
        )
    if key in ("due", "start", "since") and is_null:
        return None  # an override's way to say "no due rule" / "no start"
    if key == "due":
        return _plain(node, path, who)
    if key == "measures":
        from csm_checklist.duties.measures import parse_measures

        return parse_measures(
            node, lambda n, problem, hint: _fail(path, _line(n), who, problem, hint)
        )
    if key == "tags":
        if is_null:
            return ()
        values = _plain(node, path, who) if node.id == "sequence" else None
        if values is None or not all(isinstance(v, str) and v.strip() for v in values):
            raise _fail(
                path,
                line,
                who,
                Msg("errors.tags_not_words"),
                Msg("errors.tags_not_words_hint"),
            )
        return tuple(v.strip() for v in values)
    value = _scalar(node, path, who) if node.id == "scalar" else _describe(node)
    shown = repr(value) if node.id == "scalar" else value
    if key == "enabled":
        if not isinstance(value, bool) or not node.id == "scalar":
            raise _fail(
                path,
                line,
                who,
                Msg("errors.enabled_not_bool", shown=shown),
                Msg("errors.enabled_not_bool_hint"),
            )
        return value
    if key in ("start", "since"):
        if isinstance(value, str) and node.id == "scalar":
            with contextlib.suppress(ValueError):
                value = date.fromisoformat(value.strip())
        if not isinstance(value, date) or isinstance(value, datetime):
            raise _fail(
                path,
                line,
                who,
                Msg("errors.key_not_date", key=key, shown=shown),
                Msg(f"errors.key_not_date_hint_{key}"),
            )
        return value
    if node.id != "scalar" or not isinstance(value, str) or not value.strip():
        examples = {
            "area": "`area: team-management`",
            "cadence": "`cadence: weekly`",
            "rrule": '`rrule: "FREQ=WEEKLY;BYDAY=MO,TH"`',
        }
        raise _fail(
            path,
            line,
            who,
            Msg("errors.key_not_text", key=key, shown=shown),
            Msg("errors.write_eg", example=examples[key]),
        )
    value = value.strip()
    if key == "cadence" and value not in ALL_CADENCES:
        alias = PERIOD_KINDS.get(value.lower())
        guess = (
            Msg("errors.did_you_mean", word=alias) if alias else _did_you_mean(value, ALL_CADENCES)
        )
        raise _fail(
            path,
            line,
            who,
            Msg("errors.unknown_cadence", cadence=value),
            _then(guess, Msg("errors.cadences_list", cadences=", ".join(ALL_CADENCES))),
        )
    return value


# Merging the files -------------------------------------------------------------


def _build(base: list[_File], user: list[_File], problems: Problems) -> Catalog:
    """Merge the parsed files (built-ins first), then give every entry
    meaning. Every problem is added to `problems`; the catalog returned then
    lacks the entries that had one, and must not be used."""
    areas: dict[str, _Definition] = {}
    items: dict[str, _Definition] = {}
    builtin_ids: dict[str, set[str]] = {"area": set(), "item": set()}
    for layer, files in (("builtin", base), ("user", user)):
        for parsed in files:
            for entries, merged in ((parsed.areas, areas), (parsed.items, items)):
                for entry in entries:
                    try:
                        _merge(entry, merged, builtin_ids[entry.kind], layer)
                    except ChecklistFileError as exc:
                        problems.append(exc)
        if layer == "builtin":
            builtin_ids = {"area": set(areas), "item": set(items)}

    area_objs: dict[str, Area] = {}
    for area_id, entry in areas.items():
        area = _checked(problems, entry, _make_area, entry)
        if area is not None:
            area_objs[area_id] = area
    # An item filed under an area that failed is not told that area is unknown.
    known_areas = {**{a: None for a in areas}, **area_objs}
    item_objs: dict[str, Item] = {}
    for item_id, entry in items.items():
        item = _make_item(entry, known_areas, problems)
        if item is not None:
            item_objs[item_id] = item
    paths = tuple(parsed.path for parsed in (*base, *user))
    return Catalog(area_objs, item_objs, paths)


def _merge(
    entry: _Definition, merged: dict[str, _Definition], builtin_ids: set[str], layer: str
) -> None:
    previous = merged.get(entry.id)
    if previous is None:
        merged[entry.id] = entry
        return
    if layer == "user" and (entry.id in builtin_ids or "title" not in entry.fields):
        # A user entry with a built-in id, or without a title of its own,
        # changes the entry of an earlier file key by key; a second full
        # definition (with a title) is a clash, not an override.
        merged[entry.id] = _override(previous, entry)
        return
    first = previous.fields["id"]
    raise _fail(
        entry.source,
        entry.fields["id"].line,
        _who(entry.kind, entry.id),
        Msg("errors.id_used_in", source=first.source, line=first.line),
        Msg(f"errors.id_used_in_hint_{entry.kind}"),
    )


def _override(base: _Definition, change: _Definition) -> _Definition:
    """`base` with the keys `change` sets. Titles merge per language. When the
    cadence changes, the old due rule, rrule and start go with it: a Thursday
    rule means nothing to a monthly item, and guessing would surprise."""
    fields = dict(base.fields)
    new_cadence = _cadence_of(change.fields)
    if new_cadence is not None and new_cadence != _cadence_of(base.fields):
        for key in SCHEDULE_KEYS:
            fields.pop(key, None)
    for key, value in change.fields.items():
        old = fields.get(key)
        if key in ("title", "details") and old is not None and old.value and value.value:
            value = _Value({**old.value, **value.value}, value.source, value.line)
        fields[key] = value
    return _Definition(base.kind, base.id, fields, change.source, change.line)
