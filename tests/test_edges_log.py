"""`csm log` as a manager reads it: by the day the work was for, a screenful
by default, and filtered by who logged it.

Every entry is backdated with --on to days of one recent week; the setup of
each test is one function, so a tracking start can be put before it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clihelp import run, track_from

DAILY = ("monitor-accounts", "daily-engagement", "team-supervision", "resolve-issues")
WEEKDAYS = ("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23")


@pytest.fixture(autouse=True)
def manager(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    track_from("2026-11-01")


def _ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _late_entries() -> None:
    # Logged in the order 18, 16, 17: the log reads by the day the work was for.
    _ok("done", "monitor-accounts", "--on", "2026-11-18")
    _ok("done", "monitor-accounts", "--on", "2026-11-16")
    _ok("done", "team-meeting", "--on", "2026-11-17")
    _ok("done", "daily-engagement", "--on", "2026-11-17")


def _six_days() -> None:
    for day in WEEKDAYS:
        _ok("done", *DAILY, "--on", day)


def _first_column(stdout: str) -> list[str]:
    return [line.split()[0] for line in stdout.splitlines()[1:]]


def test_log_reads_newest_day_first_whatever_the_order_logged() -> None:
    _late_entries()
    result = run("log")
    assert result.exit_code == 0, result.stderr
    assert _first_column(result.stdout) == ["2026-11-18", "2026-11-17", "2026-11-17", "2026-11-16"]
    # The same day: the latest logged first.
    rows = result.stdout.splitlines()[1:]
    assert [row.split()[2] for row in rows[1:3]] == ["daily-engagement", "team-meeting"]
    document = json.loads(_ok("log", "--json"))
    assert [e["for_date"] for e in document["events"]] == [
        "2026-11-18",
        "2026-11-17",
        "2026-11-17",
        "2026-11-16",
    ]


def test_log_shows_twenty_and_says_how_many_more() -> None:
    _six_days()
    result = run("log")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 + 20
    assert result.stderr == "4 more: use --limit 0 or --all to see all.\n"
    assert _first_column(result.stdout)[0] == "2026-11-23"
    assert _first_column(result.stdout)[-1] == "2026-11-17"


@pytest.mark.parametrize("args", [("--all",), ("--limit", "0"), ("-n", "24"), ("--limit", "99")])
def test_log_all_of_it(args: tuple[str, ...]) -> None:
    _six_days()
    result = run("log", *args)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 + 24
    assert result.stderr == ""


def test_log_limit_counts_what_is_left() -> None:
    _six_days()
    result = run("log", "--limit", "5", "--since", "2026-11-20")
    assert len(result.stdout.splitlines()) == 1 + 5
    assert result.stderr == "3 more: use --limit 0 or --all to see all.\n"


def test_log_json_is_never_cut_without_limit() -> None:
    _six_days()
    assert len(json.loads(_ok("log", "--json"))["events"]) == 24
    assert len(json.loads(_ok("log", "--json", "--limit", "3"))["events"]) == 3


def test_log_negative_limit_is_bad_input() -> None:
    result = run("log", "--limit", "-1")
    assert result.exit_code == 2


def _two_people() -> None:
    _ok("done", "monitor-accounts", "--on", "2026-11-16", "--by", "Omar")
    _ok("done", "daily-engagement", "--on", "2026-11-16")
    _ok("done", "team-meeting", "--on", "2026-11-17", "--by", "Omar")


@pytest.mark.parametrize("name", ["Omar", "omar", " OMAR "])
def test_log_by_name(name: str) -> None:
    _two_people()
    rows = _ok("log", "--by", name).splitlines()[1:]
    assert [row.split()[2] for row in rows] == ["team-meeting", "monitor-accounts"]
    events = json.loads(_ok("log", "--json", "--by", name))["events"]
    assert {e["by"] for e in events} == {"Omar"}


def test_log_by_someone_who_logged_nothing() -> None:
    _two_people()
    assert _ok("log", "--by", "Sara") == "No events.\n"
