"""The HTML report in a real browser: headless Chromium draws the month's
report at a phone's width and a desktop's, in English and Arabic; nothing
reaches past the page's sides and the page asks for nothing outside itself.
Without Chromium the test is skipped, except in CI (CI=true), which fails."""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import Browser, chromium
from clihelp import run
from reportdata import DAY, log_september

pytest.importorskip("jinja2")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Chromium for the report's browser test (.ci/run installs it)")
        pytest.skip("Chromium is not installed")
    with Browser(executable) as opened:
        yield opened


@pytest.fixture
def pages(config_dir: Path, tmp_path: Path) -> dict[str, Path]:
    log_september()
    made = {}
    for lang in ("en", "ar"):
        assert run("config", "set", "lang", lang).exit_code == 0
        for period in ("month", "quarter"):
            target = tmp_path / f"{period}.{lang}.html"
            result = run(
                "report", "--period", period, "--on", DAY, "--format", "html", "-o", str(target)
            )
            assert result.exit_code == 0, result.stderr
            made[f"{period}.{lang}"] = target
    return made


def test_the_report_fits_a_phone_and_a_desktop_and_fetches_nothing(
    browser: Browser, pages: dict[str, Path]
) -> None:
    shots = os.environ.get("CSM_REPORT_SHOTS")  # a folder to keep the screenshots in
    for name, page in sorted(pages.items()):
        for width in (390, 1280):
            drawn = browser.render(page, width)
            m = drawn.measured
            assert m["innerWidth"] == width, (name, width, m)
            assert m["scrollWidth"] == m["clientWidth"] == width, (name, width, m)
            assert m["outside"] == [], (name, width, m["outside"])
            # The page itself is the only request: no font, picture or script.
            assert drawn.requests == [page.as_uri()], (name, drawn.requests)
            assert drawn.problems == [], (name, drawn.problems)
            picture = base64.b64decode(drawn.screenshot)
            assert picture.startswith(b"\x89PNG")
            if shots:
                Path(shots).mkdir(parents=True, exist_ok=True)
                (Path(shots) / f"{name}.{width}.png").write_bytes(picture)
