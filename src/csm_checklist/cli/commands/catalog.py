"""`csm list` and `csm checklist validate | init`: the checklist itself."""

from __future__ import annotations

from pathlib import Path

import typer

from csm_checklist.cli.commands import completion
from csm_checklist.cli.commands.common import Env, cadence_option, print_json, stdout_is_terminal
from csm_checklist.cli.views.safe import echo
from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg, t

checklist_app = typer.Typer(help=Msg("help.checklist"), no_args_is_help=True)


def list_items(
    cadence: str | None = typer.Option(
        None,
        "--cadence",
        "-c",
        help=Msg("help.list.cadence"),
        metavar="CADENCE",
        autocompletion=completion.cadences,
    ),
    group: str = typer.Option("area", "--group", "-g", help=Msg("help.list.group"), metavar="BY"),
    show_all: bool = typer.Option(False, "--all", help=Msg("help.list.all")),
    json_output: bool = typer.Option(False, "--json", help=Msg("help.json")),
    tag: str | None = typer.Option(None, "--tag", help=Msg("help.tag"), metavar="TAG"),
) -> None:
    """The checklist: every item, its cadence and due rule, grouped."""
    wanted = cadence_option(cadence)
    by = group.strip().lower()
    if by not in ("area", "cadence"):
        raise BadInput(
            Msg("commands.checklist.bad_group", group=group),
            hint=Msg("commands.checklist.group_forms"),
        )
    env = Env.load()
    lang = env.settings.lang
    catalog = env.catalog()
    env.rules_note()
    wanted_tag = None
    if tag is not None:
        from csm_checklist.rules.scope import tag_of

        wanted_tag = tag_of(tag, catalog.items.values())
    items = [
        item
        for item in catalog.items.values()
        if (show_all or item.enabled)
        and (wanted is None or item.cadence == wanted)
        and (wanted_tag is None or wanted_tag in item.tags)
    ]
    from csm_checklist.cli.views.catalog import group_items, list_json, plain_list, print_rich_list

    if json_output:
        print_json(list_json(catalog, items, lang))
        return
    groups = group_items(catalog, items, by, lang, keep_empty=wanted is None and tag is None)
    if stdout_is_terminal():
        print_rich_list(groups, lang)
    else:
        echo(plain_list(groups, lang), nl=False, columns=True)


@checklist_app.command("validate", help=Msg("help.checklist.validate"))
def validate(
    paths: list[Path] | None = typer.Argument(
        None,
        help=Msg("help.checklist.validate.paths"),
        show_default=False,
        metavar="[PATH]...",
    ),
) -> None:
    """Check checklist files and report every problem."""
    from csm_checklist.duties.checklists import check_files

    env = Env.load(local_rules=True)
    errors = check_files(paths or [], user_dir=env.paths.checklists_dir, packs=env.pack_files())
    if not errors and not paths:
        catalog = env.catalog()
        disabled = sum(1 for item in catalog.items.values() if not item.enabled)
        lang = env.lang
        note = t("commands.checklist.ok_disabled", lang, count=disabled) if disabled else ""
        files = len(catalog.files)
        echo(
            t(
                "commands.checklist.ok_one_file" if files == 1 else "commands.checklist.ok_files",
                lang,
                items=len(catalog.items),
                disabled=note,
                areas=len(catalog.areas),
                files=files,
            )
        )
        return
    if not errors:
        for path in paths or []:
            echo(t("commands.checklist.ok_path", env.lang, path=path))
        return
    from csm_checklist.cli.failures import print_error

    if len(errors) == 1:
        raise errors[0]
    for error in errors:
        print_error(error.message, error.hint)
    files = len({getattr(error, "path", None) for error in errors})
    raise BadInput(
        Msg(
            "commands.checklist.problems_one_file"
            if files == 1
            else "commands.checklist.problems_files",
            count=len(errors),
            files=files,
        ),
        hint=Msg("commands.checklist.problems_hint"),
    )


@checklist_app.command("init", help=Msg("help.checklist.init"))
def init(
    force: bool = typer.Option(False, "--force", help=Msg("help.checklist.init.force")),
) -> None:
    """Copy the built-in checklists into the user's checklists folder."""
    from csm_checklist.duties.checklists import copy_builtins

    env = Env.load()
    target = env.paths.checklists_dir
    written = copy_builtins(target, force=force)
    echo(t("commands.checklist.wrote_files", env.lang, count=len(written), target=target))
    for path in written:
        echo(f"  {path.name}")
    echo(t("commands.checklist.edit_them", env.lang))


@checklist_app.command("enable", help=Msg("help.checklist.enable"))
def enable(
    pack: str = typer.Argument(..., help=Msg("help.checklist.enable.pack"), metavar="PACK"),
) -> None:
    """Switch on a built-in pack from today."""
    _switch_pack(pack, True)


@checklist_app.command("disable", help=Msg("help.checklist.disable"))
def disable(
    pack: str = typer.Argument(..., help=Msg("help.checklist.disable.pack"), metavar="PACK"),
) -> None:
    """Switch off a built-in pack from today."""
    _switch_pack(pack, False)


def _switch_pack(pack: str, on: bool) -> None:
    from csm_checklist.duties.packs import set_pack

    env = Env.load()
    changed = set_pack(env.paths.config_dir, pack, on)
    name = pack.strip().lower()
    if not changed:
        already = (
            "commands.checklist.pack_already_on" if on else "commands.checklist.pack_already_off"
        )
        echo(t(already, env.lang, name=name))
        return
    catalog = env.catalog()
    with env.open_log() as log:
        env.history(log)  # record the change of the checklists as from today
    if on:
        count = sum(1 for item in catalog.items.values() if item.source.parent.name == name)
        echo(
            t(
                "commands.checklist.pack_on",
                env.lang,
                name=name,
                count=count,
                day=env.today.isoformat(),
            )
        )
    else:
        echo(t("commands.checklist.pack_off", env.lang, name=name, day=env.today.isoformat()))


def register(app: typer.Typer) -> None:
    app.command("list", help=Msg("help.list"))(list_items)
    app.add_typer(checklist_app, name="checklist")


__all__ = ["checklist_app", "list_items", "register"]
