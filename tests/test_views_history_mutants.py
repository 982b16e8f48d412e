"""`csm history` and `csm show ITEM` exactly as they print, in English and
Arabic, and as JSON."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from csm_checklist.cli.views.history import (
    ShowData,
    change_text,
    history_json,
    plain_history,
    plain_show,
    show_json,
    start_moved_text,
)
from csm_checklist.dates.schedule import OnWeekday, Period, Recurrence
from csm_checklist.duties.catalog import Area, Item, Text
from csm_checklist.rules.agenda import Entry
from csm_checklist.rules.history import Change
from csm_checklist.rules.work import StartMove
from csm_checklist.store.records import Event, StartRecord

from fakes import FakeItem, history_of, revision

UTC = timezone.utc
REVIEW_RULE = FakeItem("review", Recurrence("weekly"))
OCT, NOV2, NOV9 = date(2026, 10, 1), date(2026, 11, 2), date(2026, 11, 9)
HISTORY = history_of([REVIEW_RULE], start=OCT)
FIRST = [
    Change("setting", "week_start", "", "", "monday"),
    Change("setting", "timezone", "", "", "Asia/Riyadh"),
    Change("added", "review"),
    Change("added", "call"),
]
SECOND = [
    Change("setting", "week_start", "", "monday", "sunday"),
    Change("setting", "lang", "", "ar", ""),
    Change("removed", "call"),
    Change("changed", "review", "enabled", "on", "off"),
    Change("changed", "review", "enabled", "off", "on"),
    Change("changed", "review", "due", "friday", ""),
]
REVISIONS = [
    (revision(OCT, [REVIEW_RULE]), FIRST),
    (revision(NOV2, [REVIEW_RULE]), SECOND),
    (revision(NOV9, [REVIEW_RULE]), []),
]
STARTS = [
    StartRecord("a", OCT, datetime(2026, 10, 1, 8, tzinfo=UTC)),
    StartRecord("b", date(2026, 9, 1), datetime(2026, 11, 3, 8, tzinfo=UTC)),
    StartRecord("c", date(2026, 9, 15), datetime(2026, 11, 4, 8, tzinfo=UTC)),
]


@pytest.mark.parametrize(
    ("change", "en", "ar"),
    [
        (FIRST[0], "week_start: monday", "week_start: monday"),
        (Change("setting", "user", "", "", ""), "user: (none)", "user: (لا شيء)"),
        (SECOND[0], "week_start: monday → sunday", "week_start: monday → sunday"),
        (SECOND[1], "lang: ar → (none)", "lang: ar → (لا شيء)"),
        (FIRST[2], "added review", "أُضيفت review"),
        (SECOND[2], "removed call", "أُزيلت call"),
        (SECOND[3], "review switched off", "review أُوقفت"),
        (SECOND[4], "review switched on", "review فُعّلت"),
        (SECOND[5], "review: due friday → (none)", "review: الاستحقاق friday → (لا شيء)"),
        (
            Change("changed", "review", "due", "weekday: thu", "weekday: mon"),
            "review: due Thursday → Monday",
            "review: الاستحقاق الخميس → الاثنين",
        ),
        (
            Change("changed", "review", "due", "last-workday", "day: 5"),
            "review: due last workday → day 5",
            "review: الاستحقاق آخر يوم عمل → اليوم 5",
        ),
        (
            Change("changed", "review", "cadence", "weekly", "monthly"),
            "review: cadence weekly → monthly",
            "review: التكرار أسبوعي → شهري",
        ),
        (
            Change("changed", "review", "due", "", "friday"),
            "review: due (none) → friday",
            "review: الاستحقاق (لا شيء) → friday",
        ),
    ],
)
def test_change_text(change: Change, en: str, ar: str) -> None:
    assert change_text(change, "en") == en
    assert change_text(change, "ar") == ar


PLAIN_EN = """\
Tracking since 2026-10-01
  on 2026-11-03 the start moved from 2026-10-01 to 2026-09-01
  on 2026-11-04 the start moved from 2026-09-01 to 2026-09-15

