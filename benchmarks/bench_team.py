"""A team under load: simulated reviewers on one PostgreSQL database mark every claim.

    .venv/bin/python benchmarks/bench_team.py [--db ADMIN_URL] [--reviewers 10] [--claims 10000] [--batch 25]
                                              [--double] [--keep]

Builds a scratch database of ``--claims`` synthetic claims (100 a document), then starts ``--reviewers`` processes,
each a reviewer with a connection of their own doing what a person does: ``assign`` themselves the next
``--batch`` unreviewed claims (a hold; on PostgreSQL concurrent assignments pass over each other's rows), then
judge them one by one through the review service (one transaction a verdict), until no claim is left. With
``--double`` every claim needs two independent verdicts (a disagreement goes to a third reviewer).

Prints verdicts per second and the check the issue asks for: verdicts lost (a reviewer was told "recorded" and
the database lacks it, or a claim left unreviewed) and duplicated (a claim judged twice where once was asked; in
double review, two votes by one reviewer or more than one settling verdict in a round). Both must be 0.
This is a measurement to read, not a timed test; the machine may be busy with other work.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import uuid
from collections import Counter
from hashlib import sha256

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url

from tracker.db import make_engine, session_factory, upgrade
from tracker.errors import StaleClaim
from tracker.models import Claim, Document, ReviewVote, Verdict
from tracker.services.claims import ClaimFilter
from tracker.services.holds import ClaimHeld, assign
from tracker.services.second_review import agreement_figures, judge, set_double_review

DEFAULT_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
VERDICTS = ("corroborated", "contradicted", "unverified")
PER_DOCUMENT = 100
#: how often a simulated reviewer gives the claim's "true" verdict (the rest: another at random)
ACCURACY = 0.85


def build(url: str, claims: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    claim_id = 0
    with engine.begin() as conn:
        for d in range(1, (claims + PER_DOCUMENT - 1) // PER_DOCUMENT + 1):
            count = min(PER_DOCUMENT, claims - claim_id)
            sentences = [f"Officials said {d * 1000 + i} people attended the meeting number {i} on Tuesday."
                         for i in range(count)]
            body = "\n".join(sentences)
            conn.execute(insert(Document.__table__), [{
                "id": d, "origin": f"/bench/{d}.txt", "name": f"{d}.txt", "format": "txt", "text": body,
                "sha256": sha256(body.encode()).hexdigest(), "linked": True}])
            rows, offset = [], 0
            for sentence in sentences:
                claim_id += 1
                rows.append({"id": claim_id, "document_id": d, "start": offset, "end": offset + len(sentence),
                             "quote": sentence, "kind": "quantity", "check_worthiness": 0.5, "hedged": False,
                             "status": "unreviewed", "version": 1, "reason": {"rule": "synthetic"}})
                offset += len(sentence) + 1
            conn.execute(insert(Claim.__table__), rows)
        for table in ("documents", "claims"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))
    engine.dispose()


def reviewer_run(url: str, name: str, batch: int, seed: int, results) -> None:
    """One reviewer: take a batch, judge it, again, until nothing is left for them."""
    engine = make_engine(url)
    sessions = session_factory(engine)
    rng = random.Random(seed)
    told: list[tuple[int, str, str]] = []  # (claim, stage, status) the service said it recorded
    began = time.time()  # after this process has started and imported everything: the work alone is timed
    idle_since = 0.0
    stale_count = 0
    finished = began
    while True:
        with sessions() as session:
            taken = assign(session, ClaimFilter(status="unreviewed"), name, assigned_by=name, limit=batch,
                           hours=1).claim_ids
        if not taken:
            with sessions() as session:
                left = session.scalar(select(func.count(Claim.id)).where(Claim.status == "unreviewed"))
            if not left:
                break
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since > 30:
                break  # the rest are others' to judge (their holds, or claims this reviewer already voted on)
            time.sleep(0.05)
            continue
        idle_since = 0.0
        for claim_id in taken:
            truth = VERDICTS[claim_id % 3]
            status = truth if rng.random() < ACCURACY else rng.choice(VERDICTS)
            with sessions() as session:
                try:
                    done = judge(session, claim_id, status, reviewer=name)
                except (StaleClaim, ClaimHeld):
                    # someone else got there first: what a person is told and sees on the screen
                    stale_count += 1
                    continue
            told.append((claim_id, done.stage, status))
            finished = time.time()
    engine.dispose()
    results.put((name, told, stale_count, began, finished if told else began))


def check(url: str, told: list[tuple[str, int, str, str]]) -> tuple[int, int, int]:
    """(lost, duplicated, claims left unreviewed) against what the reviewers were told."""
    engine = make_engine(url)
    with session_factory(engine)() as session:
        verdicts = Counter(session.scalars(select(Verdict.claim_id)))
        unreviewed = session.scalar(select(func.count(Claim.id)).where(Claim.status == "unreviewed")) or 0
        votes = set(session.execute(select(ReviewVote.claim_id, ReviewVote.reviewer, ReviewVote.status)))
        vote_pairs = Counter((c, r) for c, r, _ in votes)
        settled = {(v.claim_id, v.reviewer, v.status) for v in session.scalars(select(Verdict))}
    engine.dispose()
    lost = unreviewed
    for reviewer, claim_id, stage, status in told:
        if stage in ("first", "disputed", "agreed") and (claim_id, reviewer, status) not in votes:
            lost += 1
        if stage in ("verdict", "agreed", "resolved") and not any(
                c == claim_id and r == reviewer for c, r, _ in settled):
            lost += 1
    duplicated = sum(n - 1 for n in verdicts.values() if n > 1)  # one settling verdict per claim is asked
    duplicated += sum(n - 1 for n in vote_pairs.values() if n > 1)
    return lost, duplicated, unreviewed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=DEFAULT_ADMIN, help="a PostgreSQL URL; a scratch database is made beside it")
    parser.add_argument("--reviewers", type=int, default=10)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--double", action="store_true", help="every claim needs two independent verdicts")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()
    admin_url = make_url(args.db)
    if not admin_url.get_backend_name().startswith("postgresql"):
        sys.exit("bench_team: --db must be a PostgreSQL URL (the team's database)")
    name = f"tracker_bench_team_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    try:
        started = time.perf_counter()
        build(url, args.claims)
        print(f"built {args.claims:,} claims in {time.perf_counter() - started:.1f} s")
        if args.double:
            engine = make_engine(url)
            with session_factory(engine)() as session:
                set_double_review(session, True)
            engine.dispose()
        context = multiprocessing.get_context("spawn")
        results = context.Queue()
        workers = [context.Process(target=reviewer_run, args=(url, f"reviewer{i:02d}", args.batch, i, results))
                   for i in range(args.reviewers)]
        started = time.perf_counter()
        for worker in workers:
            worker.start()
        told, stale, spans = [], 0, []
        for _ in workers:
            reviewer, theirs, stale_count, began, finished = results.get(timeout=3600)
            told.extend((reviewer, c, stage, status) for c, stage, status in theirs)
            stale += stale_count
            spans.append((began, finished))
        for worker in workers:
            worker.join()
        wall = time.perf_counter() - started
        # from the first reviewer at work to the last verdict (process start-up, a second or two each, left out)
        elapsed = max(end for _, end in spans) - min(begin for begin, _ in spans)
        lost, duplicated, left = check(url, told)
        engine = make_engine(url)
        with session_factory(engine)() as session:
            figures = agreement_figures(session) if args.double else None
            verdict_rows = session.scalar(select(func.count(Verdict.id))) or 0
        engine.dispose()
        print(f"{args.reviewers} reviewers, {args.claims:,} claims{' (double review)' if args.double else ''}: "
              f"{len(told):,} verdicts given in {elapsed:.1f} s = {len(told) / elapsed:,.0f} verdicts/s "
              f"({wall:.1f} s with process start-up); "
              f"{verdict_rows:,} verdict rows; refused (changed or held by someone else meanwhile): {stale}")
        if figures:
            overall = figures["overall"]
            print(f"double review: {overall['items']:,} claims with two votes, raw agreement "
                  f"{overall['raw_agreement']}, kappa {overall['kappa']}")
        print(f"lost verdicts: {lost}; duplicated verdicts: {duplicated}; claims left unreviewed: {left}")
    finally:
        if not args.keep:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
