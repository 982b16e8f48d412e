"""What `csm today` loads on its way: the morning command must not pay for
modules it does not use. These tests check imports, never timings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from csm_checklist.cli.app import ALL_MODULES, _modules_for, build_app


def _imported(args: list[str], env: dict[str, str]) -> set[str]:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['csm', *{args!r}]\n"
        "try:\n"
        "    runpy.run_module('csm_checklist', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return set(done.stderr.split())


@pytest.fixture
def env(csm_dirs: tuple[Path, Path]) -> dict[str, str]:
    return dict(os.environ)


def test_today_json_loads_no_yaml_rich_or_dateutil_once_cached(env: dict[str, str]) -> None:
    args = ["today", "--json", "--on", "2026-11-23"]
    first = _imported(args, env)
    assert "yaml" in first  # the first run parses the checklists and caches them
    again = _imported(args, env)
    assert not {m for m in again if m.split(".")[0] in ("yaml", "rich", "dateutil", "platformdirs")}
    assert "csm_checklist.cli.commands.events" not in again  # only today's own commands


def test_a_changed_checklist_is_parsed_again(env: dict[str, str], config_dir: Path) -> None:
    args = ["today", "--json", "--on", "2026-11-23"]
    _imported(args, env)
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text("items:\n  - {id: team-meeting, enabled: false}\n")
    assert "yaml" in _imported(args, env)


@pytest.mark.parametrize(
    "args",
    [
        ["today", "--json", "--on", "2026-11-23"],
        ["today", "--on", "tomorrow", "--all"],
        ["today", "--tag", "team"],
        [],
    ],
)
def test_the_plain_forms_of_today_never_load_typer(args: list[str], env: dict[str, str]) -> None:
    _imported(["today"], env)  # the first run parses the checklists and caches them
    loaded = _top(_imported(args, env))
    assert not loaded & {"typer", "click", "rich", "yaml", "dataclasses", "inspect", "calendar"}
    assert "csm_checklist.cli.app" not in _imported(args, env)


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--on", "2026-11-23", "--format", "json"],
        ["report", "-p", "year", "--on", "2026-11-23", "-f", "html"],
    ],
)
def test_the_plain_forms_of_report_never_load_typer(args: list[str], env: dict[str, str]) -> None:
    # What the report imports (a footer's words, a section's view) must not
    # bring typer back: it was a third of a year's report.
    _imported(["today"], env)
    loaded = _imported(args, env)
    assert not _top(loaded) & {"typer", "click", "yaml"}
    assert "csm_checklist.cli.app" not in loaded
    assert ("jinja2" in _top(loaded)) == ("html" in args)


@pytest.mark.parametrize("args", [["today", "--help"], ["--version"], ["due", "--json"]])
def test_every_other_form_is_parsed_by_typer(args: list[str], env: dict[str, str]) -> None:
    assert "csm_checklist.cli.app" in _imported(args, env)


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        (["today", "--json"], ("agenda",)),
        ([], ("agenda",)),  # bare csm is today
        (["done", "x", "--on", "2026-11-02"], ("events",)),
        (["config", "set", "lang", "ar"], ("config",)),
        (["off", "holidays", "--country", "SA"], ("calendar",)),
        (["calendar", "-o", "x.ics"], ("calendar",)),
        (["--help"], ALL_MODULES),
        (["--version"], ALL_MODULES),
        (["tody"], ALL_MODULES),  # an unknown command still gets suggestions
    ],
)
def test_only_the_command_being_run_is_registered(
    argv: list[str], modules: tuple[str, ...]
) -> None:
    assert tuple(_modules_for(argv)) == modules


def test_the_partial_app_has_just_that_commands_module() -> None:
    group = typer.main.get_command(build_app(["due"]))
    assert sorted(group.commands) == ["due", "today"]  # type: ignore[attr-defined]


CALENDAR_PACKAGES = ("holidays", "hijridate", "icalendar")


def _top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_today_with_days_off_loads_no_calendar_package_and_caches_the_file(
    env: dict[str, str], config_dir: Path
) -> None:
    config_dir.mkdir(parents=True)
    entries = "".join(
        f"  - date: 2026-{month:02d}-{day:02d}\n    reason: Leave\n"
        for month in range(1, 11)
        for day in (5, 6, 7, 8)
    )
    (config_dir / "days-off.yaml").write_text(f"days_off:\n{entries}")
    args = ["today", "--json", "--on", "2026-03-05"]
    first = _imported(args, env)
    assert not _top(first) & set(CALENDAR_PACKAGES)
    again = _imported(args, env)
    assert not _top(again) & {"yaml", "rich", "dateutil", *CALENDAR_PACKAGES}
    assert "csm_checklist.dates.daysoff" not in again  # the cached days off need no reader


def test_today_loads_hijridate_only_when_the_hijri_setting_is_on(
    env: dict[str, str], config_dir: Path
) -> None:
    args = ["today", "--on", "2026-03-05"]
    assert not _top(_imported(args, env)) & set(CALENDAR_PACKAGES)
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text("hijri: true\n")
    shown = _top(_imported(args, env))
    assert "hijridate" in shown
    assert not shown & {"holidays", "icalendar"}


RUN_MODULES = {
    "csm_checklist.rules.runs",
    "csm_checklist.duties.playbooks",
    "csm_checklist.rules.measures",
    "csm_checklist.duties.packs",
    "csm_checklist.cli.views.runs",
}


def test_today_loads_nothing_of_playbooks_until_a_run_is_open(env: dict[str, str]) -> None:
    args = ["today", "--json"]
    _imported(args, env)  # the first run parses and caches the checklists
    assert not _imported(args, env) & RUN_MODULES
    subprocess.run(
        [sys.executable, "-m", "csm_checklist", "run", "start", "crisis"],
        env=env,
        capture_output=True,
        check=True,
    )
    opened = _imported(args, env)
    # An open run brings its own reader and view, never the playbooks' YAML reader.
    assert opened & RUN_MODULES == {"csm_checklist.rules.runs", "csm_checklist.cli.views.runs"}
    assert "yaml" not in opened


def test_today_compiles_almost_no_string_annotations(env: dict[str, str]) -> None:
    # typing compiles every string annotation of a NamedTuple or TypedDict
    # field when the class is made: with `from __future__ import annotations`
    # in the modules today loads, that was over a hundred compiles a run.
    code = (
        "import sys, runpy, typing\n"
        "made = []\n"
        "real = typing.ForwardRef.__init__\n"
        "def counted(self, arg, *args, **kwargs):\n"
        "    made.append(arg)\n"
        "    real(self, arg, *args, **kwargs)\n"
        "typing.ForwardRef.__init__ = counted\n"
        "sys.argv = ['csm', 'today', '--json']\n"
        "try:\n"
        "    runpy.run_module('csm_checklist', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print('\\n'.join(made), file=sys.stderr)\n"
    )
    _imported(["today"], env)  # the first run parses the checklists and caches them
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    # Only the agenda's two fields whose types are imported for type checking.
    assert done.stderr.split("\n")[:-1] == ["ItemRule", "Event | None"]
