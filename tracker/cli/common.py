"""What the commands share: the database handle, the --db option, one-line errors."""
from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from functools import cached_property, update_wrapper
from pathlib import Path
from typing import IO, Any, TypeVar, cast

import click
from rich.console import Console
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..config import database_url
from ..db import database_error, make_engine, require_database, require_schema, session_factory, upgrade
from ..errors import NotFound, OutputError, TrackerError
from ..readers.limits import MAX_ID
from ..services.safe_text import one_line

F = TypeVar("F", bound=Callable[..., Any])


class Database:
    """The database a command works on, opened (and brought to the newest schema) on first use.

    Only a command that stores articles (``ingest``, ``import``, ``db upgrade``) sets ``creates``: any other
    refuses, in one line and before anything is made, a database that does not exist or has no tables.
    """

    def __init__(self, url: str | None = None):
        self.explicit_url = url
        self.creates = False

    @property
    def url(self) -> str:
        return database_url(self.explicit_url)

    @cached_property
    def engine(self) -> Engine:
        if not self.creates:
            require_database(self.url)
        engine = make_engine(self.url, create=self.creates)
        if not self.creates:
            require_schema(engine)
        result = upgrade(engine)
        if result.changed:
            where = engine.url.render_as_string(hide_password=True)
            what = "created" if result.before is None else f"upgraded from {result.before}"
            click.echo(f"tracker: database {where} {what} to schema {result.after}", err=True)
        return engine

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        return session_factory(self.engine)


def _set_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    db = ctx.ensure_object(Database)
    if value:
        db.explicit_url = value


db_option = click.option(
    "--db", "db_url", metavar="URL", expose_value=False, callback=_set_db, is_eager=True,
    help="Database URL (default: $TRACKER_DATABASE_URL, else a SQLite file in your data directory).",
)

pass_db = click.make_pass_decorator(Database, ensure=True)


def creates_db(f: F) -> F:
    """Mark a command that may create its database (and the SQLite file's folder); others only open one."""

    def new_func(*args, **kwargs):
        click.get_current_context().ensure_object(Database).creates = True
        return f(*args, **kwargs)

    return cast(F, update_wrapper(new_func, f))

stdout = Console(soft_wrap=False)
stderr = Console(stderr=True)


class TrackerGroup(click.Group):
    """A group whose user errors print as one line on stderr with a non-zero exit, never a traceback.

    Its commands load on demand: ``lazy_modules`` maps a command's name to the modules (of this package) that
    register it, and a module is imported only when one of its commands is looked up.
    """

    def __init__(self, *args: Any, lazy_modules: dict[str, tuple[str, ...]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lazy_modules = lazy_modules or {}

    def _load(self, name: str) -> None:
        for module in self.lazy_modules.get(name, ()):
            importlib.import_module(f"{__package__}.{module}")

    def list_commands(self, ctx: click.Context) -> list[str]:  # noqa: ARG002 - click's signature
        return sorted(set(self.lazy_modules) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            self._load(cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            fail(str(exc))
        except OperationalError as exc:
            db = ctx.find_object(Database) or Database()
            # the engine may not exist yet (the error came while making it): name the URL the command was given
            engine = db.__dict__.get("engine") or make_engine(db.url, create=False)
            fail(str(database_error(engine, exc)))
        except KeyboardInterrupt:
            fail("interrupted; everything committed before the interrupt is kept", code=130)


class RowId(click.ParamType):
    """A row id: a whole number; one past what a database can hold (2^63 - 1) names no row (one line, not an
    OverflowError)."""

    name = "integer"

    def __init__(self, what: str = "claim"):
        self.what = what

    def convert(self, value, param, ctx) -> int:
        number = click.INT.convert(value, param, ctx)
        if not 0 < number <= MAX_ID:
            raise NotFound(f"no {self.what} with id {number}")
        return number


#: a count of rows, clamped to what a database can take
ROW_COUNT = click.IntRange(min=1, max=MAX_ID, clamp=True)
ROW_OFFSET = click.IntRange(min=0, max=MAX_ID, clamp=True)


def fail(message: str, code: int = 1) -> None:
    click.echo(f"tracker: error: {one_line(message)}", err=True)  # one line, whatever the message quotes
    sys.exit(code)


def show_progress(quiet: bool) -> bool:
    """Progress bars only for a person watching: not with --quiet, not when stderr is a pipe or a file."""
    return not quiet and sys.stderr.isatty()


def check_output(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``-o FILE`` into a folder that is not there: one line, before the database is even opened."""
    if value is not None:
        folder = Path(value).expanduser().parent
        if not folder.is_dir():
            raise OutputError(f"cannot write {value}: the folder {folder} does not exist")
    return value


def open_output(path: str) -> IO[str]:
    """``path`` opened for writing text; a refusal (permissions, a full disk) is one line, not a traceback."""
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), callback=check_output,
    help="Write to this file instead of stdout.")
