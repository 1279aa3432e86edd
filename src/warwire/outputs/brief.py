"""The daily situation report: a careful analyst's digest of one day's incidents.

Why it reads from incidents, not events: an incident already joins every account of one
strike, so the brief counts each strike once and can say "4 killed per the governor, 5 per
a news agency" instead of adding them up. It keeps what the sources keep apart: confirmed
figures and claims (a party speaking of its own gains or of enemy losses) are never summed
together, and every line cites the articles it rests on, numbered in a closing list.

A day's brief covers the incidents dated that day, plus those reported in articles
published that day about the day before (the overnight attack in the morning news) and
those scheduled ahead. Headline totals are sums of each incident's lowest confirmed figure,
hence "at least". The text is English; news text in it (names, titles) is escaped in HTML.
"""
from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from warwire.conflicts import Conflict
from warwire.geo.names import strip_type_word
from warwire.link.linker import incident_place, incident_reports
from warwire.link.records import Incident, Report

_WEAPON_WORDS = {"drone": ("drone", "drones"), "missile": ("missile", "missiles"),
                 "guided_bomb": ("guided bomb", "guided bombs"), "artillery": ("artillery shell", "artillery shells"),
                 "rocket": ("rocket", "rockets"), "aircraft": ("aircraft", "aircraft")}
_STRIKE_NOUN = {"drone": "Drone strike", "missile": "Missile strike", "air": "Air strike",
                "artillery": "Shelling", "mixed": "Combined missile and drone strike"}
_MEETING_NOUN = {"talks": "Talks", "call": "Phone call", "visit": "Visit"}
_AID_VERB = {"pledge": "pledged", "delivery": "delivered"}
_NATIONWIDE = "Nationwide or unspecified"


@dataclass(frozen=True, slots=True)
class _Block:
    """One piece of the document: a heading, a paragraph or a list item."""

    kind: str  # "h1", "h2", "h3", "p", "li"
    text: str
    cites: tuple[int, ...] = ()


def render_brief(day: date, incidents: Sequence[Incident], reports: Mapping[str, Report],
                 conflict: Conflict | None, fmt: str = "md") -> str:
    """The situation report for ``day`` as Markdown (``md``) or a standalone HTML page (``html``)."""
    if fmt not in ("md", "html"):
        raise ValueError(f"unknown brief format {fmt!r}: use md or html")
    chosen = [inc for inc in incidents if _on_day(inc, reports, day) and _in_conflict(inc, reports, conflict)]
    builder = _Builder(reports)
    blocks = builder.build(day, chosen, conflict)
    return _html(day, conflict, blocks) if fmt == "html" else _markdown(blocks)


# --- selection -----------------------------------------------------------------------------

def _on_day(incident: Incident, reports: Mapping[str, Report], day: date) -> bool:
    published = {r.published for r in incident_reports(incident, reports)}
    if incident.date_low is None:
        return day in published
    if incident.date_low <= day <= (incident.date_high or incident.date_low):
        return True
    return day in published and (incident.date_high or incident.date_low) >= day - timedelta(days=1)


def _in_conflict(incident: Incident, reports: Mapping[str, Report], conflict: Conflict | None) -> bool:
    if conflict is None:
        return True
    countries: set[str | None] = set()
    for report in incident_reports(incident, reports):
        event = report.event
        countries.add(event.place.country if event.place else None)
        countries.update(a.country for a in (event.actor1, event.actor2, *event.participants) if a)
    return bool(countries & set(conflict.countries))


# --- composition ---------------------------------------------------------------------------

