"""The team's shared record on PostgreSQL: the same reads and writes as the
SQLite log (`store/sqlite.py`), against the schema of `pg_schema.py`.

psycopg is imported here and only here, and this module only when a
PostgreSQL store is configured: `csm today` on SQLite never loads it.

What the server enforces (append-only entries, logged_by the connected login,
undo only one's own unless a lead, one active entry per item and period) is in
the schema; this module writes so that those rules are met and explains a
refusal: every UPDATE's row count is checked, since an UPDATE that row-level
security hides changes nothing and says nothing.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

import psycopg
from psycopg import errors as pg_errors
from psycopg.types.string import TextLoader

from csm_checklist.errors import ImportFileError, LogError, NotMet
from csm_checklist.messages import Msg
from csm_checklist.store import pg_chain, pg_schema
from csm_checklist.store.assignment_records import (
    AssignmentRecord,
    assignment_from_row,
    assignment_params,
)
from csm_checklist.store.interface import Store
from csm_checklist.store.measure_records import MeasureRecord, MeasureValue
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
    COMMITS,
    FIELDS,
    MIN_UUID_PREFIX,
    ROW_ERRORS,
    Event,
    NoteChange,
    RevisionRecord,
    StartRecord,
    aware,
    bad_row,
    event_row,
    utc_key,
)
from csm_checklist.store.run_records import RunRecord, StepEvent

# How long a command waits for the server before saying it cannot reach it.
CONNECT_TIMEOUT_SECONDS = 5
APPLICATION_NAME = "csm"

# The columns of an event, in `FIELDS` order: `by` is who did it (done_by);
# logged_by is the login that wrote it.
_INSERT_COLUMNS = (
    "uuid, item_id, title, cadence, kind, period_start, period_end, for_date, "
    "logged_at, logged_at_utc, done_by, note, host"
)


def describe(conninfo: str) -> str:
    """The server a connection string names, for a person, never with a
    password: `host:port/database` or `service NAME`."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(conninfo)
    except psycopg.ProgrammingError:
        return "PostgreSQL"
    return describe_parts(parts)


def connect(
    conninfo: str, *, autocommit: bool = False, in_schema: bool = False
) -> psycopg.Connection[Any]:
    """A connection to the team's server, or LogError in one line naming it.

    Waits CONNECT_TIMEOUT_SECONDS at most; libpq finds the password where it
    keeps them (~/.pgpass, a service file, PGPASSWORD), never csm. With
    `in_schema`, csm's tables are found without their schema's name (set as
    the connection starts: no round trip of its own).
    """
    try:
        if in_schema:
            from psycopg.conninfo import make_conninfo

            conninfo = make_conninfo(conninfo, options="-c search_path=csm,pg_catalog")
        conn = psycopg.connect(
            conninfo,
            connect_timeout=CONNECT_TIMEOUT_SECONDS,
            application_name=APPLICATION_NAME,
            autocommit=autocommit,
        )
    except psycopg.Error as exc:
        raise unreachable(conninfo, exc) from exc
    # Dates come back as their ISO text, as the SQLite log gives them.
    conn.adapters.register_loader("date", TextLoader)
    return conn


def unreachable(conninfo: str, exc: BaseException) -> LogError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    # libpq's reason can repeat the whole connection string: keep its last part.
    reason = re.sub(r"password=\S+", "password=…", reason)
    # psycopg puts "connection is bad: " before libpq's own words; the quick
    # store (libpq alone) says them bare, and the two must read alike.
    reason = reason.removeprefix("connection is bad: ")
    return LogError(
        Msg("team.unreachable", server=describe(conninfo), reason=reason.rstrip(".")),
        hint=Msg("team.unreachable_hint"),
    )


