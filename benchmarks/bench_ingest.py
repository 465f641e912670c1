"""Ingest benchmark: the BBC corpus into a fresh SQLite file and a scratch PostgreSQL database.

Prints, per database: wall time of ingest (reading, extraction, writing) and of linking, documents per
second, claims, links, peak memory of the whole process tree (the writer and its extraction workers, summed,
sampled every 20 ms), and how long a full-text search takes.

    .venv/bin/python benchmarks/bench_ingest.py [--corpus DIR] [--pg URL] [--no-pg] [--workers N]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")
PG_ADMIN = os.environ.get("TRACKER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SEARCHES = ("minister", "oil prices", "chancellor budget", "world cup")


def run_once(url: str, folders: list[str], workers: int | None) -> dict:
    """In the child process: one timed run against ``url``; returns the figures as a dict."""
    from tracker.db import make_engine, session_factory, upgrade
    from tracker.readers import read_paths
    from tracker.services.claims import ClaimFilter, count_claims, list_claims
    from tracker.services.ingest import ingest

    load = os.getloadavg()[0]
    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    started = time.perf_counter()
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = ingest(sessions, read_paths(folders), workers=workers)
    ingested = time.perf_counter()
    own_after = resource.getrusage(resource.RUSAGE_SELF)
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    writer_cpu = own_after.ru_utime + own_after.ru_stime - own.ru_utime - own.ru_stime
    workers_cpu = children_after.ru_utime + children_after.ru_stime - children.ru_utime - children.ru_stime
    links = None
    try:
        from tracker.services.link import link_new_documents
    except ImportError:  # the linking step is not there yet
        link_new_documents = None
    if link_new_documents is not None and summary.document_ids:
        links = link_new_documents(sessions, summary.document_ids).stored
    linked = time.perf_counter()
    timings = {}
    for words in SEARCHES:
        t0 = time.perf_counter()
        with sessions() as session:
            flt = ClaimFilter(search=words)
            shown = len(list_claims(session, flt, limit=50))
            total = count_claims(session, flt)
        timings[words] = (round((time.perf_counter() - t0) * 1000, 1), shown, total)
    return {"new": summary.new, "present": summary.present, "failed": summary.failed, "claims": summary.claims,
            "links": links, "ingest_s": ingested - started, "link_s": linked - ingested, "search_ms": timings,
            "writer_cpu_s": writer_cpu, "workers_cpu_s": workers_cpu, "load": load}


def tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, in KB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure(url: str, folders: list[str], workers: int | None) -> dict:
    cmd = [sys.executable, __file__, "--child", url, "--workers", str(workers or 0), *folders]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    t0 = time.perf_counter()
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"benchmark run against {url} failed (exit {proc.returncode})")
    figures = json.loads(out.strip().splitlines()[-1])
    figures.update(wall_s=wall, peak_rss_mb=peak[0] / 1024)
    return figures


def report(name: str, f: dict) -> None:
    docs = f["new"] + f["present"] + f["failed"]
    work = f["ingest_s"] + f["link_s"]
    print(f"{name}: {docs} files -> {f['new']} new, {f['present']} duplicates, {f['failed']} failed; "
          f"{f['claims']} claims, {f['links'] if f['links'] is not None else 'no linking step'} links")
    print(f"  ingest {f['ingest_s']:.2f} s + link {f['link_s']:.2f} s = {work:.2f} s "
          f"({docs / work:.0f} docs/s); process wall incl. start-up {f['wall_s']:.2f} s; "
          f"peak RSS (all processes) {f['peak_rss_mb']:.0f} MB")
    print(f"  CPU during ingest: writer (reading, writing) {f['writer_cpu_s']:.2f} s, extraction workers "
          f"{f['workers_cpu_s']:.2f} s; load average at the start {f['load']:.1f} (other work on the machine)")
    for words, (ms, shown, total) in f["search_ms"].items():
        print(f"  search {words!r}: {ms:.1f} ms ({total} claims, first {shown} loaded)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pg", default=PG_ADMIN, help="an existing PostgreSQL database to create the scratch one from")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--workers", type=int, default=0, help="extraction processes (0: one per core)")
    parser.add_argument("--child", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("folders", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_once(args.child, args.folders, args.workers or None)))
        return
    # the article folders only: README.TXT beside them describes the dataset and is not an article
    folders = [str(args.corpus / c) for c in CATEGORIES]
    with tempfile.TemporaryDirectory() as tmp:
        report("SQLite", measure(f"sqlite:///{tmp}/bench.db", folders, args.workers))
    if args.no_pg:
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(args.pg)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"tracker_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        report("PostgreSQL", measure(admin_url.set(database=name).render_as_string(hide_password=False),
                                     folders, args.workers))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
