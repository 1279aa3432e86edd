"""Time expressions, resolved to calendar dates against the publication date.

News rarely dates an event in full: it says "on Tuesday", "overnight", "last week",
"Thursday night" or "on 16 February", and the reader resolves it against the day the
article came out and the tense of the sentence. This module does that resolution with the
rules of ANNOTATION.md:

* a past weekday is the most recent such day on or before publication; a future one
  ("is scheduled to meet ... on Monday") the next one on or after it;
* a night belongs to the day on which it began ("overnight", "last night" → the day before
  publication; "Thursday night" → Thursday); only a named day after midnight dates it later
  ("early Sunday", "overnight into Friday", "the night of 8 February" → that day);
* a date without a year takes the year that keeps it from being after publication (past)
  or the next occurrence (future);
* a span ("since August 6") is dated on the day of the statement, month precision.

Only compiled regexes over plain strings (no spaCy, no dateparser): the caller passes a
sentence or a whole text and adds its own offset. Word lists come from
``data/lang/<lang>/dates.json``.
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from warwire.nlp import lexicon
from warwire.nlp.lexicon import alternation as _alt
from warwire.nlp.numbers import parse_number

PRECISIONS = ("day", "week", "month", "year")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
KINDS = ("explicit", "weekday", "relative", "night", "span")


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time expression: half-open offsets ``[start, end)`` into the text given."""

    start: int
    end: int
    text: str
    #: the resolved day (for week/month/year precision: a day inside that period), or None
    date: date | None
    #: ``day``, ``week``, ``month`` or ``year``
    precision: str
    #: ``explicit``, ``weekday``, ``relative``, ``night`` or ``span``
    kind: str
    #: resolved as a future time (future tense, or a date after publication)
    future: bool


