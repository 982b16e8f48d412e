"""The event log: one SQLite file that holds every done and skip ever logged.

The log is the only copy of a manager's history, so it is careful:

- Append-only. Nothing is deleted; undo sets `undone_at` on the event.
- Every write is one `BEGIN IMMEDIATE` transaction in WAL mode with
  `synchronous=FULL`: a crash at any instant leaves the log readable, holding
  every event whose command reported success.
- A busy timeout makes concurrent commands wait for each other instead of
  failing with "database is locked".
- `PRAGMA application_id` marks a csm log; a file that is not SQLite, not a csm
  log, corrupt, or written by a newer csm is reported and never written to.
- The schema moves forward through named migrations (`MIGRATIONS`), counted
  in `PRAGMA user_version`; a migration never drops data.

This module uses the standard library only: the CLI, the agenda and the tests
all use it the same way.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple or TypedDict field at each start of `csm today`.

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Literal, NamedTuple

from csm_checklist.errors import ImportFileError, LogError, NotMet
from csm_checklist.messages import Msg

# "CSMl" in ASCII: what `PRAGMA application_id` holds in every csm log.
APPLICATION_ID = 0x43534D6C
SQLITE_MAGIC = b"SQLite format 3\x00"
# How long a command waits for another one that is writing before giving up.
BUSY_TIMEOUT_SECONDS = 30.0


def busy_seconds() -> float:
    """How long a write waits for another's: CSM_LOCK_TIMEOUT when it is a
    number of seconds (as for the settings lock), else BUSY_TIMEOUT_SECONDS."""
    try:
        value = float(os.environ.get("CSM_LOCK_TIMEOUT", ""))
    except ValueError:
        return BUSY_TIMEOUT_SECONDS
    return value if 0 <= value < 86_400 else BUSY_TIMEOUT_SECONDS


# How many write transactions this process has committed: after a failure
# elsewhere (a closed pipe), the CLI can say the log was already saved.
COMMITS = [0]

Kind = Literal["done", "skip"]
KINDS: tuple[Kind, ...] = ("done", "skip")


class Event(NamedTuple):
    """One done or skip of one item for one period.

    This and the other records here are NamedTuples, not dataclasses: importing
    `dataclasses` (and the `inspect` it brings) would cost `csm today` more
    than its own work."""

    uuid: str
    item_id: str
    title: str  # as it was when logged, in the language of that moment
    cadence: str
    kind: Kind
    period_start: date
    period_end: date
    for_date: date
    logged_at: datetime  # timezone-aware, with the offset it was logged with
    by: str
    note: str  # the note of a done or the reason of a skip; "" when none
    host: str
    undone_at: datetime | None = None

    @property
    def active(self) -> bool:
        """Whether the event still counts (it has not been undone)."""
        return self.undone_at is None


class NoteChange(NamedTuple):
    """One correction of an event's note (`csm note`)."""

    event_uuid: str
    old_note: str
    new_note: str
    changed_at: datetime
    by: str
    host: str


# The shortest start of a uuid `csm note` takes: 16 million to one against two
# events of a manager's log sharing it by chance.
MIN_UUID_PREFIX = 6


def new_uuid() -> str:
    """A random (version 4) uuid, as `str(uuid.uuid4())` gives.

    Built here because importing `uuid` (and the `platform` module it pulls
    in) costs more than the rest of `csm done`'s own work.
    """
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def host_name() -> str:
    """This machine's name, as `socket.gethostname()` gives it."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)  # POSIX: no need to import socket
    import socket

    return socket.gethostname()


def utc_key(moment: datetime) -> str:
    """A fixed-width UTC text of `moment` that sorts like time itself."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# Migrations ------------------------------------------------------------------

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(function: Migration) -> Migration:
    """Register `function` as the next schema migration, under its own name.

    Migrations run in the order they are registered; `PRAGMA user_version` is
    how many have been applied. Add new ones at the end, and never drop data.
    """
    MIGRATIONS.append((function.__name__, function))
    return function


