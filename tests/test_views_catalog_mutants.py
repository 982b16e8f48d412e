"""`csm list` exactly as it prints: the groups, the plain text, the JSON and
the terminal layout at fixed widths, in English and Arabic."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from csm_checklist.cli.views.catalog import (
    ListGroup,
    ListRow,
    escape,
    group_items,
    list_json,
    plain_list,
    print_rich_list,
)
from csm_checklist.dates.schedule import OnWeekday, Recurrence
from csm_checklist.duties.catalog import Area, Catalog, Item, Text

from richview import drawn, plain

HERE = Path("checklist.yaml")
AREAS = {
    "ops": Area("ops", Text("Operations", "العمليات"), Text("Run it", "شغلها"), HERE, 1),
    "team": Area("team", Text("Team", "الفريق"), None, HERE, 2),
    "empty": Area("empty", Text("Empty", ""), None, HERE, 3),
}
REVIEW = Item(
    "review",
    Text("Weekly [review]", "مراجعة"),
    None,
    "ops",
    Recurrence("weekly", OnWeekday(4)),
    ("a", "b"),
    True,
    HERE,
    4,
    "friday",
)
MONITOR = Item(
    "monitor", Text("Monitor", "مراقبة"), Text("Look", "انظر"), "ops", Recurrence("daily"), (),
    True, HERE, 5,
)  # fmt: skip
COACH = Item(
    "coach",
    Text("Coach", "تدريب"),
    None,
    "team",
    Recurrence("rrule", rrule="FREQ=MONTHLY;BYDAY=1MO", start=date(2026, 1, 5)),
    (),
    False,
    HERE,
    6,
)
ITEMS = [REVIEW, MONITOR, COACH]
CATALOG = Catalog(AREAS, {item.id: item for item in ITEMS})

EVERY_DAY = ListRow("monitor", "Monitor", "daily", "every workday", True)
FRIDAYS = ListRow("review", "Weekly [review]", "weekly", "every Friday", True)
CUSTOM = ListRow(
    "coach", "Coach", "custom", "every month on the first Monday (from 2026-01-05)", False
)


def test_grouped_by_area_shortest_cadence_first_with_the_empty_areas() -> None:
    assert group_items(CATALOG, ITEMS, "area", "en", keep_empty=True) == [
        ListGroup("ops", "Operations", [EVERY_DAY, FRIDAYS]),
        ListGroup("team", "Team", [CUSTOM]),
        ListGroup("empty", "Empty", []),
    ]
    assert group_items(CATALOG, [MONITOR], "area", "en", keep_empty=False) == [
        ListGroup("ops", "Operations", [EVERY_DAY])
    ]


def test_grouped_by_cadence_daily_first_with_a_capital() -> None:
    assert group_items(CATALOG, ITEMS, "cadence", "en", keep_empty=True) == [
        ListGroup("daily", "Daily", [EVERY_DAY]),
        ListGroup("weekly", "Weekly", [FRIDAYS]),
        ListGroup("rrule", "Custom", [CUSTOM]),
    ]
    arabic = group_items(CATALOG, [REVIEW], "cadence", "ar", keep_empty=True)
    assert arabic == [
        ListGroup(
            "weekly",
            "أسبوعي",
            [ListRow("review", "مراجعة", "أسبوعي", "يوم الجمعة من كل أسبوع", True)],
        )
    ]


PLAIN_EN = """\
Operations [ops]
  monitor  Monitor          daily   every workday
  review   Weekly [review]  weekly  every Friday

Team [team]
  coach    Coach            custom  every month on the first Monday (from 2026-01-05)  (disabled)

Empty [empty]
  (no items)

3 items
"""

PLAIN_AR = """\
العمليات [ops]
  monitor  مراقبة  يومي    كل يوم عمل
  review   مراجعة  أسبوعي  يوم الجمعة من كل أسبوع

الفريق [team]
  coach    تدريب   مخصص    كل شهر يوم أول اثنين (من 2026-01-05)  (معطّل)

Empty [empty]
  (لا توجد مهام)

