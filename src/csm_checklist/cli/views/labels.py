"""Every word a view prints around the data, in English and Arabic.

Titles come from the checklists; the headings, status words and sentences
are in the catalog (`messages.views`, and the cadence names in
`messages.wording`). `label(key, lang)` is the word of `views.KEY`.
"""

from __future__ import annotations

from csm_checklist.duties.wording import counted as _counted
from csm_checklist.messages.views import MESSAGES
from csm_checklist.messages.wording import MESSAGES as WORDING

# Each language's words by key, built once on first use: `label` is called
# for every row of `csm today`.
_TABLES: dict[str, dict[str, str]] = {}


def _table(lang: str) -> dict[str, str]:
    index = 1 if lang == "ar" else 0
    table = {
        key.removeprefix("wording.cadence."): pair[index] or pair[0]
        for key, pair in WORDING.items()
        if key.startswith("wording.cadence.")
    }
    table.update((key[6:], pair[index] or pair[0]) for key, pair in MESSAGES.items())
    _TABLES[lang] = table
    return table


def label(key: str, lang: str) -> str:
    """The word for `key` in `lang`, falling back to English."""
    return (_TABLES.get(lang) or _table(lang))[key]


def counted(family: str, count: int, lang: str, **params: object) -> str:
    """The phrase of the family `views.FAMILY` for `count`, e.g. '3 steps'."""
    return _counted(MESSAGES, f"views.{family}", count, lang, **params)


def words(area: str) -> dict[str, dict[str, str]]:
    """The words of `views.AREA.*` by language and key, for a view's `word`."""
    prefix = f"views.{area}."
    return {
        lang: {
            key.removeprefix(prefix): pair[index]
            for key, pair in MESSAGES.items()
            if key.startswith(prefix)
        }
        for index, lang in enumerate(("en", "ar"))
    }
