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
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker, WorkerState, get_current_worker

from ..db import database_error
from ..errors import NotFound, StaleClaim, TrackerError
from ..services import review, second_review
from ..services.claims import ClaimFilter, count_claims
from ..services.review import QueueRow
from ..services.safe_text import one_line
from ..services.views import ClaimView
from .compare import CompareScreen
from .details import DetailsPane
from .help import EmptyScreen, HelpScreen
from .history import HistoryPane
from .messages import (
    ClaimLoaded,
    ClaimLocated,
    CompareLoaded,
    EvidenceRefused,
    LinkDecided,
    QueueLoaded,
    ReviewFailed,
    RowRefreshed,
    VerdictRefused,
    VerdictSaved,
)
from .prompts import ConfirmPrompt, FilterPrompt, TextPrompt
from .queue import ClaimQueue
from .related import RelatedPane
from .source import SourcePane

if TYPE_CHECKING:
    from ..models import Verdict
    from .app import ReviewApp

#: rows fetched per query; the queue asks for the next page as the cursor nears the end
PAGE_SIZE = 200
#: what the evidence dialog asks for
EVIDENCE_HINT = "https://… or another claim's id"
#: below this height the history pane folds away and related claims shrink; below MEDIUM both shrink
SHORT, MEDIUM = 32, 42
#: below this width the source pane takes more of the lower half than the side panes
NARROW = 110


def describe_filter(flt: ClaimFilter) -> str:
    parts = [f"{name}={value!r}" if name == "search" else f"{name}={value}"
             for name, value in (("status", flt.status), ("kind", flt.kind), ("outlet", flt.outlet),
                                 ("speaker", flt.speaker), ("search", flt.search), ("document", flt.document_id),
                                 ("held by", flt.held_by), ("stage", flt.stage))
             if value is not None]
    return " ".join(parts) or "none"


