"""The cache: JSON that reading can never run as code, in the user cache
folder, keyed on csm's code and its parser as well as the checklist files;
stale, corrupt, foreign and concurrent caches are only misses."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from csm_checklist.duties.checklists import load_catalog
from csm_checklist.duties.config import Paths, Settings, load_settings
from csm_checklist.store import cache

from clihelp import run
from faults import csm_env

TODAY = ["today", "--json", "--on", "2026-11-02"]


class Boom:
    """What a planted pickle does when loaded: leave a mark."""

    def __init__(self, mark: Path) -> None:
        self.mark = mark

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.mark}",))


def test_a_planted_pickle_is_never_loaded(tmp_path: Path, data_dir: Path) -> None:
    mark = tmp_path / "pwned"
    payload = pickle.dumps(Boom(mark))
    expected = run(*TODAY).stdout
    # The old cache in the data folder, and pickles under the new names.
    for folder, names in (
        (data_dir / "cache", ("catalog.pickle", "settings.pickle")),
        (tmp_path / "cache", ("catalog.json", "settings.json")),
    ):
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            (folder / name).write_bytes(payload)
    result = subprocess.run(
        [sys.executable, "-m", "csm_checklist", *TODAY], capture_output=True, env=csm_env()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == expected
    assert not mark.exists()
    # The planted files were misses, and are replaced by JSON.
    json.loads((tmp_path / "cache" / "catalog.json").read_text(encoding="utf-8"))


def test_the_cache_lives_in_the_cache_folder(tmp_path: Path, data_dir: Path) -> None:
    assert run(*TODAY).exit_code == 0
    names = {p.name for p in (tmp_path / "cache").iterdir()}
    assert {"catalog.json", "settings.json"} <= names
    assert not [name for name in names if name.endswith((".pickle", ".csm-partial"))]
    assert not (data_dir / "cache").exists()


def test_the_cache_folder_follows_the_platform_without_an_override(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import platformdirs

    from csm_checklist.duties.config import resolve_paths

    monkeypatch.delenv("CSM_CACHE_DIR")
    expected = Path(platformdirs.user_cache_dir("csm-checklist", appauthor=False))
    assert resolve_paths().cache_dir == expected


CORRUPT = {
    "empty": b"",
    "half written": b'{"key": [[',
    "not json": b"\x80\x04garbage",
    "a list": b"[1, 2, 3]",
    "an unknown record": b'{"key": null, "value": ["n", "Popen", "ls"]}',
}


@pytest.mark.parametrize("case", sorted(CORRUPT))
def test_a_corrupt_cache_is_a_miss_and_is_rewritten(case: str, tmp_path: Path) -> None:
    expected = run(*TODAY).stdout
    for name in ("catalog.json", "settings.json"):
        (tmp_path / "cache" / name).write_bytes(CORRUPT[case])
    result = run(*TODAY)
    assert result.exit_code == 0 and result.stdout == expected
    stored = json.loads((tmp_path / "cache" / "catalog.json").read_text(encoding="utf-8"))
    assert stored["key"] == [cache.code_stamp(), stored["key"][1]]


def test_a_forged_value_with_the_right_key_builds_only_known_records(tmp_path: Path) -> None:
    assert run(*TODAY).exit_code == 0
    path = tmp_path / "cache" / "settings.json"
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["value"] = ["n", "Popen", ["l", "touch", str(tmp_path / "pwned")]]
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert run(*TODAY).exit_code == 0
    assert not (tmp_path / "pwned").exists()


def test_a_changed_module_or_dependency_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def build() -> Settings:
        calls.append(1)
        return Settings(lang="ar")

    target = tmp_path / "cache" / "x.json"
    assert cache.cached(target, [], build) == Settings(lang="ar")
    assert cache.cached(target, [], build) == Settings(lang="ar")
    assert len(calls) == 1
    # An edit of a csm module or an upgrade of PyYAML changes the stamp.
    stamp = cache.code_stamp()
    monkeypatch.setattr(cache, "_STAMP", [[*stamp[:-1], ["yaml", "elsewhere", 1, 2]]])
    assert cache.cached(target, [], build) == Settings(lang="ar")
    assert len(calls) == 2


def test_the_stamp_covers_every_module_and_the_parser() -> None:
    stamp = cache.code_stamp()
    names = {mark[0] for mark in stamp[3:]}
    package = Path(cache.__file__).parents[1]
    modules = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    assert modules <= names
    assert {"yaml", "dateutil"} <= names


def test_an_edited_checklist_is_a_miss(config_dir: Path) -> None:
    assert run(*TODAY).exit_code == 0
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text("items:\n  - {id: monitor-accounts, enabled: false}\n")
    items = [entry["id"] for entry in json.loads(run(*TODAY).stdout)["items"]]
    assert "monitor-accounts" not in items


def test_encoding_round_trips_the_real_catalog_and_settings(config_dir: Path) -> None:
    catalog = load_catalog(None)
    assert cache.decode(json.loads(json.dumps(cache.encode(catalog)))) == catalog
    settings = load_settings(Paths(config_dir, config_dir, config_dir))
    assert cache.decode(json.loads(json.dumps(cache.encode(settings)))) == settings


def test_many_commands_filling_the_cache_at_once(tmp_path: Path) -> None:
    expected = run(*TODAY).stdout
    for path in (tmp_path / "cache").iterdir():
        path.unlink()
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "csm_checklist", *TODAY],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=csm_env(),
        )
        for _ in range(6)
    ]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert out.decode() == expected
    names = {p.name for p in (tmp_path / "cache").iterdir()}
    assert {"catalog.json", "settings.json"} <= names
    assert not [name for name in names if name.endswith(".csm-partial")]  # none left
    assert run(*TODAY).stdout == expected
