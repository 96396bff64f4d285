"""Near-duplicate clusters in near-linear time: skeleton hash, then one-permutation MinHash
with banding (LSH). Never all pairs.

1. Every message is masked to its skeleton (:func:`skeleton_words`: names, numbers, dates,
   emails and placeholders become ``#``). Messages with the same skeleton are the same
   template filled in differently: one dictionary look-up groups them, and the rest of
   the pipeline runs once per distinct skeleton.
2. A new skeleton gets a MinHash signature of its 3-word shingles. courtesy uses
   *one-permutation hashing* (the shingle hashes are split into ``bins`` by value and the
   minimum of each bin kept, empty bins filled from their neighbour): one hash per shingle
   instead of one per shingle and permutation, so pure Python computes it with a sort and a
   dict, in C.
3. The signature is cut into bands of ``rows`` values; skeletons that agree on a whole band
   land in the same bucket. A new skeleton is compared (estimated resemblance: share of
   equal signature values) only with the skeletons its buckets already hold, and joined to
   their cluster at ``threshold`` or above (union-find).

Memory is bounded by the number of *distinct* skeletons (a 200-byte signature and a few
bucket entries each) plus 4 bytes per message; the texts themselves are not kept, so a
JSONL file can be streamed through :meth:`NearDuplicateFinder.add`.

Measured (benchmarks/bench_near_duplicates.py) the pure-Python path meets the targets, so
numpy is not needed: per message the work is a few regular expressions, a sort and dict
operations that already run in C, and vectorising them across messages would need the
shingles of a whole batch in memory.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Iterable
from operator import eq

from courtesy.rules.catalog.formletter import shingles, skeleton_words

__all__ = ["NearDuplicateFinder", "find_near_duplicates"]

#: Signature length (one-permutation MinHash bins) and rows per LSH band.
BINS = 24
ROWS = 2
#: Estimated resemblance of masked shingles from which two messages are near-duplicates.
THRESHOLD = 0.6
#: Skeletons a bucket remembers: enough to reach every cluster sharing a common phrase,
#: few enough that a stock sentence in every message does not make the work quadratic.
BUCKET_SIZE = 3
_EMPTY_STEP = 0x9E3779B97F4A7C15


class NearDuplicateFinder:
    """Streaming near-duplicate clustering; feed messages with :meth:`add`.

    ``threshold`` is the estimated resemblance (0-1) of masked 3-word shingles from which
    two messages join one cluster; ``bins`` and ``rows`` set the signature length and
    band size (more rows per band: fewer candidates, lower recall near the threshold).
    """

    def __init__(self, *, threshold: float = THRESHOLD, bins: int = BINS,
                 rows: int = ROWS) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold!r}")
        if rows < 1 or bins < rows or bins % rows:
            raise ValueError(f"bins ({bins}) must be a positive multiple of rows ({rows})")
        self.threshold = threshold
        self.bins = bins
        self.rows = rows
        self._needed = threshold * bins
        self._skeletons: dict[int, int] = {}  # skeleton hash -> group
        self._groups = array("i")  # message -> group
        self._parent: list[int] = []  # group -> parent group (union-find)
        self._signatures: list[bytes | None] = []  # group -> packed signature
        self._buckets: dict[int, int | list[int]] = {}

    def __len__(self) -> int:
        return len(self._groups)

    @property
    def distinct_skeletons(self) -> int:
        return len(self._parent)

    def add(self, text: str) -> int:
        """Add the next message; returns its index (0, 1, ...)."""
        words = skeleton_words(text)
        key = hash(tuple(words))
        group = self._skeletons.get(key)
        if group is None:
            group = len(self._parent)
            self._skeletons[key] = group
            self._parent.append(group)
            self._place(group, shingles(words))
        self._groups.append(group)
        return len(self._groups) - 1

    def add_all(self, texts: Iterable[str]) -> None:
        """Add every message of ``texts``. The cyclic garbage collector is paused meanwhile:
        the finder creates millions of small acyclic objects, and collections triggered by
        them would make the run superlinear."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            for text in texts:
                self.add(text)
        finally:
            if enabled:
                gc.enable()

    def _signature(self, grams: set[int]) -> list[int]:
        bins = self.bins
        ordered = sorted(grams, reverse=True)
        smallest = dict(zip([h % bins for h in ordered], ordered, strict=True))
        if len(smallest) == bins:
            return [smallest[i] for i in range(bins)]
        signature: list[int] = []
        for i in range(bins):
            value = smallest.get(i)
            step = 1
            while value is None:  # densify: borrow from the next filled bin
                value = smallest.get((i + step) % bins)
                if value is not None:
                    value = (value + step * _EMPTY_STEP) & 0x7FFFFFFFFFFFFFFF
                step += 1
            signature.append(value)
        return signature

    def _place(self, group: int, grams: set[int]) -> None:
        if not grams:
            self._signatures.append(None)
            return
        signature = self._signature(grams)
        packed = array("q", signature)
        self._signatures.append(packed.tobytes())
        buckets = self._buckets
        signatures = self._signatures
        needed = self._needed
        seen: set[int] = set()
        rows = self.rows
        for band in range(0, self.bins, rows):
            bucket_key = hash((band, *signature[band:band + rows]))
            held = buckets.get(bucket_key)
            if held is None:
                buckets[bucket_key] = group
                continue
            members = [held] if isinstance(held, int) else held
            for other in members:
                if other in seen:
                    continue
                seen.add(other)
                theirs = signatures[other]
                if theirs is None:
                    continue
                if sum(map(eq, packed, array("q", theirs))) >= needed:
                    self._union(group, other)
            if len(members) < BUCKET_SIZE:
                if isinstance(held, int):
                    buckets[bucket_key] = [held, group]
                else:
                    held.append(group)

    def _find(self, group: int) -> int:
        parent = self._parent
        root = group
        while parent[root] != root:
            root = parent[root]
        while parent[group] != root:
            parent[group], group = root, parent[group]
        return root

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def clusters(self, *, min_size: int = 2) -> list[list[int]]:
        """Clusters of message indices (each in input order), ordered by first member."""
        members: dict[int, list[int]] = {}
        find = self._find
        roots = [find(g) for g in range(len(self._parent))]
        for index, group in enumerate(self._groups):
            members.setdefault(roots[group], []).append(index)
        found = [m for m in members.values() if len(m) >= min_size]
        found.sort(key=lambda m: m[0])
        return found


def find_near_duplicates(messages: Iterable[str], *, threshold: float = THRESHOLD,
                         bins: int = BINS, rows: int = ROWS,
                         min_size: int = 2) -> list[list[int]]:
    """Clusters of near-identical messages (indices into ``messages``) after masking names,
    numbers, dates, emails and placeholders. ``messages`` is consumed once, as a stream.

    >>> find_near_duplicates(["Hi Anna, your order 1042 has shipped.",
    ...                       "Hi Ben, your order 77 has shipped.",
    ...                       "Sorry, the blue kettle arrived with a cracked lid."])
    [[0, 1]]
    """
    finder = NearDuplicateFinder(threshold=threshold, bins=bins, rows=rows)
    finder.add_all(messages)
    return finder.clusters(min_size=min_size)
