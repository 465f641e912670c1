"""Claim extraction: pure code, text and publication date in, claim drafts out.

Nothing here touches a database, the file system or a UI, so it is fast to test and can run in worker
processes. The pipeline: page furniture is skipped line by line; paragraphs are cut into sentences and
sentences into clauses; each clause gets its attribution (cue, speaker, relays), caveat and hedge flags,
kind and the values found in its span.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from . import furniture
from .attribution import CUE, SUBORDINATORS, Cue, find_cues, mask_quotes
from .caveats import FIGURES, hedged, limit_caveat, uncertainty_caveat, verification_caveat
from .clauses import closes_sentence, has_verb, split
from .drafts import AttributionDraft, ClaimDraft, Extraction, SkippedDraft, SpeakerDraft, ValueDraft
from .names import ORG_APPOSITIVE, ORG_HEAD_BEFORE, ORG_HEADS, Mentions, classify, runs, split_title
from .outlet import detect_outlet
from .segment import paragraphs, quote_regions, quoted_share, sentences
from .speakers import Speaker, is_relay, speaker_of
from .values import find_values

__all__ = [
    "AttributionDraft", "ClaimDraft", "Extraction", "SkippedDraft", "SpeakerDraft", "ValueDraft",
    "detect_outlet", "extract",
]

_POSITION_CUES = frozenset(
    "warned warns suggested suggests suggesting believes believed believe thinks think thought argued argues "
    "insisted insists urged urges vowed vows pledged pledges promised defended claimed claims expects expected "
    "fears feared hopes hoped predicted predicts dismissed described branded hailed praised criticised criticized "
    "denounced condemned welcomed accused blamed".split())
_DIRECT_SHARE = 0.3
_DEFINITE_SUBJECT = re.compile(r"\W*(?:The|the)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+(?=\s+(?:[a-z]+ed|is|was|has|had|will|"
                               r"would|said|says|also|[a-z]+s)\b)")
_FRONTED = re.compile(r"\W*(?:(?:But|And|Yet|So|However|Meanwhile|Still)\b,?\s*"
                      r"|(?:In|On|At|After|Before|Despite|Amid|Following|During|Since|With|For)\s[^,_]{1,40},\s*)")
_WHEN_AFTER_SUBJECT = re.compile(
    r"\s+(?:on|late|early|earlier|last|this|on\s+the)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|morning|afternoon|evening|night|week|month|year|day)\b.*$")
_GENDERED = frozenset({"mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady"})
_PLACE_ACRONYMS = frozenset("UK US USA EU UAE GB".split())
# an event the outlet reports itself: a past-tense verb or a figure ("The river burst its banks on Monday"), not a
# view ("Initiatives like this are critical; …, said the EPA.")
_REPORTED_EVENT = re.compile(r"\d|\b(?:was|were|had|did|burst|fell|rose|hit|struck|took|made|came|went|began|left|"
                             r"lost|won|cut|killed|[a-z]{3,}ed)\b")
_SEPARATE = re.compile(r";(?![^()]*\))|,?\s+(?:while|whereas)\s")  # not "(£398m; $768m)"
_CAUTION = re.compile(r"\bcaution(?:ed|s|ing)?\s+that\b")


class _Article:
    """What extraction remembers while it walks one article."""

    def __init__(self, text: str, published: date | None):
        self.text = text
        self.published = published
        self.mentions = Mentions()
        self.recent: list[tuple[str, str]] = []  # speakers, latest last, for "it" and "they"
        self.last_quote: AttributionDraft | None = None  # for a quotation that runs on without a cue
        self.spoke = False  # whether the previous sentence named a speaker
        self.sentence_start = 0  # index of the current sentence's first claim
        self.result = Extraction()


def extract(text: str, published: date | None = None) -> Extraction:
    """Every claim in ``text`` with its span, attribution, values and why; page furniture skipped."""
    art = _Article(text, published)
    pos = 0
    header = furniture.DATE_HEADER.match(text)
    if header:
        art.result.skipped.append(SkippedDraft(header.start() + len(header.group()) - len(header.group().lstrip()),
                                               header.end() - (len(header.group()) - len(header.group().rstrip())),
                                               "publication date header"))
        pos = header.end()
    values = find_values(text, published, pos)
    starts = [v.start for v in values]
    for n, (ps, pe) in enumerate(paragraphs(text, pos)):
        if text[pe - 1] == ":" and pe - ps < 160 and _introduces_quotation(art, ps, pe):
            continue
        reason = furniture.line_reason(text[ps:pe])
        if reason:
            art.result.skipped.append(SkippedDraft(ps, pe, reason))
            art.last_quote = None
            continue
        if n < 3:
            m = furniture.DATELINE.match(text, ps, pe)
            if m and m.end() < pe:
                art.result.skipped.append(SkippedDraft(ps, ps + len(m.group().rstrip()), "dateline or wire credit"))
                ps = m.end()
        regions = quote_regions(text, ps, pe)
        for ss, se in sentences(text, ps, pe):
            ending = text[ss:se].rstrip("\"”’')]")
            if ending.endswith("?"):
                # "Wait for what? For the next flood?": a question asserts nothing a fact-checker could check
                art.result.skipped.append(SkippedDraft(ss, se, "question, not an assertion"))
                continue
            if ending.endswith(":") and len(ending.split()) <= 8 and not CUE.search(ending):
                art.result.skipped.append(SkippedDraft(ss, se, "heading introducing a list"))
                continue
            _sentence(art, ss, se, pe, regions, values, starts)
    _name_later(art)
    return art.result


_LATER_NAME_REACH = 1500  # characters: a name a few paragraphs on still means "a judge" before it


def _name_later(art: _Article) -> None:
    """"A county judge ruled …" and, later, "Circuit Judge Alan Pruett …": a speaker introduced by an indefinite
    description is the person the article names with that role soon after (and nobody before)."""
    roles = art.mentions.roles
    if not roles:
        return
    first_seen: dict[str, int] = {}
    for pos, name, kind, _p in art.mentions.seen:
        if kind == "person":
            first_seen.setdefault(name, pos)
    for c in art.result.claims:
        sp = c.attribution.speaker
        if sp is None or sp.kind != "group" or not _INDEFINITE.match(sp.name):
            continue
        person = roles.get(sp.name.rsplit(None, 1)[-1].lower())
        if person and c.start <= first_seen.get(person, -1) <= c.start + _LATER_NAME_REACH:
            a = c.attribution
            c.attribution = AttributionDraft(art.mentions.draft(person, "person"), a.cue, a.mode,
                                             a.descriptor or sp.name, a.via)
            c.reason.setdefault("features", []).append(f"named later:{sp.name}")


_INDEFINITE = re.compile(r"(?:An?|One)\s")


def _introduces_quotation(art: _Article, ps: int, pe: int) -> bool:
    """A line such as "Mr Hewitt told the BBC:" introduces the quotation in the next paragraph: it is kept as
    a skipped span, and its speaker becomes the speaker of what follows."""
    masked = mask_quotes(art.text, ps, pe, quote_regions(art.text, ps, pe))
    _remember_names(art, masked, ps)
    for cue in find_cues(masked, ps):
        speaker = _speaker(art, cue, masked, ps)
        if speaker is not None:
            art.last_quote = AttributionDraft(_draft(art, speaker), cue.cue, "direct", speaker.descriptor)
            art.result.skipped.append(SkippedDraft(ps, pe, "line introducing a quotation (its speaker is kept)"))
            return True
    return False


def _remember_names(art: _Article, masked: str, offset: int) -> None:
    lead = len(masked) - len(masked.lstrip(" “\"‘'(_")) + 30
    subject = _DEFINITE_SUBJECT.match(masked)
    if subject:
        # "The network will present its findings …": the organization or person it means is in the foreground
        meant = art.mentions.role(subject.group(), offset)
        if meant:
            art.mentions.add(offset, meant[0], meant[1], prominent=True)
    surnames = art.mentions.surnames
    for s, _e, run in runs(masked):
        if _described_as_org(masked, s, s + len(run)):
            art.mentions.add(offset + s, run, "organization", prominent=s < lead)
            continue
        if " " not in run and run not in surnames:
            if s < lead and run.isupper() and 2 <= len(run) <= 6 and run not in _PLACE_ACRONYMS:
                # "HSBC cut 300 jobs": an acronym as the subject is an organization ("the bank said" later)
                art.mentions.add(offset + s, run, "organization", prominent=True)
            continue  # one capitalized word is a name only when it is a known surname
        words = run.split()
        title, name = split_title(words)
        if not name:
            continue
        kind = classify(name)
        if kind == "person" or (len(name) == 1 and name[0] in art.mentions.surnames):
            art.mentions.add(offset + s, " ".join(name), "person", " ".join(title), prominent=s < lead)
        elif kind in ("organization", "outlet") and len(name) > 1:
            art.mentions.add(offset + s, " ".join(name), kind, prominent=s < lead)


def _described_as_org(masked: str, s: int, e: int) -> bool:
    """Whether the words around a name say it is a firm: "supermarket chain Castlemere", "Castlemere, the
    British supermarket chain," (cheap string tests first: this runs for every capitalized run)."""
    if masked.startswith(", ", e) and ORG_APPOSITIVE.match(masked, e):
        return True
    before = masked[max(0, s - 16):s].rsplit(None, 1)
    return bool(before) and before[-1].lower() in ORG_HEADS and ORG_HEAD_BEFORE.search(masked, max(0, s - 30), s) \
        is not None


