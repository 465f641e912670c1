"""What extraction remembers while it walks one article, and what it knows of the clause in hand."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .attribution import Cue
from .drafts import AttributionDraft, Extraction, ValueDraft
from .mentions import Mentions
from .segment import quoted_share
from .speakers import Speaker


@dataclass
class Article:
    """The per-article state of one extraction."""

    text: str
    published: date | None
    values: list[ValueDraft] = field(default_factory=list)
    #: the start of each value, for finding a clause's values by bisection
    value_starts: list[int] = field(default_factory=list)
    mentions: Mentions = field(default_factory=Mentions)
    #: speakers, latest last, for "it" and "they"
    recent: list[tuple[str, str]] = field(default_factory=list)
    #: for a quotation that runs on without a cue
    last_quote: AttributionDraft | None = None
    #: whether the quotation of the paragraph before goes on into the next (left open, or introduced by a line)
    quote_carries: bool = False
    #: the text is one line: no page furniture around it
    whole_line: bool = False
    #: the organization whose poll or survey the article named last, for "41% said …"
    pollster: tuple[str, str] | None = None
    #: whether the previous sentence named a speaker
    spoke: bool = False
    #: index of the current sentence's first claim
    sentence_start: int = 0
    result: Extraction = field(default_factory=Extraction)


@dataclass
class Clause:
    """One clause of a sentence and the cues around it, as the attribution rules see it."""

    start: int
    end: int
    #: how the clause joins the one before: "participle", "that", "caveat", … ("" for none)
    connector: str
    #: the sentence (start, end), its masked text, the paragraph's end and its quotations
    sentence: tuple[int, int]
    masked: str
    paragraph_end: int
    regions: list[tuple[int, int]]
    #: cues inside the clause, and the closing cue that governs it (", Tass reported.")
    own: list[Cue]
    governing: Cue | None
    #: the share of the sentence and of the clause inside quotation marks
    sentence_share: float = 0.0
    share: float = field(init=False)
    #: the speakers its cues name, resolved once (several rules ask)
    speakers: dict[int, Speaker | None] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.share = quoted_share(self.regions, self.start, self.end)

    @property
    def quoted(self) -> bool:
        """Mostly a quotation: the sentence or the clause itself."""
        return self.sentence_share >= 0.6 or self.share >= 0.6
