"""TM: timing and making amends — how fast, how concrete, and what we give back.

Seeds 001 and 003: respond promptly, and the larger the grievance, the timelier the response;
keep customers updated; take responsibility and make restitution (refunds, discounts). Seed
002: when a deadline slips, contact the customer in person with a full explanation, and offer
tracking for anything dispatched.

The rules that need time (TM001, TM003, TM004, TM008) run only when the situation carries
timing facts (``received_at``, ``sent_at``, ``deadline_missed``, ``promised_for``); the time
expressions are then resolved once per check (:mod:`courtesy.rules.timeexpr`) against
``sent_at`` (default: the moment of the check) in the customer's locale and time zone. The
targets come from the active :class:`~courtesy.rules.policy.ResponsePolicy`.
"""

from __future__ import annotations

import re
from datetime import UTC
from typing import TYPE_CHECKING

from courtesy.profiles import SituationKind
from courtesy.rules.context import APOLOGY_KINDS
from courtesy.rules.model import Category, Custom, Hit, Rule, Severity
from courtesy.rules.policy import active_policy, format_duration, timing
from courtesy.rules.restitution import restitution_spans
from courtesy.rules.timeexpr import TimeExpression, find_time_expressions

if TYPE_CHECKING:
    from collections.abc import Container, Iterator

    from courtesy.rules.context import CheckContext

__all__ = ["RULES", "time_expressions"]

_DIGIT = re.compile(r"\d")


def time_expressions(ctx: CheckContext) -> list[TimeExpression]:
    """Time phrases in the message's next steps (what we promise, not what happened),
    resolved once per check, and only when the situation has timing facts.
    """
    cached = ctx._cache.get("time_expressions")
    if cached is not None:
        return cached  # type: ignore[return-value]
    facts = timing(ctx)
    result: list[TimeExpression] = []
    if facts is not None and ctx.situation is not None:
        locale = ctx.customer.locale if ctx.customer is not None else None
        zone = ctx.situation.timezone
        # The eager scan already knows where literal time words are ("tomorrow", "within
        # two days", "Friday"); other time phrases hold a digit. Other sentences are skipped.
        known = [s for topic in ("timeframe", "vague-time") for s, _e in ctx.found.get(topic, ())]
        spans = [(start, end) for start, end in ctx.next_step_spans()
                 if _DIGIT.search(ctx.text, start, end)
                 or any(start <= at < end for at in known)]
        if spans:  # each sentence searched as if it stood alone
            result = find_time_expressions(ctx.text, sent_at=facts.sent_at, zone=zone,
                                           locale=locale, spans=spans, norm=ctx.norm)
    ctx._cache["time_expressions"] = result
    return result


def _unacknowledged_wait(ctx: CheckContext) -> Iterator[Hit]:
    """Flags a reply sent later than the response-time target for the (escalated) severity
    that does not acknowledge the wait: by owning it ('Sorry for the slow reply', 'I'm
    sorry it has taken us three days to reply') or by thanking the customer for it ('Thank
    you for your patience', 'Danke für Ihre Geduld'). The rule asks for acknowledgement,
    not an apology; the report's note says how late the reply is.
    """
    situation = ctx.situation
    if situation is None or situation.received_at is None:
        return
    facts = timing(ctx)
    if facts is None or facts.waited is None or facts.late_by is None:
        return
    if ctx.spans("wait-acknowledgement"):
        return
    at = ctx.body_start
    yield Hit(at, at,
              f"The customer wrote {format_duration(facts.waited)} before this reply; the "
              f"{facts.severity}-severity target is {format_duration(facts.response_target)}. "
              "Acknowledge the wait.",
              f"I'm sorry it has taken us {format_duration(facts.waited)} to reply.")


def _clause(ctx: CheckContext, position: int) -> tuple[int, int]:
    """The clause around ``position``: its sentence, cut at semicolons and colons."""
    start, end = ctx.sentence_at(position)
    text = ctx.text
    cut = max(text.rfind(";", start, position), text.rfind(":", start, position))
    if cut != -1:
        start = cut + 1
    after = [i for i in (text.find(";", position, end), text.find(":", position, end)) if i != -1]
    return start, min(after) if after else end


