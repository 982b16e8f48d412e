"""What the core says when something is wrong: errors and their hints.

A sentence that names a place and a problem (a file, a line, a key) is built
from nested messages, so each part is said in the same language.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -o FILE (outputs.py)
    "errors.output_own_file": (
        "-o {target} is csm's own file {own}; csm will not replace it.",
        "الملف المعطى لـ -o {target} هو ملف csm نفسه {own}؛ لن يستبدله csm.",
    ),
    "errors.output_own_file_hint": (
        "Write the output to another file, e.g. -o events.csv.",
        "اكتب الناتج في ملف آخر، مثل -o events.csv.",
    ),
    "errors.output_own_folder": (
        "-o {target} is inside csm's folder {folder}; csm will not write there.",
        "الملف المعطى لـ -o {target} داخل مجلد csm {folder}؛ لن يكتب csm هناك.",
    ),
    "errors.output_own_folder_hint": (
        "Write the output to another folder.",
        "اكتب الناتج في مجلد آخر.",
    ),
    "errors.output_empty": (
        "-o was given an empty file name.",
        "أُعطي الخيار -o اسم ملف فارغًا.",
    ),
    "errors.output_empty_hint": (
        "Use -o FILE, or -o - for stdout.",
        "استخدم -o FILE، أو -o - للكتابة على stdout.",
    ),
    "errors.output_cannot_use": (
        "Cannot use -o {path}: {reason}.",
        "لا يمكن استخدام -o {path}: {reason}.",
    ),
    "errors.output_is_folder": (
        "-o {path} is a folder.",
        "المسار المعطى لـ -o {path} مجلد وليس ملفًا.",
    ),
    "errors.output_is_folder_hint": ("Give a file name inside it.", "أعطِ اسم ملف داخله."),
    "errors.output_no_folder": (
        "The folder of -o {path} does not exist: {folder}.",
        "مجلد -o {path} غير موجود: {folder}.",
    ),
    "errors.output_no_folder_hint": (
        "Create the folder first; csm does not create folders for -o.",
        "أنشئ المجلد أولًا؛ لا ينشئ csm مجلدات لـ -o.",
    ),
    "errors.output_not_writable": (
        "{path} is not writable; csm will not replace it.",
        "لا يمكن الكتابة في {path}؛ لن يستبدله csm.",
    ),
    "errors.output_not_writable_hint": (
        "Make it writable (chmod u+w), or write to another file.",
        "اجعله قابلًا للكتابة (chmod u+w)، أو اكتب في ملف آخر.",
    ),
    "errors.output_write_hint": (
        "Choose a folder you can write to; the old file, if any, is untouched.",
        "اختر مجلدًا يمكنك الكتابة فيه؛ الملف القديم، إن وُجد، لم يُمَس.",
    ),
    "errors.output_cannot_write": (
        "Cannot write {path}: {reason}.",
        "تعذّرت الكتابة في {path}: {reason}.",
    ),
    # Finding the item a user means (catalog.py)
    "errors.item_switched_off": (
        "The item '{item}' is switched off (enabled: false in {source}).",
        "المهمة '{item}' موقوفة (enabled: false في {source}).",
    ),
    "errors.item_switched_off_hint": (
        "Set `enabled: true` there, or remove that line, to use it again.",
        "اكتب هناك `enabled: true`، أو احذف ذلك السطر، لاستخدامها من جديد.",
    ),
    "errors.no_item_named": ("No item was named.", "لم تُذكر أي مهمة."),
    "errors.see_csm_list": (
        "See all items with csm list.",
        "اعرض كل المهام بالأمر csm list.",
    ),
    "errors.cadence_name_matches_one": (
        "'{wanted}' matches {count} item: {items}, and is the name of a cadence; "
        "csm does not guess which you mean.",
        "'{wanted}' يطابق مهمة واحدة: {items}، وهو أيضًا اسم تكرار؛ لا يخمّن csm أيهما تقصد.",
    ),
    "errors.cadence_name_matches": (
        "'{wanted}' matches {count} items: {items}, and is the name of a cadence; "
        "csm does not guess which you mean.",
        "'{wanted}' يطابق {count} مهام: {items}، وهو أيضًا اسم تكرار؛ لا يخمّن csm أيهما تقصد.",
    ),
    "errors.cadence_name_not_item": (
        "'{wanted}' is the name of a cadence, not of an item.",
        "'{wanted}' اسم تكرار وليس اسم مهمة.",
    ),
    "errors.cadence_name_hint": (
        "Type the item's id (see csm list), or log every {cadence} item at once "
        "with --cadence {cadence}, e.g. csm done --cadence {cadence}.",
        "اكتب معرّف المهمة (انظر csm list)، أو سجّل كل مهام التكرار {cadence} دفعة واحدة "
        "بالخيار --cadence {cadence}، مثل csm done --cadence {cadence}.",
    ),
    "errors.query_matches_items": (
        "'{wanted}' matches {count} items: {items}.",
        "'{wanted}' يطابق {count} مهام: {items}.",
    ),
    "errors.query_matches_items_hint": (
        "Type more of the id, e.g. {example}; see all items with csm list.",
        "اكتب جزءًا أطول من المعرّف، مثل {example}؛ واعرض كل المهام بالأمر csm list.",
    ),
    "errors.listed_and_more": ("{names} and {more} more", "{names} و{more} غيرها"),
    "errors.did_you_mean_item": (
        "Did you mean {last}? See all items with csm list.",
        "هل تقصد {last}؟ اعرض كل المهام بالأمر csm list.",
    ),
    "errors.did_you_mean_items": (
        "Did you mean {first} or {last}? See all items with csm list.",
        "هل تقصد {first} أو {last}؟ اعرض كل المهام بالأمر csm list.",
    ),
    "errors.no_item_matches": (
        "No item matches '{wanted}'.",
        "لا توجد مهمة تطابق '{wanted}'.",
    ),
    "errors.no_item_with_cadence": (
        "No item in force has the {cadence} cadence.",
        "لا توجد مهمة سارية تكرارها {cadence}.",
    ),
    "errors.name_an_item": (
        "Name at least one item, or a cadence with --cadence.",
        "اذكر مهمة واحدة على الأقل، أو تكرارًا بالخيار --cadence.",
    ),
    "errors.name_an_item_hint": (
        "E.g. csm done monitor-accounts, or csm done --cadence daily.",
        "مثل csm done monitor-accounts، أو csm done --cadence daily.",
    ),
}
