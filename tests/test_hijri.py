"""Hijri dates beside Gregorian ones: Umm al-Qura conversions known by hand,
and the headings that show them when the `hijri` setting is on."""

from __future__ import annotations

from datetime import date

import pytest

from csm_checklist.dates.hijri import hijri_parts, hijri_span, hijri_text

from bidi import unmarked
from clihelp import run


@pytest.mark.parametrize(
    ("day", "parts", "en", "ar"),
    [
        # 1 Shawwal 1446: Eid al-Fitr 2025 in Saudi Arabia.
        (date(2025, 3, 30), (1446, 10, 1), "1 Shawwal 1446 AH", "1 شوال 1446 هـ"),
        # 1 Ramadan 1446.
        (date(2025, 3, 1), (1446, 9, 1), "1 Ramadan 1446 AH", "1 رمضان 1446 هـ"),
        # 10 Dhu al-Hijjah 1446: Eid al-Adha 2025.
        (date(2025, 6, 6), (1446, 12, 10), "10 Dhu al-Hijjah 1446 AH", "10 ذو الحجة 1446 هـ"),
        # 1 Muharram 1447: the Hijri new year.
        (date(2025, 6, 26), (1447, 1, 1), "1 Muharram 1447 AH", "1 محرم 1447 هـ"),
    ],
)
def test_known_conversions(day: date, parts: tuple[int, int, int], en: str, ar: str) -> None:
    assert hijri_parts(day) == parts
    assert hijri_text(day, "en") == en
    assert hijri_text(day, "ar") == ar


def test_outside_the_umm_al_qura_table_there_is_no_hijri_date() -> None:
    assert hijri_parts(date(1900, 1, 1)) is None
    assert hijri_text(date(2100, 1, 1), "en") == ""
    assert hijri_span(date(2077, 11, 1), date(2077, 11, 30), "en") == ""


def test_a_span_names_both_ends() -> None:
    assert hijri_span(date(2025, 3, 30), date(2025, 4, 5), "en") == (
        "1 Shawwal 1446 AH → 7 Shawwal 1446 AH"
    )


def test_headings_show_the_hijri_date_only_when_asked() -> None:
    plain = run("today", "--on", "2025-03-30").stdout
    assert plain.startswith("Sunday 2025-03-30 · not a workday\n")
    assert run("config", "set", "hijri", "yes").stdout.startswith("hijri = true")
    assert unmarked(run("today", "--on", "2025-03-30").stdout).startswith(
        "Sunday 2025-03-30 (1 Shawwal 1446 AH) · not a workday\n"
    )
    week = run("report", "--period", "week", "--on", "2025-03-30").stdout
    assert week.splitlines()[1].startswith(
        "2025-03-24 → 2025-03-30 (24 Ramadan 1446 AH → 1 Shawwal 1446 AH) · as of 2025-03-30"
    )
    run("config", "set", "lang", "ar")
    assert unmarked(run("today", "--on", "2025-03-30").stdout).startswith(
        "الأحد 2025-03-30 (1 شوال 1446 هـ) · ليس يوم عمل\n"
    )
    md = run("report", "--on", "2025-04-15", "--format", "md").stdout
    assert "(3 شوال 1446 هـ → 2 ذو القعدة 1446 هـ)" in md


def test_a_bad_flag_is_refused() -> None:
    result = run("config", "set", "hijri", "maybe")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Cannot set hijri: 'maybe' is not true or false.\n")