def _conditional_soon(text: str, start: int, end: int) -> bool:
    """'as soon as you're back online' names an event, not a vague time."""
    return (text[start:end].lower() == "soon" and text[max(0, start - 3):start].lower() == "as "
            and text[end:end + 3].lower() == " as")


def _vague_when_urgent(ctx: CheckContext) -> Iterator[Hit]:
    """For high and critical grievances (the policy's ``vague_from``, counting repeat
    contact), flags vague times ('as soon as possible', 'shortly') in next-step sentences.
    """
    situation = ctx.situation
    if situation is None or not ctx.found.get("vague-time"):
        return
    policy = active_policy()
    severity = policy.effective_severity(situation.severity, situation.repeat_contact)
    if not policy.at_least(severity, policy.vague_from):
        return
    commitments = ctx.spans("commitment")
    for start, end in ctx.spans("vague-time"):
        if _conditional_soon(ctx.text, start, end):
            continue
        clause_start, clause_end = _clause(ctx, start)
        if any(clause_start <= s < clause_end for s, _e in commitments):
            yield Hit(start, end,
                      f"'{ctx.text[start:end]}' is no time the customer can hold us to, and "
                      f"this is a {severity}-severity grievance: name a date or a time.")


def _slower_than_target(ctx: CheckContext) -> Iterator[Hit]:
    """Flags a promised time that falls due later than the policy's promise target for the
    severity (resolved against ``sent_at``: "in 5-7 working days" for a critical fault).
    """
    facts = timing(ctx)
    if facts is None:
        return
    for expression in time_expressions(ctx):
        if expression.due is None or _names_a_thing(ctx.norm, expression.start):
            continue
        span = expression.due.astimezone(UTC) - facts.sent_at
        if span > facts.promise_target:
            quoted = ctx.text[expression.start:expression.end]
            yield Hit(expression.start, expression.end,
                      f"'{quoted}' falls due in {format_duration(span)}; for a "
                      f"{facts.severity}-severity grievance the target is "
                      f"{format_duration(facts.promise_target)}.")


#: Words before a date that make it the name of a thing, not a promise: "the debit of 25
#: January", "le prélèvement du 25 janvier", "die Abbuchung vom 25. Januar", "el cargo del
#: 25 de enero".
_OF_A_DATE = re.compile(r"(?:\bof(?: the)?|\bdu|\bvom|\bdel|\bdated|\bdaté(?:e)?|\bfechad[oa])\s*$")


def _names_a_thing(norm: str, start: int) -> bool:
    """Whether the date at ``start`` belongs to a thing ("the debit of 25 January")."""
    return _OF_A_DATE.search(norm, max(0, start - 12), start) is not None


def _missed_deadline_without_new_date(ctx: CheckContext) -> Iterator[Hit]:
    """When we missed a deadline, flags a message that names no concrete new date or time
    (vague times do not count, nor dates already past when the reply is sent).
    """
    situation = ctx.situation
    if situation is None or not situation.deadline_missed:
        return
    facts = timing(ctx)
    assert facts is not None  # deadline_missed is a timing fact
    if any(e.due is not None and e.due.astimezone(UTC) >= facts.sent_at
           for e in time_expressions(ctx)):
        return
    at = ctx.end_of_text()
    yield Hit(at, at, "We missed the deadline we gave, and the message names no new date.",
              "It will now reach you on Thursday 19 March.")


def _missed_deadline_without_tracking(ctx: CheckContext) -> Iterator[Hit]:
    """For a delay where we missed the deadline, flags a message with no tracking number,
    tracking link or reference the customer can follow the order with.
    """
    situation = ctx.situation
    if (situation is None or not situation.deadline_missed
            or situation.kind is not SituationKind.DELAY or ctx.has("tracking")):
        return
    at = ctx.end_of_text()
    yield Hit(at, at, "The order is late and the message gives the customer no way to follow "
              "it: add a tracking number or link.",
              "You can follow it with tracking number RM482913377GB.")


