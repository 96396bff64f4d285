"""Sandboxed templating with a render trace. See ``_environment`` for the security model."""

from courtesy.templating._babel_filters import BABEL_FILTERS
from courtesy.templating._context import CustomerView, build_context, traced
from courtesy.templating._environment import (
    CompiledTemplate,
    CourtesyEnvironment,
    Limits,
    Traced,
    compile_template,
    make_environment,
    render_traced,
)
from courtesy.templating._filters import FILTERS as _NAME_FILTERS

#: Every filter courtesy adds: names (``salutation``) and Babel formatting (``money``...).
FILTERS = {**_NAME_FILTERS, **BABEL_FILTERS}

__all__ = [
    "FILTERS",
    "CompiledTemplate",
    "CourtesyEnvironment",
    "CustomerView",
    "Limits",
    "Traced",
    "build_context",
    "compile_template",
    "make_environment",
    "render_traced",
    "traced",
]
