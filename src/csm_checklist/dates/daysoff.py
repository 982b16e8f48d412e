"""Days off: public holidays, leave and closures, kept in `days-off.yaml`.

A day off is treated like a weekend day (see `schedule.WorkCalendar`): daily
items are not expected, due dates move to a workday, a period with no workday
left is not expected. The file is a list of entries, each one date or a range:

    days_off:
      - date: 2026-03-20..2026-03-23
        reason: Eid al-Fitr Holiday
        source: holidays:SA
      - date: 2026-07-05
        reason: Annual leave

`source` marks entries csm imported (`holidays:SA`), so that importing the
same country and year again replaces them instead of adding them twice;
entries typed by the user have none. The file is read like a checklist: any
mistake stops the load with the file, the line and the fix, and nothing is
written over a file that does not read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from csm_checklist.errors import BadInput, reason_of
from csm_checklist.messages import Msg

# A range longer than this is almost always a typed year ("2026-07-01..2027-07-14").
MAX_RANGE_DAYS = 366
KEYS = ("date", "reason", "source", "who")
FILE_HINT = Msg("errors.days_off_file_hint")
HEADER = (
    "# Days off: csm treats them like weekend days. Each entry is one date or a\n"
    "# range (YYYY-MM-DD..YYYY-MM-DD). Entries with a `source:` were imported by\n"
    "# `csm off holidays`; a new import replaces them. Managed by `csm off`.\n"
)


# A person is a login, spelt as the team's logins are (store/pg_admin.py).
LOGIN = re.compile(r"[a-z_][a-z0-9_.@-]{0,62}\Z")


def is_login(text: object) -> bool:
    """Whether `text` is spelt as a login."""
    return isinstance(text, str) and bool(LOGIN.match(text))


class DaysOffError(BadInput):
    """`days-off.yaml` cannot be read; the message names the file and line."""


class DayOff(NamedTuple):
    """One entry: the days `start`..`end` (both inside), why, and who added it."""

    start: date
    end: date
    reason: str = ""
    source: str = ""
    who: str = ""  # a login: that person's leave, not a day off for the team

    def days(self) -> Iterable[date]:
        day = self.start
        while day <= self.end:
            yield day
            day += timedelta(days=1)

    @property
    def text(self) -> str:
        """The date as typed: one day, or start..end."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


# Dates ----------------------------------------------------------------------


def parse_range(text: str) -> tuple[date, date]:
    """'2026-07-01' or '2026-07-01..2026-07-14' -> (start, end).

    Raises ValueError with the reason: not a date, reversed, or too long.
    """
    first_text, dots, last_text = text.strip().partition("..")
    first = _parse_date(first_text)
    last = _parse_date(last_text) if dots else first
    if last < first:
        raise ValueError(Msg("errors.range_reversed", first=first, last=last))
    if (last - first).days >= MAX_RANGE_DAYS:
        raise ValueError(Msg("errors.range_too_long", days=(last - first).days + 1))
    return first, last


def _parse_date(text: str) -> date:
    from csm_checklist.dates.schedule import FIRST_DAY, LAST_DAY

    key = text.strip()
    try:
        day = date.fromisoformat(key)
    except ValueError as exc:
        looks_right = len(key) == 10 and key[4] == "-" and key[7] == "-"
        if looks_right and "Invalid isoformat" not in str(exc):
            raise ValueError(Msg("errors.not_a_date_why", key=key, reason=exc)) from None
        raise ValueError(Msg("errors.not_a_date", key=key)) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(Msg("errors.day_out_of_range", key=key, first=FIRST_DAY, last=LAST_DAY))
    return day


# Reading --------------------------------------------------------------------


