"""geo stage: offline gazetteer and place resolution."""
from warwire.geo.gazetteer import Gazetteer, GazetteerEntry, Match, normalize
from warwire.geo.resolve import is_ambiguous_common_word, resolve

__all__ = ["Gazetteer", "GazetteerEntry", "Match", "is_ambiguous_common_word", "normalize", "resolve"]
