"""Address forms per locale and formality, titles, fallback notes, filters."""

from __future__ import annotations

from typing import Any

import pytest

from courtesy import Customer, render
from courtesy.names._forms import FormsDataError, _parse, forms_for


def customer(name: dict[str, str], locale: str = "en-GB", **extra: Any) -> Customer:
    return Customer.model_validate({"name": name, "locale": locale, **extra})


@pytest.mark.parametrize(("name", "locale", "formality", "expected"), [
    ({"title": "Mr", "given": "Nick", "family": "Owen"}, "en-GB", "formal", "Dear Mr Owen"),
    ({"title": "Mr", "given": "Nick", "family": "Owen"}, "en-US", "formal", "Dear Mr. Owen"),
    ({"title": "Mr", "given": "Nick", "family": "Owen"}, "en-GB", "informal", "Hi Nick"),
    ({"given": "Alex", "family": "Morgan"}, "en-GB", "formal", "Dear Alex Morgan"),
    ({"title": "Mx", "given": "Alex", "family": "Morgan"}, "en-GB", "formal", "Dear Mx Morgan"),
    ({"title": "Frau", "given": "Anna", "family": "Müller"}, "de-DE", "formal",
     "Sehr geehrte Frau Müller"),
    ({"title": "Mr", "given": "Jörg", "family": "Müller"}, "de-DE", "formal",
     "Sehr geehrter Herr Müller"),
    ({"given": "Alex", "family": "Müller"}, "de-DE", "formal", "Guten Tag Alex Müller"),
    ({"title": "Mx", "given": "Alex", "family": "Müller"}, "de-DE", "formal",
     "Guten Tag Alex Müller"),
    ({"title": "Mme", "given": "Camille", "family": "Dupont"}, "fr-FR", "formal",
     "Bonjour Madame Dupont"),
    ({"title": "Sra.", "given": "Lucía", "family": "García López"}, "es-ES", "formal",
     "Estimada Sra. García López"),
    ({"title": "Mr", "given": "Javier", "family": "Torres"}, "es-ES", "formal",
     "Estimado Sr. Torres"),
    ({"title": "Sig.ra", "given": "Chiara", "family": "Bianchi"}, "it-IT", "formal",
     "Gentile Sig.ra Bianchi"),
    ({"title": "Mrs", "given": "Sanne", "family": "de Vries"}, "nl-NL", "formal",
     "Geachte mevrouw De Vries"),
    ({"title": "Sra.", "given": "Ana", "family": "Souza"}, "pt-BR", "formal",
     "Prezada Sra. Souza"),
    ({"given": "健", "family": "佐藤"}, "ja-JP", "formal", "佐藤様"),
    ({"given": "健", "family": "佐藤"}, "ja-JP", "informal", "佐藤さん"),
    ({"title": "Mr", "given": "伟", "family": "王"}, "zh-CN", "formal", "尊敬的王先生"),
    ({"given": "민준", "family": "김"}, "ko-KR", "formal", "안녕하세요, 김민준 고객님"),
    ({"given": "János", "family": "Kovács"}, "hu-HU", "formal", "Tisztelt Kovács János!"),
    ({"title": "Mr", "given": "Jón", "family": "Sigurðsson"}, "is-IS", "formal", "Kæri Jón"),
    ({"given": "Bertram", "family": "Wooster", "nickname": "Bertie"}, "en-GB", "informal",
     "Hi Bertie"),
    ({"given": "Teller"}, "en-GB", "formal", "Dear Teller"),
])
def test_salutation(name: dict[str, str], locale: str, formality: str, expected: str) -> None:
    assert customer(name, locale).salutation(formality) == expected


def test_pronouns_allow_a_title_and_never_a_guess() -> None:
    assert customer({"given": "Alex", "family": "Morgan", "pronouns": "she/her"},
                    "de-DE").salutation() == "Sehr geehrte Frau Morgan"
    assert customer({"given": "Alex", "family": "Morgan", "pronouns": "they/them"},
                    "de-DE").salutation() == "Guten Tag Alex Morgan"


def test_address_without_greeting() -> None:
    c = customer({"title": "Mr", "given": "Nick", "family": "Owen"}, "fr-FR")
    assert c.address() == "Monsieur Owen"
    assert c.address("informal") == "Nick"


@pytest.mark.parametrize(("tag", "used", "noted"), [
    ("de-AT", "de", True), ("de", "de", False), ("en-US", "en-US", False),
    ("en-AU", "en-GB", True), ("pt", "pt-BR", True), ("sv-SE", "en-GB", True),
    ("not a locale!", "en-GB", True), ("pt_BR", "pt-BR", False),
])
def test_locale_fallback_is_noted_never_raised(tag: str, used: str, noted: bool) -> None:
    data, note = forms_for(tag)
    assert data.locale == used
    assert (note is not None) == noted


def test_addressing_reports_the_fallback() -> None:
    result = customer({"given": "Alex", "family": "Huber"}, "de-AT").addressing()
    assert result.locale == "de"
    assert result.note
    assert "de-AT" in result.note


def test_bad_formality_is_an_error() -> None:
    with pytest.raises(ValueError, match="formality"):
        customer({"given": "Alex"}).salutation("casual")


def test_malformed_data_file_names_the_file() -> None:
    with pytest.raises(FormsDataError, match=r"xx\.toml.*order"):
        _parse("xx", 'locale = "xx"\norder = "sideways"\n', "courtesy/names/forms/xx.toml")
    with pytest.raises(FormsDataError, match="does not match"):
        _parse("xx", 'locale = "yy"\n', "courtesy/names/forms/xx.toml")


def test_filters_use_the_locale_data() -> None:
    c = {"name": {"title": "Frau", "given": "Anna", "family": "Müller"}, "locale": "de-DE"}
    message = render("{{ customer | salutation }}, {{ customer | address('informal') }}",
                     customer=c)
    assert str(message.text).startswith("Sehr geehrte Frau Müller, Anna")
    english = render("{{ customer | salutation(locale='en-GB') }}", customer=c)
    assert str(english.text) == "Dear Ms Müller"  # "Frau" is the feminine class: "Ms"
