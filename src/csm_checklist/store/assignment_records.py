"""The record of `csm assign`: who owns an item, from a date on."""

from datetime import date, datetime
from typing import NamedTuple


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
