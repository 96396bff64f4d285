"""The example app's test suite (examples/order_app) stays green, and docs/testing.md shows it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "order_app"
FILES = ("order_app.py", "pytest.ini", "tests/conftest.py", "tests/test_delay_messages.py")


def test_example_suite_passes(tmp_path: Path) -> None:
    # A copy, so that hypothesis's database and pytest's caches stay out of the tree.
    app = tmp_path / "order_app"
    shutil.copytree(EXAMPLE, app, ignore=shutil.ignore_patterns(
        "__pycache__", ".hypothesis", ".pytest_cache", ".benchmarks"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=app, capture_output=True, text=True, env=env, timeout=300, check=False,
    )
    assert result.returncode == 0, (
        result.stdout + result.stderr + "\nIf a deliberate change to the built-in pack or the "
        "rules moved the approved snapshot, approve it: cd examples/order_app && "
        "python -m pytest --courtesy-update-snapshots")
    assert re.search(r"^7 passed", result.stdout, re.MULTILINE), result.stdout
    # The approved snapshot was compared, not silently re-created.
    snapshot = app / "tests" / "snapshots" / "test_delay_messages"
    assert sorted(p.name for p in snapshot.iterdir()) == [
        "test_delay_email_snapshot.report.json", "test_delay_email_snapshot.txt"]


def test_docs_page_shows_the_example_files_verbatim() -> None:
    page = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    for name in FILES:
        body = (EXAMPLE / name).read_text(encoding="utf-8")
        language = "ini" if name.endswith(".ini") else "py"
        block = f"```{language}\n# examples/order_app/{name}\n{body}```"
        assert block in page, f"docs/testing.md does not show examples/order_app/{name} as is"
