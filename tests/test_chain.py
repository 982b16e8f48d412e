"""Tamper evidence on SQLite: the hash chain of every entry, undo and note
correction, `csm verify` naming the first link that does not match, and
`--head` checking a printed report's footer against the log."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from csm_checklist.store import chain
from csm_checklist.store.records import FIELDS, Event, NoteChange, event_row, utc_key
from csm_checklist.store.sqlite import SqliteStore
from csm_checklist.store.sqlite_events import INSERT_EVENT
from csm_checklist.store.sqlite_migrations import SCHEMA_VERSION, migrate

from clihelp import run

RIYADH = timezone(timedelta(hours=3))
T0 = datetime(2026, 11, 24, 9, 30, 0, 123456, tzinfo=RIYADH)


def event(n: int, *, note: str = "", item: str = "monitor-accounts") -> Event:
    day = date(2026, 11, 2) + timedelta(days=n)
    return Event(
        uuid=f"{n:08x}-aaaa-4bbb-8ccc-{n:012x}",
        item_id=item,
        title="Monitor the accounts",
        cadence="daily",
        kind="done",
        period_start=day,
        period_end=day,
        for_date=day,
        logged_at=T0 + timedelta(days=n),
        by="Mona",
        note=note,
        host="desk-1",
    )


def history(store: SqliteStore) -> None:
    """The same small history for every test: three entries, a correction
    of the first's note, an undo of the second."""
    store.record([event(0, note="2 escalations"), event(1), event(2, note='a "quoted"\nnote')])
    store.change_note(event(0).uuid, "3 escalations", T0 + timedelta(days=3), "Mona", "desk-1")
    store.undo_latest(
        T0 + timedelta(days=4), item_id="monitor-accounts", for_date=event(1).for_date
    )


def log_path(data_dir: Path) -> Path:
    return data_dir / "log.sqlite3"


@pytest.fixture
def logged(data_dir: Path) -> Path:
    with SqliteStore.open(log_path(data_dir)) as store:
        history(store)
    return log_path(data_dir)


def _hand_made_head() -> str:
    """The head of `history`, computed from the spec of the canonical text."""

    def dumps(value: dict[str, object]) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def entry(e: Event) -> dict[str, object]:
        fields = dict(zip(FIELDS, event_row(e), strict=True))
        del fields["undone_at"]
        if not fields.get("logged_by"):
            del fields["logged_by"]  # left out when empty, as the spec says
        return {**fields, "link": "entry", "v": 1}

    texts = [dumps(entry(event(n, note=note))) for n, note in ((0, "2 escalations"), (1, ""))]
    texts.append(dumps(entry(event(2, note='a "quoted"\nnote'))))
    texts.append(
        dumps(
            {
                "link": "note",
                "uuid": event(0).uuid,
                "old_note": "2 escalations",
                "new_note": "3 escalations",
                "changed_at": (T0 + timedelta(days=3)).isoformat(),
                "by": "Mona",
                "host": "desk-1",
                "v": 1,
            }
        )
    )
    texts.append(
        dumps(
            {
                "link": "undo",
                "uuid": event(1).uuid,
                "undone_at": (T0 + timedelta(days=4)).isoformat(),
                "v": 1,
            }
        )
    )
    head = "0" * 64
    import hashlib

    for text in texts:
        head = hashlib.sha256((head + text).encode("utf-8")).hexdigest()
    return head


def test_the_chain_is_sha256_over_the_canonical_sorted_json(logged: Path) -> None:
    with SqliteStore.open(logged) as store:
        assert store.chain_head() == (5, _hand_made_head())


