"""What both ways to the team's record share, without psycopg: how a server
is named to a person, whether its schema is the one this csm knows, and the
columns and records of its rows (psycopg gives typed values, libpq text; a
row reads the same either way)."""

# No `from __future__ import annotations`: `csm today` loads this module.

import os
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from csm_checklist.errors import LogError
from csm_checklist.messages import Msg
from csm_checklist.store.records import FIELDS, KINDS, ROW_ERRORS, Event, bad_row

if TYPE_CHECKING:
    from csm_checklist.store.run_records import RunRecord, StepEvent

# The columns of an event, in `FIELDS` order: `by` is who did it (done_by).
EVENT_COLUMNS = ", ".join("done_by" if name == "by" else name for name in FIELDS)
RUN_COLUMNS = (
    "uuid, run_id, playbook, title, name, started_at, steps, started_by, host, "
    "closed_at, close_note, forced"
)
STEP_COLUMNS = "uuid, run_id, step_id, kind, logged_at, logged_by, note, host, undone_at"


def describe_parts(parts: dict[str, Any]) -> str:
    """`host:port/database` or `service NAME` from a connection's parameters
    (as `postgres.describe` gives them), never with a password."""
    if parts.get("service") or os.environ.get("PGSERVICE"):
        return f"service {parts.get('service') or os.environ.get('PGSERVICE')}"
    host = str(parts.get("host") or os.environ.get("PGHOST") or "localhost")
    port = str(parts.get("port") or os.environ.get("PGPORT") or "5432")
    name = str(parts.get("dbname") or os.environ.get("PGDATABASE") or "")
    where = f"{host}:{port}" if not host.startswith("/") else f"{host} (port {port})"
    return f"{where}/{name}" if name else where


def applied_as_known(applied: Sequence[str] | None, known: Sequence[str], server: str) -> None:
    """LogError unless `applied` (None: no schema) are exactly the
    migrations `known` of this csm: a newer record, or one that lacks a
    migration, is refused with the command that puts it right."""
    if applied is None:
        raise LogError(Msg("team.not_set_up", server=server), hint=Msg("team.not_set_up_hint"))
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise LogError(
            Msg("team.newer", server=server, name=unknown[0]), hint=Msg("team.newer_hint")
        )
    missing = [name for name in known if name not in applied]
    if missing:
        raise LogError(
            Msg("team.behind", server=server, name=missing[0]), hint=Msg("team.behind_hint")
        )


def event_from_row(row: Sequence[Any]) -> Event:
    """The event of a row read in `EVENT_COLUMNS` order; LogError naming the
    row when it is not one csm wrote."""
    try:
        (uuid, item_id, title, cadence, kind, start, end, day, logged, by, note, undone, host) = (
            row[:13]
        )
        if kind not in KINDS:
            raise ValueError(f"kind {kind!r}")
        return Event(
            uuid=str(uuid),
            item_id=str(item_id),
            title=str(title),
            cadence=str(cadence),
            kind="done" if kind == "done" else "skip",
            period_start=date.fromisoformat(str(start)),
            period_end=date.fromisoformat(str(end)),
            for_date=date.fromisoformat(str(day)),
            logged_at=datetime.fromisoformat(str(logged)),
            by=str(by),
            note=str(note),
            host=str(host),
            undone_at=datetime.fromisoformat(str(undone)) if undone else None,
            logged_by=str(row[13]),
        )
    except ROW_ERRORS as exc:
        raise bad_row("events", row[0], exc) from None


def run_from_row(row: Sequence[Any]) -> "RunRecord":
    """The run of a row read in `RUN_COLUMNS` order."""
    from csm_checklist.store.run_records import RunRecord

    uuid, run_id, playbook, title, name, started, steps, by, host, closed, note, forced = row
    return RunRecord(
        str(uuid),
        str(run_id),
        str(playbook),
        str(title),
        str(name),
        datetime.fromisoformat(str(started)),
        str(steps),
        str(by),
        str(host),
        datetime.fromisoformat(str(closed)) if closed else None,
        str(note),
        forced not in (None, 0, "0"),  # an integer from psycopg, its text from libpq
    )


def step_from_row(row: Sequence[Any]) -> "StepEvent":
    """The step check-off of a row read in `STEP_COLUMNS` order."""
    from csm_checklist.store.run_records import StepEvent

    uuid, run_id, step_id, kind, logged, by, note, host, undone = row
    return StepEvent(
        str(uuid),
        str(run_id),
        str(step_id),
        str(kind),
        datetime.fromisoformat(str(logged)),
        str(by),
        str(note),
        str(host),
        datetime.fromisoformat(str(undone)) if undone else None,
    )
