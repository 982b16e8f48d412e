"""What a json backup carries besides events and the history of the rules:
playbook runs with their step check-offs, the measures recorded with
events, and the corrections of events' notes (`csm note`, shown by
`csm log --history`). csv and jsonl exports carry events only.

`extra_header` writes them from a store; `run_records`, `step_records`,
`measure_records` and `note_change_records` read them back as the store's
records, each checked as it is read (ImportFileError naming the record
otherwise). With `at`, each notes where it is (`["runs", 3]`) before it
reads a record, so a refusal can name it: "FILE, runs[3]".
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from csm_checklist.errors import ImportFileError
from csm_checklist.messages import Msg
from csm_checklist.store.assignment_records import AssignmentRecord
from csm_checklist.store.measure_records import MeasureRecord
from csm_checklist.store.records import NoteChange, bad_row
from csm_checklist.store.run_records import RunRecord, StepEvent

if TYPE_CHECKING:
    from csm_checklist.store.interface import Store


def _moment(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def extra_header(
    store: Store, since: date | None, until: date | None, include_undone: bool
) -> dict[str, Any]:
    """The runs (all of them: a run is not dated like an event), their step
    events, and the measures and note corrections of the events the export
    holds."""
    runs = [
        {
            "uuid": run.uuid,
            "run_id": run.run_id,
            "playbook": run.playbook,
            "title": run.title,
            "name": run.name,
            "started_at": run.started_at.isoformat(),
            "steps": _steps(run),
            "started_by": run.started_by,
            "host": run.host,
            "closed_at": _moment(run.closed_at),
            "close_note": run.close_note,
            "forced": run.forced,
        }
        for run in store.runs()
    ]
    steps = [
        {
            "uuid": event.uuid,
            "run_id": event.run_id,
            "step_id": event.step_id,
            "kind": event.kind,
            "logged_at": event.logged_at.isoformat(),
            "logged_by": event.by,
            "note": event.note,
            "host": event.host,
            "undone_at": _moment(event.undone_at),
        }
        for event in store.step_events()
    ]
    measures = [
        {"event": m.event_uuid, "measure": m.measure_id, "value": m.value, "unit": m.unit}
        for m in store.measures(since=since, until=until, include_undone=include_undone)
    ]
    notes = [
        {
            "event": n.event_uuid,
            "old_note": n.old_note,
            "new_note": n.new_note,
            "changed_at": n.changed_at.isoformat(),
            "by": n.by,
            "host": n.host,
        }
        for n in store.all_note_changes(since=since, until=until, include_undone=include_undone)
    ]
    extra = {"runs": runs, "run_steps": steps, "measures": measures, "note_changes": notes}
    assigned = store.assignments()
    if assigned:  # only then: a log without them exports exactly as before
        extra["assignments"] = [
            {
                "uuid": r.uuid,
                "item": r.item_id,
                "effective": r.effective.isoformat(),
                "people": list(r.people),
                "recorded_at": r.recorded_at.isoformat(),
                "by": r.by,
            }
            for r in assigned
        ]
    return extra


def _steps(run: RunRecord) -> Any:
    try:
        return json.loads(run.steps)
    except (ValueError, TypeError, RecursionError) as exc:
        raise bad_row("runs", run.run_id, exc) from None


def _aware(text: object) -> datetime:
    """A moment with its UTC offset; ValueError for anything else."""
    if not isinstance(text, str):
        raise TypeError(f"not text: {text!r}"[:60])
    moment = datetime.fromisoformat(text)
    if moment.utcoffset() is None:
        raise ValueError(f"no UTC offset: {text!r}"[:60])
    return moment


def _each(records: Iterable[Any], key: str, at: list[Any] | None) -> Iterator[Any]:
    """`records`, noting in `at` which one is being read."""
    for index, record in enumerate(records):
        if at is not None:
            at[:] = [key, index]
        yield record


def run_records(records: Iterable[Any], at: list[Any] | None = None) -> Iterator[RunRecord]:
    """A backup's runs, each checked."""
    for record in _each(records, "runs", at):
        try:
            steps = record["steps"]
            if not isinstance(steps, dict) or not isinstance(steps.get("steps"), list):
                raise ValueError("steps")
            started = _aware(record["started_at"])
            closed = record.get("closed_at") or None
            closed_at = _aware(closed) if closed else None
            run = RunRecord(
                str(record["uuid"]),
                str(record["run_id"]),
                str(record["playbook"]),
                str(record["title"]),
                str(record.get("name", "")),
                started,
                json.dumps(steps, ensure_ascii=False, sort_keys=True),
                str(record["started_by"]),
                str(record.get("host", "")),
                closed_at,
                str(record.get("close_note", "")),
                bool(record.get("forced", False)),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ImportFileError(
                Msg("errors.run_record_malformed", reason=exc, record=str(record)[:80]),
                hint=Msg("errors.export_runs_again_hint"),
            ) from None
        yield run


def step_records(records: Iterable[Any], at: list[Any] | None = None) -> Iterator[StepEvent]:
    """A backup's step check-offs, each checked."""
    for record in _each(records, "run_steps", at):
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
        yield event


def measure_records(records: Iterable[Any], at: list[Any] | None = None) -> Iterator[MeasureRecord]:
    """A backup's measures, each checked: a finite number, never text, a
    boolean, NaN or infinity."""
    for record in _each(records, "measures", at):
        try:
            uuid, name = str(record["event"]), str(record["measure"])
            raw, unit = record["value"], str(record.get("unit", ""))
            if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                raise TypeError
            value = float(raw)
            if not math.isfinite(value):
                raise ValueError
            found = MeasureRecord(uuid, name, value, unit)
        except (KeyError, TypeError, ValueError, OverflowError):
            raise ImportFileError(
                Msg("errors.measure_record_malformed", record=record),
                hint=Msg("errors.measure_record_malformed_hint"),
            ) from None
        yield found


def assignment_records(
    records: Iterable[Any], at: list[Any] | None = None
) -> Iterator[AssignmentRecord]:
    """A backup's `csm assign` changes, each checked: an item id, a date,
    and logins (none, one, or several different ones)."""
    from csm_checklist.dates.daysoff import is_login

    for record in _each(records, "assignments", at):
        try:
            people = record["people"]
            if not isinstance(people, list) or not all(is_login(p) for p in people):
                raise ValueError("people")
            if len(set(people)) != len(people):
                raise ValueError("people")
            yield AssignmentRecord(
                str(record["uuid"]),
                str(record["item"]),
                date.fromisoformat(str(record["effective"])),
                tuple(people),
                _aware(record["recorded_at"]),
                str(record.get("by", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ImportFileError(
                Msg("owners.assignment_malformed", reason=exc, record=str(record)[:80]),
                hint=Msg("owners.export_again_hint"),
            ) from None


def note_change_records(records: Iterable[Any]) -> Iterator[NoteChange]:
    """A backup's corrections of events' notes, each checked."""
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
        yield NoteChange(uuid, old, new, at, by, host)
