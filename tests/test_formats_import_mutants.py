"""The reading side of the formats, exactly, for what the format tests
leave open: a json backup's tracking starts, revisions and extra records,
every problem noted when reading goes on, standard input and what is not a
file, and each refusal's message id, parameters and hint."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from csm_checklist.dates.schedule import WorkCalendar
from csm_checklist.errors import ImportFileError
from csm_checklist.exchange import formats
from csm_checklist.exchange.formats import (
    REQUIRED,
    ImportSource,
    detect_format,
    open_source,
    parse_record,
    read_events,
    restore_cell,
)
from csm_checklist.reading import NotAFile
from csm_checklist.rules.history import observe
from csm_checklist.store.records import RevisionRecord, StartRecord
from test_formats import EVENT, UNDONE

FIX = "errors.import_fix_hint"
RULES = observe([], WorkCalendar(), "UTC").text
AT = "2026-11-01T09:00:00+03:00"


def record(**changes: object) -> dict[str, object]:
    return {**formats.event_record(EVENT), **changes}


def ids(error: ImportFileError) -> tuple[Any, ...]:
    message, hint = error.message, error.hint
    return message.id, message.params, hint.id, hint.params  # type: ignore[union-attr]


def inner(error: ImportFileError) -> tuple[Any, ...]:
    """The problem inside `errors.in_record`, and where it is."""
    message = error.message
    assert message.id == "errors.in_record"  # type: ignore[attr-defined]
    assert error.hint.id == FIX  # type: ignore[union-attr]
    found, where = message.params["message"], message.params["where"]  # type: ignore[attr-defined]
    return str(where), found.id, found.params


def refused(path: Path | str, name: str | None = None) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        list(read_events(path, name))
    return caught.value


def document(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "csm_backup": 1,
        "starts": [{"uuid": "s1", "start": "2026-11-01", "recorded_at": AT}],
        "revisions": [
            {"uuid": "r1", "effective": "2026-11-01", "recorded_at": AT, "rules": json.loads(RULES)}
        ],
        "events": [formats.event_record(EVENT)],
    }
    doc.update(changes)
    return doc


def source_of(tmp_path: Path, doc: Any) -> ImportSource:
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return ImportSource(path, "backup.json")


def csv_text(*rows: Any) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row.values() if isinstance(row, dict) else row)
    return out.getvalue()


def read(source: ImportSource) -> list[tuple[str, Any]]:
    return [(str(where), event) for where, event in source.records()]


# A json backup --------------------------------------------------------------------


def test_a_backup_brings_its_starts_revisions_and_extra_records(tmp_path: Path) -> None:
    runs = [{"uuid": "x"}]
    source = source_of(tmp_path, document(runs=runs, measures=[], note_changes=[{"a": 1}]))
    assert source.has_extra() is False
    assert read(source) == [("backup.json, events[0]", EVENT)]
    moment = datetime(2026, 11, 1, 9, tzinfo=timezone(timedelta(hours=3)))
    assert source.starts == [StartRecord("s1", date(2026, 11, 1), moment)]
    rules = json.dumps(json.loads(RULES), ensure_ascii=False, separators=(",", ":"))
    assert source.revisions == [RevisionRecord("r1", date(2026, 11, 1), moment, rules)]
    assert source.extra == {
        "runs": runs,
        "run_steps": [],
        "measures": [],
        "note_changes": [{"a": 1}],
        "assignments": [],
    }
    assert source.has_extra() is True


def test_an_export_that_is_no_backup_brings_nothing_else(tmp_path: Path) -> None:
    source = source_of(tmp_path, {"events": [formats.event_record(EVENT)], "runs": "x"})
    assert len(read(source)) == 1
    assert (source.starts, source.revisions, source.extra) == ([], [], {})
    assert source.has_extra() is False
    assert list(source.backup_runs()) == []
    assert list(source.backup_steps()) == []
    assert list(source.backup_measures()) == []
    assert list(source.backup_note_changes()) == []


def test_the_backups_extra_records_are_read_from_it(tmp_path: Path) -> None:
    measure = {"event": EVENT.uuid, "measure": "csat", "value": 4.5, "unit": "/5"}
    source = source_of(tmp_path, document(measures=[measure], note_changes=[{"x": 1}]))
    read(source)
    assert [(m.event_uuid, m.measure_id, m.value, m.unit) for m in source.backup_measures()] == [
        (EVENT.uuid, "csat", 4.5, "/5")
    ]
    with pytest.raises(ImportFileError):
        list(source.backup_note_changes())
    assert list(source.backup_runs()) == [] and list(source.backup_steps()) == []
    bad_measures = source_of(tmp_path, document(measures=[measure, {"event": "x"}]))
    read(bad_measures)
    with pytest.raises(ImportFileError):
        list(bad_measures.backup_measures())
    assert bad_measures.at == ["measures", 1]
    bad = source_of(tmp_path, document(runs=[{"uuid": "x"}]))
    read(bad)
    with pytest.raises(ImportFileError):
        list(bad.backup_runs())
    assert bad.at == ["runs", 0]
    bad_steps = source_of(tmp_path, document(run_steps=[{"uuid": "x"}]))
    read(bad_steps)
    with pytest.raises(ImportFileError):
        list(bad_steps.backup_steps())
    assert bad_steps.at == ["run_steps", 0]


@pytest.mark.parametrize("key", formats.EXTRA_KEYS)
@pytest.mark.parametrize("value", ["x", [1], [{}, []], {"a": 1}])
def test_extra_records_must_be_a_list_of_objects(tmp_path: Path, key: str, value: Any) -> None:
    with pytest.raises(ImportFileError) as caught:
        read(source_of(tmp_path, document(**{key: value})))
    assert ids(caught.value) == (
        "errors.import_not_objects",
        {"name": "backup.json", "key": key},
        FIX,
        {},
    )


def test_a_backup_of_an_unknown_version_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as caught:
        read(source_of(tmp_path, document(csm_backup=99)))
    assert caught.value.message.id == "errors.import_backup_version"  # type: ignore[attr-defined]
    assert caught.value.message.params == {"name": "backup.json", "value": "99"}  # type: ignore[attr-defined]


@pytest.mark.parametrize("key", ["starts", "revisions"])
@pytest.mark.parametrize("value", [None, {}, "x"])
def test_starts_and_revisions_must_be_lists(tmp_path: Path, key: str, value: Any) -> None:
    doc = document()
    if value is None:
        del doc[key]
    else:
        doc[key] = value
    with pytest.raises(ImportFileError) as caught:
        read(source_of(tmp_path, doc))
    assert inner(caught.value) == ("backup.json", "errors.import_not_list", {"key": key})


START = {"uuid": "s1", "start": "2026-11-01", "recorded_at": AT}


@pytest.mark.parametrize(
    ("start", "problem"),
    [
        ("x", ("errors.import_not_object", {})),
        ({"start": "2026-11-01", "recorded_at": AT}, ("errors.field_missing", {"name": "uuid"})),
        ({"uuid": "s", "recorded_at": AT}, ("errors.field_missing", {"name": "start"})),
        ({"uuid": "s", "start": "2026-11-01"}, ("errors.field_missing", {"name": "recorded_at"})),
        ({**START, "uuid": " "}, ("errors.field_empty", {"name": "uuid"})),
        (
            {**START, "start": "2026-13-01"},
            ("errors.field_not_date", {"name": "start", "value": "'2026-13-01'"}),
        ),
        (
            {**START, "recorded_at": "2026-11-01"},
            ("errors.field_not_timestamp", {"name": "recorded_at", "value": "'2026-11-01'"}),
        ),
        (
            {**START, "recorded_at": 5},
            ("errors.field_not_text", {"name": "recorded_at", "value": "5"}),
        ),
    ],
)
def test_each_start_is_checked(tmp_path: Path, start: Any, problem: tuple[str, Any]) -> None:
    with pytest.raises(ImportFileError) as caught:
        read(source_of(tmp_path, document(starts=[START, start])))
    assert inner(caught.value) == ("backup.json, starts[1]", *problem)


def revision(**changes: Any) -> dict[str, Any]:
    return {
        "uuid": "r",
        "effective": "2026-11-01",
        "recorded_at": AT,
        "rules": json.loads(RULES),
        **changes,
    }


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("x", ("errors.import_not_revision", {})),
        (revision(rules="x"), ("errors.import_not_revision", {})),
        (
            {"uuid": "r", "effective": "2026-11-01", "recorded_at": AT},
            ("errors.import_not_revision", {}),
        ),
        (
            {k: v for k, v in revision().items() if k != "uuid"},
            ("errors.field_missing", {"name": "uuid"}),
        ),
        (
            {k: v for k, v in revision().items() if k != "effective"},
            ("errors.field_missing", {"name": "effective"}),
        ),
        (
            {k: v for k, v in revision().items() if k != "recorded_at"},
            ("errors.field_missing", {"name": "recorded_at"}),
        ),
        (revision(uuid=""), ("errors.field_empty", {"name": "uuid"})),
        (revision(effective="1"), ("errors.field_not_date", {"name": "effective", "value": "'1'"})),
        (revision(recorded_at=5), ("errors.field_not_text", {"name": "recorded_at", "value": "5"})),
        (
            revision(recorded_at="x"),
            ("errors.field_not_timestamp", {"name": "recorded_at", "value": "'x'"}),
        ),
    ],
)
def test_each_revision_is_checked(tmp_path: Path, given: Any, problem: tuple[str, Any]) -> None:
    with pytest.raises(ImportFileError) as caught:
        read(source_of(tmp_path, document(revisions=[revision(), given])))
    assert inner(caught.value) == ("backup.json, revisions[1]", *problem)


@pytest.mark.parametrize("rules", [{}, {"items": "x"}, {"items": [1]}])
def test_rules_that_cannot_be_read_are_refused(tmp_path: Path, rules: Any) -> None:
    with pytest.raises(ImportFileError) as caught:
        read(source_of(tmp_path, document(revisions=[revision(rules=rules)])))
    where, problem, params = inner(caught.value)
    assert (where, problem) == ("backup.json, revisions[0]", "errors.import_rules_unreadable")
    assert set(params) == {"reason"} and params["reason"]


def test_revision_rules_are_kept_compact_and_as_written(tmp_path: Path) -> None:
    rules = json.loads(RULES)
    rules["timezone"] = "آسيا"
    source = source_of(tmp_path, document(revisions=[revision(rules=rules)]))
    read(source)
    assert source.revisions[0].rules == json.dumps(rules, ensure_ascii=False, separators=(",", ":"))
    assert "آسيا" in source.revisions[0].rules


# Reading goes on: every problem noted ---------------------------------------------------


def test_problems_are_noted_and_reading_goes_on_in_every_format(tmp_path: Path) -> None:
    good, other = formats.event_record(EVENT), formats.event_record(UNDONE)
    bad = {**good, "kind": "maybe"}
    files = {
        "a.jsonl": "".join(json.dumps(r) + "\n" for r in (bad, good, "x", other)),
        "a.json": json.dumps({"events": [bad, good, "x", other]}),
        "a.csv": csv_text(formats.FIELDS, bad, good, ["a", "b"], other),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        source = ImportSource(tmp_path / name, name)
        source.problems = []
        events = [event for _, event in source.records()]
        assert events == [EVENT, UNDONE], name
        assert [problem.params["message"].id for problem, _ in source.problems] == [
            "errors.field_not_kind",
            "errors.import_field_count" if name.endswith("csv") else "errors.import_not_object",
        ], name
        assert all(hint == formats._FIX_HINT for _, hint in source.problems)


def test_without_a_list_the_first_problem_is_raised(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record(kind="maybe")) + "\n" + json.dumps(record()) + "\n")
    assert inner(refused(path, "a.jsonl"))[:2] == ("a.jsonl, line 1", "errors.field_not_kind")


# Files, pipes and standard input --------------------------------------------------------


def test_a_source_is_named_as_typed_or_as_standard_input() -> None:
    assert ImportSource("x.csv").name == "x.csv"
    assert ImportSource(Path("x.csv")).name == "x.csv"
    assert ImportSource("x.csv", "other").name == "other"
    stdin = ImportSource("-")
    assert stdin.name.id == "errors.stdin_name"  # type: ignore[attr-defined]
    assert (stdin.path, stdin.starts, stdin.revisions, stdin.extra, stdin.problems, stdin.at) == (
        "-", [], [], {}, None, [],
    )  # fmt: skip


class Stdin(io.TextIOWrapper):
    pass


def test_standard_input_is_read_and_left_open(monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.dumps(formats.event_record(EVENT)) + "\n"
    stdin = Stdin(io.BytesIO(data.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert list(read_events("-")) == [EVENT]
    assert not stdin.buffer.closed


def test_standard_input_closed_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(ImportFileError) as caught:
        open_source("-", "stdin")
    assert ids(caught.value) == (
        "errors.import_no_stdin", {}, "errors.import_unreadable_hint", {},
    )  # fmt: skip


def test_standard_input_on_a_closed_descriptor(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken(io.BytesIO):
        def fileno(self) -> int:
            return 10_000  # no such descriptor: fstat fails

    class Text:
        buffer = Broken(b"")

    monkeypatch.setattr(sys, "stdin", Text())
    with pytest.raises(ImportFileError) as caught:
        open_source("-", "stdin")
    assert ids(caught.value) == (
        "errors.import_unreadable",
        {"name": "stdin", "reason": "Bad file descriptor"},
        "errors.import_unreadable_hint",
        {},
    )


def test_a_missing_file_a_folder_and_a_device(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as caught:
        open_source(tmp_path / "none.csv", "none.csv")
    assert ids(caught.value) == (
        "errors.import_missing", {"name": "none.csv"}, "errors.import_missing_hint", {},
    )  # fmt: skip
    with pytest.raises(ImportFileError) as caught:
        open_source(tmp_path, "here")
    assert ids(caught.value) == ("errors.import_folder", {"name": "here"}, FIX, {})
    with pytest.raises(NotAFile) as device:
        open_source("/dev/null", "null")
    assert device.value.message.params["path"] == "null"  # type: ignore[attr-defined]


def test_a_file_that_cannot_be_opened_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked.csv").write_text("x")

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ImportFileError) as caught:
        open_source(tmp_path / "locked.csv", "locked.csv")
    assert ids(caught.value) == (
        "errors.import_unreadable",
        {"name": "locked.csv", "reason": "Permission denied"},
        "errors.import_unreadable_hint",
        {},
    )


def test_a_path_through_a_file_and_a_file_that_cannot_be_opened(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ImportFileError) as caught:
        open_source(tmp_path / "file" / "x.csv", "x.csv")
    assert ids(caught.value) == (
        "errors.import_unreadable",
        {"name": "x.csv", "reason": "Not a directory"},
        "errors.import_unreadable_hint",
        {},
    )
    if os.geteuid() == 0:
        pytest.skip("root opens any file")
    (tmp_path / "locked.csv").write_text("x")
    (tmp_path / "locked.csv").chmod(0)
    with pytest.raises(ImportFileError) as caught:
        open_source(tmp_path / "locked.csv", "locked.csv")
    assert ids(caught.value)[:2] == (
        "errors.import_unreadable",
        {"name": "locked.csv", "reason": "Permission denied"},
    )


def test_a_pipe_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = (json.dumps(formats.event_record(EVENT)) + "\n").encode()

    def write() -> None:
        with open(fifo, "wb") as out:
            out.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        stream = open_source(fifo, "pipe")
        assert stream.read() == data
        stream.close()
    finally:
        writer.join(timeout=10)


def test_a_read_error_part_way_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Failing(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise OSError(5, "Input/output error")

        read1 = read

    monkeypatch.setattr(formats, "open_source", lambda path, name: Failing(b""))
    with pytest.raises(ImportFileError) as caught:
        list(read_events("x.csv"))
    assert ids(caught.value) == (
        "errors.import_unreadable",
        {"name": "x.csv", "reason": "Input/output error"},
        FIX,
        {},
    )


def test_the_source_is_closed_once_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[io.BytesIO] = []

    def source(path: Any, name: str) -> io.BytesIO:
        opened.append(io.BytesIO((json.dumps(formats.event_record(EVENT)) + "\n").encode()))
        return opened[-1]

    monkeypatch.setattr(formats, "open_source", source)
    assert list(read_events("x.jsonl")) == [EVENT]
    assert len(opened) == 1 and opened[0].closed


def test_markdown_and_blank_files(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("\n  \n| uuid | item_id |\n")
    assert ids(refused(path, "a.md")) == (
        "errors.import_markdown", {"name": "a.md"}, "errors.import_markdown_hint", {},
    )  # fmt: skip
    path.write_text("\n \n\n")
    assert list(read_events(path)) == []
    path.write_text("")
    assert list(read_events(path)) == []
    path.write_bytes(b"\n\xff\xfe\n")
    assert ids(refused(path, "a.md")) == (
        "errors.import_not_utf8", {"name": "a.md"}, "errors.import_not_utf8_hint", {},
    )  # fmt: skip


# Formats ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("  | uuid |", "md"),
        ("[", "json"),
        (" {", "json"),
        ('{"events": []}', "json"),
        ('{"a": 1}', "jsonl"),
        ("[1]", "json"),
        ('{"a": [' * 2000, "json"),
        ('{"a": ' + "[" * 100_000, "json"),  # too deep to read: a json document
        ('"{"', "csv"),
        ("uuid,item_id", "csv"),
    ],
)
def test_the_format_is_told_by_the_first_line(line: str, kind: str) -> None:
    assert detect_format(line) == kind


def test_a_jsonl_line_too_deep(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record()) + "\n" + "[" * 100_000 + "\n")
    assert inner(refused(path, "a.jsonl")) == ("a.jsonl, line 2", "errors.import_too_deep", {})


def test_a_json_document_too_deep(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    assert ids(refused(path, "a.json")) == (
        "errors.import_file_too_deep", {"name": "a.json"}, FIX, {},
    )  # fmt: skip


def test_a_json_document_that_is_not_an_export(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    for text in ('{"events": 3}', '{\n"other": []}', "[1"):
        path.write_text(text)
        error = refused(path, "a.json")
        if text == "[1":
            assert ids(error) == (
                "errors.import_not_json",
                {"name": "a.json", "reason": "Expecting ',' delimiter", "line": 1, "column": 3},
                "errors.import_not_json_hint",
                {},
            )
        else:
            assert ids(error) == ("errors.import_not_export", {"name": "a.json"}, FIX, {})


def test_a_jsonl_line_not_json_and_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record()) + "\n\n" + '{"a": \n')
    where, problem, params = inner(refused(path, "a.jsonl"))
    assert (where, problem) == ("a.jsonl, line 3", "errors.import_not_object_why")
    assert str(params["reason"]).startswith("Expecting value")
    path.write_text(json.dumps(record()) + "\n" + "[1]\n")
    assert inner(refused(path, "a.jsonl")) == ("a.jsonl, line 2", "errors.import_not_object", {})


def test_csv_header_row_and_field_count(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    row = list(formats.event_record(EVENT).values())[: len(REQUIRED)]  # an export of 0.1
    path.write_text(csv_text(REQUIRED, row))
    # An export without host and logged_by: logged by whoever did it.
    assert list(read_events(path)) == [EVENT._replace(host="", logged_by=EVENT.by)]
    path.write_text(csv_text([*REQUIRED, "host", "extra"], row))
    error = refused(path, "a.csv")
    assert ids(error) == (
        "errors.import_header",
        {"where": "a.csv, line 1"},
        "errors.import_header_hint",
        {"fields": ",".join(formats.FIELDS)},
    )
    assert error.message.params["where"].params == {"source": "a.csv", "line": 1}  # type: ignore[attr-defined]
    path.write_text(csv_text(REQUIRED, [], [*row, "x"]))
    assert inner(refused(path, "a.csv")) == (
        "a.csv, line 3", "errors.import_field_count", {"count": 13, "header": 12},
    )  # fmt: skip


def test_csv_that_breaks_names_the_line_it_broke_on(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    row = formats.event_record(EVENT)
    path.write_text(csv_text(formats.FIELDS, row, row) + '"a"b\r\n')
    where, problem, params = inner(refused(path, "a.csv"))
    assert (where, problem) == ("a.csv, line 6", "errors.import_not_csv")  # notes span two lines
    assert str(params["reason"]) == "',' expected after '\"'"
    path.write_text('"a"b,c\r\n')
    assert inner(refused(path, "a.csv"))[:2] == ("a.csv, line 1", "errors.import_not_csv")


@pytest.mark.parametrize(
    ("cell", "value"),
    [("'=1", "=1"), ("''x", "'x"), ("'x", "'x"), ("'", "'"), ("x'=", "x'="), ("", "")],
)
def test_a_neutral_cell_is_restored(cell: str, value: str) -> None:
    assert restore_cell(cell) == value


# Records -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"uuid": "not-a-uuid"}, ("errors.field_not_uuid", {"value": "'not-a-uuid'"})),
        (
            {"cadence": "hourly"},
            (
                "errors.field_not_cadence",
                {
                    "value": "'hourly'",
                    "cadences": "daily, weekly, monthly, quarterly, annual, rrule",
                },
            ),
        ),
        ({"kind": "Done"}, ("errors.field_not_kind", {"value": "'Done'"})),
        ({"item_id": " "}, ("errors.field_empty", {"name": "item_id"})),
        ({"title": ""}, ("errors.field_empty", {"name": "title"})),
        ({"by": 3}, ("errors.field_not_text", {"name": "by", "value": "3"})),
        ({"note": None}, ("errors.field_not_text", {"name": "note", "value": "None"})),
        ({"host": 1}, ("errors.field_not_text", {"name": "host", "value": "1"})),
        (
            {"for_date": "2026-11-24x"},
            ("errors.field_not_date", {"name": "for_date", "value": "'2026-11-24x'"}),
        ),
        (
            {"for_date": "20261124"},
            ("errors.field_not_date", {"name": "for_date", "value": "'20261124'"}),
        ),
        (
            {"logged_at": "2026-11-24T09:00:00"},
            ("errors.field_not_timestamp", {"name": "logged_at", "value": "'2026-11-24T09:00:00'"}),
        ),
        ({"undone_at": "x"}, ("errors.field_not_timestamp", {"name": "undone_at", "value": "'x'"})),
        ({"undone_at": 5}, ("errors.field_not_text", {"name": "undone_at", "value": "5"})),
    ],
)
def test_each_field_is_checked(changes: dict[str, object], problem: tuple[str, Any]) -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_record(record(**changes), "here")
    assert inner(caught.value) == ("here", *problem)


def test_dates_outside_what_csm_keeps() -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_record(
            record(period_start="0001-01-01", for_date="0001-01-01", period_end="0001-01-01"),
            "here",
        )
    where, problem, params = inner(caught.value)
    assert (where, problem) == ("here", "errors.field_out_of_range")
    assert params == {
        "name": "period_start",
        "value": "0001-01-01",
        "first": formats.FIRST_DAY,
        "last": formats.LAST_DAY,
    }
    first = formats.FIRST_DAY.isoformat()
    event = parse_record(record(period_start=first, for_date=first, period_end=first), "here")
    assert event.for_date == formats.FIRST_DAY
    last = formats.LAST_DAY.isoformat()
    event = parse_record(record(period_start=last, for_date=last, period_end=last), "here")
    assert event.period_end == formats.LAST_DAY


def test_a_uuid_is_kept_in_its_usual_form_and_a_skip_stays_a_skip() -> None:
    event = parse_record(record(uuid=EVENT.uuid.upper(), kind="skip"), "here")
    assert (event.uuid, event.kind) == (EVENT.uuid, "skip")
    assert parse_record(record(host=None), "here").host == ""
    assert parse_record(record(undone_at=""), "here").undone_at is None


def test_a_long_value_is_cut_at_sixty() -> None:
    assert formats._shown("a" * 58) == repr("a" * 58)
    assert formats._shown("a" * 59) == repr("a" * 57)[:57] + "..."
