"""German, French and Spanish phrase families added from the misses on the timing corpus
(German and French) and on the held-out corpus (all three; the second-round rows of each
table). The other second-round tests are in test_lexicon_gaps_intl_round2.py.

Every family is tested on sentences written for this file (not taken from the corpora): at
least two that must now be found, and near misses that must not be. Elements are read from
``courtesy.check`` (the public result), so that raw patterns and phrases count alike.
"""

from __future__ import annotations

from typing import Any

import pytest
from lexicon_gaps import NOT_OURS, OURS
from lexicon_gaps import covers as _covers
from lexicon_gaps import found as _found

from courtesy import check
from courtesy.rules.engine import matcher

URGENT: dict[str, Any] = {"kind": "error", "our_fault": True, "severity": "high"}


# -- apology: admissions of fault --------------------------------------------------------------

# (id, text, the words an apology span must overlap)
ADMISSIONS: tuple[tuple[str, str, str], ...] = (
    # unser Fehler / Versehen unsererseits
    ("de-oversight-ours", "Das war ein Versehen unsererseits, die Rechnung ist jetzt korrigiert.",
     "Versehen unsererseits"),
    ("de-error-on-our-side", "Der Fehler lag eindeutig bei uns, nicht bei Ihrer Bank.",
     "Der Fehler lag eindeutig bei uns"),
    ("de-it-was-us", "Ehrlich gesagt: Das lag an uns.", "Das lag an uns"),
    ("de-because-of-our-error", "Ihre Lastschrift ist aufgrund eines technischen Fehlers in "
     "unserer Buchhaltung zurückgegangen.", "aufgrund eines technischen Fehlers in unserer"),
    # bei uns ist ... schiefgelaufen
    ("de-went-wrong-here", "Bei der Umbuchung ist bei uns leider einiges schiefgelaufen.",
     "bei uns leider einiges schiefgelaufen"),
    ("de-went-wrong-us", "Da ist uns beim Verpacken etwas schiefgegangen.",
     "uns beim Verpacken etwas schiefgegangen"),
    # wir haben ... versäumt / vergessen / falsch / versehentlich
    ("de-we-failed-to", "Wir haben es leider versäumt, Sie über die Verschiebung zu informieren.",
     "Wir haben es leider versäumt"),
    ("de-i-forgot", "Ich habe vergessen, den Rücksendeschein beizulegen.", "Ich habe vergessen"),
    ("de-wrongly-entered", "Wir haben Ihre neue Adresse im Kundenkonto falsch eingetragen.",
     "falsch eingetragen"),
    ("de-by-mistake", "Ich habe Ihnen versehentlich die Rechnung eines anderen Kunden geschickt.",
     "versehentlich die"),
    ("de-charged-twice", "Wir haben Ihre Monatsgebühr zweimal abgebucht.", "zweimal abgebucht"),
    ("de-passive-by-us", "Ihr Tarif wurde von uns falsch eingestuft.", "von uns falsch eingestuft"),
    # das hätte nicht passieren dürfen / Sie hätten nicht warten müssen
    ("de-should-not-have", "So etwas hätte nicht passieren dürfen.",
     "So etwas hätte nicht passieren dürfen"),
    ("de-should-not-wait", "Sie hätten nicht so lange warten müssen.",
     "Sie hätten nicht so lange warten müssen"),
    ("de-not-ok", "Dass niemand zurückgerufen hat, war nicht in Ordnung von uns.",
     "war nicht in Ordnung von uns"),
    # une erreur / un oubli de notre part
    ("fr-oversight-ours", "Il s'agit d'un oubli de notre part.",
     "Il s'agit d'un oubli de notre part"),
    ("fr-typing-error-ours", "C'est une erreur de saisie de notre part.",
     "une erreur de saisie de notre part"),
    ("fr-following-our-error", "Suite à un oubli de nos services, votre dossier n'a pas été "
     "transmis.", "Suite à un oubli de nos services"),
    ("fr-because-of-our-fault", "À cause d'un dysfonctionnement de notre entrepôt, la commande "
     "est restée bloquée.", "À cause d'un dysfonctionnement de notre entrepôt"),
    # la faute nous incombe, c'est à nous de l'assumer
    ("fr-ours-to-bear", "La responsabilité nous incombe entièrement.",
     "La responsabilité nous incombe entièrement"),
    ("fr-up-to-us", "C'est à nous de réparer cela, pas à vous.", "C'est à nous de réparer"),
    ("fr-we-own-it", "Nous en assumons pleinement la responsabilité.",
     "Nous en assumons pleinement la responsabilité"),
    # nous avons oublié / omis / mal ...
    ("fr-we-omitted", "Nous avons malheureusement omis de joindre la notice.",
     "Nous avons malheureusement omis"),
    ("fr-i-misinformed", "Je vous ai mal renseigné au téléphone.", "Je vous ai mal"),
    ("fr-we-forgot-it", "Nous l'avons oubliée lors de la préparation.", "Nous l'avons oubliée"),
    # par erreur / à tort, when it is us or a passive
    ("fr-blocked-by-mistake", "Votre carte a été bloquée par erreur samedi.",
     "a été bloquée par erreur"),
    ("fr-charged-wrongly", "Nous vous avons facturé à tort la livraison.",
     "Nous vous avons facturé à tort"),
    # cela n'aurait pas dû arriver
    ("fr-should-not-happen", "Cela n'aurait jamais dû se produire.",
     "n'aurait jamais dû se produire"),
    ("fr-should-not-chase", "Vous n'auriez pas dû avoir à nous relancer.",
     "Vous n'auriez pas dû avoir à"),
    ("fr-we-should-have", "Nous aurions dû vous prévenir du changement d'horaire.",
     "Nous aurions dû"),
    # -- found on the held-out corpus (second round) --
    # the English "sorry" in German chat
    ("de-sorry", "Sorry, dass du so lange auf eine Antwort warten musstest.", "Sorry"),
    ("de-sorry-for", "Hey Mia, sorry für das Durcheinander mit deinem Abo.", "sorry"),
    # unser Versäumnis
    ("de-our-omission", "Dass niemand zurückgerufen hat, war ganz klar unser Versäumnis.",
     "unser Versäumnis"),
    ("de-omission-ours", "Das ist ein Versäumnis unsererseits, die Mahnung nehmen wir zurück.",
     "Versäumnis unsererseits"),
    # a fault *in our* system, warehouse, process
    ("de-error-in-our", "Die doppelte Rechnung geht auf einen Fehler in unserem "
     "Abrechnungssystem zurück.", "einen Fehler in unserem"),
    ("de-fault-at-our", "Es gab eine Störung bei unserer Kartenabwicklung.",
     "eine Störung bei unserer"),
    ("de-delay-of-our", "Die Verspätung unseres Busses hat Sie den Anschluss gekostet.",
     "Die Verspätung unseres"),
    # the cause lies with us
    ("de-lay-with-our", "Die Verzögerung lag an unserem Umzug in das neue Lager.",
     "lag an unserem"),
    ("de-lay-with-a-thing-we-did", "Das lag an einer Umstellung, die wir letzte Woche "
     "vorgenommen haben.", "lag an einer Umstellung, die wir"),
    ("de-because-at-our", "Weil bei unserem Softwareupdate etwas schiefging, fehlten die "
     "Rabatte.", "Weil bei unserem"),
    # pluperfect and passive with "versehentlich"
    ("de-pluperfect", "Ich hatte Ihre Bestellung irrtümlich an die alte Adresse geschickt.",
     "Ich hatte Ihre Bestellung irrtümlich"),
    ("de-passive-by-mistake", "Ihr Abo wurde versehentlich zum Monatsende gekündigt.",
     "wurde versehentlich"),
    # c'est notre ... qui a oublié
    ("fr-cleft-team", "C'est notre équipe de préparation qui a oublié de joindre la notice.",
     "qui a oublié"),
    ("fr-cleft-me", "C'est moi qui me suis trompée de date dans votre dossier.",
     "C'est moi qui me suis trompée"),
    # aurait dû ..., ce qui n'a pas été le cas
    ("fr-should-have-was-not", "Votre box aurait dû être remplacée la semaine dernière, ce "
     "qui n'a pas été le cas.", "ce qui n'a pas été le cas"),
    ("fr-was-due-was-not", "Le technicien devait passer mardi, et cela n'a pas été fait.",
     "cela n'a pas été fait"),
    # the wrong item sent
    ("fr-instead-of", "Nous vous avons livré le canapé gris au lieu du bleu.", "au lieu d"),
    ("fr-wrong-one", "Je vous ai envoyé la mauvaise facture hier soir.",
     "Je vous ai envoyé la mauvaise"),
    # a failure of ours; our staff got it wrong
    ("fr-delay-of-our", "Le retard de notre atelier vous a fait manquer votre rendez-vous.",
     "Le retard de notre"),
    ("fr-error-in-our", "Une erreur dans notre logiciel de facturation a doublé le montant.",
     "Une erreur dans notre"),
    ("fr-our-staff", "Notre conseiller a mal noté votre adresse.", "a mal noté"),
    ("de-instead-of", "Wir haben Ihnen die blaue statt der roten Jacke geschickt.",
     "statt der roten Jacke geschickt"),
    # lo que se quedó en nuestras instalaciones; el fallo de algo nuestro
    ("es-stuck-at-ours", "Su maleta se quedó en nuestro almacén de Barajas.",
     "se quedó en nuestro"),
    ("es-fault-of-ours", "La avería de nuestro servidor provocó el corte de ayer.",
     "La avería de nuestro"),
    # hecho mal; lo que debimos hacer
    ("es-noted-wrongly", "Anotamos mal el número de su portal.", "Anotamos mal"),
    ("es-wrote-wrongly", "Hemos escrito mal su nombre en la reserva.", "Hemos escrito mal"),
    ("es-should-have", "Debimos avisarle antes del cambio de horario.", "Debimos avisarle"),
    ("es-should-have-clitics", "Debí mandárselo con la primera entrega.", "Debí mandárselo"),
    # "le ofrezco una disculpa"; nuestro equipo se equivocó; "en lugar de"
    ("es-offer-apology", "Le ofrecemos nuestras más sinceras disculpas por el cobro duplicado.",
     "Le ofrecemos nuestras más sinceras disculpas"),
    ("es-our-staff", "Nuestro repartidor olvidó dejar el aviso.", "Nuestro repartidor olvidó"),
    ("es-instead-of", "Le enviamos la talla M en lugar de la L que pidió.", "en lugar de"),
    # what slipped through; what we should have done; what was overlooked; our staff
    ("de-slipped", "Bei der Bearbeitung ist uns ein Zahlendreher passiert.",
     "ist uns ein Zahlendreher passiert"),
    ("de-should-have-we", "Wir hätten Sie vorab über die Umstellung informieren müssen.",
     "Wir hätten Sie vorab"),
    ("de-should-have-inverted", "Das hätten wir früher merken sollen.", "Das hätten wir"),
    ("de-overlooked", "Leider wurde Ihre Bestellung in unserem Lager übersehen.",
     "wurde Ihre Bestellung in unserem Lager übersehen"),
    ("de-our-driver", "Unser Fahrer hat das Paket beim falschen Nachbarn abgegeben.",
     "Unser Fahrer hat"),
    ("de-our-team-forgot", "Unser Versandteam hatte die Rechnung vergessen.",
     "Unser Versandteam hatte"),
    ("fr-wrong-address", "Nous avons expédié votre commande à votre ancienne adresse.",
     "à votre ancienne"),
    ("fr-our-staff-wrong-date", "Notre service a enregistré votre résiliation à la mauvaise "
     "date.", "à la mauvaise"),
    ("es-old-address", "Enviamos su pedido a la dirección antigua.", "la dirección antigua"),
    ("es-error-was-ours", "El error fue de nuestro equipo de facturación.",
     "El error fue de nuestro"),
    ("es-left-unprocessed", "Su solicitud se quedó sin tramitar durante dos semanas.",
     "se quedó sin tramitar"),
    ("fr-our-software-twice", "Notre logiciel de facturation a traité votre échéance deux "
     "fois.", "deux fois"),
    ("es-not-in-time", "Su devolución llegó el 3 de abril, pero no la registramos hasta ayer.",
     "registramos hasta"),
    ("es-not-told-in-time", "No le avisamos a tiempo del cambio de andén.", "avisamos a tiempo"),
    # -- found on held-out 18 --
    ("de-excuse-without-please", "Entschuldigen Sie, dass die Antwort so lange gedauert hat.",
     "Entschuldigen Sie"),
    ("de-colloquial-failure-word", "Da hat unser Lager leider gepatzt.", "gepatzt"),
    ("fr-pray-first", "Je vous prie d'abord de m'excuser pour ce long silence.",
     "Je vous prie d'abord de m'excuser"),
    ("fr-clearly-failed", "Sur ce point, nous avons clairement failli.",
     "nous avons clairement failli"),
)

