"""The details pane: attribution, values, caveats, why the claim was extracted, check-worthiness."""
from __future__ import annotations

import json

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..services.export import value_record
from ..services.review import ClaimDetail
from ..services.safe_text import printable
from .keys import SCROLL_KEYS


def describe(detail: ClaimDetail) -> Text:
    claim = detail.claim
    out = Text()

    def line(label: str, value: str) -> None:
        out.append(f"{label}: ", style="bold")
        out.append(printable(value) + "\n")

    line(f"claim {claim.id}", f"{claim.kind} · check-worthiness {claim.check_worthiness:.2f}"
         f" · hedged {'yes' if claim.hedged else 'no'} · version {claim.version}")
    att = claim.attribution
    if att and att.speaker:
        line("speaker", f"{att.speaker.name} ({att.speaker.kind})")
        if att.descriptor:
            line("descriptor", att.descriptor)
    elif att and att.mode in ("direct", "indirect"):
        line("speaker", "not named in the article (quoted or reported from someone unnamed)")
    else:
        line("speaker", "the outlet's own voice")
    line("cue", f"{(att.cue if att else None) or '-'} · mode {att.mode if att else 'outlet'}")
    if att and att.relays:
        line("via", " → ".join(r.entity.name for r in att.relays) + " → outlet")
    for value in claim.values:
        record = {k: v for k, v in value_record(value).items() if k not in ("type", "text", "span")}
        line("value", f"{value.type} “{value.text}” " + " ".join(f"{k}={v}" for k, v in record.items()))
    if claim.caveat_of_id:
        line("caveat of", f"claim {claim.caveat_of_id}")
    for caveat in detail.caveats:
        line("caveat", f"#{caveat.id} “{' '.join(caveat.quote.split())}”")
    for link in detail.links:  # the related pane is narrow: the full reason is read here
        other = link.b_id if link.a_id == claim.id else link.a_id
        line(f"{link.relation} #{other}", link.reason or "-")
    if claim.reason:
        line("why extracted", json.dumps(claim.reason, ensure_ascii=False, sort_keys=True))
    out.rstrip()
    return out


class DetailsPane(VerticalScroll):
    """What is known about the highlighted claim."""

    BINDINGS = SCROLL_KEYS

    def compose(self):
        yield Static(id="details-text")

    def show(self, detail: ClaimDetail | None) -> None:
        self.query_one("#details-text", Static).update(describe(detail) if detail else "")
