"""The claim queue: a DataTable of claims that fills in pages as the cursor nears its end."""
from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from ..services.review import QueueRow
from ..services.safe_text import one_line
from .keys import CURSOR_KEYS

#: fixed widths: auto widths are computed lazily and a row added early can be cut at the header's width
COLUMNS = (("status", 12), ("kind", 8), ("outlet", 14), ("speaker", 18), ("date", 10), ("claim", 80))
STATUS_STYLE = {"unreviewed": "dim", "corroborated": "bold green", "contradicted": "bold red",
                "unverified": "bold yellow"}
#: when the cursor is this close to the last loaded row, the next page is asked for
PREFETCH = 30


def _clip(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


class ClaimQueue(DataTable):
    """Claims in the current filter and sort; row keys are claim ids."""

    BINDINGS = CURSOR_KEYS

    class NeedMore(Message):
        """The cursor is near the last loaded row and more rows exist."""

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.rows_by_id: dict[int, QueueRow] = {}
        self.order: list[int] = []
        self.total = 0

    def on_mount(self) -> None:
        for name, width in COLUMNS:
            self.add_column(name, key=name, width=width)

    @staticmethod
    def cells(row: QueueRow) -> tuple:
        # stored text as Text: shown literally, never read as markup
        return (Text(row.status, style=STATUS_STYLE.get(row.status, "")), Text(row.kind),
                Text(one_line(row.outlet or "?")), Text(_clip(one_line(row.speaker or "(outlet)"), 18)),
                Text(row.date or ""), Text(_clip(one_line(row.quote), COLUMNS[-1][1])))

    def show(self, rows: list[QueueRow], *, append: bool, total: int | None) -> None:
        if not append:
            self.clear()
            self.rows_by_id.clear()
            self.order.clear()
        if total is not None:
            self.total = total
        for row in rows:
            if row.id in self.rows_by_id:
                continue  # a row changed since the first page can shift into the next one
            self.rows_by_id[row.id] = row
            self.order.append(row.id)
            self.add_row(*self.cells(row), key=str(row.id))

    def replace(self, row: QueueRow) -> None:
        """Show a reloaded row in place (its status or version changed)."""
        if row.id not in self.rows_by_id:
            return
        self.rows_by_id[row.id] = row
        for (name, _), value in zip(COLUMNS, self.cells(row), strict=True):
            self.update_cell(str(row.id), name, value)

    @property
    def current_id(self) -> int | None:
        if not self.order or not 0 <= self.cursor_row < len(self.order):
            return None
        return self.order[self.cursor_row]

    @property
    def has_more(self) -> bool:
        return len(self.order) < self.total

    def select_id(self, claim_id: int) -> bool:
        if claim_id not in self.rows_by_id:
            return False
        self.move_cursor(row=self.get_row_index(str(claim_id)))
        return True

    def next_unreviewed(self, after_id: int, *, wrap: bool) -> int | None:
        """The first unreviewed claim below ``after_id`` among the loaded rows, with ``wrap`` also above it."""
        if after_id not in self.rows_by_id:
            return None
        start = self.order.index(after_id)
        candidates = self.order[start + 1:] + (self.order[:start] if wrap else [])
        for claim_id in candidates:
            if self.rows_by_id[claim_id].status == "unreviewed":
                return claim_id
        return None

    def watch_cursor_coordinate(self, old, new) -> None:
        super().watch_cursor_coordinate(old, new)
        if self.has_more and new.row >= len(self.order) - PREFETCH:
            self.post_message(self.NeedMore())
