"""An article's publication date, from the most trustworthy place that has one.

Every relative date in an article ("overnight", "on Monday", "last week") is resolved
against its publication date, so ingest tries hard to find one, and in a fixed order, so
that the same input always gets the same date. The wars warwire knows, with the day each
began (for war-day counters), live in ``data/conflicts.json``.
"""
from __future__ import annotations

from datetime import date

from warwire.conflicts import Conflict, find_conflict, load_conflicts

#: how far into the text a dateline or full date counts as the article's own date
DATELINE_WINDOW = 1500
#: how far into the text a war-day counter is looked for
WAR_DAY_WINDOW = 6000


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

    ``None`` when no step gives a date: relative dates then stay unresolved.
    """
    for found in (record, given, html):
        if found is not None:
            return found
    # imported here, not with ingest, so that reading files that carry a date stays cheap
    from warwire.nlp.dates import dateline_date, war_day_date

    found = dateline_date(text[:DATELINE_WINDOW], lang=lang)
    if found is not None:
        return found
    window = text[:WAR_DAY_WINDOW]
    for candidate in candidate_conflicts(window, conflict, lang):
        found = war_day_date(window, candidate.start, lang=lang)
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
