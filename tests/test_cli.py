"""The command line: help everywhere, documented everywhere, one-line errors, the database location."""
from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS

from tracker.cli import main


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # the commands load on demand: ask the group, not group.commands
        command = group.get_command(ctx, name)
        assert command is not None, f"tracker {' '.join((*prefix, name))} is listed but no module registers it"
        found.append(((*prefix, name), command))
        if isinstance(command, click.Group):
            found.extend(command_paths(command, (*prefix, name)))
    return found


COMMANDS = command_paths(main)


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_there_are_commands():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"ingest", "claims", "show", "export claims", "export links", "db upgrade", "db current"} <= names


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help(path):
    command = dict(COMMANDS)[path]
    assert (command.help or "").strip(), f"tracker {' '.join(path)} has no help text"
    result = invoke(*path, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [" ".join(p) for p, _ in COMMANDS if f"tracker {' '.join(p)}" not in readme]
    assert missing == []


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "tracker", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "Usage: tracker" in result.stdout and "ingest" in result.stdout


def test_help_names_the_default_database_location(tmp_path):
    # the epilog is computed at import time, so ask a fresh interpreter
    result = subprocess.run([sys.executable, "-m", "tracker", "--help"], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "XDG_DATA_HOME": str(tmp_path)})
    assert str(tmp_path / "tracker" / "tracker.db") in "".join(result.stdout.split())  # help text wraps lines


def test_db_current_reports_the_default_file_under_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    result = invoke("db", "current")
    assert result.exit_code == 0
    assert f"database: sqlite:///{tmp_path}/tracker/tracker.db" in result.stdout
    assert "revision: none" in result.stdout


def test_environment_url_is_used_and_upgrade_is_announced_once(sqlite_url, monkeypatch):
    monkeypatch.setenv("TRACKER_DATABASE_URL", sqlite_url)
    first = invoke("ingest", "--quiet", str(SEEDS))
    assert first.exit_code == 0 and "created to schema" in first.stderr
    second = invoke("claims")
    assert second.exit_code == 0 and "schema" not in second.stderr
    assert "revision: 0" in invoke("db", "current").stdout


@pytest.mark.parametrize("args, message", [
    (("show", "999"), "no claim with id 999"),
    (("--db", "nonsense", "claims"), "bad database URL"),
    (("--db", "mysql+nosuchdriver://x/y", "claims"), "unsupported database URL"),
    (("--db", "postgresql+psycopg://nobody@127.0.0.1:9/none", "claims"), "cannot use the database"),
    (("--db", "sqlite:////proc/no/such/dir/x.db", "ingest", str(SEEDS)), "cannot create the database folder"),
    (("--db", "sqlite:////proc/no/such/dir/x.db", "claims"), "no database at /proc/no/such/dir/x.db"),
])
@pytest.mark.usefixtures("engine")  # the database exists: the mistake is the one in `args`
def test_user_mistakes_get_one_line_and_a_non_zero_exit(sqlite_url, args, message):
    if args[0] != "--db":
        args = ("--db", sqlite_url, *args)
    result = invoke(*args)
    assert result.exit_code != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("tracker: error:")]
    assert len(errors) == 1 and message in errors[0], result.stderr
    assert "Traceback" not in result.stderr


def test_show_marks_the_span_in_its_paragraph(sqlite_url):
    assert invoke("--db", sqlite_url, "ingest", "--quiet", str(SEEDS)).exit_code == 0
    result = invoke("--db", sqlite_url, "show", "1")
    assert result.exit_code == 0
    assert "⟦" in result.stdout and "⟧" in result.stdout
    assert "NBC News" in result.stdout and "2022-09-20" in result.stdout


def test_claims_filters_narrow_the_table(sqlite_url):
    assert invoke("--db", sqlite_url, "ingest", "--quiet", str(SEEDS)).exit_code == 0
    every = invoke("--db", sqlite_url, "claims", "--limit", "1000")
    bloomberg = invoke("--db", sqlite_url, "claims", "--limit", "1000", "--outlet", "bloom")
    total = int(every.stderr.split(" of ")[1].split()[0])
    narrowed = int(bloomberg.stderr.split(" of ")[1].split()[0])
    assert 0 < narrowed < total
    assert "NBC News" not in bloomberg.stdout
