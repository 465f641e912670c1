"""schema.org ClaimReview and W3C PROV-JSON exports."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from seed_gold import gold_database

from tracker.cli import main
from tracker.services.publish import claim_reviews, provenance
from tracker.services.review import record_verdict

CRIMEA = "Russia held a vote to annex the Crimean peninsula in 2014"
LUTSEVYCH = "This is the reaction to the fact that they cannot hold territory"


@pytest.fixture
def ids(sessions):
    ids = gold_database(sessions)
    with sessions() as session:
        record_verdict(session, ids[CRIMEA], "corroborated", reviewer="ana", note="same year in Bloomberg")
        record_verdict(session, ids[LUTSEVYCH], "unverified", reviewer="ben")
    return ids


def test_claimreview_for_reviewed_claims_only(sessions, ids):
    with sessions() as session:
        doc = claim_reviews(session)
    assert doc["@context"] == "https://schema.org"
    reviews = {r["claimReviewed"]: r for r in doc["@graph"]}
    assert set(reviews) == {CRIMEA, next(a for a in ids if a.startswith(LUTSEVYCH))}
    crimea = reviews[CRIMEA]
    assert crimea["@type"] == "ClaimReview" and crimea["author"] == {"@type": "Person", "name": "ana"}
    assert crimea["reviewRating"]["alternateName"] == "Corroborated"
    rating = crimea["reviewRating"]
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    item = crimea["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "NBC News"
    assert item["appearance"]["publisher"]["name"] == "NBC News" and item["datePublished"] == "2022-09-20"
    assert len(crimea["datePublished"]) == 10
    quote = next(r for r in doc["@graph"] if r["claimReviewed"].startswith(LUTSEVYCH))
    assert quote["itemReviewed"]["author"] == {"@type": "Person", "name": "Orysia Lutsevych"}
    assert quote["reviewRating"]["alternateName"] == "Unverified"


def test_prov_graph_structure(sessions, ids):
    with sessions() as session:
        prov = provenance(session)
    assert set(prov) >= {"prefix", "entity", "agent", "wasAttributedTo", "wasDerivedFrom"}
    crimea = f"tracker:claim/{ids[CRIMEA]}"
    assert prov["entity"][crimea]["prov:label"] == CRIMEA
    derived = [d for d in prov["wasDerivedFrom"].values() if d["prov:generatedEntity"] == crimea]
    assert [prov["entity"][d["prov:usedEntity"]]["prov:type"] for d in derived] == ["tracker:Document"]
    labels = {k: a["prov:label"] for k, a in prov["agent"].items()}
    assert {"NBC News", "Bloomberg", "Orysia Lutsevych", "Tass"} <= set(labels.values())
    four = f"tracker:claim/{next(i for a, i in ids.items() if 'four days starting Friday' in a)}"
    quoted = [d for d in prov["wasDerivedFrom"].values()
              if d["prov:generatedEntity"] == four and d.get("prov:type") == "prov:Quotation"]
    assert len(quoted) == 1
    report = quoted[0]["prov:usedEntity"]
    assert any(a["prov:entity"] == report and labels[a["prov:agent"]] == "Tass"
               for a in prov["wasAttributedTo"].values())
    every_ref = {r for rel in ("wasAttributedTo", "wasDerivedFrom") for d in prov[rel].values()
                 for k, r in d.items() if k in ("prov:entity", "prov:generatedEntity", "prov:usedEntity")}
    assert every_ref <= set(prov["entity"])


@pytest.mark.usefixtures("ids")
def test_export_commands(sqlite_url, tmp_path):
    runner = CliRunner()
    out = tmp_path / "reviews.jsonld"
    result = runner.invoke(main, ["--db", sqlite_url, "export", "claimreview", "-o", str(out)])
    assert result.exit_code == 0 and len(json.loads(out.read_text())["@graph"]) == 2
    prov = runner.invoke(main, ["--db", sqlite_url, "export", "prov"])
    assert prov.exit_code == 0 and json.loads(prov.stdout)["agent"]
