"""Typed records passed between the pipeline's stages.

Every stage takes and returns these frozen dataclasses, never loose dicts, so that the
contract in ANNOTATION.md (the output of ``warwire extract``) has exactly one definition:
:meth:`Event.to_dict`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character offsets ``[start, end)`` into an article's text."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read by ingest: the text every offset points into."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    #: where the article came from (file path, corpus path and line), for error messages
    origin: str = ""
    #: the conflict the article is filed under, when the source says so (``russia-ukraine``)
    conflict: str | None = None
    #: ISO language code of the text
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location: a settlement, a first-level region or a country."""

    name: str
    country: str | None
    admin1_iso: str | None = None
    lat: float | None = None
    lon: float | None = None
    #: ``place`` (settlement, district), ``admin1`` (oblast, state, province) or ``country``
    precision: str = "place"
    #: the gazetteer record it was resolved to (``geonames:703448``, ``ocha:UA6308013008``)
    ref: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "admin1_iso": self.admin1_iso,
            "country": self.country,
            "lat": None if self.lat is None else round(self.lat, 4),
            "lon": None if self.lon is None else round(self.lon, 4),
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A party to an event, with the country (ISO 3166-1 alpha-2) whose side it is on."""

    name: str
    country: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass(frozen=True, slots=True)
class Source:
    """Whom the article attributes an event to."""

    name: str
    side: str | None
    #: ``military``, ``government``, ``local_official``, ``media``, ``ngo`` or ``person``
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "side": self.side, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Weapon:
    """Weapons used (or, for an interception, downed): kind, how many and which model."""

    kind: str
    count: int | None = None
    qualifier: str = "exact"
    model: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "count": self.count, "qualifier": self.qualifier, "model": self.model}


@dataclass(frozen=True, slots=True)
class Event:
    """One incident of one type, at one place, on one date, as one source reports it."""

    article: str
    type: str
    subtype: str | None = None
    date: date | None = None
    date_precision: str | None = None
    place: Place | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    participants: tuple[Actor, ...] = ()
    targets: tuple[str, ...] = ()
    killed: int | None = None
    killed_qualifier: str | None = None
    injured: int | None = None
    injured_qualifier: str | None = None
    weapons: tuple[Weapon, ...] = ()
    status: str = "occurred"
    source: Source | None = None
    evidence: tuple[Span, ...] = ()
    #: per field, the offsets of the words that support it (``{"killed": Span(..)}``)
    field_evidence: tuple[tuple[str, Span], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ANNOTATION.md, plus ``field_evidence``."""
        return {
            "article": self.article,
            "type": self.type,
            "subtype": self.subtype,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision if self.date else None,
            "place": self.place.to_dict() if self.place else None,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "participants": [a.to_dict() for a in self.participants],
            "targets": list(self.targets),
            "killed": self.killed,
            "killed_qualifier": self.killed_qualifier if self.killed is not None else None,
            "injured": self.injured,
            "injured_qualifier": self.injured_qualifier if self.injured is not None else None,
            "weapons": [w.to_dict() for w in self.weapons],
            "status": self.status,
            "source": self.source.to_dict() if self.source else None,
            "evidence": [s.to_dict() for s in self.evidence],
            "field_evidence": {name: span.to_dict() for name, span in self.field_evidence},
        }
