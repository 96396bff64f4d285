"""CheckContext's derived facts: sentence bounds from the per-check index."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from courtesy.rules.context import CheckContext

_BREAK = re.compile(r"\n|[.!?](?=\s|$)")
_MARKS = ("\n", ". ", "! ", "? ", ".\t", "!\t", "?\t")


def _sentence_at(text: str, position: int) -> tuple[int, int]:
    """The definition, one position at a time: the sentence ends at a line break or at
    '.', '!' or '?' before whitespace, and starts after a line break or such a mark and a
    space or tab; outer whitespace is not part of it."""
    match = _BREAK.search(text, position)
    end = match.start() + (0 if match.group() == "\n" else 1) if match else len(text)
    start = max([0] + [text.rfind(m, 0, position) + len(m) for m in _MARKS
                       if text.rfind(m, 0, position) != -1])
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_PIECES = st.sampled_from(["Sorry", "we", "x.y", "£4.99", ".", ". ", ".\t", "!", "?", "? ",
                           "\n", ".\n", " ", "\u00a0", "\t", "Mr.", "N.Owen", "!\t"])


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_sentence_bounds_match_the_definition_everywhere(text: str) -> None:
    ctx = CheckContext(text, {})
    assert [ctx.sentence_at(p) for p in range(len(text) + 1)] == \
        [_sentence_at(text, p) for p in range(len(text) + 1)]


def test_sentence_bounds_in_a_reply() -> None:
    text = "Hi Anna,\n\nSorry! Your £4.99 refund left today. Call me on 0161 496 0123.\nPriya"
    ctx = CheckContext(text, {})
    assert text[slice(*ctx.sentence_at(text.index("refund")))] == \
        "Your £4.99 refund left today."
    assert text[slice(*ctx.sentence_at(text.index("Sorry")))] == "Sorry!"
    assert text[slice(*ctx.sentence_at(text.index("0161")))] == "Call me on 0161 496 0123."
    assert text[slice(*ctx.sentence_at(len(text)))] == "Priya"
