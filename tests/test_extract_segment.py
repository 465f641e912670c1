"""Sentences, paragraphs and quotations: exact offsets on news text, from the seeds and the BBC corpus."""
from __future__ import annotations

import pytest

from tracker.extract.segment import paragraphs, quote_regions, quoted_share, sentences


def _sentences(text: str) -> list[str]:
    out = []
    for ps, pe in paragraphs(text):
        out += [text[s:e] for s, e in sentences(text, ps, pe)]
    return out


def test_abbreviations_do_not_end_sentences():
    text = ("Election officials were going house-to-house, with polling set to conclude on Sept. 27. "
            "Gen. Valery Gerasimov met Dr. Smith at 5 p.m. Friday in the U.S. capital. The talks ended.")
    assert _sentences(text) == [
        "Election officials were going house-to-house, with polling set to conclude on Sept. 27.",
        "Gen. Valery Gerasimov met Dr. Smith at 5 p.m. Friday in the U.S. capital.",
        "The talks ended.",
    ]


def test_dotted_abbreviation_before_a_sentence_opener_ends_the_sentence():
    text = "The company moved its headquarters to the U.S. The move cost $5m."
    assert _sentences(text) == ["The company moved its headquarters to the U.S.", "The move cost $5m."]


def test_initials_stay_inside_the_name():
    assert _sentences("President George W. Bush said the plan would work.") == [
        "President George W. Bush said the plan would work."]


def test_closing_quote_stays_with_its_sentence_and_a_lowercase_cue_continues_it():
    text = ("“Russia knows it is losing,” he said. “If you lose, you either seek a reasonable exit or you can "
            "threaten to go further and further.”")
    assert _sentences(text) == [
        "“Russia knows it is losing,” he said.",
        "“If you lose, you either seek a reasonable exit or you can threaten to go further and further.”",
    ]
    assert _sentences('"Why now?" he asked. Nobody answered.') == ['"Why now?" he asked.', "Nobody answered."]


def test_bbc_run_on_quotation_with_straight_quotes():
    # bbc/politics/001.txt: a new paragraph of a quotation opens a new quote mark without closing the last
    text = ('Ms Hewitt said: "We have already doubled the length of maternity pay, it was 13 weeks when we were '
            'elected, we have already taken it up to 26 weeks. "We are going to extend the pay to nine months by '
            '2007."')
    spans = [(s, e) for ps, pe in paragraphs(text) for s, e in sentences(text, ps, pe)]
    assert [text[s:e][:12] for s, e in spans] == ['Ms Hewitt sa', '"We are goin']
    regions = quote_regions(text, 0, len(text))
    assert len(regions) == 2
    assert quoted_share(regions, *spans[1]) > 0.95


def test_dashes_do_not_split_and_offsets_are_exact():
    text = ("“Today a referendum, tomorrow — recognition as part of the Russian Federation,” she said.\n"
            "The demand for $280bn (£155bn) - filed by the Clinton administration in 1999 - was rejected.")
    got = [(s, e) for ps, pe in paragraphs(text) for s, e in sentences(text, ps, pe)]
    assert len(got) == 2
    assert text[got[1][0]:got[1][1]].startswith("The demand") and text[got[1][0]:got[1][1]].endswith("rejected.")


def test_paragraphs_with_and_without_blank_lines():
    text = "  First line here.\nSecond line here.\n\n\nThird line here.  \n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["First line here.", "Second line here.", "Third line here."]


def test_curly_quotes_pair_and_an_unclosed_quote_runs_to_the_paragraph_end():
    text = "He said “we are ready” and left. She added: “More to come"
    regions = quote_regions(text, 0, len(text))
    assert [text[s:e] for s, e in regions] == ["“we are ready”", "“More to come"]


# issue 9: where a sentence ends, one row a class (invented sentences)
BOUNDARIES = [
    ("a quote mark and an editorial bracket open a sentence",
     '"Turnout was low," Reyes said. "[We] will appeal."', ['"Turnout was low," Reyes said.', '"[We] will appeal."']),
    ("a curly quote and a bracket",
     "“The count is over,” she said. “[The board] meets on Friday.”",
     ["“The count is over,” she said.", "“[The board] meets on Friday.”"]),
    ("a bracket alone",
     "The ferry was late. [Its owner] apologised on Monday.",
     ["The ferry was late.", "[Its owner] apologised on Monday."]),
    ("a lowercase word after the bracket goes on",
     'He called it "a [mere] delay." and left.', ['He called it "a [mere] delay." and left.']),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(*row[1:], id=row[0]) for row in BOUNDARIES])
def test_sentence_boundaries(text, expected):
    assert _sentences(text) == expected
