"""`csm report` per person, as a manager reads it: a rotation with one
person's leave covered, a colleague doing another's duty, a late one and a
missed one, counted by hand, in the terminal, Markdown and JSON, in English
and Arabic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clihelp import logged_on_the_day, run_on, track_from, without_chain

CHECKLIST = """\
items:
  - {id: monitor-accounts, rotate: [mona, ali, sara], tags: [desk]}
  - {id: team-meeting, assign: sara, tags: [desk]}
"""
PEOPLE = "user: Mona\npeople: mona, ali, sara\n"
LEAVE = """\
days_off:
  - date: 2026-11-18
    reason: Leave
    who: sara
"""


@pytest.fixture
def week(config_dir: Path) -> None:
    """Mon 16 – Sun 22 November 2026. The monitoring rotates over the
    workdays: Mon mona, Tue ali, Wed sara (on leave: mona covers), Thu mona,
    Fri ali; the team meeting (due Thursday) is Sara's."""
    (config_dir / "checklists").mkdir(parents=True)
    (config_dir / "checklists" / "desk.yaml").write_text(CHECKLIST, encoding="utf-8")
    (config_dir / "days-off.yaml").write_text(LEAVE, encoding="utf-8")
    (config_dir / "config.yaml").write_text(PEOPLE, encoding="utf-8")
    track_from("2026-11-16")
    for args in (
        ("done", "monitor-accounts", "--on", "2026-11-16"),  # Mona's own
        ("done", "monitor-accounts", "--on", "2026-11-17"),  # Mona, for Ali
        ("done", "team-meeting", "--on", "2026-11-19", "--by", "Ali"),  # Ali, for Sara
        ("done", "monitor-accounts", "--on", "2026-11-20", "--by", "ali"),  # Ali's own
    ):
        assert logged_on_the_day(*args).exit_code == 0
    # Thursday's, Mona's turn, logged on Friday: late. Wednesday's: nobody.
    late = run_on("2026-11-20", "done", "monitor-accounts", "--on", "2026-11-19")
    assert late.exit_code == 0


