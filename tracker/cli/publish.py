"""``tracker export claimreview`` and ``tracker export prov``: JSON-LD and PROV-JSON for other tools."""
from __future__ import annotations

import json
import sys

import click

from ..services.fit import json_safe
from ..services.publish import claim_reviews, provenance
from .common import Database, db_option, open_output, output_option, pass_db
from .export import export_group


def _write(document: dict, output: str | None, what: str) -> None:
    document = json_safe(document)  # valid JSON: no Infinity or NaN
    if output:
        with open_output(output) as out:
            json.dump(document, out, ensure_ascii=False, indent=2, allow_nan=False)
            out.write("\n")
        click.echo(f"{what} written to {output}", err=True)
    else:
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
        sys.stdout.write("\n")


@export_group.command("claimreview")
@output_option
@db_option
@pass_db
def export_claimreview(db: Database, output: str | None) -> None:
    """schema.org ClaimReview (JSON-LD) for every reviewed claim, from its latest verdict."""
    with db.sessions() as session:
        document = claim_reviews(session)
    _write(document, output, f"{len(document['@graph'])} claim reviews")


@export_group.command("prov")
@output_option
@db_option
@pass_db
def export_prov(db: Database, output: str | None) -> None:
    """The provenance graph as W3C PROV-JSON: documents, claims, outlets, speakers and relays."""
    with db.sessions() as session:
        document = provenance(session)
    _write(document, output, f"provenance of {sum(1 for k in document['entity'] if '/relay/' not in k)} entities")
