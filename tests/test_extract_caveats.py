"""Caveats become claims linked to what they qualify; hedged claims are flagged."""
from __future__ import annotations

from datetime import date

from conftest import SEEDS

from tracker.extract import extract
from tracker.extract.caveats import hedged, uncertainty_caveat, verification_caveat


def test_verification_caveat_links_to_the_attributed_claim_before_it():
    text = (SEEDS / "000_ac5c500a06c3e345.txt").read_text(encoding="utf-8")
    claims = extract(text, date(2022, 9, 20)).claims
    caveat = next(c for c in claims if text[c.start:c.end] == "NBC News has not verified the claim.")
    assert caveat.kind == "caveat" and caveat.caveat_of is not None
    target = claims[caveat.caveat_of]
    assert text[target.start:target.end].startswith("On Monday, Ukrainian officials said its forces liberated")


def test_caveat_phrases():
    assert verification_caveat("NBC News has not verified the claim.")
    assert verification_caveat("The BBC could not independently confirm the report.")
    assert verification_caveat("The footage could not be independently verified.")
    assert verification_caveat("Reuters was unable to verify the figures.")
    assert not verification_caveat("Officials confirmed the same dates for their own referendum.")
    assert uncertainty_caveat("It was unclear what impact holding such votes would have on the ground")
    assert uncertainty_caveat("It wasn't clear if the proposed votes would cover the entire territory.")
    assert uncertainty_caveat("It is not known whether the talks will resume.")
    assert not uncertainty_caveat("It was clear that the plan had failed.")


def test_uncertainty_is_a_caveat_claim_in_context():
    text = "The talks ended on Friday. It was unclear whether they would resume."
    kinds = [c.kind for c in extract(text, None).claims]
    assert kinds == ["event", "caveat"]


def test_hedges():
    assert hedged("Russian leadership may be running out of ways to try to stop Ukrainian forces")
    assert hedged("Video appears to show Putin ally recruiting convicts")
    assert hedged("The move suggests that the counteroffensive is panicking proxy forces")
    assert not hedged("Russia captured the entire Luhansk region in July after fierce fighting.")
    assert not hedged("Elections are due in May 2005.")  # the month, not the modal


def test_more_caveat_wordings_and_what_is_not_one():
    assert verification_caveat("Reuters could not immediately verify the report.")
    assert verification_caveat("CNN has not independently verified the video.")
    assert verification_caveat("It was not possible to verify the footage.")
    assert not verification_caveat("Ukraine did not confirm the attack.")  # news about Ukraine, not a caveat
    assert uncertainty_caveat("It’s unclear whether the talks will resume.")
    assert uncertainty_caveat("Whether the votes will be recognised remains unclear.")


def test_caveat_inside_a_sentence_is_its_own_claim_linked_to_the_clause_before():
    text = ("Ukraine's military said it destroyed a bridge near Kherson, a claim that could not be independently "
            "verified. Officials said more strikes would follow.")
    claims = extract(text, None).claims
    quotes = [text[c.start:c.end] for c in claims]
    assert quotes[:2] == ["Ukraine's military said it destroyed a bridge near Kherson",
                          "a claim that could not be independently verified."]
    assert claims[1].kind == "caveat" and claims[1].caveat_of == 0
    assert claims[0].attribution.speaker.name == "Ukraine's military"
