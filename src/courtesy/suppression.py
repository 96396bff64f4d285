"""Inline suppressions: ``courtesy: ignore[...]`` comments, each with a reason.

In a message (plain text or HTML), an HTML comment::

    <!-- courtesy: ignore[TN002] reason="legal asked for this sentence" -->

In a Jinja2 template, a template comment (Jinja2 drops it from the output, so courtesy
reads it from the template source)::

    {# courtesy: ignore[TN002,EL004] reason="legal asked for this sentence" #}

``ignore[...]`` covers the whole message; in text, ``ignore-line[...]`` covers the line the
comment is on and ``ignore-next-line[...]`` the line after it. The brackets take rule codes,
families or names. A reason is required: a suppression without one does not apply and makes
the report fail. A suppression that silences nothing is reported as unused (a warning), so
stale ones get cleaned up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from courtesy.rules import registry
from courtesy.rules.model import Finding, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "MARKER",
    "Suppressed",
    "Suppression",
    "SuppressionProblem",
    "apply_suppressions",
    "mask",
    "parse_template",
    "parse_text",
]

#: Every suppression comment contains this; texts without it skip all parsing.
MARKER = "courtesy:"

Scope = Literal["message", "line", "next-line"]
ProblemKind = Literal["missing-reason", "unknown-rule", "malformed", "unsupported-scope",
                      "unused"]

_HTML = re.compile(r"<!--\s*courtesy:(?P<body>.*?)-->", re.DOTALL)
_JINJA = re.compile(r"\{#-?\s*courtesy:(?P<body>.*?)-?#\}", re.DOTALL)
_BODY = re.compile(
    r"\s*(?P<verb>ignore(?:-next-line|-line)?)(?![\w-])"
    r"(?:\[(?P<rules>[^\]]*)\])?"
    r"\s*(?:reason\s*=\s*(?P<reason>.*?))?\s*",
    re.DOTALL,
)
_SCOPES: dict[str, Scope] = {"ignore": "message", "ignore-line": "line",
                             "ignore-next-line": "next-line"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Suppression:
    """One ``courtesy: ignore[...]`` comment.

    ``start``/``end`` are the comment's offsets in ``origin`` (the checked text, or a
    template's source); ``line`` is its 1-based line there. ``codes`` are the rule codes
    the selectors resolve to.
    """

    scope: Scope
    selectors: tuple[str, ...]
    codes: frozenset[str]
    reason: str
    start: int
    end: int
    line: int
    origin: str = "text"

    @property
    def in_text(self) -> bool:
        return self.origin == "text"

    def to_dict(self) -> dict[str, Any]:
        return {"scope": self.scope, "rules": list(self.selectors), "reason": self.reason,
                "origin": self.origin, "line": self.line}


@dataclass(frozen=True, slots=True, kw_only=True)
class SuppressionProblem:
    """Something wrong with a suppression comment: not a rule finding, but it counts.

    ``start``/``end`` locate the comment in the checked text (both 0 when the comment is
    in a template, where ``origin`` names the template and ``line`` its line).
    """

    kind: ProblemKind
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    origin: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "severity": str(self.severity), "message": self.message,
                "start": self.start, "end": self.end, "line": self.line,
                "origin": self.origin}


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding that a suppression silenced, with the suppression's reason."""

    finding: Finding
    suppression: Suppression

    def to_dict(self) -> dict[str, Any]:
        return {**self.finding.to_dict(), "suppressed_by": self.suppression.to_dict()}


