"""German, French and Spanish phrase families added in round 2, from the misses on the
independent corpus (tests/corpus/replies_fresh.jsonl), generalised to the phenomenon.

Every family is tested on sentences written for this file (not taken from any corpus): at least
two that must now be found, and near misses that must not be. Elements and findings are read
from ``courtesy.check`` (the public result), so that raw patterns and phrases count alike.
"""

from __future__ import annotations

import pytest
from lexicon_gaps import OURS
from lexicon_gaps import covers as _covers
from lexicon_gaps import found as _found

from courtesy import check
from courtesy.rules.engine import matcher

# The round-2 admissions, next steps and restitution cases run with the round-1 ones, in the
# tables of tests/rules/test_lexicon_gaps_de_fr.py (one set of table-driven tests).


def _rules(text: str, channel: str | None = None) -> set[str]:
    return {finding.rule for finding in check(text, situation=OURS, channel=channel).findings}


# -- blame on partners and transfers to another firm ---------------------------------------

@pytest.mark.parametrize("text", [
    "Der Termin fällt aus, weil unser Subunternehmer kurzfristig abgesagt hat.",
    "Die Lieferung verzögert sich, weil unser Logistikpartner streikt.",
    "Es gab einen Fehler bei unserem Zahlungsdienstleister.",
    "Weil bei unserem Paketdienst ein Engpass herrscht, verzögert sich die Lieferung.",
    "Das ist nicht unser Fehler.",
    "C'est notre transporteur qui a perdu le colis.",
    "Le retard de notre transporteur est indépendant de notre volonté.",
    "El retraso de nuestro proveedor nos impide enviarlo.",
    "La incidencia se debe a un fallo de la empresa subcontratada.",
    "Se retrasó porque nuestra mensajería no pasó a recogerlo.",
    "Nuestro transportista olvidó dejar el aviso.",
    "Leider hat der Paketdienst die Sendung beschädigt.",
    "Unser Paketdienst hat die Sendung verloren.",
    "Notre prestataire de paiement a rencontré une panne.",
    "El error fue de nuestro proveedor.",
    "La empresa de mantenimiento no se presentó a la cita.",
])
def test_blame_on_a_partner(text: str) -> None:
    assert "BL001" in _rules(text)
    assert _found(text, "apology") == []


@pytest.mark.parametrize("text", [
    "Wir haben den Fehler in unserem Lager gefunden und behoben.",
    "Ich habe heute bei unserem Paketdienst nachgefragt: das Paket ist unterwegs.",
])
def test_no_blame_without_a_partner_at_fault(text: str) -> None:
    assert "BL001" not in _rules(text)


@pytest.mark.parametrize("text", [
    "Bitte wenden Sie sich direkt an den Hersteller unter 0800 1234567.",
    "Wende dich bitte an die Fluggesellschaft, sie bucht dich um.",
    "Kontaktieren Sie direkt die Werkstatt, die den Einbau gemacht hat.",
    "Veuillez contacter directement votre banque pour faire opposition.",
    "Adressez-vous directement au syndic de l'immeuble.",
    "Para anular el cargo, póngase en contacto directamente con su banco.",
    "Deberá reclamar directamente a la aerolínea.",
    # a third party of ours is still another firm (held-out 25)
    "Pour cela, vous devez contacter directement notre assureur, la Mutuelle des Artisans.",
])
def test_transfer_to_another_firm(text: str) -> None:
    assert "CT002" in _rules(text)
    assert _found(text, "next_steps") == [text]


@pytest.mark.parametrize("text", [
    "Wenden Sie sich jederzeit direkt an mich unter 030 1234567.",
    "Vous pouvez me joindre directement au 01 23 45 67 89.",
    "Veuillez contacter directement notre service comptabilité.",
    "Si lo prefiere, llame directamente al 900 123 456.",
    "Si tiene dudas, contacte directamente conmigo.",
    "If Thursday doesn't suit, reply to this email or call me directly on 0117 496 0552.",
])
def test_our_own_line_is_no_transfer(text: str) -> None:
    assert "CT002" not in _rules(text)


# -- next steps ----------------------------------------------------------------------------------

def test_weekday_and_daytime_in_one_word_is_a_time() -> None:
    assert "timeframe" in matcher().scan_all("Der Techniker kommt Mittwochnachmittag.")
    assert "EL004" not in _rules("Der Techniker ist für Mittwochnachmittag bestellt.")


@pytest.mark.parametrize("text", [
    "We've added a free class to your account, to use whenever you like.",
    "Ich buch dir einen Tagespass gut, den kannst du einlösen, wann du willst.",
    "Nous vous offrons une séance supplémentaire, à programmer quand vous le souhaitez.",
    "Te regalamos una clase extra para que la uses cuando quieras.",
])
def test_a_time_the_customer_chooses_is_a_time(text: str) -> None:
    assert "EL004" not in _rules(text)


# -- tone, thanks, empathy, contact routes -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Wir bedauern die entstandenen Unannehmlichkeiten.",
    "Aufgrund eines hohen Bestellaufkommens kommt es derzeit zu Verzögerungen.",
])
def test_stock_regret_is_defensive_boilerplate(text: str) -> None:
    rules = _rules(text)
    assert "TN002" in rules
    assert "TN001" not in rules


@pytest.mark.parametrize(("text", "flagged"), [
    # whatever is taken seriously (held-out 21)
    ("We take all concerns about pupil safety very seriously.", True),
    ("We take every complaint extremely seriously.", True),
    ("We take the handover checks seriously, so I've retrained the team.", True),
    ("Take your time, there is no rush.", False),
])
def test_taking_anything_seriously_is_defensive_boilerplate(text: str, flagged: bool) -> None:
    assert ("TN002" in _rules(text)) is flagged


def test_french_effort_formula_is_defensive_boilerplate() -> None:
    text = "Nous mettons tout en œuvre pour vous livrer au plus vite."
    assert "TN002" in _rules(text)
    assert _found(text, "next_steps") == [text]


@pytest.mark.parametrize(("text", "words"), [
    ("Nous avons bien reçu votre message et vous en remercions.", "vous en remercions"),
    ("Je voulais simplement vous remercier pour votre patience.", "vous remercier"),
])
def test_french_thanks_without_repeated_subject(text: str, words: str) -> None:
    assert _covers(text, "thanks", words)


@pytest.mark.parametrize(("text", "arguing"), [
    ("Vous vous trompez : la garantie a expiré en mars.", True),
    ("Tu te trompes sur la date, c'était le 3 mai.", True),
    ("Si je ne me trompe pas, la commande date du 3 mai.", False),
])
def test_you_are_mistaken_argues(text: str, arguing: bool) -> None:
    assert ("TN004" in _rules(text)) is arguing


def test_understanding_that_it_is_annoying_is_empathy() -> None:
    text = "Ich verstehe gut, dass das ärgerlich ist, wenn die Lieferung ausbleibt."
    assert _covers(text, "apology", "Ich verstehe gut, dass das ärgerlich")


@pytest.mark.parametrize("text", [
    "Schreiben Sie uns gern per Direktnachricht, dann klären wir das.",
    "Schick uns einfach eine Privatnachricht mit der Bestellnummer.",
    "Écrivez-nous en message privé avec votre numéro de commande.",
    "Escríbenos por mensaje privado con tu número de pedido.",
    "Schreib uns bitte eine DM mit deiner Bestellnummer.",
    "Mándanos un MD con tu número de pedido.",
])
def test_private_message_is_a_route(text: str) -> None:
    assert "CT003" not in _rules(text, "public")
