"""Property tests: any text at all is extracted without a crash, and every span is exact."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import extract

# news-like pieces mixed with arbitrary Unicode, so the rules themselves get exercised, not only skipped
_PIECES = st.sampled_from([
    "“", "”", "\"", "‘", "’", "'", " said ", ", said ", " according to ", " Tass reported.", " he said.",
    "Sept. 27", " on Monday", " the four days starting Friday", " 300,000 ", " one-fifth", " $1.5bn", "%",
    " between nearly 90% to almost 100%", ". ", "\n", "\n\n", " — ", " U.S. ", " Dr. ", " a.m. ", ", while ",
    " and the ", ", which has warned ", " has not verified the claim.", "It was unclear ", " Vladimir Putin",
    " President ", " date 2022-09-20 ", "(Bloomberg) -- ", " Mr ", "UkraineSept. 16, 202200:44", "hundreds of",
])
_TEXT = st.lists(st.one_of(st.text(max_size=12), _PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, published=st.one_of(st.none(), st.dates()))
def test_extract_never_crashes_and_spans_are_exact(text, published):
    result = extract(text, published)
    for claim in result.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start:claim.end].strip()
        assert 0.0 <= claim.check_worthiness <= 1.0
        if claim.caveat_of is not None:
            assert 0 <= claim.caveat_of < len(result.claims)
        for v in claim.values:
            assert claim.start <= v.start < v.end <= claim.end
            assert text[v.start:v.end] == v.text and v.text
    for skipped in result.skipped:
        assert 0 <= skipped.start < skipped.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_arbitrary_unicode_never_crashes(text):
    result = extract(text, date(2022, 9, 20))
    for claim in result.claims:
        assert text[claim.start:claim.end] and claim.start < claim.end


def test_publication_dates_at_the_ends_of_the_calendar_give_no_crash():
    text = ("It happened in July on Monday, over the four days starting Friday, on Sept. 27, yesterday, last year, "
            "two weeks ago, 999 days ago, 500 years ago, from Friday to Monday, next month, tomorrow.")
    for published in (date.min, date(2, 1, 3), date(9998, 12, 25), date.max):
        values = [v for c in extract(text, published).claims for v in c.values]
        assert values and all(v.date is None or len(v.date) >= 4 for v in values)
    assert all(v.date is None for c in extract(text, date.max).claims for v in c.values)
