"""Views of playbook runs: `csm run list` and `show`, their lines in `csm
today`, and their section of a report. Plain text; every word in English
and Arabic is in the catalog, `views.runs.*`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from csm_checklist.cli.views.common import (
    align_columns,
    choose_layout,
    fit_columns,
    fit_line,
    packed,
)
from csm_checklist.cli.views.labels import counted, words
from csm_checklist.cli.views.safe import one_line
from csm_checklist.messages import current

if TYPE_CHECKING:
    from csm_checklist.rules.runs import Run, RunStep
    from csm_checklist.store.run_records import StepEvent

WORDS = words("runs")


def word(key: str, lang: str) -> str:
    return WORDS.get(lang, WORDS["en"]).get(key, WORDS["en"][key])


def moment(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def duration(value: timedelta, lang: str | None = None) -> str:
    """'1 day 23 hours', '3 hours 10 minutes', '25 minutes'; in Arabic 'يوم
    و23 ساعة' (default: in the reader's language). A part that is nought is
    left out: '2 days'."""
    lang = current() if lang is None else lang
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        parts = [("span_days", days), ("span_hours", hours)]
    elif hours:
        parts = [("span_hours", hours), ("span_minutes", mins)]
    else:
        return counted("runs.span_minutes", mins, lang)
    first, second = (counted(f"runs.{family}", n, lang) for family, n in parts)
    if not parts[1][1]:
        return first
    return word("span_and", lang).format(first=first, second=second)


def within_text(step: RunStep, lang: str) -> str:
    """A step's time limit: '2h', '1d', '3 workdays'; '' when it has none."""
    within = step.within
    if within is None:
        return ""
    if within.unit in ("hours", "days"):
        return word(f"within_{within.unit}", lang).format(count=within.amount)
    return counted("runs.within_workdays", within.amount, lang)


def _run_name(run: Run, lang: str) -> str:
    name = f" — {run.name}" if run.name else ""
    return f"{run.run_id}  {run.title.get(lang)}{name}"


def step_state(step: RunStep, now: datetime, lang: str) -> str:
    if step.event is not None:
        text = f"{word(step.event.kind, lang)} {moment(step.event.logged_at)}"
        return text + (f" ({word('late', lang)})" if step.late else "")
    if step.deadline is None:
        return word("open", lang)
    due = f"{word('due', lang)} {moment(step.deadline)}"
    return f"{word('overdue', lang).upper()}, {due}" if step.overdue(now) else due


def started_line(run: Run, lang: str) -> str:
    steps = counted("runs.steps", len(run.steps), lang)
    timed = [s for s in run.steps if s.deadline is not None]
    first = min(timed, key=lambda s: s.deadline or run.started_at) if timed else None
    due = (
        word("first_deadline", lang).format(moment=moment(first.deadline), step=first.id)
        if first is not None and first.deadline
        else ""
    )
    return word("started_line", lang).format(
        run=run.run_id,
        title=run.title.get(lang),
        steps=steps,
        due=due,
        step=f"{run.run_id}/{run.steps[0].id}",
    )


def step_line(
    run: Run, step: RunStep, event: StepEvent, existing: StepEvent | None, lang: str
) -> str:
    if existing is not None:
        return word(f"already_{existing.kind}", lang).format(
            step=f"{run.run_id}/{step.id}", moment=moment(existing.logged_at), by=existing.by
        )
    late = ""
    if step.deadline is not None and event.kind == "done":
        key = "step_late_by" if event.logged_at > step.deadline else "step_on_time"
        late = word(key, lang).format(moment=moment(step.deadline))
    return word(f"step_{event.kind}", lang).format(
        title=step.title.get(lang), step=f"{run.run_id}/{step.id}", late=late
    )


def closed_line(run: Run, when: datetime, forced: int) -> str:
    """What `csm run close` says, in the reader's language."""
    lang = current()
    steps = counted("runs.steps", forced, lang)
    left = word("left_open", lang).format(steps=steps) if forced else ""
    return word("closed_line", lang).format(
        run=run.run_id, duration=duration(when - run.started_at, lang), left=left
    )


