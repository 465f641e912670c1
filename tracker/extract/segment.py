"""Paragraphs, sentences and quotations with exact character offsets into the whole text."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from .lexicon import en

# a line holding anything but white space is a paragraph, whether or not blank lines separate them
_LINE = re.compile(r"[^\n]*\S[^\n]*")
# end punctuation, any closing quotes or brackets, then white space: a candidate sentence boundary
_END = re.compile(r"([.!?]+)([\"”’')\]]*)\s+")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
# the next word, after any opening quotes and brackets ("[We] will appeal", "“(The) …")
_NEXT_WORD = re.compile(r"[\"“‘'(\[]{0,3}([\w’'-]+)")

# abbreviations and sentence openers: the lexicon's
_TITLES = en.PERIOD_TITLES
_MAYBE = en.PERIOD_MAYBE
_OPENERS = en.SENTENCE_OPENERS


def paragraphs(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank line, leading and trailing white space excluded."""
    for m in _LINE.finditer(text, start):
        s, e = m.start(), m.end()
        line = m.group()
        s += len(line) - len(line.lstrip())
        e -= len(line) - len(line.rstrip())
        yield s, e


def _is_boundary(text: str, stop: int, nxt: int) -> bool:
    """Whether the end punctuation ending at ``stop`` (a period, usually) really ends a sentence."""
    m = _WORD_BEFORE.search(text, max(0, stop - 40), stop)
    word = m.group(1).rstrip(".") if m else ""
    low = word.lower()
    nm = _NEXT_WORD.match(text, nxt)
    following = nm.group(1) if nm else ""
    if not following or not (following[0].isupper() or following[0].isdigit() or text[nxt] in "\"“‘'"):
        return False
    if text[stop - 1] != ".":
        return True
    if low in _TITLES:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "George W. Bush"
        return False
    if low in _MAYBE or "." in word:  # "Sept. 27", "U.S. forces", "5 p.m. Friday"
        if following[0].isdigit():
            return False
        return following.lower() in _OPENERS
    return True


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` (one paragraph) as ``(start, end)``, end punctuation and closing
    quotes included, surrounding white space excluded."""
    spans = []
    s = start
    for m in _END.finditer(text, start, end):
        if _is_boundary(text, m.end(1), m.end()):
            spans.append((s, m.end(2)))
            s = m.end()
    if s < end:
        spans.append((s, end))
    return spans


def sentence_end(text: str, start: int, end: int) -> int:
    """Where the first of :func:`sentences` ends, found without reading the paragraph's later sentences."""
    for m in _END.finditer(text, start, end):
        if _is_boundary(text, m.end(1), m.end()):
            return m.end(2)
    return end


_QUOTE_CHARS = re.compile(r"[\"“”]")
_DOUBLED = re.compile(r"''|``")


def straight_quotes(text: str) -> str:
    """The text with the doubled apostrophes and backticks some newspapers print as quotation marks (''…'' and
    ``…'') turned into straight double quotes, every offset unchanged: an opening pair becomes ``"'`` and a
    closing one ``'"``, so the quotation's marks enclose it as before."""
    if "''" not in text and "``" not in text:
        return text

    def swap(m: re.Match) -> str:
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 2] if i + 2 < len(text) else " "
        opening = m.group() == "``" or ((before.isspace() or before in "([{—–-") and not after.isspace())
        return "\"'" if opening else "'\""

    return _DOUBLED.sub(swap, text)


def quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations in one paragraph as ``(open, close)``: the offsets of their marks (close exclusive).

    Straight quotes open after white space or a bracket and close before it. An opening mark while a
    quotation is already open starts a new one (a quoted paragraph run on: ``… weeks. "We are …``); an
    unclosed quotation runs to the paragraph's end.
    """
    regions = []
    open_at = -1
    for m in _QUOTE_CHARS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch == "“":
            opening = True
        elif ch == "”":
            opening = False
        else:
            opening = (before.isspace() or before in "([{—–-:") and not after.isspace()
        if opening:
            if open_at >= 0:
                regions.append((open_at, i))
            open_at = i
        elif open_at >= 0:
            regions.append((open_at, i + 1))
            open_at = -1
    if open_at >= 0:
        regions.append((open_at, end))
    return regions


def overlapping(regions: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of :func:`quote_regions` (in order, none inside another) that overlap ``[start, end)``,
    found by bisection: a sentence of a paragraph with thousands of quotations does not look at them all."""
    i = bisect_right(regions, start, key=lambda r: r[1])
    j = i
    while j < len(regions) and regions[j][0] < end:
        j += 1
    return regions[i:j]


def quoted_share(regions: list[tuple[int, int]], start: int, end: int) -> float:
    """The share of ``[start, end)`` that lies inside quotations."""
    if end <= start:
        return 0.0
    inside = sum(max(0, min(e, end) - max(s, start)) for s, e in overlapping(regions, start, end))
    return inside / (end - start)
