"""`--help` and the errors of typing a command, in English and in Arabic.

click words these itself; csm says them from its catalog (`usage.py`), so
they follow the `lang` setting, and stay English when the config cannot be
read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clihelp import run


@pytest.fixture
def arabic(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("lang: ar\n", encoding="utf-8")


ENGLISH = [
    (
        ("done", "--bogus"),
        "Usage: csm done [OPTIONS] [ITEM]...\nTry 'csm done -h' for help.\n\n"
        "Error: No such option: --bogus\n",
    ),
    (
        ("report", "--json"),
        "Usage: csm report [OPTIONS]\nTry 'csm report -h' for help.\n\n"
        "Error: No such option: --json. Use --format json instead, "
        "e.g. csm report --format json.\n",
    ),
    (
        ("nosuch",),
        "Usage: csm [OPTIONS] COMMAND [ARGS]...\nTry 'csm -h' for help.\n\n"
        "Error: No such command 'nosuch'.\n",
    ),
    (
        ("off", "add"),
        "Usage: csm off add [OPTIONS] DATES\nTry 'csm off add -h' for help.\n\n"
        "Error: Missing argument 'DATES'.\n",
    ),
    (
        ("log", "--limit", "x"),
        "Usage: csm log [OPTIONS]\nTry 'csm log -h' for help.\n\n"
        "Error: Invalid value for '--limit' / '-n': 'x' is not a valid int range.\n",
    ),
    (
        ("today", "--on"),
        # click raises this one without its context: no usage line.
        "Error: Option '--on' requires an argument.\n",
    ),
]

ARABIC = [
    (
        ("done", "--bogus"),
        "الاستخدام: csm done [OPTIONS] [ITEM]...\nللمساعدة: 'csm done -h'.\n\n"
        "خطأ: لا يوجد خيار باسم --bogus\n",
    ),
    (
        ("report", "--json"),
        "الاستخدام: csm report [OPTIONS]\nللمساعدة: 'csm report -h'.\n\n"
        "خطأ: لا يوجد خيار باسم --json. استخدم --format json بدلًا منه، "
        "مثل: csm report --format json.\n",
    ),
    (
        ("nosuch",),
        "الاستخدام: csm [OPTIONS] COMMAND [ARGS]...\nللمساعدة: 'csm -h'.\n\n"
        "خطأ: لا يوجد أمر باسم 'nosuch'.\n",
    ),
    (
        ("off", "add"),
        "الاستخدام: csm off add [OPTIONS] DATES\nللمساعدة: 'csm off add -h'.\n\n"
        "خطأ: المعطى 'DATES' ناقص.\n",
    ),
    (
        ("log", "--limit", "x"),
        "الاستخدام: csm log [OPTIONS]\nللمساعدة: 'csm log -h'.\n\n"
        "خطأ: قيمة غير صالحة لـ '--limit' / '-n': 'x' ليس رقمًا صحيحًا.\n",
    ),
    (
        ("today", "--on"),
        "خطأ: الخيار '--on' يحتاج إلى قيمة.\n",
    ),
]


@pytest.mark.parametrize(("args", "stderr"), ENGLISH)
def test_usage_errors_in_english_are_worded_as_click_words_them(
    args: tuple[str, ...], stderr: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


@pytest.mark.parametrize(("args", "stderr"), ARABIC)
def test_usage_errors_follow_the_lang_setting(
    arabic: None, args: tuple[str, ...], stderr: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_a_config_csm_cannot_read_leaves_usage_errors_in_english(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("lang: ar\nlang: ar\n", encoding="utf-8")
    result = run("done", "--bogus")
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: No such option: --bogus\n")


def test_help_in_arabic_has_arabic_headings_and_texts(arabic: None) -> None:
    result = run("off", "--help")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "الاستخدام: csm off [OPTIONS] COMMAND [ARGS]..."
    assert "الخيارات:" in lines
    assert "الأوامر:" in lines
    assert "  -h, --help  اعرض هذه المساعدة ثم اخرج." in lines
    assert "Options:" not in result.stdout


def test_help_notes_of_defaults_and_required_values_are_arabic(arabic: None) -> None:
    report = run("report", "--help").stdout
    assert "[الافتراضي: month]" in report
    assert "[default:" not in report
    config_set = run("config", "set", "--help").stdout
    assert "[مطلوب]" in config_set


def test_subcommands_are_listed_with_their_whole_first_sentence() -> None:
    shown = run("off", "--help").stdout
    assert "..." not in shown.split("Commands:")[1]
    assert (
        "  list       Show the days off, in date order, with their reasons and sources.\n" in shown
    )


def test_errors_of_the_system_around_csm_are_said_in_arabic(
    arabic: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csm_checklist import messages
    from csm_checklist.cli.failures import system_error
    from csm_checklist.store import records as log

    monkeypatch.setattr(log, "COMMITS", [0])  # nothing logged by this run

    # The count of commits is the process's: earlier tests in it wrote logs,
    # and this error is the one of a run that wrote nothing.
    monkeypatch.setattr(log, "COMMITS", [0])
    messages.use("ar")
    # (Not a full disk here: that answer also points stdout at /dev/null.)
    found = system_error(PermissionError(13, "Permission denied", "/srv/out.csv"))
    assert found is not None
    problem, hint, code = found
    assert (problem.text(), hint.text(), code) == (
        "تعذّر استخدام /srv/out.csv: لا توجد صلاحية.",
        "تحقّق من الصلاحيات والمساحة الفارغة في مجلدات csm (`csm config path`).",
        1,
    )
    assert problem == "Cannot use /srv/out.csv: Permission denied."
    messages.forget()


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (("show", "--help"), "Usage: csm show [OPTIONS] ITEM\n"),
        (("note", "--help"), "Usage: csm note [OPTIONS] EVENT TEXT\n"),
        (("run", "close", "--help"), "Usage: csm run close [OPTIONS] RUN\n"),
        (("done", "--help"), "Usage: csm done [OPTIONS] [ITEM]...\n"),
    ],
)
def test_usage_lines_name_required_arguments_bare_and_optional_ones_in_brackets(
    args: tuple[str, ...], usage: str
) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert result.stdout.splitlines(keepends=True)[0] == usage


def test_each_run_in_one_process_counts_only_its_own_writes() -> None:
    # "already saved" after a failed write must speak of this run, never of an
    # earlier run of the app in the same process (a script, these tests).
    from csm_checklist.store import records

    assert run("done", "annual-budget").exit_code == 0
    assert records.COMMITS[0] > 0
    assert run("list").exit_code == 0
    assert records.COMMITS[0] == 0
