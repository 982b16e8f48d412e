"""What a json backup carries besides events and the history of the rules:
playbook runs with their step check-offs, the measures recorded with
events, and the corrections of events' notes (`csm note`, shown by
`csm log --history`). csv and jsonl exports carry events only."""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from csm_checklist.errors import ImportFileError
from csm_checklist.messages import Msg
from csm_checklist.rules.runs import (
    RUN_COLUMNS,
    STEP_COLUMNS,
    StepEvent,
    insert_step_event,
    step_event_from_row,
)
from csm_checklist.store.log import EventLog, bad_row, utc_key


def extra_header(
    log: EventLog, since: date | None, until: date | None, include_undone: bool
) -> dict[str, Any]:
    """The runs (all of them: a run is not dated like an event), their step
    events, and the measures of the events the export holds."""
    runs, steps = export_records(log)
    clauses = ["1"]
    params: list[object] = []
    if since is not None:
        clauses.append("e.for_date >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("e.for_date <= ?")
        params.append(until.isoformat())
    if not include_undone:
        clauses.append("e.undone_at IS NULL")
    with log.reading() as db:
        rows = db.execute(
            "SELECT m.event_uuid, m.measure_id, m.value, m.unit FROM measures m "
            f"JOIN events e ON e.uuid = m.event_uuid WHERE {' AND '.join(clauses)} "
            "ORDER BY e.logged_at_utc, m.id",
            params,
        ).fetchall()
        changes = db.execute(
            "SELECT n.event_uuid, n.old_note, n.new_note, n.changed_at, n.changed_by, n.host "
            f"FROM note_changes n JOIN events e ON e.uuid = n.event_uuid "
            f"WHERE {' AND '.join(clauses)} ORDER BY n.changed_at_utc, n.id",
            params,
        ).fetchall()
    measures = [{"event": u, "measure": m, "value": v, "unit": unit} for u, m, v, unit in rows]
    notes = [
        {"event": u, "old_note": old, "new_note": new, "changed_at": at, "by": by, "host": host}
        for u, old, new, at, by, host in changes
    ]
    return {"runs": runs, "run_steps": steps, "measures": measures, "note_changes": notes}


def merge_extra(
    log: EventLog, extra: dict[str, list[Any]], *, dry_run: bool = False, name: str = ""
) -> tuple[int, int, int, int]:
    """Merge a backup's runs, step events and measures by uuid (a conflict
    is refused, like an event's), and the note corrections this log lacks.
    Returns how many of each were added. With `name` (the file's), a
    refusal names the record: "FILE, runs[3]"."""
    try:
        runs, steps = merge_records(
            log, extra.get("runs", []), extra.get("run_steps", []), dry_run=dry_run
        )
        measures = merge_measures(log, extra.get("measures", []), dry_run=dry_run)
    except _AtRecord as exc:
        error = exc.error
        if name:
            where = Msg("errors.at_index", name=name, key=exc.key, index=exc.index)
            error = ImportFileError(
                Msg("errors.in_record", where=where, message=error.message), hint=error.hint
            )
        raise error from None
    notes = merge_note_changes(log, extra.get("note_changes", []), dry_run=dry_run)
    return runs, steps, measures, notes


# Note corrections ------------------------------------------------------------------


def merge_note_changes(log: EventLog, records: Iterable[dict[str, Any]], *, dry_run: bool) -> int:
    """Add the note corrections the log lacks (the same event, moment and
    texts are the same correction: importing twice adds nothing). Returns
    how many were added."""
    added = 0
    with log.writing() as db:
        for record in records:
            try:
                uuid = str(record["event"])
                old, new, by = record["old_note"], record["new_note"], record["by"]
                host = record.get("host", "")
                if not all(isinstance(text, str) for text in (old, new, by, host)):
                    raise TypeError("text")
                at = datetime.fromisoformat(record["changed_at"])
                if at.tzinfo is None:
                    raise ValueError("changed_at")
            except (KeyError, TypeError, ValueError):
                raise ImportFileError(
                    Msg("errors.note_record_malformed", record=record),
                    hint=Msg("errors.note_record_malformed_hint"),
                ) from None
            row = db.execute(
                "SELECT 1 FROM note_changes WHERE event_uuid = ? AND changed_at_utc = ? "
                "AND old_note = ? AND new_note = ? LIMIT 1",
                (uuid, utc_key(at), old, new),
            ).fetchone()
            if row is not None:
                continue
            if not dry_run:
                db.execute(
                    "INSERT INTO note_changes (event_uuid, old_note, new_note, changed_at, "
                    "changed_at_utc, changed_by, host) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (uuid, old, new, at.isoformat(), utc_key(at), by, host),
                )
            added += 1
    return added


class _AtRecord(Exception):
    """An ImportFileError about record `index` of `key`."""

    def __init__(self, error: ImportFileError, key: str, index: int) -> None:
        super().__init__(error.message)
        self.error, self.key, self.index = error, key, index


@contextlib.contextmanager
def _record(key: str, index: int) -> Iterator[None]:
    try:
        yield
    except ImportFileError as exc:
        raise _AtRecord(exc, key, index) from None


# Runs ------------------------------------------------------------------------------


def export_records(log: EventLog) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every run and every step event, as the records of a json backup."""
    with log.reading() as db:
        runs = [
            dict(zip(RUN_COLUMNS.split(", "), row, strict=True))
            for row in db.execute(f"SELECT {RUN_COLUMNS} FROM runs ORDER BY started_at_utc, id")
        ]
        steps = [
            dict(zip(STEP_COLUMNS.split(", "), row, strict=True))
            for row in db.execute(
                f"SELECT {STEP_COLUMNS} FROM step_events ORDER BY logged_at_utc, id"
            )
        ]
    for record in runs:
        try:
            record["steps"] = json.loads(record["steps"])
        except (ValueError, TypeError, RecursionError) as exc:
            raise bad_row("runs", record["run_id"], exc) from None
        record["forced"] = bool(record["forced"])
    return runs, steps


def merge_records(
    log: EventLog,
    runs: Iterable[dict[str, Any]],
    steps: Iterable[dict[str, Any]],
    *,
    dry_run: bool = False,
) -> tuple[int, int]:
    """Add the runs and step events whose uuid the log lacks, in one
    transaction. A run already here with other content (another id, other
    steps, another close) is refused, like an event: nothing is written.
    A run closed in the file and open here is closed here; a step undone in
    the file is undone here. Returns (runs added, step events added)."""
    added_runs = added_steps = 0
    with log.writing() as db:
        for index, record in enumerate(runs):
            with _record("runs", index):
                added_runs += _merge_run(db, record, dry_run)
        for index, record in enumerate(steps):
            with _record("run_steps", index):
                added_steps += _merge_step(db, record, dry_run)
    return added_runs, added_steps


def _merge_run(db: Any, record: dict[str, Any], dry_run: bool) -> int:
    """Add one run (1) or check it against the one here (0)."""
    try:
        row = _run_row(record)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ImportFileError(
            Msg("errors.run_record_malformed", reason=exc, record=str(record)[:80]),
            hint=Msg("errors.export_runs_again_hint"),
        ) from None
    stored = db.execute(f"SELECT {RUN_COLUMNS} FROM runs WHERE uuid = ?", (row[0],)).fetchone()
    if stored is None:
        clash = db.execute("SELECT uuid FROM runs WHERE run_id = ?", (row[1],)).fetchone()
        if clash is not None:
            raise ImportFileError(
                Msg("errors.run_id_clash", run=row[1]),
                hint=Msg("errors.run_id_clash_hint"),
            )
        if not dry_run:
            db.execute(
                f"INSERT INTO runs ({RUN_COLUMNS}, started_at_utc, closed_at_utc) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*row, utc_key(datetime.fromisoformat(row[5])), _utc_or_none(row[9])),
            )
        return 1
    names = RUN_COLUMNS.split(", ")
    for name, mine, theirs in zip(names, stored, row, strict=True):
        if name in ("closed_at", "close_note", "forced"):
            if stored[9] is None or row[9] is None or mine == theirs:
                continue  # closing only ever goes one way, like undo
        elif name == "steps":
            mine, theirs = json.loads(mine), json.loads(theirs)
        if mine != theirs:
            raise ImportFileError(
                Msg("errors.run_conflict", run=row[1], uuid=row[0], name=name),
                hint=Msg("errors.run_conflict_hint"),
            )
    if stored[9] is None and row[9] is not None and not dry_run:
        db.execute(
            "UPDATE runs SET closed_at = ?, closed_at_utc = ?, close_note = ?, forced = ? "
            "WHERE uuid = ?",
            (row[9], _utc_or_none(row[9]), row[10], row[11], row[0]),
        )
    return 0


def _merge_step(db: Any, record: dict[str, Any], dry_run: bool) -> int:
    """Add one step event (1) or check it against the one here (0)."""
    try:
        event = StepEvent(
            str(record["uuid"]),
            str(record["run_id"]),
            str(record["step_id"]),
            str(record["kind"]),
            _aware(record["logged_at"]),
            str(record["logged_by"]),
            str(record.get("note", "")),
            str(record.get("host", "")),
            _aware(record["undone_at"]) if record.get("undone_at") else None,
        )
        if event.kind not in ("done", "skip"):
            raise ValueError(f"kind {event.kind!r}")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ImportFileError(
            Msg("errors.step_record_malformed", reason=exc, record=str(record)[:80]),
            hint=Msg("errors.export_runs_again_hint"),
        ) from None
    stored = db.execute(
        f"SELECT {STEP_COLUMNS} FROM step_events WHERE uuid = ?", (event.uuid,)
    ).fetchone()
    if stored is None:
        if not dry_run:
            insert_step_event(db, event)
        return 1
    mine = step_event_from_row(stored)
    if (mine.run_id, mine.step_id, mine.kind, mine.logged_at) != (
        event.run_id,
        event.step_id,
        event.kind,
        event.logged_at,
    ):
        raise ImportFileError(
            Msg("errors.step_conflict", uuid=event.uuid),
            hint=Msg("errors.step_conflict_hint"),
        )
    if mine.undone_at is None and event.undone_at is not None and not dry_run:
        db.execute(
            "UPDATE step_events SET undone_at = ? WHERE uuid = ?",
            (event.undone_at.isoformat(), event.uuid),
        )
    return 0


def _aware(text: object) -> datetime:
    """A moment with its UTC offset; ValueError for anything else."""
    if not isinstance(text, str):
        raise TypeError(f"not text: {text!r}"[:60])
    moment = datetime.fromisoformat(text)
    if moment.utcoffset() is None:
        raise ValueError(f"no UTC offset: {text!r}"[:60])
    return moment


def _utc_or_none(text: str | None) -> str | None:
    return utc_key(datetime.fromisoformat(text)) if text else None


def _run_row(record: dict[str, Any]) -> tuple[Any, ...]:
    steps = record["steps"]
    if not isinstance(steps, dict) or not isinstance(steps.get("steps"), list):
        raise ValueError("steps")
    _aware(record["started_at"])
    if record.get("closed_at"):
        _aware(record["closed_at"])
    return (
        str(record["uuid"]),
        str(record["run_id"]),
        str(record["playbook"]),
        str(record["title"]),
        str(record.get("name", "")),
        str(record["started_at"]),
        json.dumps(steps, ensure_ascii=False, sort_keys=True),
        str(record["started_by"]),
        str(record.get("host", "")),
        record.get("closed_at") or None,
        str(record.get("close_note", "")),
        int(bool(record.get("forced", False))),
    )


# Measures ---------------------------------------------------------------------------


def merge_measures(log: EventLog, records: Iterable[dict[str, Any]], *, dry_run: bool) -> int:
    """Add the measures the log lacks; one already there with another value
    is refused (nothing is written). Returns how many were added."""
    added = 0
    with log.writing() as db:
        for index, record in enumerate(records):
            with _record("measures", index):
                added += _merge_measure(db, record, dry_run)
    return added


def _merge_measure(db: Any, record: dict[str, Any], dry_run: bool) -> int:
    """Add one measure (1) or check it against the one here (0): a finite
    number, never text, a boolean, NaN or infinity."""
    try:
        uuid, name = str(record["event"]), str(record["measure"])
        raw, unit = record["value"], str(record.get("unit", ""))
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise TypeError
        value = float(raw)
        if not math.isfinite(value):
            raise ValueError
    except (KeyError, TypeError, ValueError, OverflowError):
        raise ImportFileError(
            Msg("errors.measure_record_malformed", record=record),
            hint=Msg("errors.measure_record_malformed_hint"),
        ) from None
    row = db.execute(
        "SELECT value FROM measures WHERE event_uuid = ? AND measure_id = ?", (uuid, name)
    ).fetchone()
    if row is None:
        if not dry_run:
            db.execute(
                "INSERT INTO measures (event_uuid, measure_id, value, unit) VALUES (?, ?, ?, ?)",
                (uuid, name, value, unit),
            )
        return 1
    if float(row[0]) != value:
        raise ImportFileError(
            Msg(
                "errors.measure_conflict",
                name=name,
                uuid=uuid,
                mine=f"{row[0]:g}",
                theirs=f"{value:g}",
            ),
            hint=Msg("errors.measure_conflict_hint"),
        )
    return 0
