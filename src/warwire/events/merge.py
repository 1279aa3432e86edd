"""One incident, one event: merging the accounts an article gives of the same incident.

An article tells its main incident in the headline, the lead and again further down, each
time with a few more facts. Those accounts become one event: the more specific place, the
date that was stated, every evidence span, and the lowest of conflicting figures, as ACLED
codes them (the database keeps each source's figure; the event line keeps one).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from warwire.events import figures
from warwire.events.kinds import DIPLOMATIC, FAMILY
from warwire.models import Event, Place


def drop_history(events: list[Event], published: date | None) -> list[Event]:
    """History is no event: what happened a year or more before the article."""
    if not published:
        return events
    limit = published - timedelta(days=365)
    return [e for e in events if not (e.date and e.date < limit)]

def merge_events(events: list[Event], text: str = "") -> list[Event]:
    """One event per incident: accounts of the same incident merged, in the order first told."""
    out: list[Event] = []
    vague: list[Event] = []
    for e in events:
        if e.place is None and e.type not in DIPLOMATIC:
            vague.append(e)  # placed after the others are merged, below
            continue
        for k, o in enumerate(out):
            if same_incident(o, e) or (
                    {o.type, e.type} == {"strike", "clash"} and o.place and e.place
                    and o.place.name == e.place.name and adjacent(o, e, text)):
                out[k] = merge_pair(o, e, text)
                break
        else:
            out.append(e)
    for e in vague:
        # "near the start of the protest", a headline's "rebels kill 21": a vague telling of an
        # incident the article places elsewhere, before or after
        same = [k for k, o in enumerate(out) if o.type == e.type and o.place is not None
                and (not o.date or not e.date or abs((o.date - e.date).days) <= 2)]
        if same:
            k = min(same, key=lambda k: abs(out[k].evidence[0].start - e.evidence[0].start) if out[k].evidence and e.evidence else 0)
            out[k] = merge_pair(out[k], e, text)
        else:
            out.append(e)
    return sorted(out, key=lambda e: e.evidence[0].start if e.evidence else 0)


def same_incident(a: Event, b: Event) -> bool:
    """Two events of one article that tell the same incident."""
    if FAMILY[a.type] != FAMILY[b.type]:
        return False
    if a.type != b.type and (a.type in DIPLOMATIC or {a.type, b.type} == {"strike", "clash"}):
        return False
    stated = all(any(k == "date" for k, _ in e.field_evidence) for e in (a, b))
    slack = 0 if a.date_precision == b.date_precision == "day" else 6
    if a.date and b.date and abs((a.date - b.date).days) > (slack if stated else max(slack, 2)):
        return False
    if a.type in DIPLOMATIC:
        pa = {x.country for x in a.participants} | {x.country for x in (a.actor1, a.actor2) if x}
        pb = {x.country for x in b.participants} | {x.country for x in (b.actor1, b.actor2) if x}
        return bool(pa and pb and (pa <= pb or pb <= pa)) and (a.place is None or b.place is None or a.place.name == b.place.name)
    if not a.place or not b.place:
        return False
    ca, cb = {w.count for w in a.weapons if w.count}, {w.count for w in b.weapons if w.count}
    if "interception" in (a.type, b.type) and ca and cb and not ca & cb:
        return False  # "four drones over Moscow Oblast" and "ten over Moscow Oblast" are two claims
    if a.type == b.type and (summary(a, b) or summary(b, a)):
        return True
    if a.killed is not None and a.killed == b.killed and a.type == b.type and (
            contains(a.place, b.place) or a.killed >= 3 and a.place.admin1_iso and a.place.admin1_iso == b.place.admin1_iso):
        return True  # "five dead in Dnipro" and "five dead in the Dnipropetrovsk region"; one toll, one region
    if a.type == b.type == "interception" and a.place.name == b.place.name and a.date and b.date and abs(
            (a.date - b.date).days) <= 1 and ca and ca == cb:
        return True  # the headline and the lead give the same downing count
    if a.place.lat is not None and b.place.lat is not None and a.type == b.type and abs(
            a.place.lat - b.place.lat) < 0.02 and abs(a.place.lon - b.place.lon) < 0.03:
        return True  # one village under two names ("Zhelannoye Vtoroye", "Zhelanne Druge")
    return bool(a.place.ref and a.place.ref == b.place.ref or a.place.name == b.place.name)


def adjacent(a: Event, b: Event, text: str) -> bool:
    """Told in the same or the next sentence: one account of one fight."""
    for x in a.evidence:
        for y in b.evidence:
            lo, hi = (x, y) if x.start <= y.start else (y, x)
            if hi.start <= lo.end or not text[lo.end : hi.start].strip():
                return True
    return False


def summary(region: Event, town: Event) -> bool:
    """A headline's 'kidnappings in Kherson Oblast' sums up the towns the article then names."""
    return (region.place.precision == "admin1" and town.place.precision == "place"
            and region.place.admin1_iso is not None and region.place.admin1_iso == town.place.admin1_iso
            and region.killed is None and region.injured is None
            and not any(k == "date" for k, _ in region.field_evidence))


