"""Shared fixtures: real-looking customers and situations."""

from __future__ import annotations

import pytest

from courtesy import Customer, Situation


@pytest.fixture
def nick() -> Customer:
    return Customer.model_validate(
        {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}, "locale": "en-GB"}
    )


@pytest.fixture
def late_parcel() -> Situation:
    return Situation(
        kind="delay", our_fault=True, severity="high",
        customer_message="My parcel is a week late and nobody answers the phone.",
    )
