"""The figures per person a report shows (`rules.people`), with the owners
of the command's history (`Env.owners`) and, on the team's store, the
members' names."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from csm_checklist.cli.commands.common import Env
    from csm_checklist.rules.people import People
    from csm_checklist.rules.report import Report
    from csm_checklist.store.interface import Store


class _NoOwners:
    """Nothing was ever assigned: the figures tell apart who did what."""

    def owner(self, item_id: str, period_start: date) -> str | None:
        return None

    def people(self) -> Sequence[str]:
        return ()


def members_of(env: Env, log: Store) -> dict[str, str]:
    """Each team member's login and name ({} on this computer's log), so an
    entry done by "Mona Haddad" counts as login mona's."""
    if not getattr(log, "login", ""):
        return {}
    from csm_checklist.store.pg_admin import members

    return {member.login: member.name for member in members(env.store) if member.name}


def people_of(
    env: Env, log: Store, report: Report, as_logged: datetime | None = None
) -> People | None:
    """The report's figures per person, or None when it has no one to tell
    apart (see `rules.people.people_figures`); with `as_logged`, owners as
    the `csm assign` changes recorded by then set them."""
    from csm_checklist.rules.people import people_figures

    if report.by is not None:
        return None
    owners = env.owners(log, report.history, as_logged) or _NoOwners()
    people = people_figures(report, owners)
    if people is None:
        return None  # members' names only join names, never tell more apart
    names = members_of(env, log)
    return people_figures(report, owners, names) if names else people
