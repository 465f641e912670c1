"""Who asserts a clause: cue verbs, the speaker phrase before or after them, relays, direct or reported.

Works on a *masked* clause: quoted words are blanked out (same length), so a "said" inside a quotation is
never taken for a cue and offsets stay those of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .names import (
    KNOWN_OUTLETS,
    ORG_WORDS,
    OUTLET_WORDS,
    PRONOUNS,
    TITLES,
    Mentions,
    classify,
    runs,
    split_title,
)
from .wordre import alternation

# verbs of saying: their subject is the speaker whatever it is ("the ministry said")
_SAY = (
    "said|says|say|told|tells|added|adds|announced|announces|warned|warns|wrote|writes|reported|reports|"
    "claimed|claims|insisted|insists|proclaimed|proclaims|stated|states|explained|explains|noted|notes|"
    "argued|argues|stressed|stresses|confirmed|confirms|denied|denies|vowed|vows|pledged|pledges|promised|"
    "promises|predicted|predicts|estimated|estimates|acknowledged|acknowledges|admitted|admits|alleged|"
    "alleges|declared|declares|tweeted|asserted|asserts|maintained|maintains|cautioned|conceded|countered|"
    "replied|responded|revealed|disclosed|emphasised|emphasized|recalled|complained|defended|contended|"
    "observed|commented|remarked|announcing|warning|insisting|adding|telling|writing|claiming|arguing|"
    "saying|reporting|stressing|noting|declaring|proclaiming|acknowledging|predicting|"
    "urged|urges|asked|asks|"
    # verbs of judging: "the Tories dismissed the plan as desperate" is the Tories' position
    "dismissed|dismisses|described|describes|branded|brands|hailed|hails|praised|praises|criticised|"
    "criticized|criticises|criticizes|denounced|denounces|condemned|condemns|welcomed|welcomes|accused|accuses|"
    "blamed|blames")
# verbs of thinking: a cue only with a person, a name or a pronoun as subject ("analysts suggested",
# not "the data suggests")
_THINK = ("suggested|suggests|suggesting|believes|believed|believe|thinks|think|thought|expects|expected|"
          "expect|fears|feared|hopes|hoped|signalled|signaled|indicated|indicates")
# not inside a compound: "UN-condemned referendums" reports nobody's words
CUE = re.compile(rf"(?<![\w-]){alternation([*_SAY.split('|'), *_THINK.split('|'), 'according to', 'According to'])}\b")
_THINK_SET = frozenset(_THINK.split("|"))
_PARTICIPLE_LEAD = frozenset("saying adding insisting warning telling writing claiming arguing noting stressing "
                             "declaring proclaiming acknowledging predicting announcing".split())
# "urged X to do" and "asked X to do" are acts, not statements; they report speech only before "that",
# a colon, a quotation or a question word
_URGE = frozenset({"urged", "urges", "asked", "asks"})
_URGE_FOLLOWS = re.compile(r"\s*(?:that\b|:|[“\"_]|whether\b|if\b|why\b|how\b|what\b|when\b)")
# other participles report speech only before "that", a colon or a quotation ("adding to honours" does not)
_PARTICIPLE_FOLLOWS = re.compile(r"\s*(?:that\b|:|[“\"_,])")
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|was|were|are)\s+(?:\w+ly\s+|also\s+|not\s+)?$")
_NOT_A_VERB_BEFORE = re.compile(r"\b(?:to|a|an|the|its|their|his|her)\s+$")
_PARTICLE_AFTER = re.compile(r"\s+(?:back|up|out|off|away)\b")
SUBORDINATORS = frozenset(
    "once when after before if as while although though because since unless until despite given".split())
_AGENT = re.compile(r"\s+by\s+(?=[A-Z]|the\s|a\s|an\s|its\s|their\s)")
_TOKEN = re.compile(r"\d[\d,.]*\d|[\w’'.-]+|[^\w\s]")  # "100,000" is one token: its comma is no boundary
_BOUNDARY_WORDS = frozenset(
    "that which who whom whose while but or when as because after before if what where whereas although though "
    "so than since until unless whether once with amid despite".split())
_FILLER = frozenset(
    "also has have had previously earlier later repeatedly recently reportedly then now again further separately "
    "last late early this on monday tuesday wednesday thursday friday saturday sunday week month year "
    "yesterday today tonight never not n't always already once publicly privately subsequently initially "
    "himself herself itself themselves first soon quickly swiftly officially formally finally immediately "
    "promptly openly separately widely often still just".split())
# a subject does not hold these: "Interest in the IPO has been fuelled by hopes" names no speaker
_VERB_IN_PHRASE = re.compile(r"\b(?:is|are|was|were|has|have|had|been|will|would|could|should|can|may|might|"
                             r"must|did|does|do)\b")
_PREPOSITIONS = frozenset(
    "with of in on at by for from to against over about into onto among between toward towards under "
    "within without".split())
_ANIMATE = re.compile(
    r"(?:officials?|analysts?|experts?|observers?|authorities|lawmakers|ministers?|leaders?|critics|residents|"
    r"sources|diplomats|investigators|police|prosecutors|researchers|scientists|economists|people|voters|"
    r"spokes(?:man|woman|person)|governments?|president|west|allies|campaigners|activists|officers|troops|"
    r"members|executives|witnesses|doctors|bloggers|commentators|historians|strategists|planners|generals|"
    r"media|press|agency|agencies|outlets|newspapers?|broadcasters?|surveyed|respondents|"
    r"\w+(?:ists?|ers|ors|ians?|ents|ates))$", re.I)
_POST_CUES = frozenset(
    "said says added adds wrote writes told explained explains noted notes insisted warned argued claimed "
    "stressed declared proclaimed continued asked reported reports countered replied responded tweeted".split())
_PUNCT_STOP = ",;:“”\"()—–[]"


@dataclass(slots=True)
class Cue:
    """One attribution found in a clause: speaker phrase, cue, and where the phrase sits."""

    cue: str
    start: int  # of the cue, in text offsets
    end: int
    phrase: str | None = None
    phrase_start: int = -1
    position: str = "before"  # before / after / according / participle


def mask_quotes(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the inside of every quotation blanked: same length, same offsets."""
    chunk = list(text[start:end])
    for qs, qe in regions:
        a, b = max(qs + 1, start), min(qe - 1, end)
        for i in range(a, b):
            chunk[i - start] = " " if chunk[i - start].isspace() else "_"
    return "".join(chunk)


