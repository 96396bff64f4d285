"""Inline suppressions in messages and templates: reasons required, unused ones reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import courtesy
from courtesy.cli import main
from courtesy.suppression import parse_template, parse_text

BOILERPLATE = "we take your complaint very seriously"
CUSTOMER = {"name": {"given": "Nick", "family": "Owen", "title": "Mr"}}


def _rules(report: courtesy.Report) -> set[str]:
    return {f.rule for f in report.findings}


def test_a_suppression_with_a_reason_silences_the_rule_for_the_message() -> None:
    text = (f"Dear Nick, {BOILERPLATE}.\n"
            '<!-- courtesy: ignore[TN002] reason="legal wording required by our regulator" -->')
    assert "TN002" in _rules(courtesy.check(text.split("\n", 1)[0]))
    report = courtesy.check(text)
    assert "TN002" not in _rules(report)
    [silenced] = report.suppressed
    assert silenced.finding.rule == "TN002"
    assert text[silenced.finding.start:silenced.finding.end] == BOILERPLATE
    assert silenced.suppression.reason == "legal wording required by our regulator"
    assert report.suppression_problems == ()
    assert report.passed


def test_a_suppression_without_a_reason_does_not_apply_and_fails() -> None:
    text = f"Dear Nick, {BOILERPLATE}. <!-- courtesy: ignore[TN002] -->"
    report = courtesy.check(text)
    assert "TN002" in _rules(report)
    [problem] = report.suppression_problems
    assert problem.kind == "missing-reason"
    assert str(problem.severity) == "error"
    assert text[problem.start:problem.end] == "<!-- courtesy: ignore[TN002] -->"
    assert not report.passed
    assert 'reason="why' in report.render_text()
    data = report.to_dict()
    assert data["passed"] is False
    assert data["suppression_problems"][0]["kind"] == "missing-reason"


@pytest.mark.parametrize("reason", ['reason=""', "reason=", "reason='  '"])
def test_an_empty_reason_is_no_reason(reason: str) -> None:
    report = courtesy.check(f"Dear Nick, {BOILERPLATE}. <!-- courtesy: ignore[TN002] {reason} -->")
    assert [p.kind for p in report.suppression_problems] == ["missing-reason"]


def test_unused_suppressions_are_reported_per_rule_as_warnings() -> None:
    text = (f"Dear Nick, {BOILERPLATE}. Thank you.\n"
            "<!-- courtesy: ignore[TN002, PR001] reason='wording approved by legal' -->")
    report = courtesy.check(text)
    assert "TN002" not in _rules(report)
    [unused] = report.suppression_problems
    assert (unused.kind, str(unused.severity)) == ("unused", "warning")
    assert "PR001" in unused.message
    assert report.passed  # a warning, below the default fail level
    assert report.fails("warning")
    out = report.render_text(source="reply.txt")
    assert "reply.txt:2:1: warning suppression unused: no PR001 finding" in out


def test_line_scopes_cover_only_their_line() -> None:
    text = (f"Dear Nick, {BOILERPLATE}.\n"
            '<!-- courtesy: ignore-next-line[TN002] reason="quoted from the complaint" -->\n'
            f"You wrote: {BOILERPLATE}.\n"
            f"And {BOILERPLATE}. <!-- courtesy: ignore-line[TN002] reason='legal' -->")
    report = courtesy.check(text)
    remaining = [f for f in report.findings if f.rule == "TN002"]
    assert [text.count("\n", 0, f.start) + 1 for f in remaining] == [1]
    assert sorted(text.count("\n", 0, s.finding.start) + 1 for s in report.suppressed) == [3, 4]
    assert report.suppression_problems == ()


def test_families_and_names_work_in_brackets() -> None:
    text = (f"Dear Nick, {BOILERPLATE}. "
            "<!-- courtesy: ignore[defensive-boilerplate] reason='legal' -->")
    assert "TN002" not in _rules(courtesy.check(text))
    text = f"Dear Nick, {BOILERPLATE}. <!-- courtesy: ignore[TN] reason='legal' -->"
    assert not [f for f in courtesy.check(text).findings if f.rule.startswith("TN")]


@pytest.mark.parametrize(
    ("comment", "kind"),
    [
        ("<!-- courtesy: ignore[TN999] reason='x' -->", "unknown-rule"),
        ("<!-- courtesy: ignroe[TN002] reason='x' -->", "malformed"),
        ("<!-- courtesy: ignore reason='everything' -->", "malformed"),
        ("<!-- courtesy: ignore[] reason='x' -->", "malformed"),
    ],
)
def test_bad_comments_are_errors(comment: str, kind: str) -> None:
    report = courtesy.check(f"Dear Nick, thank you. {comment}")
    assert [p.kind for p in report.suppression_problems] == [kind]
    assert not report.passed


def test_the_reason_text_is_not_checked_as_message_text() -> None:
    text = ("Dear Nick, thank you for writing. "
            "<!-- courtesy: ignore[TN002] reason='we take your complaint very seriously' -->")
    report = courtesy.check(text)
    assert "TN002" not in _rules(report)
    assert report.suppressed == ()
    assert [p.kind for p in report.suppression_problems] == ["unused"]


def test_texts_without_the_marker_are_not_parsed() -> None:
    assert parse_text("Dear Nick, <!-- an ordinary comment --> thank you.") == ((), ())


# -- templates ------------------------------------------------------------------------------

TEMPLATE = (
    "{# courtesy: ignore[TN002] reason=\"legal wording required\" #}\n"
    "Dear {{ customer.name.given }}, " + BOILERPLATE + " about order {{ order.id }}. "
    "Thank you for writing; I will call you on Friday."
)


def test_template_comments_suppress_even_though_jinja_drops_them() -> None:
    message = courtesy.render(TEMPLATE, CUSTOMER, strict=False, template_name="reply.txt",
                              order={"id": "A-1042"})
    assert "courtesy:" not in message.text
    assert "TN002" not in _rules(message.report)
    [silenced] = message.report.suppressed
    assert silenced.suppression.origin == "reply.txt"
    assert silenced.suppression.line == 1


def test_template_suppression_without_reason_names_template_and_line() -> None:
    source = TEMPLATE.replace(' reason="legal wording required"', "")
    message = courtesy.render(source, CUSTOMER, strict=False, template_name="reply.txt",
                              order={"id": "A-1042"})
    assert "TN002" in _rules(message.report)
    [problem] = message.report.suppression_problems
    assert (problem.kind, problem.origin, problem.line) == ("missing-reason", "reply.txt", 1)
    assert "reply.txt:1: error suppression missing-reason" in message.report.render_text()
    with pytest.raises(courtesy.DiscourteousMessage):
        courtesy.render(source.replace(BOILERPLATE, "we are looking into it"), CUSTOMER,
                        template_name="reply.txt", order={"id": "A-1042"})


def test_line_scopes_are_refused_in_templates() -> None:
    found, problems = parse_template("{# courtesy: ignore-line[TN002] reason='x' #}Hi", "t.txt")
    assert found == ()
    assert [p.kind for p in problems] == ["unsupported-scope"]


def test_cli_shows_suppressions_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    reply = tmp_path / "reply.html"
    reply.write_text(f"<p>Dear Nick, {BOILERPLATE}.</p><!-- courtesy: ignore[TN002] -->\n",
                     encoding="utf-8")
    assert main(["check", str(reply), "--no-config"]) == 1
    assert "error suppression missing-reason" in capsys.readouterr().out
    assert main(["check", str(reply), "--no-config", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["suppression_problems"][0]["kind"] == "missing-reason"
    assert main(["check", str(reply), "--no-config", "--format", "sarif"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    notes = sarif["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
    assert [n["descriptor"]["id"] for n in notes] == ["suppression/missing-reason"]
