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

from .errors import ConfigError, NotMet
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


def resolve_paths() -> Paths:
    """CSM_CONFIG_DIR / CSM_DATA_DIR / CSM_CACHE_DIR when set, else the
    platform's folders."""
    names = ("CSM_CONFIG_DIR", "CSM_DATA_DIR", "CSM_CACHE_DIR")
    given = [os.environ.get(name) for name in names]
    if all(given):
        # platformdirs is only imported when it is needed: tests and scripted
        # use set every variable and skip it.
        return Paths(*(Path(str(value)).expanduser() for value in given))
    import platformdirs

    finders = (
        platformdirs.user_config_dir,
        platformdirs.user_data_dir,
        platformdirs.user_cache_dir,
    )
    return Paths(
        *(
            Path(value).expanduser() if value else Path(find(APP_NAME, appauthor=False))
            for value, find in zip(given, finders, strict=True)
        )
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
    return _read_config(path)[0]


def _read_config(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """The settings in the config file and the line of each, read as strictly
    as a checklist: no duplicate keys, no tags or alias tricks, plain values."""
    import yaml

    from . import yamlread

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, {}
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise ConfigError(
            f"Cannot read the config file {path}: {reason}.",
            hint="Fix or remove the file; `csm config path` shows where it is.",
        ) from exc
    try:
        root = yamlread.compose(text)
    except yamlread.YamlProblem as exc:
        raise _bad_line(path, exc.line, exc.problem) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None)
        raise ConfigError(
            f"The config file {path}{where} is not valid YAML"
            + (f" ({problem})." if problem else "."),
            hint="Fix the line, or set values with `csm config set KEY VALUE`.",
        ) from exc
    if root is None:
        return {}, {}
    if root.id != "mapping":
        kind = "a list" if root.id == "sequence" else "a single value"
        raise ConfigError(
            f"The config file {path} must be a mapping of settings, not {kind}.",
            hint="Write one `key: value` per line, e.g. `workdays: sun-thu`.",
        )
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in root.value:
        line = yamlread.line_of(key_node)
        if key_node.id != "scalar":
            raise _bad_line(path, line, "a setting's name must be a plain word")
        key = str(key_node.value)
        if key in data:
            raise _bad_line(
                path, line, f"the setting {key!r} appears twice (first on line {lines[key]})"
            )
        if value_node.id == "mapping":
            raise _bad_line(path, line, f"{key} holds a mapping, but a setting is one value")
        if value_node.id == "sequence":
            if key != "workdays" or any(child.id != "scalar" for child in value_node.value):
                raise _bad_line(path, line, f"{key} holds a list, but it is one value")
            value: Any = [yamlread.build_scalar(child) for child in value_node.value]
        else:
            value = yamlread.build_scalar(value_node)
        data[key] = value
        lines[key] = line
    return data, lines


def _bad_line(path: Path, line: int, problem: str) -> ConfigError:
    where = f", line {line}" if line else ""
    return ConfigError(
        f"The config file {path}{where}: {problem}.",
        hint="Fix that line, or set values with `csm config set KEY VALUE`.",
    )


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
    return _checked(*_read_config(paths.config_file), paths.config_file)


def _checked(raw: dict[str, Any], lines: dict[str, int], source: Path) -> Settings:
    values: dict[str, str] = {}
    for key, value in raw.items():
        if value is None:
            continue
        where = f", line {lines[key]}" if key in lines else ""
        try:
            values[str(key)] = check_setting(str(key), _as_text(value))
        except ConfigError as exc:
            raise ConfigError(
                f"The config file {source}{where}: {exc.message}", hint=exc.hint
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

    from .atomic import write_text_atomically

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


LOCK_FILE = ".config.yaml.lock"


@contextlib.contextmanager
def _config_lock(paths: Paths) -> Iterator[None]:
    """An exclusive lock on a file beside config.yaml, held while the block runs."""
    try:
        paths.config_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(paths.config_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise _cannot_write(paths, exc) from exc
    try:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; writes stay atomic
            yield
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _cannot_write(paths: Paths, exc: OSError) -> NotMet:
    return NotMet(
        f"Cannot write the config folder {paths.config_dir}: {exc.strerror or exc}.",
        hint="Make the folder writable, or point CSM_CONFIG_DIR at a folder you can write.",
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
