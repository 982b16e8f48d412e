"""`csm today`, bare `csm` and `csm report` without building the typer app.

Importing typer and building the app costs about a third of the morning
command's time, before a word of it is parsed. When the arguments are one of
the plain forms of `csm today` (bare `csm`, or `today` with --on, --all,
--json, --mine, --as-logged and --tag, as `--on DATE` or `--on=DATE`) or of
`csm report` (its options by their long names, and -p, -f and -o followed by
their value), this runs the command itself, exactly as the app would.
Anything else returns None and goes to typer, which stays the parser of every
other form: help, completion, an option this does not know, a value that
begins with `-` or is empty, a second word, and CSM_DEBUG's tracebacks. So
every message about a bad command line is still typer's own.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple or TypedDict field at each start of `csm today`.

import os
import sys
from collections.abc import Callable, Sequence
from typing import TypedDict, cast

# The options of `csm today`: those that are flags, and those that take a value.
FLAGS = ("--all", "--json", "--mine")
VALUES = ("--on", "--as-logged", "--tag")
# Those of `csm report`, by the name of the parameter each sets.
REPORT_FLAGS = {"--previous": "previous"}
REPORT_VALUES = {
    "--period": "period",
    "--on": "on",
    "--format": "fmt",
    "--output": "output",
    "--as-logged": "as_logged",
    "--tag": "tag",
    "--by": "by",
}
# Short names take their value as the next word only (`-p year`): click reads
# `-p=year` as the value "=year" and `-pyear` as "year", so those go to typer.
REPORT_SHORT = {"-p": "period", "-f": "fmt", "-o": "output"}


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


class ReportOptions(TypedDict, total=False):
    """The keyword arguments of `report` (commands/report.py) that were given."""

    period: str
    on: str
    previous: bool
    fmt: str
    output: str
    as_logged: str
    tag: str
    by: str


def report_options(args: Sequence[str]) -> ReportOptions | None:
    """The keyword arguments of `report` for `csm ARGS`, or None when typer
    should parse it (the same rules as `today_options`)."""
    if os.environ.get("CSM_DEBUG") or os.environ.get("_CSM_COMPLETE"):
        return None
    if not args or args[0] != "report":
        return None
    options: dict[str, str | bool] = {}
    rest = list(args[1:])
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if name in REPORT_FLAGS and not equals:
            options[REPORT_FLAGS[name]] = True
            continue
        if name in REPORT_VALUES:
            key = REPORT_VALUES[name]
        elif word in REPORT_SHORT:
            key, equals = REPORT_SHORT[word], ""
        else:
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if not value or value.startswith("-"):
            return None
        options[key] = value  # the last one given wins, as in click
    return cast(ReportOptions, options)


def run(args: Sequence[str]) -> int | None:
    """Run `csm ARGS` and return its exit code, when it is a form of
    `csm today` or `csm report` this knows; None, having done nothing, for
    typer to run it."""
    options = today_options(args)
    if options is not None:
        from csm_checklist.cli.commands.today_due import show_today

        return _run(lambda: show_today(**options))
    report_args = report_options(args)
    if report_args is not None:
        from csm_checklist.cli.commands.report import report

        return _run(lambda: report(**report_args))
    return None


def _run(command: Callable[[], None]) -> int:
    from csm_checklist.cli.failures import report_failure
    from csm_checklist.cli.language import learn_afresh

    learn_afresh()  # as `cli.CsmGroup.main` does

    # As `cli.CsmGroup.invoke` and click's main do it, so a failure reads and
    # exits the same.
    try:
        try:
            command()
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return report_failure(exc)
    return 0
