"""Views of a report: JSON with every figure, Markdown for senior management,
plain text for pipes, and a rich view with bars and a consistency graph."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from csm_checklist.cli.views.common import (
    align_columns,
    fit_line,
    heading_lines,
    hijri_note,
    packed,
    pad,
    percent,
    text_bar,
)
from csm_checklist.cli.views.labels import label
from csm_checklist.dates.schedule import Period
from csm_checklist.duties.wording import month_text
from csm_checklist.rules.report import MissedRun, Outcome, Report, Streak, Tally

if TYPE_CHECKING:
    from rich.text import Text

    from csm_checklist.store.records import Event

# One cell per workday in the consistency graph: readable without colour.
CELLS = {
    "on_time": "#",
    "late": "+",
    "skipped": "-",
    "missed": "x",
    "due": ".",
    "open": ".",
    "off": "~",
}
CELL_STYLES = {"on_time": "green", "late": "yellow", "skipped": "dim", "missed": "red"}
COLUMNS = ("expected", "done", "on_time", "late", "skipped", "missed", "due", "open")


def window_name(report: Report, lang: str, fiscal_year_start: int = 1) -> str:
    """'November 2026', 'week of 2026-11-23', 'Q2 FY2026/27', 'FY2026'."""
    return period_name(report.cadence, report.window, lang, fiscal_year_start)


def period_name(cadence: str, window: Period, lang: str, fiscal_year_start: int = 1) -> str:
    """The name of a calendar window of `cadence`, as `window_name` gives it;
    a day is its date."""
    if cadence == "daily":
        return window.start.isoformat()
    if cadence == "monthly":
        month = month_text(window.start.month, lang)
        return label("month_name", lang).format(month=month, year=window.start.year)
    if cadence == "weekly":
        return label("week_name", lang).format(start=window.start.isoformat())
    year = _fiscal_year_name(window, fiscal_year_start, cadence)
    if cadence == "quarterly":
        quarter = ((window.start.month - fiscal_year_start) % 12) // 3 + 1
        return label("quarter_name", lang).format(quarter=quarter, year=year)
    return label("year_name", lang).format(year=year)


def _fiscal_year_name(window: Period, fiscal_year_start: int, cadence: str) -> str:
    first_year = window.start.year
    if cadence == "quarterly" and window.start.month < fiscal_year_start:
        first_year -= 1
    if fiscal_year_start == 1:
        return str(first_year)
    return f"{first_year}/{(first_year + 1) % 100:02d}"


def scope_text(lang: str, tag: str | None = None, by: str | None = None) -> str:
    """' · tag: team · logged by Omar': what a narrowed report covers ('' when whole)."""
    text = ""
    if tag:
        text += f" · {label('tag_scope', lang)}: {tag}"
    if by:
        text += f" · {label('by_scope', lang)} {by}"
    return text


def note_groups(notes: Sequence[Event]) -> list[list[Event]]:
    """The report's notes with one note given to several items at once
    (`csm done a b c --note ...`: same text, day, person and moment) as one
    group, so it is printed once; groups in the order their first note comes."""
    groups: dict[tuple[object, ...], list[Event]] = {}
    for event in notes:
        key = (event.note, event.for_date, event.logged_at, event.by, event.logged_by, event.kind)
        groups.setdefault(key, []).append(event)
    return list(groups.values())


def _rate(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 1)


def tally_json(tally: Tally) -> dict[str, Any]:
    doc: dict[str, Any] = {name: getattr(tally, name) for name in (*COLUMNS, "extra")}
    doc["completion_pct"] = _rate(tally.completion)
    doc["on_time_pct"] = _rate(tally.on_time_rate)
    return doc


def _outcome_json(outcome: Outcome) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": outcome.item_id,
        "title": outcome.title,
        "cadence": outcome.cadence,
        "area": outcome.area,
        "period_start": outcome.period.start.isoformat(),
        "period_end": outcome.period.end.isoformat(),
        "due": outcome.due.isoformat(),
        "outcome": outcome.outcome,
    }
    if outcome.event is not None:
        doc["for_date"] = outcome.event.for_date.isoformat()
        doc["logged_at"] = outcome.event.logged_at.isoformat()
        doc["by"] = outcome.event.by
        doc["logged_by"] = outcome.event.logged_by
    return doc


def _streak_json(streak: Streak) -> dict[str, Any]:
    return {
        "id": streak.item_id,
        "title": streak.title,
        "current": streak.current,
        "longest": streak.longest,
        "days": [{"date": d.isoformat(), "outcome": o} for d, o in streak.days],
    }


def report_json(
    report: Report,
    area_titles: Mapping[str, str],
    lang: str,
    fiscal_year_start: int = 1,
    *,
    tag: str | None = None,
    by: str | None = None,
) -> dict[str, Any]:
    """Every figure of the report as one JSON document; `tag` and `by` are
    there when the report was narrowed to them."""
    doc = {
        "cadence": report.cadence,
        "name": window_name(report, lang, fiscal_year_start),
        "period_start": report.window.start.isoformat(),
        "period_end": report.window.end.isoformat(),
        "as_of": report.as_of.isoformat(),
        "lang": lang,
        "total": tally_json(report.total),
        "cadences": {c: tally_json(t) for c, t in report.cadences.items()},
        "areas": [
            {"id": a, "title": area_titles.get(a, a), **tally_json(t)}
            for a, t in report.areas.items()
        ],
        "items": [
            {"id": i, "title": report.titles[i], **tally_json(t)} for i, t in report.items.items()
        ],
        "streaks": [_streak_json(s) for s in report.streaks],
        "missed": [_outcome_json(o) for o in report.missed],
        "notes": [
            {
                "id": e.item_id,
                "title": e.title,
                "kind": e.kind,
                "for_date": e.for_date.isoformat(),
                "by": e.by,
                "logged_by": e.logged_by,
                "note": e.note,
            }
            for e in report.notes
        ],
        "outcomes": [_outcome_json(o) for o in report.outcomes],
    }
    if tag:
        doc["tag"] = tag
    if by:
        doc["by"] = by
    return doc


def _headline(report: Report, lang: str) -> list[str]:
    """'56 of 70 expected done (81%), 1 skipped, 13 missed, 4 open', then the
    on-time line. Expected is the JSON's and the tables' expected (done +
    skipped + missed + due); the percentage is completion, done ÷ (expected −
    skipped). Due ones (due, not done, not over yet) are named when there are
    any, extras too."""
    t = report.total
    first = label("headline_line", lang).format(
        done=t.done,
        expected=t.expected,
        pct=percent(t.done, t.expected - t.skipped),
        skipped=t.skipped,
        missed=t.missed,
    )
    if t.due:
        first += label("headline_due", lang).format(due=t.due)
    first += label("headline_open", lang).format(open=t.open)
    if t.extra:
        first += label("headline_extra", lang).format(extra=t.extra)
    return [
        first,
        label("on_time_line", lang).format(
            pct=percent(t.on_time, t.done), on_time=t.on_time, done=t.done
        ),
    ]


def _heading(key: str, lang: str) -> str:
    """A column heading: the label with a capital first letter (Arabic has none)."""
    text = label(key, lang)
    return text[:1].upper() + text[1:]


def _run_dates(run: MissedRun) -> str:
    if run.start == run.end:
        return run.start.isoformat()
    return f"{run.start.isoformat()} → {run.end.isoformat()}"


def _md_cell(text: str) -> str:
    """A table cell: controls, HTML, `|` and link brackets escaped, one line."""
    from csm_checklist.exchange.escapes import md_cell

    return md_cell(text).replace("<br>", " ")


def _md_table(header: list[str], rows: list[list[str]], numeric_from: int = 1) -> list[str]:
    align = ["---" if i < numeric_from else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return lines


def _tally_cells(tally: Tally) -> list[str]:
    cells = [str(getattr(tally, name)) for name in COLUMNS]
    return [*cells, percent(tally.done, tally.expected - tally.skipped)]


def _tally_header(first: str, lang: str) -> list[str]:
    return [
        _heading(first, lang),
        *(_heading(c, lang) for c in COLUMNS),
        _heading("completion", lang),
    ]


def report_markdown(
    report: Report,
    area_titles: Mapping[str, str],
    lang: str,
    *,
    fiscal_year_start: int = 1,
    author: str = "",
    scope: str = "",
    hijri: bool = False,
) -> str:
    """The report a manager sends to senior management, as it is."""
    name = window_name(report, lang, fiscal_year_start)
    w = report.window
    lines = [f"# {label('report_title', lang)} — {name}", ""]
    meta = f"{label('report_period', lang)}: {w.start.isoformat()} → {w.end.isoformat()}"
    meta += hijri_note(w.start, lang, hijri, w.end)
    meta += f" · {label('as_of', lang)} {report.as_of.isoformat()}{scope}"
    if author:
        meta += f" · {label('prepared_by', lang)} {author}"
    lines += [meta, ""]
    if not report.outcomes:
        return "\n".join([*lines, label("no_history", lang), ""])
    lines += [f"## {label('headline', lang)}", ""]
    lines += [f"- {line}" for line in _headline(report, lang)]
    lines += ["", f"## {label('by_area', lang)}", ""]
    lines += _md_table(
        _tally_header("area", lang),
        [[area_titles.get(a, a or "-"), *_tally_cells(t)] for a, t in report.areas.items()],
    )
    lines += ["", f"## {label('by_cadence', lang)}", ""]
    lines += _md_table(
        _tally_header("cadence", lang),
        [[label(c, lang), *_tally_cells(t)] for c, t in report.cadences.items()],
    )
    lines += ["", f"## {label('by_item', lang)}", ""]
    lines += _md_table(
        _tally_header("item", lang),
        [[report.titles[i], *_tally_cells(t)] for i, t in report.items.items()],
    )
    lines += ["", f"## {label('missed_list', lang)}", ""]
    runs = report.missed_runs()
    if runs:
        lines += _md_table(
            [_heading("item", lang), _heading("period", lang), _heading("times", lang)],
            [[run.title, _run_dates(run), str(run.count)] for run in runs],
            numeric_from=2,
        )
    else:
        lines.append(label("no_missed", lang))
    if report.streaks:
        lines += ["", f"## {label('streaks', lang)}", ""]
        lines += _md_table(
            [
                _heading("item", lang),
                _heading("current_streak", lang),
                _heading("longest_streak", lang),
            ],
            [[s.title, str(s.current), str(s.longest)] for s in report.streaks],
        )
    lines += ["", f"## {label('notes', lang)}", ""]
    if report.notes:
        # Logged by beside by only when someone logged a note for someone else.
        logged_by = any(e.logged_for_another for e in report.notes)
        lines += _md_table(
            [_heading(k, lang) for k in ("date", "item", "note", "by")]
            + ([_heading("log.logged_by", lang)] if logged_by else []),
            [
                [
                    g[0].for_date.isoformat(),
                    label("list_sep", lang).join(e.title for e in g),
                    g[0].note,
                    g[0].by,
                ]
                + ([g[0].logged_by] if logged_by else [])
                for g in note_groups(report.notes)
            ],
            numeric_from=5,
        )
    else:
        lines.append(label("no_notes", lang))
    return "\n".join(lines) + "\n"


def _missed_lines(runs: list[MissedRun]) -> list[str]:
    rows = [
        (run.item_id, run.title, _run_dates(run), f"({run.count}×)" if run.count > 1 else "")
        for run in runs
    ]
    return ["  " + line for line in align_columns(rows)]


def _legend(report: Report, lang: str) -> str:
    """The graph's key; the day-off mark only when a day off is in the graph."""
    legend = label("legend", lang)
    if any(outcome == "off" for s in report.streaks for _, outcome in s.days):
        legend += f"  {CELLS['off']} {label('day_off', lang)}"
    return legend


