"""A cache of parsed settings and checklists, so the morning `csm today` does
not import and run a YAML parser when no file has changed.

It lives in the user cache folder (CSM_CACHE_DIR overrides it) and holds JSON:
plain data that reading can never run as code, unlike a pickle, which anyone
able to write the file could make run anything. The objects are rebuilt
explicitly, and only from the record classes listed in `_CLASSES`.

Every entry is keyed on
- the content of every source file (a CRC of its bytes, not its modification
  time: an edit that keeps the size within the same clock tick is still seen);
- csm itself: its version, and the size and modification time of every one of
  its modules (an edit or an upgrade that keeps the version number);
- the parser it used: the version of Python and the files of PyYAML and
  dateutil (an upgrade rewrites them).
Only successful results are cached, so an invalid file is reported every
time; a cache that cannot be read, is stale, corrupt or half-written is a
miss, never an error.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from csm_checklist import __version__

T = TypeVar("T")

FORMAT = 3  # bump when the encoding below changes
_PACKAGE = Path(__file__).resolve().parents[1]
# Every folder of csm's code: an edit anywhere must never serve a stale result.
_CODE_FOLDERS = (
    ".",
    "dates",
    "duties",
    "store",
    "rules",
    "exchange",
    "messages",
    "cli",
    "cli/commands",
    "cli/views",
)
_DEPENDENCIES = ("yaml", "_yaml", "dateutil")


def fingerprint(sources: Sequence[Path]) -> list[list[Any]]:
    """[path, size, crc32] of each source; size -1 for a file that is missing."""
    from csm_checklist.reading import read_bytes

    marks: list[list[Any]] = []
    for path in sources:
        try:
            data = read_bytes(path)
        except OSError:
            marks.append([str(path), -1, 0])
            continue
        marks.append([str(path), len(data), zlib.crc32(data)])
    return marks


_STAMP: list[Any] = []


def code_stamp() -> list[Any]:
    """What identifies the code that built a cached value: csm's version and
    modules, Python's version, and the dependencies' files (found once a run)."""
    if not _STAMP:
        _STAMP.append(_code_stamp())
    return list(_STAMP[0])


def _code_stamp() -> list[Any]:
    marks: list[Any] = [__version__, list(sys.version_info[:2]), FORMAT]
    for folder in _CODE_FOLDERS:
        with contextlib.suppress(OSError), os.scandir(_PACKAGE / folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.name.endswith(".py"):
                    info = entry.stat()
                    name = entry.name if folder == "." else f"{folder}/{entry.name}"
                    marks.append([name, info.st_size, info.st_mtime_ns])
    from importlib.machinery import PathFinder

    for name in _DEPENDENCIES:
        # Found, not imported: today must not pay for loading them.
        spec = PathFinder.find_spec(name)
        origin = spec.origin if spec is not None else None
        size, mtime = -1, 0
        with contextlib.suppress(OSError, TypeError):
            found = os.stat(str(origin))
            size, mtime = found.st_size, found.st_mtime_ns
        marks.append([name, origin, size, mtime])
    return marks


def cached(cache_file: Path, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """`build()`, or its stored result when nothing it depends on has changed."""
    from csm_checklist.reading import NotAFile, read_bytes

    key = [code_stamp(), fingerprint(sources)]
    from csm_checklist.atomic import seal

    try:
        stored = json.loads(read_bytes(cache_file))
        # The seal: a value edited by hand (a cadence csm has no word for)
        # is a miss, never a value that breaks a command later.
        if stored["key"] == key and stored["seal"] == seal(_text(stored["value"])):
            return decode(stored["value"])  # type: ignore[no-any-return]
    except NotAFile:
        raise  # a FIFO or a device where the cache should be: named, never waited on
    except Exception:  # unreadable, corrupt, too big, foreign: a miss
        pass
    value = build()
    with contextlib.suppress(OSError, ValueError, TypeError):
        encoded = encode(value)
        entry = {"key": key, "seal": seal(_text(encoded)), "value": encoded}
        _store(cache_file, json.dumps(entry, ensure_ascii=False))
    return value


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _store(cache_file: Path, text: str) -> None:
    """Write whole or not at all: a reader at the same moment sees the old
    entry or the new one. No fsync: a lost cache is only a miss."""
    from csm_checklist.atomic import partial_name, remove_stale_partials

    cache_file.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(cache_file.parent)
    tmp = partial_name(cache_file)
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, cache_file)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


# Encoding: JSON values stay as they are; everything else is a list whose
# first element says what it was.


def _classes() -> dict[str, type]:
    from csm_checklist.dates.schedule import (
        FirstWorkday,
        LastWorkday,
        OnDayOfMonth,
        OnMonthDay,
        OnWeekday,
        Recurrence,
    )
    from csm_checklist.duties.catalog import Area, Catalog, Item, Measure, Text
    from csm_checklist.duties.config import Settings

    records: list[type] = [Area, Catalog, Item, Measure, Text, Settings, Recurrence]
    records += [FirstWorkday, LastWorkday, OnDayOfMonth, OnMonthDay, OnWeekday]
    return {cls.__name__: cls for cls in records}


def encode(value: Any) -> Any:
    """`value` as JSON-ready data that `decode` turns back into an equal value."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        name = type(value).__name__
        if name not in _classes():
            raise TypeError(f"{name} is not a cacheable record")
        return ["n", name, *(encode(v) for v in value)]
    if isinstance(value, tuple):
        return ["t", *(encode(v) for v in value)]
    if isinstance(value, list):
        return ["l", *(encode(v) for v in value)]
    if isinstance(value, dict):
        return ["d", *([encode(k), encode(v)] for k, v in value.items())]
    if isinstance(value, Path):
        return ["p", str(value)]
    if isinstance(value, date):
        return ["D", value.isoformat()]
    raise TypeError(f"{type(value).__name__} cannot be cached")


def decode(data: Any, classes: dict[str, type] | None = None) -> Any:
    """The value `encode` wrote as `data`; ValueError for anything else."""
    if not isinstance(data, list):
        if isinstance(data, dict):
            raise ValueError("a JSON object is not an encoded value")
        return data
    known = classes if classes is not None else _classes()
    tag = data[0]
    if tag == "n":
        return known[data[1]](*(decode(v, known) for v in data[2:]))
    if tag == "t":
        return tuple(decode(v, known) for v in data[1:])
    if tag == "l":
        return [decode(v, known) for v in data[1:]]
    if tag == "d":
        return {decode(k, known): decode(v, known) for k, v in data[1:]}
    if tag == "p":
        return Path(data[1])
    if tag == "D":
        return date.fromisoformat(data[1])
    raise ValueError(f"unknown tag {tag!r}")