NOT_ADMISSIONS: tuple[tuple[str, str], ...] = (
    ("de-not-us", "Das liegt nicht an uns, sondern an der Adresse auf dem Etikett."),
    ("de-nothing-went-wrong",
     "Bei uns ist nichts schiefgelaufen, das Paket ist korrekt frankiert."),
    ("de-customer-by-mistake", "Sie haben versehentlich zweimal bestellt."),
    ("de-we-found-you-wrong", "Wir haben festgestellt, dass Sie die falsche Größe bestellt haben."),
    ("de-double-checked", "Wir haben Ihre Angaben doppelt geprüft."),
    ("de-customer-should-have", "Sie hätten das Formular früher abschicken müssen."),
    ("de-passive-by-you", "Der Zählerstand wurde von Ihnen falsch abgelesen."),
    ("fr-not-our-error", "Il ne s'agit pas d'une erreur de notre part."),
    ("fr-no-error-found", "Aucune erreur de notre part n'a été relevée."),
    ("fr-carrier-bears-it", "La responsabilité incombe au transporteur."),
    ("fr-you-entered-wrongly", "Vous avez mal saisi votre code postal."),
    ("fr-customer-by-mistake", "Vous avez commandé par erreur deux exemplaires."),
    ("fr-if-you-paid-by-mistake", "Si vous avez payé par erreur, contactez votre banque."),
    ("fr-you-should-not-open", "Vous n'auriez pas dû ouvrir l'emballage scellé."),
    # -- found on the held-out corpus (second round) --
    ("de-no-error-found", "Wir haben keinen Fehler in unserem System gefunden."),
    ("de-bank-by-mistake", "Ihre Zahlung wurde von Ihrer Bank versehentlich abgelehnt."),
    ("de-lay-with-others", "Das lag an einer Baustelle, die die Stadt eingerichtet hat."),
    ("fr-cleft-customer", "C'est vous qui avez oublié de valider la commande."),
    ("fr-should-have-only", "Votre colis devait arriver samedi, il arrive lundi."),
    ("fr-customer-instead-of", "Vous avez commandé le modèle gris au lieu du bleu."),
    ("fr-no-error-in-our", "Aucune erreur dans notre système n'a été constatée."),
    ("de-instead-offered", "Sie haben die blaue statt der roten Jacke bestellt."),
    ("es-stuck-elsewhere", "Su maleta se quedó en el aeropuerto de origen."),
    ("es-customer-wrote-wrongly", "Usted escribió mal el código postal."),
    ("es-had-to", "Debimos cancelar el vuelo por la tormenta."),
    ("es-customer-instead-of", "Usted pidió la talla M en lugar de la L."),
    ("de-nothing-happened", "Uns ist bewusst, dass dabei nichts passiert ist."),
    ("de-would-have-liked", "Wir hätten Ihnen gerne geholfen, müssen aber ablehnen."),
    ("de-bank-double", "Ihre Zahlung wurde von Ihrer Bank doppelt abgebucht."),
    ("fr-customer-wrong-address", "Vous avez saisi la mauvaise adresse lors de la commande."),
    ("fr-updated-old-address", "Nous avons bien mis à jour votre ancienne adresse."),
    ("es-customer-old-address", "Usted nos dio la dirección antigua."),
    ("es-told-in-time", "Le avisamos antes de las 10 de cualquier cambio."),
)


