"""Page furniture is skipped with a reason, and never becomes a claim."""
from __future__ import annotations

from datetime import date

import pytest
from conftest import SEEDS

from tracker.extract import extract
from tracker.extract.furniture import line_reason


@pytest.mark.parametrize("line, reason", [
    ("Video appears to show Putin ally recruiting convicts to fight in UkraineSept. 16, 202200:44", "video caption"),
    ("Why Ukraine’s Donbas Region Matters to Putin: QuickTake", "headline"),
    ("Putin’s Conscripts Won’t Win His War But May Drag It Out", "headline"),
    ("Threats Condemned", "heading"),
    ("Labour plans maternity pay rise", "heading"),  # a BBC headline: not title case, still no sentence
    ("By Jane Smith, BBC News", "byline"),
    ("Read more: Ukraine’s counteroffensive explained", "prompt"),
    ("Main points of the plan:", "list"),
])
def test_furniture_lines_get_a_reason(line, reason):
    got = line_reason(line)
    assert got is not None and reason in got


@pytest.mark.parametrize("line", [
    "News of the planned referendums was condemned by Kyiv.",
    "“We’re coming home!”",
    "- Individuals who persistently break the law will face a maximum fine of £1,000",
    "Ms Hewitt said: \"We have already doubled the length of maternity pay\"",
])
def test_sentences_and_list_items_are_not_furniture(line):
    assert line_reason(line) is None


def test_seed_furniture_is_skipped_not_claimed():
    text = (SEEDS / "004_8a0afc7fede724e1.txt").read_text(encoding="utf-8")
    result = extract(text, date(2022, 9, 23))
    skipped = {text[s.start:s.end]: s.reason for s in result.skipped}
    assert "Threats Condemned" in skipped
    assert "(Bloomberg) --" in skipped
    assert any(k.startswith("date 2022-09-23") for k in skipped)
    quotes = [text[c.start:c.end] for c in result.claims]
    assert not any("QuickTake" in q or "Threats Condemned" in q for q in quotes)
    assert quotes[0].startswith("Russia on Friday began staging")


# a wire story in another house style (invented text, real conventions): dateline, byline, photo caption with
# credit, link prompt and contributor line are furniture; every other line holds claims
WIRE = """ date 2023-03-15 KYIV, Ukraine (AP) — Russian forces launched a wave of drone attacks on Kyiv overnight, \
Ukrainian officials said Wednesday.
By Hanna Arhirova and John Leicester
The city's military administration said air defenses shot down all 21 drones, a claim that could not be \
independently verified.
A man walks past a damaged building in Kyiv, Ukraine, Wednesday, March 15, 2023. (AP Photo/Efrem Lukatsky)
“We will stand with Ukraine for as long as it takes,” Secretary of State Antony Blinken told reporters on Tuesday.
Read more: Ukraine war explained
The Associated Press contributed to this report.
(Reporting by David Milliken; Editing by Toby Chopra)
"""


def test_wire_story_furniture():
    result = extract(WIRE, date(2023, 3, 15))
    skipped = {WIRE[s.start:s.end].split(" (")[0][:20]: s.reason for s in result.skipped}
    assert skipped["KYIV, Ukraine"].startswith("dateline")
    assert skipped["By Hanna Arhirova an"] == "byline"
    assert skipped["A man walks past a d"] == "photo caption with credit"
    assert skipped["The Associated Press"] == "contributor credit"
    assert "Read more: Ukraine w" in skipped
    quotes = [WIRE[c.start:c.end] for c in result.claims]
    assert quotes[0].startswith("Russian forces launched") and quotes[0].endswith("said Wednesday.")
    assert not any("AP Photo" in q or "Reporting by" in q or "contributed" in q for q in quotes)
    blinken = next(c for c in result.claims if "stand with Ukraine" in WIRE[c.start:c.end])
    assert blinken.attribution.speaker.name == "Antony Blinken"
    assert blinken.values[0].date == "2023-03-14"


def test_team_sheets_and_results_lines_are_furniture():
    # bbc/sport: the line-ups and scorers at the foot of a match report
    from tracker.extract.furniture import line_reason

    assert line_reason("Jones, Hiley, Sawyer, Gaia, Taylor (Martin 89), Ampadu (Afful 69), Clay, Devine.")
    assert line_reason("Subs Not Used: Rice, Todd.")
    assert line_reason("Ronaldo 9, Rooney 87.")
    assert line_reason("Mr Blair said yes.") is None


def test_a_text_of_one_line_is_its_own_content_not_a_heading():
    from datetime import date

    from tracker.extract import extract

    one = "The ferry resumes sailing next Friday"
    claims = extract(one, date(2031, 4, 8)).claims
    assert [one[c.start:c.end] for c in claims] == [one]
    assert [v.date for v in claims[0].values] == ["2031-04-18"]
    page = "The ferry resumes sailing next Friday\n\nThe operator said the new timetable starts in May."
    quotes = [page[c.start:c.end] for c in extract(page, date(2031, 4, 8)).claims]
    assert "The ferry resumes sailing next Friday" not in quotes  # above a body, the same line is a heading
