"""`csm today` run by the shortcut must be `csm today` run by the typer app:
the same stdout, stderr and exit code for every form, and typer's own answer
for every form the shortcut leaves to it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from csm_checklist.cli import entry, shortcut
from csm_checklist.cli.shortcut import ReportOptions, TodayOptions, report_options, today_options

Outcome = tuple[int, str, str]


def _main(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Outcome:
    monkeypatch.setattr(sys, "argv", ["csm", *args])
    try:
        entry.main()
        code = 0
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def _both(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Outcome, Outcome, bool]:
    """(through typer, through main as users run it, whether the shortcut ran it)."""
    taken: list[bool] = []
    real_run = shortcut.run

    def watched(argv: list[str]) -> int | None:
        code = real_run(argv)
        taken.append(code is not None)
        return code

    with monkeypatch.context() as patch:
        patch.setattr(shortcut, "run", lambda argv: None)
        by_typer = _main(args, capsys, monkeypatch)
    with monkeypatch.context() as patch:
        patch.setattr(shortcut, "run", watched)
        by_main = _main(args, capsys, monkeypatch)
    return by_typer, by_main, taken == [True]


@pytest.fixture(autouse=True)
def tracked(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # The first run of all creates the log; every compared run finds it.
    # (A context, not monkeypatch.undo(), which would also undo the autouse
    # fixture that keeps csm away from the real user folders.)
    monkeypatch.setenv("COLUMNS", "100")
    with monkeypatch.context() as patch:
        patch.setattr(shortcut, "run", lambda argv: None)
        assert _main(["today", "--json"], capsys, monkeypatch)[0] == 0


RUN_BY_THE_SHORTCUT = [
    [],
    ["today"],
    ["today", "--json"],
    ["today", "--on", "2026-11-23"],
    ["today", "--on=2026-11-23", "--json"],
    ["today", "--on", "tomorrow"],
    ["today", "--on", "yesterday", "--all"],
    ["today", "--all", "--json", "--on", "2026-11-23"],
    ["today", "--json", "--json", "--on", "2026-11-23", "--on", "2026-11-24"],
    ["today", "--tag", "team", "--on", "2026-11-23"],
    ["today", "--tag=TEAM", "--json", "--on", "2026-11-23"],
    ["today", "--as-logged", "2026-11-23"],
    ["today", "--as-logged", "2026-11-23T10:00", "--json"],
    ["today", "--as-logged", "2026-11-23T10:00+03:00", "--on", "2026-11-20", "--all"],
    # Bad values are the command's to refuse, in its own words: exit 2.
    ["today", "--on", "2026-13-45"],
    ["today", "--on", "someday"],
    ["today", "--on", "1800-01-01", "--json"],
    ["today", "--as-logged", "not a moment"],
    ["today", "--tag", "nosuchtag"],
    ["today", "--on", " 2026-11-23 "],
    # `csm report`, every option by its long name and -p, -f, -o with a value.
    ["report"],
    ["report", "--on", "2026-11-23"],
    ["report", "-p", "year", "--on", "2026-11-23", "--format", "json"],
    ["report", "--period=week", "-f", "md", "--on=2026-11-23", "--previous"],
    ["report", "--period", "quarter", "--format=html", "--on", "2026-11-23"],
    ["report", "--on", "2026-11-23", "--tag", "team", "--by", "Mona", "-f", "json"],
    ["report", "--as-logged", "2026-11-23T10:00", "--format", "text"],
    ["report", "-p", "month", "-p", "week", "--on", "2026-11-23"],
    ["report", "--period", "fortnight"],
    ["report", "--format", "docx"],
    ["report", "--format", "pdf"],
    ["report", "--on", "someday"],
    ["report", "--tag", "nosuchtag"],
]
LEFT_TO_TYPER = [
    ["--help"],
    ["-h"],
    ["today", "--help"],
    ["today", "-h"],
    ["today", "--json", "--help"],
    ["--version"],
    ["today", "--date", "2026-11-23"],  # the slip typer's error corrects
    ["today", "--bogus"],
    ["today", "-j"],
    ["today", "extra"],
    ["today", "--"],
    ["today", "--on"],
    ["today", "--on="],
    ["today", "--on", ""],
    ["today", "--json=yes"],
    ["today", "--on", "--json"],
    ["today", "--tag", "-team"],
    ["--json"],
    ["tody"],
    ["due", "--json"],
    ["TODAY"],
    ["report", "--help"],
    ["report", "-h"],
    ["report", "--json"],  # the slip typer's error corrects
    ["report", "-p=year"],
    ["report", "-pyear"],
    ["report", "-fjson"],
    ["report", "-o", "-"],
    ["report", "--format"],
    ["report", "--previous=yes"],
    ["report", "--by", ""],
    ["report", "month"],
    ["report", "--on", "--previous"],
]


@pytest.mark.parametrize("args", RUN_BY_THE_SHORTCUT, ids=" ".join)
@pytest.mark.parametrize("terminal", [False, True], ids=["plain", "terminal"])
def test_the_shortcut_answers_as_typer_does(
    args: list[str],
    terminal: bool,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if terminal:
        monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    by_typer, by_main, shortcut_ran = _both(args, capsys, monkeypatch)
    assert shortcut_ran
    assert by_main == by_typer
    assert by_typer[1] or by_typer[2]  # something was said


@pytest.mark.parametrize("args", LEFT_TO_TYPER, ids=" ".join)
def test_every_other_form_is_left_to_typer(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    by_typer, by_main, shortcut_ran = _both(args, capsys, monkeypatch)
    assert not shortcut_ran
    assert by_main == by_typer


def test_refusals_keep_their_exit_codes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shortcut, "run", lambda argv: None)
    assert _main(["today", "--on", "someday"], capsys, monkeypatch)[0] == 2
    assert _main(["today", "--bogus"], capsys, monkeypatch)[0] == 2
    assert _main(["today", "--help"], capsys, monkeypatch)[0] == 0


def test_a_log_that_cannot_be_read_is_reported_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "other-data"
    elsewhere.mkdir()
    (elsewhere / "log.sqlite3").write_bytes(b"not a database at all" * 100)
    monkeypatch.setenv("CSM_DATA_DIR", str(elsewhere))
    by_typer, by_main, shortcut_ran = _both(["today", "--json"], capsys, monkeypatch)
    assert shortcut_ran
    assert by_main == by_typer
    assert by_typer[0] == 1
    assert "is not a csm log" in by_typer[2]


def test_an_unexpected_error_is_reported_alike(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from csm_checklist.cli.commands import common

    def broken(document: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(common, "print_json", broken)
    monkeypatch.setattr("csm_checklist.cli.commands.today_due.print_json", broken)
    by_typer, by_main, shortcut_ran = _both(["today", "--json"], capsys, monkeypatch)
    assert shortcut_ran
    assert by_main == by_typer
    assert by_typer[0] == 1
    assert "Unexpected error: RuntimeError: a bug." in by_typer[2]


def test_an_interrupt_exits_130_without_a_word(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(document: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("csm_checklist.cli.commands.today_due.print_json", interrupted)
    by_typer, by_main, shortcut_ran = _both(["today", "--json"], capsys, monkeypatch)
    assert shortcut_ran
    assert by_main == by_typer == (130, "", "")


@pytest.mark.parametrize("variable", ["CSM_DEBUG", "_CSM_COMPLETE"])
def test_debugging_and_completion_are_left_to_typer(
    variable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, "1")
    assert today_options(["today", "--json"]) is None
    assert today_options([]) is None
    assert report_options(["report", "--format", "json"]) is None


def test_the_options_it_reads() -> None:
    assert today_options(["today", "--on=2026-11-23", "--tag", "team", "--all"]) == TodayOptions(
        on="2026-11-23", show_all=True, json_output=False, as_logged=None, tag="team", mine=False
    )
    assert today_options([]) == TodayOptions(
        on=None, show_all=False, json_output=False, as_logged=None, tag=None, mine=False
    )
    assert today_options(["today", "--mine"]) == TodayOptions(
        on=None, show_all=False, json_output=False, as_logged=None, tag=None, mine=True
    )


def test_a_real_process_prints_what_the_typer_app_prints(csm_dirs: tuple[Path, Path]) -> None:
    args = ["today", "--on", "2026-11-23"]
    env = dict(os.environ)
    by_typer = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from csm_checklist.cli import entry, shortcut\n"
            "shortcut.run = lambda argv: None\n"
            "sys.argv = ['csm', *sys.argv[1:]]\n"
            "entry.main()\n",
            *args,
        ],
        env=env,
        capture_output=True,
    )
    by_main = subprocess.run(
        [sys.executable, "-m", "csm_checklist", *args], env=env, capture_output=True
    )
    assert by_typer.returncode == by_main.returncode == 0
    assert by_main.stdout == by_typer.stdout
    assert by_main.stderr == by_typer.stderr == b""


def test_it_knows_exactly_the_options_typer_declares_for_today() -> None:
    import inspect

    import typer.main

    from csm_checklist.cli.app import build_app
    from csm_checklist.cli.commands.today_due import show_today

    group = typer.main.get_command(build_app(["today"]))
    command = group.commands["today"]  # type: ignore[attr-defined]
    declared = {
        name: (param.is_flag, param.name)
        for param in command.params
        for name in param.opts
        if name not in ("--help", "-h")
    }
    assert set(declared) == {*shortcut.FLAGS, *shortcut.VALUES}
    assert {name for name, (flag, _) in declared.items() if flag} == set(shortcut.FLAGS)
    assert not any(param.secondary_opts for param in command.params)  # no --no-json
    assert {param for _, param in declared.values()} == set(
        inspect.signature(show_today).parameters
    )


def test_the_report_options_it_reads() -> None:
    assert report_options(
        ["report", "-p", "year", "--format=html", "-o", "page.html", "--previous", "--by=Mona"]
    ) == ReportOptions(period="year", fmt="html", output="page.html", previous=True, by="Mona")
    assert report_options(["report"]) == ReportOptions()
    assert report_options(["today"]) is None
    assert report_options([]) is None


def test_a_report_written_to_a_file_is_written_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = []
    for name, through in (("typer", lambda argv: None), ("main", shortcut.run)):
        target = tmp_path / f"{name}.html"
        args = ["report", "--on", "2026-11-23", "-f", "html", "-o", str(target)]
        with monkeypatch.context() as patch:
            patch.setattr(shortcut, "run", through)
            outcome = _main(args, capsys, monkeypatch)
        assert outcome == (0, "", f"Wrote the monthly report to {target}.\n")
        pages.append(target.read_text(encoding="utf-8"))
    assert pages[0] == pages[1]
    assert pages[0].startswith("<!DOCTYPE html>")


def test_it_knows_exactly_the_options_typer_declares_for_report() -> None:
    import inspect

    import typer.main

    from csm_checklist.cli.app import build_app
    from csm_checklist.cli.commands.report import report

    group = typer.main.get_command(build_app(["report"]))
    command = group.commands["report"]  # type: ignore[attr-defined]
    declared = {
        name: (param.is_flag, param.name)
        for param in command.params
        for name in param.opts
        if name not in ("--help", "-h")
    }
    known = {**shortcut.REPORT_FLAGS, **shortcut.REPORT_VALUES, **shortcut.REPORT_SHORT}
    assert {name: param for name, (_, param) in declared.items()} == known
    assert {name for name, (flag, _) in declared.items() if flag} == set(shortcut.REPORT_FLAGS)
    assert not any(param.secondary_opts for param in command.params)  # no --no-previous
    assert set(known.values()) == set(inspect.signature(report).parameters)
    assert set(known.values()) == set(ReportOptions.__annotations__)
