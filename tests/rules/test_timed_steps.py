"""A time told in the present or the future makes its sentence a next step.

Held-out corpora 15 to 18 showed that agents often tell the next step as a plain fact with a
time ("Engineers are in tomorrow morning at 7am"), which no list of verbs reaches. A sentence
with a time counts as a step unless it tells the past, denies, thanks, apologises or gives
news about a service (``past``, ``negation`` and ``news`` in ``agents.words``).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courtesy import check
from courtesy.rules.attribution import tells_no_step
from courtesy.rules.lexicon import normalize

#: (id, text): a step told as a fact with a time
TIMED_STEPS = [
    ("en-present", "Engineers are in tomorrow morning at 7am."),
    ("en-passive-present", "Your slot is booked for Friday."),
    ("en-perfect", "I've put you down for the 9:15 class on Saturday."),
    ("de-separable-verb", "Die erste Anprobe findet am Dienstag, 2. Juni, um 16 Uhr statt."),
    ("fr-new-appointment", "Votre nouveau rendez-vous est le jeudi 12 mars à 10 h."),
    ("es-present", "Toby sale a las 13:00 en vez de las 11:00."),
    ("fr-elided-pronoun", "Si tu veux repartir demain, un vélo révisé t'attend dès 9 h."),
    ("de-about-minutes", "Unser Techniker ist in ca. 45 Minuten bei euch."),
    ("de-word-range", "Sie sehen den Betrag in zwei bis drei Werktagen auf Ihrem Konto."),
    # a denial of a price offers something free and denies no step
    ("en-no-charge", "Your frame goes back in the post the same day at no extra charge."),
    ("fr-sans-frais", "Le premier store sera repris le même jour, sans frais pour vous."),
    ("es-sin-coste", "El técnico pasa el jueves por la mañana sin ningún coste."),
    ("de-ohne-aufpreis", "Wir tauschen das Ventil am selben Tag ohne Aufpreis aus."),
    ("en-service-by-its-time", "Your spare wheel is on the 14:20 van."),
    ("en-ordinal-day", "Your next window clean is on the 14th."),
    ("de-ab-sofort", "Den neuen Zugangscode siehst du ab sofort in der App."),
    ("en-going-out-today", "The spare blades are going out today by courier, signed for."),
    # a bare weekday, this week, "en unos 10 minutos" (held-out 13, 19, 21)
    ("fr-bare-weekday", "Nous réimprimons l'ensemble et l'expédions jeudi en carton renforcé."),
    ("fr-cette-semaine", "Nous vous remboursons 50 % du prix, soit 1 140 €, par virement cette "
                         "semaine."),
    ("es-en-unos-minutos", "El rider ya lo lleva y llegará en unos 10 minutos."),
    ("de-diese-woche", "Der Techniker kommt diese Woche bei Ihnen vorbei."),
    ("en-next-bill", "The £212 difference will show on your April invoice."),
    # the end of the month as a date (held-out 29)
    ("de-zum-monatsende", "Sobald die Urkunde bei uns eingeht, beenden wir den Vertrag zum "
                          "Monatsende."),
]

#: (id, text): a time in a sentence that is no step
NOT_STEPS = [
    ("en-past", "The lab delivered the wrong stock on Friday."),
    ("de-past", "Gestern war der Laden wegen Inventur zu."),
    ("es-preterite", "El paquete llegó el lunes al almacén."),
    ("en-denied", "The engineer can't come on Friday."),
    ("en-news", "The pool is closed from 3 to 9 August."),
    ("es-news", "El sábado cerramos a las 14:00."),
    ("en-thanks", "Thank you for calling on Tuesday."),
    ("en-since", "Since the update on Tuesday the app keeps crashing."),
    ("fr-apology", "Nous sommes désolés pour le retard de lundi."),
    ("fr-aucun-creneau", "Nous n'avons aucun créneau libre jeudi."),
    ("en-no-then-fee", "We can't open the hall on Sunday, fee or not."),
    ("fr-weekday-of-a-past-call", "Je fais suite à notre appel de mardi au sujet de votre "
                                  "agenda."),
    ("fr-every-monday", "L'export te fait gagner une heure chaque lundi."),
    ("de-frist-zum-quartalsende", "Laut Vertrag gilt eine Frist von einem Monat zum "
                                  "Quartalsende."),
]


def _steps(text: str) -> list[str]:
    report = check(text)
    return [text[s.start:s.end] for s in report.elements.lexicons["next_steps"]]


@pytest.mark.parametrize("text", [c[1] for c in TIMED_STEPS], ids=[c[0] for c in TIMED_STEPS])
def test_a_time_told_as_a_fact_makes_a_step(text: str) -> None:
    assert _steps(text) == [text]


@pytest.mark.parametrize("text", [c[1] for c in NOT_STEPS], ids=[c[0] for c in NOT_STEPS])
def test_a_time_in_an_account_news_or_thanks_is_no_step(text: str) -> None:
    assert _steps(text) == []


@pytest.mark.parametrize(("sentence", "past"), [
    ("the parcel was damaged in transit.", True),
    ("we loaded the van on monday.", True),
    ("your slot is booked for friday.", False),  # "is" makes "booked" present
    ("i have sent the form today.", False),  # a perfect: a step taken
    ("we need it by friday.", False),  # "need" is no past tense: its stem is short
    ("el paquete salió ayer.", True),
    ("le colis était au dépôt.", True),
])
def test_what_tells_no_step(sentence: str, past: bool) -> None:
    assert tells_no_step(sentence, 0, len(sentence)) is past


def test_only_the_sentence_with_the_time_is_read() -> None:
    text = "Your parcel was damaged on the way. A new one goes out tomorrow by 10am."
    assert _steps(text) == ["A new one goes out tomorrow by 10am."]


@given(st.text(max_size=200), st.integers(0, 200), st.integers(0, 200))
def test_reading_a_sentence_for_steps_never_crashes(text: str, a: int, b: int) -> None:
    norm = normalize(text)
    assert tells_no_step(norm, min(a, b), max(a, b)) in (True, False)
