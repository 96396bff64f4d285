"""English and Spanish phrase families added after the timing corpus showed them missing.

Admissions of fault (apology), next steps in other tenses and words, restitution given as a
credit, a reversed charge or a cost we cover, vague times and blame on partners. Every sentence
here is written for this file (not taken from the corpora). A positive case names the words a
span of the element (or topic) must overlap, as tests/test_accuracy.py counts it; a near miss
is a sentence that looks like the family and must not be found.
"""

from __future__ import annotations

import pytest
from lexicon_gaps import NOT_OURS, OURS, topic_spans
from lexicon_gaps import element_spans as _element
from lexicon_gaps import overlap as _covers
from lexicon_gaps import topic as _topic

from courtesy import check

# The admission, next-step and restitution tables of this round run with the second round's,
# in tests/rules/test_lexicon_gaps_en_round2.py (one set of table-driven tests).

URGENT = {"kind": "delay", "our_fault": True, "severity": "high"}


# -- apology: admissions of fault -------------------------------------------------------------

@pytest.mark.parametrize(("text", "rule"), [
    # a non-apology about our driver stays a non-apology
    ("We are sorry if you feel our driver did not handle your parcel with care.", "TN001"),
    ("We apologise if the change of appointment caused you any difficulty.", "TN001"),
    ("Sorry if your order came as a surprise.", "TN001"),
    ("Lamentamos las molestias que esta situación le haya podido ocasionar.", "TN002"),
    ("Disculpe los inconvenientes que el retraso le haya podido causar.", "TN002"),
])
def test_an_apology_on_a_condition_is_no_apology(text: str, rule: str) -> None:
    # "if you feel", "if the ..." and "que ... le haya podido ocasionar" doubt that any
    # harm was done (held-out 18, 22, 24, 25 and 26)
    assert _element(text, "apology", OURS) == []
    assert rule in {f.rule for f in check(text, situation=OURS).findings}


@pytest.mark.parametrize("text", [
    "We apologise: the change of appointment caused you real difficulty.",
    "Lamentamos las molestias que le ha causado el retraso.",
])
def test_an_apology_for_harm_done_stays_one(text: str) -> None:
    assert _element(text, "apology", OURS)
    assert not {"TN001", "TN002"} & {f.rule for f in check(text, situation=OURS).findings}


def test_canned_thanks_and_sympathy_still_count_as_elements() -> None:
    text = "Thank you for bringing this to our attention."
    assert _covers(_element(text, "thanks"), text, "Thank you")
    text = "We're sorry to hear you're unhappy with the repair."
    assert _covers(_element(text, "apology"), text, "sorry to hear")


# -- restitution ------------------------------------------------------------------------------

def test_a_charge_we_waive_counts_only_after_our_failure() -> None:
    text = "There is no charge for the second visit."
    assert _element(text, "restitution", OURS)
    assert _element(text, "restitution", NOT_OURS) == []


# -- vague time -------------------------------------------------------------------------------

VAGUE: tuple[tuple[str, str], ...] = (
    ("Supply will be back ASAP.", "ASAP"),
    ("We'll confirm a new date in the coming days.", "in the coming days"),
    ("We'll be in touch over the next few weeks.", "over the next few weeks"),
    ("We'll fix it as quickly as possible.", "as quickly as possible"),
    ("Le llamaremos en unos días.", "en unos días"),
    ("Lo solucionaremos en el menor tiempo posible.", "en el menor tiempo posible"),
)


@pytest.mark.parametrize(("text", "words"), VAGUE, ids=[t[:40] for t, _ in VAGUE])
def test_a_vague_time_is_found(text: str, words: str) -> None:
    assert _topic(text, "vague-time") == [words]


@pytest.mark.parametrize("text", [
    "We'll confirm the new date on Monday.",
    "Le llamaremos el lunes a las 10.",
])
def test_a_concrete_time_is_not_vague(text: str) -> None:
    assert _topic(text, "vague-time") == []


def test_a_vague_time_in_an_urgent_next_step_is_flagged() -> None:
    text = "I'm sorry, that's our mistake. We'll confirm a new date in the coming days. Thanks."
    assert "TM002" in {f.rule for f in check(text, situation=URGENT).findings}


# -- blame on partners ------------------------------------------------------------------------

BLAME: tuple[tuple[str, str], ...] = (
    ("The granite supplier has not yet finished cutting them.",
     "supplier has not yet finished"),
    ("Our courier lost the first parcel.", "Our courier lost"),
    ("The parcel is late because of a delay at the courier.", "delay at the courier"),
    ("Debido a una incidencia con la empresa de transporte, su pedido llegará tarde.",
     "incidencia con la empresa de transporte"),
    ("El proveedor todavía no ha enviado las piezas.", "El proveedor todavía no ha"),
)


@pytest.mark.parametrize(("text", "words"), BLAME, ids=[t[:40] for t, _ in BLAME])
def test_blame_on_a_partner_is_found(text: str, words: str) -> None:
    spans = topic_spans(text, "blame-partner")
    assert _covers(spans, text, words), spans


@pytest.mark.parametrize("text", [
    "The courier has now delivered your parcel.",
    "If the courier hasn't arrived by 6pm, call me.",
    "Our supplier has confirmed a new date of 3 June.",
    "Si tiene un problema con su banco, llámenos.",
    "El transportista ya ha entregado su paquete.",
])
def test_a_partner_doing_its_job_is_no_blame(text: str) -> None:
    assert _topic(text, "blame-partner") == []


def test_a_partner_fault_is_blame_not_an_admission() -> None:
    for text in ("The parcel is late due to a fault with our courier.",
                 "Se retrasó por un problema con nuestra empresa de transporte."):
        assert _element(text, "apology", OURS) == []
        assert "BL001" in {f.rule for f in check(text, situation=OURS).findings}
