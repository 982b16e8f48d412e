"""Playbook runs as they stood on the day asked (`today --on`, reports,
`--as-logged`), and `run start --at` for a run that began earlier than it
was recorded. The clock is moved with time-machine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine

from bidi import unmarked
from clihelp import Result, run, without_chain


@contextmanager
def at(moment: str) -> Iterator[None]:
    """Run what follows as if it were `moment` (UTC, the tests' time zone)."""
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def ok(*args: str) -> str:
    """The output of a command that succeeds, a report without its chain footer."""
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return str(without_chain(result.stdout))


def refused(code: int, *args: str) -> Result:
    result = run(*args)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture(autouse=True)
def _user(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")


RUN = "campaign-2026-04-07"  # Tuesday 7 April 2026


def _campaign_closed_on_the_15th() -> None:
    """Tracking from 1 March; a campaign started on 7 April at 10:00, its
    brief done on the 8th, closed (with steps open) on the 15th."""
    with at("2026-03-01T08:00"):
        ok("today")
    with at("2026-04-07T10:00"):
        ok("run", "start", "campaign", "--name", "spring sale")
    with at("2026-04-08T11:00"):
        ok("done", f"{RUN}/brief")
    with at("2026-04-15T17:00"):
        ok("run", "close", RUN, "--force")


def _runs_section(text: str) -> list[str]:
    return text[text.index("Open playbook runs") :].splitlines() if "playbook" in text else []


def test_today_on_a_day_before_a_run_began_does_not_list_it() -> None:
    _campaign_closed_on_the_15th()
    with at("2026-04-20T09:00"):
        assert _runs_section(ok("today", "--on", "2026-04-01")) == []
        assert "runs" not in json.loads(ok("today", "--on", "2026-04-01", "--json"))
        assert _runs_section(ok("today", "--on", "2026-04-06")) == []


def test_today_on_a_day_a_run_was_open_lists_it_as_it_stood() -> None:
    _campaign_closed_on_the_15th()
    with at("2026-04-20T09:00"):
        section = _runs_section(ok("today", "--on", "2026-04-08"))
        document = json.loads(ok("today", "--on", "2026-04-08", "--json"))
        # Closed since: not open today.
        assert _runs_section(ok("today")) == []
    assert section[1] == f"  {RUN}  Marketing campaign — spring sale"
    # The brief was done that day; the other steps were still open then,
    # and judged at the end of that day, not now.
    assert [line.split()[0] for line in section[2:]] == [
        f"{RUN}/replies",
        f"{RUN}/brief-team",
        f"{RUN}/support",
        f"{RUN}/feedback",
    ]
    assert not any("OVERDUE" in line for line in section)
    (record,) = document["runs"]
    assert record["run"] == RUN
    assert record["closed_at"] is None
    states = {step["step"]: step["state"] for step in record["steps"]}
    assert states == {
        "brief": "done",
        "replies": "open",
        "brief-team": "open",
        "support": "open",
        "feedback": "open",
    }
    assert [step["overdue"] for step in record["steps"]] == [False] * 5


def test_a_step_checked_off_after_the_day_asked_is_still_open_that_day() -> None:
    _campaign_closed_on_the_15th()
    with at("2026-04-20T09:00"):
        record = json.loads(ok("today", "--on", "2026-04-07", "--json"))["runs"][0]
    assert record["steps"][0]["state"] == "open"


def test_today_as_logged_shows_the_runs_open_at_that_moment() -> None:
    _campaign_closed_on_the_15th()
    with at("2026-04-20T09:00"):
        before = ok("today", "--as-logged", "2026-04-07T09:59")
        during = json.loads(ok("today", "--as-logged", "2026-04-10T12:00", "--json"))
        after = json.loads(ok("today", "--as-logged", "2026-04-16T12:00", "--json"))
    assert _runs_section(before) == []
    assert [r["run"] for r in during["runs"]] == [RUN]
    assert during["runs"][0]["closed_at"] is None
    assert "runs" not in after


def test_a_report_of_a_week_the_run_outlived_shows_it_open() -> None:
    _campaign_closed_on_the_15th()
    with at("2026-04-20T09:00"):
        week = ok("report", "--period", "week", "--on", "2026-04-08")
        document = json.loads(
            ok("report", "--period", "week", "--on", "2026-04-08", "--format", "json")
        )
        month_then = ok("report", "--period", "month", "--on", "2026-04-08")
        month = ok("report", "--period", "month")
    assert week.endswith(
        "Playbook runs\n"
        f"  {RUN}  Marketing campaign  started 2026-04-07 10:00  still open  0 steps late\n"
    )
    assert document["runs"][0]["closed_at"] is None
    # April as of the 8th, and as of today (the 20th), when it had closed.
    assert month_then.endswith("started 2026-04-07 10:00  still open  0 steps late\n")
    assert month.endswith(
        "Playbook runs\n"
        f"  {RUN}  Marketing campaign  started 2026-04-07 10:00  closed after 8 days 7 hours · 4 steps left open  "
        "0 steps late\n"
    )


def test_run_start_at_an_hour_earlier_today() -> None:
    with at("2026-04-07T08:00"):
        ok("today")
    with at("2026-04-07T15:30"):
        assert ok("run", "start", "crisis", "--at", "14:00") == (
            "Started crisis-2026-04-07: Social media crisis, 6 steps; first deadline "
            "2026-04-07 15:00 (assess).\n"
            "Check steps off with: csm done crisis-2026-04-07/assess\n"
        )
        record = json.loads(ok("run", "show", "crisis-2026-04-07", "--json"))
    assert record["started_at"] == "2026-04-07T14:00:00+00:00"
    assert [step["overdue"] for step in record["steps"]] == [
        True,
        False,
        False,
        False,
        False,
        False,
    ]


def test_run_start_on_yesterday_at_the_hour_it_began() -> None:
    with at("2026-04-06T08:00"):
        ok("today")
    with at("2026-04-07T09:00"):
        assert ok("run", "start", "crisis", "--on", "yesterday", "--at", "22:30").startswith(
            "Started crisis-2026-04-06: Social media crisis, 6 steps; first deadline "
            "2026-04-06 23:30 (assess).\n"
        )
        assert ok("run", "start", "campaign", "--at", "2026-04-06 16:45").startswith(
            "Started campaign-2026-04-06: Marketing campaign, 5 steps;"
        )
        started = {
            r["run"]: r["started_at"] for r in json.loads(ok("run", "list", "--json"))["runs"]
        }
    assert started == {
        "campaign-2026-04-06": "2026-04-06T16:45:00+00:00",
        "crisis-2026-04-06": "2026-04-06T22:30:00+00:00",
    }


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ("--at", "15:31"),
            "Error: 2026-04-07 15:31 is in the future; a run starts when something happens.\n"
            "Hint: Give the time it began, up to now (2026-04-07 15:30).\n",
        ),
        (
            ("--at", "2026-04-08 09:00"),
            "Error: --on 2026-04-08 is in the future; a run starts when something happens.\n"
            "Hint: Use today (2026-04-07) or an earlier day.\n",
        ),
        (
            ("--at", "2026-04-02 09:00"),
            "Error: --on 2026-04-02 is before csm began tracking, on 2026-04-06; a run cannot "
            "start then.\n"
            "Hint: Check the date. If you did track work then, move the start first: "
            "csm history start 2026-04-02\n",
        ),
        (
            ("--on", "2026-04-05"),
            "Error: --on 2026-04-05 is before csm began tracking, on 2026-04-06; a run cannot "
            "start then.\n"
            "Hint: Check the date. If you did track work then, move the start first: "
            "csm history start 2026-04-05\n",
        ),
        (
            ("--at", "25:00"),
            "Error: --at '25:00' is not a time.\n"
            "Hint: Give the hour it began as HH:MM (e.g. 14:30), or a full local time "
            "YYYY-MM-DD HH:MM (e.g. 2026-04-07 14:30).\n",
        ),
        (
            ("--at", "yesterday"),
            "Error: --at 'yesterday' is not a time.\n"
            "Hint: Give the hour it began as HH:MM (e.g. 14:30), or a full local time "
            "YYYY-MM-DD HH:MM (e.g. 2026-04-07 14:30).\n",
        ),
        (
            ("--on", "yesterday", "--at", "2026-04-07 09:00"),
            "Error: --at 2026-04-07 09:00 names one day and --on yesterday another.\n"
            "Hint: Give the day once: in --at, or in --on with --at HH:MM.\n",
        ),
    ],
)
def test_run_start_at_refuses_what_cannot_be(args: tuple[str, ...], stderr: str) -> None:
    with at("2026-04-06T08:00"):
        ok("today")
    with at("2026-04-07T15:30"):
        assert refused(2, "run", "start", "crisis", *args).stderr == stderr
        assert json.loads(ok("run", "list", "--json"))["runs"] == []


def test_run_start_at_refusals_in_arabic() -> None:
    with at("2026-04-06T08:00"):
        ok("today")
        ok("config", "set", "lang", "ar")
    with at("2026-04-07T15:30"):
        future = unmarked(refused(2, "run", "start", "crisis", "--at", "16:00").stderr)
        wrong = unmarked(refused(2, "run", "start", "crisis", "--at", "noon").stderr)
        early = unmarked(refused(2, "run", "start", "crisis", "--at", "2026-04-01 10:00").stderr)
    assert "2026-04-07 16:00" in future and "(2026-04-07 15:30)" in future
    assert "'noon'" in wrong and "HH:MM" in wrong
    assert "2026-04-06" in early and "csm history start 2026-04-01" in early
    for text in (future, wrong, early):
        assert "future" not in text and "time" not in text and "before" not in text
