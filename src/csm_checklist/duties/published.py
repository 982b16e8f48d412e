"""The team's published checklists: what a lead publishes (`csm team publish`)
and what every member's csm then uses instead of their own files.

A published set is one JSON document: the text of every checklist file that
makes the lead's catalog (the built-in files, the packs switched on and the
lead's own files, each as it was loaded and validated), the text of
days-off.yaml, and the settings that decide schedules. Files are kept whole,
so whatever a checklist holds (fields this version of csm may not know yet)
reaches every member unchanged, and is read by the same loader as a file on
this computer.

A member keeps each revision they used in csm's cache folder, written out as
files (`materialize`): each command then costs one look at the number of the
latest revision, and the catalog cache works on those files as on one's own.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from csm_checklist.duties.config import DAYS_OFF_FILE, Paths, Settings

FORMAT = 1
# The settings that belong to the team once it publishes; the others (lang,
# hijri, user, region, store) stay each person's own.
TEAM_SETTINGS = ("week_start", "workdays", "fiscal_year_start", "timezone")
_META = "published.json"


class Published(NamedTuple):
    """One revision of the team's checklists, written out on this computer."""

    number: int
    folder: Path
    settings: dict[str, str]
    name: str  # who published it (their name on the team, else their login)
    at: str  # when, "YYYY-MM-DD HH:MM+HH:MM"

    @property
    def builtin_dir(self) -> Path:
        return self.folder / "builtin"

    @property
    def checklists_dir(self) -> Path:
        return self.folder / "checklists"

    @property
    def days_off_file(self) -> Path:
        return self.folder / DAYS_OFF_FILE

    def pack_files(self) -> list[Path]:
        names = self._meta().get("packs", [])
        return [self.folder / "packs" / str(name) for name in names]

    def _meta(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.folder / _META).read_text(encoding="utf-8"))
        return data


def moment_text(moment: datetime, zone: str) -> str:
    """A server's moment as people read it: "2026-11-23 09:30+03:00", in
    the time zone `zone` (the system's when empty)."""
    if zone:
        from zoneinfo import ZoneInfo

        moment = moment.astimezone(ZoneInfo(zone))
    else:
        moment = moment.astimezone()
    text = moment.strftime("%Y-%m-%d %H:%M%z")
    return f"{text[:-2]}:{text[-2:]}"


def server_key(address: str) -> str:
    """A short name for the team's server, for folders on this computer."""
    return f"{zlib.crc32(address.encode('utf-8', 'surrogateescape')):08x}"


def collect(
    paths: Paths, settings: Settings, builtin: list[Path], packs: list[Path]
) -> dict[str, Any]:
    """The document of this computer's set: call once the catalog loaded."""
    from csm_checklist.duties.catalog import checklist_files
    from csm_checklist.reading import read_text

    files: list[dict[str, str]] = []
    for path in builtin:
        files.append({"kind": "builtin", "name": path.name, "text": read_text(path)})
    for path in packs:
        name = f"{path.parent.name}/{path.name}"
        files.append({"kind": "pack", "name": name, "text": read_text(path)})
    for path in checklist_files(paths.checklists_dir):
        files.append({"kind": "user", "name": path.name, "text": read_text(path)})
    days_off = read_text(paths.days_off_file) if paths.days_off_file.exists() else None
    return {
        "format": FORMAT,
        "settings": {name: str(getattr(settings, name)) for name in TEAM_SETTINGS},
        "files": files,
        "days_off": days_off,
    }


