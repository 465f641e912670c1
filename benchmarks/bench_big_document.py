"""One huge document at growing sizes: extraction and linking time per size, which should grow linearly.

    .venv/bin/python benchmarks/bench_big_document.py [--sizes 0.5,1,2,4] [--source invented|corpus|clause]
                                                      [--profile]

Each size is one text of that many MB on a single line (no paragraph breaks), stored in a fresh SQLite database
and linked, in this process (CPU time, so other work on the machine does not count). ``invented``: repeated
invented news sentences with varying numbers and names; ``corpus``: the BBC corpus in ../shared concatenated with
its line breaks taken out; ``clause``: one sentence that never ends, invented clauses joined by "and". The
size limit (TRACKER_MAX_DOCUMENT_BYTES) is raised for the run. A linear pipeline
prints about the same seconds per MB at every size; ``--profile`` prints where the largest size's time goes.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
# invented, not taken from any corpus
SENTENCES = (
    "The harbour council said {n} people were hurt when the old pier at Westmoor gave way on Tuesday.",
    "Officials put the cost of the repairs at {n} million pounds, up from {m} million a year earlier.",
    "Mayor {first} {last} told reporters that at least {n} families had left the valley since {y}.",
    "According to the ferry company, {n} crossings were cancelled and {m} more were delayed.",
    "Police said a man, {a}, was arrested after {n} shops were damaged in the storm.",
    "The river rose {n} centimetres overnight, the weather office said.",
    "{first} {last}, a spokesperson for the company, said the plant would reopen within {m} days.",
    "\"We have never seen {n} boats turned back in one week,\" the harbour master said.",
)
FIRST = ("Ilse", "Tomas", "Odile", "Brannoc", "Mirela", "Kasper", "Yevgenia", "Anwen")
LAST = ("Varran", "Keldby", "Ostrander", "Marwick", "Tennabee", "Rhoswen", "Quillan", "Dorsay")


def invented(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        s = rng.choice(SENTENCES).format(n=rng.randint(2, 5000), m=rng.randint(2, 900), y=rng.randint(1990, 2020),
                                         a=rng.randint(18, 90), first=rng.choice(FIRST), last=rng.choice(LAST))
        parts.append(s)
        total += len(s) + 1
    return " ".join(parts)[:size]


def one_clause(size: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        s = f"officials said {rng.randint(2, 9000)} {rng.choice(('boats', 'houses', 'shops', 'workers'))} were hurt"
        parts.append(s)
        total += len(s) + 5
    return " and ".join(parts)[:size]


def from_corpus(size: int) -> str:
    files = sorted(p for p in CORPUS.rglob("*.txt") if p.name != "README.TXT")
    if not files:
        raise SystemExit(f"bench_big_document: no corpus under {CORPUS}")
    parts: list[str] = []
    total = 0
    for path in files * (1 + size // 2_000_000):
        text = " ".join(path.read_text(encoding="utf-8", errors="replace").split())
        parts.append(text)
        total += len(text) + 1
        if total >= size:
            break
    return " ".join(parts)[:size]


def run(text: str, folder: Path) -> tuple[float, float, int, int]:
    """CPU seconds of ingest (read, extract, store) and of linking; claims and links."""
    from tracker.db import make_engine, session_factory, upgrade
    from tracker.readers import read_paths
    from tracker.services.ingest import ingest
    from tracker.services.link import link_new_documents

    path = folder / "big.txt"
    path.write_text(text, encoding="utf-8")
    engine = make_engine(f"sqlite:///{folder / 'bench.db'}")
    upgrade(engine)
    sessions = session_factory(engine)
    t0 = time.process_time()
    summary = ingest(sessions, read_paths([path]), workers=1)
    t1 = time.process_time()
    linked = link_new_documents(sessions, summary.document_ids)
    t2 = time.process_time()
    engine.dispose()
    if summary.failed:
        raise SystemExit(f"bench_big_document: {summary.failures[0]}")
    return t1 - t0, t2 - t1, summary.claims, linked.stored


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.25,0.5,1,2,4", help="sizes in MB, comma-separated")
    ap.add_argument("--source", choices=["invented", "corpus", "clause"], default="invented")
    ap.add_argument("--profile", action="store_true", help="profile the largest size")
    args = ap.parse_args()
    sizes = [int(float(s) * 1_000_000) for s in args.sizes.split(",")]
    os.environ["TRACKER_MAX_DOCUMENT_BYTES"] = str(max(sizes) * 4 + 1)  # room for multi-byte characters
    make = {"invented": invented, "corpus": from_corpus, "clause": one_clause}[args.source]
    print(f"{'MB':>6} {'claims':>8} {'ingest s':>9} {'s/MB':>6} {'link s':>8} {'s/MB':>6} {'links':>6}")
    for i, size in enumerate(sizes):
        text = make(size)
        mb = len(text.encode("utf-8")) / 1e6
        with tempfile.TemporaryDirectory() as tmp:
            if args.profile and i == len(sizes) - 1:
                profiler = cProfile.Profile()
                ingest_s, link_s, claims, links = profiler.runcall(run, text, Path(tmp))
                pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(15)
            else:
                ingest_s, link_s, claims, links = run(text, Path(tmp))
        print(f"{mb:6.2f} {claims:8d} {ingest_s:9.2f} {ingest_s / mb:6.2f} {link_s:8.2f} {link_s / mb:6.2f} {links:6d}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
