"""History that holds, end to end: a manager's weeks replayed day by day
(time-machine moves the clock csm reads at its edge), with every earlier
report compared byte for byte after each change."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine

from clihelp import Result, run, without_chain


@contextmanager
def on(moment: str) -> Iterator[None]:
    """Run what follows as if it were `moment` (UTC, the tests' time zone)."""
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def ok(*args: str) -> Result:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result


@pytest.fixture
def november() -> None:
    """csm first runs on Monday 2 November 2026; the manager logs most days."""
    with on("2026-11-02 08:00"):
        ok("config", "set", "user", "Mona")
        ok("today")
    for day in ("02", "03", "04", "05", "06", "09", "10"):
        with on(f"2026-11-{day} 17:00"):
            ok("done", "monitor-accounts")
    with on("2026-11-05 17:00"):
        ok("done", "team-meeting")


def test_a_new_log_starts_tracking_on_its_first_day(november: None) -> None:
    with on("2026-11-25 09:00"):
        history = json.loads(ok("history", "--json").stdout)
    assert history["tracking_start"] == "2026-11-02"
    assert [r["effective"] for r in history["revisions"]] == ["2026-11-02"]


def test_a_mistyped_year_is_refused_and_changes_nothing(november: None) -> None:
    with on("2026-11-25 09:00"):
        before = ok("report", "--on", "2026-11-10").stdout
        result = run("done", "monitor-accounts", "--on", "2025-01-01")
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr == (
            "Error: --on 2025-01-01 is before csm began tracking, on 2026-11-02.\n"
            "Hint: Check the date. If you did track work then, move the start first: "
            "csm history start 2025-01-01\n"
        )
        assert ok("report", "--on", "2026-11-10").stdout == before


def test_moving_the_start_both_ways(november: None) -> None:
    with on("2026-11-25 09:00"):
        back = ok("history", "start", "2026-10-01").stdout
        assert re.fullmatch(
            r"Tracking now starts on 2026-10-01 \(it was 2026-11-02\)\. "
            r"(\d+) more periods are expected up to today\.\n",
            back,
        )
        more = int(re.findall(r"(\d+) more", back)[0])
        ok("done", "monitor-accounts", "--on", "2026-10-15")
        forth = ok("history", "start", "2026-11-02").stdout
        assert forth == (
            "Tracking now starts on 2026-11-02 (it was 2026-10-01). "
            f"{more} fewer periods are expected up to today.\n"
        )
        # The October entry is kept, and counts for nothing again.
        october = json.loads(ok("report", "--on", "2026-10-15", "--format", "json").stdout)
        assert october["total"]["expected"] == 0
        assert october["outcomes"] == []
        refused = run("history", "start", "2026-12-01")
        assert refused.exit_code == 2
        assert refused.stderr.startswith("Error: DATE 2026-12-01 is in the future")


def test_a_stray_old_entry_and_its_undo_leave_every_report_as_it_was(november: None) -> None:
    with on("2026-11-25 09:00"):
        ok("history", "start", "2026-09-01")
        reports = {
            period: without_chain(ok("report", "--period", period, "--on", "2026-11-10").stdout)
            for period in ("week", "month", "quarter", "year")
        }
        ok("done", "monitor-accounts", "--on", "2026-09-14")
        ok("undo", "monitor-accounts", "--on", "2026-09-14")
        for period, text in reports.items():
            assert without_chain(ok("report", "--period", period, "--on", "2026-11-10").stdout) == (
                text
            )


def _added_item(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.yaml").write_text(
        "items:\n"
        "  - id: escalation-review\n"
        '    title: {en: "Review escalated cases", ar: "مراجعة الحالات المصعدة"}\n'
        "    area: problem-solving\n"
        "    cadence: weekly\n"
        "    due: mon\n",
        encoding="utf-8",
    )


def test_an_item_added_on_a_sunday_is_not_missed_for_the_week_before(
    november: None, config_dir: Path
) -> None:
    with on("2026-11-29 10:00"):  # a Sunday
        month_before = ok("report", "--on", "2026-11-10").stdout
        _added_item(config_dir)
        today = json.loads(ok("today", "--json").stdout)
        assert "escalation-review" not in [m["id"] for m in today["missed"]]
        # Its Monday (23rd) had passed when it was added: its first week is the next.
        (entry,) = [
            i
            for i in json.loads(ok("today", "--all", "--json").stdout)["items"]
            if i["id"] == "escalation-review"
        ]
        assert (entry["period_start"], entry["status"]) == ("2026-11-23", "off")
        assert ok("report", "--on", "2026-11-10").stdout == month_before
        refused = run("done", "escalation-review", "--on", "2026-11-27")
        assert refused.exit_code == 2
        assert refused.stderr.startswith(
            "Error: --on 2026-11-27 is before escalation-review was tracked "
            "(tracked from 2026-11-29)."
        )
    with on("2026-11-30 10:00"):
        entry = json.loads(ok("today", "--json").stdout)
        assert [
            (i["id"], i["status"]) for i in entry["items"] if i["id"] == "escalation-review"
        ] == [("escalation-review", "due")]
        history = ok("history").stdout
        assert "  2026-11-29  added escalation-review\n" in history


def test_a_new_work_week_keeps_the_week_and_the_month_before(november: None) -> None:
    with on("2026-11-23 11:00"):  # Monday
        ok("done", "team-meeting")
    with on("2026-11-25 09:00"):  # Wednesday: the team moves to Sunday-Thursday
        month = ok("report", "--on", "2026-11-10").stdout
        week = ok("report", "--period", "week", "--on", "2026-11-16").stdout
        ok("config", "set", "week_start", "sunday")
        ok("config", "set", "workdays", "sun-thu")
        assert ok("report", "--on", "2026-11-10").stdout == month
        assert ok("report", "--period", "week", "--on", "2026-11-16").stdout == week
        today = json.loads(ok("today", "--all", "--json").stdout)
        meeting = next(i for i in today["items"] if i["id"] == "team-meeting")
        # The week in progress ends on Saturday 28, the day before the first
        # Sunday week; Monday's meeting is still done for it.
        assert (meeting["period_start"], meeting["period_end"], meeting["status"]) == (
            "2026-11-23",
            "2026-11-28",
            "done",
        )
        again = ok("done", "team-meeting")
        assert again.stdout.startswith("Already done: Team meeting (team-meeting)")
        changes = ok("history").stdout
        assert "  2026-11-25  week_start: monday → sunday\n" in changes
        assert "  2026-11-25  workdays: mon-fri → sun-thu\n" in changes


def test_on_inside_an_ended_month_equals_previous(november: None) -> None:
    with on("2026-12-02 09:00"):
        ok("done", "monthly-report", "--on", "2026-11-30")
    with on("2027-01-05 09:00"):
        # Logged in January for a January day: not part of November.
        ok("done", "monitor-accounts")
        on_day = ok("report", "--on", "2026-12-15").stdout
        previous = ok("report", "--previous").stdout
        assert on_day == previous
        assert "as of 2026-12-31" in on_day.splitlines()[1]
        november_report = ok("report", "--on", "2026-11-10", "--format", "json").stdout
    with on("2027-03-01 09:00"):
        assert ok("report", "--on", "2026-11-10", "--format", "json").stdout == november_report


def test_the_headline_counts_only_what_was_due(november: None) -> None:
    with on("2026-11-10 18:00"):
        doc = json.loads(ok("report", "--format", "json").stdout)
        total = doc["total"]
        assert (
            total["expected"] == total["done"] + total["skipped"] + total["missed"] + total["due"]
        )
        # Monthly, quarterly and annual duties are not due yet: open, not expected.
        assert total["open"] > 0
        headline = ok("report").stdout.splitlines()[3]
        assert headline == (
            f"{total['done']} of {total['expected']} expected done "
            f"({round(100 * total['done'] / (total['expected'] - total['skipped']))}%), "
            f"{total['skipped']} skipped, {total['missed']} missed, {total['due']} due, "
            f"{total['open']} open"
        )


def test_as_logged_replays_the_log_as_it_stood(november: None) -> None:
    with on("2026-11-12 09:00"):
        ok("undo", "monitor-accounts", "--on", "2026-11-10")
    with on("2026-11-13 09:00"):
        now = json.loads(
            ok("report", "--period", "week", "--on", "2026-11-10", "--format", "json").stdout
        )
        then = json.loads(
            ok(
                "report",
                "--period",
                "week",
                "--on",
                "2026-11-10",
                "--as-logged",
                "2026-11-11T12:00",
                "--format",
                "json",
            ).stdout
        )
        item = {i["id"]: i for i in now["items"]}["monitor-accounts"]
        item_then = {i["id"]: i for i in then["items"]}["monitor-accounts"]
        assert item_then["done"] == item["done"] + 1
        logged = json.loads(ok("log", "--as-logged", "2026-11-11T12:00", "--json").stdout)
        assert [e["for_date"] for e in logged["events"]][:1] == ["2026-11-10"]
        assert logged["events"][0]["undone_at"] is None
        current = json.loads(ok("log", "--json").stdout)
        assert "2026-11-10" not in [e["for_date"] for e in current["events"]]
        bad = run("report", "--as-logged", "yesterday-ish")
        assert bad.exit_code == 2
        assert bad.stderr.startswith(
            "Error: --as-logged 'yesterday-ish' is not a date or a moment."
        )


def test_import_refuses_a_period_cut_by_other_settings(
    november: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with on("2026-11-25 09:00"):
        ok("history", "start", "2026-11-01")
        ok("config", "set", "week_start", "sunday")
    with on("2026-12-01 09:00"):
        ok("done", "team-meeting")
        ok("export", "-o", str(tmp_path / "sunday.csv"))
        monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "elsewhere"))
        monkeypatch.setenv("CSM_CONFIG_DIR", str(tmp_path / "elsewhere-config"))
        ok("history")  # a machine of its own, weeks from Monday
        ok("history", "start", "2026-11-01")
        result = run("import", str(tmp_path / "sunday.csv"))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert re.fullmatch(
        rf"Error: {re.escape(str(tmp_path / 'sunday.csv'))}, line \d+: team-meeting on "
        r"2026-12-01 is in the period 2026-11-29 to 2026-12-05, but the rules in force here "
        r"cut 2026-11-30 to 2026-12-06 for that day\.",
        lines[0],
    )
    assert lines[1].startswith("Hint: Nothing was imported.")
    with on("2026-12-01 10:00"):
        assert json.loads(ok("log", "--json").stdout)["events"] == []


