"""Linking: the reports of one real-world incident, across articles, become one incident.

Why this shape. News tells one incident many times: two agencies report the same strike
with different tolls, a ministry claims what the other side confirms, a region-level line
("in the Odesa region") repeats a town-level one. The linker merges such reports and keeps
every source's figure (never averaged), so that counts are not inflated by repetition.

How. Reports are sorted by a stable key (date, article id, report id) so any input order
gives the same incidents; the incident's id derives from its first report in that order.
Two passes, both bucketed so that 100,000 reports link in seconds:

1. *Same place.* A report joins the first earlier cluster of its bucket (same link key,
   same country, same place level) that it is compatible with in full: with every member
   (complete linkage, so no chains of "A like B like C" drift across a region). Compatible
   means: the same place (same gazetteer record, points within ~10 km, or the same
   normalised name), dates within the precision window (day ±1, week ±7, month ±31; a
   missing date fits any), and actors whose countries do not contradict.
2. *Containment.* A cluster known only at region, country or no place joins a finer
   cluster the region or country contains, if exactly one such cluster fits and the two
   share no article (an article that names a barrage and each struck town told them as
   distinct events on purpose, see ANNOTATION.md). Ambiguous ones stay apart.

Diplomacy, aid and sanctions link by parties rather than place: overlapping participant
countries (two in common when both name two or more), a compatible or missing place.

Violent types link by type, not by their shared family: a strike and a clash in one town
on one day are two incidents more often than one. Other types link by their family.

Figures: each report's killed and injured become a :class:`Figure` with its source and
status. The incident's low/best/high use confirmed (``occurred``) figures only: low the
smallest (ACLED's conservative figure), high the largest, best the lower median of the
reported figures: always a figure some source gave, never an average. Claimed figures stay
in ``figures`` with status ``claimed``; where no confirmed figure exists the estimates are
None.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from warwire.events.kinds import DIPLOMATIC, FAMILY, VIOLENT
from warwire.geo.gazetteer import distance_km, normalize
from warwire.link.records import Figure, Incident, Report
from warwire.models import Place

#: days either side that still count as the same date, by precision
WINDOW = {"day": 1, "week": 7, "month": 31}
#: two points nearer than this are one place
SAME_POINT_KM = 10.0
#: grid cell (degrees) of the point index
_CELL = 0.1
_LEVEL = {"place": 0, "admin1": 1, "country": 2}
_NO_PLACE = 3
_NO_DATE = date.max
#: status order for an incident's overall status
_STATUS_RANK = {"occurred": 0, "claimed": 1, "unverified": 2, "planned": 3}
_STATUS_NAME = {"occurred": "confirmed", "claimed": "claimed", "unverified": "unverified", "planned": "planned"}


def order_key(report: Report) -> tuple[date, str, str]:
    """The stable order of reports: event date (else publication date), article, id."""
    return (_anchor(report), report.event.article, report.id)


def link_reports(reports: Sequence[Report]) -> list[Incident]:
    """The incidents of ``reports``, in stable order; the same for any order of the input."""
    unique = {r.id: r for r in reports}
    ordered = sorted(unique.values(), key=order_key)
    clusters = _cluster_by_place(ordered)
    clusters = _attach_contained(clusters)
    incidents = [_incident(c.members) for c in clusters if c.alive]
    incidents.sort(key=lambda inc: order_key(unique[inc.report_ids[0]]))
    return incidents


# --- views for the outputs -----------------------------------------------------------------

def incident_reports(incident: Incident, reports: Mapping[str, Report]) -> list[Report]:
    """The incident's reports that ``reports`` holds, in the incident's (stable) order."""
    return [reports[rid] for rid in incident.report_ids if rid in reports]


def incident_place(incident: Incident, reports: Mapping[str, Report]) -> Place | None:
    """The finest place any report gives (a town over its region over its country)."""
    places = [r.event.place for r in incident_reports(incident, reports) if r.event.place]
    if not places:
        return None
    return min(places, key=lambda p: (_LEVEL.get(p.precision, 2), p.lat is None))


def incident_status(incident: Incident, reports: Mapping[str, Report]) -> str:
    """``confirmed`` if any report tells it as fact, else ``claimed``, ``unverified`` or ``planned``."""
    statuses = [r.event.status for r in incident_reports(incident, reports)]
    if not statuses:
        return "confirmed"
    best = min(statuses, key=lambda s: _STATUS_RANK.get(s, 9))
    return _STATUS_NAME.get(best, best)


# --- pass 1: same place --------------------------------------------------------------------

@dataclass(slots=True)
class _Cluster:
    index: int
    key: str
    level: int
    #: the place of the report that founded the cluster (all members share its level)
    place: Place | None = None
    members: list[Report] = field(default_factory=list)
    first: date = _NO_DATE
    last: date = _NO_DATE
    alive: bool = True

    def add(self, report: Report) -> None:
        anchor = _anchor(report)
        if not self.members:
            self.first = self.last = anchor
        else:
            self.first, self.last = min(self.first, anchor), max(self.last, anchor)
        self.members.append(report)

    def articles(self) -> set[str]:
        return {m.event.article for m in self.members}


def _cluster_by_place(ordered: list[Report]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    buckets: dict[tuple, _Bucket] = defaultdict(_Bucket)
    homes: list[list[_Bucket]] = []  # per cluster, the buckets it is filed in
    for report in ordered:
        key = link_key(report.event.type)
        place = report.event.place
        level = _level(place)
        if _by_parties(report.event.type):
            home = [buckets[(key,)]]
            search = home
        else:
            country = place.country if place else None
            home = [buckets[(key, country, level, _name(place))]]
            search = list(home)
            cells = _cells(place) if level == 0 else []
            if cells:
                home.append(buckets[(key, country, *cells[0])])
                near = (buckets.get((key, country, *cell)) for cell in _neighbours(cells[0], place.lat or 0.0))
                search += [bucket for bucket in near if bucket is not None]
        candidates: set[int] = set()
        for bucket in search:
            candidates.update(bucket.candidates(report))
        chosen = None
        for index in sorted(candidates):
            cluster = clusters[index]
            if all(_compatible(report, member) for member in cluster.members):
                chosen = cluster
                break
        if chosen is None:
            chosen = _Cluster(len(clusters), key, level, place)
            clusters.append(chosen)
            homes.append(home)
        chosen.add(report)
        for bucket in homes[chosen.index]:
            bucket.add(chosen.index, report)
    return clusters


@dataclass(slots=True)
class _Bucket:
    """The clusters filed under one key, found by the days of their members."""

    #: day ordinal -> clusters with a day-precision member dated then
    days: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    #: (day ordinal, cluster) for members of week or month precision or with no date of their own
    wide: list[tuple[int, int]] = field(default_factory=list)
    #: clusters of reports with neither an event date nor a publication date
    undated: list[int] = field(default_factory=list)

    def add(self, index: int, report: Report) -> None:
        anchor = _anchor(report)
        if anchor == _NO_DATE:
            self.undated.append(index)
        elif _window(report) > 1:
            self.wide.append((anchor.toordinal(), index))
        else:
            self.days[anchor.toordinal()].append(index)

    def candidates(self, report: Report) -> set[int]:
        """Clusters with a member that may be dated compatibly with ``report``."""
        anchor = _anchor(report)
        if anchor == _NO_DATE:
            return set(self.undated)
        day, window = anchor.toordinal(), _window(report)
        found: set[int] = set()
        for other in range(day - window, day + window + 1):
            found.update(self.days.get(other, ()))
        for when, index in reversed(self.wide):
            if when < day - 2 * WINDOW["month"]:
                break
            found.add(index)
        return found


# --- pass 2: a region or country that contains the place ------------------------------------

def _attach_contained(clusters: list[_Cluster]) -> list[_Cluster]:
    """Coarse clusters join the one finer cluster they contain, if exactly one fits."""
    index: dict[tuple, list[int]] = defaultdict(list)
    for cluster in clusters:
        if cluster.level < _NO_PLACE and not _by_parties(cluster.members[0].event.type):
            _register(index, cluster, cluster)
    for level in (1, 2, _NO_PLACE):
        for coarse in clusters:
            if not coarse.alive or coarse.level != level or _by_parties(coarse.members[0].event.type):
                continue
            target = _unique_target(coarse, clusters, index)
            if target is not None:
                for member in coarse.members:
                    target.add(member)
                target.members.sort(key=order_key)
                coarse.alive = False
                _register(index, target, coarse)
    return clusters


def _container_keys(place: Place | None) -> list[tuple]:
    """The keys under which a finer place is found by the regions that contain it."""
    if place is None:
        return []
    level = _level(place)
    keys: list[tuple] = [("any",)]
    if level <= 1 and place.country:
        keys.append(("cc", place.country))
    if level == 0 and place.admin1_iso:
        keys.append(("a1", place.admin1_iso))
    return keys


def _register(index: dict[tuple, list[int]], target: _Cluster, source: _Cluster) -> None:
    """Index ``target`` under the days and containers of ``source``'s members."""
    for member in source.members:
        anchor = _anchor(member)
        if anchor == _NO_DATE:
            continue
        for ckey in _container_keys(target.place):
            index[(target.key, ckey, anchor)].append(target.index)


