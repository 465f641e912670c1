"""Engine and session factory; SQLite pragmas; bringing a database's schema to the newest migration."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .config import sqlite_timeout
from .errors import ConfigError, DatabaseError

_PACKAGE = Path(__file__).resolve().parent


def migrations_dir() -> Path:
    """The Alembic scripts: inside the installed package, or ``migrations/`` beside it in a checkout."""
    for candidate in (_PACKAGE / "_migrations", _PACKAGE.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise ConfigError("the migrations folder is missing from this installation")


def make_engine(url: str) -> Engine:
    """An engine for ``url``; a SQLite file (and its folder) is created on demand, with WAL and foreign keys on."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(
            f"bad database URL {url!r}: expected e.g. sqlite:///path.db or postgresql+psycopg://host/db"
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        # a `file:` URI (uri=true) names its file itself, perhaps read-only: leave the file system alone
        is_uri = parsed.query.get("uri") == "true" or (parsed.database or "").startswith("file:")
        if parsed.database and parsed.database != ":memory:" and not is_uri:
            folder = Path(parsed.database).expanduser().resolve().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"cannot create the database folder {folder}: {exc.strerror}") from exc
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
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, f"no migrations in {migrations_dir()}"
    return head


def current_revision(engine: Engine) -> str | None:
    with _connect(engine) as conn:
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
    head = head_revision()
    if before != head:
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