class _Builder:
    """Turns incidents into blocks, numbering the articles cited as it goes."""

    def __init__(self, reports: Mapping[str, Report]) -> None:
        self.reports = reports
        self.numbers: dict[str, int] = {}
        self.articles: dict[str, Report] = {}

    def build(self, day: date, incidents: list[Incident], conflict: Conflict | None) -> list[_Block]:
        blocks = [_Block("h1", f"Situation report: {format_day(day)}")]
        if conflict is not None:
            if conflict.start is not None and day >= conflict.start:
                blocks.append(_Block("p", f"Day {(day - conflict.start).days + 1:,} of the {conflict.name}."))
            else:
                blocks.append(_Block("p", f"{conflict.name}."))
        if not incidents:
            blocks.append(_Block("p", "No incidents were recorded for this day."))
            return blocks
        articles = {r.event.article for inc in incidents for r in incident_reports(inc, self.reports)}
        blocks.append(_Block("p", f"Compiled from {len(incidents)} incidents in {len(articles)} articles. "
                                  "Figures are the lowest each source gave; claims are marked as claims."))
        by_type: dict[str, list[Incident]] = defaultdict(list)
        for inc in incidents:
            by_type[inc.type].append(inc)
        blocks += self._headline(incidents, by_type)
        blocks += self._strikes(by_type["strike"])
        blocks += self._section("Fighting and violence against civilians",
                                by_type["clash"] + by_type["violence_against_civilians"], self._fighting_line)
        blocks += self._section("Territorial changes", by_type["territory"], self._territory_line)
        blocks += self._section("Diplomacy, aid and sanctions",
                                by_type["meeting"] + by_type["agreement"] + by_type["aid"] + by_type["sanction"],
                                self._diplomacy_line)
        blocks += self._section("Protests", by_type["protest"], self._protest_line)
        blocks += self._sources()
        return blocks

    # citations

    def _cite(self, incident: Incident) -> tuple[int, ...]:
        numbers = []
        for report in incident_reports(incident, self.reports):
            article = report.event.article
            if article not in self.numbers:
                self.numbers[article] = len(self.numbers) + 1
                self.articles[article] = report
            numbers.append(self.numbers[article])
        return tuple(sorted(set(numbers)))

    def _per(self, reports: list[Report]) -> str:
        names = _unique(r.event.source.name for r in reports if r.event.source)
        return f" Per {'; '.join(names)}." if names else ""

    def _sources(self) -> list[_Block]:
        if not self.numbers:
            return []
        blocks = [_Block("h2", "Sources")]
        for article, number in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            report = self.articles[article]
            parts = [f"[{number}] {article}"]
            if report.article_title:
                parts.append(report.article_title)
            if report.published:
                parts.append(format_day(report.published))
            if report.article_url:
                parts.append(report.article_url)
            blocks.append(_Block("li", " — ".join(parts)))
        return blocks

    # headline figures

    def _headline(self, incidents: list[Incident], by_type: Mapping[str, list[Incident]]) -> list[_Block]:
        lines: list[_Block] = []
        confirmed: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for inc in incidents:
            if inc.killed_low is None and inc.injured_low is None:
                continue
            where = self._country_of(inc)
            confirmed[where][0] += inc.killed_low or 0
            confirmed[where][1] += inc.injured_low or 0
            confirmed[where][2] += 1
        for where, (killed, injured, count) in sorted(confirmed.items()):
            noun = "incident" if count == 1 else "incidents"
            if killed or injured:
                text = f"{where}: at least {killed} killed and {injured} injured in {count} {noun} (confirmed reports)."
            else:
                text = f"{where}: no casualties reported in {count} {noun} with figures."
            lines.append(_Block("li", text))
        for inc in incidents:
            for field in ("killed", "injured"):
                if getattr(inc, f"{field}_low") is None:
                    claimed = [f for f in inc.figures if f.field == field and f.status == "claimed"]
                    if claimed:
                        low = min(claimed, key=lambda f: f.value)
                        who = low.source or country_name(low.side) or "one side"
                        lines.append(_Block("li", f"Claim, unconfirmed: {who} says {low.value} {field} "
                                                  f"at {self._where(inc)}.", self._cite(inc)))
        lines += self._launches(by_type.get("strike", []))
        lines += self._downings(by_type.get("interception", []))
        return [_Block("h2", "Headline figures"), *lines] if lines else []

    def _launches(self, strikes: list[Incident]) -> list[_Block]:
        """Weapons launched per attacking side, from the widest-area reports that count them."""
        per_side: dict[tuple[str, str], list[tuple[Incident, dict[str, int], bool]]] = defaultdict(list)
        for inc in strikes:
            reps = incident_reports(inc, self.reports)
            counts = _weapon_counts(reps)
            if not counts:
                continue
            first = reps[0].event
            side = _party(first.actor1)
            target = _party(first.actor2)
            place = incident_place(inc, self.reports)
            wide = place is None or place.precision == "country"
            per_side[(side, target)].append((inc, counts, wide))
        lines = []
        for (side, target), items in sorted(per_side.items()):
            chosen = [item for item in items if item[2]] or items
            total: dict[str, int] = defaultdict(int)
            cites: set[int] = set()
            per = []
            for inc, counts, _ in chosen:
                for kind, n in counts.items():
                    total[kind] += n
                cites.update(self._cite(inc))
                per.append(self._per(incident_reports(inc, self.reports)).strip())
            at = f" at {target}" if target and target != side else ""
            text = f"{side} launched {_weapon_list(total)}{at}." + (" " + " ".join(_unique(p for p in per if p))
                                                                   if any(per) else "")
            lines.append(_Block("li", text.strip(), tuple(sorted(cites))))
        return lines

    def _downings(self, interceptions: list[Incident]) -> list[_Block]:
        lines = []
        for inc in interceptions:
            reps = incident_reports(inc, self.reports)
            counts = _weapon_counts(reps)
            side = _party(reps[0].event.actor1)
            what = _weapon_list(counts) if counts else "incoming weapons"
            claimed = all(r.event.status == "claimed" for r in reps)
            place = incident_place(inc, self.reports)
            if place is None:
                over = ""
            elif place.precision == "country":
                over = f" over {country_name(place.country) or place.name}"
            else:
                over = f" over {self._where(inc)}"
            if claimed:
                text = f"{side} says its air defences downed {what}{over} (claim)."
            else:
                text = f"{side}'s air defences downed {what}{over}."
            lines.append(_Block("li", text + self._per(reps), self._cite(inc)))
        return lines

    # strikes by region

    def _strikes(self, strikes: list[Incident]) -> list[_Block]:
        if not strikes:
            return []
        groups: dict[tuple[str, str], list[Incident]] = defaultdict(list)
        for inc in strikes:
            place = incident_place(inc, self.reports)
            country = country_name(place.country) if place and place.country else "Unlocated"
            if place is None or place.precision == "country":
                region = _NATIONWIDE
            else:
                region = admin1_name(place.admin1_iso) or "Region not given"
            groups[(country or "Unlocated", region)].append(inc)
        blocks = [_Block("h2", "Strikes by region")]
        for (country, region), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] != _NATIONWIDE,
                                                                            kv[0][1])):
            blocks.append(_Block("h3", f"{region} ({country})" if region != country else region))
            items.sort(key=lambda i: (-(i.killed_low or 0), -(i.injured_low or 0), i.id))
            blocks += [_Block("li", self._strike_line(inc), self._cite(inc)) for inc in items]
        return blocks

    def _strike_line(self, incident: Incident) -> str:
        reps = incident_reports(incident, self.reports)
        first = reps[0].event
        subtype = _most_common(r.event.subtype for r in reps)
        noun = _STRIKE_NOUN.get(subtype or "", "Strike")
        by = f" by {_party(first.actor1)}" if first.actor1 else ""
        text = f"{_sentence(self._where(incident))}: {noun}{by}."
        counts = _weapon_counts(reps)
        if counts:
            text += f" {_weapon_list(counts).capitalize()} reported."
        text += _casualties(incident)
        targets = _unique(t for r in reps for t in r.event.targets)
        if targets:
            text += f" Hit: {', '.join(targets)}."
        return text + self._per(reps)

    # other sections

    def _section(self, title: str, incidents: list[Incident], line) -> list[_Block]:
        if not incidents:
            return []
        incidents = sorted(incidents, key=lambda i: (i.date_low or date.max, i.id))
        return [_Block("h2", title), *[_Block("li", line(inc), self._cite(inc)) for inc in incidents]]

    def _fighting_line(self, incident: Incident) -> str:
        reps = incident_reports(incident, self.reports)
        first = reps[0].event
        if incident.type == "clash":
            sides = " and ".join(_unique(_party(a) for a in (first.actor1, first.actor2) if a))
            text = f"{_sentence(self._where(incident))}: fighting" + (f" between {sides}" if sides else "") + "."
        else:
            by = f" by {_party(first.actor1)}" if first.actor1 else ""
            text = f"{_sentence(self._where(incident))}: violence against civilians{by}."
        if all(r.event.status == "claimed" for r in reps):
            text += " Claimed, not confirmed."
        return text + _casualties(incident) + self._per(reps)

    def _territory_line(self, incident: Incident) -> str:
        reps = incident_reports(incident, self.reports)
        first = reps[0].event
        taker = _party(first.actor1) if first.actor1 else "an unnamed side"
        loser = f" from {_party(first.actor2)}" if first.actor2 and _party(first.actor2) != taker else ""
        where = self._where(incident)
        claims = [r for r in reps if r.event.status == "claimed"]
        if len(claims) == len(reps):
            who = "; ".join(_unique(_claimant(r) for r in claims))
            subject = "it" if who == taker else taker
            return f"Claim: {who} says {subject} captured {where}{loser}. Not independently confirmed."
        text = f"{_sentence(where)}: taken by {taker}{loser}."
        if claims:
            text += f" Also claimed by {'; '.join(_unique(_claimant(r) for r in claims))}."
        return text + self._per([r for r in reps if r.event.status != "claimed"])

    def _diplomacy_line(self, incident: Incident) -> str:
        reps = incident_reports(incident, self.reports)
        first = reps[0].event
        planned = all(r.event.status == "planned" for r in reps)
        when = f" on {format_day(incident.date_low)}" if incident.date_low else ""
        place = incident_place(incident, self.reports)
        at = f" in {place.name}" if place is not None and place.precision != "country" else ""
        if incident.type in ("meeting", "agreement"):
            names = _unique(a.name for r in reps for a in (*r.event.participants, r.event.actor1, r.event.actor2) if a)
            who = _join(names[:6])
            if incident.type == "agreement":
                text = f"Agreement{at}" + (f" between {who}" if who else "") + f"{when}."
            else:
                noun = _MEETING_NOUN.get(_most_common(r.event.subtype for r in reps) or "", "Meeting")
                text = f"{noun}{at}{when}" + (f": {who}" if who else "") + "."
        elif incident.type == "aid":
            verb = "pledged" if planned else _AID_VERB.get(first.subtype or "", "provided")
            giver = _party(first.actor1) if first.actor1 else "A donor"
            to = f" to {_party(first.actor2)}" if first.actor2 else ""
            kinds = _unique(t for r in reps for t in r.event.targets)
            text = f"{giver} {verb} {' and '.join(kinds) + ' ' if kinds else ''}aid{to}{when}."
        else:
            giver = _party(first.actor1) if first.actor1 else "A government"
            on = f" on {_party(first.actor2)}" if first.actor2 else ""
            text = f"{giver} imposed sanctions{on}{when}."
        if planned and incident.type != "aid":
            text += " Scheduled, not yet held."
        return text + self._per(reps)

    def _protest_line(self, incident: Incident) -> str:
        reps = incident_reports(incident, self.reports)
        return f"Protest in {self._where(incident)}." + self._per(reps)

    # places

    def _where(self, incident: Incident) -> str:
        place = incident_place(incident, self.reports)
        if place is None:
            return "an unnamed place"
        if place.precision == "admin1":
            return admin1_name(place.admin1_iso) or f"{place.name} region"
        if place.precision == "country":
            return "across " + (country_name(place.country) or place.name)
        region = admin1_name(place.admin1_iso)
        return f"{place.name} ({region})" if region else place.name

    def _country_of(self, incident: Incident) -> str:
        place = incident_place(incident, self.reports)
        return (country_name(place.country) if place and place.country else None) or "Unlocated"


