"""The records every store keeps and gives back, whatever its engine.

Plain NamedTuples (not dataclasses: importing `dataclasses`, and the
`inspect` it brings, would cost `csm today` more than its own work). Uuids
are text; moments are timezone-aware datetimes that keep the offset they
were logged with; days are dates. `utc_key` is the one sortable text of a
moment, for engines that order moments as text.

The standard library only: `csm today` imports this module every morning.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple field at each start of `csm today`.

import os
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from csm_checklist.errors import LogError
    from csm_checklist.store.measure_records import MeasureRecord as MeasureRecord
    from csm_checklist.store.measure_records import MeasureValue as MeasureValue
    from csm_checklist.store.run_records import RunRecord as RunRecord
    from csm_checklist.store.run_records import StepEvent as StepEvent

Kind = Literal["done", "skip"]
KINDS: tuple[Kind, ...] = ("done", "skip")

# How many write transactions this process has committed, whatever the
# engine: after a failure elsewhere (a closed pipe), the CLI can say the
# record was already saved.
COMMITS = [0]

# The shortest start of a uuid `csm note` takes: 16 million to one against two
# events of a manager's log sharing it by chance.
MIN_UUID_PREFIX = 6


# What a row of the log that was edited by hand can raise when it is read.
ROW_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)


def bad_row(table: str, row_id: object, exc: BaseException) -> "LogError":
    """The error for a row csm cannot read (exit 1): its table and id, never
    a traceback. csm never repairs or drops such a row by itself."""
    from csm_checklist.errors import LogError
    from csm_checklist.messages import Msg

    reason = str(exc).strip() or type(exc).__name__
    return LogError(
        Msg("errors.log_bad_row", table=table, id=str(row_id)[:60], reason=reason[:120]),
        hint=Msg("errors.log_bad_row_hint", table=table),
    )


def aware(text: object) -> datetime:
    """A stored moment, which csm always writes with its UTC offset."""
    moment = datetime.fromisoformat(str(text))
    if moment.utcoffset() is None:
        raise ValueError(f"{text!r} has no UTC offset")
    return moment


class Event(NamedTuple):
    """One done or skip of one item for one period."""

    uuid: str
    item_id: str
    title: str  # as it was when logged, in the language of that moment
    cadence: str
    kind: Kind
    period_start: date
    period_end: date
    for_date: date
    logged_at: datetime  # timezone-aware, with the offset it was logged with
    by: str  # done by: who did the work (`--by`); what reports and `log --by` use
    note: str  # the note of a done or the reason of a skip; "" when none
    host: str
    undone_at: datetime | None = None
    # Logged by: who wrote the entry. On the team's record the connected login
    # (the server sees to it); on a personal log the `user` setting. An entry
    # logged before csm kept it reads as logged by whoever did it.
    logged_by: str = ""

    @property
    def active(self) -> bool:
        """Whether the event still counts (it has not been undone)."""
        return self.undone_at is None

    @property
    def logged_for_another(self) -> bool:
        """Whether csm knows it was logged by someone other than who did it.
        A name and a login that differ only in case are one person: on a
        team's record a member's entries are done by "Ali", logged by "ali"."""
        return bool(self.logged_by) and self.logged_by.casefold() != self.by.strip().casefold()


class NoteChange(NamedTuple):
    """One correction of an event's note (`csm note`)."""

    event_uuid: str
    old_note: str
    new_note: str
    changed_at: datetime
    by: str
    host: str


class StartRecord(NamedTuple):
    """One setting of the log's tracking start; the latest recorded is in force."""

    uuid: str
    start: date
    recorded_at: datetime


class RevisionRecord(NamedTuple):
    """The rules csm saw in force from `effective` on, as canonical JSON text."""

    uuid: str
    effective: date
    recorded_at: datetime
    rules: str


# The one column order of an event's text row: what an export writes, and
# what `Store.export_batches` gives, in that order. `host`, then `logged_by`,
# came after the rest: an export written before them lacks them.
FIELDS = (
    "uuid",
    "item_id",
    "title",
    "cadence",
    "kind",
    "period_start",
    "period_end",
    "for_date",
    "logged_at",
    "by",
    "note",
    "undone_at",
    "host",
    "logged_by",
)


def event_row(event: Event) -> tuple[str | None, ...]:
    """The text of `event`, in `FIELDS` order; undone_at None when active."""
    return (
        event.uuid,
        event.item_id,
        event.title,
        event.cadence,
        event.kind,
        event.period_start.isoformat(),
        event.period_end.isoformat(),
        event.for_date.isoformat(),
        event.logged_at.isoformat(),
        event.by,
        event.note,
        event.undone_at.isoformat() if event.undone_at is not None else None,
        event.host,
        event.logged_by,
    )


def new_uuid() -> str:
    """A random (version 4) uuid, as `str(uuid.uuid4())` gives.

    Built here because importing `uuid` (and the `platform` module it pulls
    in) costs more than the rest of `csm done`'s own work.
    """
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def host_name() -> str:
    """This machine's name, as `socket.gethostname()` gives it."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)  # POSIX: no need to import socket
    import socket

    return socket.gethostname()


def utc_key(moment: datetime) -> str:
    """A fixed-width UTC text of `moment` that sorts like time itself."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# The records of runs and of measures live in run_records.py and
# measure_records.py, which `csm today` loads only when it needs them (a run
# is open); they can be imported from here too.
_ELSEWHERE = {
    "RunRecord": "run_records",
    "StepEvent": "run_records",
    "MeasureRecord": "measure_records",
    "MeasureValue": "measure_records",
}


def __getattr__(name: str) -> Any:
    if name in _ELSEWHERE:
        import importlib

        return getattr(importlib.import_module(f"csm_checklist.store.{_ELSEWHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
