"""The tracker's exceptions: each one prints as a single clear line."""
from __future__ import annotations


class TrackerError(Exception):
    """Base of every error a user can cause; the CLI prints it as one line and exits non-zero."""


class ConfigError(TrackerError):
    """A bad setting, such as a database URL that cannot be used."""


class DatabaseError(TrackerError):
    """The database cannot be opened, is locked, or is read-only."""


class NotFound(TrackerError):
    """A claim, document or link id that does not exist."""


class IngestError(TrackerError):
    """A file that cannot be ingested; ``path`` names it (or its bad row), ``file`` the file it is in."""

    reason = "cannot be ingested"

    def __init__(self, path: str, reason: str | None = None):
        self.path = path
        self.file = path
        super().__init__(f"{path}: {reason or self.reason}")


class NotUtf8(IngestError):
    reason = "not valid UTF-8 (use --encoding if you know its encoding)"


class EmptyDocument(IngestError):
    reason = "empty or only white space"


class BinaryFile(IngestError):
    reason = "binary file, not text"


class Unreadable(IngestError):
    reason = "cannot be read"


class FetchError(IngestError):
    """A URL whose page cannot be had: host not found, refused, timed out, an HTTP error, not HTML, too large."""

    reason = "cannot be fetched"


class NoTextFiles(IngestError):
    reason = "no text files found"


class StaleClaim(TrackerError):
    """A verdict on a claim that someone else changed since it was loaded."""


class OutputError(TrackerError):
    """A file a command was asked to write (``-o``) cannot be written: its folder is missing, or it is refused."""
