"""Claim extraction: pure code, text and publication date in, claim drafts out.

Nothing here touches a database, the file system or a UI, so it is fast to test and can run in worker
processes.
"""
from __future__ import annotations

import re
from datetime import date

from .drafts import AttributionDraft, ClaimDraft, Extraction, SkippedDraft, SpeakerDraft, ValueDraft
from .outlet import detect_outlet

__all__ = [
    "AttributionDraft", "ClaimDraft", "Extraction", "SkippedDraft", "SpeakerDraft", "ValueDraft",
    "detect_outlet", "extract",
]

_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+(?=\s|$)|$)", re.M)


def extract(text: str, published: date | None = None) -> Extraction:
    """Split ``text`` into sentence-level claims (a simple stand-in for the full extractor)."""
    result = Extraction()
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        sentence = text[start:end]
        if len(sentence) < 25 or not sentence.endswith((".", "!", "?")):
            if sentence:
                result.skipped.append(SkippedDraft(start, end, "no sentence ending"))
            continue
        kind = "quote" if re.search(r"[\"“”]", sentence) else "quantity" if re.search(r"\d", sentence) else "event"
        result.claims.append(ClaimDraft(start, end, kind, reason={"rule": "sentence", "features": []}))
    return result
