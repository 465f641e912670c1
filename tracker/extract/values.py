"""All normalized values of a text, each with its own span: dates first, then quantities elsewhere, then the
values read together (a day range, a week named by a day, a date given as a distance from another)."""
from __future__ import annotations

from datetime import date

from .dates import Taken, find_dates
from .drafts import ValueDraft
from .offsets import join_values
from .quantities import find_quantities


def find_values(text: str, published: date | None, start: int = 0) -> list[ValueDraft]:
    """Dates and quantities of ``text[start:]`` sorted by position; no two overlap."""
    taken = Taken(len(text))
    values = find_dates(text, published, start, taken)
    values += find_quantities(text, start, taken)
    values.sort(key=lambda v: v.start)
    return join_values(text, values, published)
