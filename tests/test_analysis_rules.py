"""The matching rules on made-up stories that are not the seeds: the rules must be general."""
from __future__ import annotations

from datetime import date

from tracker.analysis import ClaimFact, ValueFact, suggest_links
from tracker.analysis.blocking import MAX_BUCKET, candidate_pairs
from tracker.analysis.features import features_of
from tracker.analysis.matching import Matcher

DAY = date(2024, 3, 1)


def claim(i: int, doc: int, quote: str, *values: ValueFact, kind: str = "event", context: str = "",
          published: date | None = DAY, outlet: str | None = None) -> ClaimFact:
    return ClaimFact(id=i, document_id=doc, quote=quote, kind=kind, values=tuple(values), context=context or quote,
                     published=published, outlet=outlet or f"outlet {doc}")


def relation(*claims: ClaimFact) -> str | None:
    links = suggest_links(claims)
    assert len(links) <= 1
    return links[0].relation if links else None


def test_range_end_against_a_stated_end_date():
    a = claim(1, 1, "Delegates will meet over the three days starting Monday for the summit",
              ValueFact("date_range", "the three days starting Monday", date="2024-03-04", date_end="2024-03-06"))
    b = claim(2, 2, "the summit is set to end on March 8", ValueFact("date", "March 8", date="2024-03-08"))
    [link] = suggest_links([a, b])
    assert link.relation == "contradicts"
    assert link.reason.startswith("3 days from 2024-03-04 ends 2024-03-06; the other says it concludes 2024-03-08")


def test_a_range_agrees_with_a_matching_duration_and_not_with_a_longer_one():
    a = claim(1, 1, "the strike will run over the two days starting Tuesday at the ports",
              ValueFact("date_range", "the two days starting Tuesday", date="2024-03-05", date_end="2024-03-06"))
    two = claim(2, 2, "dockers said the protest would last two days",
                ValueFact("duration", "two days", number=2, unit="day"))
    three = claim(3, 3, "dockers said the protest would last three days",
                  ValueFact("duration", "three days", number=3, unit="day"))
    # no shared event word: "strike" is not a protest word here, so nothing is claimed either way
    assert relation(a, two) is None
    rally = claim(1, 1, "the rally will run over the two days starting Tuesday",
                  ValueFact("date_range", "the two days starting Tuesday", date="2024-03-05", date_end="2024-03-06"))
    assert relation(rally, two) == "corroborates"
    assert relation(rally, three) == "contradicts"


def test_a_calendar_week_is_a_window_not_a_span():
    """"later this week" says when, not how long: it must not contradict an end date or a duration."""
    from tracker.extract.drafts import CALENDAR_WEEK

    week = ValueFact("date_range", "this week", date="2024-03-04", date_end="2024-03-10", unit=CALENDAR_WEEK)
    a = claim(1, 1, "the regions announced they would stage the summit votes later this week", week)
    march_12 = ValueFact("date", "March 12", date="2024-03-12")
    end = claim(2, 2, "the summit votes are set to conclude on March 12", march_12)
    five_days = ValueFact("duration", "five days", number=5, unit="day")
    days = claim(3, 3, "the summit votes would last for five days", five_days)
    assert relation(a, end) != "contradicts"
    assert relation(a, days) != "contradicts"
    span = ValueFact("date_range", "the seven days starting Monday", date="2024-03-04", date_end="2024-03-10")
    assert relation(claim(4, 1, "the summit votes run over the seven days starting Monday", span), end) == "contradicts"


def test_whole_against_none_needs_the_same_place():
    whole = claim(1, 1, "Rebels seized the entire Idlib province in May")
    none_there = claim(2, 2, "Rebels don't fully control any of the provinces of Aleppo, Hama and Idlib")
    none_elsewhere = claim(3, 3, "Rebels don't fully control any of the provinces of Aleppo and Hama")
    assert relation(whole, none_there) == "contradicts"
    assert relation(whole, none_elsewhere) is None


def test_offsets_and_ages_are_not_lengths():
    after = claim(1, 1, "the election comes two weeks after the budget",
                  ValueFact("duration", "two weeks", number=2, unit="week"))
    lasted = claim(2, 2, "the election campaign lasted four days",
                   ValueFact("duration", "four days", number=4, unit="day"))
    assert relation(after, lasted) is None
    young = claim(3, 1, "The 25-year-old won the final match of the tournament",
                  ValueFact("quantity", "25-year-old", number=25, unit="year"), published=None)
    old = claim(4, 2, "The 31-year-old lost the final match of the tournament",
                ValueFact("quantity", "31-year-old", number=31, unit="year"), published=None)
    assert relation(young, old) != "contradicts"


