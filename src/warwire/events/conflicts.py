"""Which war an article is about, and so who is likely on the other side.

When a strike's attacker is not named, the other side of the war that the article is about
is the usual attacker of a place on one side; in a civil war (one country) both sides
carry that country's code. The wars themselves are data (:mod:`warwire.conflicts`).
"""
from __future__ import annotations

from warwire.conflicts import Conflict, load_conflicts


def conflicts_for(text: str, declared: str | None, country_counts: dict[str, int],
                  lang: str = "en") -> list[Conflict]:
    """The wars an article speaks of, most likely first: its declared one, then by evidence."""
    ranked: list[tuple[int, Conflict]] = []
    wars = load_conflicts()
    for c in wars:
        score = 0
        if declared and (declared == c.id or declared in c.aliases):
            score += 1000
        named = sum(text.count(t) for t in c.terms_for(lang)[:6])
        # a war the text never names is the article's only through places of a country that
        # fights no other war (a town in Ukraine, not one in the United States)
        own_places = sum(country_counts.get(k, 0) for k in c.countries
                         if sum(k in w.countries for w in wars) == 1)
        if not named and score == 0 and not own_places:
            continue
        score += named + sum(country_counts.get(k, 0) for k in c.countries)
        if score:
            ranked.append((score, c))
    ranked.sort(key=lambda t: -t[0])
    return [c for _, c in ranked]


def opponent_of(country: str | None, wars: list[Conflict]) -> str | None:
    """The other side of ``country`` in the first of ``wars`` it fights in."""
    for w in wars:
        other = w.opponent(country)
        if other:
            return other
    return None
