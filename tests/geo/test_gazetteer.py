"""Gazetteer lookups: names, region words, spellings news uses, countries and ISO codes."""
from __future__ import annotations

import pytest

from warwire.geo.gazetteer import Gazetteer, normalize


def _kinds(gaz, name):
    return {(e.kind, e.admin1_iso or e.country) for e in gaz.candidates(name)}


def test_gazetteer_normalize_folds_case_marks_apostrophes_and_hyphens():
    assert normalize("The Khar’kov") == "kharkov"
    assert normalize("Ivano-Frankivsk") == "ivano frankivsk"
    assert normalize("Ḩalab") == "halab"
    assert normalize("  Bila  Tserkva ") == "bila tserkva"


@pytest.mark.parametrize("name", ["Kharkiv region", "Kharkiv Oblast", "Kharkivska oblast", "Kharkiv province",
                                  "the Kharkiv oblast", "Kharkov region"])
def test_gazetteer_oblast_forms(gaz, name):
    assert ("admin1", "UA-63") in _kinds(gaz, name)
    assert all(e.kind != "settlement" for e in gaz.candidates(name))


@pytest.mark.parametrize(("name", "iso"), [
    ("Dnipropetrovsk region", "UA-12"), ("Dnepropetrovsk region", "UA-12"), ("Dnipro region", "UA-12"),
    ("Zaporozhye region", "UA-23"), ("Nikolaev oblast", "UA-48"), ("Mykolaiv Oblast", "UA-48"),
    ("Crimea", "UA-43"), ("Kyiv region", "UA-32"), ("Kyiv city", "UA-30"), ("Luhansk oblast", "UA-09"),
    ("Chernihiv region", "UA-74"), ("Chernivtsi region", "UA-77"),
    ("Belgorod region", "RU-BEL"), ("Kursk region", "RU-KRS"), ("Krasnodar region", "RU-KDA"),
    ("Krasnodar Krai", "RU-KDA"), ("Bryansk oblast", "RU-BRY"), ("Moscow region", "RU-MOS"),
    ("North Darfur", "SD-DN"), ("Khartoum state", "SD-KH"), ("Idlib province", "SY-ID"),
    ("Idlib governorate", "SY-ID"), ("Aleppo Governorate", "SY-HL"), ("North Kivu", "CD-NK"),
    ("Gao region", "ML-7"), ("Rakhine state", "MM-16"), ("Florida", "US-FL"),
])
def test_gazetteer_admin1_names(gaz, name, iso):
    assert ("admin1", iso) in _kinds(gaz, name)


def test_gazetteer_admin1_and_country_accessors(gaz):
    oblast = gaz.admin1("UA-63")
    assert oblast.name == "Kharkiv Oblast" and oblast.kind == "admin1" and oblast.country == "UA"
    place = oblast.to_place()
    assert place.precision == "admin1" and place.lat is None and place.admin1_iso == "UA-63"
    assert gaz.admin1("UA-30").name == "Kyiv"
    assert gaz.country("ua").name == "Ukraine"
    assert gaz.country("ru").to_place().precision == "country"
    assert {"UA", "RU", "PS", "CD", "SD", "XK"} <= {c.country for c in gaz.countries()}


@pytest.mark.parametrize(("name", "code"), [
    ("Russia", "RU"), ("Syria", "SY"), ("Iran", "IR"), ("South Korea", "KR"), ("DR Congo", "CD"),
    ("Democratic Republic of the Congo", "CD"), ("Congo-Kinshasa", "CD"), ("Palestine", "PS"),
    ("Burma", "MM"), ("Ivory Coast", "CI"), ("United States", "US"), ("Ukraine", "UA"), ("Gaza Strip", "PS"),
])
def test_gazetteer_country_names(gaz, name, code):
    assert ("country", code) in _kinds(gaz, name)


def test_gazetteer_settlement_entry_fields(gaz):
    (entry,) = [e for e in gaz.candidates("Kucherivka") if e.admin1_iso == "UA-63"]
    assert entry.ref == "ocha:UA6308013008" and entry.admin1_name == "Kharkiv Oblast"
    assert entry.lat == pytest.approx(49.7120, abs=1e-3) and entry.lon == pytest.approx(37.6654, abs=1e-3)
    assert len({e.admin1_iso for e in gaz.candidates("Kucherivka")}) >= 5
    place = entry.to_place()
    assert place.precision == "place" and place.ref == "ocha:UA6308013008"


@pytest.mark.parametrize(("variant", "official"), [
    ("Kiev", "Kyiv"), ("Kharkov", "Kharkiv"), ("Odessa", "Odesa"), ("Slavyansk", "Sloviansk"),
    ("Slovyansk", "Sloviansk"), ("Artemovsk", "Bakhmut"), ("Nikolaev", "Mykolaiv"), ("Zaporozhye", "Zaporizhzhia"),
    ("Dnepr", "Dnipro"), ("Lugansk", "Luhansk"), ("Krivoy Rog", "Kryvyi Rih"), ("Chernigov", "Chernihiv"),
    ("Avdeyevka", "Avdiivka"), ("Pechenegi", "Pechenihy"), ("Kupyansk", "Kupiansk"), ("Kucherovka", "Kucherivka"),
    ("Gorlovka", "Horlivka"), ("Chasov Yar", "Chasiv Yar"),
])
def test_gazetteer_spelling_variants(gaz, variant, official):
    assert official in {e.name for e in gaz.candidates(variant)}


def test_gazetteer_district_and_hromada_forms(gaz):
    (raion,) = gaz.candidates("Pokrovsk district")
    assert raion.kind == "district" and raion.admin1_iso == "UA-14" and raion.name == "Pokrovsk Raion"
    assert raion.to_place().precision == "place" and raion.lat is not None
    assert gaz.candidates("Pokrovskyi raion") == [raion]
    assert all(e.kind != "district" for e in gaz.candidates("Pokrovsk"))
    assert [e.admin1_iso for e in gaz.candidates("Romny hromada")] == ["UA-59"]


@pytest.mark.parametrize(("name", "iso"), [
    ("Temryuk", "RU-KDA"), ("Syzran", "RU-SAM"), ("Belgorod", "RU-BEL"), ("Miami", "US-FL"),
    ("Khartoum", "SD-KH"), ("Kyiv", "UA-30"), ("Sevastopol", "UA-40"), ("Simferopol", "UA-43"),
])
def test_gazetteer_settlement_admin1_is_iso(gaz, name, iso):
    assert iso in {e.admin1_iso for e in gaz.candidates(name) if e.kind == "settlement"}


def test_gazetteer_unknown_name(gaz):
    assert gaz.candidates("Qwxzv Plorth") == []
    assert gaz.candidates("") == []


def test_gazetteer_max_tokens(gaz):
    assert 3 <= gaz.max_tokens <= 8


def test_gazetteer_default_reads_the_cache(gaz, gazetteer_cache):
    from warwire.geo.gazetteer import _default

    assert list(gazetteer_cache.glob("gazetteer-*.pkl"))
    _default.cache_clear()
    try:
        loaded = Gazetteer.default()
        assert loaded.version == gaz.version and len(loaded) == len(gaz)
    finally:
        _default.cache_clear()
