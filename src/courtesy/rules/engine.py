"""The engine: one lexicon pass over the text, then every selected rule over the result."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from courtesy.rules import registry
from courtesy.rules.context import CheckContext
from courtesy.rules.lexicon import (
    Matcher,
    compile_matcher,
    load_lexicons,
    load_markers,
    normalize,
)
from courtesy.rules.model import FACTS, Existence, Finding, Hit, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from courtesy.profiles import Channel, Customer, Situation
    from courtesy.trace import RenderTrace

__all__ = ["facts_of", "matcher", "run", "select_rules"]


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    """The compiled matcher over every shipped lexicon, built once per process."""
    return compile_matcher(load_lexicons(), load_markers())


@lru_cache(maxsize=128)
def select_rules(
    select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = ()
) -> tuple[Rule, ...]:
    """Active rules, narrowed to ``select`` and without ``ignore`` (codes, families, names)."""
    rules = registry.all_rules()
    if select is not None:
        chosen = registry.resolve(select)
        rules = tuple(r for r in rules if r.code in chosen)
    if ignore:
        dropped = registry.resolve(ignore)
        rules = tuple(r for r in rules if r.code not in dropped)
    return rules


@lru_cache(maxsize=128)
def _facts(*flags: bool) -> frozenset[str]:
    return frozenset(name for name, flag in zip(FACTS, flags, strict=True) if flag)


def facts_of(
    customer: Customer | None, situation: Situation | None, channel: Channel | None,
) -> frozenset[str]:
    """The :data:`~courtesy.rules.model.FACTS` a check has: what rules may need."""
    return _facts(  # in the order of FACTS
        customer is not None,
        customer is not None and bool(customer.history),
        situation is not None,
        situation is not None and situation.has_timing_facts,
        situation is not None and bool(situation.deadline_missed),
        channel is not None and channel.value == "sms",
        channel is not None and channel.value == "public",
    )


def run(
    text: str,
    *,
    rules: Iterable[Rule],
    customer: Customer | None = None,
    situation: Situation | None = None,
    channel: Channel | None = None,
    trace: RenderTrace | None = None,
    severities: Mapping[str, Severity] | None = None,
) -> tuple[list[Finding], CheckContext]:
    """Scan ``text`` once and apply ``rules``; findings come back sorted by position."""
    compiled = matcher()
    have = facts_of(customer, situation, channel)
    norm = normalize(text)
    found, present = compiled.match(text, norm)
    ctx = CheckContext(text, found, compiled, customer, situation, channel, trace, norm)
    ctx._cache["triggers"] = present
    findings: list[Finding] = []
    analyses: dict[Callable[[CheckContext], Mapping[str, Sequence[Hit]]],
                   Mapping[str, Sequence[Hit]]] = {}
    lazy = compiled.lazy_topics
    found = ctx.found
    for rule in rules:
        severity = severities.get(rule.code, rule.severity) if severities else rule.severity
        kind = rule.kind
        if isinstance(kind, Existence):
            topic = kind.topic
            if topic not in found and topic not in lazy:
                continue  # the common case: the phrase is not in the text
            if kind.when is not None and not kind.when(ctx):
                continue
            for start, end in ctx.spans(topic):
                findings.append(Finding(
                    rule=rule.code, name=rule.name, category=rule.category, severity=severity,
                    start=start, end=end, message=kind.message.format(match=text[start:end]),
                    suggestion=rule.suggestion,
                ))
            continue
        if kind.needs and not kind.needs <= have:
            continue  # e.g. a timing rule for a situation without timing facts
        analysis = kind.analysis
        if analysis is not None:  # one analysis for several rules, run once
            result = analyses.get(analysis)
            if result is None:
                result = analyses[analysis] = analysis(ctx)
            hits: Iterable[Hit] = result.get(kind.key, ())
        else:
            hits = kind.check(ctx)
        for hit in hits:
            findings.append(Finding(
                rule=rule.code, name=rule.name, category=rule.category, severity=severity,
                start=hit.start, end=hit.end, message=hit.message,
                suggestion=hit.suggestion if hit.suggestion is not None else rule.suggestion,
            ))
    if len(findings) > 1:
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings, ctx
