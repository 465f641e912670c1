"""Scoring extracted claims against hand-made gold annotations (the format of ../shared/gold/README.md).

Pure: gold rows and claim records (the export's shape) in, figures out; no database, no files. A gold
claim is *found* when its anchor lies inside an extracted claim's quote, white space and quotation marks
folded; the narrowest such claim is the one judged for distinctness and speaker.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from .errors import TrackerError

GOLD_KINDS = frozenset({"quantity", "date", "event", "quote", "position", "caveat", "not_a_claim"})
_QUOTE_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s-]")
# words that do not tell two names apart ("the Institute for the Study of War" = "Institute for …")
_NAME_NOISE = frozenset("the a an of in for at and to on its their his her".split())
# a speaker given only as a pronoun was never resolved: it names nobody
_PRONOUNS = frozenset("he she it they him her them we i you this that".split())


class GoldError(TrackerError):
    """A gold file that cannot be read: names the file, the line and what is wrong."""


@dataclass(frozen=True, slots=True)
class GoldClaim:
    doc: str
    anchor: str
    kind: str
    speaker: str | None = None
    also_speakers: tuple[str | None, ...] = ()
    values: tuple[dict[str, Any], ...] = ()
    caveat_of: str | None = None
    optional: bool = False

    @property
    def required(self) -> bool:
        return self.kind != "not_a_claim" and not self.optional


@dataclass(frozen=True, slots=True)
class GoldLink:
    a: tuple[str, str]
    b: tuple[str, str]
    relation: str


@dataclass
class Score:
    docs: int = 0
    predicted: int = 0
    gold_required: int = 0
    recall: float = 0.0
    precision: float = 0.0
    distinct: float = 0.0
    speaker_acc: float = 0.0
    value_acc: float = 0.0
    caveats_ok: int = 0
    caveats_total: int = 0
    links_ok: int | None = None
    links_total: int | None = None
    misses: list[str] = field(default_factory=list)
    speaker_wrong: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    value_wrong: list[tuple[str, str | None]] = field(default_factory=list)
    false_pos: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """The one-line figures, in the order and names score.py prints them."""
        out: dict[str, Any] = {
            "docs": self.docs, "predicted": self.predicted, "gold_required": self.gold_required,
            "recall": round(self.recall, 3), "precision": round(self.precision, 3),
            "distinct": round(self.distinct, 3), "speaker_acc": round(self.speaker_acc, 3),
            "value_acc": round(self.value_acc, 3), "caveat_links": f"{self.caveats_ok}/{self.caveats_total}",
        }
        if self.links_total is not None:
            out["links"] = f"{self.links_ok}/{self.links_total}"
        return out


def fold(text: str | None) -> str:
    """Text as compared: NFKC, curly quotes straightened, runs of white space made one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text or "").translate(_QUOTE_FOLD)).strip()


def _name_words(name: str) -> list[str]:
    return [w for w in _NON_WORD.sub(" ", fold(name).lower()).split() if w not in _NAME_NOISE]


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Whether an extracted speaker names the gold one: one's words contain the other's, or the two are
    spelt nearly alike ("Zelenskiy"/"Zelenskyy"). None matches only None; a bare pronoun matches nothing."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    p, g = _name_words(predicted), _name_words(gold)
    if not p or not g or (len(p) == 1 and p[0] in _PRONOUNS):
        return False
    if set(p) <= set(g) or set(g) <= set(p):
        return True
    return fuzz.ratio(" ".join(p), " ".join(g)) >= 80