def test_a_json_backup_restored_elsewhere_reproduces_every_report(
    november: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    windows = [("week", "2026-11-03"), ("month", "2026-11-10"), ("week", "2026-11-24")]
    with on("2026-11-20 09:00"):
        ok("history", "start", "2026-10-15")
        ok("done", "daily-engagement", "--on", "2026-10-20", "--note", "قناة جديدة")
        ok("config", "set", "week_start", "sunday")
        ok("config", "set", "fiscal_year_start", "7")
    with on("2026-12-01 09:00"):
        ok("skip", "team-meeting", "--on", "2026-11-24", "--reason", "public holiday")
        reports = [
            without_chain(ok("report", "--period", p, "--on", day, "--format", f).stdout)
            for p, day in windows
            for f in ("text", "md", "json")
        ]
        quarter = ok("report", "--period", "quarter", "--on", "2026-10-20").stdout
        ok("export", "--format", "json", "--include-undone", "-o", str(tmp_path / "backup.json"))
        monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "new-data"))
        monkeypatch.setenv("CSM_CONFIG_DIR", str(tmp_path / "new-config"))
        ok("config", "set", "user", "Mona")  # other settings: Monday weeks, calendar year
        restored = ok("import", str(tmp_path / "backup.json")).stdout
        assert restored.endswith("it now tracks from 2026-10-15, as the backup did.\n")
        again = [
            without_chain(ok("report", "--period", p, "--on", day, "--format", f).stdout)
            for p, day in windows
            for f in ("text", "md", "json")
        ]
    assert again == reports
    assert quarter  # the quarter in progress follows this machine's own settings


def test_config_set_records_the_change_the_day_it_is_made(november: None, config_dir: Path) -> None:
    with on("2026-11-25 09:00"):
        ok("config", "set", "fiscal_year_start", "7")
    with on("2026-12-03 09:00"):
        revisions = json.loads(ok("history", "--json").stdout)["revisions"]
    assert [r["effective"] for r in revisions] == ["2026-11-02", "2026-11-25"]
    assert revisions[1]["changes"] == [
        {"what": "setting", "key": "fiscal_year_start", "before": "1", "after": "7"}
    ]


def test_config_set_beside_a_broken_checklist_still_sets_the_value(
    november: None, config_dir: Path
) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.yaml").write_text("items:\n  - id: x\n    dew: thu\n", encoding="utf-8")
    with on("2026-11-25 09:00"):
        result = run("config", "set", "week_start", "sunday")
    assert result.exit_code == 0, result.stderr
    (folder / "broken.yaml").unlink()
    with on("2026-11-26 09:00"):
        revisions = json.loads(ok("history", "--json").stdout)["revisions"]
    # Recorded by the first command that could read the checklists.
    assert [r["effective"] for r in revisions] == ["2026-11-02", "2026-11-26"]
