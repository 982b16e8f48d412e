"""Shared rules (§12): a lead publishes the checklists, days off and schedule
settings as the team's numbered revisions; every member's csm follows the
latest, whatever files they have on their computer; a publish over someone
else's is refused, by the server, as is a member's; a published change leaves
every earlier report as it was (§7)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
import time_machine

from clihelp import run, run_on

MONDAY = "2026-11-23"
AT = "2026-11-23 09:30+00:00"


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with time_machine.travel("2026-11-23 09:30:00+00:00", tick=False):
        yield


def person(monkeypatch: pytest.MonkeyPatch, team: Any, tmp_path: Path, login: str) -> Path:
    """Become `login` at a computer of their own (their folders, their login);
    their config folder."""
    home = tmp_path / login
    monkeypatch.setenv("CSM_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("CSM_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("CSM_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("CSM_STORE", team.url(login))
    return home / "config"


def strip_marks(text: str) -> str:
    """Arabic lines without the marks that keep Latin runs in order."""
    return "".join(c for c in text if c not in "\u200e\u200f\u2066\u2067\u2068\u2069")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


HANDOVER = """\
items:
  - id: shift-handover
    area: account-monitoring
    cadence: weekly
    due: friday
    title: {en: "Hand over the shift", ar: "تسليم المناوبة"}
"""

MINE = """\
items:
  - id: my-own-duty
    area: account-monitoring
    cadence: daily
    title: {en: "Something only Mona has", ar: "شيء لدى منى وحدها"}