def run_list(runs: Sequence[Run], lang: str, width: int | None = None) -> str:
    """`csm run list`; with `width`, laid out for a terminal that wide."""
    from csm_checklist.cli.views.common import cell_len

    if not runs:
        return word("no_runs", lang) + "\n"
    heading = ("run", "playbook", "started", "steps", "status", "status", "status")
    rows = [[word(key, lang) for key in heading]]
    for run in runs:
        settled = len(run.steps) - len(run.open_steps)
        closed = run.closed_at
        status = word("open", lang) if run.open else ""
        day = status
        if closed is not None:
            status = f"{word('closed', lang)} {moment(closed)}"
            day = f"{word('closed', lang)} {closed.date().isoformat()}"
        steps = f"{settled}/{len(run.steps)}"
        if run.late_steps:
            steps += word("late_count", lang).format(count=len(run.late_steps))
        if run.forced and run.open_steps:  # closed with --force: say what it left
            steps += word("open_count", lang).format(count=len(run.open_steps))
        word_only = word("open", lang) if run.open else word("closed", lang)
        rows.append(
            [run.run_id, run.playbook, moment(run.started_at), steps, status, day, word_only]
        )
    # Indented like every other table: a line that starts with an Arabic
    # header would be laid out right to left by a terminal that detects
    # each line's direction (VTE drops a mark written at column 0).
    if width is not None:
        # Narrower terminals lose the playbook (the run's id starts with
        # it), then the start (the id holds its date), then the time of
        # closing, then its day (`run show` has both); nothing is shortened.
        for keep in ((0, 1, 2, 3, 4), (0, 2, 3, 4), (0, 3, 4), (0, 3, 5), (0, 3, 6)):
            lines = fit_columns([[row[i] for i in keep] for row in rows], None, (), "  ")
            if max(cell_len(line) for line in lines) <= width or keep == (0, 3, 6):
                return "\n".join(lines) + "\n"
    return "\n".join("  " + row for row in align_columns([r[:5] for r in rows])) + "\n"


def run_detail(run: Run, now: datetime, lang: str, width: int | None = None) -> str:
    lines = [fit_line(_run_name(run, lang), width)]
    # The moments and the time it took are never cut: a line too narrow for
    # them all goes on under them.
    started = [f"{word('started', lang)} {moment(run.started_at)}"]
    # Stored text stays on its line: a line break in it would forge a row.
    by = f"{word('by', lang)} {one_line(run.started_by)}"
    lines += packed([*started, by], width, "  ", " ", "")
    if run.closed_at is not None:
        closed = [
            f"{word('closed', lang)} {moment(run.closed_at)},",
            f"{word('closed_after', lang)} {duration(run.closed_at - run.started_at, lang)}",
        ]
        if run.forced:
            closed.append(f"({word('forced', lang)})" + (":" if run.close_note else ""))
        elif run.close_note:
            closed[-1] += ":"
        if run.close_note:
            closed.append(one_line(run.close_note))
        lines += packed(closed, width, "  ", " ", "")
    rows = []
    for number, step in enumerate(run.steps, start=1):
        within = within_text(step, lang)
        rows.append(
            [f"{number}.", step.id, step.title.get(lang), within, step_state(step, now, lang)]
        )
    # The time limit goes first (the deadline in the state says it), then
    # the step's number (the rows are in order).
    layouts = (((0, 1, 2, 3, 4), (2,)), ((0, 1, 2, 4), (2,)), ((1, 2, 4), (2,)))
    lines.extend(_steps(rows, width, layouts, "  ", (1, 2)))
    return "\n".join(lines) + "\n"


def _steps(
    rows: list[list[str]],
    width: int | None,
    layouts: Sequence[tuple[Sequence[int], Sequence[int]]],
    indent: str,
    head: tuple[int, int],
) -> list[str]:
    """Step rows, their state last: in columns that fit `width`, else with
    the state under its step, since its deadline is never shortened."""
    from csm_checklist.cli.views.common import cell_len

    if not rows:  # an open run whose steps are all checked off
        return []
    if width is None:
        return fit_columns(rows, None, (), indent)
    chosen = choose_layout(rows, layouts, width - cell_len(indent))
    if chosen is not None:
        keep, shrink = chosen
        return fit_columns([[row[i] for i in keep] for row in rows], width, shrink, indent)
    step, title = head
    heads = fit_columns([[row[step], row[title]] for row in rows], width, (1,), indent)
    state = indent + "    "
    return [line for head, row in zip(heads, rows, strict=True) for line in (head, state + row[-1])]


