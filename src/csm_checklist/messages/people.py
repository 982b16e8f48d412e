"""The words of a report's per-person figures (`csm report` when duties have
owners or entries name more than one person), in English and Arabic side
by side. Names come from the checklists and the record."""

MESSAGES: dict[str, tuple[str, str]] = {
    "people.heading": ("By person", "حسب الشخص"),
    "people.person": ("Person", "الشخص"),
    "people.assigned": ("Assigned", "المسندة إليه"),
    "people.done": ("Done by them", "أنجزها بنفسه"),
    "people.done_for": ("Done for them", "أُنجزت عنه"),
    "people.late": ("Late", "متأخرة"),
    "people.missed": ("Missed", "فائتة"),
    "people.skipped": ("Skipped", "متخطاة"),
    "people.due": ("Due", "مستحقة"),
    "people.team": ("Team (no owner)", "الفريق (بلا مسؤول)"),
    "people.total": ("Total", "المجموع"),
    "people.key": (
        "Assigned, late and missed count each person's own duties; done by them, "
        "what they did for anyone; done for them, their duties a colleague did.",
        "المسندة والمتأخرة والفائتة تُحسب من مهام الشخص نفسه؛ وأنجزها بنفسه: ما أنجزه "
        "لأي أحد؛ وأُنجزت عنه: مهامه التي أنجزها زميل.",
    ),
}
