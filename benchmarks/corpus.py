"""A deterministic corpus of realistic support replies (300-500 characters) for benchmarks.

Replies are assembled from hand-written openings, bodies and closings across industries,
so the texts vary the way real ones do: courteous and discourteous, with names, numbers,
placeholders and boilerplate mixed in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

CUSTOMERS: list[dict[str, Any]] = [
    {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}, "locale": "en-GB"},
    {"name": {"given": "Siobhán", "family": "O'Brien"}, "locale": "en-IE"},
    {"name": {"title": "Ms", "given": "María José", "family": "de la Cruz"}, "locale": "en-US"},
    {"name": {"given": "Zoë", "family": "van der Berg"}, "formality": "informal"},
    {"name": {"given": "Bertram", "family": "Wooster", "nickname": "Bertie"},
     "formality": "informal"},
    {"name": {"title": "Dr", "given": "Amara", "family": "Okonkwo-Smith"}},
    {"name": {"title": "Mrs", "given": "Priya", "family": "Raghunathan"}},
    {"name": {"given": "Tomasz", "family": "Wiśniewski"}, "formality": "informal"},
]

SITUATIONS: list[dict[str, Any]] = [
    {"kind": "delay", "our_fault": True, "severity": "high"},
    {"kind": "complaint", "our_fault": False},
    {"kind": "error", "our_fault": True},
    {"kind": "inquiry"},
    {"kind": "follow_up"},
    {"kind": "thanks"},
]

OPENINGS = [
    "Dear {formal},", "Hi {informal},", "Hello {informal},", "Dear Sir or Madam,",
    "Dear Valued Customer,", "Good morning {informal},", "Dear {{{{ first_name }}}},",
    "Hi there,", "Dear Mr N.Owenn,", "Hey {informal}!",
]

BODIES = [
    "I'm sorry: your order {order} is a week late because we sent it to the wrong depot.",
    "We take your complaint very seriously and apologise for any inconvenience caused.",
    "I've re-sent it by express and it will reach you on Thursday; tracking {track}.",
    "Your parcel was delayed by the courier, which is outside our control.",
    "We're sorry if you feel let down by the service you received this month.",
    "I have refunded the £{amount} delivery charge to your card today.",
    "Thank you for contacting us. We have received your request and a member of our team "
    "will get back to you as soon as possible.",
    "The engineer missed your appointment on Tuesday, and that's our mistake.",
    "I've booked a new visit for Friday between 8 and 12, and he will call you first.",
    "Your new router is on its way and should arrive by Wednesday 12 March.",
    "As stated in our terms, you should have checked the size before ordering.",
    "This will never happen again, and our new process gives an 80% improvement.",
    "I checked your account and the double charge of £{amount} was our error.",
    "Yes, we deliver to Guernsey in 3 working days; the fee is £6.",
    "I've passed your kind words about Jo in our Leeds store to her manager.",
    "The refund of £{amount} should show in your account within 5 working days.",
    "Please contact the relevant department for questions about your bill.",
    "Your booking reference {order} is confirmed for 14 March at 7pm for four people.",
    "Sorry to hear the blue kettle arrived with a cracked lid.",
    "We will look into it and get back to you shortly.",
]

CLOSINGS = [
    "Thank you for your patience. Just reply to this email if anything else goes wrong.",
    "Thanks again, and do call me on 020 7946 0018 if you need anything.",
    "Please do not reply to this email.",
    "Kind regards, Customer Services",
    "Many thanks for letting us know.",
    "Best wishes, Priya",
    "This mailbox is not monitored.",
]


@dataclass(frozen=True)
class Sample:
    text: str
    customer: dict[str, Any]
    situation: dict[str, Any]


def _names(customer: dict[str, Any]) -> tuple[str, str]:
    name = customer["name"]
    informal = name.get("nickname") or name.get("given") or name["family"]
    if name.get("title"):
        formal = f"{name['title']} {name['family']}"
    else:
        formal = f"{name.get('given', '')} {name.get('family', '')}".strip()
    return formal, informal


def replies(count: int = 1000, seed: int = 20261123) -> list[Sample]:
    """``count`` replies of 300-500 characters with their customer and situation."""
    rng = random.Random(seed)
    out: list[Sample] = []
    while len(out) < count:
        customer = rng.choice(CUSTOMERS)
        formal, informal = _names(customer)
        parts = [rng.choice(OPENINGS).format(formal=formal, informal=informal), ""]
        body = rng.sample(BODIES, k=rng.randint(3, 5))
        parts.append(" ".join(body).format(order=f"A-{rng.randint(1000, 9999)}",
                                           track=f"JD{rng.randint(10**9, 10**10 - 1)}",
                                           amount=f"{rng.randint(3, 90)}.{rng.randint(10, 99)}"))
        parts += ["", rng.choice(CLOSINGS)]
        text = "\n".join(parts)
        if 300 <= len(text) <= 500:
            out.append(Sample(text, customer, rng.choice(SITUATIONS)))
    return out
