"""`csm report`: how the duties went over a week, month, quarter or year."""

from __future__ import annotations

import atexit
import functools
import gc
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, ParamSpec

from csm_checklist.cli.commands.common import Env, stdout_is_terminal, terminal_width
from csm_checklist.cli.views.safe import echo, json_text, visible
from csm_checklist.dates.schedule import parse_cadence
from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg, t

if TYPE_CHECKING:
    import typer

    from csm_checklist.duties.catalog import Item
    from csm_checklist.rules.measures import MeasureRow
    from csm_checklist.rules.report import Report
    from csm_checklist.rules.runs import Run
    from csm_checklist.store.interface import Store

FORMATS = ("text", "md", "json", "html", "pdf")
# What `-o FILE` says, by report cadence: "the monthly report" is one phrase.
WROTE = {
    "weekly": "commands.report.wrote_weekly",
    "monthly": "commands.report.wrote_monthly",
    "quarterly": "commands.report.wrote_quarterly",
    "annual": "commands.report.wrote_annual",
}

P = ParamSpec("P")


def collector_paused(command: Callable[P, None]) -> Callable[P, None]:
    """`command` with Python's cycle collector paused while it runs. A report
    makes and drops tens of thousands of small objects, which reference
    counting frees; the collector's passes over them cost about a tenth of a
    year's report and found a few hundred objects, which now wait for the
    end of the command. What is still alive when the process ends is left to
    it too: the collector's last passes over every object while Python shuts
    down cost about 10 ms more, and every file csm writes is closed by then."""

    @functools.wraps(command)
    def paused(*args: P.args, **kwargs: P.kwargs) -> None:
        was_on = gc.isenabled()
        gc.disable()
        try:
            command(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()
            if not _FROZEN_AT_EXIT:
                _FROZEN_AT_EXIT.append(True)
                atexit.register(gc.freeze)

    return paused


_FROZEN_AT_EXIT: list[bool] = []


@collector_paused
def report(
    period: str = "month",
    on: str | None = None,
    previous: bool = False,
    fmt: str = "text",
    output: str | None = None,
    as_logged: str | None = None,
    tag: str | None = None,
    by: str | None = None,
) -> None:
    """How the duties went over a week, month, quarter or year."""
    from csm_checklist.cli.commands.people import people_of
    from csm_checklist.cli.views.chain import chain_footer, chain_footer_text
    from csm_checklist.rules.report import REPORT_CADENCES, build_report
    from csm_checklist.rules.scope import tag_of, with_tag

    try:
        cadence = parse_cadence(period, option="--period", windows_only=True)
    except ValueError:
        cadence = ""
    if cadence not in REPORT_CADENCES:
        raise BadInput(
            Msg("commands.report.bad_period", period=period),
            hint=Msg("commands.report.period_forms"),
        )
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise BadInput(
            Msg("commands.report.bad_format", fmt=fmt), hint=Msg("commands.report.format_forms")
        )
    if fmt == "pdf" and (output is None or output == "-"):
        raise BadInput(Msg("html.pdf_needs_file"), hint=Msg("html.pdf_needs_file_hint"))
    env = Env.load()
    stamp = env.moment(as_logged)
    day = env.day(on) if on is not None or stamp is None else min(stamp.date(), env.today)
    settings = env.settings
    catalog = env.catalog()
    items = list(catalog.items.values())
    wanted_tag = tag_of(tag, items) if tag is not None else None
    only = [item.id for item in with_tag(items, wanted_tag)] if wanted_tag is not None else None
    wanted_by = by.strip() if by is not None and by.strip() else None
    with env.open_log() as log:
        history = env.history(log, as_logged=stamp)
        result = build_report(
            history,
            log,
            cadence,
            day,
            env.today,
            lang=settings.lang,
            previous=previous,
            as_logged=stamp,
            only=only,
            by=wanted_by,
        )
        # Runs as they stood at the end of the report's as-of day (or at the stamp).
        stood = env.runs_moment(result.as_of, stamp)
        runs, kpis = _runs_and_measures(
            log, result, [catalog.items[i] for i in only or catalog.items], stamp, stood
        )
        people = people_of(env, log, result, stamp)
        # The log's chain as it is now, whatever moment the report reads:
        # `csm verify --head` checks it later, however much is logged since.
        links, head = log.chain_head()
    wanted_by = result.by
    lang = settings.lang
    areas = {area_id: area.title.get(lang) for area_id, area in catalog.areas.items()}
    if any(outcome.area not in areas for outcome in result.outcomes):
        from csm_checklist.duties.packs import pack_area_titles

        areas = {**pack_area_titles(lang), **areas}
    fiscal = result.history.calendar_on(result.window.end).fiscal_year_start

    from csm_checklist.cli.views import people as people_view
    from csm_checklist.cli.views import report as view

    scope = view.scope_text(lang, wanted_tag, wanted_by)
    if fmt in ("json", "html", "pdf"):
        document = view.report_json(result, areas, lang, fiscal, tag=wanted_tag, by=wanted_by)
        document.update(_extra_json(runs, kpis, stood or settings.now(), lang))
        if people is not None:
            document["people"] = people_view.report_json(people)
        document["chain"] = {"links": links, "head": head}
    if fmt in ("html", "pdf"):
        _write_page(document, fmt, output, env, hijri=settings.show_hijri)
        if output is not None and output != "-":
            echo(t(WROTE[cadence], lang, path=output), err=True)
        return
    if fmt == "json":
        text = json_text(document) + "\n"
    elif fmt == "md":
        text = view.report_markdown(
            result,
            areas,
            lang,
            fiscal_year_start=fiscal,
            author=settings.user_name,
            scope=scope,
            hijri=settings.show_hijri,
        ) + _extra_markdown(runs, kpis, lang, people_view.report_markdown(people, lang))
        footer = "\n" + chain_footer(links, head, lang) + "\n"
    elif output is None and stdout_is_terminal():
        view.show_report(result, areas, lang, fiscal, scope, hijri=settings.show_hijri)
        width = terminal_width()
        section = people_view.report_lines(people, lang, width)
        echo(_extra_text(runs, kpis, lang, width, section), nl=False, columns=True)
        echo("\n" + chain_footer_text(links, head, lang))
        return
    else:
        text = view.plain_report(result, areas, lang, fiscal, scope, hijri=settings.show_hijri)
        text += _extra_text(runs, kpis, lang, None, people_view.report_lines(people, lang))
        footer = "\n" + chain_footer_text(links, head, lang) + "\n"
    if fmt != "json":
        # Stored titles and notes may hold escape sequences: a report read
        # later with `cat` must not obey them either.
        # The footer is csm's own words, with the marks that keep the head
        # in order inside Arabic: added after stored text is made visible.
        text = visible(text) + footer
    if fmt == "text":
        from csm_checklist.cli.views.bidi import isolate_lines

        text = isolate_lines(text)
    from csm_checklist.exchange.outputs import open_output

    with open_output(output, env.paths) as stream:
        stream.write(text)
    if output is not None and output != "-":
        echo(t(WROTE[cadence], lang, path=output), err=True)


def _write_page(
    document: dict[str, object], fmt: str, output: str | None, env: Env, *, hijri: bool
) -> None:
    """The report as one HTML page, or that page as PDF, to `output`: the
    page is drawn from the JSON document, so it holds the same figures."""
    from csm_checklist.exchange.html import report_html, report_pdf
    from csm_checklist.exchange.outputs import open_binary_output, open_output

    week_start = env.settings.calendar.week_start
    # Stored text may hold control characters: the page shows them, as the
    # other formats do, rather than carry them raw.
    page = visible(
        report_html(document, hijri=hijri, week_start=week_start, cache_dir=env.paths.cache_dir)
    )
    if fmt == "html":
        with open_output(output, env.paths) as stream:
            stream.write(page)
        return
    assert output is not None
    # The file is checked before the page is printed, and is replaced only
    # when printing succeeds.
    with open_binary_output(output, env.paths) as binary:
        binary.write(report_pdf(page))


def _runs_and_measures(
    log: Store,
    result: Report,
    items: list[Item],
    stamp: datetime | None,
    stood: datetime | None,
) -> tuple[list[Run], list[MeasureRow]]:
    """The playbook runs started or closed in the report's window, and its
    items' measures beside the window before (nothing when there are none)."""
    from datetime import timedelta

    from csm_checklist.rules.measures import period_rows
    from csm_checklist.rules.report import report_window
    from csm_checklist.rules.runs import load_runs, runs_in_window

    window = result.window
    runs = []
    if log.has_runs():
        every = load_runs(log, result.history.calendar_on, as_logged=stood)
        runs = runs_in_window(every, window.start, min(window.end, result.as_of))
    before = report_window(result.history, result.cadence, window.start - timedelta(days=1))
    kpis = period_rows(
        log,
        items,
        window.start,
        window.end,
        before.start,
        as_logged=stamp,
        window_cadence=result.cadence,
    )
    return runs, kpis


def _extra_json(
    runs: list[Run], kpis: list[MeasureRow], now: datetime, lang: str
) -> dict[str, object]:
    # Each view is imported only when there is something for it to show.
    extra: dict[str, object] = {}
    if runs:
        from csm_checklist.cli.views.runs import run_record

        extra["runs"] = [run_record(run, now) for run in runs]
    if kpis:
        from csm_checklist.cli.views.measures import report_json

        extra["measures"] = report_json(kpis, lang)
    return extra


def _extra_markdown(
    runs: list[Run], kpis: list[MeasureRow], lang: str, people: list[str] | None = None
) -> str:
    from csm_checklist.cli.views import measures
    from csm_checklist.cli.views import runs as run_view

    lines = measures.report_markdown(kpis, lang)
    if runs:
        lines += run_view.report_markdown(runs, lang)
    lines += people or []
    return "\n".join(["", *lines]) if lines else ""


def _extra_text(
    runs: list[Run],
    kpis: list[MeasureRow],
    lang: str,
    width: int | None = None,
    people: list[str] | None = None,
) -> str:
    from csm_checklist.cli.views import measures
    from csm_checklist.cli.views import runs as run_view

    lines = measures.report_lines(kpis, lang, width=width)
    if runs:
        lines += ([""] if lines else []) + run_view.report_lines(runs, lang, width)
    if people:
        lines += ([""] if lines else []) + people
    return "\n" + "\n".join(lines) + "\n" if lines else ""


def register(app: typer.Typer) -> None:
    # typer only here: the plain forms of `csm report` are run without it
    # (`shortcut.py`), as those of `csm today` are.
    import typer

    from csm_checklist.cli.commands import completion
    from csm_checklist.cli.commands.common import OUTPUT_HELP

    def report_command(
        period: str = typer.Option(
            "month",
            "--period",
            "-p",
            help=Msg("help.report.period"),
            metavar="PERIOD",
            autocompletion=completion.report_periods,
        ),
        on: str | None = typer.Option(None, "--on", help=Msg("help.report.on"), metavar="DATE"),
        previous: bool = typer.Option(False, "--previous", help=Msg("help.report.previous")),
        fmt: str = typer.Option(
            "text",
            "--format",
            "-f",
            help=Msg("help.report.format"),
            metavar="FORMAT",
            autocompletion=completion.report_formats,
        ),
        output: str | None = typer.Option(
            None,
            "--output",
            "-o",
            help=OUTPUT_HELP,
            metavar="FILE",
        ),
        as_logged: str | None = typer.Option(
            None,
            "--as-logged",
            help=Msg("help.report.as_logged"),
            metavar="MOMENT",
        ),
        tag: str | None = typer.Option(None, "--tag", help=Msg("help.tag"), metavar="TAG"),
        by: str | None = typer.Option(
            None,
            "--by",
            help=Msg("help.report.by"),
            metavar="NAME",
        ),
    ) -> None:
        """How the duties went over a week, month, quarter or year."""
        report(period, on, previous, fmt, output, as_logged, tag, by)

    app.command("report", help=Msg("help.report"))(report_command)
