"""Entities are canonical across documents: one row per speaker however it is spelt, aliases kept."""
from __future__ import annotations

from sqlalchemy import select

from tracker.models import Attribution, Entity
from tracker.readers import read_paths
from tracker.services.entities import entity_key, is_generic
from tracker.services.ingest import ingest


def test_spellings_of_one_name_share_a_key():
    assert entity_key("Volodomyr Zelenskiy") == entity_key("Volodymyr Zelenskyy") == entity_key("Volodymyr Zelensky")
    assert entity_key("the Institute for the Study of War") == entity_key("Institute for the Study of War")
    assert entity_key("Dmitry Medvedev") == entity_key("Dmitri Medvedev")
    assert entity_key("Orysia Lutsevych") == entity_key("ORYSIA LUTSEVYCH")


def test_different_names_keep_different_keys():
    assert entity_key("Martin Smith") != entity_key("Morton Smith")
    assert entity_key("Vladimir Putin") != entity_key("Vladimir Potanin")
    assert entity_key("Tass") != entity_key("Reuters")


def ingest_texts(sessions, tmp_path, **texts: str) -> None:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    summary = ingest(sessions, read_paths([tmp_path]), workers=1)
    assert summary.new == len(texts) and summary.failed == 0


def speakers(sessions) -> dict[str, Entity]:
    with sessions() as session:
        return {e.name: e for e in session.scalars(select(Entity))}


def test_one_entity_with_aliases_across_documents(sessions, tmp_path):
    ingest_texts(sessions, tmp_path,
                 a="Ukrainian President Volodymyr Zelenskyy said on Monday that the vote was a sham.\n",
                 b="President Volodomyr Zelenskiy said the referendums would change nothing.\n")
    found = speakers(sessions)
    [zelensky] = [e for e in found.values() if entity_key(e.name) == entity_key("Volodymyr Zelenskyy")]
    assert {zelensky.name, *zelensky.aliases} >= {"Volodymyr Zelenskyy", "Volodomyr Zelenskiy"}
    with sessions() as session:
        assert len(session.scalars(select(Attribution).where(Attribution.speaker_id == zelensky.id)).all()) == 2


def test_generic_speakers_are_entities_of_their_own_document(sessions, tmp_path):
    """"analysts" in two unrelated articles are two sources, not one: independence counts depend on it."""
    ingest_texts(sessions, tmp_path,
                 a="Oil prices rose 3% on Monday, analysts said, as supplies tightened across Europe.\n",
                 b="The central bank will raise rates again in June, analysts said on Friday.\n")
    with sessions() as session:
        analysts = session.scalars(select(Entity).where(Entity.name == "analysts")).all()
    assert len(analysts) == 2
    assert not is_generic("Volodymyr Zelenskyy", "person") and not is_generic("Kyiv", "group")
    assert not is_generic("the Institute for the Study of War", "organization")
    assert is_generic("Russian officials", "group") and is_generic("the company", "organization")


def test_seeds_store_one_entity_per_speaker(seeded):
    with seeded() as session:
        names = session.scalars(select(Entity.name)).all()
    keys = [entity_key(n) for n in names]
    assert len(keys) == len(set(keys))
    assert "Institute for the Study of War" in names and "Orysia Lutsevych" in names
    assert "Lutsevych" not in names  # the surname resolved to the full name
