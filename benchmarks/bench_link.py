"""How long linking a whole corpus takes, and how many pairs blocking lets through.

    .venv/bin/tracker --db sqlite:////tmp/bbc.db ingest --quiet /work/shared/corpus/bbc
    .venv/bin/python benchmarks/bench_link.py sqlite:////tmp/bbc.db

Prints the time of each step and the pairs compared against the pairs a naive all-against-all
comparison of claims from different documents would make. Nothing is written to the database.
"""
from __future__ import annotations

import sys
import time
from collections import Counter

from tracker.analysis.blocking import candidate_pairs
from tracker.analysis.features import features_of_all
from tracker.analysis.matching import compare, paused_gc
from tracker.db import make_engine, session_factory
from tracker.services.link import load_facts


def main(url: str) -> None:
    sessions = session_factory(make_engine(url))
    c0, t0 = time.process_time(), time.perf_counter()
    with sessions() as session, paused_gc():
        facts = load_facts(session)
    c1, t1 = time.process_time(), time.perf_counter()
    with paused_gc():
        features = features_of_all(facts)
    c2, t2 = time.process_time(), time.perf_counter()
    relations: Counter[str] = Counter()
    pairs = 0
    with paused_gc():
        for a, b in candidate_pairs(features):
            pairs += 1
            found = compare(a, b)
            if found:
                relations[found.relation] += 1
    c3, t3 = time.process_time(), time.perf_counter()
    per_doc = Counter(f.document_id for f in facts)
    naive = (len(facts) ** 2 - sum(n * n for n in per_doc.values())) // 2
    print(f"{len(facts)} claims in {len(per_doc)} documents")
    # CPU time too: on a shared machine the wall clock also counts other people's work
    print(f"wall: load {t1 - t0:.2f} s, features {t2 - t1:.2f} s, block and compare {t3 - t2:.2f} s; "
          f"total {t3 - t0:.2f} s")
    print(f"cpu:  load {c1 - c0:.2f} s, features {c2 - c1:.2f} s, block and compare {c3 - c2:.2f} s; "
          f"total {c3 - c0:.2f} s")
    print(f"pairs compared {pairs} of {naive} cross-document pairs ({pairs / max(naive, 1):.4%})")
    print("links: " + ", ".join(f"{n} {rel}" for rel, n in relations.most_common()))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "sqlite:////tmp/bbc.db")
