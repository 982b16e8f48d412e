"""`csm note EVENT TEXT`: correct the note of a logged event, keeping the old one."""

from __future__ import annotations

import typer

from csm_checklist.cli.commands.common import Env
from csm_checklist.cli.views.safe import echo
from csm_checklist.messages import Msg


def note(
    event: str = typer.Argument(
        ...,
        help=Msg("help.note.event"),
        metavar="EVENT",
    ),
    text: str = typer.Argument(..., help=Msg("help.note.text"), metavar="TEXT"),
    by: str | None = typer.Option(
        None,
        "--by",
        help=Msg("help.note.by"),
        metavar="NAME",
    ),
) -> None:
    """Correct the note of a logged event, keeping the old one."""
    from csm_checklist.cli.views.events import note_line
    from csm_checklist.store.records import host_name

    env = Env.load()
    settings = env.settings
    who = by.strip() if by is not None and by.strip() else settings.user_name
    with env.open_log() as log:
        found = log.find_event(event)
        updated, change = log.change_note(found.uuid, text, settings.now(), who, host_name())
        # Named as every view names it: in the configured language.
        updated = env.history(log).shown([updated], settings.lang, env.today)[0]
    echo(note_line(updated, change))


def register(app: typer.Typer) -> None:
    app.command("note", help=Msg("help.note"))(note)
