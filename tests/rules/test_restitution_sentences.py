"""Restitution read by the sentence (courtesy/rules/restitution.py): a refusal anywhere in
the sentence takes the amends back unless a "but" stands between them, and the phrases of
one sentence make one span."""

from __future__ import annotations

import pytest
from lexicon_gaps import NOT_OURS, OURS, found

from courtesy import check

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


#: (id, text, words): amends in plain verbs, in sentences of our own
PLAIN_AMENDS = [
    # any bill or cost of the customer's that we will pay (held-out 20)
    ("en-pay-any-bill", "We'll pay the £40 locksmith invoice in full.", "locksmith invoice"),
    ("en-cover-any-charges", "I'll cover any parking charges from the two extra visits.",
     "parking charges"),
    # gifts, waived charges, costs we pay, credit (held-out 21)
    ("en-compliments", "We've added a jar of honey to your box, with our compliments.",
     "with our compliments"),
    ("en-wont-be-charging", "We won't be charging you for the second visit.", "be charging"),
    ("en-pay-to-replace", "We'll pay to replace the cushion cover, up to £40.", "pay to replace"),
    ("es-ningun-coste", "La segunda revisión no tendrá ningún coste para usted.",
     "ningún coste"),
    ("es-cualquier-gasto", "Nos haremos cargo de cualquier gasto de farmacia.",
     "cualquier gasto"),
    ("de-guthaben", "Wir buchen dir 12 € Parkguthaben auf dein Konto.", "Parkguthaben"),
    # money sent to the customer, and fees of ours waived (held-out 20)
    ("es-transferimos", "Hoy mismo le transferimos los 35 € del recargo a su cuenta.",
     "transferimos los 35"),
    ("fr-virons", "Nous vous virons 42 € dès demain pour les frais de taxi.", "virons 42"),
    ("en-denial-in-a-relative-clause", "Anyone who can't come back will be refunded in full.",
     "refunded"),
    ("en-without-then-free", "We'd be glad to make a new wreath, without lilies, at no cost "
                             "to you.", "at no cost"),
    ("es-nuestros-honorarios", "No le cobraremos nuestros honorarios de este mes.",
     "cobraremos nuestros"),
    ("en-cover", "That was our slip, so we'll cover the cost of the locksmith.", "cover the cost"),
    ("en-back-to-bank", "The £12 overpayment goes back to your bank on Friday.",
     "back to your bank"),
    ("en-keep", "Please keep the faulty one; a new kettle is on its way.", "keep the faulty one"),
    ("en-no-charge", "We won't charge for the call-out, as the fault was ours.", "charge for"),
    ("de-behalten", "Den falschen Pullover können Sie gerne behalten.", "behalten"),
    ("de-storniert", "Die Rechnung für den zweiten Einsatz haben wir storniert.", "storniert"),
    ("de-zurueck", "Den doppelt gezahlten Betrag überweisen wir Ihnen morgen zurück.", "zurück"),
    ("fr-garder", "Vous pouvez garder le colis, nous vous renvoyons la bonne taille.", "garder"),
    ("es-anulado", "Hemos anulado el cargo de reconexión.", "anulado"),
    ("es-quedar", "Puedes quedártelo, te enviamos otro hoy mismo.", "quedártelo"),
    ("en-pay-penalty", "We will pay the £60 penalty for you in full.", "pay the £60"),
    ("en-keep-copy", "You're welcome to keep the first copy as a spare.", "keep the first copy"),
    ("en-nothing-to-pay", "That class is on us: there's nothing to pay for it.", "nothing to pay"),
    ("en-towards", "The tickets are refunded, and we've sent £45 towards your taxi fares.",
     "£45 towards your taxi fares"),
    ("en-current-account", "The duplicate debit went back to your current account today.",
     "back to your current account"),
    ("en-added-for", "We've added £15 for the bank charges it caused you.", "added £15 for"),
    ("en-reduced-by", "Your June rent will be reduced by a third while the lift is out.",
     "reduced by a third"),
    ("en-give-free", "Pick any evening and we'll give you that session free.",
     "give you that session free"),
    ("en-half-price", "We'll reprint the banner at half price and post it on Monday.",
     "at half price"),
    ("en-free-round", "Your table is booked for Friday, with a free round of drinks.",
     "free round of drinks"),
    ("de-wir-ueberweisen", "Wir überweisen Ihnen die 120 € bis Montag zurück.",
     "Wir überweisen Ihnen die 120 € bis Montag zurück"),
    ("de-ersetzen", "Wir ersetzen Ihnen die Vase zum Neupreis.", "Wir ersetzen Ihnen"),
    ("fr-entierement-en-charge", "Le plombier revient lundi pour la réparation, que nous "
                                 "prenons entièrement en charge.", "entièrement en charge"),
    ("fr-et-vous-offrons", "Nous vous remboursons le billet et vous offrons un dîner.",
     "vous offrons"),
    ("es-de-regalo", "Le hemos añadido de regalo una caja de té.", "de regalo"),
    ("es-nueva-sin-coste", "Si no tiene arreglo, te la cambiamos por una nueva sin coste.",
     "sin coste"),
    # found on held-out 11
    ("en-pay-his-bill", "A restorer will ring you, and we will pay his bill in full.",
     "pay his bill"),
    ("en-knocked-off", "I've knocked this week's £3.50 delivery fee off.", "knocked"),
    ("en-waived-it", "It was your first one, so we've waived it this time.", "waived it"),
    ("de-gutbuchen", "Ich buch dir einen Tagespass gut, den kannst du jederzeit einlösen.",
     "Tagespass gut"),
    ("es-devolucion-del-segundo", "Ya hemos solicitado la devolución del segundo cargo.",
     "devolución del segundo cargo"),
    # found on held-out 12
    ("en-knocked-coating-off", "I've knocked the £45 anti-glare coating off.", "knocked"),
    ("en-off-this-invoice", "I've taken the two hours off this month's invoice.", "taken"),
    ("en-pay-you-the", "We will pay you the £62 in export income you lost.", "pay you the £62"),
    ("de-behalten-bitte", "Den Riesling behalten Sie bitte mit unseren Grüßen.", "behalten Sie"),
    ("de-pauschale-entfaellt", "Die Anfahrtspauschale von 35 EUR entfällt.", "entfällt"),
    ("fr-places-offertes", "Voici deux places offertes pour le concert de mai.", "offertes"),
    ("es-invitarle", "Queremos invitarle a un fin de semana en el hotel.", "invitarle a"),
    ("es-de-regalo", "Le enviamos una bolsa de descafeinado de regalo.", "de regalo"),
    # found on held-out 13
    ("en-pay-for-the-vet", "I'm so sorry about Bella's ear; we'll pay for the vet.",
     "pay for the vet"),
    ("en-rent-cancelled", "Your rent for February and March is cancelled.", "cancelled"),
    ("en-waived-yesterdays", "We've also waived yesterday's £120 call-out charge.",
     "waived yesterday's"),
    ("en-added-free", "I've added two free one-to-one classes to your account.",
     "added two free"),
    ("en-this-weeks-free", "Sorry again about the mix-up: this week's is free.", "is free"),
    ("de-berechnen-nicht", "Die Lieferung berechnen wir dir natürlich nicht.",
     "berechnen wir dir natürlich nicht"),
    ("de-zurueck-auf-karte", "Die 14,50 € sind schon zurück auf deiner Karte.",
     "zurück auf deiner Karte"),
    ("fr-pas-factures", "Les frais d'impression ne vous seront pas facturés.",
     "ne vous seront pas facturés"),
    ("fr-est-offerte", "Toutes nos excuses : ta prochaine location est offerte.",
     "est offerte"),
    # found on held-out 14
    ("en-no-charge-for-this", "They're at the front desk from 3pm, no charge for this box.",
     "no charge for this"),
    ("en-next-rolls-free", "Sorry again: your next five rolls of dev + scan are free.",
     "are free"),
    ("en-taking-off-rent", "We're taking £75 off your February rent.", "taking £75 off"),
    ("en-pay-them-back", "If your staff were charged, we will pay them back.",
     "pay them back"),
    ("fr-ne-facturerons-pas", "Nous ne vous facturerons pas cette commande.",
     "ne vous facturerons pas"),
    ("fr-prelevement-annule", "Le prélèvement de 78 € a déjà été annulé.", "annulé"),
    ("fr-pour-vous", "Vous pouvez garder le rouge, il est pour vous.", "il est pour vous"),
    ("es-devolucion-de", "La devolución de 387,40 € ya está en camino.", "devolución de 387,40 €"),
    # found on held-out 15
    ("en-pay-for-a", "Sorry about the spill: we'll pay for a professional rug clean.",
     "pay for a professional"),
    ("en-off-berth-invoice", "I've taken the electricity charge for March off your next berth "
                             "invoice.", "taken"),
    # found on held-out 16
    ("en-added-to-it", "I've released the payment and added £40 to it for the trouble.",
     "added £40 to it"),
    ("en-for-a-free", "Sorry about the lane: we'll get you back in for a free game.",
     "for a free game"),
    ("de-zinsen-uebernehmen", "Die Überziehungszinsen, die Ihnen entstanden sind, übernehmen wir "
                              "ebenfalls.", "übernehmen wir"),
    ("de-berechnen-wir-nicht", "Die Anfahrt berechnen wir nicht.", "berechnen wir nicht"),
    ("fr-offrons-a", "Nous offrons à Lucie et Gaspard une séance de perfectionnement.",
     "offrons à"),
    # found on held-out 19
    ("en-is-on-us", "The birthday badge for your son is on us too.", "is on us"),
    ("es-pagaremos", "Pagaremos el recargo de 230 € directamente a Hacienda.",
     "Pagaremos el recargo"),
    # found on held-out 17 and 18
    ("en-count-of-free-things", "I've popped 3 free washes into your app.", "3 free washes"),
    ("en-a-free-anything", "Sorry again: there's a free climbing taster waiting for you.",
     "a free climbing"),
    ("en-her-next-is-free", "Her next trim is free.", "Her next trim is free"),
    ("en-no-charge-for-today", "This one's on us, no charge for today.", "no charge for today"),
    ("de-freikarten", "Als kleine Wiedergutmachung legen wir zwei Freikarten bei.", "Freikarten"),
    ("de-rechnen-nicht-an", "Die zweite Nacht rechnen wir Ihnen nicht an.",
     "rechnen wir Ihnen nicht an"),
    ("es-no-se-la-cobramos", "Esa clase no se la cobramos.", "no se la cobramos"),
    # a waived fee of ours, what we pay for with no article (held-out 27)
    ("en-waived-our-fee", "I have also waived our admin fee of £40.", "waived our"),
    ("de-zurueck-auf-karte", "Die 6 € gehen heute zurück auf deine Karte.",
     "zurück auf deine Karte"),
    ("en-pay-for-cleaning", "We will pay for professional cleaning of the rug.",
     "pay for professional"),
    ("de-kriegst-du-zurueck", "Die Versandkosten kriegst du zurück 🙂", "kriegst du zurück"),
    # money sent back and costs carried, told plainly (held-out 30)
    ("en-returned-the-fee", "I've returned the £28 session fee to the card you paid with.",
     "returned the £28"),
    ("en-covering-that", "The callout was our doing, so we're covering that, not you.",
     "covering that"),
    ("es-devolverte-la", "Podemos devolverte la diferencia esta semana.", "devolverte la"),
]

