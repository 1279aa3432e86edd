"""Which war an article is about, and so who is likely on the other side.

The sides of each war are data (``data/conflicts.json``). When a strike's attacker is not
named, the other side of the war that the article is about is the usual attacker of a place
on one side; in a civil war (one country) both sides carry that country's code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    countries: tuple[str, ...]
    start: date | None
    terms: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    def opponent(self, country: str | None) -> str | None:
        """The other side of ``country`` in this war; the same country in a civil war."""
        if not country or country not in self.countries:
            return None
        if len(self.countries) == 1:
            return country
        others = [c for c in self.countries if c != country]
        return others[0] if others else None


@lru_cache(maxsize=1)
def all_conflicts() -> tuple[Conflict, ...]:
    raw = json.loads(resources.files("warwire").joinpath("data/conflicts.json").read_text(encoding="utf-8"))
    out = []
    for c in raw["conflicts"]:
        out.append(Conflict(
            id=c["id"],
            countries=tuple(c.get("countries") or ()),
            start=date.fromisoformat(c["start"]) if c.get("start") else None,
            terms=tuple((c.get("terms") or {}).get("en", ())),
            aliases=tuple(c.get("aliases") or ()),
        ))
    return tuple(out)


def conflicts_for(text: str, declared: str | None, country_counts: dict[str, int]) -> list[Conflict]:
    """The wars an article speaks of, most likely first: its declared one, then by evidence."""
    wars = all_conflicts()
    ranked: list[tuple[int, Conflict]] = []
    for c in wars:
        score = 0
        if declared and (declared == c.id or declared in c.aliases):
            score += 1000
        score += sum(text.count(t) for t in c.terms[:6])
        score += sum(country_counts.get(k, 0) for k in c.countries)
        if score:
            ranked.append((score, c))
    ranked.sort(key=lambda t: -t[0])
    return [c for _, c in ranked]


def opponent_of(country: str | None, wars: list[Conflict]) -> str | None:
    for w in wars:
        other = w.opponent(country)
        if other:
            return other
    return None