Revisions of the rules
  2026-10-01  first record of the checklists: 2 items
              week_start: monday, timezone: Asia/Riyadh
  2026-11-02  week_start: monday → sunday
              lang: ar → (none)
              removed call
              review switched off
              review switched on
              review: due friday → (none)
  2026-11-09  no change to the rules
"""

PLAIN_AR = """\
المتابعة منذ 2026-10-01
  في 2026-11-03 نُقلت البداية من 2026-10-01 إلى 2026-09-01
  في 2026-11-04 نُقلت البداية من 2026-09-01 إلى 2026-09-15

مراجعات القواعد
  2026-10-01  أول تسجيل لقوائم المهام: 2 مهمة
              week_start: monday، timezone: Asia/Riyadh
  2026-11-02  week_start: monday → sunday
              lang: ar → (لا شيء)
              أُزيلت call
              review أُوقفت
              review فُعّلت
              review: الاستحقاق friday → (لا شيء)
  2026-11-09  لا تغيير في القواعد
"""


@pytest.mark.parametrize(("lang", "text"), [("en", PLAIN_EN), ("ar", PLAIN_AR)])
def test_plain_history(lang: str, text: str) -> None:
    assert plain_history(HISTORY, REVISIONS, STARTS, lang) == text


def test_an_empty_setting_of_the_first_revision_in_arabic() -> None:
    first = [Change("setting", "user", "", "", ""), Change("added", "review")]
    revisions = [(revision(OCT, [REVIEW_RULE]), first)]
    assert plain_history(HISTORY, revisions, STARTS[:1], "ar").split("\n")[-3:] == [
        "  2026-10-01  أول تسجيل لقوائم المهام: 1 مهمة",
        "              user: (لا شيء)",
        "",
    ]


def test_plain_history_of_a_first_revision_without_settings() -> None:
    revisions = [(revision(OCT, [REVIEW_RULE]), [Change("added", "review")])]
    assert plain_history(HISTORY, revisions, STARTS[:1], "en") == (
        "Tracking since 2026-10-01\n\nRevisions of the rules\n"
        "  2026-10-01  first record of the checklists: 1 items\n"
    )


def test_history_json() -> None:
    assert history_json(HISTORY, REVISIONS[1:], STARTS[:2]) == {
        "tracking_start": "2026-10-01",
        "starts": [
            {"start": "2026-10-01", "recorded_at": "2026-10-01T08:00:00+00:00"},
            {"start": "2026-09-01", "recorded_at": "2026-11-03T08:00:00+00:00"},
        ],
        "revisions": [
            {
                "effective": "2026-11-02",
                "recorded_at": "2026-11-02T08:00:00+00:00",
                "changes": [
                    {"what": "setting", "key": "week_start", "before": "monday", "after": "sunday"},
                    {"what": "setting", "key": "lang", "before": "ar", "after": ""},
                    {"what": "removed", "key": "call"},
                    {
                        "what": "changed",
                        "key": "review",
                        "field": "enabled",
                        "before": "on",
                        "after": "off",
                    },
                    {
                        "what": "changed",
                        "key": "review",
                        "field": "enabled",
                        "before": "off",
                        "after": "on",
                    },
                    {
                        "what": "changed",
                        "key": "review",
                        "field": "due",
                        "before": "friday",
                        "after": "",
                    },
                ],
            },
            {"effective": "2026-11-09", "recorded_at": "2026-11-09T08:00:00+00:00", "changes": []},
        ],
    }


@pytest.mark.parametrize(
    ("before", "after", "en", "ar"),
    [
        (
            5,
            7,
            "2 more periods are expected up to today.",
            "زاد عدد الفترات المتوقعة حتى اليوم بمقدار 2.",
        ),
        (
            7,
            5,
            "2 fewer periods are expected up to today.",
            "نقص عدد الفترات المتوقعة حتى اليوم بمقدار 2.",
        ),
        (
            5,
            6,
            "1 more period is expected up to today.",
            "زاد عدد الفترات المتوقعة حتى اليوم بمقدار 1.",
        ),
        (
            6,
            5,
            "1 fewer period is expected up to today.",
            "نقص عدد الفترات المتوقعة حتى اليوم بمقدار 1.",
        ),
        (
            5,
            8,
            "3 more periods are expected up to today.",
            "زاد عدد الفترات المتوقعة حتى اليوم بمقدار 3.",
        ),
        (
            5,
            5,
            "The periods expected up to today are the same.",
            "الفترات المتوقعة حتى اليوم لم تتغير.",
        ),
    ],
)
def test_start_moved_text(before: int, after: int, en: str, ar: str) -> None:
    move = StartMove(OCT, date(2026, 9, 1), before, after)
    assert (
        start_moved_text(move, "en")
        == f"Tracking now starts on 2026-09-01 (it was 2026-10-01). {en}"
    )
    assert (
        start_moved_text(move, "ar") == f"تبدأ المتابعة الآن في 2026-09-01 (كانت 2026-10-01). {ar}"
    )


def test_start_moved_to_the_day_it_already_was_says_nothing_changes() -> None:
    move = StartMove(OCT, OCT, 5, 5)
    assert start_moved_text(move, "en") == (
        "Tracking starts on 2026-10-01, as it already did; nothing changes."
    )
    assert (
        start_moved_text(move, "ar") == "تبدأ المتابعة في 2026-10-01 كما كانت من قبل؛ لا يتغير شيء."
    )


# `csm show` ---------------------------------------------------------------------

HERE = Path("checklist.yaml")
AT = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
REVIEW = Item(
    "review",
    Text("Weekly review", "مراجعة أسبوعية"),
    Text("Read the queue", "اقرأ"),
    "ops",
    Recurrence("weekly", OnWeekday(4)),
    ("team", "kpi"),
    False,
    HERE,
    3,
)
CALL = Item("call", Text("Call", ""), None, "ops", Recurrence("daily"), (), True, HERE, 4)
OPS = Area("ops", Text("Operations", "العمليات"), None, HERE, 1)
DONE = Event(
    "u1", "review", "Weekly review", "weekly", "done", date(2026, 11, 16), date(2026, 11, 22),
    date(2026, 11, 20), AT, "Mona", 'all "fine"', "h",
)  # fmt: skip
UNDONE_SKIP = Event(
    "u2", "review", "Weekly review", "weekly", "skip", date(2026, 11, 9), date(2026, 11, 15),
    date(2026, 11, 13), AT, "Omar", "", "h", AT + timedelta(days=1),
)  # fmt: skip


def review_data() -> ShowData:
    return ShowData(
        REVIEW,
        OPS,
        OCT,
        Entry(REVIEW, Period(date(2026, 11, 23), date(2026, 11, 29)), date(2026, 11, 27), "due"),  # type: ignore[arg-type]
        [date(2026, 11, 27), date(2026, 12, 4)],
        [DONE, UNDONE_SKIP],
        [
            (revision(OCT, [REVIEW_RULE]), [Change("added", "review")]),
            (revision(NOV2, [REVIEW_RULE]), [Change("changed", "review", "enabled", "on", "off")]),
        ],
    )


TODAY = Period(date(2026, 11, 24), date(2026, 11, 24))


def call_data() -> ShowData:
    return ShowData(
        CALL,
        None,
        None,
        Entry(CALL, TODAY, TODAY.start, "done"),
        [],
        [],
        [],  # type: ignore[arg-type]
    )


SHOW_EN = """\
review  Weekly review
        مراجعة أسبوعية
  Read the queue
  area           Operations
  cadence        weekly
  rule           every Friday
  status         switched off
  tags           team, kpi
  tracked since  2026-10-01
  now            2026-11-23..2026-11-29 · due 2026-11-27 · due
  next due       2026-11-27, 2026-12-04

