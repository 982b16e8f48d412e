"""`csm export` and `csm import`: events to and from csv, json, jsonl and Markdown."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import IO, TYPE_CHECKING

import typer

from csm_checklist.cli.commands.common import OUTPUT_HELP, Env, stdout_is_terminal
from csm_checklist.cli.views.safe import echo
from csm_checklist.messages import Msg, t

if TYPE_CHECKING:
    from csm_checklist.exchange.formats import Batches


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    md = "md"


def export(
    format: ExportFormat = typer.Option(
        ExportFormat.csv, "--format", "-f", help=Msg("help.export.format"), metavar="FORMAT"
    ),
    since: str | None = typer.Option(None, "--since", help=Msg("help.since"), metavar="DATE"),
    until: str | None = typer.Option(None, "--until", help=Msg("help.until"), metavar="DATE"),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help=OUTPUT_HELP,
        metavar="FILE",
    ),
    include_undone: bool = typer.Option(
        False, "--include-undone", help=Msg("help.export.include_undone")
    ),
    bom: bool = typer.Option(False, "--bom", help=Msg("help.export.bom")),
) -> None:
    """Write the events, oldest logged first, in one of the export formats."""
    from csm_checklist.cli.views.chain import chain_footer
    from csm_checklist.exchange.formats import WRITERS

    env = Env.load()
    first, last = env.day_range(since, until)
    write: Callable[[Batches, IO[str]], int] = WRITERS[format.value]
    # U+FEFF first is what utf-8-sig writes; spreadsheets then read UTF-8.
    mark = "\ufeff" if bom else ""
    from csm_checklist.exchange.outputs import open_output

    with open_output(output, env.paths, newline="") as stream, env.open_log() as log:
        # The whole log's chain, read before the rows: json carries it as a
        # field, md as a footer line. A csv or jsonl file holds its records
        # and nothing else (spreadsheets and `csm import` read every line as
        # one); `csm verify` prints the head when one is wanted beside it.
        links, head = log.chain_head()
        if format is ExportFormat.json:
            # A json export is a full backup: the history of the rules comes too.
            from csm_checklist.exchange.formats import backup_header, write_json

            env.history(log)
            header = backup_header(log.starts(), log.revisions())
            from csm_checklist.exchange.backup import extra_header

            header.update(extra_header(log, first, last, include_undone))
            header["chain"] = {"links": links, "head": head}

            def write(batches: Batches, out: IO[str]) -> int:
                return write_json(batches, out, header)

        batches = log.export_batches(since=first, until=last, include_undone=include_undone)
        if (
            format is ExportFormat.csv
            and (output is None or output == "-")
            and stdout_is_terminal()
        ):
            # On a screen, a cell's escape sequences are shown, never obeyed;
            # a file or a pipe gets the data exact.
            from csm_checklist.exchange.escapes import shown

            batches = (
                [tuple(shown(v) if isinstance(v, str) else v for v in row) for row in batch]
                for batch in batches
            )
        stream.write(mark)
        count = write(batches, stream)
        if format is ExportFormat.md:
            stream.write("\n" + chain_footer(links, head, env.lang) + "\n")
    if output is None or output == "-":
        return
    exported = "commands.export.wrote_one" if count == 1 else "commands.export.wrote"
    echo(t(exported, env.lang, count=count, path=output))


def import_(
    file: str = typer.Argument(
        ...,
        help=Msg("help.import.file"),
        metavar="FILE",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help=Msg("help.import.dry_run")),
) -> None:
    """Read events back from an export; every record checked before any is kept."""
    from csm_checklist.cli.views.events import import_lines
    from csm_checklist.exchange.importing import import_file
    from csm_checklist.rules.history import observe

    env = Env.load()
    settings = env.settings
    items = env.catalog().items.values()
    observed = observe(items, settings.calendar, settings.timezone)
    declared = {item.id: [m.id for m in item.measures] for item in items}
    if env.store:
        # The team's record: straight into it, nothing on this computer.
        from csm_checklist.exchange.formats import ImportSource
        from csm_checklist.rules.work import import_events

        with env.open_log() as log:
            result = import_events(
                log,
                ImportSource(file),
                observed,
                env.today,
                settings.now(),
                dry_run=dry_run,
                declared=declared,
            )
    else:
        result = import_file(
            env.paths, file, observed, env.today, settings.now(), dry_run=dry_run, declared=declared
        )
    for line in import_lines(result, dry_run, settings.lang):
        echo(line)


def register(app: typer.Typer) -> None:
    app.command("export", help=Msg("help.export"))(export)
    app.command("import", help=Msg("help.import"))(import_)
