"""One assertion a claim: where a sentence splits into clauses, and who speaks in each.

Sentences are invented in the manner of news English, or come from the BBC corpus (named where they do).
"""
from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import ClaimDraft, extract
from tracker.extract.attribution import find_cues, mask_quotes
from tracker.extract.clauses import split
from tracker.extract.segment import quote_regions

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


# ---- issue 9, "One checkable fact a claim": one row a class, invented sentences (article dated Tuesday 2031-04-08)

ISSUE_PUB = date(2031, 4, 8)


def _quotes_on(text: str) -> list[str]:
    return [text[c.start:c.end] for c in extract(text, ISSUE_PUB).claims]


CUT = [
    ("coordinated predicates",
     "The ferry operator suspended its night crossings and reopened the northern terminal.",
     "night crossings", "northern terminal"),
    ("new subject after but, with an interposed phrase",
     "Kestrel Ferries cut its timetable, but after reviewing bookings it restored the late sailing.",
     "cut its timetable", "restored the late sailing"),
    ("new bare-noun subject after and",
     "The central bank raised its main rate by half a point, and mortgage costs climbed within a week.",
     "half a point", "climbed within a week"),
    ("subordinate clause with its own fact (when)",
     "Twelve hikers were rescued on Sunday, when a rockslide blocked the valley trail.",
     "rescued on Sunday", "rockslide blocked"),
    ("subordinate clause with its own fact (even though)",
     "The council closed the pool for the summer, even though the repairs had cost only £8,000.",
     "closed the pool", "£8,000"),
    (", with a noun phrase and its participle",
     "The library lent 80,000 books last year, with children's titles making up half of the loans.",
     "80,000 books", "half of the loans"),
    ("trailing participle with a figure",
     "The ferry crossed the strait in record time, arriving 40 minutes ahead of schedule.",
     "record time", "40 minutes"),
    ("reporting participle without a comma",
     "The auditor published a report concluding that the accounts were sound.",
     "published a report", "accounts were sound"),
    ("relative clause mid-sentence",
     "Mira Tallis, who founded the rowing club in 1998, opened the new boathouse on Saturday.",
     "founded the rowing club", "opened the new boathouse"),
    ("relative clause inside an appositive, mid-sentence",
     "Harbour officials in Velden, a port town where trawlers land most of the catch and which hosts the fish "
     "auction, also raised the harbour fees by 4% on Monday.",
     "hosts the fish auction", "raised the harbour fees"),
    ("relative clause in the passive, mid-sentence, before a present-tense predicate",
     "The boatyard, which was founded in 1990, employs 300 people in Velden.", "founded in 1990", "300 people"),
    ("gapping",
     "The northern mill raised wages by 5%, the southern mill by 3%.",
     "by 5%", "by 3%"),
    ("dash before a new subject",
     "Turnout fell to 41 percent in the northern wards — organisers blamed the heavy rain.",
     "41 percent", "blamed the heavy rain"),
    ("quotation after the speaker's own reported words",
     "Reyes told reporters the count had been flawed: “We found 300 ballots in a locked cupboard.”",
     "count had been flawed", "300 ballots"),
    ("several quoted complements of one cue",
     "“It was a long night for the counting staff,” Reyes said on Monday, “but every ballot has now been counted.”",
     "long night", "every ballot"),
    ("a figure with a clause of its own",
     "The province began a census on Monday to count the roughly one-third of the forest it still owns.",
     "began a census", "one-third of the forest"),
]


@pytest.mark.parametrize(("text", "a", "b"), [pytest.param(*row[1:], id=row[0]) for row in CUT])
def test_a_clause_with_a_fact_of_its_own_is_its_own_claim(text, a, b):
    got = _quotes_on(text)
    assert not any(a in q and b in q for q in got), got
    assert any(a in q for q in got) and any(b in q for q in got), got


