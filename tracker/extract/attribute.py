"""Who a clause is attributed to: an ordered table of small named rules, the first that matches wins.

Each rule looks at one clause (its own cues, the closing cue that governs it, the quotation it sits in, the
claims before it) and either decides its attribution or passes. The rule's name is the ``reason["rule"]`` a
reviewer sees, so the table reads as the list of reasons the tracker can give.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .attribution import SUBORDINATORS, Cue, find_cues, mask_quotes
from .clauses import has_verb
from .context import Article, Clause
from .drafts import AttributionDraft, ClaimDraft, SkippedDraft, SpeakerDraft
from .furniture import SIGNATURE
from .lexicon import en
from .mentions import remember_names
from .names import classify, runs, split_title
from .segment import overlapping, paragraphs, quote_regions, sentence_end
from .speakers import Speaker, is_relay, is_role, modifies_a_noun, speaker_draft, speaker_of
from .wordre import alternation

_FRONTED = re.compile(r"\W*(?:(?:But|And|Yet|So|However|Meanwhile|Still)\b,?\s*"
                      r"|(?:In|On|At|After|Before|Despite|Amid|Following|During|Since|With|For|Like|Unlike|Under)\s"
                      r"[^,_]{1,60}(?:,\s*[A-Z][^,_]{0,25})?,\s*"
                      # "Speaking on the cable channel CNBC on Monday, …": a fronted participle's phrase
                      r"|[A-Z][a-z]+ing\s+[a-z][^,_]{0,80},\s*)")  # "At a rally in Dayton, Ohio, …"
# a fronted adverb or time: "Ultimately, …", "Hours later, …", "Earlier in the week, …", "Last month, …"
_FRONTED_WHEN = re.compile(r"\W*(?:[A-Z][a-z]+ly|(?:[A-Z][\w-]*\s+){1,3}(?:earlier|later|ago)"
                           r"|(?:Earlier|Later|Last|This|Next|Then)\b[^,_]{0,30}),\s*")
_WHEN_AFTER_SUBJECT = re.compile(
    r"\s+(?:on|late|early|earlier|last|this|on\s+the)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|morning|afternoon|evening|night|week|month|year|day)\b.*$")
_OPENING = "“\"‘"
_SUBJECT_PRONOUNS = ("he", "she", "it", "they")
# a quotation of this many words or more makes a clause direct speech (not a scare-quoted word)
_QUOTED_WORDS = 4
# the share of a clause inside quotation marks that makes it direct speech
_DIRECT_SHARE = 0.3


@dataclass(slots=True)
class Decision:
    """What a rule decided: a speaker found through a cue, or a whole attribution (a quotation going on)."""

    rule: str
    speaker: Speaker | None = None
    cue: str | None = None
    via: tuple[SpeakerDraft, ...] = ()
    features: tuple[str, ...] = ()
    attribution: AttributionDraft | None = None


Rule = Callable[[Article, Clause], "Decision | None"]

# the names of rules that other rules read back from the claim before ("reported speech goes on" continues them)
SAME_SUBJECT = "same subject goes on"
RELAYED = "relayed attribution"
SPEECH_GOES_ON = "reported speech goes on"
CUE_BEFORE = "cue before content"  # the name own_cue and governing_cue give a cue before its content


# --- speakers of cues ------------------------------------------------------------------------------------------
def cue_speaker(art: Article, cue: Cue, masked: str, offset: int) -> Speaker | None:
    """The speaker a cue names: its phrase resolved, or the sentence's subject for a participle."""
    if cue.position == "participle":
        return main_subject(art, masked, offset, cue.start)
    if cue.position == "share":
        # a share of respondents speaks through the poll that asked them, when the article named one
        return Speaker(art.pollster[0], art.pollster[1], None, cue.phrase) if art.pollster else None
    return speaker_of(cue.phrase or "", cue.phrase_start, art.mentions, art.recent)


