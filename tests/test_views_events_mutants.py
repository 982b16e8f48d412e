"""What done, skip, undo, note and import say, and `csm log` in plain text
and on terminals of three widths, exactly."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from csm_checklist.cli.views.events import (
    already_line,
    import_lines,
    log_rows,
    logged_line,
    moment_text,
    more_line,
    note_line,
    period_words,
    plain_log,
    progress_line,
    short_id,
    show_log,
    undo_scope,
    undone_line,
)
from csm_checklist.rules.agenda import Progress
from csm_checklist.rules.work import ImportResult, UndoTarget
from csm_checklist.store.records import Event, NoteChange

from richview import drawn

TZ = timezone(timedelta(hours=3))
AT = datetime(2026, 11, 24, 9, 30, 15, tzinfo=TZ)
WEEK = (date(2026, 11, 23), date(2026, 11, 29))
TUESDAY = date(2026, 11, 24)


def event(
    kind: str = "done",
    *,
    cadence: str = "weekly",
    period: tuple[date, date] = WEEK,
    note: str = "",
    undone: datetime | None = None,
    item: str = "review",
    title: str = "Weekly review",
    uuid: str = "0123456789abcdef",
) -> Event:
    return Event(
        uuid,
        item,
        title,
        cadence,
        kind,
        *period,
        TUESDAY,
        AT,
        "Mona",
        note,
        "host",
        undone,  # type: ignore[arg-type]
    )


def test_what_done_and_skip_say() -> None:
    assert (
        logged_line(event()) == "Done: Weekly review (review) for week of 2026-11-23 to 2026-11-29"
    )
    assert logged_line(event("skip"), "ar") == (
        "تم التخطي: Weekly review (review) عن أسبوع 2026-11-23 إلى 2026-11-29"
    )
    assert already_line(event(), event("skip")) == (
        "Already skipped: Weekly review (review) for week of 2026-11-23 to 2026-11-29 "
        "on 2026-11-24 by Mona; nothing logged."
    )
    assert already_line(event(), event(), "ar") == (
        "أُنجزت من قبل: Weekly review (review) عن أسبوع 2026-11-23 إلى 2026-11-29 "
        "في 2026-11-24 بواسطة Mona؛ لم يُسجّل شيء."
    )


@pytest.mark.parametrize(
    ("cadence", "words"),
    [
        ("weekly", "week of 2026-11-01 to 2026-11-30"),
        ("monthly", "month of 2026-11-01 to 2026-11-30"),
        ("quarterly", "quarter of 2026-11-01 to 2026-11-30"),
        ("annual", "year of 2026-11-01 to 2026-11-30"),
        ("daily", "period of 2026-11-01 to 2026-11-30"),
        ("rrule", "period of 2026-11-01 to 2026-11-30"),
    ],
)
def test_period_words(cadence: str, words: str) -> None:
    assert period_words(cadence, date(2026, 11, 1), date(2026, 11, 30)) == words
    assert period_words(cadence, date(2026, 11, 1), date(2026, 11, 1)) == "2026-11-01"


def test_period_words_in_arabic() -> None:
    assert period_words("monthly", date(2026, 11, 1), date(2026, 11, 30), "ar") == (
        "شهر 2026-11-01 إلى 2026-11-30"
    )


def test_progress_line() -> None:
    assert progress_line("weekly", Progress(2, 1, 4)) == "weekly: 2 of 4 done, 1 skipped"
    assert progress_line("daily", Progress(2, 0, 4), "ar") == "يومي: أُنجز 2 من 4"
    assert progress_line("daily", Progress(2, 1, 4), "ar") == "يومي: أُنجز 2 من 4، وتم تخطي 1"


def test_moment_short_id_and_more() -> None:
    assert moment_text(AT) == "2026-11-24 09:30+03:00"
    assert short_id("0123456789") == "01234567"
    assert more_line(3) == "3 more: use --limit 0 or --all to see all."


BEFORE = "dated before tracking began (2026-01-01): kept, but counted only after `csm history start DATE` moves the start back."
KEPT = (
    "The file's history of the rules was left out: this log keeps its own (`csm history` shows it)."
)
AR_BEFORE = (
    "تسجيلات مؤرخة قبل بداية المتابعة (2026-01-01): 2؛ حُفظت، ولن تُحتسب إلا بعد نقل "
    "البداية إلى الوراء بالأمر csm history start DATE."
)
AR_KEPT = "لم تُستورد سجلات القواعد من الملف: لهذا السجل سجله الخاص (يعرضه csm history)."
JAN = date(2026, 1, 1)


@pytest.mark.parametrize(
    ("result", "dry_run", "lang", "lines"),
    [
        (
            ImportResult(1, 1, JAN, "", 0, False),
            False,
            "en",
            ["Added 1 event; 1 was already present."],
        ),
        (
            ImportResult(2, 0, JAN, "backup", 1, True, (1, 2, 3, 0)),
            True,
            "en",
            [
                "Would add 2 events; 0 were already present.",
                "This log is empty: it would track from 2026-01-01, as the backup did.",
                f"1 event is {BEFORE}",
                "Would add 1 playbook runs, 2 step check-offs and 3 measures.",
                KEPT,
            ],
        ),
        (
            ImportResult(2, 3, JAN, "events", 2, False, (0, 0, 1, 0)),
            False,
            "en",
            [
                "Added 2 events; 3 were already present.",
                "This log was empty: it now tracks from 2026-01-01, the earliest day imported.",
                f"2 events are {BEFORE}",
                "Added 0 playbook runs, 0 step check-offs and 1 measures.",
            ],
        ),
        (
            ImportResult(2, 3, JAN, "events", 2, True, (0, 1, 0, 0)),
            False,
            "ar",
            [
                "أُضيف: 2؛ وكان موجودًا من قبل: 3.",
                "كان هذا السجل فارغًا: تبدأ المتابعة الآن في 2026-01-01، أقدم يوم في الملف.",
                AR_BEFORE,
                "أُضيف من تشغيلات خطط العمل: 0، ومن الخطوات: 1، ومن القياسات: 0.",
                AR_KEPT,
            ],
        ),
        (
            ImportResult(2, 3, JAN, "backup", 2, True, (1, 0, 0, 0)),
            True,
            "ar",
            [
                "سيُضاف: 2؛ وكان موجودًا من قبل: 3.",
                "هذا السجل فارغ: ستبدأ المتابعة في 2026-01-01، كما كانت في النسخة الاحتياطية.",
                AR_BEFORE,
                "سيُضاف من تشغيلات خطط العمل: 1، ومن الخطوات: 0، ومن القياسات: 0.",
                AR_KEPT,
            ],
        ),
    ],
)
def test_import_lines(result: ImportResult, dry_run: bool, lang: str, lines: list[str]) -> None:
    assert import_lines(result, dry_run, lang) == lines


def test_import_lines_default_to_english() -> None:
    assert import_lines(ImportResult(0, 2, JAN, "", 0, False), True) == [
        "Would add 0 events; 2 were already present."
    ]


@pytest.mark.parametrize(
    ("target", "day", "scope"),
    [
        (UndoTarget(), None, ""),
        (UndoTarget(), TUESDAY, " for 2026-11-24"),
        (UndoTarget("x"), None, " for x"),
        (UndoTarget("x"), TUESDAY, " for x on 2026-11-24"),
        (
            UndoTarget("x", WEEK, cadence="weekly"),
            None,
            " for x in the week of 2026-11-23 to 2026-11-29",
        ),
        (UndoTarget("x", (TUESDAY, TUESDAY), cadence="daily"), None, " for x on 2026-11-24"),
        (UndoTarget("x", WEEK), None, " for x in the period of 2026-11-23 to 2026-11-29"),
        (
            UndoTarget("x", WEEK, cadence="quarterly"),
            None,
            " for x in the quarter of 2026-11-23 to 2026-11-29",
        ),
        (
            UndoTarget("x", WEEK, cadence="annual"),
            None,
            " for x in the year of 2026-11-23 to 2026-11-29",
        ),
        (
            UndoTarget(None, WEEK, cadence="monthly"),
            JAN,
            " in the month of 2026-11-23 to 2026-11-29",
        ),
    ],
)
def test_undo_scope(target: UndoTarget, day: date | None, scope: str) -> None:
    assert undo_scope(target, day) == scope


def test_undone_line() -> None:
    assert undone_line(event()) == (
        "Undone: done of Weekly review (review) for week of 2026-11-23 to 2026-11-29, "
        "logged 2026-11-24 09:30+03:00 by Mona."
    )
    assert undone_line(event("skip"), "ar") == (
        "أُلغي: تخطي Weekly review (review) عن أسبوع 2026-11-23 إلى 2026-11-29، "
        "المسجّل 2026-11-24 09:30+03:00 بواسطة Mona."
    )


def test_note_line() -> None:
    change = NoteChange("0123456789abcdef", "old", "new", AT, "Omar", "h")
    assert note_line(event(note="it's"), None) == (
        "Unchanged: the note of the done of Weekly review (review) for week of 2026-11-23 "
        'to 2026-11-29 already reads "it\'s".'
    )
    assert note_line(event("skip", note="x"), change) == (
        "Note of the skip of Weekly review (review) for week of 2026-11-23 to 2026-11-29: "
        "'new' (was 'old')."
    )


EVENTS = [
    event(),
    event(
        "skip",
        note="line1\nline2\n\n",
        undone=AT,
        item="call",
        title="Call\nthem",
        uuid="fedcba9876543210",
    ),
    event(
        "skip",
        cadence="daily",
        period=(TUESDAY, TUESDAY),
        item="m",
        title="M",
        note="n",
        uuid="aaaabbbbcccc",
    ),
]
CHANGES = {
    "0123456789abcdef": [
        NoteChange("0123456789abcdef", "old", "new", AT + timedelta(hours=1), "Omar", "h"),
        NoteChange("0123456789abcdef", "new", "", AT + timedelta(hours=2), "Sara", "h"),
    ],
    "fedcba9876543210": [NoteChange("fedcba9876543210", "", "a\nb", AT, "Omar", "h")],
}


def test_log_rows_without_changes() -> None:
    rows = log_rows(EVENTS[:2])
    assert [(e.uuid, style, cells) for e, style, cells in rows] == [
        (
            "0123456789abcdef",
            "",
            (
                "2026-11-24",
                "done",
                "review",
                "Weekly review",
                "Mona",
                "",
                "2026-11-24 09:30+03:00",
                "01234567",
                "",
            ),
        ),
        (
            "fedcba9876543210",
            "undone",
            (
                "2026-11-24",
                "skip (undone)",
                "call",
                "Call / them",
                "Mona",
                "",
                "2026-11-24 09:30+03:00",
                "fedcba98",
                "line1 / line2",
            ),
        ),
    ]


def test_log_rows_follow_each_event_with_its_note_changes() -> None:
    rows = log_rows(EVENTS[:1], CHANGES)
    assert [(e.uuid, style, cells[4], cells[8]) for e, style, cells in rows] == [
        ("0123456789abcdef", "", "Mona", ""),
        ("0123456789abcdef", "note", "Omar", "new (was: old)"),
        ("0123456789abcdef", "note", "Sara", "(none) (was: new)"),
    ]


PLAIN_LOG = [
    "for         kind           item    title          by    logged                  id        note",
    "2026-11-24  done           review  Weekly review  Mona  2026-11-24 09:30+03:00  01234567",
    "2026-11-24  note           review  Weekly review  Omar  2026-11-24 10:30+03:00  01234567  new (was: old)",
    "2026-11-24  note           review  Weekly review  Sara  2026-11-24 11:30+03:00  01234567  (none) (was: new)",
    "2026-11-24  skip (undone)  call    Call / them    Mona  2026-11-24 09:30+03:00  fedcba98  line1 / line2",
    "2026-11-24  note           call    Call / them    Omar  2026-11-24 09:30+03:00  fedcba98  a / b (was: (none))",
    "2026-11-24  skip           m       M              Mona  2026-11-24 09:30+03:00  aaaabbbb  n",
    "",
]
LOG_140 = [
    "<bold>for</>         <bold>kind</>           <bold>item</>    <bold>title</>          <bold>by</>    <bold>logged</>                  <bold>id</>        <bold>note</>",
    "2026-11-24  done           review  Weekly review  Mona  2026-11-24 09:30+03:00  01234567",
    "<cyan>2026-11-24</>  <cyan>note</>           <cyan>review</>  <cyan>Weekly review</>  <cyan>Omar</>  <cyan>2026-11-24 10:30+03:00</>  <cyan>01234567</>  <cyan>new (was: old)</>",
    "<cyan>2026-11-24</>  <cyan>note</>           <cyan>review</>  <cyan>Weekly review</>  <cyan>Sara</>  <cyan>2026-11-24 11:30+03:00</>  <cyan>01234567</>  <cyan>(none) (was: new)</>",
    "<dim strike>2026-11-24</>  <dim strike>skip (undone)</>  <dim strike>call</>    <dim strike>Call / them</>    <dim strike>Mona</>  <dim strike>2026-11-24 09:30+03:00</>  <dim strike>fedcba98</>  <dim strike>line1 / line2</>",
    "<cyan>2026-11-24</>  <cyan>note</>           <cyan>call</>    <cyan>Call / them</>    <cyan>Omar</>  <cyan>2026-11-24 09:30+03:00</>  <cyan>fedcba98</>  <cyan>a / b (was: (none))</>",
    "<yellow>2026-11-24</>  <yellow>skip</>           <yellow>m</>       <yellow>M</>              <yellow>Mona</>  <yellow>2026-11-24 09:30+03:00</>  <yellow>aaaabbbb</>  <yellow>n</>",
    "",
]
LOG_80 = [
    "<bold>for</>         <bold>kind</>           <bold>item</>    <bold>title</>          <bold>by</>    <bold>id</>        <bold>note</>",
    "2026-11-24  done           review  Weekly review  Mona  01234567",
    "<cyan>2026-11-24</>  <cyan>note</>           <cyan>review</>  <cyan>Weekly review</>  <cyan>Omar</>  <cyan>01234567</>  <cyan>new (was: old)</>",
    "<cyan>2026-11-24</>  <cyan>note</>           <cyan>review</>  <cyan>Weekly review</>  <cyan>Sara</>  <cyan>01234567</>  <cyan>(none) (was:…</>",
    "<dim strike>2026-11-24</>  <dim strike>skip (undone)</>  <dim strike>call</>    <dim strike>Call / them</>    <dim strike>Mona</>  <dim strike>fedcba98</>  <dim strike>line1 / line2</>",
    "<cyan>2026-11-24</>  <cyan>note</>           <cyan>call</>    <cyan>Call / them</>    <cyan>Omar</>  <cyan>fedcba98</>  <cyan>a / b (was: (…</>",
    "<yellow>2026-11-24</>  <yellow>skip</>           <yellow>m</>       <yellow>M</>              <yellow>Mona</>  <yellow>aaaabbbb</>  <yellow>n</>",
    "",
]
LOG_60 = [
    "<bold>for</>         <bold>kind</>           <bold>item</>    <bold>by</>    <bold>id</>        <bold>note</>",
    "2026-11-24  done           review  Mona  01234567",
    "<cyan>2026-11-24</>  <cyan>note</>           <cyan>review</>  <cyan>Omar</>  <cyan>01234567</>  <cyan>new (was…</>",
    "<cyan>2026-11-24</>  <cyan>note</>           <cyan>review</>  <cyan>Sara</>  <cyan>01234567</>  <cyan>(none) (…</>",
    "<dim strike>2026-11-24</>  <dim strike>skip (undone)</>  <dim strike>call</>    <dim strike>Mona</>  <dim strike>fedcba98</>  <dim strike>line1 /…</>",
    "<cyan>2026-11-24</>  <cyan>note</>           <cyan>call</>    <cyan>Omar</>  <cyan>fedcba98</>  <cyan>a / b (w…</>",
    "<yellow>2026-11-24</>  <yellow>skip</>           <yellow>m</>       <yellow>Mona</>  <yellow>aaaabbbb</>  <yellow>n</>",
    "",
]


def test_plain_log() -> None:
    assert plain_log(EVENTS, CHANGES).split("\n") == PLAIN_LOG
    assert plain_log([]) == "No events.\n"


@pytest.mark.parametrize(("width", "lines"), [(140, LOG_140), (80, LOG_80), (60, LOG_60)])
def test_show_log(monkeypatch: pytest.MonkeyPatch, width: int, lines: list[str]) -> None:
    assert drawn(monkeypatch, width, lambda: show_log(EVENTS, CHANGES)).split("\n") == lines


def test_show_log_of_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert drawn(monkeypatch, 80, lambda: show_log([])) == "No events.\n"


def test_show_log_leaves_out_the_name_below_fifty_nine_columns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = drawn(monkeypatch, 58, lambda: show_log(EVENTS, CHANGES)).split("\n")
    assert lines[:3] == [
        "<bold>for</>         <bold>kind</>           <bold>item</>    <bold>id</>        <bold>note</>",
        "2026-11-24  done           review  01234567",
        "<cyan>2026-11-24</>  <cyan>note</>           <cyan>review</>  <cyan>01234567</>  <cyan>new (was: ol…</>",
    ]
    lines = drawn(monkeypatch, 59, lambda: show_log(EVENTS, CHANGES)).split("\n")
    assert lines[1] == "2026-11-24  done           review  Mona  01234567"


def test_the_log_in_the_readers_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from csm_checklist.cli.views import events

    monkeypatch.setattr(events, "current", lambda: "ar")
    assert plain_log(EVENTS[:2], CHANGES).split("\n") == [
        "عن يوم      النوع        المهمة  العنوان        بواسطة  وقت التسجيل             المعرّف    الملاحظة",
        "2026-11-24  تم           review  Weekly review  Mona    2026-11-24 09:30+03:00  01234567",
        "2026-11-24  ملاحظة       review  Weekly review  Omar    2026-11-24 10:30+03:00  01234567  new (كانت: old)",
        "2026-11-24  ملاحظة       review  Weekly review  Sara    2026-11-24 11:30+03:00  01234567  (لا شيء) (كانت: new)",
        "2026-11-24  تخطي (أُلغي)  call    Call / them    Mona    2026-11-24 09:30+03:00  fedcba98  line1 / line2",
        "2026-11-24  ملاحظة       call    Call / them    Omar    2026-11-24 09:30+03:00  fedcba98  a / b (كانت: (لا شيء))",
        "",
    ]
    assert plain_log([]) == "لا توجد تسجيلات.\n"
    # In a terminal the Arabic table is indented: its header line would
    # otherwise start with Arabic, laid out right to left by a bidi terminal.
    assert drawn(monkeypatch, 140, lambda: show_log(EVENTS[:1], CHANGES)).split("\n") == [
        "  <bold>عن يوم</>      <bold>النوع</>   <bold>المهمة</>  <bold>العنوان</>        <bold>بواسطة</>  <bold>وقت التسجيل</>             <bold>المعرّف</>    <bold>الملاحظة</>",
        "  2026-11-24  تم      review  Weekly review  Mona    2026-11-24 09:30+03:00  01234567",
        "  <cyan>2026-11-24</>  <cyan>ملاحظة</>  <cyan>review</>  <cyan>Weekly review</>  <cyan>Omar</>    <cyan>2026-11-24 10:30+03:00</>  <cyan>01234567</>  <cyan>new (كانت: old)</>",
        "  <cyan>2026-11-24</>  <cyan>ملاحظة</>  <cyan>review</>  <cyan>Weekly review</>  <cyan>Sara</>    <cyan>2026-11-24 11:30+03:00</>  <cyan>01234567</>  <cyan>(لا شيء) (كانت: new)</>",
        "",
    ]
    assert drawn(monkeypatch, 80, lambda: show_log([])) == "لا توجد تسجيلات.\n"


# Logged by Mona's login for herself, and for Ali (`--by Ali`): the column shows.
TEAM_EVENTS = [EVENTS[0]._replace(logged_by="mona"), EVENTS[2]._replace(by="Ali", logged_by="mona")]


def test_plain_log_shows_logged_by_when_someone_logged_for_another() -> None:
    assert plain_log(TEAM_EVENTS).split("\n") == [
        "for         kind  item    title          by    logged by  logged                  id        note",
        "2026-11-24  done  review  Weekly review  Mona  mona       2026-11-24 09:30+03:00  01234567",
        "2026-11-24  skip  m       M              Ali   mona       2026-11-24 09:30+03:00  aaaabbbb  n",
        "",
    ]
    # Each logged by whoever did it, or not known: by alone, as before.
    same = [EVENTS[0]._replace(logged_by="Mona"), EVENTS[2]]
    assert plain_log(same).split("\n")[0].split() == [
        "for", "kind", "item", "title", "by", "logged", "id", "note"
    ]  # fmt: skip


def test_show_log_gives_logged_by_way_with_by(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = drawn(monkeypatch, 60, lambda: show_log(TEAM_EVENTS)).split("\n")
    assert lines[:2] == [
        "<bold>for</>         <bold>kind</>  <bold>item</>    <bold>by</>    <bold>logged by</>  <bold>id</>        <bold>note</>",
        "2026-11-24  done  review  Mona  mona       01234567",
    ]
    lines = drawn(monkeypatch, 50, lambda: show_log(TEAM_EVENTS)).split("\n")
    assert lines[1] == "2026-11-24  done  review  01234567"
