"""Page furniture: lines and prefixes that are not assertions (headlines, captions, bylines, credits)."""
from __future__ import annotations

import re

# the reader's "date YYYY-MM-DD" header at the very start of a file
DATE_HEADER = re.compile(r"\s*date \d{4}-\d{2}-\d{2}\s+")
# wire datelines and credits opening a story: "(Bloomberg) --", "WASHINGTON (AP) —", "LONDON, Sept 3 (Reuters) -"
# "KYIV, Ukraine (AP) —", "WASHINGTON —"
DATELINE = re.compile(
    r"(?:[A-Z]{2,}[A-Z .'-]*(?:,\s*[A-Z][\w.]*(?:\s+[A-Z\d][\w.]*){0,3})?\s*)?"
    r"\([A-Z][\w&.' -]{0,30}\)\s*(?:--|[-–—])\s*"
    r"|[A-Z]{2,}[A-Z .'-]{0,30}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?\s*(?:--|—|–)\s*(?=[A-Z“\"])")

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a video caption runs its date and duration into the title: "…in UkraineSept. 16, 202200:44"
_VIDEO_STAMP = re.compile(rf"{_MONTH}\s?\d{{1,2}},\s?\d{{4}}\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*$")
_TIME_STAMP = re.compile(r"(?:^|\s)\d{1,2}:\d{2}(?::\d{2})?\s*$")
_BYLINE = re.compile(
    r"^\(?(?:By|From|Reporting by|Writing by|Edited by|Editing by|Additional reporting by|Compiled by)\s+[A-Z]")
# "… in Kyiv on Sept. 20, 2022. (AP Photo/Efrem Lukatsky)": a caption ends with its credit
_CAPTION_CREDIT = re.compile(
    r"\([^()]*\b(?:Photo|Photograph|Image|Getty|AP|AFP|Reuters|EPA|Shutterstock|Credit|Pool)\b[^()]*\)\s*$")
_CONTRIBUTED = re.compile(r"\bcontributed(?: reporting)? to this (?:report|story|article)\.?\s*$", re.I)
_CREDIT = re.compile(
    r"(?:^|\b)(?:Photo(?:graph)?|Image|Picture|Video|Credit|Source|Illustration)s?\s*(?:by|:|credit)"
    r"|(?:Getty Images|AFP via Getty|AP Photo|Reuters/|Shutterstock|EPA-EFE|/AFP|/AP)\s*$", re.I)
_PROMPT = re.compile(
    r"^(?:Read more|Related|More:|Watch:|Listen:|Advertisement|Share this|Sign up|Subscribe|Click here|"
    r"See also|Follow (?:us|the|our)|Copyright|©|All rights reserved|Updated|Published|Listen to|Our Standards|"
    r"Image caption|Image source|Media caption|Getty Images|This (?:article|story) (?:was|has been))\b", re.I)
# the longest line that is only a credit ("Jane Roe in Oslo and John Doe in Bergen contributed to this report.")
CREDIT_MAX = 300
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’')\]]*\s*$|[\"”]\s*$")
_WORD = re.compile(r"[\w’'-]+")
# a finite verb in a line: an auxiliary or modal, a contracted one, or a pronoun subject opening the line
_FINITE = re.compile(
    r"\b(?:am|is|are|was|were|has|have|had|does|did|will|would|shall|should|can|could|might|must)\b"
    r"|\w[’'](?:ll|re|ve|d|m)\b|\b(?:it|he|she|that|there)[’']s\b"
    r"|^(?:I|We|You|He|She|They|It|There)\s+[a-z]+")
# a past tense followed by a preposition or an article: "failed after", "collided in", "raised the"
_PAST_INSIDE = re.compile(
    r"\s[a-z]{3,}ed\s+(?:after|before|in|on|at|by|for|to|from|with|over|the|a|an|its|their|his|her)\s")
# lines that open like a heading or a question: "What we know", "Here's how", "How it works"
_NOT_SENTENCE_START = re.compile(r"(?:What|Why|How|When|Where|Who|Whom|Whose|Which|Here)\b")
_LIST_ITEM = re.compile(r"[-•*–]\s+\S+(?:\s+\S+){5}")


