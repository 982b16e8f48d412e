"""`csm off ...` (days off and public holidays) and `csm calendar` (the due
dates as an iCalendar file)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import typer

from csm_checklist.cli.commands import completion
from csm_checklist.cli.commands.common import OUTPUT_HELP, Env, print_json
from csm_checklist.cli.views.safe import echo
from csm_checklist.errors import BadInput, NotMet
from csm_checklist.locks import settings_lock
from csm_checklist.messages import Msg, Sentence, say, t

if TYPE_CHECKING:
    from csm_checklist.dates.daysoff import DayOff

off_app = typer.Typer(help=Msg("help.off"), no_args_is_help=True)


def _range(text: str) -> tuple[date, date]:
    from csm_checklist.dates.daysoff import parse_range

    try:
        return parse_range(text)
    except ValueError as exc:
        reason = exc.args[0] if exc.args else ""
        # The core's reason starts a sentence here: a capital in English.
        said = (
            Sentence(reason.id, **reason.params)
            if isinstance(reason, Msg)
            else f"{reason[:1].upper()}{reason[1:]}"
        )
        raise BadInput(
            Msg("commands.reason", reason=said), hint=Msg("commands.off.range_hint")
        ) from None


def _dates(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"


@off_app.command("add", help=Msg("help.off.add"))
def add(
    dates: str = typer.Argument(..., help=Msg("help.off.dates"), metavar="DATES"),
    reason: str = typer.Option(
        "", "--reason", "-r", help=Msg("help.off.add.reason"), metavar="TEXT"
    ),
    who: str | None = typer.Option(
        None, "--who", help=Msg("help.off.who"), metavar="LOGIN", autocompletion=completion.people
    ),
) -> None:
    """Take a day or a range of days off."""
    from csm_checklist.dates.daysoff import add_range, load_days_off, save_days_off

    start, end = _range(dates)
    if "\n" in reason:
        raise BadInput(Msg("commands.off.reason_one_line"), hint=Msg("commands.off.reason_example"))
    env = Env.load()
    person = _person(env, who)
    path = env.paths.days_off_file
    load_days_off(path)  # a broken file is refused before the lock file is made
    with settings_lock(env.paths.config_dir):
        entries, fresh = add_range(load_days_off(path), start, end, reason, person)
        if fresh:
            save_days_off(path, entries)
    if person:
        key = "owners.leave_added" if fresh else "owners.leave_already"
        echo(t(key, env.lang, count=fresh, dates=_dates(start, end), login=person))
        return
    if not fresh:
        echo(t("commands.off.already", env.lang, dates=_dates(start, end)))
        return
    shown = f" ({reason.strip()})" if reason.strip() else ""
    echo(t("commands.off.added", env.lang, count=fresh, dates=_dates(start, end), reason=shown))


def _person(env: Env, who: str | None) -> str:
    """The login of --who, checked against the people csm knows; "" without it."""
    if who is None:
        return ""
    from csm_checklist.rules.owners import check_person

    login = who.strip()
    with env.open_log() as log:
        known = env.people(log)
        return check_person(login, known, bool(getattr(log, "login", "")))


@off_app.command("remove", help=Msg("help.off.remove"))
def remove(
    dates: str = typer.Argument(..., help=Msg("help.off.dates"), metavar="DATES"),
    who: str | None = typer.Option(
        None, "--who", help=Msg("help.off.who"), metavar="LOGIN", autocompletion=completion.people
    ),
) -> None:
    """The days in the range stop being days off, whatever made them so."""
    from csm_checklist.dates.daysoff import load_days_off, remove_range, save_days_off

    start, end = _range(dates)
    env = Env.load()
    person = (who or "").strip()
    path = env.paths.days_off_file
    load_days_off(path)  # a broken file is refused before the lock file is made
    with settings_lock(env.paths.config_dir):
        entries, removed = remove_range(load_days_off(path), start, end, person)
        if removed:
            save_days_off(path, entries)
    if not removed:
        raise NotMet(
            Msg("commands.off.none_removed", dates=_dates(start, end)),
            hint=Msg("commands.off.list_hint"),
        )
    days = _dates(removed[0], removed[-1]) if len(removed) > 1 else removed[0].isoformat()
    echo(t("commands.off.removed", env.lang, count=len(removed), days=days))


@off_app.command("list", help=Msg("help.off.list"))
def list_(
    year: int | None = typer.Option(
        None, "--year", "-y", help=Msg("help.off.list.year"), metavar="YEAR"
    ),
    json_output: bool = typer.Option(False, "--json", help=Msg("help.json_short")),
) -> None:
    """The days off in date order, with their reasons and sources."""
    from csm_checklist.dates.daysoff import entries_in_year, load_days_off

    if year is not None and not 1900 <= year <= 2199:
        raise BadInput(
            Msg("commands.off.bad_list_year", year=year), hint=Msg("commands.off.year_example")
        )
    env = Env.load()
    entries = entries_in_year(load_days_off(env.paths.days_off_file), year)
    if json_output:
        print_json([_entry_json(e) for e in entries])
        return
    if not entries:
        if year:
            echo(t("commands.off.none_listed_in", env.lang, year=year))
        else:
            echo(t("commands.off.none_listed", env.lang))
        return
    from csm_checklist.cli.commands.common import terminal_width
    from csm_checklist.cli.views.common import cell_len, fit_columns

    rows = [[e.text, str(_length(e)), e.reason or "-", _source_text(e, env.lang)] for e in entries]
    width = terminal_width()
    lines = fit_columns(rows, width, (2,))
    if width is not None and max(cell_len(line) for line in lines) > width:
        # Too narrow for the source beside the reason: the reason keeps the room.
        lines = fit_columns([row[:3] for row in rows], width, (2,))
    for line in lines:
        echo(line.rstrip(), columns=True)
    for hint in renaming_hints(entries, env.lang):
        echo(hint, err=True)


def renaming_hints(entries: list[DayOff], lang: str) -> list[str]:
    """A hint for each country whose imported holidays are named in the other
    language (imported before `lang` changed): `csm off holidays` renames them."""
    from csm_checklist.cli.views.bidi import has_rtl

    wanted_rtl = lang == "ar"
    stale: dict[str, set[int]] = {}
    for entry in entries:
        imported = entry.source.startswith("holidays:") and entry.reason
        if imported and has_rtl(entry.reason) != wanted_rtl:
            stale.setdefault(entry.source.removeprefix("holidays:"), set()).add(entry.start.year)
    return [
        t(
            "cli.hint_line",
            lang,
            hint=t(
                "commands.off.rename_hint",
                lang,
                command=" ; ".join(
                    f"csm off holidays --country {code} --year {year}" for year in sorted(found)
                ),
            ),
        )
        for code, found in sorted(stale.items())
    ]


def _source_text(entry: DayOff, lang: str) -> str:
    """Where an entry came from; for a person's leave, whose it is."""
    if entry.who:
        return t("owners.leave_of", lang, login=entry.who)
    return entry.source


