"""Packs: the built-in pack is courteous; loaders stay inside their directory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from courtesy import Customer, Pack, PackError
from courtesy.exceptions import PackNotFound, TemplateError

HARD_NAMES = [
    {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}, "locale": "en-GB"},
    {"name": {"given": "Siobhán", "family": "O'Brien"}, "locale": "en-IE"},
    {"name": {"title": "Ms", "given": "María José", "family": "de la Cruz"}, "locale": "en-US"},
    {"name": {"given": "Zoë", "family": "van der Berg"}, "locale": "en-GB",
     "formality": "informal"},
    {"name": {"given": "Bertram", "family": "Wooster", "nickname": "Bertie"},
     "formality": "informal"},
    {"name": {"title": "Dr", "given": "Amara", "family": "Okonkwo-Smith"}},
    {"name": {"given": "Teller"}},
]

HARD_NAMES_BY_LANGUAGE: dict[str, list[dict[str, Any]]] = {
    "en": HARD_NAMES,
    "de": [
        {"name": {"title": "Dr", "given": "Hans-Jürgen", "family": "Müller-Lüdenscheidt"},
         "locale": "de-DE"},
        {"name": {"given": "Anna", "family": "von Brauchitsch"}, "locale": "de-AT"},
        {"name": {"title": "Frau", "given": "Ülkü", "family": "Öztürk"}, "locale": "de-CH"},
        {"name": {"given": "Jörg", "family": "Weiß"}, "locale": "de-DE",
         "formality": "informal"},
    ],
    "fr": [
        {"name": {"title": "Mme", "given": "Marie-Hélène", "family": "de Saint-Exupéry"},
         "locale": "fr-FR"},
        {"name": {"given": "Jean-François", "family": "L'Hôpital"}, "locale": "fr-CA"},
        {"name": {"given": "Zoë", "family": "N'Diaye"}, "locale": "fr-FR",
         "formality": "informal"},
        {"name": {"given": "Élodie", "family": "Le Goff"}, "locale": "fr-BE"},
    ],
    "es": [
        {"name": {"title": "Sra.", "given": "María José", "family": "García Pérez"},
         "locale": "es-ES"},
        {"name": {"given": "José Luis", "family": "de la Fuente"}, "locale": "es-MX"},
        {"name": {"given": "Iñaki", "family": "Muñoz"}, "locale": "es-ES",
         "formality": "informal"},
        {"name": {"given": "Ximena", "family": "Núñez"}, "locale": "es-AR"},
    ],
}

CONTEXTS: dict[str, dict[str, Any]] = {
    "delay_apology": {
        "situation": {"kind": "delay", "our_fault": True, "severity": "high"},
        "order": {"id": "A-1042", "reason": "We packed it two days after we promised.",
                  "new_date": "Thursday 14 March", "tracking": "JD0012345678",
                  "refund": "£4.99"},
        "agent": "Priya Shah, Customer Care"},
    "error_refund": {
        "situation": {"kind": "error", "our_fault": True},
        "order": {"id": "A-2210", "mistake": "We charged your card twice for the kettle.",
                  "refund": "£39.99", "extra": "", "refund_by": "Friday 15 March"},
        "agent": "Priya"},
    "complaint_resolved": {
        "situation": {"kind": "complaint", "our_fault": False},
        "issue": {"summary": "the scratched lid on your kettle",
                  "what_we_did": "I have sent a new lid by first-class post today.",
                  "next_step": "It should reach you by Wednesday."},
        "agent": "Sam"},
    "inquiry_answer": {"question": "delivery to Guernsey",
                       "answer": "Yes, we deliver to Guernsey in 3 working days for £6.",
                       "agent": "Sam"},
    "thanks_praise": {"praise": "the quick repair of your bike", "agent": "Sam"},
    "follow_up": {"issue": {"fix": "replaced the router in your flat",
                            "thing": "your broadband"}, "agent": "Sam"},
    "review_reply": {"situation": {"kind": "complaint", "our_fault": True},
                     "review": {"topic": "the late delivery"},
                     "contact": "support@example.com", "agent": "Sam, Customer Care"},
}

LOCAL_CONTEXTS: dict[str, dict[str, dict[str, Any]]] = {
    "de": {
        "delay_apology": {
            "situation": {"kind": "delay", "our_fault": True, "severity": "high"},
            "order": {"id": "A-1042", "reason": "Wir haben sie zwei Tage zu spät verpackt.",
                      "new_date": "Donnerstag, 14. März", "tracking": "JD0012345678",
                      "refund": "4,99 €"},
            "agent": "Priya Shah, Kundenservice"},
        "error_refund": {
            "situation": {"kind": "error", "our_fault": True},
            "order": {"id": "A-2210", "mistake": "Wir haben Ihre Karte zweimal belastet.",
                      "refund": "39,99 €", "extra": "", "refund_by": "Freitag, 15. März"},
            "agent": "Priya"},
        "complaint_resolved": {
            "situation": {"kind": "complaint", "our_fault": False},
            "issue": {"summary": "dem zerkratzten Deckel Ihres Wasserkochers",
                      "what_we_did": "Ich habe Ihnen heute einen neuen Deckel geschickt.",
                      "next_step": "Er sollte bis Mittwoch bei Ihnen sein."},
            "agent": "Sam"},
        "inquiry_answer": {"question": "der Lieferung nach Helgoland",
                           "answer": "Ja, wir liefern in 3 Werktagen für 6 €.",
                           "agent": "Sam"},
        "thanks_praise": {"praise": "die schnelle Reparatur Ihres Fahrrads", "agent": "Sam"},
        "follow_up": {"issue": {"fix": "den Router in Ihrer Wohnung ausgetauscht",
                                "thing": "Ihr Internet"}, "agent": "Sam"},
        "review_reply": {"situation": {"kind": "complaint", "our_fault": True},
                         "review": {"topic": "der verspäteten Lieferung"},
                         "contact": "hilfe@example.de", "agent": "Sam, Kundenservice"},
    },
    "fr": {
        "delay_apology": {
            "situation": {"kind": "delay", "our_fault": True, "severity": "high"},
            "order": {"id": "A-1042", "reason": "Nous l'avons emballée deux jours trop tard.",
                      "new_date": "jeudi 14 mars", "tracking": "JD0012345678",
                      "refund": "4,99 €"},
            "agent": "Priya Shah, Service client"},
        "error_refund": {
            "situation": {"kind": "error", "our_fault": True},
            "order": {"id": "A-2210", "mistake": "Nous avons débité votre carte deux fois.",
                      "refund": "39,99 €", "extra": "", "refund_by": "vendredi 15 mars"},
            "agent": "Priya"},
        "complaint_resolved": {
            "situation": {"kind": "complaint", "our_fault": False},
            "issue": {"summary": "le couvercle rayé de votre bouilloire",
                      "what_we_did": "Je vous ai envoyé un nouveau couvercle aujourd'hui.",
                      "next_step": "Il devrait arriver d'ici mercredi."},
            "agent": "Sam"},
        "inquiry_answer": {"question": "la livraison en Corse",
                           "answer": "Oui, nous livrons en Corse en 3 jours ouvrés pour 6 €.",
                           "agent": "Sam"},
        "thanks_praise": {"praise": "la réparation rapide de votre vélo", "agent": "Sam"},
        "follow_up": {"issue": {"fix": "remplacé le routeur de votre appartement",
                                "thing": "votre connexion"}, "agent": "Sam"},
        "review_reply": {"situation": {"kind": "complaint", "our_fault": True},
                         "review": {"topic": "la livraison en retard"},
                         "contact": "support@example.fr", "agent": "Sam, Service client"},
    },
    "es": {
        "delay_apology": {
            "situation": {"kind": "delay", "our_fault": True, "severity": "high"},
            "order": {"id": "A-1042", "reason": "Lo empaquetamos dos días tarde.",
                      "new_date": "jueves 14 de marzo", "tracking": "JD0012345678",
                      "refund": "4,99 €"},
            "agent": "Priya Shah, Atención al cliente"},
        "error_refund": {
            "situation": {"kind": "error", "our_fault": True},
            "order": {"id": "A-2210", "mistake": "Le cobramos dos veces en su tarjeta.",
                      "refund": "39,99 €", "extra": "", "refund_by": "viernes 15 de marzo"},
            "agent": "Priya"},
        "complaint_resolved": {
            "situation": {"kind": "complaint", "our_fault": False},
            "issue": {"summary": "la tapa rayada de su hervidor",
                      "what_we_did": "Hoy le he enviado una tapa nueva.",
                      "next_step": "Debería llegarle el miércoles."},
            "agent": "Sam"},
        "inquiry_answer": {"question": "los envíos a Canarias",
                           "answer": "Sí, enviamos a Canarias en 3 días hábiles por 6 €.",
                           "agent": "Sam"},
        "thanks_praise": {"praise": "la rápida reparación de su bicicleta", "agent": "Sam"},
        "follow_up": {"issue": {"fix": "cambiamos el router de su piso",
                                "thing": "su conexión"}, "agent": "Sam"},
        "review_reply": {"situation": {"kind": "complaint", "our_fault": True},
                         "review": {"topic": "la entrega con retraso"},
                         "contact": "soporte@example.es", "agent": "Sam, Atención al cliente"},
    },
}


def test_every_builtin_template_is_declared_and_has_a_context() -> None:
    pack = Pack.builtin("default")
    assert set(pack.templates) == set(CONTEXTS)


@pytest.mark.parametrize("template_id", sorted(CONTEXTS))
@pytest.mark.parametrize("customer", HARD_NAMES, ids=lambda c: str(c["name"]))
def test_builtin_templates_pass_for_hard_names(template_id: str,
                                               customer: dict[str, Any]) -> None:
    pack = Pack.builtin("default")
    context = dict(CONTEXTS[template_id])
    situation = context.pop("situation", None)
    message = pack.render(template_id, customer, situation, strict=False, **context)
    assert message.passed, message.report.render_text()
    assert message.trace.spans


def _localised_cases() -> list[tuple[str, str, str, dict[str, Any]]]:
    pack = Pack.builtin("default")
    cases = []
    for language, customers in HARD_NAMES_BY_LANGUAGE.items():
        for template_id, spec in sorted(pack.templates.items()):
            for channel in spec.channels:
                for customer in customers:
                    cases.append((language, template_id, str(channel), customer))
    return cases


@pytest.mark.parametrize(("language", "template_id", "channel", "customer"),
                         _localised_cases(),
                         ids=lambda v: v if isinstance(v, str) else v["name"].get("given"))
def test_every_template_locale_and_channel_passes(language: str, template_id: str,
                                                  channel: str,
                                                  customer: dict[str, Any]) -> None:
    pack = Pack.builtin("default")
    source = CONTEXTS if language == "en" else LOCAL_CONTEXTS[language]
    context = dict(source[template_id])
    situation = context.pop("situation", None)
    message = pack.render(template_id, customer, situation, channel=channel, strict=False,
                          **context)
    assert message.template.startswith(f"{language}/"), message.template
    assert message.channel == channel
    assert message.passed, message.report.render_text()
    if channel == "email":
        assert message.subject
        assert "\n" not in message.subject
    assert not [n for n in message.notes if "part" in n], message.notes


def test_email_has_subject_and_autoescaped_html() -> None:
    pack = Pack.builtin("default")
    context = dict(CONTEXTS["delay_apology"])
    situation = context.pop("situation")
    customer = {"name": {"given": "Nick<script>", "family": "Owen"}, "locale": "en"}
    context["order"] = {**context["order"], "reason": "<script>alert(1)</script>"}
    message = pack.render("delay_apology", customer, situation, channel="email",
                          strict=False, **context)
    assert message.subject == "Your order A-1042 is late: new date Thursday 14 March"
    assert message.html is not None
    assert "<script>" not in message.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in message.html
    assert "<script>alert(1)</script>" in message.text  # the text part is not HTML
    assert message.notes == ()


def test_context_is_validated_against_the_schema() -> None:
    pack = Pack.builtin("default")
    customer = {"name": "Nick Owen"}
    with pytest.raises(PackError, match=r"'delay_apology'.*order\.new_date.*required"):
        pack.render("delay_apology", customer, order={"id": "A-1", "tracking": "X"},
                    agent="Sam")
    with pytest.raises(PackError, match=r"'thanks_praise'.*praise: expected string"):
        pack.render("thanks_praise", customer, praise=42, agent="Sam")
    with pytest.raises(PackError, match="not written for channel sms"):
        pack.render("thanks_praise", customer, channel="sms", praise="x", agent="Sam")


def test_typed_schema_in_a_custom_pack(tmp_path: Path) -> None:
    manifest = ('[pack]\nname = "t"\n\n[templates.hello]\nkind = "inquiry"\n'
                '[templates.hello.context]\n'
                'when = "date"\nitems = "string[]"\ntotal = "number?"\n'
                'order = {type = "object", fields = {id = "string", n = "integer"}}\n')
    root = _pack(tmp_path, "{{ customer | salutation }}, {{ when | date }} {{ items | list_and }}"
                           " {{ order.id }}", manifest)
    pack = Pack.load(root)
    spec = pack.templates["hello"]
    assert spec.context["total"].optional
    assert spec.context["items"].items == "string"
    ok = {"when": "2026-03-14", "items": ["a", "b"], "order": {"id": "A-1", "n": 2}}
    message = pack.render("hello", {"name": "Nick Owen", "locale": "en-GB"}, strict=False,
                          **ok)
    assert "14 March 2026 a and b A-1" in message.text
    for bad, fragment in [({**ok, "when": "14/03"}, "when: expected date"),
                          ({**ok, "items": ["a", 3]}, r"items\[1\]: expected string"),
                          ({**ok, "order": {"id": "A-1", "n": "two"}}, "order.n: expected integer"),
                          ({**ok, "order": {"id": "A-1"}}, "order.n: required")]:
        with pytest.raises(PackError, match=fragment):
            pack.render("hello", {"name": "Nick Owen"}, strict=False, **bad)


def test_subject_header_injection_and_length_are_refused(tmp_path: Path) -> None:
    manifest = ('[pack]\nname = "t"\n\n[templates.hello]\nkind = "inquiry"\n'
                'channels = ["email"]\ncontext = ["topic"]\n')
    root = _pack(tmp_path, "{{ customer | salutation }}, about {{ topic }}.", manifest)
    (root / "en" / "hello.email.subject.txt").write_text("About {{ topic }}", "utf-8")
    pack = Pack.load(root)
    customer = {"name": "Nick Owen"}
    assert pack.render("hello", customer, strict=False, topic="A-1").subject == "About A-1"
    for topic in ("x\r\nBcc: everyone@example.com", "x\nX-Spam: yes", "x\u2028y"):
        with pytest.raises(PackError, match="line break"):
            pack.render("hello", customer, strict=False, topic=topic)
    with pytest.raises(PackError, match="characters; keep it to 78"):
        pack.render("hello", customer, strict=False, topic="y" * 80)


def test_html_and_text_parts_must_agree(tmp_path: Path) -> None:
    manifest = ('[pack]\nname = "t"\n\n[templates.hello]\nkind = "inquiry"\n'
                'channels = ["email"]\ncontext = ["amount"]\n')
    root = _pack(tmp_path, "Refund {{ amount }}, see https://example.com/a", manifest)
    html = root / "en" / "hello.email.html"
    html.write_text('<p>Refund 12.00, see <a href="https://example.com/b">here</a></p>', "utf-8")
    message = Pack.load(root).render("hello", {"name": "Nick Owen"}, strict=False,
                                     amount="39.99")
    assert any("https://example.com/a" in n and "not in the HTML" in n for n in message.notes)
    assert any("'39.99' is only in the text part" in n for n in message.notes)
    html.write_text("{% if false %}x{% endif %}  <p> </p>", "utf-8")
    with pytest.raises(PackError, match="HTML part renders empty"):
        Pack.load(root).render("hello", {"name": "Nick Owen"}, strict=False, amount="1")


def test_locale_fallback_is_reported() -> None:
    pack = Pack.builtin("default")
    customer = Customer.model_validate({"name": "Anna Müller", "locale": "de-AT"})
    assert pack.locale_chain("de-AT") == ["de-AT", "de", "en"]
    message = pack.render("thanks_praise", customer, strict=False,
                          **LOCAL_CONTEXTS["de"]["thanks_praise"])
    assert message.template == "de/thanks_praise.txt"
    assert any("de-AT" in note and "used de" in note for note in message.notes)
    customer = Customer.model_validate({"name": "Ana Souza", "locale": "pt-BR"})
    assert pack.locale_chain("pt-BR") == ["pt-BR", "pt", "en"]
    message = pack.render("thanks_praise", customer, strict=False,
                          **CONTEXTS["thanks_praise"])
    assert message.template == "en/thanks_praise.txt"
    assert any("pt-BR" in note and "used en" in note for note in message.notes)


def test_missing_context_and_unknown_templates_are_clear() -> None:
    pack = Pack.builtin("default")
    with pytest.raises(PackError, match="needs context variable"):
        pack.render("thanks_praise", {"name": "Nick Owen"}, agent="Sam")
    with pytest.raises(PackNotFound, match="no template 'nope'"):
        pack.render("nope", {"name": "Nick Owen"})
    with pytest.raises(PackNotFound, match="no built-in pack 'fancy'"):
        Pack.builtin("fancy")


def _pack(root: Path, template: str, manifest: str | None = None) -> Path:
    (root / "en").mkdir(parents=True)
    (root / "pack.toml").write_text(manifest or (
        '[pack]\nname = "t"\n\n[templates.hello]\nkind = "inquiry"\n'), encoding="utf-8")
    (root / "en" / "hello.txt").write_text(template, encoding="utf-8")
    return root


def test_loader_cannot_leave_the_pack(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    root = _pack(tmp_path / "p", "{% include '../secret.txt' %}")
    (root / "en" / "link.txt").symlink_to(secret)
    pack = Pack.load(root)
    with pytest.raises(TemplateError, match="not found"):
        pack.render("hello", {"name": "Nick Owen"}, strict=False)
    (root / "en" / "hello.txt").write_text("{% include 'en/link.txt' %}", encoding="utf-8")
    pack = Pack.load(root)
    with pytest.raises(TemplateError, match="not found"):
        pack.render("hello", {"name": "Nick Owen"}, strict=False)
    (root / "en" / "hello.txt").write_text(f"{{% include '{secret}' %}}", encoding="utf-8")
    pack = Pack.load(root)
    with pytest.raises(TemplateError, match="not found"):
        pack.render("hello", {"name": "Nick Owen"}, strict=False)


@pytest.mark.parametrize(
    ("manifest", "fragment"),
    [
        ("[pack\nname='x'", "malformed TOML"),
        ('[pack]\nname = "x"\n[templates.hello]\nkind = "rant"\n', "templates.hello.kind"),
        ('[pack]\nname = "x"\ncolour = "blue"\n', "pack.colour"),
        ('[pack]\nname = "x"\ndefault_locale = "xx-QQ"\n', "unknown locale"),
        ('[pack]\nname = "x"\n[templates.hello]\nkind = "inquiry"\n[templates.hello.context]\n'
         'n = {type = "string", required = ["a"]}\n', "templates.hello.context.n"),
        ('[pack]\nname = "x"\n[templates.hello]\nkind = "inquiry"\n[templates.hello.context]\n'
         'n = "text"\n', "templates.hello.context.n.type"),
        ('[pack]\nname = "x"\n[templates.hello]\nkind = "inquiry"\nchannels = ["fax"]\n',
         "templates.hello.channels.0"),
    ],
)
def test_bad_manifests_name_the_file_and_field(tmp_path: Path, manifest: str,
                                               fragment: str) -> None:
    root = _pack(tmp_path, "Hi", manifest)
    with pytest.raises(PackError) as info:
        Pack.load(root)
    assert str(root / "pack.toml") in str(info.value)
    assert fragment in str(info.value)


def test_a_directory_without_a_manifest_is_not_a_pack(tmp_path: Path) -> None:
    with pytest.raises(PackNotFound, match=r"no pack\.toml"):
        Pack.load(tmp_path)
    with pytest.raises(PackNotFound, match="not a pack directory"):
        Pack.load(tmp_path / "missing")


def test_sample_pack_under_templates_matches_the_builtin() -> None:
    sample = Path(__file__).resolve().parents[1] / "templates" / "default"
    builtin = Pack.builtin("default").root
    for path in builtin.rglob("*"):
        if path.is_file():
            copy = sample / path.relative_to(builtin)
            assert copy.is_file(), f"templates/default lacks {path.relative_to(builtin)}"
            assert copy.read_bytes() == path.read_bytes(), f"{copy} differs from the builtin"
    assert os.listdir(sample)


def test_a_byte_order_mark_is_not_part_of_a_pack(tmp_path: Path) -> None:
    # Windows editors save UTF-8 with a byte-order mark: it must not reach the customer
    root = _pack(tmp_path, "{{ customer | salutation }}, thank you for your question.")
    for path in (root / "pack.toml", root / "en" / "hello.txt"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    message = Pack.load(root).render("hello", {"name": "Nick Owen"}, strict=False)
    assert message.text.startswith("Dear Nick Owen,")
    assert "\ufeff" not in message.text