#: (id, text, words): something given on top of the fix stays amends
ON_TOP_OF_THE_FIX = [
    ("en-upgrade-free", "We'll repair the hinge and upgrade you to the soft-close set free of "
                        "charge.", "free of charge"),
    ("fr-remboursement", "Nous réparons la fermeture et vous remboursons la retouche, "
                         "gratuitement.", "rembours"),
]


@pytest.mark.parametrize(("text", "words"), [c[1:] for c in ON_TOP_OF_THE_FIX],
                         ids=[c[0] for c in ON_TOP_OF_THE_FIX])
def test_a_gift_on_top_of_the_fix_is_amends(text: str, words: str) -> None:
    assert [span for span in found(text, "restitution", OURS) if words in span]


#: (id, text): words of amends that give nothing here
NO_AMENDS = [
    ("en-refund-elsewhere", "For a refund, you will need to contact the agency you booked with."),
    ("en-move-at-no-cost", "We can move your booking to Friday at no extra cost."),
    ("es-cita-sin-coste", "Te cambiamos la cita al jueves sin coste."),
    ("en-refunds-team", "For a refund of the £18, please email our refunds team at "
                        "refunds@parking.example."),
    ("en-partner-replacement", "You'll need to contact the maker directly to get a "
                               "replacement."),
    ("es-prima-abonada", "Por tanto, la prima abonada no es reembolsable."),
    ("en-free-to", "You're free to cancel and rebook at any time."),
    ("en-free-as-open", "We have one free slot on Friday at 10, if that suits you."),
    ("en-covering-shifts", "We're covering that shift with a relief driver."),
    # found on held-out 7, 8 and 18
    ("en-not-able-to-reimburse", "As the sailing was cancelled for weather, we aren't able to "
                                 "reimburse taxi costs."),
    ("es-no-procede", "Por lo que no procede el reembolso de la factura veterinaria."),
    ("en-request-from-elsewhere", "You can request a refund from the restaurant in the app."),
    ("es-sent-elsewhere", "Contacte directamente con el restaurante para solicitar el "
                          "reembolso."),
    ("en-rather-than-refunded", "Weather cancellations are rebooked rather than refunded, so "
                                "I can't return the £380."),
    ("en-failure-on-us", "The delay on this order is on us."),
    ("en-paid-replacement", "We can fit a replacement tyre for £72 including balancing."),
    ("es-transferimos-llamada", "Le transferimos la llamada a nuestro departamento técnico."),
    # amends denied right before them (held-out 20)
    ("fr-ne-remboursons-pas", "Nous ne remboursons pas les arrhes dans ce cas."),
    ("en-cant-refund", "We can't refund a deposit for a cancellation on the day."),
    ("es-no-reembolsamos", "No reembolsamos las entradas de un concierto aplazado."),
    # the fix itself done free: redoing or repairing what we got wrong (found on held-out 20)
    ("en-redo-at-no-charge", "We'll recut the worktop to the right depth at no charge."),
    ("en-repair-at-no-cost", "Our fitter will repair the hinge on Monday at no cost to you."),
    ("fr-recoller-gratuitement", "Nous recollerons la semelle gratuitement d'ici samedi."),
    ("fr-repris-sans-frais", "L'ancien store sera repris mardi, sans frais pour vous."),
    ("es-arreglar-sin-coste", "Tráelo esta tarde y te lo arreglamos en media hora, sin coste."),
]


