"""The source pane: the document around the claim, the claim's span highlighted and scrolled into view."""
from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..services.claims import paragraph_bounds
from ..services.safe_text import one_line, printable
from ..services.views import ClaimView
from .keys import SCROLL_KEYS

#: paragraphs shown before and after the claim's own
CONTEXT_PARAGRAPHS = 2


def _widen(text: str, start: int, end: int, paragraphs: int) -> tuple[int, int]:
    for _ in range(paragraphs):
        if start > 0:
            start = paragraph_bounds(text, start - 1, start - 1)[0]
        if end < len(text):
            end = paragraph_bounds(text, end + 1, end + 1)[1]
    return start, end


class SourcePane(VerticalScroll):
    """The document text near the highlighted claim."""

    BINDINGS = SCROLL_KEYS

    def compose(self):
        yield Static(id="source-text")

    def show(self, claim: ClaimView | None) -> None:
        body = self.query_one("#source-text", Static)
        if claim is None:
            self.border_title = "source"
            body.update("")
            return
        src = claim.source
        self.border_title = Text(one_line(f"{src.outlet_or_unknown} · {src.published or 'undated'} · {src.cited}"))
        text = claim.text
        p_start, p_end = claim.paragraph()
        w_start, w_end = _widen(text, p_start, p_end, CONTEXT_PARAGRAPHS)
        w_start = max(w_start, min(claim.body_start, p_start))  # the date header is furniture, not text
        content = Text()
        content.append(printable(text[w_start:p_start]), style="dim")
        content.append(printable(text[p_start:claim.start]))
        content.append(printable(text[claim.start:claim.end]), style="bold reverse")
        content.append(printable(text[claim.end:p_end]))
        content.append(printable(text[p_end:w_end]), style="dim")
        body.update(content)
        self._lines_above = Text(printable(text[w_start:claim.start]))
        self.call_after_refresh(self._scroll_to_span)

    def _scroll_to_span(self) -> None:
        # wrap the text above the span at the pane's width to know which line the span starts on
        width = max(1, self.scrollable_content_region.width)
        lines = len(self._lines_above.wrap(self.app.console, width)) if self._lines_above.plain else 1
        self.scroll_to(y=max(0, lines - 3), animate=False)
