"""Owners in the views, end to end: `csm today` (my duties first, then the
team's with their owners; --mine), `csm due`, `csm show`, `csm assign` from
a date, leave (`csm off add --who`), in English and Arabic.

The rotation of monitor-accounts is [ali, mona] from the tracking start,
Monday 2 November 2026, over Mon-Fri workdays with a holiday on Thursday
19 November (no turn). Counted by hand, turn by turn: 2 ali, 3 mona, 4 ali,
5 mona, 6 ali, 9 mona, 10 ali, 11 mona, 12 ali, 13 mona, 16 ali, 17 mona,
18 ali, (19 off), 20 mona, 23 ali, 24 mona, 25 ali, 26 mona, 27 ali, 30
mona, 1 Dec ali. Ali is on leave on Friday 27 November, his turn: Mona
covers it, and Monday 30 is still her own turn; Tuesday is Ali's again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from clihelp import read, run

OWNERS_FILE = """\
items:
  - id: monitor-accounts
    rotate: [ali, mona]
  - id: performance-review
    assign: sara
  - id: team-supervision
    assign: mona
"""


def on(day: str, *args: str) -> object:
    with time_machine.travel(f"{day} 17:00:00+00:00", tick=False):
        result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result


@pytest.fixture
def team_of_three(config_dir: Path) -> None:
    (config_dir / "checklists").mkdir(parents=True)
    (config_dir / "checklists" / "owners.yaml").write_text(OWNERS_FILE, encoding="utf-8")
    on("2026-11-02", "config", "set", "user", "Mona")
    on("2026-11-02", "config", "set", "people", "mona, ali, sara")
    on("2026-11-02", "history", "start", "2026-11-02")
    on("2026-11-25", "off", "add", "2026-11-27", "--who", "ali")
    on("2026-11-25", "off", "add", "2026-11-19", "--reason", "Holiday")


@pytest.fixture
def friday() -> Iterator[None]:
    with time_machine.travel("2026-11-27 17:00:00+00:00", tick=False):
        yield


TODAY = """\
Friday 2026-11-27 · workday

My duties
  [ ]  monitor-accounts  Monitor the accounts  daily  due 2026-11-27
  [ ]  team-supervision  Manage the team       daily  due 2026-11-27

The team's duties and their owners
  [ ]  daily-engagement    Engage customers       daily   team  due 2026-11-27
  [ ]  resolve-issues      Solve problems         daily   team  due 2026-11-27
  [!]  campaign-prep       Prepare for campaigns  weekly  team  overdue 2026-11-25
  [!]  team-meeting        Team meeting           weekly  team  overdue 2026-11-26
  [ ]  performance-review  Review performance     weekly  sara  due 2026-11-27
  [ ]  feedback-analysis   Analyse feedback       weekly  team  due 2026-11-27
  [!]  annual-goals        Set goals              annual  team  overdue 2026-11-13

Missed last period
  [?]  monitor-accounts    Monitor the accounts   2026-11-26              mona  log it late: csm done monitor-accounts --on 2026-11-26
  [?]  team-supervision    Manage the team        2026-11-26              mona  log it late: csm done team-supervision --on 2026-11-26
  [?]  daily-engagement    Engage customers       2026-11-26              team  log it late: csm done daily-engagement --on 2026-11-26
  [?]  resolve-issues      Solve problems         2026-11-26              team  log it late: csm done resolve-issues --on 2026-11-26
  [?]  campaign-prep       Prepare for campaigns  2026-11-16..2026-11-22  team  log it late: csm done campaign-prep --on 2026-11-22
  [?]  team-meeting        Team meeting           2026-11-16..2026-11-22  team  log it late: csm done team-meeting --on 2026-11-22
  [?]  performance-review  Review performance     2026-11-16..2026-11-22  sara  log it late: csm done performance-review --on 2026-11-22
  [?]  feedback-analysis   Analyse feedback       2026-11-16..2026-11-22  team  log it late: csm done feedback-analysis --on 2026-11-22
  (or skip one: csm skip monitor-accounts --on 2026-11-26 --reason "...")

