"""`csm today` and `csm due` end to end: the built-in checklist, a real log
prepared with `csm done` / `csm skip`, fixed dates, exact output."""

from __future__ import annotations

import json
import re

import pytest

from bidi import unmarked
from clihelp import run, track_from


@pytest.fixture
def history() -> None:
    """A manager (Mona, Mon-Fri) who logged a few things in November 2026."""
    assert run("config", "set", "user", "Mona").exit_code == 0
    track_from("2026-11-01")
    steps = [
        ("done", "monitor-accounts", "--on", "2026-11-16", "--note", "2 escalations"),
        ("done", "daily-engagement", "resolve-issues", "--on", "2026-11-23"),
        ("skip", "team-meeting", "--on", "2026-11-23", "--reason", "public holiday"),
        ("done", "campaign-prep", "--on", "2026-11-18"),
        ("done", "performance-review", "--on", "2026-11-20"),
    ]
    for step in steps:
        result = run(*step)
        assert result.exit_code == 0, result.stderr


DAILY = ("monitor-accounts", "daily-engagement", "team-supervision", "resolve-issues")

TODAY_PLAIN = """\
Monday 2026-11-23 · workday

  [ ]  monitor-accounts  Monitor the accounts  daily   due 2026-11-23
  [x]  daily-engagement  Engage customers      daily   done 2026-11-23 by Mona
  [ ]  team-supervision  Manage the team       daily   due 2026-11-23
  [x]  resolve-issues    Solve problems        daily   done 2026-11-23 by Mona
  [-]  team-meeting      Team meeting          weekly  skipped 2026-11-23 by Mona — "public holiday"
  [!]  annual-goals      Set goals             annual  overdue 2026-11-13

Missed last period
  [?]  monitor-accounts   Monitor the accounts  2026-11-20              log it late: csm done monitor-accounts --on 2026-11-20
  [?]  daily-engagement   Engage customers      2026-11-20              log it late: csm done daily-engagement --on 2026-11-20
  [?]  team-supervision   Manage the team       2026-11-20              log it late: csm done team-supervision --on 2026-11-20
  [?]  resolve-issues     Solve problems        2026-11-20              log it late: csm done resolve-issues --on 2026-11-20
  [?]  team-meeting       Team meeting          2026-11-16..2026-11-22  log it late: csm done team-meeting --on 2026-11-22
  [?]  feedback-analysis  Analyse feedback      2026-11-16..2026-11-22  log it late: csm done feedback-analysis --on 2026-11-22
  (or skip one: csm skip monitor-accounts --on 2026-11-20 --reason "...")

Progress
  daily      [##########----------] 2/4
  weekly     [=====---------------] 0/4 (1 skipped)
  monthly    [--------------------] 0/4
  quarterly  [--------------------] 0/4
  annual     [--------------------] 0/3
"""


def test_today_plain_output_is_exact(history: None) -> None:
    result = run("today", "--on", "2026-11-23")
    assert result.exit_code == 0
    assert result.stdout == TODAY_PLAIN
    assert result.stderr == ""


def test_bare_csm_is_today(history: None) -> None:
    # Bare csm takes no --on, so compare its shape with today's for the real date.
    assert run().stdout == run("today").stdout


def test_plain_output_has_no_colour_or_box_drawing(history: None) -> None:
    out = run("today", "--on", "2026-11-23", "--all").stdout
    assert "\x1b[" not in out
    assert not set("│─┃━╭╮╰╯┏┓┗┛") & set(out)


