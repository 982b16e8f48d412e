"""Running a whole csm process on another day, with libfaketime.

csm asks the clock only at its edge (the settings' `now`), so a test that
needs a log created, or a checklist changed, on a given day runs the real
command with libfaketime preloaded rather than through any switch inside
csm. The library is preloaded directly: the `faketime` wrapper creates a
named semaphore per run, and runs started in quick succession can trip over
one another's ("sem_open: File exists").
"""

from __future__ import annotations

import glob
import os

import pytest


def _library() -> str:
    found = sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))
    found += sorted(glob.glob("/usr/lib/faketime/libfaketime.so.1"))
    if not found:
        message = "libfaketime (Debian's faketime package) is not installed; .ci/run installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found[0]


def on_day(env: dict[str, str], moment: str) -> dict[str, str]:
    """`env` for a process that runs as if it were `moment` ("2024-03-04
    09:00:00"; the clock ticks on from there). Only the wall clock moves:
    timeouts measured on the monotonic clock behave as usual."""
    preload = " ".join(p for p in (_library(), env.get("LD_PRELOAD", "")) if p)
    return {
        **env,
        "LD_PRELOAD": preload,
        "FAKETIME": f"@{moment}",
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
    }