@pytest.mark.parametrize(("text", "words"), [case[1:] for case in ADMISSIONS],
                         ids=[case[0] for case in ADMISSIONS])
def test_admission_of_fault_is_an_apology(text: str, words: str) -> None:
    assert _covers(text, "apology", words), _found(text, "apology")


@pytest.mark.parametrize("text", [case[1] for case in NOT_ADMISSIONS],
                         ids=[case[0] for case in NOT_ADMISSIONS])
def test_near_miss_is_no_apology(text: str) -> None:
    assert _found(text, "apology") == []


def test_denial_of_our_error_is_blame_shifting() -> None:
    found = matcher().scan_all("Ce n'est pas une erreur de notre part.")
    assert "blame-partner" in found
    assert "apology" not in found


# -- next steps: present for future, futur proche/simple, tracking lines ------------------------

NEXT_STEPS: tuple[tuple[str, str, bool], ...] = (
    # Präsens mit Zeitangabe, in beiden Wortstellungen
    ("de-present-with-date", "Unsere Monteurin kommt am Donnerstag zwischen 10 und 12 Uhr vorbei.",
     True),
    ("de-time-first", "Am Freitag ruft Sie Herr Berg aus der Technik an.", True),
    ("de-goes-out", "Die Ersatzlieferung geht heute noch raus.", True),
    ("de-money-there", "Das Geld ist spätestens am Montag auf Ihrem Konto.", True),
    ("de-parcel-with-you", "Ihr Paket ist morgen bei Ihnen.", True),
    ("de-usually", "Der Zusteller kommt normalerweise am Vormittag.", False),
    ("de-arrived", "Das Paket ist am Montag bei Ihnen angekommen.", False),
    ("de-not-coming", "Der Kurier kommt am Freitag leider nicht.", False),
    ("de-delays", "Heute kommt es leider zu längeren Wartezeiten am Telefon.", False),
    ("de-habit", "Seit dem Update am Dienstag startet die App ständig neu.", False),
    ("de-nothing-goes-out", "Wegen des Feiertags geht heute nichts raus.", False),
    # Passiv mit "wird"
    ("de-will-be-sent", "Ihre neue Karte wird morgen per Post verschickt.", True),
    ("de-will-be-credited", "Der Betrag wird Ihnen bis Freitag auf dem Kundenkonto "
     "gutgeschrieben.", True),
    ("de-will-call", "Frau Kaya aus der Schadenabteilung wird Sie bis Mittwoch anrufen.", True),
    ("de-not-refunded", "Der Betrag wird nicht erstattet, da die Frist abgelaufen ist.", False),
    ("de-only-after", "Rücksendungen werden erst nach Prüfung erstattet.", False),
    ("de-find-it-under", "Unter Einstellungen > Integrationen findest du den DATEV-Export.",
     True),
    ("de-can-online", "Den Antrag können Sie online unter service.example.de stellen.", True),
    ("de-find-annoying", "Sie finden die Wartezeit sicher ärgerlich.", False),
    # "meldet sich bei Ihnen", "liegt für Sie bereit", Umstellung mit "wir"
    ("de-gets-in-touch", "Frau Keller aus der Buchhaltung meldet sich noch heute bei Ihnen.", True),
    ("de-lies-ready", "Ihr Gutschein liegt ab sofort im Kundenkonto für Sie bereit.", True),
    ("de-we-cover", "Die Kosten für den Schlüsseldienst übernehmen wir.", True),
    ("de-we-waive", "Den Aufpreis für das Upgrade erlassen wir Ihnen.", True),
    ("de-we-do-not-cover", "Die Kosten für den Schlüsseldienst übernehmen wir leider nicht.",
     False),
    ("de-you-get-amount", "Als Entschädigung bekommst du 15 € Guthaben.", True),
    ("de-effort", "Wir setzen alles daran, das Gerät bis Freitag zu reparieren.", True),
    # futur proche
    ("fr-near-future", "Une technicienne va passer chez vous jeudi matin.", True),
    ("fr-near-future-pronoun", "Le transporteur va vous appeler pour fixer un créneau.", True),
    ("fr-near-future-passive", "La pièce va être remplacée jeudi par notre technicien.", True),
    ("fr-price-rises", "Le tarif va augmenter en janvier.", False),
    # futur simple des tierces personnes, et de « je » / « nous »
    ("fr-future-3rd", "Le plombier viendra récupérer l'ancien chauffe-eau.", True),
    ("fr-reopens", "La boutique rouvrira lundi à 9 h.", True),
    ("fr-will-be-sent", "Votre nouvelle carte sera directement envoyée à votre agence.", True),
    ("fr-to-you-refunded", "Les frais de dossier vous sont intégralement remboursés.", True),
    ("fr-we-will-publish", "Nous publierons un bilan vendredi sur cette page.", True),
    ("fr-i-will-update", "Je mettrai à jour votre dossier ce soir.", True),
    ("fr-all-goes-well", "Tout se passera bien.", False),
    ("fr-will-not-come", "Le technicien ne viendra pas demain.", False),
    # any future of "je"/"nous" promises a step (found on held-out 6, 12, 14 and 16), but
    # not the present in "-érons"/"-urons", nor être and avoir
    ("fr-any-future", "Nous les réinstallerons dans votre box.", True),
    ("fr-any-future-je", "Je prévoirai une heure de plus pour l'accord.", True),
    ("fr-present-hope", "Nous espérons vous revoir bientôt.", False),
    ("fr-future-of-etre", "Nous serons ravis de vous accueillir.", False),
    ("es-any-future", "Le cambiaremos el colchón por uno nuevo.", True),
    ("fr-we-will-see", "Nous verrons ce qu'il est possible de faire.", False),
    # présent avec une date
    ("fr-present-with-date", "Le technicien passe demain entre 8 h et 10 h.", True),
    ("fr-parcel-leaves", "Votre colis part aujourd'hui.", True),
    ("fr-plan-changes", "Votre forfait passe de 10 à 20 Go.", False),
    ("fr-usually-passes", "Le livreur passe généralement le mardi.", False),
    # joindre, offres, rien à faire, effort
    ("fr-call-me", "Vous pouvez aussi m'appeler au 01 23 45 67 89.", True),
    ("fr-can-still", "Vous pourrez toujours consulter vos factures en ligne.", True),
    ("fr-workshop-can", "Notre atelier de Nantes peut réparer la charnière en une semaine.", True),
    ("fr-nothing-to-do", "Vous n'avez rien à faire de votre côté.", True),
    ("fr-effort", "Nous mettons tout en œuvre pour rétablir le service.", True),
    # -- found on the held-out corpus (second round) --
    # verbless: a step and right after it a time
    ("de-verbless-new", "Neuer Liefertermin: Freitag, 10–12 Uhr.", True),
    ("de-verbless-pickup", "Abholung ab morgen 8 Uhr in der Filiale.", True),
    ("de-verbless-callback", "Rückruf heute zwischen 14 und 16 Uhr.", True),
    ("de-verbless-past", "Die Lieferung am Montag konnte leider nicht zugestellt werden.", False),
    ("de-verbless-mid-sentence", "Schade, dass wir Ihren Termin am Freitag so kurzfristig "
     "absagen mussten.", False),
    # the passive of steps taken, with words in between
    ("de-passive-done", "Ihre Karte wurde gestern neu ausgestellt.", True),
    ("de-passive-future", "Ihr Antrag wird bis Mittwoch bearbeitet.", True),
    ("de-state-done", "Die Rechnung ist inzwischen korrigiert.", True),
    ("de-state-planned", "Der Monteur ist für Dienstag eingeplant.", True),
    ("de-passive-bad-news", "Ihre Karte wurde leider gesperrt.", False),
    ("de-passive-long-ago", "Das Paket wurde erst gestern verschickt, weil es liegen blieb.",
     False),
    ("de-bare-state", "Teile sind bestellt.", False),
    # offers and what the customer can do
    ("de-offer", "Gerne kann ich Ihnen einen Rückruf für morgen anbieten.", True),
    ("de-offer-we", "Wir können den Termin gern auf nächste Woche verschieben.", True),
    ("de-no-offer", "Leider kann ich Ihnen keine Erstattung anbieten.", False),
    ("de-you-can-link", "Du kannst die Schuhe über shop.example/retoure zurückschicken.", True),
    ("de-you-can-inverted", "Deine Kündigung kannst du bis zum 15. Juni im Portal einreichen.",
     True),
    # someone else acts; the customer only has to ...
    ("de-third-party-pays", "Die Reparaturkosten übernimmt der Vermieter.", True),
    ("de-third-party-refuses", "Die Kosten übernimmt die Versicherung leider nicht.", False),
    ("de-only-have-to", "Sie müssen nur noch den Link in der E-Mail bestätigen.", True),
    # "bitte" before a request, reaching us, reminders, steps already taken with a time
    ("de-please-check", "Bitte überprüfen Sie Ihre Bankverbindung im Kundenkonto.", True),
    ("de-please-send-du", "Bitte schick uns ein Foto vom Etikett.", True),
    ("de-reach-me", "Sie erreichen mich morgen ab 9 Uhr direkt unter 030 1234567.", True),
    ("de-reminder", "Wir erinnern Sie an Ihren Termin morgen um 10 Uhr.", True),
    ("de-we-attached", "Ich habe Ihnen die Bedingungen als PDF angehängt.", True),
    ("de-cancelled-at-time", "Die Gutschrift habe ich um 9:15 Uhr veranlasst.", True),
    ("de-admission-not-a-step", "Sorry, wir haben dir gestern einen falschen Preis angezeigt.",
     False),
    # "vous pouvez" and any infinitive
    ("fr-you-can", "Vous pouvez télécharger votre facture dans l'espace client.", True),
    ("fr-you-can-tu", "Tu peux aussi nous envoyer une photo du ticket.", True),
    ("fr-you-can-be-reassured", "Vous pouvez être rassuré : tout est en ordre.", False),
    # passive future and state of a step fixed
    ("fr-will-be-deployed", "Un correctif sera déployé cette nuit.", True),
    ("fr-is-confirmed", "Votre rendez-vous est confirmé pour mardi à 10 h.", True),
    ("fr-is-planned", "La livraison est prévue pour jeudi entre 8 h et 12 h.", True),
    ("fr-is-cancelled", "Votre vol est annulé en raison de la grève.", False),
    # a third party will act; present with a date
    ("fr-will-come-back", "Le service juridique reviendra vers vous sous huit jours.", True),
    ("fr-calls-tomorrow", "Le technicien vous appelle demain matin pour fixer un créneau.", True),
    ("fr-calls-habitually", "Le technicien vous appelle souvent le matin.", False),
    ("fr-she-will-receive", "Elle recevra un code d'accès par SMS.", True),
    ("fr-it-suffices", "Il vous suffit de confirmer en répondant OUI.", True),
    ("fr-rescheduled", "Nous avons reprogrammé votre intervention au 3 juin.", True),
    # "puede" + infinitivo at the head of a clause
    ("es-you-can", "Si desea cambiar la fecha, puede hacerlo desde la app.", True),
    ("es-you-can-and", "Ya está listo y puede recogerlo en tienda.", True),
    ("es-someone-can", "Su hermano puede usarlo sin problema.", False),
    # "va a" + a step; only have to; offers in the present; reminders; third parties
    ("es-going-to-receive", "Vas a recibir el reembolso en tu tarjeta en tres días.", True),
    ("es-not-going-to", "No va a llegar a tiempo, lo siento.", False),
    ("es-only-have-to", "Solo tiene que firmar el albarán al recibirlo.", True),
    ("es-tell-me", "Dígamelo y le reservo la mesa de la terraza.", True),
    ("es-reminder", "Le recordamos su cita del jueves a las 9:00.", True),
    ("es-calls-tomorrow", "La técnica le llama mañana a las 9 para confirmar.", True),
    ("es-calls-habitually", "La técnica le llama siempre por la tarde.", False),
    ("es-we-asked", "Ya hemos pedido al almacén que lo reenvíe hoy.", True),
    ("es-attached", "Se la adjunto en este correo.", True),
    # available from now; what the customer will see; looking into it; present with a date
    ("de-active-now", "Ihr neues Passwort ist ab sofort aktiv.", True),
    ("de-you-will-see", "Die Gutschrift sehen Sie auf Ihrer nächsten Rechnung.", True),
    ("de-i-look-into-it", "Ich schaue mir das gleich an und melde mich bis 15 Uhr.", True),
    ("de-we-take-the-cost", "Die Versandkosten übernehmen selbstverständlich wir.", True),
    ("fr-will-appear", "Le remboursement apparaîtra sur votre relevé sous 5 jours.", True),
    ("fr-we-cover", "Nous prenons en charge les frais de réparation.", True),
    ("es-comes-tomorrow", "El técnico pasa mañana entre las 9 y las 11.", True),
    ("es-arrives-this-week", "Su nueva tarjeta llega esta semana por correo.", True),
    ("es-comes-always", "El camión pasa siempre los lunes.", False),
    ("es-discounted", "Le hemos descontado la cuota de este mes.", True),
    ("de-you-get-back", "Die Lieferpauschale bekommen Sie selbstverständlich zurück.", True),
    ("de-approved-now", "Ihr Antrag ist jetzt genehmigt.", True),
    ("de-goes-in-the-post", "Die Karte geht morgen in die Post.", True),
    ("fr-comes-again", "Le livreur repasse demain entre 9 h et 11 h.", True),
    ("fr-reachable", "Votre gestionnaire reste joignable au 01 40 00 12 12.", True),
    # found on held-out 11
    ("de-calls-you", "Unser Monteur ruft Sie am Donnerstagabend noch einmal an.", True),
    ("de-ready", "Ihr Rad ist fertig und steht ab 16 Uhr zur Abholung bereit.", True),
    ("de-we-extend", "Alle Medien, die fällig werden, verlängern wir bis zum 17. April.", True),
    ("de-calls-in-the-past", "Der Kurier rief gestern zweimal vergeblich.", False),
    ("fr-you-will-find", "Vous trouverez le modèle de convention sur l'ENT.", True),
    ("fr-do-not-hesitate", "Si vous avez un doute, n'hésitez pas à me répondre directement.",
     True),
    ("fr-collect-from", "Retrait dès 17 h au comptoir.", True),
    ("es-will-be-handled", "Su consulta será atendida por el departamento de facturas.", True),
    ("es-unlocked", "Ya está desbloqueado para ti hasta las 20:45.", True),
    ("de-calls-ahead", "Die Techniker rufen Sie eine halbe Stunde vorher an.", True),
    ("de-stands-ready", "Ihr Wagen steht morgen ab 8 Uhr an der Station bereit.", True),
    ("de-not-ready", "Ihr Wagen steht leider noch nicht bereit.", False),
    ("de-can-be-collected", "Ihr Auto kann ab morgen 7:30 Uhr abgeholt werden.", True),
    ("de-drop-by", "Komm einfach morgen ab 10 Uhr vorbei.", True),
    ("de-we-will-get-back", "Danke, wir haben alles notiert und werden uns bis Freitag bei "
                            "Ihnen melden.", True),
    ("fr-keep-informed", "Nous ne manquerons pas de vous tenir informée.", True),
    ("fr-ready-to-collect", "Elles sont prêtes à retirer dès demain.", True),
    ("fr-will-be-available", "Il sera disponible dans votre espace d'ici vendredi.", True),
    ("fr-they-will-handle-it", "Le service cartes s'en occupera.", True),
    ("es-we-will-tell-you", "Le comunicaremos la nueva fecha de entrega.", True),
    ("es-will-be-in-store", "Estarán en tienda el jueves.", True),
    ("es-ready-to-collect", "Ya está corregido y listo para recoger hoy.", True),
    # found on held-out 13
    ("de-we-reprint", "Wir drucken die Arbeit noch mal in Farbe und binden sie neu.", True),
    ("de-pickup-is", "Abholung ist wie besprochen am Samstag ab 10 Uhr.", True),
    ("de-is-ready-state", "Ihr Auto ist fertig: neue Bremsbeläge, 286 € wie besprochen.", False),
    ("fr-we-reprint", "Nous réimprimons dès aujourd'hui les 120 faire-part.", True),
    ("fr-can-offer", "Nous pourrons alors vous proposer un créneau la semaine prochaine.",
     True),
    ("es-held-the-date", "Le he bloqueado la fecha durante 10 días sin compromiso.", True),
    # found on held-out 14
    ("de-ich-melde-dich", "Ich melde dich heute noch beim TÜV an.", True),
    ("de-bekommt-stattdessen", "Ihr bekommt stattdessen am Samstag das Viererzimmer.", True),
    ("de-liegen-bereit-far", "Ihre Brötchen liegen wie bestellt morgen ab 7 Uhr in der Filiale "
                             "Lindenplatz bereit.", True),
    ("fr-replacee", "Je t'ai replacée jeudi à 16 h avec Karim.", True),
    ("fr-prets-jeudi", "Prêts jeudi après 14 h.", True),
    ("fr-retrait-sans-rdv", "Retrait sans rendez-vous du lundi au vendredi.", True),
    ("es-te-agendo", "Si quieres, te agendo ahora mismo las dos clases que faltan.", True),
    ("es-me-encontrara", "Si prefiere hablarlo, me encontrará en el 954 55 01 77.", True),
)


