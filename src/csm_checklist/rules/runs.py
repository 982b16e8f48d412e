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
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from csm_checklist.dates.schedule import WorkCalendar, is_workday
from csm_checklist.duties.catalog import Text
from csm_checklist.errors import BadInput, NotMet
from csm_checklist.messages import Msg
from csm_checklist.store.log import EventLog, host_name, new_uuid, utc_key

if TYPE_CHECKING:
    from csm_checklist.duties.playbooks import Playbook

CalendarOn = Callable[[date], WorkCalendar]

RUN_COLUMNS = (
    "uuid, run_id, playbook, title, name, started_at, steps, started_by, host, "
    "closed_at, close_note, forced"
)
STEP_COLUMNS = "uuid, run_id, step_id, kind, logged_at, logged_by, note, host, undone_at"


# NamedTuples rather than dataclasses: `csm today` creates these classes
# whenever a run is open, and a NamedTuple class costs a fifth as much.


class StepEvent(NamedTuple):
    """One done or skip of one step of a run."""

    uuid: str
    run_id: str
    step_id: str
    kind: str  # "done" or "skip"
    logged_at: datetime
    by: str
    note: str
    host: str
    undone_at: datetime | None = None


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

# Here rather than in playbooks.py: `csm today` reads open runs' deadlines
# without loading the playbooks' YAML reader.
_WITHIN = re.compile(r"\s*(\d+)\s*(h|hours?|d|days?|workdays?|working days?)\s*\Z", re.IGNORECASE)


class Within(NamedTuple):
    """How long after a run's start a step is due: hours, days or workdays."""

    amount: int
    unit: str  # "hours", "days" or "workdays"

    def text(self) -> str:
        return {"hours": f"{self.amount}h", "days": f"{self.amount}d"}.get(
            self.unit, f"{self.amount} workday" + ("s" if self.amount != 1 else "")
        )


# The longest time limit a step may have: ten years, in each unit. Beyond
# it a deadline is a typing slip (`3000000d`) that no calendar can hold.
MAX_WITHIN = {"hours": 3653 * 24, "days": 3653, "workdays": 2610}


def parse_within(text: str) -> Within | None:
    """`2h`, `1d`, `3 workdays` (and `2 hours`, `1 day`, `1 workday`), at
    most ten years; None otherwise."""
    match = _WITHIN.match(text)
    if match is None or len(match.group(1)) > 9 or int(match.group(1)) < 1:
        return None
    unit = match.group(2).lower()
    kind = "hours" if unit.startswith("h") else "days" if unit.startswith("d") else "workdays"
    if int(match.group(1)) > MAX_WITHIN[kind]:
        return None
    return Within(int(match.group(1)), kind)


def deadline(within: Within, started_at: datetime, calendar_on: CalendarOn) -> datetime:
    """When a step `within` the run's start is due.

    Hours and days count from the start moment. `N workdays` ends with the
    Nth workday after the start day (the weekend and days off do not count),
    at the end of that day, by the calendar in force on each day.
    """
    if within.unit == "hours":
        return started_at + timedelta(hours=within.amount)
    if within.unit == "days":
        return started_at + timedelta(days=within.amount)
    day = started_at.date()
    counted = 0
    for _ in range(within.amount * 7 + 3660):  # bounded: a year of days off at most
        day += timedelta(days=1)
        if is_workday(day, calendar_on(day)):
            counted += 1
            if counted == within.amount:
                break
    return datetime.combine(day, time(23, 59, 59), tzinfo=started_at.tzinfo)


# Reading ---------------------------------------------------------------------------


def step_event_from_row(row: Sequence[Any]) -> StepEvent:
    from csm_checklist.store.log import ROW_ERRORS, aware, bad_row

    uuid, run_id, step_id, kind, logged, by, note, host, undone = row
    try:
        return StepEvent(
            uuid,
            run_id,
            step_id,
            kind,
            aware(logged),
            by,
            note,
            host,
            aware(undone) if undone else None,
        )
    except ROW_ERRORS as exc:
        raise bad_row("step_events", uuid, exc) from None


def _run(row: Sequence[Any], events: Sequence[StepEvent], calendar_on: CalendarOn) -> Run:
    from csm_checklist.store.log import ROW_ERRORS, bad_row

    try:
        return _run_fields(row, events, calendar_on)
    except ROW_ERRORS as exc:
        raise bad_row("runs", row[1], exc) from None


def _run_fields(row: Sequence[Any], events: Sequence[StepEvent], calendar_on: CalendarOn) -> Run:
    uuid, run_id, playbook, _title, name, started, steps_text, by, host, closed, note, forced = row
    started_at = datetime.fromisoformat(started)
    snapshot = json.loads(steps_text)
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
        uuid,
        run_id,
        playbook,
        Text(title["en"], title["ar"]),
        name,
        started_at,
        by,
        host,
        datetime.fromisoformat(closed) if closed else None,
        note,
        bool(forced),
        tuple(steps),
    )


