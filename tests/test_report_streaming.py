"""Report and audit stream: claims are read a batch at a time and written as they are read, and the output
does not depend on the batch size (so it is the output of reading everything at once)."""
from __future__ import annotations

import gc
import io
import json
import weakref
from datetime import date

import pytest
from seed_gold import gold_database
from sqlalchemy import event, func, select

from tracker.models import Claim
from tracker.services.audit import build_audit
from tracker.services.link import relink
from tracker.services.report import ReportFilter, build_report, write_csv, write_json, write_markdown
from tracker.services.report_html import write_html
from tracker.services.review import record_verdict

WRITERS = (write_markdown, write_html, write_json, write_csv)

pytestmark = pytest.mark.usefixtures("linked")


@pytest.fixture
def linked(sessions):
    ids = gold_database(sessions)
    relink(sessions)
    with sessions() as session:
        first, second = sorted(ids.values())[:2]
        record_verdict(session, first, "contradicted", reviewer="ana", note="an <em> note", evidence=f"claim:{second}")
        record_verdict(session, second, "corroborated", reviewer="bo", evidence="https://example.org/a")
    return ids


def _rendered(session, writer, batch: int) -> str:
    report = build_report(session, batch=batch)
    report["generated"] = "2030-01-01T00:00:00+00:00"
    out = io.StringIO()
    writer(report, out)
    return out.getvalue()


@pytest.mark.parametrize("writer", WRITERS, ids=lambda w: w.__name__)
def test_a_report_is_the_same_whatever_the_batch(sessions, writer):
    with sessions() as session:
        whole = _rendered(session, writer, batch=100_000)
        assert _rendered(session, writer, batch=1) == whole
        assert _rendered(session, writer, batch=7) == whole
        assert len(whole) > 1000


@pytest.mark.parametrize("flt", [ReportFilter(), ReportFilter(status="corroborated"), ReportFilter(outlet="bloom"),
                                 ReportFilter(since=date(2099, 1, 1))], ids=["all", "one", "outlet", "none"])
def test_the_streamed_json_is_the_json_of_the_whole_report(sessions, flt):
    with sessions() as session:
        report = build_report(session, flt, batch=3)
        streamed = io.StringIO()
        write_json(report, streamed)
        whole = json.dumps({**report, "claims": list(report["claims"])}, ensure_ascii=False, indent=2) + "\n"
    assert streamed.getvalue() == whole
    assert json.loads(streamed.getvalue())["counts"]["total"] == len(report["claims"])


def test_the_claims_of_a_report_can_be_read_twice_and_know_their_number(sessions):
    with sessions() as session:
        claims = build_report(session, batch=4)["claims"]
        first = [c["id"] for c in claims]
        assert first == [c["id"] for c in claims] and len(first) == len(claims) > 8


class _Alive:
    """How many Claim objects exist at once, at most, while something runs (counted as they load and die)."""

    def __init__(self):
        self.now = self.most = self.loaded = 0

    def __enter__(self):
        event.listen(Claim, "load", self._load)
        return self

    def __exit__(self, *_exc):
        event.remove(Claim, "load", self._load)

    def _load(self, claim, _context):
        self.now += 1
        self.loaded += 1
        self.most = max(self.most, self.now)
        weakref.finalize(claim, self._died)

    def _died(self):
        self.now -= 1


@pytest.mark.parametrize("work", ["report", "audit"])
def test_a_report_or_an_audit_holds_a_batch_of_claims_not_all_of_them(sessions, work):
    def most_alive(batch: int) -> _Alive:
        gc.collect()
        saved = gc.get_threshold()
        gc.set_threshold(50)  # collect cycles often, so a dropped batch is counted as gone soon after
        try:
            with sessions() as session, _Alive() as alive:
                if work == "report":
                    write_html(build_report(session, batch=batch), io.StringIO())
                else:
                    build_audit(session, batch=batch)
        finally:
            gc.set_threshold(*saved)
        return alive

    with sessions() as session:
        total = session.scalar(select(func.count(Claim.id)))
    small, whole = most_alive(5), most_alive(100_000)
    assert small.loaded >= total > 60
    assert whole.most >= total  # the counter sees a whole load ...
    assert small.most <= 20, (small.most, total)  # ... and a batched one holds a batch or two


def test_the_html_report_stays_self_contained(sessions):
    with sessions() as session:
        html = _rendered(session, write_html, batch=2)
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</body></html>\n")
    assert "<script" not in html and " src=" not in html and "<link" not in html and "<style>" in html


def test_the_audit_is_the_same_whatever_the_batch(sessions):
    with sessions() as session:
        whole = build_audit(session, batch=100_000)
        assert build_audit(session, batch=1) == whole == build_audit(session, batch=6)
    assert whole["clusters"] and whole["outlets"] and whole["speakers"]
