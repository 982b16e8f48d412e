"""Who owns a duty in a period: owners, rotations and leave.

An item may have an owner (`assign: mona` in its checklist) or a rotation
(`rotate: [mona, ali, sara]`), and `csm assign ITEM PERSON… [--from D]`
changes that from a date on. Nothing changes the past: a period is owned
under the assignment in force on its last day, so a change from a date
leaves every period that ended before it as it was.

The rules, in the order they apply:

- **What is in force.** The checklist's `assign:`/`rotate:` follow the
  revisions (rules/history.py): a revision that changes them is a change
  from its effective date. A `csm assign` change holds from its date until a
  later change of either kind; on the same day `csm assign` wins. `csm
  assign ITEM --nobody` makes the duty the team's (no owner).
- **Rotation.** One person per period, in list order. Turns are counted over
  the periods in which the item is expected, from the first expected period
  that ends on or after the day the rotation took effect: a period that
  expects nothing (a holiday, a week of days off) takes no turn.
- **Leave.** A person's leave (`who:` entries of days-off.yaml) is not a day
  off for the team. When the person whose turn it is is on leave on the
  period's due day (for daily items: that day), the next person in order
  who is not on leave covers that period, and the rotation goes on as
  counted: the absent person's later turns do not move. A team plans around
  a published rota; one person's leave should change only the days they
  miss. A fixed owner on leave: that period has no owner (the team's open
  duty), and it is not counted as assigned to them.

The public API (build one `Owners` per command; everything is pure):

- `Owners(history, changes=(), leave={}, known=())`: `history` the rules in
  force (rules/history.py), `changes` the store's `AssignmentRecord`s,
  `leave` each login's days of leave, `known` the people csm knows (the
  team's members, or the `people` setting), in their order.
- `owner(item_id, period_start) -> str | None`: who owns the item's period
  that contains `period_start`, after leave cover; None when it is the
  team's (no owner, everyone on leave, nothing expected in that period,
  unknown item).
- `scheduled(item_id, period_start) -> str | None`: whose turn (or which
  owner) it is before leave cover; None when no one is assigned.
- `assigned(item_id, day) -> tuple[str, ...]`: the assignment in force on
  `day`: () none, (owner,), or the rotation in order.
- `rotation(item_id, day) -> tuple[str, ...]`: the rotation in force on
  `day`, () when the item has none (an owner or nobody).
- `any_assigned` (bool): whether any item has ever had an owner; views skip
  every owner column when it is False.
- `people() -> tuple[str, ...]`: the known people in their order, then
  anyone else an assignment names, sorted.
- `on_leave(login, day) -> bool`.
- `changes_of(item_id) -> list[AssignmentRecord]`: its `csm assign` changes.

And for commands: `check_person(login, known, team)` and
`check_catalog(items, known, team)` refuse a name csm does not know (exit 2,
with a "did you mean"); `leave_days(spans)`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg

if TYPE_CHECKING:
    from csm_checklist.dates.schedule import Period
    from csm_checklist.duties.catalog import Item
    from csm_checklist.rules.history import History, ItemRule, Timeline
    from csm_checklist.store.assignment_records import AssignmentRecord


class Assignment(NamedTuple):
    """Who is assigned to an item from `effective` on: () nobody, one owner,
    or a rotation; `source` 'checklist' or 'assign'."""

    effective: date
    people: tuple[str, ...]
    source: str


def rule_people(rule: ItemRule | None) -> tuple[str, ...]:
    """The people a checklist rule names: (owner,), the rotation, or ()."""
    if rule is None:
        return ()
    if rule.rotate:
        return tuple(rule.rotate)
    return (rule.assign,) if rule.assign else ()


class _Turns:
    """The expected periods of one rotation, from the day it took effect,
    listed lazily in order."""

    def __init__(self, timeline: Timeline, first_day: date) -> None:
        self.starts: list[date] = []
        self._timeline = timeline
        self._periods: Iterator[Period] = timeline.periods_overlapping(first_day, date.max)
        self._first_day = first_day
        self._done = False

    def index(self, period: Period) -> int | None:
        """How many expected periods came before `period` (None when `period`
        itself expects nothing)."""
        while not self._done and (not self.starts or self.starts[-1] < period.start):
            found = next(self._periods, None)
            if found is None:
                self._done = True
                break
            if found.end < self._first_day:
                continue
            if self._timeline.expected(found, found.end):
                self.starts.append(found.start)
        position = bisect_right(self.starts, period.start) - 1
        if position < 0 or self.starts[position] != period.start:
            return None
        return position


class Owners:
    """Owners of every item in every period (see the module docstring)."""

    def __init__(
        self,
        history: History,
        changes: Iterable[AssignmentRecord] = (),
        leave: Mapping[str, Iterable[date]] | None = None,
        known: Sequence[str] = (),
    ) -> None:
        self.history = history
        self.leave = {who: frozenset(days) for who, days in (leave or {}).items()}
        self._known = tuple(known)
        by_item: dict[str, list[AssignmentRecord]] = {}
        for record in sorted(changes, key=lambda r: (r.effective, r.recorded_at)):
            by_item.setdefault(record.item_id, []).append(record)
        self._changes = by_item
        self._plans: dict[str, list[Assignment]] = {}
        self._turns: dict[tuple[date, object], _Turns] = {}
        self.any_assigned = bool(by_item) or any(
            rule_people(rule) for revision in history.revisions for rule in revision.items.values()
        )

    # What is in force ----------------------------------------------------------

    def plan(self, item_id: str) -> list[Assignment]:
        """Every change of the item's assignment, in effective order (the
        first from date.min); [] when it never had one."""
        found = self._plans.get(item_id)
        if found is not None:
            return found
        steps: list[Assignment] = []
        last: tuple[str, ...] | None = None
        for number, revision in enumerate(self.history.revisions):
            rule = revision.items.get(item_id)
            if rule is None:
                continue  # absent: the last rule known holds (it is not expected anyway)
            people = rule_people(rule)
            if people != last:
                effective = date.min if number == 0 or last is None else revision.effective
                steps.append(Assignment(effective, people, "checklist"))
                last = people
        for record in self._changes.get(item_id, ()):
            steps.append(Assignment(record.effective, tuple(record.people), "assign"))
        # By day; on one day `csm assign` after the checklist, the latest recorded last.
        steps.sort(key=lambda a: (a.effective, a.source == "assign"))
        if not any(step.people for step in steps):
            steps = []
        self._plans[item_id] = steps
        return steps

    def _in_force(self, item_id: str, day: date) -> Assignment | None:
        steps = self.plan(item_id)
        position = bisect_right([s.effective for s in steps], day) - 1
        return steps[position] if position >= 0 else None

    def assigned(self, item_id: str, day: date) -> tuple[str, ...]:
        """The assignment in force on `day`: (), (owner,) or the rotation."""
        found = self._in_force(item_id, day)
        return found.people if found is not None else ()

    def rotation(self, item_id: str, day: date) -> tuple[str, ...]:
        """The rotation in force on `day`; () for an owner or nobody."""
        people = self.assigned(item_id, day)
        return people if len(people) > 1 else ()

    # Periods -------------------------------------------------------------------

    def _period(self, item_id: str, period_start: date) -> tuple[Timeline, Period] | None:
        try:
            timeline = self.history.timeline(item_id)
        except KeyError:
            return None
        period = timeline.period_containing(period_start)
        return (timeline, period) if period is not None else None

    def _turn(
        self, item_id: str, timeline: Timeline, period: Period
    ) -> tuple[tuple[str, ...], int] | None:
        """The people in force for `period` and the index of whose turn it is."""
        found = self._in_force(item_id, period.end)
        if found is None or not found.people:
            return None
        if len(found.people) == 1:
            return (found.people, 0) if timeline.expected(period, period.end) else None
        first_day = max(found.effective, self.history.start)
        # Items whose schedules are the same in every revision share their
        # turns: the expected periods are counted once per schedule.
        key = (first_day, self._schedule(item_id))
        turns = self._turns.get(key)
        if turns is None:
            turns = self._turns[key] = _Turns(timeline, first_day)
        index = turns.index(period)
        if index is None:
            return None
        return found.people, index % len(found.people)

    def _schedule(self, item_id: str) -> object:
        """What decides which periods expect the item, through every revision."""
        return tuple(
            None if rule is None else (rule.recurrence, rule.enabled, rule.since)
            for rule in (revision.items.get(item_id) for revision in self.history.revisions)
        )

    def scheduled(self, item_id: str, period_start: date) -> str | None:
        """Whose turn (or which owner) the period is, before leave cover."""
        located = self._period(item_id, period_start)
        if located is None:
            return None
        turn = self._turn(item_id, *located)
        return turn[0][turn[1]] if turn is not None else None

    def owner(self, item_id: str, period_start: date) -> str | None:
        """Who owns the item's period containing `period_start`, after leave
        cover; None when it is the team's."""
        located = self._period(item_id, period_start)
        if located is None:
            return None
        timeline, period = located
        turn = self._turn(item_id, timeline, period)
        if turn is None:
            return None
        people, index = turn
        due = timeline.due(period, period.end)
        if len(people) == 1:
            return None if self.on_leave(people[0], due) else people[0]
        for step in range(len(people)):
            person = people[(index + step) % len(people)]
            if not self.on_leave(person, due):
                return person
        return None

    def changes_of(self, item_id: str) -> list[AssignmentRecord]:
        """The item's `csm assign` changes, in effective order."""
        return list(self._changes.get(item_id, ()))

    # People --------------------------------------------------------------------

    def on_leave(self, login: str, day: date) -> bool:
        return day in self.leave.get(login, ())

    def people(self) -> tuple[str, ...]:
        """The known people in their order, then anyone else named, sorted."""
        named: set[str] = set()
        for revision in self.history.revisions:
            for rule in revision.items.values():
                named.update(rule_people(rule))
        for records in self._changes.values():
            for record in records:
                named.update(record.people)
        known = set(self._known)
        return self._known + tuple(sorted(named - known))


