"""`csm today` and `csm due` exactly as they print: JSON, plain text, and a
terminal at four widths, where columns give way in a set order."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from csm_checklist.cli.views.agenda import (
    agenda_json,
    day_heading,
    late_command,
    period_text,
    plain_agenda,
    show_agenda,
)
from csm_checklist.dates.schedule import Period, Recurrence
from csm_checklist.duties.catalog import Text
from csm_checklist.rules.agenda import Agenda, Entry, Progress
from csm_checklist.rules.history import ItemRule
from csm_checklist.store.records import Event

from richview import drawn, plain

UTC = timezone.utc
TUESDAY = date(2026, 11, 24)
WEEK = Period(date(2026, 11, 23), date(2026, 11, 29))


def rule(item_id: str, title: str, arabic: str, cadence: str) -> ItemRule:
    return ItemRule(item_id, Text(title, arabic), "ops", Recurrence(cadence))  # type: ignore[arg-type]


MONITOR = rule("monitor-accounts", "Monitor accounts", "مراقبة الحسابات", "daily")
REVIEW = rule("weekly-review", "Weekly review", "", "weekly")
REPORT = rule("month-report", "Monthly report", "التقرير الشهري", "monthly")
POLICY = rule("policy", "Policy check", "", "quarterly")


def logged(item: ItemRule, kind: str, day: date, by: str = "Mona", note: str = "") -> Event:
    at = datetime(2026, 11, 24, 9, 5, tzinfo=UTC)
    return Event("u", item.id, item.title.en, item.cadence, kind, day, day, day, at, by, note, "h")  # type: ignore[arg-type]


ENTRIES = [
    Entry(MONITOR, Period(TUESDAY, TUESDAY), TUESDAY, "done", logged(MONITOR, "done", TUESDAY, note="2 escalations")),
    Entry(REVIEW, WEEK, date(2026, 11, 27), "due"),
    Entry(REPORT, Period(date(2026, 11, 1), date(2026, 11, 30)), date(2026, 11, 30), "upcoming"),
    Entry(POLICY, Period(date(2026, 10, 1), date(2026, 12, 31)), date(2026, 11, 20), "overdue"),
    Entry(rule("x", "Skipped thing", "", "weekly"), WEEK, date(2026, 11, 27), "skipped", logged(MONITOR, "skip", date(2026, 11, 23), by="Omar")),
    Entry(rule("y", "Off thing", "", "daily"), Period(TUESDAY, TUESDAY), TUESDAY, "off"),
]  # fmt: skip
MONDAY = date(2026, 11, 23)
MISSED = [
    Entry(MONITOR, Period(MONDAY, MONDAY), MONDAY, "missed"),
    Entry(REVIEW, Period(date(2026, 11, 16), date(2026, 11, 22)), date(2026, 11, 20), "missed"),
]
PROGRESS = {
    "daily": Progress(1, 0, 2),
    "weekly": Progress(0, 1, 2),
    "monthly": Progress(3, 0, 3),
    "quarterly": Progress(0, 0, 0),
}
AGENDA = Agenda(TUESDAY, True, ENTRIES, MISSED, PROGRESS)
QUIET = Agenda(date(2026, 11, 28), False, [], [], {})


def test_late_command_and_period_text() -> None:
    assert late_command(MISSED[1]) == "csm done weekly-review --on 2026-11-22"
    assert late_command(MISSED[1], "skip") == "csm skip weekly-review --on 2026-11-22"
    assert period_text(WEEK) == "2026-11-23..2026-11-29"
    assert period_text(Period(MONDAY, MONDAY)) == "2026-11-23"


def test_agenda_json() -> None:
    assert agenda_json(AGENDA, ENTRIES[:2], "en") == {
        "date": "2026-11-24",
        "workday": True,
        "items": [
            {
                "id": "monitor-accounts",
                "title": "Monitor accounts",
                "cadence": "daily",
                "area": "ops",
                "period_start": "2026-11-24",
                "period_end": "2026-11-24",
                "due": "2026-11-24",
                "status": "done",
                "logged_at": "2026-11-24T09:05:00+00:00",
                "for_date": "2026-11-24",
                "by": "Mona",
                "note": "2 escalations",
            },
            {
                "id": "weekly-review",
                "title": "Weekly review",
                "cadence": "weekly",
                "area": "ops",
                "period_start": "2026-11-23",
                "period_end": "2026-11-29",
                "due": "2026-11-27",
                "status": "due",
            },
        ],
        "missed": [
            {
                "id": "monitor-accounts",
                "title": "Monitor accounts",
                "cadence": "daily",
                "area": "ops",
                "period_start": "2026-11-23",
                "period_end": "2026-11-23",
                "due": "2026-11-23",
                "status": "missed",
                "log_late": "csm done monitor-accounts --on 2026-11-23",
                "skip": "csm skip monitor-accounts --on 2026-11-23",
            },
            {
                "id": "weekly-review",
                "title": "Weekly review",
                "cadence": "weekly",
                "area": "ops",
                "period_start": "2026-11-16",
                "period_end": "2026-11-22",
                "due": "2026-11-20",
                "status": "missed",
                "log_late": "csm done weekly-review --on 2026-11-22",
                "skip": "csm skip weekly-review --on 2026-11-22",
            },
        ],
        "progress": {
            "daily": {"done": 1, "skipped": 0, "total": 2},
            "weekly": {"done": 0, "skipped": 1, "total": 2},
            "monthly": {"done": 3, "skipped": 0, "total": 3},
            "quarterly": {"done": 0, "skipped": 0, "total": 0},
        },
    }
    arabic = agenda_json(AGENDA, ENTRIES[:1], "ar")
    assert arabic["items"][0]["title"] == "مراقبة الحسابات"
    assert agenda_json(QUIET, [], "ar") == {
        "date": "2026-11-28",
        "workday": False,
        "items": [],
        "missed": [],
        "progress": {},
    }


def test_day_heading() -> None:
    assert day_heading(TUESDAY, True, "en") == "Tuesday 2026-11-24 · workday"
    assert day_heading(TUESDAY, False, "ar") == "الثلاثاء 2026-11-24 · ليس يوم عمل"
    assert day_heading(TUESDAY, True, "fr") == "Tuesday 2026-11-24 · workday"
    assert day_heading(TUESDAY, False, "en", day_off="") == "Tuesday 2026-11-24 · day off"
    assert day_heading(TUESDAY, True, "en", hijri=True, day_off="Eid") == (
        "Tuesday 2026-11-24 (14 Jumada al-Akhirah 1448 AH) · day off (Eid)"
    )


PLAIN_EN = """\
Tuesday 2026-11-24 · workday

  [x]  monitor-accounts  Monitor accounts  daily      done 2026-11-24 by Mona — "2 escalations"
  [ ]  weekly-review     Weekly review     weekly     due 2026-11-27
  [.]  month-report      Monthly report    monthly    upcoming 2026-11-30
  [!]  policy            Policy check      quarterly  overdue 2026-11-20
  [-]  x                 Skipped thing     weekly     skipped 2026-11-23 by Omar
       y                 Off thing         daily      not expected