def test_a_gift_of_the_house_is_amends_only_after_our_failure() -> None:
    text = "Nous avons aussi recousu un bouton, offert par la maison."
    assert found(text, "restitution", NOT_OURS) == []
    assert found(text, "restitution", OURS) == ["offert par la maison"]


@pytest.mark.parametrize("text", [c[1] for c in NO_AMENDS], ids=[c[0] for c in NO_AMENDS])
def test_words_of_amends_that_give_nothing_are_not_restitution(text: str) -> None:
    assert found(text, "restitution", OURS) == []


@pytest.mark.parametrize(("text", "words"), [c[1:] for c in PLAIN_AMENDS],
                         ids=[c[0] for c in PLAIN_AMENDS])
def test_amends_in_plain_verbs_are_restitution(text: str, words: str) -> None:
    assert [span for span in found(text, "restitution", OURS) if words in span]


def test_paying_a_partner_is_not_restitution() -> None:
    assert found("We'll pay the courier when they collect the sofa.", "restitution", OURS) == []


def test_keeping_a_number_is_not_restitution() -> None:
    text = "Vous pouvez conserver votre numéro actuel lors du changement d'offre."
    assert found(text, "restitution", NOT_OURS) == []


def test_a_gift_word_that_owns_the_fault_is_an_apology_not_amends() -> None:
    text = "Da ist bei uns etwas schiefgelaufen, das geht auf uns."
    assert found(text, "restitution", OURS) == []
    assert [span for span in found(text, "apology", OURS) if "geht auf uns" in span]
    treat = "Das Essen geht heute auf uns."
    assert found(treat, "restitution", OURS) == ["geht heute auf uns"]
    assert found(treat, "apology", OURS) == []


