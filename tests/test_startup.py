"""Start-up: a command imports only what it needs (no Alembic when no migration is due, Textual only for
`review`, no extractor or analysis for a read), and the lazily loaded commands are all there."""
from __future__ import annotations

import json
import subprocess
import sys

import click
from conftest import ROOT

from tracker.cli import COMMAND_MODULES, main
from tracker.db import _scripted_head, head_revision, make_engine, upgrade

ARTICLE = ("The harbour board said on Monday that 412 ferries crossed the strait last winter. "
           "Its chairman, Tomas Verlaine, said fares would rise by 6% in April.\n")

#: run one command in a fresh interpreter and print which heavy packages it loaded
PROBE = """
import json, sys
from tracker.cli import main
try:
    main(sys.argv[1:], prog_name="tracker")
except SystemExit as exit:
    code = exit.code
heavy = ("alembic", "textual", "tracker.extract", "tracker.extract.pipeline", "tracker.analysis", "tracker.tui")
loaded = sorted(h for h in heavy if any(m == h or m.startswith(h + ".") for m in sys.modules))
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def _run(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stderr.strip().splitlines()[-1])


def _stored(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "tracker", "--db", url, "ingest", "--quiet", str(tmp_path / "harbour.txt")],
                   capture_output=True, text=True, cwd=ROOT, check=True)
    return url


def test_a_read_on_an_up_to_date_database_loads_neither_alembic_nor_textual(tmp_path):
    url = _stored(tmp_path)
    for command in (["claims"], ["claims", "--format", "json"], ["documents"], ["export", "claims"]):
        result = _run("--db", url, *command)
        assert result["code"] in (0, None), command
        assert "alembic" not in result["loaded"] and "textual" not in result["loaded"], (command, result)
        assert "tracker.tui" not in result["loaded"], (command, result)
        if command[0] != "export":  # exporting describes values (analysis); listing does not
            assert "tracker.analysis" not in result["loaded"], (command, result)
        # reading stored claims never compiles the extractor's rules (the drafts and patterns are enough)
        assert "tracker.extract.pipeline" not in result["loaded"], (command, result)


def test_a_commands_help_loads_no_extractor_no_alembic_no_textual():
    # (`tracker --help` lists every command, so it loads them all)
    for command in (["claims"], ["show"], ["mark"], ["db"], ["review"]):
        result = _run(*command, "--help")
        assert result["code"] in (0, None)
        assert result["loaded"] == [], (command, result)


def test_a_database_that_needs_a_migration_still_gets_one(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    result = _run("--db", url, "ingest", "--quiet", str(tmp_path / "harbour.txt"))
    assert result["code"] in (0, None) and "alembic" in result["loaded"]
    engine = make_engine(url)
    assert upgrade(engine).before == head_revision()  # the probe's ingest left the database at the newest schema
    engine.dispose()


def test_the_scripts_head_read_without_alembic_is_alembics_head():
    assert _scripted_head() == head_revision()


def test_every_command_module_registers_the_commands_it_is_listed_for():
    ctx = click.Context(main)
    assert main.list_commands(ctx) == sorted(COMMAND_MODULES)
    for name in COMMAND_MODULES:
        command = main.get_command(ctx, name)
        assert command is not None and command.name == name
    assert set(main.commands) == set(COMMAND_MODULES)  # no module registers a command the map does not name
