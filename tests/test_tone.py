"""The politeness score: bounds, direction of each strategy, and separation on the corpus.

docs/tone.md reports the numbers this file measures: the area under the ROC curve of the score
between courteous replies (no expected finding) and flawed ones, per corpus, and how often
TN005 (low-politeness) fires on each group.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from courtesy import check
from courtesy.rules.catalog.tone import LOW_TONE

CORPUS = Path(__file__).parent / "corpus"
#: The score must separate courteous from flawed replies at least this well (English).
MIN_AUC_EN = 0.72
#: de/fr/es: a smaller corpus (108 replies), so a looser bar.
MIN_AUC_INTL = 0.65


@cache
def scores(name: str) -> tuple[list[float], list[float], int, int]:
    """(courteous scores, flawed scores, TN005 on courteous, TN005 on flawed)."""
    courteous: list[float] = []
    flawed: list[float] = []
    fired = [0, 0]
    for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        record: dict[str, Any] = json.loads(line)
        report = check(record["text"], customer=record["customer"],
                       situation=record["situation"], channel=record["channel"])
        assert report.tone is not None
        good = not record["expected"]
        (courteous if good else flawed).append(report.tone)
        if any(f.rule == "TN005" for f in report.findings):
            fired[0 if good else 1] += 1
    return courteous, flawed, fired[0], fired[1]


def auc(positive: list[float], negative: list[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


@pytest.mark.parametrize(("name", "minimum"), [("replies_en.jsonl", MIN_AUC_EN),
                                               ("replies_intl.jsonl", MIN_AUC_INTL)])
def test_score_separates_courteous_from_flawed_replies(name: str, minimum: float) -> None:
    courteous, flawed, on_courteous, on_flawed = scores(name)
    measured = auc(courteous, flawed)
    print(f"\n{name}: AUC {measured:.3f}; TN005 on {on_courteous}/{len(courteous)} courteous, "
          f"{on_flawed}/{len(flawed)} flawed replies")
    assert measured >= minimum
    assert on_courteous == 0, "TN005 must never fire on a courteous corpus reply"
    assert on_flawed > 0


def test_auc_helper() -> None:
    assert auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert auc([0.5], [0.5]) == 0.5


def test_score_is_in_range_and_reported() -> None:
    report = check("")
    assert report.tone is not None
    assert 0.0 <= report.tone <= 1.0
    assert report.to_dict()["tone"] == report.tone


@pytest.mark.parametrize(("colder", "warmer"), [
    ("Send us the receipt.", "Please send us the receipt."),
    ("Your refund is on its way.", "Thank you for waiting. Your refund is on its way."),
    ("The parcel was late.", "I'm sorry: the parcel was late."),
    ("You must return the item.", "Could you return the item, if that suits you?"),
    ("Unfortunately we cannot refund you.", "We can refund you."),
    ("You failed to enter the address.", "The address was missing a house number."),
])
def test_each_strategy_moves_the_score_the_right_way(colder: str, warmer: str) -> None:
    cold = check(colder).tone
    warm = check(warmer).tone
    assert cold is not None
    assert warm is not None
    assert cold < warm, (colder, cold, warmer, warm)


def test_low_score_is_a_tone_finding() -> None:
    report = check("Unfortunately we cannot refund you. You must return the item first. "
                   "Send us the receipt.")
    assert report.tone is not None
    assert report.tone < LOW_TONE
    low = [f for f in report.findings if f.rule == "TN005"]
    assert low
    assert str(low[0].category) == "tone"
    assert f"{report.tone:.2f}" in low[0].message


@pytest.mark.parametrize("text", [
    "Guten Tag Herr Owen, da ist bei uns etwas schiefgelaufen. Wir melden uns.",
    "Please contact the relevant department about ticket INC-48213. Mistakes were made.",
    "Sorry, but the charge is non-refundable. Contact the courier directly.",
])
def test_the_tone_score_does_not_depend_on_the_rules_selected(text: str) -> None:
    full = check(text).tone
    assert check(text, select=["TN005"]).tone == full
    assert check(text, ignore=["CT", "JG", "TN001", "TN002", "BL"]).tone == full
