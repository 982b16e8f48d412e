"""Text that leaves csm for a shell, a terminal or another program is made
safe for where it goes: completion offers nothing a shell would run, views
escape bidi marks and keep a note on its row, exports keep data exact while
escaping controls in Markdown, iCalendar and CSV shown on a terminal."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csm_checklist.cli.app import app
from csm_checklist.exchange.escapes import json_exact, md_cell, shown

from clihelp import run, track_from

MARKS = "\u200f\u200e\u061c\u2028\u2029\x85"
HOSTILE_TITLES = {
    "zz-run": "Zz$(touch PWNED)",
    "zz-tick": "Zz`touch PWNED`",
    "zz-esc": "Zz\x1b]52;c;aGk=\x07",
    "zz-rlo": "Zz\u202egnp.exe",
    "zz-quote": "Zz'; touch PWNED; '",
}


@pytest.fixture
def hostile_titles(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    lines = ["items:"]
    for ident, title in HOSTILE_TITLES.items():
        lines += [f"  - id: {ident}", f"    title: {{en: {json.dumps(title)}}}"]
        lines += ["    cadence: daily", "    area: account-monitoring"]
    (folder / "zz.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("checklist", "validate").exit_code == 0


def _complete(shell: str, line: str) -> str:
    words = ["csm", *line.split(" ")]
    env = {"_CSM_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        env.update({"COMP_WORDS": " ".join(words), "COMP_CWORD": str(len(words) - 1)})
    else:
        env["_TYPER_COMPLETE_ARGS"] = " ".join(words)
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    result = CliRunner().invoke(app, [], prog_name="csm", env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_offers_no_title_a_shell_could_run(shell: str, hostile_titles: None) -> None:
    out = _complete(shell, "done Zz")
    for bad in ("$(", "`", "\x1b", "\x07", "\u202e", "touch"):
        assert bad not in out, (bad, out)
    ids = _complete(shell, "done zz-")
    for ident in HOSTILE_TITLES:
        assert ident in ids  # the items still complete by id
    assert "\x1b" not in ids and "\u202e" not in ids and "$(" not in ids


def test_completion_still_offers_plain_titles_in_both_languages() -> None:
    # bash inserts a title as one word, its space escaped (`done Team\\ meeting`).
    assert "Team\\ meeting" in _complete("bash", "done Team")
    assert "اجتماعات\\ الفريق" in _complete("bash", "done اجتماعات")


def test_a_notes_line_breaks_never_forge_a_row_in_today(config_dir: Path) -> None:
    track_from("2026-11-01")
    note = "calm\n  [ ]  forged-item    Forged row\u2028second\x85third\rfourth"
    assert run("done", "monitor-accounts", "--on", "2026-11-02", "--note", note).exit_code == 0
    out = run("today", "--on", "2026-11-02", "--all").stdout
    rows = [line for line in out.splitlines() if "forged-item" in line]
    assert len(rows) == 1 and "monitor-accounts" in rows[0], out
    assert not any(mark in out for mark in ("\u2028", "\x85", "\r"))


def test_run_show_keeps_a_name_and_a_note_on_their_rows(config_dir: Path) -> None:
    track_from("2026-11-01")
    name = "flood\n1.  fake-step   Forged step   done"
    started = run("run", "start", "crisis", "--name", name)
    assert started.exit_code == 0, started.stderr
    run_id = started.stdout.split()[1].rstrip(":")
    assert run("run", "close", run_id, "--force", "--note", "over\nX  forged").exit_code == 0
    out = run("run", "show", run_id).stdout
    assert not [line for line in out.splitlines() if line.lstrip().startswith(("1.  fake", "X"))]


@pytest.mark.parametrize("command", [["log"], ["today", "--on", "2026-11-02", "--all"]])
def test_bidi_marks_and_separators_are_shown_escaped(command: list[str], config_dir: Path) -> None:
    track_from("2026-11-01")
    assert (
        run("done", "monitor-accounts", "--on", "2026-11-02", "--note", f"a{MARKS}b").exit_code == 0
    )
    out = run(*command).stdout
    assert not any(mark in out for mark in MARKS), repr(out)
    assert "\\u200f" in out


# Exports -------------------------------------------------------------------------

NASTY = "x|y](javascript:alert(1))<script>z</script>\x1b[2J\u202e\x9b\r\nnext"


def test_markdown_cells_escape_pipes_links_html_and_controls() -> None:
    cell = md_cell(NASTY)
    assert "|" not in cell.replace("\\|", "")
    assert re.search(r"(?<!\\)\]\(", cell) is None and "<script>" not in cell
    assert not any(c in cell for c in ("\x1b", "\u202e", "\x9b", "\r", "\n"))
    assert cell.endswith("\\x1b\\[2J\\u202e\\x9b<br>next")


def test_json_escapes_keep_the_data_exact() -> None:
    text = json.dumps({"note": NASTY}, ensure_ascii=False)
    safe = json_exact(text)
    assert json.loads(safe) == {"note": NASTY}
    assert not any(c in safe for c in ("\x1b", "\u202e", "\x9b"))


def _hostile_log() -> None:
    track_from("2026-11-01")
    assert run("done", "monitor-accounts", "--on", "2026-11-02", "--note", NASTY).exit_code == 0


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_exports_carry_no_raw_control_and_import_back_exactly(
    fmt: str, tmp_path: Path, data_dir: Path
) -> None:
    _hostile_log()
    out = run("export", "--format", fmt).stdout
    assert not any(c in out for c in ("\x1b", "\u202e", "\x9b"))
    target = tmp_path / f"backup.{fmt}"
    target.write_text(out, encoding="utf-8")
    import shutil

    shutil.rmtree(data_dir)
    assert run("import", str(target)).exit_code == 0
    notes = [e["note"] for e in json.loads(run("log", "--json").stdout)["events"]]
    assert notes == [NASTY]


def test_a_markdown_export_escapes_everything(tmp_path: Path) -> None:
    _hostile_log()
    out = run("export", "--format", "md").stdout
    row = out.splitlines()[2]
    assert "<script>" not in out and "\x1b" not in out
    assert re.search(r"(?<!\\)\]\(", out) is None
    assert row.count(" | ") == out.splitlines()[0].count(" | ")  # no cell added


def test_csv_on_a_terminal_shows_escapes_but_a_file_keeps_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hostile_log()
    target = tmp_path / "out.csv"
    assert run("export", "-o", str(target)).exit_code == 0
    assert "\x1b[2J" in target.read_text(encoding="utf-8")  # the data, exact
    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    screen = run("export").stdout
    assert "\x1b" not in screen and "\u202e" not in screen and "\\x1b[2J" in screen


def test_the_calendar_escapes_controls_in_titles(config_dir: Path, tmp_path: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "evil.yaml").write_text(
        'items:\n  - id: monitor-accounts\n    title: {en: "Mon\\e]0;x\\a\\u202e"}\n',
        encoding="utf-8",
    )
    track_from("2026-11-01")
    out = run("calendar", "--from", "2026-11-02", "--months", "1").stdout
    assert "SUMMARY:Mon" in out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


def test_shown_keeps_line_breaks_and_tabs() -> None:
    assert shown("a\nb\tc\x1b") == "a\nb\tc\\x1b"
    assert not os.environ.get("CSM_FORCE_TERMINAL")
