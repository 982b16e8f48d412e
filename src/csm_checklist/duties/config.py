"""Settings and where csm keeps its files.

`SETTINGS` is the one description of every setting: its default, what it
means and how a value is checked. `csm config show`, `csm config set` and the
README's settings table are all made from it.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple or TypedDict field at each start of `csm today`.

import contextlib
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from csm_checklist.dates.schedule import (
    WEEKDAY_NAMES,
    WorkCalendar,
    format_workdays,
    parse_month,
    parse_weekday,
    parse_workdays,
)
from csm_checklist.errors import ConfigError, NotMet, reason_of
from csm_checklist.locks import LOCK_FILE as SETTINGS_LOCK_FILE
from csm_checklist.messages import Msg

APP_NAME = "csm-checklist"
CONFIG_FILE = "config.yaml"
LOG_FILE = "log.sqlite3"
DAYS_OFF_FILE = "days-off.yaml"
PACKS_FILE = "packs"
LANGS = ("en", "ar")


class Paths(NamedTuple):
    """The folders csm reads and writes."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / CONFIG_FILE

    @property
    def checklists_dir(self) -> Path:
        return self.config_dir / "checklists"

    @property
    def log_file(self) -> Path:
        return self.data_dir / LOG_FILE

    @property
    def log_checked(self) -> Path:
        """Where the log's state after csm's last checked write is noted: one
        note per log, so two logs sharing a cache folder never spoil each
        other's (which would cost every write a quick check)."""
        import zlib

        key = zlib.crc32(str(self.log_file).encode("utf-8", "surrogateescape"))
        return self.cache_dir / f"log-checked-{key:08x}.txt"

    @property
    def days_off_file(self) -> Path:
        return self.config_dir / DAYS_OFF_FILE

    @property
    def packs_file(self) -> Path:
        return self.config_dir / PACKS_FILE

    def owned_files(self) -> list[Path]:
        """Every file csm keeps outside the folders it owns whole: the one
        list `-o FILE` is checked against, so none is ever replaced."""
        log = self.log_file
        files = [log, *(log.with_name(log.name + s) for s in ("-wal", "-shm", "-journal"))]
        files += [self.config_file, self.config_dir / SETTINGS_LOCK_FILE]
        files += [self.days_off_file, self.packs_file]
        return files

    def owned_folders(self) -> list[Path]:
        """The folders whose every file is csm's: the checklists and the cache."""
        return [self.checklists_dir, self.cache_dir]


def resolve_paths() -> Paths:
    """CSM_CONFIG_DIR / CSM_DATA_DIR / CSM_CACHE_DIR when set, else the
    platform's folders."""
    names = ("CSM_CONFIG_DIR", "CSM_DATA_DIR", "CSM_CACHE_DIR")
    given = [os.environ.get(name) for name in names]
    if all(given):
        # platformdirs is only imported when it is needed: tests and scripted
        # use set every variable and skip it.
        return _keyed(Paths(*(Path(str(value)).expanduser() for value in given)))
    import platformdirs

    finders = (
        platformdirs.user_config_dir,
        platformdirs.user_data_dir,
        platformdirs.user_cache_dir,
    )
    return _keyed(
        Paths(
            *(
                Path(value).expanduser() if value else Path(find(APP_NAME, appauthor=False))
                for value, find in zip(given, finders, strict=True)
            )
        )
    )


def _keyed(paths: Paths) -> Paths:
    """`paths`, after telling atomic.py where the key of its temporaries is."""
    from csm_checklist.atomic import use_key_folder

    use_key_folder(paths.cache_dir)
    return paths


# Each setting: how a typed value is checked and turned into the stored form.


def _check_lang(value: str) -> str:
    key = value.strip().lower()
    if key not in LANGS:
        raise ValueError(Msg("errors.bad_lang", value=value))
    return key


def _check_week_start(value: str) -> str:
    return ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[
        parse_weekday(value)
    ]


def _check_workdays(value: str) -> str:
    return format_workdays(parse_workdays(value))


def _check_fiscal_year_start(value: str) -> str:
    return str(parse_month(value.strip()))


