"""`csm off holidays` and `csm config set region`: checked against the
`holidays` package's own data, and against dates stated here by hand."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest

from csm_checklist.dates.daysoff import load_days_off, reasons_by_date
from csm_checklist.dates.schedule import parse_workdays

from clihelp import read as run


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


def imported(config_dir: Path) -> dict[date, str]:
    return reasons_by_date(load_days_off(config_dir / "days-off.yaml"))


# (country, the package's Arabic language for it)
COUNTRIES = [("SA", "ar"), ("AE", "ar"), ("EG", "ar_EG")]


@pytest.mark.parametrize(("country", "arabic"), COUNTRIES)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_holiday_of_the_package_becomes_a_day_off(
    country: str, arabic: str, lang: str, config_dir: Path
) -> None:
    ok("config", "set", "lang", lang)
    ok("off", "holidays", "--country", country, "--year", "2025")
    language = arabic if lang == "ar" else "en_US"
    package = holidays.country_holidays(country, years=2025, language=language)
    assert imported(config_dir) == dict(package.items())
    sources = {e.source for e in load_days_off(config_dir / "days-off.yaml")}
    assert sources == {f"holidays:{country}"}


def days(first: str, count: int) -> list[date]:
    return [date.fromisoformat(first) + timedelta(days=n) for n in range(count)]


@pytest.mark.parametrize(
    ("country", "lang", "dates", "name"),
    [
        # Eid al-Fitr 2025 in Saudi Arabia: 1 Shawwal 1446 = Sunday 30 March, four days.
        ("SA", "en", days("2025-03-30", 4), "Eid al-Fitr Holiday"),
        ("SA", "ar", days("2025-03-30", 4), "عطلة عيد الفطر"),
        ("SA", "en", days("2025-09-23", 1), "National Day Holiday"),
        # The UAE: Eid al-Fitr on the 30th, its holiday days after it; National Day 2 December.
        ("AE", "en", days("2025-03-30", 1), "Eid al-Fitr"),
        ("AE", "ar", days("2025-03-31", 2), "عطلة عيد الفطر"),
        ("AE", "en", days("2025-12-01", 2), "National Day"),
        # Egypt: Eid al-Fitr 30-31 March, Sham el-Nessim on Easter Monday (21 April).
        ("EG", "en", days("2025-03-30", 2), "Eid al-Fitr"),
        ("EG", "ar", days("2025-03-30", 2), "عيد الفطر المبارك"),
        ("EG", "en", days("2025-04-21", 1), "Spring Festival"),
    ],
)
def test_known_holidays_by_hand(
    country: str, lang: str, dates: list[date], name: str, config_dir: Path
) -> None:
    ok("config", "set", "lang", lang)
    ok("off", "holidays", "--country", country, "--year", "2025")
    found = imported(config_dir)
    assert {day: found.get(day) for day in dates} == dict.fromkeys(dates, name)


def test_the_import_run_twice_adds_nothing(config_dir: Path) -> None:
    ok("off", "add", "2025-04-03", "--reason", "Bridge day")
    first = ok("off", "holidays", "--country", "SA", "--year", "2025")
    assert first.splitlines()[0] == (
        "Saudi Arabia (SA) 2025: 7 holiday(s); 7 new, 0 renamed, 0 no longer listed."
    )
    assert "  +  2025-03-30..2025-04-02  Eid al-Fitr Holiday\n" in first
    path = config_dir / "days-off.yaml"
    saved = path.read_bytes()
    again = ok("off", "holidays", "--country", "SA", "--year", "2025")
    assert again == "Saudi Arabia (SA) 2025: 7 holiday(s); 0 new, 0 renamed, 0 no longer listed.\n"
    assert path.read_bytes() == saved
    # The same holidays in Arabic rename the entries in place: still 7, plus the bridge day.
    ok("config", "set", "lang", "ar")
    renamed = ok("off", "holidays", "--country", "SA", "--year", "2025")
    assert renamed.splitlines()[0].endswith(
        "العطل الرسمية: 7؛ الجديدة: 0، المعاد تسميتها: 7، التي لم تعد مدرجة: 0."
    )
    listed = json.loads(ok("off", "list", "--json"))
    assert len(listed) == 8
    assert {e["reason"] for e in listed if e["start"] == "2025-03-30"} == {"عطلة عيد الفطر"}


def test_a_dry_run_writes_nothing(config_dir: Path) -> None:
    out = ok("off", "holidays", "--country", "AE", "--year", "2025", "--dry-run")
    assert out.splitlines()[0] == (
        # 12 dates; consecutive days of one holiday are one entry: 9 entries.
        "United Arab Emirates (AE) 2025: 9 holiday(s); 9 new, 0 renamed, 0 no longer listed."
    )
    assert out.endswith("Dry run: nothing written.\n")
    assert not (config_dir / "days-off.yaml").exists()


def test_the_region_is_the_default_country(config_dir: Path) -> None:
    result = run("off", "holidays", "--year", "2025")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: Which country? Give --country, e.g. --country SA.\n"
        "Hint: Or set it once: csm config set region SA.\n"
    )
    ok("config", "set", "region", "eg")
    assert ok("off", "holidays", "--year", "2025").startswith("Egypt (EG) 2025:")


@pytest.mark.parametrize("code", ["XX", "Saudi", "SAU", "S1"])
def test_an_unknown_country_is_refused_with_where_to_find_codes(
    code: str, config_dir: Path
) -> None:
    for args in (("off", "holidays", "--country", code), ("config", "set", "region", code)):
        result = run(*args)
        assert result.exit_code == 2, args
        lines = result.stderr.splitlines()
        assert len(lines) == 2
        assert lines[1].endswith(
            "Run `csm off countries` to see every code csm knows, e.g. SA, AE, EG."
        ), lines
    assert not (config_dir / "days-off.yaml").exists()
    assert not (config_dir / "config.yaml").exists()


def test_countries_lists_the_codes() -> None:
    lines = ok("off", "countries").splitlines()
    assert {"SA  Saudi Arabia", "AE  United Arab Emirates", "EG  Egypt"} <= set(lines)
    assert lines == sorted(lines)


@pytest.mark.parametrize(
    ("code", "workdays", "week_start"),
    [
        ("SA", "sun-thu", "sunday"),  # weekend Friday-Saturday
        ("AE", "mon-fri", "monday"),  # weekend Saturday-Sunday since 2022
        ("EG", "sun-thu", "sunday"),
        ("US", "mon-fri", "monday"),
    ],
)
def test_a_region_sets_the_week_from_its_weekend(
    code: str, workdays: str, week_start: str, config_dir: Path
) -> None:
    config_file = config_dir / "config.yaml"
    assert ok("config", "set", "region", code.lower()) == (
        f"region = {code}  ({config_file})\n"
        f"workdays = {workdays}  ({config_file})\n"
        f"week_start = {week_start}  ({config_file})\n"
        f"Import its public holidays as days off: csm off holidays --country {code}\n"
    )
    shown = json.loads(ok("config", "show", "--json"))
    assert (shown["region"], shown["workdays"], shown["week_start"]) == (code, workdays, week_start)
    # Against the package: the workdays are exactly the days outside its weekend.
    weekend = holidays.country_holidays(code).weekend
    assert parse_workdays(workdays) == frozenset(range(7)) - weekend


def test_clearing_the_region_keeps_the_week() -> None:
    ok("config", "set", "region", "SA")
    assert ok("config", "set", "region", "").startswith("region = ")
    shown = json.loads(ok("config", "show", "--json"))
    assert (shown["region"], shown["workdays"]) == ("", "sun-thu")
