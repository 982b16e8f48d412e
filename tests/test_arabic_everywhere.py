"""With `lang: ar`, every command speaks Arabic.

Each command runs as a manager would (a log with work in it, a playbook run,
days off), its help too, and some common slips; the test fails on any English
word in what csm prints, except what §9 keeps Latin: ids, dates, numbers,
commands and their options, file paths, and the values settings take.
"""

from __future__ import annotations

import json
import re
import socket
from datetime import date
from pathlib import Path

import pytest
import typer.main

from csm_checklist.cli.app import build_app
from csm_checklist.store.records import FIELDS

from clihelp import run, track_from

DAY = "2026-11-18"
RUN = f"crisis-{date.today().isoformat()}"  # a run is named for the day it starts

# Words that are names, not English: products and formats csm writes for.
NAMES = {
    "csm", "csv", "json", "jsonl", "md", "markdown", "html", "pdf", "icalendar", "ical", "ics", "outlook",
    "google", "sqlite", "utf", "yaml", "rrule", "iso", "url", "id", "ids", "ok", "stdout",
    "stderr", "postgresql", "sql", "psql", "pgpass",
}  # fmt: skip
# Values the commands take, typed as they are in any language.
VALUES = {
    "today", "yesterday", "tomorrow", "week", "month", "quarter", "year", "daily", "weekly",
    "monthly", "quarterly", "annual", "text", "terminal", "en", "ar", "mon", "tue", "wed",
    "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "true", "false", "role", "crisis", "campaign", "higher", "lower",
    "bash", "zsh", "fish", "powershell", "pwsh", "utc", "asia", "riyadh", "sa", "ae", "eg",
    "area", "cadence",  # --group's values
    "omar", "mona",  # the people of the help's examples
}  # fmt: skip


def _allowed_words() -> set[str]:
    words = set(NAMES | VALUES)
    # The fields of an export are its columns' names, as the file has them.
    words.update(part for field in FIELDS for part in field.split("_"))
    words.update(re.findall(r"[a-z]+", socket.gethostname().lower()))  # an export's host
    listed = json.loads(run("list", "--json").stdout)
    for item in listed["items"]:
        words.update(re.findall(r"[a-z]+", item["id"]))
    runs = json.loads(run("run", "list", "--json").stdout)
    words.update(re.findall(r"[a-z]+", json.dumps(_ids_in(runs))))
    shown = json.loads(run("config", "show", "--json").stdout)
    for key in shown:
        words.update(key.split("_"))
    # Every command, subcommand and option name, and every metavar.
    command = typer.main.get_command(build_app())
    stack = [command]
    while stack:
        current = stack.pop()
        words.update((current.name or "").split("-"))
        for param in current.params:
            for opt in [*param.opts, *param.secondary_opts]:
                words.update(w for w in re.split(r"[-_]", opt) if w)
            words.update(re.findall(r"[a-z]+", (param.name or "").lower()))
        stack.extend(getattr(current, "commands", {}).values())
    return {word.lower() for word in words}


def _ids_in(document: object) -> list[str]:
    """Every id in a JSON document: of items, playbooks, runs and steps."""
    if isinstance(document, dict):
        found = [str(document[key]) for key in ("id", "run", "step", "playbook") if key in document]
        return found + [i for value in document.values() for i in _ids_in(value)]
    if isinstance(document, list):
        return [i for value in document for i in _ids_in(value)]
    return []


# Spans that stay Latin: commands typed after `csm`, options, quoted input,
# backticked code, paths, ids with hyphens, upper-case metavars.
_LATIN_SPANS = re.compile(
    r"csm(?: +(?:[-\w./=:,…\[\]{}|<>\"']+))*"
    r"|`[^`]*`|'[^']*'|\"[^\"]*\"|<[a-z ]+>"
    r"|\b\w+=\S+|\b\w+(?:\|\w+)+\b|--?[\w-]+|/[\w./-]+|\b[\w]+(?:[-_/.][\w]+)+\b|\b[A-Z][A-Z_]+\b"
)


def english_words(text: str, allowed: set[str]) -> list[str]:
    """The English words of `text` outside the spans §9 keeps Latin."""
    # Help wraps long lines, commands and quotes included: read it unwrapped.
    rest = _LATIN_SPANS.sub(" ", re.sub(r"\n *", " ", text))
    return [
        word
        for word in re.findall(r"\b[A-Za-z]{2,}\b", rest)  # not inside an id like ea3f
        if word.lower() not in allowed and set(word) != {"x"}  # x: a missed day in a graph
    ]