@dataclass(frozen=True, slots=True)
class _Grammar:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    months: dict[str, int]
    #: month and weekday names count only when capitalised ("may", "march" are verbs)
    capitalised: bool
    weekdays: dict[str, int]
    relative: dict[str, dict[str, Any]]
    spans: dict[str, str]
    night: dict[str, dict[str, int]]
    night_prefixes: frozenset[str]
    day_prefixes: frozenset[str]
    past_mods: frozenset[str]
    future_mods: frozenset[str]
    night_parts: frozenset[str]
    ago_units: dict[str, str]
    since_before: re.Pattern[str]
    tense: re.Pattern[str]
    attr_gap: re.Pattern[str]
    weekday_not_after: re.Pattern[str]
    sentence_tense: re.Pattern[str]
    sentence_end: re.Pattern[str]
    full_dates: tuple[re.Pattern[str], ...]
    war_day: re.Pattern[str]
    war_words: re.Pattern[str]
    #: words every match contains (month and weekday names, the last word of each relative
    #: phrase, a 4-digit year), by the group of patterns that can match around them
    anchors: re.Pattern[str]
    anchor_group: dict[str, str]
    groups: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    if not lexicon.available(lang, "dates"):
        lang = "en"
    d = lexicon.load(lang, "dates")
    mon = rf"(?P<mon>{_alt(d['months'])})(?:\.(?!\w)|(?![a-z]))"
    wd_alt = _alt(d["weekdays"])
    wd = rf"(?P<wd>{wd_alt})"
    sfx = _alt(d["day_suffixes"])
    day = rf"(?P<day>\d{{1,2}})(?:{sfx})?(?![\w:])"
    year = r"(?P<year>\d{4})(?![\w-])"
    nightp = _alt(d["night_prefixes"])
    dayp = _alt(d["day_prefixes"])
    mods = _alt([*d["past_modifiers"], *d["future_modifiers"], *d["neutral_modifiers"]])
    pfx = rf"(?:(?P<nightp>{nightp})\s+|(?P<dayp>{dayp})\s+)?"
    wd_pre = rf"(?:{wd_alt},?\s+)?"
    of = rf"(?:\s+{re.escape(d['of'])})?"
    rng_pfx = rf"(?:(?P<nightp>{_alt(d['night_range_prefixes'])})\s+)?"
    rj = rf"\s*{_alt(d['range_joiners'])}\s*"
    parts = _alt([*d["day_parts"], *d["night_parts"]])
    sep = r"(?:(?<=-)|\s+)"
    B = r"(?<![\w-])"
    I = re.IGNORECASE
    dmy = rf"{B}{pfx}{wd_pre}(?:the\s+)?{day}{of}\s+{mon},?\s+{year}"
    mdy = rf"{B}{pfx}{wd_pre}{mon}\s+{day},?\s+{year}"
    iso = rf"{B}(?P<year>\d{{4}})-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})(?![\w-])"
    dotted = r"(?<![\w.])(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})(?![\w.])"
    patterns = (
        ("dmy", dmy),
        ("mdy", mdy),
        ("iso", iso),
        ("dotted", dotted),
        ("range_dm", rf"{B}{rng_pfx}(?:the\s+)?(?P<d1>\d{{1,2}})(?:{sfx})?{rj}{day}{of}\s+{mon}(?:,?\s+{year})?"),
        ("range_md", rf"{B}{rng_pfx}{mon}\s+(?P<d1>\d{{1,2}})(?:{sfx})?{rj}{day}(?:,?\s+{year})?"),
        ("dm", rf"{B}{pfx}{wd_pre}(?:the\s+)?{day}{of}\s+{mon}"),
        ("md", rf"{B}{pfx}{wd_pre}{mon}\s+{day}"),
        ("my", rf"{B}{mon},?\s+{year}"),
        ("mon", rf"{B}(?P<mp>{_alt(d['month_prefixes'])}){sep}(?:the\s+)?{mon}(?!\s*\d)"),
        ("yr", rf"{B}(?P<yp>{_alt(d['year_prefixes'])}){sep}{year}"),
        ("wd_range", rf"{B}(?P<nightp>{_alt(d['night_range_prefixes'])})\s+{wd_alt}{rj}{wd}(?!\w)"),
        ("wd", rf"{B}(?:(?P<nightp>{nightp})\s+|(?P<dayp>{dayp})\s+|(?P<mod>{mods})\s+)?{wd}"
               rf"(?:['’]s)?(?:\s+(?P<part>{parts}))?(?!\w)"),
        ("rel", rf"{B}(?P<rel>{_alt(d['relative'])})(?!\w)"),
        ("span", rf"{B}(?P<span>{_alt(d['spans'])})(?!\w)"),
        ("night", rf"{B}(?P<night>{_alt(d['night'])})(?!\w)"),
        ("ago", rf"{B}(?P<n>an?|\d+|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>{_alt(d['ago']['units'])})\s+"
                rf"{re.escape(d['ago']['word'])}(?!\w)"),
    )
    fut, past, attr = d["future_markers"], d["past_markers"], d["attribution_markers"]

    def markers(groups: dict[str, list[str]]) -> re.Pattern[str]:
        alts = "|".join(rf"(?P<{k}>{_alt(v)})" for k, v in groups.items())
        return re.compile(rf"(?<![\w'’])(?:{alts})(?!\w)", I)

    full = tuple(re.compile(p, I) for p in (dmy, mdy, iso, dotted))
    compiled = tuple((name, re.compile(p, I)) for name, p in patterns)
    members = {
        "cal": ("dmy", "mdy", "range_dm", "range_md", "dm", "md", "my", "mon"),
        "wd": ("wd_range", "wd"),
        "num": ("iso", "dotted", "yr"),
        "rel": ("rel", "span", "night", "ago"),
    }
    anchor_group = {_norm(w): "cal" for w in d["months"]}
    anchor_group.update({_norm(w): "wd" for w in d["weekdays"]})
    for key in ("relative", "spans", "night"):
        anchor_group.update({_norm(w).split()[-1]: "rel" for w in d[key]})
    anchor_group[_norm(d["ago"]["word"])] = "rel"
    return _Grammar(
        patterns=compiled,
        months={_norm(k): v for k, v in d["months"].items()},
        capitalised=bool(d.get("names_capitalised", True)),
        weekdays={_norm(k): v for k, v in d["weekdays"].items()},
        relative={_norm(k): v for k, v in d["relative"].items()},
        spans={_norm(k): v for k, v in d["spans"].items()},
        night={_norm(k): v for k, v in d["night"].items()},
        night_prefixes=frozenset(_norm(x) for x in d["night_prefixes"] + d["night_range_prefixes"]),
        day_prefixes=frozenset(_norm(x) for x in d["day_prefixes"]),
        past_mods=frozenset(_norm(x) for x in d["past_modifiers"]),
        future_mods=frozenset(_norm(x) for x in d["future_modifiers"]),
        night_parts=frozenset(_norm(x) for x in d["night_parts"]),
        ago_units={_norm(k): v for k, v in d["ago"]["units"].items()},
        since_before=re.compile(rf"(?<!\w){_alt(d['span_prefixes'])}\s+\Z", I),
        tense=markers({"fut": fut, "past": past, "attr": attr}),
        sentence_tense=markers({"fut": fut, "past": past}),
        attr_gap=re.compile(r"[^,;:.!?\"“”]{0,30}\Z"),
        weekday_not_after=re.compile(rf"(?<!\w){_alt(d['weekday_not_after'])}\s+\Z", I),
        sentence_end=re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z])|\n"),
        full_dates=full,
        war_day=re.compile(
            rf"(?<![\w-])(?:{_alt(d['war_day_words'])})\s+(?P<n>\d[\d,\u00a0 ]*\d|\d|[a-z]+(?:-[a-z]+)*)(?![\w,])"
            rf"|(?<![\w-])(?P<o>\d[\d,]*)(?:{sfx})\s+(?:{_alt(d['war_day_words'])})(?!\w)",
            I,
        ),
        war_words=re.compile(rf"(?<!\w){_alt(d['war_words'])}(?!\w)", I),
        anchors=re.compile(rf"(?<![\w-])(?:{_alt(anchor_group)}|\d{{4}})(?!\w)"),
        anchor_group=anchor_group,
        groups={k: tuple((n, p) for n, p in compiled if n in v) for k, v in members.items()},
    )


