"""What csm says about the team's published checklists: `csm team publish`,
and the lines that tell a member which revision they follow.

Commands, options, setting names and file names stay Latin inside the Arabic.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "publish.now_using": (
        "csm now follows the team's checklists, revision {number}, published by {name} on "
        "{at}; the checklists, days off and schedule settings on this computer are not used.",
        "يتبع csm الآن قوائم الفريق، المراجعة {number}، التي نشرها {name} في {at}؛ "
        "ولا تُستخدم القوائم وأيام الإجازة وإعدادات الجدولة التي على هذا الحاسوب.",
    ),
    "publish.newer_format": (
        "Revision {number} of the team's checklists was published by a newer csm than this one.",
        "نشر المراجعةَ {number} من قوائم الفريق إصدارٌ أحدث من csm هذا.",
    ),
    "publish.unusable": (
        "Revision {number} of the team's checklists cannot be used: {reason}.",
        "لا يمكن استخدام المراجعة {number} من قوائم الفريق: {reason}.",
    ),
    "publish.unusable_hint": (
        "Nothing was written. Ask a lead to publish the checklists again: csm team publish",
        "لم يُكتب شيء. اطلب من قائد الفريق نشر القوائم مرة أخرى: csm team publish",
    ),
    "publish.status": (
        "Checklists: revision {number}, published by {name} on {at}",
        "القوائم: المراجعة {number}، نشرها {name} في {at}",
    ),
    "publish.status_none": (
        "Checklists: none published yet (csm team publish)",
        "القوائم: لم يُنشر شيء بعد (csm team publish)",
    ),
    "publish.team_list": (
        "The team's checklists, revision {number}, published by {name} on {at}: "
        "the checklist files on this computer are not used.",
        "قوائم الفريق، المراجعة {number}، التي نشرها {name} في {at}: "
        "لا تُستخدم ملفات القوائم على هذا الحاسوب.",
    ),
    "publish.team_settings": (
        "week_start, workdays, fiscal_year_start, timezone and the days off are the team's "
        "(revision {number}, published by {name} on {at}); the others are yours.",
        "week_start وworkdays وfiscal_year_start وtimezone وأيام الإجازة للفريق "
        "(المراجعة {number}، نشرها {name} في {at})؛ والباقي إعداداتك أنت.",
    ),
    "publish.team_days_off": (
        "The team's days off, revision {number}, published by {name} on {at}: "
        "days-off.yaml on this computer is not used.",
        "أيام إجازة الفريق، المراجعة {number}، التي نشرها {name} في {at}: "
        "لا يُستخدم days-off.yaml على هذا الحاسوب.",
    ),
    "publish.local_days_off": (
        "This changed days-off.yaml on this computer; the team follows the days off a lead "
        "publishes with: csm team publish",
        "غيّر هذا ملف days-off.yaml على هذا الحاسوب؛ ويتبع الفريق أيام الإجازة التي ينشرها "
        "القائد بالأمر: csm team publish",
    ),
    "publish.none_yet": (
        "The team has not published its checklists yet: csm uses the checklists and "
        "settings on this computer until a lead runs: csm team publish",
        "لم ينشر الفريق قوائمه بعد: يستخدم csm القوائم والإعدادات على هذا الحاسوب "
        "إلى أن ينفّذ قائد الفريق: csm team publish",
    ),
    "publish.settings_offline": (
        "The team's record could not be read: these are the settings on this computer; "
        "the team's may differ.",
        "تعذّرت قراءة سجل الفريق: هذه إعدادات هذا الحاسوب؛ وقد تختلف إعدادات الفريق.",
    ),
    "publish.published": (
        "Published the team's checklists as revision {number}: {items} items in {files} "
        "files. Every member's csm follows them from now on.",
        "نُشرت قوائم الفريق بوصفها المراجعة {number}: {items} بندًا في {files} ملفات. "
        "يتبعها csm لدى كل عضو من الآن.",
    ),
    "publish.same": (
        "Nothing to publish: revision {number}, published by {name} on {at}, is already "
        "exactly these checklists and settings.",
        "لا شيء للنشر: المراجعة {number}، التي نشرها {name} في {at}، هي هذه القوائم "
        "والإعدادات نفسها.",
    ),
    "publish.moved": (
        "Revision {number} of the team's checklists was published by {name} on {at}, "
        "after revision {base} that yours are based on; nothing was published.",
        "نشر {name} المراجعة {number} من قوائم الفريق في {at}، بعد المراجعة {base} "
        "التي بُنيت عليها قوائمك؛ لم يُنشر شيء.",
    ),
    "publish.moved_hint": (
        "See what yours would change with: csm team publish --dry-run; "
        "then publish over it with: csm team publish --base {number}",
        "اعرض ما ستغيّره قوائمك بالأمر: csm team publish --dry-run؛ "
        "ثم انشرها فوقها بالأمر: csm team publish --base {number}",
    ),
    "publish.no_base": (
        "Revision {number} of the team's checklists was published by {name} on {at}, "
        "and this computer has not published any; nothing was published.",
        "نشر {name} المراجعة {number} من قوائم الفريق في {at}، ولم يُنشر شيء من "
        "هذا الحاسوب بعد؛ لم يُنشر شيء.",
    ),
    "publish.moved_writing": (
        "The team's checklists changed while this ran: revision {number}, published by "
        "{name} on {at}; nothing was recorded.",
        "تغيّرت قوائم الفريق أثناء التنفيذ: المراجعة {number}، التي نشرها {name} في {at}؛ "
        "لم يُسجَّل شيء.",
    ),
    "publish.moved_writing_hint": (
        "Run the command again: csm then follows revision {number}.",
        "نفّذ الأمر مرة أخرى: سيتبع csm حينها المراجعة {number}.",
    ),
    "publish.dry_run_head": (
        "Publishing would make revision {number} of the team's checklists:",
        "النشر سيُنشئ المراجعة {number} من قوائم الفريق:",
    ),
    "publish.dry_added": ("  added: {item}", "  مضاف: {item}"),
    "publish.dry_removed": ("  removed: {item}", "  محذوف: {item}"),
    "publish.dry_changed": ("  changed: {item}", "  معدَّل: {item}"),
    "publish.dry_setting": ("  setting {name}: {old} -> {new}", "  الإعداد {name}: {old} -> {new}"),
    "publish.dry_days_off": ("  days-off.yaml changed", "  تغيّر days-off.yaml"),
    "publish.dry_files_only": (
        "  no item, setting or day off changes: only the files' wording or comments",
        "  لا تغيير في البنود أو الإعدادات أو أيام الإجازة: في صياغة الملفات أو تعليقاتها فقط",
    ),
    "publish.dry_run_done": (
        "Nothing was published (--dry-run).",
        "لم يُنشر شيء (--dry-run).",
    ),
}
