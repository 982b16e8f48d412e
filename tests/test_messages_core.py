"""The core's errors in the reader's language: with `lang: ar` a manager
reads every error and hint csm's core raises in Arabic, and every message id
the core modules name is in the catalog with both languages."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from csm_checklist.messages import Msg, core, entry, errors

from clihelp import read as run

CORE = Path(__file__).parents[1] / "src" / "csm_checklist"
# The modules whose sentences live in `messages/errors.py` and `messages/core.py`.
NOT_CORE = {"cli/app.py", "duties/wording.py", "dates/hijri.py"}
# The layers below the command line, and the command line's own plumbing
# (commands and views are checked by their own tests).
CORE_FOLDERS = (".", "dates", "duties", "store", "rules", "exchange", "cli")


@pytest.fixture(autouse=True)
def arabic(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("lang: ar\n", encoding="utf-8")


def test_a_future_day_is_refused_in_arabic() -> None:
    result = run("done", "monitor-accounts", "--on", "2150-01-01")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "خطأ: التاريخ --on 2150-01-01 في المستقبل؛ يسجّل csm العمل الذي أُنجز فقط."
    )
    assert result.stderr.splitlines()[1].startswith("تلميح: استخدم تاريخ اليوم (")


def test_an_unknown_item_is_said_in_arabic_with_the_guess() -> None:
    result = run("done", "monitr-accounts")
    assert result.exit_code == 1
    assert result.stderr == (
        "خطأ: لا توجد مهمة تطابق 'monitr-accounts'.\n"
        "تلميح: هل تقصد monitor-accounts؟ اعرض كل المهام بالأمر csm list.\n"
    )


def test_a_cadence_name_for_an_item_is_said_in_arabic() -> None:
    result = run("done", "daily")
    assert result.exit_code == 1
    assert result.stderr == (
        "خطأ: 'daily' يطابق مهمة واحدة: daily-engagement، وهو أيضًا اسم تكرار؛ "
        "لا يخمّن csm أيهما تقصد.\n"
        "تلميح: اكتب معرّف المهمة (انظر csm list)، أو سجّل كل مهام التكرار daily "
        "دفعة واحدة بالخيار --cadence daily، مثل csm done --cadence daily.\n"
    )


def test_a_checklist_file_error_names_file_line_and_item_in_arabic(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir()
    path = folder / "mine.yaml"
    path.write_text(
        "items:\n"
        "  - id: my-item\n"
        "    title: {en: Mine, ar: لي}\n"
        "    area: team-management\n"
        "    cadence: weekly\n"
        "    tgas: [team]\n",
        encoding="utf-8",
    )
    result = run("list")
    assert result.exit_code == 2
    assert result.stderr == (
        f"خطأ: {path}، السطر 6، المهمة 'my-item': مفتاح غير معروف 'tgas'.\n"
        "تلميح: هل تقصد 'tags'؟ المفاتيح: id, title, details, area, cadence, due, "
        "rrule, start, since, tags, enabled, measures, assign, rotate.\n"
    )


def test_a_bad_due_rule_is_explained_in_arabic(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir()
    path = folder / "mine.yaml"
    path.write_text(
        "items:\n"
        "  - id: my-item\n"
        "    title: {en: Mine, ar: لي}\n"
        "    area: team-management\n"
        "    cadence: monthly\n"
        "    due: 40\n",
        encoding="utf-8",
    )
    result = run("list")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"خطأ: {path}، السطر 6، المهمة 'my-item': اليوم 40 غير موجود؛ يوم الاستحقاق في "
        "المهمة الشهرية من 1 إلى 31، أو من -1 إلى -31 عدًّا من نهاية الشهر."
    )


def test_an_import_file_that_is_not_an_export_is_refused_in_arabic(tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("a,b\n1,2\n", encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"خطأ: {source}، السطر 1: سطر العناوين ليس سطر ملف مُصدَّر من csm."
    )
    assert result.stderr.splitlines()[1].startswith("تلميح: يجب أن يكون السطر الأول: uuid,")


def test_a_missing_import_file_is_said_in_arabic(tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "missing.csv"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"خطأ: {tmp_path / 'missing.csv'} غير موجود.\n"
        "تلميح: تحقّق من المسار؛ الأمر `csm export -o FILE` يكتب ملفًا كهذا.\n"
    )


def test_an_output_folder_that_does_not_exist_is_said_in_arabic(tmp_path: Path) -> None:
    target = tmp_path / "nope" / "x.csv"
    result = run("export", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"خطأ: مجلد -o {target} غير موجود: {target.parent}.\n"
        "تلميح: أنشئ المجلد أولًا؛ لا ينشئ csm مجلدات لـ -o.\n"
    )


def test_a_bad_setting_value_is_said_in_arabic() -> None:
    result = run("config", "set", "week_start", "someday")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "خطأ: تعذّر ضبط week_start: 'someday' ليس يومًا من أيام الأسبوع؛ "
        "استخدم واحدًا من mon, tue, wed, thu, fri, sat, sun."
    )


def test_a_config_file_csm_cannot_read_keeps_the_errors_english(config_dir: Path) -> None:
    (config_dir / "config.yaml").write_text("lang: ar\nlang: en\n", encoding="utf-8")
    result = run("list")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: The config file {config_dir / 'config.yaml'}, line 2: "
        "the setting 'lang' appears twice (first on line 1)."
    )


def test_the_english_of_a_nested_message_is_unchanged() -> None:
    where = Msg("errors.at_line_who", source="a.yaml", line=3, who=Msg("errors.who_item", id="x"))
    message = Msg("errors.at", where=where, problem=Msg("errors.unknown_key", key="k"))
    assert message == "a.yaml, line 3, item 'x': unknown key 'k'."
    assert message.text("ar") == "a.yaml، السطر 3، المهمة 'x': مفتاح غير معروف 'k'."


# Every id the core names is in the catalog --------------------------------------

_LITERAL_ID = re.compile(r"""["']((?:errors|core)\.[a-z0-9_]+)["']""")
_FORMED_ID = re.compile(r"""f["']((?:errors|core)\.[a-z0-9_]*\{[^"']*)["']""")
# The ids the core forms from a kind or a key, with every value they take.
FORMED = {
    "errors.who_{kind}": ["errors.who_area", "errors.who_item"],
    "errors.duplicate_id_in_file_hint_{kind}": [
        "errors.duplicate_id_in_file_hint_area",
        "errors.duplicate_id_in_file_hint_item",
    ],
    "errors.position_{kind}": ["errors.position_area", "errors.position_item"],
    "errors.entry_not_mapping_{kind}": [
        "errors.entry_not_mapping_area",
        "errors.entry_not_mapping_item",
    ],
    "errors.entry_not_mapping_hint_{kind}": [
        "errors.entry_not_mapping_hint_area",
        "errors.entry_not_mapping_hint_item",
    ],
    "errors.no_id_hint_{kind}": ["errors.no_id_hint_area", "errors.no_id_hint_item"],
    "errors.key_not_date_hint_{key}": [
        "errors.key_not_date_hint_start",
        "errors.key_not_date_hint_since",
    ],
    "errors.id_used_in_hint_{entry.kind}": [
        "errors.id_used_in_hint_area",
        "errors.id_used_in_hint_item",
    ],
    "errors.text_empty_{key}": ["errors.text_empty_title", "errors.text_empty_details"],
    "errors.new_needs_key_{entry.kind}": [
        "errors.new_needs_key_area",
        "errors.new_needs_key_item",
    ],
    "errors.due_forms_{cadence}": [
        "errors.due_forms_weekly",
        "errors.due_forms_monthly",
        "errors.due_forms_quarterly",
        "errors.due_forms_annual",
    ],
    "errors.not_a_{kind}": ["errors.not_a_cadence", "errors.not_a_period"],
    "errors.run_open_steps{many}": ["errors.run_open_steps", "errors.run_open_steps_many"],
    "errors.run_open_steps{many}_hint": [
        "errors.run_open_steps_hint",
        "errors.run_open_steps_many_hint",
    ],
}


def _core_sources() -> list[Path]:
    return sorted(
        path
        for folder in CORE_FOLDERS
        for path in (CORE / folder).glob("*.py")
        if path.relative_to(CORE).as_posix() not in NOT_CORE
    )


def _named_ids() -> list[tuple[str, str]]:
    found = []
    for path in _core_sources():
        text = path.read_text(encoding="utf-8")
        found += [(path.name, name) for name in _LITERAL_ID.findall(text)]
        for formed in _FORMED_ID.findall(text):
            assert formed in FORMED, f"{path.name} forms {formed}: list its values in FORMED"
            found += [(path.name, name) for name in FORMED[formed]]
    return found


@pytest.mark.parametrize(("module", "message_id"), _named_ids())
def test_every_id_the_core_names_is_in_the_catalog(module: str, message_id: str) -> None:
    english, arabic = entry(message_id)
    assert english and arabic, f"{module}: {message_id} lacks a language"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize(
    "message_id", sorted([*errors.MESSAGES, *core.MESSAGES]), ids=lambda name: name
)
def test_both_languages_take_the_same_parameters(message_id: str) -> None:
    english, arabic = entry(message_id)
    assert arabic, f"{message_id} has no Arabic"
    assert _fields(english) == _fields(arabic)
    assert message_id.split(".")[0] in ("errors", "core")
