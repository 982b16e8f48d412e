"""`csm team` and every command on the team's record, the way a team uses them:
an administrator sets the server up, members log, one tries to undo another's
entry and is refused, the server goes away, a member joins with their history."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import time_machine

from csm_checklist.store import pg_schema

from clihelp import run

MONDAY = "2026-11-23"


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel("2026-11-23 09:30:00+00:00", tick=False):
        yield


def as_member(monkeypatch: pytest.MonkeyPatch, team: Any, login: str) -> None:
    monkeypatch.setenv("CSM_STORE", team.url(login))


def test_init_dry_run_prints_the_sql_without_a_server() -> None:
    result = run("team", "init", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.startswith("-- csm team init: roles, then every migration")
    for needed in (
        "ALTER TABLE csm.events FORCE ROW LEVEL SECURITY;",
        "CREATE UNIQUE INDEX events_one_active ON csm.events (item_id, period_start)",
        "logged_by text NOT NULL DEFAULT current_user,",
        "GRANT UPDATE (undone_at, undone_by, undo_reason, note) ON csm.events TO csm_member;",
        "INSERT INTO csm.migrations (name) VALUES ('create_events');",
    ):
        assert needed in result.stdout


def test_team_commands_need_a_store() -> None:
    result = run("team", "status")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: No team store is set: csm uses the log on this computer.\n"
        "Hint: Set one with: csm config set store postgresql:///csm?service=support\n"
    )


def test_a_password_in_the_store_setting_is_refused_and_never_printed(config_dir: Path) -> None:
    for address in (
        "postgresql://mona:s3cret-pw@db.example/csm",
        "postgresql://db.example/csm?password=s3cret-pw",
    ):
        result = run("config", "set", "store", address)
        assert result.exit_code == 2
        assert "s3cret-pw" not in result.stdout + result.stderr
        assert result.stderr.startswith(
            "Error: Cannot set store: the address holds a password; keep passwords in "
            "~/.pgpass or a service file, never in config.yaml."
        )
    assert not (config_dir / "config.yaml").exists()
    assert run("config", "set", "store", "postgresql:///csm?service=support").exit_code == 0
    assert "store: postgresql:///csm?service=support" in (config_dir / "config.yaml").read_text()


def test_a_password_written_into_config_yaml_by_hand_is_refused(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text(
        "store: postgresql://mona:s3cret-pw@db.example/csm\n", encoding="utf-8"
    )
    result = run("today")
    assert result.exit_code == 2
    assert "s3cret-pw" not in result.stdout + result.stderr
    assert "the address holds a password" in result.stderr


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    "command",
    [
        ["today"],
        ["done", "monitor-accounts"],
        ["skip", "monitor-accounts", "--reason", "holiday"],
        ["undo"],
        ["log"],
        ["report"],
        ["export"],
        ["measures"],
        ["run", "list"],
        ["team", "status"],
    ],
)
def test_without_the_server_every_command_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, command: list[str]
) -> None:
    port = _closed_port()
    monkeypatch.setenv("CSM_STORE", f"postgresql://mona:s3cret-pw@127.0.0.1:{port}/csm")
    result = run(*command)
    assert result.exit_code == 1
    first, hint = result.stderr.splitlines()
    assert first.startswith(f"Error: Cannot reach the team's server 127.0.0.1:{port}/csm: ")
    assert hint == (
        "Hint: Check that the server is running and reachable, the store setting "
        "(csm config show) and your login in ~/.pgpass. Nothing was written."
    )
    assert "s3cret-pw" not in result.stdout + result.stderr
    # Nothing is written on this computer instead.
    assert not data_dir.exists() or list(data_dir.iterdir()) == []


@pytest.mark.parametrize("command", [["today"], ["done", "monitor-accounts"], ["report"]])
def test_a_server_socket_that_is_gone_is_named_in_libpqs_own_words(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: list[str]
) -> None:
    # `today` reads through libpq, `done` and `report` through psycopg: the
    # same sentence either way, without psycopg's "connection is bad: ".
    socket_dir = tmp_path / "gone"
    monkeypatch.setenv("CSM_STORE", f"postgresql:///csm?host={socket_dir}&port=5999")
    result = run(*command)
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first == (
        f"Error: Cannot reach the team's server {socket_dir} (port 5999)/csm: "
        f'connection to server on socket "{socket_dir}/.s.PGSQL.5999" failed: '
        "No such file or directory."
    )


def test_without_the_server_in_arabic(monkeypatch: pytest.MonkeyPatch, config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text("lang: ar\n", encoding="utf-8")
    monkeypatch.setenv("CSM_STORE", f"postgresql://127.0.0.1:{_closed_port()}/csm")
    result = run("today")
    assert result.exit_code == 1
    # The address is a left-to-right run, isolated inside the Arabic sentence.
    assert "تعذّر الوصول إلى خادم الفريق \u2066127.0.0.1:" in result.stderr
    assert "تحقّق من أن الخادم يعمل" in result.stderr


def test_two_members_share_one_record(team: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    as_member(monkeypatch, team, "mona")
    done = run("done", "monitor-accounts", "--on", MONDAY)
    assert done.exit_code == 0, done.stderr
    assert done.stdout.splitlines()[0] == (
        "Done: Monitor the accounts (monitor-accounts) for 2026-11-23"
    )

    as_member(monkeypatch, team, "ali")
    again = run("done", "monitor-accounts", "--on", MONDAY)
    assert again.exit_code == 1
    assert again.stdout.splitlines()[0] == (
        "Already done: Monitor the accounts (monitor-accounts) for 2026-11-23 by Mona; "
        "nothing logged."
    )
    assert again.stderr == "Mona already logged it on 2026-11-23 09:30+00:00.\n"
    assert run("done", "daily-engagement", "--on", MONDAY, "--by", "Sara").exit_code == 0

    # Ali cannot undo Mona's entry: the server would not let him either.
    refused = run("undo", "monitor-accounts", "--on", MONDAY)
    assert refused.exit_code == 1
    assert refused.stderr == (
        "Error: monitor-accounts was logged by mona: only they or a lead can undo it.\n"
        "Hint: Nothing was changed. Ask mona or a lead.\n"
    )
    # A bare undo is his own latest.
    own = run("undo")
    assert own.exit_code == 0
    assert own.stdout.startswith("Undone: done of Engage customers (daily-engagement)")

    as_member(monkeypatch, team, "sara")
    no_reason = run("undo", "monitor-accounts", "--on", MONDAY)
    assert no_reason.exit_code == 1
    assert no_reason.stderr.splitlines()[0] == (
        "Error: monitor-accounts was logged by mona: a lead's undo of it needs a reason."
    )
    lead = run("undo", "monitor-accounts", "--on", MONDAY, "--reason", "logged twice")
    assert lead.exit_code == 0, lead.stderr

    with team.connect() as admin:
        rows = admin.execute(
            "SELECT item_id, logged_by, done_by, undone_by, undo_reason FROM csm.events "
            "ORDER BY logged_at_utc, id"
        ).fetchall()
    assert rows == [
        ("monitor-accounts", "mona", "Mona", "sara", "logged twice"),
        ("daily-engagement", "ali", "Sara", "ali", ""),
    ]


def test_team_status_add_and_list(team: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSM_STORE", team.url())
    added = run("team", "add", "noor", "--name", "Noor", "--lead")
    assert added.exit_code == 0, added.stderr
    assert added.stdout.splitlines()[0] == "Noor (noor) is a member, and a lead."
    listed = run("team", "list")
    assert listed.stdout == (
        "ali   Ali  (member)\nmona  Mona  (member)\nnoor  Noor  (lead)\nsara  Sara  (lead)\n"
    )
    assert run("team", "upgrade").stdout.endswith("is up to date.\n")
    as_member(monkeypatch, team, "mona")
    status = run("team", "status").stdout.splitlines()
    migrations = len(pg_schema.MIGRATIONS)
    assert status[1:] == [
        f"Record: {migrations} of {migrations} migrations",
        "You: mona Mona (member)",
        "Checklists: none published yet (csm team publish)",
    ]
    refused = run("team", "add", "zed", "--name", "Zed")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: The server ")


def test_a_member_joins_with_their_history_once(
    team: Any, monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    assert run("history", "start", "2026-01-01").exit_code == 0
    for day in ("2026-11-16", "2026-11-17", "2026-11-18"):
        assert run("done", "monitor-accounts", "--on", day).exit_code == 0
    # Ali already logged one of those days on the team's record.
    as_member(monkeypatch, team, "ali")
    assert run("history", "start", "2026-11-17").exit_code == 0
    assert run("done", "monitor-accounts", "--on", "2026-11-17").exit_code == 0

    as_member(monkeypatch, team, "mona")
    joined = run("team", "join")
    assert joined.exit_code == 0, joined.stderr
    assert joined.stdout.startswith("Joined: 3 entries added from ")
    again = run("team", "join")
    assert again.stdout.startswith("Joined: 0 entries added from ")
    assert ", 3 already there." in again.stdout
    with team.connect() as admin:
        active = admin.execute(
            "SELECT for_date::text, logged_by, done_by FROM csm.events "
            "WHERE undone_at IS NULL ORDER BY for_date"
        ).fetchall()
    assert active == [
        ("2026-11-16", "mona", "Mona"),
        ("2026-11-17", "ali", "Ali"),
        ("2026-11-18", "mona", "Mona"),
    ]
    # The team's record now starts when Mona's did, and counts each day once.
    log = run("log", "--since", "2026-11-16", "--until", "2026-11-18").stdout
    assert [line.split()[0] for line in log.splitlines()[1:]] == [
        "2026-11-18",
        "2026-11-17",
        "2026-11-16",
    ]
    # Each entry was logged by the member who did it (login "mona", name
    # "Mona": one person), so the log needs no *logged by* column; the JSON
    # keeps both.
    assert log.splitlines()[0].split()[4:7] == ["by", "logged", "id"]
    entries = json.loads(run("log", "--json", "--since", "2026-11-16").stdout)["events"]
    assert [(e["for_date"], e["by"], e["logged_by"]) for e in entries if not e["undone_at"]] == [
        ("2026-11-18", "Mona", "mona"),
        ("2026-11-17", "Ali", "ali"),
        ("2026-11-16", "Mona", "mona"),
    ]
    report = run("report", "--period", "week", "--on", "2026-11-18", "--format", "json")
    assert report.exit_code == 0, report.stderr
    [monitor] = [i for i in json.loads(report.stdout)["items"] if i["id"] == "monitor-accounts"]
    assert monitor["done"] == 3


def test_a_team_backup_restores_and_reproduces_the_report(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    as_member(monkeypatch, team, "mona")
    assert run("history", "start", "2026-11-01").exit_code == 0
    for day in ("2026-11-16", "2026-11-17", "2026-11-19"):
        assert run("done", "monitor-accounts", "--on", day, "--note", f"day {day}").exit_code == 0
    assert run("skip", "daily-engagement", "--on", "2026-11-18", "--reason", "off").exit_code == 0
    done = run("done", "monthly-report", "--on", "2026-11-20", "--measure", "complaints=132")
    assert done.exit_code == 0, done.stderr
    assert run("run", "start", "crisis", "--on", "2026-11-18").exit_code == 0
    assert run("done", "crisis-2026-11-18/assess").exit_code == 0
    report = ("report", "--on", "2026-11-20", "--format", "json")
    on_team = run(*report)
    assert on_team.exit_code == 0, on_team.stderr
    backup = tmp_path / "backup.json"
    assert run("export", "--format", "json", "-o", str(backup)).exit_code == 0

    # Into SQLite on a computer with no team: the same report, figure for figure.
    monkeypatch.delenv("CSM_STORE")
    restored = run("import", str(backup))
    assert restored.exit_code == 0, restored.stderr
    assert run(*report).stdout == on_team.stdout
    assert run("measures", "--json").stdout.count('"value": 132.0') == 1
    # Each entry still logged by its member's login, done by their name.
    on_laptop = json.loads(run("log", "--json").stdout)["events"]
    assert {(e["by"], e["logged_by"]) for e in on_laptop} == {("Mona", "mona")}

    # Into the team's record again: everything is already there.
    as_member(monkeypatch, team, "mona")
    again = run("import", str(backup), "--dry-run")
    assert again.exit_code == 0, again.stderr
    assert "Would add 0 events; 5 were already present." in again.stdout


def test_a_libpq_service_and_the_pg_variables_name_the_server(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[support]\nhost={team.env['PGHOST']}\nport={team.env['PGPORT']}\n"
        f"dbname={team.dbname}\nuser=mona\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    for name in ("PGHOST", "PGPORT", "PGUSER", "PGDATABASE"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("CSM_STORE", "postgresql://?service=support")
    status = run("team", "status")
    assert status.exit_code == 0, status.stderr
    lines = status.stdout.splitlines()
    assert lines[0].startswith("Server: service support (PostgreSQL 1")
    assert lines[2] == "You: mona Mona (member)"

    # The PG* variables, with a bare address.
    monkeypatch.delenv("PGSERVICEFILE")
    monkeypatch.setenv("PGHOST", team.env["PGHOST"])
    monkeypatch.setenv("PGPORT", team.env["PGPORT"])
    monkeypatch.setenv("PGDATABASE", team.dbname)
    monkeypatch.setenv("PGUSER", "ali")
    monkeypatch.setenv("CSM_STORE", "postgresql://")
    assert run("team", "status").stdout.splitlines()[2] == "You: ali Ali (member)"


def test_a_password_from_pgpass_is_used_and_never_printed(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from csm_checklist.store import pg_admin

    pg_admin.add_member(team.url(), "layla", "Layla", False)
    hba = Path(team.env["CSM_PG_CLUSTER"]) / "data" / "pg_hba.conf"
    with team.connect() as admin:
        admin.execute("ALTER ROLE layla PASSWORD 'n00r-s3cret'")
        # Layla alone must give a password over TCP on this test cluster.
        rules = hba.read_text(encoding="utf-8")
        if "layla" not in rules:
            line = "host all layla 127.0.0.1/32 scram-sha-256\n"
            hba.write_text(line + rules, encoding="utf-8")
            admin.execute("SELECT pg_reload_conf()")
    monkeypatch.setenv("CSM_STORE", team.url("layla", tcp=True))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "missing"))
    refused = run("team", "status")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: Cannot reach the team's server 127.0.0.1:")

    pgpass = tmp_path / ".pgpass"
    pgpass.write_text(f"127.0.0.1:{team.env['PGPORT']}:*:layla:n00r-s3cret\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    status = run("team", "status")
    assert status.exit_code == 0, status.stderr
    assert status.stdout.splitlines()[2] == "You: layla Layla (member)"
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "missing"))
    monkeypatch.setenv("CSM_STORE", team.url("layla:n00r-wrong", tcp=True))
    wrong = run("today")
    assert wrong.exit_code == 1
    assert "n00r" not in wrong.stdout + wrong.stderr


def test_the_connection_waits_five_seconds_at_most_and_names_csm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    psycopg = pytest.importorskip("psycopg")
    from csm_checklist.errors import LogError
    from csm_checklist.store import postgres

    asked: dict[str, Any] = {}

    def refuse(conninfo: str, **kwargs: Any) -> None:
        asked.update(kwargs, conninfo=conninfo)
        raise psycopg.OperationalError("timeout expired")

    monkeypatch.setattr(postgres.psycopg, "connect", refuse)
    with pytest.raises(LogError) as failed:
        postgres.connect("postgresql://db.example:5433/csm")
    assert asked["connect_timeout"] == 5
    assert asked["application_name"] == "csm"
    assert failed.value.message.text("en") == (
        "Cannot reach the team's server db.example:5433/csm: timeout expired."
    )


def test_a_member_cannot_set_up_the_server(team: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    as_member(monkeypatch, team, "mona")
    for command in (["team", "init"], ["team", "add", "zed", "--name", "Zed"]):
        refused = run(*command)
        assert refused.exit_code == 1
        assert refused.stderr.startswith("Error: The server ")
        assert refused.stderr.splitlines()[1].startswith(
            "Hint: Run it as the administrator: a login that may create roles (CREATEROLE)"
        )


def test_adding_a_lead_again_without_lead_makes_them_a_member(
    team: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CSM_STORE", team.url())
    assert run("team", "add", "sara", "--name", "Sara").exit_code == 0
    as_member(monkeypatch, team, "sara")
    assert run("team", "status").stdout.splitlines()[2] == "You: sara Sara (member)"
    monkeypatch.setenv("CSM_STORE", team.url())
    assert run("team", "add", "sara", "--name", "Sara", "--lead").exit_code == 0
    as_member(monkeypatch, team, "sara")
    assert run("team", "status").stdout.splitlines()[2] == "You: sara Sara (lead)"


def test_only_a_lead_brings_in_corrections_of_someone_elses_entry(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    as_member(monkeypatch, team, "mona")
    assert run("history", "start", "2026-11-01").exit_code == 0
    assert run("done", "monitor-accounts", "--on", MONDAY, "--note", "calm").exit_code == 0
    uuid = json.loads(run("log", "--json").stdout)["events"][0]["uuid"]
    assert run("note", uuid[:8], "busy").exit_code == 0
    backup = tmp_path / "backup.json"
    assert run("export", "--format", "json", "-o", str(backup)).exit_code == 0
    # The same backup again: nothing to add, whoever imports it.
    as_member(monkeypatch, team, "ali")
    again = run("import", str(backup))
    assert again.exit_code == 0, again.stderr
    # A correction the record lacks, of Mona's entry, in someone's backup.
    doc = json.loads(backup.read_text(encoding="utf-8"))
    doc["note_changes"][0].update(changed_at="2026-11-23T12:00:00+00:00", by="ali")
    backup.write_text(json.dumps(doc), encoding="utf-8")
    refused = run("import", str(backup))
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[0].endswith(
        f"refused: entry {uuid} was logged by mona: only they or a lead can add to its notes."
    )
    as_member(monkeypatch, team, "sara")
    lead = run("import", str(backup))
    assert lead.exit_code == 0, lead.stderr
    with team.connect() as admin:
        trail = admin.execute("SELECT changed_by FROM csm.note_changes ORDER BY id").fetchall()
    assert trail == [("mona",), ("ali",)]


def test_today_and_due_on_the_team_store_read_without_importing_psycopg(
    team: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import subprocess
    import sys

    as_member(monkeypatch, team, "mona")
    assert run("history", "start", "2026-11-01").exit_code == 0
    assert run("done", "monitor-accounts", "--on", MONDAY, "--by", "Ali").exit_code == 0
    for args in (["today", "--json", "--on", MONDAY], ["due", "--json", "--on", MONDAY]):
        code = (
            "import sys, runpy\n"
            f"sys.argv = ['csm', *{args!r}]\n"
            "try:\n"
            "    runpy.run_module('csm_checklist', run_name='__main__')\n"
            "except SystemExit as exit:\n"
            "    assert not exit.code, exit.code\n"
            "print(sorted(m for m in sys.modules if m.startswith('psycopg')), file=sys.stderr)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], env=dict(os.environ), capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == "[]\n"
        items = {i["id"]: i for i in json.loads(done.stdout)["items"]}
        if args[0] == "today":
            monitor = items["monitor-accounts"]
            assert (monitor["status"], monitor["by"]) == ("done", "Ali")
        else:  # what is still open
            assert "monitor-accounts" not in items and "daily-engagement" in items
    # And in-process, through the app: the same document as the full store gives.
    quick = run("today", "--json", "--on", MONDAY)
    from csm_checklist.store.pg_quick import _LIB

    _LIB[:] = [None]  # as if libpq could not be loaded with ctypes: psycopg alone
    try:
        assert run("today", "--json", "--on", MONDAY).stdout == quick.stdout
    finally:
        _LIB.clear()


def test_today_refuses_a_record_set_up_by_a_newer_csm(
    team: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with team.connect() as admin:
        admin.execute("INSERT INTO csm.migrations (name) VALUES ('from_a_later_csm')")
    as_member(monkeypatch, team, "mona")
    for command in (["today"], ["log"]):
        refused = run(*command)
        assert refused.exit_code == 1
        assert refused.stderr.splitlines()[0].endswith(
            "was set up by a newer csm (migration from_a_later_csm)."
        )
