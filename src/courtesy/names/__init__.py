"""Names: parsing free text once, and precomputed forms for matching names in messages.

Nothing here runs per message except dictionary look-ups and a short edit distance:
``parse_free_text`` (nameparser) runs when a profile is validated, and ``NameForms`` is built
once per customer and cached on the profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from courtesy.names._forms import Address
from courtesy.names._text import edit_distance, is_cjk, strip_diacritics, within_distance
from courtesy.names._titles import Title, lookup_title, titles_compatible

if TYPE_CHECKING:
    from courtesy.names._forms import Formality

__all__ = [
    "FAMILY_FIRST_LANGUAGES",
    "Address",
    "Gender",
    "PARTICLES",
    "NameForms",
    "Title",
    "edit_distance",
    "is_cjk",
    "lookup_title",
    "parse_free_text",
    "pronoun_gender",
    "strip_diacritics",
    "titles_compatible",
    "within_distance",
]

#: Languages that write the family name before the given name (CLDR person-name order).
FAMILY_FIRST_LANGUAGES = frozenset({"ja", "zh", "ko", "hu", "vi"})

#: Lower-case name particles that stay lower case inside a family name.
PARTICLES = frozenset({
    "al", "bin", "binti", "bint", "da", "das", "de", "del", "della", "der", "di", "do", "dos",
    "du", "el", "la", "le", "ten", "ter", "van", "von", "zu", "y", "e", "af", "av", "den",
})


#: Titles nameparser does not know, taken as titles when they open a free-text name;
#: "M." only in French, where it is "Monsieur" (elsewhere it may be an initial).
_LEADING_TITLES = frozenset({
    "herr", "frau", "sr", "sra", "srta", "dott", "dottssa", "sig", "sigra", "signora",
    "mx", "dhr", "mevr", "mme", "mlle", "señor", "señora", "doña",
})


def _leading_title(word: str, language: str) -> bool:
    key = word.casefold().rstrip(".").replace(".", "")
    if language == "fr" and word in ("M.", "MM."):
        return True
    return key in _LEADING_TITLES and lookup_title(word) is not None


@lru_cache(maxsize=1024)
def parse_free_text(text: str, language: str = "en") -> dict[str, str]:
    """Split a free-text name into parts, once, at validation time.

    Western names go through nameparser (titles, suffixes, particles, nicknames in quotes or
    parentheses). For family-first languages a two-part name is read family first, and a CJK
    name written without a space is kept whole as the family name, since no split is safe.
    """
    text = " ".join(text.split())
    if language in FAMILY_FIRST_LANGUAGES or is_cjk(text):
        words = text.split(" ")
        if len(words) == 1:
            return {"family": words[0]}
        return {"family": words[0], "given": " ".join(words[1:])}
    words = text.split(" ")
    if len(words) > 1 and _leading_title(words[0], language):
        rest = parse_free_text(" ".join(words[1:]), language)
        if set(rest) == {"given"}:  # "M. Cher": the one word left is the family name
            rest = {"family": rest["given"]}
        return {**rest, "title": words[0]}
    from nameparser import HumanName

    parsed = HumanName(text)
    parts = {
        "title": parsed.title,
        "given": parsed.first,
        "middle": parsed.middle,
        "family": parsed.last,
        "suffix": parsed.suffix,
        "nickname": parsed.nickname,
    }
    result = {key: value for key, value in parts.items() if value}
    if "given" in result and "family" not in result and "title" in result:
        # "Mr Owen": nameparser reads a lone word after a title as the first name.
        result["family"] = result.pop("given")
    return result


Gender = Literal["m", "f", "n"]

#: the title class a declared pronoun implies when the profile gives no title
_PRONOUN_TITLES = {"m": "m", "f": "f"}


def pronoun_gender(pronouns: str) -> Gender:
    """``"she/her"`` → ``"f"``, ``"he/him"`` → ``"m"``; anything else is neutral."""
    head = pronouns.strip().casefold().replace(",", "/").split("/", 1)[0].strip()
    if head in ("he", "er", "il", "él", "el", "lui", "hij", "ele"):
        return "m"
    if head in ("she", "sie", "elle", "ella", "lei", "zij", "ela"):
        return "f"
    return "n"


def _words(value: str) -> list[str]:
    return [w for w in value.replace("\u00a0", " ").split(" ") if w]


@dataclass(frozen=True, slots=True, eq=False)
class NameForms:
    """How a customer's name may appear in a message, indexed for fast look-ups.

    Compared and hashed by identity (profiles cache one per name), so that the address
    forms composed for it can be cached too.
    """

    given: str
    middle: str
    family: str
    nickname: str
    suffix: str
    title: Title | None
    family_first: bool
    #: the person's grammatical gender as the profile states it (title, else pronouns)
    gender: Gender = "n"
    #: the title class declared pronouns imply when there is no title ("f" for she/her)
    pronoun_title: str | None = None
    #: whether the profile declares pronouns (a title must then agree with them)
    has_pronouns: bool = False
    #: the customer's locale tag, for address forms
    locale: str = "en-GB"
    #: whether the name is written in Han, kana or Hangul (not split into words)
    cjk: bool = False
    #: exact spelling of every name word → the part it belongs to ("given", "family", ...)
    exact: dict[str, str] = field(default_factory=dict)
    #: case-folded word → exact spelling
    folded: dict[str, str] = field(default_factory=dict)
    #: case-folded word without diacritics → exact spelling
    plain: dict[str, str] = field(default_factory=dict)
    #: first and last two letters of every plain word: a cheap filter before edit distance
    ends: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        *,
        given: str = "",
        middle: str = "",
        family: str = "",
        nickname: str = "",
        suffix: str = "",
        title: str = "",
        language: str = "en",
        pronouns: str = "",
        locale: str = "",
    ) -> NameForms:
        exact: dict[str, str] = {}
        for role, value in (("family", family), ("given", given), ("nickname", nickname),
                            ("middle", middle), ("suffix", suffix)):
            for word in _words(value):
                exact.setdefault(word, role)
                if word.endswith(".") and len(word) > 2:  # "Jr." is also written "Jr"
                    exact.setdefault(word.rstrip("."), role)
                for a, b in (("'", "’"), ("’", "'")):  # O'Brien = O’Brien
                    if a in word:
                        exact.setdefault(word.replace(a, b), role)
                for piece in word.split("-"):  # "Smith-Jones" may be shortened to "Smith"
                    if piece and piece != word:
                        exact.setdefault(piece, role)
        folded = {w.casefold(): w for w in exact}
        plain = {strip_diacritics(w).casefold(): w for w in exact}
        ends = frozenset(e for w in plain if len(w) >= 3 for e in (w[:2], "~" + w[-2:]))
        title_obj = lookup_title(title) if title else None
        gender: Gender = title_obj.gender if title_obj is not None else "n"
        declared: Gender = pronoun_gender(pronouns) if pronouns else "n"
        if title_obj is None or title_obj.gender == "n":
            gender = declared if gender == "n" else gender
        return cls(
            given=given, middle=middle, family=family, nickname=nickname, suffix=suffix,
            title=title_obj,
            family_first=language in FAMILY_FIRST_LANGUAGES,
            gender=gender,
            pronoun_title=_PRONOUN_TITLES.get(declared) if title_obj is None else None,
            has_pronouns=bool(pronouns),
            locale=locale or language,
            cjk=is_cjk(family) or is_cjk(given),
            exact=exact, folded=folded, plain=plain, ends=ends,
        )

    @property
    def known(self) -> bool:
        """Whether there is any name to compare against."""
        return bool(self.exact)

    def compose(self, formality: Formality = "formal", locale: str | None = None) -> Address:
        """Salutation and address in the customer's locale (see :mod:`courtesy.names._forms`)."""
        from courtesy.names._forms import compose

        return compose(self, locale or self.locale, formality)

    def formal_address(self) -> str:
        """The name in the profile's order with its canonical title: "Mr Owen", "Sato Kenji".

        Locale-independent; for the form a locale writes, use :meth:`compose`.
        """
        if self.title and self.family:
            return f"{self.title.canonical} {self.family}"
        if self.family_first:
            return " ".join(p for p in (self.family, self.given) if p)
        return " ".join(p for p in (self.given, self.family) if p)

    def informal_address(self) -> str:
        """The informal address: preferred name, else given name, else the formal address."""
        return self.nickname or self.given or self.formal_address()

    def may_be_near(self, word: str) -> bool:
        """Cheap pre-check for :meth:`closest`: shares the first or last two letters."""
        key = strip_diacritics(word).casefold()
        return key[:2] in self.ends or "~" + key[-2:] in self.ends

    def closest(self, word: str, limit: int | None = None) -> str | None:
        """The name word that ``word`` is a likely misspelling of, if any.

        Allows one edit for words up to five letters and two beyond (at most ``limit``),
        compared without case and without diacritics (diacritic-only differences are
        judged by the caller).
        """
        key = strip_diacritics(word).casefold()
        limit = min(limit or 2, 1 if len(key) <= 5 else 2)
        for allowed in range(1, limit + 1):
            for candidate_key, candidate in self.plain.items():
                if (
                    len(candidate_key) >= 3
                    and abs(len(candidate_key) - len(key)) <= allowed
                    # a typo rarely changes both ends of a name: a cheap filter first
                    and (candidate_key[0] == key[0] or candidate_key[-1] == key[-1])
                    and within_distance(key, candidate_key, allowed)
                ):
                    return candidate
        return None
