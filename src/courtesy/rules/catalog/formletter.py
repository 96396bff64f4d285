"""FL: form letters, measured rather than guessed.

"Form letter" means the customer could swap places with any other customer and receive the
same words. For a rendered message the render trace says exactly which characters came
from customer or situation data, sentence by sentence; for plain text courtesy looks for
anything only this customer could have received: a number or reference, a date, words
from what they wrote, or content words outside the stock vocabulary of support replies. A
macro written for one kind of problem carries that problem's words, so from plain text
alone it reads as personal: register the team's macros (FL003) to catch those.

The rules:

* FL001 form-letter: nothing personal beyond the name, or too few sentences carry this
  customer's facts (render trace: :class:`Thresholds` ``min_coverage``).
* FL002 macro-residue: helpdesk footers and unfilled macro fields ("Sent from Zendesk").
* FL003 registered-macro: a near-copy of a canned reply the team registered
  (:class:`courtesy.formletter.FormLetterIndex`, passed as ``check(form_letters=...)``).
* FL004 repeated-reply: the same (or nearly the same) reply already went to this customer.
* FL005 repeat-contact-unacknowledged: the customer wrote several times about the same
  topic and the reply does not say so.

The text primitives (:func:`skeleton_words`, :func:`shingles`, :func:`resemblance`) live
here, in the rules layer, so that the rules and :mod:`courtesy.formletter` mask personal
fields the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from courtesy.profiles import SituationKind
from courtesy.rules.context import (
    CLOSING_CHARS,
    CLOSING_LINES,
    CLOSING_WORDS,
    SIGN_OFF,
    is_closing_line,
)
from courtesy.rules.model import Category, Custom, Existence, Hit, Rule, Severity

if TYPE_CHECKING:
    from courtesy.profiles import Interaction
    from courtesy.rules.context import CheckContext

__all__ = [
    "DEFAULT_THRESHOLDS",
    "MIN_WORDS",
    "RULES",
    "CannedReplies",
    "Thresholds",
    "active_form_letters",
    "active_thresholds",
    "date_words",
    "generic_words",
    "personal_signals",
    "resemblance",
    "shingles",
    "skeleton_words",
    "using_form_letters",
]

#: Shorter bodies are chat turns, not letters: too short to judge.
MIN_WORDS = 12
#: Specific content words needed before plain text counts as personal.
MIN_SPECIFIC_WORDS = 2


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The numbers behind the FL rules (module defaults in :data:`DEFAULT_THRESHOLDS`).

    ``min_words``: bodies shorter than this are not judged (chat turns).
    ``min_coverage``: share of body sentences that must carry customer or situation data
    (render trace) before a rendered message stops being a form letter.
    ``min_specific_words``: plain text needs this many content words outside the stock
    vocabulary (or a number, or a word the customer wrote).
    ``min_echoed_words``: content words (by crude stem) the reply must share with the
    customer's message to count as answering it.
    ``macro_similarity``: resemblance to a registered macro from which a reply is a copy.
    ``repeat_similarity``: resemblance to an earlier outbound message from which the reply
    counts as sent again.
    ``repeat_contacts``: inbound messages on one topic from which the reply must
    acknowledge the repeat contact.
    """

    min_words: int = MIN_WORDS
    min_coverage: float = 0.25
    min_specific_words: int = MIN_SPECIFIC_WORDS
    min_echoed_words: int = 2
    macro_similarity: float = 0.5
    repeat_similarity: float = 0.7
    repeat_contacts: int = 2

    def __post_init__(self) -> None:
        for name in ("min_coverage", "macro_similarity", "repeat_similarity"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"Thresholds.{name} must be between 0 and 1, not {value!r}")
        if self.min_words < 0 or self.min_specific_words < 0 or self.repeat_contacts < 2:
            raise ValueError("Thresholds: min_words and min_specific_words must be >= 0, "
                             "repeat_contacts >= 2")


DEFAULT_THRESHOLDS = Thresholds()


class CannedReplies(Protocol):
    """What FL003 needs from a registry of canned replies (:class:`FormLetterIndex`)."""

    def best_match(self, text: str) -> tuple[str, float] | None:
        """The registered reply ``text`` resembles most and the resemblance, or ``None``."""
        ...


