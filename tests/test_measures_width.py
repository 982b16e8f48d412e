"""The measures tables fitted to a terminal: the report's section and
`csm measures` drop what matters least before a name is shortened, and piped
output is never shortened."""

from __future__ import annotations

import pytest

from csm_checklist.cli.views.common import cell_len
from csm_checklist.cli.views.measures import fitted_table, report_lines
from csm_checklist.duties.catalog import Measure, Text
from csm_checklist.rules.measures import MeasureRow

CSAT = Measure("csat", Text("Customer satisfaction", "مستوى رضا العملاء"), "/5", 4.5, "higher")
COMPLAINTS = Measure("complaints", Text("Complaints handled", "الشكاوى المعالجة"))
ROWS = [
    MeasureRow("monthly-report", CSAT, 4.6, 4.2, (4.0, 4.2, 4.6)),
    MeasureRow("monthly-report", COMPLAINTS, 120, 150, (150, 120)),
]


def test_piped_report_section_keeps_every_column() -> None:
    assert report_lines(ROWS, "en") == [
        "Measures",
        "  measure                value  previous  change  target       trend",
        "  Customer satisfaction  4.6/5  4.2/5     +0.4    4.5/5 (met)  ▁▃█",
        "  Complaints handled     120    150       −30                  █▁",
    ]


@pytest.mark.parametrize(
    ("width", "lines"),
    [
        (
            80,
            [
                "Measures",
                "  measure                value  previous  change  target       trend",
                "  Customer satisfaction  4.6/5  4.2/5     +0.4    4.5/5 (met)  ▁▃█",
                "  Complaints handled     120    150       −30                  █▁",
            ],
        ),
        (
            60,  # previous, change and trend together are one cell too many
            [
                "Measures",
                "  measure                value  target",
                "  Customer satisfaction  4.6/5  4.5/5 (met)",
                "  Complaints handled     120",
            ],
        ),
        (
            40,
            [
                "Measures",
                "  measure             value  target",
                "  Customer satisfac…  4.6/5  4.5/5 (met)",
                "  Complaints handled  120",
            ],
        ),
        (
            30,
            [
                "Measures",
                "  measure   value  target",
                "  Custome…  4.6/5  4.5/5 (met)",
                "  Complai…  120",
            ],
        ),
    ],
)
def test_report_section_at_each_width(width: int, lines: list[str]) -> None:
    shown = report_lines(ROWS, "en", width=width)
    assert [line.rstrip() for line in shown] == lines
    assert all(cell_len(line) <= width for line in shown)


def test_an_id_is_never_shortened_even_when_nothing_fits() -> None:
    table = [["item", "measure"], ["monthly-report", "Customer satisfaction"]]
    shown = fitted_table(table, [((0, 1), (1,))], 20)
    assert shown[1].startswith("monthly-report  ")
