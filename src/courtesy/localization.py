"""Babel adapters: locale validation and cached ``Locale`` objects.

Locale tags are parsed by Babel once, when a profile is validated; afterwards the hot path
works with the normalised BCP 47 tag (``"en-GB"``) and cached objects only. Babel is
imported on first use so that ``import courtesy`` stays light.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["get_locale", "language_of", "normalize_locale_tag"]


@lru_cache(maxsize=512)
def get_locale(tag: str) -> Locale:
    """Return the cached Babel ``Locale`` for a tag such as ``"de-AT"`` or ``"pt_BR"``.

    Raises ``ValueError`` with a readable message for malformed or unknown tags.
    """
    from babel import Locale, UnknownLocaleError

    cleaned = tag.strip().replace("-", "_")
    if not cleaned:
        raise ValueError("locale must not be empty; use a tag such as 'en-GB'")
    try:
        return Locale.parse(cleaned)
    except UnknownLocaleError:
        msg = f"unknown locale {tag!r}; use a tag such as 'en-GB' or 'de-AT'"
        raise ValueError(msg) from None
    except (ValueError, TypeError):
        msg = f"malformed locale {tag!r}; use a tag such as 'en-GB' or 'de-AT'"
        raise ValueError(msg) from None


@lru_cache(maxsize=512)
def normalize_locale_tag(tag: str) -> str:
    """Validate ``tag`` through Babel and return it as a BCP 47 tag (``"en_gb"`` → ``"en-GB"``)."""
    locale = get_locale(tag)
    parts = [locale.language]
    if locale.script:
        parts.append(locale.script)
    if locale.territory:
        parts.append(locale.territory)
    return "-".join(parts)


def language_of(tag: str) -> str:
    """The language subtag of a normalised tag: ``"de-AT"`` → ``"de"``."""
    return tag.split("-", 1)[0].lower()
