"""The blind held-out articles (tests/heldout_blind): original texts with hand-made gold answers.

Blind: extraction rules must never be tuned on these texts (the first held-out set was, so it no longer
measures generality). The extractor is scored on them like the hidden evaluation scores it on articles from
other outlets and stories; the floors sit a little under what it reached when the set was written, so they
catch regressions. A failure here means "extraction generalizes worse", not "add a rule for this text".
See tests/heldout_blind/README.md.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

HELDOUT = ROOT / "tests" / "heldout_blind"
GOLD = HELDOUT / "gold" / "blind.claims.jsonl"
GOLD_LINKS = HELDOUT / "gold" / "blind.links.jsonl"
ARTICLES = sorted(HELDOUT.glob("*.txt"))

# figures the extractor reached on this set when it was written (2026-11-21: recall 0.991, precision 0.956,
# distinct 0.879, speaker_acc 0.931, value_acc 0.946, caveat_links 3/6, links 5/10; README.md), less a margin
FLOORS = {"recall": 0.97, "precision": 0.95, "distinct": 0.89, "speaker_acc": 0.93, "value_acc": 0.97}
CAVEATS_FLOOR = 4
LINKS_FLOOR = 5


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _text(doc: str) -> str:
    return (HELDOUT / doc).read_text(encoding="utf-8")


def _scorer():
    """The project's scorer when there is one, else shared/gold/score.py; both return the same figures."""
    try:
        from tracker import evaluation
    except ImportError:
        evaluation = None
    if evaluation is not None:
        def run(gold_path, records, gold_links_path=None, links=None):
            gold = evaluation.parse_gold(gold_path.read_text(encoding="utf-8").splitlines(), str(gold_path))
            gl = (evaluation.parse_gold_links(gold_links_path.read_text(encoding="utf-8").splitlines())
                  if gold_links_path else None)
            result = evaluation.score(gold, records, gl, links)
            return {**result.summary(), "misses": result.misses, "speaker_wrong": result.speaker_wrong,
                    "value_wrong": result.value_wrong, "false_pos": result.false_pos}
        return run
    path = SHARED / "gold" / "score.py"
    if not path.exists():
        pytest.skip("neither tracker.evaluation nor shared/gold/score.py is available")
    spec = importlib.util.spec_from_file_location("gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def run(gold_path, records, gold_links_path=None, links=None):
        out = module.score(_rows(gold_path), records, _rows(gold_links_path) if gold_links_path else None, links)
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}
    return run


# ---------------------------------------------------------------- the gold itself


def test_the_blind_set_is_whole():
    assert 4 <= len(ARTICLES) <= 6
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(" date 20"), path.name
        assert 350 <= len(text.split()) <= 700, path.name
    docs = {row["doc"] for row in _rows(GOLD)}
    assert docs == {p.name for p in ARTICLES}


def test_every_blind_anchor_occurs_exactly_once_and_references_resolve():
    rows = _rows(GOLD)
    anchors = {(r["doc"], r["anchor"]) for r in rows}
    for row in rows:
        text = _text(row["doc"])
        assert text.count(row["anchor"]) == 1, (row["doc"], row["anchor"])
        assert row["kind"] in {"quantity", "date", "event", "quote", "position", "caveat", "not_a_claim"}
        if row["kind"] == "not_a_claim":
            continue
        assert row["mode"] in {"direct", "indirect", "outlet"}
        for value in row.get("values") or ():
            assert value["text"] in text, (row["anchor"], value["text"])
        if row.get("caveat_of"):
            assert (row["doc"], row["caveat_of"]) in anchors, row["caveat_of"]
    for link in _rows(GOLD_LINKS):
        assert tuple(link["a"]) in anchors and tuple(link["b"]) in anchors, link
        assert link["a"][0] != link["b"][0] and link["relation"] in {"corroborates", "contradicts"}


# ---------------------------------------------------------------- the extractor on it


@pytest.fixture
def blind(sessions):
    """The blind held-out articles (the .txt files only: the gold .jsonl files are not articles) ingested and linked."""
    from tracker.readers import read_paths
    from tracker.services.ingest import ingest
    from tracker.services.link import relink

    summary = ingest(sessions, read_paths(ARTICLES), workers=1)
    assert summary.new == len(ARTICLES) and summary.failed == 0, summary.failures
    relink(sessions)
    return sessions


def _records(sessions):
    from tracker.services.export import claim_records, link_records

    with sessions() as session:
        return list(claim_records(session)), list(link_records(session))


def test_blind_quotes_are_the_text_they_point_at(blind):
    from tracker.models import Document

    records, _links = _records(blind)
    assert records
    with blind() as session:
        texts = {d.name: d.text for d in session.query(Document)}
    for r in records:
        text = texts[r["source"]["name"]]
        assert r["quote"] == text[r["start"]:r["end"]], r["id"]


def test_extraction_generalizes_to_the_blind_articles(blind):
    records, links = _records(blind)
    figures = _scorer()(GOLD, records, GOLD_LINKS, links)
    report = "\n".join(f"{k}: {figures[k]}" for k in ("misses", "speaker_wrong", "value_wrong", "false_pos"))
    for key, floor in FLOORS.items():
        assert figures[key] >= floor, f"{key} {figures[key]} < {floor}\n{report}"
    ok, _total = map(int, figures["caveat_links"].split("/"))
    assert ok >= CAVEATS_FLOOR, f"caveat_links {figures['caveat_links']}\n{report}"
    if "links" in figures:
        ok, _total = map(int, figures["links"].split("/"))
        assert ok >= LINKS_FLOOR, f"links {figures['links']}\n{report}"
