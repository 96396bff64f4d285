"""courtesy.testing uses only courtesy's public API (STYLE.md), and its plugin stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import courtesy

SRC = Path(__file__).resolve().parents[2] / "src"


def test_testing_package_imports_only_public_names() -> None:
    for path in sorted((SRC / "courtesy" / "testing").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "courtesy":
                private = {alias.name for alias in node.names} - set(courtesy.__all__)
                assert not private, f"{path.name} imports non-public {sorted(private)}"
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("courtesy."):
                assert node.module.startswith("courtesy.testing"), f"{path.name}: {node.module}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("courtesy.") or alias.name.startswith(
                        "courtesy.testing"), f"{path.name}: {alias.name}"


def test_plugin_module_imports_nothing_heavy() -> None:
    code = (
        "import sys, _courtesy_pytestplugin\n"
        "import courtesy.testing\n"
        "heavy = [m for m in ('courtesy.checking', 'pydantic', 'jinja2', 'hypothesis', 'babel')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_plugin_module_ships_in_the_wheel_config() -> None:
    import tomllib

    config = tomllib.loads((SRC.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert "src/_courtesy_pytestplugin.py" in config["tool"]["hatch"]["build"]["targets"][
        "wheel"]["only-include"]
    entry_points = config["project"]["entry-points"]
    assert entry_points["pytest11"] == {"courtesy": "_courtesy_pytestplugin"}
    assert entry_points["hypothesis"] == {"courtesy": "courtesy.testing._hypothesis:register"}
