"""The layers of csm as a rule (DESIGN §6): arrows point down, never back up,
no two modules import each other (directly or round a longer circle), and no
module takes another's private names.

Every module of the package is parsed with `ast`; every import counts, also
one inside a function or under `if TYPE_CHECKING:`: each is an arrow of the
design, whenever Python runs it.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "csm_checklist"
ROOT = "csm_checklist"

# Highest first. A layer may import its own and every layer below it.
LAYERS = ("cli", "exchange", "rules", "store", "duties", "dates", "ground")
# The modules and packages of the ground: every layer may use them.
GROUND = {"errors", "atomic", "messages", "reading", "locks"}
# `python -m csm_checklist` starts the command line: it may import cli.
ENTRY = f"{ROOT}.__main__"


class Arrow(NamedTuple):
    """One import: `source` imports `target` (a module), taking `names`
    from it (empty for `import target`)."""

    source: str
    target: str
    names: tuple[str, ...]
    line: int


def layer(module: str) -> str:
    """The layer of a module: its first folder, or the ground."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return "ground"
    if parts[1] in GROUND:
        return "ground"
    if parts[1] in LAYERS:
        return parts[1]
    raise ValueError(f"{module} is in no layer: add it to a folder of DESIGN §6")


def arrows(module: str, source: str, modules: set[str], package: bool = False) -> list[Arrow]:
    """Every import of csm's own modules that `module`'s `source` makes.
    `from a.b import c` points at module a.b.c when there is one, else at a.b."""
    found: list[Arrow] = []
    here = module if package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [
                Arrow(module, alias.name, (), node.lineno)
                for alias in node.names
                if alias.name.split(".")[0] == ROOT
            ]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here.split(".")[: len(here.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if base.split(".")[0] != ROOT:
                continue
            names = []
            for alias in node.names:
                if f"{base}.{alias.name}" in modules:
                    found.append(Arrow(module, f"{base}.{alias.name}", (), node.lineno))
                else:
                    names.append(alias.name)
            if names:
                found.append(Arrow(module, base, tuple(names), node.lineno))
    return found


def problems(
    sources: dict[str, str], packages: frozenset[str] | set[str] = frozenset()
) -> list[str]:
    """What breaks the layers among `sources` (module name -> its text);
    `packages` names the modules that are a folder's `__init__`."""
    modules = set(sources)
    found: list[str] = []
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, text in sorted(sources.items()):
        for arrow in arrows(name, text, modules, package=name in packages):
            target = arrow.target
            if target != name and target in modules:
                graph[name].add(target)
            mine, theirs = layer(name), layer(target)
            if name == ENTRY and theirs == "cli":
                pass
            elif LAYERS.index(theirs) < LAYERS.index(mine):
                found.append(f"up: {name} ({mine}) imports {target} ({theirs}), line {arrow.line}")
            for taken in arrow.names:
                if taken.startswith("_") and not taken.startswith("__"):
                    found.append(
                        f"private: {name} imports {taken} from {target}, line {arrow.line}"
                    )
    found += [f"circle: {' -> '.join(circle)}" for circle in circles(graph)]
    return found


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle through each group of modules that import each other
    (Tarjan's strongly connected components, then a path round each)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_round(graph, group) for group in groups]


def _round(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    """A path from the group's first module back to it, inside the group."""
    start = group[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph[node] & set(group)):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    return group


def package_sources() -> tuple[dict[str, str], set[str]]:
    sources: dict[str, str] = {}
    packages: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
            packages.add(".".join(parts))
        sources[".".join(parts)] = path.read_text(encoding="utf-8")
    return sources, packages


def test_the_package_keeps_its_layers() -> None:
    sources, packages = package_sources()
    assert len(sources) > 60  # the whole package was found
    assert problems(sources, packages) == []


def test_every_module_is_in_a_layer() -> None:
    sources, _ = package_sources()
    assert {layer(name) for name in sources} == set(LAYERS)


# The checker itself: each planted mistake must be found, and only it.
PLANTED = [
    pytest.param(
        {
            "csm_checklist.dates.a": "from csm_checklist.rules.b import x\n",
            "csm_checklist.rules.b": "",
        },
        ["up: csm_checklist.dates.a (dates) imports csm_checklist.rules.b (rules), line 1"],
        id="upward from",
    ),
    pytest.param(
        {
            "csm_checklist.store.a": "def f():\n    import csm_checklist.cli.b\n",
            "csm_checklist.cli.b": "",
        },
        ["up: csm_checklist.store.a (store) imports csm_checklist.cli.b (cli), line 2"],
        id="upward import inside a function",
    ),
    pytest.param(
        {
            "csm_checklist.errors": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from csm_checklist.duties.b import Item\n",
            "csm_checklist.duties.b": "",
        },
        ["up: csm_checklist.errors (ground) imports csm_checklist.duties.b (duties), line 3"],
        id="ground importing a layer, for type checking only",
    ),
    pytest.param(
        {
            "csm_checklist.duties.a": "from csm_checklist.duties.b import _helper\n",
            "csm_checklist.duties.b": "",
        },
        ["private: csm_checklist.duties.a imports _helper from csm_checklist.duties.b, line 1"],
        id="private name",
    ),
    pytest.param(
        {
            "csm_checklist.rules.a": "from csm_checklist.store import sqlite\n",
            "csm_checklist.store": "",
            "csm_checklist.store.sqlite": "from csm_checklist.rules.a import run\n",
        },
        [
            "up: csm_checklist.store.sqlite (store) imports csm_checklist.rules.a (rules), line 1",
            "circle: csm_checklist.rules.a -> csm_checklist.store.sqlite -> csm_checklist.rules.a",
        ],
        id="circle through a submodule",
    ),
    pytest.param(
        {
            "csm_checklist.cli.a": "import csm_checklist.cli.b\n",
            "csm_checklist.cli.b": "def f():\n    from csm_checklist.cli.c import g\n",
            "csm_checklist.cli.c": "from csm_checklist.cli import a\n",
            "csm_checklist.cli": "",
        },
        [
            "circle: csm_checklist.cli.a -> csm_checklist.cli.b -> csm_checklist.cli.c -> csm_checklist.cli.a"
        ],
        id="circle of three in one layer",
    ),
    pytest.param(
        {
            "csm_checklist.cli.a": "from csm_checklist.rules.b import __version__, run\n",
            "csm_checklist.rules.b": "from csm_checklist.store.c import Store\nimport csm_checklist.errors\n",
            "csm_checklist.store.c": "",
            "csm_checklist.errors": "",
            "csm_checklist.__main__": "from csm_checklist.cli.a import main\n",
        },
        [],
        id="downward arrows, dunder names and the entry point are fine",
    ),
]


@pytest.mark.parametrize(("sources", "expected"), PLANTED)
def test_the_checker_finds_what_was_planted(sources: dict[str, str], expected: list[str]) -> None:
    assert problems(sources, {"csm_checklist.cli", "csm_checklist.store"}) == expected


def test_a_module_outside_every_layer_is_refused() -> None:
    with pytest.raises(ValueError, match=r"csm_checklist\.widgets is in no layer"):
        layer("csm_checklist.widgets")
