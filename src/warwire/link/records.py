"""Records of the link stage: reports (one event as one article tells it) and incidents.

A :class:`Report` is an :class:`~warwire.models.Event` with the identity it needs in a
database: a stable id derived from its article and evidence, and the article's metadata.
An :class:`Incident` gathers the reports of one real-world incident across articles,
keeping every source's figure apart (never averaged) and a best/low/high as UCDP does.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from warwire.models import Event


@dataclass(frozen=True, slots=True)
class Report:
    """One extracted event from one article."""

    id: str
    event: Event
    article_url: str | None = None
    article_title: str | None = None
    published: date | None = None
    #: the text of the evidence sentence(s), as stored beside the report; ACLED notes use it
    evidence_text: str | None = None

    @staticmethod
    def make_id(event: Event) -> str:
        """Stable across runs: the article, the event type and the evidence spans."""
        spans = ",".join(f"{s.start}-{s.end}" for s in event.evidence)
        key = f"{event.article}|{event.type}|{spans}|{event.place.name if event.place else ''}"
        return "r_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @classmethod
    def of(cls, event: Event, *, url: str | None = None, title: str | None = None,
           published: date | None = None) -> Report:
        return cls(cls.make_id(event), event, url, title, published)


@dataclass(frozen=True, slots=True)
class Figure:
    """One source's figure for an incident: 'killed 4 per Ukrainian authorities'."""

    field: str  # "killed" or "injured"
    value: int
    qualifier: str
    source: str | None
    side: str | None
    report_id: str
    status: str


@dataclass(frozen=True, slots=True)
class Incident:
    """Reports of one incident, linked; the id derives from its first report."""

    id: str
    type: str
    family: str
    report_ids: tuple[str, ...]
    date_low: date | None
    date_high: date | None
    figures: tuple[Figure, ...] = field(default=())
    #: UCDP-style estimates over the confirmed (not claimed) figures; None where none
    killed_low: int | None = None
    killed_best: int | None = None
    killed_high: int | None = None
    injured_low: int | None = None
    injured_best: int | None = None
    injured_high: int | None = None
