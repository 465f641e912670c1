"""Linking claims across documents: load them as analysis facts, store the suggestions as auto links.

Re-running is idempotent. A reviewer's links are never touched, and neither is an auto link a reviewer
has decided on (accepted or dismissed), even when the matcher would no longer suggest it.
"""
from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import cast

from sqlalchemy import Table, bindparam, delete, exists, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..analysis import ClaimFact, Matcher, SuggestedLink, ValueFact
from ..analysis.matching import paused_gc
from ..analysis.stories import COMMON_KEY, STORY_SAMPLE, DocProfile, Stories, assign_stories, idf_of, nearest
from ..analysis.words import doc_keys
from ..models import (
    Attribution,
    Claim,
    ClaimLink,
    ClaimValue,
    Document,
    DocumentKey,
    Entity,
    KeyCount,
    Outlet,
    Relay,
)


@dataclass(slots=True)
class LinkSummary:
    #: links the matcher stands behind after this run: new, changed or unchanged
    suggested: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    #: links left as they were because a reviewer made or decided them
    kept: int = 0
    pairs_compared: int = 0
    claims: int = 0
    seconds: float = 0.0
    by_relation: dict[str, int] | None = None
    #: documents linked by this run (and now marked linked)
    documents: int = 0
    #: of those, documents an earlier run stored and was cut off before linking
    left_over: int = 0

    @property
    def stored(self) -> int:
        """The links there are for the linked documents after this run (what ingest reports)."""
        return self.suggested

    def line(self) -> str:
        rels = ", ".join(f"{n} {rel}" for rel, n in sorted((self.by_relation or {}).items()))
        return (f"{self.suggested} link{'s' * (self.suggested != 1)} suggested{f' ({rels})' if rels else ''}: "
                f"{self.added} new, {self.updated} updated, {self.removed} removed, {self.kept} kept for reviewers; "
                f"{self.pairs_compared} pairs compared among {self.claims} claims in {self.seconds:.2f} s")


