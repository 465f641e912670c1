"""Verification reports: counts by status and outlet, the contradictions with both sides, then every claim
with its source span in context, attribution chain, values, verdict, note, evidence, reviewer and time.

:func:`build_report` gathers one plain dict; the writers render it as Markdown, JSON or CSV
(:mod:`tracker.services.report_html` renders HTML).
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..analysis import clusters_of
from ..analysis.values import describe
from ..errors import NotFound
from ..models import STATUSES, Claim, Document, Outlet
from .claims import BATCH, ClaimFilter, filtered, live_link_rows, loaded_in_order
from .fit import json_safe
from .link import as_one_source, fact_of
from .safe_text import csv_row, one_line, printable
from .second_review import agreement_figures
from .versions import edits_after_publication
from .views import CONTEXT, UNKNOWN_OUTLET, ClaimView, claim_view

REPORT_CSV_FIELDS = ("id", "outlet", "document", "origin", "title", "published", "kind", "status", "quote",
                     "speaker", "via", "cue", "mode", "values", "verdict", "note", "evidence", "reviewer",
                     "reviewed_at", "links")


@dataclass(frozen=True, slots=True)
class ReportFilter:
    outlet: str | None = None
    status: str | None = None
    #: documents published on or after this day
    since: date | None = None
    #: with ``since``, also documents without a publication date (left out otherwise)
    include_undated: bool = False
    #: only documents of this story (``documents.story_id``, set by linking)
    story: int | None = None
    #: at most this many claims in the claims section (the first in report order; None: all). The counts still
    #: cover every claim in scope; the report says how many were left out.
    limit: int | None = None


def _side(view: ClaimView) -> dict[str, Any]:
    return {"id": view.id, "outlet": view.source.outlet, "document": view.source.cited, "quote": view.quote,
            "attribution": view.chain, "status": view.status}


def _verdict(view: ClaimView) -> dict[str, Any] | None:
    """The verdict that set the status, with the latest note and evidence (every one is in ``notes``)."""
    v = view.verdict
    if v is None:
        return None
    notes = view.notes
    return {"status": v.status, "reviewer": v.reviewer, "at": v.at.isoformat(timespec="seconds"),
            "note": next((e.note for e in reversed(notes) if e.note), None),
            "evidence": next((e.evidence for e in reversed(notes) if e.evidence), None),
            "history": len(view.history)}


def check_outlet(session: Session, outlet: str | None) -> None:
    """``--outlet`` that names no outlet is a mistake to report, not an empty report."""
    if not outlet:
        return
    names = list(session.scalars(select(Outlet.name).order_by(Outlet.name)))
    if not any(outlet.lower() in name.lower() for name in names):
        known = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
        raise NotFound(f"no outlet matches {outlet!r}" + (f": the outlets are {known}" if names else
                                                          ": no document has an outlet yet"))


@dataclass(frozen=True, slots=True)
class _Chosen:
    """What the counts need of a claim in the report, read as plain columns (no ORM objects)."""

    id: int
    status: str
    outlet: str | None
    published: date | None


def _chosen(session: Session, flt: ReportFilter) -> list[_Chosen]:
    """The claims in scope, in report order, as columns: outlet/status by SQL, the period in Python."""
    stmt = filtered(select(Claim.id, Claim.status, Outlet.name, Document.published)
                    .join(Document, Claim.document_id == Document.id)
                    .outerjoin(Outlet, Document.outlet_id == Outlet.id)
                    .where(Document.current.is_(True)),  # an older version's claims are history (see "edits")
                    ClaimFilter(outlet=flt.outlet, status=flt.status))
    if flt.story is not None:
        stmt = stmt.where(Document.story_id == flt.story)
    rows = session.execute(stmt.order_by(Claim.document_id, Claim.start, Claim.id))
    return [_Chosen(*row) for row in rows if _dated_in(row[3], flt)]


def check_story(session: Session, story: int | None) -> None:
    """``--story`` that is no story's id is a mistake to report, not an empty report."""
    if story is not None and session.scalar(select(Document.id).where(Document.story_id == story).limit(1)) is None:
        raise NotFound(f"no story {story}: a story's id is its first document's (tracker documents shows them)")


def _dated_in(published: date | None, flt: ReportFilter) -> bool:
    if flt.since is None:
        return True
    return flt.include_undated if published is None else published >= flt.since


