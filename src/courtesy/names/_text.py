"""Plain-string helpers for comparing names: diacritics, edit distance, casing."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["edit_distance", "is_cjk", "strip_diacritics", "within_distance"]


@lru_cache(maxsize=4096)
def strip_diacritics(text: str) -> str:
    """``"Zoë Núñez"`` → ``"Zoe Nunez"``; letters without a decomposition stay (``"ø"``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance (insert, delete, substitute, swap neighbours).

    Returns ``limit + 1`` as soon as the distance is known to exceed ``limit``; names are
    short, so this stays a handful of microseconds.
    """
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        ca = a[i - 1]
        row_min = i
        for j in range(1, lb + 1):
            cost = 0 if ca == b[j - 1] else 1
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, prev2[j - 2] + 1)
            cur[j] = value
            row_min = min(row_min, value)
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[lb], limit + 1)


def within_distance(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` and ``b`` are at most ``limit`` edits apart (OSA, as above).

    Skips the common prefix and recurses on the first mismatch, so a check with limit 1
    or 2 costs a few string slices instead of a dynamic-programming table.
    """
    if abs(len(a) - len(b)) > limit:
        return False
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    if i == len(a) and i == len(b):
        return True
    if limit == 0:
        return False
    a1, b1 = a[i + 1 :], b[i + 1 :]
    return (
        within_distance(a1, b1, limit - 1)  # substitute
        or within_distance(a1, b[i:], limit - 1)  # delete from a
        or within_distance(a[i:], b1, limit - 1)  # insert into a
        or (
            i + 1 < len(a) and i + 1 < len(b) and a[i] == b[i + 1] and a[i + 1] == b[i]
            and within_distance(a[i + 2 :], b[i + 2 :], limit - 1)  # swap neighbours
        )
    )


def is_cjk(text: str) -> bool:
    """True when ``text`` contains Han, Hiragana, Katakana or Hangul characters."""
    return any(
        "\u3040" <= ch <= "\u30ff"  # Hiragana, Katakana
        or "\u3400" <= ch <= "\u9fff"  # CJK unified ideographs (+ extension A)
        or "\uac00" <= ch <= "\ud7af"  # Hangul syllables
        for ch in text
    )