#: how far a claim's context reaches before and after it, in characters, when no sentence or line ends nearer:
#: far beyond a sentence of prose, and what keeps linking a document that is one huge line linear in its size
CONTEXT_REACH = 1000


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding ``start``..``end``, reaching at most :data:`CONTEXT_REACH` characters
    either side of it."""
    lo, hi = max(0, start - CONTEXT_REACH), min(len(text), end + CONTEXT_REACH)
    dot = text.rfind(". ", lo, start)
    sent_start = max(text.rfind("\n", lo, start) + 1, dot + 2 if dot >= 0 else lo)
    # a quote may end on its own full stop: look for the sentence end from its last character
    stops = [x for x in (text.find(". ", end - 1, hi), text.find("\n", end, hi)) if x != -1]
    stop = min(stops) + 1 if stops else hi
    return text[sent_start:stop].strip()


def fact_of(claim: Claim) -> ClaimFact:
    """One loaded claim (with details, see :func:`tracker.services.claims.with_details`) as a fact."""
    doc = claim.document
    att = claim.attribution
    speaker = att.speaker if att else None
    return ClaimFact(
        id=claim.id, document_id=claim.document_id, quote=claim.quote, outlet=doc.outlet.name if doc.outlet else None,
        published=doc.published, kind=claim.kind, hedged=claim.hedged, speaker=speaker.name if speaker else None,
        speaker_kind=speaker.kind if speaker else None, via=tuple(r.entity.name for r in att.relays) if att else (),
        values=tuple(ValueFact(v.type, v.text, v.date, v.date_end, v.number, v.low, v.high, v.unit)
                     for v in claim.values),
        context=sentence_around(doc.text, claim.start, claim.end))


def as_one_source(session: Session, facts: list[ClaimFact]) -> list[ClaimFact]:
    """Claims of near-copies of one article told as claims of the first copy (its document and outlet), so that
    counts of outlets and independent sources take the copies as one source."""
    roots = {doc: cast(int, root) for doc, root in session.execute(
        select(Document.id, Document.copy_of_id).where(Document.copy_of_id.is_not(None)))}
    if not roots:
        return facts
    outlets = {doc: outlet for doc, outlet in session.execute(
        select(Document.id, Outlet.name).outerjoin(Outlet, Document.outlet_id == Outlet.id)
        .where(Document.id.in_(sorted(set(roots.values())))))}
    return [replace(f, document_id=roots[f.document_id], outlet=outlets.get(roots[f.document_id]))
            if f.document_id in roots else f for f in facts]


def load_facts(session: Session, document_ids: Collection[int] | None = None) -> list[ClaimFact]:
    """Every claim (or those of ``document_ids``) as a :class:`ClaimFact`, in a few column queries (no ORM
    objects: this runs on whole corpora)."""
    if document_ids is not None:
        return [f for chunk in _chunks(sorted(document_ids)) for f in _load_facts(session, chunk)]
    return _load_facts(session, None)


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for i in range(0, len(ids), size):  # keep under the drivers' bound-parameter limits
        yield ids[i:i + size]


def _load_facts(session: Session, document_ids: list[int] | None) -> list[ClaimFact]:
    def only(stmt, column=Claim.document_id):  # type: ignore[no-untyped-def]
        return stmt if document_ids is None else stmt.where(column.in_(document_ids))

    docs = {row.id: row for row in session.execute(only(
        select(Document.id, Document.published, Document.text, Outlet.name.label("outlet"))
        .outerjoin(Outlet, Document.outlet_id == Outlet.id)
        # links and conflicts follow an article's current version; an older one's claims are history
        .where(Document.current.is_(True)), Document.id))}
    speakers: dict[int, tuple[str, str]] = {}
    attribution_claim: dict[int, int] = {}
    claims_in = select(Claim.id).where(Claim.document_id.in_(document_ids)) if document_ids is not None else None
    for claim_id, att_id, name, kind in session.execute(
            (select(Attribution.claim_id, Attribution.id, Entity.name, Entity.kind)
             .outerjoin(Entity, Attribution.speaker_id == Entity.id)).where(
                *([Attribution.claim_id.in_(claims_in)] if claims_in is not None else []))):
        attribution_claim[att_id] = claim_id
        if name:
            speakers[claim_id] = (name, kind)
    relays: dict[int, list[str]] = defaultdict(list)
    for att_id, name in session.execute(
            select(Relay.attribution_id, Entity.name).join(Entity, Relay.entity_id == Entity.id)
            .order_by(Relay.attribution_id, Relay.position)):
        if att_id in attribution_claim:
            relays[attribution_claim[att_id]].append(name)
    values: dict[int, list[ValueFact]] = defaultdict(list)
    for claim_id, *fields in session.execute(
            select(ClaimValue.claim_id, ClaimValue.type, ClaimValue.text, ClaimValue.date, ClaimValue.date_end,
                   ClaimValue.number, ClaimValue.low, ClaimValue.high, ClaimValue.unit)
            .where(*([ClaimValue.claim_id.in_(claims_in)] if claims_in is not None else []))
            .order_by(ClaimValue.claim_id, ClaimValue.span_start)):
        values[claim_id].append(ValueFact(*fields))
    facts = []
    no_speaker = (None, None)
    for claim_id, doc_id, start, end, quote, kind, hedged in session.execute(only(
            select(Claim.id, Claim.document_id, Claim.start, Claim.end, Claim.quote, Claim.kind, Claim.hedged))
            .order_by(Claim.id)):
        doc = docs.get(doc_id)
        if doc is None:  # an older version, or stored by another process after the documents were read
            continue
        speaker, speaker_kind = speakers.get(claim_id, no_speaker)
        facts.append(ClaimFact(
            id=claim_id, document_id=doc_id, quote=quote, outlet=doc.outlet, published=doc.published, kind=kind,
            hedged=hedged, speaker=speaker, speaker_kind=speaker_kind, via=tuple(relays.get(claim_id, ())),
            values=tuple(values.get(claim_id, ())), context=sentence_around(doc.text, start, end)))
    return facts


def link_claims(session: Session, document_ids: Iterable[int] | None = None) -> LinkSummary:
    """Suggest links and store them as auto links, in the caller's transaction.

    With ``document_ids`` only pairs touching those documents are considered (ingest links what it just
    stored against what is there); without, every pair is, and stale unreviewed auto links go.
    """
    started = time.perf_counter()
    new_docs = set(document_ids) if document_ids is not None else None
    with paused_gc():
        if new_docs is None:
            stories, idf = _all_stories(session)
            # only the documents placed: one stored meanwhile by another process is linked by its own run
            facts = [f for f in load_facts(session) if f.document_id in stories.story]
        else:
            stories, idf = _new_stories(session, new_docs)
            facts = load_facts(session, [d for d, sid in stories.story.items()
                                         if sid in {stories.story[n] for n in new_docs}])
    matcher = Matcher(stories, lambda word: idf(f"w:{word}"))
    suggestions = matcher.suggest(facts, new_docs)
    summary = LinkSummary(claims=len(facts), pairs_compared=matcher.pairs_compared)
    _store(session, suggestions, new_docs, summary)
    if new_docs is not None and stories.merged:
        _link_bridged(session, matcher, stories, [f for f in facts if f.document_id not in new_docs], summary)
    linked = sorted(stories.story) if new_docs is None else sorted(new_docs)
    _mark_linked(session, linked)
    summary.documents = len(linked)
    summary.seconds = time.perf_counter() - started
    return summary


def _mark_linked(session: Session, document_ids: list[int]) -> None:
    for chunk in _chunks(document_ids):
        session.execute(update(Document).where(Document.id.in_(chunk), Document.linked.is_(False))
                        .values(linked=True), execution_options={"synchronize_session": False})


def index_documents(session: Session) -> None:
    """Store the keys of every document that has none (after an import: archives do not carry them)."""
    _ensure_keys(session, None)


def _link_bridged(session: Session, matcher: Matcher, stories: Stories, stored: list[ClaimFact],
                  summary: LinkSummary) -> None:
    """Links between stored claims of two stories merged in this run (a new document bridged them), added to
    those there are: each story's own links stand as they were."""
    moved = {d for d in stories.before if stories.before[d] in stories.merged}
    docs = {f.id: f.document_id for f in stored}
    found = [s for s in matcher.suggest(stored, moved) if stories.bridged(docs[s.a_id], docs[s.b_id])]
    if not found:
        return
    claims = sorted({c for s in found for c in (s.a_id, s.b_id)})
    there = {(a, b) for chunk in _chunks(claims) for a, b in session.execute(
        select(ClaimLink.a_id, ClaimLink.b_id).where(ClaimLink.a_id.in_(chunk)))}
    rows = [{"a_id": s.a_id, "b_id": s.b_id, "relation": s.relation, "score": s.score, "reason": s.reason,
             "origin": "auto"} for s in found if (s.a_id, s.b_id) not in there]
    if rows:
        session.execute(insert(ClaimLink), rows)
    summary.added += len(rows)
    summary.suggested += len(rows)
    by_relation = summary.by_relation if summary.by_relation is not None else {}
    for row in rows:
        by_relation[str(row["relation"])] = by_relation.get(str(row["relation"]), 0) + 1
    summary.by_relation = by_relation