def _unique_target(coarse: _Cluster, clusters: list[_Cluster], index: dict[tuple, list[int]]) -> _Cluster | None:
    if coarse.first == _NO_DATE:
        return None
    place = coarse.place
    if place is None:
        ckey: tuple = ("any",)
    elif coarse.level == 1:
        if not place.admin1_iso:
            return None
        ckey = ("a1", place.admin1_iso)
    else:
        if not place.country:
            return None
        ckey = ("cc", place.country)
    span = max(_window(m) for m in coarse.members)
    day, end = coarse.first - timedelta(days=span), coarse.last + timedelta(days=span)
    seen: set[int] = set()
    while day <= end:
        seen.update(index.get((coarse.key, ckey, day), ()))
        day += timedelta(days=1)
    articles = coarse.articles()
    fits = []
    for i in sorted(seen):
        target = clusters[i]
        if not target.alive or target.level >= coarse.level or target.articles() & articles:
            continue
        if all(_compatible_dates_actors(a, b) for a in coarse.members for b in target.members):
            fits.append(target)
            if len(fits) > 1:
                return None
    return fits[0] if fits else None


# --- compatibility -------------------------------------------------------------------------

def link_key(event_type: str) -> str:
    """Violent types link by their own type; the others by their family."""
    if event_type in VIOLENT:
        return event_type
    return FAMILY.get(event_type, event_type)


