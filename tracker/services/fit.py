"""An extraction made to fit the database, the same on SQLite and PostgreSQL, before any row is written.

Extraction may produce what a column cannot hold faithfully: a number of 600 digits read as infinity, a
"unit" longer than a unit word, a speaker "name" that is a whole paragraph. Rather than store a wrong value
(SQLite) or fail the document (PostgreSQL), each such part is left out, and the claim itself is kept:

- a value whose number is not finite, whose text is over 500 characters or whose unit is over 50: dropped;
- a speaker or relay whose name is over 300 characters: dropped (the claim is then quoted with no speaker named);
- a cue over 100 characters or a descriptor over 500: dropped;
- a check-worthiness that is not a finite number: 0.5; a non-finite number in a claim's reason: null.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from ..extract import Extraction
from ..extract.drafts import AttributionDraft, ClaimDraft, SpeakerDraft, ValueDraft

MAX_VALUE_TEXT = 500
MAX_UNIT = 50
MAX_NAME = 300
MAX_CUE = 100
MAX_DESCRIPTOR = 500


def finite(number: float | None) -> bool:
    return number is None or math.isfinite(number)


def fit(extraction: Extraction) -> Extraction:
    """``extraction`` with every part the database cannot hold faithfully left out (see the module)."""
    return Extraction([_claim(c) for c in extraction.claims], list(extraction.skipped))


def _claim(draft: ClaimDraft) -> ClaimDraft:
    values = tuple(v for v in draft.values if _value_fits(v))
    worth = draft.check_worthiness if finite(draft.check_worthiness) else 0.5
    attribution = _attribution(draft.attribution)
    if values == draft.values and worth == draft.check_worthiness and attribution is draft.attribution \
            and _json_finite(draft.reason):
        return draft
    return replace(draft, values=values, check_worthiness=worth, attribution=attribution,
                   reason=json_safe(draft.reason))


def _value_fits(value: ValueDraft) -> bool:
    return (all(finite(n) for n in (value.number, value.low, value.high)) and len(value.text) <= MAX_VALUE_TEXT
            and (value.unit is None or len(value.unit) <= MAX_UNIT))


def _speaker_fits(speaker: SpeakerDraft | None) -> bool:
    return speaker is None or len(speaker.name) <= MAX_NAME


def _attribution(att: AttributionDraft) -> AttributionDraft:
    cue = att.cue if att.cue is None or len(att.cue) <= MAX_CUE else None
    descriptor = att.descriptor if att.descriptor is None or len(att.descriptor) <= MAX_DESCRIPTOR else None
    speaker = att.speaker if _speaker_fits(att.speaker) else None
    via = tuple(r for r in att.via if _speaker_fits(r))
    if (cue, descriptor, speaker, via) == (att.cue, att.descriptor, att.speaker, att.via):
        return att
    return replace(att, cue=cue, descriptor=descriptor, speaker=speaker, via=via)


def _json_finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_json_finite(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(_json_finite(v) for v in value)
    return True


def json_safe(value: Any) -> Any:
    """``value`` with every non-finite float made None, so it is JSON (``Infinity`` and ``NaN`` are not)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value
