"""What `csm import` checks beyond each record's own fields: that the record
could have been written by `csm done`, `csm run` or `csm history` here.

- dates: nothing after the import's own now (a few minutes of clock
  difference between machines allowed; a day is "after" only once it has
  begun nowhere on earth), nothing before 1900;
- one active entry per period: an active event for a period that already
  holds one with another uuid (in the log, or earlier in the file);
- references: a measure belongs to an event, a step event to a run and one
  of its steps, in the log or in the file;
- measures: declared by the event's item, finite numbers.

Problems are collected, not raised one by one, so a dry run can show every
one; `Problems.raise_any` ends the import with all of them, and the import's
transaction is rolled back: nothing is written.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from csm_checklist.errors import ImportFileError
from csm_checklist.messages import Msg
from csm_checklist.store.records import Event

if TYPE_CHECKING:
    from csm_checklist.store.interface import Store

EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc)
# Clocks of two machines seldom agree to the second.
CLOCK_SLACK = timedelta(minutes=15)
# The date is already tomorrow somewhere until UTC+14 has moved on.
_AHEAD = timezone(timedelta(hours=14))
KNOWN_BACKUPS = (1,)


class ImportProblems(ImportFileError):
    """Every problem an import found (exit 2); `problems` lists them all."""

    def __init__(self, problems: list[tuple[str, str | None]]) -> None:
        more = len(problems) - 1
        first, hint = problems[0]
        super().__init__(
            first,
            hint=Msg("errors.import_more_problems", count=more)
            if more
            else hint or Msg("errors.import_fix_hint"),
        )
        self.problems = [message for message, _hint in problems]


class Limits:
    """The moment an import runs at, and what it accepts."""

    def __init__(self, now: datetime, declared: Mapping[str, Iterable[str]] | None) -> None:
        self.now = now
        self.latest = now + CLOCK_SLACK
        self.last_day = (now.astimezone(timezone.utc) + CLOCK_SLACK).astimezone(_AHEAD).date()
        self.declared = None if declared is None else {k: frozenset(v) for k, v in declared.items()}
        self.problems: list[tuple[str, str | None]] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append((Msg("errors.in_record", where=where, message=message), None))

    def raise_any(self) -> None:
        if self.problems:
            raise ImportProblems(self.problems)

    # Dates ---------------------------------------------------------------

    def day(self, where: str, name: str, day: date | None) -> None:
        if day is not None and day > self.last_day:
            self.add(where, Msg("errors.import_day_future", name=name, value=day))

    def moment(self, where: str, name: str, moment: datetime | None) -> None:
        if moment is None:
            return
        if moment.utcoffset() is None:
            self.add(where, Msg("errors.field_not_timestamp", name=name, value=moment))
        elif moment > self.latest:
            self.add(where, Msg("errors.import_moment_future", name=name, value=moment))
        elif moment < EARLIEST:
            self.add(where, Msg("errors.import_moment_early", name=name, value=moment))

    def text_moment(self, where: str, name: str, value: object, *, optional: bool = False) -> None:
        if optional and value in (None, ""):
            return
        try:
            moment = datetime.fromisoformat(str(value)) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None or moment.utcoffset() is None:
            self.add(where, Msg("errors.field_not_timestamp", name=name, value=str(value)[:60]))
            return
        self.moment(where, name, moment)

    def event(self, where: str, event: Event) -> None:
        self.day(where, "for_date", event.for_date)
        self.moment(where, "logged_at", event.logged_at)
        self.moment(where, "undone_at", event.undone_at)

    # One active entry per period --------------------------------------------

    def period(self, where: str, log: Store, event: Event) -> None:
        if not event.active:
            return
        found = log.active_for([(event.item_id, event.period_start)])
        other = found.get((event.item_id, event.period_start))
        if other is not None and other.uuid != event.uuid:
            self.add(
                where,
                Msg(
                    "errors.import_period_taken",
                    item=event.item_id,
                    start=event.period_start,
                    end=event.period_end,
                    uuid=other.uuid[:8],
                ),
            )


def check_backup_version(value: object, name: str) -> None:
    """ImportFileError unless `value` is a backup version this csm reads."""
    if isinstance(value, bool) or not isinstance(value, int) or value not in KNOWN_BACKUPS:
        raise ImportFileError(
            Msg("errors.import_backup_version", name=name, value=str(value)[:40]),
            hint=Msg("errors.import_backup_version_hint"),
        )


def check_history(
    limits: Limits, name: str, starts: Iterable[Any], revisions: Iterable[Any]
) -> None:
    """A backup's tracking starts and revisions: none dated after now."""
    for index, start in enumerate(starts):
        where = Msg("errors.at_index", name=name, key="starts", index=index)
        limits.day(where, "start", start.start)
        limits.moment(where, "recorded_at", start.recorded_at)
    for index, revision in enumerate(revisions):
        where = Msg("errors.at_index", name=name, key="revisions", index=index)
        limits.day(where, "effective", revision.effective)
        limits.moment(where, "recorded_at", revision.recorded_at)


def check_extra(
    limits: Limits,
    log: Store,
    name: str,
    extra: Mapping[str, list[Any]],
    file_events: Mapping[str, str],
) -> None:
    """A backup's runs, step events and measures: dates in range, references
    that resolve (in the file or in the log), declared finite measures."""
    runs: dict[str, set[str] | None] = {}
    for index, record in enumerate(extra.get("runs", [])):
        where = Msg("errors.at_index", name=name, key="runs", index=index)
        limits.text_moment(where, "started_at", record.get("started_at"))
        limits.text_moment(where, "closed_at", record.get("closed_at"), optional=True)
        runs[str(record.get("run_id"))] = _step_ids(record.get("steps"))
    for run in log.runs():
        if run.run_id not in runs:
            try:
                runs[run.run_id] = _step_ids(json.loads(run.steps))
            except ValueError:
                runs[run.run_id] = None
    for index, record in enumerate(extra.get("run_steps", [])):
        where = Msg("errors.at_index", name=name, key="run_steps", index=index)
        limits.text_moment(where, "logged_at", record.get("logged_at"))
        limits.text_moment(where, "undone_at", record.get("undone_at"), optional=True)
        run_id, step_id = str(record.get("run_id")), str(record.get("step_id"))
        if run_id not in runs:
            limits.add(where, Msg("errors.import_no_such_run", run=run_id))
        elif (known := runs[run_id]) is not None and step_id not in known:
            limits.add(where, Msg("errors.import_no_such_step", run=run_id, step=step_id))
    for index, record in enumerate(extra.get("measures", [])):
        where = Msg("errors.at_index", name=name, key="measures", index=index)
        _check_measure(limits, log, where, record, file_events)


def _step_ids(steps: object) -> set[str] | None:
    if not isinstance(steps, dict) or not isinstance(steps.get("steps"), list):
        return None
    return {str(s.get("id")) for s in steps["steps"] if isinstance(s, dict)}


def _check_measure(
    limits: Limits, log: Store, where: str, record: Any, file_events: Mapping[str, str]
) -> None:
    value = record.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        limits.add(where, Msg("errors.import_measure_not_number", value=str(value)[:40]))
    uuid, measure = str(record.get("event")), str(record.get("measure"))
    item = file_events.get(uuid)
    if item is None:
        item = log.item_of_event(uuid)
    if item is None:
        limits.add(where, Msg("errors.import_no_such_event", uuid=uuid))
        return
    declared = limits.declared
    if declared is not None and measure not in declared.get(item, frozenset()):
        limits.add(where, Msg("errors.import_measure_undeclared", measure=measure, item=item))
