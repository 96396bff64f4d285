"""The order-delay messages are courteous for our customers, and for hard ones."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from order_app import ORDERS, Outbox, delay_email, delay_sms, notify_delay

from courtesy import Customer
from courtesy.testing import assert_courteous
from courtesy.testing.strategies import customers, hostile_strings

DELAY = {"kind": "delay", "our_fault": True}
pytestmark = pytest.mark.courtesy(situation=DELAY)


def test_delay_email_is_courteous(courteous: Any) -> None:
    courteous(delay_email(ORDERS["A-1042"], strict=False), channel="email")


@pytest.mark.courtesy(channel="sms")
def test_delay_sms_is_courteous(courteous: Any) -> None:
    courteous(delay_sms(ORDERS["A-1042"], strict=False))


def test_a_reply_that_blames_the_courier_is_caught(courteous: Any) -> None:
    # The reply a hurried agent might write by hand; the check must refuse it.
    reply = ("Dear Ms van der Berg, your parcel was delayed by the courier, which is outside "
             "our control. Please do not reply to this email.")
    with pytest.raises(AssertionError, match="no-reply-sender"):
        courteous(reply)


def test_the_endpoint_sends_the_checked_email() -> None:
    outbox = Outbox()
    email = notify_delay("A-1042", outbox)
    assert outbox.sent == [email]
    assert email.body.startswith("Dear Ms van der Berg,")
    assert "JD0012345678" in email.body


def test_delay_email_snapshot(courtesy_snapshot: Any) -> None:
    # Approved text and report live in tests/snapshots/; a template change shows as a diff.
    courtesy_snapshot(delay_email(ORDERS["A-1042"]))


# The titles our sign-up form offers.
SHOP_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof")


def _not_a_known_bug(customer: Customer) -> bool:
    # A courtesy 0.1 bug this property found; drop the filter once it is fixed: a name that
    # ends in a combining mark (the Thai ใจดี) is flagged NM001 in courtesy's own salutation.
    parts = customer.name.full.split()
    return not any(unicodedata.category(part[-1]) == "Mn" for part in parts)


@settings(max_examples=25, deadline=None)
@given(customer=customers(locales=["en-GB", "en-US", "en-IE"], formality="formal",
                          titles=SHOP_TITLES).filter(_not_a_known_bug))
def test_every_english_customer_gets_a_courteous_email(customer: Customer) -> None:
    order = replace(ORDERS["A-1042"], customer=customer.model_dump(exclude_none=True))
    message = delay_email(order, strict=False)
    assert_courteous(message, fail_on="error")


@settings(max_examples=25, deadline=None)
@given(customer=customers(hostile=True), note=st.one_of(st.none(), hostile_strings()))
def test_hostile_profiles_are_rendered_as_text_never_run(
    customer: Customer, note: str | None
) -> None:
    order = replace(ORDERS["A-1042"], customer=customer.model_dump(exclude_none=True),
                    customer_message=note)
    message = delay_email(order, strict=False)  # must not raise, whatever the name holds
    parts = [p for p in customer.name.model_dump().values() if p]
    if any("7*7" in p for p in parts) and not any("49" in p for p in parts):
        assert "49" not in message.text  # "{{ 7*7 }}" in a name is printed, not evaluated
