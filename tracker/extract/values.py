"""All normalized values of a text, each with its own span: dates first, then quantities elsewhere."""
from __future__ import annotations

from datetime import date

from .dates import Taken, find_dates
from .drafts import ValueDraft
from .quantities import find_quantities


def find_values(text: str, published: date | None, start: int = 0,
                quoted: list[tuple[int, int]] | None = None) -> list[ValueDraft]:
    """Dates and quantities of ``text[start:]`` sorted by position; no two overlap."""
    taken = Taken(len(text))
    values = find_dates(text, published, start, taken, quoted)
    values += find_quantities(text, start, taken)
    values.sort(key=lambda v: v.start)
    return values