def test_a_paid_replacement_is_no_amends_but_still_a_step() -> None:
    text = "We can fit a replacement tyre for £72 including balancing."
    report = check(text, situation={"kind": "complaint", "our_fault": True})
    assert report.elements["restitution"] == ()
    assert [text[s.start:s.end] for s in report.elements["next_steps"]] == [text]


#: (id, text, words of the span): money of ours moved back to the customer, or a charge of
#: ours taken off, with the amount in the clause (lexicons/<lang>/restitution-free.txt)
MONEY_BACK = [
    ("en-released", "I released the £412 myself this morning.", "released the £412"),
    ("en-cancelled-fee", "I've cancelled the £85 call-out fee.", "cancelled the £85"),
    ("en-wiped", "We've wiped the £10 parking fee from your account.", "wiped the £10"),
    ("en-credit-is-on", "Your £15 credit is on your account now.", "£15 credit is on"),
    ("en-pay-you", "We will pay you the replacement value of the six bottles, £1,140.",
     "pay you the replacement value of the six bottles, £1,140"),
    ("en-amount-back", "The full £180 will be back on your card by Thursday.",
     "£180 will be back on your card"),
    ("de-storniert", "Die 150 € sind storniert.", "150 € sind storniert"),
    ("de-zurueck", "Die 8,50 € gehen heute auf Ihre Karte zurück.",
     "8,50 € gehen heute auf Ihre Karte zurück"),
    ("de-angewiesen", "Die Preisdifferenz von 186 € habe ich heute angewiesen.",
     "186 € habe ich heute angewiesen"),
    ("fr-deduisons", "Nous déduisons le prix du dessert, soit 210 €, de votre facture.",
     "déduisons le prix du dessert, soit 210 €"),
    ("fr-creditons", "Nous créditons 6 € sur votre carte de fidélité.", "créditons 6 €"),
    ("es-devolveremos", "La diferencia de 124,30 € se la devolveremos en la misma cuenta.",
     "124,30 € se la devolveremos"),
    ("es-abono", "En la próxima factura verás un abono de 12 € por la diferencia.",
     "abono de 12 €"),
]

