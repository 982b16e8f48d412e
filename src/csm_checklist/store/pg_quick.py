"""`csm today` and `csm due` on the team's record without importing psycopg.

Importing psycopg costs a command about 150 ms (asyncio, logging,
importlib.metadata, ctypes.util and every type adapter come with it): more
than twice what all of `csm today` costs on the SQLite log. The reads those
two commands make every morning (who I am and the schema's migrations, the
tracking starts, the revisions, the active entries of the periods shown,
whether a playbook run is open) are five plain queries, so this store makes
them through libpq itself, loaded with ctypes: the same library psycopg uses,
so a service file, `~/.pgpass`, the `PG*` variables, SSL and every kind of
login work the same. Anything else it is asked (a write, a run, a look back
`--as-logged`) goes to `PostgresStore`, opened on first use.

When libpq cannot be loaded this way, `quick_store` gives None and csm uses
`PostgresStore` alone.
"""

# No `from __future__ import annotations`: `csm today` loads this module.

import ctypes
import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from csm_checklist.errors import LogError
from csm_checklist.messages import Msg
from csm_checklist.store.pg_common import (
    EVENT_COLUMNS,
    RUN_COLUMNS,
    STEP_COLUMNS,
    applied_as_known,
    describe_parts,
    event_from_row,
    run_from_row,
    step_from_row,
)
from csm_checklist.store.records import (
    Event,
    RevisionRecord,
    StartRecord,
)

if TYPE_CHECKING:
    from csm_checklist.store.assignment_records import AssignmentRecord
    from csm_checklist.store.run_records import RunRecord, StepEvent

CONNECT_TIMEOUT_SECONDS = "5"
APPLICATION_NAME = "csm"
# csm's tables without their schema's name, and dates as ISO text whatever
# the server's DateStyle.
OPTIONS = "-c search_path=csm,pg_catalog -c datestyle=ISO"

_CONNECTION_OK = 0
_COMMAND_OK, _TUPLES_OK = 1, 2
_SQLSTATE, _PRIMARY = ord("C"), ord("M")
# Errors that mean csm's schema is not there: no table, function or schema.
_NOT_SET_UP = ("42P01", "42883", "3F000")

# What the quick store itself holds; any other attribute set on it is for
# the full store.
_OWN = ("server", "path", "login", "is_lead", "member_name", "rules_revision")


class _Option(ctypes.Structure):
    _fields_ = [
        ("keyword", ctypes.c_char_p),
        ("envvar", ctypes.c_char_p),
        ("compiled", ctypes.c_char_p),
        ("val", ctypes.c_char_p),
        ("label", ctypes.c_char_p),
        ("dispchar", ctypes.c_char_p),
        ("dispsize", ctypes.c_int),
    ]


_LIB: list[Any] = []


def _libpq() -> Any:
    """libpq, loaded once with its functions' types; None when not found."""
    if _LIB:
        return _LIB[0]
    lib = None
    for name in _candidates():
        try:
            lib = _typed(ctypes.CDLL(name))
            break
        except (OSError, AttributeError):  # not there, or not a libpq csm can use
            continue
    _LIB.append(lib)
    return lib


def _typed(lib: Any) -> Any:
    """`lib` with the argument and result types of the functions csm calls."""
    p, i, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
    strings = ctypes.POINTER(ctypes.c_char_p)
    for fname, args, result in (
        ("PQconnectdbParams", [strings, strings, i], p),
        ("PQstatus", [p], i),
        ("PQerrorMessage", [p], s),
        ("PQfinish", [p], None),
        ("PQexecParams", [p, s, i, p, strings, p, p, i], p),
        ("PQresultStatus", [p], i),
        ("PQresultErrorField", [p, i], s),
        ("PQresultErrorMessage", [p], s),
        ("PQntuples", [p], i),
        ("PQnfields", [p], i),
        ("PQgetvalue", [p, i, i], s),
        ("PQgetisnull", [p, i, i], i),
        ("PQclear", [p], None),
        ("PQconninfoParse", [s, ctypes.POINTER(ctypes.c_char_p)], ctypes.POINTER(_Option)),
        ("PQconninfoFree", [ctypes.POINTER(_Option)], None),
        ("PQfreemem", [p], None),
    ):
        function = getattr(lib, fname)
        function.argtypes, function.restype = args, result
    return lib