def _draft(art: _Article, sp: Speaker | None) -> SpeakerDraft | None:
    if sp is None:
        return None
    draft = art.mentions.draft(sp.name, sp.kind)
    if sp.resolved_from and sp.resolved_from.lower() not in ("he", "she", "it", "they", "we", "i", "him", "her"):
        if sp.resolved_from != sp.name and len(sp.resolved_from) < 60 and sp.kind == "person":
            draft = SpeakerDraft(draft.name, draft.kind, tuple(sorted({*draft.aliases, sp.resolved_from})))
    return draft


def _speaker(art: _Article, cue: Cue, masked: str, offset: int) -> Speaker | None:
    if cue.position == "participle":
        return _main_subject(art, masked, offset, cue.start)
    return speaker_of(cue.phrase or "", cue.phrase_start, art.mentions, art.recent)


def _main_subject(art: _Article, masked: str, offset: int, cue_at: int) -> Speaker | None:
    """The speaker of ", saying …": the subject of the sentence (a pronoun, else its first person)."""
    head = masked[: cue_at - offset]
    lead = _FRONTED.match(head)
    if lead:
        # "But he also …", "In a further blow, the firm …": the subject comes after the conjunction or phrase
        offset, head = offset + lead.end(), head[lead.end():]
    first = head.split(None, 1)[0] if head.strip() else ""
    if first.lower() in ("he", "she", "it", "they"):
        return speaker_of(first, offset, art.mentions, art.recent)
    for s, _e, run in runs(head):
        title, name = split_title(run.split())
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
    lead = _WHEN_AFTER_SUBJECT.sub("", " ".join(words))  # "A county judge on Wednesday" is the judge
    return speaker_of(lead, offset, art.mentions, art.recent)


