"""Events in and out of csm: csv, json, jsonl and Markdown.

Writers stream: they take rows in batches, straight from the log's cursor, and
write each batch as it comes, so an export of a million events needs no more
memory than one of ten. Every row is the text of one event in `FIELDS` order.

Readers check every record against what export writes and raise
ImportFileError naming the file, the line (csv, jsonl) or the index (json) and
the field. They yield events one by one, so `Store.merge` can validate and
insert in one transaction that a bad record rolls back whole.

Formats on disk:
- csv: a header row of `FIELDS`, then one row per event (RFC 4180 quoting,
  CRLF line ends); an active event has an empty `undone_at`.
- json: one document, `{"events": [{...}, ...]}`, one event per line.
- jsonl: one event object per line.
- md: a Markdown table of the same columns, for reading only.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import stat
import sys
import uuid as uuidlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from csm_checklist.dates.schedule import ALL_CADENCES, FIRST_DAY, LAST_DAY
from csm_checklist.errors import ImportFileError, reason_of
from csm_checklist.messages import Msg
from csm_checklist.store.assignment_records import AssignmentRecord
from csm_checklist.store.measure_records import MeasureRecord
from csm_checklist.store.records import (
    FIELDS,
    KINDS,
    Event,
    NoteChange,
    RevisionRecord,
    StartRecord,
    event_row,
)
from csm_checklist.store.run_records import RunRecord, StepEvent

# `host`, then `logged_by`, came after the rest: optional on import. An
# event without `logged_by` was logged by whoever did it (`by`), as the log
# it came from reads its own entries of that time.
REQUIRED = FIELDS[: FIELDS.index("host")]
# The csv headers export has written: now, before logged_by, before host.
HEADERS = (list(FIELDS), list(FIELDS[:-1]), list(REQUIRED))
FORMATS = ("csv", "json", "jsonl", "md")
IMPORT_FORMATS = ("csv", "json", "jsonl")

Row = Sequence[str | None]
Batches = Iterable[Sequence[Row]]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def event_record(event: Event) -> dict[str, str | None]:
    """The export fields of `event` as a JSON object (undone_at null when active)."""
    return dict(zip(FIELDS, event_row(event), strict=True))


# Writers ---------------------------------------------------------------------


# A spreadsheet runs a cell that starts with one of these as a formula
# (=HYPERLINK(...) sends data away, =cmd|... runs programs). Such a cell is
# written with a leading apostrophe, which spreadsheets show as text and hide;
# import removes it again. A cell that already starts with an apostrophe gets
# one more, so every value comes back exactly (the OWASP "CSV injection" rule).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def neutral_cell(value: str | None) -> str | None:
    """The CSV cell of `value`: a formula-like start behind an apostrophe."""
    if value and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore_cell(cell: str) -> str:
    """The value `neutral_cell` wrote `cell` for."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def _risky(row: Row) -> bool:
    return any(value and value.startswith(FORMULA_STARTS) for value in row)


def write_csv(batches: Batches, out: IO[str]) -> int:
    """Write a header and every row as CSV; return how many rows were written.

    `out` should be opened with newline="" so the CRLF line ends and newlines
    inside notes reach the file unchanged. Cells a spreadsheet would run as a
    formula are neutralised (`neutral_cell`).
    """
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    count = 0
    for batch in batches:
        # csv writes None as an empty field: an active event's undone_at.
        # Most rows need no change; only those that do are copied.
        writer.writerows([[neutral_cell(v) for v in row] if _risky(row) else row for row in batch])
        count += len(batch)
    return count


# One event as JSON, filled by %-formatting: the same bytes json.dumps writes
# for the dict, at a third of the cost, which a million-event export feels.
_JSON_OBJECT = "{" + ", ".join(f"{json.dumps(name)}: %s" for name in FIELDS) + "}"


def _json_lines(batches: Batches, separator: str) -> Iterator[tuple[int, str]]:
    """Each batch as (rows, its objects joined by `separator`)."""
    from json.encoder import encode_basestring as quoted  # ensure_ascii=False

    from csm_checklist.exchange.escapes import json_exact

    for batch in batches:
        objects = [
            _JSON_OBJECT % tuple([quoted(v) if v is not None else "null" for v in row])
            for row in batch
        ]
        # C1 controls and bidi overrides as JSON escapes: the same data.
        yield len(batch), json_exact(separator.join(objects))


def write_jsonl(batches: Batches, out: IO[str]) -> int:
    """One JSON object per line; return how many were written."""
    count = 0
    for size, text in _json_lines(batches, "\n"):
        if size:
            out.write(text)
            out.write("\n")
            count += size
    return count


