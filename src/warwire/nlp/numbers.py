"""Numbers and quantities in plain text, with what they count.

Casualty and weapon counts are the figures of war news that matter, and most figures in
an article are something else: ages ("a 12-year-old boy"), dates, years, clock times,
percentages, sums of money, distances, model designations ("Su-25", "S-300"). This module
finds every figure once, reads its value (digits, "1,200", "1.5 million", "Twenty-one",
"a dozen") and the qualifier before it ("at least four" → 4, ``at_least``), and says what
kind of figure it is, so that the caller only has to look at the ``count`` ones.

It works on plain strings and character offsets (no spaCy); every word list comes from
``data/lang/<lang>/numbers.json`` (and month names from ``dates.json``), compiled once.
Conventions for vague words ("dozens" = 12 ``at_least``) and for ranges ("five to seven"
= 5 ``at_least``, the lowest figure, as ACLED codes it) are documented in that file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warwire.nlp import lexicon
from warwire.nlp.lexicon import alternation as _alt

KINDS = ("count", "age", "year", "date", "time", "percent", "money", "measure", "ordinal")
QUALIFIERS = ("exact", "at_least", "more_than", "about", "up_to")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure in a text: half-open offsets ``[start, end)`` of the whole phrase,
    qualifier included ("at least four"); for non-count kinds the unit is included too
    ("12-year-old", "$5 million", "30 km")."""

    start: int
    end: int
    text: str
    value: int
    #: ``exact``, ``at_least``, ``more_than``, ``about`` or ``up_to``
    qualifier: str
    #: one of :data:`KINDS`; only ``count`` figures count people or things
    kind: str
    #: True for words without a figure ("dozens", "several", "hundreds", "a number of")
    vague: bool


@dataclass(frozen=True, slots=True)
class _Grammar:
    """The compiled patterns and word values of one language."""

    core: re.Pattern[str]
    words: dict[str, tuple[str, int]]
    vague: dict[str, tuple[int, str]]
    multiplicands: frozenset[str]
    vague_scale: re.Pattern[str]
    ordinals: dict[str, int]
    tens: dict[str, int]
    scale_words: dict[str, int]
    money_scales: dict[str, int]
    qualifiers: dict[str, str]
    qual_before: re.Pattern[str]
    qualifier_blockers: dict[str, frozenset[str]]
    qual_after: re.Pattern[str]
    suffix_qualifiers: dict[str, str]
    range_after: re.Pattern[str]
    between_before: re.Pattern[str]
    between_after: re.Pattern[str]
    not_count_after: re.Pattern[str]
    not_count_before: re.Pattern[str]
    model_before: re.Pattern[str]
    months_capitalised: bool
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]
    time_after: re.Pattern[str]
    age_after: re.Pattern[str]
    age_before: re.Pattern[str]
    percent_after: re.Pattern[str]
    money_before: re.Pattern[str]
    money_after: re.Pattern[str]
    money_abbrev_after: re.Pattern[str]
    measure_after: re.Pattern[str]
    letters_after: re.Pattern[str]
    hyphen_word_after: re.Pattern[str]
    ordinal_before: re.Pattern[str]
    year_before: re.Pattern[str]
    next_word: re.Pattern[str]
    next_words: re.Pattern[str]
    count_nouns: frozenset[str]
    year_not_followers: frozenset[str]
    token: re.Pattern[str]
    #: digits and the (lower-cased) words a figure can start with: scanning the lower-cased
    #: text for them is far cheaper than trying the core pattern at every character
    scan: re.Pattern[str]


