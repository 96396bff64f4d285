"""The form-letter decision on realistic helpdesk replies: precision and recall >= 0.9 with the
registered macros; from the text alone, precision >= 0.9 and recall >= 0.85."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpdesk_samples import FORM_LETTERS, MACROS, PERSONAL

from courtesy import check
from courtesy.formletter import FormLetterIndex

CUSTOMER = {"name": {"given": "Nick", "family": "Owen"}}


def _is_form_letter(text: str, said: str | None, index: FormLetterIndex | None) -> bool:
    situation = {"kind": "complaint", "customer_message": said} if said else None
    report = check(text, customer=CUSTOMER, situation=situation, form_letters=index,
                   select=["FL"])
    return any(f.category == "form-letter" for f in report.findings)


def _scores(index: FormLetterIndex | None, *, with_message: bool) -> tuple[float, float]:
    true_pos = sum(_is_form_letter(t, m if with_message else None, index)
                   for t, m in FORM_LETTERS)
    false_pos = sum(_is_form_letter(t, m if with_message else None, index)
                    for t, m in PERSONAL)
    precision = true_pos / max(true_pos + false_pos, 1)
    recall = true_pos / len(FORM_LETTERS)
    return precision, recall


def test_samples_are_balanced_and_realistic() -> None:
    assert len(FORM_LETTERS) >= 20
    assert len(PERSONAL) >= 20
    assert len(MACROS) >= 8


@pytest.mark.parametrize("with_message", [True, False])
def test_precision_and_recall_with_registered_macros(with_message: bool) -> None:
    precision, recall = _scores(FormLetterIndex(MACROS.items()), with_message=with_message)
    assert precision >= 0.9, precision
    assert recall >= 0.9, recall


def test_precision_from_text_and_customer_message_alone() -> None:
    """Without the team's macros: stock phrasing, references, dates, the customer's words
    and specific vocabulary decide. The bar is the labelled corpus's (tests/test_accuracy.py,
    0.85 recall): a filled-in macro on the customer's topic ("We're sorry you received the
    wrong item ...") reads as specific and slips through; the registered macros catch it."""
    precision, recall = _scores(None, with_message=True)
    assert precision >= 0.9, precision
    assert recall >= 0.85, recall


def test_canned_replies_are_caught_from_the_text_alone() -> None:
    """Canned replies that are not registered macros, and macro residue, are all found."""
    canned = FORM_LETTERS[10:]
    found = [_is_form_letter(t, m, None) for t, m in canned]
    assert all(found), [t[:60] for (t, _m), hit in zip(canned, found, strict=True) if not hit]


def test_generic_sentences_are_not_enough_when_customer_wrote_something_else() -> None:
    text, said = FORM_LETTERS[12]
    report = check(text, customer=CUSTOMER,
                   situation={"kind": "complaint", "customer_message": said}, select=["FL001"])
    assert [f.rule for f in report.findings] == ["FL001"]
    personal, said_personal = PERSONAL[10]
    assert not check(personal, customer=CUSTOMER,
                     situation={"kind": "complaint", "customer_message": said_personal},
                     select=["FL001"]).findings
