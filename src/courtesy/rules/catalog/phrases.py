"""Phrase rules (TN, BL, PR, CT): wording that undoes a reply, found by the lexicon pass."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from courtesy.profiles import Channel
from courtesy.rules import learned
from courtesy.rules.lexicon import load_lexicons, parse_phrase
from courtesy.rules.model import Category, Custom, Existence, Hit, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from courtesy.rules.context import CheckContext

__all__ = ["RULES", "bare_requests"]

#: "call us on 150", "email us at ...", "contact us via the app", "rufen Sie uns unter 030 ...
#: an", "contactez-nous via l'appli", "escríbanos desde la app": the request names its route.
_ROUTE_AFTER = re.compile(
    r"\s*(?:on|at|via|through|using|by calling|by email|by phone|unter|über|per|au|par|sur|dans"
    r"|à|al|en|por|a través de|mediante|desde)?\s*"
    r"(?:\+?\d|:|\S+@|(?:(?:the|our|die|der|das|den|dem|unsere|unser|unseren|unserem|unserer|im"
    r"|ins|le|la|notre|el|nuestra|nuestro|del)\s+|l['’])"
    r"(?:app|appli|application|aplicación|website|webseite|site|web|página web|form|formular"
    r"|kontaktformular|formulaire|formulario|link|lien|enlace|chat|portal)"
    r"|(?:dm|pm|md|mp|pn|direct message|private message|mensaje privado|mensaje directo"
    r"|message privé|direktnachricht|privatnachricht)\b)",
    re.IGNORECASE)

#: How to ask politely in each language: (the please-word, the request rewritten with it).
_PLEASE_FIX = {
    "en": ("please", "Please {lower}"),
    "de": ("bitte", "Bitte {lower}"),
    "es": ("por favor", "Por favor, {lower}"),
    "fr": ("s'il vous plaît", "{bare}, s'il vous plaît."),
}


@cache
def _request_languages() -> dict[str, str]:
    """Every request phrase (``imperative``, ``contact-request``) → the language it is from.

    Read once, and only when TN003 has something to say: the suggestion is in the request's
    language.
    """
    languages: dict[str, str] = {}
    for lexicon in load_lexicons():
        if lexicon.topic in ("imperative", "contact-request"):
            for phrase, _extra, _line in lexicon.entries:
                if not phrase.startswith("re"):
                    for words in parse_phrase(phrase):
                        languages.setdefault(" ".join(words).replace("’", "'"), lexicon.language)
    return languages


def _ask_politely(request: str, sentence: str) -> tuple[str, str]:
    """The please-word of the request's language and the sentence rewritten with it."""
    language = _request_languages().get(" ".join(request.lower().replace("’", "'").split()), "en")
    word, template = _PLEASE_FIX[language]
    if language == "fr" and not request.split(None, 1)[0].split("-", 1)[0].lower().endswith("ez"):
        word, template = "s'il te plaît", "{bare}, s'il te plaît."
    lower = sentence[:1].lower() + sentence[1:]
    return word, template.format(lower=lower, bare=sentence.rstrip(".!"))


def _transfers(ctx: CheckContext) -> Iterator[Hit]:
    """Flags phrases that pass the customer to another department, number or company.
    On a public channel, moving the conversation to our own private line is the courteous
    thing ("please contact our team by DM"); passing it to someone else still is not
    ("please contact the restaurant directly")."""
    text = ctx.text
    public = ctx.channel is Channel.PUBLIC
    for start, end in ctx.spans("transfer"):
        quoted = text[start:end]
        if public and _OURS.search(quoted):
            continue
        yield Hit(start, end,
                  f"{quoted!r} passes the customer to someone else instead of taking "
                  "responsibility.")


#: words of a transfer to our own team or line, not to someone else
_OURS = re.compile(r"(?i)\b(?:our|us|me|my|we|unser\w*|uns|mir|mich|wir|notre|nos|nous|moi|"
                   r"nuestr[oa]s?|nosotros)\b")


