"""JSON Lines: one event a line, the contract of ANNOTATION.md."""
from __future__ import annotations

import json
from typing import TextIO

from warwire.models import Event


def write_jsonl(events: list[Event], out: TextIO) -> None:
    for e in events:
        out.write(json.dumps(e.to_dict(), ensure_ascii=False))
        out.write("\n")
