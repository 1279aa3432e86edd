"""When an event happened, from the time words of its sentence and the article's context.

The cascade, per sentence: a stated date beats a weekday, which beats "overnight" or "last
week"; a dateline ("KYIV, Dec 6 -") dates the report, not the event; a time that dates a
statement ("the air force said on Saturday") gives way to any other; with no time words the
sentence takes the date told last in its paragraph, else the article's lead date, else the
day before publication (news tells what happened since the last edition). Running totals
("since the invasion began") are no incidents at all.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from warwire.models import Span

_DATELINE = re.compile(r"^[A-Z][A-Z .'/-]+,\s*$")


class Dating:
    """The date rules of one language (its word lists from ``status.json``)."""

    def __init__(self, words: dict) -> None:
        self.words = words

    @staticmethod
    def dateline(text: str, t) -> bool:
        """'WASHINGTON, Dec 7 -', 'KYIV, Dec 6 (Reuters) -' at the start of a paragraph."""
        line_start = text.rfind("\n", 0, t.start) + 1
        head = text[line_start : t.start]
        return len(head) < 40 and bool(_DATELINE.match(head)) and bool(
            re.match(r"\s*(\(\w+\))?\s*(-|–|—|--)", text[t.end : t.end + 14]))

    def statement_time(self, text: str, t) -> bool:
        """A time that dates a statement: 'said on Sunday', 'told reporters on Sunday'."""
        before = text[max(0, t.start - 30) : t.start].lower().split()
        before = [w for w in before if w not in ("on", "late", "early", "reporters", "journalists", "in", "a", "statement")]
        return bool(before) and before[-1].strip(",") in self.words["statement_verbs"]

    def past_plan(self, sentence: str) -> bool:
        """'were scheduled to meet ... on Thursday': a plan told in the past tense."""
        low = sentence.lower()
        return any(w in low for w in self.words["past_plan"])

    @staticmethod
    def nearest_weekday(dated, times, published: date):
        """A weekday of a plan told in the past: the occurrence nearest the publication date."""
        d, precision, span = dated
        if not any(t.kind == "weekday" and t.start == span.start for t in times):
            return dated
        best = min((d - timedelta(days=7), d, d + timedelta(days=7)), key=lambda x: abs((x - published).days))
        return best, precision, span

    @staticmethod
    def cumulative(times, sentence: str) -> bool:
        """A 'since ...' phrase marks a running total: 'since the invasion', 'since launching its
        offensive in November'."""
        if any(t.kind == "span" and "since" in t.text.lower() for t in times):
            return True
        low = f" {sentence.lower()} "
        return " since " in low and bool(times) and (" has " in low or " have " in low)

    @staticmethod
    def date_of(times, published: date | None, last) -> tuple[date, str, Span | None] | None:
        """The date of a sentence's events: its own time words, else the date told last, else
        the publication date; the span is None when the date was not stated here."""
        resolved = [t for t in times if t.date is not None and t.precision != "year"]
        if resolved:
            # a stated date beats a weekday, which beats "overnight" or "last week"
            rank = {"explicit": 0, "weekday": 1, "night": 2, "relative": 3, "span": 4}
            t = min(resolved, key=lambda t: rank.get(t.kind, 5))
            if t.kind == "span" and published and t.date == published and t.precision in ("day", "week"):
                # "over the past 24 hours", "in recent days": what the report sums up is yesterday
                return published - timedelta(days=1), "day", Span(t.start, t.end)
            return t.date, t.precision, Span(t.start, t.end)
        if any(t.precision == "year" and t.date and (published is None or t.date.year < published.year) for t in times):
            return None
        if last:
            return last[0], last[1], None
        if published:
            # news tells what happened since the last edition: the day before, as a rule
            return published - timedelta(days=1), "day", None
        return None
