"""The rules in force, piece by piece: what a revision stores, how two are
compared, what `csm history` lists as changed, and which revision and rule
judge a date. Every expected value is worked out by hand."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from csm_checklist.dates.schedule import (
    DueRule,
    FirstWorkday,
    LastWorkday,
    OnDayOfMonth,
    OnMonthDay,
    OnWeekday,
    Period,
    Recurrence,
)
from csm_checklist.dates.schedule import WorkCalendar as Cal
from csm_checklist.duties.catalog import Text
from csm_checklist.rules.history import (
    History,
    ItemRule,
    Revision,
    changed,
    changes,
    observe,
    parse_rules,
    revision_changes,
    rules_text,
)
from csm_checklist.rules.report import build_report
from csm_checklist.store.records import RevisionRecord, StartRecord

from fakes import FakeItem, FakeLog, history_of, revision, rule_of

WEEKLY = FakeItem("review", Recurrence("weekly"))
DAILY = FakeItem("monitor", Recurrence("daily"))
SUN_THU = Cal(week_start=6, workdays=frozenset({6, 0, 1, 2, 3}))


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


def rule(
    item_id: str,
    rec: Recurrence,
    *,
    title: Text | None = None,
    area: str = "team",
    enabled: bool = True,
    since: date | None = None,
) -> ItemRule:
    return ItemRule(item_id, title or Text(item_id, ""), area, rec, enabled, since)


def record(
    effective: date, rules: list[ItemRule], cal: Cal | None = None, tz: str = ""
) -> RevisionRecord:
    at = datetime(effective.year, effective.month, effective.day, 8, tzinfo=timezone.utc)
    return RevisionRecord(f"rev-{effective}", effective, at, rules_text(rules, cal or Cal(), tz))


# What a revision stores ---------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "stored"),
    [
        (None, None),
        (OnWeekday(3), {"weekday": "thu"}),
        (OnDayOfMonth(20), {"day": 20}),
        (FirstWorkday(), "first-workday"),
        (LastWorkday(), "last-workday"),
        (OnMonthDay(3, 15), {"month": 3, "day": 15}),
    ],
)
def test_every_due_rule_is_stored_and_read_back(due: DueRule | None, stored: object) -> None:
    item = rule("policy", Recurrence("quarterly", due))
    text = rules_text([item], Cal(), "Asia/Riyadh")
    assert json.loads(text)["items"][0]["due"] == stored
    _, _, items = parse_rules(text)
    assert items["policy"].recurrence.due == due


def test_the_canonical_text_holds_the_settings_and_every_field() -> None:
    item = rule(
        "audit",
        Recurrence("monthly", None, "FREQ=MONTHLY;INTERVAL=2", d(1, 5)),
        title=Text("Audit", "تدقيق"),
        area="quality",
        enabled=False,
        since=d(3, 1),
    )
    cal = Cal(week_start=6, workdays=frozenset({6, 0, 1, 2, 3}), fiscal_year_start=7)
    text = rules_text([item], cal, "Asia/Riyadh")
    assert json.loads(text) == {
        "settings": {
            "week_start": "sunday",
            "workdays": "sun-thu",
            "fiscal_year_start": 7,
            "timezone": "Asia/Riyadh",
        },
        "items": [
            {
                "id": "audit",
                "title": {"en": "Audit", "ar": "تدقيق"},
                "area": "quality",
                "cadence": "monthly",
                "due": None,
                "rrule": "FREQ=MONTHLY;INTERVAL=2",
                "start": "2026-01-05",
                "since": "2026-03-01",
                "enabled": False,
            }
        ],
    }
    assert "تدقيق" in text  # stored as written, not escaped
    calendar, tz, items = parse_rules(text)
    assert calendar == cal
    assert tz == "Asia/Riyadh"
    assert items == {"audit": item}


def test_workdays_that_are_not_a_run_are_stored_in_week_order() -> None:
    # Sunday, Monday and Wednesday, in a week that starts on Sunday.
    cal = Cal(week_start=6, workdays=frozenset({6, 0, 2}))
    text = rules_text([], cal, "")
    assert json.loads(text)["settings"]["workdays"] == "sun,mon,wed"
    assert parse_rules(text)[0] == cal


def test_rules_without_a_time_zone_read_as_none_set() -> None:
    text = json.dumps(
        {
            "settings": {"week_start": "monday", "workdays": "mon-fri", "fiscal_year_start": 1},
            "items": [],
        }
    )
    assert parse_rules(text) == (Cal(), "", {})


def test_an_enabled_item_with_no_dates_reads_back_the_same() -> None:
    item = rule("monitor", Recurrence("daily"))
    _, _, items = parse_rules(rules_text([item], Cal(), ""))
    assert items["monitor"] == item
    assert items["monitor"].enabled is True
    assert items["monitor"].since is None
    assert items["monitor"].cadence == "daily"


# Comparing what csm sees with the latest revision ------------------------------


def test_the_rules_seen_are_compared_with_the_latest_revision() -> None:
    a, b = rule("a", Recurrence("daily")), rule("b", Recurrence("weekly"), since=d(12, 1))
    seen = observe([a, b], Cal(), "UTC")  # type: ignore[list-item]
    assert seen.items == {"a": a, "b": b}
    assert (seen.calendar, seen.timezone) == (Cal(), "UTC")
    assert changed(seen, None) is True  # nothing recorded yet
    assert changed(seen, record(d(11, 1), [a, b], tz="UTC")) is False
    assert changed(seen, record(d(11, 1), [b, a], tz="UTC")) is False  # order alone is no change
    assert changed(seen, record(d(11, 1), [a], tz="UTC")) is True
    assert changed(seen, record(d(11, 1), [a, b], tz="Asia/Riyadh")) is True
    assert changed(seen, record(d(11, 1), [a, b], SUN_THU, tz="UTC")) is True
    off = a._replace(enabled=False)
    assert changed(seen, record(d(11, 1), [b, off], tz="UTC")) is True


# What `csm history` lists ---------------------------------------------------------


def rev(effective: date, rules: list[ItemRule], cal: Cal | None = None, tz: str = "") -> Revision:
    return revision(effective, rules, cal)._replace(
        text=rules_text(rules, cal or Cal(), tz), timezone=tz
    )


def test_the_first_revision_lists_every_setting_and_item() -> None:
    first = rev(d(11, 2), [rule("a", Recurrence("daily")), rule("b", Recurrence("weekly"))])
    assert changes(None, first) == [
        ("setting", "week_start", "", "", "monday"),
        ("setting", "workdays", "", "", "mon-fri"),
        ("setting", "fiscal_year_start", "", "", "1"),
        ("setting", "timezone", "", "", ""),
        ("added", "a", "", "", ""),
        ("added", "b", "", "", ""),
    ]


def test_a_later_revision_lists_only_what_changed_with_before_and_after() -> None:
    a = rule("a", Recurrence("daily"))
    b = rule("b", Recurrence("weekly", OnWeekday(4)), title=Text("Review", "مراجعة"))
    c = rule("c", Recurrence("monthly"))
    before = rev(d(11, 2), [a, b, c], Cal(), "UTC")
    b2 = rule(
        "b",
        Recurrence("weekly", OnWeekday(3)),
        title=Text("Weekly review", "مراجعة"),
        enabled=False,
        since=d(12, 1),
        area="ops",
    )
    n = rule("n", Recurrence("annual", OnMonthDay(1, 31)))
    after = rev(d(11, 25), [a, n, b2], SUN_THU, "UTC")
    assert changes(before, after) == [
        ("setting", "week_start", "", "monday", "sunday"),
        ("setting", "workdays", "", "mon-fri", "sun-thu"),
        ("added", "n", "", "", ""),
        ("changed", "b", "enabled", "on", "off"),
        ("changed", "b", "due", "weekday: fri", "weekday: thu"),
        ("changed", "b", "since", "", "2026-12-01"),
        ("changed", "b", "area", "team", "ops"),
        ("changed", "b", "title", "Review / مراجعة", "Weekly review / مراجعة"),
        ("removed", "c", "", "", ""),
    ]


def test_cadence_rrule_and_start_changes_are_listed_as_text() -> None:
    old = rule("a", Recurrence("monthly", OnDayOfMonth(5)))
    new = rule("a", Recurrence("weekly", None, "FREQ=WEEKLY;BYDAY=TU", d(12, 1)))
    found = changes(rev(d(11, 2), [old]), rev(d(11, 25), [new]))
    assert found == [
        ("changed", "a", "cadence", "monthly", "weekly"),
        ("changed", "a", "due", "day: 5", ""),
        ("changed", "a", "rrule", "", "FREQ=WEEKLY;BYDAY=TU"),
        ("changed", "a", "start", "", "2026-12-01"),
    ]


def test_a_due_date_of_the_year_is_listed_month_and_day() -> None:
    old = rule("a", Recurrence("annual", OnMonthDay(1, 31)))
    new = rule("a", Recurrence("annual", OnMonthDay(3, 15)))
    assert changes(rev(d(11, 2), [old]), rev(d(11, 25), [new])) == [
        ("changed", "a", "due", "month: 1, day: 31", "month: 3, day: 15"),
    ]


def test_a_setting_missing_from_an_older_revision_reads_as_empty() -> None:
    a = rule("a", Recurrence("daily"))
    old = rev(d(11, 2), [a])
    document = json.loads(old.text)
    del document["settings"]["timezone"]
    old = old._replace(text=json.dumps(document))
    assert changes(old, rev(d(11, 3), [a], tz="UTC")) == [
        ("setting", "timezone", "", "", "UTC"),
    ]


def test_every_recorded_revision_is_listed_with_its_changes() -> None:
    a, b = rule("a", Recurrence("daily")), rule("b", Recurrence("weekly"))
    first, second = rev(d(11, 2), [a]), rev(d(11, 9), [a, b])
    same_day = rev(d(11, 9), [a])._replace(
        uuid="again", recorded_at=datetime(2026, 11, 9, 9, tzinfo=timezone.utc)
    )
    listed = revision_changes(History(d(11, 2), [first, second, same_day]))
    assert [(r.uuid, c) for r, c in listed] == [
        ("rev-2026-11-02", changes(None, first)),
        ("rev-2026-11-09", [("added", "b", "", "", "")]),
        ("again", [("removed", "b", "", "", "")]),
    ]


# Which revision is in force -----------------------------------------------------------


def test_a_history_needs_a_revision() -> None:
    with pytest.raises(ValueError, match=r"^a history needs at least one revision$"):
        History(d(11, 2), [])


def test_the_last_revision_recorded_on_a_day_holds_for_it() -> None:
    a, b = rule("a", Recurrence("daily")), rule("b", Recurrence("weekly"))
    morning = rev(d(11, 9), [a])
    evening = rev(d(11, 9), [b])._replace(
        uuid="evening", recorded_at=datetime(2026, 11, 9, 18, tzinfo=timezone.utc)
    )
    first = rev(d(11, 2), [a, b])
    history = History(d(11, 2), [evening, first, morning])  # in any order
    assert [r.uuid for r in history.recorded] == ["rev-2026-11-02", "rev-2026-11-09", "evening"]
    assert [r.uuid for r in history.revisions] == ["rev-2026-11-02", "evening"]
    assert history.revision_on(d(11, 8)).uuid == "rev-2026-11-02"
    assert history.revision_on(d(11, 9)).uuid == "evening"
    assert history.revision_on(d(1, 1)).uuid == "rev-2026-11-02"  # before the first: the first
    assert history.current.uuid == "evening"
    assert [i.id for i in history.enabled_on(d(11, 8))] == ["a", "b"]
    assert [i.id for i in history.enabled_on(d(11, 9))] == ["b"]


def test_switched_off_items_are_not_enabled() -> None:
    off = rule("a", Recurrence("daily"), enabled=False)
    history = History(d(11, 2), [rev(d(11, 2), [off, rule("b", Recurrence("weekly"))])])
    assert [i.id for i in history.enabled_on(d(11, 2))] == ["b"]


def test_a_history_from_the_logs_records() -> None:
    a = rule("a", Recurrence("daily"))
    recs = [record(d(11, 2), [a]), record(d(11, 9), [a], SUN_THU, "UTC")]
    at = datetime(2026, 11, 2, tzinfo=timezone.utc)
    starts = [
        StartRecord("s1", d(11, 2), at),
        StartRecord("s2", d(9, 1), at),
        StartRecord("s3", d(10, 1), at),
    ]
    history = History.from_records(starts, recs, d(6, 1))
    assert history.start == d(10, 1)  # the latest start recorded
    assert [(r.uuid, r.recorded_at) for r in history.recorded] == [
        ("rev-2026-11-02", datetime(2026, 11, 2, 8, tzinfo=timezone.utc)),
        ("rev-2026-11-09", datetime(2026, 11, 9, 8, tzinfo=timezone.utc)),
    ]
    assert history.enabled_on(d(11, 9)) == [a]
    assert history.calendar_on(d(11, 9)) == SUN_THU
    assert history.revision_on(d(11, 9)).timezone == "UTC"
    assert history.revision_on(d(11, 9)).text == recs[1].rules
    assert History.from_records([], recs, d(6, 1)).start == d(6, 1)
    holiday = frozenset({d(11, 4)})
    with_off = History.from_records(starts, recs, d(6, 1), holiday)
    assert with_off.calendar_on(d(11, 4)).days_off == holiday
    assert with_off.calendar_on(d(11, 20)).days_off == holiday
    assert with_off.until(d(11, 3)).calendar_on(d(11, 4)).days_off == holiday
    assert with_off.with_start(d(11, 1)).calendar_on(d(11, 4)).days_off == holiday


def test_until_and_with_start() -> None:
    a = rule("a", Recurrence("daily"))
    history = History(d(11, 2), [rev(d(11, 2), [a]), rev(d(11, 9), [a], SUN_THU)])
    assert history.until(d(11, 9)) is history
    assert history.until(d(12, 1)) is history
    before = history.until(d(11, 8))
    assert [r.effective for r in before.revisions] == [d(11, 2)]
    assert before.start == d(11, 2)
    # Asked about a day before the first revision: the first one alone.
    assert [r.effective for r in history.until(d(10, 1)).revisions] == [d(11, 2)]
    three = History(d(11, 2), [*history.revisions, rev(d(11, 16), [a])])
    assert [r.effective for r in three.until(d(11, 9)).revisions] == [d(11, 2), d(11, 9)]
    moved = history.with_start(d(10, 1))
    assert moved.start == d(10, 1)
    assert [r.effective for r in moved.revisions] == [d(11, 2), d(11, 9)]


def test_items_are_listed_current_first_then_newest_removal_first() -> None:
    a, b, c, e = (rule(x, Recurrence("daily")) for x in "abce")
    history = History(
        d(11, 2),
        [rev(d(11, 2), [a, b, c]), rev(d(11, 9), [a, c]), rev(d(11, 16), [e, a])],
    )
    # e and a now; c went on the 16th, b on the 9th.
    assert history.item_ids() == ["e", "a", "c", "b"]


def test_a_timeline_is_built_once_per_item_and_window() -> None:
    history = history_of([WEEKLY, DAILY], start=d(11, 2))
    assert history.timeline("review") is history.timeline("review")
    assert history.timeline("review").item_id == "review"
    assert history.timeline("review") is not history.timeline("monitor")
    assert history.window_timeline("monthly") is history.window_timeline("monthly")
    assert history.window_timeline("monthly") is not history.window_timeline("weekly")
    assert history.window_timeline("monthly").period_containing(d(11, 17)) == Period(
        d(11, 1), d(11, 30)
    )
    assert history.window_timeline("weekly").period_containing(d(11, 17)) == Period(
        d(11, 16), d(11, 22)
    )
    with pytest.raises(KeyError, match="nothing-like-it"):
        history.timeline("nothing-like-it")


# Which rule judges a period --------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "cadence", "day", "expected"),
    [
        # A weekly item's weeks do not move when the fiscal year does.
        (Cal(), Cal(fiscal_year_start=4), "weekly", d(11, 25), Period(d(11, 23), d(11, 29))),
        # Nor does a quarter when the week starts on another day.
        (Cal(), Cal(week_start=6), "quarterly", d(11, 25), Period(d(10, 1), d(12, 31))),
        (Cal(), Cal(week_start=6), "annual", d(11, 25), Period(d(1, 1), d(12, 31))),
        # A month ignores both.
        (Cal(), Cal(week_start=6, fiscal_year_start=4), "monthly", d(11, 25),
         Period(d(11, 1), d(11, 30))),
    ],
)  # fmt: skip
def test_settings_that_do_not_bound_a_cadence_leave_its_periods_whole(
    first: Cal, second: Cal, cadence: str, day: date, expected: Period
) -> None:
    item = FakeItem("duty", Recurrence(cadence))  # type: ignore[arg-type]
    history = history_of([item], first, start=d(1, 1), later=[revision(d(11, 25), [item], second)])
    assert history.timeline("duty").period_containing(day) == expected


def test_an_rrule_changed_mid_period_cuts_it() -> None:
    every2 = FakeItem("sync", Recurrence("rrule", None, "FREQ=WEEKLY;INTERVAL=2", d(11, 2)))
    every1 = FakeItem("sync", Recurrence("rrule", None, "FREQ=WEEKLY", d(11, 30)))
    history = history_of([every2], start=d(11, 2), later=[revision(d(11, 18), [every1])])
    found = list(history.timeline("sync").periods_overlapping(d(11, 2), d(12, 13)))
    # Each period ends on an occurrence. The new rule has none before Monday
    # 30, so the period in progress on the 18th runs whole to it.
    assert found == [
        Period(d(11, 2), d(11, 2)),
        Period(d(11, 3), d(11, 16)),
        Period(d(11, 17), d(11, 30)),
        Period(d(12, 1), d(12, 7)),
        Period(d(12, 8), d(12, 14)),
    ]


def test_an_rrule_that_has_not_begun_has_no_periods_before_it() -> None:
    later = FakeItem("sync", Recurrence("rrule", None, "FREQ=WEEKLY", d(11, 18)))
    history = history_of([later], start=d(11, 2))
    tl = history.timeline("sync")
    assert tl.period_containing(d(11, 10)) is None
    assert list(tl.periods_overlapping(d(11, 2), d(11, 30))) == [
        Period(d(11, 18), d(11, 18)),
        Period(d(11, 19), d(11, 25)),
        Period(d(11, 26), d(12, 2)),
    ]
    assert list(tl.periods_overlapping(d(11, 2), d(11, 17))) == []


def test_an_rrule_that_has_run_out_has_no_periods_after_it() -> None:
    twice = FakeItem("sync", Recurrence("rrule", None, "FREQ=WEEKLY;COUNT=2", d(11, 2)))
    tl = history_of([twice], start=d(11, 2)).timeline("sync")
    assert list(tl.periods_overlapping(d(11, 2), d(11, 30))) == [
        Period(d(11, 2), d(11, 2)),
        Period(d(11, 3), d(11, 9)),
    ]


def test_tracking_follows_the_stretch_the_item_was_on() -> None:
    on = rule_of(WEEKLY)
    off = rule_of(WEEKLY, enabled=False)
    later = rule_of(WEEKLY, since=d(12, 20))
    history = history_of(
        [on],
        start=d(11, 2),
        later=[
            revision(d(11, 9), [on, DAILY]),  # the item unchanged: its stretch goes on
            revision(d(11, 16), [off]),
            revision(d(11, 23), [DAILY]),  # gone from the checklists
            revision(d(11, 30), [on]),
            revision(d(12, 7), [on, DAILY]),
            revision(d(12, 14), [later]),
        ],
    )
    tl = history.timeline("review")
    assert tl.tracked_from(d(11, 12)) == d(11, 2)
    assert tl.tracked_from(d(11, 16)) is None
    assert tl.tracked_from(d(11, 25)) is None
    assert tl.tracked_from(d(12, 8)) == d(11, 30)
    assert tl.tracked_from(d(12, 15)) == d(12, 20)
    # The daily item appeared on the 9th, left on the 16th, came back on 7 December.
    daily = history.timeline("monitor")
    assert daily.tracked_from(d(11, 10)) == d(11, 9)
    assert daily.tracked_from(d(12, 8)) == d(12, 7)
    assert daily.tracked_from(d(11, 20)) is None
    # While it was gone its periods follow the last rule known: each day.
    assert daily.period_containing(d(11, 28)) == Period(d(11, 28), d(11, 28))
    assert daily.rule_at(d(11, 28)).cadence == "daily"
    # Before it appeared: the first rule known.
    assert daily.rule_at(d(11, 3)).id == "monitor"


def test_before_tracking_and_expected_for_a_week() -> None:
    history = history_of([WEEKLY], start=d(11, 25))  # a Wednesday; due Friday 27
    tl = history.timeline("review")
    this_week, last_week = Period(d(11, 23), d(11, 29)), Period(d(11, 16), d(11, 22))
    assert tl.before_tracking(this_week, d(11, 30)) is False
    assert tl.before_tracking(last_week, d(11, 30)) is True
    assert tl.expected(this_week, d(11, 30)) is True
    assert tl.expected(last_week, d(11, 30)) is False
    # A due date passed in is the one used.
    assert tl.expected(this_week, d(11, 30), due=d(11, 24)) is False
    assert tl.expected(this_week, d(11, 30), due=d(11, 25)) is True
    # Judged as of the day asked for while the week still runs.
    assert tl.judge_day(this_week, d(11, 26)) == d(11, 26)
    assert tl.judge_day(this_week, d(12, 26)) == d(11, 29)


def test_an_item_tracked_from_its_due_day_counts_that_period() -> None:
    history = history_of([WEEKLY], start=d(11, 27))  # Friday, the review's due day
    tl = history.timeline("review")
    week = Period(d(11, 23), d(11, 29))
    assert tl.before_tracking(week, d(11, 30)) is False
    assert tl.expected(week, d(11, 30)) is True


def test_a_switched_off_item_is_before_tracking() -> None:
    off = rule_of(WEEKLY, enabled=False)
    history = history_of([off], start=d(11, 2))
    tl = history.timeline("review")
    week = Period(d(11, 9), d(11, 15))
    assert tl.before_tracking(week, d(11, 30)) is True
    assert tl.expected(week, d(11, 30)) is False


def test_a_daily_item_is_not_expected_on_a_weekend() -> None:
    history = history_of([DAILY], start=d(11, 2))
    tl = history.timeline("monitor")
    assert tl.expected(Period(d(11, 6), d(11, 6)), d(11, 30)) is True  # Friday
    assert tl.expected(Period(d(11, 7), d(11, 7)), d(11, 30)) is False  # Saturday


def test_an_rrule_that_never_occurs_has_no_periods() -> None:
    never = FakeItem("sync", Recurrence("rrule", None, "FREQ=WEEKLY;UNTIL=20261101", d(11, 18)))
    tl = history_of([never], start=d(11, 2)).timeline("sync")
    assert list(tl.periods_overlapping(d(11, 18), d(11, 30))) == []


def test_an_rrule_not_begun_changed_to_a_cadence_reports_the_new_periods() -> None:
    # A weekly rrule from 1 December, changed on Wednesday 18 November to a
    # plain weekly duty: its weeks run from Monday 23, and November's report
    # holds the one due on Friday 27 as the week's report does.
    later = FakeItem("sync", Recurrence("rrule", None, "FREQ=WEEKLY", d(12, 1)))
    plain = FakeItem("sync", Recurrence("weekly"))
    history = history_of([later], start=d(11, 2), later=[revision(d(11, 18), [plain])])
    tl = history.timeline("sync")
    assert list(tl.periods_overlapping(d(11, 2), d(12, 6))) == [
        Period(d(11, 23), d(11, 29)),
        Period(d(11, 30), d(12, 6)),
    ]
    month = build_report(history, FakeLog(), "monthly", d(11, 30), d(12, 1))
    week = build_report(history, FakeLog(), "weekly", d(11, 25), d(12, 1))
    assert [(o.period.start, o.outcome) for o in month.outcomes] == [(d(11, 23), "missed")]
    assert [(o.period.start, o.outcome) for o in week.outcomes] == [(d(11, 23), "missed")]


def test_an_rrule_not_begun_changed_to_another_not_begun() -> None:
    first = FakeItem("sync", Recurrence("rrule", None, "FREQ=WEEKLY", d(12, 1)))
    moved = FakeItem("sync", Recurrence("rrule", None, "FREQ=WEEKLY", d(12, 10)))
    history = history_of([first], start=d(11, 2), later=[revision(d(11, 18), [moved])])
    tl = history.timeline("sync")
    assert tl.period_containing(d(12, 3)) is None
    assert list(tl.periods_overlapping(d(11, 2), d(12, 20))) == [
        Period(d(12, 10), d(12, 10)),
        Period(d(12, 11), d(12, 17)),
        Period(d(12, 18), d(12, 24)),
    ]


def test_three_week_starts_with_an_unrelated_revision_between() -> None:
    sun, sat = Cal(week_start=6), Cal(week_start=5)
    history = history_of(
        [WEEKLY],
        start=d(10, 1),
        later=[
            revision(d(11, 4), [WEEKLY], sun),  # a Wednesday
            revision(d(11, 16), [WEEKLY, DAILY], sun),  # a new item; weeks unchanged
            revision(d(11, 25), [WEEKLY, DAILY], sat),  # a Wednesday
        ],
    )
    assert list(history.timeline("review").periods_overlapping(d(10, 26), d(12, 5))) == [
        Period(d(10, 26), d(11, 1)),  # Monday weeks
        Period(d(11, 2), d(11, 7)),  # cut before the first Sunday week
        Period(d(11, 8), d(11, 14)),
        Period(d(11, 15), d(11, 21)),
        Period(d(11, 22), d(11, 27)),  # cut before the first Saturday week
        Period(d(11, 28), d(12, 4)),
        Period(d(12, 5), d(12, 11)),
    ]
