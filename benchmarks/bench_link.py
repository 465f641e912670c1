"""Daily ingest into a large database: how long linking 10 new articles takes when 20,000 are stored.

    .venv/bin/python benchmarks/bench_link.py [CORPUS] [--copies 9]

Builds a scratch SQLite database: the corpus (default the BBC corpus, 2,225 articles) ingested and linked
once, then its documents, claims, values, attributions and keys copied with new ids until about 20,000
documents are stored (each copy of the corpus its own set of stories, as another year of news would be).
Then 10 articles not stored yet (corpus articles with a line added, so their text is new) are ingested, and
the linking of those 10 is timed on its own. Linking reads only the stored documents that share a rarer key
with the new ones and the claims of the stories they join, so the figure stays flat as the database grows.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select, text

from tracker.db import make_engine, session_factory, upgrade
from tracker.models import Claim, Document
from tracker.readers import read_paths
from tracker.services.ingest import ingest
from tracker.services.link import link_new_documents

#: tables copied with their ids moved past the originals: the columns that hold ids, and how others change
_COPIED = (
    ("documents", ("id", "story_id", "copy_of_id"), {"sha256": "sha256 || '-' || :k"}),
    ("document_keys", ("document_id",), {}),
    ("claims", ("id", "document_id"), {}),
    ("claim_values", ("id", "claim_id"), {}),
    ("attributions", ("id", "claim_id"), {}),
)


def _replicate(engine, copies: int) -> None:  # type: ignore[no-untyped-def]
    """``copies`` more of every stored document, with everything linking reads."""
    with engine.begin() as conn:
        # the full-text triggers would index every copied text again: not what this measures
        for trigger in ("claims_fts_insert", "documents_fts_insert"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
        top = max(conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {t}")).scalar_one()
                  for t in ("documents", "claims", "claim_values", "attributions"))
        offset_unit = 10 ** len(str(top))
        for k in range(1, copies + 1):
            offset = k * offset_unit
            for table, id_columns, extra in _COPIED:
                columns = [r[1] for r in conn.execute(text(f"PRAGMA table_info({table})"))]
                select_list = ", ".join(f'"{c}" + :offset' if c in id_columns else extra.get(c, f'"{c}"')
                                        for c in columns)
                quoted = ", ".join(f'"{c}"' for c in columns)
                conn.execute(text(f"INSERT INTO {table} ({quoted}) SELECT {select_list} FROM {table} "
                                  f"WHERE {id_columns[0]} < :unit"), {"offset": offset, "unit": offset_unit, "k": k})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default="/work/shared/corpus/bbc")
    parser.add_argument("--copies", type=int, default=8, help="copies of the corpus besides the original")
    parser.add_argument("--keep", help="keep the large database in this file, and reuse it when it is there")
    parser.add_argument("--profile", action="store_true", help="print where the daily linking spends its time")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-link-"))
    try:
        files = sorted(p for p in Path(args.corpus).rglob("*.txt"))
        t0 = time.perf_counter()
        kept = Path(args.keep) if args.keep else None
        if kept is None or not kept.exists():
            engine = make_engine(f"sqlite:///{scratch}/bench.db")
            upgrade(engine)
            sessions = session_factory(engine)
            summary = ingest(sessions, read_paths(files[10:]))
            link_new_documents(sessions, summary.document_ids)
            t1 = time.perf_counter()
            _replicate(engine, args.copies)
            engine.dispose()
            if kept is not None:
                shutil.copy(scratch / "bench.db", kept)
        else:
            shutil.copy(kept, scratch / "bench.db")
            summary, t1 = None, t0
        engine = make_engine(f"sqlite:///{scratch}/bench.db")
        sessions = session_factory(engine)
        t2 = time.perf_counter()
        new = scratch / "new"
        new.mkdir()
        for path in files[:10]:
            (new / path.name).write_text(path.read_text(encoding="latin-1") + "\nUpdated later the same day.\n")
        with sessions() as session:
            documents = session.scalar(select(func.count()).select_from(Document))
            claims = session.scalar(select(func.count()).select_from(Claim))
        t3 = time.perf_counter()
        daily = ingest(sessions, read_paths([new]), workers=1)
        t4, c4 = time.perf_counter(), time.process_time()
        if args.profile:
            import cProfile
            import pstats
            profiler = cProfile.Profile()
            linked = profiler.runcall(link_new_documents, sessions, daily.document_ids)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
        else:
            linked = link_new_documents(sessions, daily.document_ids)
        t5, c5 = time.perf_counter(), time.process_time()
        if summary is not None:
            print(f"built: {summary.new} articles ingested and linked in {t1 - t0:.1f} s, copied in {t2 - t1:.1f} s")
        print(f"stored: {documents} documents ({claims} claims)")
        print(f"daily: {daily.new} new articles ({daily.claims} claims) ingested in {t4 - t3:.2f} s; "
              f"linked in {t5 - t4:.3f} s ({c5 - c4:.3f} s of CPU: on a shared machine the wall clock "
              f"also counts other people's work)")
        print(f"  {linked.line()}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
