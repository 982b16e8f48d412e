"""The cache of parsed files, exactly: the fingerprint of the sources, the
stamp of the code, a hit and every kind of miss, what is written and how,
and the JSON encoding of each kind of value.

`os.kill` is stubbed where stale temporaries are looked at: no real process
is ever asked after."""

from __future__ import annotations

import errno
import json
import os
import sys
import zlib
from datetime import date
from importlib.machinery import PathFinder
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from csm_checklist import __version__, atomic
from csm_checklist.dates.schedule import OnWeekday, Recurrence
from csm_checklist.duties.catalog import Text
from csm_checklist.duties.config import Settings
from csm_checklist.reading import NotAFile
from csm_checklist.store import cache
from csm_checklist.store.cache import cached, decode, encode, fingerprint


@pytest.fixture(autouse=True)
def _keyed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A key of this test's own for the seal."""
    monkeypatch.setattr(atomic, "_KEY", [])
    monkeypatch.setattr(atomic, "_KEY_FOLDER", [])
    atomic.use_key_folder(tmp_path / "keys")


def test_the_fingerprint_is_each_files_size_and_crc(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"items: []\n")
    (tmp_path / "b.yaml").write_bytes(b"")
    assert fingerprint([tmp_path / "a.yaml", tmp_path / "missing", tmp_path / "b.yaml"]) == [
        [str(tmp_path / "a.yaml"), 10, zlib.crc32(b"items: []\n")],
        [str(tmp_path / "missing"), -1, 0],
        [str(tmp_path / "b.yaml"), 0, 0],
    ]
    assert fingerprint([]) == []


def test_the_code_stamp_is_found_once_a_run_and_handed_out_as_a_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cache, "_STAMP", [])
    first = cache.code_stamp()
    assert [first] == cache._STAMP
    first.append("changed by a caller")
    assert cache.code_stamp() == cache._STAMP[0] != first
    monkeypatch.setattr(cache, "_STAMP", [["given"]])
    assert cache.code_stamp() == ["given"]


def test_the_code_stamp_names_csm_python_every_module_and_the_parser() -> None:
    stamp = cache._code_stamp()
    assert stamp[:3] == [__version__, list(sys.version_info[:2]), 3]
    package = Path(cache.__file__).parents[1]
    modules = [mark for mark in stamp[3:] if len(mark) == 3]
    names = [mark[0] for mark in modules]
    expected = sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py"))
    assert sorted(names) == expected
    # Folder by folder, in the order listed, each in name order.
    assert names[0] == "__init__.py"
    views = [name for name in names if name.startswith("cli/views/")]
    assert views == sorted(views)
    assert names.index("dates/__init__.py") < names.index("duties/__init__.py")
    for name, size, mtime in modules:
        info = (package / name).stat()
        assert (size, mtime) == (info.st_size, info.st_mtime_ns), name
    parser = [mark for mark in stamp[3:] if len(mark) == 4]
    assert [mark[0] for mark in parser] == ["yaml", "_yaml", "dateutil"]
    for name, origin, size, mtime in parser:
        spec = PathFinder.find_spec(name)
        assert origin == (spec.origin if spec is not None else None)
        if origin is not None:
            info = os.stat(origin)
            assert (size, mtime) == (info.st_size, info.st_mtime_ns)
    # PyYAML is always there: its file is found, never imported.
    assert parser[0][1] is not None and parser[0][2] > 0


def test_a_code_folder_that_is_gone_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_CODE_FOLDERS", ("gone", "dates"))
    names = [mark[0] for mark in cache._code_stamp()[3:] if len(mark) == 3]
    assert names and all(name.startswith("dates/") for name in names)


def test_a_parser_that_is_not_installed_is_marked_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_DEPENDENCIES", ("no_such_parser_here",))
    assert cache._code_stamp()[-1] == ["no_such_parser_here", None, -1, 0]


# Hits and misses --------------------------------------------------------------------


class Builds:
    def __init__(self, value: Any) -> None:
        self.value = value
        self.count = 0

    def __call__(self) -> Any:
        self.count += 1
        return self.value


