"""A clause becomes a claim: its values, its kind, whether it is a caveat (and of which claim), whether it is
hedged, and how worth checking it is."""
from __future__ import annotations

import re
from bisect import bisect_left

from .caveats import FIGURES, hedged, limit_caveat, uncertainty_caveat, verification_caveat
from .context import Article
from .drafts import AttributionDraft, ClaimDraft, ValueDraft
from .lexicon import en, forms_with
from .wordre import alternation

_POSITION_CUES = forms_with("stance")
_CAUTION = re.compile(r"\bcaution(?:ed|s|ing)?\s+that\b")
# "It warned that the total could still climb": the figure just given may change
_FIGURE_MAY_CHANGE = re.compile(
    rf"\bthe\s+(?:[\w-]+\s+){{0,2}}(?:{alternation(en.ESTIMATE_NOUNS)})\s+(?:could|may|might|is\s+likely\s+to|"
    rf"was\s+likely\s+to|would\s+probably)\s+(?:still\s+|yet\s+|further\s+)?(?:{alternation(en.FIGURE_CHANGES)})\b")
_MODAL = re.compile(r" (?:could|may|might|likely|probably) ")  # a cheap test before _FIGURE_MAY_CHANGE
_SUBJECT_WORDS = re.compile(r"[A-Za-z][\w-]{3,}")

# check-worthiness: a base, raised by what a checker can check (a value, a named source, a caveat to weigh),
# lowered by hedging, kept within [FLOOR, 1]
WORTH_BASE = 0.45
WORTH_VALUE = 0.25
WORTH_SPEAKER = 0.15
WORTH_CAVEAT = 0.1
WORTH_HEDGED = -0.15
WORTH_FLOOR = 0.05


def verify_end(clause: str, phrase: str) -> int:
    at = clause.find(phrase)
    return at + len(phrase) if at >= 0 else 0


def clause_values(art: Article, cs: int, ce: int) -> list[ValueDraft]:
    """The values that lie wholly inside ``[cs, ce)``."""
    values, i = art.values, bisect_left(art.value_starts, cs)
    mine = []
    while i < len(values) and values[i].start < ce:
        if values[i].end <= ce:
            mine.append(values[i])
        i += 1
    return mine


def figure_before(claims: list[ClaimDraft], subject: str, reach: int = 6, default: int | None = None) -> int | None:
    """The nearest claim before, within ``reach``, that carries a number; one from the source the caveat's
    subject names ("The ministry's count") first, and a survey's or poll's for a margin of error."""
    recent = range(len(claims) - 1, max(-1, len(claims) - 1 - reach), -1)
    figured = [k for k in recent if claims[k].kind != "caveat"
               and any(v.type in ("quantity", "quantity_range") for v in claims[k].values)]
    words = {w.lower().removesuffix("’s").removesuffix("'s") for w in _SUBJECT_WORDS.findall(subject)}
    words -= en.NOT_SOURCE_WORDS
    if words:
        for k in figured:
            sp = claims[k].attribution.speaker
            named = (sp.name + " " + (claims[k].attribution.descriptor or "")).lower() if sp else ""
            if any(w in named for w in words):
                return k
    if figured:
        return figured[0]
    return default if default is not None else (len(claims) - 1 if claims else None)


def _verified_target(claims: list[ClaimDraft], clause: str, verify: str, same_sentence: bool) -> int | None:
    """A verification caveat qualifies the latest claim someone made, else the claim before it; one about
    figures ("could not independently verify the figures") the nearest claim that gave figures."""
    recent = claims[-1:] if same_sentence else claims[-3:]
    target = next((len(claims) - len(recent) + k for k in range(len(recent) - 1, -1, -1)
                   if recent[k].attribution.mode != "outlet" and recent[k].kind != "caveat"), None)
    caveat_of = target if target is not None else (len(claims) - 1 if claims else None)
    if FIGURES.search(clause, verify_end(clause, verify)) and not same_sentence:
        caveat_of = figure_before(claims, "", reach=4, default=caveat_of)
    return caveat_of


