"""Where the database is: ``--db``, then ``TRACKER_DATABASE_URL``, then a SQLite file in the user's data directory."""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

ENV_URL = "TRACKER_DATABASE_URL"
ENV_SQLITE_TIMEOUT = "TRACKER_SQLITE_TIMEOUT"


def default_database_path() -> Path:
    """The default SQLite file; honours XDG_DATA_HOME on Linux."""
    return user_data_path("tracker", appauthor=False) / "tracker.db"


def database_url(explicit: str | None = None) -> str:
    """The URL to use: the explicit one, else the environment, else the default SQLite file."""
    if explicit:
        return explicit
    env = os.environ.get(ENV_URL)
    if env:
        return env
    return f"sqlite:///{default_database_path()}"


def sqlite_timeout() -> float:
    """Seconds a SQLite connection waits for another writer's lock before giving up (default 15)."""
    raw = os.environ.get(ENV_SQLITE_TIMEOUT, "15")
    try:
        seconds = float(raw)
    except ValueError:
        from .errors import ConfigError

        raise ConfigError(f"{ENV_SQLITE_TIMEOUT}={raw!r} is not a number of seconds") from None
    return max(seconds, 0.0)