def test_the_canonical_text_is_what_json_dumps_gives() -> None:
    tricky = event(3, note='é "q" \\ \t\x01 سلام 🙂')
    text = chain.entry_text(event_row(tricky))
    assert json.loads(text)["note"] == tricky.note
    assert text == json.dumps(
        json.loads(text), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    change = NoteChange(tricky.uuid, "a", "b\n", T0, "Mona", "h")
    text = chain.note_text("note-trail", change)
    assert text == json.dumps(
        json.loads(text), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )


def test_logged_by_is_in_the_text_only_when_the_record_has_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib

    from csm_checklist.store import records

    row = event_row(event(0))
    plain = chain.entry_text(row)
    assert "logged_by" not in json.loads(plain)
    # A record that keeps who typed an entry apart from who did it: the
    # field joins the text when it is set, and a chain built before it
    # existed (the field empty) reads the same.
    monkeypatch.setattr(records, "FIELDS", (*records.FIELDS, "logged_by"))
    try:
        later = importlib.reload(chain)
        typed = later.entry_text((*row, "mona"))
        assert json.loads(typed) == {**json.loads(plain), "logged_by": "mona"}
        assert typed == json.dumps(
            json.loads(typed), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        assert later.entry_text((*row, "")) == plain
    finally:
        monkeypatch.undo()
        importlib.reload(chain)


def test_an_untouched_log_verifies_and_prints_its_head_and_count(logged: Path) -> None:
    result = run("verify")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"The log matches its chain (links: 5; head {_hand_made_head()}).\n"
    document = json.loads(run("verify", "--json").stdout)
    assert document["ok"] is True
    assert (document["count"], document["head"], document["broken"]) == (5, _hand_made_head(), None)


def test_an_empty_log_verifies() -> None:
    result = run("verify")
    assert (result.exit_code, result.stdout) == (
        0,
        "The log has no entries yet: its chain is empty.\n",
    )


def _edit(path: Path, sql: str, *params: object) -> None:
    db = sqlite3.connect(path)
    with db:
        changed = db.execute(sql, params).rowcount
    db.close()
    assert changed == 1


def _first_line(*args: str) -> str:
    result = run("verify", *args)
    assert result.exit_code == 1, result.stdout
    return result.stdout.splitlines()[0]


def test_a_note_changed_in_sqlite_is_named(logged: Path) -> None:
    _edit(logged, "UPDATE events SET note = 'nothing to see' WHERE uuid = ?", event(2).uuid)
    assert _first_line() == (
        "The log does not match its chain at link 3: the entry of monitor-accounts "
        "for 2026-11-04 (id 00000002) was changed."
    )
    document = json.loads(run("verify", "--json").stdout)
    assert document["ok"] is False
    assert document["broken"] == {
        "link": 3,
        "kind": "entry",
        "reason": "changed",
        "uuid": event(2).uuid,
        "item": "monitor-accounts",
        "period": "2026-11-04",
    }


def test_a_corrected_note_changed_again_by_hand_names_the_correction(logged: Path) -> None:
    _edit(logged, "UPDATE events SET note = '0 escalations' WHERE uuid = ?", event(0).uuid)
    assert _first_line() == (
        "The log does not match its chain at link 4: the note of monitor-accounts "
        "for 2026-11-02 (id 00000000) was changed."
    )


def test_an_old_note_in_the_trail_changed_by_hand_is_named(logged: Path) -> None:
    _edit(logged, "UPDATE note_changes SET old_note = 'no escalation'")
    assert _first_line().startswith("The log does not match its chain at link 1: the entry ")


def test_a_deleted_entry_is_caught(logged: Path) -> None:
    _edit(logged, "DELETE FROM events WHERE uuid = ?", event(2).uuid)
    assert _first_line() == (
        "The log does not match its chain at link 3: the entry with id 00000002 is missing."
    )


def test_a_deleted_entry_with_its_link_is_caught(logged: Path) -> None:
    _edit(logged, "DELETE FROM events WHERE uuid = ?", event(2).uuid)
    _edit(logged, "DELETE FROM chain WHERE seq = 3")
    assert _first_line() == (
        "The log does not match its chain at link 3: a link of the chain is missing."
    )


def test_an_entry_added_outside_csm_is_caught(logged: Path) -> None:
    extra = event(9)
    db = sqlite3.connect(logged)
    with db:
        db.execute(INSERT_EVENT, (*event_row(extra), utc_key(extra.logged_at)))
    db.close()
    assert _first_line() == (
        "The log holds a record its chain does not: the entry of monitor-accounts "
        "for 2026-11-11 (id 00000009) was added outside csm."
    )


def test_an_undo_by_hand_and_an_undo_taken_back_are_caught(logged: Path) -> None:
    _edit(logged, "UPDATE events SET undone_at = ? WHERE uuid = ?", T0.isoformat(), event(2).uuid)
    assert _first_line() == (
        "The log does not match its chain at link 3: the undo of monitor-accounts "
        "for 2026-11-04 (id 00000002) was changed."
    )
    _edit(logged, "UPDATE events SET undone_at = NULL WHERE uuid = ?", event(2).uuid)
    _edit(logged, "UPDATE events SET undone_at = NULL WHERE uuid = ?", event(1).uuid)
    assert _first_line() == (
        "The log does not match its chain at link 5: the undo of the entry with id "
        "00000001 is missing."
    )


def test_a_changed_hash_is_caught(logged: Path) -> None:
    _edit(logged, "UPDATE chain SET hash = ? WHERE seq = 2", "f" * 64)
    assert _first_line().startswith("The log does not match its chain at link 2: ")


def test_undo_and_note_corrections_keep_the_chain_valid_through_the_cli(logged: Path) -> None:
    for args in (("note", "00000002", "fixed"), ("undo", "monitor-accounts", "--on", "2026-11-04")):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
    result = run("verify")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("The log matches its chain (links: 7; head ")


def test_the_head_of_an_earlier_report_still_matches_after_more_entries(logged: Path) -> None:
    earlier = _hand_made_head()
    with SqliteStore.open(logged) as store:
        store.record([event(5), event(6)])
        assert store.chain_head()[0] == 7
    result = run("verify", "--head", earlier[:8].upper())
    assert result.exit_code == 0, result.stdout
    assert result.stdout == (
        f"Head {earlier} is the log's chain at link 5 of 7: "
        "the report it came from matches the log.\n"
    )
    document = json.loads(run("verify", "--head", earlier[:12], "--json").stdout)
    assert (document["ok"], document["matched_at"], document["matched_head"]) == (
        True,
        5,
        earlier,
    )


def test_a_head_the_log_never_had_is_refused(logged: Path) -> None:
    result = run("verify", "--head", "deadbeef")
    assert result.exit_code == 1
    assert result.stdout == (
        "Head deadbeef is not the log's chain at any link up to 5: "
        "the report it came from does not match this log.\n"
    )


@pytest.mark.parametrize("text", ["1234567", "not-a-hex", "12345678z"])
def test_a_short_or_malformed_head_is_bad_input(logged: Path, text: str) -> None:
    result = run("verify", "--head", text)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --head takes at least 8 hex digits")


def test_a_log_kept_before_the_chain_gets_it_in_log_order(data_dir: Path) -> None:
    """The migration builds the same chain the writes would have built."""
    path = log_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, SCHEMA_VERSION - 1)
    with db:
        for n, note in ((0, "3 escalations"), (1, ""), (2, 'a "quoted"\nnote')):
            e = event(n, note=note)
            db.execute(INSERT_EVENT, (*event_row(e), utc_key(e.logged_at)))
        at = T0 + timedelta(days=3)
        db.execute(
            "INSERT INTO note_changes (event_uuid, old_note, new_note, changed_at, "
            "changed_at_utc, changed_by, host) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                event(0).uuid,
                "2 escalations",
                "3 escalations",
                at.isoformat(),
                utc_key(at),
                "Mona",
                "desk-1",
            ),
        )
        db.execute(
            "UPDATE events SET undone_at = ? WHERE uuid = ?",
            ((T0 + timedelta(days=4)).isoformat(), event(1).uuid),
        )
    db.close()
    with SqliteStore.open(path) as store:
        assert store.chain_head() == (5, _hand_made_head())
        assert store.verify_chain().broken is None


