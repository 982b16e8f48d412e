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
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from .errors import BadInput

# A range longer than this is almost always a typed year ("2026-07-01..2027-07-14").
MAX_RANGE_DAYS = 366
KEYS = ("date", "reason", "source")
FILE_HINT = (
    "The file holds `days_off:` and a list of entries, each with `date:` (YYYY-MM-DD or "
    "YYYY-MM-DD..YYYY-MM-DD) and optionally `reason:`; `csm off add` writes it for you."
)
HEADER = (
    "# Days off: csm treats them like weekend days. Each entry is one date or a\n"
    "# range (YYYY-MM-DD..YYYY-MM-DD). Entries with a `source:` were imported by\n"
    "# `csm off holidays`; a new import replaces them. Managed by `csm off`.\n"
)


class DaysOffError(BadInput):
    """`days-off.yaml` cannot be read; the message names the file and line."""


class DayOff(NamedTuple):
    """One entry: the days `start`..`end` (both inside), why, and who added it."""

    start: date
    end: date
    reason: str = ""
    source: str = ""

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
        raise ValueError(f"the range ends on {last} before it starts on {first}")
    if (last - first).days >= MAX_RANGE_DAYS:
        raise ValueError(f"the range is longer than a year ({(last - first).days + 1} days)")
    return first, last


def _parse_date(text: str) -> date:
    key = text.strip()
    try:
        return date.fromisoformat(key)
    except ValueError as exc:
        looks_right = len(key) == 10 and key[4] == "-" and key[7] == "-"
        detail = f" ({exc})" if looks_right and "Invalid isoformat" not in str(exc) else ""
        raise ValueError(f"{key!r} is not a date{detail}") from None


# Reading --------------------------------------------------------------------


def load_days_off(path: Path) -> list[DayOff]:
    """Every entry of `path`, in file order; [] when the file does not exist.

    Raises DaysOffError naming the file and line of the first mistake.
    """
    import yaml

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise DaysOffError(
            f"{path}: cannot read the file ({exc.strerror or exc}).",
            hint="Check the file's permissions; `csm config path` shows where it is.",
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _fail(path, line, "the file is not UTF-8 text", "Save it as UTF-8.") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root: Any = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise _fail(
            path,
            line,
            f"this is not valid YAML ({exc.problem or 'syntax error'})",
            "Check the indentation and that every `key: value` has a space after the colon.",
        ) from None
    except yaml.YAMLError as exc:
        raise _fail(path, 1, f"this is not valid YAML ({exc})", FILE_HINT) from None
    if root is None:
        return []  # an emptied file: no days off
    if root.id != "mapping" or [k.value for k, _ in root.value] != ["days_off"]:
        raise _fail(path, _line(root), "the file must hold just `days_off:`", FILE_HINT)
    entries_node = root.value[0][1]
    if entries_node.tag.endswith(":null"):
        return []
    if entries_node.id != "sequence":
        raise _fail(path, _line(entries_node), "`days_off:` must be a list", FILE_HINT)
    return [_entry(path, node) for node in entries_node.value]


def _entry(path: Path, node: Any) -> DayOff:
    if node.id != "mapping":
        raise _fail(
            path, _line(node), "each entry must be `key: value` lines", "E.g. `- date: 2026-07-05`."
        )
    fields: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in KEYS:
            raise _fail(
                path, _line(key_node), f"unknown key {key!r}", "Keys: date, reason, source."
            )
        if key in fields:
            raise _fail(path, _line(key_node), f"the key {key!r} appears twice", "Keep one.")
        if value_node.id != "scalar":
            raise _fail(path, _line(value_node), f"`{key}:` must be one line of text", FILE_HINT)
        fields[key] = value_node
    if "date" not in fields:
        raise _fail(path, _line(node), "the entry has no `date:`", FILE_HINT)
    try:
        start, end = parse_range(str(fields["date"].value))
    except ValueError as exc:
        raise _fail(
            path, _line(fields["date"]), str(exc), "Write YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD."
        ) from None
    texts = {}
    for key in ("reason", "source"):
        value = fields[key].value if key in fields else ""
        if "\n" in str(value):
            raise _fail(path, _line(fields[key]), f"`{key}:` must be one line", FILE_HINT)
        texts[key] = str(value).strip()
    return DayOff(start, end, texts["reason"], texts["source"])


def _line(node: Any) -> int:
    return int(node.start_mark.line) + 1


def _fail(path: Path, line: int, problem: str, hint: str) -> DaysOffError:
    return DaysOffError(f"{path}, line {line}: {problem}.", hint=hint)


def reasons_by_date(entries: Iterable[DayOff]) -> dict[date, str]:
    """Each day off and why; two entries on one day join their reasons."""
    reasons: dict[date, str] = {}
    for entry in entries:
        for day in entry.days():
            before = reasons.get(day)
            if before is None or not before:
                reasons[day] = entry.reason
            elif entry.reason and entry.reason not in before.split("; "):
                reasons[day] = f"{before}; {entry.reason}"
    return reasons


# Writing --------------------------------------------------------------------


def render(entries: Sequence[DayOff]) -> str:
    """The file's text: entries in date order. Values are JSON strings, which
    YAML reads as they are, so any reason in any language round-trips."""
    lines = [HEADER.rstrip("\n"), "days_off:"]
    for entry in sorted(entries, key=lambda e: (e.start, e.end, e.source, e.reason)):
        lines.append(f"  - date: {entry.text}")
        if entry.reason:
            lines.append(f"    reason: {json.dumps(entry.reason, ensure_ascii=False)}")
        if entry.source:
            lines.append(f"    source: {json.dumps(entry.source, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def save_days_off(path: Path, entries: Sequence[DayOff]) -> None:
    """Replace the file with `entries`, atomically."""
    from .atomic import write_text_atomically

    write_text_atomically(path, render(entries))


# Changes --------------------------------------------------------------------


def add_range(
    entries: Sequence[DayOff], start: date, end: date, reason: str
) -> tuple[list[DayOff], int]:
    """`entries` with start..end added, and how many of its days were not off yet."""
    known = reasons_by_date(entries)
    new = DayOff(start, end, reason.strip())
    fresh = sum(1 for day in new.days() if day not in known)
    if not fresh:
        return list(entries), 0
    return [*entries, new], fresh


def remove_range(
    entries: Sequence[DayOff], start: date, end: date
) -> tuple[list[DayOff], list[date]]:
    """`entries` without the days start..end (an entry that overlaps them is
    cut down or split), and the days that were removed."""
    kept: list[DayOff] = []
    removed: set[date] = set()
    one_day = timedelta(days=1)
    for entry in entries:
        if entry.end < start or entry.start > end:
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
