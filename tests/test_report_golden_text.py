"""The plain-text report of each period kind against a golden file, and the
names of report windows (week, month, fiscal quarter and year).

Set CSM_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
change, then read the diff before committing it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import time_machine

from test_report_cli import check_golden, october  # noqa: F401  (october is a fixture)

from clihelp import run


@pytest.fixture(autouse=True)
def late_november() -> Iterator[None]:
    """Read on 25 November 2026: October is over, the quarter and year are not."""
    with time_machine.travel("2026-11-25 10:00:00+00:00", tick=False):
        yield


@pytest.mark.usefixtures("october")
@pytest.mark.parametrize(
    ("period", "on", "fiscal_year_start", "golden"),
    [
        ("week", "2026-10-14", "1", "report-week.txt"),
        ("month", "2026-10-31", "1", "report-month.txt"),
        # October is the fourth month of a July fiscal year: Q2 FY2026/27.
        ("quarter", "2026-10-31", "7", "report-quarter.txt"),
        ("year", "2026-10-31", "1", "report-year.txt"),
    ],
)
def test_plain_text_report(period: str, on: str, fiscal_year_start: str, golden: str) -> None:
    assert run("config", "set", "fiscal_year_start", fiscal_year_start).exit_code == 0
    result = run("report", "--period", period, "--on", on)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    check_golden(golden, result.stdout)


# fiscal year start, period, --on, the window's name in English and in Arabic
WINDOWS = [
    ("1", "week", "2026-11-25", "week of 2026-11-23", None),
    ("1", "month", "2026-02-10", "February 2026", None),
    ("1", "quarter", "2026-02-10", "Q1 FY2026", None),
    ("1", "quarter", "2026-12-31", "Q4 FY2026", None),
    ("1", "year", "2026-07-15", "FY2026", None),
    ("4", "quarter", "2026-07-15", "Q2 FY2026/27", None),
    ("4", "quarter", "2026-04-01", "Q1 FY2026/27", None),
    # January to March close the fiscal year that began the April before.
    ("4", "quarter", "2027-03-31", "Q4 FY2026/27", None),
    ("4", "year", "2027-03-31", "FY2026/27", None),
    ("4", "year", "2026-04-01", "FY2026/27", None),
    ("7", "quarter", "2027-01-05", "Q3 FY2026/27", None),
    ("7", "quarter", "2026-06-30", "Q4 FY2025/26", None),
    ("7", "year", "2026-06-30", "FY2025/26", None),
    ("12", "quarter", "2099-12-01", "Q1 FY2099/00", None),
    ("12", "quarter", "2100-02-28", "Q1 FY2099/00", None),
    ("10", "quarter", "2026-09-30", "Q4 FY2025/26", None),
    ("1", "month", "2026-10-31", "October 2026", "أكتوبر 2026"),
]


@pytest.mark.parametrize(
    ("fiscal_year_start", "period", "on", "name", "arabic"),
    WINDOWS,
    ids=[f"fy{w[0]}-{w[1]}-{w[2]}" for w in WINDOWS],
)
def test_window_names(
    fiscal_year_start: str, period: str, on: str, name: str, arabic: str | None
) -> None:
    assert run("config", "set", "fiscal_year_start", fiscal_year_start).exit_code == 0
    run("done", "monitor-accounts", "--on", on)
    doc = json.loads(run("report", "--period", period, "--on", on, "--format", "json").stdout)
    assert doc["name"] == name
    for fmt in ("text", "md"):
        headline = run("report", "--period", period, "--on", on, "--format", fmt).stdout
        assert name in headline.splitlines()[0], (fmt, headline)
    if arabic is not None:
        run("config", "set", "lang", "ar")
        doc = json.loads(run("report", "--period", period, "--on", on, "--format", "json").stdout)
        assert doc["name"] == arabic
