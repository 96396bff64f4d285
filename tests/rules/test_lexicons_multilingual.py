"""German, French and Spanish lexicons: each phrase is found where it stands, near misses are not.

Positive cases give the exact words a topic must cover (its span is computed with
``text.index``); negative cases are sentences that look like a topic but are innocent.
Only literal phrases are used here: ``Matcher.scan`` reports them eagerly.
"""

from __future__ import annotations

from importlib import resources

import pytest

from courtesy.rules.engine import matcher

# (id, text, topic, the exact words the topic must cover)
POSITIVE: tuple[tuple[str, str, str, str], ...] = (
    # -- German -------------------------------------------------------------------------------
    ("de-apology", "Es tut mir leid, dass Ihr Paket zu spät kam.", "apology", "Es tut mir leid"),
    ("de-apology-owning", "Das war unser Fehler, und ich kümmere mich darum.", "apology",
     "Das war unser Fehler"),
    ("de-non-apology", "Es tut uns leid, wenn Sie sich durch unsere Antwort verärgert fühlen.",
     "non-apology", "Es tut uns leid, wenn"),
    ("de-boilerplate", "Wir nehmen Ihre Beschwerde sehr ernst.", "boilerplate",
     "Wir nehmen Ihre Beschwerde sehr ernst"),
    ("de-canned", "Vielen Dank für Ihre Anfrage.", "canned", "Vielen Dank für Ihre Anfrage"),
    ("de-canned-is-thanks", "Vielen Dank für Ihre Anfrage.", "thanks",
     "Vielen Dank für Ihre Anfrage"),
    ("de-canned-informal", "Danke, dass du dich bei uns gemeldet hast!", "thanks",
     "Danke, dass du dich bei uns gemeldet"),
    ("de-no-reply", "Bitte antworten Sie nicht auf diese E-Mail.", "no-reply",
     "Bitte antworten Sie nicht auf diese E-Mail"),
    ("de-timeframe", "Der Techniker meldet sich bis Freitag bei Ihnen.", "timeframe",
     "bis Freitag"),
    ("de-greeting", "Sehr geehrter Herr Weber,\n\nvielen Dank.", "greeting", "Sehr geehrter"),
    ("de-generic-salutation", "Liebe Kundin, lieber Kunde,\n\nunser Shop ist umgezogen.",
     "generic-salutation", "Liebe Kundin, lieber Kunde"),
    ("de-generic-salutation-formal", "Sehr geehrte Damen und Herren,\n\nanbei die Rechnung.",
     "generic-salutation", "Sehr geehrte Damen und Herren"),
    ("de-blame-partner", "Die Verzögerung liegt beim Paketdienst.", "blame-partner",
     "Die Verzögerung liegt beim Paketdienst"),
    ("de-transfer", "Bitte wenden Sie sich an Ihre Bank.", "transfer",
     "Bitte wenden Sie sich an Ihre Bank"),
    ("de-over-promise", "Das wird nie wieder vorkommen.", "over-promise",
     "Das wird nie wieder vorkommen"),
    ("de-empathy", "Es tut mir sehr leid, das zu hören.", "empathy",
     "Es tut mir sehr leid, das zu hören"),
    ("de-commitment", "Ich werde das heute noch prüfen.", "commitment", "Ich werde"),
    # -- French -------------------------------------------------------------------------------
    ("fr-apology", "Je suis vraiment désolée pour ce retard.", "apology",
     "Je suis vraiment désolée"),
    ("fr-non-apology", "Nous sommes désolés si vous avez ressenti de la frustration.",
     "non-apology", "Nous sommes désolés si"),
    ("fr-boilerplate", "Nous prenons votre réclamation très au sérieux.", "boilerplate",
     "Nous prenons votre réclamation très au sérieux"),
    ("fr-boilerplate-inconvenience",
     "Nous vous prions de nous excuser pour la gêne occasionnée.", "boilerplate",
     "Nous vous prions de nous excuser pour la gêne occasionnée"),
    ("fr-canned", "Merci pour votre message.", "canned", "Merci pour votre message"),
    ("fr-no-reply", "Merci de ne pas répondre à ce message.", "no-reply",
     "Merci de ne pas répondre à ce message"),
    ("fr-timeframe", "Votre colis arrivera d'ici vendredi.", "timeframe", "d'ici vendredi"),
    ("fr-greeting", "Bonjour Madame Martin,\n\nmerci.", "greeting", "Bonjour"),
    ("fr-generic-salutation", "Madame, Monsieur,\n\nveuillez trouver ci-joint.",
     "generic-salutation", "Madame, Monsieur"),
    ("fr-generic-salutation-client", "Cher client,\n\nnotre boutique déménage.",
     "generic-salutation", "Cher client"),
    ("fr-blame-partner", "Ce retard est indépendant de notre volonté.", "blame-partner",
     "indépendant de notre volonté"),
    ("fr-transfer", "Je vous invite à contacter votre banque.", "transfer",
     "Je vous invite à contacter votre banque"),
    ("fr-blame-customer", "Vous auriez dû vérifier l'adresse.", "blame-customer",
     "Vous auriez dû"),
    ("fr-empathy", "Je comprends tout à fait votre frustration.", "empathy",
     "Je comprends tout à fait votre frustration"),
    ("fr-commitment-informal", "Je te rappelle demain matin.", "commitment", "Je te rappelle"),
    ("fr-commitment-typographic-apostrophe", "J’ai remboursé votre commande.", "commitment",
     "J’ai remboursé"),
    # -- Spanish ------------------------------------------------------------------------------
    ("es-apology", "Lo siento mucho: el error fue nuestro.", "apology", "Lo siento mucho"),
    ("es-apology-owning", "Lo siento mucho: el error fue nuestro.", "apology",
     "el error fue nuestro"),
    ("es-non-apology", "Lamentamos si se ha sentido molesto.", "non-apology",
     "Lamentamos si se ha sentido"),
    ("es-boilerplate", "Nos tomamos muy en serio su queja.", "boilerplate",
     "Nos tomamos muy en serio"),
    ("es-boilerplate-inconvenience", "Disculpe las molestias ocasionadas.", "boilerplate",
     "Disculpe las molestias ocasionadas"),
    ("es-canned", "Gracias por ponerse en contacto con nosotros.", "canned",
     "Gracias por ponerse en contacto con nosotros"),
    ("es-no-reply", "Por favor, no responda a este correo.", "no-reply",
     "Por favor, no responda a este correo"),
    ("es-timeframe", "Le llegará antes del viernes.", "timeframe", "antes del viernes"),
    ("es-commitment", "Le llegará antes del viernes.", "commitment", "Le llegará"),
    ("es-greeting", "Estimada Sra. López:\n\nle escribo por su pedido.", "greeting",
     "Estimada"),
    ("es-generic-salutation", "Estimado cliente:\n\nle informamos del cambio.",
     "generic-salutation", "Estimado cliente"),
    ("es-generic-salutation-whom", "A quien corresponda:\n\nadjunto la factura.",
     "generic-salutation", "A quien corresponda"),
    ("es-blame-partner", "El retraso es ajeno a nuestra voluntad.", "blame-partner",
     "ajeno a nuestra voluntad"),
    ("es-transfer", "Póngase en contacto con su banco.", "transfer",
     "Póngase en contacto con su banco"),
    ("es-commitment-informal", "Te hemos enviado un paquete nuevo.", "commitment",
     "Te hemos enviado"),
    ("es-over-promise", "Esto no volverá a ocurrir.", "over-promise",
     "Esto no volverá a ocurrir"),
    ("es-empathy", "Entiendo perfectamente su frustración.", "empathy",
     "Entiendo perfectamente su frustración"),
)

