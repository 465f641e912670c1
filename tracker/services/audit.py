"""Which outlet said what: per cluster of matching claims, per outlet, per speaker."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..analysis import clusters_of
from ..analysis.values import describe
from ..models import Claim, ClaimLink, Document
from .claims import BATCH, live_link_rows, loaded_in_order
from .link import as_one_source, fact_of
from .second_review import agreement_figures
from .versions import edits_after_publication
from .views import UNKNOWN_OUTLET, outlet_name

AUDIT_CSV_FIELDS = ("section", "name", "claims", "outlets", "speakers", "relays", "values", "sources", "kinds",
                    "attributed_share", "caveats", "modes", "relations", "agreed", "raw_agreement", "kappa")


def live_links(session: Session) -> list[ClaimLink]:
    """Links a reviewer has not dismissed."""
    stmt = select(ClaimLink).where(or_(ClaimLink.decision.is_(None), ClaimLink.decision != "dismissed"))
    return list(session.scalars(stmt.order_by(ClaimLink.id)))


def _speaker(claim: Claim) -> str | None:
    att = claim.attribution
    return att.speaker.name if att and att.speaker else None


def _relays(claim: Claim) -> list[str]:
    att = claim.attribution
    return [r.entity.name for r in att.relays] if att else []


def _outlet(claim: Claim) -> str:
    doc = claim.document
    return outlet_name(doc) or f"{UNKNOWN_OUTLET} ({doc.origin})"


def build_audit(session: Session, batch: int = BATCH) -> dict[str, Any]:
    """The audit, from one pass over the claims ``batch`` at a time: outlets and speakers are tallied as the
    claims go by, and only the linked claims (those that can be in a cluster) are kept, as plain values."""
    links = live_link_rows(session)
    linked = {x for link in links for x in (link.a_id, link.b_id)}
    # an article's current version: an older one's claims are history (see the edits section)
    order = session.scalars(select(Claim.id).join(Document, Claim.document_id == Document.id)
                            .where(Document.current.is_(True)).order_by(Claim.document_id, Claim.start, Claim.id))
    outlets: dict[str, _OutletTally] = defaultdict(_OutletTally)
    speakers: dict[str, _SpeakerTally] = defaultdict(_SpeakerTally)
    facts, entries = [], {}
    for claim in loaded_in_order(session, list(order), batch):
        outlet = _outlet(claim)
        outlets[outlet].add(claim)
        for name in filter(None, (_speaker(claim), *_relays(claim))):
            speakers[name].add(claim, name, outlet)
        if claim.id in linked:
            fact = fact_of(claim)
            facts.append(fact)
            entries[claim.id] = (outlet, {
                "id": claim.id, "quote": claim.quote, "speaker": _speaker(claim), "via": _relays(claim),
                "values": [describe(v) for v in fact.values], "status": claim.status})
    clusters = []
    for n, cluster in enumerate(clusters_of(as_one_source(session, facts),
                                            [(link.a_id, link.b_id, link.relation) for link in links]), start=1):
        per_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for fact in cluster.claims:
            outlet, entry = entries[fact.id]
            per_outlet[outlet].append(entry)
        clusters.append({
            "cluster": n, "claims": [f.id for f in cluster.claims], "independence": cluster.independence,
            "independent_sources": sorted(cluster.origins),
            "relations": dict(Counter(rel for _, _, rel in cluster.links)),
            "outlets": [{"outlet": o, "claims": per_outlet[o]} for o in sorted(per_outlet)]})
    return {"clusters": clusters,
            "outlets": [outlets[name].record(name) for name in sorted(outlets)],
            "speakers": [speakers[name].record(name)
                         for name in sorted(speakers, key=lambda n: (-speakers[n].claims, n))],
            # double review: how often two reviewers of one claim agreed (per pair and overall, with kappa)
            "agreement": agreement_figures(session),
            "edits": edits_after_publication(session)}


@dataclass(slots=True)
class _OutletTally:
    """One outlet's figures, added up claim by claim."""

    documents: set[int] = field(default_factory=set)
    claims: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    attributed: int = 0
    relays: Counter[str] = field(default_factory=Counter)
    caveats: list[dict[str, Any]] = field(default_factory=list)

    def add(self, c: Claim) -> None:
        self.documents.add(c.document_id)
        self.claims += 1
        self.kinds[c.kind] += 1
        relays = _relays(c)
        self.attributed += bool(_speaker(c) or relays)
        self.relays.update(relays)
        if c.kind == "caveat":
            self.caveats.append({"id": c.id, "quote": c.quote, "qualifies": c.caveat_of_id})

    def record(self, outlet: str) -> dict[str, Any]:
        return {
            "outlet": outlet, "documents": len(self.documents), "claims": self.claims,
            "kinds": dict(sorted(self.kinds.items())),
            "attributed": self.attributed, "own_voice": self.claims - self.attributed,
            "attributed_share": round(self.attributed / self.claims, 3) if self.claims else 0.0,
            "relays": dict(self.relays.most_common()), "caveats": self.caveats,
        }


