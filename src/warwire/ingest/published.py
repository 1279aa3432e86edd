"""An article's publication date, from the most trustworthy place that has one.

Every relative date in an article ("overnight", "on Monday", "last week") is resolved
against its publication date, so ingest tries hard to find one, and in a fixed order, so
that the same input always gets the same date. The wars warwire knows, with the day each
began (for war-day counters), live in ``data/conflicts.json``.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from warwire.errors import ConfigError

#: how far into the text a dateline or full date counts as the article's own date
DATELINE_WINDOW = 1500
#: how far into the text a war-day counter is looked for
WAR_DAY_WINDOW = 6000


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

    def terms_for(self, lang: str) -> tuple[str, ...]:
        """The words for ``lang``, else the English ones."""
        table = dict(self.terms)
        return table.get(lang) or table.get("en", ())


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


def resolve_published(
    text: str,
    *,
    record: date | None = None,
    given: date | None = None,
    html: date | None = None,
    conflict: str | None = None,
    lang: str = "en",
) -> date | None:
    """The article's publication date: the first of these steps that gives one.

    1. ``record``: the ``published`` field of the article's JSONL record or index line;
    2. ``given``: the date the user gave (``--published``), for input that has none;
    3. ``html``: the date in the HTML page's metadata, as trafilatura reads it;
    4. a dateline or a full date near the start of the text ("KYIV, Dec 6 (Reuters) -"),
       by :func:`warwire.nlp.dates.dateline_date`;
    5. a war-day counter ("on day 1,383 of the war"), by
       :func:`warwire.nlp.dates.war_day_date`, counted from the start of the article's
       ``conflict``, else of the wars the text names, else of each known war in turn.

    Steps 4 and 5 are skipped while :mod:`warwire.nlp.dates` is not installed.
    ``None`` when no step gives a date: relative dates then stay unresolved.
    """
    for found in (record, given, html):
        if found is not None:
            return found
    dateline = _nlp_date_function("dateline_date")
    if dateline is not None:
        found = dateline(text[:DATELINE_WINDOW], lang=lang)
        if found is not None:
            return found
    war_day = _nlp_date_function("war_day_date")
    if war_day is not None:
        window = text[:WAR_DAY_WINDOW]
        for candidate in candidate_conflicts(window, conflict, lang):
            found = war_day(window, candidate.start, lang=lang)
            if found is not None:
                return found
    return None


def candidate_conflicts(text: str, conflict: str | None = None, lang: str = "en") -> list[Conflict]:
    """Wars with a start date to count war days from, most likely first.

    The named ``conflict`` alone when it is known; else the wars whose words the text uses
    (most hits first), then every other war in file order.
    """
    named = find_conflict(conflict)
    if named is not None:
        return [named] if named.start is not None else []
    dated = [c for c in load_conflicts() if c.start is not None]
    hits = {c.id: sum(text.count(term) for term in c.terms_for(lang)) for c in dated}
    return sorted(dated, key=lambda c: -hits[c.id])


@lru_cache(maxsize=4)
def _nlp_date_function(name: str) -> Callable[..., date | None] | None:
    """``warwire.nlp.dates.<name>``, or ``None`` while that module is not there.

    Imported on first use, not with ingest, so that reading files stays cheap; an error
    inside an installed module is not hidden.
    """
    if importlib.util.find_spec("warwire.nlp.dates") is None:
        return None
    module = importlib.import_module("warwire.nlp.dates")
    return getattr(module, name, None)
