"""The review service: verdicts, notes, evidence, undo, reset, link decisions, concurrency, the queue."""
from __future__ import annotations

import subprocess
import sys

import pytest
from review_data import build
from sqlalchemy import select

from tracker.db import make_engine, session_factory, upgrade
from tracker.errors import NotFound, StaleClaim
from tracker.models import Claim, ClaimLink, Verdict
from tracker.services import review
from tracker.services.claims import ClaimFilter, count_claims


@pytest.fixture
def ids(sessions):
    with sessions() as session:
        return build(session)


def verdicts_of(sessions, claim_id):
    with sessions() as session:
        return list(session.scalars(select(Verdict).where(Verdict.claim_id == claim_id).order_by(Verdict.id)))


def claim(sessions, claim_id) -> Claim:
    with sessions() as session:
        return session.get(Claim, claim_id)


def test_a_verdict_is_a_new_row_and_the_claims_status(sessions, ids):
    before = claim(sessions, ids["votes"])
    with sessions() as session:
        review.record_verdict(session, ids["votes"], "corroborated", reviewer="ann",
                              expected_version=before.version, note="AP too")
    after = claim(sessions, ids["votes"])
    assert (after.status, after.version) == ("corroborated", before.version + 1)
    [v] = verdicts_of(sessions, ids["votes"])
    assert (v.status, v.reviewer, v.note) == ("corroborated", "ann", "AP too")


def test_a_verdict_on_an_older_version_is_refused_and_nothing_recorded(sessions, ids):
    with sessions() as session:
        review.record_verdict(session, ids["votes"], "corroborated", reviewer="ann")
    with sessions() as session, pytest.raises(StaleClaim, match="changed by someone else"):
        review.record_verdict(session, ids["votes"], "contradicted", reviewer="bob", expected_version=1)
    assert [v.status for v in verdicts_of(sessions, ids["votes"])] == ["corroborated"]
    assert claim(sessions, ids["votes"]).status == "corroborated"


def test_two_sessions_racing_on_one_claim(any_url):
    """Two reviewers load the same claim; the second to save is refused (the UPDATE matches no row)."""
    engine = make_engine(any_url)
    upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as setup:
        ids = build(setup)
    first, second = sessions(), sessions()
    try:
        seen_by_first = first.get(Claim, ids["votes"])
        seen_by_second = second.get(Claim, ids["votes"])
        assert seen_by_first.version == seen_by_second.version
        review.record_verdict(second, ids["votes"], "contradicted", reviewer="bob",
                              expected_version=seen_by_second.version)
        with pytest.raises(StaleClaim):
            review.record_verdict(first, ids["votes"], "corroborated", reviewer="ann",
                                  expected_version=seen_by_first.version)
    finally:
        first.close()
        second.close()
    assert [(v.status, v.reviewer) for v in verdicts_of(sessions, ids["votes"])] == [("contradicted", "bob")]
    engine.dispose()


def test_notes_and_evidence_keep_the_status_but_bump_the_version(sessions, ids):
    five = claim(sessions, ids["five_days"])
    with sessions() as session:
        review.annotate(session, five.id, reviewer="ann", expected_version=five.version, note="  see Tass  ")
    with sessions() as session:
        review.annotate(session, five.id, reviewer="ann", evidence=f"#{ids['four_days']}")
    with sessions() as session:
        review.annotate(session, five.id, reviewer="ann", evidence="https://tass.com/x")
    rows = verdicts_of(sessions, five.id)
    assert [(v.status, v.note, v.evidence) for v in rows[1:]] == [
        ("contradicted", "see Tass", None), ("contradicted", None, f"claim:{ids['four_days']}"),
        ("contradicted", None, "https://tass.com/x")]
    assert claim(sessions, five.id).version == five.version + 3


@pytest.mark.parametrize(("evidence", "error"), [("not a url", "neither a URL"), ("99999", "does not exist")])
def test_bad_evidence_is_refused_and_nothing_recorded(sessions, ids, evidence, error):
    with sessions() as session, pytest.raises((review.BadReviewInput, NotFound), match=error):
        review.record_verdict(session, ids["votes"], "corroborated", reviewer="ann", evidence=evidence)
    assert verdicts_of(sessions, ids["votes"]) == []
    assert claim(sessions, ids["votes"]).status == "unreviewed"


def test_unknown_status_and_empty_note_are_refused(sessions, ids):
    with sessions() as session:
        with pytest.raises(review.BadReviewInput, match="unknown status 'maybe'"):
            review.record_verdict(session, ids["votes"], "maybe", reviewer="ann")
        with pytest.raises(review.BadReviewInput, match="nothing to record"):
            review.annotate(session, ids["votes"], reviewer="ann", note="   ")
        with pytest.raises(NotFound, match="no claim with id 424242"):
            review.record_verdict(session, 424242, "corroborated", reviewer="ann")


