"""Run csm in-process the way a user would, and get what they would see."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from typer.testing import CliRunner

from csm_checklist.cli.app import app


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def run(*args: str, input: str | None = None) -> Result:
    """Invoke `csm ARGS...`; stdout and stderr are kept apart."""
    runner = CliRunner()
    result = runner.invoke(app, list(args), input=input, prog_name="csm")
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr)


def run_on(day: str, *args: str, at: str = "17:00:00+00:00") -> Result:
    """`csm ARGS...` typed on `day` (at 17:00 UTC unless `at` says otherwise),
    as a manager who logs the work on the day it was done: a report counts
    an entry on time or late by the day it was logged."""
    import time_machine

    with time_machine.travel(f"{day} {at}", tick=False):
        return run(*args)


def logged_on_the_day(*args: str) -> Result:
    """`csm done|skip ... --on DAY ...` typed on DAY itself (see `run_on`)."""
    return run_on(args[list(args).index("--on") + 1], *args)


def track_from(day: str = "2020-01-01") -> None:
    """Start tracking on `day`, as a manager who moves the tracking start back
    would, so the test can log work for earlier days. The checklists the test
    has written by then are the ones recorded as in force from that day."""
    result = run("history", "start", day)
    assert result.exit_code == 0, result.stderr


def read(*args: str, input: str | None = None) -> Result:
    """`run`, with the directional marks csm puts around Arabic columns and
    the dates in Arabic sentences left out: the words a reader sees. Where
    the marks go is tested by test_bidi_columns and test_pty_widths."""
    from bidi import unmarked

    result = run(*args, input=input)
    return Result(result.exit_code, unmarked(result.stdout), unmarked(result.stderr))


_CHAIN_FOOTER = re.compile(
    "\n\n\u2068?(?:Log chain|سلسلة السجل): [^\n]*\n(?:\u2068?(?:Check it with|افحصه بالأمر): [^\n]*\n)?"
)


_CHAIN_FIELD = re.compile(
    ',\n  "chain": \\{\n    "links": \\d+,\n    "head": "[0-9a-f]{64}"\n  \\}'
)


def without_chain(report: Any) -> Any:
    """A report without what names the log's hash chain (its footer lines, its
    JSON field): they name the log as it was when the report was printed,
    not what the report says, so two prints of the same report differ there."""
    if isinstance(report, dict):
        return {key: value for key, value in report.items() if key != "chain"}
    return _CHAIN_FIELD.sub("", _CHAIN_FOOTER.sub("\n", report))
