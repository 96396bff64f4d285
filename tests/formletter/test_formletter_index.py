"""FormLetterIndex: a team's macros, placeholders of every helpdesk syntax masked."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpdesk_samples import FORM_LETTERS, MACROS, PERSONAL

from courtesy import check
from courtesy.exceptions import CourtesyError
from courtesy.formletter import FormLetterIndex
from courtesy.rules.catalog.formletter import skeleton_words


@pytest.fixture
def macro_folder(tmp_path: Path) -> Path:
    for name, text in MACROS.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 not a macro")
    return tmp_path


def test_from_folder_reads_macros_recursively_named_by_relative_path(macro_folder: Path) -> None:
    index = FormLetterIndex.from_folder(macro_folder)
    assert sorted(index.names) == sorted(MACROS)
    assert len(index) == len(MACROS)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CourtesyError, match="not a folder"):
        FormLetterIndex.from_folder(tmp_path / "nope")


@pytest.mark.parametrize(("placeholder", "value"), [
    ("{{ticket.requester.first_name}}", "Anna"),
    ("{%customer.firstName,fallback=there%}", "Anna"),
    ("*|FNAME|*", "Anna"),
    ("%{name}", "Anna"),
    ("${Contacts.First Name}", "Anna"),
    ("[Customer Name]", "Anna"),
    ("{{order.id}}", "A-10442"),
])
def test_placeholders_and_filled_values_share_a_skeleton(placeholder: str, value: str) -> None:
    template = f"Hi {placeholder}, your order is on its way."
    assert skeleton_words(template) == skeleton_words(f"Hi {value}, your order is on its way.")


def test_filled_macros_match_their_source_and_personal_replies_match_nothing(
    macro_folder: Path,
) -> None:
    index = FormLetterIndex.from_folder(macro_folder)
    match = index.match(FORM_LETTERS[0][0])
    assert match is not None
    assert match.name == "zendesk/damaged-item.txt"
    assert match.similarity > 0.9
    assert index.match(FORM_LETTERS[5][0]).name == "zoho/cancellation.txt"  # type: ignore[union-attr]
    for text, _ in PERSONAL:
        assert index.match(text) is None, text


def test_check_flags_a_registered_macro_copy_with_its_name(macro_folder: Path) -> None:
    index = FormLetterIndex.from_folder(macro_folder)
    report = check(FORM_LETTERS[6][0], form_letters=index, select=["FL003"])
    assert [f.rule for f in report.findings] == ["FL003"]
    assert "gorgias/wrong-item.txt" in report.findings[0].message
    # a mapping of name -> macro text works too
    mapped = check(FORM_LETTERS[6][0], form_letters=dict(MACROS), select=["FL003"])
    assert [f.rule for f in mapped.findings] == ["FL003"]
    assert not check(FORM_LETTERS[6][0], select=["FL003"]).findings


def test_threshold_is_configurable(macro_folder: Path) -> None:
    from courtesy.rules.catalog.formletter import Thresholds

    index = FormLetterIndex.from_folder(macro_folder)
    edited = FORM_LETTERS[9][0]  # lightly edited cancellation macro
    assert check(edited, form_letters=index, select=["FL003"]).findings
    strict = Thresholds(macro_similarity=0.95)
    assert not check(edited, form_letters=index, select=["FL003"],
                     form_letter_thresholds=strict).findings
    with pytest.raises(ValueError, match="macro_similarity"):
        Thresholds(macro_similarity=1.5)
