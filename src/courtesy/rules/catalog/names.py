"""NM and SL: the customer's name, title and salutation, as written in the message.

Seed 002, "Dear Sir or Madam": "I still receive emails and letters addressed to Mr N.Owenn
... make sure you have the customer's title and name correct. If you can't get someone's
name right, then they won't trust you to get anything else right either."

One analysis per message finds every name problem; each rule reports its own kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from courtesy.names import (
    PARTICLES,
    lookup_title,
    strip_diacritics,
    titles_compatible,
)
from courtesy.rules.model import Category, Custom, Existence, Hit, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator

    from courtesy.names import NameForms
    from courtesy.rules.context import CheckContext

__all__ = ["RULES"]

_ADDRESS_WORD = re.compile(r"[\w'’\-]+\.?")
# A name-like word: letters, with inner apostrophes or hyphens (O'Brien, Smith-Jones).
_NAMEISH = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

#: Words that address nobody in particular: "Hi there", "Dear all", "Hello team".
_GENERIC_ADDRESS = frozenset({
    "there", "all", "everyone", "everybody", "team", "folks", "friend", "friends",
    "customer", "client", "user", "member", "sir", "madam", "valued", "loyal", "dear",
})
#: Capitalised words that look like names to an edit distance but are not.
_NOT_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "i'm", "i've", "i'll", "i'd", "ok", "okay",
})

_FORMAL_GREETING = {"en": "Dear", "de": "Guten Tag", "fr": "Bonjour", "es": "Estimado/a"}


@dataclass(frozen=True, slots=True)
class _Issue:
    kind: str
    start: int
    end: int
    message: str
    suggestion: str | None = None


def _quote(text: str) -> str:
    return f"'{text}'"


def _address_issues(ctx: CheckContext, forms: NameForms) -> Iterator[_Issue]:
    salutation = ctx.salutation
    if salutation is None:
        return
    text = ctx.text
    full = forms.formal_address()
    if salutation.generic:
        greeting = _FORMAL_GREETING.get(ctx.customer.language if ctx.customer else "en", "Dear")
        yield _Issue("generic", salutation.start, salutation.address_end,
                     f"{_quote(text[salutation.start:salutation.address_end])} is a generic "
                     f"salutation, but we know the customer's name, {full}.",
                     f"{greeting} {full}")
        return
    base = salutation.address_start
    words = list(_ADDRESS_WORD.finditer(text, base, salutation.address_end))
    if not words:
        return
    if all(w.group().rstrip(".").casefold() in _GENERIC_ADDRESS for w in words):
        yield _Issue("generic", salutation.start, salutation.address_end,
                     f"{_quote(text[salutation.start:salutation.address_end])} addresses nobody "
                     f"in particular, but we know the customer's name, {full}.",
                     f"{text[salutation.start:salutation.address_start].strip()} "
                     f"{forms.informal_address() if not words else full}")
        return
    roles: list[str] = []
    seen_name = False
    for match in words:
        word = match.group()
        bare = word.rstrip(".")
        start, end = match.start(), match.start() + len(bare)
        title = lookup_title(bare) if not seen_name else None
        if title is not None and bare.casefold() not in forms.folded:
            if forms.title is None:
                if title.gender != "n":
                    yield _Issue("guessed-title", start, end,
                                 f"{_quote(bare)} assumes the customer's gender; the profile "
                                 "gives no title.", full)
                else:
                    yield _Issue("wrong-title", start, end,
                                 f"{_quote(bare)} is not in the customer's profile.", full)
            elif not titles_compatible(title, forms.title):
                yield _Issue("wrong-title", start, end,
                             f"{_quote(bare)} is the wrong title: the customer is "
                             f"{forms.title.canonical} {forms.family or forms.given}.",
                             forms.title.canonical)
            continue
        if len(bare) == 1 and bare.isalpha():
            seen_name = True
            for part in (forms.given, forms.nickname, forms.middle):
                if part and part[0].casefold() == bare.casefold() and len(part.split()[0]) > 1:
                    yield _Issue("initial", start, end + (1 if word.endswith(".") else 0),
                                 f"{_quote(word)} abbreviates a name we know in full.",
                                 part.split()[0])
                    break
            continue
        seen_name = True
        if bare in forms.exact:
            roles.append(forms.exact[bare])
            continue
        folded = bare.casefold()
        if folded in forms.folded:
            correct = forms.folded[folded]
            roles.append(forms.exact[correct])
            if correct in PARTICLES and bare == correct.capitalize() and len(roles) == 1:
                continue  # "Dear Mr Van der Berg": a leading particle may take a capital
            yield _Issue("casing", start, end,
                         f"{_quote(bare)} is not how the customer writes their name: "
                         f"{_quote(correct)}.", correct)
            continue
        plain = strip_diacritics(bare).casefold()
        if plain in forms.plain:
            correct = forms.plain[plain]
            roles.append(forms.exact[correct])
            if strip_diacritics(correct) != correct:
                yield _Issue("misspelt", start, end,
                             f"{_quote(bare)} drops the accents of the customer's name, "
                             f"{_quote(correct)}.", correct)
            continue
        near = forms.closest(bare)
        if near is not None:
            roles.append(forms.exact[near])
            yield _Issue("misspelt", start, end,
                         f"{_quote(bare)} misspells the customer's name, {_quote(near)}.", near)
        elif bare[0].isupper() or not bare[0].isalpha():
            yield _Issue("wrong-person", start, end,
                         f"{_quote(bare)} is not the customer's name: this is {full}.", full)
        else:
            break  # "Hi Nick thanks for ...": lower-case words end the address
    expected = ["given", "family"] if forms.family_first else ["family", "given"]
    if forms.given and forms.family and forms.given != forms.family:
        for i in range(len(roles) - 1):
            if roles[i : i + 2] == expected:
                order = "family name first" if not forms.family_first else "given name first"
                yield _Issue("swapped", words[0].start(),
                             words[-1].start() + len(words[-1].group().rstrip(".")),
                             f"{_quote(salutation.address(text))} puts the {order}; "
                             f"the customer's name is {full}.", full)
                break


_TRIM = ".,;:!?\"“”‘()[]…—–"


def _inline_issues(ctx: CheckContext, forms: NameForms) -> Iterator[_Issue]:
    """Capitalised words after the salutation that are near, but not exactly, the name.

    Words come from ``str.split`` (C speed); positions are looked up only for the rare
    word that is a candidate, so a message costs a set look-up per capitalised word.
    """
    salutation = ctx.salutation
    cursor = salutation.address_end if salutation is not None else 0
    lengths = {len(w) for w in forms.plain if len(w) >= 4}
    if not lengths:
        return
    text = ctx.text
    low, high = min(lengths) - 2, max(lengths) + 2
    exact = forms.exact
    for token in text[cursor:].split():
        if not token[0].isupper() and token[0] not in "\"“‘(":
            continue
        word = token.strip(_TRIM)
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if not (low <= len(word) <= high) or len(word) < 4 or word in exact \
                or not word[0].isupper():
            continue
        folded = word.casefold()
        if folded in _NOT_NAMES or (not word.isalpha() and not _NAMEISH.fullmatch(word)):
            continue
        issue: tuple[str, str, str] | None = None
        if folded in forms.folded:
            correct = forms.folded[folded]
            if correct != word and not (correct in PARTICLES and word == correct.capitalize()):
                issue = ("casing", f"{_quote(word)} is not how the customer writes their name: "
                                   f"{_quote(correct)}.", correct)
        else:
            plain = strip_diacritics(word).casefold()
            if plain in forms.plain:
                correct = forms.plain[plain]
                if strip_diacritics(correct) != correct:
                    issue = ("misspelt", f"{_quote(word)} drops the accents of the customer's "
                                         f"name, {_quote(correct)}.", correct)
            elif forms.may_be_near(word):
                near = forms.closest(word)
                if near is not None and len(near) >= 4:
                    issue = ("misspelt", f"{_quote(word)} misspells the customer's name, "
                                         f"{_quote(near)}.", near)
        if issue is None:
            continue
        start = text.find(word, cursor)
        while start != -1 and (
            (start > 0 and text[start - 1].isalnum())
            or (start + len(word) < len(text) and text[start + len(word)].isalnum())
        ):
            start = text.find(word, start + 1)
        if start == -1:
            continue
        cursor = start + len(word)
        if ctx.is_sentence_start(start):
            continue
        kind, message, suggestion = issue
        yield _Issue(kind, start, start + len(word), message, suggestion)


def _issues(ctx: CheckContext) -> list[_Issue]:
    cached = ctx._cache.get("name_issues")
    if cached is None:
        customer = ctx.customer
        if customer is None or not customer.name_forms.known:
            cached = []
        else:
            forms = customer.name_forms
            cached = [*_address_issues(ctx, forms), *_inline_issues(ctx, forms)]
        ctx._cache["name_issues"] = cached
    return cached  # type: ignore[return-value]


_KIND_DOCS = {
    "misspelt": "Compares every word of the salutation, and capitalised words elsewhere, with "
                "the profile's name parts: one edit away (two for longer names), or missing "
                "accents that the profile has ('Zoe' for 'Zoë'), is a misspelling.",
    "wrong-person": "Flags a capitalised word in the salutation that is neither the customer's "
                    "name, a title, nor close to either: the message greets someone else.",
    "casing": "Flags the customer's name written with different capitals than the profile "
              "('ZOË', 'Mcdonald' for 'McDonald'); a leading particle may be capitalised.",
    "initial": "Flags an initial ('N.', 'N. Owen') where the profile has the full given name.",
    "wrong-title": "Flags a title that contradicts the profile's ('Mrs' for 'Mr'), or a "
                   "neutral title ('Dr') the profile does not have. 'Herr', 'M.', 'Sr.' are "
                   "equivalent to 'Mr'.",
    "guessed-title": "Flags a gendered title (Mr, Mrs, Ms, Herr, Frau...) when the profile has "
                     "no title: the gender is a guess.",
    "swapped": "Flags the family name before the given name in a locale that writes the "
               "given name first (and the reverse for ja, zh, ko, hu, vi).",
    "generic": "Flags a generic salutation ('Dear Sir or Madam', 'Dear Valued Customer', "
               "'Hi there') when the profile has the customer's name.",
}


def _of_kind(kind: str) -> Custom:
    def check(ctx: CheckContext) -> Iterator[Hit]:
        for issue in _issues(ctx):
            if issue.kind == kind:
                yield Hit(issue.start, issue.end, issue.message, issue.suggestion)

    check.__name__ = f"check_{kind.replace('-', '_')}"
    check.__doc__ = _KIND_DOCS[kind]
    return Custom(check=check, needs_customer=True)


_NICK = {"customer": {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}}
_ZOE = {"customer": {"name": {"given": "Zoë", "family": "McDonald"}, "formality": "informal"}}
_SEED = "002"

RULES = (
    Rule(
        code="NM001", name="misspelt-name", category=Category.NAME, severity=Severity.ERROR,
        kind=_of_kind("misspelt"), seed=_SEED,
        practice="Make sure you have the customer's title and name correct.",
        why="A misspelt name ('Mr N.Owenn' for Nick Owen) tells the customer that we do not "
            "see them as an individual, and that we may get everything else wrong too.",
        bad=("Dear Mr Owenn,\n\nThank you for your patience.",
             "Hi Nik, thanks for writing in.",
             "Thanks for your patience, Mr Owem: the kettle is on its way."),
        good=("Dear Mr Owen,\n\nThank you for your patience.",
              "Hi Nick, thanks for writing in.",
              "Thanks for your patience, Mr Owen: the kettle is on its way."),
        context=_NICK,
        suggestion="Use the spelling from the customer's profile.",
    ),
    Rule(
        code="NM002", name="wrong-person", category=Category.NAME, severity=Severity.ERROR,
        kind=_of_kind("wrong-person"), seed=_SEED,
        practice="If you can't get someone's name right, then they won't trust you to get "
                 "anything else right either.",
        why="A message that greets someone else by name was written for, or merged with, "
            "another customer: a privacy slip as much as a discourtesy.",
        bad=("Dear Mr Williams,\n\nThank you for your order.",
             "Hi Sarah, thanks for getting in touch."),
        good=("Dear Mr Owen,\n\nThank you for your order.",
              "Hi Nick, thanks for getting in touch."),
        context=_NICK,
    ),
    Rule(
        code="NM003", name="name-casing", category=Category.NAME, severity=Severity.ERROR,
        kind=_of_kind("casing"), seed=_SEED,
        practice="Make sure you have the customer's title and name correct.",
        why="Names written in capitals or with the wrong capital ('Mcdonald' for 'McDonald') "
            "read as mail-merge output, not as a person writing to a person.",
        bad=("Hi ZOË, thanks for your message.", "Hi Zoë, I've asked Ms Mcdonald's courier "
             "to call ahead."),
        good=("Hi Zoë, thanks for your message.", "Hi Zoë, I've asked the courier to call "
              "ahead for Ms McDonald."),
        context=_ZOE,
    ),
    Rule(
        code="NM004", name="initial-for-name", category=Category.NAME, severity=Severity.WARNING,
        kind=_of_kind("initial"), seed=_SEED,
        practice="I still receive emails and letters addressed to Mr N.Owenn ... the company "
                 "involved don't consider me as an individual.",
        why="Initials where we know the full name ('N. Owen') are how databases write, not "
            "how people address each other.",
        bad=("Dear N. Owen,\n\nThank you for your order.", "Dear Mr N.Owen, thanks for writing."),
        good=("Dear Nick Owen,\n\nThank you for your order.", "Dear Mr Owen, thanks for writing."),
        context=_NICK,
    ),
    Rule(
        code="NM005", name="wrong-title", category=Category.TITLE, severity=Severity.ERROR,
        kind=_of_kind("wrong-title"), seed=_SEED,
        practice="Make sure you have the customer's title and name correct.",
        why="A wrong title (Mrs for a Mr, Dr where the customer gave none) misnames the person "
            "as surely as a misspelling.",
        bad=("Dear Mrs Owen,\n\nThank you for your order.", "Dear Dr Owen, thanks for writing."),
        good=("Dear Mr Owen,\n\nThank you for your order.", "Dear Nick Owen, thanks for writing."),
        context=_NICK,
    ),
    Rule(
        code="NM006", name="guessed-title", category=Category.TITLE, severity=Severity.ERROR,
        kind=_of_kind("guessed-title"), seed=_SEED,
        practice="Make sure you have the customer's title and name correct.",
        why="With no title in the profile, a gendered title is a guess; a wrong guess offends. "
            "Address the person by full name instead.",
        bad=("Dear Ms Morgan,\n\nThank you for your order.", "Dear Mr Morgan, thanks for "
             "writing."),
        good=("Dear Alex Morgan,\n\nThank you for your order.", "Hi Alex, thanks for writing."),
        context={"customer": {"name": {"given": "Alex", "family": "Morgan"}}},
    ),
    Rule(
        code="NM007", name="swapped-name-order", category=Category.NAME,
        severity=Severity.WARNING, kind=_of_kind("swapped"), seed=_SEED,
        practice="Make sure you have the customer's title and name correct.",
        why="Given and family name the wrong way round ('Dear Owen Nick') shows the name was "
            "pasted from two fields without looking.",
        bad=("Dear Owen Nick,\n\nThank you for your order.", "Hello Owen Nick, thanks."),
        good=("Dear Nick Owen,\n\nThank you for your order.", "Hello Nick Owen, thanks."),
        context=_NICK,
    ),
    Rule(
        code="SL001", name="generic-salutation", category=Category.SALUTATION,
        severity=Severity.ERROR, kind=_of_kind("generic"), seed=_SEED,
        practice="Dear Sir or Madam ... Customers today expect contact to be personal.",
        why="'Dear Sir or Madam' or 'Dear Valued Customer' when we know the customer's name "
            "says we did not look: the first impression is a form letter.",
        bad=("Dear Sir or Madam,\n\nThank you for your order.",
             "Dear Valued Customer, thanks for writing."),
        good=("Dear Mr Owen,\n\nThank you for your order.", "Hi Nick, thanks for writing."),
        context=_NICK,
    ),
    Rule(
        code="SL002", name="unrendered-placeholder", category=Category.PLACEHOLDER,
        severity=Severity.ERROR,
        kind=Existence(topic="placeholder",
                       message="{match} is a template placeholder that was never filled in."),
        seed=_SEED,
        practice="I still receive emails and letters addressed to Mr N.Owenn ... the company "
                 "involved don't consider me as an individual.",
        why="A placeholder left in the text ('Dear {{ first_name }}', 'Hi [NAME]', "
            "'*|FNAME|*') is the clearest sign of a form letter, and looks broken.",
        bad=("Dear {{ first_name }},\n\nThank you for your order.", "Hi [NAME], your order "
             "*|ORDER_ID|* has shipped."),
        good=("Dear Nick,\n\nThank you for your order.", "Hi Nick, your order A-1042 has "
              "shipped."),
    ),
)
