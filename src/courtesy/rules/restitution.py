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

Three more overlay topics refine it. ``restitution-free.txt`` holds gifts ("free of charge",
"gratis") that set something right only after a failure of ours: "we'll post your scarf to
you free of charge" answers a favour. ``no-restitution.txt`` holds the words of
restitution that give nothing ("non-refundable", "compensation claims must be submitted
to...", "regarding compensation"): a restitution phrase that overlaps one is not counted.
``refusal.txt`` holds refusals that may stand apart from the word they refuse ("Eine
Erstattung der Dachreparatur ist daher nicht möglich", "ces retards ne donnent pas droit à
un remboursement"): a restitution phrase in the same sentence is not counted, unless a
"but" stands between them, nor one that a denial stands right before in its clause
("nous ne remboursons pas", "we can't refund"). Nor is one in a sentence that sends the
customer elsewhere (a ``transfer``: "contacte con el restaurante para solicitar el
reembolso"). The phrases of one sentence make one span.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from courtesy.rules.attribution import CONTRAST, TOKEN, clause_start, denials

if TYPE_CHECKING:
    from courtesy.rules.context import CheckContext

__all__ = ["DENIED", "FREE", "REFUSAL", "TOPIC", "restitution_spans"]

TOPIC = "restitution"
#: gifts ("free of charge", "gratis") that are restitution only after a failure of ours
FREE = "restitution-free"
#: words of restitution that give nothing ("non-refundable", "regarding compensation")
DENIED = "no-restitution"
#: words that refuse anywhere in the sentence ("ist daher nicht möglich", "ne donnent pas
#: droit à", "will be deducted from your refund")
REFUSAL = "refusal"



def restitution_spans(ctx: CheckContext) -> list[tuple[int, int]]:
    """Spans of restitution phrases in the checked text, computed once per check.

    :data:`FREE` phrases count when the situation says the failure was ours (or there is
    no situation), and not inside an apology phrase ("das geht auf uns" owns the fault); a
    phrase that overlaps a :data:`DENIED` one does not count.
    """
    cached = ctx._cache.get(TOPIC)
    if cached is not None:
        return cached  # type: ignore[return-value]
    found = set(ctx.spans(TOPIC))
    situation = ctx.situation
    if situation is None or situation.our_fault:
        free = ctx.spans(FREE)
        owned = ctx.found.get("apology")
        if free and owned:
            # a gift's words inside an admission are the admission ("das geht auf uns")
            free = [(s, e) for s, e in free if not any(a < e and s < b for a, b in owned)]
        found.update(free)
    if found:
        denied = ctx.spans(DENIED)
        if denied:
            found = {(s, e) for s, e in found
                     if not any(s < d_end and d_start < e for d_start, d_end in denied)}
    if found:
        # amends denied right before them give nothing: "Nous ne remboursons pas les
        # billets", "we can't refund the fare", "no reembolsamos"
        # (but "we'd make them, without lilies, at no cost to you" gives)
        norm = ctx.norm
        found = {(s, e) for s, e in found
                 if denials().isdisjoint(_words_before(norm, ctx.sentence_at(s)[0], s))}
    if found:
        refusals = ctx.found.get(REFUSAL)
        if refusals:
            found = {(s, e) for s, e in found if not _refused(ctx, s, e, refusals)}
    if found:
        # amends the customer is sent elsewhere for are not ours to give ("Contacte
        # directamente con el restaurante para solicitar el reembolso")
        transfers = ctx.spans("transfer")
        if transfers:
            elsewhere = {ctx.sentence_at(start) for start, _end in transfers}
            found = {(s, e) for s, e in found if ctx.sentence_at(s) not in elsewhere}
    text = ctx.text
    n = len(text)
    spans: list[tuple[int, int]] = []
    sentence = (-1, -1)
    for start, phrase_end in sorted(found):
        end = phrase_end
        while end < n and text[end].isalnum():
            end += 1
        if spans and start < sentence[1]:
            # one sentence, one act of amends: "I've refunded the £24 seat fee; it'll be
            # back on your card within 5 days"
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            continue
        sentence = ctx.sentence_at(start)
        spans.append((start, end))
    ctx._cache[TOPIC] = spans
    return spans


#: how many words before amends a denial takes them back ("we do not refund")
_DENIAL_REACH = 2


def _words_before(norm: str, sentence_start: int, at: int) -> list[str]:
    """The last :data:`_DENIAL_REACH` words of ``norm`` before ``at``, in its clause ("ne
    sont pas remboursables, mais nous vous offrons un bon")."""
    start = max(clause_start(norm, sentence_start, at), at - 40)
    return TOKEN.findall(norm, start, at)[-_DENIAL_REACH:]


def _refused(ctx: CheckContext, start: int, end: int,
             refusals: list[tuple[int, int]]) -> bool:
    """Whether a :data:`REFUSAL` in the same sentence takes the amends at ``start:end``
    back, with no "but" between them ("Eine Erstattung der Dachreparatur ist daher nicht
    möglich"; but "we can't refund the fare, but I've added a £20 credit" gives one)."""
    s0, s1 = ctx.sentence_at(start)
    norm = ctx.norm
    for r_start, r_end in refusals:
        if s0 <= r_start < s1:
            between = norm[min(end, r_end) : max(start, r_start)]
            if CONTRAST.search(between) is None:
                return True
    return False
