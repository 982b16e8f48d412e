"""`csm verify [--head H]`: check the log against its hash chain, and a
printed report's footer against the log."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from csm_checklist.cli.commands.common import Env
from csm_checklist.cli.views.safe import echo
from csm_checklist.errors import BadInput
from csm_checklist.messages import Msg

if TYPE_CHECKING:
    from csm_checklist.store.chain import Verdict

WHATS = {
    "chain.what.entry.changed",
    "chain.what.entry.missing",
    "chain.what.entry.unchained",
    "chain.what.undo.changed",
    "chain.what.undo.missing",
    "chain.what.note.changed",
    "chain.what.note.missing",
    "chain.what.note.unchained",
}


def verify(
    head: str | None = typer.Option(None, "--head", help=Msg("help.verify.head"), metavar="H"),
    json_output: bool = typer.Option(False, "--json", help=Msg("help.verify.json")),
) -> None:
    """Check the log against its hash chain."""
    from csm_checklist.store.chain import MIN_HEAD_PREFIX

    want = None
    if head is not None:
        want = head.strip().lower()
        if len(want) < MIN_HEAD_PREFIX or any(c not in "0123456789abcdef" for c in want):
            raise BadInput(
                Msg("chain.bad_head", count=MIN_HEAD_PREFIX, text=head),
                hint=Msg("chain.bad_head_hint"),
            )
    env = Env.load()
    with env.open_log() as log:
        verdict = log.verify_chain(want)
        total, _ = log.chain_head()
    if json_output:
        from csm_checklist.cli.views.safe import json_text

        broken = verdict.broken
        echo(
            json_text(
                {
                    "ok": broken is None and (want is None or verdict.matched_at is not None),
                    "count": total,
                    "verified": verdict.verified,
                    "head": verdict.head,
                    "broken": None
                    if broken is None
                    else {
                        "link": broken.seq,
                        "kind": broken.link,
                        "reason": broken.reason,
                        "uuid": broken.uuid,
                        "item": broken.item_id,
                        "period": broken.period,
                    },
                    "asked": want,
                    "matched_at": verdict.matched_at,
                    "matched_head": verdict.matched_head or None,
                }
            )
        )
    else:
        _say(verdict, want, total)
    if verdict.broken is not None or (want is not None and verdict.matched_at is None):
        raise typer.Exit(1)


def _say(verdict: Verdict, want: str | None, total: int) -> None:
    broken = verdict.broken
    if broken is not None:
        kind = "note" if broken.link == "note-trail" else broken.link
        key = f"chain.what.{kind}.{broken.reason}"
        what = Msg(
            key if key in WHATS and broken.uuid else "chain.what.link.missing",
            item=broken.item_id,
            period=broken.period,
            uuid=broken.uuid[:8],
        )
        if broken.reason == "unchained" or not broken.seq:
            echo(Msg("chain.unchained", what=what).text())
        else:
            echo(Msg("chain.broken", seq=f"{broken.seq:,}", what=what).text())
        echo(Msg("chain.broken_hint", count=f"{verdict.verified:,}", head=verdict.head).text())
    if want is not None:
        if verdict.matched_at is not None:
            echo(
                Msg(
                    "chain.matched",
                    head=verdict.matched_head,
                    at=f"{verdict.matched_at:,}",
                    count=f"{total:,}",
                ).text()
            )
        else:
            echo(Msg("chain.not_matched", head=want, count=f"{verdict.verified:,}").text())
    elif broken is None:
        if verdict.verified == 0:
            echo(Msg("chain.empty").text())
        else:
            echo(Msg("chain.whole", count=f"{verdict.verified:,}", head=verdict.head).text())


def register(app: typer.Typer) -> None:
    app.command("verify", help=Msg("help.verify"))(verify)
