"""Profiles: validation names the field; free text is parsed once; data cannot forge traces."""

from __future__ import annotations

import pydantic
import pytest

from courtesy import Customer, Name, ProfileError, Situation
from courtesy.profiles import Interaction, load_model


def test_structured_name() -> None:
    c = Customer.model_validate(
        {"name": {"title": "Mr", "given": "Nick", "family": "Owen"}, "locale": "en-GB"}
    )
    assert c.name.full == "Mr Nick Owen"
    assert c.name_forms.formal_address() == "Mr Owen"
    assert c.name_forms.informal_address() == "Nick"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nick Owen", {"given": "Nick", "family": "Owen"}),
        ("Dr. Juan Q. Xavier de la Vega III", {"title": "Dr.", "given": "Juan",
                                                "middle": "Q. Xavier",
                                                "family": "de la Vega", "suffix": "III"}),
        ("Bertram 'Bertie' Wooster", {"given": "Bertram", "family": "Wooster",
                                      "nickname": "Bertie"}),
        ("Mr Owen", {"title": "Mr", "family": "Owen"}),
        ("Madonna", {"given": "Madonna"}),
    ],
)
def test_free_text_names_are_parsed_at_validation(text: str, expected: dict[str, str]) -> None:
    name = Customer.model_validate({"name": text}).name
    assert name.model_dump(exclude_none=True) == expected


def test_family_first_locales_read_the_family_name_first() -> None:
    c = Customer.model_validate({"name": "Sato Kenji", "locale": "ja-JP"})
    assert (c.name.family, c.name.given) == ("Sato", "Kenji")
    assert c.name_forms.formal_address() == "Sato Kenji"


def test_locale_is_normalised_through_babel() -> None:
    assert Customer.model_validate({"name": "Ana", "locale": "pt_br"}).locale == "pt-BR"


@pytest.mark.parametrize(
    ("data", "path", "fragment"),
    [
        ({"name": {"given": "Nick", "familly": "Owen"}}, "name.familly", "Extra inputs"),
        ({"name": "Nick Owen", "locale": "xx-YY"}, "locale", "unknown locale 'xx-YY'"),
        ({"name": "Nick Owen", "locale": "en_GB_!!"}, "locale", "locale"),
        ({"name": {"title": "Lord High Admiral", "given": "Nick"}}, "name.title",
         "unknown title"),
        ({"name": {}}, "name", "at least one of"),
        ({"name": {"given": "Ni\u0000ck"}}, "name.given", "U+0000"),
        ({"name": {"given": "Nick\ue000"}}, "name.given", "private-use"),
        ({"name": {"given": "Nick\nOwen"}}, "name.given", "single line"),
        ({"name": "Nick", "formality": "casual"}, "formality", "formal"),
    ],
)
def test_invalid_customers_name_the_field(data: dict[str, object], path: str,
                                          fragment: str) -> None:
    with pytest.raises(ProfileError) as info:
        load_model(Customer, data, source="nick.json")
    assert info.value.field_path == path
    assert str(info.value).startswith(f"nick.json: {path}:")
    assert fragment in str(info.value)


def test_malformed_json_is_reported_with_the_source() -> None:
    with pytest.raises(ProfileError, match=r"^c\.json: malformed JSON"):
        load_model(Customer, '{"name": "Nick"', source="c.json")


def test_models_are_frozen_and_strict() -> None:
    s = Situation(kind="delay", our_fault=True)
    with pytest.raises(pydantic.ValidationError):
        s.our_fault = False  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError, match="kind"):
        Situation.model_validate({"kind": "rant"})
    with pytest.raises(pydantic.ValidationError):
        Name.model_validate({"given": "A", "surname": "B"})


def test_interactions_need_time_zones() -> None:
    with pytest.raises(pydantic.ValidationError, match="timezone"):
        Interaction.model_validate(
            {"at": "2026-05-03T10:00:00", "direction": "inbound", "text": "Where is it?"}
        )
    ok = Interaction.model_validate(
        {"at": "2026-05-03T10:00:00+01:00", "direction": "inbound", "text": "Where is it?"}
    )
    assert ok.at.utcoffset() is not None
