"""What the core says when something is wrong: errors and their hints.

A sentence that names a place and a problem (a file, a line, a key) is built
from nested messages, so each part is said in the same language.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # Reading a file csm owns or is given (reading.py)
    "errors.not_a_file": (
        "{path} is {kind}, not a regular file; csm reads only ordinary files there.",
        "{path} هو {kind} وليس ملفًا عاديًا؛ لا يقرأ csm هناك إلا الملفات العادية.",
    ),
    "errors.not_a_file_hint": (
        "Remove it or put the ordinary file csm expects in its place.",
        "احذفه أو ضع مكانه الملف العادي الذي يتوقعه csm.",
    ),
    "errors.packs_file_unknown": (
        "{path}, line {line}: '{name}' is not a pack.",
        "{path}، السطر {line}: '{name}' ليست حزمة.",
    ),
    "errors.packs_file_hint": (
        "The file lists one pack a line (e.g. role); `csm checklist enable|disable NAME` "
        "rewrites it, or remove it to switch every pack off.",
        "يسرد الملف حزمة واحدة في كل سطر (مثل role)؛ الأمر `csm checklist enable|disable NAME` "
        "يعيد كتابته، أو احذفه لإيقاف كل الحزم.",
    ),
    "errors.import_no_stdin": (
        "Standard input is closed: there is nothing to import from `-`.",
        "الإدخال القياسي مغلق: لا يوجد ما يُستورد من `-`.",
    ),
    "errors.lock_held": (
        "Another csm command (pid {pid}: {command}) is changing the settings and holds {path}.",
        "أمر آخر من csm (رقم العملية {pid}: {command}) يغيّر الإعدادات ويحتجز {path}.",
    ),
    "errors.lock_held_hint": (
        "Nothing was changed. Waited {seconds} s; let that command finish (if it was stopped "
        "with Ctrl-Z, resume it with `fg`, or end it with `kill {pid}`), then try again.",
        "لم يتغير شيء. جرى الانتظار {seconds} ث؛ دع ذلك الأمر ينتهي (إن أوقف بـ Ctrl-Z فاستأنفه "
        "بـ `fg` أو أنهِه بـ `kill {pid}`)، ثم أعد المحاولة.",
    ),
    "errors.output_fifo_no_reader": (
        "-o {path} is a FIFO (named pipe) that nothing is reading; csm will not wait for one.",
        "الملف المعطى لـ -o {path} أنبوب مسمّى (FIFO) لا يقرأ منه شيء؛ لن ينتظر csm قارئًا.",
    ),
    "errors.output_fifo_no_reader_hint": (
        "Start the reader first (e.g. `cat {path} &`), or write to a regular file.",
        "شغّل القارئ أولًا (مثل `cat {path} &`)، أو اكتب في ملف عادي.",
    ),
    # What an import checks beyond each record's fields (importcheck.py)
    "errors.import_more_problems": (
        "Nothing was imported. {count} more problem(s) are listed above this hint; fix the file.",
        "لم يُستورد شيء. توجد {count} مشكلة أخرى مذكورة فوق هذا التلميح؛ أصلح الملف.",
    ),
    "errors.import_day_future": (
        "{name} {value} is in the future; csm records work that has been done.",
        "{name} {value} في المستقبل؛ يسجّل csm العمل الذي أُنجز.",
    ),
    "errors.import_moment_future": (
        "{name} {value} is after now; no record can have been made then.",
        "{name} {value} بعد الآن؛ لا يمكن أن يكون سجلّ قد كُتب حينها.",
    ),
    "errors.import_moment_early": (
        "{name} {value} is before 1900, earlier than csm records.",
        "{name} {value} قبل عام 1900، وهذا أقدم مما يسجّله csm.",
    ),
    "errors.import_period_taken": (
        "'{item}' already has an active entry ({uuid}) for {start}..{end}; "
        "one period holds one entry.",
        "للمهمة '{item}' تسجيل نشط ({uuid}) للفترة {start}..{end}؛ "
        "الفترة الواحدة تحمل تسجيلًا واحدًا.",
    ),
    "errors.import_backup_version": (
        "{name}: csm_backup is {value}, a backup version this csm does not know (it reads 1).",
        "{name}: قيمة csm_backup هي {value}، وهذه نسخة احتياطية لا يعرفها csm هذا (يقرأ 1).",
    ),
    "errors.import_backup_version_hint": (
        "Import it with the csm that wrote it, or export it again as json.",
        "استورده بنسخة csm التي كتبته، أو صدّره من جديد بصيغة json.",
    ),
    "errors.import_no_such_run": (
        "run '{run}' is neither in the file nor in the log.",
        "التشغيل '{run}' غير موجود في الملف ولا في السجل.",
    ),
    "errors.import_no_such_step": (
        "run '{run}' has no step '{step}'.",
        "التشغيل '{run}' ليس فيه خطوة '{step}'.",
    ),
    "errors.import_measure_not_number": (
        "the value {value} is not a finite number.",
        "القيمة {value} ليست عددًا منتهيًا.",
    ),
    "errors.import_no_such_event": (
        "the measure belongs to event {uuid}, which is neither in the file nor in the log.",
        "المقياس يخص التسجيل {uuid}، وهو غير موجود في الملف ولا في السجل.",
    ),
    "errors.import_measure_undeclared": (
        "'{item}' declares no measure '{measure}'.",
        "المهمة '{item}' لا تعرّف مقياسًا باسم '{measure}'.",
    ),
    "errors.log_bad_row": (
        "The log has a row csm cannot read: table {table}, id {id} ({reason}).",
        "في السجل صف لا يستطيع csm قراءته: الجدول {table}، المعرّف {id} ({reason}).",
    ),
    "errors.log_bad_row_hint": (
        "Someone edited the log by hand. Restore it from a backup (csm import into a new "
        "log), or correct that row of {table} with a SQLite tool; csm never changes it itself.",
        "عدّل أحدهم السجل يدويًا. استعده من نسخة احتياطية (csm import في سجل جديد)، أو صحّح "
        "ذلك الصف من {table} بأداة SQLite؛ لا يغيّره csm من تلقاء نفسه.",
    ),
    "errors.day_future": (
        "{option} {day} is in the future.",
        "{option} {day} في المستقبل.",
    ),
    "errors.system_time_zone": (
        "The system's time zone (TZ={tz}) is not one csm can use: no clock is a day or more "
        "away from UTC.",
        "المنطقة الزمنية للنظام (TZ={tz}) غير صالحة لـ csm: لا توجد ساعة تبعد يومًا أو أكثر "
        "عن التوقيت العالمي.",
    ),
    "errors.system_time_zone_hint": (
        "Fix TZ, or set one: csm config set timezone Asia/Riyadh.",
        "أصلح TZ، أو اضبط منطقة: csm config set timezone Asia/Riyadh.",
    ),
    "errors.day_out_of_range": (
        "{key} is outside the days csm keeps ({first} to {last})",
        "{key} خارج الأيام التي يحفظها csm (من {first} إلى {last})",
    ),
    "errors.run_empty": ("No run was named.", "لم يُذكر اسم تشغيل."),
    "errors.run_empty_hint": (
        "Name a run, e.g. crisis-2027-03-02; `csm run list` lists them.",
        "اذكر اسم تشغيل، مثل crisis-2027-03-02؛ الأمر `csm run list` يسردها.",
    ),
    "errors.log_busy_by": (
        "The log {path} is held by another process (pid {pid}: {command}).",
        "السجل {path} محتجز لدى عملية أخرى (رقم العملية {pid}: {command}).",
    ),
    "errors.log_busy_by_hint": (
        "Nothing was written. Waited {seconds} s; let that command finish (if it was stopped "
        "with Ctrl-Z, resume it with `fg`, or end it with `kill {pid}`), then try again.",
        "لم يُكتب شيء. جرى الانتظار {seconds} ث؛ دع ذلك الأمر ينتهي (إن أوقف بـ Ctrl-Z فاستأنفه "
        "بـ `fg` أو أنهِه بـ `kill {pid}`)، ثم أعد المحاولة.",
    ),
    "errors.kind_folder": ("a folder", "مجلد"),
    "errors.kind_fifo": ("a FIFO (named pipe)", "أنبوب مسمّى (FIFO)"),
    "errors.kind_device": ("a device", "جهاز"),
    "errors.kind_other": ("a special file", "ملف خاص"),
    "errors.file_too_big": (
        "{path} is larger than {limit} MB, more than csm ever reads there.",
        "{path} أكبر من {limit} ميغابايت، وهذا أكثر مما يقرؤه csm هناك في أي حال.",
    ),
    "errors.file_too_big_hint": (
        "Check that the path names the file you mean; csm's own files are far smaller.",
        "تحقّق من أن المسار يشير إلى الملف المقصود؛ ملفات csm نفسها أصغر من ذلك بكثير.",
    ),
    "errors.file_not_utf8": (
        "{path}, line {line}: the file is not UTF-8 text.",
        "{path}، السطر {line}: الملف ليس نصًّا بترميز UTF-8.",
    ),
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
        "'{wanted}' matches 1 item: {items}, and is the name of a cadence; "
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
    # Checklist files (checklists.py): "FILE, line N, item 'x': problem."
    "errors.at": ("{where}: {problem}.", "{where}: {problem}."),
    "errors.at_line": ("{source}, line {line}", "{source}، السطر {line}"),
    "errors.at_line_who": ("{source}, line {line}, {who}", "{source}، السطر {line}، {who}"),
    "errors.who_item": ("item '{id}'", "المهمة '{id}'"),
    "errors.who_area": ("area '{id}'", "المجال '{id}'"),
    "errors.position_item": ("item #{index}", "المهمة رقم {index}"),
    "errors.position_area": ("area #{index}", "المجال رقم {index}"),
    "errors.then": ("{first}{second}", "{first}{second}"),
    "errors.did_you_mean": ("Did you mean '{word}'? ", "هل تقصد '{word}'؟ "),
    "errors.checklist_file_shape_hint": (
        "A checklist file is a mapping with an `areas:` list and/or an `items:` list; "
        "see the comment at the top of the built-in areas.yaml, or run `csm checklist init`.",
        "ملف قائمة المهام خريطة مفاتيح فيها قائمة `areas:` أو قائمة `items:` أو كلتاهما؛ "
        "انظر التعليق في أعلى الملف المضمّن areas.yaml، أو شغّل `csm checklist init`.",
    ),
    "errors.checklists_dir_is_file": (
        "{path} should be a folder of checklist files, but it is a file.",
        "يجب أن يكون {path} مجلدًا لملفات قوائم المهام، لكنه ملف.",
    ),
    "errors.checklists_dir_is_file_hint": (
        "Move the file away; `csm checklist init` creates the folder.",
        "انقل الملف إلى مكان آخر؛ الأمر `csm checklist init` ينشئ المجلد.",
    ),
    "errors.init_target_is_file": (
        "{path} is a file, not a folder; nothing was written.",
        "{path} ملف وليس مجلدًا؛ لم يُكتب شيء.",
    ),
    "errors.init_target_is_file_hint": (
        "Move it away, then run `csm checklist init` again.",
        "انقله إلى مكان آخر، ثم شغّل `csm checklist init` مرة أخرى.",
    ),
    "errors.init_exists": (
        "{path} already exists; nothing was written.",
        "{path} موجود من قبل؛ لم يُكتب شيء.",
    ),
    "errors.init_exists_more": (
        "{path} already exists (and {more} more); nothing was written.",
        "{path} موجود من قبل (ومعه {more} غيره)؛ لم يُكتب شيء.",
    ),
    "errors.init_exists_hint": (
        "Edit the existing files, or run `csm checklist init --force` "
        "to replace them with fresh copies of the built-ins.",
        "عدّل الملفات الموجودة، أو شغّل `csm checklist init --force` "
        "لاستبدالها بنسخ جديدة من القوائم المضمّنة.",
    ),
    "errors.checklist_unreadable": (
        "{path}: cannot read the file ({reason}).",
        "{path}: تعذّرت قراءة الملف ({reason}).",
    ),
    "errors.checklist_unreadable_hint": (
        "Check the path; `csm config path` shows where your checklists live.",
        "تحقّق من المسار؛ الأمر `csm config path` يعرض مكان قوائم مهامك.",
    ),
    "errors.not_utf8": ("the file is not UTF-8 text", "الملف ليس نصًّا بترميز UTF-8"),
    "errors.not_utf8_hint": (
        "Save it as UTF-8 (every editor offers it under 'Save as' or 'Encoding').",
        "احفظه بترميز UTF-8 (كل محرر يتيح ذلك في 'حفظ باسم' أو 'الترميز').",
    ),
    "errors.yaml_plain_values_hint": (
        "Write plain values; anchors and aliases (&name, *name) may repeat a "
        "value, not build huge or endless ones.",
        "اكتب قيمًا بسيطة؛ المراسي والأسماء المستعارة (&name, *name) تكرر قيمة، "
        "ولا تبني قيمًا ضخمة أو بلا نهاية.",
    ),
    "errors.yaml_invalid_file": (
        "{path}: not valid YAML ({reason}).",
        "{path}: ليس YAML صالحًا ({reason}).",
    ),
    "errors.yaml_fix_syntax": ("Fix the YAML syntax.", "صحّح صياغة YAML."),
    "errors.file_empty": ("the file is empty", "الملف فارغ"),
    "errors.checklist_file_not_mapping": (
        "the file holds {holds}, but a checklist file is a mapping",
        "يحوي الملف {holds}، لكن ملف قائمة المهام خريطة مفاتيح",
    ),
    "errors.key_not_list": (
        "`{key}:` holds {holds}, but it should be a list",
        "يحوي `{key}:` {holds}، لكن يجب أن يكون قائمة",
    ),
    "errors.key_not_list_hint": (
        "Start each entry on its own line with a dash, e.g. `{example}`.",
        "ابدأ كل عنصر في سطر خاص به بشرطة، مثل `{example}`.",
    ),
    "errors.duplicate_id_in_file": (
        "duplicate id: line {line} of this file already uses it",
        "معرّف مكرر: يستخدمه السطر {line} من هذا الملف",
    ),
    "errors.duplicate_id_in_file_hint_item": (
        "Ids must be unique: rename one of the items or delete the duplicate.",
        "يجب ألا تتكرر المعرّفات: غيّر معرّف إحدى المهمتين أو احذف المكررة.",
    ),
    "errors.duplicate_id_in_file_hint_area": (
        "Ids must be unique: rename one of the areas or delete the duplicate.",
        "يجب ألا تتكرر المعرّفات: غيّر معرّف أحد المجالين أو احذف المكرر.",
    ),
    "errors.yaml_tabs": (
        "tabs are not allowed for indentation; use spaces",
        "لا يُسمح بعلامات الجدولة (tab) في الإزاحة؛ استخدم المسافات",
    ),
    "errors.yaml_tabs_hint": (
        "Replace the tab characters at the start of the line with spaces "
        "(most editors have a 'convert indentation to spaces' command).",
        "استبدل علامات الجدولة في بداية السطر بمسافات "
        "(في معظم المحررات أمر لتحويل الإزاحة إلى مسافات).",
    ),
    "errors.yaml_invalid": ("this is not valid YAML ({detail})", "هذا ليس YAML صالحًا ({detail})"),
    "errors.yaml_invalid_hint": (
        "Check the indentation and that every `key: value` has a space after the "
        "colon; quote text that contains ': ' or starts with a special character.",
        "تحقّق من الإزاحة ومن وجود مسافة بعد النقطتين في كل `key: value`؛ "
        "وضع بين علامتي تنصيص كل نص فيه ': ' أو يبدأ برمز خاص.",
    ),
    "errors.node_list": ("a list", "قائمة"),
    "errors.node_mapping": ("a mapping", "خريطة مفاتيح"),
    "errors.node_value": ("the value {value!r}", "القيمة {value!r}"),
    "errors.node_nothing": ("nothing", "لا شيء"),
    "errors.key_not_word": ("a key must be a plain word", "يجب أن يكون المفتاح كلمة بسيطة"),
    "errors.unknown_key": ("unknown key '{key}'", "مفتاح غير معروف '{key}'"),
    "errors.key_twice": ("the key '{key}' appears twice", "المفتاح '{key}' مكتوب مرتين"),
    "errors.key_twice_hint": (
        "Keep one of them; YAML would silently use the last.",
        "أبقِ واحدًا منهما؛ فـ YAML يأخذ الأخير دون تنبيه.",
    ),
    "errors.keys_list": ("Keys: {keys}.", "المفاتيح: {keys}."),
    "errors.cannot_read_value": ("cannot read {problem}", "تعذّرت قراءة {problem}"),
    "errors.write_plain_text": ("Write plain text.", "اكتب نصًّا عاديًّا."),
    "errors.entry_not_mapping_item": (
        "each item must be a mapping of keys, but this is {holds}",
        "يجب أن تكون كل مهمة خريطة مفاتيح، لكن هذه {holds}",
    ),
    "errors.entry_not_mapping_area": (
        "each area must be a mapping of keys, but this is {holds}",
        "يجب أن يكون كل مجال خريطة مفاتيح، لكن هذا {holds}",
    ),
    "errors.entry_not_mapping_hint_item": (
        "Write the item as `key: value` lines: `- id: my-item`, then "
        "`title:`, `area:` and `cadence:` indented below it.",
        "اكتب المهمة أسطرًا من `key: value`: `- id: my-item`، ثم "
        "`title:` و`area:` و`cadence:` بإزاحة تحته.",
    ),
    "errors.entry_not_mapping_hint_area": (
        "Write the area as `key: value` lines: `- id: my-area`, then `title:` indented below it.",
        "اكتب المجال أسطرًا من `key: value`: `- id: my-area`، ثم `title:` بإزاحة تحته.",
    ),
    "errors.no_key": ("it has no `{key}:`", "المفتاح `{key}:` مفقود"),
    "errors.no_id_hint_item": (
        "Give every item a unique lowercase id, e.g. `id: weekly-sync`.",
        "أعطِ كل مهمة معرّفًا فريدًا بأحرف صغيرة، مثل `id: weekly-sync`.",
    ),
    "errors.no_id_hint_area": (
        "Give every area a unique lowercase id, e.g. `id: weekly-sync`.",
        "أعطِ كل مجال معرّفًا فريدًا بأحرف صغيرة، مثل `id: weekly-sync`.",
    ),
    "errors.such_as": (" such as '{slug}'", " مثل '{slug}'"),
    "errors.id_not_slug": (
        "the id {shown} is not a lowercase slug",
        "المعرّف {shown} ليس كلمة بأحرف صغيرة وشرطات",
    ),
    "errors.id_not_slug_hint": (
        "Use lowercase letters, digits and single dashes{suggestion}; "
        "an id is what you type in `csm done ID`.",
        "استخدم أحرفًا لاتينية صغيرة وأرقامًا وشرطات مفردة{suggestion}؛ "
        "المعرّف هو ما تكتبه في `csm done ID`.",
    ),
    "errors.tags_not_words": (
        "`tags:` must be a list of words",
        "يجب أن يكون `tags:` قائمة كلمات",
    ),
    "errors.tags_not_words_hint": (
        "Write e.g. `tags: [team, report]`.",
        "اكتب مثلًا `tags: [team, report]`.",
    ),
    "errors.enabled_not_bool": (
        "`enabled:` must be true or false, not {shown}",
        "يجب أن يكون `enabled:` إما true أو false، لا {shown}",
    ),
    "errors.enabled_not_bool_hint": (
        "Write `enabled: false` to switch the item off, `enabled: true` to keep it.",
        "اكتب `enabled: false` لإيقاف المهمة، و`enabled: true` لإبقائها.",
    ),
    "errors.key_not_date": (
        "`{key}:` must be a date, not {shown}",
        "يجب أن يكون `{key}:` تاريخًا، لا {shown}",
    ),
    "errors.key_not_date_hint_start": (
        "Write the first day of the recurrence as YYYY-MM-DD, e.g. `start: 2026-01-05`.",
        "اكتب أول يوم للتكرار بالصيغة YYYY-MM-DD، مثل `start: 2026-01-05`.",
    ),
    "errors.key_not_date_hint_since": (
        "Write the first day to track as YYYY-MM-DD, e.g. `since: 2026-01-05`.",
        "اكتب أول يوم للمتابعة بالصيغة YYYY-MM-DD، مثل `since: 2026-01-05`.",
    ),
    "errors.key_not_text": (
        "`{key}:` must be text, not {shown}",
        "يجب أن يكون `{key}:` نصًّا، لا {shown}",
    ),
    "errors.write_eg": ("Write e.g. {example}.", "اكتب مثلًا {example}."),
    "errors.unknown_cadence": ("unknown cadence '{cadence}'", "تكرار غير معروف '{cadence}'"),
    "errors.cadences_list": ("Cadences: {cadences}.", "أنواع التكرار: {cadences}."),
    "errors.text_not_mapping": (
        "`{key}:` must be a mapping with en and ar texts, not {holds}",
        "يجب أن يكون `{key}:` خريطة فيها النصان en وar، لا {holds}",
    ),
    "errors.text_not_text": ("`{key}.{lang}` must be text", "يجب أن يكون `{key}.{lang}` نصًّا"),
    "errors.text_not_text_hint": (
        "Quote it if it looks like a number or a date; e.g. {example}.",
        "ضعه بين علامتي تنصيص إن كان يشبه رقمًا أو تاريخًا؛ مثل {example}.",
    ),
    "errors.id_used_in": (
        "the id is already used in {source}, line {line}",
        "المعرّف مستخدم من قبل في {source}، السطر {line}",
    ),
    "errors.id_used_in_hint_item": (
        "Give one of the two items another id, or delete one of them.",
        "أعطِ إحدى المهمتين معرّفًا آخر، أو احذف إحداهما.",
    ),
    "errors.id_used_in_hint_area": (
        "Give one of the two areas another id, or delete one of them.",
        "أعطِ أحد المجالين معرّفًا آخر، أو احذف أحدهما.",
    ),
    "errors.text_empty_title": ("the title is empty", "العنوان فارغ"),
    "errors.text_empty_details": ("the details is empty", "التفاصيل فارغة"),
    "errors.text_empty_hint": (
        'Write it in English, Arabic or both, e.g. `{key}: {{en: "...", ar: "..."}}`.',
        'اكتبه بالإنجليزية أو العربية أو بكلتيهما، مثل `{key}: {{en: "...", ar: "..."}}`.',
    ),
    "errors.new_needs_key_item": (
        "Every new item needs one, e.g. `{example}`.",
        "كل مهمة جديدة تحتاج إليه، مثل `{example}`.",
    ),
    "errors.new_needs_key_area": (
        "Every new area needs one, e.g. `{example}`.",
        "كل مجال جديد يحتاج إليه، مثل `{example}`.",
    ),
    "errors.unknown_area": ("unknown area '{area}'", "مجال غير معروف '{area}'"),
    "errors.unknown_area_hint": (
        "Areas: {areas}. A new area needs its own entry under `areas:`.",
        "المجالات: {areas}. المجال الجديد يحتاج إلى تعريف خاص به تحت `areas:`.",
    ),
    "errors.no_cadence_hint": (
        "Every new item needs one: {cadences}, e.g. `cadence: weekly`.",
        "كل مهمة جديدة تحتاج إليه: {cadences}، مثل `cadence: weekly`.",
    ),
    "errors.rrule_key_only": (
        "`{key}:` belongs only to items with `cadence: rrule`, and this one is {cadence}",
        "المفتاح `{key}:` خاص بالمهام ذات `cadence: rrule`، وتكرار هذه المهمة {cadence}",
    ),
    "errors.rrule_key_only_hint": (
        "Remove it, or set `cadence: rrule` and give the rule in `rrule:`.",
        "احذفه، أو اكتب `cadence: rrule` وضع القاعدة في `rrule:`.",
    ),
    "errors.rrule_missing": (
        "`cadence: rrule` needs an `rrule:` key",
        "يحتاج `cadence: rrule` إلى مفتاح `rrule:`",
    ),
    "errors.rrule_missing_hint": (
        'Add the rule, e.g. `rrule: "FREQ=WEEKLY;BYDAY=MO,TH"` for Mondays and Thursdays.',
        'أضف القاعدة، مثل `rrule: "FREQ=WEEKLY;BYDAY=MO,TH"` لأيام الاثنين والخميس.',
    ),
    "errors.rrule_no_due": (
        "an rrule item takes no `due:` rule",
        "مهمة rrule لا تأخذ قاعدة `due:`",
    ),
    "errors.rrule_no_due_hint": (
        "Its due dates are the dates the rule produces; remove `due:`.",
        "مواعيد استحقاقها هي التواريخ التي تنتجها القاعدة؛ احذف `due:`.",
    ),
    "errors.rrule_unusable": (
        "dateutil cannot use the rule {rule!r}: {reason}",
        "لا تستطيع dateutil استخدام القاعدة {rule!r}: {reason}",
    ),
    "errors.rrule_unusable_hint": (
        'Write an RFC 5545 rule such as "FREQ=WEEKLY;BYDAY=MO,TH" or "FREQ=WEEKLY;INTERVAL=2".',
        'اكتب قاعدة RFC 5545 مثل "FREQ=WEEKLY;BYDAY=MO,TH" أو "FREQ=WEEKLY;INTERVAL=2".',
    ),
    # Due rules: the problem, then the forms the cadence takes.
    "errors.due_forms_weekly": (
        "A weekly item takes a weekday (mon, tue, wed, thu, fri, sat, sun), "
        "first-workday or last-workday, e.g. `due: thu`.",
        "المهمة الأسبوعية تأخذ يومًا من الأسبوع (mon, tue, wed, thu, fri, sat, sun)، "
        "أو first-workday أو last-workday، مثل `due: thu`.",
    ),
    "errors.due_forms_monthly": (
        "A monthly item takes a day 1 to 31, or -1 to -31 counted from the month's end, "
        "first-workday or last-workday, e.g. `due: 5` or `due: -1`.",
        "المهمة الشهرية تأخذ يومًا من 1 إلى 31، أو من -1 إلى -31 عدًّا من نهاية الشهر، "
        "أو first-workday أو last-workday، مثل `due: 5` أو `due: -1`.",
    ),
    "errors.due_forms_quarterly": (
        "A quarterly item takes a month of the quarter (1 to 3) and a day, "
        "first-workday or last-workday, e.g. `due: {{month: 3, day: 15}}`.",
        "المهمة الربع سنوية تأخذ شهرًا من الربع (1 إلى 3) ويومًا، "
        "أو first-workday أو last-workday، مثل `due: {{month: 3, day: 15}}`.",
    ),
    "errors.due_forms_annual": (
        "A annual item takes a calendar month and day, first-workday or last-workday, "
        "e.g. `due: {{month: nov, day: 30}}`.",
        "المهمة السنوية تأخذ شهرًا ويومًا من التقويم، أو first-workday أو last-workday، "
        "مثل `due: {{month: nov, day: 30}}`.",
    ),
    "errors.due_forms_none": (
        "A {cadence} item is due every workday; remove `due:`.",
        "مهمة التكرار {cadence} مستحقة كل يوم عمل؛ احذف `due:`.",
    ),
    "errors.daily_no_due": (
        "a daily item takes no `due:` rule",
        "المهمة اليومية لا تأخذ قاعدة `due:`",
    ),
    "errors.not_a_weekday": ("'{raw}' is not a weekday", "'{raw}' ليس يومًا من أيام الأسبوع"),
    "errors.not_a_due_rule": (
        "{raw} is not a {cadence} due rule",
        "{raw} ليست قاعدة استحقاق لتكرار {cadence}",
    ),
    "errors.due_unknown_key": (
        "unknown key '{key}' in the due rule",
        "مفتاح غير معروف '{key}' في قاعدة الاستحقاق",
    ),
    "errors.due_needs_month_day": (
        "the due rule needs both `month:` and `day:`",
        "تحتاج قاعدة الاستحقاق إلى `month:` و`day:` معًا",
    ),
    "errors.due_not_quarter_month": (
        "month {month} is not a month of the quarter; use 1, 2 or 3 "
        "(the quarter's first, second or third month)",
        "الشهر {month} ليس شهرًا من الربع؛ استخدم 1 أو 2 أو 3 "
        "(الشهر الأول أو الثاني أو الثالث من الربع)",
    ),
    "errors.due_day_not_number": ("day {day} is not a number", "اليوم {day} ليس رقمًا"),
    "errors.due_day_monthly": ("a monthly", "المهمة الشهرية"),
    "errors.due_day_quarterly": ("a quarterly", "المهمة الربع سنوية"),
    "errors.due_day_month": ("{month}'s", "شهر {month}"),
    "errors.due_day_missing": (
        "day {day} does not exist; {what} due day is 1 to {limit}, "
        "or -1 to -{limit} counted from the month's end",
        "اليوم {day} غير موجود؛ يوم الاستحقاق في {what} من 1 إلى {limit}، "
        "أو من -1 إلى -{limit} عدًّا من نهاية الشهر",
    ),
    "errors.syntax_error": ("syntax error", "خطأ في الصياغة"),
    "errors.yaml_context": (
        "{problem}, {context} that starts on line {line}",
        "{problem}، {context} الذي يبدأ في السطر {line}",
    ),
    # YAML that csm refuses to build (yamlread.py)
    "errors.yaml_too_deep": ("values are nested too deeply", "القيم متداخلة بعمق زائد"),
    "errors.yaml_too_big": (
        "this value expands to more than {limit} values (aliases repeating aliases)",
        "هذه القيمة تتوسع إلى أكثر من {limit} قيمة (أسماء مستعارة تكرر أسماء مستعارة)",
    ),
    "errors.yaml_alias_cycle": (
        "an alias refers to the value it is part of",
        "اسم مستعار يشير إلى القيمة التي هو جزء منها",
    ),
    "errors.yaml_tag": (
        "the tag {tag!r} is not allowed; write plain values",
        "الوسم {tag!r} غير مسموح؛ اكتب قيمًا بسيطة",
    ),
    "errors.yaml_bad_scalar": (
        "{value!r} is not a valid {type}",
        "{value!r} ليست قيمة {type} صالحة",
    ),
    # Measures declared in a checklist, and given with --measure (measures.py)
    "errors.measures_example": (
        "Write e.g. `measures: [{{id: csat, label: {{en: Customer satisfaction, ar: رضا العملاء}}, "
        "unit: /5, target: 4.5, better: higher}}]`.",
        "اكتب مثلًا `measures: [{{id: csat, label: {{en: Customer satisfaction, ar: رضا العملاء}}, "
        "unit: /5, target: 4.5, better: higher}}]`.",
    ),
    "errors.measures_not_list": ("`measures:` must be a list", "يجب أن يكون `measures:` قائمة"),
    "errors.measure_twice": (
        "the measure '{id}' is declared twice",
        "المقياس '{id}' معرّف مرتين",
    ),
    "errors.keep_one": ("Keep one of them.", "أبقِ واحدًا منهما."),
    "errors.measure_not_mapping": (
        "each measure must be a mapping of keys",
        "يجب أن يكون كل مقياس خريطة مفاتيح",
    ),
    "errors.measure_unknown_key": (
        "unknown measure key '{key}'",
        "مفتاح مقياس غير معروف '{key}'",
    ),
    "errors.measure_keys": ("Measure keys: {keys}.", "مفاتيح المقياس: {keys}."),
    "errors.measure_key_twice": (
        "the measure key '{key}' appears twice",
        "مفتاح المقياس '{key}' مكتوب مرتين",
    ),
    "errors.measure_no_id": (
        "a measure needs an `id:` that is a lowercase slug",
        "يحتاج المقياس إلى `id:` بأحرف صغيرة وشرطات",
    ),
    "errors.measure_no_id_hint": (
        "Write e.g. `id: csat`; it is what you type in `--measure csat=4.6`.",
        "اكتب مثلًا `id: csat`؛ وهو ما تكتبه في `--measure csat=4.6`.",
    ),
    "errors.measure_unit": ("`unit:` must be short text", "يجب أن يكون `unit:` نصًّا قصيرًا"),
    "errors.measure_unit_hint": (
        "Write e.g. `unit: /5` or `unit: %`.",
        "اكتب مثلًا `unit: /5` أو `unit: %`.",
    ),
    "errors.measure_target": ("`target:` must be a number", "يجب أن يكون `target:` رقمًا"),
    "errors.measure_target_hint": ("Write e.g. `target: 4.5`.", "اكتب مثلًا `target: 4.5`."),
    "errors.measure_better": (
        "`better:` must be higher or lower",
        "يجب أن يكون `better:` إما higher أو lower",
    ),
    "errors.measure_better_hint": (
        "Write `better: higher` (satisfaction) or `better: lower` (complaints).",
        "اكتب `better: higher` (مثل الرضا) أو `better: lower` (مثل الشكاوى).",
    ),
    "errors.measure_combine": (
        "`combine:` must be sum, mean or last, not '{value}'",
        "يجب أن يكون `combine:` إما sum أو mean أو last، لا '{value}'",
    ),
    "errors.measure_combine_hint": (
        "Write `combine: sum` for a count (complaints), `combine: mean` for a score "
        "(satisfaction) or `combine: last` for a level (a backlog).",
        "اكتب `combine: sum` لعدد (مثل الشكاوى) أو `combine: mean` لدرجة (مثل الرضا) "
        "أو `combine: last` لمستوى (مثل الأعمال المتراكمة).",
    ),
    "errors.measure_label": (
        "a measure needs a `label:` with en and ar texts",
        "يحتاج المقياس إلى `label:` فيه النصان en وar",
    ),
    "errors.measure_label_hint": (
        'Write e.g. `label: {{en: "Complaints handled", ar: "الشكاوى التي تمت معالجتها"}}`.',
        'اكتب مثلًا `label: {{en: "Complaints handled", ar: "الشكاوى التي تمت معالجتها"}}`.',
    ),
    "errors.measure_label_texts": (
        "a label has `en:` and `ar:` texts",
        "التسمية فيها النصان `en:` و`ar:`",
    ),
    "errors.measure_label_texts_hint": ("Write both, as text.", "اكتب كليهما نصًّا."),
    "errors.measure_one_item": (
        "--measure records numbers for one item; this command logs {count}.",
        "الخيار --measure يسجّل أرقامًا لمهمة واحدة؛ وهذا الأمر يسجّل {count}.",
    ),
    "errors.measure_one_item_hint": (
        "Log the item with its measures on its own, e.g. "
        "csm done monthly-report --measure csat=4.6",
        "سجّل المهمة مع مقاييسها وحدها، مثل csm done monthly-report --measure csat=4.6",
    ),
    "errors.measure_none_declared": (
        "{item} declares no measures.",
        "المهمة {item} ليس لها مقاييس.",
    ),
    "errors.measure_none_declared_hint": (
        "Add `measures:` to the item in your checklist file (see the README, "
        "'Numbers for your monthly report').",
        "أضف `measures:` إلى المهمة في ملف قائمة مهامك (انظر README، "
        "'Numbers for your monthly report').",
    ),
    "errors.measure_unknown": (
        "--measure {text!r}: {item} has no measure {name!r}.",
        "--measure {text!r}: ليس للمهمة {item} مقياس باسم {name!r}.",
    ),
    "errors.measure_not_pair": (
        "--measure {text!r} is not ID=VALUE.",
        "--measure {text!r} ليس بالصيغة ID=VALUE.",
    ),
    "errors.measure_known": (
        "Its measures: {known}; e.g. --measure {first}={value}",
        "مقاييسها: {known}؛ مثل --measure {first}={value}",
    ),
    "errors.measure_nan": (
        "--measure {text!r}: {value!r} is not a number.",
        "--measure {text!r}: {value!r} ليس رقمًا.",
    ),
    "errors.measure_nan_unit": (
        "--measure {text!r}: {value!r} is not a number (its unit is {unit}).",
        "--measure {text!r}: {value!r} ليس رقمًا (وحدته {unit}).",
    ),
    "errors.measure_nan_hint": (
        "Write a number, e.g. --measure {name}={value}",
        "اكتب رقمًا، مثل --measure {name}={value}",
    ),
    "errors.measure_nan_unit_hint": (
        "Write a number, e.g. --measure {name}={value} or {name}={value}{unit}",
        "اكتب رقمًا، مثل --measure {name}={value} أو {name}={value}{unit}",
    ),
    "errors.measure_given_twice": (
        "--measure {name} is given twice.",
        "أُعطي --measure {name} مرتين.",
    ),
    "errors.measure_given_twice_hint": ("Give each measure once.", "أعطِ كل مقياس مرة واحدة."),
    # Settings and the config file (config.py)
    "errors.bad_lang": (
        "{value!r} is not a language csm speaks; use en or ar",
        "{value!r} ليست لغة يتحدثها csm؛ استخدم en أو ar",
    ),
    "errors.bad_timezone": (
        "{value!r} is not an IANA time zone; use a name such as Africa/Cairo or Asia/Riyadh",
        "{value!r} ليست منطقة زمنية من IANA؛ استخدم اسمًا مثل Africa/Cairo أو Asia/Riyadh",
    ),
    "errors.bad_user": ("a user name is one line", "اسم المستخدم سطر واحد"),
    "errors.bad_person": (
        "{value!r} is not a login (lower-case letters, digits, . _ @ -)",
        "{value!r} ليس اسم دخول (حروف لاتينية صغيرة وأرقام و . _ @ -)",
    ),
    "errors.person_twice": ("{value!r} is named twice", "ورد {value!r} مرتين"),
    "errors.bad_region": (
        "{value!r} is not a two-letter country code such as SA, AE or EG",
        "{value!r} ليس رمز دولة من حرفين مثل SA أو AE أو EG",
    ),
    "errors.bad_flag": ("{value!r} is not true or false", "{value!r} ليست true ولا false"),
    "errors.config_unreadable": (
        "Cannot read the config file {path}: {reason}.",
        "تعذّرت قراءة ملف الإعدادات {path}: {reason}.",
    ),
    "errors.config_unreadable_hint": (
        "Fix or remove the file; `csm config path` shows where it is.",
        "أصلح الملف أو احذفه؛ الأمر `csm config path` يعرض مكانه.",
    ),
    "errors.config_file": ("The config file {path}", "ملف الإعدادات {path}"),
    "errors.config_file_line": (
        "The config file {path}, line {line}",
        "ملف الإعدادات {path}، السطر {line}",
    ),
    "errors.config_not_yaml": ("{where} is not valid YAML.", "{where} ليس YAML صالحًا."),
    "errors.config_not_yaml_why": (
        "{where} is not valid YAML ({problem}).",
        "{where} ليس YAML صالحًا ({problem}).",
    ),
    "errors.config_not_yaml_hint": (
        "Fix the line, or set values with `csm config set KEY VALUE`.",
        "أصلح السطر، أو اضبط القيم بالأمر `csm config set KEY VALUE`.",
    ),
    "errors.node_single": ("a single value", "قيمة مفردة"),
    "errors.config_not_mapping": (
        "The config file {path} must be a mapping of settings, not {kind}.",
        "يجب أن يكون ملف الإعدادات {path} خريطة من الإعدادات، لا {kind}.",
    ),
    "errors.config_not_mapping_hint": (
        "Write one `key: value` per line, e.g. `workdays: sun-thu`.",
        "اكتب `key: value` واحدًا في كل سطر، مثل `workdays: sun-thu`.",
    ),
    "errors.config_name_not_word": (
        "a setting's name must be a plain word",
        "يجب أن يكون اسم الإعداد كلمة بسيطة",
    ),
    "errors.config_key_twice": (
        "the setting {key!r} appears twice (first on line {first})",
        "الإعداد {key!r} مكتوب مرتين (أولاهما في السطر {first})",
    ),
    "errors.config_mapping_value": (
        "{key} holds a mapping, but a setting is one value",
        "يحوي {key} خريطة مفاتيح، لكن الإعداد قيمة واحدة",
    ),
    "errors.config_list_value": (
        "{key} holds a list, but it is one value",
        "يحوي {key} قائمة، لكنه قيمة واحدة",
    ),
    "errors.config_problem": ("{where}: {problem}.", "{where}: {problem}."),
    "errors.config_problem_hint": (
        "Fix that line, or set values with `csm config set KEY VALUE`.",
        "أصلح ذلك السطر، أو اضبط القيم بالأمر `csm config set KEY VALUE`.",
    ),
    "errors.no_such_setting": (
        "There is no setting called {key!r}.",
        "لا يوجد إعداد باسم {key!r}.",
    ),
    "errors.no_such_setting_hint": ("Settings: {settings}.", "الإعدادات: {settings}."),
    "errors.no_such_setting_guess": (
        "Did you mean {guess}? Settings: {settings}.",
        "هل تقصد {guess}؟ الإعدادات: {settings}.",
    ),
    "errors.cannot_set": ("Cannot set {key}: {reason}.", "تعذّر ضبط {key}: {reason}."),
    "errors.cannot_set_hint": (
        "{description} Example: csm config set {key} {example}",
        "{description} مثال: csm config set {key} {example}",
    ),
    "errors.config_setting": ("{where}: {message}", "{where}: {message}"),
    "errors.config_cannot_write": (
        "Cannot write the config folder {path}: {reason}.",
        "تعذّرت الكتابة في مجلد الإعدادات {path}: {reason}.",
    ),
    "errors.config_cannot_write_hint": (
        "Make the folder writable, or point CSM_CONFIG_DIR at a folder you can write.",
        "اجعل المجلد قابلًا للكتابة، أو وجّه CSM_CONFIG_DIR إلى مجلد يمكنك الكتابة فيه.",
    ),
    # Cadences, weekdays, months and rrules as typed (schedule.py)
    "errors.not_a_cadence": (
        "{option} {text!r} is not a cadence",
        "{option} {text!r} ليس تكرارًا معروفًا",
    ),
    "errors.not_a_period": (
        "{option} {text!r} is not a period",
        "{option} {text!r} ليس فترة معروفة",
    ),
    "errors.bad_weekday": (
        "{text!r} is not a weekday; use one of {names}",
        "{text!r} ليس يومًا من أيام الأسبوع؛ استخدم واحدًا من {names}",
    ),
    "errors.bad_month": (
        "{value!r} is not a month; use 1-12 or jan-dec",
        "{value!r} ليس شهرًا؛ استخدم 1-12 أو jan-dec",
    ),
    "errors.no_such_month": (
        "month {value} does not exist; use 1-12 or jan-dec",
        "الشهر {value} غير موجود؛ استخدم 1-12 أو jan-dec",
    ),
    "errors.workdays_empty": (
        "workdays is empty; name at least one day, e.g. mon-fri or sun-thu",
        "workdays فارغ؛ اذكر يومًا واحدًا على الأقل، مثل mon-fri أو sun-thu",
    ),
    "errors.rrule_empty": (
        "the rule is empty; write one such as FREQ=WEEKLY;BYDAY=MO,TH",
        "القاعدة فارغة؛ اكتب قاعدة مثل FREQ=WEEKLY;BYDAY=MO,TH",
    ),
    "errors.rrule_dtstart": (
        "put the first date in the item's `start:` key, not in the rule",
        "ضع التاريخ الأول في المفتاح `start:` للمهمة، لا في القاعدة",
    ),
    "errors.rrule_unreadable": ("dateutil cannot read it", "لا تستطيع dateutil قراءتها"),
    "errors.rrule_set": (
        "write a single RRULE, not a set",
        "اكتب قاعدة RRULE واحدة، لا مجموعة قواعد",
    ),
    "errors.rrule_interval": ("INTERVAL must be 1 or more", "يجب أن يكون INTERVAL واحدًا أو أكثر"),
    "errors.rrule_too_often": (
        "a checklist item recurs at most daily; use FREQ=DAILY or longer",
        "تتكرر المهمة مرة في اليوم على الأكثر؛ استخدم FREQ=DAILY أو أطول",
    ),
    "errors.rrule_interval_gap": (
        "INTERVAL={interval} leaves more than {years} years between occurrences",
        "INTERVAL={interval} يترك أكثر من {years} سنوات بين موعدين",
    ),
    "errors.rrule_start_range": (
        "the start {start} is outside {first} to {last}",
        "البداية {start} خارج المدى من {first} إلى {last}",
    ),
    "errors.rrule_gap": (
        "the rule leaves more than {years} years without an occurrence",
        "القاعدة تترك أكثر من {years} سنوات دون موعد",
    ),
    # Files given to `csm import` (formats.py)
    "errors.import_fix_hint": (
        "Nothing was imported. Fix that record and run the import again.",
        "لم يُستورد شيء. أصلح ذلك العنصر من الملف وأعد الاستيراد.",
    ),
    "errors.in_record": ("{where}: {message}", "{where}: {message}"),
    "errors.at_index": ("{name}, {key}[{index}]", "{name}، {key}[{index}]"),
    "errors.stdin_name": ("standard input", "الدخل القياسي (stdin)"),
    "errors.field_not_text": (
        "field {name!r}: {value} is not text.",
        "الحقل {name!r}: {value} ليس نصًّا.",
    ),
    "errors.field_empty": ("field {name!r} is empty.", "الحقل {name!r} فارغ."),
    "errors.field_not_date": (
        "field {name!r}: {value} is not a date.",
        "الحقل {name!r}: {value} ليس تاريخًا.",
    ),
    "errors.field_out_of_range": (
        "field {name!r}: {value} is outside {first} to {last}.",
        "الحقل {name!r}: {value} خارج المدى من {first} إلى {last}.",
    ),
    "errors.field_not_timestamp": (
        "field {name!r}: {value} is not a timestamp with a UTC offset.",
        "الحقل {name!r}: {value} ليس طابعًا زمنيًّا بفرق توقيت عن UTC.",
    ),
    "errors.field_unknown": (
        "field {name!r} is not an event field.",
        "الحقل {name!r} ليس من حقول التسجيل.",
    ),
    "errors.field_missing": ("field {name!r} is missing.", "الحقل {name!r} ناقص."),
    "errors.field_not_uuid": (
        "field 'uuid': {value} is not a uuid.",
        "الحقل 'uuid': {value} ليس uuid.",
    ),
    "errors.field_not_cadence": (
        "field 'cadence': {value} is not a cadence ({cadences}).",
        "الحقل 'cadence': {value} ليس تكرارًا ({cadences}).",
    ),
    "errors.field_not_kind": (
        "field 'kind': {value} is not done or skip.",
        "الحقل 'kind': {value} ليس done ولا skip.",
    ),
    "errors.field_end_before_start": (
        "field 'period_end': '{end}' is before period_start '{start}'.",
        "الحقل 'period_end': '{end}' قبل period_start '{start}'.",
    ),
    "errors.field_outside_period": (
        "field 'for_date': '{day}' is outside the period {start} to {end}.",
        "الحقل 'for_date': '{day}' خارج الفترة من {start} إلى {end}.",
    ),
    "errors.import_missing": ("{name} does not exist.", "{name} غير موجود."),
    "errors.import_missing_hint": (
        "Check the path; `csm export -o FILE` writes one.",
        "تحقّق من المسار؛ الأمر `csm export -o FILE` يكتب ملفًا كهذا.",
    ),
    "errors.import_unreadable": ("Cannot read {name}: {reason}.", "تعذّرت قراءة {name}: {reason}."),
    "errors.import_unreadable_hint": (
        "Check the file's permissions.",
        "تحقّق من صلاحيات الملف.",
    ),
    "errors.import_folder": ("{name} is a folder, not a file.", "{name} مجلد وليس ملفًا."),
    "errors.import_markdown": (
        "{name} is a Markdown export: Markdown exports cannot be imported; use csv, json or jsonl.",
        "{name} ملف مُصدَّر بصيغة Markdown، ولا يمكن استيراد هذه الصيغة؛ استخدم csv أو json أو jsonl.",
    ),
    "errors.import_markdown_hint": (
        "Export again with e.g. `csm export --format jsonl -o backup.jsonl`.",
        "صدّر من جديد، مثلًا بالأمر `csm export --format jsonl -o backup.jsonl`.",
    ),
    "errors.import_not_utf8": ("{name} is not UTF-8 text.", "{name} ليس نصًّا بترميز UTF-8."),
    "errors.import_not_utf8_hint": (
        "Save it as UTF-8 (CSV UTF-8 in spreadsheet programs) and import again.",
        "احفظه بترميز UTF-8 (CSV UTF-8 في برامج الجداول) وأعد الاستيراد.",
    ),
    "errors.import_too_deep": (
        "nested too deeply to be a csm export.",
        "متداخل بعمق لا يكون عليه ملف مُصدَّر من csm.",
    ),
    "errors.import_file_too_deep": (
        "{name} is nested too deeply to be a csm export.",
        "{name} متداخل بعمق لا يكون عليه ملف مُصدَّر من csm.",
    ),
    "errors.import_header": (
        "{where}: the header is not that of a csm export.",
        "{where}: سطر العناوين ليس سطر ملف مُصدَّر من csm.",
    ),
    "errors.import_header_hint": (
        "The first line must be: {fields}",
        "يجب أن يكون السطر الأول: {fields}",
    ),
    "errors.import_field_count": (
        "{count} fields where the header has {header}.",
        "{count} حقول بينما في سطر العناوين {header}.",
    ),
    "errors.import_not_csv": ("not valid CSV ({reason}).", "ليس CSV صالحًا ({reason})."),
    "errors.import_not_object_why": (
        "not a JSON object ({reason}).",
        "ليس كائن JSON ({reason}).",
    ),
    "errors.import_not_object": ("not a JSON object.", "ليس كائن JSON."),
    "errors.import_not_json": (
        "{name} is not valid JSON: {reason} at line {line}, column {column}.",
        "{name} ليس JSON صالحًا: {reason} في السطر {line}، العمود {column}.",
    ),
    "errors.import_not_json_hint": (
        "Is the file complete? Export it again with `csm export --format json`.",
        "هل الملف كامل؟ صدّره من جديد بالأمر `csm export --format json`.",
    ),
    "errors.import_not_export": (
        '{name} is not a csm export: expected {{"events": [...]}}.',
        '{name} ليس ملفًا مُصدَّرًا من csm: المتوقع {{"events": [...]}}.',
    ),
    "errors.import_not_objects": (
        "{name}: {key!r} is not a list of objects.",
        "{name}: {key!r} ليس قائمة كائنات.",
    ),
    "errors.import_not_list": ("{key!r} is not a list.", "{key!r} ليس قائمة."),
    "errors.import_not_revision": (
        "not a revision of the rules.",
        "ليس مراجعة للقواعد.",
    ),
    "errors.import_rules_unreadable": (
        "its rules cannot be read ({reason}).",
        "تعذّرت قراءة قواعدها ({reason}).",
    ),
    # The event log (log.py)
    "errors.log_repair_hint": (
        "csm will not write to it. Move it aside to start a new log, or point "
        "CSM_DATA_DIR at another folder; restore a backup with `csm import FILE`.",
        "لن يكتب csm فيه. انقله جانبًا لبدء سجل جديد، أو وجّه "
        "CSM_DATA_DIR إلى مجلد آخر؛ واستعد نسخة احتياطية بالأمر `csm import FILE`.",
    ),
    "errors.log_unreadable": (
        "Cannot read the log {path}: {reason}.",
        "تعذّرت قراءة السجل {path}: {reason}.",
    ),
    "errors.log_unreadable_hint": (
        "Check the file's permissions, or point CSM_DATA_DIR at another folder.",
        "تحقّق من صلاحيات الملف، أو وجّه CSM_DATA_DIR إلى مجلد آخر.",
    ),
    "errors.log_is_folder": (
        "The log {path} is a folder, not a file.",
        "السجل {path} مجلد وليس ملفًا.",
    ),
    "errors.log_not_regular": (
        "The log {path} is not a regular file (a FIFO, device or socket).",
        "السجل {path} ليس ملفًا عاديًّا (بل FIFO أو جهاز أو مقبس).",
    ),
    "errors.log_not_database": (
        "The log {path} is not a csm log: file is not a database.",
        "السجل {path} ليس سجل csm: الملف ليس قاعدة بيانات.",
    ),
    "errors.log_foreign_database": (
        "The log {path} is an SQLite database but not a csm log.",
        "السجل {path} قاعدة بيانات SQLite لكنه ليس سجل csm.",
    ),
    "errors.log_busy": (
        "The log {path} is busy: another csm has been writing for over {seconds} seconds.",
        "السجل {path} مشغول: نسخة أخرى من csm تكتب فيه منذ أكثر من {seconds} ثانية.",
    ),
    "errors.log_busy_hint": (
        "Wait for the other command to finish, then try again.",
        "انتظر حتى ينتهي الأمر الآخر، ثم حاول مرة أخرى.",
    ),
    "errors.log_cannot_write": (
        "Cannot write the log {path}: {reason}.",
        "تعذّرت الكتابة في السجل {path}: {reason}.",
    ),
    "errors.log_cannot_write_hint": (
        "Make {folder} writable, or point CSM_DATA_DIR at a folder you can write.",
        "اجعل {folder} قابلًا للكتابة، أو وجّه CSM_DATA_DIR إلى مجلد يمكنك الكتابة فيه.",
    ),
    "errors.log_not_csm": (
        "The log {path} is not a csm log: {reason}.",
        "السجل {path} ليس سجل csm: {reason}.",
    ),
    "errors.log_disk_full": (
        "The disk that holds the log {path} is full: nothing was written.",
        "القرص الذي يحمل السجل {path} ممتلئ: لم يُكتب شيء.",
    ),
    "errors.log_disk_full_hint": (
        "Free some space and run the command again; the log itself is sound.",
        "وفّر بعض المساحة وأعد تشغيل الأمر؛ السجل نفسه سليم.",
    ),
    "errors.log_corrupt": (
        "The log {path} is corrupt: {reason}.",
        "السجل {path} تالف: {reason}.",
    ),
    "errors.log_unusable": (
        "Cannot use the log {path}: {reason}.",
        "تعذّر استخدام السجل {path}: {reason}.",
    ),
    "errors.log_newer": (
        "The log {path} was written by a newer csm (schema version {version}; "
        "this csm knows up to {known}); upgrade csm.",
        "السجل {path} كتبته نسخة أحدث من csm (إصدار المخطط {version}؛ "
        "وهذه النسخة تعرف حتى {known})؛ حدّث csm.",
    ),
    "errors.log_newer_hint": (
        "Install the latest csm, e.g. `pip install --upgrade csm-checklist`.",
        "ثبّت أحدث إصدار من csm، مثلًا `pip install --upgrade csm-checklist`.",
    ),
    "errors.log_unsound": (
        "The log {path} is corrupt ({found}); nothing was written.",
        "السجل {path} تالف ({found})؛ لم يُكتب شيء.",
    ),
    "errors.log_unsound_no_answer": (
        "The log {path} is corrupt (no answer); nothing was written.",
        "السجل {path} تالف (لا إجابة)؛ لم يُكتب شيء.",
    ),
    "errors.data_folder": (
        "Cannot create the data folder {path}: {reason}.",
        "تعذّر إنشاء مجلد البيانات {path}: {reason}.",
    ),
    "errors.data_folder_hint": (
        "Point CSM_DATA_DIR at a folder you can write.",
        "وجّه CSM_DATA_DIR إلى مجلد يمكنك الكتابة فيه.",
    ),
    "errors.not_event_id": (
        "{text!r} is not an event id: give its uuid or at least its first {count} characters.",
        "{text!r} ليس معرّف تسجيل: أعطِ الـ uuid كاملًا أو أول {count} أحرف منه على الأقل.",
    ),
    "errors.not_event_id_hint": (
        "`csm log` shows each event's id in its `id` column.",
        "الأمر `csm log` يعرض معرّف كل تسجيل في عمود `id`.",
    ),
    "errors.no_event_prefix": (
        "No event has an id starting with {prefix}.",
        "لا يوجد تسجيل يبدأ معرّفه بـ {prefix}.",
    ),
    "errors.event_ids_hint": (
        "`csm log --include-undone` lists every event with its id.",
        "الأمر `csm log --include-undone` يعرض كل التسجيلات بمعرّفاتها.",
    ),
    "errors.several_events_prefix": (
        "Several events have an id starting with {prefix}: {shown}.",
        "أكثر من تسجيل يبدأ معرّفه بـ {prefix}: {shown}.",
    ),
    "errors.several_events_prefix_hint": (
        "Give more characters of the id.",
        "أعطِ أحرفًا أكثر من المعرّف.",
    ),
    "errors.no_event_uuid": ("No event has the uuid {uuid}.", "لا يوجد تسجيل بالـ uuid {uuid}."),
    "errors.import_conflict": (
        "Event {uuid} is already in the log with a different {name!r}: "
        "{mine!r} here, {theirs!r} in the file.",
        "التسجيل {uuid} موجود من قبل بقيمة {name!r} مختلفة: {mine!r} هنا، و{theirs!r} في الملف.",
    ),
    "errors.import_conflict_note_hint": (
        "Nothing was imported. Its note was corrected on one machine only: give it the "
        'note you want here with `csm note {uuid} "..."`, then import again.',
        "لم يُستورد شيء. صُحّحت ملاحظته على جهاز واحد فقط: اكتب له "
        'الملاحظة التي تريدها هنا بالأمر `csm note {uuid} "..."`، ثم أعد الاستيراد.',
    ),
    "errors.import_conflict_hint": (
        "Nothing was imported. An event's uuid names one event; fix or remove that record.",
        "لم يُستورد شيء. الـ uuid يدل على تسجيل واحد؛ أصلح ذلك العنصر من الملف أو احذفه.",
    ),
    # Logging work, importing, moving the start (work.py)
    "errors.no_revision": (
        "The log holds no record of the checklists yet.",
        "لا يحوي السجل أي تسجيل لقوائم المهام بعد.",
    ),
    "errors.no_revision_hint": (
        "Run `csm today` once, so csm records the checklists in force.",
        "شغّل `csm today` مرة واحدة، ليسجّل csm قوائم المهام السارية.",
    ),
    "errors.on_future": (
        "--on {day} is in the future; csm logs work that has been done.",
        "التاريخ --on {day} في المستقبل؛ يسجّل csm العمل الذي أُنجز فقط.",
    ),
    "errors.on_future_hint": (
        "Use today ({today}) or an earlier day.",
        "استخدم تاريخ اليوم ({today}) أو يومًا قبله.",
    ),
    "errors.on_before_start": (
        "--on {day} is before csm began tracking, on {start}.",
        "التاريخ --on {day} قبل أن يبدأ csm المتابعة في {start}.",
    ),
    "errors.on_before_start_hint": (
        "Check the date. If you did track work then, move the start first: csm history start {day}",
        "تحقّق من التاريخ. إن كنت تتابع العمل في ذلك الوقت فعلًا، فانقل تاريخ البداية أولًا: "
        "csm history start {day}",
    ),
    "errors.on_before_tracked": (
        "--on {day} is before {item} was tracked.",
        "التاريخ --on {day} قبل بدء متابعة {item}.",
    ),
    "errors.on_before_tracked_since": (
        "--on {day} is before {item} was tracked (tracked from {since}).",
        "التاريخ --on {day} قبل بدء متابعة {item} (تُتابَع منذ {since}).",
    ),
    "errors.on_before_tracked_hint": (
        "csm tracks an item from the day it appeared in your checklists switched on, "
        "or from its `since:` date; `csm show ITEM` shows when.",
        "يتابع csm المهمة من اليوم الذي ظهرت فيه مفعّلة في قوائم مهامك، "
        "أو من تاريخ `since:` الخاص بها؛ والأمر `csm show ITEM` يعرض ذلك.",
    ),
    "errors.no_period": (
        "{title} ({item}) has no period containing {day}: "
        "its rule has not started yet or has already ended.",
        "ليس لـ {title} ({item}) فترة تشمل {day}: قاعدتها لم تبدأ بعد أو انتهت.",
    ),
    "errors.no_period_hint": (
        "Pick an --on date inside the rule's range; `csm show ITEM` shows its rule.",
        "اختر تاريخًا لـ --on داخل مدى القاعدة؛ والأمر `csm show ITEM` يعرض قاعدتها.",
    ),
    "errors.import_no_events": (
        "{name} has no events; nothing was imported.",
        "لا تسجيلات في {name}؛ لم يُستورد شيء.",
    ),
    "errors.import_no_events_hint": (
        "Is it the right file? An export of days with nothing logged has none; "
        "export again, e.g. `csm export --format jsonl -o backup.jsonl`.",
        "هل هذا هو الملف الصحيح؟ تصدير أيام لم يُسجّل فيها شيء يكون خاليًا؛ "
        "صدّر من جديد، مثلًا `csm export --format jsonl -o backup.jsonl`.",
    ),
    "errors.period_range": ("{start} to {end}", "من {start} إلى {end}"),
    "errors.no_period_cut": ("no period", "لا فترة"),
    "errors.import_other_period": (
        "{where}: {item} on {day} is in the period {start} to {end}, "
        "but the rules in force here cut {cut} for that day.",
        "{where}: المهمة {item} في {day} ضمن الفترة من {start} إلى {end}، "
        "لكن القواعد السارية هنا تجعل فترة ذلك اليوم {cut}.",
    ),
    "errors.import_other_period_hint": (
        "Nothing was imported. The file was made with other settings (week start, "
        "fiscal year) or checklists: make them the same here, or import a json backup "
        "into a new log.",
        "لم يُستورد شيء. صُنع الملف بإعدادات أخرى (بداية الأسبوع، "
        "السنة المالية) أو بقوائم مهام أخرى: اجعلها مثلها هنا، أو استورد نسخة json احتياطية "
        "إلى سجل جديد.",
    ),
    "errors.start_too_early": (
        "{day} is too far back to start tracking.",
        "التاريخ {day} بعيد جدًّا في الماضي لبدء المتابعة.",
    ),
    "errors.start_too_early_hint": (
        "Give the day you began keeping this checklist.",
        "أعطِ اليوم الذي بدأت فيه العمل بقائمة المهام هذه.",
    ),
    # Playbook runs (runs.py)
    "errors.none_yet": ("none yet", "لا شيء بعد"),
    "errors.no_run": ("No run is called {text!r}.", "لا يوجد تشغيل باسم {text!r}."),
    "errors.runs_match": (
        "{text!r} could be any of {runs}.",
        "قد يكون {text!r} أيًّا من {runs}.",
    ),
    "errors.no_run_hint": (
        "`csm run list` lists the runs (latest: {recent}).",
        "الأمر `csm run list` يعرض التشغيلات (أحدثها: {recent}).",
    ),
    "errors.run_on_future": (
        "--on {day} is in the future; a run starts when something happens.",
        "التاريخ --on {day} في المستقبل؛ يبدأ التشغيل حين يقع حدث ما.",
    ),
    "errors.run_before_start": (
        "--on {day} is before csm began tracking, on {start}; a run cannot start then.",
        "التاريخ --on {day} قبل أن يبدأ csm المتابعة في {start}؛ لا يمكن أن يبدأ التشغيل حينها.",
    ),
    "errors.run_at_future": (
        "{moment} is in the future; a run starts when something happens.",
        "الوقت {moment} في المستقبل؛ يبدأ التشغيل حين يقع حدث ما.",
    ),
    "errors.run_at_future_hint": (
        "Give the time it began, up to now ({now}).",
        "اكتب وقت بدئه، حتى الآن ({now}).",
    ),
    "errors.playbook_off": (
        "The playbook {playbook} is switched off (enabled: false).",
        "دليل الإجراءات {playbook} موقوف (enabled: false).",
    ),
    "errors.playbook_off_hint": (
        "Switch it on in {source}, or start another playbook.",
        "فعّله في {source}، أو ابدأ دليل إجراءات آخر.",
    ),
    "errors.not_run_step": ("{text!r} is not RUN/STEP.", "{text!r} ليس بالصيغة RUN/STEP."),
    "errors.not_run_step_hint": (
        "Name a run's step like crisis-2027-03-02/assess; `csm run show RUN` lists them.",
        "اذكر خطوة التشغيل هكذا crisis-2027-03-02/assess؛ والأمر `csm run show RUN` يعرض الخطوات.",
    ),
    "errors.run_no_step": (
        "The run {run} has no step {step!r}.",
        "ليس في التشغيل {run} خطوة باسم {step!r}.",
    ),
    "errors.run_steps": ("Its steps: {steps}.", "خطواته: {steps}."),
    "errors.run_closed_on": (
        "The run {run} was closed on {moment}.",
        "أُغلق التشغيل {run} في {moment}.",
    ),
    "errors.run_closed_on_hint": (
        "A closed run's steps stay as they were; start a new run if it happened again.",
        "تبقى خطوات التشغيل المغلق كما كانت؛ ابدأ تشغيلًا جديدًا إن تكرر الحدث.",
    ),
    "errors.run_already_closed": (
        "The run {run} is already closed ({moment}).",
        "التشغيل {run} مغلق من قبل ({moment}).",
    ),
    "errors.run_already_closed_hint": (
        "`csm run list --open` lists the runs still open.",
        "الأمر `csm run list --open` يعرض التشغيلات التي ما زالت مفتوحة.",
    ),
    "errors.run_open_steps": (
        "The run {run} has 1 open step: {steps}.",
        "في التشغيل {run} خطوة واحدة مفتوحة: {steps}.",
    ),
    "errors.run_open_steps_hint": (
        "Check it off (csm done {run}/{step}) or skip it, "
        "or close it anyway: csm run close {run} --force",
        "أنجزها (csm done {run}/{step}) أو تخطَّها، "
        "أو أغلق التشغيل رغم ذلك: csm run close {run} --force",
    ),
    "errors.run_open_steps_many": (
        "The run {run} has {count} open steps: {steps}.",
        "عدد الخطوات المفتوحة في التشغيل {run}: {count} ({steps}).",
    ),
    "errors.run_open_steps_many_hint": (
        "Check them off (csm done {run}/{step}) or skip them, "
        "or close it anyway: csm run close {run} --force",
        "أنجزها (csm done {run}/{step}) أو تخطَّها، "
        "أو أغلق التشغيل رغم ذلك: csm run close {run} --force",
    ),
    # Days off (daysoff.py)
    "errors.days_off_file_hint": (
        "The file holds `days_off:` and a list of entries, each with `date:` (YYYY-MM-DD or "
        "YYYY-MM-DD..YYYY-MM-DD) and optionally `reason:`; `csm off add` writes it for you.",
        "يحوي الملف `days_off:` وقائمة عناصر، لكل منها `date:` (YYYY-MM-DD أو "
        "YYYY-MM-DD..YYYY-MM-DD) و`reason:` اختياريًّا؛ والأمر `csm off add` يكتبه لك.",
    ),
    "errors.range_reversed": (
        "the range ends on {last} before it starts on {first}",
        "المدى ينتهي في {last} قبل أن يبدأ في {first}",
    ),
    "errors.range_too_long": (
        "the range is longer than a year ({days} days)",
        "المدى أطول من سنة ({days} يومًا)",
    ),
    "errors.not_a_date": ("{key!r} is not a date", "{key!r} ليس تاريخًا"),
    "errors.not_a_date_why": ("{key!r} is not a date ({reason})", "{key!r} ليس تاريخًا ({reason})"),
    "errors.days_off_unreadable_hint": (
        "Check the file's permissions; `csm config path` shows where it is.",
        "تحقّق من صلاحيات الملف؛ الأمر `csm config path` يعرض مكانه.",
    ),
    "errors.save_utf8": ("Save it as UTF-8.", "احفظه بترميز UTF-8."),
    "errors.days_off_yaml_hint": (
        "Check the indentation and that every `key: value` has a space after the colon.",
        "تحقّق من الإزاحة ومن وجود مسافة بعد النقطتين في كل `key: value`.",
    ),
    "errors.days_off_only": (
        "the file must hold just `days_off:`",
        "يجب ألا يحوي الملف إلا `days_off:`",
    ),
    "errors.days_off_not_list": ("`days_off:` must be a list", "يجب أن يكون `days_off:` قائمة"),
    "errors.days_off_entry": (
        "each entry must be `key: value` lines",
        "يجب أن يكون كل عنصر أسطرًا من `key: value`",
    ),
    "errors.days_off_entry_hint": ("E.g. `- date: 2026-07-05`.", "مثل `- date: 2026-07-05`."),
    "errors.keep_one_key": ("Keep one.", "أبقِ واحدًا."),
    "errors.one_line_text": (
        "`{key}:` must be one line of text",
        "يجب أن يكون `{key}:` سطرًا واحدًا من النص",
    ),
    "errors.one_line": ("`{key}:` must be one line", "يجب أن يكون `{key}:` سطرًا واحدًا"),
    "errors.days_off_no_date": ("the entry has no `date:`", "ليس في العنصر `date:`"),
    "errors.days_off_date_hint": (
        "Write YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD.",
        "اكتب YYYY-MM-DD أو YYYY-MM-DD..YYYY-MM-DD.",
    ),
    # Playbooks in checklist files (playbooks.py)
    "errors.within_hint": (
        "Write e.g. `within: 2h`, `within: 1d` or `within: 3 workdays`.",
        "اكتب مثلًا `within: 2h` أو `within: 1d` أو `within: 3 workdays`.",
    ),
    "errors.playbooks_not_list": ("`playbooks:` must be a list", "يجب أن يكون `playbooks:` قائمة"),
    "errors.playbooks_not_list_hint": (
        "Start each playbook with a dash, e.g. `- id: crisis`.",
        "ابدأ كل دليل إجراءات بشرطة، مثل `- id: crisis`.",
    ),
    "errors.who_playbook": ("playbook '{id}'", "دليل الإجراءات '{id}'"),
    "errors.position_playbook": ("playbook #{index}", "دليل الإجراءات رقم {index}"),
    "errors.who_step": ("{who}, step '{id}'", "{who}، الخطوة '{id}'"),
    "errors.playbook_duplicate": (
        "duplicate id: this file already has a playbook with it",
        "معرّف مكرر: في هذا الملف دليل إجراءات آخر بالمعرّف نفسه",
    ),
    "errors.playbook_duplicate_hint": (
        "Ids must be unique: rename one or delete the duplicate.",
        "يجب ألا تتكرر المعرّفات: غيّر أحدهما أو احذف المكرر.",
    ),
    "errors.playbook_not_mapping": (
        "each playbook must be a mapping of keys",
        "يجب أن يكون كل دليل إجراءات خريطة مفاتيح",
    ),
    "errors.playbook_not_mapping_hint": (
        "Write `- id: crisis`, then `title:`, `area:` and `steps:` indented below it.",
        "اكتب `- id: crisis`، ثم `title:` و`area:` و`steps:` بإزاحة تحته.",
    ),
    "errors.playbook_no_id": (
        "a playbook needs an `id:` that is a lowercase slug",
        "يحتاج دليل الإجراءات إلى `id:` بأحرف صغيرة وشرطات",
    ),
    "errors.playbook_no_id_hint": (
        "Write e.g. `id: crisis`; it is what you type in `csm run start crisis`.",
        "اكتب مثلًا `id: crisis`؛ وهو ما تكتبه في `csm run start crisis`.",
    ),
    "errors.playbook_title_hint": (
        'Write e.g. `title: {{en: "Social media crisis", ar: "أزمة"}}`.',
        'اكتب مثلًا `title: {{en: "Social media crisis", ar: "أزمة"}}`.',
    ),
    "errors.areas_list": ("Areas: {areas}.", "المجالات: {areas}."),
    "errors.playbook_enabled": (
        "`enabled:` must be true or false",
        "يجب أن يكون `enabled:` إما true أو false",
    ),
    "errors.playbook_enabled_hint": (
        "Write `enabled: false` to switch the playbook off.",
        "اكتب `enabled: false` لإيقاف دليل الإجراءات.",
    ),
    "errors.playbook_no_steps": (
        "a playbook needs `steps:`, a list of at least one step",
        "يحتاج دليل الإجراءات إلى `steps:`، قائمة فيها خطوة واحدة على الأقل",
    ),
    "errors.step_not_mapping": ("each step must be a mapping", "يجب أن تكون كل خطوة خريطة مفاتيح"),
    "errors.step_unknown_key": ("unknown step key '{key}'", "مفتاح خطوة غير معروف '{key}'"),
    "errors.step_keys": ("Step keys: {keys}.", "مفاتيح الخطوة: {keys}."),
    "errors.step_no_id": (
        "each step needs an `id:` that is a lowercase slug",
        "تحتاج كل خطوة إلى `id:` بأحرف صغيرة وشرطات",
    ),
    "errors.step_no_id_hint": (
        "Write e.g. `id: assess`; it is what you type in `csm done RUN/assess`.",
        "اكتب مثلًا `id: assess`؛ وهو ما تكتبه في `csm done RUN/assess`.",
    ),
    "errors.step_duplicate": ("duplicate step id", "معرّف خطوة مكرر"),
    "errors.rename_one": ("Rename one.", "غيّر اسم إحداهما."),
    "errors.within_not_duration": (
        "`within:` {value!r} is not a duration",
        "`within:` {value!r} ليست مدة",
    ),
    "errors.within_must_be_duration": (
        "`within:` must be a duration",
        "يجب أن يكون `within:` مدة",
    ),
    # Packs, public holidays, tags (packs.py, publicholidays.py, scope.py)
    "errors.no_such_pack": (
        "There is no built-in pack {name!r}.",
        "لا توجد حزمة مضمّنة باسم {name!r}.",
    ),
    "errors.pack_entry": ("{name} ({description})", "{name} ({description})"),
    "errors.comma_join": ("{first}, {second}", "{first}، {second}"),
    "errors.packs_list": ("Packs: {packs}.", "الحزم: {packs}."),
    "errors.countries_hint": (
        "Run `csm off countries` to see every code csm knows, e.g. SA, AE, EG.",
        "شغّل `csm off countries` لترى كل الرموز التي يعرفها csm، مثل SA وAE وEG.",
    ),
    "errors.did_you_mean_codes": ("Did you mean {codes}? ", "هل تقصد {codes}؟ "),
    "errors.unknown_country": (
        "{code!r} is not a country code csm knows holidays for.",
        "{code!r} ليس رمز دولة يعرف csm عطلاتها الرسمية.",
    ),
    "errors.tags_known": (
        "Tags in your checklists: {tags}.",
        "الوسوم في قوائم مهامك: {tags}.",
    ),
    "errors.no_tags_yet": (
        "No item has tags yet; add e.g. `tags: [team]` to an item in a checklist file.",
        "لا وسوم لأي مهمة بعد؛ أضف مثلًا `tags: [team]` إلى مهمة في ملف قائمة مهام.",
    ),
    "errors.unknown_tag": (
        "--tag {text!r} is not a tag of any item.",
        "--tag {text!r} ليس وسمًا لأي مهمة.",
    ),
    # Runs and measures in a json backup (exchange/backup.py)
    "errors.run_record_malformed": (
        "A run record is malformed ({reason}): {record}.",
        "سجل تشغيل غير سليم ({reason}): {record}.",
    ),
    "errors.export_runs_again_hint": (
        "Nothing was imported. Export the runs again with `csm export`.",
        "لم يُستورد شيء. صدّر التشغيلات من جديد بالأمر `csm export`.",
    ),
    "errors.run_id_clash": (
        "The run id {run} is already used here by another run.",
        "معرّف التشغيل {run} مستخدم هنا لتشغيل آخر.",
    ),
    "errors.run_id_clash_hint": (
        "Nothing was imported. Two machines started runs of the same "
        "playbook on the same day; import into a new log, or keep one.",
        "لم يُستورد شيء. بدأ جهازان تشغيلين لدليل الإجراءات نفسه "
        "في اليوم نفسه؛ استورد إلى سجل جديد، أو أبقِ أحدهما.",
    ),
    "errors.run_conflict": (
        "Run {run} ({uuid}) is already in the log with a different {name!r}.",
        "التشغيل {run} ({uuid}) موجود في السجل من قبل بقيمة {name!r} مختلفة.",
    ),
    "errors.run_conflict_hint": (
        "Nothing was imported. A run's uuid names one run; fix or remove that record.",
        "لم يُستورد شيء. الـ uuid يدل على تشغيل واحد؛ أصلح ذلك العنصر من الملف أو احذفه.",
    ),
    "errors.step_record_malformed": (
        "A step record is malformed ({reason}): {record}.",
        "سجل خطوة غير سليم ({reason}): {record}.",
    ),
    "errors.step_conflict": (
        "Step event {uuid} is already in the log with different content.",
        "تسجيل الخطوة {uuid} موجود في السجل من قبل بمحتوى مختلف.",
    ),
    "errors.step_conflict_hint": (
        "Nothing was imported. A step event's uuid names one check-off.",
        "لم يُستورد شيء. الـ uuid يدل على إنجاز خطوة واحدة.",
    ),
    "errors.note_record_malformed": (
        "A note correction record is malformed: {record!r}.",
        "سجل تصحيح ملاحظة غير سليم: {record!r}.",
    ),
    "errors.note_record_malformed_hint": (
        "Nothing was imported. Each note correction has event, old_note, new_note, "
        "changed_at (with its UTC offset), by and host.",
        "لم يُستورد شيء. لكل تصحيح ملاحظة event وold_note وnew_note وchanged_at "
        "(مع فرق التوقيت عن UTC) وby وhost.",
    ),
    "errors.measure_record_malformed": (
        "A measure record is malformed: {record!r}.",
        "سجل مقياس غير سليم: {record!r}.",
    ),
    "errors.measure_record_malformed_hint": (
        "Nothing was imported. Each measure has event, measure, value and unit.",
        "لم يُستورد شيء. لكل مقياس event وmeasure وvalue وunit.",
    ),
    "errors.measure_conflict": (
        "The measure {name} of event {uuid} is {mine} here and {theirs} in the file.",
        "المقياس {name} للتسجيل {uuid} قيمته {mine} هنا و{theirs} في الملف.",
    ),
    "errors.measure_conflict_hint": (
        "Nothing was imported. A measure belongs to one event; fix the file.",
        "لم يُستورد شيء. المقياس يخص تسجيلًا واحدًا؛ أصلح الملف.",
    ),
}
