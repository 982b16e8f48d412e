"""`csm done`, `skip`, `undo` and `log`, run the way a manager runs them.

Every command gets an explicit --on date: nothing here depends on the clock
except the one test about future dates. Titles and counts come from the
built-in checklists, so the expected output follows their wording.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from csm_checklist.duties.catalog import Catalog
from csm_checklist.duties.checklists import load_catalog
from csm_checklist.store.sqlite import SqliteStore
from csm_checklist.store.sqlite_migrations import SCHEMA_VERSION

from clihelp import read as run
from clihelp import track_from

MONDAY = "2025-11-17"
TUESDAY = "2025-11-18"
WEEK = "week of 2025-11-17 to 2025-11-23"


@pytest.fixture(autouse=True)
def manager(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    track_from("2025-01-01")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(None)


def title(catalog: Catalog, item_id: str, lang: str = "en") -> str:
    return catalog.items[item_id].title.get(lang)


def count_of(catalog: Catalog, cadence: str) -> int:
    return sum(1 for item in catalog.enabled_items() if item.recurrence.cadence == cadence)


def log_count(data_dir: Path) -> int:
    path = data_dir / "log.sqlite3"
    if not path.exists():
        return 0
    with SqliteStore.open(path) as log:
        return log.count()


# done and skip -----------------------------------------------------------------


def test_done_one_item(catalog: Catalog) -> None:
    result = run("done", "team-meeting", "--on", TUESDAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Done: {title(catalog, 'team-meeting')} (team-meeting) for {WEEK}\n"
        f"weekly, {WEEK}: 1 of {count_of(catalog, 'weekly')} done\n"
    )
    assert result.stderr == ""


def test_done_several_items_in_one_command(catalog: Catalog, data_dir: Path) -> None:
    result = run("done", "team-meeting", "monitor-accounts", "performance-review", "--on", TUESDAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Done: {title(catalog, 'team-meeting')} (team-meeting) for {WEEK}\n"
        f"Done: {title(catalog, 'monitor-accounts')} (monitor-accounts) for {TUESDAY}\n"
        f"Done: {title(catalog, 'performance-review')} (performance-review) for {WEEK}\n"
        f"weekly, {WEEK}: 2 of {count_of(catalog, 'weekly')} done\n"
        f"daily, {TUESDAY}: 1 of {count_of(catalog, 'daily')} done\n"
    )
    assert log_count(data_dir) == 3


def test_done_keeps_note_and_by(data_dir: Path) -> None:
    run("done", "monitor-accounts", "--on", MONDAY, "--note", "2 escalations", "--by", "Sara")
    with SqliteStore.open(data_dir / "log.sqlite3") as log:
        (event,) = log.events()
    assert (event.note, event.by, event.kind, event.for_date) == (
        "2 escalations",
        "Sara",
        "done",
        date(2025, 11, 17),
    )
    assert event.logged_at.utcoffset() is not None
    assert event.host


def test_done_by_defaults_to_the_user_setting(data_dir: Path) -> None:
    run("done", "monitor-accounts", "--on", MONDAY)
    with SqliteStore.open(data_dir / "log.sqlite3") as log:
        (event,) = log.events()
    assert event.by == "Mona"


def test_the_title_is_logged_in_the_language_of_the_moment(
    catalog: Catalog, config_dir: Path, data_dir: Path
) -> None:
    (config_dir / "config.yaml").write_text("user: Mona\nlang: ar\n", encoding="utf-8")
    run("done", "team-meeting", "--on", MONDAY)
    with SqliteStore.open(data_dir / "log.sqlite3") as log:
        (event,) = log.events()
    assert event.title == title(catalog, "team-meeting", "ar")


def test_done_twice_says_so_and_logs_nothing(catalog: Catalog, data_dir: Path) -> None:
    run("done", "team-meeting", "--on", MONDAY)
    result = run("done", "team-meeting", "--on", "2025-11-20", "--by", "Sara")
    assert result.exit_code == 0
    assert result.stdout == (
        f"Already done: {title(catalog, 'team-meeting')} (team-meeting) for {WEEK} "
        f"on {MONDAY} by Mona; nothing logged.\n"
        f"weekly, {WEEK}: 1 of {count_of(catalog, 'weekly')} done\n"
    )
    assert log_count(data_dir) == 1


def test_skip_with_a_reason(catalog: Catalog, data_dir: Path) -> None:
    result = run("skip", "team-meeting", "--on", TUESDAY, "--reason", "public holiday")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Skipped: {title(catalog, 'team-meeting')} (team-meeting) for {WEEK}\n"
        f"weekly, {WEEK}: 0 of {count_of(catalog, 'weekly')} done, 1 skipped\n"
    )
    with SqliteStore.open(data_dir / "log.sqlite3") as log:
        (event,) = log.events()
    assert (event.kind, event.note) == ("skip", "public holiday")
    # A skipped period is settled: done says so and logs nothing.
    again = run("done", "team-meeting", "--on", TUESDAY)
    assert again.stdout.startswith(
        f"Already skipped: {title(catalog, 'team-meeting')} (team-meeting) for {WEEK} "
        f"on {TUESDAY} by Mona; nothing logged.\n"
    )


def test_a_future_day_is_refused(data_dir: Path) -> None:
    future = (date.today() + timedelta(days=2)).isoformat()
    result = run("done", "team-meeting", "--on", future)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: --on {future} is in the future; csm logs work that has been done.\n"
    )
    assert log_count(data_dir) == 0


def test_a_bad_date_is_refused(data_dir: Path) -> None:
    result = run("done", "team-meeting", "--on", "2025-02-30")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --on '2025-02-30' is not a date")
    assert log_count(data_dir) == 0


def test_one_typo_logs_nothing(data_dir: Path) -> None:
    result = run("done", "team-meeting", "team-meetnig", "--on", MONDAY)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: No item matches 'team-meetnig'.\n")
    assert "team-meeting" in result.stderr.splitlines()[1]  # suggested in the hint
    assert log_count(data_dir) == 0


def test_an_ambiguous_prefix(data_dir: Path) -> None:
    result = run("done", "monthly", "--on", MONDAY)
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("Error: 'monthly' matches ")
    assert "monthly-report" in first
    assert log_count(data_dir) == 0


def test_no_match_suggests_up_to_three(data_dir: Path) -> None:
    result = run("done", "anual-budget", "--on", MONDAY)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: No item matches 'anual-budget'.\nHint: Did you mean ")
    assert "annual-budget" in result.stderr


def test_arabic_title_words(catalog: Catalog) -> None:
    result = run("done", "اجتماعات الفريق", "--on", MONDAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        f"Done: {title(catalog, 'team-meeting')} (team-meeting) for {WEEK}\n"
    )


def test_a_unique_prefix_and_title_words(catalog: Catalog) -> None:
    result = run("done", "annual-bud", "--on", MONDAY)
    assert result.exit_code == 0, result.stderr
    assert "(annual-budget) for year of 2025-01-01 to 2025-12-31\n" in result.stdout


def test_each_cadence_names_its_period(catalog: Catalog) -> None:
    result = run("done", "monthly-report", "policy-review", "--on", MONDAY)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("(monthly-report) for month of 2025-11-01 to 2025-11-30")
    assert lines[1].endswith("(policy-review) for quarter of 2025-10-01 to 2025-12-31")
    assert (
        lines[2]
        == f"monthly, month of 2025-11-01 to 2025-11-30: 1 of {count_of(catalog, 'monthly')} done"
    )
    assert lines[3] == (
        f"quarterly, quarter of 2025-10-01 to 2025-12-31: 1 of {count_of(catalog, 'quarterly')} done"
    )


def _rrule_checklist(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        "items:\n"
        "  - id: twice-only\n"
        "    area: team-management\n"
        "    cadence: rrule\n"
        '    rrule: "FREQ=WEEKLY;COUNT=2"\n'
        "    start: 2025-01-06\n"
        "    title: {en: Two meetings, ar: اجتماعان}\n",
        encoding="utf-8",
    )


def test_an_rrule_item_outside_its_range(config_dir: Path, data_dir: Path) -> None:
    _rrule_checklist(config_dir)
    inside = run("done", "twice-only", "--on", "2025-01-08")
    assert inside.exit_code == 0, inside.stderr
    assert inside.stdout.startswith(
        "Done: Two meetings (twice-only) for period of 2025-01-07 to 2025-01-13\n"
    )
    result = run("done", "twice-only", "--on", MONDAY)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: Two meetings (twice-only) has no period containing {MONDAY}: "
        "its rule has not started yet or has already ended.\n"
    )
    assert log_count(data_dir) == 1


# undo ------------------------------------------------------------------------


def test_undo_the_latest_then_log_again(catalog: Catalog, data_dir: Path) -> None:
    run("done", "team-meeting", "--on", MONDAY)
    run("done", "monitor-accounts", "--on", MONDAY)
    result = run("undo")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        f"Undone: done of {title(catalog, 'monitor-accounts')} (monitor-accounts) "
        f"for {MONDAY}, logged "
    )
    assert result.stdout.endswith(" by Mona.\n")
    again = run("done", "monitor-accounts", "--on", MONDAY)
    assert again.stdout.startswith("Done: ")
    assert log_count(data_dir) == 3  # the undone event stays, marked


def test_undo_an_item_in_a_period(catalog: Catalog) -> None:
    run("done", "team-meeting", "--on", MONDAY)
    run("done", "team-meeting", "--on", "2025-11-10")
    run("done", "monitor-accounts", "--on", MONDAY)
    result = run("undo", "team-meeting", "--on", "2025-11-20")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        f"Undone: done of {title(catalog, 'team-meeting')} (team-meeting) for {WEEK}, logged "
    )
    result = run("undo", "team-meeting", "--on", "2025-11-20")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: Nothing to undo for team-meeting in the {WEEK}: no active done or skip.\n"
        "Hint: `csm log` lists what was logged.\n"
    )
    older = run("undo", "team-meeting")
    assert "for week of 2025-11-10 to 2025-11-16" in older.stdout


def test_undo_a_skip_by_day(catalog: Catalog) -> None:
    run("skip", "team-meeting", "--on", MONDAY)
    run("done", "monitor-accounts", "--on", TUESDAY)
    result = run("undo", "--on", MONDAY)
    assert result.stdout.startswith(
        f"Undone: skip of {title(catalog, 'team-meeting')} (team-meeting) for {WEEK}"
    )


def test_undo_with_nothing_to_undo() -> None:
    result = run("undo")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: Nothing to undo: no active done or skip.\nHint: `csm log` lists what was logged.\n"
    )


# log -------------------------------------------------------------------------


def _seed() -> None:
    run("done", "monitor-accounts", "--on", "2025-11-17", "--note", "quiet day")
    run("done", "monitor-accounts", "--on", "2025-11-18", "--note", "two\nlines")
    run("skip", "team-meeting", "--on", "2025-11-18", "--reason", "holiday")
    run("done", "monthly-report", "--on", "2025-11-19")
    run("done", "daily-engagement", "--on", "2025-11-20")
    run("undo", "daily-engagement")


def _log_json(*args: str) -> list[dict[str, object]]:
    result = run("log", "--json", *args)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert list(document) == ["events"]
    return list(document["events"])


def test_log_plain_text(catalog: Catalog) -> None:
    _seed()
    result = run("log")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["for", "kind", "item", "title", "by", "logged", "id", "note"]
    assert [line.split()[:3] for line in lines[1:]] == [
        ["2025-11-19", "done", "monthly-report"],
        ["2025-11-18", "skip", "team-meeting"],
        ["2025-11-18", "done", "monitor-accounts"],
        ["2025-11-17", "done", "monitor-accounts"],
    ]
    assert lines[3].endswith("two / lines")
    assert lines[2].endswith("holiday")
    # Columns line up: every row has its item where the header has "item".
    at = lines[0].index("item")
    assert all(line[at:].startswith(line.split()[2]) for line in lines[1:])
    assert "─" not in result.stdout and "│" not in result.stdout


def test_log_json_has_the_export_fields() -> None:
    _seed()
    events = _log_json()
    assert [e["item_id"] for e in events] == [
        "monthly-report",
        "team-meeting",
        "monitor-accounts",
        "monitor-accounts",
    ]
    assert list(events[0]) == [
        "uuid",
        "item_id",
        "title",
        "cadence",
        "kind",
        "period_start",
        "period_end",
        "for_date",
        "logged_at",
        "by",
        "note",
        "undone_at",
        "host",
        "logged_by",
    ]
    assert events[1]["note"] == "holiday" and events[1]["kind"] == "skip"
    assert events[2]["note"] == "two\nlines"


def test_log_filters() -> None:
    _seed()

    def items(*args: str) -> list[tuple[object, object]]:
        return [(e["item_id"], e["for_date"]) for e in _log_json(*args)]

    assert items("--since", "2025-11-18", "--until", "2025-11-18") == [
        ("team-meeting", "2025-11-18"),
        ("monitor-accounts", "2025-11-18"),
    ]
    assert items("--item", "monitor-accounts") == [
        ("monitor-accounts", "2025-11-18"),
        ("monitor-accounts", "2025-11-17"),
    ]
    assert items("--item", "monitor") == items("--item", "monitor-accounts")
    assert items("--cadence", "monthly") == [("monthly-report", "2025-11-19")]
    assert items("--cadence", "week") == [("team-meeting", "2025-11-18")]
    assert items("--limit", "1") == [("monthly-report", "2025-11-19")]
    assert items("--include-undone", "--limit", "1") == [("daily-engagement", "2025-11-20")]
    undone = _log_json("--include-undone", "--limit", "1")[0]
    assert isinstance(undone["undone_at"], str)


def test_log_when_empty() -> None:
    assert run("log").stdout == "No events.\n"
    assert json.loads(run("log", "--json").stdout) == {"events": []}


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (("--since", "2025-13-01"), "Error: --since '2025-13-01' is not a date"),
        (("--until", "soon"), "Error: --until 'soon' is not a date"),
        (
            ("--since", "2025-11-20", "--until", "2025-11-01"),
            "Error: --since 2025-11-20 is after --until 2025-11-01.",
        ),
        (("--cadence", "hourly"), "Error: --cadence 'hourly' is not a cadence."),
    ],
)
def test_log_bad_options(args: tuple[str, ...], start: str) -> None:
    result = run("log", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(start)


def test_log_rich_table_for_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    _seed()
    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", "160")
    result = run("log", "--include-undone")
    assert result.exit_code == 0, result.stderr
    assert "monthly-report" in result.stdout
    assert "for" in result.stdout.splitlines()[0]


# A log csm cannot use ----------------------------------------------------------


def _text_file(path: Path) -> None:
    path.write_text("name,phone\nMona,1\n")


def _foreign_database(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.commit()
    db.close()


def _newer_log(path: Path) -> None:
    with SqliteStore.open(path):
        pass
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _corrupt_log(path: Path) -> None:
    with SqliteStore.open(path):
        pass
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (
            lambda p: p.write_text("name,phone\nMona,1\n"),
            "is not a csm log: file is not a database",
        ),
        (_foreign_database, "is an SQLite database but not a csm log"),
        (_newer_log, "was written by a newer csm"),
        (_corrupt_log, "is corrupt"),
    ],
    ids=["text-file", "other-database", "newer-csm", "corrupt"],
)
@pytest.mark.parametrize("command", [("done", "team-meeting", "--on", MONDAY), ("log",)])
def test_unusable_logs_are_reported_and_left_alone(
    data_dir: Path, make: object, words: str, command: tuple[str, ...]
) -> None:
    path = data_dir / "log.sqlite3"
    for leftover in data_dir.glob("log.sqlite3*"):  # the tracked log the fixture made
        leftover.unlink()
    make(path)  # type: ignore[operator]
    before = path.read_bytes()
    result = run(*command)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: The log {path} ")
    assert words in result.stderr
    assert "Hint: " in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_a_data_dir_that_cannot_be_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("CSM_DATA_DIR", str(blocker / "data"))
    result = run("done", "team-meeting", "--on", MONDAY)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: Cannot create the data folder {blocker / 'data'}: ")
    assert blocker.read_text() == "x"


def test_command_modules_load_the_core_only_when_run() -> None:
    # Start-up time: registering done/skip/undo/log/export/import must not
    # import the log, the formats, the catalog or rich.
    import subprocess
    import sys

    code = (
        "import sys, csm_checklist.cli.commands.events, csm_checklist.cli.commands.transfer; "
        "print(sorted(m for m in sys.modules if m in ('csm_checklist.store.sqlite', "
        "'csm_checklist.exchange.formats', 'csm_checklist.duties.catalog', 'csm_checklist.rules.agenda', 'rich', "
        "'sqlite3', 'csv', 'json')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_log_fits_the_terminal(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    from rich.cells import cell_len

    _seed()
    run("done", "monitor-accounts", "--note", "a long note\nover two lines about the day")
    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", str(columns))
    out = re.sub(r"\x1b\[[0-9;]*m", "", run("log").stdout)
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    assert lines[0].split()[:3] == ["for", "kind", "item"]
    assert all(re.match(r"\d{4}-\d\d-\d\d  (done|skip)", line) for line in lines[1:])