def _tokens(s: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _TOKEN.finditer(s)]


def _phrase_before(masked: str, cue_at: int) -> tuple[int, int, str]:
    """The noun phrase ending right before the cue: ``(start, end, boundary)`` in masked coordinates;
    the boundary says what stopped it (a punctuation mark, a word, or "" at the clause start)."""
    toks = _tokens(masked[:cue_at])
    i = len(toks) - 1
    # skip the auxiliaries and time words between subject and verb ("Pushilin late Thursday warned")
    while i >= 0 and (toks[i][1].lower() in _FILLER or (toks[i][1].endswith("ly") and toks[i][1].islower())):
        i -= 1
    end = toks[i][0] + len(toks[i][1]) if i >= 0 else 0
    j = i
    words = 0
    while j >= 0:
        tok = toks[j][1]
        low = tok.lower()
        if tok in _PUNCT_STOP or set(tok) == {"_"}:
            break
        if low in _BOUNDARY_WORDS:
            break
        # "and" ends the phrase, except between names: "the US and Europe"
        if low == "and" and not (j + 1 <= i and j > 0 and toks[j + 1][1][:1].isupper()
                                 and toks[j - 1][1][:1].isupper()):
            break
        words += 1
        if words > 14:
            return end, end, "too long"
        j -= 1
    start = toks[j + 1][0] if j + 1 <= i else end
    boundary = toks[j][1] if j >= 0 else ""
    return start, end, boundary


def _antecedent(masked: str, comma_at: int) -> tuple[int, int]:
    """The noun phrase a ", which"/", who" refers back to: the words after the last preposition or verb."""
    toks = _tokens(masked[:comma_at])
    j = len(toks) - 1
    n = 0
    while j >= 0 and n < 6:
        low = toks[j][1].lower()
        if toks[j][1] in _PUNCT_STOP or low in _PREPOSITIONS or low in _BOUNDARY_WORDS or low.endswith("ed"):
            break
        n += 1
        j -= 1
    if j + 1 >= len(toks):
        return comma_at, comma_at
    return toks[j + 1][0], toks[-1][0] + len(toks[-1][1])


