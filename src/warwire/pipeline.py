"""The extraction pipeline, end to end: article in, events out.

1. ingest has already made an :class:`~warwire.models.Article` (text, id, publication date);
2. the NLP stage (:mod:`warwire.nlp.pipeline`) finds places, actors, numbers, dates,
   attributions and event cues in one spaCy pass;
3. the event stage (:mod:`warwire.events.assemble`) turns cues into event frames, fills
   their fields and merges the accounts of one incident;
4. places were resolved against the gazetteer (:mod:`warwire.geo`) on the way.

One :class:`Extractor` holds the loaded pipeline and gazetteer; build it once per process.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from warwire.events.assemble import EventAssembler
from warwire.events.locate import Locator
from warwire.models import Article, Event
from warwire.nlp.pipeline import build_nlp


class Extractor:
    """Extracts events from articles; reuse one instance for many articles."""

    def __init__(self, lang: str = "en", model: str | None = None) -> None:
        self.lang = lang
        self.nlp = build_nlp(lang, model)
        finder = self.nlp.get_pipe("warwire_mentions")
        self.assembler = EventAssembler(finder.cues, Locator(finder.gazetteer, lang), lang)

    def extract(self, article: Article) -> list[Event]:
        """The events of one article, in the order the article tells them."""
        doc = self.nlp.make_doc(article.text)
        doc._.published = article.published
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return self.assembler(article, doc, doc._.mentions)

    def extract_all(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, self.extract(article)
