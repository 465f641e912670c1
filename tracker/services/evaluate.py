"""Evaluate: the database's claims (and links) scored against a gold file the user annotated."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..evaluation import GoldError, Score, doc_name, parse_gold, parse_gold_links, score
from ..models import Document
from .export import claim_records, link_records


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise GoldError(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not valid UTF-8 (byte {exc.start})") from exc
    except OSError as exc:
        raise GoldError(f"{path}: cannot be read: {exc.strerror or exc}") from exc


def evaluate(session: Session, gold_path: Path, links_path: Path | None = None) -> Score:
    """Score every stored claim from the documents ``gold_path`` annotates; links too when given."""
    gold = parse_gold(_lines(gold_path), str(gold_path))
    if not gold:
        raise GoldError(f"{gold_path}: no gold claims in it")
    gold_links = parse_gold_links(_lines(links_path), str(links_path)) if links_path else None
    docs = {g.doc for g in gold}
    records = [r for r in claim_records(session) if doc_name(r) in docs]
    if not records and not session.scalar(select(Document.id).where(Document.name.in_(docs)).limit(1)):
        named = ", ".join(sorted(docs)[:3]) + (f" and {len(docs) - 3} more" if len(docs) > 3 else "")
        raise GoldError(f"none of the {len(docs)} documents {gold_path} annotates ({named}) is in the database: "
                        "ingest them first, or check --db")
    links = list(link_records(session)) if gold_links is not None else None
    return score(gold, records, gold_links, links)
