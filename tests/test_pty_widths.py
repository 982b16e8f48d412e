"""Every view in a real pseudo-terminal of 60, 80 and 120 columns, in English
and Arabic: no line is wider than the terminal, so none wraps, and (Arabic)
each line keeps its columns, dates and figures in order under GNU FriBidi.

The other width tests render through rich in the test process; this one runs
csm as a person does, in a terminal csm detects itself, so what decides the
layout is the terminal's own size.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from rich.cells import cell_len

from clock import on_day

from bidi import unmarked
from clihelp import track_from

DAY = "2026-11-18"
VIEWS = [
    ("today", "--on", DAY),
    ("today", "--on", DAY, "--all"),
    ("due", "--on", DAY, "--period", "quarter"),
    ("log",),
    ("report", "--on", DAY),
    ("report", "--on", DAY, "--period", "year"),
    ("list",),
    ("show", "monitor-accounts"),
    ("history",),
    ("run", "list"),
    ("off", "list"),
    ("measures",),
    ("measures", "monthly-report"),
]
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def in_terminal(args: tuple[str, ...], columns: int, env: dict[str, str]) -> str:
    """What `csm ARGS` writes to a terminal `columns` wide, escapes removed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "csm_checklist", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**env, "TERM": "xterm-256color", "COLUMNS": "", "LINES": ""},
        close_fds=True,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    text = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
    return _ESCAPES.sub("", text)


def _is_row(line: str) -> bool:
    """Whether a line is a row of columns (cells apart by two spaces or more),
    which must fit; a sentence, such as a hint with a long command in it, may
    wrap as prose does."""
    return "  " in line.strip()


@pytest.fixture
def workday(config_dir: Path) -> dict[str, str]:
    """A log with a week of work, a note, a skip, a day off and a playbook run."""
    from clihelp import run

    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    track_from("2026-01-01")
    for day in ("2026-11-16", "2026-11-17", DAY):
        assert run("done", "--cadence", "daily", "--on", day, "--note", "all calm").exit_code == 0
    assert run("skip", "team-meeting", "--on", DAY, "--reason", "public holiday").exit_code == 0
    assert run("off", "add", "2026-11-12", "--reason", "annual leave").exit_code == 0
    assert run("run", "start", "crisis", "--name", "hacked account").exit_code == 0
    measured = run("done", "monthly-report", "--on", "2026-10-30", "--measure", "csat=4.5")
    assert measured.exit_code == 0, measured.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    return env


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("columns", [60, 80])
def test_no_view_is_wider_than_the_terminal(
    workday: dict[str, str], config_dir: Path, lang: str, columns: int
) -> None:
    with (config_dir / "config.yaml").open("a", encoding="utf-8") as config:
        config.write(f"lang: {lang}\n")
    too_wide = {}
    for args in VIEWS:
        shown = in_terminal(args, columns, workday)
        assert shown.strip(), args
        wide = [
            line
            for line in shown.splitlines()
            if cell_len(unmarked(line)) > columns and _is_row(unmarked(line))
        ]
        if wide:
            too_wide[" ".join(args)] = wide
    assert too_wide == {}, "\n".join(f"{k}:\n" + "\n".join(v) for k, v in too_wide.items())


# Seven weeks of work, as a manager who tried csm for that long has it: Hijri
# dates on, the country's public holidays, a day of leave, notes given to
# several items at once, a skip, measures in two months, and two playbook
# runs (one closed with --force, one open). Every view at 60, 80 and 120
# columns, in English and Arabic, as of 2026-11-18 (libfaketime).
TODAY = "2026-11-18"
HOLIDAY = "2026-09-23"  # Saudi National Day
SEVEN_WEEK_VIEWS = [
    ("today",),
    ("today", "--all"),
    ("today", "--on", HOLIDAY),
    ("due", "--period", "week"),
    ("due", "--period", "quarter"),
    ("log",),
    ("report",),
    ("report", "--previous"),
    ("report", "--period", "week"),
    ("report", "--period", "week", "--previous"),
    ("report", "--period", "quarter"),
    ("list",),
    ("show", "team-meeting"),
    ("history",),
    ("run", "list"),
    ("run", "show", "crisis-2026-11-10"),
    ("off", "list"),
    ("measures",),
    ("measures", "monthly-report"),
]


