"""Every rule proves itself: its bad examples are flagged, its good ones are not."""

from __future__ import annotations

import re
from operator import attrgetter
from pathlib import Path

import pytest

from courtesy import Situation, check
from courtesy.profiles import Channel
from courtesy.rules import registry
from courtesy.rules.docs import pages
from courtesy.rules.engine import matcher
from courtesy.rules.model import Existence, Rule, Severity

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


@pytest.mark.parametrize("rule", registry.all_rules(), ids=attrgetter("code"))
def test_rule_examples(rule: Rule) -> None:
    assert len(rule.bad) >= 2, f"{rule.code} needs at least two failing examples"
    assert len(rule.good) >= 2, f"{rule.code} needs at least two passing examples"
    for text, should_flag in [(t, True) for t in rule.bad] + [(t, False) for t in rule.good]:
        hits = check(text, select=[rule.code], **rule.context).findings
        verdict = "missed" if should_flag else "wrongly flagged"
        assert bool(hits) == should_flag, f"{rule.code} {verdict} {text!r}: {hits}"
        for hit in hits:
            assert 0 <= hit.start <= hit.end <= len(text)
            assert hit.rule == rule.code
            assert hit.name == rule.name


@pytest.mark.parametrize("rule", registry.all_rules(), ids=attrgetter("code"))
def test_rule_declaration_is_complete(rule: Rule) -> None:
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name
    assert rule.seed in {"000", "001", "002", "003", "004"}
    assert len(rule.why) > 40
    assert len(rule.practice) > 20
    if isinstance(rule.kind, Existence):
        assert rule.kind.topic in matcher().topics, f"{rule.code}: no lexicon {rule.kind.topic}"


def test_codes_are_well_formed_and_never_reused() -> None:
    rules = registry.all_rules(include_removed=True)
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes))
    assert len({r.name for r in rules}) == len(rules)
    assert all(re.fullmatch(r"[A-Z]{2}\d{3}", c) for c in codes)
    families = {c[:2] for c in codes}
    assert families <= {"NM", "SL", "EL", "FL", "TN", "BL", "PR", "JG", "CT", "PV", "CH", "TM"}


def test_selectors_accept_codes_families_names_and_categories() -> None:
    assert registry.resolve(("EL001",)) == {"EL001"}
    assert "EL002" in registry.resolve(("EL",))
    assert registry.resolve(("non-apology",)) == {"TN001"}
    assert registry.resolve(("blame",)) == {"BL001", "BL002"}
    with pytest.raises(KeyError, match="XX999"):
        registry.resolve(("XX999",))


def test_generated_rule_docs_are_up_to_date() -> None:
    expected = pages()
    for name, content in expected.items():
        path = DOCS / name
        assert path.is_file(), f"docs/rules/{name} is missing: run python -m courtesy.rules.docs"
        assert path.read_text(encoding="utf-8") == content, (
            f"docs/rules/{name} is stale: run python -m courtesy.rules.docs docs/rules")
    stale = {p.name for p in DOCS.glob("*.md")} - set(expected)
    assert not stale, f"docs for rules that no longer exist: {sorted(stale)}"


def test_rules_are_not_called_without_the_facts_they_need() -> None:
    from courtesy.rules.engine import facts_of, run
    from courtesy.rules.model import Category, Custom, Hit

    calls: list[str] = []

    def timing_rule(ctx: object) -> list[Hit]:
        calls.append("called")
        return [Hit(0, 5, "late")]

    rule = Rule(code="ZZ901", name="needs-timing", category=Category.APOLOGY,
                severity=Severity.ERROR,
                kind=Custom(check=timing_rule, needs=frozenset({"timing"})),
                seed="001", practice="p", why="w", bad=(), good=())
    text = "Sorry for the slow reply."
    plain = Situation(kind="delay", our_fault=True)
    timed = Situation(kind="delay", our_fault=True,
                      received_at="2026-03-10T09:00:00+00:00",
                      sent_at="2026-03-12T09:00:00+00:00")
    assert "timing" not in facts_of(None, plain, None)
    assert run(text, rules=(rule,), situation=plain)[0] == []
    assert calls == []
    assert [f.rule for f in run(text, rules=(rule,), situation=timed)[0]] == ["ZZ901"]
    assert calls == ["called"]
    assert facts_of(None, timed, Channel.SMS) == {"situation", "timing", "sms"}


def test_needing_an_unknown_fact_is_an_error() -> None:
    from courtesy.rules.model import Custom

    with pytest.raises(ValueError, match=r"unknown facts \['weather'\]"):
        Custom(check=lambda ctx: (), needs=frozenset({"weather"}))
    assert Custom(check=lambda ctx: (), needs_customer=True).needs == {"customer"}


def test_a_shared_analysis_runs_once_per_check_and_feeds_each_rule() -> None:
    from courtesy.rules.engine import run
    from courtesy.rules.model import Category, Custom, Hit

    calls: list[str] = []

    def analysis(ctx: object) -> dict[str, list[Hit]]:
        calls.append("analysis")
        return {"a": [Hit(0, 5, "first")], "b": [Hit(6, 9, "second")]}

    def rule(code: str, key: str) -> Rule:
        def check(ctx: object) -> list[Hit]:
            return list(analysis(ctx).get(key, ()))

        return Rule(code=code, name=f"shared-{key}", category=Category.NAME,
                    severity=Severity.ERROR,
                    kind=Custom(check=check, analysis=analysis, key=key),
                    seed="002", practice="p", why="w", bad=(), good=())

    rules = (rule("ZZ902", "a"), rule("ZZ903", "b"), rule("ZZ904", "c"))
    findings, _ctx = run("Sorry for the wait.", rules=rules)
    assert [(f.rule, f.start, f.message) for f in findings] == [
        ("ZZ902", 0, "first"), ("ZZ903", 6, "second")]
    assert calls == ["analysis"]
    # any iterable of rules, and a severity given for one rule of the group
    findings, _ctx = run("Sorry for the wait.", rules=list(rules[1:]),
                         severities={"ZZ903": Severity.INFO})
    assert [(f.rule, f.severity) for f in findings] == [("ZZ903", Severity.INFO)]
    assert calls == ["analysis", "analysis"]


def test_name_rules_keep_their_own_severities_and_selection() -> None:
    customer = {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}
    text = "Dear Mrs Owenn,\n\nThank you for your patience."
    report = check(text, customer=customer, severities={"NM001": "info"})
    assert {(f.rule, f.severity) for f in report.findings} >= {
        ("NM001", Severity.INFO), ("NM005", Severity.ERROR)}
    assert [f.rule for f in check(text, customer=customer, select=["NM005"]).findings] == [
        "NM005"]


def _shared_rules() -> list[Rule]:
    from courtesy.rules.model import Custom

    return [r for r in registry.all_rules()
            if isinstance(r.kind, Custom) and r.kind.analysis is not None]


@pytest.mark.parametrize("rule", _shared_rules(), ids=attrgetter("code"))
def test_a_rule_gives_what_its_shared_analysis_gives_it(rule: Rule) -> None:
    from courtesy import Customer
    from courtesy.rules.engine import run
    from courtesy.rules.model import Custom

    kind = rule.kind
    assert isinstance(kind, Custom)
    assert kind.analysis is not None
    data = rule.context.get("customer")
    customer = Customer.model_validate(data) if data is not None else None
    for text in (*rule.bad, *rule.good):
        findings, ctx = run(text, rules=(rule,), customer=customer)
        assert [(f.start, f.end, f.message) for f in findings] == [
            (h.start, h.end, h.message) for h in kind.check(ctx)]