@pytest.mark.parametrize(("text", "next_step"), [case[1:] for case in NEXT_STEPS],
                         ids=[case[0] for case in NEXT_STEPS])
def test_next_step_sentence(text: str, next_step: bool) -> None:
    assert _found(text, "next_steps") == ([text] if next_step else [])


@pytest.mark.parametrize(("text", "line"), [
    ("Votre colis arrive jeudi. Suivi : suivi.example/AB123.", "Suivi : suivi.example/AB123."),
    ("Il est parti ce matin. Suivi: colis.example/t/9981.", "Suivi: colis.example/t/9981."),
])
def test_tracking_line_is_a_next_step(text: str, line: str) -> None:
    assert line in _found(text, "next_steps")


def test_word_suivi_alone_is_no_tracking() -> None:
    assert "tracking" not in matcher().scan_all("Merci pour le suivi de ma demande hier.")


# -- restitution ---------------------------------------------------------------------------------

# (id, text, situation, the words a restitution span must overlap)
RESTITUTION: tuple[tuple[str, str, dict[str, Any], str], ...] = (
    ("de-credit-verb", "Wir schreiben Ihnen die 12 € auf dem Kundenkonto gut.", OURS,
     "schreiben Ihnen die 12 €"),
    ("de-credit-inverted", "Für den Ausfall schreiben wir dir zwei Freimonate gut.", OURS,
     "schreiben wir dir zwei Freimonate gut"),
    ("de-credit-infinitive", "Ich werde Ihnen den Betrag gutschreiben.", OURS, "gutschreiben"),
    ("de-waive", "Die Mahngebühr von 5 € erlassen wir Ihnen selbstverständlich.", OURS,
     "Mahngebühr von 5 € erlassen"),
    ("de-strike", "Wir streichen die Bearbeitungsgebühr von 15 €.", OURS,
     "streichen die Bearbeitungsgebühr"),
    ("de-our-cost", "Die Rücksendung erfolgt auf unsere Kosten.", OURS, "auf unsere Kosten"),
    ("de-new-one-sent", "Wir haben Ihnen einen neuen Wasserkocher geschickt.", OURS,
     "einen neuen Wasserkocher geschickt"),
    ("de-new-one-ordered", "Ich habe eine neue Matratze für Sie bestellt.", OURS,
     "eine neue Matratze für Sie bestellt"),
    ("de-gift", "Die Versandkosten schenken wir Ihnen.", OURS, "schenken wir"),
    ("de-cover-pronoun", "Falls Gebühren anfallen, übernehmen wir die.", OURS,
     "übernehmen wir die"),
    ("fr-fees-offered", "Les frais de livraison de votre prochaine commande seront offerts.", OURS,
     "seront offerts"),
    ("fr-fees-cancelled", "Les frais de dossier sont annulés.", OURS,
     "frais de dossier sont annulés"),
    ("fr-at-our-cost", "La nuit d'hôtel est à nos frais.", OURS, "à nos frais"),
    ("fr-at-our-charge", "Le remorquage reste à notre charge.", OURS, "à notre charge"),
    ("fr-compensation-ours", "Vous recevrez une indemnisation de 100 €.", OURS, "indemnisation"),
    # -- found on the held-out corpus (second round) --
    ("de-double-debit-cancelled", "Die doppelte Abbuchung haben wir heute zurückgebucht.",
     OURS, "doppelte Abbuchung"),
    ("de-second-booking-cancelled", "Die zweite Buchung über 89 € habe ich storniert.", OURS,
     "zweite Buchung"),
    ("fr-keep-it-on-us", "Gardez l'autre, c'est offert.", OURS, "c'est offert"),
    ("fr-keep-both", "Vous pouvez les garder, c'est pour nous !", OURS, "c'est pour nous"),
    ("es-meal-voucher", "Te mandé un bono de cena de 30 € al correo.", OURS, "bono de cena"),
    ("es-voucher-amount", "Le hemos enviado un bono de 20 euros para su próxima compra.", OURS,
     "bono de 20 euros"),
    ("es-keep-it", "Puede quedárselo, es cortesía nuestra.", OURS, "es cortesía nuestra"),
    ("de-fee-dropped", "Die Stornogebühr entfällt in Ihrem Fall.", OURS, "Stornogebühr entfällt"),
    ("de-fee-deducted", "Die Mahngebühr ziehen wir Ihnen natürlich ab.", OURS,
     "Mahngebühr ziehen wir Ihnen natürlich ab"),
    ("de-on-us-today", "Das Essen geht heute auf uns.", OURS, "geht heute auf uns"),
    ("fr-we-cover-costs", "Nous prenons en charge les frais de réparation.", OURS,
     "prenons en charge les frais"),
    ("es-discounted", "Le hemos descontado la cuota de este mes.", OURS, "Le hemos descontado"),
    ("de-you-get-it-back", "Die Versandkosten erhalten Sie von uns zurück.", OURS,
     "erhalten Sie von uns zurück"),
    ("fr-delivery-is-free", "Pour le retard, la livraison est offerte.", OURS,
     "livraison est offerte"),
    ("es-keep-the-other", "La otra te la puedes quedar.", OURS, "te la puedes quedar"),
)

