"""Playbook runs and measures exactly as the views print them: what start,
done and close say, `csm run list` and `show`, the runs in `csm today`, and
both sections of a report (text, Markdown, JSON)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from csm_checklist.cli.views import measures, runs
from csm_checklist.cli.views.runs import (
    closed_line,
    duration,
    moment,
    run_detail,
    run_list,
    run_record,
    started_line,
    step_line,
    step_state,
    today_section,
)
from csm_checklist.dates.schedule import Recurrence
from csm_checklist.dates.within import Within
from csm_checklist.duties.catalog import Item, Measure, Text
from csm_checklist.rules.measures import MeasureRow
from csm_checklist.rules.runs import Run, RunStep
from csm_checklist.store.records import Event
from csm_checklist.store.run_records import StepEvent

UTC = timezone.utc
START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
LATER = START + timedelta(hours=80)


def check_off(step: str, kind: str, hours: int, note: str = "") -> StepEvent:
    return StepEvent("u", "INC-1", step, kind, START + timedelta(hours=hours), "Mona", note, "h")


STEPS = (
    RunStep("triage", Text("Triage", "فرز"), Within(2, "hours"), START + timedelta(hours=2),
            check_off("triage", "done", 3, "late!")),
    RunStep("notify", Text("Notify", ""), Within(1, "days"), START + timedelta(days=1),
            check_off("notify", "done", 5)),
    RunStep("fix", Text("Fix", "إصلاح"), Within(3, "workdays"), START + timedelta(days=3), None),
    RunStep("close", Text("Close", ""), None, None, None),
    RunStep("skipit", Text("Skip it", ""), Within(1, "hours"), START + timedelta(hours=1),
            check_off("skipit", "skip", 9)),
)  # fmt: skip
OPEN = Run(
    "uuid1", "INC-1", "incident", Text("Incident", "حادث"), "VIP outage", START, "Mona", "h",
    None, "", False, STEPS,
)  # fmt: skip
FORCED = OPEN._replace(
    run_id="INC-2",
    name="",
    closed_at=START + timedelta(days=2, hours=4, minutes=7),
    close_note="resolved",
    forced=True,
)
QUICK = OPEN._replace(run_id="INC-3", closed_at=START + timedelta(minutes=25), steps=STEPS[1:2])


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (timedelta(minutes=25), "25 minutes"),
        (timedelta(hours=3, minutes=10), "3 hours 10 minutes"),
        (timedelta(days=2, hours=4, minutes=59), "2 days 4 hours"),
        (timedelta(seconds=59), "less than a minute"),
        (timedelta(minutes=59, seconds=59), "59 minutes"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(days=1), "1 day"),
        (timedelta(hours=23, minutes=59), "23 hours 59 minutes"),
    ],
)
def test_duration(span: timedelta, text: str) -> None:
    assert duration(span) == text


def test_moment_and_word() -> None:
    assert moment(START) == "2026-11-24 09:00"
    assert runs.word("open", "fr") == "open"
    assert runs.word("open", "ar") == "مفتوح"


@pytest.mark.parametrize(
    ("step", "en", "ar"),
    [
        (STEPS[0], "done 2026-11-24 12:00 (late)", "تم 2026-11-24 12:00 (متأخر)"),
        (STEPS[1], "done 2026-11-24 14:00", "تم 2026-11-24 14:00"),
        (STEPS[2], "OVERDUE, due 2026-11-27 09:00", "الموعد 2026-11-27 09:00"),
        (STEPS[3], "open", "مفتوح"),
        (STEPS[4], "skipped 2026-11-24 18:00", "تم التخطي 2026-11-24 18:00"),
    ],
)
def test_step_state(step: RunStep, en: str, ar: str) -> None:
    assert step_state(step, LATER, "en") == en
    assert step_state(step, START, "ar") == ar


def test_step_state_overdue_in_arabic() -> None:
    assert step_state(STEPS[2], LATER, "ar") == "متأخر عن موعده, الموعد 2026-11-27 09:00"


def test_started_line() -> None:
    assert started_line(OPEN, "en") == (
        "Started INC-1: Incident, 5 steps; first deadline 2026-11-24 10:00 (skipit).\n"
        "Check steps off with: csm done INC-1/triage"
    )
    assert started_line(OPEN._replace(steps=STEPS[3:4]), "ar") == (
        "بدأت INC-1: حادث، خطوة واحدة.\nسجّل إنجاز الخطوات بالأمر: csm done INC-1/close"
    )
    assert started_line(OPEN, "ar") == (
        "بدأت INC-1: حادث، 5 خطوات؛ أول موعد نهائي 2026-11-24 10:00 (skipit).\n"
        "سجّل إنجاز الخطوات بالأمر: csm done INC-1/triage"
    )
    assert started_line(OPEN._replace(steps=STEPS[1:3]), "en") == (
        "Started INC-1: Incident, 2 steps; first deadline 2026-11-25 09:00 (notify).\n"
        "Check steps off with: csm done INC-1/notify"
    )


def test_step_line() -> None:
    assert step_line(OPEN, STEPS[0], check_off("triage", "done", 3), None, "en") == (
        "Done: Triage (INC-1/triage) — late: due 2026-11-24 11:00"
    )
    assert step_line(OPEN, STEPS[0], check_off("triage", "done", 2), None, "en") == (
        "Done: Triage (INC-1/triage) — on time (due 2026-11-24 11:00)"
    )
    assert step_line(OPEN, STEPS[0], check_off("triage", "done", 1), None, "en") == (
        "Done: Triage (INC-1/triage) — on time (due 2026-11-24 11:00)"
    )
    assert step_line(OPEN, STEPS[1], check_off("notify", "done", 5), None, "ar") == (
        "تم: Notify (INC-1/notify) — في الموعد (موعدها 2026-11-25 09:00)"
    )
    assert step_line(OPEN, STEPS[3], check_off("close", "done", 0), None, "en") == (
        "Done: Close (INC-1/close)"
    )
    assert step_line(OPEN, STEPS[4], check_off("skipit", "skip", 9), None, "en") == (
        "Skipped: Skip it (INC-1/skipit)"
    )
    assert step_line(OPEN, STEPS[0], check_off("triage", "skip", 9), None, "en") == (
        "Skipped: Triage (INC-1/triage)"
    )
    assert step_line(OPEN, STEPS[0], check_off("triage", "done", 3), STEPS[4].event, "en") == (
        "Already skipped: INC-1/triage at 2026-11-24 18:00 by Mona; nothing logged."
    )


def test_closed_line() -> None:
    assert closed_line(OPEN, START + timedelta(hours=5), 0) == "Closed INC-1 after 5 hours."
    assert closed_line(OPEN, START + timedelta(hours=5), 1) == (
        "Closed INC-1 after 5 hours, 1 step left open."
    )
    assert closed_line(OPEN, START + timedelta(days=1), 2) == (
        "Closed INC-1 after 1 day, 2 steps left open."
    )


def test_run_list() -> None:
    assert run_list([OPEN, FORCED, QUICK], "en") == (
        "  run    playbook  started           steps                     status\n"
        "  INC-1  incident  2026-11-24 09:00  3/5, 1 late               open\n"
        "  INC-2  incident  2026-11-24 09:00  3/5, 1 late, 2 left open  closed 2026-11-26 13:07\n"
        "  INC-3  incident  2026-11-24 09:00  1/1                       closed 2026-11-24 09:25\n"
    )
    assert run_list([OPEN, FORCED], "ar") == (
        "  الخطة  الدليل    بدأت              الخطوات                    الحالة\n"
        "  INC-1  incident  2026-11-24 09:00  3/5، متأخرة: 1             مفتوح\n"
        "  INC-2  incident  2026-11-24 09:00  3/5، متأخرة: 1، مفتوحة: 2  مغلق 2026-11-26 13:07\n"
    )
    assert run_list([OPEN], "ar") == (
        "  الخطة  الدليل    بدأت              الخطوات         الحالة\n"
        "  INC-1  incident  2026-11-24 09:00  3/5، متأخرة: 1  مفتوح\n"
    )
    assert run_list([], "ar") == "لا توجد خطط عمل.\n"


def test_run_detail() -> None:
    assert run_detail(OPEN, LATER, "en") == (
        "INC-1  Incident — VIP outage\n"
        "started 2026-11-24 09:00 by Mona\n"
        "  1.  triage  Triage   2h          done 2026-11-24 12:00 (late)\n"
        "  2.  notify  Notify   1d          done 2026-11-24 14:00\n"
        "  3.  fix     Fix      3 workdays  OVERDUE, due 2026-11-27 09:00\n"
        "  4.  close   Close                open\n"
        "  5.  skipit  Skip it  1h          skipped 2026-11-24 18:00\n"
    )
    assert run_detail(FORCED, LATER, "ar") == (
        "INC-2  حادث\n"
        "بدأت 2026-11-24 09:00 بواسطة Mona\n"
        "مغلق 2026-11-26 13:07, أُغلقت بعد يومين و4 ساعات (أُغلقت وفيها خطوات مفتوحة): resolved\n"
        "  1.  triage  فرز      2س          تم 2026-11-24 12:00 (متأخر)\n"
        "  2.  notify  Notify   1ي          تم 2026-11-24 14:00\n"
        "  3.  fix     إصلاح    3 أيام عمل  متأخر عن موعده, الموعد 2026-11-27 09:00\n"
        "  4.  close   Close                مفتوح\n"
        "  5.  skipit  Skip it  1س          تم التخطي 2026-11-24 18:00\n"
    )
    assert run_detail(QUICK, LATER, "en") == (
        "INC-3  Incident — VIP outage\n"
        "started 2026-11-24 09:00 by Mona\n"
        "closed 2026-11-24 09:25, closed after 25 minutes\n"
        "  1.  notify  Notify  1d  done 2026-11-24 14:00\n"
    )


def test_today_section() -> None:
    assert today_section([OPEN, QUICK], LATER, "en") == (
        "Open playbook runs\n"
        "  INC-1  Incident — VIP outage\n"
        "    INC-1/fix    Fix    OVERDUE, due 2026-11-27 09:00\n"
        "    INC-1/close  Close  open\n"
        "  INC-3  Incident — VIP outage\n"
    )
    assert today_section([], LATER, "ar") == "خطط العمل المفتوحة\n"


def test_today_shows_an_open_run_whose_steps_are_all_checked_off() -> None:
    settled = OPEN._replace(steps=STEPS[:2])
    for width in (None, 80):
        assert today_section([settled], LATER, "en", width) == (
            "Open playbook runs\n  INC-1  Incident — VIP outage\n"
        )


def test_run_record() -> None:
    assert run_record(FORCED, LATER) == {
        "run": "INC-2",
        "uuid": "uuid1",
        "playbook": "incident",
        "title": {"en": "Incident", "ar": "حادث"},
        "name": "",
        "started_at": "2026-11-24T09:00:00+00:00",
        "started_by": "Mona",
        "closed_at": "2026-11-26T13:07:00+00:00",
        "close_note": "resolved",
        "closed_with_open_steps": True,
        "hours_to_close": 52.12,
        "steps_late": 1,
        "steps": [
            {
                "step": "triage",
                "title": {"en": "Triage", "ar": "فرز"},
                "within": "2h",
                "deadline": "2026-11-24T11:00:00+00:00",
                "state": "done",
                "at": "2026-11-24T12:00:00+00:00",
                "by": "Mona",
                "note": "late!",
                "late": True,
                "overdue": False,
            },
            {
                "step": "notify",
                "title": {"en": "Notify", "ar": ""},
                "within": "1d",
                "deadline": "2026-11-25T09:00:00+00:00",
                "state": "done",
                "at": "2026-11-24T14:00:00+00:00",
                "by": "Mona",
                "note": "",
                "late": False,
                "overdue": False,
            },
            {
                "step": "fix",
                "title": {"en": "Fix", "ar": "إصلاح"},
                "within": "3 workdays",
                "deadline": "2026-11-27T09:00:00+00:00",
                "state": "open",
                "at": None,
                "by": None,
                "note": None,
                "late": False,
                "overdue": True,
            },
            {
                "step": "close",
                "title": {"en": "Close", "ar": ""},
                "within": None,
                "deadline": None,
                "state": "open",
                "at": None,
                "by": None,
                "note": None,
                "late": False,
                "overdue": False,
            },
            {
                "step": "skipit",
                "title": {"en": "Skip it", "ar": ""},
                "within": "1h",
                "deadline": "2026-11-24T10:00:00+00:00",
                "state": "skip",
                "at": "2026-11-24T18:00:00+00:00",
                "by": "Mona",
                "note": "",
                "late": False,
                "overdue": False,
            },
        ],
    }
    record = run_record(OPEN, START)
    assert (record["closed_at"], record["hours_to_close"], record["name"]) == (
        None,
        None,
        "VIP outage",
    )
    assert run_record(QUICK, START)["hours_to_close"] == 0.42


def test_report_lines() -> None:
    assert runs.report_lines([OPEN, FORCED, QUICK], "en") == [
        "Playbook runs",
        "  INC-1  Incident  started 2026-11-24 09:00  still open                                       "
        "1 step late",
        "  INC-2  Incident  started 2026-11-24 09:00  closed after 2 days 4 hours · 2 steps left open  "
        "1 step late",
        "  INC-3  Incident  started 2026-11-24 09:00  closed after 25 minutes                          "
        "0 steps late",
    ]
    assert runs.report_lines([FORCED._replace(steps=STEPS[:1] * 2)], "en")[1].endswith(
        "  2 steps late"
    )
    assert runs.report_lines([], "ar") == ["خطط العمل", "  لا توجد خطط عمل."]


def test_report_markdown() -> None:
    assert runs.report_markdown([OPEN, FORCED, QUICK], "en") == [
        "## Playbook runs",
        "",
        "| run | playbook | started | closed after | steps late |",
        "|---|---|---|---|---:|",
        "| INC-1 | Incident | 2026-11-24 09:00 | still open | 1 |",
        "| INC-2 | Incident | 2026-11-24 09:00 | 2 days 4 hours (2 steps left open) | 1 |",
        "| INC-3 | Incident | 2026-11-24 09:00 | 25 minutes | 0 |",
        "",
    ]
    assert runs.report_markdown([], "ar") == ["## خطط العمل", "", "لا توجد خطط عمل.", ""]


# measures -----------------------------------------------------------------------

CSAT = Measure("csat", Text("Customer satisfaction", "رضا العملاء"), "/5", 4.5, "higher")
COMPLAINTS = Measure("complaints", Text("Complaints handled", ""))
HANDLING = Measure("aht", Text("Handling time", "مدة المعالجة"), " min", 5, "lower")
NPS = Measure("nps", Text("NPS", ""), "", 30, "")
REPORT = Item(
    "monthly-report", Text("Monthly report", ""), None, "ops", Recurrence("monthly"), (), True,
    Path("checklist.yaml"), 1, measures=(CSAT, COMPLAINTS),
)  # fmt: skip
ROWS = [
    MeasureRow("monthly-report", CSAT, 4.6, 4.2, (4.0, 4.2, 4.6)),
    MeasureRow("monthly-report", COMPLAINTS, 132, None, (132,)),
    MeasureRow("x", HANDLING, 6, 5, (7, 5, 6)),
    MeasureRow("x", NPS, None, 20, (20,)),
    MeasureRow("x", CSAT, 4.0, 4.5, (4.5, 4.0)),
]


def test_measures_line() -> None:
    values = [("csat", 4.6, "/5"), ("complaints", 132.0, ""), ("other", 1.25, "%")]
    assert measures.measures_line(REPORT, values, "en") == (
        "Recorded: Customer satisfaction 4.6/5, Complaints handled 132, other 1.25%"
    )
    assert measures.measures_line(REPORT, [("csat", 4.6, "/5")], "ar") == "سُجّل: رضا العملاء 4.6/5"
    assert measures.measures_line(REPORT, values[:2], "ar") == (
        "سُجّل: رضا العملاء 4.6/5، Complaints handled 132"
    )


def test_not_recorded_line() -> None:
    day = date(2026, 11, 30)
    event = Event(
        "u", "monthly-report", "M", "monthly", "done", date(2026, 11, 1), day, day,
        datetime(2026, 11, 30, tzinfo=UTC), "Mona", "", "h",
    )  # fmt: skip
    assert measures.not_recorded_line(event) == (
        "The measures were not recorded: that period was already settled. To record them, "
        "undo it first: csm undo monthly-report --on 2026-11-30"
    )


def test_measures_report_lines() -> None:
    assert measures.report_lines(ROWS, "en") == [
        "Measures",
        "  measure                value  previous  change  target           trend",
        "  Customer satisfaction  4.6/5  4.2/5     +0.4    4.5/5 (met)      ▁▃█",
        "  Complaints handled     132    —         —                        ▄",
        "  Handling time          6 min  5 min     +1      5 min (not met)  █▁▅",
        "  NPS                    —      20        —       30               ▄",
        "  Customer satisfaction  4/5    4.5/5     −0.5    4.5/5 (not met)  █▁",
    ]
    assert measures.report_lines(ROWS[:3], "ar") == [
        "المقاييس",
        "  المقياس             القيمة  السابقة  التغير  الهدف             الاتجاه",
        "  رضا العملاء         4.6/5   4.2/5    +0.4    4.5/5 (تحقق)      ▁▃█",
        "  Complaints handled  132     —        —                         ▄",
        "  مدة المعالجة        6 min   5 min    +1      5 min (لم يتحقق)  █▁▅",
    ]
    assert measures.report_lines(ROWS[:1], "en", spark=False) == [
        "Measures",
        "  measure                value  previous  change  target",
        "  Customer satisfaction  4.6/5  4.2/5     +0.4    4.5/5 (met)",
    ]
    assert measures.report_lines([], "en") == []


def test_measures_report_markdown() -> None:
    assert measures.report_markdown(ROWS, "en") == [
        "## Key figures",
        "",
        "| measure | value | previous | change | target |",
        "|---|---:|---:|---:|---|",
        "| Customer satisfaction | 4.6/5 | 4.2/5 | +0.4 | 4.5/5 (met) |",
        "| Complaints handled | 132 | — | — |  |",
        "| Handling time | 6 min | 5 min | +1 | 5 min (not met) |",
        "| NPS | — | 20 | — | 30 |",
        "| Customer satisfaction | 4/5 | 4.5/5 | −0.5 | 4.5/5 (not met) |",
        "",
    ]
    assert measures.report_markdown(ROWS[:1], "ar") == [
        "## المؤشرات الرئيسية",
        "",
        "| المقياس | القيمة | السابقة | التغير | الهدف |",
        "|---|---:|---:|---:|---|",
        "| رضا العملاء | 4.6/5 | 4.2/5 | +0.4 | 4.5/5 (تحقق) |",
        "",
    ]
    assert measures.report_markdown([], "en") == []


def test_measures_report_json() -> None:
    assert measures.report_json([ROWS[1], ROWS[2]]) == [
        {
            "item": "monthly-report",
            "measure": "complaints",
            "label": {"en": "Complaints handled", "ar": ""},
            "unit": "",
            "value": 132,
            "previous": None,
            "change": None,
            "target": None,
            "better": None,
            "combine": "last",
            "periods": 1,
            "combined": None,
            "on_target": None,
            "history": [132],
        },
        {
            "item": "x",
            "measure": "aht",
            "label": {"en": "Handling time", "ar": "مدة المعالجة"},
            "unit": " min",
            "value": 6,
            "previous": 5,
            "change": 1,
            "target": 5,
            "better": "lower",
            "combine": "last",
            "periods": 1,
            "combined": None,
            "on_target": False,
            "history": [7, 5, 6],
        },
    ]


def test_measures_word() -> None:
    assert measures.word("met", "fr") == "met"
    assert measures.word("met", "ar") == "تحقق"


def test_the_runs_in_arabic() -> None:
    assert step_line(OPEN, STEPS[0], check_off("triage", "done", 3), STEPS[4].event, "ar") == (
        "تُخطيت من قبل: INC-1/triage في 2026-11-24 18:00 بواسطة Mona؛ لم يُسجّل شيء."
    )
    assert step_line(OPEN, STEPS[0], check_off("triage", "skip", 3), STEPS[0].event, "ar") == (
        "أُنجزت من قبل: INC-1/triage في 2026-11-24 12:00 بواسطة Mona؛ لم يُسجّل شيء."
    )
    assert step_line(OPEN, STEPS[0], check_off("triage", "done", 2), None, "ar") == (
        "تم: فرز (INC-1/triage) — في الموعد (موعدها 2026-11-24 11:00)"
    )
    assert step_line(OPEN, STEPS[0], check_off("triage", "done", 3), None, "ar") == (
        "تم: فرز (INC-1/triage) — متأخرة: كان موعدها 2026-11-24 11:00"
    )
    assert step_line(OPEN, STEPS[4], check_off("skipit", "skip", 9), None, "ar") == (
        "تم التخطي: Skip it (INC-1/skipit)"
    )
    assert run_list([FORCED], "ar") == (
        "  الخطة  الدليل    بدأت              الخطوات                    الحالة\n"
        "  INC-2  incident  2026-11-24 09:00  3/5، متأخرة: 1، مفتوحة: 2  مغلق 2026-11-26 13:07\n"
    )
    assert today_section([OPEN], LATER, "ar") == (
        "خطط العمل المفتوحة\n"
        "  INC-1  حادث — VIP outage\n"
        "    INC-1/fix    إصلاح  متأخر عن موعده, الموعد 2026-11-27 09:00\n"
        "    INC-1/close  Close  مفتوح\n"
    )
    assert runs.report_lines([OPEN, FORCED, QUICK], "ar") == [
        "خطط العمل",
        "  INC-1  حادث  بدأت 2026-11-24 09:00  ما زالت مفتوحة                                 "
        "خطوة واحدة متأخرة",
        "  INC-2  حادث  بدأت 2026-11-24 09:00  أُغلقت بعد يومين و4 ساعات · بقيت خطوتان مفتوحة  "
        "خطوة واحدة متأخرة",
        "  INC-3  حادث  بدأت 2026-11-24 09:00  أُغلقت بعد 25 دقيقة                             "
        "لا خطوات متأخرة",
    ]
    assert runs.report_markdown([OPEN, FORCED, QUICK], "ar") == [
        "## خطط العمل",
        "",
        "| الخطة | الدليل | بدأت | أُغلقت بعد | خطوات متأخرة |",
        "|---|---|---|---|---:|",
        "| INC-1 | حادث | 2026-11-24 09:00 | ما زالت مفتوحة | 1 |",
        "| INC-2 | حادث | 2026-11-24 09:00 | يومين و4 ساعات (بقيت خطوتان مفتوحة) | 1 |",
        "| INC-3 | حادث | 2026-11-24 09:00 | 25 دقيقة | 0 |",
        "",
    ]


def test_a_measure_without_values_is_left_out_with_its_empty_section() -> None:
    empty = MeasureRow("x", HANDLING, None, None, ())
    assert measures.report_lines([empty], "en") == []
    assert measures.report_markdown([empty], "en") == []
    earlier = MeasureRow("x", HANDLING, None, 4.0, ())
    assert measures.report_lines([earlier], "en")[2] == (
        "  Handling time  —      4 min     —       5 min"
    )
    assert measures.report_markdown([earlier], "en")[4] == (
        "| Handling time | — | 4 min | — | 5 min |"
    )


def test_durations_and_close_in_the_readers_language(monkeypatch: pytest.MonkeyPatch) -> None:
    assert duration(timedelta(hours=3, minutes=10), "ar") == "3 ساعات و10 دقائق"
    assert duration(timedelta(days=1, hours=23), "ar") == "يوم و23 ساعة"
    assert duration(timedelta(days=1, hours=23), "en") == "1 day 23 hours"
    monkeypatch.setattr(runs, "current", lambda: "ar")
    assert duration(timedelta(hours=3, minutes=10)) == "3 ساعات و10 دقائق"
    assert closed_line(OPEN, START + timedelta(hours=5), 0) == "أُغلقت INC-1 بعد 5 ساعات."
    assert closed_line(OPEN, START + timedelta(days=1), 2) == (
        "أُغلقت INC-1 بعد يوم، وبقيت خطوتان مفتوحة."
    )
    assert closed_line(OPEN, START + timedelta(minutes=3), 1) == (
        "أُغلقت INC-1 بعد 3 دقائق، وبقيت خطوة واحدة مفتوحة."
    )


LIST_ROWS = [
    "INC-1  incident  2026-11-24 09:00  3/5, 1 late               open",
    "INC-2  incident  2026-11-24 09:00  3/5, 1 late, 2 left open  closed 2026-11-26 13:07",
    "INC-3  incident  2026-11-24 09:00  1/1                       closed 2026-11-24 09:25",
]


@pytest.mark.parametrize(
    ("width", "lines"),
    [
        # 86 cells is exactly the widest row.
        (86, ["run    playbook  started           steps                     status", *LIST_ROWS]),
        (85, ["run    started           steps                     status"]
         + [row[:7] + row[17:] for row in LIST_ROWS]),
        (75, ["run    steps                     status"] + [row[:7] + row[35:] for row in LIST_ROWS]),
        # Narrower still: the time of closing goes; nothing is shortened.
        (57, ["run    steps                     status"]
         + [re.sub(r" ..:..$", "", row[:7] + row[35:]) for row in LIST_ROWS]),
        # Narrower still: only whether it is open or closed.
        (30, ["run    steps                     status"]
         + [re.sub(r" [0-9-]{10} ..:..$", "", row[:7] + row[35:]) for row in LIST_ROWS]),
    ],
)  # fmt: skip
def test_run_list_leaves_out_the_playbook_then_the_start(width: int, lines: list[str]) -> None:
    assert run_list([OPEN, FORCED, QUICK], "en", width) == "".join(f"  {x}\n" for x in lines)


STEP_ROWS = [
    ("1.  ", "triage  Triage   ", "2h          ", "done 2026-11-24 12:00 (late)"),
    ("2.  ", "notify  Notify   ", "1d          ", "done 2026-11-24 14:00"),
    ("3.  ", "fix     Fix      ", "3 workdays  ", "OVERDUE, due 2026-11-27 09:00"),
    ("4.  ", "close   Close    ", "            ", "open"),
    ("5.  ", "skipit  Skip it  ", "1h          ", "skipped 2026-11-24 18:00"),
]


CLOSED = "closed 2026-11-26 13:07, closed after 2 days 4 hours"
FORCED_NOTE = "  (closed with open steps): resolved"


@pytest.mark.parametrize(
    ("width", "closed", "steps"),
    [
        # 64 cells is exactly the widest step; then the time limit goes,
        # then the number, then each state goes under its step. The moments
        # and the time it took are never cut: they go on the next line.
        (64, [CLOSED, FORCED_NOTE], ["  " + "".join(row) for row in STEP_ROWS]),
        (63, [CLOSED, FORCED_NOTE], ["  " + a + b + d for a, b, _, d in STEP_ROWS]),
        (
            51,
            [CLOSED[:24], "  " + CLOSED[25:], FORCED_NOTE],
            ["  " + b + d for _, b, _, d in STEP_ROWS],
        ),
        (
            47,
            [CLOSED[:24], "  " + CLOSED[25:], FORCED_NOTE],
            [x for _, b, _, d in STEP_ROWS for x in ("  " + b.rstrip(), "      " + d)],
        ),
    ],
)
def test_run_detail_fits_the_terminal(width: int, closed: list[str], steps: list[str]) -> None:
    assert run_detail(FORCED, LATER, "en", width).split("\n") == [
        "INC-2  Incident",
        "started 2026-11-24 09:00 by Mona",
        *closed,
        *steps,
        "",
    ]


def test_run_detail_shortens_its_heading_lines_but_never_a_state() -> None:
    assert run_detail(FORCED, LATER, "en", 20).split("\n")[:9] == [
        "INC-2  Incident",
        "started 2026-11-24…",
        "  by Mona",
        "closed 2026-11-26 1…",
        "  closed after 2 da…",
        "  (closed with open…",
        "  resolved",
        "  triage  Triage",
        "      done 2026-11-24 12:00 (late)",
    ]
    assert run_detail(OPEN, LATER, "en", 20).split("\n")[0] == "INC-1  Incident — V…"


LONG = OPEN._replace(
    steps=(
        STEPS[2]._replace(title=Text("Fix the root cause and write it up for the customer", "")),
    )
)


def test_a_long_step_title_is_shortened_after_the_time_limit_goes() -> None:
    # At 80 cells the title keeps 20 or more beside the time limit; at 70
    # it would not, so the time limit goes first.
    assert run_detail(LONG, LATER, "en", 80) == (
        "INC-1  Incident — VIP outage\n"
        "started 2026-11-24 09:00 by Mona\n"
        "  1.  fix  Fix the root cause and wr…  3 workdays  OVERDUE, due 2026-11-27 09:00\n"
    )
    assert run_detail(LONG, LATER, "en", 70) == (
        "INC-1  Incident — VIP outage\n"
        "started 2026-11-24 09:00 by Mona\n"
        "  1.  fix  Fix the root cause and writ…  OVERDUE, due 2026-11-27 09:00\n"
    )
    assert run_detail(LONG, LATER, "en", 40) == (
        "INC-1  Incident — VIP outage\n"
        "started 2026-11-24 09:00 by Mona\n"
        "  fix  Fix the root cause and write it…\n"
        "      OVERDUE, due 2026-11-27 09:00\n"
    )
    assert today_section([LONG], LATER, "en", 70) == (
        "Open playbook runs\n"
        "  INC-1  Incident — VIP outage\n"
        "    INC-1/fix  Fix the root cause and…   OVERDUE, due 2026-11-27 09:00\n"
    )
    assert today_section([LONG], LATER, "en", 40) == (
        "Open playbook runs\n"
        "  INC-1  Incident — VIP outage\n"
        "    INC-1/fix  Fix the root cause and w…\n"
        "        OVERDUE, due 2026-11-27 09:00\n"
    )


def test_today_section_fits_the_terminal() -> None:
    # 53 cells is exactly the widest step.
    assert today_section([OPEN], LATER, "en", 53) == (
        "Open playbook runs\n"
        "  INC-1  Incident — VIP outage\n"
        "    INC-1/fix    Fix    OVERDUE, due 2026-11-27 09:00\n"
        "    INC-1/close  Close  open\n"
    )
    assert today_section([OPEN], LATER, "en", 52) == (
        "Open playbook runs\n"
        "  INC-1  Incident — VIP outage\n"
        "    INC-1/fix    Fix\n"
        "        OVERDUE, due 2026-11-27 09:00\n"
        "    INC-1/close  Close\n"
        "        open\n"
    )
    assert today_section([OPEN], LATER, "en", 20).split("\n")[1] == "  INC-1  Incident —…"
    assert today_section([OPEN], LATER, "ar", 50) == (
        "خطط العمل المفتوحة\n"
        "  INC-1  حادث — VIP outage\n"
        "    INC-1/fix    إصلاح\n"
        "        متأخر عن موعده, الموعد 2026-11-27 09:00\n"
        "    INC-1/close  Close\n"
        "        مفتوح\n"
    )


def test_run_views_in_arabic_at_a_width() -> None:
    assert run_list([OPEN], "ar", 60) == (
        "  الخطة  الدليل    بدأت              الخطوات         الحالة\n"
        "  INC-1  incident  2026-11-24 09:00  3/5، متأخرة: 1  مفتوح\n"
    )
    assert run_detail(FORCED, LATER, "ar", 60) == (
        "INC-2  حادث\n"
        "بدأت 2026-11-24 09:00 بواسطة Mona\n"
        "مغلق 2026-11-26 13:07, أُغلقت بعد يومين و4 ساعات\n"
        "  (أُغلقت وفيها خطوات مفتوحة): resolved\n"
        "  triage  فرز      تم 2026-11-24 12:00 (متأخر)\n"
        "  notify  Notify   تم 2026-11-24 14:00\n"
        "  fix     إصلاح    متأخر عن موعده, الموعد 2026-11-27 09:00\n"
        "  close   Close    مفتوح\n"
        "  skipit  Skip it  تم التخطي 2026-11-24 18:00\n"
    )
