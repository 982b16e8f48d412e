"""People in checklist files: `assign: LOGIN` and `rotate: [a, b, c]`.

A person is a login, spelt as the team's logins are (lower case, digits and
`. _ @ -`, starting with a letter or `_`). Whether the login is someone csm
knows is checked later, against the team's members or the `people` setting
(rules/owners.py), since the catalog is read without the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from csm_checklist.dates.daysoff import LOGIN, is_login
from csm_checklist.messages import Msg

Fail = Callable[[Any, str, str], Exception]
__all__ = ["LOGIN", "is_login", "parse_owners"]


def _login(key: str, node: Any, fail: Fail) -> str:
    value = node.value if node.id == "scalar" else None
    if node.id == "scalar" and node.tag.endswith(":str") and is_login(value):
        return str(value)
    shown = repr(value) if node.id == "scalar" else node.id
    raise fail(node, Msg("owners.bad_login", key=key, shown=shown), Msg("owners.bad_login_hint"))


def parse_owners(key: str, node: Any, fail: Fail) -> str | tuple[str, ...]:
    """The login of `assign:`, or the logins of `rotate:` (two or more, each
    once); `fail(node, problem, hint)` makes the error raised."""
    if key == "assign":
        return _login(key, node, fail)
    if node.id != "sequence":
        shown = repr(node.value) if node.id == "scalar" else node.id
        raise fail(node, Msg("owners.rotate_not_list", shown=shown), Msg("owners.rotate_hint"))
    people: list[str] = []
    for child in node.value:
        login = _login(key, child, fail)
        if login in people:
            raise fail(
                child, Msg("owners.rotate_twice", login=login), Msg("owners.rotate_twice_hint")
            )
        people.append(login)
    if len(people) < 2:
        raise fail(
            node,
            Msg("owners.rotate_one", login=people[0] if people else "LOGIN"),
            Msg("owners.rotate_one_hint", login=people[0] if people else "LOGIN"),
        )
    return tuple(people)
