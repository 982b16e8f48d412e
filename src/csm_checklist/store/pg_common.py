"""What both ways to the team's record share, without psycopg: how a server
is named to a person, and whether its schema is the one this csm knows."""

# No `from __future__ import annotations`: `csm today` loads this module.

import os
from collections.abc import Sequence
from typing import Any

from csm_checklist.errors import LogError
from csm_checklist.messages import Msg


def describe_parts(parts: dict[str, Any]) -> str:
    """`host:port/database` or `service NAME` from a connection's parameters
    (as `postgres.describe` gives them), never with a password."""
    if parts.get("service") or os.environ.get("PGSERVICE"):
        return f"service {parts.get('service') or os.environ.get('PGSERVICE')}"
    host = str(parts.get("host") or os.environ.get("PGHOST") or "localhost")
    port = str(parts.get("port") or os.environ.get("PGPORT") or "5432")
    name = str(parts.get("dbname") or os.environ.get("PGDATABASE") or "")
    where = f"{host}:{port}" if not host.startswith("/") else f"{host} (port {port})"
    return f"{where}/{name}" if name else where


def applied_as_known(applied: Sequence[str] | None, known: Sequence[str], server: str) -> None:
    """LogError unless `applied` (None: no schema) are exactly the
    migrations `known` of this csm: a newer record, or one that lacks a
    migration, is refused with the command that puts it right."""
    if applied is None:
        raise LogError(Msg("team.not_set_up", server=server), hint=Msg("team.not_set_up_hint"))
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise LogError(
            Msg("team.newer", server=server, name=unknown[0]), hint=Msg("team.newer_hint")
        )
    missing = [name for name in known if name not in applied]
    if missing:
        raise LogError(
            Msg("team.behind", server=server, name=missing[0]), hint=Msg("team.behind_hint")
        )
