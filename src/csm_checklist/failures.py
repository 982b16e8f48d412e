"""What a user sees when a command fails: one line, a hint, an exit code.

Both ways into a command go through here: the typer app (`cli.CsmGroup`) and
the shortcut that runs `csm today` without it, so a failure reads the same
whichever way the command was run.
"""

from __future__ import annotations

import os
import sys

from .errors import CsmError


def report_failure(exc: Exception) -> int:
    """Print `exc` as the user should see it and return the exit code: a
    `CsmError` as its message and hint, an error of the system around csm (a
    closed pipe, a full disk, a number or date out of range) as what went
    wrong, and anything else, a bug, as one line that says how to see more."""
    if isinstance(exc, CsmError):
        print_error(exc.message, exc.hint)
        return exc.exit_code
    known = system_error(exc)
    if known is not None:
        message, hint, code = known
        print_error(message, hint)
        return code
    print_error(
        f"Unexpected error: {type(exc).__name__}: {exc}.",
        "Run again with CSM_DEBUG=1 to see the traceback, and report it.",
    )
    return 1


def system_error(exc: BaseException) -> tuple[str, str, int] | None:
    """(message, hint, exit code) for an error of the system around csm, or
    None for one that is a bug. Work the log had already committed stays."""
    import errno

    saved = _saved_note()
    if isinstance(exc, OSError) and exc.errno in (errno.EPIPE, errno.EBADF, errno.ENOSPC):
        _silence_stdout()
        if exc.errno == errno.ENOSPC:
            problem = "Cannot write the output: the disk is full."
        elif exc.errno == errno.EPIPE:
            problem = "The output was cut short: the program reading it stopped."
        else:
            problem = "Cannot write the output: it is closed."
        return problem + saved, "Nothing else was left half done.", 1
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        return (
            f"Cannot use{where}: {exc.strerror or exc}.{saved}",
            "Check the permissions and free space of csm's folders (`csm config path`).",
            1,
        )
    if isinstance(exc, OverflowError):
        return (
            f"A number or date is out of range ({exc}).",
            "Give smaller numbers, and days between 1900-01-01 and 2199-12-31.",
            2,
        )
    return None


def _saved_note() -> str:
    """A sentence saying the log was written, when this run wrote it."""
    log = sys.modules.get(f"{__package__}.log")
    if log is not None and getattr(log, "COMMITS", [0])[0]:
        return " The log was already saved: what this command logged is kept."
    return ""


def _silence_stdout() -> None:
    # Whatever is still buffered goes to /dev/null, so Python's own flush at
    # exit does not fail a second time.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def print_error(message: str, hint: str | None) -> None:
    from .views.safe import one_line

    if sys.stderr is None:
        return
    # User input and stored text may be in the message: shown, never obeyed.
    sys.stderr.write(f"Error: {one_line(message)}\n")
    if hint:
        sys.stderr.write(f"Hint: {one_line(hint)}\n")
