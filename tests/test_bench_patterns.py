"""The lazy-pattern cost report (benchmarks/bench_patterns.py) runs and adds up."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from courtesy.rules import lexicon
from courtesy.rules.engine import matcher

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("bench_patterns",
                                                      BENCHMARKS / "bench_patterns.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_each_lazy_pattern_is_timed_within_the_check_and_put_back_afterwards() -> None:
    original = lexicon.RawPattern.spans
    ranked, total = _load().measure(n=40, rounds=1)
    assert lexicon.RawPattern.spans is original
    assert ranked, "the benchmark replies hold numbers, so some lazy pattern runs"
    raws = matcher().raws
    assert all(0 <= at < len(raws) and 0 < runs <= 40 for at, _us, runs in ranked)
    costs = [us for _at, us, _runs in ranked]
    assert costs == sorted(costs, reverse=True)
    assert 0 < sum(costs) < total  # part of the check, not more than all of it
