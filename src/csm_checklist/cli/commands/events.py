"""`csm done`, `csm skip`, `csm undo` and `csm log`: writing and reading the log.

The rules (what may be logged, which event an undo marks) live in `work.py`;
these commands parse, call it and say what happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from csm_checklist.cli.commands import completion
from csm_checklist.cli.commands.common import Env, cadence_option, print_json, stdout_is_terminal
from csm_checklist.cli.views.safe import echo
from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg, current

if TYPE_CHECKING:
    from datetime import date

    from csm_checklist.duties.catalog import Item
    from csm_checklist.rules.history import History
    from csm_checklist.store.interface import Store

ITEMS_HELP = Msg("help.done.items")
ON_HELP = Msg("help.done.on")
BY_HELP = Msg("help.done.by")


CADENCE_HELP = Msg("help.done.cadence")


def _log_work(
    kind: str,
    queries: list[str],
    on: str | None,
    note: str,
    by: str | None,
    cadence: str | None = None,
    measure: list[str] | None = None,
) -> None:
    """What done and skip share: resolve every item, log them all in one
    transaction, then say what happened and where each cadence stands."""
    from csm_checklist.cli.views.events import (
        already_line,
        logged_line,
        nothing_expected_line,
        progress_line,
    )
    from csm_checklist.duties.catalog import items_to_log
    from csm_checklist.rules.agenda import Progress, build_agenda, expected_on
    from csm_checklist.rules.work import log_work

    if any("/" in query for query in queries):
        from csm_checklist.cli.commands.runs import log_steps

        log_steps(kind, queries, on, note, by, measure)
        return
    env = Env.load()
    day = env.day(on, past=True)
    settings = env.settings
    items, guesses = items_to_log(env.catalog(), queries, cadence_option(cadence))
    values = []
    if measure:
        from csm_checklist.rules.measures import parse_measure_options

        values = parse_measure_options(items, measure)
    for line in guesses:
        echo(line, err=True)
    with env.open_log() as log:
        # Done by: --by, else the person logging (on the team's store, the
        # member's name there).
        who = by.strip() if by is not None and by.strip() else env.user_name(log)
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
            measures=values,
            logged_by=env.logger_name(log),
        )
        for event, existing in results:
            lang = settings.lang
            echo(
                logged_line(event, lang)
                if existing is None
                else already_line(event, existing, lang)
            )
            if values:
                from csm_checklist.cli.views.measures import measures_line, not_recorded_line

                if existing is None:
                    echo(measures_line(items[0], values, settings.lang))
                else:
                    echo(not_recorded_line(event), err=True)
        progress = build_agenda(history, log, day).progress
        # A cadence none of whose items was expected then (a daily duty on a
        # weekend or a day off) counts nothing: say so rather than "4 of 4".
        expected = {item.id for item in items if expected_on(history, item.id, day)}
    firsts = {item.recurrence.cadence: item for item in reversed(items)}
    for cadence in dict.fromkeys(item.recurrence.cadence for item in items):
        of_cadence = [item.id for item in items if item.recurrence.cadence == cadence]
        if not any(item_id in expected for item_id in of_cadence):
            first = next(event for event, _ in results if event.item_id == of_cadence[0])
            echo(nothing_expected_line(first, day, env.days_off.get(day), settings.lang))
            continue
        period = _period_text(firsts[cadence], day, env.today, history)
        echo(progress_line(cadence, progress.get(cadence, Progress()), settings.lang, period))

    taken = [existing for _event, existing in results if existing is not None]
    if env.store and taken:
        # On the team's record, a duty someone else already settled is a
        # request not met: say who and when, and exit 1.
        from csm_checklist.cli.views.events import moment_text

        for existing in taken:
            echo(
                Msg("team.already_by", by=existing.by, moment=moment_text(existing.logged_at)),
                err=True,
            )
        raise typer.Exit(1)


def _period_text(item: Item, day: date, today: date, history: History) -> str:
    """The period of `item`'s cadence that holds `day`, in words, when it is
    not today's: a late entry's progress line says which period it counts."""
    from csm_checklist.cli.views.events import period_words
    from csm_checklist.dates.schedule import period_containing

    if day == today:
        return ""
    found = period_containing(day, item.recurrence, history.calendar_on(day))
    current_period = period_containing(today, item.recurrence, history.calendar_on(today))
    if found is None:
        return day.isoformat()
    if found == current_period:
        return ""
    return period_words(item.recurrence.cadence, found.start, found.end, current())


def done(
    items: list[str] | None = typer.Argument(
        None,
        help=ITEMS_HELP,
        metavar="[ITEM]...",
        show_default=False,
        autocompletion=completion.items,
    ),
    on: str | None = typer.Option(None, "--on", help=ON_HELP, metavar="DATE"),
    note: str = typer.Option("", "--note", help=Msg("help.done.note"), metavar="TEXT"),
    by: str | None = typer.Option(None, "--by", help=BY_HELP, metavar="NAME"),
    cadence: str | None = typer.Option(
        None,
        "--cadence",
        help=CADENCE_HELP,
        metavar="CADENCE",
        autocompletion=completion.cadences,
    ),
    measure: list[str] | None = typer.Option(
        None,
        "--measure",
        "-m",
        help=Msg("help.done.measure"),
        metavar="ID=VALUE",
    ),
) -> None:
    """Log items (or RUN/STEP steps) as done."""
    _log_work("done", items or [], on, note, by, cadence, measure)


def skip(
    items: list[str] | None = typer.Argument(
        None,
        help=ITEMS_HELP,
        metavar="[ITEM]...",
        show_default=False,
        autocompletion=completion.items,
    ),
    on: str | None = typer.Option(None, "--on", help=ON_HELP, metavar="DATE"),
    reason: str = typer.Option("", "--reason", help=Msg("help.skip.reason"), metavar="TEXT"),
    by: str | None = typer.Option(None, "--by", help=BY_HELP, metavar="NAME"),
    cadence: str | None = typer.Option(
        None,
        "--cadence",
        help=CADENCE_HELP,
        metavar="CADENCE",
        autocompletion=completion.cadences,
    ),
) -> None:
    """Log items (or RUN/STEP steps) as skipped."""
    _log_work("skip", items or [], on, reason, by, cadence)


def undo(
    item: str | None = typer.Argument(
        None,
        help=Msg("help.undo.item"),
        metavar="ITEM",
        autocompletion=completion.items,
    ),
    on: str | None = typer.Option(
        None,
        "--on",
        help=Msg("help.undo.on"),
        metavar="DATE",
    ),
    reason: str = typer.Option("", "--reason", help=Msg("help.undo.reason"), metavar="TEXT"),
) -> None:
    """Mark the latest done or skip undone; it stays in the log."""
    from csm_checklist.cli.views.events import undo_scope, undone_line
    from csm_checklist.errors import NotMet
    from csm_checklist.rules.work import undo_target, undo_work

    if item is not None and "/" in item:
        from csm_checklist.cli.commands.runs import undo_step

        undo_step(item)
        return
    env = Env.load()
    day = env.day(on) if on is not None else None
    with env.open_log() as log:
        item_id = _log_item(env, log, item) if item is not None else None
        history = env.history(log)
        target = undo_target(history, item_id, day)
        if env.store:
            log.undo_reason = reason  # type: ignore[attr-defined]  # the team's store
        event = undo_work(log, target, env.settings.now())
        if event is not None:  # named in the configured language, as every view names it
            event = history.shown([event], env.settings.lang, env.today)[0]
    if event is None:
        raise NotMet(
            Msg("commands.undo.nothing", scope=undo_scope(target, day)),
            hint=Msg("commands.undo.log_hint"),
        )
    echo(undone_line(event, env.settings.lang))


def _log_item(env: Env, log: Store, query: str) -> str:
    """An id as typed when the log has it (even if since removed from the
    checklists), else the catalog item the text names."""
    if log.has_item(query.strip()):
        return query.strip()
    return env.catalog().resolve(query, include_disabled=True).id


MAX_LIMIT = 1_000_000_000  # more events than any log holds; SQLite takes no more
LOG_LIMIT = 20  # what a person reads at once; --limit 0 or --all shows everything
# (`help.log.limit` and `help.log` say 20 too: a test keeps them in step)


def log_events(
    since: str | None = typer.Option(None, "--since", help=Msg("help.since"), metavar="DATE"),
    until: str | None = typer.Option(None, "--until", help=Msg("help.until"), metavar="DATE"),
    item: str | None = typer.Option(
        None, "--item", help=Msg("help.log.item"), metavar="ID", autocompletion=completion.items
    ),
    cadence: str | None = typer.Option(
        None,
        "--cadence",
        help=Msg("help.log.cadence"),
        metavar="CADENCE",
        autocompletion=completion.cadences,
    ),
    by: str | None = typer.Option(
        None,
        "--by",
        help=Msg("help.log.by"),
        metavar="NAME",
    ),
    limit: int | None = typer.Option(
        None,
        "--limit",
        "-n",
        min=0,
        help=Msg("help.log.limit"),
        metavar="N",
    ),
    show_all: bool = typer.Option(False, "--all", help=Msg("help.log.all")),
    json_output: bool = typer.Option(False, "--json", help=Msg("help.log.json")),
    include_undone: bool = typer.Option(
        False, "--include-undone", help=Msg("help.log.include_undone")
    ),
    history: bool = typer.Option(
        False,
        "--history",
        help=Msg("help.log.history"),
    ),
    as_logged: str | None = typer.Option(
        None,
        "--as-logged",
        help=Msg("help.log.as_logged"),
        metavar="MOMENT",
    ),
) -> None:
    """The logged events, newest day first."""
    include_undone = include_undone or history
    if limit is not None and limit > MAX_LIMIT:
        raise BadInput(
            Msg("commands.limit_out_of_range", limit=limit),
            hint=Msg("commands.limit_hint", most=f"{MAX_LIMIT:,}"),
        )
    env = Env.load()
    first, last = env.day_range(since, until)
    wanted_cadence = cadence_option(cadence)
    stamp = env.moment(as_logged)
    wanted_by = by.strip() if by is not None and by.strip() else None
    # A table is read by a person: the latest screenful. JSON is read by
    # programs, which would silently lose events to a default limit.
    if show_all or limit == 0:
        shown = None
    else:
        shown = limit if limit is not None or json_output else LOG_LIMIT
    with env.open_log() as log:
        item_id = _log_item(env, log, item) if item is not None else None
        events = list(
            log.events(
                since=first,
                until=last,
                item_id=item_id,
                cadence=wanted_cadence,
                limit=shown,
                include_undone=include_undone,
                by=wanted_by,
                by_day=True,
                as_logged=stamp,
            )
        )
        more = 0
        if shown is not None and len(events) == shown and stamp is None:
            total = log.count_events(
                since=first,
                until=last,
                item_id=item_id,
                cadence=wanted_cadence,
                include_undone=include_undone,
                by=wanted_by,
            )
            more = total - len(events)
        changes = log.note_changes(e.uuid for e in events) if history else None
        if changes is not None and stamp is not None:
            # As the log stood then: corrections made later had not happened.
            changes = {
                uuid: kept
                for uuid, found in changes.items()
                if (kept := [c for c in found if c.changed_at <= stamp])
            }
        if not history and not json_output:
            # A view names items in the configured language, from the rules
            # in force; `--history` (the audit trail) and `--json` (the
            # record) keep the title each entry was logged under.
            rules = env.history(log, as_logged=stamp)
            events = rules.shown(events, env.settings.lang, env.today)
    if json_output:
        from csm_checklist.exchange.formats import event_record

        document: dict[str, object] = {"events": [event_record(event) for event in events]}
        if changes is not None:
            document["note_changes"] = [
                {
                    "uuid": change.event_uuid,
                    "old_note": change.old_note,
                    "new_note": change.new_note,
                    "changed_at": change.changed_at.isoformat(),
                    "by": change.by,
                    "host": change.host,
                }
                for event in events
                for change in changes.get(event.uuid, [])
            ]
        print_json(document)
        return
    from csm_checklist.cli.views import events as view

    if stdout_is_terminal():
        view.show_log(events, changes)
    else:
        echo(view.plain_log(events, changes), nl=False, columns=True)
    if more > 0:
        echo(view.more_line(more), err=True)


def register(app: typer.Typer) -> None:
    app.command("done", help=Msg("help.done"))(done)
    app.command("skip", help=Msg("help.skip"))(skip)
    app.command("undo", help=Msg("help.undo"))(undo)
    app.command("log", help=Msg("help.log"))(log_events)