# (id, innocent text, the topic that must not be found in it)
NEGATIVE: tuple[tuple[str, str, str], ...] = (
    ("de-es-tut-gut-is-no-apology", "Es tut gut, wieder von Ihnen zu hören.", "apology"),
    ("de-reply-here-is-no-no-reply", "Antworten Sie einfach auf diese E-Mail.", "no-reply"),
    ("de-bench-is-no-bank", "Die Bank an der Haltestelle ist beschädigt.", "blame-partner"),
    ("de-courier-schedule-is-no-blame", "Der Paketdienst stellt auch samstags zu.",
     "blame-partner"),
    ("de-product-description-is-no-commitment", "Die Ware wird in Deutschland hergestellt.",
     "commitment"),
    ("de-taking-back-is-no-boilerplate", "Wenn Sie möchten, nehmen wir die Ware zurück.",
     "boilerplate"),
    ("fr-delighted-is-no-apology", "Nous sommes ravis que le colis vous plaise.", "apology"),
    ("fr-survey-reply-is-no-no-reply",
     "Vous pouvez répondre à ce sondage si vous le souhaitez.", "no-reply"),
    ("fr-courier-schedule-is-no-blame", "Le transporteur livre aussi le samedi.",
     "blame-partner"),
    ("fr-happy-to-learn-is-no-empathy", "Je suis heureuse d'apprendre que tout fonctionne.",
     "empathy"),
    ("fr-opening-day-is-no-timeframe", "Le vendredi, la boutique ferme plus tôt.",
     "timeframe"),
    ("es-regret-to-inform-is-no-apology",
     "Lamentamos informarle de que el modelo está agotado.", "apology"),
    ("es-courier-schedule-is-no-blame", "La empresa de transporte reparte también los sábados.",
     "blame-partner"),
    ("es-survey-reply-is-no-no-reply", "Responda a esta encuesta si lo desea.", "no-reply"),
    ("es-nowadays-is-no-timeframe", "Hoy en día muchos clientes pagan con el móvil.",
     "timeframe"),
    ("es-park-bench-is-no-bank", "El banco de la plaza fue pintado ayer.", "blame-partner"),
)


