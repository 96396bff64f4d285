"""docs/addressing-customers.md is generated from the data files and committed up to date."""

from __future__ import annotations

from pathlib import Path

from courtesy.names._forms import shipped_locales
from courtesy.names.docs import page

DOC = Path(__file__).resolve().parents[2] / "docs" / "addressing-customers.md"


def test_addressing_page_is_up_to_date() -> None:
    assert DOC.read_text("utf-8") == page(), (
        "docs/addressing-customers.md is stale: run "
        "python -m courtesy.names.docs docs/addressing-customers.md")


def test_page_has_a_row_per_locale_with_examples() -> None:
    text = page()
    for locale in shipped_locales():
        assert f"| `{locale}` |" in text
    for example in ("Sehr geehrte Frau Müller", "佐藤様", "Dear Mr. Owen", "Guten Tag Alex Morgan"):
        assert example in text
