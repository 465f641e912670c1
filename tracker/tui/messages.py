"""What the review screen's workers report back to the UI thread (one message per finished piece of work).

They are posted to the screen that started the work and handled there, so none of them bubbles."""
from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..services.review import QueueRow
from ..services.views import ClaimView


@dataclass
class QueueLoaded(Message, bubble=False):
    """A page of the queue arrived; ``total`` is set on the first page of a new query."""

    rows: list[QueueRow]
    offset: int
    total: int | None
    generation: int
    select_id: int | None = None
    #: how many claims of the filter are reviewed (first page only)
    reviewed: int | None = None


@dataclass
class ClaimLoaded(Message, bubble=False):
    """The highlighted claim's details, links and history arrived."""

    detail: ClaimView


@dataclass
class ClaimLocated(Message, bubble=False):
    """A claim asked for by id exists; ``document_id`` is where to find it when the filter hides it."""

    claim_id: int
    document_id: int


@dataclass
class RowRefreshed(Message, bubble=False):
    """One queue row reloaded after a change (ours or someone else's)."""

    row: QueueRow


@dataclass
class VerdictSaved(Message, bubble=False):
    """A verdict, note, evidence, undo or reset was committed."""

    row: QueueRow
    verdict_id: int
    action: str


@dataclass
class VerdictRefused(Message, bubble=False):
    """A change was refused because the claim changed since it was loaded."""

    claim_id: int
    reason: str


@dataclass
class LinkDecided(Message, bubble=False):
    """A suggested link was accepted or dismissed, or (``undo``) put back to its decision before."""

    link_id: int
    decision: str | None
    a_id: int
    b_id: int
    #: the decision before this one (None: pending), what `z` puts back
    before: str | None = None
    undo: bool = False


@dataclass
class CompareLoaded(Message, bubble=False):
    """Both claims of a link, for the side-by-side view."""

    this: ClaimView
    other: ClaimView
    link_id: int


@dataclass
class ReviewFailed(Message, bubble=False):
    """A user error from the service (bad id, nothing to undo, database locked): one line to show."""

    reason: str


@dataclass
class EvidenceRefused(Message, bubble=False):
    """Evidence the service refused (a claim that does not exist): the dialog opens again with it."""

    claim_id: int
    version: int | None
    value: str
    reason: str