def load_days_off(path: Path) -> list[DayOff]:
    """Every entry of `path`, in file order; [] when the file does not exist.

    Raises DaysOffError naming the file and line of the first mistake.
    """
    import yaml

    from csm_checklist.reading import read_bytes

    try:
        data = read_bytes(path)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise DaysOffError(
            Msg("errors.checklist_unreadable", path=path, reason=exc.strerror or exc),
            hint=Msg("errors.days_off_unreadable_hint"),
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _fail(path, line, Msg("errors.not_utf8"), Msg("errors.save_utf8")) from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root: Any = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise _fail(
            path,
            line,
            Msg("errors.yaml_invalid", detail=exc.problem or Msg("errors.syntax_error")),
            Msg("errors.days_off_yaml_hint"),
        ) from None
    except yaml.YAMLError as exc:
        raise _fail(path, 1, Msg("errors.yaml_invalid", detail=exc), FILE_HINT) from None
    if root is None:
        return []  # an emptied file: no days off
    if root.id != "mapping" or [k.value for k, _ in root.value] != ["days_off"]:
        raise _fail(path, _line(root), Msg("errors.days_off_only"), FILE_HINT)
    entries_node = root.value[0][1]
    if entries_node.tag.endswith(":null"):
        return []
    if entries_node.id != "sequence":
        raise _fail(path, _line(entries_node), Msg("errors.days_off_not_list"), FILE_HINT)
    return [_entry(path, node) for node in entries_node.value]


def _entry(path: Path, node: Any) -> DayOff:
    if node.id != "mapping":
        raise _fail(
            path, _line(node), Msg("errors.days_off_entry"), Msg("errors.days_off_entry_hint")
        )
    fields: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in KEYS:
            raise _fail(
                path,
                _line(key_node),
                Msg("errors.unknown_key", key=key),
                Msg("errors.keys_list", keys=", ".join(KEYS)),
            )
        if key in fields:
            raise _fail(
                path, _line(key_node), Msg("errors.key_twice", key=key), Msg("errors.keep_one_key")
            )
        if value_node.id != "scalar":
            raise _fail(path, _line(value_node), Msg("errors.one_line_text", key=key), FILE_HINT)
        fields[key] = value_node
    if "date" not in fields:
        raise _fail(path, _line(node), Msg("errors.days_off_no_date"), FILE_HINT)
    try:
        start, end = parse_range(str(fields["date"].value))
    except ValueError as exc:
        raise _fail(
            path, _line(fields["date"]), reason_of(exc), Msg("errors.days_off_date_hint")
        ) from None
    texts = {}
    for key in ("reason", "source", "who"):
        value = fields[key].value if key in fields else ""
        if "\n" in str(value):
            raise _fail(path, _line(fields[key]), Msg("errors.one_line", key=key), FILE_HINT)
        texts[key] = str(value).strip()
    if texts["who"] and not is_login(texts["who"]):
        raise _fail(
            path,
            _line(fields["who"]),
            Msg("owners.bad_login", key="who", shown=repr(texts["who"])),
            Msg("owners.bad_login_hint"),
        )
    return DayOff(start, end, texts["reason"], texts["source"], texts["who"])


def _line(node: Any) -> int:
    return int(node.start_mark.line) + 1


def _fail(path: Path, line: int, problem: str, hint: str) -> DaysOffError:
    where = Msg("errors.at_line", source=path, line=line)
    return DaysOffError(Msg("errors.at", where=where, problem=problem), hint=hint)


def reasons_by_date(entries: Iterable[DayOff]) -> dict[date, str]:
    """Each day off for the team and why; two entries on one day join their
    reasons. A person's leave (`who:`) is not a day off for the team."""
    reasons: dict[date, str] = {}
    for entry in entries:
        if entry.who:
            continue
        for day in entry.days():
            before = reasons.get(day)
            if before is None or not before:
                reasons[day] = entry.reason
            elif entry.reason and entry.reason not in before.split("; "):
                reasons[day] = f"{before}; {entry.reason}"
    return reasons


# Writing --------------------------------------------------------------------


# What YAML refuses to read raw (its "printable" set is narrower than JSON's:
# DEL, C1 controls, surrogates, U+FFFE, U+FFFF), and what it would read as a
# line break inside quotes (NEL, U+2028, U+2029). JSON already escapes C0.
_NOT_YAML = "[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
_FINDER: list[Any] = []


def _quoted(text: str) -> str:
    """`text` as a double-quoted string that YAML reads back exactly: JSON's
    quoting, with every character YAML will not take raw written as \\uXXXX."""
    if not _FINDER:
        import re

        _FINDER.append(re.compile(_NOT_YAML))
    quoted = json.dumps(text, ensure_ascii=False)
    return str(_FINDER[0].sub(lambda m: f"\\u{ord(m.group()):04x}", quoted))


def render(entries: Sequence[DayOff]) -> str:
    """The file's text: entries in date order. Values are double-quoted
    strings that YAML reads as they are, so any reason in any language
    round-trips, controls included."""
    lines = [HEADER.rstrip("\n"), "days_off:"]
    for entry in sorted(entries, key=lambda e: (e.start, e.end, e.who, e.source, e.reason)):
        lines.append(f"  - date: {entry.text}")
        if entry.reason:
            lines.append(f"    reason: {_quoted(entry.reason)}")
        if entry.source:
            lines.append(f"    source: {_quoted(entry.source)}")
        if entry.who:
            lines.append(f"    who: {entry.who}")
    return "\n".join(lines) + "\n"


def save_days_off(path: Path, entries: Sequence[DayOff]) -> None:
    """Replace the file with `entries`, atomically."""
    from csm_checklist.atomic import write_text_atomically

    write_text_atomically(path, render(entries))


# Changes --------------------------------------------------------------------


def add_range(
    entries: Sequence[DayOff], start: date, end: date, reason: str, who: str = ""
) -> tuple[list[DayOff], int]:
    """`entries` with start..end added (`who`'s leave when given), and how
    many of its days were not off yet (for that person, with `who`)."""
    if who:
        known = {day: "" for entry in entries if entry.who == who for day in entry.days()}
    else:
        known = reasons_by_date(entries)
    new = DayOff(start, end, reason.strip(), "", who)
    fresh = sum(1 for day in new.days() if day not in known)
    if not fresh:
        return list(entries), 0
    return [*entries, new], fresh


def remove_range(
    entries: Sequence[DayOff], start: date, end: date, who: str = ""
) -> tuple[list[DayOff], list[date]]:
    """`entries` without the days start..end (an entry that overlaps them is
    cut down or split), and the days that were removed. Only the team's
    days off, or only `who`'s leave when given, are touched."""
    kept: list[DayOff] = []
    removed: set[date] = set()
    one_day = timedelta(days=1)
    for entry in entries:
        if entry.end < start or entry.start > end or entry.who != who:
            kept.append(entry)
            continue
        removed.update(day for day in entry.days() if start <= day <= end)
        if entry.start < start:
            kept.append(entry._replace(end=start - one_day))
        if entry.end > end:
            kept.append(entry._replace(start=end + one_day))
    return kept, sorted(removed)


class Merge(NamedTuple):
    """What an import changed: the entries to keep, and counts to report."""

    entries: list[DayOff]
    added: list[DayOff]
    renamed: list[DayOff]
    dropped: list[DayOff]


def merge_imported(
    entries: Sequence[DayOff], source: str, years: Iterable[int], imported: Sequence[DayOff]
) -> Merge:
    """Replace the entries of `source` within `years` by `imported`.

    Entries the user typed, other sources and other years stay as they are, so
    a second run of the same import changes nothing.
    """
    chosen = set(years)
    old = [e for e in entries if e.source == source and e.start.year in chosen]
    others = [e for e in entries if not (e.source == source and e.start.year in chosen)]
    old_by_span = {(e.start, e.end): e for e in old}
    new_spans = {(e.start, e.end) for e in imported}
    added = [e for e in imported if (e.start, e.end) not in old_by_span]
    renamed = [
        e
        for e in imported
        if (e.start, e.end) in old_by_span and old_by_span[(e.start, e.end)].reason != e.reason
    ]
    dropped = [e for e in old if (e.start, e.end) not in new_spans]
    return Merge([*others, *imported], added, renamed, dropped)


def entries_in_year(entries: Iterable[DayOff], year: int | None) -> list[DayOff]:
    """Entries with at least one day in `year` (all when None), in date order."""
    chosen = [e for e in entries if year is None or e.start.year <= year <= e.end.year]
    return sorted(chosen, key=lambda e: (e.start, e.end))


def leave_by_person(entries: Iterable[DayOff]) -> dict[str, frozenset[date]]:
    """Each person's days of leave (entries with `who:`)."""
    days: dict[str, set[date]] = {}
    for entry in entries:
        if entry.who:
            days.setdefault(entry.who, set()).update(entry.days())
    return {who: frozenset(found) for who, found in days.items()}
