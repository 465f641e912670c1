"""Stored text made safe to show or to hand to a spreadsheet; the stored text itself is never changed.

- :func:`printable`: for a terminal. Control characters (escape sequences, OSC 8 hyperlinks, carriage
  returns, bidirectional overrides) are dropped; line breaks and tabs stay. Callers put the result in a
  ``rich.text.Text`` (or print with ``markup=False``), so brackets are shown as brackets, never read as markup.
- :func:`csv_cell` / :func:`csv_row`: for CSV files. A text cell starting with ``=``, ``+``, ``-``, ``@``, a
  tab or a carriage return would be read as a formula by a spreadsheet; it gets a leading apostrophe, as
  OWASP recommends ("CSV Injection").
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

#: C0 controls but tab and line feed, DEL, C1 controls, zero-width and bidirectional formatting marks
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

#: first characters that make a spreadsheet read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def printable(text: object) -> str:
    """``text`` as a string without control characters (line breaks and tabs kept), for display only."""
    return _CONTROL.sub("", "" if text is None else str(text))


def one_line(text: object) -> str:
    """``printable`` with every run of white space (line breaks included) made one space."""
    return " ".join(printable(text).split())


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {key: csv_cell(value) for key, value in row.items()}
