"""`csm config set | show`: settings are checked before anything is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clihelp import run


def test_set_then_show(config_dir: Path) -> None:
    result = run("config", "set", "workdays", "Sun-Thu")
    assert result.exit_code == 0
    assert result.stdout == f"workdays = sun-thu  ({config_dir / 'config.yaml'})\n"
    run("config", "set", "week_start", "sun")
    run("config", "set", "fiscal_year_start", "jul")
    shown = run("config", "show")
    assert shown.exit_code == 0
    lines = dict(line.split(None, 1) for line in shown.stdout.splitlines())
    assert lines["workdays"] == "sun-thu"
    assert lines["week_start"] == "sunday"
    assert lines["fiscal_year_start"] == "7"
    assert lines["lang"] == "en"
    doc = json.loads(run("config", "show", "--json").stdout)
    assert doc["workdays"] == "sun-thu"


def test_show_with_no_config_file_gives_defaults() -> None:
    doc = json.loads(run("config", "show", "--json").stdout)
    assert doc["lang"] == "en"
    assert doc["workdays"] == "mon-fri"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("lang", "fr", "Error: Cannot set lang: 'fr' is not a language csm speaks; use en or ar."),
        ("workdays", "mon-funday", "Error: Cannot set workdays:"),
        ("fiscal_year_start", "13", "Error: Cannot set fiscal_year_start: month 13 does not exist"),
        ("timezone", "Mars/Olympus", "Error: Cannot set timezone:"),
        ("week_start", "someday", "Error: Cannot set week_start:"),
    ],
)
def test_an_invalid_value_is_refused_and_the_file_is_untouched(
    config_dir: Path, key: str, value: str, message: str
) -> None:
    run("config", "set", "user", "Mona")  # a file to keep; errors stay English
    config_file = config_dir / "config.yaml"
    before = config_file.read_bytes()
    result = run("config", "set", key, value)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert "\nHint: " in result.stderr
    assert "Traceback" not in result.stderr
    assert config_file.read_bytes() == before


def test_an_invalid_value_does_not_create_the_file(config_dir: Path) -> None:
    result = run("config", "set", "lang", "fr")
    assert result.exit_code == 2
    assert not (config_dir / "config.yaml").exists()


def test_an_unknown_key_suggests_the_right_one(config_dir: Path) -> None:
    result = run("config", "set", "workday", "sun-thu")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Error: There is no setting called 'workday'.",
        "Hint: Did you mean workdays? Settings: lang, week_start, workdays, "
        "fiscal_year_start, timezone, user, region, hijri, store, people.",
    ]
    assert not (config_dir / "config.yaml").exists()


def test_the_language_setting_reaches_the_list() -> None:
    run("config", "set", "lang", "ar")
    assert "مراقبة الحسابات" in run("list").stdout
    run("config", "set", "lang", "en")
    assert "Monitor the accounts" in run("list").stdout


def test_show_json_gives_flags_and_numbers_their_json_types() -> None:
    assert run("config", "set", "hijri", "yes").exit_code == 0
    assert run("config", "set", "fiscal_year_start", "7").exit_code == 0
    text = run("config", "show", "--json").stdout
    assert '"hijri": true' in text and '"fiscal_year_start": 7' in text
    doc = json.loads(text)
    assert doc["hijri"] is True and doc["fiscal_year_start"] == 7
    assert run("config", "set", "hijri", "off").exit_code == 0
    assert json.loads(run("config", "show", "--json").stdout)["hijri"] is False
    # Text settings stay text; the plain view is unchanged.
    assert doc["lang"] == "en" and doc["region"] == ""
    plain = dict(line.split(None, 1) for line in run("config", "show").stdout.splitlines())
    assert plain["hijri"] == "false"
