"""`csm report --format html|pdf`: the page holds the JSON report's figures
and no markup of its own from stored text; the PDF prints it, Arabic in
reading order. (The page in a real browser: test_report_browser.py.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest

from clihelp import run, track_from
from reportdata import log_september

pytest.importorskip("jinja2")

HOSTILE_NOTES = (
    "<script>alert('note')</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(document.cookie)",
    "</svg></bdi></td></tr></table><script>alert(2)</script><a href='https://evil.example/'>x</a>",
    '" onmouseover="alert(3)',
)
HOSTILE_TITLE = "Monitor <b onclick=alert(4)>accounts</b></svg><style>*{display:none}</style>"


class Page(HTMLParser):
    """The parsed page: every element and attribute, the text of each
    `data-figure`, and the visible text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.figures: dict[str, list[str]] = {}  # a figure may be shown twice
        self.text: list[str] = []
        self.latin_ok: list[str] = []  # text of ids, dates and numbers
        self._open: list[tuple[str, str | None, bool]] = []
        self.feed(text)
        self.close()

    VOID: ClassVar[set[str]] = {
        "meta",
        "br",
        "rect",
        "circle",
        "line",
        "polyline",
        "img",
        "link",
        "input",
    }

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag in self.VOID:
            return
        classes = (attributes.get("class") or "").split()
        latin = (
            "id" in classes
            or "num" in classes
            or "data-figure" in attributes
            or tag in ("style", "title", "svg")
            or any(is_latin for _, _, is_latin in self._open)
        )
        key = attributes.get("data-figure")
        if key is not None:
            self.figures.setdefault(key, []).append("")
        self._open.append((tag, key, latin))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while self._open:
            name, _, _ = self._open.pop()
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._open:
            return
        for _, key, _ in self._open:
            if key is not None:
                self.figures[key][-1] += data
        tag, _, latin = self._open[-1]
        if tag == "style":
            return
        (self.latin_ok if latin else self.text).append(data)


@pytest.fixture
def september(config_dir: Path) -> None:
    log_september()


def report(*extra: str) -> Any:
    result = run("report", "--on", "2026-09-30", *extra)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def value_of(document: dict[str, Any], key: str) -> Any:
    """The JSON value at a page's figure key: 'areas.2.done', 'cadences.daily.late'."""
    node: Any = document
    for part in key.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def as_number(text: str, unit: str = "") -> float | None:
    text = text.strip().removesuffix("%").removesuffix(unit).strip()
    if text == "—":
        return None
    return float(text.replace("−", "-").replace("±", ""))


def test_every_figure_on_the_page_is_the_json_reports(september: None) -> None:
    document = json.loads(report("--format", "json"))
    page = Page(report("--format", "html"))
    assert page.figures, "the page marks no figure"
    for key, texts in page.figures.items():
        unit = ""
        if key.startswith("measures."):
            unit = document["measures"][int(key.split(".")[1])]["unit"] or ""
        expected = value_of(document, key)
        for text in texts:
            shown = as_number(text, unit)
            if expected is None:
                assert shown is None, key
            else:  # written as people write it: to two decimals at most
                assert shown == pytest.approx(float(expected), abs=0.005), key
    # ... and every figure of the JSON is on the page.
    tallies = {"total": document["total"]}
    tallies.update({f"cadences.{c}": t for c, t in document["cadences"].items()})
    tallies.update({f"areas.{n}": a for n, a in enumerate(document["areas"])})
    tallies.update({f"items.{n}": i for n, i in enumerate(document["items"])})
    numbers = ("expected", "done", "on_time", "late", "skipped", "missed", "due", "open")
    for prefix in tallies:
        for name in (*numbers, "completion_pct", "on_time_pct"):
            assert f"{prefix}.{name}" in page.figures, f"{prefix}.{name}"
    assert "total.extra" in page.figures
    for n, _ in enumerate(document["streaks"]):
        assert {f"streaks.{n}.current", f"streaks.{n}.longest"} <= set(page.figures)
    assert len(document["measures"]) == 2 and len(document["runs"]) == 1
    assert {"runs.0.hours_to_close", "runs.0.steps_late"} <= set(page.figures)
    for n, _ in enumerate(document["measures"]):
        for name in ("value", "previous", "change", "target"):
            assert f"measures.{n}.{name}" in page.figures
    # The page has only what the JSON has: each row is a JSON row, in order.
    rows = [key.removesuffix(".expected") for key in page.figures if key.endswith(".expected")]
    assert rows == [*tallies]


