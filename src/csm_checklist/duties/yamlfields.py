"""The YAML fields of checklist and playbook files: reading a node with the
file and line it came from, and the one shape of every problem found
(`ChecklistFileError`: where, what is wrong, the fix).

Shared by checklists.py (areas and items) and playbooks.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from csm_checklist.duties import yamlread
from csm_checklist.errors import ChecklistError
from csm_checklist.messages import Msg

LANG_KEYS = ("en", "ar")


class ChecklistFileError(ChecklistError):
    """A ChecklistError that knows the file and line it is about."""

    def __init__(self, message: str, hint: str | None, path: Path, line: int) -> None:
        super().__init__(message, hint)
        self.path = path
        self.line = line
        # Every problem found in the load this one stopped, itself first.
        self.problems: list[ChecklistFileError] = [self]


Problems = list[ChecklistFileError]


def where_text(source: Path, line: int, who: str | None) -> Msg:
    if who:
        return Msg("errors.at_line_who", source=source, line=line, who=who)
    return Msg("errors.at_line", source=source, line=line)


def fail(source: Path, line: int, who: str | None, problem: str, hint: str) -> ChecklistFileError:
    """The one shape of every checklist error: where, what is wrong, the fix."""
    if not isinstance(problem, Msg):  # a message is written without the period
        problem = problem.rstrip(".")
    where = where_text(source, line, who)
    return ChecklistFileError(Msg("errors.at", where=where, problem=problem), hint, source, line)


def then(first: str, second: str) -> Msg:
    """Two sentences of a hint, each in the reader's language."""
    return Msg("errors.then", first=first, second=second)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return Msg("errors.did_you_mean", word=close[0]) if close else ""


def line_of(node: Any) -> int:
    return int(node.start_mark.line) + 1


def describe(node: Any) -> Msg:

    if node.id == "sequence":
        return Msg("errors.node_list")
    if node.id == "mapping":
        return Msg("errors.node_mapping")
    return (
        Msg("errors.node_value", value=node.value)
        if node.value != ""
        else Msg("errors.node_nothing")
    )


def pairs(
    node: Any,
    path: Path,
    who: str | None,
    allowed: Sequence[str],
    problems: Problems | None = None,
) -> Iterator[tuple[Any, Any]]:
    """A mapping's (key, value) nodes, after checking every key is known and
    once. A wrong key is added to `problems` and skipped (raised without it)."""

    seen: set[str] = set()
    for key_node, value_node in node.value:
        problem = None
        key = str(key_node.value) if key_node.id == "scalar" else ""
        if key_node.id != "scalar":
            problem = fail(
                path, line_of(key_node), who, Msg("errors.key_not_word"), keys_hint(allowed)
            )
        elif key not in allowed:
            problem = fail(
                path,
                line_of(key_node),
                who,
                Msg("errors.unknown_key", key=key),
                then(did_you_mean(key, allowed), keys_hint(allowed)),
            )
        elif key in seen:
            problem = fail(
                path,
                line_of(key_node),
                who,
                Msg("errors.key_twice", key=key),
                Msg("errors.key_twice_hint"),
            )
        if problem is not None:
            if problems is None:
                raise problem
            problems.append(problem)
            continue
        seen.add(key)
        yield key_node, value_node


def keys_hint(allowed: Sequence[str]) -> Msg:
    return Msg("errors.keys_list", keys=", ".join(allowed))


def scalar(node: Any, path: Path, who: str | None) -> Any:
    """The Python value of a scalar node, as YAML's safe loader would build it."""
    try:
        return yamlread.build_scalar(node)
    except yamlread.YamlProblem as exc:
        raise fail(
            path,
            exc.line,
            who,
            Msg("errors.cannot_read_value", problem=exc.problem),
            Msg("errors.write_plain_text"),
        ) from None


def plain(node: Any, path: Path, who: str | None) -> Any:
    """A node as plain Python data (for due rules and tags)."""

    if node.id == "scalar":
        return scalar(node, path, who)
    if node.id == "sequence":
        return [plain(child, path, who) for child in node.value]
    return {str(k.value): plain(v, path, who) for k, v in node.value}


def parse_text(path: Path, who: str, key: str, node: Any) -> dict[str, str]:

    example = f'`{key}: {{en: "Team meeting", ar: "اجتماعات الفريق"}}`'
    if node.id != "mapping":
        raise fail(
            path,
            line_of(node),
            who,
            Msg("errors.text_not_mapping", key=key, holds=describe(node)),
            Msg("errors.write_eg", example=example),
        )
    texts: dict[str, str] = {}
    for lang_node, text_node in pairs(node, path, who, LANG_KEYS):
        value = scalar(text_node, path, who) if text_node.id == "scalar" else None
        if value is None and text_node.id == "scalar":
            value = ""
        if not isinstance(value, str):
            raise fail(
                path,
                line_of(text_node),
                who,
                Msg("errors.text_not_text", key=key, lang=lang_node.value),
                Msg("errors.text_not_text_hint", example=example),
            )
        # A title is one line; details keep the line breaks a `|` block gives them.
        texts[lang_node.value] = " ".join(value.split()) if key == "title" else value.strip()
    return texts
