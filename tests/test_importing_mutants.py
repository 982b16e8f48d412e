"""`import_file`, exactly: into a log that exists, and into none yet, where
a failed or dry import must leave no log behind, from a file or standard
input, with the file's own name in every message."""

from __future__ import annotations

import io
import json
import sys
import uuid as uuidlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from csm_checklist.dates.schedule import Recurrence, WorkCalendar
from csm_checklist.duties.catalog import Item, Text
from csm_checklist.duties.config import Paths
from csm_checklist.errors import ImportFileError
from csm_checklist.exchange.formats import backup_header, event_record
from csm_checklist.exchange.importing import import_file
from csm_checklist.rules.history import observe
from csm_checklist.rules.work import ImportResult
from csm_checklist.store.records import Event, RevisionRecord, StartRecord
from csm_checklist.store.sqlite import SqliteStore

UTC = timezone.utc
MONITOR = Item(
    "monitor",
    Text("Monitor accounts", "مراقبة"),
    None,
    "ops",
    Recurrence("daily"),
    (),
    True,
    Path("checklist.yaml"),
    1,
)
OBSERVED = observe([MONITOR], WorkCalendar(), "UTC")
TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 9, tzinfo=UTC)
UUIDS = [str(uuidlib.UUID(int=n)) for n in range(1, 4)]


def event(day: int, uuid: str) -> Event:
    when = date(2026, 11, day)
    return Event(
        uuid, "monitor", "Monitor accounts", "daily", "done", when, when, when,
        datetime(2026, 11, day, 9, tzinfo=UTC), "Mona", "", "elsewhere",
    )  # fmt: skip


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    mine = tmp_path / "mine"
    return Paths(mine / "config", mine / "data", mine / "cache")


def jsonl(path: Path, *events: Event) -> Path:
    path.write_text("".join(json.dumps(event_record(e)) + "\n" for e in events), encoding="utf-8")
    return path


def count(paths: Paths) -> int:
    log = SqliteStore.open(paths.log_file)
    try:
        return log.count()
    finally:
        log.close()


def test_into_no_log_a_dry_run_leaves_nothing_behind(paths: Paths, tmp_path: Path) -> None:
    source = jsonl(tmp_path / "events.jsonl", event(12, UUIDS[0]), event(5, UUIDS[1]))
    result = import_file(paths, source, OBSERVED, TODAY, NOW, dry_run=True)
    assert result == ImportResult(2, 0, date(2026, 11, 5), "events", 0, False)
    assert not paths.data_dir.exists()
    assert not paths.cache_dir.exists()
    assert source.exists()


def test_into_no_log_an_import_makes_it(paths: Paths, tmp_path: Path) -> None:
    source = jsonl(tmp_path / "events.jsonl", event(12, UUIDS[0]), event(5, UUIDS[1]))
    result = import_file(paths, source, OBSERVED, TODAY, NOW)
    assert result == ImportResult(2, 0, date(2026, 11, 5), "events", 0, False)
    assert count(paths) == 2
    assert source.exists()
    # Again, into the log that now exists: nothing new.
    again = import_file(paths, source, OBSERVED, TODAY, NOW)
    assert again == ImportResult(0, 2, date(2026, 11, 5), "", 0, False)


def test_into_a_log_a_dry_run_writes_nothing(paths: Paths, tmp_path: Path) -> None:
    jsonl(tmp_path / "first.jsonl", event(5, UUIDS[0]))
    import_file(paths, tmp_path / "first.jsonl", OBSERVED, TODAY, NOW)
    source = jsonl(tmp_path / "events.jsonl", event(12, UUIDS[1]))
    result = import_file(paths, source, OBSERVED, TODAY, NOW, dry_run=True)
    assert result == ImportResult(1, 0, date(2026, 11, 5), "", 0, False)
    assert count(paths) == 1
    assert import_file(paths, source, OBSERVED, TODAY, NOW).added == 1
    assert count(paths) == 2


def test_a_bad_file_names_itself_and_leaves_no_log(paths: Paths, tmp_path: Path) -> None:
    source = tmp_path / "events.jsonl"
    source.write_text('{"uuid": 1}\n', encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        import_file(paths, source, OBSERVED, TODAY, NOW)
    assert caught.value.message.params["where"].params == {  # type: ignore[attr-defined]
        "source": str(source),
        "line": 1,
    }
    assert not paths.data_dir.exists()


def test_a_missing_file_is_named_as_typed(paths: Paths, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as caught:
        import_file(paths, "nowhere.jsonl", OBSERVED, TODAY, NOW)
    assert caught.value.message.id == "errors.import_missing"  # type: ignore[attr-defined]
    assert caught.value.message.params == {"name": "nowhere.jsonl"}  # type: ignore[attr-defined]
    assert not paths.data_dir.exists()


class Stdin(io.TextIOWrapper):
    pass


def test_standard_input_is_read_once_and_stays_open(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = "".join(json.dumps(event_record(event(d, u))) + "\n" for d, u in ((5, UUIDS[0]),))
    stdin = Stdin(io.BytesIO(data.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert import_file(paths, "-", OBSERVED, TODAY, NOW).added == 1
    assert not stdin.buffer.closed
    assert count(paths) == 1


def backup(path: Path, measure: str) -> Path:
    start = StartRecord("s1", date(2026, 11, 1), NOW)
    revision = RevisionRecord("r1", date(2026, 11, 1), NOW, OBSERVED.text)
    document: dict[str, Any] = backup_header([start], [revision])
    document["events"] = [event_record(event(5, UUIDS[0]))]
    document["measures"] = [{"event": UUIDS[0], "measure": measure, "value": 3, "unit": ""}]
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("log_first", [False, True])
def test_only_declared_measures_are_imported(paths: Paths, tmp_path: Path, log_first: bool) -> None:
    if log_first:
        SqliteStore.open(paths.log_file).close()
    source = backup(tmp_path / "backup.json", "csat")
    with pytest.raises(ImportFileError) as caught:
        import_file(paths, source, OBSERVED, TODAY, NOW, declared={"monitor": ["calls"]})
    assert "csat" in str(caught.value.message)
    assert paths.log_file.exists() is log_first
    result = import_file(paths, source, OBSERVED, TODAY, NOW, declared={"monitor": ["csat"]})
    assert (result.added, result.extra) == (1, (0, 0, 1, 0))


def test_the_source_is_closed_once_copied(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csm_checklist.exchange import importing

    opened: list[Any] = []
    real = importing.open_source

    def remembered(source: Path | str, name: str) -> Any:
        opened.append(real(source, name))
        return opened[-1]

    monkeypatch.setattr(importing, "open_source", remembered)
    source = jsonl(tmp_path / "events.jsonl", event(5, UUIDS[0]))
    assert import_file(paths, source, OBSERVED, TODAY, NOW, dry_run=True).added == 1
    assert len(opened) == 1 and opened[0].closed


def test_rules_changed_since_the_log_began_are_recorded_today(paths: Paths, tmp_path: Path) -> None:
    import_file(paths, jsonl(tmp_path / "first.jsonl", event(5, UUIDS[0])), OBSERVED, TODAY, NOW)
    review = MONITOR._replace(id="review", title=Text("Review", "مراجعة"))
    more = observe([MONITOR, review], WorkCalendar(), "UTC")
    later = date(2026, 11, 21)
    source = jsonl(tmp_path / "events.jsonl", event(12, UUIDS[1]))
    import_file(paths, source, more, later, NOW + timedelta(days=1))
    log = SqliteStore.open(paths.log_file)
    try:
        assert [r.effective for r in log.revisions()] == [TODAY, later]
    finally:
        log.close()
