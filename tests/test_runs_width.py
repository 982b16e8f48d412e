"""`csm run list` fits the terminal from 60 columns up, in
English and Arabic: titles and names are shortened with "…", ids, dates and
counts never are; piped output is not shortened."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine
from rich.cells import cell_len

from bidi import unmarked
from clihelp import run

RUN = "crisis-2027-01-07"


@contextmanager
def at(moment: str) -> Iterator[None]:
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


def _runs(config_dir: Path, lang: str) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text(f"user: Mona\nlang: {lang}\n", encoding="utf-8")
    with at("2027-01-07T09:00"):
        assert (
            run("run", "start", "crisis", "--name", "a hacked account, and a long name").exit_code
            == 0
        )
        assert run("done", f"{RUN}/assess").exit_code == 0
        assert run("run", "start", "campaign").exit_code == 0


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("columns", [60, 80, 100, 120])
def test_run_views_fit_the_terminal(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch, columns: int, lang: str
) -> None:
    _runs(config_dir, lang)
    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", str(columns))
    with at("2027-01-07T12:00"):
        listed = unmarked(run("run", "list").stdout).splitlines()
        shown = unmarked(run("run", "show", RUN).stdout).splitlines()
    assert max(cell_len(line) for line in listed) <= columns
    assert [line.split()[0] for line in listed[1:]] == [RUN, "campaign-2027-01-07"]
    assert "1/6" in listed[1]
    assert shown[0].startswith(RUN)
    assert "2027-01-07 09:00" in "\n".join(shown)


def test_piped_run_views_are_not_shortened(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _runs(config_dir, "en")
    monkeypatch.setenv("COLUMNS", "60")
    with at("2027-01-07T12:00"):
        shown = run("run", "show", RUN).stdout
    assert (
        shown.splitlines()[0] == f"{RUN}  Social media crisis — a hacked account, and a long name"
    )


def test_run_list_at_60_columns(config_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _runs(config_dir, "en")
    monkeypatch.setenv("CSM_FORCE_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", "60")
    with at("2027-01-07T12:00"):
        assert run("run", "list").stdout == (
            "  run                  started           steps  status\n"
            f"  {RUN}    2027-01-07 09:00  1/6    open\n"
            "  campaign-2027-01-07  2027-01-07 09:00  0/5    open\n"
        )