def applied_migrations(conn: psycopg.Connection[Any]) -> list[str] | None:
    """The migrations recorded on the server, oldest first; None when csm's
    schema is not there at all."""
    exists = conn.execute("SELECT to_regclass('csm.migrations') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return None
    rows = conn.execute("SELECT name FROM csm.migrations ORDER BY applied_at, name").fetchall()
    return [str(row[0]) for row in rows]


def check_schema(conn: psycopg.Connection[Any], server: str) -> None:
    """LogError unless the server's schema is exactly the one this csm knows."""
    check_applied(applied_migrations(conn), server)


def check_applied(applied: Sequence[str] | None, server: str) -> None:
    """LogError unless `applied` are exactly the migrations this csm knows."""
    applied_as_known(applied, pg_schema.KNOWN, server)


def _insert_params(event: Event) -> tuple[object, ...]:
    return (
        event.uuid,
        event.item_id,
        event.title,
        event.cadence,
        event.kind,
        event.period_start.isoformat(),
        event.period_end.isoformat(),
        event.for_date.isoformat(),
        event.logged_at.isoformat(),
        utc_key(event.logged_at),
        event.by,
        event.note,
        event.host,
    )


class RuleSetHead(NamedTuple):
    """One revision of the team's published checklists, without its content."""

    number: int
    digest: str
    published_at: datetime
    login: str
    name: str


class RulesMoved(NotMet):
    """Someone published the team's checklists after `base`: `head` is the
    latest. `writing`: refused while logging, not while publishing."""

    def __init__(
        self, head: RuleSetHead, base: int, *, zone: str = "", writing: bool = False
    ) -> None:
        from csm_checklist.duties.published import moment_text

        at = moment_text(head.published_at, zone)
        if writing:
            super().__init__(
                Msg("publish.moved_writing", number=head.number, name=head.name, at=at),
                hint=Msg("publish.moved_writing_hint", number=head.number),
            )
        else:
            super().__init__(
                Msg("publish.moved", number=head.number, name=head.name, at=at, base=base),
                hint=Msg("publish.moved_hint", number=head.number),
            )
        self.head = head
        self.base = base


class _DryRun(Exception):
    """Raised inside a dry-run merge to roll its transaction back."""


class PostgresStore:
    """The team's events on a PostgreSQL server. Open with `PostgresStore.open(url)`."""

    def __init__(
        self, conn: psycopg.Connection[Any], server: str, login: str, lead: bool, name: str
    ) -> None:
        self._conn = conn
        # How many writes are open (a read inside one must not end it).
        self._writes = 0
        self.server = server
        self.path = server  # what messages about "the log" name
        # A lead's reason for undoing someone else's entry (`csm undo --reason`).
        self.undo_reason = ""
        self.login = login
        self.is_lead = lead
        # Who does what this member logs, unless they say (--by).
        self.member_name = name or login
        # The latest revision of the team's published checklists when this
        # store was opened (0: none yet), and the one this command's rules
        # come from (set by the CLI): a write is refused when a lead
        # published another in between.
        self.rules_revision = 0
        self.rules_used: int | None = None
        # The time zone moments are shown in (the team's setting).
        self.display_zone = ""

    @classmethod
    def open(cls, conninfo: str) -> PostgresStore:
        """The team's record: one connection, in autocommit (each read is one
        round trip; each write its own transaction), and one query that checks
        the schema's migrations and says who the member is."""
        server = describe(conninfo)
        conn = connect(conninfo, autocommit=True, in_schema=True)
        try:
            query = (
                "SELECT session_user, csm.is_lead(), "
                "(SELECT name FROM csm.members WHERE login = session_user), "
                "array(SELECT name FROM csm.migrations ORDER BY applied_at, name)"
            )
            try:
                # The team's published checklists: which revision is the
                # latest, learnt in the same round trip.
                row = conn.execute(
                    query + ", (SELECT coalesce(max(number), 0) FROM csm.rule_sets)"
                ).fetchone()
            except pg_errors.UndefinedTable:
                # A record from before published checklists: say what it lacks.
                try:
                    row = conn.execute(query).fetchone()
                except (
                    pg_errors.UndefinedTable,
                    pg_errors.UndefinedFunction,
                    pg_errors.InvalidSchemaName,
                ):
                    row = None
            except (pg_errors.UndefinedFunction, pg_errors.InvalidSchemaName):
                row = None
            check_applied(None if row is None else list(row[3]), server)
            assert row is not None
            store = cls(conn, server, str(row[0]), bool(row[1]), str(row[2] or ""))
            store.rules_revision = int(row[4])
            return store
        except psycopg.OperationalError as exc:
            conn.close()
            raise unreachable(conninfo, exc) from exc
        except psycopg.Error as exc:
            conn.close()
            raise LogError(
                Msg("team.failed", server=server, reason=_server_reason(exc)),
                hint=Msg("team.refused_hint"),
            ) from exc
        except BaseException:
            conn.close()
            raise

    def close(self) -> None:
        self._conn.close()

    @property
    def closed(self) -> bool:
        return bool(self._conn.closed)

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """The server's refusals and a lost connection, as one sentence."""
        try:
            yield
        except pg_errors.InsufficientPrivilege as exc:
            raise NotMet(
                Msg("team.refused", server=self.server, reason=_server_reason(exc)),
                hint=Msg("team.refused_hint"),
            ) from exc
        except psycopg.OperationalError as exc:
            raise LogError(
                Msg("team.lost", server=self.server, reason=_server_reason(exc)),
                hint=Msg("team.unreachable_hint"),
            ) from exc
        except psycopg.Error as exc:
            raise LogError(
                Msg("team.failed", server=self.server, reason=_server_reason(exc)),
                hint=Msg("team.refused_hint"),
            ) from exc

    @contextlib.contextmanager
    def _write(self) -> Iterator[psycopg.Connection[Any]]:
        self._writes += 1
        try:
            with self._errors(), self._conn.transaction():
                yield self._conn
        finally:
            self._writes -= 1
        COMMITS[0] += 1

    def _end_read(self) -> None:
        # Reads run in a transaction psycopg opened: end it, so the next
        # command sees what others wrote since and holds no snapshot. A read
        # made while a write is open (a merge checking the records it is
        # handed) belongs to that write's transaction and leaves it be.
        if self._writes:
            return
        if self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            self._conn.rollback()

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        with self._errors():
            rows = self._conn.execute(sql, tuple(params)).fetchall()
        self._end_read()
        return rows

    # Writing -----------------------------------------------------------------

    def record(
        self,
        events: Sequence[Event],
        measures: Mapping[str, Sequence[tuple[str, float, str]]] | None = None,
    ) -> list[tuple[Event, Event | None]]:
        """Log `events` in one transaction, each unless its period is settled:
        (event, None) when written (or already written by this very call's
        earlier try: the uuid makes a retry harmless), else (event, existing)."""
        results: list[tuple[Event, Event | None]] = []
        with self._write() as conn:
            self._check_rules(conn)
            links = pg_chain.Links(conn)
            for event in events:
                # Logged by the connected login, whatever the event says (the
                # server would refuse another name), and so in its chain link.
                event = event._replace(logged_by=self.login)
                results.append((event, self._record_one(conn, event, measures or {}, links)))
        return results

    def _record_one(
        self,
        conn: psycopg.Connection[Any],
        event: Event,
        measures: Mapping[str, Sequence[tuple[str, float, str]]],
        links: pg_chain.Links | None = None,
    ) -> Event | None:
        links = links or pg_chain.Links(conn)
        for _attempt in range(3):
            inserted = conn.execute(
                f"INSERT INTO events ({_INSERT_COLUMNS}) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT DO NOTHING RETURNING id",
                _insert_params(event),
            ).fetchone()
            if inserted is not None:
                links.entry(event)
            if inserted is not None or self._has_uuid(conn, event.uuid):
                for measure_id, value, unit in measures.get(event.uuid, ()):
                    conn.execute(
                        "INSERT INTO measures (event_uuid, measure_id, value, unit) "
                        "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                        (event.uuid, measure_id, value, unit),
                    )
                return None
            existing = self._first_active(conn, event.item_id, event.period_start)
            if existing is not None:
                return existing
            # Undone between our insert and our look: try again.
        raise LogError(
            Msg("team.failed", server=self.server, reason="busy"),
            hint=Msg("team.refused_hint"),
        )

    @staticmethod
    def _has_uuid(conn: psycopg.Connection[Any], uuid: str) -> bool:
        return conn.execute("SELECT 1 FROM events WHERE uuid = %s", (uuid,)).fetchone() is not None

    @staticmethod
    def _first_active(
        conn: psycopg.Connection[Any], item_id: str, period_start: date
    ) -> Event | None:
        row = conn.execute(
            f"SELECT {EVENT_COLUMNS} FROM events "
            "WHERE item_id = %s AND period_start = %s AND undone_at IS NULL "
            "ORDER BY logged_at_utc, id LIMIT 1",
            (item_id, period_start.isoformat()),
        ).fetchone()
        return event_from_row(row) if row is not None else None

    def has_open_runs(self) -> bool:
        return bool(self._rows("SELECT 1 FROM runs WHERE closed_at IS NULL LIMIT 1"))

    def undo_latest(
        self,
        at: datetime,
        *,
        item_id: str | None = None,
        period_start: date | None = None,
        for_date: date | None = None,
    ) -> Event | None:
        """Mark the latest active event matching the filters undone at `at`.

        Without an item, a member's latest own entry; with one, the latest of
        that item, whoever logged it: the server then refuses unless it is
        one's own or one is a lead (with a reason), and csm says why.
        """
        clauses = ["undone_at IS NULL"]
        params: list[object] = []
        if item_id is None and period_start is None and for_date is None:
            clauses.append("logged_by = session_user")
        if item_id is not None:
            clauses.append("item_id = %s")
            params.append(item_id)
        if period_start is not None:
            clauses.append("period_start = %s")
            params.append(period_start.isoformat())
        if for_date is not None:
            clauses.append("for_date = %s")
            params.append(for_date.isoformat())
        for _attempt in range(3):
            with self._write() as conn:
                links = pg_chain.Links(conn)
                row = conn.execute(
                    f"SELECT id, logged_by, {EVENT_COLUMNS} FROM events "
                    f"WHERE {' AND '.join(clauses)} "
                    "ORDER BY logged_at_utc DESC, id DESC LIMIT 1",
                    tuple(params),
                ).fetchone()
                if row is None:
                    return None
                row_id, logged_by, *fields = row
                event = event_from_row(fields)
                if logged_by != self.login and not self.is_lead:
                    raise NotMet(
                        Msg("team.not_yours", by=logged_by, item=event.item_id),
                        hint=Msg("team.not_yours_hint", by=logged_by),
                    )
                if logged_by != self.login and not self.undo_reason.strip():
                    raise NotMet(
                        Msg("team.reason_needed", by=logged_by, item=event.item_id),
                        hint=Msg("team.reason_needed_hint", item=event.item_id),
                    )
                changed = conn.execute(
                    "UPDATE events SET undone_at = %s, undo_reason = %s "
                    "WHERE id = %s AND undone_at IS NULL",
                    (at.isoformat(), self.undo_reason.strip(), row_id),
                ).rowcount
                if changed == 1:
                    links.undo(event.uuid, at.isoformat())
                    return event._replace(undone_at=at)
            # Undone by someone else meanwhile, or hidden: look again.
        raise NotMet(
            Msg("team.failed", server=self.server, reason="busy"),
            hint=Msg("team.refused_hint"),
        )

    def find_event(self, text: str) -> Event:
        from csm_checklist.errors import BadInput

        prefix = text.strip().lower()
        if len(prefix) < MIN_UUID_PREFIX or not all(c in "0123456789abcdef-" for c in prefix):
            raise BadInput(
                Msg("errors.not_event_id", text=text, count=MIN_UUID_PREFIX),
                hint=Msg("errors.not_event_id_hint"),
            )
        rows = self._rows(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE uuid >= %s AND uuid < %s "
            "ORDER BY uuid LIMIT 6",
            (prefix, prefix + "~"),
        )
        if not rows:
            raise NotMet(
                Msg("errors.no_event_prefix", prefix=prefix),
                hint=Msg("errors.event_ids_hint"),
            )
        if len(rows) > 1:
            shown = ", ".join(str(row[0]) for row in rows[:5])
            raise NotMet(
                Msg("errors.several_events_prefix", prefix=prefix, shown=shown),
                hint=Msg("errors.several_events_prefix_hint"),
            )
        return event_from_row(rows[0])

    def change_note(
        self, uuid: str, note: str, at: datetime, by: str, host: str
    ) -> tuple[Event, NoteChange | None]:
        """Replace the note of event `uuid`; the server keeps the earlier text
        in note_changes itself, signed with the connected login."""
        with self._write() as conn:
            links = pg_chain.Links(conn)
            row = conn.execute(
                f"SELECT logged_by, {EVENT_COLUMNS} FROM events WHERE uuid = %s", (uuid,)
            ).fetchone()
            if row is None:
                raise NotMet(
                    Msg("errors.no_event_uuid", uuid=uuid), hint=Msg("errors.event_ids_hint")
                )
            logged_by, *fields = row
            event = event_from_row(fields)
            if event.note == note:
                return event, None
            conn.execute("SELECT set_config('csm.changed_at', %s, true)", (at.isoformat(),))
            conn.execute("SELECT set_config('csm.host', %s, true)", (host,))
            changed = conn.execute(
                "UPDATE events SET note = %s WHERE uuid = %s", (note, uuid)
            ).rowcount
            if changed != 1:
                raise NotMet(
                    Msg("team.not_your_note", by=logged_by),
                    hint=Msg("team.not_yours_hint", by=logged_by),
                )
            links.latest_note("note", uuid)
        return event._replace(note=note), NoteChange(uuid, event.note, note, at, self.login, host)

    def note_changes(self, uuids: Iterable[str]) -> dict[str, list[NoteChange]]:
        wanted = sorted(set(uuids))
        found: dict[str, list[NoteChange]] = {}
        if not wanted:
            return found
        rows = self._rows(
            "SELECT event_uuid, old_note, new_note, changed_at, changed_by, host "
            "FROM note_changes WHERE event_uuid = ANY(%s) ORDER BY changed_at_utc, id",
            (wanted,),
        )
        for uuid, old, new, at, by, host in rows:
            found.setdefault(uuid, []).append(
                NoteChange(uuid, old, new, datetime.fromisoformat(at), by, host)
            )
        return found

    def _notes_then(self, as_logged: datetime | None) -> dict[str, str] | None:
        """What each note corrected after `as_logged` read at that moment: the
        old note of its first correction made later (by the moment the
        correction names, as on SQLite). None without a moment."""
        if as_logged is None:
            return None
        rows = self._rows(
            "SELECT event_uuid, old_note FROM note_changes "
            "WHERE changed_at::timestamptz > %s::timestamptz "
            "ORDER BY changed_at::timestamptz DESC, id DESC",
            (as_logged.isoformat(),),
        )
        # Newest first, so the earliest later correction is written last and wins.
        return {str(uuid): str(old) for uuid, old in rows}

    def all_note_changes(
        self, *, since: date | None = None, until: date | None = None, include_undone: bool = False
    ) -> list[NoteChange]:
        """The note corrections of the events an export holds (see `Store`)."""
        clauses, params = ["true"], []
        if since is not None:
            clauses.append("e.for_date >= %s")
            params.append(since.isoformat())
        if until is not None:
            clauses.append("e.for_date <= %s")
            params.append(until.isoformat())
        if not include_undone:
            clauses.append("e.undone_at IS NULL")
        rows = self._rows(
            "SELECT n.event_uuid, n.old_note, n.new_note, n.changed_at, n.changed_by, n.host "
            "FROM note_changes n JOIN events e ON e.uuid = n.event_uuid "
            f"WHERE {' AND '.join(clauses)} ORDER BY n.changed_at::timestamptz, n.id",
            params,
        )
        found = []
        for uuid, old, new, at, by, host in rows:
            try:
                found.append(NoteChange(uuid, old, new, aware(at), by, host))
            except ROW_ERRORS as exc:
                raise bad_row("note_changes", uuid, exc) from None
        return found

    def merge_note_changes(self, records: Iterable[NoteChange], *, dry_run: bool = False) -> int:
        """Add a backup's note corrections the store lacks (see `Store`), by
        the server's `csm.merge_note_change`: the same event, moment and texts
        are the same correction, so importing twice adds nothing."""
        added = 0
        try:
            with self._write() as conn:
                links = pg_chain.Links(conn)
                for record in records:
                    if (
                        dry_run
                        and not conn.execute(
                            "SELECT 1 FROM events WHERE uuid = %s", (record.event_uuid,)
                        ).fetchone()
                    ):
                        # Its entry comes with this very import, which a dry
                        # run does not keep: a correction it would add.
                        added += 1
                        continue
                    row = conn.execute(
                        "SELECT csm.merge_note_change(%s, %s, %s, %s, %s, %s)",
                        (
                            record.event_uuid,
                            record.old_note,
                            record.new_note,
                            record.changed_at.isoformat(),
                            record.by,
                            record.host,
                        ),
                    ).fetchone()
                    if row and row[0]:
                        links.latest_note("note-trail", record.event_uuid)
                        added += 1
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return added

    def item_of_event(self, uuid: str) -> str | None:
        """The item of the event whose uuid is exactly `uuid` (see `Store`)."""
        rows = self._rows("SELECT item_id FROM events WHERE uuid = %s", (uuid,))
        return None if not rows else str(rows[0][0])

    def merge(
        self,
        events: Iterable[Event],
        *,
        dry_run: bool = False,
        starts: Callable[[], Sequence[StartRecord]] = tuple,
        revisions: Sequence[RevisionRecord] = (),
    ) -> tuple[int, int]:
        """Add the events whose uuid the team's record lacks, in one
        transaction; (added, already present). An event for a period someone
        already settled is added undone, so the record keeps it and counts
        the period once."""
        added = present = 0
        try:
            with self._write() as conn:
                links = pg_chain.Links(conn)
                for revision in revisions:
                    self._insert_revision(conn, revision)
                added, present = self._merge(conn, events, links)
                for start in starts():
                    self._insert_start(conn, start)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return added, present

    def _merge(
        self, conn: psycopg.Connection[Any], events: Iterable[Event], links: pg_chain.Links
    ) -> tuple[int, int]:
        added = present = 0
        for event in events:
            stored = conn.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE uuid = %s", (event.uuid,)
            ).fetchone()
            if stored is not None:
                present += 1
                self._merge_present(conn, event_from_row(stored), event, links)
                continue
            undone = event.undone_at
            if undone is None and self._first_active(conn, event.item_id, event.period_start):
                undone = event.logged_at  # the period was settled by someone else
            # Logged by the member who brings the entry in; an administrator
            # restoring the team's backup keeps each entry's own login. The
            # chain's link hashes what the server kept (RETURNING).
            inserted = conn.execute(
                f"INSERT INTO events ({_INSERT_COLUMNS}, undone_at, undo_reason, logged_by) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                "coalesce(CASE WHEN csm.is_admin() THEN nullif(%s, '') END, session_user)) "
                "ON CONFLICT (uuid) DO NOTHING RETURNING logged_by",
                (
                    *_insert_params(event),
                    undone.isoformat() if undone is not None else None,
                    "" if undone is event.undone_at else "joined: period already logged",
                    event.logged_by,
                ),
            ).fetchone()
            if inserted is not None:
                links.entry(event._replace(undone_at=undone, logged_by=str(inserted[0])))
            added += 1
        return added, present

    def _merge_present(
        self, conn: psycopg.Connection[Any], mine: Event, event: Event, links: pg_chain.Links
    ) -> None:
        """An event the record already holds: the same but for its undo (or a
        note corrected here since), else ImportFileError; an undo in the file
        is carried over, as the member's own or a lead's."""
        ours, theirs = event_row(mine), event_row(event)
        for name, have, got in zip(FIELDS, ours, theirs, strict=True):
            # Who logged it is this record's own fact (see sqlite_events.merge_events).
            if have == got or name in ("undone_at", "logged_by"):
                continue
            if (
                name == "note"
                and conn.execute(
                    "SELECT 1 FROM note_changes WHERE event_uuid = %s AND old_note = %s LIMIT 1",
                    (event.uuid, got),
                ).fetchone()
            ):
                continue  # exported before the note was corrected here
            raise ImportFileError(
                Msg("errors.import_conflict", uuid=event.uuid, name=name, mine=have, theirs=got),
                hint=Msg("errors.import_conflict_note_hint", uuid=event.uuid[:8])
                if name == "note"
                else Msg("errors.import_conflict_hint"),
            )
        if mine.undone_at is None and event.undone_at is not None:
            changed = conn.execute(
                "UPDATE events SET undone_at = %s, undo_reason = %s "
                "WHERE uuid = %s AND undone_at IS NULL",
                (event.undone_at.isoformat(), "undone in an imported file", event.uuid),
            ).rowcount
            if changed != 1:
                row = conn.execute(
                    "SELECT logged_by FROM events WHERE uuid = %s", (event.uuid,)
                ).fetchone()
                by = str(row[0]) if row else "?"
                raise NotMet(
                    Msg("team.not_yours", by=by, item=event.item_id),
                    hint=Msg("team.not_yours_hint", by=by),
                )
            links.undo(event.uuid, event.undone_at.isoformat())

    # The team's published checklists ------------------------------------------

    def _check_rules(self, conn: psycopg.Connection[Any]) -> None:
        """RulesMoved when the team published a revision after the one this
        command's rules come from: the entry would be judged by rules no
        longer the team's. A shared lock, which a publish waits for, holds
        the answer until this write commits."""
        if self.rules_used is None:
            return
        conn.execute("SELECT pg_advisory_xact_lock_shared(hashtext('csm.rule_sets'))")
        row = conn.execute("SELECT coalesce(max(number), 0) FROM rule_sets").fetchone()
        latest = int(row[0]) if row else 0
        if latest != self.rules_used:
            head = self._rule_head(conn, latest)
            assert head is not None
            raise RulesMoved(head, self.rules_used, zone=self.display_zone, writing=True)

    _HEAD_COLUMNS = (
        "r.number, r.digest, r.published_at, r.published_by, "
        "coalesce((SELECT m.name FROM members m WHERE m.login = r.published_by), r.published_by)"
    )

    @classmethod
    def _rule_head(cls, conn: psycopg.Connection[Any], number: int | None) -> RuleSetHead | None:
        where = "r.number = %s" if number is not None else "true"
        params = (number,) if number is not None else ()
        row = conn.execute(
            f"SELECT {cls._HEAD_COLUMNS} FROM rule_sets r WHERE {where} "
            "ORDER BY r.number DESC LIMIT 1",
            params,
        ).fetchone()
        if row is None:
            return None
        moment = datetime.fromisoformat(str(row[2]))
        return RuleSetHead(int(row[0]), str(row[1]), moment, str(row[3]), str(row[4]))

    def rule_set_head(self, number: int | None = None) -> RuleSetHead | None:
        """Who published revision `number` (the latest when None), and when."""
        with self._errors():
            head = self._rule_head(self._conn, number)
        self._end_read()
        return head

    def rule_set(self, number: int) -> tuple[RuleSetHead, str]:
        """Revision `number` of the team's checklists: who published it, and
        its content (a JSON document)."""
        with self._errors():
            head = self._rule_head(self._conn, number)
            row = self._conn.execute(
                "SELECT content FROM rule_sets WHERE number = %s", (number,)
            ).fetchone()
        self._end_read()
        if head is None or row is None:
            raise LogError(
                Msg("team.failed", server=self.server, reason=f"no revision {number}"),
                hint=Msg("team.refused_hint"),
            )
        return head, str(row[0])

    def publish_rules(self, base: int, content: str, digest: str, at: datetime) -> int:
        """Publish `content` as the revision after `base`; its number.
        RulesMoved when someone published after `base`; NotMet (the server's
        refusal) for a member who is not a lead."""
        try:
            with self._write() as conn:
                row = conn.execute(
                    "SELECT publish_rules(%s, %s, %s, %s)",
                    (base, content, digest, at.isoformat()),
                ).fetchone()
        except LogError as exc:
            cause = exc.__cause__
            if getattr(cause, "sqlstate", None) != "CSMP1":
                raise
            head = self.rule_set_head()
            assert head is not None
            raise RulesMoved(head, base, zone=self.display_zone) from None
        assert row is not None
        self.rules_revision = int(row[0])
        return int(row[0])

    def add_start(self, record: StartRecord, *, unless_any: bool = False) -> bool:
        with self._write() as conn:
            if unless_any:
                # Members may not LOCK a table: a transaction-scoped advisory
                # lock makes "unless any" one decision across the team.
                conn.execute("SELECT pg_advisory_xact_lock(hashtext('csm.tracking_starts'))")
                if conn.execute("SELECT 1 FROM tracking_starts LIMIT 1").fetchone():
                    return False
            return self._insert_start(conn, record)

    @staticmethod
    def _insert_start(conn: psycopg.Connection[Any], record: StartRecord) -> bool:
        cursor = conn.execute(
            "INSERT INTO tracking_starts (uuid, start, recorded_at, recorded_at_utc) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT (uuid) DO NOTHING",
            (
                record.uuid,
                record.start.isoformat(),
                record.recorded_at.isoformat(),
                utc_key(record.recorded_at),
            ),
        )
        return cursor.rowcount == 1

    def add_revision(self, record: RevisionRecord, *, unless_latest_is: str | None = None) -> bool:
        with self._write() as conn:
            if unless_latest_is is not None:
                conn.execute("SELECT pg_advisory_xact_lock(hashtext('csm.revisions'))")
                latest = conn.execute(
                    "SELECT rules FROM revisions ORDER BY effective DESC, recorded_at_utc DESC, "
                    "id DESC LIMIT 1"
                ).fetchone()
                if latest is not None and latest[0] == unless_latest_is:
                    return False
            return self._insert_revision(conn, record)

    @staticmethod
    def _insert_revision(conn: psycopg.Connection[Any], record: RevisionRecord) -> bool:
        cursor = conn.execute(
            "INSERT INTO revisions (uuid, effective, recorded_at, recorded_at_utc, rules) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (uuid) DO NOTHING",
            (
                record.uuid,
                record.effective.isoformat(),
                record.recorded_at.isoformat(),
                utc_key(record.recorded_at),
                record.rules,
            ),
        )
        return cursor.rowcount == 1

    def starts(self) -> list[StartRecord]:
        rows = self._rows(
            "SELECT uuid, start, recorded_at FROM tracking_starts ORDER BY recorded_at_utc, id"
        )
        return [
            StartRecord(uuid, date.fromisoformat(start), datetime.fromisoformat(moment))
            for uuid, start, moment in rows
        ]

    def revisions(self) -> list[RevisionRecord]:
        rows = self._rows(
            "SELECT uuid, effective, recorded_at, rules FROM revisions "
            "ORDER BY effective, recorded_at_utc, id"
        )
        return [
            RevisionRecord(uuid, date.fromisoformat(day), datetime.fromisoformat(moment), rules)
            for uuid, day, moment, rules in rows
        ]

    def member_logins(self) -> list[str]:
        """The logins of the team's members, in the order `csm team list` gives."""
        rows = self._rows("SELECT login FROM members ORDER BY lower(name), login")
        return [str(row[0]) for row in rows]

    def assignments(self) -> list[AssignmentRecord]:
        rows = self._rows(
            "SELECT uuid, item_id, effective, people, recorded_at, recorded_by "
            "FROM assignments ORDER BY effective, recorded_at_utc, id"
        )
        return [assignment_from_row(row) for row in rows]

    def add_assignment(self, record: AssignmentRecord) -> None:
        """Record a `csm assign` change; the server refuses it from a member
        who is not a lead (NotMet), and records the connected login as its
        author whatever `record.by` says."""
        params = assignment_params(record)[:-1]
        with self._write() as conn:
            conn.execute(
                "INSERT INTO assignments (uuid, item_id, effective, people, recorded_at, "
                "recorded_at_utc) VALUES (%s, %s, %s, %s, %s, %s)",
                params,
            )

    # Reading -----------------------------------------------------------------

    def active_for(
        self, keys: Iterable[tuple[str, date]], *, as_logged: datetime | None = None
    ) -> dict[tuple[str, date], Event]:
        wanted = sorted({(item_id, start.isoformat()) for item_id, start in keys})
        found: dict[tuple[str, date], Event] = {}
        if not wanted:
            return found
        state, extra = _state_filter(as_logged)
        rows = self._rows(
            f"SELECT {EVENT_COLUMNS} FROM events "
            "JOIN unnest(%s::text[], %s::date[]) AS wanted (item_id, period_start) "
            f"USING (item_id, period_start) WHERE {state} "
            "ORDER BY logged_at_utc DESC, id DESC",
            ([key[0] for key in wanted], [key[1] for key in wanted], *extra),
        )
        notes = self._notes_then(as_logged)
        for event in _standing(rows, as_logged, notes):
            found[(event.item_id, event.period_start)] = event
        return found

    def active_overlapping(
        self, first: date, last: date, *, as_logged: datetime | None = None
    ) -> list[Event]:
        state, extra = _state_filter(as_logged)
        rows = self._rows(
            f"SELECT {EVENT_COLUMNS} FROM events "
            f"WHERE period_end >= %s AND period_start <= %s AND {state} "
            "ORDER BY period_start, logged_at_utc, id",
            (first.isoformat(), last.isoformat(), *extra),
        )
        return list(_standing(rows, as_logged, self._notes_then(as_logged)))

    def events(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        item_id: str | None = None,
        cadence: str | None = None,
        limit: int | None = None,
        include_undone: bool = True,
        newest_first: bool = True,
        as_logged: datetime | None = None,
        by: str | None = None,
        by_day: bool = False,
    ) -> Iterator[Event]:
        where, params = _filters(
            since, until, item_id, cadence, include_undone or as_logged is not None, by
        )
        if as_logged is not None:
            where += " AND logged_at_utc <= %s"
            params.append(utc_key(as_logged))
        order = "DESC" if newest_first else "ASC"
        day_order = f"for_date {order}, " if by_day else ""
        sql = (
            f"SELECT {EVENT_COLUMNS} FROM events WHERE {where} "
            f"ORDER BY {day_order}logged_at_utc {order}, id {order}"
        )
        if limit is not None and as_logged is None:
            sql += " LIMIT %s"
            params.append(limit)
        shown = 0
        notes = self._notes_then(as_logged)
        for row in self._rows(sql, params):
            event = _note_then(event_from_row(row), notes)
            if as_logged is not None:
                if event.undone_at is not None and event.undone_at > as_logged:
                    event = event._replace(undone_at=None)
                if event.undone_at is not None and not include_undone:
                    continue
                if limit is not None and shown >= limit:
                    return
                shown += 1
            yield event

    def count_events(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        item_id: str | None = None,
        cadence: str | None = None,
        include_undone: bool = True,
        by: str | None = None,
    ) -> int:
        where, params = _filters(since, until, item_id, cadence, include_undone, by)
        return int(self._rows(f"SELECT count(*) FROM events WHERE {where}", params)[0][0])

    def export_batches(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        include_undone: bool = False,
        batch_size: int = 1000,
    ) -> Iterator[list[tuple[str | None, ...]]]:
        where, params = _filters(since, until, None, None, include_undone)
        sql = f"SELECT {EVENT_COLUMNS} FROM events WHERE {where} ORDER BY logged_at_utc, id"
        with (
            self._errors(),
            self._conn.transaction(),
            self._conn.cursor(name="csm_export") as cursor,
        ):
            cursor.execute(sql, tuple(params))
            while True:
                rows = cursor.fetchmany(batch_size)
                if not rows:
                    break
                yield [tuple(None if v is None else str(v) for v in row) for row in rows]
        self._end_read()

    def has_item(self, item_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM events WHERE item_id = %s LIMIT 1", (item_id,)))

    def count(self) -> int:
        return int(self._rows("SELECT count(*) FROM events")[0][0])

    def chain_head(self) -> tuple[int, str]:
        """(count, head) of the team's hash chain (see `Store.chain_head`)."""
        rows = self._rows("SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1")
        return (int(rows[0][0]), str(rows[0][1])) if rows else (0, "0" * 64)

    def verify_chain(self, want: str | None = None) -> pg_chain.Verdict:
        """Walk the hash chain against the stored rows (see `Store.verify_chain`)."""
        with self._errors():
            return pg_chain.verify(self._conn, want)

    # Playbook runs -----------------------------------------------------------

    def has_runs(self) -> bool:
        return bool(self._rows("SELECT 1 FROM runs LIMIT 1"))

    def run_ids(self) -> list[str]:
        return [
            str(row[0]) for row in self._rows("SELECT run_id FROM runs ORDER BY started_at_utc, id")
        ]

    def runs(
        self,
        *,
        open_only: bool = False,
        run_ids: Sequence[str] | None = None,
        started_by: datetime | None = None,
    ) -> list[RunRecord]:
        clauses = ["true"]
        params: list[object] = []
        if open_only:
            clauses.append("closed_at IS NULL")
        if run_ids is not None:
            clauses.append("run_id = ANY(%s)")
            params.append(list(run_ids))
        if started_by is not None:
            clauses.append("started_at_utc <= %s")
            params.append(utc_key(started_by))
        rows = self._rows(
            f"SELECT {RUN_COLUMNS} FROM runs WHERE {' AND '.join(clauses)} "
            "ORDER BY started_at_utc, id",
            params,
        )
        return [run_from_row(row) for row in rows]

    def step_events(self, run_ids: Sequence[str] | None = None) -> list[StepEvent]:
        where, params = (
            ("run_id = ANY(%s)", [list(run_ids)]) if run_ids is not None else ("true", [])
        )
        rows = self._rows(
            f"SELECT {STEP_COLUMNS} FROM step_events WHERE {where} ORDER BY logged_at_utc, id",
            params,
        )
        return [step_from_row(row) for row in rows]

    def start_run(self, run: RunRecord) -> str:
        with self._write() as conn:
            # One decision across the team on the id's number.
            conn.execute("SELECT pg_advisory_xact_lock(hashtext('csm.runs'))")
            taken = {
                str(row[0])
                for row in conn.execute(
                    "SELECT run_id FROM runs WHERE run_id = %s OR run_id LIKE %s",
                    (run.run_id, run.run_id.replace("%", r"\%").replace("_", r"\_") + "-%"),
                )
            }
            run_id, number = run.run_id, 2
            while run_id in taken:
                run_id = f"{run.run_id}-{number}"
                number += 1
            conn.execute(
                f"INSERT INTO runs ({RUN_COLUMNS}, started_at_utc, closed_at_utc) VALUES "
                "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (uuid) DO NOTHING",
                _run_params(run._replace(run_id=run_id)),
            )
        return run_id

    def log_step(self, event: StepEvent) -> StepEvent | None:
        with self._write() as conn:
            conn.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{event.run_id}/{event.step_id}",)
            )
            row = conn.execute(
                f"SELECT {STEP_COLUMNS} FROM step_events WHERE run_id = %s AND step_id = %s "
                "AND undone_at IS NULL ORDER BY logged_at_utc, id LIMIT 1",
                (event.run_id, event.step_id),
            ).fetchone()
            if row is not None and row[0] != event.uuid:
                return step_from_row(row)
            _insert_step(conn, event)
        return None

    def undo_step(self, run_id: str, step_id: str, at: datetime) -> StepEvent | None:
        with self._write() as conn:
            row = conn.execute(
                f"SELECT {STEP_COLUMNS} FROM step_events WHERE run_id = %s AND step_id = %s "
                "AND undone_at IS NULL ORDER BY logged_at_utc DESC, id DESC LIMIT 1 FOR UPDATE",
                (run_id, step_id),
            ).fetchone()
            if row is None:
                return None
            changed = conn.execute(
                "UPDATE step_events SET undone_at = %s WHERE uuid = %s AND undone_at IS NULL",
                (at.isoformat(), row[0]),
            ).rowcount
            if changed != 1:
                return None
        return step_from_row(row)._replace(undone_at=at)

    def close_run(self, run_id: str, at: datetime, *, note: str, forced: bool) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE runs SET closed_at = %s, closed_at_utc = %s, close_note = %s, forced = %s "
                "WHERE run_id = %s AND closed_at IS NULL",
                (at.isoformat(), utc_key(at), note, int(forced), run_id),
            )

    def merge_runs(
        self, runs: Iterable[RunRecord], steps: Iterable[StepEvent], *, dry_run: bool = False
    ) -> tuple[int, int]:
        added_runs = added_steps = 0
        try:
            with self._write() as conn:
                for run in runs:
                    stored = conn.execute(
                        f"SELECT {RUN_COLUMNS} FROM runs WHERE uuid = %s", (run.uuid,)
                    ).fetchone()
                    if stored is None:
                        clash = conn.execute(
                            "SELECT 1 FROM runs WHERE run_id = %s", (run.run_id,)
                        ).fetchone()
                        if clash is not None:
                            raise ImportFileError(
                                Msg("errors.run_id_clash", run=run.run_id),
                                hint=Msg("errors.run_id_clash_hint"),
                            )
                        conn.execute(
                            f"INSERT INTO runs ({RUN_COLUMNS}, started_at_utc, closed_at_utc) "
                            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                            _run_params(run),
                        )
                        added_runs += 1
                        continue
                    mine = run_from_row(stored)
                    for name in RunRecord._fields:
                        ours, theirs = getattr(mine, name), getattr(run, name)
                        if name in ("closed_at", "close_note", "forced"):
                            if mine.closed_at is None or run.closed_at is None or ours == theirs:
                                continue
                        elif name == "steps":
                            ours, theirs = json.loads(ours), json.loads(theirs)
                        if ours != theirs:
                            raise ImportFileError(
                                Msg(
                                    "errors.run_conflict", run=run.run_id, uuid=run.uuid, name=name
                                ),
                                hint=Msg("errors.run_conflict_hint"),
                            )
                    if mine.closed_at is None and run.closed_at is not None:
                        conn.execute(
                            "UPDATE runs SET closed_at = %s, closed_at_utc = %s, close_note = %s, "
                            "forced = %s WHERE uuid = %s AND closed_at IS NULL",
                            (
                                run.closed_at.isoformat(),
                                utc_key(run.closed_at),
                                run.close_note,
                                int(run.forced),
                                run.uuid,
                            ),
                        )
                for event in steps:
                    stored = conn.execute(
                        f"SELECT {STEP_COLUMNS} FROM step_events WHERE uuid = %s", (event.uuid,)
                    ).fetchone()
                    if stored is None:
                        _insert_step(conn, event)
                        added_steps += 1
                        continue
                    step = step_from_row(stored)
                    if (step.run_id, step.step_id, step.kind, step.logged_at) != (
                        event.run_id,
                        event.step_id,
                        event.kind,
                        event.logged_at,
                    ):
                        raise ImportFileError(
                            Msg("errors.step_conflict", uuid=event.uuid),
                            hint=Msg("errors.step_conflict_hint"),
                        )
                    if step.undone_at is None and event.undone_at is not None:
                        conn.execute(
                            "UPDATE step_events SET undone_at = %s WHERE uuid = %s "
                            "AND undone_at IS NULL",
                            (event.undone_at.isoformat(), event.uuid),
                        )
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return added_runs, added_steps

    # Measures ----------------------------------------------------------------

    def measure_values(
        self,
        *,
        item_id: str | None = None,
        since: date | None = None,
        until: date | None = None,
        as_logged: datetime | None = None,
    ) -> list[MeasureValue]:
        clauses = ["e.undone_at IS NULL"] if as_logged is None else ["e.logged_at_utc <= %s"]
        params: list[object] = [] if as_logged is None else [utc_key(as_logged)]
        if item_id is not None:
            clauses.append("e.item_id = %s")
            params.append(item_id)
        if since is not None:
            clauses.append("e.period_end >= %s")
            params.append(since.isoformat())
        if until is not None:
            clauses.append("e.period_start <= %s")
            params.append(until.isoformat())
        rows = self._rows(
            "SELECT m.event_uuid, e.item_id, m.measure_id, m.value, m.unit, e.period_start, "
            "e.period_end, e.for_date, e.undone_at FROM measures m "
            "JOIN events e ON e.uuid = m.event_uuid "
            f"WHERE {' AND '.join(clauses)} ORDER BY e.period_start, e.logged_at_utc, m.id",
            params,
        )
        return [
            MeasureValue(
                str(u),
                str(i),
                str(m),
                float(v),
                str(unit),
                date.fromisoformat(str(s)),
                date.fromisoformat(str(e)),
                date.fromisoformat(str(f)),
            )
            for u, i, m, v, unit, s, e, f, undone in rows
            if undone is None
            or (as_logged is not None and datetime.fromisoformat(undone) > as_logged)
        ]

    def measures(
        self, *, since: date | None = None, until: date | None = None, include_undone: bool = False
    ) -> list[MeasureRecord]:
        clauses = ["true"]
        params: list[object] = []
        if since is not None:
            clauses.append("e.for_date >= %s")
            params.append(since.isoformat())
        if until is not None:
            clauses.append("e.for_date <= %s")
            params.append(until.isoformat())
        if not include_undone:
            clauses.append("e.undone_at IS NULL")
        rows = self._rows(
            "SELECT m.event_uuid, m.measure_id, m.value, m.unit FROM measures m "
            f"JOIN events e ON e.uuid = m.event_uuid WHERE {' AND '.join(clauses)} "
            "ORDER BY e.logged_at_utc, e.id, m.id",
            params,
        )
        return [MeasureRecord(str(u), str(m), float(v), str(unit)) for u, m, v, unit in rows]

    def merge_measures(self, records: Iterable[MeasureRecord], *, dry_run: bool = False) -> int:
        added = 0
        try:
            with self._write() as conn:
                for record in records:
                    row = conn.execute(
                        "SELECT value FROM measures WHERE event_uuid = %s AND measure_id = %s",
                        (record.event_uuid, record.measure_id),
                    ).fetchone()
                    if row is None:
                        conn.execute(
                            "INSERT INTO measures (event_uuid, measure_id, value, unit) "
                            "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                            (record.event_uuid, record.measure_id, record.value, record.unit),
                        )
                        added += 1
                    elif float(row[0]) != record.value:
                        raise ImportFileError(
                            Msg(
                                "errors.measure_conflict",
                                name=record.measure_id,
                                uuid=record.event_uuid,
                                mine=f"{row[0]:g}",
                                theirs=f"{record.value:g}",
                            ),
                            hint=Msg("errors.measure_conflict_hint"),
                        )
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return added


