"""What the shell completes after each option and argument (`csm --install-completion`).

Each function takes what has been typed so far and returns the candidates,
with a short help where the shell can show one. They never raise: a broken
checklist or config must not break the user's shell, so they offer nothing.
"""

from __future__ import annotations

import contextlib
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


def _starting(words: tuple[str, ...] | list[str], incomplete: str) -> list[str]:
    return [word for word in words if word.startswith(incomplete.strip().lower())]


def items(incomplete: str) -> list[tuple[str, str]]:
    """Item ids, and titles in either language (`csm done` takes a whole
    title too), that start with what was typed; an id comes with its title
    as help. (typer keeps only the candidates that start with the text.)"""
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
                if candidate and candidate.startswith(incomplete):
                    found.append((candidate, help_text))
        return found
    return []


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
