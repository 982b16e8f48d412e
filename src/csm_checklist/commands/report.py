"""`csm report`: how the duties went over a week, month, quarter or year."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import BadInput, NotMet
from ..schedule import PERIOD_KINDS
from .common import Env, print_json, stdout_is_terminal

FORMATS = ("text", "md", "json")


def report(
    period: str = typer.Option(
        "month", "--period", "-p", help="week, month, quarter or year.", metavar="PERIOD"
    ),
    on: str | None = typer.Option(
        None, "--on", help="A date inside the period (default: today).", metavar="DATE"
    ),
    previous: bool = typer.Option(
        False, "--previous", help="Report the last complete period before the one of --on."
    ),
    fmt: str = typer.Option("text", "--format", "-f", help="text, md or json."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to FILE (atomically) instead of stdout."
    ),
) -> None:
    """Per item, cadence and area: expected, done, on time, late, skipped, missed,
    completion; streaks of daily items; every missed period; the notes.

    Example: csm report --period month --format md -o report.md
    """
    from ..report import REPORT_KINDS, build_report

    kind = PERIOD_KINDS.get(period.strip().lower())
    if kind not in REPORT_KINDS:
        raise BadInput(
            f"--period {period!r} is not a report period.",
            hint="Use week, month, quarter or year.",
        )
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise BadInput(f"--format {fmt!r} is not a report format.", hint="Use text, md or json.")
    env = Env.load()
    day = env.day(on)
    settings = env.settings
    catalog = env.catalog()
    with env.open_log() as log:
        result = build_report(
            list(catalog.items.values()),
            log,
            kind,
            day,
            env.calendar,
            lang=settings.lang,
            previous=previous,
        )
    lang = settings.lang
    areas = {area_id: area.title.get(lang) for area_id, area in catalog.areas.items()}
    fiscal = settings.calendar.fiscal_year_start

    from ..views import report as view

    if fmt == "json":
        document = view.report_json(result, areas, lang, fiscal)
        if output is None:
            print_json(document)
            return
        import json

        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "md":
        text = view.report_markdown(
            result,
            areas,
            lang,
            fiscal_year_start=fiscal,
            author=settings.user_name,
            hijri=settings.show_hijri,
        )
    elif output is None and stdout_is_terminal():
        view.show_report(result, areas, lang, fiscal, hijri=settings.show_hijri)
        return
    else:
        text = view.plain_report(result, areas, lang, fiscal, hijri=settings.show_hijri)
    if output is None:
        typer.echo(text, nl=False)
        return
    from ..atomic import write_text_atomically

    try:
        write_text_atomically(output, text)
    except OSError as exc:
        raise NotMet(
            f"Cannot write {output}: {exc.strerror or exc}.",
            hint="Choose a folder you can write to.",
        ) from exc
    typer.echo(f"Wrote the {kind} report to {output}.", err=True)


def register(app: typer.Typer) -> None:
    app.command("report")(report)
