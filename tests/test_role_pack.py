"""The role pack: off by default, switched on and off with `csm checklist
enable|disable role`, recorded in the history like any change of the
checklists, and every duty traceable to the role description."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine
import yaml

from csm_checklist.duties.catalog import builtin_dir

from clihelp import run

SOURCE = Path("/work/shared/seeds/customer-service-manager-role.ar.txt")
ROLE_FILE = builtin_dir() / "role" / "role.yaml"
ROLE_ITEMS = 11


@contextmanager
def at(moment: str) -> Iterator[None]:
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


def _ids() -> set[str]:
    return {item["id"] for item in json.loads(ok("list", "--json"))["items"]}


def test_off_by_default_then_on_then_off(config_dir: Path) -> None:
    with at("2027-03-01T09:00"):
        assert "agent-goals" not in _ids()
        assert ok("checklist", "enable", "role") == (
            f"The role pack is on: {ROLE_ITEMS} items are tracked from 2027-03-01. "
            "See them with: csm list\n"
        )
        assert "agent-goals" in _ids()
        assert (config_dir / "packs").read_text(encoding="utf-8").splitlines()[-1] == "role"
        assert ok("checklist", "enable", "role") == "The role pack is already on.\n"
        assert ok("checklist", "validate") == "OK: 30 items in 9 areas from 8 files\n"
    with at("2027-03-09T09:00"):
        assert ok("checklist", "disable", "role").startswith("The role pack is off from 2027-03-09")
        assert "agent-goals" not in _ids()


def test_an_unknown_pack_is_refused() -> None:
    result = run("checklist", "enable", "roles")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "Error: There is no built-in pack 'roles'.\nHint: Packs: role ("
    )


def test_disabling_keeps_the_history_and_past_reports() -> None:
    with at("2027-03-01T08:00"):  # Monday: csm's first morning
        ok("today")
    with at("2027-03-01T09:00"):
        ok("checklist", "enable", "role")
    with at("2027-03-03T11:00"):
        ok("done", "agent-goals", "--note", "1:1s with every agent")
    with at("2027-03-09T09:00"):
        week = ok("report", "--period", "week", "--on", "2027-03-03")
        month_json = ok("report", "--period", "month", "--on", "2027-03-03", "--format", "json")
        assert "Check each agent's goals" in week
        ok("checklist", "disable", "role")
        assert ok("report", "--period", "week", "--on", "2027-03-03") == week
        month_after = ok("report", "--period", "month", "--on", "2027-03-03", "--format", "json")
        history = ok("history")
    with at("2027-04-20T09:00"):
        # Long after, the week and the month read the same, and the event is kept.
        assert ok("report", "--period", "week", "--on", "2027-03-03") == week
        logged = json.loads(ok("log", "--json", "--all"))["events"]
        this_week = ok("report", "--period", "week")
    # The month still running when the pack was switched off: as it was.
    assert month_after == month_json
    goals = [i for i in json.loads(month_after)["items"] if i["id"] == "agent-goals"]
    assert goals[0]["done"] == 1
    assert [e["item_id"] for e in logged] == ["agent-goals"]
    assert "Check each agent's goals" not in this_week
    # The history names the day the pack came and the day it went.
    assert "  2027-03-01  added agent-goals\n" in history
    assert "  2027-03-09  removed agent-goals\n" in history


def _quotes(path: Path) -> dict[str, list[str]]:
    """Each item id and the `# Source:` comment lines above it."""
    quotes: dict[str, list[str]] = {}
    pending: list[str] = []
    collecting = False
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("# Source:"):
            pending = [stripped.removeprefix("# Source:").strip()]
            collecting = True
        elif collecting and stripped.startswith("#") and not re.match(r"# [A-Z]", stripped):
            pending.append(stripped.lstrip("# ").strip())
        elif stripped.startswith("- id:"):
            quotes[stripped.removeprefix("- id:").strip()] = pending
            pending, collecting = [], False
        else:
            collecting = False
    return quotes


@pytest.mark.skipif(not SOURCE.exists(), reason="the role description is not on this machine")
def test_every_role_duty_quotes_a_sentence_of_the_role_description() -> None:
    source = " ".join(SOURCE.read_text(encoding="utf-8").split())
    items = yaml.safe_load(ROLE_FILE.read_text(encoding="utf-8"))["items"]
    quotes = _quotes(ROLE_FILE)
    assert len(items) == ROLE_ITEMS
    for item in items:
        quote = " ".join(quotes[item["id"]])
        assert quote, item["id"]
        for part in quote.split("..."):
            part = part.strip().rstrip(".")
            assert part and part in source, (item["id"], part)
        assert item["title"]["en"] and item["title"]["ar"]
        assert item["details"]["en"] and item["details"]["ar"]
