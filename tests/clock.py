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
    library = _library()
    others = [p for p in env.get("LD_PRELOAD", "").split() if p != library]
    # A process under libfaketime already (the suite run a year ahead) hands
    # its children FAKETIME_SHARED, its own clock state: a child with a
    # moment of its own must not share it.
    kept = {name: value for name, value in env.items() if name != "FAKETIME_SHARED"}
    return {
        **kept,
        "LD_PRELOAD": " ".join([library, *others]),
        "FAKETIME": f"@{moment}",
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
    }
