"""How long after a start something is due (a playbook step: `2h`, `1d`,
`3 workdays`), and the moment that makes it due. Pure date math, like
schedule.py, which `csm today` loads without this module when no run is open.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple field whenever this module is loaded.

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from csm_checklist.dates.schedule import WorkCalendar, is_workday

# The calendar in force on each day (days off and workdays change over time).
CalendarOn = Callable[[date], WorkCalendar]


_WITHIN = re.compile(r"\s*(\d+)\s*(h|hours?|d|days?|workdays?|working days?)\s*\Z", re.IGNORECASE)


class Within(NamedTuple):
    """How long after a start something is due (a playbook step): hours,
    days or workdays."""

    amount: int
    unit: str  # "hours", "days" or "workdays"

    def text(self) -> str:
        return {"hours": f"{self.amount}h", "days": f"{self.amount}d"}.get(
            self.unit, f"{self.amount} workday" + ("s" if self.amount != 1 else "")
        )


# The longest time limit a step may have: ten years, in each unit. Beyond
# it a deadline is a typing slip (`3000000d`) that no calendar can hold.
MAX_WITHIN = {"hours": 3653 * 24, "days": 3653, "workdays": 2610}


def parse_within(text: str) -> Within | None:
    """`2h`, `1d`, `3 workdays` (and `2 hours`, `1 day`, `1 workday`), at
    most ten years; None otherwise."""
    match = _WITHIN.match(text)
    if match is None or len(match.group(1)) > 9 or int(match.group(1)) < 1:
        return None
    unit = match.group(2).lower()
    kind = "hours" if unit.startswith("h") else "days" if unit.startswith("d") else "workdays"
    if int(match.group(1)) > MAX_WITHIN[kind]:
        return None
    return Within(int(match.group(1)), kind)


def deadline(within: Within, started_at: datetime, calendar_on: CalendarOn) -> datetime:
    """When a step `within` the run's start is due.

    Hours and days count from the start moment. `N workdays` ends with the
    Nth workday after the start day (the weekend and days off do not count),
    at the end of that day, by the calendar in force on each day.
    """
    if within.unit == "hours":
        return started_at + timedelta(hours=within.amount)
    if within.unit == "days":
        return started_at + timedelta(days=within.amount)
    day = started_at.date()
    counted = 0
    for _ in range(within.amount * 7 + 3660):  # bounded: a year of days off at most
        day += timedelta(days=1)
        if is_workday(day, calendar_on(day)):
            counted += 1
            if counted == within.amount:
                break
    return datetime.combine(day, time(23, 59, 59), tzinfo=started_at.tzinfo)
