"""`csm history`, `csm history start` and `csm show`: the record of the rules."""

from __future__ import annotations

from datetime import date, timedelta

import typer

from csm_checklist.cli.commands import completion
from csm_checklist.cli.commands.common import Env, print_json, terminal_width
from csm_checklist.cli.views.safe import echo
from csm_checklist.messages import Msg

history_app = typer.Typer(help=Msg("help.history"), invoke_without_command=True)


@history_app.callback()
def history(
    ctx: typer.Context,
    json_output: bool = typer.Option(False, "--json", help=Msg("help.json")),
) -> None:
    """List the tracking start and every revision of the rules, in words.

    Example: csm history --json
    """
    if ctx.invoked_subcommand is not None:
        return
    from csm_checklist.cli.views import history as view
    from csm_checklist.rules.history import revision_changes

    env = Env.load()
    with env.open_log() as log:
        record = env.history(log)
        starts = log.starts()
        assigned = log.assignments()
    revisions = revision_changes(record)
    if json_output:
        print_json(view.history_json(record, revisions, starts, assigned))
        return
    lang = env.settings.lang
    text = view.plain_history(record, revisions, starts, lang, terminal_width(), assigned)
    echo(text, nl=False, columns=True)


@history_app.command("start", help=Msg("help.history.start"))
def start(
    day: str = typer.Argument(..., help=Msg("help.history.start.day"), metavar="DATE"),
) -> None:
    """Move the day tracking starts, and record the move."""
    from csm_checklist.cli.views.history import start_moved_text
    from csm_checklist.rules.work import move_start

    env = Env.load()
    first = env.day(day, "DATE")
    with env.open_log() as log:
        move = move_start(log, env.history(log), first, env.today, env.settings.now())
    echo(start_moved_text(move, env.settings.lang))


def show(
    item: str = typer.Argument(
        ...,
        help=Msg("help.show.item"),
        metavar="ITEM",
        autocompletion=completion.items,
    ),
    json_output: bool = typer.Option(False, "--json", help=Msg("help.json")),
) -> None:
    """One item: its rule, tracking, status, next due dates and entries."""
    from csm_checklist.cli.views import history as view
    from csm_checklist.rules.agenda import build_agenda
    from csm_checklist.rules.history import revision_changes

    env = Env.load()
    catalog = env.catalog()
    found = catalog.resolve(item, include_disabled=True)
    today = env.today
    with env.open_log() as log:
        record = env.history(log)
        entries = build_agenda(record, log, today, only=[found.id]).entries
        events = record.shown(
            log.events(item_id=found.id, limit=5, include_undone=True), env.settings.lang, today
        )
        owners = env.owners(log, record)
    timeline = record.timeline(found.id)
    next_due: list[date] = []
    next_starts: list[date] = []
    period = timeline.period_containing(today)
    while period is not None and len(next_due) < 5 and found.enabled:
        due = timeline.due(period, today)
        if due >= today and timeline.expected(period, today):
            next_due.append(due)
            next_starts.append(period.start)
        period = timeline.period_containing(period.end + timedelta(days=1))
    shown_owners = None
    if owners is not None:
        now = timeline.period_containing(today)
        shown_owners = view.ShowOwners(
            owners.owner(found.id, now.start) if now is not None else None,
            owners.rotation(found.id, now.end if now is not None else today),
            [owners.owner(found.id, start) for start in next_starts],
            [r for r in owners.changes_of(found.id)],
        )
    revisions = [
        (revision, [c for c in changes if c.key == found.id])
        for revision, changes in revision_changes(record)
    ]
    data = view.ShowData(
        found,
        catalog.areas.get(found.area),
        timeline.tracked_from(today),
        entries[0] if entries else None,
        next_due,
        events,
        [(r, c) for r, c in revisions if c],
        shown_owners,
    )
    if json_output:
        print_json(view.show_json(data))
        return
    echo(view.plain_show(data, env.settings.lang, terminal_width()), nl=False, columns=True)


def register(app: typer.Typer) -> None:
    app.add_typer(history_app, name="history")
    app.command("show", help=Msg("help.show"))(show)
