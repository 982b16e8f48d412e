"""The figures per person a report shows (`rules.people`), with the owners
of this command's history and the team's members' names."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from csm_checklist.cli.commands.common import Env
    from csm_checklist.rules.people import People
    from csm_checklist.rules.report import Report
    from csm_checklist.store.interface import Store


class _NoOwners:
    """No duty has an owner: the figures tell apart who did what."""

    def owner(self, item_id: str, period_start: date) -> str | None:
        return None

    def people(self) -> Sequence[str]:
        return ()


def people_of(env: Env, log: Store, report: Report) -> People | None:
    """The report's figures per person, or None when it has no one to tell
    apart (see `rules.people.people_figures`)."""
    from csm_checklist.rules.people import people_figures

    return people_figures(report, _NoOwners())
