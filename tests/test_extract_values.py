"""Normalized values with their own spans: dates against the publication date, ranges, durations,
quantities, fractions, money. No publication date: relative dates keep their text and get no value."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.values import find_values

TUESDAY = date(2022, 9, 20)
FRIDAY = date(2022, 9, 23)


def values(text: str, published: date | None):
    found = find_values(text, published)
    for v in found:
        assert text[v.start:v.end] == v.text
    return {v.text: v for v in found}


@pytest.mark.parametrize("text, phrase, published, expected", [
    ("Separatist authorities announced Tuesday they would stage votes.", "Tuesday", TUESDAY, "2022-09-20"),
    ("The sense of urgency emerged Monday, when lawmakers asked.", "Monday", TUESDAY, "2022-09-19"),
    ("On Monday, Ukrainian officials said its forces liberated a village.", "Monday", TUESDAY, "2022-09-19"),
    ("Zelenskiy said in his nightly address late Thursday.", "late Thursday", FRIDAY, "2022-09-22"),
    ("Regional authorities also staged rallies Friday.", "Friday", FRIDAY, "2022-09-23"),
    ("The ministers will meet on Thursday to decide.", "Thursday", TUESDAY, "2022-09-22"),
    ("Polling is set to conclude on Sept. 27.", "Sept. 27", FRIDAY, "2022-09-27"),
    ("Russia captured the entire Luhansk region in July after fierce fighting.", "July", TUESDAY, "2022-07"),
    ("Putin recognized the regions in the buildup to his invasion in February.", "February", TUESDAY, "2022-02"),
    ("Separatists have been fighting a deadly conflict since 2014.", "2014", TUESDAY, "2014"),
    ("The plans were announced in his pre-budget review in December.", "December", date(2005, 2, 10), "2004-12"),
    ("From 8 November conversions will be subject to a 10% tax.", "8 November", date(2004, 10, 26), "2004-11-08"),
])
def test_dates(text, phrase, published, expected):
    v = values(text, published)[phrase]
    assert v.type == "date" and v.date == expected


def test_date_range_of_days_starting_a_weekday():
    text = "Both regions announced they would hold the votes over the four days starting Friday."
    v = values(text, TUESDAY)["the four days starting Friday"]
    assert (v.type, v.date, v.date_end) == ("date_range", "2022-09-23", "2022-09-26")


def test_without_a_publication_date_relative_dates_get_no_value():
    # bbc/sport/020.txt and bbc/politics/001.txt carry no date: never guess one
    text = ("The qualifying round takes place on Friday, with the final in December. Further details will be "
            "outlined on Monday; paid leave would rise by 2007.")
    found = values(text, None)
    assert found["Friday"].date is None and found["on Monday".split()[1]].date is None
    assert found["December"].date is None
    assert found["2007"].date == "2007"  # an explicit year needs no publication date


@pytest.mark.parametrize("text, phrase, kind, number, unit", [
    ("Putin called for a mobilization to draft 300,000 reservists.", "300,000 reservists", "quantity", 300000,
     "reservist"),
    ("The village sits just 7 miles west of the city.", "just 7 miles", "quantity", 7, "mile"),
    ("A conflict that has dragged on for nearly seven months.", "nearly seven months", "duration", 7, "month"),
    ("Balloting that authorities said would last for five days.", "five days", "duration", 5, "day"),
    ("The seven-month-long invasion.", "seven-month-long", "duration", 7, "month"),
    ("Russia occupies roughly one-fifth of neighboring Ukraine.", "roughly one-fifth", "quantity", 0.2, "fraction"),
    ("Only about a fifth of people favored joining Russia.", "about a fifth", "quantity", 0.2, "fraction"),
    ("The Kremlin is distributing hundreds of thousands of ballots.", "hundreds of thousands", "quantity", 100000,
     "approximate"),
    ("The demand for $280bn was rejected.", "$280bn", "quantity", 280e9, "USD"),
    ("Maternity pay is to rise by £1,400 a year.", "£1,400", "quantity", 1400, "GBP"),
    ("Remittances can amount to as much as $1.5bn.", "as much as $1.5bn", "quantity", 1.5e9, "USD"),
    ("The fund raised £300m last year.", "£300m", "quantity", 300e6, "GBP"),
    ("Altria rose 5% on the news.", "5%", "quantity", 5, "percent"),
    ("Idowu landed 17.30m at the British trials.", "17.30m", "quantity", 17.3, "metre"),
])
def test_quantities(text, phrase, kind, number, unit):
    v = values(text, TUESDAY)[phrase]
    assert v.type == kind and v.number == pytest.approx(number) and v.unit == unit


def test_percentage_range_with_hedges():
    text = "Support for annexation would run from between nearly 90% to almost 100%."
    v = values(text, FRIDAY)["between nearly 90% to almost 100%"]
    assert (v.type, v.low, v.high, v.unit) == ("quantity_range", 90, 100, "percent")


def test_years_scores_and_ordinals_are_not_quantities():
    found = values("The case was rejected in a 2-1 decision in 1999, for a second week, at fly-half.", None)
    assert all(v.type not in ("quantity", "duration") for v in found.values())
    assert found["1999"].type == "date"


def test_each_value_has_its_own_span_in_the_whole_text():
    text = "Intro line.\nIt took $42.8m (£23.7m) at the weekend, in 12 days."
    found = find_values(text, None)
    assert [text[v.start:v.end] for v in found] == ["$42.8m", "£23.7m", "the weekend", "12 days"]


def test_weekday_ranges_day_ranges_and_time_ago():
    found = values("Voting will run from Friday to Monday, and talks were held between Sept. 23 and 27.", TUESDAY)
    weekdays = found["from Friday to Monday"]
    assert (weekdays.date, weekdays.date_end) == ("2022-09-23", "2022-09-26")
    assert (found["Sept. 23 and 27"].date, found["Sept. 23 and 27"].date_end) == ("2022-09-23", "2022-09-27")
    # weeks back name a calendar week, as "last week" does and TIMEX3 writes it (2022-09-06 is in week 36)
    assert values("She resigned two weeks ago.", TUESDAY)["two weeks ago"].date == "2022-W36"
    assert values("Russia invaded seven months ago.", TUESDAY)["seven months ago"].date == "2022-02"
    assert values("Russia invaded seven months ago.", None)["seven months ago"].date is None


def test_one_in_n_is_a_share():
    # bbc/tech/040.txt
    found = values("One in 10 US adults - 22 million people - now owns a digital music player.", None)
    assert found["One in 10"].number == pytest.approx(0.1)
    assert found["22 million people"].number == 22e6


def test_a_date_without_a_year_takes_the_nearest_year_leaning_to_the_past():
    january = date(2005, 1, 10)
    assert values("The report is due on Feb. 14.", january)["Feb. 14"].date == "2005-02-14"
    assert values("The deal was signed on Nov. 30.", january)["Nov. 30"].date == "2004-11-30"
    assert values("The fund collapsed in October.", january)["October"].date == "2004-10"
    assert values("Results of November's poll were late.", january)["November's"].date == "2004-11"


def test_a_count_takes_the_head_noun_of_its_phrase():
    """"three credit rating agencies" counts agencies; a singular word after a plural count is a modifier."""
    from tracker.extract.quantities import find_quantities

    def units(text):
        return [(v.number, v.unit) for v in find_quantities(text)]

    assert units("Three credit rating agencies cut the rating.") == [(3.0, "agency")]
    assert units("The firm announced 300 job cuts on Monday.") == [(300.0, "cut")]
    assert units("Two companies say they will bid.") == [(2.0, "company")]
    assert sorted(units("Five people died and 12 police officers were hurt.")) == [(5.0, "people"), (12.0, "officer")]


def test_a_short_million_before_a_counted_noun():
    """"18m people" is 18 million; "17.30m" and "the 100m final" are lengths."""
    from tracker.extract.quantities import find_quantities

    def vals(text):
        return [(v.number, v.unit) for v in find_quantities(text)]

    assert vals("About 18m people expect to shop online.") == [(18_000_000.0, "people")]
    assert vals("Some 5m homes lost power.") == [(5_000_000.0, "home")]
    assert vals("He jumped 17.30m in Madrid.") == [(17.3, "metre")]
    assert vals("She won the 100m final.") == [(100.0, "metre")]


def test_units_beyond_lowercase_words():
    from tracker.extract.quantities import find_quantities

    def vals(text):
        return [(v.number, v.unit) for v in find_quantities(text)]

    # bbc/business: "designed to produce 12,600 MW of electricity"; bbc/politics: "About 800,000 Tutsis"
    assert vals("The dam will produce 12,600 MW of electricity.") == [(12600.0, "megawatt")]
    assert vals("About 800,000 Tutsis were killed.") == [(800000.0, "tutsi")]
    assert vals("The move is a surprising one because demand is rising.") == []


def test_plural_units_ending_in_es():
    from tracker.extract.quantities import find_quantities

    # bbc/sport: "collect two searching crosses"
    assert [v.unit for v in find_quantities("He had to collect two searching crosses.")] == ["cross"]
    assert [v.unit for v in find_quantities("They paid 12 taxes and lost 3 matches.")] == ["tax", "match"]


def test_a_count_in_millions_takes_its_head_noun():
    from tracker.extract.quantities import find_quantities

    # bbc/tech: "China adding 178 million new PCs by 2010"
    vals = [(v.number, v.unit) for v in find_quantities("China is adding 178 million new PCs, and 5m new homes.")]
    assert vals == [(178_000_000.0, "pcs"), (5_000_000.0, "home")]
