"""Find the parties of war news: states, forces, institutions, officials, armed groups,
media, international bodies and civilians, each with the country whose side it is on.

Why this shape: events need an attacker, a target side and a source, and the side is
what gets scored. Names are data, not code: countries with demonyms and seats
(``data/lang/<lang>/actors_countries.json``), organisations
(``actors_organizations.json``), institution nouns and titles (``actors.json``) and named
officials (``data/actors/officials.json``). One pass of spaCy's PhraseMatcher (by lower
case, and by exact case for acronyms and single capitalised words such as "IS" or
"Mash") finds the pieces; this module then composes them, since most actors in news
are built from parts: a demonym or a country before an institution ("Russia's defence
ministry", "the Ukrainian Air Force"), an institution of a country ("the General Staff
of Ukraine's Armed Forces"), a title between a modifier and a name ("Kremlin spokesman
Dmitry Peskov", "regional Gov. Oleh Syniehubov"). Overlaps resolve longest first.

Works on a ``spacy.blank(lang)`` Doc: no tagger, parser or NER is needed.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from spacy.vocab import Vocab

from warwire.nlp import lexicon
from warwire.nlp.text import doc_text

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

#: at most this many tokens in a name found after a title
MAX_NAME_TOKENS = 4
#: at most this many words absorbed left of a title ("head of the Kharkiv regional")
MAX_LEFT_WORDS = 5
#: kinds whose title-holders speak for the force rather than a government
_FORCE_KINDS = frozenset({"military", "armed_group", "local_official"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A party named in the text, with its side.

    ``start``/``end`` are character offsets into ``doc.text``; ``name`` is canonical
    ("Russian Defence Ministry" for "Moscow's defence ministry"); ``country`` is an ISO
    3166-1 alpha-2 code, "EU", or None (international bodies, or a side the text leaves
    to context); ``kind`` is one of state, military, government, official,
    local_official, armed_group, media, ngo, people, intl_org; ``role`` is the title of a
    person ("president", "governor", "spokesman").
    """

    start: int
    end: int
    text: str
    name: str
    country: str | None
    kind: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class _Entry:
    """What one lexicon phrase means."""

    cat: str  # person, org, state, dem, inst, title
    name: str
    country: str | None
    kind: str
    role: str | None = None
    standalone: bool = True
    needs_name: bool = False


@dataclass(frozen=True, slots=True)
class _Cand:
    """A candidate mention, by token offsets, before overlaps are resolved."""

    start: int
    end: int
    name: str
    country: str | None
    kind: str
    role: str | None
    person: bool = False


@lru_cache(maxsize=None)
def _load_officials() -> tuple[dict[str, Any], ...]:
    with (DATA_DIR / "officials.json").open(encoding="utf-8") as f:
        return tuple(json.load(f)["officials"])


def _exact_case(phrase: str) -> bool:
    """Acronyms and single capitalised words match by exact case ("IS", "Mash", "Chad")."""
    return phrase[:1].isupper() and (" " not in phrase or phrase.replace(" ", "").isupper())


