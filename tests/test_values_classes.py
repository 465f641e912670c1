"""Classes of values from issue 10, each a table of invented sentences (article dated Tuesday 2031-04-08)."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.values import find_values

TUESDAY = date(2031, 4, 8)


def found(text: str, published: date | None = TUESDAY):
    values = find_values(text, published)
    for v in values:
        assert text[v.start:v.end] == v.text
    return {v.text: v for v in values}


@pytest.mark.parametrize("text, phrase, expected", [
    # quarters: a numbered one is this year's once it has begun, else last year's
    ("The insurer lost money in the first quarter.", "the first quarter", "2031-Q1"),
    ("Third-quarter profit fell by a tenth.", "Third-quarter", "2030-Q3"),
    ("Sales rose in the fourth quarter of 2029.", "the fourth quarter of 2029", "2029-Q4"),
    ("Orders slowed in this year's second quarter.", "this year's second quarter", "2031-Q2"),
    # the quarter a text is about, and the same quarter a year before
    ("Profit rose in the first quarter. During the quarter, fares rose.", "the quarter", "2031-Q1"),
    ("Profit rose in the first quarter from a year earlier.", "a year earlier", "2030-Q1"),
    ("Profit rose in the first quarter. In the year-ago quarter it fell.", "the year-ago quarter", "2030-Q1"),
    ("Sales dipped in the quarter ended Dec. 31, the firm said.", "the quarter", "2030-Q4"),
    ("Revenue will grow in the current quarter.", "the current quarter", "2031-Q2"),
    # halves and seasons (winter 2029 runs from December 2028)
    ("Rents rose in the first half of 2030.", "the first half of 2030", "2030-H1"),
    ("The festival returns this summer.", "this summer", "2031-SU"),
    ("The bridge closed last autumn.", "last autumn", "2030-FA"),
    ("Floods hit the valley in the winter of 2029.", "the winter of 2029", "2029-WI"),
])
def test_calendar_periods(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("text, phrase, first, last", [
    # weekends: the one before publication unless the words look ahead
    ("Crowds gathered in the square over the weekend.", "the weekend", "2031-04-05", "2031-04-06"),
    ("Talks will resume next weekend.", "next weekend", "2031-04-12", "2031-04-13"),
    # decades and centuries; the past decade ends on the publication day
    ("The port grew through the 1990s.", "the 1990s", "1990", "1999"),
    ("The mill closed in the late 1970s.", "the late 1970s", "1977", "1979"),
    ("Prices were lower in the eighties.", "the eighties", "1980", "1989"),
    ("The abbey dates from the 12th century.", "the 12th century", "1100", "1199"),
    ("Crime has halved over the past decade.", "the past decade", "2021-04-08", "2031-04-08"),
    ("Membership doubled in the past year.", "the past year", "2030-04-08", "2031-04-08"),
])
def test_periods(text, phrase, first, last):
    v = found(text)[phrase]
    assert (v.type, v.date, v.date_end) == ("date_range", first, last)


@pytest.mark.parametrize("text, phrase, expected", [
    # anaphoric days and years: the day or year of the date named before, moved
    ("The ferry sank on Tuesday. Later that day divers found the wreck.", "Later that day", "2031-04-08"),
    ("Talks ended on March 3. The day before, rebels had shelled the town.", "The day before", "2031-03-02"),
    ("Talks ended on March 3. The following day, the rebels withdrew.", "The following day", "2031-03-04"),
    ("The strike began on Jan. 20, 2029 and the same day the mine closed.", "the same day", "2029-01-20"),
    ("The vote is the day after tomorrow.", "the day after tomorrow", "2031-04-10"),
    ("The mayor resigned in 2027. The following year the council was dissolved.", "The following year", "2028"),
    ("The dam was finished in 2019; that year the river ran dry.", "that year", "2019"),
    ("Sales rose to $5m, from $4m a year earlier.", "a year earlier", "2030"),
    ("A decade ago the port was empty.", "A decade ago", "2021"),
    # fiscal years and "the year"
    ("The group lost money in fiscal 2030.", "fiscal 2030", "2030"),
    ("Sales slowed in the current year.", "the current year", "2031"),
    # a bare month: the most recent, unless the sentence looks ahead or says this, next or last
    ("The ministry published the figures in February.", "February", "2031-02"),
    ("The ministry published the figures in June.", "June", "2030-06"),
    ("Elections are due to be held in June.", "June", "2031-06"),
    ("The sale is expected in February.", "February", "2032-02"),
    ("The dividend would be paid in January.", "January", "2032-01"),
    ("Sales were flat this year through March.", "March", "2031-03"),
    ("The talks should conclude by May.", "May", "2031-05"),
    ("The museum reopens this September.", "September", "2031-09"),
    ("The strike began last May.", "May", "2030-05"),
    # a weekday followed by its date: the date decides
    ("The paper said in an editorial on Saturday, April 25: the plan failed.", "April 25", "2031-04-25"),
])
def test_dates_by_reference(text, phrase, expected):
    v = found(text)[phrase]
    assert v.type == "date" and v.date == expected


@pytest.mark.parametrize("text, phrase, number, unit", [
    ("The climb took an hour and a half.", "an hour and a half", 1.5, "hour"),
    ("They lived in camps for 2 1/2 years.", "2 1/2 years", 2.5, "year"),
    ("The base may stay for at least 20 more years.", "at least 20 more years", 20, "year"),
    ("Shares fell for eight trading days.", "eight trading days", 8, "day"),
    ("The firm reported sales for the year ended June 30.", "the year", 1, "year"),
    # a counted span says how long, as TIMEX3 reads it ("the past decade" is the window ending today)
    ("Prices doubled over the past three years.", "three years", 3, "year"),
])
def test_durations(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.type, v.number, v.unit) == ("duration", pytest.approx(number), unit)


@pytest.mark.parametrize("text, phrase, number, unit", [
    # units of measure: the SI name for everyday units, the symbol for scientific ones, compounds kept
    ("The lake covers 4 square kilometres.", "4 square kilometres", 4, "square kilometre"),
    ("The reservoir holds 2 km squared of water.", "2 km squared", 2, "square kilometre"),
    ("Temperatures reached 41 degrees Celsius.", "41 degrees Celsius", 41, "degree Celsius"),
    ("The oven runs at 220 °C for an hour.", "220 °C", 220, "degree Celsius"),
    ("Gusts reached 130 km/h on the coast.", "130 km/h", 130, "kilometre per hour"),
    ("The probe cooled to 77 K overnight.", "77 K", 77, "K"),
    ("Each pulse lasted 50 ms in the trial.", "50 ms", 50, "ms"),
    ("The beam reached 10 keV in the test.", "10 keV", 10, "keV"),
    ("Heat flow was 67 mW m−2 at the site.", "67 mW m−2", 67, "mW m−2"),
    ("The sample weighed 12 kg in total.", "12 kg", 12, "kilogram"),
    ("The plant will produce 12,600 MW of power.", "12,600 MW", 12600, "megawatt"),
    ("The battery stores 7.3 MWh of energy.", "7.3 MWh", 7.3, "megawatt hour"),
])
def test_units(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.type, v.number, v.unit) == ("quantity", pytest.approx(number), unit)


@pytest.mark.parametrize("text, phrase, low, high, unit", [
    ("Each dose held 44 mg to 50 mg of the drug.", "44 mg to 50 mg", 44, 50, "milligram"),
    ("Samples were kept between 5 K and 10 K.", "between 5 K and 10 K", 5, 10, "K"),
    ("Each tank holds 3 to 4 L of water.", "3 to 4 L", 3, 4, "litre"),
])
def test_measure_ranges(text, phrase, low, high, unit):
    v = found(text)[phrase]
    assert (v.type, v.low, v.high, v.unit) == ("quantity_range", low, high, unit)


@pytest.mark.parametrize("text", [
    "A quarter of the voters stayed at home.",
    "The team reached the quarter-finals.",
    "He scored early in the second half.",
    "She lived in the French Quarter.",
])
def test_not_periods(text):
    assert not any(v.type.startswith("date") for v in find_values(text, TUESDAY))


def test_relative_periods_without_a_publication_date_get_no_value():
    values = found("Profit rose in the first quarter and in the past decade.", None)
    assert values["the first quarter"].date is None and values["the past decade"].date is None


@pytest.mark.parametrize("text, expected", [
    # "from A to B" after a verb of change: the level before and the level after, not a range
    ("The toll rose from £3 to £5.", [("£3", 3, "GBP"), ("£5", 5, "GBP")]),
    ("Fares fell from $12 to $9 last month.", [("$12", 12, "USD"), ("$9", 9, "USD")]),
    # counts before a name or a model number count the noun after it
    ("Five Boeing 737 jets were grounded.", [("Five Boeing 737 jets", 5, "jet")]),
    ("Three Airbus A320 planes landed.", [("Three Airbus A320 planes", 3, "plane")]),
    # a year-like number before a plural noun is a count
    ("About 1900 workers walked out.", [("About 1900 workers", 1900, "worker")]),
    # numbers sharing the noun after the last
    ("They cut limits to three and two bags.", [("three", 3, "bag"), ("two bags", 2, "bag")]),
    # a count whose noun came before
    ("Divers found two more.", [("two more", 2, None)]),
    # numbers in words with scales and halves
    ("About four million commuters use the line.", [("About four million commuters", 4e6, "commuter")]),
    ("The hall cost nine-and-a-half million pounds.", [("nine-and-a-half million pounds", 9.5e6, "GBP")]),
    ("There were three hundred and twelve votes.", [("three hundred and twelve votes", 312, "vote")]),
    # number-noun compounds
    ("A six-lane bridge opened.", [("six-lane", 6, "lane")]),
    # shares
    ("The risk is one in 2,500 births.", [("one in 2,500", 0.0004, "fraction")]),
    # money with its scale
    ("The council raised £1.2bn in bonds.", [("£1.2bn", 1.2e9, "GBP")]),
])
def test_counts_and_levels(text, expected):
    values = [(v.text, v.number, v.unit) for v in find_values(text, TUESDAY) if v.type == "quantity"]
    assert values == [(t, pytest.approx(n), u) for t, n, u in expected]


@pytest.mark.parametrize("text, phrase, low, high, unit", [
    # ranges without between or from
    ("Prices rose by a 4% to 6% margin.", "4% to 6%", 4, 6, "percent"),
    ("Repairs take three to five days.", "three to five days", 3, 5, "day"),
    ("The refit lasts two or three years.", "two or three years", 2, 3, "year"),
    ("They want two or three new ferries.", "two or three new ferries", 2, 3, "ferry"),
])
def test_ranges_without_between(text, phrase, low, high, unit):
    v = found(text)[phrase]
    assert (v.type, v.low, v.high, v.unit) == ("quantity_range", low, high, unit)


@pytest.mark.parametrize("text, phrase, change", [
    ("Shares were up 5% by noon.", "5%", True),
    ("The index fell by 3 points.", "3 points", True),
    ("It forecast a 4% rise in sales.", "4%", True),
    ("Turnout was 64% in the north.", "64%", False),
    ("The toll rose from £3 to £5.", "£5", False),
])
def test_a_change_is_marked(text, phrase, change):
    assert found(text)[phrase].change is change


@pytest.mark.parametrize("text, phrase, first, last", [
    # two weekdays running are one period; a supposition gets no date
    ("Voting takes place on Monday and Tuesday.", "Monday and Tuesday", "2031-04-07", "2031-04-08"),
])
def test_weekday_pairs(text, phrase, first, last):
    v = found(text)[phrase]
    assert (v.type, v.date, v.date_end) == ("date_range", first, last)


def test_an_indirect_question_is_no_supposition():
    assert found("It was not known if the arrest announced today was linked.")["today"].date == "2031-04-08"


@pytest.mark.parametrize("text, phrase", [
    ("“If it happened tomorrow we would be ready,” he said.", "tomorrow"),
    ("He will resign, even if the vote is held tomorrow.", "tomorrow"),
    ("Unless the strike ends on Friday, the mine will close.", "Friday"),
])
def test_suppositions_get_no_date(text, phrase):
    v = found(text)[phrase]
    assert v.type == "date" and v.date is None


@pytest.mark.parametrize("text, phrase, expected", [
    ("The ferry leaves tomorrow.", "tomorrow", "2031-04-09"),
    ("The minister is due to sign the deal and move to Oslo on Friday.", "Friday", "2031-04-11"),
    ("The minister, who will retire, said on Friday that talks failed.", "Friday", "2031-04-04"),
    ("Keating was convicted in nineteen ninety-one.", "nineteen ninety-one", "1991"),
    ("The plan was to halve the debt by the year two thousand.", "the year two thousand", "2000"),
])
def test_more_dates(text, phrase, expected):
    v = found(text)[phrase]
    assert v.type == "date" and v.date == expected


@pytest.mark.parametrize("text, phrase, expected", [
    # a year after a possessive or a preposition other than "in"; a count when a plural noun follows "for"
    ("The firm cited its 2029 recapitalisation.", "2029", "2029"),
    ("Analysts trimmed the company's 2032 forecast.", "2032", "2032"),
    ("Growth should continue into 2032.", "2032", "2032"),
    ("The bonds are due 2035.", "2035", "2035"),
    ("The 2030 elections were close.", "2030", "2030"),
    # year-end: this year's last day, last year's after "since"
    ("The deal should close by year-end.", "year-end", "2031-12-31"),
    ("The index is up 4% since year-end.", "year-end", "2030-12-31"),
])
def test_years(text, phrase, expected):
    v = found(text)[phrase]
    assert v.type == "date" and v.date == expected


def test_a_year_before_a_plural_noun_after_for_is_a_count():
    v = found("Tickets for 2000 people sold out.")["2000 people"]
    assert (v.type, v.number) == ("quantity", 2000)


@pytest.mark.parametrize("text, phrase, expected", [
    # days as ordinal words and "of"; a month "of" a year
    ("The parade is held on the fourth of July.", "fourth of July", "2031-07-04"),
    ("The bridge opened on the 12th of November 2029.", "12th of November 2029", "2029-11-12"),
    ("The mill closed in June of 1992.", "June of 1992", "1992-06"),
    # previous and following weekdays are never the publication day
    ("The vote was held the previous Tuesday.", "Tuesday", "2031-04-01"),
    ("The talks resume the following Tuesday.", "Tuesday", "2031-04-15"),
    # a date as a distance from another date
    ("The inquiry reports three days after January 12.", "three days after January 12", "2031-01-15"),
    ("The strike began 2 weeks before May 13, 2029.", "2 weeks before May 13, 2029", "2029-04-29"),
    ("The ruling is due two weeks from now.", "two weeks from now", "2031-04-22"),
    ("The new timetable starts 10 days from today.", "10 days from today", "2031-04-18"),
])
def test_dates_from_other_dates(text, phrase, expected):
    v = found(text)[phrase]
    assert v.type == "date" and v.date == expected


def test_the_week_of_a_day_is_the_calendar_week_holding_it():
    v = found("A hearing is set for the week of March 6.")["the week of March 6"]
    assert (v.type, v.date) == ("date", "2031-W10")


def test_the_week_beginning_a_day_is_seven_days_from_it():
    v = found("A hearing is set for the week beginning March 6.")["the week beginning March 6"]
    assert (v.type, v.date, v.date_end) == ("date_range", "2031-03-06", "2031-03-12")


def test_a_hedged_distance_is_no_date():
    values = found("The suit was filed nearly four weeks after the Nov. 4 election.")
    assert values["nearly four weeks"].type == "duration" and values["Nov. 4"].date == "2030-11-04"


def test_to_between_figures_of_different_kinds_is_no_range():
    values = found("Sales rose 3.5% to £14.6bn in the year.")
    assert (values["3.5%"].number, values["£14.6bn"].number) == (3.5, 14.6e9)


def test_trading_days_are_not_counted_to_a_date():
    values = found("Shares recovered eight trading days after Oct. 12.")
    assert values["eight trading days"].type == "duration" and values["Oct. 12"].date == "2030-10-12"


@pytest.mark.parametrize("text, phrase, number, unit", [
    ("Pour it into a 100-ml flask.", "100-ml", 100, "millilitre"),
    ("The relay covered 0.5k miles.", "0.5k miles", 500, "mile"),
    ("Support was 46%/62% in the two rounds.", "46%", 46, "percent"),
    ("Bring 10kg of rice.", "10kg", 10, "kilogram"),
    ("The lake covers 4km^2.", "4km^2", 4, "square kilometre"),
    ("Use a 1/4 inch bolt.", "1/4 inch", 0.25, "inch"),
])
def test_units_written_close(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.type, v.number, v.unit) == ("quantity", pytest.approx(number), unit)


@pytest.mark.parametrize("text, phrase, expected", [
    # holidays: the year given, else the last one in the past tense and the next one looking ahead
    ("Shops closed on Christmas Day.", "Christmas Day", "2030-12-25"),
    ("The fair will reopen on Christmas Eve.", "Christmas Eve", "2031-12-24"),
    ("Christmas 2029 was quiet.", "Christmas 2029", "2029-12-25"),
    ("Talks will resume after Easter.", "Easter", "2031-04-13"),
    ("He was freed on Easter Monday.", "Easter Monday", "2030-04-22"),
    ("Sales slumped last Thanksgiving.", "last Thanksgiving", "2030-11-28"),
    ("Turnout on Election Day was high.", "Election Day", "2030-11-05"),
])
def test_holidays(text, phrase, expected):
    v = found(text)[phrase]
    assert v.type == "date" and v.date == expected


def test_a_future_cue_in_the_paragraph_before_does_not_reach_a_weekday():
    text = "He proclaimed: “We’re coming home!”\n\nStill, the governor late Monday warned of unrest."
    assert found(text)["late Monday"].date == "2031-04-07"


def test_an_age_is_a_quantity_of_years_not_a_duration():
    v = found("The 45-year-old driver was charged.")["45-year-old"]
    assert (v.type, v.number, v.unit) == ("quantity", 45, "year")


def test_a_capitalised_number_inside_a_sentence_names_something():
    assert not find_values("Wales won the Six Nations encounter.", TUESDAY)
    assert found("Six people died.")["Six people"].number == 6


@pytest.mark.parametrize("text, phrase, number, unit", [
    ("Federal debt hit $2.174T.", "$2.174T", 2.174e12, "USD"),
    ("The fund raised €10M.", "€10M", 1e7, "EUR"),
    ("The app has 5M users.", "5M users", 5e6, "user"),
])
def test_money_scale_letters(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.type, v.number, v.unit) == ("quantity", pytest.approx(number), unit)


@pytest.mark.parametrize("text, phrase, number, unit", [
    ("The climb took 1 hour and 30 minutes.", "30 minutes", 30, "minute"),
    ("The talks lasted 3h in all.", "3h", 3, "hour"),
    ("Guests may book two nights.", "two nights", 2, "night"),
    ("The course lasts three weekends.", "three weekends", 3, "weekend"),
])
def test_durations_in_other_units(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.type, v.number, v.unit) == ("duration", pytest.approx(number), unit)


@pytest.mark.parametrize("text, phrase, expected", [
    # a day written in figures, with its year: ISO, month first, day first when the first number is over 12
    ("The levy was repealed on 2029-11-03 by decree.", "2029-11-03", "2029-11-03"),
    ("The leaked memo, budget-2030-02-17.pdf, set out cuts.", "2030-02-17", "2030-02-17"),
    ("The ballot was held on 10/9/2030 in every ward.", "10/9/2030", "2030-10-09"),
    ("The ballot was held on 22/04/2030 in every ward.", "22/04/2030", "2030-04-22"),
])
def test_days_in_figures(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


def test_a_day_in_figures_that_does_not_exist_is_no_date():
    assert not [v for v in find_values("The code 2030-02-31 is a serial number.", TUESDAY) if v.type == "date"]


@pytest.mark.parametrize("text, phrase, expected", [
    # "in N units" where the sentence looks ahead: the day (month, year) that far after publication
    ("The new bridge will open in two years.", "two years", "2033"),
    ("The council will vote in two weeks, its leader said.", "two weeks", "2031-04-22"),
    ("The ferry is due to sail in 10 days.", "10 days", "2031-04-18"),
    ("The mine will reopen in three months' time.", "three months' time", "2031-07"),
])
def test_in_a_length_of_time_ahead_is_a_date(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("text, phrase, number, unit", [
    ("The champion won the race in two hours.", "two hours", 2, "hour"),
    ("The crew repaired the line in 10 days.", "10 days", 10, "day"),
    ("The ferry will sail for 10 days.", "10 days", 10, "day"),
])
def test_in_a_length_of_time_without_a_look_ahead_stays_a_duration(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.type, v.number, v.unit) == ("duration", number, unit)


@pytest.mark.parametrize("text, phrase, expected", [
    # one week or month of a named year: ISO week N, month N
    ("Ticket sales peaked in the first week of 2030.", "the first week of 2030", "2030-W01"),
    ("Ticket sales peaked in the second week of 2027.", "the second week of 2027", "2027-W02"),
    ("Audits start in the third month of 2030.", "the third month of 2030", "2030-03"),
    ("Audits start in the 9th month of next year.", "the 9th month of next year", "2032-09"),
])
def test_one_part_of_a_named_year(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("text, phrase, expected", [
    ("Roads close on the last day of 2030.", "the last day of 2030", "2030-12-31"),
    ("Rain fell on the first day of last year.", "the first day of last year", "2030-01-01"),
    ("The count ended on the 100th day of 2030.", "the 100th day of 2030", "2030-04-10"),
])
def test_one_day_of_a_named_year(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


def test_the_first_months_of_a_year_are_a_length_and_a_year():
    """As TIMEX3 annotates it: the length a results story compares, and the year."""
    values = found("Profit rose in the first nine months of 2030.")
    assert (values["nine months"].type, values["nine months"].number) == ("duration", 9)
    assert values["2030"].date == "2030"


@pytest.mark.parametrize("text, phrase, number, unit", [
    # a minus sign against a figure: below zero
    ("Temperatures fell to -18 °C overnight.", "-18 °C", -18, "degree Celsius"),
    ("Output shrank by −0.5% in the quarter.", "−0.5%", -0.5, "percent"),
    # a currency sign after the figure, as much of Europe writes it
    ("A night on the ferry costs 45€ for adults.", "45€", 45, "EUR"),
    ("The club posted a loss of -12€ a share.", "-12€", -12, "EUR"),
    # a fraction written as one character
    ("The flight took 1½ hours in fog.", "1½ hours", 1.5, "hour"),
    ("The new road runs ¾ mile east of town.", "¾ mile", 0.75, "mile"),
    # a number in words with nothing after it to count
    ("The region has three million, officials said.", "three million", 3_000_000, None),
])
def test_signs_symbols_and_words_of_quantities(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.number, v.unit) == (number, unit)


@pytest.mark.parametrize("text", [
    "The visitors won 2-1 on Sunday.",
    "Covid-19 wards reopened in May.",
    "Route A-40 closed for repairs.",
])
def test_a_hyphen_between_word_and_figure_is_no_minus(text):
    assert not [v for v in find_values(text, TUESDAY) if v.number is not None and v.number < 0]


@pytest.mark.parametrize("text, phrase, expected", [
    # a day read aloud or as an ordinal word, with a year read aloud
    ("She was born on January twenty-five nineteen eighty-six.", "January twenty-five nineteen eighty-six",
     "1986-01-25"),
    ("She was born on twenty five January nineteen eighty six.", "twenty five January nineteen eighty six",
     "1986-01-25"),
    ("The mill opened 13 Sept nineteen seventy-two.", "13 Sept nineteen seventy-two", "1972-09-13"),
    ("Talks began on the third of March nineteen ninety-nine.", "the third of March nineteen ninety-nine",
     "1999-03-03"),
    ("The fair was in October two thousand and five.", "October two thousand and five", "2005-10"),
    # a month then a day as an ordinal word; a year after "in"
    ("The panel met on February twenty-second.", "February twenty-second", "2031-02-22"),
    ("The fair opened on March the third, 2030.", "March the third, 2030", "2030-03-03"),
    ("The mill closed on 28 June in 2020.", "28 June in 2020", "2020-06-28"),
    ("The mill closed on June 28 in 2020.", "June 28 in 2020", "2020-06-28"),
])
def test_days_in_words(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("text, not_a_day", [
    ("The March second round was tense.", "March second"),
    ("In May first-time buyers rushed in.", "May first"),
])
def test_an_ordinal_qualifying_a_noun_after_a_month_is_no_day(text, not_a_day):
    assert not_a_day not in found(text)


@pytest.mark.parametrize("text, phrase, number, unit", [
    ("The talks lasted half an hour.", "half an hour", 0.5, "hour"),
    ("The storm passed in half a day.", "half a day", 0.5, "day"),
])
def test_half_a_unit(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.type, v.number, v.unit) == ("duration", number, unit)


def test_a_year_before_a_singular_time_noun_is_no_duration():
    assert not [v for v in find_values("Crowds left after the 2030 weekend rally.", TUESDAY) if v.type == "duration"]


@pytest.mark.parametrize("text, phrase, number", [
    ("The chain lost money in the past two quarters.", "two quarters", 2),
    ("Costs will be spread over the next three quarters.", "three quarters", 3),
])
def test_quarters_of_time_are_a_duration(text, phrase, number):
    v = found(text)[phrase]
    assert (v.type, v.number, v.unit) == ("duration", number, "quarter")


def test_three_quarters_of_something_stay_a_share():
    v = found("Three quarters of voters backed the plan.")["Three quarters"]
    assert (v.number, v.unit) == (0.75, "fraction")


@pytest.mark.parametrize("text, phrase, expected", [
    # weeks back: the calendar week, as "last week" is; "or so" does not stop the count
    ("The rebels struck six weeks ago.", "six weeks ago", "2031-W09"),
    ("The rebels struck a week or so ago.", "a week or so ago", "2031-W14"),
    ("The rebels struck three days or so ago.", "three days or so ago", "2031-04-05"),
    # "April 24 and 25": two days, each a date
    ("The summit is on April 24 and 25 in Oslo.", "25", "2031-04-25"),
])
def test_time_ago_and_listed_days(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("text, phrase, expected", [
    # "the Nth day of a month"
    ("The strike ends on the 15th day of June.", "15th day of June", "2031-06-15"),
    ("The strike ended on the twenty third day of March.", "twenty third day of March", "2031-03-23"),
    # a distance from "next Friday"; hours and minutes ahead reach a day
    ("The lease ends two months after next Friday.", "two months after next Friday", "2031-06-18"),
    ("Polls will close in 30 hours.", "30 hours", "2031-04-09"),
    ("The polls close 3 minutes from now.", "3 minutes from now", "2031-04-08"),
])
def test_more_dates_from_words(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("text, phrase, first, last", [
    ("The fair runs 10/1/2030 - 10/7/2030 in Leeds.", "10/1/2030 - 10/7/2030", "2030-10-01", "2030-10-07"),
    ("The fair runs 10/1-10/7/2030 in Leeds.", "10/1-10/7/2030", "2030-10-01", "2030-10-07"),
])
def test_a_span_of_days_in_figures(text, phrase, first, last):
    v = found(text)[phrase]
    assert (v.type, v.date, v.date_end) == ("date_range", first, last)


@pytest.mark.parametrize("text, phrase, expected", [
    # a day of the month named alone: the nearest, leaning to the past unless the sentence looks ahead
    ("The board met on the 3rd.", "the 3rd", "2031-04-03"),
    ("The board met on the 18th.", "the 18th", "2031-03-18"),
    ("The board will meet on the 18th.", "the 18th", "2031-04-18"),
])
def test_a_day_of_the_month_alone(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


def test_an_ordinal_before_a_noun_is_no_day():
    assert "the 3rd" not in found("The fire started on the 3rd floor.")


@pytest.mark.parametrize("text, phrase", [
    ("The shares are down 20% in the year to date.", "the year to date"),
    ("Year-to-date sales rose by a fifth.", "Year-to-date"),
])
def test_the_year_to_date(text, phrase):
    v = found(text)[phrase]
    assert (v.type, v.date, v.date_end) == ("date_range", "2031-01-01", "2031-04-08")


@pytest.mark.parametrize("text, phrase, number, unit", [
    # a whole number and a fraction before a unit
    ("The new road is 2 1/2 miles long.", "2 1/2 miles", 2.5, "mile"),
    ("Snow lay 3 1/4 inches deep.", "3 1/4 inches", 3.25, "inch"),
    # units of data, kitchens and deep time
    ("The archive holds 15 exabytes of scans.", "15 exabytes", 15, "exabyte"),
    ("Stir in ½ tbsp of salt.", "½ tbsp", 0.5, "tablespoon"),
    ("The crater formed 66 Ma ago.", "66 Ma", 66, "megayear"),
])
def test_more_units(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.number, v.unit) == (number, unit)


@pytest.mark.parametrize("text, phrase, number, unit", [
    ("Crews filled three 20-litre drums.", "three", 3, "drum"),
    ("Crews filled three 20-litre drums.", "20-litre", 20, "litre"),
    ("The city bought two 40-tonne trucks.", "two", 2, "truck"),
])
def test_a_count_of_measured_things(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.number, v.unit) == (number, unit)


@pytest.mark.parametrize("text, phrase, expected", [
    # an adjective in -ed after "a", "the", "still" is no past tense: the sentence still looks ahead
    ("The dividend will be paid on a still unspecified date in January.", "January", "2032-01"),
    ("The firm will publish the revised plan on Friday.", "Friday", "2031-04-11"),
])
def test_an_adjective_in_ed_does_not_turn_a_look_ahead_back(text, phrase, expected):
    assert found(text)[phrase].date == expected


@pytest.mark.parametrize("text, number, unit", [
    # a sign of approximation or comparison written against the figure
    ("The wall stands ∼2 m tall.", 2, "metre"),
    ("The slope is ≈0.5° in places.", 0.5, "°"),
    ("Each run takes <10 s to finish.", 10, "second"),
    ("Prices vary by ±3% across the region.", 3, "percent"),
])
def test_figures_after_signs_of_approximation(text, number, unit):
    assert [(v.number, v.unit) for v in find_values(text, TUESDAY) if v.number is not None] == [(number, unit)]


def test_a_length_in_metres_ends_at_its_unit():
    """"2 m high": the quantity is "2 m"; the adjective after it is no part of it."""
    assert "2 m" in found("The ridge is 2 m high.")


@pytest.mark.parametrize("text, phrase, number, unit", [
    # a decimal figure against its unit is read whole ("28.9s" is not 28)
    ("The winner's lap took 28.9s in the rain.", "28.9s", 28.9, "second"),
])
def test_a_decimal_figure_against_its_unit(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.number, v.unit) == (number, unit)


@pytest.mark.parametrize("text, phrase, low, high, unit", [
    # "m" after a range is metres, unless money or people are counted in millions
    ("The sea wall is 2-3 m high.", "2-3 m", 2, 3, "metre"),
    ("Sales of $2-3m were lost.", "$2-3m", 2_000_000, 3_000_000, "USD"),
    ("Some 5-10m people watched the final.", "5-10m people", 5_000_000, 10_000_000, "people"),
])
def test_ranges_with_short_scales(text, phrase, low, high, unit):
    v = found(text)[phrase]
    assert (v.type, v.low, v.high, v.unit) == ("quantity_range", low, high, unit)


@pytest.mark.parametrize("text, phrase, first, last", [
    # the middle of a month: its 10th to its 20th
    ("Talks will resume in mid-November.", "mid-November", "2031-11-10", "2031-11-20"),
    ("Talks broke down in the middle of March.", "the middle of March", "2031-03-10", "2031-03-20"),
])
def test_the_middle_of_a_month(text, phrase, first, last):
    v = found(text)[phrase]
    assert (v.type, v.date, v.date_end) == ("date_range", first, last)


@pytest.mark.parametrize("text, phrase, expected", [
    # the end of a year, month or calendar week: its last day
    ("The deal will close by the end of the month.", "by the end of the month", "2031-04-30"),
    ("The deal will close by the end of next month.", "by the end of next month", "2031-05-31"),
    ("The deal will close by the end of the week.", "by the end of the week", "2031-04-13"),
    ("The deal closed at the end of last year.", "the end of last year", "2030-12-31"),
])
def test_the_end_of_a_period(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("text, phrase, expected", [
    # fiscal and financial years named from the publication year
    ("The company lost money in the last fiscal year.", "last fiscal year", "2030"),
    ("The firm expects a profit in the current fiscal year.", "the current fiscal year", "2031"),
    ("Sales rose in the latest fiscal year.", "the latest fiscal year", "2030"),
    ("Sales will rise next financial year.", "next financial year", "2032"),
    ("Prices will rise in the coming year.", "the coming year", "2032"),
    # "the previous year" still counts back from the year named before it
    ("Sales rose in 2019, up from the previous year.", "the previous year", "2018"),
])
def test_named_fiscal_years(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("text, phrase, expected", [
    # quarters and halves written as codes
    ("Sales rose 4% in Q1 2030.", "Q1 2030", "2030-Q1"),
    ("Sales rose 4% in Q3.", "Q3", "2030-Q3"),
    ("Sales rose 4% in Q2.", "Q2", "2031-Q2"),
    ("Sales rose in 2029-Q4 and 2030 Q2.", "2029-Q4", "2029-Q4"),
    ("Margins will widen in Q4 of 2031.", "Q4 of 2031", "2031-Q4"),
    ("Profit doubled in H1 2030.", "H1 2030", "2030-H1"),
    # a space before the comma of a date
    ("The unit was sold on Dec. 31 , 1994.", "Dec. 31 , 1994", "1994-12-31"),
])
def test_quarter_codes_and_loose_dates(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


def test_a_code_after_a_name_is_a_model():
    assert not find_values("She drove an Audi Q3 to the rally.", TUESDAY)


@pytest.mark.parametrize("text, phrase, first, last", [
    ("The strike will last 2 weeks starting May 20.", "2 weeks starting May 20", "2031-05-20", "2031-06-02"),
    ("The strike will last three days starting next Monday.", "three days starting next Monday", "2031-04-14",
     "2031-04-16"),
])
def test_days_and_weeks_starting_a_day(text, phrase, first, last):
    v = found(text)[phrase]
    assert (v.type, v.date, v.date_end) == ("date_range", first, last)


@pytest.mark.parametrize("text, phrase, first, last", [
    # two months joined by a dash before a year: one span
    ("Rainfall (June-August 1992) was low.", "June-August 1992", "1992-06-01", "1992-08-31"),
    ("The forum meets Nov-Feb 2031 in Seoul.", "Nov-Feb 2031", "2030-11-01", "2031-02-28"),
])
def test_a_span_of_months(text, phrase, first, last):
    v = found(text)[phrase]
    assert (v.type, v.date, v.date_end) == ("date_range", first, last)


@pytest.mark.parametrize("text, phrase", [
    # a length of time looked back over after a superlative stays a length, whatever the tense
    ("Prices will stay at the highest level in five years.", "five years"),
    ("It will be the first time in two years that they meet.", "two years"),
    ("The index will post its worst week in two years.", "two years"),
])
def test_in_a_length_after_a_superlative_stays_a_duration(text, phrase):
    assert found(text)[phrase].type == "duration"


@pytest.mark.parametrize("text, phrase, expected", [
    # "next Friday" is next week's Friday, "last Wednesday" last week's, as TIMEX3 and Recognizers-Text read them
    ("The board meets next Friday.", "Friday", "2031-04-18"),
    ("The board met last Monday.", "Monday", "2031-03-31"),
    ("The board met on Monday.", "Monday", "2031-04-07"),
    ("The board meets on Friday.", "Friday", "2031-04-11"),
])
def test_next_and_last_weekdays_are_of_the_next_and_last_week(text, phrase, expected):
    assert found(text)[phrase].date == expected


def test_a_number_of_days_from_a_weekday_is_a_day():
    """"three days from Tuesday" is the Friday; "the four days from Friday" are four days."""
    assert found("The vote is three days from Tuesday.")["three days from Tuesday"].date == "2031-04-11"
    span = found("The fair runs for the four days from Friday.")["the four days from Friday"]
    assert (span.date, span.date_end) == ("2031-04-11", "2031-04-14")


def test_a_distance_later_stays_a_duration():
    """TIMEX3 annotates "three days later" as a length (P3D), "later" as its signal; the day it reaches is left
    to the reader."""
    v = found("The ferry sank on March 3. Three days later divers found the wreck.")["Three days"]
    assert (v.type, v.number, v.unit) == ("duration", 3, "day")


@pytest.mark.parametrize("text, change, level", [
    # a change verb, a figure with its unit, "to", a figure with its unit: by how much, then to what
    ("Unemployment fell 0.3 percentage points to 4.1% in March.", (0.3, "percentage point"), (4.1, "percent")),
    ("Oil rose $1.20 to $84.50 a barrel.", (1.2, "USD"), (84.5, "USD")),
    ("The river rose 1.5m to 3.2m overnight.", (1.5, "metre"), (3.2, "metre")),
])
def test_a_change_then_the_level_reached(text, change, level):
    values = [v for v in find_values(text, TUESDAY) if v.type == "quantity"]
    assert [(v.number, v.unit, v.change) for v in values] == [(*change, True), (*level, False)]


@pytest.mark.parametrize("text, phrase, number, unit", [
    ("Temperatures soared to 41.2C on Tuesday.", "41.2C", 41.2, "degree Celsius"),
    ("The heat reached 104F in Phoenix.", "104F", 104, "degree Fahrenheit"),
    ("Shares jumped 12pc in early trade.", "12pc", 12, "percent"),
    ("Rates rose 2 percentage points.", "2 percentage points", 2, "percentage point"),
])
def test_units_as_british_papers_write_them(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.number, v.unit) == (number, unit)


def test_a_letter_after_a_number_is_no_temperature_without_one_in_sight():
    assert not find_values("She lives in Flat 4C near the station.", TUESDAY)


@pytest.mark.parametrize("text, phrase, number", [
    # rupees, and lakhs and crores as Indian English counts them
    ("The deficit narrowed to Rs 1.2 lakh crore.", "Rs 1.2 lakh crore", 1.2e12),
    ("The state spent ₹500 crore on roads.", "₹500 crore", 5e9),
    ("Each family got Rs. 45,000 in aid.", "Rs. 45,000", 45_000),
    ("The fine was INR 2 lakh.", "INR 2 lakh", 200_000),
])
def test_rupees_lakhs_and_crores(text, phrase, number):
    v = found(text)[phrase]
    assert (v.number, v.unit) == (number, "INR")


@pytest.mark.parametrize("text, phrase, number, unit", [
    ("A dozen people were hurt.", "A dozen people", 12, "people"),
    ("Police held two dozen protesters.", "two dozen protesters", 24, "protester"),
    ("Half a dozen boats sank.", "Half a dozen boats", 6, "boat"),
    # more currencies, as signs, letters or words
    ("Tickets cost CHF 45 at the door.", "CHF 45", 45, "CHF"),
    ("A pint costs NZ$12 in Auckland.", "NZ$12", 12, "NZD"),
    ("The bank lent 4 trillion won to exporters.", "4 trillion won", 4e12, "KRW"),
    ("He was paid 500 rand a day.", "500 rand", 500, "ZAR"),
    # a share at the start of a sentence
    ("Half of voters backed the plan.", "Half", 0.5, "fraction"),
    ("Sales dropped by a fifth overall.", "a fifth", 0.2, "fraction"),
    ("A third said they would vote.", "A third", 0.3333, "fraction"),
])
def test_dozens_currencies_and_shares(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.number, v.unit) == (number, unit)


@pytest.mark.parametrize("text, phrase, unit", [
    # a range of counts keeps what it counts
    ("Some 5-10m people watched the final.", "5-10m people", "people"),
    ("About 3-4 million homes lost power.", "3-4 million homes", "home"),
])
def test_a_range_of_counts_keeps_its_noun(text, phrase, unit):
    assert found(text)[phrase].unit == unit


@pytest.mark.parametrize("text, phrase", [
    ("The party is bidding for a third term in power.", "a third"),
    ("The club won a fourth straight title.", "a fourth"),
])
def test_an_ordinal_after_a_is_no_share(text, phrase):
    assert phrase not in found(text)


@pytest.mark.parametrize("text, phrase, low, high, unit", [
    ("The rods are 8- to 16-metre long.", "8- to 16-metre", 8, 16, "metre"),
    ("Shops sell 40- to 60-inch screens.", "40- to 60-inch", 40, 60, "inch"),
])
def test_a_suspended_hyphen_range_takes_the_unit_after_its_second_figure(text, phrase, low, high, unit):
    v = found(text)[phrase]
    assert (v.low, v.high, v.unit) == (low, high, unit)


def test_a_number_word_is_never_what_another_number_counts():
    # invented: "one of the nine ferries" counts nine ferries, never one "nine"
    values = found("By noon only one of the nine ferries was sailing.")
    assert values["nine ferries"].number == 9 and values["nine ferries"].unit == "ferry"
    assert all(v.unit != "nine" for v in values.values())


@pytest.mark.parametrize("text, phrase, low, high, unit", [
    ("The toll is 4 to 6 dollars a car.", "4 to 6 dollars", 4, 6, "USD"),
    ("A bed costs between 10 and 20 euros.", "between 10 and 20 euros", 10, 20, "EUR"),
])
def test_a_range_of_money_named_by_a_word(text, phrase, low, high, unit):
    v = found(text)[phrase]
    assert (v.low, v.high, v.unit) == (low, high, unit)


@pytest.mark.parametrize("text, phrase, expected", [
    # month and weekday names in lower case, as chat and reader comments write them
    ("The ferry sank on july 4th of 2029.", "july 4th of 2029", "2029-07-04"),
    ("She was born in april of 1987.", "april of 1987", "1987-04"),
    ("The march 2030 rally drew crowds.", "march 2030", "2030-03"),
    ("They will meet on the 9th of may.", "9th of may", "2031-05-09"),
    ("The office shut on sept. 5 after the flood.", "sept. 5", "2030-09-05"),
    ("We met them on saturday at the pier.", "saturday", "2031-04-05"),
    ("Crowds left in december.", "december", "2030-12"),
    # a weekday and its day of the month: the nearest such day
    ("We met on Friday the 26th.", "Friday the 26th", "2030-07-26"),
    ("The vote will be on Tuesday the eleventh at noon.", "Tuesday the eleventh", "2031-11-11"),
    ("The shop opened Monday 13th.", "Monday 13th", "2031-01-13"),
    # a month named with "in" before its year
    ("The plant began work in June in 2017.", "June in 2017", "2017-06"),
])
def test_names_written_informally(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("text, phrase", [
    ("Prices may 5 times over.", "may 5"),       # the verb, not the month
    ("It may be cold in may.", "may"),
    ("On Friday, the 12th fleet sailed.", "Friday, the 12th"),
    ("On Friday 13 people died.", "Friday 13"),
])
def test_informal_names_need_their_day_or_year(text, phrase):
    assert phrase not in found(text)


@pytest.mark.parametrize("text, phrase, first, last", [
    ("The fair runs from 26 June to 28 June.", "from 26 June to 28 June", "2031-06-26", "2031-06-28"),
    ("Book a room from 26th june of 2029 to 28th june of 2029.", "from 26th june of 2029 to 28th june of 2029",
     "2029-06-26", "2029-06-28"),
    # across a new year: the guessed year is the first day's
    ("Sales from Dec. 28 to Jan. 3 fell.", "Dec. 28 to Jan. 3", "2030-12-28", "2031-01-03"),
    ("It ran Dec. 28 to Jan. 3, 2031.", "Dec. 28 to Jan. 3, 2031", "2030-12-28", "2031-01-03"),
])
def test_a_span_of_calendar_days(text, phrase, first, last):
    v = found(text)[phrase]
    assert (v.type, v.date, v.date_end) == ("date_range", first, last)


def test_years_and_named_days_after_from_stay_two_dates():
    # TIMEX3 annotates "from 1991 to 1997" and "from today through Nov. 17" as two dates
    values = found("He served from 1991 to 1997 and will stay from today through Nov. 17.")
    assert values["1991"].date == "1991" and values["1997"].date == "1997"
    assert values["today"].date == "2031-04-08" and values["Nov. 17"].type == "date"


@pytest.mark.parametrize("text, phrase, expected", [
    # a weekday opening its sentence takes the tense of the verb after it
    ("It rained. On Tuesday, the league plans to hold a news conference.", "Tuesday", "2031-04-15"),
    ("It rained. On Tuesday, the league held a news conference and will meet again.", "Tuesday", "2031-04-08"),
    ("It rained. On Friday, the council planned to pay the first claims.", "Friday", "2031-04-04"),
    # a future cue before a holiday wins over a report after it
    ("“Safety will be our theme from now to Election Day,” Ann said.", "Election Day", "2031-11-04"),
])
def test_the_tense_around_a_day_decides_its_direction(text, phrase, expected):
    assert found(text, date(2031, 4, 9))[phrase].date == expected


def test_a_counted_year_after_an_event_is_a_length_of_time():
    v = found("A vigil was held one year after he was killed.")["one year"]
    assert (v.type, v.number, v.unit) == ("duration", 1.0, "year")
    assert found("The plant shut in 2019. A year later it reopened.")["A year later"].date == "2020"


@pytest.mark.parametrize("text, phrase, low, high, unit", [
    # a range whose figures are below zero: each keeps its sign
    ("Temperatures ranged from -18 °C to -34 °C overnight.", "from -18 °C to -34 °C", -34, -18, "degree Celsius"),
    ("It was -3 to 5 °C at dawn.", "-3 to 5 °C", -3, 5, "degree Celsius"),
    ("Readings lay between -2 and 40 mbar.", "between -2 and 40 mbar", -2, 40, "mbar"),
])
def test_ranges_below_zero(text, phrase, low, high, unit):
    v = found(text)[phrase]
    assert (v.type, v.low, v.high, v.unit) == ("quantity_range", low, high, unit)


def test_levels_below_zero_after_a_change_verb_keep_their_signs():
    values = found("Inflation fell from -5% to -8% in a year.")
    assert values["-5%"].number == -5 and values["-8%"].number == -8


@pytest.mark.parametrize("text, units", [
    # the figures of a list take the unit written after the last one
    ("Doses of 2, 5 and 10 mg were given.", {"2": "milligram", "5": "milligram", "10 mg": "milligram"}),
    ("Fares rose 10, 20 and 30 percent.", {"10": "percent", "20": "percent", "30 percent": "percent"}),
    ("The wells are 100, 500 or 900 m deep.", {"100": "metre", "500": "metre", "900 m": "metre"}),
])
def test_a_list_of_figures_shares_its_last_unit(text, units):
    values = found(text)
    assert {p: values[p].unit for p in units} == units


@pytest.mark.parametrize("text, phrase, number, unit", [
    # "a" before a scale word is one of it
    ("A hundred people marched.", "A hundred people", 100, "people"),
    ("The repairs cost a million dollars.", "a million dollars", 1e6, "USD"),
    ("About a hundred and twenty homes burned.", "About a hundred and twenty homes", 120, "home"),
    ("The hall has stood almost a hundred years.", "almost a hundred years", 100, "year"),
    # a fraction of the unit after it
    ("He walked one-half miles east.", "one-half miles", 0.5, "mile"),
    ("We waited a half hour.", "a half hour", 0.5, "hour"),
    ("The shop is a quarter mile away.", "a quarter mile", 0.25, "mile"),
    # "in" is inches only where it cannot be the preposition
    ("The door is 2 1/2 in thick.", "2 1/2 in", 2.5, "inch"),
    ("The pencil is 2 in. It is red.", "2 in", 2, "inch"),
])
def test_numbers_and_units_in_words(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.number, v.unit) == (number, unit)


@pytest.mark.parametrize("text", [
    "He scored 2 in 2019.",
    "The team won 3 in a row.",
])
def test_in_as_a_preposition_is_no_inch(text):
    assert all(v.unit != "inch" for v in found(text).values())


@pytest.mark.parametrize("text, phrase, expected", [
    # a year inside a noun phrase, before the singular noun it dates
    ("She lost her unsuccessful 2026 campaign for the seat.", "2026", "2026"),
    ("That 2019 ruling still stands.", "2019", "2019"),
])
def test_a_year_before_the_noun_it_dates(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("text", [
    "Some 1900 staff left the plant.",       # a hedge: a count
    "The plant hired 1900 workers.",          # a plural noun: a count
    "He won the 1500 metre race.",            # a unit: a measure
])
def test_a_figure_before_a_count_or_unit_is_no_year(text):
    assert all(v.type != "date" for v in found(text).values())


@pytest.mark.parametrize("text, phrase, expected", [
    # years read aloud, as broadcast transcripts write them
    ("Sales peaked in two thousand and twenty.", "two thousand and twenty", "2020"),
    ("The plant opened on fifteen August nineteen hundred ninety three.",
     "fifteen August nineteen hundred ninety three", "1993-08-15"),
    ("The mill closed in nineteen hundred.", "nineteen hundred", "1900"),
])
def test_years_read_aloud(text, phrase, expected):
    assert found(text)[phrase].date == expected


@pytest.mark.parametrize("text, phrase, first", [
    ("Prices rose between January 2029 and now.", "between January 2029 and now", "2029-01-01"),
    ("Sales grew from 2020 to date.", "from 2020 to date", "2020-01-01"),
    ("The party has ruled from 2019 to the present.", "from 2019 to the present", "2019-01-01"),
])
def test_a_span_up_to_now_ends_on_the_publication_day(text, phrase, first):
    v = found(text)[phrase]
    assert (v.type, v.date, v.date_end) == ("date_range", first, "2031-04-08")


def test_between_now_and_a_date_keeps_the_date():
    # TIMEX3 annotates "now" apart; the date stays the date
    v = found("Crews will work between now and May 3.")["May 3"]
    assert (v.type, v.date) == ("date", "2031-05-03")


@pytest.mark.parametrize("text, phrase, number, unit", [
    # a figure times a power of ten
    ("The signal oscillates at 4e14 Hz.", "4e14 Hz", 4e14, "hertz"),
    ("The probe falls at 9.83e-3 km/s.", "9.83e-3 km/s", 0.00983, "kilometre per second"),
    ("The error was 2.48×10−5 of the total.", "2.48×10−5", 2.48e-5, None),
    ("Light covers 3 x 10^8 m/s.", "3 x 10^8 m/s", 3e8, "metre per second"),
])
def test_powers_of_ten(text, phrase, number, unit):
    v = found(text)[phrase]
    assert (v.number, v.unit) == (number, unit)


def test_a_product_of_two_lengths_is_no_power_of_ten():
    values = found("The room is 5 x 10 metres.")
    assert values["10 metres"].number == 10 and all(v.number != 5e10 for v in values.values())


@pytest.mark.parametrize("text, phrase, expected", [
    # parts of the publication day and the night before it
    ("Rebels attacked the town last night.", "last night", "2031-04-07"),
    ("The minister resigned this morning.", "this morning", "2031-04-08"),
    ("Crowds will gather tonight.", "tonight", "2031-04-08"),
])
def test_parts_of_the_day(text, phrase, expected):
    assert found(text)[phrase].date == expected


@pytest.mark.parametrize("text", [
    "It was the last night of the festival.",   # a night of the festival, not of the calendar
    "The next morning they left.",              # the morning after some other day
])
def test_parts_of_another_day_get_no_date(text):
    assert all(v.type != "date" for v in found(text).values())


@pytest.mark.parametrize("text, phrase, expected", [
    ("Staff will be off the last week of july.", "the last week of july", "2031-W31"),
    # a leap day named without its year falls in the nearest leap year
    ("The rule will change on Feb. 29.", "Feb. 29", "2032-02-29"),
])
def test_weeks_of_months_and_leap_days(text, phrase, expected):
    assert found(text)[phrase].date == expected


@pytest.mark.parametrize("text", [
    # "a day", "an hour" after a figure or a count of times is how often, not how long
    "Up to 40 flights a day were cut.",
    "Wages rose to $15 an hour.",
    "Patients take the pill three times a day.",
    "She swims twice a week.",
])
def test_a_rate_is_no_duration(text):
    assert all(v.type != "duration" for v in found(text).values())


@pytest.mark.parametrize("text, phrase", [
    ("They met for a day.", "a day"),
    ("In 2019 a week of talks failed.", "a week"),
])
def test_a_length_of_time_after_no_rate_stays(text, phrase):
    assert found(text)[phrase].type == "duration"


@pytest.mark.parametrize("text", ["Most victims were in their 30s.", "Highs will be in the 80s.",
                                  "He is in his early 40s."])
def test_a_decade_of_life_or_of_a_scale_is_no_seconds(text):
    assert all(v.unit != "second" for v in found(text).values())


def test_seconds_written_against_a_figure_stay_seconds():
    v = found("The exposure lasted 30s.")["30s"]
    assert (v.type, v.number, v.unit) == ("duration", 30, "second")
