"""The vocabulary of checking: severities, categories, spans, findings and rules.

Slotted frozen dataclasses, not pydantic: a finding is created on the hot path, and
validation already happened at the edge (profiles, config, packs).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from courtesy.rules.context import CheckContext

__all__ = [
    "Category",
    "FACTS",
    "Custom",
    "Existence",
    "Finding",
    "Hit",
    "Rule",
    "Severity",
    "Span",
]


class Severity(enum.StrEnum):
    """How much a finding matters. Ordered: ``Severity.INFO < Severity.ERROR``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return _RANK[self] < _RANK[other]

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return _RANK[self] <= _RANK[other]

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return _RANK[self] > _RANK[other]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return _RANK[self] >= _RANK[other]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(enum.StrEnum):
    """What a finding is about (DESIGN.md's fixed vocabulary: extend, never rename)."""

    NAME = "name"
    TITLE = "title"
    SALUTATION = "salutation"
    APOLOGY = "apology"
    THANKS = "thanks"
    NEXT_STEPS = "next-steps"
    FORM_LETTER = "form-letter"
    TONE = "tone"
    PLACEHOLDER = "placeholder"
    PRIVACY = "privacy"
    PROMISE = "promise"
    BLAME = "blame"
    JARGON = "jargon"
    CONTACT = "contact"
    CHANNEL = "channel"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of code points in the checked text."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One problem in a message, located by code-point offsets into the checked text.

    ``start == end`` marks where a *missing* element belongs (e.g. a missing apology).
    """

    rule: str
    name: str
    category: Category
    severity: Severity
    start: int
    end: int
    message: str
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "category": str(self.category),
            "severity": str(self.severity),
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule's check reports; the engine turns it into a :class:`Finding`."""

    start: int
    end: int
    message: str
    suggestion: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Existence:
    """Flag every match of a lexicon topic (in any language), e.g. ``"non-apology"``.

    ``message`` may use ``{match}`` for the matched text. ``when`` limits the rule to
    some situations or channels.
    """

    topic: str
    message: str
    when: Callable[[CheckContext], bool] | None = None


#: The facts a rule may need (:attr:`Custom.needs`): the engine works out which a check
#: has (:func:`courtesy.rules.engine.facts_of`, in this order) and skips, without a call,
#: every rule that needs one it lacks.
FACTS = (
    "customer",  # a customer profile
    "history",  # ... with past interactions (Customer.history)
    "contacted-before",  # the customer wrote before: a history, or Situation.repeat_contact
    "situation",  # a situation
    "timing",  # ... with timing facts: received_at, sent_at, deadline_missed, promised_for
    "deadline-missed",  # ... whose deadline_missed is set
    "sms",  # the channel is SMS
    "public",  # the channel is a public reply
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Custom:
    """A rule implemented by a function of the check context (name echo, form letters...).

    ``needs`` names the :data:`FACTS` without which the rule has nothing to say; the
    engine does not call it then. ``needs_customer=True`` is short for ``"customer"``.

    Rules whose hits come out of one shared analysis (the NM rules: one look at the
    salutation and the name finds every kind of name problem) give it as ``analysis``,
    which maps each rule's ``key`` to its hits: the engine runs it once per check and
    hands each rule its own list without calling ``check``, which must give the same.
    """

    check: Callable[[CheckContext], Iterable[Hit]]
    needs_customer: bool = False
    needs: frozenset[str] = frozenset()
    analysis: Callable[[CheckContext], Mapping[str, Sequence[Hit]]] | None = None
    key: str = ""

    def __post_init__(self) -> None:
        unknown = self.needs.difference(FACTS)
        if unknown:
            raise ValueError(f"unknown facts {sorted(unknown)}; rules may need {sorted(FACTS)}")
        if self.needs_customer and "customer" not in self.needs:
            object.__setattr__(self, "needs", self.needs | {"customer"})


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A frozen declaration: what is checked, why (citing the seed practice), and examples.

    ``bad`` texts must be flagged and ``good`` texts must pass when checked with
    ``context`` (``customer``, ``situation`` and ``channel`` keyword arguments of
    :func:`courtesy.check`); a meta-test runs every one of them.
    """

    code: str
    name: str
    category: Category
    severity: Severity
    kind: Existence | Custom
    seed: str
    practice: str
    why: str
    bad: tuple[str, ...]
    good: tuple[str, ...]
    context: Mapping[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    status: Literal["active", "removed"] = "active"
    removed_in: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "context", _frozen_mapping(self.context))

    @property
    def family(self) -> str:
        return self.code[:2]

    @property
    def topic(self) -> str | None:
        return self.kind.topic if isinstance(self.kind, Existence) else None
