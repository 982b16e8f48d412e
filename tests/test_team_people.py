"""A new team of three over four weeks and a day of November 2026, on the
team's PostgreSQL store: the daily monitoring rotates mona → ali → sara
over the workdays, the weekly meeting is Sara's, Ali takes a week of
leave. Each morning every member's own duties are the ones the rota says,
and the month's report per person is what was counted by hand."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import time_machine

from clihelp import run

CHECKLIST = """\
items:
  - {id: monitor-accounts, rotate: [mona, ali, sara], tags: [desk]}
  - {id: team-meeting, assign: sara, tags: [desk]}
"""
# Ali's week of leave: his turn on Wednesday 11 goes to the next in order.
LEAVE = """\
days_off:
  - date: 2026-11-09..2026-11-13
    reason: Annual leave
    who: ali
"""
# Whose turn the monitoring is, workday by workday (counted by hand).
ROTA = {
    2: "mona", 3: "ali", 4: "sara", 5: "mona", 6: "ali",
    9: "sara", 10: "mona", 11: "sara", 12: "sara", 13: "mona",
    16: "ali", 17: "sara", 18: "mona", 19: "ali", 20: "sara",
    23: "mona", 24: "ali", 25: "sara", 26: "mona", 27: "ali",
    30: "sara",
}  # fmt: skip
MEETINGS = (5, 12, 19, 26)  # Thursdays: the meeting's due day


def as_member(monkeypatch: pytest.MonkeyPatch, team: Any, login: str) -> None:
    monkeypatch.setenv("CSM_STORE", team.url(login))


def at(day: int, clock: str, *args: str) -> Any:
    with time_machine.travel(f"2026-11-{day:02d} {clock}:00+00:00", tick=False):
        return run(*args)


def mine_this_morning(monkeypatch: pytest.MonkeyPatch, team: Any, day: int) -> dict[str, Any]:
    """What `csm today --mine` lists for each member on the morning of `day`."""
    found = {}
    for login in ("mona", "ali", "sara"):
        as_member(monkeypatch, team, login)
        today = at(day, "08:00", "today", "--mine", "--json")
        assert today.exit_code == 0, today.stderr
        document = json.loads(today.stdout)
        assert document["me"] == login
        found[login] = [(i["id"], i["period_start"][8:], i["owner"]) for i in document["items"]]
        found[login] += [
            ("missed " + i["id"], i["period_start"][8:], i["owner"]) for i in document["missed"]
        ]
    return found


def test_four_weeks_of_a_team_of_three(
    team: Any, monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    (config_dir / "checklists").mkdir(parents=True)
    (config_dir / "checklists" / "desk.yaml").write_text(CHECKLIST, encoding="utf-8")
    (config_dir / "days-off.yaml").write_text(LEAVE, encoding="utf-8")
    as_member(monkeypatch, team, "sara")  # the lead starts the team's tracking
    assert at(2, "08:00", "history", "start", "2026-11-02").exit_code == 0

    for day in range(2, 31):
        if date(2026, 11, day).weekday() >= 5:
            continue
        mine = mine_this_morning(monkeypatch, team, day)
        for login in ("mona", "ali", "sara"):
            expected = [("monitor-accounts", f"{day:02d}", login)] if ROTA[day] == login else []
            # Sara's meeting, on its due day (done by then every week).
            if login == "sara" and day in MEETINGS:
                expected.append(("team-meeting", f"{day - 3:02d}", "sara"))
            # The morning after a turn nobody logged, its owner is told of it.
            if (login, day) in (("ali", 25), ("mona", 27)):
                expected.append(("missed monitor-accounts", f"{day - 1}", login))
            assert mine[login] == expected, (day, login)

        if day == 27:  # Mona logs Thursday's now, on Friday morning: late
            as_member(monkeypatch, team, "mona")
            late = at(27, "09:00", "done", "monitor-accounts", "--on", "2026-11-26")
            assert late.exit_code == 0, late.stderr
        doer = "ali" if day == 18 else ROTA[day]  # Ali does Mona's turn on the 18th
        if day not in (24, 26):  # nobody does Ali's turn on the 24th: missed
            as_member(monkeypatch, team, doer)
            done = at(day, "09:30", "done", "monitor-accounts", "--on", f"2026-11-{day:02d}")
            assert done.exit_code == 0, (day, done.stderr)
        if day in MEETINGS:
            as_member(monkeypatch, team, "mona" if day == 19 else "sara")  # Mona for Sara
            meeting = at(day, "15:00", "done", "team-meeting", "--on", f"2026-11-{day:02d}")
            assert meeting.exit_code == 0, meeting.stderr

    as_member(monkeypatch, team, "ali")
    with time_machine.travel("2026-12-01 08:00:00+00:00", tick=False):
        month = run("report", "--previous", "--tag", "desk", "-f", "json")
    assert month.exit_code == 0, month.stderr
    document = json.loads(month.stdout)
    keys = ("assigned", "done", "done_for", "late", "missed", "skipped", "due")
    rows = {p["name"]: [p[k] for k in keys] for p in document["people"]["persons"]}
    assert rows == {
        # mona: 7 turns; did 6 of them (26 late) and Sara's meeting on the 19th.
        "mona": [7, 7, 1, 1, 0, 0, 0],
        # ali: 6 turns (his leave's went to Sara); 24 missed; did Mona's 18th.
        "ali": [6, 6, 0, 0, 1, 0, 0],
        # sara: 8 turns and 4 meetings; Mona did one meeting for her.
        "sara": [12, 11, 1, 0, 0, 0, 0],
    }
    assert document["people"]["team"] == dict.fromkeys(keys, 0)
    total = document["total"]
    assert (total["expected"], total["done"], total["late"], total["missed"]) == (25, 24, 1, 1)
    assert [document["people"]["total"][k] for k in keys] == [25, 24, 2, 1, 1, 0, 0]
    # One person's report is theirs alone, as before: no table per person.
    with time_machine.travel("2026-12-01 08:00:00+00:00", tick=False):
        alis = run("report", "--previous", "--tag", "desk", "-f", "json", "--by", "ali")
    assert alis.exit_code == 0, alis.stderr
    narrowed = json.loads(alis.stdout)
    assert "people" not in narrowed
    assert (narrowed["by"], narrowed["total"]["done"]) == ("Ali", 6)


def test_a_members_entries_count_as_theirs_under_their_name_or_login(
    team: Any, monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    """On the team's store an entry is done by the member's name ("Nour
    Haddad"), owners are logins (nour): one person, one row."""
    from csm_checklist.store import pg_admin

    pg_admin.add_member(team.url(), "nour", "Nour Haddad", False)
    (config_dir / "checklists").mkdir(parents=True)
    (config_dir / "checklists" / "desk.yaml").write_text(
        "items:\n  - {id: monitor-accounts, rotate: [nour, mona], tags: [desk]}\n",
        encoding="utf-8",
    )
    as_member(monkeypatch, team, "sara")
    assert at(2, "08:00", "history", "start", "2026-11-02").exit_code == 0
    as_member(monkeypatch, team, "nour")
    for day in (2, 3):  # her turn, and Mona's
        done = at(day, "09:30", "done", "monitor-accounts", "--on", f"2026-11-{day:02d}")
        assert done.exit_code == 0, done.stderr
    week = at(9, "08:00", "report", "-p", "week", "--on", "2026-11-02", "--tag", "desk", "-f", "md")
    assert week.exit_code == 0, week.stderr
    assert week.stdout[week.stdout.index("| Person") :].splitlines()[:6] == [
        "| Person | Assigned | Done by them | Done for them | Late | Missed |",
        "|---|---:|---:|---:|---:|---:|",
        "| mona | 2 | 0 | 1 | 0 | 1 |",
        "| nour | 3 | 2 | 0 | 0 | 2 |",
        "| Team (no owner) | 0 | 0 | 0 | 0 | 0 |",
        "| Total | 5 | 2 | 1 | 0 | 3 |",
    ]