def test_today_json_shape_and_values(history: None) -> None:
    result = run("today", "--on", "2026-11-23", "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)  # exactly one JSON document, nothing else
    assert list(doc) == ["date", "workday", "items", "missed", "progress"]
    assert doc["date"] == "2026-11-23"
    assert doc["workday"] is True
    assert [(i["id"], i["status"]) for i in doc["items"]] == [
        ("monitor-accounts", "due"),
        ("daily-engagement", "done"),
        ("team-supervision", "due"),
        ("resolve-issues", "done"),
        ("team-meeting", "skipped"),
        ("annual-goals", "overdue"),
    ]
    skipped = doc["items"][4]
    assert skipped == {
        "id": "team-meeting",
        "title": "Team meeting",
        "cadence": "weekly",
        "area": "team-management",
        "period_start": "2026-11-23",
        "period_end": "2026-11-29",
        "due": "2026-11-26",
        "status": "skipped",
        "logged_at": skipped["logged_at"],
        "for_date": "2026-11-23",
        "by": "Mona",
        "note": "public holiday",
    }
    # A timestamp with its UTC offset.
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d", skipped["logged_at"]
    )
    assert [(m["id"], m["log_late"], m["skip"]) for m in doc["missed"]] == [
        *(
            (item, f"csm done {item} --on 2026-11-20", f"csm skip {item} --on 2026-11-20")
            for item in DAILY
        ),
        (
            "team-meeting",
            "csm done team-meeting --on 2026-11-22",
            "csm skip team-meeting --on 2026-11-22",
        ),
        (
            "feedback-analysis",
            "csm done feedback-analysis --on 2026-11-22",
            "csm skip feedback-analysis --on 2026-11-22",
        ),
    ]
    assert doc["progress"] == {
        "daily": {"done": 2, "skipped": 0, "total": 4},
        "weekly": {"done": 0, "skipped": 1, "total": 4},
        "monthly": {"done": 0, "skipped": 0, "total": 4},
        "quarterly": {"done": 0, "skipped": 0, "total": 4},
        "annual": {"done": 0, "skipped": 0, "total": 3},
    }


def test_the_late_command_it_prints_clears_the_miss(history: None) -> None:
    assert run("done", "feedback-analysis", "--on", "2026-11-22").exit_code == 0
    assert run("done", "team-supervision", "--on", "2026-11-20").exit_code == 0
    doc = json.loads(run("today", "--on", "2026-11-23", "--json").stdout)
    assert [m["id"] for m in doc["missed"]] == [
        "monitor-accounts",
        "daily-engagement",
        "resolve-issues",
        "team-meeting",
    ]


def test_yesterdays_daily_misses_are_the_previous_workdays() -> None:
    # Monday's "yesterday" is Friday for a Mon-Fri team; nothing is missed on
    # a day before tracking began.
    track_from("2026-11-20")
    assert run("done", "monitor-accounts", "daily-engagement", "--on", "2026-11-20").exit_code == 0
    doc = json.loads(run("today", "--on", "2026-11-23", "--json").stdout)
    daily = [(m["id"], m["period_start"]) for m in doc["missed"] if m["cadence"] == "daily"]
    assert daily == [("team-supervision", "2026-11-20"), ("resolve-issues", "2026-11-20")]
    doc = json.loads(run("today", "--on", "2026-11-20", "--json").stdout)
    assert doc["missed"] == []


def test_a_weekend_shows_only_non_daily_items_that_need_action(history: None) -> None:
    result = run("today", "--on", "2026-11-28")
    assert result.stdout.splitlines()[0] == "Saturday 2026-11-28 · not a workday"
    doc = json.loads(run("today", "--on", "2026-11-28", "--json").stdout)
    assert doc["workday"] is False
    assert "daily" not in {i["cadence"] for i in doc["items"]}
    assert {i["status"] for i in doc["items"]} <= {"due", "overdue", "done", "skipped"}


def test_all_lists_every_item_in_its_current_period(history: None) -> None:
    doc = json.loads(run("today", "--on", "2026-11-23", "--all", "--json").stdout)
    assert len(doc["items"]) == 19
    assert doc["items"][-1]["id"] == "annual-review"


def test_sunday_to_thursday_week(history: None) -> None:
    run("config", "set", "workdays", "sun-thu")
    run("config", "set", "week_start", "sunday")
    doc = json.loads(run("today", "--on", "2026-11-27", "--json").stdout)  # a Friday
    assert doc["workday"] is False
    by_id = {
        i["id"]: i
        for i in json.loads(run("due", "-p", "week", "--on", "2026-11-27", "--json").stdout)[
            "items"
        ]
    }
    assert by_id["performance-review"]["period_start"] == "2026-11-22"
    assert by_id["performance-review"]["due"] == "2026-11-26"
    assert by_id["performance-review"]["status"] == "overdue"