def entry(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_a_result_is_stored_sealed_and_served_until_a_source_changes(tmp_path: Path) -> None:
    source = tmp_path / "list.yaml"
    source.write_text("one")
    target = tmp_path / "cache" / "deep" / "catalog.json"
    build = Builds(Settings(lang="ar", timezone="Asia/Riyadh"))
    assert cached(target, [source], build) == build.value
    stored = entry(target)
    assert stored == {
        "key": [cache.code_stamp(), fingerprint([source])],
        "seal": atomic.seal(json.dumps(stored["value"], ensure_ascii=False, sort_keys=True)),
        "value": encode(build.value),
    }
    assert cached(target, [source], build) == build.value
    assert build.count == 1
    source.write_text("two")
    assert cached(target, [source], build) == build.value
    assert build.count == 2
    assert entry(target)["key"][1] == fingerprint([source])


def test_text_is_stored_as_it_reads(tmp_path: Path) -> None:
    target = tmp_path / "catalog.json"
    build = Builds(Text("Monitor", "مراقبة"))
    cached(target, [], build)
    text = target.read_text(encoding="utf-8")
    assert '["n", "Text", "Monitor", "مراقبة"]' in text
    assert entry(target)["seal"] == atomic.seal('["n", "Text", "Monitor", "مراقبة"]')
    assert cached(target, [], build) == build.value
    assert build.count == 1


@pytest.mark.parametrize(
    "edit",
    [
        lambda e: e.update(value=["n", "Text", "Edited", "مراقبة"]),
        lambda e: e.update(seal="0" * 64),
        lambda e: e.update(key=[e["key"][0], [["gone.yaml", -1, 0]]]),
        lambda e: e.update(key=[["older"], e["key"][1]]),
        lambda e: e.pop("seal"),
    ],
)
def test_an_edited_entry_is_a_miss_and_is_rewritten(tmp_path: Path, edit: Any) -> None:
    target = tmp_path / "catalog.json"
    build = Builds(Text("Monitor", "مراقبة"))
    cached(target, [], build)
    stored = entry(target)
    good = dict(stored)
    edit(stored)
    target.write_text(json.dumps(stored), encoding="utf-8")
    assert cached(target, [], build) == build.value
    assert build.count == 2
    assert entry(target) == good


def test_a_fifo_where_the_cache_should_be_is_named_never_waited_on(tmp_path: Path) -> None:
    target = tmp_path / "catalog.json"
    os.mkfifo(target)
    build = Builds(1)
    with pytest.raises(NotAFile):
        cached(target, [], build)
    assert build.count == 0


def test_a_value_that_cannot_be_cached_is_built_every_time(tmp_path: Path) -> None:
    target = tmp_path / "catalog.json"
    build = Builds({1, 2})
    assert cached(target, [], build) == {1, 2}
    assert cached(target, [], build) == {1, 2}
    assert build.count == 2
    assert not target.exists()


def test_a_value_that_cannot_be_written_is_returned_all_the_same(tmp_path: Path) -> None:
    target = tmp_path / "catalog.json"
    assert cached(target, [], Builds("bad \udcff")) == "bad \udcff"
    assert list(tmp_path.iterdir()) == [tmp_path / "keys"]
    (tmp_path / "file").write_text("in the way")
    assert cached(tmp_path / "file" / "catalog.json", [], Builds(5)) == 5


def test_a_write_replaces_the_entry_whole_and_clears_stale_temporaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []

    def gone(pid: int, signal: int) -> None:
        asked.append(pid)
        raise ProcessLookupError(errno.ESRCH, "No such process")

    monkeypatch.setattr(os, "kill", gone)
    folder = tmp_path / "cache"
    folder.mkdir()
    stale = atomic.partial_name(folder / "catalog.json", 999999)
    stale.write_text("half")
    cache._store(folder / "catalog.json", "entry")
    assert (folder / "catalog.json").read_text(encoding="utf-8") == "entry"
    assert list(folder.iterdir()) == [folder / "catalog.json"]
    assert asked == [999999]


def test_a_write_that_fails_before_its_temporary_exists_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, text: str, encoding: str | None = None) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(OSError) as caught:
        cache._store(tmp_path / "c" / "catalog.json", "entry")
    assert caught.value.errno == errno.ENOSPC


def test_a_write_that_fails_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(source: Any, target: Any) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError, match="cross-device"):
        cache._store(tmp_path / "c" / "catalog.json", "entry")
    assert list((tmp_path / "c").iterdir()) == []


# Encoding ---------------------------------------------------------------------------


class Foreign(NamedTuple):
    a: int


@pytest.mark.parametrize(
    ("value", "data"),
    [
        (None, None),
        ("text", "text"),
        (True, True),
        (7, 7),
        (1.5, 1.5),
        (("a", 1), ["t", "a", 1]),
        (["a", ("b",)], ["l", "a", ["t", "b"]]),
        ({"k": [1], 2: None}, ["d", ["k", ["l", 1]], [2, None]]),
        (Path("/x/y.yaml"), ["p", "/x/y.yaml"]),
        (date(2026, 3, 9), ["D", "2026-03-09"]),
        (Text("A", "ب"), ["n", "Text", "A", "ب"]),
        (
            Recurrence("weekly", OnWeekday(3)),  # type: ignore[arg-type]
            ["n", "Recurrence", "weekly", ["n", "OnWeekday", 3], None, None],
        ),
        ((), ["t"]),
        ([], ["l"]),
        ({}, ["d"]),
    ],
)
def test_each_kind_of_value_is_encoded_and_decoded(value: Any, data: Any) -> None:
    assert encode(value) == data
    assert decode(data) == value
    assert type(decode(data)) is type(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (Foreign(1), "Foreign is not a cacheable record"),
        ({1}, "set cannot be cached"),
        (b"x", "bytes cannot be cached"),
    ],
)
def test_other_values_cannot_be_cached(value: Any, message: str) -> None:
    with pytest.raises(TypeError) as caught:
        encode(value)
    assert str(caught.value) == message


def test_only_listed_records_are_known() -> None:
    assert sorted(cache._classes()) == [
        "Area",
        "Catalog",
        "FirstWorkday",
        "Item",
        "LastWorkday",
        "Measure",
        "OnDayOfMonth",
        "OnMonthDay",
        "OnWeekday",
        "Recurrence",
        "Settings",
        "Text",
    ]
    assert cache._classes()["Text"] is Text


def test_decoding_uses_the_classes_given_all_the_way_down() -> None:
    known: dict[str, type] = {"Foreign": Foreign}
    assert decode(["n", "Foreign", 4], known) == Foreign(4)
    assert decode(["n", "Foreign", ["n", "Foreign", 5]], known) == Foreign(Foreign(5))  # type: ignore[arg-type]
    assert decode(["l", ["t", ["n", "Foreign", 1]]], known) == [(Foreign(1),)]
    assert decode(["d", ["k", ["n", "Foreign", 2]]], known) == {"k": Foreign(2)}
    assert decode(["d", [["n", "Foreign", 3], 1]], known) == {Foreign(3): 1}
    with pytest.raises(KeyError):
        decode(["n", "Foreign", 4])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"a": 1}, "a JSON object is not an encoded value"),
        (["x", 1], "unknown tag 'x'"),
        (["N", "Text", "a", "b"], "unknown tag 'N'"),
    ],
)
def test_anything_else_is_refused(data: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        decode(data)
    assert str(caught.value) == message
