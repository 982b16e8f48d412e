"""Setting up and looking after the team's server: `csm team init`, `upgrade`,
`add`, `list` and `status`. Imported only by those commands."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import psycopg
from psycopg import sql

from csm_checklist.errors import BadInput, LogError, NotMet
from csm_checklist.messages import Msg
from csm_checklist.store import pg_schema
from csm_checklist.store.postgres import applied_migrations, connect, describe

_LOGIN = re.compile(r"^[a-z_][a-z0-9_.@-]{0,62}$")


class Member(NamedTuple):
    login: str
    name: str
    lead: bool


class Status(NamedTuple):
    server: str
    version: str
    applied: int
    known: int
    login: str
    name: str
    lead: bool
    admin: bool


def _refused(server: str, exc: psycopg.Error) -> NotMet:
    diag = getattr(exc, "diag", None)
    reason = (getattr(diag, "message_primary", None) or str(exc)).strip().splitlines()
    return NotMet(
        Msg("team.admin_refused", server=server, reason=(reason or ["?"])[0].rstrip(".")),
        hint=Msg("team.admin_refused_hint"),
    )


def init(conninfo: str) -> list[str]:
    """Create the roles, then apply every migration; the names applied."""
    return upgrade(conninfo, roles=True)


def upgrade(conninfo: str, *, roles: bool = False) -> list[str]:
    """Apply the migrations the server lacks, each in its own transaction and
    recorded by name, holding an advisory lock so that two administrators
    upgrading at once apply each migration once (with `roles`, the roles are
    made first under the same lock: two GRANTs at once collide). The names
    applied."""
    server = describe(conninfo)
    done: list[str] = []
    with connect(conninfo, autocommit=True) as conn:
        try:
            conn.execute("SELECT pg_advisory_lock(%s)", (pg_schema.UPGRADE_LOCK,))
            try:
                if roles:
                    conn.execute(pg_schema.ROLES_SQL)
                applied = applied_migrations(conn) or []
                unknown = [name for name in applied if name not in pg_schema.KNOWN]
                if unknown:
                    raise LogError(
                        Msg("team.newer", server=server, name=unknown[0]),
                        hint=Msg("team.newer_hint"),
                    )
                for name, text in pg_schema.MIGRATIONS:
                    if name in applied:
                        continue
                    with conn.transaction():
                        conn.execute(pg_schema.migration_sql(name, text).encode())
                        if pg_schema.AFTER.get(name) == "build_chain":
                            from csm_checklist.store import pg_chain

                            pg_chain.build(conn)
                    done.append(name)
            finally:
                conn.execute("SELECT pg_advisory_unlock(%s)", (pg_schema.UPGRADE_LOCK,))
        except psycopg.Error as exc:
            raise _refused(server, exc) from exc
    return done


def add_member(conninfo: str, login: str, name: str, lead: bool) -> bool:
    """Make `login` a member (creating the login if missing), a lead with
    `lead` and not one without; True when the login was new."""
    if not _LOGIN.match(login):
        raise BadInput(Msg("team.bad_login", login=login), hint=Msg("team.login_hint"))
    if not name.strip() or "\n" in name:
        raise BadInput(Msg("team.bad_name"), hint=Msg("team.login_hint"))
    server = describe(conninfo)
    role = sql.Identifier(login)
    with connect(conninfo) as conn:
        try:
            with conn.transaction():
                exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
                created = exists.fetchone() is None
                if created:
                    conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(role))
                conn.execute(sql.SQL("GRANT csm_member TO {}").format(role))
                # Added again without --lead, a lead is one no longer: the
                # role and the list of members say the same.
                change = "GRANT csm_lead TO {}" if lead else "REVOKE csm_lead FROM {}"
                conn.execute(sql.SQL(change).format(role))
                conn.execute(
                    "INSERT INTO csm.members (login, name, lead) VALUES (%s, %s, %s) "
                    "ON CONFLICT (login) DO UPDATE SET name = excluded.name, lead = excluded.lead",
                    (login, name.strip(), lead),
                )
        except psycopg.Error as exc:
            raise _refused(server, exc) from exc
    return created


def members(conninfo: str) -> list[Member]:
    server = describe(conninfo)
    with connect(conninfo) as conn:
        try:
            rows = conn.execute(
                "SELECT login, name, lead FROM csm.members ORDER BY lower(name), login"
            ).fetchall()
        except psycopg.Error as exc:
            raise _refused(server, exc) from exc
    return [Member(str(login), str(name), bool(lead)) for login, name, lead in rows]


def status(conninfo: str) -> Status:
    server = describe(conninfo)
    with connect(conninfo) as conn:
        try:
            row: Any = conn.execute(
                "SELECT session_user, current_setting('server_version'), "
                "pg_has_role(session_user, 'csm_lead', 'MEMBER') "
                "AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'csm_lead'), "
                "EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'csm_admin') "
                "AND pg_has_role(session_user, 'csm_admin', 'MEMBER')"
            ).fetchone()
            login, version, lead, admin = row
            applied = applied_migrations(conn) or []
            name = ""
            if applied:
                found = conn.execute(
                    "SELECT name FROM csm.members WHERE login = %s", (login,)
                ).fetchone()
                name = str(found[0]) if found else ""
        except psycopg.Error as exc:
            raise _refused(server, exc) from exc
    return Status(
        server,
        str(version),
        len([n for n in applied if n in pg_schema.KNOWN]),
        len(pg_schema.KNOWN),
        str(login),
        name,
        bool(lead),
        bool(admin),
    )