Progress
  daily      [--------------------] 0/4
  weekly     [--------------------] 0/4
  monthly    [--------------------] 0/4
  quarterly  [--------------------] 0/4
  annual     [--------------------] 0/3
"""


def test_today_shows_my_duties_first(team_of_three: None, friday: None) -> None:
    result = run("today")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == TODAY


MINE = """\
Friday 2026-11-27 · workday

My duties
  [ ]  monitor-accounts  Monitor the accounts  daily  due 2026-11-27
  [ ]  team-supervision  Manage the team       daily  due 2026-11-27

Missed last period
  [?]  monitor-accounts  Monitor the accounts  2026-11-26  mona  log it late: csm done monitor-accounts --on 2026-11-26
  [?]  team-supervision  Manage the team       2026-11-26  mona  log it late: csm done team-supervision --on 2026-11-26
  (or skip one: csm skip monitor-accounts --on 2026-11-26 --reason "...")

Progress
  daily      [--------------------] 0/4
  weekly     [--------------------] 0/4
  monthly    [--------------------] 0/4
  quarterly  [--------------------] 0/4
  annual     [--------------------] 0/3
"""


def test_today_mine_shows_only_mine(team_of_three: None, friday: None) -> None:
    assert run("today", "--mine").stdout == MINE


def test_ali_sees_his_turn_on_tuesday(team_of_three: None, config_dir: Path) -> None:
    on("2026-12-01", "config", "set", "user", "ali")
    result = on("2026-12-01", "today", "--mine", "--json")
    doc = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert doc["me"] == "ali"
    assert [(i["id"], i["owner"], i.get("rotate")) for i in doc["items"]] == [
        ("monitor-accounts", "ali", ["ali", "mona"])
    ]


DUE = """\
Friday 2026-11-27 · workday
Open items

  [ ]  monitor-accounts    Monitor the accounts   daily   mona  due 2026-11-27
  [ ]  daily-engagement    Engage customers       daily   team  due 2026-11-27
  [ ]  team-supervision    Manage the team        daily   mona  due 2026-11-27
  [ ]  resolve-issues      Solve problems         daily   team  due 2026-11-27
  [!]  campaign-prep       Prepare for campaigns  weekly  team  overdue 2026-11-25
  [!]  team-meeting        Team meeting           weekly  team  overdue 2026-11-26
  [ ]  performance-review  Review performance     weekly  sara  due 2026-11-27
  [ ]  feedback-analysis   Analyse feedback       weekly  team  due 2026-11-27
  [!]  annual-goals        Set goals              annual  team  overdue 2026-11-13
"""


def test_due_names_owners(team_of_three: None, friday: None) -> None:
    assert run("due").stdout == DUE
    doc = json.loads(run("due", "--json").stdout)
    first = doc["items"][0]
    assert (first["id"], first["owner"], first["rotate"]) == (
        "monitor-accounts",
        "mona",
        ["ali", "mona"],
    )
    by_id = {item["id"]: item for item in doc["items"]}
    assert by_id["daily-engagement"]["owner"] is None
    assert "rotate" not in by_id["daily-engagement"]
    assert by_id["performance-review"]["owner"] == "sara"
    assert "rotate" not in by_id["performance-review"]
    # Every field of §4 is still there.
    assert set(first) == {
        "id",
        "title",
        "cadence",
        "area",
        "period_start",
        "period_end",
        "due",
        "status",
        "owner",
        "rotate",
    }


SHOW_ROWS = """\
  owner          mona
  rotation       ali, mona
  next due       2026-11-27 (mona), 2026-11-30 (mona), 2026-12-01 (ali), 2026-12-02 (mona), 2026-12-03 (ali)
