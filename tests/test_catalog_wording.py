"""Due rules in words, in English and Arabic, as `csm list` shows them."""

from __future__ import annotations

from datetime import date

import pytest

from csm_checklist.schedule import (
    FirstWorkday,
    LastWorkday,
    OnDayOfMonth,
    OnMonthDay,
    OnWeekday,
    Recurrence,
)
from csm_checklist.wording import cadence_text, due_text, ordinal

CASES = [
    (Recurrence("daily"), "every workday", "كل يوم عمل"),
    (Recurrence("weekly"), "last workday of the week", "آخر يوم عمل في الأسبوع"),
    (Recurrence("weekly", OnWeekday(3)), "every Thursday", "يوم الخميس من كل أسبوع"),
    (Recurrence("weekly", FirstWorkday()), "first workday of the week", "أول يوم عمل في الأسبوع"),
    (Recurrence("monthly", OnDayOfMonth(5)), "day 5 of each month", "اليوم 5 من كل شهر"),
    (Recurrence("monthly", OnDayOfMonth(-1)), "last day of the month", "آخر يوم من الشهر"),
    (
        Recurrence("monthly", OnDayOfMonth(-2)),
        "2nd-to-last day of the month",
        "اليوم 2 من نهاية الشهر",
    ),
    (Recurrence("monthly", LastWorkday()), "last workday of the month", "آخر يوم عمل في الشهر"),
    (
        Recurrence("quarterly", OnMonthDay(3, 15)),
        "15th of the 3rd month of each quarter",
        "اليوم 15 من الشهر الثالث من كل ربع",
    ),
    (Recurrence("quarterly"), "last workday of the quarter", "آخر يوم عمل في الربع"),
    (Recurrence("annual", OnMonthDay(11, 30)), "30 November", "30 نوفمبر"),
    (Recurrence("annual", OnMonthDay(2, -1)), "last day of February", "آخر يوم من فبراير"),
    (Recurrence("annual"), "last workday of the year", "آخر يوم عمل في السنة"),
    (
        Recurrence("rrule", rrule="FREQ=WEEKLY;BYDAY=MO,TH"),
        "custom: FREQ=WEEKLY;BYDAY=MO,TH",
        "مخصص: FREQ=WEEKLY;BYDAY=MO,TH",
    ),
    (
        Recurrence("rrule", rrule="FREQ=WEEKLY;INTERVAL=2", start=date(2026, 1, 5)),
        "custom: FREQ=WEEKLY;INTERVAL=2 (from 2026-01-05)",
        "مخصص: FREQ=WEEKLY;INTERVAL=2 (من 2026-01-05)",
    ),
]


@pytest.mark.parametrize(("rec", "en", "ar"), CASES)
def test_due_text(rec: Recurrence, en: str, ar: str) -> None:
    assert due_text(rec, "en") == en
    assert due_text(rec, "ar") == ar


def test_cadence_text() -> None:
    assert cadence_text("quarterly", "ar") == "ربع سنوي"
    assert cadence_text("rrule", "en") == "custom"
    assert cadence_text("weekly", "fr") == "weekly"  # unknown languages read English


@pytest.mark.parametrize(
    ("n", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (21, "21st")]
)
def test_ordinal(n: int, text: str) -> None:
    assert ordinal(n) == text