_NUM_SPACE = "[ \u00a0\u202f]"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    if not lexicon.available(lang, "numbers"):
        lang = "en"
    d = lexicon.load(lang, "numbers")
    dates = lexicon.load(lang if lexicon.available(lang, "dates") else "en", "dates")
    months = dates["months"]
    words: dict[str, tuple[str, int]] = {}
    for w, v in d["units"].items():
        words[w] = ("unit" if v < 10 else "teen", v)
    for key, role in (("tens", "ten"), ("hundreds", "hundred"), ("multipliers", "mult"), ("scales", "scale")):
        for w, v in d[key].items():
            words[w] = (role, v)
    articles = d["articles"]
    for a in articles:
        words[a] = ("art", 1)
    joiner = d["joiner"]
    words[joiner] = ("and", 0)
    numeric = [w for w, (r, _) in words.items() if r not in ("art", "and")]
    big = [w for w, (r, _) in words.items() if r in ("hundred", "mult", "scale")]
    w_alt = _alt(numeric)
    ord_alt = _alt(d["ordinals"])
    scale_words = {**d["scales"], **d["scale_abbreviations"]}
    suffix = _alt(d["ordinal_suffixes"])
    digits = (
        rf"(?<![\w.,/])(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d{{1,3}}(?:{_NUM_SPACE}\d{{3}})+(?![\d,.])|\d+)"
        rf"(?:\.\d+)?(?P<ordsuf>-?{suffix}(?![a-z]))?"
        rf"(?:{_NUM_SPACE}?(?P<scale>{_alt(scale_words)})(?![a-z]))?"
    )
    core = re.compile(
        r"(?P<iso>(?<![\w.])\d{4}-\d{2}-\d{2}(?!\w))"
        r"|(?P<slash>(?<![\w./])\d{1,2}(?P<sep>[/.])\d{1,2}(?P=sep)\d{4}(?![\w/])|(?<![\w./])\d{1,2}/\d{1,2}/\d{2}(?![\w/]))"
        r"|(?P<clock>(?<![\w.,:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:]))"
        rf"|(?P<vague>(?<!\w){_alt(d['vague'])}(?!\w))"
        rf"|(?P<ordw>(?<![\w-])(?:{_alt(d['tens'])}[- ])?{ord_alt}(?!\w))"
        rf"|(?P<words>(?<![\w-])(?:{_alt(articles)}\s+(?={_alt(big)}(?!\w)))?{w_alt}"
        rf"(?:(?:\s+{re.escape(joiner)}\s+|\s+|-){w_alt})*(?!\w))"
        rf"|(?P<digits>{digits})",
        re.IGNORECASE,
    )
    month_re = _alt(months)
    rj = d["range_joiners"]
    range_sym = [j for j in rj if not j.isalpha()]
    range_word = [j for j in rj if j.isalpha()]
    qual_alt = _alt(d["qualifiers"])

    def after(items: list[str]) -> re.Pattern[str]:
        return re.compile(rf"\s*{_alt(items)}(?!\w)", re.IGNORECASE)

    return _Grammar(
        core=core,
        words=words,
        vague={" ".join(k.lower().split()): (v[0], v[1]) for k, v in d["vague"].items()},
        multiplicands=frozenset(d["vague_multiplicands"]),
        vague_scale=re.compile(rf"\s+({_alt([*d['multipliers'], *d['hundreds'], *d['scales']])})(?!\w)", re.I),
        ordinals={k.lower(): v for k, v in d["ordinals"].items()},
        tens=d["tens"],
        scale_words={k.lower(): v for k, v in scale_words.items()},
        money_scales={k.lower(): v for k, v in d["money_scale_abbreviations"].items()},
        qualifiers={" ".join(k.lower().split()): v for k, v in d["qualifiers"].items()},
        qual_before=re.compile(rf"(?<![\w-])({qual_alt})\s+\Z", re.IGNORECASE),
        qualifier_blockers={k.lower(): frozenset(v) for k, v in d["qualifier_blockers"].items()},
        qual_after=re.compile(r"\s*(" + _alt(d["suffix_qualifiers"]) + r")(?!\w)", re.IGNORECASE),
        suffix_qualifiers={k.lower(): v for k, v in d["suffix_qualifiers"].items()},
        range_after=re.compile(
            rf"(?:\s*{_alt(range_sym)}\s*|\s+{_alt(range_word)}\s+)(?=[\da-z])", re.IGNORECASE
        ),
        between_before=re.compile(rf"(?<!\w){_alt(d['range_between'])}\s+\Z", re.IGNORECASE),
        between_after=re.compile(rf"\s*(?:{_alt(d['range_between_joiners'])})\s*(?=[\da-z])", re.IGNORECASE),
        not_count_after=re.compile(rf"\s+{_alt(d['not_count_after'])}(?!\w)", re.IGNORECASE),
        not_count_before=re.compile(rf"(?<!\w){_alt(d['not_count_before'])}\s+\Z", re.IGNORECASE),
        months_capitalised=bool(dates.get("names_capitalised", True)),
        model_before=re.compile(r"(?<![\w-])[A-Z][A-Za-z]*-\Z"),
        month_before=re.compile(
            rf"(?<!\w)(?P<m>{month_re})\.?,?\s+(?:\d{{1,2}}(?:{suffix})?,?\s+)?\Z", re.IGNORECASE
        ),
        month_after=re.compile(rf"\s*(?:of\s+)?(?P<m>{month_re})(?![a-z])", re.IGNORECASE),
        time_after=after(d["time_suffixes"]),
        age_after=re.compile(rf"\s*{_alt(d['age_suffixes'])}(?!\w)", re.IGNORECASE),
        age_before=re.compile(rf"(?<!\w){_alt(d['age_prefixes'])}\s+\Z", re.IGNORECASE),
        percent_after=re.compile(rf"\s*{_alt(d['percent_suffixes'])}(?!\w)", re.IGNORECASE),
        money_before=re.compile(rf"{_alt(d['currency_prefixes'])}\s*\Z"),
        money_after=after(d["currency_suffixes"]),
        money_abbrev_after=re.compile(rf"{_alt(d['money_scale_abbreviations'])}(?![a-z])", re.IGNORECASE),
        measure_after=re.compile(rf"(?:\s*|-){_alt(d['measure_units'])}(?![a-z])", re.IGNORECASE),
        letters_after=re.compile(r"[A-Za-z]"),
        hyphen_word_after=re.compile(r"-[A-Za-z]"),
        ordinal_before=re.compile(rf"(?<!\w){_alt(d['ordinal_prefixes'])}\s*\Z", re.IGNORECASE),
        year_before=re.compile(
            rf"(?:(?<!\w){_alt(d['year_prefixes'])}\s+|(?<!\w){month_re}\.?,?\s+)\Z", re.IGNORECASE
        ),
        next_word=re.compile(r"\s+([A-Za-z]+)"),
        next_words=re.compile(r"(?:\s+[A-Za-z]+){1,2}"),
        count_nouns=frozenset(d["count_nouns"]),
        year_not_followers=frozenset(d["year_not_followers"]),
        token=re.compile(r"[^\s-]+"),
        scan=re.compile(
            r"\d+|(?<![\w-])"
            + _alt({w.split()[0].lower() for w in [*words, *d["vague"], *d["ordinals"], *d["tens"]]})
            + r"(?!\w)"
        ),
    )


