"""`assign:` and `rotate:` in checklist files: read into the catalog and the
revisions, and every mistake refused with the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from clihelp import run


@pytest.fixture
def user_dir(config_dir: Path) -> Path:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    return folder


HEAD = """\
items:
  - id: weekly-sync
    title: {en: Weekly sync, ar: اجتماع أسبوعي}
    area: team-management
    cadence: weekly
"""


@pytest.mark.parametrize(
    ("lines", "line", "error", "hint"),
    [
        (
            "    assign: Mona\n",
            6,
            "assign names 'Mona', which is not a login.",
            "A login is lower-case letters, digits, and . _ @ -, starting with a letter, "
            "e.g. `assign: mona`.",
        ),
        (
            "    assign: [mona]\n",
            6,
            "assign names sequence, which is not a login.",
            "A login is lower-case letters, digits, and . _ @ -, starting with a letter, "
            "e.g. `assign: mona`.",
        ),
        (
            "    rotate: mona\n",
            6,
            "rotate must be a list of logins, not 'mona'.",
            "Write it as `rotate: [mona, ali, sara]`: one person per period, in that order.",
        ),
        (
            "    rotate: [mona]\n",
            6,
            "a rotation of one person is an owner.",
            "Write `assign: mona` instead, or add the others to the rotation.",
        ),
        (
            "    rotate:\n      - mona\n      - ali\n      - mona\n",
            9,
            "mona is in the rotation twice.",
            "Name each person once; the rotation goes round them in order.",
        ),
        (
            "    assign: mona\n    rotate: [ali, sara]\n",
            7,
            "the item has both assign and rotate.",
            "Keep one: `assign:` for one owner, `rotate:` for people who take turns.",
        ),
    ],
)
def test_owner_mistakes_are_refused_exactly(
    user_dir: Path, lines: str, line: int, error: str, hint: str
) -> None:
    path = user_dir / "mine.yaml"
    path.write_text(HEAD + lines, encoding="utf-8")
    result = run("list")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {path}, line {line}, item 'weekly-sync': {error}\nHint: {hint}\n"
    )


def test_an_owner_and_a_rotation_load(user_dir: Path) -> None:
    from csm_checklist.duties.checklists import load_catalog

    (user_dir / "mine.yaml").write_text(
        HEAD + "    rotate: [mona, ali, sara]\n"
        "  - id: daily-huddle\n    title: {en: Huddle, ar: اجتماع}\n"
        "    area: team-management\n    cadence: daily\n    assign: ali\n",
        encoding="utf-8",
    )
    catalog = load_catalog(user_dir)
    sync, huddle = catalog.items["weekly-sync"], catalog.items["daily-huddle"]
    assert (sync.assign, sync.rotate, sync.owner_line) == (None, ("mona", "ali", "sara"), 6)
    assert (huddle.assign, huddle.rotate, huddle.owner_line) == ("ali", (), 11)
    assert all(
        not i.owner_line
        for i in catalog.items.values()
        if i.id not in ("weekly-sync", "daily-huddle")
    )
