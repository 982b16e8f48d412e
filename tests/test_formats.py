"""Writers and readers of csv, json, jsonl and Markdown exports."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csm_checklist.errors import ImportFileError
from csm_checklist.exchange import formats
from csm_checklist.exchange.formats import FIELDS, detect_format, event_row, read_events
from csm_checklist.store.records import Event

RIYADH = timezone(timedelta(hours=3))

EVENT = Event(
    uuid="0b7f3f8e-4d7e-4c55-9a43-1c2d3e4f5a6b",
    item_id="team-meeting",
    title="اجتماعات الفريق",
    cadence="weekly",
    kind="done",
    period_start=date(2026, 11, 23),
    period_end=date(2026, 11, 29),
    for_date=date(2026, 11, 24),
    logged_at=datetime(2026, 11, 24, 9, 30, tzinfo=RIYADH),
    by="Mona",
    note='2 escalations, one "urgent" | tricky\nsecond line 👍',
    host="desk-1",
    logged_by="ali",  # logged by Ali for Mona (`--by Mona`)
)
UNDONE = Event(
    **{
        **EVENT._asdict(),
        "uuid": "1c8f4f9f-5e8f-4d66-8b54-2d3e4f5a6b7c",
        "kind": "skip",
        "note": "",
        "undone_at": datetime(2026, 11, 24, 10, 0, tzinfo=RIYADH),
    }
)


def write(kind: str, events: list[Event]) -> str:
    out = io.StringIO(newline="")
    count = formats.WRITERS[kind]([[event_row(e) for e in events]], out)
    assert count == len(events)
    return out.getvalue()


def test_csv() -> None:
    assert write("csv", [EVENT, UNDONE]) == (
        "uuid,item_id,title,cadence,kind,period_start,period_end,for_date,logged_at,by,note,"
        "undone_at,host,logged_by\r\n"
        "0b7f3f8e-4d7e-4c55-9a43-1c2d3e4f5a6b,team-meeting,اجتماعات الفريق,weekly,done,"
        "2026-11-23,2026-11-29,2026-11-24,2026-11-24T09:30:00+03:00,Mona,"
        '"2 escalations, one ""urgent"" | tricky\nsecond line 👍",,desk-1,ali\r\n'
        "1c8f4f9f-5e8f-4d66-8b54-2d3e4f5a6b7c,team-meeting,اجتماعات الفريق,weekly,skip,"
        "2026-11-23,2026-11-29,2026-11-24,2026-11-24T09:30:00+03:00,Mona,,"
        "2026-11-24T10:00:00+03:00,desk-1,ali\r\n"
    )


def test_jsonl() -> None:
    lines = write("jsonl", [EVENT, UNDONE]).splitlines()
    assert [json.loads(line) for line in lines] == [
        formats.event_record(EVENT),
        formats.event_record(UNDONE),
    ]
    assert lines[0].startswith('{"uuid": "0b7f3f8e-4d7e-4c55-9a43-1c2d3e4f5a6b", "item_id": ')
    assert "اجتماعات الفريق" in lines[0]  # readable, not \u escapes
    assert json.loads(lines[1])["undone_at"] == "2026-11-24T10:00:00+03:00"
    assert json.loads(lines[0])["undone_at"] is None


def test_json_is_one_document_one_event_a_line() -> None:
    text = write("json", [EVENT, UNDONE])
    assert json.loads(text) == {
        "events": [formats.event_record(EVENT), formats.event_record(UNDONE)]
    }
    lines = text.splitlines()
    assert lines[0] == '{"events": ['
    assert lines[-1] == "]}"
    assert len(lines) == 4


def test_json_with_no_events() -> None:
    assert write("json", []) == '{"events": []}\n'
    assert write("jsonl", []) == ""


def test_json_across_batches() -> None:
    out = io.StringIO()
    rows = [event_row(EVENT), event_row(UNDONE)]
    assert formats.write_json([rows[:1], [], rows[1:]], out) == 2
    assert len(json.loads(out.getvalue())["events"]) == 2


def test_markdown_escapes_pipes_and_newlines() -> None:
    lines = write("md", [EVENT]).splitlines()
    assert lines[0] == "| " + " | ".join(FIELDS) + " |"
    assert lines[1] == "|" + " --- |" * len(FIELDS)
    assert len(lines) == 3
    assert '2 escalations, one "urgent" \\| tricky<br>second line 👍' in lines[2]
    assert lines[2].endswith(
        "| 2026-11-24T09:30:00+03:00 | Mona | "
        '2 escalations, one "urgent" \\| tricky<br>second line 👍 |  | desk-1 | ali |'
    )


@pytest.mark.parametrize("kind", ["csv", "json", "jsonl"])
def test_read_what_was_written(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"events.{kind}"
    path.write_text(write(kind, [EVENT, UNDONE]), encoding="utf-8", newline="")
    assert list(read_events(path)) == [EVENT, UNDONE]


@pytest.mark.parametrize("kind", ["csv", "json", "jsonl"])
def test_the_format_is_told_by_content_not_name(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "backup.txt"
    path.write_text(write(kind, [EVENT]), encoding="utf-8", newline="")
    assert list(read_events(path)) == [EVENT]


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(write("csv", [EVENT]), encoding="utf-8-sig", newline="")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert list(read_events(path)) == [EVENT]


def test_csv_without_the_host_column(tmp_path: Path) -> None:
    # Written before host and logged_by were kept: logged by whoever did it.
    text = (
        write("csv", [EVENT])
        .replace(",host,logged_by\r\n", "\r\n")
        .replace(",desk-1,ali\r\n", "\r\n")
    )
    path = tmp_path / "events.csv"
    path.write_text(text, encoding="utf-8", newline="")
    (event,) = read_events(path)
    assert event == Event(**{**EVENT._asdict(), "host": "", "logged_by": "Mona"})


@pytest.mark.parametrize("kind", ["csv", "json", "jsonl"])
def test_an_export_without_logged_by_reads_as_logged_by_who_did_it(
    tmp_path: Path, kind: str
) -> None:
    text = write(kind, [EVENT, UNDONE])
    if kind == "csv":
        text = text.replace(",logged_by\r\n", "\r\n").replace(",ali\r\n", "\r\n")
    else:
        text = text.replace(', "logged_by": "ali"}', "}")
    assert "ali" not in text
    path = tmp_path / f"events.{kind}"
    path.write_text(text, encoding="utf-8", newline="")
    assert list(read_events(path)) == [
        EVENT._replace(logged_by="Mona"),
        UNDONE._replace(logged_by="Mona"),
    ]


def test_an_empty_file_holds_no_events(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("")
    assert list(read_events(path)) == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ('{"events": [', "json"),
        ('{"events": []}', "json"),
        ("[", "json"),
        ('{"uuid": "x", "item_id": "y"}', "jsonl"),
        ('  {"uuid": "x"}\n', "jsonl"),
        ("uuid,item_id,title", "csv"),
        ("", "csv"),
    ],
)
def test_detect_format(line: str, kind: str) -> None:
    assert detect_format(line) == kind


def _record(**changes: object) -> dict[str, object]:
    record: dict[str, object] = dict(formats.event_record(EVENT))
    record.update(changes)
    return {k: v for k, v in record.items() if v is not _MISSING}


_MISSING = object()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"for_date": "2026-02-30"}, "field 'for_date': '2026-02-30' is not a date."),
        ({"for_date": "20261124"}, "field 'for_date': '20261124' is not a date."),
        ({"kind": "maybe"}, "field 'kind': 'maybe' is not done or skip."),
        ({"uuid": "not-a-uuid"}, "field 'uuid': 'not-a-uuid' is not a uuid."),
        ({"item_id": ""}, "field 'item_id' is empty."),
        ({"title": _MISSING}, "field 'title' is missing."),
        ({"colour": "red"}, "field 'colour' is not an event field."),
        (
            {"cadence": "hourly"},
            "field 'cadence': 'hourly' is not a cadence "
            "(daily, weekly, monthly, quarterly, annual, rrule).",
        ),
        (
            {"logged_at": "2026-11-24T09:30:00"},
            "field 'logged_at': '2026-11-24T09:30:00' is not a timestamp with a UTC offset.",
        ),
        (
            {"undone_at": "yesterday"},
            "field 'undone_at': 'yesterday' is not a timestamp with a UTC offset.",
        ),
        (
            {"for_date": "2026-12-01"},
            "field 'for_date': '2026-12-01' is outside the period 2026-11-23 to 2026-11-29.",
        ),
        (
            {"period_end": "2026-11-01"},
            "field 'period_end': '2026-11-01' is before period_start '2026-11-23'.",
        ),
        ({"note": 5}, "field 'note': 5 is not text."),
    ],
)
def test_bad_records_name_the_field(
    tmp_path: Path, changes: dict[str, object], message: str
) -> None:
    path = tmp_path / "events.jsonl"
    good = json.dumps(formats.event_record(UNDONE), ensure_ascii=False)
    bad = json.dumps(_record(**changes), ensure_ascii=False)
    path.write_text(f"{good}\n\n{bad}\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        list(read_events(path, name="events.jsonl"))
    assert caught.value.message == f"events.jsonl, line 3: {message}"
    assert caught.value.exit_code == 2


def test_csv_errors_name_the_line_the_record_starts_on(tmp_path: Path) -> None:
    rows = write("csv", [EVENT, EVENT]).split("\r\n")
    # The first event's note spans two lines, so the second event starts on line 4.
    rows[2] = rows[2].replace("2026-11-24,2026-11-24T09", "2026-02-30,2026-11-24T09")
    path = tmp_path / "events.csv"
    path.write_text("\r\n".join(rows), encoding="utf-8", newline="")
    with pytest.raises(ImportFileError) as caught:
        list(read_events(path, name="events.csv"))
    assert caught.value.message == (
        "events.csv, line 4: field 'for_date': '2026-02-30' is not a date."
    )


def test_csv_with_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(",".join(FIELDS) + "\r\na,b,c\r\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        list(read_events(path, name="events.csv"))
    assert caught.value.message == "events.csv, line 2: 3 fields where the header has 14."


def test_csv_with_a_foreign_header(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("name,phone\r\nMona,123\r\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        list(read_events(path, name="contacts.csv"))
    assert caught.value.message == "contacts.csv, line 1: the header is not that of a csm export."


def test_json_errors_name_the_index(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    records = [formats.event_record(EVENT), _record(kind="maybe")]
    path.write_text(json.dumps({"events": records}), encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        list(read_events(path, name="events.json"))
    assert (
        caught.value.message == "events.json, events[1]: field 'kind': 'maybe' is not done or skip."
    )


def test_truncated_json(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text(write("json", [EVENT, UNDONE])[:-40], encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        list(read_events(path, name="events.json"))
    assert caught.value.message.startswith("events.json is not valid JSON: ")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(",".join(FIELDS).encode() + b"\r\n\xff\xfe\r\n")
    with pytest.raises(ImportFileError) as caught:
        list(read_events(path, name="events.csv"))
    assert caught.value.message == "events.csv is not UTF-8 text."


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as caught:
        list(read_events(tmp_path / "nope.csv", name="nope.csv"))
    assert caught.value.message == "nope.csv does not exist."


texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=texts, by=texts, title=texts.filter(str.strip))
@pytest.mark.parametrize("kind", ["csv", "json", "jsonl"])
def test_any_text_round_trips(tmp_path: Path, kind: str, note: str, by: str, title: str) -> None:
    event = Event(**{**EVENT._asdict(), "note": note, "by": by, "title": title})
    path = tmp_path / f"events.{kind}"
    path.write_text(write(kind, [event]), encoding="utf-8", newline="")
    assert list(read_events(path)) == [event]


@pytest.mark.parametrize("kind", formats.FORMATS)
def test_writers_stream_batch_by_batch(kind: str) -> None:
    # Each batch must be written before the next one is asked for: an export
    # of any size then holds one batch in memory.
    out = io.StringIO()
    written_before: list[int] = []

    def batches() -> Iterator[list[tuple[str | None, ...]]]:
        for _ in range(3):
            written_before.append(len(out.getvalue()))
            yield [event_row(EVENT), event_row(UNDONE)]

    assert formats.WRITERS[kind](batches(), out) == 6
    assert written_before[0] < written_before[1] < written_before[2]
