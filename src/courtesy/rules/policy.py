"""How fast we must answer and how far out we may promise: the response-time policy.

Seed 003: "the larger the grievance, the timelier a response a customer is liable to expect";
seed 001: "respond to customer inquiries, concerns, and feedback promptly"; seed 002: when a
deadline slips, "contact the customer in person as soon as you can". The defaults:

==========  ==============  ================  =====================================
severity    first reply     promised fix      reasoning
==========  ==============  ================  =====================================
critical    1 hour          2 days            an emergency: same business hour, fixed
                                              by tomorrow at the latest
high        4 hours         5 days            same business day; a week's working
                                              days at most ("within 2 working days"
                                              said on a Friday still fits)
medium      24 hours        14 days           next business day, the common service
                                              level; a fortnight covers "5-7 working
                                              days" even across a holiday weekend
low         72 hours        30 days           a question with no harm done yet
==========  ==============  ================  =====================================

A customer who has had to write again (``Situation.repeat_contact``) has a bigger grievance:
from :attr:`ResponsePolicy.escalate_after` repeat contacts on, the targets of the next
severity up apply. Restitution (refund, credit, replacement...) is required from
:attr:`ResponsePolicy.restitution_from` when the failure was ours; vague promises ("as soon
as possible") are flagged from :attr:`ResponsePolicy.vague_from`.

:func:`courtesy.check` takes a policy as ``policy=`` (or from its ``config=``, the
``[response-policy]`` table of ``pyproject.toml`` or ``courtesy.toml``, whose durations
:func:`parse_duration` reads); the rules read it through :func:`active_policy`, which
:func:`using_policy` sets for the duration of one check (a context variable, so threads and
tasks each see their own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from courtesy.rules.context import CheckContext

__all__ = [
    "DEFAULT_POLICY",
    "SEVERITIES",
    "ResponsePolicy",
    "Timing",
    "active_policy",
    "format_duration",
    "lateness_note",
    "parse_duration",
    "timing",
    "using_policy",
]

#: Situation severities, least first.
SEVERITIES = ("low", "medium", "high", "critical")

_RESPONSE = {
    "critical": timedelta(hours=1),
    "high": timedelta(hours=4),
    "medium": timedelta(hours=24),
    "low": timedelta(hours=72),
}
_PROMISE = {
    "critical": timedelta(days=2),
    "high": timedelta(days=5),
    "medium": timedelta(days=14),
    "low": timedelta(days=30),
}


def _targets(name: str, value: Mapping[str, object]) -> Mapping[str, timedelta]:
    missing = [s for s in SEVERITIES if s not in value]
    unknown = [s for s in value if s not in SEVERITIES]
    if missing or unknown:
        raise ValueError(
            f"ResponsePolicy.{name} needs exactly the severities {', '.join(SEVERITIES)}"
            + (f"; missing {', '.join(missing)}" if missing else "")
            + (f"; unknown {', '.join(map(repr, unknown))}" if unknown else "")
        )
    for severity, target in value.items():
        if not isinstance(target, timedelta) or target <= timedelta(0):
            raise ValueError(
                f"ResponsePolicy.{name}[{severity!r}] must be a positive timedelta, "
                f"not {target!r}"
            )
    checked = {severity: target for severity, target in value.items()
               if isinstance(target, timedelta)}
    previous = timedelta(0)
    for severity in reversed(SEVERITIES):  # critical first: targets may only grow
        if checked[severity] < previous:
            raise ValueError(
                f"ResponsePolicy.{name}[{severity!r}] is shorter than a more severe target: "
                "the bigger the grievance, the faster the answer"
            )
        previous = checked[severity]
    return MappingProxyType(checked)


def _severity_or_none(name: str, value: str | None) -> None:
    if value is not None and value not in SEVERITIES:
        raise ValueError(
            f"ResponsePolicy.{name} must be one of {', '.join(SEVERITIES)} or None, "
            f"not {value!r}"
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ResponsePolicy:
    """Per-severity targets for the first reply and for promised fixes (see module docs)."""

    #: longest acceptable time from the customer's message to our reply
    response: Mapping[str, timedelta] = field(default_factory=lambda: dict(_RESPONSE))
    #: longest acceptable time from our reply to the fix it promises
    promise: Mapping[str, timedelta] = field(default_factory=lambda: dict(_PROMISE))
    #: from this severity on, a failure of ours calls for restitution (None: never)
    restitution_from: str | None = "high"
    #: from this severity on, "as soon as possible" is not good enough (None: never)
    vague_from: str | None = "high"
    #: this many repeat contacts raise the severity by one level (0: never)
    escalate_after: int = 2

    def __post_init__(self) -> None:
        object.__setattr__(self, "response", _targets("response", self.response))
        object.__setattr__(self, "promise", _targets("promise", self.promise))
        _severity_or_none("restitution_from", self.restitution_from)
        _severity_or_none("vague_from", self.vague_from)
        escalate: object = self.escalate_after
        if not isinstance(escalate, int) or isinstance(escalate, bool) or escalate < 0:
            raise ValueError(
                f"ResponsePolicy.escalate_after must be an int >= 0, not {self.escalate_after!r}"
            )

    def __hash__(self) -> int:
        return hash((tuple(self.response.items()), tuple(self.promise.items()),
                     self.restitution_from, self.vague_from, self.escalate_after))

    def effective_severity(self, severity: str, repeat_contact: int = 0) -> str:
        """``severity``, one level up when the customer has had to write again."""
        if self.escalate_after and repeat_contact >= self.escalate_after:
            return SEVERITIES[min(SEVERITIES.index(severity) + 1, len(SEVERITIES) - 1)]
        return severity

    def at_least(self, severity: str, threshold: str | None) -> bool:
        return threshold is not None and SEVERITIES.index(severity) >= SEVERITIES.index(threshold)


#: The documented defaults.
DEFAULT_POLICY = ResponsePolicy()

_ACTIVE: ContextVar[ResponsePolicy] = ContextVar("courtesy_policy", default=DEFAULT_POLICY)


def active_policy() -> ResponsePolicy:
    """The policy of the check that is running (the defaults outside :func:`using_policy`)."""
    return _ACTIVE.get()


@contextmanager
def using_policy(policy: ResponsePolicy) -> Iterator[None]:
    """Make ``policy`` the active one for the duration of a ``with`` block."""
    token = _ACTIVE.set(policy)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


@dataclass(frozen=True, slots=True)
class Timing:
    """The timing facts of one check, resolved once."""

    sent_at: datetime  # in UTC
    severity: str  # after escalation for repeat contact
    response_target: timedelta
    promise_target: timedelta
    waited: timedelta | None  # from the customer's message to our reply
    policy: ResponsePolicy

    @property
    def late_by(self) -> timedelta | None:
        if self.waited is None or self.waited <= self.response_target:
            return None
        return self.waited - self.response_target


def timing(ctx: CheckContext) -> Timing | None:
    """The timing facts of the situation, or ``None`` when it has none (the TM rules rest)."""
    situation = ctx.situation
    if situation is None or not situation.has_timing_facts:
        return None
    cached = ctx._cache.get("timing")
    if cached is not None:
        return cached  # type: ignore[return-value]
    policy = active_policy()
    # UTC throughout: datetimes sharing a tzinfo subtract by wall-clock time, not elapsed time
    sent_at = (situation.sent_at or datetime.now(UTC)).astimezone(UTC)
    severity = policy.effective_severity(situation.severity, situation.repeat_contact)
    received = situation.received_at
    waited = sent_at - received.astimezone(UTC) if received is not None else None
    result = Timing(sent_at, severity, policy.response[severity], policy.promise[severity],
                    waited, policy)
    ctx._cache["timing"] = result
    return result


def format_duration(delta: timedelta) -> str:
    """``"3 days 2 hours"``, ``"45 minutes"``: the two largest units, rounded down."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [(days, "day"), (hours, "hour"), (minutes, "minute")]
    shown = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n][:2]
    return " ".join(shown) or "less than a minute"


