"""Where every run of csm starts: streams made safe, arguments checked, and
the command run, by the shortcut for the plain forms of `csm today`
(`shortcut.py`) and by the typer app (`cli.py`) for everything else. Only the
app's runs pay for importing typer."""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point of the `csm` console script and `python -m csm_checklist`."""
    _end_cleanly_on_signals()  # first: before anything else is imported
    from csm_checklist.cli import shortcut
    from csm_checklist.cli.failures import print_error
    from csm_checklist.messages import Msg

    args = sys.argv[1:]
    _prepare_streams()
    for arg in args:
        if any("\udc80" <= char <= "\udcff" for char in arg):
            # Python keeps bytes that are not UTF-8 as lone surrogates, which
            # no file, log or terminal can take.
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            print_error(Msg("cli.not_utf8", arg=shown), Msg("cli.not_utf8_hint"))
            raise SystemExit(2)
    code = shortcut.run(args)
    if code is not None:
        raise SystemExit(code)
    from csm_checklist.cli.app import build_app

    build_app(args)(prog_name="csm")


def _end_cleanly_on_signals() -> None:
    """Ctrl-C (SIGINT) and SIGTERM end csm at once with the usual exit codes
    (130, 143) and no traceback, wherever they arrive: in a write, in an
    import, in Python's own shutdown. Nothing is left half done: a log
    transaction not committed is rolled back by SQLite, a file being replaced
    keeps its old content (its temporary is removed by the next write), and
    the system releases every lock of a process that ends."""
    import contextlib
    import os
    import signal

    def stop(signum: int, _frame: object) -> None:
        os._exit(128 + signum)

    for name in ("SIGINT", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                signal.signal(number, stop)


def _prepare_streams() -> None:
    """No output ever fails on its encoding: in a locale that cannot show some
    characters (LANG=C, PYTHONIOENCODING=ascii), they are written as escapes
    such as \\u0645 instead. A closed stdout is refused before anything runs."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
            if encoding != "utf8":
                stream.reconfigure(errors="backslashreplace")
    if sys.stdout is None:
        from csm_checklist.cli.failures import print_error
        from csm_checklist.messages import Msg

        print_error(Msg("cli.stdout_closed"), Msg("cli.stdout_closed_hint"))
        raise SystemExit(1)
