"""The one way csm reads YAML (checklists and config.yaml): bounded and strict.

`compose` returns YAML's node tree (every node knows its line) after checking
what a node tree alone cannot refuse:
- aliases: a few hundred bytes of anchors and aliases can stand for billions
  of values ("billion laughs"); the tree is measured as if every alias were
  expanded, without expanding it, and refused beyond `MAX_VALUES`; an alias
  inside its own anchor is refused too;
- tags: only YAML's plain types (text, numbers, booleans, null, dates, lists,
  mappings); `!!python/object` and the like are refused;
- every scalar with a tag is built once here, so `!!bool maybe` or
  `!!int x` is reported with its line instead of failing later.

Problems are `YamlProblem(line, problem)`; each caller turns them into its
own error, naming its file.
"""

from __future__ import annotations

from typing import Any

from csm_checklist.messages import Msg

# No checklist comes near this: the built-in one has about 3,000 values.
MAX_VALUES = 100_000

_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


class YamlProblem(Exception):
    """What is wrong with a YAML text, and on which line (1-based; 0: unknown)."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def loader() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(text: str) -> Any:
    """The node tree of `text` (None when empty), checked as described above.

    yaml.MarkedYAMLError and yaml.YAMLError from the parser pass through, so a
    caller can word syntax errors its own way.
    """
    import yaml

    try:
        root = yaml.compose(text, Loader=loader())
    except RecursionError:
        raise YamlProblem(0, Msg("errors.yaml_too_deep")) from None
    if root is not None:
        check(root)
    return root


def line_of(node: Any) -> int:
    return int(node.start_mark.line) + 1


def check(root: Any) -> None:
    """Refuse unknown tags, unbuildable scalars, cyclic aliases and a tree
    that would expand to more than MAX_VALUES values."""
    sizes: dict[int, int] = {}
    # Depth first, without recursion: (node, children done?).
    stack: list[tuple[Any, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            total = 1 + sum(sizes[id(child)] for child in _children(node))
            if total > MAX_VALUES:
                raise YamlProblem(
                    line_of(node),
                    Msg("errors.yaml_too_big", limit=f"{MAX_VALUES:,}"),
                )
            sizes[key] = total
            continue
        if key in sizes:
            continue  # an alias of a node already measured
        if key in open_nodes:
            raise YamlProblem(line_of(node), Msg("errors.yaml_alias_cycle"))
        _check_node(node)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))


def _children(node: Any) -> list[Any]:
    if node.id == "sequence":
        return list(node.value)
    if node.id == "mapping":
        return [part for pair in node.value for part in pair]
    return []


def _check_node(node: Any) -> None:
    if node.tag not in _PLAIN_TAGS:
        raise YamlProblem(line_of(node), Msg("errors.yaml_tag", tag=node.tag))
    if node.id == "scalar" and not node.tag.endswith(":str"):
        build_scalar(node)


def build_scalar(node: Any) -> Any:
    """The Python value of a scalar node, as YAML's safe loader builds it."""
    import yaml

    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    try:
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except Exception as exc:  # KeyError for `!!bool maybe`, ValueError for `!!int x`
        raise YamlProblem(
            line_of(node),
            Msg("errors.yaml_bad_scalar", value=node.value, type=node.tag.rsplit(":", 1)[-1]),
        ) from exc