#: (id, text): money moved, but nothing given back
NO_MONEY_BACK = [
    # money owed anyway, released when due: a deposit, a claim paid out
    ("en-claim-approved", "The claim has now been approved for £2,860."),
    ("fr-depot", "Le dépôt de garantie de 950 € vous sera restitué dans les meilleurs délais."),
    # the amount and the verb in different sentences
    ("en-apart", "You paid £40 for the session. We cancelled it because of the storm."),
    # a call back is no money back
    ("en-call-back", "We'll get back to you about it tomorrow."),
    ("de-rueckruf", "Wir rufen Sie morgen zurück."),
]


#: (id, text, words of the span): a thing told as free, or given with no price at the end
#: of its clause, after our failure
TOLD_FREE = [
    ("en-its-free", "Tomorrow's lesson is at 10:30, pickup at the station as usual, and it's free.",
     "it's free"),
    ("en-possessive-free", "A fresh bag went out today, and May's bag is free.", "bag is free"),
    ("en-yours-to-keep", "The whole beans are yours to keep.", "are yours to keep"),
    ("en-comma-no-charge", "Priya can fit a make-up lesson in next Wednesday at 5pm, no charge.",
     "no charge"),
    ("en-comma-on-us", "A vet check is booked for 3pm tomorrow at Ashgrove Vets, on us.", "on us"),
    ("de-aufs-haus", "Die Leihe heute geht aufs Haus.", "geht aufs Haus"),
    ("fr-offerte", "On te reprend mardi pour une patine miel, offerte évidemment.", "offerte"),
    ("fr-bien-sur-offerte", "Cette seconde séance est bien sûr offerte.", "offerte"),
    # short chat amends, a price cut by a sum, what need not come back (held-out 26)
    ("en-no-charge-for-either", "No charge for either coffee.", "No charge for either"),
    ("en-theyre-on-us", "The missing rolls are on their way, and they're on us.",
     "they're on us"),
    ("fr-tu-ne-paies-rien", "Tu ne paies rien pour la réparation de mardi.", "ne paies rien"),
    ("de-um-betrag-ermaessigt", "Die Kursgebühr buchen wir Ihnen um 15 € ermäßigt ab.",
     "um 15 € ermäßigt"),
    ("es-no-tiene-que-devolver", "No tiene que devolvernos nada.", "devolvernos nada"),
    ("es-tampoco-le-cobraremos", "Y tampoco le cobraremos el envío.", "tampoco le cobraremos"),
    # a loan car, a waived fee of ours, a thing made free for a while, what we pay for, what
    # the customer keeps (held-out 27)
    ("en-courtesy-car", "You'll have a courtesy car while yours is in the paint shop.",
     "courtesy car"),
    ("en-free-for-the-next", "Your gym membership is free for the next three months.",
     "is free for the next"),
    ("de-nichts-in-rechnung", "Für den zweiten Termin stellen wir Ihnen nichts in Rechnung.",
     "nichts in Rechnung"),
    ("fr-vous-pouvez-garder", "Vous pouvez garder le premier exemplaire.", "garder le"),
    # held-out 28: extra months given, nothing charged, money going back to the card
    ("en-keep-the-first", "The replacements cost you nothing, and please keep the first "
                          "batch for your staff.", "keep the first batch"),
    ("en-added-months-of", "I've also added 3 months of Premium to your account.",
     "added 3 months of"),
    ("de-berechnen-nichts", "Für die zwei Tage berechnen wir dir nichts.", "berechnen wir dir"),
    # held-out 29: an odd count kept, a dash after what is kept, time added free, money put
    # back, what the customer gets back or does not pay, a new thing sent
    ("en-keep-two-odd", "Please keep the two odd rolls for patching or for a cupboard.",
     "keep the two odd rolls"),
    ("en-keep-first-dash", "Please keep the first one – a few customers like the misprint.",
     "keep the first one"),
    ("en-added-free", "Your hire runs till 6pm and we've added tomorrow morning free.",
     "added tomorrow morning free"),
    ("en-put-back", "We'll put the second £6.50 straight back, within 3 working days.",
     "£6.50 straight back"),
    ("de-relativ-nicht-bezahlen", "Er bringt Ihnen ein neues Gerät mit, das Sie "
                                  "selbstverständlich nicht bezahlen.", "nicht bezahlen"),
    ("es-enviamos-nueva", "Hoy le enviamos una botella nueva de habanero con seguimiento.",
     "una botella nueva"),
    ("fr-envoie-une-autre", "Je t'envoie aujourd'hui une autre géode d'améthyste de la même "
                            "taille.", "une autre géode"),
]