NO_RESTITUTION: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("de-new-invoice", "Wir haben Ihnen eine neue Rechnung geschickt.", OURS),
    ("de-contract-cover", "Die Kosten für den Gutachter übernehmen wir gemäß Ihrem Vertrag.",
     NOT_OURS),
    ("de-no-waiver", "Gebühren erlassen wir grundsätzlich nicht.", OURS),
    ("de-policy", "Laut unseren Erstattungsbedingungen ist eine Erstattung nur innerhalb von "
     "14 Tagen möglich.", NOT_OURS),
    ("de-refused", "Eine Rückerstattung ist leider nicht möglich.", NOT_OURS),
    ("de-our-cost-refused", "Eine Rücksendung auf unsere Kosten ist leider nicht möglich.", OURS),
    ("de-write-well", "Morgen schreiben wir Ihnen eine gut verständliche Anleitung.", OURS),
    ("fr-your-charge", "Les frais de retour sont à votre charge.", OURS),
    ("fr-not-offered", "Les frais de port ne sont pas offerts pour cette commande.", OURS),
    ("fr-insurance-cover", "Nous vous indemnisons selon les conditions de votre contrat.",
     NOT_OURS),
    ("fr-policy", "Conformément à nos conditions, le remboursement n'est possible que sous "
     "14 jours.", NOT_OURS),
    ("fr-not-refundable", "Ce billet n'est pas remboursable.", NOT_OURS),
    # -- found on the held-out corpus (second round) --
    ("de-booking-cancelled", "Ihre Buchung haben wir wie gewünscht storniert.", NOT_OURS),
    ("de-compensation-later", "Unser Team meldet sich wegen einer möglichen Entschädigung bei "
     "Ihnen.", OURS),
    ("de-whether-refund", "Wir prüfen, ob eine Erstattung in Frage kommt.", OURS),
    ("fr-gift-not-ours", "Gardez l'autre, c'est offert.", NOT_OURS),
    ("fr-priority-for-us", "Votre satisfaction, c'est pour nous une priorité.", OURS),
    ("fr-possible-compensation", "Un conseiller vous contactera au sujet d'un éventuel "
     "dédommagement.", OURS),
    ("es-data-bundle", "El bono de 10 GB cuesta 5 € al mes.", OURS),
    ("es-possible-compensation", "El perito le contactará sobre una posible compensación.", OURS),
    ("de-fee-stays", "Die Stornogebühr entfällt leider nicht.", OURS),
    ("de-not-back", "Die Anzahlung bekommen Sie leider nicht zurück.", OURS),
)


