"""``courtesy lint PACK``: check a message pack the way its messages will be used.

1. ``pack.toml`` validates (the loader's errors name the file and field).
2. Each template file is parsed; variables a template reads but the manifest does not
   declare, and declared variables no file of the template reads, are reported.
3. Every template × locale × channel is rendered for generated hard-name customers with
   the template's example context (or one generated from its schema), and every check
   runs. Each finding is mapped back to ``template-file:line`` through the render trace:
   an expression's output carries its template line; static text is found in the source.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from courtesy.exceptions import CourtesyError, PackError
from courtesy.rules.model import Severity

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from courtesy.packs import Pack, TemplateSpec, VarSpec
    from courtesy.rendering import Message

__all__ = ["LintIssue", "LintResult", "SAMPLE_CUSTOMERS", "lint_pack"]

#: Variables every template gets without declaring them.
BUILTIN_VARIABLES = frozenset({"customer", "situation", "channel", "locale"})

#: Names that are hard to address correctly, per language (locale, formality vary too).
SAMPLE_CUSTOMERS: dict[str, tuple[dict[str, Any], ...]] = {
    "en": (
        {"name": {"title": "Dr", "given": "Amara", "family": "Okonkwo-Smith"}, "locale": "en-GB"},
        {"name": {"given": "Siobhán", "family": "O'Brien"}, "locale": "en-IE"},
        {"name": {"given": "Zoë", "family": "van der Berg"}, "locale": "en-GB",
         "formality": "informal"},
        {"name": {"given": "Teller"}, "locale": "en-US"},
    ),
    "de": (
        {"name": {"title": "Dr", "given": "Hans-Jürgen", "family": "Müller-Lüdenscheidt"},
         "locale": "de-DE"},
        {"name": {"given": "Ülkü", "family": "Öztürk"}, "locale": "de-AT"},
        {"name": {"given": "Jörg", "family": "Weiß"}, "locale": "de-CH", "formality": "informal"},
    ),
    "fr": (
        {"name": {"given": "Marie-Hélène", "family": "de Saint-Exupéry"}, "locale": "fr-FR"},
        {"name": {"given": "Jean-François", "family": "L'Hôpital"}, "locale": "fr-CA"},
        {"name": {"given": "Zoë", "family": "N'Diaye"}, "locale": "fr-BE", "formality": "informal"},
    ),
    "es": (
        {"name": {"given": "María José", "family": "García Pérez"}, "locale": "es-ES"},
        {"name": {"given": "José Luis", "family": "de la Fuente"}, "locale": "es-MX"},
        {"name": {"given": "Iñaki", "family": "Muñoz"}, "locale": "es-ES", "formality": "informal"},
    ),
}

_FILE = re.compile(r"^(?P<locale>[^/]+)/(?P<id>[a-z][a-z0-9_]*)(?:\.(?P<channel>email|sms|chat|"
                   r"public))?(?:\.(?P<part>subject))?\.(?P<ext>txt|html)$")


@dataclass(frozen=True, slots=True)
class LintIssue:
    """One problem, located in a pack file."""

    code: str
    severity: Severity
    file: str
    line: int | None
    message: str
    template: str | None = None
    locale: str | None = None
    channel: str | None = None
    customer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data

    def render(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        extra = ", ".join(f"{k} {v}" for k, v in (("channel", self.channel),
                                                     ("customer", self.customer)) if v)
        return f"{where}: {self.severity} {self.code}: {self.message}" + \
            (f" [{extra}]" if extra else "")


@dataclass(frozen=True, slots=True)
class LintResult:
    pack: str
    issues: tuple[LintIssue, ...]
    renders: int

    def fails(self, level: Severity) -> bool:
        return any(issue.severity >= level for issue in self.issues)

    def render_text(self) -> str:
        lines = [issue.render() for issue in self.issues]
        counts = {s: sum(i.severity is s for i in self.issues) for s in Severity}
        lines.append(f"{self.pack}: {self.renders} renders; {counts[Severity.ERROR]} errors, "
                     f"{counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} notes")
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        return json.dumps({"pack": self.pack, "renders": self.renders,
                           "issues": [i.to_dict() for i in self.issues]},
                          indent=2, ensure_ascii=False) + "\n"

    def to_sarif(self) -> str:
        level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
        codes = sorted({i.code for i in self.issues})
        results = []
        for issue in self.issues:
            region: dict[str, int] = {"startLine": issue.line} if issue.line else {}
            location: dict[str, Any] = {"artifactLocation": {"uri": issue.file}}
            if region:
                location["region"] = region
            results.append({"ruleId": issue.code, "ruleIndex": codes.index(issue.code),
                            "level": level[issue.severity],
                            "message": {"text": issue.message},
                            "locations": [{"physicalLocation": location}]})
        log = {
            "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                       "sarif-schema-2.1.0.json",
            "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "courtesy-lint",
                                          "rules": [{"id": c} for c in codes]}},
                      "results": results}],
        }
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sample_value(name: str, spec: VarSpec) -> Any:
    kind = spec.type
    if kind == "object":
        fields = set(spec.required) | set(spec.fields)
        return {f: _sample_value(f, spec.fields[f]) if f in spec.fields else
                _sample_string(f) for f in sorted(fields)}
    if kind == "date":
        return "2026-03-14"
    if kind == "number":
        return 39.99
    if kind == "integer":
        return 2
    if kind == "boolean":
        return True
    if kind == "list":
        return [_sample_string(name) + " (1)", _sample_string(name) + " (2)"]
    return _sample_string(name)


def _sample_string(name: str) -> str:
    if any(part in name for part in ("id", "number", "tracking", "reference")):
        return "A-1042"
    if "date" in name or name.endswith("_by"):
        return "14 March"
    return f"the {name.replace('_', ' ')} of order A-1042"


def _example_context(pack: Pack, spec: TemplateSpec, language: str) -> dict[str, Any]:
    example = spec.examples.get(language) or spec.examples.get(
        pack.manifest.pack.default_locale)
    if example is not None:
        return dict(example)
    return {name: _sample_value(name, var) for name, var in spec.context.items()
            if not var.optional}


def _line_of(source: str, needle: str) -> int | None:
    needle = needle.strip()
    if not needle:
        return None
    index = source.find(needle)
    if index == -1:
        return None
    return source.count("\n", 0, index) + 1


def _locate(message: Message, start: int, end: int, sources: Mapping[str, str],
            default: str) -> tuple[str, int | None]:
    """The template file and line a finding at ``[start, end)`` of the text came from."""
    spans = [s for s in message.trace.spans if s.start <= start < s.end or
             (start == end and s.start <= start <= s.end and s.end > s.start)]
    if spans:
        span = min(spans, key=lambda s: s.end - s.start)
        return span.template or default, span.line
    text = message.text
    # Static text: look for the flagged words (or, for a missing element, the line it
    # belongs to) in the template source.
    if end > start:
        candidates = [text[start:end]]
    else:
        line_start = text.rfind("\n", 0, max(start - 1, 0)) + 1
        line_end = text.find("\n", start)
        candidates = [text[line_start:line_end if line_end != -1 else len(text)]]
    source = sources.get(default, "")
    for candidate in candidates:
        for piece in [candidate, *sorted(re.split(r"[\n{}]", candidate), key=len,
                                         reverse=True)[:3]]:
            line = _line_of(source, piece)
            if line is not None and len(piece.strip()) > 2:
                return default, line
    # Fall back: count lines from the nearest expression before the finding.
    before = [s for s in message.trace.spans if s.end <= start and s.template == default]
    if before:
        last = max(before, key=lambda s: s.end)
        if last.line is not None:
            return default, last.line + text.count("\n", last.end, start)
    return default, text.count("\n", 0, start) + 1


def _variables(pack: Pack, names: list[str]) -> Iterator[LintIssue]:
    from jinja2 import TemplateSyntaxError, meta

    env = pack.environment
    used: dict[str, set[str]] = {}
    for name in names:
        match = _FILE.match(name)
        if match is None:
            if not Path(name).name.startswith("_"):
                yield LintIssue("pack/unknown-file", Severity.INFO, name, None,
                                "file name does not follow <locale>/<template>.<channel>"
                                "[.subject].txt|.html (partials start with '_')")
            continue
        template_id = match["id"]
        if template_id not in pack.templates:
            yield LintIssue("pack/undeclared-template", Severity.WARNING, name, None,
                            f"no [templates.{template_id}] in pack.toml for this file")
            continue
        if match["locale"] not in pack.manifest.pack.locales and \
                match["locale"] != pack.manifest.pack.default_locale:
            yield LintIssue("pack/undeclared-locale", Severity.WARNING, name, None,
                            f"locale {match['locale']!r} is not listed in pack.locales")
        source = (pack.root / name).read_text("utf-8-sig")
        try:
            found = meta.find_undeclared_variables(env.parse(source))
        except TemplateSyntaxError as exc:
            yield LintIssue("pack/syntax", Severity.ERROR, name, exc.lineno, exc.message or "")
            continue
        spec = pack.templates[template_id]
        declared = set(spec.context) | BUILTIN_VARIABLES | set(env.globals)
        used.setdefault(template_id, set()).update(found)
        for variable in sorted(found - declared):
            yield LintIssue("pack/undeclared-variable", Severity.ERROR, name,
                            _line_of(source, variable), f"{variable!r} is used but not "
                            f"declared in [templates.{template_id}.context]",
                            template=template_id)
    for template_id, spec in pack.templates.items():
        for variable in sorted(set(spec.context) - used.get(template_id, set())):
            yield LintIssue("pack/unused-variable", Severity.WARNING, "pack.toml",
                            None, f"[templates.{template_id}.context] declares {variable!r}, "
                            "but no file of the template uses it", template=template_id)


def _renders(pack: Pack, fail_on: Severity) -> Iterator[LintIssue | None]:
    from courtesy.profiles import Channel

    info = pack.manifest.pack
    locales = list(dict.fromkeys([info.default_locale, *info.locales]))
    for template_id, spec in sorted(pack.templates.items()):
        channels: list[Channel | None] = list(spec.channels) or [None]
        for locale in locales:
            language = locale.split("-")[0]
            found = None
            for channel in channels:
                try:
                    found = pack.template_path(template_id, locale, channel, fallback=False)
                except CourtesyError:
                    continue
                break
            if found is None:
                yield LintIssue("pack/missing-locale", Severity.WARNING, "pack.toml", None,
                                f"template {template_id!r} has no {locale} file; {locale} "
                                "customers get the default locale", template=template_id,
                                locale=locale)
                continue
            context = _example_context(pack, spec, language)
            situation = context.pop("situation", None)
            customers = SAMPLE_CUSTOMERS.get(language) or tuple(
                {**c, "locale": locale} for c in SAMPLE_CUSTOMERS["en"])
            for channel in channels:
                for sample in customers:
                    yield from _render_one(pack, template_id, sample, situation=situation,
                                           channel=channel, context=context, fail_on=fail_on)


def _render_one(pack: Pack, template_id: str, customer: dict[str, Any], *,
                situation: Any, channel: Any, context: dict[str, Any],
                fail_on: Severity) -> Iterator[LintIssue | None]:
    who = str(customer["name"].get("given", "")) + " " + str(customer["name"].get("family", ""))
    who = who.strip() + f" ({customer['locale']})"
    chan = str(channel) if channel else None
    try:
        message = pack.render(template_id, customer, situation, channel=channel,
                              strict=False, fail_on=fail_on, **context)
    except CourtesyError as exc:
        file = getattr(exc, "template", None) or getattr(exc, "file", None) or "pack.toml"
        yield LintIssue("pack/render-error", Severity.ERROR, _relative(pack, str(file)),
                        getattr(exc, "line", None), str(exc), template=template_id,
                        channel=chan, customer=who)
        return
    yield None  # one render done
    sources: dict[str, str] = {}
    with contextlib.suppress(OSError):
        sources[message.template] = (pack.root / message.template).read_text("utf-8-sig")
    for note in message.notes:
        if "part" in note:
            yield LintIssue("pack/parts", Severity.WARNING, message.template, None, note,
                            template=template_id, channel=chan, customer=who)
    for finding in message.report.findings:
        file, line = _locate(message, finding.start, finding.end, sources, message.template)
        yield LintIssue(finding.rule, finding.severity, _relative(pack, file), line,
                        f"{finding.name}: {finding.message}", template=template_id,
                        channel=chan, customer=who)


def _relative(pack: Pack, file: str) -> str:
    path = Path(file)
    if path.is_absolute() and path.is_relative_to(pack.root):
        return path.relative_to(pack.root).as_posix()
    return file


def lint_pack(path: str | Path, *, fail_on: Severity = Severity.ERROR) -> LintResult:
    """Lint the pack in directory ``path``; a broken manifest is one issue, not a crash."""
    from courtesy.packs import Pack

    try:
        pack = Pack.load(path)
    except PackError as exc:
        return LintResult(str(path), (LintIssue("pack/manifest", Severity.ERROR,
                                                exc.file or str(path), exc.line,
                                                exc.detail),), 0)
    names = [n for n in pack.environment.loader.list_templates()  # type: ignore[union-attr]
             if not n.startswith(".")]
    issues: list[LintIssue] = list(_variables(pack, names))
    renders = 0
    seen: set[tuple[str, str, int | None, str]] = set()
    for item in _renders(pack, fail_on):
        if item is None:
            renders += 1
            continue
        # The same finding for several customers is one issue (first customer shown).
        key = (item.code, item.file, item.line, item.channel or "")
        if key in seen and item.code.startswith(("pack/render", "pack/parts")) is False:
            continue
        seen.add(key)
        issues.append(item)
    issues.sort(key=lambda i: (i.file, i.line or 0, i.code))
    return LintResult(pack.name, tuple(issues), renders)