عدد المهام: 3
"""


@pytest.mark.parametrize(("lang", "text"), [("en", PLAIN_EN), ("ar", PLAIN_AR)])
def test_plain_list(lang: str, text: str) -> None:
    groups = group_items(CATALOG, ITEMS, "area", lang, keep_empty=True)
    assert plain_list(groups, lang) == text


def test_plain_list_of_one_item_and_of_nothing() -> None:
    groups = group_items(CATALOG, [MONITOR], "area", "en", keep_empty=False)
    assert plain_list(groups, "en") == (
        "Operations [ops]\n  monitor  Monitor  daily  every workday\n\n1 item\n"
    )
    assert plain_list(groups, "ar").endswith("\n\nمهمة واحدة\n")
    assert plain_list([], "en") == "No items match.\n"
    empty = [ListGroup("empty", "Empty", [])]
    assert plain_list(empty, "en") == "Empty [empty]\n  (no items)\n\n0 items\n"
    assert plain_list([], "ar") == "لا توجد مهام مطابقة.\n"
    assert plain_list([], "fr") == "No items match.\n"


def test_list_json() -> None:
    assert list_json(CATALOG, ITEMS, "en") == {
        "areas": [
            {"id": "ops", "title": "Operations", "details": "Run it"},
            {"id": "team", "title": "Team", "details": None},
            {"id": "empty", "title": "Empty", "details": None},
        ],
        "items": [
            {
                "id": "review",
                "title": "Weekly [review]",
                "details": None,
                "area": "ops",
                "cadence": "weekly",
                "due": "friday",
                "due_text": "every Friday",
                "rrule": None,
                "start": None,
                "tags": ["a", "b"],
                "enabled": True,
                "measures": [],
            },
            {
                "id": "monitor",
                "title": "Monitor",
                "details": "Look",
                "area": "ops",
                "cadence": "daily",
                "due": None,
                "due_text": "every workday",
                "rrule": None,
                "start": None,
                "tags": [],
                "enabled": True,
                "measures": [],
            },
            {
                "id": "coach",
                "title": "Coach",
                "details": None,
                "area": "team",
                "cadence": "rrule",
                "due": None,
                "due_text": "every month on the first Monday (from 2026-01-05)",
                "rrule": "FREQ=MONTHLY;BYDAY=1MO",
                "start": "2026-01-05",
                "tags": [],
                "enabled": False,
                "measures": [],
            },
        ],
    }
    arabic = list_json(CATALOG, [MONITOR], "ar")
    assert arabic["areas"][0] == {"id": "ops", "title": "العمليات", "details": "شغلها"}
    assert (arabic["items"][0]["title"], arabic["items"][0]["details"]) == ("مراقبة", "انظر")
    assert arabic["items"][0]["due_text"] == "كل يوم عمل"


# `csm list` at a terminal: every group with the same columns, so that
# they line up like one list; the disabled marker is a column of its own.
WIDE_EN = [
    "<bold>Operations</><bold dim> (ops)</>",
    "  <bold>id</>       <bold>title</>            <bold>cadence</>  <bold>due</>",
    "  ────────────────────────────────────────────────────────────────────────────────────────────────",
    "  <cyan>monitor</>  Monitor          daily    every workday",
    "  <cyan>review</>   Weekly [review]  weekly   every Friday",
    "",
    "<bold>Team</><bold dim> (team)</>",
    "  <bold>id</>       <bold>title</>            <bold>cadence</>  <bold>due</>",
    "  ────────────────────────────────────────────────────────────────────────────────────────────────",
    "  <cyan>coach</>    <dim>Coach</>            <dim>custom</>   <dim>every month on the first Monday (from 2026-01-05)</>  <dim>(disabled)</>",
    "",
    "<bold>Empty</><bold dim> (empty)</>",
    "  <bold>id</>       <bold>title</>            <bold>cadence</>  <bold>due</>",
    "  ────────────────────────────────────────────────────────────────────────────────────────────────",
    "           <dim>(no items)</>",
    "",
    "<dim>3 items</>",
    "",
]
NARROW_EN = [
    "<bold>Operations</><bold dim> (ops)</>",
    "  <bold>id</>       <bold>title</>            <bold>due</>",
    "  ──────────────────────────────────────────────────────────",
    "  <cyan>monitor</>  Monitor          every workday",
    "  <cyan>review</>   Weekly [review]  every Friday",
    "",
    "<bold>Team</><bold dim> (team)</>",
    "  <bold>id</>       <bold>title</>            <bold>due</>",
    "  ──────────────────────────────────────────────────────────",
    "  <cyan>coach</>    <dim>Coach</>            <dim>every month on the…</>   <dim>(disabled)</>",
    "",
    "<bold>Empty</><bold dim> (empty)</>",
    "  <bold>id</>       <bold>title</>            <bold>due</>",
    "  ──────────────────────────────────────────────────────────",
    "           <dim>(no items)</>",
    "",
    "<dim>3 items</>",
    "",
]
WIDE_AR = [
    "<bold>العمليات</><bold dim> (ops)</>",
    "  <bold>المعرّف</>   <bold>العنوان</>         <bold>التكرار</>  <bold>الاستحقاق</>",
    "  ──────────────────────────────────────────────────────────────────────────────",
    "  <cyan>monitor</>  مراقبة          يومي     كل يوم عمل",
    "  <cyan>review</>   مراجعة          أسبوعي   يوم الجمعة من كل أسبوع",
    "",
    "<bold>الفريق</><bold dim> (team)</>",
    "  <bold>المعرّف</>   <bold>العنوان</>         <bold>التكرار</>  <bold>الاستحقاق</>",
    "  ──────────────────────────────────────────────────────────────────────────────",
    "  <cyan>coach</>    <dim>تدريب</>           <dim>مخصص</>     <dim>كل شهر يوم أول اثنين (من 2026-01-05)</>  <dim>(معطّل)</>",
    "",
    "<bold>Empty</><bold dim> (empty)</>",
    "  <bold>المعرّف</>   <bold>العنوان</>         <bold>التكرار</>  <bold>الاستحقاق</>",
    "  ──────────────────────────────────────────────────────────────────────────────",
    "           <dim>(لا توجد مهام)</>",
    "",
    "<dim>عدد المهام: 3</>",
    "",
]
NARROW_AR = [
    "<bold>العمليات</><bold dim> (ops)</>",
    "  <bold>المعرّف</>   <bold>العنوان</>         <bold>الاستحقاق</>",
    "  ──────────────────────────────────────────────────────────",
    "  <cyan>monitor</>  مراقبة          كل يوم عمل",
    "  <cyan>review</>   مراجعة          يوم الجمعة من كل أسبوع",
    "",
    "<bold>الفريق</><bold dim> (team)</>",
    "  <bold>المعرّف</>   <bold>العنوان</>         <bold>الاستحقاق</>",
    "  ──────────────────────────────────────────────────────────",
    "  <cyan>coach</>    <dim>تدريب</>           <dim>كل شهر يوم أول اثنين (من…</>  <dim>(معطّل)</>",
    "",
    "<bold>Empty</><bold dim> (empty)</>",
    "  <bold>المعرّف</>   <bold>العنوان</>         <bold>الاستحقاق</>",
    "  ──────────────────────────────────────────────────────────",
    "           <dim>(لا توجد مهام)</>",
    "",
    "<dim>عدد المهام: 3</>",
    "",
]
NARROWER_AR = [
    "<bold>العمليات</><bold dim> (ops)</>",
    "  <bold>المعرّف</>   <bold>العنوان</>   <bold>الاستحقاق</>",
    "  ──────────────────────────────────────",
    "  <cyan>monitor</>  مراقبة    كل يوم عمل",
    "  <cyan>review</>   مراجعة    يوم الجمعة…",
    "",
    "<bold>الفريق</><bold dim> (team)</>",
    "  <bold>المعرّف</>   <bold>العنوان</>   <bold>الاستحقاق</>",
    "  ──────────────────────────────────────",
    "  <cyan>coach</>    <dim>تدريب</>     <dim>كل شهر يوم…</>  <dim>(معطّل)</>",
    "",
    "<bold>Empty</><bold dim> (empty)</>",
    "  <bold>المعرّف</>   <bold>العنوان</>   <bold>الاستحقاق</>",
    "  ──────────────────────────────────────",
    "           <dim>(لا توج…</>",
    "",
    "<dim>عدد المهام: 3</>",
    "",
]

# At 60 cells the cadence goes (the due rule says it) and a due rule too
# long for what is left is shortened with "…"; ids never are.
# At 40 cells titles and due rules share the shortening.


@pytest.mark.parametrize(
    ("lang", "width", "lines"),
    [
        ("en", 100, WIDE_EN),
        ("ar", 100, WIDE_AR),
        ("en", 60, NARROW_EN),
        ("ar", 60, NARROW_AR),
        ("ar", 40, NARROWER_AR),
    ],
)
def test_rich_list(
    monkeypatch: pytest.MonkeyPatch, lang: str, width: int, lines: list[str]
) -> None:
    groups = group_items(CATALOG, ITEMS, "area", lang, keep_empty=True)
    assert drawn(monkeypatch, width, lambda: print_rich_list(groups, lang)).split("\n") == lines


def test_rich_list_of_one_item_and_of_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    groups = group_items(CATALOG, [MONITOR], "area", "en", keep_empty=False)
    assert drawn(monkeypatch, 100, lambda: print_rich_list(groups, "en")).split("\n") == [
        "<bold>Operations</><bold dim> (ops)</>",
        "  <bold>id</>       <bold>title</>    <bold>cadence</>  <bold>due</>",
        "  ────────────────────────────────────────",
        "  <cyan>monitor</>  Monitor  daily    every workday",
        "",
        "<dim>1 item</>",
        "",
    ]
    assert drawn(monkeypatch, 100, lambda: print_rich_list([], "ar")) == "لا توجد مهام مطابقة.\n"
    assert drawn(monkeypatch, 100, lambda: print_rich_list([], "en")) == "No items match.\n"


def test_a_long_area_name_is_shortened_to_leave_its_key(monkeypatch: pytest.MonkeyPatch) -> None:
    # 30 cells: the name takes the 24 that " (ops)" leaves.
    groups = [ListGroup("ops", "Operations and escalations", [EVERY_DAY])]
    assert drawn(monkeypatch, 30, lambda: print_rich_list(groups, "en")).split("\n")[0] == (
        "<bold>Operations and escalati…</><bold dim> (ops)</>"
    )


def test_escape_shows_brackets_as_written() -> None:
    assert escape("[bold]x[/bold]") == "\\[bold]x\\[/bold]"


SHORT = Item("x", Text("Call", ""), None, "ops", Recurrence("daily"), (), True, HERE, 7)
AUDIT = Item(
    "ab", Text("Audit", ""), None, "ops", Recurrence("weekly", OnWeekday(0)), (), True, HERE, 8
)


def test_an_area_lists_its_daily_items_before_weekly_ones_whatever_their_ids() -> None:
    catalog = Catalog(AREAS, {"ab": AUDIT, "x": SHORT})
    groups = group_items(catalog, [AUDIT, SHORT], "area", "en", keep_empty=False)
    assert [[row.id for row in group.rows] for group in groups] == [["x", "ab"]]


def test_rich_columns_are_never_narrower_than_their_headers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    catalog = Catalog(AREAS, {"ab": AUDIT, "x": SHORT})
    groups = group_items(catalog, [AUDIT, SHORT], "area", "en", keep_empty=False)
    assert drawn(monkeypatch, 80, lambda: print_rich_list(groups, "en")).split("\n") == [
        "<bold>Operations</><bold dim> (ops)</>",
        "  <bold>id</>  <bold>title</>  <bold>cadence</>  <bold>due</>",
        "  ─────────────────────────────────",
        "  <cyan>x</>   Call   daily    every workday",
        "  <cyan>ab</>  Audit  weekly   every Monday",
        "",
        "<dim>2 items</>",
        "",
    ]


def test_the_cadence_goes_before_a_due_rule_is_shortened(monkeypatch: pytest.MonkeyPatch) -> None:
    # The row takes 40 cells after its two-cell indent: 42 fit it whole;
    # at 41 the cadence goes, and the due rule is still not shortened.
    groups = group_items(CATALOG, [MONITOR], "area", "en", keep_empty=False)
    assert plain(monkeypatch, 42, lambda: print_rich_list(groups, "en")).split("\n")[1:4] == [
        "  id       title    cadence  due",
        "  ────────────────────────────────────────",
        "  monitor  Monitor  daily    every workday",
    ]
    assert plain(monkeypatch, 41, lambda: print_rich_list(groups, "en")).split("\n")[1:4] == [
        "  id       title    due",
        "  ───────────────────────────────",
        "  monitor  Monitor  every workday",
    ]


def test_a_long_title_is_shortened_before_the_cadence_goes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    long = "Escalate the unresolved complaints to the team lead"
    groups = [ListGroup("ops", "Operations", [ListRow("x", long, "daily", "every workday", True)])]
    assert plain(monkeypatch, 60, lambda: print_rich_list(groups, "en")).split("\n") == [
        "Operations (ops)",
        "  id  title                           cadence  due",
        "  ──────────────────────────────────────────────────────────",
        "  x   Escalate the unresolved compl…  daily    every workday",
        "",
        "1 item",
        "",
    ]


@pytest.mark.parametrize(("width", "heading"), [(8, "O…"), (7, "…")])
def test_an_area_name_keeps_a_cell_however_narrow(
    monkeypatch: pytest.MonkeyPatch, width: int, heading: str
) -> None:
    groups = [ListGroup("ops", "Operations", [EVERY_DAY])]
    assert drawn(monkeypatch, width, lambda: print_rich_list(groups, "en")).split("\n")[0] == (
        f"<bold>{heading}</><bold dim> (ops)</>"
    )
