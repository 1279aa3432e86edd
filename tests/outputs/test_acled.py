"""ACLED-style CSV: ACLED's columns, event types, precisions and fatalities."""
from __future__ import annotations

import csv
import io
from datetime import date

from warwire.link import Report, link_reports
from warwire.models import Actor, Event, Place, Source, Span, Weapon
from warwire.outputs.acled import ACLED_COLUMNS, write_acled_csv

KHARKIV = Place("Kharkiv", "UA", "UA-63", 49.9867, 36.2342, "place")
RU, UA = Actor("Russia", "RU"), Actor("Ukraine", "UA")


def _report(article: str, *, type: str = "strike", killed: int | None = None, place: Place | None = KHARKIV,
            weapons: tuple[Weapon, ...] = (), subtype: str | None = None, status: str = "occurred",
            actor1: Actor = RU, actor2: Actor = UA,
            evidence_text: str | None = None) -> Report:
    event = Event(article=article, type=type, subtype=subtype, date=date(2025, 3, 4), date_precision="day",
                  place=place, actor1=actor1, actor2=actor2, killed=killed,
                  killed_qualifier="exact" if killed is not None else None, weapons=weapons, status=status,
                  source=Source("regional governor", "UA", "local_official"), evidence=(Span(0, 30),))
    report = Report.of(event, url="https://www.example.org/news/1", published=date(2025, 3, 5))
    if evidence_text is None:
        return report
    return Report(report.id, event, report.article_url, report.article_title, report.published, evidence_text)


def _rows(reports: list[Report]) -> list[dict[str, str]]:
    buffer = io.StringIO(newline="")
    write_acled_csv(link_reports(reports), {r.id: r for r in reports}, buffer)
    return list(csv.DictReader(io.StringIO(buffer.getvalue(), newline="")))


def test_acled_header_is_the_31_columns():
    buffer = io.StringIO()
    write_acled_csv([], {}, buffer)
    header = next(csv.reader(io.StringIO(buffer.getvalue())))
    assert tuple(header) == ACLED_COLUMNS and len(header) == 31
    assert header[:3] == ["event_id_cnty", "event_date", "year"] and header[-1] == "timestamp"


def test_acled_strike_row():
    reps = [_report("a1", killed=4, weapons=(Weapon("drone", 3),), evidence_text="A drone hit a block, killing four."),
            _report("a2", killed=5, weapons=(Weapon("drone"),), evidence_text="Five people died, an agency said.")]
    [row] = _rows(reps)
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert row["disorder_type"] == "Political violence"
    assert (row["time_precision"], row["geo_precision"], row["fatalities"]) == ("1", "1", "4")
    assert (row["country"], row["iso"], row["admin1"], row["location"]) == ("Ukraine", "804", "Kharkiv", "Kharkiv")
    assert (row["latitude"], row["longitude"]) == ("49.9867", "36.2342")
    assert row["event_date"] == "2025-03-04" and row["year"] == "2025" and row["event_id_cnty"].startswith("UKR-")
    assert "killing four" in row["notes"] and "Five people died" in row["notes"]
    assert "example.org" in row["source"] and "regional governor" in row["source"]


def test_acled_missile_strike_and_region_precision():
    region = Place("Odesa", "UA", "UA-51", None, None, "admin1")
    [row] = _rows([_report("a1", subtype="mixed", place=region, weapons=(Weapon("missile"), Weapon("drone")))])
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert row["geo_precision"] == "3" and row["fatalities"] == "0" and row["latitude"] == ""
    assert "strike" in row["notes"]  # built from the fields when no evidence text is stored


def test_acled_other_types():
    cases = {
        "interception": ("Strategic developments", "Disrupted weapons use"),
        "clash": ("Battles", "Armed clash"),
        "territory": ("Battles", "Non-state actor overtakes territory"),
        "meeting": ("Strategic developments", "Other"),
        "agreement": ("Strategic developments", "Agreement"),
        "protest": ("Protests", "Peaceful protest"),
        "violence_against_civilians": ("Violence against civilians", "Attack"),
    }
    for kind, expected in cases.items():
        [row] = _rows([_report("a1", type=kind)])
        assert (row["event_type"], row["sub_event_type"]) == expected, kind
    [row] = _rows([_report("a1", type="territory", actor1=UA, actor2=RU)])
    assert row["sub_event_type"] == "Government regains territory"


def test_acled_columns_match_the_published_export(shared):
    path = shared / "external" / "acled_ukraine_peacerep_sample.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert set(ACLED_COLUMNS) <= set(header)
