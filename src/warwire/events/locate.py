"""Where an event happened: the place mentions of its sentence, resolved in context.

Not every place in a sentence is where the event happened: "Russia launched drones" names
an actor, "launched from Kursk region" an origin, "800 km east of the border" a distance,
"Kharkiv Mayor Ihor Terekhov said" a speaker. What remains is resolved with the article's
regions and countries as hints, and a region that contains a named town gives way to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from warwire.events.conflicts import Conflict, opponent_of
from warwire.geo.gazetteer import Gazetteer, GazetteerEntry
from warwire.geo.resolve import resolve
from warwire.models import Actor, Place, Span
from warwire.nlp.actors import demonym_country
from warwire.nlp.lexicon import load
from warwire.nlp.places import PlaceMention
from warwire.nlp.text import doc_text

_MEASURE_WORDS = ("km", "kilomet", "mile", "metre", "meter")
_DATELINE_PLACES = re.compile(r"^[A-Z][A-Z .'/-]*(,|\s+--|\s+—|\s+-)")


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What the whole article says about where it is: regions and countries it names."""

    admin1: frozenset[str]
    countries: frozenset[str]
    war_countries: tuple[str, ...]
    #: the country the article is mostly about, for places the gazetteer lacks
    main_country: str | None = None
    #: whether the article names any place at all
    places_known: bool = False


