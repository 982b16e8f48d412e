"""With `lang: ar` every view speaks Arabic: no English word is left but ids,
dates, numbers, option names and commands. And every word a view asks the
catalog for is there in both languages, with the same parameters."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine

from bidi import unmarked
from clihelp import read as run

RUN = "crisis-2027-03-02"


@contextmanager
def at(moment: str) -> Iterator[None]:
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


@pytest.fixture(autouse=True)
def _arabic(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\nlang: ar\n", encoding="utf-8")


def _allowed() -> set[str]:
    """The Latin words a view may show: ids, and the user's name."""
    items = json.loads(ok("list", "--json"))
    names = {item["id"] for item in items["items"]} | {area["id"] for area in items["areas"]}
    steps = json.loads(ok("run", "show", RUN, "--json"))["steps"]
    names |= {RUN, "crisis", "Mona", *(step["step"] for step in steps)}
    # Setting keys and values stay as they are typed.
    names |= {"week_start", "monday", "workdays", "mon-fri", "fiscal_year_start", "timezone"}
    return names


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
COMMAND = re.compile(r"csm [^\n)،؛]*")
OPTION = re.compile(r"--[a-z][a-z-]*")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_./-]*")


def english_words(text: str, allowed: set[str]) -> list[str]:
    """The Latin words of `text` that are neither ids, dates nor commands."""
    text = OPTION.sub(" ", COMMAND.sub(" ", ANSI.sub("", text)))
    found = []
    for word in WORD.findall(text):
        base = word.split("/")[0].rstrip(".")
        if set(word) <= set("x.#+-~"):  # a row of the consistency graph
            continue
        if base == "SHA-256" or re.fullmatch("[0-9a-f]{8,64}", base):
            continue  # the log chain's head, kept Latin like an id
        if base not in allowed and word not in allowed:
            found.append(word)
    return found


def _settle_a_week() -> None:
    """A week of work, a run started and half done, and a note corrected."""
    with at("2027-03-01T09:00"):
        ok("history", "start", "2027-02-01")
    with at("2027-03-01T10:00"):
        ok("done", "monitor-accounts", "--note", "تصعيدان")
        ok("skip", "team-meeting", "--reason", "إجازة")
    with at("2027-03-02T09:00"):
        ok("run", "start", "crisis")
    with at("2027-03-02T09:40"):
        ok("done", f"{RUN}/assess")


VIEWS = [
    ("today",),
    ("due",),
    ("list",),
    ("show", "monitor-accounts"),
    ("report", "--period", "month", "--on", "2027-03-02"),
    ("report", "--period", "week", "--on", "2027-03-02", "--format", "md"),
    ("report", "--period", "quarter", "--on", "2027-03-02"),
    ("history",),
    ("run", "list"),
    ("run", "show", RUN),
]


@pytest.mark.parametrize("terminal", [False, True], ids=["plain", "terminal"])
def test_every_view_in_arabic_has_no_english_word(
    terminal: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    _settle_a_week()
    allowed = _allowed()
    if terminal:
        monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
        monkeypatch.setenv("COLUMNS", "140")
    with at("2027-03-02T12:00"):
        for args in VIEWS:
            shown = ok(*args)
            if args[0] == "show":  # the item's title in English too, by design
                shown = shown.replace("Monitor the accounts", "")
            assert english_words(shown, allowed) == [], (args, shown)


def test_what_views_say_in_arabic_exactly() -> None:
    with at("2027-03-02T09:00"):
        started = ok("run", "start", "crisis")
    assert started.endswith(
        "، 6 خطوات؛ أول موعد نهائي 2027-03-02 10:00 (assess).\n"
        f"سجّل إنجاز الخطوات بالأمر: csm done {RUN}/assess\n"
    )
    assert started.startswith(f"بدأت {RUN}: ")
    with at("2027-03-02T09:40"):
        done = ok("done", f"{RUN}/assess")
    assert done.endswith(f" ({RUN}/assess) — في الموعد (موعدها 2027-03-02 10:00)\n")
    assert done.startswith("تم: ")
    with at("2027-03-08T10:00"):
        closed = ok("run", "close", RUN, "--force")
        listed = ok("run", "list")
        quarter = ok("report", "--period", "quarter", "--on", "2027-03-08")
    assert closed == f"أُغلقت {RUN} بعد 6 أيام وساعة، وبقيت 5 خطوات مفتوحة.\n"
    assert unmarked(listed).splitlines()[0].split() == [
        "الخطة",
        "الدليل",
        "بدأت",
        "الخطوات",
        "الحالة",
    ]
    assert unmarked(quarter).startswith("تقرير خدمة العملاء — الربع 1 من السنة المالية 2027\n")


def test_the_log_in_arabic() -> None:
    """`csm log` reads no setting before it prints, so its words follow the
    language once it is known; here it is made known as the settings would."""
    from csm_checklist import messages
    from csm_checklist.cli.views import events as view

    with at("2027-03-01T10:00"):
        ok("history", "start", "2027-02-01")
        ok("done", "monitor-accounts", "--note", "تصعيدان")
        ok("skip", "team-meeting", "--reason", "إجازة")
        ok("undo", "team-meeting")
    events = json.loads(ok("log", "--json"))["events"]
    assert len(events) == 1  # the undone skip is left out
    messages.use("ar")
    try:
        assert view.plain_log([]) == "لا توجد تسجيلات.\n"
        assert view.more_line(3).text("ar") == "هناك 3 أخرى: استعمل --limit 0 أو --all لعرضها كلها."
        assert view.plain_log([]).isascii() is False
    finally:
        messages.forget()


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "مهمة واحدة"),
        (12, "عدد المهام: 12"),
    ],
)
def test_counted_phrases(count: int, text: str) -> None:
    from csm_checklist.cli.views.labels import counted

    assert counted("list.count", count, "ar") == text


