"""When a playbook step is due: hours and days from the start moment,
working days counted on the calendar in force, days off skipped."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csm_checklist.dates.schedule import WorkCalendar, is_workday
from csm_checklist.dates.within import Within, deadline, parse_within

START = datetime(2027, 3, 2, 9, 10, tzinfo=timezone(timedelta(hours=3)))  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2h", Within(2, "hours")),
        ("2 hours", Within(2, "hours")),
        ("1d", Within(1, "days")),
        ("3 days", Within(3, "days")),
        ("3 workdays", Within(3, "workdays")),
        ("1 workday", Within(1, "workdays")),
        ("2 working days", Within(2, "workdays")),
        ("0h", None),
        ("soon", None),
        ("2", None),
        ("-1d", None),
    ],
)
def test_parse_within(text: str, expected: Within | None) -> None:
    assert parse_within(text) == expected


@pytest.mark.parametrize(
    ("within", "calendar", "expected"),
    [
        (Within(2, "hours"), WorkCalendar(), datetime(2027, 3, 2, 11, 10)),
        (Within(1, "days"), WorkCalendar(), datetime(2027, 3, 3, 9, 10)),
        # Wednesday, Thursday, Friday.
        (Within(3, "workdays"), WorkCalendar(), datetime(2027, 3, 5, 23, 59, 59)),
        # Friday and Saturday are the weekend: Wednesday, Thursday, Sunday.
        (
            Within(3, "workdays"),
            WorkCalendar(week_start=6, workdays=frozenset({6, 0, 1, 2, 3})),
            datetime(2027, 3, 7, 23, 59, 59),
        ),
        # Thursday off: Wednesday, Friday, Monday.
        (
            Within(3, "workdays"),
            WorkCalendar(days_off=frozenset({date(2027, 3, 4)})),
            datetime(2027, 3, 8, 23, 59, 59),
        ),
    ],
)
def test_deadlines(within: Within, calendar: WorkCalendar, expected: datetime) -> None:
    assert deadline(within, START, lambda day: calendar) == expected.replace(tzinfo=START.tzinfo)


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 1, 1)),
    st.integers(min_value=1, max_value=30),
    st.frozensets(st.integers(min_value=0, max_value=6), min_size=1),
    st.frozensets(st.integers(min_value=1, max_value=60), max_size=20),
)
def test_n_workdays_end_on_the_nth_workday_after_the_start(
    start: date, count: int, workdays: frozenset[int], offsets: frozenset[int]
) -> None:
    off = frozenset(start + timedelta(days=n) for n in offsets)
    calendar = WorkCalendar(workdays=workdays, days_off=off)
    moment = datetime.combine(start, time(15, 0), tzinfo=timezone.utc)
    due = deadline(Within(count, "workdays"), moment, lambda day: calendar)
    assert due.time() == time(23, 59, 59)
    assert due.date() > start
    assert is_workday(due.date(), calendar)
    between = [start + timedelta(days=n) for n in range(1, (due.date() - start).days + 1)]
    assert sum(is_workday(day, calendar) for day in between) == count


@pytest.mark.parametrize("module", ["runs", "measures"])
def test_every_view_word_has_both_languages(module: str) -> None:
    import importlib

    words = importlib.import_module(f"csm_checklist.cli.views.{module}").WORDS
    assert set(words["en"]) == set(words["ar"])
    assert all(words["ar"].values()) and all(words["en"].values())


@settings(deadline=None)  # each example opens a real log: no timing assertion on a busy machine
@given(st.lists(st.integers(min_value=0, max_value=2), min_size=1, max_size=12))
def test_run_ids_are_unique_and_numbered_per_playbook_and_day(days: list[int]) -> None:
    import tempfile
    from pathlib import Path

    from csm_checklist.duties.catalog import Text
    from csm_checklist.duties.playbooks import Playbook, Step
    from csm_checklist.rules.runs import load_runs, start_run
    from csm_checklist.store.sqlite import SqliteStore

    playbook = Playbook(
        "crisis", Text("Crisis", "أزمة"), None, "crisis-management",
        (Step("a", Text("A", "أ"), Within(2, "hours")),), True, Path("x.yaml"), 1,
    )  # fmt: skip
    with (
        tempfile.TemporaryDirectory() as folder,
        SqliteStore.open(Path(folder) / "log.sqlite3") as log,
    ):
        ids = [
            start_run(log, playbook, START + timedelta(days=day, minutes=n), by="Mona")
            for n, day in enumerate(days)
        ]
        stored = [run.run_id for run in load_runs(log, lambda day: WorkCalendar())]
    assert len(set(ids)) == len(ids)
    assert sorted(stored) == sorted(ids)
    for n, (day, run_id) in enumerate(zip(days, ids, strict=True)):
        base = f"crisis-{(START + timedelta(days=day)).date().isoformat()}"
        earlier = days[:n].count(day)
        assert run_id == (base if earlier == 0 else f"{base}-{earlier + 1}")
