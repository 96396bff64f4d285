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

Two more overlay topics refine it. ``restitution-free.txt`` holds gifts ("free of charge",
"gratis") that set something right only after a failure of ours: "we'll post your scarf to
you free of charge" answers a favour. ``no-restitution.txt`` holds the words of
restitution that give nothing ("non-refundable", "compensation claims must be submitted
to...", "regarding compensation"): a restitution phrase that overlaps one is not counted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from courtesy.rules.context import CheckContext

__all__ = ["DENIED", "FREE", "TOPIC", "restitution_spans"]

TOPIC = "restitution"
#: gifts ("free of charge", "gratis") that are restitution only after a failure of ours
FREE = "restitution-free"
#: words of restitution that give nothing ("non-refundable", "regarding compensation")
DENIED = "no-restitution"


def restitution_spans(ctx: CheckContext) -> list[tuple[int, int]]:
    """Spans of restitution phrases in the checked text, computed once per check.

    :data:`FREE` phrases count when the situation says the failure was ours (or there is
    no situation); a phrase that overlaps a :data:`DENIED` one does not count.
    """
    cached = ctx._cache.get(TOPIC)
    if cached is not None:
        return cached  # type: ignore[return-value]
    found = set(ctx.spans(TOPIC))
    situation = ctx.situation
    if situation is None or situation.our_fault:
        found.update(ctx.spans(FREE))
    if found:
        denied = ctx.spans(DENIED)
        if denied:
            found = {(s, e) for s, e in found
                     if not any(s < d_end and d_start < e for d_start, d_end in denied)}
    text = ctx.text
    n = len(text)
    spans: list[tuple[int, int]] = []
    for start, phrase_end in sorted(found):
        end = phrase_end
        while end < n and text[end].isalnum():
            end += 1
        spans.append((start, end))
    ctx._cache[TOPIC] = spans
    return spans
