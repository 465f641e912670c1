"""The details pane: attribution, values, caveats, why the claim was extracted, check-worthiness."""
from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..services.safe_text import one_line, printable
from ..services.views import UNKNOWN_OUTLET, ClaimView
from .keys import SCROLL_KEYS


def describe(view: ClaimView) -> Text:
    out = Text()

    def line(label: str, value: str) -> None:
        out.append(f"{label}: ", style="bold")
        out.append(printable(value) + "\n")

    line(f"claim {view.id}", f"{view.kind} · check-worthiness {view.check_worthiness:.2f}"
         f" · hedged {'yes' if view.hedged else 'no'} · version {view.version}")
    if view.changed_from:  # the text judged before and the text now, one above the other
        old_id, old_quote, why = view.changed_from
        out.append("changed since reviewed", style="bold yellow")
        out.append(f" ({printable(why)})\n" if why else "\n")
        line(f"  was (claim {old_id})", f"“{one_line(old_quote)}”")
        line("  now", f"“{one_line(view.quote)}”")
    line("speaker", view.speaker_words)
    if view.descriptor:
        line("descriptor", view.descriptor)
    line("cue", f"{view.cue or '-'} · mode {view.mode}")
    if view.via:
        line("via", " → ".join(view.via) + " → outlet")
    for value in view.values:
        line("value", value.words())
    if view.caveat_of_id:
        line("caveat of", f"claim {view.caveat_of_id}")
    for caveat_id, quote in view.caveats:
        line("caveat", f"#{caveat_id} “{one_line(quote)}”")
    for link in view.links:  # the related pane is narrow: the other claim and the full reason are read here
        outlet = link.other_outlet or UNKNOWN_OUTLET
        line(f"{link.relation} #{link.other_id}", f"“{one_line(link.other_quote)}” ({outlet}) · {link.reason or '-'}")
    if view.reason:
        line("why extracted", view.why)
    out.rstrip()
    return out


class DetailsPane(VerticalScroll):
    """What is known about the highlighted claim."""

    BINDINGS = SCROLL_KEYS

    def compose(self):
        yield Static(id="details-text")

    def show(self, view: ClaimView | None) -> None:
        self.query_one("#details-text", Static).update(describe(view) if view else "")
