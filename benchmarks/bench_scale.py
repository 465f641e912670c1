"""A newsroom's year: the same work on 1x, 2x, 4x and 8x the BBC corpus, SQLite and PostgreSQL, with each size's
ratio to 1x (issue 16).

    .venv/bin/python benchmarks/bench_scale.py [--sizes 1,2,4,8] [--corpus DIR] [--pg URL] [--no-pg] [--no-sqlite]

Size N is N copies of every article of the corpus (1x = 2,225 files, 2,127 distinct texts), each copy after the
first made distinct by one deterministic edit (a line saying which edition of a digest republished it), as a
wire story is republished with small changes: the copies are near-duplicates, which linking must take as one
source without making links grow with the square of the copies.

For each database and size, on a fresh database (PostgreSQL: a scratch database made from --pg and dropped
after), each command runs in its own process (``python -m tracker``), timed by the wall clock, with the peak
resident memory of the process and all its children (the extraction workers) summed, sampled from /proc every
20 ms:

- ingest with linking: ``tracker ingest --quiet`` of the whole corpus (it links what it stored);
- 10 new articles: ``tracker ingest`` of 10 corpus articles with a line added, into the database just filled;
- ``tracker report --format html``, ``tracker audit`` (the table, written to a file), ``tracker export claims``.

Each figure is followed by its ratio to the 1x figure. On a shared machine the wall clock counts other people's
work too: the load average at the start of each size is printed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bench_ingest import tree_rss_kb  # the same peak-memory reading of a process tree

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")
PG_ADMIN = os.environ.get("TRACKER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@dataclass
class Figure:
    seconds: float
    peak_mb: float
    #: what else the command tells: links, output size
    note: str = ""


def tracker(url: str, args: list[str], stdout: Path | None = None) -> Figure:
    """``python -m tracker --db URL ARGS``: wall seconds and peak memory of its process tree."""
    cmd = [sys.executable, "-m", "tracker", "--db", url, *args]
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=tempfile.gettempdir(), stdout=out, stderr=subprocess.PIPE)
        peak = [0]

        def sample() -> None:
            while proc.poll() is None:
                peak[0] = max(peak[0], tree_rss_kb(proc.pid))
                time.sleep(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, err = proc.communicate()
        wall = time.perf_counter() - start
        sampler.join()
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode}): {err.decode()[-2000:]}")
    return Figure(wall, peak[0] / 1024, err.decode().strip().splitlines()[-1] if err.strip() else "")


def edition(text: str, k: int) -> str:
    """Copy ``k`` of an article (0: the article itself): one line added after its title."""
    if k == 0:
        return text
    title, sep, rest = text.partition("\n")
    return f"{title}{sep}Republished in edition {k} of the weekly digest.\n{rest}"


def build_corpus(source: Path, size: int, into: Path) -> int:
    """``size`` copies of every article under ``source``'s category folders, in ``into``; returns the files."""
    n = 0
    for category in CATEGORIES:
        for path in sorted((source / category).glob("*.txt")):
            text = path.read_text(encoding="latin-1")
            for k in range(size):
                folder = into / f"copy{k}" / category
                folder.mkdir(parents=True, exist_ok=True)
                (folder / path.name).write_text(edition(text, k), encoding="utf-8")
                n += 1
    return n