def report(*args: str) -> str:
    result = run_on(
        "2026-11-23", "report", "-p", "week", "--on", "2026-11-16", "--tag", "desk", *args
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


def whole(*args: str) -> str:
    """The week's report with every item (no checklist of the test's own)."""
    result = run_on("2026-11-23", "report", "-p", "week", "--on", "2026-11-16", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def section(text: str, heading: str) -> str:
    """The report from `heading` on, without the chain's footer that follows."""
    return str(without_chain(text[text.index(heading) :]))


def test_the_json_report_has_each_persons_figures_and_they_add_up(week: None) -> None:
    document = json.loads(report("-f", "json"))
    people = document["people"]
    figures = {p["name"]: p for p in people["persons"]}
    assert [p["name"] for p in people["persons"]] == ["mona", "ali", "sara"]
    keys = ("assigned", "done", "done_for", "late", "missed", "skipped", "due")
    assert [figures["mona"][k] for k in keys] == [3, 3, 0, 1, 1, 0, 0]
    assert [figures["ali"][k] for k in keys] == [2, 2, 1, 0, 0, 0, 0]
    # Ali did Sara's meeting: done for her, and done by him.
    assert [figures["sara"][k] for k in keys] == [1, 0, 1, 0, 0, 0, 0]
    assert people["team"] == dict.fromkeys(keys, 0)
    assert people["total"] == dict(zip(keys, [6, 5, 2, 1, 1, 0, 0], strict=True))
    total = document["total"]
    assert (total["expected"], total["done"], total["late"], total["missed"]) == (6, 5, 1, 1)
    # The fields the report always had are all still there.
    assert {"total", "cadences", "areas", "items", "missed", "notes", "outcomes"} <= set(document)


EN_TEXT = """\
By person
  Person           Assigned  Done by them  Done for them  Late  Missed
  mona             3         3             0              1     1
  ali              2         2             1              0     0
  sara             1         0             1              0     0
  Team (no owner)  0         0             0              0     0
  Total            6         5             2              1     1
  Assigned, late and missed count each person's own duties; done by them, what they did for anyone; done for them, their duties a colleague did.
"""

EN_MARKDOWN = """\
## By person

| Person | Assigned | Done by them | Done for them | Late | Missed |
|---|---:|---:|---:|---:|---:|
| mona | 3 | 3 | 0 | 1 | 1 |
| ali | 2 | 2 | 1 | 0 | 0 |
| sara | 1 | 0 | 1 | 0 | 0 |
| Team (no owner) | 0 | 0 | 0 | 0 | 0 |
| Total | 6 | 5 | 2 | 1 | 1 |

Assigned, late and missed count each person's own duties; done by them, what they did for anyone; done for them, their duties a colleague did.
"""


def test_the_text_and_markdown_reports_end_with_the_per_person_table(week: None) -> None:
    assert section(report(), "By person") == EN_TEXT
    assert section(report("-f", "md"), "## By person") == EN_MARKDOWN


AR_TEXT = """\
حسب الشخص
  الشخص               المسندة إليه  أنجزها بنفسه  أُنجزت عنه  متأخرة  فائتة
  mona                3             3             0          1       1
  ali                 2             2             1          0       0
  sara                1             0             1          0       0
  الفريق (بلا مسؤول)  0             0             0          0       0
  المجموع             6             5             2          1       1
  المسندة والمتأخرة والفائتة تُحسب من مهام الشخص نفسه؛ وأنجزها بنفسه: ما أنجزه لأي أحد؛ وأُنجزت عنه: مهامه التي أنجزها زميل.
"""

AR_MARKDOWN = """\
## حسب الشخص

| الشخص | المسندة إليه | أنجزها بنفسه | أُنجزت عنه | متأخرة | فائتة |
|---|---:|---:|---:|---:|---:|
| mona | 3 | 3 | 0 | 1 | 1 |
| ali | 2 | 2 | 1 | 0 | 0 |
| sara | 1 | 0 | 1 | 0 | 0 |
| الفريق (بلا مسؤول) | 0 | 0 | 0 | 0 | 0 |
| المجموع | 6 | 5 | 2 | 1 | 1 |

المسندة والمتأخرة والفائتة تُحسب من مهام الشخص نفسه؛ وأنجزها بنفسه: ما أنجزه لأي أحد؛ وأُنجزت عنه: مهامه التي أنجزها زميل.
"""


def test_in_arabic(week: None, config_dir: Path) -> None:
    (config_dir / "config.yaml").write_text(PEOPLE + "lang: ar\n", encoding="utf-8")
    from bidi import unmarked

    assert unmarked(section(report(), "حسب الشخص")) == AR_TEXT
    assert section(report("-f", "md"), "## حسب الشخص") == AR_MARKDOWN
    pytest.importorskip("jinja2")
    page = report("-f", "html")
    for words in ("<h2>حسب الشخص</h2>", "أُنجزت عنه", "الفريق (بلا مسؤول)", "المجموع"):
        assert words in page


def test_at_a_narrow_terminal_names_are_shortened_and_figures_kept_whole(
    week: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", "66")
    assert section(report(), "By person").splitlines()[:8] == [
        "By person",
        "  Person       Assigned  Done by them  Done for them  Late  Missed",
        "  mona         3         3             0              1     1",
        "  ali          2         2             1              0     0",
        "  sara         1         0             1              0     0",
        "  Team (no o…  0         0             0              0     0",
        "  Total        6         5             2              1     1",
        "  Assigned, late and missed count each person's own duties; done",
    ]
    monkeypatch.setenv("COLUMNS", "60")
    shown = section(report(), "By person")
    assert shown.splitlines()[:5] == [
        "By person",
        "  mona",
        "      Assigned 3 · Done by them 3 · Done for them 0 · Late 1",
        "      Missed 1",
        "  ali",
    ]
    assert all(len(line) <= 60 for line in shown.splitlines())


def test_the_html_page_has_the_table_with_the_jsons_figures(week: None) -> None:
    pytest.importorskip("jinja2")
    from test_report_html import Page, value_of

    document = json.loads(report("-f", "json"))
    page = Page(report("-f", "html"))
    keys = [key for key in page.figures if key.startswith("people.")]
    # Three people, the team and the total, five figures each.
    assert len(keys) == 5 * 5
    for key in keys:
        assert page.figures[key] == [str(value_of(document, key))], key
    assert "Done for them" in page.text and "Team (no owner)" in page.text


def test_one_persons_log_reads_as_it_always_has(config_dir: Path) -> None:
    """No owners and one person: no per-person table in any format (the
    reports' golden files hold the rest of the page as it was)."""
    (config_dir / "checklists").mkdir(parents=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    track_from("2026-11-16")
    assert logged_on_the_day("done", "monitor-accounts", "--on", "2026-11-16").exit_code == 0
    by_name = ("done", "monitor-accounts", "--on", "2026-11-17", "--by", "mona")
    assert logged_on_the_day(*by_name).exit_code == 0  # the same person, in any case
    assert "people" not in json.loads(whole("-f", "json"))
    for fmt in ("text", "md", "html"):
        assert "By person" not in whole("-f", fmt)
    # A second person doing the work is told apart, though no one owns it.
    by_ali = ("done", "monitor-accounts", "--on", "2026-11-18", "--by", "Ali")
    assert logged_on_the_day(*by_ali).exit_code == 0
    document = json.loads(whole("-f", "json"))
    people = document["people"]
    assert [(p["name"], p["assigned"], p["done"]) for p in people["persons"]] == [
        ("Mona", 0, 2),
        ("Ali", 0, 1),
    ]
    # Every period is the team's; its done entries all name someone.
    assert (people["team"]["assigned"], people["team"]["done"]) == (
        document["total"]["expected"],
        0,
    )
