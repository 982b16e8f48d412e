"""`csm import` checks every record as `done`, `run` and `history` would:
one active entry per period, known backup versions, dates in range,
references that resolve, declared finite measures. Every problem is listed;
nothing is written when any record is refused."""

from __future__ import annotations

import copy
import json
import math
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clihelp import Result, run, track_from
from faults import Files, refused

NOW = "2027-03-31T17:00"
RUN = "crisis-2027-03-02"


@contextmanager
def at(moment: str) -> Iterator[None]:
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


@pytest.fixture(autouse=True)
def _now(config_dir: Path) -> Iterator[None]:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    with at(NOW):
        yield


@pytest.fixture
def backup() -> dict[str, Any]:
    """A json backup with events, a measure, a run and a step event."""
    track_from("2027-01-01")
    ok("done", "monthly-report", "--on", "2027-02-26", "-m", "complaints=120")
    ok("done", "monitor-accounts", "--on", "2027-03-01", "--note", "calm")
    with at("2027-03-02T09:00"):
        ok("run", "start", "crisis")
        ok("done", f"{RUN}/assess")
    document: dict[str, Any] = json.loads(ok("export", "--format", "json"))
    return document


def _write(tmp_path: Path, document: object, name: str = "backup.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _owned(tmp_path: Path) -> Files:
    return Files.of(tmp_path / "config", tmp_path / "data")


def _fresh(data_dir: Path) -> None:
    shutil.rmtree(data_dir)


def _refused_everywhere(tmp_path: Path, source: Path, *phrases: str) -> Result:
    before = _owned(tmp_path)
    dry = run("import", "--dry-run", str(source))
    refused(dry, 2, *phrases)
    real = run("import", str(source))
    refused(real, 2, *phrases)
    assert real.stderr == dry.stderr
    assert _owned(tmp_path) == before
    return real


def _event(uuid: str, **fields: object) -> dict[str, object]:
    record: dict[str, object] = {
        "uuid": uuid,
        "item_id": "monitor-accounts",
        "title": "Monitor the accounts",
        "cadence": "daily",
        "kind": "done",
        "period_start": "2027-03-01",
        "period_end": "2027-03-01",
        "for_date": "2027-03-01",
        "logged_at": "2027-03-01T10:00:00+00:00",
        "by": "Mona",
        "note": "",
        "undone_at": None,
        "host": "",
    }
    record.update(fields)
    return record


OTHER = "11111111-2222-4333-8444-555555555555"


def test_a_second_active_entry_for_a_period_is_refused(tmp_path: Path) -> None:
    track_from("2027-01-01")
    ok("done", "monitor-accounts", "--on", "2027-03-01")
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(_event(OTHER)) + "\n")
    _refused_everywhere(tmp_path, source, "one.jsonl, line 1", "already has an active entry")


def test_two_active_entries_for_one_period_in_one_file_are_refused(tmp_path: Path) -> None:
    second = OTHER.replace("5555", "6666")
    source = tmp_path / "two.jsonl"
    source.write_text(json.dumps(_event(OTHER)) + "\n" + json.dumps(_event(second)) + "\n")
    _refused_everywhere(tmp_path, source, "two.jsonl, line 2", "already has an active entry")
    assert not (tmp_path / "data" / "log.sqlite3").exists()


def test_an_undone_entry_beside_an_active_one_is_accepted(tmp_path: Path) -> None:
    track_from("2027-01-01")
    ok("done", "monitor-accounts", "--on", "2027-03-01")
    source = tmp_path / "undone.jsonl"
    undone = _event(OTHER, undone_at="2027-03-01T11:00:00+00:00")
    source.write_text(json.dumps(undone) + "\n")
    assert run("import", str(source)).exit_code == 0


@pytest.mark.parametrize("version", [999, "1", 0, True, None, 1.5])
def test_unknown_backup_versions_are_refused(
    version: object, backup: dict[str, Any], tmp_path: Path, data_dir: Path
) -> None:
    _fresh(data_dir)
    backup["csm_backup"] = version
    _refused_everywhere(tmp_path, _write(tmp_path, backup), "csm_backup is", "(it reads 1)")


