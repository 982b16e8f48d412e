"""The team's rules hold in PostgreSQL itself: a member with psql and their own
login, going around csm, is refused by the server."""

from __future__ import annotations

from typing import Any

import pytest

INSERT = (
    "INSERT INTO csm.events (uuid, item_id, title, cadence, kind, period_start, period_end, "
    "for_date, logged_at, logged_at_utc, done_by{extra}) VALUES (%s, %s, 'Monitor', 'daily', "
    "'done', %s, %s, %s, '2026-11-23T09:00:00+03:00', '2026-11-23T06:00:00Z', 'Mona'{more})"
)
UUID_A = "11111111-1111-4111-8111-111111111111"
UUID_B = "22222222-2222-4222-8222-222222222222"


def _insert(conn: Any, uuid: str, item: str = "monitor", day: str = "2026-11-23") -> None:
    conn.execute(INSERT.format(extra="", more=""), (uuid, item, day, day, day))


def _row(team: Any, uuid: str) -> tuple[Any, ...]:
    with team.connect() as admin:
        row = admin.execute(
            "SELECT logged_by, undone_at, undone_by, undo_reason, note FROM csm.events "
            "WHERE uuid = %s",
            (uuid,),
        ).fetchone()
    assert row is not None
    return tuple(row)


def test_logged_by_is_the_connected_login(team: Any) -> None:
    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
    assert _row(team, UUID_A)[0] == "mona"


def test_a_spoofed_logged_by_is_refused(team: Any) -> None:
    import psycopg

    with team.connect("mona") as mona, pytest.raises(psycopg.errors.InsufficientPrivilege) as exc:
        mona.execute(
            INSERT.format(extra=", logged_by", more=", 'ali'"),
            (UUID_A, "monitor", "2026-11-23", "2026-11-23", "2026-11-23"),
        )
    assert "logged_by must be the connected login mona" in str(exc.value)
    with team.connect() as admin:
        assert admin.execute("SELECT count(*) FROM csm.events").fetchone() == (0,)


def test_a_member_cannot_undo_another_members_entry(team: Any) -> None:
    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
    with team.connect("ali") as ali:
        changed = ali.execute(
            "UPDATE csm.events SET undone_at = '2026-11-23T10:00:00+03:00' WHERE uuid = %s",
            (UUID_A,),
        ).rowcount
    # Row-level security hides the row from ali's UPDATE: nothing changes,
    # and the server says nothing; csm checks the count.
    assert changed == 0
    assert _row(team, UUID_A)[1] is None


def test_an_entry_is_undone_once(team: Any) -> None:
    import psycopg

    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
        undo = "UPDATE csm.events SET undone_at = %s WHERE uuid = %s"
        assert mona.execute(undo, ("2026-11-23T10:00:00+03:00", UUID_A)).rowcount == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="already undone"):
            mona.execute(undo, ("2026-11-23T11:00:00+03:00", UUID_A))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="already undone"):
            mona.execute("UPDATE csm.events SET undone_at = NULL WHERE uuid = %s", (UUID_A,))
    assert _row(team, UUID_A)[1:3] == ("2026-11-23T10:00:00+03:00", "mona")


def test_a_member_cannot_correct_another_members_note(team: Any) -> None:
    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
    with team.connect("ali") as ali:
        changed = ali.execute(
            "UPDATE csm.events SET note = 'not what happened' WHERE uuid = %s", (UUID_A,)
        ).rowcount
    assert changed == 0
    assert _row(team, UUID_A)[4] == ""


def test_a_members_own_note_correction_is_kept_by_the_server(team: Any) -> None:
    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
        mona.execute("UPDATE csm.events SET note = 'all green' WHERE uuid = %s", (UUID_A,))
    with team.connect() as admin:
        trail = admin.execute(
            "SELECT event_uuid, old_note, new_note, changed_by FROM csm.note_changes"
        ).fetchall()
    assert trail == [(UUID_A, "", "all green", "mona")]


@pytest.mark.parametrize("login", ["mona", "sara"])
def test_nobody_deletes_an_entry(team: Any, login: str) -> None:
    import psycopg

    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
    with team.connect(login) as member, pytest.raises(psycopg.errors.InsufficientPrivilege):
        member.execute("DELETE FROM csm.events WHERE uuid = %s", (UUID_A,))
    with team.connect() as admin:
        # Not even the owner's role, going around the grants: the trigger refuses.
        admin.execute("SET ROLE csm_admin")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="never deleted"):
            admin.execute("DELETE FROM csm.events WHERE uuid = %s", (UUID_A,))


