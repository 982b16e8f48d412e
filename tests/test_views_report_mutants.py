"""A report exactly as each view gives it: JSON, Markdown, plain text, and a
terminal wide enough for tables or narrow enough for the compact layout.
The report is made by hand so each figure is known."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone

import pytest

from csm_checklist.cli.views.report import (
    note_groups,
    period_name,
    plain_report,
    report_json,
    report_markdown,
    scope_text,
    show_report,
    window_name,
)
from csm_checklist.dates.schedule import Period, Recurrence
from csm_checklist.rules.report import Outcome, Report, Streak, Tally
from csm_checklist.store.records import Event

from fakes import FakeItem, history_of
from richview import drawn, plain

UTC = timezone.utc
HISTORY = history_of([FakeItem("monitor", Recurrence("daily"))], start=date(2026, 10, 1))
AT = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)
AREAS = {"ops": "Operations"}


def d(day: int) -> date:
    return date(2026, 11, day)


def note(
    item: str, title: str, day: date, kind: str = "done", text: str = "", by: str = "Mona"
) -> Event:
    return Event("u", item, title, "daily", kind, day, day, day, AT, by, text, "h")  # type: ignore[arg-type]


def daily(day: int, outcome: str, event: Event | None = None) -> Outcome:
    return Outcome(
        "monitor",
        "Monitor accounts",
        "daily",
        "ops",
        Period(d(day), d(day)),
        d(day),
        outcome,
        event,
    )


OUTCOMES = [
    daily(2, "on_time", note("monitor", "Monitor accounts", d(2))),
    daily(3, "missed"),
    daily(4, "missed"),
    daily(6, "missed"),
    Outcome("review", "Weekly | review", "weekly", "", Period(d(2), d(8)), d(6), "late", note("review", "Weekly | review", d(7))),
    Outcome("review", "Weekly | review", "weekly", "", Period(d(9), d(15)), d(13), "missed"),
]  # fmt: skip
DAILY = Tally(expected=5, done=1, on_time=1, skipped=1, missed=3)
WEEKLY = Tally(expected=3, done=1, late=1, missed=1, due=1, open=2, extra=1)
DAYS = (
    (d(2), "on_time"), (d(3), "missed"), (d(4), "missed"), (d(5), "off"), (d(6), "missed"),
    (d(9), "late"), (d(10), "skipped"), (d(11), "due"), (d(12), "open"), (d(13), "weird"),
)  # fmt: skip
NOTES = [
    note("monitor", "Monitor accounts", d(2), text="calm\nday"),
    note("review", "Weekly | review", d(2), text="calm\nday"),
    note("review", "Weekly | review", d(7), kind="skip", text="holiday|x", by="Omar"),
]
REPORT = Report(
    "monthly",
    Period(d(1), d(30)),
    d(20),
    OUTCOMES,
    HISTORY,
    None,
    items={"monitor": DAILY, "review": WEEKLY},
    titles={"monitor": "Monitor accounts", "review": "Weekly | review"},
    cadences={"daily": DAILY, "weekly": WEEKLY},
    areas={"ops": DAILY, "": WEEKLY},
    total=Tally(expected=8, done=2, on_time=1, late=1, skipped=1, missed=4, due=1, open=2, extra=1),
    streaks=[Streak("monitor", "Monitor accounts", 0, 1, DAYS)],
    notes=NOTES,
)
ONE = Tally(expected=1, done=1, on_time=1)
CALM = Report(
    "weekly",
    Period(d(23), d(29)),
    d(27),
    OUTCOMES[:1],
    HISTORY,
    None,
    items={"monitor": ONE},
    titles={"monitor": "Monitor accounts"},
    cadences={"daily": ONE},
    areas={"ops": ONE},
    total=ONE,
)
EMPTY = Report("weekly", Period(d(23), d(29)), d(24), [], HISTORY)


@pytest.mark.parametrize(
    ("cadence", "window", "fiscal", "en", "ar"),
    [
        ("daily", Period(d(3), d(3)), 1, "2026-11-03", "2026-11-03"),
        ("weekly", Period(d(23), d(29)), 1, "week of 2026-11-23", "أسبوع 2026-11-23"),
        ("monthly", Period(d(1), d(30)), 7, "November 2026", "نوفمبر 2026"),
        (
            "quarterly",
            Period(date(2026, 10, 1), date(2026, 12, 31)),
            1,
            "Q4 FY2026",
            "الربع 4 من السنة المالية 2026",
        ),
        (
            "quarterly",
            Period(date(2026, 10, 1), date(2026, 12, 31)),
            7,
            "Q2 FY2026/27",
            "الربع 2 من السنة المالية 2026/27",
        ),
        (
            "quarterly",
            Period(date(2026, 1, 1), date(2026, 3, 31)),
            4,
            "Q4 FY2025/26",
            "الربع 4 من السنة المالية 2025/26",
        ),
        (
            "quarterly",
            Period(date(2026, 4, 1), date(2026, 6, 30)),
            4,
            "Q1 FY2026/27",
            "الربع 1 من السنة المالية 2026/27",
        ),
        (
            "quarterly",
            Period(date(2026, 3, 1), date(2026, 5, 31)),
            3,
            "Q1 FY2026/27",
            "الربع 1 من السنة المالية 2026/27",
        ),
        ("annual", Period(date(2026, 1, 1), date(2026, 12, 31)), 1, "FY2026", "السنة المالية 2026"),
        (
            "annual",
            Period(date(2026, 7, 1), date(2027, 6, 30)),
            7,
            "FY2026/27",
            "السنة المالية 2026/27",
        ),
        (
            "annual",
            Period(date(1999, 7, 1), date(2000, 6, 30)),
            7,
            "FY1999/00",
            "السنة المالية 1999/00",
        ),
        (
            "annual",
            Period(date(2008, 2, 1), date(2009, 1, 31)),
            2,
            "FY2008/09",
            "السنة المالية 2008/09",
        ),
    ],
)
def test_period_name(cadence: str, window: Period, fiscal: int, en: str, ar: str) -> None:
    assert period_name(cadence, window, "en", fiscal) == en
    assert period_name(cadence, window, "ar", fiscal) == ar


def test_window_name_and_its_defaults() -> None:
    assert window_name(REPORT, "en") == "November 2026"
    assert window_name(REPORT, "fr") == "November 2026"
    year = Report("annual", Period(date(2026, 1, 1), date(2026, 12, 31)), d(20), [], HISTORY)
    assert window_name(year, "en") == "FY2026"
    assert (
        period_name("quarterly", Period(date(2026, 1, 1), date(2026, 3, 31)), "en") == "Q1 FY2026"
    )


def test_scope_text() -> None:
    assert scope_text("en") == ""
    assert scope_text("en", "team") == " · tag: team"
    assert scope_text("en", by="Omar") == " · done by Omar"
    assert scope_text("ar", "team", "Omar") == " · الوسم: team · أنجزها Omar"


def test_note_groups_join_one_note_given_to_several_items() -> None:
    assert note_groups(NOTES) == [NOTES[:2], NOTES[2:]]
    later = note("review", "Weekly | review", d(2), text="calm\nday", by="Omar")
    assert note_groups([NOTES[0], later]) == [[NOTES[0]], [later]]
    assert note_groups([]) == []


def tally(expected: int, done: int, on_time: int, late: int, skipped: int, missed: int, due: int, open: int, extra: int, completion: float | None, on_time_pct: float | None) -> dict[str, object]:  # fmt: skip
    return {
        "expected": expected,
        "done": done,
        "on_time": on_time,
        "late": late,
        "skipped": skipped,
        "missed": missed,
        "due": due,
        "open": open,
        "extra": extra,
        "completion_pct": completion,
        "on_time_pct": on_time_pct,
    }


def test_report_json() -> None:
    daily_figures = tally(5, 1, 1, 0, 1, 3, 0, 0, 0, 25.0, 100.0)
    weekly_figures = tally(3, 1, 0, 1, 0, 1, 1, 2, 1, 33.3, 0.0)
    missed = [
        {"id": "monitor", "title": "Monitor accounts", "cadence": "daily", "area": "ops",
         "period_start": f"2026-11-0{day}", "period_end": f"2026-11-0{day}",
         "due": f"2026-11-0{day}", "outcome": "missed"}
        for day in (3, 4, 6)
    ] + [
        {"id": "review", "title": "Weekly | review", "cadence": "weekly", "area": "",
         "period_start": "2026-11-09", "period_end": "2026-11-15", "due": "2026-11-13",
         "outcome": "missed"}
    ]  # fmt: skip
    assert report_json(REPORT, AREAS, "en", tag="team", by="Mona") == {
        "cadence": "monthly",
        "name": "November 2026",
        "period_start": "2026-11-01",
        "period_end": "2026-11-30",
        "as_of": "2026-11-20",
        "lang": "en",
        "total": tally(8, 2, 1, 1, 1, 4, 1, 2, 1, 28.6, 50.0),
        "cadences": {"daily": daily_figures, "weekly": weekly_figures},
        "areas": [
            {"id": "ops", "title": "Operations", **daily_figures},
            {"id": "", "title": "", **weekly_figures},
        ],
        "items": [
            {"id": "monitor", "title": "Monitor accounts", **daily_figures},
            {"id": "review", "title": "Weekly | review", **weekly_figures},
        ],
        "streaks": [
            {
                "id": "monitor",
                "title": "Monitor accounts",
                "current": 0,
                "longest": 1,
                "days": [{"date": day.isoformat(), "outcome": outcome} for day, outcome in DAYS],
            }
        ],
        "missed": missed,
        "notes": [
            {
                "id": "monitor",
                "title": "Monitor accounts",
                "kind": "done",
                "for_date": "2026-11-02",
                "by": "Mona",
                "logged_by": "",
                "note": "calm\nday",
            },
            {
                "id": "review",
                "title": "Weekly | review",
                "kind": "done",
                "for_date": "2026-11-02",
                "by": "Mona",
                "logged_by": "",
                "note": "calm\nday",
            },
            {
                "id": "review",
                "title": "Weekly | review",
                "kind": "skip",
                "for_date": "2026-11-07",
                "by": "Omar",
                "logged_by": "",
                "note": "holiday|x",
            },
        ],
        "outcomes": [
            {
                "id": "monitor",
                "title": "Monitor accounts",
                "cadence": "daily",
                "area": "ops",
                "period_start": "2026-11-02",
                "period_end": "2026-11-02",
                "due": "2026-11-02",
                "outcome": "on_time",
                "for_date": "2026-11-02",
                "logged_at": "2026-11-20T17:00:00+00:00",
                "by": "Mona",
                "logged_by": "",
            },
            *missed[:3],
            {
                "id": "review",
                "title": "Weekly | review",
                "cadence": "weekly",
                "area": "",
                "period_start": "2026-11-02",
                "period_end": "2026-11-08",
                "due": "2026-11-06",
                "outcome": "late",
                "for_date": "2026-11-07",
                "logged_at": "2026-11-20T17:00:00+00:00",
                "by": "Mona",
                "logged_by": "",
            },
            missed[3],
        ],
        "tag": "team",
        "by": "Mona",
    }
    whole = report_json(EMPTY, {}, "ar", 7)
    assert "tag" not in whole and "by" not in whole
    assert whole["name"] == "أسبوع 2026-11-23"
    assert whole["total"] == tally(0, 0, 0, 0, 0, 0, 0, 0, 0, None, None)


SHOWN_120 = [
    "<bold>Customer service report — November 2026</>",
    "<dim>2026-11-01 → 2026-11-30 · as of 2026-11-20 · tag: x</>",
    "2 of 8 expected done (29%), 1 skipped, 4 missed, 1 due, 2 open (and 1 extra)",
    "On time: 50% (1 of 2 done by the due date)",
    "<bold>By cadence                                                                                      </>",
    "┏━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━┳━━━━━━━━━┳━━━━━━┳━━━━━━━━━┳━━━━━━━━┳━━━━━┳━━━━━━┓",
    "┃<bold>        </>┃<bold> Completion       </>┃<bold> expected </>┃<bold> done </>┃<bold> on time </>┃<bold> late </>┃<bold> skipped </>┃<bold> missed </>┃<bold> due </>┃<bold> open </>┃",
    "┡━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━╇━━━━━━━━━╇━━━━━━╇━━━━━━━━━╇━━━━━━━━╇━━━━━╇━━━━━━┩",
    "│ daily  │ <rgb(249,38,114)>━━━</>          25% │        5 │    1 │       1 │    0 │       1 │      3 │   0 │    0 │",
    "│ weekly │ <rgb(249,38,114)>━━━━</>         33% │        3 │    1 │       0 │    1 │       0 │      1 │   1 │    2 │",
    "└────────┴──────────────────┴──────────┴──────┴─────────┴──────┴─────────┴────────┴─────┴──────┘",
    "<bold>By area                                                                                             </>",
    "┏━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━┳━━━━━━━━━┳━━━━━━┳━━━━━━━━━┳━━━━━━━━┳━━━━━┳━━━━━━┓",
    "┃<bold>            </>┃<bold> Completion       </>┃<bold> expected </>┃<bold> done </>┃<bold> on time </>┃<bold> late </>┃<bold> skipped </>┃<bold> missed </>┃<bold> due </>┃<bold> open </>┃",
    "┡━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━╇━━━━━━━━━╇━━━━━━╇━━━━━━━━━╇━━━━━━━━╇━━━━━╇━━━━━━┩",
    "│ Operations │ <rgb(249,38,114)>━━━</>          25% │        5 │    1 │       1 │    0 │       1 │      3 │   0 │    0 │",
    "│ -          │ <rgb(249,38,114)>━━━━</>         33% │        3 │    1 │       0 │    1 │       0 │      1 │   1 │    2 │",
    "└────────────┴──────────────────┴──────────┴──────┴─────────┴──────┴─────────┴────────┴─────┴──────┘",
    "<bold>By item                                                                                                   </>",
    "┏━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━┳━━━━━━━━━┳━━━━━━┳━━━━━━━━━┳━━━━━━━━┳━━━━━┳━━━━━━┓",
    "┃<bold>                  </>┃<bold> Completion       </>┃<bold> expected </>┃<bold> done </>┃<bold> on time </>┃<bold> late </>┃<bold> skipped </>┃<bold> missed </>┃<bold> due </>┃<bold> open </>┃",
    "┡━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━╇━━━━━━━━━╇━━━━━━╇━━━━━━━━━╇━━━━━━━━╇━━━━━╇━━━━━━┩",
    "│ Monitor accounts │ <rgb(249,38,114)>━━━</>          25% │        5 │    1 │       1 │    0 │       1 │      3 │   0 │    0 │",
    "│ Weekly | review  │ <rgb(249,38,114)>━━━━</>         33% │        3 │    1 │       0 │    1 │       0 │      1 │   1 │    2 │",
    "└──────────────────┴──────────────────┴──────────┴──────┴─────────┴──────┴─────────┴────────┴─────┴──────┘",
    "<bold>Consistency of daily items</>",
    "<dim>  # on time  + late  - skipped  x missed  . not done yet  ~ day off</>",
    "┏━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━┓",
    "┃<bold> item             </>┃<bold>            </>┃<bold> current </>┃<bold> longest </>┃",
    "┡━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━┩",
    "│ Monitor accounts │ <green>#</><red>xx</>~<red>x</><yellow>+</><dim>-</>..  │       0 │       1 │",
    "└──────────────────┴────────────┴─────────┴─────────┘",
    "<bold red>Missed</>",
    "  monitor  Monitor accounts  2026-11-03 → 2026-11-04  (2×)",
    "  monitor  Monitor accounts  2026-11-06",
    "  review   Weekly | review   2026-11-09 → 2026-11-15",
    "<bold>Notes</>",
    "  2026-11-02  monitor, review  Mona: calm day",
    "  2026-11-07  review  Omar: holiday|x",
    "",
]
SHOWN_80 = [
    "<bold>Customer service report — November 2026</>",
    "<dim>2026-11-01 → 2026-11-30 · as of 2026-11-20 · tag: x</>",
    "2 of 8 expected done (29%), 1 skipped, 4 missed, 1 due, 2 open (and 1 extra)",
    "On time: 50% (1 of 2 done by the due date)",
    "",
    "<bold>By cadence</>",
    "  daily   <magenta>███░░░░░░░░░</>   25% 1/4<dim>  skipped 1 · missed 3</>",
    "  weekly  <magenta>████░░░░░░░░</>   33% 1/3<dim>  late 1 · missed 1 · due 1 · open 2</>",
    "",
    "<bold>By area</>",
    "  Operations  <magenta>███░░░░░░░░░</>   25% 1/4<dim>  skipped 1 · missed 3</>",
    "  -           <magenta>████░░░░░░░░</>   33% 1/3<dim>  late 1 · missed 1 · due 1 · open 2</>",
    "",
    "<bold>By item</>",
    "  Monitor accounts  <magenta>███░░░░░░░░░</>   25% 1/4<dim>  skipped 1 · missed 3</>",
    "  Weekly | review   <magenta>████░░░░░░░░</>   33% 1/3<dim>  late 1 · missed 1 · due 1 · open 2</>",
    "",
    "<bold>Consistency of daily items</>",
    "<dim>  # on time  + late  - skipped  x missed  . not done yet  ~ day off</>",
    "  Monitor accounts  #xx~x+-..   current 0 · longest 1",
    "",
    "<bold red>Missed</>",
    "  monitor  Monitor accounts  <dim>2026-11-03 → 2026-11-04</>  <dim>(2×)</>",
    "  monitor  Monitor accounts  <dim>2026-11-06</>",
    "  review   Weekly | review   <dim>2026-11-09 → 2026-11-15</>",
    "",
    "<bold>Notes</>",
    "  2026-11-02  monitor, review  Mona: calm day",
    "  2026-11-07  review  Omar: holiday|x",
    "",
]
SHOWN_50 = [
    "<bold>Customer service report — November 2026</>",
    "<dim>2026-11-01 → 2026-11-30 · as of 2026-11-20</>",
    "<dim>· tag: x</>",
    "2 of 8 expected done (29%), 1 skipped, 4 missed, 1",
    "due, 2 open (and 1 extra)",
    "On time: 50% (1 of 2 done by the due date)",
    "",
    "<bold>By cadence</>",
    "  daily   <magenta>███░░░░░░░░░</>   25% 1/4",
    "<dim>      skipped 1 · missed 3</>",
    "  weekly  <magenta>████░░░░░░░░</>   33% 1/3",
    "<dim>      late 1 · missed 1 · due 1 · open 2</>",
    "",
    "<bold>By area</>",
    "  Operations  <magenta>███░░░░░░░░░</>   25% 1/4",
    "<dim>      skipped 1 · missed 3</>",
    "  -           <magenta>████░░░░░░░░</>   33% 1/3",
    "<dim>      late 1 · missed 1 · due 1 · open 2</>",
    "",
    "<bold>By item</>",
    "  Monitor acc…  <magenta>███░░░░░░░░░</>   25% 1/4",
    "<dim>      skipped 1 · missed 3</>",
    "  Weekly | re…  <magenta>████░░░░░░░░</>   33% 1/3",
    "<dim>      late 1 · missed 1 · due 1 · open 2</>",
    "",
    "<bold>Consistency of daily items</>",
    "<dim>  # on time  + late  - skipped  x missed</>",
    "<dim>  . not done yet  ~ day off</>",
    "  Monitor acco…  #xx~x+-..   current 0 · longest 1",
    "",
    "<bold red>Missed</>",
    "  monitor  Monitor…  <dim>2026-11-03 → 2026-11-04</>  <dim>(2×)</>",
    "  monitor  Monitor…  <dim>2026-11-06</>",
    "  review   Weekly…   <dim>2026-11-09 → 2026-11-15</>",
    "",
    "<bold>Notes</>",
    "  2026-11-02  monitor, review  Mona: calm day",
    "  2026-11-07  review  Omar: holiday|x",
    "",
]
CALM_120 = [
    "<bold>تقرير خدمة العملاء — أسبوع 2026-11-23</>",
    "<dim>2026-11-23 → 2026-11-29 · حتى 2026-11-27</>",
    "أُنجز 1 من 1 متوقعة (100%)، تم تخطي 0، فائت 0، مفتوح 0",
    "في الموعد: 100% (1 من 1 أُنجزت في موعدها أو قبله)",
    "<bold>حسب التكرار                                                                                      </>",
    "┏━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━┳━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━┳━━━━━━┳━━━━━━━┳━━━━━━━┓",
    "┃<bold>      </>┃<bold> نسبة الإنجاز      </>┃<bold> المتوقع </>┃<bold> تم </>┃<bold> في الموعد </>┃<bold> متأخر </>┃<bold> تم تخطيه </>┃<bold> فائت </>┃<bold> مستحق </>┃<bold> مفتوح </>┃",
    "┡━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━╇━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━╇━━━━━━╇━━━━━━━╇━━━━━━━┩",
    "│ يومي │ <rgb(114,156,31)>━━━━━━━━━━━━</> 100% │       1 │  1 │         1 │     0 │        0 │    0 │     0 │     0 │",
    "└──────┴───────────────────┴─────────┴────┴───────────┴───────┴──────────┴──────┴───────┴───────┘",
    "<bold>حسب المجال                                                                                             </>",
    "┏━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━┳━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━┳━━━━━━┳━━━━━━━┳━━━━━━━┓",
    "┃<bold>            </>┃<bold> نسبة الإنجاز      </>┃<bold> المتوقع </>┃<bold> تم </>┃<bold> في الموعد </>┃<bold> متأخر </>┃<bold> تم تخطيه </>┃<bold> فائت </>┃<bold> مستحق </>┃<bold> مفتوح </>┃",
    "┡━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━╇━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━╇━━━━━━╇━━━━━━━╇━━━━━━━┩",
    "│ Operations │ <rgb(114,156,31)>━━━━━━━━━━━━</> 100% │       1 │  1 │         1 │     0 │        0 │    0 │     0 │     0 │",
    "└────────────┴───────────────────┴─────────┴────┴───────────┴───────┴──────────┴──────┴───────┴───────┘",
    "<bold>حسب المهمة                                                                                                   </>",
    "┏━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━┳━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━┳━━━━━━┳━━━━━━━┳━━━━━━━┓",
    "┃<bold>                  </>┃<bold> نسبة الإنجاز      </>┃<bold> المتوقع </>┃<bold> تم </>┃<bold> في الموعد </>┃<bold> متأخر </>┃<bold> تم تخطيه </>┃<bold> فائت </>┃<bold> مستحق </>┃<bold> مفتوح </>┃",
    "┡━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━╇━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━╇━━━━━━╇━━━━━━━╇━━━━━━━┩",
    "│ Monitor accounts │ <rgb(114,156,31)>━━━━━━━━━━━━</> 100% │       1 │  1 │         1 │     0 │        0 │    0 │     0 │     0 │",
    "└──────────────────┴───────────────────┴─────────┴────┴───────────┴───────┴──────────┴──────┴───────┴───────┘",
    "<bold>المهام الفائتة</>",
    "  لم يفت شيء.",
    "",
]
CALM_60 = [
    "<bold>تقرير خدمة العملاء — أسبوع 2026-11-23</>",
    "<dim>2026-11-23 → 2026-11-29 · حتى 2026-11-27</>",
    "أُنجز 1 من 1 متوقعة (100%)، تم تخطي 0، فائت 0، مفتوح 0",
    "في الموعد: 100% (1 من 1 أُنجزت في موعدها أو قبله)",
    "",
    "<bold>حسب التكرار</>",
    "  يومي  <green>████████████</>  100% 1/1",
    "",
    "<bold>حسب المجال</>",
    "  Operations  <green>████████████</>  100% 1/1",
    "",
    "<bold>حسب المهمة</>",
    "  Monitor accounts  <green>████████████</>  100% 1/1",
    "",
    "<bold>المهام الفائتة</>",
    "  لم يفت شيء.",
    "",
]
CALM_PLAIN = [
    "Customer service report — week of 2026-11-23",
    "2026-11-23 → 2026-11-29 · as of 2026-11-27",
    "",
    "1 of 1 expected done (100%), 0 skipped, 0 missed, 0 open",
    "On time: 100% (1 of 1 done by the due date)",
    "",
    "By cadence",
    "  daily  [####################] 100% 1/1  late 0 · skipped 0 · missed 0 · due 0 · open 0",
    "",
    "By area",
    "  Operations  [####################] 100% 1/1  late 0 · skipped 0 · missed 0 · due 0 · open 0",
    "",
    "By item",
    "  Monitor accounts  [####################] 100% 1/1  late 0 · skipped 0 · missed 0 · due 0 · open 0",
    "",
    "Missed",
    "  Nothing was missed.",
    "",
]
CALM_MD = [
    "# Customer service report — week of 2026-11-23",
    "",
    "Period: 2026-11-23 → 2026-11-29 · as of 2026-11-27",
    "",
    "## Headline",
    "",
    "- 1 of 1 expected done (100%), 0 skipped, 0 missed, 0 open",
    "- On time: 100% (1 of 1 done by the due date)",
    "",
    "## By area",
    "",
    "| Area | Expected | Done | On time | Late | Skipped | Missed | Due | Open | Completion |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    "| Operations | 1 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 100% |",
    "",
    "## By cadence",
    "",
    "| Cadence | Expected | Done | On time | Late | Skipped | Missed | Due | Open | Completion |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    "| daily | 1 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 100% |",
    "",
    "## By item",
    "",
    "| Item | Expected | Done | On time | Late | Skipped | Missed | Due | Open | Completion |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    "| Monitor accounts | 1 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 100% |",
    "",
    "## Missed",
    "",
    "Nothing was missed.",
    "",
    "## Notes",
    "",
    "No notes were logged.",
    "",
]
MD_EN = [
    "# Customer service report — November 2026",
    "",
    "Period: 2026-11-01 → 2026-11-30 (21 Jumada al-Ula 1448 AH → 20 Jumada al-Akhirah 1448 AH) · as of 2026-11-20 · tag: team · prepared by Mona",
    "",
    "## Headline",
    "",
    "- 2 of 8 expected done (29%), 1 skipped, 4 missed, 1 due, 2 open (and 1 extra)",
    "- On time: 50% (1 of 2 done by the due date)",
    "",
    "## By area",
    "",
    "| Area | Expected | Done | On time | Late | Skipped | Missed | Due | Open | Completion |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    "| Operations | 5 | 1 | 1 | 0 | 1 | 3 | 0 | 0 | 25% |",
    "| - | 3 | 1 | 0 | 1 | 0 | 1 | 1 | 2 | 33% |",
    "",
    "## By cadence",
    "",
    "| Cadence | Expected | Done | On time | Late | Skipped | Missed | Due | Open | Completion |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    "| daily | 5 | 1 | 1 | 0 | 1 | 3 | 0 | 0 | 25% |",
    "| weekly | 3 | 1 | 0 | 1 | 0 | 1 | 1 | 2 | 33% |",
    "",
    "## By item",
    "",
    "| Item | Expected | Done | On time | Late | Skipped | Missed | Due | Open | Completion |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    "| Monitor accounts | 5 | 1 | 1 | 0 | 1 | 3 | 0 | 0 | 25% |",
    "| Weekly \\| review | 3 | 1 | 0 | 1 | 0 | 1 | 1 | 2 | 33% |",
    "",
    "## Missed",
    "",
    "| Item | Period | Times |",
    "|---|---|---:|",
    "| Monitor accounts | 2026-11-03 → 2026-11-04 | 2 |",
    "| Monitor accounts | 2026-11-06 | 1 |",
    "| Weekly \\| review | 2026-11-09 → 2026-11-15 | 1 |",
    "",
    "## Daily streaks",
    "",
    "| Item | Current | Longest |",
    "|---|---:|---:|",
    "| Monitor accounts | 0 | 1 |",
    "",
    "## Notes",
    "",
    "| Date | Item | Note | By |",
    "|---|---|---|---|",
    "| 2026-11-02 | Monitor accounts, Weekly \\| review | calm day | Mona |",
    "| 2026-11-07 | Weekly \\| review | holiday\\|x | Omar |",
    "",
]
MD_AR = [
    "# تقرير خدمة العملاء — نوفمبر 2026",
    "",
    "الفترة: 2026-11-01 → 2026-11-30 · حتى 2026-11-20",
    "",
    "## الخلاصة",
    "",
    "- أُنجز 2 من 8 متوقعة (29%)، تم تخطي 1، فائت 4، مستحق 1، مفتوح 2 (وإضافي 1)",
    "- في الموعد: 50% (1 من 2 أُنجزت في موعدها أو قبله)",
    "",
    "## حسب المجال",
    "",
    "| المجال | المتوقع | تم | في الموعد | متأخر | تم تخطيه | فائت | مستحق | مفتوح | نسبة الإنجاز |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    "| Operations | 5 | 1 | 1 | 0 | 1 | 3 | 0 | 0 | 25% |",
    "| - | 3 | 1 | 0 | 1 | 0 | 1 | 1 | 2 | 33% |",
    "",
    "## حسب التكرار",
    "",
    "| التكرار | المتوقع | تم | في الموعد | متأخر | تم تخطيه | فائت | مستحق | مفتوح | نسبة الإنجاز |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    "| يومي | 5 | 1 | 1 | 0 | 1 | 3 | 0 | 0 | 25% |",
    "| أسبوعي | 3 | 1 | 0 | 1 | 0 | 1 | 1 | 2 | 33% |",
    "",
    "## حسب المهمة",
    "",
    "| المهمة | المتوقع | تم | في الموعد | متأخر | تم تخطيه | فائت | مستحق | مفتوح | نسبة الإنجاز |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    "| Monitor accounts | 5 | 1 | 1 | 0 | 1 | 3 | 0 | 0 | 25% |",
    "| Weekly \\| review | 3 | 1 | 0 | 1 | 0 | 1 | 1 | 2 | 33% |",
    "",
    "## المهام الفائتة",
    "",
    "| المهمة | الفترة | مرات |",
    "|---|---|---:|",
    "| Monitor accounts | 2026-11-03 → 2026-11-04 | 2 |",
    "| Monitor accounts | 2026-11-06 | 1 |",
    "| Weekly \\| review | 2026-11-09 → 2026-11-15 | 1 |",
    "",
    "## سلاسل المهام اليومية",
    "",
    "| المهمة | الحالية | الأطول |",
    "|---|---:|---:|",
    "| Monitor accounts | 0 | 1 |",
    "",
    "## الملاحظات",
    "",
    "| التاريخ | المهمة | ملاحظة | بواسطة |",
    "|---|---|---|---|",
    "| 2026-11-02 | Monitor accounts، Weekly \\| review | calm day | Mona |",
    "| 2026-11-07 | Weekly \\| review | holiday\\|x | Omar |",
    "",
]
PLAIN_EN = [
    "Customer service report — November 2026",
    "2026-11-01 → 2026-11-30 · as of 2026-11-20",
    "",
    "2 of 8 expected done (29%), 1 skipped, 4 missed, 1 due, 2 open (and 1 extra)",
    "On time: 50% (1 of 2 done by the due date)",
    "",
    "By cadence",
    "  daily   [#####---------------]  25% 1/4  late 0 · skipped 1 · missed 3 · due 0 · open 0",
    "  weekly  [#######-------------]  33% 1/3  late 1 · skipped 0 · missed 1 · due 1 · open 2",
    "",
    "By area",
    "  Operations  [#####---------------]  25% 1/4  late 0 · skipped 1 · missed 3 · due 0 · open 0",
    "  -           [#######-------------]  33% 1/3  late 1 · skipped 0 · missed 1 · due 1 · open 2",
    "",
    "By item",
    "  Monitor accounts  [#####---------------]  25% 1/4  late 0 · skipped 1 · missed 3 · due 0 · open 0",
    "  Weekly | review   [#######-------------]  33% 1/3  late 1 · skipped 0 · missed 1 · due 1 · open 2",
    "",
    "Consistency of daily items   (# on time  + late  - skipped  x missed  . not done yet  ~ day off)",
    "  Monitor accounts  |#xx~x+-.. |  current 0 · longest 1",
    "",
    "Missed",
    "  monitor  Monitor accounts  2026-11-03 → 2026-11-04  (2×)",
    "  monitor  Monitor accounts  2026-11-06",
    "  review   Weekly | review   2026-11-09 → 2026-11-15",
    "",
    "Notes",
    "  2026-11-02  monitor, review  Mona: calm day",
    "  2026-11-07  review  Omar: holiday|x",
    "",
]
PLAIN_AR = [
    "تقرير خدمة العملاء — نوفمبر 2026",
    "2026-11-01 → 2026-11-30 (21 جمادى الأولى 1448 هـ → 20 جمادى الآخرة 1448 هـ) · حتى 2026-11-20 · الوسم: team · أنجزها Omar",
    "",
    "أُنجز 2 من 8 متوقعة (29%)، تم تخطي 1، فائت 4، مستحق 1، مفتوح 2 (وإضافي 1)",
    "في الموعد: 50% (1 من 2 أُنجزت في موعدها أو قبله)",
    "",
    "حسب التكرار",
    "  يومي    [#####---------------]  25% 1/4  متأخر 0 · تم تخطيه 1 · فائت 3 · مستحق 0 · مفتوح 0",
    "  أسبوعي  [#######-------------]  33% 1/3  متأخر 1 · تم تخطيه 0 · فائت 1 · مستحق 1 · مفتوح 2",
    "",
    "حسب المجال",
    "  Operations  [#####---------------]  25% 1/4  متأخر 0 · تم تخطيه 1 · فائت 3 · مستحق 0 · مفتوح 0",
    "  -           [#######-------------]  33% 1/3  متأخر 1 · تم تخطيه 0 · فائت 1 · مستحق 1 · مفتوح 2",
    "",
    "حسب المهمة",
    "  Monitor accounts  [#####---------------]  25% 1/4  متأخر 0 · تم تخطيه 1 · فائت 3 · مستحق 0 · مفتوح 0",
    "  Weekly | review   [#######-------------]  33% 1/3  متأخر 1 · تم تخطيه 0 · فائت 1 · مستحق 1 · مفتوح 2",
    "",
    "انتظام المهام اليومية   (# في الموعد  + متأخر  - متخطى  x فائت  . لم يُنجز بعد  ~ يوم إجازة)",
    "  Monitor accounts  |#xx~x+-.. |  الحالية 0 · الأطول 1",
    "",
    "المهام الفائتة",
    "  monitor  Monitor accounts  2026-11-03 → 2026-11-04  (2×)",
    "  monitor  Monitor accounts  2026-11-06",
    "  review   Weekly | review   2026-11-09 → 2026-11-15",
    "",
    "الملاحظات",
    "  2026-11-02  monitor, review  Mona: calm day",
    "  2026-11-07  review  Omar: holiday|x",
    "",
]


def test_report_markdown() -> None:
    text = report_markdown(REPORT, AREAS, "en", author="Mona", scope=" · tag: team", hijri=True)
    assert text.split("\n") == MD_EN
    assert report_markdown(REPORT, AREAS, "ar", fiscal_year_start=7).split("\n") == MD_AR
    assert report_markdown(CALM, AREAS, "en").split("\n") == CALM_MD


def test_report_markdown_of_nothing() -> None:
    assert report_markdown(EMPTY, {}, "en") == (
        "# Customer service report — week of 2026-11-23\n\n"
        "Period: 2026-11-23 → 2026-11-29 · as of 2026-11-24\n\n"
        "Nothing to report: no duty was expected or logged in this period.\n"
    )


def test_plain_report() -> None:
    assert plain_report(REPORT, AREAS, "en").split("\n") == PLAIN_EN
    scope = scope_text("ar", "team", "Omar")
    assert plain_report(REPORT, AREAS, "ar", scope=scope, hijri=True).split("\n") == PLAIN_AR
    assert plain_report(CALM, AREAS, "en").split("\n") == CALM_PLAIN


def test_plain_report_of_nothing() -> None:
    assert plain_report(EMPTY, {}, "en", 1, " · tag: x") == (
        "Customer service report — week of 2026-11-23\n"
        "2026-11-23 → 2026-11-29 · as of 2026-11-24 · tag: x\n\n"
        "Nothing to report: no duty was expected or logged in this period.\n"
    )


@pytest.mark.parametrize(("width", "lines"), [(120, SHOWN_120), (80, SHOWN_80), (50, SHOWN_50)])
def test_show_report(monkeypatch: pytest.MonkeyPatch, width: int, lines: list[str]) -> None:
    text = drawn(monkeypatch, width, lambda: show_report(REPORT, AREAS, "en", scope=" · tag: x"))
    assert text.split("\n") == lines


@pytest.mark.parametrize(("width", "lines"), [(120, CALM_120), (60, CALM_60)])
def test_show_a_calm_report(monkeypatch: pytest.MonkeyPatch, width: int, lines: list[str]) -> None:
    assert drawn(monkeypatch, width, lambda: show_report(CALM, AREAS, "ar")).split("\n") == lines


def test_show_report_of_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert drawn(monkeypatch, 80, lambda: show_report(EMPTY, {}, "ar")).split("\n") == [
        "<bold>تقرير خدمة العملاء — أسبوع 2026-11-23</>",
        "<dim>2026-11-23 → 2026-11-29 · حتى 2026-11-24</>",
        "لا شيء للتقرير: لم تكن هناك مهام متوقعة أو مسجلة في هذه الفترة.",
        "",
    ]


def test_the_tables_need_a_hundred_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    narrow = plain(monkeypatch, 99, lambda: show_report(REPORT, AREAS, "en")).split("\n")
    assert narrow[4:6] == ["", "By cadence"]
    wide = plain(monkeypatch, 100, lambda: show_report(REPORT, AREAS, "en")).split("\n")
    assert wide[5].startswith("┏━━━━━━━━┳")


LONG_DAYS = tuple(
    (date(2026, 10, 1) + timedelta(days=i), ("on_time", "missed", "late")[i % 3]) for i in range(30)
)
LONG = Report(
    "monthly",
    Period(d(1), d(30)),
    d(20),
    OUTCOMES,
    HISTORY,
    None,
    items=REPORT.items,
    titles=REPORT.titles,
    cadences=REPORT.cadences,
    areas=REPORT.areas,
    total=REPORT.total,
    streaks=[Streak("monitor", "Monitor accounts", 12, 30, LONG_DAYS)],
    notes=[
        note(
            "monitor",
            "Monitor accounts",
            d(2),
            text="a note long enough to need shortening on a narrow terminal",
        )
    ],
)
LONG_60 = [
    "<bold>Customer service report — November 2026</>",
    "<dim>2026-11-01 → 2026-11-30 · as of 2026-11-20</>",
    "2 of 8 expected done (29%), 1 skipped, 4 missed, 1 due, 2 ",
    "open (and 1 extra)",
    "On time: 50% (1 of 2 done by the due date)",
    "",
    "<bold>By cadence</>",
    "  daily   <magenta>███░░░░░░░░░</>   25% 1/4<dim>  skipped 1 · missed 3</>",
    "  weekly  <magenta>████░░░░░░░░</>   33% 1/3",
    "<dim>      late 1 · missed 1 · due 1 · open 2</>",
    "",
    "<bold>By area</>",
    "  Operations  <magenta>███░░░░░░░░░</>   25% 1/4<dim>  skipped 1 · missed 3</>",
    "  -           <magenta>████░░░░░░░░</>   33% 1/3",
    "<dim>      late 1 · missed 1 · due 1 · open 2</>",
    "",
    "<bold>By item</>",
    "  Monitor accounts  <magenta>███░░░░░░░░░</>   25% 1/4",
    "<dim>      skipped 1 · missed 3</>",
    "  Weekly | review   <magenta>████░░░░░░░░</>   33% 1/3",
    "<dim>      late 1 · missed 1 · due 1 · open 2</>",
    "",
    "<bold>Consistency of daily items</>",
    "<dim>  # on time  + late  - skipped  x missed  . not done yet</>",
    "  Monitor…  …+#x+#x+#x+#x+#x+#x+#x+  current 12 · longest 30",
    "",
    "<bold red>Missed</>",
    "  monitor  Monitor accounts  <dim>2026-11-03 → 2026-11-04</>  <dim>(2×)</>",
    "  monitor  Monitor accounts  <dim>2026-11-06</>",
    "  review   Weekly | review   <dim>2026-11-09 → 2026-11-15</>",
    "",
    "<bold>Notes</>",
    "  2026-11-02  monitor  Mona: a note long enough to need sho…",
    "",
]


def test_a_narrow_terminal_shows_the_latest_days_and_shortens_notes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert drawn(monkeypatch, 60, lambda: show_report(LONG, AREAS, "en")).split("\n") == LONG_60


@pytest.mark.parametrize(
    ("width", "missed"),
    [
        (
            45,
            [
                "  monitor  Mo…  2026-11-03 → 2026-11-04  (2×)",
                "  monitor  Mo…  2026-11-06",
                "  review   We…  2026-11-09 → 2026-11-15",
            ],
        ),
        (
            46,
            [
                "  monitor  Mon…  2026-11-03 → 2026-11-04  (2×)",
                "  monitor  Mon…  2026-11-06",
                "  review   Wee…  2026-11-09 → 2026-11-15",
            ],
        ),
    ],
)
def test_missed_titles_give_way_down_to_three_cells(
    monkeypatch: pytest.MonkeyPatch, width: int, missed: list[str]
) -> None:
    lines = plain(monkeypatch, width, lambda: show_report(REPORT, AREAS, "en")).split("\n")
    start = lines.index("Missed") + 1
    assert lines[start : start + 3] == missed


def test_markdown_cells_escape_backslashes_and_pipes() -> None:
    report = Report(
        "weekly",
        Period(d(23), d(29)),
        d(27),
        OUTCOMES[:1],
        HISTORY,
        None,
        items={"m": ONE},
        titles={"m": "Back\\slash | pipe"},
        cadences={"daily": ONE},
        areas={"ops": ONE},
        total=ONE,
    )
    lines = report_markdown(report, {}, "en").split("\n")
    assert [line for line in lines if "slash" in line] == [
        "| Back\\\\slash \\| pipe | 1 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 100% |"
    ]


QUARTER = Report("quarterly", Period(date(2026, 10, 1), date(2026, 12, 31)), d(20), [], HISTORY)


def test_every_view_names_the_quarter_of_the_fiscal_year(monkeypatch: pytest.MonkeyPatch) -> None:
    assert plain_report(QUARTER, {}, "en").startswith("Customer service report — Q4 FY2026\n")
    assert plain_report(QUARTER, {}, "en", 7).startswith("Customer service report — Q2 FY2026/27\n")
    assert report_json(QUARTER, {}, "en")["name"] == "Q4 FY2026"
    assert report_json(QUARTER, {}, "en", 7)["name"] == "Q2 FY2026/27"
    assert report_markdown(QUARTER, {}, "en").startswith("# Customer service report — Q4 FY2026\n")
    assert report_markdown(QUARTER, {}, "en", fiscal_year_start=7).startswith(
        "# Customer service report — Q2 FY2026/27\n"
    )
    shown = plain(monkeypatch, 80, lambda: show_report(QUARTER, {}, "en"))
    assert shown.startswith("Customer service report — Q4 FY2026\n")
    shown = plain(monkeypatch, 80, lambda: show_report(QUARTER, {}, "en", 7))
    assert shown.startswith("Customer service report — Q2 FY2026/27\n")


def test_plain_report_in_arabic_with_nothing_to_report_or_missed() -> None:
    assert plain_report(EMPTY, {}, "ar") == (
        "تقرير خدمة العملاء — أسبوع 2026-11-23\n"
        "2026-11-23 → 2026-11-29 · حتى 2026-11-24\n\n"
        "لا شيء للتقرير: لم تكن هناك مهام متوقعة أو مسجلة في هذه الفترة.\n"
    )
    assert plain_report(CALM, AREAS, "ar").split("\n")[-3:] == [
        "المهام الفائتة",
        "  لم يفت شيء.",
        "",
    ]


def test_streak_names_line_up_on_the_left() -> None:
    two = Report(
        "monthly",
        Period(d(1), d(30)),
        d(20),
        OUTCOMES,
        HISTORY,
        None,
        items=REPORT.items,
        titles=REPORT.titles,
        cadences=REPORT.cadences,
        areas=REPORT.areas,
        total=REPORT.total,
        streaks=[
            Streak("monitor", "Monitor accounts", 0, 1, DAYS[:3]),
            Streak("call", "Call", 2, 2, DAYS[:2]),
        ],
    )
    lines = plain_report(two, AREAS, "en").split("\n")
    start = lines.index(
        "Consistency of daily items   (# on time  + late  - skipped  x missed  . not done yet)"
    )
    assert lines[start + 1 : start + 3] == [
        "  Monitor accounts  |#xx|  current 0 · longest 1",
        "  Call              |#x|  current 2 · longest 2",
    ]


def test_show_report_in_arabic_with_hijri_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = plain(monkeypatch, 120, lambda: show_report(REPORT, AREAS, "ar", hijri=True))
    lines = lines.split("\n")
    assert lines[:2] == [
        "تقرير خدمة العملاء — نوفمبر 2026",
        "2026-11-01 → 2026-11-30 (21 جمادى الأولى 1448 هـ → 20 جمادى الآخرة 1448 هـ) · حتى 2026-11-20",
    ]
    assert "┃ المهمة           ┃            ┃ الحالية ┃ الأطول ┃" in lines
    start = lines.index("انتظام المهام اليومية")
    assert lines[start + 1] == "  # في الموعد  + متأخر  - متخطى  x فائت  . لم يُنجز بعد  ~ يوم إجازة"
    assert lines[-8:] == [
        "المهام الفائتة",
        "  monitor  Monitor accounts  2026-11-03 → 2026-11-04  (2×)",
        "  monitor  Monitor accounts  2026-11-06",
        "  review   Weekly | review   2026-11-09 → 2026-11-15",
        "الملاحظات",
        "  2026-11-02  monitor, review  Mona: calm day",
        "  2026-11-07  review  Omar: holiday|x",
        "",
    ]


def test_the_compact_report_in_arabic(monkeypatch: pytest.MonkeyPatch) -> None:
    assert plain(monkeypatch, 80, lambda: show_report(REPORT, AREAS, "ar")).split("\n") == [
        "تقرير خدمة العملاء — نوفمبر 2026",
        "2026-11-01 → 2026-11-30 · حتى 2026-11-20",
        "أُنجز 2 من 8 متوقعة (29%)، تم تخطي 1، فائت 4، مستحق 1، مفتوح 2 (وإضافي 1)",
        "في الموعد: 50% (1 من 2 أُنجزت في موعدها أو قبله)",
        "",
        "حسب التكرار",
        "  يومي    ███░░░░░░░░░   25% 1/4  تم تخطيه 1 · فائت 3",
        "  أسبوعي  ████░░░░░░░░   33% 1/3  متأخر 1 · فائت 1 · مستحق 1 · مفتوح 2",
        "",
        "حسب المجال",
        "  Operations  ███░░░░░░░░░   25% 1/4  تم تخطيه 1 · فائت 3",
        "  -           ████░░░░░░░░   33% 1/3  متأخر 1 · فائت 1 · مستحق 1 · مفتوح 2",
        "",
        "حسب المهمة",
        "  Monitor accounts  ███░░░░░░░░░   25% 1/4  تم تخطيه 1 · فائت 3",
        "  Weekly | review   ████░░░░░░░░   33% 1/3  متأخر 1 · فائت 1 · مستحق 1 · مفتوح 2",
        "",
        "انتظام المهام اليومية",
        "  # في الموعد  + متأخر  - متخطى  x فائت  . لم يُنجز بعد  ~ يوم إجازة",
        "  Monitor accounts  #xx~x+-..   الحالية 0 · الأطول 1",
        "",
        "المهام الفائتة",
        "  monitor  Monitor accounts  2026-11-03 → 2026-11-04  (2×)",
        "  monitor  Monitor accounts  2026-11-06",
        "  review   Weekly | review   2026-11-09 → 2026-11-15",
        "",
        "الملاحظات",
        "  2026-11-02  monitor, review  Mona: calm day",
        "  2026-11-07  review  Omar: holiday|x",
        "",
    ]


def test_titles_and_notes_with_brackets_are_shown_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bracketed = dataclasses.replace(
        REPORT,
        outcomes=[
            dataclasses.replace(o, title="Weekly [b]review[/b]") if o.item_id == "review" else o
            for o in OUTCOMES
        ],
        notes=[note("monitor", "Monitor accounts", d(2), text="see [b]this[/b]")],
    )
    lines = plain(monkeypatch, 120, lambda: show_report(bracketed, AREAS, "en")).split("\n")
    assert lines[-7:] == [
        "Missed",
        "  monitor  Monitor accounts      2026-11-03 → 2026-11-04  (2×)",
        "  monitor  Monitor accounts      2026-11-06",
        "  review   Weekly [b]review[/b]  2026-11-09 → 2026-11-15",
        "Notes",
        "  2026-11-02  monitor  Mona: see [b]this[/b]",
        "",
    ]


@pytest.mark.parametrize(
    ("width", "graph"),
    [
        (41, "  Monitor accounts  …+#x+  current 12 · "),
        (67, "  Monitor…  #x+#x+#x+#x+#x+#x+#x+#x+#x+#x+  current 12 · longest 30"),
    ],
)
def test_the_graph_keeps_the_latest_days_that_fit(
    monkeypatch: pytest.MonkeyPatch, width: int, graph: str
) -> None:
    lines = plain(monkeypatch, width, lambda: show_report(LONG, AREAS, "en")).split("\n")
    assert [line for line in lines if "current 12" in line] == [graph]


def test_the_compact_figures_line_up_before_the_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    ten = Tally(expected=10, done=10, on_time=10)
    quarter = Tally(expected=4, done=1, on_time=1, missed=3)
    report = Report(
        "monthly",
        Period(d(1), d(30)),
        d(20),
        OUTCOMES[:1],
        HISTORY,
        None,
        items={"a": ten, "b": quarter},
        titles={"a": "All", "b": "Some"},
        cadences={"daily": ten},
        areas={"ops": quarter},
        total=ten,
    )
    assert drawn(monkeypatch, 80, lambda: show_report(report, AREAS, "en")).split("\n")[-6:-3] == [
        "  All   <green>████████████</>  100% 10/10",
        "  Some  <magenta>███░░░░░░░░░</>   25% 1/4  <dim>  missed 3</>",
        "",
    ]


def test_the_markdown_report_in_arabic() -> None:
    assert report_markdown(EMPTY, {}, "ar").split("\n")[-2:] == [
        "لا شيء للتقرير: لم تكن هناك مهام متوقعة أو مسجلة في هذه الفترة.",
        "",
    ]
    meta = report_markdown(REPORT, AREAS, "ar", author="منى", hijri=True).split("\n")[2]
    assert meta == (
        "الفترة: 2026-11-01 → 2026-11-30 (21 جمادى الأولى 1448 هـ → 20 جمادى الآخرة 1448 هـ)"
        " · حتى 2026-11-20 · أعده منى"
    )
    assert report_markdown(CALM, AREAS, "ar").split("\n")[-9:] == [
        "",
        "## المهام الفائتة",
        "",
        "لم يفت شيء.",
        "",
        "## الملاحظات",
        "",
        "لم تُسجّل ملاحظات.",
        "",
    ]