class ReportClaims:
    """The report's claims, made as they are read: iterate it (as often as needed) to get each claim's dict, in
    report order, with at most one batch of claims in memory. ``len()`` is the number of claims."""

    def __init__(self, session: Session, ids: list[int], links_of: dict[int, list[Any]],
                 independence: dict[int, str], batch: int = BATCH):
        self._session, self._ids, self._links_of, self._independence = session, ids, links_of, independence
        self.batch = batch

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for claim in loaded_in_order(self._session, self._ids, self.batch):
            links = [{"relation": link.relation, "claim": link.b_id if link.a_id == claim.id else link.a_id,
                      "reason": link.reason, "score": link.score, "origin": link.origin, "decision": link.decision}
                     for link in self._links_of.get(claim.id, ())]
            yield _claim(claim_view(claim), fact_of(claim), links, self._independence.get(claim.id))


def build_report(session: Session, flt: ReportFilter = ReportFilter(), batch: int = BATCH) -> dict[str, Any]:
    """The report as a dict whose ``claims`` is a :class:`ReportClaims`, read from ``session`` as it is
    iterated (keep the session open until the report is written)."""
    check_outlet(session, flt.outlet)
    check_story(session, flt.story)
    chosen = _chosen(session, flt)
    shown = chosen if flt.limit is None else chosen[:flt.limit]
    # the links of the claims shown only: what the report lists, in memory bounded by the limit
    in_scope = {c.id for c in shown}
    links = [link for link in live_link_rows(session) if link.a_id in in_scope or link.b_id in in_scope]
    linked = {x for link in links for x in (link.a_id, link.b_id)}
    facts, sides = [], {}
    for claim in loaded_in_order(session, linked, batch):
        facts.append(fact_of(claim))
        sides[claim.id] = _side(claim_view(claim))
    independence = {}
    edges = [(link.a_id, link.b_id, link.relation) for link in links]
    for cluster in clusters_of(as_one_source(session, facts), edges):
        for fact in cluster.claims:
            independence[fact.id] = cluster.independence
    del facts
    by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    for c in chosen:
        by_outlet[c.outlet or UNKNOWN_OUTLET][c.status] += 1
    links_of: dict[int, list[Any]] = defaultdict(list)
    for link in links:
        for this in (link.a_id, link.b_id):
            links_of[this].append(link)

    def pair(link) -> dict[str, Any]:
        return {"a": sides[link.a_id], "b": sides[link.b_id], "reason": link.reason,
                "score": link.score, "origin": link.origin, "decision": link.decision,
                "independence": independence.get(link.a_id)}

    return {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "filter": {"outlet": flt.outlet, "status": flt.status, "since": flt.since.isoformat() if flt.since else None,
                   "include_undated": flt.include_undated if flt.since else None, "story": flt.story},
        #: claims in scope the claims section leaves out (beyond ``limit``)
        "left_out": {"claims": len(chosen) - len(shown), "limit": flt.limit},
        "counts": {
            "total": len(chosen),
            "by_status": {s: sum(c[s] for c in by_outlet.values()) for s in STATUSES},
            "by_outlet": {o: {s: by_outlet[o][s] for s in STATUSES} for o in sorted(by_outlet)},
        },
        "contradictions": [pair(link) for link in links if link.relation == "contradicts"],
        "corroborations": [pair(link) for link in links if link.relation in ("corroborates", "same")],
        # double review over the whole database (who agrees with whom), whatever the filter
        "agreement": agreement_figures(session),
        "edits": [o for o in edits_after_publication(session)
                  if not flt.outlet or flt.outlet.casefold() in o["outlet"].casefold()],
        # the last key: write_json streams it
        "claims": ReportClaims(session, [c.id for c in shown], links_of, independence, batch),
    }


def _claim(c: ClaimView, fact: Any, links: list[dict[str, Any]], independence: str | None) -> dict[str, Any]:
    return {
        "id": c.id, "outlet": c.source.outlet, "document": c.source.cited, "source": c.source.record(),
        "published": c.source.published.isoformat() if c.source.published else None,
        "kind": c.kind, "status": c.status, "quote": c.quote, "context": c.context(CONTEXT), "attribution": c.chain,
        "speaker": c.speaker, "via": list(c.via), "cue": c.cue, "mode": c.mode,
        "values": [describe(v) for v in fact.values], "verdict": _verdict(c),
        "notes": [e.record() for e in c.notes], "history": [e.record() for e in c.history],
        "links": links, "independence": independence,
    }


def _json(value: Any) -> str:
    return json.dumps(json_safe(value), ensure_ascii=False, indent=2, allow_nan=False)


