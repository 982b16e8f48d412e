"""`csm export` and `csm import`: round trips, files, and files export never wrote."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from csm_checklist.exchange.formats import FIELDS
from csm_checklist.store.sqlite import SqliteStore

from clihelp import read as run
from clihelp import track_from

NOTES = [
    'مراجعة الأداء: "ممتاز", بلا مشاكل',
    'two escalations, one "urgent"\nand a second line',
    "emoji 👍🏽 and a | pipe",
    "",
]


EVENTS_ADOPTED = "This log was empty: it now tracks from 2025-11-17, the earliest day imported.\n"
BACKUP_ADOPTED = "This log was empty: it now tracks from 2025-11-01, as the backup did.\n"


@pytest.fixture(autouse=True)
def manager(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: منى\n", encoding="utf-8")


def seed(config_dir: Path) -> None:
    """Events with awkward text, an Arabic title, a skip and an undone event."""
    track_from("2025-11-01")
    assert run("done", "monitor-accounts", "--on", "2025-11-17", "--note", NOTES[0]).exit_code == 0
    run("done", "team-meeting", "--on", "2025-11-18", "--note", NOTES[1])
    run("skip", "campaign-prep", "--on", "2025-11-19", "--reason", NOTES[2])
    (config_dir / "config.yaml").write_text("user: منى\nlang: ar\n", encoding="utf-8")
    run("done", "monthly-report", "--on", "2025-11-20", "--note", NOTES[3])
    run("done", "daily-engagement", "--on", "2025-11-20")
    run("undo", "daily-engagement")
    (config_dir / "config.yaml").write_text("user: منى\n", encoding="utf-8")


def log_count(data_dir: Path) -> int:
    if not (data_dir / "log.sqlite3").exists():
        return 0
    with SqliteStore.open(data_dir / "log.sqlite3") as log:
        return log.count()


def use_data_dir(monkeypatch: pytest.MonkeyPatch, path: Path) -> Path:
    monkeypatch.setenv("CSM_DATA_DIR", str(path))
    return path


@pytest.mark.parametrize("kind", ["csv", "json", "jsonl"])
def test_round_trip_is_byte_identical(
    kind: str, tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(config_dir)
    first = tmp_path / f"first.{kind}"
    result = run("export", "--format", kind, "--include-undone", "-o", str(first))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Exported 5 events to {first}.\n"

    fresh = use_data_dir(monkeypatch, tmp_path / "elsewhere")
    result = run("import", str(first))
    assert result.exit_code == 0, result.stderr
    adopted = BACKUP_ADOPTED if kind == "json" else EVENTS_ADOPTED
    assert result.stdout == "Added 5 events; 0 were already present.\n" + adopted
    assert log_count(fresh) == 5

    second = tmp_path / f"second.{kind}"
    run("export", "--format", kind, "--include-undone", "-o", str(second))
    assert second.read_bytes() == first.read_bytes()

    notes = {row["note"] for row in _records(first, kind)}
    assert set(NOTES) <= notes


def _records(path: Path, kind: str) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    if kind == "csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    if kind == "json":
        return list(json.loads(text)["events"])
    return [json.loads(line) for line in text.splitlines()]


def test_every_format_imports_to_the_same_log(
    tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(config_dir)
    for kind in ("csv", "json", "jsonl"):
        run("export", "-f", kind, "--include-undone", "-o", str(tmp_path / f"all.{kind}"))
    original = run("export", "--include-undone").stdout
    for kind in ("csv", "json", "jsonl"):
        use_data_dir(monkeypatch, tmp_path / f"from-{kind}")
        assert run("import", str(tmp_path / f"all.{kind}")).exit_code == 0
        assert run("export", "--include-undone").stdout == original


def test_csv_to_stdout(config_dir: Path) -> None:
    seed(config_dir)
    result = run("export")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0] == list(FIELDS)
    assert [row[1] for row in rows[1:]] == [
        "monitor-accounts",
        "team-meeting",
        "campaign-prep",
        "monthly-report",
    ]  # oldest first; the undone event left out
    assert rows[2][10] == NOTES[1]
    assert rows[1][9] == "منى"
    assert all(row[11] == "" for row in rows[1:])


def test_real_stdout_gets_utf8_crlf_and_the_bom(config_dir: Path) -> None:
    # CliRunner folds CRLF into LF, so look at the bytes a real process writes,
    # with a locale that could not encode Arabic.
    seed(config_dir)
    env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
    command = [sys.executable, "-m", "csm_checklist", "export", "--bom"]
    done = subprocess.run(command, capture_output=True, env=env, check=True, timeout=60)
    assert done.stdout.startswith(b"\xef\xbb\xbfuuid,item_id,")
    assert done.stdout.endswith(b"\r\n")
    assert done.stdout.count(b"\r\n") == 1 + 4  # the header and 4 rows
    assert b'"urgent""\nand a second line"' in done.stdout  # a note's own LF is kept
    assert "منى".encode() in done.stdout


def test_include_undone(config_dir: Path) -> None:
    seed(config_dir)
    rows = list(csv.DictReader(io.StringIO(run("export", "--include-undone").stdout)))
    assert [row["item_id"] for row in rows][-1] == "daily-engagement"
    assert rows[-1]["undone_at"] != ""


def test_export_since_until(config_dir: Path) -> None:
    seed(config_dir)
    result = run("export", "-f", "jsonl", "--since", "2025-11-18", "--until", "2025-11-19")
    assert [json.loads(line)["item_id"] for line in result.stdout.splitlines()] == [
        "team-meeting",
        "campaign-prep",
    ]
    bad = run("export", "--since", "2025-11-31")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: --since '2025-11-31' is not a date")


def test_json_document(config_dir: Path) -> None:
    seed(config_dir)
    document = json.loads(run("export", "--format", "json").stdout)
    assert [e["item_id"] for e in document["events"]] == [
        "monitor-accounts",
        "team-meeting",
        "campaign-prep",
        "monthly-report",
    ]
    assert document["events"][0]["undone_at"] is None


def test_empty_exports() -> None:
    assert run("export").stdout == ",".join(FIELDS) + "\n"  # CliRunner shows CRLF as LF
    backup = json.loads(run("export", "-f", "json").stdout)
    assert backup["events"] == []
    assert backup["csm_backup"] == 1
    assert run("export", "-f", "jsonl").stdout == ""


def test_markdown(config_dir: Path) -> None:
    seed(config_dir)
    lines = run("export", "-f", "md").stdout.splitlines()
    assert lines[0] == "| " + " | ".join(FIELDS) + " |"
    assert len(lines) == 2 + 4 + 2
    assert lines[-2] == ""
    assert lines[-1].startswith("Log chain: link 6, head ")  # 5 entries, an undo
    assert 'one "urgent"<br>and a second line' in lines[3]
    assert "emoji 👍🏽 and a \\| pipe" in lines[4]


def test_bom(tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed(config_dir)
    target = tmp_path / "for-excel.csv"
    run("export", "--bom", "-o", str(target))
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfuuid,item_id,")
    assert data.count(b"\xef\xbb\xbf") == 1
    assert run("export", "--bom").stdout.startswith("\ufeffuuid,")
    use_data_dir(monkeypatch, tmp_path / "other")
    assert run("import", str(target)).stdout == (
        "Added 4 events; 0 were already present.\n" + EVENTS_ADOPTED
    )


def test_output_file_is_replaced_atomically(tmp_path: Path, config_dir: Path) -> None:
    seed(config_dir)
    target = tmp_path / "out" / "events.csv"
    target.parent.mkdir()
    target.write_text("an older export\n")
    result = run("export", "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("uuid,")
    assert sorted(p.name for p in target.parent.iterdir()) == ["events.csv"]


def test_a_failed_export_leaves_the_old_file(
    tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(config_dir)
    target = tmp_path / "events.csv"
    target.write_text("an older export\n")

    def failing(self: SqliteStore, **_: object) -> object:
        yield [("row",) * len(FIELDS)]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(SqliteStore, "export_batches", failing)
    result = run("export", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: Cannot write {target}: No space left on device.\n")
    assert target.read_text() == "an older export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["events.csv"]


def test_an_unknown_format() -> None:
    result = run("export", "--format", "xlsx")
    assert result.exit_code == 2


# import ------------------------------------------------------------------------


def test_import_twice_adds_nothing(
    tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(config_dir)
    file = tmp_path / "events.jsonl"
    run("export", "-f", "jsonl", "-o", str(file))
    assert run("import", str(file)).stdout == "Added 0 events; 4 were already present.\n"
    data = use_data_dir(monkeypatch, tmp_path / "other")
    dry = run("import", str(file), "--dry-run")
    assert dry.exit_code == 0
    assert dry.stdout == (
        "Would add 4 events; 0 were already present.\n"
        "This log is empty: it would track from 2025-11-17, the earliest day imported.\n"
    )
    assert log_count(data) == 0
    assert run("import", str(file)).stdout == (
        "Added 4 events; 0 were already present.\n" + EVENTS_ADOPTED
    )
    assert run("import", str(file)).stdout == "Added 0 events; 4 were already present.\n"
    assert log_count(data) == 4


def test_the_format_is_read_from_the_content(
    tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(config_dir)
    for kind in ("csv", "json", "jsonl"):
        run("export", "-f", kind, "-o", str(tmp_path / f"{kind}.txt"))
    for kind in ("csv", "json", "jsonl"):
        use_data_dir(monkeypatch, tmp_path / f"into-{kind}")
        result = run("import", str(tmp_path / f"{kind}.txt"))
        adopted = BACKUP_ADOPTED if kind == "json" else EVENTS_ADOPTED
        assert result.stdout == "Added 4 events; 0 were already present.\n" + adopted, kind


def _exported(tmp_path: Path, config_dir: Path, kind: str) -> Path:
    seed(config_dir)
    path = tmp_path / f"events.{kind}"
    run("export", "-f", kind, "-o", str(path))
    return path


def _refused(path: Path, data_dir: Path, message: str) -> None:
    before = log_count(data_dir)
    result = run("import", path.name)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"Error: {message}"
    assert result.stderr.splitlines()[1].startswith("Hint: ")
    assert log_count(data_dir) == before


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_import_truncated_json(in_tmp: Path, config_dir: Path, data_dir: Path) -> None:
    path = _exported(in_tmp, config_dir, "json")
    path.write_bytes(path.read_bytes()[:-200])
    before = log_count(data_dir)
    result = run("import", path.name)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: events.json is not valid JSON: ")
    assert log_count(data_dir) == before


def test_import_a_missing_field(
    in_tmp: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _exported(in_tmp, config_dir, "jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[2])
    del record["period_end"]
    lines[2] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Lines 1 and 2 are good, but nothing is kept when line 3 is bad.
    fresh = use_data_dir(monkeypatch, in_tmp / "fresh")
    _refused(path, fresh, "events.jsonl, line 3: field 'period_end' is missing.")


def test_import_a_bad_date_in_csv(
    in_tmp: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _exported(in_tmp, config_dir, "csv")
    # Line 1 is the header; the second event's note spans lines 3-4; the third starts on 5.
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    rows[3][7] = "2025-02-30"
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    fresh = use_data_dir(monkeypatch, in_tmp / "fresh")
    _refused(path, fresh, "events.csv, line 5: field 'for_date': '2025-02-30' is not a date.")


def test_import_an_unknown_kind(
    in_tmp: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _exported(in_tmp, config_dir, "json")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["events"][1]["kind"] = "maybe"
    path.write_text(json.dumps(document), encoding="utf-8")
    fresh = use_data_dir(monkeypatch, in_tmp / "fresh")
    _refused(path, fresh, "events.json, events[1]: field 'kind': 'maybe' is not done or skip.")


def test_import_a_known_uuid_with_different_content(
    in_tmp: Path, config_dir: Path, data_dir: Path
) -> None:
    path = _exported(in_tmp, config_dir, "jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    record["note"] = "rewritten"
    new = {**json.loads(lines[0]), "uuid": "00000000-0000-4000-8000-000000000001"}
    path.write_text(
        json.dumps(new) + "\n" + json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    _refused(
        path,
        data_dir,
        f"Event {record['uuid']} is already in the log with a different 'note': "
        f"{NOTES[1]!r} here, 'rewritten' in the file.",
    )


def test_import_a_duplicate_uuid_within_one_file(
    in_tmp: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _exported(in_tmp, config_dir, "jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    twin = {**json.loads(lines[0]), "note": "a different note"}
    path.write_text("\n".join([*lines, json.dumps(twin)]) + "\n", encoding="utf-8")
    fresh = use_data_dir(monkeypatch, in_tmp / "fresh")
    before = log_count(fresh)
    result = run("import", path.name)
    assert result.exit_code == 2
    assert "is already in the log with a different 'note'" in result.stderr
    assert log_count(fresh) == before


def test_import_a_missing_file(in_tmp: Path, data_dir: Path) -> None:
    result = run("import", "nope.csv")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: nope.csv does not exist.\n")
    assert not (data_dir / "log.sqlite3").exists()


def test_import_a_foreign_csv(in_tmp: Path, data_dir: Path) -> None:
    (in_tmp / "contacts.csv").write_text("name,phone\nMona,1\n", encoding="utf-8")
    _refused(
        in_tmp / "contacts.csv",
        data_dir,
        "contacts.csv, line 1: the header is not that of a csm export.",
    )


def test_export_and_import_speak_arabic(
    tmp_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(config_dir)
    (config_dir / "config.yaml").write_text("user: منى\nlang: ar\n", encoding="utf-8")
    target = tmp_path / "log.jsonl"
    assert run("export", "-f", "jsonl", "-o", str(target)).stdout == (
        f"عدد التسجيلات المصدّرة: 4، إلى {target}.\n"
    )
    use_data_dir(monkeypatch, tmp_path / "other")
    assert run("import", str(target)).stdout == (
        "أُضيف: 4؛ وكان موجودًا من قبل: 0.\n"
        "كان هذا السجل فارغًا: تبدأ المتابعة الآن في 2025-11-17، أقدم يوم في الملف.\n"
    )
