"""Review at scale: builds a database of 100,000 claims and prints how fast the review UI answers.

    .venv/bin/python benchmarks/bench_review.py [--db URL] [--claims N] [--keep]

Prints three figures the review issue asks for: the first screen usable (target 1.5 s), a filter or search
answered (0.3 s) and a verdict keystroke committed (50 ms). Rows are synthetic but shaped like real ones
(documents of ~100 claims, attributions with relays, date and quantity values, some verdicts and links) and
are bulk-inserted with SQLAlchemy core. This is a measurement to read, not a timed test.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from hashlib import sha256
from pathlib import Path

from sqlalchemy import insert

from tracker.db import make_engine, session_factory, upgrade
from tracker.models import Attribution, Claim, ClaimLink, ClaimValue, Document, Entity, Outlet, Relay, Verdict
from tracker.services import review
from tracker.services.claims import ClaimFilter, count_claims

OUTLETS = ["NBC News", "Bloomberg", "Reuters", "Associated Press", "BBC", "Al Jazeera", "Kyiv Independent",
           "Meduza", "The Guardian", "Le Monde", "Der Spiegel", "Tass", "RIA Novosti", "Interfax", "CNN",
           "Washington Post", "New York Times", "Financial Times", "Politico", "Axios"]
SPEAKERS = ["Vladimir Putin", "Volodymyr Zelenskyy", "Dmitry Peskov", "Sergei Shoigu", "Antony Blinken",
            "Jens Stoltenberg", "the Institute for the Study of War", "Ukraine's General Staff",
            "the Russian Defense Ministry", "Denis Pushilin", "Leonid Pasechnik", "Vladimir Saldo"]
TEMPLATES = [
    "{s} said the votes would be held over the {n} days starting {d}.",
    "{s} announced that {n} battalions had been moved to the front by {d}.",
    "According to {s}, at least {n} civilians were killed in shelling near the city on {d}.",
    "{s} claimed the referendum would conclude on {d}, after {n} days of voting.",
    "The regional authorities, cited by {s}, reported {n} polling stations open on {d}.",
]
PAGE = 200


def build(url: str, claims: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    engine = make_engine(url)
    upgrade(engine)
    per_doc = 100
    docs = max(1, claims // per_doc)
    with engine.begin() as conn:
        conn.execute(insert(Outlet.__table__), [{"id": i + 1, "name": n, "aliases": []} for i, n in enumerate(OUTLETS)])
        entities = [{"id": i + 1, "name": n, "kind": "person", "key": n.lower(), "aliases": []}
                    for i, n in enumerate(SPEAKERS + ["Tass", "RIA Novosti", "Interfax"])]
        conn.execute(insert(Entity.__table__), entities)
        relay_ids = [len(SPEAKERS) + 1, len(SPEAKERS) + 2, len(SPEAKERS) + 3]
        claim_id = att_id = 0
        for d in range(docs):
            published = date(2022, 1, 1) + timedelta(days=rng.randrange(365))
            sentences, spans, atts, relays, values = [], [], [], [], []
            offset = 0
            for _ in range(per_doc):
                s_index = rng.randrange(len(SPEAKERS))
                n = rng.randrange(2, 500)
                when = published + timedelta(days=rng.randrange(-10, 10))
                sentence = rng.choice(TEMPLATES).format(s=SPEAKERS[s_index], n=n, d=when.strftime("%B %d"))
                if rng.random() < 0.001:
                    sentence = sentence[:-1] + ", a rare zugzwang."
                sentences.append(sentence)
                claim_id += 1
                spans.append({"id": claim_id, "document_id": d + 1, "start": offset, "end": offset + len(sentence),
                              "quote": sentence, "kind": rng.choice(["date", "quantity", "event", "quote"]),
                              "check_worthiness": round(rng.random(), 2), "hedged": rng.random() < 0.1,
                              "status": "unreviewed", "version": 1, "reason": {"rule": "synthetic"}})
                if rng.random() < 0.7:
                    att_id += 1
                    atts.append({"id": att_id, "claim_id": claim_id, "speaker_id": s_index + 1, "cue": "said",
                                 "mode": "indirect", "descriptor": None})
                    if rng.random() < 0.2:
                        relays.append({"attribution_id": att_id, "position": 0, "entity_id": rng.choice(relay_ids)})
                if rng.random() < 0.5:
                    text = when.strftime("%B %d")
                    at = offset + sentence.index(text)
                    values.append({"claim_id": claim_id, "type": "date", "text": text, "span_start": at,
                                   "span_end": at + len(text), "date": when.isoformat()})
                offset += len(sentence) + 1
            text = "\n".join(sentences)
            conn.execute(insert(Document.__table__), [{
                "id": d + 1, "outlet_id": rng.randrange(len(OUTLETS)) + 1, "title": f"Synthetic report {d + 1}",
                "published": published, "origin": f"synthetic/{d + 1}.txt", "name": f"{d + 1}.txt", "format": "txt",
                "text": text, "sha256": sha256(text.encode()).hexdigest()}])
            conn.execute(insert(Claim.__table__), spans)
            if atts:
                conn.execute(insert(Attribution.__table__), atts)
            if relays:
                conn.execute(insert(Relay.__table__), relays)
            if values:
                conn.execute(insert(ClaimValue.__table__), values)
        reviewed = rng.sample(range(1, claim_id + 1), claim_id // 10)
        conn.execute(insert(Verdict.__table__), [{"claim_id": c, "status": "corroborated", "reviewer": "bench"}
                                                 for c in reviewed])
        conn.execute(Claim.__table__.update().where(Claim.id.in_(reviewed)).values(status="corroborated", version=2))
        pairs = {tuple(sorted(rng.sample(range(1, claim_id + 1), 2))) for _ in range(claim_id // 20)}
        conn.execute(insert(ClaimLink.__table__), [{"a_id": a, "b_id": b, "relation": "related", "score": 0.5,
                                                    "reason": "synthetic", "origin": "auto"} for a, b in pairs])
    engine.dispose()


def timed(fn, repeat: int = 5) -> float:
    """The median of ``repeat`` runs, in seconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