def main_subject(art: Article, masked: str, offset: int, cue_at: int) -> Speaker | None:
    """The speaker of ", saying …": the subject of the sentence (a pronoun, else its first person)."""
    head = masked[: cue_at - offset]
    for fronted in (_FRONTED, _FRONTED_WHEN):
        lead = fronted.match(head)
        if lead:
            # "But he also …", "In a further blow, the firm …", "Hours later, Ruiz …": the subject comes after
            offset, head = offset + lead.end(), head[lead.end():]
    first = head.split(None, 1)[0] if head.strip() else ""
    if first.lower() in _SUBJECT_PRONOUNS:
        return speaker_of(first, offset, art.mentions, art.recent)
    for s, e, run in runs(head):
        _title, name = split_title(run.split())
        if modifies_a_noun(head, s, e, run):
            continue  # "Sanders protesters interrupted her, shouting …": the protesters, not Sanders
        if name and (classify(name) == "person" or (len(name) == 1 and name[0] in art.mentions.surnames)):
            return speaker_of(run, offset + s, art.mentions, art.recent)
    comma = head.find(",")
    words = head[: comma if comma > 0 else len(head)].split()
    if not words or words[0].lower() in SUBORDINATORS:
        return None  # "Once installed, …": no subject to speak
    # the subject ends where its verb begins: "AOL backed the price cuts but said …" is AOL speaking
    verb = next((i for i, w in enumerate(words) if i and w.islower() and has_verb([w])), len(words))
    words = words[:verb]
    if not words or len(words) > 8:
        return None
    lead_words = _WHEN_AFTER_SUBJECT.sub("", " ".join(words))  # "A county judge on Wednesday" is the judge
    return speaker_of(lead_words, offset, art.mentions, art.recent)


def closing_cue(art: Article, cs: int, ce: int, pe: int, regions) -> tuple[Cue, Speaker] | None:
    """The cue after a quotation that runs on past this clause ("“A. B. C,” she said."), if there is one."""
    region = next(iter(overlapping(regions, cs, ce)), None)
    if region is not None and region[1] >= pe and region[1] > ce and art.text[region[1] - 1] not in "”\"":
        return _cue_paragraphs_on(art, pe)  # the quotation is left open at the paragraph's end
    if region is None or region[1] <= ce or region[1] >= pe:
        return None
    qe = region[1]
    after = sentence_end(art.text, qe, pe)
    masked = mask_quotes(art.text, qe, after, regions)
    for cue in find_cues(masked, qe):
        if cue.start - qe > 40:
            break
        if cue.position in ("before", "after"):
            speaker = cue_speaker(art, cue, masked, qe)
            if speaker is not None:
                return cue, speaker
    return None


def _cue_paragraphs_on(art: Article, pe: int) -> tuple[Cue, Speaker] | None:
    """A quotation of several paragraphs opens each one and closes only in its last, where its cue is
    ("“We lost everything. …¶“Now we need help,” said Elena Papadaki."): the cue of the paragraph where it
    closes, a few paragraphs on at most."""
    for k, (ps, pe2) in enumerate(paragraphs(art.text, pe)):
        if k >= 4 or art.text[ps] not in _OPENING:
            return None
        regions = quote_regions(art.text, ps, pe2)
        closed = [r for r in regions if r[1] < pe2]
        if closed:
            return closing_cue(art, closed[0][0], closed[0][0] + 1, pe2, regions)
    return None


def introduces_quotation(art: Article, ps: int, pe: int) -> bool:
    """A line such as "Mr Hewitt told the BBC:" introduces the quotation in the next paragraph: it is kept as
    a skipped span, and its speaker becomes the speaker of what follows."""
    masked = mask_quotes(art.text, ps, pe, quote_regions(art.text, ps, pe))
    remember_names(art.mentions, masked, ps)
    for cue in find_cues(masked, ps):
        speaker = cue_speaker(art, cue, masked, ps)
        if speaker is not None:
            art.last_quote = AttributionDraft(speaker_draft(art.mentions, speaker), cue.cue, "direct",
                                              speaker.descriptor)
            art.result.skipped.append(SkippedDraft(ps, pe, "line introducing a quotation (its speaker is kept)"))
            art.quote_carries = True
            return True
    return False


# --- the rules, in the order they are tried ---------------------------------------------------------------------
def _clause_speaker(art: Article, c: Clause, cue: Cue | None) -> Speaker | None:
    """The speaker a cue of the clause names, resolved once however many rules ask."""
    if cue is None:
        return None
    if id(cue) not in c.speakers:
        c.speakers[id(cue)] = cue_speaker(art, cue, c.masked, c.sentence[0])
    return c.speakers[id(cue)]


