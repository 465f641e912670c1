"""The claim queue: a DataTable of claims that fills in pages as the cursor nears its end.

Its columns fit the width it has: the claim text takes what the others leave, and on a narrow terminal the
less needed columns go first (date, speaker, check-worthiness, kind, outlet); id, marks, status and claim stay.
"""
from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import DataTable

from ..services.review import QueueRow
from ..services.safe_text import one_line
from ..services.views import UNKNOWN_OUTLET_SHORT
from .keys import CURSOR_KEYS

#: every column but the claim, with its width and the terminal width it needs to be shown (the claim column
#: takes the rest); ids are what `g`, `e` and links use
COLUMNS: tuple[tuple[str, str, int, int], ...] = (
    # key, header, width, shown from this table width
    ("id", "id", 5, 0),
    ("marks", "!", 3, 0),
    ("status", "status", 12, 0),
    ("kind", "kind", 8, 100),
    ("outlet", "outlet", 14, 90),
    ("speaker", "speaker", 18, 130),
    ("worth", "worth", 5, 150),
    ("date", "date", 10, 160),
)
#: the claim column never gets narrower than this, nor wider (beyond it the text is cut with "…")
CLAIM_MIN, CLAIM_MAX = 20, 400
#: what a column costs beyond its width: a cell's padding on each side
CELL_PADDING = 2
#: the table's border and scroll bar
CHROME = 4
STATUS_STYLE = {"unreviewed": "dim", "corroborated": "bold green", "contradicted": "bold red",
                "unverified": "bold yellow"}
#: when the cursor is this close to the last loaded row, the next page is asked for
PREFETCH = 30


def _clip(value: str, width: int) -> str:
    return value if len(value) <= width else value[: max(width - 1, 0)] + "…"


def layout(width: int) -> list[tuple[str, str, int]]:
    """The columns shown in a table ``width`` cells wide, the claim column last and as wide as the rest leaves."""
    shown = [(key, header, w) for key, header, w, needs in COLUMNS if width >= needs]
    used = sum(w + CELL_PADDING for _, _, w in shown) + CELL_PADDING + CHROME
    claim = min(max(width - used, CLAIM_MIN), CLAIM_MAX)
    return [*shown, ("claim", "claim", claim)]


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
        self.columns_shown: list[tuple[str, str, int]] = []

    def on_mount(self) -> None:
        self.set_columns(self.size.width or 160)

    def on_resize(self, event: events.Resize) -> None:
        if layout(event.size.width) != self.columns_shown:
            self.set_columns(event.size.width)

    def set_columns(self, width: int) -> None:
        """Lay the columns out for ``width``; the rows are put back and the cursor stays on its claim."""
        current = self.current_id
        self.clear(columns=True)
        self.columns_shown = layout(width)
        for key, header, w in self.columns_shown:
            self.add_column(header, key=key, width=w)
        for claim_id in self.order:
            self.add_row(*self.cells(self.rows_by_id[claim_id]), key=str(claim_id))
        if current is not None:
            self.select_id(current)

    def status_cell(self, row: QueueRow) -> Text:
        """The status, and who holds the claim when someone does (``tracker assign``)."""
        cell = Text(row.status, style=STATUS_STYLE.get(row.status, ""))
        if row.holder:
            cell.append(f" @{one_line(row.holder)}", style="italic cyan")
        return cell

    def cells(self, row: QueueRow) -> tuple:
        # stored text as Text: shown literally, never read as markup
        values = {
            "id": Text(str(row.id), justify="right"),
            "marks": Text(row.marks, style="bold red" if row.contradicted else "yellow"),
            "status": self.status_cell(row),
            "kind": Text(row.kind),
            "outlet": Text(one_line(row.outlet or UNKNOWN_OUTLET_SHORT)),
            "speaker": Text(one_line(row.speaker or "(outlet)")),
            "worth": Text(f"{row.check_worthiness:.2f}", justify="right"),
            "date": Text(row.date or ""),
            "claim": Text(one_line(row.quote)),
        }
        return tuple(Text(_clip(values[key].plain, w), style=values[key].style, justify=values[key].justify)
                     for key, _, w in self.columns_shown)

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

    def replace(self, row: QueueRow) -> QueueRow | None:
        """Show a reloaded row in place (its status or version changed); returns the row it replaced."""
        old = self.rows_by_id.get(row.id)
        if old is None:
            return None
        self.rows_by_id[row.id] = row
        for (key, _, _), value in zip(self.columns_shown, self.cells(row), strict=True):
            self.update_cell(str(row.id), key, value)
        return old

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
