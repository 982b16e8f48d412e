"""Writing files so that a crash never leaves half a file behind.

The content goes to a temporary file in the same folder, is flushed to disk,
and only then renamed over the target: a reader sees the old file or the new
one, never a mix.

A write killed outright (SIGKILL, power loss) cannot remove its temporary, so
temporaries carry a name csm recognises,
`.<target>.<pid>.<nonce>-<seal>.csm-partial`: the next write to the same
folder removes those whose process is gone. The seal is a keyed hash of the
rest of the name, with a key kept in csm's cache folder (`partial-key`), so a
name only csm itself made passes: a user's file that merely looks like a
temporary (a copy from another machine, a name typed by hand) is never
deleted. Without a key (the cache folder cannot be written), temporaries are
sealed with a key of this run only, and no old one is ever removed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO

PARTIAL = ".csm-partial"
KEY_FILE = "partial-key"
_KEY: list[bytes] = []
_KEY_FOLDER: list[Path] = []


def use_key_folder(folder: Path) -> None:
    """Keep the key that seals temporaries' names in `folder` (the cache)."""
    _KEY_FOLDER[:] = [folder]
    _KEY.clear()


def _key() -> bytes:
    if not _KEY:
        given = os.environ.get("CSM_CACHE_DIR")
        folder = _KEY_FOLDER[0] if _KEY_FOLDER else Path(given) if given else None
        key = _stored_key(folder / KEY_FILE) if folder is not None else b""
        _KEY.append(key or secrets.token_bytes(32))
    return _KEY[0]


def _stored_key(path: Path) -> bytes:
    """The key in `path`, made on first use; b"" when it cannot be had."""
    from csm_checklist.reading import read_bytes

    with contextlib.suppress(Exception):
        key = read_bytes(path, limit=64)
        if len(key) == 32:
            return key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return b""
    key = secrets.token_bytes(32)
    try:
        os.write(fd, key)
    except OSError:
        return b""
    finally:
        os.close(fd)
    return key


def seal(text: str) -> str:
    """A keyed hash of `text` (the key in the cache folder): what csm wrote
    passes, a file edited or made by anything else does not."""
    import hashlib
    import hmac

    digest = hmac.new(_key(), text.encode("utf-8", "surrogateescape"), hashlib.sha256)
    return digest.hexdigest()


def _seal(stem: str) -> str:
    return seal(stem)[:16]


def partial_name(target: Path, pid: int | None = None) -> Path:
    """A fresh temporary for `target`, in its folder, with a sealed name."""
    stem = f".{target.name}.{os.getpid() if pid is None else pid}.{secrets.token_hex(4)}"
    return target.with_name(f"{stem}-{_seal(stem)}{PARTIAL}")


def _is_ours(name: str) -> int | None:
    """The pid in `name` when csm made it (its seal holds), else None."""
    stem, _, seal = name[: -len(PARTIAL)].rpartition("-")
    parts = stem.rsplit(".", 2)
    if len(parts) != 3 or not parts[1].isdigit() or len(seal) != 16:
        return None
    if not secrets.compare_digest(seal, _seal(stem)):
        return None
    return int(parts[1])


@contextlib.contextmanager
def atomic_writer(
    target: Path,
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
    create_folder: bool = True,
) -> Iterator[IO[str]]:
    """Yield a text stream; on success it replaces `target`, on error it vanishes.

    The folder is created when missing unless `create_folder` is False.
    """
    if create_folder:
        target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(target.parent)
    tmp = partial_name(target)
    mode = _mode_for(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        # The result should have the mode the replaced file had, or a new
        # file's usual mode; the temporary stays private until then.
        os.chmod(fd, mode)
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.filename is None or exc.filename == str(tmp) or exc.filename == tmp:
            # The user knows the file they asked for, not csm's temporary: a
            # failed flush (no name) or rename (the temporary's) names it.
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
        raise
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def remove_stale_partials(folder: Path) -> list[Path]:
    """Remove the temporaries in `folder` that csm made (their seal holds) and
    whose process is gone; a file that only looks like one stays."""
    removed: list[Path] = []
    try:
        names = [name for name in os.listdir(folder) if name.endswith(PARTIAL)]
    except OSError:
        return removed
    for name in names:
        pid = _is_ours(name)
        if pid is None or _alive(pid):
            continue
        with contextlib.suppress(OSError):
            (folder / name).unlink()
            removed.append(folder / name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        # Never mutated: a changed pid or signal would signal a real process.
        os.kill(pid, 0)  # pragma: no mutate
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process: leave its file alone
    except OSError:
        return True
    return True


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomically(target: Path, text: str) -> None:
    """Replace `target` with `text` (UTF-8) in one step."""
    with atomic_writer(target) as stream:
        stream.write(text)