def _closing_cue(art: _Article, cs: int, ce: int, pe: int, regions) -> tuple[Cue, Speaker] | None:
    """The cue after a quotation that runs on past this clause ("“A. B. C,” she said."), if there is one."""
    region = next(((qs, qe) for qs, qe in regions if qs <= cs < qe or cs <= qs < ce), None)
    if region is not None and region[1] >= pe and region[1] > ce and art.text[region[1] - 1] not in "”\"":
        return _cue_paragraphs_on(art, pe)  # the quotation is left open at the paragraph's end
    if region is None or region[1] <= ce or region[1] >= pe:
        return None
    qe = region[1]
    after = next((e for s, e in sentences(art.text, qe, pe)), pe)
    masked = mask_quotes(art.text, qe, after, regions)
    for cue in find_cues(masked, qe):
        if cue.start - qe > 40:
            break
        if cue.position in ("before", "after"):
            speaker = _speaker(art, cue, masked, qe)
            if speaker is not None:
                return cue, speaker
    return None


_OPENING = "“\"‘"


def _cue_paragraphs_on(art: _Article, pe: int) -> tuple[Cue, Speaker] | None:
    """A quotation of several paragraphs opens each one and closes only in its last, where its cue is
    ("“We lost everything. …¶“Now we need help,” said Elena Papadaki."): the cue of the paragraph where it
    closes, a few paragraphs on at most."""
    for k, (ps, pe2) in enumerate(paragraphs(art.text, pe)):
        if k >= 4 or art.text[ps] not in _OPENING:
            return None
        regions = quote_regions(art.text, ps, pe2)
        closed = [r for r in regions if r[1] < pe2]
        if closed:
            return _closing_cue(art, closed[0][0], closed[0][0] + 1, pe2, regions)
    return None


