"""Report, audit and start-up on a whole corpus: wall time, peak memory and output size of each command.

    .venv/bin/python benchmarks/bench_stream.py [--db URL] [--corpus DIR] [--before CHECKOUT] [--keep]

Without --db it ingests the BBC corpus (../shared/corpus/bbc, ~45,000 claims; about 40 s) into a scratch SQLite
file. Each command runs in its own process; its peak resident memory is the kernel's figure for that process
(``wait4``). With --before, the same commands also run on another checkout of tracker (a ``git worktree`` of an
older commit, say) and the table shows both, and whether the outputs are the same bytes (the report's
"generated" time aside). This is a measurement to read, not a timed test.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"

#: name, arguments after ``tracker --db URL``, and whether it writes a file (-o) whose bytes are compared
COMMANDS = [
    ("claims (start-up)", ["claims", "--limit", "5"], None),
    ("report --format html", ["report", "--format", "html"], "report.html"),
    ("report --format json", ["report", "--format", "json"], "report.json"),
    ("report --format md", ["report", "--format", "md"], "report.md"),
    ("audit --format json", ["audit", "--format", "json"], "audit.json"),
    ("audit --format csv", ["audit", "--format", "csv"], "audit.csv"),
    ("audit (table)", ["audit"], None),
]
_GENERATED = re.compile(rb'("generated": "[^"]*"|Generated [^;]*;)')


def run(args: list[str], *, checkout: Path | None, out: Path | None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``python -m tracker ARGS`` (from ``checkout`` when given)."""
    env = dict(os.environ)
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    cmd = [sys.executable, "-m", "tracker", *args, *(["-o", str(out)] if out else [])]
    start = time.perf_counter()
    # run from a folder holding no tracker package, so PYTHONPATH (or the installed tree) decides which one runs
    proc = subprocess.Popen(cmd, cwd=tempfile.gettempdir(), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.strip()}")
    return wall, usage.ru_maxrss / 1024


def _digest(path: Path) -> str:
    """The file's hash with its "generated" time left out (it is near the top), read in chunks: this process must
    stay small, since a child's peak memory counts its parent's at the moment it starts (vfork, exec)."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        digest.update(_GENERATED.sub(b"", f.read(1 << 16)))
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def same_bytes(a: Path, b: Path) -> bool:
    return _digest(a) == _digest(b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="an existing database to measure (default: ingest --corpus into a scratch file)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--before", type=Path, help="another tracker checkout to measure the same way")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder and print where it is")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench_stream_"))
    url = args.db
    if url is None:
        url = f"sqlite:///{scratch / 'corpus.db'}"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tracker", "--db", url, "ingest", "--quiet", str(args.corpus)],
                       check=True, capture_output=True)
        print(f"ingested {args.corpus} in {time.perf_counter() - start:.1f} s")
    counts = subprocess.run([sys.executable, "-m", "tracker", "--db", url, "claims", "--limit", "1"],
                            capture_output=True, text=True, check=True).stderr.strip().splitlines()[-1]
    print(f"database: {url} ({counts})\n")
    sides = [("now", None)] + ([("before", args.before.resolve())] if args.before else [])
    header = f"{'command':<24}" + "".join(f"{name + ' s':>10}{name + ' MB':>11}" for name, _ in sides)
    print(header + ("   out MB  same bytes" if args.before else "   out MB"))
    for label, command, file_name in COMMANDS:
        line, outs = f"{label:<24}", []
        for name, checkout in sides:
            out = scratch / f"{name}-{file_name}" if file_name else None
            wall, rss = run(["--db", url, *command], checkout=checkout, out=out)
            line += f"{wall:>10.2f}{rss:>11.0f}"
            outs.append(out)
        size = f"{outs[0].stat().st_size / 1e6:>9.1f}" if outs[0] else f"{'':>9}"
        same = ("yes" if same_bytes(outs[0], outs[1]) else "NO") if args.before and outs[0] else ""
        print(line + size + f"  {same}")
    if args.keep:
        print(f"\nscratch folder: {scratch}")
    else:
        for path in scratch.iterdir():
            path.unlink()
        scratch.rmdir()


if __name__ == "__main__":
    main()
