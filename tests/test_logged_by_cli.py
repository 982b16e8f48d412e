"""Logged by and done by on a personal log: `--by` sets who did it, the `user`
setting is who logged it; `log`, `report`, exports and the json backup carry
both, and `log --by` and reports go by who did it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from clihelp import run_on


@pytest.fixture(autouse=True)
def mona(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    assert run_on("2026-11-01", "history", "start", "2026-11-01").exit_code == 0
    # Mona logs her own monitoring, and Ali's weekly meeting for him.
    done = run_on("2026-11-16", "done", "monitor-accounts", "--on", "2026-11-16", "--note", "calm")
    assert done.exit_code == 0, done.stderr
    for_ali = run_on(
        "2026-11-17", "done", "team-meeting", "--on", "2026-11-17", "--by", "Ali", "--note", "1:1s"
    )
    assert for_ali.exit_code == 0, for_ali.stderr


def _log_json(*args: str) -> list[dict[str, object]]:
    result = run_on("2026-11-20", "log", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout)["events"])


def test_log_json_carries_both_and_by_means_done_by() -> None:
    assert [(e["item_id"], e["by"], e["logged_by"]) for e in _log_json()] == [
        ("team-meeting", "Ali", "Mona"),
        ("monitor-accounts", "Mona", "Mona"),
    ]
    assert [e["item_id"] for e in _log_json("--by", "ali")] == ["team-meeting"]
    assert [e["item_id"] for e in _log_json("--by", "Mona")] == ["monitor-accounts"]


def test_the_log_shows_logged_by_beside_by() -> None:
    result = run_on("2026-11-20", "log")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("for         kind  item              title")
    heads = lines[0]
    by, logged_by = heads.index(" by "), heads.index("logged by")
    assert by < logged_by
    assert [line[by + 1 : logged_by].strip() for line in lines[1:]] == ["Ali", "Mona"]
    assert [line[logged_by:].split()[0] for line in lines[1:]] == ["Mona", "Mona"]


def test_reports_name_who_did_it_and_who_logged_it_for_them() -> None:
    args = ("report", "--period", "month", "--on", "2026-11-20")
    text = run_on("2026-11-20", *args).stdout
    assert "  2026-11-17  team-meeting  Ali (logged by Mona): 1:1s" in text.splitlines()
    assert "  2026-11-16  monitor-accounts  Mona: calm" in text.splitlines()
    md = run_on("2026-11-20", *args, "--format", "md").stdout.splitlines()
    at = md.index("| Date | Item | Note | By | Logged by |")
    assert md[at + 1 : at + 4] == [
        "|---|---|---|---|---|",
        "| 2026-11-16 | Monitor the accounts | calm | Mona | Mona |",
        "| 2026-11-17 | Team meeting | 1:1s | Ali | Mona |",
    ]
    doc = json.loads(run_on("2026-11-20", *args, "--format", "json").stdout)
    assert [(n["id"], n["by"], n["logged_by"]) for n in doc["notes"]] == [
        ("monitor-accounts", "Mona", "Mona"),
        ("team-meeting", "Ali", "Mona"),
    ]
    meeting = [o for o in doc["outcomes"] if o["id"] == "team-meeting" and "by" in o]
    assert [(o["by"], o["logged_by"]) for o in meeting] == [("Ali", "Mona")]
    # A report narrowed to a person counts what they did, not what they logged.
    ali = json.loads(run_on("2026-11-20", *args, "--format", "json", "--by", "Ali").stdout)
    assert [o["id"] for o in ali["outcomes"]] == ["team-meeting"]


@pytest.mark.parametrize("kind", ["csv", "json", "jsonl"])
def test_exports_carry_both_and_restore_them(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / f"first.{kind}"
    assert run_on("2026-11-20", "export", "-f", kind, "-o", str(first)).exit_code == 0
    assert ",logged_by" in first.read_text(encoding="utf-8") or '"logged_by": "Mona"' in (
        first.read_text(encoding="utf-8")
    )
    before = _log_json()
    monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "elsewhere"))
    assert run_on("2026-11-20", "import", str(first)).exit_code == 0
    assert _log_json() == before


def test_an_export_from_before_logged_by_restores_as_logged_by_who_did_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "old.jsonl"
    assert run_on("2026-11-20", "export", "-f", "jsonl", "-o", str(old)).exit_code == 0
    records = [json.loads(line) for line in old.read_text(encoding="utf-8").splitlines()]
    for record in records:
        del record["logged_by"]
    old.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "elsewhere"))
    assert run_on("2026-11-20", "import", str(old)).exit_code == 0
    assert [(e["by"], e["logged_by"]) for e in _log_json()] == [("Ali", "Ali"), ("Mona", "Mona")]


def test_importing_another_copy_of_an_entry_keeps_who_logged_it_here(
    tmp_path: Path, data_dir: Path
) -> None:
    # The same entries, logged by someone else in the file (as after a trip
    # through the team's record): not a conflict; the log keeps its own.
    copy = tmp_path / "copy.jsonl"
    assert run_on("2026-11-20", "export", "-f", "jsonl", "-o", str(copy)).exit_code == 0
    copy.write_text(
        copy.read_text(encoding="utf-8").replace('"logged_by": "Mona"', '"logged_by": "mona"'),
        encoding="utf-8",
    )
    result = run_on("2026-11-20", "import", str(copy))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Added 0 events; 2 were already present.\n"
    assert {e["logged_by"] for e in _log_json()} == {"Mona"}
    db = sqlite3.connect(data_dir / "log.sqlite3")
    rows = db.execute("SELECT item_id, done_by, logged_by FROM events ORDER BY id").fetchall()
    db.close()
    assert rows == [("monitor-accounts", "Mona", "Mona"), ("team-meeting", "Ali", "Mona")]
