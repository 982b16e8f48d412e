"""The README's set-up steps and option docs, as a new user follows them."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _setup_block() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Set up") :]
    start = section.index("```sh\n") + len("```sh\n")
    return section[start : section.index("```", start)].splitlines()


def test_the_virtual_environment_comes_before_pip_install() -> None:
    # Debian's system Python refuses `pip install .` outside a virtual environment.
    lines = _setup_block()
    venv = next(i for i, line in enumerate(lines) if "python3 -m venv" in line)
    install = next(i for i, line in enumerate(lines) if line.startswith("pip install ."))
    assert venv < install
    assert lines[venv] == "python3 -m venv .venv && . .venv/bin/activate"
