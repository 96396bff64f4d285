"""check() on the seed articles' own examples, and on courteous replies."""

from __future__ import annotations

import pytest

from courtesy import Customer, ProfileError, Severity, Situation, check

SEED_REPLY = (
    "Dear Mr N.Owenn,\n\n"
    "We take your complaint very seriously.\n\n"
    "Customer Services"
)
COURTEOUS = (
    "Dear Mr Owen,\n\n"
    "I'm sorry: your parcel A-1042 is a week late because we sent it to the wrong depot, "
    "and that's our mistake. I've re-sent it by express and it will reach you on Thursday; "
    "the tracking number is JD0012345678. I've also refunded the delivery charge.\n\n"
    "Thank you for your patience, and just reply to this email if anything else goes wrong.\n\n"
    "Priya, Customer Care"
)


def _spans(text: str, report_findings: object) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in report_findings:  # type: ignore[attr-defined]
        out.setdefault(f.rule, []).append(text[f.start:f.end])
    return out


def test_the_seed_reply_fails_with_the_right_findings_and_spans(
    nick: Customer, late_parcel: Situation
) -> None:
    report = check(SEED_REPLY, customer=nick, situation=late_parcel)
    assert not report.passed
    spans = _spans(SEED_REPLY, report.findings)
    assert spans["NM001"] == ["Owenn"]
    assert spans["NM004"] == ["N."]
    assert spans["TN002"] == ["We take your complaint very seriously"]
    for missing in ("EL001", "EL002", "EL003"):
        assert missing in spans
    suggestions = {f.rule: f.suggestion for f in report.findings}
    assert suggestions["NM001"] == "Owen"
    assert report.elements == {"apology": (), "thanks": (), "next_steps": (),
                               "restitution": ()}


def test_a_courteous_reply_passes_and_its_elements_are_located(
    nick: Customer, late_parcel: Situation
) -> None:
    report = check(COURTEOUS, customer=nick, situation=late_parcel)
    assert report.passed, report.render_text()
    assert report.findings == ()
    apology = [s.text(COURTEOUS) for s in report.elements["apology"]]
    assert apology[0] == "I'm sorry"
    assert "that's our mistake" in apology
    assert [s.text(COURTEOUS) for s in report.elements["thanks"]] == ["Thank you"]
    steps = [s.text(COURTEOUS) for s in report.elements["next_steps"]]
    assert any(s.startswith("I've re-sent it by express") for s in steps)


def test_without_profiles_only_text_checks_run() -> None:
    report = check("Dear {{ first_name }}, we're sorry if you feel let down.")
    assert {f.rule for f in report.findings} == {"SL002", "TN001"}
    assert check("Hi Ana, the blue kettle is back in stock.").passed


def test_dear_sir_or_madam_only_matters_when_we_know_the_name(nick: Customer) -> None:
    text = "Dear Sir or Madam,\n\nThank you for your order of the blue kettle."
    assert check(text).passed
    report = check(text, customer=nick)
    assert [f.rule for f in report.findings] == ["SL001"]
    assert report.findings[0].suggestion == "Dear Mr Owen"
    assert text[report.findings[0].start:report.findings[0].end] == "Dear Sir or Madam"


def test_a_non_apology_is_not_an_apology(nick: Customer) -> None:
    text = ("Hi Nick, we're sorry if you feel let down. Your refund will arrive by Friday. "
            "Thank you.")
    report = check(text, customer=nick, situation={"kind": "error", "our_fault": True})
    assert {"EL001", "TN001"} <= {f.rule for f in report.findings}
    assert report.elements["apology"] == ()


@pytest.mark.parametrize(
    ("kind", "our_fault", "missing"),
    [
        ("complaint", True, {"EL001", "EL002", "EL003"}),
        ("complaint", False, {"EL002", "EL003"}),
        ("inquiry", False, {"EL002", "EL003"}),
        ("thanks", False, {"EL002"}),
        ("follow_up", False, {"EL002", "EL003"}),
        ("announcement", False, set()),
    ],
)
def test_required_elements_follow_the_design_table(kind: str, our_fault: bool,
                                                   missing: set[str]) -> None:
    text = "Hello. The shop in Leeds is closed on the 14th for a stock count."
    report = check(text, situation={"kind": kind, "our_fault": our_fault})
    assert {f.rule for f in report.findings if f.rule.startswith("EL")} == missing