def _by_parties(event_type: str) -> bool:
    return event_type in DIPLOMATIC


def _compatible(a: Report, b: Report) -> bool:
    if not _compatible_dates_actors(a, b):
        return False
    if _by_parties(a.event.type):
        return _places_fit(a.event.place, b.event.place) and _parties_fit(a, b)
    return _same_place(a.event.place, b.event.place)


def _compatible_dates_actors(a: Report, b: Report) -> bool:
    ea, eb = a.event, b.event
    if ea.date and eb.date and abs((ea.date - eb.date).days) > max(_window(a), _window(b)):
        return False
    if ea.type in ("meeting", "agreement"):
        return True
    for x, y in ((ea.actor1, eb.actor1), (ea.actor2, eb.actor2)):
        if x and y and x.country and y.country and x.country != y.country:
            return False
    return True


def _parties_fit(a: Report, b: Report) -> bool:
    pa, pb = _parties(a), _parties(b)
    if not pa or not pb:
        return True
    return len(pa & pb) >= min(2, len(pa), len(pb))


def _parties(report: Report) -> set[str]:
    event = report.event
    actors = [*event.participants, event.actor1, event.actor2]
    return {a.country for a in actors if a is not None and a.country}


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a.country != b.country or _level(a) != _level(b):
        return False
    if a.ref and a.ref == b.ref:
        return True
    if _level(a) == 2:
        return True
    if _level(a) == 1:
        if a.admin1_iso and b.admin1_iso:
            return a.admin1_iso == b.admin1_iso
        return _name(a) == _name(b)
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        return distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_POINT_KM
    if a.admin1_iso and b.admin1_iso and a.admin1_iso != b.admin1_iso:
        return False
    return _name(a) == _name(b)


