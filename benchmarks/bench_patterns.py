"""What each lazy lexicon pattern costs per check, on the benchmark replies.

Run: ``python benchmarks/bench_patterns.py [N]`` (N: how many patterns to list, default 15).

Literal phrases cost next to nothing: they join the one automaton. A ``re:`` line or a
topic's ``<num>``/``<word>`` phrases are *lazy patterns* (courtesy/rules/lexicon.py): they
run only on texts that hold one of their triggers, and they are where a new lexicon line
can slow every check down (a ``<num>`` phrase that starts with the number has no trigger
word and runs on every reply). Run this after adding such lines: a pattern that runs on
most replies, or costs a microsecond or more, wants rarer triggers (``re[word|word]:``), an
anchor at its first word (``re^[...]:``) or a window (``re~[...]:``).

Times are per check, averaged over the replies, from the fastest of several rounds; the
run count is how many of the replies the pattern ran on.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import courtesy
from corpus import replies
from courtesy.rules import lexicon
from courtesy.rules.engine import matcher


def measure(n: int = 1000, rounds: int = 3) -> tuple[list[tuple[int, float, int]], float]:
    """(index into ``matcher().raws``, µs per check, runs) for every lazy pattern that ran,
    costliest first, and the whole check's µs per check, from the fastest round."""
    samples = replies(n)
    data = [(s.text, courtesy.Customer.model_validate(s.customer),
             courtesy.Situation.model_validate(s.situation)) for s in samples]
    raws = matcher().raws
    index = {id(raw): i for i, raw in enumerate(raws)}
    original = lexicon.RawPattern.spans
    cost: Counter[int] = Counter()
    runs: Counter[int] = Counter()

    def timed(self: lexicon.RawPattern, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter_ns()
        found = original(self, *args, **kwargs)
        at = index[id(self)]
        cost[at] += time.perf_counter_ns() - start
        runs[at] += 1
        return found

    for text, customer, situation in data:  # warm up: compile the patterns
        courtesy.check(text, customer=customer, situation=situation)
    best: dict[int, float] = {}
    total = float("inf")
    lexicon.RawPattern.spans = timed  # type: ignore[method-assign]
    try:
        for _ in range(rounds):
            cost.clear()
            runs.clear()
            start = time.perf_counter()
            for text, customer, situation in data:
                courtesy.check(text, customer=customer, situation=situation)
            total = min(total, (time.perf_counter() - start) / n * 1e6)
            for at, ns in cost.items():
                best[at] = min(best.get(at, float("inf")), ns / n / 1000)
    finally:
        lexicon.RawPattern.spans = original  # type: ignore[method-assign]
    ranked = sorted(((at, us, runs[at]) for at, us in best.items()), key=lambda r: -r[1])
    return ranked, total


def main() -> None:
    shown = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    n = 1000
    ranked, total = measure(n)
    raws = matcher().raws
    lazy = sum(us for _at, us, _runs in ranked)
    print(f"lazy patterns: {lazy:.1f} µs of a {total:.0f} µs check ({lazy / total:.0%}), "
          f"{len(ranked)} of {len(raws)} patterns ran on {n:,} replies")
    print(f"{'µs/check':>9} {'runs':>6}  kind      pattern")
    for at, us, count in ranked[:shown]:
        raw = raws[at]
        kind = "anchored" if raw.anchored else "windowed" if raw.windowed else (
            "ungated" if not raw.triggers and not raw.needs_digit else "gated")
        print(f"{us:9.2f} {count:6d}  {kind:<8}  {raw.origin or raw.source[:60]}")


if __name__ == "__main__":
    main()
