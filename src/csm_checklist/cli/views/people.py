"""Views of a report's figures per person (`rules.people`): a section of the
text report, a Markdown table, and the `people` field of the JSON document
(which the HTML page draws). Every word is in `messages.people`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from csm_checklist.messages.people import MESSAGES

if TYPE_CHECKING:
    from csm_checklist.rules.people import People, PersonFigures

# The columns of the text and Markdown tables, after the person's name;
# JSON has every figure (skipped and due too).
COLUMNS = ("assigned", "done", "done_for", "late", "missed")


def term(key: str, lang: str) -> str:
    english, arabic = MESSAGES[f"people.{key}"]
    return arabic if lang == "ar" and arabic else english


def _rows(people: People, lang: str) -> list[list[str]]:
    """The table: a heading row, one row per person, the team's, the total."""
    table = [[term("person", lang), *(term(c, lang) for c in COLUMNS)]]
    named: list[tuple[str, PersonFigures]] = [(row.name, row) for row in people.persons]
    named += [(term("team", lang), people.team), (term("total", lang), people.total)]
    for name, row in named:
        table.append([name, *(str(getattr(row, c)) for c in COLUMNS)])
    return table


def report_lines(people: People | None, lang: str, width: int | None = None) -> list[str]:
    """The section of a text report: heading, table, key ([] with no people).
    With `width`, fitted to a terminal that wide (names are shortened,
    figures never)."""
    from csm_checklist.cli.views.common import cell_len, fit_line, packed
    from csm_checklist.cli.views.measures import fitted_table

    if people is None:
        return []
    table = _rows(people, lang)
    every = tuple(range(len(table[0])))
    lines = [term("heading", lang), *fitted_table(table, [(every, (0,))], width, indent="  ")]
    key = term("key", lang)
    if width is None:
        return [*lines, "  " + key]
    if max(cell_len(line) for line in lines) > width:
        # Too narrow for the table: each row's name, then its figures
        # named, on as many lines as they need (a figure is never cut).
        lines = [term("heading", lang)]
        for row in table[1:]:
            lines.append(fit_line("  " + row[0], width))
            parts = [f"{name} {figure}" for name, figure in zip(table[0][1:], row[1:], strict=True)]
            lines += packed(parts, width, "      ", " · ")
    return [*lines, *packed(key.split(" "), width, "  ", " ")]


def report_markdown(people: People | None, lang: str) -> list[str]:
    """The per-person table of a Markdown report ([] with no people)."""
    from csm_checklist.exchange.escapes import md_cell

    if people is None:
        return []
    table = _rows(people, lang)
    lines = [f"## {term('heading', lang)}", ""]
    lines.append("| " + " | ".join(table[0]) + " |")
    lines.append("|---|" + "---:|" * len(COLUMNS))
    for row in table[1:]:
        name = md_cell(row[0]).replace("<br>", " ")
        lines.append("| " + " | ".join([name, *row[1:]]) + " |")
    return [*lines, "", term("key", lang), ""]


def report_json(people: People) -> dict[str, Any]:
    """The `people` field: each person's figures (`name` as the owners or
    the entries spell it), the team's row (no owner, or no one named) and
    the total; see `rules.people` for what each figure counts and which sum
    to the report's `total`."""
    return {
        "persons": [{"name": row.name, **row.figures()} for row in people.persons],
        "team": people.team.figures(),
        "total": people.total.figures(),
    }
