"""Verification reports: counts by status and outlet, the contradictions with both sides, then every claim
with its source span in context, attribution chain, values, verdict, note, evidence, reviewer and time.

:func:`build_report` gathers one plain dict; the writers render it as Markdown, JSON or CSV
(:mod:`tracker.services.report_html` renders HTML).
"""
from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import IO, Any

from sqlalchemy.orm import Session

from ..analysis import clusters_of
from ..analysis.values import describe
from ..models import STATUSES, Claim
from .audit import live_links
from .claims import ClaimFilter, list_claims, paragraph_bounds
from .fit import json_safe
from .link import as_one_source, fact_of
from .safe_text import csv_row, one_line

#: characters of the paragraph shown on each side of a claim's span
CONTEXT = 240
REPORT_CSV_FIELDS = ("id", "outlet", "document", "published", "kind", "status", "quote", "speaker", "via", "cue",
                     "mode", "values", "verdict", "note", "evidence", "reviewer", "reviewed_at", "links")


@dataclass(frozen=True, slots=True)
class ReportFilter:
    outlet: str | None = None
    status: str | None = None
    #: documents published on or after this day (documents without a date: ingested on or after it)
    since: date | None = None


def chain(claim: Claim) -> str:
    """Who said it, through whom, in which outlet: "both regions, via Tass, in NBC News"; "NBC News, in its own
    voice" when nobody is named."""
    att = claim.attribution
    outlet = claim.document.outlet.name if claim.document.outlet else claim.document.name
    relays = [r.entity.name for r in att.relays] if att else []
    parts = []
    if att and att.speaker:
        parts.append(att.speaker.name)
    elif not relays and att and att.mode in ("direct", "indirect"):
        parts.append("someone the article does not name")
    elif not relays:
        return f"{outlet}, in its own voice"
    if relays:
        parts.append("via " + " and ".join(relays))
    parts.append(f"in {outlet}")
    return ", ".join(parts)


def _context(claim: Claim) -> dict[str, str]:
    text = claim.document.text
    p_start, p_end = paragraph_bounds(text, claim.start, claim.end)
    before_start = max(p_start, claim.start - CONTEXT)
    after_end = min(p_end, claim.end + CONTEXT)
    return {"before": ("…" if before_start > p_start else "") + text[before_start:claim.start],
            "span": text[claim.start:claim.end],
            "after": text[claim.end:after_end] + ("…" if after_end < p_end else "")}


def _side(claim: Claim) -> dict[str, Any]:
    return {"id": claim.id, "outlet": claim.document.outlet.name if claim.document.outlet else None,
            "document": claim.document.name, "quote": claim.quote, "attribution": chain(claim),
            "status": claim.status}


def _verdict(claim: Claim) -> dict[str, Any] | None:
    if not claim.verdicts:
        return None
    v = claim.verdicts[-1]
    return {"status": v.status, "note": v.note, "evidence": v.evidence, "reviewer": v.reviewer,
            "at": v.created_at.isoformat() if v.created_at else None, "history": len(claim.verdicts)}


def _in_period(claim: Claim, since: date | None) -> bool:
    if since is None:
        return True
    doc = claim.document
    day = doc.published or (doc.ingested_at.date() if doc.ingested_at else None)
    return day is not None and day >= since


def build_report(session: Session, flt: ReportFilter = ReportFilter()) -> dict[str, Any]:
    everything = {c.id: c for c in list_claims(session)}
    chosen = {c.id: c for c in list_claims(session, ClaimFilter(outlet=flt.outlet, status=flt.status))
              if _in_period(c, flt.since)}
    links = [link for link in live_links(session) if link.a_id in chosen or link.b_id in chosen]
    independence = {}
    linked = {x for link in links for x in (link.a_id, link.b_id)}
    for cluster in clusters_of(as_one_source(session, [fact_of(everything[i]) for i in linked]),
                               [(link.a_id, link.b_id, link.relation) for link in links]):
        for fact in cluster.claims:
            independence[fact.id] = cluster.independence
    by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    for c in chosen.values():
        by_outlet[c.document.outlet.name if c.document.outlet else "unknown outlet"][c.status] += 1
    links_of: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for link in links:
        for this, other in ((link.a_id, link.b_id), (link.b_id, link.a_id)):
            links_of[this].append({"relation": link.relation, "claim": other, "reason": link.reason,
                                   "score": link.score, "origin": link.origin, "decision": link.decision})

    def pair(link) -> dict[str, Any]:
        return {"a": _side(everything[link.a_id]), "b": _side(everything[link.b_id]), "reason": link.reason,
                "score": link.score, "origin": link.origin, "decision": link.decision,
                "independence": independence.get(link.a_id)}

    return {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "filter": {"outlet": flt.outlet, "status": flt.status, "since": flt.since.isoformat() if flt.since else None},
        "counts": {
            "total": len(chosen),
            "by_status": {s: sum(c[s] for c in by_outlet.values()) for s in STATUSES},
            "by_outlet": {o: {s: by_outlet[o][s] for s in STATUSES} for o in sorted(by_outlet)},
        },
        "contradictions": [pair(link) for link in links if link.relation == "contradicts"],
        "corroborations": [pair(link) for link in links if link.relation in ("corroborates", "same")],
        "claims": [_claim(c, links_of.get(c.id, []), independence.get(c.id)) for c in chosen.values()],
    }


