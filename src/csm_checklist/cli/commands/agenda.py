"""`csm today` and `csm due`: what needs doing, as of a date. Their options
are declared here; what they do is in `today_due.py`."""

from __future__ import annotations

import typer

from csm_checklist.cli.commands import completion
from csm_checklist.cli.commands.today_due import show_due, show_today
from csm_checklist.messages import Msg

ON_HELP = Msg("help.today.on")


AS_LOGGED_HELP = Msg("help.today.as_logged")


def today(
    on: str | None = typer.Option(None, "--on", help=ON_HELP, metavar="DATE"),
    show_all: bool = typer.Option(False, "--all", help=Msg("help.today.all")),
    json_output: bool = typer.Option(False, "--json", help=Msg("help.json")),
    as_logged: str | None = typer.Option(
        None, "--as-logged", help=AS_LOGGED_HELP, metavar="MOMENT"
    ),
    tag: str | None = typer.Option(None, "--tag", help=Msg("help.tag"), metavar="TAG"),
    mine: bool = typer.Option(False, "--mine", help=Msg("help.today.mine")),
) -> None:
    """What needs doing today, what was missed, and progress."""
    show_today(
        on=on, show_all=show_all, json_output=json_output, as_logged=as_logged, tag=tag, mine=mine
    )


def due(
    period: str | None = typer.Option(
        None,
        "--period",
        "-p",
        help=Msg("help.due.period"),
        metavar="PERIOD",
        autocompletion=completion.periods,
    ),
    on: str | None = typer.Option(None, "--on", help=ON_HELP, metavar="DATE"),
    json_output: bool = typer.Option(False, "--json", help=Msg("help.json")),
) -> None:
    """What is due or overdue, or the whole window of --period."""
    show_due(period=period, on=on, json_output=json_output)


def register(app: typer.Typer) -> None:
    app.command("today", help=Msg("help.today"))(today)
    app.command("due", help=Msg("help.due"))(due)
