"""Built-in packs: extra sets of built-in checklists, off until a manager
switches them on (`csm checklist enable role`).

Which packs are on is one line each in `<config dir>/packs`, a plain text
file so that the morning `csm today` reads it without a parser. A pack's
items join the catalog from the day it is switched on, and the history
records that as a revision, like any other change of the checklists:
switching it off again leaves every past report as it was.
"""

from __future__ import annotations

from pathlib import Path

from csm_checklist.duties.catalog import builtin_dir, builtin_files
from csm_checklist.duties.config import PACKS_FILE
from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg

# Each pack: its folder under the built-in checklists, and what it holds.
PACKS = {
    "role": Msg("core.pack_role"),
}


def packs_file(config_dir: Path) -> Path:
    return config_dir / PACKS_FILE


def enabled_packs(config_dir: Path) -> list[str]:
    """The packs switched on, in the order of PACKS.

    The file is read strictly: a name that is not a pack, or a file that
    cannot be read, stops csm (exit 2) with the file and line, since reading
    past it would quietly drop the pack's duties from the history.
    """
    from csm_checklist.reading import read_text

    path = packs_file(config_dir)
    try:
        text = read_text(path)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise BadInput(
            Msg("errors.checklist_unreadable", path=path, reason=exc.strerror or exc),
            hint=Msg("errors.packs_file_hint"),
        ) from None
    words: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        for word in line.split("#", 1)[0].split():
            if word not in PACKS:
                raise BadInput(
                    Msg("errors.packs_file_unknown", path=path, line=number, name=word),
                    hint=Msg("errors.packs_file_hint"),
                )
            words.add(word)
    return [name for name in PACKS if name in words]


def pack_files(config_dir: Path, builtin: Path | None = None) -> list[Path]:
    """The checklist files of every pack switched on."""
    folder = builtin or builtin_dir()
    return [path for name in enabled_packs(config_dir) for path in builtin_files(folder / name)]


def pack_area_titles(lang: str) -> dict[str, str]:
    """The titles of every pack's own areas, switched on or not: a report of
    a time when a pack was on names its areas after it is switched off."""
    from csm_checklist.duties.checklists import load_catalog

    folder = builtin_dir()
    files = [path for name in PACKS for path in builtin_files(folder / name)]
    catalog = load_catalog(None, packs=files)
    return {area_id: area.title.get(lang) for area_id, area in catalog.areas.items()}


def check_pack(name: str) -> str:
    key = name.strip().lower()
    if key not in PACKS:
        listed: list[Msg] = [
            Msg("errors.pack_entry", name=k, description=v) for k, v in PACKS.items()
        ]
        packs = listed[0]
        for entry in listed[1:]:  # nested, so that each says itself in the reader's language
            packs = Msg("errors.comma_join", first=packs, second=entry)
        raise BadInput(
            Msg("errors.no_such_pack", name=name),
            hint=Msg("errors.packs_list", packs=packs),
        )
    return key


def set_pack(config_dir: Path, name: str, on: bool) -> bool:
    """Switch pack `name` on or off; False when it already was."""
    from csm_checklist.atomic import write_text_atomically
    from csm_checklist.locks import settings_lock

    key = check_pack(name)
    enabled_packs(config_dir)  # a broken file is refused before the lock file is made
    with settings_lock(config_dir):
        current = enabled_packs(config_dir)
        if (key in current) == on:
            return False
        wanted = [p for p in PACKS if (p in current and p != key) or (p == key and on)]
        write_text_atomically(
            packs_file(config_dir),
            "# Built-in packs switched on (csm checklist enable|disable NAME).\n"
            + "".join(f"{p}\n" for p in wanted),
        )
    return True
