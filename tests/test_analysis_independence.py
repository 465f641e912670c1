"""Independence: outlets relaying one upstream count once; clusters join claims through their links."""
from __future__ import annotations

from tracker.analysis import ClaimFact, clusters_of, independence_line, origin_of


def fact(i: int, doc: int, outlet: str, speaker: str | None = None, via: tuple[str, ...] = ()) -> ClaimFact:
    return ClaimFact(id=i, document_id=doc, quote=f"claim {i}", outlet=outlet, speaker=speaker, via=via)


def test_two_outlets_relaying_tass_are_one_source():
    claims = [fact(1, 1, "NBC News", "both regions", ("Tass",)), fact(2, 2, "Bloomberg", "officials", ("TASS",))]
    assert independence_line(claims) == "2 outlets, 1 independent source"


def test_state_media_and_a_state_agency_are_one_upstream():
    claims = [fact(1, 1, "NBC News", via=("Tass",)), fact(2, 2, "Bloomberg", "state media")]
    assert origin_of(claims[0]) == origin_of(claims[1])
    assert independence_line(claims) == "2 outlets, 1 independent source"


def test_own_reporting_by_two_outlets_is_two_sources():
    claims = [fact(1, 1, "NBC News"), fact(2, 2, "Bloomberg"), fact(3, 3, "Reuters", via=("Tass",))]
    assert independence_line(claims) == "3 outlets, 3 independent sources"


def test_the_relay_nearest_the_outlet_is_the_origin():
    # Reuters quoting Tass quoting an official: the outlet got it from Reuters
    assert origin_of(fact(1, 1, "BBC", "an official", ("Tass", "Reuters"))) == "reuters"


def test_clusters_follow_links_transitively_and_leave_unlinked_claims_out():
    claims = [fact(i, i, f"outlet {i}") for i in range(1, 6)]
    clusters = clusters_of(claims, [(1, 2, "corroborates"), (2, 3, "contradicts"), (4, 5, "related")])
    assert [[c.id for c in cl.claims] for cl in clusters] == [[1, 2, 3], [4, 5]]
    assert clusters[0].contradicted and not clusters[1].contradicted
    assert clusters[0].independence == "3 outlets, 3 independent sources"


def test_documents_of_unknown_outlet_are_not_called_outlets():
    claims = [fact(1, 1, ""), fact(2, 2, "")]
    claims = [ClaimFact(id=c.id, document_id=c.document_id, quote=c.quote) for c in claims]
    assert independence_line(claims) == "2 documents of unknown outlet, 2 independent sources"
