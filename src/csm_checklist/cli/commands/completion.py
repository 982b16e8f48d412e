"""What the shell completes after each option and argument (`csm --install-completion`).

Each function takes what has been typed so far and returns the candidates,
with a short help where the shell can show one. They never raise: a broken
checklist or config must not break the user's shell, so they offer nothing.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

PERIODS = ("day", "week", "month", "quarter", "year")
REPORT_PERIODS = ("week", "month", "quarter", "year")
CADENCES = ("daily", "weekly", "monthly", "quarterly", "annual", "rrule")
REPORT_FORMATS = ("text", "md", "json", "html", "pdf")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_VALUES: dict[str, tuple[str, ...]] = {
    "lang": ("en", "ar"),
    "week_start": _WEEKDAYS,
    "workdays": ("mon-fri", "sun-thu", "sat-wed", "mon-sat"),
    "fiscal_year_start": tuple(str(n) for n in range(1, 13)),
    "hijri": ("true", "false"),
    "region": ("SA", "AE", "EG", "KW", "QA", "BH", "OM", "JO", "MA", "US", "GB"),
}


# What a candidate may hold: letters and digits of any script with their
# marks, spaces, and punctuation no shell gives a meaning to. A title with
# anything else (`$(...)`, quotes, backslashes, controls, bidi marks) is not
# offered: the shell would insert it into the command line, where zsh or bash
# might run what it holds; its item's id still completes.
_PLAIN_MARKS = frozenset(" -_.,/+:@%")


def _plain(text: str) -> bool:
    import unicodedata

    return all(
        char.isalnum()
        or char in _PLAIN_MARKS
        or unicodedata.category(char) in ("Mn", "Mc")  # Arabic diacritics
        for char in text
    )


def _plain_help(text: str) -> str:
    """A candidate's help with every character a shell or terminal could
    take as code or control turned into a space."""
    return " ".join("".join(c if _plain(c) else " " for c in text).split())


def _starting(words: tuple[str, ...] | list[str], incomplete: str) -> list[str]:
    return [word for word in words if word.startswith(incomplete.strip().lower())]


def items(incomplete: str) -> list[tuple[str, str]]:
    """Item ids, and titles in either language (`csm done` takes a whole
    title too), that start with what was typed; an id comes with its title
    as help. (typer keeps only the candidates that start with the text.)
    A title goes into the command line as one word: see `BashWords`."""
    with contextlib.suppress(Exception):
        from csm_checklist.cli.commands.common import Env

        env = Env.load()
        lang = env.settings.lang
        found = []
        for item in env.catalog().enabled_items():
            for candidate, help_text in (
                (item.id, item.title.get(lang)),
                (item.title.en, item.id),
                (item.title.ar, item.id),
            ):
                if candidate and candidate.startswith(incomplete) and _plain(candidate):
                    found.append((candidate, _plain_help(help_text)))
        return found
    return []


# What bash would read as more than one word, or as something else than text.
_SHELL_SPECIAL = re.compile(r"([\s'\"\\$`&|;()<>!*?\[\]{}#~])")


def as_one_word(candidate: str) -> str:
    """`candidate` as bash must insert it to be one argument: `Team\\ meeting`."""
    return _SHELL_SPECIAL.sub(r"\\\1", candidate)


def complete_titles_as_words() -> None:
    """Have bash insert a title with spaces as one argument. bash puts a
    candidate into the command line as it is (zsh and fish quote it), so
    `csm done Team<TAB>` gave `csm done Team meeting`: two arguments. The
    candidates are escaped as they are written out, after typer has kept
    those that start with what was typed (`Team\\ m` reaches csm as `Team m`)."""
    # typer's own module: it registers its bash class with whichever click
    # it carries (its own from 0.28), so this one goes in the same way.
    from typer import _completion_classes as typer_classes

    class BashWords(typer_classes.BashComplete):
        def format_completion(self, item: Any) -> str:
            return as_one_word(str(super().format_completion(item)))

    typer_classes.add_completion_class(BashWords, "bash")  # type: ignore[attr-defined]


def install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """`csm --install-completion [SHELL]`: typer installs the script, csm
    says where in the reader's language."""
    if not value or ctx.resilient_parsing:
        return value
    import sys

    from typer._completion_shared import install

    from csm_checklist.cli.views.safe import echo
    from csm_checklist.messages import t

    shell, path = install(shell=value) if isinstance(value, str) else install()
    echo(t("cli.completion_installed", shell=shell, path=path))
    echo(t("cli.completion_restart"))
    sys.exit(0)


def periods(incomplete: str) -> list[str]:
    return _starting(PERIODS, incomplete)


def report_periods(incomplete: str) -> list[str]:
    return _starting(REPORT_PERIODS, incomplete)


def cadences(incomplete: str) -> list[str]:
    return _starting(CADENCES, incomplete)


def report_formats(incomplete: str) -> list[str]:
    return _starting(REPORT_FORMATS, incomplete)


def setting_names(incomplete: str) -> list[tuple[str, str]]:
    """Setting names, each with what it means in the reader's language."""
    from csm_checklist.cli.language import reader_lang
    from csm_checklist.duties.config import SETTINGS
    from csm_checklist.messages import say

    lang = reader_lang()  # English when the config cannot be read; never raises
    return [
        (name, say(setting.description, lang))
        for name, setting in SETTINGS.items()
        if name.startswith(incomplete.strip())
    ]


def setting_values(ctx: Any, incomplete: str) -> list[str]:
    """The values of the setting named before: languages, weekdays, months,
    time zones, country codes."""
    key = str((ctx.params or {}).get("key") or "").strip()
    if key == "timezone":
        with contextlib.suppress(Exception):
            from zoneinfo import available_timezones

            return sorted(z for z in available_timezones() if z.startswith(incomplete))
        return []
    if key == "region":
        return [code for code in _VALUES["region"] if code.startswith(incomplete.upper())]
    return _starting(_VALUES.get(key, ()), incomplete)


def people(incomplete: str) -> list[str]:
    """The people csm knows: the team's members on its store (one query),
    else the `people` setting and oneself; and anyone a checklist names."""
    with contextlib.suppress(Exception):
        from csm_checklist.cli.commands.common import Env

        env = Env.load()
        found: dict[str, None] = {}
        if env.store:
            with env.open_team_store() as log:
                found.update(dict.fromkeys(env.people(log)))
        else:
            found.update(dict.fromkeys(env.people(None)))
        for item in env.catalog().items.values():
            found.update(dict.fromkeys((item.assign,) if item.assign else item.rotate))
        return [name for name in found if name.startswith(incomplete)]
    return []
