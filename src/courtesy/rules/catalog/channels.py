"""CH and PV: what a channel does to a message.

CH: an SMS is billed and split in segments. GSM 03.38's 7-bit alphabet fits 160 characters
in one segment (153 per segment once concatenated); a single character outside it (``ë``,
``ł``, a curly quote, the no-break space Babel puts in ``1 234,50 €``) switches the whole
message to UCS-2: 70 characters, 67 per concatenated segment. The extension table
(``€ [ ] { } \\ ~ ^ |`` and form feed) stays in GSM-7 but costs two septets each.

PV: a public reply (a review answer, a social-media post) is read by everyone. Order
numbers, e-mail addresses, phone numbers and street addresses belong in a private
channel; the courteous public reply invites the customer there instead.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from courtesy.names import strip_diacritics
from courtesy.profiles import Channel
from courtesy.rules.model import Category, Custom, Hit, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from courtesy.rules.context import CheckContext

__all__ = ["GSM7_BASIC", "GSM7_EXTENSION", "RULES", "SmsEncoding", "sms_encoding"]

#: GSM 03.38 default alphabet (basic character set), one septet each.
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
#: GSM 03.38 extension table: escape plus one septet, so two septets each.
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

#: Characters per segment: single message, then each part of a concatenated message.
GSM7_SINGLE, GSM7_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67
#: More segments than this is a letter, not a text message.
MAX_SMS_SEGMENTS = 3


class SmsEncoding:
    """How an SMS text is encoded and how many segments it takes."""

    __slots__ = ("encoding", "first_non_gsm", "segments", "units")

    def __init__(self, encoding: str, units: int, segments: int,
                 first_non_gsm: int | None) -> None:
        self.encoding = encoding
        self.units = units
        self.segments = segments
        self.first_non_gsm = first_non_gsm

    def __repr__(self) -> str:
        return f"SmsEncoding({self.encoding}, units={self.units}, segments={self.segments})"


def _segments(units: int, single: int, part: int) -> int:
    if units <= single:
        return 1
    return -(-units // part)


def sms_encoding(text: str) -> SmsEncoding:
    """GSM-7 or UCS-2, the length in septets or UTF-16 units, and the segment count."""
    septets = 0
    first_non_gsm: int | None = None
    for i, ch in enumerate(text):
        if ch in GSM7_BASIC:
            septets += 1
        elif ch in GSM7_EXTENSION:
            septets += 2
        else:
            first_non_gsm = i
            break
    if first_non_gsm is None:
        return SmsEncoding("GSM-7", septets, _segments(septets, GSM7_SINGLE, GSM7_PART), None)
    units = len(text.encode("utf-16-le")) // 2
    return SmsEncoding("UCS-2", units, _segments(units, UCS2_SINGLE, UCS2_PART), first_non_gsm)


def _gsm_equivalent(text: str, keep: frozenset[str] = frozenset()) -> str:
    """The text with non-GSM characters replaced by one GSM character each (for comparison);
    the characters in ``keep`` stay as they are."""
    return "".join(ch if ch in GSM7_BASIC or ch in GSM7_EXTENSION or ch in keep else "?"
                   for ch in text)


#: Typographic characters and their GSM-7 stand-ins, for the suggestion.
_GSM_STAND_INS = {
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'",
    "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"',
    "\u00bb": '"', "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2007": " ", "\u2022": "-", "\u00b7": "-", "\u20b9": "Rs", "\u20a6": "NGN",
    "\u20b1": "PHP", "\u20a9": "KRW", "\u20ba": "TL", "\u20ab": "VND", "\u20b4": "UAH",
    "\u0e3f": "THB",
}


def _name_characters(ctx: CheckContext) -> frozenset[str]:
    """The characters of the customer's name: the SMS must carry them whatever they cost
    (writing "Zoe" for "Zoë" to save a segment is a misspelling, NM001)."""
    customer = ctx.customer
    if customer is None:
        return frozenset()
    forms = customer.name_forms
    return frozenset("".join((forms.given, forms.middle, forms.family, forms.nickname,
                              forms.suffix)))


def _stand_in(ch: str) -> str:
    stand_in = _GSM_STAND_INS.get(ch)
    if stand_in is None and ch.isalpha() and (plain := strip_diacritics(ch)) != ch \
            and all(c in GSM7_BASIC for c in plain):
        stand_in = plain  # "á" → "a", as SMS writers do
    if stand_in is None:
        return f"leave out {ch!r}"
    if ch == "\u00a0":
        return "use a plain space for the no-break space (from number or date formatting)"
    return f"use {stand_in!r} for {ch!r}"


def _sms_ucs2(ctx: CheckContext) -> Iterator[Hit]:
    """On the SMS channel: flags the first character outside GSM 03.38 when it makes the
    message take more segments than it would without such characters. The characters of
    the customer's name do not count: the name is spelled as the customer spells it."""
    if ctx.channel is not Channel.SMS:
        return
    text = ctx.text
    actual = sms_encoding(text)
    if actual.first_non_gsm is None:
        return
    needed = _name_characters(ctx)
    fixable = sorted({c for c in text if c not in GSM7_BASIC and c not in GSM7_EXTENSION
                      and c not in needed})
    if not fixable:
        return  # only the name's own characters are outside GSM-7
    better = sms_encoding(_gsm_equivalent(text, needed))
    if actual.segments <= better.segments:
        return
    first = min(text.index(c) for c in fixable)
    listed = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in fixable[:4])
    more = f" and {len(fixable) - 4} more" if len(fixable) > 4 else ""
    yield Hit(first, first + 1,
              f"{listed}{more} {'is' if len(fixable) == 1 else 'are'} not in the GSM-7 "
              f"alphabet, so the SMS is sent as UCS-2: {actual.segments} segments of "
              f"{UCS2_PART}-70 characters instead of {better.segments} in {better.encoding}.",
              _sentence("; ".join(_stand_in(c) for c in fixable[:4])))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _sms_length(ctx: CheckContext) -> Iterator[Hit]:
    """On the SMS channel: flags a message of more than three segments."""
    if ctx.channel is not Channel.SMS:
        return
    enc = sms_encoding(ctx.text)
    if enc.segments <= MAX_SMS_SEGMENTS:
        return
    suggestion = "Keep the SMS to the news and the next step; link to the details."
    if enc.encoding == "UCS-2":
        better = sms_encoding(_gsm_equivalent(ctx.text, _name_characters(ctx)))
        if better.segments <= MAX_SMS_SEGMENTS:
            suggestion = (f"Replace the characters outside GSM-7 (CH001): the same text then "
                          f"takes {better.segments} segment{'s' * (better.segments > 1)}.")
    yield Hit(0, len(ctx.text),
              f"This SMS is {enc.units} {enc.encoding} characters: {enc.segments} "
              f"segments (at most {MAX_SMS_SEGMENTS}).", suggestion)


