"""`csm checklist validate` and `csm checklist init`."""

from __future__ import annotations

import json
from pathlib import Path

from csm_checklist.duties.catalog import builtin_dir

from clihelp import run

BUILTIN_ITEMS = 19
BUILTIN_FILES = 7  # six cadence and area files, and playbooks.yaml


def test_validate_the_builtins() -> None:
    result = run("checklist", "validate")
    assert result.exit_code == 0
    assert result.stdout == f"OK: {BUILTIN_ITEMS} items in 8 areas from {BUILTIN_FILES} files\n"
    assert result.stderr == ""


def test_validate_counts_user_files_and_disabled_items(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "off.yaml").write_text(
        "items:\n  - {id: team-meeting, enabled: false}\n", encoding="utf-8"
    )
    result = run("checklist", "validate")
    assert result.stdout == f"OK: {BUILTIN_ITEMS} items (1 disabled) in 8 areas from 8 files\n"


def test_validate_given_files(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "items:\n"
        "  - id: weekly-sync\n"
        "    title: {en: Weekly sync, ar: اجتماع أسبوعي}\n"
        "    area: team-management\n"
        "    cadence: weekly\n",
        encoding="utf-8",
    )
    result = run("checklist", "validate", str(path))
    assert result.exit_code == 0
    assert result.stdout == f"OK: {path}\n"


def test_validate_the_builtin_files_themselves() -> None:
    paths = [str(p) for p in sorted(builtin_dir().glob("*.yaml"))]
    result = run("checklist", "validate", *paths)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("OK: ") == BUILTIN_FILES


def test_validate_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("items:\n  - {id: team-meeting, due: fri}\n", "utf-8")
    result = run("checklist", "validate", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout == f"OK: {tmp_path}\n"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_init_copies_the_builtins_and_the_list_is_unchanged(config_dir: Path) -> None:
    before = json.loads(run("list", "--json").stdout)
    result = run("checklist", "init")
    assert result.exit_code == 0, result.stderr
    folder = config_dir / "checklists"
    assert result.stdout.splitlines()[0] == f"Wrote {BUILTIN_FILES} files to {folder}:"
    copies = _snapshot(folder)
    assert sorted(copies) == sorted(p.name for p in builtin_dir().glob("*.yaml"))
    weekly = copies["weekly.yaml"].decode("utf-8")
    assert weekly.startswith("# Your copy of csm's built-in checklist file weekly.yaml")
    assert "overrides it" in weekly
    assert (builtin_dir() / "weekly.yaml").read_text(encoding="utf-8") in weekly
    # The copies override the built-ins id for id: no duplicates, same list.
    after = json.loads(run("list", "--json").stdout)
    assert len(after["items"]) == BUILTIN_ITEMS
    assert after == before
    assert run("checklist", "validate").stdout == (
        f"OK: {BUILTIN_ITEMS} items in 8 areas from {2 * BUILTIN_FILES} files\n"
    )


def test_editing_a_copy_changes_the_item(config_dir: Path) -> None:
    run("checklist", "init")
    weekly = config_dir / "checklists" / "weekly.yaml"
    weekly.write_text(
        weekly.read_text(encoding="utf-8").replace("due: thu", "due: tue"), encoding="utf-8"
    )
    items = {i["id"]: i for i in json.loads(run("list", "--json").stdout)["items"]}
    assert items["team-meeting"]["due"] == "tue"


def test_init_twice_refuses_and_writes_nothing(config_dir: Path) -> None:
    run("checklist", "init")
    folder = config_dir / "checklists"
    (folder / "weekly.yaml").write_text("items: []\n", encoding="utf-8")  # a manager's edit
    before = _snapshot(folder)
    result = run("checklist", "init")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {folder / 'areas.yaml'} already exists (and {BUILTIN_FILES - 1} more); "
        "nothing was written.\n"
        "Hint: Edit the existing files, or run `csm checklist init --force` to replace them "
        "with fresh copies of the built-ins.\n"
    )
    assert _snapshot(folder) == before


def test_init_refuses_when_only_one_file_exists(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "daily.yaml").write_text("items: []\n", encoding="utf-8")
    result = run("checklist", "init")
    assert result.exit_code == 1
    assert f"{folder / 'daily.yaml'} already exists; nothing was written." in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["daily.yaml"]


def test_init_force_rewrites(config_dir: Path) -> None:
    run("checklist", "init")
    weekly = config_dir / "checklists" / "weekly.yaml"
    weekly.write_text("items: []\n", encoding="utf-8")
    result = run("checklist", "init", "--force")
    assert result.exit_code == 0
    assert weekly.read_text(encoding="utf-8").startswith("# Your copy of csm's built-in")
    assert len(json.loads(run("list", "--json").stdout)["items"]) == BUILTIN_ITEMS


def test_checklist_alone_shows_help() -> None:
    result = run("checklist")
    assert "validate" in result.stdout + result.stderr
    assert "init" in result.stdout + result.stderr


def test_init_when_a_file_blocks_the_folder(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "checklists").write_text("oops", encoding="utf-8")
    result = run("checklist", "init")
    assert result.exit_code == 1
    assert "is a file, not a folder; nothing was written." in result.stderr
    assert (config_dir / "checklists").read_text(encoding="utf-8") == "oops"
