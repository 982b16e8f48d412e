"""Playbook runs: starting one, checking its steps off, closing it, and when
each step is due.

A run keeps a copy of its playbook's steps as they were when it started, so
editing the playbook later never changes a past run. Its step events are
append-only like the log's events: undo marks them, never deletes them.
Every function takes the moment as an argument; only the CLI asks the clock.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, NamedTuple

from csm_checklist.dates.within import CalendarOn, Within, deadline, parse_within
from csm_checklist.duties.catalog import Text
from csm_checklist.errors import BadInput, NotMet
from csm_checklist.messages import Msg
from csm_checklist.store.records import ROW_ERRORS, bad_row, host_name, new_uuid
from csm_checklist.store.run_records import RunRecord, StepEvent

if TYPE_CHECKING:
    from csm_checklist.duties.playbooks import Playbook
    from csm_checklist.store.interface import Store


# NamedTuples rather than dataclasses: `csm today` creates these classes
# whenever a run is open, and a NamedTuple class costs a fifth as much.


class RunStep(NamedTuple):
    """A step of a run as it stands: its deadline and what was logged."""

    id: str
    title: Text
    within: Within | None
    deadline: datetime | None
    event: StepEvent | None  # the active done or skip, if any

    @property
    def state(self) -> str:
        return self.event.kind if self.event is not None else "open"

    @property
    def late(self) -> bool:
        """Done after its deadline (a skip says the step was not needed: never late)."""
        return (
            self.event is not None
            and self.event.kind == "done"
            and self.deadline is not None
            and self.event.logged_at > self.deadline
        )

    def overdue(self, now: datetime) -> bool:
        """Still open after its deadline."""
        return self.event is None and self.deadline is not None and now > self.deadline


class Run(NamedTuple):
    uuid: str
    run_id: str
    playbook: str
    title: Text
    name: str
    started_at: datetime
    started_by: str
    host: str
    closed_at: datetime | None
    close_note: str
    forced: bool
    steps: tuple[RunStep, ...]

    @property
    def open(self) -> bool:
        return self.closed_at is None

    @property
    def open_steps(self) -> list[RunStep]:
        return [step for step in self.steps if step.event is None]

    @property
    def late_steps(self) -> list[RunStep]:
        return [step for step in self.steps if step.late]

    @property
    def time_to_close(self) -> timedelta | None:
        return self.closed_at - self.started_at if self.closed_at is not None else None


# Deadlines ------------------------------------------------------------------------


# Reading ---------------------------------------------------------------------------


def _run(record: RunRecord, events: Sequence[StepEvent], calendar_on: CalendarOn) -> Run:
    try:
        return _run_fields(record, events, calendar_on)
    except ROW_ERRORS as exc:
        raise bad_row("runs", record.run_id, exc) from None


def _run_fields(record: RunRecord, events: Sequence[StepEvent], calendar_on: CalendarOn) -> Run:
    started_at = record.started_at
    snapshot = json.loads(record.steps)
    active: dict[str, StepEvent] = {}
    for event in events:  # oldest first: the first active one settles the step
        if event.undone_at is None and event.step_id not in active:
            active[event.step_id] = event
    steps = []
    for step in snapshot["steps"]:
        within = parse_within(step["within"]) if step.get("within") else None
        steps.append(
            RunStep(
                step["id"],
                Text(step["title"]["en"], step["title"]["ar"]),
                within,
                deadline(within, started_at, calendar_on) if within is not None else None,
                active.get(step["id"]),
            )
        )
    title = snapshot["title"]
    return Run(
        record.uuid,
        record.run_id,
        record.playbook,
        Text(title["en"], title["ar"]),
        record.name,
        started_at,
        record.started_by,
        record.host,
        record.closed_at,
        record.close_note,
        record.forced,
        tuple(steps),
    )


def load_runs(
    log: Store,
    calendar_on: CalendarOn,
    *,
    open_only: bool = False,
    run_ids: Sequence[str] | None = None,
    as_logged: datetime | None = None,
) -> list[Run]:
    """Runs, oldest started first, with their steps as they stand (with
    `as_logged`, as they stood at that moment: runs started by then, steps
    checked off by then, a close or an undo only if made by then; a run
    closed later is open then, even with `open_only`)."""
    # As of a moment, a run closed since then was open: it is read, then kept.
    records = log.runs(
        open_only=open_only and as_logged is None, run_ids=run_ids, started_by=as_logged
    )
    events: dict[str, list[StepEvent]] = {}
    if records:
        for event in log.step_events([record.run_id for record in records]):
            if as_logged is not None:
                if event.logged_at > as_logged:
                    continue
                if event.undone_at is not None and event.undone_at > as_logged:
                    event = event._replace(undone_at=None)
            events.setdefault(event.run_id, []).append(event)
    runs = [_run(record, events.get(record.run_id, []), calendar_on) for record in records]
    if as_logged is not None:
        runs = [
            run._replace(closed_at=None, close_note="", forced=False)
            if run.closed_at is not None and run.closed_at > as_logged
            else run
            for run in runs
        ]
        if open_only:
            runs = [run for run in runs if run.open]
    return runs


def find_run(log: Store, text: str, calendar_on: CalendarOn) -> Run:
    """The run named `text` (its id, or a unique start of it); NotMet otherwise."""
    key = text.strip().lower()
    if not key:  # the start of every id: never "the" run
        raise BadInput(Msg("errors.run_empty"), hint=Msg("errors.run_empty_hint"))
    ids = log.run_ids()
    matches = [run_id for run_id in ids if run_id == key] or [
        run_id for run_id in ids if run_id.startswith(key)
    ]
    if len(matches) != 1:
        recent = ", ".join(ids[-3:]) or Msg("errors.none_yet")
        raise NotMet(
            Msg("errors.no_run", text=text)
            if not matches
            else Msg("errors.runs_match", text=text, runs=", ".join(matches[:5])),
            hint=Msg("errors.no_run_hint", recent=recent),
        )
    return load_runs(log, calendar_on, run_ids=matches)[0]


# Writing ---------------------------------------------------------------------------


def start_moment(
    day: date,
    today: date,
    now: datetime,
    *,
    at: time | None = None,
    tracking_start: date | None = None,
) -> datetime:
    """When a run started on `day`: at `at` (local time) when given, else
    now for today and the first minute of an earlier day. BadInput for a
    moment in the future or a day before the log's tracking start."""
    if day > today:
        raise BadInput(
            Msg("errors.run_on_future", day=day.isoformat()),
            hint=Msg("errors.on_future_hint", today=today.isoformat()),
        )
    if tracking_start is not None and day < tracking_start:
        raise BadInput(
            Msg("errors.run_before_start", day=day.isoformat(), start=tracking_start.isoformat()),
            hint=Msg("errors.on_before_start_hint", day=day.isoformat()),
        )
    if at is not None:
        moment = datetime.combine(day, at, tzinfo=now.tzinfo)
        if moment > now:
            raise BadInput(
                Msg("errors.run_at_future", moment=f"{moment:%Y-%m-%d %H:%M}"),
                hint=Msg("errors.run_at_future_hint", now=f"{now:%Y-%m-%d %H:%M}"),
            )
        return moment
    if day == today:
        return now
    return datetime.combine(day, time(0, 0), tzinfo=now.tzinfo)


