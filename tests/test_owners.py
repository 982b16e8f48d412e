"""Owners and rotations (rules/owners.py), counted by hand over the first
quarter of 2027 (Monday-Friday weeks, due Friday), with public holidays, a
week of days off, and one person's leave."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from csm_checklist.dates.schedule import Recurrence
from csm_checklist.rules.history import History, ItemRule
from csm_checklist.rules.owners import Owners, leave_days
from csm_checklist.store.assignment_records import AssignmentRecord

from fakes import FakeItem, revision, rule_of

START = date(2027, 1, 1)  # a Friday, New Year's Day
NEW_YEAR = {date(2027, 1, 1)}
# A week of days off: every workday of the week of 8 February.
WINTER_BREAK = {date(2027, 2, 8) + timedelta(days=n) for n in range(5)}
# A one-day holiday on a Wednesday.
HOLIDAY = {date(2027, 1, 6)}
DAYS_OFF = frozenset(NEW_YEAR | WINTER_BREAK | HOLIDAY)
# Ali's leave: Monday 1 to Friday 12 March (not a day off for the team).
ALI_LEAVE = leave_days([("ali", date(2027, 3, 1), date(2027, 3, 12))])

WEEKLY = FakeItem("review", Recurrence("weekly"))
DAILY = FakeItem("monitor", Recurrence("daily"))
PLAIN = FakeItem("plain", Recurrence("weekly"))


def rota(item: FakeItem, *people: str) -> ItemRule:
    if len(people) == 1:
        return rule_of(item)._replace(assign=people[0])
    return rule_of(item)._replace(rotate=people)


def history(*rules: ItemRule | FakeItem, later: tuple[object, ...] = ()) -> History:
    return History(START, [revision(START, rules), *later], DAYS_OFF)  # type: ignore[list-item]


def change(item_id: str, effective: date, *people: str, minute: int = 0) -> AssignmentRecord:
    at = datetime(2027, 1, 1, 9, minute, tzinfo=timezone.utc)
    return AssignmentRecord(
        f"a-{item_id}-{effective}-{minute}", item_id, effective, people, at, "lead"
    )


# The weekly rotation, week by week (Monday's date: owner). Week of 28 Dec:
# due Fri 1 Jan (New Year) moves back to Thu 31 Dec, before tracking: not
# expected, no turn. Week of 8 Feb: every workday off, no turn. Week of 1
# March is Ali's turn, but Ali is on leave on its due day (Fri 5 March):
# Sara, next in order, covers; the week after is Sara's own turn anyway,
# and the rota goes on as counted (Mona, Ali, Sara...).
WEEKLY_QUARTER = [
    (date(2026, 12, 28), None, None),
    (date(2027, 1, 4), "mona", "mona"),
    (date(2027, 1, 11), "ali", "ali"),
    (date(2027, 1, 18), "sara", "sara"),
    (date(2027, 1, 25), "mona", "mona"),
    (date(2027, 2, 1), "ali", "ali"),
    (date(2027, 2, 8), None, None),
    (date(2027, 2, 15), "sara", "sara"),
    (date(2027, 2, 22), "mona", "mona"),
    (date(2027, 3, 1), "ali", "sara"),
    (date(2027, 3, 8), "sara", "sara"),
    (date(2027, 3, 15), "mona", "mona"),
    (date(2027, 3, 22), "ali", "ali"),
    (date(2027, 3, 29), "sara", "sara"),
]


@pytest.mark.parametrize(("monday", "turn", "owner"), WEEKLY_QUARTER)
def test_a_weekly_rotation_over_a_quarter(
    monday: date, turn: str | None, owner: str | None
) -> None:
    owners = Owners(history(rota(WEEKLY, "mona", "ali", "sara")), leave=ALI_LEAVE)
    for day in (monday, monday + timedelta(days=3), monday + timedelta(days=6)):
        assert owners.scheduled("review", day) == turn
        assert owners.owner("review", day) == owner


# The daily rotation of Mona and Ali, day by day. Wed 6 Jan is a holiday (no
# turn); the weekend takes none. Mona is on leave on Wed 13 Jan, her turn:
# Ali covers, and Thursday is still Ali's own turn.
DAILY_DAYS = [
    (date(2027, 1, 1), None, None),  # New Year's Day
    (date(2027, 1, 4), "mona", "mona"),
    (date(2027, 1, 5), "ali", "ali"),
    (date(2027, 1, 6), None, None),
    (date(2027, 1, 7), "mona", "mona"),
    (date(2027, 1, 8), "ali", "ali"),
    (date(2027, 1, 9), None, None),
    (date(2027, 1, 10), None, None),
    (date(2027, 1, 11), "mona", "mona"),
    (date(2027, 1, 12), "ali", "ali"),
    (date(2027, 1, 13), "mona", "ali"),
    (date(2027, 1, 14), "ali", "ali"),
    (date(2027, 1, 15), "mona", "mona"),
]


@pytest.mark.parametrize(("day", "turn", "owner"), DAILY_DAYS)
def test_a_daily_rotation_skips_days_off_and_covers_leave(
    day: date, turn: str | None, owner: str | None
) -> None:
    leave = leave_days([("mona", date(2027, 1, 13), date(2027, 1, 13))])
    owners = Owners(history(rota(DAILY, "mona", "ali")), leave=leave)
    assert (owners.scheduled("monitor", day), owners.owner("monitor", day)) == (turn, owner)


@pytest.mark.parametrize(
    ("monday", "owner", "scheduled"),
    [
        (date(2027, 2, 22), "mona", "mona"),
        # Mona on leave on Friday 5 March: the week has no owner, it is the team's.
        (date(2027, 3, 1), None, "mona"),
        (date(2027, 3, 8), "mona", "mona"),
        (date(2027, 2, 8), None, None),  # nothing expected that week
    ],
)
def test_a_fixed_owner_on_leave_leaves_the_duty_to_the_team(
    monday: date, owner: str | None, scheduled: str | None
) -> None:
    leave = leave_days([("mona", date(2027, 3, 5), date(2027, 3, 5))])
    owners = Owners(history(rota(WEEKLY, "mona")), leave=leave)
    assert owners.owner("review", monday) == owner
    assert owners.scheduled("review", monday) == scheduled


def test_everyone_on_leave_leaves_the_period_to_the_team() -> None:
    leave = leave_days([(p, date(2027, 1, 8), date(2027, 1, 8)) for p in ("mona", "ali")])
    owners = Owners(history(rota(WEEKLY, "mona", "ali")), leave=leave)
    assert owners.owner("review", date(2027, 1, 4)) is None
    assert owners.owner("review", date(2027, 1, 11)) == "ali"


# `csm assign` from a date: earlier periods keep their owners.
ASSIGNED = [
    # (monday, owner) with review's rota Mona, Ali, Sara from the checklist and
    # `csm assign review sara mona --from 2027-03-17` (a Wednesday): the week
    # of 15 March ends after it, so the new rota starts there with Sara.
    (date(2027, 3, 1), "sara"),  # Ali's turn, Ali on leave: as before
    (date(2027, 3, 8), "sara"),
    (date(2027, 3, 15), "sara"),
    (date(2027, 3, 22), "mona"),
    (date(2027, 3, 29), "sara"),
]


@pytest.mark.parametrize(("monday", "owner"), ASSIGNED)
def test_an_assignment_from_a_date_keeps_earlier_periods(monday: date, owner: str) -> None:
    owners = Owners(
        history(rota(WEEKLY, "mona", "ali", "sara")),
        changes=[change("review", date(2027, 3, 17), "sara", "mona")],
        leave=ALI_LEAVE,
    )
    assert owners.owner("review", monday) == owner
    sunday = monday + timedelta(days=6)
    before = monday < date(2027, 3, 15)
    assert owners.rotation("review", sunday) == (
        ("mona", "ali", "sara") if before else ("sara", "mona")
    )


def test_changes_nobody_owner_and_same_day() -> None:
    owners = Owners(
        history(rota(WEEKLY, "mona", "ali", "sara"), PLAIN),
        changes=[
            change("review", date(2027, 1, 11), "ali", minute=1),
            change("review", date(2027, 1, 11), "sara", minute=2),  # the later one wins
            change("review", date(2027, 1, 25)),  # --nobody
            change("plain", date(2027, 1, 18), "mona"),
        ],
    )
    got = [owners.owner("review", date(2027, 1, 4) + timedelta(weeks=n)) for n in range(5)]
    assert got == ["mona", "sara", "sara", None, None]
    assert owners.assigned("review", date(2027, 1, 25)) == ()
    assert [owners.owner("plain", date(2027, 1, 11) + timedelta(weeks=n)) for n in range(2)] == [
        None,
        "mona",
    ]
    assert owners.any_assigned is True


def test_a_rotation_added_by_a_later_revision_counts_from_its_day() -> None:
    # The checklist gains `rotate: [ali, mona]` on Tue 19 January: the week
    # of 18 January is the first, Ali's.
    later = (revision(date(2027, 1, 19), [rota(WEEKLY, "ali", "mona")]),)
    owners = Owners(history(WEEKLY, later=later))
    got = [owners.owner("review", date(2027, 1, 11) + timedelta(weeks=n)) for n in range(4)]
    assert got == [None, "ali", "mona", "ali"]
    # A later revision that changes something else keeps the rota going.
    retitled = rota(WEEKLY, "ali", "mona")._replace(area="other")
    later2 = (*later, revision(date(2027, 1, 26), [retitled]))
    owners = Owners(history(WEEKLY, later=later2))
    got = [owners.owner("review", date(2027, 1, 11) + timedelta(weeks=n)) for n in range(4)]
    assert got == [None, "ali", "mona", "ali"]


def test_nothing_assigned() -> None:
    owners = Owners(history(WEEKLY, DAILY), known=("mona", "ali"))
    assert owners.any_assigned is False
    assert owners.owner("review", date(2027, 1, 4)) is None
    assert owners.owner("unknown-item", date(2027, 1, 4)) is None
    assert owners.people() == ("mona", "ali")


def test_people_known_first_then_named() -> None:
    owners = Owners(
        history(rota(WEEKLY, "zed", "ali"), rota(DAILY, "bea")),
        changes=[change("review", date(2027, 2, 1), "carl")],
        known=("mona", "ali"),
    )
    assert owners.people() == ("mona", "ali", "bea", "carl", "zed")
    assert owners.on_leave("ali", date(2027, 1, 4)) is False


def test_items_with_the_same_schedule_count_their_own_turns() -> None:
    # Two weekly items with the same schedule: one rotates from the start,
    # the other from a `csm assign` on 18 January, and a third starts later
    # with `since:` (tracked from 25 January).
    other = FakeItem("other", Recurrence("weekly"))
    later = rule_of(FakeItem("later", Recurrence("weekly")), since=date(2027, 1, 25))
    owners = Owners(
        history(rota(WEEKLY, "mona", "ali"), other, later._replace(rotate=("mona", "ali"))),
        changes=[change("other", date(2027, 1, 18), "mona", "ali")],
    )
    weeks = [date(2027, 1, 4) + timedelta(weeks=n) for n in range(5)]
    assert [owners.owner("review", w) for w in weeks] == ["mona", "ali", "mona", "ali", "mona"]
    assert [owners.owner("other", w) for w in weeks] == [None, None, "mona", "ali", "mona"]
    assert [owners.owner("later", w) for w in weeks] == [None, None, None, "mona", "ali"]
