"""`csm team init | upgrade | add | list | status | join`: the team's shared
record on a PostgreSQL server (the `store` setting or CSM_STORE)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import typer

from csm_checklist.cli.commands.common import Env, print_json
from csm_checklist.cli.views.safe import echo
from csm_checklist.errors import ConfigError, LogError
from csm_checklist.messages import Msg, t

team_app = typer.Typer(help=Msg("help.team"), no_args_is_help=True)


def _store(env: Env) -> str:
    if not env.store:
        raise ConfigError(Msg("team.no_store"), hint=Msg("team.no_store_hint"))
    return env.store


def _admin() -> ModuleType:
    """store.pg_admin, or one line saying psycopg is missing."""
    try:
        from csm_checklist.store import pg_admin
    except ImportError as exc:
        if not (exc.name or "").startswith("psycopg"):
            raise
        raise LogError(Msg("team.no_psycopg"), hint=Msg("team.no_psycopg_hint")) from exc
    return pg_admin


@team_app.command("init", help=Msg("help.team.init"))
def init(
    dry_run: bool = typer.Option(False, "--dry-run", help=Msg("help.team.init.dry_run")),
) -> None:
    """Create the roles, the schema and the server's rules."""
    if dry_run:
        from csm_checklist.store.pg_schema import init_script

        typer.echo(init_script(), nl=False)
        return
    env = Env.load()
    url = _store(env)
    pg_admin = _admin()
    applied = pg_admin.init(url)
    from csm_checklist.store.postgres import describe

    echo(t("team.initialised", env.lang, server=describe(url), count=len(applied)))
    echo(t("team.init_next", env.lang))


@team_app.command("upgrade", help=Msg("help.team.upgrade"))
def upgrade() -> None:
    """Apply the migrations the server lacks, under an advisory lock."""
    env = Env.load()
    url = _store(env)
    pg_admin = _admin()
    from csm_checklist.store.postgres import describe

    applied = pg_admin.upgrade(url)
    server = describe(url)
    if applied:
        echo(t("team.upgraded", env.lang, server=server, names=", ".join(applied)))
    else:
        echo(t("team.up_to_date", env.lang, server=server))


@team_app.command("add", help=Msg("help.team.add"))
def add(
    login: str = typer.Argument(..., help=Msg("help.team.add.login"), metavar="LOGIN"),
    name: str = typer.Option(..., "--name", help=Msg("help.team.add.name"), metavar="NAME"),
    lead: bool = typer.Option(False, "--lead", help=Msg("help.team.add.lead")),
) -> None:
    """Make a login a member of the team (and a lead with --lead)."""
    env = Env.load()
    url = _store(env)
    pg_admin = _admin()

    created = pg_admin.add_member(url, login.strip(), name, lead)
    lang = env.lang
    echo(
        t(
            "team.added",
            lang,
            name=name.strip(),
            login=login.strip(),
            lead=t("team.added_lead", lang) if lead else "",
        )
    )
    if created:
        echo(t("team.added_new_login", lang, login=login.strip()))


@team_app.command("list", help=Msg("help.team.list"))
def list_(
    json_output: bool = typer.Option(False, "--json", help=Msg("help.json_short")),
) -> None:
    """The team's members."""
    env = Env.load()
    url = _store(env)
    pg_admin = _admin()

    found = pg_admin.members(url)
    if json_output:
        print_json({"members": [{"login": m.login, "name": m.name, "lead": m.lead} for m in found]})
        return
    lang = env.lang
    if not found:
        echo(t("team.no_members", lang))
        return
    width = max(len(m.login) for m in found)
    for m in found:
        role = t("team.lead_word" if m.lead else "team.member_word", lang)
        echo(f"{m.login:<{width}}  {m.name}  ({role})")


@team_app.command("status", help=Msg("help.team.status"))
def status() -> None:
    """The server, the schema's version and who I am on it."""
    env = Env.load()
    url = _store(env)
    pg_admin = _admin()

    found = pg_admin.status(url)
    lang = env.lang
    echo(t("team.status_server", lang, server=found.server, version=found.version))
    echo(t("team.status_schema", lang, applied=found.applied, known=found.known))
    if found.admin:
        role = t("team.status_admin", lang)
    elif found.name:
        role = t("team.lead_word" if found.lead else "team.member_word", lang)
    else:
        role = t("team.status_not_member", lang)
    name = f" {found.name}" if found.name else ""
    echo(t("team.status_me", lang, login=found.login, name=name, role=role))
    if found.applied == found.known:
        _status_checklists(env, lang)


def _status_checklists(env: Env, lang: str) -> None:
    """Which revision of the team's checklists is the latest, and whose."""
    from csm_checklist.duties.published import moment_text

    with env.open_team_store() as team:
        head = team.rule_set_head()
    if head is None:
        echo(t("publish.status_none", lang))
        return
    at = moment_text(head.published_at, env.local_settings.timezone)
    echo(t("publish.status", lang, number=head.number, name=head.name, at=at))


