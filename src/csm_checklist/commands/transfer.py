"""`csm export` and `csm import`: events to and from csv, json, jsonl and Markdown."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING

import typer

from ..errors import NotMet
from .common import Env

if TYPE_CHECKING:
    from ..formats import Batches


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    md = "md"


def _stdout_for_export() -> IO[str]:
    """stdout as UTF-8 whatever the locale, with line ends written as given:
    CSV's CRLF must not become CR CR LF on Windows."""
    out = sys.stdout
    out.flush()
    if isinstance(out, io.TextIOWrapper):
        out.reconfigure(encoding="utf-8", newline="")
    return out


def _quiet_broken_pipe() -> None:
    """`csm export | head` closes the pipe early: stop without a traceback.

    Whatever is still buffered goes to /dev/null, so Python's own flush at exit
    does not fail a second time.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(1)


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
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write to this file (replaced in one step: never half-written). Default: stdout.",
        metavar="FILE",
        dir_okay=False,
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
    with env.open_log() as log:
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
        if output is None:
            try:
                stream = _stdout_for_export()
                stream.write(mark)
                write(batches, stream)
                stream.flush()
            except BrokenPipeError:
                _quiet_broken_pipe()
            return
        from ..atomic import atomic_writer

        try:
            with atomic_writer(output, encoding="utf-8", newline="") as stream:
                stream.write(mark)
                count = write(batches, stream)
        except OSError as exc:
            raise NotMet(
                f"Cannot write {output}: {exc.strerror or exc}.",
                hint="Choose a folder you can write to; the old file, if any, is untouched.",
            ) from exc
    noun = "event" if count == 1 else "events"
    typer.echo(f"Exported {count} {noun} to {output}.")


def import_(
    file: Path = typer.Argument(
        ...,
        help="A file `csm export` wrote: csv, json or jsonl, told apart by content.",
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
    history of its rules, so every report reads as it did.

    Example: csm import events.csv --dry-run
    """
    from ..formats import ImportSource
    from ..history import observe
    from ..views.events import import_lines
    from ..work import import_events

    env = Env.load()
    if not file.exists():
        from ..errors import ImportFileError

        raise ImportFileError(
            f"{file} does not exist.", hint="Check the path; `csm export -o FILE` writes one."
        )
    settings = env.settings
    observed = observe(env.catalog().items.values(), settings.calendar, settings.timezone)
    # A json backup's runs and measures are checked before any entry is
    # written, so a conflict among them leaves the log as it was. Reading the
    # first record is what fills them in (a csv or jsonl file has none).
    probe = ImportSource(file)
    next(probe.records(), None)
    source = ImportSource(file)
    with env.open_log() as log:
        extra = None
        if probe.extra:
            from ..backup_extra import merge_extra

            extra = merge_extra(log, probe.extra, dry_run=True)
        result = import_events(log, source, observed, env.today, settings.now(), dry_run=dry_run)
        if probe.extra and not dry_run:
            extra = merge_extra(log, probe.extra)
    for line in import_lines(result, dry_run):
        typer.echo(line)
    if extra is not None and any(extra):
        runs, steps, measures = extra
        verb = "Would add" if dry_run else "Added"
        typer.echo(f"{verb} {runs} playbook runs, {steps} step check-offs and {measures} measures.")


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)
