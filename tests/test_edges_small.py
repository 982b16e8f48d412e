"""Small things a manager trips over: typed settings in JSON, imports of
nothing or of Markdown, honest progress bars, a note given to several items,
and the quarter's name in `csm due`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csm_checklist.cli.views.common import bar_cells, text_bar

from clihelp import run, track_from, without_chain

TUESDAY = "2026-11-24"


@pytest.fixture(autouse=True)
def manager(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    track_from("2026-11-01")


def _ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


# config show --json -------------------------------------------------------------


def test_config_show_json_gives_the_fiscal_month_as_a_number() -> None:
    _ok("config", "set", "fiscal_year_start", "jul")
    document = json.loads(_ok("config", "show", "--json"))
    assert document["fiscal_year_start"] == 7
    assert document["week_start"] == "monday"
    assert json.loads(run("config", "show", "--json").stdout)["user"] == "Mona"


# import -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.csv", ""),
        ("header-only.csv", None),  # what an export of an empty log writes
        ("empty.jsonl", "\n"),
        ("empty.json", '{"events": []}\n'),
    ],
)
def test_importing_a_file_with_no_events_is_bad_input(
    tmp_path: Path, data_dir: Path, name: str, content: str | None
) -> None:
    path = tmp_path / name
    if content is None:
        _ok("export", "--format", "csv", "-o", str(path))
    else:
        path.write_text(content, encoding="utf-8")
    for extra in ((), ("--dry-run",)):
        result = run("import", str(path), *extra)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.startswith(f"Error: {path} has no events; nothing was imported.\n")


def test_importing_a_markdown_export_says_it_cannot_be_read_back(tmp_path: Path) -> None:
    _ok("done", "team-meeting", "--on", TUESDAY)
    path = tmp_path / "log.md"
    _ok("export", "--format", "md", "-o", str(path))
    result = run("import", str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {path} is a Markdown export: Markdown exports cannot be imported; "
        "use csv, json or jsonl.\n"
        "Hint: Export again with e.g. `csm export --format jsonl -o backup.jsonl`.\n"
    )


# progress bars ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("done", "skipped", "total", "bar"),
    [
        (4, 1, 5, "[################====]"),
        (4, 0, 5, "[################----]"),
        (5, 0, 5, "[####################]"),
        (0, 1, 4, "[=====---------------]"),
        (0, 0, 0, "[--------------------]"),
        (19, 0, 20, "[###################-]"),
        (39, 0, 40, "[###################-]"),  # never rounds up to full
        (1, 0, 40, "[#-------------------]"),  # something done always shows
    ],
)
def test_text_bar(done: int, skipped: int, total: int, bar: str) -> None:
    assert text_bar(done, total, skipped=skipped) == bar


@given(st.integers(0, 60), st.integers(0, 60), st.integers(1, 60))
def test_a_bar_is_all_done_only_when_everything_is(done: int, skipped: int, total: int) -> None:
    done = min(done, total)
    skipped = min(skipped, total - done)
    filled, passed = bar_cells(done, total, 20, skipped)
    assert filled >= 0 and passed >= 0 and filled + passed <= 20
    assert (filled == 20) == (done == total)
    if done + skipped < total:
        assert filled + passed < 20  # something open always shows
    elif skipped:
        assert filled + passed == 20 and passed >= 1


def test_today_progress_four_of_five_with_one_skipped(config_dir: Path) -> None:
    _ok("done", "performance-review", "feedback-analysis", "campaign-prep", "--on", TUESDAY)
    _ok("skip", "team-meeting", "--on", TUESDAY)
    out = _ok("today", "--on", TUESDAY)
    assert "  weekly     [###############=====] 3/4 (1 skipped)" in out.splitlines()


# notes in a report ----------------------------------------------------------------


def _one_note_for_four() -> None:
    _ok(
        "done",
        "monitor-accounts",
        "daily-engagement",
        "team-supervision",
        "resolve-issues",
        "--on",
        TUESDAY,
        "--note",
        "quiet day",
    )
    _ok("done", "team-meeting", "--on", TUESDAY, "--note", "short meeting")


def test_one_note_given_with_four_items_is_printed_once() -> None:
    _one_note_for_four()
    text = without_chain(_ok("report", "--period", "week", "--on", TUESDAY))
    notes = text[text.index("\nNotes\n") :].splitlines()[2:]
    assert notes == [
        f"  {TUESDAY}  daily-engagement, monitor-accounts, resolve-issues, team-supervision"
        "  Mona: quiet day",
        f"  {TUESDAY}  team-meeting  Mona: short meeting",
    ]
    md = _ok("report", "--period", "week", "--on", TUESDAY, "--format", "md")
    assert md.count("quiet day") == 1
    assert (
        f"| {TUESDAY} | Engage customers, Monitor the accounts, Solve problems, Manage the team"
        " | quiet day | Mona |" in md
    )
    # JSON keeps one record per entry: every figure, for programs.
    document = json.loads(_ok("report", "--period", "week", "--on", TUESDAY, "-f", "json"))
    assert len(document["notes"]) == 5


# the window's name in `csm due` --------------------------------------------------


def test_due_names_the_fiscal_quarter_as_the_report_does() -> None:
    _ok("config", "set", "fiscal_year_start", "7")
    out = _ok("due", "--period", "quarter", "--on", TUESDAY)
    assert out.splitlines()[1] == "This quarter: 2026-10-01..2026-12-31 (Q2 FY2026/27)"
    report = _ok("report", "--period", "quarter", "--on", TUESDAY)
    assert "Q2 FY2026/27" in report.splitlines()[0]
    document = json.loads(_ok("due", "--period", "year", "--on", TUESDAY, "--json"))
    assert document["period"]["name"] == "FY2026/27"
    week = _ok("due", "--period", "week", "--on", TUESDAY)
    assert week.splitlines()[1] == "This week: 2026-11-23..2026-11-29"


def test_the_terminal_bar_shows_skipped_apart_from_done(monkeypatch: pytest.MonkeyPatch) -> None:
    _ok("done", "performance-review", "feedback-analysis", "campaign-prep", "--on", TUESDAY)
    _ok("skip", "team-meeting", "--on", TUESDAY)
    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", "120")
    out = _ok("today", "--on", TUESDAY)
    (weekly,) = [line for line in out.splitlines() if "(1 skipped)" in line]
    assert "█" * 18 + "▒" * 6 + " 3/4 (1 skipped)" in weekly
