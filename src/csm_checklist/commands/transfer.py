"""`csm export` and `csm import`: events to and from csv, json, jsonl and Markdown."""

from __future__ import annotations

from enum import Enum

import typer

from ..views.safe import echo
from .common import Env


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    md = "md"


def export(
    format: ExportFormat = typer.Option(
        ExportFormat.csv, "--format", "-f", help="csv, json, jsonl or md (a Markdown table)."
    ),
    since: str | None = typer.Option(
        None, "--since", help="Only events for this day or later.", metavar="DATE"
    ),
    until: str | None = typer.Option(
        None, "--until", help="Only events for this day or earlier.", metavar="DATE"
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write to this file (replaced in one step: never half-written; never one of "
        "csm's own files; the folder must exist). Default or -: stdout.",
        metavar="FILE",
    ),
    include_undone: bool = typer.Option(
        False, "--include-undone", help="Also export undone events (with their undone_at)."
    ),
    bom: bool = typer.Option(
        False, "--bom", help="Start with a UTF-8 byte order mark, so spreadsheets show Arabic."
    ),
) -> None:
    """Export events, oldest logged first, one row per event with the columns
    uuid, item_id, title, cadence, kind, period_start, period_end, for_date,
    logged_at, by, note, undone_at, host. --since and --until bound the day
    the work was for, both included. `csm import` reads csv, json and jsonl back.

    Example: csm export --format csv --bom -o events.csv
    """
    from ..formats import WRITERS

    env = Env.load()
    first, last = env.day_range(since, until)
    write = WRITERS[format.value]
    # U+FEFF first is what utf-8-sig writes; spreadsheets then read UTF-8.
    mark = "\ufeff" if bom else ""
    from ..outputs import open_output

    with open_output(output, env.paths, newline="") as stream, env.open_log() as log:
        batches = log.export_batches(since=first, until=last, include_undone=include_undone)
        stream.write(mark)
        count = write(batches, stream)
    if output is None or output == "-":
        return
    noun = "event" if count == 1 else "events"
    echo(f"Exported {count} {noun} to {output}.")


def import_(
    file: str = typer.Argument(
        ...,
        help="A file `csm export` wrote: csv, json or jsonl, told apart by content; "
        "- reads standard input.",
        metavar="FILE",
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Check the file and count, but write nothing."
    ),
) -> None:
    """Import events from a csv, json or jsonl export.

    Every record is checked before any is kept: a bad one stops the import
    with exit 2, naming its line (csv, jsonl) or index (json) and the field,
    and nothing is written. A missing or unreadable file is exit 2 as well.
    Events are matched by uuid: one already in the log is counted, not added
    again, so importing a file twice adds nothing; the same uuid with other
    content is refused. An event undone in the file is marked undone here too.
    The file is read once, so `-` (standard input), a pipe or `<(...)` work too.

    Example: csm import events.csv --dry-run
    """
    from ..importing import import_events

    env = Env.load()
    added, present = import_events(env.paths, file, dry_run=dry_run)
    verb = "Would add" if dry_run else "Added"
    noun = "event" if added == 1 else "events"
    were = "was" if present == 1 else "were"
    echo(f"{verb} {added} {noun}; {present} {were} already present.")


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)
