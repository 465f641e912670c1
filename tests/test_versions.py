"""Versions of one article: same origin, other text. Kept, chained, claims re-anchored, verdicts carried over."""
from __future__ import annotations

import threading

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from tracker.cli import main
from tracker.db import make_engine, session_factory, upgrade
from tracker.models import Claim, ClaimChange, ClaimLink, Document, Verdict
from tracker.readers import Article
from tracker.services.ingest import ingest
from tracker.services.link import link_claims, load_facts
from tracker.services.review import record_verdict
from tracker.services.versions import changed_since_reviewed, diff_versions, list_versions

ORIGIN = "https://news.example.test/2024/floods"
V1 = ("date 2024-03-04\nFloods hit the valley\n\n"
      "The regional health ministry said 12 people were killed when the river burst its banks on Monday.\n\n"
      "Mayor Ana Ruiz said the town's dam did not fail during the storm.\n\n"
      "About 3,000 residents were moved to shelters, according to the Red Cross.\n")
# an update: a line added at the top (every claim moves) and the toll revised (that claim changes)
V2 = V1.replace("12 people", "15 people").replace("valley\n\n", "valley\n\nUpdated on Tuesday.\n\n")
# a second update: the mayor's sentence dropped
V3 = V2.replace("Mayor Ana Ruiz said the town's dam did not fail during the storm.\n\n", "")


def article(text: str, origin: str = ORIGIN) -> Article:
    return Article(text=text, name="floods.html", origin=origin)


@pytest.fixture
def db(any_url):
    engine = make_engine(any_url)
    upgrade(engine)
    yield session_factory(engine)
    engine.dispose()


def _claims(session, document_id: int) -> list[Claim]:
    return list(session.scalars(select(Claim).where(Claim.document_id == document_id).order_by(Claim.start)))


def test_a_new_version_is_chained_and_verdicts_carry_over_to_what_did_not_change(db):
    first = ingest(db, [article(V1)], workers=1)
    assert first.new == 1 and first.versions == 0
    v1_id = first.document_ids[0]
    with db() as s:
        old = _claims(s, v1_id)
        assert len(old) == 3
        for claim in old:
            record_verdict(s, claim.id, "corroborated", reviewer="alice", evidence="https://example.test/ev")
    second = ingest(db, [article(V2)], workers=1)
    assert second.new == 1 and second.versions == 1
    assert second.outcomes == {"moved": 2, "changed": 1}
    v2_id = second.document_ids[0]
    with db() as s:
        v1, v2 = s.get(Document, v1_id), s.get(Document, v2_id)
        assert v1.text == V1 and not v1.current and v1.version == 1
        assert v2.current and v2.version == 2 and v2.previous_id == v1_id
        for doc in (v1, v2):
            assert all(c.quote == doc.text[c.start:c.end] for c in doc.claims)
        new = {c.quote: c for c in _claims(s, v2_id)}
        toll = next(c for q, c in new.items() if "15 people" in q)
        assert toll.status == "unreviewed"
        side = changed_since_reviewed(s, toll.id)
        assert side is not None and "12 people" in side.old_quote and "15 people" in side.new_quote
        assert "12 → 15" in side.reason
        mayor = next(c for q, c in new.items() if "Mayor" in q)
        assert mayor.status == "corroborated"
        carried = s.scalars(select(Verdict).where(Verdict.claim_id == mayor.id)).one()
        assert carried.reviewer == "tracker" and "carried over" in carried.note and "alice" in carried.note
        assert carried.evidence == "https://example.test/ev"
        # the old claims' own history is untouched
        assert s.scalar(select(func.count(Verdict.id)).where(Verdict.claim_id.in_([c.id for c in old]))) == 3
        assert all(c.status == "corroborated" for c in _claims(s, v1_id))


def test_several_versions_in_one_run_make_one_chain(db):
    other = article(V1 + "\nMore.\n", origin="other.txt")
    summary = ingest(db, [article(V1), article(V2), article(V3), other], workers=1)
    assert summary.new == 4 and summary.versions == 2
    with db() as s:
        rows = list_versions(s, summary.document_ids[1])
        assert [r.version for r in rows] == [1, 2, 3]
        assert [r.current for r in rows] == [False, False, True]
        assert rows[2].outcomes.get("removed") == 1
        other = s.get(Document, summary.document_ids[3])
        assert other.version == 1 and other.current and other.previous_id is None
        # links follow the current version: the older versions' claims are not offered to linking
        fact_docs = {f.document_id for f in load_facts(s)}
        assert fact_docs == {summary.document_ids[2], summary.document_ids[3]}