# Checking names ------------------------------------------------------------------


def unknown_person(login: str, known: Sequence[str], team: bool) -> BadInput:
    """The error for a name csm does not know, with a "did you mean"."""
    from csm_checklist.duties.yamlfields import did_you_mean, then

    return BadInput(
        Msg("owners.unknown_person_line", login=login),
        hint=then(did_you_mean(login, known), people_hint(known, team)),
    )


def people_hint(known: Sequence[str], team: bool) -> Msg:
    """Who csm knows, and how to add someone."""
    if team:
        return Msg("owners.people_team", people=", ".join(known))
    if not known:
        return Msg("owners.no_people")
    return Msg("owners.people_personal", people=", ".join(known))


def check_person(login: str, known: Sequence[str], team: bool) -> str:
    """`login` when csm knows it; BadInput (exit 2) with a "did you mean" else."""
    if login not in known:
        raise unknown_person(login, known, team)
    return login


def check_catalog(items: Iterable[Item], known: Sequence[str], team: bool) -> None:
    """Refuse (exit 2) the first `assign:` or `rotate:` naming someone csm
    does not know, with the file, the line and the item."""
    from csm_checklist.duties.yamlfields import did_you_mean, fail, then

    for item in items:
        for login in (item.assign,) if item.assign else item.rotate:
            if login not in known:
                raise fail(
                    item.source,
                    item.owner_line or item.line,
                    Msg("errors.who_item", id=item.id),
                    Msg("owners.unknown_person", login=login),
                    then(did_you_mean(login, known), people_hint(known, team)),
                )


def leave_days(entries: Iterable[tuple[str, date, date]]) -> dict[str, frozenset[date]]:
    """Each person's days of leave from (who, first, last) spans."""
    days: dict[str, set[date]] = {}
    for who, first, last in entries:
        day = first
        while day <= last:
            days.setdefault(who, set()).add(day)
            day += timedelta(days=1)
    return {who: frozenset(found) for who, found in days.items()}


__all__ = [
    "Assignment",
    "Owners",
    "check_catalog",
    "check_person",
    "leave_days",
    "people_hint",
    "rule_people",
    "unknown_person",
]