def _length(entry: DayOff) -> int:
    return (entry.end - entry.start).days + 1


def _entry_json(entry: DayOff) -> dict[str, object]:
    return {
        "start": entry.start.isoformat(),
        "end": entry.end.isoformat(),
        "days": _length(entry),
        "reason": entry.reason,
        "source": entry.source,
        **({"who": entry.who} if entry.who else {}),
    }


@off_app.command("holidays", help=Msg("help.off.holidays"))
def holidays_(
    country: str | None = typer.Option(
        None,
        "--country",
        "-c",
        help=Msg("help.off.holidays.country"),
        metavar="CC",
    ),
    year: int | None = typer.Option(
        None, "--year", "-y", help=Msg("help.off.holidays.year"), metavar="YEAR"
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help=Msg("help.off.holidays.dry_run")),
) -> None:
    """Add or update a country's public holidays as days off."""
    from csm_checklist.dates.daysoff import load_days_off, merge_imported, save_days_off
    from csm_checklist.dates.publicholidays import country_name, public_holidays, source_of

    env = Env.load()
    code = (country or env.settings.region).strip()
    if not code:
        raise BadInput(Msg("commands.off.no_country"), hint=Msg("commands.off.no_country_hint"))
    if year is not None and not 1900 <= year <= 2100:
        raise BadInput(
            Msg("commands.off.bad_year", year=year), hint=Msg("commands.off.year_example")
        )
    years = [year if year is not None else env.today.year]
    imported = public_holidays(code, years, env.settings.lang)
    path = env.paths.days_off_file
    code = code.upper()
    merge = merge_imported(load_days_off(path), source_of(code), years, imported)
    echo(
        t(
            "commands.off.import_plan",
            env.lang,
            country=f"{say(country_name(code), env.lang)} ({code})",
            years=", ".join(map(str, years)),
            total=len(imported),
            added=len(merge.added),
            renamed=len(merge.renamed),
            dropped=len(merge.dropped),
        )
    )
    from csm_checklist.cli.views.common import align_columns

    rows = [("+", e.text, e.reason) for e in merge.added]
    rows += [("~", e.text, e.reason) for e in merge.renamed]
    rows += [("-", e.text, e.reason) for e in merge.dropped]
    for line in align_columns(rows):
        echo("  " + line.rstrip())
    if dry_run:
        echo(t("commands.off.dry_run", env.lang))
        return
    if merge.added or merge.renamed or merge.dropped:
        with settings_lock(env.paths.config_dir):
            # Merged again under the lock: an `off add` since the plan stays.
            merge = merge_imported(load_days_off(path), source_of(code), years, imported)
            save_days_off(path, merge.entries)
        echo(t("commands.off.written", env.lang, path=path))


