"""What a json backup carries besides events and the history of the rules:
playbook runs with their step check-offs, and the measures recorded with
events. csv and jsonl exports carry events only.

`extra_header` writes them from a store; `run_records`, `step_records` and
`measure_records` read them back as the store's records, each checked as it
is read (ImportFileError naming the record otherwise).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from csm_checklist.errors import ImportFileError
from csm_checklist.messages import Msg
from csm_checklist.store.measure_records import MeasureRecord
from csm_checklist.store.run_records import RunRecord, StepEvent

if TYPE_CHECKING:
    from csm_checklist.store.interface import Store


def _moment(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def extra_header(
    store: Store, since: date | None, until: date | None, include_undone: bool
) -> dict[str, Any]:
    """The runs (all of them: a run is not dated like an event), their step
    events, and the measures of the events the export holds."""
    runs = [
        {
            "uuid": run.uuid,
            "run_id": run.run_id,
            "playbook": run.playbook,
            "title": run.title,
            "name": run.name,
            "started_at": run.started_at.isoformat(),
            "steps": json.loads(run.steps),
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
    return {"runs": runs, "run_steps": steps, "measures": measures}


def run_records(records: Iterable[Any]) -> Iterator[RunRecord]:
    """A backup's runs, each checked."""
    for record in records:
        try:
            steps = record["steps"]
            if not isinstance(steps, dict) or not isinstance(steps.get("steps"), list):
                raise ValueError("steps")
            started = datetime.fromisoformat(record["started_at"])
            closed = record.get("closed_at") or None
            closed_at = datetime.fromisoformat(closed) if closed else None
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
        except (KeyError, TypeError, ValueError) as exc:
            raise ImportFileError(
                Msg("errors.run_record_malformed", reason=exc, record=str(record)[:80]),
                hint=Msg("errors.export_runs_again_hint"),
            ) from None
        yield run


def step_records(records: Iterable[Any]) -> Iterator[StepEvent]:
    """A backup's step check-offs, each checked."""
    for record in records:
        try:
            event = StepEvent(
                str(record["uuid"]),
                str(record["run_id"]),
                str(record["step_id"]),
                str(record["kind"]),
                datetime.fromisoformat(record["logged_at"]),
                str(record["logged_by"]),
                str(record.get("note", "")),
                str(record.get("host", "")),
                datetime.fromisoformat(record["undone_at"]) if record.get("undone_at") else None,
            )
            if event.kind not in ("done", "skip"):
                raise ValueError(f"kind {event.kind!r}")
        except (KeyError, TypeError, ValueError) as exc:
            raise ImportFileError(
                Msg("errors.step_record_malformed", reason=exc, record=str(record)[:80]),
                hint=Msg("errors.export_runs_again_hint"),
            ) from None
        yield event


def measure_records(records: Iterable[Any]) -> Iterator[MeasureRecord]:
    """A backup's measures, each checked."""
    for record in records:
        try:
            found = MeasureRecord(
                str(record["event"]),
                str(record["measure"]),
                float(record["value"]),
                str(record.get("unit", "")),
            )
        except (KeyError, TypeError, ValueError):
            raise ImportFileError(
                Msg("errors.measure_record_malformed", record=record),
                hint=Msg("errors.measure_record_malformed_hint"),
            ) from None
        yield found
