"""days-off.yaml: read with file and line on every mistake, written so that it
reads back the same, and changed by add, remove and import without losses."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csm_checklist.dates.daysoff import (
    DayOff,
    DaysOffError,
    add_range,
    load_days_off,
    merge_imported,
    parse_range,
    reasons_by_date,
    remove_range,
    render,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-07-05", (D("2026-07-05"), D("2026-07-05"))),
        (" 2026-07-01..2026-07-14 ", (D("2026-07-01"), D("2026-07-14"))),
        ("2026-12-28..2027-01-03", (D("2026-12-28"), D("2027-01-03"))),
    ],
)
def test_ranges_that_read(text: str, expected: tuple[date, date]) -> None:
    assert parse_range(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "'2026-02-30' is not a date (day is out of range for month)"),
        ("2026-07-14..2026-07-01", "the range ends on 2026-07-01 before it starts on 2026-07-14"),
        ("next friday", "'next friday' is not a date"),
        ("2026-07-01..", "'' is not a date"),
        ("2026-01-01..2027-01-02", "the range is longer than a year (367 days)"),
    ],
)
def test_ranges_that_do_not_read(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_range(text)
    assert str(caught.value) == message


class Bad(NamedTuple):
    text: str
    line: int
    problem: str


BAD_FILES = {
    "not-yaml": Bad(
        "days_off:\n  - date: 2026-07-05\n   reason: [x\n", 3, "this is not valid YAML"
    ),
    "wrong-top": Bad("- date: 2026-07-05\n", 1, "the file must hold just `days_off:`"),
    "extra-top": Bad("days_off: []\nholidays: []\n", 1, "the file must hold just `days_off:`"),
    "not-a-list": Bad("days_off:\n  date: 2026-07-05\n", 2, "`days_off:` must be a list"),
    "entry-not-mapping": Bad(
        "days_off:\n  - 2026-07-05\n", 2, "each entry must be `key: value` lines"
    ),
    "unknown-key": Bad(
        "days_off:\n  - date: 2026-07-05\n    reson: leave\n", 3, "unknown key 'reson'"
    ),
    "no-date": Bad("days_off:\n  - reason: leave\n", 2, "the entry has no `date:`"),
    "bad-date": Bad(
        "days_off:\n  - date: 2026-07-05\n  - date: 2026-02-30\n",
        3,
        "'2026-02-30' is not a date (day is out of range for month)",
    ),
    "reversed": Bad(
        "days_off:\n  - date: 2026-07-14..2026-07-01\n",
        2,
        "the range ends on 2026-07-01 before it starts on 2026-07-14",
    ),
    "reason-list": Bad(
        "days_off:\n  - date: 2026-07-05\n    reason: [a, b]\n", 3, "`reason:` must be one line"
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_broken_file_names_the_file_and_line(name: str, tmp_path: Path) -> None:
    bad = BAD_FILES[name]
    path = tmp_path / "days-off.yaml"
    path.write_text(bad.text, encoding="utf-8")
    with pytest.raises(DaysOffError) as caught:
        load_days_off(path)
    assert caught.value.message.startswith(f"{path}, line {bad.line}: {bad.problem}")
    assert caught.value.exit_code == 2
    assert caught.value.hint


def test_missing_and_empty_files_have_no_days_off(tmp_path: Path) -> None:
    assert load_days_off(tmp_path / "none.yaml") == []
    (tmp_path / "empty.yaml").write_text("# nothing yet\n")
    assert load_days_off(tmp_path / "empty.yaml") == []
    (tmp_path / "null.yaml").write_text("days_off:\n")
    assert load_days_off(tmp_path / "null.yaml") == []


def test_a_file_written_by_hand_reads() -> None:
    path = Path(__file__).parent / "golden" / "days-off.yaml"
    assert load_days_off(path) == [
        DayOff(D("2026-03-19"), D("2026-03-22"), "عيد الفطر", "holidays:SA"),
        DayOff(D("2026-07-01"), D("2026-07-14"), "Annual leave"),
        DayOff(D("2026-09-23"), D("2026-09-23"), "National Day: closed", ""),
    ]


reasons = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30).map(
    str.strip
)
entries = st.builds(
    lambda start, length, reason, source: DayOff(
        start, date.fromordinal(start.toordinal() + length), reason, source
    ),
    st.dates(date(2025, 1, 1), date(2027, 12, 31)),
    st.integers(0, 20),
    reasons,
    st.sampled_from(["", "holidays:SA", "holidays:EG"]),
)


@given(st.lists(entries, max_size=8))
def test_what_is_written_reads_back_the_same(found: list[DayOff]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "days-off.yaml"
        path.write_text(render(found), encoding="utf-8")
        assert sorted(load_days_off(path)) == sorted(found)


def test_add_counts_only_new_days_and_refuses_nothing_new() -> None:
    leave = [DayOff(D("2026-07-01"), D("2026-07-14"), "Annual leave")]
    same, fresh = add_range(leave, D("2026-07-03"), D("2026-07-04"), "again")
    assert (same, fresh) == (leave, 0)
    more, fresh = add_range(leave, D("2026-07-14"), D("2026-07-16"), "extended")
    assert fresh == 2
    assert more[-1] == DayOff(D("2026-07-14"), D("2026-07-16"), "extended")


def test_remove_cuts_and_splits_entries() -> None:
    leave = [
        DayOff(D("2026-07-01"), D("2026-07-14"), "Annual leave"),
        DayOff(D("2026-09-23"), D("2026-09-23"), "National Day", "holidays:SA"),
    ]
    kept, removed = remove_range(leave, D("2026-07-05"), D("2026-07-06"))
    assert removed == [D("2026-07-05"), D("2026-07-06")]
    assert kept == [
        DayOff(D("2026-07-01"), D("2026-07-04"), "Annual leave"),
        DayOff(D("2026-07-07"), D("2026-07-14"), "Annual leave"),
        leave[1],
    ]
    assert reasons_by_date(kept).keys() == reasons_by_date(leave).keys() - set(removed)


def test_an_import_replaces_only_its_own_source_and_years() -> None:
    mine = DayOff(D("2026-03-20"), D("2026-03-20"), "My leave")
    old_2026 = DayOff(D("2026-03-19"), D("2026-03-22"), "Eid", "holidays:SA")
    old_2025 = DayOff(D("2025-03-30"), D("2025-04-02"), "Eid", "holidays:SA")
    egypt = DayOff(D("2026-03-19"), D("2026-03-22"), "Eid", "holidays:EG")
    new = [
        DayOff(D("2026-03-19"), D("2026-03-22"), "عيد الفطر", "holidays:SA"),
        DayOff(D("2026-09-23"), D("2026-09-23"), "اليوم الوطني", "holidays:SA"),
    ]
    merge = merge_imported([mine, old_2026, old_2025, egypt], "holidays:SA", [2026], new)
    assert sorted(merge.entries) == sorted([mine, old_2025, egypt, *new])
    assert merge.added == [new[1]]
    assert merge.renamed == [new[0]]
    assert merge.dropped == []
    again = merge_imported(merge.entries, "holidays:SA", [2026], new)
    assert sorted(again.entries) == sorted(merge.entries)
    assert (again.added, again.renamed, again.dropped) == ([], [], [])


def test_two_entries_on_one_day_keep_both_reasons() -> None:
    found = reasons_by_date(
        [
            DayOff(D("2026-09-23"), D("2026-09-23"), "National Day", "holidays:SA"),
            DayOff(D("2026-09-21"), D("2026-09-24"), "Leave"),
            DayOff(D("2026-09-24"), D("2026-09-24"), ""),
        ]
    )
    assert found[D("2026-09-23")] == "National Day; Leave"
    assert found[D("2026-09-24")] == "Leave"
    assert found[D("2026-09-21")] == "Leave"
