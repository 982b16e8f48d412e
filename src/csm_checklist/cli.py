"""The `csm` command: parse options, call the core, hand results to render.

Rules live in the core modules; this file only wires the commands together and
is the one place where errors become messages and exit codes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Any

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import CsmError


class CsmGroup(TyperGroup):
    """Turns every `CsmError` raised by any command into one line on stderr,
    a hint, and the error's exit code. Other exceptions are bugs: one line too,
    and the traceback only with CSM_DEBUG=1."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CsmError as exc:
            if os.environ.get("CSM_DEBUG"):
                raise
            print_error(exc.message, exc.hint)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            from ._click import is_click_exception

            if is_click_exception(exc) or os.environ.get("CSM_DEBUG"):
                raise
            print_error(
                f"Unexpected error: {type(exc).__name__}: {exc}.",
                "Run again with CSM_DEBUG=1 to see the traceback, and report it.",
            )
            raise typer.Exit(1) from None


def print_error(message: str, hint: str | None) -> None:
    sys.stderr.write(f"Error: {message}\n")
    if hint:
        sys.stderr.write(f"Hint: {hint}\n")


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"csm {__version__}")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False,
        "--version",
        callback=_show_version,
        is_eager=True,
        help="Show csm's version and exit.",
    ),
) -> None:
    """Bare `csm` shows today's agenda, like `csm today`."""
    if ctx.invoked_subcommand is None:
        from .commands.agenda import today

        # Called directly with every value: typer's defaults are OptionInfo
        # objects that only its own parsing turns into values.
        today(on=None, show_all=False, json_output=False, as_logged=None, tag=None)


# Which module registers each command. A run loads only the module of the
# command it runs: importing the other five and having typer build their
# commands would cost every `csm today` about a tenth of its time.
COMMAND_MODULES = {
    "today": "agenda",
    "due": "agenda",
    "done": "events",
    "skip": "events",
    "undo": "events",
    "log": "events",
    "note": "notes",
    "export": "transfer",
    "import": "transfer",
    "report": "report",
    "list": "catalog",
    "checklist": "catalog",
    "config": "config",
    "history": "history",
    "show": "history",
    "off": "calendar",
    "calendar": "calendar",
    "run": "runs",
    "measures": "measures",
}
ALL_MODULES = (
    "agenda",
    "events",
    "notes",
    "transfer",
    "report",
    "catalog",
    "config",
    "history",
    "calendar",
    "runs",
    "measures",
)


def build_app(argv: Sequence[str] | None = None) -> typer.Typer:
    """The csm app: every command, or with `argv` only the one it runs.

    Help, completion, bare `csm --version` and unknown commands get every
    command, so their listings and suggestions stay complete.
    """
    app = typer.Typer(
        name="csm",
        cls=CsmGroup,
        help="The customer service manager's checklist: what is due today, what was done, "
        "and reports for any period.\n\nRun `csm` alone for today's agenda.",
        pretty_exceptions_enable=False,
        add_completion=True,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback(invoke_without_command=True)(root)
    for name in _modules_for(argv):
        import_module(f".commands.{name}", __package__).register(app)
    return app


def _modules_for(argv: Sequence[str] | None) -> Sequence[str]:
    if argv is None or os.environ.get("_CSM_COMPLETE"):
        return ALL_MODULES
    words = [arg for arg in argv if not arg.startswith("-")]
    if not words:
        # Bare `csm` is today; `csm --help` and `csm --version` list everything.
        return ("agenda",) if not argv else ALL_MODULES
    module = COMMAND_MODULES.get(words[0])
    return (module,) if module else ALL_MODULES


def __getattr__(name: str) -> typer.Typer:
    # `csm_checklist.cli.app`, the full app, for tests and documentation tools.
    if name == "app":
        return build_app()
    raise AttributeError(name)


def main() -> None:
    """Entry point of the `csm` console script."""
    build_app(sys.argv[1:])(prog_name="csm")
