"""Claim extraction: pure code, text and publication date in, claim drafts out.

Nothing here touches a database, the file system or a UI, so it is fast to test and can run in worker
processes. The walk is in :mod:`.pipeline`, the attribution rules in :mod:`.attribute`, the English data in
:mod:`.lexicon.en`.
"""
from __future__ import annotations

from .drafts import AttributionDraft, ClaimDraft, Extraction, SkippedDraft, SpeakerDraft, ValueDraft
from .lexicon import UnknownLanguage
from .outlet import detect_outlet
from .pipeline import extract

__all__ = [
    "AttributionDraft", "ClaimDraft", "Extraction", "SkippedDraft", "SpeakerDraft", "UnknownLanguage", "ValueDraft",
    "detect_outlet", "extract",
]