Last entries
  2026-11-20  done by Mona — "all "fine""
  2026-11-13  skipped by Omar (undone)

Revisions of the rules
  2026-10-01  added review
  2026-11-02  review switched off
"""

SHOW_AR = """\
review  مراجعة أسبوعية
        Weekly review
  اقرأ
  المجال               العمليات
  التكرار              أسبوعي
  القاعدة              يوم الجمعة من كل أسبوع
  الحالة               أُوقفت
  الوسوم               team، kpi
  تُتابع منذ            2026-10-01
  الآن                 2026-11-23..2026-11-29 · الاستحقاق 2026-11-27 · مستحق
  الاستحقاقات القادمة  2026-11-27، 2026-12-04

آخر التسجيلات
  2026-11-20  تم بواسطة Mona — "all "fine""
  2026-11-13  تم تخطيه بواسطة Omar (أُلغي)

مراجعات القواعد
  2026-10-01  أُضيفت review
  2026-11-02  review أُوقفت
"""

CALL_EN = """\
call  Call
  area           ops
  cadence        daily
  rule           every workday
  tracked since  not tracked now
  now            2026-11-24 · due 2026-11-24 · done

Last entries
  Nothing logged yet.

Revisions of the rules
"""

# The damma of تُتابع takes no cell, so that name is 9 cells wide, not 10.
CALL_AR = """\
call  Call
  المجال     ops
  التكرار    يومي
  القاعدة    كل يوم عمل
  تُتابع منذ  لا تُتابع الآن
  الآن       2026-11-24 · الاستحقاق 2026-11-24 · تم