class Locator:
    def __init__(self, gazetteer: Gazetteer, lang: str = "en") -> None:
        self.gazetteer = gazetteer
        words = load(lang, "places_nlp")
        self.location_preps = set(words["location_prepositions"])
        self.origin_preps = set(words["origin_prepositions"])
        self.landmarks = words["landmarks"]
        self.locator_words = set(words["locator_words"])
        self.settlement_nouns = set(words["settlement_nouns"])
        self.lang = lang
        self.country_nouns = re.compile(r"\b([A-Z][a-z]+) (?:" + "|".join(map(re.escape, words["country_nouns"])) + r")\b")
        self.region_words = set(words["region_words"])
        self.media_words = set(words["media_words"])
        self.institution_words = set(words["institution_words"])
        self.comparison_words = tuple(words["comparison_words"])

    def context(self, places: tuple[PlaceMention, ...], wars: list[Conflict]) -> PlaceContext:
        admin1, countries = set(), set()
        for p in places:
            kinds = p.kinds
            if p.region or kinds == {"admin1"}:
                for c in p.candidates:
                    if c.kind == "admin1" and c.admin1_iso:
                        admin1.add(c.admin1_iso)
            for c in p.candidates:
                if c.kind == "country" and c.country:
                    countries.add(c.country)
        war_countries = tuple(c for w in wars[:1] for c in w.countries)
        counts: dict[str, int] = {}
        for p in places:
            first = p.candidates[0] if p.candidates else None
            if first and first.country:
                counts[first.country] = counts.get(first.country, 0) + 1
        main = max(counts, key=lambda c: (c in war_countries, counts[c])) if counts else (
            war_countries[0] if war_countries else None)
        return PlaceContext(frozenset(admin1), frozenset(countries) | frozenset(war_countries), war_countries, main,
                            bool(places))

    def places_in(self, mentions: list[PlaceMention], actors, etype: str, doc: Doc, ctx: PlaceContext,
                  attributions, include_spoken: bool = False) -> list[tuple[Place, Span]]:
        """The places where the event of this sentence happened, most specific first.

        A sentence is asked again for each event type and for each later sentence that
        joins it; the answer is kept for the document (in its ``user_data``)."""
        if not mentions:
            return []
        memo = doc.user_data.setdefault("warwire.places_in", {})
        key = (mentions[0].start, mentions[-1].end, etype, include_spoken)
        if key not in memo:
            memo[key] = self._places_in(mentions, actors, etype, doc, ctx, attributions, include_spoken)
        return list(memo[key])

    def _places_in(self, mentions, actors, etype: str, doc: Doc, ctx: PlaceContext,
                   attributions, include_spoken: bool) -> list[tuple[Place, Span]]:
        text = doc_text(doc)
        kept: list[PlaceMention] = []
        for p in mentions:
            if p.before in self.origin_preps and etype in ("strike", "interception"):
                continue
            lead_in = text[max(0, p.start - 25) : p.start].lower().split()
            if any(w in lead_in[-4:] for w in ("from", "fled", "fleeing", "escaped")) and etype != "territory" or (
                    p.before == "to" and "from" in text[max(0, p.start - 60) : p.start].lower().split()):
                continue  # a route: "travelling from the town of Gao to Mopti"
            lead = text[max(0, p.start - 30) : p.start]
            lead_words = lead.split()
            if len(lead_words) >= 2 and lead_words[-1] == "of" and lead_words[-2] in self.institution_words:
                continue  # "the Episcopal Diocese of Jerusalem": an institution's name
            if len(mentions) > 1 and any(lead.lower().rstrip().endswith(w) for w in self.comparison_words):
                continue  # "the Oryol region, which is closer to Moscow": a bearing, not a place
            following = text[p.end : p.end + 20].lower().split()
            if following and following[0].strip(".,") in self.media_words or (
                    len(following) > 1 and following[0] == "city" and following[1].strip(".,") in self.media_words):
                continue  # "Kiev city television": a broadcaster's name
            line_start = text.rfind("\n", 0, p.start) + 1
            if p.text.isupper() and _DATELINE_PLACES.match(text[line_start : p.end + 2]):
                continue  # a dateline: "BANGKOK --", "GAZA/CAIRO, July 20" says where the reporter was
            # a country or capital used as a party ("Russia launched", "Kyiv said") is an actor
            is_country = any(c.kind == "country" for c in p.candidates)
            prep = p.before
            if prep == "the":  # "across the Gaza Strip"
                words_before = text[max(0, p.start - 30) : p.start].lower().split()
                prep = words_before[-2] if len(words_before) > 1 else ""
            if is_country and prep not in self.location_preps and etype not in ("meeting",):
                continue
            if is_country and etype == "meeting" and prep not in ("in", "to", "at"):
                continue
            window = text[max(0, p.start - 40) : p.start].lower()
            if any(w in window for w in _MEASURE_WORDS) and any(ch.isdigit() for ch in window):
                continue
            if any(a.start <= p.start < a.end and a.kind not in ("state", "local_official") for a in actors):
                continue
            # a capital or country used as a party: "Moscow shunned", "backed by Kyiv"
            if any(a.start <= p.start < a.end and a.kind == "state" for a in actors) and self.used_as_party(p, doc):
                continue
            # where the speaker is: "Meanwhile, in Moscow, the defence ministry said ..."
            opening = len(text[doc[p.token_start].sent.start_char : p.start].split()) <= 3
            if opening and etype not in ("meeting", "agreement", "aid", "sanction") and text[p.end : p.end + 1] == "," \
                    and any(p.end < att.start <= p.end + 40 for att in attributions):
                continue
            kept.append(p)
        # a speaker's title ("Kharkiv Mayor Ihor Terekhov said") is a place only if nothing else is
        spoken = [p for p in kept if any(att.start <= p.start < att.end for att in attributions)]
        if spoken and (len(spoken) < len(kept) or not include_spoken):
            kept = [p for p in kept if p not in spoken]
        kept, hints_of = self.locators(kept, text)
        sentence_admin1 = {c.admin1_iso for p in kept if p.region for c in p.candidates if c.kind == "admin1"}
        hints = set(sentence_admin1) | set(ctx.admin1)  # for the second pass, below
        resolved: list[tuple[GazetteerEntry, PlaceMention]] = []
        near: list[GazetteerEntry] = []
        unknown: list[tuple[Place, Span]] = []
        for p in kept:
            own_admin1, own_near = hints_of.get(p.start, (set(), []))
            entry = None
            if p.candidates:
                name = p.text
                if p.region and not any(w in name.lower().split() for w in self.region_words):
                    name += " region"  # one of "the Kyiv, Lviv and Odesa regions"
                local = own_admin1 or set(sentence_admin1)
                entry = resolve(name, self.gazetteer, admin1_hints=local, country_hints=ctx.countries,
                                near=own_near or near)
                if not local and (entry is None or entry.population < 20000) and ctx.admin1:
                    # a small place with namesakes: the regions the article names decide; a town
                    # (Kostiantynivka, 67,000 people) stays itself whatever other regions it names
                    entry = resolve(name, self.gazetteer, admin1_hints=ctx.admin1, country_hints=ctx.countries,
                                    near=own_near or near) or entry
                if entry is not None and entry.name.lower() != p.text.lower():
                    # "Pokrovsk" is the town of that name before the one that once bore it (Engels)
                    exact = [c for c in p.candidates if c.name.lower() == p.text.lower() and c.kind == entry.kind
                             and c.country in ctx.countries]
                    if exact:
                        entry = max(exact, key=lambda c: c.population)
                if entry is not None and entry.kind == "district" and p.region and not any(
                        w in name.lower() for w in ("district", "raion", "township", "county")):
                    # "the Kharkiv region" is the oblast, not the raion named after its capital
                    entry = next((c for c in p.candidates if c.kind == "admin1"), entry)
            if entry is not None and entry.kind == "settlement" and entry.country not in ctx.countries and (
                    entry.population < 20000):
                entry = None  # a village abroad that happens to share the name
                if not self.is_said_place(p, text):
                    continue
            if entry is None:
                if p.candidates and not self.is_said_place(p, text):
                    continue
                regions_here = {c.admin1_iso for q in kept for c in q.candidates if c.kind == "admin1"}
                place = self.unknown_place(p, own_admin1 or set(sentence_admin1) or regions_here, ctx)
                if place is not None:
                    unknown.append((place, Span(p.start, p.end)))
                continue
            resolved.append((entry, p))
            if entry.kind in ("settlement", "district"):
                near.append(entry)
        # a second pass: each town again, now near the others the sentence names
        # ("Pokrovsk, Kostiantynivka and Huliaipole": the Pokrovsk of Donetsk, not Engels)
        if len(near) > 1:
            again = []
            for entry, p in resolved:
                if entry.kind == "settlement" and len(p.candidates) > 1 and (
                        entry.population < 20000 or entry.name != p.text):  # a namesake, or an old name
                    others = [e for e in near if e.ref != entry.ref]
                    entry = resolve(p.text, self.gazetteer, admin1_hints=hints, country_hints=ctx.countries,
                                    near=others) or entry
                again.append((entry, p))
            resolved = again
        # a region or country that contains a named town gives way to the town
        towns = [e for e, _ in resolved if e.kind in ("settlement", "district")] + [
            GazetteerEntry(pl.name, pl.country, pl.admin1_iso, None, None, None, "settlement", 0, "")
            for pl, _ in unknown]
        out: list[tuple[Place, Span]] = []
        seen: set[str] = set()
        for entry, p in resolved:
            if entry.kind == "admin1" and any(t.admin1_iso == entry.admin1_iso for t in towns):
                continue
            if entry.kind == "country" and any(t.country == entry.country for t in towns + [
                    e for e, _ in resolved if e.kind == "admin1"]):
                continue
            if entry.ref in seen:
                continue
            seen.add(entry.ref)
            out.append((entry.to_place(), Span(p.start, p.end)))
        return out + unknown

    def is_said_place(self, p: PlaceMention, text: str) -> bool:
        """The words around a name say it is a place ('the village of X', 'X camp')."""
        before = text[max(0, p.start - 30) : p.start].lower().split()
        after = text[p.end : p.end + 20].lower().split()
        return (len(before) >= 2 and before[-1] == "of" and before[-2] in self.settlement_nouns) or bool(
            after and after[0].strip(",.;") in self.settlement_nouns)

    def unknown_place(self, p: PlaceMention, admin1: set[str], ctx: PlaceContext) -> Place | None:
        """A place too small for the gazetteer keeps its name and the region the text gives."""
        admin1 = {a for a in admin1 if a}
        region = self.gazetteer.admin1(next(iter(admin1))) if len(admin1) == 1 else None
        country = region.country if region else ctx.main_country
        if country is None:
            return None
        return Place(name=p.text, country=country, admin1_iso=region.admin1_iso if region else None,
                     precision="place")

    def locators(self, mentions: list[PlaceMention], text: str):
        """'Kucherivka in Kharkiv', 'Rivne near Pokrovsk in Donetsk', 'Vinnytsia, Vinnytsia':
        a name that only says where the name before it lies is a hint, not a further place."""
        out: list[PlaceMention] = []
        hints: dict[int, tuple[set[str], list[GazetteerEntry]]] = {}
        head: PlaceMention | None = None
        prev: PlaceMention | None = None
        prev_located = False
        for p in mentions:
            between = self.plain_between(text[prev.end : p.start]) if prev else ""
            prev_end = prev.end if prev else p.start
            prev = p
            if head is not None and between == "'s" and prev_located:
                # "Kucheriv Yar in Ukraine's Donetsk region": the region also locates the village
                hints.setdefault(head.start, (set(), []))[0].update(
                    c.admin1_iso for c in p.candidates if c.kind == "admin1" and c.admin1_iso)
                continue
            prev_located = False
            if head is not None and between == "'s" and not p.candidates:
                continue  # "Gaza City's Rimal neighbourhood": the known city stands for it
            if head is not None and between == "'s" and p.candidates:
                out[-1:] = []  # "Sagaing's Tabayin township": the second name is the place
                own = hints.setdefault(p.start, (set(), []))
                own[0].update(c.admin1_iso for c in head.candidates if c.admin1_iso)
                out.append(p)
                head = p
                continue
            gap = text[prev_end : p.start].strip().lower()
            if head is not None and gap.startswith((", the ", ", a ", ", an ")) and gap.endswith((" in", " of")) \
                    and len(gap.split()) <= 8:
                between = "in"  # "El Fasher, the last army stronghold in Darfur": an appositive
            near_words = between.split()[:1]
            if head is not None and near_words and near_words[0] in ("near", "outside") and len(between.split()) <= 4:
                between = "near"
            if head is not None and between in self.locator_words:
                regions = [c for c in p.candidates if c.kind in ("admin1", "country")]
                regions += [c for c in self.gazetteer.candidates(p.text + " region") if c.kind == "admin1"]
                admin1 = {c.admin1_iso for c in regions if c.kind == "admin1" and c.admin1_iso}
                countries = {c.country for c in regions if c.kind == "country"}
                contains = any(c.admin1_iso in admin1 or c.country in countries for c in head.candidates)
                if between == "in" and p.candidates:
                    # "Kyarsi village in Pale township": a town that holds the place before it
                    contains = contains or not head.candidates or bool(
                        {c.country for c in head.candidates} & {c.country for c in p.candidates})
                is_near = any(w in between for w in ("near", "outside", "close to", "north of", "south of",
                                                     "east of", "west of"))
                if contains or is_near:
                    prev_located = True
                    own_admin1, own_near = hints.setdefault(head.start, (set(), []))
                    own_admin1.update(admin1)
                    if is_near:
                        towns = [c for c in p.candidates if c.kind == "settlement"]
                        if towns:
                            own_near.append(max(towns, key=lambda c: c.population))
                    continue
            out.append(p)
            head = p
        return out, hints

    def used_as_party(self, p: PlaceMention, doc: Doc) -> bool:
        """'Moscow shunned the deal', 'backed by Kyiv': a capital or country acting, not a place."""
        if p.before == "by":
            return True
        if p.before in self.location_preps:
            return False
        if p.before.endswith(("ed", "ing")) or p.before in ("hit", "struck", "shot", "toward", "towards"):
            return False  # the object of a verb: "drones approaching Moscow", "attacked Kyiv"
        after = doc_text(doc)[p.end : p.end + 30].split()
        nxt = after[0] if after else ""
        if nxt == "and" and len(after) > 2 and after[1][:1].isupper() and after[2].isalpha() and after[2].islower() \
                and after[2] not in self.location_preps:
            return True  # "as both Moscow and Kyiv reported"
        return nxt.isalpha() and nxt.islower() and nxt not in self.location_preps and nxt not in (
            "and", "or", "on", "at", "as", "that", "which", "where", "city", "region", "oblast", "province")

    def plain_between(self, gap: str) -> str:
        """The words between two names, less nouns like 'villages' or 'township'."""
        words = gap.replace("’", "'").lower().split()
        words = [w for w in words if w.strip(",") not in self.settlement_nouns | self.region_words | {"also"}]
        out = " ".join(words).strip()
        return out if out else ("," if "," in gap else "")

    def demonym_places(self, sentence: str, offset: int) -> list[tuple[Place, Span]]:
        """'three Ukrainian cities', 'over Russian regions': the country itself, as a place."""
        out: list[tuple[Place, Span]] = []
        for match in self.country_nouns.finditer(sentence):
            code = demonym_country(self.lang, match.group(1))
            entry = self.gazetteer.country(code) if code else None
            if entry is not None and all(p.country != code for p, _ in out):
                out.append((entry.to_place(), Span(offset + match.start(), offset + match.end())))
        return out

    def landmark_place(self, sentence: str) -> Place | None:
        for name, city in self.landmarks.items():
            if name in sentence:
                entry = resolve(city, self.gazetteer)
                if entry:
                    return entry.to_place()
        return None

    def fallback(self, etype: str, a1: Actor | None, a2: Actor | None, wars: list[Conflict],
                 barrage: bool = False) -> Place | None:
        """No place named: the country where it happened, when the sides say it."""
        country = None
        if etype == "interception":
            country = a1.country if a1 else None
        elif etype == "strike" and not barrage:
            return None
        elif etype == "strike":
            country = a2.country if a2 else opponent_of(a1.country if a1 else None, wars)
        if not country or country in ("EU",):
            return None
        entry = self.gazetteer.country(country)
        return entry.to_place() if entry else None
