"""Playbook runs' rules against a real log, exactly: a step's state, late
and overdue; runs as they stand and as they stood; finding a run; when a
run started; starting, checking off, undoing and closing, with every
refusal's message and hint. 2 November 2026 is a Monday; times are UTC+3."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from csm_checklist.dates.schedule import WorkCalendar
from csm_checklist.dates.within import Within
from csm_checklist.duties.catalog import Text
from csm_checklist.duties.playbooks import Playbook, Step
from csm_checklist.errors import BadInput, CsmError, LogError, NotMet
from csm_checklist.rules.runs import (
    Run,
    RunStep,
    close_run,
    find_run,
    load_runs,
    log_step,
    runs_in_window,
    split_step,
    start_moment,
    start_run,
    undo_step,
)
from csm_checklist.store.records import host_name
from csm_checklist.store.run_records import RunRecord, StepEvent
from csm_checklist.store.sqlite import SqliteStore

TZ = timezone(timedelta(hours=3))
CALENDAR = WorkCalendar()


def calendar_on(day: date) -> WorkCalendar:
    return CALENDAR


def at(day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


CRISIS = Playbook(
    "crisis",
    Text("Crisis", "أزمة"),
    None,
    "ops",
    (
        Step("call", Text("Call the client", "اتصل بالعميل"), Within(2, "hours")),
        Step("write", Text("Write it up", "اكتب"), Within(1, "workdays")),
        Step("share", Text("Share", "شارك")),
    ),
    True,
    Path("crisis.yaml"),
    3,
)


@pytest.fixture
def log(tmp_path: Path) -> Iterator[SqliteStore]:
    opened = SqliteStore.open(tmp_path / "log.sqlite3")
    yield opened
    opened.close()


def refusal(error: CsmError) -> tuple[Any, ...]:
    message, hint = error.message, error.hint
    return message.id, message.params, hint.id, hint.params  # type: ignore[union-attr]


def event(kind: str = "done", logged: datetime | None = None, **other: Any) -> StepEvent:
    return StepEvent(
        "u", "r", other.get("step", "call"), kind, logged or at(2), "Mona", "", "host",
        other.get("undone"),
    )  # fmt: skip


def step(deadline: datetime | None, done: StepEvent | None) -> RunStep:
    return RunStep("call", Text("Call", "اتصل"), None, deadline, done)


# A step and a run ---------------------------------------------------------------


def test_a_step_is_open_done_or_skipped() -> None:
    assert step(None, None).state == "open"
    assert step(None, event("skip")).state == "skip"
    assert step(None, event("done")).state == "done"


def test_a_step_is_late_when_done_after_its_deadline() -> None:
    due = at(2, 11)
    assert step(due, event("done", due + timedelta(seconds=1))).late is True
    assert step(due, event("done", due)).late is False
    assert step(due, event("skip", due + timedelta(hours=1))).late is False
    assert step(None, event("done", due)).late is False
    assert step(due, None).late is False


def test_a_step_is_overdue_when_still_open_after_its_deadline() -> None:
    due = at(2, 11)
    assert step(due, None).overdue(due + timedelta(seconds=1)) is True
    assert step(due, None).overdue(due) is False
    assert step(due, event("done", due)).overdue(due + timedelta(hours=1)) is False
    assert step(None, None).overdue(due) is False


def run_of(steps: tuple[RunStep, ...], closed: datetime | None = None, started: datetime | None = None) -> Run:  # fmt: skip
    return Run(
        "u", "crisis-2026-11-02", "crisis", Text("Crisis", "أزمة"), "", started or at(2),
        "Mona", "host", closed, "", False, steps,
    )  # fmt: skip


def test_a_run_counts_its_open_and_late_steps_and_its_time_to_close() -> None:
    due = at(2, 11)
    open_step = step(due, None)
    late = step(due, event("done", due + timedelta(hours=1)))
    on_time = step(due, event("done", due))
    run = run_of((open_step, late, on_time))
    assert run.open is True
    assert run.open_steps == [open_step]
    assert run.late_steps == [late]
    assert run.time_to_close is None
    closed = run_of((), closed=at(3, 10, 30))
    assert closed.open is False
    assert closed.time_to_close == timedelta(days=1, hours=1, minutes=30)


# Reading ----------------------------------------------------------------------------


def started(log: SqliteStore, when: datetime, playbook: Playbook = CRISIS, **options: Any) -> str:
    return start_run(log, playbook, when, by="Mona", **options)


def test_a_run_is_read_with_its_steps_deadlines_and_first_active_events(
    log: SqliteStore,
) -> None:
    run_id = started(log, at(2, 9, 10), name="Outage")
    run = find_run(log, run_id, calendar_on)
    first = log_step(log, run, "call", "done", at(2, 10), by="Sara", note="called")[0]
    log_step(log, run, "call", "skip", at(2, 10, 5), by="Sara")  # already done: kept out
    skipped = log_step(log, run, "write", "skip", at(2, 12), by="Sara")[0]
    undo_step(log, run, "write", at(2, 13))
    again = log_step(log, run, "write", "done", at(2, 14), by="Sara")[0]
    (read,) = load_runs(log, calendar_on)
    assert run.uuid == log.runs()[0].uuid
    assert read._replace(steps=()) == Run(
        run.uuid, "crisis-2026-11-02", "crisis", Text("Crisis", "أزمة"), "Outage",
        at(2, 9, 10), "Mona", host_name(), None, "", False, (),
    )  # fmt: skip
    assert read.steps == (
        RunStep("call", Text("Call the client", "اتصل بالعميل"), Within(2, "hours"), at(2, 11, 10), first),
        RunStep("write", Text("Write it up", "اكتب"), Within(1, "workdays"),
                datetime(2026, 11, 3, 23, 59, 59, tzinfo=TZ), again),
        RunStep("share", Text("Share", "شارك"), None, None, None),
    )  # fmt: skip
    assert skipped.kind == "skip"


def test_a_step_without_a_time_limit_may_leave_it_out(log: SqliteStore) -> None:
    steps = {
        "title": {"en": "Storm", "ar": "عاصفة"},
        "steps": [{"id": "a", "title": {"en": "A", "ar": "أ"}}],
    }
    log.start_run(
        RunRecord(
            "u", "storm-2026-11-02", "storm", "Storm", "", at(2), json.dumps(steps), "Mona", "h"
        )
    )
    (run,) = load_runs(log, calendar_on)
    assert run.steps == (RunStep("a", Text("A", "أ"), None, None, None),)
    assert (run.name, run.title) == ("", Text("Storm", "عاصفة"))


def test_a_run_that_cannot_be_read_is_named(log: SqliteStore) -> None:
    record = RunRecord("u", "broken-2026-11-02", "broken", "Broken", "", at(2), "{}", "Mona", "h")
    log.start_run(record)
    with pytest.raises(LogError) as caught:
        load_runs(log, calendar_on)
    assert caught.value.message.id == "errors.log_bad_row"  # type: ignore[attr-defined]
    assert caught.value.message.params == {  # type: ignore[attr-defined]
        "table": "runs",
        "id": "broken-2026-11-02",
        "reason": "'steps'",
    }


@pytest.fixture
def history(log: SqliteStore) -> dict[str, str]:
    """Three runs: one closed on the 3rd at 10:00 with its steps done, one
    open since the 4th, one closed (forced) on the 5th at 12:00."""
    ids = {}
    ids["closed"] = started(log, at(2, 9))
    run = find_run(log, ids["closed"], calendar_on)
    for name in ("call", "write", "share"):
        log_step(log, run, name, "done", at(2, 10), by="Sara")
    close_run(log, find_run(log, ids["closed"], calendar_on), at(3, 10), note="fine")
    ids["open"] = started(log, at(4, 9))
    ids["forced"] = started(log, at(4, 10))
    forced = find_run(log, ids["forced"], calendar_on)
    log_step(log, forced, "call", "done", at(4, 11), by="Sara")
    undo_step(log, forced, "call", at(5, 9))
    log_step(log, forced, "share", "done", at(5, 11), by="Sara")
    close_run(log, find_run(log, ids["forced"], calendar_on), at(5, 12), note="no", force=True)
    return ids


def states(runs: list[Run]) -> list[tuple[str, bool, str, bool, list[str]]]:
    return [
        (run.run_id, run.open, run.close_note, run.forced, [s.state for s in run.steps])
        for run in runs
    ]


def test_runs_as_they_stand(log: SqliteStore, history: dict[str, str]) -> None:
    assert states(load_runs(log, calendar_on)) == [
        ("crisis-2026-11-02", False, "fine", False, ["done", "done", "done"]),
        ("crisis-2026-11-04", True, "", False, ["open", "open", "open"]),
        ("crisis-2026-11-04-2", False, "no", True, ["open", "open", "done"]),
    ]
    assert [run.run_id for run in load_runs(log, calendar_on, open_only=True)] == [
        "crisis-2026-11-04"
    ]
    assert [r.run_id for r in load_runs(log, calendar_on, run_ids=["crisis-2026-11-04-2"])] == [
        "crisis-2026-11-04-2"
    ]


def test_runs_as_they_stood_at_a_moment(log: SqliteStore, history: dict[str, str]) -> None:
    # On the 5th at 11:00 exactly: the undo (09:00) and the share (11:00)
    # are made; the forced close (12:00) is not.
    assert states(load_runs(log, calendar_on, as_logged=at(5, 11))) == [
        ("crisis-2026-11-02", False, "fine", False, ["done", "done", "done"]),
        ("crisis-2026-11-04", True, "", False, ["open", "open", "open"]),
        ("crisis-2026-11-04-2", True, "", False, ["open", "open", "done"]),
    ]
    # A second before the undo: the call was still done; the share not yet.
    assert states(load_runs(log, calendar_on, as_logged=at(5, 9) - timedelta(seconds=1)))[2] == (
        "crisis-2026-11-04-2", True, "", False, ["done", "open", "open"],
    )  # fmt: skip
    # At the moment of the undo, it is made.
    assert states(load_runs(log, calendar_on, as_logged=at(5, 9)))[2][4] == ["open"] * 3
    # Closed at exactly the moment asked: closed.
    assert states(load_runs(log, calendar_on, as_logged=at(3, 10)))[0][1:4] == (
        False,
        "fine",
        False,
    )
    assert states(load_runs(log, calendar_on, as_logged=at(3, 9, 59)))[0][1:4] == (True, "", False)
    # Runs started later are not there yet.
    assert [run.run_id for run in load_runs(log, calendar_on, as_logged=at(4, 9, 30))] == [
        "crisis-2026-11-02",
        "crisis-2026-11-04",
    ]


def test_open_runs_at_a_moment_include_those_closed_since(
    log: SqliteStore, history: dict[str, str]
) -> None:
    assert [r.run_id for r in load_runs(log, calendar_on, open_only=True, as_logged=at(5, 11))] == [
        "crisis-2026-11-04",
        "crisis-2026-11-04-2",
    ]
    assert [r.run_id for r in load_runs(log, calendar_on, open_only=True, as_logged=at(3, 9))] == [
        "crisis-2026-11-02"
    ]


def test_no_runs_at_all(log: SqliteStore) -> None:
    assert load_runs(log, calendar_on) == []
    assert load_runs(log, calendar_on, as_logged=at(2)) == []


# Finding a run ----------------------------------------------------------------------


def test_a_run_is_found_by_its_id_or_a_unique_start(
    log: SqliteStore, history: dict[str, str]
) -> None:
    assert find_run(log, " CRISIS-2026-11-04 ", calendar_on).run_id == "crisis-2026-11-04"
    assert find_run(log, "crisis-2026-11-04-", calendar_on).run_id == "crisis-2026-11-04-2"
    with pytest.raises(NotMet) as caught:
        find_run(log, "Crisis-2026-11-0", calendar_on)
    assert refusal(caught.value) == (
        "errors.runs_match",
        {
            "text": "Crisis-2026-11-0",
            "runs": "crisis-2026-11-02, crisis-2026-11-04, crisis-2026-11-04-2",
        },
        "errors.no_run_hint",
        {"recent": "crisis-2026-11-02, crisis-2026-11-04, crisis-2026-11-04-2"},
    )
    with pytest.raises(NotMet) as caught:
        find_run(log, "storm", calendar_on)
    assert refusal(caught.value)[:2] == ("errors.no_run", {"text": "storm"})


def test_many_matches_name_five_and_the_hint_the_last_three(log: SqliteStore) -> None:
    for day in range(2, 9):
        started(log, at(day))
    with pytest.raises(NotMet) as caught:
        find_run(log, "crisis", calendar_on)
    assert refusal(caught.value) == (
        "errors.runs_match",
        {"text": "crisis", "runs": ", ".join(f"crisis-2026-11-0{d}" for d in range(2, 7))},
        "errors.no_run_hint",
        {"recent": "crisis-2026-11-06, crisis-2026-11-07, crisis-2026-11-08"},
    )


def test_an_empty_name_is_never_the_run(log: SqliteStore) -> None:
    started(log, at(2))
    with pytest.raises(BadInput) as caught:
        find_run(log, "  ", calendar_on)
    assert refusal(caught.value) == ("errors.run_empty", {}, "errors.run_empty_hint", {})


def test_without_runs_the_hint_says_none_yet(log: SqliteStore) -> None:
    with pytest.raises(NotMet) as caught:
        find_run(log, "crisis", calendar_on)
    message_id, params, hint_id, hint_params = refusal(caught.value)
    assert (message_id, params, hint_id) == (
        "errors.no_run",
        {"text": "crisis"},
        "errors.no_run_hint",
    )
    assert hint_params["recent"].id == "errors.none_yet"


# When a run started -----------------------------------------------------------------

NOW = at(10, 15, 30)
TODAY = date(2026, 11, 10)


def test_a_run_starts_now_today_and_at_midnight_on_an_earlier_day() -> None:
    assert start_moment(TODAY, TODAY, NOW) == NOW
    assert start_moment(date(2026, 11, 9), TODAY, NOW) == at(9, 0)
    assert start_moment(date(2026, 11, 9), TODAY, NOW, tracking_start=date(2026, 11, 9)) == at(9, 0)


def test_a_run_starts_at_the_time_given() -> None:
    assert start_moment(date(2026, 11, 9), TODAY, NOW, at=time(22, 5)) == at(9, 22, 5)
    assert start_moment(TODAY, TODAY, NOW, at=time(15, 30)) == NOW
    with pytest.raises(BadInput) as caught:
        start_moment(TODAY, TODAY, NOW, at=time(15, 31))
    assert refusal(caught.value) == (
        "errors.run_at_future",
        {"moment": "2026-11-10 15:31"},
        "errors.run_at_future_hint",
        {"now": "2026-11-10 15:30"},
    )


def test_a_run_cannot_start_in_the_future_or_before_tracking() -> None:
    with pytest.raises(BadInput) as caught:
        start_moment(date(2026, 11, 11), TODAY, NOW)
    assert refusal(caught.value) == (
        "errors.run_on_future",
        {"day": "2026-11-11"},
        "errors.on_future_hint",
        {"today": "2026-11-10"},
    )
    with pytest.raises(BadInput) as caught:
        start_moment(date(2026, 11, 8), TODAY, NOW, tracking_start=date(2026, 11, 9))
    assert refusal(caught.value) == (
        "errors.run_before_start",
        {"day": "2026-11-08", "start": "2026-11-09"},
        "errors.on_before_start_hint",
        {"day": "2026-11-08"},
    )


# Starting, checking off, closing ----------------------------------------------------


def test_a_run_keeps_a_copy_of_its_playbook(log: SqliteStore) -> None:
    assert started(log, at(2, 9), name="Outage", lang="ar") == "crisis-2026-11-02"
    assert started(log, at(2, 10)) == "crisis-2026-11-02-2"
    first, second = log.runs()
    assert first._replace(uuid="") == RunRecord(
        "", "crisis-2026-11-02", "crisis", "أزمة", "Outage", at(2, 9),
        first.steps, "Mona", host_name(),
    )  # fmt: skip
    assert len(first.uuid) == 36 and first.uuid != second.uuid
    assert (second.title, second.name) == ("Crisis", "")
    assert json.loads(first.steps) == {
        "title": {"en": "Crisis", "ar": "أزمة"},
        "steps": [
            {
                "id": "call",
                "title": {"en": "Call the client", "ar": "اتصل بالعميل"},
                "within": "2h",
            },
            {"id": "write", "title": {"en": "Write it up", "ar": "اكتب"}, "within": "1 workday"},
            {"id": "share", "title": {"en": "Share", "ar": "شارك"}, "within": ""},
        ],
    }
    assert first.steps == json.dumps(json.loads(first.steps), ensure_ascii=False, sort_keys=True)


def test_a_playbook_turned_off_cannot_start(log: SqliteStore) -> None:
    with pytest.raises(NotMet) as caught:
        started(log, at(2), CRISIS._replace(enabled=False))
    assert refusal(caught.value) == (
        "errors.playbook_off",
        {"playbook": "crisis"},
        "errors.playbook_off_hint",
        {"source": Path("crisis.yaml")},
    )
    assert log.runs() == []


@pytest.mark.parametrize(
    ("text", "parts"),
    [("crisis/call", ("crisis", "call")), ("  c-1 /  step_2 ", ("c-1", "step_2"))],
)
def test_a_step_is_named_run_slash_step(text: str, parts: tuple[str, str]) -> None:
    assert split_step(text) == parts


@pytest.mark.parametrize("text", ["crisis", "a/b/c", "a b/c", "a/", "/b", "a/b c", "a/b\nx"])
def test_anything_else_is_not_a_step(text: str) -> None:
    with pytest.raises(BadInput) as caught:
        split_step(text)
    assert refusal(caught.value) == (
        "errors.not_run_step",
        {"text": text},
        "errors.not_run_step_hint",
        {},
    )


def test_a_step_is_checked_off_once(log: SqliteStore) -> None:
    run = find_run(log, started(log, at(2, 9)), calendar_on)
    done, already = log_step(log, run, "call", "done", at(2, 10), by="Sara", note="rang")
    assert already is None
    assert done._replace(uuid="") == StepEvent(
        "", "crisis-2026-11-02", "call", "done", at(2, 10), "Sara", "rang", host_name()
    )
    again, already = log_step(log, run, "call", "skip", at(2, 11), by="Ali")
    assert already == done
    assert (again.kind, again.by, again.note) == ("skip", "Ali", "")
    assert log.step_events() == [done]


def test_an_unknown_step_is_named_with_the_runs_steps(log: SqliteStore) -> None:
    run = find_run(log, started(log, at(2, 9)), calendar_on)
    expected = (
        "errors.run_no_step",
        {"run": "crisis-2026-11-02", "step": "cal"},
        "errors.run_steps",
        {"steps": "call, write, share"},
    )
    for action in (
        lambda: log_step(log, run, "cal", "done", at(2, 10), by="Sara"),
        lambda: undo_step(log, run, "cal", at(2, 10)),
    ):
        with pytest.raises(NotMet) as caught:
            action()
        assert refusal(caught.value) == expected
    close_run(log, run, at(2, 11), force=True)
    closed = find_run(log, "crisis", calendar_on)
    with pytest.raises(NotMet) as caught:
        log_step(log, closed, "cal", "done", at(2, 12), by="Sara")
    assert refusal(caught.value) == expected


def test_a_closed_run_takes_no_more_steps(log: SqliteStore) -> None:
    run = find_run(log, started(log, at(2, 9)), calendar_on)
    close_run(log, run, at(2, 11, 45), force=True)
    closed = find_run(log, "crisis", calendar_on)
    with pytest.raises(NotMet) as caught:
        log_step(log, closed, "call", "done", at(2, 12), by="Sara")
    assert refusal(caught.value) == (
        "errors.run_closed_on",
        {"run": "crisis-2026-11-02", "moment": "2026-11-02 11:45"},
        "errors.run_closed_on_hint",
        {},
    )
    assert log.step_events() == []


def test_undo_marks_the_steps_event_undone(log: SqliteStore) -> None:
    run = find_run(log, started(log, at(2, 9)), calendar_on)
    assert undo_step(log, run, "call", at(2, 10)) is None
    done = log_step(log, run, "call", "done", at(2, 10), by="Sara")[0]
    assert undo_step(log, run, "call", at(2, 11)) == done._replace(undone_at=at(2, 11))
    assert find_run(log, "crisis", calendar_on).steps[0].event is None


def test_a_run_closes_with_its_open_steps_only_when_forced(log: SqliteStore) -> None:
    run = find_run(log, started(log, at(2, 9)), calendar_on)
    with pytest.raises(NotMet) as caught:
        close_run(log, run, at(2, 10))
    assert refusal(caught.value) == (
        "errors.run_open_steps_many",
        {"run": "crisis-2026-11-02", "count": 3, "steps": "call, write, share"},
        "errors.run_open_steps_many_hint",
        {"run": "crisis-2026-11-02", "step": "call"},
    )
    log_step(log, run, "call", "done", at(2, 10), by="Sara")
    log_step(log, run, "share", "skip", at(2, 10), by="Sara")
    run = find_run(log, "crisis", calendar_on)
    with pytest.raises(NotMet) as caught:
        close_run(log, run, at(2, 10))
    assert refusal(caught.value) == (
        "errors.run_open_steps",
        {"run": "crisis-2026-11-02", "count": 1, "steps": "write"},
        "errors.run_open_steps_hint",
        {"run": "crisis-2026-11-02", "step": "write"},
    )
    assert find_run(log, "crisis", calendar_on).open
    close_run(log, run, at(2, 12), note="done enough", force=True)
    closed = find_run(log, "crisis", calendar_on)
    assert (closed.closed_at, closed.close_note, closed.forced) == (at(2, 12), "done enough", True)
    with pytest.raises(NotMet) as caught:
        close_run(log, closed, at(2, 13))
    assert refusal(caught.value) == (
        "errors.run_already_closed",
        {"run": "crisis-2026-11-02", "moment": "2026-11-02 12:00"},
        "errors.run_already_closed_hint",
        {},
    )


def test_a_run_with_every_step_checked_off_closes_unforced(log: SqliteStore) -> None:
    run = find_run(log, started(log, at(2, 9)), calendar_on)
    for name in ("call", "write", "share"):
        log_step(log, run, name, "done", at(2, 10), by="Sara")
    close_run(log, find_run(log, "crisis", calendar_on), at(2, 11), force=True)
    closed = find_run(log, "crisis", calendar_on)
    assert (closed.closed_at, closed.close_note, closed.forced) == (at(2, 11), "", False)


def test_runs_in_a_window_started_or_closed_in_it() -> None:
    runs = [
        run_of((), started=at(1, 23, 59)),  # before, never closed
        run_of((), started=at(2, 0)),  # on the first day
        run_of((), started=at(6, 23, 59)),  # on the last day
        run_of((), started=at(7, 0)),  # after
        run_of((), started=at(1), closed=at(2, 0)),  # closed on the first day
        run_of((), started=at(1), closed=at(6, 23)),  # closed on the last day
        run_of((), started=at(1), closed=at(7, 0)),  # across the whole window
    ]
    assert runs_in_window(runs, date(2026, 11, 2), date(2026, 11, 6)) == [
        runs[1], runs[2], runs[4], runs[5],
    ]  # fmt: skip