_FORM_LETTERS: ContextVar[CannedReplies | None] = ContextVar("courtesy_form_letters",
                                                            default=None)
_THRESHOLDS: ContextVar[Thresholds] = ContextVar("courtesy_fl_thresholds",
                                                 default=DEFAULT_THRESHOLDS)


def active_form_letters() -> CannedReplies | None:
    return _FORM_LETTERS.get()


def active_thresholds() -> Thresholds:
    return _THRESHOLDS.get()


def using_form_letters(index: CannedReplies | None,
                       thresholds: Thresholds | None = None) -> AbstractContextManager[None]:
    """Make ``index`` (and ``thresholds``) active for the checks inside a ``with`` block."""
    if index is None and _FORM_LETTERS.get() is None and (
            thresholds or DEFAULT_THRESHOLDS) is _THRESHOLDS.get():
        return _UNCHANGED  # the common case: nothing to set, nothing to restore
    return _using_form_letters(index, thresholds)


_UNCHANGED = nullcontext()


@contextmanager
def _using_form_letters(index: CannedReplies | None,
                        thresholds: Thresholds | None) -> Iterator[None]:
    token = _FORM_LETTERS.set(index)
    token2 = _THRESHOLDS.set(thresholds or DEFAULT_THRESHOLDS)
    try:
        yield
    finally:
        _THRESHOLDS.reset(token2)
        _FORM_LETTERS.reset(token)


# -- text primitives: masking personal fields, shingles, resemblance ----------------------

#: Helpdesk placeholders of every common syntax: {{x}}, {%x%}, %{x}, *|X|*, [Agent Name], <NAME>.
_PLACEHOLDER = re.compile(
    r"\{\{[^{}\n]{0,80}\}\}|\{%[^{}\n]{0,80}%\}|%\{[\w.]{1,60}\}|\*\|[A-Za-z0-9_:]{1,40}\|\*"
    r"|\$\{[^{}\n]{1,60}\}|\$[A-Za-z_][\w.]*|\[[A-Za-z][\w .]{0,30}\]|<[A-Z][A-Z_]{1,30}>"
    r"|\{[\w.]{1,40}\}"
)
_PLACEHOLDER_MARKS = ("{", "*|", "[", "<", "$")
_EMAIL_URL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|https?://\S+|www\.\S+")
#: Numbers, amounts, dates ("3 May", "3rd of June"), references: from the first digit.
_DIGITS = re.compile(
    r"\d+(?:[.,:/-]\d+)*(?:(?:st|nd|rd|th)?(?: of)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
    r"Nov|Dec)[a-z]*)?"
)
#: Capitalised words inside a sentence (names, products, places) and one-word signature lines.
_PROPER = re.compile(r"(?<=[a-z,;] )[A-Z][\w'’-]*|(?<=\n)[A-Z][a-z]+$")
_STRIP = ".,;:!?\"'()“”‘’"


def skeleton_words(text: str) -> list[str]:
    """The words of ``text`` with personal fields masked as ``#``, lower-cased.

    Placeholders, emails and links, numbers, amounts and dates (order numbers, "3 May") and
    capitalised words inside a sentence (names, products) become ``#``: "Hi Anna, order
    4471 ships on 3 May" and "Hi {{ticket.requester.first_name}}, order {{order.id}} ships
    on {{date}}" have the same skeleton. Words keep no surrounding punctuation.
    """
    if any(mark in text for mark in _PLACEHOLDER_MARKS) or "%{" in text:
        text = _PLACEHOLDER.sub("#", text)
    if "@" in text or "://" in text or "www." in text:
        text = _EMAIL_URL.sub("#", text)
    text = _PROPER.sub("#", _DIGITS.sub("#", text))
    if "# #" in text:  # "Ben Okafor", "3 May 2026": one field, one mask
        text = text.replace("# #", "#").replace("# #", "#")
    return [("#" if "#" in w else w) for w in (w.strip(_STRIP) for w in text.lower().split())
            if w]


def shingles(words: list[str], size: int = 3) -> set[int]:
    """Hashes of the ``size``-word windows of ``words`` (the whole text when shorter)."""
    if len(words) < size:
        return {hash(tuple(words))} if words else set()
    return set(map(hash, zip(*(words[i:] for i in range(size)), strict=False)))