# --- names (shared with the ACLED and GeoJSON writers) -----------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
#: codes the gazetteer has no country for
_SPECIAL_NAMES = {"EU": "European Union"}


def format_day(day: date) -> str:
    """"6 December 2025", the same in any locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@lru_cache(maxsize=4096)
def country_name(code: str | None) -> str | None:
    """The gazetteer's name of an ISO 3166-1 alpha-2 code ("UA" -> "Ukraine")."""
    if not code:
        return None
    if code in _SPECIAL_NAMES:
        return _SPECIAL_NAMES[code]
    entry = _gazetteer().country(code)
    return entry.name if entry else code


@lru_cache(maxsize=4096)
def admin1_name(iso: str | None, bare: bool = False) -> str | None:
    """The name of an ISO 3166-2 region ("UA-63" -> "Kharkiv Oblast"; bare: "Kharkiv")."""
    if not iso:
        return None
    entry = _gazetteer().admin1(iso)
    if entry is None:
        return None
    return strip_type_word(entry.name).strip() or entry.name if bare else entry.name


def _gazetteer():
    from warwire.geo.gazetteer import Gazetteer

    return Gazetteer.default()


# --- wording helpers -----------------------------------------------------------------------

def _casualties(incident: Incident) -> str:
    parts = []
    for field in ("killed", "injured"):
        confirmed = [f for f in incident.figures if f.field == field and f.status == "occurred"]
        claimed = [f for f in incident.figures if f.field == field and f.status != "occurred"]
        low, high = getattr(incident, f"{field}_low"), getattr(incident, f"{field}_high")
        if confirmed and high == 0 and field == "killed" and incident.injured_high == 0:
            parts.append("no casualties reported")
        elif confirmed and high == 0 and field == "injured" and incident.killed_high == 0:
            pass
        elif confirmed:
            values = {f.value for f in confirmed}
            if len(values) == 1:
                lead = "at least " if all(f.qualifier in ("at_least", "more_than") for f in confirmed) else ""
                parts.append(f"{lead}{low} {field}")
            else:
                per = ", ".join(f"{f.value} per {f.source or 'an unnamed source'}" for f in confirmed)
                parts.append(f"{low}–{high} {field} ({per})")
        for fig in claimed:
            who = fig.source or country_name(fig.side) or "one side"
            parts.append(f"{fig.value} {field} claimed by {who}")
    return (" " + _sentence(", ".join(parts)) + ".") if parts else ""


