"""Tamper evidence on the team's PostgreSQL store: the same chain as a
manager's own log for the same history, a superuser's edit caught, and the
chain of a record kept before it built by `csm team upgrade`."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from csm_checklist.store.sqlite import SqliteStore
from test_chain import T0, event

from clihelp import run


def history(store: Any) -> None:
    """test_chain's history, as member mona (the server signs her corrections
    and her entries: each entry is logged by her in either engine)."""
    entries = [event(0, note="2 escalations"), event(1), event(2, note='a "quoted"\nnote')]
    store.record([entry._replace(logged_by="mona") for entry in entries])
    store.change_note(event(0).uuid, "3 escalations", T0 + timedelta(days=3), "mona", "desk-1")
    store.undo_latest(
        T0 + timedelta(days=4), item_id="monitor-accounts", for_date=event(1).for_date
    )


@pytest.fixture
def shared(team: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    from csm_checklist.store.postgres import PostgresStore

    with PostgresStore.open(team.url("mona")) as store:
        history(store)
    monkeypatch.setenv("CSM_STORE", team.url("mona"))
    return team


def _head(team: Any) -> tuple[int, str]:
    from csm_checklist.store.postgres import PostgresStore

    with PostgresStore.open(team.url("mona")) as store:
        return store.chain_head()


def test_the_same_history_gives_the_same_chain_in_both_engines(shared: Any, tmp_path: Path) -> None:
    with SqliteStore.open(tmp_path / "log.sqlite3") as store:
        history(store)
        mine = store.chain_head()
    assert mine[0] == 5
    assert _head(shared) == mine
    result = run("verify")
    assert (result.exit_code, result.stdout) == (
        0,
        f"The log matches its chain (links: 5; head {mine[1]}).\n",
    )


def _as_superuser(team: Any, *statements: str) -> None:
    with team.connect() as admin:
        for statement in statements:
            admin.execute(statement)


def test_a_note_changed_by_the_superuser_is_named(shared: Any) -> None:
    _as_superuser(
        shared,
        "ALTER TABLE csm.events DISABLE TRIGGER USER",
        f"UPDATE csm.events SET note = 'nothing to see' WHERE uuid = '{event(2).uuid}'",
        "ALTER TABLE csm.events ENABLE TRIGGER USER",
    )
    result = run("verify")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "The log does not match its chain at link 3: the entry of monitor-accounts "
        "for 2026-11-04 (id 00000002) was changed."
    )


def test_a_note_changed_by_the_superuser_with_the_triggers_on_is_named(shared: Any) -> None:
    # The server's own trail records the change, but no link holds it.
    _as_superuser(
        shared, f"UPDATE csm.events SET note = 'nothing to see' WHERE uuid = '{event(2).uuid}'"
    )
    result = run("verify", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["broken"]["uuid"] == event(2).uuid


def test_a_row_deleted_by_the_superuser_is_caught(shared: Any) -> None:
    _as_superuser(
        shared,
        "ALTER TABLE csm.events DISABLE TRIGGER USER",
        f"DELETE FROM csm.events WHERE uuid = '{event(2).uuid}'",
        "ALTER TABLE csm.events ENABLE TRIGGER USER",
    )
    result = run("verify")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "The log does not match its chain at link 3: the entry with id 00000002 is missing."
    )


def test_undo_and_corrections_through_the_cli_keep_the_team_chain_valid(shared: Any) -> None:
    earlier = _head(shared)[1]
    for args in (("note", "00000002", "fixed"), ("undo", "monitor-accounts", "--on", "2026-11-04")):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
    result = run("verify", "--head", earlier[:8])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == (
        f"Head {earlier} is the log's chain at link 5 of 7: "
        "the report it came from matches the log.\n"
    )


def test_a_team_export_restored_into_sqlite_verifies(
    shared: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = tmp_path / "team.json"
    result = run("export", "--format", "json", "--include-undone", "-o", str(exported))
    assert result.exit_code == 0, result.stderr
    monkeypatch.delenv("CSM_STORE")
    result = run("import", str(exported))
    assert result.exit_code == 0, result.stderr
    result = run("verify")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("The log matches its chain (links: 5; head ")


def test_upgrade_builds_the_chain_of_a_record_kept_before_it(shared: Any) -> None:
    from csm_checklist.store import pg_admin

    before = _head(shared)
    _as_superuser(
        shared,
        "DROP TABLE csm.chain",
        "DELETE FROM csm.migrations WHERE name = 'create_chain'",
    )
    assert pg_admin.upgrade(shared.url()) == ["create_chain"]
    assert _head(shared) == before
    assert run("verify").exit_code == 0


def test_one_export_imported_into_either_engine_gives_the_same_chain(
    team: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # jsonl: the entries and their undo. (A json backup with a corrected note
    # is refused by a team's record today, "no entry": a matter of its own.)
    with SqliteStore.open(tmp_path / "first" / "log.sqlite3") as store:
        history(store)
    monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "first"))
    exported = tmp_path / "history.jsonl"
    result = run("export", "--format", "jsonl", "--include-undone", "-o", str(exported))
    assert result.exit_code == 0, result.stderr
    monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "second"))
    assert run("import", str(exported)).exit_code == 0
    mine = run("verify").stdout
    # The administrator restores it: each entry keeps who logged it (a member
    # or a lead bringing it in would be its logger, and so its link's).
    monkeypatch.setenv("CSM_STORE", team.url())
    result = run("import", str(exported))
    assert result.exit_code == 0, result.stderr
    assert run("verify").stdout == mine
    assert mine.startswith("The log matches its chain (links: 4; head ")