def test_an_export_imported_into_a_new_log_verifies_the_same_way(
    logged: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = tmp_path / "backup.json"
    args = ("export", "--format", "json", "--include-undone", "-o", str(exported))
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    heads = []
    for name in ("one", "two"):
        monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / name))
        result = run("import", str(exported))
        assert result.exit_code == 0, result.stderr
        result = run("verify")
        assert result.exit_code == 0, result.stdout
        heads.append(result.stdout)
    # Three entries, the undo that came with the second, the correction of
    # the first as a note-trail link: the same chain in both logs.
    assert heads[0] == heads[1]
    assert heads[0].startswith("The log matches its chain (links: 5; head ")
    assert _hand_made_head() not in heads[0]  # a restored log's own chain


def test_a_report_names_the_chain_and_is_checked_against_the_log_later(
    logged: Path, tmp_path: Path
) -> None:
    head = _hand_made_head()
    month = ("report", "--on", "2026-11-30")
    document = json.loads(run(*month, "--format", "json").stdout)
    assert document["chain"] == {"links": 5, "head": head}
    assert run(*month).stdout.splitlines()[-2:] == [
        f"Log chain: link 5, head {head[:16]}.",
        f"Check it with: csm verify --head {head[:8]}",
    ]
    footer = f"Log chain: link 5, head {head} (check it with: csm verify --head {head[:8]})."
    assert run(*month, "--format", "md").stdout.endswith("\n\n" + footer + "\n")
    page = tmp_path / "report.html"
    assert run(*month, "--format", "html", "-o", str(page)).exit_code == 0
    assert f'<p class="chain">{footer}</p>' in page.read_text(encoding="utf-8")
    exported = json.loads(run("export", "--format", "json").stdout)
    assert exported["chain"] == {"links": 5, "head": head}
    # A month later, with more logged since, the printed head still matches.
    with SqliteStore.open(logged) as store:
        store.record([event(20)])
    result = run("verify", "--head", head[:16])
    assert (result.exit_code, result.stdout) == (
        0,
        f"Head {head} is the log's chain at link 5 of 6: the report it came from matches the log.\n",
    )


