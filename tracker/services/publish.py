"""Exports for the wider world: schema.org ClaimReview (JSON-LD) and the provenance graph as W3C PROV-JSON."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..models import Claim
from .claims import ClaimFilter, list_claims
from .views import claim_view, outlet_name

#: ClaimReview's numeric rating: worst 1 (contradicted) to best 3 (corroborated), with the words beside it
RATINGS = {"contradicted": (1, "Contradicted"), "unverified": (2, "Unverified"), "corroborated": (3, "Corroborated")}
NS = "urn:tracker:"


def _speaker_node(claim: Claim) -> dict[str, Any]:
    att = claim.attribution
    if att and att.speaker:
        kind = "Person" if att.speaker.kind == "person" else "Organization"
        return {"@type": kind, "name": att.speaker.name}
    return {"@type": "Organization", "name": outlet_name(claim.document) or claim.document.origin}


def claim_reviews(session: Session) -> dict[str, Any]:
    """One ClaimReview per reviewed claim (its latest verdict), as a JSON-LD graph."""
    reviews = []
    for claim in list_claims(session, ClaimFilter(all_versions=True)):  # a verdict on an older wording stands
        if claim.status not in RATINGS or not claim.verdicts:
            continue
        verdict = claim.verdicts[-1]
        value, words = RATINGS[claim.status]
        if verdict.label:  # the database's own status ("misleading"), rated as the verdict it stands for
            words = verdict.label[:1].upper() + verdict.label[1:]
        doc = claim.document
        appearance: dict[str, Any] = {"@type": "CreativeWork", "name": doc.title or doc.origin}
        if doc.origin.startswith(("http://", "https://")):
            appearance["url"] = doc.origin
        if doc.outlet:
            appearance["publisher"] = {"@type": "Organization", "name": doc.outlet.name}
        if doc.published:
            appearance["datePublished"] = doc.published.isoformat()
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "@id": f"{NS}claim/{claim.id}/review/{verdict.id}",
            "claimReviewed": claim.quote,
            "datePublished": verdict.created_at.date().isoformat(),
            "author": {"@type": "Person", "name": verdict.reviewer},
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 3, "worstRating": 1,
                             "alternateName": words},
            "itemReviewed": {"@type": "Claim", "author": _speaker_node(claim), "appearance": appearance,
                             **({"datePublished": doc.published.isoformat()} if doc.published else {})},
        }
        # every note of the history, not only the latest row's: a verdict, then a note, then evidence is the
        # normal flow, and the note is two rows back
        notes = claim_view(claim).notes
        body = "\n\n".join(n.note for n in notes if n.note)
        if body:
            review["reviewBody"] = body
        citations = list(dict.fromkeys(n.evidence for n in notes
                                       if n.evidence and n.evidence.startswith(("http://", "https://"))))
        if citations:
            review["citation"] = citations[0] if len(citations) == 1 else citations
        reviews.append(review)
    return {"@context": "https://schema.org", "@graph": reviews}


def provenance(session: Session, flt: ClaimFilter | None = None) -> dict[str, Any]:
    """PROV-JSON: documents and claims are entities; outlets, speakers and relays agents.

    A claim wasDerivedFrom its document and wasAttributedTo its speaker (or the outlet, in its own voice).
    A relay is PROV's wasQuotedFrom: PROV-JSON writes it as a wasDerivedFrom of type prov:Quotation, from
    the relay's report (an entity attributed to the relay) to the claim, or to the next relay's report.
    """
    entity: dict[str, Any] = {}
    agent: dict[str, Any] = {}
    attributed: dict[str, Any] = {}
    derived: dict[str, Any] = {}

    def add_agent(key: str, label: str, kind: str) -> str:
        agent.setdefault(key, {"prov:label": label, "prov:type": kind})
        return key

    for claim in list_claims(session, flt or ClaimFilter(all_versions=True)):
        doc = claim.document
        doc_id = f"tracker:document/{doc.id}"
        if doc_id not in entity:
            entity[doc_id] = {"prov:label": doc.title or doc.origin, "prov:type": "tracker:Document",
                              "tracker:origin": doc.origin, "tracker:sha256": doc.sha256,
                              **({"tracker:published": doc.published.isoformat()} if doc.published else {})}
            if doc.outlet:
                outlet = add_agent(f"tracker:outlet/{doc.outlet.id}", doc.outlet.name, "prov:Organization")
                attributed[f"_:attr-doc{doc.id}"] = {"prov:entity": doc_id, "prov:agent": outlet}
        claim_id = f"tracker:claim/{claim.id}"
        entity[claim_id] = {"prov:label": claim.quote, "prov:type": "tracker:Claim", "tracker:kind": claim.kind,
                            "tracker:start": claim.start, "tracker:end": claim.end, "tracker:status": claim.status}
        derived[f"_:der-claim{claim.id}"] = {"prov:generatedEntity": claim_id, "prov:usedEntity": doc_id}
        att = claim.attribution
        if att and att.speaker:
            speaker = add_agent(f"tracker:entity/{att.speaker.id}", att.speaker.name,
                                "prov:Person" if att.speaker.kind == "person" else "prov:Organization")
            attributed[f"_:attr-claim{claim.id}"] = {"prov:entity": claim_id, "prov:agent": speaker,
                                                     **({"tracker:cue": att.cue} if att.cue else {}),
                                                     "tracker:mode": att.mode}
        elif doc.outlet:
            attributed[f"_:attr-claim{claim.id}"] = {"prov:entity": claim_id,
                                                     "prov:agent": f"tracker:outlet/{doc.outlet.id}",
                                                     "tracker:mode": "outlet"}
        # relays, nearest the outlet first: the claim quotes the last relay's report, which quotes the one before
        quoting = claim_id
        for relay in reversed(att.relays if att else []):
            report = f"tracker:claim/{claim.id}/relay/{relay.position}"
            entity[report] = {"prov:label": f"{relay.entity.name}'s report", "prov:type": "tracker:RelayReport"}
            relay_agent = add_agent(f"tracker:entity/{relay.entity.id}", relay.entity.name, "prov:Organization")
            attributed[f"_:attr-relay{claim.id}-{relay.position}"] = {"prov:entity": report, "prov:agent": relay_agent}
            derived[f"_:quote{claim.id}-{relay.position}"] = {
                "prov:generatedEntity": quoting, "prov:usedEntity": report, "prov:type": "prov:Quotation",
                "prov:label": "wasQuotedFrom"}
            quoting = report
    return {
        "prefix": {"tracker": NS},
        "entity": entity,
        "agent": agent,
        "wasAttributedTo": attributed,
        "wasDerivedFrom": derived,
    }