"""


def published_by_sara(monkeypatch: pytest.MonkeyPatch, team: Any, tmp_path: Path) -> Path:
    sara = person(monkeypatch, team, tmp_path, "sara")
    write(sara / "checklists" / "team.yaml", HANDOVER)
    write(sara / "config.yaml", "week_start: sunday\nworkdays: sun-thu\n")
    write(sara / "days-off.yaml", "days_off:\n  - date: 2026-11-26\n    reason: Team offsite\n")
    result = run("team", "publish")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Published the team's checklists as revision 1: 20 items in 8 files. "
        "Every member's csm follows them from now on.\n"
    )
    return sara


def rule_sets(team: Any) -> list[tuple[Any, ...]]:
    with team.connect() as admin:
        return list(
            admin.execute(
                "SELECT number, published_by, published_at FROM csm.rule_sets ORDER BY number"
            ).fetchall()
        )


def test_a_member_follows_the_published_set_and_not_their_own_files(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    published_by_sara(monkeypatch, team, tmp_path)
    mona = person(monkeypatch, team, tmp_path, "mona")
    write(mona / "checklists" / "mine.yaml", MINE)
    write(mona / "config.yaml", "week_start: monday\nworkdays: mon-fri\nhijri: true\n")

    listed = run("list", "--cadence", "weekly")
    assert listed.exit_code == 0, listed.stderr
    assert listed.stderr == (
        f"csm now follows the team's checklists, revision 1, published by Sara on {AT}; "
        "the checklists, days off and schedule settings on this computer are not used.\n"
    )
    assert "shift-handover" in listed.stdout
    assert "my-own-duty" not in run("list", "--all").stdout
    # Fetched once: the next command says only what it always says.
    again = run("list", "--cadence", "weekly")
    assert again.stderr == (
        f"The team's checklists, revision 1, published by Sara on {AT}: "
        "the checklist files on this computer are not used.\n"
    )

    shown = run("config", "show")
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[1:4] == [
        "week_start         sunday",
        "workdays           sun-thu",
        ("fiscal_year_start  1"),
    ]
    assert "hijri              true" in lines  # personal settings stay hers
    assert shown.stderr == (
        "week_start, workdays, fiscal_year_start, timezone and the days off are the team's "
        f"(revision 1, published by Sara on {AT}); the others are yours.\n"
    )

    # The team's week (Sunday to Thursday) and its day off decide her work.
    done = run("done", "shift-handover")
    assert done.exit_code == 0, done.stderr
    assert done.stdout.splitlines()[0] == (
        "Done: Hand over the shift (shift-handover) for week of 2026-11-22 to 2026-11-28"
    )
    thursday = run("today", "--on", "2026-11-26")
    assert "Team offsite" in thursday.stdout
    assert run("done", "my-own-duty").stderr.startswith("Error: No item matches 'my-own-duty'.")


def test_before_anything_is_published_csm_uses_this_computers_files(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    mona = person(monkeypatch, team, tmp_path, "mona")
    write(mona / "checklists" / "mine.yaml", MINE)
    listed = run("list", "--cadence", "daily")
    assert listed.exit_code == 0, listed.stderr
    assert "my-own-duty" in listed.stdout
    assert listed.stderr == (
        "The team has not published its checklists yet: csm uses the checklists and "
        "settings on this computer until a lead runs: csm team publish\n"
    )


def test_an_identical_publish_says_so_and_writes_nothing(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    published_by_sara(monkeypatch, team, tmp_path)
    for args in (("team", "publish"), ("team", "publish", "--dry-run")):
        again = run(*args)
        assert again.exit_code == 0, again.stderr
        assert again.stdout == (
            f"Nothing to publish: revision 1, published by Sara on {AT}, is already "
            "exactly these checklists and settings.\n"
        )
    assert [row[:2] for row in rule_sets(team)] == [(1, "sara")]
    person(monkeypatch, team, tmp_path, "mona")
    status = run("team", "status")
    assert status.stdout.splitlines()[-1] == f"Checklists: revision 1, published by Sara on {AT}"


def test_a_member_cannot_publish_and_the_server_itself_refuses(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import psycopg

    published_by_sara(monkeypatch, team, tmp_path)
    mona = person(monkeypatch, team, tmp_path, "mona")
    write(mona / "checklists" / "mine.yaml", MINE)
    refused = run("team", "publish")
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"Error: The team's server {team.env['PGHOST']} (port {team.env['PGPORT']})/"
        f"{team.dbname} refused: only a lead publishes the team's checklists.\n"
        "Hint: Nothing was changed. Ask a lead or the administrator if it must be done.\n"
    )
    # Not only the CLI: with her own login and psql, neither way works.
    with team.connect("mona") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT csm.publish_rules(1, '{}', 'x', '2026-11-23T10:00:00+00:00')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO csm.rule_sets (number, content, digest, published_at) "
                "VALUES (2, '{}', 'x', '2026-11-23T10:00:00+00:00')"
            )
    with team.connect("sara") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE csm.rule_sets SET content = '{}'")
    assert [row[:2] for row in rule_sets(team)] == [(1, "sara")]


def test_a_publish_over_someone_elses_is_refused_naming_it(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from csm_checklist.store import pg_admin

    pg_admin.add_member(team.url(), "noor", "Noor", True)
    sara = published_by_sara(monkeypatch, team, tmp_path)

    noor = person(monkeypatch, team, tmp_path, "noor")
    write(noor / "config.yaml", "week_start: sunday\nworkdays: sun-thu\n")
    first = run("team", "publish")
    assert first.exit_code == 1
    assert first.stderr == (
        f"Error: Revision 1 of the team's checklists was published by Sara on {AT}, "
        "and this computer has not published any; nothing was published.\n"
        "Hint: See what yours would change with: csm team publish --dry-run; "
        "then publish over it with: csm team publish --base 1\n"
    )
    dry = run("team", "publish", "--dry-run")
    assert dry.stdout == (
        "Publishing would make revision 2 of the team's checklists:\n"
        "  removed: shift-handover\n"
        "  days-off.yaml changed\n"
        "Nothing was published (--dry-run).\n"
    )
    assert run("team", "publish", "--base", "1").exit_code == 0

    person(monkeypatch, team, tmp_path, "sara")
    write(sara / "config.yaml", "week_start: sunday\nworkdays: sun-thu\nfiscal_year_start: 7\n")
    moved = run("team", "publish")
    assert moved.exit_code == 1
    assert moved.stderr == (
        f"Error: Revision 2 of the team's checklists was published by Noor on {AT}, "
        "after revision 1 that yours are based on; nothing was published.\n"
        "Hint: See what yours would change with: csm team publish --dry-run; "
        "then publish over it with: csm team publish --base 2\n"
    )
    dry = run("team", "publish", "--dry-run")
    assert dry.stdout == (
        "Publishing would make revision 3 of the team's checklists:\n"
        "  added: shift-handover\n"
        "  setting fiscal_year_start: 1 -> 7\n"
        "  days-off.yaml changed\n"
        "Nothing was published (--dry-run).\n"
    )
    assert run("team", "publish", "--base", "2").exit_code == 0
    # Her computer now knows it published 3: the next one is based on it.
    write(sara / "checklists" / "more.yaml", MINE)
    assert run("team", "publish").exit_code == 0
    assert [row[:2] for row in rule_sets(team)] == [
        (1, "sara"),
        (2, "noor"),
        (3, "sara"),
        (4, "sara"),
    ]


def test_two_leads_publishing_at_once_one_wins_the_other_is_refused(team: Any) -> None:
    from csm_checklist.store import pg_admin
    from csm_checklist.store.postgres import PostgresStore, RulesMoved

    pg_admin.add_member(team.url(), "noor", "Noor", True)
    moment = datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)
    for base in range(5):  # five rounds, each a real race from the same base
        stores = [PostgresStore.open(team.url(login)) for login in ("sara", "noor")]
        outcomes = _race(stores, base, moment)
        for store in stores:
            store.close()
        won = [o for o in outcomes if o == base + 1]
        lost = [o for o in outcomes if isinstance(o, RulesMoved)]
        assert len(won) == 1 and len(lost) == 1, outcomes
        assert lost[0].head.number == base + 1
    # Both publishes waiting on the server at once, then let go together.
    stores = [PostgresStore.open(team.url(login)) for login in ("sara", "noor")]
    with team.connect() as holder:
        holder.execute("SELECT pg_advisory_lock(hashtext('csm.rule_sets'))")
        outcomes = _race(stores, 5, moment, holder)
    for store in stores:
        store.close()
    assert sorted(map(type, outcomes), key=str) == sorted([int, RulesMoved], key=str), outcomes
    assert [row[0] for row in rule_sets(team)] == [1, 2, 3, 4, 5, 6]


def _race(
    stores: list[Any], base: int, moment: datetime, holder: Any | None = None
) -> list[object]:
    """Both stores publish from `base` at the same moment; what each got.
    With `holder`, a session holding the publish lock: both calls are made
    and wait on the server, then the lock is let go, so that both are in
    flight at once for certain."""
    from csm_checklist.errors import NotMet

    start = threading.Barrier(len(stores))
    outcomes: list[object] = [None] * len(stores)

    def publish(index: int) -> None:
        start.wait()
        try:
            content = f'{{"by": {index}}}'
            outcomes[index] = stores[index].publish_rules(base, content, "d", moment)
        except NotMet as exc:
            outcomes[index] = exc

    threads = [threading.Thread(target=publish, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    if holder is not None:
        waiting = 0
        for _look in range(2000):  # until both wait on the lock (a poll, not a timing)
            row = holder.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            ).fetchone()
            waiting = int(row[0])
            if waiting == len(stores):
                break
            # time.sleep, not Event.wait: libfaketime (the suite run a year
            # ahead) leaves a timed condition wait asleep for good.
            time.sleep(0.01)
        assert waiting == len(stores)
        holder.execute("SELECT pg_advisory_unlock(hashtext('csm.rule_sets'))")
    for thread in threads:
        thread.join()
    return outcomes


def test_a_member_on_an_old_revision_is_refreshed_and_a_write_in_between_refused(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sara = published_by_sara(monkeypatch, team, tmp_path)
    person(monkeypatch, team, tmp_path, "mona")
    assert "shift-handover" in run("list").stdout

    # Sara moves the handover to Thursdays: revision 2.
    person(monkeypatch, team, tmp_path, "sara")
    write(sara / "checklists" / "team.yaml", HANDOVER.replace("friday", "thursday"))
    assert run("team", "publish", "--dry-run").stdout == (
        "Publishing would make revision 2 of the team's checklists:\n"
        "  changed: shift-handover\n"
        "Nothing was published (--dry-run).\n"
    )
    assert run("team", "publish").exit_code == 0

    # Mona's next command follows revision 2 by itself, and says so once.
    person(monkeypatch, team, tmp_path, "mona")
    shown = run("show", "shift-handover")
    assert shown.stderr == (
        f"csm now follows the team's checklists, revision 2, published by Sara on {AT}; "
        "the checklists, days off and schedule settings on this computer are not used.\n"
    )
    assert "every Thursday" in shown.stdout

    # Sara publishes revision 3 between Mona's command reading the rules and
    # writing her entry: the entry is refused, and she is told to run it again.
    from csm_checklist.store.postgres import PostgresStore

    check = PostgresStore._check_rules

    def published_meanwhile(self: PostgresStore, conn: Any) -> None:
        with team.connect("sara") as other:
            other.execute("SELECT csm.publish_rules(2, '{}', 'x', '2026-11-23T09:31:00+00:00')")
        check(self, conn)

    monkeypatch.setattr(PostgresStore, "_check_rules", published_meanwhile)
    refused = run("done", "shift-handover")
    assert refused.exit_code == 1
    assert refused.stderr == (
        "Error: The team's checklists changed while this ran: revision 3, published by "
        "Sara on 2026-11-23 09:31+00:00; nothing was recorded.\n"
        "Hint: Run the command again: csm then follows revision 3.\n"
    )
    with team.connect() as admin:
        assert admin.execute("SELECT count(*) FROM csm.events").fetchone() == (0,)


def test_a_published_change_leaves_every_earlier_report_as_it_was(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sara = published_by_sara(monkeypatch, team, tmp_path)
    person(monkeypatch, team, tmp_path, "mona")
    assert run("history", "start", "2026-11-01").exit_code == 0
    for day in ("2026-11-02", "2026-11-03", "2026-11-10"):
        assert run_on(day, "done", "monitor-accounts", "--on", day).exit_code == 0
    assert run_on("2026-11-30", "done", "monthly-report").exit_code == 0

    def november() -> str:
        result = run_on("2026-12-02", "report", "--period", "month", "--on", "2026-11-15")
        assert result.exit_code == 0, result.stderr
        return result.stdout

    before = november()
    # On time under the rule of November (its last workday), as it was done.
    assert (
        "  Performance report     [####################] 100% 1/1  late 0 · skipped 0 · "
        "missed 0 · due 0 · open 0"
    ) in before.splitlines()

    # In December Sara moves the monthly report to the 10th of the month.
    person(monkeypatch, team, tmp_path, "sara")
    write(
        sara / "checklists" / "report.yaml",
        "items:\n  - {id: monthly-report, due: 10}\n",
    )
    published = run_on("2026-12-02", "team", "publish")
    assert published.exit_code == 0, published.stderr

    person(monkeypatch, team, tmp_path, "mona")
    assert november() == before
    shown = run_on("2026-12-02", "due", "--period", "month")
    assert "monthly-report" in shown.stdout
    assert "monthly-report      Performance report           monthly    upcoming 2026-12-10" in (
        shown.stdout
    )


def test_in_arabic(team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from csm_checklist.store import pg_admin

    pg_admin.add_member(team.url(), "noor", "Noor", True)
    published_by_sara(monkeypatch, team, tmp_path)
    mona = person(monkeypatch, team, tmp_path, "mona")
    write(mona / "config.yaml", "lang: ar\n")
    assert run("today").exit_code == 0  # fetches revision 1, and says so
    listed = run("list")
    assert strip_marks(listed.stderr) == (
        f"قوائم الفريق، المراجعة 1، التي نشرها Sara في {AT}: "
        "لا تُستخدم ملفات القوائم على هذا الحاسوب.\n"
    )
    noor = person(monkeypatch, team, tmp_path, "noor")
    write(noor / "config.yaml", "lang: ar\n")
    refused = run("team", "publish")
    assert refused.exit_code == 1
    assert strip_marks(refused.stderr.splitlines()[0]).startswith(
        "خطأ: نشر Sara المراجعة 1 من قوائم الفريق في "
    )
    assert strip_marks(refused.stderr.splitlines()[1]).endswith("csm team publish --base 1")


def test_the_set_carries_the_files_whole(tmp_path: Path) -> None:
    """Whatever a checklist file holds reaches members as written: fields
    this csm may not know yet included."""
    from csm_checklist.duties import published

    document = {
        "format": 1,
        "settings": {"week_start": "sunday"},
        "files": [
            {"kind": "user", "name": "team.yaml", "text": "items: []  # assign: mona\n"},
            {"kind": "pack", "name": "role/role.yaml", "text": "x: 1\n"},
        ],
        "days_off": "- date: 2026-11-26\n  who: mona\n",
    }
    found = published.materialize(tmp_path / "7", 7, published.content_text(document), "Sara", AT)
    assert (found.checklists_dir / "team.yaml").read_text() == "items: []  # assign: mona\n"
    assert found.pack_files() == [tmp_path / "7" / "packs" / "role" / "role.yaml"]
    assert found.days_off_file.read_text() == "- date: 2026-11-26\n  who: mona\n"
    assert found.settings == {"week_start": "sunday"}
    bad = dict(document, files=[{"kind": "user", "name": "../x.yaml", "text": ""}])
    from csm_checklist.errors import LogError

    with pytest.raises(LogError) as raised:
        published.materialize(tmp_path / "8", 8, published.content_text(bad), "Sara", AT)
    assert raised.value.message == (
        "Revision 8 of the team's checklists cannot be used: "
        "not a checklist file name: '../x.yaml'."
    )
    assert not (tmp_path / "x.yaml").exists()
    assert date(2026, 11, 26)  # the document keeps days off as their text


def test_days_off_are_the_teams_and_a_members_own_edit_says_so(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    published_by_sara(monkeypatch, team, tmp_path)
    person(monkeypatch, team, tmp_path, "mona")
    added = run("off", "add", "2026-12-01", "--reason", "My leave")
    assert added.exit_code == 0, added.stderr
    assert added.stderr == (
        "This changed days-off.yaml on this computer; the team follows the days off a lead "
        "publishes with: csm team publish\n"
    )
    assert run("today").exit_code == 0  # fetches revision 1, and says so
    listed = run("off", "list", "--year", "2026")
    assert listed.exit_code == 0, listed.stderr
    assert "Team offsite" in listed.stdout
    assert "My leave" not in listed.stdout
    assert listed.stderr == (
        f"The team's days off, revision 1, published by Sara on {AT}: "
        "days-off.yaml on this computer is not used.\n"
    )


def test_publishing_in_arabic(team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    sara = person(monkeypatch, team, tmp_path, "sara")
    write(sara / "config.yaml", "lang: ar\n")
    published = run("team", "publish")
    assert published.exit_code == 0, published.stderr
    assert strip_marks(published.stdout) == (
        "نُشرت قوائم الفريق بوصفها المراجعة 1: 19 بندًا في 7 ملفات. يتبعها csm لدى كل عضو من الآن.\n"
    )
    same = run("team", "publish", "--dry-run")
    assert strip_marks(same.stdout) == (
        f"لا شيء للنشر: المراجعة 1، التي نشرها Sara في {AT}، هي هذه القوائم والإعدادات نفسها.\n"
    )
    mona = person(monkeypatch, team, tmp_path, "mona")
    write(mona / "config.yaml", "lang: ar\n")
    today = run("today")
    assert today.exit_code == 0, today.stderr
    assert strip_marks(today.stderr) == (
        f"يتبع csm الآن قوائم الفريق، المراجعة 1، التي نشرها Sara في {AT}؛ "
        "ولا تُستخدم القوائم وأيام الإجازة وإعدادات الجدولة التي على هذا الحاسوب.\n"
    )


def test_a_set_from_a_newer_csm_is_refused_and_old_revisions_are_let_go(tmp_path: Path) -> None:
    from csm_checklist.duties import published
    from csm_checklist.errors import LogError

    with pytest.raises(LogError) as raised:
        published.materialize(tmp_path / "5", 5, '{"format": 2}', "Sara", AT)
    assert raised.value.message == (
        "Revision 5 of the team's checklists was published by a newer csm than this one."
    )
    assert not (tmp_path / "5").exists()
    for number in (1, 2, 3):
        published.materialize(tmp_path / str(number), number, '{"format": 1}', "Sara", AT)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2", "3"]


def test_a_set_with_a_problem_is_not_published(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sara = person(monkeypatch, team, tmp_path, "sara")
    write(sara / "checklists" / "team.yaml", HANDOVER.replace("friday", "someday"))
    refused = run("team", "publish")
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"Error: {sara / 'checklists' / 'team.yaml'}, line ")
    assert rule_sets(team) == []


def test_a_set_this_csm_cannot_use_is_refused_in_one_line(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data_dir: Path
) -> None:
    # A lead with psql publishes what csm would never send.
    with team.connect("sara") as conn:
        conn.execute(
            "SELECT csm.publish_rules(0, %s, 'x', '2026-11-23T09:30:00+00:00')",
            ('{"format": 1, "settings": {"timezone": "Mars/Olympus"}, "files": []}',),
        )
    person(monkeypatch, team, tmp_path, "mona")
    result = run("today")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: Revision 1 of the team's checklists cannot be used: "
        "'Mars/Olympus' is not an IANA time zone; use a name such as Africa/Cairo or "
        "Asia/Riyadh.\n"
        "Hint: Nothing was written. Ask a lead to publish the checklists again: "
        "csm team publish\n"
    )
    assert not (tmp_path / "mona" / "cache" / "team").exists() or not any(
        (tmp_path / "mona" / "cache" / "team").rglob("published.json")
    )


def test_a_record_without_published_checklists_asks_for_the_upgrade(
    pg_cluster: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    from csm_checklist.store import pg_schema

    for name, value in pg_cluster.items():
        monkeypatch.setenv(name, value)
    dbname = "csm_test_before_publish"
    with psycopg.connect(autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{dbname}"')
    try:
        with psycopg.connect(dbname=dbname, autocommit=True) as conn:
            conn.execute(pg_schema.ROLES_SQL)
            for name, sql in pg_schema.MIGRATIONS:
                if name != "publish_1_rule_sets":
                    with conn.transaction():
                        conn.execute(pg_schema.migration_sql(name, sql).encode())
        monkeypatch.setenv("CSM_STORE", f"postgresql:///{dbname}")
        result = run("today")
        assert result.exit_code == 1
        assert result.stderr.splitlines()[0].endswith(
            f"/{dbname} lacks the migration publish_1_rule_sets this csm needs."
        )
        assert run("team", "upgrade").exit_code == 0
        assert run("today").exit_code == 0
    finally:
        with psycopg.connect(autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def test_config_show_without_the_server_shows_this_computers_settings(
    monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    write(config_dir / "config.yaml", "week_start: sunday\n")
    monkeypatch.setenv("CSM_STORE", f"postgresql://127.0.0.1:{port}/csm")
    shown = run("config", "show")
    assert shown.exit_code == 0
    assert "week_start         sunday" in shown.stdout.splitlines()
    assert shown.stderr == (
        "The team's record could not be read: these are the settings on this computer; "
        "the team's may differ.\n"
    )


def test_today_with_published_rules_and_owners_reads_without_importing_psycopg(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The morning command of a team that has published its checklists and
    # assigned duties: still libpq alone, once the revision is on this computer.
    import os
    import subprocess
    import sys

    published_by_sara(monkeypatch, team, tmp_path)
    assert run("assign", "monitor-accounts", "mona", "ali").exit_code == 0
    person(monkeypatch, team, tmp_path, "mona")
    first = run("today", "--json", "--mine", "--on", MONDAY)  # fetches revision 1
    assert first.exit_code == 0, first.stderr
    for args in (["today", "--json", "--mine", "--on", MONDAY], ["due", "--json", "--on", MONDAY]):
        code = (
            "import sys, runpy\n"
            f"sys.argv = ['csm', *{args!r}]\n"
            "try:\n"
            "    runpy.run_module('csm_checklist', run_name='__main__')\n"
            "except SystemExit as exit:\n"
            "    assert not exit.code, exit.code\n"
            "print(sorted(m for m in sys.modules if m.startswith('psycopg')), file=sys.stderr)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], env=dict(os.environ), capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == "[]\n"
        document = json.loads(done.stdout)
        if args[0] == "today":
            assert document == json.loads(first.stdout)
            mine = {item["id"]: item["owner"] for item in document["items"]}
            assert mine == {"monitor-accounts": "mona"}


def test_a_persons_leave_in_the_published_days_off_moves_their_turn_for_everyone(
    team: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The leave is in the lead's days-off.yaml, published: a member whose own
    # computer has no days off sees the turn covered all the same.
    sara = person(monkeypatch, team, tmp_path, "sara")
    write(
        sara / "checklists" / "owners.yaml",
        "items:\n  - id: monitor-accounts\n    rotate: [ali, mona]\n",
    )
    write(sara / "config.yaml", "week_start: sunday\nworkdays: sun-thu\n")
    write(sara / "days-off.yaml", "days_off:\n  - date: 2026-11-25\n    who: ali\n")
    assert run("team", "publish").exit_code == 0
    person(monkeypatch, team, tmp_path, "mona")

    def owner(day: str) -> str:
        result = run("today", "--json", "--on", day)
        assert result.exit_code == 0, result.stderr
        items = json.loads(result.stdout)["items"]
        return str(next(i for i in items if i["id"] == "monitor-accounts")["owner"])

    # Monday 23 ali, Tuesday 24 mona, Wednesday 25 ali's turn but his leave:
    # mona covers it.
    assert [owner(day) for day in ("2026-11-23", "2026-11-24", "2026-11-25")] == [
        "ali",
        "mona",
        "mona",
    ]