_REST = re.compile(r"\s*(.*?)\s*[.!?]*[\"”’')\]]*\s*$", re.S)
_APPOSITIVE = re.compile(r"\s*(?:a|an|the|its|his|her|their|one|[A-Z])")


def _phrase_after(masked: str, at: int) -> tuple[int, int]:
    """The speaker phrase after a cue or "according to": a name up to the first comma, and the appositive
    after it when there is one ("…, a research fellow at Chatham House"), not a new clause (", with …")."""
    m = _REST.match(masked, at)
    s, e = m.start(1), m.end(1)
    comma = masked.find(",", s, e)
    if comma < 0:
        return s, e
    rest = masked[comma + 1:e]
    nxt = rest.find(",")
    segment = rest if nxt < 0 else rest[:nxt]
    if _APPOSITIVE.match(segment) and not _FINITE_AFTER.search(segment) and len(segment.split()) <= 16:
        return s, comma + 1 + len(segment.rstrip())
    return s, comma


def find_cues(masked: str, offset: int) -> list[Cue]:
    """Every attribution cue in a masked clause with its speaker phrase (text offsets = masked + offset)."""
    cues: list[Cue] = []
    for m in CUE.finditer(masked):
        word = m.group()
        low = word.lower()
        if low in _URGE and not _URGE_FOLLOWS.match(masked, m.end()):
            continue
        cue = Cue(word, m.start() + offset, m.end() + offset)
        agent = _AGENT.match(masked, m.end())
        if agent:
            # "proposals announced by the Trade and Industry Secretary Patricia Hewitt": the agent speaks
            a, b = _phrase_after(masked, agent.end())
            if b > a:
                cue.phrase, cue.phrase_start, cue.position = masked[a:b], a + offset, "after"
                cues.append(cue)
            continue
        if _PASSIVE_BEFORE.search(masked, max(0, m.start() - 30), m.start()):
            continue  # "a 30GB version has also been added": passive, nobody speaks
        if _NOT_A_VERB_BEFORE.search(masked, max(0, m.start() - 8), m.start()) or \
                _PARTICLE_AFTER.match(masked, m.end()):
            continue  # "declined to say", "an estimated $125m", "reports back": no statement reported
        if low == "according to":
            s, e = _phrase_after(masked, m.end())
            if e > s:
                cue.phrase, cue.phrase_start, cue.position = masked[s:e], s + offset, "according"
                cues.append(cue)
            continue
        s, e, boundary = _phrase_before(masked, m.start())
        if e > s and boundary != "too long":
            phrase = masked[s:e]
            first = phrase.split(None, 1)[0].lower()
            if first in PRONOUNS and " " in phrase.strip():
                continue  # "he strengthened his selection claims": a noun, not a verb of saying
            if _VERB_IN_PHRASE.search(phrase) or (first.endswith("ed") and phrase[0].islower()):
                continue
            if (low.endswith("ing") or (" " not in phrase.strip() and phrase.strip().islower())) \
                    and not _animate(phrase):
                continue  # "incredibly sharp writing", "three warning letters": not someone speaking
            if low in _THINK_SET and not _animate(phrase):
                continue
            cue.phrase, cue.phrase_start = phrase, s + offset
            cues.append(cue)
            continue
        if boundary in ("which", "who") and e == s:
            # "…, which has warned": the speaker is what "which" refers to
            k = masked.rfind(",", 0, s)
            if k > 0 and not masked[k + 1:s].replace("which", "").replace("who", "").strip(" _"):
                a, b = _antecedent(masked, k)
                if b > a and (low not in _THINK_SET or _animate(masked[a:b])):
                    cue.phrase, cue.phrase_start = masked[a:b], a + offset
                    cues.append(cue)
            continue
        if low in _PARTICIPLE_LEAD or low.endswith("ing"):
            if low == "saying" or _PARTICIPLE_FOLLOWS.match(masked, m.end()):
                cue.position = "participle"
                cues.append(cue)
            continue
        if e == s and boundary in ("and", "but"):
            # "Nicola Sturgeon, welcomed the move but added that …": the sentence's subject speaks again
            cue.position = "participle"
            cues.append(cue)
            continue
        if low in _POST_CUES and boundary in (",", "”", "\"", "") and e == s:
            a, b = _phrase_after(masked, m.end())
            if _name_phrase(masked[a:b]):
                cue.phrase, cue.phrase_start, cue.position = masked[a:b], a + offset, "after"
                cues.append(cue)
                continue
        if boundary == "," and e == s:
            # "Kirill Stremousov, a top occupation official in Kherson, said": an appositive, then its head
            k = masked.rfind(",", 0, s - 1)
            if k > 0:
                hs, he, hb = _phrase_before(masked, k)
                if he > hs and hb != "too long":
                    cue.phrase, cue.phrase_start = masked[hs:s].rstrip(" ,"), hs + offset
                    cues.append(cue)
    return cues


