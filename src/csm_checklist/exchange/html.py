"""The report as one self-contained HTML page, and that page as PDF.

The page is drawn from the JSON report document (`csm report --format
json`), so it holds the same figures and no others. Everything on it is in
the file: styles inline, charts as inline SVG, no script, no font or picture
fetched; a Content-Security-Policy in the page itself says so to the browser.

Jinja2 (the `html` extra) and WeasyPrint (the `pdf` extra) are imported here
and only when a page or a PDF is asked for. The templates autoescape: a
title, note or name is always text, never markup. Charts receive numbers
computed here and labels as text; each chart has its figures beside it in a
table or in its `aria-label` and `<title>`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from csm_checklist.errors import NotMet
from csm_checklist.messages import Msg
from csm_checklist.messages.html import MESSAGES
from csm_checklist.messages.people import MESSAGES as PEOPLE
from csm_checklist.messages.wording import MESSAGES as WORDING

OUTCOME_ORDER = ("on_time", "late", "skipped", "missed", "due", "open")
# What a consistency cell shows: due and open days are both "not done yet".
CELL_KIND = {
    "on_time": "on_time",
    "late": "late",
    "skipped": "skipped",
    "missed": "missed",
    "due": "pending",
    "open": "pending",
    "off": "off",
}
LEGEND = ("on_time", "late", "skipped", "missed", "pending", "off")
# Fills of bars and calendar cells, and the ink of a day's number on them:
# told apart by lightness as well as hue, and every one named in a legend.
COLOURS = {
    "on_time": "#2e7d32",
    "late": "#f0a202",
    "skipped": "#90a4ae",
    "missed": "#c62828",
    "due": "#64b5f6",
    "open": "#bbdefb",
    "pending": "#bbdefb",
    "off": "#e1d5f0",
    "none": "#f5f7fa",
}
INKS = {
    "on_time": "#ffffff",
    "late": "#1f2933",
    "skipped": "#1f2933",
    "missed": "#ffffff",
    "pending": "#1f2933",
    "off": "#5e35b1",
    "none": "#9aa5b1",
}


class MissingExtra(NotMet):
    """An optional part csm needs for this format is not installed (exit 1)."""


def missing_extra(fmt: str, extra: str) -> MissingExtra:
    return MissingExtra(
        Msg("html.missing_extra", fmt=fmt.upper(), extra=extra),
        hint=Msg("html.missing_extra_hint", extra=extra),
    )


def word(key: str, lang: str, **params: object) -> str:
    english, arabic = MESSAGES[f"html.{key}"]
    text = arabic if lang == "ar" else english
    return text.format(**params) if params else text


def cadence_word(cadence: str, lang: str) -> str:
    english, arabic = WORDING.get(f"wording.cadence.{cadence}", (cadence, cadence))
    return arabic if lang == "ar" else english


def figure(value: float | int | None) -> str:
    """A figure as the JSON holds it: 81.4, 100, 3; an em dash when absent."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return str(value)


def pct(value: float | None) -> str:
    return "—" if value is None else f"{figure(value)}%"


# The view of the page -------------------------------------------------------------------


class Words(dict[str, str]):
    """The page's words by key, read in the template as `w.key` or `w[key]`:
    found at the first attribute lookup, where a plain dict makes Jinja2 fail
    one and catch its error for every word on the page."""

    def __getattr__(self, key: str) -> str:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None


class Segment(NamedTuple):
    kind: str
    start: float  # 0..100, from the start side of the bar
    width: float


class TallyRow(NamedTuple):
    key: str  # where the row's figures are in the JSON document, e.g. "areas.3"
    name: str
    figures: Mapping[str, Any]
    segments: list[Segment]
    label: str  # the bar's words for a reader who cannot see it


class Cell(NamedTuple):
    x: float
    y: float
    day: int
    kind: str
    title: str


class Month(NamedTuple):
    name: str
    rows: int
    cells: list[Cell]
    label: str
    # Every cell drawn: a year's calendar has thousands, so they are written
    # here, each title escaped, and the template prints them as they are.
    drawn: str


