"""A tiny shop back end that e-mails customers when their order is late.

This is plain Python standing in for a web app: ``notify_delay(order_id)`` is what a
Flask or FastAPI route (``POST /orders/<id>/delay``) would call. It renders the e-mail from
courtesy's built-in pack, refuses to send anything that fails the checks, and "sends" by
appending to an outbox list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import courtesy

AGENT = "Priya Shah, Customer Care"


@dataclass(frozen=True)
class Order:
    id: str
    customer: dict[str, Any]  # the profile as stored: name parts, locale, formality
    reason: str  # what went wrong, in our words
    new_date: str  # already formatted for the customer
    tracking: str
    delivery_refund: str | None = None
    customer_message: str | None = None  # what the customer wrote to us, if anything


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    body: str


@dataclass
class Outbox:
    sent: list[Email] = field(default_factory=list)


ORDERS = {
    "A-1042": Order(
        id="A-1042",
        customer={"id": "C-20417", "name": {"title": "Ms", "given": "Zoë",
                                            "family": "van der Berg"}},
        reason="We packed it two days after we promised.",
        new_date="Thursday 14 March",
        tracking="JD0012345678",
        delivery_refund="£4.99",
        customer_message="My parcel is a week late and nobody answers the phone.",
    ),
}


def _pack() -> courtesy.Pack:
    return courtesy.Pack.builtin("default")


def delay_email(order: Order, *, strict: bool = True) -> courtesy.Message:
    """Render the order-delay e-mail for ``order`` (checked; strict raises if discourteous)."""
    situation = {"kind": "delay", "our_fault": True, "customer_message": order.customer_message}
    return _pack().render(
        "delay_apology", order.customer, situation, channel="email", strict=strict,
        order={"id": order.id, "reason": order.reason, "new_date": order.new_date,
               "tracking": order.tracking, "refund": order.delivery_refund},
        agent=AGENT,
    )


def delay_sms(order: Order, *, strict: bool = True) -> courtesy.Message:
    """The short version for customers who asked for texts."""
    return courtesy.render(
        "{{ customer | salutation }}, sorry: order {{ order.id }} is late, our fault. "
        "It will reach you on {{ order.new_date }}, tracking {{ order.tracking }}. "
        "Thanks for your patience. Reply here for help. {{ agent }}",
        order.customer, {"kind": "delay", "our_fault": True}, channel="sms", strict=strict,
        order={"id": order.id, "new_date": order.new_date, "tracking": order.tracking},
        agent="Priya",
    )


def notify_delay(order_id: str, outbox: Outbox) -> Email:
    """The endpoint: look the order up, render the e-mail, send it.

    Raises ``KeyError`` for an unknown order and ``courtesy.DiscourteousMessage`` when the
    message fails the checks, so nothing discourteous leaves the building.
    """
    order = ORDERS[order_id]
    message = delay_email(order)
    email = Email(to=order.customer.get("id", "unknown"),
                  subject=f"Your order {order.id} is late: new date {order.new_date}",
                  body=message.text)
    outbox.sent.append(email)
    return email