def _run_params(run: RunRecord) -> tuple[object, ...]:
    return (
        run.uuid,
        run.run_id,
        run.playbook,
        run.title,
        run.name,
        run.started_at.isoformat(),
        run.steps,
        run.started_by,
        run.host,
        run.closed_at.isoformat() if run.closed_at is not None else None,
        run.close_note,
        int(run.forced),
        utc_key(run.started_at),
        utc_key(run.closed_at) if run.closed_at is not None else None,
    )


def _insert_step(conn: psycopg.Connection[Any], event: StepEvent) -> None:
    conn.execute(
        "INSERT INTO step_events (uuid, run_id, step_id, kind, logged_at, logged_at_utc, "
        "logged_by, note, host, undone_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
        "ON CONFLICT (uuid) DO NOTHING",
        (
            event.uuid,
            event.run_id,
            event.step_id,
            event.kind,
            event.logged_at.isoformat(),
            utc_key(event.logged_at),
            event.by,
            event.note,
            event.host,
            event.undone_at.isoformat() if event.undone_at is not None else None,
        ),
    )


def conforms(store: PostgresStore) -> Store:
    """Nothing at run time: mypy checks here that PostgresStore provides
    every method of the store interface, with the same signatures."""
    return store


def _server_reason(exc: BaseException) -> str:
    diag = getattr(exc, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    text = str(primary or exc).strip().splitlines()
    reason = text[0] if text else type(exc).__name__
    return reason.removeprefix("csm: ").rstrip(".")


def _state_filter(as_logged: datetime | None) -> tuple[str, tuple[str, ...]]:
    if as_logged is None:
        return "undone_at IS NULL", ()
    return "logged_at_utc <= %s", (utc_key(as_logged),)


def _standing(
    rows: Iterable[Sequence[Any]], as_logged: datetime | None, notes: dict[str, str] | None
) -> Iterator[Event]:
    for row in rows:
        event = event_from_row(row)
        if as_logged is None or event.undone_at is None or event.undone_at > as_logged:
            yield _note_then(event, notes)


def _note_then(event: Event, notes: dict[str, str] | None) -> Event:
    """`event` with the note it had then, where `notes` holds an older one."""
    if notes is None or event.uuid not in notes:
        return event
    return event._replace(note=notes[event.uuid])


_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = _UPPER.lower()


def _filters(
    since: date | None,
    until: date | None,
    item_id: str | None,
    cadence: str | None,
    include_undone: bool,
    by: str | None = None,
) -> tuple[str, list[object]]:
    clauses = ["true"]
    params: list[object] = []
    if since is not None:
        clauses.append("for_date >= %s")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("for_date <= %s")
        params.append(until.isoformat())
    if item_id is not None:
        clauses.append("item_id = %s")
        params.append(item_id)
    if cadence is not None:
        clauses.append("cadence = %s")
        params.append(cadence)
    if not include_undone:
        clauses.append("undone_at IS NULL")
    if by is not None:
        # The case of ASCII letters ignored, as SQLite's NOCASE does.
        clauses.append(
            f"translate(done_by, '{_UPPER}', '{_LOWER}') = translate(%s, '{_UPPER}', '{_LOWER}')"
        )
        params.append(by.strip())
    return " AND ".join(clauses), params