# A signature line: one to four capitalised words ("Helen Carter", "Jean-Luc", "María José
# de la Fuente"), possibly followed by ", Customer Care" or "| Support".
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_SIGNATURE = re.compile(
    rf"^\s*(?:[-—–]\s*)?(?P<name>{_NAME_WORD}(?:\s+(?:(?:de|del|la|van|von|der|da|le|di)\s+)?"
    rf"{_NAME_WORD}){{0,3}})\s*(?:[,|(–—-].*|\s(?:at|from|@|bei|de|von|vom)\s+\S.*)?$"
)
_NOT_NAMES = frozenset({
    "team", "support", "service", "services", "care", "customer", "customers", "department",
    "desk", "help", "helpdesk", "shop", "store", "office", "regards", "wishes", "thanks",
    "thank", "best", "kind", "warm", "yours", "sincerely", "cheers", "greetings",
    "kundenservice", "kundendienst", "grüße", "gruß", "freundlichen",
    "danke", "viele", "herzlichen", "mit", "équipe", "client", "clientèle",
    "cordialement", "salutations", "bien", "merci", "equipo", "atención", "cliente",
    "clientes", "saludos", "atentamente", "gracias", "un", "cordial",
})
_INTRODUCTION = re.compile(
    r"(?i:\bmy name is|\bi'm|\bi am|\bich bin|\bmein name ist|\bje m'appelle|\bje suis|"
    r"\bme llamo|\bsoy)\s+(?-i:[A-ZÀ-Þ][\w'’-]+)"
)


def _signed_by_person(text: str, customer_names: Container[str] = ()) -> bool:
    """Whether a named person signs the message: on a signature line, at the end of a
    one-line chat or text ("... Thanks for waiting. – Sam, Linen Loft", "Thanks, Priya -
    Lumen Fibre"), or by introducing themselves ("I'm Helen")."""
    lines = [line for line in text.rstrip().splitlines() if line.strip()][-4:]
    if not lines:
        return False
    candidates = lines[1:] if len(lines) >= 2 else []
    # the words after the last sentence of the last line, less a closing word of thanks;
    # a name there needs a closing word, a dash or a company after it ("Thanks, Priya",
    # "– Sam", "Nina, Veloplus"): a lone "Amazon" is a brand signing off
    tail = _SENTENCE_END.split(lines[-1])[-1]
    if tail != lines[-1] or len(lines) < 2:
        name = _CLOSING_WORDS.sub("", tail)
        if name != tail or name[:1] in "-–—" or _AFTER_NAME.search(name):
            candidates.append(name)
    for line in candidates:
        match = _SIGNATURE.match(line)
        if match is None:
            continue
        words = [w.strip(".,").lower() for w in match["name"].split()]
        if not any(w in _NOT_NAMES or w in customer_names for w in words):
            return True
    return bool(_INTRODUCTION.search(text))


#: where a sentence ends inside a line ("... Thanks for waiting. – Sam")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
#: what follows a signer's name on the same line: a company ("Sam, Linen Loft")
_AFTER_NAME = re.compile(r"[,|–—]|\s-\s|\s(?:at|from|@|bei|de|von|vom)\s")
#: a closing word before the signer's name on the same line ("Thanks, Priya"), with what
#: the thanks are for ("Thanks for your patience, Carys (Saltmarsh Horsebox Hire)")
_CLOSING_WORDS = re.compile(
    r"^(?i:thanks|thank you|cheers|best|regards|kind regards|danke|viele grüße|grüße|"
    r"merci|cordialement|bien à vous|gracias|saludos|un saludo)\b"
    r"(?:\s+(?i:for|again|für|pour|por|de|d['’])\b[^,.!?]{0,40}(?=,))?[\s,!.]*")


def _missed_deadline_impersonal(ctx: CheckContext) -> Iterator[Hit]:
    """For a delay where we missed the deadline, flags a message that is not signed by a
    named person, or that gives no direct way to reply to them (a 'reply to this email',
    a direct line or an address), or that comes from a no-reply address.
    """
    situation = ctx.situation
    if (situation is None or not situation.deadline_missed
            or situation.kind is not SituationKind.DELAY):
        return
    at = ctx.end_of_text()
    customer = ctx.customer
    if not _signed_by_person(ctx.text, customer.name_forms.folded if customer else ()):
        yield Hit(at, at, "We missed a deadline: the message should come from a named person, "
                  "not a team.", "Helen Carter, Customer Care (direct line 0161 496 0123)")
    elif not ctx.has("contact-way") or ctx.has("no-reply"):
        yield Hit(at, at, "We missed a deadline: give the customer a direct way to reach the "
                  "person who wrote.", "Just reply to this email and it comes straight to me.")


