"""What a new user met in seven weeks of English and Arabic, at 60, 80 and
120 columns: each point as that user would try it, in-process with the
clock moved by time-machine. The real-terminal widths are in
test_pty_widths.py."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine

from clihelp import Result
from clihelp import read as run


@contextmanager
def at(moment: str) -> Iterator[None]:
    """Run what follows as if it were `moment` (UTC, the tests' time zone)."""
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


def refused(code: int, *args: str) -> Result:
    result = run(*args)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture(autouse=True)
def _user(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")


def _lang(config_dir: Path, lang: str) -> None:
    (config_dir / "config.yaml").write_text(f"user: Mona\nlang: {lang}\n", encoding="utf-8")


# Playbooks are found the way items are.


@pytest.mark.parametrize("query", ["crisis", "crisi", "CRIS", "social crisis", "أزمة", "الأزمة"])
def test_a_playbook_is_found_by_a_prefix_or_words_of_its_title(query: str) -> None:
    with at("2027-03-02T09:00"):
        out = ok("run", "start", query)
    assert out.startswith("Started crisis-2027-03-02: Social media crisis, 6 steps;")


def test_a_playbook_query_that_matches_two_or_none_is_refused_with_the_candidates() -> None:
    with at("2027-03-02T09:00"):
        two = refused(1, "run", "start", "c")
        none = refused(1, "run", "start", "crissis")
    assert two.stderr == (
        "Error: 'c' matches 2 playbooks: crisis, campaign.\n"
        "Hint: Give more of the id or title, e.g. csm run start crisis\n"
    )
    assert none.stderr == "Error: There is no playbook 'crissis'.\nHint: Did you mean: crisis?\n"
    assert ok("run", "list") == "No playbook runs.\n"


# A checklist with several mistakes points to `csm checklist validate`.


def test_a_checklist_with_several_mistakes_points_to_validate(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        "items:\n"
        "  - {id: a1, title: {en: One, ar: واحد}, area: team-management, cadence: dayly}\n"
        "  - {id: a2, title: {en: Two, ar: اثنان}, area: team-management, cadence: yearly}\n"
        "  - {id: a3, title: {en: Six, ar: ستة}, area: nowhere, cadence: daily}\n",
        encoding="utf-8",
    )
    failed = refused(2, "today")
    assert failed.stdout == ""
    assert failed.stderr.splitlines()[-1] == (
        "Hint: The checklists have 2 more problems: `csm checklist validate` lists them all."
    )
    assert "more problem" not in refused(2, "checklist", "validate").stderr
    _lang(config_dir, "ar")
    assert refused(2, "today").stderr.splitlines()[-1] == (
        "تلميح: في قوائم المهام مشكلات أخرى عددها 2: يعرضها كلها `csm checklist validate`."
    )


# No English under `lang ar`, the system's own reasons included.


def test_the_systems_reasons_are_said_in_arabic(config_dir: Path) -> None:
    from csm_checklist.messages import SYSTEM_TEXTS, template

    assert {template(key, "en"): key for key in SYSTEM_TEXTS.values()} == SYSTEM_TEXTS
    _lang(config_dir, "ar")
    assert refused(2, "off", "add", "2026-13-01").stderr.splitlines()[0] == (
        "خطأ: '2026-13-01' ليس تاريخًا (الشهر من 1 إلى 12)."
    )
    assert refused(2, "off", "add", "2026-02-30").stderr.splitlines()[0] == (
        "خطأ: '2026-02-30' ليس تاريخًا (لا يوجد هذا اليوم في الشهر)."
    )
    from csm_checklist.cli.failures import system_error

    found = system_error(PermissionError(13, "Permission denied", "/x/log.sqlite"))
    assert found is not None
    assert found[0].text("ar").startswith("تعذّر استخدام /x/log.sqlite: لا توجد صلاحية.")
    overflow = system_error(OverflowError("date value out of range"))
    assert overflow is not None
    assert overflow[0].text("ar") == "رقم أو تاريخ خارج النطاق (التاريخ خارج النطاق)."


# Completion inserts what the command accepts.


def test_a_completed_title_is_one_argument_that_done_accepts() -> None:
    import shlex

    from test_completion_cli import complete

    [candidate] = complete("done Team\\ m")
    words = shlex.split(f"done {candidate} --on 2026-03-05")
    assert words == ["done", "Team meeting", "--on", "2026-03-05"]
    with at("2026-03-05T10:00"):
        assert ok(*words).startswith("Done: Team meeting")


def test_the_completion_installer_speaks_arabic(
    config_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lang(config_dir, "ar")
    monkeypatch.setenv("HOME", str(tmp_path))
    installed = run("--install-completion", "bash")
    assert installed.exit_code == 0
    script = tmp_path / ".bash_completions" / "csm.sh"
    assert installed.stdout == (
        f"ثُبّت الإكمال التلقائي لـ bash في {script}.\nيعمل في أي طرفية جديدة تفتحها.\n"
    )


# Help: every placeholder written the same way, every summary whole.


def _commands() -> Iterator[tuple[str, object, object]]:
    import typer.main

    from csm_checklist.cli.app import app

    root = typer.main.get_command(app)

    def walk(name: str, command: object) -> Iterator[tuple[str, object, object]]:
        ctx = command.make_context(name, [], resilient_parsing=True)  # type: ignore[attr-defined]
        yield name, command, ctx
        for sub, child in getattr(command, "commands", {}).items():
            yield from walk(f"{name} {sub}", child)

    yield from walk("csm", root)


def test_every_placeholder_is_a_word_in_capitals() -> None:
    import re

    odd = []
    for name, command, ctx in _commands():
        for param in command.params:  # type: ignore[attr-defined]
            if getattr(param, "is_flag", False) or param.name in (
                "install_completion",
                "show_completion",
            ):
                continue
            shown = param.make_metavar(ctx)
            if not re.fullmatch(r"\[?[A-Z][A-Z_=/]*\]?(\.\.\.)?", shown):
                odd.append(f"{name} {param.name}: {shown}")
    assert odd == []


def test_a_commands_summary_is_its_whole_first_sentence() -> None:
    for name, command, _ in _commands():
        for sub, child in getattr(command, "commands", {}).items():
            short = child.get_short_help_str(limit=1000)
            assert not short.endswith(("e.g.", "i.e.", "...")), f"{name} {sub}: {short}"


# Arabic as a bidi terminal lays it out (GNU FriBidi).


def test_arabic_confirmations_and_progress_keep_their_order_under_fribidi(
    config_dir: Path,
) -> None:
    import clihelp
    from bidi import misplaced

    _lang(config_dir, "ar")
    with at("2026-03-30T10:00"):
        ok("history", "start", "2026-03-01")
        said = [
            clihelp.run("done", "campaign-prep", "--on", "2026-03-28"),
            clihelp.run("skip", "team-meeting", "--on", "2026-03-26", "--reason", "عطلة"),
            clihelp.run("done", "--cadence", "daily", "--on", "2026-03-27"),
            clihelp.run("done", "--cadence", "daily", "--on", "2026-03-27"),
            clihelp.run("done", "team-training", "--on", "2026-13-01"),
            clihelp.run("skip", "performance-review", "--reason", "x"),
            clihelp.run("today"),
            clihelp.run("run", "start", "crisis"),
        ]
        ok("done", "crisis-2026-03-30/assess")
        ok("run", "close", "crisis-2026-03-30", "--force")
        said.append(clihelp.run("run", "list"))
    lines = [line for r in said for line in (r.stdout + r.stderr).splitlines() if line]
    assert any("2026-03-23" in line for line in lines)
    assert misplaced(lines, "ltr") == []
    assert misplaced(lines, "auto") == []


# What done says: the forms it takes, and which period it counted.


def test_a_mistyped_day_for_done_suggests_only_days_that_can_be_logged() -> None:
    with at("2026-03-30T10:00"):
        failed = refused(2, "done", "monitor-accounts", "--on", "2026-13-01")
        viewed = refused(2, "today", "--on", "2026-13-01")
    assert failed.stderr.splitlines()[-1] == (
        "Hint: Use YYYY-MM-DD, today or yesterday, e.g. --on 2026-03-30."
    )
    assert "tomorrow" in viewed.stderr  # the views take it


def test_a_late_entry_says_which_period_it_counted_and_no_day_twice() -> None:
    with at("2026-03-30T10:00"):
        ok("history", "start", "2026-03-01")
        first = ok("done", "monitor-accounts", "--on", "2026-03-16")
        again = ok("done", "monitor-accounts", "--on", "2026-03-16")
        weekly = ok("done", "team-meeting", "--on", "2026-03-19")
        now = ok("done", "resolve-issues")
    assert first.splitlines() == [
        "Done: Monitor the accounts (monitor-accounts) for 2026-03-16",
        "daily, 2026-03-16: 1 of 4 done",
    ]
    assert again.splitlines()[0] == (
        "Already done: Monitor the accounts (monitor-accounts) for 2026-03-16 by Mona; "
        "nothing logged."
    )
    assert weekly.splitlines()[-1] == "weekly, week of 2026-03-16 to 2026-03-22: 1 of 4 done"
    assert now.splitlines()[-1] == "daily: 1 of 4 done"


# Holidays imported in one language, read in the other.


def test_holiday_names_in_the_other_language_come_with_the_command_that_renames_them(
    config_dir: Path,
) -> None:
    with at("2026-03-01T10:00"):
        ok("off", "holidays", "--country", "SA", "--year", "2026")
        assert run("off", "list").stderr == ""
        switched = run("config", "set", "lang", "ar")
        listed = run("off", "list")
    hint = (
        "تلميح: أسماء العطلات الرسمية بالإنجليزية؛ لتسميتها بالعربية شغّل: "
        "csm off holidays --country SA --year 2026\n"
    )
    assert switched.stderr == hint
    assert listed.stderr == hint
    with at("2026-03-01T10:00"):
        ok("off", "holidays", "--country", "SA", "--year", "2026")
        assert run("off", "list").stderr == ""
