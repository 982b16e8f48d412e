"""Narrowing what csm looks at: the items of one tag (`--tag`) and the events
one person logged (`--by`).

Tags are the words in an item's `tags:` list; a tag is matched in any case,
and so is a person's name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg

if TYPE_CHECKING:
    from csm_checklist.duties.catalog import Item


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
    hint = Msg("errors.tags_known", tags=", ".join(tags)) if tags else Msg("errors.no_tags_yet")
    raise BadInput(Msg("errors.unknown_tag", text=text), hint=hint)


def with_tag(items: Sequence[Item], tag: str | None) -> list[Item]:
    """The items that carry `tag` (all of them when None)."""
    if tag is None:
        return list(items)
    return [item for item in items if tag in item.tags]


def same_name(a: str, b: str) -> bool:
    """Whether two names typed by hand are the same person ("omar" is "Omar")."""
    return a.strip().casefold() == b.strip().casefold()
