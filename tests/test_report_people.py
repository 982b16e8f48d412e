"""Reports per person: figures counted by hand on small histories, and the
rows always adding up to the team's totals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from csm_checklist.dates.schedule import Recurrence, WorkCalendar
from csm_checklist.rules.people import People, people_figures
from csm_checklist.rules.report import Report, build_report

from fakes import FakeEvent, FakeItem, FakeLog, history_of

DAILY = FakeItem("monitor", Recurrence("daily"))
WEEKLY = FakeItem("review", Recurrence("weekly"))
OCTOBER = date(2026, 10, 1)


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


@dataclass
class FakeOwners:
    """Owners by (item, period start); `people` in the rotation's order."""

    owners: dict[tuple[str, date], str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)

    def owner(self, item_id: str, period_start: date) -> str | None:
        return self.owners.get((item_id, period_start))

    def people(self) -> tuple[str, ...]:
        return tuple(self.order)


def daily(day: date, by: str, kind: str = "done", late_by: int = 0) -> FakeEvent:
    logged = datetime.combine(day + timedelta(days=late_by), time(12), tzinfo=timezone.utc)
    return FakeEvent(
        "monitor", day, day, kind=kind, by=by, period_end=day, cadence="daily", logged_at=logged
    )


def week(events: list[FakeEvent], owners: FakeOwners) -> tuple[Report, People | None]:
    """The week of Mon 16 – Sun 22 November 2026, judged once it is over."""
    report = build_report(
        history_of([DAILY, WEEKLY], WorkCalendar(), start=OCTOBER),
        FakeLog(events),
        "weekly",
        d(16),
        d(23),
    )
    return report, people_figures(report, owners)


def row(people: People, name: str) -> tuple[int, ...]:
    found = people.team if name == "" else next(r for r in people.persons if r.name == name)
    return tuple(found.figures().values())


# Mona owns the daily monitoring Mon-Wed, Ali Thu-Fri; the weekly review is the team's.
ROTA = FakeOwners(
    {("monitor", d(n)): "mona" for n in (16, 17, 18)}
    | {("monitor", d(n)): "ali" for n in (19, 20)},
    ["mona", "ali", "sara"],
)


def test_a_duty_done_by_ali_for_mona_is_done_for_her_and_done_by_him() -> None:
    events = [
        daily(d(16), "mona"),
        daily(d(17), "Ali"),  # Ali covers Mona's Tuesday
        daily(d(19), "ali"),
        daily(d(20), "ali"),
    ]
    _, people = week(events, ROTA)
    assert people is not None
    #                       assigned done done_for late missed skipped due
    assert row(people, "mona") == (3, 1, 1, 0, 1, 0, 0)  # Wednesday nobody did
    assert row(people, "ali") == (2, 3, 0, 0, 0, 0, 0)
    # The weekly review (due Friday 20) is the team's and was missed.
    assert row(people, "") == (1, 0, 0, 0, 1, 0, 0)
    assert [r.name for r in people.persons] == ["mona", "ali"]  # Sara had nothing


def test_late_is_the_owners_whoever_did_it_and_skips_and_misses_are_theirs() -> None:
    events = [
        daily(d(16), "sara", late_by=1),  # Sara, late, for Mona
        daily(d(17), "mona", kind="skip"),
        daily(d(18), "mona", late_by=2),
        daily(d(19), "ali"),
        FakeEvent("review", d(16), d(20), by="sara", period_end=d(22)),
    ]
    _, people = week(events, ROTA)
    assert people is not None
    assert row(people, "mona") == (3, 1, 1, 2, 0, 1, 0)
    assert row(people, "ali") == (2, 1, 0, 0, 1, 0, 0)
    assert row(people, "sara") == (0, 2, 0, 0, 0, 0, 0)  # her own: none; done: two
    assert row(people, "") == (1, 0, 0, 0, 0, 0, 0)
    assert [r.name for r in people.persons] == ["mona", "ali", "sara"]