def _legend_lines(report: Report, lang: str, width: int) -> list[str]:
    """The graph's key under its heading, on as many lines as `width` needs:
    a mark is never parted from its word."""
    return packed(_legend(report, lang).split("  "), width, "  ")


def _graph(streak: Streak) -> str:
    return "".join(CELLS.get(outcome, " ") for _, outcome in streak.days)


def _tally_sections(
    report: Report, area_titles: Mapping[str, str], lang: str
) -> list[tuple[str, list[tuple[str, Tally]]]]:
    """The three tables of figures, each row a name and its tally."""
    return [
        (label("by_cadence", lang), [(label(c, lang), t) for c, t in report.cadences.items()]),
        (
            label("by_area", lang),
            [(area_titles.get(a, a or "-"), t) for a, t in report.areas.items()],
        ),
        (label("by_item", lang), [(report.titles[i], t) for i, t in report.items.items()]),
    ]


def plain_report(
    report: Report,
    area_titles: Mapping[str, str],
    lang: str,
    fiscal_year_start: int = 1,
    scope: str = "",
    *,
    hijri: bool = False,
) -> str:
    """The report as aligned plain text: no colour, no box drawing."""
    from csm_checklist.cli.views.common import cell_len

    name = window_name(report, lang, fiscal_year_start)
    w = report.window
    lines = [
        f"{label('report_title', lang)} — {name}",
        f"{w.start.isoformat()} → {w.end.isoformat()}{hijri_note(w.start, lang, hijri, w.end)}"
        f" · {label('as_of', lang)} {report.as_of.isoformat()}{scope}",
        "",
    ]
    if not report.outcomes:
        return "\n".join([*lines, label("no_history", lang), ""])
    lines += _headline(report, lang)
    for heading, rows in _tally_sections(report, area_titles, lang):
        width = max(cell_len(name) for name, _ in rows)
        lines += ["", heading]
        for row_name, tally in rows:
            figures = f"{tally.done}/{tally.expected - tally.skipped}"
            lines.append(
                f"  {pad(row_name, width)}  {text_bar(tally.done, tally.expected - tally.skipped)}"
                f" {percent(tally.done, tally.expected - tally.skipped):>4} {figures}"
                f"  {label('late', lang)} {tally.late} · {label('skipped', lang)} {tally.skipped}"
                f" · {label('missed', lang)} {tally.missed} · {label('due', lang)} {tally.due}"
                f" · {label('open', lang)} {tally.open}"
            )
    if report.streaks:
        width = max(cell_len(s.title) for s in report.streaks)
        lines += ["", label("consistency", lang) + f"   ({_legend(report, lang)})"]
        for streak in report.streaks:
            lines.append(
                f"  {pad(streak.title, width)}  |{_graph(streak)}|  "
                f"{label('current_streak', lang)} {streak.current} · "
                f"{label('longest_streak', lang)} {streak.longest}"
            )
    lines += ["", label("missed_list", lang)]
    if report.missed:
        lines += _missed_lines(report.missed_runs())
    else:
        lines.append("  " + label("no_missed", lang))
    if report.notes:
        lines += ["", label("notes", lang)]
        lines += [_note_line(group, lang) for group in note_groups(report.notes)]
    return "\n".join(lines) + "\n"


