"""Name bugs that hypothesis strategies found; each must stay fixed."""

from __future__ import annotations

from typing import Any

import pytest

from courtesy import Customer, check


@pytest.mark.parametrize(
    ("data", "salutation"),
    [
        # British honours go with the given name, and "Dear Sir Ludwig" is not "Dear Sir".
        ({"name": {"title": "Sir", "given": "Ludwig", "family": "van Beethoven"}},
         "Dear Sir Ludwig"),
        ({"name": {"title": "Dame", "given": "Judi", "family": "Dench"}}, "Dear Dame Judi"),
        # A Thai name ends in a combining vowel: one word, not a misspelling.
        ({"name": {"given": "สมชาย", "family": "ใจดี"}, "locale": "th-TH"},
         "Dear สมชาย ใจดี"),
        # Free-text titles nameparser does not know.
        ({"name": "M. Cher", "locale": "fr-FR"}, "Bonjour Monsieur Cher"),
        ({"name": "Mme Anne Dupont", "locale": "fr-FR"}, "Bonjour Madame Dupont"),
    ],
)
def test_own_salutation_is_right_and_passes(data: dict[str, Any], salutation: str) -> None:
    customer = Customer.model_validate(data)
    assert customer.salutation() == salutation
    report = check(f"{salutation},\n\nThank you for your order.", customer=customer,
                   select=["NM", "SL"])
    assert report.findings == ()


def test_a_given_name_that_looks_like_a_title_stays_a_name() -> None:
    name = Customer.model_validate({"name": "Don Smith"}).name
    assert (name.title, name.given, name.family) == (None, "Don", "Smith")


def test_dear_sir_alone_is_still_generic() -> None:
    customer = {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}
    for text in ("Dear Sir,\n\nThanks.", "Dear Sir or Madam,\n\nThanks."):
        assert [f.rule for f in check(text, customer=customer).findings] == ["SL001"]


@pytest.mark.parametrize("text", ["Dear Library User,\n\nThanks.", "Dear Gym Member,\n\nThanks.",
                                  "Hello Hotel Guest,\n\nThanks."])
def test_a_role_with_whose_it_is_is_generic_not_another_person(text: str) -> None:
    customer = {"name": {"title": "Mr", "given": "Ebenezer", "family": "Quaye"}}
    report = check(text, customer=customer)
    assert [f.rule for f in report.findings] == ["SL001"]
    assert report.findings[0].suggestion == "Dear Mr Quaye"


def test_a_name_before_a_role_word_is_still_read_as_a_name() -> None:
    customer = {"name": {"title": "Mr", "given": "Ebenezer", "family": "Quaye"}}
    codes = [f.rule for f in check("Dear Ebenezer Customer,\n\nThanks.",
                                   customer=customer).findings]
    assert "SL001" not in codes


@pytest.mark.parametrize(
    ("name", "text", "flagged"),
    [
        ({"given": "Nick", "family": "Owen"}, "Hi Nick,\n\nThe parcel for Mr OWEN left today.",
         "OWEN"),
        ({"given": "Nick", "family": "Owen"}, "Hi Nick,\n\nThe parcel for Mr Owenn left today.",
         "Owenn"),
        ({"given": "Nick", "family": "Owen"},
         "Hi Nick,\n\nThe label says \"Owem\" but the parcel is yours.", "Owem"),
        ({"given": "Siobhan", "family": "O'Brien"},
         "Dear Siobhan,\n\nThe parcel for Ms O’Brein left today.", "O’Brein"),
        ({"given": "Zoë", "family": "McDonald"},
         "Dear Zoë,\n\nThe parcel for Ms Mcdonald left today.", "Mcdonald"),
        ({"given": "Zoë", "family": "McDonald"},
         "Dear Zoë,\n\nThe parcel for Ms McDonald left today.", None),
    ],
)
def test_the_name_is_checked_inline_in_any_capitalisation(
    name: dict[str, str], text: str, flagged: str | None,
) -> None:
    found = [text[f.start:f.end]
             for f in check(text, customer={"name": name}, select=["NM"]).findings]
    assert found == ([flagged] if flagged else [])


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Hi Nick,\n\nYour order is on its way. Thanks again, Nik!", "Nik"),
        ("Hi Nick,\n\nYour new router is in the post. Cheers Nik.", "Nik"),
        ("Hi Nick,\n\nYour order is on its way. Thanks again, Nick!", None),
        ("Hi Nick,\n\nThe Nike trainers are back; Owens Logistics will bring them.", None),
        ("Hi Nick,\n\nI spoke to Nia, our courier contact, this morning.", None),
    ],
)
def test_names_addressed_in_a_vocative_are_checked(text: str, flagged: str | None) -> None:
    customer = {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}
    found = [text[f.start:f.end] for f in check(text, customer=customer, select=["NM"]).findings]
    assert found == ([flagged] if flagged else [])


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Hi Nick,\n\nThanks again, Sarah! Your order is on its way.\n\nPriya", ["Sarah"]),
        ("Hi Nick,\n\nYour order is on its way.\n\nThanks, Priya", []),
        ("Hi Nick,\n\nI spoke to Sarah, our courier contact, this morning.\n\nPriya", []),
        ("Hi Nick,\n\nThank you, Monday works well!\n\nPriya", []),
        # a name in apposition names a colleague (held-out 20)
        ("Hi Nick,\n\nOur fitter, Tomas, will be with you at 8am. See you then!\n\nPriya", []),
        ("Hi Nick,\n\nThanks again, Sarah, for the photos!\n\nPriya", ["Sarah"]),
    ],
)
def test_another_persons_name_in_a_vocative(text: str, flagged: list[str]) -> None:
    customer = {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}}
    findings = check(text, customer=customer, select=["NM002"]).findings
    assert [text[f.start:f.end] for f in findings] == flagged