def _check_timezone(value: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = value.strip()
    if not name:
        return ""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(Msg("errors.bad_timezone", value=value)) from exc
    return name


def _check_user(value: str) -> str:
    name = value.strip()
    if "\n" in name:
        raise ValueError(Msg("errors.bad_user"))
    return name


def _check_people(value: str) -> str:
    from csm_checklist.dates.daysoff import is_login

    names = [name.strip() for name in value.replace(",", " ").split()]
    for name in names:
        if not is_login(name):
            raise ValueError(Msg("errors.bad_person", value=name))
        if names.count(name) > 1:
            raise ValueError(Msg("errors.person_twice", value=name))
    return ", ".join(names)


def _check_region(value: str) -> str:
    # Only the shape here: loading settings must not import the holidays
    # package. `csm config set region` checks the code against it.
    code = value.strip().upper()
    if code and not (len(code) == 2 and code.isalpha() and code.isascii()):
        raise ValueError(Msg("errors.bad_region", value=value))
    if code:
        from csm_checklist.messages.countries import MESSAGES as COUNTRIES

        if f"countries.{code}" not in COUNTRIES:  # XX, ZZ: no country at all
            raise ValueError(Msg("errors.bad_region", value=value))
    return code


def _check_flag(value: str) -> str:
    key = value.strip().lower()
    if key in ("true", "yes", "on", "1"):
        return "true"
    if key in ("false", "no", "off", "0", ""):
        return "false"
    raise ValueError(Msg("errors.bad_flag", value=value))


def check_store(value: str) -> str:
    """A PostgreSQL address for the team's store, or "" for the local log.

    Refused with a password in it: passwords live where libpq keeps them
    (~/.pgpass, a service file, PGPASSWORD), never in config.yaml. The
    message never repeats the address, so it never prints a password.
    """
    text = value.strip()
    if not text:
        return ""
    if not text.startswith(("postgresql://", "postgres://")):
        raise ValueError(Msg("team.bad_store"))
    from urllib.parse import parse_qs, urlsplit

    try:
        parts = urlsplit(text)
        query = parse_qs(parts.query)
        password = parts.password
    except ValueError as exc:
        raise ValueError(Msg("team.bad_store")) from exc
    if password is not None or "password" in query:
        raise ValueError(Msg("team.store_password"))
    return text


class Setting(NamedTuple):
    name: str
    default: str
    description: str
    check: Callable[[str], str]
    example: str
    kind: str = "text"  # "text", "number" or "flag": how JSON gives the value

    def typed(self, value: str) -> str | int | bool:
        """The value as a program reading JSON wants it: a number as a
        number, a flag as true or false (settings are kept as text)."""
        if self.kind == "number" and value.strip().isdigit():
            return int(value)
        if self.kind == "flag":
            return value == "true"
        return value


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("lang", "en", Msg("help.setting.lang"), _check_lang, "ar"),
        Setting(
            "week_start",
            "monday",
            Msg("help.setting.week_start"),
            _check_week_start,
            "sunday",
        ),
        Setting(
            "workdays",
            "mon-fri",
            Msg("help.setting.workdays"),
            _check_workdays,
            "sun-thu",
        ),
        Setting(
            "fiscal_year_start",
            "1",
            Msg("help.setting.fiscal_year_start"),
            _check_fiscal_year_start,
            "7",
            "number",
        ),
        Setting(
            "timezone",
            "",
            Msg("help.setting.timezone"),
            _check_timezone,
            "Asia/Riyadh",
        ),
        Setting(
            "user",
            "",
            Msg("help.setting.user"),
            _check_user,
            "Mona",
        ),
        Setting(
            "region",
            "",
            Msg("help.setting.region"),
            _check_region,
            "SA",
        ),
        Setting(
            "hijri",
            "false",
            Msg("help.setting.hijri"),
            _check_flag,
            "true",
            "flag",
        ),
        Setting(
            "store",
            "",
            Msg("help.setting.store"),
            check_store,
            "postgresql:///csm?service=support",
        ),
        Setting(
            "people",
            "",
            Msg("help.setting.people"),
            _check_people,
            "mona, ali, sara",
        ),
    )
}