def _missing_please(ctx: CheckContext) -> Iterator[Hit]:
    """Flags a sentence that opens with a bare request to the customer ('Send us your receipt.',
    'Return the item within 14 days.', 'Senden Sie uns ...', 'Envoyez-nous ...', 'Envíenos ...')
    and has no please-word ('please', 'bitte', 's'il vous plaît', 'veuillez', 'por favor') or
    softener ('could you', 'könnten Sie', 'merci de', 'pourriez-vous', '¿podría', 'thanks')
    anywhere; the formal Sie, vous or usted alone is not a please. Questions, offers ('send me
    the number and I'll change it') and SMS keyword instructions ('Reply STOP') are left alone.
    """
    if ctx.channel is Channel.SMS:
        return
    yield from bare_requests(ctx)


def bare_requests(ctx: CheckContext) -> list[Hit]:
    """Requests that open a sentence without 'please' or an indirect form (for TN003 and tone).

    A request is polite when its sentence holds a please-word (topic ``please``: "please",
    "bitte", "s'il vous plaît", "por favor") or a softener (topic ``softener``: "could you",
    "könnten Sie", "merci de", "¿podría", "thanks"). Found once per check.
    """
    cached = ctx._cache.get("bare_requests")
    if cached is None:
        cached = ctx._cache["bare_requests"] = list(_bare_requests(ctx))
    return cached  # type: ignore[return-value]


def _bare_requests(ctx: CheckContext) -> Iterator[Hit]:
    spans = ctx.spans("imperative") + ctx.spans("contact-request")
    if not spans:
        return
    polite = ctx.spans("please") + ctx.spans("softener")
    seen: set[int] = set()
    for start, end in sorted(spans):
        s_start, s_end = ctx.sentence_at(start)
        if s_start != start or s_start in seen or ctx.text[s_start:s_end].rstrip().endswith("?"):
            continue
        seen.add(s_start)
        if any(s_start <= p < s_end for p, _ in polite):
            continue
        if any(s_start <= c < s_end for c, _ in ctx.spans("commitment") if c > end):
            continue  # an offer: "send me the number and I'll change it now"
        sentence = ctx.text[s_start:s_end]
        word, fixed = _ask_politely(ctx.text[start:end], sentence)
        yield Hit(start, end,
                  f"'{sentence}' tells the customer what to do without a '{word}'.", fixed)


def _arguing(ctx: CheckContext) -> Iterator[Hit]:
    """Flags contradicting the customer: "that is not correct", "you are mistaken", "contrary to
    what you say", and a sentence that opens with "Actually,"; in German, French and Spanish
    "das ist nicht korrekt", "vous vous trompez", "eso no es cierto" and their kin.
    """
    for start, end in ctx.spans("argue"):
        if ctx.text[start:end].lower().startswith("actually") and not ctx.is_sentence_start(
                start):
            continue
        yield Hit(start, end, f"'{ctx.text[start:end]}' argues with the customer.",
                  "Take it on the chin: explain what you can do, not why they are wrong.")


def _contact_without_route(ctx: CheckContext) -> Iterator[Hit]:
    """Flags 'contact us' / 'get in touch' ('kontaktieren Sie uns', 'contactez-nous',
    'contáctenos') when the message gives no phone number, e-mail address, link, app or reply
    route. In chat the conversation itself is the route.
    """
    if ctx.channel is Channel.CHAT:
        return
    requests = [(start, end) for start, end in ctx.spans("contact-request")
                if not _ROUTE_AFTER.match(ctx.text, end)]
    if not requests or ctx.has("contact-way"):
        return
    start, end = requests[0]
    yield Hit(start, end,
              f"'{ctx.text[start:end]}' asks the customer to contact us but never says how.",
              "Give the way: \"reply to this email\", a direct number or a link.")