def _sentence(art: _Article, ss: int, se: int, pe: int, regions, values: list[ValueDraft],
              starts: list[int]) -> None:
    text = art.text
    masked = mask_quotes(text, ss, se, regions)
    art.sentence_start = len(art.result.claims)
    art.mentions.new_sentence(ss)
    _remember_names(art, masked, ss)
    cues = find_cues(masked, ss)
    share = quoted_share(regions, ss, se)
    clauses = split(masked, ss, cues)
    inverted = [c for c in cues if closes_sentence(masked, c, ss)]
    # "it" and "they" only reach back to the sentence before: further back they are a guess
    if not art.spoke:
        art.recent.clear()
    art.spoke = False
    for cs, ce, connector in clauses:
        # trim white space and trailing commas so the quote is the clause itself
        while cs < ce and (text[cs].isspace()):
            cs += 1
        while ce > cs and (text[ce - 1].isspace() or text[ce - 1] in ",;"):
            ce -= 1
        if ce - cs < 2 or len(text[cs:ce].split()) < 2:
            continue
        own = [c for c in cues if cs <= c.start < ce and c not in inverted]
        # a closing cue (", Tass reported.") governs the clauses before it; a clause after it only when that
        # clause has no cue of its own ("…, the union said, though it cautioned that …" is the union's)
        governing = next((c for c in inverted if c.start >= cs), None)
        if governing is not None and governing.start > ce and governing.position != "according" \
                and _SEPARATE.search(masked, ce - ss, governing.start - ss) and _REPORTED_EVENT.search(masked, cs - ss, ce - ss):
            # "The river burst its banks; dozens of homes were flooded, residents said.": the closing cue covers
            # its own clause, not the outlet's statement before a semicolon or a "while"
            governing = None
        if governing is None and not own and inverted:
            governing = next((c for c in reversed(inverted) if c.start < cs), None)
        features: list[str] = []
        speaker = None
        via: tuple[SpeakerDraft, ...] = ()
        cue_word = None
        rule = "outlet voice"
        inner = _speaker(art, own[0], masked, ss) if own else None
        outer = _speaker(art, governing, masked, ss) if governing else None
        if governing and own and inner and outer and is_relay(outer, governing.cue):
            speaker, cue_word, rule = inner, own[0].cue, "relayed attribution"
            via = (_draft(art, outer),)
            features += [f"cue:{own[0].cue}", f"relay:{governing.cue}"]
        elif governing and outer:
            speaker, cue_word, rule = outer, governing.cue, f"cue {governing.position} content"
            features.append(f"cue:{governing.cue}")
        elif own and inner:
            speaker, cue_word, rule = inner, own[0].cue, f"cue {own[0].position} content"
            features.append(f"cue:{own[0].cue}")
        goes_on = connector in ("participle", "that") or (own and own[0].position == "participle")
        if goes_on and not (governing and governing.start >= cs):
            # "…, she said, adding that …", "said X but that Y", "A judge rejected the bid, ruling that …": the
            # second statement is the same subject's
            prev = art.result.claims[-1].attribution if len(art.result.claims) > art.sentence_start else None
            if prev is not None and prev.speaker is not None:
                speaker, via = Speaker(prev.speaker.name, prev.speaker.kind, prev.descriptor), prev.via
                cue_word, rule = prev.cue, "same subject goes on"
                features.append("continued statement")
            elif speaker is None and connector == "participle":
                speaker = _main_subject(art, masked, ss, cs)
                if speaker is not None:
                    cue_word, rule = text[cs:ce].split(None, 1)[0], "participle of the subject"
                    features.append(f"cue:{cue_word}")
        share_here = quoted_share(regions, cs, ce)
        if speaker is None and (share >= 0.6 or share_here >= 0.6):
            ahead = _closing_cue(art, cs, ce, pe, regions)
            if ahead:
                cue, speaker = ahead
                cue_word, rule = cue.cue, "cue after the quotation"
                features.append(f"cue:{cue.cue}")
        mode = "outlet"
        attribution = None
        if speaker is not None:
            mode = "direct" if share_here >= _DIRECT_SHARE or _quotes_words(regions, cs, ce, 4) else "indirect"
            art.recent.append((speaker.name, speaker.kind))
            art.spoke = True
            if speaker.kind in ("organization", "outlet"):
                # "The CBO says …" then "the watchdog notes …": a speaking organization is in the foreground
                art.mentions.add(cs, speaker.name, speaker.kind, prominent=True)
            if speaker.kind == "person":
                # "Mr Pointon said": the honorific is kept for "he" and "she" later
                said_as = (speaker.resolved_from or "").split(None, 1)
                title = said_as[0] if len(said_as) > 1 and said_as[0].lower().strip(".") in _GENDERED else ""
                art.mentions.add(cs, speaker.name, "person", title, prominent=True)
                if speaker.descriptor:
                    art.mentions.describe(speaker.name, speaker.descriptor)
            if speaker.resolved_from:
                features.append(f"resolved:{speaker.resolved_from}")
        elif (share >= 0.6 or share_here >= 0.6) and art.last_quote is not None:
            # a quotation that goes on without a cue keeps the speaker of the one before
            prev = art.last_quote
            attribution = AttributionDraft(prev.speaker, None, "direct", prev.descriptor, prev.via)
            features.append("continued quotation")
            rule = "continued quotation"
        elif share >= 0.9 and text[ss] in _OPENING:
            # "Maria Lopez, the head of the charity, was blunt.¶“The system has failed.”": a quotation with no
            # cue at all is the person the sentence before was about
            hit = art.mentions.foreground_person(ss)
            if hit:
                attribution = AttributionDraft(art.mentions.draft(*hit), None, "direct")
                features.append("quotation after its speaker's sentence")
                rule = "quotation after its speaker's sentence"
        if attribution is None:
            attribution = AttributionDraft(_draft(art, speaker), cue_word, mode,
                                           speaker.descriptor if speaker else None, via)
        if attribution.speaker is not None:
            # "She said …. “We have made a firm commitment.”": a quotation with no cue of its own goes on
            # in the voice of whoever spoke last
            art.last_quote = attribution if attribution.mode == "direct" else AttributionDraft(
                attribution.speaker, None, "direct", attribution.descriptor, attribution.via)
        elif share < 0.3:
            art.last_quote = None
        _claim(art, cs, ce, attribution, rule, features, values, starts, same_sentence=connector == "caveat")


