"""Stories before claims, near-copies, word forms: invented articles, one row per class of the issue."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.analysis import ClaimFact
from tracker.analysis.matching import suggest_links
from tracker.analysis.stories import (
    YEARS_APART,
    DocProfile,
    Stories,
    assign_stories,
    is_copy,
    merge_alike,
    similarity,
)
from tracker.analysis.words import content_lemmas, doc_keys, figures, lemma, opening_date

# two floods of one kind in two countries, told by two outlets each, and a copy of one of the articles
VALDORIA_1 = ("Flood waters swept through Marenta in northern Valdoria on Tuesday, and the river Olbek burst its "
              "banks near the old mill. Governor Ilse Varnhagen said rescue teams had reached Marenta by boat. "
              "Varnhagen said the Olbek was still rising and that schools in Marenta would stay shut.")
VALDORIA_2 = ("Rescue boats reached Marenta after the Olbek overflowed, Governor Varnhagen told reporters. "
              "The flood in Marenta cut the road to Kessin, and Varnhagen asked Valdoria's army for help. "
              "Residents of Marenta said the Olbek had never risen so fast.")
TORVALE_1 = ("Flood waters swept through Pellucca in southern Torvale on Tuesday, after the river Zanne burst its "
             "banks. Mayor Odile Carrasquet said rescue teams had reached Pellucca by boat. Carrasquet said the "
             "Zanne was still rising and that schools in Pellucca would stay shut.")
TORVALE_2 = ("Rescue boats reached Pellucca after the Zanne overflowed, Mayor Carrasquet told reporters. The flood "
             "in Pellucca cut the road to Brisot, and Carrasquet asked Torvale's army for help. Residents of "
             "Pellucca said the Zanne had never risen so fast.")
VALDORIA_COPY = VALDORIA_1 + " The regional weather office expects more rain on Thursday."


def _profiles(texts: list[str]) -> list[DocProfile]:
    return [DocProfile.of(i, doc_keys(t)) for i, t in enumerate(texts, start=1)]


@pytest.mark.parametrize(("a", "b"), [
    ("Russia's", "Russia"),  # possessive
    ("mobilisation", "mobilization"),  # British and American spellings
    ("centre", "center"),
    ("travelled", "traveled"),
    ("killed", "kills"),  # inflections
    ("agreed", "agrees"),
    ("studies", "studied"),
    ("reservists", "reserves"),  # words for one thing
    ("fatalities", "deaths"),
])
def test_one_form_for_spellings_inflections_and_synonyms(a, b):
    assert lemma(a) == lemma(b)


@pytest.mark.parametrize(("a", "b"), [("killed", "kissed"), ("reserves", "reviews"), ("centre", "central")])
def test_different_words_keep_different_forms(a, b):
    assert lemma(a) != lemma(b)


def test_content_lemmas_leave_out_stop_words():
    assert content_lemmas("The governor's boats reached the town") == {"governor", "boat", "reach", "town"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Last updated: Monday, 28 November 2005, 02:24 GMT\nA storm hit the coast.", date(2005, 11, 28)),
    ("Published on 18th September 2013 | The patch is out", date(2013, 9, 18)),
    ("Updated: July 7, 2012, 10:04 PM ET\nThe champion kept his belts.", date(2012, 7, 7)),
    ("The champion kept his belts.", None),
    # a date deep in the text is no dateline
    ("The champion kept his belts. " * 10 + "He first won them on 3 March 2001.", None),
])
def test_the_date_a_text_states_in_its_first_lines(text, expected):
    assert opening_date(text) == expected


def test_documents_of_one_event_share_a_story_and_the_same_kind_of_event_elsewhere_does_not():
    stories = assign_stories(_profiles([VALDORIA_1, TORVALE_1, VALDORIA_2, TORVALE_2]))
    assert stories.same_story(1, 3)
    assert stories.same_story(2, 4)
    assert not stories.same_story(1, 2)
    assert not stories.same_story(3, 4)


# two fires on ferries in one harbour a month apart: the second story recalls the first
FERRY_A1 = ("Fire broke out on the ferry Alvena in the harbour of Quillport on Friday night. Captain Edric Brosk said "
            "the blaze started in the engine room. Brosk said all 212 passengers were brought ashore by lifeboat.")
FERRY_A2 = ("The Alvena burned for six hours at its berth before crews from Quillport put out the flames. Captain "
            "Brosk told reporters the engine room was gutted and that 212 passengers and 40 cars had been aboard.")
FERRY_B1 = ("A blaze in the galley of the Merrow, a ferry moored in Quillport harbour, was put out on Sunday. Captain "
            "Ysolde Tindell said smoke filled the galley and that the 87 passengers walked off over the gangway.")
FERRY_B2 = ("The Merrow fire in Quillport was the second on a ferry this year, after the Alvena. Tindell said the "
            "galley stove caught fire while 87 passengers were boarding, and the crew used extinguishers before "
            "firemen came.")


def test_two_happenings_of_one_kind_in_one_place_are_two_stories():
    # the kind of event and the place are shared by all four; the rarest keys (ferry, captain, figures) tell
    # the two fires apart, and they weigh the most
    stories = assign_stories(_profiles([FERRY_A1, FERRY_A2, FERRY_B1, FERRY_B2]))
    assert stories.story[1] == stories.story[2]
    assert stories.story[3] == stories.story[4]
    assert stories.story[1] != stories.story[3]


def test_documents_far_apart_in_time_are_different_stories():
    profiles = [DocProfile.of(1, doc_keys(VALDORIA_1), date(2020, 5, 1)),
                DocProfile.of(2, doc_keys(VALDORIA_2), date(2024, 5, 1))]
    assert not assign_stories(profiles).same_story(1, 2)


def test_a_republished_article_is_a_copy_and_a_second_article_on_the_story_is_not():
    one, other, copy = _profiles([VALDORIA_1, VALDORIA_2, VALDORIA_COPY])
    assert is_copy(one, copy)
    assert not is_copy(one, other)
    stories = assign_stories([one, other, copy])
    assert stories.copies(1, 3) and stories.root(3) == 1
    assert not stories.copies(1, 2)


def _claims(*rows: tuple[int, int, str]) -> list[ClaimFact]:
    return [ClaimFact(id=i, document_id=doc, quote=quote, context=quote, outlet=f"outlet {doc}")
            for i, doc, quote in rows]


def _story_links(texts: list[str], claims: list[ClaimFact]):  # type: ignore[no-untyped-def]
    from collections import Counter

    from tracker.analysis.stories import idf_of
    profiles = _profiles(texts)
    frequency = Counter(k for p in profiles for k in p.keys)
    idf = idf_of(frequency, len(profiles))
    return suggest_links(claims, stories=assign_stories(profiles, idf), idf=lambda w: idf(f"w:{w}"))


def test_claims_are_compared_only_within_their_story():
    claims = _claims(
        (1, 1, "Schools in the town would stay shut while the river was still rising, the governor said"),
        (2, 2, "Schools in the town would stay shut while the river was still rising, the mayor said"),
        (3, 3, "Schools in the town of Marenta would stay shut while the river Olbek was still rising, the "
               "governor said"),
    )
    links = _story_links([VALDORIA_1, TORVALE_1, VALDORIA_2], claims)
    pairs = {(link.a_id, link.b_id) for link in links}
    assert (1, 2) not in pairs  # nearly the same words, but two floods in two countries
    assert (1, 3) in pairs


def test_a_sentence_in_two_copies_is_the_same_source_never_corroboration():
    quote = "Governor Ilse Varnhagen said rescue teams had reached Marenta by boat"
    links = _story_links([VALDORIA_1, VALDORIA_COPY], _claims((1, 1, quote), (2, 2, quote)))
    [link] = links
    assert link.relation == "same"
    assert "near-copy" in link.reason and "one source" in link.reason


def test_a_sentence_reworded_in_a_copy_is_the_same_source_never_related_or_corroboration():
    quote = "Governor Ilse Varnhagen said rescue teams had reached Marenta by boat"
    reworded = "Rescue teams reached the flooded Marenta by boat late on Tuesday, said Governor Ilse Varnhagen"
    edited = VALDORIA_COPY.replace(quote, reworded)
    [link] = _story_links([VALDORIA_1, edited], _claims((1, 1, quote), (2, 2, reworded)))
    assert link.relation == "same"
    assert "near-copy" in link.reason and "one source" in link.reason and "marenta" in link.reason
    # the same two sentences in two articles that are no copies are two sources
    [other] = _story_links([VALDORIA_1, VALDORIA_2], _claims((1, 1, quote), (2, 2, reworded)))
    assert other.relation == "corroborates" and "one source" not in other.reason


def test_word_overlap_in_one_story_is_related_with_the_words_that_matched():
    claims = _claims(
        (1, 1, "Rescue teams reached Marenta by boat as the Olbek burst its banks near the old mill"),
        (2, 3, "Rescue boats reached Marenta when the Olbek overflowed by the mill"),
    )
    [link] = _story_links([VALDORIA_1, TORVALE_1, VALDORIA_2], claims)
    assert link.relation == "related"
    assert "marenta" in link.reason and "olbek" in link.reason and "mill" in link.reason
    # the words as the claim writes them, not their stems
    assert "reached" in link.reason


def test_claims_saying_the_same_of_someone_are_related_and_naming_the_same_people_is_not_enough():
    claims = _claims(
        (1, 1, "Varnhagen said that schools in Marenta would stay shut"),
        (2, 3, "Schools will stay shut, Governor Varnhagen warned"),
        (3, 1, "Governor Varnhagen of Valdoria thanked the rescue teams in Marenta"),
        (4, 3, "Varnhagen asked Valdoria's army for help in Marenta"),
    )
    links = {(link.a_id, link.b_id): link for link in _story_links([VALDORIA_1, TORVALE_1, VALDORIA_2], claims)}
    # the same said of the same governor: related, with the words that matched
    assert links[(1, 2)].relation == "related" and "schools" in links[(1, 2)].reason
    # the same governor, country and town, but nothing said alike
    assert (3, 4) not in links


def test_few_words_in_common_make_no_link():
    claims = _claims(
        (1, 1, "Schools in Marenta would stay shut"),
        (2, 3, "Residents said the water had never risen so fast"),
    )
    assert _story_links([VALDORIA_1, TORVALE_1, VALDORIA_2], claims) == []


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("The striker will face his old club at the final in May",
     "The ban will prevent the striker from the chance to face his old club at the final in May", "related"),
    ("The energy minister said the coal plant would not reopen before the winter storms",
     "The energy minister said the coal plant would reopen before the winter storms", "related"),
    ("The energy minister said the coal plant would reopen before the winter storms",
     "The energy minister said that the coal plant would reopen before winter storms", "corroborates"),
])
def test_nearly_the_same_words_with_a_denial_on_one_side_do_not_corroborate(a, b, expected):
    [link] = suggest_links(_claims((1, 1, a), (2, 2, b)))
    assert link.relation == expected


def test_a_passage_two_articles_share_word_for_word_is_one_source():
    sentences = ["The harbour authority has owned the northern quay since the old shipyard closed down",
                 "Its cranes were last replaced when the container trade first came to the estuary",
                 "Dock workers have long asked for the rail spur to be reopened for freight trains"]
    claims = _claims(*[(i + 1, 1, s) for i, s in enumerate(sentences)],
                     *[(i + 11, 2, s) for i, s in enumerate(sentences)])
    links = suggest_links(claims)
    assert len(links) == 3
    assert {link.relation for link in links} == {"same"}
    assert all("word for word" in link.reason and "one source" in link.reason for link in links)
    # two shared sentences are not yet a copied passage
    assert {link.relation for link in suggest_links(claims[:2] + claims[3:5])} == {"corroborates"}


@pytest.mark.parametrize(("quote", "value"), [
    ("She won the women's 400m title at the indoor trials", "400m"),
    ("He took silver in the 1500m.", "1500m"),
])
def test_a_distance_that_names_a_race_agrees_on_no_figure(quote, value):
    from tracker.analysis import ValueFact

    other = "At the indoor trials the 400m title and the 1500m silver went to newcomers"
    v = ValueFact("quantity", value, number=float(value[:-1]), unit="metre")
    w = ValueFact("quantity", value, number=float(value[:-1]), unit="metre")
    claims = [ClaimFact(id=1, document_id=1, quote=quote, context=quote, values=(v,)),
              ClaimFact(id=2, document_id=2, quote=other, context=other, values=(w,))]
    assert all(f"“{value}”" not in link.reason for link in suggest_links(claims))


def test_a_date_in_a_conditional_clause_is_not_used_for_linking():
    from tracker.analysis import ValueFact

    day = ValueFact("date", "March 3", date="2024-03-03")
    held = "Officials in Valdoria said the vote in Marenta took place on March 3"
    if_held = "If the vote in Marenta is held on March 3, officials in Valdoria said, turnout will be low"
    planned = "Officials in Valdoria said the vote in Marenta would be held on March 3"
    claims = [ClaimFact(id=i, document_id=i, quote=q, context=q, values=(day,))
              for i, q in ((1, held), (2, if_held), (3, planned))]
    links = {(link.a_id, link.b_id): link for link in suggest_links(claims)}
    assert links[(1, 3)].relation == "corroborates" and "2024-03-03" in links[(1, 3)].reason
    assert all("2024-03-03" not in link.reason for pair, link in links.items() if 2 in pair)


@pytest.mark.parametrize(("text", "expected"), [
    ("A 5.6 magnitude quake left 23 people hurt.", {"5.6", "23"}),
    ("The reward is $35,000, police said.", {"35000"}),
    # years, times, dates and small counts tell no happening from another
    ("In 2008, at 4:59 on 11/28, 3 boats came.", set()),
    ("Code " + "9" * 40 + " was sent.", set()),
])
def test_the_figures_a_text_gives_leave_out_years_times_and_small_counts(text, expected):
    assert figures(text) == expected


def _flat(_key: str) -> float:
    """Every key weighing the same."""
    return 1.0


def _keyed(doc: int, keys: set[str]) -> DocProfile:
    return DocProfile.of(doc, frozenset(keys))


def test_documents_giving_years_none_in_common_are_less_alike():
    words = {f"w:{w}" for w in ("flood", "marenta", "olbek", "boat", "rescue")}
    same_year = similarity(_keyed(1, words | {"y:2019"}), _keyed(2, words | {"y:2019", "w:army"}), _flat)
    other_year = similarity(_keyed(1, words | {"y:2019"}), _keyed(2, words | {"y:2023", "w:army"}), _flat)
    # six keys against seven, each weighing 1: six shared, or five and years apart
    assert same_year == pytest.approx(6 / 42 ** 0.5)
    assert other_year == pytest.approx(5 / 42 ** 0.5 * YEARS_APART)


def _two_stories(bridge: set[str]) -> Stories:
    """Stories 1 (documents 1, 2) and 3 (document 3) whose documents share some keys, and ``bridge``, document 4,
    placed in story 1."""
    one = {f"w:k{i}" for i in range(10)}
    two = {f"w:k{i}" for i in range(5, 15)}
    three = {f"w:k{i}" for i in range(10, 20)}
    stories = Stories()
    for doc, keys, sid in ((1, one, 1), (2, two, 1), (3, three, 3), (4, bridge, 1)):
        stories.story[doc] = sid
        stories.members.setdefault(sid, []).append(_keyed(doc, keys))
    return stories


def test_a_document_bridging_two_stories_merges_them():
    stories = _two_stories({f"w:k{i}" for i in range(5, 20)})
    merge_alike(stories, 1, [3], _flat)
    assert stories.same_story(1, 3) and stories.story[3] == 1 and stories.merged == {3: 1}
    assert [p.id for p in stories.members[1]] == [1, 2, 3, 4]


def test_stories_little_alike_or_holding_one_article_twice_stay_apart():
    apart = _two_stories({f"w:k{i}" for i in range(0, 8)})
    merge_alike(apart, 1, [3], _flat)
    assert not apart.same_story(1, 3) and not apart.merged
    # story 3 holds a copy of document 1: the two were told apart on purpose (by their dates)
    copied = _two_stories({f"w:k{i}" for i in range(5, 20)})
    copied.members[3].append(_keyed(5, {f"w:k{i}" for i in range(10)} | {f"w:x{i}" for i in range(12)}))
    copied.members[1][0] = _keyed(1, {f"w:k{i}" for i in range(10)} | {f"w:x{i}" for i in range(12)})
    merge_alike(copied, 1, [3], _flat)
    assert not copied.same_story(1, 3)