@migration
def create_events_table(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            item_id TEXT NOT NULL,
            title TEXT NOT NULL,
            cadence TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('done', 'skip')),
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            for_date TEXT NOT NULL,
            logged_at TEXT NOT NULL,
            logged_at_utc TEXT NOT NULL,
            logged_by TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            host TEXT NOT NULL DEFAULT '',
            undone_at TEXT
        )
        """
    )
    # Looking up "is this item already done in this period" is what every
    # `csm done` and every agenda does.
    db.execute("CREATE INDEX events_item_period ON events (item_id, period_start)")


@migration
def index_dates(db: sqlite3.Connection) -> None:
    # Reports ask for events whose period overlaps a window: period_end >= first
    # narrows the search to recent periods; period_start <= last is checked in
    # the same index entry, without reading the row.
    db.execute("CREATE INDEX events_period_end ON events (period_end, period_start)")
    db.execute("CREATE INDEX events_for_date ON events (for_date)")
    db.execute("CREATE INDEX events_logged_at_utc ON events (logged_at_utc)")


@migration
def create_history_tables(db: sqlite3.Connection) -> None:
    # The tracking start and the revisions of the rules are history too:
    # append-only, like events. The start in force is the latest recorded.
    db.execute(
        """
        CREATE TABLE tracking_starts (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            start TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_at_utc TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            effective TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_at_utc TEXT NOT NULL,
            rules TEXT NOT NULL
        )
        """
    )
    # A log kept before tracking starts were recorded began, as far as anyone
    # can tell, on the first day an active event was logged for.
    first = db.execute("SELECT min(for_date) FROM events WHERE undone_at IS NULL").fetchone()[0]
    if first is not None:
        logged, logged_utc = db.execute(
            "SELECT logged_at, logged_at_utc FROM events WHERE undone_at IS NULL "
            "ORDER BY logged_at_utc, id LIMIT 1"
        ).fetchone()
        db.execute(
            "INSERT INTO tracking_starts (uuid, start, recorded_at, recorded_at_utc) "
            "VALUES (?, ?, ?, ?)",
            (new_uuid(), first, logged, logged_utc),
        )


@migration
def create_note_changes(db: sqlite3.Connection) -> None:
    # A corrected note replaces the event's note (so every reader, export and
    # report sees the current one) and the change is kept here, never deleted:
    # the audit trail of what a note said before.
    db.execute(
        """
        CREATE TABLE note_changes (
            id INTEGER PRIMARY KEY,
            event_uuid TEXT NOT NULL,
            old_note TEXT NOT NULL,
            new_note TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            changed_at_utc TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            host TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX note_changes_event ON note_changes (event_uuid, changed_at_utc)")


@migration
def create_runs_tables(db: sqlite3.Connection) -> None:
    # A playbook run keeps its own copy of the steps as they were when it was
    # started (titles and deadlines), so a later edit of the playbook never
    # changes what a past run asked for or when a step was late.
    db.execute(
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            run_id TEXT NOT NULL UNIQUE,
            playbook TEXT NOT NULL,
            title TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            started_at TEXT NOT NULL,
            started_at_utc TEXT NOT NULL,
            steps TEXT NOT NULL,
            started_by TEXT NOT NULL,
            host TEXT NOT NULL DEFAULT '',
            closed_at TEXT,
            closed_at_utc TEXT,
            close_note TEXT NOT NULL DEFAULT '',
            forced INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    # `csm today` asks "is any run open?" every morning: a partial index makes
    # that one lookup cost nothing when every run is closed.
    db.execute("CREATE INDEX runs_open ON runs (started_at_utc) WHERE closed_at IS NULL")
    db.execute("CREATE INDEX runs_started ON runs (started_at_utc)")
    db.execute(
        """
        CREATE TABLE step_events (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            run_id TEXT NOT NULL,
            step_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('done', 'skip')),
            logged_at TEXT NOT NULL,
            logged_at_utc TEXT NOT NULL,
            logged_by TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            host TEXT NOT NULL DEFAULT '',
            undone_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX step_events_run ON step_events (run_id, step_id)")


@migration
def create_measures_table(db: sqlite3.Connection) -> None:
    # The numbers a manager records with a done (`--measure csat=4.6`), kept
    # beside the event they were recorded with and counted only while it is.
    db.execute(
        """
        CREATE TABLE measures (
            id INTEGER PRIMARY KEY,
            event_uuid TEXT NOT NULL,
            measure_id TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT NOT NULL DEFAULT '',
            UNIQUE (event_uuid, measure_id)
        )
        """
    )


SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection, target: int | None = None) -> int:
    """Apply the migrations the database lacks, up to `target` (default: all).

    Runs in one `BEGIN IMMEDIATE` transaction and reads the version inside it,
    so two commands opening a new log at once apply each migration once.
    Returns the version the database is at afterwards.
    """
    goal = SCHEMA_VERSION if target is None else target
    db.execute("BEGIN IMMEDIATE")
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        for number in range(version + 1, goal + 1):
            _name, function = MIGRATIONS[number - 1]
            function(db)
            db.execute(f"PRAGMA user_version = {number}")
            version = number
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return version


# Rows ------------------------------------------------------------------------

# The one column order of an event's row: what every SELECT that builds an
# Event reads, what INSERT writes, and the fields of an export, in that order.
FIELDS = (
    "uuid",
    "item_id",
    "title",
    "cadence",
    "kind",
    "period_start",
    "period_end",
    "for_date",
    "logged_at",
    "by",
    "note",
    "undone_at",
    "host",
)
_UNDONE = FIELDS.index("undone_at")
EVENT_COLUMNS = ", ".join("logged_by" if name == "by" else name for name in FIELDS)
_INSERT = (
    f"INSERT INTO events ({EVENT_COLUMNS}, logged_at_utc) "
    f"VALUES ({', '.join('?' * (len(FIELDS) + 1))})"
)


def event_row(event: Event) -> tuple[str | None, ...]:
    """The text of `event`, in `FIELDS` order; undone_at None when active."""
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
        event.by,
        event.note,
        event.undone_at.isoformat() if event.undone_at is not None else None,
        event.host,
    )


# What a row of the log that was edited by hand can raise when it is read.
ROW_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)


def bad_row(table: str, row_id: object, exc: BaseException) -> LogError:
    """The error for a row csm cannot read (exit 1): its table and id, never
    a traceback. csm never repairs or drops such a row by itself."""
    reason = str(exc).strip() or type(exc).__name__
    return LogError(
        Msg("errors.log_bad_row", table=table, id=str(row_id)[:60], reason=reason[:120]),
        hint=Msg("errors.log_bad_row_hint", table=table),
    )


def aware(text: object) -> datetime:
    """A stored moment, which csm always writes with its UTC offset."""
    moment = datetime.fromisoformat(str(text))
    if moment.utcoffset() is None:
        raise ValueError(f"{text!r} has no UTC offset")
    return moment


def _event_from_row(row: Sequence[str | None]) -> Event:
    try:
        return _event_fields(row)
    except ROW_ERRORS as exc:
        raise bad_row("events", row[0], exc) from None


def _event_fields(row: Sequence[str | None]) -> Event:
    (uuid, item_id, title, cadence, kind, start, end, for_date, logged, by, note, undone, host) = (
        row
    )
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r}")
    return Event(
        uuid=str(uuid),
        item_id=str(item_id),
        title=str(title),
        cadence=str(cadence),
        kind=kind,
        period_start=date.fromisoformat(str(start)),
        period_end=date.fromisoformat(str(end)),
        for_date=date.fromisoformat(str(for_date)),
        logged_at=aware(logged),
        by=str(by),
        note=str(note),
        host=str(host),
        undone_at=aware(undone) if undone else None,
    )


class StartRecord(NamedTuple):
    """One setting of the log's tracking start; the latest recorded is in force."""

    uuid: str
    start: date
    recorded_at: datetime


class RevisionRecord(NamedTuple):
    """The rules csm saw in force from `effective` on, as canonical JSON text."""

    uuid: str
    effective: date
    recorded_at: datetime
    rules: str


# Opening ---------------------------------------------------------------------

_REPAIR_HINT = Msg("errors.log_repair_hint")


# The first page of an SQLite file: its header, then the b-tree page header
# of sqlite_master, whose cell count (offset 103) tells an empty database.
_PAGE_ONE = 108
_WAL_MAGIC = (0x377F0682, 0x377F0683)


def _check_file(path: Path) -> None:
    """Refuse, before SQLite touches it, anything that is not a csm log or empty.

    Only reads bytes: SQLite is never pointed at another program's database,
    so its journal or WAL are never rolled back, checkpointed or deleted. A
    missing or empty file, or an empty database, is fine: it becomes a new log.
    A FIFO or device at the log's path is refused at once, never opened.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise LogError(
            Msg("errors.log_unreadable", path=path, reason=exc.strerror or exc),
            hint=Msg("errors.log_unreadable_hint"),
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise LogError(Msg("errors.log_is_folder", path=path), hint=_REPAIR_HINT)
    if not stat.S_ISREG(info.st_mode):
        raise LogError(
            Msg("errors.log_not_regular", path=path),
            hint=_REPAIR_HINT,
        )
    if info.st_size == 0:
        return
    head = _read_head(path, 0, _PAGE_ONE)
    if head[: len(SQLITE_MAGIC)] != SQLITE_MAGIC or len(head) < _PAGE_ONE:
        raise LogError(Msg("errors.log_not_database", path=path), _REPAIR_HINT)
    page_one = _wal_page_one(path) or head
    app_id = int.from_bytes(page_one[68:72], "big")
    cells = int.from_bytes(page_one[103:105], "big")
    if app_id == APPLICATION_ID or (app_id == 0 and cells == 0):
        return  # a csm log, or an empty database: ours to set up
    raise LogError(Msg("errors.log_foreign_database", path=path), hint=_REPAIR_HINT)


def _read_head(path: Path, offset: int, size: int) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise LogError(
            Msg("errors.log_unreadable", path=path, reason=exc.strerror or exc),
            hint=Msg("errors.log_unreadable_hint"),
        ) from exc
    try:
        os.lseek(fd, offset, os.SEEK_SET)
        return os.read(fd, size)
    finally:
        os.close(fd)


def _wal_page_one(path: Path) -> bytes | None:
    """The newest page 1 in the log's WAL, if it holds one: where a database
    in WAL mode keeps its header until the WAL is copied back.

    The WAL is opened once and then only read through that descriptor: another
    csm closing the log may remove it at any moment, and a WAL gone before it
    is opened has already been copied back into the log (None)."""
    wal = path.with_name(path.name + "-wal")
    try:
        fd = os.open(wal, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size < 32:
            return None
        header = stream.read(32)
        if int.from_bytes(header[:4], "big") not in _WAL_MAGIC:
            return None
        frame = 24 + int.from_bytes(header[8:12], "big")
        salts = header[16:24]
        found = None
        offset = 32
        while offset + frame <= info.st_size:
            stream.seek(offset)
            frame_header = stream.read(24)
            if frame_header[8:16] != salts:
                break  # frames of an older WAL generation
            if int.from_bytes(frame_header[:4], "big") == 1:
                found = offset + 24
            offset += frame
        if found is None:
            return None
        stream.seek(found)
        return stream.read(_PAGE_ONE)


def _describe(exc: sqlite3.Error) -> str:
    return str(exc).rstrip(".") or type(exc).__name__


def lock_holder(path: Path) -> tuple[str, str] | None:
    """(pid, command) of another process holding a lock on the log or its
    -shm, as Linux lists them in /proc/locks; None where that is unknown."""
    inodes = set()
    for name in (path.name, path.name + "-shm", path.name + "-wal"):
        with contextlib.suppress(OSError):
            inodes.add(os.stat(path.with_name(name)).st_ino)
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as listed:
            lines = listed.read(1 << 20).splitlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        if "->" in fields:  # a waiter, not a holder
            continue
        try:
            pid, where = fields[4], fields[5]
            inode = int(where.rsplit(":", 1)[1])
        except (IndexError, ValueError):
            continue
        if inode in inodes and pid != str(os.getpid()):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as raw:
                    words = raw.read(4096).split(b"\0")
            except OSError:
                words = []
            command = " ".join(w.decode("utf-8", "replace") for w in words if w)[:200]
            return pid, command or "?"
    return None


def _disk_full(path: Path) -> bool:
    """Whether the log's disk has (next to) no room left: SQLite reports a
    write that ran out of room in its WAL as a "disk I/O error"."""
    try:
        found = os.statvfs(path.parent)
    except (OSError, AttributeError):
        return False
    return found.f_bavail * found.f_frsize < 1024 * 1024


def _translate(exc: sqlite3.Error, path: Path) -> LogError:
    """A sentence for the user about what SQLite reported on the log."""
    reason = _describe(exc)
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered:
        holder = lock_holder(path)
        if holder is not None:
            pid, command = holder
            return LogError(
                Msg("errors.log_busy_by", path=path, pid=pid, command=command),
                hint=Msg("errors.log_busy_by_hint", pid=pid, seconds=f"{busy_seconds():g}"),
            )
        return LogError(
            Msg("errors.log_busy", path=path, seconds=f"{busy_seconds():g}"),
            hint=Msg("errors.log_busy_hint"),
        )
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return LogError(
            Msg("errors.log_cannot_write", path=path, reason=reason),
            hint=Msg("errors.log_cannot_write_hint", folder=path.parent),
        )
    if "not a database" in lowered:
        return LogError(Msg("errors.log_not_csm", path=path, reason=reason), hint=_REPAIR_HINT)
    if "full" in lowered or ("disk i/o error" in lowered and _disk_full(path)):
        return LogError(
            Msg("errors.log_disk_full", path=path),
            hint=Msg("errors.log_disk_full_hint"),
        )
    if "malformed" in lowered or "corrupt" in lowered:
        return LogError(Msg("errors.log_corrupt", path=path, reason=reason), hint=_REPAIR_HINT)
    return LogError(Msg("errors.log_unusable", path=path, reason=reason), hint=_REPAIR_HINT)


def _check_identity(db: sqlite3.Connection, path: Path) -> int:
    """The schema version of a csm log; LogError for any other database.

    Only reads: nothing is written until this has passed.
    """
    # One read transaction, so that a log another command is creating right
    # now is seen either before or after, never half set up.
    db.execute("BEGIN")
    try:
        app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        tables = int(db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")  # it only read
    if app_id == APPLICATION_ID:
        if version > SCHEMA_VERSION:
            raise LogError(
                Msg("errors.log_newer", path=path, version=version, known=SCHEMA_VERSION),
                hint=Msg("errors.log_newer_hint"),
            )
        return version
    if app_id == 0 and version == 0 and tables == 0:
        return 0  # a new or empty database: ours to set up
    raise LogError(Msg("errors.log_foreign_database", path=path), hint=_REPAIR_HINT)


def _read_only(path: Path) -> bool:
    """Whether the log exists but cannot be written here: then the commands
    that only read still work, and a write is refused with a clear message."""
    if not path.exists():
        return False
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if not read_only:
        return _sqlite(path)
    from urllib.parse import quote

    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        db = _sqlite(uri, uri=True)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        if os.access(path.parent, os.W_OK):
            raise
    # A WAL-mode database in a folder nobody can write needs a -shm file it
    # cannot create; nobody can write the log either, so it cannot change.
    return _sqlite(uri + "&immutable=1", uri=True)


def _sqlite(target: Path | str, uri: bool = False) -> sqlite3.Connection:
    return sqlite3.connect(
        target,
        timeout=busy_seconds(),
        isolation_level=None,  # transactions are explicit: BEGIN IMMEDIATE
        check_same_thread=False,
        uri=uri,
    )


def check_sound(db: sqlite3.Connection, path: Path) -> None:
    """LogError unless SQLite's quick check finds the log sound.

    Run before every write: a corrupt log must not get new events, which
    could make it worse and would be lost with it. Reading commands skip it.
    """
    row = db.execute("PRAGMA quick_check(1)").fetchone()
    if row is None or row[0] != "ok":
        # SQLite's first finding, e.g. "On tree page 5 cell 0: ...".
        found = [part for part in str(row[0] if row else "").splitlines() if "***" not in part]
        raise LogError(
            Msg("errors.log_unsound", path=path, found=found[0])
            if found
            else Msg("errors.log_unsound_no_answer", path=path),
            hint=_REPAIR_HINT,
        )


def _stamp(path: Path) -> str:
    """The log's identity, size and time, and how much its WAL holds, as one
    line. An empty WAL and none are the same: SQLite makes an empty one on
    opening and removes it when the last connection closes."""
    marks = [str(path)]
    try:
        info = os.stat(path)
        # The change time too: unlike the modification time, no one can set
        # it back, so bytes changed behind csm's back (size and mtime kept)
        # always bring the quick check back.
        marks += [str(info.st_ino), str(info.st_size), str(info.st_mtime_ns), str(info.st_ctime_ns)]
    except OSError:
        marks.append("-")
    try:
        marks.append(str(os.stat(path.with_name(path.name + "-wal")).st_size))
    except OSError:
        marks.append("0")
    return " ".join(marks)


def known_sound(marker: Path | None, path: Path) -> bool:
    """Whether the log is exactly as csm left it after a checked write."""
    if marker is None:
        return False
    from csm_checklist.atomic import seal
    from csm_checklist.reading import read_bytes

    try:
        noted = read_bytes(marker, limit=4096).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    stamp = _stamp(path)
    # Sealed: a note csm did not write (planted by hand) never skips the check.
    return noted == f"{stamp}\n{seal(stamp)}"


def note_sound(marker: Path, path: Path) -> None:
    """Note the log's state after this run's checked writes; best effort."""
    from csm_checklist.atomic import partial_name, seal

    tmp = partial_name(marker)
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        stamp = _stamp(path)
        tmp.write_text(f"{stamp}\n{seal(stamp)}", encoding="utf-8")
        os.replace(tmp, marker)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch a new log to WAL mode (a no-op for one that already is).

    Changing the journal mode does not wait on SQLite's busy handler, so when
    several commands create the log at once the losers retry here until the
    winner has switched it.
    """
    deadline = time.monotonic() + busy_seconds()
    while db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


class EventLog:
    """The events of one log file. Open with `EventLog.open(path)`."""

    def __init__(
        self, db: sqlite3.Connection, path: Path, sound_marker: Path | None = None
    ) -> None:
        self._db = db
        self.path = path
        self._marker = sound_marker
        self._checked = False

    @classmethod
    def open(cls, path: Path, *, sound_marker: Path | None = None) -> "EventLog":
        """Open the log at `path`, creating its folder and the file if missing.

        `sound_marker` is a small file where the state of the log after this
        run's writes is noted, so that the next write can skip the quick
        check when nothing else has touched the log since (see `_write`).

        Raises LogError (naming the path) for a folder that cannot be created,
        a file that is not a csm log, a corrupt one, or one from a newer csm;
        such a file is left exactly as it was.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LogError(
                Msg("errors.data_folder", path=path.parent, reason=exc.strerror or exc),
                hint=Msg("errors.data_folder_hint"),
            ) from exc
        _check_file(path)
        read_only = _read_only(path)
        try:
            db = _connect(path, read_only)
        except sqlite3.Error as exc:
            raise _translate(exc, path) from exc
        try:
            version = _check_identity(db, path)
            # From here on the file is known to be a csm log or empty.
            if not read_only:
                _use_wal(db)
                db.execute("PRAGMA synchronous = FULL")
                if version < SCHEMA_VERSION:
                    if version > 0:
                        check_sound(db, path)  # a migration writes
                    migrate(db)
        except sqlite3.Error as exc:
            db.close()
            raise _translate(exc, path) from exc
        except BaseException:
            db.close()
            raise
        return cls(db, path, sound_marker)

    def close(self) -> None:
        """Close the file; the log cannot be used afterwards."""
        self._db.close()
        if self._checked and self._marker is not None:
            note_sound(self._marker, self.path)

    def __enter__(self) -> "EventLog":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite's exceptions into LogError sentences naming the file."""
        try:
            yield
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        with self._errors():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if not self._checked:
                    # The quick check reads the whole log (15 ms at 13,600
                    # events, 100 ms at 100,000): skipped when the log is
                    # exactly as a checked write of csm's left it.
                    if not known_sound(self._marker, self.path):
                        check_sound(self._db, self.path)
                    self._checked = True
                yield self._db
            except BaseException:
                # SQLite itself ends the transaction after some errors (a full disk).
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            COMMITS[0] += 1

    # Writing -----------------------------------------------------------------

    def record(
        self,
        events: Sequence[Event],
        measures: Mapping[str, Sequence[tuple[str, float, str]]] | None = None,
    ) -> list[tuple[Event, Event | None]]:
        """Log `events` in one transaction, each unless its period is settled.

        Returns, for each event in order, (event, None) when it was written, or
        (event, existing) when an active event for the same item and period was
        already there; then nothing is written for it. `measures` holds, by
        event uuid, the (measure id, value, unit) recorded with it: written
        with the event, or not at all.
        """
        results: list[tuple[Event, Event | None]] = []
        with self._write() as db:
            for event in events:
                existing = self._first_active(db, event.item_id, event.period_start)
                if existing is None:
                    db.execute(_INSERT, (*event_row(event), utc_key(event.logged_at)))
                    for measure_id, value, unit in (measures or {}).get(event.uuid, ()):
                        db.execute(
                            "INSERT INTO measures (event_uuid, measure_id, value, unit) "
                            "VALUES (?, ?, ?, ?)",
                            (event.uuid, measure_id, value, unit),
                        )
                results.append((event, existing))
        return results

    def writing(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One write transaction, for the modules that keep tables of their
        own in the log (runs.py, measures.py)."""
        return self._write()

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, with SQLite's errors told as LogError sentences."""
        with self._errors():
            yield self._db

    def has_open_runs(self) -> bool:
        """Whether any playbook run is open: one lookup in a partial index,
        which `csm today` makes every morning."""
        with self._errors():
            row = self._db.execute("SELECT 1 FROM runs WHERE closed_at IS NULL LIMIT 1").fetchone()
        return row is not None

    def undo_latest(
        self,
        at: datetime,
        *,
        item_id: str | None = None,
        period_start: date | None = None,
        for_date: date | None = None,
    ) -> Event | None:
        """Mark the latest active event matching the filters undone at `at`.

        Finding and marking happen in one transaction, so two undos at once
        undo two events, not the same one twice. None when nothing matches.
        """
        with self._write() as db:
            where, params = _active_filters(item_id, period_start, for_date)
            row = db.execute(
                f"SELECT id FROM events WHERE {where} ORDER BY logged_at_utc DESC, id DESC LIMIT 1",
                params,
            ).fetchone()
            if row is None:
                return None
            db.execute("UPDATE events SET undone_at = ? WHERE id = ?", (at.isoformat(), row[0]))
            undone = db.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ?", (row[0],)
            ).fetchone()
        return _event_from_row(undone)

    def find_event(self, text: str) -> Event:
        """The event whose uuid is `text` or starts with it (at least
        MIN_UUID_PREFIX characters); BadInput for a shorter or malformed text,
        NotMet when no event or several events match."""
        from csm_checklist.errors import BadInput

        prefix = text.strip().lower()
        if len(prefix) < MIN_UUID_PREFIX or not all(c in "0123456789abcdef-" for c in prefix):
            raise BadInput(
                Msg("errors.not_event_id", text=text, count=MIN_UUID_PREFIX),
                hint=Msg("errors.not_event_id_hint"),
            )
        with self._errors():
            rows = self._db.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE uuid >= ? AND uuid < ? "
                "ORDER BY uuid LIMIT 6",
                (prefix, prefix + "~"),
            ).fetchall()
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
        return _event_from_row(rows[0])

    def change_note(
        self, uuid: str, note: str, at: datetime, by: str, host: str
    ) -> tuple[Event, NoteChange | None]:
        """Replace the note of event `uuid` and keep the change, in one
        transaction. Returns the event as it now is, and the change (None
        when the note already read so: nothing is written)."""
        with self._write() as db:
            row = db.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE uuid = ?", (uuid,)
            ).fetchone()
            if row is None:
                raise NotMet(
                    Msg("errors.no_event_uuid", uuid=uuid),
                    hint=Msg("errors.event_ids_hint"),
                )
            event = _event_from_row(row)
            if event.note == note:
                return event, None
            change = NoteChange(uuid, event.note, note, at, by, host)
            db.execute(
                "INSERT INTO note_changes (event_uuid, old_note, new_note, changed_at, "
                "changed_at_utc, changed_by, host) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (uuid, event.note, note, at.isoformat(), utc_key(at), by, host),
            )
            db.execute("UPDATE events SET note = ? WHERE uuid = ?", (note, uuid))
        return event._replace(note=note), change

    def note_changes(self, uuids: Iterable[str]) -> dict[str, list[NoteChange]]:
        """The note changes of each of `uuids` that has any, oldest first."""
        wanted = sorted(set(uuids))
        found: dict[str, list[NoteChange]] = {}
        chunk = 500
        with self._errors():
            for first in range(0, len(wanted), chunk):
                part = wanted[first : first + chunk]
                rows = self._db.execute(
                    "SELECT event_uuid, old_note, new_note, changed_at, changed_by, host "
                    f"FROM note_changes WHERE event_uuid IN ({', '.join('?' * len(part))}) "
                    "ORDER BY changed_at_utc, id",
                    part,
                )
                for uuid, old, new, at, by, host in rows:
                    found.setdefault(uuid, []).append(
                        NoteChange(uuid, old, new, datetime.fromisoformat(at), by, host)
                    )
        return found

    def merge(
        self,
        events: Iterable[Event],
        *,
        dry_run: bool = False,
        starts: Callable[[], Sequence[StartRecord]] = tuple,
        revisions: Sequence[RevisionRecord] = (),
    ) -> tuple[int, int]:
        """Add the events whose uuid the log lacks, in one transaction.

        Returns (added, already present). An event already present with
        different content raises ImportFileError naming its uuid, and nothing
        is written; so does any error raised while `events` is iterated, which
        lets a reader validate records as they stream in. `revisions` (a
        backup's, or the rules csm sees now) and the tracking starts that
        `starts()` gives once the events are in are recorded in the same
        transaction. An event undone in
        `events` but active here is marked undone here too: undo only ever goes
        one way. With `dry_run` the transaction is rolled back: the counts are
        what a real merge would report.
        """
        added = present = 0
        try:
            with self._write() as db:
                for revision in revisions:
                    self._insert_revision(db, revision)
                added, present = self._merge(db, events)
                # Starts last: a start taken from the events is known only now.
                for start in starts():
                    self._insert_start(db, start)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return added, present

    @staticmethod
    def _merge(db: sqlite3.Connection, events: Iterable[Event]) -> tuple[int, int]:
        added = present = 0
        for event in events:
            row = event_row(event)
            inserted = db.execute(
                _INSERT + " ON CONFLICT (uuid) DO NOTHING", (*row, utc_key(event.logged_at))
            )
            if inserted.rowcount == 1:
                added += 1
                continue
            present += 1
            stored = db.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE uuid = ?", (event.uuid,)
            ).fetchone()
            for name, mine, theirs in zip(FIELDS, stored, row, strict=True):
                if name == "note" and mine != theirs and _earlier_note(db, event.uuid, theirs):
                    continue  # the file was exported before the note was corrected here
                if mine != theirs and name != "undone_at":
                    raise ImportFileError(
                        Msg(
                            "errors.import_conflict",
                            uuid=event.uuid,
                            name=name,
                            mine=mine,
                            theirs=theirs,
                        ),
                        hint=Msg("errors.import_conflict_note_hint", uuid=event.uuid[:8])
                        if name == "note"
                        else Msg("errors.import_conflict_hint"),
                    )
            if stored[_UNDONE] is None and event.undone_at is not None:
                db.execute(
                    "UPDATE events SET undone_at = ? WHERE uuid = ?",
                    (event.undone_at.isoformat(), event.uuid),
                )
        return added, present

    def add_start(self, record: StartRecord, *, unless_any: bool = False) -> bool:
        """Record a new tracking start (the latest recorded is the one in force).

        With `unless_any`, nothing is written when the log already has one:
        commands creating a log at once record its start once.
        """
        with self._write() as db:
            if unless_any and db.execute("SELECT 1 FROM tracking_starts LIMIT 1").fetchone():
                return False
            return self._insert_start(db, record)

    @staticmethod
    def _insert_start(db: sqlite3.Connection, record: StartRecord) -> bool:
        inserted = db.execute(
            "INSERT INTO tracking_starts (uuid, start, recorded_at, recorded_at_utc) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING",
            (
                record.uuid,
                record.start.isoformat(),
                record.recorded_at.isoformat(),
                utc_key(record.recorded_at),
            ),
        )
        return inserted.rowcount == 1

    def add_revision(self, record: RevisionRecord, *, unless_latest_is: str | None = None) -> bool:
        """Record a revision of the rules. With `unless_latest_is`, nothing is
        written when the latest revision already holds those rules: two
        commands that notice the same change at once record it once."""
        with self._write() as db:
            if unless_latest_is is not None:
                latest = db.execute(
                    "SELECT rules FROM revisions ORDER BY effective DESC, recorded_at_utc DESC, "
                    "id DESC LIMIT 1"
                ).fetchone()
                if latest is not None and latest[0] == unless_latest_is:
                    return False
            return self._insert_revision(db, record)

    @staticmethod
    def _insert_revision(db: sqlite3.Connection, record: RevisionRecord) -> bool:
        inserted = db.execute(
            "INSERT INTO revisions (uuid, effective, recorded_at, recorded_at_utc, rules) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING",
            (
                record.uuid,
                record.effective.isoformat(),
                record.recorded_at.isoformat(),
                utc_key(record.recorded_at),
                record.rules,
            ),
        )
        return inserted.rowcount == 1

    def starts(self) -> list[StartRecord]:
        """Every tracking start recorded, oldest recorded first."""
        with self._errors():
            rows = self._db.execute(
                "SELECT uuid, start, recorded_at FROM tracking_starts ORDER BY recorded_at_utc, id"
            ).fetchall()
        found = []
        for uuid, start, moment in rows:
            try:
                found.append(StartRecord(uuid, date.fromisoformat(start), aware(moment)))
            except ROW_ERRORS as exc:
                raise bad_row("tracking_starts", uuid, exc) from None
        return found

    def revisions(self) -> list[RevisionRecord]:
        """Every revision, in the order they take effect (then as recorded)."""
        with self._errors():
            rows = self._db.execute(
                "SELECT uuid, effective, recorded_at, rules FROM revisions "
                "ORDER BY effective, recorded_at_utc, id"
            ).fetchall()
        found = []
        for uuid, day, moment, rules in rows:
            try:
                found.append(RevisionRecord(uuid, date.fromisoformat(day), aware(moment), rules))
            except ROW_ERRORS as exc:
                raise bad_row("revisions", uuid, exc) from None
        return found

    # Reading -----------------------------------------------------------------

    @staticmethod
    def _first_active(db: sqlite3.Connection, item_id: str, period_start: date) -> Event | None:
        row = db.execute(
            f"SELECT {EVENT_COLUMNS} FROM events "
            "WHERE item_id = ? AND period_start = ? AND undone_at IS NULL "
            "ORDER BY logged_at_utc, id LIMIT 1",
            (item_id, period_start.isoformat()),
        ).fetchone()
        return _event_from_row(row) if row is not None else None

    def active_for(
        self, keys: Iterable[tuple[str, date]], *, as_logged: datetime | None = None
    ) -> dict[tuple[str, date], Event]:
        """The active event of each (item_id, period_start) that has one.

        Where two machines' logs were merged and both logged the same period,
        the earlier event is the one returned. With `as_logged`, the log as it
        stood at that moment: events logged by then and not undone by then.
        """
        wanted = sorted({(item_id, start.isoformat()) for item_id, start in keys})
        found: dict[tuple[str, date], Event] = {}
        state, extra = _state_filter(as_logged)
        # SQLite caps the number of parameters in one statement; 400 keys use 800.
        chunk = 400
        with self._errors():
            notes = _notes_then(self._db, as_logged)
            for first in range(0, len(wanted), chunk):
                part = wanted[first : first + chunk]
                values = ", ".join(["(?, ?)"] * len(part))
                rows = self._db.execute(
                    f"WITH wanted (item_id, period_start) AS (VALUES {values}) "
                    f"SELECT {EVENT_COLUMNS} FROM wanted "
                    f"JOIN events USING (item_id, period_start) "
                    f"WHERE {state} ORDER BY logged_at_utc DESC, id DESC",
                    [*(text for key in part for text in key), *extra],
                )
                # Newest first, so the earliest active event is written last and wins.
                for event in _standing(rows, as_logged, notes):
                    found[(event.item_id, event.period_start)] = event
        return found

    def active_overlapping(
        self, first: date, last: date, *, as_logged: datetime | None = None
    ) -> list[Event]:
        """Active events whose period shares at least one day with first..last
        (with `as_logged`, as the log stood at that moment)."""
        state, extra = _state_filter(as_logged)
        with self._errors():
            rows = self._db.execute(
                f"SELECT {EVENT_COLUMNS} FROM events "
                f"WHERE period_end >= ? AND period_start <= ? AND {state} "
                "ORDER BY period_start, logged_at_utc, id",
                (first.isoformat(), last.isoformat(), *extra),
            ).fetchall()
            notes = _notes_then(self._db, as_logged)
        return list(_standing(rows, as_logged, notes))

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
        """Events by the time they were logged, streamed from the database;
        with `by_day`, by the day the work was for first (what `csm log` shows).

        `since` and `until` bound `for_date` (the day the work was for), both
        inclusive; `by` keeps the events logged by that name (any case). With
        `as_logged`, the log as it stood at that moment: events logged by then,
        undone only if they were undone by then.
        """
        where, params = _filters(
            since, until, item_id, cadence, include_undone or as_logged is not None, by
        )
        if as_logged is not None:
            where += " AND logged_at_utc <= ?"
            params.append(utc_key(as_logged))
        order = "DESC" if newest_first else "ASC"
        day_order = f"for_date {order}, " if by_day else ""
        sql = (
            f"SELECT {EVENT_COLUMNS} FROM events WHERE {where} "
            f"ORDER BY {day_order}logged_at_utc {order}, id {order}"
        )
        if limit is not None and as_logged is None:
            sql += " LIMIT ?"
            params.append(limit)
        shown = 0
        with self._errors():
            notes = _notes_then(self._db, as_logged)
            for row in self._db.execute(sql, params):
                event = _event_from_row(row)
                if as_logged is not None:
                    event = _note_then(event, notes)
                    if event.undone_at is not None and event.undone_at > as_logged:
                        event = event._replace(undone_at=None)  # not undone yet then
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
        """How many events `events` would give with the same filters and no limit."""
        where, params = _filters(since, until, item_id, cadence, include_undone, by)
        with self._errors():
            row = self._db.execute(f"SELECT count(*) FROM events WHERE {where}", params)
            return int(row.fetchone()[0])

    def export_batches(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        include_undone: bool = False,
        batch_size: int = 1000,
    ) -> Iterator[list[tuple[str | None, ...]]]:
        """Export rows in batches, oldest logged first, straight from the cursor.

        Each row is the text of one event in `EVENT_COLUMNS` order, undone_at
        None when active. No Event objects are built and at most one batch is
        held: an export of a million events costs what reading them costs.
        `since` and `until` bound `for_date`, both inclusive.
        """
        where, params = _filters(since, until, None, None, include_undone)
        sql = f"SELECT {EVENT_COLUMNS} FROM events WHERE {where} ORDER BY logged_at_utc, id"
        with self._errors():
            cursor = self._db.execute(sql, params)
            while True:
                rows = cursor.fetchmany(batch_size)
                if not rows:
                    return
                yield rows

    def has_item(self, item_id: str) -> bool:
        """Whether any event, active or undone, was logged for `item_id`."""
        with self._errors():
            row = self._db.execute(
                "SELECT 1 FROM events WHERE item_id = ? LIMIT 1", (item_id,)
            ).fetchone()
        return row is not None

    def count(self) -> int:
        """How many events the log holds, undone ones included."""
        with self._errors():
            return int(self._db.execute("SELECT count(*) FROM events").fetchone()[0])


