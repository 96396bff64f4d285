"""Phrase rules (TN, BL, PR, CT): wording that undoes a reply, found by the lexicon pass."""

from __future__ import annotations

from typing import TYPE_CHECKING

from courtesy.profiles import Channel
from courtesy.rules.model import Category, Existence, Rule, Severity

if TYPE_CHECKING:
    from courtesy.rules.context import CheckContext

__all__ = ["RULES"]


def _not_public(ctx: CheckContext) -> bool:
    return ctx.channel is not Channel.PUBLIC


RULES = (
    Rule(
        code="TN001", name="non-apology", category=Category.TONE, severity=Severity.ERROR,
        kind=Existence(topic="non-apology",
                       message="{match!r} regrets the customer's feelings, not what we did: "
                               "it is not an apology."),
        seed="002",
        practice="If you fail to deliver, admit it and apologise ... Even if something isn't "
                 "your fault, don't brush them off or defer blame.",
        why="'Sorry if you feel...' puts the problem in the customer's reaction instead of "
            "our failure; customers read it as a refusal to apologise.",
        bad=("We're sorry if you feel let down by the delay.",
             "We apologise if you were inconvenienced in any way."),
        good=("We're sorry: we shipped your order four days late.",
              "I apologise. We charged you twice, and the refund left today."),
        suggestion="Name what went wrong and own it: \"I'm sorry we sent it late.\"",
    ),
    Rule(
        code="TN002", name="defensive-boilerplate", category=Category.TONE,
        severity=Severity.WARNING,
        kind=Existence(topic="boilerplate",
                       message="{match!r} is stock wording that stands in for acknowledging "
                               "the actual problem."),
        seed="002",
        practice="We take your complaint very seriously ... However seriously you take a "
                 "problem, if you don't pass this attitude on then it's worthless.",
        why="Phrases like 'we take your complaint very seriously' or 'we apologise for any "
            "inconvenience this may have caused' are what companies say instead of showing "
            "that they care; show it by naming the problem and the fix.",
        bad=("We take your complaint very seriously.",
             "We apologize for any inconvenience this may have caused."),
        good=("I've read your message and you're right: the charger we sent was faulty.",
              "I'm sorry the engineer missed your appointment on Tuesday."),
        suggestion="Say what happened and what we are doing about it.",
    ),
    Rule(
        code="BL001", name="blame-partner", category=Category.BLAME, severity=Severity.ERROR,
        kind=Existence(topic="blame-partner",
                       message="{match!r} shifts responsibility to someone else; the customer "
                               "chose us, so we own it."),
        seed="004",
        practice="Don't try to shift responsibility somewhere else, even if it's true ... "
                 "such as a credit card company, banking partner, or shipping organization.",
        why="Customers dealt with us, not with our courier or bank; blaming a partner reads as "
            "an excuse and earns less goodwill than owning the mistake.",
        bad=("Your parcel was delayed by the courier, which is outside our control.",
             "The delay was caused by our payment provider."),
        good=("We sent your parcel with a courier who let us down, and that's on us.",
              "I'm sorry: your payment was held up, and I've now pushed it through myself."),
        suggestion="Own it: \"We let you down, and here is what I've done about it.\"",
    ),
    Rule(
        code="BL002", name="blame-customer", category=Category.BLAME, severity=Severity.ERROR,
        kind=Existence(topic="blame-customer",
                       message="{match!r} argues with the customer instead of helping them."),
        seed="002",
        practice="Be prepared to back down ... wading into an argument represents a "
                 "fundamental flaw in your business. Take it on the chin.",
        why="Telling customers they should have read the terms wins the argument and loses "
            "the customer, plus all their friends.",
        bad=("As stated in our terms, you should have checked the size before ordering.",
             "You failed to enter the correct address."),
        good=("The size guide on that page is easy to miss; I've swapped it for a 42.",
              "The address on the order was missing a house number, so I've added it."),
    ),
    Rule(
        code="PR001", name="over-promise", category=Category.PROMISE,
        severity=Severity.WARNING,
        kind=Existence(topic="over-promise",
                       message="{match!r} promises more than anyone can guarantee."),
        seed="002",
        practice="Don't make promises your business can't keep ... Never promise more than "
                 "you can deliver.",
        why="'This will never happen again' and '80% improvement' are promises the customer "
            "will remember when they are broken.",
        bad=("This will never happen again.", "Our new courier gives an 80% improvement in "
             "delivery times."),
        good=("I've changed how we pack glassware so that this is far less likely to happen.",
              "Our new courier delivered most orders a day sooner last month."),
        suggestion="Promise what you control: what you have changed and when.",
    ),
    Rule(
        code="CT001", name="no-reply-sender", category=Category.CONTACT,
        severity=Severity.ERROR,
        kind=Existence(topic="no-reply",
                       message="{match!r} tells the customer they cannot answer us."),
        seed="002",
        practice="Keep the lines of communication simple for your customers ... If a customer "
                 "emails a particular member of staff, then they should respond.",
        why="A reply that cannot be replied to closes the conversation on the customer's side "
            "and sends them hunting for a phone number.",
        bad=("Please do not reply to this email.", "This mailbox is not monitored."),
        good=("Just reply to this email and it comes straight to me.",
              "You can reach me directly on 020 7946 0018."),
        suggestion="Send from an address a person reads, and say so.",
    ),
    Rule(
        code="CT002", name="transfer", category=Category.CONTACT, severity=Severity.WARNING,
        kind=Existence(topic="transfer",
                       message="{match!r} passes the customer to someone else instead of "
                               "taking responsibility.",
                       when=_not_public),
        seed="002",
        practice="If you transfer a call at all, it should be to a senior member of staff who "
                 "can deal directly with the problem.",
        why="Sending the customer to another department, or to our courier, makes them do our "
            "work; handle it or hand it over yourself.",
        bad=("Please contact the relevant department.", "You will need to contact the courier "
             "directly."),
        good=("I've passed this to Priya in billing, who will email you by 4pm.",
              "I've called the courier and they will redeliver on Friday."),
    ),
)