def _candidates() -> list[str]:
    """The system's libpq, then the one psycopg's binary wheel carries."""
    names = ["libpq.so.5", "libpq.5.dylib"]
    import sys

    for folder in sys.path:
        for libs in (
            os.path.join(folder, "psycopg_binary.libs"),  # Linux wheels
            os.path.join(folder, "psycopg_binary", ".dylibs"),  # macOS wheels
        ):
            if os.path.isdir(libs):
                names += [os.path.join(libs, n) for n in sorted(os.listdir(libs)) if "libpq" in n]
    return names


def conninfo_parts(conninfo: str) -> dict[str, str] | None:
    """The parameters a connection string sets (libpq's own parser); None
    when it cannot be read or libpq is not loaded."""
    lib = _libpq()
    if lib is None:
        return None
    error = ctypes.c_char_p()
    options = lib.PQconninfoParse(conninfo.encode(), ctypes.byref(error))
    if not options:
        if error.value is not None:
            lib.PQfreemem(error)
        return None
    parts: dict[str, str] = {}
    try:
        index = 0
        while options[index].keyword is not None:
            option = options[index]
            if option.val is not None:
                parts[option.keyword.decode()] = option.val.decode()
            index += 1
    finally:
        lib.PQconninfoFree(options)
    return parts


class _Refused(Exception):
    """A query the server refused: its SQLSTATE and first line."""

    def __init__(self, sqlstate: str, reason: str) -> None:
        super().__init__(reason)
        self.sqlstate = sqlstate
        self.reason = reason


