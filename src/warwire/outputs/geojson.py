"""GeoJSON: incidents as points, for any map (QGIS, Leaflet, kepler.gl, geojson.io).

Why only points at place precision: a strike known only as "the Odesa region" or
"Ukraine" has no honest point; placing it at a centroid would draw a precision the sources
never gave. Those incidents are left out of the map (they stay in the CSV and JSONL).
Coordinates are ``[longitude, latitude]`` as RFC 7946 requires.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from warwire.link.linker import incident_place, incident_reports, incident_status
from warwire.link.records import Incident, Report


def write_geojson(incidents: Sequence[Incident], reports: Mapping[str, Report], out: TextIO) -> None:
    """Write a FeatureCollection of the incidents that have a point."""
    features = [f for f in (incident_feature(inc, reports) for inc in incidents) if f is not None]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")


def incident_feature(incident: Incident, reports: Mapping[str, Report]) -> dict[str, Any] | None:
    """One incident as a Point feature, or None when it has no place with coordinates."""
    place = incident_place(incident, reports)
    if place is None or place.precision != "place" or place.lat is None or place.lon is None:
        return None
    reps = incident_reports(incident, reports)
    sources = list(dict.fromkeys(r.event.source.name for r in reps if r.event.source))
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(place.lon, 5), round(place.lat, 5)]},
        "properties": {
            "id": incident.id,
            "type": incident.type,
            "date": incident.date_low.isoformat() if incident.date_low else None,
            "date_high": incident.date_high.isoformat() if incident.date_high else None,
            "place": place.name,
            "admin1": place.admin1_iso,
            "country": place.country,
            "killed_low": incident.killed_low,
            "killed_best": incident.killed_best,
            "killed_high": incident.killed_high,
            "injured_low": incident.injured_low,
            "injured_best": incident.injured_best,
            "injured_high": incident.injured_high,
            "status": incident_status(incident, reports),
            "sources": sources,
            "articles": list(dict.fromkeys(r.event.article for r in reps)),
            "report_count": len(incident.report_ids),
        },
    }
