"""What csm says about the log's hash chain: `csm verify`, and the chain's
head in the footers of reports and exports.

Commands, options and hex digits stay Latin inside the Arabic.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "chain.bad_head": (
        "--head takes at least {count} hex digits (0-9, a-f) of a chain head, not '{text}'.",
        "يأخذ --head ما لا يقل عن {count} أرقام ست عشرية (0-9، a-f) من رأس السلسلة، وليس '{text}'.",
    ),
    "chain.bad_head_hint": (
        "Copy the head from the report's footer, e.g. csm verify --head 9d869b34.",
        "انسخ الرأس من تذييل التقرير، مثلًا csm verify --head 9d869b34.",
    ),
    "chain.whole": (
        "The log matches its chain (links: {count}; head {head}).",
        "السجل مطابق لسلسلته (الحلقات: {count}؛ الرأس SHA-256 {head}).",
    ),
    "chain.empty": (
        "The log has no entries yet: its chain is empty.",
        "لا إدخالات في السجل بعد: سلسلته فارغة.",
    ),
    "chain.matched": (
        "Head {head} is the log's chain at link {at} of {count}: "
        "the report it came from matches the log.",
        "الرأس SHA-256 {head} هو سلسلة السجل عند الحلقة {at} من {count}: "
        "التقرير الذي جاء منه مطابق للسجل.",
    ),
    "chain.not_matched": (
        "Head {head} is not the log's chain at any link up to {count}: "
        "the report it came from does not match this log.",
        "الرأس SHA-256 {head} ليس سلسلة السجل عند أي حلقة حتى {count}: "
        "التقرير الذي جاء منه لا يطابق هذا السجل.",
    ),
    "chain.broken": (
        "The log does not match its chain at link {seq}: {what}.",
        "السجل لا يطابق سلسلته عند الحلقة {seq}: {what}.",
    ),
    "chain.unchained": (
        "The log holds a record its chain does not: {what}.",
        "يحتوي السجل على سجل ليس في سلسلته: {what}.",
    ),
    "chain.broken_hint": (
        "Something changed the log outside csm. The links before it hold "
        "(links: {count}; head {head}); compare with a backup or an export.",
        "غيّر شيء السجل خارج csm. الحلقات قبلها سليمة "
        "(الحلقات: {count}؛ الرأس SHA-256 {head})؛ قارن بنسخة احتياطية أو بتصدير.",
    ),
    "chain.what.entry.changed": (
        "the entry of {item} for {period} (id {uuid}) was changed",
        "غُيّر إدخال {item} للفترة {period} (المعرّف {uuid})",
    ),
    "chain.what.entry.missing": (
        "the entry with id {uuid} is missing",
        "الإدخال ذو المعرّف {uuid} مفقود",
    ),
    "chain.what.entry.unchained": (
        "the entry of {item} for {period} (id {uuid}) was added outside csm",
        "أُضيف إدخال {item} للفترة {period} (المعرّف {uuid}) خارج csm",
    ),
    "chain.what.undo.changed": (
        "the undo of {item} for {period} (id {uuid}) was changed",
        "غُيّر التراجع عن {item} للفترة {period} (المعرّف {uuid})",
    ),
    "chain.what.undo.missing": (
        "the undo of the entry with id {uuid} is missing",
        "التراجع عن الإدخال ذي المعرّف {uuid} مفقود",
    ),
    "chain.what.note.changed": (
        "the note of {item} for {period} (id {uuid}) was changed",
        "غُيّرت ملاحظة {item} للفترة {period} (المعرّف {uuid})",
    ),
    "chain.what.note.missing": (
        "a note correction of the entry with id {uuid} is missing",
        "تصحيح ملاحظة للإدخال ذي المعرّف {uuid} مفقود",
    ),
    "chain.what.note.unchained": (
        "a note correction of the entry with id {uuid} was added outside csm",
        "أُضيف تصحيح ملاحظة للإدخال ذي المعرّف {uuid} خارج csm",
    ),
    "chain.what.link.missing": (
        "a link of the chain is missing",
        "حلقة من السلسلة مفقودة",
    ),
    "chain.footer_text": (
        "Log chain: link {count}, head {head}.",
        "سلسلة السجل: الحلقة {count}، والرأس SHA-256 {head}.",
    ),
    "chain.footer_check": (
        "Check it with: csm verify --head {short}",
        "افحصه بالأمر: csm verify --head {short}",
    ),
    "chain.footer": (
        "Log chain: link {count}, head {head} (check it with: csm verify --head {short}).",
        "سلسلة السجل: الحلقة {count}، والرأس SHA-256 {head} "
        "(افحصه بالأمر: csm verify --head {short}).",
    ),
}