class Settings(NamedTuple):
    """The settings in force, already checked."""

    lang: str = "en"
    week_start: str = "monday"
    workdays: str = "mon-fri"
    fiscal_year_start: str = "1"
    timezone: str = ""
    user: str = ""
    region: str = ""
    hijri: str = "false"
    store: str = ""
    people: str = ""
    source: Path | None = None

    @property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar(
            week_start=parse_weekday(self.week_start),
            workdays=parse_workdays(self.workdays),
            fiscal_year_start=int(self.fiscal_year_start),
        )

    @property
    def show_hijri(self) -> bool:
        return self.hijri == "true"

    @property
    def people_list(self) -> tuple[str, ...]:
        """The logins of the `people` setting, in order."""
        return tuple(name.strip() for name in self.people.split(",") if name.strip())

    @property
    def user_name(self) -> str:
        if self.user:
            return self.user
        import getpass

        try:
            return getpass.getuser()
        except Exception:  # no login name in some containers and services
            return "unknown"

    def now(self) -> datetime:
        """This moment, to the second, with the UTC offset of the configured
        time zone (the system's when unset).

        Only the CLI calls this and `today`: the core takes its dates as arguments.
        """
        if self.timezone:
            from zoneinfo import ZoneInfo

            moment = datetime.now(ZoneInfo(self.timezone))
        else:
            try:
                moment = datetime.now().astimezone()
            except (ValueError, OverflowError, OSError):
                # TZ=UTC+99: an offset of more than a day, which no clock has.
                raise ConfigError(
                    Msg("errors.system_time_zone", tz=os.environ.get("TZ", "")),
                    hint=Msg("errors.system_time_zone_hint"),
                ) from None
        return moment.replace(microsecond=0)

    def today(self) -> date:
        """Today's date in the configured time zone."""
        return self.now().date()

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in SETTINGS}


def settings_markdown() -> str:
    """The README's settings table, made from `SETTINGS` so the two agree."""
    lines = ["| setting | default | meaning | example |", "|---|---|---|---|"]
    for s in SETTINGS.values():
        default = f"`{s.default}`" if s.default else "(empty)"
        lines.append(f"| `{s.name}` | {default} | {s.description} | `{s.example}` |")
    return "\n".join(lines) + "\n"


def _read_config_file(path: Path) -> dict[str, Any]:
    return _read_config(path)[0]


def _read_config(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """The settings in the config file and the line of each, read as strictly
    as a checklist: no duplicate keys, no tags or alias tricks, plain values."""
    import yaml

    from csm_checklist.duties import yamlread
    from csm_checklist.reading import read_text

    try:
        text = read_text(path)
    except FileNotFoundError:
        return {}, {}
    except OSError as exc:
        reason = exc.strerror or exc
        raise ConfigError(
            Msg("errors.config_unreadable", path=path, reason=reason),
            hint=Msg("errors.config_unreadable_hint"),
        ) from exc
    try:
        root = yamlread.compose(text)
    except yamlread.YamlProblem as exc:
        raise _bad_line(path, exc.line, exc.problem) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None)
        raise ConfigError(
            Msg(
                "errors.config_not_yaml_why" if problem else "errors.config_not_yaml",
                where=_config_where(path, mark.line + 1 if mark is not None else 0),
                problem=problem,
            ),
            hint=Msg("errors.config_not_yaml_hint"),
        ) from exc
    if root is None:
        return {}, {}
    if root.id != "mapping":
        kind = Msg("errors.node_list" if root.id == "sequence" else "errors.node_single")
        raise ConfigError(
            Msg("errors.config_not_mapping", path=path, kind=kind),
            hint=Msg("errors.config_not_mapping_hint"),
        )
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in root.value:
        line = yamlread.line_of(key_node)
        if key_node.id != "scalar":
            raise _bad_line(path, line, Msg("errors.config_name_not_word"))
        key = str(key_node.value)
        if key in data:
            raise _bad_line(path, line, Msg("errors.config_key_twice", key=key, first=lines[key]))
        if value_node.id == "mapping":
            raise _bad_line(path, line, Msg("errors.config_mapping_value", key=key))
        if value_node.id == "sequence":
            if key not in ("workdays", "people") or any(
                child.id != "scalar" for child in value_node.value
            ):
                raise _bad_line(path, line, Msg("errors.config_list_value", key=key))
            value: Any = [yamlread.build_scalar(child) for child in value_node.value]
        else:
            value = yamlread.build_scalar(value_node)
        data[key] = value
        lines[key] = line
    return data, lines


