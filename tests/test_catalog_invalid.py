"""Every broken checklist file is refused with the file, the line, the id and
the fix, through both `csm list` (a user file) and `csm checklist validate PATH`,
and never with a traceback or a half-loaded catalog."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from csm_checklist.duties.checklists import check_files, load_catalog
from csm_checklist.errors import ChecklistError

from clihelp import run

NEW_ITEM = """\
items:
  - id: weekly-sync
    title: {en: Weekly sync, ar: اجتماع أسبوعي}
    area: team-management
"""


class Case(NamedTuple):
    content: bytes
    line: int
    message: str  # a fragment of the error line, after "FILE, line N"
    hint: str = ""  # a fragment of the hint line


def case(text: str | bytes, line: int, message: str, hint: str = "") -> Case:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return Case(raw, line, message, hint)


CASES: dict[str, Case] = {
    "yaml-syntax-error": case(
        "items:\n  - id: a\n    title: {en: A, ar: B\n    area: team-management\n",
        4,
        ": this is not valid YAML (did not find expected ',' or '}', while parsing a flow "
        "mapping that starts on line 3).",
    ),
    "tab-indentation": case(
        "items:\n  - id: a\n\ttitle: {en: A}\n",
        3,
        ": tabs are not allowed for indentation; use spaces.",
        "Replace the tab characters",
    ),
    "unknown-key": case(
        "items:\n  - id: team-meeting\n    dew: thu\n",
        3,
        ", item 'team-meeting': unknown key 'dew'.",
        "Did you mean 'due'? Keys: id, title, details, area, cadence, due, rrule, start, "
        "since, tags, enabled, measures, assign, rotate.",
    ),
    "missing-title": case(
        "items:\n  - id: weekly-sync\n    area: team-management\n    cadence: weekly\n",
        2,
        ", item 'weekly-sync': it has no `title:`.",
        "Every new item needs one",
    ),
    "missing-cadence": case(NEW_ITEM, 2, ", item 'weekly-sync': it has no `cadence:`."),
    "missing-area": case(
        "items:\n  - id: weekly-sync\n    title: {en: A}\n    cadence: weekly\n",
        2,
        ", item 'weekly-sync': it has no `area:`.",
    ),
    "missing-id": case(
        "items:\n  - title: {en: A}\n    cadence: weekly\n",
        2,
        ", item #1: it has no `id:`.",
    ),
    "duplicate-id": case(
        NEW_ITEM + "    cadence: weekly\n" + NEW_ITEM.replace("items:\n", ""),
        6,
        ", item 'weekly-sync': duplicate id: line 2 of this file already uses it.",
    ),
    "duplicate-key": case(
        NEW_ITEM + "    cadence: weekly\n    cadence: monthly\n",
        6,
        ", item 'weekly-sync': the key 'cadence' appears twice.",
    ),
    "unknown-cadence": case(
        NEW_ITEM + "    cadence: fortnightly\n",
        5,
        ", item 'weekly-sync': unknown cadence 'fortnightly'.",
        "Cadences: daily, weekly, monthly, quarterly, annual, rrule.",
    ),
    "cadence-named-like-a-period": case(
        NEW_ITEM + "    cadence: week\n",
        5,
        "unknown cadence 'week'.",
        "Did you mean 'weekly'?",
    ),
    "unknown-area": case(
        NEW_ITEM.replace("team-management", "team-managment") + "    cadence: weekly\n",
        4,
        ", item 'weekly-sync': unknown area 'team-managment'.",
        "Did you mean 'team-management'?",
    ),
    "bad-weekday": case(
        NEW_ITEM + "    cadence: weekly\n    due: thurs\n",
        6,
        ", item 'weekly-sync': 'thurs' is not a weekday.",
        "Did you mean 'thu'? A weekly item takes a weekday",
    ),
    "monthly-day-0": case(
        NEW_ITEM + "    cadence: monthly\n    due: 0\n",
        6,
        "day 0 does not exist; a monthly due day is 1 to 31, or -1 to -31",
    ),
    "monthly-day-32": case(
        NEW_ITEM + "    cadence: monthly\n    due: 32\n",
        6,
        "day 32 does not exist",
        "e.g. `due: 5` or `due: -1`",
    ),
    "monthly-day-minus-32": case(
        NEW_ITEM + "    cadence: monthly\n    due: -32\n", 6, "day -32 does not exist"
    ),
    "annual-month-13": case(
        NEW_ITEM + "    cadence: annual\n    due: {month: 13, day: 1}\n",
        6,
        "month 13 does not exist; use 1-12 or jan-dec.",
        "e.g. `due: {month: nov, day: 30}`",
    ),
    "annual-november-31": case(
        NEW_ITEM + "    cadence: annual\n    due: {month: nov, day: 31}\n",
        6,
        "day 31 does not exist; Nov's due day is 1 to 30",
    ),
    "quarterly-month-4": case(
        NEW_ITEM + "    cadence: quarterly\n    due: {month: 4, day: 1}\n",
        6,
        "month 4 is not a month of the quarter; use 1, 2 or 3",
    ),
    "weekday-for-monthly": case(
        NEW_ITEM + "    cadence: monthly\n    due: thu\n",
        6,
        "'thu' is not a monthly due rule.",
        "A monthly item takes a day 1 to 31",
    ),
    "due-for-daily": case(
        NEW_ITEM + "    cadence: daily\n    due: thu\n",
        6,
        "a daily item takes no `due:` rule.",
        "remove `due:`",
    ),
    "rrule-rejected": case(
        NEW_ITEM + '    rrule: "FREQ=SOMETIMES"\n',
        5,
        ", item 'weekly-sync': dateutil cannot use the rule 'FREQ=SOMETIMES'",
        "FREQ=WEEKLY;BYDAY=MO,TH",
    ),
    "rrule-without-rrule-cadence": case(
        NEW_ITEM + '    cadence: weekly\n    rrule: "FREQ=WEEKLY"\n',
        6,
        "`rrule:` belongs only to items with `cadence: rrule`, and this one is weekly.",
    ),
    "rrule-cadence-without-rule": case(
        NEW_ITEM + "    cadence: rrule\n",
        5,
        "`cadence: rrule` needs an `rrule:` key.",
    ),
    "start-not-a-date": case(
        NEW_ITEM + '    rrule: "FREQ=WEEKLY"\n    start: next monday\n',
        6,
        "`start:` must be a date, not 'next monday'.",
    ),
    "enabled-not-a-bool": case(
        NEW_ITEM + "    cadence: weekly\n    enabled: sometimes\n",
        6,
        "`enabled:` must be true or false, not 'sometimes'.",
    ),
    "title-not-a-mapping": case(
        "items:\n  - id: weekly-sync\n    title: Weekly sync\n",
        3,
        "`title:` must be a mapping with en and ar texts, not the value 'Weekly sync'.",
        'title: {en: "Team meeting", ar: "اجتماعات الفريق"}',
    ),
    "title-in-an-unknown-language": case(
        "items:\n  - id: weekly-sync\n    title: {en: Sync, fr: Réunion}\n",
        3,
        "unknown key 'fr'.",
        "Keys: en, ar.",
    ),
    "title-not-text": case(
        "items:\n  - id: weekly-sync\n    title:\n      en: [a, b]\n",
        4,
        "`title.en` must be text.",
    ),
    "tags-not-a-list": case(
        NEW_ITEM + "    cadence: weekly\n    tags: team\n",
        6,
        "`tags:` must be a list of words.",
        "tags: [team, report]",
    ),
    "id-not-a-slug": case(
        "items:\n  - id: Weekly Sync\n",
        2,
        ", item #1: the id 'Weekly Sync' is not a lowercase slug.",
        "such as 'weekly-sync'",
    ),
    "empty-file": case(
        "# nothing here yet\n",
        1,
        ": the file is empty.",
        "a mapping with an `areas:` list and/or an `items:` list",
    ),
    "not-utf8": case(
        b"items:\n  - id: weekly-sync\n    title: {en: Caf\xe9}\n",
        3,
        ": the file is not UTF-8 text.",
        "Save it as UTF-8",
    ),
    "list-where-the-file-mapping-belongs": case(
        "- id: weekly-sync\n  title: {en: A}\n",
        1,
        ": the file holds a list, but a checklist file is a mapping.",
    ),
    "list-where-an-item-mapping-belongs": case(
        "items:\n  - [weekly-sync, weekly]\n",
        2,
        ", item #1: each item must be a mapping of keys, but this is a list.",
    ),
    "mapping-where-the-items-list-belongs": case(
        "items:\n  id: weekly-sync\n",
        2,
        ": `items:` holds a mapping, but it should be a list.",
    ),
    "unknown-top-level-key": case(
        "item:\n  - id: weekly-sync\n",
        1,
        ": unknown key 'item'.",
        "Did you mean 'items'? Keys: areas, items, playbooks.",
    ),
    "area-without-title": case(
        "areas:\n  - id: escalations\n",
        2,
        ", area 'escalations': it has no `title:`.",
    ),
}


@pytest.fixture
def user_dir(config_dir: Path) -> Path:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    return folder


def _assert_refused(result: object, path: Path, case: Case) -> None:
    exit_code = result.exit_code  # type: ignore[attr-defined]
    stdout = result.stdout  # type: ignore[attr-defined]
    stderr = result.stderr  # type: ignore[attr-defined]
    assert exit_code == 2, (stdout, stderr)
    assert stdout == ""
    assert "Traceback" not in stderr
    first, *rest = stderr.splitlines()
    assert first.startswith(f"Error: {path}, line {case.line}"), first
    assert case.message in first
    assert len(rest) == 1
    assert rest[0].startswith("Hint: ")
    assert case.hint in rest[0]


@pytest.mark.parametrize("name", CASES)
def test_list_refuses_a_broken_user_file(name: str, user_dir: Path) -> None:
    path = user_dir / f"{name}.yaml"
    path.write_bytes(CASES[name].content)
    _assert_refused(run("list"), path, CASES[name])


@pytest.mark.parametrize("name", CASES)
def test_validate_path_refuses_a_broken_file(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(CASES[name].content)
    _assert_refused(run("checklist", "validate", str(path)), path, CASES[name])


@pytest.mark.parametrize("name", CASES)
def test_the_core_raises_and_never_half_loads(name: str, user_dir: Path) -> None:
    good = NEW_ITEM.replace("weekly-sync", "other-sync") + "    cadence: weekly\n"
    (user_dir / "a-good.yaml").write_text(good, encoding="utf-8")
    (user_dir / f"{name}.yaml").write_bytes(CASES[name].content)
    with pytest.raises(ChecklistError) as caught:
        load_catalog(user_dir)
    assert caught.value.exit_code == 2


def test_exact_error_for_a_misspelt_key(user_dir: Path) -> None:
    path = user_dir / "weekly.yaml"
    path.write_text("items:\n  - id: team-meeting\n    dew: thu\n", encoding="utf-8")
    result = run("list")
    assert result.stderr == (
        f"Error: {path}, line 3, item 'team-meeting': unknown key 'dew'.\n"
        "Hint: Did you mean 'due'? Keys: id, title, details, area, cadence, due, rrule, "
        "start, since, tags, enabled, measures, assign, rotate.\n"
    )


def test_two_user_files_defining_the_same_new_id_name_each_other(user_dir: Path) -> None:
    first = user_dir / "a.yaml"
    second = user_dir / "b.yaml"
    first.write_text(NEW_ITEM + "    cadence: weekly\n", encoding="utf-8")
    second.write_text("# mine too\n" + NEW_ITEM + "    cadence: monthly\n", encoding="utf-8")
    result = run("list")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"Error: {second}, line 3, item 'weekly-sync': the id is already used in {first}, line 2."
    )


def test_validate_reports_every_broken_file_and_accepts_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(NEW_ITEM + "    cadence: weekly\n", encoding="utf-8")
    bad_day = tmp_path / "day.yaml"
    bad_day.write_bytes(CASES["monthly-day-32"].content.replace(b"weekly-sync", b"monthly-x"))
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    result = run("checklist", "validate", str(good), str(bad_day), str(empty))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: {bad_day}, line 6, item 'monthly-x': day 32 does not exist; a monthly due day "
        "is 1 to 31, or -1 to -31 counted from the month's end.",
        f"Error: {empty}, line 1: the file is empty.",
        "Error: 2 problems found in 2 files.",
    ]
    assert [str(e.path) for e in check_files([good, bad_day, empty])] == [  # type: ignore[attr-defined]
        str(bad_day),
        str(empty),
    ]


def test_validate_an_unreadable_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = run("checklist", "validate", str(missing))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {missing}: cannot read the file")


def test_a_file_where_the_checklists_folder_belongs(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "checklists").write_text("oops", encoding="utf-8")
    result = run("list")
    assert result.exit_code == 2
    assert "should be a folder of checklist files" in result.stderr