def _ensure_keys(session: Session, document_ids: Collection[int] | None) -> None:
    """Store the keys of documents that have none yet (just ingested, or stored before migration 0004)."""
    stmt = select(Document.id, Document.text).where(~exists().where(DocumentKey.document_id == Document.id))
    ids = None if document_ids is None else sorted(document_ids)
    for chunk in _chunks(ids) if ids is not None else [None]:
        rows = [{"document_id": doc, "key": key}
                for doc, text in session.execute(stmt if chunk is None else stmt.where(Document.id.in_(chunk)))
                for key in sorted(doc_keys(str(text)))]
        for i in range(0, len(rows), 5000):
            session.execute(insert(DocumentKey), rows[i:i + 5000])
        _count_keys(session, Counter(str(row["key"]) for row in rows))


def _count_keys(session: Session, added: Counter[str]) -> None:
    """Add to the stored count of documents holding each key."""
    if not added:
        return
    upsert = (postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert)(KeyCount)
    upsert = upsert.on_conflict_do_update(index_elements=[KeyCount.key],
                                          set_={"documents": KeyCount.documents + upsert.excluded.documents})
    rows = [{"key": k, "documents": n} for k, n in sorted(added.items())]
    for i in range(0, len(rows), 5000):
        session.execute(upsert, rows[i:i + 5000])


