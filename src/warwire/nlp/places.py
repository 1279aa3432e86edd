"""Place mentions: capitalised token runs that the gazetteer knows.

Looking every token run up in a 200,000-name gazetteer would be slow and noisy, so the
finder only tries runs that start with a capitalised token, longest first, and lets the
gazetteer's normaliser absorb region words ("Kharkiv region", "Krasnodar Krai"). Which of
the candidates a mention means is decided later, with the whole article as context
(:mod:`warwire.geo.resolve`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from warwire.geo.gazetteer import Gazetteer, GazetteerEntry
from warwire.nlp.lexicon import load


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name in the text, with every gazetteer entry it may denote."""

    start: int
    end: int
    text: str
    candidates: tuple[GazetteerEntry, ...]
    #: the words say it is a region ("Kharkiv region", "the region of Kharkiv")
    region: bool
    #: the preposition or word right before it ("in", "over", "near", "from")
    before: str
    #: index of the first token, for token-distance questions
    token_start: int

    @property
    def kinds(self) -> set[str]:
        return {c.kind for c in self.candidates}


def _words(lang: str) -> dict:
    return load(lang, "places_nlp")


@lru_cache(maxsize=8)
def common_words(lang: str) -> frozenset[str]:
    """Single words of the event lexicons ("Drone", "Kill", "Strike" in a title) are not places."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words: set[str] = set(STOP_WORDS) if lang == "en" else set()
    events = load(lang, "events")
    lists = [g["phrases"] for g in events["triggers"]] + [events["war_context"]]
    lists += list(load(lang, "weapons")["kinds"].values()) + list(load(lang, "targets")["targets"].values())
    casualties = load(lang, "casualties")
    lists += [casualties["killed"], casualties["injured"]]
    for phrases in lists:
        words.update(p.lower() for p in phrases if " " not in p)
    return frozenset(words)


def find_places(doc: Doc, gazetteer: Gazetteer, lang: str = "en") -> list[PlaceMention]:
    """Every gazetteer name in ``doc``, longest match first, never overlapping."""
    words = _words(lang)
    region_words = set(words["region_words"])
    region_of = set(words["region_of"])
    connectors = set(words["connectors"])
    stop = set(words["not_places"])
    common = common_words(lang)
    settlement_nouns = set(words["settlement_nouns"])
    feature_words = set(words["feature_words"])
    water_names = set(words["water_names"])
    max_n = min(gazetteer.max_tokens + 1, 6)
    out: list[PlaceMention] = []
    n_tokens = len(doc)
    i = 0
    while i < n_tokens:
        tok = doc[i]
        if not (tok.text[:1].isupper() and tok.is_alpha or tok.text[:1].isupper() and "-" in tok.text):
            i += 1
            continue
        found = None
        for n in range(min(max_n, n_tokens - i), 0, -1):
            span = doc[i : i + n]
            last = span[-1]
            if n > 1 and not (last.text[:1].isupper() or last.lower_ in region_words):
                continue
            if any(t.is_punct and t.text not in ("-", "'", "’") for t in span):
                continue
            if n > 1 and any(t.lower_ in connectors for t in (span[0], last)):
                continue
            text = span.text
            if n == 1 and (text in stop or text.lower() in common or gazetteer_ambiguous(text, gazetteer)):
                continue
            if n == 1 and (_in_name(doc, span.start, stop, common, region_words) or text.isupper() and len(text) <= 3):
                continue
            cands = gazetteer.candidates(text)
            if cands:
                found = (span, cands, last.lower_ in region_words)
                break
        if found is None:
            unknown = _unknown_place(doc, i, settlement_nouns, stop, common)
            if unknown is None:
                i += 1
                continue
            found = (unknown, [], False)
        span, cands, region = found
        if span[-1].text in water_names:
            before2 = doc[max(0, span.start - 2) : span.start].text.lower()
            if before2 in ("in the", "into the", "over the", "across the", "on the"):
                cands, region = [], False  # "shot down ... in the Red Sea": the sea is where
            else:
                i = span.end  # "the Red Sea port city": a sea, not the Sudanese state of that name
                continue
        if span.start >= 2 and doc[span.start - 2].text in water_names and doc[span.start - 1].lower_ == "of":
            span, cands, region = doc[span.start - 2 : span.end], [], False  # "the Gulf of Aden"
        # "the region of Kharkiv": the region, not the city
        prev2 = doc[max(0, span.start - 2) : span.start]
        if len(prev2) == 2 and prev2[0].lower_ in region_words and prev2[1].lower_ == "of" or (
            len(prev2) == 2 and prev2[1].lower_ in region_of
        ):
            regional = gazetteer.candidates(span.text + " region")
            if regional:
                cands, region = regional, True
        if len(span) == 1 and span.end < n_tokens and doc[span.end].lower_ in feature_words:
            i = span.end  # "the Volga river city": a river, not a town
            continue
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        out.append(
            PlaceMention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                candidates=tuple(cands),
                region=region,
                before=before,
                token_start=span.start,
            )
        )
        i = span.end
    return _plural_regions(doc, out, gazetteer, region_words)


def _plural_regions(doc: Doc, found: list[PlaceMention], gazetteer: Gazetteer,
                    region_words: set[str]) -> list[PlaceMention]:
    """'the Kirovograd, Odesa and Kharkiv regions': every name of the list is a region."""
    out = list(found)
    k = len(out) - 1
    while k >= 0:
        last = out[k]
        after = doc.text[last.end : last.end + 12].split() or [""]
        ends_plural = last.text.split()[-1].lower() in region_words and last.text.lower().endswith("s")
        if not ends_plural and (after[0].lower().strip(".,;") not in region_words or not after[0].lower().endswith("s")):
            k -= 1
            continue
        j = k
        while j > 0 and doc.text[out[j - 1].end : out[j].start].strip() in (",", "and", ", and"):
            j -= 1
        for n in range(j, k + 1):
            m = out[n]
            regional = [c for c in gazetteer.candidates(m.text + " region") if c.kind == "admin1"]
            if regional:
                out[n] = PlaceMention(m.start, m.end, m.text, tuple(regional), True, m.before, m.token_start)
        k = j - 1
    return out


def _unknown_place(doc: Doc, i: int, nouns: set[str], stop: set[str], common: frozenset[str]) -> Span | None:
    """A name the gazetteer lacks, said to be a place: 'the village of Tallousa', 'Nuseirat camp'."""
    end = i
    while end < len(doc) and end - i < 4 and (doc[end].text[:1].isupper() or (
            doc[end].text in ("-",) and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()) or (
            doc[end].lower_ in ("al", "el") and end + 1 < len(doc))):
        end += 1
    if end == i or doc[i].text in stop or doc[i].lower_ in common:
        return None
    if doc[end - 1].text == "-":
        end -= 1
    before = doc[i - 2 : i] if i >= 2 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before[1].lower_ == "of" and before[0].lower_ in nouns:
        return doc[i:end]
    # "the villages of Aborey and Yasooman": the names after the first of a list
    k = i - 1
    while k > 1 and doc[k].lower_ in ("and", ",", "or"):
        j = k - 1
        while j > 0 and (doc[j].text[:1].isupper() or doc[j].text == "-"):
            j -= 1
        if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in nouns and j + 1 <= k - 1:
            return doc[i:end]
        k = j
    if after is not None and after.lower_ in nouns and after.lower_ not in ("area", "district"):
        return doc[i:end]
    return None


def _in_name(doc: Doc, i: int, stop: set[str], common: frozenset[str], region_words: set[str]) -> bool:
    """A single word beside another capitalised word is a person's name ('Serhii Bratchuk')."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc):
            tok = doc[j]
            if (tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start
                    and tok.text not in stop and tok.lower_ not in common and tok.lower_ not in region_words):
                return True
            if j == i + 1 and tok.is_alpha and tok.text[:1].isupper() and tok.text not in stop and tok.lower_ not in common and tok.lower_ not in region_words:
                return True
    return False


def gazetteer_ambiguous(text: str, gazetteer: Gazetteer) -> bool:
    """A single capitalised word that is more often an English word than a place."""
    from warwire.geo.resolve import is_ambiguous_common_word

    return is_ambiguous_common_word(text, gazetteer)


def sentence_of(doc: Doc, char: int) -> Span:
    return doc.char_span(char, char + 1, alignment_mode="expand").sent
