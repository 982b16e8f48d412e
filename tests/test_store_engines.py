"""One behavioural suite for the store, run against both engines: the SQLite
log on this computer and the team's record on PostgreSQL (as a member).

The PostgreSQL runs need a server (tests/conftest.py starts a throwaway one);
without one they skip, and under CI=true they fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from csm_checklist.errors import BadInput, NotMet
from csm_checklist.store.records import Event, RevisionRecord, StartRecord, event_row, new_uuid

UTC = timezone.utc
RIYADH = timezone(timedelta(hours=3))
MONDAY = date(2026, 11, 23)


@pytest.fixture(params=["sqlite", "postgres", "postgres-quick"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    if request.param == "sqlite":
        from csm_checklist.store.sqlite import SqliteStore

        with SqliteStore.open(tmp_path / "log.sqlite3") as log:
            yield log
    elif request.param == "postgres":
        team = request.getfixturevalue("team")
        from csm_checklist.store.postgres import PostgresStore

        with PostgresStore.open(team.url("mona")) as team_store:
            yield team_store
    else:
        # What `csm today` and `csm due` open: their reads through libpq,
        # the rest through PostgresStore.
        team = request.getfixturevalue("team")
        from csm_checklist.store.pg_quick import QuickTeamStore

        quick = QuickTeamStore.open(team.url("mona"))
        assert quick is not None
        with quick:
            yield quick


def _event(
    item: str = "monitor",
    day: date = MONDAY,
    *,
    cadence: str = "daily",
    kind: str = "done",
    minute: int = 0,
    by: str = "Mona",
    note: str = "",
    end: date | None = None,
) -> Event:
    return Event(
        uuid=new_uuid(),
        item_id=item,
        title=item.title(),
        cadence=cadence,
        kind=kind,  # type: ignore[arg-type]
        period_start=day,
        period_end=end or day,
        for_date=day,
        logged_at=datetime(day.year, day.month, day.day, 9, minute, tzinfo=RIYADH),
        by=by,
        note=note,
        host="laptop",
        logged_by="mona",  # the login both stores are opened as
    )


def test_record_writes_once_per_item_and_period(store: Any) -> None:
    first = _event()
    second = _event(minute=5, by="Ali")
    other_day = _event(day=MONDAY + timedelta(days=1))
    assert store.record([first]) == [(first, None)]
    assert store.record([second, other_day]) == [(second, first), (other_day, None)]
    assert store.count() == 2
    assert store.active_for([("monitor", MONDAY)]) == {("monitor", MONDAY): first}


def test_a_retried_write_is_not_doubled(store: Any) -> None:
    event = _event()
    store.record([event])
    [(again, existing)] = store.record([event])
    assert again == event
    assert existing in (None, event)
    assert store.count() == 1


def test_events_come_back_exactly_as_written(store: Any) -> None:
    event = _event(note="ملاحظة: all green", end=MONDAY + timedelta(days=6), cadence="weekly")
    store.record([event])
    [back] = list(store.events())
    assert back == event
    assert back.logged_at.utcoffset() == timedelta(hours=3)
    assert [row for batch in store.export_batches() for row in batch] == [event_row(event)]


def test_undo_latest_marks_the_latest_and_keeps_it(store: Any) -> None:
    early = _event("monitor")
    late = _event("review", minute=30)
    store.record([early, late])
    at = datetime(2026, 11, 23, 12, 0, tzinfo=RIYADH)
    undone = store.undo_latest(at)
    assert undone == late._replace(undone_at=at)
    assert store.active_for([("review", MONDAY), ("monitor", MONDAY)]) == {
        ("monitor", MONDAY): early
    }
    assert store.undo_latest(at, item_id="monitor") == early._replace(undone_at=at)
    assert store.undo_latest(at) is None
    assert store.count() == 2
    assert store.count_events(include_undone=False) == 0


def test_undo_filters_by_period_and_day(store: Any) -> None:
    monday = _event("monitor")
    tuesday = _event("monitor", MONDAY + timedelta(days=1), minute=1)
    store.record([monday, tuesday])
    at = datetime(2026, 11, 24, 12, 0, tzinfo=RIYADH)
    assert store.undo_latest(at, item_id="monitor", period_start=MONDAY) == monday._replace(
        undone_at=at
    )
    assert store.undo_latest(at, for_date=MONDAY) is None
    assert store.undo_latest(at, for_date=MONDAY + timedelta(days=1)) == tuesday._replace(
        undone_at=at
    )


def test_after_an_undo_the_period_can_be_logged_again(store: Any) -> None:
    first = _event()
    store.record([first])
    store.undo_latest(datetime(2026, 11, 23, 10, 0, tzinfo=RIYADH))
    again = _event(minute=15)
    assert store.record([again]) == [(again, None)]
    assert store.active_for([("monitor", MONDAY)]) == {("monitor", MONDAY): again}


def test_find_event_by_the_start_of_its_uuid(store: Any) -> None:
    event = _event()
    store.record([event])
    assert store.find_event(event.uuid[:8].upper()) == event
    with pytest.raises(BadInput):
        store.find_event("abc")
    with pytest.raises(NotMet):
        store.find_event("ffffffff" if not event.uuid.startswith("f") else "00000000")


def test_a_corrected_note_replaces_the_note_and_keeps_the_old_one(store: Any) -> None:
    event = _event(note="first")
    store.record([event])
    at = datetime(2026, 11, 23, 11, 0, tzinfo=RIYADH)
    now, change = store.change_note(event.uuid, "second", at, "Mona", "laptop")
    assert now == event._replace(note="second")
    assert change is not None
    assert (change.event_uuid, change.old_note, change.new_note) == (event.uuid, "first", "second")
    assert store.change_note(event.uuid, "second", at, "Mona", "laptop") == (now, None)
    [kept] = store.note_changes([event.uuid, new_uuid()])[event.uuid]
    assert (kept.old_note, kept.new_note, kept.changed_at, kept.host) == (
        "first",
        "second",
        at,
        "laptop",
    )
    with pytest.raises(NotMet):
        store.change_note(new_uuid(), "x", at, "Mona", "laptop")


def test_reads_by_window_item_cadence_and_name(store: Any) -> None:
    week = _event("review", MONDAY, cadence="weekly", end=MONDAY + timedelta(days=6), by="Ali")
    days = [_event("monitor", MONDAY + timedelta(days=n), minute=n) for n in range(5)]
    store.record([week, *days])
    friday = MONDAY + timedelta(days=4)
    overlapping = store.active_overlapping(friday, friday + timedelta(days=3))
    assert overlapping == [week, days[4]]
    assert list(store.events(item_id="review")) == [week]
    assert list(store.events(cadence="daily", limit=2)) == [days[4], days[3]]
    assert list(store.events(since=MONDAY + timedelta(days=3), newest_first=False)) == days[3:]
    assert list(store.events(by=" ali ")) == [week]
    assert store.count_events(by="MONA") == 5
    assert store.count_events(until=MONDAY) == 2
    assert store.has_item("review")
    assert not store.has_item("nothing")


def test_the_record_as_it_stood_at_a_moment(store: Any) -> None:
    event = _event()
    store.record([event])
    undo_at = datetime(2026, 11, 23, 15, 0, tzinfo=RIYADH)
    store.undo_latest(undo_at)
    before = datetime(2026, 11, 23, 12, 0, tzinfo=UTC).astimezone(RIYADH) - timedelta(hours=1)
    # It counted then: given back as stored, undone later.
    then = store.active_for([("monitor", MONDAY)], as_logged=before)
    assert then == {("monitor", MONDAY): event._replace(undone_at=undo_at)}
    assert store.active_for([("monitor", MONDAY)]) == {}
    assert list(store.events(as_logged=before, include_undone=False)) == [event]
    earlier = datetime(2026, 11, 23, 8, 0, tzinfo=RIYADH)
    assert list(store.events(as_logged=earlier)) == []


def test_tracking_starts_and_revisions(store: Any) -> None:
    at = datetime(2026, 11, 1, 9, 0, tzinfo=RIYADH)
    start = StartRecord(new_uuid(), date(2026, 1, 1), at)
    assert store.add_start(start, unless_any=True)
    assert not store.add_start(StartRecord(new_uuid(), date(2026, 2, 1), at), unless_any=True)
    assert store.starts() == [start]
    rules = '{"items": []}'
    revision = RevisionRecord(new_uuid(), date(2026, 1, 1), at, rules)
    assert store.add_revision(revision, unless_latest_is=rules)
    assert not store.add_revision(
        RevisionRecord(new_uuid(), date(2026, 1, 2), at, rules), unless_latest_is=rules
    )
    assert store.revisions() == [revision]


def test_merge_adds_what_is_missing_once(store: Any) -> None:
    kept = _event("monitor")
    store.record([kept])
    new = [_event("review", minute=1), _event("report", minute=2)]
    assert store.merge([kept, *new], dry_run=True) == (2, 1)
    assert store.count() == 1
    assert store.merge([kept, *new]) == (2, 1)
    assert store.merge([kept, *new]) == (0, 3)
    assert store.count() == 3
    assert not store.has_open_runs()


def test_logged_by_and_done_by_are_kept_apart(store: Any) -> None:
    # Mona logs Ali's review for him: `by` (done by) is what names filter on.
    for_ali = _event("review", by="Ali")
    store.record([for_ali])
    [back] = list(store.events())
    assert (back.by, back.logged_by) == ("Ali", "mona")
    assert list(store.events(by="ali")) == [for_ali]
    assert store.count_events(by="mona") == 0
    assert next(row for batch in store.export_batches() for row in batch)[-1] == "mona"


def test_merging_an_entry_logged_by_another_keeps_who_logged_it_here(store: Any) -> None:
    # The same entry, logged by another login in the file (a personal log's
    # copy of what was joined to the team's record): not a conflict.
    kept = _event("monitor")
    store.record([kept])
    assert store.merge([kept._replace(logged_by="Mona Saleh")]) == (0, 1)
    assert list(store.events()) == [kept]


def test_on_the_team_record_the_connected_login_logs_every_entry(store: Any) -> None:
    # Whatever the entry says: on the team's record the login that writes it
    # (the server would refuse another); on a personal log, what csm was told.
    team = hasattr(store, "login")
    written = _event("monitor")._replace(logged_by="ali")
    [(back, existing)] = store.record([written])
    assert existing is None and back.logged_by == ("mona" if team else "ali")
    merged = _event("review")._replace(logged_by="Sara")
    assert store.merge([merged]) == (1, 0)
    assert [e.logged_by for e in store.events(newest_first=False)] == (
        ["mona", "mona"] if team else ["ali", "Sara"]
    )


def test_active_for_finds_item_ids_with_any_characters(store: Any) -> None:
    odd = [_event(item) for item in ('a,"b', "back\\slash {x}", "NULL", "مراقبة الحسابات", " ")]
    store.record(odd)
    keys = [(event.item_id, MONDAY) for event in odd]
    assert store.active_for([*keys, ("missing", MONDAY)]) == {
        (event.item_id, MONDAY): event for event in odd
    }


def test_what_a_command_tells_the_store_reaches_the_store_that_writes(store: Any) -> None:
    # `csm undo --reason` sets undo_reason before the undo; the quick store
    # keeps it for the full store it opens to write.
    store.record([_event("monitor")])
    store.undo_reason = "logged twice"
    assert store.undo_reason == "logged twice"
    assert store.undo_latest(datetime(2026, 11, 23, 12, 0, tzinfo=RIYADH)) is not None
    assert store.undo_reason == "logged twice"


# Runs and measures through the store interface. The SQLite log gives these
# through the interface once the rules use it; until then they run on the
# engines that have them.


def _interface(store: Any, method: str) -> None:
    if not hasattr(store, method):
        pytest.skip(f"this engine has no {method} yet")


def _run(run_id: str = "crisis-2026-11-23", minute: int = 0) -> Any:
    from csm_checklist.store.run_records import RunRecord

    return RunRecord(
        uuid=new_uuid(),
        run_id=run_id,
        playbook="crisis",
        title="Crisis",
        name="outage",
        started_at=datetime(2026, 11, 23, 9, minute, tzinfo=RIYADH),
        steps='{"steps": [{"id": "assess"}], "title": {"ar": "", "en": "Crisis"}}',
        started_by="Mona",
        host="laptop",
    )


def test_runs_take_the_first_free_id_and_close_once(store: Any) -> None:
    _interface(store, "start_run")
    first, second = _run(), _run(minute=5)
    assert store.start_run(first) == "crisis-2026-11-23"
    assert store.start_run(second) == "crisis-2026-11-23-2"
    assert store.run_ids() == ["crisis-2026-11-23", "crisis-2026-11-23-2"]
    assert store.has_open_runs()
    at = datetime(2026, 11, 23, 12, 0, tzinfo=RIYADH)
    store.close_run("crisis-2026-11-23", at, note="contained", forced=False)
    store.close_run("crisis-2026-11-23", at + timedelta(hours=1), note="again", forced=True)
    [closed] = store.runs(run_ids=["crisis-2026-11-23"])
    assert closed == first._replace(closed_at=at, close_note="contained")
    assert [run.run_id for run in store.runs(open_only=True)] == ["crisis-2026-11-23-2"]
    assert store.has_runs()


def test_a_step_is_settled_once_and_undone(store: Any) -> None:
    _interface(store, "log_step")
    from csm_checklist.store.run_records import StepEvent

    store.start_run(_run())
    at = datetime(2026, 11, 23, 10, 0, tzinfo=RIYADH)
    done = StepEvent(new_uuid(), "crisis-2026-11-23", "assess", "done", at, "Mona", "", "laptop")
    assert store.log_step(done) is None
    other = done._replace(uuid=new_uuid(), by="Ali")
    assert store.log_step(other) == done
    undone = store.undo_step("crisis-2026-11-23", "assess", at)
    assert undone == done._replace(undone_at=at)
    assert store.undo_step("crisis-2026-11-23", "assess", at) is None
    assert store.step_events() == [done._replace(undone_at=at)]


def test_measures_go_with_their_event(store: Any) -> None:
    _interface(store, "measure_values")
    from csm_checklist.store.measure_records import MeasureRecord

    event = _event("monthly-report", cadence="monthly", end=date(2026, 11, 30))
    store.record([event], {event.uuid: [("csat", 4.6, "/5")]})
    [value] = store.measure_values(item_id="monthly-report")
    assert (value.event_uuid, value.measure_id, value.value, value.unit) == (
        event.uuid,
        "csat",
        4.6,
        "/5",
    )
    assert store.measures() == [MeasureRecord(event.uuid, "csat", 4.6, "/5")]
    extra = MeasureRecord(event.uuid, "complaints", 132.0, "")
    assert store.merge_measures([extra], dry_run=True) == 1
    assert store.merge_measures([extra, MeasureRecord(event.uuid, "csat", 4.6, "/5")]) == 1
    store.undo_latest(datetime(2026, 11, 30, 9, 0, tzinfo=RIYADH))
    assert store.measure_values() == []
