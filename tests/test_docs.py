"""The README and docs pages are tested: every Python block runs, and printed output matches.

In a block, comment lines ``# ...`` right after a ``print(...)`` statement are the output
that call must produce.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _expected_output(code: str) -> list[str]:
    lines = code.splitlines()
    expected: list[str] = []
    in_output = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("print("):
            in_output = True
            continue
        if in_output and stripped.startswith("# "):
            expected.append(stripped[2:])
            continue
        in_output = False
    return expected


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_python_blocks_run_and_print_what_they_say(page: Path) -> None:
    blocks = _BLOCK.findall(page.read_text(encoding="utf-8"))
    if page.name in ("README.md", "getting-started.md"):
        assert blocks, f"{page.name} should have runnable examples"
    namespace: dict[str, object] = {}
    for code in blocks:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, str(page), "exec"), namespace)
        assert out.getvalue().splitlines() == _expected_output(code), code


def test_readme_has_exactly_the_two_setup_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && courtesy demo" in text
    assert "pip install -e '.[test]' && python -m pytest" in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]'" in ci
    assert "python -m pytest" in ci
