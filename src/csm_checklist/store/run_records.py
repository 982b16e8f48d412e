"""The records of playbook runs and their step check-offs, whatever the
store's engine (records.py has the events', measure_records.py the measures').

Apart from records.py because `csm today` needs them only when a run is
open: each NamedTuple class costs a start-up a little.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple field whenever this module is loaded.

from datetime import datetime
from typing import NamedTuple


class RunRecord(NamedTuple):
    """One playbook run as stored: its copy of the playbook's steps as they
    were when it started (`steps`, canonical JSON text: {"title": {"en",
    "ar"}, "steps": [{"id", "title": {"en", "ar"}, "within"}]}), and its close."""

    uuid: str
    run_id: str  # what a manager types: "<playbook>-<start day>[-N]"
    playbook: str
    title: str  # the playbook's title when started, in the language of then
    name: str
    started_at: datetime
    steps: str
    started_by: str
    host: str
    closed_at: datetime | None = None
    close_note: str = ""
    forced: bool = False  # closed with steps still open


class StepEvent(NamedTuple):
    """One done or skip of one step of a run."""

    uuid: str
    run_id: str
    step_id: str
    kind: str  # "done" or "skip"
    logged_at: datetime
    by: str
    note: str
    host: str
    undone_at: datetime | None = None
