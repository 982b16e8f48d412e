"""What every command needs: the folders, the settings, dates typed by users,
and the choice between terminal and plain output."""

from __future__ import annotations

import os
import sys
from datetime import date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from csm_checklist.dates.schedule import FIRST_DAY, LAST_DAY
from csm_checklist.duties.config import Paths, Settings, load_settings, resolve_paths
from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg

if TYPE_CHECKING:
    from csm_checklist.dates.schedule import WorkCalendar
    from csm_checklist.duties.catalog import Catalog
    from csm_checklist.duties.playbooks import Playbook
    from csm_checklist.duties.published import Published
    from csm_checklist.rules.history import History
    from csm_checklist.rules.owners import Owners
    from csm_checklist.store.interface import Store
    from csm_checklist.store.postgres import PostgresStore


# The help of every `-o/--output FILE`: the file itself is always opened by
# `outputs.open_output`, so every command that writes one promises the same.
OUTPUT_HELP = Msg("help.output")


class Env:
    """The folders and settings of one run, read once and on demand."""

    def __init__(self, paths: Paths, *, local_rules: bool = False, quick: bool = False) -> None:
        self.paths = paths
        # `csm today` and `csm due`: on the team's store, their reads go
        # through libpq without importing psycopg (`store.pg_quick`), from the
        # first look at the published checklists on.
        self.quick = quick
        self._catalog: Catalog | None = None
        # With `local_rules`, this computer's checklists and settings even in
        # team mode: what a lead checks and publishes.
        self.local_rules = local_rules
        self._team: PostgresStore | None = None
        self._fetched = False  # a new revision of the team's checklists came this run

    @classmethod
    def load(cls, *, local_rules: bool = False, quick: bool = False) -> Env:
        return cls(resolve_paths(), local_rules=local_rules, quick=quick)

    @cached_property
    def local_settings(self) -> Settings:
        """The settings of config.yaml, as they are on this computer."""
        from csm_checklist.messages import use
        from csm_checklist.store.cache import cached

        settings = cached(
            self._cache("settings"), [self.paths.config_file], lambda: load_settings(self.paths)
        )
        use(settings.lang)  # from here on, every message is said in it
        return settings

    @cached_property
    def settings(self) -> Settings:
        """The settings in force: in team mode, once a lead published, those
        that decide schedules are the team's; the personal ones stay ours."""
        local = self.local_settings
        published = self.published
        if published is None:
            return local
        from csm_checklist.duties.published import TEAM_SETTINGS

        team: dict[str, Any] = {k: v for k, v in published.settings.items() if k in TEAM_SETTINGS}
        return local._replace(**team)

    @cached_property
    def published(self) -> Published | None:
        """In team mode, the team's latest published checklists, written out
        on this computer (fetched once per revision); None before a lead
        published any, on this computer's log, and with `local_rules`."""
        if self.local_rules or not self.store:
            return None
        log = self._team_log()
        number = log.rules_revision
        if not number:
            return None
        from csm_checklist.duties.published import (
            checked,
            load,
            materialize,
            moment_text,
            revision_folder,
        )

        folder = revision_folder(self.paths.cache_dir, self.store, number)
        found = load(folder, number)
        if found is None:
            head, content = log.rule_set(number)
            zone = str(checked(content, number).get("settings", {}).get("timezone", ""))
            at = moment_text(head.published_at, zone)
            found = materialize(folder, number, content, head.name, at)
            from csm_checklist.cli.views.safe import echo
            from csm_checklist.messages import t

            echo(
                t("publish.now_using", self.lang, number=number, name=found.name, at=found.at),
                err=True,
            )
            self._fetched = True
        return found

    def rules_note(self, key: str = "publish.team_list") -> None:
        """In team mode, one line on stderr saying whose checklists (or
        settings, with key "publish.team_settings") csm follows: the team's
        published revision, or this computer's until a lead publishes."""
        if not self.store or self.local_rules:
            return
        from csm_checklist.cli.views.safe import echo
        from csm_checklist.messages import t

        published = self.published
        if published is None:
            echo(t("publish.none_yet", self.lang), err=True)
            return
        if self._fetched:
            return  # the line that said csm now follows it said so already
        at, name = published.at, published.name
        echo(t(key, self.lang, number=published.number, name=name, at=at), err=True)

    def _team_log(self) -> PostgresStore:
        """The team's store, opened once a run (the published checklists and
        the command share its one connection)."""
        if self._team is None or self._team.closed:
            if self.quick:
                from csm_checklist.store import open_store

                found = open_store(self.paths, address=self.store, quick=True)
                self._team = cast("PostgresStore", found)  # the rest through __getattr__
            else:
                self._team = self.open_team_store()
        return self._team

    @property
    def lang(self) -> str:
        """The language to say things in: the `lang` setting, English when the
        config cannot be read (`config set`, `off add` work without it)."""
        try:
            return self.local_settings.lang
        except Exception:  # any config csm cannot read: English, as §9 says
            return "en"

    def _cache(self, name: str) -> Path:
        return self.paths.cache_dir / f"{name}.json"

    @cached_property
    def days_off(self) -> dict[date, str]:
        """Each day off and why, from days-off.yaml (cached like the settings)."""
        source = self.days_off_path
        if not source.exists():
            return {}  # most users: not even the cache is read
        from csm_checklist.store.cache import cached

        def parse() -> dict[date, str]:
            from csm_checklist.dates.daysoff import load_days_off, reasons_by_date

            return reasons_by_date(load_days_off(source))

        reader = Path(__file__).parents[2] / "dates" / "daysoff.py"
        return cached(self._cache("days-off"), [reader, source], parse)

    @property
    def days_off_path(self) -> Path:
        """The days-off.yaml in force: the team's once published."""
        published = self.published
        return published.days_off_file if published is not None else self.paths.days_off_file

    @cached_property
    def calendar(self) -> WorkCalendar:
        """The settings' calendar with the days off in it: what every rule uses."""
        cal = self.settings.calendar
        if not self.days_off:
            return cal
        return cal._replace(days_off=frozenset(self.days_off))

    @cached_property
    def today(self) -> date:
        day = self.settings.today()
        if not FIRST_DAY <= day <= LAST_DAY:
            # Work logged then could be exported but never imported again.
            raise BadInput(
                Msg("commands.clock_out_of_range", day=day.isoformat()),
                hint=Msg("commands.clock_out_of_range_hint", first=FIRST_DAY, last=LAST_DAY),
            )
        return day

    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = self._load_catalog()
        return self._catalog

    def _load_catalog(self) -> Catalog:
        from csm_checklist.store.cache import cached

        builtin, packs, user_dir = self._rule_places()
        sources = self.checklist_sources()
        # The team's files have a cache entry of their own, so that a lead
        # switching between the two does not rebuild both each time.
        name = "catalog-team" if self.published is not None else "catalog"

        def parse() -> Catalog:
            # Only a changed checklist pays for the YAML parser and validators.
            from csm_checklist.duties.checklists import load_catalog

            return load_catalog(user_dir, builtin=builtin, packs=packs)

        return cached(self._cache(name), sources, parse)

    def _rule_places(self) -> tuple[Path | None, list[Path], Path]:
        """The built-in folder (None: csm's own), the pack files and the
        user's checklist folder in force."""
        published = self.published
        if published is not None:
            return published.builtin_dir, published.pack_files(), published.checklists_dir
        return None, self.pack_files(), self.paths.checklists_dir

    def checklist_sources(self) -> list[Path]:
        """Every checklist file of the catalog in force, in load order."""
        from csm_checklist.duties.catalog import builtin_files, checklist_files

        builtin, packs, user_dir = self._rule_places()
        return builtin_files(builtin) + packs + checklist_files(user_dir)

    def pack_files(self) -> list[Path]:
        """The files of the built-in packs switched on (none for most users:
        one missing file, and nothing imported)."""
        if not (self.paths.config_dir / "packs").exists():
            return []
        from csm_checklist.duties.packs import pack_files

        return pack_files(self.paths.config_dir)

    def playbooks(self) -> dict[str, Playbook]:
        """Every playbook, enabled or not, cached like the catalog."""
        from csm_checklist.store.cache import cached

        files = self.checklist_sources()
        areas = list(self.catalog().areas)

        def parse() -> dict[str, Playbook]:
            from csm_checklist.duties.playbooks import load_playbooks

            return load_playbooks(files, areas)

        reader = Path(__file__).parents[2] / "duties" / "playbooks.py"
        return cached(self._cache("playbooks"), [reader, *files], parse)

    @cached_property
    def store(self) -> str:
        """The team's PostgreSQL address (CSM_STORE, else the `store`
        setting); "" for the log on this computer."""
        from_env = os.environ.get("CSM_STORE", "").strip()
        if not from_env:
            return self.local_settings.store
        if not from_env.startswith(("postgresql://", "postgres://")):
            from csm_checklist.errors import ConfigError

            raise ConfigError(Msg("team.bad_store_env"), hint=Msg("team.store_hint"))
        return from_env

    def open_log(self) -> Store:
        """The store of this run's folders (see `store.open_store`): the
        team's record on its PostgreSQL server when one is set (for an Env
        made `quick`, its reads made without importing psycopg)."""
        from csm_checklist.store import open_store

        if self.store:
            log = self._team_log()
            # The rules this command follows are the team's latest: a write
            # is refused if a lead publishes others before it lands.
            published = self.published
            log.rules_used = None if self.local_rules else (published.number if published else 0)
            log.display_zone = self.settings.timezone
            return log

        if not os.path.lexists(self.paths.log_file):
            # A command refused for its settings, days off or checklists must
            # not leave a new log behind: they are read before it is made.
            _ = self.settings, self.days_off
            self.catalog()
        return open_store(self.paths)

    def user_name(self, log: object) -> str:
        """Who is logging: on the team's store the member's name there (else
        their login), on this computer's log the `user` setting."""
        member = getattr(log, "member_name", "")
        return str(member) if member else self.settings.user_name

    def logger_name(self, log: object) -> str:
        """Who writes an entry (its *logged by*): on the team's store the
        connected login, on this computer's log the `user` setting."""
        login = getattr(log, "login", "")
        return str(login) if login else self.settings.user_name

    def open_team_store(self) -> PostgresStore:
        """The team's record on its PostgreSQL server; LogError in one line
        naming the server when it cannot be reached, or without psycopg."""
        from csm_checklist.store import open_team_store

        return open_team_store(self.store)

    def history(self, log: Store, as_logged: datetime | None = None) -> History:
        """The log's history of the rules, after recording today's when they
        changed (see `work.load_history`)."""
        # This computer's files never become the team's rules by the way:
        # only a publish does that.
        assert not (self.local_rules and self.store), "local rules on the team's record"
        from csm_checklist.rules.history import observe
        from csm_checklist.rules.work import load_history

        settings = self.settings
        observed = observe(self.catalog().items.values(), settings.calendar, settings.timezone)
        return load_history(
            log,
            observed,
            self.today,
            settings.now(),
            as_logged=as_logged,
            days_off=frozenset(self.days_off),
        )

    @cached_property
    def leave(self) -> dict[str, frozenset[date]]:
        """Each person's days of leave (`who:` entries of the days-off.yaml in
        force: the team's once published)."""
        source = self.days_off_path
        if not source.exists():
            return {}
        from csm_checklist.dates.daysoff import leave_by_person, load_days_off

        return leave_by_person(load_days_off(source))

    def me(self, log: object) -> str:
        """Who "my duties" are: the team login on the team's store; on this
        computer's log the `user` setting (the name each entry records), in
        lower case, as logins are written."""
        login = getattr(log, "login", "")
        return str(login) if login else self.settings.user_name.strip().lower()

    def people(self, log: object) -> tuple[str, ...]:
        """The people csm knows: the team's members on its store, else the
        `people` setting and oneself."""
        if getattr(log, "login", ""):
            return tuple(log.member_logins())  # type: ignore[attr-defined]
        from csm_checklist.dates.daysoff import is_login

        known = self.settings.people_list
        me = self.me(log)
        return known if me in known or not is_login(me) else (*known, me)

    def owners(
        self, log: Store, history: History, as_logged: datetime | None = None
    ) -> Owners | None:
        """Who owns what (rules/owners.py), or None when nothing was ever
        assigned: then no view shows owners, and nothing more is imported.
        With `as_logged`, only the `csm assign` changes recorded by then, as
        the history's revisions are. Refuses (exit 2) a checklist naming
        someone csm does not know."""
        changes = log.assignments()
        if as_logged is not None:
            changes = [change for change in changes if change.recorded_at <= as_logged]
        named = any(item.assign or item.rotate for item in self.catalog().items.values())
        if (
            not changes
            and not named
            and not any(
                rule.assign or rule.rotate
                for revision in history.revisions
                for rule in revision.items.values()
            )
        ):
            return None
        from csm_checklist.rules.owners import Owners, check_catalog

        known = self.people(log)
        if named:
            team = bool(getattr(log, "login", ""))
            check_catalog(self.catalog().items.values(), known, team)
        return Owners(history, changes, self.leave, known)

    def moment(self, text: str | None, option: str = "--as-logged") -> datetime | None:
        """A moment a user typed: YYYY-MM-DD (the end of that day), or
        YYYY-MM-DDTHH:MM[:SS] with an optional UTC offset (else the configured
        time zone's)."""
        if text is None:
            return None
        return parse_moment(text, self.settings.now(), option)

    def runs_moment(self, day: date, as_logged: datetime | None) -> datetime | None:
        """The moment a view of `day` judges playbook runs at: the end of
        `day` once it has passed (a run started later is not there yet, one
        closed later is still open), the --as-logged stamp when earlier, and
        None for "as they stand now"."""
        moment = as_logged
        if day < self.today:
            end = datetime.combine(day, time(23, 59, 59), tzinfo=self.settings.now().tzinfo)
            moment = end if moment is None else min(moment, end)
        return moment

    def day(self, text: str | None, option: str = "--on", *, past: bool = False) -> date:
        """The date a user typed (YYYY-MM-DD, today, yesterday, tomorrow); today
        if None. With `past` (logging commands, which refuse the future), a
        mistyped date is answered with the forms that can be logged."""
        if text is None:
            return self.today
        return parse_day(text, self.today, option, past=past)

    def day_range(self, since: str | None, until: str | None) -> tuple[date | None, date | None]:
        """The days of --since and --until, either open; BadInput when reversed."""
        first = self.day(since, "--since") if since is not None else None
        last = self.day(until, "--until") if until is not None else None
        if first is not None and last is not None and first > last:
            raise BadInput(
                Msg("commands.since_after_until", first=first.isoformat(), last=last.isoformat()),
                hint=Msg("commands.since_after_until_hint"),
            )
        return first, last