def test_fail_on_and_select_and_ignore(nick: Customer) -> None:
    text = "Hi Nick, we take your complaint very seriously. Thank you."
    assert check(text).passed  # TN002 is a warning
    assert not check(text, fail_on="warning").passed
    assert check(text, ignore=["TN"], fail_on="warning").passed
    assert [f.rule for f in check(text, select=["TN002"]).findings] == ["TN002"]
    assert check(text, fail_on=Severity.WARNING).fail_on is Severity.WARNING


def test_bad_arguments_name_the_field() -> None:
    with pytest.raises(ProfileError, match="channel"):
        check("Hi", channel="pigeon")
    with pytest.raises(ProfileError, match="select"):
        check("Hi", select=["XX999"])
    with pytest.raises(ProfileError, match=r"customer: name"):
        check("Hi", customer={"name": {}})
    with pytest.raises(TypeError, match="str"):
        check(b"Hi")  # type: ignore[arg-type]
    with pytest.raises(ProfileError, match="at most"):
        check("x" * 1_000_001)


def test_offsets_are_code_points_in_non_ascii_text() -> None:
    customer = {"name": {"given": "Zoë", "family": "Ní Bhriain"}, "formality": "informal"}
    text = "Hi Zoe 👋, thanks — we’re sorry if you felt let down by the café’s delay."
    report = check(text, customer=customer)
    found = {f.rule: text[f.start:f.end] for f in report.findings}
    assert found["NM001"] == "Zoe"
    assert found["TN001"] == "we’re sorry if you felt let down"


def test_report_to_dict_is_the_documented_json(nick: Customer, late_parcel: Situation) -> None:
    data = check(SEED_REPLY, customer=nick, situation=late_parcel).to_dict()
    assert data["schema_version"] == 1
    assert set(data) == {"schema_version", "passed", "fail_on", "findings", "elements",
                         "personalization", "tone", "notes", "suppressed",
                         "suppression_problems"}
    finding = data["findings"][0]
    assert set(finding) == {"rule", "name", "category", "severity", "start", "end",
                            "message", "suggestion"}
    assert set(data["elements"]) == {"apology", "thanks", "next_steps", "restitution"}


def test_text_output_cuts_long_lines_and_long_spans_to_a_snippet() -> None:
    body = ("We take your complaint very seriously. Your parcel was delayed by the courier, "
            "which is outside our control. We apologise for any inconvenience caused.")
    report = check(body, situation={"kind": "complaint", "our_fault": True})
    lines = report.render_text(source="reply").splitlines()
    low = lines.index(next(line for line in lines if " TN005 " in line))
    snippet, underline = lines[low + 1], lines[low + 2]
    assert snippet == "    " + body[:100] + "…"
    assert underline == "    " + "~" * 100  # the span runs on past the snippet
    outside = lines.index(next(line for line in lines if "outside our control" in line
                               and " BL001 " in line))
    start = body.index("outside our control")
    assert lines[outside + 1].startswith("    …")  # cut before the span, which shows whole
    assert lines[outside + 2].strip() == "~" * len("outside our control")
    assert lines[outside + 1].index("outside") == lines[outside + 2].index("~")
    assert start > 20


@pytest.mark.parametrize(("text", "spans"), [
    # one promise told in two phrases of the lexicon is one finding
    ("Ich verspreche Ihnen, dass so etwas nie wieder vorkommt.",
     ["Ich verspreche Ihnen, dass so etwas nie wieder vorkommt"]),
    ("Sorry if you feel that way, sorry if you were upset.",
     ["Sorry if you feel that way, sorry if you were upset"]),
    # across a sentence end they stay two
    ("We guarantee it. This will never happen again.",
     ["We guarantee it", "This will never happen again"]),
])
def test_phrases_of_one_rule_side_by_side_make_one_finding(text: str, spans: list[str]) -> None:
    rule = "TN001" if text.startswith("Sorry") else "PR001"
    assert [text[f.start:f.end] for f in check(text).findings if f.rule == rule] == spans
