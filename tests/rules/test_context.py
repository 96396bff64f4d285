"""CheckContext's derived facts: sentence bounds from the per-check index."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courtesy.rules.context import CheckContext

_BREAK = re.compile(r"\n|[.!?\U0001f648\u2764\ufe0f](?=\s|$)")
_MARKS = ("\n", ". ", "! ", "? ", ".\t", "!\t", "?\t", "\U0001f648 ", "\U0001f648\t",
          "\ufe0f ", "\ufe0f\t", "\u2764 ", "\u2764\t")


def _title_stop(text: str, at: int) -> bool:
    """'Mr.' (a word of its own) before a capitalised word: not a sentence end."""
    after = text[at + 1:].lstrip(" \t")
    letters = (at >= 3 and text[at - 1].isalpha() and text[at - 2] == "." and text[at - 3].isalpha()
               and (at == 3 or not text[at - 4].isalnum()))
    return ((text[max(0, at - 2):at] == "Mr" and (at < 3 or text[at - 3] in " \t\n(\"'“‘")
             and after[:1].isupper())
            or (letters and after[:1].islower()))


def _sentence_at(text: str, position: int) -> tuple[int, int]:
    """The definition, one position at a time: the sentence ends at a line break or at
    '.', '!', '?' or an emoji before whitespace (not the full stop of 'Mr.' before a name), and
    starts after a line break or such a mark and a space or tab; outer whitespace is not
    part of it."""
    match = _BREAK.search(text, position)
    while match is not None and match.group() == "." and _title_stop(text, match.start()):
        match = _BREAK.search(text, match.end())
    end = match.start() + (0 if match.group() == "\n" else 1) if match else len(text)
    marks = [at + len(m) for m in _MARKS for at in _all(text, m, position)
             if not (m[0] == "." and _title_stop(text, at))]
    start = max([0, *marks])
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _all(text: str, mark: str, before: int) -> list[int]:
    """Where ``mark`` starts before ``before`` (its end may reach past it)."""
    out, at = [], text.find(mark)
    while at != -1 and at < before:
        if at + len(mark) <= before:
            out.append(at)
        at = text.find(mark, at + 1)
    return out


_PIECES = st.sampled_from(["Sorry", "we", "!Mr.", "e.g.", "z.B.", "(Mr. ", "x.y", "£4.99", ".",
                           ". ", ".\t", "!", "?", "? ", "\n", ".\n", " ", "\u00a0", "\t", "Mr.",
                           "N.Owen", "!\t", "\U0001f648", "\u2764\ufe0f", "\u2764"])


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


@pytest.mark.parametrize(("text", "sentences"), [
    ("Thanks, Mr. Owen, for waiting. It arrives Monday.",
     ["Thanks, Mr. Owen, for waiting.", "It arrives Monday."]),
    ("Der Techniker kommt am Mittwoch, 12. Februar. Danke!",
     ["Der Techniker kommt am Mittwoch, 12. Februar.", "Danke!"]),
    ("Frau Dr. Weber, Ihr Paket kommt am 3. März. Danke.",
     ["Frau Dr. Weber, Ihr Paket kommt am 3. März.", "Danke."]),
    ("See invoice No. 5 for details. I said no. Then I left.",
     ["See invoice No. 5 for details.", "I said no.", "Then I left."]),
    ("Your total is 12. Thanks for shopping.", ["Your total is 12.", "Thanks for shopping."]),
])
def test_abbreviations_and_ordinals_do_not_end_a_sentence(text: str,
                                                          sentences: list[str]) -> None:
    ctx = CheckContext(text, {})
    starts = [text.index(s) for s in sentences]
    assert [text[slice(*ctx.sentence_at(at))] for at in starts] == sentences


def test_an_emoji_before_a_space_ends_a_chat_sentence() -> None:
    text = "Hi Rosa, sorry! We left the gyoza out of your bag \U0001f648 A driver's on the way " \
           "\u2764\ufe0f Kenji \U0001f648\U0001f648x"
    ctx = CheckContext(text, {})
    assert text[slice(*ctx.sentence_at(text.index("gyoza")))] == \
        "We left the gyoza out of your bag \U0001f648"
    assert text[slice(*ctx.sentence_at(text.index("driver")))] == \
        "A driver's on the way \u2764\ufe0f"
    assert ctx.is_sentence_start(text.index("A driver"))
    assert ctx.is_sentence_start(text.index("Kenji"))
    assert text[slice(*ctx.sentence_at(text.index("Kenji")))] == \
        "Kenji \U0001f648\U0001f648x"


def test_a_name_after_a_title_abbreviation_is_not_a_sentence_start() -> None:
    text = "Thanks, Mr. Owen, for waiting. It arrives Monday."
    ctx = CheckContext(text, {})
    assert not ctx.is_sentence_start(text.index("Owen"))
    assert ctx.is_sentence_start(text.index("It"))