def write_json(batches: Batches, out: IO[str], backup: Mapping[str, Any] | None = None) -> int:
    """`{"events": [...]}`, one event per line, written as it streams.

    With `backup` (the tracking start, starts and revisions: `backup_header`),
    its keys come first: the file is then a full backup of the log.
    """
    from csm_checklist.exchange.escapes import json_exact

    count = 0
    out.write("{")
    for key, value in (backup or {}).items():
        out.write(f"{json.dumps(key)}: {json_exact(json.dumps(value, ensure_ascii=False))},\n")
    out.write('"events": [')
    for size, text in _json_lines(batches, ",\n"):
        if size:
            out.write(",\n" if count else "\n")
            out.write(text)
            count += size
    out.write("\n]}\n" if count else "]}\n")
    return count


def _md_cell(value: str | None) -> str:
    from csm_checklist.exchange.escapes import md_cell

    return md_cell(value)


def write_markdown(batches: Batches, out: IO[str]) -> int:
    """A Markdown table of every row; return how many rows were written."""
    out.write("| " + " | ".join(FIELDS) + " |\n")
    out.write("|" + " --- |" * len(FIELDS) + "\n")
    count = 0
    for batch in batches:
        out.write("".join("| " + " | ".join(map(_md_cell, row)) + " |\n" for row in batch))
        count += len(batch)
    return count


WRITERS: dict[str, Callable[[Batches, IO[str]], int]] = {
    "csv": write_csv,
    "json": write_json,
    "jsonl": write_jsonl,
    "md": write_markdown,
}


def backup_header(
    starts: Sequence[StartRecord], revisions: Sequence[RevisionRecord]
) -> dict[str, Any]:
    """What a json export carries besides the events, so that importing it on
    another machine reproduces every report: the tracking start and the
    revisions of the rules."""
    return {
        "csm_backup": 1,
        "tracking_start": starts[-1].start.isoformat() if starts else None,
        "starts": [
            {"uuid": s.uuid, "start": s.start.isoformat(), "recorded_at": s.recorded_at.isoformat()}
            for s in starts
        ],
        "revisions": [
            {
                "uuid": r.uuid,
                "effective": r.effective.isoformat(),
                "recorded_at": r.recorded_at.isoformat(),
                "rules": json.loads(r.rules),
            }
            for r in revisions
        ],
    }


# Readers ---------------------------------------------------------------------

_FIX_HINT = Msg("errors.import_fix_hint")


def _bad(where: str, message: str) -> ImportFileError:
    return ImportFileError(Msg("errors.in_record", where=where, message=message), hint=_FIX_HINT)


def _line_of(name: str, line: int) -> Msg:
    """ "events.csv, line 7": where a record is, for messages."""
    return Msg("errors.at_line", source=name, line=line)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _text(record: Mapping[str, Any], name: str, where: str) -> str:
    value = record[name]
    if not isinstance(value, str):
        raise _bad(where, Msg("errors.field_not_text", name=name, value=_shown(value)))
    return value


def _nonempty(record: Mapping[str, Any], name: str, where: str) -> str:
    value = _text(record, name, where)
    if not value.strip():
        raise _bad(where, Msg("errors.field_empty", name=name))
    return value


def _date(record: Mapping[str, Any], name: str, where: str) -> date:
    value = _text(record, name, where)
    try:
        if not _DATE.match(value):
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise _bad(where, Msg("errors.field_not_date", name=name, value=_shown(value))) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise _bad(
            where,
            Msg(
                "errors.field_out_of_range", name=name, value=value, first=FIRST_DAY, last=LAST_DAY
            ),
        )
    return day


