"""`csm list`: the loaded checklist, in the manager's language, for people
and for scripts."""

from __future__ import annotations

import json

import pytest

from clihelp import run

BUILTIN_ITEMS = 19
BOX_DRAWING = set("│─┃━╭╮╰╯┏┓┗┛┡┩╇┼├┤")
WEEKLY = ["performance-review", "feedback-analysis", "campaign-prep", "team-meeting"]


def test_list_in_english_by_default() -> None:
    result = run("list")
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Support policies [support-policies]"
    assert any(line.split()[:3] == ["team-meeting", "Team", "meeting"] for line in lines)
    assert "every Thursday" in result.stdout
    assert "Crisis management [crisis-management]\n  (no items)" in result.stdout
    assert lines[-1] == f"{BUILTIN_ITEMS} items"


def test_plain_output_has_no_box_drawing() -> None:
    for args in (["list"], ["list", "--group", "cadence"], ["list", "--all"]):
        out = run(*args).stdout
        assert not BOX_DRAWING & set(out), args


def test_exact_plain_output_for_one_cadence() -> None:
    result = run("list", "--cadence", "annual")
    assert result.stdout == (
        "Team management [team-management]\n"
        "  annual-review  Performance evaluation  annual  last workday of the year\n"
        "  annual-goals   Set goals               annual  15 November\n"
        "  annual-budget  Set the budget          annual  30 November\n"
        "\n"
        "3 items\n"
    )


def test_list_in_arabic_after_config_set_lang_ar() -> None:
    assert run("config", "set", "lang", "ar").exit_code == 0
    result = run("list")
    assert result.exit_code == 0
    assert "اجتماعات الفريق" in result.stdout
    assert "سياسات الدعم [support-policies]" in result.stdout
    assert "يوم الخميس من كل أسبوع" in result.stdout
    assert "Team meeting" not in result.stdout
    doc = json.loads(run("list", "--json").stdout)
    titles = {item["id"]: item["title"] for item in doc["items"]}
    assert titles["annual-budget"] == "وضع الميزانية"
    assert doc["areas"][0]["title"] == "سياسات الدعم"


def test_json_is_one_document_with_every_item() -> None:
    result = run("list", "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert set(doc) == {"areas", "items"}
    assert len(doc["items"]) == BUILTIN_ITEMS
    assert len(doc["areas"]) == 8
    assert set(doc["areas"][0]) == {"id", "title", "details"}
    meeting = next(item for item in doc["items"] if item["id"] == "team-meeting")
    assert meeting == {
        "id": "team-meeting",
        "title": "Team meeting",
        "details": meeting["details"],
        "area": "team-management",
        "cadence": "weekly",
        "due": "thu",
        "due_text": "every Thursday",
        "rrule": None,
        "start": None,
        "tags": ["team", "campaigns"],
        "enabled": True,
        "measures": [],
    }
    assert meeting["details"].startswith("Meet the team")
    budget = next(item for item in doc["items"] if item["id"] == "annual-budget")
    assert budget["due"] == {"month": "nov", "day": 30}


@pytest.mark.parametrize("name", ["weekly", "week", "WEEKLY"])
def test_cadence_filter(name: str) -> None:
    doc = json.loads(run("list", "--cadence", name, "--json").stdout)
    assert [item["id"] for item in doc["items"]] == WEEKLY
    plain = run("list", "--cadence", name).stdout
    assert "Crisis management" not in plain  # empty areas are left out of a filtered list
    assert plain.splitlines()[-1] == "4 items"


def test_an_unknown_cadence_is_bad_input() -> None:
    result = run("list", "--cadence", "fortnightly")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: --cadence 'fortnightly' is not a cadence.\n"
        "Hint: Use daily, weekly, monthly, quarterly, annual or rrule "
        "(or day, week, month, quarter, year).\n"
    )


def test_an_unknown_grouping_is_bad_input() -> None:
    result = run("list", "--group", "tag")
    assert result.exit_code == 2
    assert "Use area or cadence." in result.stderr


def test_group_by_cadence_reads_daily_to_annual() -> None:
    headings = [
        line for line in run("list", "--group", "cadence").stdout.splitlines() if "[" in line
    ]
    assert headings == [
        "Daily [daily]",
        "Weekly [weekly]",
        "Monthly [monthly]",
        "Quarterly [quarterly]",
        "Annual [annual]",
    ]


def test_nothing_matches() -> None:
    result = run("list", "--cadence", "rrule")
    assert result.exit_code == 0
    assert result.stdout == "No items match.\n"
    assert json.loads(run("list", "--cadence", "rrule", "--json").stdout)["items"] == []


def test_the_terminal_view(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", "160")
    result = run("list", "--cadence", "weekly")
    assert result.exit_code == 0
    assert "team-meeting" in result.stdout
    assert "every Thursday" in result.stdout
    assert "4 items" in result.stdout
    run("config", "set", "lang", "ar")
    arabic = run("list", "--cadence", "weekly").stdout
    assert "اجتماعات الفريق" in arabic


def test_help_has_an_example() -> None:
    result = run("list", "--help")
    assert result.exit_code == 0
    assert "Example: csm list --cadence weekly" in result.stdout
