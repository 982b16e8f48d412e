"""Due rules in words, in English and Arabic, as `csm list` shows them."""

from __future__ import annotations

from datetime import date

import pytest

from csm_checklist.dates.schedule import (
    FirstWorkday,
    LastWorkday,
    OnDayOfMonth,
    OnMonthDay,
    OnWeekday,
    Recurrence,
)
from csm_checklist.duties.wording import cadence_text, due_text, ordinal

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
        "every week on Monday and Thursday",
        "كل أسبوع يوم الاثنين والخميس",
    ),
    (
        Recurrence("rrule", rrule="FREQ=WEEKLY;INTERVAL=2", start=date(2026, 1, 5)),
        "every 2 weeks (from 2026-01-05)",
        "كل أسبوعين (من 2026-01-05)",
    ),
    (
        Recurrence("rrule", rrule="FREQ=WEEKLY;BYDAY=SU,WE"),
        "every week on Sunday and Wednesday",
        "كل أسبوع يوم الأحد والأربعاء",
    ),
    (
        Recurrence("rrule", rrule="FREQ=MONTHLY;BYDAY=1MO"),
        "every month on the first Monday",
        "كل شهر يوم أول اثنين",
    ),
    (
        Recurrence("rrule", rrule="FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15,-1"),
        "every 3 months on day 15 and the last day",
        "كل 3 أشهر في اليوم 15 وآخر يوم",
    ),
    (
        Recurrence("rrule", rrule="FREQ=YEARLY;BYMONTH=3,9;COUNT=4"),
        "every year in March and September, 4 times",
        "كل سنة في مارس وسبتمبر، 4 مرات",
    ),
    (
        Recurrence("rrule", rrule="FREQ=DAILY;INTERVAL=12;UNTIL=20270630T000000Z"),
        "every 12 days, until 2027-06-30",
        "كل 12 يومًا، حتى 2027-06-30",
    ),
    (
        # Parts with no words here are shown as written.
        Recurrence("rrule", rrule="FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR"),
        "custom: FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR",
        "مخصص: FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR",
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
