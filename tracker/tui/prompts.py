"""Modal prompts: one line of text (note, evidence, search, claim id) and the filter form."""
from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from ..models import CLAIM_KINDS, STATUSES
from ..services.claims import ClaimFilter


class TextPrompt(ModalScreen[str | None]):
    """Asks for one line; enter answers it, escape cancels (answers None). ``check`` names what is wrong with an
    answer (None: nothing): the dialog then says so and stays open with the text as typed."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, *, placeholder: str = "", value: str = "", hint: str = "", error: str = "",
                 check: Callable[[str], str | None] | None = None) -> None:
        super().__init__()
        self.prompt_title, self.placeholder, self.initial, self.hint = title, placeholder, value, hint
        self.error, self.check = error, check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.prompt_title, classes="dialog-title")
            yield Input(value=self.initial, placeholder=self.placeholder, id="prompt-input")
            error = Label(self.error, id="prompt-error", classes="dialog-error")
            error.display = bool(self.error)
            yield error
            yield Label(self.hint or "enter to save · escape to cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.check(event.value) if self.check else None
        if problem:
            error = self.query_one("#prompt-error", Label)
            error.update(problem)
            error.display = True
            return
        self.dismiss(event.value)


class ConfirmPrompt(ModalScreen[bool]):
    """A yes-or-no question: y or enter answers yes, n or escape no."""

    BINDINGS = [Binding("y,enter", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title")
            yield Label("y or enter: yes · n or escape: no", classes="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _choice(options: tuple[str, ...], current: str | None, widget_id: str) -> Select:
    return Select([(o, o) for o in options], value=current if current else Select.NULL,
                  prompt="any", allow_blank=True, id=widget_id)


class FilterPrompt(ModalScreen[ClaimFilter | None]):
    """Status, kind, outlet and speaker filters; the text search stays as it was."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: ClaimFilter) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        flt = self.current
        with Vertical(classes="dialog filters"):
            yield Label("filters", classes="dialog-title")
            for label, field in (("status", _choice(STATUSES, flt.status, "filter-status")),
                                 ("kind", _choice(CLAIM_KINDS, flt.kind, "filter-kind")),
                                 ("outlet has", Input(value=flt.outlet or "", id="filter-outlet")),
                                 ("speaker has", Input(value=flt.speaker or "", id="filter-speaker"))):
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield field
            with Horizontal(classes="dialog-buttons"):
                yield Button("apply", variant="primary", id="filter-apply")
                yield Button("clear all", id="filter-clear")
            yield Label("enter or apply · escape to cancel", classes="dialog-hint")

    def chosen(self) -> ClaimFilter:
        def select(widget_id: str) -> str | None:
            value = self.query_one(widget_id, Select).value
            return None if value is Select.NULL else str(value)

        def text(widget_id: str) -> str | None:
            return self.query_one(widget_id, Input).value.strip() or None

        return ClaimFilter(status=select("#filter-status"), kind=select("#filter-kind"),
                           outlet=text("#filter-outlet"), speaker=text("#filter-speaker"),
                           search=self.current.search)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self.chosen() if event.button.id == "filter-apply" else ClaimFilter())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self.chosen())

    def action_cancel(self) -> None:
        self.dismiss(None)