def resemblance(a: set[int], b: set[int]) -> float:
    """Jaccard resemblance of two shingle sets (0 when both are empty)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


# -- FL001 ---------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w'’]*")
_DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|\n|$)")
#: A line that opens with a sign-off (:data:`~courtesy.rules.context.SIGN_OFF`), anywhere in
#: a text.
_SIGN_OFF_LINE = re.compile(r"(?m)^[ \t]*" + SIGN_OFF.pattern.removeprefix(r"(?i)^\s*"),
                            re.IGNORECASE)


@lru_cache(maxsize=2)
def _word_list(name: str) -> frozenset[str]:
    """The words of ``lexicons/<lang>/<name>`` in every shipped language, lower-cased."""
    base = resources.files("courtesy.rules") / "lexicons"
    words: set[str] = set()
    for folder in base.iterdir():
        entry = folder / name
        if entry.is_file():
            for line in entry.read_text("utf-8").splitlines():
                if not line.startswith("#"):
                    words.update(w.replace("’", "'") for w in line.lower().split())
    return frozenset(words)


def generic_words() -> frozenset[str]:
    """The stock vocabulary of support replies, in every shipped language."""
    return _word_list("generic.words")


def date_words() -> frozenset[str]:
    """Names of weekdays and months in every shipped language (``dates.words``): "on
    Saturday", "since Monday", "im März" date this customer's case as a number would."""
    return _word_list("dates.words")


#: Durations are stock wording ("within 48 hours", "14 working days"), not references.
_DURATION = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:-\s*\d+\s*)?(?:working |business |calendar )?"
    r"(?:hours?|hrs?|days?|weeks?|months?|minutes?|mins?|years?)\b", re.IGNORECASE)
#: A phone number is the company's, the same for everyone: a trunk or country prefix
#: ("0800", "+44", "(020)", "1-800") and digit groups ("0800 555 0100", "08382 704-0").
#: Unbroken digit runs (tracking numbers) and "4471-2290" (no prefix) stay references.
_PHONE = (r"(?:\+\d{1,3}[ -]?|\(?0\d{1,4}\)?[ -]?|1-\d{3}-)\d{2,4}(?:[ -]\d{1,4}){1,4}"
          r"(?![\d,.]\d)")
#: A percentage is a rate ("a 100% improvement", "prices rise by 7.9%"), not a reference.
_PERCENT = r"\d+(?:[.,]\d+)?\s?%"
#: Numbers that are stock wording, in one pattern: a duration, a percentage, a phone number.
_STOCK_NUMBER = re.compile(f"{_DURATION.pattern}|{_PERCENT}|{_PHONE}", re.IGNORECASE)


