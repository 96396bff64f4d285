"""Channels (SMS encoding and segments, public-reply privacy) and Babel filters."""

from __future__ import annotations

from typing import Any

import pytest

from courtesy import check, render
from courtesy.exceptions import TemplateError
from courtesy.rules.catalog.channels import GSM7_BASIC, GSM7_EXTENSION, sms_encoding


@pytest.mark.parametrize(("text", "encoding", "units", "segments"), [
    ("a" * 160, "GSM-7", 160, 1),
    ("a" * 161, "GSM-7", 161, 2),
    ("a" * 306, "GSM-7", 306, 2),
    ("a" * 307, "GSM-7", 307, 3),
    ("€" * 80, "GSM-7", 160, 1),  # extension table: two septets each
    ("€" * 81, "GSM-7", 162, 2),
    ("ë" + "a" * 69, "UCS-2", 70, 1),
    ("ë" + "a" * 70, "UCS-2", 71, 2),
    ("ë" + "a" * 133, "UCS-2", 134, 2),
    ("ë" + "a" * 134, "UCS-2", 135, 3),
    ("é" * 160, "GSM-7", 160, 1),  # é, è, ü, ñ... are in the basic table
    ("39,99\u00a0€", "UCS-2", 7, 1),  # a no-break space from Babel formatting
    ("🙂" * 35, "UCS-2", 70, 1),  # astral characters are two UTF-16 units
])
def test_sms_encoding_and_segments(text: str, encoding: str, units: int,
                                   segments: int) -> None:
    result = sms_encoding(text)
    assert (result.encoding, result.units, result.segments) == (encoding, units, segments)


def test_gsm_tables_hold_the_standard_characters() -> None:
    assert len(GSM7_BASIC) == 128
    assert len(GSM7_EXTENSION) == 10
    assert not GSM7_BASIC & GSM7_EXTENSION
    for ch in "@£$¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉÄÖÑÜ§¿äöñüà¡":
        assert ch in GSM7_BASIC
    for ch in "ëçâêîôûáíóúœ\u00a0\u202f’“”":
        assert ch not in GSM7_BASIC
        assert ch not in GSM7_EXTENSION


SMS_TEMPLATE = ("{{ customer | salutation }}, your refund of {{ amount | money('EUR') }} for "
                "order A-2210 is on its way and reaches your account within three working "
                "days. Thank you for your patience; reply to this text if it has not arrived "
                "by Friday. Sam")


def test_one_character_switches_the_encoding_and_is_reported() -> None:
    plain = render(SMS_TEMPLATE, {"name": "Zoe Smith", "locale": "en-GB"},
                   {"kind": "error", "our_fault": True}, channel="sms", strict=False,
                   amount=39.99)
    assert sms_encoding(plain.text).encoding == "GSM-7"
    assert not [f for f in plain.report.findings if f.rule == "CH001"]
    curly = plain.text.replace("reply to this", "we’ll wait for your reply to this")
    (finding,) = [f for f in check(curly, channel="sms").findings if f.rule == "CH001"]
    assert curly[finding.start:finding.end] == "’"
    assert "UCS-2" in finding.message
    assert "instead of 2 in GSM-7" in finding.message
    assert finding.suggestion == "Use \"'\" for '’'."


def test_the_customers_own_name_is_never_reported() -> None:
    # "Zoë" costs the SMS its GSM-7 encoding, but writing "Zoe" would misspell her (NM001):
    # CH001 only reports what can be changed.
    dieresis = render(SMS_TEMPLATE, {"name": "Zoë Smith", "locale": "en-GB"},
                      {"kind": "error", "our_fault": True}, channel="sms", strict=False,
                      amount=39.99)
    assert sms_encoding(dieresis.text).encoding == "UCS-2"
    assert not [f for f in dieresis.report.findings if f.rule == "CH001"]
    # Without the profile the ë is just a character outside GSM-7.
    assert "CH001" in {f.rule for f in check(dieresis.text, channel="sms").findings}
    # A dash next to the name: fixing it saves nothing while the name needs UCS-2.
    dashed = dieresis.text.replace("Thank you", "– thank you")
    report = check(dashed, channel="sms", customer={"name": "Zoë Smith"})
    assert not [f for f in report.findings if f.rule == "CH001"]
    # With a GSM-7 name the same dash is reported, with its stand-in.
    report = check(dashed.replace("Zoë", "Zoe"), channel="sms",
                   customer={"name": "Zoe Smith"})
    (finding,) = [f for f in report.findings if f.rule == "CH001"]
    assert finding.suggestion == "Use '-' for '–'."