def test_a_report_footer_speaks_arabic(logged: Path, config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("lang: ar\n", encoding="utf-8")
    head = _hand_made_head()
    lines = run("report", "--on", "2026-11-30").stdout.splitlines()
    # Each line of plain text is isolated (FSI ... PDI) for right-to-left readers.
    assert (
        lines[-2] == f"\u2068سلسلة السجل: الحلقة \u20665\u2069، والرأس SHA-256 {head[:16]}.\u2069"
    )
    assert lines[-1] == f"\u2068افحصه بالأمر: csm verify --head {head[:8]}\u2069"
    said = run("verify").stdout
    assert said == (
        f"\u2068السجل مطابق لسلسلته (الحلقات: \u20665\u2069؛ الرأس SHA-256 {head}).\u2069\n"
    )


def test_a_correction_moment_edited_out_of_shape_is_named_not_a_crash(logged: Path) -> None:
    _edit(logged, "UPDATE note_changes SET changed_at = 'yesterday'")
    assert _first_line() == (
        "The log does not match its chain at link 4: the note of monitor-accounts "
        "for 2026-11-02 (id 00000000) was changed."
    )


def test_writers_at_once_append_one_link_each(data_dir: Path) -> None:
    import threading

    path = log_path(data_dir)
    with SqliteStore.open(path) as store:
        store.record([event(0)])
    failures: list[BaseException] = []

    def writer(first: int) -> None:
        try:
            with SqliteStore.open(path) as store:
                for n in range(first, first + 25):
                    store.record([event(n, item=f"duty-{first}")])
        except BaseException as exc:  # reported in the test's thread
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=(100 * k + 1,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with SqliteStore.open(path) as store:
        verdict = store.verify_chain()
    assert (verdict.broken, verdict.verified) == (None, 101)
