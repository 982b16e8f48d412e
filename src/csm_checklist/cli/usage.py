"""`--help` and the errors of typing a command, in the reader's language.

click lays out help and words its parse errors ("No such option", "Missing
argument") in English, with no catalog to hook into. So every csm command
gets a context whose help formatter says the headings, the usage prefix and
each help text from csm's own catalog, and `say_usage_error` words click's
errors from the same catalog; the layout itself stays click's.

Help texts are declared in English (`help=Msg("help.…")`); the formatter finds
the Arabic by the English, because click passes help on as plain text.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from typer.core import TyperCommand, TyperGroup

from csm_checklist.cli.language import reader_lang
from csm_checklist.messages import Msg, t

# click's classes, whether typer carries its own click (0.28) or uses click.
_Context: Any = TyperCommand.context_class


_ARABIC_HELP: dict[str, str] = {}


def arabic_help(english: str) -> str | None:
    """The Arabic of a help text, found by its English; None if it has none."""
    if not _ARABIC_HELP:
        from csm_checklist.messages import help

        _ARABIC_HELP.update({" ".join(en.split()): ar for en, ar in help.MESSAGES.values()})
    return _ARABIC_HELP.get(" ".join(english.split()))


# What click and typer add after an option's help: "[default: month]",
# "[required]", "[x>=0]". Patterns here are compiled on first use (re caches
# them): most runs never show help or a usage error.
_NOTES = r"(?:\s+\[[^\]]*\])+$"
_NOTE = r"\[(default|required|env var)(?::\s*([^\]]*))?\]"


def help_text(text: str, lang: str) -> str:
    """A help text as click shows it, in `lang`: the help itself, then its
    notes such as "[default: …]" and "[required]"."""
    if lang != "ar" or not text:
        return text
    match = re.search(_NOTES, text)
    body, notes = (text[: match.start()], text[match.start() :]) if match else (text, "")
    said = arabic_help(body) or body
    for note in re.findall(r"\[[^\]]*\]", notes):
        known = re.fullmatch(_NOTE, note)
        if known:
            kind, value = known.group(1), known.group(2)
            note = "[" + t(f"cli.note_{kind.replace(' ', '_')}", lang, value=value or "") + "]"
        said += "  " + note
    return said


_REQUIRED_ARG = re.compile(r"\{([A-Z][A-Z0-9_/]*)\}")


class CsmHelpFormatter(_Context.formatter_class):  # type: ignore[misc]
    """click's help layout, with every word csm says in the reader's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        # typer 0.28 writes a required argument as `{ITEM}`, which reads like
        # a set of choices; the convention of man pages and of click itself
        # is the bare name, with brackets only for what may be left out.
        args = _REQUIRED_ARG.sub(r"\1", args)
        super().write_usage(prog, args, prefix=t("cli.usage", reader_lang()) + " ")

    def write_heading(self, heading: str) -> None:
        key = {"Options": "options", "Arguments": "arguments", "Commands": "commands"}
        word = key.get(heading)
        super().write_heading(t(f"cli.heading_{word}", reader_lang()) if word else heading)

    def write_text(self, text: str) -> None:
        super().write_text(help_text(text, reader_lang()))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        lang = reader_lang()
        said = [(term, help_text(text, lang)) for term, text in rows]
        super().write_dl(said, col_max, col_spacing)


class CsmContext(_Context):  # type: ignore[misc]
    formatter_class = CsmHelpFormatter


class CsmCommand(TyperCommand):
    context_class = CsmContext


class CsmSubGroup(TyperGroup):
    context_class = CsmContext

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Each command with a whole sentence (`summary`), where click would
        cut its help mid-sentence at the terminal's width."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, self.summary(name, command)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def summary(self, name: str, command: Any) -> str:
        """The first sentence of a command's help, in the reader's language."""
        return first_sentence(help_text(command.help or "", reader_lang()))


