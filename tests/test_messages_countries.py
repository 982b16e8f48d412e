"""Country names in both languages for every country with public holidays."""

from __future__ import annotations

import re
from pathlib import Path

from holidays import registry

from csm_checklist.dates.publicholidays import countries, country_name
from csm_checklist.messages.countries import MESSAGES

from clihelp import run


def test_every_country_the_holidays_package_knows_has_a_name_in_both_languages() -> None:
    codes = {
        next(code for code in names if len(code) == 2 and code.isupper())
        for _cls, *names in registry.COUNTRIES.values()
        if any(len(code) == 2 and code.isupper() for code in names)
    }
    # When this fails, `holidays` has a new country: run scripts/country_names.py.
    assert {f"countries.{code}" for code in codes} <= set(MESSAGES)
    listed = countries()
    assert [code for code, _name in listed] == sorted(codes)
    assert ("SA", "Saudi Arabia") in listed


def test_arabic_names_carry_no_vowel_marks_that_terminals_draw_badly() -> None:
    marked = [key for key, (_en, ar) in MESSAGES.items() if re.search("[\u064b-\u0652]", ar)]
    assert marked == []


def test_a_country_is_named_in_the_readers_language() -> None:
    name = country_name("sa")
    assert name == "Saudi Arabia"
    assert name.text("ar") == "السعودية"  # type: ignore[attr-defined]
    assert country_name("ZZ") == "ZZ"


def test_off_countries_in_arabic(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("lang: ar\n", encoding="utf-8")
    lines = run("off", "countries").stdout.splitlines()
    assert "SA  السعودية" in lines
    assert "EG  مصر" in lines
    assert "AE  الإمارات العربية المتحدة" in lines
