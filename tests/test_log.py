"""The event log: recording, finding, undoing and merging events."""

from __future__ import annotations

import sqlite3
import types
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csm_checklist.errors import ImportFileError
from csm_checklist.store.records import Event, host_name, new_uuid
from csm_checklist.store.sqlite import SqliteStore
from csm_checklist.store.sqlite_migrations import APPLICATION_ID, SCHEMA_VERSION

RIYADH = timezone(timedelta(hours=3))
WEEK = date(2026, 11, 23)  # a Monday


def make_event(
    item_id: str = "team-meeting",
    start: date = WEEK,
    *,
    cadence: str = "weekly",
    length: int = 7,
    for_date: date | None = None,
    kind: str = "done",
    minute: int = 0,
    note: str = "",
    undone_at: datetime | None = None,
) -> Event:
    return Event(
        uuid=str(uuid.uuid4()),
        item_id=item_id,
        title=item_id.replace("-", " ").capitalize(),
        cadence=cadence,
        kind="done" if kind == "done" else "skip",
        period_start=start,
        period_end=start + timedelta(days=length - 1),
        for_date=for_date or start,
        logged_at=datetime(2026, 11, 23, 9, minute, tzinfo=RIYADH),
        by="Mona",
        note=note,
        host="desk-1",
        undone_at=undone_at,
    )


@pytest.fixture
def log(tmp_path: Path) -> SqliteStore:
    opened = SqliteStore.open(tmp_path / "data" / "log.sqlite3")
    yield opened
    opened.close()


