"""What `csm today` and `csm due` do, apart from their typer options. Nothing
here imports typer, so `csm today` can be run without it (`shortcut.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from csm_checklist.cli.commands.common import (
    Env,
    print_json,
    reason_of,
    stdout_is_terminal,
    terminal_width,
)
from csm_checklist.cli.views.safe import echo
from csm_checklist.dates.schedule import parse_cadence
from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from csm_checklist.cli.views.agenda import Owned
    from csm_checklist.dates.schedule import Period
    from csm_checklist.rules.agenda import Agenda, Entry
    from csm_checklist.rules.history import History
    from csm_checklist.rules.runs import Run
    from csm_checklist.store.interface import Store


def show_today(
    *,
    on: str | None,
    show_all: bool,
    json_output: bool,
    as_logged: str | None,
    tag: str | None,
    mine: bool = False,
) -> None:
    """`csm today` with these option values (None or False when not given)."""
    from csm_checklist.rules.agenda import build_agenda

    env = Env.load(quick=True)
    stamp = env.moment(as_logged)
    day = env.day(on) if on is not None or stamp is None else min(stamp.date(), env.today)
    only = None
    if tag is not None:
        from csm_checklist.rules.scope import tag_of, with_tag

        items = env.catalog().items.values()
        tag = tag_of(tag, items)
        only = [item.id for item in with_tag(list(items), tag)]
    runs: list[Run] = []
    stood = env.runs_moment(day, stamp)
    with env.open_log() as log:
        history = env.history(log, as_logged=stamp)
        agenda = build_agenda(history, log, day, as_logged=stamp, only=only)
        # Open playbook runs are today's news: one indexed lookup, and
        # nothing more imported, when none is open. A past day (or
        # --as-logged) sees the runs open then, closed since or not.
        if stood is not None or log.has_open_runs():
            from csm_checklist.rules.runs import load_runs

            runs = load_runs(log, history.calendar_on, open_only=True, as_logged=stood)
        entries = agenda.entries if show_all else agenda.actionable()
        # Nothing assigned, ever: one query, and today's view exactly as before.
        owned = _owned(env, log, history, [*entries, *agenda.missed], mine, stamp)
    _show(
        env,
        agenda,
        entries,
        json_output,
        all_heading=show_all,
        tag=tag,
        runs=runs,
        at=stood,
        owned=owned,
        sections=True,
    )


def _owned(
    env: Env,
    log: Store,
    history: History,
    entries: Sequence[Entry],
    mine: bool = False,
    as_logged: datetime | None = None,
) -> Owned | None:
    """Who owns each of `entries` (as recorded by `as_logged`), or None when
    nothing was ever assigned."""
    owners = env.owners(log, history, as_logged)
    if owners is None:
        if not mine:
            return None
        from csm_checklist.cli.views.agenda import Owned

        # `--mine` with nothing assigned: nothing is mine.
        return Owned({}, {}, env.me(log), mine_only=True)
    from csm_checklist.cli.views.agenda import Owned

    owner = {}
    rotate = {}
    for entry in entries:
        key = (entry.item.id, entry.period.start)
        owner[key] = owners.owner(*key)
        rotation = owners.rotation(entry.item.id, entry.period.end)
        if rotation:
            rotate[entry.item.id] = rotation
    return Owned(owner, rotate, env.me(log), mine_only=mine)


def show_due(*, period: str | None, on: str | None, json_output: bool) -> None:
    """`csm due` with these option values (None or False when not given)."""
    from csm_checklist.rules.agenda import build_agenda, window_entries

    cadence = None
    if period is not None:
        try:
            cadence = parse_cadence(period, option="--period", windows_only=True)
        except ValueError as exc:
            raise BadInput(reason_of(exc), hint=Msg("commands.period_forms")) from None
    env = Env.load(quick=True)
    day = env.day(on)
    with env.open_log() as log:
        history = env.history(log)
        agenda = build_agenda(history, log, day)
        if cadence is None:
            entries = agenda.open_entries()
            owned = _owned(env, log, history, entries)
            _show(env, agenda, entries, json_output, open_only=True, owned=owned)
            return
        window, entries = window_entries(history, log, cadence, day)
        owned = _owned(env, log, history, entries)
    _show(env, agenda, entries, json_output, window=(cadence, window), owned=owned)


def _show(
    env: Env,
    agenda: Agenda,
    entries: list[Entry],
    json_output: bool,
    *,
    all_heading: bool = False,
    open_only: bool = False,
    window: tuple[str, Period] | None = None,
    tag: str | None = None,
    runs: Sequence[Run] = (),
    at: datetime | None = None,
    owned: Owned | None = None,
    sections: bool = False,
) -> None:
    from csm_checklist.cli.views import agenda as view
    from csm_checklist.cli.views.labels import label

    lang = env.settings.lang
    day_off = env.days_off.get(agenda.day)
    if json_output:
        doc = view.agenda_json(agenda, entries, lang, owned)
        if day_off is not None:
            doc["day_off"] = day_off
        if window is not None:
            cadence, span = window
            doc["period"] = {
                "cadence": cadence,
                "name": _window_name(env, cadence, span),
                "start": span.start.isoformat(),
                "end": span.end.isoformat(),
            }
        if tag is not None:
            doc["tag"] = tag
        if runs:
            from csm_checklist.cli.views.runs import run_record

            now = at or env.settings.now()
            doc["runs"] = [run_record(run, now) for run in runs]
        print_json(doc)
        return
    heading = view.day_heading(
        agenda.day, agenda.workday, lang, hijri=env.settings.show_hijri, day_off=day_off
    )
    if tag is not None:
        heading += f" · {label('tag_scope', lang)}: {tag}"
    if window is not None or open_only:
        # `due` answers one question; the missed list and progress belong to `today`.
        agenda = agenda._replace(missed=[], progress={})
    if window is not None:
        cadence, span = window
        heading += f"\n{label('this_' + cadence, lang)}: {view.period_text(span)}"
        if cadence in ("monthly", "quarterly", "annual"):
            heading += f" ({_window_name(env, cadence, span)})"
    elif all_heading:
        heading += f"\n{label('all_heading', lang)}"
    elif open_only:
        heading += f"\n{label('open_heading', lang)}"
    if stdout_is_terminal():
        view.show_agenda(agenda, entries, lang, heading, owned, sections)
    else:
        text = view.plain_agenda(agenda, entries, lang, heading, owned, sections)
        echo(text, nl=False, columns=True)
    if runs:
        from csm_checklist.cli.views.runs import today_section

        section = today_section(runs, at or env.settings.now(), lang, terminal_width())
        echo("\n" + section, nl=False, columns=True)


def _window_name(env: Env, cadence: str, span: Period) -> str:
    """'Q2 FY2026/27': the window named as the report names it."""
    from csm_checklist.cli.views.report import period_name

    lang = env.settings.lang
    return period_name(cadence, span, lang, env.settings.calendar.fiscal_year_start)