def _who(event: Event, lang: str) -> str:
    """Who did it, and who logged it when that was someone else:
    'Mona (logged by ali)'."""
    if not event.logged_for_another:
        return event.by
    return f"{event.by} ({label('log.logged_by', lang)} {event.logged_by})"


def _note_line(group: list[Event], lang: str) -> str:
    first = group[0]
    ids = ", ".join(e.item_id for e in group)
    note = first.note.replace(chr(10), " ")
    return f"  {first.for_date.isoformat()}  {ids}  {_who(first, lang)}: {note}"


# A note keeps at least this many cells beside its ids; with less room it
# goes on the line under them.
NOTE_CELLS = 20


def _note_lines(group: list[Event], width: int, lang: str) -> list[str]:
    """A note for a terminal `width` wide: the date and every id whole (ids
    are never cut; several go on as many lines as they need), then who wrote
    it and the note, shortened with "…" to the line."""
    from csm_checklist.cli.views.common import cell_len

    first = group[0]
    day = f"  {first.for_date.isoformat()}  "
    under = " " * cell_len(day)
    ids = packed([f"{e.item_id}," for e in group], width, under, sep=" ")
    ids[0] = day + ids[0].removeprefix(under)
    ids[-1] = ids[-1].removesuffix(",")
    note = f"{_who(first, lang)}: {first.note.replace(chr(10), ' ')}"
    if width - cell_len(ids[-1]) - 2 >= min(NOTE_CELLS, cell_len(note)):
        ids[-1] = fit_line(f"{ids[-1]}  {note}", width)
        return ids
    return [*ids, fit_line(under + note, width)]


