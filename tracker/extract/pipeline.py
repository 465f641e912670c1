"""The walk over one article: furniture skipped line by line, paragraphs cut into sentences and sentences into
clauses; each clause attributed by the rules of :mod:`.attribute` and made a claim by :mod:`.claims`."""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from . import furniture
from .attribute import attribute, introduces_quotation
from .attribution import CUE, Cue, find_cues, mask_quotes
from .claims import add_claim
from .clauses import closes_sentence, split
from .context import Article, Clause
from .drafts import Extraction, SkippedDraft
from .lexicon import en, language
from .mentions import name_later, remember_names
from .segment import paragraphs, quote_regions, quoted_share, sentences, straight_quotes
from .values import find_values

# an event the outlet reports itself: a past-tense verb or a figure ("The river burst its banks on Monday"), not a
# view ("Initiatives like this are critical; …, said the EPA.")
_REPORTED_EVENT = re.compile(r"\d|\b(?:was|were|had|did|burst|fell|rose|hit|struck|took|made|came|went|began|left|"
                             r"lost|won|cut|killed|[a-z]{3,}ed)\b")
_SEPARATE = re.compile(r";(?![^()]*\))|,?\s+(?:while|whereas)\s")  # not "(£398m; $768m)"
_POLL = re.compile(r"\b(?:[Pp]olls?|[Ss]urveys?|[Pp]ollsters?)\b")
_NAME = r"(?:[A-Z][\w&.'’/-]*\s+){0,4}[A-Z][\w&.'’/-]*"
_POLL_BY = re.compile(rf"\b(?:polls?|surveys?)\s+(?:conducted\s+)?(?:by|from|for)\s+(?:the\s+)?(?P<who>{_NAME})")
_NAMED_POLL = re.compile(rf"(?P<who>{_NAME})\s+(?:polls?|surveys?)\b")
_INTRO_LINE = 160  # characters: a short line ending in a colon may introduce the quotation below it
_HEADING_WORDS = 8


def extract(text: str, published: date | None = None, lang: str = "en") -> Extraction:
    """Every claim in ``text`` with its span, attribution, values and why; page furniture skipped.
    ``lang`` names the language's rules (only English today); an unknown one raises ``UnknownLanguage``."""
    language(lang)
    # the walk reads quotation marks as they are meant ('' and `` too); offsets are those of ``text``
    art = Article(straight_quotes(text), published)
    pos = _date_header(art)
    art.values = find_values(text, published, pos)
    art.value_starts = [v.start for v in art.values]
    paras = list(paragraphs(text, pos))
    # a text of one line has no page around it: that line is the text, never a heading or a caption of it
    art.whole_line = len(paras) == 1
    for n, (ps, pe) in enumerate(paras):
        _paragraph(art, n, ps, pe)
    name_later(art.mentions, art.result.claims)
    return art.result


def _date_header(art: Article) -> int:
    """Skip the reader's "date YYYY-MM-DD" header; where the article proper starts."""
    header = furniture.DATE_HEADER.match(art.text)
    if not header:
        return 0
    g = header.group()
    art.result.skipped.append(SkippedDraft(header.start() + len(g) - len(g.lstrip()),
                                           header.end() - (len(g) - len(g.rstrip())), "publication date header"))
    return header.end()


def _paragraph(art: Article, n: int, ps: int, pe: int, intro_checked: bool = False) -> None:
    text = art.text
    if text[pe - 1] == ":" and not intro_checked:
        # "The woman disputes it. Lena Fors reports:": the sentences before the one introducing the quotation
        # below are claims of their own
        last = _last_sentence_start(text, ps, pe)
        if pe - last < _INTRO_LINE:
            if last > ps:
                _paragraph(art, n, ps, len(text[:last].rstrip()))
            if introduces_quotation(art, last, pe):
                return
            if last > ps:
                _paragraph(art, n, last, pe, intro_checked=True)
                return
    reason = None if art.whole_line else furniture.line_reason(text[ps:pe])
    if reason:
        art.result.skipped.append(SkippedDraft(ps, pe, reason))
        art.last_quote = None
        return
    if n < 3:
        m = furniture.DATELINE.match(text, ps, pe)
        if m and m.end() < pe:
            art.result.skipped.append(SkippedDraft(ps, ps + len(m.group().rstrip()), "dateline or wire credit"))
            ps = m.end()
    if not art.quote_carries:
        # a quotation with no cue is the speaker's of its own paragraph only, never one from paragraphs before
        art.last_quote = None
    regions = quote_regions(text, ps, pe)
    # a quotation left open at the paragraph's end goes on in the next one
    art.quote_carries = bool(regions) and regions[-1][1] >= pe and text[pe - 1] not in "”\""
    for ss, se in sentences(text, ps, pe):
        ending = text[ss:se].rstrip("\"”’')]")
        if ending.endswith("?"):
            # "Wait for what? For the next flood?": a question asserts nothing a fact-checker could check
            art.result.skipped.append(SkippedDraft(ss, se, "question, not an assertion"))
        elif ending.endswith(":") and len(ending.split()) <= _HEADING_WORDS and not CUE.search(ending):
            art.result.skipped.append(SkippedDraft(ss, se, "heading introducing a list"))
        else:
            _sentence(art, ss, se, pe, regions)


