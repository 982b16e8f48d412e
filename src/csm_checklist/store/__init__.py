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
    from csm_checklist.store.postgres import PostgresStore


def open_store(
    paths: "Paths",
    settings: "Settings | None" = None,
    *,
    address: "str | None" = None,
    quick: bool = False,
) -> "Store":
    """The store of `paths` and `settings`: the team's record on its
    PostgreSQL server when `address` (else the `store` setting) names one,
    otherwise the SQLite log at `paths.log_file`, noting its checked state in
    `paths.log_checked` so that the next write can skip the quick check."""
    if address is None:
        address = settings.store if settings is not None else ""
    if address:
        if quick:
            # `csm today` and `csm due`: their reads without psycopg's import.
            from csm_checklist.store.pg_quick import QuickTeamStore

            found = QuickTeamStore.open(address)
            if found is not None:
                return found  # the rest through its __getattr__
        return open_team_store(address)
    from csm_checklist.store.sqlite import SqliteStore

    return SqliteStore.open(paths.log_file, sound_marker=paths.log_checked)


def open_team_store(address: str) -> "PostgresStore":
    """The team's record on the PostgreSQL server at `address`; LogError in
    one line naming the server when it cannot be reached, or without psycopg."""
    try:
        from csm_checklist.store.postgres import PostgresStore
    except ImportError as exc:
        if not (exc.name or "").startswith("psycopg"):
            raise
        from csm_checklist.errors import LogError
        from csm_checklist.messages import Msg

        raise LogError(Msg("team.no_psycopg"), hint=Msg("team.no_psycopg_hint")) from exc
    return PostgresStore.open(address)


__all__ = ["open_store", "open_team_store"]