def test_two_versions_ingested_at_once_do_not_fork_the_history(db):
    ingest(db, [article(V1)], workers=1)
    errors: list[BaseException] = []

    def run(text: str) -> None:
        try:
            ingest(db, [article(text)], workers=1)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(text,)) for text in (V2, V3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with db() as s:
        docs = list(s.scalars(select(Document).order_by(Document.version)))
        assert [d.version for d in docs] == [1, 2, 3]
        assert sum(d.current for d in docs) == 1 and docs[-1].current
        assert docs[1].previous_id == docs[0].id and docs[2].previous_id == docs[1].id
        # each later version was matched against the one before it, whichever came first
        for doc in docs[1:]:
            old_ids = {c.id for c in _claims(s, doc.previous_id)}
            changes = list(s.scalars(select(ClaimChange).where(ClaimChange.document_id == doc.id)))
            assert {c.old_claim_id for c in changes if c.old_claim_id} == old_ids


def test_the_old_versions_unreviewed_auto_links_go(db):
    summary = ingest(db, [article(V1), article(V1.replace("Floods", "Flooding"), origin="copy.txt")], workers=1)
    with db() as s:
        link_claims(s, summary.document_ids)
        s.commit()
        before = s.scalar(select(func.count(ClaimLink.id)))
    ingest(db, [article(V2)], workers=1)
    with db() as s:
        v1_claims = [c.id for c in _claims(s, summary.document_ids[0])]
        stale = s.scalar(select(func.count(ClaimLink.id)).where(
            ClaimLink.a_id.in_(v1_claims) | ClaimLink.b_id.in_(v1_claims)))
        assert stale == 0
        assert before > 0


def test_versions_and_diff_commands(any_url):
    engine = make_engine(any_url)
    upgrade(engine)
    sessions = session_factory(engine)
    ids = ingest(sessions, [article(V1), article(V2)], workers=1).document_ids
    engine.dispose()
    runner = CliRunner()
    out = runner.invoke(main, ["--db", any_url, "versions", str(ids[0])])
    assert out.exit_code == 0, out.output
    assert "2 moved" in out.output and "changed" in out.output and "2 versions" in out.output
    out = runner.invoke(main, ["--db", any_url, "diff", str(ids[1])])
    assert out.exit_code == 0, out.output
    assert "+Updated on Tuesday." in out.output
    assert "changed" in out.output and "12 → 15" in out.output
    out = runner.invoke(main, ["--db", any_url, "diff", str(ids[0])])
    assert out.exit_code == 1 and "version 1" in out.output
    out = runner.invoke(main, ["--db", any_url, "diff", str(ids[0]), "1", "9"])
    assert out.exit_code == 1 and "not 9" in out.output


def test_diff_of_non_consecutive_versions_shows_the_text(db):
    ids = ingest(db, [article(V1), article(V2), article(V3)], workers=1).document_ids
    with db() as s:
        d = diff_versions(s, ids[0], 1, 3)
        assert any(line.startswith("-Mayor") for line in d.text) and d.claims == []


def test_a_changed_claim_is_marked_in_the_queue_and_shown_beside_its_old_text(db, any_url):
    from tracker.services.review import queue_page
    from tracker.services.views import load_claim_view
    from tracker.tui.details import describe

    first = ingest(db, [article(V1)], workers=1).document_ids[0]
    with db() as s:
        for claim in _claims(s, first):
            record_verdict(s, claim.id, "contradicted", reviewer="bob")
    second = ingest(db, [article(V2)], workers=1).document_ids[0]
    with db() as s:
        rows = {r.id: r for r in queue_page(s)}
        toll = next(c for c in _claims(s, second) if "15 people" in c.quote)
        assert rows[toll.id].changed and "Δ" in rows[toll.id].marks
        assert not any(rows[c.id].changed for c in _claims(s, second) if c.id != toll.id)
        view = load_claim_view(s, toll.id)
        assert view.changed_from is not None and "12 people" in view.changed_from[1]
        shown = describe(view).plain
        assert "changed since reviewed" in shown and "12 people" in shown and "15 people" in shown
    out = CliRunner().invoke(main, ["--db", any_url, "show", str(toll.id)])
    assert out.exit_code == 0 and "changed since reviewed" in out.output
    with db() as s:
        record_verdict(s, toll.id, "corroborated", reviewer="bob")
    with db() as s:
        row = next(r for r in queue_page(s) if r.id == toll.id)
        assert not row.changed and "Δ" not in row.marks  # reviewed again: the mark has done its job


def test_audit_and_report_show_edits_after_publication(db):
    import io

    from tracker.services.audit import audit_rows, build_audit
    from tracker.services.report import build_report, write_markdown
    from tracker.services.report_html import write_html

    first = ingest(db, [Article(text=V1, name="floods.html", origin=ORIGIN, outlet="Valley Post")],
                   workers=1).document_ids[0]
    with db() as s:
        toll = next(c for c in _claims(s, first) if "12 people" in c.quote)
        record_verdict(s, toll.id, "corroborated", reviewer="carol")
    ingest(db, [Article(text=V2, name="floods.html", origin=ORIGIN, outlet="Valley Post")], workers=1)
    with db() as s:
        audit = build_audit(s)
        (outlet,) = audit["edits"]
        assert outlet["outlet"] == "Valley Post"
        (edit,) = outlet["edits"]
        assert edit["version"] == 2 and edit["outcomes"] == {"moved": 2, "changed": 1}
        assert "12 people" in edit["changed"][0]["old"] and "15 people" in edit["changed"][0]["new"]
        assert edit["verdicts_touched"] == [{"old_claim": toll.id, "new_claim": edit["changed"][0]["new_claim"],
                                             "outcome": "changed", "verdict": "corroborated",
                                             "effect": "back to the queue"}]
        # counts are of the current version only
        assert sum(o["claims"] for o in audit["outlets"]) == 3
        assert any(r["section"] == "edit" for r in audit_rows(audit))
        report = build_report(s)
        assert len(report["claims"]) == 3
        out = io.StringIO()
        write_markdown(report, out)
        page = io.StringIO()
        write_html(build_report(s), page)
    text = out.getvalue()
    assert "## Edits after publication (1)" in text and "back to the queue" in text and "12 → 15" in text
    assert "<h2>Edits after publication (1)</h2>" in page.getvalue() and "12 → 15" in page.getvalue()


def test_versions_survive_an_archive_round_trip(db, tmp_path):
    import io

    from tracker.services.archive import export_archive, import_archive

    ids = ingest(db, [article(V1), article(V2)], workers=1).document_ids
    out = io.StringIO()
    with db() as s:
        export_archive(s, out)
    engine = make_engine(f"sqlite:///{tmp_path / 'copy.db'}")
    upgrade(engine)
    copy = session_factory(engine)
    with copy() as s:
        import_archive(s, io.StringIO(out.getvalue()))
    with copy() as s:
        rows = list_versions(s, ids[1])
        assert [(r.id, r.version, r.current) for r in rows] == [(ids[0], 1, False), (ids[1], 2, True)]
        assert rows[1].outcomes == {"moved": 2, "changed": 1}
    engine.dispose()


def test_the_queue_and_the_claim_list_hold_current_versions_unless_asked(db, any_url):
    from tracker.services.claims import ClaimFilter, count_claims
    from tracker.services.review import queue_page

    ids = ingest(db, [article(V1), article(V2)], workers=1).document_ids
    with db() as s:
        assert {r.id for r in queue_page(s)} == {c.id for c in _claims(s, ids[1])}
        assert count_claims(s) == 3 and count_claims(s, ClaimFilter(all_versions=True)) == 6
        # a document named is shown whichever version it is
        assert count_claims(s, ClaimFilter(document_id=ids[0])) == 3
    runner = CliRunner()
    shown = runner.invoke(main, ["--db", any_url, "claims", "--format", "json"])
    every = runner.invoke(main, ["--db", any_url, "claims", "--format", "json", "--all-versions"])
    assert shown.exit_code == every.exit_code == 0
    rows = [line for line in shown.output.splitlines() if line.startswith("{")]
    all_rows = [line for line in every.output.splitlines() if line.startswith("{")]
    assert len(rows) == 3 and len(all_rows) == 6


def test_ingesting_an_edited_file_again_stores_its_next_version(tmp_path):
    path = tmp_path / "floods.txt"
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    path.write_text(V1, encoding="utf-8")
    first = runner.invoke(main, ["--db", url, "ingest", "-q", str(path)])
    assert first.exit_code == 0 and "new version" not in first.output
    path.write_text(V2, encoding="utf-8")
    second = runner.invoke(main, ["--db", url, "ingest", "-q", str(path)])
    assert second.exit_code == 0, second.output
    assert ("1 new version of stored articles (0 unchanged, 2 moved, 1 changed, 0 removed, 0 new claims)"
            in second.output)
    again = runner.invoke(main, ["--db", url, "ingest", "-q", str(path)])
    assert "1 already present" in again.output and "new version" not in again.output
