"""Restitution read by the sentence (courtesy/rules/restitution.py): a refusal anywhere in
the sentence takes the amends back unless a "but" stands between them, and the phrases of
one sentence make one span."""

from __future__ import annotations

import pytest
from lexicon_gaps import NOT_OURS, OURS, found

#: (id, text): amends named and refused in one sentence
REFUSED = [
    ("en-not-possible", "A refund of the booking fee is not possible under these terms."),
    ("en-deducted", "The return postage will be deducted from your refund."),
    ("de-nicht-moeglich", "Eine Gutschrift für die Wartezeit ist leider nicht möglich."),
    ("fr-pas-droit", "Ces travaux ne donnent pas droit à un remboursement de l'abonnement."),
    ("es-no-posible", "No es posible un reembolso de la tarifa de cancelación."),
]

#: (id, text, the amends): a refusal that does not take the amends back
GIVEN = [
    ("en-but", "We can't refund the fare itself, but I've added a £20 credit to your account.",
     "credit"),
    ("fr-deduit-facture", "Nous vous offrons un geste commercial de 30 €, déduit de votre "
                          "prochaine facture.", "geste commercial"),
    ("es-descontado", "Le hemos descontado la cuota de este mes.", "descontado"),
]


@pytest.mark.parametrize("text", [c[1] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_amends_refused_in_the_same_sentence_are_not_restitution(text: str) -> None:
    assert found(text, "restitution", NOT_OURS) == []
    assert found(text, "restitution", OURS) == []


@pytest.mark.parametrize(("text", "words"), [c[1:] for c in GIVEN], ids=[c[0] for c in GIVEN])
def test_amends_given_despite_a_refusal_word_are_restitution(text: str, words: str) -> None:
    spans = found(text, "restitution", OURS)
    assert len(spans) == 1
    assert words in spans[0]


def test_the_phrases_of_one_sentence_make_one_span() -> None:
    text = ("I've refunded the £24 seat fee; it'll be back on your card within 5 days. "
            "I've also added a £10 voucher.")
    assert found(text, "restitution", OURS) == [
        "refunded the £24 seat fee; it'll be back on your card", "voucher"]
