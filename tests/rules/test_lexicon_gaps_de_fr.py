"""German and French phrase families added from the misses on the timing corpus.

Every family is tested on sentences written for this file (not taken from the corpora): at
least two that must now be found, and near misses that must not be. Elements are read from
``courtesy.check`` (the public result), so that raw patterns and phrases count alike.
"""

from __future__ import annotations

from typing import Any

import pytest

from courtesy import check
from courtesy.rules.engine import matcher

#: a failure of ours (restitution-free gifts count) and one that is not ours
OURS: dict[str, Any] = {"kind": "error", "our_fault": True, "severity": "medium"}
NOT_OURS: dict[str, Any] = {"kind": "inquiry", "our_fault": False, "severity": "low"}
URGENT: dict[str, Any] = {"kind": "error", "our_fault": True, "severity": "high"}


def _found(text: str, kind: str, situation: dict[str, Any] | None = None) -> list[str]:
    report = check(text, situation=situation if situation is not None else OURS)
    return [text[span.start:span.end] for span in report.elements[kind]]


def _covers(text: str, kind: str, words: str, situation: dict[str, Any] | None = None) -> bool:
    """Whether an element span of ``kind`` overlaps ``words`` where they stand in ``text``."""
    at = text.index(words)
    report = check(text, situation=situation if situation is not None else OURS)
    return any(span.start < at + len(words) and at < span.end
               for span in report.elements[kind])


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
