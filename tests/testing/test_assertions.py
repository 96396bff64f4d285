"""assert_courteous on text and on rendered messages, without pytest's plugin."""

from __future__ import annotations

import types

import pytest

import courtesy
import courtesy.testing
from courtesy.testing import MessageNotCourteous, _session, assert_courteous

NICK = {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}
LATE = {"kind": "delay", "our_fault": True}
TEMPLATE = ("{{ customer | salutation }},\n\nI'm sorry: your order {{ order }} is late, and "
            "that is our fault. It will reach you on Friday 13 March. Thank you for your "
            "patience; just reply to this email if anything else goes wrong.\n\nPriya")


def test_public_names_are_sorted_and_complete() -> None:
    public = {n for n, v in vars(courtesy.testing).items()
              if not n.startswith("_") and n != "annotations"  # from __future__
              and not isinstance(v, types.ModuleType)}
    assert courtesy.testing.__all__ == sorted(courtesy.testing.__all__, key=str.casefold)
    assert public <= set(courtesy.testing.__all__)
    for name in courtesy.testing.__all__:
        assert getattr(courtesy.testing, name).__module__ == "courtesy.testing"
    with pytest.raises(AttributeError, match="no attribute 'assert_polite'"):
        courtesy.testing.assert_polite  # noqa: B018


def test_passing_text_returns_the_report() -> None:
    report = assert_courteous(
        "Dear Mr Owen,\n\nThank you for telling us about order A-1042. I'm sorry it arrived "
        "late, and that is our fault. I have sent a replacement and it will reach you by "
        "Friday 14 March. If it does not, just reply to this email and it comes straight to "
        "me.\n\nPriya Shah, Customer Care",
        customer=NICK, situation=LATE,
    )
    assert isinstance(report, courtesy.Report)
    assert report.passed


def test_failure_carries_the_report_and_lists_only_failing_findings() -> None:
    with pytest.raises(MessageNotCourteous) as caught:
        assert_courteous("Dear Mr N.Owenn, please do not reply to this email.",
                         customer=NICK, situation=LATE, ignore=["FL"])
    text = str(caught.value)
    assert text.splitlines()[0].startswith("message is not courteous: ")
    assert "NM001 misspelt-name" in text
    assert "warning NM004" not in text  # below the threshold: counted, not listed
    assert "below 'error' not shown" in text
    assert "FL001" not in text
    assert not caught.value.report.passed
    assert isinstance(caught.value, AssertionError)


def test_rendered_message_uses_its_own_report_unless_narrowed() -> None:
    message = courtesy.render(TEMPLATE, {"name": "Nick Owen"}, LATE, order="A-1042",
                              strict=False)
    assert assert_courteous(message) is message.report
    # Narrowed: checked again with the trace, so the form-letter check stays exact.
    again = assert_courteous(message, customer={"name": "Nick Owen"}, situation=LATE,
                             ignore=["TN"])
    assert again is not message.report
    assert again.personalization == message.report.personalization


def test_fail_on_from_the_call_then_the_session() -> None:
    text = ("Dear Mr N. Owen,\n\nThank you for telling us about order A-1042. I'm sorry it "
            "arrived late, and that is our fault. I have sent a replacement and it will reach "
            "you by Friday 14 March. If it does not, just reply to this email and it comes "
            "straight to me.\n\nPriya Shah, Customer Care")
    assert_courteous(text, customer=NICK, situation=LATE)
    with pytest.raises(MessageNotCourteous, match="1 finding at or above 'warning'"):
        assert_courteous(text, customer=NICK, situation=LATE, fail_on="warning")
    previous, _session.fail_on = _session.fail_on, "warning"
    try:
        with pytest.raises(MessageNotCourteous, match="warning NM004"):
            assert_courteous(text, customer=NICK, situation=LATE)
        assert_courteous(text, customer=NICK, situation=LATE, fail_on="error")
    finally:
        _session.fail_on = previous


def test_bad_arguments_say_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="fail_on must be one of 'error', 'warning', 'info'"):
        assert_courteous("Hi", fail_on="severe")
    with pytest.raises(TypeError, match=r"needs the message text \(str\) or a courtesy.Message"):
        assert_courteous(b"Hi")  # type: ignore[arg-type]
    with pytest.raises(courtesy.ProfileError, match="familly"):
        assert_courteous("Hi", customer={"name": {"given": "Nick", "familly": "Owen"}})