def show_report(
    report: Report,
    area_titles: Mapping[str, str],
    lang: str,
    fiscal_year_start: int = 1,
    scope: str = "",
    *,
    hijri: bool = False,
) -> None:
    """The report for a person at a terminal: tables, bars and the graph."""
    from rich.progress_bar import ProgressBar
    from rich.table import Table
    from rich.text import Text

    from csm_checklist.cli.views.common import terminal_console

    console = terminal_console()
    name = window_name(report, lang, fiscal_year_start)
    w = report.window
    for line in heading_lines(f"{label('report_title', lang)} — {name}", console.width):
        console.print(Text(line, style="bold"))
    span = (
        f"{w.start.isoformat()} → {w.end.isoformat()}{hijri_note(w.start, lang, hijri, w.end)}"
        f" · {label('as_of', lang)} {report.as_of.isoformat()}{scope}"
    )
    for line in heading_lines(span, console.width):
        console.print(Text(line, style="dim"))
    if not report.outcomes:
        console.print(label("no_history", lang))
        return
    if console.width < COMPACT_BELOW:
        console.print(Text("\n").join(_compact_lines(report, area_titles, lang, console.width)))
        return
    for line in _headline(report, lang):
        console.print(line, markup=False)

    def tally_table(title: str, rows: list[tuple[str, Tally]]) -> Table:
        table = Table(title=title, title_justify="left", title_style="bold")
        table.add_column("")
        table.add_column(label("completion", lang))
        for column in COLUMNS:
            table.add_column(label(column, lang), justify="right")
        for row_name, tally in rows:
            base = tally.expected - tally.skipped
            bar = Table.grid(padding=(0, 1))
            bar.add_row(
                ProgressBar(total=max(base, 1), completed=tally.done, width=12),
                percent(tally.done, base),
            )
            table.add_row(Text(row_name), bar, *(str(getattr(tally, c)) for c in COLUMNS))
        return table

    for heading, rows in _tally_sections(report, area_titles, lang):
        console.print(tally_table(heading, rows))
    if report.streaks:
        console.print(Text(label("consistency", lang), style="bold"))
        for line in _legend_lines(report, lang, console.width):
            console.print(Text(line, style="dim"))
        graph = Table()
        graph.add_column(label("item", lang))
        graph.add_column("")
        graph.add_column(label("current_streak", lang), justify="right")
        graph.add_column(label("longest_streak", lang), justify="right")
        for streak in report.streaks:
            cells = Text()
            for _, outcome in streak.days:
                cells.append(CELLS.get(outcome, " "), style=CELL_STYLES.get(outcome, ""))
            graph.add_row(Text(streak.title), cells, str(streak.current), str(streak.longest))
        console.print(graph)
    console.print(Text(label("missed_list", lang), style="bold red" if report.missed else "bold"))
    if report.missed:
        for line in _missed_lines(report.missed_runs()):
            console.print(line, markup=False)
    else:
        console.print("  " + label("no_missed", lang))
    if report.notes:
        console.print(Text(label("notes", lang), style="bold"))
        for group in note_groups(report.notes):
            for line in _note_lines(group, console.width, lang):
                console.print(line, markup=False)


