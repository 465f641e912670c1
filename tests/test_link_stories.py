"""Stories through the services: keys stored on ingest, the same stories a few at a time as all at once,
near-copies one source in the audit. Invented articles (see test_analysis_stories)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from test_analysis_stories import TORVALE_1, TORVALE_2, VALDORIA_1, VALDORIA_2, VALDORIA_COPY

from tracker.models import Claim, ClaimLink, Document, DocumentKey
from tracker.readers import Article
from tracker.services.audit import build_audit
from tracker.services.ingest import ingest
from tracker.services.link import link_new_documents, relink

TEXTS = {"valdoria-1": VALDORIA_1, "torvale-1": TORVALE_1, "valdoria-2": VALDORIA_2, "torvale-2": TORVALE_2}


def _article(name: str, text: str, outlet: str) -> Article:
    return Article(text=text, name=f"{name}.txt", origin=f"in/{name}.txt", published=date(2024, 4, 2), outlet=outlet)


def _ingest(sessions, names: list[str], texts: dict[str, str] | None = None,
            outlet: str = "Daily Lantern") -> list[int]:
    texts = texts or TEXTS
    summary = ingest(sessions, [_article(n, texts[n], outlet) for n in names], workers=1)
    link_new_documents(sessions, summary.document_ids)
    return summary.document_ids


def _stories(sessions) -> dict[str, int]:
    with sessions() as session:
        rows = session.execute(select(Document.name, Document.story_id)).all()
    first = {}
    for name, story in rows:
        first.setdefault(story, name)
    return {name: first[story] for name, story in rows}


def test_ingest_stores_keys_and_puts_each_document_in_its_story(sessions):
    _ingest(sessions, list(TEXTS))
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(DocumentKey)) > 50
    stories = _stories(sessions)
    assert stories["valdoria-2.txt"] == stories["valdoria-1.txt"]
    assert stories["torvale-2.txt"] == stories["torvale-1.txt"]
    assert stories["valdoria-1.txt"] != stories["torvale-1.txt"]


def test_a_few_at_a_time_gives_the_stories_and_links_of_all_at_once(sessions):
    for name in TEXTS:
        _ingest(sessions, [name])
    one_by_one = _stories(sessions)
    with sessions() as session:
        before = {(link.a_id, link.b_id, link.relation) for link in session.scalars(select(ClaimLink))}
    relink(sessions)
    assert _stories(sessions) == one_by_one
    with sessions() as session:
        after = {(link.a_id, link.b_id, link.relation) for link in session.scalars(select(ClaimLink))}
    assert after == before


def test_no_link_joins_two_stories(sessions):
    _ingest(sessions, list(TEXTS))
    with sessions() as session:
        story = {doc: s for doc, s in session.execute(select(Document.id, Document.story_id))}
        links = session.scalars(select(ClaimLink)).all()
        assert links
        for link in links:
            assert story[link.a.document_id] == story[link.b.document_id]


@pytest.mark.parametrize("outlets", [("Daily Lantern", "Evening Courier")])
def test_a_republished_article_is_one_source_in_the_audit(sessions, outlets):
    texts = {"valdoria-1": VALDORIA_1, "copy": VALDORIA_COPY}
    _ingest(sessions, ["valdoria-1"], texts, outlet=outlets[0])
    _ingest(sessions, ["copy"], texts, outlet=outlets[1])
    with sessions() as session:
        copy = session.scalars(select(Document).where(Document.name == "copy.txt")).one()
        original = session.scalars(select(Document).where(Document.name == "valdoria-1.txt")).one()
        assert copy.copy_of_id == original.id
        relations = {link.relation for link in session.scalars(select(ClaimLink))}
        assert relations == {"same"}
        audit = build_audit(session)
    assert audit["clusters"]
    for cluster in audit["clusters"]:
        assert cluster["independence"].endswith("1 independent source")


@pytest.mark.postgres
def test_stories_and_key_counts_on_postgresql(pg_url):
    from tracker.db import make_engine, session_factory, upgrade
    from tracker.models import KeyCount

    engine = make_engine(pg_url)
    upgrade(engine)
    sessions = session_factory(engine)
    try:
        for name in TEXTS:
            _ingest(sessions, [name])
        one_by_one = _stories(sessions)
        with sessions() as session:
            counted = dict(session.execute(select(KeyCount.key, KeyCount.documents)).all())
        assert counted["w:rescu"] == 4  # "rescue" in all four articles, counted as each came in
        relink(sessions)
        assert _stories(sessions) == one_by_one
        assert one_by_one["valdoria-2.txt"] == one_by_one["valdoria-1.txt"] != one_by_one["torvale-1.txt"]
    finally:
        engine.dispose()


# one happening told first from two sides that share little, then by an article bridging both
BRIDGE_TEXTS = {
    "bridge-fall": ("The Hollin footbridge over the Sarne collapsed in Ostrevik on Sunday evening. Engineer Maud "
                    "Tessaro said the Hollin footbridge had cracked in March. Tessaro said cables of the footbridge "
                    "had rusted for years. Police divers found a crushed green bicycle near the pier. The "
                    "footbridge was built of oak and iron by the mason Cornel Bryck, and pedestrians crossed the "
                    "gorge daily to reach the weekly market in Lindow. Its toll booth closed in the winter of the "
                    "great frost."),
    "bridge-divers": ("Divers searched the Sarne below Ostrevik for a second night. Captain Ruben Aldecott said "
                      "police divers found a crushed green bicycle near the pier. Aldecott said the river was too "
                      "cold for long dives. Volunteers brought soup, blankets and lamps to the quay, where families "
                      "waited near the ferry office until dawn, and a choir sang hymns on the steps of the chapel."),
    "bridge-both": ("Divers under Captain Ruben Aldecott searched the Sarne where the Hollin footbridge collapsed in "
                    "Ostrevik. Engineer Maud Tessaro said the footbridge had cracked, and Aldecott said the divers "
                    "found a bicycle."),
}


def test_an_article_bridging_two_stories_merges_them_in_the_database(sessions):
    _ingest(sessions, ["bridge-fall"], BRIDGE_TEXTS)
    _ingest(sessions, ["bridge-divers"], BRIDGE_TEXTS)
    assert _stories(sessions)["bridge-fall.txt"] != _stories(sessions)["bridge-divers.txt"]
    _ingest(sessions, ["bridge-both"], BRIDGE_TEXTS)
    merged = _stories(sessions)
    assert merged["bridge-fall.txt"] == merged["bridge-divers.txt"] == merged["bridge-both.txt"]
    # the claims of the two stories merged are compared then, as relinking everything would
    incremental = _links(sessions)
    assert any({a, b} == {"bridge-fall.txt", "bridge-divers.txt"} for a, b, _ in incremental)
    relink(sessions)
    assert _stories(sessions) == merged
    assert _links(sessions) == incremental


def _links(sessions) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    with sessions() as session:
        doc = {claim: name for claim, name in session.execute(
            select(Claim.id, Document.name).join(Document, Claim.document_id == Document.id))}
        return {(doc[link.a_id], doc[link.b_id], link.relation) for link in session.scalars(select(ClaimLink))}