def load_runs(
    log: EventLog,
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
    where, params = ("closed_at IS NULL", []) if open_only and as_logged is None else ("1", [])
    if run_ids is not None:
        where += f" AND run_id IN ({', '.join('?' * len(run_ids))})"
        params = list(run_ids)
    if as_logged is not None:
        where += " AND started_at_utc <= ?"
        params.append(utc_key(as_logged))
    with log.reading() as db:
        rows = db.execute(
            f"SELECT {RUN_COLUMNS} FROM runs WHERE {where} ORDER BY started_at_utc, id", params
        ).fetchall()
        events: dict[str, list[StepEvent]] = {}
        ids = [row[1] for row in rows]
        for first in range(0, len(ids), 400):
            part = ids[first : first + 400]
            for event_row in db.execute(
                f"SELECT {STEP_COLUMNS} FROM step_events WHERE run_id IN "
                f"({', '.join('?' * len(part))}) ORDER BY logged_at_utc, id",
                part,
            ):
                event = step_event_from_row(event_row)
                if as_logged is not None:
                    if event.logged_at > as_logged:
                        continue
                    if event.undone_at is not None and event.undone_at > as_logged:
                        event = event._replace(undone_at=None)
                events.setdefault(event.run_id, []).append(event)
    runs = [_run(row, events.get(row[1], []), calendar_on) for row in rows]
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


def find_run(log: EventLog, text: str, calendar_on: CalendarOn) -> Run:
    """The run named `text` (its id, or a unique start of it); NotMet otherwise."""
    key = text.strip().lower()
    if not key:  # the start of every id: never "the" run
        raise BadInput(Msg("errors.run_empty"), hint=Msg("errors.run_empty_hint"))
    with log.reading() as db:
        ids = [row[0] for row in db.execute("SELECT run_id FROM runs ORDER BY started_at_utc")]
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
    log: EventLog,
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
    base = f"{playbook.id}-{moment.date().isoformat()}"
    with log.writing() as db:
        taken = {
            row[0]
            for row in db.execute(
                "SELECT run_id FROM runs WHERE run_id = ? OR run_id LIKE ?", (base, base + "-%")
            )
        }
        run_id = base
        number = 2
        while run_id in taken:
            run_id = f"{base}-{number}"
            number += 1
        db.execute(
            "INSERT INTO runs (uuid, run_id, playbook, title, name, started_at, started_at_utc, "
            "steps, started_by, host) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_uuid(),
                run_id,
                playbook.id,
                playbook.title.get(lang),
                name,
                moment.isoformat(),
                utc_key(moment),
                json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
                by,
                host_name(),
            ),
        )
    return run_id


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
    log: EventLog,
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
    with log.writing() as db:
        row = db.execute(
            f"SELECT {STEP_COLUMNS} FROM step_events WHERE run_id = ? AND step_id = ? "
            "AND undone_at IS NULL ORDER BY logged_at_utc, id LIMIT 1",
            (run.run_id, step.id),
        ).fetchone()
        if row is not None:
            return event, step_event_from_row(row)
        insert_step_event(db, event)
    return event, None


def insert_step_event(db: Any, event: StepEvent) -> bool:
    inserted = db.execute(
        "INSERT INTO step_events (uuid, run_id, step_id, kind, logged_at, logged_at_utc, "
        "logged_by, note, host, undone_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (uuid) DO NOTHING",
        (
            event.uuid,
            event.run_id,
            event.step_id,
            event.kind,
            event.logged_at.isoformat(),
            utc_key(event.logged_at),
            event.by,
            event.note,
            event.host,
            event.undone_at.isoformat() if event.undone_at else None,
        ),
    )
    return bool(inserted.rowcount == 1)


def undo_step(log: EventLog, run: Run, step_id: str, at: datetime) -> StepEvent | None:
    """Mark the step's active done or skip undone; None when it has none."""
    step = _step_of(run, step_id)
    with log.writing() as db:
        row = db.execute(
            f"SELECT {STEP_COLUMNS} FROM step_events WHERE run_id = ? AND step_id = ? "
            "AND undone_at IS NULL ORDER BY logged_at_utc DESC, id DESC LIMIT 1",
            (run.run_id, step.id),
        ).fetchone()
        if row is None:
            return None
        db.execute("UPDATE step_events SET undone_at = ? WHERE uuid = ?", (at.isoformat(), row[0]))
    return step_event_from_row(row)._replace(undone_at=at)


def close_run(
    log: EventLog, run: Run, moment: datetime, *, note: str = "", force: bool = False
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
    with log.writing() as db:
        db.execute(
            "UPDATE runs SET closed_at = ?, closed_at_utc = ?, close_note = ?, forced = ? "
            "WHERE run_id = ? AND closed_at IS NULL",
            (moment.isoformat(), utc_key(moment), note, int(bool(left)), run.run_id),
        )


def runs_in_window(runs: Iterable[Run], first: date, last: date) -> list[Run]:
    """Runs started or closed between first and last (both included)."""
    return [
        run
        for run in runs
        if first <= run.started_at.date() <= last
        or (run.closed_at is not None and first <= run.closed_at.date() <= last)
    ]