def _config_where(path: Path, line: int) -> Msg:
    """ "The config file PATH", with ", line N" when the line is known."""
    if line:
        return Msg("errors.config_file_line", path=path, line=line)
    return Msg("errors.config_file", path=path)


def _bad_line(path: Path, line: int, problem: str) -> ConfigError:
    return ConfigError(
        Msg("errors.config_problem", where=_config_where(path, line), problem=problem),
        hint=Msg("errors.config_problem_hint"),
    )


def check_setting(key: str, value: str) -> str:
    """The stored form of `value` for setting `key`; ConfigError when invalid."""
    if key not in SETTINGS:
        import difflib

        close = difflib.get_close_matches(key, list(SETTINGS), n=1)
        settings = ", ".join(SETTINGS)
        raise ConfigError(
            Msg("errors.no_such_setting", key=key),
            hint=Msg("errors.no_such_setting_guess", guess=close[0], settings=settings)
            if close
            else Msg("errors.no_such_setting_hint", settings=settings),
        )
    try:
        return SETTINGS[key].check(value)
    except ValueError as exc:
        raise ConfigError(
            Msg("errors.cannot_set", key=key, reason=reason_of(exc)),
            hint=Msg(
                "errors.cannot_set_hint",
                description=SETTINGS[key].description,
                key=key,
                example=SETTINGS[key].example,
            ),
        ) from exc


def load_settings(paths: Paths) -> Settings:
    """Settings from the config file, every value checked; defaults for the rest."""
    return _checked(*_read_config(paths.config_file), paths.config_file)


def _checked(raw: dict[str, Any], lines: dict[str, int], source: Path) -> Settings:
    values: dict[str, str] = {}
    for key, value in raw.items():
        if value is None:
            continue
        try:
            values[str(key)] = check_setting(str(key), _as_text(value))
        except ConfigError as exc:
            where = _config_where(source, lines.get(key, 0))
            raise ConfigError(
                Msg("errors.config_setting", where=where, message=exc.message), hint=exc.hint
            ) from exc
    return Settings(**values, source=source)


def _as_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def save_setting(paths: Paths, key: str, value: str) -> str:
    """Check `value`, then write it to the config file atomically.

    The other settings are kept (comments are not); on any error
    nothing is written. Returns the stored form.
    """
    return save_settings(paths, {key: value})[key]


def save_settings(paths: Paths, changes: dict[str, str]) -> dict[str, str]:
    """Check every value, then write them all in one atomic write (what
    `save_setting` does for one). Returns the stored forms."""
    import yaml

    from csm_checklist.atomic import write_text_atomically

    stored = {key: check_setting(key, value) for key, value in changes.items()}
    # A broken file is refused before anything, the lock file included, is made.
    _checked(*_read_config(paths.config_file), paths.config_file)
    # Read, change and write under one lock: two `config set` at once must
    # not each write the file they read, losing the other's value.
    with _config_lock(paths):
        raw, lines = _read_config(paths.config_file)
        _checked(raw, lines, paths.config_file)  # never rewrite a file that is already broken
        raw.update(stored)
        text = yaml.safe_dump(raw, allow_unicode=True, sort_keys=False, default_flow_style=False)
        try:
            write_text_atomically(paths.config_file, text)
        except OSError as exc:
            raise _cannot_write(paths, exc) from exc
    return stored


@contextlib.contextmanager
def _config_lock(paths: Paths) -> Iterator[None]:
    """The settings lock (locks.py), held while the block runs."""
    from csm_checklist.locks import settings_lock

    try:
        with settings_lock(paths.config_dir):
            yield
    except OSError as exc:
        raise _cannot_write(paths, exc) from exc


def _cannot_write(paths: Paths, exc: OSError) -> NotMet:
    return NotMet(
        Msg("errors.config_cannot_write", path=paths.config_dir, reason=exc.strerror or exc),
        hint=Msg("errors.config_cannot_write_hint"),
    )


__all__ = [
    "LANGS",
    "SETTINGS",
    "WEEKDAY_NAMES",
    "Paths",
    "Setting",
    "Settings",
    "check_setting",
    "load_settings",
    "resolve_paths",
    "save_setting",
    "save_settings",
    "settings_markdown",
]