def _close(a: float, b: float) -> bool:
    tolerance = 5e-4 if abs(b) < 1 else 1e-6 * abs(b)
    return abs(a - b) <= tolerance


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def value_matches(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Whether an extracted value carries a gold value, normalized the same. A partial gold date (2022-07)
    is matched by any date inside it; a fraction may be given as a share (0.2) or a percentage (20)."""
    kind, ptype = gold.get("type"), predicted.get("type")
    if kind == "date":
        start = predicted.get("value") if ptype == "date" else predicted.get("start") if ptype == "date_range" else None
        return start is not None and str(start).startswith(str(gold.get("value")))
    if kind == "date_range":
        return ptype == "date_range" and str(predicted.get("start")) == str(gold.get("start")) \
            and str(predicted.get("end")) == str(gold.get("end"))
    if kind == "quantity":
        v, g = _number(predicted.get("value")), _number(gold.get("value"))
        if ptype not in ("quantity", "duration") or v is None or g is None:
            return False
        return _close(v, g) or (abs(g) < 1 and _close(v, g * 100))
    if kind == "quantity_range":
        lo, hi = _number(predicted.get("low")), _number(predicted.get("high"))
        return ptype == "quantity_range" and lo is not None and hi is not None \
            and abs(lo - float(gold["low"])) < 1e-6 and abs(hi - float(gold["high"])) < 1e-6
    return False


def _objects(lines: Iterable[str], source: str) -> Iterator[tuple[str, dict]]:
    """Each non-blank line's JSON object, with where it stands ("gold.jsonl:12") for error messages."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise GoldError(f"{where}: each line must be a JSON object")
        yield where, row


def parse_gold(lines: Iterable[str], source: str = "gold") -> list[GoldClaim]:
    """Gold claims from JSON Lines; a bad line raises :class:`GoldError` naming it."""
    rows = []
    for where, row in _objects(lines, source):
        missing = [k for k in ("doc", "anchor", "kind") if not row.get(k)]
        if missing:
            raise GoldError(f"{where}: missing {', '.join(missing)}")
        if row["kind"] not in GOLD_KINDS:
            raise GoldError(f"{where}: unknown kind {row['kind']!r} (one of {', '.join(sorted(GOLD_KINDS))})")
        rows.append(GoldClaim(
            doc=row["doc"], anchor=row["anchor"], kind=row["kind"], speaker=row.get("speaker"),
            also_speakers=tuple(row.get("also_speakers") or ()), values=tuple(row.get("values") or ()),
            caveat_of=row.get("caveat_of"), optional=bool(row.get("optional")),
        ))
    return rows


def parse_gold_links(lines: Iterable[str], source: str = "gold links") -> list[GoldLink]:
    links = []
    for where, row in _objects(lines, source):
        try:
            links.append(GoldLink(tuple(row["a"]), tuple(row["b"]), row["relation"]))
        except (KeyError, TypeError, ValueError) as exc:
            expected = '{"a": [doc, anchor], "b": [doc, anchor], "relation": …}'
            raise GoldError(f"{where}: expected {expected}") from exc
    return links


def doc_name(record: dict[str, Any]) -> str:
    """The base file name a claim record came from."""
    name = (record.get("source") or {}).get("name") or ""
    return name.replace("\\", "/").rsplit("/", 1)[-1]


class _Index:
    """Extracted claims by document with their folded quotes, for anchor look-ups."""

    def __init__(self, records: list[dict[str, Any]]):
        self.by_doc: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for r in records:
            self.by_doc.setdefault(doc_name(r), []).append((fold(r.get("quote")), r))

    def covering(self, doc: str, anchor: str) -> list[tuple[str, dict[str, Any]]]:
        """Claims whose quote holds the anchor, narrowest first."""
        a = fold(anchor)
        return sorted((c for c in self.by_doc.get(doc, []) if a in c[0]), key=lambda c: len(c[0]))


def score(gold: list[GoldClaim], records: list[dict[str, Any]], gold_links: list[GoldLink] | None = None,
          links: list[dict[str, Any]] | None = None) -> Score:
    """Score claim records (only those from documents the gold annotates) against gold claims."""
    docs = {g.doc for g in gold}
    records = [r for r in records if doc_name(r) in docs]
    index = _Index(records)
    result = Score(docs=len(docs), predicted=len(records))
    required = [g for g in gold if g.required]
    result.gold_required = len(required)
    anchors_by_doc: dict[str, list[str]] = {}
    for g in required:
        anchors_by_doc.setdefault(g.doc, []).append(fold(g.anchor))
    found = distinct = speakers_ok = values_total = values_ok = 0
    for g in required:
        cover = index.covering(g.doc, g.anchor)
        if not cover:
            result.misses.append(g.anchor)
            continue
        found += 1
        quote, best = cover[0]
        if sum(a in quote for a in anchors_by_doc[g.doc]) == 1:
            distinct += 1
        att = best.get("attribution") or {}
        named = [att.get("speaker"), *(att.get("via") or [])]
        accepted = [g.speaker, *g.also_speakers]
        if any(same_speaker(n, a) for a in accepted if a is not None for n in named if n) or (
                None in accepted and att.get("speaker") is None):
            speakers_ok += 1
        else:
            result.speaker_wrong.append((g.anchor, g.speaker, att.get("speaker")))
        for gv in g.values:
            values_total += 1
            if any(value_matches(gv, pv) for _q, r in cover for pv in r.get("values") or []):
                values_ok += 1
            else:
                result.value_wrong.append((g.anchor, gv.get("text")))
        if g.caveat_of:
            result.caveats_total += 1
            targets = {r.get("id") for _q, r in index.covering(g.doc, g.caveat_of)}
            if any(r.get("caveat_of") in targets for _q, r in cover if r.get("caveat_of") is not None):
                result.caveats_ok += 1
    result.recall = found / len(required) if required else 0.0
    result.distinct = distinct / found if found else 0.0
    result.speaker_acc = speakers_ok / found if found else 0.0
    result.value_acc = values_ok / values_total if values_total else 0.0
    result.precision = _precision(gold, index, result)
    if gold_links is not None:
        result.links_total, result.links_ok = len(gold_links), _links_found(gold_links, links or [], index)
    return result


def _precision(gold: list[GoldClaim], index: _Index, result: Score) -> float:
    """Share of extracted claims that hold a required gold claim; those holding only optional ones are
    left out, those holding page furniture or nothing count against."""
    hits = misses = 0
    for doc, claims in index.by_doc.items():
        furniture = [fold(g.anchor) for g in gold if g.doc == doc and g.kind == "not_a_claim"]
        annotated = [(fold(g.anchor), g.required) for g in gold if g.doc == doc and g.kind != "not_a_claim"]
        for quote, _record in claims:
            if any(f in quote or quote in f for f in furniture):
                misses += 1
                result.false_pos.append(quote[:90])
                continue
            covered = [req for anchor, req in annotated if anchor in quote]
            if any(covered):
                hits += 1
            elif not covered:
                misses += 1
                result.false_pos.append(quote[:90])
    return hits / (hits + misses) if hits + misses else 0.0


def _links_found(gold_links: list[GoldLink], links: list[dict[str, Any]], index: _Index) -> int:
    ok = 0
    for gl in gold_links:
        a = {r.get("id") for _q, r in index.covering(*gl.a)}
        b = {r.get("id") for _q, r in index.covering(*gl.b)}
        if any(link.get("relation") == gl.relation and ((link.get("a") in a and link.get("b") in b)
                                                        or (link.get("a") in b and link.get("b") in a))
               for link in links):
            ok += 1
    return ok
