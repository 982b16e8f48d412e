"""`csm report` end to end on a real log, against golden files.

Set CSM_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
change, then read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from clihelp import logged_on_the_day, run, track_from

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    # The log's chain head hashes the fixture's random uuids: the one part of
    # a report's footer that cannot be golden.
    text = re.sub(r"\b[0-9a-f]{64}\b", "<head>", text)
    text = re.sub(r"(head|--head) [0-9a-f]{8,16}\b", r"\1 <head>", text)
    path = GOLDEN / name
    if os.environ.get("CSM_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture
def october() -> None:
    """October 2026 of a Mon-Fri team: most monitoring done, one outage
    skipped, the team meeting on time, late and skipped, the report sent."""
    run("config", "set", "user", "Mona")
    track_from("2026-09-01")
    workdays = [day for day in range(1, 32) if day not in (3, 4, 10, 11, 17, 18, 24, 25, 31)]
    steps = [("done", "monitor-accounts", "--on", f"2026-10-{day:02d}") for day in workdays]
    steps = [s for s in steps if s[-1] not in ("2026-10-07", "2026-10-21", "2026-10-22")]
    steps += [
        ("skip", "monitor-accounts", "--on", "2026-10-07", "--reason", "system outage"),
        *(("done", "daily-engagement", "--on", f"2026-10-{day:02d}") for day in range(12, 17)),
        (
            "done",
            "team-meeting",
            "--on",
            "2026-10-01",
            "--note",
            'Agreed: "reply within 1h", escalate | قناة جديدة',
        ),
        ("done", "team-meeting", "--on", "2026-10-10"),  # a Saturday: late
        ("skip", "team-meeting", "--on", "2026-10-14", "--reason", "public holiday"),
        ("done", "team-meeting", "--on", "2026-10-22"),
        ("done", "performance-review", "campaign-prep", "--on", "2026-10-30"),
        ("done", "monthly-report", "--on", "2026-10-30", "--note", "Sent to the CEO"),
        ("done", "policy-review", "--on", "2026-10-15"),
    ]
    for step in steps:
        result = logged_on_the_day(*step)  # a late entry is one logged after its due date
        assert result.exit_code == 0, (step, result.stderr)


def test_markdown_report_in_english(october: None) -> None:
    result = run("report", "--period", "month", "--on", "2026-10-31", "--format", "md")
    assert result.exit_code == 0
    check_golden("report-2026-10.en.md", result.stdout)


def test_markdown_report_in_arabic(october: None) -> None:
    run("config", "set", "lang", "ar")
    result = run("report", "--period", "month", "--on", "2026-10-31", "--format", "md")
    assert result.exit_code == 0
    check_golden("report-2026-10.ar.md", result.stdout)


def test_json_report_has_every_figure(october: None) -> None:
    result = run("report", "--on", "2026-10-31", "--format", "json")
    assert result.exit_code == 0
    # logged_at is the moment the fixture ran: the one value that cannot be golden.
    text = re.sub(r'"logged_at": "[^"]+"', '"logged_at": "<when logged>"', result.stdout)
    check_golden("report-2026-10.json", text)
    doc = json.loads(result.stdout)
    assert doc["total"]["completion_pct"] == round(
        100 * doc["total"]["done"] / (doc["total"]["expected"] - doc["total"]["skipped"]), 1
    )


def test_the_figures_a_manager_would_count_by_hand(october: None) -> None:
    doc = json.loads(run("report", "--on", "2026-10-31", "--format", "json").stdout)
    items = {i["id"]: i for i in doc["items"]}
    # 22 workdays; done on 19 of them, 7 October skipped, 21 and 22 missed.
    monitor = items["monitor-accounts"]
    assert (monitor["expected"], monitor["done"], monitor["skipped"], monitor["missed"]) == (
        22,
        19,
        1,
        2,
    )
    assert monitor["completion_pct"] == round(100 * 19 / 21, 1)
    # Weeks due (Thursdays) in October: Sep 28 (on time Thu 1), Oct 5 (late,
    # Sat 10), Oct 12 (skipped), Oct 19 (on time Thu 22), Oct 26 (due Thu 29,
    # not done by the 31st, and the week only ends on Sun Nov 1).
    meeting = items["team-meeting"]
    counts = ("expected", "on_time", "late", "skipped", "missed", "due", "open")
    assert [meeting[k] for k in counts] == [5, 2, 1, 1, 0, 1, 0]
    streaks = {s["id"]: (s["current"], s["longest"]) for s in doc["streaks"]}
    # 1..20 done but for the skipped 7th (which does not break it): 13 in a row;
    # 21 and 22 missed; 23..30 done: 6.
    assert streaks["monitor-accounts"] == (6, 13)
    assert streaks["daily-engagement"] == (0, 5)
    assert [n["note"] for n in doc["notes"]] == [
        'Agreed: "reply within 1h", escalate | قناة جديدة',
        "system outage",
        "public holiday",
        "Sent to the CEO",
    ]


def test_previous_reports_the_last_complete_period(october: None) -> None:
    doc = json.loads(run("report", "--on", "2026-11-02", "--previous", "--format", "json").stdout)
    assert (doc["period_start"], doc["period_end"]) == ("2026-10-01", "2026-10-31")


def test_report_to_a_file_is_written_whole(october: None, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.md"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    result = run("report", "--on", "2026-10-31", "--format", "md", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert (
        target.read_text(encoding="utf-8")
        == run("report", "--on", "2026-10-31", "--format", "md").stdout
    )
    assert [p.name for p in target.parent.iterdir()] == ["report.md"]  # no temporary file left


def test_plain_text_report_has_the_consistency_graph_without_box_drawing(october: None) -> None:
    out = run("report", "--on", "2026-10-31").stdout
    assert "Consistency of daily items" in out
    assert "  Monitor the accounts  |####-#########xx######|  current 6 · longest 13" in out
    assert not set("│─┃━╭╮╰╯┏┓┗┛") & set(out)


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (("--period", "day"), "Error: --period 'day' is not a report period."),
        (("--format", "docx"), "Error: --format 'docx' is not a report format."),
        (("--format", "pdf"), "Error: A PDF report is written to a file, not to the terminal."),
        (
            ("--format", "pdf", "-o", "-"),
            "Error: A PDF report is written to a file, not to the terminal.",
        ),
        (
            ("--on", "2026-10-32"),
            "Error: --on '2026-10-32' is not a date (day is out of range for month).",
        ),
    ],
)
def test_bad_report_options_exit_2(args: tuple[str, ...], first_line: str) -> None:
    result = run("report", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == first_line
    assert "Traceback" not in result.stderr


def test_an_empty_log_says_there_is_nothing_to_report() -> None:
    result = run("report", "--on", "2026-10-31", "--format", "md")
    assert result.exit_code == 0
    assert "Nothing to report" in result.stdout


@pytest.mark.parametrize("columns", [60, 80, 99])
def test_the_terminal_report_fits_narrow_terminals(
    october: None, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    from rich.cells import cell_len

    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", str(columns))
    text = re.sub(r"\x1b\[[0-9;]*m", "", run("report", "--on", "2026-10-31").stdout)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    assert not set("┏┃━│") & set(text)  # no tables whose cells would wrap
    assert not re.search(r"\d…", text)  # a number is never cut
    doc = json.loads(run("report", "--on", "2026-10-31", "--format", "json").stdout)
    for item in doc["items"]:
        base = item["expected"] - item["skipped"]
        assert f"{item['done']}/{base}" in text
    assert re.search(r"\n  Monitor the acc\S*( \S+)*\s+[█▒░]{12} +90% 19/21", text)


def test_a_wide_terminal_keeps_the_tables(october: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", "120")
    assert "┃" in run("report", "--on", "2026-10-31").stdout
