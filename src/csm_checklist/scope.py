"""Narrowing what csm looks at: the items of one tag (`--tag`) and the events
one person logged (`--by`).

Tags are the words in an item's `tags:` list; a tag is matched in any case.
A report narrowed to a tag or a person must not count the other items'
events as those of removed items, so the event source is narrowed with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import BadInput

if TYPE_CHECKING:
    from .catalog import Item
    from .log import Event


def known_tags(items: Iterable[Item]) -> list[str]:
    """Every tag of `items`, sorted, each once."""
    return sorted({tag for item in items for tag in item.tags}, key=str.casefold)


def tag_of(text: str, items: Iterable[Item]) -> str:
    """The tag a user typed, as the checklists spell it; BadInput (exit 2)
    naming the known tags when no item has it."""
    tags = known_tags(items)
    wanted = text.strip().casefold()
    for tag in tags:
        if tag.casefold() == wanted:
            return tag
    if tags:
        hint = f"Tags in your checklists: {', '.join(tags)}."
    else:
        hint = "No item has tags yet; add e.g. `tags: [team]` to an item in a checklist file."
    raise BadInput(f"--tag {text!r} is not a tag of any item.", hint=hint)


def with_tag(items: Sequence[Item], tag: str | None) -> list[Item]:
    """The items that carry `tag` (all of them when None)."""
    if tag is None:
        return list(items)
    return [item for item in items if tag in item.tags]


def same_name(a: str, b: str) -> bool:
    """Whether two names typed by hand are the same person ("omar" is "Omar")."""
    return a.strip().casefold() == b.strip().casefold()


class NarrowedLog:
    """An event source that shows only the events `keep` accepts; everything
    else a reader asks for goes to the real log. With `settled_only`, it
    tracks nothing (`first_day` is None), so a report counts only periods
    that have an event: no period is missed or open for lack of one."""

    def __init__(
        self, source: Any, keep: Callable[[Event], bool], *, settled_only: bool = False
    ) -> None:
        self._source = source
        self._keep = keep
        self._settled_only = settled_only

    def first_day(self) -> date | None:
        return None if self._settled_only else self._source.first_day()

    def active_overlapping(self, first: date, last: date) -> list[Event]:
        return [e for e in self._source.active_overlapping(first, last) if self._keep(e)]

    def active_for(self, keys: Iterable[tuple[str, date]]) -> dict[tuple[str, date], Event]:
        found = self._source.active_for(keys)
        return {key: event for key, event in found.items() if self._keep(event)}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._source, name)


class Narrowed(NamedTuple):
    """What a narrowed report reads: its items, its event source, and the
    person's name as it was logged (as typed when they logged nothing)."""

    items: list[Item]
    source: Any
    by: str | None


def narrow_report(
    items: Sequence[Item],
    log: Any,
    first: date,
    last: date,
    *,
    tag: str | None = None,
    by: str | None = None,
) -> Narrowed:
    """The items and the event source of a report of first..last narrowed to
    a tag and/or to one person.

    With `by`, the report covers what that person logged: the periods they
    settled (done, on time or late, or skipped) of the items they logged.
    A period nobody logged is no one's miss, and one a colleague settled is
    not theirs: both are left out.
    """
    kept = with_tag(items, tag)
    if tag is None and by is None:
        return Narrowed(kept, log, None)
    ids = {item.id for item in kept}
    if by is not None:
        name = by

        def keep(event: Event) -> bool:
            return same_name(event.by, name) and (tag is None or event.item_id in ids)

        theirs = [e for e in log.active_overlapping(first, last) if keep(e)]
        logged = {e.item_id for e in theirs}
        return Narrowed(
            [item for item in kept if item.id in logged],
            NarrowedLog(log, keep, settled_only=True),
            theirs[0].by if theirs else name,
        )
    return Narrowed(kept, NarrowedLog(log, lambda event: event.item_id in ids), None)
