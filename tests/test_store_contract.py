"""What every store promises (`store/interface.py`), checked through the
interface alone: each engine is one more parameter of the `store` fixture.

These check the runs, step events, measures, import merges and note changes
the interface adds to the event log's own tests (test_log.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from csm_checklist.errors import BadInput, ImportFileError, NotMet
from csm_checklist.store.interface import Store
from csm_checklist.store.measure_records import MeasureRecord, MeasureValue
from csm_checklist.store.records import Event, NoteChange, RevisionRecord, StartRecord, event_row
from csm_checklist.store.run_records import RunRecord, StepEvent
from csm_checklist.store.sqlite import SqliteStore

RIYADH = timezone(timedelta(hours=3))
STEPS = json.dumps(
    {
        "title": {"en": "Crisis", "ar": "أزمة"},
        "steps": [{"id": "assess", "title": {"en": "Assess", "ar": "تقييم"}, "within": "1h"}],
    },
    ensure_ascii=False,
    sort_keys=True,
)


def at(day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=RIYADH)


def event(
    uuid: str, day: int, *, item: str = "monthly-report", minute: int = 0, note: str = ""
) -> Event:
    return Event(
        uuid=uuid,
        item_id=item,
        title="Monthly report",
        cadence="monthly",
        kind="done",
        period_start=date(2026, 11, 1),
        period_end=date(2026, 11, 30),
        for_date=date(2026, 11, day),
        logged_at=at(day, minute=minute),
        by="Mona",
        note=note,
        host="laptop",
        logged_by="mona",  # the login the team's store is opened as
    )


def run(uuid: str = "r-1", run_id: str = "crisis-2026-11-02", day: int = 2) -> RunRecord:
    return RunRecord(uuid, run_id, "crisis", "Crisis", "", at(day), STEPS, "Mona", "laptop")


def step(uuid: str, minute: int, *, run_id: str = "crisis-2026-11-02") -> StepEvent:
    return StepEvent(uuid, run_id, "assess", "done", at(2, 10, minute), "Mona", "", "laptop")


@pytest.fixture(params=["sqlite", "postgres", "postgres-quick"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "postgres-quick":
        # What `csm today` and `csm due` open (see test_store_engines).
        from csm_checklist.store.pg_quick import QuickTeamStore

        quick = QuickTeamStore.open(request.getfixturevalue("team").url("mona"))
        assert quick is not None
        with quick:
            yield quick
        return
    if request.param == "postgres":
        # The team's record on a throwaway server, as the member mona (skipped
        # without PostgreSQL, failing under CI=true: see the `team` fixture).
        from csm_checklist.store.postgres import PostgresStore

        team = request.getfixturevalue("team")
        with PostgresStore.open(team.url("mona")) as shared:
            yield shared
        return
    opened: Store = SqliteStore.open(tmp_path / "log.sqlite3")
    with opened:
        yield opened


# Events ------------------------------------------------------------------------------


def test_record_settles_a_period_once_and_keeps_the_measures_of_what_it_wrote(
    store: Store,
) -> None:
    first, second = event("e-1", 2), event("e-2", 3)
    written = store.record([first], {"e-1": [("csat", 4.5, "/5")]})
    assert written == [(first, None)]
    again = store.record([second], {"e-2": [("csat", 1.0, "/5")]})
    assert again == [(second, first)]
    assert store.count() == 1
    assert store.measures() == [MeasureRecord("e-1", "csat", 4.5, "/5")]


def test_undo_latest_marks_the_latest_matching_event(store: Store) -> None:
    store.record([event("e-1", 2), event("e-2", 2, item="team-meeting", minute=5)])
    undone = store.undo_latest(at(4), item_id="monthly-report")
    assert undone is not None and (undone.uuid, undone.undone_at) == ("e-1", at(4))
    assert store.undo_latest(at(4), item_id="monthly-report") is None
    latest = store.undo_latest(at(5))
    assert latest is not None and latest.uuid == "e-2"


def test_a_note_change_is_kept_and_the_event_reads_the_new_note(store: Store) -> None:
    store.record([event("abcdef12-0000", 2, note="calm")])
    now, change = store.change_note("abcdef12-0000", "busy", at(3), "Mona", "laptop")
    assert now.note == "busy" and change is not None and change.old_note == "calm"
    assert store.change_note("abcdef12-0000", "busy", at(3), "Mona", "laptop")[1] is None
    assert [c.new_note for c in store.note_changes(["abcdef12-0000", "x"])["abcdef12-0000"]] == [
        "busy"
    ]
    assert store.find_event("ABCDEF").note == "busy"
    with pytest.raises(BadInput):
        store.find_event("abc")
    with pytest.raises(NotMet):
        store.find_event("ffffff")
    with pytest.raises(NotMet):
        store.change_note("nobody", "x", at(3), "Mona", "laptop")


def test_notes_read_as_they_stood_and_their_corrections_travel(store: Store) -> None:
    store.record([event("e-1", 2, note="calm"), event("e-2", 3, item="weekly", note="x")])
    store.change_note("e-1", "busy", at(4), "Mona", "laptop")
    store.change_note("e-1", "busier", at(6), "Mona", "laptop")
    key = ("monthly-report", date(2026, 11, 1))
    assert store.active_for([key])[key].note == "busier"
    assert store.active_for([key], as_logged=at(3))[key].note == "calm"
    assert store.active_for([key], as_logged=at(5))[key].note == "busy"
    then = store.active_overlapping(date(2026, 11, 1), date(2026, 11, 30), as_logged=at(5))
    assert [e.note for e in then] == ["busy", "x"]
    assert [e.note for e in store.events(as_logged=at(3), newest_first=False)] == ["calm", "x"]
    changes = store.all_note_changes()
    assert [(c.event_uuid, c.new_note, c.changed_at) for c in changes] == [
        ("e-1", "busy", at(4)),
        ("e-1", "busier", at(6)),
    ]
    assert store.all_note_changes(since=date(2026, 11, 3)) == []
    assert store.merge_note_changes(changes) == 0  # the same corrections: nothing new
    # Signed by the login the store is opened as: a member's own corrections
    # come into the team's record in their name (test_team_server).
    later = NoteChange("e-2", "x", "y", at(7), "mona", "desk")
    assert store.merge_note_changes([later], dry_run=True) == 1
    assert len(store.all_note_changes()) == 2
    assert store.merge_note_changes([later]) == 1
    assert store.note_changes(["e-2"])["e-2"] == [later]
    assert store.events(item_id="weekly").__next__().note == "x"  # the note itself kept
    assert store.item_of_event("e-2") == "weekly" and store.item_of_event("e-") is None


def test_reads_answer_as_the_log_stood_at_a_moment(store: Store) -> None:
    store.record([event("e-1", 2)])
    store.undo_latest(at(5))
    key = ("monthly-report", date(2026, 11, 1))
    assert store.active_for([key]) == {}
    assert store.active_for([key], as_logged=at(4))[key].uuid == "e-1"
    assert store.active_for([key], as_logged=at(1)) == {}
    assert [e.uuid for e in store.active_overlapping(date(2026, 11, 30), date(2026, 12, 5))] == []
    then = store.active_overlapping(date(2026, 11, 30), date(2026, 12, 5), as_logged=at(4))
    assert [e.uuid for e in then] == ["e-1"]
    assert [e.active for e in store.events(as_logged=at(4))] == [True]
    assert store.count_events(include_undone=False) == 0
    assert store.has_item("monthly-report") and not store.has_item("team-meeting")
    (batch,) = store.export_batches(include_undone=True)
    assert batch == [event_row(event("e-1", 2)._replace(undone_at=at(5)))]


# Merging an import -------------------------------------------------------------------


def test_merge_adds_what_is_new_carries_undo_over_and_refuses_a_conflict(store: Store) -> None:
    store.record([event("e-1", 2)])
    starts = [StartRecord("s-1", date(2026, 11, 1), at(6))]
    revisions = [RevisionRecord("v-1", date(2026, 11, 1), at(6), "{}")]
    merged = store.merge(
        [event("e-1", 2)._replace(undone_at=at(5)), event("e-2", 3)],
        starts=lambda: starts,
        revisions=revisions,
    )
    assert merged == (1, 1)
    assert [e.uuid for e in store.events(include_undone=False)] == ["e-2"]
    assert store.starts() == starts and store.revisions() == revisions
    with pytest.raises(ImportFileError):
        store.merge([event("e-3", 4), event("e-2", 3, note="other")])
    assert store.count() == 2  # nothing of the refused merge was written
    assert store.merge([event("e-4", 4)], dry_run=True) == (1, 0)
    assert store.count() == 2


def test_history_records_are_written_once(store: Store) -> None:
    first = StartRecord("s-1", date(2026, 11, 1), at(1))
    assert store.add_start(first, unless_any=True)
    assert not store.add_start(StartRecord("s-2", date(2026, 11, 2), at(2)), unless_any=True)
    rules = RevisionRecord("v-1", date(2026, 11, 1), at(1), '{"a": 1}')
    assert store.add_revision(rules, unless_latest_is=rules.rules)
    assert not store.add_revision(rules._replace(uuid="v-2"), unless_latest_is=rules.rules)
    assert store.starts() == [first] and store.revisions() == [rules]


# Runs --------------------------------------------------------------------------------


def test_a_run_gets_the_first_free_id_and_keeps_its_steps(store: Store) -> None:
    assert not store.has_runs() and not store.has_open_runs()
    assert store.start_run(run("r-1")) == "crisis-2026-11-02"
    assert store.start_run(run("r-2")) == "crisis-2026-11-02-2"
    assert store.has_runs() and store.has_open_runs()
    assert store.run_ids() == ["crisis-2026-11-02", "crisis-2026-11-02-2"]
    (found,) = store.runs(run_ids=["crisis-2026-11-02-2"])
    assert found == run("r-2", "crisis-2026-11-02-2")
    assert store.runs(started_by=at(1)) == []


def test_step_events_settle_a_step_once_and_undo_goes_one_way(store: Store) -> None:
    store.start_run(run())
    assert store.log_step(step("s-1", 0)) is None
    existing = store.log_step(step("s-2", 5))
    assert existing is not None and existing.uuid == "s-1"
    undone = store.undo_step("crisis-2026-11-02", "assess", at(2, 11))
    assert undone == step("s-1", 0)._replace(undone_at=at(2, 11))
    assert store.undo_step("crisis-2026-11-02", "assess", at(2, 11)) is None
    assert store.step_events() == [undone]


def test_a_closed_run_stays_closed(store: Store) -> None:
    store.start_run(run())
    store.close_run("crisis-2026-11-02", at(3), note="over", forced=True)
    store.close_run("crisis-2026-11-02", at(4), note="again", forced=False)
    (closed,) = store.runs()
    assert (closed.closed_at, closed.close_note, closed.forced) == (at(3), "over", True)
    assert store.runs(open_only=True) == [] and not store.has_open_runs()


def test_merge_runs_adds_closes_and_refuses_conflicts(store: Store) -> None:
    store.start_run(run())
    closed = run()._replace(closed_at=at(3), close_note="done")
    assert store.merge_runs([closed, run("r-2", "crisis-2026-11-05", 5)], [step("s-1", 0)]) == (
        1,
        1,
    )
    assert [r.closed_at for r in store.runs()] == [at(3), None]
    with pytest.raises(ImportFileError):
        store.merge_runs([run("r-3")], [])  # another run already has that id
    with pytest.raises(ImportFileError):
        store.merge_runs([run()._replace(playbook="other")], [])
    with pytest.raises(ImportFileError):
        store.merge_runs([], [step("s-1", 0)._replace(kind="skip")])
    assert store.merge_runs([run("r-9", "crisis-2026-11-09", 9)], [], dry_run=True) == (1, 0)
    assert len(store.runs()) == 2
    undone = step("s-1", 0)._replace(undone_at=at(2, 12))
    assert store.merge_runs([], [undone]) == (0, 0)
    assert store.step_events() == [undone]  # an undo in the file is carried over


# Measures ----------------------------------------------------------------------------


def test_measures_count_while_their_event_does(store: Store) -> None:
    store.record([event("e-1", 2)], {"e-1": [("csat", 4.5, "/5"), ("complaints", 130.0, "")]})
    value = MeasureValue(
        "e-1",
        "monthly-report",
        "csat",
        4.5,
        "/5",
        date(2026, 11, 1),
        date(2026, 11, 30),
        date(2026, 11, 2),
    )
    assert [v.measure_id for v in store.measure_values()] == ["csat", "complaints"]
    assert store.measure_values(item_id="monthly-report")[0] == value
    assert store.measure_values(since=date(2026, 12, 1)) == []
    store.undo_latest(at(5))
    assert store.measure_values() == []
    assert len(store.measure_values(as_logged=at(4))) == 2
    assert store.measures() == []
    assert len(store.measures(include_undone=True)) == 2


def test_merge_measures_adds_the_missing_and_refuses_another_value(store: Store) -> None:
    store.record([event("e-1", 2)], {"e-1": [("csat", 4.5, "/5")]})
    same = MeasureRecord("e-1", "csat", 4.5, "/5")
    new = MeasureRecord("e-1", "complaints", 130.0, "")
    assert store.merge_measures([same, new], dry_run=True) == 1
    assert store.merge_measures([same, new]) == 1
    with pytest.raises(ImportFileError):
        store.merge_measures([same._replace(value=4.0)])
    assert len(store.measures()) == 2
