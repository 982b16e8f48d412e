"""Every test runs against its own temporary config and data folders, so no
test can read or change a real user's settings or log."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    monkeypatch.delenv("CSM_STORE", raising=False)
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


# A real PostgreSQL for the team's store ------------------------------------
#
# scripts/pg-test-cluster starts a throwaway cluster in a temporary folder
# (as the postgres system user when run as root) and removes it at the end of
# the session. Without PostgreSQL or psycopg the tests that need it are
# skipped on a developer's machine, and fail under CI=true.

REPO = Path(__file__).resolve().parents[1]


def _no_server(reason: str) -> None:
    import os

    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is needed under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The PG* variables of a running throwaway cluster (superuser postgres)."""
    import os
    import shutil
    import subprocess
    import tempfile

    try:
        import psycopg  # noqa: F401
    except ImportError:
        _no_server('psycopg is not installed (pip install ".[team]")')
    if not (shutil.which("initdb") or list(Path("/usr/lib/postgresql").glob("*/bin/initdb"))):
        _no_server("PostgreSQL's initdb is not installed")
    folder = tempfile.mkdtemp(prefix="csm-pg.")
    script = REPO / "scripts" / "pg-test-cluster"
    started = subprocess.run(
        [str(script), "start", folder], capture_output=True, text=True, check=False
    )
    if started.returncode != 0:
        subprocess.run([str(script), "stop", folder], check=False)
        _no_server(f"the test cluster did not start: {started.stderr.strip()[-500:]}")
    found = {}
    for line in started.stdout.splitlines():
        name, _, value = line.removeprefix("export ").partition("=")
        found[name] = value.strip("'")
    try:
        yield found
    finally:
        subprocess.run([str(script), "stop", folder], check=False)
        if os.path.exists(folder):
            shutil.rmtree(folder, ignore_errors=True)


class Team:
    """One fresh database on the test cluster, set up by `csm team init`,
    with members mona and ali and the lead sara (and m01..m20 on demand)."""

    def __init__(self, env: dict[str, str], dbname: str) -> None:
        self.env = env
        self.dbname = dbname

    def url(self, login: str = "postgres", *, tcp: bool = False) -> str:
        host = "127.0.0.1" if tcp else self.env["PGHOST"]
        from urllib.parse import quote

        return f"postgresql://{login}@{quote(host, safe='')}:{self.env['PGPORT']}/{self.dbname}"

    def connect(self, login: str = "postgres", *, autocommit: bool = True) -> Any:
        import psycopg

        return psycopg.connect(self.url(login), autocommit=autocommit)


_DATABASES = [0]


@pytest.fixture
def team(pg_cluster: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Team]:
    import psycopg

    from csm_checklist.store import pg_admin

    for name, value in pg_cluster.items():
        monkeypatch.setenv(name, value)
    _DATABASES[0] += 1
    dbname = f"csm_test_{_DATABASES[0]}"
    with psycopg.connect(autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
        admin.execute(f'CREATE DATABASE "{dbname}"')
    found = Team(pg_cluster, dbname)
    pg_admin.init(found.url())
    pg_admin.add_member(found.url(), "mona", "Mona", False)
    pg_admin.add_member(found.url(), "ali", "Ali", False)
    pg_admin.add_member(found.url(), "sara", "Sara", True)
    try:
        yield found
    finally:
        # As the cluster's superuser, whatever PG* variables the test set.
        superuser = {
            "host": pg_cluster["PGHOST"],
            "port": pg_cluster["PGPORT"],
            "user": "postgres",
            "dbname": "postgres",
        }
        with psycopg.connect(**superuser, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
