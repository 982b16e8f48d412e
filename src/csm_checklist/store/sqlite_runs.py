"""The SQLite store's playbook runs, their step events, and the measures
recorded with events: the SQL behind `SqliteStore`'s methods of those names.

Each function takes the connection inside the transaction the store opened
(`SqliteStore._write` for writes), so it is all of one write or none of it.
Loaded only by the commands that use runs or measures.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from csm_checklist.errors import ImportFileError
from csm_checklist.messages import Msg
from csm_checklist.store.records import ROW_ERRORS, aware, bad_row, utc_key
from csm_checklist.store.run_records import RunRecord, StepEvent

if TYPE_CHECKING:
    # Loaded by the measure functions alone: `csm today` with a run open
    # needs the runs' records only.
    from csm_checklist.store.measure_records import MeasureRecord, MeasureValue

RUN_COLUMNS = (
    "uuid, run_id, playbook, title, name, started_at, steps, started_by, host, "
    "closed_at, close_note, forced"
)
STEP_COLUMNS = "uuid, run_id, step_id, kind, logged_at, logged_by, note, host, undone_at"
_RUN_NAMES = RUN_COLUMNS.split(", ")
_CLOSED = _RUN_NAMES.index("closed_at")


# Rows --------------------------------------------------------------------------------


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _run_from_row(row: Sequence[Any]) -> RunRecord:
    """The run of a row; LogError naming it for one csm cannot read."""
    try:
        return _run_fields(row)
    except ROW_ERRORS as exc:
        raise bad_row("runs", row[1], exc) from None


def _run_fields(row: Sequence[Any]) -> RunRecord:
    uuid, run_id, playbook, title, name, started, steps, by, host, closed, note, forced = row
    return RunRecord(
        uuid,
        run_id,
        playbook,
        title,
        name,
        datetime.fromisoformat(started),
        steps,
        by,
        host,
        _moment(closed),
        note,
        bool(forced),
    )


def _run_row(run: RunRecord) -> tuple[Any, ...]:
    """The text of `run` in RUN_COLUMNS order."""
    return (
        run.uuid,
        run.run_id,
        run.playbook,
        run.title,
        run.name,
        run.started_at.isoformat(),
        run.steps,
        run.started_by,
        run.host,
        run.closed_at.isoformat() if run.closed_at is not None else None,
        run.close_note,
        int(run.forced),
    )


def _step_from_row(row: Sequence[Any]) -> StepEvent:
    uuid, run_id, step_id, kind, logged, by, note, host, undone = row
    try:
        return StepEvent(
            uuid,
            run_id,
            step_id,
            kind,
            aware(logged),
            by,
            note,
            host,
            aware(undone) if undone else None,
        )
    except ROW_ERRORS as exc:
        raise bad_row("step_events", uuid, exc) from None


def _insert_step(db: sqlite3.Connection, event: StepEvent) -> bool:
    inserted = db.execute(
        "INSERT INTO step_events (uuid, run_id, step_id, kind, logged_at, logged_at_utc, "
        "logged_by, note, host, undone_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (uuid) DO NOTHING",
        (
            event.uuid,
            event.run_id,
            event.step_id,
            event.kind,
            event.logged_at.isoformat(),
            utc_key(event.logged_at),
            event.by,
            event.note,
            event.host,
            event.undone_at.isoformat() if event.undone_at else None,
        ),
    )
    return bool(inserted.rowcount == 1)


def _utc_or_none(moment: datetime | None) -> str | None:
    return utc_key(moment) if moment is not None else None


# Reading -------------------------------------------------------------------------------


def has_runs(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM runs LIMIT 1").fetchone() is not None


def run_ids(db: sqlite3.Connection) -> list[str]:
    return [str(row[0]) for row in db.execute("SELECT run_id FROM runs ORDER BY started_at_utc")]


def runs(
    db: sqlite3.Connection,
    open_only: bool,
    wanted: Sequence[str] | None,
    started_by: datetime | None,
) -> list[RunRecord]:
    where, params = ("closed_at IS NULL", []) if open_only else ("1", [])
    if wanted is not None:
        where += f" AND run_id IN ({', '.join('?' * len(wanted))})"
        params = list(wanted)
    if started_by is not None:
        where += " AND started_at_utc <= ?"
        params.append(utc_key(started_by))
    rows = db.execute(
        f"SELECT {RUN_COLUMNS} FROM runs WHERE {where} ORDER BY started_at_utc, id", params
    ).fetchall()
    return [_run_from_row(row) for row in rows]


def step_events(db: sqlite3.Connection, wanted: Sequence[str] | None) -> list[StepEvent]:
    if wanted is None:
        rows = db.execute(f"SELECT {STEP_COLUMNS} FROM step_events ORDER BY logged_at_utc, id")
        return [_step_from_row(row) for row in rows]
    found: list[StepEvent] = []
    for first in range(0, len(wanted), 400):
        part = list(wanted[first : first + 400])
        rows = db.execute(
            f"SELECT {STEP_COLUMNS} FROM step_events WHERE run_id IN "
            f"({', '.join('?' * len(part))}) ORDER BY logged_at_utc, id",
            part,
        )
        found += [_step_from_row(row) for row in rows]
    if len(wanted) > 400:
        found.sort(key=lambda event: utc_key(event.logged_at))
    return found


# Writing -------------------------------------------------------------------------------


def start_run(db: sqlite3.Connection, run: RunRecord) -> str:
    base = run.run_id
    taken = {
        row[0]
        for row in db.execute(
            "SELECT run_id FROM runs WHERE run_id = ? OR run_id LIKE ?", (base, base + "-%")
        )
    }
    run_id = base
    number = 2
    while run_id in taken:
        run_id = f"{base}-{number}"
        number += 1
    db.execute(
        "INSERT INTO runs (uuid, run_id, playbook, title, name, started_at, started_at_utc, "
        "steps, started_by, host) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            run.uuid,
            run_id,
            run.playbook,
            run.title,
            run.name,
            run.started_at.isoformat(),
            utc_key(run.started_at),
            run.steps,
            run.started_by,
            run.host,
        ),
    )
    return run_id


def log_step(db: sqlite3.Connection, event: StepEvent) -> StepEvent | None:
    row = db.execute(
        f"SELECT {STEP_COLUMNS} FROM step_events WHERE run_id = ? AND step_id = ? "
        "AND undone_at IS NULL ORDER BY logged_at_utc, id LIMIT 1",
        (event.run_id, event.step_id),
    ).fetchone()
    if row is not None:
        return _step_from_row(row)
    _insert_step(db, event)
    return None


def undo_step(db: sqlite3.Connection, run_id: str, step_id: str, at: datetime) -> StepEvent | None:
    row = db.execute(
        f"SELECT {STEP_COLUMNS} FROM step_events WHERE run_id = ? AND step_id = ? "
        "AND undone_at IS NULL ORDER BY logged_at_utc DESC, id DESC LIMIT 1",
        (run_id, step_id),
    ).fetchone()
    if row is None:
        return None
    db.execute("UPDATE step_events SET undone_at = ? WHERE uuid = ?", (at.isoformat(), row[0]))
    return _step_from_row(row)._replace(undone_at=at)


def close_run(db: sqlite3.Connection, run_id: str, at: datetime, note: str, forced: bool) -> None:
    db.execute(
        "UPDATE runs SET closed_at = ?, closed_at_utc = ?, close_note = ?, forced = ? "
        "WHERE run_id = ? AND closed_at IS NULL",
        (at.isoformat(), utc_key(at), note, int(forced), run_id),
    )


def merge_runs(
    db: sqlite3.Connection,
    records: Iterable[RunRecord],
    steps: Iterable[StepEvent],
    dry_run: bool,
) -> tuple[int, int]:
    added_runs = added_steps = 0
    for run in records:
        row = _run_row(run)
        stored = db.execute(
            f"SELECT {RUN_COLUMNS} FROM runs WHERE uuid = ?", (run.uuid,)
        ).fetchone()
        if stored is None:
            clash = db.execute("SELECT uuid FROM runs WHERE run_id = ?", (run.run_id,)).fetchone()
            if clash is not None:
                raise ImportFileError(
                    Msg("errors.run_id_clash", run=run.run_id),
                    hint=Msg("errors.run_id_clash_hint"),
                )
            if not dry_run:
                db.execute(
                    f"INSERT INTO runs ({RUN_COLUMNS}, started_at_utc, closed_at_utc) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*row, utc_key(run.started_at), _utc_or_none(run.closed_at)),
                )
            added_runs += 1
            continue
        for name, mine, theirs in zip(_RUN_NAMES, stored, row, strict=True):
            if name in ("closed_at", "close_note", "forced"):
                if stored[_CLOSED] is None or row[_CLOSED] is None or mine == theirs:
                    continue  # closing only ever goes one way, like undo
            elif name == "steps":
                mine, theirs = json.loads(mine), json.loads(theirs)
            if mine != theirs:
                raise ImportFileError(
                    Msg("errors.run_conflict", run=run.run_id, uuid=run.uuid, name=name),
                    hint=Msg("errors.run_conflict_hint"),
                )
        if stored[_CLOSED] is None and run.closed_at is not None and not dry_run:
            db.execute(
                "UPDATE runs SET closed_at = ?, closed_at_utc = ?, close_note = ?, forced = ? "
                "WHERE uuid = ?",
                (row[_CLOSED], utc_key(run.closed_at), run.close_note, int(run.forced), run.uuid),
            )
    for event in steps:
        found = db.execute(
            f"SELECT {STEP_COLUMNS} FROM step_events WHERE uuid = ?", (event.uuid,)
        ).fetchone()
        if found is None:
            if not dry_run:
                _insert_step(db, event)
            added_steps += 1
            continue
        mine = _step_from_row(found)
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
    return added_runs, added_steps


# Measures ------------------------------------------------------------------------------


def add_measures(
    db: sqlite3.Connection, uuid: str, measures: Iterable[tuple[str, float, str]]
) -> None:
    for measure_id, value, unit in measures:
        db.execute(
            "INSERT INTO measures (event_uuid, measure_id, value, unit) VALUES (?, ?, ?, ?)",
            (uuid, measure_id, value, unit),
        )


def measure_values(
    db: sqlite3.Connection,
    item_id: str | None,
    since: date | None,
    until: date | None,
    as_logged: datetime | None,
) -> list[MeasureValue]:
    clauses = ["e.undone_at IS NULL"]
    params: list[object] = []
    if as_logged is not None:
        # Undone after that moment still counted then: checked below, as moments.
        clauses = ["e.logged_at_utc <= ?"]
        params.append(utc_key(as_logged))
    if item_id is not None:
        clauses.append("e.item_id = ?")
        params.append(item_id)
    if since is not None:
        clauses.append("e.period_end >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("e.period_start <= ?")
        params.append(until.isoformat())
    from csm_checklist.store.measure_records import MeasureValue

    sql = (
        "SELECT m.event_uuid, e.item_id, m.measure_id, m.value, m.unit, e.period_start, "
        "e.period_end, e.for_date, e.undone_at FROM measures m "
        "JOIN events e ON e.uuid = m.event_uuid "
        f"WHERE {' AND '.join(clauses)} ORDER BY e.period_start, e.logged_at_utc, m.id"
    )
    rows = db.execute(sql, params).fetchall()
    found = []
    for u, i, m, v, unit, s, e, f, undone in rows:
        try:
            if isinstance(v, (str, bytes)) or not math.isfinite(float(v)):
                raise ValueError(f"value {v!r} is not a number")
            if undone is None or (as_logged is not None and aware(undone) > as_logged):
                found.append(
                    MeasureValue(
                        u,
                        i,
                        m,
                        float(v),
                        unit,
                        date.fromisoformat(s),
                        date.fromisoformat(e),
                        date.fromisoformat(f),
                    )
                )
        except ROW_ERRORS as exc:
            raise bad_row("measures", f"{u} {m}", exc) from None
    return found


def measures(
    db: sqlite3.Connection, since: date | None, until: date | None, include_undone: bool
) -> list[MeasureRecord]:
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
    from csm_checklist.store.measure_records import MeasureRecord

    rows = db.execute(
        "SELECT m.event_uuid, m.measure_id, m.value, m.unit FROM measures m "
        f"JOIN events e ON e.uuid = m.event_uuid WHERE {' AND '.join(clauses)} "
        "ORDER BY e.logged_at_utc, m.id",
        params,
    ).fetchall()
    return [MeasureRecord(*row) for row in rows]


def merge_measures(db: sqlite3.Connection, records: Iterable[MeasureRecord], dry_run: bool) -> int:
    added = 0
    for record in records:
        row = db.execute(
            "SELECT value FROM measures WHERE event_uuid = ? AND measure_id = ?",
            (record.event_uuid, record.measure_id),
        ).fetchone()
        if row is None:
            if not dry_run:
                add_measures(db, record.event_uuid, [record[1:]])
            added += 1
        elif float(row[0]) != record.value:
            raise ImportFileError(
                Msg(
                    "errors.measure_conflict",
                    name=record.measure_id,
                    uuid=record.event_uuid,
                    mine=f"{row[0]:g}",
                    theirs=f"{record.value:g}",
                ),
                hint=Msg("errors.measure_conflict_hint"),
            )
    return added
