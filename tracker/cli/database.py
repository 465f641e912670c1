from __future__ import annotations

import click

from ..config import default_database_path
from ..db import current_revision, head_revision, make_engine, sqlite_file, upgrade
from . import main
from .common import Database, db_option, pass_db


@main.group("db")
def db_group() -> None:
    """Where the database is and which schema it has."""


@db_group.command("upgrade")
@db_option
@pass_db
def db_upgrade(db: Database) -> None:
    """Bring the database's schema to the newest migration (every command also does this first)."""
    engine = make_engine(db.url)
    result = upgrade(engine)
    where = engine.url.render_as_string(hide_password=True)
    if result.changed:
        click.echo(f"{where}: upgraded from {result.before or 'empty'} to {result.after}")
    else:
        click.echo(f"{where}: already at {result.after}")


@db_group.command("current")
@db_option
@pass_db
def db_current(db: Database) -> None:
    """Print the database URL, its schema revision and the newest one (does not change anything)."""
    engine = make_engine(db.url, create=False)
    click.echo(f"database: {engine.url.render_as_string(hide_password=True)}")
    path = sqlite_file(db.url)
    if path is not None and not path.is_file():
        click.echo("revision: none (no database file yet)")
    else:
        click.echo(f"revision: {current_revision(engine) or 'none (empty database)'}")
    click.echo(f"newest:   {head_revision()}")
    click.echo(f"default:  sqlite:///{default_database_path()}")
