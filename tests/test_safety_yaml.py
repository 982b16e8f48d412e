"""Checklists and config.yaml go through one bounded, strict YAML reader:
alias bombs, recursive aliases, foreign tags and unbuildable values are
refused with file and line (exit 2); config.yaml refuses duplicate keys and
wrong types; rrules that would make lookups endless are refused when loaded;
a broken symlink among the checklists is reported, not skipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clihelp import run
from faults import csm_env, kept, refused

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)

# (text, line, phrase): what the reader must refuse, in a checklist or config.
HOSTILE = {
    "alias bomb": (BOMB, 5, "expands to more than"),
    "recursive alias": ("a: &a [1, *a]\n", 1, "refers to the value it is part of"),
    "bool maybe": ("a: !!bool maybe\n", 1, "'maybe' is not a valid bool"),
    "int x": ("a: !!int x\n", 1, "'x' is not a valid int"),
    "python object": ("a: !!python/object:os.system {}\n", 1, "is not allowed"),
    "python apply": ("a: !!python/object/apply:os.system [ls]\n", 1, "is not allowed"),
    "python name": ("a: !!python/name:os.system ''\n", 1, "is not allowed"),
    "binary": ("a: !!binary aGVsbG8=\n", 1, "is not allowed"),
    "bad timestamp": ("a: 2024-13-45\n", 1, "not a valid timestamp"),
    "nested too deep": ("a: " + "[" * 5000 + "]" * 5000 + "\n", 1, "nesting depth"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_checklists_are_refused_with_file_and_line(case: str, config_dir: Path) -> None:
    text, line, phrase = HOSTILE[case]
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    path = folder / "mine.yaml"
    path.write_text(text.replace("a:", "items:", 1) if case != "alias bomb" else text)
    result = run("list")
    refused(result, 2, str(path), phrase)
    if line:
        assert f"line {line}" in result.stderr


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_config_files_are_refused_with_file_and_line(
    case: str, config_dir: Path, tmp_path: Path
) -> None:
    text, line, phrase = HOSTILE[case]
    config_dir.mkdir(parents=True)
    path = config_dir / "config.yaml"
    path.write_text(text)
    before = kept(tmp_path)
    result = run("config", "set", "lang", "ar")
    refused(result, 2, str(path), phrase)
    if line:
        assert f"line {line}" in result.stderr
    assert kept(tmp_path) == before
    refused(run("today"), 2, str(path))


def test_a_bomb_is_refused_quickly_in_a_real_process(config_dir: Path) -> None:
    # No timing is asserted: a generous timeout only stops a hang. Before the
    # bounded reader, this file took minutes and gigabytes.
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text(BOMB.replace("a: &a", "lang: &a", 1))
    done = subprocess.run(
        [sys.executable, "-m", "csm_checklist", "today"],
        capture_output=True,
        env=csm_env(),
        timeout=60,
    )
    assert done.returncode == 2
    assert b"expands to more than" in done.stderr


CONFIG_CASES = {
    "duplicate key": ("lang: en\nworkdays: sun-thu\nlang: ar\n", 3, "'lang' appears twice"),
    "mapping value": ("lang:\n  en: yes\n", 1, "lang holds a mapping"),
    "list for a single value": ("lang: [en, ar]\n", 1, "lang holds a list"),
    "list of lists": ("workdays: [[sun, mon]]\n", 1, "workdays holds a list"),
    "mapping key": ("? [a, b]\n: c\n", 1, "must be a plain word"),
    "merge key": ("base: &b {lang: ar}\n<<: *b\n", 2, "merge' is not allowed"),
    "wrong value": ("week_start: someday\n", 1, "week_start"),
    "a list file": ("- lang\n- ar\n", 0, "must be a mapping"),
}


@pytest.mark.parametrize("case", sorted(CONFIG_CASES))
def test_config_is_as_strict_as_a_checklist(case: str, config_dir: Path, tmp_path: Path) -> None:
    text, line, phrase = CONFIG_CASES[case]
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text(text)
    before = kept(tmp_path)
    result = run("config", "show")
    refused(result, 2, "config.yaml", phrase)
    if line:
        assert f"line {line}" in result.stderr
    refused(run("config", "set", "user", "Mona"), 2, phrase)
    assert kept(tmp_path) == before


def test_a_list_of_workdays_is_still_fine(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "config.yaml").write_text("workdays: [sun, mon, tue, wed, thu]\n")
    assert run("config", "show").stdout.splitlines()[2].split() == ["workdays", "sun-thu"]


RRULES = {
    "interval zero": ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be 1 or more"),
    "february 31": ("FREQ=DAILY;BYMONTHDAY=31;BYMONTH=2", "more than 10 years"),
    "yearly february 30": ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "more than 10 years"),
    "every 28 years": ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", "more than 10 years"),
    "interval too long": ("FREQ=MONTHLY;INTERVAL=200", "more than 10 years"),
    "hourly": ("FREQ=HOURLY", "at most daily"),
}


@pytest.mark.parametrize("case", sorted(RRULES))
def test_rrules_that_would_hang_are_refused_when_loaded(case: str, config_dir: Path) -> None:
    rule, phrase = RRULES[case]
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    path = folder / "mine.yaml"
    path.write_text(
        "items:\n  - id: odd\n    title: {en: Odd}\n    area: team-management\n"
        f'    cadence: rrule\n    rrule: "{rule}"\n'
    )
    refused(run("checklist", "validate", str(path)), 2, f"{path}, line 6", phrase)
    refused(run("today"), 2, f"{path}, line 6", phrase)


@pytest.mark.parametrize(
    "rule",
    ["FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=MONTHLY;COUNT=2"],
)
def test_ordinary_rrules_still_load(rule: str, config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        "items:\n  - id: odd\n    title: {en: Odd}\n    area: team-management\n"
        f'    cadence: rrule\n    rrule: "{rule}"\n'
    )
    assert run("today").exit_code == 0


def test_a_broken_symlink_among_the_checklists_is_reported(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "team.yaml").symlink_to(config_dir / "gone.yaml")
    result = run("checklist", "validate")
    refused(result, 2, "team.yaml", "cannot read")
    refused(run("today"), 2, "team.yaml")