def test_qualified_durations_agree_when_they_overlap():
    nearly = claim(1, 1, "a war that has dragged on for nearly seven months",
                   ValueFact("quantity", "nearly seven months", number=7, unit="month"))
    more = claim(2, 2, "the war has gone on for more than six months",
                 ValueFact("quantity", "more than six months", number=6, unit="month"))
    ten = claim(3, 3, "a ten-month-long war", ValueFact("duration", "ten-month-long", number=10, unit="month"))
    assert relation(nearly, more) != "contradicts"
    assert relation(nearly, ten) == "contradicts"


def test_same_year_needs_the_same_kind_of_event():
    vote = claim(1, 1, "Russia held a vote in Crimea in 2014", ValueFact("date", "2014", date="2014"))
    fighting = claim(2, 2, "fighting with Russia-backed forces in Crimea since 2014",
                     ValueFact("date", "2014", date="2014"))
    referendum = claim(3, 3, "Russia staged a referendum in Crimea in 2014", ValueFact("date", "2014", date="2014"))
    assert relation(vote, fighting) is None
    assert relation(vote, referendum) == "corroborates"


def test_caveats_never_contradict():
    whole = claim(1, 1, "Rebels seized the entire Idlib province in May")
    caveat = claim(2, 2, "It is unclear whether rebels don't fully control any part of Idlib", kind="caveat")
    assert relation(whole, caveat) != "contradicts"


def test_stories_months_apart_are_not_compared_on_values():
    a = claim(1, 1, "the vote will last three days", ValueFact("duration", "three days", number=3, unit="day"))
    b = claim(2, 2, "the vote will last five days", ValueFact("duration", "five days", number=5, unit="day"),
              published=date(2024, 9, 1))
    assert relation(a, b) is None
    assert relation(a, claim(2, 2, b.quote, *b.values)) == "contradicts"


def test_only_pairs_touching_new_documents_with_new_documents():
    same = "Acme Corp bought Widget Ltd for a record sum, Acme Corp said in a statement"
    claims = [claim(i, i, same) for i in (1, 2, 3)]
    pairs = {(a.id, b.id) for a, b in candidate_pairs([features_of(c) for c in claims], new_documents={3})}
    assert pairs == {(1, 3), (2, 3)}
    assert {(x.a_id, x.b_id) for x in suggest_links(claims)} == {(1, 2), (1, 3), (2, 3)}


def test_a_key_shared_by_too_many_claims_is_not_used():
    many = [claim(i, i, f"Acme Widget sold {i} units") for i in range(1, MAX_BUCKET + 3)]
    matcher = Matcher()
    matcher.suggest(many)
    assert matcher.pairs_compared == 0
    matcher.suggest(many[:3])
    assert matcher.pairs_compared == 3


