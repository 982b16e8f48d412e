"""The four forms of a report tell one story: for any small history (done,
skip and undo of a few items on days of two months, typed on the day or
later, some with measures) and any as-of day, the terminal's tables, the
plain text, Markdown and JSON reports agree on every figure: expected, done, on time, late, skipped,
missed, due, open and extra, for the whole and per cadence, area and item,
and on each measure's value and the one before it.

Text and Markdown are read back the way a person reads them, from the
headline, the rows and the tables."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from clihelp import run_on

ITEMS = ("monitor-accounts", "team-meeting", "monthly-report", "policy-review")
FIRST = date(2026, 10, 1)
DAYS = 61  # October and November 2026
FIGURES = ("expected", "done", "on_time", "late", "skipped", "missed", "due", "open")

action = st.tuples(
    st.sampled_from(("done", "done", "skip", "undo")),
    st.sampled_from(ITEMS),
    st.integers(0, DAYS - 1),  # the day it is for
    st.sampled_from((0, 0, 1, 3)),  # typed that many days later
    st.none() | st.tuples(st.integers(0, 300), st.sampled_from((3.5, 4.2, 4.5, 5.0))),
)


def _headline(line: str) -> dict[str, int]:
    found = re.fullmatch(
        r"(?:- )?(\d+) of (\d+) expected done \((?:\d+%|-)\), (\d+) skipped, (\d+) missed"
        r"(?:, (\d+) due)?, (\d+) open(?: \(and (\d+) extra\))?",
        line,
    )
    assert found, line
    done, expected, skipped, missed, due, open_, extra = found.groups()
    return {
        "done": int(done),
        "expected": int(expected),
        "skipped": int(skipped),
        "missed": int(missed),
        "due": int(due or 0),
        "open": int(open_),
        "extra": int(extra or 0),
    }


def _on_time(line: str) -> tuple[int, int]:
    found = re.fullmatch(
        r"(?:- )?On time: (?:\d+%|-) \((\d+) of (\d+) done by the due date\)", line
    )
    assert found, line
    return int(found[1]), int(found[2])


def _pct(done: int, base: int) -> str:
    return f"{round(100 * done / base)}%" if base else "-"


def _sections(lines: list[str], headings: tuple[str, ...]) -> dict[str, list[str]]:
    """The lines under each heading, up to the next blank line."""
    found: dict[str, list[str]] = {}
    for n, line in enumerate(lines):
        if line in headings:
            body: list[str] = []
            for row in lines[n + 1 :]:
                if not row.strip():
                    if body:
                        break
                    continue
                body.append(row)
            found[line] = body
    return found


def _text_row(row: str) -> dict[str, int | str]:
    found = re.fullmatch(
        r"  (.+?)\s+\[[#-]+\]\s+(\d+%|-) (\d+)/(\d+)  late (\d+) · skipped (\d+)"
        r" · missed (\d+) · due (\d+) · open (\d+)",
        row,
    )
    assert found, row
    name, pct, done, base, late, skipped, missed, due, open_ = found.groups()
    return {
        "name": name,
        "pct": pct,
        "done": int(done),
        "expected": int(base) + int(skipped),
        "late": int(late),
        "skipped": int(skipped),
        "missed": int(missed),
        "due": int(due),
        "open": int(open_),
    }


def _md_rows(body: list[str]) -> list[list[str]]:
    return [[c.strip() for c in row.strip("|").split(" | ")] for row in body[2:]]


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _check_terminal(screen: str, doc: dict[str, Any]) -> None:
    """The terminal's view (tables with bars): its headline and, row by row,
    the figures of its three tables."""
    lines = [ANSI.sub("", line) for line in screen.splitlines()]
    total = doc["total"]
    if not doc["outcomes"]:
        return
    head = _headline(lines[2])
    assert head == {name: total[name] for name in head}, lines[2]
    assert _on_time(lines[3]) == (total["on_time"], total["done"])
    # The rows of the three tables of figures (the consistency graph's have four cells).
    rows = [line for line in lines if line.startswith("│") and line.count("│") == 11]
    expected_rows = [
        *doc["cadences"].values(),
        *doc["areas"],
        *doc["items"],
    ]
    assert len(rows) == len(expected_rows)
    for row, figures in zip(rows, expected_rows, strict=True):
        cells = [cell.strip() for cell in row.strip("│").split("│")]
        assert [int(c) for c in cells[2:10]] == [figures[n] for n in FIGURES], (row, figures)
        base = figures["expected"] - figures["skipped"]
        assert cells[1].endswith(_pct(figures["done"], base)), (row, figures)


def _check(text: str, md: str, doc: dict[str, Any]) -> None:
    total = doc["total"]
    lines = text.splitlines()
    md_lines = md.splitlines()
    if not doc["outcomes"]:
        assert "No history" in text or "nothing" in text.lower() or lines[3:4] != []
        assert all(total[name] == 0 for name in FIGURES)
        return
    # The headline and the on-time line, in text and in Markdown.
    for head, on_time in ((lines[3], lines[4]), (md_lines[6], md_lines[7])):
        assert _headline(head) == {name: total[name] for name in _headline(head)}, head
        assert _on_time(on_time) == (total["on_time"], total["done"])
    assert total["expected"] == total["done"] + total["skipped"] + total["missed"] + total["due"]
    assert total["late"] == total["done"] - total["on_time"]

    # Per cadence, area and item: the text rows and the Markdown tables.
    groups = [
        ("By cadence", list(doc["cadences"].values())),
        ("By area", doc["areas"]),
        ("By item", doc["items"]),
    ]
    text_sections = _sections(lines, tuple(g for g, _ in groups))
    md_sections = _sections(md_lines, tuple(f"## {g}" for g, _ in groups))
    for heading, rows in groups:
        text_rows = [_text_row(r) for r in text_sections[heading]]
        md_rows = _md_rows(md_sections[f"## {heading}"])
        assert len(text_rows) == len(md_rows) == len(rows)
        for shown, cells, figures in zip(text_rows, md_rows, rows, strict=True):
            for name in ("expected", "done", "late", "skipped", "missed", "due", "open"):
                assert shown[name] == figures[name], (heading, name, shown, figures)
            assert [int(c) for c in cells[1:9]] == [figures[n] for n in FIGURES], (cells, figures)
            base = figures["expected"] - figures["skipped"]
            assert shown["pct"] == cells[9] == _pct(figures["done"], base)
        if heading == "By item":
            assert [r["name"] for r in text_rows] == [i["title"] for i in doc["items"]]
            assert [c[0] for c in md_rows] == [i["title"] for i in doc["items"]]

    # The measures: each value and the one before it, as every form shows them.
    # The JSON keeps every measure; text and Markdown leave out one with no
    # value in the period or the one before (a row of dashes says nothing).
    measures = [
        m for m in doc.get("measures", []) if m["value"] is not None or m["previous"] is not None
    ]
    text_kpis = _sections(lines, ("Measures",)).get("Measures", [])[1:]
    md_kpis = _md_rows(_sections(md_lines, ("## Key figures",)).get("## Key figures", ["", ""]))
    assert len(text_kpis) == len(md_kpis) == len(measures)
    for row, cells, m in zip(text_kpis, md_kpis, measures, strict=True):
        unit = m["unit"]
        value = "—" if m["value"] is None else f"{_number(m['value'])}{unit}"
        previous = "—" if m["previous"] is None else f"{_number(m['previous'])}{unit}"
        columns = re.split(r"\s{2,}", row.strip())
        assert columns[0] == cells[0] == m["label"]["en"]
        assert columns[1].startswith(value) and cells[1].startswith(value), (row, cells, m)
        assert previous in columns[2] and previous in cells[2], (row, cells, m)


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


@pytest.mark.filterwarnings("ignore")
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    actions=st.lists(action, max_size=10),
    as_of=st.integers(0, DAYS + 10),
    read_after=st.sampled_from((0, 2, 40)),
    period=st.sampled_from(("week", "month", "quarter")),
)
@example(  # two months' measures, the second logged the next morning: late
    actions=[
        ("done", "monthly-report", 29, 0, (142, 4.2)),
        ("skip", "monitor-accounts", 31, 0, None),
        ("done", "monthly-report", 60, 1, (187, 4.6)),
    ],
    as_of=60,
    read_after=40,
    period="quarter",
)
def test_text_markdown_and_json_agree_on_every_figure(
    actions: list[tuple[str, str, int, int, Any]],
    as_of: int,
    read_after: int,
    period: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with tempfile.TemporaryDirectory() as folder, monkeypatch.context() as env:
        for name in ("CONFIG", "DATA", "CACHE"):
            env.setenv(f"CSM_{name}_DIR", f"{folder}/{name.lower()}")
        assert run_on("2026-09-01", "history", "start", "2026-09-01").exit_code == 0
        for kind, item, day, lag, measure in sorted(actions, key=lambda a: a[2] + a[3]):
            on = (FIRST + timedelta(days=day)).isoformat()
            typed = (FIRST + timedelta(days=day + lag)).isoformat()
            args = ["undo", item, "--on", on] if kind == "undo" else [kind, item, "--on", on]
            if kind == "skip":
                args += ["--reason", "away"]
            if kind == "done" and item == "monthly-report" and measure is not None:
                args += ["--measure", f"complaints={measure[0]}", "--measure", f"csat={measure[1]}"]
            assert run_on(typed, *args).exit_code in (0, 1, 2)
        day = FIRST + timedelta(days=as_of)
        read = (day + timedelta(days=read_after)).isoformat()
        asked = ("report", "--period", period, "--on", day.isoformat())
        text = run_on(read, *asked, at="20:00:00+00:00").stdout
        md = run_on(read, *asked, "--format", "md", at="20:00:00+00:00").stdout
        doc = json.loads(run_on(read, *asked, "--format", "json", at="20:00:00+00:00").stdout)
        _check(text, md, doc)
        env.setenv("CSM_FORCE_TERMINAL", "1")
        env.setenv("COLUMNS", "160")
        _check_terminal(run_on(read, *asked, at="20:00:00+00:00").stdout, doc)
        if actions and actions[0][4] == (142, 4.2):  # the example above: measures were read
            assert len(doc["measures"]) == 2 and doc["total"]["late"] == 1
