"""The `csm` command: parse options, call the core, hand results to render.

Rules live in the core modules; this file only wires the commands together and
hands every error a command raises to `failures.report_failure`, which turns
it into a message and an exit code. Runs start in `entry.main`.
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
from .entry import main as main  # the console script of installs made before entry.py
from .failures import report_failure

# What `csm --help` says of each command: one whole sentence each, where
# click would cut the first line of its help at the terminal's width.
SUMMARIES = {
    "today": "What needs doing today, what was missed, and progress.",
    "due": "What is due or overdue, or a whole week, month or quarter.",
    "done": "Log items as done, for today or another day.",
    "skip": "Log items as skipped, with the reason.",
    "undo": "Mark the latest entry undone; nothing is deleted.",
    "log": "The entries logged, newest day first.",
    "note": "Correct the note of an entry already logged.",
    "export": "Write the log as csv, json, jsonl or Markdown.",
    "import": "Read entries back from a csv, json or jsonl export.",
    "report": "How the duties went over a week, month, quarter or year.",
    "list": "The checklist: every item, its cadence and due rule.",
    "show": "One item: its rule, tracking, status and entries.",
    "calendar": "Due dates as an iCalendar file for Outlook or Google.",
    "checklist": "Check the checklist files, or copy them to edit.",
    "config": "Show and change settings; where csm keeps its files.",
    "history": "When tracking began, and every change to the rules.",
    "off": "Days off: public holidays, leave and closures.",
    "run": "Playbooks for when something happens: start, list, close.",
    "measures": "The numbers recorded with entries, such as satisfaction.",
}


class CsmGroup(TyperGroup):
    """Turns every `CsmError` raised by any command into one line on stderr,
    a hint, and the error's exit code; so too the errors of the system around
    it (a closed pipe, a full disk, a number or date out of range). Other
    exceptions are bugs: one line too, and the traceback only with CSM_DEBUG=1."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list of `csm --help`, each with its whole summary."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, SUMMARIES.get(name) or command.get_short_help_str(80)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:
                # What is still buffered fails here, not in Python's exit.
                if sys.stdout is not None:
                    sys.stdout.flush()
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            from ._click import is_click_exception

            if is_click_exception(exc):
                _point_at_the_right_option(exc, ctx.invoked_subcommand)
                raise
            if os.environ.get("CSM_DEBUG"):
                raise
            raise typer.Exit(report_failure(exc)) from None


# Options people reach for that csm spells another way: (command, what was
# typed) -> what to type instead.
SLIPS = {
    ("report", "--json"): "--format json",
    ("report", "--md"): "--format md",
    ("report", "--markdown"): "--format md",
    ("export", "--json"): "--format json",
    ("export", "--csv"): "--format csv",
    ("export", "--jsonl"): "--format jsonl",
    ("export", "--md"): "--format md",
    ("today", "--date"): "--on DATE",
    ("due", "--date"): "--on DATE",
    ("done", "--date"): "--on DATE",
    ("skip", "--date"): "--on DATE",
    ("report", "--date"): "--on DATE",
    ("skip", "--note"): "--reason TEXT",
    ("done", "--reason"): "--note TEXT",
}


def _point_at_the_right_option(exc: Exception, command: str | None) -> None:
    """Add the right spelling to click's "No such option" for a common slip."""
    if type(exc).__name__ != "NoSuchOption" or command is None:
        return
    typed = getattr(exc, "option_name", "")
    better = SLIPS.get((command, typed))
    if better is not None:
        exc.message = (  # type: ignore[attr-defined]
            f"No such option: {typed}. Use {better} instead, e.g. csm {command} {better}."
        )
        exc.possibilities = None  # type: ignore[attr-defined]  # what we said is better


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
        from .commands.today_due import show_today

        show_today(on=None, show_all=False, json_output=False, as_logged=None, tag=None)


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
