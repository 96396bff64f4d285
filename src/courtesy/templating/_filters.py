"""Filters courtesy adds to every environment.

``salutation`` and ``address`` produce the customer's name the way the customer's locale
writes it (``names/forms/<locale>.toml``): what courtesy writes, courtesy's own name checks
accept. ``{{ customer | salutation }}`` → "Sehr geehrte Frau Müller";
``{{ customer | address("informal") }}`` → "Anna"; a template written in another language
than the customer's may pass its own: ``{{ customer | salutation(locale="en-GB") }}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from courtesy.exceptions import TemplateError
from courtesy.templating._context import CustomerView
from courtesy.templating._environment import Traced

if TYPE_CHECKING:
    from courtesy.names import Address

__all__ = ["FILTERS"]


def _addressing(value: Any, filter_name: str, formality: str | None,
                locale: str | None) -> Address:
    if not isinstance(value, CustomerView):
        raise TemplateError(f"the {filter_name!r} filter needs the customer, e.g. "
                            f"{{{{ customer | {filter_name} }}}}")
    customer = value._profile
    style = formality or str(customer.formality)
    if style not in ("formal", "informal"):
        raise TemplateError(f"{filter_name} formality must be 'formal' or 'informal', "
                            f"not {style!r}")
    if locale is not None and not isinstance(locale, str):
        raise TemplateError(f"{filter_name} locale must be a tag such as 'de-AT'")
    forms = customer.name_forms
    return forms.compose("formal" if style == "formal" else "informal", locale)


def address(value: Any, formality: str | None = None, locale: str | None = None) -> Traced:
    """The customer's name as the message should address them (no greeting word)."""
    return Traced(_addressing(value, "address", formality, locale).address, "customer.name")


def salutation(value: Any, formality: str | None = None, locale: str | None = None) -> Traced:
    """The opening greeting with the name: ``Dear Mr Owen`` / ``Hi Nick`` / ``佐藤様``."""
    return Traced(_addressing(value, "salutation", formality, locale).salutation,
                  "customer.name")


FILTERS = {"address": address, "salutation": salutation}
