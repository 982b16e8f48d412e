"""`csm import` from a file, a pipe or standard input, leaving no log behind
when it fails.

The source is read once. When there is no log yet, a failed or `--dry-run`
import must not leave a new, empty one: the source is then copied once into a
private temporary folder and imported into a scratch log there first; only a
real import that succeeded there creates the log and imports it again, from
the copy.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from csm_checklist.duties.config import Paths
from csm_checklist.exchange.formats import ImportSource, open_source
from csm_checklist.store import open_store

if TYPE_CHECKING:
    from csm_checklist.rules.history import Observed
    from csm_checklist.rules.work import ImportResult


def import_file(
    paths: Paths,
    source: Path | str,
    observed: Observed,
    today: date,
    now: datetime,
    *,
    dry_run: bool = False,
    declared: Mapping[str, Iterable[str]] | None = None,
) -> ImportResult:
    """Import the export at `source` (`-`: stdin) into the log (see
    `work.import_events`); with `dry_run`, report what a real import would."""
    from csm_checklist.rules.work import import_events

    if os.path.lexists(paths.log_file):
        with open_store(paths) as log:
            return import_events(
                log, ImportSource(source), observed, today, now, dry_run=dry_run, declared=declared
            )
    name = ImportSource(source).name
    with tempfile.TemporaryDirectory(prefix="csm-import-") as scratch_dir:
        copy = Path(scratch_dir) / "source"
        raw = open_source(source, name)
        try:
            with copy.open("wb") as out:
                shutil.copyfileobj(raw, out)
        finally:
            raw.close()  # standard input itself stays open
        scratch = Path(scratch_dir)
        scratch_paths = paths._replace(data_dir=scratch / "data", cache_dir=scratch / "cache")
        with open_store(scratch_paths) as scratch_log:
            result = import_events(
                scratch_log,
                ImportSource(copy, name),
                observed,
                today,
                now,
                dry_run=dry_run,
                declared=declared,
            )
        if dry_run:
            return result
        with open_store(paths) as log:
            return import_events(
                log, ImportSource(copy, name), observed, today, now, declared=declared
            )