def first_sentence(text: str) -> str:
    """The first sentence of a help text, whole."""
    paragraph = " ".join(text.split("\n\n")[0].split())
    end = paragraph.find(". ")
    return paragraph if end < 0 else paragraph[: end + 1]


def use_csm_help(app: Any) -> None:
    """Give every command and group of a typer app csm's help formatter."""
    for command in app.registered_commands:
        if command.cls in (None, TyperCommand):
            command.cls = CsmCommand
    for group in app.registered_groups:
        # typer keeps unset options as DefaultPlaceholder objects.
        sub = group.typer_instance
        if not isinstance(group.cls, type) and not isinstance(sub.info.cls, type):
            group.cls = CsmSubGroup
        use_csm_help(sub)


# click's own sentences, as it words them, and the catalog's id for each.
_CLICK_SENTENCES = (
    (r"^No such option: (?P<name>\S+)$", "cli.no_such_option"),
    (r"^No such command '(?P<name>.*)'\.$", "cli.no_such_command"),
    (r"^Missing command\.$", "cli.missing_command"),
    (r"^Option '(?P<name>[^']+)' requires an argument\.$", "cli.needs_value"),
    (
        r"^Option '(?P<name>[^']+)' requires (?P<count>\d+) arguments\.$",
        "cli.needs_values",
    ),
    (r"^Option '(?P<name>[^']+)' does not take a value\.$", "cli.takes_no_value"),
    (r"^Got unexpected extra arguments? \((?P<args>.*)\)$", "cli.extra_arguments"),
    (r"^(?P<value>'.*') is not a valid [a-z ]+\.$", "cli.not_a_number"),
    (r"^(?P<value>\S+) is not in the range (?P<range>.+)\.$", "cli.out_of_range"),
    (r"^(?P<value>'.*') is not one of (?P<choices>.+)\.$", "cli.not_a_choice"),
)


def click_sentence(text: str, lang: str) -> str:
    """One of click's sentences in `lang` (as it is when csm has no wording)."""
    if isinstance(text, Msg):
        return text.text(lang)
    if lang == "en":
        return text
    for pattern, message_id in _CLICK_SENTENCES:
        match = re.match(pattern, text)
        if match:
            return t(message_id, lang, **match.groupdict())
    return text


def usage_error_text(exc: Any, lang: str) -> str:
    """What went wrong in a click usage error, in `lang`."""
    name = type(exc).__name__
    if name == "MissingParameter":
        param = exc.param
        hint = param.get_error_hint(exc.ctx) if param is not None else ""
        kind = "argument" if getattr(param, "param_type_name", "") == "argument" else "option"
        return t(f"cli.missing_{kind}", lang, name=hint)
    if hasattr(exc, "param_hint"):  # BadParameter and its kind
        param = getattr(exc, "param", None)
        hint = exc.param_hint or (param.get_error_hint(exc.ctx) if param is not None else None)
        problem = click_sentence(exc.message, lang)
        if not hint:
            return t("cli.invalid_value", lang, problem=problem)
        hint = hint if isinstance(hint, str) else " / ".join(hint)
        return t("cli.invalid_value_for", lang, name=hint, problem=problem)
    text = click_sentence(exc.message, lang)
    possibilities = getattr(exc, "possibilities", None)
    if possibilities:
        text += " " + t("cli.possible_options", lang, options=", ".join(sorted(possibilities)))
    return text


def say_usage_error(exc: Any) -> None:
    """Show a click usage error as click does (usage, where to find help, the
    error), in the reader's language."""
    from csm_checklist.cli.views.safe import one_line

    lang = reader_lang()
    stream = sys.stderr
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        stream.write(ctx.get_help() + "\n")
        return
    if ctx is not None:
        stream.write(ctx.get_usage() + "\n")
        if ctx.command.get_help_option(ctx) is not None:
            option = ctx.help_option_names[0]
            stream.write(t("cli.try_help", lang, command=ctx.command_path, option=option) + "\n")
        stream.write("\n")
    message = usage_error_text(exc, lang)
    stream.write(t("cli.error_line", lang, message=one_line(message)) + "\n")