"""


def test_show_names_the_owner_and_the_next_turns(team_of_three: None, friday: None) -> None:
    result = run("show", "monitor-accounts")
    assert SHOW_ROWS in result.stdout
    doc = json.loads(run("show", "monitor-accounts", "--json").stdout)
    assert (doc["owner"], doc["rotate"], doc["next_owners"], doc["assignments"]) == (
        "mona",
        ["ali", "mona"],
        ["mona", "mona", "ali", "mona", "ali"],
        [],
    )


TODAY_AR = """\
الجمعة 2026-11-27 · يوم عمل

مهامي
  [ ]  monitor-accounts  مراقبة الحسابات  يومي  مستحق 2026-11-27
  [ ]  team-supervision  إدارة الفريق     يومي  مستحق 2026-11-27

مهام الفريق ومالكوها
  [ ]  daily-engagement    إشراك العملاء      يومي    الفريق  مستحق 2026-11-27
  [ ]  resolve-issues      حل المشكلات        يومي    الفريق  مستحق 2026-11-27
  [!]  campaign-prep       الاستعداد للحملات  أسبوعي  الفريق  متأخر 2026-11-25
  [!]  team-meeting        اجتماعات الفريق    أسبوعي  الفريق  متأخر 2026-11-26
  [ ]  performance-review  مراجعة الأداء      أسبوعي  sara    مستحق 2026-11-27
  [ ]  feedback-analysis   تحليل الملاحظات    أسبوعي  الفريق  مستحق 2026-11-27
  [!]  annual-goals        تحديد الهدف        سنوي    الفريق  متأخر 2026-11-13
"""

SHOW_AR = """\
  المالك               mona
  التناوب              ali، mona
  الاستحقاقات القادمة  2026-11-27 (mona)، 2026-11-30 (mona)، 2026-12-01 (ali)، 2026-12-02 (mona)، 2026-12-03 (ali)
