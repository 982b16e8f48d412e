"""What import accepts and refuses, edge by edge: the bounds of a period, JSON
lines that are not objects, and the messages that name the record."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from csm_checklist.errors import ImportFileError
from csm_checklist.exchange import formats
from csm_checklist.exchange.formats import FIELDS, event_row, parse_record, read_events
from csm_checklist.store.records import Event
from test_formats import EVENT, UNDONE, write

FIX_HINT = "Nothing was imported. Fix that record and run the import again."


def record(**changes: object) -> dict[str, object]:
    return {**formats.event_record(EVENT), **changes}


def refused(path: Path, name: str | None = None) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        list(read_events(path, name=name))
    assert caught.value.exit_code == 2
    return caught.value


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# The event's week is 2026-11-23 to 2026-11-29.
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"for_date": "2026-11-22"},
            "field 'for_date': '2026-11-22' is outside the period 2026-11-23 to 2026-11-29.",
        ),
        (
            {"for_date": "2026-11-30"},
            "field 'for_date': '2026-11-30' is outside the period 2026-11-23 to 2026-11-29.",
        ),
        (
            {"period_start": "2026-11-25"},
            "field 'for_date': '2026-11-24' is outside the period 2026-11-25 to 2026-11-29.",
        ),
        (
            {"period_end": "2026-11-22"},
            "field 'period_end': '2026-11-22' is before period_start '2026-11-23'.",
        ),
        (
            {"period_start": "2026-11-30"},
            "field 'period_end': '2026-11-29' is before period_start '2026-11-30'.",
        ),
    ],
)
def test_the_edges_of_the_period_are_checked(changes: dict[str, str], message: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_record(record(**changes), "events.jsonl, line 1")
    assert caught.value.message == f"events.jsonl, line 1: {message}"
    assert caught.value.hint == FIX_HINT


@pytest.mark.parametrize(
    ("start", "end", "for_date"),
    [
        ("2026-11-24", "2026-11-24", "2026-11-24"),  # a one-day period
        ("2026-11-24", "2026-11-29", "2026-11-24"),  # the first day
        ("2026-11-23", "2026-11-24", "2026-11-24"),  # the last day
    ],
)
def test_a_date_on_the_edge_of_the_period_is_inside(start: str, end: str, for_date: str) -> None:
    event = parse_record(
        record(period_start=start, period_end=end, for_date=for_date), "events.jsonl, line 1"
    )
    assert (event.period_start, event.period_end, event.for_date) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
        date.fromisoformat(for_date),
    )


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("[1, 2]", "a list"),
        ("42", "a number"),
        ('"done"', "a string"),
        ("null", "null"),
        ("true", "true"),
    ],
)
def test_jsonl_lines_that_are_not_objects(tmp_path: Path, line: str, shown: str) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(jsonl(formats.event_record(EVENT)) + "\n" + line + "\n", encoding="utf-8")
    error = refused(path, "events.jsonl")
    assert error.message == "events.jsonl, line 3: not a JSON object.", shown
    assert error.hint == FIX_HINT


def test_a_jsonl_line_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(jsonl(formats.event_record(EVENT)) + "{broken\n", encoding="utf-8")
    error = refused(path, "events.jsonl")
    assert error.message == (
        "events.jsonl, line 2: not a JSON object "
        "(Expecting property name enclosed in double quotes: line 1 column 2 (char 1))."
    )
    assert error.hint == FIX_HINT


def test_jsonl_skips_blank_lines_and_keeps_the_order(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(
        "\n" + jsonl(formats.event_record(UNDONE)) + "  \n" + jsonl(formats.event_record(EVENT)),
        encoding="utf-8",
    )
    assert list(read_events(path)) == [UNDONE, EVENT]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"events": [1]}, "events.json, events[0]: not a JSON object."),
        (
            {"events": [formats.event_record(EVENT), None]},
            "events.json, events[1]: not a JSON object.",
        ),
        (
            {"events": [formats.event_record(EVENT), "x"]},
            "events.json, events[1]: not a JSON object.",
        ),
        ({"events": {}}, 'events.json is not a csm export: expected {"events": [...]}.'),
        # A one-line object without "events" is read as jsonl.
        ({"items": []}, "events.json, line 1: field 'items' is not an event field."),
        ({"events": None}, 'events.json is not a csm export: expected {"events": [...]}.'),
    ],
)
def test_json_documents_that_are_not_an_export(
    tmp_path: Path, document: object, message: str
) -> None:
    path = tmp_path / "events.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    error = refused(path, "events.json")
    assert error.message == message
    assert error.hint == FIX_HINT


def test_a_json_list_of_events_is_read(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text(
        json.dumps([formats.event_record(EVENT), formats.event_record(UNDONE)]), encoding="utf-8"
    )
    assert list(read_events(path)) == [EVENT, UNDONE]


def test_truncated_json_names_the_place(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text('{"events": [\n{"uuid": "x",\n', encoding="utf-8")
    error = refused(path, "events.json")
    assert error.message == (
        "events.json is not valid JSON: Expecting property name enclosed in double quotes "
        "at line 3, column 1."
    )
    assert error.hint == "Is the file complete? Export it again with `csm export --format json`."


def test_messages_name_the_path_when_no_name_is_given(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(jsonl(formats.event_record(EVENT)) + "[]\n", encoding="utf-8")
    assert refused(path).message == f"{path}, line 2: not a JSON object."
    assert refused(tmp_path / "nope.csv").message == f"{tmp_path / 'nope.csv'} does not exist."


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    missing = refused(tmp_path / "nope.csv", "nope.csv")
    assert missing.message == "nope.csv does not exist."
    assert missing.hint == "Check the path; `csm export -o FILE` writes one."
    folder = refused(tmp_path, "exports")
    assert folder.message == "exports is a folder, not a file."
    assert folder.hint == FIX_HINT


def test_a_path_through_a_file_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    error = refused(tmp_path / "file" / "events.csv", "file/events.csv")
    assert error.message == "Cannot read file/events.csv: Not a directory."
    assert error.hint == "Check the file's permissions."


def test_not_utf8_has_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_bytes(b"\xff\xfe{}\n")
    error = refused(path, "events.jsonl")
    assert error.message == "events.jsonl is not UTF-8 text."
    assert error.hint == ("Save it as UTF-8 (CSV UTF-8 in spreadsheet programs) and import again.")


def test_leading_blank_lines_do_not_hide_the_format(tmp_path: Path) -> None:
    path = tmp_path / "events.txt"
    path.write_text("\n  \n" + write("json", [EVENT]), encoding="utf-8")
    assert list(read_events(path)) == [EVENT]
    path.write_text("\n\n" + write("jsonl", [EVENT]), encoding="utf-8")
    assert list(read_events(path)) == [EVENT]


def test_csv_skips_blank_lines_and_counts_them(tmp_path: Path) -> None:
    text = write("csv", [UNDONE]).replace("\r\n", "\r\n\r\n", 1)
    bad = write("csv", [UNDONE]).split("\r\n")[1].replace(",skip,", ",maybe,")
    path = tmp_path / "events.csv"
    path.write_text(text + "\r\n" + bad + "\r\n", encoding="utf-8", newline="")
    error = refused(path, "events.csv")
    # header, blank, the good record, blank, the bad one on line 5
    assert error.message == "events.csv, line 5: field 'kind': 'maybe' is not done or skip."


def test_csv_with_only_a_header_holds_no_events(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(",".join(FIELDS) + "\r\n", encoding="utf-8")
    assert list(read_events(path)) == []


def test_csv_foreign_header_hint(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("name,phone\r\n", encoding="utf-8")
    error = refused(path, "contacts.csv")
    assert error.hint == "The first line must be: " + ",".join(FIELDS)


def test_csv_row_without_host_under_a_full_header(tmp_path: Path) -> None:
    row = write("csv", [EVENT]).split("\r\n", 1)[1].rsplit(",", 1)[0]
    path = tmp_path / "events.csv"
    path.write_text(",".join(FIELDS) + "\r\n" + row + "\r\n", encoding="utf-8", newline="")
    error = refused(path, "events.csv")
    assert error.message == "events.csv, line 2: 13 fields where the header has 14."


def test_csv_that_is_not_valid_csv(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    good = write("csv", [UNDONE])
    path.write_text(good + 'a,"b"c\r\n', encoding="utf-8", newline="")
    error = refused(path, "events.csv")
    assert error.message == ("events.csv, line 3: not valid CSV (',' expected after '\"').")
    assert error.hint == FIX_HINT


def test_csv_header_that_is_not_valid_csv(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text('uuid,"a"b\r\n', encoding="utf-8", newline="")
    assert refused(path, "events.csv").message == (
        "events.csv, line 1: not valid CSV (',' expected after '\"')."
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"uuid": "   "}, "field 'uuid' is empty."),
        ({"title": " \t"}, "field 'title' is empty."),
        ({"item_id": None}, "field 'item_id': None is not text."),
        ({"by": ["Mona"]}, "field 'by': ['Mona'] is not text."),
        ({"for_date": "2026-11-24\n"}, "field 'for_date': '2026-11-24\\n' is not a date."),
        ({"for_date": "2026-1-24"}, "field 'for_date': '2026-1-24' is not a date."),
        ({"period_start": 20261123}, "field 'period_start': 20261123 is not text."),
        ({"host": 7}, "field 'host': 7 is not text."),
        ({"undone_at": 7}, "field 'undone_at': 7 is not text."),
        (
            {"logged_at": "nonsense"},
            "field 'logged_at': 'nonsense' is not a timestamp with a UTC offset.",
        ),
        ({"kind": "Done"}, "field 'kind': 'Done' is not done or skip."),
        ({"cadence": 1}, "field 'cadence': 1 is not text."),
        ({"kind": 1}, "field 'kind': 1 is not text."),
        ({"period_end": 1}, "field 'period_end': 1 is not text."),
        ({"logged_at": 1}, "field 'logged_at': 1 is not text."),
    ],
)
def test_more_bad_fields(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_record(record(**changes), "x, line 9")
    assert caught.value.message == f"x, line 9: {message}"


def test_the_first_unknown_and_the_first_missing_field_are_named() -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_record({**record(), "colour": 1, "size": 2}, "x")
    assert caught.value.message == "x: field 'colour' is not an event field."
    partial = {k: v for k, v in record().items() if k not in ("title", "note")}
    with pytest.raises(ImportFileError) as caught:
        parse_record(partial, "x")
    assert caught.value.message == "x: field 'title' is missing."


def test_a_long_value_is_shortened_in_the_message() -> None:
    long = "x" * 100
    with pytest.raises(ImportFileError) as caught:
        parse_record(record(kind=long), "x")
    shown = repr(long)[:57] + "..."
    assert caught.value.message == f"x: field 'kind': {shown} is not done or skip."
    assert len(shown) == 60


@pytest.mark.parametrize(("length", "cut"), [(58, False), (59, True)])
def test_a_value_is_shortened_only_past_sixty_characters(length: int, cut: bool) -> None:
    value = "y" * length  # its repr is two characters longer
    with pytest.raises(ImportFileError) as caught:
        parse_record(record(kind=value), "x")
    shown = repr(value)[:57] + "..." if cut else repr(value)
    assert caught.value.message == f"x: field 'kind': {shown} is not done or skip."


def test_a_record_is_read_field_by_field() -> None:
    raw = record(
        uuid=EVENT.uuid.upper(),
        kind="skip",
        undone_at="2026-11-24T10:00:00+03:00",
        host=None,
    )
    event = parse_record(raw, "x")
    assert event == Event(
        **{
            **EVENT._asdict(),
            "kind": "skip",
            "host": "",
            "undone_at": UNDONE.undone_at,
        }
    )
    # The uuid is stored in its canonical lower-case form.
    assert event.uuid == EVENT.uuid


@pytest.mark.parametrize("undone", [None, ""])
def test_an_active_event_has_no_undone_time(undone: str | None) -> None:
    assert parse_record(record(undone_at=undone), "x").undone_at is None


def test_without_host_the_host_is_empty() -> None:
    raw = record()
    del raw["host"]
    assert parse_record(raw, "x").host == ""


@pytest.mark.parametrize("missing", [True, False])
def test_without_logged_by_it_was_logged_by_who_did_it(missing: bool) -> None:
    raw = record(logged_by=None, by="Sara")
    if missing:
        del raw["logged_by"]
    assert parse_record(raw, "x").logged_by == "Sara"
    assert parse_record(record(logged_by=""), "x").logged_by == ""  # as written


def test_a_logged_by_that_is_not_text_is_refused() -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_record(record(logged_by=7), "events.json[0]")
    assert caught.value.message == "events.json[0]: field 'logged_by': 7 is not text."


def test_event_record_is_the_export_row_by_name() -> None:
    assert formats.event_record(UNDONE) == {
        "uuid": "1c8f4f9f-5e8f-4d66-8b54-2d3e4f5a6b7c",
        "item_id": "team-meeting",
        "title": "اجتماعات الفريق",
        "cadence": "weekly",
        "kind": "skip",
        "period_start": "2026-11-23",
        "period_end": "2026-11-29",
        "for_date": "2026-11-24",
        "logged_at": "2026-11-24T09:30:00+03:00",
        "by": "Mona",
        "note": "",
        "undone_at": "2026-11-24T10:00:00+03:00",
        "host": "desk-1",
        "logged_by": "ali",
    }
    assert formats.event_record(EVENT)["undone_at"] is None


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        ("", ""),
        ("plain", "plain"),
        ("a|b", "a\\|b"),
        ("a\r\nb", "a<br>b"),
        ("a\nb", "a<br>b"),
        ("a\rb", "a<br>b"),
        ("a\r\n\r\nb|", "a<br><br>b\\|"),
    ],
)
def test_markdown_cells(value: str | None, cell: str) -> None:
    assert formats._md_cell(value) == cell


def test_markdown_table_across_batches() -> None:
    out = io.StringIO()
    row = event_row(UNDONE)
    assert formats.write_markdown([[row], [], [row, row]], out) == 3
    line = "| " + " | ".join(v or "" for v in row) + " |"
    assert out.getvalue().splitlines() == [
        "| " + " | ".join(FIELDS) + " |",
        "|" + " --- |" * len(FIELDS),
        line,
        line,
        line,
    ]
    assert out.getvalue().endswith(" |\n")


def test_an_empty_markdown_table_has_its_header() -> None:
    out = io.StringIO()
    assert formats.write_markdown([], out) == 0
    assert out.getvalue() == "| " + " | ".join(FIELDS) + " |\n|" + " --- |" * len(FIELDS) + "\n"


def test_jsonl_and_csv_counts_skip_empty_batches() -> None:
    row = event_row(EVENT)
    for kind in ("jsonl", "csv"):
        out = io.StringIO()
        assert formats.WRITERS[kind]([[], [row], [], [row, row]], out) == 3
    out = io.StringIO()
    formats.write_jsonl([[], [row]], out)
    assert out.getvalue().count("\n") == 1
