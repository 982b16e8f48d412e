"""Writing files so that a crash never leaves half a file behind.

The content goes to a temporary file in the same folder, is flushed to disk,
and only then renamed over the target: a reader sees the old file or the new
one, never a mix.

A write killed outright (SIGKILL, power loss) cannot remove its temporary, so
temporaries carry a name csm recognises, `.<target>.<pid>.csm-partial`: the
next write to the same folder removes those whose process is gone.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO

PARTIAL = ".csm-partial"


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
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{PARTIAL}")
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
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def remove_stale_partials(folder: Path) -> list[Path]:
    """Remove the temporaries in `folder` left by csm processes that are gone."""
    removed: list[Path] = []
    try:
        names = [name for name in os.listdir(folder) if name.endswith(PARTIAL)]
    except OSError:
        return removed
    for name in names:
        parts = name[: -len(PARTIAL)].rsplit(".", 2)
        if len(parts) != 3 or not parts[1].isdigit() or _alive(int(parts[1])):
            continue
        with contextlib.suppress(OSError):
            (folder / name).unlink()
            removed.append(folder / name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
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