def _state_filter(as_logged: datetime | None) -> tuple[str, tuple[str, ...]]:
    """The SQL condition for events that count: active now, or (with
    `as_logged`) logged by that moment, whatever happened to them later."""
    if as_logged is None:
        return "undone_at IS NULL", ()
    return "logged_at_utc <= ?", (utc_key(as_logged),)


def _standing(
    rows: Iterable[Sequence[str | None]],
    as_logged: datetime | None,
    notes: dict[str, str] | None = None,
) -> Iterator[Event]:
    """The events of `rows` that were active at `as_logged` (all of them
    without it), with the notes they had then (`notes`, from `_notes_then`)."""
    for row in rows:
        event = _event_from_row(row)
        if as_logged is None or event.undone_at is None or event.undone_at > as_logged:
            yield _note_then(event, notes)


def _notes_then(db: sqlite3.Connection, as_logged: datetime | None) -> dict[str, str] | None:
    """What each note corrected after `as_logged` read at that moment: the
    old note of its first correction made later. None without a moment."""
    if as_logged is None:
        return None
    rows = db.execute(
        "SELECT event_uuid, old_note FROM note_changes WHERE changed_at_utc > ? "
        "ORDER BY changed_at_utc DESC, id DESC",
        (utc_key(as_logged),),
    )
    # Newest first, so the earliest later correction is written last and wins.
    return {uuid: old for uuid, old in rows}


