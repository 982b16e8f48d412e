"""The README is the user's manual: these tests fail when it and csm disagree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from csm_checklist.cli.app import app
from csm_checklist.duties.config import settings_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands() -> list[tuple[str, object]]:
    group = typer.main.get_command(app)
    found = []

    def walk(prefix: str, command: object) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(f"{prefix} {name}".strip(), sub)
        else:
            found.append((prefix, command))

    walk("", group)
    return found


COMMANDS = _commands()


def test_every_spec_command_exists() -> None:
    names = {name for name, _ in COMMANDS}
    expected = {
        "today",
        "due",
        "done",
        "skip",
        "undo",
        "log",
        "export",
        "import",
        "report",
        "list",
        "checklist validate",
        "checklist init",
        "config show",
        "config set",
        "config path",
    }
    assert expected <= names, expected - names


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help_with_an_example(name: str, command: object) -> None:
    help_text = getattr(command, "help", "") or ""
    assert help_text.strip(), f"csm {name} has no help"
    assert f"Example: csm {name}" in help_text, f"csm {name}'s help gives no example"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_is_in_the_readme(name: str, command: object) -> None:
    assert re.search(rf"`csm {re.escape(name)}\b", README.read_text(encoding="utf-8")), (
        f"README does not document csm {name}"
    )


def test_readme_settings_table_is_made_from_the_settings() -> None:
    assert settings_markdown() in README.read_text(encoding="utf-8")


def test_readme_gives_the_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "pip install . && csm today" in text
    assert 'pip install ".[test]" && pytest' in text


def test_the_readme_checklist_example_is_valid(config_dir: Path) -> None:
    from clihelp import run

    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Checklist files") :]
    example = section[
        section.index("```yaml\n") + 8 : section.index("```\n", section.index("```yaml"))
    ]
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(example, encoding="utf-8")
    result = run("checklist", "validate")
    assert result.exit_code == 0, result.stderr
    listed = run("list", "--json", "--all").stdout
    assert '"weekly-escalations"' in listed and '"twice-weekly-sweep"' in listed