@pytest.mark.parametrize(
    ("text", "topic", "phrase"),
    [case[1:] for case in POSITIVE],
    ids=[case[0] for case in POSITIVE],
)
def test_phrase_is_found_at_its_span(text: str, topic: str, phrase: str) -> None:
    start = text.index(phrase)
    found = matcher().scan(text)
    assert (start, start + len(phrase)) in found.get(topic, []), found


@pytest.mark.parametrize(
    ("text", "topic"),
    [case[1:] for case in NEGATIVE],
    ids=[case[0] for case in NEGATIVE],
)
def test_near_miss_is_not_found(text: str, topic: str) -> None:
    found = matcher().scan(text)
    assert topic not in found, found


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_cases_cover_every_language(language: str) -> None:
    positive = [case for case in POSITIVE if case[0].startswith(language + "-")]
    negative = [case for case in NEGATIVE if case[0].startswith(language + "-")]
    assert len(positive) >= 8
    assert len(negative) >= 4


#: Topics every language ships (placeholder patterns are language-neutral and live in en/).
TOPICS = (
    "apology", "empathy", "non-apology", "boilerplate", "thanks", "commitment", "timeframe",
    "tracking", "contact-way", "no-reply", "transfer", "blame-partner", "blame-customer",
    "over-promise", "canned", "vague-time", "generic-salutation", "greeting", "restitution",
    "restitution-free", "no-restitution", "wait-acknowledgement", "repeat-acknowledgement",
)


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_language_ships_every_core_topic(language: str) -> None:
    folder = resources.files("courtesy.rules") / "lexicons" / language
    names = {entry.name for entry in folder.iterdir()}
    assert {f"{topic}.txt" for topic in TOPICS} | {"generic.words"} <= names
