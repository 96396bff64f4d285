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

URGENT = {"kind": "delay", "our_fault": True, "severity": "high"}


# -- apology: admissions of fault -------------------------------------------------------------

# (text, words an apology span must overlap)
ADMISSIONS: tuple[tuple[str, str], ...] = (
    # whose the mistake is
    ("The mistake was entirely ours, and your statement has been corrected.",
     "The mistake was entirely ours"),
    ("Please ignore the late fee: the error lies with us.", "the error lies with us"),
    ("This one is on me: I forgot to press send.", "This one is on me"),
    ("We take full responsibility for the missed appointment.",
     "We take full responsibility"),
    ("I accept the blame for the mix-up with your booking.", "I accept the blame"),
    ("Your card was declined due to our error, not your bank's.", "due to our error"),
    ("That was an oversight on our part, and it has been fixed.", "oversight on our part"),
    ("The refund stalled through a mistake by one of our agents.", "a mistake by one of our"),
    # what we did wrong
    ("We sent your order to the wrong address.", "We sent your order to the wrong"),
    ("I'm afraid we entered your meter reading incorrectly last month.",
     "we entered your meter reading incorrectly"),
    ("We got your surname wrong on the tickets.", "We got your surname wrong"),
    ("Our booking system gave you the wrong collection time.",
     "Our booking system gave you the wrong"),
    ("We mistakenly cancelled your subscription.", "We mistakenly"),
    ("I accidentally deleted the note on your account.", "I accidentally"),
    ("Your payment bounced because of a technical fault in our billing system.",
     "because of a technical fault in our"),
    ("The app logged you out after an error on one of our servers.",
     "after an error on one of our"),
    # what we should have done, failed to do
    ("Our team should have phoned you before closing the account.",
     "Our team should have phoned"),
    ("We should've warned you about the engineering works.", "We should've warned"),
    ("That charge should never have been applied.", "should never have been"),
    ("Our warehouse missed the last collection on Friday.", "Our warehouse missed"),
    ("We didn't tell you that the store had moved.", "We didn't tell you"),
    ("We fell short of what we promised you.", "We fell short"),
    ("I really let you down on this one.", "I really let you down"),
    ("We didn't keep our promise of next-day delivery.", "We didn't keep our promise"),
    # Spanish
    ("Su pedido se retrasó por un descuido de nuestro repartidor.",
     "por un descuido de nuestro"),
    ("La cita se anuló debido a un error técnico en nuestra web.",
     "debido a un error técnico en nuestra"),
    ("Fue un descuido de nuestra parte no avisarle.", "descuido de nuestra parte"),
    ("Ha sido un despiste mío y ya está corregido.", "despiste mío"),
    ("Se nos pasó enviarle la confirmación.", "Se nos pasó"),
    ("Nos confundimos de dirección al preparar el envío.", "Nos confundimos"),
    ("Esto no debió ocurrir en ningún caso.", "no debió ocurrir"),
    ("Deberíamos haberle llamado antes de cortar el suministro.", "Deberíamos haberle"),
    ("Te enviamos la talla equivocada.", "Te enviamos la talla equivocada"),
    ("Le cobramos de más en la factura de abril.", "Le cobramos de más"),
    ("Cancelamos su reserva por error.", "Cancelamos su reserva por error"),
    ("No cumplimos con el plazo que le dimos.", "No cumplimos con el plazo"),
    ("Esta vez no estuvimos a la altura.", "no estuvimos a la altura"),
)


@pytest.mark.parametrize(("text", "words"), ADMISSIONS, ids=[t[:40] for t, _ in ADMISSIONS])
def test_an_admission_of_fault_is_an_apology(text: str, words: str) -> None:
    spans = _element(text, "apology", OURS)
    assert _covers(spans, text, words), spans


