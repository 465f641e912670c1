"""One assertion a claim: where a sentence splits into clauses, and who speaks in each.

Sentences are invented in the manner of news English, or come from the BBC corpus (named where they do).
"""
from __future__ import annotations

from datetime import date

from tracker.extract import ClaimDraft, extract

PUB = date(2025, 2, 12)


def quotes(text: str) -> list[str]:
    return [text[c.start:c.end] for c in extract(text, PUB).claims]


def claim(text: str, anchor: str) -> ClaimDraft:
    covering = [c for c in extract(text, PUB).claims if anchor in text[c.start:c.end]]
    assert covering, f"no claim holds {anchor!r}"
    return min(covering, key=lambda c: c.end - c.start)


def speaker(text: str, anchor: str) -> str | None:
    """The speaker's name; a group named by description ("The fire service") without its article."""
    s = claim(text, anchor).attribution.speaker
    return s.name.removeprefix("The ").removeprefix("A ") if s else None


def apart(text: str, a: str, b: str) -> bool:
    return not any(a in q and b in q for q in quotes(text))


def test_a_second_verb_of_saying_is_a_second_claim_of_the_same_speaker():
    text = ("The fire service put the death toll at nine on Tuesday and said about 30 people were still "
            "missing.")
    assert apart(text, "death toll", "still missing")
    assert speaker(text, "still missing") == "fire service"
    assert speaker(text, "death toll") == "fire service"  # an estimate is its maker's


def test_adding_that_goes_on_in_the_voice_of_the_speaker():
    text = ("Prices are likely to keep rising, she said, adding that nearly a fifth of households had already "
            "cut back on heating.")
    assert apart(text, "keep rising", "nearly a fifth")


def test_but_that_after_a_cue_is_a_second_statement():
    text = ("Maria Lindqvist, an analyst at Hartwell Partners, said the forecast was \"more cautious than "
            "expected\" but that the new stores could pay off within two years.")
    assert apart(text, "cautious", "new stores")
    assert speaker(text, "new stores could pay off") == "Maria Lindqvist"


def test_a_participle_with_that_speaks_for_the_subject():
    text = ("A federal judge on Monday rejected the company's request to pause the trial, ruling that it had "
            "offered no evidence of harm.")
    assert apart(text, "rejected", "no evidence")
    assert speaker(text, "no evidence of harm") == "federal judge"


def test_a_sentence_final_relative_clause_with_its_own_verb_is_its_own_claim():
    text = ("The court dismissed the lawsuit brought by Tom Reyes, who lost the race to the incumbent by 212 "
            "votes out of more than 41,000 cast.")
    assert apart(text, "dismissed", "212 votes")


def test_an_embedded_or_anonymous_relative_clause_stays():
    text = "A senior official, who toured the valley on Tuesday, said the dam was safe."
    assert not apart(text, "toured", "dam was safe")
    text = "The decision was confirmed by a club official, who declined to be named."
    assert not apart(text, "confirmed", "declined")


def test_which_they_said_starts_a_statement():
    text = ("Opposition lawmakers accused the government of ignoring warnings about the sea wall, which they "
            "said had not been repaired since 2011.")
    assert apart(text, "accused", "repaired since 2011")
    assert speaker(text, "repaired since 2011") == "Opposition lawmakers"


def test_where_with_a_new_subject_at_the_end_of_a_sentence():
    text = ("Rescuers pulled two more bodies from the river on Thursday, where heavy rain this week has left at "
            "least 11 people dead.")
    assert apart(text, "two more bodies", "at least 11")
    # a fronted place before the main clause does not split
    text = "At the stadium, where the firm changed its contractor, the builder will have to win legal claims."
    assert not apart(text, "changed its contractor", "legal claims")


def test_comma_and_an_auxiliary_opens_a_second_fact():
    text = ("The candidate filed the lawsuit on Dec. 2, nearly four weeks after the election, and had asked "
            "the court to order a recount of all 38 precincts.")
    assert apart(text, "Dec. 2", "38 precincts")
    # without the comma it is one act
    text = "The man was arrested on Monday and has been charged with fraud."
    assert not apart(text, "arrested", "charged")


def test_a_quantity_can_open_a_clause_but_an_adverb_does_not():
    text = "The county paid $1.4 million for the machines in 2024, and nearly half of that came from a grant."
    assert apart(text, "$1.4 million", "nearly half")
    # bbc/sport: "… and nearly scored" is the same subject's second verb
    text = "Dallaglio charged down a kick in the first half and nearly scored through the middle of the ruck."
    assert not apart(text, "charged down", "nearly scored")


def test_a_present_tense_verb_after_a_definite_subject():
    text = ("The regulator approved a new antibiotic in March, but the drug costs about €4,500 per course of "
            "treatment, Olsen said.")
    assert apart(text, "approved", "€4,500")


def test_that_as_a_subject_is_not_a_new_complement():
    text = "Mr Cable said debt was a growing problem and that will worsen if interest rates rise."
    assert not apart(text, "growing problem", "will worsen")


def test_two_verb_phrases_with_a_figure_each_are_two_claims():
    text = "The company cut 300 jobs and closed two plants."
    assert apart(text, "300 jobs", "two plants")
    text = "The company employs about 4,000 people and operates 120 stores across the country."
    assert apart(text, "4,000", "120 stores")
    # without figures on both sides it is one act
    assert not apart("Police arrested two men and charged them with fraud.", "arrested", "charged")


def test_names_joined_by_and_are_one_subject():
    # bbc/entertainment: "… while Clive Owen and Sophie Okonedo failed to win …"
    text = ("Kate Winslet also lost to Hilary Swank, while Clive Owen and Sophie Okonedo failed to win best "
            "supporting actor awards.")
    assert not apart(text, "Clive Owen", "Sophie Okonedo failed")
    # bbc/entertainment: "… although both The Independent and The Times have seen circulation rise …"
    text = "The Telegraph has no plans to go tabloid, although both The Independent and The Times have seen sales rise."
    assert not apart(text, "The Independent", "have seen sales rise")


def test_a_participle_with_by_is_not_a_new_clause():
    # bbc/business: "… apart from two bank accounts and a house in Houston owned by its chief finance officer"
    text = ("The case was filed in Texas although the firm has no assets in the US, apart from two bank accounts "
            "and a house in Houston owned by its chief finance officer.")
    assert not apart(text, "two bank accounts", "a house in Houston")