@team_app.command("join", help=Msg("help.team.join"))
def join(
    source: str | None = typer.Option(
        None, "--from", help=Msg("help.team.join.from"), metavar="PATH"
    ),
) -> None:
    """Add my personal log's history to the team's record, once."""
    env = Env.load()
    _store(env)
    path = Path(source).expanduser() if source else env.paths.log_file
    if not path.is_file():
        from csm_checklist.errors import NotMet

        raise NotMet(Msg("team.join_no_log", path=path), hint=Msg("team.join_no_log_hint"))
    from csm_checklist.store.records import StartRecord, new_uuid
    from csm_checklist.store.sqlite import SqliteStore

    with SqliteStore.open(path) as personal, env.open_team_store() as team:
        events = personal.events(newest_first=False)
        mine = personal.starts()
        theirs = team.starts()

        def starts() -> list[StartRecord]:
            # History from before the team's tracking start would not be
            # counted: the team's record then starts when this member's did.
            if mine and (not theirs or mine[-1].start < theirs[-1].start):
                return [StartRecord(new_uuid(), mine[-1].start, env.settings.now())]
            return []

        added, present = team.merge(events, starts=starts)
    echo(t("team.joined", env.lang, added=added, present=present, path=path))


@team_app.command("publish", help=Msg("help.team.publish"))
def publish(
    dry_run: bool = typer.Option(False, "--dry-run", help=Msg("help.team.publish.dry_run")),
    base: int | None = typer.Option(
        None, "--base", help=Msg("help.team.publish.base"), metavar="N", min=0
    ),
) -> None:
    """Store this computer's checklists and schedule settings as the team's
    next revision, unless someone published after the one they are based on."""
    env = Env.load(local_rules=True)
    url = _store(env)
    lang = env.lang
    # Everything is loaded, and so checked, as this computer uses it: a file
    # with a problem is named (exit 2) and nothing is published.
    catalog = env.catalog()
    env.playbooks()
    _ = env.days_off
    settings = env.settings
    from csm_checklist.duties import published as rules
    from csm_checklist.duties.catalog import builtin_files

    document = rules.collect(env.paths, settings, builtin_files(), env.pack_files())
    text = rules.content_text(document)
    digest = rules.digest(text)
    with env.open_team_store() as team:
        team.display_zone = settings.timezone
        latest = team.rule_set_head()
        if latest is not None and latest.digest == digest:
            echo(t("publish.same", lang, **_head(latest, settings.timezone)))
            if team.is_lead:
                rules.write_base(env.paths.data_dir, url, latest.number)
            return
        next_number = (latest.number if latest is not None else 0) + 1
        if dry_run:
            import json
            import tempfile

            old = json.loads(team.rule_set(latest.number)[1]) if latest is not None else None
            with tempfile.TemporaryDirectory(prefix="csm-publish-") as scratch:
                changes = rules.compare(old, document, Path(scratch))
            _show_changes(changes, next_number, lang)
            return
        given = base if base is not None else rules.read_base(env.paths.data_dir, url)
        if given is None:
            if latest is not None and team.is_lead:
                from csm_checklist.errors import NotMet

                raise NotMet(
                    Msg("publish.no_base", **_head(latest, settings.timezone)),
                    hint=Msg("publish.moved_hint", number=latest.number),
                )
            # A member is answered by the server itself.
            given = latest.number if latest is not None else 0
        number = team.publish_rules(given, text, digest, settings.now())
        rules.write_base(env.paths.data_dir, url, number)
        head = team.rule_set_head(number)
        assert head is not None
        # Written out here as members will have it, so that the lead's next
        # command does not fetch what it just sent.
        rules.materialize(
            rules.revision_folder(env.paths.cache_dir, url, number),
            number,
            text,
            head.name,
            rules.moment_text(head.published_at, settings.timezone),
        )
    files = len(document["files"])
    echo(t("publish.published", lang, number=number, items=len(catalog.items), files=files))
    # The change holds from today in the team's history of the rules (§7):
    # recorded now, not by whichever member runs csm next.
    team_env = Env.load()
    with team_env.open_log() as log:
        team_env.history(log)


def _head(head: Any, zone: str) -> dict[str, object]:
    from csm_checklist.duties.published import moment_text

    return {"number": head.number, "name": head.name, "at": moment_text(head.published_at, zone)}


def _show_changes(changes: Any, number: int, lang: str) -> None:
    echo(t("publish.dry_run_head", lang, number=number))
    for key, found in (
        ("publish.dry_added", changes.added),
        ("publish.dry_removed", changes.removed),
        ("publish.dry_changed", changes.changed),
    ):
        for item in found:
            echo(t(key, lang, item=item))
    for name, old, new in changes.settings:
        echo(t("publish.dry_setting", lang, name=name, old=old or "-", new=new or "-"))
    if changes.days_off:
        echo(t("publish.dry_days_off", lang))
    if not changes.any:
        echo(t("publish.dry_files_only", lang))
    echo(t("publish.dry_run_done", lang))


def register(app: typer.Typer) -> None:
    app.add_typer(team_app, name="team")