def _claim(c: Claim, links: list[dict[str, Any]], independence: str | None) -> dict[str, Any]:
    att = c.attribution
    return {
        "id": c.id, "outlet": c.document.outlet.name if c.document.outlet else None, "document": c.document.name,
        "published": c.document.published.isoformat() if c.document.published else None,
        "kind": c.kind, "status": c.status, "quote": c.quote, "context": _context(c), "attribution": chain(c),
        "speaker": att.speaker.name if att and att.speaker else None,
        "via": [r.entity.name for r in att.relays] if att else [],
        "cue": att.cue if att else None, "mode": att.mode if att else "outlet",
        "values": [describe(v) for v in fact_of(c).values], "verdict": _verdict(c),
        "links": links, "independence": independence,
    }


def write_json(report: dict[str, Any], out: IO[str]) -> None:
    json.dump(json_safe(report), out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")


def write_csv(report: dict[str, Any], out: IO[str]) -> None:
    """One row per claim."""
    writer = csv.DictWriter(out, REPORT_CSV_FIELDS)
    writer.writeheader()
    for c in report["claims"]:
        v = c["verdict"] or {}
        writer.writerow(csv_row({
            "id": c["id"], "outlet": c["outlet"], "document": c["document"], "published": c["published"],
            "kind": c["kind"], "status": c["status"], "quote": c["quote"], "speaker": c["speaker"],
            "via": "; ".join(c["via"]), "cue": c["cue"], "mode": c["mode"], "values": "; ".join(c["values"]),
            "verdict": v.get("status"), "note": v.get("note"), "evidence": v.get("evidence"),
            "reviewer": v.get("reviewer"), "reviewed_at": v.get("at"),
            "links": "; ".join(f"{link['relation']} #{link['claim']}" for link in c["links"]),
        }))


def _md(text: str | None) -> str:
    """Article text inside Markdown: no line breaks, no control characters (a report is often read in a
    terminal), and characters that would start markup escaped."""
    if not text:
        return ""
    text = one_line(text)
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


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
    w("\n## Claims\n")
    for c in report["claims"]:
        ctx = c["context"]
        w(f"\n### #{c['id']} · {c['status']} · {c['kind']}\n\n")
        w(f"> {_md(ctx['before'])}**{_md(ctx['span'])}**{_md(ctx['after'])}\n\n")
        w(f"- Source: {_md(c['document'])}, {_md(c['outlet'] or 'unknown outlet')}"
          f"{', ' + c['published'] if c['published'] else ''}\n")
        w(f"- Attribution: {_md(c['attribution'])}{' (' + _md(c['cue']) + ')' if c['cue'] else ''}\n")
        if c["values"]:
            w(f"- Values: {_md('; '.join(c['values']))}\n")
        v = c["verdict"]
        if v:
            w(f"- Verdict: **{v['status']}** by {_md(v['reviewer'])} at {v['at']}\n")
            if v["note"]:
                w(f"- Note: {_md(v['note'])}\n")
            if v["evidence"]:
                w(f"- Evidence: {_md(v['evidence'])}\n")
        else:
            w("- Verdict: not reviewed yet\n")
        for link in c["links"]:
            w(f"- {link['relation'].capitalize()} #{link['claim']}: {_md(link['reason'])}\n")
        if c["independence"]:
            w(f"- Sources: {c['independence']}\n")
