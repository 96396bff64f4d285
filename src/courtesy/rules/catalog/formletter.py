"""FL: form letters, measured rather than guessed.

"Form letter" means the customer could swap places with any other customer and receive the
same words. For a rendered message the render trace says exactly which characters came
from customer or situation data; for plain text courtesy looks for anything only this
customer could have received: a number or reference, words from what they wrote, or
content words outside the stock vocabulary of support replies.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from courtesy.profiles import SituationKind
from courtesy.rules.model import Category, Custom, Hit, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from courtesy.rules.context import CheckContext

__all__ = ["MIN_WORDS", "RULES", "generic_words", "personal_signals"]

#: Shorter bodies are chat turns, not letters: too short to judge.
MIN_WORDS = 12
#: Specific content words needed before plain text counts as personal.
MIN_SPECIFIC_WORDS = 2

_WORD = re.compile(r"[^\W\d_][\w'’]*")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """The stock vocabulary of support replies, in every shipped language."""
    base = resources.files("courtesy.rules") / "lexicons"
    words: set[str] = set()
    for folder in base.iterdir():
        entry = folder / "generic.words"
        if entry.is_file():
            for line in entry.read_text("utf-8").splitlines():
                if not line.startswith("#"):
                    words.update(w.replace("’", "'") for w in line.lower().split())
    return frozenset(words)


def personal_signals(ctx: CheckContext, start: int, *, first_only: bool = False) -> list[str]:
    """What in ``ctx.text[start:]`` only this customer could have received (may be empty).

    With ``first_only``, stops at the first signal (the check only needs to know whether
    there is one; the cheap number test usually settles it).
    """
    body = ctx.text[start:]
    signals: list[str] = []
    if _DIGIT.search(body):
        signals.append("a number or reference")
        if first_only:
            return signals
    words = set(_WORD.findall(body.lower().replace("’", "'")))
    customer = ctx.customer
    if customer is not None:
        words -= {w.lower() for w in customer.name_forms.exact}
    situation = ctx.situation
    if situation is not None and situation.customer_message:
        theirs = set(_WORD.findall(situation.customer_message.lower().replace("’", "'")))
        echoed = (words & theirs) - generic_words()
        if echoed:
            signals.append("words from the customer's message: " + ", ".join(sorted(echoed)[:3]))
            if first_only:
                return signals
    specific = sorted(w for w in words - generic_words() if len(w) > 2)
    if len(specific) >= MIN_SPECIFIC_WORDS:
        signals.append("specific words: " + ", ".join(specific[:3]))
    return signals


def _form_letter(ctx: CheckContext) -> Iterator[Hit]:
    """For a rendered message: flags it when no output outside the customer's name came from
    customer, situation or context data (from the render trace). For plain text with a customer:
    flags a body of 12+ words with no number or reference, no word from the customer's own
    message and fewer than two content words outside the stock vocabulary of support replies.
    Announcements and broadcast templates are exempt.
    """
    if ctx.kind is SituationKind.ANNOUNCEMENT:
        return
    trace = ctx.trace
    start = ctx.body_start
    end = ctx.end_of_text()
    if trace is not None:
        if trace.broadcast:
            return
        if trace.personal_chars(include_name=False) == 0:
            share = trace.personal_chars(include_name=True) / max(len(ctx.text), 1)
            yield Hit(start, end,
                      f"Only the name is personal ({share:.0%} of the text comes from customer "
                      "data): any customer could receive these exact words.",
                      "Refer to this customer's order, dates or what they told us.")
        return
    if ctx.customer is None or start >= end:
        return
    if len(_WORD.findall(ctx.text, start, end)) < MIN_WORDS:
        return
    if not personal_signals(ctx, start, first_only=True):
        yield Hit(start, end,
                  "Apart from the name, nothing in this reply is about this customer: no "
                  "order, date or detail of what they told us.",
                  "Refer to this customer's order, dates or what they told us.")


RULES = (
    Rule(
        code="FL001", name="form-letter", category=Category.FORM_LETTER,
        severity=Severity.ERROR, kind=Custom(check=_form_letter, needs_customer=True),
        seed="004",
        practice="Don't treat customers like numbers ... Avoid form letters unless a problem is "
                 "extremely common.",
        why="A reply whose only personal touch is the name in the salutation could go to any "
            "customer; it tells this one that nobody read their message.",
        bad=("Dear Mr Owen,\n\nThank you for contacting us. We have received your request and "
             "a member of our team will get back to you as soon as possible. We apologise for "
             "any inconvenience.",
             "Hi Nick, thanks for reaching out! We're sorry to hear about your experience. "
             "Your feedback is important to us and we will look into it. Thanks again."),
        good=("Dear Mr Owen,\n\nThank you for your email about order A-1042. I've re-sent the "
              "kettle by express and it will reach you on Thursday.",
              "Hi Nick, thanks for reaching out! I'm sorry the blue kettle arrived with a "
              "cracked lid. A replacement lid is on its way to you by courier."),
        context={"customer": {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}},
    ),
)
