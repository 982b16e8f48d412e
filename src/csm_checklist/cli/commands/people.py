"""The figures per person a report shows (`rules.people`), with the owners
of this command's history (`rules.owners`) and, on the team's store, the
members' names."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from csm_checklist.cli.commands.common import Env
    from csm_checklist.rules.history import History
    from csm_checklist.rules.owners import Owners
    from csm_checklist.rules.people import People
    from csm_checklist.rules.report import Report
    from csm_checklist.store.interface import Store


def owners_of(env: Env, log: Store, history: History) -> Owners:
    """Who owns what under `history`: the checklists' owners and rotations,
    the changes `csm assign` recorded, and each person's leave."""
    from csm_checklist.rules.owners import Owners

    leave = {}
    source = env.paths.days_off_file
    if source.exists():
        from csm_checklist.dates.daysoff import leave_by_person, load_days_off

        leave = leave_by_person(load_days_off(source))
    changes = getattr(log, "assignments", None)
    return Owners(history, changes() if callable(changes) else (), leave)


def members_of(env: Env, log: Store) -> dict[str, str]:
    """Each team member's login and name ({} on this computer's log), so an
    entry done by "Mona Haddad" counts as login mona's."""
    if not getattr(log, "member_name", ""):
        return {}
    from csm_checklist.store.pg_admin import members

    return {member.login: member.name for member in members(env.store) if member.name}


def people_of(env: Env, log: Store, report: Report) -> People | None:
    """The report's figures per person, or None when it has no one to tell
    apart (see `rules.people.people_figures`)."""
    from csm_checklist.rules.people import people_figures

    if report.by is not None:
        return None
    owners = owners_of(env, log, report.history)
    people = people_figures(report, owners)
    if people is None:
        return None  # members' names only join names, never tell more apart
    names = members_of(env, log)
    return people_figures(report, owners, names) if names else people
