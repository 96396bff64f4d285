"""The public surface changes only on purpose."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

import courtesy


def test_all_is_sorted_and_complete() -> None:
    assert courtesy.__all__ == sorted(courtesy.__all__, key=str.casefold)
    for name in courtesy.__all__:
        assert getattr(courtesy, name) is not None, name
    public = {
        n for n, v in vars(courtesy).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType)
        and n != "annotations"
    }
    assert public <= set(courtesy.__all__)
    assert set(courtesy.__all__) <= set(dir(courtesy))


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="does_not_exist"):
        courtesy.does_not_exist  # noqa: B018


def test_version_comes_from_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert courtesy.__version__ == version("courtesy")


def test_import_is_light() -> None:
    code = (
        "import sys, courtesy; "
        "heavy = [m for m in ('pydantic', 'jinja2', 'babel', 'nameparser', 'numpy', 'rich') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_exceptions_subclass_the_builtins_callers_catch() -> None:
    from courtesy.exceptions import MissingVariable, PackNotFound, ProfileError

    assert issubclass(ProfileError, ValueError)
    assert issubclass(PackNotFound, FileNotFoundError)
    assert issubclass(MissingVariable, LookupError)
    for name in ("ProfileError", "PackError", "TemplateError", "DiscourteousMessage",
                 "MissingVariable"):
        assert issubclass(getattr(courtesy, name), courtesy.CourtesyError)
