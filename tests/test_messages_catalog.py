"""The message catalog: every message in both languages, with the same
parameters, and every id the code asks for present."""

from __future__ import annotations

import ast
import pkgutil
import string
from importlib import import_module
from pathlib import Path

import pytest

import csm_checklist
from csm_checklist import messages
from csm_checklist.messages import Msg, say, t

SOURCE = Path(csm_checklist.__file__).parent
AREAS = sorted(
    info.name for info in pkgutil.iter_modules(messages.__path__) if not info.name.startswith("_")
)
ENTRIES = [
    (area, message_id, english, arabic)
    for area in AREAS
    for message_id, (english, arabic) in import_module(
        f"csm_checklist.messages.{area}"
    ).MESSAGES.items()
]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _arabic_letters(text: str) -> int:
    return sum("\u0600" <= char <= "\u06ff" for char in text)


def test_the_catalog_has_the_areas_and_entries_the_commands_speak_from() -> None:
    assert {"cli", "errors", "commands", "help", "views"} <= set(AREAS)
    assert len(ENTRIES) > 400


@pytest.mark.parametrize(("area", "message_id", "english", "arabic"), ENTRIES)
def test_every_message_has_english_and_arabic_with_the_same_parameters(
    area: str, message_id: str, english: str, arabic: str
) -> None:
    assert message_id.startswith(f"{area}."), "an id names the module it lives in"
    assert english.strip(), "English is missing"
    assert arabic.strip(), "Arabic is missing"
    assert _fields(english) == _fields(arabic)
    # A word or more of Arabic, unless the message only puts its parts
    # together (Arabic needs no article where English says "the").
    arabic_words = string.Formatter().vformat(arabic, (), _Blank())
    if any(char.isalpha() for char in string.Formatter().vformat(english, (), _Blank())) and (
        arabic_words.strip(" .,:;()·-")
    ):
        assert _arabic_letters(arabic) > 0, "the Arabic is not Arabic"


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _ids_in_source() -> list[tuple[str, str]]:
    """(file, id) of every `Msg("…")` and `t("…")` with a literal id."""
    found = []
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("Msg", "t")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((path.name, node.args[0].value))
    return found


def test_every_id_the_code_asks_for_is_in_the_catalog() -> None:
    known = {message_id for _, message_id, _, _ in ENTRIES}
    asked = _ids_in_source()
    assert len(asked) > 100
    missing = [(where, message_id) for where, message_id in asked if message_id not in known]
    assert missing == []


def test_a_message_is_its_english_and_says_itself_in_arabic() -> None:
    message = Msg("cli.no_such_option", name="--json")
    assert message == "No such option: --json"
    assert isinstance(message, str)
    assert message.text("ar") == "لا يوجد خيار باسم --json"
    assert say(message, "ar") == "لا يوجد خيار باسم --json"
    assert say("plain text", "ar") == "plain text"


def test_a_message_inside_a_message_follows_its_language() -> None:
    inner = Msg("cli.no_such_option", name="--x")
    outer = Msg("cli.error_line", message=inner)
    assert outer == "Error: No such option: --x"
    assert outer.text("ar") == "خطأ: لا يوجد خيار باسم --x"


def test_the_readers_language_is_english_until_the_settings_say_otherwise() -> None:
    messages.forget()
    assert messages.current() == "en"
    assert not messages.is_known()
    messages.use("ar")
    assert t("cli.usage") == "الاستخدام:"
    messages.use("fr")  # not a language csm speaks: English
    assert t("cli.usage") == "Usage:"
    messages.forget()
