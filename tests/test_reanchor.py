"""Matching the claims of an article's new version to the old one's (pure: no database)."""
from __future__ import annotations

import re

from tracker.analysis.reanchor import Span, facts_of, reanchor


def sentences(text: str) -> list[Span]:
    return [Span(i, m.start(), m.end()) for i, m in enumerate(re.finditer(r"[A-Z][^.]*\.", text))]


def outcomes(old: str, new: str) -> dict[int | None, tuple[str, int | None, str]]:
    return {m.old: (m.outcome, m.new, m.reason) for m in reanchor(old, sentences(old), new, sentences(new))
            if m.old is not None}


OLD = ("The storm killed 12 people on Monday. Officials said the dam did not fail. "
       "Lena Park said the roads would reopen. About 400 homes lost power.")


def test_same_text_is_unchanged_everywhere():
    assert {o for o, _, _ in outcomes(OLD, OLD).values()} == {"unchanged"}


def test_a_sentence_inserted_before_moves_the_rest():
    new = "Rescuers are still searching. " + OLD
    result = outcomes(OLD, new)
    assert [result[i][0] for i in range(4)] == ["moved"] * 4
    assert [result[i][1] for i in range(4)] == [1, 2, 3, 4]


def test_a_different_number_is_changed_never_re_anchored():
    result = outcomes(OLD, OLD.replace("12 people", "15 people"))
    assert result[0][0] == "changed" and "12 → 15" in result[0][2]
    assert result[1][0] == "unchanged"


def test_negation_name_and_date_changes_are_changes():
    assert outcomes(OLD, OLD.replace("did not fail", "did fail"))[1][0] == "changed"
    assert outcomes(OLD, OLD.replace("Lena Park", "Omar Reyes"))[2][0] == "changed"
    assert outcomes(OLD, OLD.replace("on Monday", "on Tuesday"))[0][0] == "changed"


def test_a_rewording_with_the_same_facts_is_moved():
    new = OLD.replace("Officials said the dam did not fail.", "Officials said that the dam did not fail at all.")
    result = outcomes(OLD, new)
    assert result[1][0] == "moved"


def test_a_deleted_sentence_is_removed_and_an_added_one_new():
    new = OLD.replace("About 400 homes lost power.", "Schools will stay shut until Friday.")
    matches = reanchor(OLD, sentences(OLD), new, sentences(new))
    assert [m.outcome for m in matches if m.old == 3] == ["removed"]
    assert [m.new for m in matches if m.outcome == "new"] == [3]


def test_a_repeated_quote_goes_to_the_copy_whose_surroundings_agree():
    old = "Intro one. Prices rose. Between. Markets fell. Prices rose. End."
    new = "Added first. Intro one. Prices rose. Between. Markets fell. Prices rose. End."
    result = outcomes(old, new)
    assert result[1][1] == 2 and result[4][1] == 5


def test_facts_of_ignores_the_capital_of_a_sentence_opening():
    facts = facts_of("Police said 3,000 people left London in May, not June.")
    assert facts.numbers == ("3000",) and facts.dates == ("june", "may")
    assert facts.names == ("London",) and facts.negations == 1