@dataclass(slots=True)
class _SpeakerTally:
    """One speaker's (or relay's) figures, added up claim by claim; a claim naming them twice counts twice."""

    claims: int = 0
    as_speaker: int = 0
    as_relay: int = 0
    #: the kind of the first entity that speaks under this name; None while only relays are seen
    kind: tuple[str | None] | None = None
    outlets: Counter[str] = field(default_factory=Counter)
    modes: Counter[str] = field(default_factory=Counter)
    cues: Counter[str] = field(default_factory=Counter)
    descriptors: set[str] = field(default_factory=set)

    def add(self, c: Claim, name: str, outlet: str) -> None:
        att = c.attribution
        speaks = _speaker(c) == name
        self.claims += 1
        self.as_speaker += speaks
        self.as_relay += name in _relays(c)
        self.outlets[outlet] += 1
        if att:
            if speaks and self.kind is None and att.speaker is not None:
                self.kind = (att.speaker.kind,)
            self.modes[att.mode] += 1
            if att.cue:
                self.cues[att.cue] += 1
            if att.descriptor:
                self.descriptors.add(att.descriptor)

    def record(self, name: str) -> dict[str, Any]:
        return {
            "speaker": name, "kind": self.kind[0] if self.kind else "outlet", "claims": self.claims,
            "as_speaker": self.as_speaker, "as_relay": self.as_relay,
            "outlets": dict(self.outlets.most_common()), "modes": dict(self.modes.most_common()),
            "cues": dict(self.cues.most_common()), "descriptors": sorted(self.descriptors),
        }


def _join(mapping: dict[str, int] | list[str]) -> str:
    if isinstance(mapping, dict):
        return "; ".join(f"{k}: {v}" for k, v in mapping.items())
    return "; ".join(mapping)


def audit_rows(audit: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The audit flattened for CSV: one row per cluster, outlet and speaker; ``section`` says which."""
    for c in audit["clusters"]:
        claims = [x for o in c["outlets"] for x in o["claims"]]
        yield {"section": "cluster", "name": str(c["cluster"]), "claims": len(claims),
               "outlets": _join([o["outlet"] for o in c["outlets"]]),
               "speakers": _join(sorted({x["speaker"] for x in claims if x["speaker"]})),
               "relays": _join(sorted({r for x in claims for r in x["via"]})),
               "values": _join([f"{o['outlet']}: {v}" for o in c["outlets"] for x in o["claims"] for v in x["values"]]),
               "sources": c["independence"], "relations": _join(c["relations"])}
    for o in audit["outlets"]:
        yield {"section": "outlet", "name": o["outlet"], "claims": o["claims"], "relays": _join(o["relays"]),
               "kinds": _join(o["kinds"]), "attributed_share": o["attributed_share"], "caveats": len(o["caveats"])}
    for s in audit["speakers"]:
        yield {"section": "speaker", "name": s["speaker"], "claims": s["claims"], "outlets": _join(s["outlets"]),
               "modes": _join(s["modes"])}
    figures = audit.get("agreement") or {"overall": {"items": 0}, "pairs": []}
    for name, row in [("overall", figures["overall"]),
                      *((" + ".join(p["reviewers"]), p) for p in figures["pairs"])]:
        if row["items"]:
            yield {"section": "agreement", "name": name, "claims": row["items"], "agreed": row["agreed"],
                   "raw_agreement": row["raw_agreement"], "kappa": row["kappa"]}
    for o in audit.get("edits", []):
        for e in o["edits"]:
            yield {"section": "edit", "name": f"{e['origin']} v{e['version']} ({e['seen']})", "outlets": o["outlet"],
                   "claims": sum(e["outcomes"].values()), "relations": _join(e["outcomes"]),
                   "values": _join([f"{c['reason']}" for c in e["changed"]]),
                   "sources": _join([f"#{t['old_claim']} {t['verdict']}: {t['effect']}"
                                     for t in e["verdicts_touched"]])}