def _note_then(event: Event, notes: dict[str, str] | None) -> Event:
    if notes is None or event.uuid not in notes:
        return event
    return event._replace(note=notes[event.uuid])


def _earlier_note(db: sqlite3.Connection, uuid: str, note: str | None) -> bool:
    """Whether `note` is what event `uuid`'s note read before a correction here."""
    row = db.execute(
        "SELECT 1 FROM note_changes WHERE event_uuid = ? AND old_note = ? LIMIT 1", (uuid, note)
    ).fetchone()
    return row is not None


class _DryRun(Exception):
    """Raised inside a dry-run merge to roll its transaction back."""


def _filters(
    since: date | None,
    until: date | None,
    item_id: str | None,
    cadence: str | None,
    include_undone: bool,
    by: str | None = None,
) -> tuple[str, list[object]]:
    clauses = ["1"]
    params: list[object] = []
    if since is not None:
        clauses.append("for_date >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("for_date <= ?")
        params.append(until.isoformat())
    if item_id is not None:
        clauses.append("item_id = ?")
        params.append(item_id)
    if cadence is not None:
        clauses.append("cadence = ?")
        params.append(cadence)
    if not include_undone:
        clauses.append("undone_at IS NULL")
    if by is not None:
        # Names are typed by hand with --by: "mona" finds what "Mona" logged.
        clauses.append("logged_by = ? COLLATE NOCASE")
        params.append(by.strip())
    return " AND ".join(clauses), params


def _active_filters(
    item_id: str | None, period_start: date | None, for_date: date | None
) -> tuple[str, list[object]]:
    clauses = ["undone_at IS NULL"]
    params: list[object] = []
    if item_id is not None:
        clauses.append("item_id = ?")
        params.append(item_id)
    if period_start is not None:
        clauses.append("period_start = ?")
        params.append(period_start.isoformat())
    if for_date is not None:
        clauses.append("for_date = ?")
        params.append(for_date.isoformat())
    return " AND ".join(clauses), params