@pytest.mark.parametrize(("character", "advice"), [
    ("\u2019", "Use \"'\" for '\u2019'."), ("\u2014", "Use '-' for '\u2014'."),
    ("\u2026", "Use '...' for '\u2026'."), ("\u20b9", "Use 'Rs' for '\u20b9'."),
    ("á", "Use 'a' for 'á'."), ("\U0001f600", "Leave out '\U0001f600'."),
])
def test_each_character_gets_a_gsm7_stand_in(character: str, advice: str) -> None:
    text = ("Hi Nick, your cheque cleared today and the funds are in your account now. We "
            "will text you again when the card arrives " + character + " Westbank")
    (finding,) = [f for f in check(text, channel="sms").findings if f.rule == "CH001"]
    assert finding.suggestion == advice


def test_a_long_sms_in_ucs2_is_told_what_gsm7_would_take() -> None:
    text = ("Hi Aoife, sorry we missed the broadband install window today – our engineer "
            "was called to an emergency. He can come tomorrow between 8am and 12pm, or "
            "Friday 1pm–5pm. Reply 1 or 2 to choose. Thanks, Dara")
    findings = {f.rule: f for f in check(text, channel="sms",
                                         customer={"name": "Aoife Byrne"}).findings}
    assert "4 segments" in findings["CH002"].message
    assert "takes 2 segments" in (findings["CH002"].suggestion or "")
    assert "instead of 2 in GSM-7" in findings["CH001"].message


def test_a_no_break_space_from_locale_formatting_is_reported() -> None:
    message = render(SMS_TEMPLATE, {"name": "Nick Owen", "locale": "fr-FR"},
                     {"kind": "error", "our_fault": True}, channel="sms", strict=False,
                     amount=39.99)
    assert "39,99\u00a0€" in message.text
    (finding,) = [f for f in message.report.findings if f.rule == "CH001"]
    assert "U+00A0" in finding.message
    assert "no-break space" in (finding.suggestion or "")


def test_channel_rules_only_run_on_their_channel() -> None:
    text = "Thanks, Nick: we emailed nick.owen@example.com about order A-1042."
    assert {f.rule for f in check(text, channel="public").findings} >= {"PV001", "PV002"}
    assert not {f.rule for f in check(text, channel="email").findings} & {"PV001", "PV002"}
    long_sms = "Zoë, " + "your parcel is on its way. " * 12
    assert "CH002" in {f.rule for f in check(long_sms, channel="sms").findings}
    assert "CH002" not in {f.rule for f in check(long_sms, channel="email").findings}


@pytest.mark.parametrize(("text", "rule"), [
    ("Sorry about ticket #48213, we'll fix it.", "PV001"),
    ("Your invoice no. INV-20931 was wrong; I've sent you a DM.", "PV001"),
    ("Ihre Bestellung Nr. 4711-2231 ist unterwegs.", "PV001"),
    ("Call us back on +44 20 7946 0958 please.", "PV003"),
    ("Votre colis est au 12 rue de la Paix.", "PV004"),
    ("Lo enviamos a Calle Mayor 5 por error.", "PV004"),
    ("Write to maria.cruz@example.es and we'll sort it.", "PV002"),
    ("We've written to help.desk.fan@gmail.com about it.", "PV002"),
    ("We can see booking ref QX7TRF, and the bag is on the 14:20 flight.", "PV001"),
    ("Votre nouvelle réservation, référence KXP4TZ, est confirmée.", "PV001"),
    ("Tu pedido se envió a la calle Alcalá 212 por error.", "PV004"),
])
def test_private_data_in_public_replies(text: str, rule: str) -> None:
    assert rule in {f.rule for f in check(text, channel="public").findings}


@pytest.mark.parametrize("text", [
    "Thank you for telling us. I have sent you a private message so we can put it right today.",
    "Your refund of £39.99 is on its way; it arrives by 14 March 2026.",
    "Write to support@example.com and I'll reply personally within 2 hours.",
    "We're open 9-17 on weekdays and reply within 24 hours.",
    "Your 2 parcels are on their way and arrive on Main Street day, 14 March.",
    "Nos quedan 3 calles por recorrer; le escribimos en privado.",
    "We'd love the chance to make it right: please email guest@hotel.example.",
    "Schreiben Sie an kundenservice@stadtwerke.example, ich antworte heute noch.",
    "Escríbanos a atencion.cliente@banco.example y le respondemos hoy.",
    "Our team at guest-relations@resort.example will call you back today.",
])
def test_public_replies_without_private_data_pass_privacy(text: str) -> None:
    assert not [f for f in check(text, channel="public").findings
                if f.rule.startswith("PV")]


