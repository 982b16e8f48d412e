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


def busy_seconds() -> float:
    """How long a write waits for another's: CSM_LOCK_TIMEOUT when it is a
    number of seconds (as for the settings lock), else BUSY_TIMEOUT_SECONDS."""
    try:
        value = float(os.environ.get("CSM_LOCK_TIMEOUT", ""))
    except ValueError:
        return BUSY_TIMEOUT_SECONDS
    return value if 0 <= value < 86_400 else BUSY_TIMEOUT_SECONDS


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


def translate(exc: sqlite3.Error, path: Path) -> LogError:
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


def use_wal(db: sqlite3.Connection) -> None:
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
