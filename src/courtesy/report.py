"""The result of a check, and how it is shown: text for people, JSON for programs.

``Report.to_dict()`` is the documented, versioned JSON schema (``schema_version``); the CLI
prints exactly that. The text renderer quotes each finding's line and underlines the span.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from courtesy.rules.model import Finding, Severity, Span

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["SCHEMA_VERSION", "ELEMENTS", "Report"]

#: Version of the JSON produced by ``Report.to_dict()``; bumped on incompatible changes.
SCHEMA_VERSION = 1

#: The element kinds a report always lists (possibly empty).
ELEMENTS = ("apology", "thanks", "next_steps")


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """What courtesy found in one message.

    ``passed`` is false when any finding is at or above ``fail_on``. ``elements`` maps each
    element kind (apology, thanks, next_steps) to the spans where the message has it.
    ``personalization`` is the share of the text that came from customer or situation
    data, when the message was rendered (``None`` for plain text).
    """

    text: str
    findings: tuple[Finding, ...]
    elements: Mapping[str, tuple[Span, ...]]
    fail_on: Severity = Severity.ERROR
    personalization: float | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def passed(self) -> bool:
        return not self.fails(self.fail_on)

    def fails(self, level: Severity | str) -> bool:
        """Whether any finding is at or above ``level``."""
        threshold = Severity(level)
        return any(f.severity >= threshold for f in self.findings)

    def failing_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity >= self.fail_on]

    def counts(self) -> dict[str, int]:
        counts = {str(s): 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
        for finding in self.findings:
            counts[str(finding.severity)] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (schema version :data:`SCHEMA_VERSION`)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "passed": self.passed,
            "fail_on": str(self.fail_on),
            "findings": [f.to_dict() for f in self.findings],
            "elements": {k: [s.to_dict() for s in v] for k, v in self.elements.items()},
            "personalization": self.personalization,
            "notes": list(self.notes),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def render_text(self, *, source: str = "<text>", color: bool = False) -> str:
        """Human-readable findings: ``source:line:col``, the line, an underline, the fix."""
        return render_text(self, source=source, color=color)


_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_RESET = "\x1b[0m"


def _line_col(text: str, offset: int) -> tuple[int, int, int, int]:
    """1-based line and column of ``offset``, and the bounds of that line."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    if line_end == -1:
        line_end = len(text)
    return text.count("\n", 0, offset) + 1, offset - line_start + 1, line_start, line_end


#: Widest snippet shown under a finding; longer lines are cut around the span.
_SNIPPET = 100


def _window(line_start: int, line_end: int, start: int, end: int) -> tuple[int, int]:
    """The part of a line to show for span ``start:end``: all of it, if it fits."""
    if line_end - line_start <= _SNIPPET:
        return line_start, line_end
    left = max(line_start, min(start - 20, line_end - _SNIPPET))
    right = min(line_end, max(left + _SNIPPET, end))
    return left, right


def render_text(report: Report, *, source: str = "<text>", color: bool = False) -> str:
    text = report.text
    out: list[str] = []
    for f in report.findings:
        line, col, line_start, line_end = _line_col(text, f.start)
        sev = str(f.severity)
        if color:
            sev = f"{_COLORS[f.severity]}{sev}{_RESET}"
        out.append(f"{source}:{line}:{col}: {sev} {f.rule} {f.name}: {f.message}")
        window_start, window_end = _window(line_start, line_end, f.start, f.end)
        snippet = text[window_start:window_end]
        if snippet.strip():
            lead = "…" if window_start > line_start else ""
            trail = "…" if window_end < line_end else ""
            width = max(1, min(f.end, window_end) - f.start)
            out.append(f"    {lead}{snippet}{trail}")
            caret = "^" if f.start == f.end else "~" * width
            out.append("    " + " " * (len(lead) + f.start - window_start) + caret)
        if f.suggestion:
            out.append(f"    suggestion: {f.suggestion}")
    counts = report.counts()
    verdict = "passed" if report.passed else "failed"
    summary = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items() if n)
    out.append(f"{source}: {verdict} ({summary or 'no findings'})")
    for note in report.notes:
        out.append(f"{source}: note: {note}")
    return "\n".join(out) + "\n"
