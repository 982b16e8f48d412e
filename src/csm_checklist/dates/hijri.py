"""Hijri dates (Umm al-Qura, the calendar of Saudi Arabia's government) shown
beside Gregorian ones when the `hijri` setting is on.

Only headings use them; dates typed by users stay ISO Gregorian. The
`hijridate` package is imported here and only when a heading asks.
"""

from __future__ import annotations

from datetime import date


def hijri_parts(day: date) -> tuple[int, int, int] | None:
    """(year, month, day) of `day` in Umm al-Qura, or None outside the
    table's range (1924-08-01..2077-11-16)."""
    from hijridate import Gregorian

    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except OverflowError:
        return None
    return h.year, h.month, h.day


def hijri_text(day: date, lang: str) -> str:
    """'1 Shawwal 1446 AH' or '1 شوال 1446 هـ'; '' outside the table's range."""
    from hijridate import Hijri

    parts = hijri_parts(day)
    if parts is None:
        return ""
    from csm_checklist.messages.wording import MESSAGES

    year, month, mday = parts
    english, arabic = MESSAGES["wording.hijri_date"]  # the year, then the era
    name = Hijri(year, month, mday).month_name("ar" if lang == "ar" else "en")
    return (arabic if lang == "ar" else english).format(day=mday, month=name, year=year)


def hijri_span(first: date, last: date, lang: str) -> str:
    """'1 Shawwal 1446 AH → 29 Shawwal 1446 AH' for a window; '' out of range."""
    start, end = hijri_text(first, lang), hijri_text(last, lang)
    if not start or not end:
        return ""
    return start if first == last else f"{start} → {end}"
