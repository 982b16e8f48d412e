"""Settings and where csm keeps its files.

`SETTINGS` is the one description of every setting: its default, what it
means and how a value is checked. `csm config show`, `csm config set` and the
README's settings table are all made from it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from .errors import ConfigError
from .schedule import (
    WEEKDAY_NAMES,
    WorkCalendar,
    format_workdays,
    parse_month,
    parse_weekday,
    parse_workdays,
)

APP_NAME = "csm-checklist"
CONFIG_FILE = "config.yaml"
LOG_FILE = "log.sqlite3"
DAYS_OFF_FILE = "days-off.yaml"
LANGS = ("en", "ar")


class Paths(NamedTuple):
    """The folders csm reads and writes."""

    config_dir: Path
    data_dir: Path

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
    def days_off_file(self) -> Path:
        return self.config_dir / DAYS_OFF_FILE


def resolve_paths() -> Paths:
    """CSM_CONFIG_DIR / CSM_DATA_DIR when set, else the platform's folders."""
    config_env = os.environ.get("CSM_CONFIG_DIR")
    data_env = os.environ.get("CSM_DATA_DIR")
    if config_env and data_env:
        # platformdirs is only imported when it is needed: tests and scripted
        # use set both variables and skip it.
        return Paths(Path(config_env).expanduser(), Path(data_env).expanduser())
    import platformdirs

    config_dir = Path(config_env).expanduser() if config_env else None
    data_dir = Path(data_env).expanduser() if data_env else None
    return Paths(
        config_dir or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data_dir or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
    )


# Each setting: how a typed value is checked and turned into the stored form.


def _check_lang(value: str) -> str:
    key = value.strip().lower()
    if key not in LANGS:
        raise ValueError(f"{value!r} is not a language csm speaks; use en or ar")
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
        raise ValueError(
            f"{value!r} is not an IANA time zone; use a name such as Africa/Cairo or Asia/Riyadh"
        ) from exc
    return name


def _check_user(value: str) -> str:
    name = value.strip()
    if "\n" in name:
        raise ValueError("a user name is one line")
    return name


def _check_region(value: str) -> str:
    # Only the shape here: loading settings must not import the holidays
    # package. `csm config set region` checks the code against it.
    code = value.strip().upper()
    if code and not (len(code) == 2 and code.isalpha() and code.isascii()):
        raise ValueError(f"{value!r} is not a two-letter country code such as SA, AE or EG")
    return code


def _check_flag(value: str) -> str:
    key = value.strip().lower()
    if key in ("true", "yes", "on", "1"):
        return "true"
    if key in ("false", "no", "off", "0", ""):
        return "false"
    raise ValueError(f"{value!r} is not true or false")


class Setting(NamedTuple):
    name: str
    default: str
    description: str
    check: Callable[[str], str]
    example: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("lang", "en", "Language of titles and reports: en or ar.", _check_lang, "ar"),
        Setting(
            "week_start",
            "monday",
            "First day of the week for weekly items.",
            _check_week_start,
            "sunday",
        ),
        Setting(
            "workdays",
            "mon-fri",
            "Days the team works: a range such as sun-thu, or a list such as sun,mon,tue.",
            _check_workdays,
            "sun-thu",
        ),
        Setting(
            "fiscal_year_start",
            "1",
            "Month the fiscal year starts (1-12 or jan-dec); quarters align to it.",
            _check_fiscal_year_start,
            "7",
        ),
        Setting(
            "timezone",
            "",
            "IANA time zone that decides what 'today' is; empty: the system's.",
            _check_timezone,
            "Asia/Riyadh",
        ),
        Setting(
            "user",
            "",
            "Name recorded with each event; empty: the login name.",
            _check_user,
            "Mona",
        ),
        Setting(
            "region",
            "",
            "Country (ISO code) whose weekend and public holidays csm uses; setting it also "
            "sets workdays and week_start.",
            _check_region,
            "SA",
        ),
        Setting(
            "hijri",
            "false",
            "Show the Umm al-Qura Hijri date beside the Gregorian one in headings: true or false.",
            _check_flag,
            "true",
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
            moment = datetime.now().astimezone()
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
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"Cannot read the config file {path}: {exc}.",
            hint="Fix or remove the file; `csm config path` shows where it is.",
        ) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(
            f"The config file {path}{where} is not valid YAML.",
            hint="Fix the line, or set values with `csm config set KEY VALUE`.",
        ) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(
            f"The config file {path} must be a mapping of settings, not {type(data).__name__}.",
            hint="Write one `key: value` per line, e.g. `workdays: sun-thu`.",
        )
    return data


def check_setting(key: str, value: str) -> str:
    """The stored form of `value` for setting `key`; ConfigError when invalid."""
    if key not in SETTINGS:
        import difflib

        close = difflib.get_close_matches(key, list(SETTINGS), n=1)
        hint = f"Did you mean {close[0]}? " if close else ""
        raise ConfigError(
            f"There is no setting called {key!r}.",
            hint=hint + "Settings: " + ", ".join(SETTINGS) + ".",
        )
    try:
        return SETTINGS[key].check(value)
    except ValueError as exc:
        raise ConfigError(
            f"Cannot set {key}: {exc}.",
            hint=f"{SETTINGS[key].description} Example: csm config set {key} "
            f"{SETTINGS[key].example}",
        ) from exc


def load_settings(paths: Paths) -> Settings:
    """Settings from the config file, every value checked; defaults for the rest."""
    return _checked(_read_config_file(paths.config_file), paths.config_file)


def _checked(raw: dict[str, Any], source: Path) -> Settings:
    values: dict[str, str] = {}
    for key, value in raw.items():
        if value is None:
            continue
        try:
            values[str(key)] = check_setting(str(key), _as_text(value))
        except ConfigError as exc:
            raise ConfigError(f"The config file {source}: {exc.message}", hint=exc.hint) from exc
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

    stored = {key: check_setting(key, value) for key, value in changes.items()}
    raw = _read_config_file(paths.config_file)
    _checked(raw, paths.config_file)  # refuse to rewrite a file that is already broken
    raw.update(stored)
    text = yaml.safe_dump(raw, allow_unicode=True, sort_keys=False, default_flow_style=False)
    from .atomic import write_text_atomically

    write_text_atomically(paths.config_file, text)
    return stored


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