_SUBJECT_WORDS = re.compile(r"[A-Za-z][\w-]{3,}")
_NOT_SOURCE_WORDS = frozenset("that this these those their count figures figure data numbers number tally toll "
                              "survey poll".split())


def verify_end(clause: str, phrase: str) -> int:
    at = clause.find(phrase)
    return at + len(phrase) if at >= 0 else 0


def _figure_before(claims: list[ClaimDraft], subject: str, reach: int = 6, default: int | None = None) -> int | None:
    """The nearest claim before, within ``reach``, that carries a number; one from the source the caveat's
    subject names ("The ministry's count") first, and a survey's or poll's for a margin of error."""
    recent = range(len(claims) - 1, max(-1, len(claims) - 1 - reach), -1)
    figured = [k for k in recent if claims[k].kind != "caveat"
               and any(v.type in ("quantity", "quantity_range") for v in claims[k].values)]
    words = {w.lower().removesuffix("’s").removesuffix("'s") for w in _SUBJECT_WORDS.findall(subject)}
    words -= _NOT_SOURCE_WORDS
    if words:
        for k in figured:
            sp = claims[k].attribution.speaker
            named = (sp.name + " " + (claims[k].attribution.descriptor or "")).lower() if sp else ""
            if any(w in named for w in words):
                return k
    if figured:
        return figured[0]
    return default if default is not None else (len(claims) - 1 if claims else None)


