"""What the commands say themselves: the dates and options they refuse, and
the confirmations of what they wrote. (What a view prints lives with views.)

Options, values typed at the prompt (today, week, csv), dates, paths and
commands stay Latin inside the Arabic.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # A reason a core function gave, as one sentence.
    "commands.reason": ("{reason}.", "{reason}."),
    # Dates and moments typed by users (commands/common.py).
    "commands.since_after_until": (
        "--since {first} is after --until {last}.",
        "--since {first} يأتي بعد --until {last}.",
    ),
    "commands.since_after_until_hint": (
        "Give the earlier day to --since.",
        "أعطِ اليوم الأقدم للخيار --since.",
    ),
    "commands.not_a_date": ("{option} {text!r} is not a date.", "{option} {text!r} ليس تاريخًا."),
    "commands.not_a_date_because": (
        "{option} {text!r} is not a date ({reason}).",
        "{option} {text!r} ليس تاريخًا ({reason}).",
    ),
    # Python's reasons for a well-formed date that does not exist.
    "commands.date_reason_day": ("day is out of range for month", "لا يوجد هذا اليوم في الشهر"),
    "commands.date_reason_month": ("month must be in 1..12", "الشهر من 1 إلى 12"),
    "commands.date_reason_year": ("year 0 is out of range", "لا توجد السنة 0"),
    "commands.date_forms": (
        "Use YYYY-MM-DD, today, yesterday or tomorrow, e.g. {option} {today}.",
        "اكتب YYYY-MM-DD أو today أو yesterday أو tomorrow، مثلًا {option} {today}.",
    ),
    "commands.date_forms_past": (
        "Use YYYY-MM-DD, today or yesterday, e.g. {option} {today}.",
        "اكتب YYYY-MM-DD أو today أو yesterday، مثلًا {option} {today}.",
    ),
    "commands.date_outside": (
        "{option} {text!r} is outside the days csm works with, {first} to {last}.",
        "{option} {text!r} خارج الأيام التي يعمل بها csm، من {first} إلى {last}.",
    ),
    "commands.date_in_range": (
        "Give a day in that range, e.g. {option} {today}.",
        "أعطِ يومًا في هذا النطاق، مثلًا {option} {today}.",
    ),
    "commands.moment_out_of_range": (
        "{option} {text!r} is outside the days csm keeps.",
        "{option} {text!r} خارج الأيام التي يحفظها csm.",
    ),
    "commands.moment_range_hint": (
        "Give a day between {first} and {last}.",
        "اذكر يومًا بين {first} و{last}.",
    ),
    "commands.off.bad_list_year": (
        "--year {year} is not a year csm keeps days off for (1900 to 2199).",
        "--year {year} ليست سنة يحفظ csm لها أيام إجازة (من 1900 إلى 2199).",
    ),
    "commands.clock_out_of_range": (
        "The system clock says {day}, outside the days csm keeps.",
        "ساعة النظام تشير إلى {day}، وهذا خارج الأيام التي يحفظها csm.",
    ),
    "commands.clock_out_of_range_hint": (
        "Set the clock right; csm keeps days from {first} to {last}.",
        "اضبط الساعة؛ يحفظ csm الأيام من {first} إلى {last}.",
    ),
    "commands.limit_out_of_range": (
        "--limit {limit} is out of range.",
        "--limit {limit} خارج النطاق المسموح.",
    ),
    "commands.limit_hint": (
        "Give at most {most}, or --all to show every event.",
        "اذكر {most} على الأكثر، أو --all لعرض كل التسجيلات.",
    ),
    "commands.not_a_moment": (
        "{option} {text!r} is not a date or a moment.",
        "{option} {text!r} ليس تاريخًا ولا لحظة.",
    ),
    "commands.moment_forms": (
        "Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. {option} {example}.",
        "اكتب YYYY-MM-DD أو YYYY-MM-DDTHH:MM، مثلًا {option} {example}.",
    ),
    "commands.cadence_forms": (
        "Use daily, weekly, monthly, quarterly, annual or rrule "
        "(or day, week, month, quarter, year).",
        "اكتب daily أو weekly أو monthly أو quarterly أو annual أو rrule "
        "(أو day أو week أو month أو quarter أو year).",
    ),
    "commands.period_forms": (
        "Use day, week, month, quarter or year.",
        "اكتب day أو week أو month أو quarter أو year.",
    ),
    # csm report
    "commands.report.bad_period": (
        "--period {period!r} is not a report period.",
        "--period {period!r} ليست فترة تقرير.",
    ),
    "commands.report.period_forms": (
        "Use week, month, quarter or year.",
        "اكتب week أو month أو quarter أو year.",
    ),
    "commands.report.bad_format": (
        "--format {fmt!r} is not a report format.",
        "--format {fmt!r} ليست صيغة تقرير.",
    ),
    "commands.report.format_forms": (
        "Use text, md, json, html or pdf.",
        "اكتب text أو md أو json أو html أو pdf.",
    ),
    "commands.report.wrote_weekly": (
        "Wrote the weekly report to {path}.",
        "كُتب التقرير الأسبوعي في {path}.",
    ),
    "commands.report.wrote_monthly": (
        "Wrote the monthly report to {path}.",
        "كُتب التقرير الشهري في {path}.",
    ),
    "commands.report.wrote_quarterly": (
        "Wrote the quarterly report to {path}.",
        "كُتب التقرير ربع السنوي في {path}.",
    ),
    "commands.report.wrote_annual": (
        "Wrote the annual report to {path}.",
        "كُتب التقرير السنوي في {path}.",
    ),
    # csm export
    "commands.export.wrote_one": (
        "Exported {count} event to {path}.",
        "عدد التسجيلات المصدّرة: {count}، إلى {path}.",
    ),
    "commands.export.wrote": (
        "Exported {count} events to {path}.",
        "عدد التسجيلات المصدّرة: {count}، إلى {path}.",
    ),
    # csm off, csm calendar
    "commands.off.range_hint": (
        "Write one date or a range, e.g. 2026-07-01 or 2026-07-01..2026-07-14.",
        "اكتب تاريخًا واحدًا أو نطاقًا، مثلًا 2026-07-01 أو 2026-07-01..2026-07-14.",
    ),
    "commands.off.reason_one_line": (
        "--reason must be one line.",
        "يجب أن يكون --reason سطرًا واحدًا.",
    ),
    "commands.off.reason_example": (
        'E.g. --reason "Annual leave".',
        'مثلًا --reason "إجازة سنوية".',
    ),
    "commands.off.added": (
        "Added {count} day(s) off: {dates}{reason}.",
        "أيام الإجازة المضافة: {count}، {dates}{reason}.",
    ),
    "commands.off.already": (
        "Nothing added: {dates} is already off.",
        "لم يُضف شيء: {dates} إجازة من قبل.",
    ),
    "commands.off.removed": (
        "Removed {count} day(s) off: {days}.",
        "أيام الإجازة المحذوفة: {count}، {days}.",
    ),
    "commands.off.none_removed": (
        "No day off in {dates}; nothing removed.",
        "لا يوجد يوم إجازة في {dates}؛ لم يُحذف شيء.",
    ),
    "commands.off.list_hint": (
        "`csm off list` shows the days off.",
        "يعرض csm off list أيام الإجازة.",
    ),
    "commands.off.none_listed": (
        "No days off. Add some with `csm off add DATE --reason TEXT` "
        "or `csm off holidays --country CC`.",
        "لا توجد أيام إجازة. أضفها بالأمر csm off add DATE --reason TEXT "
        "أو csm off holidays --country CC.",
    ),
    "commands.off.none_listed_in": (
        "No days off in {year}. Add some with `csm off add DATE --reason TEXT` "
        "or `csm off holidays --country CC`.",
        "لا توجد أيام إجازة في {year}. أضفها بالأمر csm off add DATE --reason TEXT "
        "أو csm off holidays --country CC.",
    ),
    "commands.off.no_country": (
        "Which country? Give --country, e.g. --country SA.",
        "أي دولة؟ أعطِ --country، مثلًا --country SA.",
    ),
    "commands.off.no_country_hint": (
        "Or set it once: csm config set region SA.",
        "أو اضبطها مرة واحدة: csm config set region SA.",
    ),
    "commands.off.bad_year": ("--year {year} is out of range.", "--year {year} خارج النطاق."),
    "commands.off.year_example": ("Give a year such as 2026.", "أعطِ سنة مثل 2026."),
    "commands.off.import_plan": (
        "{country} {years}: {total} holiday(s); {added} new, {renamed} renamed, "
        "{dropped} no longer listed.",
        "{country} {years}: العطل الرسمية: {total}؛ الجديدة: {added}، المعاد تسميتها: "
        "{renamed}، التي لم تعد مدرجة: {dropped}.",
    ),
    "commands.off.rename_hint": (
        "the public holidays are named in Arabic; to name them in English, run: {command}",
        "أسماء العطلات الرسمية بالإنجليزية؛ لتسميتها بالعربية شغّل: {command}",
    ),
    "commands.off.dry_run": ("Dry run: nothing written.", "تجربة فقط: لم يُكتب شيء."),
    "commands.off.written": ("Saved to {path}.", "حُفظ في {path}."),
    "commands.off.wrote_calendar": (
        "Wrote {count} due date(s) from {first} to {last} to {path}.",
        "مواعيد الاستحقاق المكتوبة: {count}، من {first} إلى {last}، في {path}.",
    ),
    # csm list, csm checklist
    "commands.checklist.bad_group": (
        "--group {group!r} is not a grouping.",
        "--group {group!r} ليس طريقة تجميع.",
    ),
    "commands.checklist.group_forms": ("Use area or cadence.", "اكتب area أو cadence."),
    "commands.checklist.ok_one_file": (
        "OK: {items} items{disabled} in {areas} areas from {files} file",
        "سليمة: المهام: {items}{disabled}، المجالات: {areas}، الملفات: {files}",
    ),
    "commands.checklist.ok_files": (
        "OK: {items} items{disabled} in {areas} areas from {files} files",
        "سليمة: المهام: {items}{disabled}، المجالات: {areas}، الملفات: {files}",
    ),
    "commands.checklist.ok_disabled": (" ({count} disabled)", " (المعطلة: {count})"),
    "commands.checklist.ok_path": ("OK: {path}", "سليم: {path}"),
    "commands.checklist.problems_one_file": (
        "{count} problems found in {files} file.",
        "المشكلات: {count}، في الملفات: {files}.",
    ),
    "commands.checklist.problems_files": (
        "{count} problems found in {files} files.",
        "المشكلات: {count}، في الملفات: {files}.",
    ),
    "commands.checklist.problems_hint": (
        "Fix each one above, then run csm checklist validate again.",
        "أصلح كل واحدة منها أعلاه، ثم شغّل csm checklist validate مرة أخرى.",
    ),
    "commands.checklist.wrote_files": (
        "Wrote {count} files to {target}:",
        "الملفات المكتوبة في {target}: {count}",
    ),
    "commands.checklist.edit_them": (
        "Edit them, then check your changes with: csm checklist validate",
        "عدّلها، ثم تحقق من تغييراتك بالأمر: csm checklist validate",
    ),
    "commands.checklist.pack_already_on": (
        "The {name} pack is already on.",
        "الحزمة {name} مفعّلة من قبل.",
    ),
    "commands.checklist.pack_already_off": (
        "The {name} pack is already off.",
        "الحزمة {name} موقفة من قبل.",
    ),
    "commands.checklist.pack_on": (
        "The {name} pack is on: {count} items are tracked from {day}. See them with: csm list",
        "فُعّلت الحزمة {name}: تُتابع {count} مهمة منها ابتداءً من {day}. اعرضها بالأمر: csm list",
    ),
    "commands.checklist.pack_off": (
        "The {name} pack is off from {day}; what was logged for its items stays in the "
        "log and in past reports.",
        "أُوقفت الحزمة {name} ابتداءً من {day}؛ ما سُجّل لمهامها يبقى في السجل وفي التقارير السابقة.",
    ),
    # csm config
    "commands.config.unset": ("(unset: {value})", "(غير مضبوط: {value})"),
    "commands.config.system_time_zone": ("system time zone", "المنطقة الزمنية للنظام"),
    "commands.config.no_region": ("none", "لا شيء"),
    "commands.config.import_holidays": (
        "Import its public holidays as days off: csm off holidays --country {code}",
        "استورد عطلها الرسمية أيامَ إجازة: csm off holidays --country {code}",
    ),
    # csm undo
    "commands.undo.nothing": (
        "Nothing to undo{scope}: no active done or skip.",
        "لا شيء لإلغائه{scope}: لا يوجد إنجاز أو تخطٍّ قائم.",
    ),
    "commands.undo.log_hint": ("`csm log` lists what was logged.", "يعرض csm log ما سُجّل."),
    # csm run, and RUN/STEP in done, skip and undo
    "commands.run.no_playbook": (
        "There is no playbook {playbook!r}.",
        "لا توجد خطة عمل باسم {playbook!r}.",
    ),
    "commands.run.playbooks_hint": (
        "Playbooks: {known}. Add your own under `playbooks:` in a checklist file.",
        "خطط العمل: {known}. أضف خططك تحت playbooks: في ملف قائمة مهام.",
    ),
    "commands.run.no_playbooks": ("none", "لا شيء"),
    "commands.run.playbook_matches": (
        "{playbook!r} matches {count} playbooks: {names}.",
        "{playbook!r} يطابق {count} من خطط العمل: {names}.",
    ),
    "commands.run.playbook_matches_hint": (
        "Give more of the id or title, e.g. csm run start {example}",
        "أعطِ جزءًا أطول من المعرّف أو العنوان، مثل: csm run start {example}",
    ),
    "commands.run.did_you_mean": (
        "Did you mean: {names}?",
        "هل تقصد: {names}؟",
    ),
    "commands.run.not_a_time": (
        "--at {text!r} is not a time.",
        "القيمة --at {text!r} ليست وقتًا.",
    ),
    "commands.run.time_forms": (
        "Give the hour it began as HH:MM (e.g. 14:30), or a full local time "
        "YYYY-MM-DD HH:MM (e.g. 2026-04-07 14:30).",
        "اكتب ساعة البدء بالصيغة HH:MM (مثل 14:30)، أو وقتًا محليًا كاملًا "
        "YYYY-MM-DD HH:MM (مثل 2026-04-07 14:30).",
    ),
    "commands.run.at_and_on": (
        "--at {at} names one day and --on {on} another.",
        "الخيار --at {at} يحدّد يومًا والخيار --on {on} يحدّد يومًا آخر.",
    ),
    "commands.run.at_and_on_hint": (
        "Give the day once: in --at, or in --on with --at HH:MM.",
        "اذكر اليوم مرة واحدة: في --at، أو في --on مع --at HH:MM.",
    ),
    "commands.run.items_or_steps": (
        "Give either items or RUN/STEP steps, not both.",
        "أعطِ مهام أو خطوات RUN/STEP، لا الاثنين معًا.",
    ),
    "commands.run.two_commands": (
        "Log the items and the steps with two commands.",
        "سجّل المهام والخطوات بأمرين منفصلين.",
    ),
    "commands.run.step_now": (
        "{option} is for items; a step is checked off at the moment you run the command.",
        "{option} للمهام فقط؛ الخطوة تُسجّل في لحظة تشغيل الأمر.",
    ),
    "commands.run.nothing_to_undo": (
        "Nothing to undo: {run}/{step} is not done or skipped.",
        "لا شيء لإلغائه: {run}/{step} لم تُنجز ولم تُتخطَّ.",
    ),
    "commands.run.show_hint": (
        "`csm run show {run}` shows its steps.",
        "يعرض csm run show {run} خطواتها.",
    ),
    "commands.run.undone_done": (
        "Undone: the done of {run}/{step} (it stays in the log, marked).",
        "أُلغي: إنجاز {run}/{step} (يبقى في السجل، مُعلَّمًا).",
    ),
    "commands.run.undone_skip": (
        "Undone: the skip of {run}/{step} (it stays in the log, marked).",
        "أُلغي: تخطي {run}/{step} (يبقى في السجل، مُعلَّمًا).",
    ),
}
