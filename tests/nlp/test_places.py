"""Place mentions: gazetteer names in running text, and the seam for a trained model's NER."""
from __future__ import annotations

import spacy

from warwire.geo.gazetteer import Gazetteer
from warwire.nlp.places import find_places


def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_places_finds_towns_and_regions():
    doc = blank()("Drones hit Kharkiv and the Odesa region overnight.")
    found = {p.text: p for p in find_places(doc, Gazetteer.default())}
    assert "Kharkiv" in found and "Odesa region" in found
    assert found["Odesa region"].region


def test_places_a_title_word_is_not_a_place():
    doc = blank()("Russian Drone Strike Kills Two In Kherson")
    names = [p.text for p in find_places(doc, Gazetteer.default())]
    assert names == ["Kherson"]


def test_places_person_names_are_not_places():
    doc = blank()("Serhii Bratchuk, a spokesman, said the port was hit.")
    assert find_places(doc, Gazetteer.default()) == []


def test_places_named_villages_the_gazetteer_lacks():
    doc = blank()("Fighting broke out in the villages of Aborey and Yasooman.")
    found = [(p.text, p.candidates) for p in find_places(doc, Gazetteer.default())]
    assert ("Aborey", ()) in found and ("Yasooman", ()) in found


def test_places_takes_a_models_entities_through_the_seam():
    nlp = blank()
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "kherson"}])  # lower case: the rules skip it
    doc = nlp("shelling hit kherson at dawn.")
    assert [p.text for p in find_places(doc, Gazetteer.default())] == ["kherson"]