def _parse_tokens(tokens: list[str], g: _Grammar) -> tuple[int, int] | None:
    """Value of a run of number words and how many tokens it used ("two and three" → 2, 1)."""
    total = current = 0
    last: str | None = None
    used = 0
    top_scale = None
    for i, tok in enumerate(tokens):
        role, v = g.words.get(tok.lower(), ("", 0))
        if role == "art" and i == 0:
            last = role
            continue
        if role == "and":
            nxt = g.words.get(tokens[i + 1].lower(), ("", 0))[0] if i + 1 < len(tokens) else ""
            if last in ("hundred", "scale") and nxt in ("unit", "teen", "ten"):
                last = role
                continue
            break
        ok = {
            "unit": last in (None, "ten", "hundred", "scale", "and"),
            "teen": last in (None, "hundred", "scale", "and"),
            "ten": last in (None, "hundred", "scale", "and"),
            "hundred": last in (None, "art", "unit", "teen") and current < 100,
            "mult": last in (None, "art", "unit", "teen", "ten"),
            "scale": last in (None, "art", "unit", "teen", "ten", "hundred", "mult")
            and (top_scale is None or v < top_scale),
        }.get(role, False)
        if not ok:
            break
        if role in ("unit", "teen", "ten"):
            current += v
        elif role in ("hundred", "mult"):
            current = (current or 1) * v
        else:
            total += (current or 1) * v
            current = 0
            top_scale = v
        last = role
        used = i + 1
    if used == 0:
        return None
    return total + current, used


def _digits_value(s: str, scale: str | None, g: _Grammar) -> int:
    s = re.sub(r"[,\s\u00a0\u202f]", "", s)
    x = float(s) if "." in s else int(s)
    if scale:
        x *= g.scale_words[scale.lower()]
    return int(x + 0.5) if isinstance(x, float) else x


def _number_at(text: str, pos: int, g: _Grammar) -> tuple[int, int] | None:
    """A plain number (digits or words) starting exactly at ``pos``: (value, end)."""
    m = g.core.match(text, pos)
    if not m or not (m.group("digits") or m.group("words")) or m.group("ordsuf"):
        return None
    return _plain_value(text, m, g)


