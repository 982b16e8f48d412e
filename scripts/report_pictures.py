"""Make the pictures of the HTML and PDF report that the README shows.

A sample record of a quarter (July to September 2026, a Sunday-to-Thursday
team, a year of monthly measures) is logged with csm itself into a temporary
folder; then `csm report --format pdf` prints the September report and
`pdftoppm` (poppler-utils) turns its first page into a PNG:

    python scripts/report_pictures.py            # docs/report-page.en.png, .ar.png
    python scripts/report_pictures.py --shots DIR  # also the pages in Chromium,
                                                   # month and quarter, 390 and 1280 px

Needs csm installed with the pdf extra (`pip install -e ".[pdf]"`).
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SKIPPED_DAYS = {date(2026, 7, 14), date(2026, 8, 20)}
MISSED = {
    "daily-engagement": {date(2026, 9, d) for d in (8, 9, 10, 24)} | {date(2026, 7, 30)},
    "resolve-issues": {date(2026, 9, 17)},
    "team-supervision": set(),
    "monitor-accounts": {date(2026, 8, 11), date(2026, 9, 3)},
}
LATE_MEETINGS = (date(2026, 9, 10),)
DAILY_NOTES = {date(2026, 9, 22): ("--note", "Campaign week: 3 escalations, closed the same day")}
MEETING_NOTES = {
    date(2026, 9, 17): ("--note", "Agreed: first reply within 1 hour on every channel")
}
CSAT = [4.1, 4.2, 4.0, 4.3, 4.4, 4.2, 4.5, 4.4, 4.6, 4.5, 4.7, 4.6]
COMPLAINTS = [162, 151, 170, 149, 140, 138, 131, 129, 120, 126, 118, 112]


@functools.cache
def libfaketime() -> str:
    """Debian's libfaketime (`apt-get install faketime`): the sample's work is
    logged on the day it was done, as a manager logs it, so that on time and
    late read as in a real month."""
    import glob

    found = sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))
    if not found:
        sys.exit("report_pictures: libfaketime not found; install it: apt-get install faketime")
    return found[0]


def csm(*args: str, env: dict[str, str], at: date | None = None) -> str:
    """Run csm; with `at`, at 16:00 UTC of that day (libfaketime)."""
    if at is not None:
        env = {**env, "LD_PRELOAD": libfaketime(), "FAKETIME": f"@{at.isoformat()} 16:00:00"}
    result = subprocess.run(["csm", *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"csm {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def sample_record(env: dict[str, str]) -> None:
    """A quarter of work with the misses, late meetings, skips and notes a
    real one has, and a year of monthly complaints and satisfaction figures."""
    first = date(2025, 10, 1)
    csm("config", "set", "user", "Mona", env=env, at=first)
    csm("config", "set", "workdays", "sun-thu", env=env, at=first)
    csm("config", "set", "week_start", "sunday", env=env, at=first)
    csm("history", "start", "2025-10-01", env=env, at=first)
    weekly = ("team-meeting", "performance-review", "feedback-analysis")
    day = date(2026, 7, 1)
    while day <= date(2026, 9, 30):
        if day.weekday() in (4, 5):  # Friday and Saturday
            day += timedelta(days=1)
            continue
        on = day.isoformat()
        if day in SKIPPED_DAYS:
            csm(
                "skip", "--cadence", "daily", "--on", on, "--reason", "Eid holiday", env=env, at=day
            )
        else:
            items = [i for i, missed in MISSED.items() if day not in missed]
            csm("done", *items, "--on", on, *DAILY_NOTES.get(day, ()), env=env, at=day)
        if day.weekday() == 2:  # Wednesday
            csm("done", "campaign-prep", "--on", on, env=env, at=day)
        if day.weekday() == 3 and day not in LATE_MEETINGS:  # Thursday
            csm("done", *weekly, "--on", on, *MEETING_NOTES.get(day, ()), env=env, at=day)
        day += timedelta(days=1)
    for day in LATE_MEETINGS:  # held on the Saturday after: late
        saturday = day + timedelta(days=2)
        csm("done", *weekly, "--on", saturday.isoformat(), "--note",
            "Moved: the team was at a training", env=env, at=saturday)  # fmt: skip
    csm("done", "stay-informed", "team-training", "monthly-feedback", "--on", "2026-09-29", env=env,
        at=date(2026, 9, 29))  # fmt: skip
    month = date(2025, 10, 1)
    for csat, complaints in zip(CSAT, COMPLAINTS, strict=True):
        last = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        while last.weekday() in (4, 5):
            last -= timedelta(days=1)
        csm(
            "done",
            "monthly-report",
            "--on",
            last.isoformat(),
            "--measure",
            f"csat={csat}",
            "--measure",
            f"complaints={complaints}",
            env=env,
            at=last,
        )
        month = last + timedelta(days=7)
        month = month.replace(day=1)


def pdf_picture(env: dict[str, str], lang: str, folder: Path) -> Path:
    csm("config", "set", "lang", lang, env=env)
    pdf = folder / f"report.{lang}.pdf"
    csm("report", "--on", "2026-09-30", "--format", "pdf", "-o", str(pdf), env=env)
    stem = folder / f"page.{lang}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    target = DOCS / f"report-page.{lang}.png"
    shutil.copyfile(f"{stem}.png", target)
    return target


def browser_shots(env: dict[str, str], folder: Path, out: Path) -> None:
    """The month and the quarter in both languages at 390 and 1280 px, for a
    person to look at (full pages, as Chromium draws them)."""
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ar"):
        csm("config", "set", "lang", lang, env=env)
        for period in ("month", "quarter"):
            page = folder / f"{period}.{lang}.html"
            csm(
                "report",
                "--period",
                period,
                "--on",
                "2026-09-30",
                "--format",
                "html",
                "-o",
                str(page),
                env=env,
            )
            for width in (390, 1280):
                shot = out / f"{period}.{lang}.{width}.png"
                profile = tempfile.mkdtemp(prefix="csm-chromium-")
                subprocess.run(
                    [
                        "chromium",
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        f"--user-data-dir={profile}",
                        "--hide-scrollbars",
                        f"--window-size={width},5200",
                        f"--screenshot={shot}",
                        page.as_uri(),
                    ],
                    check=True,
                    capture_output=True,
                )
                shutil.rmtree(profile, ignore_errors=True)
            pdf = folder / f"{period}.{lang}.pdf"
            csm(
                "report",
                "--period",
                period,
                "--on",
                "2026-09-30",
                "--format",
                "pdf",
                "-o",
                str(pdf),
                env=env,
            )
            subprocess.run(
                ["pdftoppm", "-png", "-r", "50", str(pdf), str(out / f"{period}.{lang}.pdf")],
                check=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", type=Path, help="also save browser screenshots here")
    parser.add_argument("--record", type=Path, help="keep the sample record here, and reuse it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="csm-pictures-") as tmp:
        folder = args.record or Path(tmp)
        seeded = (folder / "data").exists()
        env = {
            **os.environ,
            "CSM_CONFIG_DIR": str(folder / "config"),
            "CSM_DATA_DIR": str(folder / "data"),
            "CSM_CACHE_DIR": str(folder / "cache"),
            "TZ": "UTC",
        }
        if not seeded:
            sample_record(env)
        DOCS.mkdir(exist_ok=True)
        for lang in ("en", "ar"):
            print(pdf_picture(env, lang, folder))
        if args.shots:
            browser_shots(env, folder, args.shots)
            print(args.shots)


if __name__ == "__main__":
    main()