def test_the_page_names_each_row_missed_period_and_note_as_the_json_does(
    september: None,
) -> None:
    document = json.loads(report("--format", "json"))
    page = Page(report("--format", "html"))
    text = " ".join(" ".join(page.text + page.latin_ok).split())
    for row in (*document["areas"], *document["items"]):
        assert row["title"] in text
    for note in document["notes"]:
        assert note["note"] in text
    for missed in document["missed"]:
        assert missed["period_start"] in text
    for measure in document["measures"]:
        assert measure["label"]["en"] in text
    # The calendar: a cell per day of the month, each day's outcome in its title.
    titles = [t for t in page.text + page.latin_ok if t.startswith("2026-09-")]
    for day in document["streaks"][0]["days"]:
        if day["outcome"] == "missed":
            assert f"{day['date']}: missed" in titles


def test_stored_text_is_printed_as_text_never_as_markup(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "evil.yaml").write_text(
        f"items:\n  - id: monitor-accounts\n    title: {{en: {json.dumps(HOSTILE_TITLE)}}}\n",
        encoding="utf-8",
    )
    (config_dir / "config.yaml").write_text(
        "user: \"Mona<script>alert('by')</script>\"\n", encoding="utf-8"
    )
    track_from("2026-09-01")
    for n, note in enumerate(HOSTILE_NOTES):
        day = f"2026-09-{n + 1:02d}"
        assert run("done", "monitor-accounts", "--on", day, "--note", note).exit_code == 0
    page_text = report("--format", "html")
    page = Page(page_text)
    tags = {tag for tag, _ in page.elements}
    assert not tags & {"script", "img", "a", "iframe", "object", "embed", "b", "link"}
    assert [tag for tag, _ in page.elements].count("style") == 1
    for _, attributes in page.elements:
        assert not [name for name in attributes if name.startswith("on")]
        assert "href" not in attributes and "src" not in attributes
    # Each hostile string is on the page, as the text it is.
    shown = "".join(page.text + page.latin_ok)
    for note in HOSTILE_NOTES:
        assert note in shown
    assert HOSTILE_TITLE in shown
    assert "Mona<script>alert('by')</script>" in shown
    # The page's own markup is the same as it is for harmless text.
    assert "javascript:" not in "".join(str(a) for _, a in page.elements)


def test_the_page_is_self_contained_and_says_so_to_the_browser(september: None) -> None:
    page_text = report("--format", "html")
    page = Page(page_text)
    policies = [
        a.get("content")
        for tag, a in page.elements
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policies == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]
    assert "http://" not in page_text and "https://" not in page_text
    assert "url(" not in page_text and "@import" not in page_text
    tags = {tag for tag, _ in page.elements}
    assert not tags & {"script", "link", "img", "iframe"}


def test_an_arabic_page_is_right_to_left_and_arabic_but_ids_dates_and_numbers(
    september: None,
) -> None:
    from test_arabic_everywhere import english_words

    run("config", "set", "lang", "ar")
    run("config", "set", "hijri", "true")
    page = Page(report("--format", "html"))
    html_tag = next(a for tag, a in page.elements if tag == "html")
    assert html_tag["lang"] == "ar" and html_tag["dir"] == "rtl"
    visible = " ".join(page.text)
    document = json.loads(report("--format", "json"))
    # What people typed stays as they typed it: names and notes.
    typed = " ".join(
        [n["note"] for n in document["notes"]]
        + [n["by"] for n in document["notes"]]
        + [r["name"] or "" for r in document["runs"]]
        + [r["close_note"] or "" for r in document["runs"]]
    )
    allowed = {"csm", *(w.lower() for w in re.findall(r"[A-Za-z]+", typed))}
    assert english_words(visible, allowed) == []
    assert "ربيع الأول 1448 هـ" in visible  # Hijri beside the Gregorian dates


