"""What the commands call, rule by rule, against a real log: the history
recorded as csm sees the checklists, logging work and its refusals, what
undo looks for, importing, and moving the tracking start. November 2026
begins on a Sunday; every expected value is worked out by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from csm_checklist.dates.schedule import OnWeekday, Recurrence, WorkCalendar
from csm_checklist.duties.catalog import Item, Text
from csm_checklist.errors import BadInput, ImportFileError, LogError, NotMet
from csm_checklist.rules.history import observe
from csm_checklist.rules.work import (
    ImportResult,
    StartMove,
    UndoTarget,
    check_tracked,
    expected_count,
    import_events,
    load_history,
    log_work,
    move_start,
    undo_target,
    undo_work,
)
from csm_checklist.store.records import Event, RevisionRecord, StartRecord
from csm_checklist.store.sqlite import SqliteStore

UTC = timezone.utc
HERE = Path("checklist.yaml")
MONITOR = Item(
    "monitor",
    Text("Monitor accounts", "مراقبة"),
    None,
    "ops",
    Recurrence("daily"),
    (),
    True,
    HERE,
    1,
)
REVIEW = Item(
    "review",
    Text("Weekly review", "مراجعة"),
    None,
    "ops",
    Recurrence("weekly", OnWeekday(4)),
    (),
    True,
    HERE,
    2,
)
LATER = Item(
    "policy",
    Text("Policy", ""),
    None,
    "ops",
    Recurrence("monthly"),
    (),
    True,
    HERE,
    3,
    since=date(2026, 11, 10),
)
COMING = Item(
    "coming",
    Text("Coming", ""),
    None,
    "ops",
    Recurrence("rrule", rrule="FREQ=MONTHLY;BYMONTHDAY=15", start=date(2026, 12, 1)),
    (),
    True,
    HERE,
    4,
)
OFF = MONITOR._replace(id="off", enabled=False)
OBSERVED = observe([MONITOR, REVIEW, LATER, COMING, OFF], WorkCalendar(), "UTC")


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


def at(day: int, hour: int = 9, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


@pytest.fixture
def log(tmp_path: Path) -> Iterator[SqliteStore]:
    opened = SqliteStore.open(tmp_path / "log.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def tracked(log: SqliteStore) -> SqliteStore:
    """A log tracking the items from Sunday 1 November."""
    load_history(log, OBSERVED, d(1), at(1))
    return log


@pytest.fixture
def busy(tracked: SqliteStore) -> SqliteStore:
    """A log tracking the items from Sunday 1 November, with work logged."""
    log_work(tracked, history(tracked), [MONITOR], "done", d(20), d(20), at(20), by="Mona")
    return tracked


TODAY = date(2026, 11, 20)


def history(log: SqliteStore, today: date = TODAY) -> Any:
    return load_history(log, OBSERVED, today, at(today.day, 10, today.month))


# load_history -------------------------------------------------------------------


def test_a_new_log_starts_today_with_the_rules_seen(log: SqliteStore) -> None:
    found = load_history(log, OBSERVED, d(2), at(2))
    assert found.start == d(2)
    assert [(s.start, s.recorded_at) for s in log.starts()] == [(d(2), at(2))]
    assert [(r.effective, r.recorded_at, r.rules) for r in log.revisions()] == [
        (d(2), at(2), OBSERVED.text)
    ]
    assert [r.effective for r in found.revisions] == [d(2)]
    assert [len(r.uuid) for r in log.revisions()] == [36]
    assert [len(s.uuid) for s in log.starts()] == [36]
    assert list(found.current.items) == ["monitor", "review", "policy", "coming", "off"]


def test_a_start_or_rules_recorded_meanwhile_are_not_recorded_twice(
    log: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another csm process records the start and the rules between this one's
    # reading and writing: this one then writes neither again.
    log.add_start(StartRecord("other", d(1), at(1)))
    log.add_revision(RevisionRecord("other", d(1), at(1), OBSERVED.text))
    starts, revisions = log.starts, log.revisions
    calls: list[str] = []

    def stale_starts() -> list[StartRecord]:
        calls.append("starts")
        return [] if calls.count("starts") == 1 else starts()

    def stale_revisions() -> list[RevisionRecord]:
        calls.append("revisions")
        return [] if calls.count("revisions") == 1 else revisions()

    monkeypatch.setattr(log, "starts", stale_starts)
    monkeypatch.setattr(log, "revisions", stale_revisions)
    found = load_history(log, OBSERVED, d(2), at(2))
    assert found.start == d(1)
    assert [s.uuid for s in starts()] == ["other"]
    assert [r.uuid for r in revisions()] == ["other"]


def test_the_same_rules_are_not_recorded_again(tracked: SqliteStore) -> None:
    found = load_history(tracked, OBSERVED, d(5), at(5))
    assert found.start == d(1)
    assert [r.effective for r in tracked.revisions()] == [d(1)]
    assert [s.start for s in tracked.starts()] == [d(1)]


def test_changed_rules_are_recorded_as_of_today(tracked: SqliteStore) -> None:
    fewer = observe([MONITOR], WorkCalendar(), "UTC")
    found = load_history(tracked, fewer, d(5), at(5))
    assert [(r.effective, r.rules) for r in tracked.revisions()] == [
        (d(1), OBSERVED.text),
        (d(5), fewer.text),
    ]
    assert [r.effective for r in found.revisions] == [d(1), d(5)]
    assert found.start == d(1)


def test_without_observed_rules_nothing_is_recorded(tracked: SqliteStore) -> None:
    fewer = observe([MONITOR], WorkCalendar(), "UTC")
    found = load_history(tracked, None, d(5), at(5))
    assert found.start == d(1)
    assert len(tracked.revisions()) == 1
    load_history(tracked, fewer, d(5), at(5), as_logged=at(5))
    assert len(tracked.revisions()) == 1  # as logged: the past, never written


def test_an_empty_log_without_rules_is_refused(log: SqliteStore) -> None:
    with pytest.raises(NotMet) as caught:
        load_history(log, None, d(5), at(5))
    assert caught.value.message == "The log holds no record of the checklists yet."
    assert caught.value.hint == "Run `csm today` once, so csm records the checklists in force."
    assert log.starts() == []


def test_the_history_as_logged_at_a_moment(tracked: SqliteStore) -> None:
    fewer = observe([MONITOR], WorkCalendar(), "UTC")
    load_history(tracked, fewer, d(5), at(5))
    tracked.add_start(StartRecord("s2", d(3), at(6)))
    now = load_history(tracked, None, d(7), at(7))
    assert (now.start, [r.effective for r in now.revisions]) == (d(3), [d(1), d(5)])
    before = load_history(tracked, None, d(7), at(7), as_logged=at(4))
    assert (before.start, [r.effective for r in before.revisions]) == (d(1), [d(1)])
    exactly = load_history(tracked, None, d(7), at(7), as_logged=at(5))
    assert (exactly.start, [r.effective for r in exactly.revisions]) == (d(1), [d(1), d(5)])
    moved = load_history(tracked, None, d(7), at(7), as_logged=at(6))
    assert moved.start == d(3)
    # Before anything was recorded: the first rules, from the day asked about.
    earliest = load_history(tracked, None, d(7), at(7), as_logged=at(1, 8))
    assert (earliest.start, [r.effective for r in earliest.revisions]) == (d(7), [d(1)])


def test_the_days_off_are_kept(tracked: SqliteStore) -> None:
    found = load_history(tracked, OBSERVED, d(5), at(5), days_off=frozenset({d(4)}))
    assert found.days_off == frozenset({d(4)})


def test_a_log_that_cannot_be_written_still_answers(
    log: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> bool:
        raise LogError("read-only")

    monkeypatch.setattr(log, "add_start", refuse)
    monkeypatch.setattr(log, "add_revision", refuse)
    found = load_history(log, OBSERVED, d(5), at(5))
    assert found.start == d(5)
    assert [(r.uuid, r.effective, r.recorded_at) for r in found.revisions] == [("", d(5), at(5))]
    assert log.revisions() == []


def test_a_read_only_log_with_rules_but_no_start_counts_them_once(
    log: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> bool:
        raise LogError("read-only")

    log.add_revision(RevisionRecord("r", d(1), at(1), OBSERVED.text))
    monkeypatch.setattr(log, "add_start", refuse)
    found = load_history(log, OBSERVED, d(5), at(5))
    assert found.start == d(5)
    assert [(r.uuid, r.effective) for r in found.revisions] == [("r", d(1))]


def test_a_read_only_log_counts_changed_rules_from_today(
    tracked: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> bool:
        raise LogError("read-only")

    monkeypatch.setattr(tracked, "add_revision", refuse)
    fewer = observe([MONITOR], WorkCalendar(), "UTC")
    found = load_history(tracked, fewer, d(5), at(5))
    assert found.start == d(1)
    assert [(r.uuid != "", r.effective) for r in found.revisions] == [(True, d(1)), (False, d(5))]
    assert list(found.current.items) == ["monitor"]
    same = load_history(tracked, OBSERVED, d(5), at(5))
    assert [r.effective for r in same.revisions] == [d(1)]


# check_tracked ------------------------------------------------------------------


def test_work_before_the_tracking_start_is_refused(tracked: SqliteStore) -> None:
    with pytest.raises(BadInput) as caught:
        check_tracked(history(tracked), MONITOR, d(31, 10))
    assert caught.value.message == ("--on 2026-10-31 is before csm began tracking, on 2026-11-01.")
    assert caught.value.hint == (
        "Check the date. If you did track work then, move the start first: "
        "csm history start 2026-10-31"
    )
    check_tracked(history(tracked), MONITOR, d(1))


def test_work_before_an_item_was_tracked_is_refused(tracked: SqliteStore) -> None:
    with pytest.raises(BadInput) as caught:
        check_tracked(history(tracked), LATER, d(9))
    assert (
        caught.value.message
        == "--on 2026-11-09 is before policy was tracked (tracked from 2026-11-10)."
    )
    assert caught.value.hint == (
        "csm tracks an item from the day it appeared in your checklists switched on, "
        "or from its `since:` date; `csm show ITEM` shows when."
    )
    check_tracked(history(tracked), LATER, d(10))


@pytest.mark.parametrize("item", [OFF, MONITOR._replace(id="unknown")])
def test_an_item_not_tracked_now_is_refused(tracked: SqliteStore, item: Item) -> None:
    with pytest.raises(BadInput) as caught:
        check_tracked(history(tracked), item, d(9))
    assert caught.value.message == f"--on 2026-11-09 is before {item.id} was tracked."


# log_work -----------------------------------------------------------------------


def test_log_work_writes_each_item_for_its_period(tracked: SqliteStore) -> None:
    results = log_work(
        tracked, history(tracked), [MONITOR, REVIEW], "done", d(18), d(20), at(20, 11),
        by="Mona", note="calm", lang="ar",
    )  # fmt: skip
    assert [existing for _, existing in results] == [None, None]
    events = [event for event, _ in results]
    assert [
        (e.item_id, e.title, e.cadence, e.kind, e.period_start, e.period_end, e.for_date)
        for e in events
    ] == [
        ("monitor", "مراقبة", "daily", "done", d(18), d(18), d(18)),
        ("review", "مراجعة", "weekly", "done", d(16), d(22), d(18)),
    ]
    assert {(e.logged_at, e.by, e.note, e.undone_at) for e in events} == {
        (at(20, 11), "Mona", "calm", None)
    }
    assert len({e.uuid for e in events}) == 2
    assert all(e.host for e in events)
    assert sorted(e.uuid for e in tracked.events()) == sorted(e.uuid for e in events)


def test_a_skip_is_logged_as_a_skip_in_english_by_default(tracked: SqliteStore) -> None:
    ((event, existing),) = log_work(
        tracked, history(tracked), [REVIEW], "skip", d(20), d(20), at(20), by="Omar"
    )
    assert (event.kind, event.title, event.note, existing) == ("skip", "Weekly review", "", None)
    ((again, settled),) = log_work(
        tracked, history(tracked), [REVIEW], "done", d(19), d(20), at(20), by="Mona"
    )
    assert again.kind == "done"
    assert settled is not None and settled.uuid == event.uuid


def test_work_for_today_is_logged_and_for_tomorrow_refused(tracked: SqliteStore) -> None:
    log_work(tracked, history(tracked), [MONITOR], "done", d(20), d(20), at(20), by="Mona")
    with pytest.raises(BadInput) as caught:
        log_work(tracked, history(tracked), [MONITOR], "done", d(21), d(20), at(20), by="Mona")
    assert caught.value.message == (
        "--on 2026-11-21 is in the future; csm logs work that has been done."
    )
    assert caught.value.hint == "Use today (2026-11-20) or an earlier day."


def test_nothing_is_logged_when_one_item_is_refused(tracked: SqliteStore) -> None:
    with pytest.raises(BadInput):
        log_work(tracked, history(tracked), [MONITOR, LATER], "done", d(9), d(20), at(20), by="M")
    assert list(tracked.events()) == []


def test_work_outside_a_rule_range_is_refused(tracked: SqliteStore) -> None:
    with pytest.raises(NotMet) as caught:
        log_work(tracked, history(tracked), [MONITOR, COMING], "done", d(20), d(20), at(20), by="M")
    assert caught.value.message == (
        "Coming (coming) has no period containing 2026-11-20: its rule has not started "
        "yet or has already ended."
    )
    assert caught.value.hint == (
        "Pick an --on date inside the rule's range; `csm show ITEM` shows its rule."
    )
    assert list(tracked.events()) == []


def test_measures_go_with_the_one_item_logged(
    tracked: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[object] = []
    record = tracked.record

    def spy(events: Any, measures: Any = None) -> Any:
        seen.append(measures)
        return record(events, measures)

    monkeypatch.setattr(tracked, "record", spy)
    values = (("csat", 4.6, "/5"),)
    ((event, _),) = log_work(
        tracked, history(tracked), [REVIEW], "done", d(20), d(20), at(20), by="M", measures=values
    )
    log_work(tracked, history(tracked), [MONITOR], "done", d(20), d(20), at(20), by="M")
    assert seen == [{event.uuid: values}, None]


# undo ---------------------------------------------------------------------------


def test_undo_target(tracked: SqliteStore) -> None:
    found = history(tracked)
    assert undo_target(found, None, None) == UndoTarget()
    assert undo_target(found, None, d(18)) == UndoTarget(for_date=d(18))
    assert undo_target(found, "review", None) == UndoTarget("review")
    assert undo_target(found, "review", d(18)) == UndoTarget(
        "review", (d(16), d(22)), cadence="weekly"
    )
    assert undo_target(found, "monitor", d(18)) == UndoTarget(
        "monitor", (d(18), d(18)), cadence="daily"
    )
    assert undo_target(found, "gone", d(18)) == UndoTarget("gone", for_date=d(18))
    assert undo_target(found, "coming", d(18)) == UndoTarget("coming", for_date=d(18))


def test_undo_work_marks_the_latest_match(tracked: SqliteStore) -> None:
    found = history(tracked)
    for item, day, hour in [
        (REVIEW, d(17), 9),
        (REVIEW, d(10), 10),
        (MONITOR, d(17), 11),
        (MONITOR, d(18), 12),
        (REVIEW, d(3), 13),
    ]:
        log_work(tracked, found, [item], "done", day, d(20), at(20, hour), by="M")
    # The review of the 17th, not the later monitor entry for that day.
    undone = undo_work(tracked, UndoTarget("review", for_date=d(17)), at(21, 9))
    assert undone is not None and (undone.item_id, undone.for_date) == ("review", d(17))
    # The review of the week of the 12th, not the later one of the week of the 3rd.
    undone = undo_work(tracked, undo_target(found, "review", d(12)), at(21, 10))
    assert undone is not None and (undone.item_id, undone.for_date) == ("review", d(10))
    latest = undo_work(tracked, UndoTarget(), at(21, 11))
    assert latest is not None and (latest.item_id, latest.for_date) == ("review", d(3))
    for_day = undo_work(tracked, UndoTarget(for_date=d(17)), at(21, 12))
    assert for_day is not None and (for_day.item_id, for_day.for_date) == ("monitor", d(17))
    assert undo_work(tracked, UndoTarget("review"), at(21, 13)) is None
    assert sorted(
        (e.item_id, e.for_date, e.undone_at) for e in tracked.events(include_undone=True)
    ) == [
        ("monitor", d(17), at(21, 12)),
        ("monitor", d(18), None),
        ("review", d(3), at(21, 11)),
        ("review", d(10), at(21, 10)),
        ("review", d(17), at(21, 9)),
    ]


# import -------------------------------------------------------------------------


def event(
    item: Item,
    day: date,
    period: tuple[date, date],
    *,
    uuid: str,
    undone: datetime | None = None,
) -> Event:
    return Event(
        uuid, item.id, item.title.en, item.cadence, "done", *period, day, at(day.day, 9, day.month),
        "Mona", "", "elsewhere", undone,
    )  # type: ignore[arg-type]  # fmt: skip


class Source:
    """An export being read, made by hand. Like a json backup, its tracking
    starts and revisions are known once its first record is read."""

    def __init__(
        self,
        events: list[Event],
        *,
        starts: list[StartRecord] | None = None,
        revisions: list[RevisionRecord] | None = None,
        extra: dict[str, list[Any]] | None = None,
    ) -> None:
        self.name = "backup.json"
        self.events = events
        self.starts: list[StartRecord] = []
        self.revisions: list[RevisionRecord] = []
        self.history = (starts or [], revisions or [])
        self.extra = extra or {}
        self.at: list[Any] = []

    def records(self) -> Iterator[tuple[str, Event]]:
        self.starts, self.revisions = self.history
        for line, found in enumerate(self.events, start=1):
            yield f"backup.json, line {line}", found

    def has_extra(self) -> bool:
        return bool(self.extra)

    def backup_runs(self) -> list[Any]:
        return self.extra.get("runs", [])

    def backup_steps(self) -> list[Any]:
        return self.extra.get("run_steps", [])

    def backup_measures(self) -> list[Any]:
        return self.extra.get("measures", [])

    def backup_note_changes(self) -> list[Any]:
        return self.extra.get("note_changes", [])

    def backup_assignments(self) -> list[Any]:
        return self.extra.get("assignments", [])


def test_importing_nothing_is_refused(log: SqliteStore) -> None:
    with pytest.raises(ImportFileError) as caught:
        import_events(log, Source([]), OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert caught.value.message == "backup.json has no events; nothing was imported."
    assert caught.value.hint == (
        "Is it the right file? An export of days with nothing logged has none; "
        "export again, e.g. `csm export --format jsonl -o backup.jsonl`."
    )
    assert log.count() == 0 and log.starts() == [] and log.revisions() == []


def test_events_into_an_empty_log_start_it_on_their_earliest_day(log: SqliteStore) -> None:
    source = Source(
        [
            event(MONITOR, d(12, 10), (d(12, 10), d(12, 10)), uuid="a"),
            event(MONITOR, d(5, 10), (d(5, 10), d(5, 10)), uuid="b"),
            event(MONITOR, d(3, 10), (d(3, 10), d(3, 10)), uuid="c", undone=at(4, 9, 10)),
        ]
    )
    result = import_events(log, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert result == ImportResult(3, 0, d(5, 10), "events", 0, False, (0, 0, 0, 0))
    assert [(s.start, s.recorded_at) for s in log.starts()] == [(d(5, 10), at(20))]
    assert [(r.effective, r.rules) for r in log.revisions()] == [(d(20), OBSERVED.text)]
    assert log.count() == 3
    again = import_events(log, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert again == ImportResult(0, 3, d(5, 10), "", 0, False, (0, 0, 0, 0))
    assert len(log.starts()) == 1 and len(log.revisions()) == 1


def test_a_dry_run_writes_nothing(log: SqliteStore) -> None:
    source = Source([event(MONITOR, d(12, 10), (d(12, 10), d(12, 10)), uuid="a")])
    result = import_events(log, source, OBSERVED, d(20), at(20), dry_run=True)  # type: ignore[arg-type]
    assert result == ImportResult(1, 0, d(12, 10), "events", 0, False, (0, 0, 0, 0))
    assert (log.count(), log.starts(), log.revisions()) == (0, [], [])


def test_only_undone_events_into_an_empty_log_start_it_today(log: SqliteStore) -> None:
    source = Source([event(MONITOR, d(3, 10), (d(3, 10), d(3, 10)), uuid="c", undone=at(4))])
    result = import_events(log, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert result == ImportResult(1, 0, d(20), "", 0, False, (0, 0, 0, 0))
    assert [(s.start, s.recorded_at) for s in log.starts()] == [(d(20), at(20))]


def test_a_backup_into_an_empty_log_brings_its_history(log: SqliteStore) -> None:
    rules = observe([MONITOR, REVIEW], WorkCalendar(), "UTC")
    brought = [RevisionRecord("r1", d(1, 9), at(1, 9, 9), rules.text)]
    starts = [
        StartRecord("s1", d(1, 9), at(1, 9, 9)),
        StartRecord("s2", d(1, 10), at(2, 9, 10)),
    ]
    source = Source(
        [event(REVIEW, d(30, 10), (d(26, 10), d(1)), uuid="a"),
         event(REVIEW, d(8, 10), (d(5, 10), d(11, 10)), uuid="b")],
        starts=starts,
        revisions=brought,
    )  # fmt: skip
    result = import_events(log, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert result == ImportResult(2, 0, d(1, 10), "backup", 0, False, (0, 0, 0, 0))
    assert [s.uuid for s in log.starts()] == ["s1", "s2"]
    assert [(r.uuid, r.effective) for r in log.revisions()] == [
        ("r1", d(1, 9)),
        (log.revisions()[1].uuid, d(20)),
    ]


def test_a_log_that_only_ever_started_takes_a_backups_history(tracked: SqliteStore) -> None:
    source = Source(
        [event(MONITOR, d(2, 10), (d(2, 10), d(2, 10)), uuid="a")],
        starts=[StartRecord("s1", d(1, 9), at(1, 9, 9))],
        revisions=[RevisionRecord("r1", d(1, 9), at(1, 9, 9), OBSERVED.text)],
    )
    result = import_events(tracked, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert result == ImportResult(1, 0, d(1, 9), "backup", 0, False, (0, 0, 0, 0))
    # The backup's start is in force afterwards, not the one the first
    # `csm today` on this machine recorded.
    assert [s.start for s in tracked.starts()] == [d(1, 9), d(1), d(1, 9)]
    assert history(tracked).start == d(1, 9)


def test_a_backup_with_the_rules_seen_now_adds_no_revision(log: SqliteStore) -> None:
    brought = [RevisionRecord("r1", d(1, 9), at(1, 9, 9), OBSERVED.text)]
    source = Source(
        [event(MONITOR, d(2, 10), (d(2, 10), d(2, 10)), uuid="a")],
        starts=[StartRecord("s1", d(1, 9), at(1, 9, 9))],
        revisions=brought,
    )
    result = import_events(log, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert result == ImportResult(1, 0, d(1, 9), "backup", 0, False, (0, 0, 0, 0))
    assert [r.uuid for r in log.revisions()] == ["r1"]


def test_into_a_log_with_its_own_history_only_events_are_added(busy: SqliteStore) -> None:
    rules = observe([MONITOR, REVIEW], WorkCalendar(), "UTC")
    source = Source(
        [
            event(MONITOR, d(30, 10), (d(30, 10), d(30, 10)), uuid="a"),
            event(MONITOR, d(29, 10), (d(29, 10), d(29, 10)), uuid="b", undone=at(30, 9, 10)),
            event(MONITOR, d(2), (d(2), d(2)), uuid="c"),
            event(MONITOR, d(1), (d(1), d(1)), uuid="d"),
        ],
        starts=[StartRecord("s1", d(1, 9), at(1, 9, 9))],
        revisions=[RevisionRecord("r1", d(1, 9), at(1, 9, 9), rules.text)],
    )
    result = import_events(busy, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert result == ImportResult(4, 0, d(1), "", 1, True, (0, 0, 0, 0))
    assert [s.start for s in busy.starts()] == [d(1)]
    assert [r.effective for r in busy.revisions()] == [d(1)]


def test_a_log_with_a_start_chosen_by_hand_is_not_empty(log: SqliteStore) -> None:
    load_history(log, OBSERVED, d(1), at(1))
    log.add_start(StartRecord("s2", d(3), at(2)))
    source = Source([event(MONITOR, d(2), (d(2), d(2)), uuid="a")])
    result = import_events(log, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert result == ImportResult(1, 0, d(3), "", 1, False, (0, 0, 0, 0))
    assert [s.start for s in log.starts()] == [d(1), d(3)]


def test_a_log_with_events_is_not_empty(busy: SqliteStore) -> None:
    tracked = busy
    source = Source(
        [event(MONITOR, d(2), (d(2), d(2)), uuid="a")],
        starts=[StartRecord("s1", d(1, 9), at(1, 9, 9))],
        revisions=[RevisionRecord("r1", d(1, 9), at(1, 9, 9), OBSERVED.text)],
    )
    result = import_events(tracked, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert result == ImportResult(1, 0, d(1), "", 0, True, (0, 0, 0, 0))
    assert [s.uuid for s in tracked.starts()] != ["s1"]


def test_an_event_in_a_period_the_rules_here_do_not_cut_is_refused(tracked: SqliteStore) -> None:
    source = Source(
        [
            event(MONITOR, d(2), (d(2), d(2)), uuid="a"),
            event(REVIEW, d(18), (d(15), d(21)), uuid="b"),
        ]
    )
    with pytest.raises(ImportFileError) as caught:
        import_events(tracked, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert caught.value.message == (
        "backup.json, line 2: review on 2026-11-18 is in the period 2026-11-15 to "
        "2026-11-21, but the rules in force here cut 2026-11-16 to 2026-11-22 for that day."
    )
    assert caught.value.hint == (
        "Nothing was imported. The file was made with other settings (week start, "
        "fiscal year) or checklists: make them the same here, or import a json backup "
        "into a new log."
    )
    assert tracked.count() == 0


def test_an_event_where_the_rules_here_cut_no_period_is_refused(tracked: SqliteStore) -> None:
    source = Source([event(COMING, d(18), (d(15), d(15)), uuid="a")])
    with pytest.raises(ImportFileError) as caught:
        import_events(tracked, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert caught.value.message == (
        "backup.json, line 1: coming on 2026-11-18 is in the period 2026-11-15 to "
        "2026-11-15, but the rules in force here cut no period for that day."
    )


def test_undone_events_and_unknown_items_are_kept_as_logged(busy: SqliteStore) -> None:
    stranger = MONITOR._replace(id="stranger")
    source = Source(
        [
            event(stranger, d(18), (d(15), d(21)), uuid="a"),
            event(REVIEW, d(18), (d(15), d(21)), uuid="b", undone=at(19)),
        ]
    )
    result = import_events(busy, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert result == ImportResult(2, 0, d(1), "", 0, False, (0, 0, 0, 0))


def test_a_backup_extra_is_checked_first_then_merged(
    tracked: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, list[Any], bool]] = []

    def merge_runs(runs: Any, steps: Any, *, dry_run: bool = False) -> tuple[int, int]:
        calls.append(("runs", list(runs) + list(steps), dry_run))
        return (1, 2)

    def merge_measures(records: Any, *, dry_run: bool = False) -> int:
        calls.append(("measures", list(records), dry_run))
        return 3

    monkeypatch.setattr(tracked, "merge_runs", merge_runs)
    monkeypatch.setattr(tracked, "merge_measures", merge_measures)
    from csm_checklist.rules import importcheck

    # The records themselves are importcheck's to judge (test_safety2_import.py).
    monkeypatch.setattr(importcheck, "check_extra", lambda *args: None)
    extra: dict[str, list[Any]] = {"runs": ["r"], "run_steps": ["s"], "measures": ["m"]}
    source = Source([event(MONITOR, d(2), (d(2), d(2)), uuid="a")], extra=extra)
    result = import_events(tracked, source, OBSERVED, d(20), at(20))  # type: ignore[arg-type]
    assert result.extra == (1, 2, 3, 0)
    checked = [("runs", ["r", "s"], True), ("measures", ["m"], True)]
    assert calls == [*checked, ("runs", ["r", "s"], False), ("measures", ["m"], False)]
    calls.clear()
    source = Source([event(MONITOR, d(3), (d(3), d(3)), uuid="b")], extra=extra)
    import_events(tracked, source, OBSERVED, d(20), at(20), dry_run=True)  # type: ignore[arg-type]
    assert calls == [*checked, *checked]


# the tracking start -------------------------------------------------------------


def test_expected_count(tracked: SqliteStore) -> None:
    found = history(tracked)
    # Daily: 15 workdays from Mon 2 to Fri 20; weekly: the weeks due on
    # Fridays 6, 13 and 20; policy (monthly, due Mon 30) and coming: none.
    assert expected_count(found, d(20)) == 18
    assert expected_count(found, d(19)) == 16
    assert expected_count(found.with_start(d(2)), d(6)) == 6


def test_move_start(tracked: SqliteStore) -> None:
    move = move_start(tracked, history(tracked), d(15), d(20), at(20))
    assert move == StartMove(d(1), d(15), 18, 6)
    assert [(s.start, s.recorded_at) for s in tracked.starts()] == [(d(1), at(1)), (d(15), at(20))]
    back = move_start(tracked, history(tracked), d(20), d(20), at(20, 11))
    assert back == StartMove(d(15), d(20), 6, 2)


def test_move_start_refuses_the_future_and_the_distant_past(tracked: SqliteStore) -> None:
    with pytest.raises(BadInput) as caught:
        move_start(tracked, history(tracked), d(21), d(20), at(20))
    assert caught.value.message == "DATE 2026-11-21 is in the future."
    with pytest.raises(BadInput) as caught:
        move_start(tracked, history(tracked), date(1899, 12, 31), d(20), at(20))
    assert caught.value.message == "1899-12-31 is too far back to start tracking."
    assert caught.value.hint == "Give the day you began keeping this checklist."
    assert len(tracked.starts()) == 1
    move = move_start(tracked, history(tracked), date(1900, 1, 1), d(20), at(20))
    assert move.after == date(1900, 1, 1)
