"""Whole-file writes, exactly: the key that seals temporaries' names, the
names themselves and what csm recognises as its own, which stale
temporaries go, and what a write does when it fails at each step.

`os.kill` is stubbed wherever a process is asked after: these tests never
signal, or even probe, a real process."""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
import re
from pathlib import Path
from typing import Any

import pytest

from csm_checklist import atomic
from csm_checklist.atomic import (
    PARTIAL,
    atomic_writer,
    partial_name,
    remove_stale_partials,
    seal,
    use_key_folder,
    write_text_atomically,
)

KEY = bytes(range(32))


@pytest.fixture(autouse=True)
def _fresh_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """No key from an earlier test, and no key folder chosen yet."""
    monkeypatch.setattr(atomic, "_KEY", [])
    monkeypatch.setattr(atomic, "_KEY_FOLDER", [])


@pytest.fixture
def keyed(tmp_path: Path) -> Path:
    """A key folder holding KEY."""
    folder = tmp_path / "keys"
    folder.mkdir()
    (folder / "partial-key").write_bytes(KEY)
    use_key_folder(folder)
    return folder


class Kill:
    """os.kill as a stub: `alive` pids answer, `errors` raise, others are gone."""

    def __init__(self) -> None:
        self.alive: set[int] = set()
        self.errors: dict[int, Exception] = {}
        self.calls: list[tuple[int, int]] = []

    def __call__(self, pid: int, signal: int) -> None:
        self.calls.append((pid, signal))
        if pid in self.errors:
            raise self.errors[pid]
        if pid not in self.alive:
            raise ProcessLookupError(errno.ESRCH, "No such process")


@pytest.fixture
def kill(monkeypatch: pytest.MonkeyPatch) -> Kill:
    stub = Kill()
    monkeypatch.setattr(os, "kill", stub)
    return stub


def mac(text: str, key: bytes = KEY) -> str:
    return hmac.new(key, text.encode("utf-8", "surrogateescape"), hashlib.sha256).hexdigest()


def sealed(stem: str) -> str:
    return f"{stem}-{mac(stem)[:16]}{PARTIAL}"


# The key ---------------------------------------------------------------------------


def test_the_seal_is_a_keyed_hash_with_the_stored_key(keyed: Path) -> None:
    assert seal("abc") == mac("abc")
    assert seal("caf\udce9") == mac("caf\udce9")  # a name that is not UTF-8


