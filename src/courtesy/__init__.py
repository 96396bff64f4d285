"""courtesy: personalised, courteous customer messages, checked.

>>> import courtesy
>>> report = courtesy.check(
...     "Dear Mr N.Owenn, we take your complaint very seriously.",
...     customer={"name": {"title": "Mr", "given": "Nick", "family": "Owen"}},
...     situation={"kind": "complaint", "our_fault": True},
... )
>>> report.passed
False
>>> sorted({f.rule for f in report.findings})
['EL001', 'EL002', 'EL003', 'NM001', 'NM004', 'TN002']

Public names load on first use, so that ``import courtesy`` (and ``courtesy --version``)
stay fast; pydantic, Jinja2 and Babel are imported only when something needs them.
"""

from __future__ import annotations

import sys as _sys
import typing as _typing
from importlib import import_module as _import_module

if _typing.TYPE_CHECKING:
    from courtesy.checking import check
    from courtesy.exceptions import (
        CourtesyError,
        DiscourteousMessage,
        MissingVariable,
        PackError,
        ProfileError,
        TemplateError,
    )
    from courtesy.formletter import FormLetterIndex
    from courtesy.packs import Pack
    from courtesy.profiles import Customer, Interaction, Name, Situation
    from courtesy.rendering import Message, render
    from courtesy.report import Report
    from courtesy.rules.model import Category, Finding, Severity, Span

__all__ = [
    "Category",
    "check",
    "CourtesyError",
    "Customer",
    "DiscourteousMessage",
    "Finding",
    "FormLetterIndex",
    "Interaction",
    "Message",
    "MissingVariable",
    "Name",
    "Pack",
    "PackError",
    "ProfileError",
    "render",
    "Report",
    "Severity",
    "Situation",
    "Span",
    "TemplateError",
]

_LOCATIONS = {
    "Category": "courtesy.rules.model",
    "check": "courtesy.checking",
    "CourtesyError": "courtesy.exceptions",
    "Customer": "courtesy.profiles",
    "DiscourteousMessage": "courtesy.exceptions",
    "Finding": "courtesy.rules.model",
    "FormLetterIndex": "courtesy.formletter",
    "Interaction": "courtesy.profiles",
    "Message": "courtesy.rendering",
    "MissingVariable": "courtesy.exceptions",
    "Name": "courtesy.profiles",
    "Pack": "courtesy.packs",
    "PackError": "courtesy.exceptions",
    "ProfileError": "courtesy.exceptions",
    "render": "courtesy.rendering",
    "Report": "courtesy.report",
    "Severity": "courtesy.rules.model",
    "Situation": "courtesy.profiles",
    "Span": "courtesy.rules.model",
    "TemplateError": "courtesy.exceptions",
}


def __getattr__(name: str) -> _typing.Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("courtesy")
    location = _LOCATIONS.get(name)
    if location is None:
        raise AttributeError(f"module 'courtesy' has no attribute {name!r}")
    value = getattr(_import_module(location), name)
    globals()[name] = value  # later look-ups skip this function
    if location == "courtesy.profiles" and "hypothesis" in _sys.modules:
        # st.from_type(courtesy.Customer): the hypothesis entry point leaves registration
        # to the models when they were not loaded yet (courtesy.testing._hypothesis)
        from courtesy.testing._hypothesis import register

        register()
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})
