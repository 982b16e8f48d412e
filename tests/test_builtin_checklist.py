"""The built-in checklist is the 2023 source, duty for duty.

The ids are listed here in full on purpose: docs, logs and users' override
files refer to them, so renaming one must be a visible decision.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from csm_checklist.dates.schedule import LastWorkday, OnMonthDay, OnWeekday, Recurrence
from csm_checklist.duties.catalog import Catalog, builtin_dir
from csm_checklist.duties.checklists import load_catalog

# The source lists 4 daily, 4 weekly, 4 monthly, 4 quarterly and 3 annual duties.
BUILTIN_ITEMS = 19

AREAS = [
    "support-policies",
    "customer-engagement",
    "problem-solving",
    "team-management",
    "account-monitoring",
    "feedback-management",
    "campaign-coordination",
    "crisis-management",
]

# id: (cadence, area, due rule)
ITEMS: dict[str, tuple[str, str, object]] = {
    "monitor-accounts": ("daily", "account-monitoring", None),
    "daily-engagement": ("daily", "customer-engagement", None),
    "team-supervision": ("daily", "team-management", None),
    "resolve-issues": ("daily", "problem-solving", None),
    "performance-review": ("weekly", "team-management", None),
    "feedback-analysis": ("weekly", "feedback-management", None),
    "campaign-prep": ("weekly", "campaign-coordination", OnWeekday(2)),
    "team-meeting": ("weekly", "team-management", OnWeekday(3)),
    "monthly-report": ("monthly", "team-management", LastWorkday()),
    "team-training": ("monthly", "team-management", None),
    "monthly-feedback": ("monthly", "feedback-management", None),
    "stay-informed": ("monthly", "customer-engagement", None),
    "policy-review": ("quarterly", "support-policies", None),
    "service-evaluation": ("quarterly", "team-management", None),
    "expand-support": ("quarterly", "customer-engagement", None),
    "improve-automation": ("quarterly", "customer-engagement", None),
    "annual-review": ("annual", "team-management", None),
    "annual-goals": ("annual", "team-management", OnMonthDay(11, 15)),
    "annual-budget": ("annual", "team-management", OnMonthDay(11, 30)),
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(None)


def test_the_builtin_folder_holds_one_file_per_cadence_and_the_areas() -> None:
    names = sorted(p.name for p in builtin_dir().glob("*.yaml"))
    assert names == [
        "annual.yaml",
        "areas.yaml",
        "daily.yaml",
        "monthly.yaml",
        "playbooks.yaml",
        "quarterly.yaml",
        "weekly.yaml",
    ]


def test_counts_per_cadence_follow_the_source(catalog: Catalog) -> None:
    counts = Counter(item.cadence for item in catalog.items.values())
    assert counts == {"daily": 4, "weekly": 4, "monthly": 4, "quarterly": 4, "annual": 3}
    assert len(catalog.items) == BUILTIN_ITEMS
    assert all(item.enabled for item in catalog.items.values())


def test_the_eight_general_duties_are_the_areas(catalog: Catalog) -> None:
    assert list(catalog.areas) == AREAS


def test_every_item_id_cadence_area_and_due_rule(catalog: Catalog) -> None:
    found = {
        item.id: (item.cadence, item.area, item.recurrence.due) for item in catalog.items.values()
    }
    assert found == ITEMS
    # Built-ins load shortest cadence first, so lists read daily -> annual.
    assert list(catalog.items) == list(ITEMS)


def test_ids_the_docs_rely_on_have_their_source_titles(catalog: Catalog) -> None:
    expected = {
        "monitor-accounts": "مراقبة الحسابات",
        "daily-engagement": "إشراك العملاء",
        "performance-review": "مراجعة الأداء",
        "team-meeting": "اجتماعات الفريق",
        "campaign-prep": "الاستعداد للحملات",
        "monthly-report": "تقرير الأداء",
        "policy-review": "مراجعة السياسة",
        "annual-budget": "وضع الميزانية",
    }
    assert {key: catalog.items[key].title.ar for key in expected} == expected


def test_every_item_and_area_speaks_both_languages(catalog: Catalog) -> None:
    for entry in (*catalog.areas.values(), *catalog.items.values()):
        assert entry.title.en.strip() and entry.title.ar.strip(), entry.id
        assert entry.details is not None, entry.id
        assert entry.details.en.strip() and entry.details.ar.strip(), entry.id
        # The Arabic text is Arabic, the English text is not.
        assert any("\u0600" <= ch <= "\u06ff" for ch in entry.title.ar), entry.id
        assert not any("\u0600" <= ch <= "\u06ff" for ch in entry.title.en), entry.id


def test_ids_are_unique_across_files_and_every_area_exists(catalog: Catalog) -> None:
    import yaml

    ids = []
    for path in builtin_dir().glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids += [entry["id"] for entry in data.get("items", [])]
    assert len(ids) == len(set(ids)) == BUILTIN_ITEMS
    assert {item.area for item in catalog.items.values()} <= set(catalog.areas)


def test_source_text_is_kept_word_for_word(catalog: Catalog) -> None:
    details = catalog.items["campaign-prep"].details
    assert details is not None
    assert details.ar == (
        "تابع جدول النشر على الشبكات الاجتماعية للأسبوع القادم مع مسؤولي الحملات، "
        "قم بأي إجراءات لدعم الأهداف الكبرى."
    )
    crisis = catalog.areas["crisis-management"].details
    assert crisis is not None
    assert "اختراق حساب رئيسي للشركة" in crisis.ar


def test_each_file_starts_with_a_comment_a_manager_can_follow() -> None:
    for path in builtin_dir().glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# csm built-in checklist"), path.name
    header = (builtin_dir() / "areas.yaml").read_text(encoding="utf-8").split("\nareas:")[0]
    for word in ("cadence:", "due:", "rrule:", "start:", "tags:", "enabled:", "first-workday"):
        assert word in header


def test_every_item_records_where_it_was_defined(catalog: Catalog) -> None:
    item = catalog.items["team-meeting"]
    assert item.source.name == "weekly.yaml"
    lines = item.source.read_text(encoding="utf-8").splitlines()
    assert lines[item.line - 1].strip() == "- id: team-meeting"


def test_builtin_recurrences_need_no_dateutil(catalog: Catalog) -> None:
    assert all(isinstance(i.recurrence, Recurrence) for i in catalog.items.values())
    assert not any(i.recurrence.rrule for i in catalog.items.values())


def test_loading_imports_neither_the_cli_nor_dateutil() -> None:
    code = (
        "import sys\n"
        "from csm_checklist.duties.checklists import load_catalog\n"
        "load_catalog(None)\n"
        "bad = [m for m in ('typer', 'rich', 'dateutil') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent)