@pytest.mark.parametrize(
    ("column", "value"),
    [("title", "'Other'"), ("done_by", "'Ali'"), ("logged_by", "'ali'"), ("for_date", "now()")],
)
def test_an_entry_never_changes_but_for_an_undo_or_a_note(
    team: Any, column: str, value: str
) -> None:
    import psycopg

    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            mona.execute(f"UPDATE csm.events SET {column} = {value} WHERE uuid = %s", (UUID_A,))
    with team.connect() as admin:
        admin.execute("SET ROLE csm_admin")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="never changes"):
            admin.execute(f"UPDATE csm.events SET {column} = {value} WHERE uuid = %s", (UUID_A,))


def test_a_lead_undoes_anyones_entry_with_a_reason(team: Any) -> None:
    import psycopg

    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
    with team.connect("sara") as sara:
        with pytest.raises(psycopg.errors.CheckViolation, match="needs a reason"):
            sara.execute(
                "UPDATE csm.events SET undone_at = '2026-11-23T12:00:00+03:00' WHERE uuid = %s",
                (UUID_A,),
            )
        changed = sara.execute(
            "UPDATE csm.events SET undone_at = '2026-11-23T12:00:00+03:00', "
            "undo_reason = 'logged twice' WHERE uuid = %s",
            (UUID_A,),
        ).rowcount
    assert changed == 1
    assert _row(team, UUID_A)[1:4] == ("2026-11-23T12:00:00+03:00", "sara", "logged twice")


def test_an_undo_is_signed_by_whoever_made_it(team: Any) -> None:
    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
        mona.execute(
            "UPDATE csm.events SET undone_at = '2026-11-23T12:00:00+03:00', undone_by = 'sara' "
            "WHERE uuid = %s",
            (UUID_A,),
        )
    assert _row(team, UUID_A)[2] == "mona"


def test_one_active_entry_per_item_and_period(team: Any) -> None:
    import psycopg

    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
    with team.connect("ali") as ali:
        with pytest.raises(psycopg.errors.UniqueViolation):
            _insert(ali, UUID_B)
        # ... but another period, or the same one once undone, is fine.
        _insert(ali, UUID_B, day="2026-11-24")
    with team.connect("mona") as mona:
        mona.execute(
            "UPDATE csm.events SET undone_at = '2026-11-23T12:00:00+03:00' WHERE uuid = %s",
            (UUID_A,),
        )
    with team.connect("ali") as ali:
        _insert(ali, "33333333-3333-4333-8333-333333333333")


def test_a_write_is_idempotent_by_uuid(team: Any) -> None:
    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
        again = mona.execute(
            INSERT.format(extra="", more="") + " ON CONFLICT (uuid) DO NOTHING",
            (UUID_A, "monitor", "2026-11-23", "2026-11-23", "2026-11-23"),
        )
        assert again.rowcount == 0
    with team.connect() as admin:
        assert admin.execute("SELECT count(*) FROM csm.events").fetchone() == (1,)


