"""`csm measures`: the numbers recorded with done items (`--measure`)."""

from __future__ import annotations

import typer

from csm_checklist.cli.commands.common import Env, print_json
from csm_checklist.messages import Msg


def measures(
    item: str | None = typer.Argument(None, help=Msg("help.measures.item"), metavar="[ITEM]"),
    since: str | None = typer.Option(
        None, "--since", help=Msg("help.measures.since"), metavar="DATE"
    ),
    json_output: bool = typer.Option(False, "--json", help=Msg("help.json")),
) -> None:
    """The recorded measures, oldest period first."""
    from csm_checklist.rules.measures import number, recorded

    env = Env.load()
    lang = env.settings.lang
    catalog = env.catalog()
    item_id = catalog.resolve(item, include_disabled=True).id if item is not None else None
    first = env.day(since, "--since") if since is not None else None
    with env.open_log() as log:
        values = recorded(log, item_id=item_id, since=first)
    declared = {(it.id, m.id): m for it in catalog.items.values() for m in it.measures}
    if json_output:
        print_json(
            {
                "measures": [
                    {
                        "item": v.item_id,
                        "measure": v.measure_id,
                        "value": v.value,
                        "unit": v.unit,
                        "period_start": v.period_start.isoformat(),
                        "period_end": v.period_end.isoformat(),
                        "for_date": v.for_date.isoformat(),
                        "event": v.event_uuid,
                    }
                    for v in values
                ]
            }
        )
        return
    from csm_checklist.cli.commands.common import terminal_width
    from csm_checklist.cli.views.measures import fitted_table, word
    from csm_checklist.cli.views.safe import echo

    if not values:
        echo(word("none", lang))
        return

    rows = [[word(key, lang) for key in ("item", "measure", "period", "value", "target")]]
    for v in values:
        measure = declared.get((v.item_id, v.measure_id))
        label = measure.label.get(lang) if measure is not None else v.measure_id
        target = (
            number(measure.target) + measure.unit if measure and measure.target is not None else ""
        )
        rows.append(
            [
                v.item_id,
                label,
                f"{v.period_start.isoformat()}..{v.period_end.isoformat()}",
                number(v.value) + v.unit,
                target,
            ]
        )
    # Item, measure, period and value always; the target only where it fits.
    layouts = [((0, 1, 2, 3, 4), (1,)), ((0, 1, 2, 3), (1,))]
    # Measure names and units come from checklist files: echo shows them safely.
    # An Arabic header at column 0 would turn a bidi terminal's line right to
    # left: the table is indented in Arabic, as `run list` always is.
    indent = "  " if lang == "ar" else ""
    echo("\n".join(fitted_table(rows, layouts, terminal_width(), indent=indent)), columns=True)


def register(app: typer.Typer) -> None:
    app.command("measures", help=Msg("help.measures"))(measures)