NOT_ADMISSIONS: tuple[str, ...] = (
    "If the error is in the postcode you gave, you can change it in your account.",
    "We cannot accept responsibility for items left in the vehicle.",
    "Our error messages can look alarming, but your data is safe.",
    "You entered the wrong postcode at checkout, so the parcel came back to us.",
    "If we sent the wrong size, just reply and we'll swap it.",
    "We sent an engineer to find out what went wrong.",
    "It was refused because of an error in the card number you gave.",
    "You should have received a confirmation email by now.",
    "We didn't receive the form you mentioned; could you send it again?",
    "You may have accidentally deleted the app.",
    "Our drivers never let you down.",
    # Spanish
    "La tarjeta fue rechazada por un error en el número de cuenta que nos dio.",
    "Se nos comunicó que el paquete había llegado.",
    "Deberíamos recibir el repuesto el lunes.",
    "Usted nos indicó una dirección equivocada.",
    "Si le cobramos de más, se lo devolvemos.",
    "Le enviamos la talla correcta y recogemos la equivocada.",
)


@pytest.mark.parametrize("text", NOT_ADMISSIONS, ids=[t[:40] for t in NOT_ADMISSIONS])
def test_a_near_miss_is_no_apology(text: str) -> None:
    assert _element(text, "apology", OURS) == []


def test_a_non_apology_about_our_driver_stays_a_non_apology() -> None:
    text = "We are sorry if you feel our driver did not handle your parcel with care."
    assert _element(text, "apology", OURS) == []
    assert "TN001" in {f.rule for f in check(text, situation=OURS).findings}


def test_canned_thanks_and_sympathy_still_count_as_elements() -> None:
    text = "Thank you for bringing this to our attention."
    assert _covers(_element(text, "thanks"), text, "Thank you")
    text = "We're sorry to hear you're unhappy with the repair."
    assert _covers(_element(text, "apology"), text, "sorry to hear")


# -- next steps -------------------------------------------------------------------------------

# (text, the sentence that must be a next step)
NEXT_STEPS: tuple[tuple[str, str], ...] = (
    ("We are also crediting the delivery fee to your card.", "We are also crediting"),
    ("We're currently rebooking everyone on the cancelled flight.",
     "We're currently rebooking"),
    ("We've knocked £15 off your March invoice.", "We've knocked £15 off"),
    ("I reduced your plan to the old price.", "I reduced your plan"),
    ("Your bank may take up to 5 working days to show it.", "may take up to 5"),
    ("The refund can take a few days to appear.", "can take a few days"),
    ("It usually shows in your app within an hour.", "usually shows"),
    ("Your order ships tomorrow.", "ships tomorrow"),
    ("It's out for delivery on Friday.", "out for delivery on Friday"),
    ("Your parcel is first on tomorrow's round.", "first on tomorrow's round"),
    ("Our billing specialist, Dana, can call you this afternoon.", "can call you"),
    ("The Leeds branch can help with anything you need.", "can help with anything"),
    ("What we can do is hold the room until noon.", "What we can do is"),
    ("Questions: 0800 555 0101.", "Questions:"),
    ("You don't need to do anything: the credit is applied automatically.",
     "You don't need to do anything"),
    ("There's nothing you need to do.", "nothing you need to do"),
    ("There's a £20 credit on your account for your next order.", "There's a £20 credit"),
    ("Your voucher is now in your account.", "voucher is now in your account"),
    ("Our developers have a fix in progress for the next version.", "fix in progress"),
    ("Updates at status.example.com.", "Updates at"),
    # Spanish
    ("Ya reactivamos su tarjeta.", "Ya reactivamos"),
    ("Ya le cambié la cita al jueves.", "Ya le cambié"),
    ("Te conseguí una mesa para las nueve.", "Te conseguí"),
    ("Le reservamos una habitación en el hotel de enfrente.", "Le reservamos"),
    ("Un técnico revisará la instalación el viernes.", "revisará"),
    ("Pasará el técnico entre las 9 y las 12.", "Pasará el técnico"),
    ("Llega mañana antes de las 14:00.", "Llega mañana"),
    ("Sale hoy desde nuestro almacén.", "Sale hoy"),
    ("No tiene que hacer nada: el abono es automático.", "No tiene que hacer nada"),
    ("No hace falta que haga nada más.", "No hace falta que haga nada"),
    ("Le acreditaremos la diferencia en su próxima factura.", "acreditaremos"),
    ("Dudas: 600 555 321.", "Dudas:"),
    ("Consultas: 0800-555-0101.", "Consultas:"),
)


