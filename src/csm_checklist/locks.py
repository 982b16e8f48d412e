"""The lock every settings-like file is changed under.

config.yaml, days-off.yaml and the packs file are each read, changed and
written back whole (atomic.py). Two commands doing that at once would each
write the file they read, and one would lose the other's change; so every
such change runs while holding one lock, a file beside them,
`.config.yaml.lock`.

A lock is never waited on forever: after `timeout` seconds (CSM_LOCK_TIMEOUT
overrides it) the command stops with exit 1, naming the process that holds the
lock (its pid and command, which the holder writes into the lock file) and
what to do. A holder stopped with Ctrl-Z keeps its lock until it resumes or
ends; a holder that died has released it (the system releases the locks of a
process that ends).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from csm_checklist.errors import NotMet
from csm_checklist.messages import Msg

LOCK_FILE = ".config.yaml.lock"
TIMEOUT_SECONDS = 10.0
_POLL_SECONDS = 0.05


def timeout_seconds() -> float:
    """The lock timeout: CSM_LOCK_TIMEOUT when it is a number >= 0."""
    given = os.environ.get("CSM_LOCK_TIMEOUT", "")
    try:
        value = float(given)
    except ValueError:
        return TIMEOUT_SECONDS
    return value if 0 <= value < 86_400 else TIMEOUT_SECONDS


def _command() -> str:
    words = ["csm", *sys.argv[1:]]
    return " ".join(words)[:200]


def holder(lock_file: Path) -> tuple[str, str]:
    """(pid, command) the last holder of `lock_file` wrote; "?" when unknown."""
    from csm_checklist.reading import read_bytes

    try:
        text = read_bytes(lock_file, limit=4096).decode("utf-8", "replace")
    except Exception:  # unreadable, not a file: the message says "unknown"
        text = ""
    pid, _, command = text.partition("\n")
    return (pid.strip() or "?", command.strip() or "?")


@contextlib.contextmanager
def held(lock_file: Path, *, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock `lock_file` while the block runs.

    The folder is created when missing. NotMet (exit 1) naming the holder
    after `timeout` seconds; OSError when the lock file cannot be made.
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(lock_file, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; writes stay atomic
            yield
            return
        wait = timeout_seconds() if timeout is None else timeout
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    pid, command = holder(lock_file)
                    raise NotMet(
                        Msg("errors.lock_held", path=lock_file, pid=pid, command=command),
                        hint=Msg("errors.lock_held_hint", pid=pid, seconds=f"{wait:g}"),
                    ) from None
                time.sleep(_POLL_SECONDS)
        with contextlib.suppress(OSError):  # who holds it: for whoever waits
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n{_command()}\n".encode("utf-8", "replace"), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def settings_lock(
    config_dir: Path, *, timeout: float | None = None
) -> contextlib.AbstractContextManager[None]:
    """The lock for changing any settings-like file in `config_dir`."""
    return held(config_dir / LOCK_FILE, timeout=timeout)