"""


def test_owners_in_arabic(team_of_three: None, friday: None) -> None:
    assert run("config", "set", "lang", "ar").exit_code == 0
    assert read("today").stdout.startswith(TODAY_AR)
    assert SHOW_AR in read("show", "monitor-accounts").stdout
    mine = read("today", "--mine").stdout
    assert "مهامي\n" in mine and "مهام الفريق" not in mine
    result = read("assign", "monitor-accounts", "sara", "--from", "2026-11-30")
    assert result.stdout == (
        "monitor-accounts: يملكها sara من 2026-11-30.\nأول فترة (2026-11-30): sara.\n"
    )
    result = read("assign", "monitor-accounts", "sarah")
    assert result.exit_code == 2
    assert result.stderr == (
        "خطأ: شخص غير معروف 'sarah'.\n"
        "تلميح: هل تقصد 'sara'؟ الأشخاص: mona, ali, sara. أضف شخصًا بالأمر "
        '`csm config set people "mona, ali, sara, LOGIN"`.\n'
    )


# csm assign ----------------------------------------------------------------------


def test_assign_from_a_date_keeps_every_earlier_period(team_of_three: None) -> None:
    week = ("due", "--period", "week", "--on", "2026-11-23")
    before = on("2026-11-27", *week).stdout  # type: ignore[attr-defined]
    report_before = on("2026-11-27", "report", "--on", "2026-11-27", "--format", "json").stdout  # type: ignore[attr-defined]
    result = on("2026-11-27", "assign", "monitor", "sara", "mona", "--from", "2026-11-30")
    assert result.stdout == (  # type: ignore[attr-defined]
        "monitor-accounts: sara, mona take turns, one per period, from 2026-11-30.\n"
        "First period (2026-11-30): sara.\n"
    )
    assert on("2026-11-27", *week).stdout == before  # type: ignore[attr-defined]
    report = on("2026-11-27", "report", "--on", "2026-11-27", "--format", "json").stdout  # type: ignore[attr-defined]
    assert report == report_before
    doc = json.loads(on("2026-12-01", "due", "--json").stdout)  # type: ignore[attr-defined]
    monitor = next(i for i in doc["items"] if i["id"] == "monitor-accounts")
    # 30 Nov sara (the first turn), 1 Dec mona.
    assert (monitor["owner"], monitor["rotate"]) == ("mona", ["sara", "mona"])
    doc = json.loads(on("2026-11-30", "due", "--json").stdout)  # type: ignore[attr-defined]
    monitor = next(i for i in doc["items"] if i["id"] == "monitor-accounts")
    assert monitor["owner"] == "sara"
    # Friday 27, the day of the change, keeps its owner.
    doc = json.loads(on("2026-11-27", "due", "--json").stdout)  # type: ignore[attr-defined]
    monitor = next(i for i in doc["items"] if i["id"] == "monitor-accounts")
    assert monitor["owner"] == "mona"
    history = on("2026-12-01", "history").stdout  # type: ignore[attr-defined]
    assert history.endswith(
        "Assignments (csm assign)\n"
        "  2026-11-27  monitor-accounts: sara, mona take turns, one per period, from "
        "2026-11-30 (by mona).\n"
    )


def test_assign_nobody_and_one_owner(team_of_three: None) -> None:
    result = on("2026-11-27", "assign", "performance-review", "--nobody")
    assert result.stdout == (  # type: ignore[attr-defined]
        "performance-review: the team's duty, with no owner, from 2026-11-27.\n"
    )
    result = on("2026-11-27", "assign", "resolve-issues", "ali", "--from", "tomorrow")
    assert result.stdout == (  # type: ignore[attr-defined]
        "resolve-issues: owned by ali from 2026-11-28.\n"
        "First period (2026-11-30): ali.\n"  # Saturday and Sunday expect nothing
    )
    doc = json.loads(on("2026-11-30", "due", "--json").stdout)  # type: ignore[attr-defined]
    by_id = {item["id"]: item for item in doc["items"]}
    assert by_id["resolve-issues"]["owner"] == "ali"


@pytest.mark.parametrize(
    ("args", "error", "hint"),
    [
        (
            ("monitor", "mnoa"),
            "Error: Unknown person 'mnoa'.",
            "Hint: Did you mean 'mona'? People: mona, ali, sara. Add someone with "
            '`csm config set people "mona, ali, sara, LOGIN"`.',
        ),
        (
            ("monitor", "ali", "ali"),
            "Error: ali is named twice.",
            "Hint: Name each person once; the rotation goes round them in order.",
        ),
        (
            ("monitor",),
            "Error: Name one person, several (a rotation), or --nobody.",
            "Hint: Example: csm assign monitor-accounts mona  ·  csm assign monitor-accounts "
            "mona ali sara  ·  csm assign monitor-accounts --nobody",
        ),
        (
            ("monitor", "ali", "--nobody"),
            "Error: Name one person, several (a rotation), or --nobody.",
            "Hint: Example: csm assign monitor-accounts mona  ·  csm assign monitor-accounts "
            "mona ali sara  ·  csm assign monitor-accounts --nobody",
        ),
        (
            ("monitor", "ali", "--from", "2026-11-26"),
            "Error: --from 2026-11-26 is before today (2026-11-27): an assignment changes "
            "owners from a day on, never the past.",
            "Hint: Leave out --from to assign from today, or name a later day.",
        ),
    ],
)
def test_assign_refuses_bad_input(
    team_of_three: None, friday: None, args: tuple[str, ...], error: str, hint: str
) -> None:
    result = run("assign", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{error}\n{hint}\n"
    assert run("history").stdout.count("Assignments") == 0  # nothing was recorded


def test_personal_mode_needs_the_people_named(friday: None) -> None:
    assert run("config", "set", "user", "mona").exit_code == 0
    result = run("assign", "monitor", "ali")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: Unknown person 'ali'.\n"
        'Hint: People: mona. Add someone with `csm config set people "mona, LOGIN"`.\n'
    )


def test_a_checklist_naming_someone_unknown_is_refused(config_dir: Path, friday: None) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    path = folder / "owners.yaml"
    path.write_text("items:\n  - id: monitor-accounts\n    rotate: [ali, mnoa]\n", encoding="utf-8")
    assert run("config", "set", "people", "mona, ali").exit_code == 0
    assert run("config", "set", "user", "Mona").exit_code == 0  # me: mona, already named
    result = run("today")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {path}, line 3, item 'monitor-accounts': unknown person 'mnoa'.\n"
        "Hint: Did you mean 'mona'? People: mona, ali. Add someone with "
        '`csm config set people "mona, ali, LOGIN"`.\n'
    )


def test_without_owners_mine_is_empty(friday: None) -> None:
    result = run("today", "--mine")
    assert result.stdout.startswith(
        "Friday 2026-11-27 · workday\n\nMy duties\n  Nothing of yours is due.\n"
    )


# Leave ---------------------------------------------------------------------------


def test_leave_is_not_a_day_off_for_the_team(team_of_three: None, config_dir: Path) -> None:
    text = (config_dir / "days-off.yaml").read_text(encoding="utf-8")
    assert "  - date: 2026-11-27\n    who: ali\n" in text
    result = on("2026-11-27", "today", "--json")
    doc = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert doc["workday"] is True and "day_off" not in doc
    listed = on("2026-11-27", "off", "list").stdout  # type: ignore[attr-defined]
    assert listed == "2026-11-19  1  Holiday\n2026-11-27  1  -        leave: ali\n"
    # Removing the team's days leaves Ali's leave alone, and --who removes it.
    assert on("2026-11-27", "off", "remove", "2026-11-19..2026-11-27").stdout == (  # type: ignore[attr-defined]
        "Removed 1 day(s) off: 2026-11-19.\n"
    )
    assert on("2026-11-27", "off", "remove", "2026-11-27", "--who", "ali").exit_code == 0  # type: ignore[attr-defined]
    assert "who:" not in (config_dir / "days-off.yaml").read_text(encoding="utf-8")


def test_leave_of_someone_unknown_is_refused(team_of_three: None, friday: None) -> None:
    result = run("off", "add", "2026-12-01", "--who", "aly")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Unknown person 'aly'.\nHint: Did you mean 'ali'?")


def test_people_complete_for_assign_and_who(team_of_three: None) -> None:
    from test_completion_cli import complete

    assert complete("assign monitor-accounts ") == ["mona", "ali", "sara"]
    assert complete("assign monitor-accounts mona a") == ["ali"]
    assert complete("off add 2026-12-01 --who s") == ["sara"]


def test_a_json_backup_carries_the_assignments(
    team_of_three: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on("2026-11-27", "assign", "monitor-accounts", "sara", "--from", "2026-11-30")
    on("2026-11-27", "done", "resolve-issues")
    backup = tmp_path / "backup.json"
    on("2026-11-27", "export", "--format", "json", "-o", str(backup))
    monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "new-machine"))
    on("2026-11-27", "import", str(backup))
    on("2026-11-27", "import", str(backup))  # twice: nothing doubles
    doc = json.loads(on("2026-11-30", "due", "--json").stdout)  # type: ignore[attr-defined]
    monitor = next(i for i in doc["items"] if i["id"] == "monitor-accounts")
    assert monitor["owner"] == "sara"
    history = on("2026-11-30", "history").stdout  # type: ignore[attr-defined]
    assert history.count("monitor-accounts: owned by sara from 2026-11-30 (by mona).") == 1


def test_as_logged_sees_the_owners_recorded_by_then(team_of_three: None) -> None:
    # Recorded on Friday 27 at 17:00, effective from Monday 30: asked as the
    # record stood on Friday morning, Monday is still the rota's turn (ali).
    on("2026-11-27", "assign", "monitor-accounts", "sara", "--from", "2026-11-30")
    asked = ("today", "--json", "--on", "2026-11-30")

    def owner(*extra: str) -> object:
        doc = json.loads(on("2026-12-01", *asked, *extra).stdout)  # type: ignore[attr-defined]
        return next(i for i in doc["items"] if i["id"] == "monitor-accounts")["owner"]

    assert owner() == "sara"
    assert owner("--as-logged", "2026-11-27T09:00") == "mona"
    assert owner("--as-logged", "2026-11-27T18:00") == "sara"
