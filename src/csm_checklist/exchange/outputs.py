"""Where `-o FILE` writes: the one resolver every command's output goes through.

The rules (README, "Safety"):
- no FILE, or `-`: standard output;
- csm's own files (`Paths.owned_files`: the log and its -wal/-shm/-journal,
  config.yaml, days-off.yaml, the packs file, the settings lock; and every
  file in the checklists and cache folders) are never replaced: exit 2;
- a missing folder is an error (exit 2), never created;
- a symlink is followed: its target is replaced, the link stays;
- a FIFO, a device or another file that is not a regular file is written in
  place, never replaced (so `-o /dev/stdout` reaches stdout);
- an existing file without write permission is not replaced (exit 1);
- a regular file is replaced in one step (atomic.py): a reader sees the old
  file or the new one, and a killed write's temporary is removed next time.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

from csm_checklist.duties.config import Paths
from csm_checklist.errors import BadInput, NotMet
from csm_checklist.messages import Msg

STDOUT = "-"


def _own_files(paths: Paths) -> list[Path]:
    return paths.owned_files()


def _own_folders(paths: Paths) -> list[Path]:
    # Every file in these folders is csm's: checklists and the cache.
    return paths.owned_folders()


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _same(a: Path, b: Path) -> bool:
    if _real(a) == _real(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links
    except OSError:
        return False


def check_not_own(target: Path, paths: Paths) -> None:
    """BadInput when `target` is (or links to) one of csm's own files."""
    real = _real(target)
    for own in _own_files(paths):
        if _same(target, own):
            raise BadInput(
                Msg("errors.output_own_file", target=target, own=own),
                hint=Msg("errors.output_own_file_hint"),
            )
    for folder in _own_folders(paths):
        if real.parent == _real(folder) or real == _real(folder):
            raise BadInput(
                Msg("errors.output_own_folder", target=target, folder=folder),
                hint=Msg("errors.output_own_folder_hint"),
            )


def _stdout(newline: str | None) -> IO[str]:
    """stdout as UTF-8 whatever the locale; line ends written as given when
    `newline` is "" (CSV's CRLF must not become CR CR LF on Windows)."""
    out = sys.stdout
    out.flush()
    if isinstance(out, io.TextIOWrapper):
        out.reconfigure(encoding="utf-8", newline=newline)
    return out


@contextlib.contextmanager
def open_output(
    target: str | Path | None, paths: Paths, *, newline: str | None = None
) -> Iterator[IO[str]]:
    """A text stream (UTF-8) for `-o target`, following the rules above.

    For a regular file nothing is replaced unless the block ends without an
    error. Raises BadInput (exit 2) or NotMet (exit 1) naming the path.
    """
    if target is None or str(target) == STDOUT:
        stream = _stdout(newline)
        yield stream
        stream.flush()
        return
    if str(target) == "":
        raise BadInput(Msg("errors.output_empty"), hint=Msg("errors.output_empty_hint"))
    path = Path(target)
    check_not_own(path, paths)
    try:
        info: os.stat_result | None = path.stat()  # follows a symlink
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise NotMet(
            Msg("errors.output_cannot_use", path=path, reason=exc.strerror or exc), hint=_HINT
        ) from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise BadInput(
            Msg("errors.output_is_folder", path=path), hint=Msg("errors.output_is_folder_hint")
        )
    real = _real(path)
    if info is not None and (not stat.S_ISREG(info.st_mode) or _is_system_link(path, real)):
        with _in_place(path, newline) as stream:
            yield stream
        return
    if not real.parent.is_dir():
        raise BadInput(
            Msg("errors.output_no_folder", path=path, folder=real.parent),
            hint=Msg("errors.output_no_folder_hint"),
        )
    if info is not None and (not os.access(real, os.W_OK) or not info.st_mode & 0o222):
        raise NotMet(
            Msg("errors.output_not_writable", path=path),
            hint=Msg("errors.output_not_writable_hint"),
        )
    from csm_checklist.atomic import atomic_writer

    try:
        with atomic_writer(real, encoding="utf-8", newline=newline, create_folder=False) as stream:
            yield stream
    except OSError as exc:
        raise NotMet(_cannot_write(path, exc), hint=_HINT) from exc


def _is_system_link(path: Path, real: Path) -> bool:
    # /dev/stdout, /dev/fd/N, /proc/self/fd/N stand for an open file: writing
    # through them reaches it, replacing would cut it off from the shell.
    return str(path).startswith(("/dev/", "/proc/")) or str(real).startswith(("/dev/", "/proc/"))


_HINT = Msg("errors.output_write_hint")


def _cannot_write(path: Path, exc: OSError) -> Msg:
    return Msg("errors.output_cannot_write", path=path, reason=exc.strerror or exc)


@contextlib.contextmanager
def _in_place(path: Path, newline: str | None) -> Iterator[IO[str]]:
    """Write into a FIFO or device as it is: replacing it would break whatever
    it is (a device node, a pipe someone is reading)."""
    import errno

    try:
        # No O_CREAT, no O_TRUNC: the node is used, never made or emptied.
        # O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of
        # waiting forever; writing then blocks as usual.
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
        os.set_blocking(fd, True)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise NotMet(
                Msg("errors.output_fifo_no_reader", path=path),
                hint=Msg("errors.output_fifo_no_reader_hint", path=path),
            ) from exc
        raise NotMet(_cannot_write(path, exc), hint=_HINT) from exc
    try:
        with open(fd, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
    except OSError as exc:
        raise NotMet(_cannot_write(path, exc), hint=_HINT) from exc


@contextlib.contextmanager
def open_binary_output(target: str | Path, paths: Paths) -> Iterator[BinaryIO]:
    """`open_output` for bytes (a PDF): the same checks and the same atomic
    replace of a regular file."""
    with open_output(target, paths) as stream:
        stream.flush()
        buffer: BinaryIO = stream.buffer  # type: ignore[attr-defined]
        yield buffer
        buffer.flush()
