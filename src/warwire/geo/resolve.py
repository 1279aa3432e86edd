"""Picks the one place a name means, from what the article says around it.

A name like "Rivne" fits 24 Ukrainian villages and a city; the caller passes what it knows
(regions and countries named nearby, places already resolved) and the best-scoring entry
wins. Without context a big city beats a same-named village, a region that a name primarily
means (Crimea, Gaza) beats a town, and a country beats everything of its name.
"""
from __future__ import annotations

import json
import math
from collections.abc import Collection, Sequence
from functools import lru_cache
from importlib import resources

from warwire.geo.gazetteer import Q_ALTNAME, Q_ALIAS, Q_NAME, Gazetteer, GazetteerEntry, Match, distance_km, normalize

#: score of a region or country by bare name, in the units of log10(population)
_ADMIN1_WEIGHT = 4.6
_COUNTRY_WEIGHT = 9.0
_PRIMARY_BONUS = 5.0
_ADMIN1_HINT = 10.0
_COUNTRY_HINT = 3.0
_NEAR_BONUS = ((30.0, 8.0), (100.0, 4.0), (300.0, 1.5))
#: how much a settlement's name form counts; a generated spelling counts nothing
_QUALITY_BONUS = {Q_NAME: 1.0, Q_ALIAS: 0.8, Q_ALTNAME: 0.5}


def resolve(name: str, gazetteer: Gazetteer, *, admin1_hints: Collection[str] = (),
            country_hints: Collection[str] = (), near: Sequence[GazetteerEntry] = ()) -> GazetteerEntry | None:
    """The entry ``name`` most likely means here, or ``None`` when the gazetteer has no such name."""
    matches = gazetteer.lookup(name)
    if not matches:
        return None
    admin1 = {h.upper() for h in admin1_hints if h}
    countries = {h.upper() for h in country_hints if h}
    points = [(e.lat, e.lon) for e in near if e.lat is not None and e.lon is not None]
    best = min(matches, key=lambda m: (-_score(m, admin1, countries, points), m.entry.ref))
    return best.entry


def _score(match: Match, admin1: set[str], countries: set[str], points: list[tuple[float, float]]) -> float:
    entry = match.entry
    if entry.kind == "country":
        score = _COUNTRY_WEIGHT
    elif entry.kind == "admin1":
        score = _ADMIN1_WEIGHT
    else:
        score = math.log10(entry.population + 10)
        score += _QUALITY_BONUS.get(match.quality, 0.0)
    if match.primary:
        score += _PRIMARY_BONUS
    if entry.admin1_iso and entry.admin1_iso in admin1:
        score += _ADMIN1_HINT
    if entry.country and entry.country in countries:
        score += _COUNTRY_HINT
    if points and entry.lat is not None and entry.lon is not None:
        closest = min(distance_km(entry.lat, entry.lon, lat, lon) for lat, lon in points)
        score += next((bonus for km, bonus in _NEAR_BONUS if closest <= km), 0.0)
    return score


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    path = resources.files("warwire") / "data" / "lang" / "en" / "places.json"
    data = json.loads(path.read_text("utf-8"))
    return frozenset(normalize(w) for w in data["ambiguous_common_words"])


def is_ambiguous_common_word(name: str, gazetteer: Gazetteer | None = None) -> bool:
    """Whether a capitalised word is too common to be taken as a place on its own.

    True for the stop list (data) and for very short tokens; with a gazetteer, also for a
    single word whose only places are villages of fewer than 1,000 people known only by a
    geonames alternate name. Answers are memoised on the gazetteer.
    """
    if gazetteer is None:
        return _ambiguous(name, None)
    memo = gazetteer.ambiguous_memo
    hit = memo.get(name)
    if hit is None:
        if len(memo) > 200_000:
            memo.clear()
        hit = memo[name] = _ambiguous(name, gazetteer)
    return hit


def _ambiguous(name: str, gazetteer: Gazetteer | None) -> bool:
    key = normalize(name)
    if not key or key in _stop_words():
        return True
    if " " in key:
        return False
    if len(key) <= 2 and not name.isupper():
        return True
    if gazetteer is None:
        return False
    matches = gazetteer.lookup(name)
    if not matches:
        return False
    return all(m.entry.kind == "settlement" and m.entry.population < 1000 and m.quality == Q_ALTNAME
               for m in matches)