@pytest.mark.parametrize(("text", "situation", "words"), [case[1:] for case in RESTITUTION],
                         ids=[case[0] for case in RESTITUTION])
def test_restitution_is_found(text: str, situation: dict[str, Any], words: str) -> None:
    assert _covers(text, "restitution", words, situation), _found(text, "restitution", situation)


@pytest.mark.parametrize(("text", "situation"), [case[1:] for case in NO_RESTITUTION],
                         ids=[case[0] for case in NO_RESTITUTION])
def test_no_restitution(text: str, situation: dict[str, Any]) -> None:
    assert _found(text, "restitution", situation) == []


# -- stock excuses and vague times --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Aufgrund eines hohen Bestellvolumens verzögert sich der Versand.",
    "Derzeit kommt es leider zu längeren Bearbeitungszeiten.",
    "En raison d'un afflux exceptionnel de colis, les livraisons prennent du retard.",
    "Nous faisons tout notre possible pour vous livrer.",
])
def test_stock_excuse_is_canned(text: str) -> None:
    assert "canned" in matcher().scan_all(text)


@pytest.mark.parametrize("text", [
    "Aufgrund Ihrer Nachricht haben wir die Adresse geändert.",
    "En raison de votre déménagement, nous avons changé l'adresse de livraison.",
])
def test_reason_without_stock_excuse_is_not_canned(text: str) -> None:
    assert "canned" not in matcher().scan_all(text)