KEEP = [
    ("coordinated names after a subordinator",
     "Talks collapsed after the organisers and Harbour Trust failed to agree.", "organisers", "failed to agree"),
    ("an -based adjective",
     "The Oslo-based firm and its two partners won the ferry contract.", "Oslo-based", "won the ferry contract"),
    ("a semicolon inside parentheses",
     "The firm sold its stake for ¥900,000 ($6,100; €5,600) to a local bank.", "$6,100", "€5,600"),
    ("an age and a shirt number",
     "The goalkeeper, 19, took the number 23 shirt after the transfer.", "19", "number 23"),
    ("a cue verb with a plain object",
     "The referee reviewed the footage and confirmed the goal.", "reviewed the footage", "confirmed the goal"),
    ("a clause that only describes a speaker",
     "“The bridge will hold,” said Lena Fors, who runs the engineering office in Velden.", "will hold",
     "engineering office"),
    ("a relative clause describing the speaker mid-sentence",
     "Mira Tallis, who founded the rowing club in 1998, said the boathouse would open in May.", "founded",
     "boathouse would open"),
    ("a relative clause that only describes its subject, mid-sentence",
     "The mayor, who has been a critic of the harbour plan, voted against it on Monday.", "critic",
     "voted against it"),
    ("a quotation broken by its cue mid-sentence",
     "“I think,” Reyes said, “that the count will be over by Friday.”", "I think", "count will be over"),
    ("a relative clause inside a noun phrase",
     "The mayor backed a plan that would widen the harbour but may delay the ferries.", "widen the harbour",
     "delay the ferries"),
    ("a second predicate inside reported speech",
     "The inspectors said the operator ignored two warnings and removed the safety rail.", "two warnings",
     "safety rail"),
    ("a subordinate clause inside content a closing cue governs",
     "The crane failed because the operator ignored two warnings, the inspectors said.", "crane failed",
     "two warnings"),
    ("a participle after a closing cue",
     "Turnout was 41 percent, the commission said, citing figures from 2030.", "41 percent", "citing figures"),
    ("a source named in passing after as",
     "The vote was delayed by a week, as Valley Radio reported on Monday.", "delayed by a week", "Valley Radio"),
    ("an adverb, not a bare noun",
     "The club spent £4m on new players but still lost the final in May.", "spent £4m", "lost the final"),
]


@pytest.mark.parametrize(("text", "a", "b"), [pytest.param(*row[1:], id=row[0]) for row in KEEP])
def test_never_cut(text, a, b):
    got = _quotes_on(text)
    assert any(a in q and b in q for q in got), got


def test_a_cut_subordinate_clause_leaves_the_date_with_its_own_clause():
    text = "Twelve hikers were rescued on Sunday, when a rockslide blocked the valley trail."
    first = next(c for c in extract(text, ISSUE_PUB).claims if "rescued" in text[c.start:c.end])
    assert [v.date for v in first.values if v.type == "date"] == ["2031-04-06"]


SPLIT_CONNECTORS = [
    ("The ferry crossed the strait in record time, arriving 40 minutes ahead of schedule.", "participle_fact"),
    ("Mira Tallis, who founded the rowing club in 1998, opened the new boathouse on Saturday.", "predicate"),
    ("The northern mill raised wages by 5%, the southern mill by 3%.", "gap"),
    ("The province began a census on Monday to count the roughly one-third of the forest it still owns.", "figure"),
    ("The auditor published a report concluding that the accounts were sound.", "participle"),
    ("The library lent 80,000 books last year, with children's titles making up half of the loans.", "with"),
]


@pytest.mark.parametrize(("text", "connector"), SPLIT_CONNECTORS)
def test_the_connector_names_the_class_of_the_cut(text, connector):
    clauses = split(text, 0, find_cues(text, 0))
    assert [c for _s, _e, c in clauses] == ["", connector]
    # the clauses tile the sentence: nothing but the connector's punctuation and white space between them
    (_s0, e0, _c0), (s1, e1, _c1) = clauses
    assert _s0 == 0 and e1 == len(text) and text[e0:s1].strip(" ,") in ("", "and")


QUOTED = [
    ("two facts in one quoted sentence",
     "“The bridge is safe and will reopen to traffic on Friday,” the engineer said.", "bridge is safe",
     "reopen to traffic"),
    ("a second predicate inside a quotation",
     "“We closed the old depot in the spring and opened two new routes,” the operator said.", "old depot",
     "two new routes"),
]


@pytest.mark.parametrize(("text", "a", "b"), [pytest.param(*row[1:], id=row[0]) for row in QUOTED])
def test_quoted_facts_are_cut_when_the_text_is_given(text, a, b):
    regions = quote_regions(text, 0, len(text))
    masked = mask_quotes(text, 0, len(text), regions)
    cues = find_cues(masked, 0)
    pieces = [text[s:e] for s, e, _c in split(masked, 0, cues, text=text)]
    assert not any(a in p and b in p for p in pieces), pieces
    assert [c for _s, _e, c in split(masked, 0, cues, text=text)][1] == "quote"
    # without the text the quotation is blank to the splitter and stays whole
    assert len(split(masked, 0, cues)) == 1