#: (id, text): free as in open, or offered as a tale, not amends
NOT_TOLD_FREE = [
    ("en-slot-free", "The 3pm slot is free, so we can see you then."),
    ("en-weekday-free", "Tuesday is free in Marco's diary."),
    ("en-person-free", "Our engineer said he's free at 4 if that suits."),
    ("fr-avons-offert", "L'an dernier, nous avons offert ce modèle à nos abonnés."),
    ("fr-par-partenaire", "Le guide est offert par l'office de tourisme."),
    ("de-ermaessigte-karten", "Für Kinder gibt es ermäßigte Karten."),
    ("en-refund-link", "That refund link was broken on our end."),
    ("en-refund-claimed-elsewhere", "Any refund for the food will need to be claimed from "
                                    "them directly."),
    ("fr-garder-votre-numero", "Oui, vous pouvez garder votre numéro."),
    ("en-keep-the-old-battery", "Please keep the old battery in its box for the courier."),
    ("en-added-free-slot", "We've added the 3pm slot, which is free."),
    ("en-paid-back-by-you", "Once you have paid the £20 back, the account reopens."),
    ("es-enviamos-nueva-factura", "Le enviamos la factura nueva por correo."),
]


def test_a_redo_with_no_price_at_the_end_of_its_clause_is_the_fix_not_amends() -> None:
    text = "He'll be back Wednesday morning to do them, no charge."
    assert found(text, "restitution", OURS) == []
    assert found("We'll re-wash them with colour remover, free.", "restitution", OURS) == []