async def ui_figures(url: str) -> tuple[float, float, float]:
    """Times measured inside the app: until the message that carries the answer has been handled.

    ``pilot.press`` itself waits for the screen to go idle (over 100 ms), so the clock stops at the message,
    not when ``press`` returns.
    """
    from tracker.tui import build_app
    from tracker.tui.messages import ClaimLoaded, QueueLoaded, VerdictSaved
    from tracker.tui.queue import ClaimQueue

    arrived: dict[type, float] = {}

    def hook(message) -> None:
        arrived.setdefault(type(message), time.perf_counter())

    async def until(kind: type, pilot) -> float:
        while kind not in arrived:
            await pilot.pause(0.001)
        await pilot.pause()  # the handler has run once the queue is processed again
        return arrived.pop(kind)

    engine = make_engine(url)
    app = build_app(session_factory(engine), reviewer="bench")
    start = time.perf_counter()
    async with app.run_test(size=(160, 45), message_hook=hook) as pilot:
        first_screen = await until(ClaimLoaded, pilot) - start
        screen = app.screen
        queue = screen.query_one(ClaimQueue)
        await pilot.pause(0.2)
        arrived.clear()

        start = time.perf_counter()
        screen.claim_filter = ClaimFilter(search="zugzwang")
        search = await until(QueueLoaded, pilot) - start
        assert "zugzwang" in queue.rows_by_id[queue.order[0]].quote
        screen.claim_filter = ClaimFilter()
        await until(QueueLoaded, pilot)
        await pilot.pause(0.2)
        arrived.clear()

        start = time.perf_counter()
        await pilot.press("c")
        keystroke = await until(VerdictSaved, pilot) - start
        await app.workers.wait_for_complete()
    engine.dispose()
    return first_screen, search, keystroke


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary database and print where")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bench_review_")
    url = args.db or f"sqlite:///{Path(folder) / 'review.db'}"

    start = time.perf_counter()
    build(url, args.claims)
    print(f"built {args.claims:,} claims in {time.perf_counter() - start:.1f} s  ({url})")

    sessions = session_factory(make_engine(url))
    filters = {"status=unreviewed": ClaimFilter(status="unreviewed"), "kind=date": ClaimFilter(kind="date"),
               "outlet~bloomberg": ClaimFilter(outlet="bloomberg"), "speaker~tass": ClaimFilter(speaker="tass"),
               "search 'battalions'": ClaimFilter(search="battalions"),
               "search 'zugzwang' (rare)": ClaimFilter(search="zugzwang")}
    print("filter or search, first page + count (target 0.3 s):")
    for name, flt in filters.items():
        def query(flt=flt):
            with sessions() as session:
                review.queue_page(session, flt, limit=PAGE)
                count_claims(session, flt)
        print(f"  {name:28} {timed(query) * 1000:7.1f} ms")
    for sort in ("unreviewed", "worth", "status", "outlet", "date"):
        def sorted_page(sort=sort):
            with sessions() as session:
                review.queue_page(session, sort=sort, limit=PAGE)
        print(f"  sort by {sort:20} {timed(sorted_page) * 1000:7.1f} ms")

    ids = iter(range(1, args.claims + 1, 997))

    def verdict():
        with sessions() as session:
            review.record_verdict(session, next(ids), "contradicted", reviewer="bench")
    print(f"verdict committed by the service (target 50 ms): {timed(verdict, repeat=25) * 1000:.1f} ms median")

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import tracker.cli, tracker.tui"], check=True)
    startup = time.perf_counter() - start
    first_screen, search, keystroke = asyncio.run(ui_figures(url))
    print(f"UI: Python start and imports of the CLI and Textual: {startup:.2f} s")
    print(f"UI: first screen usable after that (target 1.5 s for both): {first_screen:.2f} s")
    print(f"UI: search answered in the queue (target 0.3 s): {search * 1000:.0f} ms")
    print(f"UI: 'c' keystroke to the verdict committed and reported (target 50 ms): {keystroke * 1000:.0f} ms")
    if args.keep or args.db:
        print(f"database kept: {url}")
    else:
        Path(folder, "review.db").unlink()


if __name__ == "__main__":
    main()
