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

from spacy.attrs import IDX, IS_PUNCT, LENGTH, SENT_START
from spacy.tokens import Doc

from warwire.geo.gazetteer import Gazetteer, GazetteerEntry
from warwire.nlp.lexicon import load
from warwire.nlp.text import doc_text


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
    nlp_words = _words(lang)
    lists += [nlp_words["settlement_nouns"], nlp_words["region_words"]]
    for phrases in lists:
        words.update(p.lower() for p in phrases if " " not in p)
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class _Words:
    """The place finder's word lists for one language, as sets."""

    region: frozenset[str]
    region_of: frozenset[str]
    connectors: frozenset[str]
    stop: frozenset[str]
    common: frozenset[str]
    settlement_nouns: frozenset[str]
    features: frozenset[str]
    waters: frozenset[str]


@lru_cache(maxsize=8)
def _word_sets(lang: str) -> _Words:
    w = _words(lang)
    return _Words(frozenset(w["region_words"]), frozenset(w["region_of"]), frozenset(w["connectors"]),
                  frozenset(w["not_places"]), common_words(lang), frozenset(w["settlement_nouns"]),
                  frozenset(w["feature_words"]), frozenset(w["water_names"]))


class _Tokens:
    """Plain lists of what the finder reads of each token: spaCy makes a new object per access."""

    __slots__ = ("text", "words", "lower", "idx", "upper", "alpha", "punct", "sent_start", "n")

    def __init__(self, doc: Doc) -> None:
        self.text = text = doc_text(doc)
        rows = doc.to_array([IDX, LENGTH, IS_PUNCT, SENT_START]).tolist() if len(doc) else []
        self.words = [text[i : i + n] for i, n, _, _ in rows]
        self.idx = [r[0] for r in rows]
        self.punct = [bool(r[2]) for r in rows]
        self.sent_start = [r[3] == 1 for r in rows]
        self.lower = [w.lower() for w in self.words]
        self.upper = [w[:1].isupper() for w in self.words]
        self.alpha = [w.isalpha() for w in self.words]
        self.n = len(self.words)

    def span_text(self, i: int, j: int) -> str:
        return self.text[self.idx[i] : self.idx[j - 1] + len(self.words[j - 1])]

    def end_char(self, j: int) -> int:
        return self.idx[j - 1] + len(self.words[j - 1])


def find_places(doc: Doc, gazetteer: Gazetteer, lang: str = "en") -> list[PlaceMention]:
    """Every gazetteer name in ``doc``, longest match first, never overlapping."""
    w = _word_sets(lang)
    t = _Tokens(doc)
    max_n = min(gazetteer.max_tokens + 1, 6)
    out: list[PlaceMention] = []
    i = 0
    while i < t.n:
        if not (t.upper[i] and (t.alpha[i] or "-" in t.words[i])):
            i += 1
            continue
        found = None
        for n in range(min(max_n, t.n - i), 0, -1):
            j = i + n
            if n > 1 and not (t.upper[j - 1] or t.lower[j - 1] in w.region):
                continue
            if any(t.punct[k] and t.words[k] not in ("-", "'", "’") for k in range(i, j)):
                continue
            if n > 2 and not all(t.upper[k] or t.lower[k] in w.connectors or t.words[k] in ("-", "'", "’")
                                 for k in range(i + 1, j - 1)):
                continue  # "Kharkiv and Odesa" is two names, not one
            if n > 1 and any(t.lower[k] in w.connectors and not t.upper[k] for k in (i, j - 1)):
                continue
            text = t.span_text(i, j)
            if n > 1 and t.words[i] in w.stop and not any(
                    c.name.lower() == text.lower() for c in gazetteer.candidates(text)):
                continue  # "The OWA UAVs": a sentence's first word does not start a name ("The Hague" does)
            text = t.span_text(i, j)
            if n == 1 and (text in w.stop or t.lower[i] in w.common or gazetteer_ambiguous(text, gazetteer)):
                continue
            if n == 1 and (_in_name(t, i, w) or text.isupper() and len(text) <= 4):
                continue
            cands = gazetteer.candidates(text)
            if cands:
                found = (i, j, cands, t.lower[j - 1] in w.region)
                break
        if found is None:
            j = _unknown_place(t, i, w, listed=bool(out) and out[-1].end == _list_end(t, i))
            if j is None:
                i += 1
                continue
            found = (i, j, [], False)
        start, end, cands, region = found
        if t.words[end - 1] in w.waters:
            if " ".join(t.lower[max(0, start - 2) : start]) in ("in the", "into the", "over the", "across the", "on the"):
                cands, region = [], False  # "shot down ... in the Red Sea": the sea is where
            else:
                i = end  # "the Red Sea port city": a sea, not the Sudanese state of that name
                continue
        if start >= 2 and t.words[start - 2] in w.waters and t.lower[start - 1] == "of":
            start, cands, region = start - 2, [], False  # "the Gulf of Aden"
        # "the region of Kharkiv": the region, not the city
        if start >= 2 and (t.lower[start - 2] in w.region and t.lower[start - 1] == "of"
                           or " ".join(t.lower[start - 2 : start]) in w.region_of):
            regional = gazetteer.candidates(t.span_text(start, end) + " region")
            if regional:
                cands, region = regional, True
        if end - start == 1 and end < t.n and t.lower[end] in w.features and not (
                end + 1 < t.n and t.lower[end] == "sea" and t.lower[end + 1] == "port"):
            i = end  # "the Volga river city": a river, not a town ("the Temryuk sea port" is a town)
            continue
        out.append(PlaceMention(
            start=t.idx[start],
            end=t.end_char(end),
            text=t.span_text(start, end),
            candidates=tuple(cands),
            region=region,
            before=t.lower[start - 1] if start > 0 else "",
            token_start=start,
        ))
        i = end
    out = [p for p in out if not _headline_only(t, p)]
    out = _with_entities(doc, out, gazetteer)
    return _plural_regions(t.text, out, gazetteer, w.region)


