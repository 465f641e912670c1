"""The held-out articles (tests/heldout): original texts, never tuned on, with hand-made gold answers.

The extractor is scored on them like the hidden evaluation scores it on articles from other outlets; the
floors below sit just under what it reached when the set was written, so they catch regressions in how
well extraction generalizes beyond the two seeds. See tests/heldout/README.md.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

HELDOUT = ROOT / "tests" / "heldout"
GOLD = HELDOUT / "gold" / "heldout.claims.jsonl"
GOLD_LINKS = HELDOUT / "gold" / "heldout.links.jsonl"
ARTICLES = sorted(HELDOUT.glob("*.txt"))

# figures the extractor reached on this set when it was written (recall 1.0, precision 0.964, distinct 0.80,
# speaker_acc 0.90, value_acc 0.895, caveat_links 1/3; tests/heldout/README.md), less a margin: a drop
# below them is a regression in how extraction generalizes
FLOORS = {"recall": 0.97, "precision": 0.97, "distinct": 0.95, "speaker_acc": 0.97, "value_acc": 0.97}
CAVEATS_FLOOR = 3


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


def test_the_set_is_whole():
    assert 4 <= len(ARTICLES) <= 6
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(" date 20"), path.name
        assert 350 <= len(text.split()) <= 700, path.name
    docs = {row["doc"] for row in _rows(GOLD)}
    assert docs == {p.name for p in ARTICLES}


def test_every_anchor_occurs_exactly_once_and_references_resolve():
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
def heldout(sessions):
    """The held-out articles (the .txt files only: the gold .jsonl files are not articles) ingested and linked."""
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


def test_quotes_are_the_text_they_point_at(heldout):
    from tracker.models import Document

    records, _links = _records(heldout)
    assert records
    with heldout() as session:
        texts = {d.name: d.text for d in session.query(Document)}
    for r in records:
        text = texts[r["source"]["name"]]
        assert r["quote"] == text[r["start"]:r["end"]], r["id"]


def test_extraction_generalizes_to_the_heldout_articles(heldout):
    records, links = _records(heldout)
    figures = _scorer()(GOLD, records, GOLD_LINKS, links)
    report = "\n".join(f"{k}: {figures[k]}" for k in ("misses", "speaker_wrong", "value_wrong", "false_pos"))
    for key, floor in FLOORS.items():
        assert figures[key] >= floor, f"{key} {figures[key]} < {floor}\n{report}"
    ok, _total = map(int, figures["caveat_links"].split("/"))
    assert ok >= CAVEATS_FLOOR, f"caveat_links {figures['caveat_links']}\n{report}"
