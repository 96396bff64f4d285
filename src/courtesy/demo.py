"""``courtesy demo``: a short tour of what courtesy does, from the built-in pack."""

from __future__ import annotations

from typing import IO

from courtesy.checking import check
from courtesy.packs import Pack
from courtesy.profiles import Customer, Situation

__all__ = ["run_demo"]

NICK = Customer.model_validate(
    {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}, "locale": "en-GB"}
)
DELAY = Situation(
    kind="delay", our_fault=True, severity="high",
    customer_message="My parcel is a week late and nobody answers the phone.",
)

#: The seed article's worst reply: wrong name, boilerplate, blame, no-reply, no thanks.
BAD_REPLY = """Dear Mr N.Owenn,

We take your complaint very seriously. Your parcel was delayed by the courier, which is \
outside our control. We apologise for any inconvenience this may have caused.

Please do not reply to this email.
Customer Services"""

FORM_LETTER = """Dear Mr Owen,

Thank you for contacting us. We have received your request and a member of our team will \
get back to you as soon as possible. We apologise for any inconvenience.

Kind regards,
Customer Services"""


def _rule(out: IO[str], title: str, color: bool) -> None:
    bar = "─" * max(0, 72 - len(title) - 4)
    heading = f"── {title} {bar}"
    out.write(f"\n\x1b[1m{heading}\x1b[0m\n\n" if color else f"\n{heading}\n\n")


def run_demo(out: IO[str], *, color: bool = False) -> None:
    """Render a courteous message, then show the findings on discourteous ones."""
    pack = Pack.builtin("default")
    out.write("courtesy checks customer messages: the right name and title, an apology, "
              "thanks and next steps\nwhen the situation calls for them, and no form "
              "letters. Customer: Mr Nick Owen (en-GB);\nsituation: his parcel is late, "
              "and it is our fault.\n")

    _rule(out, "1. Rendered from the built-in pack (delay_apology): passes", color)
    message = pack.render(
        "delay_apology", NICK, DELAY,
        order={"id": "A-1042", "reason": "We packed it two days after we promised.",
               "new_date": "Thursday 14 March", "tracking": "JD0012345678",
               "refund": "£4.99"},
        agent="Priya Shah, Customer Care",
    )
    out.write(message.text.rstrip() + "\n\n")
    share = message.report.personalization or 0.0
    out.write(f"passed: {message.report.passed}; {share:.0%} of the text comes from Nick's "
              f"data ({', '.join(message.trace.fields())})\n")
    width = max(map(len, message.report.elements))
    for kind, spans in message.report.elements.items():
        quoted = "; ".join(repr(s.text(message.text)) for s in spans[:2]) or "-"
        out.write(f"  {kind:<{width}} {quoted}\n")

    _rule(out, "2. The reply from the seed article: fails", color)
    out.write(BAD_REPLY + "\n\n")
    out.write(check(BAD_REPLY, customer=NICK, situation=DELAY).render_text(
        source="reply", color=color))

    _rule(out, "3. A form letter: only the name is personal", color)
    out.write(FORM_LETTER + "\n\n")
    out.write(check(FORM_LETTER, customer=NICK, situation=DELAY).render_text(
        source="reply", color=color))

    _rule(out, "Next", color)
    out.write("  courtesy check reply.txt --customer nick.json --situation delay.json\n"
              "  courtesy rules                      # every rule, and why\n"
              "  python -c 'import courtesy; help(courtesy.check)'\n")
