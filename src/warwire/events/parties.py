"""Who did what to whom, who says so, and how sure the article is.

Claims stay claims: an interception or a capture reported by a party to the fighting is
``claimed``; a report the article calls unverified is ``unverified``; talks, pledges and
deals in the future are ``planned``. The source of each event is the attribution of its
sentence, or of the sentence before it in the same paragraph ("According to the ministry,
…" followed by the figures).
"""
from __future__ import annotations

import re


import pycountry
from spacy.tokens import Doc

from warwire.events.conflicts import Conflict, opponent_of
from warwire.geo.gazetteer import Gazetteer
from warwire.models import Actor, Source, Span
from warwire.nlp.actors import demonym_country
from warwire.nlp.pipeline import Mentions
from warwire.nlp.text import doc_text

ARMED = {"state", "military", "armed_group"}
PARTY = {"state", "government", "official", "military", "intl_org", "local_official", "armed_group"}
SOURCE_KIND = {
    "state": "government", "government": "government", "official": "government",
    "local_official": "local_official", "military": "military", "media": "media", "ngo": "ngo",
    "intl_org": "ngo", "people": "person", "person": "person", "armed_group": "military",
}


class Parties:
    """Actor, source and status decisions for the events of one article."""

    def __init__(self, doc: Doc, m: Mentions, wars: list[Conflict], words: dict) -> None:
        self.doc = doc
        self.m = m
        self.wars = wars
        self.words = words
        self.text_lower = doc_text(doc).lower()

    @staticmethod
    def country_name(code: str) -> str:
        if code == "EU":
            return "European Union"
        entry = Gazetteer.default().country(code)
        if entry is not None:
            return entry.name
        c = pycountry.countries.get(alpha_2=code)
        return getattr(c, "common_name", None) or (c.name if c else code)

    def _actor(self, a) -> Actor:
        return Actor(a.name, a.country)

    # actors -----------------------------------------------------------------------------
    def for_event(self, etype, trigger, i, sents, places, weapons, source: Source | None = None):
        actors = sents.within(self.m.actors, i)
        speakers = [att for att in sents.within(self.m.attributions, i)]

        def is_speaker(a) -> bool:
            return any(att.start <= a.start < att.end or (a.start <= att.start < a.end) for att in speakers) or (
                source is not None and a.name == source.name)

        if etype in ("meeting", "agreement"):
            parties = []
            others = {a.country for a in actors if not is_speaker(a) and a.kind in PARTY}
            for a in actors:
                if self._not_a_party(a):
                    continue
                # "Zelenskyy said talks with US envoys ...": a lone speaker took part himself
                speaker_ok = not is_speaker(a) or (len(others) == 1 and a.country not in others)
                if a.kind in PARTY and speaker_ok and (a.country is not None or a.kind == "intl_org"):
                    if all(p.name != a.name for p in parties):
                        parties.append(self._actor(a))
            if not parties:
                return None, None, ()
            if len({p.country or p.name for p in parties}) < 2:
                return None, None, ()  # talks take two sides
            a1 = parties[0]
            a2 = next((p for p in parties[1:] if p.country != a1.country), parties[1] if len(parties) > 1 else None)
            return a1, a2, tuple(parties)
        if etype in ("aid", "sanction"):
            doers = [a for a in actors if a.kind in PARTY and (a.country or a.kind == "intl_org" and etype == "aid")]
            s_text = self.text_lower[sents.bounds[i][0]:sents.bounds[i][1]]
            if source is not None and source.side and (" we " in f" {s_text} " or " our " in f" {s_text} "):
                a1 = Actor(self.country_name(source.side), source.side)  # "we are imposing sanctions"
            elif doers:
                a1 = self._actor(next((a for a in doers if a.start < trigger.start), doers[0]))
            else:
                return None, None, ()
            other = next((a for a in doers if a.country != a1.country and a.start >= trigger.start), None) or next(
                (a for a in doers if a.country != a1.country), None)
            a2 = self._actor(other) if other else None
            if a2 is None and etype == "aid":
                # "Germany pledged a package": to the side of the war the article is about
                side = next((c for w in self.wars[:1] for c in w.countries if c != a1.country), None)
                a2 = Actor(self.country_name(side), side) if side else None
            return a1, a2, ()
        if etype == "protest":
            return None, None, ()
        armed = [a for a in actors if a.kind in ARMED and a.country]
        before = [a for a in armed if a.start < trigger.start and not is_speaker(a)]
        after = [a for a in armed if a.start >= trigger.end and not is_speaker(a)]
        text = doc_text(self.doc)
        # "wounded by shelling from the Ukrainian side", "hit by Russian forces"
        by = [a for a in after if {"by", "from"} & set(text[max(0, a.start - 30):a.start].lower().split()[-3:])]
        demonym = self._weapon_owner(weapons, trigger)
        # the agent: "by X"; else the owner of the weapons ("Russian drone strikes"); else a
        # party named before the verb that is not where it happened ("in Ukraine's ... region")
        before = [a for a in before if not self._in_place_phrase(a)]
        agent = None
        if etype == "territory" and trigger.text.lower().startswith("fell") and after:
            # "Kyauktaw fell to the Arakan Army": the one it fell to took it
            taker = self._actor(after[0])
            other = opponent_of(taker.country, self.wars)
            return taker, (Actor(self.country_name(other), other) if other else None), ()
        if by:
            agent = by[0]
        elif before and (etype == "interception" or not demonym):
            agent = before[-1] if etype != "interception" else before[0]
        lead = [w for w in text[max(0, trigger.start - 40) : trigger.start].lower().split() if not w.endswith("ly")]
        if etype == "interception" and lead and lead[-1] in ("were", "was", "been", "being") and source is not None \
                and source.side and agent is not None and agent.country != source.side:
            # "Hezbollah fired rockets ..., most were intercepted, the Israeli military said":
            # who fired is the side whose weapons were downed; the one who says so downed them
            return Actor(self.country_name(source.side), source.side), self._actor(agent), ()
        a1 = self._actor(agent) if agent else None
        if a1 is None and demonym and etype != "interception":
            a1 = Actor(self.country_name(demonym), demonym)
        if a1 is None and source is not None and source.side and any(
                w in lead[-6:] for w in ("it", "its", "we", "our", "they", "their")):
            a1 = Actor(self.country_name(source.side), source.side)  # "the military said it had destroyed"
        if a1 is None and etype in ("interception", "territory") and source is not None and source.side:
            a1 = Actor(self.country_name(source.side), source.side)
        if trigger.defensive and a1 is not None:
            # "Ukrainian troops repelled Russian assaults": the attacker is the other side
            attacker = next((a for a in after if a.country != a1.country), None)
            other = attacker.country if attacker else opponent_of(a1.country, self.wars)
            defender = a1
            a1 = Actor(self.country_name(other), other) if other else None
            return a1, defender, ()
        a2 = None
        victims = [a for a in after if not a1 or a.country != a1.country]
        if etype == "interception":
            owner = demonym or (victims[0].country if victims else None)
            if owner and (not a1 or owner != a1.country):
                a2 = Actor(self.country_name(owner), owner)
        elif victims:
            a2 = self._actor(victims[0])
        if a1 and a2 is None and etype in ("territory", "interception"):
            other = opponent_of(a1.country, self.wars)
            if other and other != a1.country:
                a2 = Actor(self.country_name(other), other)
        if a1 is None and a2 is not None and etype == "interception":
            other = opponent_of(a2.country, self.wars)
            if other:
                a1 = Actor(self.country_name(other), other)
        return a1, a2, ()

    def _not_a_party(self, a) -> bool:
        """'brokered by the UN and Turkey': mediators; 'ending Russia's war': a war's name."""
        before = self.text_lower[max(0, a.start - 40) : a.start]
        after = self.text_lower[a.end : a.end + 14].lstrip("'’s ").split()
        if after and after[0].strip(",.") in ("war", "conflict", "invasion", "aggression"):
            return True
        return any(w in before for w in ("brokered by", "mediated by", "hosted by", "facilitated by"))

    def _in_place_phrase(self, a) -> bool:
        """'in central Ukraine's Dnipropetrovsk region': a country named as where, not who."""
        before = self.text_lower[max(0, a.start - 25) : a.start].split()
        return bool(before) and (before[-1] in ("in", "over", "across", "into", "on") or (
            len(before) > 1 and before[-2] in ("in", "over", "across") and before[-1].isalpha()))

    def _weapon_owner(self, weapons, trigger=None) -> str | None:
        """'Ukrainian drones', 'Russian missiles': the demonym right before a weapon word."""
        text = doc_text(self.doc)
        spans = [span for _, span in weapons]
        if trigger is not None:
            spans.append(Span(trigger.start, trigger.end))  # "killed by Russian strikes"
        for span in spans:
            lead = text[max(0, span.start - 40) : span.start]
            words = re.split(r"[.!?\n]", lead)[-1].split()  # within the sentence
            if trigger is not None and span.start >= trigger.end and not {"by", "with", "using", "from"} & {
                    w.lower() for w in words[-4:]}:
                continue  # "destroyed a Russian S-400": the object's owner is the side hit
            for word in reversed(words[-3:]):
                country = demonym_country("en", word.strip(",.;:'’"))
                if country:
                    return country
        return None

    # sources ----------------------------------------------------------------------------
    def source_for(self, i, sents) -> Source | None:
        """The attribution of the sentence, else of the one before or after it in the paragraph."""
        for j in (i, i - 1, i + 1):
            if j < 0 or j >= len(sents.bounds) or sents.paragraph[j] != sents.paragraph[i]:
                continue
            atts = sents.within(self.m.attributions, j)
            for att in atts:
                if getattr(att, "pronoun", False):
                    named = self._last_named(att.start)
                    if named:
                        return named
                    continue
                side = att.side or self._possessor(att.start)
                return Source(att.source_name, side, att.kind)
        return None

    def _possessor(self, at: int) -> str | None:
        """"Zelensky's office said": the side of whoever the source belongs to."""
        for a in self.m.actors:
            if a.country and a.end <= at and self.text_lower[a.end : at].strip() in ("'s", "’s", ""):
                return a.country
        return None

    def side_of(self, source: Source, at: int, place_country: str | None, a1: Actor | None,
                etype: str = "") -> Source:
        """A source the text names without its side ('the ministry', 'residents', 'the governor'):
        an institution takes the side it had when last named in full; people on the spot, and
        local officials, the side of the place; an army or government, the side of the place
        for what was done to it ("the air force said" of a barrage on Ukraine), the capturer's
        for a capture."""
        if source.side or source.kind == "ngo":
            return source  # international bodies have no side
        last_word = source.name.split()[-1].lower() if source.name else ""
        for a in reversed(self.m.actors):
            if a.start < at and a.country and a.name.lower().endswith(last_word) and a.kind not in ("people",):
                return Source(a.name, a.country, source.kind)
        if source.kind in ("local_official", "person", "media") and place_country:
            return Source(source.name, place_country, source.kind)
        if source.kind in ("military", "government"):
            side = a1.country if etype == "territory" and a1 is not None else place_country or (a1.country if a1 else None)
            if side:
                return Source(source.name, side, source.kind)
        return source

    def _last_named(self, before: int) -> Source | None:
        """'he said': the last person or body named before, within a few sentences."""
        people = [a for a in self.m.actors if a.end <= before and before - a.end < 600
                  and a.kind in ("official", "local_official", "military", "government", "ngo", "media")]
        if not people:
            return None
        a = people[-1]
        return Source(a.name, a.country, SOURCE_KIND.get(a.kind, "person"))

    # status -----------------------------------------------------------------------------
    def status_for(self, etype, i, sents, source: Source | None, a1: Actor | None, dated,
                   subtype: str | None = None) -> str:
        s, e = sents.bounds[i]
        text = self.text_lower[s:e]
        atts = sents.within(self.m.attributions, i)
        if any(getattr(a, "unverified", False) for a in atts) or any(w in text for w in self.words["unverified"]):
            return "unverified"
        times = sents.within(self.m.times, i)
        future = any(t.future for t in times) or any(w in text for w in self.words["planned"])
        if etype in ("meeting", "aid", "agreement", "sanction", "protest"):
            if future or etype == "aid" and subtype == "pledge" or etype == "protest" and " planned" in text:
                return "planned"  # a pledge is aid to come
            return "occurred"
        if etype == "interception":
            return "claimed"
        claimed = any(getattr(a, "claim", False) for a in atts) or any(f" {w}" in text for w in self.words["claimed"])
        if etype == "territory":
            return "claimed" if (source is not None and source.side) or claimed else "occurred"
        if claimed:
            return "claimed"
        if etype in ("strike", "clash") and source is not None and a1 is not None and source.side == a1.country \
                and source.kind == "military":
            return "claimed"  # an army speaking of its own strike
        return "occurred"


__all__ = ["Parties"]
