"""Related claims: links to claims in other documents, with relation, score, reason and decision."""
from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from ..services.safe_text import one_line
from ..services.views import UNKNOWN_OUTLET_SHORT, LinkView
from .keys import CURSOR_KEYS

#: the other claim's id, relation and decision first: what a narrow pane must show
COLUMNS = (("claim", 6), ("relation", 11), ("decision", 9), ("outlet", 10), ("other claim", 40), ("score", 5),
           ("reason", 40))


class RelatedPane(DataTable):
    """One row per link of the highlighted claim; row keys are link ids."""

    BINDINGS = CURSOR_KEYS

    class Open(Message):
        """The reviewer asked to go to the claim at the other end of a link."""

        def __init__(self, claim_id: int) -> None:
            self.claim_id = claim_id
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.other_ids: dict[int, int] = {}
        self.links: dict[int, LinkView] = {}

    def on_mount(self) -> None:
        # fixed widths: auto widths are computed lazily and a row added early can be cut at the header's width
        for name, width in COLUMNS:
            self.add_column(name, key=name, width=width)

    def show(self, links: tuple[LinkView, ...] | list[LinkView]) -> None:
        """Show ``links``; the cursor stays on the link it was on (after accept or dismiss) if it is still there."""
        current = self.current_link_id
        self.clear()
        self.other_ids.clear()
        self.links = {link.id: link for link in links}
        for link in links:
            self.other_ids[link.id] = link.other_id
            cells = (f"#{link.other_id}", link.relation, link.state, link.other_outlet or UNKNOWN_OUTLET_SHORT,
                     link.other_quote, f"{link.score:.2f}", link.reason)
            self.add_row(*(Text(one_line(cell)) for cell in cells), key=str(link.id))
        if current is not None and current in self.links:
            self.move_cursor(row=self.get_row_index(str(current)))
        self.border_title = f"related claims ({len(links)})"

    @property
    def current_link_id(self) -> int | None:
        if not self.other_ids or not 0 <= self.cursor_row < self.row_count:
            return None
        return _link_id(self.coordinate_to_cell_key(self.cursor_coordinate).row_key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Open(self.other_ids[_link_id(event.row_key)]))


def _link_id(key: RowKey) -> int:
    """The link id of a row: rows are added with it as their key."""
    assert key.value is not None, "a related claims row without a key"
    return int(key.value)
