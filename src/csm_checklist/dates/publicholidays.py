"""Public holidays and weekends of a country, from the `holidays` package.

Only `csm off holidays`, `csm off countries` and `csm config set region` import
this module: the package takes a tenth of a second to load, which `csm today`
must never pay.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from csm_checklist.dates.daysoff import DayOff
from csm_checklist.dates.schedule import format_workdays
from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg

FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
COUNTRIES_HINT = Msg("errors.countries_hint")


def source_of(code: str) -> str:
    """The `source:` of a country's imported days off, e.g. holidays:SA."""
    return f"holidays:{code}"


def _country(code: str, years: Iterable[int] = (), lang: str = "en") -> Any:
    import holidays

    key = code.strip().upper()
    supported = holidays.list_supported_countries()
    if key not in supported or len(key) != 2:
        import difflib

        close = difflib.get_close_matches(key, [c for c in supported if len(c) == 2], n=3)
        maybe = Msg("errors.did_you_mean_codes", codes=", ".join(close)) if close else ""
        raise BadInput(
            Msg("errors.unknown_country", code=code),
            hint=Msg("errors.then", first=maybe, second=COUNTRIES_HINT),
        )
    plain = holidays.country_holidays(key)
    language = _language(plain.supported_languages, plain.default_language, lang)
    return holidays.country_holidays(key, years=list(years), language=language)


def _language(supported: Iterable[str], default: str | None, lang: str) -> str | None:
    """The package's language closest to csm's: Arabic (any variant) for ar,
    English for en, else the country's own. Always explicit: left to itself the
    package follows the system locale, and a cron job would get other names."""
    options = list(supported)
    for wanted in (lang, "en"):
        for option in options:
            if option == wanted or option.startswith(wanted + "_"):
                return "en_US" if wanted == "en" and "en_US" in options else option
    return default


def country_name(code: str) -> str:
    """'SA' -> 'Saudi Arabia' (a message: السعودية in Arabic); the code
    itself for a country the catalog does not name."""
    from csm_checklist.messages import Msg
    from csm_checklist.messages.countries import MESSAGES

    key = f"countries.{code.upper()}"
    return Msg(key) if key in MESSAGES else code.upper()


def countries() -> list[tuple[str, str]]:
    """Every two-letter code the package knows, with the country's name."""
    from holidays import registry

    found = []
    for _cls, *codes in registry.COUNTRIES.values():
        two = [c for c in codes if len(c) == 2 and c.isupper()]
        if two:
            found.append((two[0], country_name(two[0])))
    return sorted(found)


def public_holidays(code: str, years: Iterable[int], lang: str) -> list[DayOff]:
    """The country's public holidays in `years`, in `lang` where the package
    has it; consecutive days of one holiday become one range."""
    chosen = list(years)
    calendar = _country(code, chosen, lang)
    source = source_of(code.strip().upper())
    entries: list[DayOff] = []
    for day, name in sorted(calendar.items()):
        if day.year not in chosen:
            continue
        last = entries[-1] if entries else None
        if last is not None and last.reason == name and last.end + timedelta(days=1) == day:
            entries[-1] = last._replace(end=day)
        else:
            entries.append(DayOff(day, day, str(name), source))
    return entries


def weekend(code: str) -> frozenset[int]:
    """The country's weekend as weekday numbers (Monday 0)."""
    return frozenset(_country(code).weekend)


def region_settings(code: str) -> dict[str, str]:
    """The settings `csm config set region CC` writes: the region, the
    workdays (every day but the weekend) and the week's first day (the day
    after the weekend)."""
    key = code.strip().upper()
    off = weekend(key)
    days = frozenset(range(7)) - off
    # The weekend's last day is the one whose next day is a workday.
    last_off = next((d for d in off if (d + 1) % 7 not in off), 6)
    start = (last_off + 1) % 7
    return {
        "region": key,
        "workdays": format_workdays(days, start),
        "week_start": FULL_WEEKDAYS[start],
    }
