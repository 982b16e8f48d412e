"""`csm note EVENT TEXT`: a note corrected after the fact, the old one kept."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from csm_checklist.store.records import Event
from csm_checklist.store.sqlite import SqliteStore
from csm_checklist.store.sqlite_migrations import MIGRATIONS

from clihelp import run, track_from

TUESDAY = "2026-11-24"


@pytest.fixture(autouse=True)
def manager(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    track_from("2026-11-01")


def _ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _logged() -> tuple[str, str]:
    """One done with a note; returns its uuid and its short id."""
    _ok("done", "monitor-accounts", "--on", TUESDAY, "--note", "2 escalations")
    (event,) = json.loads(_ok("log", "--json"))["events"]
    return event["uuid"], event["uuid"][:8]


def _row(stdout: str) -> dict[str, str]:
    header, *rows = stdout.splitlines()
    starts = [header.index(name) for name in header.split()]
    cells = [rows[0][a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
    return dict(zip(header.split(), cells, strict=True))


def test_log_shows_the_id_note_takes() -> None:
    uuid, short = _logged()
    row = _row(_ok("log"))
    assert row["id"] == short == uuid[:8]
    assert row["note"] == "2 escalations"


def test_a_corrected_note_is_the_note_everywhere(data_dir: Path) -> None:
    uuid, short = _logged()
    result = run("note", short, "3 escalations")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Note of the done of Monitor the accounts (monitor-accounts) for 2026-11-24: "
        "'3 escalations' (was '2 escalations').\n"
    )
    assert _row(_ok("log"))["note"] == "3 escalations"
    (exported,) = json.loads(_ok("export", "--format", "json"))["events"]
    assert exported["uuid"] == uuid and exported["note"] == "3 escalations"
    report = _ok("report", "--period", "week", "--on", TUESDAY)
    assert "Mona: 3 escalations" in report and "2 escalations" not in report
    with SqliteStore.open(data_dir / "log.sqlite3") as log:
        assert log.count() == 1  # corrected, not logged again


def test_history_shows_every_correction_under_its_event() -> None:
    uuid, short = _logged()
    _ok("note", uuid, "3 escalations", "--by", "Omar")
    _ok("note", short.upper(), "")
    plain = _ok("log", "--history").splitlines()
    assert [line.split()[1] for line in plain[1:]] == ["done", "note", "note"]
    assert plain[2].endswith("3 escalations (was: 2 escalations)")
    assert " Omar " in plain[2]
    assert plain[3].endswith("(none) (was: 3 escalations)")
    assert len(_ok("log").splitlines()) == 2  # without --history: the event alone
    document = json.loads(_ok("log", "--history", "--json"))
    assert [(c["old_note"], c["new_note"], c["by"]) for c in document["note_changes"]] == [
        ("2 escalations", "3 escalations", "Omar"),
        ("3 escalations", "", "Mona"),
    ]
    assert {c["uuid"] for c in document["note_changes"]} == {uuid}
    assert "note_changes" not in json.loads(_ok("log", "--json"))


def test_history_includes_undone_events() -> None:
    _logged()
    _ok("undo")
    assert _ok("log") == "No events.\n"
    assert "done (undone)" in _ok("log", "--history")


def test_the_same_note_changes_nothing(data_dir: Path) -> None:
    _, short = _logged()
    result = run("note", short, "2 escalations")
    assert result.exit_code == 0
    assert result.stdout.startswith("Unchanged: the note of the done of Monitor the accounts")
    assert "note" not in [line.split()[1] for line in _ok("log", "--history").splitlines()[1:]]


@pytest.mark.parametrize(
    ("event", "code", "start"),
    [
        ("12345", 2, "Error: '12345' is not an event id: give its uuid or at least its first 6"),
        ("zzzzzzzz", 2, "Error: 'zzzzzzzz' is not an event id"),
        ("ffffffff", 1, "Error: No event has an id starting with ffffffff."),
    ],
)
def test_a_bad_or_unknown_id_changes_nothing(event: str, code: int, start: str) -> None:
    _logged()
    result = run("note", event, "new")
    assert result.exit_code == code
    assert result.stderr.startswith(start)
    assert _row(_ok("log"))["note"] == "2 escalations"


def _event(uuid: str) -> Event:
    moment = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)
    return Event(
        uuid=uuid,
        item_id="team-meeting",
        title="Team meeting",
        cadence="weekly",
        kind="done",
        period_start=date(2026, 11, 23),
        period_end=date(2026, 11, 29),
        for_date=date(2026, 11, 24),
        logged_at=moment,
        by="Mona",
        note="n",
        host="desk",
    )


def test_an_id_two_events_share_is_refused(data_dir: Path) -> None:
    with SqliteStore.open(data_dir / "log.sqlite3") as log:
        log.merge(
            [
                _event("abcdef01-0000-4000-8000-000000000001"),
                _event("abcdef02-0000-4000-8000-000000000002"),
            ]
        )
    result = run("note", "abcdef", "x")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: Several events have an id starting with abcdef: "
        "abcdef01-0000-4000-8000-000000000001, abcdef02-0000-4000-8000-000000000002.\n"
    )
    assert _ok("note", "abcdef02", "x").startswith("Note of the done of Team meeting")


def test_importing_an_export_from_before_the_correction_keeps_it(tmp_path: Path) -> None:
    _, short = _logged()
    before = tmp_path / "before.jsonl"
    _ok("export", "--format", "jsonl", "-o", str(before))
    _ok("note", short, "3 escalations")
    assert _ok("import", str(before)) == "Added 0 events; 1 was already present.\n"
    assert _row(_ok("log"))["note"] == "3 escalations"


def test_importing_a_note_corrected_elsewhere_says_how_to_settle_it(tmp_path: Path) -> None:
    _, short = _logged()
    other = tmp_path / "other.jsonl"
    _ok("export", "--format", "jsonl", "-o", str(other))
    record = json.loads(other.read_text(encoding="utf-8"))
    record["note"] = "4 escalations"
    other.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = run("import", str(other))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Hint: Nothing was imported. Its note was corrected on one machine only: give it the "
        f'note you want here with `csm note {short} "..."`, then import again.\n'
    )
    _ok("note", short, "4 escalations")
    assert _ok("import", str(other)) == "Added 0 events; 1 was already present.\n"


def test_the_note_changes_table_comes_from_a_named_migration(data_dir: Path) -> None:
    assert "create_note_changes" in [name for name, _ in MIGRATIONS]
    _logged()
    db = sqlite3.connect(data_dir / "log.sqlite3")
    columns = [row[1] for row in db.execute("PRAGMA table_info(note_changes)")]
    db.close()
    assert columns == [
        "id",
        "event_uuid",
        "old_note",
        "new_note",
        "changed_at",
        "changed_at_utc",
        "changed_by",
        "host",
    ]
