"""How fast warwire reads war news, against the floor of tokenising it, and how fast it starts.

Run by hand (``python benchmarks/throughput.py --n 2000``); it prints figures and asserts
nothing, since timings depend on the machine. The targets are >= 200 articles/s on one
core and a cold start under 2 s. Each measured run happens in a fresh subprocess, so its
peak memory (``ru_maxrss``) is its own and imports are paid where a user pays them.

  (a) full extraction: ``warwire.pipeline.Extractor().extract(article)`` over the corpus
  (b) the floor: the same texts through ``spacy.blank("en")``'s tokenizer alone
  (c) the ratio of (a) to (b)
  (d) cold start: ``warwire extract <one sample file>`` as a subprocess, median of 5
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path


def samples_folder() -> Path:
    return Path(str(resources.files("warwire") / "data" / "samples"))


def build_corpus(n: int, out: Path, source: Path | None = None) -> int:
    """Write ``n`` articles to ``out`` as JSONL, repeating those of ``source`` (the samples)."""
    from warwire.ingest import iter_articles
    from warwire.models import Article

    source = source or samples_folder()
    articles = [a for a in iter_articles([source]) if isinstance(a, Article) and a.language == "en"]
    if not articles:
        raise SystemExit(f"no English articles found in {source}")
    with out.open("w", encoding="utf-8") as stream:
        for i in range(n):
            a = articles[i % len(articles)]
            published = a.published.isoformat() if a.published else None
            record = {"id": f"{a.id}-{i}", "text": a.text, "published": published, "title": a.title,
                      "conflict": a.conflict}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return sum(len(a.text) for a in articles) // len(articles)


def child(mode: str, corpus: Path) -> dict:
    """One measured run in this (fresh) process; returns the figures as a dict."""
    t0 = time.perf_counter()
    from warwire.ingest import iter_articles
    from warwire.models import Article

    if mode == "extract":
        try:
            from warwire.pipeline import Extractor
        except ImportError as exc:
            return {"error": f"warwire.pipeline.Extractor is not available yet ({exc})"}
        extractor = Extractor()

        def run(article: Article) -> list:
            return extractor.extract(article)
    elif mode == "tokenize":
        import spacy

        tokenizer = spacy.blank("en").tokenizer

        def run(article: Article) -> object:
            return tokenizer(article.text)
    else:  # ingest only
        def run(article: Article) -> None:
            return None

    setup = time.perf_counter() - t0
    articles = events = 0
    t1 = time.perf_counter()
    for item in iter_articles([corpus]):
        if isinstance(item, Article):
            result = run(item)
            articles += 1
            if mode == "extract":
                events += len(result)
    seconds = time.perf_counter() - t1
    return {"mode": mode, "articles": articles, "events": events, "setup_s": setup, "seconds": seconds,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure(mode: str, corpus: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", str(corpus)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"error": f"{mode} run failed:\n{proc.stderr.strip()[-2000:]}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cold_start(sample: Path, repeats: int = 5) -> tuple[float, list[float]] | str:
    script = shutil.which("warwire", path=str(Path(sys.executable).parent)) or shutil.which("warwire")
    command = [script] if script else [sys.executable, "-c", "from warwire.cli import main; main()"]
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        proc = subprocess.run([*command, "extract", str(sample)], capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
            return f"`warwire extract` failed (exit {proc.returncode}): {last}"
    return statistics.median(times), times


def report(label: str, figures: dict) -> float | None:
    if "error" in figures:
        print(f"{label:<28} {figures['error']}")
        return None
    rate = figures["articles"] / figures["seconds"] if figures["seconds"] else float("inf")
    extra = f", {figures['events']} events" if figures["mode"] == "extract" else ""
    print(f"{label:<28} {rate:>9.0f} articles/s  ({figures['articles']} in {figures['seconds']:.2f} s{extra}; "
          f"setup {figures['setup_s']:.2f} s; peak RSS {figures['maxrss_mb']:.0f} MB)")
    return rate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles in the corpus (default 2000)")
    parser.add_argument("--repeats", type=int, default=5, help="cold-start runs, median reported (default 5)")
    parser.add_argument("--no-cold-start", action="store_true", help="skip (d)")
    parser.add_argument("--from", dest="source", type=Path,
                        help="repeat the articles of this file, folder or corpus (default: the bundled samples), "
                             "e.g. ../shared/corpus/dev for real news")
    parser.add_argument("--child", choices=["extract", "tokenize", "ingest"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.corpus)))
        return

    with tempfile.TemporaryDirectory(prefix="warwire-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        mean_chars = build_corpus(args.n, corpus, args.source)
        print(f"corpus: {args.n} articles ({args.source or samples_folder().name} repeated), "
              f"{mean_chars} characters on average")
        report("ingest only", measure("ingest", corpus))
        floor = report("(b) spaCy blank tokenizer", measure("tokenize", corpus))
        full = report("(a) full extraction", measure("extract", corpus))
        if full and floor:
            print(f"{'(c) ratio':<28} extraction takes {floor / full:.1f}x the tokenizer's time")
        else:
            print(f"{'(c) ratio':<28} n/a")
    if args.no_cold_start:
        return
    sample = samples_folder() / "sample-001.txt"
    result = cold_start(sample, args.repeats)
    if isinstance(result, str):
        print(f"{'(d) cold start':<28} {result}")
    else:
        median, times = result
        print(f"{'(d) cold start':<28} {median:.2f} s median of {len(times)} "
              f"({', '.join(f'{t:.2f}' for t in times)}; target < 2 s)")


if __name__ == "__main__":
    main()