_UNITS = {
    "w": "weeks", "wk": "weeks", "wks": "weeks", "week": "weeks", "weeks": "weeks",
    "d": "days", "day": "days", "days": "days",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
    "m": "minutes", "min": "minutes", "mins": "minutes", "minute": "minutes",
    "minutes": "minutes",
}
_DURATION = re.compile(r"\s*(?:\d+\s*[a-z]+\s*)+")
_PART = re.compile(r"(\d+)\s*([a-z]+)")
#: The longest target a policy may set.
MAX_DURATION = timedelta(days=366)


def parse_duration(text: str) -> timedelta:
    """``"30m"``, ``"4h"``, ``"1d"``, ``"2w"``, ``"1d 12h"``, ``"3 days"`` as a timedelta.

    Units: ``m`` (minutes), ``h`` (hours), ``d`` (days), ``w`` (weeks), or the English words
    (``min``, ``hour``, ``days``...); each at most once, summed. A bare number has no unit
    and is refused (is ``"4"`` four hours or four days?), as are zero, fractions and
    anything over a year. Raises ``ValueError`` saying what to write instead.
    """
    lowered = text.strip().lower()
    if lowered.isdigit():
        raise ValueError(f"{text!r} has no unit: write \"{lowered}h\" for {lowered} hours or "
                         f"\"{lowered}d\" for {lowered} days")
    if "." in lowered or "," in lowered:
        raise ValueError(f"invalid duration {text!r}: whole numbers only; write \"1h 30m\" "
                         "for an hour and a half")
    if not _DURATION.fullmatch(lowered):
        raise ValueError(f"invalid duration {text!r}: write whole numbers with a unit, m "
                         "(minutes), h (hours), d (days) or w (weeks): \"30m\", \"4h\", "
                         "\"1d 12h\"")
    amounts: dict[str, int] = {}
    for number, unit in _PART.findall(lowered):
        name = _UNITS.get(unit)
        if name is None:
            raise ValueError(f"invalid duration {text!r}: unknown unit {unit!r}; use m "
                             "(minutes), h (hours), d (days) or w (weeks)")
        if name in amounts:
            raise ValueError(f"invalid duration {text!r}: {name} given twice")
        digits = number.lstrip("0") or "0"
        amounts[name] = int(digits) if len(digits) < 7 else 10**6  # over the limit anyway
    total = timedelta(**amounts)
    if total <= timedelta(0):
        raise ValueError(f"invalid duration {text!r}: a target must be longer than zero")
    if total > MAX_DURATION:
        raise ValueError(f"invalid duration {text!r}: longer than {MAX_DURATION.days} days")
    return total


def lateness_note(ctx: CheckContext) -> str | None:
    """The report note saying how late the reply is, if it is late."""
    facts = timing(ctx)
    if facts is None or facts.waited is None:
        return None
    late = facts.late_by
    if late is None:
        return None
    return (f"reply sent {format_duration(facts.waited)} after the customer wrote; the "
            f"{facts.severity}-severity target is {format_duration(facts.response_target)}, "
            f"so it is {format_duration(late)} late")