def _missing_restitution(ctx: CheckContext) -> Iterator[Hit]:
    """When the failure was ours and the grievance is at least the policy's
    ``restitution_from`` severity (default: high), flags a reply that offers nothing back:
    no refund, credit, discount, replacement, waived fee, compensation or voucher.
    """
    situation = ctx.situation
    if situation is None or not situation.our_fault or situation.kind not in APOLOGY_KINDS:
        return
    policy = active_policy()
    severity = policy.effective_severity(situation.severity, situation.repeat_contact)
    if not policy.at_least(severity, policy.restitution_from) or restitution_spans(ctx):
        return
    at = ctx.end_of_text()
    yield Hit(at, at,
              f"This {severity}-severity failure was ours, and the reply offers nothing to "
              "set it right: no refund, credit, discount or replacement.",
              "I've refunded the delivery charge to your card.")


def _weekday_date_mismatch(ctx: CheckContext) -> Iterator[Hit]:
    """Flags a weekday and a date that disagree ('Friday 14 March' when 14 March is a
    Saturday), wherever they stand: the customer cannot tell which one we mean.
    """
    expressions = time_expressions(ctx)
    facts = timing(ctx)
    if facts is not None and ctx.situation is not None:
        # dates outside the next steps too ("we promised it for Monday 10 March"): the other
        # sentences where the eager scan saw a time word, and that hold a digit
        searched = set(ctx.next_step_spans())
        text = ctx.text
        spans = sorted({bounds for start, _end in ctx.found.get("timeframe", ())
                        if (bounds := ctx.sentence_at(start)) not in searched
                        and _DIGIT.search(text, *bounds)})
        if spans:
            locale = ctx.customer.locale if ctx.customer is not None else None
            expressions = expressions + find_time_expressions(
                text, sent_at=facts.sent_at, zone=ctx.situation.timezone, locale=locale,
                spans=spans, norm=ctx.norm)
    for expression in expressions:
        if expression.weekday_mismatch and expression.due is not None:
            quoted = ctx.text[expression.start:expression.end]
            yield Hit(expression.start, expression.end,
                      f"'{quoted}': that date is a {expression.due.strftime('%A')}.")


# Fixed timestamps keep the examples deterministic. 2026-03-13 is a Friday.
_WROTE = "2026-03-10T09:00:00+00:00"
_SENT = "2026-03-13T10:00:00+00:00"
_DELAY_LATE = {
    "situation": {"kind": "delay", "our_fault": True, "severity": "high",
                  "received_at": _WROTE, "sent_at": _SENT, "timezone": "Europe/London"},
}
_CRITICAL = {
    "situation": {"kind": "error", "our_fault": True, "severity": "critical",
                  "sent_at": _SENT, "timezone": "Europe/London"},
    "customer": {"name": "Nick Owen", "locale": "en-GB"},
}
_MISSED = {
    "situation": {"kind": "delay", "our_fault": True, "severity": "high",
                  "deadline_missed": True, "promised_for": "2026-03-11", "sent_at": _SENT,
                  "timezone": "Europe/London"},
}

#: What the rules below need (courtesy.rules.model.FACTS).
_NEEDS_SITUATION = frozenset({"situation"})
_NEEDS_TIMING = frozenset({"timing"})
_NEEDS_MISSED = frozenset({"deadline-missed"})