def test_names_and_logins_are_one_person_and_an_entry_naming_no_one_is_the_teams() -> None:
    events = [daily(d(16), "Mona Haddad"), daily(d(17), ""), daily(d(19), "ALI")]
    report = build_report(
        history_of([DAILY, WEEKLY], WorkCalendar(), start=OCTOBER),
        FakeLog(events),
        "weekly",
        d(16),
        d(23),
    )
    people = people_figures(report, ROTA, {"mona": "Mona Haddad"})
    assert people is not None
    assert row(people, "mona") == (3, 1, 1, 0, 1, 0, 0)
    assert row(people, "ali") == (2, 1, 0, 0, 1, 0, 0)
    assert row(people, "") == (1, 1, 0, 0, 1, 0, 0)  # Tuesday's entry names nobody


def test_no_people_section_without_owners_and_with_one_person_or_for_one_person() -> None:
    alone = [daily(d(16), "mona"), daily(d(17), "Mona")]
    assert week(alone, FakeOwners())[1] is None
    two = [daily(d(16), "mona"), daily(d(17), "ali")]
    assert week(two, FakeOwners())[1] is not None
    narrowed = build_report(
        history_of([DAILY, WEEKLY], WorkCalendar(), start=OCTOBER),
        FakeLog(two),
        "weekly",
        d(16),
        d(23),
        by="ali",
    )
    assert people_figures(narrowed, ROTA) is None


def _check_sums(report: Report, people: People) -> None:
    total, tally = people.total, report.total
    assert total.assigned == tally.expected
    assert total.done == tally.done
    assert total.late == tally.late
    assert total.missed == tally.missed
    assert total.skipped == tally.skipped
    assert total.due == tally.due
    assert people.team.done_for == 0
    for r in (*people.persons, people.team):
        # A row's own periods are done (by them or for them), skipped, missed or due.
        own_done = r.assigned - r.done_for - r.skipped - r.missed - r.due
        assert 0 <= own_done <= r.done or r is people.team
        assert r.late <= r.assigned


NAMES = ["mona", "Mona", "ali", "sara", "omar", ""]
DAYS = [d(1) + timedelta(days=n) for n in range(30)]


@settings(max_examples=150, deadline=None)
@given(
    entries=st.dictionaries(
        st.sampled_from(DAYS),
        st.tuples(st.sampled_from(NAMES), st.sampled_from(["done", "skip"]), st.integers(0, 3)),
    ),
    reviews=st.dictionaries(
        st.sampled_from(DAYS[::7]), st.tuples(st.sampled_from(NAMES), st.integers(0, 9))
    ),
    owners=st.dictionaries(
        st.tuples(st.sampled_from(["monitor", "review"]), st.sampled_from(DAYS)),
        st.sampled_from(["mona", "ali", "sara"]),
    ),
    on=st.sampled_from([*DAYS, d(1, 12)]),
)
def test_per_person_figures_add_up_to_the_team_totals(
    entries: dict[date, tuple[str, str, int]],
    reviews: dict[date, tuple[str, int]],
    owners: dict[tuple[str, date], str],
    on: date,
) -> None:
    events = [daily(day, by, kind, late) for day, (by, kind, late) in entries.items()]
    for day, (by, later) in reviews.items():
        monday = day - timedelta(days=day.weekday())
        logged = datetime.combine(day + timedelta(days=later), time(9), tzinfo=timezone.utc)
        events.append(
            FakeEvent(
                "review", monday, day, by=by, period_end=monday + timedelta(6), logged_at=logged
            )
        )
    history = history_of([DAILY, WEEKLY], WorkCalendar(), start=OCTOBER)
    report = build_report(history, FakeLog(events), "monthly", on, d(1, 12))
    people = people_figures(report, FakeOwners(owners, ["sara", "ali", "mona"]))
    if people is None:
        return
    _check_sums(report, people)
    # The done-by column adds up per name as the report's entries do.
    doers: dict[str, int] = {}
    for o in report.outcomes:
        if o.outcome in ("on_time", "late") and o.event is not None:
            doers[o.event.by.casefold()] = doers.get(o.event.by.casefold(), 0) + 1
    shown = {r.name.casefold(): r.done for r in people.persons if r.done}
    if people.team.done:
        shown[""] = people.team.done
    assert shown == doers
