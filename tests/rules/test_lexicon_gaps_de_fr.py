"""German and French phrase families added from the misses on the timing corpus.

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
