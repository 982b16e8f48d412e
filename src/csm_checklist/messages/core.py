"""What the core says that is not an error: notes shown along a result."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Which rule found the item a user typed (catalog.items_to_log)
    "core.guessed_item": ("{query} → {item} ({rule})", "{query} ← {item} ({rule})"),
    "core.rule_id_prefix": ("id prefix", "بداية المعرّف"),
    "core.rule_title": ("title", "العنوان"),
    "core.rule_title_words": ("title words", "كلمات العنوان"),
    # What each built-in pack holds (packs.py)
    "core.pack_role": (
        "the recurring duties of the customer service manager's role description",
        "المهام المتكررة في الوصف الوظيفي لمدير خدمة العملاء",
    ),
    # The iCalendar file (icalexport.py)
    "core.calendar_name": ("Customer service duties", "مهام خدمة العملاء"),
    "core.calendar_log_hint": ("When done: csm done {id}", "عند الإنجاز: csm done {id}"),
}
