"""What the lexicon-gap tests (tests/rules/test_lexicon_gaps_*.py) ask of a check: the spans
of an element, whether one covers given words, a topic's phrases, the rules that fire."""

from __future__ import annotations

from typing import Any

from courtesy import check
from courtesy.rules.engine import matcher

#: a failure of ours (restitution-free gifts count) and one that is not ours
OURS: dict[str, Any] = {"kind": "error", "our_fault": True, "severity": "medium"}
NOT_OURS: dict[str, Any] = {"kind": "inquiry", "our_fault": False, "severity": "low"}


def element_spans(text: str, kind: str,
                  situation: dict[str, Any] | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of element ``kind`` in ``text``."""
    report = check(text, situation=situation)
    return [(span.start, span.end) for span in report.elements.lexicons[kind]]


def overlap(spans: list[tuple[int, int]], text: str, words: str) -> bool:
    """Whether one of ``spans`` overlaps ``words`` where they stand in ``text``."""
    at = text.index(words)
    return any(start < at + len(words) and at < end for start, end in spans)


def found(text: str, kind: str, situation: dict[str, Any] | None = OURS) -> list[str]:
    """The text of each span of element ``kind`` (by default after a failure of ours)."""
    return [text[start:end] for start, end in element_spans(text, kind, situation)]


def covers(text: str, kind: str, words: str, situation: dict[str, Any] | None = OURS) -> bool:
    """Whether a span of element ``kind`` overlaps ``words`` where they stand in ``text``."""
    return overlap(element_spans(text, kind, situation), text, words)


def topic_spans(text: str, name: str) -> list[tuple[int, int]]:
    """The spans of lexicon topic ``name`` in ``text``, lazy patterns included."""
    return matcher().scan_all(text).get(name, [])


def topic(text: str, name: str) -> list[str]:
    """The phrases of lexicon topic ``name`` in ``text``, lazy patterns included."""
    return [text[start:end] for start, end in topic_spans(text, name)]
