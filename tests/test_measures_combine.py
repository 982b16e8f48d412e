"""How a measure's periods combine over a quarter and a year (DESIGN §11):
`sum` for a count, `mean` for a score, `last` for a level; the figure says
which, and over how many periods. Every figure is counted by hand.

A monthly item of 2026 with three measures, recorded in January, February,
April, May, June and December; March (and July to November) has no value:

    month     tickets (sum)  score (mean)  backlog (last)
    January        10            4.0            7
    February       20            4.5            5
    March          —             —              —
    April          30            3.0            9
    May            40            4.0            2
    June           50            5.0            4
    December       60            4.2            3
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import time_machine

from clihelp import run, track_from

ITEM = """\
items:
  - id: service-figures
    title: {en: Service figures, ar: أرقام الخدمة}
    area: team-management
    cadence: monthly
    measures:
      - id: tickets
        label: {en: Tickets, ar: التذاكر}
        combine: sum
      - id: score
        label: {en: Score, ar: الدرجة}
        unit: /5
        combine: mean
      - id: backlog
        label: {en: Backlog, ar: المتراكم}
        combine: last
"""

MONTHS = [
    ("2026-01-30", 10, 4.0, 7),
    ("2026-02-27", 20, 4.5, 5),
    ("2026-04-30", 30, 3.0, 9),
    ("2026-05-29", 40, 4.0, 2),
    ("2026-06-30", 50, 5.0, 4),
    ("2026-12-31", 60, 4.2, 3),
]


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


@pytest.fixture(autouse=True)
def _year(config_dir: Path) -> Iterator[None]:
    (config_dir / "checklists").mkdir(parents=True)
    (config_dir / "checklists" / "figures.yaml").write_text(ITEM, encoding="utf-8")
    with time_machine.travel("2027-01-10 09:00:00+00:00", tick=False):
        track_from("2026-01-01")
        for day, tickets, score, backlog in MONTHS:
            ok(
                "done",
                "service-figures",
                "--on",
                day,
                "-m",
                f"tickets={tickets}",
                "-m",
                f"score={score}",
                "-m",
                f"backlog={backlog}",
            )
        yield


def measures(period: str, on: str) -> dict[str, dict[str, Any]]:
    doc = json.loads(ok("report", "--period", period, "--on", on, "--format", "json"))
    return {m["measure"]: m for m in doc["measures"]}


def figures(period: str, on: str) -> dict[str, tuple[Any, ...]]:
    return {
        name: (m["value"], m["previous"], m["periods"], m["combined"])
        for name, m in measures(period, on).items()
    }


def test_a_quarter_with_a_month_without_a_value() -> None:
    # Q1: January and February; March has none.
    assert figures("quarter", "2026-03-15") == {
        "tickets": (30, None, 2, "sum of 2 months"),  # 10 + 20
        "score": (4.25, None, 2, "mean of 2 months"),  # (4.0 + 4.5) / 2
        "backlog": (5, None, 2, "latest of 2 months"),  # February's
    }


def test_a_full_quarter_beside_the_one_before() -> None:
    q2 = measures("quarter", "2026-05-15")
    assert figures("quarter", "2026-05-15") == {
        "tickets": (120, 30, 3, "sum of 3 months"),  # 30 + 40 + 50; Q1 30
        "score": (4.0, 4.25, 3, "mean of 3 months"),  # (3 + 4 + 5) / 3; Q1 4.25
        "backlog": (4, 5, 3, "latest of 3 months"),  # June's; Q1 February's
    }
    assert (q2["tickets"]["change"], q2["score"]["change"], q2["backlog"]["change"]) == (
        90,
        -0.25,
        -1,
    )
    assert {m["combine"] for m in q2.values()} == {"sum", "mean", "last"}


def test_a_quarter_with_no_value_at_all_keeps_the_one_before() -> None:
    # Q3: nothing recorded from July to September.
    assert figures("quarter", "2026-08-15") == {
        "tickets": (None, 120, 0, None),
        "score": (None, 4.0, 0, None),
        "backlog": (None, 4, 0, None),
    }


def test_a_year() -> None:
    year = figures("year", "2026-06-01")
    assert year["tickets"] == (210, None, 6, "sum of 6 months")  # 10+20+30+40+50+60
    assert year["backlog"] == (3, None, 6, "latest of 6 months")  # December's
    value, previous, periods, how = year["score"]
    assert round(value, 6) == round((4.0 + 4.5 + 3.0 + 4.0 + 5.0 + 4.2) / 6, 6)  # 4.1166…
    assert (previous, periods, how) == (None, 6, "mean of 6 months")


def test_a_month_is_one_period_and_says_nothing_of_combining() -> None:
    assert figures("month", "2026-02-10") == {
        "tickets": (20, 10, 1, None),
        "score": (4.5, 4.0, 1, None),
        "backlog": (5, 7, 1, None),
    }
    # March has no value: the figure is a dash beside February's.
    assert figures("month", "2026-03-10") == {
        "tickets": (None, 20, 0, None),
        "score": (None, 4.5, 0, None),
        "backlog": (None, 5, 0, None),
    }


def test_the_text_and_markdown_say_how_beside_the_figure() -> None:
    text = ok("report", "--period", "quarter", "--on", "2026-05-15")
    section = text[text.index("Measures") :].splitlines()
    assert section[1].split() == ["measure", "value", "previous", "change", "target", "trend"]
    assert [line[:52] for line in section[2:5]] == [
        "  Tickets  120 (sum of 3 months)   30        +90    ",
        "  Score    4/5 (mean of 3 months)  4.25/5    −0.25  ",
        "  Backlog  4 (latest of 3 months)  5         −1     ",
    ]
    md = ok("report", "--period", "quarter", "--on", "2026-05-15", "--format", "md")
    assert "| Tickets | 120 (sum of 3 months) | 30 | +90 |  |\n" in md
    assert "| Score | 4/5 (mean of 3 months) | 4.25/5 | −0.25 |  |\n" in md
    assert "| Backlog | 4 (latest of 3 months) | 5 | −1 |  |\n" in md


def test_in_arabic() -> None:
    ok("config", "set", "lang", "ar")
    md = ok("report", "--period", "quarter", "--on", "2026-03-15", "--format", "md")
    assert "| التذاكر | 30 (مجموع شهرين) | — | — |  |\n" in md
    year = ok("report", "--period", "year", "--on", "2026-06-01", "--format", "md")
    assert "| التذاكر | 210 (مجموع 6 أشهر) | — | — |  |\n" in year
    assert "| المتراكم | 3 (آخر قيمة من 6 أشهر) | — | — |  |\n" in year
    doc = json.loads(ok("report", "--period", "year", "--on", "2026-06-01", "--format", "json"))
    assert [m["combined"] for m in doc["measures"]] == [
        "مجموع 6 أشهر",
        "متوسط 6 أشهر",
        "آخر قيمة من 6 أشهر",
    ]


def test_the_built_in_measures_combine_as_counts_and_scores() -> None:
    doc = json.loads(ok("show", "monthly-report", "--json"))
    assert [(m["id"], m["combine"]) for m in doc["measures"]] == [
        ("complaints", "sum"),
        ("csat", "mean"),
    ]


def test_an_unknown_combine_is_named_with_file_and_line(config_dir: Path) -> None:
    path = config_dir / "checklists" / "figures.yaml"
    path.write_text(ITEM.replace("combine: sum", "combine: summ"), encoding="utf-8")
    result = run("list")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {path}, line 9, item 'service-figures': "
        "`combine:` must be sum, mean or last, not 'summ'.",
        "Hint: Did you mean 'sum'? Write `combine: sum` for a count (complaints), `combine: mean` "
        "for a score (satisfaction) or `combine: last` for a level (a backlog).",
    ]


def test_list_and_show_name_every_measure_an_item_takes() -> None:
    listed = json.loads(ok("list", "--json"))
    mine = next(i for i in listed["items"] if i["id"] == "service-figures")
    assert mine["measures"] == [
        {
            "id": "tickets",
            "label": "Tickets",
            "unit": "",
            "target": None,
            "better": None,
            "combine": "sum",
        },
        {
            "id": "score",
            "label": "Score",
            "unit": "/5",
            "target": None,
            "better": None,
            "combine": "mean",
        },
        {
            "id": "backlog",
            "label": "Backlog",
            "unit": "",
            "target": None,
            "better": None,
            "combine": "last",
        },
    ]
    assert next(i for i in listed["items"] if i["id"] == "team-meeting")["measures"] == []
    shown = json.loads(ok("show", "service-figures", "--json"))["measures"]
    assert shown[1]["label"] == {"en": "Score", "ar": "الدرجة"}
    text = ok("show", "monthly-report")
    assert (
        "  measures       complaints Complaints handled (periods summed) · csat Customer "
        "satisfaction (/5, target 4.5/5, higher is better, periods averaged)\n"
    ) in text
    ok("config", "set", "lang", "ar")
    arabic = ok("show", "service-figures")
    assert "backlog المتراكم (آخر فترة)" in arabic


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        ("csatt=4", "Hint: Its measures: complaints, csat; e.g. --measure csat=4.5"),
        ("bogus=4", "Hint: Its measures: complaints, csat; e.g. --measure complaints=132"),
        ("complaints=lots", "Hint: Write a number, e.g. --measure complaints=132"),
        ("csat=high", "Hint: Write a number, e.g. --measure csat=4.5 or csat=4.5/5"),
    ],
)
def test_the_hint_of_a_bad_measure_gives_a_value_that_fits_it(given: str, hint: str) -> None:
    result = run("done", "monthly-report", "--measure", given)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == hint
