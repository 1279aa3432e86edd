"""Actors found in sentences written for these tests, with their sides and kinds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from warwire.nlp import lexicon
from warwire.nlp.actors import ActorMention, actor_finder, demonym_country, find_actors

DATA = Path(__file__).resolve().parents[2] / "src" / "warwire" / "data"


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def actors(nlp: spacy.Language, text: str) -> list[ActorMention]:
    return find_actors(nlp(text))


def one(nlp: spacy.Language, text: str, phrase: str) -> ActorMention:
    """The actor whose text is ``phrase``."""
    found = [a for a in actors(nlp, text) if a.text == phrase]
    assert found, f"{phrase!r} not found in {[a.text for a in actors(nlp, text)]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "phrase", "name", "country", "kind"),
    [
        ("Ukraine's air force said it shot down 40 drones.", "Ukraine's air force", "Ukrainian Air Force", "UA", "military"),
        ("The Ukrainian Air Force reported the attack.", "Ukrainian Air Force", "Ukrainian Air Force", "UA", "military"),
        ("The Russian Ministry of Defence claimed gains.", "Russian Ministry of Defence", "Russian Defence Ministry", "RU", "military"),
        ("Russia's Defence Ministry published a video.", "Russia's Defence Ministry", "Russian Defence Ministry", "RU", "military"),
        ("Moscow's defence ministry denied it.", "Moscow's defence ministry", "Russian Defence Ministry", "RU", "military"),
        ("Russian Defense Ministry data showed more.", "Russian Defense Ministry", "Russian Defence Ministry", "RU", "military"),
        ("Russian troops advanced near the river.", "Russian troops", "Russian troops", "RU", "military"),
        ("Russian occupiers shelled the town.", "Russian occupiers", "Russian forces", "RU", "military"),
        ("Ukrainian defenders held the line.", "Ukrainian defenders", "Ukrainian forces", "UA", "military"),
        ("Ukraine's armed forces struck a depot.", "Ukraine's armed forces", "Ukrainian Armed Forces", "UA", "military"),
        ("The General Staff of Ukraine's Armed Forces gave new figures.", "General Staff of Ukraine's Armed Forces",
         "Ukrainian General Staff", "UA", "military"),
        ("Ukraine's General Staff said so.", "Ukraine's General Staff", "Ukrainian General Staff", "UA", "military"),
        ("The Kremlin rejected the offer.", "Kremlin", "Kremlin", "RU", "government"),
        ("The Israeli army said it struck targets.", "Israeli army", "Israeli army", "IL", "military"),
        ("The Israel Defense Forces said so.", "Israel Defense Forces", "Israel Defense Forces", "IL", "military"),
        ("The IDF confirmed the operation.", "IDF", "Israel Defense Forces", "IL", "military"),
        ("Houthi rebels fired a missile.", "Houthi rebels", "Houthis", "YE", "armed_group"),
        ("Ansar Allah threatened shipping.", "Ansar Allah", "Houthis", "YE", "armed_group"),
        ("The RSF shelled the camp.", "RSF", "Rapid Support Forces", "SD", "armed_group"),
        ("The Sudanese army retook the bridge.", "Sudanese army", "Sudanese army", "SD", "military"),
        ("M23 rebels entered the town.", "M23 rebels", "M23", "CD", "armed_group"),
        ("The FARDC withdrew.", "FARDC", "FARDC", "CD", "military"),
        ("JNIM claimed the ambush.", "JNIM", "JNIM", "ML", "armed_group"),
        ("Malian army units patrolled.", "Malian army", "Malian army", "ML", "military"),
        ("Al-Shabaab attacked a base.", "Al-Shabaab", "al-Shabaab", "SO", "armed_group"),
        ("The Arakan Army seized a post.", "Arakan Army", "Arakan Army", "MM", "armed_group"),
        ("The Tatmadaw bombed a village.", "Tatmadaw", "Tatmadaw", "MM", "military"),
        ("Hamas fighters crossed the fence.", "Hamas fighters", "Hamas", "PS", "armed_group"),
        ("Hezbollah fired rockets.", "Hezbollah", "Hezbollah", "LB", "armed_group"),
        ("Wagner mercenaries left the city.", "Wagner mercenaries", "Wagner Group", "RU", "armed_group"),
        ("Russian-backed separatists shelled the town.", "Russian-backed separatists", "Russian-backed separatists",
         "RU", "armed_group"),
        ("Pakistani army units moved.", "Pakistani army", "Pakistani army", "PK", "military"),
        ("Chadian troops crossed the border.", "Chadian troops", "Chadian troops", "TD", "military"),
    ],
)
def test_actors_forces_and_institutions(nlp, text, phrase, name, country, kind):
    actor = one(nlp, text, phrase)
    assert (actor.name, actor.country, actor.kind) == (name, country, kind)


def test_actors_offsets_point_into_text(nlp):
    text = "Overnight, Ukraine's air force said Russia launched 137 drones."
    for actor in actors(nlp, text):
        assert text[actor.start:actor.end] == actor.text


def test_actors_longest_match_wins_without_overlap(nlp):
    found = actors(nlp, "The General Staff of Ukraine's Armed Forces and Interfax-Ukraine reported it.")
    assert [a.text for a in found] == ["General Staff of Ukraine's Armed Forces", "Interfax-Ukraine"]
    spans = sorted((a.start, a.end) for a in found)
    assert all(end <= nxt for (_, end), (nxt, _) in zip(spans, spans[1:]))


def test_actors_states_and_seats(nlp):
    found = {a.text: (a.name, a.country, a.kind) for a in actors(nlp, "Moscow and Kiev traded blame, as did Russia and Kyiv.")}
    assert found == {
        "Moscow": ("Russia", "RU", "state"),
        "Kiev": ("Ukraine", "UA", "state"),
        "Russia": ("Russia", "RU", "state"),
        "Kyiv": ("Ukraine", "UA", "state"),
    }


def test_actors_islamic_state_acronym_is_case_sensitive(nlp):
    assert one(nlp, "IS claimed the bombing.", "IS").name == "Islamic State"
    assert not [a for a in actors(nlp, "It is unclear who is behind it.") if a.name == "Islamic State"]
    assert not [a for a in actors(nlp, "WAR IS OVER, THE SIGN SAID") if a.name == "Islamic State"]


@pytest.mark.parametrize(
    ("text", "phrase", "name", "country", "kind", "role"),
    [
        ("Kremlin spokesman Dmitry Peskov said talks continue.", "Kremlin spokesman Dmitry Peskov",
         "Dmitry Peskov", "RU", "official", "spokesman"),
        ("Ukrainian President Volodymyr Zelensky spoke.", "Ukrainian President Volodymyr Zelensky",
         "Volodymyr Zelenskyy", "UA", "official", "president"),
        ("Zelenskiy met troops.", "Zelenskiy", "Volodymyr Zelenskyy", "UA", "official", "president"),
        ("Sergey Lavrov arrived.", "Sergey Lavrov", "Sergei Lavrov", "RU", "official", "foreign minister"),
        ("Air force spokesman Yuriy Ihnat said so.", "Air force spokesman Yuriy Ihnat", "Yurii Ihnat", "UA",
         "military", "spokesman"),
        ("Hemedti addressed his fighters.", "Hemedti", "Mohamed Hamdan Dagalo", "SD", "military", "RSF commander"),
        ("Gen. Abdel Fattah al-Burhan visited.", "Gen. Abdel Fattah al-Burhan", "Abdel Fattah al-Burhan", "SD",
         "official", "head of sovereign council"),
        ("Kharkiv Mayor Ihor Terekhov said.", "Kharkiv Mayor Ihor Terekhov", "Ihor Terekhov", "UA",
         "local_official", "mayor"),
        ("Belgorod Governor Vyacheslav Gladkov wrote.", "Belgorod Governor Vyacheslav Gladkov", "Vyacheslav Gladkov",
         "RU", "local_official", "governor"),
        ("U.S. envoy Steve Witkoff flew in.", "U.S. envoy Steve Witkoff", "Steve Witkoff", "US", "official", "envoy"),
        ("NATO chief Mark Rutte warned.", "NATO chief Mark Rutte", "Mark Rutte", None, "official",
         "NATO secretary general"),
    ],
)
def test_actors_known_officials(nlp, text, phrase, name, country, kind, role):
    actor = one(nlp, text, phrase)
    assert (actor.name, actor.country, actor.kind, actor.role) == (name, country, kind, role)


@pytest.mark.parametrize(
    ("text", "phrase", "name", "country", "kind", "role"),
    [
        ("Regional Gov. Petro Example said.", "Regional Gov. Petro Example", "Petro Example", None,
         "local_official", "governor"),
        ("Governor Anna Testenko wrote on Telegram.", "Governor Anna Testenko", "Anna Testenko", None,
         "local_official", "governor"),
        ("Odesa Mayor Ivan Sampleko said.", "Odesa Mayor Ivan Sampleko", "Ivan Sampleko", None, "local_official", "mayor"),
        ("Mayor Ivan Sampleko on Monday said.", "Mayor Ivan Sampleko", "Ivan Sampleko", None, "local_official", "mayor"),
        ("Regional military administration head Pavlo Demo said.",
         "Regional military administration head Pavlo Demo", "Pavlo Demo", None, "local_official", "leader"),
        ("The head of the Sumy regional military administration Oleh Probenko said.",
         "head of the Sumy regional military administration Oleh Probenko", "Oleh Probenko", None,
         "local_official", "leader"),
        ("Moldovan President Maria Exempla spoke.", "Moldovan President Maria Exempla", "Maria Exempla", "MD",
         "official", "president"),
        ("Army spokesman Ali Exemplar said.", "Army spokesman Ali Exemplar", "Ali Exemplar", None, "military", "spokesman"),
        ("Sudanese army spokesman Ahmed Placeholder said.", "Sudanese army spokesman Ahmed Placeholder",
         "Ahmed Placeholder", "SD", "military", "spokesman"),
    ],
)
def test_actors_generic_officials_by_title(nlp, text, phrase, name, country, kind, role):
    actor = one(nlp, text, phrase)
    assert (actor.name, actor.country, actor.kind, actor.role) == (name, country, kind, role)


def test_actors_title_without_name(nlp):
    assert (one(nlp, "A Kremlin spokesman declined to comment.", "Kremlin spokesman").country) == "RU"
    governor = one(nlp, "The governor said three died.", "governor")
    assert (governor.kind, governor.country, governor.role) == ("local_official", None, "governor")
    # a rank alone is not an actor
    assert not [a for a in actors(nlp, "In general, the front was calm.") if a.role == "officer"]


@pytest.mark.parametrize(
    ("text", "phrase", "name", "country", "kind"),
    [
        ("Civilians fled the town.", "Civilians", "civilians", None, "people"),
        ("Local residents said the blast was loud.", "Local residents", "residents", None, "people"),
        ("Protesters gathered outside.", "Protesters", "protesters", None, "people"),
        ("Two people were killed.", "people", "people", None, "people"),
        ("Palestinian civilians were hit.", "Palestinian civilians", "Palestinian civilians", "PS", "people"),
        ("Palestinians queued for bread.", "Palestinians", "Palestinians", "PS", "people"),
    ],
)
def test_actors_people(nlp, text, phrase, name, country, kind):
    actor = one(nlp, text, phrase)
    assert (actor.name, actor.country, actor.kind) == (name, country, kind)


@pytest.mark.parametrize(
    ("text", "phrase", "name", "country", "kind"),
    [
        ("The UN condemned the strike.", "UN", "United Nations", None, "intl_org"),
        ("The U.N. said aid was blocked.", "U.N.", "United Nations", None, "intl_org"),
        ("The IAEA sent inspectors.", "IAEA", "IAEA", None, "intl_org"),
        ("NATO allies met.", "NATO", "NATO", None, "intl_org"),
        ("The ICRC visited prisoners.", "ICRC", "ICRC", None, "ngo"),
        ("Doctors Without Borders treated them.", "Doctors Without Borders", "Doctors Without Borders", None, "ngo"),
        ("The European Union imposed sanctions.", "European Union", "European Union", "EU", "intl_org"),
        ("The EU imposed sanctions.", "EU", "European Union", "EU", "intl_org"),
        ("The European Commission proposed a loan.", "European Commission", "European Commission", "EU", "intl_org"),
        ("Sudan Doctors Network said 20 died.", "Sudan Doctors Network", "Sudan Doctors Network", "SD", "ngo"),
        ("The Institute for the Study of War assessed it.", "Institute for the Study of War",
         "Institute for the Study of War", "US", "ngo"),
    ],
)
def test_actors_international_bodies_and_ngos(nlp, text, phrase, name, country, kind):
    actor = one(nlp, text, phrase)
    assert (actor.name, actor.country, actor.kind) == (name, country, kind)


@pytest.mark.parametrize(
    ("text", "phrase", "name", "country"),
    [
        ("Reuters reported the blast.", "Reuters", "Reuters", "GB"),
        ("The Associated Press reported it.", "Associated Press", "Associated Press", "US"),
        ("TASS said the train stopped.", "TASS", "TASS", "RU"),
        ("Ukrainska Pravda reported it.", "Ukrainska Pravda", "Ukrainska Pravda", "UA"),
        ("Al Jazeera broadcast the video.", "Al Jazeera", "Al Jazeera", "QA"),
        ("Ukrainian media reported explosions.", "Ukrainian media", "Ukrainian media", "UA"),
        ("Russian Telegram channels posted videos.", "Russian Telegram channels", "Russian Telegram channels", "RU"),
        ("Astra reported a fire.", "Astra", "Astra", "RU"),
    ],
)
def test_actors_media(nlp, text, phrase, name, country):
    actor = one(nlp, text, phrase)
    assert (actor.name, actor.country, actor.kind) == (name, country, "media")


def test_actors_finder_is_cached_per_nlp(nlp):
    assert actor_finder(nlp) is actor_finder(nlp)
    doc = nlp("Russian forces advanced.")
    assert actor_finder(nlp)(doc) == find_actors(doc)


def test_actors_demonym_country():
    assert demonym_country("en", "Ukrainian") == "UA"
    assert demonym_country("en", "congolese") == "CD"
    assert demonym_country("en", "Martian") is None


def test_actors_demonym_table_covers_war_news_countries():
    countries = lexicon.load("en", "actors_countries")["countries"]
    assert len(countries) >= 120
    for code in ("RU", "UA", "IL", "PS", "LB", "YE", "SY", "SD", "CD", "RW", "ML", "BF", "NE", "SO", "MM", "US", "GB"):
        assert countries[code]["demonyms"], code


def test_actors_officials_data_is_well_formed():
    with (DATA / "actors" / "officials.json").open(encoding="utf-8") as f:
        officials = json.load(f)["officials"]
    kinds = {"official", "local_official", "military", "armed_group"}
    for person in officials:
        assert person["kind"] in kinds, person
        assert person["country"] is None or len(person["country"]) == 2, person
        assert person["role"], person
