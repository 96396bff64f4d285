"""Benchmark: batch near-duplicate detection (courtesy.formletter.find_near_duplicates).

A synthetic outbox: templated replies (each template a handful of support sentences with
name, order, date and amount slots), filled with different customers and, for a third of
them, edited the way agents edit macros (a sentence dropped, a personal line added, a
greeting swapped); plus unique replies written from a large random vocabulary. Prints,
per size: time, peak memory (tracemalloc, Python allocations), messages per second,
distinct skeletons, the recall of the planted clusters, and the time ratio between sizes.

    python benchmarks/bench_near_duplicates.py                 # 10k, 100k
    python benchmarks/bench_near_duplicates.py --sizes 1000000  # the 1M run

Targets (issue 6): 1M messages <= 60 s, <= 1.5 GB peak; 10x the messages <= 12x the
time; recall of planted clusters >= 0.95.
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import string
import sys
import time
import tracemalloc
from collections import Counter

from courtesy.formletter import find_near_duplicates

_SENTENCES = (
    "Thank you for contacting us about order {order}.",
    "I'm sorry to hear that your parcel arrived damaged.",
    "We have issued a refund of {amount} to your original payment method.",
    "The refund should appear on your statement within five working days.",
    "Your replacement will be dispatched on {date} by tracked courier.",
    "Please keep the damaged item until our courier collects it.",
    "I have updated the delivery address on your account as requested.",
    "Your subscription has been paused until {date}.",
    "We could not find a payment matching the reference {order}.",
    "Could you send us a photo of the label on the box?",
    "Our warehouse team has confirmed that the item left us on {date}.",
    "I have added a credit of {amount} to your account for the trouble.",
    "The voucher code will arrive in a separate email shortly.",
    "Your booking for {date} is confirmed and the tickets are attached.",
    "We have cancelled the duplicate order {order} and refunded {amount}.",
    "The technician will call you the morning before the visit.",
    "Your warranty covers this fault, so the repair is free of charge.",
    "We are sorry the app logged you out during the update.",
    "The password reset link is valid for twenty-four hours.",
    "Your loyalty points have been restored to your account.",
    "I have escalated the case to our billing team, who will reply by {date}.",
    "The missing part is on back order and will ship on {date}.",
    "We have noted your preference for paperless statements.",
    "Your return label is attached; drop the parcel at any post office.",
)
_GREETINGS = ("Hi {name},", "Dear {name},", "Hello {name},")
_CLOSINGS = ("Kind regards,\n{agent}", "Best wishes,\n{agent}", "Thanks,\n{agent}")
_PERSONAL = ("I know you needed it for the {date} trip.",
             "I saw your note about the stairs at your building.",
             "Thanks for the photos, they made this quick.")
_FIRST = ("Anna", "Ben", "Chloe", "Dev", "Ewa", "Femi", "Grace", "Hugo", "Isla", "Jamal",
          "Kasia", "Liam", "Maya", "Noah", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tariq")
_LAST = ("Owen", "Patel", "Nowak", "Okafor", "Smith", "Garcia", "Müller", "Kim", "Rossi")


def _fill(sentence: str, rng: random.Random) -> str:
    return sentence.format(
        order=f"{rng.choice('ABCDK')}-{rng.randrange(10_000, 999_999)}",
        amount=f"£{rng.randrange(3, 400)}.{rng.randrange(100):02d}",
        date=f"{rng.randrange(1, 29)} {rng.choice(('May', 'June', 'July', 'March'))}",
        name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", agent=rng.choice(_FIRST),
    )


def corpus(size: int, *, seed: int = 6, unique_share: float = 0.3,
           templates: int = 400) -> tuple[list[str], list[int]]:
    """``size`` messages and, per message, its planted template (-1: unique)."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choices(string.ascii_lowercase, k=rng.randrange(3, 10)))
                  for _ in range(20_000)]
    plans = []
    for _ in range(templates):
        # stock sentences shared between templates, plus the template's own wording
        own = [" ".join(rng.choices(vocabulary, k=rng.randrange(6, 12))).capitalize() + "."
               for _ in range(rng.randrange(2, 4))]
        body = rng.sample(_SENTENCES, rng.randrange(2, 5)) + own
        rng.shuffle(body)
        plans.append((rng.choice(_GREETINGS), body, rng.choice(_CLOSINGS)))
    texts: list[str] = []
    labels: list[int] = []
    for _ in range(size):
        if rng.random() < unique_share:
            sentences = [" ".join(rng.choices(vocabulary, k=rng.randrange(6, 14))).capitalize()
                         + "." for _ in range(rng.randrange(3, 7))]
            texts.append(_fill(rng.choice(_GREETINGS), rng) + "\n\n" + " ".join(sentences))
            labels.append(-1)
            continue
        number = rng.randrange(templates)
        greeting, body, closing = plans[number]
        body = list(body)
        edit = rng.random()
        if edit < 0.1:
            body.pop(rng.randrange(len(body)))
        elif edit < 0.2:
            body.insert(rng.randrange(len(body) + 1), rng.choice(_PERSONAL))
        elif edit < 0.3:
            greeting = rng.choice(_GREETINGS)
        texts.append("\n\n".join((_fill(greeting, rng),
                                  " ".join(_fill(s, rng) for s in body),
                                  _fill(closing, rng))))
        labels.append(number)
    return texts, labels