_ORDER_WORDS = (r"order|invoice|ticket|case|tracking|booking|reservation|ref|reference|"
                r"bestellung|auftrag|rechnung|buchung|buchungsnummer|referenz|commande|facture|"
                r"réservation|référence|dossier|pedido|factura|reserva|referencia|localizador")
#: an order word and its "no." ("order no.", "Bestellung Nr.", "pedido número")
_ORDER_LEAD = (rf"\b(?:{_ORDER_WORDS})\b"
               r"(?:\s+(?:no\.?|nr\.?|n°|nº|number|nummer|numéro|número|code|#))?")
_ORDER = re.compile(
    rf"(?i:{_ORDER_LEAD}\s*[:#,]?\s*)((?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{{3,}}[A-Z0-9])\b"
    r"|\b[A-Z]{1,4}-\d{3,}\b|\b[A-Z]{2}\d{8,}[A-Z]{0,2}\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().-]{6,}\d(?!\w)")
_STREET = re.compile(
    # English: a house number, a capitalised name, a street word (12 Acacia Avenue).
    r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'’-]*\s+){1,3}"
    r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Close|Crescent|Way|Place)\b"
    # French: 12 rue de la Paix, 5 bis avenue Foch.
    r"|\b\d{1,5}(?:\s?(?:bis|ter))?,?\s+(?i:rue|avenue|boulevard|bd|chemin|place|allée|"
    r"impasse|quai)\s+\w"
    # Spanish: Calle Mayor 5, Avenida de la Paz, 12.
    r"|\b(?i:calle|c/|avenida|avda\.|plaza|paseo|camino)\s+(?:[\w'’-]+\s+){0,3}\d{1,5}\b"
    # German: Hauptstraße 5, Am Lindenweg 12a.
    r"|\b[A-ZÄÖÜ][\w-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm)\s+\d{1,5}")