# -- tense -------------------------------------------------------------------------------


def _last_marker(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> str | None:
    last = None
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        last = m.lastgroup
    return last


def _mention_is_future(text: str, sent: int, start: int, end: int, g: _Grammar) -> bool:
    """The tense of the mention at ``[start, end)`` in the sentence that begins at ``sent``.

    The last tense marker before it decides ("will meet ... on Monday"); an attribution
    verb ("said", "according to") only when it governs the mention ("the minister said on
    Tuesday", not "according to him, from 25 May Wagner will leave"). With no marker before
    it, the first one after it in the sentence decides ("On Monday, talks will resume").
    """
    decided = None
    for m in g.tense.finditer(text, sent, start):
        if m.lastgroup != "attr":
            decided = m.lastgroup
        elif g.attr_gap.match(text, m.end(), start):
            decided = "past"
    if decided is None:
        stop = g.sentence_end.search(text, end)
        after = g.tense.search(text, end, stop.start() if stop else len(text))
        decided = after.lastgroup if after else None
    return decided == "fut"


def is_future_context(sentence: str, lang: str = "en") -> bool:
    """Whether ``sentence`` speaks of the future: its last tense marker ("will", "is
    scheduled to", "plans to", "next week", "to meet" ... against "was", "killed", "ago")
    is a future one. Attribution verbs ("said") do not count, so "Talks will resume on
    Monday, officials said" is future."""
    return _last_marker(_grammar(lang).sentence_tense, sentence) == "fut"


# -- resolution ------------------------------------------------------------------------


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _clamp_day(y: int, m: int, d: int) -> date:
    return date(y, m, min(d, calendar.monthrange(y, m)[1]))


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    return _clamp_day(k // 12, k % 12 + 1, d.day)


def _month_day(y: int, m: int, pub: date | None, fut: bool) -> date:
    """A day inside month ``m`` of ``y`` that stands for the whole month: the 15th,
    or the publication day when that is earlier in the same month and the text is past."""
    d = date(y, m, 15)
    if pub and not fut and (y, m) == (pub.year, pub.month) and d > pub:
        return pub
    return d


def _year_day(y: int, pub: date | None, fut: bool) -> date:
    d = date(y, 7, 1)
    if pub and not fut and y == pub.year and d > pub:
        return pub
    return d


def _no_year(m: int, d: int, pub: date | None, fut: bool) -> date | None:
    """Day ``d`` of month ``m`` in the year that fits publication and tense."""
    if pub is None:
        return None
    got = _safe(pub.year, m, d)
    if fut:
        if got is None or got < pub:
            got = _safe(pub.year + 1, m, d) or got
    elif got is None or got > pub + timedelta(days=1):
        got = _safe(pub.year - 1, m, d) or got
    return got


def _weekday(wd: int, pub: date | None, fut: bool, mod: str | None, g: _Grammar) -> tuple[date | None, bool]:
    if mod in g.past_mods:
        fut = False
    elif mod in g.future_mods:
        fut = True
    if pub is None:
        return None, fut
    if fut:
        delta = (wd - pub.weekday()) % 7
        if delta == 0 and mod in g.future_mods:
            delta = 7
        return pub + timedelta(days=delta), fut
    delta = (pub.weekday() - wd) % 7
    if delta == 0 and mod in g.past_mods:
        delta = 7
    return pub - timedelta(days=delta), fut


# -- finding -----------------------------------------------------------------------------


def find_time_expressions(
    text: str, published: date | None, *, lang: str = "en", future: bool | None = None
) -> list[TimeMention]:
    """Every time expression in ``text``, in order, resolved against ``published``.

    ``future`` forces the tense of every mention; when None it is decided per mention
    from the tense markers of its sentence (see :func:`_mention_is_future`). Month and
    weekday names count only when capitalised.
    """
    g = _grammar(lang)
    rank = {name: i for i, (name, _) in enumerate(g.patterns)}
    found: dict[tuple[int, int, str], re.Match[str]] = {}
    for group, windows in _windows(text, g).items():
        for lo, hi in windows:
            for name, pat in g.groups[group]:
                for m in pat.finditer(text, lo, hi):
                    if _capitalised(m, g) and _ordered(name, m) and not (
                        name == "wd" and g.weekday_not_after.search(text, max(0, m.start() - 12), m.start())
                    ):
                        found[(m.start(), m.end(), name)] = m
    if not found:
        return []
    cands = [(s, e, rank[name], name, m) for (s, e, name), m in found.items()]
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        if all(c[1] <= s or c[0] >= e for s, e in taken):
            taken.append((c[0], c[1]))
            chosen.append(c)
    chosen.sort()
    bounds = [m.end() for m in g.sentence_end.finditer(text)]
    out = []
    for start, _end, _rank, name, m in chosen:
        fut = future
        if fut is None:
            i = bisect.bisect_right(bounds, start)
            sent = bounds[i - 1] if i else 0
            fut = _mention_is_future(text, sent, start, m.end(), g)
        got = _resolve(name, m, published, fut, g)
        if got is None:
            continue
        day, precision, kind, fut_out = got
        since = g.since_before.search(text, max(0, start - 20), start)
        lead = _lead(m)
        if lead and g.since_before.fullmatch(lead + " "):
            since = m
        if since and kind != "span":
            start = since.start()
            kind = "span"
            precision = "week" if name in ("wd", "rel") and precision == "day" else "month"
            day = published
        if day is not None and published is not None and day > published:
            fut_out = True
        out.append(TimeMention(start, m.end(), text[start : m.end()], day, precision, kind, bool(fut_out)))
    return out


def _lead(m: re.Match[str]) -> str | None:
    """The prefix word a month or year match starts with ("since" in "since 2012")."""
    gd = m.groupdict()
    return gd.get("mp") or gd.get("yp")


def _windows(text: str, g: _Grammar) -> dict[str, list[tuple[int, int]]]:
    """Stretches of text around each anchor word, merged, per group of patterns.

    Running the patterns only there, instead of over the whole text, is what keeps this
    module under a millisecond an article."""
    low = text.lower()
    if len(low) != len(text):  # a few letters change length when lower-cased
        low = text.translate(_ASCII_LOWER)
    out: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for a in g.anchors.finditer(low):
        word = a.group()
        group = "num" if word[0].isdigit() else g.anchor_group.get(word)
        if group is None or (g.capitalised and group in ("cal", "wd") and not text[a.start()].isupper()):
            continue
        lo, hi = max(0, a.start() - 70), min(n, a.end() + 45)
        while hi < n and text[hi].isalnum():
            hi += 1
        spans = out.setdefault(group, [])
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return out


def _ordered(name: str, m: re.Match[str]) -> bool:
    """A day range must run forwards ("7 to 8 February", not "20 and 20 February")."""
    return not name.startswith("range") or int(m.group("d1")) < int(m.group("day"))


def _capitalised(m: re.Match[str], g: _Grammar) -> bool:
    """Month and weekday names count only when capitalised ("may", "march" are verbs),
    in a language that capitalises them."""
    if not g.capitalised:
        return True
    for grp in ("mon", "wd"):
        try:
            s = m.group(grp)
        except IndexError:
            continue
        if s is not None and not s[0].isupper():
            return False
    return True


def _resolve(
    name: str, m: re.Match[str], pub: date | None, fut: bool, g: _Grammar
) -> tuple[date | None, str, str, bool] | None:
    """(date, precision, kind, future) of one match, or None when it is no date after all."""
    gd = m.groupdict()
    night = bool(gd.get("nightp")) or (gd.get("part") or "").lower() in g.night_parts
    if name in ("dmy", "mdy", "iso", "dotted", "dm", "md", "range_dm", "range_md"):
        month = int(gd["mnum"]) if gd.get("mnum") else g.months[_norm(gd["mon"])]
        day = int(gd["day"])
        if name.startswith("range") and not gd.get("nightp"):
            day = int(gd["d1"])
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        if gd.get("year"):
            got = _safe(int(gd["year"]), month, day)
            if got is None:
                return None
            fut = pub is not None and got > pub
        else:
            got = _no_year(month, day, pub, fut)
        return got, "day", "night" if night else "explicit", fut
    if name == "my":
        got = _month_day(int(gd["year"]), g.months[_norm(gd["mon"])], pub, fut)
        return got, "month", "explicit", pub is not None and (got.year, got.month) > (pub.year, pub.month)
    if name == "mon":
        month = g.months[_norm(gd["mon"])]
        mp = _norm(gd["mp"])
        fut = True if mp in g.future_mods else False if mp in g.past_mods else fut
        if pub is None:
            return None, "month", "explicit", fut
        y = pub.year
        if fut and month < pub.month:
            y += 1
        elif not fut and (month > pub.month or (month == pub.month and mp in g.past_mods)):
            y -= 1
        return _month_day(y, month, pub, fut), "month", "explicit", fut
    if name == "yr":
        y = int(gd["year"])
        if not 1900 <= y <= 2100:
            return None
        return _year_day(y, pub, fut), "year", "explicit", pub is not None and y > pub.year
    if name in ("wd", "wd_range"):
        day, fut = _weekday(g.weekdays[_norm(gd["wd"])], pub, fut, _norm(gd.get("mod") or "") or None, g)
        return day, "day", "night" if night else "weekday", fut
    if name == "rel":
        r = g.relative[_norm(gd["rel"])]
        prec = r.get("precision", "day")
        fwd = any(r.get(k, 0) > 0 for k in ("days", "months", "years"))
        fut = fwd or (fut and not any(r.get(k, 0) < 0 for k in ("days", "months", "years")))
        if pub is None:
            return None, prec, "relative", fut
        if "months" in r:
            d = _add_months(pub, r["months"])
            return _month_day(d.year, d.month, pub, fut), prec, "relative", fut
        if "years" in r:
            return _year_day(pub.year + r["years"], pub, fut), prec, "relative", fut
        return pub + timedelta(days=r["days"]), prec, "relative", fut
    if name == "span":
        return pub, g.spans[_norm(gd["span"])], "span", False
    if name == "night":
        r = g.night[_norm(gd["night"])]
        if pub is None:
            return None, "day", "night", fut
        return pub + timedelta(days=r["future_days"] if fut else r["days"]), "day", "night", fut
    if name == "ago":
        n = 1 if _norm(gd["n"]) in ("a", "an") else parse_number(gd["n"])
        if n is None:
            return None
        unit = g.ago_units[_norm(gd["unit"])]
        if pub is None:
            return None, unit, "relative", False
        if unit == "month":
            d = _add_months(pub, -n)
            return _month_day(d.year, d.month, pub, False), "month", "relative", False
        if unit == "year":
            return _year_day(pub.year - n, pub, False), "year", "relative", False
        return pub - timedelta(days=n * (7 if unit == "week" else 1)), unit, "relative", False
    return None


# -- whole-text helpers ----------------------------------------------------------------


def dateline_date(text: str, lang: str = "en") -> date | None:
    """The first full date (with a year) in the first ~300 characters: a dateline
    ("KYIV, Dec 5, 2025 (Reuters) -") or a byline ("Published: 5 December 2025")."""
    g = _grammar(lang)
    head = text[:300]
    best: tuple[int, date] | None = None
    for pat in g.full_dates:
        for m in pat.finditer(head):
            if not _capitalised(m, g):
                continue
            gd = m.groupdict()
            month = int(gd["mnum"]) if gd.get("mnum") else g.months[_norm(gd["mon"])]
            got = _safe(int(gd["year"]), month, int(gd["day"])) if 1 <= month <= 12 else None
            if got is not None and (best is None or m.start() < best[0]):
                best = (m.start(), got)
            break
    return best[1] if best else None


def war_day_date(text: str, war_start: date, lang: str = "en") -> date | None:
    """The date of a war-day counter ("day 1,383 of the war", "Day 1383 of Russia's
    full-scale invasion", "the 1,383rd day of the war"), day 1 being ``war_start``.
    The counter must have a war word within 80 characters of it."""
    g = _grammar(lang)
    for m in g.war_day.finditer(text):
        raw = m.group("n") or m.group("o")
        n = parse_number(raw.replace("\u00a0", " "), lang)
        if n is None or n < 1:
            continue
        if g.war_words.search(text, max(0, m.start() - 80), m.end() + 80):
            return war_start + timedelta(days=n - 1)
    return None