@lru_cache(maxsize=8)
def pattern_tokenizer(vocab: Vocab, lang: str) -> Tokenizer:
    """The default tokenizer of ``lang`` on ``vocab``, to turn lexicon phrases into patterns
    (built from the language's defaults: a whole ``spacy.blank`` costs twice as much)."""
    defaults = spacy.util.get_lang_class(lang).Defaults
    return Tokenizer(
        vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


def case_variants(tokenizer: Tokenizer, phrases: list[str]) -> list[Doc]:
    """Pattern docs for case-folded matching. Tokenizer exceptions are case-sensitive
    ("Gov." is one token, "gov." two), so a phrase with a dot is also tokenised capitalised."""
    docs: dict[tuple[str, ...], Doc] = {}
    for phrase in phrases:
        variants = (phrase, phrase[:1].upper() + phrase[1:], phrase.title()) if "." in phrase else (phrase,)
        for variant in variants:
            doc = tokenizer(variant)
            docs.setdefault(tuple(t.lower_ for t in doc), doc)
    return list(docs.values())


def _plural(demonym: str) -> str | None:
    """"Russian" -> "Russians", "Somali" -> "Somalis"; None where English has no plural."""
    return demonym + "s" if demonym[-1:] in ("n", "i") and not demonym.isupper() else None


class _Lexicon:
    """The matchers and word lists of one language, built once per Vocab."""

    def __init__(self, vocab: Vocab, lang: str) -> None:
        words = lexicon.load(lang, "actors")
        self.possessive = frozenset(words["possessive"])
        self.backed = frozenset(words["backed_words"])
        self.of_words = frozenset(words["of_words"])
        self.left_words = frozenset(words["title_left_words"])
        self.particles = frozenset(words["name_particles"])
        self.name_stop = frozenset(words["name_stop"])
        self.adjective: dict[str, str] = {}
        self.state_name: dict[str, str] = {}
        self.entries: dict[int, _Entry] = {}
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._orth = PhraseMatcher(vocab, attr="ORTH")
        self._seen: set[str] = set()
        self._tokenizer = pattern_tokenizer(vocab, lang)
        self._vocab = vocab
        self._add_all(lang, words)

    def _add(self, entry: _Entry, phrases: Iterable[str], lower: bool = False) -> None:
        exact: list[str] = []
        folded: list[str] = []
        for phrase in phrases:
            if not lower and _exact_case(phrase):
                if phrase not in self._seen:
                    self._seen.add(phrase)
                    exact.append(phrase)
            elif phrase.lower() not in self._seen:
                self._seen.add(phrase.lower())
                folded.append(phrase)
        key = f"actor:{len(self.entries)}"
        self.entries[self._vocab.strings.add(key)] = entry
        if exact:
            self._orth.add(key, list(self._tokenizer.pipe(exact)))
        if folded:
            self._lower.add(key, case_variants(self._tokenizer, folded))

    def _add_all(self, lang: str, words: dict[str, Any]) -> None:
        for o in _load_officials():
            self._add(_Entry("person", o["name"], o["country"], o["kind"], o["role"]),
                      [o["name"], *o.get("aka", ())])
        for o in lexicon.load(lang, "actors_organizations")["organizations"]:
            self._add(_Entry("org", o["name"], o["country"], o["kind"]), o["aliases"])
        countries = lexicon.load(lang, "actors_countries")["countries"]
        for code, c in countries.items():
            self.state_name[code] = c["names"][0]
            self.adjective[code] = (c["demonyms"] or c["names"])[0]
            kind = c.get("kind", "state")
            self._add(_Entry("state", c["names"][0], code, kind), [*c["names"], *c["seats"]])
        for code, c in countries.items():
            self._add(_Entry("dem", self.adjective[code], code, "state"), c["demonyms"])
            for dem in c["demonyms"]:
                plural = _plural(dem)
                if plural:
                    self._add(_Entry("org", plural, code, "people"), [plural])
        for i in words["institutions"]:
            self._add(_Entry("inst", i["name"], None, i["kind"], i.get("role"),
                             standalone=i.get("standalone", True)), i["phrases"], lower=True)
        for t in words["titles"]:
            self._add(_Entry("title", t["role"], None, t["kind"], t["role"],
                             needs_name=t.get("needs_name", False)), t["phrases"], lower=True)

    def matches(self, doc: Doc) -> list[tuple[int, int, _Entry]]:
        found = []
        for key, start, end in [*self._lower(doc), *self._orth(doc)]:
            entry = self.entries[key]
            if end - start == 1 and len(doc[start]) <= 3 and doc[start].is_upper and _shouting(doc, start):
                continue
            found.append((start, end, entry))
        return found


def _shouting(doc: Doc, i: int) -> bool:
    """An acronym inside an all-caps headline ("WAR IS OVER") is just a word."""
    near = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc) and doc[j].is_alpha]
    return bool(near) and all(t.is_upper and len(t) > 1 for t in near)


