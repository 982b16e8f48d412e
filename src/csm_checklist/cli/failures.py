"""What a user sees when a command fails: one line, a hint, an exit code.

Both ways into a command go through here: the typer app (`cli.CsmGroup`) and
the shortcut that runs `csm today` without it, so a failure reads the same
whichever way the command was run.
"""

from __future__ import annotations

import os
import sys

from csm_checklist.errors import CsmError
from csm_checklist.messages import Msg


def report_failure(exc: Exception) -> int:
    """Print `exc` as the user should see it and return the exit code: a
    `CsmError` as its message and hint, an error of the system around csm (a
    closed pipe, a full disk, a number or date out of range) as what went
    wrong, and anything else, a bug, as one line that says how to see more."""
    if isinstance(exc, CsmError):
        problems = getattr(exc, "problems", None)
        print_error(exc.message, exc.hint, problems)
        listed = problems if isinstance(problems, list) else []
        more = len(listed) - 1
        if more > 0 and not isinstance(listed[0], str):
            # A checklist with several mistakes: the first is said, and
            # where to see them all.
            if more == 1:
                print_error("", Msg("cli.more_problem", count=more))
            else:
                print_error("", Msg("cli.more_problems", count=more))
        return exc.exit_code
    known = system_error(exc)
    if known is not None:
        message, hint, code = known
        print_error(message, hint)
        return code
    print_error(
        Msg("cli.unexpected", kind=type(exc).__name__, detail=str(exc)),
        Msg("cli.unexpected_hint"),
    )
    return 1


def system_error(exc: BaseException) -> tuple[Msg, Msg, int] | None:
    """(message, hint, exit code) for an error of the system around csm, or
    None for one that is a bug. Work the log had already committed stays."""
    import errno

    saved = Msg("cli.saved") if _log_was_saved() else ""
    if isinstance(exc, OSError) and exc.errno in (errno.EPIPE, errno.EBADF, errno.ENOSPC):
        _silence_stdout()
        if exc.errno == errno.ENOSPC:
            problem = Msg("cli.disk_full", saved=saved)
        elif exc.errno == errno.EPIPE:
            problem = Msg("cli.cut_short", saved=saved)
        else:
            problem = Msg("cli.output_closed", saved=saved)
        return problem, Msg("cli.nothing_half_done"), 1
    if isinstance(exc, OSError):
        # The system's reason, said in the reader's language when csm knows it.
        reason: object = exc.strerror or exc
        if exc.filename:
            problem = Msg("cli.cannot_use_file", path=exc.filename, reason=reason, saved=saved)
        else:
            problem = Msg("cli.cannot_use", reason=reason, saved=saved)
        return problem, Msg("cli.check_folders"), 1
    if isinstance(exc, OverflowError):
        return (
            Msg("cli.number_out_of_range", detail=exc),
            Msg("cli.number_out_of_range_hint"),
            2,
        )
    return None


def _log_was_saved() -> bool:
    """Whether this run committed to the log."""
    records = sys.modules.get("csm_checklist.store.records")
    return records is not None and bool(getattr(records, "COMMITS", [0])[0])


def _silence_stdout() -> None:
    # Whatever is still buffered goes to /dev/null, so Python's own flush at
    # exit does not fail a second time.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def print_error(message: str, hint: str | None, problems: object = None) -> None:
    """ "Error: …" and "Hint: …" on stderr, in the reader's language."""
    from csm_checklist.cli.language import reader_lang
    from csm_checklist.cli.views.safe import one_line
    from csm_checklist.messages import say, t

    if sys.stderr is None:
        return
    lang = reader_lang()
    # User input and stored text may be in the message: shown, never obeyed.
    lines = []
    if message:
        lines.append(t("cli.error_line", lang, message=one_line(say(message, lang))))
    if isinstance(problems, list) and len(problems) > 1:  # every problem, after the first
        for problem in problems[1:]:
            if isinstance(problem, str):
                lines.append("  " + one_line(say(problem, lang)))
    if hint:
        lines.append(t("cli.hint_line", lang, hint=one_line(say(hint, lang))))
    text = "".join(line + "\n" for line in lines)
    if not text.isascii():  # dates in an Arabic sentence keep their order (bidi.py)
        from csm_checklist.cli.views.bidi import isolate_lines

        text = isolate_lines(text)
    sys.stderr.write(text)
