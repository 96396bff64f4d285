"""Turn profiles and caller data into template context: plain data, traced by field path.

Templates never see live pydantic objects (no methods to call, nothing to mutate): a
customer becomes a read-only mapping of traced strings. The profile stays reachable only
through a private attribute, for courtesy's own filters (``salutation``), which the
sandbox forbids templates to touch.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from courtesy.exceptions import ProfileError
from courtesy.templating._environment import Traced, TracedFloat, TracedInt

if TYPE_CHECKING:
    from courtesy.profiles import Customer, Situation

__all__ = ["CustomerView", "build_context", "traced"]

_MAX_DEPTH = 8
_RESERVED = frozenset({"customer", "situation", "channel", "locale"})


class CustomerView(dict[str, Any]):
    """The customer as templates see it; ``_profile`` is for courtesy's filters only."""

    _profile: Customer


def traced(value: Any, path: str, depth: int = 0) -> Any:
    """Wrap data so that every string and number remembers where it came from."""
    if depth > _MAX_DEPTH:
        raise ProfileError(f"nested deeper than {_MAX_DEPTH} levels", field_path=path)
    if isinstance(value, Traced | TracedInt | TracedFloat) or value is None:
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        if "\ue000" in value or "\ue001" in value:
            raise ProfileError("contains a reserved private-use character", field_path=path)
        return Traced(value, path)
    if isinstance(value, int):
        return TracedInt(value, path)
    if isinstance(value, float):
        return TracedFloat(value, path)
    if isinstance(value, Decimal | datetime | date | time):
        return value
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise ProfileError("context keys must be strings", field_path=f"{path}.{key!r}")
            out[key] = traced(item, f"{path}.{key}", depth + 1)
        return out
    if isinstance(value, list | tuple):
        return [traced(item, f"{path}.{i}", depth + 1) for i, item in enumerate(value)]
    raise ProfileError(
        f"context values must be plain data (str, numbers, dates, lists, mappings), "
        f"not {type(value).__name__}",
        field_path=path,
    )


@lru_cache(maxsize=1024)
def _customer_view(customer: Customer) -> CustomerView:
    """The traced view of a profile: built once per (frozen, hashable) profile."""
    data = customer.model_dump(mode="python", exclude={"history"})
    view = CustomerView(traced(data, "customer"))
    view["full_name"] = Traced(customer.name.full, "customer.name")
    view._profile = customer
    return view


@lru_cache(maxsize=256)
def _situation_view(situation: Situation) -> Any:
    return traced(situation.model_dump(mode="json"), "situation")


def build_context(
    customer: Customer | None,
    situation: Situation | None,
    extra: Mapping[str, Any],
    *,
    channel: str | None = None,
) -> tuple[dict[str, Any], frozenset[str]]:
    """The render context, and the names in it that carry customer-specific data."""
    clash = _RESERVED & set(extra)
    if clash:
        raise ProfileError(
            f"context key {sorted(clash)[0]!r} is reserved; pass the profile instead",
            field_path=sorted(clash)[0],
        )
    context: dict[str, Any] = {key: traced(value, key) for key, value in extra.items()}
    if customer is not None:
        context["customer"] = _customer_view(customer)
        context["locale"] = customer.locale
    if situation is not None:
        context["situation"] = _situation_view(situation)
    if channel is not None:
        context["channel"] = channel
    roots = frozenset(extra) | {"customer", "situation"}
    return context, roots