def test_arabic_counts_take_their_forms() -> None:
    from csm_checklist.cli.views.labels import counted
    from csm_checklist.duties.wording import rrule_text

    forms = [counted("runs.steps", n, "ar") for n in (1, 2, 3, 10, 11, 100)]
    assert forms == ["خطوة واحدة", "خطوتان", "3 خطوات", "10 خطوات", "11 خطوة", "100 خطوة"]
    assert [counted("runs.steps", n, "en") for n in (1, 2)] == ["1 step", "2 steps"]
    assert rrule_text("FREQ=DAILY;INTERVAL=2", "ar") == "كل يومين"
    assert rrule_text("FREQ=WEEKLY;COUNT=1", "en") == "every week, 1 time"
    assert rrule_text("FREQ=WEEKLY;COUNT=12", "ar") == "كل أسبوع، 12 مرة"


# Every key a view asks for ------------------------------------------------------

SOURCES = Path(__file__).parent.parent / "src" / "csm_checklist" / "cli"
ASKED = re.compile(r"""\b(label|word|_word|counted)\(\s*f?["']([^"']+)["']""")
AREAS = {"measures.py": "measures.", "runs.py": "runs.", "catalog.py": "list."}


def _asked() -> set[str]:
    """The ids views ask for by a literal key ({...} parts become patterns)."""
    wanted = set()
    for path in [*(SOURCES / "views").glob("*.py"), *(SOURCES / "commands").glob("*.py")]:
        for call, key in ASKED.findall(path.read_text(encoding="utf-8")):
            area = AREAS.get(path.name, "") if call in ("word", "_word") else ""
            if path.parent.name == "commands" and call == "word":
                area = "measures."  # commands/measures.py uses the measures view's word
            wanted.add(f"views.{area}{key}")
    return wanted


def test_every_key_a_view_asks_for_is_in_both_languages() -> None:
    from csm_checklist.messages.views import MESSAGES
    from csm_checklist.messages.wording import MESSAGES as WORDING

    ids = set(MESSAGES) | {f"views.{k.removeprefix('wording.cadence.')}" for k in WORDING}
    families = {key.rsplit(".", 1)[0] for key in MESSAGES}
    asked = _asked()
    assert len(asked) > 50
    for key in sorted(asked):
        pattern = re.sub(r"\\\{[^}]*\\?\}", "[a-z_]+", re.escape(key))
        if key.endswith(("_", ".")):  # the rest of the key is computed
            pattern += "[a-z_.]+"
        assert any(re.fullmatch(pattern, known) for known in ids | families), key


@pytest.mark.parametrize("area", ["views", "wording"])
def test_every_message_has_arabic_with_the_same_parameters(area: str) -> None:
    import importlib

    table = importlib.import_module(f"csm_checklist.messages.{area}").MESSAGES
    # These two are formatted by callers that pass an English word as
    # {noun}/{cadence}; the Arabic says the sentence without it.
    english_only = {"views.exported": {"noun"}, "views.wrote_report": {"cadence"}}
    for key, (english, arabic) in table.items():
        assert key.startswith(f"{area}."), key
        assert english and arabic, key
        names = {name for _, name, _, _ in string.Formatter().parse(english) if name}
        arabic_names = {name for _, name, _, _ in string.Formatter().parse(arabic) if name}
        assert arabic_names == names - english_only.get(key, set()), key
