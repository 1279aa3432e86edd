"""Event assembly on sentences written for these tests: one test per type and hard case."""
from __future__ import annotations


def only(events, etype):
    found = [e for e in events if e["type"] == etype]
    assert found, f"no {etype} in {[e['type'] for e in events]}"
    return found


def test_assemble_strike_with_casualties_and_source(extract):
    text = ("Russian missiles hit the city of Kharkiv overnight, killing at least four people and "
            "injuring 21, regional Gov. Oleh Syniehubov said.")
    (e,) = only(extract(text, "2025-12-05"), "strike")
    assert e["place"]["name"] == "Kharkiv" and e["place"]["admin1_iso"] == "UA-63"
    assert (e["killed"], e["killed_qualifier"]) == (4, "at_least")
    assert (e["injured"], e["injured_qualifier"]) == (21, "exact")
    assert e["date"] == "2025-12-04"
    assert e["actor1"]["country"] == "RU" and e["actor2"]["country"] == "UA"
    assert e["source"]["side"] == "UA"
    assert e["status"] == "occurred"
    assert e["weapons"][0]["kind"] == "missile"
    start, end = e["evidence"][0]["start"], e["evidence"][0]["end"]
    assert "Kharkiv" in text[start:end]


def test_assemble_age_is_not_a_count(extract):
    text = "A Russian drone strike on a house in Kherson killed a 70-year-old woman on Tuesday, the regional governor said."
    (e,) = only(extract(text, "2025-12-05"), "strike")
    assert e["killed"] == 1
    assert e["date"] == "2025-12-02"


def test_assemble_barrage_at_country_precision(extract):
    text = "Russia launched 653 drones and 51 missiles at Ukraine overnight, Ukraine's air force said."
    (e,) = only(extract(text, "2025-12-07"), "strike")
    counts = {w["kind"]: (w["count"], w["qualifier"]) for w in e["weapons"]}
    assert counts == {"drone": (653, "exact"), "missile": (51, "exact")}
    assert e["place"]["precision"] == "country" and e["place"]["country"] == "UA"
    assert e["date"] == "2025-12-06"


def test_assemble_interception_is_a_claim(extract):
    text = "The Russian Defence Ministry said its air defences shot down 85 Ukrainian drones over Russian regions overnight."
    (e,) = only(extract(text, "2025-12-05"), "interception")
    assert e["status"] == "claimed"
    assert e["weapons"][0]["kind"] == "drone" and e["weapons"][0]["count"] == 85
    assert e["actor1"]["country"] == "RU" and e["actor2"]["country"] == "UA"
    assert e["source"]["side"] == "RU"


def test_assemble_territory_claim(extract):
    text = "Russia's Defence Ministry claimed its forces had captured the village of Kucherivka in the Kharkiv region."
    (e,) = only(extract(text, "2025-12-05"), "territory")
    assert e["status"] == "claimed"
    assert e["place"]["name"] == "Kucherivka" and e["place"]["admin1_iso"] == "UA-63"
    assert abs(e["place"]["lat"] - 49.712) < 0.05
    assert e["actor1"]["country"] == "RU"


def test_assemble_one_event_per_place(extract):
    text = "Ukrainian troops repelled Russian assaults near Pokrovsk, Kostiantynivka and Huliaipole, the General Staff said."
    events = only(extract(text, "2025-12-05"), "clash")
    assert {e["place"]["name"] for e in events} >= {"Pokrovsk", "Huliaipole"}


def test_assemble_planned_meeting(extract):
    text = "U.S. envoy Steve Witkoff is scheduled to meet Ukrainian delegates in Miami on Monday."
    (e,) = only(extract(text, "2025-12-07"), "meeting")
    assert e["status"] == "planned"
    assert e["date"] == "2025-12-08"
    countries = {p["country"] for p in e["participants"]}
    assert countries >= {"US", "UA"}


def test_assemble_sport_yields_nothing(extract):
    text = ("The striker hit the post twice before the home side launched a late attack, and the coach said "
            "the battle for the title would go on until the last match of the season.")
    assert extract(text, "2025-12-05") == []


def test_assemble_weather_yields_nothing(extract):
    text = "A powerful storm hit Odesa overnight, killing two people and damaging homes, officials said."
    assert [e for e in extract(text, "2025-12-05") if e["type"] in ("strike", "clash")] == []


def test_assemble_history_is_not_an_event(extract):
    text = "Russian forces captured the town of Bakhmut in May 2023 after months of fighting."
    assert extract(text, "2025-12-05") == []


def test_assemble_same_incident_twice_is_one_event(extract):
    text = ("A Russian drone strike on Odesa killed two people overnight, the governor said. "
            "The attack on Odesa also injured five, according to local officials.")
    events = only(extract(text, "2025-12-05"), "strike")
    assert len(events) == 1
    assert events[0]["killed"] == 2 and events[0]["injured"] == 5


def test_assemble_other_war(extract):
    text = "A drone strike by the Rapid Support Forces on a market in El Fasher killed at least 12 civilians on Sunday, a medical group said."
    (e,) = only(extract(text, "2025-12-05"), "strike")
    assert e["place"]["country"] == "SD"
    assert e["killed"] == 12
    assert e["actor1"]["country"] == "SD"


def test_assemble_protest(extract):
    text = "Thousands of people protested in Tbilisi on Saturday against the government's decision."
    (e,) = only(extract(text, "2025-12-07"), "protest")
    assert e["place"]["country"] == "GE"


def test_assemble_aid_pledge(extract):
    text = "Germany pledged two more Patriot air defence systems to Ukraine on Wednesday, the defence minister said."
    (e,) = only(extract(text, "2025-12-05"), "aid")
    assert e["actor1"]["country"] == "DE" and e["actor2"]["country"] == "UA"


def test_assemble_field_evidence_points_at_words(extract):
    text = "Russian shelling killed three civilians in Kherson on Monday, the regional administration said."
    (e,) = only(extract(text, "2025-12-05"), "strike")
    span = e["field_evidence"]["killed"]
    assert "three" in text[span["start"]:span["end"]]
    place = e["field_evidence"]["place"]
    assert text[place["start"]:place["end"]] == "Kherson"
