"""User files change the built-in checklist: override a key, switch an item
off, add items and areas. This is how each company adapts the 2023 list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from csm_checklist.dates.schedule import OnDayOfMonth, OnWeekday, Recurrence
from csm_checklist.duties.catalog import Catalog
from csm_checklist.duties.checklists import load_catalog
from csm_checklist.errors import ChecklistError

from clihelp import run

BUILTIN_ITEMS = 19


@pytest.fixture
def user_dir(config_dir: Path) -> Path:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    return folder


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def listed() -> dict[str, dict[str, object]]:
    result = run("list", "--json")
    assert result.exit_code == 0, result.stderr
    return {item["id"]: item for item in json.loads(result.stdout)["items"]}


def test_disabling_an_item_removes_it_from_the_list(user_dir: Path) -> None:
    write(user_dir, "mine.yaml", "items:\n  - {id: team-meeting, enabled: false}\n")
    items = listed()
    assert len(items) == BUILTIN_ITEMS - 1
    assert "team-meeting" not in items
    everything = json.loads(run("list", "--all", "--json").stdout)["items"]
    assert len(everything) == BUILTIN_ITEMS
    assert [i["enabled"] for i in everything if i["id"] == "team-meeting"] == [False]
    plain = run("list", "--all").stdout
    line = next(line for line in plain.splitlines() if "team-meeting" in line)
    assert line.endswith("(disabled)")


def test_overriding_the_due_rule_keeps_everything_else(user_dir: Path) -> None:
    path = write(user_dir, "mine.yaml", "items:\n  - id: team-meeting\n    due: tue\n")
    catalog = load_catalog(user_dir)
    item = catalog.items["team-meeting"]
    assert item.recurrence == Recurrence("weekly", OnWeekday(1))
    assert item.title.ar == "اجتماعات الفريق"
    assert item.area == "team-management"
    assert item.tags == ("team", "campaigns")
    assert (item.source, item.line) == (path, 2)
    assert listed()["team-meeting"]["due_text"] == "every Tuesday"


def test_changing_the_cadence_drops_the_old_due_rule(user_dir: Path) -> None:
    write(user_dir, "mine.yaml", "items:\n  - {id: team-meeting, cadence: monthly}\n")
    item = load_catalog(user_dir).items["team-meeting"]
    assert item.recurrence == Recurrence("monthly", None)
    assert item.due_spec is None


def test_changing_the_cadence_with_a_new_due_rule(user_dir: Path) -> None:
    write(user_dir, "mine.yaml", "items:\n  - {id: team-meeting, cadence: monthly, due: 5}\n")
    item = load_catalog(user_dir).items["team-meeting"]
    assert item.recurrence == Recurrence("monthly", OnDayOfMonth(5))
    assert listed()["team-meeting"]["due"] == 5


def test_an_rrule_override_every_other_week(user_dir: Path) -> None:
    write(
        user_dir,
        "mine.yaml",
        "items:\n"
        "  - id: team-meeting\n"
        "    cadence: rrule\n"
        '    rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"\n'
        "    start: 2026-01-01\n",
    )
    entry = listed()["team-meeting"]
    assert entry["cadence"] == "rrule"
    assert entry["due"] is None
    assert entry["rrule"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"
    assert entry["start"] == "2026-01-01"
    assert entry["due_text"] == "every 2 weeks on Thursday (from 2026-01-01)"


def test_an_rrule_alone_implies_the_rrule_cadence(user_dir: Path) -> None:
    write(user_dir, "mine.yaml", 'items:\n  - {id: policy-review, rrule: "FREQ=MONTHLY"}\n')
    assert load_catalog(user_dir).items["policy-review"].recurrence.cadence == "rrule"


def test_an_override_is_checked_against_the_inherited_cadence(user_dir: Path) -> None:
    path = write(user_dir, "mine.yaml", "items:\n  - id: team-meeting\n    due: 5\n")
    with pytest.raises(ChecklistError) as caught:
        load_catalog(user_dir)
    assert caught.value.message == (
        f"{path}, line 3, item 'team-meeting': 5 is not a weekly due rule."
    )


def test_a_title_override_may_change_one_language(user_dir: Path) -> None:
    write(user_dir, "mine.yaml", "items:\n  - {id: team-meeting, title: {en: Weekly sync}}\n")
    title = load_catalog(user_dir).items["team-meeting"].title
    assert (title.en, title.ar) == ("Weekly sync", "اجتماعات الفريق")


def test_adding_an_area_and_items(user_dir: Path) -> None:
    write(
        user_dir,
        "escalations.yaml",
        """\
areas:
  - id: escalations
    title: {en: Escalations, ar: التصعيد}
items:
  - id: escalation-review
    title: {en: Review open escalations, ar: مراجعة حالات التصعيد}
    area: escalations
    cadence: weekly
    due: mon
  - id: crisis-drill
    title: {en: Crisis drill}
    area: crisis-management
    cadence: quarterly
    due: {month: 2, day: -1}
    tags: [crisis]
""",
    )
    items = listed()
    assert len(items) == BUILTIN_ITEMS + 2
    assert items["escalation-review"]["due_text"] == "every Monday"
    assert items["crisis-drill"]["due_text"] == "last day of the 2nd month of each quarter"
    assert items["crisis-drill"]["tags"] == ["crisis"]
    plain = run("list").stdout
    assert "Escalations [escalations]\n  escalation-review" in plain
    # An English-only title is shown in Arabic too rather than left blank.
    run("config", "set", "lang", "ar")
    assert listed()["crisis-drill"]["title"] == "Crisis drill"


def test_an_area_override_renames_it(user_dir: Path) -> None:
    write(user_dir, "a.yaml", "areas:\n  - {id: crisis-management, title: {en: Crises}}\n")
    area = load_catalog(user_dir).areas["crisis-management"]
    assert (area.title.en, area.title.ar) == ("Crises", "إدارة الأزمات")


def test_overrides_in_several_files_apply_in_name_order(user_dir: Path) -> None:
    write(user_dir, "a.yaml", "items:\n  - {id: team-meeting, due: mon}\n")
    write(user_dir, "b.yml", "items:\n  - {id: team-meeting, enabled: false}\n")
    item = load_catalog(user_dir).items["team-meeting"]
    assert item.recurrence.due == OnWeekday(0)
    assert not item.enabled


def test_hidden_and_other_files_are_ignored(user_dir: Path) -> None:
    write(user_dir, ".swap.yaml", "not: [valid")
    write(user_dir, "notes.txt", "not a checklist")
    assert len(load_catalog(user_dir).items) == BUILTIN_ITEMS


def test_a_missing_user_folder_means_the_builtins(tmp_path: Path) -> None:
    catalog = load_catalog(tmp_path / "nowhere")
    assert len(catalog.items) == BUILTIN_ITEMS


def test_enabled_items_and_catalog_files(user_dir: Path) -> None:
    mine = write(user_dir, "mine.yaml", "items:\n  - {id: team-meeting, enabled: false}\n")
    catalog: Catalog = load_catalog(user_dir)
    assert len(catalog.enabled_items()) == BUILTIN_ITEMS - 1
    assert len(catalog.items) == BUILTIN_ITEMS
    assert catalog.files[-1] == mine
    assert len(catalog.files) == 8  # six cadence files, playbooks.yaml, mine.yaml


def test_an_empty_items_key_is_fine(user_dir: Path) -> None:
    write(user_dir, "later.yaml", "items:\nareas: []\n")
    assert len(load_catalog(user_dir).items) == BUILTIN_ITEMS
