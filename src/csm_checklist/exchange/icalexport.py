"""The due dates of the coming months as an iCalendar file (RFC 5545), for
Outlook and Google Calendar.

One all-day event per due date. Its UID is made of the item's id and the
start of its period, so importing a newer file updates the events already
there instead of adding copies; a due date that moves (a new day off, a
changed rule) moves its event. The `icalendar` package is imported only here.
"""

from __future__ import annotations

import calendar as month_calendar
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from csm_checklist.dates.schedule import Period
from csm_checklist.duties.wording import cadence_text
from csm_checklist.messages import t

if TYPE_CHECKING:
    from csm_checklist.duties.catalog import Item
    from csm_checklist.rules.history import History

UID_DOMAIN = "csm-checklist"
PRODID = "-//csm-checklist//csm calendar//EN"


class Due(NamedTuple):
    """One item's due date in one of its periods."""

    item: Item
    period: Period
    due: date


def months_span(first: date, months: int) -> Period:
    """`first` and the days up to the same day `months` months later (excluded)."""
    index = first.year * 12 + first.month - 1 + months
    year, month = divmod(index, 12)
    day = min(first.day, month_calendar.monthrange(year, month + 1)[1])
    return Period(first, date(year, month + 1, day) - timedelta(days=1))


def dues_between(history: History, items: Sequence[Item], span: Period) -> list[Due]:
    """Every expected due date of the enabled `items` inside `span`, by date,
    each period judged by the rules that hold at its end (today's, for the
    periods to come) and with the days off in the history's calendars."""
    found = []
    known = set(history.item_ids())
    for item in items:
        if not item.enabled or item.id not in known:
            continue
        timeline = history.timeline(item.id)
        for period in timeline.periods_overlapping(span.start, span.end):
            if not timeline.expected(period, period.end):
                continue  # a day off, a period of nothing but days off, or untracked
            due = timeline.due(period, period.end)
            if due in span:
                found.append(Due(item, period, due))
    found.sort(key=lambda d: (d.due, d.item.id))
    return found


def event_uid(item_id: str, period: Period) -> str:
    """The same for one item and period on every run and every machine."""
    return f"{item_id}.{period.start.strftime('%Y%m%d')}@{UID_DOMAIN}"


def calendar_ics(dues: Sequence[Due], lang: str, stamp: datetime) -> bytes:
    """The iCalendar document: one VEVENT per due date, all-day, free time."""
    from icalendar import Calendar, Event

    from csm_checklist.exchange.escapes import shown

    doc = Calendar()
    doc.add("prodid", PRODID)
    doc.add("version", "2.0")
    doc.add("calscale", "GREGORIAN")
    doc.add("x-wr-calname", t("core.calendar_name", lang))
    for entry in dues:
        item = entry.item
        event = Event()
        event.add("uid", event_uid(item.id, entry.period))
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.due)
        event.add("dtend", entry.due + timedelta(days=1))
        # Calendar programs show these: no control or bidi override raw.
        event.add("summary", shown(item.title.get(lang)))
        event.add("description", shown(_description(item, lang)))
        # The cadence as the views name it: an item with its own rule is
        # "custom" ("مخصص"), never the key word `rrule`.
        event.add("categories", [cadence_text(item.recurrence.cadence, lang)])
        event.add("transp", "TRANSPARENT")  # a duty, not a meeting: the day stays free
        doc.add_component(event)
    return bytes(doc.to_ical())


def _description(item: Item, lang: str) -> str:
    details = item.details.get(lang).strip() if item.details is not None else ""
    hint = t("core.calendar_log_hint", lang, id=item.id)
    return f"{details}\n\n{hint}" if details else hint
