"""Draw a rich view at a fixed width and read back its text with its styles,
so a test can say exactly what a person at a terminal sees."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from csm_checklist.cli.views import common
from csm_checklist.cli.views.safe import safe_console


def _segments(monkeypatch: pytest.MonkeyPatch, width: int, view: Callable[[], Any]) -> list[Any]:
    console = safe_console(
        width=width,
        record=True,
        file=io.StringIO(),
        force_terminal=True,
        color_system="standard",
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    monkeypatch.setattr(common, "terminal_console", lambda: console)
    view()
    return [segment for segment in console._record_buffer if not segment.control]


def drawn(monkeypatch: pytest.MonkeyPatch, width: int, view: Callable[[], Any]) -> str:
    """What `view` prints on a terminal `width` cells wide: the text, each
    styled run written <style>text</>."""
    parts: list[str] = []
    last = ""
    for segment in _segments(monkeypatch, width, view):
        style = str(segment.style) if segment.style else ""
        style = "" if style == "none" else style
        if style != last:
            parts.append(("</>" if last else "") + (f"<{style}>" if style else ""))
            last = style
        parts.append(segment.text)
    return "".join(parts) + ("</>" if last else "")


def plain(monkeypatch: pytest.MonkeyPatch, width: int, view: Callable[[], Any]) -> str:
    """What `view` prints on a terminal `width` cells wide, without styles."""
    return "".join(segment.text for segment in _segments(monkeypatch, width, view))
