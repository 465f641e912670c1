"""The link service on a real SQLite file: gold claims stored, linked, re-linked, reviewed."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from seed_gold import gold_database, gold_links
from sqlalchemy import select

from tracker.models import Claim, ClaimLink
from tracker.services.link import link_claims, link_new_documents, relink


@pytest.fixture
def gold(sessions):
    return gold_database(sessions)


def _links(sessions) -> dict[tuple[int, int], ClaimLink]:
    with sessions() as session:
        return {(link.a_id, link.b_id): link for link in session.scalars(select(ClaimLink))}


def _id(ids, text: str) -> int:
    return next(i for anchor, i in ids.items() if text in anchor)


def _pair(ids, a: str, b: str) -> tuple[int, int]:
    x, y = _id(ids, a), _id(ids, b)
    return (x, y) if x < y else (y, x)


def test_relink_stores_the_gold_links(sessions, gold):
    summary = relink(sessions)
    links = _links(sessions)
    for g in gold_links():
        link = links.get(_pair(gold, g["a"][1], g["b"][1]))
        assert link is not None and link.relation == g["relation"] and link.origin == "auto", g["why"]
    assert summary.added == len(links) and summary.removed == 0


@pytest.mark.usefixtures("gold")
def test_relink_is_idempotent(sessions):
    relink(sessions)
    before = {pair: (link.relation, link.score, link.reason) for pair, link in _links(sessions).items()}
    again = relink(sessions)
    after = {pair: (link.relation, link.score, link.reason) for pair, link in _links(sessions).items()}
    assert after == before
    assert (again.added, again.updated, again.removed) == (0, 0, 0)


def test_relink_keeps_reviewer_links_and_decisions(sessions, gold):
    relink(sessions)
    gl = gold_links()[0]
    decided = _pair(gold, gl["a"][1], gl["b"][1])
    unrelated = _pair(gold, "Putin has so far resisted calls", "Russia knows it is losing")
    stale = _pair(gold, "parliament approved a bill to toughen punishments", "We’re coming home!")
    with sessions() as session, session.begin():
        link = session.scalars(select(ClaimLink).where(ClaimLink.a_id == decided[0],
                                                       ClaimLink.b_id == decided[1])).one()
        link.decision, link.decided_by, link.decided_at = "dismissed", "ana", datetime.now(UTC)
        session.add(ClaimLink(a_id=unrelated[0], b_id=unrelated[1], relation="related", reason="by hand",
                              origin="reviewer"))
        session.add(ClaimLink(a_id=stale[0], b_id=stale[1], relation="related", reason="old guess", origin="auto"))
    summary = relink(sessions)
    links = _links(sessions)
    assert links[decided].decision == "dismissed" and links[decided].decided_by == "ana"
    assert links[unrelated].origin == "reviewer" and links[unrelated].reason == "by hand"
    assert stale not in links
    assert summary.removed == 1 and summary.kept >= 1


def test_new_documents_are_linked_against_what_is_there(sessions, gold):
    with sessions() as session:
        doc_id = session.get(Claim, _id(gold, "Russia captured the entire Luhansk region")).document_id
    summary = link_new_documents(sessions, [doc_id])
    assert summary.suggested == len(_links(sessions)) >= len(gold_links())


@pytest.mark.usefixtures("gold")
def test_a_failed_relink_leaves_the_links_as_they_were(sessions, monkeypatch):
    relink(sessions)
    before = set(_links(sessions))

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("tracker.services.link.Matcher.suggest", broken)
    with pytest.raises(RuntimeError):
        relink(sessions)
    assert set(_links(sessions)) == before


@pytest.mark.usefixtures("gold")
def test_link_claims_uses_the_callers_transaction(sessions):
    with sessions() as session:
        with session.begin():
            link_claims(session)
            assert session.scalars(select(ClaimLink)).first() is not None
            session.rollback()
    assert _links(sessions) == {}


@pytest.mark.postgres
def test_relink_on_postgresql(pg_url):
    from tracker.db import make_engine, session_factory, upgrade

    engine = make_engine(pg_url)
    try:
        upgrade(engine)
        pg_sessions = session_factory(engine)
        ids = gold_database(pg_sessions)
        first = relink(pg_sessions)
        again = relink(pg_sessions)
        links = _links(pg_sessions)
        assert first.added == len(links) >= len(gold_links()) and (again.added, again.removed) == (0, 0)
        luhansk = _pair(ids, "Russia captured the entire Luhansk region", "don’t fully control the territory")
        assert links[luhansk].relation == "contradicts"
    finally:
        engine.dispose()
