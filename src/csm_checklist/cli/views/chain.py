"""The footer of a report or an export that names the log's hash chain.

Typer-free and rich-free: the plain forms of `csm report` load it.
"""

from __future__ import annotations

from csm_checklist.messages import t


def chain_footer(links: int, head: str, lang: str) -> str:
    """The footer line of a report or an export naming the log's chain: its
    count and head, and how to check a printed copy against the log later."""
    return t("chain.footer", lang, count=f"{links:,}", head=head, short=head[:8])


def chain_footer_text(links: int, head: str, lang: str) -> str:
    """The same for the terminal and plain text: two short lines, the head's
    first 16 hex digits (64 bits: `--head` takes any start of 8 or more)."""
    return (
        t("chain.footer_text", lang, count=f"{links:,}", head=head[:16])
        + "\n"
        + t("chain.footer_check", lang, short=head[:8])
    )
