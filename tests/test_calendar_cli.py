"""`csm calendar`: the iCalendar file, parsed back with the `icalendar`
package and compared event by event with the due dates `csm due` gives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from icalendar import Calendar

from clihelp import run, track_from

LONG_AR = "مراجعة أداء فريق خدمة العملاء الشهرية وتحديث لوحة المؤشرات مع المدير المباشر"
USER_ITEMS = f"""\
items:
  - id: kpi-review
    title: {{en: Monthly KPI review with the line manager, ar: {LONG_AR}}}
    details: {{en: "Bring the dashboard; agree two actions.", ar: "أحضر لوحة المؤشرات؛ واتفق على إجراءين."}}
    area: team-management
    cadence: monthly
    due: 15
  - id: saturday-check
    title: {{en: Weekend queue check, ar: فحص طابور نهاية الأسبوع}}
    area: team-management
    rrule: FREQ=WEEKLY;BYDAY=SA
"""


@pytest.fixture(autouse=True)
def _on_30_november_2026() -> Iterator[None]:
    """Every test runs on Monday 30 November 2026, so the log it makes
    tracks from then and December's due dates are expected, whatever the
    real date."""
    with time_machine.travel("2026-11-30 09:00:00+00:00", tick=False):
        yield


def ok(*args: str) -> Any:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result


@pytest.fixture
def user_items(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(USER_ITEMS, encoding="utf-8")


def events_of(ics: str) -> dict[str, tuple[date, str]]:
    """uid -> (day, title) of every VEVENT, checking each is one whole day."""
    found = {}
    for event in Calendar.from_ical(ics).walk("VEVENT"):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and end == start + timedelta(days=1)
        uid = str(event["uid"])
        assert uid not in found
        found[uid] = (start, str(event["summary"]))
    return found


def due_dates(first: date, last: date) -> dict[str, tuple[date, str]]:
    """The same, from `csm due --period day` for every day of the span."""
    found = {}
    day = first
    while day <= last:
        doc = json.loads(ok("due", "--period", "day", "--on", day.isoformat(), "--json").stdout)
        for item in doc["items"]:
            if item["status"] == "off":
                continue  # not expected: a weekend or a day off
            assert item["due"] == day.isoformat()
            uid = f"{item['id']}.{item['period_start'].replace('-', '')}@csm-checklist"
            found[uid] = (day, item["title"])
        day += timedelta(days=1)
    return found


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_event_is_a_due_date_of_csm_due(lang: str, user_items: None) -> None:
    ok("config", "set", "lang", lang)
    ok("config", "set", "region", "SA")
    ok("off", "holidays", "--year", "2026")  # Eid al-Fitr 2026: 19-24 March
    ok("off", "add", "2026-04-05..2026-04-16", "--reason", "Annual leave")
    track_from("2026-01-01")  # so csm due judges those months as tracked
    ics = ok("calendar", "--from", "2026-03-01", "--months", "3").stdout
    events = events_of(ics)
    assert events == due_dates(date(2026, 3, 1), date(2026, 5, 31))
    # Sun-Thu: only the Saturday rrule item falls on the weekend.
    weekend = {uid.split(".")[0] for uid, (day, _) in events.items() if day.weekday() in (4, 5)}
    assert weekend == {"saturday-check"}
    # Nothing during Eid or the leave: the Saturday check moves to the
    # Wednesday before Eid, and the week of leave that holds its Saturday has none.
    sat = {day for uid, (day, _) in events.items() if uid.startswith("saturday-check.")}
    assert date(2026, 3, 18) in sat
    assert date(2026, 4, 11) not in sat
    assert [e for e in events.values() if date(2026, 3, 19) <= e[0] <= date(2026, 3, 24)] == []
    assert [e for e in events.values() if date(2026, 4, 5) <= e[0] <= date(2026, 4, 16)] == []


def test_calendar_with_days_off_by_hand() -> None:
    # Mon-Fri. December 2026: Thursday the 31st is a day off.
    ok("off", "add", "2026-12-31", "--reason", "Year-end closure")
    events = events_of(ok("calendar", "--from", "2026-12-01", "--months", "1").stdout)
    # The monthly report is due on the last workday: Wednesday the 30th, not the 31st.
    assert events["monthly-report.20261201@csm-checklist"] == (
        date(2026, 12, 30),
        "Performance report",
    )
    # No daily item on the day off; the day before has all four.
    on_day = {uid.split(".")[0] for uid, (day, _) in events.items() if day == date(2026, 12, 31)}
    assert on_day == set()
    daily_30 = {uid.split(".")[0] for uid, (day, _) in events.items() if day == date(2026, 12, 30)}
    assert {
        "monitor-accounts",
        "daily-engagement",
        "resolve-issues",
        "team-supervision",
    } <= daily_30
    # The span is 1..31 December: nothing from January.
    assert max(day for day, _ in events.values()) == date(2026, 12, 30)


def test_uids_are_stable_and_a_moved_due_date_keeps_its_uid() -> None:
    first = events_of(ok("calendar", "--from", "2026-12-01").stdout)
    again = events_of(ok("calendar", "--from", "2026-12-01").stdout)
    assert first == again
    ok("off", "add", "2026-12-31")
    moved = events_of(ok("calendar", "--from", "2026-12-01").stdout)
    uid = "monthly-report.20261201@csm-checklist"
    assert (first[uid][0], moved[uid][0]) == (date(2026, 12, 31), date(2026, 12, 30))
    assert set(first) - set(moved) == {
        f"{item}.20261231@csm-checklist"
        for item in ("monitor-accounts", "daily-engagement", "resolve-issues", "team-supervision")
    }


def test_arabic_titles_survive_line_folding(user_items: None, tmp_path: Path) -> None:
    ok("config", "set", "lang", "ar")
    track_from("2026-11-01")
    target = tmp_path / "duties.ics"
    ok("calendar", "--from", "2026-11-01", "--months", "1", "-o", str(target))
    data = target.read_bytes()
    raw = data.decode("utf-8")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75  # RFC 5545: 75 octets a line
    for line in lines:
        line.decode("utf-8")  # no character cut in half by a fold
    assert any(line.startswith(b" ") for line in lines)  # the long title was folded
    calendar = Calendar.from_ical(raw)
    kpi = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("kpi-review.")]
    assert [str(e["summary"]) for e in kpi] == [LONG_AR]
    assert str(kpi[0]["description"]) == (
        "أحضر لوحة المؤشرات؛ واتفق على إجراءين.\n\nعند الإنجاز: csm done kpi-review"
    )
    assert kpi[0].decoded("dtstart") == date(2026, 11, 15 - 2)  # Sunday 15th -> Friday 13th
    assert str(calendar["x-wr-calname"]) == "مهام خدمة العملاء"


def test_output_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "duties.ics"
    result = ok("calendar", "--from", "2026-11-01", "--months", "2", "-o", str(target))
    assert result.stdout == ""
    count = len(events_of(target.read_text(encoding="utf-8")))
    assert (
        result.stderr == f"Wrote {count} due date(s) from 2026-11-01 to 2026-12-31 to {target}.\n"
    )
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--from", "2026-02-30"),
            "Error: --from '2026-02-30' is not a date (day is out of range for month).\n",
        ),
        (
            ("--months", "0"),
            "Error: Invalid value for '--months' / '-m': 0 is not in the range 1<=x<=24.\n",
        ),
    ],
)
def test_bad_input(args: tuple[str, ...], message: str) -> None:
    result = run("calendar", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_skip_daily_leaves_out_the_daily_items_and_custom_items_are_called_custom(
    user_items: None,
) -> None:
    track_from("2026-03-01")
    every = Calendar.from_ical(ok("calendar", "--from", "2026-03-01").stdout).walk("VEVENT")
    fewer = Calendar.from_ical(ok("calendar", "--from", "2026-03-01", "--skip-daily").stdout).walk(
        "VEVENT"
    )
    daily = [e for e in every if [str(c) for c in e["categories"].cats] == ["daily"]]
    assert daily and len(fewer) == len(every) - len(daily)
    assert all(str(e["categories"].cats[0]) != "daily" for e in fewer)
    kinds = {str(e["categories"].cats[0]) for e in fewer}
    assert kinds == {"weekly", "monthly", "quarterly", "custom"}
    custom = [e for e in fewer if str(e["uid"]).startswith("saturday-check.")]
    assert custom and all(str(e["categories"].cats[0]) == "custom" for e in custom)
