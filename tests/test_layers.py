"""Each module imports only from layers below it (DESIGN.md, STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "courtesy"

# Lowest first. A module may import courtesy modules of its own or a lower layer only.
LAYERS: list[tuple[str, ...]] = [
    ("exceptions",),
    ("localization", "names", "trace"),
    ("profiles",),
    ("templating",),
    ("rules",),
    ("formletter",),
    ("config", "suppression"),
    ("report",),
    ("checking",),
    ("rendering",),
    ("packs",),
    ("demo",),
    ("cli", "__main__"),
    ("testing",),
]


def _layer(module: str) -> int:
    top = module.split(".")[1] if module.startswith("courtesy.") else module
    for index, names in enumerate(LAYERS):
        if top in names:
            return index
    raise AssertionError(f"module {module} has no layer; add it to LAYERS")


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent != SRC)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_go_down_the_layers(path: Path) -> None:
    rel = path.relative_to(SRC).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    own = _layer("courtesy." + parts[0])
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in type_only:  # annotations only: no import at run time
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
            "courtesy."
        ):
            target = node.module
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names if a.name.startswith("courtesy.")]
            if not targets:
                continue
            target = targets[0]
        else:
            continue
        assert _layer(target) <= own, f"{rel} (layer {own}) imports {target}"


def test_rules_never_import_templating_report_or_cli() -> None:
    for path in (SRC / "rules").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for forbidden in ("courtesy.templating", "courtesy.report", "courtesy.cli"):
            assert forbidden not in text, f"{path} imports {forbidden}"