def _cautioned_target(art: Article) -> int:
    """"…, though it cautioned that the figure could change": the figure just given."""
    claims = art.result.claims
    if len(claims) > art.sentence_start:
        return len(claims) - 1
    recent = range(len(claims) - 1, max(-1, len(claims) - 4), -1)
    return next((k for k in recent if any(v.type.startswith("quantity") for v in claims[k].values)), len(claims) - 1)


def caveat(art: Article, clause: str, same_sentence: bool) -> tuple[str, int | None, bool] | None:
    """(what makes the clause a caveat, the index of the claim it qualifies, whether the outlet says it), or
    None when the clause is no caveat."""
    claims = art.result.claims
    verify = verification_caveat(clause)
    if verify:
        return verify, _verified_target(claims, clause, verify, same_sentence), True
    unsure = uncertainty_caveat(clause)
    if unsure:
        return unsure, None, False  # "It was unclear whether …" qualifies the story, not one claim
    limit = limit_caveat(clause)
    if limit:
        # "The survey had a margin of error …", "The ministry's count does not distinguish …": a caveat on the
        # figure that source gave, the nearest before it
        return limit, figure_before(claims, clause[: clause.find(limit)] if limit in clause else ""), False
    if claims and "caution" in clause and _CAUTION.search(clause):
        return "cautioned", _cautioned_target(art), False
    change = _FIGURE_MAY_CHANGE.search(clause) if claims and _MODAL.search(clause) else None
    if change:
        return change.group(), _cautioned_target(art), False
    return None


def kind_of(attribution: AttributionDraft, values: list[ValueDraft], is_hedged: bool) -> str:
    """quote, quantity, date, position or event (a caveat is decided before)."""
    types = {v.type for v in values}
    if attribution.mode == "direct":
        return "quote"
    if types & {"quantity", "quantity_range"}:
        return "quantity"
    if types & {"date", "date_range"} and any(v.date for v in values):
        return "date"
    if types & {"duration"}:
        return "quantity"
    if (attribution.cue or "").lower() in _POSITION_CUES or is_hedged:
        return "position"
    return "event"


def worthiness(values: list[ValueDraft], attribution: AttributionDraft, kind: str, is_hedged: bool) -> float:
    worth = WORTH_BASE + WORTH_VALUE * bool(values) + WORTH_SPEAKER * (attribution.speaker is not None) \
        + WORTH_CAVEAT * (kind == "caveat") + WORTH_HEDGED * is_hedged
    return round(max(WORTH_FLOOR, min(1.0, worth)), 2)


def add_claim(art: Article, cs: int, ce: int, attribution: AttributionDraft, rule: str, features: list[str],
              same_sentence: bool = False) -> None:
    """Append the claim ``text[cs:ce]`` to the article's result."""
    clause = art.text[cs:ce]
    mine = clause_values(art, cs, ce)
    found = caveat(art, clause, same_sentence)
    caveat_of = None
    if found:
        phrase, caveat_of, outlet_says = found
        features.append(f"caveat:{phrase}")
        if outlet_says:
            attribution = AttributionDraft(None, phrase.strip(), "outlet")
    # "could not be verified" states a limit of the reporting; it is not a hedged assertion
    is_hedged = not found and hedged(clause)
    if is_hedged:
        features.append("hedged")
    kind = "caveat" if found else kind_of(attribution, mine, is_hedged)
    features += [f"value:{v.type}" for v in mine]
    art.result.claims.append(ClaimDraft(
        cs, ce, kind, check_worthiness=worthiness(mine, attribution, kind, is_hedged), hedged=is_hedged,
        attribution=attribution, values=tuple(mine), caveat_of=caveat_of,
        reason={"rule": rule, "features": features},
    ))
