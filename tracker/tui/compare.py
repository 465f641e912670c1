"""Two linked claims side by side (``w``): each span in its paragraph, outlet, speaker and relays, values, and the
link's full reason; ``a`` or ``d`` accepts or dismisses the link from here."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..services.safe_text import one_line, printable
from ..services.views import ClaimView, LinkView


def side(view: ClaimView) -> Text:
    """One side: who and where, the span bold in its paragraph, the values."""
    src = view.source
    out = Text()
    out.append(f"claim {view.id} · {view.status} · {view.kind}\n", style="bold")
    out.append(printable(f"{src.outlet_or_unknown} · {src.published or 'undated'}\n"), style="bold")
    out.append(printable(src.cited) + "\n", style="dim")
    out.append("speaker: ", style="bold")
    out.append(printable(view.speaker_words) + "\n")
    if view.via:
        out.append("via: ", style="bold")
        out.append(printable(" → ".join(view.via) + " → outlet") + "\n")
    out.append("\n")
    p_start, p_end = view.paragraph()
    out.append(printable(view.text[p_start:view.start]))
    out.append(printable(view.quote), style="bold reverse")
    out.append(printable(view.text[view.end:p_end]) + "\n")
    for value in view.values:
        out.append("\nvalue: ", style="bold")
        out.append(printable(value.words()))
    return out


class CompareScreen(ModalScreen[str | None]):
    """Both sides of a link; dismisses with the decision taken ("accepted", "dismissed") or None."""

    BINDINGS = [
        Binding("a", "decide('accepted')", "Accept"),
        Binding("d", "decide('dismissed')", "Dismiss"),
        Binding("escape,b,q,w", "close", "Back"),
    ]

    def __init__(self, this: ClaimView, other: ClaimView, link_id: int) -> None:
        super().__init__()
        self.this, self.other, self.link_id = this, other, link_id

    @property
    def link(self) -> LinkView | None:
        return next((link for link in self.this.links if link.id == self.link_id), None)

    def compose(self) -> ComposeResult:
        link = self.link
        with Vertical(classes="dialog compare"):
            title = (f"{link.relation} · score {link.score:.2f} · {link.state}" if link else "linked claims")
            yield Label(one_line(title), classes="dialog-title")
            with Horizontal(id="compare-sides"):
                with VerticalScroll(classes="compare-side"):
                    yield Static(side(self.this), id="compare-this")
                with VerticalScroll(classes="compare-side"):
                    yield Static(side(self.other), id="compare-other")
            reason = Text("why: ", style="bold")
            reason.append(printable(link.reason if link else ""))
            yield Static(reason, id="compare-reason")
            yield Label("a accept · d dismiss · escape or b back", classes="dialog-hint")

    def action_decide(self, decision: str) -> None:
        self.dismiss(decision)

    def action_close(self) -> None:
        self.dismiss(None)