Missed last period
  [?]  monitor-accounts  Monitor accounts  2026-11-23              log it late: csm done monitor-accounts --on 2026-11-23
  [?]  weekly-review     Weekly review     2026-11-16..2026-11-22  log it late: csm done weekly-review --on 2026-11-22
  (or skip one: csm skip monitor-accounts --on 2026-11-23 --reason "...")

Progress
  daily      [##########----------] 1/2
  weekly     [==========----------] 0/2 (1 skipped)
  monthly    [####################] 3/3
  quarterly  [--------------------] 0/0
"""

PLAIN_AR = """\
الثلاثاء 2026-11-24 · يوم عمل

  [x]  monitor-accounts  مراقبة الحسابات  يومي      تم 2026-11-24 بواسطة Mona — "2 escalations"
  [ ]  weekly-review     Weekly review    أسبوعي    مستحق 2026-11-27
  [.]  month-report      التقرير الشهري   شهري      قادم 2026-11-30
  [!]  policy            Policy check     ربع سنوي  متأخر 2026-11-20
  [-]  x                 Skipped thing    أسبوعي    تم تخطيه 2026-11-23 بواسطة Omar
       y                 Off thing        يومي      غير متوقعة

فاتك في الفترة الماضية
  [?]  monitor-accounts  مراقبة الحسابات  2026-11-23              سجّلها متأخرًا: csm done monitor-accounts --on 2026-11-23
  [?]  weekly-review     Weekly review    2026-11-16..2026-11-22  سجّلها متأخرًا: csm done weekly-review --on 2026-11-22
  (أو تخطَّ إحداها: csm skip monitor-accounts --on 2026-11-23 --reason "...")

التقدم
  يومي       [##########----------] 1/2
  أسبوعي     [==========----------] 0/2 (تم تخطي 1)
  شهري       [####################] 3/3
  ربع سنوي   [--------------------] 0/0
"""


@pytest.mark.parametrize(("lang", "text"), [("en", PLAIN_EN), ("ar", PLAIN_AR)])
def test_plain_agenda(lang: str, text: str) -> None:
    assert plain_agenda(AGENDA, ENTRIES, lang) == text


def test_plain_agenda_with_nothing_due() -> None:
    assert plain_agenda(QUIET, [], "en") == (
        "Saturday 2026-11-28 · not a workday\n\nNot a workday: nothing needs action.\n"
    )
    calm = Agenda(TUESDAY, True, [], [], {})
    assert plain_agenda(calm, [], "ar", heading="HEAD") == "HEAD\n\nلا شيء مستحق الآن.\n"
    assert plain_agenda(calm, [], "en") == (
        "Tuesday 2026-11-24 · workday\n\nNothing is due. Enjoy the calm.\n"
    )


SHOWN_140 = [
    "<bold>Tuesday 2026-11-24 · workday</>",
    "",
    '  <green>[x]</>  <bold>monitor-accounts</>  Monitor accounts  <dim>daily</>      <green>done 2026-11-24</>      <green>by Mona — "2 escalations"</>',
    "  <bold yellow>[ ]</>  <bold>weekly-review</>     Weekly review     <dim>weekly</>     <bold yellow>due 2026-11-27</>",
    "  <cyan>[.]</>  <bold>month-report</>      Monthly report    <dim>monthly</>    <cyan>upcoming 2026-11-30</>",
    "  <bold red>[!]</>  <bold>policy</>            Policy check      <dim>quarterly</>  <bold red>overdue 2026-11-20</>",
    "  <dim>[-]</>  <bold>x</>                 Skipped thing     <dim>weekly</>     <dim>skipped 2026-11-23</>   <dim>by Omar</>",
    "  <dim>   </>  <bold>y</>                 Off thing         <dim>daily</>      <dim>not expected</>",
    "",
    "<bold red>Missed last period</>",
    "  <red>[?]</>  <bold>monitor-accounts</>  Monitor accounts  <dim>2026-11-23</>              <cyan>log it late: csm done monitor-accounts --on 2026-11-23</>",
    "  <red>[?]</>  <bold>weekly-review</>     Weekly review     <dim>2026-11-16..2026-11-22</>  <cyan>log it late: csm done weekly-review --on 2026-11-22</>",
    '<dim>  (or skip one: csm skip monitor-accounts --on 2026-11-23 --reason "...")</>',
    "",
    "<bold>Progress</>",
    "  daily     <magenta>████████████</><grey50>░░░░░░░░░░░░</> 1/2",
    "  weekly    <yellow>▒▒▒▒▒▒▒▒▒▒▒▒</><grey50>░░░░░░░░░░░░</> 0/2 (1 skipped)",
    "  monthly   <green>████████████████████████</> 3/3",
    "  quarterly <grey50>░░░░░░░░░░░░░░░░░░░░░░░░</> 0/0",
    "",
]
SHOWN_80 = [
    "<bold>Tuesday 2026-11-24 · workday</>",
    "",
    "  <green>[x]</>  <bold>monitor-accounts</>  Monitor acco…  <dim>daily</>      <green>done 2026-11-24</>      <green>by Mona…</>",
    "  <bold yellow>[ ]</>  <bold>weekly-review</>     Weekly review  <dim>weekly</>     <bold yellow>due 2026-11-27</>",
    "  <cyan>[.]</>  <bold>month-report</>      Monthly repo…  <dim>monthly</>    <cyan>upcoming 2026-11-30</>",
    "  <bold red>[!]</>  <bold>policy</>            Policy check   <dim>quarterly</>  <bold red>overdue 2026-11-20</>",
    "  <dim>[-]</>  <bold>x</>                 Skipped thing  <dim>weekly</>     <dim>skipped 2026-11-23</>   <dim>by Omar</>",
    "  <dim>   </>  <bold>y</>                 Off thing      <dim>daily</>      <dim>not expected</>",
    "",
    "<bold red>Missed last period</>",
    "  <red>[?]</>  <bold>monitor-accounts</>  Monitor accounts  <dim>2026-11-23</>",
    "<cyan>       log it late: csm done monitor-accounts --on 2026-11-23</>",
    "  <red>[?]</>  <bold>weekly-review</>     Weekly review     <dim>2026-11-16..2026-11-22</>",
    "<cyan>       log it late: csm done weekly-review --on 2026-11-22</>",
    '<dim>  (or skip one: csm skip monitor-accounts --on 2026-11-23 --reason "...")</>',
    "",
    "<bold>Progress</>",
    "  daily     <magenta>████████████</><grey50>░░░░░░░░░░░░</> 1/2",
    "  weekly    <yellow>▒▒▒▒▒▒▒▒▒▒▒▒</><grey50>░░░░░░░░░░░░</> 0/2 (1 skipped)",
    "  monthly   <green>████████████████████████</> 3/3",
    "  quarterly <grey50>░░░░░░░░░░░░░░░░░░░░░░░░</> 0/0",
    "",
]
SHOWN_60 = [
    "<bold>Tuesday 2026-11-24 · workday</>",
    "",
    "  <green>[x]</>  <bold>monitor-accounts</>  Monitor accou…  <green>done 2026-11-24</>",
    "  <bold yellow>[ ]</>  <bold>weekly-review</>     Weekly review   <bold yellow>due 2026-11-27</>",
    "  <cyan>[.]</>  <bold>month-report</>      Monthly report  <cyan>upcoming 2026-11-30</>",
    "  <bold red>[!]</>  <bold>policy</>            Policy check    <bold red>overdue 2026-11-20</>",
    "  <dim>[-]</>  <bold>x</>                 Skipped thing   <dim>skipped 2026-11-23</>",
    "  <dim>   </>  <bold>y</>                 Off thing       <dim>not expected</>",
    "",
    "<bold red>Missed last period — log it late:</>",
    "  <red>[?]</>  <bold>monitor-accounts</>  Monitor ac…  <dim>2026-11-23</>",
    "<cyan>       csm done monitor-accounts --on 2026-11-23</>",
    "  <red>[?]</>  <bold>weekly-review</>     Weekly rev…  <dim>2026-11-16..2026-11-22</>",
    "<cyan>       csm done weekly-review --on 2026-11-22</>",
    '<dim>  (or skip one: csm skip ID --on DATE --reason "...")</>',
    "",
    "<bold>Progress</>",
    "  daily     <magenta>████████████</><grey50>░░░░░░░░░░░░</> 1/2",
    "  weekly    <yellow>▒▒▒▒▒▒▒▒▒▒▒▒</><grey50>░░░░░░░░░░░░</> 0/2 (1 skipped)",
    "  monthly   <green>████████████████████████</> 3/3",
    "  quarterly <grey50>░░░░░░░░░░░░░░░░░░░░░░░░</> 0/0",
    "",
]
SHOWN_40 = [
    "<bold>Tuesday 2026-11-24 · workday</>",
    "",
    "  <green>[x]</>  <bold>monitor-accounts</>  <green>done 2026-11-24</>",
    "  <bold yellow>[ ]</>  <bold>weekly-review</>     <bold yellow>due 2026-11-27</>",
    "  <cyan>[.]</>  <bold>month-report</>      <cyan>upcoming </>",
    "<cyan>2026-11-30</>",
    "  <bold red>[!]</>  <bold>policy</>            <bold red>overdue </>",
    "<bold red>2026-11-20</>",
    "  <dim>[-]</>  <bold>x</>                 <dim>skipped </>",
    "<dim>2026-11-23</>",
    "  <dim>   </>  <bold>y</>                 <dim>not expected</>",
    "",
    "<bold red>Missed last period — log it late:</>",
    "  <red>[?]</>  <bold>monitor-accounts</>  Monitor ",
    "accounts  <dim>2026-11-23</>",
    "<cyan>       csm done monitor-accounts --on </>",
    "<cyan>2026-11-23</>",
    "  <red>[?]</>  <bold>weekly-review</>     Weekly review  ",
    "<dim>2026-11-16..2026-11-22</>",
    "<cyan>       csm done weekly-review --on </>",
    "<cyan>2026-11-22</>",
    "<dim>  (or skip one: csm skip ID --on DATE </>",
    '<dim>--reason "...")</>',
    "",
    "<bold>Progress</>",
    "  daily     <magenta>████████████</><grey50>░░░░░░░░░░░░</> 1/2",
    "  weekly    <yellow>▒▒▒▒▒▒▒▒▒▒▒▒</><grey50>░░░░░░░░░░░░</> 0/2",
    "(1 skipped)",
    "  monthly   <green>████████████████████████</> 3/3",
    "  quarterly <grey50>░░░░░░░░░░░░░░░░░░░░░░░░</> 0/0",
    "",
]
SHOWN_AR = [
    "<bold>الثلاثاء 2026-11-24 · يوم عمل</>",
    "",
    '  <green>[x]</>  <bold>monitor-accounts</>  مراقبة الحسابات  <dim>يومي</>      <green>تم 2026-11-24</>        <green>بواسطة Mona — "2 escalatio…</>',
    "  <bold yellow>[ ]</>  <bold>weekly-review</>     Weekly review    <dim>أسبوعي</>    <bold yellow>مستحق 2026-11-27</>",
    "  <cyan>[.]</>  <bold>month-report</>      التقرير الشهري   <dim>شهري</>      <cyan>قادم 2026-11-30</>",
    "  <bold red>[!]</>  <bold>policy</>            Policy check     <dim>ربع سنوي</>  <bold red>متأخر 2026-11-20</>",
    "  <dim>[-]</>  <bold>x</>                 Skipped thing    <dim>أسبوعي</>    <dim>تم تخطيه 2026-11-23</>  <dim>بواسطة Omar</>",
    "  <dim>   </>  <bold>y</>                 Off thing        <dim>يومي</>      <dim>غير متوقعة</>",
    "",
    "<bold red>فاتك في الفترة الماضية</>",
    "  <red>[?]</>  <bold>monitor-accounts</>  مراقبة الحسابات  <dim>2026-11-23</>",
    "<cyan>       سجّلها متأخرًا: csm done monitor-accounts --on 2026-11-23</>",
    "  <red>[?]</>  <bold>weekly-review</>     Weekly review    <dim>2026-11-16..2026-11-22</>",
    "<cyan>       سجّلها متأخرًا: csm done weekly-review --on 2026-11-22</>",
    '<dim>  (أو تخطَّ إحداها: csm skip monitor-accounts --on 2026-11-23 --reason "...")</>',
    "",
    "<bold>التقدم</>",
    "  يومي     <magenta>████████████</><grey50>░░░░░░░░░░░░</> 1/2",
    "  أسبوعي   <yellow>▒▒▒▒▒▒▒▒▒▒▒▒</><grey50>░░░░░░░░░░░░</> 0/2 (تم تخطي 1)",
    "  شهري     <green>████████████████████████</> 3/3",
    "  ربع سنوي <grey50>░░░░░░░░░░░░░░░░░░░░░░░░</> 0/0",
    "",
]


@pytest.mark.parametrize(
    ("width", "lang", "lines"),
    [
        (140, "en", SHOWN_140),
        (80, "en", SHOWN_80),
        (60, "en", SHOWN_60),
        (40, "en", SHOWN_40),
        (100, "ar", SHOWN_AR),
    ],
)
def test_show_agenda(
    monkeypatch: pytest.MonkeyPatch, width: int, lang: str, lines: list[str]
) -> None:
    assert (
        drawn(monkeypatch, width, lambda: show_agenda(AGENDA, ENTRIES, lang)).split("\n") == lines
    )


def test_show_agenda_with_nothing_due(monkeypatch: pytest.MonkeyPatch) -> None:
    text = drawn(monkeypatch, 80, lambda: show_agenda(QUIET, [], "en", heading="H"))
    assert text == "<bold>H</>\n\n<green>Not a workday: nothing needs action.</>\n"
    calm = Agenda(TUESDAY, True, [], [], {})
    assert drawn(monkeypatch, 80, lambda: show_agenda(calm, [], "ar")) == (
        "<bold>الثلاثاء 2026-11-24 · يوم عمل</>\n\n<green>لا شيء مستحق الآن.</>\n"
    )


@pytest.mark.parametrize(
    ("width", "entry", "heading", "missed"),
    [
        (53, "  [x]  monitor-accounts  done 2026-11-24", "Missed last period — log it late:", "  [?]  monitor-accounts  Monitor accounts  2026-11-23"),
        (54, "  [x]  monitor-accounts  Monitor…  done 2026-11-24", "Missed last period — log it late:", "  [?]  monitor-accounts  Monitor accounts  2026-11-23"),
        (61, "  [x]  monitor-accounts  Monitor accoun…  done 2026-11-24", "Missed last period", "  [?]  monitor-accounts  Monitor acc…  2026-11-23"),
        (64, "  [x]  monitor-accounts  Monitor accounts  done 2026-11-24", "Missed last period", "  [?]  monitor-accounts  Monitor accoun…  2026-11-23"),
        (65, "  [x]  monitor-accounts  Monitor…  daily      done 2026-11-24", "Missed last period", "  [?]  monitor-accounts  Monitor accounts  2026-11-23"),
        (74, "  [x]  monitor-accounts  Monitor accounts  daily      done 2026-11-24", "Missed last period", "  [?]  monitor-accounts  Monitor accounts  2026-11-23"),
        (75, "  [x]  monitor-accounts  Monitor…  daily      done 2026-11-24      by Mona…", "Missed last period", "  [?]  monitor-accounts  Monitor accounts  2026-11-23"),
        (99, '  [x]  monitor-accounts  Monitor accounts  daily      done 2026-11-24      by Mona — "2 escalation…', "Missed last period", "  [?]  monitor-accounts  Monitor accounts  2026-11-23"),
        (100, '  [x]  monitor-accounts  Monitor accounts  daily      done 2026-11-24      by Mona — "2 escalations"', "Missed last period", "  [?]  monitor-accounts  Monitor accounts  2026-11-23"),
        (112, '  [x]  monitor-accounts  Monitor accounts  daily      done 2026-11-24      by Mona — "2 escalations"', "Missed last period", "  [?]  monitor-accounts  Monitor accounts  2026-11-23"),
        (113, '  [x]  monitor-accounts  Monitor accounts  daily      done 2026-11-24      by Mona — "2 escalations"', "Missed last period", "  [?]  monitor-accounts  Monitor…  2026-11-23              log it late: csm done monitor-accounts --on 2026-11-23"),
    ],
)  # fmt: skip
def test_each_layout_begins_at_the_width_it_fits(
    monkeypatch: pytest.MonkeyPatch, width: int, entry: str, heading: str, missed: str
) -> None:
    lines = plain(monkeypatch, width, lambda: show_agenda(AGENDA, ENTRIES, "en")).split("\n")
    assert (lines[2], lines[9], lines[10]) == (entry, heading, missed)


@pytest.mark.parametrize(
    ("width", "hint"),
    [
        (72, '  (or skip one: csm skip ID --on DATE --reason "...")'),
        (73, '  (or skip one: csm skip monitor-accounts --on 2026-11-23 --reason "...")'),
    ],
)
def test_the_skip_hint_names_the_item_when_it_fits(
    monkeypatch: pytest.MonkeyPatch, width: int, hint: str
) -> None:
    lines = plain(monkeypatch, width, lambda: show_agenda(AGENDA, ENTRIES, "en")).split("\n")
    assert [line for line in lines if "or skip" in line] == [hint]


def test_a_bar_is_green_only_when_its_cadence_is_all_done(monkeypatch: pytest.MonkeyPatch) -> None:
    agenda = Agenda(TUESDAY, True, [], [], {"annual": Progress(1, 0, 1), "daily": Progress()})
    assert drawn(monkeypatch, 80, lambda: show_agenda(agenda, [], "en")).split("\n")[-3:] == [
        "  annual <green>████████████████████████</> 1/1",
        "  daily  <grey50>░░░░░░░░░░░░░░░░░░░░░░░░</> 0/0",
        "",
    ]


def test_arabic_missed_items_and_days_off() -> None:
    missed = agenda_json(AGENDA, [], "ar")["missed"]
    assert [entry["title"] for entry in missed] == ["مراقبة الحسابات", "Weekly review"]
    assert day_heading(TUESDAY, False, "ar", day_off="عيد") == (
        "الثلاثاء 2026-11-24 · يوم إجازة (عيد)"
    )
    assert day_heading(TUESDAY, True, "ar", hijri=True) == (
        "الثلاثاء 2026-11-24 (14 جمادى الآخرة 1448 هـ) · يوم عمل"
    )


@pytest.mark.parametrize(
    ("width", "missed"),
    [
        (
            140,
            [
                "فاتك في الفترة الماضية",
                "  [?]  monitor-accounts  مراقبة الحسابات  2026-11-23              سجّلها متأخرًا: csm done monitor-accounts --on 2026-11-23",
                "  [?]  weekly-review     Weekly review    2026-11-16..2026-11-22  سجّلها متأخرًا: csm done weekly-review --on 2026-11-22",
                '  (أو تخطَّ إحداها: csm skip monitor-accounts --on 2026-11-23 --reason "...")',
            ],
        ),
        (
            60,
            [
                "فاتك في الفترة الماضية — سجّلها متأخرًا:",
                "  [?]  monitor-accounts  مراقبة الح…  2026-11-23",
                "       csm done monitor-accounts --on 2026-11-23",
                "  [?]  weekly-review     Weekly rev…  2026-11-16..2026-11-22",
                "       csm done weekly-review --on 2026-11-22",
                '  (أو تخطَّ إحداها: csm skip ID --on DATE --reason "...")',
            ],
        ),
    ],
)
def test_the_missed_section_in_arabic(
    monkeypatch: pytest.MonkeyPatch, width: int, missed: list[str]
) -> None:
    lines = plain(monkeypatch, width, lambda: show_agenda(AGENDA, ENTRIES, "ar")).split("\n")
    start = lines.index(missed[0])
    assert lines[start : start + len(missed)] == missed
