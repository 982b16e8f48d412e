"""`csm run start | list | show | close`, and the RUN/STEP forms of `csm done`,
`skip` and `undo`: playbooks started when something happens.

The rules live in `runs.py`; these commands parse, call it and say what
happened.
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import TYPE_CHECKING

import typer

from csm_checklist.cli.commands.common import Env, print_json, terminal_width
from csm_checklist.cli.views.safe import echo
from csm_checklist.dates.schedule import FIRST_DAY, LAST_DAY
from csm_checklist.errors import BadInput, NotMet
from csm_checklist.messages import Msg, t

if TYPE_CHECKING:
    from csm_checklist.dates.within import CalendarOn
    from csm_checklist.duties.playbooks import Playbook
    from csm_checklist.store.interface import Store

run_app = typer.Typer(help=Msg("help.run"), no_args_is_help=True)


def _calendar(env: Env, log: Store) -> CalendarOn:
    """The calendar in force on each day, days off included."""
    return env.history(log).calendar_on


def _who(env: Env, by: str | None, log: object) -> str:
    return by.strip() if by is not None and by.strip() else env.user_name(log)


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
    at: str | None = typer.Option(None, "--at", help=Msg("help.run.start.at"), metavar="TIME"),
    by: str | None = typer.Option(None, "--by", help=Msg("help.run.start.by"), metavar="NAME"),
) -> None:
    """Start a run of a playbook; its steps' deadlines count from now."""
    from csm_checklist.cli.views.runs import started_line
    from csm_checklist.rules.runs import find_run, start_moment, start_run

    env = Env.load()
    chosen = find_playbook(env.playbooks(), playbook)
    settings = env.settings
    day = env.day(on, past=True)
    clock = None
    if at is not None:
        at_day, clock = parse_start_time(at)
        if at_day is not None:
            if on is not None and at_day != day:
                raise BadInput(
                    Msg("commands.run.at_and_on", at=at.strip(), on=on.strip()),
                    hint=Msg("commands.run.at_and_on_hint"),
                )
            day = at_day
    with env.open_log() as log:
        moment = start_moment(
            day, env.today, settings.now(), at=clock, tracking_start=env.history(log).start
        )
        run_id = start_run(
            log, chosen, moment, by=_who(env, by, log), name=name.strip(), lang=settings.lang
        )
        run = find_run(log, run_id, _calendar(env, log))
    echo(started_line(run, settings.lang))


def find_playbook(playbooks: dict[str, Playbook], query: str) -> Playbook:
    """The playbook `query` names, found the way items are: its exact id, a
    unique start of its id, its whole title, or words that start words of
    its title or id, in English or Arabic. More than one, or none, is refused
    with the candidates or the nearest ids."""
    from csm_checklist.duties.catalog import fold_text

    wanted = query.strip()
    pool = {key: book for key, book in playbooks.items() if book.enabled}
    lowered = wanted.lower()
    if lowered in playbooks:  # a switched-off one is refused when started, by name
        return playbooks[lowered]
    words = re.compile(r"\w+")

    def folded(text: str) -> str:
        return " ".join(fold_text(text).split())

    def title_words(book: Playbook) -> set[str]:
        found = set(words.findall(fold_text(f"{book.id} {book.title.en} {book.title.ar}")))
        # Arabic's definite article is part of the word: "ازمة" finds "الأزمة".
        return found | {w[2:] for w in found if w.startswith("ال") and len(w) > 3}

    def bare(word: str) -> str:
        return word[2:] if word.startswith("ال") and len(word) > 3 else word

    asked = set(words.findall(fold_text(wanted)))
    tries = [
        [b for b in pool.values() if b.id.startswith(lowered)],
        [b for b in pool.values() if folded(wanted) in (folded(b.title.en), folded(b.title.ar))],
        [
            b
            for b in pool.values()
            if asked and all(any(w.startswith(bare(q)) for w in title_words(b)) for q in asked)
        ],
    ]
    found = next((match for match in tries if match), []) if wanted else []
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(b.id for b in found)
        raise NotMet(
            Msg("commands.run.playbook_matches", playbook=wanted, count=len(found), names=names),
            hint=Msg("commands.run.playbook_matches_hint", example=found[0].id),
        )
    import difflib

    close = difflib.get_close_matches(lowered, list(pool), n=3, cutoff=0.5)
    known = ", ".join(pool) if pool else Msg("commands.run.no_playbooks")
    raise NotMet(
        Msg("commands.run.no_playbook", playbook=query),
        hint=Msg("commands.run.did_you_mean", names=", ".join(close))
        if close
        else Msg("commands.run.playbooks_hint", known=known),
    )


def parse_start_time(text: str) -> tuple[date | None, time]:
    """`--at` as typed: HH:MM (or HH:MM:SS), or a full local time
    YYYY-MM-DD HH:MM (a T between them works too). BadInput otherwise."""
    key = text.strip().replace("T", " ", 1)
    day_text, _, clock_text = key.rpartition(" ")
    day: date | None = None
    try:
        clock = time.fromisoformat(clock_text.strip())
        day = date.fromisoformat(day_text.strip()) if day_text.strip() else None
    except ValueError:
        clock = None
    if (
        clock is None
        or clock.tzinfo is not None
        or len(clock_text.strip()) < 4
        or (day is not None and not FIRST_DAY <= day <= LAST_DAY)
    ):
        raise BadInput(
            Msg("commands.run.not_a_time", text=text),
            hint=Msg("commands.run.time_forms"),
        )
    return day, clock.replace(microsecond=0)


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
                log, run, step_id, kind, settings.now(), by=_who(env, by, log), note=note
            )
            step = next(s for s in run.steps if s.id == step_id)
            echo(step_line(run, step, event, existing, settings.lang))


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
    echo(t(undone, env.settings.lang, run=run.run_id, step=step_id))


def register(app: typer.Typer) -> None:
    app.add_typer(run_app, name="run")
