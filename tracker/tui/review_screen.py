"""The review screen: queue above; source, details, related claims and history below; keys to judge claims.

Every database call runs in a thread worker with a Session of its own and answers with a message; the UI
thread only shows what the messages carry.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from rich.text import Text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker, WorkerState, get_current_worker

from ..db import database_error
from ..errors import StaleClaim, TrackerError
from ..models import Verdict
from ..services import review
from ..services.claims import ClaimFilter, count_claims
from ..services.safe_text import one_line
from ..services.views import ClaimView
from .details import DetailsPane
from .help import EmptyScreen, HelpScreen
from .history import HistoryPane
from .messages import (
    ClaimLoaded,
    ClaimLocated,
    LinkDecided,
    QueueLoaded,
    ReviewFailed,
    RowRefreshed,
    VerdictRefused,
    VerdictSaved,
)
from .prompts import FilterPrompt, TextPrompt
from .queue import ClaimQueue
from .related import RelatedPane
from .source import SourcePane

if TYPE_CHECKING:
    from .app import ReviewApp

#: rows fetched per query; the queue asks for the next page as the cursor nears the end
PAGE_SIZE = 200


def describe_filter(flt: ClaimFilter) -> str:
    parts = [f"{name}={value!r}" if name == "search" else f"{name}={value}"
             for name, value in (("status", flt.status), ("kind", flt.kind), ("outlet", flt.outlet),
                                 ("speaker", flt.speaker), ("search", flt.search), ("document", flt.document_id))
             if value is not None]
    return " ".join(parts) or "none"


class ReviewScreen(Screen[None]):
    """Walk the claim queue and judge each claim; the highlighted row drives every other pane."""

    BINDINGS = [
        Binding("c", "set_status('corroborated')", "Corroborated", tooltip="mark corroborated, go to next unreviewed"),
        Binding("x", "set_status('contradicted')", "Contradicted", tooltip="mark contradicted, go to next unreviewed"),
        Binding("u", "set_status('unverified')", "Unverified", tooltip="mark unverified, go to next unreviewed"),
        Binding("n", "note", "Note", tooltip="add a note to the claim's history"),
        Binding("e", "evidence", "Evidence", tooltip="attach evidence: a URL or another claim's id"),
        Binding("z", "undo", "Undo", tooltip="undo my last verdict (a new history row)"),
        Binding("r", "reset", "Reset", tooltip="reset the claim to unreviewed (a new history row)"),
        Binding("slash", "search", "Search", key_display="/", tooltip="search claim text"),
        Binding("f", "filters", "Filters", tooltip="filter by status, kind, outlet, speaker"),
        Binding("g", "goto", "Go to", tooltip="go to a claim by id"),
        Binding("s", "cycle_sort", "Sort", show=False, tooltip="sort by the next column"),
        Binding("a", "decide_link('accepted')", "Accept", tooltip="accept the related link under its cursor"),
        Binding("d", "decide_link('dismissed')", "Dismiss", tooltip="dismiss the related link under its cursor"),
        Binding("o", "open_link", "Open link", show=False, tooltip="go to the claim at the other end of that link"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="this help"),
        Binding("q", "app.quit", "Quit", tooltip="quit (every verdict is already saved)"),
    ]
    """Review keys; the help screen lists them from here."""

    claim_filter: reactive[ClaimFilter] = reactive(ClaimFilter, init=False)
    """Which claims the queue shows."""

    sort: reactive[str] = reactive("position", init=False)
    """The queue's order: one of ``services.review.SORTS``."""

    def __init__(self) -> None:
        super().__init__()
        self.generation = 0
        self.loading_more = False
        self.shown_id: int | None = None
        self.detail: ClaimView | None = None
        self.marked: list[int] = []  # claims judged in this session, newest last: what `z` takes back
        self.pending_next_after: int | None = None

    # ---- layout ------------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ClaimQueue(id="queue")
        with Horizontal(id="lower"):
            yield SourcePane(id="source")
            with Vertical(id="side"):
                yield DetailsPane(id="details")
                yield RelatedPane(id="related")
                yield HistoryPane(id="history")
        yield Static(id="status-line")
        yield Footer()

    @property
    def review_app(self) -> ReviewApp:
        """The app this screen runs in, typed: its sessions, reviewer and database name."""
        return cast("ReviewApp", self.app)

    @property
    def queue(self) -> ClaimQueue:
        return self.query_one(ClaimQueue)

    @property
    def related(self) -> RelatedPane:
        return self.query_one(RelatedPane)

    def on_mount(self) -> None:
        self.query_one("#queue").border_title = "claims"
        self.query_one("#details").border_title = "details"
        self.query_one("#related").border_title = "related claims"
        self.query_one("#history").border_title = "history"
        self.queue.focus()
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self.generation += 1
        self.loading_more = False
        self.load_queue(self.claim_filter, self.sort, 0, self.generation, select_id)

    def watch_claim_filter(self) -> None:
        self.reload()

    def watch_sort(self) -> None:
        self.reload(self.shown_id)

    def update_status_line(self) -> None:
        queue = self.queue
        self.query_one("#status-line", Static).update(Text(one_line(
            f"reviewer {self.review_app.reviewer} · {len(queue.order)} of {queue.total} claims loaded · "
            f"filter: {describe_filter(self.claim_filter)} · sort: {self.sort}")))

    # ---- workers: each opens its own Session and answers with a message --------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A Session for this worker; user errors become a ReviewFailed message instead of an exception."""
        try:
            with self.review_app.sessions() as session:
                yield session
        except StaleClaim:
            raise
        except TrackerError as exc:
            self.post_message(ReviewFailed(str(exc)))
        except OperationalError as exc:
            self.post_message(ReviewFailed(str(database_error(self.review_app.sessions.kw["bind"], exc))))

    @work(thread=True, exclusive=True, group="queue", exit_on_error=False)
    def load_queue(self, flt: ClaimFilter, sort: str, offset: int, generation: int, select_id: int | None) -> None:
        with self.session() as session:
            rows = review.queue_page(session, flt, sort, PAGE_SIZE, offset)
            total = count_claims(session, flt) if offset == 0 else None
            self.post_message(QueueLoaded(rows, offset, total, generation, select_id))

    @work(thread=True, exclusive=True, group="claim", exit_on_error=False)
    def load_claim(self, claim_id: int) -> None:
        with self.session() as session:
            detail = review.claim_detail(session, claim_id)
            if not get_current_worker().is_cancelled:
                self.post_message(ClaimLoaded(detail))

    @work(thread=True, group="locate", exit_on_error=False)
    def locate(self, claim_id: int) -> None:
        with self.session() as session:
            self.post_message(ClaimLocated(claim_id, review.claim_document(session, claim_id)))

    @work(thread=True, group="save", exit_on_error=False)
    def save(self, action: str, change: Callable[..., Verdict], claim_id: int, version: int | None, **kw) -> None:
        """Commit one change through the review service, then report the claim's new row."""
        reviewer = self.review_app.reviewer
        try:
            with self.session() as session:
                verdict = change(session, claim_id, reviewer=reviewer, expected_version=version, **kw)
                self.post_message(VerdictSaved(review.queue_row(session, claim_id), verdict.id, action))
        except StaleClaim as exc:
            self.post_message(VerdictRefused(claim_id, str(exc)))
            with self.session() as session:
                self.post_message(RowRefreshed(review.queue_row(session, claim_id)))

    @work(thread=True, group="save", exit_on_error=False)
    def decide(self, link_id: int, decision: str) -> None:
        with self.session() as session:
            review.decide_link(session, link_id, decision, reviewer=self.review_app.reviewer)
            self.post_message(LinkDecided(link_id, decision))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # user errors arrive as ReviewFailed; anything else is a defect and must be seen, not swallowed
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.log.error(error)
            self.notify(one_line(f"{type(error).__name__}: {error}"), title="internal error", severity="error",
                        markup=False)

    # ---- messages from the workers -----------------------------------------------------------------------

    def on_queue_loaded(self, message: QueueLoaded) -> None:
        if message.generation != self.generation:
            return  # an answer to a query the reviewer has since replaced
        queue = self.queue
        queue.show(message.rows, append=message.offset > 0, total=message.total)
        self.loading_more = False
        self.update_status_line()
        if message.offset == 0:
            if message.total == 0 and self.claim_filter == ClaimFilter():
                self.app.push_screen(EmptyScreen(self.review_app.database_name))
                return
            if message.total == 0:
                self.notify("no claims match: press f or / to change the filter", severity="warning")
            if not (message.select_id and queue.select_id(message.select_id)):
                queue.move_cursor(row=0)
            self.show_claim(queue.current_id)
        if self.pending_next_after is not None:
            after, self.pending_next_after = self.pending_next_after, None
            self.advance_from(after)

    def on_claim_loaded(self, message: ClaimLoaded) -> None:
        claim = message.detail
        if claim.id != self.shown_id:
            return
        self.detail = claim
        row = self.queue.rows_by_id.get(claim.id)
        if row is not None and (row.version, row.status) != (claim.version, claim.status):
            self.queue.replace(replace(row, version=claim.version, status=claim.status))
        self.query_one(SourcePane).show(claim)
        self.query_one(DetailsPane).show(claim)
        self.related.show(claim.links)
        self.query_one(HistoryPane).show(claim.history)

    def on_claim_located(self, message: ClaimLocated) -> None:
        if self.queue.select_id(message.claim_id):
            return
        self.notify(f"claim {message.claim_id} is not in the current filter: showing its document")
        self.generation += 1
        self.set_reactive(ReviewScreen.claim_filter, ClaimFilter(document_id=message.document_id))
        self.load_queue(self.claim_filter, self.sort, 0, self.generation, message.claim_id)

    def on_row_refreshed(self, message: RowRefreshed) -> None:
        self.queue.replace(message.row)
        if message.row.id == self.shown_id:
            self.load_claim(message.row.id)

    def on_verdict_saved(self, message: VerdictSaved) -> None:
        row = message.row
        self.queue.replace(row)
        self.notify(f"claim {row.id}: {row.status} · saved", timeout=2)
        if message.action == "status" and self.queue.current_id == row.id:
            self.advance_from(row.id)
        elif row.id == self.shown_id:
            self.load_claim(row.id)
        if message.action == "undo":
            self.queue.select_id(row.id)

    def on_verdict_refused(self, message: VerdictRefused) -> None:
        if self.marked and self.marked[-1] == message.claim_id:
            self.marked.pop()
        self.notify(one_line(message.reason), title="not saved", severity="warning", timeout=6, markup=False)

    def on_link_decided(self, message: LinkDecided) -> None:
        self.notify(f"link {message.link_id} {message.decision}", timeout=2)
        if self.shown_id is not None:
            self.load_claim(self.shown_id)

    def on_review_failed(self, message: ReviewFailed) -> None:
        self.notify(one_line(message.reason), title="not done", severity="error", timeout=6, markup=False)

    # ---- the queue drives the panes ---------------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#queue")
    def queue_moved(self) -> None:
        self.show_claim(self.queue.current_id)

    @on(DataTable.HeaderSelected, "#queue")
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self.sort = "position" if self.sort == column else column

    @on(ClaimQueue.NeedMore)
    def load_next_page(self) -> None:
        if not self.loading_more:
            self.loading_more = True
            self.load_queue(self.claim_filter, self.sort, len(self.queue.order), self.generation, None)

    @on(RelatedPane.Open)
    def open_related(self, message: RelatedPane.Open) -> None:
        self.locate(message.claim_id)

    def show_claim(self, claim_id: int | None) -> None:
        if claim_id == self.shown_id:
            return
        self.shown_id = claim_id
        if claim_id is None:
            self.detail = None
            self.query_one(SourcePane).show(None)
            self.query_one(DetailsPane).show(None)
            self.related.show([])
            self.query_one(HistoryPane).show([])
        else:
            self.load_claim(claim_id)

    def advance_from(self, claim_id: int) -> None:
        """After a verdict: the next unreviewed claim below, loading more pages first if there are any."""
        queue = self.queue
        target = queue.next_unreviewed(claim_id, wrap=not queue.has_more)
        if target is not None:
            queue.select_id(target)
        elif queue.has_more:
            self.pending_next_after = claim_id
            self.load_next_page()
        elif claim_id == self.shown_id:
            self.load_claim(claim_id)

    # ---- actions -----------------------------------------------------------------------------------------

    def _current(self) -> int | None:
        claim_id = self.queue.current_id
        if claim_id is None:
            self.notify("no claim selected", severity="warning")
        return claim_id

    def _version(self, claim_id: int) -> int | None:
        row = self.queue.rows_by_id.get(claim_id)
        return row.version if row else None

    def action_set_status(self, status: str) -> None:
        claim_id = self._current()
        if claim_id is not None:
            self.marked.append(claim_id)
            self.save("status", review.record_verdict, claim_id, self._version(claim_id), status=status)

    def action_reset(self) -> None:
        claim_id = self._current()
        if claim_id is not None:
            self.marked.append(claim_id)
            self.save("reset", review.reset, claim_id, self._version(claim_id))

    def action_undo(self) -> None:
        claim_id = self.marked.pop() if self.marked else self._current()
        if claim_id is not None:
            self.save("undo", review.undo_last, claim_id, self._version(claim_id))

    def _annotate(self, field: str, title: str, placeholder: str) -> None:
        claim_id = self._current()
        if claim_id is None:
            return
        version = self._version(claim_id)

        def answered(value: str | None) -> None:
            if value and value.strip():
                self.save(field, review.annotate, claim_id, version, **{field: value})

        self.app.push_screen(TextPrompt(title, placeholder=placeholder), answered)

    def action_note(self) -> None:
        self._annotate("note", f"note on claim {self.queue.current_id}", "what you found, or why")

    def action_evidence(self) -> None:
        self._annotate("evidence", f"evidence for claim {self.queue.current_id}", "https://… or another claim's id")

    def action_search(self) -> None:
        def answered(value: str | None) -> None:
            if value is not None:
                self.claim_filter = replace(self.claim_filter, search=value.strip() or None)

        self.app.push_screen(TextPrompt("search claim text", value=self.claim_filter.search or "",
                                        hint="enter to search · empty clears · escape cancels"), answered)

    def action_filters(self) -> None:
        def answered(flt: ClaimFilter | None) -> None:
            if flt is not None:
                self.claim_filter = flt

        self.app.push_screen(FilterPrompt(self.claim_filter), answered)

    def action_goto(self) -> None:
        def answered(value: str | None) -> None:
            if value is None or not value.strip():
                return
            text = value.strip().lstrip("#")
            if not text.isdigit():
                self.notify(one_line(f"{value!r} is not a claim id"), severity="error", markup=False)
            elif not self.queue.select_id(int(text)):
                self.locate(int(text))

        self.app.push_screen(TextPrompt("go to claim id", placeholder="e.g. 42"), answered)

    def action_cycle_sort(self) -> None:
        self.sort = review.SORTS[(review.SORTS.index(self.sort) + 1) % len(review.SORTS)]

    def action_decide_link(self, decision: str) -> None:
        link_id = self.related.current_link_id
        if link_id is None:
            self.notify("no related link under the cursor", severity="warning")
        else:
            self.decide(link_id, decision)

    def action_open_link(self) -> None:
        link_id = self.related.current_link_id
        if link_id is None:
            self.notify("no related link under the cursor", severity="warning")
        else:
            self.locate(self.related.other_ids[link_id])

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen([b for b in self.BINDINGS if isinstance(b, Binding)]))
