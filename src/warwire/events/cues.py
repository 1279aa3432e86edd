"""Event cues: trigger words, weapons, targets and casualty words, found by PhraseMatchers.

All word lists are data (``data/lang/<lang>/{events,weapons,targets,casualties}.json``);
this module only compiles them into spaCy PhraseMatchers once per pipeline and returns
typed mentions with character offsets, so each later decision can cite its words.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from warwire.nlp.lexicon import load


@dataclass(frozen=True, slots=True)
class Cue:
    """A matched word or phrase and what it signals."""

    start: int
    end: int
    text: str
    #: ``trigger``, ``weapon``, ``model``, ``target``, ``killed``, ``injured``, ``war``, ``nonevent``, ...
    group: str
    #: the event type (triggers), weapon kind (weapons, models) or target class (targets)
    value: str
    #: ``strong`` or ``weak`` for triggers; subtype for meeting and aid triggers
    strength: str = ""
    subtype: str | None = None
    weapon: str | None = None
    token_start: int = 0
    token_end: int = 0
    #: the phrase names the defender as its subject ("repelled"), not the attacker
    defensive: bool = False


class CueFinder:
    """Compiled matchers for one language, built once per pipeline."""

    def __init__(self, nlp: Language, lang: str = "en") -> None:
        self.lang = lang
        events = load(lang, "events")
        weapons = load(lang, "weapons")
        targets = load(lang, "targets")
        casualties = load(lang, "casualties")
        self._meta: dict[str, tuple[str, str, str, str | None, str | None]] = {}
        self._defensive: set[str] = set()
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        make = nlp.make_doc

        def add(matcher: PhraseMatcher, key: str, phrases, meta) -> None:
            self._meta[key] = meta
            matcher.add(key, [make(p) for p in phrases])

        for n, group in enumerate(events["triggers"]):
            add(self.lower, f"trigger{n}", group["phrases"],
                ("trigger", group["type"], group["strength"], group.get("subtype"), group.get("weapon")))
            if group.get("defensive"):
                self._defensive.add(f"trigger{n}")
        for kind, phrases in weapons["kinds"].items():
            add(self.lower, f"weapon:{kind}", phrases, ("weapon", kind, "", None, kind))
        for model, kind in weapons["models"].items():
            add(self.exact, f"model:{model}", [model], ("model", model, "", None, kind))
        for cls, phrases in targets["targets"].items():
            add(self.lower, f"target:{cls}", phrases, ("target", cls, "", None, None))
        add(self.lower, "killed", casualties["killed"], ("killed", "killed", "", None, None))
        add(self.lower, "injured", casualties["injured"], ("injured", "injured", "", None, None))
        add(self.lower, "none_both", casualties["none"], ("none_both", "both", "", None, None))
        add(self.lower, "none_killed", casualties["none_killed"], ("none_killed", "killed", "", None, None))
        add(self.lower, "none_injured", casualties["none_injured"], ("none_injured", "injured", "", None, None))
        add(self.lower, "war", events["war_context"], ("war", "war", "", None, None))
        add(self.lower, "aidctx", events["aid_context"], ("aidctx", "aid", "", None, None))
        add(self.lower, "agreectx", events["agreement_context"], ("agreectx", "agreement", "", None, None))
        add(self.lower, "protestctx", events["protest_context"], ("protestctx", "protest", "", None, None))
        add(self.lower, "nonevent", events["non_event_context"], ("nonevent", "nonevent", "", None, None))
        add(self.lower, "negation", events["negations"], ("negation", "negation", "", None, None))
        self.person_nouns = set(casualties["person_nouns"])
        self.singular = set(casualties["singular_determiners"])
        self.launch_verbs = set(weapons["launch_verbs"])

    def __call__(self, doc: Doc) -> list[Cue]:
        """Every cue in ``doc``; within a group, overlapping matches keep the longest."""
        by_group: dict[tuple[str, str], list] = {}
        for matcher in (self.lower, self.exact):
            for key, s, e in matcher(doc):
                name = doc.vocab.strings[key]
                group, value = self._meta[name][:2]
                key_ = (group, value) if group == "trigger" else (group, "")
                by_group.setdefault(key_, []).append((doc[s:e], name))
        cues: list[Cue] = []
        for items in by_group.values():
            label = {id(span): name for span, name in items}
            spans = filter_spans([span for span, _ in items])
            for span in spans:
                key = label[id(span)]
                group_, value, strength, subtype, weapon = self._meta[key]
                cues.append(Cue(span.start_char, span.end_char, span.text, group_, value, strength,
                                subtype, weapon, span.start, span.end, key in self._defensive))
        cues.sort(key=lambda c: (c.start, -c.end))
        return cues