#: an order word right before a number: the number is the order's
_ORDER_BEFORE = re.compile(rf"(?i:{_ORDER_LEAD}\s*[:#]?\s*)$")


def _public_only(ctx: CheckContext) -> bool:
    return ctx.channel is Channel.PUBLIC


def _order_numbers(ctx: CheckContext) -> Iterator[Hit]:
    """On the public channel: flags order, invoice, ticket and tracking references."""
    if not _public_only(ctx):
        return
    for m in _ORDER.finditer(ctx.text):
        start, end = m.span(1) if m.group(1) else m.span()
        yield Hit(start, end,
                  f"{m.group(1) or m.group(0)!r} identifies this customer's order in a "
                  "public reply.",
                  "Leave the reference out and invite the customer to a private channel.")


def _emails(ctx: CheckContext) -> Iterator[Hit]:
    """On the public channel: flags e-mail addresses that may be a person's: any address at
    a personal mail provider or holding the customer's name, and any other address whose
    local part is not a company mailbox (support@, guest.relations@, reservations@)."""
    if not _public_only(ctx):
        return
    for m in _EMAIL.finditer(ctx.text):
        if not _personal_address(m.group(0), ctx):
            continue
        yield Hit(m.start(), m.end(),
                  f"The e-mail address {m.group(0)!r} is personal data in a public reply.",
                  "Give only the company's support address, never the customer's.")


def _personal_address(address: str, ctx: CheckContext) -> bool:
    local, _, domain = address.lower().partition("@")
    if domain in _PERSONAL_MAIL_DOMAINS:
        return True
    words = [w for w in _LOCAL_PART_SEPARATORS.split(local) if w]
    customer = ctx.customer
    if customer is not None:
        names = {w for w in customer.name_forms.plain if len(w) >= 3}
        plain = strip_diacritics(local)
        if names.intersection(_LOCAL_PART_SEPARATORS.split(plain)) or any(
                name in plain for name in names if len(name) >= 4):
            return True
    return not words or not all(w in _OUR_MAILBOXES for w in words)


_LOCAL_PART_SEPARATORS = re.compile(r"[._+-]")
#: Local-part words of company mailboxes: an address made only of these is ours to give
#: out ("support@", "guest.relations@", "service-client@", "atencion.cliente@").
_OUR_MAILBOXES = frozenset({
    "support", "help", "helpdesk", "care", "customer", "customers", "customercare",
    "customerservice", "customerservices", "service", "services", "client", "clients",
    "contact", "contactus", "info", "information", "hello", "hi", "team", "office", "mail",
    "enquiries", "enquiry", "inquiries", "inquiry", "complaints", "complaint", "feedback",
    "guest", "guests", "guestrelations", "relations", "reservations", "reservation",
    "bookings", "booking", "billing", "accounts", "account", "sales", "orders", "order",
    "returns", "shop", "store", "reception", "frontdesk", "concierge", "members",
    "membership", "privacy", "dpo", "press", "claims", "repairs", "uk", "us", "eu",
    "kundenservice", "kundendienst", "kunden", "hilfe", "kontakt", "beschwerde",
    "beschwerden", "buchung", "sav", "serviceclient", "relationclient", "reclamation",
    "reclamations", "accueil", "soporte", "ayuda", "atencion", "atencionalcliente",
    "cliente", "clientes", "reclamaciones", "reservas", "contacto",
})
#: Mail providers of private people: an address there is a person's, whatever it says.
_PERSONAL_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk",
    "hotmail.fr", "hotmail.es", "live.com", "live.co.uk", "msn.com", "yahoo.com",
    "yahoo.co.uk", "yahoo.fr", "yahoo.es", "ymail.com", "icloud.com", "me.com", "mac.com",
    "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "gmx.at", "gmx.com",
    "web.de", "t-online.de", "freenet.de", "posteo.de", "orange.fr", "wanadoo.fr",
    "free.fr", "laposte.net", "sfr.fr", "btinternet.com", "sky.com", "virginmedia.com",
    "telefonica.net", "movistar.es", "mail.com", "zoho.com", "fastmail.com",
})