#: (id, text, words of the span): the customer not paying, a fee of ours undone in the
#: passive, money taken off with words between (held-out 23)
NOT_PAYING = [
    ("en-wont-be-charged", "You won't be charged the £25 over-lock fee that the system added.",
     "You won't be charged"),
    ("en-will-not-pay", "You will not pay any hire for the weeks since 22 May.",
     "You will not pay"),
    ("en-not-on-invoice", "Tuesday's visits will not appear on your invoice.",
     "will not appear on your invoice"),
    ("en-ours-to-pay", "The £400 late-filing penalty is ours to pay.", "is ours to pay"),
    ("en-possessive-on-us", "April's rent of £89 is on us.", "April's rent of £89 is on us"),
    ("en-fee-reversed", "That fee has now been reversed to your card.",
     "fee has now been reversed"),
    ("en-taken-off", "I've taken the £120 that was invoiced for that period off your account.",
     "taken the £120 that was invoiced for that period off your account"),
    ("en-price-back", "Everyone who bought a ticket gets the ticket price back automatically.",
     "gets the ticket price back"),
    ("de-auf-uns", "Eine Abendführung für Ihre Gruppe geht auf uns.", "geht auf uns"),
    ("de-zahlen-sie-nicht", "Die Endreinigung zahlen Sie bei uns nicht.",
     "zahlen Sie bei uns nicht"),
    ("fr-rien-a-payer", "Vous n'avez rien à payer pour la seconde visite.", "rien à payer"),
    ("es-no-pagara", "No pagará la segunda noche.", "No pagará la"),
    # any verb of billing, money off told from the bill's side, costs we bear
    ("en-wont-invoice", "We won't invoice you for this transcript.", "won't invoice you for"),
    ("en-not-charging", "We're not charging you for the callout.", "not charging you for"),
    ("en-comes-off", "The £740 overcharge comes off your account today.",
     "comes off your account"),
    ("en-half-price", "Today's clean is half price.", "is half price"),
    ("en-at-no-cost", "We'll add the anti-graffiti coat to the shutter at no cost.",
     "at no cost"),
    ("en-cover-rent", "We'll cover the extra rent while the van is off the road.",
     "cover the extra rent"),
    ("en-pick-up-cost", "We'll pick up the cost of the taxi home.", "pick up the cost"),
    ("en-knocking-off", "We're knocking £1,500 off the final invoice.",
     "knocking £1,500 off"),
    ("de-tragen-wir", "Die Kosten der Restaurierung tragen wir vollständig.",
     "tragen wir"),
    ("de-berechnen-nicht", "Die Anfahrtspauschale von 95 € berechnen wir Ihnen für diese "
                           "Wartung nicht.", "berechnen wir Ihnen"),
    ("fr-ne-facturerons-pas", "Nous ne facturerons pas la semaine en cours.",
     "ne facturerons pas"),
    ("es-pagamos-nosotros", "Si la policía le ha impuesto alguna sanción, la pagamos "
                            "nosotros.", "la pagamos nosotros"),
    ("es-te-lo-regalamos", "Te lo regalamos, con el envío incluido.", "Te lo regalamos"),
    ("de-betrag-uebernehmen", "Diesen Betrag übernehmen wir.", "Betrag übernehmen wir"),
    ("de-nicht-in-rechnung", "Die Arbeitszeit für beide Einsätze stellen wir Ihnen nicht in "
                             "Rechnung.", "nicht in Rechnung"),
    ("fr-cadeau", "Je t'envoie le sencha aujourd'hui et tu gardes le lapsang, cadeau.",
     "cadeau"),
    ("es-quedarse-con", "Puede quedarse con el antiguo.", "quedarse con"),
    ("en-removed-charge", "I've removed the £5 overtime charge.", "removed the £5"),
    ("en-taken-off-passive", "Both of the lessons that were cancelled will be taken off your "
                             "next invoice.", "taken off your next invoice"),
    ("es-anulado-cargo", "Hemos anulado el segundo cargo de 34 €.", "anulado el segundo cargo"),
    ("es-dinero-vuelve", "Ya lo revertimos: el dinero vuelve a tu saldo.", "el dinero vuelve"),
    ("es-bono", "Te enviamos un bono de 100 € para tu próxima visita.", "un bono de 100 €"),
]

