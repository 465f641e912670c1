from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read, before it is stored. ``text`` is exactly what will be kept."""

    text: str
    #: base name of the file it came from (the export's source.name)
    name: str
    #: the file path or URL
    origin: str
    format: str = "txt"
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    #: the file it was read from (one JSON Lines or CSV file holds many articles)
    file: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
