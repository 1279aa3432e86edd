"""The wars warwire knows: their sides, start dates and the words that name them.

One record per war in ``data/conflicts.json``. Ingest uses the start dates to read war-day
counters ("day 1,383 of the war"); the event stage uses the sides to tell who is likely
the other party when a report names only one ("a strike on Kharkiv").
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from warwire.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Conflict:
    """A war as ``data/conflicts.json`` describes it."""

    id: str
    name: str
    #: the day the war (or its current phase) began: day 1 of a war-day counter
    start: date | None
    #: ISO 3166-1 alpha-2 codes of the countries whose forces fight in it
    countries: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    #: per language, words whose presence in a text suggests this war
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: the countries grouped by side, where a war has more than two
    sides: tuple[tuple[str, ...], ...] = ()

    def terms_for(self, lang: str) -> tuple[str, ...]:
        """The words for ``lang``, else the English ones."""
        table = dict(self.terms)
        return table.get(lang) or table.get("en", ())

    def opponent(self, country: str | None) -> str | None:
        """The other side of ``country`` in this war; the same country in a civil war or an
        insurgency across several countries (the Sahel) that has no sides."""
        if not country or country not in self.countries:
            return None
        for side in self.sides:
            if country in side:
                other = next((s for s in self.sides if s is not side), ())
                return other[0] if other else country
        if len(self.countries) == 2:
            return next(c for c in self.countries if c != country)
        return country


@lru_cache(maxsize=1)
def load_conflicts() -> tuple[Conflict, ...]:
    """The wars in ``data/conflicts.json``, in file order (read once)."""
    source = resources.files("warwire") / "data" / "conflicts.json"
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
        return tuple(
            Conflict(
                id=item["id"],
                name=item["name"],
                start=date.fromisoformat(item["start"]) if item.get("start") else None,
                countries=tuple(item["countries"]),
                aliases=tuple(item.get("aliases", ())),
                terms=tuple((lang, tuple(words)) for lang, words in item.get("terms", {}).items()),
                sides=tuple(tuple(side) for side in item.get("sides", ())),
            )
            for item in raw["conflicts"]
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError("C001", str(source), f"conflicts file is unreadable ({exc}); reinstall warwire") from exc


def find_conflict(name: str | None) -> Conflict | None:
    """The conflict whose id or alias is ``name`` (any case), or ``None``."""
    if not name:
        return None
    key = name.strip().lower()
    for conflict in load_conflicts():
        if key == conflict.id or key in conflict.aliases:
            return conflict
    return None
