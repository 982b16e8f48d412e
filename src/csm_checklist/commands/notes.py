"""`csm note EVENT TEXT`: correct the note of a logged event, keeping the old one."""

from __future__ import annotations

import typer

from ..views.safe import echo
from .common import Env


def note(
    event: str = typer.Argument(
        ...,
        help="The event: the id `csm log` shows (its uuid's first 8 characters; "
        "at least 6 will do) or the whole uuid.",
        metavar="EVENT",
    ),
    text: str = typer.Argument(
        ..., help='The note as it should read; "" clears it.', metavar="TEXT"
    ),
    by: str | None = typer.Option(
        None,
        "--by",
        help="Who corrected it. Default: the `user` setting, else the login name.",
        metavar="NAME",
    ),
) -> None:
    """Correct the note of a done (or the reason of a skip) already logged.

    The event then carries the new note everywhere (log, report, export); the
    old one is kept with who changed it and when, and `csm log --history`
    shows it. An unknown or ambiguous id exits with 1, nothing changed.

    Example: csm note 1a2b3c4d "3 escalations, not 2"
    """
    from ..log import host_name
    from ..views.events import note_line

    env = Env.load()
    settings = env.settings
    who = by.strip() if by is not None and by.strip() else settings.user_name
    with env.open_log() as log:
        found = log.find_event(event)
        updated, change = log.change_note(found.uuid, text, settings.now(), who, host_name())
    echo(note_line(updated, change))


def register(app: typer.Typer) -> None:
    app.command("note")(note)
