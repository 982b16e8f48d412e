"""Every word a view prints around the data, in English and Arabic.

Titles come from the checklists; these are the headings and status words.
Keeping them in one table keeps the two languages in step.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "daily": "daily",
        "weekly": "weekly",
        "monthly": "monthly",
        "quarterly": "quarterly",
        "annual": "annual",
        "rrule": "custom",
        "done": "done",
        "skipped": "skipped",
        "due": "due",
        "overdue": "overdue",
        "upcoming": "upcoming",
        "missed": "missed",
        "off": "off",
        "workday": "workday",
        "not_workday": "not a workday",
        "today_heading": "Today",
        "all_heading": "Every item in its current period",
        "missed_heading": "Missed last period",
        "progress_heading": "Progress",
        "nothing_due": "Nothing is due. Enjoy the calm.",
        "nothing_due_off": "Not a workday: nothing needs action.",
        "log_late": "log it late",
        "or_skip": "or skip it",
        "by": "by",
        "due_on": "due",
        "period": "period",
        "item": "item",
        "status": "status",
        "note": "note",
        "window": "Window",
        "open_heading": "Open items",
        "nothing_open": "Nothing is due or overdue.",
    },
    "ar": {
        "daily": "يومي",
        "weekly": "أسبوعي",
        "monthly": "شهري",
        "quarterly": "ربع سنوي",
        "annual": "سنوي",
        "rrule": "مخصص",
        "done": "تم",
        "skipped": "تم تخطيه",
        "due": "مستحق",
        "overdue": "متأخر",
        "upcoming": "قادم",
        "missed": "فائت",
        "off": "عطلة",
        "workday": "يوم عمل",
        "not_workday": "ليس يوم عمل",
        "today_heading": "اليوم",
        "all_heading": "كل المهام في فترتها الحالية",
        "missed_heading": "فاتك في الفترة الماضية",
        "progress_heading": "التقدم",
        "nothing_due": "لا شيء مستحق الآن.",
        "nothing_due_off": "ليس يوم عمل: لا شيء يحتاج إلى إجراء.",
        "log_late": "سجّلها متأخرًا",
        "or_skip": "أو تخطّها",
        "by": "بواسطة",
        "due_on": "الاستحقاق",
        "period": "الفترة",
        "item": "المهمة",
        "status": "الحالة",
        "note": "ملاحظة",
        "window": "الفترة",
        "open_heading": "المهام المفتوحة",
        "nothing_open": "لا شيء مستحق أو متأخر.",
    },
}


def label(key: str, lang: str) -> str:
    """The word for `key` in `lang`, falling back to English."""
    return LABELS.get(lang, LABELS["en"]).get(key) or LABELS["en"][key]
