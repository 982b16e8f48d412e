"""`csm assign ITEM PERSON... [--from D]`: who owns a duty from a day on."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import typer

from csm_checklist.cli.commands import completion
from csm_checklist.cli.commands.common import Env
from csm_checklist.cli.views.safe import echo
from csm_checklist.errors import BadInput, NotMet
from csm_checklist.messages import Msg, t

if TYPE_CHECKING:
    from csm_checklist.dates.schedule import Period
    from csm_checklist.rules.history import History


def assign(
    item: str = typer.Argument(
        ..., help=Msg("help.assign.item"), metavar="ITEM", autocompletion=completion.items
    ),
    people: list[str] | None = typer.Argument(
        None,
        help=Msg("help.assign.people"),
        metavar="[PERSON]...",
        autocompletion=completion.people,
    ),
    nobody: bool = typer.Option(False, "--nobody", help=Msg("help.assign.nobody")),
    from_: str | None = typer.Option(None, "--from", help=Msg("help.assign.from"), metavar="DATE"),
) -> None:
    """Give a duty an owner, a rotation, or no owner, from a day on."""
    from csm_checklist.rules.owners import Owners, check_person
    from csm_checklist.store.assignment_records import AssignmentRecord
    from csm_checklist.store.records import new_uuid

    names = [name.strip() for name in people or []]
    env = Env.load()
    found = env.catalog().resolve(item)
    if bool(names) == nobody:
        raise BadInput(
            Msg("owners.people_or_nobody"), hint=Msg("owners.people_or_nobody_hint", item=found.id)
        )
    for number, name in enumerate(names):
        if name in names[:number]:
            raise BadInput(
                Msg("owners.person_twice", login=name), hint=Msg("owners.rotate_twice_hint")
            )
    day = env.day(from_, "--from")
    if day < env.today:
        raise BadInput(
            Msg("owners.from_past", day=day.isoformat(), today=env.today.isoformat()),
            hint=Msg("owners.from_past_hint"),
        )
    with env.open_log() as log:
        team = bool(getattr(log, "login", ""))
        known = env.people(log)
        for name in names:
            check_person(name, known, team)
        if team and not getattr(log, "is_lead", False):
            raise NotMet(
                Msg("owners.leads_only", login=env.me(log)), hint=Msg("owners.leads_only_hint")
            )
        history = env.history(log)
        record = AssignmentRecord(
            new_uuid(), found.id, day, tuple(names), env.settings.now(), env.me(log)
        )
        log.add_assignment(record)
        owners = Owners(history, log.assignments(), env.leave, known)
    lang = env.lang
    when = day.isoformat()
    if not names:
        echo(t("owners.assigned_nobody", lang, item=found.id, day=when))
        return
    if len(names) == 1:
        echo(t("owners.assigned_owner", lang, item=found.id, login=names[0], day=when))
    else:
        from csm_checklist.cli.views.labels import label

        said = label("list_sep", lang).join(names)
        echo(t("owners.assigned_rotation", lang, item=found.id, people=said, day=when))
    first = _first_expected(history, found.id, day)
    if first is not None:
        from csm_checklist.cli.views.agenda import period_text

        owner = owners.owner(found.id, first.start)
        key = "owners.this_period" if owner else "owners.this_period_team"
        echo(t(key, lang, period=period_text(first), login=owner or ""))


def _first_expected(history: History, item_id: str, day: date) -> Period | None:
    """The item's first period from `day` on that expects it (a year at most)."""
    timeline = history.timeline(item_id)
    for period in timeline.periods_overlapping(day, day + timedelta(days=366)):
        if period.end >= day and timeline.expected(period, period.end):
            return period
    return None


def register(app: typer.Typer) -> None:
    app.command("assign", help=Msg("help.assign"))(assign)
