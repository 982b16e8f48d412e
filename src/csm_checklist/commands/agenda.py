"""`csm today` and `csm due`: what needs doing, as of a date. Their options
are declared here; what they do is in `today_due.py`."""

from __future__ import annotations

import typer

from . import completion
from .today_due import show_due, show_today

ON_HELP = "The date to look at (YYYY-MM-DD, today, yesterday, tomorrow). Default: today."


AS_LOGGED_HELP = (
    "Show the log as it stood at this moment (YYYY-MM-DD for the end of that day, or "
    "YYYY-MM-DDTHH:MM): only what was logged by then, undone only if undone by then."
)


def today(
    on: str | None = typer.Option(None, "--on", help=ON_HELP, metavar="DATE"),
    show_all: bool = typer.Option(
        False, "--all", help="Show every item in its current period, whatever its status."
    ),
    json_output: bool = typer.Option(False, "--json", help="Print one JSON document."),
    as_logged: str | None = typer.Option(
        None, "--as-logged", help=AS_LOGGED_HELP, metavar="MOMENT"
    ),
    tag: str | None = typer.Option(
        None, "--tag", help="Only items with this tag, e.g. --tag team.", metavar="TAG"
    ),
) -> None:
    """What needs doing today: daily items, anything due or overdue, what was
    missed last period (with the command that logs it late), and progress.

    Example: csm today --on 2026-11-23

    Example: csm today --tag team
    """
    show_today(on=on, show_all=show_all, json_output=json_output, as_logged=as_logged, tag=tag)


def due(
    period: str | None = typer.Option(
        None,
        "--period",
        "-p",
        help="day, week, month, quarter or year (or daily ... annual): every item of that "
        "cadence in the current period, plus longer ones due inside it.",
        metavar="PERIOD",
        autocompletion=completion.periods,
    ),
    on: str | None = typer.Option(None, "--on", help=ON_HELP, metavar="DATE"),
    json_output: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """What is open: without --period every due or overdue item; with it, the
    whole window of that period.

    Example: csm due --period quarter
    """
    show_due(period=period, on=on, json_output=json_output)


def register(app: typer.Typer) -> None:
    app.command("today")(today)
    app.command("due")(due)
