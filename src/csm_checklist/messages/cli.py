"""What the `csm` command itself says: error lines, usage, and click's words."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.error_line": ("Error: {message}", "خطأ: {message}"),
    "cli.hint_line": ("Hint: {hint}", "تلميح: {hint}"),
    "cli.aborted": ("Aborted.", "أُلغي الأمر."),
    # The help layout's words.
    "cli.usage": ("Usage:", "الاستخدام:"),
    "cli.heading_options": ("Options", "الخيارات"),
    "cli.heading_arguments": ("Arguments", "المعطيات"),
    "cli.heading_commands": ("Commands", "الأوامر"),
    "cli.note_default": ("default: {value}", "الافتراضي: {value}"),
    "cli.note_required": ("required", "مطلوب"),
    "cli.note_env_var": ("env var: {value}", "متغير البيئة: {value}"),
    # The help of the options click and typer add to every command.
    "cli.help_option": ("Show this message and exit.", "اعرض هذه المساعدة واخرج."),
    "cli.install_completion": (
        "Install completion for the current shell.",
        "ثبّت الإكمال التلقائي للصدفة الحالية.",
    ),
    "cli.show_completion": (
        "Show completion for the current shell, to copy it or customize the installation.",
        "اعرض الإكمال التلقائي للصدفة الحالية، لنسخه أو لتخصيص تثبيته.",
    ),
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
}
