"""`csm today` and bare `csm` without building the typer app.

Importing typer and building the app costs about a third of the morning
command's time, before a word of it is parsed. When the arguments are one of
the plain forms of `csm today` (bare `csm`, or `today` with --on, --all,
--json, --mine, --as-logged and --tag, as `--on DATE` or `--on=DATE`), this runs the
command itself, exactly as the app would. Anything else returns None and goes
to typer, which stays the parser of every other form: help, completion, an
option this does not know, a value that begins with `-` or is empty, a second
word, and CSM_DEBUG's tracebacks. So every message about a bad command line is
still typer's own.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple or TypedDict field at each start of `csm today`.

import os
import sys
from collections.abc import Sequence
from typing import TypedDict

# The options of `csm today`: those that are flags, and those that take a value.
FLAGS = ("--all", "--json", "--mine")
VALUES = ("--on", "--as-logged", "--tag")


class TodayOptions(TypedDict):
    """The keyword arguments of `show_today`."""

    on: str | None
    show_all: bool
    json_output: bool
    as_logged: str | None
    tag: str | None
    mine: bool


def today_options(args: Sequence[str]) -> TodayOptions | None:
    """What `csm ARGS` asks of `show_today`, or None when typer should parse it."""
    if os.environ.get("CSM_DEBUG") or os.environ.get("_CSM_COMPLETE"):
        return None
    if args and args[0] != "today":
        return None
    flags: set[str] = set()
    values: dict[str, str] = {}
    rest = list(args[1:])
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name in FLAGS and not equals:
            flags.add(name)
        elif name in VALUES:
            if not equals:
                if not rest:
                    return None
                value = rest.pop(0)
            if not value or value.startswith("-"):
                return None
            values[name] = value  # the last one given wins, as in click
        else:
            return None
    return TodayOptions(
        on=values.get("--on"),
        show_all="--all" in flags,
        json_output="--json" in flags,
        as_logged=values.get("--as-logged"),
        tag=values.get("--tag"),
        mine="--mine" in flags,
    )


def run(args: Sequence[str]) -> int | None:
    """Run `csm ARGS` and return its exit code, when it is a form of
    `csm today` this knows; None, having done nothing, for typer to run it."""
    options = today_options(args)
    if options is None:
        return None
    from csm_checklist.cli.commands.today_due import show_today
    from csm_checklist.cli.failures import report_failure
    from csm_checklist.cli.language import learn_afresh

    learn_afresh()  # as `cli.CsmGroup.main` does

    # As `cli.CsmGroup.invoke` and click's main do it, so a failure reads and
    # exits the same.
    try:
        try:
            show_today(**options)
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return report_failure(exc)
    return 0
