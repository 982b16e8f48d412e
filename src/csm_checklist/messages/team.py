"""What csm says about the team's shared record on PostgreSQL: the store
setting, the server's refusals, and `csm team` (init, upgrade, add, list,
status, join).

Commands, options, logins, SQL words and server names stay Latin inside the
Arabic.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # The store setting (duties/config.py)
    "team.bad_store": (
        "the store is a postgresql:// address, or empty for the log on this computer",
        "المخزن عنوان postgresql:// أو فارغ للسجل على هذا الحاسوب",
    ),
    "team.store_password": (
        "the address holds a password; keep passwords in ~/.pgpass or a service file, "
        "never in config.yaml",
        "العنوان يحتوي كلمة مرور؛ احفظ كلمات المرور في ~/.pgpass أو في ملف خدمة، "
        "وليس في config.yaml أبدًا",
    ),
    "team.store_env_password": (
        "CSM_STORE holds a password.",
        "يحتوي CSM_STORE على كلمة مرور.",
    ),
    "team.bad_store_env": (
        "CSM_STORE is not a postgresql:// address.",
        "قيمة CSM_STORE ليست عنوان postgresql://.",
    ),
    "team.store_hint": (
        "Example: postgresql:///csm?service=support (the password goes in ~/.pgpass).",
        "مثال: postgresql:///csm?service=support (وكلمة المرور في ~/.pgpass).",
    ),
    "team.no_psycopg": (
        "The team's store needs psycopg, which is not installed.",
        "يحتاج مخزن الفريق إلى psycopg، وهو غير مثبّت.",
    ),
    "team.no_psycopg_hint": (
        'Install it with: pip install "csm-checklist[team]"',
        'ثبّته بالأمر: pip install "csm-checklist[team]"',
    ),
    "team.no_store": (
        "No team store is set: csm uses the log on this computer.",
        "لم يُضبط مخزن للفريق: يستخدم csm السجل على هذا الحاسوب.",
    ),
    "team.no_store_hint": (
        "Set one with: csm config set store postgresql:///csm?service=support",
        "اضبطه بالأمر: csm config set store postgresql:///csm?service=support",
    ),
    # Reaching the server (store/postgres.py)
    "team.unreachable": (
        "Cannot reach the team's server {server}: {reason}.",
        "تعذّر الوصول إلى خادم الفريق {server}: {reason}.",
    ),
    "team.unreachable_hint": (
        "Check that the server is running and reachable, the store setting (csm config show) "
        "and your login in ~/.pgpass. Nothing was written.",
        "تحقّق من أن الخادم يعمل ويمكن الوصول إليه، ومن إعداد المخزن (csm config show) "
        "ومن بيانات دخولك في ~/.pgpass. لم يُكتب شيء.",
    ),
    "team.lost": (
        "Lost the connection to the team's server {server}: {reason}.",
        "انقطع الاتصال بخادم الفريق {server}: {reason}.",
    ),
    "team.failed": (
        "The team's server {server} could not do it: {reason}.",
        "لم يتمكن خادم الفريق {server} من تنفيذ ذلك: {reason}.",
    ),
    "team.refused": (
        "The team's server {server} refused: {reason}.",
        "رفض خادم الفريق {server}: {reason}.",
    ),
    "team.refused_hint": (
        "Nothing was changed. Ask a lead or the administrator if it must be done.",
        "لم يتغير شيء. اطلب ذلك من قائد الفريق أو المسؤول إن كان لا بد منه.",
    ),
    "team.not_set_up": (
        "The team's server {server} has no csm record yet.",
        "لا يحتوي خادم الفريق {server} على سجل csm بعد.",
    ),
    "team.not_set_up_hint": (
        "An administrator sets it up with: csm team init",
        "يُعدّه المسؤول بالأمر: csm team init",
    ),
    "team.newer": (
        "The team's record on {server} was set up by a newer csm (migration {name}).",
        "أُعدّ سجل الفريق على {server} بإصدار أحدث من csm (الترحيل {name}).",
    ),
    "team.newer_hint": (
        'Upgrade csm: pip install --upgrade "csm-checklist[team]"',
        'حدّث csm بالأمر: pip install --upgrade "csm-checklist[team]"',
    ),
    "team.behind": (
        "The team's record on {server} lacks the migration {name} this csm needs.",
        "ينقص سجل الفريق على {server} الترحيل {name} الذي يحتاجه هذا الإصدار من csm.",
    ),
    "team.behind_hint": (
        "An administrator applies it with: csm team upgrade",
        "يطبّقه المسؤول بالأمر: csm team upgrade",
    ),
    # Who may undo or correct what
    "team.not_yours": (
        "{item} was logged by {by}: only they or a lead can undo it.",
        "سجّل {by} البند {item}: لا يتراجع عنه إلا هو أو قائد الفريق.",
    ),
    "team.not_yours_hint": (
        "Nothing was changed. Ask {by} or a lead.",
        "لم يتغير شيء. اطلب ذلك من {by} أو من قائد الفريق.",
    ),
    "team.not_your_note": (
        "This entry was logged by {by}: only they or a lead can correct its note.",
        "سجّل {by} هذا التسجيل: لا يصحّح ملاحظته إلا هو أو قائد الفريق.",
    ),
    "team.reason_needed": (
        "{item} was logged by {by}: a lead's undo of it needs a reason.",
        "سجّل {by} البند {item}: يحتاج تراجع قائد الفريق عنه إلى سبب.",
    ),
    "team.reason_needed_hint": (
        'Give one: csm undo {item} --reason "logged twice"',
        'اذكر السبب: csm undo {item} --reason "logged twice"',
    ),
    "team.already_by": (
        "{by} already logged it on {moment}.",
        "سجّله {by} بالفعل في {moment}.",
    ),
    # csm team (cli/commands/team.py)
    "team.admin_refused": (
        "The server {server} refused: {reason}.",
        "رفض الخادم {server}: {reason}.",
    ),
    "team.admin_refused_hint": (
        "Run it as the administrator: a login that may create roles (CREATEROLE) and "
        "owns or may create in the database.",
        "شغّله بصفتك المسؤول: بحساب يستطيع إنشاء الأدوار (CREATEROLE) ويملك قاعدة البيانات "
        "أو يستطيع الإنشاء فيها.",
    ),
    "team.bad_login": (
        "{login!r} is not a login csm can add.",
        "{login!r} ليس اسم دخول يستطيع csm إضافته.",
    ),
    "team.login_hint": (
        'A login is lowercase letters, digits and _ . @ -, e.g. csm team add mona --name "Mona".',
        'اسم الدخول حروف لاتينية صغيرة وأرقام و_ . @ -، مثل csm team add mona --name "Mona".',
    ),
    "team.bad_name": ("--name is one line of text.", "قيمة --name سطر واحد من النص."),
    "team.initialised": (
        "The team's record is ready on {server}: {count} migrations applied.",
        "سجل الفريق جاهز على {server}: طُبّق {count} ترحيل.",
    ),
    "team.init_next": (
        'Next: csm team add LOGIN --name "NAME" for each member.',
        'التالي: csm team add LOGIN --name "NAME" لكل عضو.',
    ),
    "team.upgraded": (
        "Applied on {server}: {names}.",
        "طُبّق على {server}: {names}.",
    ),
    "team.up_to_date": (
        "The team's record on {server} is up to date.",
        "سجل الفريق على {server} محدَّث.",
    ),
    "team.added": (
        "{name} ({login}) is a member{lead}.",
        "{name} ({login}) عضو في الفريق{lead}.",
    ),
    "team.added_lead": (", and a lead", "، وقائد للفريق"),
    "team.added_new_login": (
        "The login {login} was created without a password: set one with psql's "
        "\\password {login}, or let the server trust its own authentication.",
        "أُنشئ حساب الدخول {login} دون كلمة مرور: اضبطها بالأمر \\password {login} في psql، "
        "أو اعتمد على طريقة التحقق في الخادم.",
    ),
    "team.no_members": ("No members yet.", "لا أعضاء بعد."),
    "team.lead_word": ("lead", "قائد"),
    "team.member_word": ("member", "عضو"),
    "team.status_server": (
        "Server: {server} (PostgreSQL {version})",
        "الخادم: {server} (PostgreSQL {version})",
    ),
    "team.status_schema": (
        "Record: {applied} of {known} migrations",
        "السجل: {applied} من {known} ترحيلات",
    ),
    "team.status_me": ("You: {login}{name} ({role})", "أنت: {login}{name} ({role})"),
    "team.status_admin": ("administrator", "مسؤول"),
    "team.status_not_member": ("not a member", "لست عضوًا"),
    "team.joined": (
        "Joined: {added} entries added from {path}, {present} already there.",
        "تم الانضمام: أُضيف {added} تسجيل من {path}، و{present} موجود من قبل.",
    ),
    "team.join_no_log": (
        "There is no personal log at {path}.",
        "لا يوجد سجل شخصي في {path}.",
    ),
    "team.join_no_log_hint": (
        "Give the file: csm team join --from PATH",
        "حدّد الملف: csm team join --from PATH",
    ),
}