def test_open_creates_the_folder_and_a_marked_wal_log(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "log.sqlite3"
    with SqliteStore.open(path) as log:
        assert log.count() == 0
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_an_empty_file_becomes_a_log(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    path.write_bytes(b"")
    with SqliteStore.open(path) as log:
        log.record([make_event()])
        assert log.count() == 1


def test_reopening_keeps_events(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    event = make_event(note="2 escalations")
    with SqliteStore.open(path) as log:
        log.record([event])
    with SqliteStore.open(path) as log:
        assert list(log.events()) == [event]


def test_record_writes_new_events_and_reports_settled_periods(log: SqliteStore) -> None:
    first = make_event("team-meeting")
    results = log.record([first])
    assert results == [(first, None)]

    again = make_event("team-meeting", for_date=WEEK + timedelta(days=2), minute=5)
    other = make_event("performance-review", minute=5)
    results = log.record([again, other])
    assert results == [(again, first), (other, None)]
    assert log.count() == 2


def test_the_same_item_twice_in_one_call_is_logged_once(log: SqliteStore) -> None:
    one, two = make_event(), make_event(minute=1)
    assert log.record([one, two]) == [(one, None), (two, one)]
    assert log.count() == 1


def test_a_skip_settles_the_period_too(log: SqliteStore) -> None:
    skip = make_event(kind="skip", note="public holiday")
    log.record([skip])
    done = make_event(minute=3)
    assert log.record([done]) == [(done, skip)]


def test_an_undone_period_can_be_logged_again(log: SqliteStore) -> None:
    first = make_event()
    log.record([first])
    undone = log.undo_latest(datetime(2026, 11, 23, 10, 0, tzinfo=RIYADH))
    assert undone is not None and undone.uuid == first.uuid
    assert not undone.active
    assert undone.undone_at == datetime(2026, 11, 23, 10, 0, tzinfo=RIYADH)
    second = make_event(minute=30)
    assert log.record([second]) == [(second, None)]
    assert log.count() == 2  # nothing is ever deleted


def test_undo_twice_finds_nothing_the_second_time(log: SqliteStore) -> None:
    event = make_event()
    log.record([event])
    at = datetime(2026, 11, 23, 10, 0, tzinfo=RIYADH)
    assert log.undo_latest(at, item_id=event.item_id) is not None
    assert log.undo_latest(at, item_id=event.item_id) is None


def test_logged_at_keeps_its_offset_exactly(log: SqliteStore) -> None:
    cairo = timezone(timedelta(hours=2))
    event = make_event()
    event = Event(**{**event._asdict(), "logged_at": datetime(2026, 11, 23, 23, 30, tzinfo=cairo)})
    log.record([event])
    (stored,) = log.events()
    assert stored.logged_at.isoformat() == "2026-11-23T23:30:00+02:00"


def test_events_are_ordered_by_the_moment_logged_whatever_the_offset(log: SqliteStore) -> None:
    early_utc = make_event("a")  # 09:00 +03:00 = 06:00 UTC
    late_utc = Event(
        **{
            **make_event("b")._asdict(),
            "logged_at": datetime(2026, 11, 23, 8, 0, tzinfo=timezone(timedelta(hours=1))),
        }
    )  # 08:00 +01:00 = 07:00 UTC
    log.record([late_utc, early_utc])
    assert [e.item_id for e in log.events()] == ["b", "a"]
    assert [e.item_id for e in log.events(newest_first=False)] == ["a", "b"]


def test_events_filters(log: SqliteStore) -> None:
    daily = [
        make_event(
            "monitor-accounts", WEEK + timedelta(days=i), cadence="daily", length=1, minute=i
        )
        for i in range(5)
    ]
    weekly = make_event("team-meeting", for_date=WEEK + timedelta(days=3), minute=10)
    log.record([*daily, weekly])
    log.undo_latest(datetime(2026, 11, 24, tzinfo=RIYADH), for_date=daily[0].for_date)

    def ids(**filters: object) -> list[str]:
        return [f"{e.item_id}@{e.for_date.day}" for e in log.events(**filters)]  # type: ignore[arg-type]

    assert ids(since=date(2026, 11, 25), until=date(2026, 11, 26)) == [
        "team-meeting@26",
        "monitor-accounts@26",
        "monitor-accounts@25",
    ]
    assert ids(item_id="team-meeting") == ["team-meeting@26"]
    assert ids(cadence="daily", limit=2) == ["monitor-accounts@27", "monitor-accounts@26"]
    assert ids(until=date(2026, 11, 23)) == ["monitor-accounts@23"]
    assert ids(until=date(2026, 11, 23), include_undone=False) == []


def test_events_streams_from_the_cursor(log: SqliteStore) -> None:
    assert isinstance(log.events(), types.GeneratorType)


def test_active_for_finds_each_key_and_ignores_undone(log: SqliteStore) -> None:
    meeting = make_event("team-meeting")
    review = make_event("performance-review", minute=1)
    old = make_event("team-meeting", WEEK - timedelta(days=7), minute=2)
    log.record([meeting, review, old])
    log.undo_latest(datetime(2026, 11, 24, tzinfo=RIYADH), item_id=review.item_id)
    found = log.active_for(
        [
            ("team-meeting", WEEK),
            ("performance-review", WEEK),
            ("team-meeting", WEEK - timedelta(days=7)),
            ("campaign-prep", WEEK),
        ]
    )
    assert found == {("team-meeting", WEEK): meeting, ("team-meeting", WEEK - timedelta(7)): old}


def test_active_for_many_keys(log: SqliteStore) -> None:
    days = [WEEK - timedelta(days=i) for i in range(1000)]
    log.record([make_event("monitor-accounts", d, cadence="daily", length=1) for d in days[::2]])
    found = log.active_for(("monitor-accounts", d) for d in days)
    assert sorted(found) == sorted(("monitor-accounts", d) for d in days[::2])


def test_active_for_prefers_the_earliest_of_merged_duplicates(log: SqliteStore) -> None:
    # Two machines logged the same week, and their logs were merged.
    later = make_event(minute=40)
    earlier = make_event(minute=10)
    log.merge([later, earlier])
    assert log.active_for([("team-meeting", WEEK)]) == {("team-meeting", WEEK): earlier}


def test_active_overlapping(log: SqliteStore) -> None:
    october = make_event("monthly-report", date(2026, 10, 1), cadence="monthly", length=31)
    november = make_event("monthly-report", date(2026, 11, 1), cadence="monthly", length=30)
    this_week = make_event("team-meeting", WEEK)
    next_week = make_event("team-meeting", WEEK + timedelta(days=7))
    undone = make_event("campaign-prep", WEEK)
    log.record([october, november, this_week, next_week, undone])
    log.undo_latest(datetime(2026, 11, 24, tzinfo=RIYADH), item_id=undone.item_id)

    found = log.active_overlapping(date(2026, 11, 24), date(2026, 11, 30))
    assert found == [november, this_week, next_week]
    assert log.active_overlapping(date(2026, 10, 31), date(2026, 11, 1)) == [october, november]
    assert log.active_overlapping(date(2027, 1, 1), date(2027, 1, 31)) == []


def _plan(log: SqliteStore, sql: str, params: tuple[object, ...]) -> str:
    rows = log._db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return " | ".join(row[-1] for row in rows)


def test_lookups_search_indexes_instead_of_scanning(
    log: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Capture the SQL the log really runs, then ask SQLite how it runs it.
    seen: list[tuple[str, tuple[object, ...]]] = []
    real = log._db

    class Spy:
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def execute(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
            seen.append((sql, tuple(params)))
            return real.execute(sql, params)

    log.record([make_event()])
    monkeypatch.setattr(log, "_db", Spy())
    log.active_overlapping(date(2026, 11, 1), date(2026, 11, 30))
    log.active_for([("team-meeting", WEEK)])
    log.record([make_event(minute=1)])
    list(log.events(limit=5))
    monkeypatch.setattr(log, "_db", real)

    # The chain's head is its last row by primary key (one step, not a scan).
    heads = [sql for sql, _params in seen if "FROM chain" in sql]
    assert heads == ["SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1"]
    selects = [(sql, params) for sql, params in seen if "SELECT" in sql and sql not in heads]
    assert len(selects) == 4
    for sql, params in selects:
        plan = _plan(log, sql, params)
        assert "SCAN events" not in plan or "USING INDEX" in plan, (sql, plan)
    overlap_plan = _plan(log, *selects[0])
    assert "SEARCH events USING INDEX events_period_end" in overlap_plan
    assert "USING INDEX events_item_period" in _plan(log, *selects[1])
    assert "USING INDEX events_item_period" in _plan(log, *selects[2])


def test_undo_latest_takes_the_latest_logged_that_matches(log: SqliteStore) -> None:
    a = make_event("team-meeting", minute=1)
    b = make_event("performance-review", minute=2)
    c = make_event("team-meeting", WEEK - timedelta(days=7), minute=3)
    log.record([a, b, c])

    at = datetime(2026, 11, 24, 8, 0, tzinfo=RIYADH)
    undone = log.undo_latest(at)
    assert undone is not None and undone.uuid == c.uuid and undone.undone_at == at
    undone = log.undo_latest(at, item_id="team-meeting")
    assert undone is not None and undone.uuid == a.uuid
    assert log.undo_latest(at, item_id="team-meeting") is None
    undone = log.undo_latest(at, for_date=WEEK)
    assert undone is not None and undone.uuid == b.uuid
    assert log.undo_latest(at) is None
    assert log.count() == 3


def test_merge_adds_new_uuids_and_counts_the_rest(log: SqliteStore) -> None:
    mine = make_event("team-meeting")
    log.record([mine])
    theirs = make_event("performance-review")
    assert log.merge([mine, theirs]) == (1, 1)
    assert log.merge([mine, theirs]) == (0, 2)
    assert log.count() == 2


def test_merge_dry_run_writes_nothing(log: SqliteStore) -> None:
    assert log.merge([make_event(), make_event("x")], dry_run=True) == (2, 0)
    assert log.count() == 0


def test_merge_refuses_a_uuid_with_different_content(log: SqliteStore) -> None:
    mine = make_event(note="on time")
    log.record([mine])
    changed = Event(**{**mine._asdict(), "note": "late"})
    with pytest.raises(ImportFileError) as caught:
        log.merge([make_event("new-one"), changed])
    assert mine.uuid in caught.value.message
    assert "'note'" in caught.value.message
    assert log.count() == 1


def test_merge_rolls_back_when_the_records_fail_midway(log: SqliteStore) -> None:
    def records() -> object:
        yield make_event("a")
        yield make_event("b")
        raise ImportFileError("events.csv, line 4: field 'kind': 'maybe' is not done or skip.")

    with pytest.raises(ImportFileError):
        log.merge(records())  # type: ignore[arg-type]
    assert log.count() == 0


def test_merge_carries_an_undo_over(log: SqliteStore) -> None:
    mine = make_event()
    log.record([mine])
    at = datetime(2026, 11, 25, 12, 0, tzinfo=RIYADH)
    undone_elsewhere = Event(**{**mine._asdict(), "undone_at": at})
    assert log.merge([undone_elsewhere]) == (0, 1)
    (stored,) = log.events()
    assert stored.undone_at == at
    # ...and an older export, where it was still active, does not revive it.
    assert log.merge([mine]) == (0, 1)
    (stored,) = log.events()
    assert stored.undone_at == at


printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=printable, by=printable, title=printable.filter(str.strip))
def test_any_text_survives_the_log(log: SqliteStore, note: str, by: str, title: str) -> None:
    event = Event(**{**make_event()._asdict(), "note": note, "by": by, "title": title})
    log.merge([event])
    (stored,) = (e for e in log.events() if e.uuid == event.uuid)
    assert stored == event


def test_new_uuid_is_a_random_version_4_uuid() -> None:
    made = {new_uuid() for _ in range(200)}
    assert len(made) == 200
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122


def test_host_name_is_the_socket_host_name() -> None:
    import socket

    assert host_name() == socket.gethostname()


def test_export_batches_stream_in_bounded_batches(log: SqliteStore) -> None:
    log.merge(
        make_event("monitor-accounts", WEEK - timedelta(i), cadence="daily", length=1)
        for i in range(2500)
    )
    batches = log.export_batches(batch_size=1000)
    assert isinstance(batches, types.GeneratorType)
    sizes = [len(batch) for batch in batches]
    assert sizes == [1000, 1000, 500]
    (row,) = next(log.export_batches(batch_size=1))
    assert row[11] is None  # undone_at of an active event


def test_the_log_and_formats_need_no_cli_libraries() -> None:
    import subprocess
    import sys

    code = (
        "import sys, csm_checklist.store.sqlite, csm_checklist.exchange.formats; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"