class DailyItem(NamedTuple):
    number: int  # its place in the JSON document's list
    id: str
    title: str
    current: int
    longest: int
    months: list[Month]


class MissedGroup(NamedTuple):
    id: str
    title: str
    cadence: str
    spans: list[str]
    times: list[int]  # one number, filled in as the spans are found


class Chart(NamedTuple):
    """A measure's trend: points and the target line in a 0..W x 0..H box."""

    width: int
    height: int
    points: str
    dots: list[tuple[float, float, str]]
    target_y: float | None
    low: str
    high: str
    label: str


class MeasureView(NamedTuple):
    number: int  # its place in the JSON document's list
    label: str
    unit: str
    value: str
    previous: str
    change: str
    target: str
    state: str  # "met", "not_met" or ""
    history: list[str]
    chart: Chart


class RunView(NamedTuple):
    number: int  # its place in the JSON document's list
    name: str
    title: str
    by: str
    started: str
    closed: str
    hours: str
    steps: int
    steps_late: int
    forced: bool
    start: float  # 0..100 of the window
    width: float
    label: str


class Page(NamedTuple):
    lang: str
    dir: str
    words: Mapping[str, str]
    doc: Mapping[str, Any]
    title: str
    dates: str
    hijri: str
    empty: bool
    total: Mapping[str, Any]
    cadences: list[TallyRow]
    areas: list[TallyRow]
    items: list[TallyRow]
    daily: list[DailyItem]
    weekdays: list[str]
    weekday_row: str  # the weekdays over every month's grid, drawn once
    missed: list[MissedGroup]
    late: list[Mapping[str, Any]]
    notes: list[NoteGroup]
    measures: list[MeasureView]
    runs: list[RunView]


def _segments(figures: Mapping[str, Any]) -> list[Segment]:
    """The bar of a row: each outcome's share of every period counted."""
    whole = sum(int(figures[k]) for k in OUTCOME_ORDER)
    segments, start = [], 0.0
    for kind in OUTCOME_ORDER:
        count = int(figures[kind])
        if count and whole:
            width = 100.0 * count / whole
            segments.append(Segment(kind, round(start, 3), round(width, 3)))
            start += width
    return segments


def _tally_row(key: str, name: str, figures: Mapping[str, Any], lang: str) -> TallyRow:
    label = word(
        "bar_label",
        lang,
        name=name,
        pct=pct(figures["completion_pct"]),
        **{k: figures[k] for k in OUTCOME_ORDER},
    )
    return TallyRow(key, name, figures, _segments(figures), label)


CELL = 22  # a calendar cell, in the SVG's units
HEAD = 18  # the weekday row


