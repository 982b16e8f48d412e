"""Recurrences in words, in English and Arabic: "every Thursday", "كل خميس".

`csm list` shows each item's due rule this way, so a manager can check what
they wrote without doing date math. Nothing here imports dateutil: an rrule is
shown as the rule itself.
"""

from __future__ import annotations

from .schedule import (
    FirstWorkday,
    LastWorkday,
    OnDayOfMonth,
    OnWeekday,
    Recurrence,
)

WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
}
MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "ar": (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
}
CADENCE_WORDS = {
    "en": {
        "daily": "daily",
        "weekly": "weekly",
        "monthly": "monthly",
        "quarterly": "quarterly",
        "annual": "annual",
        "rrule": "custom",
    },
    "ar": {
        "daily": "يومي",
        "weekly": "أسبوعي",
        "monthly": "شهري",
        "quarterly": "ربع سنوي",
        "annual": "سنوي",
        "rrule": "مخصص",
    },
}
# The period a cadence's due rule counts in: "last workday of the week".
_PERIOD = {
    "en": {"weekly": "week", "monthly": "month", "quarterly": "quarter", "annual": "year"},
    "ar": {"weekly": "الأسبوع", "monthly": "الشهر", "quarterly": "الربع", "annual": "السنة"},
}
_ORDINAL_AR = ("الأول", "الثاني", "الثالث")


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


def _day_of(day: int, container_en: str, container_ar: str, lang: str) -> str:
    """Day `day` (negative: from the end) of a month described by the containers."""
    if lang == "ar":
        if day == -1:
            return f"آخر يوم من {container_ar}"
        if day < 0:
            return f"اليوم {-day} من نهاية {container_ar}"
        return f"اليوم {day} من {container_ar}"
    if day == -1:
        return f"last day of {container_en}"
    if day < 0:
        return f"{ordinal(-day)}-to-last day of {container_en}"
    return f"{ordinal(day)} of {container_en}"


def due_text(rec: Recurrence, lang: str = "en") -> str:
    """When an item is due, in words: 'every Thursday', 'day 5 of each month',
    'last workday of the month', '15th of the 3rd month of each quarter',
    '30 November', 'custom: FREQ=WEEKLY;BYDAY=MO,TH'."""
    lang = _lang(lang)
    ar = lang == "ar"
    rule = rec.due
    cadence = rec.cadence
    if cadence == "daily":
        return "كل يوم عمل" if ar else "every workday"
    if cadence == "rrule":
        start = ""
        if rec.start is not None:
            start = f" (من {rec.start.isoformat()})" if ar else f" (from {rec.start.isoformat()})"
        return rrule_text(rec.rrule or "", lang) + start
    period = _PERIOD[lang].get(cadence, cadence)
    if rule is None or isinstance(rule, LastWorkday):
        return f"آخر يوم عمل في {period}" if ar else f"last workday of the {period}"
    if isinstance(rule, FirstWorkday):
        return f"أول يوم عمل في {period}" if ar else f"first workday of the {period}"
    if isinstance(rule, OnWeekday):
        name = weekday_text(rule.weekday, lang)
        return f"يوم {name} من كل أسبوع" if ar else f"every {name}"
    if isinstance(rule, OnDayOfMonth):
        if rule.day > 0:
            return f"اليوم {rule.day} من كل شهر" if ar else f"day {rule.day} of each month"
        return _day_of(rule.day, "the month", "الشهر", lang)
    # What is left is OnMonthDay: quarterly counts months within the quarter,
    # annual names a calendar month.
    if cadence == "quarterly":
        nth_en = f"the {ordinal(rule.month)} month of each quarter"
        nth_ar = f"الشهر {_ORDINAL_AR[rule.month - 1]} من كل ربع"
        return _day_of(rule.day, nth_en, nth_ar, lang)
    month = month_text(rule.month, lang)
    if rule.day > 0:
        return f"{rule.day} {month}"
    return _day_of(rule.day, month, month, lang)


# RFC 5545 rules in words ------------------------------------------------------