def parse_day(text: str, today: date, option: str = "--on", *, past: bool = False) -> date:
    """Read a date typed by a user; BadInput with the accepted forms otherwise
    (without `tomorrow` for a command that takes only `past` days)."""
    key = text.strip().lower()
    if key == "today":
        return today
    if key == "yesterday":
        return today - timedelta(days=1)
    if key == "tomorrow":
        return today + timedelta(days=1)  # views look ahead; logging refuses the future
    try:
        day = date.fromisoformat(key)
    except ValueError as exc:
        reason = str(exc) if len(key) == 10 and key[4] == "-" and key[7] == "-" else ""
        problem = (
            Msg("commands.not_a_date_because", option=option, text=text, reason=_why(reason))
            if reason and "Invalid isoformat" not in reason
            else Msg("commands.not_a_date", option=option, text=text)
        )
        forms = "commands.date_forms_past" if past else "commands.date_forms"
        raise BadInput(problem, hint=Msg(forms, option=option, today=today.isoformat())) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise BadInput(
            Msg(
                "commands.date_outside",
                option=option,
                text=text,
                first=FIRST_DAY.isoformat(),
                last=LAST_DAY.isoformat(),
            ),
            hint=Msg("commands.date_in_range", option=option, today=today.isoformat()),
        )
    return day


