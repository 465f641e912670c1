from __future__ import annotations

import json
from pathlib import Path

import click

from ..services.evaluate import evaluate
from . import main
from .common import Database, db_option, pass_db


@main.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--links", "links", type=click.Path(dir_okay=False, path_type=Path), metavar="GOLD_LINKS.jsonl",
              help="Also score the database's links against these gold links.")
@click.option("--json", "as_json", is_flag=True, help="Print everything as one JSON object.")
@db_option
@pass_db
def eval_command(db: Database, gold: Path, links: Path | None, as_json: bool) -> None:
    """Score the stored claims against a gold file: recall, precision, speakers, values, caveats, links.

    GOLD is JSON Lines in the format of shared/gold (doc, anchor, kind, speaker, values, caveat_of, …);
    only documents it names are scored. Misses and wrong answers are listed first, then the figures.
    """
    with db.sessions() as session:
        result = evaluate(session, gold, links)
    if as_json:
        click.echo(json.dumps({**result.summary(), "misses": result.misses, "speaker_wrong": result.speaker_wrong,
                               "value_wrong": result.value_wrong, "false_pos": result.false_pos},
                              ensure_ascii=False, indent=1))
        return
    for label, items in (("misses", result.misses), ("speaker_wrong", result.speaker_wrong),
                         ("value_wrong", result.value_wrong), ("false_pos", result.false_pos)):
        for item in items:
            click.echo(f"  {label}: {item}")
    click.echo(json.dumps(result.summary(), ensure_ascii=False))
