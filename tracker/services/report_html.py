"""The verification report as one self-contained HTML file: inline CSS, an inline SVG chart, no scripts.

Every piece of article or reviewer text goes through :func:`html.escape`, so an article holding
``<script>`` shows those characters and runs nothing.
"""
from __future__ import annotations

import re
from html import escape
from typing import IO, Any

from ..models import STATUSES
from .report import left_out_note, when
from .views import UNKNOWN_OUTLET

#: what may become a link: an http(s) URL with no space or quote in it, or a claim of this database
_WEB = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)
_CLAIM = re.compile(r"claim:(\d+)")
_COLORS = {"unreviewed": "#9aa0a6", "corroborated": "#1e8e3e", "contradicted": "#d93025", "unverified": "#f9ab00"}

_CSS = """
body{font:15px/1.5 Georgia,serif;color:#202124;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1,h2,h3{font-family:system-ui,sans-serif;line-height:1.25}h3{font-size:1rem;margin:1.6rem 0 .4rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #dadce0;padding:.25rem .6rem;text-align:right}
td:first-child,th:first-child{text-align:left}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:4px solid #dadce0;background:#f8f9fa}
mark{background:#fde293}.claim{break-inside:avoid;border-top:1px solid #eee}
.status{font:600 .8rem system-ui,sans-serif;padding:.05rem .4rem;border-radius:.3rem;color:#fff}
.pair{break-inside:avoid;margin:.6rem 0;padding:.4rem .8rem;border:1px solid #f4c7c3;border-radius:.3rem}
dl{display:grid;grid-template-columns:8rem 1fr;gap:.1rem .8rem;margin:.3rem 0}dt{color:#5f6368}dd{margin:0}
.muted{color:#5f6368}@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit}}
"""


def _e(text: Any) -> str:
    return escape("" if text is None else str(text), quote=True)


def _status(status: str) -> str:
    return f'<span class="status" style="background:{_COLORS.get(status, "#5f6368")}">{_e(status)}</span>'


def chart_svg(by_outlet: dict[str, dict[str, int]]) -> str:
    """Horizontal stacked bars: one per outlet, one colour per status, with a legend."""
    width, bar, gap, label = 560, 18, 8, 150
    most = max((sum(row.values()) for row in by_outlet.values()), default=0) or 1
    rows = []
    for i, (outlet, row) in enumerate(by_outlet.items()):
        y = i * (bar + gap)
        x: float = label
        rows.append(f'<text x="0" y="{y + bar - 4}" font-size="12">{_e(outlet[:24])}</text>')
        for status in STATUSES:
            n = row.get(status, 0)
            if n:
                w = (width - label - 40) * n / most
                rows.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{_COLORS[status]}">'
                            f'<title>{_e(outlet)}: {n} {status}</title></rect>')
                x += w
        rows.append(f'<text x="{x + 4:.1f}" y="{y + bar - 4}" font-size="12">{sum(row.values())}</text>')
    legend_y = len(by_outlet) * (bar + gap) + 6
    for j, status in enumerate(STATUSES):
        lx = j * 130
        rows.append(f'<rect x="{lx}" y="{legend_y}" width="12" height="12" fill="{_COLORS[status]}"/>'
                    f'<text x="{lx + 16}" y="{legend_y + 11}" font-size="12">{status}</text>')
    height = legend_y + 20
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="claims by status per outlet" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui,sans-serif">'
            + "".join(rows) + "</svg>")


def write_html(report: dict[str, Any], out: IO[str]) -> None:
    counts = report["counts"]
    parts = [f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
             f'<meta name="viewport" content="width=device-width,initial-scale=1">'
             f"<title>Verification report</title><style>{_CSS}</style></head><body>",
             "<h1>Verification report</h1>",
             f'<p class="muted">Generated {_e(when(report["generated"]))}; {counts["total"]} claims'
             + "".join(f"; {_e(k)}: {_e(v)}" for k, v in report["filter"].items() if v) + ".</p>",
             "<h2>Claims by status and outlet</h2>", chart_svg(counts["by_outlet"]),
             "<table><tr><th>outlet</th>" + "".join(f"<th>{s}</th>" for s in STATUSES) + "<th>total</th></tr>"]
    for outlet, row in counts["by_outlet"].items():
        parts.append(f"<tr><td>{_e(outlet)}</td>" + "".join(f"<td>{row[s]}</td>" for s in STATUSES)
                     + f"<td>{sum(row.values())}</td></tr>")
    parts.append("<tr><th>all</th>" + "".join(f"<th>{counts['by_status'][s]}</th>" for s in STATUSES)
                 + f"<th>{counts['total']}</th></tr></table>")
    parts.append(f"<h2>Contradictions ({len(report['contradictions'])})</h2>")
    for p in report["contradictions"]:
        parts.append('<div class="pair">' + _pair_side(p["a"]) + "<p><em>against</em></p>" + _pair_side(p["b"])
                     + f"<p><strong>Why:</strong> {_e(p['reason'])} "
                     f'<span class="muted">(score {p["score"]:.2f}, {_e(p["origin"])}'
                     f'{", " + _e(p["decision"]) if p["decision"] else ""})</span></p></div>')
    if not report["contradictions"]:
        parts.append("<p>None found.</p>")
    parts.append(f"<h2>Corroborations ({len(report['corroborations'])})</h2><ul>")
    for p in report["corroborations"]:
        parts.append(f'<li><a href="#claim-{p["a"]["id"]}">#{p["a"]["id"]}</a> ({_e(p["a"]["outlet"])}) and '
                     f'<a href="#claim-{p["b"]["id"]}">#{p["b"]["id"]}</a> ({_e(p["b"]["outlet"])}): '
                     f"{_e(p['reason'])}</li>")
    parts.append("</ul>")
    parts += _agreement(report.get("agreement")) + _edits(report.get("edits") or [])
    parts.append("<h2>Claims</h2>")
    if note := left_out_note(report):
        parts.append(f'<p class="muted">{_e(note)}</p>')
    out.write("".join(parts))
    for c in report["claims"]:  # written as they are made: the claims are never all in memory
        out.write(_claim(c))
    out.write("</body></html>\n")