def test_a_pdf_needs_a_file_and_a_missing_extra_is_named(
    september: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    result = run("report", "--format", "pdf")
    assert result.exit_code == 2
    assert "A PDF report is written to a file" in result.stderr
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    result = run("report", "--format", "pdf", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code == 1
    assert 'pip install "csm-checklist[pdf]"' in result.stderr
    assert not (tmp_path / "r.pdf").exists()
    monkeypatch.setitem(sys.modules, "jinja2", None)
    result = run("report", "--format", "html")
    assert result.exit_code == 1
    assert 'pip install "csm-checklist[html]"' in result.stderr
    run("config", "set", "lang", "ar")
    result = run("report", "--format", "html")
    assert result.exit_code == 1
    assert "غير مثبت" in result.stderr and 'pip install "csm-checklist[html]"' in result.stderr


def _pdftotext(path: Path, page: int = 0) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(
        ["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True
    )
    # Drop the bidi marks poppler adds; it writes the lam-alef ligature back
    # as alef-lam, so compare with that written one way.
    text = "".join(c for c in done.stdout if c not in "\u202a\u202b\u202c\u202d\u202e\u200e\u200f")
    return text.replace("لا", "ال")


def test_the_pdf_prints_the_page_with_arabic_in_reading_order(
    september: None, tmp_path: Path
) -> None:
    pytest.importorskip("weasyprint")
    if not shutil.which("pdftotext"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs poppler-utils (pdftotext)")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    run("config", "set", "lang", "ar")
    target = tmp_path / "report.pdf"
    result = run("report", "--on", "2026-09-30", "--format", "pdf", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    pages = int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )
    # Each part starts a page; the areas did not fit under the headline.
    firsts = []
    for n in range(1, pages + 1):
        firsts.append(next(line for line in _pdftotext(target, n).splitlines() if line.strip()))
    assert firsts == [
        "تقرير خدمة العملاء — سبتمبر 2026".replace("لا", "ال"),
        "حسب المجال",
        "حسب المهمة",
        "انتظام المهام اليومية",
        "المهام الفائتة",
        # The late entries of September fill two pages: the table's heading
        # row is printed again at the top of each.
        "أنجزها",
        "أنجزها",
        "الملاحظات".replace("لا", "ال"),
        "المقاييس",
    ]
    text = _pdftotext(target)
    headings = [
        "تقرير خدمة العملاء — سبتمبر 2026",
        "الخلاصة",
        "حسب التكرار",
        "حسب المجال",
        "حسب المهمة",
        "انتظام المهام اليومية",
        "المهام الفائتة",
        "الملاحظات",
        "المقاييس",
    ]
    at = 0
    for heading in headings:
        found = text.find(heading.replace("لا", "ال"), at)
        assert found >= 0, heading
        at = found
    # A page of the PDF turns into a picture (what the README shows).
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "30",
                "-f",
                "1",
                "-l",
                "1",
                str(target),
                str(tmp_path / "p"),
            ],
            check=True,
        )
        assert (tmp_path / "p-1.png").read_bytes().startswith(b"\x89PNG")


def test_a_spoilt_template_cache_is_only_a_miss(september: None, tmp_path: Path) -> None:
    first = report("--format", "html")
    cached = list((tmp_path / "cache" / "templates").iterdir())
    assert cached
    for entry in cached:
        data = entry.read_bytes()
        entry.write_bytes(data[:40] + b"\x00garbage" * 8)  # the header kept, the code not
    assert report("--format", "html") == first
    for entry in cached:
        entry.write_bytes(b"")
    assert report("--format", "html") == first


def test_a_stale_compiled_template_is_never_used(september: None, tmp_path: Path) -> None:
    import jinja2

    first = report("--format", "html")
    folder = tmp_path / "cache" / "templates"
    kept = {entry: entry.read_bytes() for entry in folder.iterdir()}
    real = jinja2.PackageLoader("csm_checklist.exchange", "templates")

    class Older(jinja2.BaseLoader):  # the same template, as an older csm had it
        def get_source(self, environment: jinja2.Environment, template: str) -> Any:
            _, filename, uptodate = real.get_source(environment, template)
            return "STALE {{ page.title }}", filename, uptodate

    older = jinja2.Environment(
        loader=Older(), autoescape=True, bytecode_cache=jinja2.FileSystemBytecodeCache(str(folder))
    )
    older.get_template("report.html.j2")  # its compiled code, kept where csm keeps it
    assert [entry for entry, data in kept.items() if entry.read_bytes() != data]
    assert report("--format", "html") == first


def test_a_period_with_nothing_to_report_says_so(config_dir: Path) -> None:
    track_from("2026-09-01")
    page = Page(run("report", "--on", "2026-08-15", "--format", "html").stdout)
    text = " ".join(" ".join(page.text).split())
    assert "Nothing to report: no duty was expected or logged in this period." in text
    assert not [tag for tag, _ in page.elements if tag == "svg"]


def _september_doc(title: str = "X") -> dict[str, Any]:
    """A month's report document in Arabic: one daily duty, three days missed."""

    def outcome(day: str, result: str) -> dict[str, str]:
        return {"id": "x", "title": title, "cadence": "daily", "area": "a",
                "period_start": day, "period_end": day, "due": day, "outcome": result}  # fmt: skip

    days = [("2026-09-01", "missed"), ("2026-09-02", "missed"), ("2026-09-03", "on_time"),
            ("2026-09-04", "missed")]  # fmt: skip
    tally = dict.fromkeys(("expected", "done", "on_time", "late", "skipped"), 0)
    tally |= {"missed": 3, "due": 0, "open": 0, "extra": 0, "completion_pct": 25.0}
    tally |= {"on_time_pct": 100.0}
    doc = {
        "cadence": "monthly", "name": "September 2026", "period_start": "2026-09-01",
        "period_end": "2026-09-30", "as_of": "2026-09-30", "lang": "ar", "total": tally,
        "cadences": {"daily": tally}, "areas": [], "items": [],
        "streaks": [{"id": "x", "title": title, "current": 0, "longest": 1,
                     "days": [{"date": d, "outcome": o} for d, o in days]}],
        "missed": [outcome(d, o) for d, o in days if o == "missed"],
        "notes": [], "outcomes": [outcome(d, o) for d, o in days],
    }  # fmt: skip
    return doc


def test_consecutive_missed_periods_are_one_span_and_the_calendar_reads_right_to_left() -> None:
    from csm_checklist.exchange.html import page_view

    page = page_view(_september_doc(), week_start=6)  # weeks from Sunday
    assert [(g.spans, g.times) for g in page.missed] == [
        (["2026-09-01 → 2026-09-02", "2026-09-04"], [3])
    ]
    cells = {c.day: c for c in page.daily[0].months[0].cells}
    # Tuesday 1 September in the third column from the right; Sunday at the right.
    assert cells[1].x == 4 * 22 and cells[6].x == 6 * 22 and cells[6].y == cells[1].y + 22
    assert [cells[d].kind for d in (1, 2, 3, 4, 5)] == [
        "missed",
        "missed",
        "on_time",
        "missed",
        "none",
    ]
    assert page.weekdays == ["س", "ج", "خ", "ر", "ث", "ن", "ح"]


def test_each_month_of_the_calendar_names_its_duty_and_each_day_its_state() -> None:
    from csm_checklist.exchange.html import report_html

    page = Page(report_html(_september_doc(HOSTILE_TITLE), week_start=6))
    months = [a for tag, a in page.elements if tag == "svg" and a.get("width") == "154"]
    assert len(months) == 1, "September's calendar"
    # The duty's title, as text, then the month's figures.
    assert (months[0]["aria-label"] or "").startswith(HOSTILE_TITLE + "، ")
    assert [tag for tag, _ in page.elements if tag in ("b", "style")] == ["style"]

    class DayTitles(HTMLParser):  # the <title> of each day's <g> in the calendar
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.titles: list[str] = []
            self.open: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.open.append(tag)
            if self.open[-2:] == ["g", "title"]:
                self.titles.append("")

        def handle_endtag(self, tag: str) -> None:
            while self.open and self.open.pop() != tag:
                pass

        def handle_data(self, data: str) -> None:
            if self.open[-2:] == ["g", "title"]:
                self.titles[-1] += data

    parser = DayTitles()
    parser.feed(report_html(_september_doc(HOSTILE_TITLE), week_start=6))
    days = parser.titles
    assert len(days) == 30
    assert days[:5] == ["2026-09-01: فائتة", "2026-09-02: فائتة", "2026-09-03: أُنجزت في الموعد",
                        "2026-09-04: فائتة", "2026-09-05"]  # fmt: skip
    assert days[-1] == "2026-09-30"
