"""The matcher on fixed inputs: the gold claims of the two seed articles, with the gold values.

These inputs do not depend on the extractor, so the rules are tested on their own; test_link_ingest runs
them on what ingest stores.
"""
from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import SEEDS
from seed_gold import OUTLETS, gold_links, gold_rows

from tracker.analysis import ClaimFact, ValueFact, suggest_links
from tracker.analysis.matching import Matcher


def _sentence(text: str, at: int, end: int) -> str:
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    stop = min(x for x in (text.find(". ", end), text.find("\n", end), len(text)) if x != -1)
    return text[start:stop + 1].strip()


def _value(v: dict) -> ValueFact:
    if v["type"] == "date":
        return ValueFact("date", v["text"], date=v["value"])
    if v["type"] == "date_range":
        return ValueFact("date_range", v["text"], date=v["start"], date_end=v["end"])
    if v["type"] == "quantity_range":
        return ValueFact("quantity_range", v["text"], low=v["low"], high=v["high"], unit=v.get("unit"))
    return ValueFact(v["type"], v["text"], number=v["value"], unit=v.get("unit"))


def seed_facts() -> list[ClaimFact]:
    """One fact per gold claim: the anchor as the quote, its sentence as context, the gold values."""
    texts = {name: (SEEDS / name).read_text(encoding="utf-8") for name in OUTLETS}
    facts = []
    for i, row in enumerate(gold_rows()):
        text = texts[row["doc"]]
        at = text.index(row["anchor"])
        published = date.fromisoformat(re.search(r"date (\d{4}-\d\d-\d\d)", text).group(1))
        facts.append(ClaimFact(
            id=i + 1, document_id=list(OUTLETS).index(row["doc"]) + 1, quote=row["anchor"],
            outlet=OUTLETS[row["doc"]], published=published, kind=row["kind"],
            speaker=row["speaker"] if row["speaker"] not in row.get("via", []) else None,
            via=tuple(row.get("via") or ()), values=tuple(_value(v) for v in row.get("values") or ()),
            context=_sentence(text, at, at + len(row["anchor"]))))
    return facts


@pytest.fixture(scope="module")
def facts() -> list[ClaimFact]:
    return seed_facts()


@pytest.fixture(scope="module")
def links(facts):
    return suggest_links(facts)


def _id(facts, anchor: str) -> int:
    return next(f.id for f in facts if anchor in f.quote)


def _relation(links, facts, a: str, b: str) -> str | None:
    pair = tuple(sorted((_id(facts, a), _id(facts, b))))
    return next((link.relation for link in links if (link.a_id, link.b_id) == pair), None)


GOLD_LINKS = gold_links()


@pytest.mark.parametrize("gold", GOLD_LINKS, ids=[g["why"][:40] for g in GOLD_LINKS])
def test_gold_links_found_with_their_relation(facts, links, gold):
    assert _relation(links, facts, gold["a"][1], gold["b"][1]) == gold["relation"]


def test_false_contradictions_are_rare(facts, links):
    gold = {tuple(sorted((_id(facts, g["a"][1]), _id(facts, g["b"][1])))) for g in GOLD_LINKS
            if g["relation"] == "contradicts"}
    extra = [link for link in links if link.relation == "contradicts" and (link.a_id, link.b_id) not in gold]
    assert len(extra) <= 4, [(link.reason) for link in extra]


def test_reasons_show_the_arithmetic(facts, links):
    four = _id(facts, "the four days starting Friday")
    reasons = " | ".join(link.reason for link in links if four in (link.a_id, link.b_id))
    assert "4 days from 2022-09-23 ends 2022-09-26" in reasons
    assert "2022-09-27" in reasons and "5 days" in reasons


def test_corroboration_shows_independence(facts, links):
    crimea = _id(facts, "Russia held a vote to annex the Crimean peninsula")
    link = next(link for link in links if crimea in (link.a_id, link.b_id) and link.relation == "corroborates")
    assert "2 outlets, 2 independent sources" in link.reason


def test_links_join_only_different_documents(facts, links):
    doc = {f.id: f.document_id for f in facts}
    assert links and all(doc[link.a_id] != doc[link.b_id] and link.a_id < link.b_id for link in links)


def test_blocking_compares_far_fewer_pairs_than_all(facts):
    matcher = Matcher()
    matcher.suggest(facts)
    per_doc = [sum(1 for f in facts if f.document_id == d) for d in (1, 2)]
    assert 0 < matcher.pairs_compared < per_doc[0] * per_doc[1] / 2
