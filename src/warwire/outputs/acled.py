"""ACLED-style CSV: one row per incident, in ACLED's 31 columns, for tools built on ACLED.

Why: analysts already have pipelines, dashboards and habits around ACLED's export. Writing
the same columns lets them load warwire's incidents beside ACLED's without a converter.

Mapping choices (ACLED's event types, sub-event types and precision codes):

- ``strike``: Explosions/Remote violence; "Air/drone strike" for drones, aircraft and guided
  bombs, "Shelling/artillery/missile attack" for missiles, artillery, rockets and mixed
  barrages, "Remote explosive/landmine/IED" where no weapon is named.
- ``clash``: Battles / Armed clash.
- ``territory``: Battles; "Non-state actor overtakes territory" when the capturer is of another
  country than the place (ACLED counts foreign state forces there too), "Government regains
  territory" when the place's own country takes it back from a foreign force, and "Armed
  clash" when the sides cannot be told apart (a civil war: both sides share a country code).
- ``interception``: Strategic developments / Disrupted weapons use.
- ``agreement``: Strategic developments / Agreement.
- ``violence_against_civilians``: Violence against civilians / Attack, or
  Abduction/forced disappearance when the subtype says so.
- ``protest``: Protests / Peaceful protest.
- ``meeting``, ``aid``, ``sanction`` (not ACLED events): Strategic developments / Other.

``geo_precision``: 1 a place with coordinates, 2 a place known by name only (a village too
small for the gazetteer, a district), 3 a region or a country. ``time_precision``: 1 day,
2 week, 3 month (or no date). ``fatalities``: the incident's lowest confirmed figure, else 0.
``notes``: the evidence sentences when the reports carry them, else a note built from the
fields. ``timestamp``: the latest publication date of the incident's reports (so a re-export
gives the same file). ``region``, ``admin2``, ``admin3``, ``assoc_actor_*`` and the ``inter``
codes stay empty: warwire does not know them.
"""
from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TextIO
from urllib.parse import urlparse

import pycountry

from warwire.link.linker import incident_place, incident_reports
from warwire.link.records import Incident, Report
from warwire.models import Event
from warwire.outputs.brief import admin1_name, country_name, format_day

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

_AIR = frozenset({"drone", "aircraft", "guided_bomb"})
_SHELLING = frozenset({"missile", "artillery", "rocket"})
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations",
             "Strategic developments": "Strategic developments"}
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
#: longest note, in characters, before it is cut (spreadsheets choke on huge cells)
_MAX_NOTE = 2000


def write_acled_csv(incidents: Sequence[Incident], reports: Mapping[str, Report], out: TextIO) -> None:
    """Write a header row and one row per incident (open ``out`` with ``newline=""``)."""
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(ACLED_COLUMNS)
    for incident in incidents:
        row = acled_row(incident, reports)
        writer.writerow([row[column] for column in ACLED_COLUMNS])


def acled_row(incident: Incident, reports: Mapping[str, Report]) -> dict[str, str | int]:
    """One incident as ACLED's columns (strings and integers; empty string where unknown)."""
    reps = incident_reports(incident, reports)
    first = reps[0].event if reps else None
    place = incident_place(incident, reports)
    event_type, sub_event_type = acled_types(incident, reps)
    country = place.country if place else None
    day = incident.date_low
    precisions = [r.event.date_precision for r in reps if r.event.date and r.event.date == day]
    timestamp = max((r.published for r in reps if r.published), default=None)
    return {
        "event_id_cnty": f"{_iso3(country) or 'XXX'}-{incident.id.removeprefix('i_')}",
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": min((_TIME_PRECISION.get(p or "day", 1) for p in precisions), default=3),
        "disorder_type": _DISORDER[event_type],
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": _actor_name(first.actor1) if first else "",
        "assoc_actor_1": "",
        "inter1": "",
        "actor2": _actor_name(first.actor2) if first else "",
        "assoc_actor_2": "",
        "inter2": "",
        "interaction": "",
        "civilian_targeting": "Civilian targeting" if any("civilians" in r.event.targets for r in reps) else "",
        "iso": _iso_numeric(country),
        "region": "",
        "country": country_name(country) or "",
        "admin1": (admin1_name(place.admin1_iso, bare=True) or "") if place else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": f"{place.lat:.4f}" if place and place.lat is not None else "",
        "longitude": f"{place.lon:.4f}" if place and place.lon is not None else "",
        "geo_precision": _geo_precision(place),
        "source": "; ".join(_sources(reps)),
        "source_scale": "",
        "notes": _notes(incident, reps),
        "fatalities": incident.killed_low or 0,
        "tags": _tags(reps),
        "timestamp": int(datetime(timestamp.year, timestamp.month, timestamp.day,
                                  tzinfo=UTC).timestamp()) if timestamp else "",
    }


