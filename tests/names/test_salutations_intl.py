"""German, French and Spanish salutations: formality and titles (NM005, NM006, NM008).

False positives found on tests/corpus/replies_intl.jsonl, fixed in general and pinned here
with new texts: "Hallo"/"Hola" before a title or the family name is the neutral greeting of
business mail and chat, and an academic title follows "Herr"/"Frau" in German.
"""

from __future__ import annotations

from typing import Any

import pytest

from courtesy import check


def _codes(text: str, name: dict[str, Any], locale: str,
           formality: str = "formal") -> list[str]:
    customer = {"name": name, "locale": locale, "formality": formality}
    return sorted({f.rule for f in check(text, customer=customer, select=["NM", "SL"])
                   .findings})


WEBER = {"title": "Frau", "given": "Katrin", "family": "Weber"}
BRANDT = {"title": "Herr", "given": "Ole", "family": "Brandt"}
VIDAL = {"title": "Sra.", "given": "Marta", "family": "Vidal Ferrer"}
ROCHE = {"title": "M.", "given": "Julien", "family": "Roche"}


@pytest.mark.parametrize(("text", "name", "locale"), [
    ("Hallo Frau Weber, Ihr Umzugskarton-Set ist heute rausgegangen.", WEBER, "de-DE"),
    ("Hallo Herr Brandt,\n\nIhr Termin ist bestätigt.", BRANDT, "de-AT"),
    ("Hi Herr Brandt, kurze Rückmeldung zu Ihrer Reklamation.", BRANDT, "de-DE"),
    ("Hallo Katrin Weber, Ihr Paket ist unterwegs.", {"given": "Katrin", "family": "Weber"},
     "de-DE"),
    ("Hola, Sra. Vidal Ferrer: su pedido ya está en camino.", VIDAL, "es-ES"),
    ("Hola Sra. Vidal, le confirmamos la cita del jueves.", VIDAL, "es-MX"),
    ("Hola, doña Marta: le confirmamos la cita del jueves.", VIDAL, "es-ES"),
])
def test_an_informal_greeting_before_a_title_or_the_full_name_is_formal_enough(
        text: str, name: dict[str, Any], locale: str) -> None:
    assert _codes(text, name, locale) == []


@pytest.mark.parametrize(("text", "name", "locale"), [
    ("Hallo Katrin, Ihr Umzugskarton-Set ist heute rausgegangen.", WEBER, "de-DE"),
    ("Hey Ole,\n\nIhr Termin ist bestätigt.", BRANDT, "de-DE"),
    ("Hola Marta, le confirmamos la cita del jueves.", VIDAL, "es-ES"),
    ("Salut Julien, votre colis est parti ce matin.", ROCHE, "fr-FR"),
])
def test_an_informal_greeting_with_the_first_name_alone_is_still_flagged(
        text: str, name: dict[str, Any], locale: str) -> None:
    assert _codes(text, name, locale) == ["NM008"]


def test_a_customer_who_asked_for_informality_may_get_hallo_and_the_first_name() -> None:
    assert _codes("Hallo Katrin, dein Paket ist unterwegs.", WEBER, "de-DE", "informal") == []


DR_WEBER = {"title": "Dr.", "given": "Katrin", "family": "Weber", "pronouns": "she/her"}


@pytest.mark.parametrize("text", [
    "Sehr geehrte Frau Dr. Weber,\n\nvielen Dank für Ihre Anfrage.",
    "Guten Tag Frau Dr. Weber, vielen Dank für Ihre Anfrage.",
    "Liebe Frau Dr. Weber,\n\nherzlichen Dank für Ihre Nachricht.",
])
def test_herr_or_frau_before_the_profiles_academic_title_is_german_order(text: str) -> None:
    assert _codes(text, DR_WEBER, "de-DE") == []


def test_a_gendered_title_before_the_academic_one_still_follows_the_pronouns() -> None:
    assert _codes("Sehr geehrter Herr Dr. Weber,\n\nvielen Dank.", DR_WEBER, "de-DE") == [
        "NM005"]
    no_pronouns = {k: v for k, v in DR_WEBER.items() if k != "pronouns"}
    assert _codes("Sehr geehrte Frau Dr. Weber,\n\nvielen Dank.", no_pronouns, "de-DE") == [
        "NM006"]


def test_a_guessed_title_beside_the_profiles_academic_one_says_which_title_it_has() -> None:
    no_pronouns = {k: v for k, v in DR_WEBER.items() if k != "pronouns"}
    report = check("Sehr geehrte Frau Dr. Weber,\n\nvielen Dank.",
                   customer={"name": no_pronouns, "locale": "de-DE"})
    [finding] = report.findings
    assert finding.rule == "NM006"
    assert report.text[finding.start:finding.end] == "Frau"
    assert "gives only 'Dr.', no gender" in finding.message
    assert finding.suggestion == "Dr. Weber"


def test_an_academic_title_the_profile_lacks_is_still_wrong() -> None:
    assert _codes("Sehr geehrte Frau Dr. Weber,\n\nvielen Dank.", WEBER, "de-DE") == ["NM005"]


PROF_BRANDT = {"title": "Prof.", "given": "Ole", "family": "Brandt", "pronouns": "he/him"}


def test_herr_professor_is_german_order_too() -> None:
    assert _codes("Sehr geehrter Herr Prof. Brandt,\n\nvielen Dank.", PROF_BRANDT,
                  "de-DE") == []


@pytest.mark.parametrize(("text", "name", "locale"), [
    ("Sehr geehrter Herr von der Heide,\n\nvielen Dank.",
     {"title": "Herr", "given": "Lutz", "family": "von der Heide"}, "de-DE"),
    ("Bonjour Madame de La Tour,\n\nmerci pour votre message.",
     {"title": "Mme", "given": "Claire", "family": "de La Tour"}, "fr-FR"),
    ("Estimado Sr. Ortiz de Zárate:\n\nGracias por su mensaje.",
     {"title": "Sr.", "given": "Iñaki", "family": "Ortiz de Zárate"}, "es-ES"),
    ("Hola, Sr. de la Fuente: gracias por su mensaje.",
     {"title": "Sr.", "given": "Juan", "family": "de la Fuente"}, "es-ES"),
])
def test_particles_and_compound_family_names_pass(text: str, name: dict[str, Any],
                                                  locale: str) -> None:
    assert _codes(text, name, locale) == []


JB = {"title": "M.", "given": "Jean-Baptiste", "family": "de La Roche-Aymon"}


def test_the_initials_of_a_hyphenated_given_name_are_one_initial() -> None:
    text = "Monsieur J.-B. de La Roche-Aymon,\n\nMerci pour votre message."
    report = check(text, customer={"name": JB, "locale": "fr-FR"})
    assert [(f.rule, text[f.start:f.end], f.suggestion) for f in report.findings] == [
        ("NM004", "J.-B.", "Jean-Baptiste")]


def test_the_address_goes_on_after_compound_initials() -> None:
    text = "Monsieur J.-B. de La Roche-Aymond,\n\nMerci pour votre message."
    codes = [f.rule for f in check(text, customer={"name": JB, "locale": "fr-FR"}).findings]
    assert codes == ["NM004", "NM001"]  # the misspelt family name after them is read too
