"""A corrected note as it stood: `--as-logged` before the correction shows
the note as it read then, and a json backup carries the corrections so that
`csm log --history` survives a restore on a new laptop. The clock is moved
with time-machine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine

from bidi import unmarked
from clihelp import run


@contextmanager
def at(moment: str) -> Iterator[None]:
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


@pytest.fixture(autouse=True)
def _corrected_at_three(config_dir: Path) -> None:
    """Tuesday 24 November 2026: logged at 09:00 with a note, corrected at 15:00."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    with at("2026-11-24T09:00"):
        ok("done", "monitor-accounts", "--note", "2 escalations")
    with at("2026-11-24T15:00"):
        uuid = json.loads(ok("log", "--json"))["events"][0]["uuid"]
        ok("note", uuid[:8], "3 escalations", "--by", "Omar")


def _note(*args: str) -> str:
    (event,) = json.loads(ok("log", "--json", *args))["events"]
    return str(event["note"])


def test_log_as_logged_before_the_correction_shows_the_old_note() -> None:
    with at("2026-11-24T16:00"):
        assert _note("--as-logged", "2026-11-24T10:00") == "2 escalations"
        assert _note("--as-logged", "2026-11-24T15:00") == "3 escalations"
        assert _note() == "3 escalations"
        plain = ok("log", "--as-logged", "2026-11-24T10:00")
        history = json.loads(ok("log", "--history", "--as-logged", "2026-11-24T10:00", "--json"))
        later = json.loads(ok("log", "--history", "--as-logged", "2026-11-24T16:00", "--json"))
    assert "2 escalations" in plain and "3 escalations" not in plain
    assert history["note_changes"] == []
    assert [(c["old_note"], c["new_note"]) for c in later["note_changes"]] == [
        ("2 escalations", "3 escalations")
    ]


def test_today_and_report_as_logged_show_the_note_as_it_read() -> None:
    with at("2026-11-24T16:00"):
        (item,) = [
            i
            for i in json.loads(ok("today", "--as-logged", "2026-11-24T10:00", "--json"))["items"]
            if i["id"] == "monitor-accounts"
        ]
        report = ok("report", "--period", "week", "--as-logged", "2026-11-24T10:00")
        now = ok("report", "--period", "week")
    assert item["note"] == "2 escalations"
    assert "Mona: 2 escalations" in report and "3 escalations" not in report
    assert "Mona: 3 escalations" in now


def test_a_json_backup_carries_the_corrections_to_a_new_laptop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "backup.json"
    with at("2026-11-24T16:00"):
        ok("export", "--format", "json", "-o", str(backup))
        before = json.loads(ok("log", "--history", "--json"))["note_changes"]
    assert json.loads(backup.read_text(encoding="utf-8"))["note_changes"] == [
        {
            "event": before[0]["uuid"],
            "old_note": "2 escalations",
            "new_note": "3 escalations",
            "changed_at": "2026-11-24T15:00:00+00:00",
            "by": "Omar",
            "host": before[0]["host"],
        }
    ]
    monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "new-laptop"))
    with at("2026-11-25T09:00"):
        first = ok("import", str(backup))
        again = ok("import", str(backup))
        after = json.loads(ok("log", "--history", "--json"))["note_changes"]
        old = _note("--as-logged", "2026-11-24T10:00")
        plain = ok("log", "--history").splitlines()
    assert first.splitlines()[:1] == ["Added 1 event; 0 were already present."]
    assert "Added 1 note correction (csm log --history shows it)." in first.splitlines()
    assert again.splitlines()[0] == "Added 0 events; 1 was already present."
    assert "note correction" not in again
    assert after == before
    assert old == "2 escalations"
    assert plain[2].endswith("3 escalations (was: 2 escalations)")


def test_a_dry_run_says_what_it_would_add_and_adds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "backup.json"
    with at("2026-11-24T16:00"):
        ok("export", "--format", "json", "-o", str(backup))
    monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "new-laptop"))
    with at("2026-11-25T09:00"):
        out = ok("import", str(backup), "--dry-run")
        ok("config", "set", "lang", "ar")
        arabic = unmarked(ok("import", str(backup), "--dry-run"))
    assert "Would add 1 note correction." in out.splitlines()
    assert "سيُضاف تصحيح ملاحظة واحد." in arabic.splitlines()
    assert not (tmp_path / "new-laptop" / "log.sqlite3").exists()


def test_a_malformed_correction_is_refused_and_nothing_is_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "backup.json"
    with at("2026-11-24T16:00"):
        ok("export", "--format", "json", "-o", str(backup))
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["note_changes"][0]["changed_at"] = "yesterday"
    backup.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "new-laptop"))
    with at("2026-11-25T09:00"):
        result = run("import", str(backup))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: A note correction record is malformed: {")
    assert result.stderr.endswith(
        "Hint: Nothing was imported. Each note correction has event, old_note, new_note, "
        "changed_at (with its UTC offset), by and host.\n"
    )