def test_members_cannot_rewrite_the_history_of_the_rules(team: Any) -> None:
    import psycopg

    with team.connect("mona") as mona:
        mona.execute(
            "INSERT INTO csm.revisions (uuid, effective, recorded_at, recorded_at_utc, rules) "
            "VALUES ('r1', '2026-01-01', 'x', 'x', '{}')"
        )
        for statement in (
            "UPDATE csm.revisions SET rules = '[]'",
            "DELETE FROM csm.revisions",
            "DELETE FROM csm.migrations",
            "TRUNCATE csm.events",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                mona.execute(statement)


MERGE_NOTE = (
    "SELECT csm.merge_note_change(%s, 'calm', 'busy', '2026-11-23T10:00:00+03:00', %s, 'desk')"
)


def _note_trail(team: Any) -> list[tuple[Any, ...]]:
    with team.connect() as admin:
        rows = admin.execute(
            "SELECT event_uuid, old_note, new_note, changed_by FROM csm.note_changes ORDER BY id"
        ).fetchall()
    return [tuple(row) for row in rows]


def test_a_member_cannot_bring_in_corrections_of_another_members_entry(team: Any) -> None:
    import psycopg

    with team.connect("ali") as ali:
        _insert(ali, UUID_A)
    with team.connect("mona") as mona, pytest.raises(psycopg.errors.InsufficientPrivilege) as exc:
        mona.execute(MERGE_NOTE, (UUID_A, "ali"))
    assert f"entry {UUID_A} was logged by ali: only they or a lead can add to its notes" in str(
        exc.value
    )
    assert _note_trail(team) == []


def test_a_members_own_corrections_come_in_signed_with_their_login(team: Any) -> None:
    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
        assert mona.execute(MERGE_NOTE, (UUID_A, "ali")).fetchone() == (True,)
        assert mona.execute(MERGE_NOTE, (UUID_A, "ali")).fetchone() == (False,)
    assert _note_trail(team) == [(UUID_A, "calm", "busy", "mona")]
    # A correction already in the trail is nothing to add, for anyone: importing
    # the same backup again is not refused.
    with team.connect("ali") as ali:
        assert ali.execute(MERGE_NOTE, (UUID_A, "ali")).fetchone() == (False,)


def test_a_lead_brings_in_anyones_corrections_as_signed(team: Any) -> None:
    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
    with team.connect("sara") as sara:
        assert sara.execute(MERGE_NOTE, (UUID_A, "Mona Saleh")).fetchone() == (True,)
    assert _note_trail(team) == [(UUID_A, "calm", "busy", "Mona Saleh")]


def test_upgrading_a_record_closes_the_gap_in_merge_note_change(team: Any) -> None:
    import psycopg

    from csm_checklist.store import pg_admin, pg_schema

    # A record set up by the csm before merge_note_change_own_only: the
    # function as that migration left it.
    [(_name, old_sql)] = [m for m in pg_schema.MIGRATIONS if m[0] == "merge_note_changes"]
    with team.connect() as admin:
        admin.execute("SET ROLE csm_admin")
        admin.execute(old_sql.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION").encode())
        admin.execute("RESET ROLE")
        admin.execute("DELETE FROM csm.migrations WHERE name = 'merge_note_change_own_only'")
    with team.connect("ali") as ali:
        _insert(ali, UUID_A)
    with team.connect("mona") as mona:
        _insert(mona, UUID_B, day="2026-11-24")
        assert mona.execute(MERGE_NOTE, (UUID_B, "ali")).fetchone() == (True,)  # the gap
    assert _note_trail(team) == [(UUID_B, "calm", "busy", "ali")]

    assert pg_admin.upgrade(team.url()) == ["merge_note_change_own_only"]
    with team.connect("mona") as mona, pytest.raises(psycopg.errors.InsufficientPrivilege):
        mona.execute(MERGE_NOTE, (UUID_A, "ali"))
    assert pg_admin.upgrade(team.url()) == []


def test_an_administrators_restore_keeps_who_logged_each_entry(team: Any) -> None:
    from datetime import date, datetime, timedelta, timezone

    from csm_checklist.store.postgres import PostgresStore
    from csm_checklist.store.records import Event

    day = date(2026, 11, 23)
    moment = datetime(2026, 11, 23, 9, 0, tzinfo=timezone(timedelta(hours=3)))
    entry = Event(UUID_A, "monitor", "Monitor", "daily", "done", day, day, day, moment, "Ali",
                  "", "desk", logged_by="ali")  # fmt: skip
    other = entry._replace(uuid=UUID_B, item_id="review", logged_by="")
    with PostgresStore.open(team.url()) as admin:
        assert admin.merge([entry, other]) == (2, 0)
    with PostgresStore.open(team.url("mona")) as mona:
        assert mona.merge([entry._replace(logged_by="mona")]) == (0, 1)  # no conflict
        back = {e.uuid: e.logged_by for e in mona.events()}
    # Kept as the backup says; one without a login, by whoever restored it.
    assert back == {UUID_A: "ali", UUID_B: "postgres"}


def test_a_leads_reason_given_to_the_quick_store_reaches_the_undo(team: Any) -> None:
    from datetime import datetime, timedelta, timezone

    from csm_checklist.store.pg_quick import QuickTeamStore

    with team.connect("mona") as mona:
        _insert(mona, UUID_A)
    quick = QuickTeamStore.open(team.url("sara"))
    assert quick is not None
    with quick:
        quick.undo_reason = "logged twice"  # before the full store is opened
        at = datetime(2026, 11, 23, 12, 0, tzinfo=timezone(timedelta(hours=3)))
        undone = quick.undo_latest(at, item_id="monitor")
        assert undone is not None and undone.undone_at == at
        assert not quick.closed
    assert quick.closed
    assert _row(team, UUID_A)[2:4] == ("sara", "logged twice")
