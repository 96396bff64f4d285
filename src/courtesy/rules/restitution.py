"""The restitution element: where a message gives something back (refund, credit, discount...).

Seed 003: "provide inconvenienced patrons with restitution in the form of refunds and/or
special discounts on future visits".

The phrases live in ``lexicons/<lang>/restitution.txt`` (the usual lexicon syntax: literal
phrases, and ``re[triggers]:`` patterns, which run only on texts holding a trigger; English
is literal, German, French and Spanish use patterns). ``restitution`` is an overlay topic of
the one matcher (:data:`courtesy.rules.lexicon.OVERLAY_TOPICS`): it is reported wherever it
occurs, outside overlap resolution, because "I've refunded your £12" must stay a next step
(commitment) and count as restitution too. Prefix phrases (``refund*``) are reported to the
end of the word ("refunded", not "refund").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from courtesy.rules.context import CheckContext

__all__ = ["TOPIC", "restitution_spans"]

TOPIC = "restitution"


def restitution_spans(ctx: CheckContext) -> list[tuple[int, int]]:
    """Spans of restitution phrases in the checked text, computed once per check."""
    cached = ctx._cache.get(TOPIC)
    if cached is not None:
        return cached  # type: ignore[return-value]
    text = ctx.text
    n = len(text)
    spans: list[tuple[int, int]] = []
    for start, phrase_end in sorted(set(ctx.spans(TOPIC))):
        end = phrase_end
        while end < n and text[end].isalnum():
            end += 1
        spans.append((start, end))
    ctx._cache[TOPIC] = spans
    return spans
