"""Recognise the click exceptions typer uses, whichever click it carries.

typer 0.28 vendors click as `typer._click`; older releases use `click`.
Usage errors must pass through untouched so click prints them with exit 2.
"""

from __future__ import annotations


def is_click_exception(exc: BaseException) -> bool:
    return any(
        cls.__module__.split(".")[0] in ("click", "typer") and cls.__name__ in _NAMES
        for cls in type(exc).__mro__
    )


_NAMES = {"ClickException", "Exit", "Abort", "UsageError", "BadParameter"}
