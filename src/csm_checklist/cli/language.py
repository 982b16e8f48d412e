"""The reader's language, for messages that arise before a command has read
the settings (a bad option, `--help`, a failure on the way in)."""

from __future__ import annotations

from csm_checklist import messages


def learn_afresh() -> None:
    """Start a run not knowing the reader's language, finding it on the first
    message that needs it (both ways into a command call this)."""
    messages.forget()
    messages.find_language_with(reader_lang)


def reader_lang() -> str:
    """The `lang` setting; English when the config cannot be read, as §9 of
    the design says, so the error about the config itself can be read."""
    if not messages.is_known():
        messages.use("en")  # until read, and if it cannot be
        try:
            from csm_checklist.duties.config import load_settings, resolve_paths

            messages.use(load_settings(resolve_paths()).lang)
        except Exception:  # any config csm cannot read
            pass
    return messages.current()
