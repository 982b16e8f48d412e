"""The records of the measures recorded with events (`--measure csat=4.6`),
whatever the store's engine. Loaded only by what reads or writes measures.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple field whenever this module is loaded.

from datetime import date
from typing import NamedTuple


class MeasureRecord(NamedTuple):
    """One number recorded with one event (`--measure csat=4.6`)."""

    event_uuid: str
    measure_id: str
    value: float
    unit: str


class MeasureValue(NamedTuple):
    """A measure with the event it was recorded with: what reports read."""

    event_uuid: str
    item_id: str
    measure_id: str
    value: float
    unit: str
    period_start: date
    period_end: date
    for_date: date