RULES = (
    Rule(
        code="TM001", name="unacknowledged-wait", category=Category.APOLOGY,
        severity=Severity.ERROR,
        kind=Custom(check=_unacknowledged_wait, needs=_NEEDS_TIMING), seed="001",
        practice="Respond to customer inquiries, concerns, and feedback promptly. Delayed or "
                 "ignored communication can create negative impressions.",
        why="A reply that arrives days after the customer wrote and carries on as if no time "
            "had passed tells them their wait did not matter; one sentence owning the delay "
            "repairs most of that impression.",
        bad=("Hi Nick, your parcel left our warehouse this morning and arrives Monday. Thanks.",
             "Hi Nick, we're sorry the parcel is late. It arrives Monday, tracking "
             "RM482913377GB. Thank you."),
        good=("Hi Nick, I'm sorry it has taken us three days to reply. Your parcel arrives "
              "Monday. Thanks.",
              "Hi Nick, sorry for the slow reply. Your parcel arrives Monday, tracking "
              "RM482913377GB. Thank you."),
        context=_DELAY_LATE,
    ),
    Rule(
        code="TM002", name="vague-promise-when-urgent", category=Category.PROMISE,
        severity=Severity.WARNING,
        kind=Custom(check=_vague_when_urgent, needs=_NEEDS_SITUATION), seed="003",
        practice="Just remember – the larger the grievance, the timelier a response a "
                 "customer is liable to expect.",
        why="'As soon as possible' sounds keen but commits to nothing; for a serious problem "
            "the customer needs a time they can plan around and hold us to.",
        bad=("Hi Nick, I'm sorry we cut off your line. We will restore it as soon as possible. "
             "Thank you.",
             "Hi Nick, I'm sorry about the outage. An engineer will call you shortly. Thanks."),
        good=("Hi Nick, I'm sorry we cut off your line. We will restore it by 3pm today. "
              "Thank you.",
              "Hi Nick, I'm sorry about the outage. An engineer will call you within the hour; "
              "we hope to hear from you soon. Thanks."),
        context=_CRITICAL,
    ),
    Rule(
        code="TM003", name="promise-slower-than-target", category=Category.PROMISE,
        severity=Severity.WARNING,
        kind=Custom(check=_slower_than_target, needs=_NEEDS_TIMING), seed="003",
        practice="The larger the grievance, the timelier a response a customer is liable to "
                 "expect ... make addressing customer grievances a priority.",
        why="A fix promised for a week away tells a customer with a critical problem that it "
            "is not a priority; the policy's promise targets keep the remedy in proportion "
            "to the grievance.",
        bad=("Hi Nick, I'm sorry we charged you twice. Your refund will reach you in 5–7 working "
             "days. Thanks.",
             "Hi Nick, I'm sorry we charged you twice. I will refund you by Friday 27 March. "
             "Thanks."),
        good=("Hi Nick, I'm sorry we charged you twice. Your refund will reach you within 24 "
              "hours. Thanks.",
              "Hi Nick, I'm sorry we charged you twice. I will refund you by tomorrow. "
              "Thanks."),
        context=_CRITICAL,
    ),
    Rule(
        code="TM004", name="missed-deadline-without-new-date", category=Category.NEXT_STEPS,
        severity=Severity.ERROR,
        kind=Custom(check=_missed_deadline_without_new_date, needs=_NEEDS_MISSED),
        seed="002",
        practice="Occasionally you will find that you simply cannot meet a deadline or "
                 "fulfil a promise. If this is the case, then contact the customer in person "
                 "as soon as you can, and give a full explanation.",
        why="After one broken date, 'as soon as possible' is no explanation at all: the "
            "customer needs the new date to plan around, and something to hold us to.",
        bad=("Hi Nick, I'm sorry your sofa did not arrive on Wednesday. We will deliver it as "
             "soon as possible. Thanks, Helen",
             "Hi Nick, I'm sorry your sofa did not arrive on Wednesday 11 March. The depot is "
             "re-booking it. Thanks, Helen"),
        good=("Hi Nick, I'm sorry your sofa did not arrive on Wednesday. It will now come on "
              "Tuesday 17 March. Thanks, Helen",
              "Hi Nick, I'm sorry your sofa did not arrive. The courier will deliver it within "
              "2 working days. Thanks, Helen"),
        context=_MISSED,
    ),
    Rule(
        code="TM005", name="missed-deadline-without-tracking", category=Category.CONTACT,
        severity=Severity.WARNING,
        kind=Custom(check=_missed_deadline_without_tracking, needs=_NEEDS_MISSED),
        seed="002",
        practice="You should offer tracking for anything you dispatch so the customer can "
                 "see where and when there was a problem.",
        why="A customer whose order is already late should not have to write again to learn "
            "where it is; tracking lets them see it for themselves.",
        bad=("Hi Nick, I'm sorry your sofa is late. It will now come on Tuesday 17 March. "
             "Thanks, Helen",
             "Hi Nick, I'm sorry your sofa is late. We dispatched it again this morning. "
             "Thanks, Helen"),
        good=("Hi Nick, I'm sorry your sofa is late. It will now come on Tuesday 17 March; "
              "tracking number RM482913377GB. Thanks, Helen",
              "Hi Nick, I'm sorry your sofa is late. You can track your order at "
              "example.com/track. Thanks, Helen"),
        context=_MISSED,
    ),
    Rule(
        code="TM006", name="missed-deadline-impersonal", category=Category.CONTACT,
        severity=Severity.WARNING,
        kind=Custom(check=_missed_deadline_impersonal, needs=_NEEDS_MISSED), seed="002",
        practice="Contact the customer in person as soon as you can, and give a full "
                 "explanation. Don't be tempted to sweep a problem under the carpet.",
        why="A broken promise calls for a person who answers for it: a named sender and a "
            "direct way to reach them show that someone owns the problem now.",
        bad=("Hi Nick,\nI'm sorry your sofa is late. It comes on Tuesday 17 March.\n\n"
             "Kind regards,\nThe Customer Service Team",
             "Hi Nick,\nI'm sorry your sofa is late. It comes on Tuesday 17 March.\n\n"
             "Kind regards,\nHelen Carter"),
        good=("Hi Nick,\nI'm sorry your sofa is late. It comes on Tuesday 17 March. Just "
              "reply to this email if anything changes.\n\nKind regards,\nHelen Carter",
              "Hi Nick,\nI'm sorry your sofa is late. It comes on Tuesday 17 March. You can "
              "reach me on 0161 496 0123.\n\nBest wishes,\nHelen Carter\nCustomer Care"),
        context=_MISSED,
    ),
    Rule(
        code="TM007", name="missing-restitution", category=Category.APOLOGY,
        severity=Severity.WARNING,
        kind=Custom(check=_missing_restitution, needs=_NEEDS_SITUATION), seed="003",
        practice="You should also provide inconvenienced patrons with restitution in the form "
                 "of refunds and/or special discounts on future visits.",
        why="For a serious failure of ours, words alone cost us nothing; a refund, credit, "
            "replacement or discount shows that genuine efforts are being made to set "
            "things right.",
        bad=("Hi Nick, I'm sorry we cut off your line. It is back on now. Thank you.",
             "Hi Nick, I'm sorry we charged you twice. We have fixed our billing system. "
             "Thanks."),
        good=("Hi Nick, I'm sorry we cut off your line. It is back on now, and I've credited "
              "£10 to your account. Thank you.",
              "Hi Nick, I'm sorry we charged you twice. I've refunded the second payment. "
              "Thanks."),
        context=_CRITICAL,
    ),
    Rule(
        code="TM008", name="weekday-date-mismatch", category=Category.NEXT_STEPS,
        severity=Severity.ERROR,
        kind=Custom(check=_weekday_date_mismatch, needs=_NEEDS_TIMING), seed="002",
        practice="Let them know what steps are being taken to remedy things ... You need to "
                 "communicate the resolution.",
        why="'Friday 15 March' when the 15th is a Saturday leaves the customer guessing which "
            "of the two we meant, and one of them is a broken promise.",
        bad=("Hi Nick, I'm sorry. Your refund will arrive by Friday 14 March. Thanks.",
             "Hi Nick, I'm sorry. An engineer will visit on Monday, 17 March. Thanks."),
        good=("Hi Nick, I'm sorry. Your refund will arrive by Saturday 14 March. Thanks.",
              "Hi Nick, I'm sorry. An engineer will visit on Tuesday, 17 March. Thanks."),
        context=_CRITICAL,
    ),
)
