"""Playbook runs end to end: a crisis started, its steps checked off on time
and late (deadlines in hours and in workdays, days off skipped), shown in
`csm today`, closed with and without --force, reported, exported and
imported. The clock is moved with time-machine, the way a manager's day
passes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine

from clihelp import Result, without_chain
from clihelp import read as run


@contextmanager
def at(moment: str) -> Iterator[None]:
    """Run what follows as if it were `moment` (UTC, the tests' time zone)."""
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


def refused(code: int, *args: str) -> Result:
    result = run(*args)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    return result


RUN = "crisis-2027-03-02"  # Tuesday 2 March 2027


@pytest.fixture(autouse=True)
def _user(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")


def _start() -> None:
    with at("2027-03-02T09:00"):
        out = ok("run", "start", "crisis", "--name", "hacked account")
    assert out == (
        f"Started {RUN}: Social media crisis, 6 steps; first deadline 2027-03-02 10:00 (assess).\n"
        f"Check steps off with: csm done {RUN}/assess\n"
    )


def test_a_crisis_run_on_time_late_overdue_closed_and_reported() -> None:
    _start()
    with at("2027-03-02T09:40"):
        assert ok("done", f"{RUN}/assess") == (
            "Done: Assess what happened and how far it has spread "
            f"({RUN}/assess) — on time (due 2027-03-02 10:00)\n"
        )
    with at("2027-03-02T12:15"):
        assert ok("done", f"{RUN}/secure-accounts") == (
            "Done: Secure the accounts and stop scheduled posts "
            f"({RUN}/secure-accounts) — late: due 2027-03-02 11:00\n"
        )
        today = ok("today")
        section = today[today.index("Open playbook runs") :].splitlines()
        assert section[1] == f"  {RUN}  Social media crisis — hacked account"
        # Due at 11:00 and still open at 12:15: marked overdue.
        assert "OVERDUE, due 2027-03-02 11:00" in section[2]
        assert section[2].startswith(f"    {RUN}/holding-reply")
        assert section[4].endswith("due 2027-03-03 09:00")  # inbox-plan: within 1d
        # 3 workdays from Tuesday: Wednesday, Thursday, Friday.
        assert section[5].endswith("due 2027-03-05 23:59")
        result = refused(1, "run", "close", RUN)
        assert result.stderr == (
            f"Error: The run {RUN} has 4 open steps: holding-reply, escalate, inbox-plan, "
            "review.\n"
            f"Hint: Check them off (csm done {RUN}/holding-reply) or skip them, or close it "
            f"anyway: csm run close {RUN} --force\n"
        )
        ok("skip", f"{RUN}/escalate", "--reason", "management already knew")
    with at("2027-03-05T16:00"):
        ok("done", f"{RUN}/review")  # on time: due at the end of Friday
    with at("2027-03-08T10:00"):
        assert ok("run", "close", RUN, "--force", "--note", "account recovered") == (
            f"Closed {RUN} after 6 days 1 hour, 2 steps left open.\n"
        )
        shown = ok("run", "show", RUN)
        refused(1, "run", "close", RUN)
        report = without_chain(ok("report", "--period", "month", "--on", "2027-03-08"))
        document = json.loads(ok("run", "show", RUN, "--json"))
    assert shown.splitlines()[:3] == [
        f"{RUN}  Social media crisis — hacked account",
        "started 2027-03-02 09:00 by Mona",
        "closed 2027-03-08 10:00, closed after 6 days 1 hour (closed with open steps): account recovered",
    ]
    assert "done 2027-03-02 12:15 (late)" in shown
    assert "skipped 2027-03-02 12:15" in shown
    assert report.endswith(
        "Playbook runs\n"
        f"  {RUN}  Social media crisis  started 2027-03-02 09:00  closed after 6 days 1 hour · 2 steps left open  "
        "1 step late\n"
    )
    states = {step["step"]: (step["state"], step["late"]) for step in document["steps"]}
    assert states == {
        "assess": ("done", False),
        "secure-accounts": ("done", True),
        "holding-reply": ("open", False),
        "escalate": ("skip", False),
        "inbox-plan": ("open", False),
        "review": ("done", False),
    }
    assert document["closed_with_open_steps"] is True
    assert document["hours_to_close"] == 145.0


def test_a_day_off_moves_a_workday_deadline() -> None:
    with at("2027-03-01T08:00"):
        ok("off", "add", "2027-03-04", "--reason", "leave")
    _start()
    with at("2027-03-06T09:00"):
        # Wednesday, (Thursday off), Friday, Monday.
        assert "review" in ok("run", "show", RUN)
        steps = json.loads(ok("run", "show", RUN, "--json"))["steps"]
    assert steps[-1]["deadline"] == "2027-03-08T23:59:59+00:00"
    assert steps[-1]["overdue"] is False


def test_a_step_done_after_its_workday_deadline_is_late() -> None:
    _start()
    with at("2027-03-06T09:00"):  # Saturday: the review was due by Friday night
        assert ok("done", f"{RUN}/review").endswith("— late: due 2027-03-05 23:59\n")


def test_two_runs_of_one_playbook_on_one_day_get_distinct_ids() -> None:
    _start()
    with at("2027-03-02T15:00"):
        second = ok("run", "start", "crisis")
        third = ok("run", "start", "crisis")
        listed = ok("run", "list", "--open")
        today = json.loads(ok("today", "--json"))
    assert second.startswith(f"Started {RUN}-2: ")
    assert third.startswith(f"Started {RUN}-3: ")
    assert [line.split()[0] for line in listed.splitlines()[1:]] == [RUN, f"{RUN}-2", f"{RUN}-3"]
    assert [run["run"] for run in today["runs"]] == [RUN, f"{RUN}-2", f"{RUN}-3"]
    assert today["runs"][0]["steps"][0]["overdue"] is True  # assess: due at 10:00


def test_undo_a_step_and_steps_of_a_closed_run() -> None:
    _start()
    with at("2027-03-02T09:30"):
        ok("done", f"{RUN}/assess")
        assert ok("undo", f"{RUN}/assess") == (
            f"Undone: the done of {RUN}/assess (it stays in the log, marked).\n"
        )
        assert refused(1, "undo", f"{RUN}/assess").stderr.startswith(
            f"Error: Nothing to undo: {RUN}/assess is not done or skipped."
        )
        assert refused(1, "done", f"{RUN}/nope").stderr.startswith(
            f"Error: The run {RUN} has no step 'nope'."
        )
        assert refused(1, "done", "crisis-2030-01-01/assess").stderr.startswith(
            "Error: No run is called 'crisis-2030-01-01'."
        )
        assert refused(2, "done", f"{RUN}/assess", "monitor-accounts").stderr.startswith(
            "Error: Give either items or RUN/STEP steps, not both."
        )
        ok("run", "close", RUN, "--force")
        assert refused(1, "done", f"{RUN}/assess").stderr.startswith(
            f"Error: The run {RUN} was closed on 2027-03-02 09:30."
        )


def test_today_without_open_runs_has_no_runs_section() -> None:
    _start()
    with at("2027-03-02T10:00"):
        ok("run", "close", RUN, "--force")
        assert "playbook" not in ok("today").lower()
        assert "runs" not in json.loads(ok("today", "--json"))


def test_start_refuses_unknown_and_future(config_dir: Path) -> None:
    with at("2027-03-02T09:00"):
        assert refused(1, "run", "start", "flood").stderr == (
            "Error: There is no playbook 'flood'.\n"
            "Hint: Playbooks: crisis, campaign. Add your own under `playbooks:` in a checklist "
            "file.\n"
        )
        assert refused(2, "run", "start", "crisis", "--on", "2027-03-03").stderr.startswith(
            "Error: --on 2027-03-03 is in the future"
        )
        # Before the tracking start (the log began today): refused, as for items.
        assert refused(2, "run", "start", "crisis", "--on", "2027-03-01").stderr.startswith(
            "Error: --on 2027-03-01 is before csm began tracking, on 2027-03-02"
        )
        ok("history", "start", "2027-03-01")
        # An earlier day starts at its first minute.
        assert ok("run", "start", "campaign", "--on", "2027-03-01").startswith(
            "Started campaign-2027-03-01: Marketing campaign, 5 steps; first deadline "
            "2027-03-02 23:59 (brief)."
        )


def test_a_run_survives_export_and_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _start()
    with at("2027-03-02T12:00"):
        ok("done", f"{RUN}/assess")
        ok("skip", f"{RUN}/escalate")
        ok("run", "close", RUN, "--force", "--note", "done")
        ok("run", "start", "campaign", "--name", "spring sale")
        backup = tmp_path / "backup.json"
        ok("done", "monitor-accounts")  # a backup needs an event
        ok("export", "--format", "json", "-o", str(backup))
        before = [ok("run", "show", RUN), ok("run", "list", "--json")]
        monkeypatch.setenv("CSM_DATA_DIR", str(tmp_path / "new-machine"))
        imported = ok("import", str(backup))
        after = [ok("run", "show", RUN), ok("run", "list", "--json")]
        again = ok("import", str(backup))
    assert "Added 2 playbook runs, 2 step check-offs and 0 measures." in imported
    assert after == before
    assert "playbook runs" not in again  # merged by uuid: nothing twice


def test_an_import_refuses_a_run_that_differs(tmp_path: Path) -> None:
    _start()
    with at("2027-03-02T12:00"):
        ok("done", "monitor-accounts")
        backup = tmp_path / "backup.json"
        ok("export", "--format", "json", "-o", str(backup))
        document = json.loads(backup.read_text(encoding="utf-8"))
        document["runs"][0]["playbook"] = "campaign"
        backup.write_text(json.dumps(document), encoding="utf-8")
        result = refused(2, "import", str(backup))
    assert result.stderr.startswith(f"Error: {backup}, runs[0]: Run {RUN} (")
    assert "is already in the log with a different 'playbook'." in result.stderr


def _user_playbooks(config_dir: Path, text: str) -> Path:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_file_overrides_and_disables_playbooks(config_dir: Path) -> None:
    _user_playbooks(
        config_dir,
        "playbooks:\n"
        "  - id: campaign\n"
        "    enabled: false\n"
        "  - id: crisis\n"
        "    steps:\n"
        "      - {id: call-ceo, title: {en: Call the CEO, ar: الاتصال بالمدير}, within: 30 h}\n",
    )
    with at("2027-03-02T09:00"):
        assert ok("run", "start", "crisis").startswith(
            f"Started {RUN}: Social media crisis, 1 step; first deadline 2027-03-03 15:00 "
            "(call-ceo)."
        )
        assert refused(1, "run", "start", "campaign").stderr.startswith(
            "Error: The playbook campaign is switched off (enabled: false)."
        )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "playbooks:\n  - id: crisis\n    steps:\n      - {id: a, title: {en: A, ar: أ}, within: soon}\n",
            4,
            "playbook 'crisis', step 'a': `within:` 'soon' is not a duration.",
        ),
        (
            "playbooks:\n  - id: flood\n    title: {en: Flood, ar: فيضان}\n    area: nowhere\n"
            "    steps: [{id: a, title: {en: A, ar: أ}}]\n",
            4,
            "playbook 'flood': unknown area 'nowhere'.",
        ),
        (
            "playbooks:\n  - id: flood\n    title: {en: Flood, ar: فيضان}\n"
            "    area: crisis-management\n    stepz: []\n",
            5,
            "playbook #1: unknown key 'stepz'.",
        ),
        (
            "playbooks:\n  - id: crisis\n    steps:\n      - {id: a, title: {en: A, ar: أ}}\n"
            "      - {id: a, title: {en: B, ar: ب}}\n",
            5,
            "playbook 'crisis', step 'a': duplicate step id.",
        ),
    ],
)
def test_playbook_mistakes_name_file_and_line(
    config_dir: Path, text: str, line: int, message: str
) -> None:
    path = _user_playbooks(config_dir, text)
    with at("2027-03-02T09:00"):
        started = refused(2, "run", "start", "crisis")
        validated = refused(2, "checklist", "validate")
    assert started.stderr.startswith(f"Error: {path}, line {line}, {message}\nHint: ") or (
        started.stderr.startswith(f"Error: {path}, line {line}: ")
        and message.split(": ", 1)[1] in started.stderr
    ), started.stderr
    assert validated.stderr == started.stderr
    assert ok("list")  # the items still load: only playbook commands need playbooks


