"""A cache of parsed settings and checklists, so the morning `csm today` does
not import and run a YAML parser when no file has changed.

The key is the content of every source file (a CRC of its bytes), not its
modification time: an edit that keeps the size within the same clock tick is
still seen. Reading a few small files costs far less than parsing them.
Only successful results are cached, so an invalid file is reported every time;
a cache that cannot be read or written is ignored, never an error.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import tempfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from . import __version__

T = TypeVar("T")

# A new csm or Python may pickle the same objects differently; so may csm's
# own model modules after an edit, so their content is part of every key.
_STAMP = (__version__, sys.version_info[:2], 1)
_MODEL = [Path(__file__).with_name(name) for name in ("catalog.py", "config.py", "schedule.py")]


def fingerprint(sources: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    """(path, size, crc32) of each source; size -1 for a file that is missing."""
    marks = []
    for path in sources:
        try:
            data = path.read_bytes()
        except OSError:
            marks.append((str(path), -1, 0))
            continue
        marks.append((str(path), len(data), zlib.crc32(data)))
    return tuple(marks)


def cached(cache_file: Path, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """`build()`, or its stored result when no source has changed since."""
    key = (_STAMP, fingerprint([*_MODEL, *sources]))
    with contextlib.suppress(Exception):  # any unreadable cache is a miss
        with cache_file.open("rb") as stream:
            stored_key, value = pickle.load(stream)
        if stored_key == key:
            return value  # type: ignore[no-any-return]
    value = build()
    with contextlib.suppress(OSError, pickle.PicklingError):
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{cache_file.name}.", dir=cache_file.parent)
        try:
            with os.fdopen(fd, "wb") as stream:
                pickle.dump((key, value), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache_file)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    return value