def recall(clusters: list[list[int]], labels: list[int]) -> float:
    """Share of templated messages that sit in the found cluster holding most of their
    template (a template split in two loses the smaller part)."""
    where = {i: n for n, cluster in enumerate(clusters) for i in cluster}
    by_template: dict[int, Counter[int]] = {}
    for index, label in enumerate(labels):
        if label >= 0:
            by_template.setdefault(label, Counter())[where.get(index, -1 - index)] += 1
    hits = total = 0
    for counts in by_template.values():
        total += sum(counts.values())
        best, size = counts.most_common(1)[0]
        hits += size if (best >= 0 and size > 1) else 0
    return hits / total if total else 1.0


def false_merges(clusters: list[list[int]], labels: list[int]) -> tuple[int, int]:
    """Unique messages put in a cluster, and messages clustered with another template."""
    uniques = mixed = 0
    for cluster in clusters:
        counts = Counter(labels[i] for i in cluster)
        uniques += counts.pop(-1, 0)
        if counts:
            mixed += sum(counts.values()) - max(counts.values())
    return uniques, mixed


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _run(size: int, *, trace_memory: bool, repeat: int = 1) -> tuple[float, float]:
    texts, labels = corpus(size)
    before = _maxrss_mib()
    if trace_memory:  # exact Python allocations, but tracemalloc slows the run 3-5x
        tracemalloc.start()
    elapsed = float("inf")
    for _ in range(repeat):  # best of: the machine is shared, the minimum is the signal
        started = time.perf_counter()
        clusters = find_near_duplicates(iter(texts))
        elapsed = min(elapsed, time.perf_counter() - started)
    if trace_memory:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        how = "tracemalloc peak"
    else:
        peak = max(_maxrss_mib() - before, 0.0)
        how = "max RSS growth"
    print(f"{size:>9,} messages: {elapsed:7.2f} s  {size / elapsed:>9,.0f} msg/s  "
          f"detector memory {peak:7.1f} MiB ({how})  {len(clusters):,} clusters  "
          f"recall {recall(clusters, labels):.3f}  "
          "false merges (unique, other template) %s" % (false_merges(clusters, labels),),
          flush=True)
    return elapsed, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000",
                        help="comma-separated corpus sizes (default: 10000,100000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per size; the best time is reported (default: 1)")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="measure memory with tracemalloc (exact, but slows the run)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    times: list[tuple[int, float]] = []
    for size in sizes:
        elapsed, _ = _run(size, trace_memory=args.tracemalloc, repeat=args.repeat)
        times.append((size, elapsed))
    for (small, t_small), (large, t_large) in itertools.pairwise(times):
        print(f"scaling {small:,} -> {large:,}: {large / small:.0f}x messages, "
              f"{t_large / t_small:.2f}x time")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS (corpus included): {rss:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
