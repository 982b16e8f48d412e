"""Pure date math: periods, due dates, workdays and rrule recurrences.

Nothing here reads the clock, a file or a setting: every function takes the
date it reasons about and the `WorkCalendar` it reasons with. That is what lets
the rest of csm answer "what is due on 2027-02-26 for a Sunday-Thursday team
whose fiscal year starts in July" and lets the tests check it.

Weekdays are numbered as `date.weekday()` does: Monday 0 ... Sunday 6.
Periods are closed ranges: `start` and `end` are both inside.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple or TypedDict field at each start of `csm today`.

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeVar

from csm_checklist.messages import Msg

if TYPE_CHECKING:
    from dateutil.rrule import rrule as RRule

# The standard cadences, shortest first; rrule items come after them in lists.
CADENCES = ("daily", "weekly", "monthly", "quarterly", "annual")
RRULE = "rrule"
ALL_CADENCES: tuple[str, ...] = (*CADENCES, RRULE)
Cadence = Literal["daily", "weekly", "monthly", "quarterly", "annual", "rrule"]

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# The anchor of an rrule item that names no `start`. Fixed, not "today", so that
# an every-second-week item falls on the same weeks on every machine and day.
DEFAULT_RRULE_START = date(2024, 1, 1)  # a Monday


class _CalendarFields(NamedTuple):
    week_start: int
    workdays: frozenset[int]
    fiscal_year_start: int
    days_off: frozenset[date]


class WorkCalendar(_CalendarFields):
    """How a team's time is cut: its week, its workdays, its fiscal year, and
    the dates it does not work although they fall on a workday (public
    holidays, leave, closures). Days off are facts about dates, not settings:
    they apply to every date they name, past ones included.

    A NamedTuple like the records below, not a dataclass: importing
    `dataclasses` (and the `inspect` it brings) would cost `csm today` more
    than its own work."""

    __slots__ = ()

    def __new__(
        cls,
        week_start: int = 0,
        workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4}),
        fiscal_year_start: int = 1,
        days_off: frozenset[date] = frozenset(),
    ) -> "WorkCalendar":
        if not 0 <= week_start <= 6:
            raise ValueError(f"week_start must be 0-6, not {week_start}")
        if not workdays:
            raise ValueError("workdays must name at least one day")
        if not workdays <= frozenset(range(7)):
            raise ValueError(f"workdays must be within 0-6, not {sorted(workdays)}")
        if not 1 <= fiscal_year_start <= 12:
            raise ValueError(f"fiscal_year_start must be 1-12, not {fiscal_year_start}")
        return super().__new__(cls, week_start, workdays, fiscal_year_start, days_off)


class Period(NamedTuple):
    """A closed range of days: one cadence's window around a date. Ordered and
    compared as (start, end)."""

    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def days(self) -> Iterator[date]:
        day = self.start
        while day <= self.end:
            yield day
            day += timedelta(days=1)

    @property
    def length(self) -> int:
        return (self.end - self.start).days + 1


# Due rules -----------------------------------------------------------------
# Small immutable records. They are NamedTuples, not dataclasses, because csm
# creates its classes on every start-up and a NamedTuple class costs a fifth
# as much to create; `_distinct` keeps two rules with equal fields but
# different kinds (day 3 of the month vs. Thursday) from comparing equal.


_Rule = TypeVar("_Rule", bound=type)


def _distinct(cls: _Rule) -> _Rule:
    """Equal only to a rule of the same kind with the same fields."""

    def same(self: tuple[object, ...], other: object) -> bool:
        return type(self) is type(other) and tuple.__eq__(self, other)

    def different(self: tuple[object, ...], other: object) -> bool:
        return not same(self, other)

    cls.__eq__ = same  # type: ignore[assignment]
    cls.__ne__ = different  # type: ignore[assignment]
    cls.__hash__ = tuple.__hash__  # type: ignore[assignment]
    return cls


@_distinct
class OnWeekday(NamedTuple):
    """Weekly `due: thu`: that weekday of the week."""

    weekday: int


@_distinct
class OnDayOfMonth(NamedTuple):
    """Monthly `due: 5` or `due: -1`: a day of the month, negative from the end."""

    day: int


@_distinct
class FirstWorkday(NamedTuple):
    """`due: first-workday`: the first workday of the period."""


@_distinct
class LastWorkday(NamedTuple):
    """`due: last-workday`: the last workday of the period (also the default)."""


@_distinct
class OnMonthDay(NamedTuple):
    """Quarterly `{month: 1-3, day}` (month within the quarter) or annual
    `{month: 1-12, day}` (calendar month); `day` may be negative, from the end."""

    month: int
    day: int


DueRule = OnWeekday | OnDayOfMonth | FirstWorkday | LastWorkday | OnMonthDay


class Recurrence(NamedTuple):
    """When an item recurs: a cadence and its due rule, or an RFC 5545 rule."""

    cadence: Cadence
    due: DueRule | None = None
    rrule: str | None = None
    start: date | None = None


# Names ---------------------------------------------------------------------

# `--period` and report kinds accept both the window's name and the cadence's.
PERIOD_KINDS: dict[str, str] = {
    "day": "daily",
    "daily": "daily",
    "week": "weekly",
    "weekly": "weekly",
    "month": "monthly",
    "monthly": "monthly",
    "quarter": "quarterly",
    "quarterly": "quarterly",
    "year": "annual",
    "annual": "annual",
    "yearly": "annual",
}


def parse_cadence(text: str, *, option: str = "--cadence", windows_only: bool = False) -> str:
    """'week', 'Weekly', 'custom' -> the cadence csm means; ValueError ("--cadence
    'x' is not a cadence") otherwise. `windows_only` accepts the standard
    cadences only (the windows of `--period`)."""
    key = text.strip().lower()
    if not windows_only and key in (RRULE, "custom"):
        return RRULE
    if key in PERIOD_KINDS:
        return PERIOD_KINDS[key]
    kind = "period" if windows_only else "cadence"
    raise ValueError(Msg(f"errors.not_a_{kind}", option=option, text=text))


def cadence_rank(cadence: str) -> int:
    """Where a cadence sorts in lists: daily first, rrule items after annual,
    anything unknown (an event of an older csm) last."""
    return ALL_CADENCES.index(cadence) if cadence in ALL_CADENCES else len(ALL_CADENCES)


_WEEKDAY_ALIASES = {name: i for i, name in enumerate(WEEKDAY_NAMES)} | {
    full: i
    for i, full in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
# Spelled out, as the weekdays above: `calendar.month_name` costs every start
# an import of `calendar` and `locale`, and would follow LC_TIME besides.
_MONTH_ALIASES = {name: i + 1 for i, name in enumerate(MONTH_NAMES)} | {
    full: i + 1
    for i, full in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )
}


def parse_weekday(text: str) -> int:
    """'thu', 'Thursday' -> 3. Raises ValueError naming what is accepted."""
    key = text.strip().lower()
    if key in _WEEKDAY_ALIASES:
        return _WEEKDAY_ALIASES[key]
    raise ValueError(Msg("errors.bad_weekday", text=text, names=", ".join(WEEKDAY_NAMES)))


def parse_month(value: str | int) -> int:
    """'nov', 'November', 11 -> 11. Raises ValueError naming what is accepted."""
    if isinstance(value, bool):
        raise ValueError(Msg("errors.bad_month", value=value))
    if isinstance(value, int):
        if 1 <= value <= 12:
            return value
        raise ValueError(Msg("errors.no_such_month", value=value))
    key = str(value).strip().lower()
    if key in _MONTH_ALIASES:
        return _MONTH_ALIASES[key]
    if key.isdigit():
        return parse_month(int(key))
    raise ValueError(Msg("errors.bad_month", value=value))


def parse_workdays(value: str | list[str] | tuple[str, ...]) -> frozenset[int]:
    """'mon-fri', 'sun-thu', 'sat-wed', 'sun,mon,tue' or a list -> weekday numbers.

    A range wraps around the week end, so 'sat-wed' is Saturday to Wednesday.
    """
    parts = [str(p) for p in value] if isinstance(value, (list, tuple)) else value.split(",")
    days: set[int] = set()
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if "-" in part:
            first_text, _, last_text = part.partition("-")
            first, last = parse_weekday(first_text), parse_weekday(last_text)
            span = (last - first) % 7
            days.update((first + i) % 7 for i in range(span + 1))
        else:
            days.add(parse_weekday(part))
    if not days:
        raise ValueError(Msg("errors.workdays_empty"))
    return frozenset(days)


def format_workdays(days: frozenset[int], week_start: int = 0) -> str:
    """The shortest spelling: a range such as 'sun-thu' when the days are
    consecutive, else a comma list in week order."""
    ordered = sorted(days, key=lambda d: (d - week_start) % 7)
    if len(days) == 7:
        return f"{WEEKDAY_NAMES[ordered[0]]}-{WEEKDAY_NAMES[ordered[-1]]}"
    for first in days:
        run = [(first + i) % 7 for i in range(len(days))]
        if set(run) == days and len(days) > 1:
            return f"{WEEKDAY_NAMES[run[0]]}-{WEEKDAY_NAMES[run[-1]]}"
    return ",".join(WEEKDAY_NAMES[d] for d in ordered)


# Workdays ------------------------------------------------------------------


def is_workday(day: date, cal: WorkCalendar) -> bool:
    """Whether the team works on `day`: a workday of the week, not a day off."""
    return day.weekday() in cal.workdays and day not in cal.days_off


def is_day_off(day: date, cal: WorkCalendar) -> bool:
    """Whether `day` is a workday of the week that the team has off."""
    return day in cal.days_off and day.weekday() in cal.workdays


# Calendar periods ----------------------------------------------------------


def _month_length(year: int, month: int) -> int:
    """How many days the month has (what `calendar.monthrange` gives, without
    importing `calendar`)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def _month_start(month_index: int) -> date:
    """The first day of an absolute month index (year * 12 + month - 1)."""
    return date(month_index // 12, month_index % 12 + 1, 1)


def _month_end(month_index: int) -> date:
    year, month = month_index // 12, month_index % 12 + 1
    return date(year, month, _month_length(year, month))


def _months_period(day: date, months: int, first_month: int) -> Period:
    """The block of `months` months, aligned to `first_month`, containing `day`."""
    index = day.year * 12 + day.month - 1
    start = index - (index - (first_month - 1)) % months
    return Period(_month_start(start), _month_end(start + months - 1))


def calendar_period(day: date, cadence: str, cal: WorkCalendar) -> Period:
    """The window of a standard cadence that contains `day`.

    daily: the day; weekly: the week from `cal.week_start`; monthly: the
    calendar month; quarterly: three months aligned to the fiscal year start;
    annual: the fiscal year.
    """
    if cadence == "daily":
        return Period(day, day)
    if cadence == "weekly":
        start = day - timedelta(days=(day.weekday() - cal.week_start) % 7)
        return Period(start, start + timedelta(days=6))
    if cadence == "monthly":
        return _months_period(day, 1, 1)
    if cadence == "quarterly":
        return _months_period(day, 3, cal.fiscal_year_start)
    if cadence == "annual":
        return _months_period(day, 12, cal.fiscal_year_start)
    raise ValueError(f"unknown cadence {cadence!r}; use one of {', '.join(CADENCES)}")


# rrule ---------------------------------------------------------------------


@lru_cache(maxsize=256)
def parse_rrule(text: str, start: date | None = None) -> "RRule":
    """Parse an RFC 5545 rule such as 'FREQ=WEEKLY;BYDAY=MO,TH'.

    Raises ValueError with dateutil's reason when the rule is not valid.
    """
    from datetime import datetime

    from dateutil.rrule import rrule as RRuleType
    from dateutil.rrule import rrulestr

    anchor = start or DEFAULT_RRULE_START
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body:
        raise ValueError(Msg("errors.rrule_empty"))
    if "DTSTART" in body.upper():
        raise ValueError(Msg("errors.rrule_dtstart"))
    try:
        rule = rrulestr(body, dtstart=datetime(anchor.year, anchor.month, anchor.day), cache=True)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise ValueError(str(exc) or Msg("errors.rrule_unreadable")) from exc
    if not isinstance(rule, RRuleType):  # a set of rules has no single cadence
        raise ValueError(Msg("errors.rrule_set"))
    if getattr(rule, "_interval", 1) < 1:
        # dateutil would step by nothing and search forever.
        raise ValueError(Msg("errors.rrule_interval"))
    frequency = re.search(r"FREQ=([A-Z]+)", body.upper())
    if frequency and frequency.group(1) in ("HOURLY", "MINUTELY", "SECONDLY"):
        # Periods are whole days; several occurrences a day would make empty ones.
        raise ValueError(Msg("errors.rrule_too_often"))
    return rule


# The days csm works with: typed dates, imported events and rrule starts must
# lie here. Outside it, period arithmetic would leave Python's calendar (years
# 1-9999) and a daily rule would be stepped through for millennia per lookup.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)

# The longest gap a rule may leave between occurrences, and the steps of each
# frequency that fit in it.
MAX_GAP_YEARS = 10
_MAX_INTERVAL = {0: MAX_GAP_YEARS, 1: 12 * MAX_GAP_YEARS, 2: 52 * MAX_GAP_YEARS, 3: 3652}


def check_rrule(text: str, start: date | None = None) -> None:
    """ValueError unless the rule can be used: parse_rrule's checks, and an
    occurrence in every 10 years, so that every lookup does bounded work.

    Run when a checklist is loaded. The rule is tried 400*k years later (the
    Gregorian calendar repeats every 400 years, weekdays included), near
    Python's last year, so that even a rule that never occurs stops within
    about 400 years of dateutil's search instead of 8,000.
    """
    from datetime import datetime, timedelta

    rule = parse_rrule(text, start)
    interval = int(getattr(rule, "_interval", 1))
    if interval > _MAX_INTERVAL.get(getattr(rule, "_freq", -1), interval):
        raise ValueError(Msg("errors.rrule_interval_gap", interval=interval, years=MAX_GAP_YEARS))
    anchor = start or DEFAULT_RRULE_START
    if not FIRST_DAY <= anchor <= LAST_DAY:
        raise ValueError(
            Msg("errors.rrule_start_range", start=anchor, first=FIRST_DAY, last=LAST_DAY)
        )
    shift = (9999 - 3 * MAX_GAP_YEARS - anchor.year) // 400 * 400
    first = datetime(anchor.year + shift, anchor.month, anchor.day)
    late = rule.replace(dtstart=first, count=None, until=None)
    window_end = first + timedelta(days=366 * 2 * MAX_GAP_YEARS)
    previous = first
    for moment in late:
        if moment - previous > timedelta(days=366 * MAX_GAP_YEARS):
            break
        if moment > window_end:
            return
        previous = moment
    raise ValueError(Msg("errors.rrule_gap", years=MAX_GAP_YEARS))


def _rrule_period(day: date, rec: Recurrence) -> Period | None:
    from datetime import datetime, time

    assert rec.rrule is not None
    rule = parse_rrule(rec.rrule, rec.start)
    midnight = datetime.combine(day, time())
    upcoming = rule.after(midnight, inc=True)
    if upcoming is None:
        return None  # the rule has run out (COUNT or UNTIL)
    previous = rule.before(midnight)
    first = rec.start or DEFAULT_RRULE_START
    start = previous.date() + timedelta(days=1) if previous is not None else first
    if day < start:
        return None  # before the rule began
    return Period(start, upcoming.date())


# Any recurrence ------------------------------------------------------------


def period_containing(day: date, rec: Recurrence, cal: WorkCalendar) -> Period | None:
    """The period of `rec` that contains `day`.

    None only for an rrule item on a day before its first period or after
    its last occurrence.
    """
    if rec.cadence == RRULE:
        return _rrule_period(day, rec)
    return calendar_period(day, rec.cadence, cal)


def periods_overlapping(
    first: date, last: date, rec: Recurrence, cal: WorkCalendar
) -> Iterator[Period]:
    """Every period of `rec` that shares at least one day with first..last."""
    if rec.cadence == RRULE:
        begin = rec.start or DEFAULT_RRULE_START
        first = max(first, begin)
    day = first
    while day <= last:
        period = period_containing(day, rec, cal)
        if period is None:
            return
        yield period
        day = period.end + timedelta(days=1)


def is_expected(period: Period, rec: Recurrence, cal: WorkCalendar) -> bool:
    """Whether the item should be done in `period`: daily items only on
    workdays; longer periods only when days off leave a workday in them.

    An rrule item names its own days, weekends included, so only days off
    can take its period away: when every day of it is a day off.
    """
    if rec.cadence == "daily":
        return is_workday(period.start, cal)
    start, end = period
    if not any(start <= day <= end for day in cal.days_off):
        return True  # a week or longer always holds a workday of the week
    if rec.cadence == RRULE:
        return not all(day in cal.days_off for day in period.days())
    return any(is_workday(day, cal) for day in period.days())


def _clamp_day(year: int, month: int, day: int) -> date:
    """Day `day` of the month, clamped to its length; negative counts from the end."""
    length = _month_length(year, month)
    if day < 0:
        return date(year, month, max(1, length + 1 + day))
    return date(year, month, min(max(day, 1), length))


def _nominal_due(period: Period, rec: Recurrence, cal: WorkCalendar) -> date:
    rule = rec.due
    if rule is None or isinstance(rule, LastWorkday):
        # Walk back from the end: a year's period would otherwise list 365 days.
        day = period.end
        while day >= period.start:
            if is_workday(day, cal):
                return day
            day -= timedelta(days=1)
        return period.end
    if isinstance(rule, FirstWorkday):
        for day in period.days():
            if is_workday(day, cal):
                return day
        return period.start
    if isinstance(rule, OnWeekday):
        return period.start + timedelta(days=(rule.weekday - period.start.weekday()) % 7)
    if isinstance(rule, OnDayOfMonth):
        return _clamp_day(period.start.year, period.start.month, rule.day)
    if isinstance(rule, OnMonthDay):
        if rec.cadence == "quarterly":
            index = period.start.year * 12 + period.start.month - 1 + (rule.month - 1)
            return _clamp_day(index // 12, index % 12 + 1, rule.day)
        year = period.start.year if rule.month >= period.start.month else period.start.year + 1
        return _clamp_day(year, rule.month, rule.day)
    raise TypeError(f"not a due rule: {rule!r}")


def _rrule_due(period: Period, cal: WorkCalendar) -> date:
    """The occurrence, or the latest day before it that is not a day off.
    An rrule names its own days, weekends included, so only days off move it."""
    day = period.end
    while day in cal.days_off and day > period.start:
        day -= timedelta(days=1)
    return period.end if day in cal.days_off else day


def due_date(period: Period, rec: Recurrence, cal: WorkCalendar) -> date:
    """When the item is due in `period`.

    Daily items: the day. rrule items: the occurrence (the period's end), or
    the day before it that is not a day off.
    Otherwise the due rule's day (default: the period's last workday), clamped
    to the month's end; a non-workday moves back to the previous workday in the
    period, or forward to the next one when none is before it.
    """
    if rec.cadence == "daily":
        return period.start
    if rec.cadence == RRULE:
        return _rrule_due(period, cal)
    # A period cut short by a change of week start or fiscal year may end
    # before its rule's day: it is then due within the period.
    nominal = min(max(_nominal_due(period, rec, cal), period.start), period.end)
    if is_workday(nominal, cal):
        return nominal
    day = nominal - timedelta(days=1)
    while day >= period.start:
        if is_workday(day, cal):
            return day
        day -= timedelta(days=1)
    day = nominal + timedelta(days=1)
    while day <= period.end:
        if is_workday(day, cal):
            return day
        day += timedelta(days=1)
    return nominal