class ReviewScreen(Screen[None]):
    """Walk the claim queue and judge each claim; the highlighted row drives every other pane."""

    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", tooltip="this help"),
        Binding("q", "app.quit", "Quit", tooltip="quit (every verdict is already saved)"),
        Binding("c", "set_status('corroborated')", "Corroborated", tooltip="mark corroborated, go to next unreviewed"),
        Binding("x", "set_status('contradicted')", "Contradicted", tooltip="mark contradicted, go to next unreviewed"),
        Binding("u", "set_status('unverified')", "Unverified", tooltip="mark unverified, go to next unreviewed"),
        Binding("n", "note", "Note", tooltip="add a note to the claim's history"),
        Binding("e", "evidence", "Evidence", tooltip="attach evidence: a URL or another claim's id"),
        Binding("z", "undo", "Undo", tooltip="undo my last verdict, accept or dismiss (a verdict: a new history row)"),
        Binding("r", "reset", "Reset", tooltip="reset the claim to unreviewed (a new history row)"),
        Binding("slash", "search", "Search", key_display="/", tooltip="search claim text"),
        Binding("f", "filters", "Filters", tooltip="filter by status, kind, outlet, speaker"),
        Binding("g", "goto", "Go to", tooltip="go to a claim by id"),
        Binding("s", "cycle_sort", "Sort", show=False, tooltip="sort by the next column"),
        Binding("a", "decide_link('accepted')", "Accept", tooltip="accept the related link under its cursor"),
        Binding("d", "decide_link('dismissed')", "Dismiss", tooltip="dismiss the related link under its cursor"),
        Binding("o", "open_link", "Open link", show=False, tooltip="go to the claim at the other end of that link"),
        Binding("b,backspace", "back", "Back", key_display="b", tooltip="back to the queue, filter and row you left"),
        Binding("w", "compare", "Compare", tooltip="both sides of the related link under its cursor, side by side"),
        Binding("m", "toggle_mine", "Mine", show=False, tooltip="only the claims you hold (assigned); again: all"),
        Binding("D", "toggle_disputed", "Disputed", show=False,
                tooltip="the resolution queue: claims two reviewers disagree on; again: all"),
    ]
    """Review keys; the help screen lists them from here."""

    claim_filter: reactive[ClaimFilter] = reactive(ClaimFilter, init=False)
    """Which claims the queue shows."""

    sort: reactive[str] = reactive("unreviewed", init=False)
    """The queue's order: one of ``services.review.SORTS``."""

    def __init__(self) -> None:
        super().__init__()
        self.generation = 0
        self.loading_more = False
        self.shown_id: int | None = None
        self.detail: ClaimView | None = None
        # what `z` takes back, newest last: ("verdict", claim id) or ("link", link id, the decision before)
        self.undoable: list[tuple] = []
        self.pending_next_after: int | None = None
        #: where `o` and enter came from: (filter, sort, claim id), newest last; `b` goes back
        self.trail: list[tuple[ClaimFilter, str, int | None]] = []
        self.reviewed = 0
        self.was_done = False

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
        yield Footer(compact=True)

    def on_resize(self, event: events.Resize) -> None:
        """Lay the panes out for the terminal: from 80x24 (history folded away) up to 200x60."""
        width, height = event.size
        self.set_class(height < SHORT, "short")
        self.set_class(SHORT <= height < MEDIUM, "medium")
        self.set_class(width < NARROW, "narrow")

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
        loaded = f" · {len(queue.order)} loaded" if queue.has_more else ""
        self.query_one("#status-line", Static).update(Text(one_line(
            f"{self.reviewed} of {queue.total} reviewed{loaded} · reviewer {self.review_app.reviewer} · "
            f"filter: {describe_filter(self.claim_filter)} · sort: {self.sort}")))

    def count_changed(self, old: QueueRow | None, new: QueueRow) -> None:
        """Keep "12 of 76 reviewed" current after a change, and say so once when the filter's queue is done."""
        if old is not None and (old.status == "unreviewed") != (new.status == "unreviewed"):
            self.reviewed += 1 if old.status == "unreviewed" else -1
        self.update_status_line()
        done = self.queue.total > 0 and self.reviewed >= self.queue.total
        if done and not self.was_done:
            self.notify(f"all {self.queue.total} claims in this queue are reviewed "
                        f"(filter: {describe_filter(self.claim_filter)})", title="queue done", timeout=8)
        self.was_done = done

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
            reviewed = review.count_reviewed(session, flt) if offset == 0 else None
            self.post_message(QueueLoaded(rows, offset, total, generation, select_id, reviewed))

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
    def save(self, action: str, change: Callable[..., Verdict | second_review.Judgement], claim_id: int,
             version: int | None, **kw) -> None:
        """Commit one change through the review service, then report the claim's new row."""
        reviewer = self.review_app.reviewer
        try:
            with self.session() as session:
                try:
                    verdict = change(session, claim_id, reviewer=reviewer, expected_version=version, **kw)
                except (NotFound, review.BadReviewInput) as exc:
                    if action != "evidence":
                        raise
                    # evidence naming a claim that is not there: the dialog opens again with the text typed
                    self.post_message(EvidenceRefused(claim_id, version, kw["evidence"], str(exc)))
                    return
                self.post_message(VerdictSaved(review.queue_row(session, claim_id), verdict.id, action))
                if isinstance(verdict, second_review.Judgement) and verdict.stage != "verdict":
                    # double review: say where the claim stands (the first verdict stays hidden from others)
                    self.app.call_from_thread(self.notify, verdict.line(), title="double review", markup=False)
        except StaleClaim as exc:
            self.post_message(VerdictRefused(claim_id, str(exc)))
            with self.session() as session:
                self.post_message(RowRefreshed(review.queue_row(session, claim_id)))

    @work(thread=True, group="save", exit_on_error=False)
    def decide(self, link_id: int, decision: str | None, undo: bool = False) -> None:
        """Accept or dismiss a link; with ``undo``, put back ``decision`` (the one before, perhaps none)."""
        with self.session() as session:
            reviewer = self.review_app.reviewer
            if undo:
                link = review.undo_link_decision(session, link_id, decision, reviewer=reviewer)
                before = None
            else:
                before = review.link_decision(session, link_id)
                link = review.decide_link(session, link_id, decision or "", reviewer=reviewer)
            self.post_message(LinkDecided(link_id, link.decision, link.a_id, link.b_id, before, undo))

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
        if message.reviewed is not None:
            self.reviewed = message.reviewed
            self.was_done = queue.total > 0 and self.reviewed >= queue.total
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
            new = replace(row, version=claim.version, status=claim.status)
            self.count_changed(self.queue.replace(new), new)
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
        self.count_changed(self.queue.replace(message.row), message.row)
        if message.row.id == self.shown_id:
            self.load_claim(message.row.id)

    def on_verdict_saved(self, message: VerdictSaved) -> None:
        row = message.row
        self.count_changed(self.queue.replace(row), row)
        self.notify(f"claim {row.id}: {row.status} · saved", timeout=2)
        if message.action == "status" and self.queue.current_id == row.id:
            self.advance_from(row.id)
        elif row.id == self.shown_id:
            self.load_claim(row.id)
        if message.action == "undo":
            self.queue.select_id(row.id)

    def on_verdict_refused(self, message: VerdictRefused) -> None:
        if self.undoable and self.undoable[-1] == ("verdict", message.claim_id):
            self.undoable.pop()
        self.notify(one_line(message.reason), title="not saved", severity="warning", timeout=6, markup=False)

    def on_link_decided(self, message: LinkDecided) -> None:
        what = message.decision or "back to pending"
        self.notify(f"link of claims {message.a_id} and {message.b_id}: {what}"
                    + (" (undone)" if message.undo else ""), timeout=2)
        if not message.undo:
            self.undoable.append(("link", message.link_id, message.before))
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
        column = {"id": "position", "marks": "unreviewed"}.get(str(event.column_key.value), str(event.column_key.value))
        if column in review.SORTS:
            self.sort = "position" if self.sort == column else column

    @on(ClaimQueue.NeedMore)
    def load_next_page(self) -> None:
        if not self.loading_more:
            self.loading_more = True
            self.load_queue(self.claim_filter, self.sort, len(self.queue.order), self.generation, None)

    @on(RelatedPane.Open)
    def open_related(self, message: RelatedPane.Open) -> None:
        self.remember_place()
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
            self.undoable.append(("verdict", claim_id))
            self.save("status", second_review.judge, claim_id, self._version(claim_id), status=status)

    def action_toggle_mine(self) -> None:
        mine = None if self.claim_filter.held_by else self.review_app.reviewer
        self.claim_filter = replace(self.claim_filter, held_by=mine)

    def action_toggle_disputed(self) -> None:
        self.claim_filter = replace(self.claim_filter, stage=None if self.claim_filter.stage else "disputed")

    def action_reset(self) -> None:
        claim_id = self._current()
        if claim_id is None:
            return
        version = self._version(claim_id)

        def reset(confirmed: bool | None = True) -> None:
            if confirmed:
                self.undoable.append(("verdict", claim_id))
                self.save("reset", review.reset, claim_id, version)

        verdict = self.detail.verdict if self.detail and self.detail.id == claim_id else None
        if verdict is not None and verdict.reviewer != self.review_app.reviewer:
            self.app.push_screen(ConfirmPrompt(
                f"Claim {claim_id} was marked {verdict.status} by {verdict.reviewer}. Reset it to unreviewed?"),
                reset)
        else:
            reset()

    def action_undo(self) -> None:
        if self.undoable and self.undoable[-1][0] == "link":
            _, link_id, before = self.undoable.pop()
            self.decide(link_id, before, undo=True)
            return
        claim_id = self.undoable.pop()[1] if self.undoable else self._current()
        if claim_id is not None:
            self.save("undo", review.undo_last, claim_id, self._version(claim_id))

    def action_back(self) -> None:
        if not self.trail:
            self.notify("nowhere to go back to: `o` or enter on a related claim goes there", timeout=3)
            return
        flt, sort, claim_id = self.trail.pop()
        self.set_reactive(ReviewScreen.claim_filter, flt)
        self.set_reactive(ReviewScreen.sort, sort)
        self.reload(claim_id)

    def remember_place(self) -> None:
        self.trail.append((self.claim_filter, self.sort, self.queue.current_id))

    def on_evidence_refused(self, message: EvidenceRefused) -> None:
        self._annotate("evidence", f"evidence for claim {message.claim_id}", EVIDENCE_HINT, claim_id=message.claim_id,
                       version=message.version, value=message.value, error=message.reason)

    def _annotate(self, field: str, title: str, placeholder: str, *, claim_id: int | None = None,
                  version: int | None = None, value: str = "", error: str = "") -> None:
        if claim_id is None:
            claim_id = self._current()
            if claim_id is None:
                return
            version = self._version(claim_id)

        def answered(value: str | None) -> None:
            if value and value.strip():
                self.save(field, review.annotate, claim_id, version, **{field: value})

        def check(value: str) -> str | None:
            return review.evidence_problem(value, claim_id) if value.strip() else None

        self.app.push_screen(TextPrompt(title, placeholder=placeholder, value=value, error=error,
                                        check=check if field == "evidence" else None), answered)

    def action_note(self) -> None:
        self._annotate("note", f"note on claim {self.queue.current_id}", "what you found, or why")

    def action_evidence(self) -> None:
        self._annotate("evidence", f"evidence for claim {self.queue.current_id}", EVIDENCE_HINT)

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
            self.remember_place()
            self.locate(self.related.other_ids[link_id])

    def action_compare(self) -> None:
        link_id = self.related.current_link_id
        if link_id is None or self.detail is None:
            self.notify("no related link under the cursor: move to one in related claims", severity="warning")
            return
        self.load_compare(self.detail.id, self.related.other_ids[link_id], link_id)

    @work(thread=True, group="compare", exit_on_error=False)
    def load_compare(self, claim_id: int, other_id: int, link_id: int) -> None:
        with self.session() as session:
            self.post_message(CompareLoaded(review.claim_detail(session, claim_id),
                                            review.claim_detail(session, other_id), link_id))

    def on_compare_loaded(self, message: CompareLoaded) -> None:
        def decided(decision: str | None) -> None:
            if decision:
                self.decide(message.link_id, decision)

        self.app.push_screen(CompareScreen(message.this, message.other, message.link_id), decided)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen([b for b in self.BINDINGS if isinstance(b, Binding)]))