def test_an_order_number_is_not_a_phone_number() -> None:
    text = "Perdona el lío: tu pedido 4410-2287 salió tarde. Te escribimos por privado."
    rules = [(f.rule, text[f.start:f.end]) for f in check(text, channel="public").findings
             if f.rule.startswith("PV")]
    assert rules == [("PV001", "4410-2287")]


def test_an_address_holding_the_customers_name_is_personal_even_at_a_company() -> None:
    nick = {"name": "Nick Owen"}
    for text in ("We emailed owen.n@example.co.uk this morning.",
                 "We emailed nickowen84@example.co.uk this morning."):
        assert "PV002" in {f.rule for f in check(text, channel="public", customer=nick).findings}
    # the company's own mailbox, with the customer known, is still fine to give out
    text = "Write to support-uk@example.com and I'll reply today."
    assert "PV002" not in {f.rule for f in check(text, channel="public",
                                                 customer=nick).findings}


# -- Babel filters ---------------------------------------------------------------------------

def _render(template: str, locale: str, **context: Any) -> Any:
    return render(template, {"name": "Nick Owen", "locale": locale}, strict=False, **context)


@pytest.mark.parametrize(("locale", "expected"), [
    ("en-GB", "14 March 2026|£1,234.50|1,234.5|a, b and c"),
    ("en-US", "March 14, 2026|£1,234.50|1,234.5|a, b, and c"),
    ("de-DE", "14. März 2026|1.234,50\u00a0£|1.234,5|a, b und c"),
    ("fr-FR", "14 mars 2026|1\u202f234,50\u00a0£GB|1\u202f234,5|a, b et c"),
    ("es-ES", "14 de marzo de 2026|1.234,50\u00a0GBP|1.234,5|a, b y c"),
])
def test_babel_filters_follow_the_customer_locale(locale: str, expected: str) -> None:
    message = _render("{{ d | date }}|{{ amount | money('GBP') }}|{{ n | number }}|"
                      "{{ items | list_and }}", locale, d="2026-03-14", amount="1234.50",
                      n=1234.5, items=["a", "b", "c"])
    assert message.text == expected


def test_times_datetimes_and_plurals() -> None:
    message = _render("{{ t | time }}|{{ when | datetime('short') }}|"
                      "{{ 1 | plural('parcel', 'parcels') }}|{{ 3 | plural('{n} parcels') }}|"
                      "{{ 2 | plural('parcel', '{n} parcels') }}", "en-GB", t="14:30",
                      when="2026-03-14T09:05:00")
    assert message.text == "14:30|14/03/2026, 09:05|parcel|3 parcels|2 parcels"
    assert _render("{{ t | time }}", "en-US", t="14:30").text == "2:30\u202fPM"


def test_formatted_values_keep_their_data_origin() -> None:
    message = _render("Refund: {{ order.refund | money('EUR') }} by {{ order.by | date }}.",
                      "de-DE", order={"refund": 39.99, "by": "2026-03-15"})
    fields = [s.field for s in message.trace.spans]
    assert fields == ["order.refund", "order.by"]


@pytest.mark.parametrize(("template", "fragment"), [
    ("{{ 'soon' | date }}", "needs a date"),
    ("{{ 5 | money('euros') }}", "ISO 4217"),
    ("{{ 'five' | number }}", "needs a number"),
    ("{{ 'abc' | list_and }}", "needs a list"),
    ("{{ '25:99' | time }}", "needs a time"),
])
def test_babel_filter_errors_are_clear(template: str, fragment: str) -> None:
    with pytest.raises(TemplateError, match=fragment):
        _render(template, "en-GB")


def test_locales_are_cached_not_parsed_per_message() -> None:
    from courtesy.localization import get_locale

    _render("{{ 1 | number }}", "de-AT")
    before = get_locale.cache_info()
    for _ in range(20):
        _render("{{ 1 | number }} {{ 2 | money('EUR') }}", "de-AT")
    after = get_locale.cache_info()
    assert after.misses == before.misses
    assert after.hits > before.hits
