"""`csm today` and `csm due`: what needs doing, as of a date."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from ..errors import BadInput
from ..schedule import PERIOD_KINDS
from .common import Env, print_json, stdout_is_terminal

if TYPE_CHECKING:
    from ..agenda import Agenda, Entry
    from ..schedule import Period

ON_HELP = "The date to look at (YYYY-MM-DD, today, yesterday). Default: today."


def today(
    on: str | None = typer.Option(None, "--on", help=ON_HELP, metavar="DATE"),
    show_all: bool = typer.Option(
        False, "--all", help="Show every item in its current period, whatever its status."
    ),
    json_output: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """What needs doing today: daily items, anything due or overdue, what was
    missed last period (with the command that logs it late), and progress.

    Example: csm today --on 2026-11-23
    """
    from ..agenda import build_agenda

    env = Env.load()
    day = env.day(on)
    catalog = env.catalog()
    with env.open_log() as log:
        agenda = build_agenda(catalog.enabled_items(), log, day, env.calendar)
    entries = agenda.entries if show_all else agenda.actionable()
    _show(env, agenda, entries, json_output, all_heading=show_all)


def due(
    period: str | None = typer.Option(
        None,
        "--period",
        "-p",
        help="day, week, month, quarter or year (or daily ... annual): every item of that "
        "cadence in the current period, plus longer ones due inside it.",
        metavar="PERIOD",
    ),
    on: str | None = typer.Option(None, "--on", help=ON_HELP, metavar="DATE"),
    json_output: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """What is open: without --period every due or overdue item; with it, the
    whole window of that period.

    Example: csm due --period quarter
    """
    from ..agenda import build_agenda, window_entries

    kind = None
    if period is not None:
        kind = PERIOD_KINDS.get(period.strip().lower())
        if kind is None:
            raise BadInput(
                f"--period {period!r} is not a period.",
                hint="Use day, week, month, quarter or year.",
            )
    env = Env.load()
    day = env.day(on)
    items = env.catalog().enabled_items()
    cal = env.calendar
    with env.open_log() as log:
        agenda = build_agenda(items, log, day, cal)
        if kind is None:
            _show(env, agenda, agenda.open_entries(), json_output, open_only=True)
            return
        window, entries = window_entries(items, log, kind, day, cal)
    _show(env, agenda, entries, json_output, window=(kind, window))


def _show(
    env: Env,
    agenda: Agenda,
    entries: list[Entry],
    json_output: bool,
    *,
    all_heading: bool = False,
    open_only: bool = False,
    window: tuple[str, Period] | None = None,
) -> None:
    from ..views import agenda as view
    from ..views.labels import label

    lang = env.settings.lang
    day_off = env.days_off.get(agenda.day)
    if json_output:
        doc = view.agenda_json(agenda, entries, lang)
        if day_off is not None:
            doc["day_off"] = day_off
        if window is not None:
            kind, span = window
            doc["period"] = {
                "kind": kind,
                "start": span.start.isoformat(),
                "end": span.end.isoformat(),
            }
        print_json(doc)
        return
    heading = view.day_heading(
        agenda.day, agenda.workday, lang, hijri=env.settings.show_hijri, day_off=day_off
    )
    if window is not None or open_only:
        # `due` answers one question; the missed list and progress belong to `today`.
        agenda = agenda._replace(missed=[], progress={})
    if window is not None:
        kind, span = window
        heading += f"\n{label('this_' + kind, lang)}: {view.period_text(span)}"
    elif all_heading:
        heading += f"\n{label('all_heading', lang)}"
    elif open_only:
        heading += f"\n{label('open_heading', lang)}"
    if stdout_is_terminal():
        view.show_agenda(agenda, entries, lang, heading)
    else:
        typer.echo(view.plain_agenda(agenda, entries, lang, heading), nl=False)


def register(app: typer.Typer) -> None:
    app.command("today")(today)
    app.command("due")(due)
