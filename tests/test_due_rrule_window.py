"""`csm due --period week|month` lists every occurrence of a custom (rrule)
item that falls in the period, rather than only the one period that holds
the day asked (which may expect nothing). The clock is moved with
time-machine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from clihelp import run, track_from

ITEMS = """\
items:
  - id: goal-check-in
    title: {en: Goal check-in, ar: متابعة الأهداف}
    area: team-management
    rrule: FREQ=WEEKLY;BYDAY=MO,TH
  - id: fortnightly-sync
    title: {en: Fortnightly sync, ar: مزامنة كل أسبوعين}
    area: team-management
    rrule: FREQ=WEEKLY;INTERVAL=2;BYDAY=WE
    since: 2026-11-04
  - id: every-third-day
    title: {en: Queue sweep, ar: مراجعة الطابور}
    area: team-management
    rrule: FREQ=DAILY;INTERVAL=3
"""


@pytest.fixture(autouse=True)
def _custom_items(config_dir: Path) -> Iterator[None]:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(ITEMS, encoding="utf-8")
    with time_machine.travel("2026-11-20 09:00:00+00:00", tick=False):
        track_from("2026-11-01")
        yield


def custom(*args: str) -> list[tuple[str, str, str]]:
    result = run("due", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return [
        (item["id"], item["due"], item["status"])
        for item in json.loads(result.stdout)["items"]
        if item["id"] in ("goal-check-in", "fortnightly-sync", "every-third-day")
    ]


def test_a_week_lists_both_check_ins() -> None:
    # Monday 16 (past, not logged), Thursday 19; the fortnightly sync on Wednesday 18.
    assert custom("--period", "week", "--on", "2026-11-17") == [
        ("goal-check-in", "2026-11-16", "missed"),
        ("fortnightly-sync", "2026-11-18", "upcoming"),
        ("goal-check-in", "2026-11-19", "upcoming"),
    ]


def test_an_occurrence_in_the_week_is_listed_when_the_days_around_today_are_off() -> None:
    # Leave Tuesday 24 to Thursday 26: the check-in period holding the 25th
    # (24-26) expected nothing, but Monday 23's check-in is in the week.
    assert run("off", "add", "2026-11-24..2026-11-26").exit_code == 0
    assert custom("--period", "week", "--on", "2026-11-25") == [
        ("goal-check-in", "2026-11-23", "missed"),
        ("fortnightly-sync", "2026-12-02", "upcoming"),
    ]
    text = run("due", "--period", "week", "--on", "2026-11-25").stdout
    assert "  [?]  goal-check-in       Goal check-in          custom  missed 2026-11-23\n" in text
    assert "not expected" not in text


def test_a_week_with_no_occurrence_shows_the_period_in_progress() -> None:
    # The fortnightly sync's off week: its period runs to Wednesday 2 December.
    assert ("fortnightly-sync", "2026-12-02", "upcoming") in custom(
        "--period", "week", "--on", "2026-11-25"
    )


def test_a_month_lists_every_occurrence() -> None:
    assert custom("--period", "month", "--on", "2026-11-17") == [
        ("goal-check-in", "2026-11-02", "missed"),
        ("fortnightly-sync", "2026-11-04", "missed"),
        ("goal-check-in", "2026-11-05", "missed"),
        ("goal-check-in", "2026-11-09", "missed"),
        ("goal-check-in", "2026-11-12", "missed"),
        ("goal-check-in", "2026-11-16", "missed"),
        ("fortnightly-sync", "2026-11-18", "upcoming"),
        ("goal-check-in", "2026-11-19", "upcoming"),
        ("goal-check-in", "2026-11-23", "upcoming"),
        ("goal-check-in", "2026-11-26", "upcoming"),
        ("goal-check-in", "2026-11-30", "upcoming"),
    ]


def test_an_rrule_closer_to_daily_keeps_to_the_day_view() -> None:
    assert custom("--period", "day", "--on", "2026-11-19") == [
        ("goal-check-in", "2026-11-19", "due"),
        ("every-third-day", "2026-11-19", "due"),
    ]
    assert "every-third-day" not in run("due", "--period", "week", "--on", "2026-11-19").stdout
