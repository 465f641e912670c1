"""Classes of dates in news text from issue 10's second round, each a table of invented sentences
(article dated Tuesday 2031-04-08 unless a row says otherwise)."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.furniture import line_reason
from tracker.extract.values import find_values

TUESDAY = date(2031, 4, 8)


def found(text: str, published: date = TUESDAY):
    values = find_values(text, published)
    for v in values:
        assert text[v.start:v.end] == v.text
    return {v.text: v for v in values}


@pytest.mark.parametrize("text, phrase, week", [
    # calendar weeks are ISO weeks, as TIMEX3 writes them
    ("Shares slid last week.", "last week", "2031-W14"),
    ("The board meets this week.", "this week", "2031-W15"),
    ("Talks resume next week.", "next week", "2031-W16"),
    ("Last week the council voted to close the pool.", "Last week", "2031-W14"),
])
def test_calendar_weeks_are_iso_weeks(text, phrase, week):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", week)


@pytest.mark.parametrize("text, quarter_phrase, quarter, day_phrase, day", [
    # the day a fiscal quarter ended is a date of its own, not part of the quarter's span
    ("Net income rose for the third quarter ended Sept. 30, the bank said.", "the third quarter", "2030-Q3",
     "Sept. 30", "2030-09-30"),
    ("The chain lost money in its second quarter ended June 30.", "its second quarter", "2030-Q2",
     "June 30", "2030-06-30"),
])
def test_the_end_of_a_fiscal_quarter_is_its_own_date(text, quarter_phrase, quarter, day_phrase, day):
    values = found(text)
    assert values[quarter_phrase].date == quarter
    assert values[day_phrase].date == day


@pytest.mark.parametrize("text, phrase, expected", [
    # an agreement, decision or plan to do something looks ahead to the month it names
    ("The lender announced an agreement to buy the smaller bank in June.", "June", "2031-06"),
    ("The council decided to admit the new members in early February.", "February", "2032-02"),
    ("They were planning to open the depot on Monday.", "Monday", "2031-04-14"),
    # agreeing to something (a noun) says nothing of time to come
    ("The union agreed to the deal on Friday.", "Friday", "2031-04-04"),
    # only a report of next month in the past tense: next month, not eleven months back
    ("The ministry told hauliers of a cut in diesel supply in May.", "May", "2031-05"),
    # something that happened, in the past tense: the month that has passed
    ("The mill closed its doors in May.", "May", "2030-05"),
    ("The ministry said the mill closed in May.", "May", "2030-05"),
])
def test_months_and_weekdays_looked_ahead_to(text, phrase, expected):
    assert found(text)[phrase].date == expected


@pytest.mark.parametrize("text, phrase, expected", [
    # a time of day between the preposition and the weekday keeps the preposition's direction
    ("Officials extended the deadline until 9 a.m. EST Friday.", "Friday", "2031-04-11"),
    ("The ferry will sail at dawn (6 a.m. local time Thursday), the captain said.", "Thursday", "2031-04-10"),
    ("The crew will leave at 4 a.m. Thursday.", "Thursday", "2031-04-10"),
])
def test_a_time_of_day_before_a_weekday(text, phrase, expected):
    assert found(text)[phrase].date == expected


@pytest.mark.parametrize("text, phrase, expected", [
    # a weekday of a named week: that day of the calendar week
    ("The inspectors arrived on Tuesday of last week.", "Tuesday of last week", "2031-04-01"),
    ("Hearings resume on Friday of next week.", "Friday of next week", "2031-04-18"),
    ("Crews worked through Thursday of this week.", "Thursday of this week", "2031-04-10"),
    # the week of a day is the calendar week that holds it
    ("Bids are due the week of May 14.", "the week of May 14", "2031-W20"),
])
def test_days_and_weeks_named_by_each_other(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("line, kept", [
    # a sentence whose writer left off the full stop is prose
    ("I'll be back in the office on Friday", True),
    ("The council will vote on the budget next week", True),
    ("We met the minister two days ago", True),
    ("It rained for three days in March", True),
    ("Prices are expected to fall this summer", True),
    ("The pump failed after three days, ending the test", True),
    ("Two barges collided in the 40-metre channel", True),
    # headings and headlines stay furniture
    ("What we know so far", False),
    ("Here's how the new rules work", False),
    ("Council Will Vote On Budget", False),
    ("Threats condemned", False),
    ("Grain corridor extended", False),
    ("Council leader resigns over budget row", False),
    ("Ukraine's grain exports since the war", False),
])
def test_a_sentence_without_a_full_stop_is_no_heading(line, kept):
    assert (line_reason(line) is None) == kept


def test_a_long_paragraph_ending_in_a_credit_keeps_its_claims():
    body = "The port reopened on Monday after a week of repairs, officials said. " * 6
    assert line_reason(body + "Jane Roe contributed to this article.") is None
    assert line_reason("Jane Roe in Oslo contributed to this article.") == "contributor credit"


@pytest.mark.parametrize("line", [
    "Harbour is first stop on the minister's tour;",
    "As the mayor's office reported after the flood waters had fallen back from the bridge:",
])
def test_a_line_ending_in_a_colon_or_semicolon_stays_as_it_was(line):
    assert line_reason(line) is not None


@pytest.mark.parametrize("text, dates", [
    # years joined by words are two years, as TIMEX3 annotates them; joined by a dash, one span
    ("Exports fell between 2014 and 2017.", [("2014", None), ("2017", None)]),
    ("She chaired the board from 2009 to 2012.", [("2009", None), ("2012", None)]),
    ("The plan runs from 2001 through 2005.", [("2001", None), ("2005", None)]),
    ("The survey covers 2019-24.", [("2019", "2024")]),
])
def test_two_years_joined_by_words_are_two_dates(text, dates):
    assert [(v.date, v.date_end) for v in find_values(text, TUESDAY) if v.type.startswith("date")] == dates


@pytest.mark.parametrize("text, phrase, kind, value", [
    # years read aloud (broadcast transcripts): with a month, a month; before a unit, a number of years
    ("The storm came in January nineteen ninety-seven.", "January nineteen ninety-seven", "date", "1997-01"),
    ("The shrine has stood for two thousand years.", "two thousand years", "duration", 2000.0),
])
def test_years_read_aloud(text, phrase, kind, value):
    v = found(text)[phrase]
    assert v.type == kind and (v.date if kind == "date" else v.number) == value


@pytest.mark.parametrize("text, phrase, expected", [
    # a numbered week of a month: the ISO week holding that Thursday of the month
    ("Shipments resumed in the first week of March.", "the first week of March", "2031-W10"),
    ("The fair returns in the second week of May 2030.", "the second week of May 2030", "2030-W19"),
    ("Repairs overran into the last week of January.", "the last week of January", "2031-W05"),
])
def test_a_week_of_a_month(text, phrase, expected):
    v = found(text)[phrase]
    assert (v.type, v.date) == ("date", expected)


@pytest.mark.parametrize("text, first, second", [
    # a pair of months: the first is the last such month on or before the second
    ("The pool was shut from August to October.", "2030-08", "2030-10"),
    ("The pool will shut from November to February.", "2031-11", "2032-02"),
    ("Sales fell from April to June 2017.", "2017-04", "2017-06"),
    ("It ran from May 2019 to June 2020.", "2019-05", "2020-06"),
])
def test_a_pair_of_months(text, first, second):
    assert [v.date for v in find_values(text, TUESDAY) if v.type == "date"] == [first, second]


@pytest.mark.parametrize("text, phrase, expected", [
    # a timetable verb in the present before a weekday: still to come
    ("The two leaders meet separately Monday with the envoy.", "Monday", "2031-04-14"),
    ("Talks resume on Thursday, officials said.", "Thursday", "2031-04-10"),
    ("The consultation closes Friday.", "Friday", "2031-04-11"),
    # in the past tense it has happened
    ("The committee met on Friday.", "Friday", "2031-04-04"),
    ("The consultation closed Friday.", "Friday", "2031-04-04"),
])
def test_a_timetable_in_the_present_looks_ahead(text, phrase, expected):
    assert found(text)[phrase].date == expected