def test_arabic_titles_in_text_and_json(history: None) -> None:
    run("config", "set", "lang", "ar")
    out = unmarked(run("today", "--on", "2026-11-23").stdout)
    assert out.splitlines()[0] == "الاثنين 2026-11-23 · يوم عمل"
    assert "مراقبة الحسابات" in out
    doc = json.loads(run("today", "--on", "2026-11-23", "--json").stdout)
    assert doc["items"][0]["title"] == "مراقبة الحسابات"


DUE_QUARTER = """\
Monday 2026-11-23 · workday
This quarter: 2026-10-01..2026-12-31 (Q4 FY2026)

  [.]  policy-review       Policy review                quarterly  upcoming 2026-12-31
  [.]  service-evaluation  Customer service evaluation  quarterly  upcoming 2026-12-31
  [.]  expand-support      Expand support               quarterly  upcoming 2026-12-31
  [.]  improve-automation  Improve the technology       quarterly  upcoming 2026-12-31
  [!]  annual-goals        Set goals                    annual     overdue 2026-11-13
  [.]  annual-budget       Set the budget               annual     upcoming 2026-11-30
  [.]  annual-review       Performance evaluation       annual     upcoming 2026-12-31
"""


def test_due_quarter_plain_output_is_exact(history: None) -> None:
    result = run("due", "--period", "quarter", "--on", "2026-11-23")
    assert (result.exit_code, result.stdout) == (0, DUE_QUARTER)


def test_due_without_period_lists_open_items_only(history: None) -> None:
    doc = json.loads(run("due", "--on", "2026-11-23", "--json").stdout)
    assert [(i["id"], i["status"]) for i in doc["items"]] == [
        ("monitor-accounts", "due"),
        ("team-supervision", "due"),
        ("annual-goals", "overdue"),
    ]


@pytest.mark.parametrize("alias", ["month", "monthly"])
def test_due_period_takes_both_spellings(history: None, alias: str) -> None:
    doc = json.loads(run("due", "--period", alias, "--on", "2026-11-23", "--json").stdout)
    assert doc["period"] == {
        "cadence": "monthly",
        "name": "November 2026",
        "start": "2026-11-01",
        "end": "2026-11-30",
    }
    assert [i["id"] for i in doc["items"]] == [
        "monthly-report",
        "team-training",
        "monthly-feedback",
        "stay-informed",
        "annual-goals",
        "annual-budget",
    ]