def _weapon_counts(reports: list[Report]) -> dict[str, int]:
    """Per weapon kind, the lowest count any report gives (confirmed reports first)."""
    ordered = [r for r in reports if r.event.status == "occurred"] or reports
    counts: dict[str, int] = {}
    for report in ordered:
        for weapon in report.event.weapons:
            if weapon.count is not None:
                counts[weapon.kind] = min(counts.get(weapon.kind, weapon.count), weapon.count)
    return counts


def _weapon_list(counts: Mapping[str, int]) -> str:
    parts = []
    for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        one, many = _WEAPON_WORDS.get(kind, (kind, kind + "s"))
        parts.append(f"{n:,} {one if n == 1 else many}")
    return _join(parts)


def _party(actor) -> str:
    if actor is None:
        return "an unnamed side"
    name = country_name(actor.country) if actor.country else None
    return name or actor.name


def _claimant(report: Report) -> str:
    source = report.event.source
    if source is not None:
        return source.name
    return _party(report.event.actor1)


def _most_common(values) -> str | None:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _unique(values) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return list(seen)


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- rendering -----------------------------------------------------------------------------

def _cites(block: _Block) -> str:
    return " " + "".join(f"[{n}]" for n in block.cites) if block.cites else ""


def _markdown(blocks: list[_Block]) -> str:
    out: list[str] = []
    previous = ""
    for block in blocks:
        if block.kind != "li" and previous == "li" or block.kind in ("h1", "h2", "h3", "p") and out:
            out.append("")
        prefix = {"h1": "# ", "h2": "## ", "h3": "### ", "li": "- "}.get(block.kind, "")
        out.append(prefix + block.text + _cites(block))
        previous = block.kind
    return "\n".join(out).replace("\n\n\n", "\n\n") + "\n"


def _html(day: date, conflict: Conflict | None, blocks: list[_Block]) -> str:
    title = f"Situation report: {format_day(day)}" + (f" — {conflict.name}" if conflict else "")
    body: list[str] = []
    in_list = False
    for block in blocks:
        if block.kind == "li" and not in_list:
            body.append("<ul>")
            in_list = True
        elif block.kind != "li" and in_list:
            body.append("</ul>")
            in_list = False
        text = html.escape(block.text) + html.escape(_cites(block))
        tag = block.kind if block.kind in ("h1", "h2", "h3", "p", "li") else "p"
        body.append(f"<{tag}>{text}</{tag}>")
    if in_list:
        body.append("</ul>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n"
            "<style>body{font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;line-height:1.45}"
            "h2{border-bottom:1px solid #ccc}li{margin:.3em 0}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
