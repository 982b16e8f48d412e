"""What csm says about owners and rotations: `assign:`/`rotate:` in
checklists, `csm assign`, leave (`who:`), and the owner columns of views.

Commands, logins and item ids stay Latin inside the Arabic.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # Checklist files (duties/checklists.py, duties/entries.py)
    "owners.bad_login": (
        "{key} names {shown}, which is not a login",
        "يذكر {key} القيمة {shown} وهي ليست اسم دخول",
    ),
    "owners.bad_login_hint": (
        "A login is lower-case letters, digits, and . _ @ -, starting with a letter, "
        "e.g. `assign: mona`.",
        "اسم الدخول حروف لاتينية صغيرة وأرقام و . _ @ - ويبدأ بحرف، مثل `assign: mona`.",
    ),
    "owners.rotate_not_list": (
        "rotate must be a list of logins, not {shown}",
        "يجب أن يكون rotate قائمة أسماء دخول، لا {shown}",
    ),
    "owners.rotate_hint": (
        "Write it as `rotate: [mona, ali, sara]`: one person per period, in that order.",
        "اكتبه هكذا `rotate: [mona, ali, sara]`: شخص واحد في كل فترة، بهذا الترتيب.",
    ),
    "owners.rotate_one": (
        "a rotation of one person is an owner",
        "التناوب بين شخص واحد هو مالك",
    ),
    "owners.rotate_one_hint": (
        "Write `assign: {login}` instead, or add the others to the rotation.",
        "اكتب `assign: {login}` بدلًا منه، أو أضف الآخرين إلى التناوب.",
    ),
    "owners.person_twice": (
        "{login} is named twice.",
        "ورد {login} مرتين.",
    ),
    "owners.rotate_twice": (
        "{login} is in the rotation twice",
        "يرد {login} في التناوب مرتين",
    ),
    "owners.rotate_twice_hint": (
        "Name each person once; the rotation goes round them in order.",
        "اذكر كل شخص مرة واحدة؛ يدور التناوب عليهم بالترتيب.",
    ),
    "owners.assign_and_rotate": (
        "the item has both assign and rotate",
        "للبند assign و rotate معًا",
    ),
    "owners.assign_and_rotate_hint": (
        "Keep one: `assign:` for one owner, `rotate:` for people who take turns.",
        "أبقِ واحدًا: `assign:` لمالك واحد، و `rotate:` لأشخاص يتناوبون.",
    ),
    # People csm knows (rules/owners.py)
    "owners.unknown_person": ("unknown person {login!r}", "شخص غير معروف {login!r}"),
    "owners.unknown_person_line": ("Unknown person {login!r}.", "شخص غير معروف {login!r}."),
    "owners.people_team": (
        "The team's members: {people}. An administrator adds members with `csm team add`.",
        "أعضاء الفريق: {people}. يضيف المسؤول الأعضاء بالأمر `csm team add`.",
    ),
    "owners.people_personal": (
        'People: {people}. Add someone with `csm config set people "{people}, LOGIN"`.',
        'الأشخاص: {people}. أضف شخصًا بالأمر `csm config set people "{people}, LOGIN"`.',
    ),
    "owners.no_people": (
        'Name the people first: `csm config set people "mona, ali, sara"`.',
        'سمِّ الأشخاص أولًا: `csm config set people "mona, ali, sara"`.',
    ),
    # csm assign (cli/commands/assign.py)
    "owners.from_past": (
        "--from {day} is before today ({today}): an assignment changes owners from a day "
        "on, never the past.",
        "التاريخ --from {day} قبل اليوم ({today}): الإسناد يغيّر المالكين من يوم فصاعدًا، "
        "ولا يغيّر الماضي أبدًا.",
    ),
    "owners.from_past_hint": (
        "Leave out --from to assign from today, or name a later day.",
        "احذف --from للإسناد من اليوم، أو اذكر يومًا لاحقًا.",
    ),
    "owners.people_or_nobody": (
        "Name one person, several (a rotation), or --nobody.",
        "اذكر شخصًا واحدًا، أو عدة أشخاص (تناوب)، أو --nobody.",
    ),
    "owners.people_or_nobody_hint": (
        "Example: csm assign {item} mona  ·  csm assign {item} mona ali sara  ·  "
        "csm assign {item} --nobody",
        "مثال: csm assign {item} mona  ·  csm assign {item} mona ali sara  ·  "
        "csm assign {item} --nobody",
    ),
    "owners.leads_only": (
        "Only a lead assigns duties on the team's store ({login} is a member).",
        "لا يسند المهام في مخزن الفريق إلا القائد ({login} عضو).",
    ),
    "owners.leads_only_hint": (
        "Ask a lead of the team to run this command.",
        "اطلب من أحد قادة الفريق تشغيل هذا الأمر.",
    ),
    "owners.assigned_owner": (
        "{item}: owned by {login} from {day}.",
        "{item}: يملكها {login} من {day}.",
    ),
    "owners.assigned_rotation": (
        "{item}: {people} take turns, one per period, from {day}.",
        "{item}: يتناوب عليها {people}، واحد في كل فترة، من {day}.",
    ),
    "owners.assigned_nobody": (
        "{item}: the team's duty, with no owner, from {day}.",
        "{item}: مهمة الفريق، بلا مالك، من {day}.",
    ),
    "owners.this_period": (
        "First period ({period}): {login}.",
        "أول فترة ({period}): {login}.",
    ),
    "owners.this_period_team": (
        "First period ({period}): the team's.",
        "أول فترة ({period}): للفريق.",
    ),
    # Views: csm today, csm due, csm show
    "owners.team": ("team", "الفريق"),
    "owners.mine_heading": ("My duties", "مهامي"),
    "owners.mine_heading_none": ("Nothing of yours is due.", "لا شيء من مهامك مستحق."),
    "owners.team_heading": ("The team's duties and their owners", "مهام الفريق ومالكوها"),
    "owners.team_heading_none": ("Nothing else is due.", "لا شيء آخر مستحق."),
    "owners.owner_row": ("owner", "المالك"),
    "owners.rotation_row": ("rotation", "التناوب"),
    "owners.field_assign": ("owner", "المالك"),
    "owners.field_rotate": ("rotation", "التناوب"),
    "owners.assignments_heading": (
        "Assignments (csm assign)",
        "الإسنادات (csm assign)",
    ),
    "owners.assigned_by": ("{said} (by {login}).", "{said} (بواسطة {login})."),
    # csm off --who (leave)
    "owners.leave_added": (
        "Added {count} day(s) of leave for {login}: {dates}.",
        "أيام إجازة {login} المضافة: {count}، {dates}.",
    ),
    "owners.leave_already": (
        "{login} is already on leave on {dates}.",
        "{login} في إجازة بالفعل في {dates}.",
    ),
    "owners.leave_of": ("leave: {login}", "إجازة: {login}"),
}