def acled_types(incident: Incident, reps: Sequence[Report]) -> tuple[str, str]:
    """ACLED's (event_type, sub_event_type) for an incident; see the module docstring."""
    kind = incident.type
    if kind == "strike":
        subtypes = {r.event.subtype for r in reps if r.event.subtype}
        weapons = {w.kind for r in reps for w in r.event.weapons}
        if "mixed" in subtypes or subtypes & {"missile", "artillery"} or weapons & _SHELLING:
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if subtypes & {"drone", "air"} or weapons & _AIR:
            return "Explosions/Remote violence", "Air/drone strike"
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if kind == "clash":
        return "Battles", "Armed clash"
    if kind == "territory":
        return "Battles", _territory_subtype(reps[0].event if reps else None)
    if kind == "interception":
        return "Strategic developments", "Disrupted weapons use"
    if kind == "agreement":
        return "Strategic developments", "Agreement"
    if kind == "violence_against_civilians":
        abducted = any("abduct" in (r.event.subtype or "") for r in reps)
        return "Violence against civilians", "Abduction/forced disappearance" if abducted else "Attack"
    if kind == "protest":
        return "Protests", "Peaceful protest"
    return "Strategic developments", "Other"


def _territory_subtype(event: Event | None) -> str:
    if event is None or event.place is None or not event.place.country:
        return "Armed clash"
    taker = event.actor1.country if event.actor1 else None
    loser = event.actor2.country if event.actor2 else None
    home = event.place.country
    if taker and taker != home:
        return "Non-state actor overtakes territory"
    if taker == home and loser and loser != home:
        return "Government regains territory"
    return "Armed clash"


def _geo_precision(place) -> int:
    if place is None or place.precision in ("admin1", "country"):
        return 3
    return 1 if place.lat is not None and place.lon is not None else 2


def _actor_name(actor) -> str:
    if actor is None:
        return ""
    return actor.name


def _sources(reps: Sequence[Report]) -> list[str]:
    """Whom the reports cite, then the outlets (hosts of the article URLs), each once."""
    names: dict[str, None] = {}
    for report in reps:
        if report.event.source and report.event.source.name:
            names.setdefault(report.event.source.name, None)
    for report in reps:
        host = urlparse(report.article_url).hostname if report.article_url else None
        names.setdefault(host.removeprefix("www.") if host else report.event.article, None)
    return list(names)


def _notes(incident: Incident, reps: Sequence[Report]) -> str:
    parts: list[str] = []
    seen: set[str] = set()
    for report in reps:
        text = " ".join((report.evidence_text or _field_note(report.event)).split())
        if text and text not in seen:
            seen.add(text)
            parts.append(text)
    lead = f"On {format_day(incident.date_low)}: " if incident.date_low else ""
    several = {f.field for f in incident.figures if sum(g.field == f.field for g in incident.figures) > 1}
    figures = [f"{f.field} {f.value} per {f.source or 'an unnamed source'} ({f.status})"
               for f in incident.figures if f.field in several]
    tail = f" [Figures: {'; '.join(figures)}]" if figures else ""
    note = lead + " | ".join(parts) + tail
    return note if len(note) <= _MAX_NOTE else note[:_MAX_NOTE - 1] + "…"


def _field_note(event: Event) -> str:
    """A note from the fields when the evidence text is not stored."""
    who = event.actor1.name if event.actor1 else "An unidentified actor"
    link = " with " if event.type in ("meeting", "agreement", "aid") else " against "
    whom = f"{link}{event.actor2.name}" if event.actor2 else ""
    where = f" in {event.place.name}" if event.place else ""
    weapons = ", ".join(f"{w.count} {w.kind}" if w.count else w.kind for w in event.weapons)
    text = f"{who}: {event.type.replace('_', ' ')}{whom}{where}" + (f" ({weapons})" if weapons else "") + "."
    if event.killed is not None:
        text += f" {event.killed} killed."
    if event.injured is not None:
        text += f" {event.injured} injured."
    if event.status != "occurred":
        text += f" Status: {event.status}."
    if event.source:
        text += f" Source: {event.source.name}."
    return text


def _tags(reps: Sequence[Report]) -> str:
    statuses = {r.event.status for r in reps}
    if statuses and "occurred" not in statuses:
        return "; ".join(sorted(f"status={s}" for s in statuses))
    return ""


def _iso3(code: str | None) -> str | None:
    country = pycountry.countries.get(alpha_2=code) if code else None
    return country.alpha_3 if country else None


def _iso_numeric(code: str | None) -> int | str:
    country = pycountry.countries.get(alpha_2=code) if code else None
    return int(country.numeric) if country else ""