def _plain_value(text: str, m: re.Match[str], g: _Grammar) -> tuple[int, int] | None:
    if m.group("digits"):
        raw = m.group("digits")
        if m.group("scale"):
            raw = raw[: m.start("scale") - m.start("digits")]
        if m.group("ordsuf"):
            raw = raw[: m.start("ordsuf") - m.start("digits")]
        return _digits_value(raw.strip(), m.group("scale"), g), m.end()
    toks = list(g.token.finditer(m.group("words")))
    parsed = _parse_tokens([t.group() for t in toks], g)
    if parsed is None:
        return None
    value, used = parsed
    return value, m.start("words") + toks[used - 1].end()


def parse_number(text: str, lang: str = "en") -> int | None:
    """The value of a number written alone: "four" → 4, "1,383" → 1383, "twenty-one" → 21,
    "1.5 million" → 1500000, "a dozen" → 12, "dozens" → 12; None if it is not a number."""
    g = _grammar(lang)
    s = text.strip()
    key = " ".join(s.lower().split())
    if key in g.vague:
        return g.vague[key][0]
    m = g.core.match(s)
    if not m or m.group("ordw") or m.group("vague"):
        return None
    if m.group("digits") and not m.group("ordsuf"):
        got = _plain_value(s, m, g)
    elif m.group("words"):
        got = _plain_value(s, m, g)
    else:
        return None
    if got is None or got[1] != len(s):
        return None
    return got[0]


def find_quantities(text: str, lang: str = "en") -> list[Quantity]:
    """Every figure in ``text``, in order, with its value, qualifier and kind.

    Model designations ("Su-25", "Kh-101", "22M3"), "one of the", "one another" and
    "no one" are left out.
    """
    g = _grammar(lang)
    out: list[Quantity] = []
    pos = 0
    low = text.lower()
    if len(low) != len(text):  # a few letters change length when lower-cased
        low = text.translate(_ASCII_LOWER)
    for tok in g.scan.finditer(low):
        at = tok.start()
        if at < pos:
            continue
        m = g.core.match(text, at)
        if m is None:
            continue
        q, nxt = _read(text, m, g)
        if q is not None:
            out.append(q)
        pos = max(nxt, at + 1)
    return out


def _qualifier_before(text: str, start: int, g: _Grammar) -> tuple[int, str | None]:
    q = g.qual_before.search(text, max(0, start - 30), start)
    if q is None:
        return start, None
    return q.start(), g.qualifiers[" ".join(q.group(1).lower().split())]