_FINITE_AFTER = re.compile(
    r"\b(?:that|is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do|it|they|"
    r"he|she|we|there)\b|[’']s\b|_")


def _name_phrase(after: str) -> bool:
    """Whether the words after a cue name its speaker ("said Alexander Baunov, a senior fellow at …")
    rather than go on with what was said ("said the referendums are …", "said Monday that …")."""
    head = after.split(",", 1)[0]
    if not head.strip() or len(head.split()) > 12 or _FINITE_AFTER.search(head):
        return False
    first = head.split()[0]
    if first.lower() in _PREPOSITIONS or first.lower() in _FILLER:
        return False  # "…, said on Monday.": when, not who
    return first[0].isupper() or first.lower() in ("the", "a", "an", "its", "their", "his", "her") \
        or head.split()[-1][:1].isupper()


def _animate(phrase: str) -> bool:
    words = phrase.split()
    if not words:
        return False
    if words[-1].lower() in PRONOUNS:
        return True
    if any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper()
                                                    and words[0].lower() not in {"this", "that", "it"}):
        return True
    return bool(_ANIMATE.search(words[-1]))


@dataclass(slots=True)
class Speaker:
    name: str
    kind: str
    descriptor: str | None
    resolved_from: str | None = None  # the pronoun or surname the article used


