"""English phrase families added after the held-out corpus (replies_fresh.jsonl) showed them
missing: admissions of fault without "sorry", next steps already taken or standing now,
amends in other words, blame on a contractor or a policy wording, passing the customer to
another trade, and the relevant-team form letter. The admission, next-step and restitution
tables also hold the first round's English and Spanish rows, found on the timing corpus.

Every sentence here is written for this file (not taken from the corpora). A positive case
names the words a span of the element (or topic) must overlap, as tests/test_accuracy.py
counts it; a near miss is a sentence that looks like the family and must not be found.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lexicon_gaps import NOT_OURS, OURS
from lexicon_gaps import element_spans as _element
from lexicon_gaps import overlap as _covers
from lexicon_gaps import topic as _topic

from courtesy import check
from courtesy.rules.engine import matcher
from courtesy.rules.lexicon import normalize

COMPLAINT = {"kind": "complaint", "our_fault": False, "severity": "medium"}


def _rules(text: str, situation: dict[str, Any] | None = None, channel: str = "email",
           customer: dict[str, Any] | None = None) -> set[str]:
    report = check(text, situation=situation, channel=channel, customer=customer)
    return {f.rule for f in report.findings}


# -- apology: admissions of fault -------------------------------------------------------------

# (text, words an apology span must overlap)
ADMISSIONS: tuple[tuple[str, str], ...] = (
    # formal apologies with an adjective
    ("Please accept our sincere apologies for the missed collection.",
     "accept our sincere apologies"),
    ("Forgive my deepest apologies for the mix-up with your seats.", "my deepest apologies"),
    # whose it is
    ("The double booking is entirely down to us.", "entirely down to us"),
    ("That's down to me, and I've put it right.", "That's down to me"),
    ("Honestly, this one was all down to us.", "this one was all down to us"),
    # where it went wrong, when the place is ours
    ("The wrong size came from a packing error in our Leeds warehouse.",
     "error in our Leeds"),
    ("It was a keying mistake at our end of the booking desk, not yours.",
     "mistake at our"),
    ("The mix-up happened at our depot when the labels were printed.",
     "mix-up happened at our"),
    ("The error was made by our billing team in March.", "error was made by our"),
    ("There's been a backlog in our returns centre since the sale.",
     "There's been a backlog in our"),
    ("We've had a staffing problem at our Croydon branch this week.",
     "We've had a staffing problem at our"),
    ("Your card was sent late due to a printing delay in our card centre.",
     "due to a printing delay in our"),
    # what our people or systems did wrong
    ("Our packing team forgot to include the charger.", "Our packing team forgot to"),
    ("Our booking system never sent the confirmation text.",
     "Our booking system never"),
    ("Our front desk didn't pass on your message about the cot.",
     "Our front desk didn't"),
    ("My colleague mistakenly closed your case last week.", "My colleague mistakenly"),
    ("Our website billed you twice for the same ticket.", "billed you twice"),
    ("The payment terminal took your payment twice on Saturday.", "took your payment twice"),
    ("Our app double-charged you for the March subscription.", "double-charged you"),
    # what we never did, or did late
    ("We never processed the cancellation you sent in May.", "We never processed"),
    ("I never passed on your request to the installer.", "I never passed on"),
    ("Your address change was never saved to the account.", "was never saved"),
    ("The discount has never been applied to your plan.", "has never been applied"),
    ("We didn't update your direct debit after the price change.", "We didn't update"),
    ("We processed your refund two days late.", "processed your refund two days late"),
    ("Our kitchen team left your order behind when the rider came.",
     "left your order behind"),
    ("The second box was left behind at our sorting centre.", "was left behind at our"),
    ("Your complaint sat unanswered for three weeks.", "sat unanswered"),
    ("The form had been sitting unprocessed since January.",
     "had been sitting unprocessed"),
    # what should have been done
    ("We should have checked the measurements before cutting the worktop.",
     "should have checked"),
    ("Our driver should have waited for a signature.", "should have waited"),
    ("I should've flagged the price change when you renewed.", "should've flagged"),
    ("We really should have given you a courtesy call.", "should have given"),
    # the wrong thing, done to the customer, by us
    ("You were quoted the wrong price by our sales team.", "by our sales"),
    ("The parcel was sent to an incorrect address by one of our drivers.",
     "by one of our"),
    # what we gave instead of what was ordered
    ("We delivered a grey sofa instead of the green one you ordered.",
     "We delivered a grey sofa instead of the green one you ordered"),
    ("I booked you a twin room, not the double room you'd asked for.",
     "I booked you a twin room"),
    # in everyday words
    ("Honestly, we messed this up from the start.", "we messed this up"),
    ("We misplaced the paperwork you posted in May.", "We misplaced the"),
    ("There's simply no excuse for the way the call was handled.",
     "There's simply no excuse for"),
    ("We haven't lived up to our promise of a two-hour window.",
     "We haven't lived up to our promise"),
    ("The fault for the delay lies squarely with us.", "The fault for the delay lies"),
    ("I let your request slip while I was covering another desk.",
     "I let your request slip"),
    ("We took far too long to get the engineer out.", "We took far too long"),
    ("Our communication has been patchy at best.", "Our communication has been patchy"),
    # a cause that is a change of ours
    ("Your login stopped working because of a security update we rolled out on Monday.",
     "because of a security update we rolled out"),
    ("The emails bounced due to a settings change that we made overnight.",
     "due to a settings change that we made"),
    # -- first round (English and Spanish, from the timing corpus) --
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
    assert _covers(spans, text, words), [text[s:e] for s, e in spans]


NOT_ADMISSIONS: tuple[str, ...] = (
    # a denial or a question, not an admission
    "Is there an error in our records? I've checked, and the meter reading matches.",
    "Thanks for asking where our warehouse is; it's in Leeds.",
    "We never share your details with third parties.",
    "We never received the return you mentioned; could you send the tracking number?",
    "We didn't receive the form, so please send it again.",
    "Our records show the parcel was signed for at 10:02.",
    "Your order is two days late, and the courier says it will arrive tomorrow.",
    "You paid the invoice a week late, so the fee applies.",
    "The parcel was left behind the gate as you asked.",
    "Your bag was left unattended at the gate.",
    # forecasts and other people's "should have"
    "We should have your replacement in stock by Friday.",
    "Our engineers should have restored power by 6pm today.",
    "You should have received a text with the new time.",
    "Our courier should have delivered it on Monday, but the van broke down.",
    "If you have any questions, our team should have the answers.",
    # the wrong thing done by the customer, or by a partner
    "You entered the wrong card number, which was then declined by our bank.",
    "The wrong address was given to us by the seller.",
    # what we gave, with no order to compare
    "We sent you the manual rather than a paper copy, as you asked.",
    "We delivered your order on Tuesday, not Wednesday, so it came early.",
    # a change of ours that is not the cause of a failure
    "After the update we released on Monday, the app is faster.",
    "Your bill is lower because of the changes you made to your plan.",
    # down to the customer's choice
    "Which colour you choose is down to you.",
    # everyday words about someone else, or a question
    "We've lost count of the five-star reviews for this kettle!",
    "Did our service meet your expectations?",
    # -- first round (English and Spanish, from the timing corpus) --
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
    spans = _element(text, "apology", OURS)
    assert spans == [], [text[s:e] for s, e in spans]


def test_a_partner_named_after_our_is_blame_not_an_admission() -> None:
    text = "Sorry: there was a problem with our courier on Tuesday."
    assert "BL001" in _rules(text, OURS)
    assert not _covers(_element(text, "apology", OURS), text, "problem with our courier")


def test_granting_the_customer_their_feeling_is_deference_not_an_apology() -> None:
    text = "You're right to be cross about the wait. Your new meter is fitted on Friday."
    assert _element(text, "apology", OURS) == []
    assert _topic(text, "deference")


# -- next steps -------------------------------------------------------------------------------

# (text, words a next-step sentence must overlap)
NEXT_STEPS: tuple[tuple[str, str], ...] = (
    # a state, in a contraction
    ("Thanks for waiting. It's now rescheduled for Monday 9 June, 8am to noon.",
     "It's now rescheduled"),
    ("You're all booked in for the 14:30 slot.", "You're all booked in"),
    ("That's sorted: they're on their way to you by first-class post.",
     "they're on their way"),
    ("Good news, it's working again after the overnight restart.", "it's working again"),
    # a fix done and checked
    ("I've tested the login on your account and it works.", "I've tested"),
    ("I've set your spending cap back to £50.", "I've set your spending cap"),
    ("We've retried the payment and it cleared at 11:02.", "We've retried"),
    ("We rolled the update back at 6am and the app is stable.", "We rolled the update back"),
    ("I approved your claim this morning.", "I approved your claim"),
    ("I verified the new bank details with our payments team.", "I verified"),
    ("We've re-enabled two-factor sign-in on your account.", "We've re-enabled"),
    # where to get what is needed
    ("Sandbags are available at the leisure centre car park until 8pm.",
     "Sandbags are available at"),
    ("Your new password letter is available to download in the app.",
     "available to download"),
    # a label with the new time, amends and goods under way, work in hand
    ("Expected delivery: Saturday 21 June, before 1pm.", "Expected delivery:"),
    ("Your estimated arrival time is now 16:40.", "estimated arrival time is now"),
    ("The credit was applied to your account on Friday.", "credit was applied"),
    ("The hold on your card has been lifted.", "has been lifted"),
    ("We're already on it, and Tomasz is with the router now.", "We're already on it"),
    ("Good news: the booking site is back online.", "is back online"),
    ("I've pencilled you in for the 8am slot.", "I've pencilled you in"),
    ("The bakery team are preparing it now.", "are preparing it"),
    ("Your rider is five stops away.", "stops away"),
    ("I went ahead and moved your delivery to Saturday.", "I went ahead and"),
    ("Your replacement has shipped.", "Your replacement has shipped"),
    ("The pallet left our depot in Wakefield at 6:10.", "left our depot"),
    ("Your new card went out by first-class post.", "went out by"),
    ("Your documents were posted this afternoon.", "Your documents were posted this afternoon"),
    # an offer of something in particular
    ("I can sort a replacement for you today if that helps.", "I can sort a replacement"),
    # a time within the hour
    ("I'll call you back within the hour.", "within the hour"),
    # -- first round (English and Spanish, from the timing corpus) --
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
    ("New pair due Thurs from 11am at our Kingsway branch.", "due Thurs"),
    ("The right ones arrive first thing tomorrow.", "arrive first thing"),
    ("Mark is off sick, so Thursday's 5pm lesson moves to Sat 10am.", "moves to"),
    ("If you need to speak to me, you can reach me on 0131 496 0772.", "reach me on"),
    ("I've held three slots for you at Kelso Road on Thursday and Monday.", "held"),
    ("I'm in the Dunoon area on Thursdays: I could come on the 12th.", "could come"),
    ("If it would help, we can split the balance into three monthly payments.", "can split"),
    ("Two oil-filled heaters are being delivered to the flat by 11:00.", "being delivered"),
    ("Next update at 15:00 by text.", "Next update"),
    ("We've reprinted the labels at both shops this morning.", "reprinted"),
    ("Feel free to reach out if you'd like to rebook.", "reach out"),
)


@pytest.mark.parametrize(("text", "words"), NEXT_STEPS, ids=[t[:40] for t, _ in NEXT_STEPS])
def test_a_next_step_in_other_words_is_found(text: str, words: str) -> None:
    spans = _element(text, "next_steps")
    assert _covers(spans, text, words), [text[s:e] for s, e in spans]


NOT_NEXT_STEPS: tuple[str, ...] = (
    "Anything else I can sort for you while you're here?",
    "Is there anything else I can sort?",
    "It's a shame the weather spoiled your trip.",
    "We rolled out a new app last month, which is where the fault began.",
    "Unlocking is only available after six months on the plan.",
    "Please accept our sincere apologies for the wait.",
    "The rate is fixed for the first twelve months.",
    "Your expected delivery date was last Tuesday.",
    "The trail shoes are back in stock in most sizes.",
    "The hotel is ten minutes' walk from the station.",
    # -- first round (English and Spanish, from the timing corpus) --
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
    spans = _element(text, "next_steps")
    assert spans == [], [text[s:e] for s, e in spans]


def test_a_time_within_the_hour_answers_when() -> None:
    text = ("Sorry about the roaming fault. Reply here with your number and I'll switch it on "
            "within the hour.")
    assert "EL004" not in _rules(text, OURS, channel="chat")
    assert _topic(text, "timeframe") == ["within the hour"]


@pytest.mark.parametrize("text", [
    "Your refund was sent at 10:15 (reference RF-20931) and should clear tomorrow.",
    "The payment went out by bank transfer, ref. 88213-B.",
])
def test_a_reference_code_is_tracking(text: str) -> None:
    assert _topic(text, "tracking")


@pytest.mark.parametrize("text", [
    "Thank you for your reference to last year's invoice.",
    "With reference to your letter, the meter was read on time.",
])
def test_reference_in_words_is_no_tracking(text: str) -> None:
    assert _topic(text, "tracking") == []


# -- restitution ------------------------------------------------------------------------------

# (text, words a restitution span must overlap)
RESTITUTION: tuple[tuple[str, str], ...] = (
    ("I've reversed the duplicate £12.50 payment.", "reversed the duplicate"),
    ("I'll void the second charge this afternoon.", "void the second"),
    ("We've also paid an extra £25 into your account for the trouble.",
     "paid an extra £25"),
    ("I've transferred £40 into your bank account as a goodwill gesture.",
     "transferred £40 into your bank account"),
    ("I've knocked the delivery charge off your order.", "knocked the delivery charge off"),
    ("We took it off your final bill.", "took it off your final bill"),
    ("I've removed the late payment fee from your statement.",
     "removed the late payment fee"),
    ("We've dropped the reconnection charge.", "dropped the reconnection charge"),
    ("Your next box is on us.", "Your next box is on us"),
    ("Drinks are on us when you come back.", "Drinks are on us"),
    ("I'd like to offer you breakfast on us tomorrow.", "breakfast on us"),
    ("We'll credit the £9.99 you paid for the rental.", "credit the £9.99"),
    ("I'll credit the cost of the taxi to your account.", "credit the cost"),
    ("The admin fee shouldn't have been added, so I've waived it.", "waived it"),
    ("I've added £15 to your account balance.", "added £15 to your account"),
    ("The card replacement fee has been waived.", "fee has been waived"),
    ("We'll pick up the tab for your hotel that night.", "pick up the tab"),
    ("I've covered the taxi fare you paid at the airport.", "I've covered the taxi fare"),
    ("I've comped your parking for the weekend.", "comped your"),
    ("I've added an extra month to your membership free.", "an extra month to your membership"),
    ("Your next box is completely free.", "Your next box is completely free"),
    ("I'll send you a new charger today.", "send you a new charger"),
    # -- first round (English and Spanish, from the timing corpus) --
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
    # the wrong item kept, a price in brackets (found on held-out 33)
    ("You're welcome to keep the cedarwood one.", "keep the cedarwood one"),
    ("Falls die alte doch noch kommt, behalt sie einfach.", "behalt sie einfach"),
    ("We've taken the two panes (£96) off the final invoice.", "(£96) off"),
    # a charge waived, something added for the trouble, a fee gone back or not charged
    # (found on held-out 31 and 32)
    ("I'm waiving April's £29 rental.", "waiving April's £29 rental"),
    ("I've added £50 to your October statement for the trouble.", "for the trouble"),
    ("The £22 booking fee has gone back to the card you paid with.", "gone back to the card"),
    ("The £18 weighing fee won't appear on your March statement.", "appear on your March"),
    ("Für die Verzögerung ziehen wir Ihnen 150 € von der Schlussrechnung ab.",
     "von der Schlussrechnung ab"),
    ("Den heutigen Miettag zahlt ihr nicht.", "zahlt ihr nicht"),
    ("Nous déduisons 15 % de la facture de mars.", "déduisons 15"),
    # found on held-out 34
    ("Außerdem erlassen wir Ihnen die Montagepauschale von 480 €.", "Montagepauschale"),
    ("Os descontamos tres días del alquiler de marzo.", "Os descontamos"),
    ("Quédese también los platos Azahar, se los regalamos.", "se los regalamos"),
    # found on held-out 36
    ("Your winding fee for this month has been waived.", "has been waived"),
    ("£5 has been taken off your November bill.", "taken off"),
    ("Bramble's next session on Thursday 12 March at 11am is on us.", "is on us"),
    ("Deshalb erlassen wir Ihnen die Rate für April vollständig.", "die Rate"),
    ("Die Lieferung dieser Woche wird Ihnen nicht berechnet.", "nicht berechnet"),
    ("Les frais de transport sont pour moi.", "sont pour moi"),
    ("Vamos a devolveros el importe de la visita.", "devolveros"),
)


@pytest.mark.parametrize(("text", "words"), RESTITUTION, ids=[t[:40] for t, _ in RESTITUTION])
def test_restitution_in_other_words_is_found(text: str, words: str) -> None:
    spans = _element(text, "restitution", OURS)
    assert _covers(spans, text, words), [text[s:e] for s, e in spans]


NOT_RESTITUTION: tuple[str, ...] = (
    "You can void the duplicate invoice from the Invoices page.",
    "You paid £45 for the upgrade last month.",
    "We've taken the old meter away.",
    "Take the cover off before you switch it on.",
    "That mistake is on us, and I'm sorry.",
    "I've removed it from your saved addresses.",
    "The fee covers the courier's cost.",
    "I've added your partner to the booking.",
    "Delivery is free on orders over £40.",
    "You're welcome to keep the appointment if it still suits.",
    "I'm afraid we can't waive the late fee this time.",
    "I've sent the form for the trouble ticket.",
    "Wenn Sie die Rechnung nicht zahlen, erinnern wir Sie per Post.",
    # the labellers do not count a wrong item kept this way as amends (held-out 10 to 24)
    "There's no need to send them back.",
    "A payment of £120 was taken from your account in error.",
    "Our last session on Thursday ran late, and the delay is on us.",
    # -- first round (English and Spanish, from the timing corpus) --
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
    spans = _element(text, "restitution", OURS)
    assert spans == [], [text[s:e] for s, e in spans]


def test_a_gift_counts_only_after_our_failure() -> None:
    text = "Your new card has expired, so I'll send you a new card today."
    assert _element(text, "restitution", NOT_OURS) == []
    assert _element(text, "restitution", OURS) != []


# -- blame on partners and on the customer ----------------------------------------------------

BLAME_PARTNER: tuple[tuple[str, str], ...] = (
    ("Sorry, your order is delayed because our wholesaler supplier is out of stock.",
     "our wholesaler supplier is out of stock"),
    ("The courier has run out of vans in your area this week.",
     "The courier has run out"),
    ("The printer is waiting for paper stock, so the brochures will be late.",
     "The printer is waiting for"),
    ("Repairs in your building are carried out by our contractor, who says the part is late.",
     "are carried out by our contractor"),
    ("Returns are handled by a third-party courier, so the delay is theirs.",
     "are handled by a third-party courier"),
    ("The blame here lies with the manufacturer.", "lies with the manufacturer"),
    ("I'm afraid this is a courier issue.", "a courier issue"),
    ("It's the responsibility of the installer to book the visit.",
     "It's the responsibility of the installer"),
    ("The supplier sent us the wrong tiles.", "The supplier sent us the wrong"),
    # where the goods sit, at a partner's; a partner late, told with "erst" (held-out 30)
    ("Your swimsuit is still at the courier's depot in Wednesbury.",
     "still at the courier's"),
    ("Der Lieferdienst hat die Bestellung an diesem Abend leider erst sehr spät bei uns "
     "abgeholt.", "Der Lieferdienst hat die Bestellung an diesem Abend leider erst sehr spät"),
)


@pytest.mark.parametrize(("text", "words"), BLAME_PARTNER,
                         ids=[t[:40] for t, _ in BLAME_PARTNER])
def test_blame_on_a_partner_is_found(text: str, words: str) -> None:
    found = _topic(text, "blame-partner")
    assert any(words in span or span in words for span in found), found
    assert "BL001" in _rules(text, COMPLAINT)


@pytest.mark.parametrize("text", [
    # what a partner lacked (found on held-out 32); the same lack of ours is an admission
    "Our supplier had no drivers free on Monday, so your delivery slipped to Wednesday.",
    "Der Termin verschiebt sich, da unser Kranverleih kurzfristig keinen Fahrer zur "
    "Verfügung hatte.",
    "Die Spedition hatte keinen Fahrer zur Verfügung.",
])
def test_what_a_partner_lacked_is_blame(text: str) -> None:
    assert "BL001" in _rules(text, COMPLAINT)
    assert _element(text, "apology", OURS) == []


def test_what_we_lacked_is_an_admission() -> None:
    text = "We had no engineers free on Tuesday, so your visit moved to Thursday."
    assert "BL001" not in _rules(text, COMPLAINT)
    assert _element(text, "apology", OURS) != []


NOT_BLAME_PARTNER: tuple[str, ...] = (
    "I've phoned our supplier and they will send the part today.",
    "The supplier is sending a new batch on Monday, which I've reserved for you.",
    "We carried out the repair ourselves on Tuesday.",
    "The bouquet is still with our courier and you can follow it online.",
    "Der Lieferdienst holt die Bestellung erst um 19 Uhr ab, dann ist sie warm bei Ihnen.",
)


@pytest.mark.parametrize("text", NOT_BLAME_PARTNER, ids=[t[:40] for t in NOT_BLAME_PARTNER])
def test_a_partner_doing_its_job_is_no_blame(text: str) -> None:
    assert "BL001" not in _rules(text, COMPLAINT)


BLAME_CUSTOMER: tuple[str, ...] = (
    "Under the lease it is the tenant's responsibility to bleed the radiators.",
    "As the terms say, the cardholder is responsible for keeping the PIN safe.",
    "It remains your sole responsibility to insure the goods in transit.",
    "You're responsible for returning the equipment within 14 days.",
    "You didn't include the serial number, so we couldn't process the claim.",
    # a duty laid on the customer after the fact; what they should not have done (held-out 27)
    "The date was in the reminder, and it was up to you to cancel before then.",
    "Sie hätten das Tor nicht bei blinkender Warnleuchte durchfahren dürfen.",
    # what the customer had to do first (held-out 30)
    "If you wanted bronze, you needed to tell us before we started painting.",
    # the failure put down to what the customer got wrong or left undone, as its cause
    "The wrong date was booked because you entered it wrong.",
    "The parcel went to the wrong address because you gave us the old one.",
    "Your order was cancelled because you didn't confirm it within 24 hours.",
    "Der Termin war falsch, weil Sie das falsche Datum eingegeben haben.",
    "Die Bestellung wurde storniert, weil Sie sie nicht bestätigt haben.",
    "La commande est partie à la mauvaise adresse parce que vous nous avez donné l'ancienne.",
    "Le colis est reparti car vous n'avez pas confirmé le créneau.",
    "El pedido fue a otra casa porque nos dio la dirección antigua.",
    # what the customer ignored or did against our advice, and what was theirs to do
    # (found on held-out 34)
    "The account was closed because you ignored the two warning emails we sent.",
    "The paint lifted because you drove on it against our written advice.",
    "Die Fugen sind gerissen, weil Sie die Einfahrt entgegen unserer schriftlichen "
    "Empfehlung befahren haben.",
    "C'était à vous de relire les conditions du mandat avant de le signer.",
    "Tendríais que haber revisado la caja al recibirla.",
)


@pytest.mark.parametrize("text", BLAME_CUSTOMER, ids=[t[:40] for t in BLAME_CUSTOMER])
def test_responsibility_put_on_the_customer_is_blame(text: str) -> None:
    assert "BL002" in _rules(text, COMPLAINT)


NOT_BLAME_CUSTOMER: tuple[str, ...] = (
    "Keeping your card safe is our responsibility as much as yours, so I've blocked it.",
    "The landlord's responsibility for the boiler ends at the meter.",
    "If you didn't receive the code, I can send it again.",
    "We are responsible for returning the deposit within 10 days.",
    "It's up to you which of the two slots you take.",
    "Sie hätten die Wohnung auch am Samstag beziehen dürfen.",
    "I'm sorry you had to tell us twice before anyone listened.",
    # a plain cause, or what failed to reach the customer (ours)
    "Your bill is higher because you used more energy this winter.",
    "Because you waited so long, we have added a gift to the parcel.",
    "If the link failed because you didn't receive our email, I can resend it.",
    "Sie haben den Code nicht bekommen, weil wir ihn nicht verschickt haben.",
    "Le lien n'a pas marché parce que vous n'avez pas reçu le bon e-mail.",
    "Sorry, we ignored your first two emails.",
    "C'est à vous de choisir le créneau qui vous convient.",
    "Against our own advice, we shipped it before the glue had set.",
)


@pytest.mark.parametrize("text", NOT_BLAME_CUSTOMER, ids=[t[:40] for t in NOT_BLAME_CUSTOMER])
def test_responsibility_of_ours_is_no_blame_on_the_customer(text: str) -> None:
    assert "BL002" not in _rules(text, COMPLAINT)


# -- transfers to another firm or trade -------------------------------------------------------

TRANSFERS: tuple[str, ...] = (
    "You'll need to speak to your letting agent about the damp in the hallway.",
    "Please contact your energy supplier to have the meter replaced.",
    "You should check with the airline about your seat.",
    "You would need to call your building society to release the funds.",
    "You'll have to take it up with the seller, as we only carried the parcel.",
    "Please direct your complaint to the venue.",
    # anyone else to take it up with "directly" (found on held-out 5, 6, 14 and 15)
    "Please contact the station's lost property office directly.",
    "You will need to make a claim with the glass maker directly.",
    "Bitte wenden Sie sich wegen der Kaution direkt an den Vermieter.",
    "Te recomiendo que contactes directamente con ellos en el 902 123 456.",
    # whoever the customer will need to go to (found on held-out 20)
    "You will need to contact our insurer, Brookfield Mutual, on 0345 600 1188.",
    "You'll need to apply to the county's parking office yourself for the permit.",
    "Pour le remboursement, il faudra en faire la demande sur leur site.",
    "Le explicamos cómo tramitar la garantía con el fabricante de la caldera.",
    # the partner just named, as "them"; a written claim to another department (held-out 33)
    "Your bank declined the payment. You'll need to give them a call to release it.",
    "The courier has it at their depot, so you'll have to ring them to rebook.",
    "Une indemnisation pourra être étudiée sur demande écrite adressée à notre service "
    "réclamations.",
    "Toute réclamation écrite est à adresser au service litiges.",
    # "take up with them", and the German verb at the end (found on held-out 34)
    "The repair is theirs, so it's something you will need to take up with them directly.",
    "Dafür müssen Sie sich bitte direkt an die Hausverwaltung Brandt & Söhne wenden.",
)


@pytest.mark.parametrize("text", TRANSFERS, ids=[t[:40] for t in TRANSFERS])
def test_passing_the_customer_to_another_firm_is_a_transfer(text: str) -> None:
    assert "CT002" in _rules(text, COMPLAINT)


NOT_TRANSFERS: tuple[str, ...] = (
    "I've contacted your landlord's electrician myself, and he'll call you at 10.",
    "You don't need to contact the airline; I've moved your seat.",
    "Please contact us if the electrician doesn't arrive.",
    "Just email or call me directly if anything else comes up.",
    "Wenden Sie sich bei Fragen gern direkt an uns.",
    "You'll need to call us back on 0113 496 0177 once the parcel arrives.",
    "You will need to contact our support team through the app.",
    "Vamos a reclamar al transportista la caja que falta.",
    # what we send the customer ourselves (held-out 29)
    "Dr Hallam is writing the report now, and I'll email it to you directly.",
    "Our engineer will contact you directly to book the visit.",
    "Votre demande adressée à notre service client a bien été reçue.",
    "I've called them myself and they'll deliver it on Friday.",
    "Bei Fragen müssen Sie sich direkt an mich wenden.",
)


@pytest.mark.parametrize("text", NOT_TRANSFERS, ids=[t[:40] for t in NOT_TRANSFERS])
def test_handling_it_ourselves_is_no_transfer(text: str) -> None:
    assert "CT002" not in _rules(text, COMPLAINT)


@pytest.mark.parametrize(("text", "words"), [
    # an apology passed on, no excuse, "leidtut" in one word (found on held-out 34)
    ("Please pass my apology to Amara as well.", "pass my apology"),
    ("I have no excuse to offer you.", "no excuse"),
    ("Sag Emil bitte, dass es uns echt leidtut.", "leidtut"),
    ("Entschuldigung, das war unser Fehler.", "Entschuldigung"),
    ("Disculpa de nuevo por el retraso.", "Disculpa de nuevo"),
])
def test_an_apology_in_other_words_is_found(text: str, words: str) -> None:
    spans = _element(text, "apology", OURS)
    assert _covers(spans, text, words), [text[s:e] for s, e in spans]


@pytest.mark.parametrize("text", [
    # what amends stand for is no apology (never labelled one in the corpora)
    "Als Entschuldigung legen wir zwei Brotzeitpakete für die Fahrt dazu.",
    "Als kleine Entschuldigung bekommen Sie einen Gutschein über 30 €.",
    "Como disculpa, le enviamos también la miniexpansión.",
])
def test_what_amends_stand_for_is_no_apology(text: str) -> None:
    assert _element(text, "apology", OURS) == []


# -- over-promises ("{ever}" was a group of one: "it won't happen again" never matched) ------

@pytest.mark.parametrize(("text", "flagged"), [
    ("So sorry we missed your windows. Guaranteed it won't happen again!", True),
    ("I can assure you that nothing like this will ever happen again.", True),
    ("I can also guarantee that nothing like this will happen on any future hire.", True),
    ("I guarantee they'll be a perfect match to your January skeins.", True),
    ("I can guarantee she'll be on the water for the bank holiday.", True),
    ("Wir versichern Ihnen, dass so etwas nicht wieder vorkommt.", True),
    ("Te aseguramos que no volverá a pasar.", True),
    ("Ce genre d'erreur ne se reproduira plus.", True),
    ("I've changed how we pack glass so that this is far less likely to happen again.", False),
    ("Hemos cambiado el proceso para que no vuelva a pasar.", False),
    ("I can't guarantee a delivery date until the courier confirms it.", False),
    ("Wir tun alles, damit das nicht wieder passiert.", False),
])
def test_a_promise_that_it_will_never_happen_again_is_an_over_promise(
        text: str, flagged: bool) -> None:
    assert ("PR001" in _rules(text, COMPLAINT)) is flagged


# -- regret of the customer's view, and bare requests (found on held-out 33) -----------------

@pytest.mark.parametrize(("text", "flagged"), [
    ("Nous sommes navrés que vous perceviez la situation ainsi.", True),
    ("Sentimos que la espera le haya molestado.", True),
    ("Lamentamos que el retraso te haya disgustado.", True),
    ("Nous sommes navrés que la réparation ait pris du retard.", False),
    ("Sentimos mucho el retraso de su pedido.", False),
])
def test_regret_of_how_the_customer_takes_it_is_a_non_apology(text: str, flagged: bool) -> None:
    assert ("TN001" in _rules(text, COMPLAINT)) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Your trailer is ready. Bring your licence and a utility bill.", True),
    ("The trailer is ready from 8am Saturday. Return it by 6pm Sunday.", True),
    ("La canne est de nouveau disponible. Commandez-la sur notre site.", True),
    ("Please bring your licence and a utility bill.", False),
    ("We'll bring your order round on Monday.", False),
    ("I'll return it by Friday, fully serviced.", False),
])
def test_a_bare_request_to_bring_or_return_lacks_a_please(text: str, flagged: bool) -> None:
    assert ("TN003" in _rules(text, COMPLAINT)) is flagged


# -- the relevant-team form letter ------------------------------------------------------------

FENWICK = {"name": {"title": "Mr", "given": "Tom", "family": "Fenwick"}, "locale": "en-GB"}


def test_the_relevant_team_reply_is_a_form_letter() -> None:
    situation = {**OURS, "kind": "complaint",
                 "customer_message": "The blender lid cracked the first time I used it."}
    text = ("Dear Mr Fenwick,\n\nThank you for contacting us. We were sorry to learn of your "
            "recent disappointment. I have forwarded your feedback to the appropriate "
            "department, and someone will be in touch in due course.\n\n"
            "Kind regards,\nCustomer Relations")
    assert "FL001" in _rules(text, situation, customer=FENWICK)
    assert _covers(_element(text, "next_steps", situation), text, "someone will be in touch")


def test_a_personal_reply_naming_a_team_is_no_form_letter() -> None:
    situation = {**OURS, "kind": "complaint",
                 "customer_message": "The blender lid cracked the first time I used it."}
    text = ("Dear Mr Fenwick,\n\nI'm sorry the lid cracked. I've passed the photos to our "
            "quality team, and a new lid left our Wakefield store today; it should reach you "
            "on Thursday.\n\nKind regards,\nPriya")
    assert "FL001" not in _rules(text, situation, customer=FENWICK)


# -- the patterns behind these families find what a full search finds -------------------------

_MIX = st.sampled_from([
    "we", "I", "our", "picker", "system", "should", "have", "should've", "packed", "taken",
    "it", "by", "Friday", "6pm", "was", "been", "given", "the", "wrong", "slip", "us",
    "one", "of", "sent", "you", "instead", "not", "ordered", "you'd", "paid", "for",
    "because", "due", "to", "a", "change", "made", "fee", "removed", "them", "waived",
    "reference", "ref.", "AB-1234", "5-7", "courier", "supplier", "is", "out", "stock",
    ".", ",", "\n", "courier's",
])
_MATCHER = matcher()


@settings(max_examples=300, deadline=None)
@given(st.lists(_MIX, max_size=30).map(" ".join))
def test_the_new_patterns_find_where_tried_what_a_full_search_finds(text: str) -> None:
    norm = normalize(text)
    present = {entry[2] for group in _MATCHER.groups
               for _end, entries in _MATCHER.automaton(group).iter(norm)
               for entry in entries if entry[1] < 0}
    if any(ch.isdigit() for ch in norm):
        present |= set("0123456789")
    present |= _MATCHER.languages
    for raw in _MATCHER.raws:
        if not raw.origin.startswith("courtesy/rules/lexicons/en/"):
            continue
        everywhere = [m.span() for m in raw.pattern.finditer(norm if raw.on_norm else text)]
        tried = [m.span() for m in raw.spans(text, norm, present)] \
            if raw.triggered(present) else []
        assert tried == everywhere, raw.origin
