"""Writing files so that a crash never leaves half a file behind.

The content goes to a temporary file in the same folder, is flushed to disk,
and only then renamed over the target: a reader sees the old file or the new
one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_writer(
    target: Path, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """Yield a text stream; on success it replaces `target`, on error it vanishes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        # mkstemp makes the file private (0600); the result should have the
        # mode the replaced file had, or a new file's usual mode.
        os.chmod(fd, _mode_for(target))
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


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
