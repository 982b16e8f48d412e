"""A json backup whose entries had their notes corrected, brought into a
team's record: the entries and their notes' history arrive together."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import time_machine

from clihelp import run


@pytest.fixture(autouse=True)
def frozen() -> Any:
    with time_machine.travel("2026-11-20 17:00:00+00:00", tick=False):
        yield


def test_a_backup_with_a_corrected_note_comes_into_the_team_record(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert run("history", "start", "2026-11-01").exit_code == 0
    assert (
        run("done", "monitor-accounts", "--on", "2026-11-16", "--note", "2 escalations").exit_code
        == 0
    )
    event = json.loads(run("log", "--json").stdout)["events"][0]["uuid"]
    assert run("note", event[:8], "3 escalations").exit_code == 0
    backup = tmp_path / "backup.json"
    assert run("export", "--format", "json", "-o", str(backup)).exit_code == 0

    monkeypatch.setenv("CSM_STORE", team.url("mona"))
    dry = run("import", str(backup), "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert dry.stdout.endswith("Would add 1 note correction.\n")
    assert run("log", "--json").stdout.count('"uuid"') == 0  # the dry run kept nothing
    done = run("import", str(backup))
    assert done.exit_code == 0, done.stderr
    assert done.stdout.endswith("Added 1 note correction (csm log --history shows it).\n")
    history = run("log", "--history")
    assert history.exit_code == 0, history.stderr
    assert "3 escalations" in history.stdout and "2 escalations" in history.stdout
    assert run("verify").exit_code == 0
