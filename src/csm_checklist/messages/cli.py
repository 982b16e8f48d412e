"""What the `csm` command itself says: error lines, usage, and click's words."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.error_line": ("Error: {message}", "خطأ: {message}"),
    "cli.hint_line": ("Hint: {hint}", "تلميح: {hint}"),
    "cli.completion_installed": (
        "{shell} completion installed in {path}.",
        "ثُبّت الإكمال التلقائي لـ {shell} في {path}.",
    ),
    "cli.completion_restart": (
        "It takes effect in a new terminal.",
        "يعمل في أي طرفية جديدة تفتحها.",
    ),
    "cli.more_problem": (
        "The checklists have 1 more problem: `csm checklist validate` lists them all.",
        "في قوائم المهام مشكلة أخرى: يعرضها كلها `csm checklist validate`.",
    ),
    "cli.more_problems": (
        "The checklists have {count} more problems: `csm checklist validate` lists them all.",
        "في قوائم المهام مشكلات أخرى عددها {count}: يعرضها كلها `csm checklist validate`.",
    ),
    "cli.aborted": ("Aborted.", "أُلغي الأمر."),
    # The help layout's words.
    "cli.usage": ("Usage:", "الاستخدام:"),
    "cli.heading_options": ("Options", "الخيارات"),
    "cli.heading_arguments": ("Arguments", "المعطيات"),
    "cli.heading_commands": ("Commands", "الأوامر"),
    "cli.note_default": ("default: {value}", "الافتراضي: {value}"),
    "cli.note_required": ("required", "مطلوب"),
    "cli.note_env_var": ("env var: {value}", "متغير البيئة: {value}"),
    # Errors of typing a command, as click words them.
    "cli.try_help": ("Try '{command} {option}' for help.", "للمساعدة: '{command} {option}'."),
    "cli.no_such_option": ("No such option: {name}", "لا يوجد خيار باسم {name}"),
    "cli.possible_options": ("(Possible options: {options})", "(الخيارات الممكنة: {options})"),
    "cli.slip": (
        "No such option: {typed}. Use {better} instead, e.g. csm {command} {better}.",
        "لا يوجد خيار باسم {typed}. استخدم {better} بدلًا منه، مثل: csm {command} {better}.",
    ),
    "cli.no_such_command": ("No such command '{name}'.", "لا يوجد أمر باسم '{name}'."),
    "cli.missing_command": ("Missing command.", "الأمر ناقص."),
    "cli.missing_argument": ("Missing argument {name}.", "المعطى {name} ناقص."),
    "cli.missing_option": ("Missing option {name}.", "الخيار {name} ناقص."),
    "cli.needs_value": ("Option '{name}' requires an argument.", "الخيار '{name}' يحتاج إلى قيمة."),
    "cli.needs_values": (
        "Option '{name}' requires {count} arguments.",
        "الخيار '{name}' يحتاج إلى {count} قيم.",
    ),
    "cli.takes_no_value": (
        "Option '{name}' does not take a value.",
        "الخيار '{name}' لا يأخذ قيمة.",
    ),
    "cli.extra_arguments": (
        "Got unexpected extra arguments ({args})",
        "معطيات زائدة غير متوقعة: ({args})",
    ),
    "cli.not_a_number": ("{value} is not a valid number.", "{value} ليس رقمًا صحيحًا."),
    "cli.out_of_range": ("{value} is not in the range {range}.", "{value} خارج النطاق {range}."),
    "cli.not_a_choice": ("{value} is not one of {choices}.", "{value} ليس من بين: {choices}."),
    "cli.invalid_value": ("Invalid value: {problem}", "قيمة غير صالحة: {problem}"),
    "cli.invalid_value_for": (
        "Invalid value for {name}: {problem}",
        "قيمة غير صالحة لـ {name}: {problem}",
    ),
    # Errors of the system around csm, and bugs.
    "cli.unexpected": ("Unexpected error: {kind}: {detail}.", "خطأ غير متوقع: {kind}: {detail}."),
    "cli.unexpected_hint": (
        "Run again with CSM_DEBUG=1 to see the traceback, and report it.",
        "شغّل الأمر مرة أخرى مع CSM_DEBUG=1 لترى تتبع الخطأ، وأبلغ عنه.",
    ),
    "cli.saved": (
        " The log was already saved: what this command logged is kept.",
        " كان السجل قد حُفظ: ما سجّله هذا الأمر باقٍ.",
    ),
    "cli.disk_full": (
        "Cannot write the output: the disk is full.{saved}",
        "تعذّرت كتابة المخرجات: القرص ممتلئ.{saved}",
    ),
    "cli.cut_short": (
        "The output was cut short: the program reading it stopped.{saved}",
        "انقطعت المخرجات: توقف البرنامج الذي يقرؤها.{saved}",
    ),
    "cli.output_closed": (
        "Cannot write the output: it is closed.{saved}",
        "تعذّرت كتابة المخرجات: إنها مغلقة.{saved}",
    ),
    "cli.nothing_half_done": ("Nothing else was left half done.", "لم يبقَ شيء آخر ناقصًا."),
    "cli.cannot_use_file": (
        "Cannot use {path}: {reason}.{saved}",
        "تعذّر استخدام {path}: {reason}.{saved}",
    ),
    "cli.cannot_use": ("Cannot use: {reason}.{saved}", "تعذّر الاستخدام: {reason}.{saved}"),
    "cli.check_folders": (
        "Check the permissions and free space of csm's folders (`csm config path`).",
        "تحقّق من الصلاحيات والمساحة الفارغة في مجلدات csm (`csm config path`).",
    ),
    "cli.number_out_of_range": (
        "A number or date is out of range ({detail}).",
        "رقم أو تاريخ خارج النطاق ({detail}).",
    ),
    "cli.number_out_of_range_hint": (
        "Give smaller numbers, and days between 1900-01-01 and 2199-12-31.",
        "أعطِ أرقامًا أصغر، وأيامًا بين 1900-01-01 و2199-12-31.",
    ),
    "cli.not_utf8": (
        'The argument "{arg}" is not UTF-8 text.',
        'المعطى "{arg}" ليس نصًا بترميز UTF-8.',
    ),
    "cli.not_utf8_hint": (
        "Type it again in a UTF-8 terminal, or set LANG to a UTF-8 locale.",
        "اكتبه مرة أخرى في طرفية بترميز UTF-8، أو اضبط LANG على إعداد محلي بترميز UTF-8.",
    ),
    "cli.stdout_closed": (
        "Standard output is closed; csm did nothing.",
        "المخرجات القياسية مغلقة؛ لم يفعل csm شيئًا.",
    ),
    "cli.stdout_closed_hint": (
        "Run csm with its output going somewhere, e.g. > /dev/null.",
        "شغّل csm ومخرجاته موجهة إلى مكان ما، مثل: > /dev/null.",
    ),
}
