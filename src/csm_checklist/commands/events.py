"""`csm done`, `csm skip`, `csm undo` and `csm log`: writing and reading the log."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import typer

from ..errors import BadInput, NotMet
from ..schedule import CADENCES, PERIOD_KINDS, RRULE, period_containing
from .common import Env, print_json, stdout_is_terminal

if TYPE_CHECKING:
    from ..catalog import Item
    from ..log import EventLog

ITEMS_HELP = (
    "Item ids, unique id prefixes, or words of a title in English or Arabic. "
    "All must match, or nothing is logged."
)
ON_HELP = "The day the work was for (YYYY-MM-DD, today, yesterday). Default: today."
BY_HELP = "Who did it. Default: the `user` setting, else the login name."


def _not_future(env: Env, day: date) -> None:
    if day > env.today:
        raise BadInput(
            f"--on {day.isoformat()} is in the future; csm logs work that has been done.",
            hint=f"Use today ({env.today.isoformat()}) or an earlier day.",
        )


def _no_period(item: Item, day: date) -> NotMet:
    return NotMet(
        f"{item.title.get('en')} ({item.id}) has no period containing {day.isoformat()}: "
        "its rule has not started yet or has already ended.",
        hint="Pick an --on date inside the rule's range; `csm list` shows each item's rule.",
    )


def _log_work(kind: str, queries: list[str], on: str | None, note: str, by: str | None) -> None:
    """What done and skip share: resolve every item first, record all of them
    in one transaction, then say what happened and where the period stands."""
    from ..agenda import cadence_progress
    from ..log import Event, host_name, new_uuid
    from ..views.events import already_line, logged_line, progress_line

    env = Env.load()
    day = env.day(on)
    _not_future(env, day)
    settings = env.settings
    cal = env.calendar
    catalog = env.catalog()
    items = [catalog.resolve(query) for query in queries]
    moment = settings.now()
    who = by.strip() if by is not None and by.strip() else settings.user_name
    host = host_name()
    events = []
    for item in items:
        period = period_containing(day, item.recurrence, cal)
        if period is None:
            raise _no_period(item, day)
        events.append(
            Event(
                uuid=new_uuid(),
                item_id=item.id,
                title=item.title.get(settings.lang),
                cadence=item.recurrence.cadence,
                kind="done" if kind == "done" else "skip",
                period_start=period.start,
                period_end=period.end,
                for_date=day,
                logged_at=moment,
                by=who,
                note=note,
                host=host,
            )
        )
    with env.open_log() as log:
        results = log.record(events)
        for event, existing in results:
            typer.echo(logged_line(event) if existing is None else already_line(event, existing))
        enabled = catalog.enabled_items()
        cadences = dict.fromkeys(item.recurrence.cadence for item in items)
        for cadence in cadences:
            progress = cadence_progress(enabled, log, cadence, day, cal)
            typer.echo(progress_line(cadence, progress))


def done(
    items: list[str] = typer.Argument(..., help=ITEMS_HELP, metavar="ITEM..."),
    on: str | None = typer.Option(None, "--on", help=ON_HELP, metavar="DATE"),
    note: str = typer.Option("", "--note", help="A note to keep with it.", metavar="TEXT"),
    by: str | None = typer.Option(None, "--by", help=BY_HELP, metavar="NAME"),
) -> None:
    """Log items as done for their period containing --on (default today).

    A period already done or skipped is left as it is (exit 0). A future date
    is refused (exit 2); an item that matches nothing stops the command before
    anything is logged (exit 1).

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
    """Mark the latest done or skip undone (it stays in the log, marked).

    Nothing to undo: exit 1.

    Example: csm undo team-meeting --on 2026-11-24
    """
    from ..errors import UnknownItem
    from ..views.events import period_words, undone_line

    env = Env.load()
    day = env.day(on) if on is not None else None
    item_id: str | None = None
    period_start: date | None = None
    for_date: date | None = None
    where = ""
    with env.open_log() as log:
        if item is not None:
            try:
                found: Item | None = env.catalog().resolve(item, include_disabled=True)
            except UnknownItem:
                # An item since removed from the checklists can still be undone by id.
                if not log.has_item(item.strip()):
                    raise
                found = None
            item_id = found.id if found is not None else item.strip()
            where = f" for {item_id}"
            if day is not None and found is not None:
                period = period_containing(day, found.recurrence, env.calendar)
                if period is None:
                    raise _no_period(found, day)
                period_start = period.start
                words = period_words(found.recurrence.cadence, period.start, period.end)
                where += f" in the {words}"
            elif day is not None:
                for_date = day
                where += f" on {day.isoformat()}"
        elif day is not None:
            for_date = day
            where = f" for {day.isoformat()}"
        event = log.undo_latest(
            env.settings.now(), item_id=item_id, period_start=period_start, for_date=for_date
        )
    if event is None:
        raise NotMet(
            f"Nothing to undo{where}: no active done or skip.",
            hint="`csm log` lists what was logged.",
        )
    typer.echo(undone_line(event))


def _cadence(text: str | None) -> str | None:
    if text is None:
        return None
    key = text.strip().lower()
    if key in (RRULE, "custom"):
        return RRULE
    if key in PERIOD_KINDS:
        return PERIOD_KINDS[key]
    raise BadInput(
        f"--cadence {text!r} is not a cadence.",
        hint=f"Use one of {', '.join((*CADENCES, RRULE))}.",
    )


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
) -> None:
    """Logged events, newest first. --since and --until bound the day the work
    was for, both included.

    Example: csm log --since 2026-11-01 --item team-meeting
    """
    env = Env.load()
    first, last = env.day_range(since, until)
    wanted_cadence = _cadence(cadence)
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
