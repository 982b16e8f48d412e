"""A report's figures per person: what each one owned, did, had done for
them, missed and did late; the team's own duties (no owner) and entries
that name nobody in a row of their own, so the rows add up to the team.

The periods are the report's own outcomes (`rules.report`), and whose
they are is the owners' word (`rules.owners`: a fixed owner or the
rotation's turn for that period, leave covered). Per row:

- assigned: their expected periods (done, skipped, missed or due; open and
  extra ones count nowhere, as in the report).
- done: periods done (on time or late) by them, whoever's duty it was.
- done_for: their periods done by someone else (a colleague covering).
- late: their periods done late, by whoever did them. Lateness is the
  owner's, as a miss is: the owner answers for their period being done by
  its due date, and the one who covered is credited in `done` already.
- missed: their periods that ended with nothing logged.
- skipped, due: their periods skipped, and due but not over yet, so that
  assigned = own done + done_for + skipped + missed + due for every row.

The team row holds the periods no one owns, and (in `done`) the entries
that name no one. Summed over all rows, assigned is the report's expected,
done its done, late its late, missed its missed, skipped its skipped and due
its due; done_for has no team figure of its own (the team row's is 0).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from csm_checklist.rules.report import Outcome, Report

COUNTED = ("on_time", "late", "skipped", "missed", "due")  # the outcomes in expected
FIGURES = ("assigned", "done", "done_for", "late", "missed", "skipped", "due")


class OwnerSource(Protocol):
    """Who owns an item's period (`rules.owners.Owners`)."""

    def owner(self, item_id: str, period_start: date) -> str | None: ...

    def people(self) -> Sequence[str]: ...


@dataclass
class PersonFigures:
    """One row: a person's figures, or the team's (`name` is "")."""

    name: str
    assigned: int = 0
    done: int = 0
    done_for: int = 0
    late: int = 0
    missed: int = 0
    skipped: int = 0
    due: int = 0

    def figures(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "name"}


@dataclass
class People:
    """Every person's row, in the owners' order then as they appear, the
    team's row, and the sum of them all."""

    persons: list[PersonFigures]
    team: PersonFigures = field(default_factory=lambda: PersonFigures(""))

    @property
    def total(self) -> PersonFigures:
        total = PersonFigures("")
        for row in (*self.persons, self.team):
            for name in FIGURES:
                setattr(total, name, getattr(total, name) + getattr(row, name))
        return total


def _key(name: str) -> str:
    return name.strip().casefold()


class _Names:
    """Names to rows: a person is one row whether an entry names them by
    login or by name, in any case ("mona", "Mona")."""

    def __init__(self, people: Iterable[str], aliases: Mapping[str, str]) -> None:
        self.rows: dict[str, PersonFigures] = {}
        self.alias: dict[str, str] = {}
        for login, name in aliases.items():
            self.alias.setdefault(_key(name), _key(login))
        for person in people:
            self.row(person)

    def row(self, name: str) -> PersonFigures | None:
        """The row of the person `name` names, added when new; None for an
        empty name (an entry that names no one)."""
        key = _key(name)
        if not key:
            return None
        key = self.alias.get(key, key)
        if key not in self.rows:
            self.rows[key] = PersonFigures(name.strip())
        return self.rows[key]


def people_figures(
    report: Report,
    owners: OwnerSource,
    aliases: Mapping[str, str] | None = None,
) -> People | None:
    """The report's figures per person, or None when there is no one to
    tell apart: no period of the report has an owner and its entries name
    one person at most (the report then reads as it always has). Never for
    a report narrowed to one person (`--by`). `aliases` maps a login to the
    name entries may carry instead (a team member's name)."""
    if report.by is not None:
        return None
    owned = [(o, owners.owner(o.item_id, o.period.start)) for o in report.outcomes]
    names = _Names(owners.people(), aliases or {})
    doers = {_key(o.event.by) for o in report.outcomes if o.event is not None} - {""}
    if all(owner is None for _, owner in owned) and len(doers) <= 1:
        return None
    team = PersonFigures("")
    for outcome, owner in owned:
        if outcome.outcome not in COUNTED:
            continue
        row = (names.row(owner) if owner is not None else None) or team
        _count(outcome, row, team, names)
    return People(_in_order(names.rows.values()), team)


def _count(outcome: Outcome, owner: PersonFigures, team: PersonFigures, names: _Names) -> None:
    owner.assigned += 1
    result = outcome.outcome
    if result in ("missed", "skipped", "due"):
        setattr(owner, result, getattr(owner, result) + 1)
        return
    owner.late += result == "late"
    event = outcome.event
    doer = (names.row(event.by) if event is not None else None) or team
    doer.done += 1
    if doer is not owner and owner is not team:
        owner.done_for += 1


def _in_order(rows: Iterable[PersonFigures]) -> list[PersonFigures]:
    """The rows that have any figure, in the order they came (the owners'
    list first): a person in a rotation with nothing in this window is left
    out, as a row of zeros says nothing."""
    return [row for row in rows if any(row.figures().values())]
