"""Near-copies of one article: links grow with the copies, not with their square (issue 16)."""
from __future__ import annotations

from collections import Counter

from tracker.analysis import ClaimFact
from tracker.analysis.matching import suggest_links
from tracker.analysis.stories import DocProfile, assign_stories, idf_of
from tracker.analysis.words import doc_keys

# an invented wire story about a harbour strike, and a second article on it by another outlet
STRIKE = ("Dock workers in Port Ambrel walked out on Monday after talks with the Coralind Shipping Board collapsed. "
          "Union leader Marisol Quenneville said the strike at Port Ambrel would last at least five days. "
          "The Coralind Shipping Board said 40 container ships were waiting outside Port Ambrel. "
          "Quenneville said the dock workers wanted a pay rise of 8% and shorter night shifts.")
OTHER = ("Forty container ships sat idle outside Port Ambrel as the dock strike entered its second day. "
         "Marisol Quenneville, who leads the union, told reporters the strike at Port Ambrel would last at least "
         "five days. The Coralind Shipping Board called the walkout reckless.")
SENTENCES = (
    "Union leader Marisol Quenneville said the strike at Port Ambrel would last at least five days",
    "The Coralind Shipping Board said 40 container ships were waiting outside Port Ambrel",
    "Quenneville said the dock workers wanted a pay rise of 8% and shorter night shifts",
)
OTHER_SENTENCE = "Marisol Quenneville told reporters the strike at Port Ambrel would last at least five days"


def _edition(k: int) -> str:
    return STRIKE if k == 0 else STRIKE + f" This report was republished in edition {k} of the harbour digest."


def _links(copies: int, added: str | None = None):  # type: ignore[no-untyped-def]
    """Links among ``copies`` copies of STRIKE (documents 1..copies) and OTHER (the last document); ``added``:
    a sentence the last copy adds."""
    texts = [_edition(k) for k in range(copies)] + [OTHER]
    profiles = [DocProfile.of(i, doc_keys(t)) for i, t in enumerate(texts, start=1)]
    frequency = Counter(k for p in profiles for k in p.keys)
    idf = idf_of(frequency, len(profiles))
    stories = assign_stories(profiles, idf)
    claims = []
    for doc in range(1, copies + 1):
        for quote in SENTENCES + ((added,) if added and doc == copies else ()):
            claims.append(ClaimFact(id=len(claims) + 1, document_id=doc, quote=quote, context=quote,
                                    outlet="Wire"))
    other_doc = copies + 1
    claims.append(ClaimFact(id=len(claims) + 1, document_id=other_doc, quote=OTHER_SENTENCE,
                            context=OTHER_SENTENCE, outlet="Harbour Times"))
    links = suggest_links(claims, stories=stories, idf=lambda w: idf(f"w:{w}"))
    return links, stories, {c.id: c.document_id for c in claims}


def test_links_grow_with_the_copies_not_with_their_square():
    counts = {}
    for copies in (1, 2, 4, 8):
        links, stories, _ = _links(copies)
        assert all(stories.copies(1, d) for d in range(2, copies + 1))
        counts[copies] = len(links)
    # each copy adds one link per sentence (to its first occurrence), whatever the number of copies before it
    added = [counts[n] - counts[1] for n in (2, 4, 8)]
    assert added[0] > 0
    assert added == [added[0] * (n - 1) for n in (2, 4, 8)]


def test_a_repeated_sentence_links_to_its_first_occurrence_and_only_the_first_links_elsewhere():
    links, _, doc_of = _links(4)
    other_doc = 5
    for link in links:
        docs = {doc_of[link.a_id], doc_of[link.b_id]}
        if other_doc in docs:  # the other outlet's sentence is linked to the first copy only
            assert docs == {1, other_doc}
        else:
            assert link.relation == "same" and 1 in docs or min(docs) < max(docs)
    # the other outlet's sentence is linked at all (to the first copy's)
    assert any(other_doc in {doc_of[link.a_id], doc_of[link.b_id]} for link in links)
    repeats = [link for link in links if other_doc not in {doc_of[link.a_id], doc_of[link.b_id]}]
    assert all(link.relation == "same" and "one source" in link.reason for link in repeats)
    # three sentences, each repeated by three copies: three links each, not the six of every pair
    assert len(repeats) == 3 * 3


def test_a_sentence_a_copy_adds_is_compared_with_other_articles():
    added = "Quenneville told reporters the strike at Port Ambrel would last at least five days"
    links, _, doc_of = _links(3, added=added)
    added_id = next(i for i, d in doc_of.items() if d == 3 and i == max(k for k, v in doc_of.items() if v == 3))
    other_id = max(doc_of)
    assert any({link.a_id, link.b_id} == {added_id, other_id} for link in links)