@off_app.command("countries", help=Msg("help.off.countries"))
def countries(
    json_output: bool = typer.Option(False, "--json", help=Msg("help.json_short")),
) -> None:
    """The country codes csm knows public holidays for."""
    from csm_checklist.dates.publicholidays import countries as known

    found = known()
    if json_output:
        print_json({code: name for code, name in found})
        return
    for code, name in found:
        echo(f"{code}  {say(name)}")


def calendar(
    months: int = typer.Option(
        3, "--months", "-m", help=Msg("help.calendar.months"), min=1, max=24, metavar="MONTHS"
    ),
    start: str | None = typer.Option(
        None, "--from", help=Msg("help.calendar.from"), metavar="DATE"
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help=OUTPUT_HELP,
        metavar="FILE",
    ),
    skip_daily: bool = typer.Option(False, "--skip-daily", help=Msg("help.calendar.skip_daily")),
) -> None:
    """The due dates of the next months as an iCalendar (.ics) file."""
    from csm_checklist.exchange.icalexport import calendar_ics, dues_between, months_span

    env = Env.load()
    first = env.day(start, "--from")
    span = months_span(first, months)
    with env.open_log() as log:
        history = env.history(log)
    items = env.catalog().enabled_items()
    if skip_daily:  # a workday's routine would fill every day of the calendar
        items = [item for item in items if item.recurrence.cadence != "daily"]
    dues = dues_between(history, items, span)
    document = calendar_ics(dues, env.settings.lang, env.settings.now())
    from csm_checklist.exchange.outputs import open_output

    with open_output(output, env.paths, newline="") as stream:
        stream.write(document.decode("utf-8"))
    if output is None or output == "-":
        return
    echo(
        t(
            "commands.off.wrote_calendar",
            env.lang,
            count=len(dues),
            first=span.start,
            last=span.end,
            path=output,
        ),
        err=True,
    )


def register(app: typer.Typer) -> None:
    app.add_typer(off_app, name="off")
    app.command("calendar", help=Msg("help.calendar"))(calendar)
