"""The structural reading of failures (courtesy/rules/attribution.py): who did it, told by
the clause, decides between an admission (an apology), blame on a partner (BL001) and
neither. The sentences are new: none of them is in a lexicon or a corpus."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lexicon_gaps import NOT_OURS, OURS, covers, found

from courtesy import check
from courtesy.rules import attribution as attribution_module
from courtesy.rules import context as context_module
from courtesy.rules.attribution import attribution, load_roles
from courtesy.rules.context import CheckContext
from courtesy.rules.engine import matcher

#: (id, text, the words of the admission)
ADMISSIONS = [
    # Spanish "mis" is ours, though French "mis" (put) is frequent (test_role_collisions)
    ("es-mis-companeros", "Mis compañeros enviaron la talla equivocada.",
     "enviaron la talla equivocada"),
    # Spanish "volvimos a": "a" is no third person's auxiliary after "-imos" (held-out 19)
    ("es-volvimos-a", "Al secar a los perros les quitamos los collares y se los volvimos a "
                      "poner mezclados.", "volvimos a poner mezclados"),
    # a judgement that went wrong; someone else's thing in the order (held-out 29)
    ("en-underestimated", "We underestimated the slide work when we booked it in.",
     "underestimated the slide work"),
    ("en-another-orders", "Your birthday card was printed with another order's message inside.",
     "another order's message"),
    ("de-zu-lange", "Ihr Paket stand bei uns einen Tag zu lange im Versandraum.", "zu lange"),
    # a thing's name after a one-word failure only ("our error messages"), not after a phrase
    ("en-should-have-come-off", "Dr Okafor decided to postpone it, and that line should have "
                                "come off the invoice before you paid.", "should have come off"),
    # "us" after "by" is the doer of the passive (held-out 3, 10, 22)
    ("en-by-us", "Your loan repayment of £210 was taken twice this month by us.",
     "was taken twice this month by us"),
    ("en-sent-by-us", "Your appointment letter was sent by us to your previous address, even "
                      "though you had updated it.", "was sent by us to your previous address"),
    # "May" next to a number is a month, not a hedge; a time's colon ends no clause
    ("en-month-may", "Our box office printed your tickets for the 14 May performance instead "
                     "of the 21st.", "Our box office printed your tickets"),
    ("en-time-colon", "The release we pushed at 09:40 broke single sign-on for your workspace.",
     "The release we pushed at 09:40 broke"),
    ("fr-na-pas-rappele", "Notre équipe n'a pas rappelé la cliente avant la livraison.",
     "Notre équipe n'a pas rappelé la cliente"),
    # a deed that did not happen, in the Spanish past (held-out 10 to 23)
    ("es-no-ajusto", "Nuestro operario de grúa no ajustó bien las eslingas al izarlo.",
     "Nuestro operario de grúa no ajustó bien las eslingas"),
    ("es-no-teniamos", "El ferry salió tarde porque no teníamos la tripulación completa.",
     "no teníamos la tripulación completa"),
    # a deed of ours that did not happen, in the German perfect (held-out 12 to 23)
    ("de-nicht-angerufen", "Die Einlagen waren für Freitag zugesagt, und wir haben Sie nicht "
                           "angerufen, als die Maschine ausfiel.", "wir haben Sie nicht angerufen"),
    ("de-nicht-weitergegeben", "Der Guide hatte Ihre Führung nicht im Kalender, weil wir die "
                               "Buchung nicht an ihn weitergegeben haben.",
     "weil wir die Buchung nicht an ihn weitergegeben haben"),
    ("de-sind-nicht-gekommen", "Ihr Zaun sollte am Freitag stehen, und wir sind nicht gekommen.",
     "wir sind nicht gekommen"),
    # a deed of ours that did not happen (held-out 23)
    ("en-we-didnt-pass", "Your booking said vegetarian, and we didn't pass that to Chef Marco.",
     "we didn't pass that to Chef Marco"),
    ("en-did-not-reschedule", "Our engraver was off sick and we did not reschedule his work.",
     "we did not reschedule his work"),
    ("en-cause-relative-clause", "Your heating failed because of a valve we forgot to "
                                 "replace.", "because of a valve we forgot to replace"),
    ("de-cause-of-ours", "Wegen eines Fehlers unsererseits kam die Lieferung zu spät.",
     "Wegen eines Fehlers unsererseits"),
    ("en-a-second-time", "Our billing system took the payment a second time.",
     "a second time"),
    ("en-ruined", "We ruined the first batch of your prints.", "We ruined"),
    ("de-too-few", "Wir hatten viel zu wenig Personal eingeplant.", "zu wenig"),
    ("es-fallo", "Nuestro proceso de cierre falló el día 30.", "falló"),
    ("en-partner-as-indirect-object", "We told the carrier the wrong date by mistake.",
     "We told the carrier the wrong date by mistake"),
    ("fr-ne-pas-is-one-denial", "Notre préparateur ne l'a pas vérifiée avant l'envoi.",
     "ne l'a pas vérifiée"),
    ("en-our-team-noun", "Our night crew loaded the wrong pallet onto your van.",
     "loaded the wrong pallet"),
    ("en-failure-after", "The outage on your street is a fault in our exchange, not your router.",
     "a fault in our exchange"),
    ("en-never-left", "Your table never left our workshop in Leeds.", "never left our workshop"),
    ("en-overbooked", "We had overbooked the Saturday class, so your place went to someone else.",
     "We had overbooked"),
    ("en-passive-mistake", "The deposit was released to the wrong account by mistake.",
     "released to the wrong account"),
    ("en-before-apology", "Our billing run missed your discount, and I'm sorry for that.",
     "Our billing run missed your discount"),
    ("de-unser", "Unser Techniker hat den Zähler falsch abgelesen.", "Zähler falsch abgelesen"),
    ("de-versehentlich", "Der Fahrer hat das Paket versehentlich beim Nachbarn abgegeben.",
     "versehentlich beim Nachbarn"),
    ("fr-mal", "Nous avions mal enregistré votre nouvelle adresse.", "mal enregistré"),
    ("fr-faute-de-notre", "Le retard vient d'une erreur de notre service expédition.",
     "erreur de notre service"),
    ("es-nuestro", "Nuestro sistema aplicó una tarifa incorrecta a su contrato.",
     "tarifa incorrecta"),
    ("es-por-error", "El técnico cerró su incidencia por error el martes.", "por error"),
    ("en-twice", "We billed your card twice for the March box.", "billed your card twice"),
    ("de-zu-spaet", "Wir haben den Handwerker zu spät beauftragt.", "zu spät"),
    ("en-mis-verb", "Our night porter misread your booking as a single room.", "misread"),
    ("en-meant-to", "We were meant to call you back on Tuesday and didn't.", "meant to"),
    ("de-aufgepasst", "Beim Verladen haben unsere Fahrer nicht aufgepasst.", "aufgepasst"),
    ("fr-censes", "Nous étions censés vous rappeler lundi.", "censés"),
    ("es-suponia", "Se suponía que nuestro técnico pasaría el jueves.", "suponía"),
    ("de-stoerung", "Die Buchung fehlte wegen einer Störung unserer Kasse.", "Störung"),
    ("fr-bloquee", "Votre colis est resté bloqué dans notre centre de tri.", "bloqué"),
    ("en-cause-ours", "Your card arrived late because of a backlog in our print room.",
     "backlog in our print room"),
    ("de-wegen-ours", "Die Überweisung an deinen Vermieter ging wegen eines Fehlers in unserem "
                      "System nicht raus.", "Fehlers in unserem System"),
    ("en-instead-of", "I put your lesson in the diary for Thursday instead of Tuesday.",
     "instead of Tuesday"),
    ("fr-cause-elided", "Votre vol a été annulé à cause d'une panne sur notre appareil.",
     "panne sur notre appareil"),
    ("en-ran-late", "Your box missed the van because our packing team ran late.", "ran late"),
    ("fr-corrompu", "Une mise à jour de notre part a corrompu votre configuration.", "corrompu"),
    ("es-en-lugar-de", "Tomamos la graduación de 2024 en lugar de la de este mes.",
     "en lugar de"),
    ("es-tendria-que", "Nuestro personal tendría que haberos informado en el momento.",
     "tendría que haberos"),
    ("en-because-ours", "The 23:10 shuttle never left the depot because we were a driver short.",
     "never left the depot"),
    ("de-statt", "Statt des bestellten Spätburgunders haben wir Ihnen Riesling geschickt.",
     "Statt des bestellten"),
    ("en-skipped", "Our auto-renewal job skipped accounts whose card had been updated.",
     "skipped"),
    ("es-vendimos", "Vendimos su habitación dos veces por un error de sincronización.",
     "dos veces"),
    ("fr-casse", "Notre équipe a cassé le plateau de votre table lors du chargement.", "cassé"),
    ("en-didnt-register", "Our dock at Canal St didn't register your return.",
     "didn't register"),
    ("en-never-applied", "Our billing system never applied your freeze request.",
     "never applied"),
    ("de-unterlaufen", "Beim Bestellen ist uns ein Zahlendreher unterlaufen.", "unterlaufen"),
    ("de-liegen-geblieben", "Ihre Bestellung ist bei uns liegen geblieben.", "liegen geblieben"),
    ("es-hedge-before-because", "Le prometimos la bicicleta para el viernes y no estuvo lista "
                                "porque pedimos mal la pieza.", "pedimos mal"),
    ("fr-pas-venue", "Notre équipe n'est pas venue mardi.", "n'est pas venue"),
    ("en-nobody-on-our-side", "Orchard Close dropped off the sheet, and nobody on our side "
                              "noticed.", "nobody on our side"),
    # found on held-out 16
    ("en-handling-verb-in-error", "Our grounds team cleared plot 14B in error.", "in error"),
    ("en-mis-routed", "The document was mis-routed in our workflow.", "mis-routed"),
    ("en-someone-elses", "We put someone else's box on your doorstep this week.",
     "someone else's"),
    ("de-nicht-hingeschaut", "Da haben wir bei der Gravur nicht genau hingeschaut.",
     "nicht genau hingeschaut"),
    ("de-doppelt-angelegt", "Bei der Umstellung unseres Abrechnungsprogramms ist Ihr Auftrag "
                            "doppelt angelegt worden.", "doppelt angelegt"),
    ("es-en-lugar-del", "La dejamos en el buzón del 3.º B en lugar del 3.º D.", "en lugar del"),
    # what should have been done and was not, told without a doer
    ("en-should-have-been-done", "The invoice should have been corrected in March.",
     "should have been corrected"),
    ("fr-aurait-du", "Votre canapé aurait dû être livré hier matin.", "aurait dû"),
    ("fr-n-aurait-jamais-du", "Ces frais de relance n'auraient jamais dû apparaître sur votre "
                              "compte.", "n'auraient jamais dû"),
    ("de-haette-man", "Am Schalter hätte man Ihnen den Umtausch anbieten müssen.",
     "hätte man"),
    ("de-haette-unser", "Das hätte unser Monteur vor dem Einbau prüfen müssen.",
     "hätte unser Monteur"),
    ("de-passiv-haette", "Die doppelte Buchung hätte sofort storniert werden müssen.",
     "werden müssen"),
    ("es-tenian-que-haber", "Las llaves tenían que haber estado en recepción a las cinco.",
     "tenían que haber"),
    ("es-nunca-debio", "Ese recargo nunca debió aparecer en su factura.", "nunca debió"),
    # a deed of ours done against what was true or asked
    ("en-although", "We billed the annual plan although you had chosen monthly payments.",
     "We billed the annual plan"),
    ("en-even-though", "Our app renewed the permit even though you had switched it off.",
     "Our app renewed the permit"),
    ("de-obwohl", "Wir haben die Lastschrift eingezogen, obwohl Sie den Vertrag gekündigt "
                  "hatten.", "Lastschrift eingezogen"),
    ("fr-alors-que", "Nous avons encaissé le dépôt alors que la réservation était annulée.",
     "encaissé le dépôt"),
    ("es-aunque", "Le cobramos la matrícula aunque ya la había pagado en enero.",
     "cobramos la matrícula"),
    # any deed that should have been done, its doer read from the clause (held-out 21)
    ("en-and-should-have", "Our fitter chipped the tile and should have told you on the day.",
     "should have told"),
    # nobody did what one of us should have
    ("en-nobody-checked", "The label printed with last year's date, and nobody checked it.",
     "nobody checked"),
    ("fr-personne-ne", "Le colis est resté au dépôt et personne ne vous a prévenue.",
     "personne ne vous a prévenue"),
    ("es-nadie-le-aviso", "La clase se canceló y nadie le avisó a tiempo.", "nadie le avisó"),
    # a failure in the passive with no doer, after a failure of ours
    ("en-passive-no-doer", "The second coat was missed on the back wall.", "was missed"),
    ("fr-passive-no-doer", "Votre dossier a été oublié pendant deux semaines.", "oublié"),
    # an elided "te" is no denial: only the "'t" of "don't" is
    ("fr-elided-te", "Nous t'avons facturé deux fois ta cotisation de mars.", "deux fois"),
    ("en-we-cancelled-short-notice", "Our instructor cancelled at the last minute.",
     "cancelled at the last minute"),
    # a deed of ours measured against what was ordered or agreed
    ("en-when-your-note", "We hemmed the curtains at 210 cm when your form asked for 230.",
     "We hemmed the curtains"),
    ("en-than-we-told-you", "We booked the crane a week later than we told you.",
     "We booked the crane"),
    ("es-de-lo-que", "Cortamos la encimera tres centímetros más corta de lo que pidió.",
     "Cortamos la encimera"),
    ("es-que-correspondia", "Le cobramos una tarifa más alta que la que le correspondía.",
     "Le cobramos"),
    ("de-als-bestellt", "Wir haben die Tür zwei Zentimeter schmaler gefertigt als bestellt.",
     "Wir haben die Tür"),
    ("fr-que-ce-que", "Nous avons taillé la haie plus bas que ce que vous aviez demandé.",
     "taillé la haie"),
    # harm done to the customer's things, a message sent where they no longer are
    ("en-dropped", "Our fitters dropped the mirror while carrying it upstairs.",
     "Our fitters dropped the mirror"),
    ("en-spilled", "Our driver spilled paint across your hallway carpet.", "spilled"),
    ("en-old-address", "Our billing system posted the reminder to your old address.",
     "posted the reminder"),
    ("de-zerkratzt", "Unsere Monteure haben beim Aufbau die Arbeitsplatte zerkratzt.",
     "Unsere Monteure"),
    ("fr-raye", "Notre livreur a rayé la porte du garage avec le diable.", "Notre livreur"),
    ("es-antigua-direccion", "Le enviamos la tarjeta a su antigua dirección de Valencia.",
     "Le enviamos la tarjeta"),
    # a deed done leaving out what it needed, and a second verb of the same subject
    ("en-without-checking", "We signed the hire off without checking the charger was in "
                            "the box.", "We signed the hire off"),
    ("en-and-then", "We booked your bell into the casting pit for March and then moved it "
                    "back to fit a larger job, without telling you.", "We booked your bell"),
    ("de-ohne-zu", "Unser Hafenteam hat das Boot ausgegeben, ohne den Wassertank zu füllen.",
     "Unser Hafenteam"),
    ("fr-sans-prevenir", "Nous avons affecté le camion à un autre chantier sans vous "
                         "prévenir.", "affecté le camion"),
    ("es-sin-avisar", "Movimos su cita del jueves sin avisarla.", "Movimos su cita"),
    ("fr-mal-fixe", "Lors de la pose, notre équipe a mal fixé deux panneaux.",
     "notre équipe a mal fixé"),
    # what followed from a deed of ours, with no doer of its own
    ("en-so-consequence", "The file was in inches and our slicer read it as millimetres, so "
                          "everything came out 25 times too small.", "our slicer read it"),
    ("en-so-too-far", "Our template was taken from the original plan, so the sink cut-out is "
                      "4cm too far back.", "Our template was taken"),
    # a deed against what was asked; "May" as a month after an article
    ("en-anyway", "You cancelled on 28 April, but our system took the May fee of £42 anyway.",
     "our system took the May fee"),
    ("en-should-have-come", "Your oil should have come yesterday and didn't.",
     "should have come yesterday"),
    ("en-against-the-label", "We put your coat through the standard wet cycle when the label "
                             "clearly said dry clean only.", "We put your coat"),
    ("en-even-though-you", "We recalculated your direct debit from an estimate even though "
                           "you had sent us a real reading.", "We recalculated"),
    ("es-aunque-usted", "Le cobramos la limpieza aunque usted había devuelto el coche limpio.",
     "Le cobramos la limpieza"),
    ("de-kein-einziges", "Sie hatten zwölf vegetarische Menüs bestellt, und wir haben kein "
                         "einziges geliefert.", "wir haben kein einziges geliefert"),
    ("fr-bien-trop-longtemps", "Notre équipe a mis bien trop longtemps à venir vous aider.",
     "Notre équipe a mis"),
    # "rather than" before what was expected; "left ... out of" the order (held-out 26)
    ("en-rather-than-the", "Our fitter wired the new socket to the lighting circuit rather "
                           "than the ring main.", "Our fitter wired the new socket"),
    ("en-left-out-of", "We left the spare cartridges out of your box.", "We left the spare"),
    ("en-left-out-the", "Our packers left out the charger.", "Our packers left out"),
    ("en-blip", "Our booking page had a blip this morning and took your deposit twice.",
     "Our booking page had a blip"),
    # where it happened, without the notice due, to an old account, a measure off (held-out 27)
    ("en-happened-in-our", "The dent in the bumper happened in our car park on Friday.",
     "happened in our car park"),
    ("en-without-notice", "Our engineer switched off your water without any prior warning.",
     "Our engineer switched off your water"),
    ("en-old-account", "Our payroll run paid your refund to an old account number.",
     "Our payroll run paid your refund"),
    ("de-zu-knapp-geplant", "Wir haben die Tour am Samstag zu knapp geplant.",
     "zu knapp geplant"),
    ("de-mist-gebaut", "Da haben wir beim Etikettieren Mist gebaut.", "Mist gebaut"),
    ("de-danebengegriffen", "Da haben wir beim Packen danebengegriffen.", "danebengegriffen"),
    ("de-durchgerutscht", "Ihre Bestellung ist bei der Planung durchgerutscht.",
     "durchgerutscht"),
    ("es-se-le-cobro-dos-veces", "La cuota de abril se le cobró dos veces.",
     "se le cobró dos veces"),
    # nobody of ours did what was due; what was not done, told with an impersonal "se"
    ("fr-personne-chez-nous", "Et personne chez nous n'a relu la fiche avant le départ.",
     "personne chez nous n'a relu"),
    ("es-no-se-reviso", "No se revisó el trabajo antes de irse.", "No se revisó"),
    # held-out 28: the past perfect, done against the request, not as promised, nobody took
    # it over
    ("en-sat-in-our", "Your drive sat in our intake area for three weeks.", "sat in our"),
    ("en-nobody-had-told", "Nobody had told him that the plan had changed.",
     "Nobody had told him"),
    ("fr-alors-que-votre-demande", "Nous avons remplacé les soupapes de droite mais pas "
                                   "celles des basses, alors que c'était votre demande.",
     "alors que c'était votre demande"),
    ("de-nicht-wie-zugesagt", "Wir haben den Antrag erst am 20. April eingereicht und "
                              "nicht, wie zugesagt, am 8. April.", "nicht, wie zugesagt"),
    ("de-niemand-uebernommen", "Die Kollegin war im Urlaub, und niemand hat ihre Mappe "
                               "übernommen.", "niemand hat"),
    ("es-nadie-la-anoto", "Su cancelación llegó a recepción, pero nadie la anotó en la "
                          "agenda.", "nadie la anotó"),
]

#: (id, text, words): ownership in everyday words, with no "sorry"
OWNED_IN_PASSING = [
    # the failure named, then owned (held-out 23)
    ("en-failure-is-ours", "That failure is ours, not your builder's.", "That failure is ours"),
    ("en-poor-call", "That was a poor call on our part.", "a poor call on our part"),
    ("en-our-kit-failing", "That's our kit failing, not you.", "That's our kit failing"),
    ("en-poor-of-us", "We left your gate open. That was poor of us.", "poor of us"),
    ("de-geschlampt", "Beim Einbau haben wir echt geschlampt.", "geschlampt"),
    ("fr-inadmissible", "C'est inadmissible de notre part.", "inadmissible de notre part"),
    ("fr-veuillez-excuser", "Veuillez excuser notre réponse tardive.", "Veuillez excuser"),
    ("es-pata", "Aquí metimos la pata, Carmen.", "metimos la pata"),
    ("de-nicht-sauber", "Da haben wir nicht sauber gearbeitet.", "nicht sauber gearbeitet"),
    ("fr-notre-materiel-en-cause", "C'est notre matériel qui est en cause.", "notre matériel"),
    ("en-sorrier", "I'm sorry for the wait, and even sorrier that nobody turned up.", "sorrier"),
    ("de-kappe", "Das ging auf unsere Kappe.", "auf unsere Kappe"),
    ("de-besonders-leid", "Das tut mir besonders leid.", "tut mir besonders leid"),
    ("fr-inexcusable", "C'est inexcusable.", "inexcusable"),
    ("de-nicht-passieren", "Das hätte uns nicht passieren dürfen.", "nicht passieren"),
    ("es-aun-mas", "Y siento aún más el error en la esquela.", "siento aún más"),
    ("es-perdonanos", "Perdónanos, por favor.", "Perdónanos"),
    # "se me/se nos" and a past verb: it slipped from our hands (held-out 26)
    ("es-se-nos-mezclaron", "Al preparar las cajas se nos mezclaron las etiquetas.",
     "se nos mezclaron"),
    ("es-se-me-olvido", "El paquete estaba listo, pero se me olvidó llevarlo a correos.",
     "se me olvidó"),
    ("es-se-nos-ha-roto", "Se nos ha roto la tapa al descargarla.", "Se nos ha roto"),
    ("es-debiamos-haber", "Es un lote que debíamos haber retirado hace meses.",
     "debíamos haber"),
    ("es-se-nos-sin-tilde", "Uf, se nos paso tu pedido.", "se nos paso"),
    ("es-he-olvidado", "He olvidado enviarte la factura.", "He olvidado"),
    ("en-our-responsibility", "They work under our supervision, so this is our "
                              "responsibility.", "our responsibility"),
    ("fr-defaut-de-notre", "C'est un défaut de notre emballage.", "défaut de notre emballage"),
    ("de-keinem-von-uns", "Und keinem von uns ist es aufgefallen.", "keinem von uns"),
    ("de-auf-unserem-mist", "Das ist auf unserem Mist gewachsen.", "Mist gewachsen"),
    ("de-bei-unserem-update", "Da ist bei unserem Update gestern etwas schiefgelaufen.",
     "schiefgelaufen"),
    ("en-our-word-slip", "That was my booking mistake, and the slot is yours again.",
     "my booking mistake"),
    # a few everyday words (held-out 8, 9, 14, 15, 17, 20, 21)
    ("en-my-bad", "I put you down for the 9th, my bad.", "my bad"),
    ("en-our-slip", "That was our slip, not yours.", "our slip"),
    ("en-entirely-ours", "This one is entirely ours.", "entirely ours"),
    ("en-is-down-to-us", "The stain on your sofa is down to us.", "down to us"),
    ("en-embarrassed", "Honestly, we're embarrassed.", "embarrassed"),
]


@pytest.mark.parametrize(("text", "words"), [c[1:] for c in OWNED_IN_PASSING],
                         ids=[c[0] for c in OWNED_IN_PASSING])
def test_ownership_in_everyday_words_is_an_apology(text: str, words: str) -> None:
    assert covers(text, "apology", words)

#: (id, text): a failure word with nobody of ours as the doer, or no failure at all
NOT_ADMISSIONS = [
    ("en-reached-us", "I have checked our system and your cancellation never reached us."),
    ("en-may-hedge", "We may have sent the wrong size, so please check the label."),
    ("fr-pas-recu", "Nous n'avons pas reçu votre dossier."),
    ("es-present-policy", "No cobramos comisión por las transferencias nacionales."),
    ("de-nicht-erhalten", "Wir haben Ihre Zahlung nicht erhalten."),
    ("de-modal", "Die Schleppkosten können wir Ihnen leider nicht erlassen."),
    ("de-future", "Wir werden Sie vor dem Termin nicht extra anrufen."),
    ("en-we-dont", "We don't charge for collection on orders over £50."),
    ("en-will-not", "We will not share your details with anyone."),
    ("en-customer-doer", "You entered the wrong postcode when you booked."),
    ("en-condition", "If anything looks wrong on the new bill, reply to this email."),
    ("en-future", "We will make sure the wrong size is collected on Monday."),
    ("en-denial", "Nothing went wrong on our side: the payment went out on 3 March."),
    ("en-handling", "I've logged the duplicate-invoice bug with our developers."),
    ("en-question", "Did our engineer fit the wrong valve?"),
    ("en-compound", "Our error messages can look alarming, but your data is safe."),
    ("en-new-clause", "The parcel was damaged in transit and our team has sent a new one."),
    ("en-our-effort", "We tried twice to deliver your parcel yesterday."),
    ("en-outside-control", "Due to circumstances outside our control, the tasting is off."),
    ("es-we-inform", "Le informamos de que su pedido sufrirá un retraso por una incidencia."),
    ("es-according-to-us", "Según nuestro registro, el paquete llegó dañado al almacén."),
    ("es-denial-after", "El retraso fue una incidencia que no depende de nosotros."),
    ("en-handling-reproduced", "Our developers have reproduced the sync bug in a test account."),
    # a hope names a time to come or a state, not a deed left undone
    ("en-should-have-been-hope", "Your parcel should have been delivered by 6pm tomorrow."),
    ("en-should-have-been-able", "You should have been able to log in with the new code."),
    ("fr-hope-devrait", "Votre canapé devrait être livré demain matin."),
    ("es-customer-should", "Debería haber leído nuestras advertencias antes de pagar."),
    ("es-future-promise", "El lunes le llevaremos una silla nueva y nos llevaremos la dañada."),
    ("en-indirect-question", "We sent an engineer to find out what went wrong with the boiler."),
    # "rather than ours" says whose it was not; "se nos" with a verb of what others told us
    ("en-rather-than-ours", "The delay sits with the carrier rather than with us."),
    ("en-rather-than-letting", "Thanks for telling us rather than letting it go."),
    ("es-se-nos-informo", "Ayer se nos informó de que el envío saldría el lunes."),
    ("es-se-nos-ocurrio", "Se nos ocurrió que quizá prefiera recogerlo en tienda."),
    ("en-happened-if-you-think", "If you think the breakages happened in our van, reply "
                                 "with photos."),
    ("en-our-responsibility-to", "It is our responsibility to keep your data safe."),
    ("en-pleasure-ours", "The pleasure is all ours."),
    ("en-even-though-obstacle", "We delivered on time even though the roads were closed."),
    ("en-decision-yours", "The choice is yours, and either slot works for us."),
    ("de-zu-kalt", "Bitte lagern Sie den Käse nicht zu kalt."),
    ("es-banco-cobro-dos-veces", "Su banco dice que se le cobró dos veces."),
    ("fr-personne-ne-nous", "Le transporteur a perdu le colis et personne ne nous a "
                            "prévenus."),
    ("es-no-se-presento", "La empresa instaladora no se presentó a la cita."),
    ("de-niemand-kann", "Wir haben den alten Ausweis gesperrt, damit niemand damit "
                        "ausleihen kann."),
    ("de-customer-bank", "Ihre Zahlung wurde von Ihrer Bank versehentlich abgelehnt."),
    ("fr-customer", "Vous avez saisi une mauvaise adresse lors de la commande."),
    ("es-object-nos", "Usted nos indicó una dirección equivocada en el formulario."),
    ("en-instead-promise", "We'll send a new kettle instead of repairing the old one."),
    ("en-after-before", "The stone was cut by the quarry, so the error happened before it "
                        "reached our fitters."),
    ("en-remedy", "We've refunded the payment that was taken twice."),
    ("es-someone-elses-shop", "El retraso es responsabilidad de la tienda de al lado, no de "
                              "usted."),
    ("fr-request", "Veuillez nous renvoyer le justificatif de votre rendez-vous manqué."),
    ("en-nobody-no-doer", "Nobody turned up, as the road was closed by the police."),
    ("es-ultimos", "En los últimos días el paquete llegó dañado al almacén del transportista."),
    ("en-if-because", "If it arrives damaged because the courier dropped it, tell us."),
    ("en-promise", "I can promise you that a mix-up like this mistake will never happen again."),
    ("es-remedy-returned", "Ya hemos devuelto el cobro duplicado a su tarjeta."),
    ("fr-customer-ne-pas", "Vous n'avez pas envoyé le formulaire signé."),
    ("en-although-customer", "You booked the later slot although the earlier one was "
                             "free."),
    ("en-dropped-off", "The two fans we dropped off on Friday can stay with you."),
    ("en-denied-with-nt", "Our team haven't lost your parcel; it is at the depot."),
    ("en-you-should-have", "The clause is in the terms, which you should have read first."),
    ("en-should-have-hope", "Your parcel should have arrived by now; it is out for delivery."),
    ("en-than-you-ordered-no-doer", "This model runs a size larger than you ordered last "
                                    "year."),
    ("en-old-address-updated", "We've updated your old address and moved the delivery to "
                               "Friday."),
    ("en-customer-lost", "You lost the key fob on your first day, so a new one costs £15."),
    ("de-haetten-sie", "Die Frist steht im Vertrag, die hätten Sie vorher lesen müssen."),
    ("es-igualmente-likewise", "Igualmente le deseamos un buen viaje."),
    ("de-cause-then-main-clause", "Wegen Sturmwarnung verschieben wir die Dachreparatur auf "
                                  "Montag."),
    ("en-without-heating", "We have credited £30 to your rent account for the days without "
                           "heating."),
    ("en-without-having-to", "We'll move the booking without having to charge you."),
    ("en-remedy-and-past", "I've removed the false reading today and reissued your bill at "
                           "£86.12 instead of £742.90."),
    ("en-checked-and-there", "I checked and there was a wrong address on the label."),
    ("en-so-after-handling", "I checked the tracking, so the wrong address is now fixed."),
    ("en-when-you-booked", "We took the £50 deposit when you booked in March."),
    ("de-kein-across-sentences", "Die Platte kam vom Hersteller, darauf hatten wir keinen "
                                 "Einfluss. Die neue Platte ist bestellt."),
    ("de-keine-gebuehr", "Wir haben keine Gebühr berechnet."),
    ("en-anyway-we-will", "We may be closed on Monday, but we'll deliver anyway."),
    ("en-should-have-come-by-now", "Your parcel should have come by now; it left us on Monday."),
    ("en-so-passive-partner", "The crates were swapped by Kestrel Logistics, the delivery "
                              "firm we use at weekends, so the mix-up happened after the "
                              "bread left us."),
    ("fr-sans-attendre", "Nous avons traité votre demande sans attendre."),
    ("es-sin-pasar", "Con la entrada online se entra directamente, sin pasar por taquilla."),
]

#: (id, text, the partner's words): the failure told is a partner's
PARTNER_BLAME = [
    ("fr-na-pas-livre", "Le transporteur n'a pas livré votre colis.", "transporteur"),
    ("es-no-recogio", "La agencia de transporte no recogió el pedido en la fecha acordada.",
     "agencia"),
    ("de-nicht-zugestellt", "Der Paketdienst hat das Paket nicht zugestellt.", "Paketdienst"),
    ("en-partner-didnt", "The docks were full because the council's contractor didn't "
                         "rebalance the bikes overnight.", "contractor"),
    ("es-no-cargo", "La recogida se retrasó porque la empresa contratista no cargó su pedido.",
     "contratista"),
    # cancelled at the last moment, and payment gateways and insurers (held-out 20)
    ("de-kurzfristig-abgesagt", "Unser Subunternehmer hat den Termin kurzfristig abgesagt.",
     "Subunternehmer"),
    ("en-short-notice", "The caterer cancelled at short notice, so the tasting is off.",
     "caterer"),
    ("en-insurer", "Your claim is late because the insurer lost the engineer's report.",
     "insurer"),
    ("en-supplier", "Your bike is late because the supplier sent the frames with the wrong "
                    "fittings.", "supplier"),
    ("en-carrier-lost", "Unfortunately the haulier mislaid two of your boxes overnight.",
     "haulier"),
    ("de-compound", "Die falsche Abrechnung geht auf einen Fehler unseres Netzbetreibers zurück.",
     "Netzbetreibers"),
    ("fr-transporteur", "Le transporteur a égaré votre colis à Lyon.", "transporteur"),
    ("es-restaurante", "El restaurante se equivocó con su pedido.", "restaurante"),
    ("es-empresa", "La empresa de transporte ha tenido problemas en su almacén.", "transporte"),
    ("es-culpa", "La demora es culpa del proveedor de muebles.", "proveedor"),
    ("fr-incombe", "Le retard incombe au transporteur régional.", "transporteur"),
    ("de-verursacht", "Der Ausfall wurde vom Paketdienst verursacht.", "Paketdienst"),
    ("en-wholesaler", "Your order is late because the wholesaler didn't deliver on Monday.",
     "wholesaler"),
    ("de-beauftragt", "Es hat gedauert, weil der beauftragte Gutachter verspätet geliefert hat.",
     "Gutachter"),
    ("es-causado", "El problema lo ha causado el banco del destinatario.", "banco"),
    ("en-due-to-courier", "The delay is due to the courier's depot closure.", "courier"),
    ("es-se-debe", "El retraso se debe a la agencia de transportes.", "agencia"),
    ("de-zu-verantworten", "Den Fehler hat unser Logistikpartner zu verantworten.",
     "Logistikpartner"),
    ("fr-hyphenated", "Notre sous-traitant n'a pas respecté le créneau prévu.", "sous-traitant"),
    ("de-external", "Die Abweichung geht auf unseren externen Ablesedienst zurück, der den Wert "
                    "falsch übermittelt hat.", "Ablesedienst"),
    ("en-lab", "The lab sent your crowns back in the wrong shade.", "lab"),
    ("fr-laboratoire", "Le retard est dû au laboratoire d'analyses, qui a égaré le tube.",
     "laboratoire"),
    ("es-subcontratada", "La fuga se debe a la empresa subcontratada que montó el tejado.",
     "subcontratada"),
    ("en-partner-past-six-words", "This was due to a shortage of vehicles from our haulage "
                                  "partner.", "haulage partner"),
    ("en-instead-of-partner", "The courier left it at number 14 instead of your door.",
     "courier"),
    ("en-out-of-date", "The worktop was cut by our stone subcontractor, who measured from an "
                       "out-of-date drawing.", "subcontractor"),
    ("fr-plural-participle", "Les assiettes ont été endommagées par le transporteur.",
     "transporteur"),
    ("es-responsabilidad-de", "El retraso es responsabilidad de la empresa de transporte.",
     "transporte"),
    ("en-because-partner", "Your parcel never arrived because the courier's van broke down.",
     "courier"),
    ("en-mess", "The mess was left by our scaffolding subcontractor, not by our roofers.",
     "subcontractor"),
    ("fr-en-cause", "C'est l'ascensoriste qui est en cause : il n'a pas commandé la carte.",
     "ascensoriste"),
    ("fr-partner-ne-pas", "Le transporteur n'a pas livré votre armoire samedi.",
     "transporteur"),
    ("en-partner-we-use", "It's late because the courier we use had a van break down.",
     "courier"),
    ("de-maker-on-our-order", "Der Orgelbauer hat unsere Bestellung liegen lassen.",
     "Orgelbauer"),
    ("en-left-out-crushed", "The box left us in perfect condition; the courier's depot left "
                            "it out in the rain and crushed it.", "courier"),
    ("fr-mal-participe", "Notre fournisseur nous a livré ce matin des galettes mal "
                         "étiquetées.", "fournisseur"),
    ("en-so-partner-cause", "The 5mg tablets were in a box that our wholesaler had labelled "
                            "as 1mg, so the error started with their packing.", "wholesaler"),
    # a failure told lightly; a denial that it came from us (held-out 26)
    ("en-partner-hiccup", "Our payment partner had a hiccup overnight, so the gate stayed shut.",
     "payment partner"),
    ("en-a-courier", "Unfortunately a courier lost your parcel at the depot.", "courier"),
    # French "a" (has) after a partner is no Spanish preposition "a"
    ("en-sat-at-partner", "Your darts then sat at the Royal Mail sorting office for four "
                          "days.", "Royal Mail"),
    ("fr-banque-a-rejete", "La banque a rejeté le prélèvement par erreur.", "banque"),
    # English "an" is an article, not German "an" that leads an object (held-out 27)
    ("en-an-independent-supplier", "The food came from an independent supplier, who "
                                   "cancelled at short notice.", "independent supplier"),
    ("fr-ne-vient-pas-de-nos-services", "Le prélèvement a été rejeté par la banque ; ce "
                                        "retard ne vient donc pas de nos services.",
     "ne vient donc pas de nos services"),
    # a company named by its trade, in every language (held-out 29)
    ("en-hire-company", "I had to move your clean to Friday because the van hire company gave "
                        "me a van with a broken ladder rack.", "van hire company"),
    ("es-empresa-de", "El retraso se debió a la empresa de autocares que tenemos contratada.",
     "empresa de autocares"),
    ("fr-societe-de", "La panne se prolonge en raison du retard de la société de maintenance, "
                      "qui n'a toujours pas livré la pièce.", "société de maintenance"),
    ("de-firma", "Leider hat die Firma Baumann die Gerüstteile zu spät geliefert.", "Firma"),
    # a word of ours in a relative clause about the partner is no doer (held-out 29)
    ("en-relative-our", "The Grasmere taxi firm that carries our transfers on that stage "
                        "didn't make its afternoon run.", "taxi firm"),
    ("en-relative-us", "The courier who collects for us lost two of the boxes at the depot.",
     "courier"),
    ("fr-relative-nos", "Le transporteur qui livre nos colis a abîmé votre carton.",
     "transporteur"),
    # where it still waits, a date that slipped, where the delay came from (held-out 29)
    ("en-still-sitting", "The kit is still sitting on a pallet at the importer's warehouse in "
                         "Southampton.", "importer"),
    ("en-has-slipped", "The manufacturer's dispatch date has slipped twice this month.",
     "manufacturer"),
    ("es-fue-de", "El retraso fue de la empresa de autobuses que contratamos para el "
                  "traslado.", "empresa de autobuses"),
    # Spanish "mes" is a month, not French "mes" (my): the roles of all languages share
    # one list (held-out 24)
    ("es-este-mes", "Tu suscripción de este mes viene con retraso porque la distribuidora no "
                    "nos ha servido las novedades a tiempo.", "distribuidora"),
    ("es-llego-con-retraso", "El lino llegó con diez días de retraso desde la fábrica de "
                             "Valencia.", "fábrica"),
    ("de-erst-gestern", "Die Bescheinigung ist noch nicht fertig, weil das Partnerlabor die "
                        "Blutwerte erst gestern Abend an uns übermittelt hat.", "Partnerlabor"),
    # a place of the partner's, told with a genitive; an adverb that opens a German
    # sentence is no colleague's name (held-out 28)
    ("de-genitiv-ort", "Danach lag es laut Sendungsverfolgung sechs Tage im Verteilzentrum "
                       "des Paketdienstes in Hannover.", "Paketdienstes"),
    # "nous a": an object of ours before a third person's verb; someone who let us down; a
    # staffing agency (held-out 22, 23 and 25)
    ("fr-nous-a-livres", "Notre fournisseur de glaces nous a livrés avec deux heures de retard, "
                         "ce qui a tout décalé.", "fournisseur"),
    ("en-let-us-down", "Our tanker was unable to attend, as the contractor who runs our second "
                       "tanker let us down at short notice.", "contractor"),
    ("en-agency", "The agency that supplies our cover staff failed to send a replacement.",
     "agency"),
    # a firm's own hub, where the damage happened (held-out 22 and 28)
    ("en-named-hub", "The parcel then sat for five days at Parcelway's Daventry hub before it "
                     "moved again.", "Parcelway's Daventry hub"),
    ("en-happened-with", "The damage happened in transit with the courier, so the claim is "
                         "theirs.", "with the courier"),
    ("de-beim-entstanden", "Der Schaden ist beim Paketdienst entstanden.", "beim Paketdienst"),
    ("es-viene-del", "El retraso viene del restaurante, que tardó 45 minutos en tener listo "
                     "el pedido.", "restaurante"),
]

#: (id, text): a partner named, no blame on it
NOT_PARTNER_BLAME = [
    ("en-object", "We booked the courier for the wrong day, which is on us."),
    ("es-a-la-agencia", "Enviamos el paquete tarde a la agencia de transportes."),
    ("de-an-die-bank", "Wir haben den Auftrag versehentlich doppelt an die Bank geschickt."),
    # an admission phrase found by a raw pattern says who failed: "la agencia" is where it
    # should have gone (held-out 26)
    ("es-se-me-olvido-agencia", "El cesto estaba listo, pero se me olvidó entregarlo a la "
                                "agencia, y por eso no salió el viernes."),
    ("en-compound", "The fee for paying by bank transfer instead will be refunded."),
    ("en-handling", "We have written to your landlord confirming the bank's error."),
    ("en-neutral", "The courier will collect the chair on Thursday between 8 and 12."),
    ("en-bank-holiday", "Because of the bank holiday, your refund arrives on Tuesday."),
    ("en-object-of-to", "Our system took your gift twice after a file was sent to the bank a "
                        "second time."),
    ("de-object-of-beim", "Wir hatten das Glas beim Hersteller eine Woche zu spät bestellt."),
    ("fr-customer-own", "La ligne de votre restaurant a été coupée par erreur ce matin."),
    ("en-indirect-object", "Sorry, we gave the courier your old flat number by mistake."),
    ("es-object-in-the-reason", "El recibo se cobró dos veces porque al cambiar de banco el "
                                "fichero salió por duplicado."),
    # late, told with "erst", without a partner: the customer's notice (held-out 7 and 19)
    ("de-erst-am-kuendigung", "Ihre Kündigung ist erst am 3. Juni bei uns eingegangen."),
    ("en-our-depot", "It sat for two days at our Leeds depot before it left."),
    # an object lead three words before ("on the evening courier"); what reached the lab
    # (held-out 21)
    ("en-on-the-evening-courier", "We booked it on the evening courier instead of the "
                                  "lunchtime one, so that's on us."),
    ("en-reached-the-lab", "Your sample from Tuesday reached the lab too late to test."),
    # a plan named after a company is no company (held-out 29)
    ("es-plan-empresa", "Le cobramos por error el plan Empresa en lugar del plan Profesional."),
    # the partner is told something: "that" opens what it was told, not a clause about it
    ("en-told-the-courier-that", "We told the courier that our address had changed, and we "
                                 "sent the parcel to the wrong door."),
]


@pytest.mark.parametrize(("text", "words"), [c[1:] for c in ADMISSIONS],
                         ids=[c[0] for c in ADMISSIONS])
def test_an_admission_counts_as_an_apology(text: str, words: str) -> None:
    assert covers(text, "apology", words)


@pytest.mark.parametrize("text", [c[1] for c in NOT_ADMISSIONS],
                         ids=[c[0] for c in NOT_ADMISSIONS])
def test_a_failure_word_without_us_as_the_doer_is_no_apology(text: str) -> None:
    assert found(text, "apology") == []


def _blame(text: str) -> list[str]:
    report = check(text, situation=OURS)
    return [text[f.start:f.end] for f in report.findings if f.rule == "BL001"]


@pytest.mark.parametrize(("text", "partner"), [c[1:] for c in PARTNER_BLAME],
                         ids=[c[0] for c in PARTNER_BLAME])
def test_a_partners_failure_is_blame(text: str, partner: str) -> None:
    blamed = _blame(text)
    assert len(blamed) == 1
    assert partner in blamed[0]
    assert found(text, "apology") == []


@pytest.mark.parametrize("text", [c[1] for c in NOT_PARTNER_BLAME],
                         ids=[c[0] for c in NOT_PARTNER_BLAME])
def test_a_partner_who_did_not_fail_is_not_blamed(text: str) -> None:
    assert _blame(text) == []


@pytest.mark.parametrize("text", ["Nuestro repartidor se equivocó de portal.",
                                  "Notre livreur a égaré votre colis.",
                                  "Our installer set the inverter to the wrong profile."])
def test_our_own_people_are_ours(text: str) -> None:
    # a delivery person we call ours is one of us: the failure is admitted, not shifted
    assert _blame(text) == []
    assert found(text, "apology")


def test_a_partner_company_named_with_a_preposition_is_one_partner() -> None:
    assert _blame("La agencia de transportes extravió su paquete.")


def test_a_partner_after_our_possessive_is_still_a_partner() -> None:
    text = "The delay comes from a backlog at our delivery partner's depot."
    assert _blame(text)
    assert found(text, "apology") == []


def test_the_admission_stops_where_the_apology_phrase_starts() -> None:
    text = "Our crew isolated the wrong stopcock on Elm Road, and I'm sorry for that."
    assert found(text, "apology") == ["Our crew isolated the wrong stopcock on Elm Road",
                                      "sorry for that"]


def test_a_clause_an_apology_phrase_opens_is_not_counted_twice(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "I'm sorry that the update we released last night broke your exports."
    with_clauses = found(text, "apology")
    monkeypatch.setattr(context_module, "_ATTRIBUTED", frozenset())
    assert with_clauses == found(text, "apology") == ["I'm sorry"]


def test_a_non_apology_is_not_turned_into_an_admission() -> None:
    text = "We apologise for any errors this may have caused."
    assert not [span for span in found(text, "apology") if "errors" in span]


def test_an_admission_satisfies_the_owning_apology_rule() -> None:
    text = ("Dear Ms Ward,\n\nOur packing team put the wrong charger in your box. A new one "
            "goes out today by tracked post, reference TT4410982GB.\n\nThank you,\nOwen")
    codes = {f.rule for f in check(text, situation=OURS).findings}
    assert "EL001" not in codes


def test_the_roles_of_every_language_are_loaded() -> None:
    roles = load_roles()
    assert all(word in roles.ours for word in ("we", "unserem", "nous", "nuestro"))
    assert "unsere" in roles.ours
    assert "messstellenbetreibers" in roles.partner
    assert "enviamos" in roles.ours  # a Spanish verb in the first person plural
    assert "you" in roles.customer
    assert "if" in roles.hedge
    assert "no" in roles.negation
    assert {"and", "weil", "parce", "porque"} <= roles.new_clause
    assert {"that", "que", "porque"} <= roles.subject_lead
    assert all(word in roles.future for word in ("llevaremos", "rembourserons", "renverrons"))
    assert "llevamos" not in roles.future  # the present (or past) owns a deed


def test_an_admission_stops_at_the_joining_word_of_its_language() -> None:
    text = ("Sehr geehrte Frau Lang,\n\nunser Monteur hat das falsche Ventil eingebaut, und "
            "das tut mir sehr leid. Er kommt am Montag wieder.\n\nViele Grüße\nJana")
    report = check(text, situation=OURS)
    spans = [text[s.start:s.end] for s in report.elements["apology"]]
    assert "unser Monteur hat das falsche Ventil eingebaut" in spans


@pytest.mark.parametrize(("content", "message"), [
    ("# roles\n[ours]\nwe\n[doers]\nthey\n", r"xx/agents.words:4: unknown section \[doers\]"),
    ("we\n", r"xx/agents.words:1: words before the first \[section\]"),
    ("[hedge]\nif wenn*\n", r"xx/agents.words:2: \[hedge\] takes whole words, not 'wenn\*'"),
])
def test_a_malformed_roles_file_names_the_file_and_line(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch, content: str, message: str) -> None:
    lexicons = tmp_path / "lexicons" / "xx"
    lexicons.mkdir(parents=True)
    (lexicons / "agents.words").write_text(content, "utf-8")

    class _Files:
        def __truediv__(self, name: str) -> Any:
            return tmp_path / name

    monkeypatch.setattr(attribution_module.resources, "files", lambda _package: _Files())
    load_roles.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            load_roles()
    finally:
        load_roles.cache_clear()


def test_a_text_without_failure_words_costs_no_clause_reading() -> None:
    text = "Thank you for your order. It leaves our warehouse tomorrow."
    ctx = CheckContext(text=text, found=matcher().scan(text), matcher=matcher())
    assert attribution(ctx).admissions == []
    assert attribution(ctx).partner_blame == []


_PIECES = ["we", "our courier", "the supplier", "you", "sent", "the wrong", "instead",
           "by mistake", "if", "never left", "our warehouse", ",", ";", ".", "?", "and",
           "nous", "par erreur", "unser", "falsch", "por error", "nuestro", "\n", "Sorry,"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.booleans())
def test_reading_clauses_never_crashes_and_stays_in_bounds(pieces: list[str],
                                                            ours: bool) -> None:
    text = " ".join(pieces)
    situation = OURS if ours else NOT_OURS
    first = check(text, situation=situation)
    again = check(text, situation=situation)
    assert first.to_dict() == again.to_dict()
    for kind in ("apology",):
        for span in first.elements[kind]:
            assert 0 <= span.start < span.end <= len(text)
    for finding in first.findings:
        assert 0 <= finding.start <= finding.end <= len(text)


def test_the_verb_right_before_a_mistake_word_is_the_deed_not_its_handling() -> None:
    text = ("Le blocage vient de notre prestataire de paiement, qui a signalé à tort vos "
            "achats comme suspects.")
    assert _blame(text)
    assert found("I've logged the bug with our developers.", "apology") == []


@pytest.mark.parametrize("text", [
    "The mistake sits with them rather than with us.",
    "The hold-up sits with our subcontracted haulier, whose lorry was not available.",
    "No es algo que dependa de nosotros.",
    "The framing shop measured it, which is their error rather than ours.",
    "Darauf hatten wir leider keinen Einfluss.",
    "Cela ne relève pas de notre responsabilité.",
    "La responsabilidad es suya y no nuestra.",
    "The lift was out because of the landlord's engineer, so it wasn't down to our staff.",
    "Die Spedition hat das Rad zwei Tage im Depot stehen lassen.",
    "El vuelo se canceló, y la culpa es de la aerolínea.",
    "The speaker cancelled on the day, so this one is down to them rather than us.",
    "Once a parcel is with the courier it is their responsibility.",
    "Nous ne pouvons en aucun cas être tenus responsables de la grève.",
    "The app never picked up our change, which is down to them.",
    "The saddler did not stitch it properly; this is his responsibility, not the yard's.",
    "La empresa de mensajería ha retenido el paquete en su almacén.",
    "The pump failed, which we couldn't have foreseen.",
    "El retraso se debió a la empresa de autocares que tenemos contratada, no a nosotros.",
    "Die Verzögerung lag allerdings beim Caterer, der die Getränke zu spät geliefert hat.",
    "Auf dessen Abläufe haben wir leider keinen Einfluss.",
    "The loss happened with Royal Mail, not with us.",
    "Der Abbau wurde von unserem Subunternehmer durchgeführt, der für solche Schäden selbst "
    "haftet.",
    "Schuld ist diesmal die Telekom: deren Bautrupp hat unsere Zuleitung gekappt.",
    "Notre fournisseur de papier nous a livrés en retard, ça ne dépendait pas de nous.",
    "Le retard vient entièrement de leur côté, pas du nôtre.",
    "The crates were swapped by Kestrel Logistics, the delivery firm we use at weekends.",
    "The lab sent them late, so the hold-up is on their side rather than ours.",
    "Any fault with the barcode is theirs to put right.",
    "A bulge like this is a matter for the manufacturer rather than for us.",
    "The centre unit was fitted by your previous installer, not by us.",
    "Für Fehler bei der Aktivierung sind die Stadtwerke zuständig und nicht der Tierpark.",
    "Wir setzen die neue Gebührenordnung nur um und haben auf die Höhe keinen Einfluss.",
    "C'est la préfecture qui a pris cette décision, nous n'y sommes pour rien.",
    "El retraso se debe exclusivamente a la agencia de transportes.",
    # the excuse told as what we could not help (held-out 21)
    "The venue closed the car park, which was not something we could control.",
    "Le transporteur a perdu la palette, ce qui échappe à notre contrôle.",
    # someone else named, then us disowned (held-out 3, 8, 17, 20 and 23)
    "The route this driver chose was his own decision, not ours.",
    "Quality issues are something the restaurant is responsible for rather than us.",
    "Die doppelte Abbuchung kam von unserem Zahlungsdienstleister, nicht von uns.",
    "El retraso de 50 minutos fue cosa de su repartidor, no nuestra.",
    "La colle livrée par notre fournisseur était défectueuse, et ce problème ne relève pas de "
    "notre atelier.",
    # the responsibility of someone named before ("dessen": held-out 24)
    "Die Schäden sind durch den Bagger unseres Subunternehmers entstanden und fallen in "
    "dessen Verantwortung.",
    "The worktops were fitted by an independent subcontractor, and the damage occurred during "
    "their installation, so responsibility lies with them.",
    "The scaffold was put up by our subcontractor, Apex Access, who are responsible for the "
    "damage to your guttering.",
    # "they" for a partner named before (held-out 8)
    "The cheese is packed by our dairy partner, and they left it out of a batch of boxes.",
])
def test_blame_placed_elsewhere_in_other_words(text: str) -> None:
    assert _blame(text)


@pytest.mark.parametrize("text", [
    "As the booking terms say, you should have cancelled in the app.",
    "Sie hätten die Dachrinne regelmäßig reinigen müssen.",
    "Sie hätten das Kennzeichen bei der Buchung korrekt eingeben müssen.",
    "Usted no canceló la suscripción en el plazo indicado.",
    "No pagaste la cuota antes del día 5.",
    "If you'd read the membership terms, you'd have known that.",
    "Sie hätten den Schaden unverzüglich, spätestens aber innerhalb einer Woche melden müssen.",
    "Usted no lo declaró en el cuestionario de salud.",
    "Le recordamos que es responsabilidad del asegurado leer las condiciones.",
    "You should have treated him for fleas before his stay.",
    "Laut unseren AGB trägst du die Kosten für die Starthilfe in dem Fall selbst.",
    "Según nuestro protocolo era responsabilidad suya avisarnos de cualquier alergia.",
    "That kind of damage is your responsibility, not ours.",
    "The shorter game was down to your late arrival.",
    "If you had read them you'd have known the pass lapses.",
    "C'est à vous qu'il revenait de nous présenter le carnet.",
    "Yours came the evening before, so you should have let us know sooner.",
    "La tarjeta debía devolverse antes del 30 de junio, y usted no lo hizo.",
    "The membership terms you signed up to say members have to show their card.",
    "Usted no declaró el cambio de domicilio al renovar la póliza.",
    "The code was in your confirmation email, you must have missed it.",
    "Las condiciones estaban en la web; debería haberlas leído antes de reservar.",
    "The change was in the newsletter, so you should have been aware of it.",
    "It is the responsibility of members to check the timetable.",
    "Il vous appartenait de vérifier le casque avant le cours.",
    "Si hubiera acudido a la prueba, esto no habría pasado.",
    "Hätten Sie die Hausordnung gelesen, wüssten Sie das.",
    # before a vowel; damage put down to how it was used, with no "you" (held-out 29)
    "Lors de la réservation, il vous appartenait d'indiquer le niveau de votre fille.",
    "The warping comes from how the pan was used, so it isn't covered by the guarantee.",
    # a deed the customer must have done; harm from what they did themselves (held-out 13,
    # 20, 21 and 22)
    "You must have added too much shock yourself over the weekend.",
    "A scratch like this usually comes from kerbing the wheel yourself.",
    "La taille minimale est indiquée sur chaque page : il fallait la vérifier avant de payer.",
])
def test_what_the_customer_should_have_done_is_blame_on_the_customer(text: str) -> None:
    assert "BL002" in {f.rule for f in check(text, situation=NOT_OURS).findings}


@pytest.mark.parametrize("text", [
    "Sie hätten eine Bestätigung per E-Mail erhalten müssen.",
    "Sie hätten eigentlich früher informiert werden müssen.",
    "Usted no recibió el aviso porque lo enviamos a una dirección antigua.",
    "We will pay you the £62 in export income you should have earned.",
    "You should have been told about the closure when you booked.",
    "You must have been so worried when the boiler stopped.",
    "You must have received two emails about the same order by now.",
    # what the customer should have heard from us (held-out 29)
    "Entschuldigen Sie bitte: Sie hätten von uns hören müssen, bevor der 15. Mai verstrichen "
    "war.",
])
def test_what_the_customer_should_have_received_is_not_blame_on_the_customer(
        text: str) -> None:
    assert "BL002" not in {f.rule for f in check(text, situation=OURS).findings}


def test_a_denial_of_any_error_of_ours_is_no_apology() -> None:
    text = "There was no error on our side: the payment went out on 3 March."
    assert found(text, "apology") == []
    assert _blame(text)


def test_a_partner_after_a_preposition_is_an_object_and_the_doer_is_found_before_it() -> None:
    text = "Our system took your gift twice after a file was sent to the bank a second time."
    assert _blame(text) == []
    assert found(text, "apology")  # our system did it


#: admissions whose doer only the situation makes ours: a deed denied in the passive, and
#: someone named by their trade
OURS_BY_SITUATION = [
    "La batterie n'avait pas été rechargée avant ta location.",
    "Der Bremssattel ist nach dem Belagwechsel nicht richtig ausgerichtet worden.",
    "The protective sleeve clearly wasn't fitted.",
    "The BACS file for your June payroll was never submitted.",
    "The fitter grabbed the pair from the wrong shelf.",
    "El mecánico no apretó bien la pinza del freno delantero en la revisión.",
    "Der Monteur hat das Rauchrohr nicht ganz in den Anschluss gesteckt.",
]


@pytest.mark.parametrize("text", OURS_BY_SITUATION)
def test_a_doer_told_without_us_is_ours_only_when_the_situation_says_so(text: str) -> None:
    assert found(text, "apology", OURS) == [text.rstrip(".")]
    assert found(text, "apology", NOT_OURS) == []


def test_a_denied_deed_in_the_passive_with_a_partner_after_it_blames_the_partner() -> None:
    report = check("La commande n'a pas été livrée par le transporteur.", situation=OURS)
    assert report.elements["apology"] == ()
    assert [f.rule for f in report.findings if f.rule.startswith("BL")] == ["BL001"]


def test_a_partner_word_owned_by_the_customers_own_is_not_blamed() -> None:
    # "party" is a partner word ("a third party"), but "your son's party" is the customer's
    text = "The vests for your son's party weren't put on charge after the morning session."
    report = check(text, situation=NOT_OURS)
    assert [f.rule for f in report.findings if f.rule.startswith("BL")] == []


def test_not_ours_to_decide_is_no_blame() -> None:
    report = check("That choice is not ours to make, but we can advise you.", situation=OURS)
    assert [f.rule for f in report.findings if f.rule.startswith("BL")] == []


def test_someone_elses_staff_are_not_ours() -> None:
    assert found("The depot is theirs, and their packers got the labels wrong.", "apology",
                 OURS) == []


def test_a_passive_failure_with_no_doer_is_ours_only_when_the_situation_says_so() -> None:
    text = "The booking was missed off the staff list for Saturday."
    assert covers(text, "apology", "was missed")
    assert found(text, "apology", NOT_OURS) == []
    assert found(text, "apology", None) == []


#: (id, text, the words of the admission): a colleague named by first name is the doer,
#: after a failure of ours (held-out 14 and 23)
NAMED_COLLEAGUES = [
    ("en-after-colon", "You're right: Inés took the hems up 4 cm instead of 4 mm.",
     "Inés took the hems up 4 cm instead of 4 mm"),
    ("en-sentence-start", "Priya missed your slot on Tuesday.", "Priya missed your slot"),
    ("en-didnt", "Hemi didn't turn up for your 4pm.", "Hemi didn't turn up"),
    ("en-after-and", "You ordered National frames and Callum sent the wrong ones.",
     "Callum sent the wrong ones"),
    ("fr-apposition", "Le coffret contenait deux pralinés : Lucie, à l'emballage, les a pris "
                      "dans le mauvais bac.", "Lucie, à l'emballage, les a pris"),
    # at the sentence's start, after an auxiliary or before a verb in the past
    ("en-auxiliary", "Priya has double-booked the 2pm slot.", "Priya has double-booked"),
    ("fr-reflexive", "Hugo s'est trompé d'étagère.", "Hugo s'est trompé"),
    ("es-past-verb", "Rubén cortó las seis baldas a 58 cm en lugar de 68.",
     "Rubén cortó las seis baldas"),
    ("de-title", "Herr Kaya hat Ihren Termin für heute nicht in den Tourenplan übernommen.",
     "Herr Kaya hat Ihren Termin"),
    ("en-object-after-name", "Callum sent you the wrong size.", "Callum sent you"),
]

#: (id, text): a word with a capital before a failure word that is no colleague of ours
NOT_NAMED_COLLEAGUES = [
    ("en-article", "The missed appointment has been removed from your record."),
    ("de-article", "Die falsche Hochrechnung ist korrigiert."),
    ("en-object", "We gave the parcel to Callum and the wrong box went out."),
    ("en-month", "The February and March payments went out twice."),
    ("en-imperative", "Keep the damaged one, no need to send it back."),
    ("en-name-then-present", "Callum says the wrong lid fits the older model anyway."),
]


#: (id, text, words of the admission): a pronoun for one of ours, named before it
PRONOUN_DOERS = [
    ("en-she-after-staff", "Our receptionist took your call on Monday. She double-booked the "
                           "2pm slot.", "She double-booked"),
    ("en-he-after-staff", "Our fitter checked the boiler on Monday. Checking the flue is his "
                          "job, and he didn't.", "he didn't"),
    ("en-they-after-crew", "Our crew took the limb down on Tuesday. Then they left without "
                           "telling you.", "they left without telling you"),
    ("fr-il-after-staff", "Notre graveur a gravé le flacon hier. Il a recopié le prénom depuis "
                          "une ancienne commande au lieu de votre bon.", "Il a recopié"),
]


@pytest.mark.parametrize(("text", "words"), [c[1:] for c in NAMED_COLLEAGUES + PRONOUN_DOERS],
                         ids=[c[0] for c in NAMED_COLLEAGUES + PRONOUN_DOERS])
def test_a_colleague_named_or_pointed_to_who_failed_is_ours_after_our_failure(
        text: str, words: str) -> None:
    # a pronoun stands for the colleague named before it (PRONOUN_DOERS)
    assert covers(text, "apology", words)
    assert found(text, "apology", NOT_OURS) == []


@pytest.mark.parametrize("text", [c[1] for c in NOT_NAMED_COLLEAGUES],
                         ids=[c[0] for c in NOT_NAMED_COLLEAGUES])
def test_a_capitalised_word_that_is_no_colleague_admits_nothing(text: str) -> None:
    assert found(text, "apology", OURS) == []


def test_the_customer_named_as_the_doer_is_no_admission() -> None:
    text = "As your note says: Ngozi picked the wrong size."
    customer = {"name": {"given": "Ngozi", "family": "Eze"}, "locale": "en-GB"}
    report = check(text, customer=customer, situation=OURS)
    assert report.elements["apology"] == ()
    assert check(text, situation=OURS).elements["apology"]  # unnamed, Ngozi could be ours


def test_a_pronoun_for_a_partner_blames_and_one_for_the_customers_own_admits_nothing() -> None:
    assert _blame("The courier's driver got to your street at 9. He left the parcel at the "
                  "wrong door.")
    assert found("Your daughter waited at the gate for ten minutes. She took the wrong bus "
                 "home.", "apology", OURS) == []


def test_an_admission_ends_before_a_step_under_way_and_the_step_stays_a_step() -> None:
    text = "Our van had a flat on the A34 and the crew are now on their way: with you by 10:15."
    report = check(text, situation=OURS)
    assert [text[s.start:s.end] for s in report.elements["apology"]] == [
        "Our van had a flat on the A34"]
    assert [text[s.start:s.end] for s in report.elements["next_steps"]] == [text]
    # "and that is why" goes on telling the failure
    text = "Our engineer fitted the wrong valve, and that is why it keeps losing pressure."
    assert [text[s.start:s.end] for s in check(text, situation=OURS).elements["apology"]] == [
        text[:-1]]

