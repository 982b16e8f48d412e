"""`csm assign` on the team's store: only leads assign, and the server
itself refuses a member's change (row-level security), whatever client
they use; the team's members are the people csm knows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timezone
from typing import Any

import pytest
import time_machine

from clihelp import run


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel("2026-11-23 09:30:00+00:00", tick=False):
        yield


def as_member(monkeypatch: pytest.MonkeyPatch, team: Any, login: str) -> None:
    monkeypatch.setenv("CSM_STORE", team.url(login))


def test_a_lead_assigns_and_each_member_sees_their_turn(
    team: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_member(monkeypatch, team, "sara")
    result = run("assign", "monitor-accounts", "mona", "ali")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "monitor-accounts: mona, ali take turns, one per period, from 2026-11-23.\n"
        "First period (2026-11-23): mona.\n"
    )
    as_member(monkeypatch, team, "mona")
    doc = json.loads(run("today", "--mine", "--json").stdout)
    assert doc["me"] == "mona"
    assert [(i["id"], i["owner"]) for i in doc["items"]] == [("monitor-accounts", "mona")]
    as_member(monkeypatch, team, "ali")
    doc = json.loads(run("today", "--mine", "--json").stdout)
    assert (doc["me"], doc["items"]) == ("ali", [])
    history = run("history").stdout
    assert history.endswith(
        "Assignments (csm assign)\n"
        "  2026-11-23  monitor-accounts: mona, ali take turns, one per period, from "
        "2026-11-23 (by sara).\n"
    )


def test_a_member_is_refused_by_csm_and_by_the_server(
    team: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_member(monkeypatch, team, "mona")
    result = run("assign", "monitor-accounts", "mona")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "Error: Only a lead assigns duties on the team's store (mona is a member).\n"
        "Hint: Ask a lead of the team to run this command.\n"
    )
    # Past csm's own check, the server refuses the row itself.
    from csm_checklist.errors import NotMet
    from csm_checklist.store.assignment_records import AssignmentRecord
    from csm_checklist.store.postgres import PostgresStore

    record = AssignmentRecord(
        "a-1",
        "monitor-accounts",
        date(2026, 11, 23),
        ("mona",),
        datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc),
        "mona",
    )
    with PostgresStore.open(team.url("mona")) as store, pytest.raises(NotMet) as refused:
        store.add_assignment(record)
    assert "row-level security" in str(refused.value)
    with PostgresStore.open(team.url("mona")) as store:
        assert store.assignments() == []
    # And a lead's row cannot be changed or removed, even by the lead.
    with PostgresStore.open(team.url("sara")) as store:
        store.add_assignment(record._replace(by="sara"))
        assert [r.by for r in store.assignments()] == ["sara"]  # the login, whatever was sent
    import psycopg

    with team.connect("sara") as conn, pytest.raises(psycopg.Error):
        conn.execute("DELETE FROM csm.assignments")


def test_the_team_members_are_the_people(team: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    as_member(monkeypatch, team, "sara")
    result = run("assign", "monitor-accounts", "mnoa")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: Unknown person 'mnoa'.\n"
        "Hint: Did you mean 'mona'? The team's members: ali, mona, sara. An administrator "
        "adds members with `csm team add`.\n"
    )