# (reply, the vague words TM002 must flag in it: a high-severity failure of ours)
VAGUE_PROMISES: tuple[tuple[str, str], ...] = (
    ("Es tut mir leid. Wir melden uns schnellstmöglich bei Ihnen.", "schnellstmöglich"),
    ("Es tut mir leid. Ein Mitarbeiter wird sich zeitnah bei Ihnen melden.", "zeitnah"),
    ("Es tut mir leid. Sie werden in Kürze eine neue Auftragsbestätigung erhalten.", "in Kürze"),
    ("Je suis désolée. Nous reviendrons vers vous dans les meilleurs délais.",
     "dans les meilleurs délais"),
    ("Je suis désolée. Un technicien va rétablir la ligne au plus vite.", "au plus vite"),
    ("Je suis désolée. Votre accès sera rétabli rapidement.", "rapidement"),
)


@pytest.mark.parametrize(("text", "vague"), VAGUE_PROMISES)
def test_vague_time_in_a_promise_is_flagged_when_urgent(text: str, vague: str) -> None:
    report = check(text, situation=URGENT, select=["TM002"])
    assert [text[f.start:f.end] for f in report.findings] == [vague]


@pytest.mark.parametrize("text", [
    "Es tut mir leid. Danke, dass Sie so schnell wie möglich geantwortet haben.",
    "Je suis désolée. Merci d'avoir répondu rapidement à notre question.",
])
def test_vague_word_outside_a_promise_is_not_flagged(text: str) -> None:
    assert check(text, situation=URGENT, select=["TM002"]).findings == ()
