"""`csm config show | set KEY VALUE | path`: the settings and where files live."""

from __future__ import annotations

import contextlib

import typer

from csm_checklist.cli.commands import completion
from csm_checklist.cli.commands.common import Env, print_json
from csm_checklist.cli.views.safe import echo
from csm_checklist.duties.config import SETTINGS, save_setting
from csm_checklist.messages import Msg, t

config_app = typer.Typer(help=Msg("help.config"), no_args_is_help=True)


@config_app.command("show", help=Msg("help.config.show"))
def show(json_output: bool = typer.Option(False, "--json", help=Msg("help.json_short"))) -> None:
    """Every setting and its value."""
    env = Env.load()
    from csm_checklist.errors import LogError

    try:
        values = env.settings.as_dict()
    except LogError:
        # The team's server cannot be reached: the settings on this computer,
        # said so (the store setting is what to check).
        values = env.local_settings.as_dict()
        echo(t("publish.settings_offline", env.lang), err=True)
    else:
        env.rules_note("publish.team_settings")
    if json_output:
        # Settings are kept as text; a program reading the JSON wants numbers
        # as numbers and flags as true or false.
        print_json({k: SETTINGS[k].typed(v) for k, v in values.items()})
        return
    for name in SETTINGS:
        value = values[name]
        shown = value or t("commands.config.unset", env.lang, value=_effective(env, name))
        echo(f"{name:<18} {shown}")


def _effective(env: Env, name: str) -> str:
    if name == "timezone":
        return t("commands.config.system_time_zone", env.lang)
    if name == "user":
        return env.local_settings.user_name
    if name == "region":
        return t("commands.config.no_region", env.lang)
    return SETTINGS[name].default


@config_app.command("set", help=Msg("help.config.set"))
def set_(
    key: str = typer.Argument(
        ...,
        help=Msg("help.config.set.key"),
        metavar="KEY",
        autocompletion=completion.setting_names,
    ),
    value: str = typer.Argument(
        ...,
        help=Msg("help.config.set.value"),
        metavar="VALUE",
        autocompletion=completion.setting_values,
    ),
) -> None:
    """Change one setting, checked before anything is written."""
    env = Env.load()
    if key.strip() == "region" and value.strip():
        _set_region(env, value)
        return
    stored = save_setting(env.paths, key, value)
    echo(f"{key} = {stored}  ({env.paths.config_file})")
    if key.strip() == "lang":
        # Holidays imported in the other language keep their names until
        # imported again: say how.
        from csm_checklist.cli.commands.calendar import renaming_hints
        from csm_checklist.dates.daysoff import load_days_off

        for hint in renaming_hints(load_days_off(env.paths.days_off_file), stored):
            echo(hint, err=True)
    if env.paths.log_file.exists():
        # A change to the work week or fiscal year holds from today: record it
        # now, not on whichever day csm next runs. If the log or a checklist
        # cannot be read just now, the next command that can records it.
        from csm_checklist.errors import CsmError

        fresh = Env.load()
        with contextlib.suppress(CsmError), fresh.open_log() as log:
            fresh.history(log)


def _set_region(env: Env, value: str) -> None:
    """A region sets the week from the country's weekend, in one write."""
    from csm_checklist.dates.publicholidays import region_settings
    from csm_checklist.duties.config import save_settings

    stored = save_settings(env.paths, region_settings(value))
    for name, shown in stored.items():
        echo(f"{name} = {shown}  ({env.paths.config_file})")
    code = stored["region"]
    echo(t("commands.config.import_holidays", env.lang, code=code))


@config_app.command("path", help=Msg("help.config.path"))
def path(json_output: bool = typer.Option(False, "--json", help=Msg("help.json_short"))) -> None:
    """Where csm keeps its settings, checklists and log."""
    paths = Env.load().paths
    places = {
        "config_file": str(paths.config_file),
        "checklists_dir": str(paths.checklists_dir),
        "log_file": str(paths.log_file),
    }
    if json_output:
        print_json(places)
        return
    for name, place in places.items():
        echo(f"{name:<15} {place}")


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")