@pytest.fixture
def manager(config_dir: Path, tmp_path: Path) -> Path:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("lang: ar\nuser: منى\n", encoding="utf-8")
    track_from("2026-01-01")
    assert run("done", "monitor-accounts", "--on", DAY, "--note", "تصعيدان").exit_code == 0
    assert run("skip", "resolve-issues", "--on", DAY, "--reason", "عطل").exit_code == 0
    assert run(
        "done", "monthly-report", "--on", "2026-10-30", "--measure", "csat=4.5"
    ).exit_code in (0, 2)
    assert run("off", "add", "2026-11-12", "--reason", "إجازة").exit_code == 0
    assert run("run", "start", "crisis", "--name", "اختراق").exit_code == 0
    return tmp_path


def _commands(folder: Path) -> list[tuple[str, ...]]:
    out = str(folder / "out")
    return [
        ("today", "--on", DAY),
        ("today", "--on", DAY, "--all"),
        ("today", "--on", DAY, "--json"),
        ("due", "--on", DAY, "--period", "month"),
        ("log",),
        ("log", "--history"),
        ("report", "--on", DAY),
        ("report", "--on", DAY, "--format", "md"),
        ("report", "--on", DAY, "--period", "year"),
        ("report", "--on", DAY, "-o", out + ".txt"),
        ("report", "--on", DAY, "--format", "html", "-o", out + ".html"),
        ("report", "--on", DAY, "--format", "pdf"),
        ("export", "-o", out + ".csv"),
        ("export", "--format", "md"),
        ("import", "--dry-run", out + ".csv"),
        ("list",),
        ("show", "monitor-accounts"),
        ("calendar", "-o", out + ".ics"),
        ("checklist", "validate"),
        ("config", "show"),
        ("config", "path"),
        ("history",),
        ("off", "list"),
        ("run", "list"),
        ("run", "show", RUN),
        ("done", f"{RUN}/assess"),
        ("run", "close", RUN),
        ("off", "countries"),
        ("off", "holidays", "--country", "SA", "--year", "2026", "--dry-run"),
        ("config", "set", "week_start", "sunday"),
        ("history", "start", "2026-01-01"),
        ("checklist", "enable", "role"),
        ("today", "--on", DAY),
        ("checklist", "disable", "role"),
        ("checklist", "init", str(folder / "mine")),
        ("measures",),
        ("note", "monitor-accounts", "--on", DAY, "تصعيد واحد"),
        ("undo", "resolve-issues"),
        # Slips a manager makes.
        ("done", "nothing-like-this"),
        ("done", "monitor-accounts", "--on", "2099-01-01"),
        ("today", "--on", "yesterdayy"),
        ("report", "--json"),
        ("report", "--period", "fortnight"),
        ("config", "set", "lang", "fr"),
        ("show", "nothing-like-this"),
        ("import", out + ".missing"),
        ("export", "-o", str(folder / "no" / "such" / "dir.csv")),
        ("nosuch",),
        ("done", "--bogus"),
    ]


def _help_commands() -> list[tuple[str, ...]]:
    command = typer.main.get_command(build_app())
    paths: list[tuple[str, ...]] = [("--help",)]
    for name, sub in command.commands.items():  # type: ignore[attr-defined]
        paths.append((name, "--help"))
        for subname in getattr(sub, "commands", {}):
            paths.append((name, subname, "--help"))
    return paths


def test_every_command_speaks_arabic(manager: Path) -> None:
    allowed = _allowed_words()
    found: dict[str, list[str]] = {}
    for args in [*_commands(manager), *_help_commands()]:
        result = run(*args)
        text = result.stdout + result.stderr
        if "--json" in args:
            continue  # machine-readable: keys stay English by design
        if args[0] == "show":  # shows the item's title in both languages, by design
            text = text.replace("Monitor the accounts", "")
        words = english_words(text, allowed)
        if words:
            found[" ".join(args)] = sorted(set(words))
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_the_word_check_finds_english() -> None:
    allowed = {"csm"}
    assert english_words("تم: مراقبة (monitor-accounts) for 2026-11-18", allowed) == ["for"]
    assert english_words("استخدم csm done monitor-accounts --on 2026-11-18", allowed) == []
    assert english_words("خطأ: 'nothing here' غير موجود", allowed) == []
    assert english_words("Done: x", allowed) == ["Done"]