def write_json(report: dict[str, Any], out: IO[str]) -> None:
    """The report as one JSON object, its claims written one by one (the same bytes as dumping it whole)."""
    head = _json({**{k: v for k, v in report.items() if k != "claims"}, "claims": []})
    empty = "[]\n}"
    assert head.endswith(empty), "claims is the report's last key"
    out.write(head[: -len(empty)])
    first = True
    for claim in report["claims"]:
        # a JSON string never holds a raw line break, so indenting every line by 4 nests the claim in the list
        out.write(("[\n    " if first else ",\n    ") + _json(claim).replace("\n", "\n    "))
        first = False
    out.write(empty + "\n" if first else "\n  ]\n}\n")


def write_csv(report: dict[str, Any], out: IO[str]) -> None:
    """One row per claim."""
    writer = csv.DictWriter(out, REPORT_CSV_FIELDS)
    writer.writeheader()
    for c in report["claims"]:
        v = c["verdict"] or {}
        writer.writerow(csv_row({
            "id": c["id"], "outlet": c["outlet"], "document": c["source"]["name"], "origin": c["source"]["origin"],
            "title": c["source"]["title"], "published": c["published"],
            "kind": c["kind"], "status": c["status"], "quote": c["quote"], "speaker": c["speaker"],
            "via": "; ".join(c["via"]), "cue": c["cue"], "mode": c["mode"], "values": "; ".join(c["values"]),
            "verdict": v.get("status"),
            "note": " | ".join(f"{n['note']} ({n['reviewer']}, {n['at']})" for n in c["notes"] if n["note"]) or None,
            "evidence": " | ".join(n["evidence"] for n in c["notes"] if n["evidence"]) or None,
            "reviewer": v.get("reviewer"), "reviewed_at": v.get("at"),
            "links": "; ".join(f"{link['relation']} #{link['claim']}" for link in c["links"]),
        }))


def _md(text: str | None, *, keep_edges: bool = False) -> str:
    """Article text inside Markdown: no line breaks, no control characters (a report is often read in a
    terminal), and characters that would start markup escaped. With ``keep_edges`` a space at either end stays
    (as one space), for text that runs on into other text."""
    if not text:
        return ""
    text = re.sub(r"\s+", " ", printable(text)) if keep_edges else one_line(text)
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def _emphasised(ctx: dict[str, str]) -> str:
    """The span in bold within its context, spaces kept outside the ``**`` so words never run into it."""
    span = ctx["span"]
    core = span.strip()
    before = _md(ctx["before"] + span[: len(span) - len(span.lstrip())], keep_edges=True).lstrip()
    after = _md(span[len(span.rstrip()):] + ctx["after"], keep_edges=True).rstrip()
    return f"{before}**{_md(core)}**{after}" if core else before + after


def when(iso: str | None) -> str:
    """A stored time as a reader wants it, zone included: 2022-09-21 10:30 UTC."""
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is None or moment.utcoffset() == timedelta(0):
        return f"{moment:%Y-%m-%d %H:%M} UTC"
    return f"{moment:%Y-%m-%d %H:%M %z}"


def _markdown_agreement(figures: dict[str, Any] | None, w: Callable[[str], Any]) -> None:
    """Double review's agreement, when two reviewers have judged a claim independently."""
    if not figures or not figures["overall"]["items"]:
        return
    w("## Double review: agreement\n\n| reviewers | claims | agreed | raw agreement | Cohen's kappa |\n"
      "|---|---:|---:|---:|---:|\n")
    for name, row in [("all pairs", figures["overall"]), *((" + ".join(p["reviewers"]), p) for p in figures["pairs"])]:
        kappa = "—" if row["kappa"] is None else f"{row['kappa']:.2f}"
        w(f"| {_md(name)} | {row['items']} | {row['agreed']} | {row['raw_agreement']:.0%} | {kappa} |\n")
    w("\n")


def _write_edits(edits: list[dict[str, Any]], w: Callable[[str], Any]) -> None:
    """Edits after publication, per outlet: each new version, when it was seen, what changed, which verdicts."""
    w(f"\n## Edits after publication ({sum(len(o['edits']) for o in edits)})\n\n")
    if not edits:
        w("No article was stored in more than one version.\n")
    for o in edits:
        w(f"### {_md(o['outlet'])}\n\n")
        for e in o["edits"]:
            outcomes = ", ".join(f"{n} {k}" for k, n in e["outcomes"].items())
            w(f"- {_md(e['origin'])}: version {e['version']} seen {when(e['seen'])}; claims {outcomes}\n")
            for c in e["changed"]:
                w(f"  - changed #{c['old_claim']} → #{c['new_claim']} ({_md(c['reason'])}): "
                  f"“{_md(c['old'])}” → “{_md(c['new'])}”\n")
            for c in e["removed"]:
                w(f"  - removed #{c['old_claim']}: “{_md(c['old'])}”\n")
            for t in e["verdicts_touched"]:
                w(f"  - verdict on #{t['old_claim']} ({t['verdict']}): {t['effect']}\n")
        w("\n")


