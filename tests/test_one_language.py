"""One language of item names in every view (DESIGN §7 "Titles"): a manager
logs in English for a week, switches to Arabic, logs on; every view then
names every item in Arabic only, and back in English in English only. The
title an entry was logged under stays in exports and `log --history`."""

from __future__ import annotations

import json

from clihelp import Result, run, run_on


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def titles(lang: str) -> set[str]:
    """Every item's title in `lang`, as the checklists give them."""
    current = json.loads(ok(run("config", "show", "--json")))["lang"]
    ok(run("config", "set", "lang", lang))
    found = {item["title"] for item in json.loads(ok(run("list", "--json", "--all")))["items"]}
    ok(run("config", "set", "lang", current))
    return found


def history() -> None:
    """Mon 16 to Fri 20 November 2026 in English, then Arabic from Monday 23."""
    ok(run_on("2026-11-16", "history", "start", "2026-11-01"))
    for day in ("16", "17", "18", "19", "20"):
        ok(
            run_on(
                f"2026-11-{day}",
                "done",
                "monitor-accounts",
                "team-supervision",
                "--on",
                f"2026-11-{day}",
                "--note",
                f"checked {day}",
            )
        )
    ok(run_on("2026-11-19", "done", "team-meeting", "--note", "agenda sent"))
    ok(run_on("2026-11-20", "skip", "feedback-analysis", "--reason", "no feedback"))
    ok(run_on("2026-11-23", "config", "set", "lang", "ar"))
    ok(run_on("2026-11-23", "done", "monitor-accounts", "daily-engagement", "--note", "تم"))
    ok(run_on("2026-11-24", "done", "monitor-accounts", "--note", "تم أيضًا"))


VIEWS = [
    ("today",),
    ("today", "--on", "2026-11-20"),
    ("due", "--period", "month"),
    ("log",),
    ("log", "--all"),
    ("log", "--item", "monitor-accounts"),
    ("report",),
    ("report", "--period", "week", "--on", "2026-11-20"),
    ("report", "--format", "md"),
    ("report", "--period", "week", "--on", "2026-11-20", "--format", "md"),
    ("report", "--format", "json"),
    ("show", "monitor-accounts"),
    ("show", "monitor-accounts", "--json"),
    ("list",),
]


def _views() -> dict[tuple[str, ...], str]:
    return {view: ok(run_on("2026-11-24", *view, at="18:00:00+00:00")) for view in VIEWS}


def _checked(view: tuple[str, ...], text: str) -> str:
    """What a view says of items. `csm show` gives the item's own title in
    both languages on purpose (its heading, and `title` in --json): the check
    reads everything else, such as its last entries."""
    if view[0] != "show":
        return text
    if view[-1] == "--json":
        return json.dumps(json.loads(text)["events"], ensure_ascii=False)
    return "\n".join(text.splitlines()[2:])


def test_every_view_in_arabic_names_items_in_arabic_only() -> None:
    history()
    english = titles("en") - titles("ar")
    for view, text in _views().items():
        text = _checked(view, text)
        shown = sorted(title for title in english if title in text)
        assert shown == [], (view, shown)


def test_every_view_in_english_names_items_in_english_only() -> None:
    history()
    ok(run_on("2026-11-24", "config", "set", "lang", "en"))
    arabic = titles("ar") - titles("en")
    for view, text in _views().items():
        text = _checked(view, text)
        shown = sorted(title for title in arabic if title in text)
        assert shown == [], (view, shown)


def test_the_confirmations_name_the_item_in_the_language_of_the_moment() -> None:
    history()
    ok(run_on("2026-11-24", "config", "set", "lang", "en"))
    # Logged in Arabic on the 24th, undone in English.
    undone = ok(run_on("2026-11-24", "undo", "monitor-accounts", at="19:00:00+00:00"))
    assert undone.startswith("Undone: done of Monitor the accounts (monitor-accounts)")
    entry = json.loads(ok(run("log", "--json", "--item", "team-supervision", "-n", "1")))
    note = ok(run_on("2026-11-24", "note", entry["events"][0]["uuid"][:8], "checked twice"))
    assert "Manage the team (team-supervision)" in note


def test_the_audit_trail_and_exports_keep_the_logged_title() -> None:
    history()
    trail = ok(run_on("2026-11-24", "log", "--history", "--all"))
    assert "مراقبة الحسابات" in trail and "Monitor the accounts" in trail
    exported = json.loads(ok(run("export", "--format", "json")))
    logged = {
        (e["for_date"], e["title"])
        for e in exported["events"]
        if e["item_id"] == "monitor-accounts"
    }
    assert ("2026-11-16", "Monitor the accounts") in logged
    assert ("2026-11-24", "مراقبة الحسابات") in logged