def _blame_partner(ctx: CheckContext) -> Iterator[Hit]:
    """Flags blame shifted to a partner: a courier, a bank, a manufacturer, "circumstances
    outside our control". When no phrase or clause of the lexicons says so, it asks the
    learned model (``rules/learned.py``) of the sentences that name a partner or a failure
    and admit nothing ("The cut-off at 3.68kW is down to Northern Powergrid, who set that
    limit"), at 0.9.
    """
    spans = ctx.spans("blame-partner")
    if not spans:
        # a sentence that opens with the salutation is quoted after it
        first = ctx.body_start
        spans = [(max(start, first), end) for start, end in
                 learned.telling(ctx, "blame_partner", learned.blame_candidates(ctx))]
    text = ctx.text
    for start, end in spans:
        yield Hit(start, end, f"{text[start:end]!r} shifts responsibility to someone else; "
                              "the customer chose us, so we own it.")

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
        kind=Custom(check=_blame_partner),
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
        kind=Custom(check=_transfers),
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
    Rule(
        code="TN003", name="missing-please", category=Category.TONE, severity=Severity.WARNING,
        kind=Custom(check=_missing_please), seed="002",
        practice="Manners cost nothing. Finally, remember to say Please. Say thank you. Most "
                 "importantly: say sorry.",
        why="A bare command ('Send us your receipt.') reads as an order from a clerk; the "
            "same request with 'please' or 'could you' asks for the customer's help, which "
            "is what it is.",
        bad=("Thanks for your message. Send us a photo of the damaged box.",
             "Return the item within 14 days. We will refund you on receipt."),
        good=("Thanks for your message. Please send us a photo of the damaged box.",
              "Could you send us a photo of the damaged box? We'll refund you on receipt."),
        suggestion="Ask: \"Please send us...\" or \"Could you send us...?\"",
    ),
    Rule(
        code="TN004", name="arguing", category=Category.TONE, severity=Severity.WARNING,
        kind=Custom(check=_arguing), seed="002",
        practice="Be prepared to back down ... wading into an argument represents a "
                 "fundamental flaw in your business. Take it on the chin.",
        why="Telling customers they are wrong may win the point and lose the customer, plus "
            "all their friends; explain the facts and what we can do instead.",
        bad=("Actually, the parcel was delivered on Monday.",
             "That is not correct: our records show you were home."),
        good=("Our tracking shows the parcel as delivered on Monday, so I've opened a search "
              "with the courier.",
              "I've checked our records and I can see why this was confusing."),
    ),
    Rule(
        code="JG001", name="business-jargon", category=Category.JARGON,
        severity=Severity.WARNING,
        kind=Existence(topic="jargon",
                       message="{match!r} is office jargon; say it the way you would to a "
                               "neighbour."),
        seed="002",
        practice="A simple, sincere apology will beat any amount of business jargon hands "
                 "down every time ... make sure you remember to ditch the jargon.",
        why="Jargon ('going forward', 'circle back', 'per my last email') puts distance "
            "between us and the customer and can sound evasive or passive-aggressive.",
        bad=("Going forward, we will leverage our courier network to avoid delays.",
             "As per my last email, I will circle back once the team has actioned this."),
        good=("From now on we'll send your orders with a faster courier.",
              "As I said on Monday, I'll email you as soon as the team has fixed it."),
        suggestion="Use plain words: \"from now on\", \"I'll get back to you\".",
    ),
    Rule(
        code="JG002", name="internal-code", category=Category.JARGON, severity=Severity.WARNING,
        kind=Existence(topic="internal-code",
                       message="{match!r} is an internal code or ticket state the customer "
                               "cannot be expected to know."),
        seed="002",
        practice="Communicating on a straightforward, personal level with a customer ... "
                 "make sure you remember to ditch the jargon.",
        why="Ticket states and team codes ('PENDING_L2', 'escalated to T2', 'RMA', 'SLA "
            "breach') describe our process, not what happens to the customer.",
        bad=("Your case status is PENDING_L2 and has been escalated to T2.",
             "Please raise an RMA request so we can process the SLA breach."),
        good=("Your case is with our senior engineers, who will call you by Friday.",
              "Please fill in the returns form and we'll refund you within 5 days."),
        suggestion="Say what happens and who does it: \"our senior engineers will call you\".",
    ),
    Rule(
        code="CT003", name="contact-without-route", category=Category.CONTACT,
        severity=Severity.WARNING, kind=Custom(check=_contact_without_route), seed="002",
        practice="If a customer has a big problem or an emergency then they don't want to be "
                 "hunting around your site for an hour looking for a phone number.",
        why="'Please contact us' without a number, address or link sends the customer "
            "searching; a reply should carry the way back to a person.",
        bad=("Thank you for your email. If the problem continues, please contact us.",
             "Sorry for the trouble. Get in touch with our support team to rebook."),
        good=("If the problem continues, please contact us on 0161 555 0199.",
              "Sorry for the trouble. Get in touch at help@example.com and I'll rebook you."),
        context={"channel": "email"},
    ),
)