def _last_sentence_start(text: str, ps: int, pe: int) -> int:
    last = ps
    for ss, _se in sentences(text, ps, pe):
        last = ss
    return last


def _sentence(art: Article, ss: int, se: int, pe: int, regions: list[tuple[int, int]]) -> None:
    text = art.text
    masked = mask_quotes(text, ss, se, regions)
    art.sentence_start = len(art.result.claims)
    art.mentions.new_sentence(ss)
    remember_names(art.mentions, masked, ss)
    if ("oll" in masked or "urvey" in masked) and _POLL.search(masked):
        _remember_pollster(art, masked)
    cues = find_cues(masked, ss)
    share = quoted_share(regions, ss, se)
    inverted = [c for c in cues if closes_sentence(masked, c, ss)]
    # "it" and "they" only reach back to the sentence before: further back they are a guess
    if not art.spoke:
        art.recent.clear()
    art.spoke = False
    # each clause's cues found by bisection (in their found order): a sentence of thousands of clauses stays linear
    order = sorted(range(len(cues)), key=lambda k: cues[k].start)
    starts = [cues[k].start for k in order]
    closing = {id(c) for c in inverted}
    for cs, ce, connector in split(masked, ss, cues, text=text):
        cs, ce = _trim(text, cs, ce)
        if ce - cs < 2 or len(text[cs:ce].split()) < 2:
            continue
        own = [cues[k] for k in sorted(order[bisect_left(starts, cs):bisect_left(starts, ce)])
               if id(cues[k]) not in closing]
        clause = Clause(cs, ce, connector, (ss, se), masked, pe, regions, own,
                        _governing(masked, ss, cs, ce, own, inverted), share)
        attribution, rule, features = attribute(art, clause)
        add_claim(art, cs, ce, attribution, rule, features, same_sentence=connector == "caveat")


def _remember_pollster(art: Article, masked: str) -> None:
    """"A poll by Civic Pulse …", "a new Harlow Research survey …": the pollster, for "41% said …" later."""
    m = _POLL_BY.search(masked) or _NAMED_POLL.search(masked)
    words = m["who"].split() if m else []
    while words and words[0].lower() in en.NOT_NAMES:
        words.pop(0)  # "A Harbour Pulse poll …" at a sentence's start: the article is no part of the name
    if m and len(words) == 1 and not words[0].isupper() and not masked[: m.start("who")].strip(" “\"‘'(_"):
        return  # "Exit polls show …", "Opinion polls …": one capitalized word opening the sentence names no pollster
    if words:
        art.pollster = (" ".join(words), "organization")


def _trim(text: str, cs: int, ce: int) -> tuple[int, int]:
    """White space and trailing commas off a clause, so the quote is the clause itself."""
    while cs < ce and text[cs].isspace():
        cs += 1
    while ce > cs and (text[ce - 1].isspace() or text[ce - 1] in ",;"):
        ce -= 1
    return cs, ce


def _governing(masked: str, ss: int, cs: int, ce: int, own: list[Cue], inverted: list[Cue]) -> Cue | None:
    """The closing cue that governs a clause (", Tass reported."): the one after it; a clause after it only
    when that clause has no cue of its own ("…, the union said, though it cautioned that …" is the union's)."""
    governing = next((c for c in inverted if c.start >= cs), None)
    if governing is not None and governing.start > ce and governing.position != "according" \
            and _SEPARATE.search(masked, ce - ss, governing.start - ss) \
            and _REPORTED_EVENT.search(masked, cs - ss, ce - ss):
        # "The river burst its banks; dozens of homes were flooded, residents said.": the closing cue covers its
        # own clause, not the outlet's statement before a semicolon or a "while"
        governing = None
    if governing is None and not own and inverted:
        governing = next((c for c in reversed(inverted) if c.start < cs), None)
    return governing