@pytest.mark.parametrize(
    ("key", "field", "value", "phrase"),
    [
        ("events", "for_date", "2099-03-01", "for_date 2099-03-01 is in the future"),
        ("events", "logged_at", "9999-01-01T00:00:00+00:00", "logged_at 9999-01-01"),
        ("events", "logged_at", "1850-01-01T00:00:00+00:00", "before 1900"),
        ("events", "undone_at", "2099-01-01T00:00:00+00:00", "undone_at 2099-01-01"),
        ("starts", "start", "2099-01-01", "start 2099-01-01 is in the future"),
        ("starts", "start", "1800-01-01", "start"),
        ("starts", "recorded_at", "9999-01-01T00:00:00+00:00", "recorded_at 9999"),
        ("revisions", "effective", "2099-01-01", "effective 2099-01-01"),
        ("runs", "started_at", "9999-01-01T00:00:00+00:00", "started_at 9999"),
        ("run_steps", "logged_at", "2099-01-01T00:00:00+00:00", "logged_at 2099"),
    ],
)
def test_dates_after_now_or_before_1900_are_refused(
    key: str,
    field: str,
    value: str,
    phrase: str,
    backup: dict[str, Any],
    tmp_path: Path,
    data_dir: Path,
) -> None:
    _fresh(data_dir)
    records = backup["events" if key == "events" else key]
    records[0][field] = value
    if key == "events" and field == "for_date":
        records[0]["period_start"] = records[0]["period_end"] = value
    _refused_everywhere(tmp_path, _write(tmp_path, backup), f"backup.json, {key}[0]", phrase)


def test_a_jsonl_with_one_future_event_does_not_move_tracking(tmp_path: Path) -> None:
    source = tmp_path / "future.jsonl"
    future = _event(OTHER, for_date="2099-06-01", period_start="2099-06-01")
    future["period_end"] = "2099-06-01"
    source.write_text(json.dumps(future) + "\n")
    _refused_everywhere(tmp_path, source, "in the future")
    ok("done", "monitor-accounts")  # tracking was not moved to 2099


@pytest.mark.parametrize(
    ("key", "field", "value", "phrase"),
    [
        ("measures", "event", OTHER, f"event {OTHER}, which is neither"),
        ("measures", "measure", "happiness", "declares no measure 'happiness'"),
        ("measures", "value", math.nan, "A measure record is malformed"),
        ("measures", "value", math.inf, "A measure record is malformed"),
        ("measures", "value", "12", "A measure record is malformed"),
        ("run_steps", "run_id", "crisis-2020-01-01", "run 'crisis-2020-01-01' is neither"),
        ("run_steps", "step_id", "dance", "has no step 'dance'"),
    ],
)
def test_references_must_resolve_and_measures_be_declared_and_finite(
    key: str,
    field: str,
    value: object,
    phrase: str,
    backup: dict[str, Any],
    tmp_path: Path,
    data_dir: Path,
) -> None:
    _fresh(data_dir)
    backup[key][0][field] = value
    _refused_everywhere(tmp_path, _write(tmp_path, backup), f"backup.json, {key}[0]", phrase)


def test_a_dry_run_lists_every_problem(
    backup: dict[str, Any], tmp_path: Path, data_dir: Path
) -> None:
    _fresh(data_dir)
    backup["events"][0]["logged_at"] = "9999-01-01T00:00:00+00:00"
    backup["events"][1]["logged_at"] = "9998-01-01T00:00:00+00:00"
    backup["measures"][0]["measure"] = "happiness"
    result = _refused_everywhere(tmp_path, _write(tmp_path, backup), "events[0]")
    assert "events[1]" in result.stderr and "measures[0]" in result.stderr
    assert "2 more problem(s)" in result.stderr


# Properties -------------------------------------------------------------------