def _read(text: str, m: re.Match[str], g: _Grammar) -> tuple[Quantity | None, int]:
    """The quantity of one core match, and where to search on from."""
    s, e = m.start(), m.end()
    if m.group("iso"):
        return Quantity(s, e, text[s:e], int(text[e - 2 : e]), "exact", "date", False), e
    if m.group("slash"):
        return Quantity(s, e, text[s:e], int(re.split("[/.]", text[s:e])[0]), "exact", "date", False), e
    if m.group("clock"):
        return Quantity(s, e, text[s:e], int(text[s:e].split(":")[0]), "exact", "time", False), e
    if m.group("vague"):
        value, qual = g.vague[" ".join(m.group().lower().split())]
        if m.group().lower() in g.multiplicands:
            sc = g.vague_scale.match(text, e)
            if sc:
                value *= g.words[sc.group(1).lower()][1]
                e = sc.end()
        qs, q = _qualifier_before(text, s, g)
        return Quantity(qs, e, text[qs:e], value, q or qual, "count", True), e
    if m.group("ordw"):
        parts = re.split(r"[- ]", m.group().lower())
        value = g.ordinals[parts[-1]] + (g.tens[parts[0]] if len(parts) > 1 else 0)
        return Quantity(s, e, text[s:e], value, "exact", "ordinal", False), e
    got = _plain_value(text, m, g)
    if got is None:
        return None, e
    value, e = got
    is_digits = m.group("digits") is not None
    is_word_one = not is_digits and value == 1 and m.group().lower() == "one"
    # a model or code: "Su-25", "S-300", "Tu-22M3", "3M14"
    if is_digits and g.model_before.search(text, max(0, s - 16), s):
        return None, e
    if is_digits and text[e : e + 1] == "/":  # "24/7", "1/3"
        return None, e + 1
    if is_digits and not m.group("ordsuf") and not m.group("scale") and g.letters_after.match(text, e):
        unit = g.measure_after.match(text, e) or g.percent_after.match(text, e) or g.time_after.match(text, e)
        if unit is None and not g.money_abbrev_after.match(text, e):
            return None, _skip_word(text, e)
    if is_word_one and (g.not_count_after.match(text, e) or g.not_count_before.search(text, max(0, s - 12), s)):
        return None, e

    qs, qual = _qualifier_before(text, s, g)
    if qual is not None and (blk := g.qualifier_blockers.get(" ".join(text[qs:s].lower().split()))):
        nw = g.next_words.match(text, e)
        if nw and blk.intersection(nw.group().lower().split()):  # "over eight Russian regions"
            qs, qual = s, None
    # ranges: "five to seven", "10-15", "between 10 and 15" -> the lower figure, at_least
    between = g.between_before.search(text, max(0, s - 12), s)
    rng = (g.between_after if between else g.range_after).match(text, e)
    if rng:
        second = _number_at(text, rng.end(), g)
        if second and second[0] > value:
            e = second[1]
            qual = qual or "at_least"
            if between:
                qs = min(qs, between.start())
    sq = g.qual_after.match(text, e)
    if sq:
        qual = qual or g.suffix_qualifiers[sq.group(1).lower()]
        e = sq.end()
    kind, ks, ke = _kind(text, m, s, e, value, g)
    if kind == "count" and is_word_one and g.hyphen_word_after.match(text, e):
        return None, e
    if kind == "money" and ke > e and (ab := g.money_abbrev_after.match(text, e)):  # "$5m"
        value *= g.money_scales[ab.group().lower()]
    start, end = min(qs, ks), max(e, ke)
    return Quantity(start, end, text[start:end], value, qual or "exact", kind, False), max(e, ke)


def _skip_word(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isalnum() or text[pos] == "-"):
        pos += 1
    return pos


def _kind(text: str, m: re.Match[str], s: int, e: int, value: int, g: _Grammar) -> tuple[str, int, int]:
    """The kind of the figure at ``[s, e)`` and the span of its unit, if any."""
    before = max(0, s - 30)
    is_digits = m.group("digits") is not None
    plain = is_digits and not m.group("scale") and not m.group("ordsuf")
    if is_digits:
        mb = g.month_before.search(text, before, s)
        if mb and (mb.group("m")[0].isupper() or not g.months_capitalised) and (value <= 31 or len(m.group().strip()) == 4):
            return "date", s, e
        ma = g.month_after.match(text, e)
        if ma and (ma.group("m")[0].isupper() or not g.months_capitalised) and 1 <= value <= 31:
            return "date", s, e
        if m.group("ordsuf"):
            return "ordinal", s, e
    if (a := g.age_after.match(text, e)) is not None:
        return "age", s, a.end()
    if g.age_before.search(text, before, s):
        return "age", s, e
    if plain and s > 0 and text[s - 1] == "(" and text[e : e + 1] == ")" and value <= 120:
        return "age", s - 1, e + 1
    if (t := g.time_after.match(text, e)) is not None and value <= 24:
        return "time", s, t.end()
    if (p := g.percent_after.match(text, e)) is not None:
        return "percent", s, p.end()
    if (mb := g.money_before.search(text, before, s)) is not None:
        end = e
        if plain and (ab := g.money_abbrev_after.match(text, e)) is not None:
            end = ab.end()
        return "money", mb.start(), end
    if (ma := g.money_after.match(text, e)) is not None:
        return "money", s, ma.end()
    if (u := g.measure_after.match(text, e)) is not None:
        return "measure", s, u.end()
    if g.hyphen_word_after.match(text, e):
        return "measure", s, _skip_word(text, e)
    if g.ordinal_before.search(text, before, s):
        return "ordinal", s, e
    if plain and len(m.group()) == 4 and 1800 <= value <= 2100:
        if g.year_before.search(text, before, s):
            return "year", s, e
        nw = g.next_word.match(text, e)
        word = nw.group(1) if nw else ""
        countable = word in g.count_nouns or (
            word.islower() and word.endswith("s") and word not in g.year_not_followers
        )
        return ("count" if countable else "year"), s, e
    return "count", s, e
