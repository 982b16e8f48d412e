"""What owners and rotations cost `csm today`: whole processes, as a manager
runs them.

Two configurations on one log tracked for ten years (`csm history start`):
no owners (the morning path skips every owner step), and a rotation of
three people on every item of the built-in checklist (turns counted over
ten years of expected periods). Prints the median of the runs after a
warm-up. No timing is asserted anywhere in the test suite.

    python bench/owners.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from csm_checklist.duties.checklists import load_catalog


def _csm(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "csm_checklist", *args],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _time(env: dict[str, str], runs: int) -> float:
    _csm(env, "today")
    _csm(env, "today")
    found = []
    for _ in range(runs):
        began = time.perf_counter()
        _csm(env, "today")
        found.append(time.perf_counter() - began)
    return statistics.median(found) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    start = date.today().replace(year=date.today().year - 10).isoformat()
    with tempfile.TemporaryDirectory(prefix="csm-owners.") as root:
        results = {}
        for name in ("no owners", "a rotation on every item"):
            folder = Path(root) / name.replace(" ", "-")
            env = dict(
                os.environ,
                CSM_CONFIG_DIR=str(folder / "config"),
                CSM_DATA_DIR=str(folder / "data"),
                CSM_CACHE_DIR=str(folder / "cache"),
            )
            _csm(env, "config", "set", "people", "mona, ali, sara")
            if name != "no owners":
                lines = ["items:"]
                for item in load_catalog(None).enabled_items():
                    lines += [f"  - id: {item.id}", "    rotate: [mona, ali, sara]"]
                (folder / "config" / "checklists").mkdir(parents=True)
                text = "\n".join(lines) + "\n"
                (folder / "config" / "checklists" / "owners.yaml").write_text(text)
            _csm(env, "history", "start", start)
            results[name] = _time(env, runs)
        for name, median in results.items():
            print(f"csm today, ten years tracked, {name:26} median {median:6.0f} ms")


if __name__ == "__main__":
    main()
