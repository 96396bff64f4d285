"""The result of a check, and how it is shown: text for people, JSON and SARIF for programs.

``Report.to_dict()`` is the documented, versioned JSON schema (``schema_version``); the CLI
prints exactly that. The text renderer quotes each finding's line and underlines the span.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from courtesy.rules.model import Finding, Severity, Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from courtesy.suppression import Suppressed, SuppressionProblem

__all__ = ["SCHEMA_VERSION", "ELEMENTS", "ElementSpans", "Report", "json_schema", "render_sarif",
           "to_sarif"]

#: Version of the JSON produced by ``Report.to_dict()``; bumped on incompatible changes.
SCHEMA_VERSION = 1

#: The element kinds a report always lists (possibly empty).
ELEMENTS = ("apology", "thanks", "next_steps", "restitution")

#: per element, the spans a source adds to the lexicons' own, and the lexicons' spans it
#: overrules (``courtesy.rules.learned.Reading``)
Added = Callable[[], "tuple[Mapping[str, Sequence[tuple[int, int]]], "
                     "Mapping[str, Sequence[tuple[int, int]]]]"]


class ElementSpans(Mapping[str, tuple[Span, ...]]):
    """``Report.elements``: per element kind of :data:`ELEMENTS`, its spans, in text order.

    The spans the lexicons found are known when the check ends; what the learned model
    changes of them (``courtesy.rules.learned``: the sentences it adds, the next steps it
    overrules) is scored on the first read, so a caller that reads only the findings never
    pays for it. A read-only mapping.
    """

    __slots__ = ("_added", "_learned", "_lexicons", "_overruled", "_spans")

    def __init__(self, spans: Mapping[str, Sequence[tuple[int, int]]],
                 added: Added | None = None) -> None:
        self._lexicons = {kind: tuple(Span(s, e) for s, e in spans.get(kind, ()))
                          for kind in ELEMENTS}
        self._added = added
        self._learned: dict[str, tuple[Span, ...]] | None = None
        self._overruled: dict[str, tuple[Span, ...]] | None = None
        self._spans: dict[str, tuple[Span, ...]] | None = None

    def _resolve(self) -> dict[str, tuple[Span, ...]]:
        # idempotent, so two threads reading at once at worst both score the sentences; the
        # scorer (which holds the text and the lexicons' spans) is let go once read, after
        # the spans are set
        spans = self._spans
        if spans is None:
            added = self._added
            if added is None and self._spans is not None:
                return self._spans  # another thread has just resolved them
            extra, dropped = added() if added is not None else ({}, {})
            learned = {kind: tuple(Span(s, e) for s, e in extra.get(kind, ()))
                       for kind in ELEMENTS}
            overruled = {kind: tuple(Span(s, e) for s, e in dropped.get(kind, ()))
                         for kind in ELEMENTS}
            spans = {}
            for kind, found in self._lexicons.items():
                kept = tuple(span for span in found if span not in overruled[kind]) \
                    if overruled[kind] else found
                spans[kind] = tuple(sorted((*kept, *learned[kind]),
                                           key=lambda span: (span.start, span.end))) \
                    if learned[kind] else kept
            self._learned = learned
            self._overruled = overruled
            self._spans = spans
            self._added = None
        return spans

    @property
    def lexicons(self) -> Mapping[str, tuple[Span, ...]]:
        """Per element kind, the spans the lexicons found (phrases and clauses), as they
        found them: without the learned model's sentences, and with the steps it overrules;
        reading them scores nothing."""
        return dict(self._lexicons)

    @property
    def learned(self) -> Mapping[str, tuple[Span, ...]]:
        """Per element kind, the spans the learned model added (sentences no lexicon
        reads as telling the element); the others are the lexicons' phrases."""
        self._resolve()
        return dict(self._learned or {})

    @property
    def overruled(self) -> Mapping[str, tuple[Span, ...]]:
        """Per element kind, the lexicons' spans the learned model overrules, which the
        mapping leaves out: next steps it reads as none ("See you soon!", a salutation, an
        account of what went wrong with a date in it)."""
        self._resolve()
        return dict(self._overruled or {})

    def __getitem__(self, kind: str) -> tuple[Span, ...]:
        return self._resolve()[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(ELEMENTS)

    def __len__(self) -> int:
        return len(ELEMENTS)

    def __repr__(self) -> str:
        return f"ElementSpans({self._resolve()!r})"

    def __reduce__(self) -> tuple[type[ElementSpans], tuple[Any, ...]]:
        return ElementSpans, (_as_pairs(self._lexicons), partial(_resolved, self.learned,
                                                                  self.overruled))


def _resolved(learned: Mapping[str, tuple[Span, ...]], overruled: Mapping[str, tuple[Span, ...]],
              ) -> tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
    return _as_pairs(learned), _as_pairs(overruled)


def _as_pairs(spans: Mapping[str, tuple[Span, ...]]) -> dict[str, list[tuple[int, int]]]:
    return {kind: [(span.start, span.end) for span in kind_spans]
            for kind, kind_spans in spans.items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """What courtesy found in one message.

    ``passed`` is false when any finding is at or above ``fail_on``. ``elements`` maps each
    element kind (apology, thanks, next_steps, restitution) to the spans where the message has it
    (an :class:`ElementSpans`): the lexicons' spans, and for the apology and next steps the
    sentences the learned model reads as telling them where no lexicon did, a sentence long.
    ``personalization`` is the share of the text that came from customer or situation
    data, when the message was rendered (``None`` for plain text). ``notes`` are remarks
    that are not findings, such as how late a reply is against the response-time policy.
    """

    text: str
    findings: tuple[Finding, ...]
    elements: Mapping[str, tuple[Span, ...]]
    fail_on: Severity = Severity.ERROR
    personalization: float | None = None
    notes: tuple[str, ...] = field(default=())
    #: politeness score in [0, 1] from counted politeness strategies (docs/tone.md)
    tone: float | None = None
    #: Findings silenced by ``courtesy: ignore[...]`` comments (with their reasons).
    suppressed: tuple[Suppressed, ...] = ()
    #: Suppression comments without a reason (errors), unused or malformed ones.
    suppression_problems: tuple[SuppressionProblem, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.fails(self.fail_on)

    def fails(self, level: Severity | str) -> bool:
        """Whether any finding, or problem with a suppression comment, is at or above ``level``."""
        threshold = Severity(level)
        return any(f.severity >= threshold for f in self.findings) or any(
            p.severity >= threshold for p in self.suppression_problems)

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
            "tone": self.tone,
            "notes": list(self.notes),
            "suppressed": [s.to_dict() for s in self.suppressed],
            "suppression_problems": [p.to_dict() for p in self.suppression_problems],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def render_text(self, *, source: str = "<text>", color: bool = False) -> str:
        """Human-readable findings: ``source:line:col``, the line, an underline, the fix."""
        return render_text(self, source=source, color=color)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`Report.to_dict` (``courtesy/schemas/report.schema.json``)."""
    from importlib.resources import files

    text = files("courtesy").joinpath("schemas", "report.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


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


def _window(line_start: int, line_end: int, start: int) -> tuple[int, int]:
    """The part of a line to show for a span from ``start``: all of it, if it fits; else
    at most :data:`_SNIPPET` characters, from a little before the span (a longer span is
    cut, and its underline with it)."""
    if line_end - line_start <= _SNIPPET:
        return line_start, line_end
    left = max(line_start, min(start - 20, line_end - _SNIPPET))
    return left, min(line_end, left + _SNIPPET)


def render_text(report: Report, *, source: str = "<text>", color: bool = False) -> str:
    text = report.text
    out: list[str] = []
    for f in report.findings:
        line, col, line_start, line_end = _line_col(text, f.start)
        sev = str(f.severity)
        if color:
            sev = f"{_COLORS[f.severity]}{sev}{_RESET}"
        out.append(f"{source}:{line}:{col}: {sev} {f.rule} {f.name}: {f.message}")
        window_start, window_end = _window(line_start, line_end, f.start)
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
    for problem in report.suppression_problems:
        if problem.origin == "text":
            line, col, _start, _end = _line_col(text, problem.start)
            where = f"{source}:{line}:{col}"
        else:
            where = f"{problem.origin}:{problem.line}"
        sev = str(problem.severity)
        if color:
            sev = f"{_COLORS[problem.severity]}{sev}{_RESET}"
        out.append(f"{where}: {sev} suppression {problem.kind}: {problem.message}")
    counts = report.counts()
    verdict = "passed" if report.passed else "failed"
    summary = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items() if n)
    extra = []
    if report.suppression_problems:
        n = len(report.suppression_problems)
        extra.append(f"{n} suppression problem{'s' if n != 1 else ''}")
    if report.suppressed:
        extra.append(f"{len(report.suppressed)} suppressed")
    summary = ", ".join(filter(None, (summary, *extra)))
    out.append(f"{source}: {verdict} ({summary or 'no findings'})")
    for note in report.notes:
        out.append(f"{source}: note: {note}")
    return "\n".join(out) + "\n"


# -- SARIF 2.1.0 ----------------------------------------------------------------------------

#: Where SARIF ``helpUri``s point: ``docs/rules/<CODE>.md`` of courtesy's documentation.
#: Relative by default (courtesy has no published URL yet); pass ``docs_base`` to change it.
DOCS_BASE = "docs/"

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _courtesy_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("courtesy")
    except PackageNotFoundError:  # a source tree that is not installed
        return "0+unknown"


def _artifact_uri(source: str) -> str:
    from urllib.parse import quote

    return quote(source.replace("\\", "/"), safe="/:")


def _sarif_region(text: str, start: int, end: int) -> dict[str, int]:
    line, col, _ls, _le = _line_col(text, start)
    end_line, end_col, _ls, _le = _line_col(text, end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
            "charOffset": start, "charLength": end - start}


def _sarif_location(uri: str, text: str, start: int, end: int) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": uri},
                                 "region": _sarif_region(text, start, end)}}


def _sarif_message(finding: Finding) -> str:
    if finding.suggestion:
        return f"{finding.message} Suggestion: {finding.suggestion}"
    return finding.message


def _sarif_rule(code: str, docs_base: str) -> dict[str, Any]:
    from courtesy.rules import registry

    rule = registry.get(code)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.name.replace("-", " ").capitalize()},
        "fullDescription": {"text": rule.why},
        "helpUri": f"{docs_base}rules/{rule.code}.md",
        "help": {"text": rule.practice},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"tags": [str(rule.category), rule.family], "seed": rule.seed},
    }


def to_sarif(
    reports: Sequence[tuple[str, Report]], *, docs_base: str = DOCS_BASE
) -> dict[str, Any]:
    """One SARIF 2.1.0 log (one run) for ``(source, report)`` pairs.

    ``source`` is the checked file's path (it becomes the artifact URI). Regions are
    1-based lines and columns counted in Unicode code points (``columnKind``), with
    ``charOffset``/``charLength`` equal to courtesy's own offsets. Suppressed findings are
    listed with an ``inSource`` suppression and its justification; problems with the
    suppression comments themselves are tool configuration notifications.
    """
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    codes = sorted({f.rule for _s, r in reports for f in r.findings}
                   | {s.finding.rule for _s, r in reports for s in r.suppressed})
    index = {code: i for i, code in enumerate(codes)}
    for source, report in reports:
        uri = _artifact_uri(source)
        entries = [(f, None) for f in report.findings] + [
            (s.finding, s.suppression.reason) for s in report.suppressed]
        for finding, reason in entries:
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": _SARIF_LEVEL[finding.severity],
                "message": {"text": _sarif_message(finding)},
                "locations": [_sarif_location(uri, report.text, finding.start, finding.end)],
            }
            if reason is not None:
                result["suppressions"] = [{"kind": "inSource", "justification": reason}]
            results.append(result)
        for problem in report.suppression_problems:
            note: dict[str, Any] = {
                "descriptor": {"id": f"suppression/{problem.kind}"},
                "level": _SARIF_LEVEL[problem.severity],
                "message": {"text": problem.message},
            }
            if problem.origin == "text":
                note["locations"] = [_sarif_location(uri, report.text, problem.start,
                                                     problem.end)]
            else:
                note["locations"] = [{"physicalLocation": {
                    "artifactLocation": {"uri": _artifact_uri(problem.origin)},
                    "region": {"startLine": problem.line}}}]
            notifications.append(note)
    results.sort(key=lambda r: (
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        r["locations"][0]["physicalLocation"]["region"]["charOffset"], r["ruleId"]))
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "courtesy",
            "version": _courtesy_version(),
            "informationUri": f"{docs_base}how-it-works.md",
            "rules": [_sarif_rule(code, docs_base) for code in codes],
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{
            "executionSuccessful": True,
            "toolConfigurationNotifications": notifications,
        }],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(reports: Sequence[tuple[str, Report]], *, docs_base: str = DOCS_BASE) -> str:
    """:func:`to_sarif` as indented JSON text."""
    return json.dumps(to_sarif(reports, docs_base=docs_base), indent=2, ensure_ascii=False) + "\n"
