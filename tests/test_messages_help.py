"""Every help text csm shows is in the catalog with its Arabic: the help of
each command and option, the summaries of `csm --help`, what each setting
means. `--help` finds the Arabic by the English click hands it, so the English
must be exactly what typer shows, and every entry must still be shown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from csm_checklist.cli.app import SUMMARIES, app, build_app
from csm_checklist.cli.commands.events import LOG_LIMIT
from csm_checklist.duties.config import SETTINGS
from csm_checklist.messages import Msg
from csm_checklist.messages.help import MESSAGES

from clihelp import run

ARABIC = {english: arabic for english, arabic in MESSAGES.values()}


def _helps(command: Any, path: str) -> Iterator[tuple[str, str | None]]:
    """(where, help) for a command, each of its parameters, and every subcommand."""
    yield path, command.help
    ctx = command.context_class(command, info_name=path)
    for param in command.get_params(ctx):
        yield f"{path} {param.name}", getattr(param, "help", None)
    if hasattr(command, "list_commands"):  # a group (typer may vendor click)
        for name in command.list_commands(ctx):
            yield from _helps(command.get_command(ctx, name), f"{path} {name}")


SHOWN = list(_helps(typer.main.get_command(build_app()), "csm"))


def test_the_walk_reaches_every_command() -> None:
    where = {path for path, _ in SHOWN}
    assert {"csm today", "csm off holidays", "csm run close", "csm config set key"} <= where
    assert len(SHOWN) > 150


@pytest.mark.parametrize(("where", "text"), SHOWN, ids=[where for where, _ in SHOWN])
def test_every_help_is_a_catalog_entry_with_arabic(where: str, text: str | None) -> None:
    assert text and text.strip(), f"{where} has no help"
    assert text in ARABIC, f"the help of {where} is not in messages/help.py: {text!r}"
    assert ARABIC[text].strip()


def test_the_summaries_and_setting_meanings_are_entries() -> None:
    for text in [*SUMMARIES.values(), *(s.description for s in SETTINGS.values())]:
        assert isinstance(text, Msg) and text.id.startswith("help.")
        assert ARABIC[text].strip()


def test_no_entry_is_dead() -> None:
    used = {text for _, text in SHOWN}
    used |= {*SUMMARIES.values(), *(s.description for s in SETTINGS.values())}
    assert [key for key, (english, _) in MESSAGES.items() if english not in used] == []


def test_help_is_found_by_its_english_alone() -> None:
    # No two entries share an English text, and none takes a parameter:
    # click hands the formatter the finished text, nothing else.
    assert len(ARABIC) == len(MESSAGES)
    for key, (english, arabic) in MESSAGES.items():
        assert key.startswith("help.")
        assert "{" not in english and "{" not in arabic, key


def test_the_log_limit_the_help_names_is_the_real_one() -> None:
    assert f"(default {LOG_LIMIT}; 0: all)" in MESSAGES["help.log.limit"][0]
    assert f"latest {LOG_LIMIT} unless" in MESSAGES["help.log"][0]


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_the_arabic_keeps_options_and_examples_latin(key: str) -> None:
    english, arabic = MESSAGES[key]
    for option in re.findall(r"--[a-z][a-z-]*", english):
        assert option in arabic, f"{key}: {option} is not in the Arabic"
    for example in re.findall(r"^Example: (.+)$", english, re.M):
        assert f"مثال: {example}" in arabic.splitlines(), f"{key}: example {example!r}"


def test_the_help_shown_in_english_is_unchanged() -> None:
    out = run("today", "--help")
    assert out.exit_code == 0
    text = " ".join(out.stdout.split())
    assert "What needs doing today: daily items, anything due or overdue" in text
    assert "Only items with this tag, e.g. --tag team." in text
    assert "Example: csm today --tag team" in text


def _zsh_candidates(line: str) -> str:
    result = CliRunner().invoke(
        app,
        [],
        prog_name="csm",
        env={"_CSM_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": f"csm {line}"},
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_completion_says_what_a_setting_means_in_the_readers_language() -> None:
    # zsh shows each candidate's help; a colon in it is escaped for zsh.
    assert '"lang":"Language of titles and reports\\\\: en or ar."' in _zsh_candidates(
        "config set l"
    )
    assert run("config", "set", "lang", "ar").exit_code == 0
    assert '"lang":"لغة العناوين والتقارير\\\\: en أو ar."' in _zsh_candidates("config set l")
    assert (
        '"hijri":"اعرض التاريخ الهجري (أم القرى) بجانب الميلادي في العناوين\\\\: true أو false."'
        in (_zsh_candidates("config set h"))
    )


def test_a_config_csm_cannot_read_gives_the_meanings_in_english(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("lang: [ar\n", encoding="utf-8")
    assert '"user":"Name recorded with each event; empty' in _zsh_candidates("config set u")
