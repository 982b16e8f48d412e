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

from csm_checklist import __version__
from csm_checklist.cli.failures import print_error, report_failure
from csm_checklist.cli.language import learn_afresh
from csm_checklist.cli.usage import CsmSubGroup, say_usage_error
from csm_checklist.messages import Msg

# What `csm --help` says of each command: one whole sentence each, where
# click would cut the first line of its help at the terminal's width.
SUMMARIES = {
    "today": Msg("help.summary.today"),
    "due": Msg("help.summary.due"),
    "done": Msg("help.summary.done"),
    "skip": Msg("help.summary.skip"),
    "undo": Msg("help.summary.undo"),
    "log": Msg("help.summary.log"),
    "note": Msg("help.summary.note"),
    "export": Msg("help.summary.export"),
    "import": Msg("help.summary.import"),
    "report": Msg("help.summary.report"),
    "list": Msg("help.summary.list"),
    "show": Msg("help.summary.show"),
    "calendar": Msg("help.summary.calendar"),
    "checklist": Msg("help.summary.checklist"),
    "config": Msg("help.summary.config"),
    "history": Msg("help.summary.history"),
    "off": Msg("help.summary.off"),
    "run": Msg("help.summary.run"),
    "measures": Msg("help.summary.measures"),
    "team": Msg("help.summary.team"),
    "assign": Msg("help.summary.assign"),
    "verify": Msg("help.summary.verify"),
}


class CsmGroup(CsmSubGroup):
    """Turns every `CsmError` raised by any command into one line on stderr,
    a hint, and the error's exit code; so too the errors of the system around
    it (a closed pipe, a full disk, a number or date out of range). Other
    exceptions are bugs: one line too, and the traceback only with CSM_DEBUG=1."""

    def get_params(self, ctx: Any) -> list[Any]:
        """click's options, with `--install-completion` saying what it did
        in the reader's language (typer's own callback speaks English)."""
        params: list[Any] = super().get_params(ctx)
        for param in params:
            if param.name == "install_completion":
                from csm_checklist.cli.commands.completion import install_completion

                param.callback = install_completion
        return params

    def summary(self, name: str, command: Any) -> str:
        """What `csm --help` says of a command: its one-sentence summary."""
        return SUMMARIES.get(name) or super().summary(name, command)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **kwargs: Any,
    ) -> Any:
        """click's main, but its usage errors are worded by csm (`usage.py`)."""
        learn_afresh()
        # A caller that runs the app more than once in one process (a script,
        # the tests) must not hear "already saved" for an earlier run's write.
        records = sys.modules.get("csm_checklist.store.records")
        if records is not None:
            records.COMMITS[0] = 0
        if os.environ.get(complete_var or "_CSM_COMPLETE") == "complete_bash":
            from csm_checklist.cli.commands.completion import complete_titles_as_words

            complete_titles_as_words()
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **kwargs)
        try:
            code = super().main(args, prog_name, complete_var, False, **kwargs)
        except typer.Abort:
            print_error(Msg("cli.aborted"), None)
            sys.exit(1)
        except Exception as exc:
            from csm_checklist.cli.clickcompat import is_click_exception

            if not is_click_exception(exc) or not hasattr(exc, "exit_code"):
                raise
            if hasattr(exc, "ctx"):
                say_usage_error(exc)
            else:
                print_error(exc.message, None)  # type: ignore[attr-defined]
            sys.exit(exc.exit_code)
        sys.exit(code if isinstance(code, int) else 0)

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
            from csm_checklist.cli.clickcompat import is_click_exception

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
        exc.message = Msg(  # type: ignore[attr-defined]
            "cli.slip", typed=typed, better=better, command=command
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
        help=Msg("help.version"),
    ),
) -> None:
    """Bare `csm` shows today's agenda, like `csm today`."""
    if ctx.invoked_subcommand is None:
        from csm_checklist.cli.commands.today_due import show_today

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
    "team": "team",
    "assign": "assign",
    "verify": "verify",
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
    "team",
    "assign",
    "verify",
)


def build_app(argv: Sequence[str] | None = None) -> typer.Typer:
    """The csm app: every command, or with `argv` only the one it runs.

    Help, completion, bare `csm --version` and unknown commands get every
    command, so their listings and suggestions stay complete.
    """
    app = typer.Typer(
        name="csm",
        cls=CsmGroup,
        help=Msg("help.csm"),
        pretty_exceptions_enable=False,
        add_completion=True,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback(invoke_without_command=True)(root)
    for name in _modules_for(argv):
        import_module(f".commands.{name}", __package__).register(app)
    # Help and usage errors in the reader's language (a few attribute sets).
    from csm_checklist.cli.usage import use_csm_help

    use_csm_help(app)
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
    # `csm_checklist.cli.app.app`, the full app, for tests and documentation tools.
    if name == "app":
        return build_app()
    raise AttributeError(name)