def _line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def _unquote(raw: str | None) -> str:
    if raw is None:
        return ""
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def _parse(
    source: str, pattern: re.Pattern[str], origin: str
) -> tuple[tuple[Suppression, ...], tuple[SuppressionProblem, ...]]:
    found: list[Suppression] = []
    problems: list[SuppressionProblem] = []
    in_text = origin == "text"
    for match in pattern.finditer(source):
        start, end = match.span()
        line = _line_of(source, start)
        at = (start, end) if in_text else (0, 0)

        def problem(kind: ProblemKind, message: str, *, line: int = line,
                    at: tuple[int, int] = at) -> None:
            problems.append(SuppressionProblem(kind=kind, severity=Severity.ERROR,
                                               message=message, start=at[0], end=at[1],
                                               line=line, origin=origin))

        body = _BODY.fullmatch(match.group("body"))
        if body is None:
            problem("malformed", "cannot read this suppression; write "
                    "'courtesy: ignore[CODE] reason=\"why\"'")
            continue
        scope = _SCOPES[body.group("verb")]
        rules = body.group("rules")
        selectors = tuple(part.strip() for part in (rules or "").split(",") if part.strip())
        if not selectors:
            problem("malformed", f"'{body.group('verb')}' needs the rules it silences in "
                    "brackets, e.g. ignore[TN002]")
            continue
        if scope != "message" and not in_text:
            problem("unsupported-scope", f"'{body.group('verb')}' works in message text; in "
                    "a template, use ignore[...] for the whole message")
            continue
        reason = _unquote(body.group("reason"))
        if not reason:
            problem("missing-reason", f"suppression of {', '.join(selectors)} has no reason, "
                    "so it does not apply; add reason=\"why this is acceptable\"")
            continue
        codes: set[str] = set()
        known: list[str] = []
        for selector in selectors:
            try:
                codes |= registry.resolve((selector,))
            except KeyError:
                problem("unknown-rule", f"{selector!r} names no rule or family; "
                        "`courtesy rules` lists them")
                continue
            known.append(selector)
        if known:
            found.append(Suppression(scope=scope, selectors=tuple(known),
                                     codes=frozenset(codes), reason=reason, start=start,
                                     end=end, line=line, origin=origin))
    return tuple(found), tuple(problems)


def parse_text(
    text: str,
) -> tuple[tuple[Suppression, ...], tuple[SuppressionProblem, ...]]:
    """Suppression comments (``<!-- courtesy: ... -->``) in a message, and their problems."""
    if MARKER not in text:
        return (), ()
    return _parse(text, _HTML, "text")


@lru_cache(maxsize=512)
def parse_template(
    source: str, name: str = "<template>",
) -> tuple[tuple[Suppression, ...], tuple[SuppressionProblem, ...]]:
    """Suppression comments (``{# courtesy: ... #}``) in a template's source.

    Cached per source: a template is parsed once however often it renders.
    """
    if MARKER not in source:
        return (), ()
    return _parse(source, _JINJA, name)


def mask(text: str, suppressions: Iterable[Suppression]) -> str:
    """``text`` with the suppression comments blanked out (same length, same offsets).

    Rules then never match the words of a reason ("required by legal...").
    """
    out = text
    for s in suppressions:
        if s.in_text:
            out = out[: s.start] + " " * (s.end - s.start) + out[s.end :]
    return out


def _covers(s: Suppression, finding: Finding, text: str) -> bool:
    if finding.rule not in s.codes:
        return False
    if s.scope == "message":
        return True
    line = _line_of(text, finding.start)
    if s.scope == "line":
        return _line_of(text, s.start) <= line <= _line_of(text, s.end)
    return line == _line_of(text, s.end) + 1


def apply_suppressions(
    findings: Sequence[Finding], suppressions: Sequence[Suppression], text: str,
) -> tuple[tuple[Finding, ...], tuple[Suppressed, ...], tuple[SuppressionProblem, ...]]:
    """Split ``findings`` into kept and suppressed ones; report unused suppressions."""
    if not suppressions:
        return tuple(findings), (), ()
    kept: list[Finding] = []
    silenced: list[Suppressed] = []
    for finding in findings:
        by = next((s for s in suppressions if _covers(s, finding, text)), None)
        if by is None:
            kept.append(finding)
        else:
            silenced.append(Suppressed(finding, by))
    unused: list[SuppressionProblem] = []
    for s in suppressions:
        used_codes = {item.finding.rule for item in silenced if item.suppression is s}
        for selector in s.selectors:
            if registry.resolve((selector,)) & used_codes:
                continue
            unused.append(SuppressionProblem(
                kind="unused", severity=Severity.WARNING,
                message=f"no {selector} finding to silence {_where(s.scope)}; remove "
                        f"{selector} from the comment",
                start=s.start if s.in_text else 0, end=s.end if s.in_text else 0,
                line=s.line, origin=s.origin,
            ))
    return tuple(kept), tuple(silenced), tuple(unused)


def _where(scope: Scope) -> str:
    return {"message": "in this message", "line": "on this line",
            "next-line": "on the next line"}[scope]
