"""Attributions found in sentences written for these tests: source, side, kind and flags."""
from __future__ import annotations

import pytest
import spacy

from warwire.nlp.actors import find_actors
from warwire.nlp.attribution import Attribution, find_attributions


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def attributions(nlp: spacy.Language, text: str) -> list[Attribution]:
    doc = nlp(text)
    return find_attributions(doc, find_actors(doc))


def only(nlp: spacy.Language, text: str) -> Attribution:
    found = attributions(nlp, text)
    assert len(found) == 1, [(text[a.start:a.end], a.source_name) for a in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "phrase", "name", "side", "kind", "verb"),
    [
        ("Ukraine's air force said Russia launched 137 drones overnight.", "Ukraine's air force said",
         "Ukrainian Air Force", "UA", "military", "said"),
        ("The Russian Ministry of Defence claimed its units took the village.",
         "The Russian Ministry of Defence claimed", "Russian Defence Ministry", "RU", "military", "claimed"),
        ("Four people were wounded, according to Ukrainian authorities.", "according to Ukrainian authorities",
         "Ukrainian authorities", "UA", "government", "according to"),
        ("Regional Gov. Oleh Syniehubov said two houses burned.", "Regional Gov. Oleh Syniehubov said",
         "Oleh Syniehubov", "UA", "local_official", "said"),
        ("Kremlin spokesman Dmitry Peskov said the talks were useful.", "Kremlin spokesman Dmitry Peskov said",
         "Dmitry Peskov", "RU", "government", "said"),
        ("Sudan Doctors Network said 12 people died in the shelling.", "Sudan Doctors Network said",
         "Sudan Doctors Network", "SD", "ngo", "said"),
        ("The U.N. said the convoy was turned back.", "The U.N. said", "United Nations", None, "ngo", "said"),
        ("The European Union said it would extend sanctions.", "The European Union said", "European Union", "EU",
         "ngo", "said"),
        ("Reuters reported two blasts in the port.", "Reuters reported", "Reuters", "GB", "media", "reported"),
        ("Officials said the fire was put out.", "Officials said", "officials", None, "government", "said"),
        ("Residents told reporters they heard three explosions.", "Residents told", "residents", None, "person", "told"),
        ("The Israeli military said in a statement that it struck a launcher.", "The Israeli military said",
         "Israeli military", "IL", "military", "said"),
        ("Hamas said its fighters ambushed a tank.", "Hamas said", "Hamas", "PS", "military", "said"),
        ("Zelenskyy wrote on Telegram that the grid was hit.", "Zelenskyy wrote", "Volodymyr Zelenskyy", "UA",
         "government", "wrote"),
    ],
)
def test_attribution_source_before_verb(nlp, text, phrase, name, side, kind, verb):
    attribution = only(nlp, text)
    assert text[attribution.start:attribution.end] == phrase
    assert (attribution.source_name, attribution.side, attribution.kind, attribution.verb) == (name, side, kind, verb)


def test_attribution_claim_verbs(nlp):
    assert only(nlp, "The Russian Ministry of Defence claimed gains near the river.").claim
    assert not only(nlp, "The Russian Ministry of Defence said gains were made.").claim
    assert only(nlp, "Hezbollah alleged that the strike hit a school.").claim


def test_attribution_inverted_after_comma_or_quote(nlp):
    text = "Three houses were destroyed, said regional Gov. Oleh Syniehubov."
    attribution = only(nlp, text)
    assert text[attribution.start:attribution.end] == "said regional Gov. Oleh Syniehubov"
    assert (attribution.source_name, attribution.side, attribution.kind) == ("Oleh Syniehubov", "UA", "local_official")
    quoted = only(nlp, '"We will answer," said Peskov.')
    assert (quoted.source_name, quoted.side) == ("Dmitry Peskov", "RU")


def test_attribution_inverted_needs_a_comma(nlp):
    found = attributions(nlp, "The governor said Russia launched drones at the city.")
    assert [a.source_name for a in found] == ["governor"]


