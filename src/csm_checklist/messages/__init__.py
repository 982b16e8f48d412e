"""Every sentence csm prints, by id, in English and Arabic side by side.

The catalog is this package: one module per area (`errors`, `help`, `views`,
...), each a `MESSAGES` table of `id: (English, Arabic)` whose ids start with
the module's name, so a run loads only the areas it speaks from. Templates
take named parameters (`{item}`), the same in both languages.

A message is built where it arises, as `Msg("area.name", item=...)`. A `Msg`
is a `str` holding the English, so code and tests that handle it as text keep
working, and it also keeps its id and parameters, so the one place that shows
it (an error line, `echo`) can say it in the reader's language instead.

The reader's language is the `lang` setting, made known by `use` once the
settings are read. A command that never reads them (`csm log`) learns it on
its first message, from the finder the CLI gives `find_language_with`. With
no finder, and when the config cannot be read, it is English.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

_current = ["en", ""]  # the language, and "set" once `use` was called
_finders: list[Callable[[], object]] = []


def use(lang: str) -> None:
    """Speak `lang` from now on in this run (the `lang` setting)."""
    _current[0] = "ar" if lang == "ar" else "en"
    _current[1] = "set"


def current() -> str:
    """The reader's language: found on first need, English if it cannot be."""
    if not _current[1] and _finders:
        _finders[-1]()  # calls `use`
    return _current[0]


def find_language_with(finder: Callable[[], object]) -> None:
    """How to find the reader's language when it is first needed."""
    _finders[:] = [finder]


def is_known() -> bool:
    """Whether `use` has been told the reader's language in this run."""
    return bool(_current[1])


def forget() -> None:
    """Back to not knowing the language, nor how to find it: each run
    learns it afresh."""
    _current[0], _current[1] = "en", ""
    _finders.clear()


def entry(message_id: str) -> tuple[str, str]:
    """The (English, Arabic) templates of a message id."""
    area = message_id.partition(".")[0]
    module = import_module(f"{__name__}.{area}")
    table: dict[str, tuple[str, str]] = module.MESSAGES
    return table[message_id]


def template(message_id: str, lang: str) -> str:
    english, arabic = entry(message_id)
    return arabic if lang == "ar" and arabic else english


class Msg(str):
    """A message: its English text, and its id and parameters to say it in
    another language. Parameters that are themselves messages follow the
    language of the message that holds them."""

    id: str
    params: dict[str, Any]

    def __new__(cls, message_id: str, /, **params: Any) -> Msg:
        self = super().__new__(cls, _render(message_id, params, "en"))
        self.id = message_id
        self.params = params
        return self

    def text(self, lang: str | None = None) -> str:
        """The message in `lang` (default: the reader's language)."""
        lang = current() if lang is None else lang
        if lang == "en":
            return str.__str__(self)
        return _render(self.id, self.params, lang)

    def __reduce__(self) -> Any:
        return (_rebuild, (self.id, self.params))


class Sentence(Msg):
    """A message that starts a sentence where the catalog's wording does not:
    a capital first letter in English (Arabic has none)."""

    def __new__(cls, message_id: str, /, **params: Any) -> Sentence:
        english = _render(message_id, params, "en")
        self = str.__new__(cls, english[:1].upper() + english[1:])
        self.id = message_id
        self.params = params
        return self

    def text(self, lang: str | None = None) -> str:
        said = super().text(lang)
        return said[:1].upper() + said[1:]

    def __reduce__(self) -> Any:
        return (_rebuild_sentence, (self.id, self.params))


def _rebuild_sentence(message_id: str, params: dict[str, Any]) -> Sentence:
    return Sentence(message_id, **params)


def _rebuild(message_id: str, params: dict[str, Any]) -> Msg:
    return Msg(message_id, **params)


def _render(message_id: str, params: dict[str, Any], lang: str) -> str:
    values = {
        name: value.text(lang)
        if isinstance(value, Msg)
        else system_text(value, lang)
        if lang != "en" and isinstance(value, (str, BaseException))
        else value
        for name, value in params.items()
    }
    return template(message_id, lang).format(**values)


# The reasons the system around csm gives in English, by their message id in
# `messages.system`: an error that passes one on says it in the reader's
# language, not Python's or the operating system's.
SYSTEM_TEXTS = {
    "No such file or directory": "system.no_such_file",
    "Permission denied": "system.permission_denied",
    "Is a directory": "system.is_a_directory",
    "Not a directory": "system.not_a_directory",
    "Read-only file system": "system.read_only",
    "No space left on device": "system.disk_full",
    "File exists": "system.file_exists",
    "Directory not empty": "system.not_empty",
    "Device or resource busy": "system.busy",
    "File name too long": "system.name_too_long",
    "Input/output error": "system.io_error",
    "Too many levels of symbolic links": "system.links",
    "Operation not permitted": "system.operation_not_permitted",
    "month must be in 1..12": "system.month",
    "day is out of range for month": "system.day",
    "year 0 is out of range": "system.year_zero",
    "date value out of range": "system.date_range",
    "Python int too large to convert to C int": "system.int_too_large",
    "signed integer is greater than maximum": "system.int_max",
    "database is locked": "system.db_locked",
    "file is not a database": "system.db_not",
    "database disk image is malformed": "system.db_malformed",
    "attempt to write a readonly database": "system.db_readonly",
    "unable to open database file": "system.db_open",
    "disk I/O error": "system.db_io",
}


def system_text(value: str | BaseException, lang: str) -> str | BaseException:
    """A reason the system gave, in `lang` when it is one csm knows (an
    exception by its `strerror` or its text); anything else as it is."""
    if isinstance(value, BaseException):
        known = getattr(value, "strerror", None)
        text = known if isinstance(known, str) and known in SYSTEM_TEXTS else str(value)
    else:
        text = value
    key = SYSTEM_TEXTS.get(text.rstrip("."))
    if key is None:
        return value
    return template(key, lang)


def say(text: str, lang: str | None = None) -> str:
    """`text` in the reader's language when it is a message, else as it is."""
    return text.text(lang) if isinstance(text, Msg) else text


def t(message_id: str, /, lang: str | None = None, **params: Any) -> str:
    """A message's text in `lang` (default: the reader's language)."""
    return _render(message_id, params, current() if lang is None else lang)