def _weekdays(first: str, last: str) -> list[str]:
    from datetime import date, timedelta

    day, end, found = date.fromisoformat(first), date.fromisoformat(last), []
    while day <= end:
        if day.weekday() < 5:
            found.append(day.isoformat())
        day += timedelta(days=1)
    return found


@pytest.fixture
def seven_weeks(config_dir: Path) -> dict[str, str]:
    from datetime import datetime, timezone

    import time_machine

    from clihelp import run

    def at(moment: str) -> time_machine.travel:
        when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
        return time_machine.travel(when, tick=False)

    def ok(*args: str) -> None:
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)

    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\nhijri: true\n", encoding="utf-8")
    with at("2026-09-01T08:00"):
        ok("history", "start", "2026-09-01")
        ok("off", "holidays", "--country", "SA", "--year", "2026")
        ok("off", "add", "2026-10-15", "--reason", "annual leave")
    for day in _weekdays("2026-09-28", "2026-11-17"):
        with at(f"{day}T17:00"):
            run("done", "--cadence", "daily", "--note", "all calm")
    with at("2026-11-13T17:00"):
        ok("done", "performance-review", "feedback-analysis", "--note", "reviewed with the team")
        ok("skip", "team-meeting", "--reason", "public holiday")
    with at("2026-10-30T17:00"):
        ok("done", "monthly-report", "--measure", "csat=4.4")
    with at("2026-09-30T17:00"):
        ok("done", "monthly-report", "--measure", "csat=4.6")
    with at("2026-11-10T09:00"):
        ok("run", "start", "crisis", "--name", "hacked account")
        ok("done", "crisis-2026-11-10/assess")
    with at("2026-11-11T23:00"):
        ok("done", "crisis-2026-11-10/secure-accounts", "crisis-2026-11-10/holding-reply")
        ok("run", "close", "crisis-2026-11-10", "--force", "--note", "account recovered")
    with at("2026-11-17T10:00"):
        ok("run", "start", "campaign", "--name", "white friday")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    return on_day(env, f"{TODAY} 12:00:00")


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_seven_weeks_of_views_fit_60_80_and_120_columns(
    seven_weeks: dict[str, str], config_dir: Path, lang: str, columns: int
) -> None:
    from bidi import misplaced
    from clihelp import run

    with (config_dir / "config.yaml").open("a", encoding="utf-8") as config:
        config.write(f"lang: {lang}\n")
    if lang == "ar":  # the holidays named in Arabic, as the hint says
        assert run("off", "holidays", "--country", "SA", "--year", "2026").exit_code == 0
    too_wide, out_of_order = {}, {}
    for args in SEVEN_WEEK_VIEWS:
        shown = in_terminal(args, columns, seven_weeks)
        assert shown.strip(), args
        assert "Error" not in shown and "خطأ" not in shown, (args, shown)
        lines = shown.splitlines()
        wide = [
            line for line in lines if cell_len(unmarked(line)) > columns and _is_row(unmarked(line))
        ]
        if wide:
            too_wide[" ".join(args)] = wide
        if lang == "ar":
            wrong = misplaced(lines, "ltr") + misplaced(lines, "auto")
            if wrong:
                out_of_order[" ".join(args)] = wrong
    assert too_wide == {}, "\n".join(f"{k}:\n" + "\n".join(v) for k, v in too_wide.items())
    assert out_of_order == {}, "\n".join(f"{k}:\n" + "\n".join(v) for k, v in out_of_order.items())