#: (id, text): not paying that gives nothing back
NOT_PAYING_NOTHING_GIVEN = [
    ("en-pay-until", "You won't pay until the work is signed off."),
    ("de-nicht-bar", "Die Miete zahlen Sie nicht bar, sondern per Überweisung."),
    ("en-thats-on-us", "That's on us, and I'm sorry."),
    ("en-dont-charge", "We don't charge for cancellations made before noon."),
    ("en-not-charging-for-now", "We're not charging you for now; the invoice follows the "
                                "survey."),
    ("en-should-have-come-off", "That line should have come off the invoice before you "
                                "paid."),
    ("de-tragen-sie", "Die Kosten tragen Sie laut Vertrag selbst."),
    ("de-in-rechnung", "Die Anfahrt stellen wir Ihnen wie vereinbart in Rechnung."),
    ("fr-gardez-le-recu", "Gardez le reçu, il vous servira pour la garantie."),
    ("en-taken-off-the-shelf", "The old model has been taken off the shelves."),
]


def test_geht_auf_is_a_cause_only_with_zurueck() -> None:
    # "geht auf uns" with a thing as subject is a gift, not an admission
    assert found("Eine Abendführung für Ihre Gruppe geht auf uns.", "apology", OURS) == []
    assert found("Die Trübung geht auf einen Fehler unseres Lagers zurück.", "apology", OURS)


#: amends read as kinds of sentence: money moved back, a thing told as free, what the
#: customer will not pay
AMENDS_AS_SENTENCES = MONEY_BACK + TOLD_FREE + NOT_PAYING
#: the same words where nothing is given back
NO_AMENDS_AS_SENTENCES = NO_MONEY_BACK + NOT_TOLD_FREE + NOT_PAYING_NOTHING_GIVEN


@pytest.mark.parametrize(("text", "words"), [c[1:] for c in AMENDS_AS_SENTENCES],
                         ids=[c[0] for c in AMENDS_AS_SENTENCES])
def test_amends_told_as_a_kind_of_sentence_are_restitution_after_our_failure(
        text: str, words: str) -> None:
    assert [span for span in found(text, "restitution", OURS) if words in span]


@pytest.mark.parametrize("text", [c[1] for c in MONEY_BACK[:3] + TOLD_FREE],
                         ids=[c[0] for c in MONEY_BACK[:3] + TOLD_FREE])
def test_money_back_and_gifts_are_no_amends_without_a_failure_of_ours(text: str) -> None:
    # "your £50 deposit is released at check-out" is policy, not amends
    assert found(text, "restitution", NOT_OURS) == []


@pytest.mark.parametrize("text", [c[1] for c in NO_AMENDS_AS_SENTENCES],
                         ids=[c[0] for c in NO_AMENDS_AS_SENTENCES])
def test_the_same_words_that_give_nothing_back_are_not_restitution(text: str) -> None:
    assert found(text, "restitution", OURS) == []

