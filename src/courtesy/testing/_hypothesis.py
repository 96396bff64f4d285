"""Hypothesis's entry point for courtesy: ``st.from_type(Customer | Name | Situation)``.

Hypothesis runs its entry points when it is imported, in every project that has courtesy
installed. Importing courtesy's models there would make ``import hypothesis`` import
pydantic too, whether or not the project ever checks a message. So the entry point
registers the strategies only if the models are already loaded; otherwise
``courtesy.Customer`` (and ``Name``, ``Situation``) register them on first access.
"""

from __future__ import annotations

import sys

__all__ = ["register"]


def register() -> None:
    """Register the strategies if courtesy's models are loaded (else they will do it)."""
    if "courtesy.profiles" in sys.modules and "hypothesis" in sys.modules:
        from courtesy.testing.strategies import _register

        _register()
