"""--tag on list, today and report, and --by on report: a manager looking at
part of the checklist, or at one person's work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import time_machine

from csm_checklist.duties.checklists import load_catalog

from clihelp import run, track_from

MONDAY = "2026-11-23"
TUESDAY = "2026-11-24"


@pytest.fixture(autouse=True)
def manager(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    track_from("2026-11-01")


def _ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _tagged(tag: str) -> list[str]:
    catalog = load_catalog(None)
    return [item.id for item in catalog.enabled_items() if tag in item.tags]


def test_list_by_tag_in_any_case() -> None:
    listed = json.loads(_ok("list", "--tag", "Campaigns", "--json"))
    assert [item["id"] for item in listed["items"]] == _tagged("campaigns")
    assert _tagged("campaigns") == ["campaign-prep", "team-meeting"]
    text = _ok("list", "--tag", "campaigns")
    assert text.splitlines()[-1] == "2 items"


@pytest.mark.parametrize("command", [("list",), ("today",), ("report",)])
def test_an_unknown_tag_is_bad_input_naming_the_known_tags(command: tuple[str, ...]) -> None:
    result = run(*command, "--tag", "teem")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: --tag 'teem' is not a tag of any item.\n"
        "Hint: Tags in your checklists: campaigns, planning, report, team.\n"
    )


def test_today_by_tag_shows_only_those_items_and_their_progress() -> None:
    document = json.loads(_ok("today", "--on", TUESDAY, "--all", "--tag", "team", "--json"))
    assert sorted(item["id"] for item in document["items"]) == sorted(_tagged("team"))
    assert document["progress"]["daily"]["total"] == 1
    assert document["tag"] == "team"
    plain = _ok("today", "--on", TUESDAY, "--tag", "TEAM")
    assert plain.splitlines()[0] == "Tuesday 2026-11-24 · workday · tag: team"
    assert "team-supervision" in plain and "monitor-accounts" not in plain
    assert "tag" not in json.loads(_ok("today", "--on", TUESDAY, "--json"))


def _week_of_two_people() -> None:
    _ok("done", "team-supervision", "team-meeting", "--on", MONDAY, "--by", "Omar")
    _ok("done", "monitor-accounts", "campaign-prep", "--on", MONDAY)
    _ok("done", "team-supervision", "--on", TUESDAY)


def _report(*args: str) -> dict[str, object]:
    document = json.loads(
        _ok("report", "--period", "week", "--on", TUESDAY, "--format", "json", *args)
    )
    assert isinstance(document, dict)
    return document


def test_report_by_tag_counts_only_tagged_items_and_their_events() -> None:
    _week_of_two_people()
    document = _report("--tag", "team")
    ids = {item["id"] for item in document["items"]}  # type: ignore[attr-defined]
    # The tagged items with a period due that week (the annual ones are not).
    assert ids and ids <= set(_tagged("team"))
    assert "team-meeting" in ids
    # campaign-prep's event is not counted as that of a removed item.
    assert all(o["id"] in ids for o in document["outcomes"])  # type: ignore[attr-defined]
    assert document["tag"] == "team"
    assert "by" not in document
    whole = _report()
    assert "tag" not in whole and len(whole["items"]) > len(ids)  # type: ignore[arg-type]


def test_report_by_person_counts_the_periods_they_settled() -> None:
    _week_of_two_people()
    document = _report("--by", "omar")
    items = {item["id"]: item for item in document["items"]}  # type: ignore[attr-defined]
    assert set(items) == {"team-supervision", "team-meeting"}
    # Tuesday's team supervision was Mona's, and Wednesday is still open for
    # anyone: neither is Omar's, so neither is counted.
    assert {k: items["team-supervision"][k] for k in ("expected", "done", "missed", "open")} == {
        "expected": 1,
        "done": 1,
        "missed": 0,
        "open": 0,
    }
    assert items["team-meeting"]["done"] == 1
    assert {o["by"] for o in document["outcomes"]} == {"Omar"}  # type: ignore[attr-defined]
    assert document["by"] == "Omar"  # as it was logged, not as typed
    assert document["total"]["missed"] == 0  # type: ignore[index]


def test_report_by_person_leaves_out_days_nobody_logged() -> None:
    _ok("done", "team-supervision", "--on", "2026-11-23", "--by", "Omar")
    # Nothing at all on the 24th and 25th: missed for the team, not for Omar.
    whole = json.loads(_ok("report", "--period", "week", "--on", "2026-11-26", "--format", "json"))
    assert whole["total"]["missed"] > 0
    theirs = json.loads(
        _ok("report", "--period", "week", "--on", "2026-11-26", "-f", "json", "--by", "Omar")
    )
    assert theirs["total"]["missed"] == 0 and theirs["total"]["done"] == 1


def test_report_by_heading_says_whose_report_it_is() -> None:
    _week_of_two_people()
    # On Tuesday itself the week is still running, so it is judged as of the
    # day asked; read on any later day it would be judged as of its Sunday.
    with time_machine.travel("2026-11-24 15:00:00+00:00", tick=False):
        lines = _ok("report", "--period", "week", "--on", TUESDAY, "--by", "Omar", "--tag", "team")
    assert lines.splitlines()[1] == (
        "2026-11-23 → 2026-11-29 · as of 2026-11-24 · tag: team · done by Omar"
    )
    with time_machine.travel("2026-12-04 09:00:00+00:00", tick=False):
        later = _ok("report", "--period", "week", "--on", TUESDAY, "--by", "Omar", "--tag", "team")
    assert later.splitlines()[1] == (
        "2026-11-23 → 2026-11-29 · as of 2026-11-29 · tag: team · done by Omar"
    )
    md = _ok("report", "--period", "week", "--on", TUESDAY, "--by", "Omar", "--format", "md")
    assert "· done by Omar" in md.splitlines()[2]


def test_report_by_someone_who_logged_nothing_is_empty() -> None:
    _week_of_two_people()
    document = _report("--by", "Sara")
    assert document["items"] == [] and document["outcomes"] == []
