"""GeoJSON: a valid FeatureCollection of points, longitude first."""
from __future__ import annotations

import io
import json
from datetime import date

from warwire.link import Report, link_reports
from warwire.models import Actor, Event, Place, Span
from warwire.outputs.geojson import write_geojson


def _report(article: str, place: Place, status: str = "occurred", killed: int | None = None) -> Report:
    event = Event(article=article, type="strike", date=date(2025, 3, 4), date_precision="day", place=place,
                  actor1=Actor("Russia", "RU"), actor2=Actor("Ukraine", "UA"), killed=killed,
                  killed_qualifier="exact" if killed is not None else None, status=status, evidence=(Span(0, 9),))
    return Report.of(event, published=date(2025, 3, 4))


def test_geojson_points_are_lon_lat():
    reps = [_report("a1", Place("Kharkiv", "UA", "UA-63", 49.9867, 36.2342, "place"), killed=2),
            _report("a2", Place("Odesa", "UA", "UA-51", None, None, "admin1")),
            _report("a3", Place("Kherson", "UA", "UA-65", 46.6354, 32.6169, "place"), status="claimed")]
    buffer = io.StringIO()
    write_geojson(link_reports(reps), {r.id: r for r in reps}, buffer)
    data = json.loads(buffer.getvalue())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    for feature in data["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    kharkiv = next(f for f in data["features"] if f["properties"]["place"] == "Kharkiv")
    assert kharkiv["geometry"]["coordinates"] == [36.2342, 49.9867]
    props = kharkiv["properties"]
    assert props["killed_low"] == 2 and props["status"] == "confirmed" and props["report_count"] == 1
    assert props["id"].startswith("i_") and props["admin1"] == "UA-63" and props["country"] == "UA"
    kherson = next(f for f in data["features"] if f["properties"]["place"] == "Kherson")
    assert kherson["properties"]["status"] == "claimed"