def speaker_of(phrase: str, position: int, mentions: Mentions, recent: list[tuple[str, str]]) -> Speaker | None:
    """Turn a speaker phrase into a name: a pronoun or surname resolved, a title or appositive kept as
    the descriptor. ``recent`` holds the latest speakers (for "it" and "they")."""
    text = phrase.strip(" ,;:_")
    if text.endswith(".") and "." not in text.rsplit(None, 1)[-1][:-1]:
        text = text.rstrip(".")  # the sentence's period, not an abbreviation's ("the U.S.")
    if not text:
        return None
    low = text.lower()
    if low in PRONOUNS:
        want = PRONOUNS[low]
        if want == "person":
            hit = mentions.resolve(low, position)
            return Speaker(hit[0], hit[1], None, text) if hit else None
        for name, kind in reversed(recent):
            if (want == "org" and kind in ("organization", "outlet")) or (want == "group" and kind != "person"):
                return Speaker(name, kind, None, text)
        return None
    if low in {"this", "that", "which", "who", "what", "there"}:
        return None
    if _COORDINATED.match(text) and not any(w.lower() in ORG_WORDS or w.lower() in TITLES for w in text.split()):
        # "The US and Europe denounced …": both speak; the phrase names them together
        return Speaker(text, "group", None)
    person = mentions.role(text, position)
    if person:
        return Speaker(person, "person", None, text)
    source = _DOCUMENT_OF.match(text)
    if source and _DOCUMENT_SOURCE.search(text, source.end()):
        # "a statement from the ministry", "recent research by the Pew Internet Project": the author speaks
        found = speaker_of(text[source.end():], position, mentions, recent)
        if found is not None:
            return Speaker(found.name, found.kind, found.descriptor or text[: source.end()].strip(), text)
    # the descriptor is whatever of the phrase is not the name: the title, or an appositive after a comma
    best: tuple[str, str, int, int] | None = None
    org: tuple[str, str, int, int] | None = None
    for s, e, run, head_only in _with_heads(runs(text)):
        words = run.split()
        title, name = split_title(words)
        if not name:
            continue
        nm = " ".join(name)
        kind = classify(name)
        if len(name) == 1 and name[0] in mentions.surnames:
            nm, kind = mentions.surnames[name[0]], "person"
        elif len(name) == 1 and title and title[-1].lower().strip(".") in ("mr", "mrs", "ms", "miss", "dr"):
            kind = "person"  # "Mr Barrioneuvo": a person, though the article never gave a full name
        if e > s + len(run):
            continue  # "the head of President Zelenskyy’s office": the possessor is not the speaker
        if _MODIFIER_NEXT.match(text, s + len(run)):
            continue  # "Liberal Democrat spokeswoman Sandra Gidley": a name used as an adjective
        if head_only and kind != "person":
            continue  # only a person is named by the words before "of": "Institute of Sociology" is whole
        if kind == "person" and best is None:
            best = (nm, kind, s, e)
        elif kind in ("organization", "outlet") and org is None:
            lead = text[:s].lower().split()
            # "Russia's state news agency Tass" is Tass; "officials in Kherson" and "economists polled by
            # Reuters" are not Kherson or Reuters
            after_preposition = bool(lead) and lead[-1] in _PREPOSITIONS
            if not any(w in _PREPOSITIONS for w in lead) or (kind == "outlet" and not after_preposition):
                org = (nm, kind, s, e)
    chosen = best or org
    if chosen:
        nm, kind, s, e = chosen
        before, after = text[:s].strip(" ,"), text[e:].strip(" ,")
        if before.lower() in ("the", "a", "an"):
            before = ""  # "the Institute …": the article belongs to the name
        rest = re.sub(r"\s+", " ", ", ".join(p for p in (before, after) if p)) or None
        return Speaker(nm, kind, rest, None if nm == text else text)
    # a group named by description: "Officials in a strategic southern region", "state media"; it ends
    # where a participle, a relative clause or a verb begins ("a poll posing the question …")
    words = text.split(",", 1)[0].split()
    cut = next((i for i, w in enumerate(words) if i and w.islower() and (
        w.endswith("ing") or w in ("who", "which", "that", "whose") or _VERB_IN_PHRASE.fullmatch(w)
        or (w.endswith("ed") and len(w) > 4))), len(words))
    words = words[:cut]
    if len(words) > 10:
        words = words[:10]
    name = " ".join(words)
    kind = "outlet" if any(w.lower() in OUTLET_WORDS or w.lower() in KNOWN_OUTLETS for w in words) else "group"
    return Speaker(name, kind, None)


_COORDINATED = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+(?:and|&)\s+(?:the\s+)?"
                          r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*$")
_DOCUMENT_OF = re.compile(
    r"(?:(?:an?|the|its|their|his|her|a\s+new|recent|new|latest|official|preliminary|joint|written)\s+)*"
    r"(?:statement|report|post|tweet|video|letter|press\s+release|release|data|figures|survey|study|research|poll|"
    r"analysis|assessment|estimates?|documents?|filing|memo|transcript|interview|briefing|message|"
    r"announcement|update)s?\s+(?:\w+\s+)?(?:from|by|of|issued\s+by|released\s+by|published\s+by|"
    r"conducted\s+by|on\s+behalf\s+of)\s+", re.I)
_DOCUMENT_SOURCE = re.compile(r"\s*(?:the\s+)?[A-Z]")
_MODIFIER_NEXT = re.compile(r"\s+(?!(?:of|at|for|from|in|on|and|or|who|which|with|to|by|the|a|an)\b)[a-z]")
_OF = re.compile(r"\s(?:of|for|at|from|on)\s")


def _with_heads(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str, bool]]:
    """Each run, preceded by its words before "of"/"at" when it has them (flagged as such): "Lutsevych of
    Chatham House" is Lutsevych, of Chatham House, when Lutsevych is a person."""
    out = []
    for s, e, run in found:
        m = _OF.search(run)
        if m:
            out.append((s, s + m.start(), run[: m.start()], True))
        out.append((s, e, run, False))
    return out


def is_relay(speaker: Speaker | None, cue: str) -> bool:
    """Whether a speaker is passing on what someone else said: a news outlet, or a "reported" cue."""
    if speaker is None:
        return False
    return speaker.kind == "outlet" or cue.lower() in ("reported", "reports", "reporting")
