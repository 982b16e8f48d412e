"""`csm import`: events from an export into the log, all or nothing.

The records are checked as they stream into one transaction, so a bad one
leaves the log as it was. When there is no log yet, a failed or `--dry-run`
import must not leave a new empty one behind: the records go into a scratch
log in a temporary folder first, and only a real import that succeeded
creates the log and copies them over.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .config import Paths
from .formats import read_events
from .log import EventLog


def import_events(paths: Paths, source: Path | str, *, dry_run: bool = False) -> tuple[int, int]:
    """Merge the export at `source` (`-`: stdin) into the log.

    Returns (added, already present); with `dry_run` what a real import would
    report, and nothing is written anywhere csm keeps its files.
    """
    events = read_events(source)
    if os.path.lexists(paths.log_file):
        with EventLog.open(paths.log_file, sound_marker=paths.log_checked) as log:
            return log.merge(events, dry_run=dry_run)
    with (
        tempfile.TemporaryDirectory(prefix="csm-import-") as scratch_dir,
        EventLog.open(Path(scratch_dir) / "scratch.sqlite3") as scratch,
    ):
        counts = scratch.merge(events)
        if dry_run:
            return counts
        with EventLog.open(paths.log_file, sound_marker=paths.log_checked) as log:
            return log.merge(scratch.events(newest_first=False))