def _frequencies(session: Session, keys: Collection[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    ordered = sorted(keys)
    for i in range(0, len(ordered), 500):
        out.update({key: n for key, n in session.execute(select(KeyCount.key, KeyCount.documents).where(
            KeyCount.key.in_(ordered[i:i + 500])))})
    return out


def _profiles(session: Session, document_ids: list[int] | None) -> list[DocProfile]:
    keys: dict[int, set[str]] = defaultdict(set)
    meta = {}
    for chunk in _chunks(document_ids) if document_ids is not None else [None]:
        key_stmt = select(DocumentKey.document_id, DocumentKey.key)
        doc_stmt = select(Document.id, Document.published)
        if chunk is not None:
            key_stmt = key_stmt.where(DocumentKey.document_id.in_(chunk))
            doc_stmt = doc_stmt.where(Document.id.in_(chunk))
        for doc, key in session.connection().execute(key_stmt):  # Core rows: cheaper than the ORM's
            keys[doc].add(key)
        meta.update({doc: published for doc, published in session.execute(doc_stmt)})
    return [DocProfile.of(doc, frozenset(keys[doc]), published) for doc, published in sorted(meta.items())]


def _all_stories(session: Session) -> tuple[Stories, Callable[[str], float]]:
    """Every document's story, from scratch, stored on the documents."""
    _ensure_keys(session, None)
    profiles = _profiles(session, None)
    frequency: dict[str, int] = defaultdict(int)
    for p in profiles:
        for k in p.keys:
            frequency[k] += 1
    idf = idf_of(frequency, len(profiles))
    # counted afresh: documents deleted since leave their keys counted
    session.execute(delete(KeyCount))
    _count_keys(session, Counter(frequency))
    stories = assign_stories(profiles, idf)
    _save_stories(session, stories, [p.id for p in profiles])
    return stories, idf


def _new_stories(session: Session, new_docs: set[int]) -> tuple[Stories, Callable[[str], float]]:
    """The stories new documents join: only the stored documents sharing a rarer key with them are read.
    Documents never placed in a story (stored before migration 0004) are not linked (migration 0006), so they
    come as new documents themselves."""
    # a document not linked yet is either among ``new_docs`` or stored meanwhile by another process (linked by
    # its own run): only a linked one without a story needs the whole corpus placed
    unplaced = session.scalars(select(Document.id).where(Document.story_id.is_(None), Document.linked.is_(True))
                               .limit(len(new_docs) + 1))
    if set(unplaced) - new_docs:
        return _all_stories(session)
    _ensure_keys(session, new_docs)
    new = _profiles(session, sorted(new_docs))
    new_keys = {k for p in new for k in p.keys}
    documents = session.scalar(select(func.count()).select_from(Document)) or 0
    frequency = _frequencies(session, new_keys)
    idf = idf_of(frequency, documents)
    # the new documents are stored already: as when the whole corpus is placed, a key is common by the
    # documents before them
    before = {k: n - sum(1 for p in new if k in p.keys) for k, n in frequency.items()}
    rare = sorted(k for k in new_keys if before.get(k, 0) <= COMMON_KEY)
    holders: dict[str, list[int]] = defaultdict(list)
    for i in range(0, len(rare), 500):
        for doc, key in session.connection().execute(select(DocumentKey.document_id, DocumentKey.key)
                                                     .where(DocumentKey.key.in_(rare[i:i + 500]))):
            if doc not in new_docs:
                holders[key].append(doc)
    near = {d for p in new for d in nearest(p, holders, idf, before)}
    story_ids = sorted({s for chunk in _chunks(sorted(near))
                        for s in session.scalars(select(Document.story_id).where(Document.id.in_(chunk)))
                        if s is not None})
    by_story: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks(story_ids):
        for doc, story in session.execute(select(Document.id, Document.story_id)
                                          .where(Document.story_id.in_(chunk)).order_by(Document.id)):
            by_story[cast(int, story)].append(doc)
    members = sorted(d for docs in by_story.values() for d in docs[-STORY_SAMPLE:] if d not in new_docs)
    stories = Stories()
    for chunk in _chunks(members):
        for doc, story, copy in session.execute(select(Document.id, Document.story_id, Document.copy_of_id)
                                                .where(Document.id.in_(chunk))):
            stories.story[doc] = cast(int, story)
            if copy is not None:
                stories.copy_of[doc] = copy
    member_profiles = _profiles(session, members)
    for p in member_profiles:
        stories.members.setdefault(stories.story[p.id], []).append(p)
    stories.before = dict(stories.story)
    # the stories' own keys weighed by their stored counts too, as when the whole corpus is placed (a key
    # missing from ``frequency`` would weigh as if no document held it)
    frequency.update(_frequencies(session, {k for p in member_profiles for k in p.keys} - new_keys))
    assign_stories(new, idf, stories, before)
    # the words of the stories joined, weighed for the claims compared within them
    joined = {stories.story[d] for d in new_docs}
    frequency.update(_frequencies(session, {k for sid in joined for p in stories.members.get(sid, ())
                                            for k in p.keys} - frequency.keys()))
    _save_stories(session, stories, sorted(new_docs))
    for gone, into in sorted(stories.merged.items()):
        # the merged story's documents not read here go on under the story it joined
        session.execute(update(Document).where(Document.story_id == gone).values(story_id=into))
    return stories, idf


def _save_stories(session: Session, stories: Stories, documents: list[int]) -> None:
    rows = [{"doc": d, "story": stories.story[d], "copy": stories.copy_of.get(d)} for d in documents]
    if rows:
        table = cast(Table, Document.__table__)
        session.connection().execute(update(table).where(table.c.id == bindparam("doc"))
                                     .values(story_id=bindparam("story"), copy_of_id=bindparam("copy")), rows)


def _store(session: Session, suggestions: list[SuggestedLink], new_docs: set[int] | None, summary: LinkSummary) -> None:
    existing_stmt = select(ClaimLink.id, ClaimLink.a_id, ClaimLink.b_id, ClaimLink.relation, ClaimLink.score,
                           ClaimLink.reason, ClaimLink.origin, ClaimLink.decision)
    if new_docs is not None:
        in_new = select(Claim.id).where(Claim.document_id.in_(new_docs))
        existing_stmt = existing_stmt.where(or_(ClaimLink.a_id.in_(in_new), ClaimLink.b_id.in_(in_new)))
    existing = {(row.a_id, row.b_id): row for row in session.execute(existing_stmt)}
    wanted = {(s.a_id, s.b_id): s for s in suggestions}
    by_relation: dict[str, int] = defaultdict(int)
    to_add = []
    for pair, s in wanted.items():
        row = existing.get(pair)
        if row is None:
            to_add.append({"a_id": s.a_id, "b_id": s.b_id, "relation": s.relation, "score": s.score,
                           "reason": s.reason, "origin": "auto"})
        elif row.origin != "auto" or (row.decision is not None and row.relation != s.relation):
            summary.kept += 1
            continue
        elif (row.relation, row.score, row.reason) != (s.relation, s.score, s.reason):
            session.execute(update(ClaimLink).where(ClaimLink.id == row.id)
                            .values(relation=s.relation, score=s.score, reason=s.reason))
            summary.updated += 1
        by_relation[s.relation] += 1
        summary.suggested += 1
    stale = [row.id for pair, row in existing.items()
             if pair not in wanted and row.origin == "auto" and row.decision is None]
    summary.kept += sum(1 for pair, row in existing.items()
                        if pair not in wanted and (row.origin != "auto" or row.decision is not None))
    for i in range(0, len(stale), 500):  # keep under the drivers' bound-parameter limits
        session.execute(delete(ClaimLink).where(ClaimLink.id.in_(stale[i:i + 500])))
    if to_add:
        session.execute(insert(ClaimLink), to_add)
    summary.added, summary.removed = len(to_add), len(stale)
    summary.by_relation = dict(by_relation)


def link_new_documents(sessions: sessionmaker[Session], document_ids: Iterable[int] = ()) -> LinkSummary:
    """Link the claims of documents just stored, and of every document an earlier run stored and never linked
    (killed or interrupted before linking), against everything there, in one transaction of its own."""
    return _in_transaction(sessions, set(document_ids))


def relink(sessions: sessionmaker[Session]) -> LinkSummary:
    """Recompute every auto link, in one transaction: a failure leaves the links as they were."""
    return _in_transaction(sessions, None)


def pending_documents(session: Session) -> list[int]:
    """The documents stored and not linked yet."""
    return list(session.scalars(select(Document.id).where(Document.linked.is_(False)).order_by(Document.id)))


#: PostgreSQL advisory lock key held by a link transaction ("tlnk")
LINK_LOCK = 0x746C6E6B
#: tries of a link transaction that another process's links collided with
ATTEMPTS = 3


def _one_linker_at_a_time(session: Session) -> None:
    """Linking runs one process at a time, so two ingests ending together never link the same documents
    twice or read each other's half-written stories. PostgreSQL: an advisory lock held to the end of the
    transaction. SQLite: the database's write lock, taken by a write that changes nothing (Python's sqlite3
    would otherwise begin the transaction only at the first write, after the reads)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(LINK_LOCK)))
    else:
        session.execute(update(Document).where(Document.id < 0).values(linked=Document.linked),
                        execution_options={"synchronize_session": False})


def _in_transaction(sessions: sessionmaker[Session], document_ids: set[int] | None) -> LinkSummary:
    if document_ids is not None and not document_ids:
        with sessions() as session:
            if session.scalar(select(Document.id).where(Document.linked.is_(False)).limit(1)) is None:
                return LinkSummary()  # nothing to do: no lock taken (a read-only database stays readable)

    def once() -> LinkSummary:
        with sessions() as session, session.begin():
            _one_linker_at_a_time(session)
            if document_ids is None:
                return link_claims(session, None)
            pending = set(pending_documents(session))
            todo = pending | document_ids
            if not todo:
                return LinkSummary()
            summary = link_claims(session, todo)
            summary.left_over = len(pending - document_ids)
            return summary

    for attempt in range(ATTEMPTS):
        try:
            return once()
        except IntegrityError:
            # another process stored one of our pairs first (a reviewer's link by hand, or a tracker of an
            # earlier version linking without the lock); another pass sees its rows and keeps or updates them
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")