# Below this many columns the terminal report is laid out line by line, each
# line fitted to the width, rather than as tables whose cells would wrap.
COMPACT_BELOW = 100
_BAR = 12


def _counts_text(tally: Tally, lang: str) -> str:
    """'late 3 · missed 4': the figures besides done that are not zero."""
    parts = [
        f"{label(name, lang)} {getattr(tally, name)}"
        for name in ("late", "skipped", "missed", "due", "open")
        if getattr(tally, name)
    ]
    return " · ".join(parts)


def _compact_lines(
    report: Report, area_titles: Mapping[str, str], lang: str, width: int
) -> list[Text]:
    """The report for a narrow terminal: every line fits `width`; names and
    notes are shortened with "…", figures never are."""
    from rich.text import Text

    from csm_checklist.cli.views.common import bar_cells, cell_len, styled_columns

    lines = [Text(line) for line in _headline(report, lang)]  # sentences may wrap
    for heading, rows in _tally_sections(report, area_titles, lang):
        lines += [Text(), Text(heading, style="bold")]
        cells = []
        figures = [
            f"{percent(t.done, t.expected - t.skipped):>4} {t.done}/{t.expected - t.skipped}"
            for _, t in rows
        ]
        for (row_name, tally), figure in zip(rows, figures, strict=True):
            base = tally.expected - tally.skipped
            done, passed = bar_cells(tally.done, base, _BAR)
            bar = "█" * done + "▒" * passed + "░" * (_BAR - done - passed)
            cells.append(
                [
                    (row_name, ""),
                    (bar, "green" if base and tally.done == base else "magenta"),
                    (figure, ""),
                ]
            )
        laid = styled_columns(cells, indent="  ", width=width - 12, shrink=(0,))
        columns_end = max(line.cell_len for line in laid)
        for line, (_, tally) in zip(laid, rows, strict=True):
            line.pad_right(columns_end - line.cell_len)
            # The other figures follow, whole: what does not fit beside the
            # bar goes on the lines under it, never cut and never left out.
            parts = [part for part in _counts_text(tally, lang).split(" · ") if part]
            if not parts:
                lines.append(line)
                continue
            counts = " · ".join(parts)
            if line.cell_len + 2 + cell_len(counts) <= width:
                line.append("  " + counts, style="dim")
                lines.append(line)
            else:
                lines.append(line)
                lines += [Text(c, style="dim") for c in packed(parts, width, "      ", " · ")]
    if report.streaks:
        lines += [Text(), Text(label("consistency", lang), style="bold")]
        lines += [Text(line, style="dim") for line in _legend_lines(report, lang, width)]
        graphs: list[list[tuple[str, str]]] = []
        for streak in report.streaks:
            lengths = (
                f"{label('current_streak', lang)} {streak.current} · "
                f"{label('longest_streak', lang)} {streak.longest}"
            )
            graphs.append([(streak.title, ""), (_graph(streak), ""), (lengths, "")])
        fixed = max(cell_len(g[2][0]) for g in graphs) + 2 * 2 + 2 + MIN_NAME
        room = max(width - fixed, 5)
        for graph_row in graphs:
            graph = graph_row[1][0]
            if cell_len(graph) > room:  # the latest days, where a streak is
                graph_row[1] = ("…" + graph[-(room - 1) :], "")
        lines += styled_columns(graphs, indent="  ", width=width, shrink=(0,))
    lines += [
        Text(),
        Text(label("missed_list", lang), style="bold red" if report.missed else "bold"),
    ]
    if report.missed:
        runs = [
            [
                (run.item_id, ""),
                (run.title, ""),
                (_run_dates(run), "dim"),
                (f"({run.count}×)" if run.count > 1 else "", "dim"),
            ]
            for run in report.missed_runs()
        ]
        lines += styled_columns(runs, indent="  ", width=width, shrink=(1,), least=3)
    else:
        lines.append(Text("  " + label("no_missed", lang)))
    if report.notes:
        lines += [Text(), Text(label("notes", lang), style="bold")]
        lines += [
            Text(line) for g in note_groups(report.notes) for line in _note_lines(g, width, lang)
        ]
    return lines


MIN_NAME = 8
