"""The one way csm reads a file it owns or is given.

config.yaml, days-off.yaml, the packs file, checklist files, the cache and
import sources are all read through `read_bytes`, which
- reads regular files only: a FIFO, a device or a folder at the path (or at
  the end of a symlink) is refused at once, naming the path, before anything
  waits on it (a FIFO opened for reading with no writer would wait forever);
- reads at most `limit` bytes: a symlink to /dev/zero, or a file that grows
  while it is read, cannot fill the memory;
and `decode` turns the bytes into text strictly, naming the file and the
line of the first byte that is not UTF-8.

A missing file raises FileNotFoundError, as `Path.read_bytes` does, so each
caller keeps its own meaning for "not there" (no days off, no packs).
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import Any, BinaryIO

from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg

# Far beyond any settings file, checklist or cache csm writes (the built-in
# checklists and their cache are well under 1 MB), far below what hurts.
MAX_BYTES = 16 * 1024 * 1024
# A backup of years of a team's log is tens of MB; this leaves room for more.
MAX_IMPORT_BYTES = 256 * 1024 * 1024
_CHUNK = 1024 * 1024


class NotAFile(BadInput):
    """The path holds a FIFO, a device, a socket or a folder (exit 2)."""


class TooBig(BadInput):
    """The file is larger than csm ever reads at that path (exit 2)."""


def _kind(mode: int) -> Msg:
    if stat.S_ISDIR(mode):
        return Msg("errors.kind_folder")
    if stat.S_ISFIFO(mode):
        return Msg("errors.kind_fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Msg("errors.kind_device")
    return Msg("errors.kind_other")


def not_a_file(path: Path | str, mode: int) -> NotAFile:
    return NotAFile(
        Msg("errors.not_a_file", path=path, kind=_kind(mode)),
        hint=Msg("errors.not_a_file_hint"),
    )


def too_big(path: Path | str, limit: int) -> TooBig:
    return TooBig(
        Msg("errors.file_too_big", path=path, limit=f"{limit // (1024 * 1024):,}"),
        hint=Msg("errors.file_too_big_hint"),
    )


def check_regular(path: Path) -> None:
    """NotAFile when `path` exists and is not a regular file (after links)."""
    try:
        info = os.stat(path)
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise not_a_file(path, info.st_mode)


def read_bytes(path: Path, *, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them.

    FileNotFoundError when it does not exist; other OSErrors as they come;
    NotAFile or TooBig (exit 2, naming the path) as described above.
    """
    # Looked at before it is opened: opening some devices does something.
    check_regular(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)  # what was opened, if the path changed meanwhile
        if not stat.S_ISREG(info.st_mode):
            raise not_a_file(path, info.st_mode)
        if info.st_size > limit:
            raise too_big(path, limit)
        return _read_all(fd, path, limit)
    finally:
        os.close(fd)


def _read_all(fd: int, path: Path | str, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise too_big(path, limit)
        chunks.append(chunk)


class _Bounded(io.RawIOBase):
    """A stream that refuses to give more than `limit` bytes in all."""

    def __init__(self, raw: BinaryIO, name: str, limit: int, own: bool) -> None:
        super().__init__()
        self._raw = raw
        self._own = own
        self._name = name
        self._left = limit + 1
        self._limit = limit

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if self._own and not self.closed:
            self._raw.close()
        super().close()

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        data = self._raw.read(min(len(view), self._left))
        if not data:
            return 0
        self._left -= len(data)
        if self._left <= 0:
            raise too_big(self._name, self._limit)
        view[: len(data)] = data
        return len(data)


def bounded(stream: BinaryIO, name: str, *, limit: int | None = None, own: bool = True) -> BinaryIO:
    """`stream` (a pipe, standard input, an open file), refused past `limit`
    bytes; a terminal, a device or a folder behind it is refused at once.
    Closing the result closes `stream` when `own` (not standard input)."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        fd = -1
    if fd >= 0:
        mode = os.fstat(fd).st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISDIR(mode):
            raise not_a_file(name, mode)
    bound = MAX_IMPORT_BYTES if limit is None else limit
    return io.BufferedReader(_Bounded(stream, name, bound, own))


def decode(path: Path | str, data: bytes) -> str:
    """`data` as UTF-8 text (a byte-order mark dropped); BadInput naming the
    file and the line of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadInput(
            Msg("errors.file_not_utf8", path=path, line=line), hint=Msg("errors.save_utf8")
        ) from None


def read_text(path: Path, *, limit: int = MAX_BYTES) -> str:
    """`decode(path, read_bytes(path))`."""
    return decode(path, read_bytes(path, limit=limit))
