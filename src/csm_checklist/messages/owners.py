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
}
