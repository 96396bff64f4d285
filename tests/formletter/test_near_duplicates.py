"""Batch near-duplicates: skeleton hash, MinHash/LSH, streaming, and the CLI option."""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from courtesy.cli import ExitCode, main
from courtesy.formletter import NearDuplicateFinder, find_near_duplicates

BODY = ("Thank you for contacting us about order {order}. Your replacement {item} will be "
        "dispatched on {day} May by tracked courier, and the refund of £{amount} for the "
        "delivery charge will reach your card within five working days.")


def _word(rng: random.Random) -> str:
    return "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=7))


def _filled(name: str, rng: random.Random) -> str:
    return f"Hi {name},\n\n" + BODY.format(order=f"A-{rng.randrange(10_000, 99_999)}",
                                           item=rng.choice(["Kettle", "Toaster", "Blender"]),
                                           day=rng.randrange(1, 29),
                                           amount=f"{rng.randrange(2, 9)}.99")


def test_filled_copies_of_one_template_form_one_cluster() -> None:
    rng = random.Random(1)
    messages = [_filled(n, rng) for n in ("Anna", "Ben Okafor", "Chloe", "Dev Patel")]
    messages.insert(2, "Hi Ewa, I'm sorry the lid cracked; a new one is in the post today.")
    assert find_near_duplicates(messages) == [[0, 1, 3, 4]]


def test_edited_copies_join_and_different_messages_stay_apart() -> None:
    rng = random.Random(2)
    base = _filled("Anna", rng)
    edited = base + " Sorry again for the trouble."
    other = ("Dear Ben, the engineer will visit on Friday between 9 and 11 to replace the "
             "boiler pump, and we have waived the call-out fee for the missed appointment.")
    assert find_near_duplicates([base, other, edited]) == [[0, 2]]


def test_streams_a_generator_once_and_accepts_min_size() -> None:
    rng = random.Random(3)

    def stream() -> Iterator[str]:
        for i in range(300):
            yield _filled(f"Name{i}", rng) if i % 3 else " ".join(_word(rng) for _ in range(12))

    clusters = find_near_duplicates(stream(), min_size=50)
    assert len(clusters) == 1
    assert len(clusters[0]) == 200


def test_finder_counts_distinct_skeletons_not_messages() -> None:
    rng = random.Random(4)
    finder = NearDuplicateFinder()
    for name in ("Anna", "Ben", "Chloe", "Dev", "Ewa"):
        finder.add(_filled(name, rng))
    assert len(finder) == 5
    assert finder.distinct_skeletons == 1


def test_scales_near_linearly_without_all_pairs() -> None:
    """5,000 distinct random messages: all-pairs would be 12.5 million comparisons."""
    rng = random.Random(5)
    words = [_word(rng) for i in range(5000)]
    messages = [" ".join(rng.choices(words, k=30)) for _ in range(5000)]
    finder = NearDuplicateFinder()
    finder.add_all(messages)
    assert finder.clusters() == []


@pytest.mark.parametrize("kwargs", [{"threshold": 0}, {"bins": 25, "rows": 2}, {"rows": 0}])
def test_bad_parameters_are_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must"):
        NearDuplicateFinder(**kwargs)  # type: ignore[arg-type]


def test_cli_near_duplicates_appends_clusters(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(6)
    source = tmp_path / "outbox.jsonl"
    records = [{"id": f"m{i}", "text": _filled(name, rng)}
               for i, name in enumerate(("Anna", "Ben", "Chloe"))]
    records.append({"id": "solo", "text": "Hi Dev, your new lid is in the post today."})
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code = main(["check", "--jsonl", str(source), "--near-duplicates"])
    assert code in (ExitCode.OK, ExitCode.FINDINGS)
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 5
    assert lines[-1] == {"near_duplicates": ["m0", "m1", "m2"]}


def test_cli_near_duplicates_needs_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Hello", encoding="utf-8")
    assert main(["check", str(path), "--near-duplicates"]) == ExitCode.USAGE_ERROR


def test_benchmark_generator_plants_findable_clusters() -> None:
    sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
    from bench_near_duplicates import corpus, false_merges, recall

    texts, labels = corpus(3000, seed=7)
    clusters = find_near_duplicates(texts)
    assert recall(clusters, labels) >= 0.95
    uniques, other_template = false_merges(clusters, labels)
    assert uniques == 0
    # templates share stock sentences; an occasional merge of two templates is allowed
    assert other_template <= len(texts) // 100
