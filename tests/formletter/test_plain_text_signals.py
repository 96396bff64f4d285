"""FL001 on plain text: what counts as personal, and what is stock (docs/form-letters.md).

Each case is a reply as a customer would receive it, written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from courtesy import check

CLARKE = {"name": {"title": "Ms", "given": "Joanna", "family": "Clarke"}, "locale": "en-GB"}


def _flagged(text: str, said: str | None = None, customer: dict[str, Any] = CLARKE,
             kind: str = "complaint") -> bool:
    situation = {"kind": kind, "customer_message": said} if said else {"kind": kind}
    report = check(text, customer=customer, situation=situation, select=["FL001"])
    return bool(report.findings)


# -- numbers: references versus stock ---------------------------------------------------------

def test_our_phone_number_is_not_personal() -> None:
    text = ("Dear Ms Clarke,\n\nWe have received your request and a member of our team will "
            "get back to you shortly. If it is urgent, please call us on 0345 600 7788.\n\n"
            "Kind regards,\nAccounts Team")
    assert _flagged(text)
    with_reference = text.replace("your request", "your request about invoice 88120")
    assert not _flagged(with_reference)


@pytest.mark.parametrize("number", ["+44 20 7946 0321", "(020) 7946 0321", "1-800-555-0142"])
def test_phone_numbers_in_other_shapes_are_not_personal(number: str) -> None:
    text = (f"Dear Ms Clarke, we have received your request and a member of our team will "
            f"respond as soon as possible. You can also call us on {number}.")
    assert _flagged(text)


def test_a_duration_in_brackets_is_still_stock() -> None:
    text = ("Dear Ms Clarke,\n\nWe have received your request and a member of our team will "
            "get back to you shortly (usually within 48 hours).")
    assert _flagged(text)
    assert not _flagged(text.replace("(usually within 48 hours)", "(ticket 48213)"))


def test_a_long_signature_block_is_not_content() -> None:
    text = ("Dear Ms Clarke,\n\nThank you for contacting us. We have received your request "
            "and a member of our team will get back to you as soon as possible.\n\nKind "
            "regards,\nAnna Szymańska\nCustomer Care Manager\nHarbourside Lettings Ltd\n"
            "Quayside House\nLeeds LS1 4AB\nwww.harbourside.example")
    assert _flagged(text)


def test_a_tracking_number_is_a_reference_even_when_it_starts_with_zero() -> None:
    text = ("Dear Ms Clarke,\n\nThank you for your message. We have received your request and "
            "your parcel is on its way with tracking number 00340434161094023377.")
    assert not _flagged(text)


def test_a_percentage_is_a_rate_not_a_reference() -> None:
    text = ("Dear Ms Clarke,\n\nYour feedback is important to us. We aim for 98% of our "
            "customers to be happy with our service, and your comments have been passed on.")
    assert _flagged(text)
    assert not _flagged(text.replace("We aim for 98% of our customers to be happy with our "
                                     "service", "Your refund of £18.40 is on its way"))


# -- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("day", ["on Thursday", "since Monday", "for your March invoice"])
def test_weekday_and_month_names_date_the_reply(day: str) -> None:
    text = ("Dear Ms Clarke,\n\nWe have received your complaint about the visit " + day
            + " and a member of our team will be in touch as soon as possible.")
    assert not _flagged(text)
    assert _flagged(text.replace(" " + day, ""))


def test_a_possessive_weekday_is_a_date_too() -> None:
    text = ("Dear Ms Clarke,\n\nWe have received your complaint about Thursday's missed "
            "visit and a member of our team will be in touch as soon as possible.")
    assert not _flagged(text)


def test_a_customer_called_after_a_month_is_not_a_date() -> None:
    june = {"name": {"given": "June", "family": "Okafor"}, "locale": "en-GB"}
    text = ("Dear June Okafor,\n\nThank you for contacting us. We have received your request "
            "and a member of our team will get back to you as soon as possible.")
    assert _flagged(text, customer=june)


# -- the customer's own words --------------------------------------------------------------------

def test_word_forms_of_the_customers_words_are_echoes() -> None:
    said = "My bike arrived with a bent wheel."
    text = ("Dear Ms Clarke,\n\nWe have received your request. All our bikes are checked "
            "before dispatch, and damaged wheels are replaced free of charge; a member of our "
            "team will contact you.")
    assert not _flagged(text, said)  # bike ~ bikes, wheel ~ wheels
    assert _flagged(text.replace("bikes", "products"), said)


def test_one_shared_word_is_not_enough_in_a_canned_reply() -> None:
    said = "The engineer never turned up for the boiler service."
    text = ("Dear Ms Clarke,\n\nWe have received your complaint about the engineer and a "
            "member of our team will be in touch as soon as possible. We apologise for any "
            "inconvenience this may have caused.")
    assert _flagged(text, said)


# -- specific words ----------------------------------------------------------------------------

def test_specific_words_count_when_the_customer_message_is_known() -> None:
    said = "Can I take my dog into the holiday cottage?"
    text = ("Hi Joanna, thanks for checking before you book. Well-behaved pets are welcome in "
            "Heron Cottage, but not upstairs or on the sofas; there's a £20 cleaning fee.")
    assert not _flagged(text.replace("; there's a £20 cleaning fee", ", and towels are "
                                     "provided for muddy paws"), said)


def test_a_thank_you_opener_does_not_make_a_specific_reply_canned() -> None:
    said = "Is my teenager allowed to drive my hatchback?"
    text = ("Dear Ms Clarke,\n\nThank you for your email. Your cover lets named drivers use "
            "the car, so your son needs adding to the policy as a named driver before he "
            "borrows it.\n\nKind regards,\nMotor Team")
    assert not _flagged(text, said)


def test_canned_phrasing_leaves_only_hard_evidence() -> None:
    said = "My new sofa arrived with a torn cushion."
    text = ("Dear Ms Clarke,\n\nWe have received your complaint. Upholstery faults are covered "
            "by the manufacturer's guarantee and a member of our team will arrange an "
            "inspection as soon as possible.\n\nKind regards,\nCustomer Care")
    assert _flagged(text, said)


@pytest.mark.parametrize("line", [
    "Due to high demand, some deliveries are taking longer than usual.",
    "We have passed your case on to our claims department.",
    "We're sorry to see you go.",
    "You will receive a confirmation email once the change has gone through.",
])
def test_stock_lines_of_topic_macros_are_canned(line: str) -> None:
    said = "I want to cancel my broadband contract."
    text = ("Dear Ms Clarke,\n\n" + line + " Your subscription stays active until the end of "
            "the current billing cycle and no further payments will be collected.")
    assert _flagged(text, said)


@pytest.mark.parametrize(("text", "locale"), [
    ("Sehr geehrte Frau Clarke,\n\nvielen Dank für Ihre Nachricht. Leider verzögert sich die "
     "Lieferung Ihrer Bestellung. Wir melden uns mit einem neuen Liefertermin.\n\nMit "
     "freundlichen Grüßen\nIhr Küchenwelt-Team", "de-DE"),
    ("Estimada Sra. Clarke:\n\nLe informamos de que su pedido sufre un retraso por motivos "
     "logísticos. Disculpe las molestias ocasionadas. Le entregaremos la estantería "
     "pronto.\n\nAtentamente,\nDepartamento de Atención al Cliente", "es-ES"),
    ("Dear Ms Clarke,\n\nThank you for contacting us. Your enquiry is important to us. Please "
     "refer to our website for full details of the benefits in your membership.\n\nKind "
     "regards,\nMembership Services", "en-GB"),
])
def test_stock_delay_and_enquiry_lines_make_a_form_letter(text: str, locale: str) -> None:
    # specific-looking words ("Liefertermin", "estantería", "membership") do not rescue it
    assert _flagged(text, "Where is my order?", customer={**CLARKE, "locale": locale})


def test_the_signature_is_not_the_customers_content() -> None:
    body = ("Dear Ms Clarke,\n\nThank you for contacting us. We have received your request and "
            "a member of our team will get back to you as soon as possible.")
    assert _flagged(body + "\n\nKind regards,\nDariusz Wójcik\nHarbourside Lettings")
    assert _flagged(body + "\n\nMit freundlichen Grüßen\nHarbourside Lettings Kundenservice")
    assert _flagged(body + "\n\nSincerely,\nPatient Billing\nThis mailbox is not monitored.")


def test_a_colleague_named_in_the_body_is_specific() -> None:
    text = ("Dear Ms Clarke,\n\nWhat a kind message. I've passed it to Dariusz, who fitted your "
            "blinds, and to his manager at Harbourside, so it goes on his record.\n\nKind "
            "regards,\nSophie")
    assert not _flagged(text, "The fitter was brilliant, please thank him.", kind="thanks")


def test_web_addresses_are_not_content() -> None:
    text = ("Hi Joanna, we appreciate your business and we hope to see you again soon at "
            "lumahome.example or by email at care@luma.example.")
    said = "Loved the handwritten note in my parcel!"
    assert _flagged(text, said, kind="thanks")
    assert not _flagged(text.replace("lumahome.example", "the Lumahome showroom in Leeds"),
                        said, kind="thanks")
