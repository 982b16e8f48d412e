"""What the shell completes, and the help that points at the right spelling:
through typer's own completion machinery, as a shell would ask."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from csm_checklist.cli.app import SUMMARIES, app
from csm_checklist.duties.config import SETTINGS

from clihelp import run


def complete(line: str) -> list[str]:
    """The candidates bash gets for the last word of `line` (after `csm `);
    a space after a backslash is inside a word, as bash splits it."""
    words = ["csm", *re.split(r"(?<!\\) ", line)]
    result = CliRunner().invoke(
        app,
        [],
        prog_name="csm",
        env={
            "_CSM_COMPLETE": "complete_bash",
            "COMP_WORDS": " ".join(words),
            "COMP_CWORD": str(len(words) - 1),
        },
    )
    assert result.exit_code == 0, result.output
    return [line for line in result.stdout.splitlines() if line]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("done mon", ["monitor-accounts", "monthly-report", "monthly-feedback"]),
        ("skip team-m", ["team-meeting"]),
        ("undo policy", ["policy-review"]),
        ("show annual-b", ["annual-budget"]),
        # Whole titles complete too, as one argument: bash inserts the
        # candidate as it is, so its spaces come escaped.
        ("done Team", ["Team\\ meeting", "Team\\ training"]),
        ("done Team\\ m", ["Team\\ meeting"]),
        ("done اجتماعات", ["اجتماعات\\ الفريق"]),
        ("log --item resolve", ["resolve-issues"]),
        ("due --period q", ["quarter"]),
        ("report --period ", ["week", "month", "quarter", "year"]),
        ("report --format ", ["text", "md", "json", "html", "pdf"]),
        ("list --cadence week", ["weekly"]),
        ("done --cadence d", ["daily"]),
        ("config set week", ["week_start"]),
        ("config set lang ", ["en", "ar"]),
        ("config set week_start s", ["saturday", "sunday"]),
        ("config set timezone Asia/Riy", ["Asia/Riyadh"]),
        ("config set region S", ["SA"]),
        ("export --format j", ["json", "jsonl"]),
    ],
)
def test_completion(line: str, expected: list[str]) -> None:
    assert complete(line) == expected


def test_completion_survives_a_broken_checklist(config_dir) -> None:  # type: ignore[no-untyped-def]
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("items: [", encoding="utf-8")
    assert complete("done mon") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("report", "--json"),
            "No such option: --json. Use --format json instead, e.g. csm report --format json.",
        ),
        (
            ("export", "--csv"),
            "No such option: --csv. Use --format csv instead, e.g. csm export --format csv.",
        ),
        (
            ("skip", "team-meeting", "--note", "x"),
            "No such option: --note. Use --reason TEXT instead, e.g. csm skip --reason TEXT.",
        ),
        (
            ("today", "--date", "2026-11-02"),
            "No such option: --date. Use --on DATE instead, e.g. csm today --on DATE.",
        ),
    ],
)
def test_common_slips_point_at_the_right_option(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {message}"


def test_the_command_list_gives_every_summary_whole() -> None:
    out = run("--help").stdout
    listed = out[out.index("Commands:") :]
    assert "..." not in listed
    names = [line.split()[0] for line in listed.splitlines()[1:] if line.strip()]
    assert sorted(names) == sorted(SUMMARIES)
    for name in names:
        assert f"  {name:<10} {SUMMARIES[name]}" in listed


def test_config_set_help_names_every_setting() -> None:
    text = " ".join(run("config", "set", "--help").stdout.split())
    for name in SETTINGS:
        assert name in text