def _phones(ctx: CheckContext) -> Iterator[Hit]:
    """On the public channel: flags phone numbers (7+ digits) that are not dates or sums."""
    if not _public_only(ctx):
        return
    text = ctx.text
    for m in _PHONE.finditer(text):
        if _ORDER_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "tu pedido 4410-2287": an order number (PV001), not a phone
        digits = sum(c.isdigit() for c in m.group(0))
        if (digits >= 7 and "." not in m.group(0).strip(".")) or digits >= 9:
            yield Hit(m.start(), m.end(),
                      f"{m.group(0).strip()!r} looks like a phone number in a public reply.",
                      "Ask the customer to contact us privately instead of posting numbers.")


def _addresses(ctx: CheckContext) -> Iterator[Hit]:
    """On the public channel: flags street addresses (house number with a street word)."""
    if not _public_only(ctx):
        return
    for m in _STREET.finditer(ctx.text):
        yield Hit(m.start(), m.end(),
                  f"{m.group(0)!r} looks like a street address in a public reply.",
                  "Never confirm where a customer lives in public; move to a private channel.")


_SMS = {"channel": "sms"}
_PUBLIC = {"channel": "public"}
_CH_SEED = "003"
_CH_PRACTICE = ("Whenever a customer reaches out with a complaint via phone, text message or "
                "email, take care to provide them with a timely response")
_PV_SEED = "004"
_PV_PRACTICE = ("Social media pages are particularly susceptible to this ... removing posts "
                "that indicate other problems with customer service will often leave "
                "customers feeling voiceless")

#: What the rules below need (courtesy.rules.model.FACTS).
_NEEDS_PUBLIC = frozenset({"public"})

