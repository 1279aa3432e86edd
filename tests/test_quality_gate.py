"""The quality gate: event F1 and score on the evaluation sets must not fall below the
floors in ``tests/eval_baseline.json`` (minus a small noise margin).

A change that makes extraction worse fails CI here, the way trafilatura's evaluation gate
does, instead of being found months later. The sets and the referee (``eval/score.py``)
live in ``../shared``; without it the gate skips. A floor belongs to one version of the
gold: when the gold file's SHA-256 differs from the one recorded, the gate skips and asks
for a new baseline.

``targets`` in the baseline are minimums the project has promised (dev F1 >= 0.75): they hold
with no margin, whatever the floors say.

Raise the floors after an improvement (they never go down unless you say so)::

    WARWIRE_UPDATE_BASELINE=1 .venv/bin/python -m pytest -q tests/test_quality_gate.py
    .venv/bin/python tests/test_quality_gate.py --update            # the same, without pytest
    WARWIRE_ALLOW_REGRESSION=1 .venv/bin/python tests/test_quality_gate.py --update  # accept a drop
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import math
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import pytest

BASELINE = Path(__file__).with_name("eval_baseline.json")
#: the gated figures of score.py's result: event F1 and F1 times field accuracy
METRICS = ("f1", "score")
#: how far below its floor a figure may fall before the gate fails
MARGIN = 0.005


REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class EvalSet:
    name: str
    corpus: str  # relative to ../shared, or to the repository when ``own``
    gold: str
    #: the project's own golden set (articles written for warwire), scored by the same referee
    own: bool = False

    def path(self, shared: Path, relative: str) -> Path:
        return (REPO if self.own else shared) / relative


SETS = (
    EvalSet("dev", "corpus/dev", "gold/dev.jsonl"),
    EvalSet("acled-ukraine", "external/acled-ukraine/corpus.jsonl", "external/acled-ukraine/gold.jsonl"),
    EvalSet("case2021", "external/case2021/corpus.jsonl", "external/case2021/gold.jsonl"),
    EvalSet("holdout", "tests/golden/holdout", "tests/golden/holdout/gold.jsonl", own=True),
    EvalSet("samples", "src/warwire/data/samples", "tests/golden/samples.jsonl", own=True),
)


def shared_folder() -> Path | None:
    """../shared beside the repository (or $WARWIRE_SHARED), if it is there."""
    candidate = Path(os.environ.get("WARWIRE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    return candidate if (candidate / "eval" / "score.py").is_file() else None


@lru_cache(maxsize=2)
def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("warwire_eval_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def measure(shared: Path, which: EvalSet) -> dict[str, float]:
    """``warwire extract`` on the set's corpus, scored against its gold by ``eval/score.py``."""
    from rich.console import Console

    from warwire.extract import extract_paths

    scorer = load_scorer(shared / "eval" / "score.py")
    out = io.StringIO()
    extract_paths([which.path(shared, which.corpus)], out=out, err=Console(file=io.StringIO()))
    pred = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    result = scorer.score(scorer.read_jsonl(which.path(shared, which.gold)), pred)
    events = result["events"]
    return {"precision": events["precision"], "recall": events["recall"], "f1": events["f1"],
            "field_accuracy": result["field_accuracy"], "score": result["score"]}


def read_baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def floor4(value: float) -> float:
    """Rounded down to 4 decimals, so a floor never sits above the figure it records."""
    return math.floor(value * 10_000) / 10_000


def updated_entry(old: dict | None, measured: dict[str, float], gold_sha: str, *, allow_regression: bool) -> dict:
    """The baseline entry after a measurement: floors raised, never lowered unless allowed.

    A new gold file (another SHA-256) starts a new baseline from the measurement.
    """
    fresh = old is None or old.get("gold_sha256") != gold_sha
    entry = {} if fresh else dict(old)
    floors = {} if fresh else dict(entry.get("floors", {}))
    drops = []
    for metric in METRICS:
        value = floor4(measured[metric])
        if metric in floors and value < floors[metric]:
            if not allow_regression:
                drops.append(f"{metric} {value:.4f} < floor {floors[metric]:.4f}")
                continue
        if metric not in floors or value > floors[metric] or allow_regression:
            floors[metric] = value
    if drops:
        raise ValueError("refusing to lower floors (" + "; ".join(drops) + "); set WARWIRE_ALLOW_REGRESSION=1 "
                         "to accept the drop")
    entry.update(gold_sha256=gold_sha, floors=floors,
                 measured={k: round(v, 4) for k, v in measured.items()})
    return entry


