"""Fixed review data for the review service and UI tests, inserted through the ORM.

Not the seeds: their extraction is being rewritten, and snapshots need every id, offset and time fixed.
"""
from __future__ import annotations

from datetime import UTC, date, datetime
from hashlib import sha256

from sqlalchemy.orm import Session
from textual.worker import WorkerCancelled

from tracker.models import Attribution, Claim, ClaimLink, ClaimValue, Document, Entity, Outlet, Relay, Verdict

NBC_TEXT = (
    "Kremlin-backed separatist authorities in eastern Ukraine announced Tuesday they would stage votes later "
    "this week on formally joining Russia.\n"
    "Both regions announced they would hold the votes over the four days starting Friday, according to Tass.\n"
    "The results could not be independently verified."
)
BLOOMBERG_TEXT = (
    "Russian-installed officials said the referendums will run for five days and conclude on Sept. 27.\n"
    "Putin may address the nation as soon as Wednesday, a person familiar with the plans said."
)
BOB_AT = datetime(2022, 9, 21, 10, 30, tzinfo=UTC)


def _claim(doc: Document, sentence: str, kind: str, **kw) -> Claim:
    start = doc.text.index(sentence)
    return Claim(document=doc, start=start, end=start + len(sentence), quote=sentence, kind=kind, **kw)


def _value(claim: Claim, text: str, type_: str, **kw) -> ClaimValue:
    start = claim.document.text.index(text)
    return ClaimValue(type=type_, text=text, span_start=start, span_end=start + len(text), **kw)


def build(session: Session) -> dict[str, int]:
    """Two documents, five claims, two links, one earlier verdict by bob; returns the claim ids by name."""
    nbc, bloomberg = Outlet(name="NBC News"), Outlet(name="Bloomberg")
    docs = [Document(outlet=o, title=title, published=date(2022, 9, 20), origin=f"/fixed/{name}", name=name,
                     text=text, sha256=sha256(text.encode()).hexdigest())
            for o, title, name, text in ((nbc, "Separatists to stage votes", "nbc.txt", NBC_TEXT),
                                         (bloomberg, "Referendums in occupied Ukraine", "bloomberg.txt",
                                          BLOOMBERG_TEXT))]
    regions = Entity(name="both regions", kind="group", key="both regions")
    tass = Entity(name="Tass", kind="organization", key="tass")
    officials = Entity(name="Russian-installed officials", kind="group", key="russian-installed officials")
    person = Entity(name="a person familiar with the plans", kind="person", key="a person familiar with the plans")

    votes = _claim(docs[0], NBC_TEXT.split("\n")[0], "event", check_worthiness=0.62, reason={"rule": "event-verb"})
    four_days = _claim(docs[0], "Both regions announced they would hold the votes over the four days starting "
                       "Friday, according to Tass.", "date", check_worthiness=0.91,
                       reason={"rule": "announced-date", "features": ["date_range", "relay"]})
    four_days.attribution = Attribution(speaker=regions, cue="announced", mode="indirect",
                                        relays=[Relay(position=0, entity=tass)])
    four_days.values = [_value(four_days, "the four days starting Friday", "date_range",
                               date="2022-09-23", date_end="2022-09-26")]
    caveat = _claim(docs[0], "The results could not be independently verified.", "caveat",
                    check_worthiness=0.3, caveat_of=four_days, reason={"rule": "caveat"})
    five_days = _claim(docs[1], BLOOMBERG_TEXT.split("\n")[0], "quantity", check_worthiness=0.88,
                       status="contradicted", reason={"rule": "said-quantity"})
    five_days.attribution = Attribution(speaker=officials, cue="said", mode="indirect",
                                        descriptor="officials installed by Moscow in occupied regions")
    five_days.values = [_value(five_days, "five days", "duration", number=5, unit="day"),
                        _value(five_days, "Sept. 27", "date", date="2022-09-27")]
    putin = _claim(docs[1], "Putin may address the nation as soon as Wednesday, a person familiar with the plans "
                   "said.", "event", check_worthiness=0.55, hedged=True, reason={"rule": "hedged-event"})
    putin.attribution = Attribution(speaker=person, cue="said", mode="indirect")
    session.add_all([votes, four_days, caveat, five_days, putin])
    session.flush()
    session.add_all([
        ClaimLink(a_id=four_days.id, b_id=five_days.id, relation="contradicts", score=0.93, origin="auto",
                  reason="four days from Fri 23 Sept vs five days ending 27 Sept"),
        ClaimLink(a_id=votes.id, b_id=five_days.id, relation="related", score=0.41, origin="auto",
                  reason="same referendums"),
        Verdict(claim=five_days, status="contradicted", reviewer="bob", note="Tass says four days",
                evidence="https://example.org/tass-four-days", created_at=BOB_AT),
    ])
    session.commit()
    return {"votes": votes.id, "four_days": four_days.id, "caveat": caveat.id, "five_days": five_days.id,
            "putin": putin.id}


async def settle(pilot) -> None:
    """Let every worker finish and every message they posted be handled."""
    for _ in range(3):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            pass  # an exclusive worker replaced by a newer one: expected, and the newer one is awaited next round
        await pilot.pause()
