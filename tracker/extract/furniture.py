"""Page furniture: lines and prefixes that are not assertions (headlines, captions, bylines, credits)."""
from __future__ import annotations

import re

# the reader's "date YYYY-MM-DD" header at the very start of a file
DATE_HEADER = re.compile(r"\s*date \d{4}-\d{2}-\d{2}\s+")
# wire datelines and credits opening a story: "(Bloomberg) --", "WASHINGTON (AP) —", "LONDON, Sept 3 (Reuters) -"
DATELINE = re.compile(
    r"(?:[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*)?\([A-Z][\w&.' -]{0,30}\)\s*(?:--|[-–—])\s*"
    r"|[A-Z][A-Z .'-]{2,30}\s*(?:--|—)\s*")

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a video caption runs its date and duration into the title: "…in UkraineSept. 16, 202200:44"
_VIDEO_STAMP = re.compile(rf"{_MONTH}\s?\d{{1,2}},\s?\d{{4}}\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*$")
_TIME_STAMP = re.compile(r"(?:^|\s)\d{1,2}:\d{2}(?::\d{2})?\s*$")
_BYLINE = re.compile(r"^(?:By|From|Reporting by|Writing by|Edited by|Additional reporting by)\s+[A-Z]")
_CREDIT = re.compile(
    r"(?:^|\b)(?:Photo(?:graph)?|Image|Picture|Video|Credit|Source|Illustration)s?\s*(?:by|:|credit)"
    r"|(?:Getty Images|AFP via Getty|AP Photo|Reuters/|Shutterstock|EPA-EFE|/AFP|/AP)\s*$", re.I)
_PROMPT = re.compile(
    r"^(?:Read more|Related|More:|Watch:|Listen:|Advertisement|Share this|Sign up|Subscribe|Click here|"
    r"See also|Follow (?:us|the)|Copyright|©|All rights reserved|Updated|Published)\b", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’')\]]*\s*$|[\"”]\s*$")
_WORD = re.compile(r"[\w’'-]+")
_LIST_ITEM = re.compile(r"[-•*–]\s+\S+(?:\s+\S+){5}")


def line_reason(line: str) -> str | None:
    """Why a whole line is page furniture, or None when it may hold claims."""
    # most lines are long paragraphs: look at their tail only, and at short lines in full
    tail = line[-48:]
    if _VIDEO_STAMP.search(tail):
        return "video caption with time stamp"
    short = len(line) < 200
    if short and _TIME_STAMP.search(tail):
        return "caption ending in a time stamp"
    ends = _ENDS_SENTENCE.search(tail)
    if short:
        if _BYLINE.match(line) and len(line) < 120:
            return "byline"
        if _PROMPT.match(line) and len(line) < 160:
            return "link or page prompt"
        if line.endswith(":") and len(line) < 80:
            return "heading introducing a list"
        if not ends and len(line) < 160 and _CREDIT.search(line):
            return "photo or video credit"
    if _LIST_ITEM.match(line):
        return None  # "- Individuals who break the law will face a fine": a list item states a claim
    if not ends:
        words = _WORD.findall(line)
        if len(words) <= 20:
            capitalized = sum(1 for w in words if w[0].isupper())
            if len(words) > 2 and capitalized >= 0.6 * len(words):
                return "headline or related link (title case, no sentence ending)"
            return "heading (short line without a sentence ending)"
    return None