# "“…” ― Carlos Ruiz": a quotation signed by its speaker; "- Ana Ruiz." alone: the signature of the one above
_SIGNED_QUOTATION = re.compile(r"^[“\"‘].*[”\"’][ \t]*[―—–-][ \t]*[A-Z]")
# "“…” ― Carlos Ruiz", "- Ana Ruiz, mayor of Oslo.": a dash and a name after a quotation sign it
SIGNATURE = re.compile(r"[ \t]*[―—–-][ \t]*(?P<who>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,4})"
                       r"(?:,[ \t]*(?P<what>[^\n]{1,80}?))?[ \t]*\.?[ \t]*(?:\n|$)")


def line_reason(line: str) -> str | None:
    """Why a whole line is page furniture, or None when it may hold claims."""
    if line[:1] in "“\"‘" and _SIGNED_QUOTATION.match(line):
        return None  # a quotation signed by its speaker holds claims, though it ends with a name
    if line[:1] in "―—–-" and SIGNATURE.fullmatch(line.strip()):
        return "signature of the quotation above"
    # most lines are long paragraphs: look at their tail only, and at short lines in full
    tail = line[-48:]
    ends = _ENDS_SENTENCE.search(tail) is not None
    reason = _caption(line, tail) or (_short_line(line, tail, ends) if len(line) < 200 else None)
    if reason or _LIST_ITEM.match(line):
        return reason  # "- Individuals who break the law will face a fine": a list item states a claim
    return _title_line(line, ends)


def _caption(line: str, tail: str) -> str | None:
    """Captions and credits, known by how they end."""
    if _VIDEO_STAMP.search(tail):
        return "video caption with time stamp"
    if tail.endswith(")") and _CAPTION_CREDIT.search(line[-120:]):
        return "photo caption with credit"
    if _CONTRIBUTED.search(tail) and len(line) < CREDIT_MAX:
        return "contributor credit"  # a long paragraph that ends with the credit still holds its claims
    return None


def _short_line(line: str, tail: str, ends: bool) -> str | None:
    """Bylines, prompts, list headings, credits and team sheets: short lines."""
    if _TIME_STAMP.search(tail):
        return "caption ending in a time stamp"
    if _BYLINE.match(line) and len(line) < 120:
        return "byline"
    if _PROMPT.match(line) and len(line) < 160:
        return "link or page prompt"
    if line.endswith(":") and len(line) < 80:
        return "heading introducing a list"
    if not ends and len(line) < 160 and _CREDIT.search(line):
        return "photo or video credit"
    if ends and not _LIST_ITEM.match(line):
        words = _WORD.findall(line)
        if len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in words):
            # "Jones, Hiley, Taylor (Martin 89), Devine.", "Ronaldo 9, Rooney 87.": a team sheet or a results
            # line; prose always has a lower-case word
            return "list of names or results"
    return None


def _sentence(line: str) -> bool:
    """Whether a line without a final stop reads as a sentence: it opens with a capital (not a question word or
    "Here"), and has a finite verb: an auxiliary or modal, a contracted one, or a pronoun subject and its verb."""
    head = line.strip()
    if not head[:1].isupper() or _NOT_SENTENCE_START.match(head) or head.endswith((":", ";")):
        return False  # a line ending in a colon introduces what follows; one ending in a semicolon is a list
    if _FINITE.search(head) is not None:
        return True
    # a past tense inside a line of six words or more ("The pump failed after three days, ending the test")
    return len(_WORD.findall(head)) >= 6 and _PAST_INSIDE.search(head) is not None


def _title_line(line: str, ends: bool) -> str | None:
    """Headlines, related links and headings: title case, or no sentence ending."""
    if ends and len(line) < 120 and line.rstrip()[-1] in "?!":
        words = _WORD.findall(line)
        if len(words) <= 15 and line[0] not in "“\"‘'" and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            return "headline or related link (title case question)"
    if not ends:
        words = _WORD.findall(line)
        if len(words) <= 20:
            capitalized = sum(1 for w in words if w[0].isupper())
            if len(words) > 2 and capitalized >= 0.6 * len(words):
                return "headline or related link (title case, no sentence ending)"
            if len(words) >= 3 and _sentence(line):
                return None  # "I'll be back on Friday": a sentence whose writer left off the full stop
            return "heading (short line without a sentence ending)"
    return None