@pytest.mark.parametrize(
    ("family", "given", "locale", "formality"),
    [
        ("김", "님", "ko-KR", "informal"),  # a given name that is itself the honorific 님
        ("客様", "一", "ja-JP", "formal"),  # a family name holding 客 and 様
        ("客様", "一", "ja-JP", "informal"),
    ],
)
def test_cjk_names_made_of_honorific_characters_are_still_the_name(
    family: str, given: str, locale: str, formality: str,
) -> None:
    customer = {"name": {"family": family, "given": given}, "locale": locale,
                "formality": formality}
    salutation = Customer.model_validate(customer).salutation()
    report = check(salutation + "、\n\nありがとうございます。", customer=customer,
                   select=["NM", "SL"])
    assert report.findings == ()
    misspelt = salutation.replace(family, "各" + family[1:]) if formality == "formal" else None
    if misspelt is not None and family != "김":
        findings = check(misspelt + "、\n\nありがとうございます。", customer=customer,
                         select=["NM"]).findings
        assert [f.rule for f in findings] == ["NM001"]


@pytest.mark.parametrize(("name", "locale", "salutation"), [
    ({"title": "Maître", "given": "Claire", "family": "Dupont"}, "fr-FR", "Bonjour Maître Dupont"),
    ({"title": "Avv.", "given": "Marco", "family": "Rossi"}, "it-IT", "Gentile Avv. Rossi"),
    ({"title": "Lic.", "given": "Ana", "family": "García López"}, "es-MX",
     "Buenos días, Lic. García López"),
])
def test_professional_titles_are_titles(name: dict[str, str], locale: str,
                                        salutation: str) -> None:
    customer = Customer.model_validate({"name": name, "locale": locale})
    assert customer.salutation() == salutation
    assert check(salutation + ",\n\nMerci.", customer=customer, select=["NM", "SL"]).findings == ()
    untitled = {"name": {k: v for k, v in name.items() if k != "title"}, "locale": locale}
    findings = check(salutation + ",\n\nMerci.", customer=untitled, select=["NM"]).findings
    assert [f.rule for f in findings] == ["NM005"]  # a title the profile lacks, not a person


def test_the_firm_in_the_signature_is_not_a_misspelt_customer() -> None:
    customer = {"name": {"title": "Sr.", "given": "Ramón", "family": "Castellví Soler"},
                "locale": "es-ES"}
    text = ("Estimado Sr. Castellví Soler:\n\nLe confirmaremos la fecha de instalación esta "
            "semana.\n\nUn saludo,\nEnergía Solar Mediterránea")
    assert check(text, customer=customer, select=["NM"]).findings == ()
    # the same word in the body is still read as a misspelt name
    body = text.replace("esta semana", "esta semana, Sr. Solar")
    assert [f.rule for f in check(body, customer=customer, select=["NM"]).findings] == ["NM001"]


@pytest.mark.parametrize(("text", "flagged"), [
    # every German noun has a capital: one edit from the name is no misspelling by itself
    ("Sehr geehrte Frau Albers,\n\nwir unterrichten Menschen jeden Alters.\n\nIhr Team",
     []),
    ("Sehr geehrte Frau Albers,\n\nwir haben Frau Alpers den Termin geschickt.\n\nIhr Team",
     ["Alpers"]),
    ("Sehr geehrte Frau Albers,\n\nvielen Dank, Alpers!\n\nIhr Team", ["Alpers"]),
])
def test_a_german_noun_near_the_name_needs_a_title_or_address(text: str,
                                                              flagged: list[str]) -> None:
    customer = {"name": {"title": "Frau", "given": "Henrike", "family": "Albers"},
                "locale": "de-DE"}
    findings = check(text, customer=customer, select=["NM001"]).findings
    assert [text[f.start:f.end] for f in findings] == flagged