def _own_speaker(art: Article, c: Clause) -> Speaker | None:
    return _clause_speaker(art, c, c.own[0] if c.own else None)


def _governing_speaker(art: Article, c: Clause) -> Speaker | None:
    return _clause_speaker(art, c, c.governing)


# connectors whose clause goes on in the voice of the clause before: "… but that …", ", adding that …", a gapped
# clause ("…, the southern mill by 3%") and a figure's own clause ("the roughly one-third of the forest it owns")
_SAME_VOICE = frozenset({"participle", "that", "gap", "figure"})


def _goes_on(c: Clause) -> bool:
    """"…, she said, adding that …", "said X but that Y", "rejected the bid, ruling that …": the clause
    continues the statement before it (unless a closing cue of its own governs it)."""
    goes_on = c.connector in _SAME_VOICE or bool(c.own and c.own[0].position == "participle")
    return goes_on and not (c.governing is not None and c.governing.start >= c.start)


def same_subject_goes_on(art: Article, c: Clause) -> Decision | None:
    """The second statement of a sentence is the same subject's: "…, she said, adding that …"."""
    claims = art.result.claims
    if not _goes_on(c) or len(claims) <= art.sentence_start:
        return None
    prev = claims[-1].attribution
    if prev.speaker is None:
        return None
    speaker = Speaker(prev.speaker.name, prev.speaker.kind, prev.descriptor)
    # ", adding that …": the clause's own participle is its cue; a gapped clause keeps the cue before
    cue = c.own[0].cue if c.own and c.own[0].position == "participle" else prev.cue
    return Decision(SAME_SUBJECT, speaker, cue, prev.via, ("continued statement",))


def relayed_attribution(art: Article, c: Clause) -> Decision | None:
    """"X said …, Tass reported": X speaks, through the outlet that relayed it."""
    if not (c.governing and c.own):
        return None
    inner, outer = _own_speaker(art, c), _governing_speaker(art, c)
    if not (inner and outer and is_relay(outer, c.governing.cue)):
        return None
    relay = speaker_draft(art.mentions, outer)
    return Decision(RELAYED, inner, c.own[0].cue, (relay,) if relay else (),
                    (f"cue:{c.own[0].cue}", f"relay:{c.governing.cue}"))


def governing_cue(art: Article, c: Clause) -> Decision | None:
    """A closing cue governs the clauses before it: "…, the ministry said."."""
    outer = _governing_speaker(art, c)
    if outer is None or c.governing is None:
        return None
    return Decision(f"cue {c.governing.position} content", outer, c.governing.cue,
                    features=(f"cue:{c.governing.cue}",))


def own_cue(art: Article, c: Clause) -> Decision | None:
    """A cue inside the clause: "The ministry said the toll rose."."""
    inner = _own_speaker(art, c)
    if inner is None:
        return None
    return Decision(f"cue {c.own[0].position} content", inner, c.own[0].cue, features=(f"cue:{c.own[0].cue}",))


def participle_of_the_subject(art: Article, c: Clause) -> Decision | None:
    """"The court rejected the appeal, ruling that …": a participle clause is its sentence's subject's."""
    if c.connector != "participle" or not _goes_on(c):
        return None
    speaker = main_subject(art, c.masked, c.sentence[0], c.start)
    if speaker is None:
        return None
    word = art.text[c.start:c.end].split(None, 1)[0]
    return Decision("participle of the subject", speaker, word, features=(f"cue:{word}",))


# the second statement is joined by "and", "but" or a semicolon: "…, and the operator had ignored …"
_CONJOINED = re.compile(r"[\s,”\"’']*(?:;|(?:and|but|yet)\b)", re.I)
_CONTRAST = re.compile(r"\b(?:while|whereas|meanwhile)\b", re.I)
_REPORTING_RULES = (CUE_BEFORE, RELAYED, SAME_SUBJECT, SPEECH_GOES_ON)


