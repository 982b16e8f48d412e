"""`csm list` and `csm checklist validate | init`: the checklist itself."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import BadInput
from ..views.safe import echo
from . import completion
from .common import Env, cadence_option, print_json, stdout_is_terminal

checklist_app = typer.Typer(
    help="Check and copy the checklist files (the duties csm tracks), and switch "
    "built-in packs on or off.\n\nExample: csm checklist validate\n\n"
    "Example: csm checklist enable role",
    no_args_is_help=True,
)


def list_items(
    cadence: str | None = typer.Option(
        None,
        "--cadence",
        "-c",
        help="Only items of this cadence: daily, weekly, monthly, quarterly, annual, rrule "
        "(or day, week, month, quarter, year).",
        metavar="CADENCE",
        autocompletion=completion.cadences,
    ),
    group: str = typer.Option(
        "area", "--group", "-g", help="Group by area or by cadence.", metavar="area|cadence"
    ),
    show_all: bool = typer.Option(False, "--all", help="Also show disabled items, marked."),
    json_output: bool = typer.Option(False, "--json", help="Print one JSON document."),
    tag: str | None = typer.Option(
        None, "--tag", help="Only items with this tag, e.g. --tag team.", metavar="TAG"
    ),
) -> None:
    """List the checklist: every item with its cadence and due rule in words,
    grouped by area (or by cadence).

    Example: csm list --cadence weekly

    Example: csm list --tag team
    """
    wanted = cadence_option(cadence)
    by = group.strip().lower()
    if by not in ("area", "cadence"):
        raise BadInput(f"--group {group!r} is not a grouping.", hint="Use area or cadence.")
    env = Env.load()
    lang = env.settings.lang
    catalog = env.catalog()
    wanted_tag = None
    if tag is not None:
        from ..scope import tag_of

        wanted_tag = tag_of(tag, catalog.items.values())
    items = [
        item
        for item in catalog.items.values()
        if (show_all or item.enabled)
        and (wanted is None or item.cadence == wanted)
        and (wanted_tag is None or wanted_tag in item.tags)
    ]
    from ..views.catalog import group_items, list_json, plain_list, print_rich_list

    if json_output:
        print_json(list_json(catalog, items, lang))
        return
    groups = group_items(catalog, items, by, lang, keep_empty=wanted is None and tag is None)
    if stdout_is_terminal():
        print_rich_list(groups, lang)
    else:
        echo(plain_list(groups, lang), nl=False)


@checklist_app.command("validate")
def validate(
    paths: list[Path] | None = typer.Argument(
        None,
        help="Checklist files or folders to check, on top of the built-ins and your "
        "own checklists. Default: everything csm loads.",
        show_default=False,
        metavar="[PATH]...",
    ),
) -> None:
    """Check checklist files and report every problem, each naming the file,
    the line and the fix. Given files are checked as they would load: after
    the built-ins and your own checklists, so they may override your items.

    Example: csm checklist validate my-weekly.yaml
    """
    from ..checklists import check_files

    env = Env.load()
    errors = check_files(paths or [], user_dir=env.paths.checklists_dir, packs=env.pack_files())
    if not errors and not paths:
        catalog = env.catalog()
        disabled = sum(1 for item in catalog.items.values() if not item.enabled)
        note = f" ({disabled} disabled)" if disabled else ""
        files = len(catalog.files)
        echo(
            f"OK: {len(catalog.items)} items{note} in {len(catalog.areas)} areas "
            f"from {files} file{'s' if files != 1 else ''}"
        )
        return
    if not errors:
        for path in paths or []:
            echo(f"OK: {path}")
        return
    from ..failures import print_error

    if len(errors) == 1:
        raise errors[0]
    for error in errors:
        print_error(error.message, error.hint)
    files = len({getattr(error, "path", None) for error in errors})
    raise BadInput(
        f"{len(errors)} problems found in {files} file{'s' if files != 1 else ''}.",
        hint="Fix each one above, then run csm checklist validate again.",
    )


@checklist_app.command("init")
def init(
    force: bool = typer.Option(
        False, "--force", help="Replace files that already exist in the checklists folder."
    ),
) -> None:
    """Copy the built-in checklists into your checklists folder to edit them.

    Items and areas in your copies override the built-ins with the same id.
    Existing files are never replaced without --force.

    Example: csm checklist init
    """
    from ..checklists import copy_builtins

    env = Env.load()
    target = env.paths.checklists_dir
    written = copy_builtins(target, force=force)
    echo(f"Wrote {len(written)} files to {target}:")
    for path in written:
        echo(f"  {path.name}")
    echo("Edit them, then check your changes with: csm checklist validate")


@checklist_app.command("enable")
def enable(
    pack: str = typer.Argument(..., help="The pack to switch on: role.", metavar="PACK"),
) -> None:
    """Switch on a built-in pack: its items are tracked from today (the
    history records it), e.g. the role pack, the recurring duties of the
    customer service manager's role description.

    Example: csm checklist enable role
    """
    _switch_pack(pack, True)


@checklist_app.command("disable")
def disable(
    pack: str = typer.Argument(..., help="The pack to switch off: role.", metavar="PACK"),
) -> None:
    """Switch off a built-in pack: its items are no longer expected from
    today; what was logged stays, and reports of the past are unchanged.

    Example: csm checklist disable role
    """
    _switch_pack(pack, False)


def _switch_pack(pack: str, on: bool) -> None:
    from ..packs import set_pack

    env = Env.load()
    changed = set_pack(env.paths.config_dir, pack, on)
    name = pack.strip().lower()
    if not changed:
        typer.echo(f"The {name} pack is already {'on' if on else 'off'}.")
        return
    catalog = env.catalog()
    with env.open_log() as log:
        env.history(log)  # record the change of the checklists as from today
    if on:
        count = sum(1 for item in catalog.items.values() if item.source.parent.name == name)
        typer.echo(
            f"The {name} pack is on: {count} items are tracked from {env.today.isoformat()}. "
            "See them with: csm list"
        )
    else:
        typer.echo(
            f"The {name} pack is off from {env.today.isoformat()}; what was logged for its "
            "items stays in the log and in past reports."
        )


def register(app: typer.Typer) -> None:
    app.command("list")(list_items)
    app.add_typer(checklist_app, name="checklist")


__all__ = ["checklist_app", "list_items", "register"]
