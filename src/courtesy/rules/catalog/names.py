"""NM and SL: the customer's name, title and salutation, as written in the message.

Seed 002, "Dear Sir or Madam": "I still receive emails and letters addressed to Mr N.Owenn
... make sure you have the customer's title and name correct. If you can't get someone's
name right, then they won't trust you to get anything else right either."

One analysis per message finds every name problem; each rule reports its own kind.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from courtesy.names import (
    PARTICLES,
    is_cjk,
    lookup_title,
    strip_diacritics,
    titles_compatible,
)
from courtesy.names._forms import forms_for
from courtesy.rules.catalog.formletter import generic_words
from courtesy.rules.model import Category, Custom, Existence, Hit, Rule, Severity

if TYPE_CHECKING:
    from courtesy.names import NameForms
    from courtesy.names._forms import Formality
    from courtesy.rules.context import CheckContext

__all__ = ["RULES"]

# Titles with an inner full stop ("Sig.ra", "Dott.ssa") are one word; "N.Owenn" is two.
# Word characters plus combining marks (Thai vowels, Devanagari signs, decomposed accents),
# which ``\w`` does not match: "ใจดี" is one word, not "ใจด" and a mark.
_MARKS = ("\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
          "\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
          "\u0981-\u0983\u09bc-\u09d7\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1"
          "\u0eb4-\u0ebc\u0ec8-\u0ecd\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
          "\ufe20-\ufe2f")
#: the initials of a hyphenated given name: "J.-B." for Jean-Baptiste
_COMPOUND_INITIALS = re.compile(r"[^\W\d_]\.-[^\W\d_]")
_ADDRESS_WORD = re.compile(r"(?i:sig\.r?a|sig\.na|dott\.ssa|dr\.in)|"
                           + _COMPOUND_INITIALS.pattern + r"\.?|[\w'’\-" + _MARKS + r"]+\.?")
# A name-like word: letters, with inner apostrophes or hyphens (O'Brien, Smith-Jones).
_NAMEISH = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

#: Words that address nobody in particular: "Hi there", "Dear all", "Hello team".
_GENERIC_ADDRESS = frozenset({
    "there", "all", "everyone", "everybody", "team", "folks", "friend", "friends",
    "customer", "client", "user", "member", "sir", "madam", "valued", "loyal", "dear",
    "guest", "patient", "passenger", "traveller", "traveler", "resident", "tenant",
    "applicant", "homeowner", "policyholder", "subscriber", "cardholder", "supporter", "donor",
})
#: The roles of :data:`_GENERIC_ADDRESS` that may follow whose they are ("Library User").
_GENERIC_ROLES = _GENERIC_ADDRESS - {"there", "all", "dear", "valued", "loyal", "sir", "madam"}
#: Capitalised words that look like names to an edit distance but are not.
_NOT_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "i'm", "i've", "i'll", "i'd", "ok", "okay",
})

#: a preferred name stands where the given name does ("Wooster Bertie" is swapped too)
_ROLE = {"nickname": "given"}
_PLACEHOLDER_CHAR = re.compile(r"[{\[%|$<#_*]")
_INLINE_MIN = 4  # shorter capitalised words are too often ordinary words


@lru_cache(maxsize=256)
def _greeting_sets(locale: str) -> tuple[frozenset[str], bool]:
    """Informal openings of a locale whose formal customers must not get them ("Hallo"),
    and whether the locale keeps formal and informal address apart."""
    data, _note = forms_for(locale)
    informal = frozenset(g.casefold() for g in data.informal_greetings)
    return informal, data.strict_formality


class _Found(dict[str, list[Hit]]):
    """The name problems of a message, by kind ("misspelt", "generic"...)."""

    def add(self, kind: str, start: int, end: int, message: str,
            suggestion: str | None = None) -> None:
        hits = self.get(kind)
        if hits is None:
            self[kind] = [Hit(start, end, message, suggestion)]
        else:
            hits.append(Hit(start, end, message, suggestion))


def _quote(text: str) -> str:
    return f"'{text}'"


def _address_issues(ctx: CheckContext, forms: NameForms, out: _Found) -> None:
    salutation = ctx.salutation
    if salutation is None:
        return
    text = ctx.text
    customer = ctx.customer
    formality: Formality = "informal" if customer is not None \
        and customer.formality == "informal" else "formal"
    if salutation.generic:
        suggested = forms.compose(formality)
        out.add("generic", salutation.start, salutation.address_end,
                f"{_quote(text[salutation.start:salutation.address_end])} is a generic "
                f"salutation, but we know the customer's name, {suggested.address}.",
                suggested.salutation)
        return
    _formality_issues(ctx, forms, formality, out)
    base = salutation.address_start
    address_text = text[base:salutation.address_end]
    if address_text in _own_addresses(forms):
        return  # what courtesy itself writes for this name: nothing to compare word by word
    if forms.cjk and is_cjk(address_text):
        # Han, kana and Hangul names are not split into words: the name must appear whole
        # ("佐藤様", "尊敬的王先生"); anything else is judged only by a person.
        return
    if _PLACEHOLDER_CHAR.search(address_text) and any(
        base <= start < salutation.address_end for start, _end in ctx.spans("placeholder")
    ):
        return  # "Dear [VORNAME]": SL002 reports the placeholder, not a wrong name
    words = list(_ADDRESS_WORD.finditer(text, base, salutation.address_end))
    if not words:
        return
    if all(w.group().rstrip(".").casefold() in _GENERIC_ADDRESS for w in words) or (
            _generic_role(words, forms)):
        suggested = forms.compose(formality)
        out.add("generic", salutation.start, salutation.address_end,
                f"{_quote(text[salutation.start:salutation.address_end])} addresses nobody "
                f"in particular, but we know the customer's name, {suggested.address}.",
                suggested.salutation)
        return
    roles: list[str] = []
    seen_name = False
    for index, match in enumerate(words):
        word = match.group()
        bare = word.rstrip(".")
        start, end = match.start(), match.start() + len(bare)
        # A title precedes the name, or follows it in lower case ("Kovács úr", "王 先生").
        title = lookup_title(bare) if not seen_name or bare[:1].islower() else None
        if title is not None and bare.casefold() not in forms.folded:
            # "Frau Dr. Müller", "Herr Prof. Weber": before the profile's own academic title,
            # a gendered title is judged as if the profile had none (by its pronouns)
            if forms.title is None or (title.gender != "n" and forms.title.gender == "n"
                                       and _profile_title_follows(words, index, forms)):
                if title.gender != "n" and forms.has_pronouns and title.gender != forms.gender:
                    out.add("wrong-title", start, end,
                            f"{_quote(bare)} contradicts the pronouns in the customer's "
                            "profile.", forms.compose("formal").address)
                elif title.gender != "n" and not forms.has_pronouns:
                    given = "no title" if forms.title is None else \
                        f"only {_quote(_local_title(forms))}, no gender"
                    out.add("guessed-title", start, end,
                            f"{_quote(bare)} assumes the customer's gender; the profile "
                            f"gives {given}.", forms.compose("formal").address)
                elif title.gender == "n" and title.key != "mx":
                    out.add("wrong-title", start, end,
                            f"{_quote(bare)} is not in the customer's profile.",
                            forms.formal_address())
            elif not titles_compatible(title, forms.title):
                local = _local_title(forms)
                out.add("wrong-title", start, end,
                        f"{_quote(bare)} is the wrong title: the customer is "
                        f"{local} {forms.family or forms.given}.", local)
            continue
        if _COMPOUND_INITIALS.fullmatch(bare):
            seen_name = True
            initials = bare.casefold().replace(".", "")  # "j-b"
            for part in (forms.given, forms.nickname, forms.middle):
                if part and "-".join(p[:1] for p in part.casefold().split("-")) == initials:
                    out.add("initial", start, end + (1 if word.endswith(".") else 0),
                            f"{_quote(word)} abbreviates a name we know in full.", part)
                    break
            continue
        if len(bare) == 1 and bare.isalpha():
            seen_name = True
            for part in (forms.given, forms.nickname, forms.middle):
                if part and part[0].casefold() == bare.casefold() and len(part.split()[0]) > 1:
                    out.add("initial", start, end + (1 if word.endswith(".") else 0),
                            f"{_quote(word)} abbreviates a name we know in full.",
                            part.split()[0])
                    break
            continue
        seen_name = True
        if bare in forms.exact:
            roles.append(_ROLE.get(forms.exact[bare], forms.exact[bare]))
            continue
        folded = bare.casefold()
        if folded in forms.folded:
            correct = forms.folded[folded]
            roles.append(forms.exact[correct])
            if correct in PARTICLES and bare == correct.capitalize() and len(roles) == 1:
                continue  # "Dear Mr Van der Berg": a leading particle may take a capital
            if bare.lower() != correct.lower() and not bare.isupper():
                # "Grosskopf" for "Großkopf": the same when case-folded, but spelt otherwise
                out.add("misspelt", start, end,
                        f"{_quote(bare)} spells the customer's name differently: "
                        f"{_quote(correct)}.", correct)
                continue
            out.add("casing", start, end,
                    f"{_quote(bare)} is not how the customer writes their name: "
                    f"{_quote(correct)}.", correct)
            continue
        plain = strip_diacritics(bare).casefold()
        if plain in forms.plain:
            correct = forms.plain[plain]
            roles.append(forms.exact[correct])
            if strip_diacritics(correct) != correct:
                out.add("misspelt", start, end,
                        f"{_quote(bare)} drops the accents of the customer's name, "
                        f"{_quote(correct)}.", correct)
            continue
        near = forms.closest(bare)
        if near is not None:
            roles.append(forms.exact[near])
            out.add("misspelt", start, end,
                    f"{_quote(bare)} misspells the customer's name, {_quote(near)}.", near)
        elif bare[0].isupper() or not bare[0].isalpha():
            full = forms.formal_address()
            out.add("wrong-person", start, end,
                    f"{_quote(bare)} is not the customer's name: this is {full}.", full)
        else:
            break  # "Hi Nick thanks for ...": lower-case words end the address
    expected = ["given", "family"] if forms.family_first else ["family", "given"]
    if forms.given and forms.family and forms.given != forms.family:
        for i in range(len(roles) - 1):
            if roles[i : i + 2] == expected:
                order = "family name first" if not forms.family_first else "given name first"
                full = forms.formal_address()
                out.add("swapped", words[0].start(),
                        words[-1].start() + len(words[-1].group().rstrip(".")),
                        f"{_quote(salutation.address(text))} puts the {order}; "
                        f"the customer's name is {full}.", full)
                break


def _generic_role(words: list[re.Match[str]], forms: NameForms) -> bool:
    """Whether the address ends in a role noun and names nobody: "Dear Library User",
    "Dear Gym Member", "Hello Hotel Guest" (the words before the role say whose)."""
    last = words[-1].group().rstrip(".").casefold()
    if last not in _GENERIC_ROLES or len(words) > 4:
        return False
    return not any(w.group().rstrip(".").casefold() in forms.folded
                   or strip_diacritics(w.group().rstrip(".")).casefold() in forms.plain
                   for w in words)


def _local_title(forms: NameForms) -> str:
    """The profile's title as the customer's locale writes it ("Dr." in German)."""
    assert forms.title is not None
    return forms_for(forms.locale)[0].title(forms.title.key) or forms.title.canonical


@lru_cache(maxsize=4096)
def _own_addresses(forms: NameForms) -> frozenset[str]:
    """The addresses courtesy composes for this name (formal and informal): a salutation
    that writes one of them has the name right (the greeting's formality is checked apart)."""
    return frozenset(forms.compose(formality).address for formality in ("formal", "informal"))


def _formality_issues(
    ctx: CheckContext, forms: NameForms, formality: str, out: _Found,
) -> None:
    """An informal greeting to a formal customer (where the locale keeps the two apart), or a
    title-and-surname address to a customer who asked for informality."""
    salutation = ctx.salutation
    assert salutation is not None
    text = ctx.text
    greeting = text[salutation.start : salutation.address_start].strip(" ,!¡\t\u00a0")
    informal_set, strict = _greeting_sets(forms.locale)
    if formality == "formal":
        if strict and greeting.casefold() in informal_set \
                and not _titled_or_full(text, salutation.address_start,
                                        salutation.address_end, forms):
            suggested = forms.compose("formal")
            out.add("formality", salutation.start, salutation.start + len(greeting),
                    f"{_quote(greeting)} is informal, but the customer is addressed "
                    f"formally in {suggested.locale}.", suggested.salutation)
        return
    first = _ADDRESS_WORD.match(text, salutation.address_start, salutation.address_end)
    if first is not None and forms.family:
        title = lookup_title(first.group().rstrip("."))
        if title is not None and first.group().rstrip(".").casefold() not in forms.folded:
            suggested = forms.compose("informal")
            out.add("formality", salutation.start, salutation.address_end,
                    f"{_quote(text[salutation.start:salutation.address_end])} is formal, "
                    f"but the customer prefers to be addressed informally.",
                    suggested.salutation)


def _profile_title_follows(words: list[re.Match[str]], index: int, forms: NameForms) -> bool:
    """Whether the address word after ``words[index]`` is the profile's own title."""
    if index + 1 >= len(words) or forms.title is None:
        return False
    following = lookup_title(words[index + 1].group().rstrip("."))
    return following is not None and titles_compatible(following, forms.title)


def _titled_or_full(text: str, start: int, end: int, forms: NameForms) -> bool:
    """Whether the address carries the formality itself: a title or the family name
    ("Hallo Herr Neumann", "Hola, Sr. Torres", "Hallo Kim Weber"). Before such an address
    "Hallo" and "Hola" are the everyday neutral greeting of business mail and chat; only a
    first name alone makes the salutation informal ("Hallo Anna")."""
    for match in _ADDRESS_WORD.finditer(text, start, end):
        bare = match.group().rstrip(".")
        if lookup_title(bare) is not None:
            return True
        exact = forms.folded.get(bare.casefold()) or forms.plain.get(
            strip_diacritics(bare).casefold())
        if exact is not None and forms.exact[exact] == "family":
            return True
    return False


_TRIM = ".,;:!?\"“”‘()[]…—–"


_VOCATIVE_MIN = 3


#: characters after which a word starts, besides white space
_WORD_LEADS = "\"(-'“‘’"


@lru_cache(maxsize=4096)
def _inline_probes(forms: NameForms) -> tuple[tuple[str, ...], int, int]:
    """What an inline near-miss of the name must contain, and the word lengths to look at.

    The probes are a name word's first two letters as a capitalised word starts
    ("Ow", "OW" for Owen): the inline check only looks at capitalised words, and an inline
    misspelling must keep the first letter anyway, so only a typo in the second letter
    outside the salutation goes unseen (the salutation is always checked in full). Found
    by C substring search in the original text, they are where the inline check looks.
    The lengths are those of the name words, two letters either way; ``(), 0, -1`` when
    no name word is long enough to be checked inline.
    """
    lengths = [len(w) for w in forms.plain if len(w) >= _INLINE_MIN]
    if not lengths:
        return (), 0, -1
    probes: set[str] = set()
    for word in {*forms.plain, *forms.exact, *(w.casefold() for w in forms.exact)}:
        if len(word) >= _VOCATIVE_MIN:
            head = word[:2]
            probes.update((head[0].upper() + head[1:], head.upper()))
            if head[0].isupper():
                probes.add(head)
    return tuple(sorted(probes)), min(lengths) - 2, max(lengths) + 2


def _inline_issues(ctx: CheckContext, forms: NameForms, out: _Found) -> None:
    """Capitalised words after the salutation that are near, but not exactly, the name,
    or that address someone else ("Thanks again, Sarah!").

    Only the words at a probe (:func:`_inline_probes`) and the words right before a ``!``
    or ``,`` are looked at: a message costs a few substring searches, not a walk.
    """
    probes, low, high = _inline_probes(forms)
    if not probes:
        return
    body = ctx.body_start
    norm = ctx.norm
    text = ctx.text
    # the starts of the words to look at: those that start like a name word...
    starts: set[int] = set()
    for probe in probes:
        at = text.find(probe, body)
        while at != -1:
            if at == body or norm[at - 1] == " " or norm[at - 1] in _WORD_LEADS:
                starts.add(norm.rfind(" ", body, at + 1) + 1 or body)
            at = text.find(probe, at + 1)
    if not starts and norm.find("!", body) == -1:
        return  # nothing starts like the name, and no "Thanks, Sarah!"
    # ... before the signature block, which names the agent and the firm, not the customer
    # ("Un saludo, Energía Solar Mediterránea" to Sr. Soler)
    end = ctx.signature_start
    starts = {start for start in starts if start < end}
    # ... and the capitalised words right before a "!" or ","
    for mark in "!,":
        at = norm.find(mark, body, end)
        while at != -1:
            start = norm.rfind(" ", body, at) + 1 or body
            if not text[start].islower():
                starts.add(start)
            at = norm.find(mark, at + 1, end)
    exact = forms.exact
    nouns_capitalised = forms_for(forms.locale)[0].capitalized_nouns
    cursor = body
    for token_start in sorted(starts):
        if token_start < cursor:
            continue
        end_at = norm.find(" ", token_start)
        token = text[token_start:end_at if end_at != -1 else len(text)]
        if not token or (not token[0].isupper() and token[0] not in "\"“‘("):
            continue
        cursor = token_start
        word = token.strip(_TRIM)
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        # three letters are enough in a vocative ("Thanks again, Nik!"), checked below
        if not (low <= len(word) <= high) or len(word) < _VOCATIVE_MIN or word in exact \
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
            elif forms.may_be_near(word) and folded not in generic_words():
                # Inline, any capitalised word may be an ordinary noun ("Correos", "Torres"):
                # only one edit, keeping the first letter, counts as a misspelling there.
                near = forms.closest(word, limit=1)
                if near is not None and len(near) >= _INLINE_MIN \
                        and near[0].casefold() == word[0].casefold():
                    issue = ("misspelt", f"{_quote(word)} misspells the customer's name, "
                                         f"{_quote(near)}.", near)
            if issue is None and word.isalpha() and folded not in generic_words() \
                    and lookup_title(word) is None:
                issue = ("wrong-person", f"{_quote(word)} is not the customer's name: this is "
                                         f"{forms.formal_address()}.", forms.formal_address())
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
        vocative = _vocative(text, start, start + len(word))
        if kind == "wrong-person" and not (vocative and _addresses_someone(text, start,
                                                                           start + len(word))):
            continue  # any other capitalised word is just a word, or somebody mentioned
        if len(word) < _INLINE_MIN and not vocative:
            continue
        if kind == "misspelt" and not vocative \
                and (len(suggestion) != len(word) or nouns_capitalised) \
                and strip_diacritics(suggestion).casefold() != strip_diacritics(word).casefold() \
                and not _after_title_or_name(text, start, forms):
            # "Owens Logistics": a longer or shorter word needs a title or name before it,
            # and so does any word where every noun has a capital ("jeden Alters")
            continue
        out.add(kind, start, start + len(word), message, suggestion)


#: Words after which a name is addressed directly ("Thanks, Nick!", "Cheers Nick.").
_VOCATIVE_LEAD = ("thanks", "thank you", "thanks again", "cheers", "bye", "goodbye", "hi",
                  "hello", "hey", "danke", "merci", "gracias")


def _addresses_someone(text: str, start: int, end: int) -> bool:
    """A stricter vocative, for another person's name: "Thanks again, Sarah!" greets Sarah,
    but "Thanks, Priya" on the last line is the agent signing off."""
    if text[end : end + 1] not in ("!", ","):
        return False
    if text[end : end + 1] == "," and _in_apposition(text, start):
        return False  # "Our senior technician, Anwar, will be with you": somebody named
    return "\n" in text[end:].rstrip()  # not on the last line: not a sign-off


def _in_apposition(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows a comma after a lower-case word that greets
    or thanks nobody ("our technician, Anwar,"), so that it names that person rather than
    addressing the reader ("Thanks again, Sarah,")."""
    before = text[max(0, start - 40) : start].rstrip(" \t")
    if not before.endswith(","):
        return False
    lead = before[:-1].rstrip()
    words = lead.split()
    return bool(words) and words[-1].isalpha() and words[-1].islower() \
        and not lead.casefold().endswith(_VOCATIVE_LEAD)


def _vocative(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` addresses the reader: after a comma or a word of
    thanks or greeting, and before a full stop, ``!``, ``?``, a comma or the line end."""
    after = text[end : end + 1]
    if after not in ("", "\n", "!", ".", "?", ",", ";"):
        return False
    before = text[max(0, start - 20) : start].rstrip(" \t")
    return before.endswith(",") or before.casefold().endswith(_VOCATIVE_LEAD)


def _after_title_or_name(text: str, start: int, forms: NameForms) -> bool:
    """Whether the word before ``start`` is a title or part of the customer's name."""
    before = text[max(0, start - 30) : start].split()
    if not before:
        return False
    previous = before[-1].strip(_TRIM)
    return lookup_title(previous) is not None or previous in forms.exact


#: Openings before a Han/Hangul name ("尊敬的王先生", "안녕하세요, 김민준 고객님").
_CJK_GREETINGS = ("尊敬的", "亲爱的", "您好", "你好", "안녕하세요", "안녕하십니까", "拝啓")
#: Honorifics after a name, longest first: the name is what comes before them.
_CJK_HONORIFICS = ("고객님", "さま", "さん", "様", "殿", "氏", "님", "先生", "女士", "小姐",
                   "博士", "教授")
#: Words that stand where a name would and greet anyone ("お客様", "尊敬的客户").
_CJK_GENERIC = frozenset({"客", "皆", "各位", "客户", "用户", "顾客", "会员", "고객", "회원",
                          "여러분", "担当者", "ご担当者"})
_CJK_STOP = "、，,。！!：:\n"


def _cjk_issues(ctx: CheckContext, forms: NameForms, out: _Found) -> None:
    """The opening of a message to a customer whose name is in Han, kana or Hangul.

    Such names are not split into words, so the name is read between an optional greeting
    and the honorific ("佐藤様", "尊敬的王先生"), and compared whole: one character off is
    a misspelling, anything else in Han or Hangul is another person's name.
    """
    text = ctx.text
    start = len(text) - len(text.lstrip())
    line_end = start
    limit = min(len(text), start + 40)
    while line_end < limit and text[line_end] not in _CJK_STOP:
        line_end += 1
    greeted = False
    parts = [p for p in (forms.family, forms.given, forms.nickname) if p]
    for greeting in _CJK_GREETINGS:
        # a name may itself read as a greeting (a family name 您好): the name wins
        if text.startswith(greeting, start) and not any(text.startswith(p, start)
                                                        for p in parts):
            greeted = True
            start += len(greeting)
            while start < len(text) and text[start] in " ,，、\u3000":
                start += 1
            line_end = start
            while line_end < limit and text[line_end] not in _CJK_STOP:
                line_end += 1
            break
    line = text[start:line_end]
    end = -1
    honorific = ""
    # The customer's own name first: it may hold an honorific's character ("客様" is a
    # family name, "님" a given name) and still be the name.
    for part in sorted((p for p in (forms.family + forms.given, forms.family, forms.given,
                                    forms.nickname) if p), key=len, reverse=True):
        after = line[len(part):].lstrip()
        if line.startswith(part) and (not after or after.startswith(_CJK_HONORIFICS)):
            end = len(part)
            honorific = next((h for h in _CJK_HONORIFICS if after.startswith(h)), "")
            break
    else:
        for candidate in _CJK_HONORIFICS:
            found = line.find(candidate, 1)
            if found > 0 and (end == -1 or found < end):
                end, honorific = found, candidate
    if end == -1:
        if not greeted:
            return
        end = len(line)
    name = line[:end].strip()
    if not name or not is_cjk(name) or not all(is_cjk(ch) for ch in name.replace(" ", "")):
        return
    compact = name.replace(" ", "")
    position = start + line.index(name)
    known = {p for p in (forms.family, forms.given, forms.nickname,
                         forms.family + forms.given) if p}
    if compact not in known and (compact in _CJK_GENERIC or compact[0] in "おご"):
        suggested = forms.compose("formal" if ctx.customer is None
                                  or ctx.customer.formality == "formal" else "informal")
        out.add("generic", position, position + len(name) + len(honorific),
                f"{_quote(name + honorific)} greets any customer, but we know the "
                f"customer's name, {suggested.address}.", suggested.salutation)
        return
    if compact not in known:
        for part in sorted(known, key=len, reverse=True):
            if len(part) == len(compact) and sum(
                    a != b for a, b in zip(part, compact, strict=True)) == 1:
                out.add("misspelt", position, position + len(name),
                        f"{_quote(name)} misspells the customer's name, {_quote(part)}.",
                        part)
                return
        out.add("wrong-person", position, position + len(name),
                f"{_quote(name)} is not the customer's name: this is "
                f"{forms.compose('formal').address}.", forms.compose("formal").address)
        return
    customer = ctx.customer
    if honorific == "さん" and customer is not None and customer.formality == "formal":
        suggested = forms.compose("formal")
        out.add("formality", position, position + len(name) + len(honorific),
                f"'{name}{honorific}' is informal, but the customer is addressed "
                "formally.", suggested.salutation)


def _issues(ctx: CheckContext) -> _Found:
    """Every name problem of the message, by kind: one analysis for the NM and SL rules."""
    cached = ctx._cache.get("name_issues")
    if cached is None:
        found = _Found()
        customer = ctx.customer
        if customer is not None and (forms := customer.name_forms).exact:
            _address_issues(ctx, forms, found)
            _inline_issues(ctx, forms, found)
            if forms.cjk:
                _cjk_issues(ctx, forms, found)
        ctx._cache["name_issues"] = cached = found
    return cached  # type: ignore[return-value]


_KIND_DOCS = {
    "misspelt": "Compares every word of the salutation with the profile's name parts: one "
                "edit away (two for names over five letters), or missing accents that the "
                "profile has ('Zoe' for 'Zoë'), is a misspelling; accents the profile lacks "
                "are not. Elsewhere in the text only one edit with the same first letter "
                "counts, and never for a word of the language's stock vocabulary, so that "
                "'Correos' is not read as 'Torres', and where every noun has a capital "
                "(German: 'jeden Alters' near 'Albers') only after a title or a name; a name "
                "addressed directly ('Thanks again, Nik!') is checked as strictly as the "
                "salutation.",
    "wrong-person": "Flags a capitalised word in the salutation that is neither the customer's "
                    "name, a title, nor close to either: the message greets someone else. In "
                    "the body, only a name addressed directly counts ('Thanks again, Sarah!'); "
                    "a name on the last line is the agent signing off, and one set off by "
                    "commas after a noun ('our technician, Anwar, will call') names a "
                    "colleague.",
    "casing": "Flags the customer's name written with different capitals than the profile "
              "('ZOË', 'Mcdonald' for 'McDonald'); a leading particle may be capitalised.",
    "initial": "Flags an initial ('N.', 'N. Owen') where the profile has the full given name.",
    "wrong-title": "Flags a title that contradicts the profile's ('Mrs' for 'Mr'), or a "
                   "neutral title ('Dr') the profile does not have. 'Herr', 'M.', 'Sr.' are "
                   "equivalent to 'Mr'. Before the profile's own academic title ('Frau Dr. "
                   "Müller', 'Herr Prof. Weber') a gendered title is judged by the profile's "
                   "pronouns, as if it had no title (NM006 without pronouns).",
    "guessed-title": "Flags a gendered title (Mr, Mrs, Ms, Herr, Frau, M., Mme, Sr., Sra., "
                     "Sig.ra, heer, mevrouw...) when the profile has neither a title nor "
                     "pronouns: the gender is a guess. Pronouns that contradict the title "
                     "are NM005.",
    "swapped": "Flags the family name before the given name in a locale that writes the "
               "given name first (and the reverse for ja, zh, ko, hu, vi).",
    "formality": "Flags an informal greeting with the first name alone ('Hallo Anna', "
                 "'Salut Julien', 'Hola Marta') to a customer whose profile asks for formal "
                 "address, in locales that keep the two apart (de, fr, es, it, nl, pt-BR, hu); "
                 "before a title or the family name ('Hallo Frau Schmitt', 'Hola, Sr. "
                 "Torres', 'Hallo Kim Weber') the greeting is the neutral one of business mail "
                 "and chat. Also flags a title-and-surname address ('Dear Mr Owen') to a "
                 "customer whose profile asks for informal address.",
    "generic": "Flags a generic salutation ('Dear Sir or Madam', 'Dear Valued Customer', "
               "'Hi there') when the profile has the customer's name.",
}


def _of_kind(kind: str) -> Custom:
    def check(ctx: CheckContext) -> list[Hit]:
        return _issues(ctx).get(kind, [])

    check.__name__ = f"check_{kind.replace('-', '_')}"
    check.__doc__ = _KIND_DOCS[kind]
    return Custom(check=check, needs_customer=True, analysis=_issues, key=kind)


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
             "Thanks for your patience, Mr Owem: the kettle is on its way.",
             "Your kettle is on its way. Thanks again, Nik!"),
        good=("Dear Mr Owen,\n\nThank you for your patience.",
              "Hi Nick, thanks for writing in.",
              "Thanks for your patience, Mr Owen: the kettle is on its way.",
              "Dear Mr Owen, Royal Mail and Owens Logistics share the delivery.",
              "Your kettle is on its way. Thanks again, Nick!"),
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
             "Hi Sarah, thanks for getting in touch.",
             "Hi Nick,\n\nThanks again, Sarah! Your refund left today.\n\nPriya"),
        good=("Dear Mr Owen,\n\nThank you for your order.",
              "Hi Nick, thanks for getting in touch.",
              "Hi Nick,\n\nYour refund left today.\n\nThanks, Priya"),
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
             "writing.", "Sehr geehrte Frau Morgan,\n\nvielen Dank für Ihre Bestellung."),
        good=("Dear Alex Morgan,\n\nThank you for your order.", "Hi Alex, thanks for writing.",
              "Guten Tag Alex Morgan,\n\nvielen Dank für Ihre Bestellung."),
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
        code="NM008", name="wrong-formality", category=Category.SALUTATION,
        severity=Severity.WARNING, kind=_of_kind("formality"), seed=_SEED,
        practice="Make sure you have the customer's title and name correct.",
        why="'Hallo Anna' to a customer who is addressed as 'Frau Schmitt' oversteps; "
            "'Dear Mr Owen' to a customer who asked to be 'Nick' keeps them at arm's length. "
            "The profile's formality says which one the customer expects.",
        bad=("Hallo Anna,\n\nvielen Dank für Ihre Nachricht.",
             "Hi Anna, danke für Ihre Geduld."),
        good=("Sehr geehrte Frau Schmitt,\n\nvielen Dank für Ihre Nachricht.",
              "Guten Tag Frau Schmitt, danke für Ihre Geduld.",
              "Hallo Frau Schmitt, danke für Ihre Geduld."),
        context={"customer": {"name": {"title": "Frau", "given": "Anna", "family": "Schmitt"},
                              "locale": "de-DE", "formality": "formal"}},
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
