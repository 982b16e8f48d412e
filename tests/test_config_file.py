"""A hand-written config.yaml: every setting wrong, empty or missing, and the
rules that read, check and rewrite the file."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from csm_checklist.dates.schedule import WorkCalendar
from csm_checklist.duties import config
from csm_checklist.duties.config import SETTINGS, Paths, Settings, check_setting, load_settings
from csm_checklist.errors import ConfigError

from clihelp import run

DEFAULTS = {
    "lang": "en",
    "week_start": "monday",
    "workdays": "mon-fri",
    "fiscal_year_start": "1",
    "timezone": "",
    "user": "",
    "region": "",
    "hijri": "false",
    "store": "",
    "people": "",
}


def shown(settings: dict[str, str]) -> dict[str, object]:
    """`settings` as `config show --json` prints them: numbers as numbers,
    flags as true or false."""
    typed: dict[str, object] = dict(settings)
    typed["fiscal_year_start"] = int(settings["fiscal_year_start"])
    typed["hijri"] = {"true": True, "false": False}[settings["hijri"]]
    return typed


# A valid value for every setting, none of them the default.
VALID = {
    "lang": "ar",
    "week_start": "sunday",
    "workdays": "sun-thu",
    "fiscal_year_start": "7",
    "timezone": "Asia/Riyadh",
    "user": "Mona",
}

HINTS = {
    "lang": "Hint: Language of titles and reports: en or ar. Example: csm config set lang ar",
    "week_start": "Hint: First day of the week for weekly items. "
    "Example: csm config set week_start sunday",
    "workdays": "Hint: Days the team works: a range such as sun-thu, or a list such as "
    "sun,mon,tue. Example: csm config set workdays sun-thu",
    "fiscal_year_start": "Hint: Month the fiscal year starts (1-12 or jan-dec); quarters align "
    "to it. Example: csm config set fiscal_year_start 7",
    "timezone": "Hint: IANA time zone that decides what 'today' is; empty: the system's. "
    "Example: csm config set timezone Asia/Riyadh",
    "user": "Hint: Name recorded with each event; empty: the login name. "
    "Example: csm config set user Mona",
    "people": "Hint: The logins of the people whose duties this log assigns (personal mode; "
    "a team's store knows its members). Example: csm config set people mona, ali, sara",
    "store": "Hint: Where the record is kept: empty, the log on this computer; a postgresql:// "
    "address, the team's shared record on that server (no password in it). "
    "Example: csm config set store postgresql:///csm?service=support",
}

NOT_A_WEEKDAY = "is not a weekday; use one of mon, tue, wed, thu, fri, sat, sun."

# setting, case, the YAML line (None: the line is left out), the error after
# "Cannot set SETTING: " (None: accepted), and the value then in force.
CASES = [
    ("lang", "wrong", "lang: fr", "'fr' is not a language csm speaks; use en or ar.", None),
    ("lang", "empty", 'lang: ""', "'' is not a language csm speaks; use en or ar.", None),
    ("lang", "missing", None, None, "en"),
    ("week_start", "wrong", "week_start: someday", f"'someday' {NOT_A_WEEKDAY}", None),
    ("week_start", "empty", 'week_start: ""', f"'' {NOT_A_WEEKDAY}", None),
    ("week_start", "missing", None, None, "monday"),
    ("workdays", "wrong", "workdays: mon-funday", f"'funday' {NOT_A_WEEKDAY}", None),
    (
        "workdays",
        "empty",
        'workdays: ""',
        "workdays is empty; name at least one day, e.g. mon-fri or sun-thu.",
        None,
    ),
    ("workdays", "missing", None, None, "mon-fri"),
    (
        "fiscal_year_start",
        "wrong",
        "fiscal_year_start: 13",
        "month 13 does not exist; use 1-12 or jan-dec.",
        None,
    ),
    (
        "fiscal_year_start",
        "empty",
        'fiscal_year_start: ""',
        "'' is not a month; use 1-12 or jan-dec.",
        None,
    ),
    ("fiscal_year_start", "missing", None, None, "1"),
    (
        "timezone",
        "wrong",
        "timezone: Mars/Olympus",
        "'Mars/Olympus' is not an IANA time zone; use a name such as Africa/Cairo or Asia/Riyadh.",
        None,
    ),
    # An empty zone is allowed: it means the system's zone.
    ("timezone", "empty", 'timezone: ""', None, ""),
    ("timezone", "missing", None, None, ""),
    ("user", "wrong", 'user: "Mona\\nAli"', "a user name is one line.", None),
    # An empty user is allowed: it means the login name.
    ("user", "empty", 'user: ""', None, ""),
    ("user", "missing", None, None, ""),
    (
        "store",
        "wrong",
        "store: mysql://db/csm",
        "the store is a postgresql:// address, or empty for the log on this computer.",
        None,
    ),
    (
        "store",
        "password",
        "store: postgresql://mona:pw@db/csm",
        "the address holds a password; keep passwords in ~/.pgpass or a service file, never in "
        "config.yaml.",
        None,
    ),
    # An empty store is allowed: it means the log on this computer.
    ("store", "empty", 'store: ""', None, ""),
    ("store", "missing", None, None, ""),
]


def _write_config(config_dir: Path, text: str) -> Path:
    config_dir.mkdir(parents=True, exist_ok=True)
    path = config_dir / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("key", "case", "line", "error", "in_force"),
    CASES,
    ids=[f"{key}-{case}" for key, case, *_ in CASES],
)
def test_each_setting_wrong_empty_or_missing(
    config_dir: Path, key: str, case: str, line: str | None, error: str | None, in_force: str
) -> None:
    # Every other setting holds a valid, non-default value, so a missing
    # setting's default is seen and a wrong one is the only error.
    lines = [f"{name}: {value}" for name, value in VALID.items() if name != key]
    if line is not None:
        lines.insert(0, line)
    path = _write_config(config_dir, "\n".join(lines) + "\n")
    before = path.read_bytes()
    result = run("config", "show", "--json")
    if error is None:
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
        assert json.loads(result.stdout) == shown({**DEFAULTS, **VALID, key: in_force})
    else:
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            f"Error: The config file {path}, line 1: Cannot set {key}: {error}",
            HINTS[key],
        ]
        # Every command refuses to run on a broken file, and none rewrites it.
        today = run("today", "--on", "2026-11-24")
        assert today.exit_code == 2
        assert today.stderr == result.stderr
        assert run("config", "set", "lang", "en").exit_code == 2
    assert path.read_bytes() == before


@pytest.mark.parametrize("key", list(SETTINGS))
def test_a_null_value_is_the_default(config_dir: Path, key: str) -> None:
    # `lang:` with nothing after it is YAML null: the same as leaving it out.
    _write_config(config_dir, f"{key}:\n")
    result = run("config", "show", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == shown(DEFAULTS)


def test_an_empty_or_missing_file_gives_every_default(config_dir: Path) -> None:
    assert load_settings(Paths(config_dir, config_dir, config_dir)) == Settings(
        source=config_dir / "config.yaml"
    )
    _write_config(config_dir, "# nothing set yet\n")
    assert load_settings(Paths(config_dir, config_dir, config_dir)).as_dict() == DEFAULTS


def test_the_defaults_are_those_the_settings_table_names() -> None:
    assert Settings().as_dict() == DEFAULTS
    assert {name: s.default for name, s in SETTINGS.items()} == DEFAULTS


def test_values_are_stored_in_their_canonical_form(config_dir: Path) -> None:
    _write_config(
        config_dir,
        'lang: " AR "\nweek_start: Sun\nworkdays: [sun, mon, tue, wed, thu]\n'
        'fiscal_year_start: " jul "\ntimezone: " Asia/Riyadh "\nuser: " Mona "\n',
    )
    assert json.loads(run("config", "show", "--json").stdout) == shown({**DEFAULTS, **VALID})


def test_a_list_of_names_is_joined() -> None:
    assert check_setting("user", config._as_text(["Mona", "Ali"])) == "Mona,Ali"
    assert config._as_text(("sun", "mon")) == "sun,mon"
    assert config._as_text(7) == "7"


def test_an_unknown_setting_in_the_file(config_dir: Path) -> None:
    path = _write_config(config_dir, "colour: red\n")
    result = run("config", "show")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: The config file {path}, line 1: There is no setting called 'colour'.",
        "Hint: Settings: lang, week_start, workdays, fiscal_year_start, timezone, user, region, "
        "hijri, store, people.",
    ]


def test_a_key_that_is_not_text_is_named_as_text(config_dir: Path) -> None:
    path = _write_config(config_dir, "1: en\n")
    result = run("config", "show")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"Error: The config file {path}, line 1: There is no setting called '1'."
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- lang\n- ar\n", "must be a mapping of settings, not a list."),
        ("just words\n", "must be a mapping of settings, not a single value."),
        ("42\n", "must be a mapping of settings, not a single value."),
    ],
)
def test_a_file_that_is_not_a_mapping(config_dir: Path, text: str, message: str) -> None:
    path = _write_config(config_dir, text)
    result = run("config", "show")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: The config file {path} {message}",
        "Hint: Write one `key: value` per line, e.g. `workdays: sun-thu`.",
    ]


def test_invalid_yaml_names_the_line(config_dir: Path) -> None:
    path = _write_config(config_dir, "lang: en\nworkdays: [sun, mon\nuser: Mona\n")
    result = run("config", "show")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: The config file {path}, line 3 is not valid YAML "
        "(did not find expected ',' or ']').",
        "Hint: Fix the line, or set values with `csm config set KEY VALUE`.",
    ]


def test_a_file_that_is_not_utf8(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    path = config_dir / "config.yaml"
    path.write_bytes(b"user: \xff\xfe\n")
    result = run("config", "show")
    assert result.exit_code == 2
    first, hint = result.stderr.splitlines()
    assert first == f"Error: {path}, line 1: the file is not UTF-8 text."
    assert hint == "Hint: Save it as UTF-8."


def test_a_config_file_that_is_a_folder(config_dir: Path) -> None:
    (config_dir / "config.yaml").mkdir(parents=True)
    result = run("config", "show")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: {config_dir / 'config.yaml'} is a folder, not a regular file;"
    )


def test_set_keeps_the_other_settings_in_their_order(config_dir: Path) -> None:
    path = _write_config(config_dir, "user: منى\nlang: ar\n")
    result = run("config", "set", "workdays", "sun,mon,tue,wed,thu")
    assert result.exit_code == 0
    assert result.stdout == f"workdays = sun-thu  ({path})\n"
    # Arabic stays readable, one setting a line, in the order it was written.
    assert path.read_text(encoding="utf-8") == "user: منى\nlang: ar\nworkdays: sun-thu\n"


def test_set_refuses_to_rewrite_a_broken_file(config_dir: Path) -> None:
    path = _write_config(config_dir, "lang: fr\nuser: Mona\n")
    result = run("config", "set", "user", "Ali")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: The config file {path}, line 1: Cannot set lang: ")
    assert path.read_text(encoding="utf-8") == "lang: fr\nuser: Mona\n"


def test_save_setting_returns_the_stored_form(config_dir: Path) -> None:
    paths = Paths(config_dir, config_dir, config_dir)
    assert config.save_setting(paths, "week_start", "SUN") == "sunday"
    assert load_settings(paths).week_start == "sunday"


def test_an_unknown_key_with_nothing_close() -> None:
    with pytest.raises(ConfigError) as caught:
        check_setting("zzz", "1")
    assert caught.value.message == "There is no setting called 'zzz'."
    assert (
        caught.value.hint
        == "Settings: lang, week_start, workdays, fiscal_year_start, timezone, user, region, "
        "hijri, store, people."
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("mon", "monday"),
        ("Tue", "tuesday"),
        ("wednesday", "wednesday"),
        ("thu", "thursday"),
        ("fri", "friday"),
        ("SAT", "saturday"),
        (" sun ", "sunday"),
    ],
)
def test_week_start_is_stored_as_the_full_day_name(text: str, day: str) -> None:
    assert check_setting("week_start", text) == day


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("lang", "Ar", "ar"),
        ("lang", " en ", "en"),
        ("workdays", "sun,mon,tue,wed,thu", "sun-thu"),
        ("fiscal_year_start", " jul ", "7"),
        ("fiscal_year_start", "12", "12"),
        ("timezone", "  ", ""),
        ("timezone", " Africa/Cairo ", "Africa/Cairo"),
        ("user", "  Mona  ", "Mona"),
        ("user", "", ""),
    ],
)
def test_check_setting_stores(key: str, value: str, stored: str) -> None:
    assert check_setting(key, value) == stored


def test_a_zone_given_as_a_file_path_is_refused() -> None:
    # ZoneInfo raises ValueError, not ZoneInfoNotFoundError, for an absolute path.
    with pytest.raises(ConfigError) as caught:
        check_setting("timezone", "/etc/localtime")
    assert caught.value.message == (
        "Cannot set timezone: '/etc/localtime' is not an IANA time zone; "
        "use a name such as Africa/Cairo or Asia/Riyadh."
    )


def test_the_calendar_follows_the_settings() -> None:
    settings = Settings(week_start="sunday", workdays="sun-thu", fiscal_year_start="7")
    assert settings.calendar == WorkCalendar(
        week_start=6, workdays=frozenset({6, 0, 1, 2, 3}), fiscal_year_start=7
    )
    assert Settings().calendar == WorkCalendar()


def test_user_name(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    assert Settings(user="Mona").user_name == "Mona"
    monkeypatch.setattr(getpass, "getuser", lambda: "mona.k")
    assert Settings().user_name == "mona.k"

    def no_login() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_login)
    assert Settings().user_name == "unknown"


def test_now_carries_the_zone_offset_to_the_second() -> None:
    riyadh = Settings(timezone="Asia/Riyadh").now()
    assert riyadh.utcoffset() == timedelta(hours=3)
    assert riyadh.microsecond == 0
    assert abs(riyadh - datetime.now().astimezone()) < timedelta(minutes=1)
    # conftest sets TZ=UTC: with no zone set, the system's is used.
    system = Settings().now()
    assert system.utcoffset() == timedelta(0)
    assert system.microsecond == 0


def test_paths_name_the_files(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "c", tmp_path / "d", tmp_path / "k")
    assert paths.config_file == tmp_path / "c" / "config.yaml"
    assert paths.checklists_dir == tmp_path / "c" / "checklists"
    assert paths.log_file == tmp_path / "d" / "log.sqlite3"


def test_resolve_paths_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("CSM_CONFIG_DIR", "~/conf")
    monkeypatch.setenv("CSM_DATA_DIR", "~/data")
    assert config.resolve_paths()[:2] == (tmp_path / "conf", tmp_path / "data")


@pytest.mark.parametrize(
    ("config_env", "data_env", "expected"),
    [
        (None, None, ("platform-config", "platform-data")),
        ("~/conf", None, ("~conf", "platform-data")),
        (None, "~/data", ("platform-config", "~data")),
        ("", "", ("platform-config", "platform-data")),
    ],
)
def test_resolve_paths_falls_back_to_the_platform_folders(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    config_env: str | None,
    data_env: str | None,
    expected: tuple[str, str],
) -> None:
    import platformdirs

    asked: list[tuple[str, object]] = []

    def user_config_dir(name: str, appauthor: object) -> str:
        asked.append((name, appauthor))
        return str(tmp_path / "platform-config")

    def user_data_dir(name: str, appauthor: object) -> str:
        asked.append((name, appauthor))
        return str(tmp_path / "platform-data")

    monkeypatch.setattr(platformdirs, "user_config_dir", user_config_dir)
    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
    monkeypatch.setenv("HOME", str(tmp_path))
    for name, value in (("CSM_CONFIG_DIR", config_env), ("CSM_DATA_DIR", data_env)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    paths = config.resolve_paths()
    # "~conf" stands for the expanded "~/conf".
    want = [tmp_path / e[1:] if e.startswith("~") else tmp_path / e for e in expected]
    assert paths[:2] == (want[0], want[1])
    assert all(a == ("csm-checklist", False) for a in asked)


def test_a_null_value_does_not_hide_the_settings_after_it(config_dir: Path) -> None:
    _write_config(config_dir, "lang:\nuser: Mona\ntimezone:\nworkdays: sun-thu\n")
    assert json.loads(run("config", "show", "--json").stdout) == shown(
        {**DEFAULTS, "user": "Mona", "workdays": "sun-thu"}
    )


def test_the_settings_table_for_the_readme() -> None:
    lines = config.settings_markdown().splitlines()
    assert lines[:3] == [
        "| setting | default | meaning | example |",
        "|---|---|---|---|",
        "| `lang` | `en` | Language of titles and reports: en or ar. | `ar` |",
    ]
    assert (
        "| `user` | (empty) | Name recorded with each event; empty: the login name. | `Mona` |"
    ) in lines
    assert len(lines) == 2 + len(SETTINGS)
    assert config.settings_markdown().endswith("|\n")
