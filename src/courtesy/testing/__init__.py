"""Test helpers for projects that send courtesy messages.

``assert_courteous(text_or_message, customer=..., situation=...)`` fails with every finding
quoted and underlined; :class:`Snapshot` approves rendered messages against stored files;
:mod:`courtesy.testing.strategies` (imported on its own, it needs hypothesis) generates hard
customers, situations and hostile strings. Everything here uses only ``courtesy``'s public
API. The pytest plugin (fixtures ``courteous``, ``courtesy_customer``, ``courtesy_pack``,
``courtesy_config``, ``courtesy_snapshot``; marker ``courtesy``) is a thin layer over these
functions, loaded through the ``pytest11`` entry point without importing courtesy.

Names load on first use, so importing this package costs nothing until a helper runs.
"""

from __future__ import annotations

import typing as _typing
from importlib import import_module as _import_module

if _typing.TYPE_CHECKING:
    from courtesy.testing._assertions import MessageNotCourteous, assert_courteous
    from courtesy.testing._snapshot import Snapshot, SnapshotMismatch

__all__ = ["assert_courteous", "MessageNotCourteous", "Snapshot", "SnapshotMismatch"]

_LOCATIONS = {
    "assert_courteous": "courtesy.testing._assertions",
    "MessageNotCourteous": "courtesy.testing._assertions",
    "Snapshot": "courtesy.testing._snapshot",
    "SnapshotMismatch": "courtesy.testing._snapshot",
}


def __getattr__(name: str) -> _typing.Any:
    location = _LOCATIONS.get(name)
    if location is None:
        raise AttributeError(f"module 'courtesy.testing' has no attribute {name!r}")
    value = getattr(_import_module(location), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