def _places_fit(a: Place | None, b: Place | None) -> bool:
    """For party-linked types: a missing place fits; else the same place or one contains the other."""
    if a is None or b is None:
        return True
    if _same_place(a, b):
        return True
    if a.country != b.country:
        return False
    coarse, fine = (a, b) if _level(a) > _level(b) else (b, a)
    if _level(coarse) == 2:
        return True
    return _level(coarse) == 1 and bool(coarse.admin1_iso) and coarse.admin1_iso == fine.admin1_iso


# --- the incident record -------------------------------------------------------------------

def _incident(members: list[Report]) -> Incident:
    members = sorted(members, key=order_key)
    first = members[0]
    counts = Counter(m.event.type for m in members)
    top = max(counts.values())
    event_type = next(m.event.type for m in members if counts[m.event.type] == top)
    dates = [m.event.date for m in members if m.event.date]
    figures = tuple(fig for m in members for fig in _figures(m))
    killed = _estimates([f.value for f in figures if f.field == "killed" and f.status == "occurred"])
    injured = _estimates([f.value for f in figures if f.field == "injured" and f.status == "occurred"])
    return Incident(
        id=incident_id(first.id),
        type=event_type,
        family=FAMILY.get(event_type, event_type),
        report_ids=tuple(m.id for m in members),
        date_low=min(dates) if dates else None,
        date_high=max(dates) if dates else None,
        figures=figures,
        killed_low=killed[0], killed_best=killed[1], killed_high=killed[2],
        injured_low=injured[0], injured_best=injured[1], injured_high=injured[2],
    )


def incident_id(first_report_id: str) -> str:
    """``i_`` and the hash part of the first report's id (``r_3fa2…`` -> ``i_3fa2…``)."""
    if first_report_id.startswith("r_"):
        return "i_" + first_report_id[2:]
    return "i_" + hashlib.sha1(first_report_id.encode("utf-8")).hexdigest()[:16]


def _figures(report: Report) -> list[Figure]:
    event = report.event
    source = event.source.name if event.source else None
    side = event.source.side if event.source else None
    out = []
    for name, value, qualifier in (("killed", event.killed, event.killed_qualifier),
                                   ("injured", event.injured, event.injured_qualifier)):
        if value is not None:
            out.append(Figure(name, value, qualifier or "exact", source, side, report.id, event.status))
    return out


def _estimates(values: list[int]) -> tuple[int | None, int | None, int | None]:
    """(low, best, high): min, lower median, max; all reported figures, never averaged."""
    if not values:
        return None, None, None
    ordered = sorted(values)
    return ordered[0], ordered[(len(ordered) - 1) // 2], ordered[-1]


# --- small helpers -------------------------------------------------------------------------

def _anchor(report: Report) -> date:
    return report.event.date or report.published or _NO_DATE


def _window(report: Report) -> int:
    return WINDOW.get(report.event.date_precision or "day", 1) if report.event.date else 31


def _level(place: Place | None) -> int:
    return _NO_PLACE if place is None else _LEVEL.get(place.precision, 0)


def _name(place: Place | None) -> str:
    return normalize(place.name) if place else ""


def _cells(place: Place | None) -> list[tuple[int, int]]:
    if place is None or place.lat is None or place.lon is None:
        return []
    return [(int(place.lat // _CELL), int(place.lon // _CELL))]


def _neighbours(cell: tuple[int, int], lat_deg: float) -> list[tuple[int, int]]:
    """The cells within SAME_POINT_KM of any point of ``cell`` (wider in longitude nearer the poles)."""
    lat, lon = cell
    width_km = 111.2 * _CELL * max(0.1, math.cos(math.radians(min(abs(lat_deg) + _CELL, 89.0))))
    reach = math.ceil(SAME_POINT_KM / width_km)
    return [(lat + dy, lon + dx) for dy in (-1, 0, 1) for dx in range(-reach, reach + 1)]


__all__ = ["incident_id", "incident_place", "incident_reports", "incident_status", "link_key",
           "link_reports", "order_key"]
