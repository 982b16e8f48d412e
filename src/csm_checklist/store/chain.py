"""The log's hash chain: tamper evidence that is the same in every engine.

Every change to the record appends one link to the chain:

- `entry`: an event was logged (or came in with an import);
- `undo`: an event was undone;
- `note`: an event's note was corrected here (`csm note`): the note went
  from `old_note` to `new_note`;
- `note-trail`: a correction made elsewhere came in with an import: it is
  kept in the trail, and the event's note itself is not changed.

A link's hash is SHA-256 over the previous link's hash (64 zeros before the
first) followed by the link's canonical text, both as UTF-8; the hash is
written as 64 lowercase hex digits. The chain's head is the last hash, and
its count the number of links.

The canonical text (version 1) is the JSON text that
`json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))`
gives for an object holding `"v": 1`, `"link"` (the kind above) and the
stored values, every one as text exactly as an export writes it:

- entry: the event's fields in `records.FIELDS` but `undone_at` (`uuid`,
  `item_id`, `title`, `cadence`, `kind`, `period_start`, `period_end`,
  `for_date`, `logged_at` with its UTC offset, `by`, `note`, `host`), where
  `note` is the note the event was logged with. A field added to `FIELDS`
  later (`logged_by`, the login that typed the entry when the record keeps
  one apart from who did it) is included when it is not empty, so a chain
  built before it existed still verifies.
- undo: `uuid`, `undone_at`. Who undid an entry and why is kept by the team
  store (and guarded there by the server's own rules) but not by a manager's
  own log nor by an export, so it is not in the link: a team's export
  restored into SQLite must verify the same way.
- note and note-trail: `uuid`, `old_note`, `new_note`, `changed_at`, `by`,
  `host`.

Both engines compute links in the client, with this module, while holding
the store's write lock (SQLite's `BEGIN IMMEDIATE`; a row lock on the chain's
head row on PostgreSQL). One implementation of the canonical text is what
makes the two engines' chains equal for the same history; the checking is
`csm verify`, never the writing, so a link computed by a client is no weaker
than one computed by the server.

Loaded only by writes and by `csm verify`: `csm today` never hashes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from json.encoder import encode_basestring
from typing import NamedTuple

from csm_checklist.store.records import FIELDS, NoteChange

VERSION = 1
GENESIS = "0" * 64
LINKS = ("entry", "undo", "note", "note-trail")
# The shortest start of a head `csm verify --head` takes.
MIN_HEAD_PREFIX = 8

# The fields of an entry's text, in sorted order, with their place in a row.
_ENTRY_FIELDS = sorted(
    (name, index) for index, name in enumerate(FIELDS) if name not in ("undone_at",)
)
_OPTIONAL = frozenset({"logged_by"})
_OPTIONAL_AT = [index for name, index in _ENTRY_FIELDS if name in _OPTIONAL]
# The template of an entry without the optional fields: the same text
# `_text` builds, with a %s for each value.
_PLAIN = sorted([*(pair for pair in _ENTRY_FIELDS if pair[0] not in _OPTIONAL), ("link", -1)])
_PLAIN_AT = [index for name, index in _PLAIN if name != "link"]
_PLAIN_NOTE = _PLAIN_AT.index(FIELDS.index("note"))
_PLAIN_TEMPLATE = (
    "{"
    + ",".join(
        '"link":"entry"' if name == "link" else f"{encode_basestring(name)}:%s"
        for name, _index in _PLAIN
    )
    + f',"v":{VERSION}}}'
)


def _text(pairs: Iterable[tuple[str, str]]) -> str:
    """The canonical JSON object of `pairs` (given in sorted key order, every
    key before "v") and the version: what `json.dumps` with sorted keys, no
    ASCII escapes and no spaces gives, built straight."""
    body = ",".join(f"{encode_basestring(k)}:{encode_basestring(v)}" for k, v in pairs)
    return "{" + body + f',"v":{VERSION}}}'


def entry_text(row: Sequence[str | None], note: str | None = None) -> str:
    """The text of an entry link, from an event's text row (`FIELDS` order);
    `note` is the note it was logged with, when it differs from the row's."""
    if not any(row[index] for index in _OPTIONAL_AT if index < len(row)):
        # Every field but the optional ones: one template, filled straight
        # (`csm verify` makes a million of these).
        values = [encode_basestring(row[index] or "") for index in _PLAIN_AT]
        if note is not None:
            values[_PLAIN_NOTE] = encode_basestring(note)
        return _PLAIN_TEMPLATE % tuple(values)
    pairs = []
    for name, index in _ENTRY_FIELDS:
        value = row[index] if index < len(row) else None
        if name == "note" and note is not None:
            value = note
        if name in _OPTIONAL and not value:
            continue
        pairs.append((name, "" if value is None else str(value)))
    pairs.append(("link", "entry"))
    pairs.sort()
    return _text(pairs)


def undo_text(uuid: str, undone_at: str) -> str:
    """The text of an undo link."""
    return _text([("link", "undo"), ("undone_at", undone_at), ("uuid", uuid)])


