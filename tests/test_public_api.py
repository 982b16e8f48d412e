"""What a Python script can import to log work and read an agenda or a report
without typer: the README's example runs as written, and the names it and
the store interface promise are there."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from csm_checklist.duties.config import resolve_paths
from csm_checklist.store import open_store
from csm_checklist.store.interface import Store
from csm_checklist.store.records import StartRecord
from csm_checklist.store.sqlite import SqliteStore

README = Path(__file__).resolve().parents[1] / "README.md"


def _example() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"runs this example\):\n\n```python\n(.*?)```", text, re.DOTALL)
    assert found, "the README's Python example is gone"
    return found.group(1)


def test_the_readme_example_runs_without_typer_or_rich(data_dir: Path) -> None:
    code = _example() + (
        "import sys\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'click', 'rich'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=dict(os.environ), capture_output=True, text=True
    )
    assert done.stderr == ""
    assert done.stdout == (
        "[('monitor-accounts', 'done'), ('daily-engagement', 'due')]\n"
        "1 done of 4 expected this month\n"
        "[]\n"
    )
    # What the script logged is in the manager's own log, as `csm log` shows it.
    with SqliteStore.open(data_dir / "log.sqlite3") as log:
        (event,) = log.events()
    assert (event.item_id, event.by, event.note) == ("monitor-accounts", "Mona", "calm")


def test_open_store_gives_the_sqlite_store_of_the_data_folder(data_dir: Path) -> None:
    moment = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
    with open_store(resolve_paths()) as store:
        assert isinstance(store, SqliteStore)
        assert store.add_start(StartRecord("s-1", date(2026, 11, 2), moment))
        assert store.starts() == [StartRecord("s-1", date(2026, 11, 2), moment)]
    assert (data_dir / "log.sqlite3").is_file()


def test_the_sqlite_store_provides_every_method_of_the_interface() -> None:
    wanted = {
        name
        for name, value in vars(Store).items()
        if callable(value) and (not name.startswith("_") or name in ("__enter__", "__exit__"))
    }
    assert len(wanted) > 30  # the interface was read
    missing = {name for name in wanted if not callable(getattr(SqliteStore, name, None))}
    assert missing == set()


def test_the_run_and_measure_records_can_be_imported_from_records_too() -> None:
    from csm_checklist.store import measure_records, records, run_records

    for name in ("RunRecord", "StepEvent"):
        assert getattr(records, name) is getattr(run_records, name)
    for name in ("MeasureRecord", "MeasureValue"):
        assert getattr(records, name) is getattr(measure_records, name)
    with pytest.raises(AttributeError):
        records.Nothing  # noqa: B018
