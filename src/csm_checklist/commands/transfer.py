"""`csm export` and `csm import`: events to and from csv, json, jsonl and Markdown."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import IO, TYPE_CHECKING

import typer

from ..messages import t
from ..views.safe import echo
from .common import OUTPUT_HELP, Env

if TYPE_CHECKING:
    from ..formats import Batches


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
        help=OUTPUT_HELP,
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
    write: Callable[[Batches, IO[str]], int] = WRITERS[format.value]
    # U+FEFF first is what utf-8-sig writes; spreadsheets then read UTF-8.
    mark = "\ufeff" if bom else ""
    from ..outputs import open_output

    with open_output(output, env.paths, newline="") as stream, env.open_log() as log:
        if format is ExportFormat.json:
            # A json export is a full backup: the history of the rules comes too.
            from ..formats import backup_header, write_json

            env.history(log)
            header = backup_header(log.starts(), log.revisions())
            from ..backup_extra import extra_header

            header.update(extra_header(log, first, last, include_undone))

            def write(batches: Batches, out: IO[str]) -> int:
                return write_json(batches, out, header)

        batches = log.export_batches(since=first, until=last, include_undone=include_undone)
        stream.write(mark)
        count = write(batches, stream)
    if output is None or output == "-":
        return
    exported = "commands.export.wrote_one" if count == 1 else "commands.export.wrote"
    echo(t(exported, env.lang, count=count, path=output))


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
    and nothing is written. A missing or unreadable file, a file with no
    events and a Markdown export (which cannot be read back) are exit 2 as well.
    Events are matched by uuid: one already in the log is counted, not added
    again, so importing a file twice adds nothing; the same uuid with other
    content is refused. An event undone in the file is marked undone here too.
    Every event must fall in the period the rules here cut for its day. Into
    an empty log, a json backup also brings its tracking start and the
    history of its rules, so every report reads as it did. The file is read
    once, so `-` (standard input), a pipe or `<(...)` work too; an import that
    fails, or a --dry-run, never creates a log.

    Example: csm import events.csv --dry-run
    """
    from ..history import observe
    from ..importing import import_file
    from ..views.events import import_lines

    env = Env.load()
    settings = env.settings
    observed = observe(env.catalog().items.values(), settings.calendar, settings.timezone)
    result = import_file(env.paths, file, observed, env.today, settings.now(), dry_run=dry_run)
    for line in import_lines(result, dry_run, settings.lang):
        echo(line)


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)