def start_run(
    log: Store,
    playbook: Playbook,
    moment: datetime,
    *,
    by: str,
    name: str = "",
    lang: str = "en",
) -> str:
    """Start a run of `playbook` at `moment`; returns its id, the playbook's
    id and the start day, with -2, -3 ... when that day already has one."""
    if not playbook.enabled:
        raise NotMet(
            Msg("errors.playbook_off", playbook=playbook.id),
            hint=Msg("errors.playbook_off_hint", source=playbook.source),
        )
    snapshot = {
        "title": {"en": playbook.title.en, "ar": playbook.title.ar},
        "steps": [
            {
                "id": step.id,
                "title": {"en": step.title.en, "ar": step.title.ar},
                "within": step.within.text() if step.within is not None else "",
            }
            for step in playbook.steps
        ],
    }
    return log.start_run(
        RunRecord(
            new_uuid(),
            f"{playbook.id}-{moment.date().isoformat()}",
            playbook.id,
            playbook.title.get(lang),
            name,
            moment,
            json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
            by,
            host_name(),
        )
    )


_STEP_REF = re.compile(r"\s*([^/\s]+)\s*/\s*([^/\s]+)\s*\Z")


def split_step(text: str) -> tuple[str, str]:
    """RUN/STEP as typed; BadInput for anything else."""
    match = _STEP_REF.match(text)
    if match is None:
        raise BadInput(
            Msg("errors.not_run_step", text=text),
            hint=Msg("errors.not_run_step_hint"),
        )
    return match.group(1), match.group(2)


def _step_of(run: Run, step_id: str) -> RunStep:
    for step in run.steps:
        if step.id == step_id:
            return step
    raise NotMet(
        Msg("errors.run_no_step", run=run.run_id, step=step_id),
        hint=Msg("errors.run_steps", steps=", ".join(step.id for step in run.steps)),
    )


def log_step(
    log: Store,
    run: Run,
    step_id: str,
    kind: str,
    moment: datetime,
    *,
    by: str,
    note: str = "",
) -> tuple[StepEvent, StepEvent | None]:
    """Check off (done or skip) a step of an open run at `moment`. Returns
    (event, None) when written, or (event, the one already there)."""
    step = _step_of(run, step_id)
    if not run.open:
        raise NotMet(
            Msg("errors.run_closed_on", run=run.run_id, moment=f"{run.closed_at:%Y-%m-%d %H:%M}"),
            hint=Msg("errors.run_closed_on_hint"),
        )
    event = StepEvent(new_uuid(), run.run_id, step.id, kind, moment, by, note, host_name())
    return event, log.log_step(event)


def undo_step(log: Store, run: Run, step_id: str, at: datetime) -> StepEvent | None:
    """Mark the step's active done or skip undone; None when it has none."""
    step = _step_of(run, step_id)
    return log.undo_step(run.run_id, step.id, at)


def close_run(
    log: Store, run: Run, moment: datetime, *, note: str = "", force: bool = False
) -> None:
    """Close an open run; with open steps only with `force` (NotMet otherwise)."""
    if not run.open:
        raise NotMet(
            Msg(
                "errors.run_already_closed",
                run=run.run_id,
                moment=f"{run.closed_at:%Y-%m-%d %H:%M}",
            ),
            hint=Msg("errors.run_already_closed_hint"),
        )
    left = run.open_steps
    if left and not force:
        many = "" if len(left) == 1 else "_many"
        raise NotMet(
            Msg(
                f"errors.run_open_steps{many}",
                run=run.run_id,
                count=len(left),
                steps=", ".join(step.id for step in left),
            ),
            hint=Msg(f"errors.run_open_steps{many}_hint", run=run.run_id, step=left[0].id),
        )
    log.close_run(run.run_id, moment, note=note, forced=bool(left))


def runs_in_window(runs: Iterable[Run], first: date, last: date) -> list[Run]:
    """Runs started or closed between first and last (both included)."""
    return [
        run
        for run in runs
        if first <= run.started_at.date() <= last
        or (run.closed_at is not None and first <= run.closed_at.date() <= last)
    ]