def test_a_key_folder_is_made_with_a_private_key_on_first_use(tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "csm"
    use_key_folder(folder)
    first = seal("abc")
    key = (folder / "partial-key").read_bytes()
    assert len(key) == 32
    assert (folder / "partial-key").stat().st_mode & 0o777 == 0o600
    assert first == mac("abc", key)


def test_choosing_another_folder_forgets_the_key(tmp_path: Path, keyed: Path) -> None:
    assert seal("abc") == mac("abc")
    other = tmp_path / "other"
    use_key_folder(other)
    assert seal("abc") == mac("abc", (other / "partial-key").read_bytes())
    use_key_folder(keyed)
    assert seal("abc") == mac("abc")


def test_without_a_folder_the_cache_dir_holds_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CSM_CACHE_DIR", str(tmp_path / "env-cache"))
    assert seal("abc") == mac("abc", (tmp_path / "env-cache" / "partial-key").read_bytes())


def test_without_any_folder_the_key_is_this_runs_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CSM_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    first = seal("abc")
    assert len(atomic._KEY) == 1 and len(atomic._KEY[0]) == 32
    assert first == mac("abc", atomic._KEY[0])
    assert seal("abc") == first  # kept for the run
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("size", [0, 31, 33, 100])
def test_a_key_file_of_the_wrong_size_is_neither_used_nor_replaced(
    tmp_path: Path, size: int
) -> None:
    (tmp_path / "partial-key").write_bytes(b"k" * size)
    use_key_folder(tmp_path)
    key = atomic._key()
    assert len(key) == 32 and key != b"k" * 32
    assert (tmp_path / "partial-key").read_bytes() == b"k" * size


def test_a_key_that_cannot_be_stored_is_this_runs_only(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way")
    use_key_folder(tmp_path / "file" / "cache")
    assert len(atomic._key()) == 32
    assert atomic._stored_key(tmp_path / "file" / "cache" / "partial-key") == b""


def test_a_key_that_cannot_be_written_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[int] = []
    real_close = os.close

    def failing_write(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def close(fd: int) -> None:
        closed.append(fd)
        real_close(fd)

    monkeypatch.setattr(os, "write", failing_write)
    monkeypatch.setattr(os, "close", close)
    assert atomic._stored_key(tmp_path / "partial-key") == b""
    assert len(closed) == 1  # the key file is closed all the same


# Names -----------------------------------------------------------------------------


def test_a_temporary_is_named_for_its_target_and_process(tmp_path: Path, keyed: Path) -> None:
    name = partial_name(tmp_path / "out.csv", 4242)
    assert name.parent == tmp_path
    match = re.fullmatch(r"(\.out\.csv\.4242\.[0-9a-f]{8})-([0-9a-f]{16})\.csm-partial", name.name)
    assert match is not None, name.name
    assert match.group(2) == mac(match.group(1))[:16]
    assert f".{os.getpid()}." in partial_name(tmp_path / "out.csv").name
    assert partial_name(tmp_path / "out.csv", 1) != partial_name(tmp_path / "out.csv", 1)


@pytest.mark.parametrize(
    ("name", "pid"),
    [
        (sealed(".out.csv.4242.0badf00d"), 4242),
        (sealed(".my-notes.4242.0badf00d"), 4242),  # a dash in the target's name
        (sealed(".out.csv.42x.0badf00d"), None),  # no pid
        (sealed("4242.0badf00d"), None),  # no target
        (".out.csv.4242.0badf00d-0123456789abcdef.csm-partial", None),  # a seal csm never made
        (sealed(".out.csv.4242.0badf00d").replace("-", "-0"), None),  # a seal too long
        (sealed(".out.csv.4242.0badf00d")[:-13] + PARTIAL, None),  # a seal too short
        (".out.csv.4242.0badf00d.csm-partial", None),  # no seal at all
    ],
)
def test_csm_knows_its_own_temporaries_by_their_seal(
    keyed: Path, name: str, pid: int | None
) -> None:
    assert atomic._is_ours(name) == pid


# Stale temporaries ---------------------------------------------------------------------


def test_only_csms_temporaries_of_gone_processes_are_removed(
    tmp_path: Path, keyed: Path, kill: Kill, monkeypatch: pytest.MonkeyPatch
) -> None:
    kill.alive = {1001}
    names = {
        "a-alive": sealed(".a.txt.1001.00000000"),
        "b-gone": sealed(".b.txt.1002.00000000"),
        "c-gone": sealed(".c.txt.1003.00000000"),
        "d-mine": sealed(f".d.txt.{os.getpid()}.00000000"),
        "e-foreign": ".e.txt.1004.00000000-0123456789abcdef.csm-partial",
        "f-other": sealed(".f.txt.1005.00000000") + ".bak",
    }
    for name in names.values():
        (tmp_path / name).write_text("half")
    # Listed in name order, so a living process's file comes before gone ones.
    real_listdir = os.listdir
    monkeypatch.setattr(os, "listdir", lambda folder: sorted(real_listdir(folder)))
    removed = remove_stale_partials(tmp_path)
    assert removed == [tmp_path / names["b-gone"], tmp_path / names["c-gone"]]
    left = {path.name for path in tmp_path.iterdir()}
    assert left == {"keys"} | {names[k] for k in ("a-alive", "d-mine", "e-foreign", "f-other")}
    # Asked with signal 0 only, and never about csm's own process.
    assert kill.calls == [(1001, 0), (1002, 0), (1003, 0)]


def test_a_stale_temporary_that_cannot_be_removed_stays(
    tmp_path: Path, keyed: Path, kill: Kill
) -> None:
    (tmp_path / sealed(".a.txt.1002.00000000")).mkdir()
    assert remove_stale_partials(tmp_path) == []
    assert (tmp_path / sealed(".a.txt.1002.00000000")).is_dir()


def test_a_folder_that_cannot_be_listed_has_nothing_to_remove(tmp_path: Path) -> None:
    assert remove_stale_partials(tmp_path / "missing") == []


@pytest.mark.parametrize(
    ("error", "alive"),
    [
        (None, True),
        (ProcessLookupError(errno.ESRCH, "No such process"), False),
        (PermissionError(errno.EPERM, "Operation not permitted"), True),
        (OverflowError("signed integer is greater than maximum"), True),
        (OSError(errno.EINVAL, "Invalid argument"), True),
    ],
)
def test_a_process_is_gone_only_when_the_system_says_so(
    kill: Kill, error: Exception | None, alive: bool
) -> None:
    if error is None:
        kill.alive = {1001}
    else:
        kill.errors = {1001: error}
    assert atomic._alive(1001) is alive
    assert kill.calls == [(1001, 0)]


def test_csms_own_process_is_alive_without_asking(kill: Kill) -> None:
    assert atomic._alive(os.getpid()) is True
    assert kill.calls == []


# Writing ---------------------------------------------------------------------------


def partials(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir() if path.name.endswith(PARTIAL)]


def test_a_write_replaces_the_file_and_removes_stale_temporaries(
    tmp_path: Path, keyed: Path, kill: Kill
) -> None:
    target = tmp_path / "deep" / "er" / "out.txt"
    target.parent.mkdir(parents=True)
    stale = target.parent / sealed(".out.txt.1002.00000000")
    stale.write_text("half")
    write_text_atomically(target, "café\n")
    assert target.read_bytes() == "café\n".encode()
    assert not stale.exists()
    assert partials(target.parent) == []


def test_a_missing_folder_is_made_unless_told_not_to(tmp_path: Path, keyed: Path) -> None:
    target = tmp_path / "a" / "b" / "out.txt"
    with atomic_writer(target) as stream:
        stream.write("x")
    assert target.read_text() == "x"
    other = tmp_path / "c" / "out.txt"
    with pytest.raises(FileNotFoundError), atomic_writer(other, create_folder=False) as stream:
        stream.write("x")
    assert not other.parent.exists()


def test_encoding_and_newline_are_the_callers(tmp_path: Path, keyed: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_writer(target, encoding="latin-1", newline="\r\n") as stream:
        stream.write("é\n")
    assert target.read_bytes() == b"\xe9\r\n"
    with atomic_writer(target) as stream:
        stream.write("é\n")
    assert target.read_bytes() == b"\xc3\xa9\n"


def test_the_content_is_on_disk_before_the_rename(
    tmp_path: Path, keyed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    synced: list[tuple[int, str]] = []

    def fsync(fd: int) -> None:
        synced.append((os.fstat(fd).st_size, target.read_text()))

    monkeypatch.setattr(os, "fsync", fsync)
    write_text_atomically(target, "new content")
    assert synced == [(11, "old")]
    assert target.read_text() == "new content"


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o1640])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, keyed: Path, mode: int) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(mode)
    write_text_atomically(target, "new")
    assert target.stat().st_mode & 0o7777 == mode


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_file_has_the_usual_mode(tmp_path: Path, keyed: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        write_text_atomically(tmp_path / "out.txt", "new")
        assert os.umask(umask) == umask  # the umask is as it was
    finally:
        os.umask(old)
    assert (tmp_path / "out.txt").stat().st_mode & 0o7777 == mode


def fail_inside(target: Path, error: BaseException) -> BaseException:
    with pytest.raises(BaseException) as caught, atomic_writer(target) as stream:
        stream.write("new")
        raise error
    return caught.value


def test_an_error_names_the_target_not_the_temporary(tmp_path: Path, keyed: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    unnamed = OSError(errno.EIO, "Input/output error")
    raised = fail_inside(target, unnamed)
    assert type(raised) is OSError and raised is not unnamed
    assert (raised.errno, raised.strerror, raised.filename) == (
        errno.EIO,
        "Input/output error",
        str(target),
    )
    assert raised.__cause__ is unnamed
    assert target.read_text() == "old"
    assert partials(tmp_path) == []


@pytest.mark.parametrize("as_text", [True, False])
def test_an_error_naming_the_temporary_names_the_target(
    tmp_path: Path, keyed: Path, monkeypatch: pytest.MonkeyPatch, as_text: bool
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    made: list[Path] = []
    real = atomic.partial_name

    def remembered(target: Path, pid: int | None = None) -> Path:
        made.append(real(target, pid))
        return made[-1]

    def failing_replace(source: Any, destination: Any) -> None:
        name = str(source) if as_text else source
        raise OSError(errno.EXDEV, "Invalid cross-device link", name, str(destination))

    monkeypatch.setattr(atomic, "partial_name", remembered)
    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError) as caught:
        write_text_atomically(target, "new")
    assert (caught.value.errno, caught.value.filename) == (errno.EXDEV, str(target))
    assert len(made) == 1 and not made[0].exists()
    monkeypatch.undo()
    assert target.read_text() == "old"


def test_an_error_naming_another_file_is_raised_as_it_is(tmp_path: Path, keyed: Path) -> None:
    target = tmp_path / "out.txt"
    other = OSError(errno.EACCES, "Permission denied", str(tmp_path / "source.yaml"))
    assert fail_inside(target, other) is other
    assert partials(tmp_path) == []
    assert not target.exists()


def test_a_failing_fsync_keeps_the_old_file(
    tmp_path: Path, keyed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")

    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError) as caught:
        write_text_atomically(target, "new")
    assert caught.value.filename == str(target)
    assert target.read_text() == "old"
    assert partials(tmp_path) == []


@pytest.mark.parametrize("error", [ValueError("bad"), KeyboardInterrupt()])
def test_any_other_error_leaves_no_temporary(
    tmp_path: Path, keyed: Path, error: BaseException
) -> None:
    target = tmp_path / "out.txt"
    assert fail_inside(target, error) is error
    assert partials(tmp_path) == []
    assert not target.exists()
