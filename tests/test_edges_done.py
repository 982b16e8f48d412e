"""`csm done` and `csm skip` never guess silently, and log a whole cadence at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from csm_checklist.duties.catalog import Catalog, items_to_log
from csm_checklist.duties.checklists import load_catalog
from csm_checklist.errors import BadInput, UnknownItem
from csm_checklist.store.sqlite import SqliteStore

from clihelp import read as run
from clihelp import track_from

TUESDAY = "2026-11-24"
WEEK = "week of 2026-11-23 to 2026-11-29"


@pytest.fixture(autouse=True)
def manager(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    track_from("2026-11-01")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(None)


def _count(data_dir: Path) -> int:
    path = data_dir / "log.sqlite3"
    if not path.exists():
        return 0
    with SqliteStore.open(path) as log:
        return log.count()


@pytest.mark.parametrize(
    ("query", "cadence"),
    [
        ("daily", "daily"),
        ("Daily", "daily"),
        ("week", "weekly"),
        ("monthly", "monthly"),
        ("annual", "annual"),
        ("يومي", "daily"),
        ("شهري", "monthly"),
    ],
)
def test_a_cadence_name_is_never_taken_for_an_item(
    catalog: Catalog, query: str, cadence: str
) -> None:
    with pytest.raises(UnknownItem) as caught:
        catalog.resolve(query)
    assert "the name of a cadence" in caught.value.message
    assert f"csm done --cadence {cadence}" in (caught.value.hint or "")


def test_done_daily_logs_nothing_and_says_why(data_dir: Path) -> None:
    result = run("done", "daily", "--on", TUESDAY)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: 'daily' matches 1 item: daily-engagement, and is the name of a cadence; "
        "csm does not guess which you mean.\n"
        "Hint: Type the item's id (see csm list), or log every daily item at once with "
        "--cadence daily, e.g. csm done --cadence daily.\n"
    )
    assert _count(data_dir) == 0


def test_a_prefix_that_title_words_also_match_is_ambiguous(catalog: Catalog) -> None:
    with pytest.raises(UnknownItem) as caught:
        catalog.resolve("performance")
    assert caught.value.message == (
        "'performance' matches 3 items: performance-review, monthly-report, annual-review."
    )


@pytest.mark.parametrize(
    ("query", "expected", "rule"),
    [
        ("team-meeting", "team-meeting", "id"),
        ("monit", "monitor-accounts", "id prefix"),
        ("Team meeting", "team-meeting", "title"),
        ("اجتماعات الفريق", "team-meeting", "title"),
        ("budget", "annual-budget", "title words"),
    ],
)
def test_the_rule_that_found_an_item(
    catalog: Catalog, query: str, expected: str, rule: str
) -> None:
    item, found_by = catalog.resolve_with_rule(query)
    assert (item.id, found_by) == (expected, rule)


def test_done_says_on_stderr_which_rule_won() -> None:
    result = run("done", "monit", "team-meeting", "budget", "--on", TUESDAY)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "monit → monitor-accounts (id prefix)\nbudget → annual-budget (title words)\n"
    )
    assert result.stdout.startswith(
        "Done: Monitor the accounts (monitor-accounts) for 2026-11-24\n"
    )


def test_done_cadence_daily_logs_every_daily_item(catalog: Catalog, data_dir: Path) -> None:
    daily = [item for item in catalog.enabled_items() if item.cadence == "daily"]
    result = run("done", "--cadence", "daily", "--on", TUESDAY, "--note", "all four")
    assert result.exit_code == 0, result.stderr
    assert (
        result.stdout
        == "".join(f"Done: {item.title.en} ({item.id}) for {TUESDAY}\n" for item in daily)
        + f"daily, {TUESDAY}: {len(daily)} of {len(daily)} done\n"
    )
    assert _count(data_dir) == len(daily)
    again = run("done", "--cadence", "day", "--on", TUESDAY)
    assert again.stdout.count("Already done") == len(daily)
    assert _count(data_dir) == len(daily)


def test_skip_cadence_with_items_logs_each_once(catalog: Catalog, data_dir: Path) -> None:
    weekly = [item.id for item in catalog.enabled_items() if item.cadence == "weekly"]
    result = run(
        "skip",
        "team-meeting",
        "monitor-accounts",
        "--cadence",
        "weekly",
        "--on",
        TUESDAY,
        "--reason",
        "offsite",
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Skipped: Team meeting (team-meeting) for {WEEK}"
    assert lines[1] == f"Skipped: Monitor the accounts (monitor-accounts) for {TUESDAY}"
    assert sum(line.startswith("Skipped:") for line in lines) == 1 + len(weekly)
    assert _count(data_dir) == 1 + len(weekly)


def test_items_to_log_keeps_order_and_reports_guesses(catalog: Catalog) -> None:
    items, notes = items_to_log(catalog, ["monit", "monitor-accounts"], "daily")
    assert items[0].id == "monitor-accounts"
    assert [item.id for item in items] == [
        "monitor-accounts",
        *(
            i.id
            for i in catalog.enabled_items()
            if i.cadence == "daily" and i.id != "monitor-accounts"
        ),
    ]
    assert notes == ["monit → monitor-accounts (id prefix)"]


def test_nothing_named_is_bad_input(data_dir: Path) -> None:
    result = run("done", "--on", TUESDAY)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: Name at least one item, or a cadence with --cadence.\n"
        "Hint: E.g. csm done monitor-accounts, or csm done --cadence daily.\n"
    )
    with pytest.raises(BadInput):
        items_to_log(load_catalog(None), [], None)


def test_a_bad_cadence_logs_nothing(data_dir: Path) -> None:
    result = run("done", "team-meeting", "--cadence", "hourly", "--on", TUESDAY)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --cadence 'hourly' is not a cadence.")
    assert _count(data_dir) == 0


def test_a_cadence_with_no_item_in_force(config_dir: Path, data_dir: Path) -> None:
    result = run("done", "--cadence", "rrule", "--on", TUESDAY)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: No item in force has the rrule cadence.")
    assert _count(data_dir) == 0