@pytest.mark.parametrize(("text", "words"), NEXT_STEPS, ids=[t[:40] for t, _ in NEXT_STEPS])
def test_a_next_step_in_other_words_is_found(text: str, words: str) -> None:
    spans = _element(text, "next_steps")
    assert _covers(spans, text, words), spans


NOT_NEXT_STEPS: tuple[str, ...] = (
    "It took us three weeks to answer, which is too long.",
    "The parcel didn't arrive on Wednesday.",
    "Anything else I can help with?",
    "Questions about your bill are answered in the FAQ.",
    # Spanish: the first person plural also tells what went wrong
    "Le cobramos dos veces la cuota de marzo.",
    "Cerramos todas las tiendas el lunes festivo.",
    "El técnico revisó la caldera ayer.",
    "No llegó el martes como esperábamos.",
)


@pytest.mark.parametrize("text", NOT_NEXT_STEPS, ids=[t[:40] for t in NOT_NEXT_STEPS])
def test_a_near_miss_is_no_next_step(text: str) -> None:
    assert _element(text, "next_steps") == []


# -- restitution ------------------------------------------------------------------------------

RESTITUTION: tuple[tuple[str, str], ...] = (
    ("We'll credit the £12 to your account today.", "We'll credit"),
    ("I can credit the difference back to your card.", "I can credit"),
    ("I've reversed the duplicate payment.", "reversed the duplicate payment"),
    ("We are reversing the £35 late fee.", "reversing the £35"),
    ("We'll cover the taxi fare.", "We'll cover the taxi fare"),
    ("We will pay the difference in price.", "We will pay the difference"),
    ("There is no charge for this month's box.", "There is no charge for"),
    ("We won't charge you for the second visit.", "We won't charge you"),
    ("Sorry that your refund was delayed. I released the refund this morning.",
     "released the refund"),
    ("I've upgraded you to a suite at no extra cost.", "at no extra cost"),
    # Spanish
    ("Le acreditaremos 500 pesos en su próxima factura.", "acreditaremos"),
    ("La diferencia corre por nuestra cuenta.", "corre por nuestra cuenta"),
    ("Asumimos el coste de la reparación.", "Asumimos el coste"),
    ("No le cobraremos la visita del técnico.", "No le cobraremos la"),
)


@pytest.mark.parametrize(("text", "words"), RESTITUTION, ids=[t[:40] for t, _ in RESTITUTION])
def test_restitution_in_other_words_is_found(text: str, words: str) -> None:
    spans = _element(text, "restitution", OURS)
    assert _covers(spans, text, words), spans


NOT_RESTITUTION: tuple[str, ...] = (
    "Your credit card was charged on 3 May.",
    "The bank reversed its decision on the overdraft.",
    "Your insurance will cover the cost of repairs.",
    "Sorry that your refund hasn't reached you yet.",
    "Your refund reference is RF-3301.",
    "Your quote left out the loyalty discount, so I've reissued it.",
    "I've rebooked you on the 08:35 flight at no extra cost.",
    # Spanish
    "Puede cambiar la fecha de la cita sin costo.",
    "Según las condiciones, el envío corre por cuenta del cliente.",
)


@pytest.mark.parametrize("text", NOT_RESTITUTION, ids=[t[:40] for t in NOT_RESTITUTION])
def test_a_near_miss_is_no_restitution(text: str) -> None:
    assert _element(text, "restitution", OURS) == []


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