def contains(p: Place, q: Place) -> bool:
    """One place is the region of the other."""
    pair = {p.precision, q.precision}
    return pair == {"admin1", "place"} and p.admin1_iso is not None and p.admin1_iso == q.admin1_iso


def merge_pair(a: Event, b: Event, text: str = "") -> Event:
    """Two accounts of one incident: the more specific type, the lowest figures, all evidence.

    The lowest figure wins only between figures given as numbers: 'a 13-year-old boy' among
    'at least 20 people injured' is one of them, not a lower count."""
    rank = {"strike": 0, "violence_against_civilians": 1, "clash": 2}
    etype = a.type
    if a.type != b.type and a.type in rank and b.type in rank:
        # a strike with a clash word in it stays a strike; casualties of direct violence stay that
        etype = min((a.type, b.type), key=lambda t: rank[t])

    def low(x, qx, y, qy):
        if x is None:
            return y, qy
        if y is None:
            return x, qx
        return (x, qx) if x <= y else (y, qy)

    def numeric(e: Event, field: str) -> bool:
        span = dict(e.field_evidence).get(field)
        return span is None or not text or figures.stated_number(text[span.start : span.end])

    def pick(field: str):
        x, y = getattr(a, field), getattr(b, field)
        qx, qy = getattr(a, field + "_qualifier"), getattr(b, field + "_qualifier")
        if x is not None and y is not None and numeric(a, field) != numeric(b, field):
            return (x, qx) if numeric(a, field) else (y, qy)
        return low(x, qx, y, qy)

    killed, kq = pick("killed")
    injured, iq = pick("injured")
    evidence = tuple(sorted(set(a.evidence) | set(b.evidence), key=lambda s: s.start))
    fe = dict(b.field_evidence)
    fe.update(dict(a.field_evidence))
    weapons = figures.merge_weapons(list(a.weapons) + list(b.weapons))
    participants = list(a.participants) + [p for p in b.participants if p not in a.participants]
    def stated(e: Event) -> bool:
        return any(k == "date" for k, _ in e.field_evidence)

    dated = b if (b.date and (not a.date or (stated(b) and not stated(a)))) else a
    place = a.place
    if a.place and b.place and a.place.precision == "admin1" and b.place.precision == "place":
        place = b.place
    return replace(
        a,
        place=place,
        type=etype,
        subtype=a.subtype or b.subtype,
        date=dated.date,
        date_precision=dated.date_precision,
        actor1=a.actor1 or b.actor1,
        actor2=a.actor2 or b.actor2,
        participants=tuple(participants),
        targets=tuple(dict.fromkeys(a.targets + b.targets)),
        killed=killed, killed_qualifier=kq, injured=injured, injured_qualifier=iq,
        weapons=weapons,
        source=a.source or b.source,
        status=a.status if a.status != "occurred" else b.status if b.status in ("unverified",) else a.status,
        evidence=evidence,
        field_evidence=tuple(sorted(fe.items())),
    )

