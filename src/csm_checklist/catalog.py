"""The checklist as csm sees it: areas, items, and finding the item a user means.

Reading the YAML files that describe it is `checklists.py`'s job; the types
here are all the rest of csm needs, and all a cached checklist holds, so the
morning `csm today` never loads the YAML parser or its validators.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from .errors import UnknownItem
from .schedule import ALL_CADENCES, Recurrence

# The public model ------------------------------------------------------------
# NamedTuples rather than dataclasses: every csm run creates these classes, and
# a NamedTuple class costs a fifth as much to create.


class Text(NamedTuple):
    """A bilingual string: every title and detail has an English and an Arabic form."""

    en: str
    ar: str

    def get(self, lang: str) -> str:
        """The text in `lang` ('en' or 'ar'), or the other language when it is empty."""
        first, second = (self.ar, self.en) if lang == "ar" else (self.en, self.ar)
        return first or second


class Area(NamedTuple):
    """A standing responsibility that items are filed under."""

    id: str
    title: Text
    details: Text | None
    source: Path
    line: int


class Item(NamedTuple):
    """One recurring duty.

    `source` and `line` point at the last file that defined or overrode it.
    `due_spec` is the due rule exactly as written in YAML (None when absent),
    for output that should echo the user's own spelling.
    """

    id: str
    title: Text
    details: Text | None
    area: str
    recurrence: Recurrence
    tags: tuple[str, ...]
    enabled: bool
    source: Path
    line: int
    due_spec: str | int | dict[str, Any] | None = None
    since: date | None = None  # track from this day on (never before csm first saw the item)

    @property
    def cadence(self) -> str:
        """daily, weekly, monthly, quarterly, annual or rrule."""
        return self.recurrence.cadence


class Catalog(NamedTuple):
    """Every loaded area and item, in file order; `items` includes disabled ones."""

    areas: dict[str, Area]
    items: dict[str, Item]
    files: tuple[Path, ...] = ()

    def enabled_items(self) -> list[Item]:
        """The items in force, in catalog order."""
        return [item for item in self.items.values() if item.enabled]

    def resolve(self, query: str, *, include_disabled: bool = False) -> Item:
        """The one item a user means by `query`.

        Tried in order: the exact id; a unique id prefix; a unique title equal
        to the query; a unique item whose id or title (in either language) has
        a word starting with each word of the query. Arabic is compared without
        diacritics, tatweel and hamza/alef-maqsura/ta-marbuta variants.
        Raises UnknownItem (exit 1) with up to three suggestions, or listing
        the candidates when the query is ambiguous.
        """
        return _resolve(self, query, include_disabled)


# Where the built-in files live -----------------------------------------------


def builtin_dir() -> Path:
    """The folder of built-in checklists.

    An installed wheel carries it inside the package (`csm_checklist/checklists`);
    a source checkout or editable install keeps it at the repository root.
    """
    packaged = Path(__file__).resolve().parent / "checklists"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "checklists"


def checklist_files(folder: Path) -> list[Path]:
    """The *.yaml and *.yml files of `folder`, sorted by name; hidden files
    (editor swap files, half-written temporaries) are left out."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in (".yaml", ".yml") and not p.name.startswith(".") and p.is_file()
    )


# The built-in files load areas first, then the shortest cadence first, so the
# catalog (and `csm list --json`) reads daily -> annual rather than alphabetically.
_BUILTIN_ORDER = ("areas", "daily", "weekly", "monthly", "quarterly", "annual")


def builtin_files(folder: Path | None = None) -> list[Path]:
    """The built-in checklist files in load order: areas, then daily ... annual."""

    def key(path: Path) -> tuple[int, str]:
        rank = _BUILTIN_ORDER.index(path.stem) if path.stem in _BUILTIN_ORDER else 99
        return (rank, path.name)

    return sorted(checklist_files(folder or builtin_dir()), key=key)


# Finding the item a user means -------------------------------------------------

_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_WORD = re.compile(r"\w+")


def fold_text(text: str) -> str:
    """Text as compared when matching what a user typed: lower case, Arabic
    without diacritics or tatweel, and with أ إ آ → ا, ى → ي, ة → ه."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _TASHKEEL.sub("", text).translate(_ARABIC_FOLD)


def _words(text: str) -> set[str]:
    words = set(_WORD.findall(fold_text(text).replace("_", " ")))
    # Arabic's definite article is part of the word: "الاداء" should match "اداء".
    words |= {w[2:] for w in words if w.startswith("ال") and len(w) > 3}
    return words


def _resolve(catalog: Catalog, query: str, include_disabled: bool) -> Item:
    wanted = query.strip()
    pool = [i for i in catalog.items.values() if include_disabled or i.enabled]
    by_id = {item.id: item for item in pool}
    if wanted in by_id:
        return by_id[wanted]
    lowered = wanted.lower()
    if lowered in by_id:
        return by_id[lowered]
    hidden = catalog.items.get(lowered)
    if hidden is not None and not hidden.enabled:
        raise UnknownItem(
            f"The item '{hidden.id}' is switched off (enabled: false in {hidden.source}).",
            hint="Set `enabled: true` there, or remove that line, to use it again.",
        )
    if not wanted:
        raise UnknownItem("No item was named.", hint="See all items with csm list.")

    prefixed = [item for item in pool if item.id.startswith(lowered)]
    if len(prefixed) == 1:
        return prefixed[0]

    folded = " ".join(fold_text(wanted).split())
    titled = [
        item
        for item in pool
        if folded
        in (" ".join(fold_text(item.title.en).split()), " ".join(fold_text(item.title.ar).split()))
    ]
    if len(titled) == 1:
        return titled[0]

    query_words = _words(wanted)
    worded = []
    if query_words:
        for item in pool:
            item_words = _words(item.id) | _words(item.title.en) | _words(item.title.ar)
            if all(any(w.startswith(q) for w in item_words) for q in query_words):
                worded.append(item)
    if len(worded) == 1:
        return worded[0]

    candidates = prefixed or titled or worded
    if candidates:
        names = ", ".join(item.id for item in candidates[:5])
        if len(candidates) > 5:
            names += f" and {len(candidates) - 5} more"
        raise UnknownItem(
            f"'{wanted}' matches {len(candidates)} items: {names}.",
            hint=f"Type more of the id, e.g. {candidates[0].id}; see all items with csm list.",
        )
    import difflib

    close = difflib.get_close_matches(lowered, list(by_id), n=3, cutoff=0.5)
    if close:
        listed = close[0] if len(close) == 1 else ", ".join(close[:-1]) + " or " + close[-1]
        hint = f"Did you mean {listed}? See all items with csm list."
    else:
        hint = "See all items with csm list."
    raise UnknownItem(f"No item matches '{wanted}'.", hint=hint)


__all__ = [
    "ALL_CADENCES",
    "Area",
    "Catalog",
    "Item",
    "Text",
    "builtin_dir",
    "builtin_files",
    "checklist_files",
    "fold_text",
]