آخر التسجيلات
  لم يُسجّل شيء بعد.

مراجعات القواعد
"""


@pytest.mark.parametrize(
    ("data", "lang", "text"),
    [
        (review_data, "en", SHOW_EN),
        (review_data, "ar", SHOW_AR),
        (call_data, "en", CALL_EN),
        (call_data, "ar", CALL_AR),
    ],
)
def test_plain_show(data: Callable[[], ShowData], lang: str, text: str) -> None:
    # Made in the test, not at import, so ShowData itself is under test.
    assert plain_show(data(), lang) == text


def test_plain_show_without_a_current_period() -> None:
    data = ShowData(CALL, None, None, None, [], [], [])
    assert "  now" not in plain_show(data, "en")
    assert plain_show(data, "en").startswith("call  Call\n  area           ops\n")


def test_show_json() -> None:
    assert show_json(review_data()) == {
        "id": "review",
        "title": {"en": "Weekly review", "ar": "مراجعة أسبوعية"},
        "details": {"en": "Read the queue", "ar": "اقرأ"},
        "area": {"id": "ops", "title": {"en": "Operations", "ar": "العمليات"}},
        "cadence": "weekly",
        "rule": {"en": "every Friday", "ar": "يوم الجمعة من كل أسبوع"},
        "enabled": False,
        "tags": ["team", "kpi"],
        "measures": [],
        "tracked_since": "2026-10-01",
        "current": {
            "period_start": "2026-11-23",
            "period_end": "2026-11-29",
            "due": "2026-11-27",
            "status": "due",
        },
        "next_due": ["2026-11-27", "2026-12-04"],
        "events": [
            {
                "kind": "done",
                "for_date": "2026-11-20",
                "period_start": "2026-11-16",
                "period_end": "2026-11-22",
                "logged_at": "2026-11-24T09:30:00+00:00",
                "by": "Mona",
                "note": 'all "fine"',
                "title": "Weekly review",
                "undone_at": None,
            },
            {
                "kind": "skip",
                "for_date": "2026-11-13",
                "period_start": "2026-11-09",
                "period_end": "2026-11-15",
                "logged_at": "2026-11-24T09:30:00+00:00",
                "by": "Omar",
                "note": "",
                "title": "Weekly review",
                "undone_at": "2026-11-25T09:30:00+00:00",
            },
        ],
        "revisions": [
            {"effective": "2026-10-01", "changes": [{"what": "added", "key": "review"}]},
            {
                "effective": "2026-11-02",
                "changes": [
                    {
                        "what": "changed",
                        "key": "review",
                        "field": "enabled",
                        "before": "on",
                        "after": "off",
                    }
                ],
            },
        ],
    }
    assert show_json(ShowData(CALL, None, None, None, [], [], [])) == {
        "id": "call",
        "title": {"en": "Call", "ar": ""},
        "details": None,
        "area": {"id": "ops", "title": None},
        "cadence": "daily",
        "rule": {"en": "every workday", "ar": "كل يوم عمل"},
        "enabled": True,
        "tags": [],
        "measures": [],
        "tracked_since": None,
        "current": None,
        "next_due": [],
        "events": [],
        "revisions": [],
    }
