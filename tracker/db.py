"""Engine and session factory; SQLite pragmas; bringing a database's schema to the newest migration.

Alembic is imported only when a migration is due (or asked about): a database already at the newest schema is
recognised from the migration files' ``revision``/``down_revision`` lines and the ``alembic_version`` row.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .config import sqlite_timeout
from .errors import ConfigError, DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

_PACKAGE = Path(__file__).resolve().parent


def migrations_dir() -> Path:
    """The Alembic scripts: inside the installed package, or ``migrations/`` beside it in a checkout."""
    for candidate in (_PACKAGE / "_migrations", _PACKAGE.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise ConfigError("the migrations folder is missing from this installation")


#: drivers SQLAlchemy would pick for a URL without one, and the one installed with tracker[postgres]
_DRIVERLESS = {"postgres": "postgresql+psycopg", "postgresql": "postgresql+psycopg"}


def parse_url(url: str) -> URL:
    """A database URL, parsed; ``postgres://`` and ``postgresql://`` (as Heroku and libpq write them) mean
    PostgreSQL through psycopg 3, the driver tracker installs."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(
            f"bad database URL {url!r}: expected e.g. sqlite:///path.db or postgresql+psycopg://host/db"
        ) from exc
    if parsed.drivername in _DRIVERLESS:
        parsed = parsed.set(drivername=_DRIVERLESS[parsed.drivername])
    return parsed


def sqlite_file(url: str | URL) -> Path | None:
    """The file a SQLite URL names; None for another engine, for memory and for a ``file:`` URI (which names
    its file itself, perhaps read-only)."""
    parsed = parse_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() != "sqlite":
        return None
    is_uri = parsed.query.get("uri") == "true" or (parsed.database or "").startswith("file:")
    if not parsed.database or parsed.database == ":memory:" or is_uri:
        return None
    return Path(parsed.database).expanduser().resolve()


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for ``url``, with WAL and foreign keys on for SQLite. With ``create`` a SQLite file's folder is
    made on demand; without it nothing is made (see :func:`require_database`)."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(parsed)
        if path is not None and create:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"cannot create the database folder {path.parent}: {exc.strerror}") from exc
        try:
            engine = create_engine(parsed, connect_args={"timeout": sqlite_timeout()})
        except NoSuchModuleError as exc:
            raise ConfigError(f"unsupported database URL {url!r}") from exc
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise ConfigError(f"unsupported database URL {url!r} (is its driver installed?)") from exc


def require_database(url: str) -> None:
    """Refuse, before anything is made, a SQLite file that is not there: reading commands never create one."""
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise DatabaseError(f"no database at {path}: `tracker ingest` (or `tracker db upgrade`) creates one; "
                            "check --db or $TRACKER_DATABASE_URL")


def require_schema(engine: Engine) -> None:
    """Refuse a database without tracker's tables (an empty file, a new PostgreSQL database)."""
    if current_revision(engine) is None:
        where = engine.url.render_as_string(hide_password=True)
        raise DatabaseError(f"the database {where} is empty: `tracker ingest` (or `tracker db upgrade`) "
                            "sets it up")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(sqlite_timeout() * 1000)}")
    mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    if mode not in ("wal", "memory"):
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic Config for the project's migrations; ``engine`` is handed to env.py, never a URL in a file."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, f"no migrations in {migrations_dir()}"
    return head


_REVISION_LINE = re.compile(r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:None|(["'])([^"']+)\2)\s*(?:#.*)?$""",
                            re.MULTILINE)


def _scripted_head() -> str | None:
    """The newest migration, read from the scripts' ``revision = "…"`` and ``down_revision = "…"`` lines without
    importing Alembic; None when the scripts are not one simple chain (a merge, a branch, a line written some
    other way), for Alembic itself to work out."""
    parents: dict[str, str | None] = {}
    for script in sorted((migrations_dir() / "versions").glob("*.py")):
        found = {m.group(1): m.group(3) for m in _REVISION_LINE.finditer(script.read_text(encoding="utf-8"))}
        if "revision" not in found or found["revision"] is None or "down_revision" not in found:
            return None
        parents[found["revision"]] = found["down_revision"]
    heads = set(parents) - set(parents.values())
    roots = [r for r, parent in parents.items() if parent is None]
    if len(heads) != 1 or len(roots) != 1 or any(p is not None and p not in parents for p in parents.values()):
        return None
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with _connect(engine) as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
        if len(rows) <= 1:
            return rows[0] if rows else None
        from alembic.runtime.migration import MigrationContext  # several heads: Alembic says what is wrong

        return MigrationContext.configure(conn).get_current_revision()


@dataclass(frozen=True, slots=True)
class Upgrade:
    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def upgrade(engine: Engine) -> Upgrade:
    """Bring the schema to the newest migration; says what it was before."""
    before = current_revision(engine)
    if before is not None and before == _scripted_head():
        return Upgrade(before, before)  # nothing due: Alembic is not even imported
    head = head_revision()
    if before != head:
        from alembic import command

        try:
            command.upgrade(alembic_config(engine), "head")
        except OperationalError as exc:
            raise _database_error(engine, exc) from exc
    return Upgrade(before, head)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def _connect(engine: Engine) -> Iterator:
    try:
        with engine.connect() as conn:
            yield conn
    except OperationalError as exc:
        raise _database_error(engine, exc) from exc


def _database_error(engine: Engine, exc: OperationalError) -> DatabaseError:
    message = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    where = engine.url.render_as_string(hide_password=True)
    if "locked" in message:
        return DatabaseError(f"{where}: the database is locked by another process; try again")
    if "readonly" in message.replace("-", "").replace(" ", ""):
        return DatabaseError(f"{where}: the database is read-only")
    return DatabaseError(f"cannot use the database {where}: {message}")


def database_error(engine: Engine, exc: OperationalError) -> DatabaseError:
    """One clear line for a driver's operational error (locked, read-only, unreachable)."""
    return _database_error(engine, exc)
