"""The NLP stage: one spaCy pipeline that finds every mention the event stage needs.

Stages, in the order the pipeline runs them (each a registered spaCy component that
writes one ``Doc`` extension):

1. tokenizer + ``sentencizer`` (a blank pipeline: rules, no trained weights);
2. optional: a trained spaCy model's own components, when the user names one
   (``--model``) — the seam where NER and parses can add evidence;
3. ``warwire_mentions``: event cues first (PhraseMatchers, cheap); then places (gazetteer)
   over the whole article, as its context; then actors and attributions around the
   sentences that hold an event word, and numbers and time expressions in those sentences
   only -- stored on ``doc._.mentions`` as a :class:`Mentions`.

Most sentences of a news article report no event, so the costly finders look only where
an event word is: that keeps extraction within a few times the tokenizer's own speed.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

import spacy
from spacy.attrs import IDX
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
        text = doc_text(doc)
        cues = tuple(self.cues(doc))
        sents = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
        # 1. the sentences with an event word; only they, and their neighbours for sources and
        #    speakers, are searched for actors, numbers and dates (places are searched everywhere:
        #    they are the article's context)
        starts = [c for _, _, c, _ in sents]
        hot = sorted({bisect_right(starts, c.start) - 1 for c in cues if c.group == "trigger"})
        near = sorted({j for i in hot for j in range(i - 3, i + 2) if 0 <= j < len(sents)})
        actors = find_actors(doc, within=[(sents[j][0], sents[j][1]) for j in near])
        times: list[TimeMention] = []
        quantities: list[Quantity] = []
        for i in hot:
            _, _, lo, hi = sents[i]
            piece = text[lo:hi]
            times.extend(_shift(t, lo) for t in find_time_expressions(piece, published, lang=lang))
            quantities.extend(_shift(q, lo) for q in find_quantities(piece, lang))

        def ordered(items) -> tuple:
            return tuple(sorted(items, key=lambda m: (m.start, -m.end)))

        doc._.mentions = Mentions(
            places=ordered(find_places(doc, self.gazetteer, lang)),
            actors=ordered(actors),
            quantities=ordered(quantities),
            times=ordered(times),
            attributions=ordered(find_attributions(doc, actors)),
            cues=cues,
        )
        return doc


def _shift(m, offset: int):
    """A mention found in a sentence's text, with offsets into the article's."""
    return replace(m, start=m.start + offset, end=m.end + offset)


@Language.component("warwire_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles and paragraphs carry no final full stop."""
    text = doc_text(doc)
    if "\n" not in text or len(doc) < 2:
        return doc
    starts = doc.to_array([IDX]).tolist()
    at = text.find("\n")
    while at >= 0:
        j = bisect_right(starts, at)  # the first token after the break
        if 0 < j < len(doc):
            doc[j].is_sent_start = True
        at = text.find("\n", at + 1)
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
