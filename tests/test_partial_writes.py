"""Every file csm writes whole, failing part-way: the old file stays byte for
byte, no temporary is left behind, and the user reads one clear error line
with the exit code of a request not met (or, for the files csm keeps only
for speed, nothing at all and the command done).

Three ways a write fails: the disk fills after some bytes, the flush to disk
fails, the final rename fails. Each is made to happen only to csm's own
temporaries (`*.csm-partial`), so the log and everything else work as ever.
"""

from __future__ import annotations

import errno
import os
import pathlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import time_machine

from csm_checklist.atomic import PARTIAL
from csm_checklist.store import records

from clihelp import Result, run
from faults import refused

FAULTS = ("write", "fsync", "replace")


def _is_partial(name: object) -> bool:
    return str(name).endswith(PARTIAL)


def _fd_name(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


class _HalfWriter:
    """A stream that takes half of the first write, then finds the disk full."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    @property
    def buffer(self) -> _HalfWriter:
        # A PDF is written as bytes, to the text stream's buffer.
        return _HalfWriter(self._stream.buffer)

    def write(self, text: str | bytes) -> int:
        self._stream.write(text[: len(text) // 2])
        self._stream.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


def _inject(monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    if fault == "write":
        real_fdopen = os.fdopen
        real_write_text = pathlib.Path.write_text

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            stream = real_fdopen(fd, *args, **kwargs)
            return _HalfWriter(stream) if _is_partial(_fd_name(fd)) else stream

        def write_text(self: Path, data: str, *args: Any, **kwargs: Any) -> int:
            if _is_partial(self):
                real_write_text(self, data[: len(data) // 2], *args, **kwargs)
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write_text(self, data, *args, **kwargs)

        monkeypatch.setattr(os, "fdopen", fdopen)
        monkeypatch.setattr(pathlib.Path, "write_text", write_text)
    elif fault == "fsync":
        real_fsync = os.fsync

        def fsync(fd: Any) -> None:
            number = fd if isinstance(fd, int) else fd.fileno()
            if _is_partial(_fd_name(number)):
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", fsync)
    else:
        real_replace = os.replace

        def replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
            if _is_partial(src):
                # As the system says it: naming both files.
                raise OSError(errno.EACCES, os.strerror(errno.EACCES), src, None, dst)
            real_replace(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, "replace", replace)


# Not what a write replaces: the log (compared through `csm log`), the
# settings lock (made once, kept on purpose) and the HTML templates' cache.
_ASIDE = ("log.sqlite3", ".config.yaml.lock", "__jinja2_")


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.name.startswith(_ASIDE)
    }


def _partials(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if _is_partial(path.name)]


@dataclass(frozen=True)
class Writer:
    """One file csm writes whole: how to make one exist, and the command that replaces it."""

    prepare: Callable[[Path], None]
    command: Callable[[Path], list[str]]
    target: Callable[[Path], Path]
    # The files kept only for speed fail quietly: the command does its work.
    quiet: bool = False


def _ok(result: Result) -> None:
    assert result.exit_code == 0, (result.stdout, result.stderr)


def _old_output(path: Path) -> Callable[[Path], None]:
    def prepare(tmp_path: Path) -> None:
        (tmp_path / path).write_text("the old file\n", encoding="utf-8")

    return prepare


def _nothing(tmp_path: Path) -> None:
    pass


def _days_off(tmp_path: Path) -> None:
    _ok(run("off", "add", "2026-12-24", "--reason", "Eve"))


def _pack_on(tmp_path: Path) -> None:
    _ok(run("checklist", "enable", "role"))


def _checklist_copy(tmp_path: Path) -> None:
    _ok(run("checklist", "init"))
    daily = tmp_path / "config" / "checklists" / "daily.yaml"
    daily.write_text(daily.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")


def _stale_cache(tmp_path: Path) -> None:
    # A checklist edited since the cache was filled: the next command rewrites it.
    (tmp_path / "config" / "checklists" / "mine.yaml").write_text(
        "items:\n  - {id: team-meeting, enabled: false}\n", encoding="utf-8"
    )


WRITERS: dict[str, Writer] = {
    "config.yaml": Writer(
        _nothing, lambda t: ["config", "set", "user", "Omar"], lambda t: t / "config/config.yaml"
    ),
    "days-off.yaml": Writer(
        _days_off,
        lambda t: ["off", "add", "2026-12-31", "--reason", "Year end"],
        lambda t: t / "config/days-off.yaml",
    ),
    "the packs file": Writer(
        _pack_on,
        lambda t: ["checklist", "disable", "role"],
        lambda t: next(p for p in (t / "config").iterdir() if "pack" in p.name),
    ),
    "checklist init --force": Writer(
        _checklist_copy,
        lambda t: ["checklist", "init", "--force"],
        lambda t: t / "config/checklists/daily.yaml",
    ),
    "export -o": Writer(
        _old_output(Path("out.csv")),
        lambda t: ["export", "--format", "csv", "-o", str(t / "out.csv")],
        lambda t: t / "out.csv",
    ),
    "report -o (md)": Writer(
        _old_output(Path("out.md")),
        lambda t: ["report", "--on", "2026-11-02", "--format", "md", "-o", str(t / "out.md")],
        lambda t: t / "out.md",
    ),
    "report -o (html)": Writer(
        _old_output(Path("out.html")),
        lambda t: ["report", "--on", "2026-11-02", "--format", "html", "-o", str(t / "out.html")],
        lambda t: t / "out.html",
    ),
    "calendar -o": Writer(
        _old_output(Path("out.ics")),
        lambda t: ["calendar", "--from", "2026-11-02", "--months", "1", "-o", str(t / "out.ics")],
        lambda t: t / "out.ics",
    ),
    "report -o (pdf)": Writer(
        _old_output(Path("out.pdf")),
        lambda t: ["report", "--on", "2026-11-02", "--format", "pdf", "-o", str(t / "out.pdf")],
        lambda t: t / "out.pdf",
    ),
    "the log's checked note": Writer(
        _nothing,
        lambda t: ["done", "team-meeting", "--on", "2026-11-02"],
        lambda t: next((t / "cache").glob("log-checked-*")),
        quiet=True,
    ),
    "the cache": Writer(
        _stale_cache,
        lambda t: ["today", "--on", "2026-11-02", "--json"],
        lambda t: t / "cache/catalog.json",
        quiet=True,
    ),
}


@pytest.fixture(autouse=True)
def history(tmp_path: Path, config_dir: Path) -> Iterator[None]:
    with time_machine.travel("2026-11-25 10:00:00+00:00", tick=False):
        folder = config_dir / "checklists"
        folder.mkdir(parents=True)
        (folder / "mine.yaml").write_text("items:\n  - {id: team-meeting, enabled: true}\n")
        (config_dir / "config.yaml").write_text("user: Mona\n")
        _ok(run("history", "start", "2026-11-01"))
        _ok(run("done", "monitor-accounts", "--on", "2026-11-02", "--note", "calm"))
        _ok(run("today", "--json"))  # fills the cache
        yield


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_write_failing_part_way_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: str, fault: str
) -> None:
    case = WRITERS[writer]
    if writer.endswith("(pdf)"):
        pytest.importorskip("weasyprint")
    if fault == "fsync" and case.quiet:
        pytest.skip("never flushed to disk: a file kept for speed, lost, is only a miss")
    case.prepare(tmp_path)
    target = case.target(tmp_path)
    assert target.is_file()
    before = _snapshot(tmp_path)
    log_before = run("log", "--json").stdout

    with monkeypatch.context() as patch:
        _inject(patch, fault)
        # A fresh process: nothing committed to the log by this run yet.
        patch.setattr(records, "COMMITS", [0])
        result = run(*case.command(tmp_path))

    if case.quiet:
        _ok(result)
        assert result.stderr == ""
    else:
        refused(result, 1)
        # The file the user knows is named, never csm's temporary.
        assert PARTIAL not in result.stderr
        assert "already saved" not in result.stderr
        if fault != "write":  # a full disk is said as such, whichever file
            assert str(target) in result.stderr or str(target.parent) in result.stderr
        assert len(result.stderr.strip().splitlines()) <= 2, result.stderr
    assert _snapshot(tmp_path) == before
    assert not _partials(tmp_path)
    if not case.quiet:
        assert run("log", "--json").stdout == log_before
    # And the same command, on a sound disk, does its work.
    _ok(run(*case.command(tmp_path)))
    assert not _partials(tmp_path)
