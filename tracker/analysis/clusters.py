"""Clusters of matching claims and how many independent sources stand behind them.

Two outlets that both relay Tass are one source, not two: a claim's origin is the relay nearest the
outlet when there is one (that is where the outlet got it), else the speaker, else the outlet itself.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .facts import ClaimFact

# Wire services run by a state: when an article says "state media" it most often means one of these, so
# "via Tass" in one outlet and "state media reported" in another are counted as one upstream.
STATE_AGENCIES = frozenset({
    "tass", "ria novosti", "ria", "sputnik", "interfax", "xinhua", "kcna", "irna", "anadolu", "belta",
    "sana", "wafa", "ukrinform", "cctv", "rt",
})
_STATE_MEDIA = re.compile(
    r"\bstate(?:[- ]run|[- ]owned|[- ]controlled)?\s+(?:media|news|television|tv|agency|broadcaster)", re.I)


def _key(name: str) -> str:
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", name.strip().lower()))


def origin_key(name: str) -> str:
    """One key per upstream source; every state news agency and "state media" fold into one."""
    key = _key(name)
    if key in STATE_AGENCIES or _STATE_MEDIA.search(name):
        return "state media"
    return key


def origin_of(claim: ClaimFact) -> str:
    """Where the outlet got the claim: the relay nearest the outlet, else the speaker, else its own reporting."""
    if claim.via:
        return origin_key(claim.via[-1])
    if claim.speaker:
        return origin_key(claim.speaker)
    return f"own reporting of {claim.outlet or f'document {claim.document_id}'}".lower()


def independent_origins(claims: Iterable[ClaimFact]) -> set[str]:
    return {origin_of(c) for c in claims}


def independence_line(claims: Iterable[ClaimFact]) -> str:
    """"2 outlets, 1 independent source"."""
    claims = list(claims)
    outlets = {c.outlet for c in claims if c.outlet}
    unknown = {c.document_id for c in claims if not c.outlet}
    sources = independent_origins(claims)
    parts = [f"{len(outlets)} outlet{'s' * (len(outlets) != 1)}"] if outlets else []
    if unknown:
        parts.append(f"{len(unknown)} document{'s' * (len(unknown) != 1)} of unknown outlet")
    parts.append(f"{len(sources)} independent source{'s' * (len(sources) != 1)}")
    return ", ".join(parts)


@dataclass(slots=True)
class Cluster:
    """Claims joined by links, directly or through each other."""

    claims: list[ClaimFact]
    #: (a_id, b_id, relation) of the links inside the cluster
    links: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        return sorted({c.outlet or f"document {c.document_id}" for c in self.claims})

    @property
    def origins(self) -> set[str]:
        return independent_origins(self.claims)

    @property
    def independence(self) -> str:
        return independence_line(self.claims)

    @property
    def contradicted(self) -> bool:
        return any(rel == "contradicts" for _, _, rel in self.links)


def clusters_of(claims: Iterable[ClaimFact], links: Iterable[tuple[int, int, str]]) -> list[Cluster]:
    """Connected components over ``links`` (a, b, relation); claims without links are left out."""
    by_id = {c.id: c for c in claims}
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    kept = [(a, b, rel) for a, b, rel in links if a in by_id and b in by_id]
    for a, b, _ in kept:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, Cluster] = {}
    for a, b, rel in kept:
        root = find(a)
        cluster = groups.setdefault(root, Cluster([]))
        cluster.links.append((a, b, rel))
    for cid in sorted(parent):
        groups[find(cid)].claims.append(by_id[cid])
    return sorted(groups.values(), key=lambda c: min(x.id for x in c.claims))
