"""`csm done`, `csm skip`, `csm undo` and `csm log`: writing and reading the log.

The rules (what may be logged, which event an undo marks) live in `work.py`;
these commands parse, call it and say what happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from .common import Env, cadence_option, print_json, stdout_is_terminal

if TYPE_CHECKING:
    from ..log import EventLog

ITEMS_HELP = (
    "Item ids, unique id prefixes, or words of a title in English or Arabic. "
    "All must match, or nothing is logged."
)
ON_HELP = "The day the work was for (YYYY-MM-DD, today, yesterday). Default: today."
BY_HELP = "Who did it. Default: the `user` setting, else the login name."


def _log_work(kind: str, queries: list[str], on: str | None, note: str, by: str | None) -> None:
    """What done and skip share: resolve every item, log them all in one
    transaction, then say what happened and where each cadence stands."""
    from ..agenda import Progress, build_agenda
    from ..views.events import already_line, logged_line, progress_line
    from ..work import log_work

    env = Env.load()
    day = env.day(on)
    settings = env.settings
    items = [env.catalog().resolve(query) for query in queries]
    who = by.strip() if by is not None and by.strip() else settings.user_name
    with env.open_log() as log:
        history = env.history(log)
        results = log_work(
            log,
            history,
            items,
            kind,
            day,
            env.today,
            settings.now(),
            by=who,
            note=note,
            lang=settings.lang,
        )
        for event, existing in results:
            typer.echo(logged_line(event) if existing is None else already_line(event, existing))
        progress = build_agenda(history, log, day).progress
    for cadence in dict.fromkeys(item.recurrence.cadence for item in items):
        typer.echo(progress_line(cadence, progress.get(cadence, Progress())))


def done(
    items: list[str] = typer.Argument(..., help=ITEMS_HELP, metavar="ITEM..."),
    on: str | None = typer.Option(None, "--on", help=ON_HELP, metavar="DATE"),
    note: str = typer.Option("", "--note", help="A note to keep with it.", metavar="TEXT"),
    by: str | None = typer.Option(None, "--by", help=BY_HELP, metavar="NAME"),
) -> None:
    """Log items as done for their period containing --on (default today).

    A period already done or skipped is left as it is (exit 0). A future date,
    or one before the item is tracked (see `csm history`), is refused (exit 2);
    an item that matches nothing stops the command before anything is logged
    (exit 1).

    Example: csm done monitor-accounts --note "2 escalations"
    """
    _log_work("done", items, on, note, by)


def skip(
    items: list[str] = typer.Argument(..., help=ITEMS_HELP, metavar="ITEM..."),
    on: str | None = typer.Option(None, "--on", help=ON_HELP, metavar="DATE"),
    reason: str = typer.Option("", "--reason", help="Why it was skipped.", metavar="TEXT"),
    by: str | None = typer.Option(None, "--by", help=BY_HELP, metavar="NAME"),
) -> None:
    """Log items as skipped (not needed this time) for their period.

    A skipped period counts as settled: it is not overdue and not missed.

    Example: csm skip team-meeting --reason "public holiday"
    """
    _log_work("skip", items, on, reason, by)


def undo(
    item: str | None = typer.Argument(
        None, help="Undo the latest event of this item only.", metavar="ITEM"
    ),
    on: str | None = typer.Option(
        None,
        "--on",
        help="With ITEM: its event in the period containing this day. "
        "Alone: the latest event logged for this day.",
        metavar="DATE",
    ),
) -> None:
    """Mark the latest done or skip undone (it stays in the log, marked, and
    counts for nothing any more).

    Nothing to undo: exit 1.

    Example: csm undo team-meeting --on 2026-11-24
    """
    from ..errors import NotMet
    from ..views.events import undo_scope, undone_line
    from ..work import undo_target, undo_work

    env = Env.load()
    day = env.day(on) if on is not None else None
    with env.open_log() as log:
        item_id = _log_item(env, log, item) if item is not None else None
        target = undo_target(env.history(log), item_id, day)
        event = undo_work(log, target, env.settings.now())
    if event is None:
        raise NotMet(
            f"Nothing to undo{undo_scope(target, day)}: no active done or skip.",
            hint="`csm log` lists what was logged.",
        )
    typer.echo(undone_line(event))


def _log_item(env: Env, log: EventLog, query: str) -> str:
    """An id as typed when the log has it (even if since removed from the
    checklists), else the catalog item the text names."""
    if log.has_item(query.strip()):
        return query.strip()
    return env.catalog().resolve(query, include_disabled=True).id


def log_events(
    since: str | None = typer.Option(
        None, "--since", help="Only events for this day or later.", metavar="DATE"
    ),
    until: str | None = typer.Option(
        None, "--until", help="Only events for this day or earlier.", metavar="DATE"
    ),
    item: str | None = typer.Option(None, "--item", help="Only this item.", metavar="ID"),
    cadence: str | None = typer.Option(
        None,
        "--cadence",
        help="Only this cadence: daily, weekly, monthly, quarterly, annual or rrule.",
        metavar="CADENCE",
    ),
    limit: int | None = typer.Option(
        None, "--limit", "-n", min=1, help="At most this many events.", metavar="N"
    ),
    json_output: bool = typer.Option(False, "--json", help="Print one JSON document."),
    include_undone: bool = typer.Option(
        False, "--include-undone", help="Also show undone events, marked as such."
    ),
    as_logged: str | None = typer.Option(
        None,
        "--as-logged",
        help="The log as it stood at this moment (YYYY-MM-DD for the end of that day, or "
        "YYYY-MM-DDTHH:MM): only what was logged by then, undone only if undone by then.",
        metavar="MOMENT",
    ),
) -> None:
    """Logged events, newest first. --since and --until bound the day the work
    was for, both included.

    Example: csm log --since 2026-11-01 --item team-meeting
    """
    env = Env.load()
    first, last = env.day_range(since, until)
    wanted_cadence = cadence_option(cadence)
    stamp = env.moment(as_logged)
    with env.open_log() as log:
        item_id = _log_item(env, log, item) if item is not None else None
        events = list(
            log.events(
                since=first,
                until=last,
                item_id=item_id,
                cadence=wanted_cadence,
                limit=limit,
                include_undone=include_undone,
                as_logged=stamp,
            )
        )
    if json_output:
        from ..formats import event_record

        print_json({"events": [event_record(event) for event in events]})
        return
    from ..views import events as view

    if stdout_is_terminal():
        view.show_log(events)
    else:
        typer.echo(view.plain_log(events), nl=False)


def register(app: typer.Typer) -> None:
    app.command("done")(done)
    app.command("skip")(skip)
    app.command("undo")(undo)
    app.command("log")(log_events)
