"""The committed name corpus: correct addresses pass, corrupted ones fail with the right code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from courtesy import check

CASES: list[dict[str, Any]] = [
    json.loads(line)
    for line in (Path(__file__).parent / "cases.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


def test_corpus_is_large_and_international() -> None:
    assert len(CASES) >= 300
    languages = {c["customer"]["locale"].split("-")[0] for c in CASES}
    assert len(languages) >= 12, languages
    assert sum(1 for c in CASES if not c["expect"]) >= 100  # must-pass cases
    assert all(c["kind"] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['customer']['locale']}-{c['kind']}")
def test_name_case(case: dict[str, Any]) -> None:
    report = check(case["text"], customer=case["customer"], select=["NM", "SL"])
    got = sorted({f.rule for f in report.findings})
    assert got == case["expect"], [(f.rule, f.message) for f in report.findings]
    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= len(case["text"])
