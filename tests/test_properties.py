"""Properties of check(): never crashes, spans in bounds, deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courtesy import Customer, check

# Text that looks like replies often enough to exercise the rules: real phrases, names,
# placeholders, punctuation, non-Latin scripts and private-use/odd code points.
_FRAGMENTS = st.sampled_from([
    "Dear Mr N.Owenn,", "Hi Zoë", "we're sorry if you feel", "Thank you", "I'm sorry",
    "{{ first_name }}", "[NAME]", "*|FNAME|*", "by Friday", "within 3 working days",
    "tracking JD0012345678", "Please do not reply to this email.", "outside our control",
    "Sehr geehrte Frau Müller,", "Lo siento", "佐藤様", "\n", ". ", "İ", "ß", "\ue000",
    "Mcdonald", "O'Brien", "van der Berg", "100% guaranteed", "noreply@shop.example",
])
_TEXT = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=20)), max_size=25).map("".join)

_CUSTOMERS = st.sampled_from([
    None,
    Customer.model_validate({"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}),
    Customer.model_validate({"name": {"given": "Zoë", "family": "van der Berg"},
                             "locale": "nl-NL"}),
    Customer.model_validate({"name": "Sato Kenji", "locale": "ja-JP"}),
    Customer.model_validate({"name": {"given": "Cher"}}),
])
_SITUATIONS = st.sampled_from([None, {"kind": "complaint", "our_fault": True},
                               {"kind": "inquiry"}, {"kind": "announcement"}])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=_TEXT, customer=_CUSTOMERS, situation=_SITUATIONS)
def test_check_never_raises_and_spans_are_in_bounds(
    text: str, customer: Customer | None, situation: dict[str, object] | None
) -> None:
    report = check(text, customer=customer, situation=situation)
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.message
    for spans in report.elements.values():
        for span in spans:
            assert 0 <= span.start < span.end <= len(text)
    assert list(report.findings) == sorted(report.findings, key=lambda f: (f.start, f.end,
                                                                            f.rule))


@settings(max_examples=100, deadline=None)
@given(text=_TEXT, customer=_CUSTOMERS, situation=_SITUATIONS)
def test_check_is_deterministic(
    text: str, customer: Customer | None, situation: dict[str, object] | None
) -> None:
    first = check(text, customer=customer, situation=situation).to_dict()
    second = check(text, customer=customer, situation=situation).to_dict()
    assert first == second


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_string_at_all(text: str) -> None:
    report = check(text, customer={"name": "Nick Owen"}, situation={"kind": "delay"})
    assert all(0 <= f.start <= f.end <= len(text) for f in report.findings)