def left_out_note(report: dict[str, Any]) -> str | None:
    """What the claims section leaves out, and how to see it, or None when it shows every claim in scope."""
    left = report.get("left_out") or {}
    if not left.get("claims"):
        return None
    total = report["counts"]["total"]
    return (f"The first {total - left['claims']} of {total} claims are shown (limit {left['limit']}); "
            f"{left['claims']} are left out. Narrow the report with --since, --outlet, --status or --story, "
            f"or raise --limit (0 for all).")


def write_markdown(report: dict[str, Any], out: IO[str]) -> None:
    w = out.write
    counts = report["counts"]
    w("# Verification report\n\n")
    w(f"Generated {report['generated']}; {counts['total']} claims")
    shown = {k: v for k, v in report["filter"].items() if v}
    w(f" ({', '.join(f'{k}: {_md(str(v))}' for k, v in shown.items())})" if shown else "")
    w(".\n\n## Claims by status and outlet\n\n")
    w("| outlet | " + " | ".join(STATUSES) + " | total |\n|---|" + "---:|" * (len(STATUSES) + 1) + "\n")
    for outlet, row in counts["by_outlet"].items():
        w(f"| {_md(outlet)} | " + " | ".join(str(row[s]) for s in STATUSES) + f" | {sum(row.values())} |\n")
    w("| **all** | " + " | ".join(str(counts["by_status"][s]) for s in STATUSES) + f" | {counts['total']} |\n\n")
    _markdown_agreement(report.get("agreement"), w)
    w(f"## Contradictions ({len(report['contradictions'])})\n\n")
    for p in report["contradictions"] or []:
        w(f"- **#{p['a']['id']}** ({_md(p['a']['attribution'])}): “{_md(p['a']['quote'])}”\n"
          f"  against **#{p['b']['id']}** ({_md(p['b']['attribution'])}): “{_md(p['b']['quote'])}”\n"
          f"  — {_md(p['reason'])} (score {p['score']:.2f}, {p['origin']}"
          f"{', ' + p['decision'] if p['decision'] else ''})\n")
    if not report["contradictions"]:
        w("None found.\n")
    w(f"\n## Corroborations ({len(report['corroborations'])})\n\n")
    for p in report["corroborations"]:
        w(f"- **#{p['a']['id']}** ({_md(p['a']['outlet'])}) and **#{p['b']['id']}** ({_md(p['b']['outlet'])}): "
          f"{_md(p['reason'])}\n")
    if not report["corroborations"]:
        w("None found.\n")
    _write_edits(report.get("edits", []), w)
    w("\n## Claims\n")
    if note := left_out_note(report):
        w(f"\n{note}\n")
    for c in report["claims"]:
        ctx = c["context"]
        w(f"\n### #{c['id']} · {c['status']} · {c['kind']}\n\n")
        w(f"> {_emphasised(ctx)}\n\n")
        w(f"- Source: {_md(c['document'])}, {_md(c['outlet'] or UNKNOWN_OUTLET)}"
          f"{', ' + c['published'] if c['published'] else ', undated'}\n")
        w(f"- Attribution: {_md(c['attribution'])}{' (' + _md(c['cue']) + ')' if c['cue'] else ''}\n")
        if c["values"]:
            w(f"- Values: {_md('; '.join(c['values']))}\n")
        v = c["verdict"]
        if v:
            w(f"- Verdict: **{v['status']}** by {_md(v['reviewer'])} at {when(v['at'])}\n")
        else:
            w("- Verdict: not reviewed yet\n")
        for n in c["notes"]:
            if n["note"]:
                w(f"- Note by {_md(n['reviewer'])} at {when(n['at'])}: {_md(n['note'])}\n")
            if n["evidence"]:
                w(f"- Evidence by {_md(n['reviewer'])} at {when(n['at'])}: {_md(n['evidence'])}\n")
        for link in c["links"]:
            w(f"- {link['relation'].capitalize()} #{link['claim']}: {_md(link['reason'])}\n")
        if c["independence"]:
            w(f"- Sources: {c['independence']}\n")
