"""What the system around csm says when it refuses something, in csm's words.

The operating system (`strerror`), Python's date and number checks and
SQLite word their reasons in English. A message that passes such a reason
on (`Cannot use {path}: {reason}.`) says it in the reader's language: the
English text is looked up here (`messages.SYSTEM_TEXTS` maps it to its id).
A reason not in this table is shown as the system worded it.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # The operating system (errno's strerror on Linux and macOS).
    "system.no_such_file": ("No such file or directory", "لا يوجد ملف أو مجلد بهذا الاسم"),
    "system.permission_denied": ("Permission denied", "لا توجد صلاحية"),
    "system.is_a_directory": ("Is a directory", "إنه مجلد"),
    "system.not_a_directory": ("Not a directory", "ليس مجلدًا"),
    "system.read_only": ("Read-only file system", "نظام الملفات للقراءة فقط"),
    "system.disk_full": ("No space left on device", "لا توجد مساحة فارغة على القرص"),
    "system.file_exists": ("File exists", "الملف موجود"),
    "system.not_empty": ("Directory not empty", "المجلد ليس فارغًا"),
    "system.busy": ("Device or resource busy", "الجهاز أو المورد مشغول"),
    "system.name_too_long": ("File name too long", "اسم الملف طويل جدًا"),
    "system.io_error": ("Input/output error", "خطأ في القراءة أو الكتابة"),
    "system.links": ("Too many levels of symbolic links", "روابط رمزية متداخلة أكثر من اللازم"),
    "system.operation_not_permitted": ("Operation not permitted", "العملية غير مسموح بها"),
    # Python's own checks of dates and numbers.
    "system.month": ("month must be in 1..12", "الشهر من 1 إلى 12"),
    "system.day": ("day is out of range for month", "لا يوجد هذا اليوم في الشهر"),
    "system.year_zero": ("year 0 is out of range", "لا توجد السنة 0"),
    "system.date_range": ("date value out of range", "التاريخ خارج النطاق"),
    "system.int_too_large": (
        "Python int too large to convert to C int",
        "العدد أكبر مما يمكن التعامل معه",
    ),
    "system.int_max": ("signed integer is greater than maximum", "العدد أكبر من الحد الأقصى"),
    # SQLite.
    "system.db_locked": ("database is locked", "قاعدة البيانات مقفلة"),
    "system.db_not": ("file is not a database", "الملف ليس قاعدة بيانات"),
    "system.db_malformed": ("database disk image is malformed", "ملف قاعدة البيانات تالف"),
    "system.db_readonly": (
        "attempt to write a readonly database",
        "محاولة الكتابة في قاعدة بيانات للقراءة فقط",
    ),
    "system.db_open": ("unable to open database file", "تعذّر فتح ملف قاعدة البيانات"),
    "system.db_io": ("disk I/O error", "خطأ في القراءة أو الكتابة على القرص"),
}