def test_analysis_imports_neither_sqlalchemy_nor_textual():
    import subprocess
    import sys

    code = ("import sys, tracker.analysis, tracker.analysis.matching; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'textual')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# Figures across documents of one story: a made-up storm, two papers a day apart.
STORM = "Hurricane Zelda hit Puerto Vela and the Costa Azul coast"


def story(i: int, doc: int, quote: str, *values: ValueFact, published: date = DAY) -> ClaimFact:
    # every document of the story names the same places somewhere; here in a claim of its own
    return claim(i, doc, quote, *values, published=published)


def storm_pair(a_quote: str, a_values: tuple, b_quote: str, b_values: tuple, days_apart: int = 1) -> str | None:
    later = date.fromordinal(DAY.toordinal() + days_apart)
    claims = [story(1, 1, STORM), story(2, 2, STORM, published=later),
              story(3, 1, a_quote, *a_values), story(4, 2, b_quote, *b_values, published=later)]
    links = {(x.a_id, x.b_id): x.relation for x in suggest_links(claims)}
    return links.get((3, 4))


def test_death_tolls_that_cannot_both_hold_clash():
    a = ("The storm has killed at least 30 people, the coast guard said on Monday.",
         (ValueFact("quantity", "at least 30 people", number=30, unit="people"),))
    b = ("The coast guard put the death toll at 22 on Monday night.", (ValueFact("quantity", "22", number=22),))
    assert storm_pair(*a, *b) == "contradicts"
    # a toll weeks later is another moment of the story, not a clash
    assert storm_pair(*a, *b, days_apart=60) is None


def test_a_stated_range_holding_the_other_figure_agrees():
    a = ("Divers were still searching for between 10 and 20 fishermen who were unaccounted for.",
         (ValueFact("quantity_range", "between 10 and 20", low=10, high=20),))
    b = ("Officials said about 15 fishermen were still missing.",
         (ValueFact("quantity", "about 15 fishermen", number=15, unit="fishermen"),))
    assert storm_pair(*a, *b) == "corroborates"


def test_ages_and_other_periods_are_not_clashing_figures():
    age = ("The storm killed Maria Lopes, 71, in her home.", (ValueFact("quantity", "71", number=71),))
    toll = ("The storm killed 12 people in the town.", (ValueFact("quantity", "12 people", number=12, unit="people"),))
    assert storm_pair(*age, *toll) != "contradicts"
    quarter = ("Storm damage cut sales by 4% in the fourth quarter, the port authority said.",
               (ValueFact("quantity", "4%", number=4, unit="percent"),))
    year = ("Storm damage cut sales by 9% last year, the port authority said.",
            (ValueFact("quantity", "9%", number=9, unit="percent"),))
    assert storm_pair(*quarter, *year) != "contradicts"


def test_since_a_year_and_for_so_many_years():
    a = ("The sea wall had not been repaired since 2011.", (ValueFact("date", "2011", date="2011"),))
    b = ("For twelve years, engineers have warned about the sea wall.",
         (ValueFact("duration", "twelve years", number=12, unit="year"),))
    claims = [story(1, 1, STORM), story(2, 2, STORM, published=date(2023, 5, 2)),
              story(3, 1, a[0], *a[1], published=date(2023, 5, 1)),
              story(4, 2, b[0], *b[1], published=date(2023, 5, 2))]
    claims[0] = story(1, 1, STORM, published=date(2023, 5, 1))
    links = {(x.a_id, x.b_id): x for x in suggest_links(claims)}
    assert links[(3, 4)].relation == "corroborates" and "before 2023 is 2011" in links[(3, 4)].reason


def test_the_same_day_in_one_story_with_words_in_common_agrees():
    a = ("Inspectors will examine the harbour bridge on Friday.", (ValueFact("date", "Friday", date="2024-03-08"),))
    b = ("Inspectors who examined the harbour bridge on Friday found rust.",
         (ValueFact("date", "Friday", date="2024-03-08"),))
    other_day = ("Inspectors who examined the harbour bridge on Saturday found rust.",
                 (ValueFact("date", "Saturday", date="2024-03-09"),))
    assert storm_pair(*a, *b) == "corroborates"
    assert storm_pair(*a, *other_day) is None


# --- counts of one thing over several days (invented stories) ---------------------------------------------

TUE, WED = date(2024, 5, 7), date(2024, 5, 8)


def toll(i: int, doc: int, quote: str, text: str, number: float, unit: str | None, published: date,
         speaker: str | None = "The health ministry") -> ClaimFact:
    doc_names = " in Varna and Koprivets"  # two names shared by both documents: one story
    return ClaimFact(id=i, document_id=doc, quote=quote + doc_names, kind="quantity", published=published,
                     outlet=f"outlet {doc}", speaker=speaker, context=quote + doc_names,
                     values=(ValueFact("quantity", text, number=number, unit=unit),))


def test_a_lower_count_a_day_later_from_the_same_source_contradicts():
    a = toll(1, 1, "The health ministry said at least 212 people had been killed", "at least 212 people", 212,
             "people", TUE)
    b = toll(2, 2, "The ministry put the death toll at 186", "186", 186, None, WED, speaker="the ministry")
    [link] = suggest_links([a, b])
    assert link.relation == "contradicts"
    assert link.reason.startswith("the health ministry: “at least 212 people” (2024-05-07) against “186” (2024-05-08)")


def test_a_toll_that_rose_is_an_update_not_a_contradiction():
    a = toll(1, 1, "The health ministry said 212 people had been killed", "212 people", 212, "people", TUE)
    rose = toll(2, 2, "The ministry said the death toll rose to 230", "230", 230, None, WED)
    at_least = toll(3, 3, "The ministry said at least 230 people had been killed", "at least 230 people", 230,
                    "people", WED)
    assert relation(a, rose) == "related"
    # the same day: "rose to" still says which figure came later
    assert relation(a, toll(6, 6, "The ministry said the death toll rose to 230", "230", 230, None, TUE)) == "related"
    assert relation(a, at_least) != "contradicts"
    # a higher figure with nothing saying it grew still disagrees; "rose" to a lower one too
    plain = toll(4, 4, "The ministry said 230 people had been killed", "230 people", 230, "people", WED)
    fell = toll(5, 5, "The ministry said the death toll rose to 190", "190", 190, None, WED)
    assert relation(a, plain) == "contradicts"
    assert relation(a, fell) == "contradicts"


def test_counts_of_a_group_or_a_part_are_not_set_against_a_total():
    total = toll(1, 1, "The ministry put the death toll at 212", "212", 212, None, TUE)
    children = toll(2, 2, "The ministry said 57 children had been killed", "57 children", 57, "children", TUE)
    among = toll(3, 3, "The ministry said 57 people were among the dead", "57 people", 57, "people", TUE)
    assert relation(total, children) != "contradicts"
    assert relation(total, among) != "contradicts"
    # a total followed by its parts is still a total
    with_parts = toll(4, 4, "The ministry said 300 people had been killed, including elderly residents", "300 people",
                      300, "people", TUE)
    assert relation(total, with_parts) == "contradicts"


def test_a_shared_date_alone_does_not_corroborate_another_event():
    wed = ValueFact("date", "on Wednesday", date="2024-05-08")
    truce = claim(1, 1, "The ceasefire in Varna and Koprivets appeared to be largely holding on Wednesday", wed,
                  published=WED)
    deaths = claim(2, 2, "The ministry in Varna and Koprivets put the death toll at 186 on Wednesday", wed,
                   published=WED)
    other_deaths = claim(3, 3, "Officials in Varna and Koprivets said 186 people had been killed on Wednesday", wed,
                         published=WED)
    assert relation(truce, deaths) is None
    assert relation(deaths, other_deaths) == "corroborates"


def test_paraphrased_amounts_and_evacuations_corroborate():
    euros = toll(1, 1, "The government pledged 25 million euros in aid", "25 million euros", 25e6, "euros", TUE,
                 speaker="officials")
    short = toll(2, 2, "The government has promised €25m in aid", "€25m", 25e6, "EUR", TUE, speaker=None)
    evacuated = toll(3, 1, "More than 3,000 people have been evacuated", "More than 3,000 people", 3000, "people",
                     TUE, speaker=None)
    moved = toll(4, 2, "Some 3,000 residents were evacuated from their villages", "Some 3,000 residents", 3000,
                 "residents", TUE, speaker=None)
    assert relation(euros, short) == "corroborates"
    assert relation(evacuated, moved) == "corroborates"



def test_the_event_word_nearest_a_number_says_what_it_counts():
    killed = toll(1, 1, "Floods have killed at least 14 people and left dozens missing", "at least 14 people", 14,
                  "people", TUE)
    missing = toll(2, 2, "The agency said about 50 people were still missing", "about 50 people", 50, "people", TUE)
    dead = toll(3, 3, "The agency put the death toll at 11", "11", 11, None, TUE)
    assert relation(killed, missing) != "contradicts"
    assert relation(killed, dead) == "contradicts"


def test_a_small_count_with_no_event_in_common_corroborates_nothing():
    """"two men" in two sentences that share words but no event is no shared fact; "two men were killed" is."""
    from tracker.analysis.amounts import compare_amounts

    men = ValueFact("quantity", "two men", number=2, unit="man")
    a = claim(1, 1, "Labour fears open warfare between the two men is hurting the party", men)
    b = claim(2, 2, "Labour peers say the squabbling between the two men is hurting the party", men)
    assert compare_amounts(features_of(a), features_of(b), shared_words=4, same_days=True) is None
    killed_a = claim(3, 3, "The harbour fire on Monday killed two men", men)
    killed_b = claim(4, 4, "Two men were killed in the harbour fire on Monday",
                     ValueFact("quantity", "Two men", number=2, unit="man"))
    found = compare_amounts(features_of(killed_a), features_of(killed_b), shared_words=3, same_days=True)
    assert found is not None and found.agrees


def test_counts_of_one_thing_named_two_ways_share_a_unit():
    from tracker.analysis.values import amounts_of
    # invented: one outlet counts reservists, another reserves; the same people
    a = amounts_of([ValueFact("quantity", "40,000 reservists", number=40000, unit="reservist")])
    b = amounts_of([ValueFact("quantity", "40,000 reserves", number=40000, unit="reserve")])
    c = amounts_of([ValueFact("quantity", "40,000 reviews", number=40000, unit="review")])
    assert a[0].unit == b[0].unit != c[0].unit
