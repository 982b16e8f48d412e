"""The one family of errors csm reports to its users.

Every failure a user can cause or meet is a `CsmError`: a short sentence, a
hint that says what to do, and the exit code of the spec (1: the request could
not be met; 2: bad input). The CLI prints them in one place and never shows a
traceback unless CSM_DEBUG=1.
"""

from __future__ import annotations


class CsmError(Exception):
    """An error meant for the user: one sentence and a hint."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class BadInput(CsmError):
    """The user gave something csm cannot accept (exit 2)."""

    exit_code = 2


class NotMet(CsmError):
    """The request was understood but cannot be met (exit 1)."""

    exit_code = 1


class ChecklistError(BadInput):
    """A checklist file is invalid; the message names file, line and item."""


class ConfigError(BadInput):
    """A setting or the config file is invalid."""


class LogError(NotMet):
    """The event log cannot be read or written."""


class UnknownItem(NotMet):
    """No item matches what the user typed."""


class ImportFileError(BadInput):
    """A file given to `csm import` is not something export wrote."""


def reason_of(exc: BaseException) -> str:
    """An exception's sentence, kept a message when it is one (`str(exc)`
    would keep only its English)."""
    from csm_checklist.messages import Msg

    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Msg) else str(exc)
