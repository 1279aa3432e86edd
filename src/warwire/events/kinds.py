"""The event types of ANNOTATION.md and the families the referee matches them by."""
from __future__ import annotations

FAMILY = {
    "strike": "violence", "clash": "violence", "violence_against_civilians": "violence",
    "territory": "territory", "interception": "interception", "protest": "protest",
    "meeting": "diplomacy", "agreement": "diplomacy", "aid": "aid", "sanction": "sanction",
}
#: types whose parties matter more than their place
DIPLOMATIC = frozenset({"meeting", "agreement", "aid", "sanction"})
#: types of direct or remote violence, with casualties and attackers
VIOLENT = frozenset({"strike", "clash", "violence_against_civilians"})