def _readme_yaml(section: str) -> str:
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    part = text[text.index(f"## {section}") :]
    start = part.index("```yaml\n") + 8
    return part[start : part.index("```\n", start)]


def test_the_readme_playbook_example_is_valid(config_dir: Path) -> None:
    _user_playbooks(config_dir, _readme_yaml("When something happens: playbooks"))
    assert ok("checklist", "validate").startswith("OK: ")
    with at("2027-03-02T09:00"):
        assert ok("run", "start", "outage").startswith(
            "Started outage-2027-03-02: Service outage, 3 steps; first deadline "
            "2027-03-02 10:00 (status-post)."
        )
        assert refused(1, "run", "start", "campaign").stderr.startswith(
            "Error: The playbook campaign is switched off"
        )


def test_the_readme_measures_example_is_valid(config_dir: Path) -> None:
    _user_playbooks(config_dir, _readme_yaml("Numbers for your monthly report"))
    assert ok("done", "team-meeting", "-m", "attendance=85%").splitlines()[1] == (
        "Recorded: Attendance 85%"
    )


def test_a_conflicting_run_leaves_the_entries_unimported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _start()
    with at("2027-03-02T12:00"):
        ok("done", "monitor-accounts")
        backup = tmp_path / "backup.json"
        ok("export", "--format", "json", "-o", str(backup))
        document = json.loads(backup.read_text(encoding="utf-8"))
        document["runs"][0]["uuid"] = "0" * 8 + document["runs"][0]["uuid"][8:]
        document["events"][0]["uuid"] = "1" * 8 + document["events"][0]["uuid"][8:]
        backup.write_text(json.dumps(document), encoding="utf-8")
        result = refused(2, "import", str(backup))
        events = json.loads(ok("log", "--json"))["events"]
    assert result.stderr.startswith(
        f"Error: {backup}, runs[0]: The run id {RUN} is already used here by another run."
    )
    assert len(events) == 1  # the file's other entry was not imported either


def test_a_report_as_logged_shows_a_run_as_it_stood() -> None:
    _start()
    with at("2027-03-02T12:00"):
        ok("done", f"{RUN}/assess")  # late: due at 10:00
    with at("2027-03-04T12:00"):
        ok("run", "close", RUN, "--force")
        then = without_chain(ok("report", "--as-logged", "2027-03-03T12:00"))
        now = without_chain(ok("report"))
    assert then.endswith(
        f"  {RUN}  Social media crisis  started 2027-03-02 09:00  still open  1 step late\n"
    )
    assert now.endswith(
        f"  {RUN}  Social media crisis  started 2027-03-02 09:00  closed after 2 days 3 hours · 5 steps left open  1 step late\n"
    )


def test_a_step_skipped_after_its_deadline_is_not_late() -> None:
    _start()
    with at("2027-03-02T15:00"):
        line = ok("skip", f"{RUN}/assess", "--reason", "obvious")
        steps = json.loads(ok("run", "show", RUN, "--json"))["steps"]
    assert line == f"Skipped: Assess what happened and how far it has spread ({RUN}/assess)\n"
    assert (steps[0]["state"], steps[0]["late"], steps[0]["overdue"]) == ("skip", False, False)