class QuickTeamStore:
    """The team's record for `csm today` and `csm due`: their reads through
    libpq, everything else through `PostgresStore` (see the module)."""

    def __init__(self, lib: Any, conn: Any, conninfo: str, server: str) -> None:
        self._lib = lib
        self._conn = conn
        self._conninfo = conninfo
        self._full: Any = None
        # Settings a command gives the store (`undo_reason`, ...): kept for
        # the full store, handed to it when it opens.
        self._given: dict[str, Any] = {}
        self.server = server
        self.path = server
        self.login = ""
        self.is_lead = False
        self.member_name = ""
        self.rules_revision = 0

    @classmethod
    def open(cls, conninfo: str) -> "QuickTeamStore | None":
        """The team's record, or None when libpq cannot be loaded here."""
        lib = _libpq()
        if lib is None:
            return None
        parts = conninfo_parts(conninfo)
        server = describe_parts(parts) if parts is not None else "PostgreSQL"
        # Text goes both ways as UTF-8, whatever the database's encoding.
        names = ("dbname", "connect_timeout", "application_name", "options", "client_encoding")
        values = (conninfo, CONNECT_TIMEOUT_SECONDS, APPLICATION_NAME, OPTIONS, "UTF8")
        keywords = (ctypes.c_char_p * 6)(*[n.encode() for n in names], None)
        settings = (ctypes.c_char_p * 6)(*[v.encode() for v in values], None)
        conn = lib.PQconnectdbParams(keywords, settings, 1)
        store = cls(lib, conn, conninfo, server)
        try:
            if not conn or lib.PQstatus(conn) != _CONNECTION_OK:
                store._unreachable()
            store._who_am_i()
        except BaseException:
            store.close()
            raise
        return store

    def _unreachable(self) -> None:
        raw = self._lib.PQerrorMessage(self._conn) if self._conn else b""
        text = (raw or b"").decode(errors="replace").strip()
        reason = text.splitlines()[0] if text else "connection failed"
        import re

        reason = re.sub(r"password=\S+", "password=…", reason)
        raise LogError(
            Msg("team.unreachable", server=self.server, reason=reason.rstrip(".")),
            hint=Msg("team.unreachable_hint"),
        )

    def _who_am_i(self) -> None:
        """Who the member is, after checking the schema's migrations (one query)."""
        from csm_checklist.store.pg_schema import KNOWN

        query = (
            "SELECT session_user, csm.is_lead()::text, "
            "(SELECT name FROM csm.members WHERE login = session_user), "
            "(SELECT coalesce(string_agg(name, E'\\n' ORDER BY applied_at, name), '') "
            "FROM csm.migrations)"
        )
        revision: str | None = "0"
        try:
            try:
                # The latest published checklists, learnt in the same round
                # trip (as `PostgresStore.open` does).
                rows = self._query(
                    query + ", (SELECT coalesce(max(number), 0) FROM csm.rule_sets)::text"
                )
                login, lead, name, applied, revision = rows[0]
            except _Refused as refused:
                if refused.sqlstate != "42P01":
                    raise
                # A record from before published checklists: say what it lacks.
                rows = self._query(query)
                login, lead, name, applied = rows[0]
        except _Refused as refused:
            if refused.sqlstate not in _NOT_SET_UP:
                raise self._failed(refused) from None
            applied = None
        names = None if applied is None else [n for n in applied.split("\n") if n]
        applied_as_known(names, KNOWN, self.server)
        self.login = str(login)
        self.is_lead = lead == "true"
        self.member_name = str(name or "") or self.login
        self.rules_revision = int(revision or 0)

    def _failed(self, refused: _Refused) -> LogError:
        return LogError(
            Msg("team.failed", server=self.server, reason=refused.reason.removeprefix("csm: ")),
            hint=Msg("team.refused_hint"),
        )

    def _query(self, sql: str, params: Sequence[str | None] = ()) -> list[list[str | None]]:
        """Rows of text (None for NULL); _Refused when the server says no,
        LogError when the connection is lost."""
        lib, conn = self._lib, self._conn
        values = (ctypes.c_char_p * max(len(params), 1))(
            *[None if v is None else v.encode() for v in params]
        )
        result = lib.PQexecParams(conn, sql.encode(), len(params), None, values, None, None, 0)
        try:
            status = lib.PQresultStatus(result) if result else -1
            if status not in (_COMMAND_OK, _TUPLES_OK):
                if not result or lib.PQstatus(conn) != _CONNECTION_OK:
                    text = (lib.PQerrorMessage(conn) or b"").decode(errors="replace").strip()
                    raise LogError(
                        Msg("team.lost", server=self.server, reason=text.splitlines()[0] or "?"),
                        hint=Msg("team.unreachable_hint"),
                    )
                state = (lib.PQresultErrorField(result, _SQLSTATE) or b"").decode()
                primary = lib.PQresultErrorField(result, _PRIMARY) or b""
                raise _Refused(state, primary.decode(errors="replace").rstrip("."))
            fields = lib.PQnfields(result)
            rows = []
            for row in range(lib.PQntuples(result)):
                cells: list[str | None] = []
                for col in range(fields):
                    if lib.PQgetisnull(result, row, col):
                        cells.append(None)
                    else:
                        cells.append(lib.PQgetvalue(result, row, col).decode())
                rows.append(cells)
            return rows
        finally:
            if result:
                lib.PQclear(result)

    def _read(self, sql: str, params: Sequence[str | None] = ()) -> list[list[str | None]]:
        try:
            return self._query(sql, params)
        except _Refused as refused:
            raise self._failed(refused) from None

    def close(self) -> None:
        if self._conn:
            self._lib.PQfinish(self._conn)
            self._conn = None
        if self._full is not None:
            self._full.close()
            self._full = None

    def __enter__(self) -> "QuickTeamStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        """Whether `close` was called."""
        return not self._conn

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_") or name in _OWN:
            object.__setattr__(self, name, value)
            return
        self._given[name] = value
        if self._full is not None:
            setattr(self._full, name, value)

    def __getattr__(self, name: str) -> Any:
        # Everything these reads do not cover: the full store, on first use.
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._given:
            return self._given[name]
        if self._full is None:
            from csm_checklist.store.postgres import PostgresStore

            full = PostgresStore.open(self._conninfo)
            for given, value in self._given.items():
                setattr(full, given, value)
            self._full = full
        return getattr(self._full, name)

    # The reads of `csm today` and `csm due` ------------------------------------

    def starts(self) -> list[StartRecord]:
        rows = self._read(
            "SELECT uuid, start, recorded_at FROM tracking_starts ORDER BY recorded_at_utc, id"
        )
        return [
            StartRecord(str(u), date.fromisoformat(str(s)), datetime.fromisoformat(str(m)))
            for u, s, m in rows
        ]

    def revisions(self) -> list[RevisionRecord]:
        rows = self._read(
            "SELECT uuid, effective, recorded_at, rules FROM revisions "
            "ORDER BY effective, recorded_at_utc, id"
        )
        return [
            RevisionRecord(
                str(u), date.fromisoformat(str(d)), datetime.fromisoformat(str(m)), str(r)
            )
            for u, d, m, r in rows
        ]

    def member_logins(self) -> list[str]:
        """The logins of the team's members, in the order `csm team list` gives."""
        rows = self._read("SELECT login FROM members ORDER BY lower(name), login")
        return [str(row[0]) for row in rows]

    def assignments(self) -> "list[AssignmentRecord]":
        from csm_checklist.store.assignment_records import assignment_from_row

        rows = self._read(
            "SELECT uuid, item_id, effective, people, recorded_at, recorded_by "
            "FROM assignments ORDER BY effective, recorded_at_utc, id"
        )
        return [assignment_from_row(row) for row in rows]

    def has_open_runs(self) -> bool:
        return bool(self._read("SELECT 1 FROM runs WHERE closed_at IS NULL LIMIT 1"))

    def active_for(
        self, keys: Iterable[tuple[str, date]], *, as_logged: datetime | None = None
    ) -> dict[tuple[str, date], Event]:
        if as_logged is not None:  # a look back: the full store's notes-then
            found: dict[tuple[str, date], Event] = self.__getattr__("active_for")(
                keys, as_logged=as_logged
            )
            return found
        wanted = sorted({(item_id, start.isoformat()) for item_id, start in keys})
        active: dict[tuple[str, date], Event] = {}
        if not wanted:
            return active
        rows = self._read(
            f"SELECT {EVENT_COLUMNS} FROM events "
            "JOIN unnest($1::text[], $2::date[]) AS wanted (item_id, period_start) "
            "USING (item_id, period_start) WHERE undone_at IS NULL "
            "ORDER BY logged_at_utc DESC, id DESC",
            (_array(key[0] for key in wanted), _array(key[1] for key in wanted)),
        )
        # Newest first, so the earliest active event is written last and wins.
        for row in rows:
            event = event_from_row(row)
            active[(event.item_id, event.period_start)] = event
        return active

    def runs(
        self,
        *,
        open_only: bool = False,
        run_ids: Sequence[str] | None = None,
        started_by: datetime | None = None,
    ) -> "list[RunRecord]":
        """Runs oldest started first (`csm today` of a past day asks for the
        runs open then)."""
        from csm_checklist.store.records import utc_key

        clauses, params = ["true"], []
        if open_only:
            clauses.append("closed_at IS NULL")
        if run_ids is not None:
            params.append(_array(run_ids))
            clauses.append(f"run_id = ANY(${len(params)}::text[])")
        if started_by is not None:
            params.append(utc_key(started_by))
            clauses.append(f"started_at_utc <= ${len(params)}")
        rows = self._read(
            f"SELECT {RUN_COLUMNS} FROM runs WHERE {' AND '.join(clauses)} "
            "ORDER BY started_at_utc, id",
            params,
        )
        return [run_from_row(row) for row in rows]

    def step_events(self, run_ids: Sequence[str] | None = None) -> "list[StepEvent]":
        where, params = (
            ("true", []) if run_ids is None else ("run_id = ANY($1::text[])", [_array(run_ids)])
        )
        rows = self._read(
            f"SELECT {STEP_COLUMNS} FROM step_events WHERE {where} ORDER BY logged_at_utc, id",
            params,
        )
        return [step_from_row(row) for row in rows]


def _array(values: Iterable[str]) -> str:
    """A PostgreSQL array literal of text values, each quoted."""
    quoted = ('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values)
    return "{" + ",".join(quoted) + "}"
