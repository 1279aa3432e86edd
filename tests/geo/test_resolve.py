"""Resolution by context, and the words never taken as places by themselves."""
from __future__ import annotations

import pytest

from warwire.geo.resolve import is_ambiguous_common_word, resolve


def test_resolve_big_city_beats_villages(gaz):
    rivne = resolve("Rivne", gaz)
    assert rivne.admin1_iso == "UA-56" and rivne.population > 100_000
    kyiv = resolve("Kiev", gaz)
    assert (kyiv.name, kyiv.admin1_iso, kyiv.kind) == ("Kyiv", "UA-30", "settlement")
    assert resolve("Kharkiv", gaz).kind == "settlement"


def test_resolve_admin1_hint_and_nearby_place(gaz):
    pokrovsk = resolve("Pokrovsk", gaz, admin1_hints={"UA-14"})
    rivne = resolve("Rivne", gaz, admin1_hints={"UA-14"}, near=[pokrovsk])
    assert rivne.ref == "ocha:UA1416015003"
    assert rivne.lat == pytest.approx(48.2981, abs=1e-3) and rivne.lon == pytest.approx(37.2205, abs=1e-3)
    assert resolve("Kucherivka", gaz, admin1_hints={"UA-63"}).ref == "ocha:UA6308013008"


def test_resolve_country_hint(gaz):
    assert resolve("Novomoskovsk", gaz, country_hints={"UA"}).country == "UA"


def test_resolve_region_words_and_primary_regions(gaz):
    assert resolve("Kharkiv region", gaz).admin1_iso == "UA-63"
    assert resolve("Dnipropetrovsk region", gaz).to_place().precision == "admin1"
    assert resolve("Crimea", gaz).admin1_iso == "UA-43"
    assert resolve("Kharkivshchyna", gaz).kind == "admin1"
    gaza = resolve("Gaza", gaz)
    assert gaza.country == "PS" and gaza.kind == "country"
    assert resolve("Gaza City", gaz).kind == "settlement"


@pytest.mark.parametrize(("name", "iso"), [
    ("Pechenihy", "UA-63"), ("Pechenegi", "UA-63"), ("Temryuk", "RU-KDA"), ("Syzran", "RU-SAM"),
    ("Miami", "US-FL"), ("Khartoum", "SD-KH"), ("Belgorod", "RU-BEL"), ("El Fasher", "SD-DN"), ("Goma", "CD-NK"),
    ("Hodeidah", "YE-HU"), ("Aleppo", "SY-HL"), ("Daraa", "SY-DR"), ("Deir al-Balah", "PS-DEB"), ("Idlib", "SY-ID"),
])
def test_resolve_settlements(gaz, name, iso):
    entry = resolve(name, gaz)
    assert entry.kind == "settlement" and entry.admin1_iso == iso and entry.lat is not None


def test_resolve_countries(gaz):
    assert resolve("Russia", gaz).to_place().precision == "country"
    assert resolve("Georgia", gaz).country == "GE"
    assert resolve("Nowhereville Qx", gaz) is None


@pytest.mark.parametrize("word", ["Victory", "Peace", "Mayor", "Many", "Sunday", "President", "Monday", "Bar"])
def test_resolve_ambiguous_common_words(gaz, word):
    assert is_ambiguous_common_word(word)
    assert is_ambiguous_common_word(word, gaz)


@pytest.mark.parametrize("name", ["Kharkiv", "Kucherovka", "Pobeda", "Rivne", "UK", "Gaza", "Bakhmut"])
def test_resolve_places_are_not_ambiguous(gaz, name):
    assert not is_ambiguous_common_word(name, gaz)
