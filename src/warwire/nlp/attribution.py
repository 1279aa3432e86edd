"""Find who the article attributes a statement to: "according to Ukrainian authorities",
"the Russian Ministry of Defence claimed", "..., said regional Gov. Oleh Syniehubov".

Why: an event's ``source`` (name, side, kind) and its ``status`` (a claim, an unverified
report) come from the words around the actor that speaks. The actors themselves are
found by :mod:`warwire.nlp.actors`; this module pairs them with speech verbs and
source cues, all listed per language in ``data/lang/<lang>/attribution.json``:

- a source before its verb, with an appositive or a few adverbs between
  ("Oleh Syniehubov, the governor, said", "the ministry on Monday said");
- a verb before its source after a comma or a quote ("..., said Ihnat");
- a cue before the source ("according to", "citing");
- sources that are no actor ("security sources", "a witness") and pronouns ("he said",
  with ``pronoun=True`` for the caller to resolve from earlier sentences).

It flags claims by the verb ("claimed", "alleged") and unverified statements by cues in
the sentence ("unverified", "reportedly") or a verification remark right after it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from warwire.nlp import lexicon
from warwire.nlp.actors import ActorMention, case_variants, demonym_country, pattern_tokenizer

#: source kinds (``models.Source.kind``) for the kinds of actors
SOURCE_KIND = {
    "state": "government",
    "government": "government",
    "official": "government",
    "military": "military",
    "armed_group": "military",
    "local_official": "local_official",
    "media": "media",
    "ngo": "ngo",
    "intl_org": "ngo",
    "people": "person",
    "person": "person",
}
#: at most this many tokens in an appositive between a source and its verb
MAX_APPOSITIVE = 15
#: at most this many adverbs and time words between a source and its verb
MAX_SKIP = 4


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution phrase in the text, with its source and how it qualifies the statement.

    ``start``/``end`` cover the phrase ("according to Ukrainian authorities"); ``side`` is
    the source's country code (None for international bodies or when the text leaves it to
    context); ``kind`` is a source kind (military, government, local_official, media, ngo,
    person); ``claim`` is set by claim verbs, ``unverified`` by verification cues; a
    ``pronoun`` source ("he said") names nobody and is for the caller to resolve.
    """

    start: int
    end: int
    source_name: str
    side: str | None
    kind: str
    verb: str
    claim: bool
    unverified: bool
    sentence_start: int
    sentence_end: int
    pronoun: bool = False


@dataclass(frozen=True, slots=True)
class _Source:
    start: int  # token offsets
    end: int
    name: str
    side: str | None
    kind: str
    pronoun: bool = False
    #: a named person ("Oleh Syniehubov"), not a description ("the Kharkiv governor")
    person: bool = False


class _Cues:
    """The cue matcher of one language, built once per Vocab."""

    def __init__(self, vocab: Vocab, lang: str) -> None:
        words: dict[str, Any] = lexicon.load(lang, "attribution")
        tokenizer = pattern_tokenizer(vocab, lang)
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.labels: dict[int, str] = {}
        self.skip = frozenset(words["skip"])
        self.quotes = frozenset(words["quotes"])
        self.claim_verbs = frozenset(words["claim_verbs"])
        self.source_phrases: dict[int, dict[str, str]] = {}
        groups = {
            "verb": [*words["verbs"], *words["claim_verbs"]],
            "before": words["before_source"],
            "unverified": words["unverified"],
            "unverified_next": words["unverified_next"],
            "pronoun": words["pronouns"],
        }
        for label, phrases in groups.items():
            self.labels[vocab.strings.add(f"attr:{label}")] = label
            self.matcher.add(f"attr:{label}", case_variants(tokenizer, phrases))
        for i, src in enumerate(words["source_phrases"]):
            key = vocab.strings.add(f"attr:source:{i}")
            self.labels[key] = "source"
            self.source_phrases[key] = src
            self.matcher.add(f"attr:source:{i}", case_variants(tokenizer, [src["phrase"]]))


@lru_cache(maxsize=8)
def _cues_for(vocab: Vocab, lang: str) -> _Cues:
    return _Cues(vocab, lang)


def find_attributions(doc: Doc, actors: Sequence[ActorMention]) -> list[Attribution]:
    """Attribution phrases in ``doc`` whose sources are ``actors`` (from ``find_actors``),
    non-actor source phrases or pronouns; in text order."""
    cues = _cues_for(doc.vocab, doc.lang_)
    return _Run(doc, cues, actors).attributions()


