"""The NLP stage: one spaCy pipeline that finds every mention the event stage needs.

Stages, in the order the pipeline runs them (each a registered spaCy component that
writes one ``Doc`` extension):

1. tokenizer + ``sentencizer`` (a blank pipeline: rules, no trained weights);
2. optional: a trained spaCy model's own components, when the user names one
   (``--model``) — the seam where NER and parses can add evidence;
3. ``warwire_mentions``: places (gazetteer), actors, numbers, time expressions,
   attributions and event cues, stored on ``doc._.mentions`` as a :class:`Mentions`.

Numbers and dates are parsed only on the spans the cheap finders pick, never by running a
date parser over the whole text.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from warwire.events.cues import Cue, CueFinder
from warwire.geo.gazetteer import Gazetteer
from warwire.nlp.actors import ActorMention, find_actors
from warwire.nlp.attribution import Attribution, find_attributions
from warwire.nlp.dates import TimeMention, find_time_expressions
from warwire.nlp.numbers import Quantity, find_quantities
from warwire.nlp.places import PlaceMention, find_places
from warwire.nlp.text import doc_text


@dataclass(frozen=True, slots=True)
class Mentions:
    """Everything the NLP stage found in one article, with character offsets, each kind
    sorted by start (the event stage finds a sentence's mentions by bisection)."""

    places: tuple[PlaceMention, ...]
    actors: tuple[ActorMention, ...]
    quantities: tuple[Quantity, ...]
    times: tuple[TimeMention, ...]
    attributions: tuple[Attribution, ...]
    cues: tuple[Cue, ...]


if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


class MentionFinder:
    """The ``warwire_mentions`` component: runs every finder of the NLP stage."""

    def __init__(self, nlp: Language, lang: str) -> None:
        self.lang = lang
        self.gazetteer = Gazetteer.default()
        self.cues = CueFinder(nlp, lang)

    def __call__(self, doc: Doc) -> Doc:
        lang = self.lang
        published: date | None = doc._.published
        actors = find_actors(doc)
        times: list[TimeMention] = []
        for sent in doc.sents:
            for t in find_time_expressions(sent.text, published, lang=lang):
                times.append(_shift(t, sent.start_char))
        def ordered(items) -> tuple:
            return tuple(sorted(items, key=lambda m: (m.start, -m.end)))

        doc._.mentions = Mentions(
            places=ordered(find_places(doc, self.gazetteer, lang)),
            actors=ordered(actors),
            quantities=ordered(find_quantities(doc_text(doc), lang)),
            times=ordered(times),
            attributions=ordered(find_attributions(doc, actors)),
            cues=tuple(self.cues(doc)),
        )
        return doc


def _shift(t: TimeMention, offset: int) -> TimeMention:
    from dataclasses import replace

    return replace(t, start=t.start + offset, end=t.end + offset)


@Language.component("warwire_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles and paragraphs carry no final full stop."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


@Language.factory("warwire_mentions", assigns=["doc._.mentions"], default_config={"lang": "en"})
def make_mention_finder(nlp: Language, name: str, lang: str) -> MentionFinder:
    return MentionFinder(nlp, lang)


def build_nlp(lang: str = "en", model: str | None = None) -> Language:
    """A pipeline for ``lang``: blank by default, or a trained spaCy model named by the user."""
    if model:
        nlp = spacy.load(model, exclude=["lemmatizer"])
        nlp.add_pipe("warwire_line_breaks", first=True)
        if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", after="warwire_line_breaks")
    else:
        nlp = spacy.blank(lang)
        nlp.add_pipe("warwire_line_breaks")
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("warwire_mentions", config={"lang": lang})
    return nlp
