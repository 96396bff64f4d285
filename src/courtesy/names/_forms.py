"""Address forms per locale: "Dear Mr Owen", "Sehr geehrte Frau Müller", "佐藤様".

The data lives in one TOML file per locale, ``names/forms/<locale>.toml``, each citing its
source. A file holds:

``order``
    ``"given-first"`` or ``"family-first"`` (ja, zh, ko, hu).
``capitalized_nouns``
    ``true`` where every noun is written with a capital (German): a capitalised word in
    running text is then read as a misspelt name only after a title or a name, or where it
    addresses the reader.
``[titles]``
    how the locale writes each title class of :mod:`courtesy.names._titles` ("m" → "Herr");
    a class that is missing is not written, and the person is addressed by full name.
``[address_titles]``
    optional spellings used inside an address when they differ from running text
    (French "Monsieur" in a salutation, "M." in a sentence).
``[address]``
    ``titled``, ``untitled`` and ``informal`` patterns over ``{title}``, ``{given}``,
    ``{family}``, ``{full}`` (both in the locale's order) and ``{informal}`` (the preferred
    name, else the given name).
``[salutation]``
    ``formal`` (gender-neutral), optional ``formal_m``/``formal_f`` where the greeting agrees
    with the person's gender, and ``informal``, over ``{address}``.
``[greetings]``
    ``formal``, ``informal`` and ``generic`` openings, for the checks: an informal greeting
    to a formal customer in a ``strict_formality`` locale is a finding, and a ``generic``
    opening greets nobody.

A locale tag falls back along Babel's parse: ``de-AT`` → ``de`` → ``en-GB``; a fallback is
reported in :attr:`Address.note`, never raised.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

from courtesy.names._text import is_cjk

if TYPE_CHECKING:
    from courtesy.names import NameForms

__all__ = [
    "Address",
    "LocaleForms",
    "compose",
    "forms_for",
    "greeting_index",
    "shipped_locales",
]

Formality = Literal["formal", "informal"]

#: the locale every fallback ends at
DEFAULT_LOCALE = "en-GB"

_PARTICLES_CAPITALISABLE = frozenset({"van", "de", "den", "der", "ter", "ten", "te", "in", "het"})


@dataclass(frozen=True, slots=True)
class LocaleForms:
    """One locale's address data, as read from its TOML file."""

    locale: str
    source: str
    family_first: bool
    strict_formality: bool
    capitalize_leading_particle: bool
    #: the language writes every noun with a capital ("jeden Alters"), so a capitalised
    #: word in running text is no sign of a name
    capitalized_nouns: bool
    titles: dict[str, str]
    address_titles: dict[str, str]
    address: dict[str, str]
    salutation: dict[str, str]
    formal_greetings: tuple[str, ...]
    informal_greetings: tuple[str, ...]
    generic: tuple[str, ...]
    language_default: bool

    @property
    def language(self) -> str:
        return self.locale.split("-", 1)[0]

    def title(self, key: str, *, in_address: bool = False) -> str | None:
        """How this locale writes the title class ``key`` ("m" → "Herr"), or ``None``."""
        if in_address and key in self.address_titles:
            return self.address_titles[key]
        return self.titles.get(key)


@dataclass(frozen=True, slots=True)
class Address:
    """An address produced for a customer, with the locale actually used."""

    salutation: str  # "Sehr geehrte Frau Müller"
    address: str  # "Frau Müller"
    locale: str  # the forms' locale: "de"
    requested: str  # the customer's locale: "de-AT"
    formality: Formality
    note: str | None = None  # why another locale's forms were used, if they were

    def __str__(self) -> str:
        return self.salutation


class FormsDataError(ValueError):
    """A forms data file is malformed (names the file and the key)."""


def _strings(table: object, where: str, key: str) -> dict[str, str]:
    if not isinstance(table, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in table.items()
    ):
        raise FormsDataError(f"{where}: [{key}] must map names to strings")
    return dict(table)


