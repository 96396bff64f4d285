"""Tone: a politeness score in [0, 1], and the rule that flags a reply whose score is low.

The score counts politeness strategies that the one lexicon pass has already found, so it
costs a few dictionary look-ups per message and downloads no model. The strategies follow
Brown and Levinson's politeness theory as operationalised by Danescu-Niculescu-Mizil et al.
(2013, "A computational approach to politeness"), and seed 002 ("Manners cost nothing ...
remember to say Please. Say thank you. Most importantly: say sorry."):

==================  ========  ==================================================  =====
strategy            effect    found by                                             cap
==================  ========  ==================================================  =====
gratitude           \\+ 1.0    ``thanks`` topic                                     2
apologizing         \\+ 0.8    ``apology`` and ``empathy`` topics                   2
please              \\+ 0.8    ``please`` topic ("please", "bitte", "por favor"),   2
                              not inside no-reply wording
hedging, indirect   \\+ 0.5    ``hedge`` topic ("could you", "perhaps", "if you     3
                              like", "happy to help")
deference           \\+ 0.7    ``deference`` topic ("you're right", "good point")   2
greeting            \\+ 0.5    a personal salutation (a generic one: - 0.5)         1
direct questions    \\- 0.3    question marks beyond the hedged requests            3
imperatives         \\- 0.6    requests TN003 flags ("Send us the form.")           3
negative words      \\- 0.35   ``negative`` topic ("unfortunately", "you must",     4
                              "cannot", "refused")
face threats        \\- 0.9    blame, arguing, non-apologies, defensive             3
                              boilerplate, no-reply, transfers, jargon
==================  ========  ==================================================  =====

The weighted sum (plus :data:`BIAS`) goes through the logistic function, so a reply with
no strategy at all scores about 0.55, a warm one approaches 1 and a cold, blaming one
approaches 0. ``docs/tone.md`` says how the weights were checked against the labelled
corpus (``tests/test_tone.py`` recomputes the separation on every run).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from courtesy.rules.catalog.phrases import bare_requests
from courtesy.rules.model import Category, Custom, Hit, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from courtesy.rules.context import CheckContext

__all__ = ["BIAS", "LOW_TONE", "RULES", "STRATEGIES", "politeness", "strategy_counts"]

#: Below this score TN005 flags the reply (see ``docs/tone.md`` for how it was chosen).
LOW_TONE = 0.3

#: The score of a reply with no strategy at all, before the logistic function.
BIAS = 0.2

#: strategy → (weight, cap on the count, lexicon topics counted)
STRATEGIES: dict[str, tuple[float, int, tuple[str, ...]]] = {
    "gratitude": (1.0, 2, ("thanks",)),
    "apologizing": (0.8, 2, ("apology", "empathy")),
    "please": (0.8, 2, ()),
    "hedging": (0.5, 3, ("hedge",)),
    "deference": (0.7, 2, ("deference",)),
    "greeting": (0.5, 1, ()),
    "direct_questions": (-0.3, 3, ()),
    "imperatives": (-0.6, 3, ("imperative",)),
    "negative_words": (-0.35, 4, ("negative",)),
    "face_threats": (-0.9, 3, ("blame-customer", "blame-partner", "argue", "non-apology",
                               "boilerplate", "no-reply", "transfer", "jargon",
                               "internal-code")),
}


#: the strategies counted from lexicon topics, and their topics
_COUNTED = tuple((name, topics) for name, (_w, _cap, topics) in STRATEGIES.items() if topics)


def strategy_counts(ctx: CheckContext) -> dict[str, int]:
    """How often each strategy occurs in the message (uncapped).

    Topics with lazy patterns are matched here if no rule has asked for them yet, so the
    score does not depend on which rules ran.
    """
    found = ctx.found
    counts: dict[str, int] = {}
    for name, topics in _COUNTED:
        counts[name] = sum(len(ctx.spans(topic)) for topic in topics)
    counts["imperatives"] = len(bare_requests(ctx))
    # "Please do not reply to this email" asks nothing of the customer: no please there.
    no_reply = found.get("no-reply", ())
    counts["please"] = sum(1 for start, end in found.get("please", ())
                           if not any(s < end and start < e for s, e in no_reply))
    norm = ctx.norm
    salutation = ctx.salutation
    counts["greeting"] = 0 if salutation is None else (-1 if salutation.generic else 1)
    counts["direct_questions"] = max(0, norm.count("?") - counts["hedging"])
    return counts


def politeness(ctx: CheckContext) -> float:
    """The politeness score of the message in ``ctx``, in [0, 1] (computed once per check)."""
    cached = ctx._cache.get("tone")
    if isinstance(cached, float):
        return cached
    total = BIAS
    for name, count in strategy_counts(ctx).items():
        weight, cap, _topics = STRATEGIES[name]
        total += weight * max(-cap, min(count, cap))
    score = round(1.0 / (1.0 + math.exp(-total)), 4)
    ctx._cache["tone"] = score
    return score


def _low_politeness(ctx: CheckContext) -> Iterator[Hit]:
    """Flags a message whose politeness score is below :data:`LOW_TONE` (0.3): cold words, orders
    and blame with no thanks, apology, please or hedging to balance them.
    """
    score = politeness(ctx)
    if score >= LOW_TONE:
        return
    counts = strategy_counts(ctx)
    lacking = [name for name in ("gratitude", "please", "apologizing") if counts[name] <= 0]
    heavy = [name.replace("_", " ") for name in ("imperatives", "negative_words", "face_threats")
             if counts[name] > 0]
    detail = "; ".join(part for part in (
        ("no " + ", ".join(lacking)) if lacking else "",
        ("has " + ", ".join(heavy)) if heavy else "",
    ) if part)
    yield Hit(ctx.body_start, ctx.end_of_text(),
              f"The reply's politeness score is {score:.2f} (below {LOW_TONE}): {detail}.",
              "Thank the customer, say please, and replace orders with requests.")


RULES = (
    Rule(
        code="TN005", name="low-politeness", category=Category.TONE, severity=Severity.WARNING,
        kind=Custom(check=_low_politeness), seed="002",
        practice="Manners cost nothing. Finally, remember to say Please. Say thank you. Most "
                 "importantly: say sorry.",
        why="A reply can avoid every listed phrase and still read as cold: orders, refusals "
            "and blame with no thanks, please or apology. The politeness score weighs these "
            "strategies against each other; a low score means the customer will feel it.",
        bad=("Unfortunately we cannot refund you. You must return the item first. Send us "
             "the receipt.",
             "You failed to enter the correct address. We are unable to redeliver. This is "
             "not our responsibility."),
        good=("Thank you for letting us know. Could you please send us the receipt? I'll "
              "refund you as soon as it arrives.",
              "Hi Ana, thanks for your patience. I'm sorry the parcel went astray; I've "
              "re-sent it today."),
    ),
)
