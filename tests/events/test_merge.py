"""Merging the accounts of one incident, on events built in the tests."""
from __future__ import annotations

from datetime import date

from warwire.events.merge import drop_history, merge_events, same_incident
from warwire.models import Event, Place, Span, Weapon

ODESA = Place("Odesa", "UA", "UA-51", 46.48, 30.72, "place", "geonames:698740")
ODESA_REGION = Place("Odesa Oblast", "UA", "UA-51", None, None, "admin1", "iso3166-2:UA-51")
KHARKIV = Place("Kharkiv", "UA", "UA-63", 49.99, 36.23, "place", "geonames:706483")
DAY = date(2025, 12, 5)


def strike(place, killed=None, injured=None, start=0, when=DAY, **kw) -> Event:
    return Event("a", "strike", date=when, date_precision="day", place=place, killed=killed,
                 killed_qualifier="exact" if killed is not None else None, injured=injured,
                 injured_qualifier="exact" if injured is not None else None,
                 evidence=(Span(start, start + 10),), **kw)


def test_merge_same_place_same_day_is_one_incident_with_the_lowest_figure():
    text = "x" * 100
    merged = merge_events([strike(ODESA, killed=6, start=0), strike(ODESA, killed=7, injured=3, start=50)], text)
    assert len(merged) == 1
    assert (merged[0].killed, merged[0].injured) == (6, 3)
    assert len(merged[0].evidence) == 2


def test_merge_other_place_is_another_incident():
    assert len(merge_events([strike(ODESA), strike(KHARKIV)], "x" * 100)) == 2


def test_merge_headline_region_sums_up_its_town():
    headline = strike(ODESA_REGION)
    assert same_incident(headline, strike(ODESA, killed=2))


def test_merge_interceptions_with_other_counts_stay_apart():
    a = Event("a", "interception", date=DAY, date_precision="day", place=ODESA, weapons=(Weapon("drone", 10),))
    b = Event("a", "interception", date=DAY, date_precision="day", place=ODESA, weapons=(Weapon("drone", 4),))
    assert not same_incident(a, b)


def test_merge_history_is_dropped():
    old = strike(ODESA, when=date(2022, 2, 24))
    assert drop_history([old, strike(KHARKIV)], date(2025, 12, 6)) == [strike(KHARKIV)]
