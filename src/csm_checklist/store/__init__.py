"""The record: one store interface (`interface.Store`), the SQLite store that
implements it, its migrations and file checks, and the cache of parsed files.

`open_store` is where every command gets its store: a second engine is one
more branch there and a module of its own beside `sqlite.py`.
"""

# No `from __future__ import annotations`, and nothing imported at the top:
# `csm today` imports this package every morning.

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from csm_checklist.duties.config import Paths, Settings
    from csm_checklist.store.interface import Store


def open_store(paths: "Paths", settings: "Settings | None" = None) -> "Store":
    """The store of `paths` (and `settings`, for an engine that needs them):
    today the SQLite log at `paths.log_file`, noting its checked state in
    `paths.log_checked` so that the next write can skip the quick check."""
    from csm_checklist.store.sqlite import SqliteStore

    return SqliteStore.open(paths.log_file, sound_marker=paths.log_checked)


__all__ = ["open_store"]
