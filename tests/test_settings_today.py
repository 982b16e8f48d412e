"""The `timezone` setting decides which date "today" is. Only the CLI asks the
clock, through Settings.today(); these tests compare it with the clock."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from csm_checklist.duties.config import Settings


def _today_in(zone: str) -> tuple[date, date, date]:
    # Read the zone's date on both sides, so a midnight between them shows.
    before = datetime.now(ZoneInfo(zone)).date()
    seen = Settings(timezone=zone).today()
    after = datetime.now(ZoneInfo(zone)).date()
    return before, seen, after


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Riyadh"])
def test_today_is_the_date_in_the_configured_zone(zone: str) -> None:
    before, seen, after = _today_in(zone)
    assert seen in (before, after)


def test_zones_a_day_apart_see_different_dates() -> None:
    # UTC+14 and UTC-11 are 25 hours apart: their dates always differ.
    ahead = Settings(timezone="Pacific/Kiritimati").today()
    behind = Settings(timezone="Pacific/Pago_Pago").today()
    assert (ahead - behind).days in (1, 2)


def test_no_zone_means_the_system_date() -> None:
    before = date.today()
    seen = Settings().today()
    assert seen in (before, date.today())
