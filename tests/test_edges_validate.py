"""`csm checklist validate` reports every problem of a file, and checks a
file as it would load: on top of the built-ins and the user's own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from csm_checklist.duties.checklists import ChecklistFileError, check_files, load_catalog

from clihelp import run

# The file: a bad due rule on line 6 and an unknown key on line 7.
TWO_MISTAKES = """\
items:
  - id: weekly-sync
    title: {en: Weekly sync, ar: اجتماع أسبوعي}
    area: team-management
    cadence: weekly
    due: friday2
    remind: yes
"""

FOUR_ITEMS = """\
items:
  - id: Bad Id
    title: {en: A}
  - id: sync-a
    title: {en: A}
    area: team-management
    cadence: monthly
    due: 32
  - id: sync-b
    title: {en: B}
    area: team-management
    cadence: weekly
    colour: red
  - id: sync-c
    title: {en: C}
    area: team-managment
    cadence: weekly
  - id: sync-d
    title: {en: D}
    area: team-management
    cadence: weekly
"""

MINE = """\
items:
  - id: weekly-sync
    title: {en: Weekly sync, ar: اجتماع أسبوعي}
    area: team-management
    cadence: weekly
"""

OVERRIDE_MINE = """\
items:
  - id: weekly-sync
    due: tue
"""


@pytest.fixture
def user_dir(config_dir: Path) -> Path:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    return folder


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error: ")]


def test_validate_reports_both_mistakes_of_one_item(tmp_path: Path) -> None:
    path = tmp_path / "sync.yaml"
    path.write_text(TWO_MISTAKES, encoding="utf-8")
    result = run("checklist", "validate", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert _errors(result.stderr) == [
        f"Error: {path}, line 6, item 'weekly-sync': 'friday2' is not a weekday.",
        f"Error: {path}, line 7, item 'weekly-sync': unknown key 'remind'.",
        "Error: 2 problems found in 1 file.",
    ]
    assert result.stderr.splitlines()[-2:] == [
        "Error: 2 problems found in 1 file.",
        "Hint: Fix each one above, then run csm checklist validate again.",
    ]


def test_validate_reports_a_problem_of_every_item(tmp_path: Path) -> None:
    path = tmp_path / "four.yaml"
    path.write_text(FOUR_ITEMS, encoding="utf-8")
    problems = check_files([path])
    assert [(p.line, p.message.split(": ", 1)[1]) for p in problems] == [  # type: ignore[attr-defined]
        (2, "the id 'Bad Id' is not a lowercase slug."),
        (
            8,
            "day 32 does not exist; a monthly due day is 1 to 31, or -1 to -31 counted "
            "from the month's end.",
        ),
        (13, "unknown key 'colour'."),
        (16, "unknown area 'team-managment'."),
    ]
    result = run("checklist", "validate", str(path))
    assert len(_errors(result.stderr)) == 4 + 1
    assert result.stderr.splitlines()[-2] == "Error: 4 problems found in 1 file."


def test_loading_stops_at_the_first_problem_and_carries_all(user_dir: Path) -> None:
    (user_dir / "four.yaml").write_text(FOUR_ITEMS, encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        load_catalog(user_dir)
    assert caught.value.line == 2
    assert [p.line for p in caught.value.problems] == [2, 8, 13, 16]
    result = run("list")
    assert result.exit_code == 2
    assert len(_errors(result.stderr)) == 1  # a command says what stops it


def test_validate_with_no_path_reports_every_problem_of_every_file(user_dir: Path) -> None:
    (user_dir / "a.yaml").write_text(TWO_MISTAKES, encoding="utf-8")
    (user_dir / "b.yaml").write_text(FOUR_ITEMS, encoding="utf-8")
    result = run("checklist", "validate")
    assert result.exit_code == 2
    errors = _errors(result.stderr)
    assert len(errors) == 6 + 1
    assert errors[0].startswith(f"Error: {user_dir / 'a.yaml'}, line 6")
    assert errors[-2].startswith(f"Error: {user_dir / 'b.yaml'}, line 16")
    assert errors[-1] == "Error: 6 problems found in 2 files."


def test_validate_path_sees_the_users_own_items(user_dir: Path, tmp_path: Path) -> None:
    (user_dir / "mine.yaml").write_text(MINE, encoding="utf-8")
    path = tmp_path / "tuesdays.yaml"
    path.write_text(OVERRIDE_MINE, encoding="utf-8")
    result = run("checklist", "validate", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"OK: {path}\n"


def test_a_user_file_overrides_an_earlier_users_item(user_dir: Path) -> None:
    (user_dir / "mine.yaml").write_text(MINE, encoding="utf-8")
    (user_dir / "tuesdays.yaml").write_text(OVERRIDE_MINE, encoding="utf-8")
    assert run("checklist", "validate").exit_code == 0
    listed = run("list", "--cadence", "weekly").stdout
    assert "weekly-sync" in listed and "every Tuesday" in listed


def test_a_second_full_definition_is_still_a_clash(user_dir: Path, tmp_path: Path) -> None:
    (user_dir / "mine.yaml").write_text(MINE, encoding="utf-8")
    path = tmp_path / "again.yaml"
    path.write_text(MINE, encoding="utf-8")
    result = run("checklist", "validate", str(path))
    assert result.exit_code == 2
    assert _errors(result.stderr) == [
        f"Error: {path}, line 2, item 'weekly-sync': the id is already used in "
        f"{user_dir / 'mine.yaml'}, line 2."
    ]


def test_an_edited_copy_of_a_users_file_stands_in_its_place(user_dir: Path, tmp_path: Path) -> None:
    (user_dir / "mine.yaml").write_text(MINE, encoding="utf-8")
    copy = tmp_path / "mine.yaml"
    copy.write_text(MINE.replace("cadence: weekly", "cadence: monthly"), encoding="utf-8")
    result = run("checklist", "validate", str(copy))
    assert result.exit_code == 0, result.stderr
    assert run("checklist", "validate", str(user_dir / "mine.yaml")).exit_code == 0