def today_section(runs: Sequence[Run], now: datetime, lang: str, width: int | None = None) -> str:
    """The open runs' steps still to do, for `csm today`; with `width`,
    laid out for a terminal that wide."""
    lines = [word("runs_heading", lang)]
    for run in runs:
        lines.append(fit_line(f"  {_run_name(run, lang)}", width))
        rows = []
        for step in run.open_steps:
            rows.append(
                [f"{run.run_id}/{step.id}", step.title.get(lang), step_state(step, now, lang)]
            )
        lines.extend(_steps(rows, width, (((0, 1, 2), (1,)),), "    ", (0, 1)))
    return "\n".join(lines) + "\n"


def run_record(run: Run, now: datetime) -> dict[str, Any]:
    """A run as JSON (run list/show, today, report)."""
    return {
        "run": run.run_id,
        "uuid": run.uuid,
        "playbook": run.playbook,
        "title": {"en": run.title.en, "ar": run.title.ar},
        "name": run.name,
        "started_at": run.started_at.isoformat(),
        "started_by": run.started_by,
        "closed_at": run.closed_at.isoformat() if run.closed_at else None,
        "close_note": run.close_note,
        "closed_with_open_steps": run.forced,
        "hours_to_close": round(run.time_to_close.total_seconds() / 3600, 2)
        if run.time_to_close is not None
        else None,
        "steps_late": len(run.late_steps),
        "steps": [
            {
                "step": step.id,
                "title": {"en": step.title.en, "ar": step.title.ar},
                "within": step.within.text() if step.within else None,
                "deadline": step.deadline.isoformat() if step.deadline else None,
                "state": step.state,
                "at": step.event.logged_at.isoformat() if step.event else None,
                "by": step.event.by if step.event else None,
                "note": step.event.note if step.event else None,
                "late": step.late,
                "overdue": step.overdue(now),
            }
            for step in run.steps
        ],
    }


def report_lines(runs: Sequence[Run], lang: str, width: int | None = None) -> list[str]:
    """The runs section of a text report; with `width`, fitted to a terminal
    that wide: the playbook's title is shortened, then left out with the
    start (the run's id holds both), and below that each run's figures go on
    the line under its id. Ids and figures are never shortened."""
    lines = [word("report_heading", lang)]
    if not runs:
        return [*lines, "  " + word("no_runs", lang)]
    rows = []
    for run in runs:
        if run.time_to_close is not None:
            state = f"{word('closed_after', lang)} {duration(run.time_to_close, lang)}"
            if run.forced and run.open_steps:
                state += " · " + _left_open(run, lang)
        else:
            state = word("still_open", lang)
        rows.append(
            [
                run.run_id,
                run.title.get(lang),
                f"{word('started', lang)} {moment(run.started_at)}",
                state,
                _late(run, lang),
            ]
        )
    if width is None:
        return [*lines, *("  " + row for row in align_columns(rows))]
    layouts = (((0, 1, 2, 3, 4), (1,)), ((0, 2, 3, 4), ()), ((0, 3, 4), ()))
    chosen = choose_layout(rows, layouts, width - 2)
    if chosen is not None:
        keep, shrink = chosen
        return [*lines, *fit_columns([[row[i] for i in keep] for row in rows], width, shrink, "  ")]
    for row in rows:
        lines.append("  " + row[0])
        lines += packed([part for part in row[3:] if part], width, "    ", sep=" · ")
    return lines


def _left_open(run: Run, lang: str) -> str:
    """'2 steps left open': what a run closed with --force left undone."""
    return word("open_left", lang).format(steps=counted("runs.steps", len(run.open_steps), lang))


def _late(run: Run, lang: str) -> str:
    return counted("runs.steps_late_count", len(run.late_steps), lang)


def report_markdown(runs: Sequence[Run], lang: str) -> list[str]:
    from csm_checklist.exchange.escapes import md_cell

    lines = [f"## {word('report_heading', lang)}", ""]
    if not runs:
        return [*lines, word("no_runs", lang), ""]
    lines += [
        f"| {word('run', lang)} | {word('playbook', lang)} | {word('started', lang)} | "
        f"{word('closed_after', lang)} | {word('steps_late', lang)} |",
        "|---|---|---|---|---:|",
    ]
    for run in runs:
        closed = (
            duration(run.time_to_close, lang) if run.time_to_close else word("still_open", lang)
        )
        title = md_cell(run.title.get(lang)).replace("<br>", " ")
        if run.forced and run.open_steps:
            closed += " (" + _left_open(run, lang) + ")"
        lines.append(
            f"| {md_cell(run.run_id)} | {title} | {moment(run.started_at)} | {closed} | "
            f"{len(run.late_steps)} |"
        )
    return [*lines, ""]