def test_attribution_across_appositive_and_adverbs(nlp):
    text = "Dmitry Peskov, the Kremlin's spokesman, told reporters the offer stood."
    attribution = only(nlp, text)
    assert attribution.source_name == "Dmitry Peskov"
    assert text[attribution.start:attribution.end] == "Dmitry Peskov, the Kremlin's spokesman, told"
    later = only(nlp, "The army on Monday said it repelled an assault.")
    assert (later.source_name, later.kind, later.side) == ("army", "military", None)


def test_attribution_citing(nlp):
    attribution = only(nlp, "The blast hit a depot, the newspaper wrote, citing Russian media.")
    assert (attribution.verb, attribution.source_name, attribution.side, attribution.kind) == (
        "citing", "Russian media", "RU", "media")


def test_attribution_unverified_in_sentence(nlp):
    attribution = only(nlp, "Unverified media reports indicated a fire at the depot.")
    assert (attribution.kind, attribution.side, attribution.unverified) == ("media", None, True)
    local = only(nlp, "The strike reportedly killed five, local media reported.")
    assert local.unverified and local.kind == "media"
    assert not only(nlp, "Ukrainian officials said the fire was out.").unverified


def test_attribution_unverified_by_the_next_sentence(nlp):
    found = attributions(nlp, "Security sources said the convoy was hit. The claim could not be independently verified.")
    assert [(a.source_name, a.kind, a.unverified) for a in found] == [("military sources", "military", True)]


def test_attribution_confirmation_pending(nlp):
    assert only(nlp, "Russian media said a plant was hit, though confirmation remained pending.").unverified


def test_attribution_source_phrases_take_a_demonym(nlp):
    attribution = only(nlp, "Ukrainian military sources said the bridge was damaged.")
    assert (attribution.side, attribution.kind) == ("UA", "military")
    witness = only(nlp, "A witness said the gunmen came at dawn.")
    assert (witness.source_name, witness.kind, witness.side) == ("a witness", "person", None)


def test_attribution_pronoun(nlp):
    text = "Governor Ivan Fedorov spoke on Monday. He said the attack was deliberate."
    found = attributions(nlp, text)
    pronoun = [a for a in found if a.pronoun]
    assert len(pronoun) == 1
    assert (pronoun[0].source_name, pronoun[0].kind, pronoun[0].side) == ("he", "person", None)
    assert text[pronoun[0].sentence_start:pronoun[0].sentence_end] == "He said the attack was deliberate."


def test_attribution_sentence_bounds(nlp):
    text = "A quiet night. Russia's Defence Ministry said it downed 20 drones."
    attribution = only(nlp, text)
    assert text[attribution.sentence_start:attribution.sentence_end] == "Russia's Defence Ministry said it downed 20 drones."


def test_attribution_one_source_per_verb(nlp):
    found = attributions(nlp, "Oleh Syniehubov, the Kharkiv governor, said four were hurt.")
    assert [a.source_name for a in found] == ["Oleh Syniehubov"]


def test_attribution_without_actors_is_empty(nlp):
    assert attributions(nlp, "The village lies on the river.") == []


def test_attribution_name_closing_an_appositive(nlp):
    text = "Attacks were repelled, the spokesman for Ukraine's Armed Forces, Ivan Sampleko, reported."
    generic = only(nlp, text)
    assert (generic.source_name, generic.side, generic.kind) == ("Ivan Sampleko", "UA", "military")
    assert text[generic.start:generic.end] == "the spokesman for Ukraine's Armed Forces, Ivan Sampleko, reported"
    named = only(nlp, "Attacks were repelled, the spokesman for Ukraine's Armed Forces, Dmytro Lubinets, reported.")
    assert (named.source_name, named.side) == ("Dmytro Lubinets", "UA")


def test_attribution_source_header(nlp):
    attribution = only(nlp, "Source: Ukrainska Pravda")
    assert (attribution.source_name, attribution.side, attribution.kind) == ("Ukrainska Pravda", "UA", "media")
