"""pytest plugin for courtesy, registered through the ``pytest11`` entry point.

A top-level module, so that pytest can load it without importing courtesy (nor pydantic,
Jinja2 or hypothesis): every fixture imports what it needs when a test asks for it.

Fixtures: ``courteous`` (``assert_courteous`` with this test's defaults),
``courtesy_customer``, ``courtesy_pack``, ``courtesy_config``, ``courtesy_snapshot``.
Marker: ``@pytest.mark.courtesy(situation=..., channel=..., customer=..., ...)``.
Options: ``--courtesy-fail-on`` (ini ``courtesy_fail_on``), ``--courtesy-update-snapshots``;
ini ``courtesy_pack`` (a pack directory, relative to the ini file).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from courtesy import Customer, Pack, Report
    from courtesy.testing import Snapshot

_SEVERITIES = ("error", "warning", "info")
_PREVIOUS_FAIL_ON = pytest.StashKey[str | None]()

#: Keyword arguments the ``courtesy`` marker takes (those of ``assert_courteous``).
MARKER_KEYS = frozenset({"customer", "situation", "channel", "select", "ignore", "fail_on"})

#: The customer tests get unless the marker or a redefined fixture says otherwise: a real
#: shape (a particle, a diacritic) rather than "John Doe".
DEFAULT_CUSTOMER: dict[str, Any] = {
    "id": "C-20417",
    "name": {"title": "Ms", "given": "Zoë", "family": "van der Berg"},
    "locale": "en-GB",
    "formality": "formal",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("courtesy", "courtesy: checked customer messages")
    group.addoption(
        "--courtesy-fail-on", choices=_SEVERITIES, default=None, dest="courtesy_fail_on",
        help="lowest finding severity that fails assert_courteous and the courteous "
        "fixture (default: the courtesy_fail_on ini value, else 'error')",
    )
    group.addoption(
        "--courtesy-update-snapshots", action="store_true", default=False,
        dest="courtesy_update_snapshots",
        help="write courtesy_snapshot files for messages that changed or are new",
    )
    parser.addini("courtesy_fail_on", "default --courtesy-fail-on (error, warning or info)",
                  default="")
    parser.addini("courtesy_pack", "message pack directory for the courtesy_pack fixture "
                  "(relative to the ini file; default: courtesy's built-in pack)", default="")


def _fail_on(config: pytest.Config) -> str | None:
    value = config.getoption("courtesy_fail_on") or config.getini("courtesy_fail_on") or None
    if value is None:
        return None
    if value not in _SEVERITIES:
        raise pytest.UsageError(
            f"courtesy_fail_on = {value!r}: use one of {', '.join(_SEVERITIES)}"
        )
    return str(value)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "courtesy(situation=..., channel=..., customer=..., select=..., ignore=..., "
        "fail_on=...): defaults for the courteous fixture and courtesy_customer",
    )
    fail_on = _fail_on(config)
    if fail_on is not None:  # the session default for direct assert_courteous calls, too
        from courtesy.testing import _session  # imports nothing else

        config.stash[_PREVIOUS_FAIL_ON] = _session.fail_on
        _session.fail_on = fail_on


def pytest_unconfigure(config: pytest.Config) -> None:
    if _PREVIOUS_FAIL_ON in config.stash:
        from courtesy.testing import _session

        _session.fail_on = config.stash[_PREVIOUS_FAIL_ON]


def _marker_kwargs(request: pytest.FixtureRequest) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    # Closest last: a function's marker overrides its class's and module's.
    for marker in reversed(list(request.node.iter_markers("courtesy"))):
        if marker.args:
            raise pytest.UsageError(f"{request.node.nodeid}: @pytest.mark.courtesy takes "
                                    "keyword arguments only")
        unknown = sorted(set(marker.kwargs) - MARKER_KEYS)
        if unknown:
            raise pytest.UsageError(
                f"{request.node.nodeid}: @pytest.mark.courtesy got unknown "
                f"argument(s) {', '.join(unknown)}; use {', '.join(sorted(MARKER_KEYS))}"
            )
        kwargs.update(marker.kwargs)
    return kwargs


@pytest.fixture
def courtesy_customer(request: pytest.FixtureRequest) -> Customer:
    """The customer a test writes to: the marker's ``customer=``, else a realistic default."""
    from courtesy import Customer

    data = _marker_kwargs(request).get("customer", DEFAULT_CUSTOMER)
    if isinstance(data, Customer):
        return data
    return Customer.model_validate(data)


@pytest.fixture(scope="session")
def courtesy_pack(pytestconfig: pytest.Config) -> Pack:
    """The message pack under test: ini ``courtesy_pack``, else the built-in default pack."""
    from courtesy import Pack

    setting = str(pytestconfig.getini("courtesy_pack") or "")
    if not setting:
        return Pack.builtin("default")
    base = pytestconfig.inipath.parent if pytestconfig.inipath else pytestconfig.rootpath
    return Pack.load(base / setting)


@pytest.fixture
def courtesy_config(pytestconfig: pytest.Config) -> dict[str, Any]:
    """Check options for the ``courteous`` fixture: ``select``, ``ignore``, ``fail_on``.

    Redefine it in a conftest.py to change them for a directory::

        @pytest.fixture
        def courtesy_config():
            return {"ignore": ["FL"], "fail_on": "warning"}
    """
    return {"select": None, "ignore": (), "fail_on": _fail_on(pytestconfig)}


class _Courteous(functools.partial):  # type: ignore[type-arg]
    """``assert_courteous`` with defaults; its repr stays one readable line in tracebacks."""

    def __repr__(self) -> str:
        shown = []
        for key, value in self.keywords.items():
            if key == "customer" and hasattr(value, "name"):
                shown.append(f"customer={value.name.full!r}")
            elif value not in (None, (), []):
                shown.append(f"{key}={value!r}")
        return f"courteous({', '.join(shown)})"


@pytest.fixture
def courteous(
    request: pytest.FixtureRequest,
    courtesy_customer: Customer,
    courtesy_config: dict[str, Any],
) -> Callable[..., Report]:
    """``assert_courteous`` with the customer, config and ``courtesy`` marker pre-filled."""
    from courtesy.testing import assert_courteous

    unknown = sorted(set(courtesy_config) - MARKER_KEYS)
    if unknown:
        raise pytest.UsageError(f"courtesy_config returned unknown key(s) {', '.join(unknown)}")
    defaults: dict[str, Any] = {**courtesy_config, "customer": courtesy_customer}
    marker = _marker_kwargs(request)
    marker.pop("customer", None)  # already in courtesy_customer
    defaults.update(marker)
    return _Courteous(assert_courteous, **defaults)


_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@pytest.fixture
def courtesy_snapshot(request: pytest.FixtureRequest) -> Snapshot:
    """Approve rendered messages: ``courtesy_snapshot(message)`` compares it with
    ``snapshots/<test module>/<test name>.txt`` and ``.report.json`` beside the test file;
    ``--courtesy-update-snapshots`` rewrites them."""
    from courtesy.testing import Snapshot

    path = Path(request.node.path)
    name = _UNSAFE.sub("_", request.node.name).strip("._") or "snapshot"
    return Snapshot(
        directory=path.parent / "snapshots" / path.stem,
        basename=name,
        update=bool(request.config.getoption("courtesy_update_snapshots")),
    )
