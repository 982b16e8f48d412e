"""What a json backup carries besides events and the history of the rules:
playbook runs with their step check-offs, and the measures recorded with
events. csv and jsonl exports carry events only."""

from __future__ import annotations

from datetime import date
from typing import Any

from .log import EventLog


def extra_header(
    log: EventLog, since: date | None, until: date | None, include_undone: bool
) -> dict[str, Any]:
    """The runs (all of them: a run is not dated like an event), their step
    events, and the measures of the events the export holds."""
    from .runs import export_records

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
    measures = [{"event": u, "measure": m, "value": v, "unit": unit} for u, m, v, unit in rows]
    return {"runs": runs, "run_steps": steps, "measures": measures}


def merge_extra(
    log: EventLog, extra: dict[str, list[Any]], *, dry_run: bool = False
) -> tuple[int, int, int]:
    """Merge a backup's runs, step events and measures by uuid (a conflict
    is refused, like an event's). Returns how many of each were added."""
    from .measures import merge_measures
    from .runs import merge_records

    runs, steps = merge_records(
        log, extra.get("runs", []), extra.get("run_steps", []), dry_run=dry_run
    )
    measures = merge_measures(log, extra.get("measures", []), dry_run=dry_run)
    return runs, steps, measures
