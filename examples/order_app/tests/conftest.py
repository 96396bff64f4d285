"""Test settings for the order app: our customer, and the checks we care about."""

from __future__ import annotations

from typing import Any

import pytest
from order_app import ORDERS


@pytest.fixture
def courtesy_customer() -> dict[str, Any]:
    """The courteous fixture checks against the customer of our sample order."""
    return ORDERS["A-1042"].customer


@pytest.fixture
def courtesy_config() -> dict[str, Any]:
    """Every courtesy rule, failing on warnings (as in pytest.ini); nothing ignored."""
    return {"select": None, "ignore": [], "fail_on": "warning"}
