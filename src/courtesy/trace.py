"""Render-trace types: which spans of a rendered message came from which data field.

Plain data, shared by the templating layer (which produces traces) and the rules layer
(which reads them to measure personalization); neither imports the other.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["RenderTrace", "TraceSpan"]

#: Field paths (prefixes) that hold the customer's name: personal, but not "about them".
NAME_FIELDS = ("customer.name",)


@dataclass(frozen=True, slots=True)
class TraceSpan:
    """One ``{{ expression }}`` output in the rendered text.

    ``field`` is the data path the value came from (``"customer.name.given"``,
    ``"order.id"``) or ``None`` when an expression produced it without a traceable origin
    (a literal, a computed value). ``line`` is resolved lazily from Jinja2's debug
    information, so tracing costs nothing until someone asks for it.
    """

    start: int
    end: int
    field: str | None
    template: str | None = None
    resolve_line: Callable[[], int | None] | None = dataclasses.field(
        default=None, repr=False, compare=False
    )

    @property
    def line(self) -> int | None:
        """1-based template line of the expression, when known."""
        resolve = self.resolve_line
        return resolve() if resolve is not None else None

    @property
    def is_name(self) -> bool:
        return self.field is not None and self.field.startswith(NAME_FIELDS)

    @property
    def is_personal(self) -> bool:
        """From customer, situation or caller-supplied context data (not a template literal)."""
        return self.field is not None


@dataclass(frozen=True, slots=True)
class RenderTrace:
    """All expression outputs of one render, in text order."""

    spans: tuple[TraceSpan, ...]
    template: str = "<string>"
    #: Packs mark announcements as broadcasts: the same words to everyone, on purpose.
    broadcast: bool = False

    def personal_chars(self, *, include_name: bool) -> int:
        return sum(
            s.end - s.start for s in self.spans
            if s.is_personal and (include_name or not s.is_name)
        )

    def fields(self) -> list[str]:
        return sorted({s.field for s in self.spans if s.field})
