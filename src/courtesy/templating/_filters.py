"""Filters courtesy adds to every environment.

``salutation`` and ``address`` produce the customer's name the way the checks expect it:
what courtesy writes, courtesy's own name checks accept.
"""

from __future__ import annotations

from typing import Any

from courtesy.exceptions import TemplateError
from courtesy.templating._context import CustomerView
from courtesy.templating._environment import Traced

__all__ = ["FILTERS"]

_FORMAL = {"en": "Dear {}", "de": "Guten Tag {}", "fr": "Bonjour {}", "es": "Hola {}"}
_INFORMAL = {"en": "Hi {}", "de": "Hallo {}", "fr": "Bonjour {}", "es": "Hola {}"}


def _profile(value: Any, filter_name: str) -> Any:
    if not isinstance(value, CustomerView):
        raise TemplateError(f"the {filter_name!r} filter needs the customer, e.g. "
                            f"{{{{ customer | {filter_name} }}}}")
    return value._profile


def address(value: Any, formality: str | None = None) -> Traced:
    """The customer's name as the message should address them (no greeting word)."""
    customer = _profile(value, "address")
    forms = customer.name_forms
    style = formality or str(customer.formality)
    if style not in ("formal", "informal"):
        raise TemplateError(f"address formality must be 'formal' or 'informal', not {style!r}")
    text = forms.informal_address() if style == "informal" else forms.formal_address()
    return Traced(text, "customer.name")


def salutation(value: Any, formality: str | None = None) -> Traced:
    """The opening greeting with the name: ``Dear Mr Owen`` / ``Hi Nick``."""
    customer = _profile(value, "salutation")
    style = formality or str(customer.formality)
    table = _INFORMAL if style == "informal" else _FORMAL
    pattern = table.get(customer.language, table["en"])
    return Traced(pattern.format(address(value, style)), "customer.name")


FILTERS = {"address": address, "salutation": salutation}
