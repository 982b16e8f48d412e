"""Measures recorded with a done: validated before anything is logged,
listed, shown in a month's report beside the month before (text with a
sparkline, Markdown KPI table, JSON), and carried by a json backup."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine

from clihelp import Result, run, track_from, without_chain


@contextmanager
def at(moment: str) -> Iterator[None]:
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


@pytest.fixture(autouse=True)
def _months(config_dir: Path) -> Iterator[None]:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    with at("2027-03-31T17:00"):
        track_from("2027-01-01")
        yield


def _three_months() -> None:
    for day, complaints, csat in (
        ("2027-01-29", "140", "4.2"),
        ("2027-02-26", "120", "4.4/5"),
        ("2027-03-31", "132", "4.6"),
    ):
        ok(
            "done",
            "monthly-report",
            "--on",
            day,
            "-m",
            f"complaints={complaints}",
            "--measure",
            f"csat={csat}",
        )


def test_done_records_measures_and_says_so() -> None:
    out = ok("done", "monthly-report", "--measure", "complaints=132", "--measure", "csat=4.6/5")
    assert out.splitlines()[:2] == [
        "Done: Performance report (monthly-report) for month of 2027-03-01 to 2027-03-31",
        "Recorded: Complaints handled 132, Customer satisfaction 4.6/5",
    ]
    listed = json.loads(ok("measures", "--json"))["measures"]
    assert [(m["measure"], m["value"], m["unit"]) for m in listed] == [
        ("complaints", 132.0, ""),
        ("csat", 4.6, "/5"),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--measure", "nps=40"],
            "Error: --measure 'nps=40': monthly-report has no measure 'nps'.\n",
        ),
        (
            ["--measure", "csat=good"],
            "Error: --measure 'csat=good': 'good' is not a number (its unit is /5).\n",
        ),
        (
            ["--measure", "csat=4.6%"],
            "Error: --measure 'csat=4.6%': '4.6%' is not a number (its unit is /5).\n",
        ),
        (["--measure", "csat"], "Error: --measure 'csat' is not ID=VALUE.\n"),
        (["--measure", "csat=4", "--measure", "csat=5"], "Error: --measure csat is given twice.\n"),
        (
            ["--measure", "complaints=nan"],
            "Error: --measure 'complaints=nan': 'nan' is not a number.\n",
        ),
    ],
)
def test_bad_measures_are_refused_and_nothing_is_logged(args: list[str], message: str) -> None:
    result: Result = run("done", "monthly-report", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    first, hint = result.stderr.splitlines(keepends=True)
    assert first == message
    assert hint.startswith("Hint: ")
    assert json.loads(ok("log", "--json"))["events"] == []


def test_measures_for_an_item_without_any_or_for_several_items() -> None:
    result = run("done", "team-meeting", "--measure", "csat=4")
    assert (result.exit_code, result.stderr.splitlines()[0]) == (
        2,
        "Error: team-meeting declares no measures.",
    )
    result = run("done", "monthly-report", "team-training", "--measure", "csat=4")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "Error: --measure records numbers for one item; this command logs 2."
    )
    assert json.loads(ok("log", "--json"))["events"] == []


def test_a_month_report_shows_each_measure_beside_the_month_before() -> None:
    _three_months()
    text = without_chain(ok("report", "--period", "month", "--on", "2027-03-31"))
    # The trend: January, February, March, lowest ▁ to highest █.
    assert text.endswith(
        "Measures\n"
        "  measure                value  previous  change  target       trend\n"
        "  Complaints handled     132    120       +12                  █▁▅\n"
        "  Customer satisfaction  4.6/5  4.4/5     +0.2    4.5/5 (met)  ▁▅█\n"
    ), text
    md = without_chain(ok("report", "--period", "month", "--on", "2027-03-31", "--format", "md"))
    assert md.endswith(
        "## Key figures\n"
        "\n"
        "| measure | value | previous | change | target |\n"
        "|---|---:|---:|---:|---|\n"
        "| Complaints handled | 132 | 120 | +12 |  |\n"
        "| Customer satisfaction | 4.6/5 | 4.4/5 | +0.2 | 4.5/5 (met) |\n"
    )
    document = json.loads(
        ok("report", "--period", "month", "--on", "2027-03-31", "--format", "json")
    )
    csat = next(m for m in document["measures"] if m["measure"] == "csat")
    assert csat["value"] == 4.6
    assert csat["previous"] == 4.4
    assert csat["change"] == pytest.approx(0.2)
    assert csat["target"] == 4.5
    assert csat["on_target"] is True
    assert csat["history"] == [4.2, 4.4, 4.6]
    # February, as reported at the end of March: the change from January.
    feb = ok("report", "--period", "month", "--on", "2027-02-15")
    assert "  Complaints handled     120    140       −20" in feb


def test_the_sparkline_follows_the_values() -> None:
    _three_months()
    text = ok("report", "--period", "month", "--on", "2027-03-31")
    complaints = next(line for line in text.splitlines() if "Complaints handled" in line)
    assert complaints.endswith("█▁▅")  # 140, 120, 132


def test_an_undone_done_takes_its_measures_with_it() -> None:
    _three_months()
    ok("undo", "monthly-report", "--on", "2027-03-31")
    values = json.loads(ok("measures", "monthly-report", "--json"))["measures"]
    assert [v["period_start"] for v in values if v["measure"] == "csat"] == [
        "2027-01-01",
        "2027-02-01",
    ]
    text = ok("report", "--period", "month", "--on", "2027-03-31")
    assert "  Customer satisfaction  —      4.4/5     —" in text


def test_a_report_without_measures_has_no_measures_section() -> None:
    ok("done", "monthly-report", "--on", "2027-03-31")
    assert "Measures" not in ok("report", "--period", "month")
    assert "measures" not in json.loads(ok("report", "--format", "json"))


def test_measures_are_exported_and_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _three_months()
    backup = tmp_path / "backup.json"
    ok("export", "--format", "json", "-o", str(backup))
    before = ok("measures", "--json")
    report = ok("report", "--period", "month", "--format", "md")
    monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "new-machine"))
    assert "Added 0 playbook runs, 0 step check-offs and 6 measures." in ok("import", str(backup))
    assert ok("measures", "--json") == before
    assert ok("report", "--period", "month", "--format", "md") == report
    # A measure with another value for the same event is refused, nothing written.
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["measures"][0]["value"] = 999
    backup.write_text(json.dumps(document), encoding="utf-8")
    result = run("import", str(backup))
    assert result.exit_code == 2
    assert "is 140 here and 999 in the file" in result.stderr
    assert ok("measures", "--json") == before


def test_a_user_item_declares_measures_and_mistakes_are_named(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir()
    path = folder / "mine.yaml"
    path.write_text(
        "items:\n"
        "  - id: team-meeting\n"
        "    measures:\n"
        "      - {id: attendance, label: {en: Attendance, ar: الحضور}, unit: '%', target: 90, better: higher}\n",
        encoding="utf-8",
    )
    assert ok("done", "team-meeting", "-m", "attendance=85%").splitlines()[1] == (
        "Recorded: Attendance 85%"
    )
    path.write_text(
        "items:\n  - id: team-meeting\n    measures:\n      - {id: attendance, label: {en: A, ar: ح}, better: more}\n",
        encoding="utf-8",
    )
    result = run("list")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"Error: {path}, line 4, item 'team-meeting': `better:` must be higher or lower."
    )


def test_measures_for_a_period_already_done_are_not_recorded() -> None:
    ok("done", "monthly-report", "-m", "csat=4.5")
    result = run("done", "monthly-report", "-m", "csat=4.9")
    assert result.exit_code == 0
    assert result.stdout.startswith("Already done: Performance report (monthly-report)")
    assert result.stderr == (
        "The measures were not recorded: that period was already settled. To record them, "
        "undo it first: csm undo monthly-report --on 2027-03-31\n"
    )
    assert [m["value"] for m in json.loads(ok("measures", "--json"))["measures"]] == [4.5]


def test_a_report_as_logged_shows_the_measures_as_they_stood() -> None:
    _three_months()
    with at("2027-04-01T09:00"):
        ok("undo", "monthly-report", "--on", "2027-03-31")
        now = ok("report", "--period", "month", "--on", "2027-03-31")
        then = ok("report", "--period", "month", "--as-logged", "2027-03-31T18:00")
        before = ok("report", "--period", "month", "--as-logged", "2027-03-31T16:00")
    assert "  Customer satisfaction  —      4.4/5     —" in now
    assert "  Customer satisfaction  4.6/5  4.4/5     +0.2" in then
    assert "Measures" not in before  # nothing had been recorded by then


def test_measures_lists_values_with_their_targets() -> None:
    assert ok("measures").startswith("No measures recorded yet.")
    _three_months()
    assert ok("measures", "monthly-report", "--since", "2027-02-01") == (
        "item            measure                period                  value  target\n"
        "monthly-report  Complaints handled     2027-02-01..2027-02-28  120\n"
        "monthly-report  Customer satisfaction  2027-02-01..2027-02-28  4.4/5  4.5/5\n"
        "monthly-report  Complaints handled     2027-03-01..2027-03-31  132\n"
        "monthly-report  Customer satisfaction  2027-03-01..2027-03-31  4.6/5  4.5/5\n"
    )