NOTES = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entries=st.lists(
        st.tuples(
            st.sampled_from(["monitor-accounts", "team-supervision", "resolve-issues"]),
            st.integers(min_value=1, max_value=28),
            NOTES,
        ),
        min_size=1,
        max_size=6,
        unique_by=lambda e: (e[0], e[1]),
    )
)
def test_any_backup_export_writes_round_trips(
    entries: list[tuple[str, int, str]], data_dir: Path, tmp_path: Path
) -> None:
    if data_dir.exists():
        shutil.rmtree(data_dir)
    track_from("2027-01-01")
    for item, day, note in entries:
        ok("done", item, "--on", f"2027-03-{day:02d}", "--note", note)
    exported = ok("export", "--format", "json")
    source = tmp_path / "backup.json"
    source.write_text(exported, encoding="utf-8")
    shutil.rmtree(data_dir)
    assert run("import", str(source)).exit_code == 0
    assert json.loads(ok("export", "--format", "json"))["events"] == json.loads(exported)["events"]


FIELDS = [
    ("events", "for_date"),
    ("events", "logged_at"),
    ("events", "undone_at"),
    ("events", "kind"),
    ("events", "item_id"),
    ("starts", "start"),
    ("revisions", "effective"),
    ("measures", "value"),
    ("measures", "measure"),
    ("measures", "event"),
    ("runs", "started_at"),
    ("run_steps", "step_id"),
    ("run_steps", "logged_at"),
]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=10),
    st.sampled_from(
        [
            "2099-01-01",
            "1800-01-01",
            "2027-03-01",
            "9999-12-31T00:00:00+00:00",
            "2027-03-01T10:00:00+00:00",
            "2027-03-01T10:00:00",
            "xyz",
            "",
        ]
    ),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(FIELDS), value=VALUES)
def test_any_mutation_of_one_field_is_accepted_consistently_or_refused_with_its_path(
    field: tuple[str, str], value: object, backup: dict[str, Any], tmp_path: Path
) -> None:
    key, name = field
    mutated = copy.deepcopy(backup)
    mutated[key][0][name] = value
    source = _write(tmp_path, mutated, "mutated.json")
    scratch = tmp_path / "scratch"
    if scratch.exists():
        shutil.rmtree(scratch)
    import os

    before = os.environ["CSM_DATA_DIR"]
    os.environ["CSM_DATA_DIR"] = str(scratch)  # each example imports into an empty log
    try:
        dry = run("import", "--dry-run", str(source))
        real = run("import", str(source))
    finally:
        os.environ["CSM_DATA_DIR"] = before
    assert dry.exit_code == real.exit_code, (dry.stderr, real.stderr)
    assert real.exit_code in (0, 2), real.stderr
    if real.exit_code == 2:
        assert real.stderr.startswith("Error: ") and "mutated.json" in real.stderr, real.stderr
        assert not (scratch / "log.sqlite3").exists()


def test_a_dry_run_lists_records_that_cannot_be_read_too(tmp_path: Path) -> None:
    lines = [
        json.dumps(_event(OTHER)),
        "{not json",
        json.dumps(_event(OTHER.replace("1111", "7777"), kind="maybe")),
        json.dumps(_event(OTHER.replace("1111", "8888"), for_date="2099-01-01")),
    ]
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n")
    result = _refused_everywhere(tmp_path, source, "mixed.jsonl, line 2")
    for line in ("line 3", "line 4"):
        assert f"mixed.jsonl, {line}" in result.stderr, result.stderr
    assert "2 more problem(s)" in result.stderr


def test_a_backup_run_whose_step_limit_no_calendar_holds_breaks_nothing(
    backup: dict[str, Any], tmp_path: Path, data_dir: Path
) -> None:
    _fresh(data_dir)
    backup["runs"][0]["steps"]["steps"][0]["within"] = "3000000d"
    assert run("import", str(_write(tmp_path, backup))).exit_code == 0
    for args in (["today"], ["report"], ["run", "list"], ["run", "show", RUN]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
    assert run("run", "close", RUN, "--force").exit_code == 0