def content_text(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def revision_folder(cache_dir: Path, address: str, number: int) -> Path:
    return cache_dir / "team" / server_key(address) / str(number)


def load(folder: Path, number: int) -> Published | None:
    """Revision `number` as written out in `folder`; None when it is not (whole)."""
    try:
        meta = json.loads((folder / _META).read_text(encoding="utf-8"))
        return Published(number, folder, dict(meta["settings"]), str(meta["name"]), str(meta["at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _safe_name(name: str) -> str:
    parts = name.split("/")
    if not 1 <= len(parts) <= 2 or any(p in ("", ".", "..") or "\\" in p for p in parts):
        raise ValueError(f"not a checklist file name: {name!r}")
    return name


def materialize(folder: Path, number: int, content: str, name: str, at: str) -> Published:
    """Write revision `number` out as files in `folder`, whole or not at all
    (a temporary folder renamed into place, the record of it written last)."""
    import shutil

    document = checked(content, number)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.with_name(f".{folder.name}.{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    packs: list[str] = []
    try:
        for entry in document.get("files", []):
            kind = entry["kind"]
            where = {"builtin": "builtin", "pack": "packs", "user": "checklists"}[kind]
            relative = _safe_name(str(entry["name"]))
            target = tmp / where / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(str(entry["text"]), encoding="utf-8")
            if kind == "pack":
                packs.append(relative)
        (tmp / "builtin").mkdir(parents=True, exist_ok=True)
        (tmp / "checklists").mkdir(parents=True, exist_ok=True)
        if document.get("days_off") is not None:
            (tmp / DAYS_OFF_FILE).write_text(str(document["days_off"]), encoding="utf-8")
        meta = {
            "settings": {k: str(v) for k, v in dict(document.get("settings", {})).items()},
            "packs": packs,
            "name": name,
            "at": at,
        }
        (tmp / _META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        try:
            os.rename(tmp, folder)
        except OSError:
            # Another csm wrote the same revision first: it is the same.
            if load(folder, number) is None:
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    found = load(folder, number)
    assert found is not None
    _prune(folder.parent, number)
    return found


def _prune(parent: Path, number: int) -> None:
    """Leave this revision and the one before it (a command started a moment
    ago may still be reading it); older ones are never used again."""
    with contextlib.suppress(OSError):
        for entry in parent.iterdir():
            if entry.name.isdigit() and int(entry.name) < number - 1:
                import shutil

                shutil.rmtree(entry, ignore_errors=True)


_KINDS = ("builtin", "pack", "user")


def checked(content: str, number: int) -> dict[str, Any]:
    """The document of revision `number`, every part checked before any is
    written out; LogError in one line for one this csm cannot use."""
    from csm_checklist.errors import LogError
    from csm_checklist.messages import Msg

    try:
        document = json.loads(content)
        if not isinstance(document, dict):
            raise ValueError("not a JSON object")
        if int(document.get("format", 0)) > FORMAT:
            raise LogError(Msg("publish.newer_format", number=number), hint=Msg("team.newer_hint"))
        from csm_checklist.duties.config import SETTINGS

        for name, value in dict(document.get("settings", {})).items():
            if name not in TEAM_SETTINGS or not isinstance(value, str):
                raise ValueError(f"setting {name}")
            if value:
                SETTINGS[name].check(value)
        for entry in document.get("files", []):
            if entry["kind"] not in _KINDS or not isinstance(entry["text"], str):
                raise ValueError(f"file {entry.get('name')}")
            _safe_name(str(entry["name"]))
        if not isinstance(document.get("days_off"), (str, type(None))):
            raise ValueError("days_off")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        said = exc.args[0] if exc.args else ""
        reason = said if isinstance(said, Msg) else (str(exc).rstrip(".") or "?")
        raise LogError(
            Msg("publish.unusable", number=number, reason=reason),
            hint=Msg("publish.unusable_hint"),
        ) from exc
    return document


def base_file(data_dir: Path, address: str) -> Path:
    """Where a lead's csm keeps the revision it last published or based on."""
    return data_dir / "team" / f"{server_key(address)}.json"


def read_base(data_dir: Path, address: str) -> int | None:
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        data = json.loads(base_file(data_dir, address).read_text(encoding="utf-8"))
        return int(data["base"])
    return None


def write_base(data_dir: Path, address: str, number: int) -> None:
    from csm_checklist.atomic import write_text_atomically

    path = base_file(data_dir, address)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, json.dumps({"base": number}) + "\n")


class Changes(NamedTuple):
    """What publishing would change, item by item and setting by setting."""

    added: list[str]
    removed: list[str]
    changed: list[str]
    settings: list[tuple[str, str, str]]  # name, old, new
    days_off: bool  # days-off.yaml differs

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.settings or self.days_off)


def compare(old: dict[str, Any] | None, new: dict[str, Any], scratch: Path) -> Changes:
    """What changes from the document `old` (None: nothing published) to `new`,
    each loaded as a member would load it."""
    old_items = _items(old, scratch / "old") if old is not None else {}
    new_items = _items(new, scratch / "new")
    added = [i for i in new_items if i not in old_items]
    removed = [i for i in old_items if i not in new_items]
    changed = [i for i in new_items if i in old_items and new_items[i] != old_items[i]]
    before = dict(old.get("settings", {})) if old is not None else {}
    settings = [
        (name, str(before.get(name, "")), str(value))
        for name, value in dict(new.get("settings", {})).items()
        if old is not None and str(before.get(name, "")) != str(value)
    ]
    days_off = (old.get("days_off") if old is not None else None) != new.get("days_off")
    return Changes(added, removed, changed, settings, days_off)


def _items(document: dict[str, Any], folder: Path) -> dict[str, Any]:
    from csm_checklist.duties.checklists import load_catalog

    published = materialize(folder, 0, content_text(document), "", "")
    catalog = load_catalog(
        published.checklists_dir, builtin=published.builtin_dir, packs=published.pack_files()
    )
    return {
        item_id: item._replace(source=Path(), line=0) for item_id, item in catalog.items.items()
    }