def note_text(link: str, change: NoteChange) -> str:
    """The text of a note or note-trail link."""
    pairs = [
        ("by", change.by),
        ("changed_at", change.changed_at.isoformat()),
        ("host", change.host),
        ("link", link),
        ("new_note", change.new_note),
        ("old_note", change.old_note),
        ("uuid", change.event_uuid),
    ]
    return _text(pairs)


def next_hash(previous: str, text: str) -> str:
    """The hash of the link with `text` after the one whose hash is `previous`."""
    return hashlib.sha256((previous + text).encode("utf-8")).hexdigest()


class Appender:
    """Appends links after a head, giving each link's (seq, hash) to store."""

    def __init__(self, count: int, head: str) -> None:
        self.count = count
        self.head = head

    def add(self, text: str) -> tuple[int, str]:
        self.count += 1
        self.head = next_hash(self.head, text)
        return self.count, self.head


# Checking ------------------------------------------------------------------------


class Break(NamedTuple):
    """The first place the chain and the stored rows disagree."""

    seq: int  # the link's position (1 = first); 0 when the row has no link
    link: str  # entry, undo, note or note-trail
    uuid: str
    item_id: str  # "" when the event's row is missing
    period: str  # the period's first day; "" when missing
    reason: str  # changed, missing, unchained


class Verdict(NamedTuple):
    """What `csm verify` found: the head and count of the chain up to where
    it holds, the first break (None when whole), and with `--head` the
    count at which the chain's head was the one asked for (None if never)."""

    verified: int
    head: str
    broken: Break | None
    matched_at: int | None
    matched_head: str


class ChainRow(NamedTuple):
    """One link as an engine reads it, with the rows it stands for.

    `event` is the event's text row in `FIELDS` order (None when missing);
    `change` the note change of a note link (None otherwise or missing)."""

    seq: int
    link: str
    hash: str
    uuid: str  # the event's uuid, as the link row holds it
    event: Sequence[str | None] | None
    change: NoteChange | None


class NoteLink(NamedTuple):
    """A note or note-trail link with its change, for `logged_notes`."""

    seq: int
    link: str
    change: NoteChange | None


def logged_notes(
    links: Mapping[str, Sequence[NoteLink]], notes_now: Mapping[str, str]
) -> tuple[dict[str, str], list[tuple[int, str, str]]]:
    """The note each event with note links was logged with, walking its
    corrections back from its note now (a note-trail link did not change
    it); and the note links that do not fit ((seq, link, uuid))."""
    found: dict[str, str] = {}
    problems: list[tuple[int, str, str]] = []
    for uuid, chain in links.items():
        note = notes_now.get(uuid)
        for seq, link, change in reversed(chain):
            if change is None:
                problems.append((seq, link, uuid))
                continue
            if link == "note":
                if note != change.new_note:
                    # The note now is not what this correction made it:
                    # the break is here, and the entry is checked with the
                    # note the corrections say it was logged with.
                    problems.append((seq, link, uuid))
                note = change.old_note
        if note is not None:
            found[uuid] = note
    return found, problems


def check(
    rows: Iterator[ChainRow],
    first_notes: Mapping[str, str],
    problems: Iterable[tuple[int, str, str, Sequence[str | None] | None]],
    want: str | None = None,
) -> Verdict:
    """Walk `rows` (in seq order), recomputing each link from its rows.

    `problems` are breaks found outside the walk ((seq, link, uuid, event
    row)): the earliest of them and of the walk's own is the one reported.
    `want` is a head or the start of one: the count at which the chain's head
    was that is reported, if it was before the first break."""
    first_problem = min(problems, default=None, key=lambda found: found[0] or 1 << 62)
    stop = first_problem[0] if first_problem is not None and first_problem[0] else 1 << 62
    previous, count = GENESIS, 0
    matched_at: int | None = None
    matched_head = ""
    item = ("item_id", "period_start")
    places = [FIELDS.index(name) for name in item]
    broken: Break | None = None
    for row in rows:
        if row.seq >= stop:
            break
        if row.seq != count + 1:
            broken = Break(count + 1, "link", "", "", "", "missing")
            break
        text: str | None = None
        event = row.event
        if row.link == "entry" and event is not None:
            text = entry_text(event, first_notes.get(str(event[0])))
        elif row.link == "undo" and event is not None:
            undone = event[FIELDS.index("undone_at")]
            text = undo_text(str(event[0]), undone) if undone else None
        elif row.change is not None:
            text = note_text(row.link, row.change)
        if text is None or next_hash(previous, text) != row.hash:
            uuid = str(event[0]) if event is not None else row.uuid
            broken = Break(
                row.seq,
                row.link,
                uuid,
                str(event[places[0]]) if event is not None else "",
                str(event[places[1]]) if event is not None else "",
                "changed" if text is not None else "missing",
            )
            break
        previous, count = row.hash, row.seq
        if want is not None and matched_at is None and row.hash.startswith(want):
            matched_at, matched_head = count, row.hash
    if broken is None and first_problem is not None:
        seq, link, uuid, event = first_problem
        broken = Break(
            seq,
            link,
            uuid,
            str(event[places[0]]) if event is not None else "",
            str(event[places[1]]) if event is not None else "",
            "unchained" if not seq else "changed",
        )
    return Verdict(count, previous, broken, matched_at, matched_head)