def _string_list(table: dict[str, object], where: str, key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FormsDataError(f"{where}: greetings.{key} must be a list of strings")
    return tuple(value)


def _parse(locale: str, text: str, source: str) -> LocaleForms:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FormsDataError(f"{source}: {exc}") from None
    if data.get("locale") != locale:
        raise FormsDataError(f"{source}: locale = {data.get('locale')!r} does not match the "
                             f"file name ({locale!r})")
    order = data.get("order")
    if order not in ("given-first", "family-first"):
        raise FormsDataError(f"{source}: order must be 'given-first' or 'family-first'")
    address = _strings(data.get("address"), source, "address")
    salutation = _strings(data.get("salutation"), source, "salutation")
    for key, table, name in (("titled", address, "address"), ("untitled", address, "address"),
                             ("informal", address, "address"), ("formal", salutation,
                             "salutation"), ("informal", salutation, "salutation")):
        if key not in table:
            raise FormsDataError(f"{source}: [{name}] needs a {key!r} pattern")
    greetings = data.get("greetings", {})
    if not isinstance(greetings, dict):
        raise FormsDataError(f"{source}: [greetings] must be a table")
    return LocaleForms(
        locale=locale,
        source=source,
        family_first=order == "family-first",
        strict_formality=bool(data.get("strict_formality", False)),
        capitalize_leading_particle=bool(data.get("capitalize_leading_particle", False)),
        capitalized_nouns=bool(data.get("capitalized_nouns", False)),
        titles=_strings(data.get("titles", {}), source, "titles"),
        address_titles=_strings(data.get("address_titles", {}), source, "address_titles"),
        address=address,
        salutation=salutation,
        formal_greetings=_string_list(greetings, source, "formal"),
        informal_greetings=_string_list(greetings, source, "informal"),
        generic=_string_list(greetings, source, "generic"),
        language_default=bool(data.get("language_default", False)),
    )


@lru_cache(maxsize=1)
def _all_forms() -> dict[str, LocaleForms]:
    folder = resources.files("courtesy.names") / "forms"
    loaded: dict[str, LocaleForms] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            locale = entry.name[: -len(".toml")]
            source = f"courtesy/names/forms/{entry.name}"
            loaded[locale] = _parse(locale, entry.read_text("utf-8"), source)
    return loaded


def shipped_locales() -> tuple[str, ...]:
    """The locales with address data, in file-name order."""
    return tuple(_all_forms())


@lru_cache(maxsize=256)
def forms_for(tag: str) -> tuple[LocaleForms, str | None]:
    """The address data for a locale tag, and a note when another locale's data is used.

    ``"de-AT"`` → the ``de`` data and a note; ``"pt"`` → ``pt-BR`` (the language's default);
    an unknown or malformed tag → ``en-GB`` with a note. Never raises for a bad tag.
    """
    from courtesy.localization import get_locale

    table = _all_forms()
    try:
        parsed = get_locale(tag)
    except ValueError as exc:
        return table[DEFAULT_LOCALE], f"{exc}; used {DEFAULT_LOCALE} address forms"
    language = parsed.language
    candidates = []
    if parsed.territory:
        candidates.append(f"{language}-{parsed.territory}")
    candidates.append(language)
    for candidate in candidates:
        if candidate in table:
            note = None if candidate == candidates[0] else (
                f"no address forms for {tag!r}; used {candidate!r}")
            return table[candidate], note
    for forms in table.values():
        if forms.language == language and forms.language_default:
            exact = tag.replace("_", "-") == forms.locale
            return forms, None if exact else f"no address forms for {tag!r}; used {forms.locale!r}"
    return table[DEFAULT_LOCALE], f"no address forms for {tag!r}; used {DEFAULT_LOCALE!r}"


def _join(first: str, second: str) -> str:
    if not first or not second:
        return first or second
    sep = "" if is_cjk(first[-1]) and is_cjk(second[0]) else " "
    return first + sep + second


def _capitalise_particle(family: str) -> str:
    head, _, rest = family.partition(" ")
    if rest and head in _PARTICLES_CAPITALISABLE:
        return head.capitalize() + " " + rest
    return family


@lru_cache(maxsize=4096)
def compose(forms: NameForms, tag: str, formality: Formality = "formal") -> Address:
    """The address and salutation for a name in a locale and formality.

    The title comes from the profile; without one, a title follows only from declared
    pronouns ("she/her" → "Ms", "Frau"). Otherwise the formal form is gender-neutral: the
    full name, with the locale's neutral greeting. Nothing is ever guessed from the name.
    """
    data, note = forms_for(tag)
    if formality not in ("formal", "informal"):
        raise ValueError(f"formality must be 'formal' or 'informal', not {formality!r}")
    given = forms.given
    family = forms.family
    # a name in Han, kana or Hangul keeps its own order (family first) in any locale
    family_first = data.family_first or (is_cjk(family) and is_cjk(given))
    full = _join(family, given) if family_first else _join(given, family)
    informal_name = forms.nickname or given or full
    title_key = forms.title.key if forms.title is not None else forms.pronoun_title
    # "Sehr geehrte" agrees with "Frau", not with "Dr.": a neutral title keeps a neutral greeting
    gender = forms.gender if forms.title is None or forms.title.gender != "n" else "n"
    title = data.title(title_key, in_address=True) if title_key else None
    # a mononym fills every slot with the one name there is
    one = given or family or informal_name
    family_in_address = family or one
    if data.capitalize_leading_particle:
        family_in_address = _capitalise_particle(family_in_address)
    values = {"title": title or "", "given": given or one, "family": family_in_address,
              "full": full or one, "informal": informal_name}
    if formality == "informal":
        pattern = data.address["informal"]
    elif title and title_key in ("sir", "dame") and given:
        pattern = "{title} {given}"  # British honours go with the given name: "Sir Ludwig"
    elif title and family:
        pattern = data.address["titled"]
    else:
        pattern = data.address["untitled"]
    address = pattern.format_map(values).strip()
    if formality == "informal":
        greeting = data.salutation["informal"]
    else:
        greeting = data.salutation.get(f"formal_{gender}", data.salutation["formal"])
    return Address(
        salutation=greeting.format(address=address),
        address=address,
        locale=data.locale,
        requested=tag,
        formality=formality,
        note=note,
    )


@lru_cache(maxsize=1)
def greeting_index() -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """Every locale's greetings by first word (case-folded): ``(phrase, language, generic)``.

    Lets salutation detection recognise openings in languages without a phrase lexicon
    ("Gentile", "Geachte", "Tisztelt") with one dictionary look-up per message.
    """
    index: dict[str, list[tuple[str, str, bool]]] = {}
    for data in _all_forms().values():
        phrases = [(g, False) for g in (*data.formal_greetings, *data.informal_greetings)]
        phrases += [(g, True) for g in data.generic]
        for phrase, generic in phrases:
            head = phrase.split(" ", 1)[0].casefold().rstrip(",!")
            entry = (phrase.casefold(), data.language, generic)
            if entry not in index.setdefault(head, []):
                index[head].append(entry)
    return {
        head: tuple(sorted(entries, key=lambda e: -len(e[0]))) for head, entries in index.items()
    }
