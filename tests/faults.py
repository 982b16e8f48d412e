"""Helpers for the safety tests: real processes, and proof that nothing csm
keeps was changed by a command that failed."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from clihelp import Result, run, track_from


@dataclass
class Files:
    """The bytes of every file in csm's config and data folders."""

    contents: dict[str, bytes]

    @classmethod
    def of(cls, *folders: Path) -> Files:
        contents: dict[str, bytes] = {}
        for folder in folders:
            if not folder.exists():
                continue
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    contents[str(path)] = path.read_bytes()
        return cls(contents)


def kept(tmp_path: Path) -> Files:
    """What a failed command must leave exactly as it was: config (with the
    checklists) and the log's folder."""
    return Files.of(tmp_path / "config", tmp_path / "data")


def seed_log() -> None:
    """A log with two events, one with a note, tracked since 2020."""
    track_from()
    assert run("done", "monitor-accounts", "--on", "2026-11-02", "--note", "calm").exit_code == 0
    assert run("done", "team-meeting", "--on", "2026-11-02").exit_code == 0


def refused(result: Result, code: int, *phrases: str) -> None:
    """A clean refusal: the exit code, one Error line naming the problem, a
    hint, and no traceback."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert result.stderr.startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "Unexpected error" not in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, (phrase, result.stderr)


def csm_env(**extra: str) -> dict[str, str]:
    """The environment of a csm subprocess: this test's folders, this code."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    env.update(extra)
    return env


def run_process(
    *args: str,
    input: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    **options: object,
) -> Result:
    """`csm ARGS...` as a real process."""
    done = subprocess.run(
        [sys.executable, "-m", "csm_checklist", *args],
        input=input,
        capture_output=True,
        env=env or csm_env(),
        timeout=timeout,
        **options,  # type: ignore[arg-type]
    )
    return Result(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )
