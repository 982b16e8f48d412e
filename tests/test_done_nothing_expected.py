"""`csm done` / `csm skip` on a day nothing was expected (a weekend, a day
off, a week of leave) say so instead of "4 of 4 done": those entries are
extra and count for nothing. The clock is moved with time-machine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine

from bidi import unmarked
from clihelp import run, track_from


@pytest.fixture(autouse=True)
def _in_riyadh_after_eid() -> Iterator[None]:
    """Sunday-Thursday; Eid al-Fitr 2026 off from Thursday 19 to Tuesday 24
    March; the day is Wednesday 25 March."""
    with time_machine.travel("2026-03-25 09:00:00+00:00", tick=False):
        assert run("config", "set", "region", "SA").exit_code == 0
        assert run("off", "add", "2026-03-19..2026-03-24", "--reason", "Eid al-Fitr").exit_code == 0
        track_from("2026-03-01")
        yield


def ok(*args: str) -> list[str]:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout.splitlines()


def test_done_on_eid_says_nothing_was_expected() -> None:
    lines = ok("done", "--cadence", "daily", "--on", "2026-03-22")
    assert lines[-1] == (
        "daily: nothing was expected on 2026-03-22 (day off: Eid al-Fitr); "
        "kept as extra, not counted."
    )
    assert not any(" of 4 done" in line for line in lines)
    # Again: nothing logged, and the same word.
    assert ok("done", "--cadence", "daily", "--on", "2026-03-22")[-1] == lines[-1]


def test_skip_on_a_weekend_says_nothing_was_expected() -> None:
    # Saturday 14 March: the weekend of a Sunday-Thursday team.
    assert ok("skip", "monitor-accounts", "--on", "2026-03-14", "--reason", "x")[-1] == (
        "daily: nothing was expected on 2026-03-14 (not a workday); kept as extra, not counted."
    )


def test_a_workday_still_gets_its_progress() -> None:
    assert ok("done", "monitor-accounts", "--on", "2026-03-25")[-1] == "daily: 1 of 4 done"


def test_a_weekly_duty_in_a_week_with_no_workday() -> None:
    # Leave from Sunday 5 to Thursday 9 April: the week of 5 April has no workday.
    assert run("off", "add", "2026-04-05..2026-04-09").exit_code == 0
    with time_machine.travel("2026-04-09 09:00:00+00:00", tick=False):
        lines = ok("done", "team-meeting", "monitor-accounts")
    assert lines[-2:] == [
        "weekly: nothing was expected for the week of 2026-04-05 to 2026-04-11; "
        "kept as extra, not counted.",
        "daily: nothing was expected on 2026-04-09 (day off); kept as extra, not counted.",
    ]


def test_in_arabic() -> None:
    ok("config", "set", "lang", "ar")
    assert unmarked(ok("done", "--cadence", "daily", "--on", "2026-03-22")[-1]) == (
        "يومي: لم يكن شيء متوقعًا في 2026-03-22 (يوم إجازة: Eid al-Fitr)؛ حُفظ إضافيًا ولا يُحتسب."
    )
    assert unmarked(ok("done", "monitor-accounts", "--on", "2026-03-14")[-1]) == (
        "يومي: لم يكن شيء متوقعًا في 2026-03-14 (ليس يوم عمل)؛ حُفظ إضافيًا ولا يُحتسب."
    )
