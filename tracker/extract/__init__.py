"""Claim extraction: pure code, text and publication date in, claim drafts out.

Nothing here touches a database, the file system or a UI, so it is fast to test and can run in worker
processes. The walk is in :mod:`.pipeline`, the attribution rules in :mod:`.attribute`, the English data in
:mod:`.lexicon.en`.

The drafts are imported at once; ``extract`` and ``detect_outlet`` only when first used (PEP 562), so that reading
stored claims, which needs the drafts or a furniture pattern but never the extractor, does not pay for compiling
its rules (a quarter of a second).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .drafts import AttributionDraft, ClaimDraft, Extraction, SkippedDraft, SpeakerDraft, ValueDraft
from .lexicon import UnknownLanguage

if TYPE_CHECKING:
    from .outlet import detect_outlet
    from .pipeline import extract

__all__ = [
    "AttributionDraft", "ClaimDraft", "Extraction", "SkippedDraft", "SpeakerDraft", "UnknownLanguage", "ValueDraft",
    "detect_outlet", "extract",
]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from .pipeline import extract
        return extract
    if name == "detect_outlet":
        from .outlet import detect_outlet
        return detect_outlet
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
