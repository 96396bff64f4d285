"""The rule reference, generated from the registry: ``courtesy rules`` and ``docs/rules/``.

Regenerate the committed pages with ``python -m courtesy.rules.docs docs/rules``; a test
fails when they are out of date, so the reference can never drift from the code.
"""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path

from courtesy.rules import registry
from courtesy.rules.model import Existence, Rule

__all__ = ["rule_page", "rules_as_json", "rules_as_markdown", "rules_as_text", "write_pages"]

_SEEDS = {
    "000": "Five common customer relationship mistakes (Trustpilot)",
    "001": "Common mistakes in managing customer relationships",
    "002": "How companies break the bonds of trust (social media)",
    "003": "Behaviours that damage small-business customer relationships",
    "004": "Customer service blunders and how to avoid them",
}


def _context_line(rule: Rule) -> str:
    if not rule.context:
        return "Checked on the text alone."
    parts = [f"`{key}={json.dumps(value, ensure_ascii=False)}`"
             for key, value in rule.context.items()]
    return "Examples are checked with " + ", ".join(parts) + "."


def rule_page(rule: Rule) -> str:
    """One rule's reference page in Markdown."""
    kind = "phrase rule (lexicon topic `" + rule.kind.topic + "`)" \
        if isinstance(rule.kind, Existence) else "analysis rule"
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"- **Category:** {rule.category}",
        f"- **Default severity:** {rule.severity}",
        f"- **Kind:** {kind}",
        f"- **Source:** seed {rule.seed}, *{_SEEDS.get(rule.seed, 'seed article')}*",
        "",
        "## What it checks",
        "",
        _what(rule),
        "",
        "## Why",
        "",
        rule.why,
        "",
        f"> {rule.practice}",
        "",
        "## Example",
        "",
        _context_line(rule),
        "",
        "Flagged:",
        "",
        *[f"```text\n{text}\n```\n" for text in rule.bad],
        "Use instead:",
        "",
        *[f"```text\n{text}\n```\n" for text in rule.good],
    ]
    if rule.suggestion:
        lines += ["## Suggestion", "", rule.suggestion, ""]
    return "\n".join(lines).rstrip() + "\n"


def _what(rule: Rule) -> str:
    if isinstance(rule.kind, Existence):
        return (f"Flags every phrase of the `{rule.kind.topic}` lexicon (in every language "
                f"courtesy ships) wherever it occurs. "
                + rule.kind.message.replace("{match!r}", "The phrase").replace(
                    "{match}", "The phrase"))
    doc = inspect.cleandoc(rule.kind.check.__doc__ or "")
    return doc or rule.why.split(". ")[0] + "."


def rules_as_text() -> str:
    lines = []
    for rule in registry.all_rules():
        lines.append(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.category}")
        lines.append(f"       {rule.why}")
    return "\n".join(lines) + "\n"


def rules_as_json() -> str:
    data = [
        {"code": r.code, "name": r.name, "category": str(r.category),
         "severity": str(r.severity), "seed": r.seed, "why": r.why, "practice": r.practice,
         "bad": list(r.bad), "good": list(r.good)}
        for r in registry.all_rules()
    ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def rules_as_markdown() -> str:
    lines = ["# Rule reference", "",
             "Generated from courtesy's rule registry; every rule cites the seed practice it "
             "enforces. Run `courtesy rules` for the same list in a terminal.", "",
             "| code | name | category | severity | why |", "|---|---|---|---|---|"]
    for r in registry.all_rules():
        lines.append(f"| [{r.code}]({r.code}.md) | {r.name} | {r.category} | {r.severity} | "
                     f"{r.why} |")
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """File name → content of every generated page."""
    out = {"index.md": rules_as_markdown()}
    for rule in registry.all_rules():
        out[f"{rule.code}.md"] = rule_page(rule)
    return out


def write_pages(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in pages().items():
        path = folder / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintenance script
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules")
    for path in write_pages(target):
        print(path)
