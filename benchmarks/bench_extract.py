"""Extraction over a corpus: articles/s, MB/s and peak memory, for extract() alone and for a worker's whole job.

    .venv/bin/python benchmarks/bench_extract.py [CORPUS_DIR] [--limit N]

Reads one file at a time, so memory should stay flat however large the corpus is; peak memory is the
process's maximum resident set size, printed with the traced peak of Python allocations during extraction.
A worker of `tracker ingest` also detects the outlet the text names and the entity keys of its speakers
(services/extraction_pool.extract_article); the second line counts that too.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from tracker.extract import extract
from tracker.readers.text import publication_date
from tracker.services.extraction_pool import described

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0, help="stop after this many files")
    ap.add_argument("--trace", action="store_true", help="also trace Python allocations (slower)")
    args = ap.parse_args()
    files = sorted(p for p in args.corpus.rglob("*.txt") if p.name != "README.TXT")
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"bench_extract: no .txt files under {args.corpus}", file=sys.stderr)
        return 1
    if args.trace:
        tracemalloc.start()
    chars = nbytes = claims = 0
    elapsed = wall = extra = 0.0
    for path in files:
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        t0, c0 = time.perf_counter(), time.process_time()
        result = extract(text, publication_date(text))
        wall += time.perf_counter() - t0
        elapsed += time.process_time() - c0
        c1 = time.process_time()
        described(text, result)  # the rest of a worker's job (extraction_pool.extract_article)
        extra += time.process_time() - c1
        nbytes += len(data)
        chars += len(text)
        claims += len(result.claims)
    traced = tracemalloc.get_traced_memory()[1] / 1e6 if args.trace else None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # CPU time of this process: the machine may be busy with other work, which wall time would count
    print(f"{len(files)} articles, {nbytes / 1e6:.2f} MB, {claims} claims in {elapsed:.2f} s of extraction "
          f"CPU time ({wall:.2f} s wall)")
    print(f"{len(files) / elapsed:.0f} articles/s, {nbytes / 1e6 / elapsed:.2f} MB/s, "
          f"peak RSS {rss:.0f} MB" + (f", traced peak {traced:.1f} MB" if traced is not None else ""))
    job = elapsed + extra
    print(f"a worker's whole job (extract, outlet, entity keys): {nbytes / 1e6 / job:.2f} MB/s "
          f"({extra / job:.0%} of it outside extract())")
    return 0


if __name__ == "__main__":
    sys.exit(main())
