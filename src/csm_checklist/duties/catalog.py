"""The checklist as csm sees it: areas, items, and finding the item a user means.

Reading the YAML files that describe it is `checklists.py`'s job; the types
here are all the rest of csm needs, and all a cached checklist holds, so the
morning `csm today` never loads the YAML parser or its validators.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple or TypedDict field at each start of `csm today`.

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from csm_checklist.dates.schedule import ALL_CADENCES, Recurrence
from csm_checklist.errors import UnknownItem
from csm_checklist.messages import Msg

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


class Measure(NamedTuple):
    """A number recorded with an item's done (`--measure csat=4.6`)."""

    id: str
    label: Text
    unit: str = ""  # "" when the number has none
    target: float | None = None
    better: str = ""  # "higher", "lower", or "" when neither is better
    # How the periods of a longer window combine: "sum" (a count such as
    # complaints), "mean" (a score such as satisfaction) or "last" (a level
    # such as a backlog); "last" when the file does not say.
    combine: str = "last"


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
    measures: tuple[Measure, ...] = ()  # the numbers its done may record
    assign: str | None = None  # `assign: LOGIN`: the one person who owns it
    rotate: tuple[str, ...] = ()  # `rotate: [a, b, c]`: one person per period, in order
    owner_line: int = 0  # the line of `assign:` or `rotate:`, for "unknown person" errors

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
        A query that is a cadence's name ("daily", "week", "شهري") and not an
        id, or a unique id prefix that words of other items' titles match
        too, is ambiguous: csm does not guess.
        Raises UnknownItem (exit 1) with up to three suggestions, or listing
        the candidates when the query is ambiguous.
        """
        return _resolve(self, query, include_disabled)[0]

    def resolve_with_rule(self, query: str) -> tuple[Item, str]:
        """The enabled item `query` means and the rule that found it: 'id',
        'id prefix', 'title' or 'title words'."""
        return _resolve(self, query, False)


# Where the built-in files live -----------------------------------------------


def builtin_dir() -> Path:
    """The folder of built-in checklists.

    An installed wheel carries it inside the package (`csm_checklist/checklists`);
    a source checkout or editable install keeps it at the repository root.
    """
    package = Path(__file__).resolve().parents[1]
    packaged = package / "checklists"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "checklists"


def checklist_files(folder: Path) -> list[Path]:
    """The *.yaml and *.yml files of `folder`, sorted by name; hidden files
    (editor swap files, half-written temporaries) are left out. A symlink is
    listed even when it is broken, so that reading it reports it: a checklist
    that silently vanished would drop its duties."""
    if not folder.is_dir():
        if folder.exists():
            from csm_checklist.errors import ChecklistError

            raise ChecklistError(
                Msg("errors.checklists_dir_is_file", path=folder),
                hint=Msg("errors.checklists_dir_is_file_hint"),
            )
        return []
    # Whatever the name's kind (a FIFO, a folder, a device): listed, so that
    # reading it refuses it by name instead of dropping its duties unseen.
    return sorted(
        p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")
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


def _cadence_named(query: str) -> str | None:
    """The cadence whose name, in English or Arabic, `query` is; else None."""
    from csm_checklist.dates.schedule import PERIOD_KINDS
    from csm_checklist.duties.wording import CADENCE_WORDS

    folded = " ".join(fold_text(query).split())
    if folded in PERIOD_KINDS:
        return PERIOD_KINDS[folded]
    for words in CADENCE_WORDS.values():
        for cadence, word in words.items():
            if folded == fold_text(word):
                return cadence
    return None


def _resolve(catalog: Catalog, query: str, include_disabled: bool) -> tuple[Item, str]:
    wanted = query.strip()
    pool = [i for i in catalog.items.values() if include_disabled or i.enabled]
    by_id = {item.id: item for item in pool}
    if wanted in by_id:
        return by_id[wanted], "id"
    lowered = wanted.lower()
    if lowered in by_id:
        return by_id[lowered], "id"
    hidden = catalog.items.get(lowered)
    if hidden is not None and not hidden.enabled:
        raise UnknownItem(
            Msg("errors.item_switched_off", item=hidden.id, source=hidden.source),
            hint=Msg("errors.item_switched_off_hint"),
        )
    if not wanted:
        raise UnknownItem(Msg("errors.no_item_named"), hint=Msg("errors.see_csm_list"))

    prefixed = [item for item in pool if item.id.startswith(lowered)]
    folded = " ".join(fold_text(wanted).split())
    titled = [
        item
        for item in pool
        if folded
        in (" ".join(fold_text(item.title.en).split()), " ".join(fold_text(item.title.ar).split()))
    ]
    query_words = _words(wanted)
    worded = []
    if query_words:
        for item in pool:
            item_words = _words(item.id) | _words(item.title.en) | _words(item.title.ar)
            if all(any(w.startswith(q) for w in item_words) for q in query_words):
                worded.append(item)

    cadence = _cadence_named(wanted)
    if cadence is not None:
        # "daily" would be the start of daily-engagement's id, but a manager
        # typing it most likely means the daily items: say so rather than guess.
        found = _unique([*prefixed, *titled, *worded])
        if found:
            message = Msg(
                "errors.cadence_name_matches_one"
                if len(found) == 1
                else "errors.cadence_name_matches",
                wanted=wanted,
                count=len(found),
                items=_listed(found),
            )
        else:
            message = Msg("errors.cadence_name_not_item", wanted=wanted)
        raise UnknownItem(message, hint=Msg("errors.cadence_name_hint", cadence=cadence))
    if len(prefixed) == 1:
        # An id prefix wins only when no other item's words match the query:
        # "performance" starts performance-review but is a word of three titles.
        if all(item is prefixed[0] for item in (*titled, *worded)):
            return prefixed[0], "id prefix"
        prefixed = _unique([*prefixed, *titled, *worded])
    elif len(titled) == 1:
        return titled[0], "title"
    elif len(worded) == 1:
        return worded[0], "title words"

    candidates = prefixed or titled or worded
    if candidates:
        raise UnknownItem(
            Msg(
                "errors.query_matches_items",
                wanted=wanted,
                count=len(candidates),
                items=_listed(candidates),
            ),
            hint=Msg("errors.query_matches_items_hint", example=candidates[0].id),
        )
    import difflib

    close = difflib.get_close_matches(lowered, list(by_id), n=3, cutoff=0.5)
    if close:
        hint: Msg = Msg(
            "errors.did_you_mean_item" if len(close) == 1 else "errors.did_you_mean_items",
            first=", ".join(close[:-1]),
            last=close[-1],
        )
    else:
        hint = Msg("errors.see_csm_list")
    raise UnknownItem(Msg("errors.no_item_matches", wanted=wanted), hint=hint)


# How an item was found, as `items_to_log` tells the user.
_RULES = {
    "id prefix": "core.rule_id_prefix",
    "title": "core.rule_title",
    "title words": "core.rule_title_words",
}


def _unique(items: list[Item]) -> list[Item]:
    """Each item once, in first-seen order (items hold dicts: not hashable)."""
    seen: dict[str, Item] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return list(seen.values())


def _listed(items: list[Item]) -> str | Msg:
    names = ", ".join(item.id for item in items[:5])
    if len(items) > 5:
        return Msg("errors.listed_and_more", names=names, more=len(items) - 5)
    return names


def items_to_log(
    catalog: Catalog, queries: list[str], cadence: str | None
) -> tuple[list[Item], list[str]]:
    """The items `csm done` and `csm skip` mean: each query resolved (in
    order), then every enabled item of `cadence` (None: none), each once.

    Also returns one line per query that was not an exact id, saying which
    rule found its item ("monit → monitor-accounts (id prefix)"), so that a
    guess never passes unseen. Raises UnknownItem before anything is logged.
    """
    from csm_checklist.errors import BadInput

    found: dict[str, Item] = {}
    notes: list[str] = []  # messages: `echo` says them in the reader's language
    for query in queries:
        item, rule = catalog.resolve_with_rule(query)
        if rule != "id":
            notes.append(
                Msg("core.guessed_item", query=query.strip(), item=item.id, rule=Msg(_RULES[rule]))
            )
        found.setdefault(item.id, item)
    if cadence is not None:
        for item in catalog.enabled_items():
            if item.cadence == cadence:
                found.setdefault(item.id, item)
        if not any(item.cadence == cadence for item in catalog.enabled_items()):
            raise UnknownItem(
                Msg("errors.no_item_with_cadence", cadence=cadence),
                hint=Msg("errors.see_csm_list"),
            )
    if not found:
        raise BadInput(
            Msg("errors.name_an_item"),
            hint=Msg("errors.name_an_item_hint"),
        )
    return list(found.values()), notes


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
    "items_to_log",
]
