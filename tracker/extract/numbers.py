"""Numbers written in words: "twenty-four", "four million", "nine-and-a-half million", "one hundred and five",
and years read aloud ("nineteen ninety-six", "the year two thousand").

text2num parses such phrases too, but finding them in running text is the regular expressions' work here, and
the table below is all the parsing they need (a few microseconds, no compiled extension to install).
"""
from __future__ import annotations

import re

from .wordre import alternation

# words for the numbers below twenty
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
# words for the tens
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# scale words after a number in words
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# words that stand for one before a scale ("a million", "a hundred")
ONE_WORDS = frozenset({"a", "an"})

_UNIT = alternation(list(UNITS) + [w.capitalize() for w in UNITS])
_TEN = alternation(list(TENS) + [w.capitalize() for w in TENS])
_SMALL_WORDS = [*UNITS, *TENS]
# one prefix tree first ("twenty-four", "four"): the engine skips ahead on its first letters
_SMALL = (rf"(?:{alternation(_SMALL_WORDS + [w.capitalize() for w in _SMALL_WORDS])})"
          rf"(?:(?<=ty)[\s-]+(?:{_UNIT}))?")
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
# a number in words, at least one number word long ("four", "twenty-four", "four million",
# "nine-and-a-half million", "three hundred and twelve"), or "a" before a scale ("a hundred and twenty", "a million")
_SCALED = rf"(?:[\s-]+{_SCALE}(?:(?:[\s-]+and)?[\s-]+{_SMALL})?)*"
WORD_NUMBER = rf"(?:{_SMALL}(?:[\s-]+and[\s-]+a[\s-]+half)?|[Aa](?=\s+{_SCALE}\b)){_SCALED}"
# the same, starting with a number word: a pattern that scans a whole text with it is not tried at every "a"
SPELLED_NUMBER = rf"{_SMALL}(?:[\s-]+and[\s-]+a[\s-]+half)?{_SCALED}"
# the scale words, for finding "a hundred", "a million" with str.find
SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")
_WORD_NUMBER = re.compile(WORD_NUMBER)
_TOKEN = re.compile(r"[A-Za-z]+")

_TWO_DIGITS = rf"(?:{_TEN}(?:[\s-](?:{alternation(list(UNITS)[:9])}))?|{_UNIT})"
_YEAR_TAIL = (rf"(?:{_TEN}(?:[\s-](?:{alternation(list(UNITS)[:9])}))?|{alternation(list(UNITS)[9:])}"
              rf"|hundred(?:\s+(?:and\s+)?{_TWO_DIGITS})?)")
# a year read aloud: "nineteen ninety-six", "twenty twelve", "nineteen hundred ninety three", "two thousand and
# twenty"
SPOKEN_YEAR = re.compile(
    rf"(?P<c>[Nn]ineteen|[Ee]ighteen|[Tt]wenty)[\s-](?P<y>{_YEAR_TAIL})\b(?![\s-](?:{_SCALE}|percent|per\b))"
    rf"|[Tt]wo\s+thousand(?:\s+(?:and\s+)?(?P<y2>{_TWO_DIGITS}))?\b(?![\s-]{_SCALE})")


def words_value(phrase: str) -> float | None:
    """The value of a number in words ("twenty-four" 24, "four million" 4e6, "nine-and-a-half million" 9.5e6);
    None when a word is not a number word."""
    total, current, seen = 0.0, 0.0, False
    tokens = [t.lower() for t in _TOKEN.findall(phrase)]
    for i, t in enumerate(tokens):
        if t in UNITS or t in TENS:
            current += UNITS.get(t) or TENS[t]
            seen = True
        elif t in ONE_WORDS and i + 1 < len(tokens) and tokens[i + 1] == "half":
            continue
        elif t == "half":
            current += 0.5
        elif t in ONE_WORDS and i + 1 < len(tokens) and tokens[i + 1] in SCALES:
            current = max(current, 1.0)
            seen = True
        elif t == "hundred":
            current = max(current, 1.0) * 100
        elif t in SCALES:
            total += max(current, 1.0) * SCALES[t]
            current = 0.0
        elif t != "and":
            return None
    return total + current if seen else None


def word_number_at(text: str, pos: int) -> re.Match | None:
    """The number in words starting at ``pos``, if any."""
    return _WORD_NUMBER.match(text, pos)


def spoken_year(m: re.Match) -> int:
    """The year a SPOKEN_YEAR match reads: "nineteen ninety-six" 1996, "two thousand and three" 2003."""
    if m["c"] is None:
        return 2000 + (int(words_value(m["y2"]) or 0) if m["y2"] else 0)
    century = {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}[m["c"].lower()]
    tail = m["y"].lower()
    if tail.startswith("hundred"):
        return century + int(words_value(tail.removeprefix("hundred")) or 0)  # "nineteen hundred ninety three"
    return century + int(words_value(tail) or 0)