def _quotes_words(regions, start: int, end: int, n: int) -> bool:
    """Whether a quotation of at least ``n`` words lies in ``[start, end)`` (not a scare-quoted word)."""
    return any(s >= start and e <= end and e - s > 6 * n for s, e in regions)


def _claim(art: _Article, cs: int, ce: int, attribution: AttributionDraft, rule: str, features: list[str],
           values: list[ValueDraft], starts: list[int], same_sentence: bool = False) -> None:
    text = art.text
    clause = text[cs:ce]
    i = bisect_left(starts, cs)
    mine = []
    while i < len(values) and values[i].start < ce:
        if values[i].end <= ce:
            mine.append(values[i])
        i += 1
    claims = art.result.claims
    caveat_of = None
    kind = None
    verify = verification_caveat(clause)
    unsure = None if verify else uncertainty_caveat(clause)
    limit = None if verify or unsure else limit_caveat(clause)
    if limit:
        # "The survey had a margin of error …", "The ministry's count does not distinguish …": a caveat on the
        # figure that source gave, the nearest before it
        kind = "caveat"
        features.append(f"caveat:{limit}")
        caveat_of = _figure_before(claims, clause[: clause.find(limit)] if limit in clause else "")
    elif verify or unsure:
        kind = "caveat"
        features.append(f"caveat:{verify or unsure}")
        if verify:
            # a verification caveat qualifies the latest claim someone made, else the claim before it
            recent = claims[-1:] if same_sentence else claims[-3:]
            target = next((len(claims) - len(recent) + k for k in range(len(recent) - 1, -1, -1)
                           if recent[k].attribution.mode != "outlet" and recent[k].kind != "caveat"), None)
            caveat_of = target if target is not None else (len(claims) - 1 if claims else None)
            if FIGURES.search(clause, verify_end(clause, verify)) and not same_sentence:
                # "… could not independently verify the figures": the nearest claim that gave figures
                caveat_of = _figure_before(claims, "", reach=4, default=caveat_of)
            attribution = AttributionDraft(None, verify.strip(), "outlet")
    elif claims and "caution" in clause and _CAUTION.search(clause):
        # "…, though it cautioned that the figure could change": a caveat on the figure just given
        kind = "caveat"
        features.append("caveat:cautioned")
        if len(claims) > art.sentence_start:
            caveat_of = len(claims) - 1
        else:
            recent = range(len(claims) - 1, max(-1, len(claims) - 4), -1)
            caveat_of = next((k for k in recent if any(v.type.startswith("quantity") for v in claims[k].values)),
                             len(claims) - 1)
    # "could not be verified" states a limit of the reporting; it is not a hedged assertion
    is_hedged = kind != "caveat" and hedged(clause)
    if is_hedged:
        features.append("hedged")
    types = {v.type for v in mine}
    if kind is None:
        if attribution.mode == "direct":
            kind = "quote"
        elif types & {"quantity", "quantity_range"}:
            kind = "quantity"
        elif types & {"date", "date_range"} and any(v.date for v in mine):
            kind = "date"
        elif types & {"duration"}:
            kind = "quantity"
        elif (attribution.cue or "").lower() in _POSITION_CUES or is_hedged:
            kind = "position"
        else:
            kind = "event"
    features += [f"value:{v.type}" for v in mine]
    worth = 0.45 + 0.25 * bool(mine) + 0.15 * (attribution.speaker is not None) + 0.1 * (kind == "caveat") \
        - 0.15 * is_hedged
    claims.append(ClaimDraft(
        cs, ce, kind, check_worthiness=round(max(0.05, min(1.0, worth)), 2), hedged=is_hedged,
        attribution=attribution, values=tuple(mine), caveat_of=caveat_of,
        reason={"rule": rule, "features": features},
    ))
