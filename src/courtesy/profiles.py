"""Typed customer profiles and situations: the data every message is personalised from.

All models are frozen pydantic models with ``extra="forbid"``: a misspelt key such as
``"familly"`` is an error naming the key, never silently dropped. Free-text names are
parsed once, here, at validation; locales are validated through Babel, here. Nothing
in this module runs per message.

Text fields reject control characters and the private-use characters courtesy's render
trace uses as sentinels, so customer data can never forge a trace span.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from datetime import date, datetime
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from courtesy.exceptions import ProfileError
from courtesy.localization import language_of, normalize_locale_tag
from courtesy.names import Address, NameForms, lookup_title, parse_free_text

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "Channel",
    "Customer",
    "Formality",
    "Interaction",
    "Name",
    "Situation",
    "SituationKind",
    "load_model",
]


M = TypeVar("M", bound=BaseModel)


class SituationKind(enum.StrEnum):
    """Why we are writing (DESIGN.md's fixed vocabulary)."""

    COMPLAINT = "complaint"
    DELAY = "delay"
    ERROR = "error"
    INQUIRY = "inquiry"
    THANKS = "thanks"
    FOLLOW_UP = "follow_up"
    ANNOUNCEMENT = "announcement"


class Channel(enum.StrEnum):
    """Where the message goes."""

    EMAIL = "email"
    SMS = "sms"
    CHAT = "chat"
    PUBLIC = "public"


class Formality(enum.StrEnum):
    FORMAL = "formal"
    INFORMAL = "informal"


# Control characters except tab/newline, and every private-use code point: courtesy's render
# trace brackets template output with private-use sentinels, so data must never carry them.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)


def _clean_text(value: object) -> object:
    if not isinstance(value, str):
        return value
    match = _FORBIDDEN.search(value)
    if match:
        raise ValueError(
            f"contains the control or private-use character U+{ord(match.group()):04X} "
            f"at position {match.start()}"
        )
    return unicodedata.normalize("NFC", value)


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value or "\t" in value:
        raise ValueError("must be a single line (no line breaks or tabs)")
    return " ".join(value.split())


Text = Annotated[str, BeforeValidator(_clean_text), Field(max_length=20_000)]
NamePart = Annotated[
    str,
    BeforeValidator(_clean_text),
    AfterValidator(_one_line),
    Field(min_length=1, max_length=100),
]


def _known_locale(tag: str) -> str:
    return normalize_locale_tag(tag)


LocaleTag = Annotated[str, AfterValidator(_known_locale)]


def _known_title(value: str) -> str:
    if lookup_title(value) is None:
        raise ValueError(
            f"unknown title {value!r}; use an honorific such as Mr, Mrs, Ms, Miss, Mx, Dr, "
            "Prof, Herr, Frau, Mme, Sr., Sra."
        )
    return value


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Name(_Frozen):
    """A person's name in parts. At least one of ``given``, ``family`` or ``nickname``.

    ``nickname`` is the name the customer prefers to be called ("Bertie" for Bertram);
    informal messages use it instead of the given name.
    """

    title: Annotated[NamePart, AfterValidator(_known_title)] | None = None
    given: NamePart | None = None
    middle: NamePart | None = None
    family: NamePart | None = None
    suffix: NamePart | None = None
    nickname: NamePart | None = None
    #: how the person asks to be referred to ("she/her", "they/them"). With no title,
    #: "she/her" or "he/him" lets a formal address use a gendered title; anything else, or
    #: nothing, keeps the formal address gender-neutral. Never inferred from the name.
    pronouns: Annotated[NamePart, Field(max_length=40)] | None = None

    @model_validator(mode="after")
    def _has_a_name(self) -> Name:
        if not (self.given or self.family or self.nickname):
            raise ValueError("a name needs at least one of 'given', 'family' or 'nickname'")
        return self

    @property
    def full(self) -> str:
        """The name in Western order with title and suffix: ``"Mr Nick Owen Jr."``."""
        parts = (self.title, self.given, self.middle, self.family, self.suffix)
        return " ".join(p for p in parts if p)


def _parse_name(value: object, language: str) -> object:
    if isinstance(value, str):
        cleaned = _clean_text(value)
        assert isinstance(cleaned, str)
        if not cleaned.strip():
            raise ValueError("name must not be empty")
        return parse_free_text(cleaned, language)
    return value


@lru_cache(maxsize=4096)
def _name_forms(name: Name, language: str, locale: str = "") -> NameForms:
    return NameForms.build(
        given=name.given or "", middle=name.middle or "", family=name.family or "",
        nickname=name.nickname or "", suffix=name.suffix or "", title=name.title or "",
        language=language, pronouns=name.pronouns or "", locale=locale,
    )


class Interaction(_Frozen):
    """One past message in the customer's history (for repeat-contact and form-letter checks)."""

    at: AwareDatetime
    direction: Literal["inbound", "outbound"]
    channel: Channel = Channel.EMAIL
    text: Text = ""
    topic: Annotated[str, Field(max_length=200)] | None = None


class Customer(_Frozen):
    """Who we are writing to.

    ``name`` is either a mapping of parts or one free-text string (``"Dr. Nick Owen"``),
    parsed once here with nameparser, in the order the customer's locale writes names.
    """

    id: Annotated[str, Field(max_length=200)] | None = None
    name: Name
    locale: LocaleTag = "en-GB"
    formality: Formality = Formality.FORMAL
    history: tuple[Interaction, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _parse_free_text_name(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            locale = data.get("locale", "en-GB")
            language = language_of(locale) if isinstance(locale, str) else "en"
            data = {**data, "name": _parse_name(data["name"], language)}
        return data

    @property
    def language(self) -> str:
        """The language subtag of ``locale``: ``"de"`` for ``"de-AT"``."""
        return language_of(self.locale)

    @cached_property
    def name_forms(self) -> NameForms:
        """Matching data for this customer's name, built once per name and language."""
        return _name_forms(self.name, self.language, self.locale)

    def addressing(self, formality: Formality | str | None = None) -> Address:
        """Salutation and address for this customer, with the locale used and any note.

        ``formality`` defaults to the profile's. A locale without address data falls back
        (``de-AT`` → ``de`` → ``en-GB``) and says so in :attr:`Address.note`.
        """
        style = str(formality or self.formality)
        if style not in ("formal", "informal"):
            raise ValueError(f"formality must be 'formal' or 'informal', not {style!r}")
        return self.name_forms.compose("formal" if style == "formal" else "informal")

    def address(self, formality: Formality | str | None = None) -> str:
        """How to address the customer: ``"Mr Owen"``, ``"Frau Müller"``, ``"佐藤様"``."""
        return self.addressing(formality).address

    def salutation(self, formality: Formality | str | None = None) -> str:
        """The opening greeting: ``"Dear Mr Owen"``, ``"Estimada Sra. García López"``."""
        return self.addressing(formality).salutation


def _known_timezone(name: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r}; use an IANA name such as 'Europe/London'"
        ) from None
    return name


class Situation(_Frozen):
    """Why we are writing, whose fault it was, and what the customer said.

    Timing facts (all optional; the timing rules run only when a situation has them):
    ``received_at`` is when the customer wrote, ``sent_at`` when the reply goes out
    (``None``: the moment of the check), ``deadline_missed`` whether we broke a promised
    date (``promised_for``, when known), ``repeat_contact`` how many times the customer
    has had to write about this before, and ``timezone`` the customer's IANA time zone,
    used to resolve "by Friday" to a date. Datetimes must carry a time zone.
    """

    kind: SituationKind
    our_fault: bool = False
    severity: Literal["low", "medium", "high", "critical"] = "medium"
    customer_message: Text | None = None
    received_at: datetime | None = None
    sent_at: datetime | None = None
    deadline_missed: bool = False
    promised_for: datetime | date | None = None
    repeat_contact: Annotated[int, Field(ge=0, le=1000)] = 0
    timezone: Annotated[str, AfterValidator(_known_timezone)] | None = None

    @field_validator("promised_for", mode="before")
    @classmethod
    def _plain_date(cls, value: object) -> object:
        if isinstance(value, str) and len(value.strip()) == 10:  # "2026-03-14": a day
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                return value
        return value

    @field_validator("received_at", "sent_at", "promised_for")
    @classmethod
    def _aware(cls, value: datetime | date | None, info: ValidationInfo) -> datetime | date | None:
        if isinstance(value, datetime) and value.utcoffset() is None:
            raise ValueError(
                f"{info.field_name} must be timezone-aware, e.g. '2026-03-14T09:30:00+00:00' "
                "or '...Z' (got a date and time without a zone)"
            )
        return value

    @model_validator(mode="after")
    def _sent_after_received(self) -> Situation:
        if self.received_at and self.sent_at and self.sent_at < self.received_at:
            raise ValueError("sent_at is before received_at: a reply cannot precede the message")
        return self

    @property
    def has_timing_facts(self) -> bool:
        """Whether the timing rules (TM) have anything to work with."""
        return (self.received_at is not None or self.sent_at is not None
                or self.deadline_missed or self.promised_for is not None)


def load_model(model: type[M], data: Mapping[str, Any] | str | bytes, *, source: str = "") -> M:
    """Validate ``data`` (a mapping or JSON text) as ``model``; raise :class:`ProfileError`.

    The error names ``source`` (a file, or ``file:line``) and the first failing field path,
    so that the CLI can print one clear line.
    """
    try:
        if isinstance(data, str | bytes):
            return model.model_validate_json(data)
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        path = ".".join(str(p) for p in first["loc"])
        message = first["msg"]
        if first["type"] == "json_invalid":
            path, message = "", f"malformed JSON: {first.get('ctx', {}).get('error', message)}"
        more = exc.error_count() - 1
        if more:
            message += f" (and {more} more error{'s' if more > 1 else ''})"
        raise ProfileError(message, field_path=path, source=source) from exc