def reported_speech_goes_on(art: Article, c: Clause) -> Decision | None:
    """"The inspectors said the crane was overloaded, and the operator had ignored two warnings.": what follows a
    cue up to the sentence's end is what was said, the second conjunct too."""
    claims = art.result.claims
    if c.own or c.governing is not None or c.connector == "caveat" or len(claims) <= art.sentence_start:
        return None
    prev = claims[-1]
    if prev.attribution.speaker is None or prev.reason.get("rule") not in _REPORTING_RULES:
        return None
    if _CONTRAST.search(art.text, max(prev.end, c.start - 12), c.start + 10):
        return None  # "…, while President Ana Ruiz urged …": a contrast opens a new source's statement
    if not (_CONJOINED.match(art.text, prev.end, c.start + 8) or _reason_or_time_of_what_was_said(c, prev)):
        return None  # "…, who was his chief of staff": a relative clause, not a second statement
    a = prev.attribution
    assert a.speaker is not None
    speaker = Speaker(a.speaker.name, a.speaker.kind, a.descriptor)
    return Decision(SPEECH_GOES_ON, speaker, a.cue, a.via, (SPEECH_GOES_ON,))


def _reason_or_time_of_what_was_said(c: Clause, prev: ClaimDraft) -> bool:
    """"Kelly said she asked for the interview because she wanted …": a subordinate clause right after the content
    of a cue before it belongs to what was said."""
    return c.connector in en.SUBORDINATE_CONTENT and prev.reason.get("rule") == CUE_BEFORE \
        and prev.attribution.mode == "indirect"


def cue_after_the_quotation(art: Article, c: Clause) -> Decision | None:
    """"“A. B. C,” she said.": the cue after a quotation that runs on past this clause."""
    if not c.quoted:
        return None
    ahead = closing_cue(art, c.start, c.end, c.paragraph_end, c.regions)
    if ahead is None:
        return None
    cue, speaker = ahead
    return Decision("cue after the quotation", speaker, cue.cue, features=(f"cue:{cue.cue}",))


def continued_quotation(art: Article, c: Clause) -> Decision | None:
    """A quotation that goes on without a cue keeps the speaker (and the cue) of the one before."""
    if not c.quoted or art.last_quote is None:
        return None
    prev = art.last_quote
    return Decision("continued quotation", features=("continued quotation",),
                    attribution=AttributionDraft(prev.speaker, prev.cue, "direct", prev.descriptor, prev.via))


def quotation_after_its_speakers_sentence(art: Article, c: Clause) -> Decision | None:
    """"Maria Lopez, the head of the charity, was blunt.¶“The system has failed.”": a quotation with no cue at
    all is the person the sentence before was about."""
    if c.sentence_share < 0.9 or art.text[c.sentence[0]] not in _OPENING:
        return None
    hit = art.mentions.foreground_person()
    if not hit:
        return None
    rule = "quotation after its speaker's sentence"
    return Decision(rule, features=(rule,), attribution=AttributionDraft(art.mentions.draft(*hit), None, "direct"))


_PASSIVE_REPORT = re.compile(rf"(?P<cue>{alternation(en.PASSIVE_REPORT_VERBS)})\s+to\b")
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:widely\s+|also\s+|now\s+|still\s+)?$")


def passive_report(_art: Article, c: Clause) -> Decision | None:
    """"The mayor is expected to resign", "the ship was said to be listing": reported by someone the article does
    not name: indirect, speaker unknown."""
    m = _PASSIVE_REPORT.search(c.masked, c.start - c.sentence[0], c.end - c.sentence[0])
    if m is None or not _AUX_BEFORE.search(c.masked, max(0, m.start() - 24), m.start()):
        return None
    return Decision("report with no source named", features=(f"cue:{m['cue']}",),
                    attribution=AttributionDraft(None, m["cue"], "indirect"))


_CLOSING = "”\"’"


def signed_quotation(art: Article, c: Clause) -> Decision | None:
    """A quotation signed after its closing mark, on its line or the next: "“…” ― Carlos Ruiz"."""
    if c.sentence_share < 0.6 or art.text[c.sentence[0]] not in _OPENING:
        return None
    line_end = art.text.find("\n", c.end)
    line_end = len(art.text) if line_end < 0 else line_end
    close = max(art.text.rfind(q, c.start, line_end) for q in _CLOSING)
    if close < 0 or art.text[close + 1:line_end].strip() == "":
        after = line_end  # the signature on a line of its own below the quotation
        while after < len(art.text) and art.text[after] == "\n":
            after += 1
    else:
        after = close + 1
    m = SIGNATURE.match(art.text, after)
    if m is None or m.start("who") - after > 6:
        return None
    who = m["who"].rstrip(".")
    speaker = speaker_of(who, m.start("who"), art.mentions, art.recent) or Speaker(who, classify(who.split()), None)
    if m["what"]:
        speaker.descriptor = m["what"].rstrip(". ")
    return Decision("quotation signed by its speaker", speaker, art.text[after:m.start("who")].strip(),
                    features=("signature",))


