"""Stored text (titles, notes, reasons, names) is shown with control
characters made visible, in every view: plain, terminal, Markdown, JSON, and
error messages. Nothing stored can clear a screen or write a clipboard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from csm_checklist.cli.views.safe import json_text, visible

from clihelp import run, track_from
from faults import refused

CLEAR = "\x1b[2J\x1b[H"
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"
HIDDEN = "all fine\rFAKE LINE"
C1 = "\x9b31mred"
RLO = "\u202egnp.exe"
NASTY = CLEAR + CLIPBOARD + HIDDEN + C1 + RLO
RAW = ("\x1b", "\r", "\x07", "\x9b", "\u202e")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("a\rb", "a\\rb"),
        ("bell\x07", "bell\\x07"),
        ("\x00nul", "\\x00nul"),
        ("del\x7f", "del\\x7f"),
        ("\x9b31m", "\\x9b31m"),
        ("\x85next line", "\\x85next line"),
        ("\u202eevil", "\\u202eevil"),
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
        ("مراقبة الحسابات", "مراقبة الحسابات"),
        ("two\nlines\tand a tab", "two\nlines\tand a tab"),
        ("emoji 👍🏽 ok", "emoji 👍🏽 ok"),
    ],
)
def test_visible(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_json_keeps_the_value_and_shows_no_control_character() -> None:
    document = {"note": NASTY}
    text = json_text(document)
    assert not any(char in text for char in RAW)
    assert json.loads(text) == document


@pytest.fixture
def hostile(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    # YAML's "\e" is ESC: a checklist title that would clear the screen.
    (folder / "evil.yaml").write_text(
        'items:\n  - id: monitor-accounts\n    title: {en: "Monitor\\e[2J\\rX"}\n',
        encoding="utf-8",
    )
    (config_dir / "config.yaml").write_text('user: "Mona\\e]0;owned\\a"\n', encoding="utf-8")
    track_from()
    assert run("done", "monitor-accounts", "--on", "2026-11-02", "--note", NASTY).exit_code == 0
    assert run("skip", "team-meeting", "--on", "2026-11-02", "--reason", CLEAR).exit_code == 0


VIEWS = {
    "log": ["log"],
    "today": ["today", "--on", "2026-11-02", "--all"],
    "due": ["due", "--on", "2026-11-02", "--period", "week"],
    "list": ["list"],
    "report text": ["report", "--on", "2026-11-02", "--period", "week"],
    "report md": ["report", "--on", "2026-11-02", "--period", "week", "--format", "md"],
    "report json": ["report", "--on", "2026-11-02", "--period", "week", "--format", "json"],
    "today json": ["today", "--on", "2026-11-02", "--json"],
    "log json": ["log", "--json"],
    "undo": ["undo", "monitor-accounts", "--on", "2026-11-02"],
}


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("terminal", [False, True])
def test_views_show_control_characters(
    view: str, terminal: bool, hostile: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if terminal:
        monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    result = run(*VIEWS[view])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    # A terminal view may style text with its own SGR codes, never with ours.
    for raw in (CLEAR, "\x1b]", "\r", "\x07", "\x9b", "\u202e"):
        assert raw not in out, (raw, out)
    assert "\\x1b" in out or "\\u001b" in out


def test_a_report_file_holds_no_control_characters(hostile: None, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    args = ["report", "--on", "2026-11-02", "--period", "week", "--format", "md"]
    assert run(*args, "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\\x1b\\[2J" in text  # [ escaped: no link


def test_error_messages_show_what_was_typed_harmlessly() -> None:
    result = run("done", "\x1b[2Jnothing-like-this")
    refused(result, 1, "\\x1b[2Jnothing-like-this")
    assert "\x1b" not in result.stderr


def test_the_log_keeps_the_text_exactly(hostile: None) -> None:
    events = json.loads(run("log", "--json").stdout)["events"]
    (record,) = [r for r in events if r["kind"] == "done"]
    assert record["note"] == NASTY  # shown safely, stored and exported unchanged
    exported = run("export", "--format", "jsonl").stdout
    assert NASTY in [json.loads(line)["note"] for line in exported.splitlines()]
