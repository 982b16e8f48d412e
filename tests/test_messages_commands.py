"""What the commands say themselves, in the reader's language: with `lang: ar`
every error, hint and confirmation is Arabic (ids, dates, options, paths and
commands stay Latin); without a config, or with one csm cannot read, English.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine

from csm_checklist.messages import commands

from clihelp import Result
from clihelp import read as run


@pytest.fixture(autouse=True)
def wednesday() -> Iterator[None]:
    """Wednesday 25 November 2026, 09:00 UTC: the first day csm runs."""
    with time_machine.travel(datetime(2026, 11, 25, 9, tzinfo=timezone.utc), tick=False):
        yield


def arabic(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("lang: ar\n", encoding="utf-8")


def ok(*args: str) -> Result:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result


# The catalog ------------------------------------------------------------------


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("message_id", sorted(commands.MESSAGES))
def test_every_message_has_arabic_with_the_same_parameters(message_id: str) -> None:
    english, arabic_text = commands.MESSAGES[message_id]
    assert message_id.startswith("commands.")
    assert english.strip() and arabic_text.strip()
    assert _fields(english) == _fields(arabic_text)


# Errors ---------------------------------------------------------------------


def test_a_bad_date_is_refused_in_arabic(config_dir: Path) -> None:
    arabic(config_dir)
    result = run("today", "--on", "2026-02-30")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "خطأ: --on '2026-02-30' ليس تاريخًا (لا يوجد هذا اليوم في الشهر).\n"
        "تلميح: اكتب YYYY-MM-DD أو today أو yesterday أو tomorrow، مثلًا --on 2026-11-25.\n"
    )


def test_a_bad_date_without_a_config_stays_english() -> None:
    result = run("today", "--on", "2026-02-30")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --on '2026-02-30' is not a date (day is out of range for month).\n"
        "Hint: Use YYYY-MM-DD, today, yesterday or tomorrow, e.g. --on 2026-11-25.\n"
    )


def test_a_bad_moment_period_and_format_in_arabic(config_dir: Path) -> None:
    arabic(config_dir)
    moment = run("log", "--as-logged", "soon")
    assert (moment.exit_code, moment.stderr) == (
        2,
        "خطأ: --as-logged 'soon' ليس تاريخًا ولا لحظة.\n"
        "تلميح: اكتب YYYY-MM-DD أو YYYY-MM-DDTHH:MM، مثلًا --as-logged 2026-11-25T09:00.\n",
    )
    period = run("report", "--period", "day")
    assert (period.exit_code, period.stderr) == (
        2,
        "خطأ: --period 'day' ليست فترة تقرير.\nتلميح: اكتب week أو month أو quarter أو year.\n",
    )
    fmt = run("report", "--format", "docx")
    assert (fmt.exit_code, fmt.stderr) == (
        2,
        "خطأ: --format 'docx' ليست صيغة تقرير.\nتلميح: اكتب text أو md أو json أو html أو pdf.\n",
    )


def test_requests_that_cannot_be_met_in_arabic(config_dir: Path) -> None:
    arabic(config_dir)
    nothing_off = run("off", "remove", "2027-01-01")
    assert (nothing_off.exit_code, nothing_off.stderr) == (
        1,
        "خطأ: لا يوجد يوم إجازة في 2027-01-01؛ لم يُحذف شيء.\n"
        "تلميح: يعرض csm off list أيام الإجازة.\n",
    )
    no_playbook = run("run", "start", "flood")
    assert (no_playbook.exit_code, no_playbook.stderr) == (
        1,
        "خطأ: لا توجد خطة عمل باسم 'flood'.\n"
        "تلميح: خطط العمل: crisis, campaign. أضف خططك تحت playbooks: في ملف قائمة مهام.\n",
    )


# Confirmations --------------------------------------------------------------


def test_report_to_a_file_says_so_in_arabic(config_dir: Path, tmp_path: Path) -> None:
    arabic(config_dir)
    target = tmp_path / "report.txt"
    result = ok("report", "-o", str(target))
    assert result.stdout == ""
    assert result.stderr == f"كُتب التقرير الشهري في {target}.\n"
    weekly = ok("report", "--period", "week", "-o", str(target))
    assert weekly.stderr == f"كُتب التقرير الأسبوعي في {target}.\n"


def test_report_to_a_file_without_a_config_stays_english(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    assert ok("report", "-o", str(target)).stderr == f"Wrote the monthly report to {target}.\n"


def test_config_set_in_arabic(config_dir: Path) -> None:
    arabic(config_dir)
    config_file = config_dir / "config.yaml"
    assert ok("config", "set", "region", "SA").stdout == (
        f"region = SA  ({config_file})\n"
        f"workdays = sun-thu  ({config_file})\n"
        f"week_start = sunday  ({config_file})\n"
        "استورد عطلها الرسمية أيامَ إجازة: csm off holidays --country SA\n"
    )
    shown = ok("config", "show").stdout
    assert "timezone           (غير مضبوط: المنطقة الزمنية للنظام)\n" in shown


def test_config_set_without_a_config_stays_english(config_dir: Path) -> None:
    config_file = config_dir / "config.yaml"
    assert ok("config", "set", "region", "SA").stdout.endswith(
        f"week_start = sunday  ({config_file})\n"
        "Import its public holidays as days off: csm off holidays --country SA\n"
    )
    assert "timezone           (unset: system time zone)\n" in ok("config", "show").stdout


def test_off_add_in_arabic(config_dir: Path) -> None:
    arabic(config_dir)
    added = ok("off", "add", "2026-07-01..2026-07-14", "--reason", "إجازة سنوية")
    assert added.stdout == "أيام الإجازة المضافة: 14، 2026-07-01..2026-07-14 (إجازة سنوية).\n"
    again = ok("off", "add", "2026-07-05")
    assert again.stdout == "لم يُضف شيء: 2026-07-05 إجازة من قبل.\n"
    removed = ok("off", "remove", "2026-07-14")
    assert removed.stdout == "أيام الإجازة المحذوفة: 1، 2026-07-14.\n"


def test_off_add_without_a_config_stays_english() -> None:
    added = ok("off", "add", "2026-07-01..2026-07-14", "--reason", "Annual leave")
    assert added.stdout == "Added 14 day(s) off: 2026-07-01..2026-07-14 (Annual leave).\n"


def test_off_add_beside_a_config_csm_cannot_read_is_english(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("lang: ar\nweek_start: [\n", encoding="utf-8")
    added = ok("off", "add", "2026-07-01")
    assert added.stdout == "Added 1 day(s) off: 2026-07-01.\n"


def test_export_and_import_in_arabic(config_dir: Path, tmp_path: Path) -> None:
    arabic(config_dir)
    ok("done", "team-meeting")
    ok("done", "monitor-accounts")
    target = tmp_path / "events.csv"
    exported = ok("export", "-o", str(target))
    assert exported.stdout == f"عدد التسجيلات المصدّرة: 2، إلى {target}.\n"
    # Into a new log: the events are added, and tracking starts on their first day.
    (tmp_path / "other").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CSM_DATA_DIR", str(tmp_path / "other"))
        imported = ok("import", str(target))
    assert imported.stdout == (
        "أُضيف: 2؛ وكان موجودًا من قبل: 0.\n"
        "كان هذا السجل فارغًا: تبدأ المتابعة الآن في 2026-11-25، أقدم يوم في الملف.\n"
    )


def test_export_without_a_config_stays_english(tmp_path: Path) -> None:
    ok("done", "team-meeting")
    target = tmp_path / "events.csv"
    assert ok("export", "-o", str(target)).stdout == f"Exported 1 event to {target}.\n"


def test_history_start_in_arabic(config_dir: Path) -> None:
    arabic(config_dir)
    ok("today")
    moved = ok("history", "start", "2026-11-01").stdout
    assert re.fullmatch(
        r"تبدأ المتابعة الآن في 2026-11-01 \(كانت 2026-11-25\)\. "
        r"زاد عدد الفترات المتوقعة حتى اليوم بمقدار \d+\.\n",
        moved,
    )
    refused = run("history", "start", "2026-11-31")
    assert (refused.exit_code, refused.stderr) == (
        2,
        "خطأ: DATE '2026-11-31' ليس تاريخًا (لا يوجد هذا اليوم في الشهر).\n"
        "تلميح: اكتب YYYY-MM-DD أو today أو yesterday أو tomorrow، مثلًا DATE 2026-11-25.\n",
    )


def test_history_start_without_a_config_stays_english() -> None:
    ok("today")
    moved = ok("history", "start", "2026-11-01").stdout
    assert re.fullmatch(
        r"Tracking now starts on 2026-11-01 \(it was 2026-11-25\)\. "
        r"\d+ more periods are expected up to today\.\n",
        moved,
    )


def test_packs_and_validate_in_arabic(config_dir: Path) -> None:
    arabic(config_dir)
    on = ok("checklist", "enable", "role").stdout
    assert re.fullmatch(
        r"فُعّلت الحزمة role: تُتابع \d+ مهمة منها ابتداءً من 2026-11-25\. "
        r"اعرضها بالأمر: csm list\n",
        on,
    )
    assert ok("checklist", "enable", "role").stdout == "الحزمة role مفعّلة من قبل.\n"
    assert re.fullmatch(
        r"سليمة: المهام: \d+، المجالات: \d+، الملفات: \d+\n",
        ok("checklist", "validate").stdout,
    )
    off = ok("checklist", "disable", "role").stdout
    assert off == (
        "أُوقفت الحزمة role ابتداءً من 2026-11-25؛ ما سُجّل لمهامها يبقى في السجل "
        "وفي التقارير السابقة.\n"
    )