class _Finder:
    """Composes lexicon matches into non-overlapping actor mentions."""

    def __init__(self, lex: _Lexicon) -> None:
        self.lex = lex

    def __call__(self, doc: Doc, within: Sequence[tuple[int, int]] | None = None) -> list[ActorMention]:
        lex = self.lex
        by_start: dict[int, list[tuple[int, _Entry]]] = {}
        for start, end, entry in lex.matches(doc):
            if within is not None and not any(lo <= start < hi for lo, hi in within):
                continue
            by_start.setdefault(start, []).append((end, entry))
        cands: list[_Cand] = []
        titles: list[tuple[int, int, _Entry]] = []
        for start, items in by_start.items():
            for end, entry in items:
                if entry.cat == "title":
                    titles.append((start, end, entry))
                    continue
                cands.extend(self._simple(doc, start, end, entry, by_start))
        cands.extend(self._of_composites(doc, cands, by_start))
        ends: dict[int, list[_Cand]] = {}
        starts: dict[int, list[_Cand]] = {}
        for c in cands:
            ends.setdefault(c.end, []).append(c)
            starts.setdefault(c.start, []).append(c)
        for start, end, entry in titles:
            cand = self._titled(doc, start, end, entry, ends, starts, by_start)
            if cand is not None:
                cands.append(cand)
        text = doc_text(doc)
        return [self._mention(doc, text, c) for c in _longest_first(cands)]

    # -- pieces ---------------------------------------------------------------

    def _simple(self, doc: Doc, start: int, end: int, entry: _Entry,
                by_start: dict[int, list[tuple[int, _Entry]]]) -> list[_Cand]:
        """A match on its own, and a prefix (demonym, country, org) with its institution."""
        lex = self.lex
        out: list[_Cand] = []
        if entry.cat in ("person", "org", "state"):
            out.append(_Cand(start, end, entry.name, entry.country, entry.kind, entry.role,
                             person=entry.cat == "person"))
        elif entry.cat == "inst" and entry.standalone:
            left = self._place_left(doc, start) if entry.kind == "local_official" else start
            name = doc[left:end].text if left < start else entry.name
            out.append(_Cand(left, end, name, None, entry.kind, entry.role))
        if entry.cat not in ("org", "state", "dem") or entry.kind == "people":
            return out
        j, backed = end, False
        if j < len(doc) and doc[j].text in lex.possessive and entry.cat != "dem":
            j += 1
        elif j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in lex.backed:
            j, backed = j + 2, True
        for inst_end, inst in by_start.get(j, ()):
            if inst.cat != "inst":
                continue
            out.append(self._prefixed(doc, start, inst_end, entry, inst, backed))
        return out

    def _prefixed(self, doc: Doc, start: int, end: int, prefix: _Entry, inst: _Entry,
                  backed: bool) -> _Cand:
        """"Russian forces", "Ukraine's air force", "Hamas fighters", "Russian-installed authorities"."""
        if prefix.cat == "org":
            if inst.kind == prefix.kind or {inst.kind, prefix.kind} <= {"military", "armed_group"}:
                return _Cand(start, end, prefix.name, prefix.country, prefix.kind, None)
            name = doc[start:end].text
        elif backed or inst.kind in ("local_official", "people"):
            name = doc[start:end].text
        else:
            name = f"{self.lex.adjective.get(prefix.country or '', prefix.name)} {inst.name}"
        return _Cand(start, end, name, prefix.country, inst.kind, inst.role)

    def _of_composites(self, doc: Doc, cands: list[_Cand],
                       by_start: dict[int, list[tuple[int, _Entry]]]) -> list[_Cand]:
        """"the General Staff of Ukraine's Armed Forces", "Armed Forces of Ukraine"."""
        longest: dict[int, _Cand] = {}
        for c in cands:
            if c.country and not c.person and c.kind != "people":
                if c.start not in longest or c.end > longest[c.start].end:
                    longest[c.start] = c
        out = []
        for start, items in by_start.items():
            for end, inst in items:
                if inst.cat != "inst" or end >= len(doc) or doc[end].lower_ not in self.lex.of_words:
                    continue
                k = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
                owner = longest.get(k)
                if owner is None:
                    continue
                adj = self.lex.adjective.get(owner.country or "", owner.name)
                out.append(_Cand(start, owner.end, f"{adj} {inst.name}", owner.country, inst.kind, inst.role))
        return out

    def _titled(self, doc: Doc, start: int, end: int, title: _Entry,
                ends: dict[int, list[_Cand]], starts: dict[int, list[_Cand]],
                by_start: dict[int, list[tuple[int, _Entry]]]) -> _Cand | None:
        """A title with what qualifies it on the left and the right and the name it introduces."""
        lex = self.lex
        if title.kind == "military" and title.needs_name and not doc[start].is_title:
            return None
        left, modifier = self._title_left(doc, start, ends, by_start)
        k = end
        right_mod: _Cand | None = None
        if k + 1 < len(doc) and doc[k].lower_ in lex.of_words:
            k2 = k + 1 + (doc[k + 1].lower_ == "the")
            right = max(starts.get(k2, ()), key=lambda c: c.end, default=None)
            if right is not None and not right.person and right.kind != "people":
                right_mod, k = right, right.end
        person, name_end = self._person_at(doc, k, starts, by_start)
        if name_end == k and k + 1 < len(doc) and doc[k].text == ",":
            # "the spokesman for Ukraine's Armed Forces, Ivan Petrenko, said"
            person2, end2 = self._person_at(doc, k + 1, starts, by_start)
            if end2 > k + 1 and end2 < len(doc) and doc[end2].text == ",":
                person, name_end, k = person2, end2, k + 1
        if name_end == k and title.needs_name:
            return None
        mod = modifier or right_mod
        country = person.country if person else (mod.country if mod else None)
        kind = title.kind
        if mod is not None and mod.kind in _FORCE_KINDS and kind == "official":
            kind = mod.kind
        role = title.role
        if person is not None:
            if title.needs_name and person.role:
                role = person.role
            if mod is not None and mod.kind == "state" and mod.country != person.country:
                country = mod.country  # "Estonia's Prime Minister Kaja Kallas": the text says when
            return _Cand(left, person.end, person.name, country, person.kind, role, person=True)
        stop = max(name_end, k)
        if name_end > k:
            return _Cand(left, stop, doc[k:name_end].text, country, kind, role, person=True)
        return _Cand(left, stop, doc[left:stop].text, country, kind, role)

    def _person_at(self, doc: Doc, k: int, starts: dict[int, list[_Cand]],
                   by_start: dict[int, list[tuple[int, _Entry]]]) -> tuple[_Cand | None, int]:
        """A known person starting at ``k``, or the end of a capitalised name there."""
        person = max((c for c in starts.get(k, ()) if c.person), key=lambda c: c.end, default=None)
        return person, person.end if person else self._name_end(doc, k, by_start)

    def _title_left(self, doc: Doc, start: int, ends: dict[int, list[_Cand]],
                    by_start: dict[int, list[tuple[int, _Entry]]]) -> tuple[int, _Cand | None]:
        """Walk left of a title over its modifiers: "Kremlin", "Russia's", "regional", "Kharkiv"."""
        lex = self.lex
        j = start
        for _ in range(MAX_LEFT_WORDS):
            at = j - 1 if j > 0 and doc[j - 1].text in lex.possessive else j
            if any(c.person for c in ends.get(at, ())):
                break
            mod = max((c for c in ends.get(at, ()) if not c.person and c.kind != "people"),
                      key=lambda c: c.end - c.start, default=None)
            if mod is None:
                dem = self._demonym_ending(at, by_start)
                if dem is not None:
                    mod = dem
            if mod is not None:
                return mod.start, mod
            if j == 0:
                break
            prev = doc[j - 1]
            if prev.lower_ in lex.left_words or (prev.is_title and prev.text not in lex.name_stop):
                j -= 1
            else:
                break
        while j < start and doc[j].lower_ in ("the", "of"):
            j += 1
        return j, None

    def _demonym_ending(self, at: int, by_start: dict[int, list[tuple[int, _Entry]]]) -> _Cand | None:
        for back in (1, 2, 3):
            for end, entry in by_start.get(at - back, ()):
                if end == at and entry.cat == "dem":
                    return _Cand(at - back, at, entry.name, entry.country, "state", None)
        return None

    def _name_end(self, doc: Doc, k: int, by_start: dict[int, list[tuple[int, _Entry]]]) -> int:
        """End of the capitalised name that starts at ``k`` (``k`` when there is none)."""
        lex = self.lex
        i, count = k, 0
        while i < len(doc) and count < MAX_NAME_TOKENS:
            tok = doc[i]
            if i > k and tok.text == "-" and i + 1 < len(doc) and doc[i + 1].is_title:
                i += 1
                continue
            if tok.lower_ in lex.particles and i + 1 < len(doc) and (doc[i + 1].text == "-" or doc[i + 1].is_title):
                i += 1
                continue
            if not tok.is_title or tok.text in lex.name_stop or any(
                    e.cat != "person" for _, e in by_start.get(i, ())):
                break
            i += 1
            count += 1
        while i > k and (doc[i - 1].text == "-" or doc[i - 1].lower_ in lex.particles):
            i -= 1
        return i

    def _place_left(self, doc: Doc, start: int) -> int:
        """Capitalised place words before a local institution ("Kharkiv regional administration")."""
        j = start
        while j > 0 and start - j < 2 and doc[j - 1].is_title and doc[j - 1].text not in self.lex.name_stop:
            j -= 1
        return j

    def _mention(self, doc: Doc, text: str, c: _Cand) -> ActorMention:
        last = doc[c.end - 1]
        start, end = doc[c.start].idx, last.idx + len(last)
        return ActorMention(start, end, text[start:end], c.name, c.country, c.kind, c.role)


