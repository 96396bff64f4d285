"""Hypothesis strategies for the hard cases of customer messaging.

``customers()`` draws names that break naive code: particles ("van der Berg"), diacritics,
apostrophes, hyphens, CJK and other scripts, mononyms, very long names, titles including
``Mx``, and missing parts. ``situations()``, ``locales()`` and ``hostile_strings()`` (template
injection, CRLF, bidi controls, zero-width characters…) complete the set. Every drawn
:class:`~courtesy.Customer` and :class:`~courtesy.Situation` validates.

Hypothesis loads :func:`_register` through its ``hypothesis`` entry point, so
``st.from_type(courtesy.Customer)`` works in any project with courtesy installed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

# Defined before hypothesis is imported: importing this module first imports hypothesis,
# which runs its entry points, which call _register() while this module is half loaded.
# Registration then waits for the end of the module.
_STATE = {"loaded": False, "registered": False}


def _register() -> None:
    """Hypothesis entry point: ``st.from_type(Customer | Name | Situation)`` uses these."""
    if not _STATE["loaded"] or _STATE["registered"]:
        return
    _STATE["registered"] = True
    st.register_type_strategy(Customer, customers())
    st.register_type_strategy(Name, names())
    st.register_type_strategy(Situation, situations())


from hypothesis import strategies as st  # noqa: E402

from courtesy import Customer, Name, Situation  # noqa: E402

__all__ = [
    "FORMALITIES",
    "LOCALES",
    "SITUATION_KINDS",
    "TITLES",
    "customers",
    "hostile_strings",
    "locales",
    "names",
    "situations",
]

#: Locale tags customers() draws from: one or more per script and naming tradition.
LOCALES: tuple[str, ...] = (
    "en-GB", "en-US", "en-IE", "en-IN", "de-DE", "de-AT", "de-CH", "fr-FR", "fr-CA", "es-ES",
    "es-MX", "pt-BR", "it-IT", "nl-NL", "pl-PL", "is-IS", "tr-TR", "ru-RU", "el-GR", "ar-EG",
    "he-IL", "hi-IN", "th-TH", "vi-VN", "zh-Hans-CN", "zh-Hant-TW", "ja-JP", "ko-KR",
)

#: The situation kinds (courtesy's fixed vocabulary).
SITUATION_KINDS: tuple[str, ...] = (
    "complaint", "delay", "error", "inquiry", "thanks", "follow_up", "announcement",
)

FORMALITIES: tuple[str, ...] = ("formal", "informal")

#: Titles a profile accepts, English and others, including the gender-neutral Mx.
TITLES: tuple[str, ...] = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Rev", "Sir", "Dame", "Lady", "Lord",
    "Herr", "Frau", "Dr.", "Mme", "M.", "Mlle", "Sr.", "Sra.", "Srta.", "Dott.", "Mevr.",
)

# Real-world shapes of names; each row is one person. Kept as data so that a failing
# example shrinks to a readable name.
_PEOPLE: tuple[dict[str, str], ...] = (
    # particles
    {"given": "Ludwig", "family": "van Beethoven"},
    {"given": "Zoë", "family": "van der Berg"},
    {"given": "Ursula", "family": "von der Leyen"},
    {"given": "María José", "family": "de la Cruz Fernández"},
    {"given": "Ana", "family": "dos Santos"},
    {"given": "Leonardo", "family": "da Vinci"},
    {"given": "Ahmad", "family": "bin Abdullah"},
    {"given": "Charles", "family": "de Gaulle"},
    {"given": "Seán", "family": "Mac an tSaoir"},
    # diacritics
    {"given": "Łukasz", "family": "Wałęsa"},
    {"given": "Søren", "family": "Kierkegård"},
    {"given": "Ólafur", "family": "Arnalds"},
    {"given": "Dagný", "family": "Þórsdóttir"},
    {"given": "İlkay", "family": "Gündoğan"},
    {"given": "François", "family": "Lefèvre"},
    {"given": "Nguyễn", "middle": "Thị Minh", "family": "Khai"},
    {"given": "Đặng", "family": "Văn Lâm"},
    {"given": "Jürgen", "family": "Straße"},
    # apostrophes (straight and typographic)
    {"given": "Siobhán", "family": "O'Brien"},
    {"given": "Niamh", "family": "O’Connor"},
    {"given": "N'Golo", "family": "Kanté"},
    {"given": "D'Arcy", "family": "D'Angelo"},
    # hyphens
    {"given": "Jean-Luc", "family": "Picard-Dubois"},
    {"given": "Anne-Marie", "family": "Smith-Jones"},
    {"given": "Hae-won", "family": "Park-Lee"},
    # other scripts
    {"given": "健二", "family": "佐藤"},
    {"given": "小明", "family": "王"},
    {"given": "민준", "family": "김"},
    {"given": "محمد", "family": "الفارسي"},
    {"given": "Анна", "family": "Иванова"},
    {"given": "Αλέξανδρος", "family": "Παπαδόπουλος"},
    {"given": "प्रिया", "family": "शर्मा"},
    {"given": "שרה", "family": "לוי"},
    {"given": "สมชาย", "family": "ใจดี"},
    # mononyms and missing parts
    {"given": "Cher"},
    {"given": "Sukarno"},
    {"family": "Nakamura"},
    {"nickname": "Bertie"},
    {"given": "Madonna"},
    # suffixes, middles, nicknames
    {"given": "Martin", "middle": "Luther", "family": "King", "suffix": "Jr."},
    {"given": "Bertram", "family": "Wooster", "nickname": "Bertie"},
    {"given": "Henry", "family": "Ford", "suffix": "III"},
    {"given": "Kwame", "middle": "Nii Amon", "family": "Mensah-Bonsu"},
    # very long
    {"given": "Maria del Carmen Francisca Josefa", "family": "Rodríguez de Tío y Montalbán"},
    {"given": "Hubert", "middle": "Blaine",
     "family": "Wolfeschlegelsteinhausenbergerdorff"},
    {"given": "Pablo Diego José Francisco de Paula Juan Nepomuceno",
     "family": "Ruiz Picasso"},
)

# Letters (any script) and combining marks, for names nobody wrote down in advance.
_LETTERS = st.characters(categories=("Lu", "Ll", "Lt", "Lo", "Mn"))

_SSTI = (
    "{{ 7*7 }}", "{{7*'7'}}", "{{ config.items() }}", "{{ self.__init__.__globals__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{% for i in range(999999999) %}x{% endfor %}", "{{ lipsum.__globals__ }}",
    "{% raw %}{{ customer }}{% endraw %}", "{{", "}}", "{#", "{%", "${7*7}", "#{7*7}",
    "<%= 7*7 %>", "{0.__class__}", "%(name)s", "%s%s%s%n",
)
_MARKUP = (
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE customers;--",
    "[NAME]", "*|FNAME|*", "{{ first_name }}", "&lt;b&gt;", "javascript:alert(1)",
)
_INVISIBLE = (
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "N\u200bick", "\ufeffOwen",
    "\u202eelpmaxe\u202c", "\u200fשלום\u200f", "abc\u2066def\u2069", "\u061c", "\u202d",
    "\u00ad", "Z\u0334\u0321a\u0337l\u0338g\u0335o",
)
_LOOKALIKE = ("N\u0456ck", "Оwen", "İ", "ß", "ﬁ", "Å", "Å", "👩\u200d👩\u200d👧", "🏳️‍🌈")
_LINE_BREAKS = (
    "Owen\r\nBcc: attacker@example.com", "\r\n\r\n<html>", "Subject: hi\r\n", "a\rb",
    "line\u2028separator", "para\u2029graph", "next\x85line", "\n",
)
#: Characters a profile refuses: NUL and other controls, and private-use code points
#: (courtesy's render trace uses some as sentinels).
_REFUSED = ("\x00", "\x1b[31m", "\x7f", "\ue000", "\uf8ff", "\U000f0000", "Nick\x00Owen")


def _single_line(text: str) -> str:
    return " ".join(text.replace("\r", " ").replace("\n", " ").replace("\t", " ").split())


def _fits(text: str, limit: int) -> str:
    """Cut ``text`` so that its NFC form (what profiles store) has at most ``limit`` chars."""
    while len(unicodedata.normalize("NFC", text)) > limit:
        text = text[:-1]
    return text


def hostile_strings(
    *, single_line: bool = False, profile_safe: bool = True, max_size: int = 200
) -> st.SearchStrategy[str]:
    """Strings that attack templates and text handling.

    Template-injection payloads, markup, CRLF header injection, bidi and zero-width
    characters, homoglyphs and combining marks, alone or mixed with random text. With
    ``profile_safe`` (default), every string is one a :class:`~courtesy.Customer` or
    :class:`~courtesy.Situation` text field accepts; ``profile_safe=False`` adds NUL,
    escape sequences and private-use characters, which profiles must refuse.
    ``single_line`` drops line breaks and tabs (for name parts).
    """
    pools = [_SSTI, _MARKUP, _INVISIBLE, _LOOKALIKE]
    if not single_line:
        pools.append(_LINE_BREAKS)
    if not profile_safe:
        pools.append(_REFUSED)
    payload = st.sampled_from([p for pool in pools for p in pool])
    if profile_safe:
        characters = st.characters(codec="utf-8", exclude_categories=("Co", "Cc"))
    else:
        characters = st.characters(codec="utf-8")  # anything but lone surrogates
    filler = st.text(characters, max_size=12)
    if not single_line and profile_safe:
        filler = st.one_of(filler, st.sampled_from(["\n", "\r\n", "\t"]))
    mixed = st.lists(st.one_of(payload, payload, filler), min_size=1, max_size=5).map("".join)
    strategy = st.one_of(payload, mixed).map(lambda s: s[:max_size])
    if single_line:
        strategy = strategy.map(
            lambda s: "".join(c for c in s if c not in "\r\n\t\x85\u2028\u2029")
        )
    return strategy


def locales(*, languages: Iterable[str] | None = None) -> st.SearchStrategy[str]:
    """Locale tags from :data:`LOCALES`, optionally only those of ``languages`` (``"de"``)."""
    if languages is None:
        return st.sampled_from(LOCALES)
    wanted = {lang.lower() for lang in languages}
    chosen = [tag for tag in LOCALES if tag.split("-")[0] in wanted]
    if not chosen:
        raise ValueError(f"no locale in LOCALES for languages {sorted(wanted)}")
    return st.sampled_from(chosen)


def _name_part(limit: int = 100) -> st.SearchStrategy[str]:
    return st.text(_LETTERS, min_size=1, max_size=40).filter(
        lambda s: any(unicodedata.category(c).startswith("L") for c in s)
    ).map(lambda s: _fits(s, limit))


@st.composite
def _name_data(
    draw: st.DrawFn, titles: tuple[str, ...], hostile: bool
) -> dict[str, str]:
    person = dict(draw(st.sampled_from(_PEOPLE)))
    if draw(st.integers(0, 9)) == 0:  # a name nobody wrote down in advance
        person = {"given": draw(_name_part()), "family": draw(_name_part())}
    if len(person) > 1 and draw(st.integers(0, 5)) == 0:  # a missing part
        dropped = draw(st.sampled_from(sorted(person)))
        rest = {k: v for k, v in person.items() if k != dropped}
        if {"given", "family", "nickname"} & set(rest):
            person = rest
    if hostile and draw(st.booleans()):
        part = draw(st.sampled_from(sorted(person)))
        value = _fits(draw(hostile_strings(single_line=True, max_size=100)), 100)
        if _single_line(value):
            person[part] = value
    with_title: bool = draw(st.booleans())
    if titles and with_title:
        person["title"] = draw(st.sampled_from(titles))
    return person


def names(*, titles: Iterable[str] = TITLES, hostile: bool = False) -> st.SearchStrategy[Name]:
    """Valid :class:`~courtesy.Name` objects with hard real-world shapes (see module doc)."""
    return _name_data(tuple(titles), hostile).map(Name.model_validate)


@st.composite
def _customer(
    draw: st.DrawFn,
    locale: st.SearchStrategy[str],
    formality: tuple[str, ...],
    titles: tuple[str, ...],
    hostile: bool,
) -> Customer:
    data: dict[str, Any] = {
        "name": draw(_name_data(titles, hostile)),
        "locale": draw(locale),
        "formality": draw(st.sampled_from(formality)),
    }
    if draw(st.integers(0, 4)) == 0:
        data["id"] = draw(st.from_regex(r"C-[0-9]{4,8}", fullmatch=True))
    if {"given", "family"} & set(data["name"]) and draw(st.integers(0, 4)) == 0:
        # The name as one free-text string, parsed by courtesy in the locale's name order.
        parts = data["name"]
        order = ("title", "given", "middle", "family", "suffix")
        free = " ".join(parts[k] for k in order if k in parts)
        try:
            parsed = Customer.model_validate({**data, "name": free})
        except ValueError:  # pydantic's ValidationError: the parser found no name in it
            pass  # (e.g. only a title-like word survived); keep the parts instead
        else:
            if parsed.name.title is None or "title" in parts:
                return parsed
            # a given name that reads as a title ("Mr A"): the free text would add a title
            # the caller did not ask for; keep the parts instead
    return Customer.model_validate(data)


def customers(
    *,
    locales: Iterable[str] | st.SearchStrategy[str] | None = None,
    formality: str | None = None,
    titles: Iterable[str] = TITLES,
    hostile: bool = False,
) -> st.SearchStrategy[Customer]:
    """Valid :class:`~courtesy.Customer` profiles with hard names.

    ``locales`` restricts the locale (tags, or a strategy such as
    ``locales(languages=["de"])``); ``formality`` fixes ``"formal"`` or ``"informal"``;
    ``titles=()`` draws no titles; ``hostile=True`` sometimes puts a
    :func:`hostile_strings` payload into a name part (still a valid profile).
    """
    if formality is not None and formality not in FORMALITIES:
        raise ValueError(f"formality must be 'formal' or 'informal', not {formality!r}")
    if locales is None:
        locale_strategy: st.SearchStrategy[str] = st.sampled_from(LOCALES)
    elif isinstance(locales, st.SearchStrategy):
        locale_strategy = locales
    else:
        tags = list(locales)
        if not tags:
            raise ValueError("locales must name at least one locale tag")
        locale_strategy = st.sampled_from(tags)
    kinds = (formality,) if formality else FORMALITIES
    return _customer(locale_strategy, kinds, tuple(titles), hostile)


_CUSTOMER_MESSAGES = (
    "My parcel is a week late and nobody answers the phone.",
    "You charged me twice for order A-1042. Please refund one of the payments.",
    "I wanted to say thank you: Priya sorted out my return in ten minutes.",
    "Does the blue jacket come in size 14? The page only shows 8 to 12.",
    "Third time I'm writing about this. The replacement still hasn't arrived!!!",
    "Meine Bestellung ist seit zwei Wochen überfällig.",
    "Le colis est arrivé abîmé, la boîte était ouverte.",
    "¿Cuándo llega mi pedido? Ya pasó la fecha prometida.",
    "注文した商品がまだ届きません。",
    "",
)
_TIMEZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Tokyo",
              "Australia/Sydney", "America/Sao_Paulo", "Asia/Kolkata")


@st.composite
def _situation(
    draw: st.DrawFn, kinds: tuple[str, ...], our_fault: bool | None, timing: bool,
    hostile: bool,
) -> Situation:
    data: dict[str, Any] = {
        "kind": draw(st.sampled_from(kinds)),
        "our_fault": draw(st.booleans()) if our_fault is None else our_fault,
        "severity": draw(st.sampled_from(("low", "medium", "high", "critical"))),
        "repeat_contact": draw(st.integers(0, 5)),
    }
    messages = st.sampled_from(_CUSTOMER_MESSAGES)
    if hostile:
        messages = st.one_of(messages, hostile_strings())
    message = draw(st.one_of(st.none(), messages))
    if message is not None:
        data["customer_message"] = message
    if timing and draw(st.booleans()):
        received = draw(st.datetimes(datetime(2024, 1, 1), datetime(2030, 12, 31),
                                     timezones=st.just(UTC)))
        data["received_at"] = received
        if draw(st.booleans()):
            data["sent_at"] = received + draw(st.timedeltas(timedelta(0), timedelta(days=10)))
        if draw(st.booleans()):
            data["deadline_missed"] = True
            data["promised_for"] = draw(st.dates(date(2024, 1, 1), date(2030, 12, 31)))
        data["timezone"] = draw(st.sampled_from(_TIMEZONES))
    return Situation.model_validate(data)


def situations(
    *,
    kinds: Iterable[str] | None = None,
    our_fault: bool | None = None,
    timing: bool = True,
    hostile: bool = False,
) -> st.SearchStrategy[Situation]:
    """Valid :class:`~courtesy.Situation` objects.

    ``kinds`` restricts the kind (``["delay", "error"]``); ``our_fault`` fixes fault;
    ``timing=False`` leaves out received/sent/promised dates; ``hostile=True`` sometimes
    makes the customer's message a :func:`hostile_strings` payload.
    """
    chosen = tuple(kinds) if kinds is not None else SITUATION_KINDS
    unknown = [k for k in chosen if k not in SITUATION_KINDS]
    if unknown or not chosen:
        raise ValueError(f"kinds must be among {', '.join(SITUATION_KINDS)}; got {unknown}")
    return _situation(chosen, our_fault, timing, hostile)


_STATE["loaded"] = True
_register()
