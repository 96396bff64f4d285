"""The response-time policy: defaults, overrides, validation, and the lateness note."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from courtesy import check
from courtesy.rules.policy import DEFAULT_POLICY, ResponsePolicy, active_policy, format_duration

GREETING = "Hi Nick, your parcel left our warehouse this morning and arrives Monday. Thanks."
ACKNOWLEDGED = "Hi Nick, sorry for the slow reply. Your parcel arrives Monday. Thanks."


def _situation(severity: str, waited_hours: float, **extra: object) -> dict[str, object]:
    sent = "2026-03-13T10:00:00+00:00"
    from datetime import datetime
    received = datetime.fromisoformat(sent) - timedelta(hours=waited_hours)
    return {"kind": "delay", "our_fault": True, "severity": severity,
            "received_at": received.isoformat(), "sent_at": sent, **extra}


def test_documented_defaults() -> None:
    assert DEFAULT_POLICY.response == {
        "critical": timedelta(hours=1), "high": timedelta(hours=4),
        "medium": timedelta(hours=24), "low": timedelta(hours=72),
    }
    assert DEFAULT_POLICY.promise["critical"] == timedelta(days=2)
    assert DEFAULT_POLICY.restitution_from == "high"
    assert active_policy() is DEFAULT_POLICY


@pytest.mark.parametrize(("severity", "hours", "late"), [
    ("critical", 0.9, False), ("critical", 1.5, True),
    ("high", 3.5, False), ("high", 5, True),
    ("medium", 23, False), ("medium", 25, True),
    ("low", 71, False), ("low", 73, True),
])
def test_the_bigger_the_grievance_the_sooner_a_reply_is_late(severity: str, hours: float,
                                                            late: bool) -> None:
    report = check(GREETING, situation=_situation(severity, hours), select=["TM001"])
    assert bool(report.findings) == late
    assert bool(report.notes) == late


def test_note_states_how_late() -> None:
    report = check(GREETING, situation=_situation("high", 74), select=["TM001"])
    assert report.notes == ("reply sent 3 days 2 hours after the customer wrote; the "
                            "high-severity target is 4 hours, so it is 2 days 22 hours late",)
    assert report.to_dict()["notes"] == list(report.notes)
    assert "note: reply sent 3 days 2 hours" in report.render_text()
    finding = report.findings[0]
    assert finding.rule == "TM001"
    assert finding.start == finding.end == 9
    assert "3 days 2 hours" in finding.message
    assert finding.suggestion is not None


def test_acknowledged_wait_passes_but_is_still_noted() -> None:
    report = check(ACKNOWLEDGED, situation=_situation("high", 74), select=["TM001"])
    assert report.findings == ()
    assert report.notes
    assert "late" in report.notes[0]


def test_policy_override() -> None:
    relaxed = ResponsePolicy(response={"critical": timedelta(hours=2),
                                       "high": timedelta(days=4),
                                       "medium": timedelta(days=5), "low": timedelta(days=7)})
    situation = _situation("high", 74)
    assert check(GREETING, situation=situation, select=["TM001"]).findings
    report = check(GREETING, situation=situation, select=["TM001"], policy=relaxed)
    assert report.findings == ()
    assert report.notes == ()
    assert active_policy() is DEFAULT_POLICY  # reset after the check


def test_repeat_contact_raises_the_severity() -> None:
    once = _situation("medium", 5, repeat_contact=1)
    twice = _situation("medium", 5, repeat_contact=2)
    assert not check(GREETING, situation=once, select=["TM001"]).findings
    report = check(GREETING, situation=twice, select=["TM001"])
    assert report.findings
    assert "high-severity target is 4 hours" in report.notes[0]
    never = ResponsePolicy(escalate_after=0)
    assert not check(GREETING, situation=twice, select=["TM001"], policy=never).findings


@pytest.mark.parametrize(("kwargs", "needle"), [
    ({"response": {"high": timedelta(hours=1)}}, "missing low, medium, critical"),
    ({"response": {**DEFAULT_POLICY.response, "urgent": timedelta(hours=1)}}, "unknown 'urgent'"),
    ({"promise": {**DEFAULT_POLICY.promise, "low": timedelta(0)}}, "positive timedelta"),
    ({"response": {**DEFAULT_POLICY.response, "critical": timedelta(days=9)}},
     "shorter than a more severe target"),
    ({"restitution_from": "severe"}, "restitution_from must be one of"),
    ({"vague_from": "urgent"}, "vague_from must be one of"),
    ({"escalate_after": -1}, "escalate_after must be an int >= 0"),
])
def test_invalid_policies_say_what_is_wrong(kwargs: dict[str, object], needle: str) -> None:
    with pytest.raises(ValueError, match=needle):
        ResponsePolicy(**kwargs)  # type: ignore[arg-type]


def test_policy_is_frozen_and_check_refuses_other_types() -> None:
    with pytest.raises(AttributeError):
        DEFAULT_POLICY.vague_from = None  # type: ignore[misc]
    with pytest.raises(TypeError):
        DEFAULT_POLICY.response["low"] = timedelta(1)  # type: ignore[index]
    with pytest.raises(TypeError, match="policy must be a ResponsePolicy"):
        check("Hi", policy={"response": {}})  # type: ignore[arg-type]


def test_policies_do_not_leak_between_threads() -> None:
    strict = ResponsePolicy(response={k: timedelta(minutes=1) for k in DEFAULT_POLICY.response})
    situation = _situation("low", 2)
    results: dict[str, set[bool]] = {"strict": set(), "default": set()}

    def run(name: str, policy: ResponsePolicy | None) -> None:
        for _ in range(50):
            report = check(GREETING, situation=situation, select=["TM001"], policy=policy)
            results[name].add(bool(report.findings))

    threads = [threading.Thread(target=run, args=("strict", strict)),
               threading.Thread(target=run, args=("default", None))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {"strict": {True}, "default": {False}}


@pytest.mark.parametrize(("delta", "text"), [
    (timedelta(seconds=30), "less than a minute"),
    (timedelta(minutes=1), "1 minute"),
    (timedelta(hours=4), "4 hours"),
    (timedelta(days=1, minutes=5), "1 day 5 minutes"),
    (timedelta(days=3, hours=2, minutes=7), "3 days 2 hours"),
])
def test_format_duration(delta: timedelta, text: str) -> None:
    assert format_duration(delta) == text