def _longest_first(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, the longest winning, in text order."""
    taken: set[int] = set()
    chosen = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, not c.person, c.start)):
        span = range(c.start, c.end)
        if not taken.intersection(span):
            taken.update(span)
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


@lru_cache(maxsize=8)
def _finder_for(vocab: Vocab, lang: str) -> _Finder:
    return _Finder(_Lexicon(vocab, lang))


def actor_finder(nlp: spacy.Language) -> Callable[[Doc], list[ActorMention]]:
    """The actor finder for ``nlp``'s vocabulary and language, built once and cached."""
    return _finder_for(nlp.vocab, nlp.lang)


def find_actors(doc: Doc, within: Sequence[tuple[int, int]] | None = None) -> list[ActorMention]:
    """All actors named in ``doc`` (or only in the token ranges ``within``), non-overlapping
    (longest match wins), in text order."""
    return _finder_for(doc.vocab, doc.lang_)(doc, within)


def demonym_country(lang: str, word: str) -> str | None:
    """The country of a demonym or country name ("Ukrainian" -> "UA"), else None."""
    return _demonyms(lang).get(word.lower())


@lru_cache(maxsize=None)
def _demonyms(lang: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for code, c in lexicon.load(lang, "actors_countries")["countries"].items():
        for word in (*c["demonyms"], *c["names"]):
            table.setdefault(word.lower(), code)
    return table
