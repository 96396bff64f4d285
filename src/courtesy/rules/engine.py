"""The engine: one lexicon pass over the text, then every selected rule over the result."""

from __future__ import annotations

from dataclasses import dataclass
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
from courtesy.rules.model import FACTS, Custom, Existence, Finding, Hit, Rule, Severity

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
    history = customer is not None and bool(customer.history)
    return _facts(  # in the order of FACTS
        customer is not None,
        history,
        history or (situation is not None and situation.repeat_contact > 0),
        situation is not None,
        situation is not None and situation.has_timing_facts,
        situation is not None and bool(situation.deadline_missed),
        channel is not None and channel.value == "sms",
        channel is not None and channel.value == "public",
    )


@dataclass(frozen=True, slots=True)
class _Shared:
    """The rules that take their hits from one analysis, by key (see ``Custom.analysis``)."""

    analysis: Callable[[CheckContext], Mapping[str, Sequence[Hit]]]
    needs: frozenset[str]
    rules: dict[str, Rule]


#: plans by the identity of their rules tuple (select_rules and Config.for_situation hand
#: out the same tuple for the same selection) and the facts of the check; the entry keeps
#: the tuple, and so its id
_Plan = tuple[Rule | _Shared, ...]
_PLANS: dict[tuple[int, frozenset[str]], tuple[tuple[Rule, ...], _Plan]] = {}


def _plan(rules: tuple[Rule, ...], have: frozenset[str]) -> tuple[Rule | _Shared, ...]:
    """The rules in order, with those that share an analysis (and the facts they need)
    gathered into one step where the first of them stands, less the steps whose facts the
    check does not have (a timing rule for a situation without timing facts)."""
    key = (id(rules), have)
    entry = _PLANS.get(key)
    if entry is not None and entry[0] is rules:
        return entry[1]
    plan = tuple(step for step in _make_plan(rules) if _runs(step, have))
    if len(_PLANS) >= 256:  # callers with ever-new rule tuples
        _PLANS.clear()
    _PLANS[key] = (rules, plan)
    return plan


def _runs(step: Rule | _Shared, have: frozenset[str]) -> bool:
    needs = step.needs if isinstance(step, _Shared) else getattr(step.kind, "needs", None)
    return not needs or needs <= have


def _make_plan(rules: Iterable[Rule]) -> tuple[Rule | _Shared, ...]:
    steps: list[Rule | _Shared] = []
    shared: dict[tuple[object, frozenset[str]], _Shared] = {}
    for rule in rules:
        kind = rule.kind
        if isinstance(kind, Custom) and kind.analysis is not None:
            group = shared.get((kind.analysis, kind.needs))
            if group is None:
                group = shared[kind.analysis, kind.needs] = _Shared(kind.analysis, kind.needs,
                                                                    {})
                steps.append(group)
            group.rules[kind.key] = rule
        else:
            steps.append(rule)
    return tuple(steps)


def _add(findings: list[Finding], rule: Rule, hits: Iterable[Hit],
         severities: Mapping[str, Severity] | None) -> None:
    severity = severities.get(rule.code, rule.severity) if severities else rule.severity
    for hit in hits:
        findings.append(Finding(
            rule=rule.code, name=rule.name, category=rule.category, severity=severity,
            start=hit.start, end=hit.end, message=hit.message,
            suggestion=hit.suggestion if hit.suggestion is not None else rule.suggestion,
        ))


#: what may stand between two phrases of one rule that make one finding ("Ich verspreche
#: Ihnen, | dass so etwas nie wieder vorkommt"): no sentence ends in it
_JOINING = frozenset(" \t,;:–—-")
#: topics whose matches are tokens, each its own finding ("{ANREDE} {NACHNAME}",
#: "PENDING_L2, RMA")
_TOKENS = frozenset({"placeholder", "internal-code", "macro-residue", "no-reply"})


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (in order), each run of them with only spaces or ``, ; : –`` between
    joined into one: one promise told in two phrases is one finding."""
    if len(spans) < 2:
        return spans
    out = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = out[-1]
        if start >= last_end and _JOINING.issuperset(text[last_end:start]):
            out[-1] = (last_start, max(end, last_end))
        else:
            out.append((start, end))
    return out


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
    lazy = compiled.lazy_topics
    found = ctx.found
    plan = _plan(rules, have) if isinstance(rules, tuple) else tuple(
        step for step in _make_plan(rules) if _runs(step, have))
    for step in plan:
        if isinstance(step, _Shared):  # rules fed by one analysis: run it once
            for key, hits in step.analysis(ctx).items():
                rule = step.rules.get(key)
                if rule is not None:
                    _add(findings, rule, hits, severities)
            continue
        rule = step
        kind = rule.kind
        if isinstance(kind, Existence):
            topic = kind.topic
            if topic not in found and topic not in lazy:
                continue  # the common case: the phrase is not in the text
            if kind.when is not None and not kind.when(ctx):
                continue
            severity = severities.get(rule.code, rule.severity) if severities else rule.severity
            spans = ctx.spans(topic)
            for start, end in spans if topic in _TOKENS else _joined(text, spans):
                findings.append(Finding(
                    rule=rule.code, name=rule.name, category=rule.category, severity=severity,
                    start=start, end=end, message=kind.message.format(match=text[start:end]),
                    suggestion=rule.suggestion,
                ))
            continue
        _add(findings, rule, kind.check(ctx), severities)
    if len(findings) > 1:
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings, ctx