def test_undo_walks_back_my_verdicts_one_by_one(sessions, ids):
    cid = ids["votes"]
    for status in ("corroborated", "contradicted"):
        with sessions() as session:
            review.record_verdict(session, cid, status, reviewer="ann")
    with sessions() as session:
        first_undo = review.undo_last(session, cid, reviewer="ann")
    assert claim(sessions, cid).status == "corroborated"
    with sessions() as session:
        review.undo_last(session, cid, reviewer="ann")
    assert claim(sessions, cid).status == "unreviewed"
    with sessions() as session, pytest.raises(review.BadReviewInput, match="nothing of yours"):
        review.undo_last(session, cid, reviewer="ann")
    rows = verdicts_of(sessions, cid)
    assert [v.status for v in rows] == ["corroborated", "contradicted", "corroborated", "unreviewed"]
    assert [v.undoes_id for v in rows] == [None, None, rows[1].id, rows[0].id]
    assert first_undo.undoes_id == rows[1].id


def test_undo_refuses_to_discard_someone_elses_later_verdict(sessions, ids):
    cid = ids["votes"]
    with sessions() as session:
        review.record_verdict(session, cid, "corroborated", reviewer="ann")
    with sessions() as session:
        review.record_verdict(session, cid, "contradicted", reviewer="bob")
    with sessions() as session, pytest.raises(review.BadReviewInput, match="bob recorded a verdict after yours"):
        review.undo_last(session, cid, reviewer="ann")
    assert claim(sessions, cid).status == "contradicted"


def test_reset_is_a_new_unreviewed_row(sessions, ids):
    with sessions() as session:
        review.reset(session, ids["five_days"], reviewer="ann")
    rows = verdicts_of(sessions, ids["five_days"])
    assert [(v.status, v.reviewer) for v in rows] == [("contradicted", "bob"), ("unreviewed", "ann")]
    assert claim(sessions, ids["five_days"]).status == "unreviewed"


@pytest.mark.usefixtures("ids")
def test_decide_link(sessions):
    with sessions() as session:
        link_id = session.scalar(select(ClaimLink.id).where(ClaimLink.relation == "contradicts"))
        review.decide_link(session, link_id, "accepted", reviewer="ann")
    with sessions() as session:
        link = session.get(ClaimLink, link_id)
        assert (link.decision, link.decided_by) == ("accepted", "ann") and link.decided_at is not None
        with pytest.raises(review.BadReviewInput, match="unknown decision"):
            review.decide_link(session, link_id, "maybe", reviewer="ann")
        with pytest.raises(NotFound):
            review.decide_link(session, 999, "accepted", reviewer="ann")


def test_queue_pages_filters_and_sorts(sessions, ids):
    with sessions() as session:
        total = count_claims(session)
        rows = review.queue_page(session, limit=2)
        rest = review.queue_page(session, limit=100, offset=2)
        everything = review.queue_page(session, limit=100)
        assert len(rows) == 2 and rows + rest == everything and len(everything) == total
        in_document_order = session.execute(select(Claim.id).order_by(Claim.document_id, Claim.start)).scalars()
        assert [r.id for r in everything] == list(in_document_order)
        by_status = review.queue_page(session, sort="status")
        assert [r.status for r in by_status] == sorted(r.status for r in by_status)
        four = review.queue_row(session, ids["four_days"])
        assert (four.speaker, four.outlet, four.date) == ("both regions", "NBC News", "2022-09-23")
        found = review.queue_page(session, ClaimFilter(search="FIVE days"))
        assert [r.id for r in found] == [ids["five_days"]]
        with pytest.raises(review.BadReviewInput):
            review.queue_page(session, sort="colour")


def test_claim_detail_has_links_and_caveats(sessions, ids):
    with sessions() as session:
        detail = review.claim_detail(session, ids["four_days"])
    assert [c[0] for c in detail.caveats] == [ids["caveat"]]
    assert [(link.relation, link.other_id) for link in detail.links] == [("contradicts", ids["five_days"])]
    assert detail.via == ("Tass",)


def test_the_data_layer_imports_without_textual():
    code = ("import sys, pkgutil, importlib, tracker.services, tracker.models, tracker.db\n"
            "for m in pkgutil.iter_modules(tracker.services.__path__):\n"
            "    importlib.import_module('tracker.services.' + m.name)\n"
            "assert 'tracker.services.review' in sys.modules\n"
            "print('textual' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_queue_says_unnamed_for_a_quotation_whose_speaker_the_article_does_not_name(sessions, tmp_path):
    from tracker.readers import read_paths
    from tracker.services.ingest import ingest

    (tmp_path / "pier.txt").write_text("date 2031-04-08\n\nThe council met on Monday to discuss the pier.\n\n"
                                       "“Nobody asked the islanders what they wanted.”\n", encoding="utf-8")
    ingest(sessions, read_paths([tmp_path / "pier.txt"]))
    with sessions() as session:
        rows = {row.quote: row.speaker for row in review.queue_page(session)}
    assert rows["“Nobody asked the islanders what they wanted.”"] == review.UNNAMED
    assert rows["The council met on Monday to discuss the pier."] is None  # the outlet's own voice
