"""Recurrences in words, in English and Arabic: "every Thursday", "كل خميس".

`csm list` shows each item's due rule this way, so a manager can check what
they wrote without doing date math. Nothing here imports dateutil: an rrule is
shown as the rule itself.
"""

from __future__ import annotations

from csm_checklist.dates.schedule import (
    FirstWorkday,
    LastWorkday,
    OnDayOfMonth,
    OnWeekday,
    Recurrence,
)
from csm_checklist.messages.wording import MESSAGES


def _words(prefix: str, keys: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The catalog's words for `keys`, in order, per language."""
    return {
        lang: tuple(MESSAGES[prefix + key][index] for key in keys)
        for index, lang in enumerate(("en", "ar"))
    }


WEEKDAYS = _words("wording.weekday.", tuple(str(n) for n in range(7)))
MONTHS = _words("wording.month.", tuple(str(n) for n in range(1, 13)))
_CADENCES = ("daily", "weekly", "monthly", "quarterly", "annual", "rrule")
CADENCE_WORDS = {
    lang: dict(zip(_CADENCES, words, strict=True))
    for lang, words in _words("wording.cadence.", _CADENCES).items()
}


def _say(message_id: str, lang: str, **params: object) -> str:
    english, arabic = MESSAGES[message_id]
    return (arabic if lang == "ar" else english).format(**params)


def plural_form(count: int, lang: str) -> str:
    """Which of a counted family's forms a number takes: English has one and
    many; Arabic one, two, few (3 to 10, and 103 ...) and many (11 to 99 ...)."""
    if lang != "ar":
        return "one" if count == 1 else "many"
    if count == 1:
        return "one"
    if count == 2:
        return "two"
    return "few" if 3 <= count % 100 <= 10 else "many"


def counted(
    table: dict[str, tuple[str, str]], family: str, count: int, lang: str, **params: object
) -> str:
    """A counted phrase of `family` in `table` for `count`: its form for the
    number, else the 'many' form (a family may give only one and many)."""
    forms: tuple[str, ...] = (f"{family}.zero",) if count == 0 else ()
    forms += (f"{family}.{plural_form(count, lang)}", f"{family}.many")
    key = next(form for form in forms if form in table)
    english, arabic = table[key]
    return (arabic if lang == "ar" else english).format(count=count, **params)


def _lang(lang: str) -> str:
    return "ar" if lang == "ar" else "en"


def cadence_text(cadence: str, lang: str = "en") -> str:
    """The cadence's name: 'weekly' / 'أسبوعي'; rrule is 'custom' / 'مخصص'."""
    return CADENCE_WORDS[_lang(lang)].get(cadence, cadence)


def weekday_text(weekday: int, lang: str = "en") -> str:
    """Monday is 0, as in `date.weekday()`."""
    return WEEKDAYS[_lang(lang)][weekday]


def month_text(month: int, lang: str = "en") -> str:
    """January is 1."""
    return MONTHS[_lang(lang)][month - 1]


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st ..."""
    teen = 10 <= n % 100 <= 20
    suffix = "th" if teen else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _nth(n: int, lang: str) -> str:
    """A day's rank as a number: '5th' in English, '5' in Arabic."""
    return str(n) if lang == "ar" else ordinal(n)


def _day_of(day: int, container: str, lang: str) -> str:
    """Day `day` (negative: from the end) of a month described by the container."""
    if day == -1:
        return _say("wording.last_day_of", lang, container=container)
    if day < 0:
        return _say("wording.nth_to_last_day_of", lang, nth=_nth(-day, lang), container=container)
    return _say("wording.nth_day_of", lang, nth=_nth(day, lang), container=container)


def due_text(rec: Recurrence, lang: str = "en") -> str:
    """When an item is due, in words: 'every Thursday', 'day 5 of each month',
    'last workday of the month', '15th of the 3rd month of each quarter',
    '30 November', 'custom: FREQ=WEEKLY;BYDAY=MO,TH'."""
    lang = _lang(lang)
    rule = rec.due
    cadence = rec.cadence
    if cadence == "daily":
        return _say("wording.every_workday", lang)
    if cadence == "rrule":
        text = rrule_text(rec.rrule or "", lang)
        if rec.start is not None:
            text = _say("wording.from", lang, rule=text, start=rec.start.isoformat())
        return text
    key = f"wording.period.{cadence}"
    period = _say(key, lang) if key in MESSAGES else cadence
    if rule is None or isinstance(rule, LastWorkday):
        return _say("wording.last_workday", lang, period=period)
    if isinstance(rule, FirstWorkday):
        return _say("wording.first_workday", lang, period=period)
    if isinstance(rule, OnWeekday):
        return _say("wording.every_weekday", lang, weekday=weekday_text(rule.weekday, lang))
    if isinstance(rule, OnDayOfMonth):
        if rule.day > 0:
            return _say("wording.day_of_each_month", lang, day=rule.day)
        return _day_of(rule.day, _say("wording.the_month", lang), lang)
    # What is left is OnMonthDay: quarterly counts months within the quarter,
    # annual names a calendar month.
    if cadence == "quarterly":
        return _day_of(rule.day, _say(f"wording.month_of_quarter.{rule.month}", lang), lang)
    month = month_text(rule.month, lang)
    if rule.day > 0:
        return _say("wording.day_month", lang, day=rule.day, month=month)
    return _day_of(rule.day, month, lang)


# RFC 5545 rules in words ------------------------------------------------------

_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_WORDED = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST"}


def _and(words: list[str], lang: str) -> str:
    """'a, b and c' / 'a وb وc'."""
    if len(words) == 1:
        return words[0]
    rest = _say("wording.list_sep", lang).join(words[:-1])
    return _say("wording.list_and", lang, rest=rest, last=words[-1])


def _every(freq: str, step: int, lang: str) -> str:
    return counted(MESSAGES, f"wording.every.{freq}", step, lang)


def _weekday_word(code: str, lang: str) -> str:
    """'MO' -> Monday; '1MO' -> the first Monday; '-1FR' -> the last Friday."""
    name = weekday_text(_BYDAY.index(code[-2:]), lang)
    if len(code) == 2:
        return name
    n = int(code[:-2])
    if lang == "ar":
        name = name[2:] if name.startswith("ال") else name  # أول اثنين, آخر جمعة
    key = f"wording.nth.{n}"
    if key in MESSAGES:
        return _say(key, lang, weekday=name)
    return _say("wording.nth.other", lang, nth=_nth(n, lang), weekday=name)


def rrule_text(rule: str, lang: str = "en") -> str:
    """An RFC 5545 rule in words: 'FREQ=WEEKLY;BYDAY=SU,WE' -> 'every week on
    Sunday and Wednesday' / 'كل أسبوع يوم الأحد والأربعاء'. A rule with parts
    that have no words here is shown as written."""
    lang = _lang(lang)
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    try:
        parts = dict(part.split("=", 1) for part in body.upper().split(";") if part)
        freq = parts["FREQ"]
        step = int(parts.get("INTERVAL", "1"))
        if freq not in _FREQS or not set(parts) <= _WORDED or step < 1:
            raise ValueError(body)
        text = _every(freq, step, lang)
        if "BYDAY" in parts:
            days = [_weekday_word(code.strip(), lang) for code in parts["BYDAY"].split(",")]
            text = _say("wording.on_days", lang, rule=text, days=_and(days, lang))
        if "BYMONTHDAY" in parts:
            numbers = [int(n) for n in parts["BYMONTHDAY"].split(",")]
            days = [
                _say("wording.last_day", lang) if n == -1 else _say("wording.day_n", lang, day=n)
                for n in numbers
            ]
            text = _say("wording.on_month_days", lang, rule=text, days=_and(days, lang))
        if "BYMONTH" in parts:
            months = [month_text(int(n), lang) for n in parts["BYMONTH"].split(",")]
            text = _say("wording.in_months", lang, rule=text, months=_and(months, lang))
        if "COUNT" in parts:
            text = counted(MESSAGES, "wording.times", int(parts["COUNT"]), lang, rule=text)
        if "UNTIL" in parts:
            until = parts["UNTIL"][:8]
            day = f"{until[:4]}-{until[4:6]}-{until[6:8]}"
            text = _say("wording.until", lang, rule=text, day=day)
        return text
    except (ValueError, KeyError, IndexError):
        return _say("wording.custom", lang, rule=rule)


__all__ = [
    "CADENCE_WORDS",
    "MONTHS",
    "WEEKDAYS",
    "cadence_text",
    "counted",
    "due_text",
    "month_text",
    "ordinal",
    "plural_form",
    "rrule_text",
    "weekday_text",
]