def _months(
    title: str, days: Sequence[Mapping[str, str]], lang: str, week_start: int, rtl: bool
) -> list[Month]:
    """The calendar of one daily duty: a grid of weeks per month, a cell per
    expected day and day off; other days are left blank."""
    from markupsafe import Markup, escape

    from csm_checklist.duties.wording import month_text

    by_day = {d["date"]: d["outcome"] for d in days}
    if not by_day:
        return []
    first, last = date.fromisoformat(min(by_day)), date.fromisoformat(max(by_day))
    # What a cell's title adds to its date: the legend's word, escaped once.
    said = {kind: str(escape(": " + word(f"legend_{kind}", lang))) for kind in LEGEND}
    said["none"] = ""
    side = CELL - 2
    states = {kind: word(f"legend_{kind}", lang) for kind in LEGEND}
    months: list[Month] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        first_day = date(year, month, 1)
        after = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        length = (after - first_day).days  # not `calendar`, whose import costs more
        lead = (first_day.weekday() - week_start) % 7
        rows = (lead + length + 6) // 7
        name = f"{month_text(month, lang)} {year}"
        cells: list[Cell] = []
        drawn: list[str] = []
        counts = dict.fromkeys(LEGEND, 0)
        prefix = f"{year:04d}-{month:02d}-"
        for mday in range(1, length + 1):
            iso = f"{prefix}{mday:02d}"
            slot = lead + mday - 1
            column = slot % 7
            if rtl:
                column = 6 - column
            outcome = by_day.get(iso)
            kind = CELL_KIND.get(outcome, "") if outcome else ""
            if kind:
                counts[kind] += 1
                cell_title = f"{iso}: {states[kind]}"
            else:
                kind, cell_title = "none", iso
            x, y = column * CELL, HEAD + (slot // 7) * CELL
            cells.append(Cell(x, y, mday, kind, cell_title))
            # The date (digits and dashes), numbers and this module's colours.
            drawn.append(
                f'<g><title>{iso}{said[kind]}</title><rect x="{x + 1}" y="{y + 1}"'
                f' width="{side}" height="{side}" rx="3" fill="{COLOURS[kind]}"/><text'
                f' x="{x + CELL // 2}" y="{y + 15}" text-anchor="middle" font-size="10"'
                f' fill="{INKS[kind]}">{mday}</text></g>'
            )
        label = word("calendar_label", lang, title=title, month=name, **counts)
        months.append(Month(name, rows, cells, label, Markup("".join(drawn))))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _weekdays(lang: str, week_start: int, rtl: bool) -> list[str]:
    names = word("weekdays", lang).split()
    ordered = [names[(week_start + i) % 7] for i in range(7)]
    return list(reversed(ordered)) if rtl else ordered


def _weekday_row(weekdays: Sequence[str]) -> str:
    from markupsafe import Markup, escape

    return Markup(
        "".join(
            f'<text x="{column * CELL + CELL / 2:.1f}" y="12" text-anchor="middle" font-size="10"'
            f' fill="#607d8b">{escape(name)}</text>'
            for column, name in enumerate(weekdays)
        )
    )


def _missed_groups(doc: Mapping[str, Any]) -> list[MissedGroup]:
    """Each item's missed periods, consecutive ones (nothing else expected of
    the item between them) written as one span."""
    sequence: dict[str, list[Mapping[str, Any]]] = {}
    for outcome in doc["outcomes"]:
        if outcome["outcome"] != "extra":
            sequence.setdefault(outcome["id"], []).append(outcome)
    groups: dict[str, MissedGroup] = {}
    for missed in doc["missed"]:
        groups.setdefault(
            missed["id"],
            MissedGroup(missed["id"], missed["title"], missed["cadence"], [], [0]),
        )
    for item_id, group in groups.items():
        runs: list[list[Mapping[str, Any]]] = []
        current: list[Mapping[str, Any]] = []
        for outcome in sorted(sequence.get(item_id, []), key=lambda o: o["period_start"]):
            if outcome["outcome"] == "missed":
                current.append(outcome)
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        for run in runs:
            start, end = run[0]["period_start"], run[-1]["period_end"]
            group.spans.append(start if start == end else f"{start} → {end}")
            group.times[0] += len(run)
    return list(groups.values())


class NoteGroup(NamedTuple):
    for_date: str
    by: str
    note: str
    kind: str  # done or skipped, in the page's language
    titles: list[str]


def _note_groups(
    notes: Sequence[Mapping[str, Any]], titles: Mapping[str, str], lang: str
) -> list[NoteGroup]:
    """A note given to several items at once (same text, day, person, kind)
    is printed once, with every item it was given to, each by its title in
    the report's language (as logged, for an item the report does not list)."""
    kinds = {"done": word("kind_done", lang), "skip": word("kind_skip", lang)}
    groups: dict[tuple[str, str, str, str], NoteGroup] = {}
    for note in notes:
        key = (note["note"], note["for_date"], note["by"], note["kind"])
        group = groups.get(key)
        if group is None:
            kind = kinds["done" if note["kind"] == "done" else "skip"]
            group = groups[key] = NoteGroup(note["for_date"], note["by"], note["note"], kind, [])
        group.titles.append(titles.get(note["id"], note["title"]))
    return list(groups.values())


CHART_W, CHART_H, PAD, GUTTER = 320, 120, 14, 40


def _trend(measure: Mapping[str, Any], name: str, lang: str) -> Chart:
    """Up to 12 values, oldest first, and the target. Time runs left to right
    in both languages, as the figures written under the chart do."""
    values = [float(v) for v in measure["history"]]
    target = measure.get("target")
    scale = values + ([float(target)] if target is not None else [])
    low, high = min(scale), max(scale)
    top, bottom = (high, low) if high != low else (high + 1, low - 1)

    def y(v: float) -> float:
        return round(PAD + (CHART_H - 2 * PAD) * (top - v) / (top - bottom), 2)

    # The values of the scale are written in a gutter on the start side.
    step = (CHART_W - GUTTER - PAD) / max(len(values) - 1, 1)
    xs = [GUTTER + i * step for i in range(len(values))] if len(values) > 1 else [CHART_W / 2]
    dots = [(round(x, 2), y(v), figure(v)) for x, v in zip(xs, values, strict=True)]
    unit = measure.get("unit") or ""
    label = word(
        "trend_label",
        lang,
        measure=name,
        count=len(values),
        values=", ".join(figure(v) for v in values),
        target=figure(target) + unit if target is not None else word("no_target", lang),
    )
    return Chart(
        CHART_W,
        CHART_H,
        " ".join(f"{x},{yy}" for x, yy, _ in dots),
        dots,
        y(float(target)) if target is not None else None,
        figure(low),
        figure(high),
        label,
    )


def _measure_views(doc: Mapping[str, Any], lang: str) -> list[MeasureView]:
    views = []
    for index, m in enumerate(doc.get("measures", [])):
        name = m["label"].get(lang) or m["label"].get("en") or m["measure"]
        unit = m.get("unit") or ""
        on_target = m.get("on_target")
        change = m.get("change")
        views.append(
            MeasureView(
                index,
                name,
                unit,
                figure(m["value"]) + (unit if m["value"] is not None else ""),
                figure(m["previous"]) + (unit if m["previous"] is not None else ""),
                "—"
                if change is None
                else ("±0" if change == 0 else ("+" if change > 0 else "−") + figure(abs(change))),
                figure(m["target"]) + unit if m["target"] is not None else "—",
                "" if on_target is None else ("met" if on_target else "not_met"),
                [figure(v) for v in m["history"]],
                _trend(m, name, lang),
            )
        )
    return views


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _run_views(doc: Mapping[str, Any], lang: str) -> list[RunView]:
    """Each run on a timeline of the window: where it starts and how long it
    stayed open (to its close, or to the report's as-of day)."""
    runs = doc.get("runs", [])
    if not runs:
        return []
    first = date.fromisoformat(doc["period_start"])
    end = date.fromisoformat(doc["period_end"]) + timedelta(days=1)
    span = (end - first).total_seconds()
    as_of_end = date.fromisoformat(doc["as_of"]) + timedelta(days=1)

    def at(moment: datetime | None, fallback: date) -> float:
        if moment is None:
            seconds = (fallback - first).total_seconds()
        else:
            naive = moment.replace(tzinfo=None)
            seconds = (naive - datetime.combine(first, datetime.min.time())).total_seconds()
        return min(max(100.0 * seconds / span, 0.0), 100.0)

    views = []
    for index, run in enumerate(runs):
        started, closed = _moment(run["started_at"]), _moment(run["closed_at"])
        start = at(started, first)
        stop = at(closed, min(as_of_end, end))
        title = run["title"].get(lang) or run["title"].get("en") or run["playbook"]
        started_text = run["started_at"][:16].replace("T", " ")
        closed_text = word("still_open", lang)
        if run["closed_at"]:
            closed_text = run["closed_at"][:16].replace("T", " ")
        views.append(
            RunView(
                index,
                run["name"] or run["run"],
                title,
                run["started_by"],
                started_text,
                closed_text,
                figure(run["hours_to_close"]),
                len(run["steps"]),
                run["steps_late"],
                bool(run["closed_with_open_steps"]),
                round(start, 3),
                round(max(stop - start, 0.6), 3),
                word(
                    "run_label",
                    lang,
                    name=f"{run['run']} {title}",
                    start=started_text,
                    end=closed_text,
                ),
            )
        )
    return views


def page_view(doc: Mapping[str, Any], *, hijri: bool = False, week_start: int = 0) -> Page:
    """What the template draws, from the JSON report document."""
    lang = "ar" if doc.get("lang") == "ar" else "en"
    rtl = lang == "ar"
    words = Words(
        (key.removeprefix("html."), pair[1 if rtl else 0]) for key, pair in MESSAGES.items()
    )
    words.update((key.replace(".", "_"), pair[1 if rtl else 0]) for key, pair in PEOPLE.items())
    start, end = doc["period_start"], doc["period_end"]
    weekdays = _weekdays(lang, week_start, rtl)
    hijri_text = ""
    if hijri:
        from csm_checklist.dates.hijri import hijri_span

        hijri_text = hijri_span(date.fromisoformat(start), date.fromisoformat(end), lang)
    return Page(
        lang=lang,
        dir="rtl" if rtl else "ltr",
        words=words,
        doc=doc,
        title=f"{words['title']} — {doc['name']}",
        dates=f"{start} → {end}",
        hijri=hijri_text,
        empty=not doc["outcomes"],
        total=doc["total"],
        cadences=[
            _tally_row(f"cadences.{c}", cadence_word(c, lang), t, lang)
            for c, t in doc["cadences"].items()
        ],
        areas=[
            _tally_row(f"areas.{n}", a["title"] or a["id"] or "—", a, lang)
            for n, a in enumerate(doc["areas"])
        ],
        items=[_tally_row(f"items.{n}", i["title"], i, lang) for n, i in enumerate(doc["items"])],
        daily=[
            DailyItem(
                n,
                s["id"],
                s["title"],
                s["current"],
                s["longest"],
                _months(s["title"], s["days"], lang, week_start, rtl),
            )
            for n, s in enumerate(doc["streaks"])
        ],
        weekdays=weekdays,
        weekday_row=_weekday_row(weekdays),
        missed=_missed_groups(doc),
        late=[o for o in doc["outcomes"] if o["outcome"] == "late"],
        notes=_note_groups(doc["notes"], {i["id"]: i["title"] for i in doc["items"]}, lang),
        measures=_measure_views(doc, lang),
        runs=_run_views(doc, lang),
    )


def report_html(
    doc: Mapping[str, Any],
    *,
    hijri: bool = False,
    week_start: int = 0,
    cache_dir: Path | None = None,
) -> str:
    """The report document as one HTML page (see the module docstring).
    `week_start`: the calendar's first column, 0 for Monday. With
    `cache_dir`, the compiled template is kept there for the next report
    (compiling it is most of the time the page takes)."""
    try:
        import jinja2
    except ImportError:
        raise missing_extra("html", "html") from None
    bytecode = None
    if cache_dir is not None:
        folder = cache_dir / "templates"
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            bytecode = jinja2.FileSystemBytecodeCache(str(folder))

    def environment(cache: jinja2.BytecodeCache | None) -> jinja2.Environment:
        return jinja2.Environment(
            loader=jinja2.PackageLoader("csm_checklist.exchange", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=cache,
        )

    try:
        template = environment(bytecode).get_template("report.html.j2")
    except Exception:  # a spoilt cache entry is a miss (a real fault recurs below)
        template = environment(None).get_template("report.html.j2")
    page = page_view(doc, hijri=hijri, week_start=week_start)
    return template.render(
        page=page,
        w=page.words,
        figure=figure,
        pct=pct,
        cadence_word=lambda cadence: cadence_word(cadence, page.lang),
        colours=COLOURS,
        weekday_row=page.weekday_row,
        CELL=CELL,
        HEAD=HEAD,
    )


def report_pdf(page: str) -> bytes:
    """The HTML page printed to PDF by WeasyPrint (A4, the page's print styles)."""
    try:
        import weasyprint
    except ImportError:
        raise missing_extra("pdf", "pdf") from None
    except OSError:  # WeasyPrint is there but Pango, which it draws text with, is not
        raise missing_extra("pdf", "pdf") from None
    pdf = weasyprint.HTML(string=page, url_fetcher=_fetch_nothing).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf


def _fetch_nothing(url: str, *args: object, **kwargs: object) -> dict[str, Any]:
    """The page needs nothing from outside itself: nothing is fetched."""
    raise ValueError(f"not fetched: {url[:40]}")
