"""Entities are canonical across documents: one row per speaker however it is spelt, aliases kept."""
from __future__ import annotations

from sqlalchemy import select

from tracker.extract import SpeakerDraft
from tracker.models import Entity
from tracker.services.entities import EntityResolver, entity_key


def test_spellings_of_one_name_share_a_key():
    assert entity_key("Volodomyr Zelenskiy") == entity_key("Volodymyr Zelenskyy") == entity_key("Volodymyr Zelensky")
    assert entity_key("the Institute for the Study of War") == entity_key("Institute for the Study of War")
    assert entity_key("Dmitry Medvedev") == entity_key("Dmitri Medvedev")
    assert entity_key("Orysia Lutsevych") == entity_key("ORYSIA LUTSEVYCH")


def test_different_names_keep_different_keys():
    assert entity_key("Martin Smith") != entity_key("Morton Smith")
    assert entity_key("Vladimir Putin") != entity_key("Vladimir Potanin")
    assert entity_key("Tass") != entity_key("Reuters")


def test_resolver_makes_one_entity_with_aliases_across_documents(sessions):
    with sessions() as session, session.begin():
        resolver = EntityResolver(session)
        a = resolver.resolve(SpeakerDraft("Volodymyr Zelenskyy", "person"))
        session.flush()
    with sessions() as session, session.begin():
        # a later document, a new resolver: found in the database, not in a cache
        b = EntityResolver(session).resolve(SpeakerDraft("Volodomyr Zelenskiy", "person", ("Zelenskiy",)))
        session.flush()
        assert b.id == a.id
    with sessions() as session:
        rows = session.scalars(select(Entity)).all()
        assert len(rows) == 1
        assert rows[0].name == "Volodymyr Zelenskyy"
        assert set(rows[0].aliases) == {"Volodomyr Zelenskiy", "Zelenskiy"}


def test_seeds_store_one_entity_per_speaker(seeded):
    with seeded() as session:
        names = session.scalars(select(Entity.name)).all()
    keys = [entity_key(n) for n in names]
    assert len(keys) == len(set(keys))
    assert "Institute for the Study of War" in names and "Orysia Lutsevych" in names
    assert "Lutsevych" not in names  # the surname resolved to the full name
