"""The checks that keep the SQLite store from harming a file that is not a
csm log, and the opening of one that is.

A file that is not SQLite, another program's database, a corrupt log or one
written by a newer csm is refused with a sentence naming it, before SQLite
writes anything to it (its journal or WAL are never rolled back or deleted).
SQLite's own errors are told as `LogError` sentences by `translate`.
"""

import contextlib
import os
import sqlite3
import stat
import time
from pathlib import Path

from csm_checklist.errors import LogError
from csm_checklist.messages import Msg
from csm_checklist.store.sqlite_migrations import APPLICATION_ID, SCHEMA_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
# How long a command waits for another one that is writing before giving up.
BUSY_TIMEOUT_SECONDS = 30.0

_REPAIR_HINT = Msg("errors.log_repair_hint")


# The first page of an SQLite file: its header, then the b-tree page header
# of sqlite_master, whose cell count (offset 103) tells an empty database.
_PAGE_ONE = 108
_WAL_MAGIC = (0x377F0682, 0x377F0683)


def check_file(path: Path) -> None:
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
    in WAL mode keeps its header until the WAL is copied back."""
    wal = path.with_name(path.name + "-wal")
    try:
        info = os.stat(wal)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size < 32:
        return None
    header = _read_head(wal, 0, 32)
    if int.from_bytes(header[:4], "big") not in _WAL_MAGIC:
        return None
    frame = 24 + int.from_bytes(header[8:12], "big")
    salts = header[16:24]
    found = None
    with open(wal, "rb") as stream:
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


def translate(exc: sqlite3.Error, path: Path) -> LogError:
    """A sentence for the user about what SQLite reported on the log."""
    reason = _describe(exc)
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered:
        return LogError(
            Msg("errors.log_busy", path=path, seconds=f"{BUSY_TIMEOUT_SECONDS:.0f}"),
            hint=Msg("errors.log_busy_hint"),
        )
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return LogError(
            Msg("errors.log_cannot_write", path=path, reason=reason),
            hint=Msg("errors.log_cannot_write_hint", folder=path.parent),
        )
    if "not a database" in lowered:
        return LogError(Msg("errors.log_not_csm", path=path, reason=reason), hint=_REPAIR_HINT)
    if "full" in lowered:
        return LogError(
            Msg("errors.log_disk_full", path=path),
            hint=Msg("errors.log_disk_full_hint"),
        )
    if "malformed" in lowered or "corrupt" in lowered:
        return LogError(Msg("errors.log_corrupt", path=path, reason=reason), hint=_REPAIR_HINT)
    return LogError(Msg("errors.log_unusable", path=path, reason=reason), hint=_REPAIR_HINT)


def check_identity(db: sqlite3.Connection, path: Path) -> int:
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


def read_only_here(path: Path) -> bool:
    """Whether the log exists but cannot be written here: then the commands
    that only read still work, and a write is refused with a clear message."""
    if not path.exists():
        return False
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
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
        timeout=BUSY_TIMEOUT_SECONDS,
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
        marks += [str(info.st_ino), str(info.st_size), str(info.st_mtime_ns)]
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
    try:
        return marker.read_text(encoding="utf-8") == _stamp(path)
    except (OSError, UnicodeDecodeError):
        return False


def note_sound(marker: Path, path: Path) -> None:
    """Note the log's state after this run's checked writes; best effort."""
    tmp = marker.with_name(f".{marker.name}.{os.getpid()}.csm-partial")
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(_stamp(path), encoding="utf-8")
        os.replace(tmp, marker)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def use_wal(db: sqlite3.Connection) -> None:
    """Switch a new log to WAL mode (a no-op for one that already is).

    Changing the journal mode does not wait on SQLite's busy handler, so when
    several commands create the log at once the losers retry here until the
    winner has switched it.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def open_database(path: Path) -> sqlite3.Connection:
    """A connection to the csm log at `path`, checked, in WAL mode and
    migrated to this csm's schema (read-only where the file cannot be
    written). LogError, the file left as it was, for anything else."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LogError(
            Msg("errors.data_folder", path=path.parent, reason=exc.strerror or exc),
            hint=Msg("errors.data_folder_hint"),
        ) from exc
    check_file(path)
    read_only = read_only_here(path)
    try:
        db = connect(path, read_only)
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    try:
        version = check_identity(db, path)
        # From here on the file is known to be a csm log or empty.
        if not read_only:
            use_wal(db)
            db.execute("PRAGMA synchronous = FULL")
            if version < SCHEMA_VERSION:
                if version > 0:
                    check_sound(db, path)  # a migration writes
                migrate(db)
    except sqlite3.Error as exc:
        db.close()
        raise translate(exc, path) from exc
    except BaseException:
        db.close()
        raise
    return db
