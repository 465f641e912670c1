"""Which outlet an article is from, by what the text says of itself."""
from __future__ import annotations

import pytest

from tracker.extract import detect_outlet

BODY = "\n\nThe storm cut power to 40,000 homes, officials said.\n"


@pytest.mark.parametrize("head, outlet", [
    ("ATHENS (Reuters) - Flash floods killed 14 people.", "Reuters"),
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "The Associated Press"),
    ("LONDON, Oct 3 (Reuters) - Shares fell.", "Reuters"),
    ("(CNN) — A judge ruled on Friday.", "CNN"),
    ("(Bloomberg) -- Oil rose.", "Bloomberg"),
    ("By Jane Doe, CNN\n\nA judge ruled on Friday.", "CNN"),
])
def test_dateline_and_byline_credits(head, outlet):
    assert detect_outlet(head + BODY) == outlet


@pytest.mark.parametrize("sentence, outlet", [
    ("Reuters could not independently verify the figure.", "Reuters"),
    ("NBC News has not verified the claim.", "NBC News"),
    ("The Guardian has seen a copy of the letter.", "The Guardian"),
])
def test_an_outlet_naming_itself(sentence, outlet):
    assert detect_outlet("The storm hit on Monday. " + sentence) == outlet


@pytest.mark.parametrize("sentence", [
    "The toll rose to 14, according to Reuters.",  # citing another outlet
    # bbc/business: the BBC relays other outlets' interviews and documents
    "\u201cThe big worries continue,\u201d Michael Rabb, an analyst with Bank Sal Oppenheim, told Reuters.",
    "Mr Clarke told The Times: \u201cI think we should.\u201d",
    "The plan is set out in a letter seen by the Financial Times.",
    "Both The Independent and The Times have seen circulation rise since the change.",
    "The minister told the Court the dam was safe.",
    "The Government has seen the report.",
    "The company has seen sales fall.",
    "By Jane Doe, Senior Correspondent\n\nThe storm hit.",
])
def test_citing_or_naming_others_is_no_evidence(sentence):
    assert detect_outlet("The storm hit on Monday. " + sentence) is None
