"""What `--help` says: the help of every command and option, the summaries of
`csm --help`, and what each setting means.

The English is exactly the text typer shows (a docstring's indentation already
removed), because `--help` finds the Arabic by it: click hands the formatter
plain text, not the message. So these templates take no parameters, and two
options that say the same thing share one entry.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # The app itself, and the options typer and click add to every command.
    "help.csm": (
        "The customer service manager's checklist: what is due today, what was done, "
        "and reports for any period.\n\nRun `csm` alone for today's agenda.",
        "قائمة مهام مدير خدمة العملاء: ما المستحق اليوم، وما أُنجز، "
        "وتقارير عن أي فترة.\n\nشغّل csm وحده لترى مهام اليوم.",
    ),
    "help.version": ("Show csm's version and exit.", "اعرض إصدار csm ثم اخرج."),
    "help.help": ("Show this message and exit.", "اعرض هذه المساعدة ثم اخرج."),
    "help.install_completion": (
        "Install completion for the current shell.",
        "ثبّت الإكمال التلقائي في الصدفة الحالية.",
    ),
    "help.show_completion": (
        "Show completion for the current shell, to copy it or customize the installation.",
        "اعرض نص الإكمال التلقائي للصدفة الحالية، لنسخه أو لتعديل طريقة تثبيته.",
    ),
    # One sentence per command in `csm --help`.
    "help.summary.today": (
        "What needs doing today, what was missed, and progress.",
        "ما يجب عمله اليوم، وما فات، والتقدم.",
    ),
    "help.summary.due": (
        "What is due or overdue, or a whole week, month or quarter.",
        "ما هو مستحق أو متأخر، أو أسبوع أو شهر أو ربع كامل.",
    ),
    "help.summary.done": (
        "Log items as done, for today or another day.",
        "سجّل مهام على أنها تمت، لليوم أو ليوم آخر.",
    ),
    "help.summary.skip": (
        "Log items as skipped, with the reason.",
        "سجّل مهام على أنها تم تخطيها، مع السبب.",
    ),
    "help.summary.undo": (
        "Mark the latest entry undone; nothing is deleted.",
        "ألغِ آخر تسجيل؛ لا يُحذف شيء.",
    ),
    "help.summary.log": (
        "The entries logged, newest day first.",
        "التسجيلات في السجل، الأحدث يومًا أولًا.",
    ),
    "help.summary.note": (
        "Correct the note of an entry already logged.",
        "صحّح ملاحظة تسجيل موجود في السجل.",
    ),
    "help.summary.export": (
        "Write the log as csv, json, jsonl or Markdown.",
        "اكتب السجل بصيغة csv أو json أو jsonl أو Markdown.",
    ),
    "help.summary.import": (
        "Read entries back from a csv, json or jsonl export.",
        "أعد قراءة التسجيلات من ملف تصدير csv أو json أو jsonl.",
    ),
    "help.summary.report": (
        "How the duties went over a week, month, quarter or year.",
        "كيف سارت المهام خلال أسبوع أو شهر أو ربع أو سنة.",
    ),
    "help.summary.list": (
        "The checklist: every item, its cadence and due rule.",
        "قائمة المهام: كل مهمة وتكرارها وقاعدة استحقاقها.",
    ),
    "help.summary.show": (
        "One item: its rule, tracking, status and entries.",
        "مهمة واحدة: قاعدتها ومتابعتها وحالتها وتسجيلاتها.",
    ),
    "help.summary.calendar": (
        "Due dates as an iCalendar file for Outlook or Google.",
        "مواعيد الاستحقاق في ملف iCalendar لـ Outlook أو Google.",
    ),
    "help.summary.checklist": (
        "Check the checklist files, or copy them to edit.",
        "افحص ملفات قوائم المهام، أو انسخها لتعديلها.",
    ),
    "help.summary.config": (
        "Show and change settings; where csm keeps its files.",
        "اعرض الإعدادات وغيّرها؛ وأين يحفظ csm ملفاته.",
    ),
    "help.summary.history": (
        "When tracking began, and every change to the rules.",
        "متى بدأت المتابعة، وكل تغيير في القواعد.",
    ),
    "help.summary.team": (
        "The team's shared record on a PostgreSQL server.",
        "سجل الفريق المشترك على خادم PostgreSQL.",
    ),
    "help.team": (
        "The team's shared record on a PostgreSQL server: set it up, add members, "
        "see who you are on it.",
        "سجل الفريق المشترك على خادم PostgreSQL: أعدّه، وأضف الأعضاء، واعرف من أنت عليه.",
    ),
    "help.team.init": (
        "Create the roles, tables and the server's rules (an administrator, once).\n\n"
        "Example: csm team init --dry-run",
        "أنشئ الأدوار والجداول وقواعد الخادم (يفعلها المسؤول مرة واحدة).\n\n"
        "مثال: csm team init --dry-run",
    ),
    "help.team.init.dry_run": (
        "Print the SQL instead of running it.",
        "اطبع أوامر SQL بدل تنفيذها.",
    ),
    "help.team.upgrade": (
        "Apply the migrations the server lacks, each once (an administrator).\n\n"
        "Example: csm team upgrade",
        "طبّق الترحيلات التي تنقص الخادم، كل منها مرة واحدة (يفعلها المسؤول).\n\n"
        "مثال: csm team upgrade",
    ),
    "help.team.add": (
        "Make a login a member of the team; --lead lets them undo anyone's entry "
        "with a reason.\n\n"
        'Example: csm team add mona --name "Mona" --lead',
        "اجعل حساب دخول عضوًا في الفريق؛ ومع --lead يستطيع التراجع عن تسجيل أي عضو "
        "مع ذكر السبب.\n\n"
        'مثال: csm team add mona --name "Mona" --lead',
    ),
    "help.team.add.login": (
        "The member's database login.",
        "حساب الدخول إلى قاعدة البيانات للعضو.",
    ),
    "help.team.add.name": (
        "The member's name, as reports show it.",
        "اسم العضو كما تعرضه التقارير.",
    ),
    "help.team.add.lead": ("Make them a lead.", "اجعله قائدًا للفريق."),
    "help.team.list": (
        "List the team's members.\n\nExample: csm team list",
        "اعرض أعضاء الفريق.\n\nمثال: csm team list",
    ),
    "help.team.status": (
        "Show the server, the record's version and who you are on it.\n\nExample: csm team status",
        "اعرض الخادم وإصدار السجل ومن أنت عليه.\n\nمثال: csm team status",
    ),
    "help.team.join": (
        "Add your personal log's history to the team's record; running it again "
        "adds nothing.\n\nExample: csm team join",
        "أضف تاريخ سجلك الشخصي إلى سجل الفريق؛ وتشغيله مرة أخرى لا يضيف شيئًا.\n\n"
        "مثال: csm team join",
    ),
    "help.team.join.from": (
        "The personal log to add (default: this computer's).",
        "السجل الشخصي المراد إضافته (الافتراضي: سجل هذا الحاسوب).",
    ),
    "help.team.publish": (
        "Publish this computer's checklists, days off and schedule settings as the "
        "team's next revision (a lead); every member's csm then follows them.\n\n"
        "Example: csm team publish --dry-run",
        "انشر القوائم وأيام الإجازة وإعدادات الجدولة التي على هذا الحاسوب بوصفها "
        "المراجعة التالية للفريق (يفعلها القائد)؛ ثم يتبعها csm لدى كل عضو.\n\n"
        "مثال: csm team publish --dry-run",
    ),
    "help.team.publish.dry_run": (
        "Show what would change, and publish nothing.",
        "اعرض ما سيتغير دون نشر شيء.",
    ),
    "help.team.publish.base": (
        "The revision yours are based on (default: the one this computer last published).",
        "المراجعة التي بُنيت عليها قوائمك (الافتراضي: آخر ما نشره هذا الحاسوب).",
    ),
    "help.summary.off": (
        "Days off: public holidays, leave and closures.",
        "أيام الإجازة: العطلات الرسمية والإجازات وأيام الإغلاق.",
    ),
    "help.summary.run": (
        "Playbooks for when something happens: start, list, close.",
        "خطط عمل لما يطرأ من أحداث: البدء والعرض والإغلاق.",
    ),
    "help.summary.measures": (
        "The numbers recorded with entries, such as satisfaction.",
        "الأرقام المسجلة مع التسجيلات، مثل رضا العملاء.",
    ),
    # Options several commands share.
    "help.json": ("Print one JSON document.", "اطبع مستند JSON واحدًا."),
    "help.json_short": ("Print JSON.", "اطبع JSON."),
    "help.tag": (
        "Only items with this tag, e.g. --tag team.",
        "المهام التي تحمل هذا الوسم فقط، مثل --tag team.",
    ),
    "help.since": ("Only events for this day or later.", "التسجيلات عن هذا اليوم أو بعده فقط."),
    "help.until": (
        "Only events for this day or earlier.",
        "التسجيلات عن هذا اليوم أو قبله فقط.",
    ),
    "help.output": (
        "Write to FILE (atomically; never one of csm's own files; the folder must "
        "exist) instead of stdout; - is stdout.",
        "اكتب في FILE بدل المخرج القياسي (دفعة واحدة؛ ولا يكون أبدًا أحد ملفات csm "
        "نفسه؛ ويجب أن يكون المجلد موجودًا)؛ و - هو المخرج القياسي.",
    ),
    # csm today, csm due
    "help.today": (
        "What needs doing today: daily items, anything due or overdue, what was\n"
        "missed last period (with the command that logs it late), and progress.\n\n"
        "Example: csm today --on 2026-11-23\n\n"
        "Example: csm today --tag team",
        "ما يجب عمله اليوم: المهام اليومية، وكل ما هو مستحق أو متأخر، وما فات في "
        "الفترة الماضية (مع الأمر الذي يسجّله متأخرًا)، والتقدم.\n\n"
        "مثال: csm today --on 2026-11-23\n\n"
        "مثال: csm today --tag team",
    ),
    "help.today.on": (
        "The date to look at (YYYY-MM-DD, today, yesterday, tomorrow). Default: today.",
        "التاريخ المطلوب (YYYY-MM-DD أو today أو yesterday أو tomorrow). الافتراضي: اليوم.",
    ),
    "help.today.all": (
        "Show every item in its current period, whatever its status.",
        "اعرض كل مهمة في فترتها الحالية، أيًا كانت حالتها.",
    ),
    "help.today.as_logged": (
        "Show the log as it stood at this moment (YYYY-MM-DD for the end of that day, or "
        "YYYY-MM-DDTHH:MM): only what was logged by then, undone only if undone by then.",
        "اعرض السجل كما كان في هذه اللحظة (YYYY-MM-DD لنهاية ذلك اليوم، أو "
        "YYYY-MM-DDTHH:MM): ما سُجّل حتى حينها فقط، ولا يُعدّ ملغى إلا ما أُلغي حتى حينها.",
    ),
    "help.due": (
        "What is open: without --period every due or overdue item; with it, the\n"
        "whole window of that period.\n\n"
        "Example: csm due --period quarter",
        "ما هو مفتوح: بدون --period كل مهمة مستحقة أو متأخرة؛ ومعه، "
        "تلك الفترة كاملة.\n\n"
        "مثال: csm due --period quarter",
    ),
    "help.due.period": (
        "day, week, month, quarter or year (or daily ... annual): every item of that "
        "cadence in the current period, plus longer ones due inside it.",
        "day أو week أو month أو quarter أو year (أو daily ... annual): كل مهمة بهذا "
        "التكرار في الفترة الحالية، والمهام الأطول التي تستحق خلالها.",
    ),
    # csm done, skip, undo, log
    "help.done": (
        "Log items as done for their period containing --on (default today).\n\n"
        "RUN/STEP checks off a step of a playbook run (see `csm run`).\n\n"
        "A period already done or skipped is left as it is (exit 0). A future date,\n"
        "or one before the item is tracked (see `csm history`), is refused (exit 2);\n"
        "an item that matches nothing, or a name that could mean several (such as\n"
        '"daily"), stops the command before anything is logged (exit 1). A name\n'
        "that is not an exact id is told on stderr with the item it found:\n"
        '"monit → monitor-accounts (id prefix)".\n\n'
        'Example: csm done monitor-accounts --note "2 escalations"\n\n'
        "Example: csm done --cadence daily --on yesterday\n\n"
        "Example: csm done monthly-report --measure complaints=132 --measure csat=4.6\n\n"
        "Example: csm done crisis-2027-03-02/assess",
        "سجّل مهام على أنها تمت عن فترتها التي تشمل --on (الافتراضي: اليوم).\n\n"
        "RUN/STEP يُنجز خطوة من تشغيل خطة عمل (انظر csm run).\n\n"
        "الفترة التي تمت أو تم تخطيها من قبل تبقى كما هي (رمز الخروج 0). ويُرفض "
        "تاريخ في المستقبل، أو قبل بدء متابعة المهمة (انظر csm history) (رمز الخروج 2)؛ "
        "والمهمة التي لا تطابق شيئًا، أو الاسم الذي قد يعني أكثر من مهمة (مثل "
        '"daily")، يوقفان الأمر قبل تسجيل أي شيء (رمز الخروج 1). والاسم الذي ليس '
        "معرّفًا مطابقًا يُذكر في stderr مع المهمة التي وُجدت له:\n"
        '"monit → monitor-accounts (id prefix)".\n\n'
        'مثال: csm done monitor-accounts --note "2 escalations"\n\n'
        "مثال: csm done --cadence daily --on yesterday\n\n"
        "مثال: csm done monthly-report --measure complaints=132 --measure csat=4.6\n\n"
        "مثال: csm done crisis-2027-03-02/assess",
    ),
    "help.done.items": (
        "Item ids, unique id prefixes, or words of a title in English or Arabic. "
        "All must match, or nothing is logged.",
        "معرّفات المهام، أو بدايات معرّفات لا تتكرر، أو كلمات من العنوان بالعربية أو "
        "الإنجليزية. يجب أن تطابق جميعها، وإلا لا يُسجّل شيء.",
    ),
    "help.done.on": (
        "The day the work was for (YYYY-MM-DD, today, yesterday). Default: today.",
        "اليوم الذي كان العمل له (YYYY-MM-DD أو today أو yesterday). الافتراضي: اليوم.",
    ),
    "help.done.note": ("A note to keep with it.", "ملاحظة تُحفظ معه."),
    "help.done.by": (
        "Who did it. Default: the `user` setting, else the login name.",
        "من قام به. الافتراضي: الإعداد user، وإلا اسم الدخول.",
    ),
    "help.done.cadence": (
        "Also log every item in force of this cadence (daily, weekly, monthly, quarterly, "
        "annual or rrule) for its period containing --on, e.g. --cadence daily.",
        "سجّل أيضًا كل مهمة سارية بهذا التكرار (daily أو weekly أو monthly أو quarterly "
        "أو annual أو rrule) عن فترتها التي تشمل --on، مثل --cadence daily.",
    ),
    "help.done.measure": (
        "A number the item declares, kept with the done: ID=VALUE, the declared unit "
        "optional, e.g. --measure csat=4.6/5 --measure complaints=132.",
        "رقم تعرّفه المهمة، يُحفظ مع الإنجاز: ID=VALUE، والوحدة المعرّفة اختيارية، "
        "مثل --measure csat=4.6/5 --measure complaints=132.",
    ),
    "help.skip": (
        "Log items as skipped (not needed this time) for their period.\n\n"
        "A skipped period counts as settled: it is not overdue and not missed.\n"
        "RUN/STEP skips a step of a playbook run.\n\n"
        'Example: csm skip team-meeting --reason "public holiday"\n\n'
        'Example: csm skip campaign-2027-03-02/brief-team --reason "team briefed in person"\n\n'
        'Example: csm skip --cadence daily --on 2026-11-26 --reason "national day"',
        "سجّل مهام على أنها تم تخطيها (لا حاجة إليها هذه المرة) عن فترتها.\n\n"
        "الفترة التي تم تخطيها تُعدّ منتهية: ليست متأخرة ولا فائتة. "
        "RUN/STEP يتخطى خطوة من تشغيل خطة عمل.\n\n"
        'مثال: csm skip team-meeting --reason "public holiday"\n\n'
        'مثال: csm skip campaign-2027-03-02/brief-team --reason "team briefed in person"\n\n'
        'مثال: csm skip --cadence daily --on 2026-11-26 --reason "national day"',
    ),
    "help.skip.reason": ("Why it was skipped.", "سبب التخطي."),
    "help.undo": (
        "Mark the latest done or skip undone (it stays in the log, marked, and\n"
        "counts for nothing any more).\n\n"
        "Nothing to undo: exit 1. RUN/STEP undoes that step of a playbook run.\n\n"
        "Example: csm undo team-meeting --on 2026-11-24\n\n"
        "Example: csm undo crisis-2027-03-02/assess",
        "ألغِ آخر إنجاز أو تخطٍّ (يبقى في السجل معلَّمًا، ولا يُحتسب بعد ذلك).\n\n"
        "لا شيء لإلغائه: رمز الخروج 1. RUN/STEP يلغي تلك الخطوة من تشغيل خطة عمل.\n\n"
        "مثال: csm undo team-meeting --on 2026-11-24\n\n"
        "مثال: csm undo crisis-2027-03-02/assess",
    ),
    "help.undo.item": (
        "Undo the latest event of this item only.",
        "ألغِ آخر تسجيل لهذه المهمة فقط.",
    ),
    "help.undo.reason": (
        "On the team's record: why a lead undoes an entry someone else logged.",
        "في سجل الفريق: سبب تراجع قائد الفريق عن تسجيل سجّله عضو آخر.",
    ),
    "help.undo.on": (
        "With ITEM: its event in the period containing this day. "
        "Alone: the latest event logged for this day.",
        "مع ITEM: تسجيلها في الفترة التي تشمل هذا اليوم. وحده: آخر تسجيل عن هذا اليوم.",
    ),
    "help.log": (
        "Logged events, newest first by the day the work was for, then by the\n"
        "time logged. --since and --until bound that day, both included. Shows the\n"
        "latest 20 unless --limit or --all says otherwise. The id column is what\n"
        "`csm note` takes.\n\n"
        "Example: csm log --since 2026-11-01 --item team-meeting --by Omar",
        "التسجيلات في السجل، الأحدث أولًا حسب اليوم الذي كان العمل له، ثم حسب وقت "
        "التسجيل. --since و --until يحدّان ذلك اليوم، وكلاهما مشمول. يعرض آخر 20 "
        "ما لم يُحدَّد غير ذلك بـ --limit أو --all. وعمود id هو ما يأخذه csm note.\n\n"
        "مثال: csm log --since 2026-11-01 --item team-meeting --by Omar",
    ),
    "help.log.item": ("Only this item.", "هذه المهمة فقط."),
    "help.log.cadence": (
        "Only this cadence: daily, weekly, monthly, quarterly, annual or rrule.",
        "هذا التكرار فقط: daily أو weekly أو monthly أو quarterly أو annual أو rrule.",
    ),
    "help.log.by": (
        "Only events done by this name (any case), e.g. --by Omar.",
        "التسجيلات التي قام بها هذا الاسم فقط (بأي حالة أحرف)، مثل --by Omar.",
    ),
    # The 20 is commands.events.LOG_LIMIT (a test keeps them equal): click shows
    # help as plain text, so the Arabic is found only for the exact English.
    "help.log.limit": (
        "At most this many events (default 20; 0: all), e.g. --limit 50.",
        "هذا العدد من التسجيلات على الأكثر (الافتراضي 20؛ و0: الكل)، مثل --limit 50.",
    ),
    "help.log.all": (
        "Every event: the same as --limit 0, e.g. csm log --all --by Omar.",
        "كل التسجيلات: مثل --limit 0، مثال csm log --all --by Omar.",
    ),
    "help.log.json": (
        "Print one JSON document (every event unless --limit).",
        "اطبع مستند JSON واحدًا (كل التسجيلات ما لم يُحدَّد --limit).",
    ),
    "help.log.include_undone": (
        "Also show undone events, marked as such.",
        "اعرض أيضًا التسجيلات الملغاة، معلَّمة بذلك.",
    ),
    "help.log.history": (
        "The audit trail: undone events too, and under each event every "
        "correction of its note (csm note), e.g. csm log --history --item team-meeting.",
        "سجل التدقيق: التسجيلات الملغاة أيضًا، وتحت كل تسجيل كل تصحيح لملاحظته "
        "(csm note)، مثل csm log --history --item team-meeting.",
    ),
    "help.log.as_logged": (
        "The log as it stood at this moment (YYYY-MM-DD for the end of that day, or "
        "YYYY-MM-DDTHH:MM): only what was logged by then, undone only if undone by then.",
        "السجل كما كان في هذه اللحظة (YYYY-MM-DD لنهاية ذلك اليوم، أو "
        "YYYY-MM-DDTHH:MM): ما سُجّل حتى حينها فقط، ولا يُعدّ ملغى إلا ما أُلغي حتى حينها.",
    ),
    # csm note
    "help.note": (
        "Correct the note of a done (or the reason of a skip) already logged.\n\n"
        "The event then carries the new note everywhere (log, report, export); the\n"
        "old one is kept with who changed it and when, and `csm log --history`\n"
        "shows it. An unknown or ambiguous id exits with 1, nothing changed.\n\n"
        'Example: csm note 1a2b3c4d "3 escalations, not 2"',
        "صحّح ملاحظة إنجاز (أو سبب تخطٍّ) مسجَّل من قبل.\n\n"
        "يحمل التسجيل بعدها الملاحظة الجديدة في كل مكان (السجل والتقرير والتصدير)؛ "
        "وتُحفظ القديمة مع من غيّرها ومتى، ويعرضها csm log --history. "
        "والمعرّف المجهول أو الملتبس يخرج برمز 1 دون تغيير شيء.\n\n"
        'مثال: csm note 1a2b3c4d "3 escalations, not 2"',
    ),
    "help.note.event": (
        "The event: the id `csm log` shows (its uuid's first 8 characters; "
        "at least 6 will do) or the whole uuid.",
        "التسجيل: المعرّف الذي يعرضه csm log (أول 8 أحرف من uuid؛ وتكفي 6 على الأقل) أو uuid كاملًا.",
    ),
    "help.note.text": (
        'The note as it should read; "" clears it.',
        'الملاحظة كما يجب أن تكون؛ و "" يمسحها.',
    ),
    "help.note.by": (
        "Who corrected it. Default: the `user` setting, else the login name.",
        "من صحّحها. الافتراضي: الإعداد user، وإلا اسم الدخول.",
    ),
    # csm export, csm import
    "help.export": (
        "Export events, oldest logged first, one row per event with the columns\n"
        "uuid, item_id, title, cadence, kind, period_start, period_end, for_date,\n"
        "logged_at, by, note, undone_at, host. --since and --until bound the day\n"
        "the work was for, both included. `csm import` reads csv, json and jsonl back.\n\n"
        "Example: csm export --format csv --bom -o events.csv",
        "صدّر التسجيلات، الأقدم تسجيلًا أولًا، صفًا لكل تسجيل بالأعمدة "
        "uuid, item_id, title, cadence, kind, period_start, period_end, for_date, "
        "logged_at, by, note, undone_at, host. --since و --until يحدّان اليوم الذي "
        "كان العمل له، وكلاهما مشمول. ويعيد csm import قراءة csv و json و jsonl.\n\n"
        "مثال: csm export --format csv --bom -o events.csv",
    ),
    "help.export.format": (
        "csv, json, jsonl or md (a Markdown table).",
        "csv أو json أو jsonl أو md (جدول Markdown).",
    ),
    "help.export.include_undone": (
        "Also export undone events (with their undone_at).",
        "صدّر أيضًا التسجيلات الملغاة (مع undone_at).",
    ),
    "help.export.bom": (
        "Start with a UTF-8 byte order mark, so spreadsheets show Arabic.",
        "ابدأ بعلامة ترتيب البايتات UTF-8، لتعرض جداول البيانات العربية.",
    ),
    "help.import": (
        "Import events from a csv, json or jsonl export.\n\n"
        "Every record is checked before any is kept: a bad one stops the import\n"
        "with exit 2, naming its line (csv, jsonl) or index (json) and the field,\n"
        "and nothing is written. A missing or unreadable file, a file with no\n"
        "events and a Markdown export (which cannot be read back) are exit 2 as well.\n"
        "Events are matched by uuid: one already in the log is counted, not added\n"
        "again, so importing a file twice adds nothing; the same uuid with other\n"
        "content is refused. An event undone in the file is marked undone here too.\n"
        "Every event must fall in the period the rules here cut for its day. Into\n"
        "an empty log, a json backup also brings its tracking start and the\n"
        "history of its rules, so every report reads as it did. The file is read\n"
        "once, so `-` (standard input), a pipe or `<(...)` work too; an import that\n"
        "fails, or a --dry-run, never creates a log.\n\n"
        "Example: csm import events.csv --dry-run",
        "استورد التسجيلات من ملف تصدير csv أو json أو jsonl.\n\n"
        "يُفحص كل سجل قبل حفظ أي منها: السجل المعيب يوقف الاستيراد برمز الخروج 2، "
        "مع ذكر سطره (csv و jsonl) أو رقمه (json) والحقل، ولا يُكتب شيء. والملف "
        "المفقود أو غير المقروء، والملف الخالي من التسجيلات، وتصدير Markdown (الذي "
        "لا تمكن إعادة قراءته) كلها برمز الخروج 2 أيضًا. "
        "تُطابَق التسجيلات بـ uuid: الموجود في السجل يُعدّ ولا يُضاف مرة أخرى، فاستيراد "
        "ملف مرتين لا يضيف شيئًا؛ ويُرفض uuid نفسه بمحتوى مختلف. والتسجيل الملغى في "
        "الملف يُعلَّم ملغى هنا أيضًا. "
        "ويجب أن يقع كل تسجيل في الفترة التي تحددها القواعد هنا ليومه. وفي سجل فارغ، "
        "تجلب النسخة الاحتياطية json معها بداية المتابعة وتاريخ قواعدها، فيُقرأ كل "
        "تقرير كما كان. يُقرأ الملف مرة واحدة، فيعمل أيضًا `-` (المدخل القياسي) "
        "والأنبوب و `<(...)`؛ والاستيراد الذي يفشل، أو --dry-run، لا ينشئ سجلًا أبدًا.\n\n"
        "مثال: csm import events.csv --dry-run",
    ),
    "help.import.file": (
        "A file `csm export` wrote: csv, json or jsonl, told apart by content; "
        "- reads standard input.",
        "ملف كتبه csm export: csv أو json أو jsonl، يُعرف نوعه من محتواه؛ و - يقرأ المدخل القياسي.",
    ),
    "help.import.dry_run": (
        "Check the file and count, but write nothing.",
        "افحص الملف وعُدّ، دون كتابة شيء.",
    ),
    # csm report
    "help.report": (
        "Per item, cadence and area: expected, done, on time, late, skipped, missed,\n"
        "completion; streaks of daily items; every missed period; the notes.\n\n"
        "Example: csm report --period month --format md -o report.md\n\n"
        "Example: csm report --period week --tag team --by Omar",
        "لكل مهمة وتكرار ومجال: المتوقع، وما تم، وفي الموعد، والمتأخر، وما تم تخطيه، "
        "والفائت، ونسبة الإنجاز؛ وسلاسل المهام اليومية؛ وكل فترة فائتة؛ والملاحظات.\n\n"
        "مثال: csm report --period month --format md -o report.md\n\n"
        "مثال: csm report --period week --tag team --by Omar",
    ),
    "help.report.period": (
        "week, month, quarter or year.",
        "week أو month أو quarter أو year.",
    ),
    "help.report.on": (
        "A date inside the period (default: today).",
        "تاريخ داخل الفترة (الافتراضي: اليوم).",
    ),
    "help.report.previous": (
        "Report the last complete period before the one of --on.",
        "التقرير عن آخر فترة كاملة قبل فترة --on.",
    ),
    "help.report.format": (
        "text, md, json, html or pdf (json has every figure: there is no --json here; "
        "html is one page with charts, pdf the same page for -o FILE).",
        "text أو md أو json أو html أو pdf (في json كل الأرقام: لا يوجد --json هنا؛ "
        "html صفحة واحدة برسوم بيانية، و pdf الصفحة نفسها في ملف -o FILE).",
    ),
    "help.report.as_logged": (
        "The report as the log stood at this moment (YYYY-MM-DD for the end of that "
        "day, or YYYY-MM-DDTHH:MM): an audit replay. Default period: the one of that day.",
        "التقرير كما كان السجل في هذه اللحظة (YYYY-MM-DD لنهاية ذلك اليوم، أو "
        "YYYY-MM-DDTHH:MM): إعادة عرض للتدقيق. الفترة الافتراضية: فترة ذلك اليوم.",
    ),
    "help.report.by": (
        "Only what this person did (any case): the periods they settled, e.g. --by Omar.",
        "ما قام به هذا الشخص فقط (بأي حالة أحرف): الفترات التي أنهاها، مثل --by Omar.",
    ),
    # csm list, csm checklist
    "help.list": (
        "List the checklist: every item with its cadence and due rule in words,\n"
        "grouped by area (or by cadence).\n\n"
        "Example: csm list --cadence weekly\n\n"
        "Example: csm list --tag team",
        "اعرض قائمة المهام: كل مهمة مع تكرارها وقاعدة استحقاقها بالكلمات، "
        "مجمّعة حسب المجال (أو حسب التكرار).\n\n"
        "مثال: csm list --cadence weekly\n\n"
        "مثال: csm list --tag team",
    ),
    "help.list.cadence": (
        "Only items of this cadence: daily, weekly, monthly, quarterly, annual, rrule "
        "(or day, week, month, quarter, year).",
        "المهام بهذا التكرار فقط: daily أو weekly أو monthly أو quarterly أو annual أو "
        "rrule (أو day أو week أو month أو quarter أو year).",
    ),
    "help.list.group": ("Group by area or by cadence.", "جمّع حسب المجال أو حسب التكرار."),
    "help.list.all": (
        "Also show disabled items, marked.",
        "اعرض أيضًا المهام المعطّلة، معلَّمة.",
    ),
    "help.checklist": (
        "Check and copy the checklist files (the duties csm tracks), and switch "
        "built-in packs on or off.\n\nExample: csm checklist validate\n\n"
        "Example: csm checklist enable role",
        "افحص ملفات قوائم المهام (المهام التي يتابعها csm) وانسخها، وفعّل الحزم "
        "المدمجة أو أوقفها.\n\nمثال: csm checklist validate\n\n"
        "مثال: csm checklist enable role",
    ),
    "help.checklist.validate": (
        "Check checklist files and report every problem, each naming the file,\n"
        "the line and the fix. Given files are checked as they would load: after\n"
        "the built-ins and your own checklists, so they may override your items.\n\n"
        "Example: csm checklist validate my-weekly.yaml",
        "افحص ملفات قوائم المهام وأبلغ عن كل مشكلة، مع ذكر الملف والسطر والإصلاح "
        "لكل منها. تُفحص الملفات المعطاة كما ستُحمَّل: بعد القوائم المدمجة وقوائمك "
        "الخاصة، فقد تحل محل مهامك.\n\n"
        "مثال: csm checklist validate my-weekly.yaml",
    ),
    "help.checklist.validate.paths": (
        "Checklist files or folders to check, on top of the built-ins and your "
        "own checklists. Default: everything csm loads.",
        "ملفات أو مجلدات قوائم مهام لفحصها، إضافة إلى القوائم المدمجة وقوائمك "
        "الخاصة. الافتراضي: كل ما يحمّله csm.",
    ),
    "help.checklist.init": (
        "Copy the built-in checklists into your checklists folder to edit them.\n\n"
        "Items and areas in your copies override the built-ins with the same id.\n"
        "Existing files are never replaced without --force.\n\n"
        "Example: csm checklist init",
        "انسخ قوائم المهام المدمجة إلى مجلد قوائمك لتعديلها.\n\n"
        "المهام والمجالات في نسخك تحل محل المدمجة ذات المعرّف نفسه. "
        "ولا تُستبدل الملفات الموجودة أبدًا دون --force.\n\n"
        "مثال: csm checklist init",
    ),
    "help.checklist.init.force": (
        "Replace files that already exist in the checklists folder.",
        "استبدل الملفات الموجودة من قبل في مجلد قوائم المهام.",
    ),
    "help.checklist.enable": (
        "Switch on a built-in pack, such as the role pack (the recurring duties\n"
        "of the customer service manager's role description): its items are\n"
        "tracked from today, and the history records it.\n\n"
        "Example: csm checklist enable role",
        "فعّل حزمة مدمجة، مثل الحزمة role (المهام المتكررة في الوصف الوظيفي لمدير "
        "خدمة العملاء): تُتابع مهامها من اليوم، ويسجّل ذلك التاريخ.\n\n"
        "مثال: csm checklist enable role",
    ),
    "help.checklist.enable.pack": (
        "The pack to switch on: role.",
        "الحزمة المراد تفعيلها: role.",
    ),
    "help.checklist.disable": (
        "Switch off a built-in pack: its items are no longer expected from\n"
        "today; what was logged stays, and reports of the past are unchanged.\n\n"
        "Example: csm checklist disable role",
        "أوقف حزمة مدمجة: لا تعود مهامها متوقعة من اليوم؛ ويبقى ما سُجّل، "
        "ولا تتغير تقارير الماضي.\n\n"
        "مثال: csm checklist disable role",
    ),
    "help.checklist.disable.pack": (
        "The pack to switch off: role.",
        "الحزمة المراد إيقافها: role.",
    ),
    # csm config
    "help.config": (
        "Show and change settings, and find csm's files.",
        "اعرض الإعدادات وغيّرها، واعثر على ملفات csm.",
    ),
    "help.config.show": (
        "Show every setting and its value.\n\nExample: csm config show",
        "اعرض كل إعداد وقيمته.\n\nمثال: csm config show",
    ),
    "help.config.set": (
        "Change one setting; the value is checked before anything is written.\n"
        "`region CC` also sets workdays and week_start from the country's weekend.\n\n"
        "Settings: lang, week_start, workdays, fiscal_year_start, timezone, user,\n"
        "region, hijri, store, people. `csm config show` shows their values.\n\n"
        "Example: csm config set workdays sun-thu",
        "غيّر إعدادًا واحدًا؛ تُفحص القيمة قبل كتابة أي شيء. "
        "و region CC يضبط أيضًا workdays و week_start من عطلة نهاية الأسبوع في البلد.\n\n"
        "الإعدادات: lang و week_start و workdays و fiscal_year_start و timezone و user "
        "و region و hijri و store و people. ويعرض csm config show قيمها.\n\n"
        "مثال: csm config set workdays sun-thu",
    ),
    "help.config.set.key": (
        "Setting name: lang, week_start, workdays, fiscal_year_start, timezone, user, "
        "region, hijri, store, people.",
        "اسم الإعداد: lang أو week_start أو workdays أو fiscal_year_start أو timezone "
        "أو user أو region أو hijri أو store أو people.",
    ),
    "help.config.set.value": ("New value, e.g. sun-thu.", "القيمة الجديدة، مثل sun-thu."),
    "help.config.path": (
        "Show where csm keeps its settings, checklists and log.\n\nExample: csm config path",
        "اعرض أين يحفظ csm إعداداته وقوائم المهام والسجل.\n\nمثال: csm config path",
    ),
    # What each setting means (`csm config set`, shell completion, the README).
    "help.setting.lang": (
        "Language of titles and reports: en or ar.",
        "لغة العناوين والتقارير: en أو ar.",
    ),
    "help.setting.week_start": (
        "First day of the week for weekly items.",
        "أول أيام الأسبوع للمهام الأسبوعية.",
    ),
    "help.setting.workdays": (
        "Days the team works: a range such as sun-thu, or a list such as sun,mon,tue.",
        "أيام عمل الفريق: نطاق مثل sun-thu، أو قائمة مثل sun,mon,tue.",
    ),
    "help.setting.fiscal_year_start": (
        "Month the fiscal year starts (1-12 or jan-dec); quarters align to it.",
        "الشهر الذي تبدأ فيه السنة المالية (1-12 أو jan-dec)؛ وتُحسب الأرباع منه.",
    ),
    "help.setting.timezone": (
        "IANA time zone that decides what 'today' is; empty: the system's.",
        "المنطقة الزمنية (IANA) التي تحدد ما هو اليوم؛ إن كانت فارغة: منطقة النظام.",
    ),
    "help.setting.store": (
        "Where the record is kept: empty, the log on this computer; a postgresql:// "
        "address, the team's shared record on that server (no password in it).",
        "مكان حفظ السجل: فارغ، السجل على هذا الحاسوب؛ عنوان postgresql://، سجل الفريق "
        "المشترك على ذلك الخادم (دون كلمة مرور فيه).",
    ),
    "help.setting.people": (
        "The logins of the people whose duties this log assigns (personal mode; a team's "
        "store knows its members).",
        "أسماء دخول الأشخاص الذين يسند هذا السجل مهامهم (الاستخدام الشخصي؛ مخزن الفريق "
        "يعرف أعضاءه).",
    ),
    "help.setting.user": (
        "Name recorded with each event; empty: the login name.",
        "الاسم المسجَّل مع كل تسجيل؛ إن كان فارغًا: اسم الدخول.",
    ),
    "help.setting.region": (
        "Country (ISO code) whose weekend and public holidays csm uses; setting it also "
        "sets workdays and week_start.",
        "البلد (رمز ISO) الذي يأخذ csm عطلة نهاية أسبوعه وعطلاته الرسمية؛ وضبطه يضبط "
        "أيضًا workdays و week_start.",
    ),
    "help.setting.hijri": (
        "Show the Umm al-Qura Hijri date beside the Gregorian one in headings: true or false.",
        "اعرض التاريخ الهجري (أم القرى) بجانب الميلادي في العناوين: true أو false.",
    ),
    # csm history, csm show
    "help.history": (
        "The rules csm has recorded: when tracking began and every change to the "
        "checklists and settings, in words.\n\nExample: csm history",
        "القواعد التي سجّلها csm: متى بدأت المتابعة وكل تغيير في قوائم المهام "
        "والإعدادات، بالكلمات.\n\nمثال: csm history",
    ),
    "help.history.start": (
        "Move the day tracking starts, earlier or later. Nothing before it is\n"
        "expected or counted; work can be logged from that day on. The move is\n"
        "recorded, and the change in expected periods up to today is shown.\n\n"
        "Example: csm history start 2026-10-01",
        "انقل يوم بدء المتابعة، إلى وقت أبكر أو أبعد. لا شيء قبله متوقع أو محتسب؛ "
        "ويمكن تسجيل العمل من ذلك اليوم فصاعدًا. يُسجَّل النقل، ويُعرض التغير في "
        "الفترات المتوقعة حتى اليوم.\n\n"
        "مثال: csm history start 2026-10-01",
    ),
    "help.history.start.day": (
        "The first day to track (YYYY-MM-DD).",
        "أول يوم للمتابعة (YYYY-MM-DD).",
    ),
    "help.show": (
        "One item: its titles in both languages, area, rule in words, since when\n"
        "it is tracked, its current period and status, the next 5 due dates, the\n"
        "last 5 entries and the revisions of its rules.\n\n"
        "Example: csm show team-meeting",
        "مهمة واحدة: عنواناها باللغتين، ومجالها، وقاعدتها بالكلمات، ومنذ متى تُتابع، "
        "وفترتها الحالية وحالتها، ومواعيد الاستحقاق الخمسة القادمة، وآخر 5 تسجيلات، "
        "ومراجعات قواعدها.\n\n"
        "مثال: csm show team-meeting",
    ),
    "help.show.item": (
        "An item id, unique id prefix, or words of its title.",
        "معرّف مهمة، أو بداية معرّف لا تتكرر، أو كلمات من عنوانها.",
    ),
    # csm off, csm calendar
    "help.off": (
        "Days off: public holidays, leave and closures. csm treats them like weekend days.",
        "أيام الإجازة: العطلات الرسمية والإجازات وأيام الإغلاق. يعاملها csm "
        "كأيام عطلة نهاية الأسبوع.",
    ),
    "help.off.dates": (
        "A date or a range: 2026-07-01..2026-07-14.",
        "تاريخ أو نطاق: 2026-07-01..2026-07-14.",
    ),
    "help.off.add": (
        "Take a day or a range of days off: nothing is expected on them, due dates\n"
        "move to the workday before, and streaks run across them. Past dates too.\n\n"
        'Example: csm off add 2026-07-01..2026-07-14 --reason "Annual leave"',
        "خذ يومًا أو نطاقًا من أيام الإجازة: لا يُتوقع فيها شيء، وتنتقل مواعيد "
        "الاستحقاق إلى يوم العمل الذي قبلها، وتستمر السلاسل عبرها. والتواريخ الماضية "
        "أيضًا.\n\n"
        'مثال: csm off add 2026-07-01..2026-07-14 --reason "Annual leave"',
    ),
    "help.off.add.reason": ("Why: Annual leave, Eid, ...", "السبب: إجازة سنوية، عيد، ..."),
    "help.off.remove": (
        "Work on days that were off after all: the days in the range stop being\n"
        "days off, whichever entry (typed or imported) made them so.\n\n"
        "Example: csm off remove 2026-07-05",
        "اعمل في أيام كانت إجازة: تتوقف أيام النطاق عن كونها أيام إجازة، "
        "أيًا كان القيد (مكتوبًا أو مستوردًا) الذي جعلها كذلك.\n\n"
        "مثال: csm off remove 2026-07-05",
    ),
    "help.off.list": (
        "Show the days off, in date order, with their reasons and sources.\n\n"
        "Example: csm off list --year 2026",
        "اعرض أيام الإجازة، مرتبة حسب التاريخ، مع أسبابها ومصادرها.\n\n"
        "مثال: csm off list --year 2026",
    ),
    "help.off.list.year": ("Only this year, e.g. 2026.", "هذه السنة فقط، مثل 2026."),
    "help.off.holidays": (
        "Add a country's public holidays as days off, named in your language.\n"
        "Running it again updates them; it never adds them twice.\n\n"
        "Example: csm off holidays --country SA --year 2026",
        "أضف العطلات الرسمية لبلد كأيام إجازة، بأسمائها بلغتك. "
        "وتشغيله مرة أخرى يحدّثها؛ ولا يضيفها مرتين أبدًا.\n\n"
        "مثال: csm off holidays --country SA --year 2026",
    ),
    "help.off.holidays.country": (
        "ISO country code, e.g. SA, AE, EG (default: the region setting).",
        "رمز البلد ISO، مثل SA أو AE أو EG (الافتراضي: الإعداد region).",
    ),
    "help.off.holidays.year": ("Default: this year.", "الافتراضي: هذه السنة."),
    "help.off.holidays.dry_run": (
        "Show what would change; write nothing.",
        "اعرض ما سيتغير؛ دون كتابة شيء.",
    ),
    "help.off.countries": (
        "List the country codes `csm off holidays` and `csm config set region` accept.\n\n"
        "Example: csm off countries",
        "اعرض رموز البلدان التي يقبلها csm off holidays و csm config set region.\n\n"
        "مثال: csm off countries",
    ),
    "help.calendar": (
        "Write the due dates of the next months as an iCalendar (.ics) file for\n"
        "Outlook or Google Calendar: one all-day event per due date, days off\n"
        "respected. Import it again later: events are updated, not duplicated.\n\n"
        "Example: csm calendar --months 3 -o duties.ics",
        "اكتب مواعيد الاستحقاق في الأشهر القادمة في ملف iCalendar (.ics) لـ "
        "Outlook أو Google Calendar: حدث ليوم كامل لكل موعد استحقاق، مع مراعاة أيام "
        "الإجازة. واستورده مرة أخرى لاحقًا: تُحدَّث الأحداث ولا تتكرر.\n\n"
        "مثال: csm calendar --months 3 -o duties.ics",
    ),
    "help.calendar.skip_daily": (
        "Leave out the daily items: only the weekly, monthly, quarterly, annual and custom dates.",
        "اترك المهام اليومية: التواريخ الأسبوعية والشهرية والربعية والسنوية والمخصصة فقط.",
    ),
    "help.calendar.months": ("How many months ahead.", "كم شهرًا إلى الأمام."),
    "help.calendar.from": (
        "First day (YYYY-MM-DD, today). Default: today.",
        "أول يوم (YYYY-MM-DD أو today). الافتراضي: اليوم.",
    ),
    # csm run
    "help.run": (
        "Playbooks started by hand when something happens: a crisis, a campaign.\n\n"
        'Example: csm run start crisis --name "hacked account"',
        "خطط عمل تبدأها يدويًا عندما يطرأ شيء: أزمة، أو حملة.\n\n"
        'مثال: csm run start crisis --name "hacked account"',
    ),
    "help.run.start": (
        "Start a run of a playbook. Its id is the playbook and the day, e.g.\n"
        "crisis-2027-03-02 (crisis-2027-03-02-2 for a second one that day); each\n"
        "step's deadline counts from now.\n\n"
        'Example: csm run start crisis --name "hacked account"\n\n'
        'Example: csm run start campaign --on yesterday --name "spring sale"',
        "ابدأ تشغيلًا لخطة عمل. معرّفه هو الخطة واليوم، مثل crisis-2027-03-02 "
        "(و crisis-2027-03-02-2 لتشغيل ثانٍ في اليوم نفسه)؛ ويُحسب الموعد النهائي "
        "لكل خطوة من الآن.\n\n"
        'مثال: csm run start crisis --name "hacked account"\n\n'
        'مثال: csm run start campaign --on yesterday --name "spring sale"',
    ),
    "help.run.start.playbook": (
        "The playbook: crisis, campaign or your own.",
        "خطة العمل: crisis أو campaign أو خطتك الخاصة.",
    ),
    "help.run.start.name": ("What happened, in a few words.", "ما الذي حدث، في كلمات قليلة."),
    "help.run.start.on": (
        "The day it started (YYYY-MM-DD, today, yesterday); an earlier day starts the "
        "run at its first minute unless --at gives the hour. Default: now.",
        "اليوم الذي بدأ فيه (YYYY-MM-DD أو today أو yesterday)؛ اليوم السابق يبدأ "
        "التشغيل في أول دقيقة منه ما لم يحدّد --at الساعة. الافتراضي: الآن.",
    ),
    "help.run.start.at": (
        "When it began, for a run started after the fact: HH:MM on the --on day "
        "(default today), or a full local time YYYY-MM-DD HH:MM. Deadlines count from it.",
        "وقت بدئه، لتشغيل يُسجَّل بعد وقوعه: HH:MM في يوم --on (الافتراضي اليوم)، "
        "أو وقت محلي كامل YYYY-MM-DD HH:MM. تُحسب المهل منه.",
    ),
    "help.run.start.by": ("Who started it.", "من بدأه."),
    "help.run.list": (
        "List the runs, oldest started first: steps settled, steps late, open or closed.\n\n"
        "Example: csm run list --open",
        "اعرض التشغيلات، الأقدم بدءًا أولًا: الخطوات المنتهية، والخطوات المتأخرة، "
        "ومفتوح أو مغلق.\n\n"
        "مثال: csm run list --open",
    ),
    "help.run.list.open": ("Only the runs still open.", "التشغيلات التي ما زالت مفتوحة فقط."),
    "help.run.id": (
        "The run's id (or a unique start of it).",
        "معرّف التشغيل (أو بداية منه لا تتكرر).",
    ),
    "help.run.show": (
        "A run's steps: each with its deadline, when it was done or skipped,\n"
        "late ones and overdue ones marked.\n\n"
        "Example: csm run show crisis-2027-03-02",
        "خطوات التشغيل: كل منها مع موعدها النهائي، ومتى تمت أو تم تخطيها، "
        "مع تعليم المتأخرة والتي فات موعدها.\n\n"
        "مثال: csm run show crisis-2027-03-02",
    ),
    "help.run.close": (
        "Close a run. With steps still open it is refused (exit 1) unless\n"
        "--force; they then stay open in the record, and the run says so.\n\n"
        'Example: csm run close crisis-2027-03-02 --note "account recovered"',
        "أغلق تشغيلًا. إن بقيت فيه خطوات مفتوحة يُرفض الإغلاق (رمز الخروج 1) إلا مع "
        "--force؛ وتبقى الخطوات حينها مفتوحة في السجل، ويذكر التشغيل ذلك.\n\n"
        'مثال: csm run close crisis-2027-03-02 --note "account recovered"',
    ),
    "help.run.close.note": (
        "How it ended, kept with the run.",
        "كيف انتهى، ويُحفظ مع التشغيل.",
    ),
    "help.run.close.force": (
        "Close it even with steps still open.",
        "أغلقه حتى مع بقاء خطوات مفتوحة.",
    ),
    # csm measures
    "help.measures": (
        "List the recorded measures, oldest period first: item, measure, period,\n"
        "value, and its target when the item declares one.\n\n"
        "Example: csm measures monthly-report --since 2026-01-01",
        "اعرض القياسات المسجلة، الأقدم فترة أولًا: المهمة، والقياس، والفترة، "
        "والقيمة، وهدفها إن عرّفت المهمة هدفًا.\n\n"
        "مثال: csm measures monthly-report --since 2026-01-01",
    ),
    "help.measures.item": (
        "Only this item (id, id prefix or title words).",
        "هذه المهمة فقط (المعرّف، أو بدايته، أو كلمات من العنوان).",
    ),
    "help.measures.since": (
        "Only periods ending on this day or later.",
        "الفترات التي تنتهي في هذا اليوم أو بعده فقط.",
    ),
    # csm assign and csm today --mine (owners)
    "help.assign": (
        "Give a duty an owner (one person), a rotation (several, who take turns one "
        "period each, in that order) or no owner (--nobody), from a day on (--from, "
        "default today). Earlier periods keep their owners.\n\n"
        "Example: csm assign weekly-review mona ali sara --from 2027-01-04",
        "أسند مهمة إلى مالك (شخص واحد)، أو إلى تناوب (عدة أشخاص يتناوبون، فترة لكل منهم، "
        "بهذا الترتيب)، أو اجعلها بلا مالك (--nobody)، من يوم فصاعدًا (--from، واليوم "
        "افتراضيًا). تبقى الفترات السابقة لمالكيها.\n\n"
        "مثال: csm assign weekly-review mona ali sara --from 2027-01-04",
    ),
    "help.summary.assign": (
        "Give a duty an owner or a rotation from a day on.",
        "أسند مهمة إلى مالك أو تناوب من يوم فصاعدًا.",
    ),
    "help.assign.item": (
        "The item: its id or words of its title.",
        "البند: معرّفه أو كلمات من عنوانه.",
    ),
    "help.assign.people": (
        "One login (the owner), or several (a rotation, in order).",
        "اسم دخول واحد (المالك)، أو عدة أسماء (تناوب، بالترتيب).",
    ),
    "help.assign.nobody": (
        "No owner: the duty is the team's.",
        "بلا مالك: المهمة للفريق.",
    ),
    "help.assign.from": (
        "The first day it holds (YYYY-MM-DD, today or tomorrow); default today.",
        "أول يوم يسري فيه (YYYY-MM-DD أو today أو tomorrow)؛ اليوم افتراضيًا.",
    ),
    "help.today.mine": (
        "Only my duties: those I own, or whose turn is mine.",
        "مهامي فقط: ما أملكه، أو ما جاء دوري فيه.",
    ),
    "help.off.who": (
        "A person's leave (their login), not a day off for the whole team: their duties "
        "pass to the next person of the rotation, or to the team.",
        "إجازة شخص (اسم دخوله)، لا يوم عطلة للفريق كله: تنتقل مهامه إلى التالي في "
        "التناوب، أو إلى الفريق.",
    ),
    # csm verify (the log's hash chain)
    "help.summary.verify": (
        "Check the log and a report's footer against the hash chain.",
        "افحص السجل وتذييل التقرير مقابل سلسلة التجزئة.",
    ),
    "help.verify": (
        "Check that no entry, undo or note correction of the log was changed, added or\n"
        "removed outside csm: every change to the log is a link of a hash chain, and\n"
        "this command recomputes each link from the stored entries. The first link that\n"
        "does not match is named and csm exits with 1. With --head, check that the head\n"
        "a report's footer printed is the log's at some link (exit 1 if never).\n\n"
        "Example: csm verify --head 9d869b34",
        "افحص أن أي إدخال أو تراجع أو تصحيح ملاحظة في السجل لم يُغيَّر أو يُضَف أو يُحذَف "
        "خارج csm: كل تغيير في السجل حلقة في سلسلة تجزئة، وهذا الأمر يعيد حساب كل حلقة من "
        "الإدخالات المحفوظة. وتُسمّى أول حلقة لا تطابق ويخرج csm برمز 1. ومع --head افحص أن "
        "الرأس الذي طبعه تذييل التقرير هو رأس السجل عند حلقة ما (رمز 1 إن لم يكن).\n\n"
        "مثال: csm verify --head 9d869b34",
    ),
    "help.verify.head": (
        "The chain head a report's footer printed (at least 8 hex digits of it).",
        "رأس السلسلة الذي طبعه تذييل التقرير (8 أرقام ست عشرية منه على الأقل).",
    ),
    "help.verify.json": (
        "Print the result as JSON.",
        "اطبع النتيجة بصيغة JSON.",
    ),
}
