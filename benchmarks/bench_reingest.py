"""Re-ingest benchmark: 200 BBC articles stored, then each stored again with one small synthetic edit; prints the
time of both runs and how the claims were re-anchored against what each edit should have done.

    .venv/bin/python benchmarks/bench_reingest.py [--corpus DIR] [--articles 200] [--workers N] [--seed 13]

The edits, one an article in turn (the expectation for each old claim follows from where the edit falls):

    append     a line added at the end                         every claim unchanged
    insert     a paragraph added after the headline            every claim moved
    number     one digit of a claim's number changed           that claim changed; those after it unchanged
                                                               (same length)
    delete     one claim's sentence taken out                  that claim removed; those after it moved
    negate     "not" put after the claim's first is/was/will/   that claim changed; those after it moved
               has/had/are/were
    typo       two letters of a long word in a claim swapped   that claim moved (fuzzy, same facts); the rest
                                                               unchanged

A claim that no edit touched can still come out otherwise when the extractor draws it differently in the new
text (a new paragraph before it changes its context): the table counts every such case against the expectation.
The edits are made in memory; nothing is written to the corpus. SQLite in a temporary folder.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")
EDITS = ("append", "insert", "number", "delete", "negate", "typo")
OUTCOMES = ("unchanged", "moved", "changed", "removed")
# invented: the kind of line an outlet adds to an updated article
ADDED_PARAGRAPH = "This article was updated after publication with further details from officials."
APPENDED_LINE = "\n\nAdditional reporting by our correspondents."
_VERB = re.compile(r"\b(is|was|will|has|had|are|were)\b")
_DIGIT = re.compile(r"\d")
_LONG_WORD = re.compile(r"\b[a-z]{7,}\b")


def pick_files(corpus: Path, n: int, seed: int) -> list[Path]:
    files = sorted(p for c in CATEGORIES for p in (corpus / c).glob("*.txt"))
    return sorted(random.Random(seed).sample(files, min(n, len(files))))


def edit(kind: str, text: str, claims: list[tuple[int, int, int]], rng: random.Random
         ) -> tuple[str, dict[int, str]] | None:
    """The edited text and the expected outcome of each old claim (by id), or None when the article offers no
    claim this edit can touch. ``claims``: (id, start, end) in text order."""
    if kind == "append":
        return text + APPENDED_LINE, {cid: "unchanged" for cid, _, _ in claims}
    if kind == "insert":
        at = text.find("\n") + 1 or 0
        new = text[:at] + "\n" + ADDED_PARAGRAPH + "\n" + text[at:]
        return new, {cid: ("unchanged" if end <= at else "moved") for cid, _, end in claims}
    targets = {"number": [c for c in claims if _DIGIT.search(text[c[1]:c[2]])],
               "delete": claims,
               "negate": [c for c in claims if _VERB.search(text[c[1]:c[2]])],
               "typo": [c for c in claims if _LONG_WORD.search(text[c[1]:c[2]])]}[kind]
    if not targets:
        return None
    cid, start, end = rng.choice(targets)
    quote = text[start:end]
    if kind == "number":
        m = rng.choice(list(_DIGIT.finditer(quote)))
        digit = str((int(m.group()) + rng.randint(1, 8)) % 10)
        new_quote, fate = quote[:m.start()] + digit + quote[m.end():], "changed"
    elif kind == "delete":
        new_quote, fate = "", "removed"
    elif kind == "negate":
        m = _VERB.search(quote)
        assert m is not None
        new_quote, fate = quote[:m.end()] + " not" + quote[m.end():], "changed"
    else:
        m = rng.choice(list(_LONG_WORD.finditer(quote)))
        word = m.group()
        places = [i for i in range(1, len(word) - 2) if word[i] != word[i + 1]]  # a swap that changes the word
        i = rng.choice(places)
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        new_quote, fate = quote[:m.start()] + swapped + quote[m.end():], "moved"
    delta = len(new_quote) - len(quote)
    expected = {}
    for other, s, e in claims:
        if other == cid:
            expected[other] = fate
        elif e <= start:
            expected[other] = "unchanged"
        elif s >= end:
            expected[other] = "unchanged" if delta == 0 else "moved"
        else:  # overlapping the edited claim (a caveat inside it): counted as the edited one's fate
            expected[other] = fate if fate != "moved" else "moved"
    return text[:start] + new_quote + text[end:], expected


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    from sqlalchemy import select

    from tracker.db import make_engine, session_factory, upgrade
    from tracker.models import Claim, ClaimChange, Document
    from tracker.readers import Article, read_paths
    from tracker.services.ingest import ingest

    files = pick_files(args.corpus, args.articles, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/reingest.db")
        upgrade(engine)
        sessions = session_factory(engine)
        started = time.perf_counter()
        first = ingest(sessions, read_paths([str(f) for f in files]), workers=args.workers)
        first_seconds = time.perf_counter() - started
        rng = random.Random(args.seed)
        edited: list[Article] = []
        expected: dict[int, tuple[str, str]] = {}  # old claim id -> (edit, expected outcome)
        edits: Counter[str] = Counter()
        with sessions() as s:
            rows = s.execute(select(Document.id, Document.text, Document.origin, Document.name, Document.published)
                             .order_by(Document.id)).all()
            spans: dict[int, list[tuple[int, int, int]]] = {}
            for cid, did, start, end in s.execute(select(Claim.id, Claim.document_id, Claim.start, Claim.end)
                                                  .order_by(Claim.document_id, Claim.start)):
                spans.setdefault(did, []).append((cid, start, end))
        for i, row in enumerate(rows):
            for step in range(len(EDITS)):  # the article's turn, or the next edit it allows
                kind = EDITS[(i + step) % len(EDITS)]
                done = edit(kind, row.text, spans.get(row.id, []), rng)
                if done is not None:
                    break
            else:
                continue
            text, fates = done
            edits[kind] += 1
            expected.update({cid: (kind, fate) for cid, fate in fates.items()})
            edited.append(Article(text=text, name=row.name, origin=row.origin, published=row.published))
        started = time.perf_counter()
        second = ingest(sessions, edited, workers=args.workers)
        second_seconds = time.perf_counter() - started
        with sessions() as s:
            actual = {old: outcome for old, outcome in s.execute(
                select(ClaimChange.old_claim_id, ClaimChange.outcome).where(ClaimChange.old_claim_id.is_not(None)))}
            new_count = sum(1 for _ in s.execute(select(ClaimChange.id).where(ClaimChange.outcome == "new")))
        engine.dispose()
    print(f"first ingest: {len(files)} files, {first.new} documents ({first.present} duplicates), "
          f"{first.claims} claims in {first_seconds:.1f} s")
    print(f"re-ingest of {len(edited)} edited documents: {second.new} new versions ({second.versions} chained), "
          f"{second.failed} failed, in {second_seconds:.1f} s ({second_seconds / max(1, len(edited)) * 1000:.0f} ms "
          f"a document, matching and storing included)")
    print("edits: " + ", ".join(f"{edits[k]} {k}" for k in EDITS))
    print()
    confusion: Counter[tuple[str, str]] = Counter()
    by_edit: Counter[tuple[str, bool]] = Counter()
    for cid, (kind, fate) in expected.items():
        got = actual.get(cid, "missing")
        confusion[fate, got] += 1
        by_edit[kind, got == fate] += 1
    print("expected \\ actual  " + "".join(f"{o:>10}" for o in OUTCOMES) + f"{'missing':>10}")
    for fate in OUTCOMES:
        print(f"{fate:18}" + "".join(f"{confusion[fate, o]:>10}" for o in (*OUTCOMES, "missing")))
    total = sum(confusion.values())
    right = sum(confusion[o, o] for o in OUTCOMES)
    print(f"\nold claims: {total}; outcome as expected: {right} ({right / max(1, total):.1%}); new claims: {new_count}")
    wrongly_kept = confusion["changed", "unchanged"] + confusion["changed", "moved"]
    print(f"changed claims re-anchored as if unchanged (the failure that must not happen): {wrongly_kept}")
    for kind in EDITS:
        n = by_edit[kind, True] + by_edit[kind, False]
        if n:
            print(f"  {kind:8} {by_edit[kind, True]}/{n} old claims as expected")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
