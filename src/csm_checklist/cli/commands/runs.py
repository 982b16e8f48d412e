"""`csm run start | list | show | close`, and the RUN/STEP forms of `csm done`,
`skip` and `undo`: playbooks started when something happens.

The rules live in `runs.py`; these commands parse, call it and say what
happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from csm_checklist.cli.commands.common import Env, print_json, terminal_width
from csm_checklist.cli.views.safe import echo
from csm_checklist.errors import BadInput, NotMet
from csm_checklist.messages import Msg, t

if TYPE_CHECKING:
    from csm_checklist.dates.within import CalendarOn
    from csm_checklist.store.interface import Store

run_app = typer.Typer(help=Msg("help.run"), no_args_is_help=True)


def _calendar(env: Env, log: Store) -> CalendarOn:
    """The calendar in force on each day, days off included."""
    return env.history(log).calendar_on


def _who(env: Env, by: str | None) -> str:
    return by.strip() if by is not None and by.strip() else env.settings.user_name


@run_app.command("start", help=Msg("help.run.start"))
def start(
    playbook: str = typer.Argument(..., help=Msg("help.run.start.playbook"), metavar="PLAYBOOK"),
    name: str = typer.Option("", "--name", help=Msg("help.run.start.name"), metavar="TEXT"),
    on: str | None = typer.Option(
        None,
        "--on",
        help=Msg("help.run.start.on"),
        metavar="DATE",
    ),
    by: str | None = typer.Option(None, "--by", help=Msg("help.run.start.by"), metavar="NAME"),
) -> None:
    """Start a run of a playbook; its steps' deadlines count from now."""
    from csm_checklist.cli.views.runs import started_line
    from csm_checklist.rules.runs import find_run, start_moment, start_run

    env = Env.load()
    playbooks = env.playbooks()
    key = playbook.strip().lower()
    chosen = playbooks.get(key)
    if chosen is None:
        enabled = [p for p, pb in playbooks.items() if pb.enabled]
        known = ", ".join(enabled) if enabled else Msg("commands.run.no_playbooks")
        raise NotMet(
            Msg("commands.run.no_playbook", playbook=playbook),
            hint=Msg("commands.run.playbooks_hint", known=known),
        )
    settings = env.settings
    moment = start_moment(env.day(on), env.today, settings.now())
    with env.open_log() as log:
        run_id = start_run(
            log, chosen, moment, by=_who(env, by), name=name.strip(), lang=settings.lang
        )
        run = find_run(log, run_id, _calendar(env, log))
    typer.echo(started_line(run, settings.lang))


@run_app.command("list", help=Msg("help.run.list"))
def list_runs(
    only_open: bool = typer.Option(False, "--open", help=Msg("help.run.list.open")),
    json_output: bool = typer.Option(False, "--json", help=Msg("help.json")),
) -> None:
    """The runs, oldest started first."""
    from csm_checklist.cli.views.runs import run_list, run_record
    from csm_checklist.rules.runs import load_runs

    env = Env.load()
    with env.open_log() as log:
        runs = load_runs(log, _calendar(env, log), open_only=only_open)
    if json_output:
        now = env.settings.now()
        print_json({"runs": [run_record(run, now) for run in runs]})
        return
    echo(run_list(runs, env.settings.lang, terminal_width()), nl=False, columns=True)


@run_app.command("show", help=Msg("help.run.show"))
def show(
    run: str = typer.Argument(..., help=Msg("help.run.id"), metavar="RUN"),
    json_output: bool = typer.Option(False, "--json", help=Msg("help.json")),
) -> None:
    """A run's steps with their deadlines."""
    from csm_checklist.cli.views.runs import run_detail, run_record
    from csm_checklist.rules.runs import find_run

    env = Env.load()
    now = env.settings.now()
    with env.open_log() as log:
        found = find_run(log, run, _calendar(env, log))
    if json_output:
        print_json(run_record(found, now))
        return
    echo(run_detail(found, now, env.settings.lang, terminal_width()), nl=False, columns=True)


@run_app.command("close", help=Msg("help.run.close"))
def close(
    run: str = typer.Argument(..., help=Msg("help.run.id"), metavar="RUN"),
    note: str = typer.Option("", "--note", help=Msg("help.run.close.note"), metavar="TEXT"),
    force: bool = typer.Option(False, "--force", help=Msg("help.run.close.force")),
) -> None:
    """Close a run; with steps still open only with --force."""
    from csm_checklist.cli.views.runs import closed_line
    from csm_checklist.rules.runs import close_run, find_run

    env = Env.load()
    now = env.settings.now()
    with env.open_log() as log:
        found = find_run(log, run, _calendar(env, log))
        close_run(log, found, now, note=note.strip(), force=force)
    from csm_checklist.cli.views.safe import (
        echo,  # says the line in the reader's language if a message
    )

    echo(closed_line(found, now, len(found.open_steps)))


def log_steps(
    kind: str,
    queries: list[str],
    on: str | None,
    note: str,
    by: str | None,
    measure: list[str] | None,
) -> None:
    """`csm done RUN/STEP...` and `csm skip RUN/STEP...`, at the moment they run."""
    from csm_checklist.cli.views.runs import step_line
    from csm_checklist.rules.runs import find_run, log_step, split_step

    if not all("/" in query for query in queries):
        raise BadInput(Msg("commands.run.items_or_steps"), hint=Msg("commands.run.two_commands"))
    if on is not None or measure:
        option = "--on" if on is not None else "--measure"
        raise BadInput(
            Msg("commands.run.step_now", option=option),
            hint=f"csm {kind} {queries[0]}",
        )
    env = Env.load()
    settings = env.settings
    wanted = [split_step(query) for query in queries]
    with env.open_log() as log:
        calendar_on = _calendar(env, log)
        runs = {run_id: find_run(log, run_id, calendar_on) for run_id, _ in wanted}
        for run_id, step_id in wanted:
            run = runs[run_id]
            event, existing = log_step(
                log, run, step_id, kind, settings.now(), by=_who(env, by), note=note
            )
            step = next(s for s in run.steps if s.id == step_id)
            typer.echo(step_line(run, step, event, existing, settings.lang))


def undo_step(text: str) -> None:
    """`csm undo RUN/STEP`: mark the step's done or skip undone."""
    from csm_checklist.rules.runs import find_run, split_step
    from csm_checklist.rules.runs import undo_step as undo

    run_id, step_id = split_step(text)
    env = Env.load()
    with env.open_log() as log:
        run = find_run(log, run_id, _calendar(env, log))
        event = undo(log, run, step_id, env.settings.now())
    if event is None:
        raise NotMet(
            Msg("commands.run.nothing_to_undo", run=run.run_id, step=step_id),
            hint=Msg("commands.run.show_hint", run=run.run_id),
        )
    undone = "commands.run.undone_done" if event.kind == "done" else "commands.run.undone_skip"
    typer.echo(t(undone, env.settings.lang, run=run.run_id, step=step_id))


def register(app: typer.Typer) -> None:
    app.add_typer(run_app, name="run")
