"""Every test runs against its own temporary config and data folders, so no
test can read or change a real user's settings or log."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# No test asserts how long anything takes: hypothesis's per-example deadline
# (200 ms) fails property tests on a machine that is busy, or whose clock
# libfaketime moves, whatever csm does.
settings.register_profile("csm", deadline=None)
settings.load_profile("csm")


def pytest_configure(config: pytest.Config) -> None:
    # The suite run a year ahead (README, Developing) preloads libfaketime
    # into pytest itself, which hands every child process FAKETIME_SHARED:
    # one block of clock state for all of them, which a child writing to a
    # closed stdout (that block then sits at file descriptor 1) overwrites
    # for every later one. Without it each child keeps a clock of its own.
    os.environ.pop("FAKETIME_SHARED", None)


@pytest.fixture(autouse=True)
def csm_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    config_dir = tmp_path / "config"
    data_dir = tmp_path / "data"
    monkeypatch.setenv("CSM_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("CSM_DATA_DIR", str(data_dir))
    monkeypatch.setenv("CSM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CSM_DEBUG", raising=False)
    monkeypatch.delenv("CSM_FORCE_TERMINAL", raising=False)
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("NO_COLOR", "1")
    return config_dir, data_dir


@pytest.fixture
def config_dir(csm_dirs: tuple[Path, Path]) -> Path:
    return csm_dirs[0]


@pytest.fixture
def data_dir(csm_dirs: tuple[Path, Path]) -> Path:
    return csm_dirs[1]
