"""The record of `csm assign`: who owns an item, from a date on."""

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple


class AssignmentRecord(NamedTuple):
    """One effective-dated change of an item's owners, as `csm assign` records it.

    `people`: () for nobody (the team's duty), one login for an owner,
    several for a rotation in that order. It holds from `effective` until a
    later change; the latest recorded wins among changes of the same day.
    """

    uuid: str
    item_id: str
    effective: date
    people: tuple[str, ...]
    recorded_at: datetime
    by: str


def assignment_params(record: AssignmentRecord) -> tuple[str, ...]:
    """The row both engines store: uuid, item_id, effective, people (a JSON
    list), recorded_at, its UTC key, and recorded_by."""
    from csm_checklist.store.records import utc_key

    return (
        record.uuid,
        record.item_id,
        record.effective.isoformat(),
        json.dumps(list(record.people)),
        record.recorded_at.isoformat(),
        utc_key(record.recorded_at),
        record.by,
    )


def assignment_from_row(row: Sequence[Any]) -> AssignmentRecord:
    """The record of a row (uuid, item_id, effective, people, recorded_at,
    recorded_by); LogError naming the row when it is not one csm wrote."""
    from csm_checklist.store.records import ROW_ERRORS, aware, bad_row

    uuid, item_id, effective, people, moment, by = row
    try:
        names = json.loads(people)
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError("people is not a list of logins")
        return AssignmentRecord(
            str(uuid),
            str(item_id),
            date.fromisoformat(effective),
            tuple(names),
            aware(moment),
            str(by),
        )
    except (*ROW_ERRORS, RecursionError) as exc:
        raise bad_row("assignments", uuid, exc) from None
