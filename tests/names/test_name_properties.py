"""Properties over generated hard names: courtesy's own salutation passes its own checks,
and one edit to the family name in that salutation is caught."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from courtesy import Customer, check
from courtesy.names import strip_diacritics
from courtesy.rules.catalog.names import _CJK_GENERIC as CJK_GENERIC
from courtesy.rules.catalog.names import _CJK_HONORIFICS

LOCALES = ["en-GB", "en-US", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-BR", "hu-HU"]
CJK_LOCALES = ["ja-JP", "zh-CN", "ko-KR"]
TITLES = [None, "Mr", "Mrs", "Ms", "Mx", "Dr"]

_LOWER = "abcdefghijklmnopqrstuvwxyzäöüéèñçåøłšž"
_UPPER = "ABCDEFGHIJKLMNOPRSTUVWYZÄÖÜÉÅØŁŠŽ"


@st.composite
def word(draw: st.DrawFn, min_size: int = 3) -> str:
    head = draw(st.sampled_from(_UPPER))
    tail = draw(st.text(alphabet=_LOWER, min_size=min_size - 1, max_size=11))
    return head + tail


@st.composite
def family_name(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["plain", "particle", "apostrophe", "hyphen", "mc", "double"]))
    base = draw(word(4))
    if kind == "particle":
        return draw(st.sampled_from(["van", "de la", "von", "bin", "di", "van der"])) + " " + base
    if kind == "apostrophe":
        return draw(st.sampled_from(["O'", "D'"])) + base
    if kind == "hyphen":
        return base + "-" + draw(word(4))
    if kind == "mc":
        return "Mc" + base
    if kind == "double":
        return base + " " + draw(word(4))
    return base


@st.composite
def latin_customer(draw: st.DrawFn) -> Customer:
    shape = draw(st.sampled_from(["full", "full", "full", "family-only", "given-only"]))
    name: dict[str, str] = {}
    if shape != "given-only":
        name["family"] = draw(family_name())
    if shape != "family-only":
        name["given"] = draw(word()) + draw(st.sampled_from(["", "", "-" + draw(word())]))
    if shape == "full" and draw(st.booleans()):
        name["nickname"] = draw(word())
    title = draw(st.sampled_from(TITLES))
    if title:
        name["title"] = title
    return Customer.model_validate({
        "name": name, "locale": draw(st.sampled_from(LOCALES)),
        "formality": draw(st.sampled_from(["formal", "informal"])),
    })


@st.composite
def cjk_customer(draw: st.DrawFn) -> Customer:
    # without the characters of honorifics (様, 殿, 先生, 님...): a name that holds one is
    # read up to it, the way a person would read it (test_regressions covers names that are
    # an honorific or a generic word as a whole)
    honorific = set("".join(_CJK_HONORIFICS))
    han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(
        lambda c: c not in honorific)
    hangul = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3).filter(
        lambda c: c not in honorific)
    script = draw(st.sampled_from([han, hangul]))
    family = draw(st.text(alphabet=script, min_size=1, max_size=2))
    given = draw(st.text(alphabet=script, min_size=1, max_size=2))
    return Customer.model_validate({
        "name": {"family": family, "given": given},
        "locale": draw(st.sampled_from(CJK_LOCALES)),
        "formality": draw(st.sampled_from(["formal", "informal"])),
    })


def _body(customer: Customer) -> str:
    return "\n\nThank you for your patience; your order A-1042 is on its way."


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(latin_customer(), cjk_customer()))
def test_own_salutation_passes_own_checks(customer: Customer) -> None:
    text = customer.salutation() + ("" if customer.salutation().endswith("!") else ",")
    text += _body(customer)
    report = check(text, customer=customer, select=["NM", "SL"])
    assert report.findings == (), [(f.rule, f.message) for f in report.findings]


def _one_edit(draw: st.DrawFn, name: str) -> str:
    """A one-letter substitution inside the name (not the first letter, not a no-op)."""
    positions = [i for i, ch in enumerate(name) if i > 0 and ch.isalpha()]
    i = draw(st.sampled_from(positions))
    replacement = draw(st.sampled_from([
        c for c in "bdfgkmprstvz"
        if strip_diacritics(c) != strip_diacritics(name[i].lower())]))
    return name[:i] + replacement + name[i + 1 :]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(latin_customer(), st.data())
def test_one_edit_to_the_family_name_is_caught(customer: Customer, data: st.DataObject) -> None:
    formal = customer.model_copy(update={"formality": "formal"})
    salutation = formal.salutation()
    assume(formal.name.family is not None)
    last = formal.name.family.split()[-1]  # type: ignore[union-attr]
    assume(last in salutation)  # every shipped Latin locale writes the family name formally
    corrupted_word = _one_edit(data.draw, last)
    at = salutation.rindex(last)
    corrupted = salutation[:at] + corrupted_word + salutation[at + len(last) :]
    text = corrupted + ("" if corrupted.endswith("!") else ",") + _body(formal)
    report = check(text, customer=formal, select=["NM001"])
    assert report.findings, f"{corrupted!r} not caught for {formal.name}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cjk_customer(), st.data())
def test_one_character_off_in_a_cjk_family_name_is_caught(
    customer: Customer, data: st.DataObject
) -> None:
    formal = customer.model_copy(update={"formality": "formal"})
    salutation = formal.salutation()
    family = formal.name.family
    assert family is not None
    at = salutation.index(family)
    i = data.draw(st.integers(0, len(family) - 1))
    low, high = (0xAC00, 0xD7A3) if "\uac00" <= family[i] <= "\ud7a3" else (0x4E00, 0x9FA5)
    replacement = data.draw(
        st.characters(min_codepoint=low, max_codepoint=high).filter(
            lambda c: c != family[i] and c not in "様殿氏님先生女士小姐博士教授"))
    # a corruption that spells the given name is still a name of this customer, and one
    # that spells "everyone" (皆様) or "customer" (客户) is a generic salutation (NM008)
    assume(family[:i] + replacement + family[i + 1 :] != formal.name.given)
    assume(family[:i] + replacement + family[i + 1 :] not in CJK_GENERIC)
    corrupted = salutation[:at] + family[:i] + replacement + family[i + 1 :] + \
        salutation[at + len(family) :]
    report = check(corrupted + "、\n\nありがとうございます。", customer=formal, select=["NM001"])
    assert report.findings, f"{corrupted!r} not caught for {formal.name}"