def _headline_only(t: _Tokens, p: PlaceMention) -> bool:
    """In a Title Case line every word is capitalised ("Seized Two More Villages"): a name
    there counts only if the article's body names it too."""
    line_end = t.text.find("\n", p.end)
    if t.text.rfind("\n", 0, p.start) >= 0 or line_end < 0:
        return False  # only a headline: the first line of an article that has more
    line = t.text[:line_end].rstrip()
    words = [x for x in line.split() if x[:1].isalpha()]
    if line.endswith(".") or len(words) < 4 or sum(x[:1].isupper() for x in words) < 0.6 * len(words):
        return False
    return p.text not in t.text[line_end:]


def _with_entities(doc: Doc, found: list[PlaceMention], gazetteer: Gazetteer) -> list[PlaceMention]:
    """The seam for a trained model: its GPE/LOC entities the rules missed, when the
    gazetteer knows them (a blank pipeline has no entities and adds nothing)."""
    if not doc.ents:
        return found
    taken = [(p.start, p.end) for p in found]
    extra = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC") or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        cands = gazetteer.candidates(ent.text)
        if cands:
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            extra.append(PlaceMention(ent.start_char, ent.end_char, ent.text, tuple(cands), False, before, ent.start))
    return sorted(found + extra, key=lambda p: p.start)


def _plural_regions(text: str, found: list[PlaceMention], gazetteer: Gazetteer,
                    region_words: frozenset[str]) -> list[PlaceMention]:
    """'the Kirovograd, Odesa and Kharkiv regions': every name of the list is a region."""
    out = list(found)
    k = len(out) - 1
    while k >= 0:
        last = out[k]
        after = text[last.end : last.end + 12].split() or [""]
        ends_plural = last.text.split()[-1].lower() in region_words and last.text.lower().endswith("s")
        if not ends_plural and (after[0].lower().strip(".,;") not in region_words or not after[0].lower().endswith("s")):
            k -= 1
            continue
        j = k
        while j > 0 and text[out[j - 1].end : out[j].start].strip() in (",", "and", ", and"):
            j -= 1
        for n in range(j, k + 1):
            m = out[n]
            regional = [c for c in gazetteer.candidates(m.text + " region") if c.kind == "admin1"]
            if regional:
                out[n] = PlaceMention(m.start, m.end, m.text, tuple(regional), True, m.before, m.token_start)
        k = j - 1
    return out


def _list_end(t: _Tokens, i: int) -> int:
    """Where the item before a list's 'and' or comma ends: 'Damascus and Khalkhalah'."""
    if i >= 2 and t.lower[i - 1] in ("and", ",", "or"):
        return t.end_char(i - 1)
    return -1


def _unknown_place(t: _Tokens, i: int, w: _Words, listed: bool = False) -> int | None:
    """A name the gazetteer lacks, said to be a place: 'the village of Tallousa', 'Nuseirat camp',
    or listed after a place ('Damascus and Khalkhalah'). Returns the end token of the name."""
    end = i
    while end < t.n and end - i < 4 and (t.upper[end] or (
            t.words[end] == "-" and end + 1 < t.n and t.upper[end + 1]) or (
            t.lower[end] in ("al", "el") and end + 1 < t.n)):
        end += 1
    if end == i or t.words[i] in w.stop or t.lower[i] in w.common:
        return None
    if t.words[end - 1] == "-":
        end -= 1
    if i >= 2 and t.lower[i - 1] == "of" and t.lower[i - 2] in w.settlement_nouns:
        return end
    if listed and end - i <= 2 and not (end < t.n and t.upper[end]) and (end >= t.n or not t.alpha[end] or t.lower[end] in (
            "in", "on", "near", "and", ",", "districts", "villages", "towns")):
        return end
    # "the villages of Aborey and Yasooman": the names after the first of a list
    k = i - 1
    while k > 1 and t.lower[k] in ("and", ",", "or"):
        j = k - 1
        while j > 0 and (t.upper[j] or t.words[j] == "-"):
            j -= 1
        if j >= 1 and t.lower[j] == "of" and t.lower[j - 1] in w.settlement_nouns and j + 1 <= k - 1:
            return end
        k = j
    if end < t.n and t.lower[end] in w.settlement_nouns and t.lower[end] != "area":
        return end
    if i >= 1 and t.lower[i - 1] in ("reached", "entered", "in", "near") and end + 1 < t.n and t.lower[end] == "in" \
            and t.upper[end + 1] and end - i <= 2:
        return end  # "reached Tawila in North Darfur": a place the text locates
    return None


def _in_name(t: _Tokens, i: int, w: _Words) -> bool:
    """A single word beside another capitalised word is a person's name ('Serhii Bratchuk')."""
    if i + 2 < t.n and t.lower[i + 1] in ("al", "el") and t.words[i + 2] == "-":
        return True  # "Dar al-Arqam": the first word of a longer Arabic name
    for j in (i - 1, i + 1):
        if 0 <= j < t.n and t.alpha[j] and t.upper[j] and (j == i + 1 or not t.sent_start[j]) and (
                t.words[j] not in w.stop and t.lower[j] not in w.common and t.lower[j] not in w.region):
            return True
    return False


def gazetteer_ambiguous(text: str, gazetteer: Gazetteer) -> bool:
    """A single capitalised word that is more often an English word than a place."""
    from warwire.geo.resolve import is_ambiguous_common_word

    return is_ambiguous_common_word(text, gazetteer)
