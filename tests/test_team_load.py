"""The team's record under load and failure, against a real PostgreSQL over
loopback TCP: many members at once, a connection killed mid-write, two
administrators upgrading at once, a client older than the record."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from csm_checklist.errors import LogError
from csm_checklist.store.records import Event, new_uuid

MEMBERS = 20
ENTRIES = 100
SHARED = 50  # of each member's entries, this many are periods every member logs
DAY = date(2026, 11, 23)


def _event(item: str, day: date, by: str, minute: int = 0) -> Event:
    return Event(
        uuid=new_uuid(),
        item_id=item,
        title=item.title(),
        cadence="daily",
        kind="done",
        period_start=day,
        period_end=day,
        for_date=day,
        logged_at=datetime(2026, 11, 23, 9, minute % 60, tzinfo=timezone.utc),
        by=by,
        note="",
        host="test",
    )


def test_twenty_members_at_once_lose_nothing_and_double_nothing(team: Any) -> None:
    from csm_checklist.store import pg_admin
    from csm_checklist.store.postgres import PostgresStore

    logins = [f"m{n:02d}" for n in range(1, MEMBERS + 1)]
    for login in logins:
        pg_admin.add_member(team.url(), login, login.upper(), False)
    start = threading.Barrier(MEMBERS)
    written: dict[str, list[str]] = {}
    refused: dict[str, int] = {}
    failures: list[BaseException] = []

    def member(login: str) -> None:
        try:
            with PostgresStore.open(team.url(login, tcp=True)) as store:
                mine: list[str] = []
                lost_race = 0
                start.wait()
                for k in range(ENTRIES):
                    if k < SHARED:  # everyone logs these periods: one wins each
                        event = _event(f"shared-{k % 25}", DAY + timedelta(days=k // 25), login, k)
                    else:
                        event = _event(f"own-{login}-{k}", DAY, login, k)
                    [(_logged, existing)] = store.record([event])
                    if existing is None:
                        mine.append(event.uuid)
                    else:
                        assert existing.item_id == event.item_id
                        lost_race += 1
                written[login] = mine
                refused[login] = lost_race
        except BaseException as exc:  # reported below, in the test's thread
            failures.append(exc)

    threads = [threading.Thread(target=member, args=(login,)) for login in logins]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with team.connect() as admin:
        rows = admin.execute("SELECT uuid, logged_by, item_id FROM csm.events").fetchall()
        doubled = admin.execute(
            "SELECT item_id, period_start FROM csm.events WHERE undone_at IS NULL "
            "GROUP BY item_id, period_start HAVING count(*) > 1"
        ).fetchall()
    stored = {uuid: login for uuid, login, _item in rows}
    # Nothing lost: every write reported done is there, logged by its member.
    for login, uuids in written.items():
        assert all(stored.get(uuid) == login for uuid in uuids)
    # Nothing doubled: one entry per shared period, each member's own all in.
    assert len(rows) == MEMBERS * (ENTRIES - SHARED) + SHARED
    assert len(stored) == len(rows)
    assert doubled == []
    assert sum(refused.values()) == MEMBERS * SHARED - SHARED
    # The hash chain took every entry once, one writer after another.
    with PostgresStore.open(team.url("mona")) as store:
        verdict = store.verify_chain()
    assert verdict.broken is None
    assert verdict.verified == len(rows)


def test_a_connection_killed_mid_write_and_retried_doubles_nothing(team: Any) -> None:
    from csm_checklist.store.postgres import PostgresStore

    event = _event("monitor", DAY, "Mona")._replace(logged_by="mona")
    store = PostgresStore.open(team.url("mona", tcp=True))
    pid = store._conn.info.backend_pid
    with team.connect() as admin, pytest.raises(LogError) as failed, store._write() as conn:
        store._record_one(conn, event, {})
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    assert "team's server" in failed.value.message.text("en")
    store.close()
    for _retry in range(2):  # the retry, then a retry of a write that did land
        with PostgresStore.open(team.url("mona", tcp=True)) as again:
            assert again.record([event]) == [(event, None)]
    with team.connect() as admin:
        assert admin.execute("SELECT count(*) FROM csm.events").fetchone() == (1,)


def test_an_older_client_refuses_a_newer_record(team: Any) -> None:
    from csm_checklist.store.postgres import PostgresStore

    with team.connect() as admin:
        admin.execute("INSERT INTO csm.migrations (name) VALUES ('from_a_later_csm')")
    with pytest.raises(LogError) as refused:
        PostgresStore.open(team.url("mona"))
    assert refused.value.message.text("en") == (
        f"The team's record on {_server(team)} was set up by a newer csm "
        "(migration from_a_later_csm)."
    )
    assert refused.value.hint is not None
    assert refused.value.hint.text("en") == (
        'Upgrade csm: pip install --upgrade "csm-checklist[team]"'
    )


def test_a_client_refuses_a_record_that_lacks_a_migration(team: Any) -> None:
    from csm_checklist.store import pg_schema
    from csm_checklist.store.postgres import PostgresStore

    last = pg_schema.KNOWN[-1]
    with team.connect() as admin:
        admin.execute("DELETE FROM csm.migrations WHERE name = %s", (last,))
    with pytest.raises(LogError) as refused:
        PostgresStore.open(team.url("mona"))
    assert refused.value.hint is not None
    assert refused.value.hint.text("en") == "An administrator applies it with: csm team upgrade"


def test_two_upgrades_at_once_apply_each_migration_once(team: Any) -> None:
    import psycopg

    from csm_checklist.store import pg_admin, pg_schema

    with psycopg.connect(autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{team.dbname}_fresh"')
    url = team.url().rsplit("/", 1)[0] + f"/{team.dbname}_fresh"
    start = threading.Barrier(2)
    applied: list[list[str]] = []
    failures: list[BaseException] = []

    def administrator() -> None:
        try:
            start.wait()
            applied.append(pg_admin.init(url))
        except BaseException as exc:
            failures.append(exc)

    try:
        threads = [threading.Thread(target=administrator) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert sorted(applied, key=len) == [[], list(pg_schema.KNOWN)]
        with psycopg.connect(url) as conn:
            names = conn.execute("SELECT name FROM csm.migrations ORDER BY name").fetchall()
        assert [name for (name,) in names] == sorted(pg_schema.KNOWN)
    finally:
        with psycopg.connect(autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{team.dbname}_fresh" WITH (FORCE)')


def _server(team: Any) -> str:
    from csm_checklist.store.postgres import describe

    return describe(team.url("mona"))