def _agreement(figures: dict[str, Any] | None) -> list[str]:
    """Double review's agreement, per pair of reviewers and overall, when two have judged a claim independently."""
    if not figures or not figures["overall"]["items"]:
        return []
    rows = [("all pairs", figures["overall"]), *((" + ".join(p["reviewers"]), p) for p in figures["pairs"])]
    return ["<h2>Double review: agreement</h2><table><tr><th>reviewers</th><th>claims</th><th>agreed</th>"
            "<th>raw agreement</th><th>Cohen's kappa</th></tr>",
            *(f"<tr><td>{_e(name)}</td><td>{row['items']}</td><td>{row['agreed']}</td>"
              f"<td>{row['raw_agreement']:.0%}</td><td>{_kappa(row['kappa'])}</td></tr>" for name, row in rows),
            "</table>"]


def _kappa(kappa: float | None) -> str:
    return "—" if kappa is None else f"{kappa:.2f}"


def _edits(edits: list[dict[str, Any]]) -> list[str]:
    """Edits after publication, per outlet: each new version, when it was seen, what changed in its claims."""
    if not edits:
        return []
    parts = [f"<h2>Edits after publication ({sum(len(o['edits']) for o in edits)})</h2>"]
    for o in edits:
        parts.append(f"<h3>{_e(o['outlet'])}</h3><ul>")
        for e in o["edits"]:
            outcomes = ", ".join(f"{n} {k}" for k, n in e["outcomes"].items())
            changed = "".join(f"<li>changed #{c['old_claim']} → #{c['new_claim']} ({_e(c['reason'])})</li>"
                              for c in e["changed"])
            parts.append(f"<li>{_e(e['origin'])}: version {e['version']} seen {_e(when(e['seen']))}; claims "
                         f"{_e(outcomes)}<ul>{changed}</ul></li>")
        parts.append("</ul>")
    return parts


def _pair_side(side: dict[str, Any]) -> str:
    return (f"<p><strong><a href=\"#claim-{side['id']}\">#{side['id']}</a></strong> {_status(side['status'])} "
            f"<span class=\"muted\">"
            f"{_e(side['attribution'])}</span><br>“{_e(side['quote'])}”</p>")


def _evidence(evidence: str) -> str:
    """Evidence as a link: an http(s) URL to itself, ``claim:N`` to that claim's section; anything else as text
    (a ``javascript:`` or ``file:`` address is never made a link)."""
    if _WEB.fullmatch(evidence):
        return f'<a href="{_e(evidence)}" rel="noopener noreferrer">{_e(evidence)}</a>'
    claim = _CLAIM.fullmatch(evidence)
    if claim:
        return f'<a href="#claim-{claim[1]}">claim #{claim[1]}</a>'
    return _e(evidence)


def _source(c: dict[str, Any]) -> str:
    src = c["source"]
    origin = _evidence(src["origin"]) if _WEB.fullmatch(src["origin"]) else _e(src["origin"])
    title = f" “{_e(src['title'])}”" if src["title"] else ""
    return (f"{origin}{title}, {_e(c['outlet'] or UNKNOWN_OUTLET)}"
            f"{', ' + _e(c['published']) if c['published'] else ', undated'}")


def _claim(c: dict[str, Any]) -> str:
    ctx = c["context"]
    rows = [("Source", _source(c)),
            ("Attribution", _e(c["attribution"]) + (f" ({_e(c['cue'])})" if c["cue"] else ""))]
    if c["values"]:
        rows.append(("Values", "<br>".join(_e(v) for v in c["values"])))
    v = c["verdict"]
    if v:
        rows.append(("Verdict", f"{_status(v['status'])} by {_e(v['reviewer'])}, {_e(when(v['at']))}"))
    else:
        rows.append(("Verdict", "not reviewed yet"))
    for n in c["notes"]:
        by = f'<span class="muted">{_e(n["reviewer"])}, {_e(when(n["at"]))}:</span> '
        if n["note"]:
            rows.append(("Note", by + _e(n["note"])))
        if n["evidence"]:
            rows.append(("Evidence", by + _evidence(n["evidence"])))
    for link in c["links"]:
        rows.append((_e(link["relation"]), f'<a href="#claim-{link["claim"]}">#{link["claim"]}</a>: '
                                           f"{_e(link['reason'])}"))
    if c["independence"]:
        rows.append(("Sources", _e(c["independence"])))
    return (f'<section class="claim" id="claim-{c["id"]}"><h3>#{c["id"]} {_status(c["status"])} '
            f'<span class="muted">{_e(c["kind"])}</span></h3>'
            f"<blockquote>{_e(ctx['before'])}<mark>{_e(ctx['span'])}</mark>{_e(ctx['after'])}</blockquote>"
            "<dl>" + "".join(f"<dt>{k}</dt><dd>{val}</dd>" for k, val in rows) + "</dl></section>")