# Python's reasons for a date that looks right but does not exist.
_DATE_REASONS = {
    "day is out of range for month": "commands.date_reason_day",
    "month must be in 1..12": "commands.date_reason_month",
    "year 0 is out of range": "commands.date_reason_year",
}


def _why(reason: str) -> str:
    """Python's reason in the reader's language when it is a known one."""
    known = _DATE_REASONS.get(reason)
    return reason if known is None else Msg(known)


def reason_of(exc: Exception) -> str:
    """A core function's reason as one sentence: kept a message when it is
    one (so it is said in the reader's language), else its text and a stop."""
    reason = exc.args[0] if exc.args else ""
    return Msg("commands.reason", reason=reason) if isinstance(reason, Msg) else f"{exc}."


def parse_moment(text: str, now: datetime, option: str = "--as-logged") -> datetime:
    """Read a moment typed by a user; BadInput with the accepted forms otherwise.

    A bare date means the end of that day; a time without an offset is in the
    time zone of `now`.
    """
    key = text.strip()
    try:
        if len(key) == 10:
            moment = datetime.combine(date.fromisoformat(key), datetime.max.time())
        else:
            moment = datetime.fromisoformat(key)
    except ValueError:
        raise BadInput(
            Msg("commands.not_a_moment", option=option, text=text),
            hint=Msg(
                "commands.moment_forms", option=option, example=now.strftime("%Y-%m-%dT%H:%M")
            ),
        ) from None
    if not FIRST_DAY <= moment.date() <= LAST_DAY:
        raise BadInput(
            Msg("commands.moment_out_of_range", option=option, text=text),
            hint=Msg("commands.moment_range_hint", first=FIRST_DAY, last=LAST_DAY),
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=now.tzinfo)
    return moment


def cadence_option(text: str | None, option: str = "--cadence") -> str | None:
    """The cadence a user typed after `option` (None when absent); BadInput otherwise."""
    if text is None:
        return None
    from csm_checklist.dates.schedule import parse_cadence

    try:
        return parse_cadence(text, option=option)
    except ValueError as exc:
        raise BadInput(reason_of(exc), hint=Msg("commands.cadence_forms")) from None


def stdout_is_terminal() -> bool:
    """Rich views only for a person at a terminal; plain text for pipes and files.

    CSM_FORCE_TERMINAL=1 forces the terminal view (the benchmark uses it).
    """
    if os.environ.get("CSM_FORCE_TERMINAL"):
        return True
    return sys.stdout.isatty()


def terminal_width() -> int | None:
    """The terminal's width for a view to fit, None when piped: piped
    output is never shortened."""
    from csm_checklist.cli.views.common import terminal_console

    width: int = terminal_console().width
    return width if stdout_is_terminal() else None


def print_json(document: object) -> None:
    """Exactly one JSON document on stdout, UTF-8, Arabic kept readable, and
    no control character raw (stored text may hold escape sequences)."""
    from csm_checklist.cli.views.safe import json_text

    sys.stdout.write(json_text(document) + "\n")