class _Run:
    """The state of one search over one Doc."""

    def __init__(self, doc: Doc, cues: _Cues, actors: Sequence[ActorMention]) -> None:
        self.doc, self.cues = doc, cues
        self.tok_starts = doc.to_array("IDX").tolist()
        self.verbs: dict[int, int] = {}  # start token -> end token of the longest verb there
        self.before: dict[int, int] = {}  # end token -> start token of "according to"
        self.unverified: set[int] = set()  # sentence indexes
        self.sents = [(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START") else [(0, len(doc))]
        self.sent_firsts = [s for s, _ in self.sents]
        sources = [self._actor_source(a) for a in actors]
        sources = [s for s in sources if s is not None]
        taken = {i for s in sources for i in range(s.start, s.end)}
        unverified_next: set[int] = set()
        for key, start, end in cues.matcher(doc):
            label = cues.labels[key]
            if label == "verb":
                self.verbs[start] = max(end, self.verbs.get(start, end))
            elif label == "before":
                self.before[end] = min(start, self.before.get(end, start))
            elif label == "unverified":
                self.unverified.add(self._sent_of(start))
            elif label == "unverified_next":
                unverified_next.add(self._sent_of(start))
            elif not taken.intersection(range(start, end)):
                sources.append(self._other_source(key, label, start, end))
        self.unverified.update(i - 1 for i in unverified_next if i > 0)
        self.verb_ends = {end: start for start, end in self.verbs.items()}
        self.sources = sorted(sources, key=lambda s: s.start)

    def _sent_of(self, tok: int) -> int:
        return bisect_right(self.sent_firsts, tok) - 1

    def _actor_source(self, actor: ActorMention) -> _Source | None:
        start = bisect_left(self.tok_starts, actor.start)
        end = bisect_left(self.tok_starts, actor.end)
        if start >= end:
            return None
        person = actor.role is not None and all(w[:1].isupper() for w in actor.name.split())
        return _Source(start, end, actor.name, actor.country, SOURCE_KIND.get(actor.kind, "person"), person=person)

    def _other_source(self, key: int, label: str, start: int, end: int) -> _Source:
        if label == "pronoun":
            return _Source(start, end, self.doc[start].lower_, None, "person", pronoun=True)
        src = self.cues.source_phrases[key]
        side = demonym_country(self.doc.lang_, self.doc[start - 1].text) if start else None
        if side is not None:
            start -= 1
        return _Source(start, end, src["name"], side, src["kind"])

    def attributions(self) -> list[Attribution]:
        by_verb: dict[int, tuple[tuple[int, bool, bool], _Source]] = {}  # verb start -> (rank, source)
        found: list[Attribution] = []
        for src in self.sources:
            cue = self._cue_before(src)
            if cue is not None and not src.pronoun:
                found.append(self._make(src, cue[0], src.end, *cue))
            inverted = self._verb_before(src)
            if inverted is not None and not src.pronoun:
                found.append(self._make(src, inverted, src.end, inverted, self.verbs[inverted]))
                continue
            hit = self._verb_after(src)
            if hit is not None:
                verb, distance = hit
                rank = (distance, src.side is None, not src.person)
                if verb not in by_verb or rank < by_verb[verb][0]:
                    by_verb[verb] = (rank, src)
        for verb, (_, src) in by_verb.items():
            start = src.start - (src.start > 0 and self.doc[src.start - 1].lower_ == "the")
            found.append(self._make(src, start, self.verbs[verb], verb, self.verbs[verb]))
        unique = {(a.start, a.end): a for a in found}
        return sorted(unique.values(), key=lambda a: (a.start, a.end))

    def _cue_before(self, src: _Source) -> tuple[int, int] | None:
        """Start and end of "according to" right before the source (or before its "the")."""
        at = src.start - (src.start > 0 and self.doc[src.start - 1].lower_ == "the")
        return (self.before[at], at) if at in self.before else None

    def _verb_before(self, src: _Source) -> int | None:
        """Start of ", said" right before the source: the inverted order."""
        doc = self.doc
        at = src.start - (src.start > 0 and doc[src.start - 1].lower_ == "the")
        verb = self.verb_ends.get(at)
        if verb is not None and verb > 0 and doc[verb - 1].text in self.cues.quotes:
            return verb
        return None

    def _verb_after(self, src: _Source) -> tuple[int, int] | None:
        """Start of the verb that follows the source, and a rank (0 for a subject that
        reaches its verb across an appositive, else the distance)."""
        doc, j = self.doc, src.end
        sent_end = self.sents[self._sent_of(src.start)][1]
        rank = 1
        if j + 1 < sent_end and doc[j].text == "," and j + 1 in self.verbs:
            j, rank = j + 1, 0  # the name closes an appositive: "the spokesman, Ivan Petrenko, said"
        elif j < sent_end and doc[j].text == ",":
            close = next((k for k in range(j + 1, min(sent_end, j + MAX_APPOSITIVE)) if doc[k].text == ","), None)
            if close is not None and not any(k in self.verbs for k in range(j + 1, close)):
                j, rank = close + 1, 0
        for _ in range(MAX_SKIP):
            if j in self.verbs or j >= sent_end or doc[j].lower_ not in self.cues.skip:
                break
            j += 1
        if j in self.verbs:
            return j, rank + (j - src.end if rank else 0)
        return None

    def _make(self, src: _Source, start: int, end: int, verb_start: int, verb_end: int) -> Attribution:
        doc = self.doc
        verb = doc[verb_start:verb_end].text.lower()
        sent = self._sent_of(src.start)
        s_start, s_end = self.sents[sent]
        last = doc[end - 1]
        return Attribution(
            start=doc[start].idx,
            end=last.idx + len(last),
            source_name=src.name,
            side=src.side,
            kind=src.kind,
            verb=verb,
            claim=doc[verb_start].lower_ in self.cues.claim_verbs,
            unverified=sent in self.unverified,
            sentence_start=doc[s_start].idx,
            sentence_end=doc[s_end - 1].idx + len(doc[s_end - 1]),
            pronoun=src.pronoun,
        )