def _first_reference(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the first number of ``text[start:end]`` that is not a duration, a phone number
    or a percentage starts (an order number, an amount, a date), or -1. Each number is
    tried as one of those from where it starts (a phone number from its "+" or "(")."""
    end = len(text) if end is None else end
    digit = _DIGIT.search(text, start, end)
    while digit is not None:
        at = digit.start()
        if at > start and text[at - 1] in "+(":
            at -= 1
        stock = _STOCK_NUMBER.match(text, at, end)
        if stock is None and at < digit.start():  # "(24 hours)", "+5 points"
            stock = _STOCK_NUMBER.match(text, digit.start(), end)
        if stock is None:
            return digit.start()
        digit = _DIGIT.search(text, max(stock.end(), digit.end()), end)
    return -1


def _has_reference(text: str) -> bool:
    """Whether ``text`` holds a number that is not a duration, a phone number or a
    percentage: an order number, an amount, a date."""
    return _first_reference(text) >= 0


def _reference_in_body(text: str, start: int, end: int) -> bool:
    """Whether the letter body (:func:`_letter_body`) of ``text[start:end]`` holds a
    reference. Without cutting the closing off when it cannot matter: a long line holding
    the first reference, with no sign-off line before it, stays in the body."""
    at = _first_reference(text, start, end)
    if at < 0:
        return False
    line_start = text.rfind("\n", start, at) + 1 or start
    line_end = text.find("\n", at, end)
    line = text[line_start : end if line_end < 0 else line_end].strip()
    if len(line) > CLOSING_CHARS and not _SIGN_OFF_LINE.search(text, start, line_start):
        return True
    return _has_reference(_letter_body(text, start, end))


#: Web addresses without a scheme ("luma.example", "post.at/track"): the sender's, not
#: the customer's, so their words are not content.
_DOMAIN = re.compile(r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b(?:/\S*)?")
_DOT_LETTER = re.compile(r"\.[a-z]")

def _letter_body(text: str, start: int, end: int) -> str:
    """``text[start:end]`` without the closing: from a closing line among the last
    :data:`~courtesy.rules.context.CLOSING_LINES` lines ("Kind regards,", "Mit freundlichen
    Grüßen"; :func:`~courtesy.rules.context.is_closing_line`) on, and short lines at the
    end that do not end a sentence (agent's name, team, company)."""
    body = text[start:end]
    if "\n" not in body:
        return body  # one line: a chat turn or a text message, nothing to cut
    lines = body.rsplit("\n", CLOSING_LINES)  # the last lines; lines[0] may hold the rest
    keep = len(lines)
    rest = keep > CLOSING_LINES
    for i in range(keep - 1, int(rest) - 1, -1):
        if is_closing_line(lines[i]):
            keep = i
            break
    while keep:
        if keep == 1 and rest:  # a long signature block: go on through the rest
            lines = lines[0].rsplit("\n", CLOSING_LINES)
            keep = len(lines)
            rest = keep > CLOSING_LINES
            continue
        line = lines[keep - 1].strip()
        if line and (len(line) > CLOSING_CHARS
                     or len(line.split(None, CLOSING_WORDS)) > CLOSING_WORDS
                     or (line[-1] in ".!?" and not SIGN_OFF.match(line))):
            break
        keep -= 1
    return "\n".join(lines[:keep])


def _echoed(content: set[str], theirs: set[str]) -> set[str]:
    """The content words of the reply that the customer used too, compared by crude stem:
    the same first five letters ("shattered" ~ "shatter"), or a four-letter word the other
    starts with ("bill" ~ "billing", "bike" ~ "bikes"). Distinct stems, by four letters."""
    five = {t[:5] for t in theirs if len(t) >= 5}
    four = {t for t in theirs if len(t) == 4}
    heads = {t[:4] for t in theirs if len(t) >= 4}
    found = set()
    for word in content:
        if word in theirs or (len(word) >= 5 and word[:5] in five) or word[:4] in four \
                or (len(word) == 4 and word in heads):
            found.add(word[:4])
    return found


def _stock_phrasing(ctx: CheckContext) -> bool:
    """Whether the reply uses canned phrasing other than a thank-you opener ("Thank you
    for your email" opens personal replies as often as macros; "We have received your
    request" and "Your feedback is important to us" do not)."""
    thanks = ctx.spans("thanks")
    return any(not any(s < e2 and s2 < e for s2, e2 in thanks) for s, e in ctx.spans("canned"))


def personal_signals(ctx: CheckContext, start: int, *, first_only: bool = False) -> list[str]:
    """What in the body from ``start`` only this customer could have received (may be
    empty). The closing lines (sign-off, names, team) are left out.

    Signals: a number that is not a duration, a phone number or a percentage (an order, an
    amount, a date); a weekday or month name; at least ``Thresholds.min_echoed_words``
    content words the customer used in ``situation.customer_message`` (compared by crude
    stem); and, when the reply holds no canned phrasing beyond a thank-you opener (lexicon
    topic ``canned``), at least ``Thresholds.min_specific_words`` content words outside the
    stock vocabulary. Words of e-mail addresses and links do not count. With
    ``first_only``, stops at the first signal.
    """
    text = ctx.text
    signals: list[str] = []
    if _reference_in_body(text, start, len(text)):
        signals.append("a number or reference")
        if first_only:
            return signals
    body = _letter_body(text, start, len(text))
    plain = body.lower().replace("’", "'")
    if "@" in plain or "://" in plain or "www." in plain:
        plain = _EMAIL_URL.sub(" ", plain)
    if _DOT_LETTER.search(plain):
        plain = _DOMAIN.sub(" ", plain)
    words = set(_WORD.findall(plain))
    customer = ctx.customer
    if customer is not None:
        words -= {w.lower() for w in customer.name_forms.exact}
    dates = words & date_words()
    if not dates and "'s" in plain:  # "Thursday's visit"
        dates = {w[:-2] for w in words if w.endswith("'s")} & date_words()
    if dates:
        signals.append("a date: " + ", ".join(sorted(dates)[:3]))
        if first_only:
            return signals
    content = {w for w in words - generic_words() if len(w) > 2}
    situation = ctx.situation
    if situation is not None and situation.customer_message:
        theirs = {w for w in _WORD.findall(situation.customer_message.lower().replace("’", "'"))
                  if len(w) > 2} - generic_words()
        echoed = _echoed(content, theirs)
        if len(echoed) >= active_thresholds().min_echoed_words:
            signals.append("words from the customer's message: " + ", ".join(sorted(echoed)[:3]))
            if first_only:
                return signals
    if _stock_phrasing(ctx):
        return signals  # a canned reply: only hard evidence counts
    specific = sorted(content)
    if len(specific) >= active_thresholds().min_specific_words:
        signals.append("specific words: " + ", ".join(specific[:3]))
    return signals


def _body_sentences(ctx: CheckContext) -> list[tuple[int, int]]:
    """Sentences of the body, without the salutation and the sign-off."""
    start, end = ctx.body_start, ctx.end_of_text()
    found: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(ctx.text, start, end):
        s, e = match.start(), match.end()
        while s < e and ctx.text[s].isspace():
            s += 1
        while e > s and ctx.text[e - 1].isspace():
            e -= 1
        if s < e and _WORD.search(ctx.text, s, e):
            found.append((s, e))
    while found and (SIGN_OFF.match(ctx.text, found[-1][0])
                     or (len(_WORD.findall(ctx.text, *found[-1])) <= 4
                         and ctx.text[found[-1][1] - 1] not in ".!?")):
        found.pop()  # "Kind regards,", "Anna", "The Support Team"
    return found


def sentence_coverage(ctx: CheckContext) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(personal, generic) body sentences of a rendered message, from its render trace.

    A sentence is personal when a traced output other than the customer's name falls in it.
    """
    trace = ctx.trace
    assert trace is not None
    spans = [(s.start, s.end) for s in trace.spans if s.is_personal and not s.is_name]
    personal: list[tuple[int, int]] = []
    generic: list[tuple[int, int]] = []
    for s, e in _body_sentences(ctx):
        if any(a < e and b > s for a, b in spans):
            personal.append((s, e))
        else:
            generic.append((s, e))
    return personal, generic


def _form_letter(ctx: CheckContext) -> Iterator[Hit]:
    """For a rendered message: flags it when nothing but the customer's name came from
    customer or situation data, or when fewer than a quarter (``Thresholds.min_coverage``)
    of the body sentences carry such data; each generic sentence is reported. When we owe an
    owning apology and no sentence holding the apology or a next step carries such data,
    those sentences are reported (the core of the reply is boilerplate). For plain
    text with a customer: flags a body of 12+ words (without its closing lines) with no
    reference or date (a phone number, a duration or a percentage is not one), fewer than
    two words from the customer's own message and, unless the reply uses canned phrasing
    beyond a thank-you opener, fewer than two content words outside the stock vocabulary
    of support replies. Announcements and broadcast templates are exempt.
    """
    if ctx.kind is SituationKind.ANNOUNCEMENT:
        return
    limits = active_thresholds()
    trace = ctx.trace
    start = ctx.body_start
    end = ctx.end_of_text()
    if trace is not None:
        if trace.broadcast:
            return
        body_words = len(_WORD.findall(ctx.text, start, end))
        if body_words < 3:
            return  # a greeting or an address line, not a letter
        if trace.personal_chars(include_name=False) == 0:
            share = trace.personal_chars(include_name=True) / max(len(ctx.text), 1)
            yield Hit(start, end,
                      f"Only the name is personal ({share:.0%} of the text comes from customer "
                      "data): any customer could receive these exact words.",
                      "Refer to this customer's order, dates or what they told us.")
            return
        if body_words < limits.min_words:
            return
        personal, generic = sentence_coverage(ctx)
        total = len(personal) + len(generic)
        if total and len(personal) / total < limits.min_coverage:
            for s, e in generic:
                yield Hit(s, e,
                          f"Generic sentence: only {len(personal)} of {total} sentences carry "
                          "this customer's details (fewer than "
                          f"{limits.min_coverage:.0%}).",
                          "Tie the apology and next steps to this customer's situation.")
            return
        yield from _generic_core(ctx, personal, generic)
        return
    if ctx.customer is None or start >= end:
        return
    # whitespace-separated tokens: a C-speed stand-in for the word count of a short text
    # (split no further than the count asked for)
    if len(ctx.text[start:end].split(None, limits.min_words)) < limits.min_words:
        return
    if not personal_signals(ctx, start, first_only=True):
        yield Hit(start, end,
                  "Apart from the name, nothing in this reply is about this customer: no "
                  "order, date or detail of what they told us.",
                  "Refer to this customer's order, dates or what they told us.")


def _generic_core(ctx: CheckContext, personal: list[tuple[int, int]],
                  generic: list[tuple[int, int]]) -> Iterator[Hit]:
    """When we owe an owning apology and no sentence holding the apology (or stock
    regret) or a next step carries customer or situation data, those sentences are reported:
    the core of the reply is boilerplate even if other sentences are personal."""
    if not ctx.needs_owning_apology or not generic:
        return
    core: dict[tuple[int, int], None] = {}
    apology = ctx.apology_spans() + ctx.spans("boilerplate")  # incl. "sorry for any inconvenience"
    for spans in (apology, ctx.next_step_spans()):
        if not spans:
            continue
        if any(p[0] <= a < p[1] for p in personal for a, _ in spans):
            return  # some of that element is tied to the situation
        core.update(dict.fromkeys(g for g in generic if any(g[0] <= a < g[1] for a, _ in spans)))
    for s, e in sorted(core):
        yield Hit(s, e,
                  "Generic apology or next step: nothing in it comes from this customer's "
                  "situation, so it reads as boilerplate.",
                  "Say what went wrong for this customer and what happens next for them.")


# -- FL003 ---------------------------------------------------------------------------------

def _registered_macro(ctx: CheckContext) -> Iterator[Hit]:
    """Flags a reply that is a near-copy (``Thresholds.macro_similarity``, default 0.5
    resemblance of masked 3-word shingles) of a canned reply the team registered in a
    :class:`~courtesy.formletter.FormLetterIndex` passed to ``check(form_letters=...)``.
    Placeholders and personal fields are masked on both sides. Announcements are exempt.
    """
    index = active_form_letters()
    if index is None or ctx.kind is SituationKind.ANNOUNCEMENT:
        return
    if ctx.trace is not None and ctx.trace.broadcast:
        return
    start, end = ctx.body_start, ctx.end_of_text()
    if start >= end:
        return
    match = index.best_match(ctx.text[start:end])
    if match is not None and match[1] >= active_thresholds().macro_similarity:
        name, score = match
        yield Hit(start, end,
                  f"This reply is a copy of the registered macro {name!r} "
                  f"({score:.0%} the same after masking names and numbers).",
                  "Answer what this customer asked; keep the macro for facts, not the reply.")


# -- FL004 / FL005: history ------------------------------------------------------------------

def _repeated_reply(ctx: CheckContext) -> Iterator[Hit]:
    """Flags a reply that resembles (``Thresholds.repeat_similarity``, default 0.7, masked
    3-word shingles) a message already sent to this customer (``customer.history``,
    direction ``outbound``): the customer would receive the same words twice.
    """
    customer = ctx.customer
    if customer is None or not customer.history:
        return
    start, end = ctx.body_start, ctx.end_of_text()
    words = skeleton_words(ctx.text[start:end])
    if len(words) < active_thresholds().min_words:
        return
    mine = shingles(words)
    best: tuple[float, Interaction] | None = None
    for past in customer.history:
        if past.direction != "outbound" or not past.text:
            continue
        score = resemblance(mine, shingles(skeleton_words(past.text)))
        if best is None or score > best[0]:
            best = (score, past)
    if best is not None and best[0] >= active_thresholds().repeat_similarity:
        score, past = best
        yield Hit(start, end,
                  f"This customer already received this reply on {_day(past)} "
                  f"({score:.0%} the same): sending it again tells them nobody read their "
                  "answer.",
                  "Say what is different this time, or what we will do now that the first "
                  "answer did not help.")


def _day(item: Interaction) -> str:
    return f"{item.at.day} {item.at:%B %Y}"


def _repeat_contact(ctx: CheckContext) -> Iterator[Hit]:
    """Flags a reply to a customer whose history holds two or more inbound messages
    (``Thresholds.repeat_contacts``) on the topic of their latest one, or whose situation
    says they wrote about it before (``repeat_contact``), when the reply does not
    acknowledge the earlier contact ("I can see you contacted us on 3 May about...", "your
    previous email", "sorry you had to write again", "erneut", "une deuxième fois", "por
    segunda vez").
    """
    customer = ctx.customer
    inbound = sorted((i for i in customer.history if i.direction == "inbound" and i.topic),
                     key=lambda i: i.at) if customer is not None else []
    topic = inbound[-1].topic if inbound else None
    same = [i for i in inbound if i.topic == topic]
    # the situation may say so without a history: "repeat_contact" earlier messages on
    # this, and the one we are answering
    told = ctx.situation.repeat_contact + 1 if ctx.situation is not None \
        and ctx.situation.repeat_contact else 0
    contacts = max(len(same), told)
    if contacts < active_thresholds().repeat_contacts:
        return
    if ctx.has("repeat-acknowledgement"):
        return  # lexicons/*/repeat-acknowledgement.txt
    start, end = ctx.body_start, ctx.end_of_text()
    if start >= end:
        return
    if len(same) == contacts:
        message = (f"The customer has contacted us {contacts} times about {topic!r} (first on "
                   f"{_day(same[0])}); the reply does not say so.")
        suggestion = f"Acknowledge it: \"I can see you contacted us on {_day(same[0])} " \
                     "about this.\""
    else:
        message = f"The customer has contacted us {contacts} times about this; the reply " \
                  "does not say so."
        suggestion = "Acknowledge it: \"I'm sorry you've had to write to us again about this.\""
    yield Hit(start, min(end, ctx.sentence_at(start)[1]), message, suggestion)


_CUSTOMER = {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}

RULES = (
    Rule(
        code="FL001", name="form-letter", category=Category.FORM_LETTER,
        severity=Severity.ERROR, kind=Custom(check=_form_letter, needs_customer=True),
        seed="004",
        practice="Don't treat customers like numbers ... Avoid form letters unless a problem is "
                 "extremely common.",
        why="A reply whose only personal touch is the name in the salutation could go to any "
            "customer; it tells this one that nobody read their message.",
        bad=("Dear Mr Owen,\n\nThank you for contacting us. We have received your request and "
             "a member of our team will get back to you as soon as possible. We apologise for "
             "any inconvenience.",
             "Hi Nick, thanks for reaching out! We're sorry to hear about your experience. "
             "Your feedback is important to us and we will look into it. Thanks again."),
        good=("Dear Mr Owen,\n\nThank you for your email about order A-1042. I've re-sent the "
              "kettle by express and it will reach you on Thursday.",
              "Hi Nick, thanks for reaching out! I'm sorry the blue kettle arrived with a "
              "cracked lid. A replacement lid is on its way to you by courier."),
        context={"customer": _CUSTOMER},
    ),
    Rule(
        code="FL002", name="macro-residue", category=Category.FORM_LETTER,
        severity=Severity.ERROR,
        kind=Existence(topic="macro-residue",
                       message="Helpdesk macro residue: {match!r} shows the reply is a pasted "
                               "template."),
        seed="004",
        practice="Don't treat customers like numbers ... Avoid form letters unless a problem is "
                 "extremely common.",
        why="A helpdesk footer or an agent-name field left in the text tells the customer they "
            "got a macro, not an answer.",
        bad=("Hi Nick,\n\nYour refund for the cracked kettle is on its way.\n\n[Agent Name]\n"
             "Sent from Zendesk",
             "Your replacement kettle ships today by courier.\n\nPowered by Freshdesk"),
        good=("Hi Nick,\n\nYour refund for the cracked kettle is on its way.\n\nAnna\n"
              "Customer Care",
              "Your replacement kettle ships today by courier. I sent it from our Leeds "
              "warehouse."),
    ),
    Rule(
        code="FL003", name="registered-macro", category=Category.FORM_LETTER,
        severity=Severity.WARNING, kind=Custom(check=_registered_macro),
        seed="004",
        practice="Avoid form letters unless a problem is extremely common.",
        why="A reply copied from the team's macro library answers the ticket type, not the "
            "customer; the team registered its macros so that such copies are caught.",
        bad=("Hi Nick,\n\nThank you for getting in touch. We are sorry to hear your order "
             "arrived damaged. We have passed your case to our returns team, who will contact "
             "you within five working days with the next steps.",
             "Dear Mr Owen, thank you for getting in touch. We are sorry to hear your order "
             "arrived damaged. We have passed your case to our returns team, who will contact "
             "you within five working days with the next steps. Kind regards"),
        good=("Hi Nick,\n\nI'm sorry the kettle arrived with a cracked lid. I've sent a new "
              "lid by courier today; it will reach you on Thursday.",
              "Dear Mr Owen, I have refunded the £24.99 for the cracked kettle to your Visa "
              "card; you will see it within three days."),
        context={"form_letters": {
            "damaged-order": "Hi {{ticket.requester.first_name}},\n\nThank you for getting in "
                             "touch. We are sorry to hear your order arrived damaged. We have "
                             "passed your case to our returns team, who will contact you "
                             "within five working days with the next steps."}},
    ),
    Rule(
        code="FL004", name="repeated-reply", category=Category.FORM_LETTER,
        severity=Severity.ERROR, kind=Custom(check=_repeated_reply, needs=frozenset({"history"})),
        seed="002",
        practice="Depersonalising customers ... treating them as a number.",
        why="Sending a customer the reply they already received means nobody read what they "
            "wrote back.",
        bad=("Dear Mr Owen,\n\nThank you for your message. Refunds are processed within 14 "
             "days of the returned item reaching our warehouse, and you will receive an email "
             "once it has been issued.",
             "Hi Nick, thank you for your message. Refunds are processed within 10 days of "
             "the returned item reaching our warehouse and you will receive an email once it "
             "has been issued."),
        good=("Dear Mr Owen,\n\nI'm sorry the refund still hasn't arrived. I checked: the "
              "kettle reached us on 2 May, so I have issued the £24.99 refund myself today.",
              "Hi Nick, the refund for the kettle went to your Visa card this morning. It "
              "usually shows within three working days."),
        context={"customer": {**_CUSTOMER, "history": [
            {"at": "2026-05-03T10:00:00Z", "direction": "inbound", "topic": "refund",
             "text": "Where is my refund for the kettle?"},
            {"at": "2026-05-03T12:00:00Z", "direction": "outbound", "topic": "refund",
             "text": "Dear Mr Owen, thank you for your message. Refunds are processed "
                     "within 14 days of the returned item reaching our warehouse, and you "
                     "will receive an email once it has been issued."}]}},
    ),
    Rule(
        code="FL005", name="repeat-contact-unacknowledged", category=Category.FORM_LETTER,
        severity=Severity.WARNING, kind=Custom(check=_repeat_contact,
                                                 needs=frozenset({"contacted-before"})),
        seed="003",
        practice="The larger the grievance, the timelier a response.",
        why="A customer who had to write twice about the same problem needs to hear that we "
            "know; a reply that starts from zero makes them explain it a third time.",
        bad=("Dear Mr Owen,\n\nI have issued a refund of £24.99 for the kettle; it will "
             "reach your card within three days.",
             "Hi Nick, the refund for your kettle is on its way and should arrive this week."),
        good=("Dear Mr Owen,\n\nI can see you contacted us on 3 May about this refund, and I "
              "am sorry you had to write again. I have issued the £24.99 today.",
              "Hi Nick, thanks for your patience, and sorry you had to chase us about the "
              "refund. It went to your card today."),
        context={"customer": {**_CUSTOMER, "history": [
            {"at": "2026-05-03T10:00:00Z", "direction": "inbound", "topic": "refund",
             "text": "Where is my refund for the kettle?"},
            {"at": "2026-05-10T09:00:00Z", "direction": "inbound", "topic": "refund",
             "text": "Still no refund for the kettle."}]}},
    ),
)