def write_baseline(name: str, entry: dict) -> None:
    baseline = read_baseline() if BASELINE.exists() else {"margin": MARGIN, "sets": {}}
    baseline.setdefault("sets", {})[name] = entry
    BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0")


@pytest.mark.parametrize("which", SETS, ids=[s.name for s in SETS])
def test_quality_gate_scores_stay_above_their_floors(shared, which):
    if not (shared / "eval" / "score.py").is_file():
        pytest.skip(f"{shared}/eval/score.py is absent: no referee to score with")
    gold, corpus = which.path(shared, which.gold), which.path(shared, which.corpus)
    if not gold.is_file() or not corpus.exists():
        pytest.skip(f"{which.name}: {which.corpus} or {which.gold} is absent from {shared}")
    entry = read_baseline()["sets"].get(which.name)
    measured = measure(shared, which)
    if flag("WARWIRE_UPDATE_BASELINE"):
        new = updated_entry(entry, measured, sha256(gold), allow_regression=flag("WARWIRE_ALLOW_REGRESSION"))
        write_baseline(which.name, new)
        entry = new
    if entry is None:
        pytest.skip(f"{which.name}: no baseline yet; record one with WARWIRE_UPDATE_BASELINE=1")
    if entry["gold_sha256"] != sha256(gold):
        pytest.skip(f"{which.name}: {which.gold} changed since the baseline was recorded; re-record the floors "
                    "with WARWIRE_UPDATE_BASELINE=1 WARWIRE_ALLOW_REGRESSION=1")
    baseline = read_baseline()
    margin = baseline.get("margin", MARGIN)
    below = [f"{m} {measured[m]:.4f} < floor {entry['floors'][m]:.4f} - {margin}"
             for m in METRICS if measured[m] < entry["floors"][m] - margin]
    # the minimum for a set is a hard line: no margin, and no baseline lowers it
    below += [f"{m} {measured[m]:.4f} < the required minimum {low}"
              for m, low in baseline.get("targets", {}).get(which.name, {}).items() if measured[m] < low]
    assert not below, f"{which.name} got worse: " + "; ".join(below) + f" (measured {measured})"


def test_quality_gate_floors_only_go_up():
    old = {"gold_sha256": "g", "floors": {"f1": 0.6, "score": 0.5}}
    # a drop in one figure refuses the whole update
    with pytest.raises(ValueError, match="refusing to lower floors .*score"):
        updated_entry(old, {"f1": 0.65, "score": 0.49}, "g", allow_regression=False)
    raised = updated_entry(old, {"f1": 0.65123, "score": 0.5}, "g", allow_regression=False)
    assert raised["floors"] == {"f1": 0.6512, "score": 0.5}
    lowered = updated_entry(old, {"f1": 0.55, "score": 0.49}, "g", allow_regression=True)
    assert lowered["floors"] == {"f1": 0.55, "score": 0.49}
    new_gold = updated_entry(old, {"f1": 0.3, "score": 0.2}, "other", allow_regression=False)
    assert new_gold["floors"] == {"f1": 0.3, "score": 0.2} and new_gold["gold_sha256"] == "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the evaluation sets; with --update, raise the floors.")
    parser.add_argument("--update", action="store_true", help="write raised floors to tests/eval_baseline.json")
    args = parser.parse_args(argv)
    shared = shared_folder()
    if shared is None:
        print("../shared is absent (or set WARWIRE_SHARED): nothing to measure", file=sys.stderr)
        return 1
    baseline = read_baseline() if BASELINE.exists() else {"sets": {}}
    for which in SETS:
        measured = measure(shared, which)
        old = baseline["sets"].get(which.name)
        line = f"{which.name:<14} F1 {measured['f1']:.4f}  score {measured['score']:.4f}"
        if old:
            line += f"  (floors F1 {old['floors']['f1']:.4f}, score {old['floors']['score']:.4f})"
        print(line)
        if args.update:
            entry = updated_entry(old, measured, sha256(which.path(shared, which.gold)),
                                  allow_regression=flag("WARWIRE_ALLOW_REGRESSION"))
            write_baseline(which.name, entry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