RULES = (
    Rule(
        code="CH001", name="sms-ucs-switch", category=Category.CHANNEL,
        severity=Severity.WARNING,
        kind=Custom(check=_sms_ucs2, needs=frozenset({"sms"})), seed=_CH_SEED,
        practice=_CH_PRACTICE,
        why="One character outside GSM-7 sends the whole SMS as UCS-2 (70 instead of 160 "
            "characters a segment): the customer may receive it in pieces, and it costs more. "
            "The characters of the customer's name never count: a name is spelled as its "
            "owner spells it.",
        bad=("Hi Zoe, your parcel A-1042 is delayed by our warehouse \u2013 it will now arrive "
             "on Thursday 14 March between 8am and 1pm. Track it at "
             "example.com/t/JD0012345678. Sam",
             "Bonjour Marie, votre remboursement de 39,99\u00a0€ pour la commande A-2210 est "
             "parti aujourd'hui ; il apparaîtra sur votre compte sous trois jours ouvrés. "
             "Merci de votre patience - Sam"),
        good=("Hi Zoë, your refund of £39.99 is on its way. - Sam",
              "Hi Nick, your parcel A-1042 is delayed by our warehouse. It will now arrive on "
              "Thursday 14 March between 8am and 1pm. Track it at example.com/t/JD0012345678 "
              "- Sam"),
        context=_SMS,
    ),
    Rule(
        code="CH002", name="sms-too-long", category=Category.CHANNEL,
        severity=Severity.WARNING,
        kind=Custom(check=_sms_length, needs=frozenset({"sms"})), seed=_CH_SEED,
        practice=_CH_PRACTICE,
        why="A text message of four or more segments is a letter sent by the wrong channel; "
            "handsets may show it out of order and every segment is billed.",
        bad=("Hi Nick, " + "your parcel is on its way and will arrive on Thursday. " * 10,
             "Hallo Jürgen, " + "Ihr Paket ist unterwegs und kommt am Donnerstag an. " * 9),
        good=("Hi Nick, your parcel A-1042 arrives on Thursday 14 March. - Sam",
              "Hallo Jürgen, Ihr Paket A-1042 kommt am Donnerstag, 14. März. - Sam"),
        context=_SMS,
    ),
    Rule(
        code="PV001", name="public-order-number", category=Category.PRIVACY,
        severity=Severity.ERROR,
        kind=Custom(check=_order_numbers, needs=_NEEDS_PUBLIC), seed=_PV_SEED,
        practice=_PV_PRACTICE,
        why="An order or tracking number in a public reply lets strangers look up a "
            "customer's purchase and address; answer in public, resolve in private.",
        bad=("I'm sorry about the delay with order A-1042. Please message us privately.",
             "Your tracking number JD0012345678 shows the parcel in Leeds; we're on it."),
        good=("I'm sorry about the delay. Please send us a private message with your order "
              "details and I'll sort it out today.",
              "Thank you for telling us. I have sent you a direct message so we can put this "
              "right in private."),
        context=_PUBLIC,
    ),
    Rule(
        code="PV002", name="public-email-address", category=Category.PRIVACY,
        severity=Severity.ERROR, kind=Custom(check=_emails, needs=_NEEDS_PUBLIC), seed=_PV_SEED,
        practice=_PV_PRACTICE,
        why="A customer's e-mail address in a public reply exposes them to everyone who reads "
            "the thread.",
        bad=("Thanks Nick, I've emailed you at nick.owen@example.com with the details.",
             "Gracias, María: le hemos escrito a maria.cruz@example.es."),
        good=("Thanks Nick, please write to support@example.com and I'll reply personally.",
              "Thanks Nick, I've sent you a direct message with the details."),
        context=_PUBLIC,
    ),
    Rule(
        code="PV003", name="public-phone-number", category=Category.PRIVACY,
        severity=Severity.ERROR, kind=Custom(check=_phones, needs=_NEEDS_PUBLIC), seed=_PV_SEED,
        practice=_PV_PRACTICE,
        why="A phone number in a public reply is personal data: never repeat the customer's "
            "number where strangers can read it.",
        bad=("We tried to call you on 07700 900123 but couldn't reach you.",
             "Nous vous rappellerons au +33 6 12 34 56 78 demain."),
        good=("We tried to call you yesterday; please send us a direct message with a good "
              "time to reach you.",
              "Your refund of £39.99 is on its way; it arrives by 14 March."),
        context=_PUBLIC,
    ),
    Rule(
        code="PV004", name="public-street-address", category=Category.PRIVACY,
        severity=Severity.ERROR, kind=Custom(check=_addresses, needs=_NEEDS_PUBLIC), seed=_PV_SEED,
        practice=_PV_PRACTICE,
        why="Confirming where a customer lives in public is a safety risk as well as a "
            "privacy breach.",
        bad=("The courier left your parcel at 12 Acacia Avenue by mistake, sorry!",
             "Wir haben das Paket an die Hauptstraße 5 geschickt."),
        good=("The courier left your parcel at the wrong address; I've sent you a direct "
              "message to put it right.",
              "Wir haben Ihnen eine private Nachricht geschickt, um das zu klären."),
        context=_PUBLIC,
    ),
)