def _moment(value: str, name: str, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.utcoffset() is None:
        raise _bad(where, Msg("errors.field_not_timestamp", name=name, value=_shown(value)))
    return moment


def parse_record(record: Mapping[str, Any], where: str) -> Event:
    """The event `record` describes, every field checked.

    `where` names the record in messages, e.g. "events.csv, line 7".
    """
    unknown = [name for name in record if name not in FIELDS]
    if unknown:
        raise _bad(where, Msg("errors.field_unknown", name=unknown[0]))
    for name in REQUIRED:
        if name not in record:
            raise _bad(where, Msg("errors.field_missing", name=name))
    raw_uuid = _nonempty(record, "uuid", where)
    try:
        event_uuid = str(uuidlib.UUID(raw_uuid))
    except ValueError:
        raise _bad(where, Msg("errors.field_not_uuid", value=_shown(raw_uuid))) from None
    cadence = _text(record, "cadence", where)
    if cadence not in ALL_CADENCES:
        raise _bad(
            where,
            Msg(
                "errors.field_not_cadence", value=_shown(cadence), cadences=", ".join(ALL_CADENCES)
            ),
        )
    kind = _text(record, "kind", where)
    if kind not in KINDS:
        raise _bad(where, Msg("errors.field_not_kind", value=_shown(kind)))
    period_start = _date(record, "period_start", where)
    period_end = _date(record, "period_end", where)
    for_date = _date(record, "for_date", where)
    if period_end < period_start:
        raise _bad(
            where,
            Msg("errors.field_end_before_start", end=period_end, start=period_start),
        )
    if not period_start <= for_date <= period_end:
        raise _bad(
            where,
            Msg("errors.field_outside_period", day=for_date, start=period_start, end=period_end),
        )
    logged_at = _moment(_text(record, "logged_at", where), "logged_at", where)
    undone_raw = record["undone_at"]
    undone_at = None
    if undone_raw is not None and undone_raw != "":
        undone_at = _moment(_text(record, "undone_at", where), "undone_at", where)
    host = _text(record, "host", where) if record.get("host") is not None else ""
    by = _text(record, "by", where)
    logged_by = _text(record, "logged_by", where) if record.get("logged_by") is not None else by
    return Event(
        uuid=event_uuid,
        item_id=_nonempty(record, "item_id", where),
        title=_nonempty(record, "title", where),
        cadence=cadence,
        kind="done" if kind == "done" else "skip",
        period_start=period_start,
        period_end=period_end,
        for_date=for_date,
        logged_at=logged_at,
        by=by,
        note=_text(record, "note", where),
        host=host,
        undone_at=undone_at,
        logged_by=logged_by,
    )


def detect_format(first_line: str) -> str:
    """csv, json or jsonl, from the file's first non-blank line.

    A line that is a whole JSON object (not `{"events": ...}`) starts a jsonl
    file; any other `{` or `[` starts a json document; anything else is csv.
    """
    text = first_line.strip()
    if text.startswith("|"):
        return "md"  # the table `csm export --format md` writes
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            return "json"
        return "jsonl" if isinstance(value, dict) and "events" not in value else "json"
    return "csv"


STDIN = "-"


def open_source(source: Path | str, name: str) -> IO[bytes]:
    """The bytes of `source`: a file, a pipe, `<(...)`, or `-` for stdin."""
    from csm_checklist.reading import bounded, not_a_file

    if str(source) == STDIN:
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:  # started with standard input closed (<&-)
            raise ImportFileError(
                Msg("errors.import_no_stdin"), hint=Msg("errors.import_unreadable_hint")
            )
        try:
            return bounded(stdin, name, own=False)
        except OSError as exc:  # a descriptor closed under Python's stdin
            raise ImportFileError(
                Msg("errors.import_unreadable", name=name, reason=exc.strerror or exc),
                hint=Msg("errors.import_unreadable_hint"),
            ) from None
    path = Path(source)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportFileError(
            Msg("errors.import_missing", name=name), hint=Msg("errors.import_missing_hint")
        ) from None
    except OSError as exc:
        raise ImportFileError(
            Msg("errors.import_unreadable", name=name, reason=exc.strerror or exc),
            hint=Msg("errors.import_unreadable_hint"),
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportFileError(Msg("errors.import_folder", name=name), hint=_FIX_HINT)
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        # A pipe or `<(...)` is read; a device (/dev/zero) would never end.
        raise not_a_file(name, info.st_mode)
    try:
        return bounded(path.open("rb"), name)
    except OSError as exc:
        raise ImportFileError(
            Msg("errors.import_unreadable", name=name, reason=exc.strerror or exc),
            hint=Msg("errors.import_unreadable_hint"),
        ) from None


class ImportSource:
    """An export being read: its events, as (where, event) pairs named for
    messages ("events.csv, line 7"), and, for a json backup, the tracking
    starts and revisions it carries (filled before the first event).

    `path` is a file, a pipe, `<(...)`, or `-` for standard input. It is read
    once, front to back: the format (csv, json or jsonl) is told from the first
    non-blank line, which is then read again from memory, not from the source.
    """

    def __init__(self, path: Path | str, name: str | None = None) -> None:
        self.path = path
        if name is None:
            name = Msg("errors.stdin_name") if str(path) == STDIN else str(path)
        self.name = name
        self.starts: list[StartRecord] = []
        self.revisions: list[RevisionRecord] = []
        # A json backup's playbook runs, their step events and the measures
        # (checked by exchange/backup.py as they are merged).
        self.extra: dict[str, list[Any]] = {}
        # Where a record that cannot be read is noted so that reading goes on
        # (an import lists every problem); None: the first one is raised.
        self.problems: list[tuple[str, str | None]] | None = None
        # The backup record being read (["runs", 3]), so a refusal names it.
        self.at: list[Any] = []

    def has_extra(self) -> bool:
        """Whether the file is a json backup with runs, step check-offs or measures."""
        return bool(self.extra)

    def backup_runs(self) -> Iterator[RunRecord]:
        """A json backup's playbook runs (none for other files), each checked."""
        from csm_checklist.exchange.backup import run_records

        return run_records(self.extra.get("runs", []), self.at)

    def backup_steps(self) -> Iterator[StepEvent]:
        """A json backup's step check-offs, each checked."""
        from csm_checklist.exchange.backup import step_records

        return step_records(self.extra.get("run_steps", []), self.at)

    def backup_measures(self) -> Iterator[MeasureRecord]:
        """A json backup's measures, each checked."""
        from csm_checklist.exchange.backup import measure_records

        return measure_records(self.extra.get("measures", []), self.at)

    def backup_assignments(self) -> Iterator[AssignmentRecord]:
        """A json backup's `csm assign` changes, each checked."""
        from csm_checklist.exchange.backup import assignment_records

        return assignment_records(self.extra.get("assignments", []), self.at)

    def backup_note_changes(self) -> Iterator[NoteChange]:
        """A json backup's corrections of events' notes, each checked."""
        from csm_checklist.exchange.backup import note_change_records

        return note_change_records(self.extra.get("note_changes", []))

    def records(self) -> Iterator[tuple[str, Event]]:
        """Every event in the source, in order, each checked.

        An empty source holds no events (that is what an empty jsonl export
        is). Raises ImportFileError at the first record that export could not
        have written.
        """
        shown = self.name
        raw = open_source(self.path, shown)
        # utf-8-sig drops the byte order mark spreadsheet programs like to add.
        stream = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        try:
            head: list[str] = []
            for line in stream:
                head.append(line)
                if line.strip():
                    break
            if not head or not head[-1].strip():
                return  # blank lines only: no events, whatever the format
            kind = detect_format(head[-1])
            if kind == "md":
                raise ImportFileError(
                    Msg("errors.import_markdown", name=shown),
                    hint=Msg("errors.import_markdown_hint"),
                )
            lines = itertools.chain(head, stream)
            if kind == "csv":
                yield from _read_csv(lines, shown, self.problems)
            elif kind == "jsonl":
                yield from _read_jsonl(lines, shown, self.problems)
            else:
                yield from _read_json(lines, shown, self)
        except UnicodeDecodeError:
            raise ImportFileError(
                Msg("errors.import_not_utf8", name=shown),
                hint=Msg("errors.import_not_utf8_hint"),
            ) from None
        except OSError as exc:
            reason = exc.strerror or exc
            raise ImportFileError(
                Msg("errors.import_unreadable", name=shown, reason=reason), hint=_FIX_HINT
            ) from None
        finally:
            stream.close()  # standard input itself stays open (bounded, own=False)


def read_events(path: Path | str, name: str | None = None) -> Iterator[Event]:
    """Every event in the export at `path`, in order (see `ImportSource`)."""
    for _where, event in ImportSource(path, name).records():
        yield event


_TOO_DEEP = "errors.import_too_deep"


def _record(
    where: str, build: Callable[[], Event], problems: list[tuple[str, str | None]] | None
) -> Event | None:
    """`build()`, or None after noting its problem in `problems` (when kept)."""
    try:
        return build()
    except ImportFileError as exc:
        if problems is None:
            raise
        problems.append((exc.message, exc.hint))
        return None


def _read_csv(
    lines: Iterable[str], name: str, problems: list[tuple[str, str | None]] | None = None
) -> Iterator[tuple[str, Event]]:
    reader = csv.reader(lines, strict=True)
    line = 1
    try:
        header = next(reader, None)
        if header is None:
            return
        if header not in HEADERS:
            raise ImportFileError(
                Msg("errors.import_header", where=_line_of(name, 1)),
                hint=Msg("errors.import_header_hint", fields=",".join(FIELDS)),
            )
        line = reader.line_num + 1
        for row in reader:
            # A note may span lines: report the line the record starts on.
            start, line = line, reader.line_num + 1
            if not row:
                continue
            where = _line_of(name, start)

            def build(row: list[str] = row, where: str = where) -> Event:
                if len(row) != len(header):
                    raise _bad(
                        where, Msg("errors.import_field_count", count=len(row), header=len(header))
                    )
                cells = [restore_cell(cell) for cell in row]
                return parse_record(dict(zip(header, cells, strict=True)), where)

            event = _record(where, build, problems)
            if event is not None:
                yield where, event
    except csv.Error as exc:
        raise _bad(_line_of(name, line), Msg("errors.import_not_csv", reason=exc)) from None


def _read_jsonl(
    lines: Iterable[str], name: str, problems: list[tuple[str, str | None]] | None = None
) -> Iterator[tuple[str, Event]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = _line_of(name, number)

        def build(line: str = line, where: str = where) -> Event:
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise _bad(where, Msg("errors.import_not_object_why", reason=exc)) from None
            except RecursionError:
                raise _bad(where, Msg(_TOO_DEEP)) from None
            if not isinstance(record, dict):
                raise _bad(where, Msg("errors.import_not_object"))
            return parse_record(record, where)

        event = _record(where, build, problems)
        if event is not None:
            yield where, event


EXTRA_KEYS = ("runs", "run_steps", "measures", "note_changes", "assignments")


def _read_json(
    lines: Iterable[str], name: str, source: ImportSource
) -> Iterator[tuple[str, Event]]:
    try:
        document = json.loads("".join(lines))
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            Msg(
                "errors.import_not_json",
                name=name,
                reason=exc.msg,
                line=exc.lineno,
                column=exc.colno,
            ),
            hint=Msg("errors.import_not_json_hint"),
        ) from None
    except RecursionError:
        raise ImportFileError(
            Msg("errors.import_file_too_deep", name=name), hint=_FIX_HINT
        ) from None
    records = document.get("events") if isinstance(document, dict) else document
    if not isinstance(records, list):
        raise ImportFileError(Msg("errors.import_not_export", name=name), hint=_FIX_HINT)
    if isinstance(document, dict) and "csm_backup" in document:
        from csm_checklist.rules.importcheck import check_backup_version

        check_backup_version(document["csm_backup"], name)
        source.starts, source.revisions = _read_backup(document, name)
        for key in EXTRA_KEYS:
            value = document.get(key, [])
            if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
                raise ImportFileError(
                    Msg("errors.import_not_objects", name=name, key=key), hint=_FIX_HINT
                )
            source.extra[key] = value
    for index, record in enumerate(records):
        where = Msg("errors.at_index", name=name, key="events", index=index)

        def build(record: Any = record, where: str = where) -> Event:
            if not isinstance(record, dict):
                raise _bad(where, Msg("errors.import_not_object"))
            return parse_record(record, where)

        event = _record(where, build, source.problems)
        if event is not None:
            yield where, event


def _has(record: Mapping[str, Any], names: Sequence[str], where: str) -> None:
    for name in names:
        if name not in record:
            raise _bad(where, Msg("errors.field_missing", name=name))


def _read_backup(
    document: Mapping[str, Any], name: str
) -> tuple[list[StartRecord], list[RevisionRecord]]:
    """The tracking starts and revisions a json backup carries, each checked."""
    from csm_checklist.rules.history import parse_rules

    starts: list[StartRecord] = []
    revisions: list[RevisionRecord] = []
    for key in ("starts", "revisions"):
        if not isinstance(document.get(key), list):
            raise _bad(name, Msg("errors.import_not_list", key=key))
    for index, record in enumerate(document["starts"]):
        where = Msg("errors.at_index", name=name, key="starts", index=index)
        if not isinstance(record, dict):
            raise _bad(where, Msg("errors.import_not_object"))
        _has(record, ("uuid", "start", "recorded_at"), where)
        starts.append(
            StartRecord(
                _nonempty(record, "uuid", where),
                _date(record, "start", where),
                _moment(_text(record, "recorded_at", where), "recorded_at", where),
            )
        )
    for index, record in enumerate(document["revisions"]):
        where = Msg("errors.at_index", name=name, key="revisions", index=index)
        if not isinstance(record, dict) or not isinstance(record.get("rules"), dict):
            raise _bad(where, Msg("errors.import_not_revision"))
        _has(record, ("uuid", "effective", "recorded_at"), where)
        rules = json.dumps(record["rules"], ensure_ascii=False, separators=(",", ":"))
        try:
            parse_rules(rules)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise _bad(
                where, Msg("errors.import_rules_unreadable", reason=reason_of(exc))
            ) from None
        revisions.append(
            RevisionRecord(
                _nonempty(record, "uuid", where),
                _date(record, "effective", where),
                _moment(_text(record, "recorded_at", where), "recorded_at", where),
                rules,
            )
        )
    return starts, revisions
