"""EL: the elements a situation calls for: apology, thanks and next steps (DESIGN.md table).

=================================  ================  ========  ============================
kind                               apology           thanks    next steps
=================================  ================  ========  ============================
complaint, error, delay (ours)     owning, required  required  required, with time/tracking
complaint (not our fault)          empathy allowed   required  required
inquiry                            -                 required  required
thanks (customer praise)           -                 required  optional
follow_up                          -                 required  a way to reopen / reach us
announcement                       -                 optional  optional
=================================  ================  ========  ============================
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from courtesy.profiles import SituationKind
from courtesy.rules import learned
from courtesy.rules.attribution import clause_start, opens_with_condition, tells_done
from courtesy.rules.model import Category, Custom, Hit, Rule, Severity
from courtesy.rules.timeexpr import find_time_expressions

if TYPE_CHECKING:
    from collections.abc import Iterator

    from courtesy.rules.context import CheckContext

__all__ = ["RULES"]

_NEXT_STEPS_REQUIRED = frozenset({
    SituationKind.COMPLAINT, SituationKind.ERROR, SituationKind.DELAY, SituationKind.INQUIRY,
})


def _missing_apology(ctx: CheckContext) -> Iterator[Hit]:
    """Flags a message with no apology at all when the situation is a complaint, error or delay
    that was our fault. Non-apologies and 'sorry for any inconvenience' boilerplate do not
    count; the finding sits at the start of the body. Before it reports, it asks the learned
    model (``rules/learned.py``) whether a sentence owns the failure in words no lexicon
    holds.
    """
    if not ctx.needs_owning_apology or ctx.spans("apology") or ctx.spans("empathy"):
        return
    # an apology told in words no lexicon holds ("Kofi left the mains valve open when he
    # finished on Friday"): the learned model's sentences, but not a non-apology's or blame
    if learned.tells(ctx, "apology", skip=learned.no_apology(ctx)):
        return
    non_apologies = ctx.spans("non-apology")
    boilerplate = ctx.spans("boilerplate")
    fake = non_apologies or [
        s for s in boilerplate if "pologi" in ctx.text[s[0]:s[1]].lower()
        or "sorry" in ctx.text[s[0]:s[1]].lower()
    ]
    at = ctx.body_start
    if fake:
        quoted = ctx.text[fake[0][0]:fake[0][1]]
        message = (f"This was our fault, but the message only says '{quoted}', which is not "
                   "an apology: say sorry for what we did.")
    else:
        message = "This was our fault, and the message does not apologise for it."
    yield Hit(at, at, message, "I'm sorry: we made a mistake with your order.")


def _apology_without_ownership(ctx: CheckContext) -> Iterator[Hit]:
    """When the failure was ours, flags a message whose only apology is empathy ('sorry to hear',
    'I understand how frustrating').
    """
    if not ctx.needs_owning_apology or ctx.spans("apology"):
        return
    empathy = ctx.spans("empathy")
    if empathy:
        start, end = empathy[0]
        yield Hit(start, end,
                  f"'{ctx.text[start:end]}' sympathises, but this was our fault: own it.",
                  "I'm sorry: this was our mistake.")


def _missing_thanks(ctx: CheckContext) -> Iterator[Hit]:
    """Flags a message that never thanks the customer, for every situation except announcements."""
    if ctx.situation is None or ctx.kind is SituationKind.ANNOUNCEMENT or ctx.has("thanks"):
        return
    at = ctx.end_of_text()
    yield Hit(at, at, "The message never thanks the customer.",
              "Thank you for letting us know.")


def _missing_next_steps(ctx: CheckContext) -> Iterator[Hit]:
    """Flags complaints, errors, delays and inquiries whose reply has no sentence committing anyone
    to anything ('I have re-sent', 'it will arrive', 'just reply'); for follow-ups, a way to
    reopen the issue or reach a person is enough. Before it reports, it asks the learned
    model (``rules/learned.py``) whether a sentence tells a step in words no lexicon holds;
    and where the lexicons found a lone step, whether it is one at all ("See you soon!",
    "I'm sorry the back windows were missed on today's round" is none).
    """
    kind = ctx.kind
    if kind is None:
        return
    if kind is SituationKind.FOLLOW_UP:
        if not ctx.next_step_spans() and not ctx.has("contact-way"):
            at = ctx.end_of_text()
            yield Hit(at, at, "A follow-up should tell the customer how to reopen the issue "
                      "or reach a person.", "If it happens again, just reply to this email "
                      "and it comes straight to me.")
        return
    if kind in _NEXT_STEPS_REQUIRED and not learned.keeps_a_step(ctx, ctx.next_step_spans()) \
            and not learned.tells(ctx, "next_steps"):
        at = ctx.end_of_text()
        yield Hit(at, at, "The message does not say what happens next, who does it, or when.",
                  "I've re-sent your order; it will reach you by Thursday.")


def _next_steps_without_time(ctx: CheckContext) -> Iterator[Hit]:
    """When the failure was ours, flags a promise of ours ('we will look into it') among the
    next steps when no next-step sentence gives a concrete time ('by Friday', 'within 2
    working days', 'tomorrow', 'in den nächsten 3 bis 5 Werktagen') and there is no
    tracking. A date elsewhere ('we missed the cut-off on 3 June') is not a new date. Steps
    that promise nothing ('Restore the file from Settings > Backups') and steps told as done
    ("I've removed the £5 charge") need no time; a matter handed on ("we've passed this to
    the billing team") still does.
    """
    if not ctx.needs_owning_apology:
        return
    steps = ctx.next_step_spans()
    if not steps or ctx.has("tracking"):
        return
    # the time must belong to a next step: "we missed the cut-off on 3 June" names no new date
    # (the literal time words first: the <num> phrases cost a pattern search)
    if any(s_start <= t < s_end for t, _ in ctx.found.get("timeframe", ())
           for s_start, s_end in steps):
        return
    promises = _promises(ctx, steps)
    if not promises:
        return
    times = ctx.spans("timeframe")
    if not any(s_start <= t < s_end for t, _ in times for s_start, s_end in steps) \
            and not _resolvable_time(ctx, steps):
        start, end = promises[0]
        yield Hit(start, end,
                  f"'{ctx.text[start:end]}' says what will happen but not when, and gives no "
                  "tracking: name a date or a way to follow it.",
                  "It will reach you by Friday 14 March; tracking number JD014600006.")


def _promises(ctx: CheckContext, steps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The next-step sentences that hold a transfer, or a commitment not told as done: what
    someone will do. A request or an offer ("please", "you can") promises no time; "I've
    removed the £5 charge" is done, while "we've passed this to the billing team" still
    leaves the customer waiting on someone. A promise in a sentence that opens with a
    condition waits on the customer ("If that time doesn't suit, reply and I'll find
    another")."""
    transfers = [start for start, _end in ctx.spans("transfer")]
    norm = ctx.norm
    # a request or an offer to the customer ("please", "you can", "bitte rufen Sie uns
    # an": commitment phrases tagged ``@request``) promises nothing of ours
    requests = ctx.spans(REQUEST)
    commitments = [start for start, end in ctx.spans("commitment")
                   if (start, end) not in requests]
    return [(s0, s1) for s0, s1 in steps
            if any(s0 <= at < s1 for at in transfers)
            or (not opens_with_condition(norm, s0, s1) and any(
                s0 <= at < s1 and not tells_done(norm, clause_start(norm, s0, at), s1)
                for at in commitments))]


#: the tag of commitment phrases that ask or offer rather than promise ("please", "you can")
REQUEST = "request"


_DIGIT = re.compile(r"\d")
#: any moment will do: only whether a time can be resolved is asked
_SOME_MOMENT = datetime(2026, 1, 5, 12, tzinfo=UTC)


def _resolvable_time(ctx: CheckContext, steps: list[tuple[int, int]]) -> bool:
    """Whether a next step holds a time the timing rules can resolve ("en 5 a 7 días
    hábiles", "in den nächsten 3 bis 5 Werktagen"), which the time-word lexicon may lack."""
    text = ctx.text
    if not any(_DIGIT.search(text, start, end) for start, end in steps):
        return False  # what the lexicon lacks are durations with figures ("en 2 o 3 días")
    locale = ctx.customer.locale if ctx.customer is not None else None
    found = find_time_expressions(text, sent_at=_SOME_MOMENT, locale=locale, spans=steps,
                                  norm=ctx.norm)
    return any(expression.due is not None for expression in found)


_COMPLAINT_OURS = {"situation": {"kind": "complaint", "our_fault": True}}
_DELAY_OURS = {"situation": {"kind": "delay", "our_fault": True}}

#: What the rules below need (courtesy.rules.model.FACTS).
_NEEDS_SITUATION = frozenset({"situation"})

RULES = (
    Rule(
        code="EL001", name="missing-apology", category=Category.APOLOGY,
        severity=Severity.ERROR,
        kind=Custom(check=_missing_apology, needs=_NEEDS_SITUATION), seed="002",
        practice="Manners cost nothing ... Most importantly: say sorry. If you fail to "
                 "deliver, admit it and apologise.",
        why="When we failed the customer, a reply without an apology reads as indifference; "
            "a simple, sincere apology beats any amount of business jargon. A non-apology "
            "('sorry if you feel...') does not count.",
        bad=("Hi Nick, your refund will arrive by Friday. Thanks for your patience.",
             "Hi Nick, we're sorry if you feel let down. Your refund will arrive by Friday. "
             "Thank you."),
        good=("Hi Nick, I'm sorry: we charged you twice. Your refund will arrive by Friday. "
              "Thanks for your patience.",
              "Hi Nick, we made a mistake with your order. Your refund will arrive by Friday. "
              "Thank you."),
        context=_COMPLAINT_OURS,
    ),
    Rule(
        code="EL002", name="missing-thanks", category=Category.THANKS,
        severity=Severity.ERROR,
        kind=Custom(check=_missing_thanks, needs=_NEEDS_SITUATION), seed="003",
        practice="Every interaction with a customer should conclude with you thanking them "
                 "for their continued patronage.",
        why="Thanks acknowledges the customer's time and effort in writing to us; leaving it "
            "out makes a reply transactional.",
        bad=("Hi Ana, the blue kettle is back in stock and I've reserved one for you.",
             "Hi Ana, yes, the store opens at 9 on Sundays."),
        good=("Hi Ana, thanks for asking! The blue kettle is back in stock and I've reserved "
              "one for you.",
              "Hi Ana, yes, the store opens at 9 on Sundays. Thank you for checking with us."),
        context={"situation": {"kind": "inquiry"}},
    ),
    Rule(
        code="EL003", name="missing-next-steps", category=Category.NEXT_STEPS,
        severity=Severity.ERROR,
        kind=Custom(check=_missing_next_steps, needs=_NEEDS_SITUATION), seed="002",
        practice="Let them know what steps are being taken to remedy things ... It isn't "
                 "enough to simply fix something. You need to communicate the resolution.",
        why="A reply that acknowledges a problem but does not say what happens next leaves "
            "the customer to chase us.",
        bad=("Hi Nick, I'm so sorry your parcel is late. Thank you for your patience.",
             "Dear Mr Owen, we apologise for the error on your bill. Thanks for telling us."),
        good=("Hi Nick, I'm so sorry your parcel is late. I've re-sent it by express; it "
              "arrives Thursday, tracking JD0123456. Thank you for your patience.",
              "Dear Mr Owen, we apologise for the error on your bill. I have refunded the "
              "£12 today. Thanks for telling us."),
        context=_DELAY_OURS,
    ),
    Rule(
        code="EL004", name="next-steps-without-time", category=Category.NEXT_STEPS,
        severity=Severity.WARNING, kind=Custom(check=_next_steps_without_time,
                                     needs=_NEEDS_SITUATION), seed="002",
        practice="Contact the customer in person as soon as you can ... offer tracking for "
                 "anything you dispatch so the customer can see where and when.",
        why="'We will look into it' without a date or tracking is a promise the customer "
            "cannot hold us to.",
        bad=("Hi Nick, I'm sorry your parcel is late. We will send a replacement. Thanks.",
             "Hi Nick, I'm sorry we charged you twice. I'll refund you. Thank you."),
        good=("Hi Nick, I'm sorry your parcel is late. We will send a replacement today. "
              "Thanks.",
              "Hi Nick, I'm sorry we charged you twice. I'll refund you by Friday. Thank you."),
        context=_DELAY_OURS,
    ),
    Rule(
        code="EL005", name="apology-without-ownership", category=Category.APOLOGY,
        severity=Severity.WARNING, kind=Custom(check=_apology_without_ownership,
                                     needs=_NEEDS_SITUATION), seed="003",
        practice="An unwillingness to accept responsibility for mistakes ... can cause "
                 "irreparable harm to your customer relationships.",
        why="'Sorry to hear that' sympathises from a distance; when the failure was ours, "
            "the customer needs us to own it.",
        bad=("Hi Nick, sorry to hear your parcel is late. It will arrive Friday. Thanks.",
             "Hi Nick, I understand how frustrating this is. We will refund you by Friday. "
             "Thank you."),
        good=("Hi Nick, I'm sorry: we sent your parcel late. It will arrive Friday. Thanks.",
              "Hi Nick, we made a mistake and charged you twice. We will refund you by "
              "Friday. Thank you."),
        context=_COMPLAINT_OURS,
    ),
)