def test_due_week_includes_a_monthly_item_due_inside_it(history: None) -> None:
    doc = json.loads(run("due", "--period", "week", "--on", "2026-11-30", "--json").stdout)
    ids = [i["id"] for i in doc["items"]]
    assert ids[:4] == ["campaign-prep", "team-meeting", "performance-review", "feedback-analysis"]
    assert "monthly-report" in ids  # due Mon 2026-11-30, inside the week


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("today", "--on", "2026-02-30"),
            "Error: --on '2026-02-30' is not a date (day is out of range for month).\n",
        ),
        (("today", "--on", "tomorrow-ish"), "Error: --on 'tomorrow-ish' is not a date.\n"),
        (
            ("due", "--on", "2026-13-01"),
            "Error: --on '2026-13-01' is not a date (month must be in 1..12).\n",
        ),
        (("due", "--period", "fortnight"), "Error: --period 'fortnight' is not a period.\n"),
    ],
)
def test_bad_dates_and_periods_exit_2_with_one_line(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    first, hint = result.stderr.splitlines()
    assert first + "\n" == message
    assert hint.startswith("Hint: ")
    assert "Traceback" not in result.stderr


def test_all_names_what_is_not_expected(history: None) -> None:
    # Saturday: daily duties are not expected, and say so in both languages.
    out = run("today", "--on", "2026-11-21", "--all").stdout
    assert "  monitor-accounts    Monitor the accounts" in out
    line = next(line for line in out.splitlines() if "monitor-accounts" in line)
    assert line.endswith("daily      not expected")
    run("config", "set", "lang", "ar")
    line = next(
        line
        for line in unmarked(run("today", "--on", "2026-11-21", "--all").stdout).splitlines()
        if "monitor-accounts" in line
    )
    assert line.endswith("غير متوقعة")


def test_views_look_at_tomorrow_and_logging_refuses_it() -> None:
    doc = json.loads(run("today", "--on", "tomorrow", "--json").stdout)
    today = json.loads(run("today", "--json").stdout)["date"]
    assert doc["date"] > today
    refused = run("done", "monitor-accounts", "--on", "tomorrow")
    assert refused.exit_code == 2
    assert "is in the future" in refused.stderr


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _terminal_today(monkeypatch: pytest.MonkeyPatch, columns: int) -> list[str]:
    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", str(columns))
    out = _ANSI.sub("", run("today", "--on", "2026-11-23").stdout)
    return out.splitlines()


def _with_a_long_note() -> None:
    note = "a long note about two escalations\nand what the team agreed"
    assert run("done", "monitor-accounts", "--on", "2026-11-23", "--note", note).exit_code == 0


@pytest.mark.parametrize("columns", [60, 80, 100, 120])
def test_today_fits_the_terminal(
    history: None, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    _with_a_long_note()
    from rich.cells import cell_len

    lines = _terminal_today(monkeypatch, columns)
    assert max(cell_len(line) for line in lines) <= columns
    # Ids, statuses and dates are never shortened.
    text = "\n".join(lines)
    for whole in ("monitor-accounts", "done 2026-11-23", "overdue 2026-11-13", "2026-11-20"):
        assert whole in text


def test_today_at_60_columns(history: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_a_long_note()
    assert _terminal_today(monkeypatch, 60)[2:23] == [
        "  [x]  monitor-accounts  Monitor the ac…  done 2026-11-23",
        "  [x]  daily-engagement  Engage custome…  done 2026-11-23",
        "  [ ]  team-supervision  Manage the team  due 2026-11-23",
        "  [x]  resolve-issues    Solve problems   done 2026-11-23",
        "  [-]  team-meeting      Team meeting     skipped 2026-11-23",
        "  [!]  annual-goals      Set goals        overdue 2026-11-13",
        "",
        "Missed last period — log it late:",
        "  [?]  monitor-accounts   Monitor t…  2026-11-20",
        "       csm done monitor-accounts --on 2026-11-20",
        "  [?]  daily-engagement   Engage cu…  2026-11-20",
        "       csm done daily-engagement --on 2026-11-20",
        "  [?]  team-supervision   Manage th…  2026-11-20",
        "       csm done team-supervision --on 2026-11-20",
        "  [?]  resolve-issues     Solve pro…  2026-11-20",
        "       csm done resolve-issues --on 2026-11-20",
        "  [?]  team-meeting       Team meet…  2026-11-16..2026-11-22",
        "       csm done team-meeting --on 2026-11-22",
        "  [?]  feedback-analysis  Analyse f…  2026-11-16..2026-11-22",
        "       csm done feedback-analysis --on 2026-11-22",
        '  (or skip one: csm skip ID --on DATE --reason "...")',
    ]


def test_today_at_80_columns(history: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_a_long_note()
    assert _terminal_today(monkeypatch, 80)[2:12] == [
        "  [x]  monitor-accounts  Monitor the acco…  daily   done 2026-11-23     by Mona…",
        "  [x]  daily-engagement  Engage customers   daily   done 2026-11-23     by Mona",
        "  [ ]  team-supervision  Manage the team    daily   due 2026-11-23",
        "  [x]  resolve-issues    Solve problems     daily   done 2026-11-23     by Mona",
        "  [-]  team-meeting      Team meeting       weekly  skipped 2026-11-23  by Mona…",
        "  [!]  annual-goals      Set goals          annual  overdue 2026-11-13",
        "",
        "Missed last period",
        "  [?]  monitor-accounts   Monitor the accounts  2026-11-20",
        "       log it late: csm done monitor-accounts --on 2026-11-20",
    ]
