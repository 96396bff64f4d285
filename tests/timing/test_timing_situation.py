"""Situation timing facts: validated, timezone-aware, errors naming the field."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from courtesy import Situation, check
from courtesy.exceptions import ProfileError
from courtesy.profiles import load_model


def test_timing_facts_parse_and_default() -> None:
    situation = load_model(Situation, {
        "kind": "delay", "received_at": "2026-03-10T09:00:00Z",
        "sent_at": "2026-03-13T10:00:00+01:00", "deadline_missed": True,
        "promised_for": "2026-03-11", "repeat_contact": 2, "timezone": "Europe/Berlin",
    })
    assert situation.received_at == datetime(2026, 3, 10, 9, tzinfo=UTC)
    assert situation.promised_for == date(2026, 3, 11)
    assert situation.repeat_contact == 2
    assert situation.has_timing_facts
    plain = Situation(kind="delay")
    assert plain.sent_at is None
    assert plain.received_at is None
    assert not plain.has_timing_facts
    assert plain.repeat_contact == 0
    assert plain.deadline_missed is False


@pytest.mark.parametrize("field", ["received_at", "sent_at", "promised_for"])
def test_naive_datetimes_are_rejected_naming_the_field(field: str) -> None:
    with pytest.raises(ProfileError) as info:
        load_model(Situation, {"kind": "delay", field: "2026-03-10T09:00:00"},
                   source="situation.json")
    assert info.value.field_path == field
    assert f"{field} must be timezone-aware" in str(info.value)
    assert "situation.json" in str(info.value)


def test_naive_python_datetime_is_rejected() -> None:
    with pytest.raises(ValidationError, match="received_at must be timezone-aware"):
        Situation(kind="delay", received_at=datetime(2026, 3, 10, 9))


@pytest.mark.parametrize(("data", "field", "needle"), [
    ({"timezone": "Europe/Londres"}, "timezone", "unknown time zone 'Europe/Londres'"),
    ({"timezone": "../etc/passwd"}, "timezone", "unknown time zone"),
    ({"repeat_contact": -1}, "repeat_contact", "greater than or equal to 0"),
    ({"repeat_contact": "often"}, "repeat_contact", "valid integer"),
    ({"deadline_missed": "maybe"}, "deadline_missed", "valid boolean"),
    ({"severity": "urgent"}, "severity", "'low', 'medium', 'high' or 'critical'"),
])
def test_invalid_timing_facts_name_the_field(data: dict[str, object], field: str,
                                             needle: str) -> None:
    with pytest.raises(ProfileError) as info:
        load_model(Situation, {"kind": "delay", **data})
    assert info.value.field_path == field
    assert needle in str(info.value)


def test_reply_cannot_precede_the_message() -> None:
    with pytest.raises(ProfileError, match="sent_at is before received_at"):
        load_model(Situation, {"kind": "delay", "received_at": "2026-03-10T09:00:00Z",
                               "sent_at": "2026-03-10T08:59:00Z"})


def test_check_validates_situation_mappings_with_timing_facts() -> None:
    with pytest.raises(ProfileError) as info:
        check("Hi", situation={"kind": "delay", "received_at": "2026-03-10 09:00"})
    assert info.value.field_path == "received_at"


def test_situation_stays_frozen_and_hashable() -> None:
    situation = Situation(kind="delay", received_at=datetime(2026, 3, 10, tzinfo=UTC))
    with pytest.raises(ValidationError):
        situation.sent_at = datetime(2026, 3, 11, tzinfo=UTC)  # type: ignore[misc]
    assert hash(situation) == hash(Situation(kind="delay",
                                             received_at=datetime(2026, 3, 10, tzinfo=UTC)))