def unnamed_quotation(art: Article, c: Clause) -> Decision | None:
    """A quotation whose speaker neither its cue nor its paragraph names: quoted, speaker unknown (never a speaker
    from paragraphs before)."""
    if c.sentence_share < 0.9 or art.text[c.sentence[0]] not in _OPENING:
        return None
    return Decision("quotation with no speaker named", attribution=AttributionDraft(None, None, "direct"))


RULES: tuple[Rule, ...] = (
    same_subject_goes_on,
    relayed_attribution,
    governing_cue,
    own_cue,
    participle_of_the_subject,
    reported_speech_goes_on,
    cue_after_the_quotation,
    continued_quotation,
    quotation_after_its_speakers_sentence,
    signed_quotation,
    unnamed_quotation,
    passive_report,
)
OUTLET_VOICE = "outlet voice"


def decide(art: Article, c: Clause) -> Decision:
    """The first rule that decides the clause, else the outlet's own voice."""
    for rule in RULES:
        found = rule(art, c)
        if found is not None:
            return found
    return Decision(OUTLET_VOICE)


def attribute(art: Article, c: Clause) -> tuple[AttributionDraft, str, list[str]]:
    """The clause's attribution, the name of the rule that gave it and the features it saw; the article
    remembers the speaker for the pronouns and quotations that follow."""
    d = decide(art, c)
    features = list(d.features)
    attribution = d.attribution
    if d.speaker is not None:
        attribution = _heard(art, c, d, features)
    elif attribution is None:
        attribution = AttributionDraft()
    if attribution.speaker is not None:
        # "She said …. “We have made a firm commitment.”": a quotation with no cue of its own goes on in the
        # voice of whoever spoke last
        art.last_quote = attribution if attribution.mode == "direct" else AttributionDraft(
            attribution.speaker, attribution.cue, "direct", attribution.descriptor, attribution.via)
    elif c.sentence_share < 0.3:
        art.last_quote = None
    return attribution, d.rule, features


def _heard(art: Article, c: Clause, d: Decision, features: list[str]) -> AttributionDraft:
    """Remember a speaker found through a cue, and say whether the clause quotes them or reports them."""
    speaker = d.speaker
    assert speaker is not None
    direct = c.share >= _DIRECT_SHARE or _quotes_words(c.regions, c.start, c.end, _QUOTED_WORDS)
    art.recent.append((speaker.name, speaker.kind))
    art.spoke = True
    if speaker.kind in ("organization", "outlet"):
        # "The CBO says …" then "the watchdog notes …": a speaking organization is in the foreground
        art.mentions.add(c.start, speaker.name, speaker.kind, prominent=True)
    elif speaker.kind == "group" and is_role(speaker.name):
        # "The director of the water board told councillors … She added …": the director speaks again
        art.mentions.add(c.start, speaker.name, "role", prominent=True)
    if speaker.kind == "person":
        # "Mr Pointon said": the honorific is kept for "he" and "she" later
        said_as = (speaker.resolved_from or "").split(None, 1)
        title = said_as[0] if len(said_as) > 1 and said_as[0].lower().strip(".") in en.GENDERED_TITLES else ""
        art.mentions.add(c.start, speaker.name, "person", title, prominent=True)
        if speaker.descriptor:
            art.mentions.describe(speaker.name, speaker.descriptor)
    if speaker.resolved_from:
        features.append(f"resolved:{speaker.resolved_from}")
    via = d.via
    relay = speaker_draft(art.mentions, speaker.relay) if not via and speaker.relay is not None else None
    if relay is not None:
        via = (relay,)
    return AttributionDraft(speaker_draft(art.mentions, speaker), d.cue, "direct" if direct else "indirect",
                            speaker.descriptor, via)


def _quotes_words(regions, start: int, end: int, n: int) -> bool:
    """Whether a quotation of at least ``n`` words lies in ``[start, end)`` (not a scare-quoted word)."""
    return any(s >= start and e <= end and e - s > 6 * n for s, e in overlapping(regions, start, end))