_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_UNITS = {
    # FREQ: (singular, plural) in English; (one, two, 3-10, 11+) in Arabic.
    "DAILY": (("day", "days"), ("يوم", "يومين", "أيام", "يومًا")),
    "WEEKLY": (("week", "weeks"), ("أسبوع", "أسبوعين", "أسابيع", "أسبوعًا")),
    "MONTHLY": (("month", "months"), ("شهر", "شهرين", "أشهر", "شهرًا")),
    "YEARLY": (("year", "years"), ("سنة", "سنتين", "سنوات", "سنةً")),
}
_NTH_EN = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
_NTH_AR = {1: "أول", 2: "ثاني", 3: "ثالث", 4: "رابع", 5: "خامس", -1: "آخر"}
_WORDED = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST"}


def _and(words: list[str], lang: str) -> str:
    if lang == "ar":
        return " و".join(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _every(freq: str, step: int, lang: str) -> str:
    english, arabic = _UNITS[freq]
    if lang == "ar":
        one, two, few, many = arabic
        if step == 1:
            return f"كل {one}"
        if step == 2:
            return f"كل {two}"
        return f"كل {step} {few if step <= 10 else many}"
    return f"every {english[0]}" if step == 1 else f"every {step} {english[1]}"


def _weekday_word(code: str, lang: str) -> str:
    """'MO' -> Monday; '1MO' -> the first Monday; '-1FR' -> the last Friday."""
    name = weekday_text(_BYDAY.index(code[-2:]), lang)
    if len(code) == 2:
        return name
    n = int(code[:-2])
    if lang == "ar":
        bare = name[2:] if name.startswith("ال") else name  # أول اثنين, آخر جمعة
        return f"{_NTH_AR.get(n, str(n))} {bare}"
    return f"the {_NTH_EN.get(n, ordinal(n))} {name}"


def rrule_text(rule: str, lang: str = "en") -> str:
    """An RFC 5545 rule in words: 'FREQ=WEEKLY;BYDAY=SU,WE' -> 'every week on
    Sunday and Wednesday' / 'كل أسبوع يوم الأحد والأربعاء'. A rule with parts
    that have no words here is shown as written."""
    lang = _lang(lang)
    ar = lang == "ar"
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    try:
        parts = dict(part.split("=", 1) for part in body.upper().split(";") if part)
        freq = parts["FREQ"]
        step = int(parts.get("INTERVAL", "1"))
        if freq not in _UNITS or not set(parts) <= _WORDED or step < 1:
            raise ValueError(body)
        text = _every(freq, step, lang)
        if "BYDAY" in parts:
            days = [_weekday_word(code.strip(), lang) for code in parts["BYDAY"].split(",")]
            text += (" يوم " if ar else " on ") + _and(days, lang)
        if "BYMONTHDAY" in parts:
            numbers = [int(n) for n in parts["BYMONTHDAY"].split(",")]
            if ar:
                days = ["آخر يوم" if n == -1 else f"اليوم {n}" for n in numbers]
                text += " في " + _and(days, lang)
            else:
                days = ["the last day" if n == -1 else f"day {n}" for n in numbers]
                text += " on " + _and(days, lang)
        if "BYMONTH" in parts:
            months = [month_text(int(n), lang) for n in parts["BYMONTH"].split(",")]
            text += (" في " if ar else " in ") + _and(months, lang)
        if "COUNT" in parts:
            count = int(parts["COUNT"])
            text += f"، {count} مرات" if ar else f", {count} times"
        if "UNTIL" in parts:
            until = parts["UNTIL"][:8]
            day = f"{until[:4]}-{until[4:6]}-{until[6:8]}"
            text += f"، حتى {day}" if ar else f", until {day}"
        return text
    except (ValueError, KeyError, IndexError):
        return f"{'مخصص' if ar else 'custom'}: {rule}"


__all__ = [
    "CADENCE_WORDS",
    "MONTHS",
    "WEEKDAYS",
    "cadence_text",
    "due_text",
    "month_text",
    "ordinal",
    "rrule_text",
    "weekday_text",
]
