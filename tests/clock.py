"""Running a whole csm process on another day, with libfaketime.

csm asks the clock only at its edge (the settings' `now`), so a test that
needs a log created, or a checklist changed, on a given day runs the real
command under `faketime` rather than through any switch inside csm.
"""

from __future__ import annotations

import os
import shutil

import pytest


def on_day(moment: str) -> list[str]:
    """The command prefix that runs a process as if it were `moment`
    ("2024-03-04 09:00:00"; the clock ticks on from there)."""
    path = shutil.which("faketime")
    if path is None:
        message = "faketime (Debian's libfaketime) is not installed; .ci/run installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return [path, moment]


def faked_env(env: dict[str, str]) -> dict[str, str]:
    """`env` for a process under faketime: only the wall clock is moved, so
    timeouts measured on the monotonic clock behave as usual."""
    return {**env, "FAKETIME_DONT_FAKE_MONOTONIC": "1"}
