"""Which outlet said what: per cluster of matching claims, per outlet, per speaker."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..analysis import clusters_of
from ..analysis.values import describe
from ..models import Claim, ClaimLink
from .claims import list_claims
from .link import as_one_source, fact_of
from .views import UNKNOWN_OUTLET, outlet_name

AUDIT_CSV_FIELDS = ("section", "name", "claims", "outlets", "speakers", "relays", "values", "sources", "kinds",
                    "attributed_share", "caveats", "modes", "relations")


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


def build_audit(session: Session) -> dict[str, Any]:
    claims = list_claims(session)
    by_id = {c.id: c for c in claims}
    links = live_links(session)
    facts = as_one_source(session, [fact_of(c) for c in claims])
    clusters = []
    for n, cluster in enumerate(clusters_of(facts, [(link.a_id, link.b_id, link.relation) for link in links]), start=1):
        per_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for fact in cluster.claims:
            claim = by_id[fact.id]
            per_outlet[_outlet(claim)].append({
                "id": claim.id, "quote": claim.quote, "speaker": _speaker(claim), "via": _relays(claim),
                "values": [describe(v) for v in fact.values], "status": claim.status})
        clusters.append({
            "cluster": n, "claims": [f.id for f in cluster.claims], "independence": cluster.independence,
            "independent_sources": sorted(cluster.origins),
            "relations": dict(Counter(rel for _, _, rel in cluster.links)),
            "outlets": [{"outlet": o, "claims": per_outlet[o]} for o in sorted(per_outlet)]})
    return {"clusters": clusters, "outlets": _outlets(claims), "speakers": _speakers(claims)}


def _outlets(claims: list[Claim]) -> list[dict[str, Any]]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        groups[_outlet(c)].append(c)
    out = []
    for outlet in sorted(groups):
        group = groups[outlet]
        attributed = sum(1 for c in group if _speaker(c) or _relays(c))
        out.append({
            "outlet": outlet, "documents": len({c.document_id for c in group}), "claims": len(group),
            "kinds": dict(sorted(Counter(c.kind for c in group).items())),
            "attributed": attributed, "own_voice": len(group) - attributed,
            "attributed_share": round(attributed / len(group), 3) if group else 0.0,
            "relays": dict(Counter(r for c in group for r in _relays(c)).most_common()),
            "caveats": [{"id": c.id, "quote": c.quote, "qualifies": c.caveat_of_id}
                        for c in group if c.kind == "caveat"],
        })
    return out


def _speakers(claims: list[Claim]) -> list[dict[str, Any]]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        for name in filter(None, (_speaker(c), *_relays(c))):
            groups[name].append(c)
    out = []
    for name in sorted(groups, key=lambda n: (-len(groups[n]), n)):
        group = groups[name]
        entity = next((c.attribution.speaker for c in group if c.attribution and _speaker(c) == name), None)
        atts = [c.attribution for c in group if c.attribution]
        out.append({
            "speaker": name, "kind": entity.kind if entity else "outlet", "claims": len(group),
            "as_speaker": sum(1 for c in group if _speaker(c) == name),
            "as_relay": sum(1 for c in group if name in _relays(c)),
            "outlets": dict(Counter(_outlet(c) for c in group).most_common()),
            "modes": dict(Counter(att.mode for att in atts).most_common()),
            "cues": dict(Counter(att.cue for att in atts if att.cue).most_common()),
            "descriptors": sorted({att.descriptor for att in atts if att.descriptor}),
        })
    return out


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
