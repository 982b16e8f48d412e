"""Concurrent `csm config set` never lose each other's values: each reads,
changes and writes config.yaml under one lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from faults import csm_env

SETTINGS = {
    "lang": "ar",
    "week_start": "sunday",
    "workdays": "sun-thu",
    "fiscal_year_start": "7",
    "timezone": "Asia/Riyadh",
    "user": "Mona",
}


def test_six_at_once_keep_all_six(config_dir: Path) -> None:
    for _round in range(3):  # a lost update shows up within a few rounds
        if config_dir.exists():
            for path in config_dir.iterdir():
                path.unlink()
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "csm_checklist", "config", "set", key, value],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=csm_env(),
            )
            for key, value in SETTINGS.items()
        ]
        for process in processes:
            _out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
        stored = yaml.safe_load((config_dir / "config.yaml").read_text(encoding="utf-8"))
        assert stored == SETTINGS
