"""Across outlets: pure analysis of claims (no database, no UI).

Claims come in as :class:`ClaimFact` dataclasses; suggested links, clusters and independence counts come
out. The services layer loads the facts from the database and stores what comes back.
"""
from __future__ import annotations

from .clusters import Cluster, clusters_of, independence_line, independent_origins, origin_of
from .facts import ClaimFact, SuggestedLink, ValueFact
from .matching import Matcher, suggest_links

__all__ = [
    "ClaimFact", "Cluster", "Matcher", "SuggestedLink", "ValueFact", "clusters_of", "independence_line",
    "independent_origins", "origin_of", "suggest_links",
]