def new_articles(source: Path, into: Path, n: int = 10) -> Path:
    """``n`` corpus articles with a line added: texts not stored yet, as the next morning's news."""
    into.mkdir(parents=True, exist_ok=True)
    files = sorted(p for c in CATEGORIES for p in (source / c).glob("*.txt"))
    step = max(1, len(files) // n)
    for i, path in enumerate(files[::step][:n]):
        (into / f"new{i}.txt").write_text(path.read_text(encoding="latin-1") + "\nUpdated later the same day.\n",
                                          encoding="utf-8")
    return into


@dataclass
class SizeRun:
    size: int
    files: int
    figures: dict[str, Figure] = field(default_factory=dict)
    counts: str = ""
    load: float = 0.0


WORK = ("ingest with linking", "10 new articles", "report --format html", "audit (table)", "export claims")


def count_rows(url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            n = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                 for t in ("documents", "claims", "claim_links")}
    finally:
        engine.dispose()
    return f"{n['documents']} documents, {n['claims']} claims, {n['claim_links']} links"


def run_size(url: str, corpus: Path, fresh: Path, scratch: Path, size: int, files: int) -> SizeRun:
    run = SizeRun(size, files, load=os.getloadavg()[0])
    f = run.figures
    f[WORK[0]] = tracker(url, ["ingest", "--quiet", str(corpus)])
    f[WORK[0]].note = count_rows(url).split(", ")[-1]
    f[WORK[1]] = tracker(url, ["ingest", "--quiet", str(fresh)])
    report = scratch / "report.html"
    f[WORK[2]] = tracker(url, ["report", "--format", "html", "-o", str(report)])
    f[WORK[2]].note = f"{report.stat().st_size / 1e6:.1f} MB file"
    audit = scratch / "audit.txt"
    f[WORK[3]] = tracker(url, ["audit"], stdout=audit)
    f[WORK[3]].note = f"{audit.stat().st_size / 1e6:.1f} MB of text"
    export = scratch / "claims.jsonl"
    f[WORK[4]] = tracker(url, ["export", "claims", "-o", str(export)])
    f[WORK[4]].note = f"{export.stat().st_size / 1e6:.1f} MB file"
    for path in (report, audit, export):
        path.unlink()
    run.counts = count_rows(url)
    return run


def print_table(name: str, runs: list[SizeRun]) -> None:
    base = runs[0]
    print(f"\n{name}")
    for r in runs:
        print(f"  {r.size}x: {r.files} files -> {r.counts}; load average at the start {r.load:.1f}")
    head = f"  {'work':<22}" + "".join(f"{f'{r.size}x':>30}" for r in runs)
    print(head)
    for work in WORK:
        times = f"  {work + ', s':<22}"
        mems = f"  {'  peak MB (all procs)':<22}"
        for r in runs:
            fig, one = r.figures[work], base.figures[work]
            times += f"{fig.seconds:>20.1f} ({fig.seconds / one.seconds:>5.2f}x)"
            mems += f"{fig.peak_mb:>20.0f} ({fig.peak_mb / one.peak_mb:>5.2f}x)"
        print(times)
        print(mems)
    links = f"  {'links':<22}"
    for r in runs:
        n = int(r.figures[WORK[0]].note.split()[0])
        one = int(base.figures[WORK[0]].note.split()[0]) or 1
        links += f"{n:>20} ({n / one:>5.2f}x)"
    print(links)
    for work in WORK[2:]:
        print(f"  {work}: " + ", ".join(f"{r.size}x {r.figures[work].note}" for r in runs))
    sys.stdout.flush()


def pg_database(admin_url: str):  # type: ignore[no-untyped-def]
    """A context manager: the URL of a scratch PostgreSQL database, dropped at the end."""
    from contextlib import contextmanager

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    @contextmanager
    def scratch():  # type: ignore[no-untyped-def]
        admin = create_engine(make_url(admin_url), isolation_level="AUTOCOMMIT")
        name = f"tracker_scale_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

    return scratch()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="copies of the corpus to run, e.g. 1,2 (first: the base)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pg", default=PG_ADMIN, help="an existing PostgreSQL database to make scratch ones from")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    scratch = Path(tempfile.mkdtemp(prefix="bench_scale_"))
    try:
        fresh = new_articles(args.corpus, scratch / "fresh")
        corpora = {}
        for size in sizes:
            corpora[size] = (scratch / f"corpus{size}", build_corpus(args.corpus, size, scratch / f"corpus{size}"))
        if not args.no_sqlite:
            runs = []
            for size in sizes:
                db = scratch / f"scale{size}.db"
                runs.append(run_size(f"sqlite:///{db}", corpora[size][0], fresh, scratch, size, corpora[size][1]))
                db.unlink()
                print_table("SQLite (so far)" if size != sizes[-1] else "SQLite", runs)
        if not args.no_pg:
            runs = []
            for size in sizes:
                with pg_database(args.pg) as url:
                    runs.append(run_size(url, corpora[size][0], fresh, scratch, size, corpora[size][1]))
                print_table("PostgreSQL (so far)" if size != sizes[-1] else "PostgreSQL", runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
