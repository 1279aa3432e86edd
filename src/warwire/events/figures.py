"""Figures of an event: killed and injured, weapons with counts, targets.

Each figure is read from the mentions inside one clause window of the sentence, and keeps
the offsets of the words it came from. Ages, years, distances and model numbers are never
counts (the number finder marks their kind); a count of weapons is never a count of people.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from warwire.events.cues import Cue, CueFinder
from warwire.models import Span as TextSpan
from warwire.models import Weapon
from warwire.nlp.numbers import Quantity
from warwire.nlp.text import doc_text

__all__ = ["Figure", "Quantity", "casualties", "clause_around", "merge_weapons", "stated_number", "targets", "weapons"]

#: plural nouns that make a number a count of people (singulars come from casualties.json)
_PEOPLE_PLURALS = {
    "people", "persons", "others", "civilians", "children", "women", "men", "soldiers", "troops",
    "servicemen", "fighters", "militants", "rebels", "residents", "minors", "workers", "villagers",
    "policemen", "officers", "members", "students", "passengers", "teenagers", "babies", "infants",
    "pensioners", "farmers", "journalists", "medics", "volunteers", "citizens", "individuals",
    "Palestinians", "Israelis", "Ukrainians", "Russians", "Sudanese", "worshippers", "protesters",
    "demonstrators", "staff", "personnel", "military", "mercenaries", "servicemen", "troopers", "sailors", "crew", "combatants", "insurgents", "jihadists", "gunmen", "attackers",
}


#: words that never stand between a number and the weapons it counts
_NOT_BETWEEN = {
    "were", "was", "when", "that", "which", "had", "have", "has", "by", "of", "in", "on", "at", "the",
    "killed", "injured", "wounded", "dead", "people", "residents", "civilians", "after", "as", "while",
    "from", "with", "into", "over", "said", "or",
}


@dataclass(frozen=True, slots=True)
class Figure:
    value: int
    qualifier: str
    span: TextSpan


def _tokens_between(doc: Doc, a: int, b: int) -> Span:
    return doc.char_span(a, b, alignment_mode="contract") or doc[0:0]


def is_identifier(doc: Doc, q: Quantity) -> bool:
    """'Light Infantry Battalion 542', 'Route 66': a number that names, not counts."""
    head = doc_text(doc)[max(0, q.start - 30) : q.start].split()
    return bool(head) and q.text[:1].isdigit() and head[-1][:1].isupper() and head[-1].isalpha() and (
        head[-1].lower() not in ("at", "by", "over", "of", "about", "some", "nearly", "around", "almost"))


def person_count(doc: Doc, q: Quantity, cues: CueFinder) -> bool:
    """True when what follows the number is people (or nothing that is not people)."""
    after = doc.char_span(q.end, min(len(doc_text(doc)), q.end + 60), alignment_mode="expand")
    if after is None:
        return True
    for n, tok in enumerate(after):
        if n > 4:
            return False
        low = tok.lower_
        if tok.text in _PEOPLE_PLURALS or low in _PEOPLE_PLURALS or low in cues.person_nouns:
            return True
        if low in {"killed", "dead", "died", "injured", "wounded", "hurt", "were", "was", "have", "had",
                   "including", "and", "in", "of", "on", "at"} or tok.is_punct:
            return n == 0 or low not in {"of"}
        if tok.like_num:
            return False
    return False


def casualties(doc: Doc, sent_start: int, sent_end: int, quantities: list[Quantity], cues: list[Cue],
               finder: CueFinder) -> tuple[Figure | None, Figure | None]:
    """Killed and injured in one sentence: each casualty word takes its nearest figure."""
    text = doc_text(doc)
    counts = [q for q in quantities if q.kind == "count" and not is_identifier(doc, q) and person_count(doc, q, finder)
              and not _partitive(text, q)]
    # "57 people, including 22 women and 17 children, were killed": the parts are not the toll
    counts = [q for k, q in enumerate(counts) if not (k and _in_including(doc_text(doc), counts[k - 1], q))]
    marks = [c for c in cues if c.group in ("killed", "injured", "none_killed", "none_injured")]
    for c in cues:
        if c.group == "none_both":  # "no casualties were reported", "no one was hurt"
            marks += [Cue(c.start, c.end, c.text, "none_killed", "killed"), Cue(c.start, c.end, c.text, "none_injured", "injured")]
    marks.sort(key=lambda c: c.start)
    used: set[int] = set()
    result: dict[str, Figure] = {}
    for c in marks:
        field = c.value
        if c.group.startswith("none_"):
            result.setdefault(field, Figure(0, "exact", TextSpan(c.start, c.end)))
            continue
        best: Quantity | None = None
        # 1. a number right after the word: "killing at least six people", "injured 48"
        for q in counts:
            if q.start >= c.end and q.start - c.end <= 4 and id(q) not in used:
                best = q
                break
        # 2. the nearest number before it in the same clause: "14 people killed", "five were injured"
        if best is None:
            before = [q for q in counts if q.end <= c.start and c.start - q.end <= 70 and id(q) not in used
                      and not _other_mark_between(marks, q.end, c.start, c)]
            if before:
                best = before[-1]
        if best is not None:
            used.add(id(best))
            fig = Figure(best.value, best.qualifier, TextSpan(best.start, c.end if best.start < c.start else best.end))
        else:
            n = _singular_people(doc, c, sent_start, sent_end, finder)
            if not n:
                continue
            fig = Figure(n, "exact", TextSpan(c.start, c.end))
        old = result.get(field)
        # the same sentence giving two figures: the lowest, as ACLED codes it
        if old is None or (fig.value < old.value and old.value != 0):
            result[field] = fig
    return result.get("killed"), result.get("injured")


def _partitive(text: str, q: Quantity) -> bool:
    """'Two of the wounded were children': a part of a toll told before, not a toll."""
    tail = text[q.end : q.end + 12].lower().split()
    return len(tail) >= 2 and tail[0] == "of" and tail[1].strip(",.") in ("the", "them", "those", "whom")


def _in_including(text: str, whole: Quantity, part: Quantity) -> bool:
    between = text[whole.end : part.start].lower()
    return ("including" in between or "among them" in between or "of them" in between) and ";" not in between


def _other_mark_between(marks: list[Cue], a: int, b: int, me: Cue) -> bool:
    return any(m is not me and a <= m.start < b and m.value != me.value for m in marks)


def _singular_people(doc: Doc, cue: Cue, sent_start: int, sent_end: int, finder: CueFinder) -> int:
    """'a 64-year-old woman and a 58-year-old man died' → 2; 'the death of a boy' → 1."""
    window_before = doc.char_span(max(sent_start, cue.start - 80), cue.start, alignment_mode="expand")
    window_after = doc.char_span(cue.end, min(sent_end, cue.end + 50), alignment_mode="expand")
    count = 0
    for window, after in ((window_after, True), (window_before, False)):
        if window is None:
            continue
        toks = list(window)
        n = 0
        for i, tok in enumerate(toks):
            if tok.lower_ in finder.singular:
                for nxt in toks[i + 1 : i + 9]:
                    if nxt.lower_ in finder.person_nouns:
                        n += 1
                        break
                    if nxt.is_punct and nxt.text != "-":
                        break
            if after and tok.is_punct and tok.text in ",;":
                break
        if n:
            count = n
            break
    return count


def weapons(doc: Doc, cues: list[Cue], quantities: list[Quantity]) -> list[tuple[Weapon, TextSpan]]:
    """Weapon kinds with their counts: '137 drones', 'more than 40 ballistic ... missiles'."""
    out: list[tuple[Weapon, TextSpan]] = []
    counts = [q for q in quantities if q.kind == "count" and not is_identifier(doc, q)]
    models = [c for c in cues if c.group == "model"]
    for c in cues:
        if c.group not in ("weapon", "model"):
            continue
        kind = c.weapon or c.value
        count = None
        qual = "exact"
        start = c.start
        text = doc_text(doc)
        for q in reversed(counts):
            if q.end > c.start:
                continue
            gap = text[q.end : c.start]
            # only describing words between a number and its weapon: "37 Iranian-designed Shahed
            # drones", "40 ballistic, cruise and guided missiles" -- not "Four residents ... when a jet"
            if len(gap) > 60 or any(ch in gap for ch in ".;:") or any(
                    w.strip(",").lower() in _NOT_BETWEEN for w in gap.split()) or any(
                    t.like_num for t in _tokens_between(doc, q.end, c.start)):
                break
            count, qual, start = q.value, q.qualifier, q.start
            break
        if count is None:
            before = text[max(0, c.start - 25) : c.start].lower().split()[-3:]
            if before and before[-1] in ("a", "an", "one", "another") or (
                    len(before) > 1 and before[-2] in ("a", "an", "one", "another") and before[-1].isalpha()
                    and before[-1] not in _NOT_BETWEEN):
                count = 1  # "a fighter jet bombed the village"
        model = c.value if c.group == "model" else None
        if model is None:
            near = [m for m in models if m.weapon == kind and 0 <= c.start - m.end <= 25]
            model = near[-1].value if near else None
        out.append((Weapon(kind, count, qual, model), TextSpan(start, c.end)))
    return out


def merge_weapons(items: list[Weapon]) -> tuple[Weapon, ...]:
    """One weapon per kind: the first count given, the first model named."""
    by_kind: dict[str, Weapon] = {}
    for w in items:
        old = by_kind.get(w.kind)
        if old is None:
            by_kind[w.kind] = w
            continue
        by_kind[w.kind] = Weapon(
            w.kind,
            old.count if old.count is not None else w.count,
            old.qualifier if old.count is not None else w.qualifier,
            old.model or w.model,
        )
    return tuple(by_kind.values())


def targets(cues: list[Cue]) -> tuple[str, ...]:
    seen: list[str] = []
    for c in cues:
        if c.group == "target" and c.value not in seen:
            seen.append(c.value)
    return tuple(seen)


def clause_around(text: str, s_start: int, s_end: int, span, breaks: list[str]) -> tuple[int, int]:
    """The clause of a sentence that holds ``span``, cut at words like 'while' and dashes."""
    lo, hi = s_start, s_end
    low = text[s_start:s_end].lower()
    for b in breaks:
        at = low.find(b)
        while at >= 0:
            pos = s_start + at
            if pos + len(b) <= span.start:
                lo = max(lo, pos + len(b))
            elif pos >= span.end:
                hi = min(hi, pos)
            at = low.find(b, at + 1)
    return lo, hi


def stated_number(text: str) -> bool:
    """Whether a figure's words hold a number ('at least 20', 'five'), not only 'a boy'."""
    from warwire.nlp.numbers import parse_number

    return any(ch.isdigit() for ch in text) or any(parse_number(w) not in (None, 1) for w in text.split())
